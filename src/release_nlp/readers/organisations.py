"""Organisations: one entry per body, full name and acronym linked both ways.

Sources: the model's ORG entities, acronym definitions in the text (`long form (SF)`), and
the gazetteer of well-known bodies in `models/organisations.jsonl` (which supplies full
names the release leaves to common knowledge, "IOM" -> International Organization for
Migration, and other names, "the UN Migration Agency"). Unnamed office holders the model
tags as ORG ("the Minister of Environment") are set apart as officials.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex
from spacy.tokens import Doc, Span

from release_nlp.core.docindex import ents_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.resources import load_json, load_jsonl
from release_nlp.core.tags import is_adjective
from release_nlp.core.text import NAME_CACHE, fold, squash, strip_possessive
from release_nlp.readers.abbreviations import Definition
from release_nlp.readers.gazetteer import lookup as place_lookup
from release_nlp.readers.gazetteer import site_words as place_site_words
from release_nlp.readers.roles import expand, has_head, is_area, is_role_word

ORG_WORDS = frozenset({
    "ministry", "office", "agency", "committee", "commission", "council", "department", "organization",
    "organisation", "programme", "program", "fund", "bank", "government", "association", "union", "institute",
    "foundation", "society", "network", "group", "centre", "center", "authority", "service", "services",
    "corporation", "company", "inc", "ltd", "party", "coalition", "alliance", "federation", "forum", "board",
    "court", "parliament", "assembly", "senate", "congress", "house", "caucus", "subcommittee", "cluster",
    "unit", "division", "secretariat", "mission", "force", "forces", "army", "police", "command", "university",
    "school", "hospital", "world", "international", "nations", "red", "crescent", "cross", "partnership",
    "initiative", "trust", "bureau", "directorate", "administration", "ports",
})


LOWERCASE_ORG_WORDS = frozenset({
    "subcommittee", "committee", "network", "commission", "council", "coalition", "group", "movement", "party",
    "alliance", "cluster", "caucus", "secretariat", "taskforce", "task", "agency",
})
FOLLOWING_ACRONYM = regex.compile(r"\s?\((\p{Lu}[\p{Lu}\p{Ll}&-]{1,10})\)")


@dataclass(frozen=True)
class KnownOrg:
    """A gazetteer entry."""

    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    acronym_is_word: bool = False  # "WHO", "CARE": matched only where the model tags them ORG


@cache
def known_orgs() -> dict[str, KnownOrg]:
    """Folded name, acronym or alias -> gazetteer entry."""
    table: dict[str, KnownOrg] = {}
    for row in load_jsonl("organisations.jsonl"):
        entry = KnownOrg(row["name"], row.get("acronym"), tuple(row.get("aliases") or ()),
                         bool(row.get("acronym_is_word")))
        for form in (entry.name, entry.acronym, *entry.aliases):
            if form:
                table.setdefault(fold(regex.sub(r"^the\s+", "", form, flags=regex.IGNORECASE)), entry)
    return table


def known_org(name: str) -> KnownOrg | None:
    """The gazetteer entry for a name, acronym or alias, if any."""
    return known_orgs().get(fold(regex.sub(r"^the\s+", "", name, flags=regex.IGNORECASE)))


@dataclass
class OrgRecord:
    """An organisation as it is being built."""

    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)

    def forms(self) -> set[str]:
        """Every folded name, acronym and alias."""
        return {fold(f) for f in (self.name, self.acronym, *self.aliases) if f}

    def as_dict(self) -> dict[str, object]:
        """The record as plain data."""
        return {
            "name": self.name,
            "acronym": self.acronym,
            "aliases": [a for a in self.aliases if a not in (self.name, self.acronym)],
            "mentions": [{"text": t, "start": s, "end": e} for t, s, e in self.mentions],
        }


LEADING_THE = regex.compile(r"^(?:the|The|THE)\s+")
ACRONYM_HEAD = regex.compile(r"[\p{Lu}][\p{Lu}\p{Ll}&-]*[\p{Lu}][\p{Lu}\p{Ll}]*")


@lru_cache(maxsize=NAME_CACHE)
def clean_org(text: str) -> str:
    """`the Lebanese Government’s` -> `Lebanese Government`."""
    text = squash(strip_possessive(squash(text)))
    return LEADING_THE.sub("", text).strip(" ,.;:-–")


def is_acronym(text: str) -> bool:
    """`IOM`, `UN Women`, `CoES`."""
    head = text.split()[0] if text else ""
    return bool(ACRONYM_HEAD.fullmatch(head)) and sum(
        c.isupper() for c in head) >= 2


def looks_like_official(text: str) -> bool:
    """`the Minister of Environment`: an unnamed office holder, not an organisation."""
    words = text.split()
    if not words:
        return False
    first = words[1] if words[0].casefold() == "the" and len(words) > 1 else words[0]
    return has_head(first) and not any(w.casefold().strip(",.") in ORG_WORDS for w in words[:3]) and is_role_word(
        first)


NOT_ORG_ENDINGS = frozenset({
    "act", "bill", "law", "treaty", "convention", "agreement", "declaration", "day", "days", "overview", "appeal",
    "strategy", "plan", "report", "week", "month", "year", "summit", "conference", "award", "prize", "initiative?",
})


@cache
def _not_organisations() -> frozenset[str]:
    return frozenset(load_json("furniture.json")["not_organisations"])


def plausible_org(name: str) -> bool:
    """Reject what the model tags ORG that is no organisation ("Caretaker", laws, events, title acronyms)."""
    words = name.split()
    if not words or len(words) > 12 or len(name) < 2:
        return False
    if not any(w[:1].isupper() for w in words):
        return False
    if len(words) == 1 and is_role_word(words[0]) and not is_acronym(name):
        return False
    if fold(name) in _not_organisations() or words[-1].casefold() in NOT_ORG_ENDINGS:
        return False
    if "/" in name and all(expand(part) for part in name.split("/")):
        return False  # "USG/ERC": a person's titles
    return not regex.fullmatch(r"[\d\W]+", name)


def _tidy(name: str, known_forms: set[str]) -> str:
    """`ICRC Geneva` -> `ICRC`, `World Food Programme - Food` -> `World Food Programme`, `... 2018` -> `...`."""
    name = regex.sub(r"\s+(?:19|20)\d\d$", "", name)
    head, sep, _ = name.partition(" - ")
    if sep:
        head = _tidy(head, known_forms)
        if fold(head) in known_forms or known_org(head) is not None:
            return head
    words = name.split()
    for cut in (1, 2):
        if len(words) > cut:
            head, tail = " ".join(words[:-cut]), " ".join(words[-cut:])
            if (fold(head) in known_forms or known_org(head) is not None) and place_lookup(tail):
                return head
    return name


def _trim_role_words(doc: Doc, ent: Span) -> Span | None:
    """`WFP Country` + `Director ...`: role words the model folded into an ORG go back to the title."""
    end = ent.end
    while end > ent.start and end < len(doc) and is_role_word(doc[end].text) and is_role_word(doc[end - 1].text) \
            and not doc[end - 1].text.isupper():
        end -= 1
    return doc[ent.start:end] if end > ent.start else None


def extract_organisations(
    doc: Doc,
    allowed: Callable[[int], bool],
    definitions: list[Definition],
    person_chars: set[int],
    is_place: Callable[[str], bool] = lambda name: False,
    known_spans: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ents: Sequence[Span] | None = None,
) -> tuple[list[OrgRecord], list[tuple[str, int, int]]]:
    """Organisations of the release and the unnamed officials the model tagged as ORG (`ents`: the doc's, read once)."""
    known = known_orgs()
    text = text_of(doc)

    def names_a_body(long_form: str) -> bool:
        return _org_like(long_form) and (
            any(w.casefold().strip(",") in ORG_WORDS for w in long_form.split()) or fold(long_form) in known)

    defined = {d.short: d for d in definitions if names_a_body(clean_org(d.long))}
    # Acronyms the text defines for things that are not organisations ("internally displaced persons (IDPs)",
    # "Gender-Based Violence (GBV)").
    terms = {fold(d.short) for d in definitions if not names_a_body(clean_org(d.long)) and fold(d.short) not in known}
    records: list[OrgRecord] = []
    officials: list[tuple[str, int, int]] = []
    by_form: dict[str, OrgRecord] = {}

    def record_for(name: str, acronym: str | None) -> OrgRecord:
        forms = {fold(name)} | ({fold(acronym)} if acronym else set())
        for f in forms:
            if f in by_form:
                rec = by_form[f]
                if acronym and not rec.acronym:
                    rec.acronym = acronym
                if len(name) > len(rec.name) and not is_acronym(name) and fold(name) not in rec.forms():
                    rec.aliases.append(rec.name)
                    rec.name = name
                elif fold(name) not in rec.forms():
                    rec.aliases.append(name)
                for form in rec.forms():
                    by_form[form] = rec
                return rec
        rec = OrgRecord(name, acronym)
        records.append(rec)
        for form in rec.forms():
            by_form[form] = rec
        return rec

    short_by_long: dict[str, str] = {}  # the first definition of each long form, as a loop over them would find
    for d in definitions:
        short_by_long.setdefault(fold(clean_org(d.long)), d.short)

    def canonical(name: str) -> tuple[str, str | None]:
        """Full name and acronym of a surface form, from the text's definitions and the gazetteer."""
        if name in defined:
            return clean_org(defined[name].long), name
        entry = known.get(fold(name))
        if entry:
            return entry.name, entry.acronym
        short = short_by_long.get(fold(name))
        if short is not None:
            return name, short
        if is_acronym(name) and len(name.split()) == 1:
            return name, name
        return name, None

    known_intervals = Intervals(known_spans)
    for ent in ents_of(doc) if ents is None else ents:
        if ent.label_ in ("NORP", "GPE") and ent.end < len(doc) and doc[ent.end].lower_ in LOWERCASE_ORG_WORDS:
            pass  # "Haqqani network": a group named by a people or place and a lowercase organisation word
        elif ent.label_ != "ORG":
            continue
        if not allowed(ent.start_char) or ent.start_char in person_chars:
            continue
        trimmed = _trim_role_words(doc, ent)
        if trimmed is None:
            continue
        ent = trimmed
        if len(ent) == 1 and is_adjective(ent[0]) and not is_acronym(ent.text):
            continue  # "International", "Congressional"
        ent = _extend_lowercase_org_word(doc, ent)
        raw = squash(ent.text)
        if any(e - s > len(ent.text) for s, e in known_intervals.overlapping(ent.start_char, ent.end_char)):
            continue  # part of a longer known name ("United Nations" in "United Nations High Commissioner ...")
        head = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
        if head.lower_ in place_site_words():
            continue  # "Palais des Nations" is a place
        j = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        if j >= 3 and doc[j - 1].lower_ == "the" and doc[j - 2].lower_ in ("for", "of") \
                and doc[j - 3].lower_ in ("day", "week", "year", "decade", "month"):
            continue  # "International Day for the Elimination of ...": an observance, not a body
        if is_area(raw) and ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "for") \
                and has_head(doc[ent.start - 2].text):
            continue  # "Director of EU Advocacy": the rest of a title
        if is_place(clean_org(raw)) or fold(clean_org(raw)) in terms:
            continue
        if looks_like_official(raw):
            officials.append((raw, ent.start_char, ent.end_char))
            continue
        name = _tidy(clean_org(raw), set(by_form))
        if not plausible_org(name):
            continue
        full, acronym = canonical(name)
        if acronym is None:
            # "National Institute for Disaster Risk Management (INGD)": an acronym right after the name,
            # even when its letters come from another language.
            m = FOLLOWING_ACRONYM.match(text, ent.end_char)
            if m:
                acronym = m.group(1)
        rec = record_for(full, acronym)
        if name not in (rec.name, rec.acronym) and name not in rec.aliases:
            rec.aliases.append(name)
        rec.mentions.append((ent.text, ent.start_char, ent.end_char))

    # Acronyms the text defines for organisations the model did not tag.
    for d in definitions:
        long = clean_org(d.long)
        if not allowed(d.long_start) or fold(long) in by_form or fold(d.short) in by_form:
            continue
        if _org_like(long) and any(w.casefold() in ORG_WORDS for w in long.split()):
            rec = record_for(long, d.short)
            rec.mentions.append((long, d.long_start, d.long_end))
    return records, officials


def _org_like(long_form: str) -> bool:
    """A long form that names a body: mostly capitalised words."""
    words = [w for w in long_form.split() if w.casefold() not in ("of", "for", "and", "the", "on", "in", "to", "&")]
    return bool(words) and sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)


def _extend_lowercase_org_word(doc: Doc, ent: Span) -> Span:
    """`Coast Guard` + `subcommittee`, `Haqqani` + `network`: a lowercase organisation word ends the name."""
    if ent.end < len(doc) and doc[ent.end].lower_ in LOWERCASE_ORG_WORDS and doc[ent.end].is_lower:
        return doc[ent.start:ent.end + 1]
    return ent


def merge_prefixes(records: list[OrgRecord]) -> list[OrgRecord]:
    """`Save the Children` and `Save the Children International` are one organisation."""
    out: list[OrgRecord] = []
    for rec in sorted(records, key=lambda r: -len(r.name)):
        longer = next((o for o in out if fold(o.name).startswith(fold(rec.name) + " ")
                       and len(o.name.split()) - len(rec.name.split()) == 1), None)
        if longer is None:
            out.append(rec)
            continue
        longer.aliases.append(rec.name)
        longer.mentions.extend(rec.mentions)
        longer.acronym = longer.acronym or rec.acronym
    order = {id(r): i for i, r in enumerate(records)}
    return sorted(out, key=lambda r: order[id(r)])
