"""Tags only where a rule reads them: which tokens are chosen, and that the releases do not change."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

import release_nlp
from release_nlp.nlp import tagging

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

TEXT = (
    "Aid Reaches the Coast\n\n"
    "Maputo, 9 March 2023 – The convoy left the port at dawn. "
    "It carried 4,500 tonnes of maize flour for families in the north of the province, where the rains "
    "failed last year. Drivers said the road was open again. "
    "Oxfam thanked the drivers.\n"
)


def chosen_words(doc, flags: bytearray) -> list[str]:
    return [t.text for t in doc if flags[t.i]]


def test_the_words_after_a_figure_are_chosen_and_a_plain_sentence_is_not(blank: Language) -> None:
    doc = blank(TEXT)
    words = chosen_words(doc, tagging.tokens_to_tag(doc))
    at = words.index("4,500")
    assert words[at:at + 5] == ["4,500", "tonnes", "of", "maize", "flour"]
    assert "Drivers" not in words


def test_dates_and_years_are_no_figures(blank: Language) -> None:
    doc = blank("Relief Plan Renewed for Flood Districts\n\n"
                "LUSAKA – The 2019 plan was renewed. It ended in the year 2021 as planned.\n")
    doc._.release_dates = ([{"span": {"start": 0, "end": 0}}], [])
    assert "body" in [s.label_ for s in doc.spans["sections"]]
    assert not any(tagging.tokens_to_tag(doc))


def test_a_date_read_by_the_date_reader_is_skipped(blank: Language) -> None:
    text = "Team Meets Donors\n\nThe agency said its teams were ready. On 9 March the team met.\n"
    doc = blank(text)
    assert "9" in chosen_words(doc, tagging.tokens_to_tag(doc))
    start = text.index("9 March")
    doc._.release_dates = ([{"span": {"start": start, "end": start + len("9 March")}}], [])
    assert "9" not in chosen_words(doc, tagging.tokens_to_tag(doc))


def test_figures_where_the_figure_reader_does_not_read_are_not_chosen(blank: Language) -> None:
    # The figure reader reads the body and notes; a headline's figure is not read, so its words need no tags.
    doc = blank("40 Trucks Reach Sylhet\n\nThe agency said 12 boats carried food.\n")
    words = chosen_words(doc, tagging.tokens_to_tag(doc))
    assert "boats" in words
    assert "Trucks" not in words


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_one_word_organisation_or_person_is_chosen(blank: Language, label: str) -> None:
    doc = blank(TEXT)
    oxfam = next(t.i for t in doc if t.text == "Oxfam")
    assert not tagging.tokens_to_tag(doc)[oxfam]
    doc.ents = [Span(doc, oxfam, oxfam + 1, label=label)]
    assert tagging.tokens_to_tag(doc)[oxfam]


def test_the_unit_phrase_after_a_figure_is_chosen_past_a_line_break(blank: Language) -> None:
    doc = blank("Schools Reopen After Floods in Eastern District\n\n"
                "LUSAKA – They counted 1,200\nchildren out of school in the district.\n")
    assert "children" in chosen_words(doc, tagging.tokens_to_tag(doc))


def test_context_surrounds_each_run_of_chosen_tokens() -> None:
    flags = bytearray(30)
    flags[10:12] = b"\x01\x01"
    flags[28] = 1
    context = tagging.CONTEXT
    assert tagging.with_context(flags) == [*range(10 - context, 12 + context), *range(28 - context, 30)]


def test_no_tokens_no_work(blank: Language) -> None:
    assert tagging.tokens_to_tag(blank("")) == bytearray()
    assert tagging.with_context(bytearray(5)) == []


@pytest.mark.integration
def test_only_chosen_tokens_carry_tags(nlp: Language) -> None:
    doc = nlp(TEXT)
    tagged = {t.text for t in doc if t.tag_}
    assert {"4,500", "tonnes", "maize", "flour"} <= tagged
    assert doc[[t.text for t in doc].index("tonnes")].tag_ == "NNS"
    assert not {"Drivers", "road"} & tagged


@pytest.mark.integration
def test_chosen_tokens_get_their_whole_text_tags(nlp: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + [TEXT]
    for doc in nlp.pipe(texts):
        whole = nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(nlp.make_doc(doc.text)))
        chosen = tagging.tokens_to_tag(doc)
        assert sum(chosen) > 5
        assert [t.tag_ for t in doc if chosen[t.i]] == [t.tag_ for t in whole if chosen[t.i]]


@pytest.mark.integration
def test_releases_equal_those_with_every_token_tagged(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.md"))]
    texts.append(TEXT)
    chosen = [r.model_dump() for r in release_nlp.extract_many(texts, nlp=nlp)]
    monkeypatch.setattr(tagging, "tokens_to_tag", lambda doc: bytearray(b"\x01" * len(doc)))
    everything = [r.model_dump() for r in release_nlp.extract_many(texts, nlp=nlp)]
    assert len(texts) >= 4
    assert chosen == everything
