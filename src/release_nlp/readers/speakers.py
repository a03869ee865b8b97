"""Quotes with their speakers: the person an attribution names, a pronoun's antecedent, or a titled name."""

from __future__ import annotations

from typing import Any

import regex

from release_nlp.core.text import fold, squash
from release_nlp.readers.organisations import OrgRecord, clean_org
from release_nlp.readers.people import PersonRecord, _resolve
from release_nlp.readers.quotes import SENTENCE_END, QuoteSpan, attribution, find_quotes, lead_in
from release_nlp.readers.roles import is_role_word
from release_nlp.readers.sections import SectionMap

PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# "Statement by Senator X", "X released the following comment": the issuer speaks the quotes that follow.
STATEMENT_CUE = regex.compile(
    r"(?i)\b(?:(?:statement|remarks|comments?|testimony|speech|message)\s+(?:by|of|from)\b"
    r"|(?:issued|released|made|delivered|gave|submitted)\s+the\s+following\b"
    r"|['’]s\s+(?:full\s+)?(?:statement|comments?|remarks|testimony|speech)\b)"
)
STATEMENT_REACH = 1000  # characters before a quote in which a statement's cue names its speaker


def read_quotes(
    text: str, sections: SectionMap, people: list[PersonRecord], orgs: list[OrgRecord]
) -> list[dict[str, Any]]:
    """The quotes of the release proper, each with its speaker (or None)."""
    out: list[dict[str, Any]] = []
    previous: str | None = None
    previous_end = -1
    mentions = sorted(((s, e, p) for p in people for _, s, e in p.mentions), key=lambda m: (m[0], m[1]))
    for q in find_quotes(text):
        if not sections.is_content(q.start):
            continue
        who = attribution(text, q)
        speaker = None
        if who and who[1] <= q.start and not any(ms < who[1] and me > who[0] for ms, me, _p in mentions):
            # "Jan Rask, who signed on behalf of the ministry, said: “...”": the phrase before the verb is an
            # apposition to the sentence's subject, the speaker.
            start, _ = lead_in(text, q)
            speaker = next((p.name for ms, me, p in mentions
                            if start <= ms < who[0] and regex.match(r"\s*,", text[me:who[0]])), None)
        if speaker is None and who:
            speaker = _speaker(text, who, q.start, mentions, people, orgs, previous, previous_end)
        # A quote continued after its attribution, or attributed to a description ("added the Ambassador")
        # of the speaker before; "a nurse said" is someone new and unnamed.
        refers_back = who is None or regex.match(r"(?i)the\s", text[who[0]:who[1]]) is not None
        if speaker is None and refers_back and previous and q.start - previous_end < 600:
            speaker = previous
        if speaker is None and who is None and previous is None:
            speaker = _issuer(text, q, mentions)
        body = squash(text[q.start:q.end]).strip(" ,")
        out.append({"text": body, "speaker": speaker, "span": {"start": q.start, "end": q.end}})
        previous, previous_end = speaker, q.end
    return out


def _issuer(text: str, quote: QuoteSpan, mentions: list[tuple[int, int, PersonRecord]]) -> str | None:
    """The person a statement's cue before an unattributed quote names, the mention nearest the cue."""
    start = max(0, quote.start - STATEMENT_REACH)
    cues = list(STATEMENT_CUE.finditer(text, start, quote.start))
    if not cues:
        return None
    cue = cues[-1]
    if cue.group()[0] in "'’":
        # "Here is Jan Rask's statement.": the possessor.
        return next((p.name for ms, me, p in mentions if me == cue.start()), None)
    if cue.group().casefold().startswith(("issued", "released", "made", "delivered", "gave", "submitted")):
        # "Sen. Jan Rask today issued the following statement on ...": the sentence's subject, before the cue.
        sentence = max([start, text.rfind("\n", start, cue.start())]
                       + [m.end() for m in SENTENCE_END.finditer(text, start, cue.start())])
        before = [p.name for ms, _me, p in mentions if sentence <= ms < cue.start()]
        return before[0] if before else None
    # "Statement by Senator Jan Rask": the name after the cue.
    return next((p.name for ms, _me, p in mentions if cue.end() <= ms < cue.end() + 60), None)


def _speaker(
    text: str,
    who: tuple[int, int],
    quote_start: int,
    mentions: list[tuple[int, int, PersonRecord]],
    people: list[PersonRecord],
    orgs: list[OrgRecord],
    previous: str | None = None,
    previous_end: int = -1,
) -> str | None:
    s, e = who
    for ms, me, person in mentions:
        if ms < e and me > s:
            return person.name
    phrase = squash(text[s:e])
    low = phrase.casefold()
    if low in PRONOUNS:
        before = [p for ms, _, p in mentions if ms < quote_start]
        # "he said" after an earlier quote is its speaker again, unless someone else was introduced by full
        # name since (a one-word "person" is more often a misread place than a new speaker).
        introduced = [p for ms, _, p in mentions
                      if previous_end <= ms < quote_start and " " in p.name and p.name != previous]
        if previous and not introduced:
            return previous
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
