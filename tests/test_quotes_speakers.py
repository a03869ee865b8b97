"""Quotations, their speakers and contact numbers (issue 15 classes), on invented text."""

from __future__ import annotations

import pytest

from release_nlp.readers.contacts import find_contacts
from release_nlp.readers.people import PersonRecord
from release_nlp.readers.quotes import attribution, find_quotes
from release_nlp.readers.sections import SectionMap
from release_nlp.readers.speakers import read_quotes


def people_in(text: str, *names: str) -> list[PersonRecord]:
    """Person records with every mention of each name (what the people reader would hand over)."""
    out = []
    for name in names:
        person = PersonRecord(name)
        start = text.find(name)
        while start >= 0:
            person.mentions.append((name, start, start + len(name)))
            start = text.find(name, start + 1)
        out.append(person)
    return out


def speakers(text: str, *names: str) -> list[str | None]:
    sections = SectionMap((0,), (len(text),), ("body",), None, None, None)
    return [q["speaker"] for q in read_quotes(text, sections, people_in(text, *names), [])]


class TestQuoteDetection:
    @pytest.mark.parametrize("text", [
        "The Senate passed the “Clean Rivers and Lakes Act of 2005” by a wide margin.",
        "Copies of the report “Hunger in the Dry Valleys” are available from the agency.",
        "Critics call it the “war on small farmers” and want it repealed.",
    ])
    def test_quoted_names_and_scare_quotes_are_no_quotations(self, text: str) -> None:
        assert find_quotes(text) == []

    def test_a_quoted_sentence_is_still_a_quotation(self) -> None:
        text = "“We Will Not Give Up On Dorvale, Not Now,” said Jan Rask."
        assert len(find_quotes(text)) == 1

    def test_curly_opened_straight_closed(self) -> None:
        text = ('“The roads are open again and trucks are moving," said Jan Rask.\n\n'
                "“Families need seeds before the rains,” said Ana Lim. “The window is short.”")
        quotes = find_quotes(text)
        assert [text[q.start:q.end][:9] for q in quotes] == ["The roads", "Families ", "The windo"]

    @pytest.mark.parametrize(("text", "who"), [
        ("“We will rebuild every school in the district,” said Lt. Col. Jan Rask, the commander.",
         "Lt. Col. Jan Rask"),
        ("“We will rebuild every school in the district,” said U.S. Army Maj. Gen. Jan Rask.",
         "U.S. Army Maj. Gen. Jan Rask"),
        ("“We will rebuild every school in the district,” said Jan Rask. The agency said more.", "Jan Rask"),
    ])
    def test_speaker_named_by_rank_and_name(self, text: str, who: str) -> None:
        (q,) = find_quotes(text)
        span = attribution(text, q)
        assert span is not None and text[span[0]:span[1]] == who


class TestSpeakers:
    def test_each_quote_gets_its_own_speaker_not_the_previous_one(self) -> None:
        text = ("Ana Lim, Minister of Water, said: “The wells will be repaired before the dry season.”\n\n"
                "Jan Rask, Chair of the Donor Group for Dorvale – a partnership of ten agencies – said: "
                "“We commend the dialogue that shaped these grants.”\n\n"
                "Tom Fenn, speaking on behalf of the farmers’ unions, said: “We are glad the seeds will come.”")
        assert speakers(text, "Ana Lim", "Jan Rask", "Tom Fenn") == ["Ana Lim", "Jan Rask", "Tom Fenn"]

    def test_an_unnamed_speaker_is_not_the_previous_one(self) -> None:
        text = ("“The wells will be repaired before the dry season,” said Ana Lim.\n\n"
                "“We walk four hours for water every day of the week,” a farmer told the visitors.")
        assert speakers(text, "Ana Lim") == ["Ana Lim", None]

    def test_a_description_refers_back_to_the_previous_speaker(self) -> None:
        text = ("“The wells will be repaired before the dry season,” said Dr. Ana Lim, the Minister of Water. "
                "“We have the pumps already in the country,” added the Minister.")
        assert speakers(text, "Ana Lim") == ["Ana Lim", "Ana Lim"]

    def test_pronoun_after_a_quote_is_that_speaker_not_a_place_misread_as_a_person(self) -> None:
        text = ("“The wells will be repaired before the dry season,” Ana Lim said.\n\n"
                "Floods hit Kelvo and Marra on Monday.\n\n"
                "“We have the pumps already in the country,” she said.")
        assert speakers(text, "Ana Lim", "Kelvo") == ["Ana Lim", "Ana Lim"]

    @pytest.mark.parametrize("lead", [
        "Statement by Senator Jan Rask\n\nOn the nomination of Ana Lim to the Water Board:\n\n",
        "Sen. Jan Rask today released the following statement after Ana Lim was confirmed:\n\n",
        "U.S. Sen. Jan Rask, R-Texas, today issued the following statement on the vote for Ana Lim.\n\n",
        "Ana Lim was confirmed on Tuesday. Here is Jan Rask's statement.\n\n",
    ])
    def test_a_statement_is_spoken_by_its_issuer(self, lead: str) -> None:
        text = lead + "“Today the Senate chose a public servant of rare skill and deep integrity.”"
        assert speakers(text, "Jan Rask", "Ana Lim") == ["Jan Rask"]


class TestContactNumbers:
    def test_labelled_numbers_libphonenumber_cannot_place(self) -> None:
        text = ("For more information please contact:\n"
                "Ana Lim, Agency/Dorvale, Tel. +0115550131;  Mob. +251911555817\n")
        phones = [h.phone for h in find_contacts(text, [(0, len(text))], [(0, len(text))]) if h.phone]
        assert phones == ["+0115550131", "+251911555817"]


def test_two_people_sharing_a_mention_do_not_break_the_speaker_search() -> None:
    from release_nlp.readers.people import PersonRecord
    from release_nlp.readers.sections import SectionMap
    from release_nlp.readers.speakers import read_quotes

    text = "“We will stay until every family in the valley has clean water,” said Ana Lim."
    first, second = PersonRecord("Ana Lim"), PersonRecord("Ana Lim Ortiz")
    start = text.index("Ana Lim")
    for person in (first, second):
        person.mentions.append(("Ana Lim", start, start + 7))
    sections = SectionMap((0,), (len(text),), ("body",), None, None, None)
    quotes = read_quotes(text, sections, [first, second], [])
    assert [q["speaker"] for q in quotes] == ["Ana Lim"]


def test_a_contact_line_opened_by_its_place_names_the_person_after_it() -> None:
    from release_nlp.readers.contact_people import contact_people

    text = ("For more information please contact:\n"
            "In Kampala, Rosa Tamm, +256 700 000 000, tamm@agency.example.org\n"
            "In Geneva, Ivo Marek, marek@agency.example.org, +41 79 000 00 00\n"
            "Lea Brandt, Regional Technical Advisor, brandt@agency.example.org\n"
            "Mr. Tomas Ek, Programme Analyst, Water Security, ek@agency.example.org\n")
    people: list[PersonRecord] = []
    contact_people(text, find_contacts(text, [(0, len(text))], [(0, len(text))]), people, [])
    assert [p.name for p in people] == ["Rosa Tamm", "Ivo Marek", "Lea Brandt", "Tomas Ek"]


def test_a_title_in_a_contact_line_is_nobody() -> None:
    from release_nlp.readers.contact_people import _could_be_contact_name

    assert not _could_be_contact_name("Regional Technical Advisor", [])
    assert not _could_be_contact_name("In Kampala", [])
    assert _could_be_contact_name("Howard Dean", [])  # a surname that is also a role word
