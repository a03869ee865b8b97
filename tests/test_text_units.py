"""Unit tests of the text-level readers: inputs, acronyms, quotes, contacts, schema."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from release_nlp import EmptyInput, Release, UnsupportedFormat
from release_nlp.io.prepare import blank_markdown, prepare, sniff
from release_nlp.readers.abbreviations import find_definitions
from release_nlp.readers.contacts import find_contacts
from release_nlp.readers.quotes import attribution, find_quotes


class TestInputs:
    def test_markdown_is_blanked_without_moving_offsets(self) -> None:
        text = "**GENEVA** – The [World Health Organization](https://example.org/who) said _today_ it would act."
        out = blank_markdown(text)
        assert len(out) == len(text)
        assert "*" not in out and "](" not in out and "_" not in out
        start = text.index("World Health Organization")
        assert out[start:start + 25] == "World Health Organization"

    def test_sniff(self) -> None:
        assert sniff("Plain text, nothing else.") == "text"
        assert sniff("Some **bold** text") == "markdown"
        assert sniff("A [link](http://x.org) here") == "markdown"

    def test_empty_input_is_a_typed_error(self) -> None:
        with pytest.raises(EmptyInput, match="no text"):
            prepare("   \n ")

    def test_unknown_format(self) -> None:
        with pytest.raises(UnsupportedFormat, match="docx"):
            prepare("text", "docx")


class TestAcronyms:
    def test_long_form_before_short_form(self) -> None:
        text = ("The Displacement Tracking Matrix (DTM) estimates that over 900,000 internally displaced persons "
                "(IDPs) have returned, said the International Organization for Migration (IOM).")
        found = {d.short: d.long for d in find_definitions(text)}
        assert found == {
            "DTM": "Displacement Tracking Matrix",
            "IDPs": "internally displaced persons",
            "IOM": "International Organization for Migration",
        }

    def test_offsets_point_at_the_long_form(self) -> None:
        text = "Funds come from the Central Emergency Response Fund (CERF) this year."
        (d,) = find_definitions(text)
        assert text[d.long_start:d.long_end] == "Central Emergency Response Fund"

    @pytest.mark.parametrize("text", ["He said (yes) to it.", "The year (2017) was hard.", "A note (see below)."])
    def test_no_false_definitions(self, text: str) -> None:
        assert find_definitions(text) == []


class TestQuotes:
    def test_curly_quote_with_attribution_after(self) -> None:
        text = "“We will not leave anyone behind in this crisis,” said Amy Pope on Monday."
        (q,) = find_quotes(text)
        assert text[q.start:q.end].startswith("We will not leave")
        who = attribution(text, q)
        assert who is not None and text[who[0]:who[1]] == "Amy Pope"

    def test_speaker_before_quote(self) -> None:
        text = "The Country Director Jane Doe said: “Our teams are on the ground today.”"
        (q,) = find_quotes(text)
        who = attribution(text, q)
        assert who is not None and text[who[0]:who[1]].endswith("Jane Doe")

    def test_name_then_verb_after_quote(self) -> None:
        text = '"This funding keeps the clinic doors open," Holloway said.'
        (q,) = find_quotes(text)
        who = attribution(text, q)
        assert who is not None and text[who[0]:who[1]] == "Holloway"

    def test_multi_paragraph_quote(self) -> None:
        text = ("“The first paragraph of the statement goes on here\n\n"
                "“And the second paragraph closes it at last,” she said.")
        quotes = find_quotes(text)
        assert len(quotes) == 1
        assert "second paragraph" in text[quotes[0].start:quotes[0].end]

    def test_scare_quotes_are_not_quotations(self) -> None:
        assert find_quotes("The situation reached a “critical point” this week.") == []

    @pytest.mark.parametrize("text", ["“Unclosed quote runs on and on", "”Backwards“", '"""', "“" * 1000])
    def test_unbalanced_marks_never_raise(self, text: str) -> None:
        for q in find_quotes(text):
            assert 0 <= q.start <= q.end <= len(text)
            attribution(text, q)


class TestContacts:
    def test_emails_and_phones(self) -> None:
        text = "For more information:\nIn Geneva: Ana Ruiz, ana.ruiz@example.org, +41 79 123 45 67\n"
        hits = find_contacts(text, [(0, len(text))], [(0, len(text))])
        assert [h.email for h in hits if h.email] == ["ana.ruiz@example.org"]
        (phone,) = [h for h in hits if h.phone]
        assert phone.phone == "+41 79 123 45 67" and phone.phone_e164 == "+41791234567"
        assert all(h.place == "Geneva" for h in hits)

    def test_phones_only_in_the_contact_block(self) -> None:
        text = "Call +1 202 555 0143 now.\nContact:\n+1 202 555 0188"
        hits = find_contacts(text, [], [(text.index("Contact"), len(text))])
        assert [h.phone_e164 for h in hits] == ["+12025550188"]

    def test_lines_and_places_of_several_contacts(self) -> None:
        text = ("Media contacts\nIn Nairobi:\nJo Kimani, jo@example.org\u2028In Lagos: Ada Obi, ada@example.org, "
                "ben@example.org\nlast@example.org")
        hits = find_contacts(text, [(0, len(text))], [])
        first_line = (text.index("Jo Kimani"), text.index("\u2028"))
        second_line = (text.index("In Lagos"), text.index("\nlast"))
        assert [(h.email, h.line, h.place) for h in hits] == [
            ("jo@example.org", first_line, "Nairobi"),
            ("ada@example.org", second_line, "Lagos"),
            ("ben@example.org", second_line, "Lagos"),
            ("last@example.org", (len(text) - len("last@example.org"), len(text)), "Lagos"),
        ]

    def test_a_contact_segment_runs_back_to_the_previous_hit_of_its_kind(self) -> None:
        from release_nlp.readers.contact_people import contact_segments

        text = "Ada Obi, ada@example.org, +234 1 555 0100, Ben Eze, ben@example.org"
        hits = find_contacts(text, [(0, len(text))], [(0, len(text))])
        emails = [(h, seg) for h, seg in zip(hits, contact_segments(hits), strict=True) if h.email]
        assert [text[s:e] for _, (s, e) in emails] == ["Ada Obi, ", ", +234 1 555 0100, Ben Eze, "]


class TestSchema:
    def test_release_is_frozen_and_validated(self) -> None:
        release = Release(title="A", published=dt.date(2024, 12, 18))
        with pytest.raises(ValidationError):
            release.title = "B"  # type: ignore[misc]
        with pytest.raises(ValidationError):
            Release.model_validate({"places": [{"name": "Lebanon", "country_code": "Lebanon"}]})
        with pytest.raises(ValidationError):
            Release.model_validate({"dates": [{"text": "x", "span": {"start": 5, "end": 1}}]})

    def test_json_contract(self) -> None:
        data = Release(title="A", published=dt.date(2024, 12, 18)).model_dump(mode="json")
        for key in ("title", "published", "dateline", "people", "organisations", "places", "dates", "figures",
                    "quotes", "contacts"):
            assert key in data
        assert data["published"] == "2024-12-18"
        schema = Release.model_json_schema()
        assert "Person" in schema["$defs"] and "Figure" in schema["$defs"]


class TestContainsWord:
    @pytest.mark.parametrize(
        ("text", "phrase", "found"),
        [
            ("the who mission to sudan", "who", True),
            ("somewhere in the region", "who", False),  # inside a word
            ("whoever called", "who", False),
            ("un women and unicef", "unicef", True),
            ("unicef's team", "unicef", True),  # a possessive is a boundary
            ("unicef_2 report", "unicef", False),
            ("a who", "who", True),
            ("un-habitat", "un", True),  # a hyphen is a boundary, as in regex \b
            ("", "who", False),
            ("anything", "", False),
        ],
    )
    def test_word_bounded_search(self, text: str, phrase: str, found: bool) -> None:
        from release_nlp.core.text import contains_word

        assert contains_word(text, phrase) is found


class TestIntervals:
    def test_overlap_queries(self) -> None:
        from release_nlp.core.intervals import Intervals

        spans = Intervals([(10, 20), (0, 5), (30, 100)])
        assert list(spans.overlapping(4, 11)) == [(0, 5), (10, 20)]
        assert list(spans.overlapping(20, 30)) == []  # ends are exclusive
        assert list(spans.overlapping(95, 96)) == [(30, 100)]  # a long interval that starts far back
        spans.add(12, 14)
        assert list(spans.overlapping(13, 13 + 1)) == [(10, 20), (12, 14)]
        assert len(spans) == 4
        assert list(Intervals().overlapping(0, 10)) == []
