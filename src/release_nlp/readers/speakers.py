"""Quotes with their speakers: the person an attribution names, a pronoun's antecedent, or a titled name."""

from __future__ import annotations

from typing import Any

import regex

from release_nlp.core.text import fold, squash
from release_nlp.readers.organisations import OrgRecord, clean_org
from release_nlp.readers.people import PersonRecord, _resolve
from release_nlp.readers.quotes import attribution, find_quotes
from release_nlp.readers.roles import is_role_word
from release_nlp.readers.sections import SectionMap

PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def read_quotes(
    text: str, sections: SectionMap, people: list[PersonRecord], orgs: list[OrgRecord]
) -> list[dict[str, Any]]:
    """The quotes of the release proper, each with its speaker (or None)."""
    out: list[dict[str, Any]] = []
    previous: str | None = None
    previous_end = -1
    mentions = sorted((s, e, p) for p in people for _, s, e in p.mentions)
    for q in find_quotes(text):
        if not sections.is_content(q.start):
            continue
        who = attribution(text, q)
        speaker = _speaker(text, who, q.start, mentions, people, orgs) if who else None
        if speaker is None and previous and q.start - previous_end < 600:
            speaker = previous  # a quote continued after its attribution
        body = squash(text[q.start:q.end]).strip(" ,")
        out.append({"text": body, "speaker": speaker, "span": {"start": q.start, "end": q.end}})
        previous, previous_end = speaker, q.end
    return out


def _speaker(
    text: str,
    who: tuple[int, int],
    quote_start: int,
    mentions: list[tuple[int, int, PersonRecord]],
    people: list[PersonRecord],
    orgs: list[OrgRecord],
) -> str | None:
    s, e = who
    for ms, me, person in mentions:
        if ms < e and me > s:
            return person.name
    phrase = squash(text[s:e])
    low = phrase.casefold()
    if low in PRONOUNS:
        before = [p for ms, _, p in mentions if ms < quote_start]
        return before[-1].name if before else None
    # "said IOM's Chief of Mission in Sudan, William Barriga": the name right after the title phrase.
    for ms, _me, person in mentions:
        if e <= ms <= e + 40 and regex.fullmatch(r"[^.;:“”\"\n]{0,36}?,?\s*", text[e:ms]):
            return person.name
    bare = regex.sub(r"^(?:the|a|an)\s+", "", low)
    for person in people:
        for title in person.titles:
            t = fold(title)
            if t == bare or bare.endswith(" " + t) or t.endswith(" " + bare):
                return person.name
    named = _resolve(phrase, people)
    if named:
        return named.name
    for rec in orgs:
        if fold(clean_org(phrase)) in rec.forms():
            return rec.name
    return _new_speaker(phrase, s, people)


def _new_speaker(phrase: str, start: int, people: list[PersonRecord]) -> str | None:
    """`– Commissioner Jan Rask`: a titled name the model missed becomes a person."""
    words = phrase.split()
    title_words: list[str] = []
    while words and is_role_word(words[0]) and words[0][:1].isupper():
        title_words.append(words.pop(0))
    if not title_words or not 2 <= len(words) <= 3 or not all(regex.fullmatch(r"\p{Lu}[\p{Ll}'’-]+", w)
                                                                for w in words):
        return None
    name = " ".join(words)
    person = PersonRecord(name)
    person.add_title(" ".join(title_words))
    offset = start + phrase.index(name)
    person.mentions.append((name, offset, offset + len(name)))
    people.append(person)
    return name
