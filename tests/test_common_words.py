"""Capitalised common words are no names: topics written in lower case elsewhere, sentence adverbs, run-on figures."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from release_nlp.readers.common_words import (
    LowerCase,
    group_names,
    opens_a_sentence_as_adverb,
    reads_as_no_place,
    without_trailing_number,
)

TEXT = ("Malaria\nCases of malaria rose after the rains, and gender-based violence referrals doubled.\n"
        "Gender-Based Violence\nPort Security is a priority: port security staff were trained.")


@pytest.mark.parametrize(("name", "written"), [
    ("Malaria", True),
    ("Gender-Based Violence", True),
    ("Port Security", True),
    ("Kibuye", False),
    ("Security Council", False),  # "security" is written, but never "security council"
])
def test_a_name_the_text_also_writes_in_lower_case_is_a_topic(name: str, written: bool) -> None:
    assert LowerCase(TEXT).writes(name) is written


def test_a_sentence_opening_adverb_is_no_name(blank: Language) -> None:
    doc = blank("Sadly, the road to Kibuye closed. Noting, as before, the rains. Kibuye, a market town, flooded.")
    starts = {t.i for t in doc if t.i == 0 or doc[t.i - 1].text == "."}
    for token in doc:
        token.is_sent_start = token.i in starts
    words = {t.text: Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text in ("Sadly", "Noting", "Kibuye")}
    assert opens_a_sentence_as_adverb(words["Sadly"])
    assert opens_a_sentence_as_adverb(words["Noting"])
    assert not opens_a_sentence_as_adverb(words["Kibuye"])


@pytest.mark.parametrize(("word", "no_place"), [
    ("Counselor", True), ("Nepalis", True), ("Kenyan", True), ("Kibuye", False), ("Lower", False),
    ("Charkh", False),  # shares letters with "Chad", but is no nationality
    ("Nebraskans", True), ("Californian", True), ("Medan", False),
])
def test_a_role_or_a_people_is_no_place(blank: Language, word: str, no_place: bool) -> None:
    doc = blank(f"The {word} team met in the hall.")
    assert reads_as_no_place(Span(doc, 1, 2, label="GPE")) is no_place


def test_a_group_named_before_its_members_and_a_hyphenated_role_are_no_place(blank: Language) -> None:
    doc = blank("Forces detained two Zarqa leaders near Velmor after the Secretary-General spoke.")
    senior = blank("They sought a Zarqa senior commander.")
    assert reads_as_no_place(Span(senior, 3, 4, label="GPE"))
    assert reads_as_no_place(Span(doc, 3, 4, label="GPE"))
    assert not reads_as_no_place(Span(doc, 6, 7, label="GPE"))
    role = next(t.i for t in doc if t.text == "Secretary")
    assert reads_as_no_place(Span(doc, role, role + 3, label="GPE"))  # "Secretary", "-", "General"


def test_a_group_name_shown_once_is_no_place_anywhere_in_the_release(blank: Language) -> None:
    doc = blank("Troops arrested a Velsari Network financier in Orbak. Later, Velsari activity rose near Orbak.")
    mentions = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text in ("Velsari", "Orbak")]
    assert [reads_as_no_place(m) for m in mentions] == [True, False, True, False]
    assert group_names(doc) == {"Velsari"}
    plain = blank("Velsari activity rose near Orbak.")  # no member noun: nothing shows a group
    assert group_names(plain) == frozenset()
    places = blank("The Orbak district leader met Chairman Brant and members of the Velsari senior leadership.")
    assert group_names(places) == {"Velsari"}


def test_a_figure_run_on_after_a_place_is_cut_off(blank: Language) -> None:
    doc = blank("displaced in Kibuye 2,400 and in Lower Mpala 12 000")
    assert without_trailing_number(Span(doc, 2, 4, label="GPE")).text == "Kibuye"
    assert without_trailing_number(Span(doc, 6, 10, label="GPE")).text == "Lower Mpala"
    kept = Span(doc, 2, 3, label="GPE")
    assert without_trailing_number(kept) is kept


@pytest.mark.integration
def test_a_title_case_heading_of_a_topic_is_no_organisation() -> None:
    import release_nlp

    text = ("Relief agency expands cholera response in Lakeside region\n\n"
            "KAMPALA, 4 May 2025 - The Lakeside Health Office and partners scaled up treatment this week.\n\n"
            "Gender-Based Violence\nPartners opened two safe spaces, as gender-based violence referrals doubled.\n")
    release = release_nlp.extract(text)
    assert [o.name for o in release.organisations] == ["Lakeside Health Office"]


def test_web_and_mail_addresses_are_no_lower_case_use() -> None:
    lower = LowerCase("Write to press@brightwater.org or see www.brightwater.org/news. Malaria and malaria.")
    assert not lower.writes("Brightwater") and not lower.writes("News")
    assert lower.writes("Malaria")
