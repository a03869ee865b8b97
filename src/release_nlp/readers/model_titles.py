"""Titles the trained recogniser marks (TITLE) beside a person the rules found no title for.

The rules read titles through a vocabulary of role heads (`models/titles.json`); the recogniser trained
for press releases (`models/ner`) also knows roles outside it ("tank gunner", "Reeve", "Commodore").
Its TITLE spans are taken only in the two places a role names its holder: right before the name
(honorifics between allowed: "Commodore Dr. Jane Roe") and in apposition right after it ("Jane Roe,
the civil affairs team leader,").
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from spacy.tokens import Doc, Span

from release_nlp.readers.people import PersonRecord
from release_nlp.readers.roles import is_honorific, is_role_word

TITLE = "TITLE"
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})
MIDDLE_INITIAL = regex.compile(r"\p{Lu}\.")  # "Paul I. Norton"
_CONNECTORS = frozenset({"of", "for", "and", "&", "on", "to", "at", "in", "the"})


def names_out_of_titles(doc: Doc, ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """`Sens. Orrin Hatch`, `Chief of Mission Paul I. Norton` tagged TITLE whole: the name that ends it is a PERSON.

    The name is the last two words, or three with an initial between ("Paul I. Norton"); its words are
    capitalised, no role or honorific words, and the first does not follow a connector ("of Foreign Affairs").
    """
    if not any(e.label_ == TITLE for e in ents):
        return ents
    out: list[Span] = []
    for ent in ents:
        start = _name_at_end(doc, ent) if ent.label_ == TITLE else None
        if start is None:
            out.append(ent)
        else:
            out += [Span(doc, ent.start, start, label=TITLE), Span(doc, start, ent.end, label="PERSON")]
    return tuple(out)


def names_without_hometowns(doc: Doc, ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """`Khadija Amin of Sarband` tagged PERSON whole: the name ends before "of" (the town is read as a place).

    Only a full name (two capitalised words or more) before "of" and one to three capitalised words after it.
    """
    out = []
    for ent in ents:
        of = next((t.i for t in ent if t.lower_ == "of"), None) if ent.label_ == "PERSON" else None
        if of is not None and of - ent.start >= 2 and 1 <= ent.end - of - 1 <= 3 \
                and all(t.text[:1].isupper() for t in ent if t.i != of):
            ent = Span(doc, ent.start, of, label="PERSON")
        out.append(ent)
    return tuple(out)


def _name_at_end(doc: Doc, title: Span) -> int | None:
    for size in (3, 2):
        start = title.end - size
        if start <= title.start or doc[start - 1].lower_ in _CONNECTORS:
            continue
        words = doc[start:title.end]
        if size == 3 and not MIDDLE_INITIAL.fullmatch(words[1].text):
            continue
        if all(_name_word(w.text) for i, w in enumerate(words) if not (size == 3 and i == 1)):
            return start
    return None


def _name_word(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and not word.isupper() and not is_role_word(word) \
        and not is_honorific(word)


def add_model_titles(doc: Doc, people: list[PersonRecord], ents: Sequence[Span]) -> None:
    """Give each person without a title the recogniser's TITLE span next to one of their mentions."""
    # A role is written in words: a span without one is a contact's number or a date the model misread.
    titles = [e for e in ents if e.label_ == TITLE and any(t.is_alpha for t in e)]
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
