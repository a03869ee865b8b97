"""Titles the trained recogniser marks (TITLE) beside a person the rules found no title for.

The rules read titles through a vocabulary of role heads (`models/titles.json`); the recogniser trained
for press releases (`models/ner`) also knows roles outside it ("tank gunner", "Reeve", "Commodore").
Its TITLE spans are taken only in the two places a role names its holder: right before the name
(honorifics between allowed: "Commodore Dr. Jane Roe") and in apposition right after it ("Jane Roe,
the civil affairs team leader,").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from release_nlp.readers.people import PersonRecord
from release_nlp.readers.roles import is_honorific

TITLE = "TITLE"
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


def add_model_titles(doc: Doc, people: list[PersonRecord], ents: Sequence[Span]) -> None:
    """Give each person without a title the recogniser's TITLE span next to one of their mentions."""
    titles = [e for e in ents if e.label_ == TITLE]
    if not titles:
        return
    ending_at = {e.end: e for e in titles}
    starting_at = {e.start: e for e in titles}
    for person in people:
        if person.titles:
            continue
        for _, start, end in person.mentions:
            name = doc.char_span(start, end, alignment_mode="expand")
            if name is None:
                continue
            title = _before(doc, name, ending_at) or _after(doc, name, starting_at)
            if title is not None:
                person.add_title(title.text)
                break


def _before(doc: Doc, name: Span, ending_at: dict[int, Span]) -> Span | None:
    i = name.start
    while i > 0 and is_honorific(doc[i - 1].text):
        i -= 1
    return ending_at.get(i)


def _after(doc: Doc, name: Span, starting_at: dict[int, Span]) -> Span | None:
    i = name.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ in _DETERMINERS:
        i += 1
    return starting_at.get(i)
