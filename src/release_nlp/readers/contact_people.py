"""People named in contact lines, and the person each e-mail or phone number belongs to."""

from __future__ import annotations

from bisect import bisect_left

import regex

from release_nlp.core.text import contains_word, fold
from release_nlp.readers import gazetteer
from release_nlp.readers.contacts import ContactHit
from release_nlp.readers.org_gazetteer import known_org
from release_nlp.readers.org_names import ORG_WORDS
from release_nlp.readers.organisations import OrgRecord
from release_nlp.readers.people import PeopleIndex, PersonRecord
from release_nlp.readers.roles import has_head, is_role_word

CONTACT_NAME = regex.compile(
    r"(?:^|[,;:]\s*|\d\s+|\s(?:or|and|contact)\s+|\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)(?P<name>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{L}'’-]+){1,2})"
    r"(?=\s*,|\s+(?:at|on|in)\s)"
)


def contact_segments(hits: list[ContactHit]) -> list[tuple[int, int]]:
    """The stretch of its contact line that belongs to each hit: back to the previous hit of its kind.

    `hits` are in text order, as `find_contacts` gives them.
    """
    last_end: dict[tuple[tuple[int, int], bool], int] = {}  # (line, is e-mail) -> end of the last hit so far
    segments = []
    for hit in hits:
        key = (hit.line, hit.email is not None)
        start = hit.line[0]
        previous = last_end.get(key)
        if previous is not None and start < previous <= hit.start:
            start = previous
        segments.append((start, hit.start))
        last_end[key] = max(hit.end, last_end.get(key, hit.end))
    return segments


LABEL_PREPOSITIONS = frozenset({"in", "at", "from", "for", "on", "by", "via", "to", "with"})


def _could_be_contact_name(name: str, orgs: list[OrgRecord]) -> bool:
    """Not a place, an organisation, a place's label or a title, and no acronym among its words."""
    if gazetteer.lookup(name) or known_org(name) is not None:
        return False
    words = name.split()
    if words and (words[0].casefold() in LABEL_PREPOSITIONS or (has_head(name) and all(map(is_role_word, words)))):
        return False  # "In Kampala, ...", "..., Regional Technical Advisor, ...": a place's label, a title
    if any(w.isupper() and len(w.rstrip(".")) > 1 for w in words):
        return False
    return not any(fold(w) in o.forms() for o in orgs for w in words)


def contact_people(text: str, hits: list[ContactHit], people: list[PersonRecord], orgs: list[OrgRecord]) -> None:
    """Names in contact lines are people, with the organisation the line gives them.

    `Jens Laerke, OCHA Geneva, laerke@un.org`
    """
    index = PeopleIndex(people)  # once: a scan per contact line was quadratic in long contact lists
    for s, e in contact_segments(hits):
        segment = text[s:e]
        m = next((c for c in CONTACT_NAME.finditer(segment) if _could_be_contact_name(c.group("name"), orgs)), None)
        if not m:
            continue
        name, start = m.group("name"), s + m.start("name")
        title = _leading_title(name)
        if title:
            name, start = name[len(title):].lstrip(), start + len(title) + 1  # "Director Claus Berg"
        person = index.resolve(name)
        if person is None:
            person = PersonRecord(name)
            people.append(person)
            index.add(person)
        if not any(ms == start for _, ms, _e in person.mentions):
            person.mentions.append((name, start, start + len(name)))
        if title:
            person.add_title(title)
        if person.organisation is None:
            for rec in orgs:
                forms = [f for f in (rec.acronym, rec.name, *rec.aliases) if f]
                if any(contains_word(segment[m.end():], f) for f in forms):
                    person.organisation = rec.acronym or rec.name
                    break
        if person.organisation is None:
            body = LINE_BODY.match(segment[m.end():])
            if body and body.group("head").casefold() in ORG_WORDS:
                person.organisation = body.group("body")


# "Claus Berg, Unit for Humanitarian Assistance and Policy, tel. ...": a body named after the name.
LINE_BODY = regex.compile(
    r"\s*,\s*(?P<body>(?:\p{Lu}[\p{L}'’-]*+\s+){0,6}(?P<head>\p{Lu}[\p{L}'’-]*+)"
    r"(?:\s+(?:of|for|on|and|&)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*+(?:\s+\p{Lu}[\p{L}'’-]*+){0,5}){0,4})\s*[,;(\n]"
)


def _leading_title(name: str) -> str:
    """The role words a contact line puts before a name ("Director" in "Director Claus Berg"), or ""."""
    words = name.split()
    run = 0
    while run < len(words) - 2 and is_role_word(words[run]):
        run += 1
    return " ".join(words[:run]) if run and has_head(" ".join(words[:run])) else ""


def contact_names(hits: list[ContactHit], people: list[PersonRecord]) -> list[str | None]:
    """For each contact hit, the person named last before it on its line (or just above it).

    The mentions are sorted once and each hit looks back by bisection (a scan of every mention per hit
    was quadratic in long contact lists); of two mentions at one position the earlier person wins.
    """
    mentions = sorted((s, -i, person.name) for i, person in enumerate(people) for _, s, _e in person.mentions)
    starts = [m[0] for m in mentions]
    names: list[str | None] = []
    for hit in hits:
        j = bisect_left(starts, hit.start)
        names.append(mentions[j - 1][2] if j and mentions[j - 1][0] >= hit.line[0] - 120 else None)
    return names
