"""The entities component: people, organisations, places, quotes, contacts and officials.

Reads the model's entities inside the release proper (page furniture and the title-cased
headline are left out: the headline contributes only gazetteer places and organisations)
and stores plain dicts on `doc._.release_entities`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import places as gazetteer
from .abbreviations import find_definitions
from .contacts import ContactHit, find_contacts
from .docindex import ents_of, text_of
from .intervals import Intervals
from .organisations import (
    ORG_WORDS,
    OrgRecord,
    clean_org,
    extract_organisations,
    known_org,
    known_orgs,
    merge_prefixes,
)
from .people import PersonRecord, _resolve, extract_people
from .quotes import attribution, find_quotes
from .resources import load_json
from .roles import has_head, is_role_word
from .sections import SectionMap
from .text import NAME_CACHE, contains_word, fold, squash, strip_possessive

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


@cache
def _place_names() -> tuple[str, ...]:
    """Names worth matching literally: countries, their aliases and multi-country regions."""
    names = set()
    for readings in gazetteer.gazetteer().values():
        for g in readings:
            if g.kind in ("country", "multi_country", "water"):
                names.add(g.name)
    aliases = load_json("place_aliases.json")
    names.update(aliases["countries"])
    names.update(aliases["multi_country"])
    names.update(aliases["features"])
    for readings in gazetteer.gazetteer().values():
        for g in readings:
            if g.kind == "region" and len(g.name.split()) >= 2 and g.name.isascii():
                names.add(g.name)  # "Western Bahr el Ghazal", "Central Equatoria"
    import pycountry

    for c in pycountry.countries:
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n:
                names.add(regex.sub(r",.*$", "", n))
    return tuple(sorted(n for n in names if len(n) > 2 and n[0].isupper()))


class EntityReader:
    """Fills `doc._.release_entities` from the model's entities and our rules."""

    def __init__(self, nlp: Language, name: str = "release_entities", *, issuer_affiliation: bool = True) -> None:
        self.name = name
        self.issuer_affiliation = issuer_affiliation
        self.place_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.place_matcher.add("PLACE", [nlp.make_doc(name) for name in _place_names()])
        self.org_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        org_names = sorted(
            {f for e in known_orgs().values() for f in (e.name, *e.aliases) if len(f.split()) >= 2}
            | {e.acronym for e in known_orgs().values() if e.acronym and not e.acronym_is_word}
        )
        self.org_matcher.add("ORG", [nlp.make_doc(name) for name in org_names])
        word_acronyms = sorted({e.acronym for e in known_orgs().values() if e.acronym and e.acronym_is_word})
        self.org_matcher.add("WORD_ACRONYM", [nlp.make_doc(name) for name in word_acronyms])

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        if (doc._.release_structure or {}).get("language", "en") != "en":
            doc._.release_entities = read_contacts_only(doc)
        else:
            doc._.release_entities = read_entities(doc, self.place_matcher, self.org_matcher,
                                                   issuer_affiliation=self.issuer_affiliation)
        return doc


def read_contacts_only(doc: Doc) -> dict[str, Any]:
    """For a release in another language: only what no English rule is needed for (contacts)."""
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    hits = find_contacts(text, sections.regions("body", "notes", "contacts"), sections.regions("contacts"))
    return {"contacts": [{"email": h.email, "phone": h.phone, "phone_e164": h.phone_e164, "name": None,
                          "place": None, "span": {"start": h.start, "end": h.end}} for h in hits]}


def read_entities(
    doc: Doc, place_matcher: PhraseMatcher, org_matcher: PhraseMatcher, *, issuer_affiliation: bool = True
) -> dict[str, Any]:
    """People, organisations, places, quotes, contacts and officials of one doc."""
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    content = sections.is_content

    def in_title(offset: int) -> bool:
        return sections.title is not None and sections.title[0] <= offset < sections.title[1]

    definitions = [d for d in find_definitions(text) if content(d.long_start)]
    ents = ents_of(doc)  # read once: each read makes a Span per entity
    person_ents = [e for e in ents if e.label_ == "PERSON"]
    tagged_otherwise = _people_tagged_otherwise(doc, ents)
    person_chars = {c for e in (*person_ents, *tagged_otherwise) for c in range(e.start_char, e.end_char)}

    # Organisations: the model's, known names it missed, and acronyms defined in the text.
    word_acronym = doc.vocab.strings["WORD_ACRONYM"]
    known_matches = [span for span in filter_spans([Span(doc, s, e, label=k) for k, s, e in org_matcher(doc)])
                     if span.label != word_acronym or _acronym_in_context(text, span)]
    misread = _places_tagged_otherwise(doc, [e for e in ents if e.label_ in ("PERSON", "ORG")])
    misread_chars = {c for e in misread for c in range(e.start_char, e.end_char)}
    org_records, officials = extract_organisations(
        doc, content, definitions, person_chars | misread_chars, _is_place_name,
        [(span.start_char, span.end_char) for span in known_matches], ents)
    by_form = {f: rec for rec in org_records for f in rec.forms()}
    mentioned = {id(rec): Intervals((s, e) for _, s, e in rec.mentions) for rec in org_records}
    for span in known_matches:
        if not (content(span.start_char) or in_title(span.start_char)) or span.start_char in person_chars:
            continue
        entry = known_org(span.text)
        if entry is None:
            continue
        rec = by_form.get(fold(entry.name)) or (by_form.get(fold(entry.acronym)) if entry.acronym else None)
        if rec is None:
            rec = OrgRecord(entry.name, entry.acronym)
            org_records.append(rec)
            for f in rec.forms():
                by_form[f] = rec
        spans = mentioned.setdefault(id(rec), Intervals())
        if next(spans.overlapping(span.start_char, span.end_char), None) is None:
            rec.mentions.append((span.text, span.start_char, span.end_char))
            spans.add(span.start_char, span.end_char)
    org_records = merge_prefixes(org_records)
    org_spans = [(t, s, e) for rec in org_records for t, s, e in rec.mentions]
    org_start = {}
    for rec in org_records:
        for t, s, e in rec.mentions:
            for tok in doc.char_span(s, e, alignment_mode="expand") or []:
                org_start[tok.i] = clean_org(t)

    dateline = sections.dateline or {}
    excluded = tuple((e.start_char, e.end_char) for e in misread)
    if dateline.get("place_span"):
        excluded += (tuple(dateline["place_span"]),)
    people = extract_people(doc, content, org_spans, org_start.get, excluded, tagged_otherwise, ents)
    # The model tags a surname as ORG now and then ("Holloway said"): a person's name is no organisation.
    person_forms = {fold(f) for p in people for f in (p.name, *p.aliases, p.name.split()[-1])}
    org_records = [o for o in org_records if not (o.forms() & person_forms and not o.acronym)]

    places = _read_places(doc, ents, text, sections, place_matcher, org_spans, person_chars - {
        c for e in misread for c in range(e.start_char, e.end_char)})
    for ent in misread:
        if content(ent.start_char):
            _add_place(places, ent.text, ent.start_char, text)
    quotes = _read_quotes(text, sections, people, org_records)
    _canonical_affiliations(people, org_records)
    if issuer_affiliation:
        _affiliate_to_publisher(people, org_records, quotes, text[sections.title[0]:sections.title[1]]
                                if sections.title else "")
    contact_hits = find_contacts(
        text,
        sections.regions("body", "notes", "contacts"),
        sections.regions("contacts"),
    )
    _contact_people(text, contact_hits, people, org_records)
    contacts = [
        {"email": h.email, "phone": h.phone, "phone_e164": h.phone_e164, "name": _contact_name(doc, h, people),
         "place": h.place, "span": {"start": h.start, "end": h.end}}
        for h in contact_hits
    ]
    # Places named for contacts ("In Cairo: ...") are places of the release.
    for hit in contact_hits:
        if hit.place:
            start = text.find(hit.place, hit.line[0], hit.line[1])
            _add_place(places, hit.place, start if start >= 0 else hit.start, text)
    return {
        "people": [p.as_dict() for p in people],
        "organisations": [o.as_dict() for o in org_records if o.mentions],
        "places": _finish_places(places),
        "quotes": quotes,
        "contacts": contacts,
        "officials": [{"text": squash(t), "start": s, "end": e} for t, s, e in officials],
        "terms": [{"short": d.short, "long": d.long} for d in definitions],
    }


def _canonical_affiliations(people: list[PersonRecord], orgs: list[OrgRecord]) -> None:
    """`the UN Migration Agency` as a person's organisation is the record it belongs to (IOM)."""
    for person in people:
        if person.organisation:
            key = fold(clean_org(person.organisation))
            rec = next((o for o in orgs if key in o.forms()), None)
            if rec is not None:
                person.organisation = rec.acronym or rec.name


def _affiliate_to_publisher(
    people: list[PersonRecord], orgs: list[OrgRecord], quotes: list[dict[str, Any]], title: str
) -> None:
    """A titled or quoted person with no stated affiliation speaks for the release's issuer.

    The issuer is the organisation the headline names, else one the release names at least
    three times more often than any other.
    """
    if not orgs:
        return
    # Only a body that surely is one can be the issuer: known, with an acronym, or named as a body.
    orgs = [o for o in orgs if o.acronym or known_org(o.name) or any(w.casefold() in ORG_WORDS for w in o.name.split())]
    if not orgs:
        return
    folded_title = fold(title)
    named = [o for o in orgs if any(contains_word(folded_title, f) for f in o.forms())]
    ranked = sorted(orgs, key=lambda r: -len(r.mentions))
    if named:
        main = max(named, key=lambda r: len(r.mentions))
    elif len(ranked[0].mentions) >= 3 and (len(ranked) == 1 or len(ranked[1].mentions) < len(ranked[0].mentions)):
        main = ranked[0]
    else:
        return
    speakers = {q["speaker"] for q in quotes}
    for person in people:
        if person.organisation or not (person.titles or person.name in speakers):
            continue
        if any(fold(w) in GOVERNMENT_ROLES for t in person.titles for w in t.split()):
            continue  # an ambassador, minister or senator speaks for a government, not for the issuer
        person.organisation = main.acronym or main.name


GOVERNMENT_ROLES = frozenset({
    "ambassador", "minister", "senator", "governor", "mayor", "president", "congressman", "congresswoman",
    "king", "queen", "prince", "premier", "chancellor", "consul", "envoy", "representative",
})
LOCATIVE = frozenset({"in", "at", "from", "to", "near", "visited", "visit", "across", "around", "outside", "of"})
PLACE_KIND_AFTER = frozenset({"district", "province", "state", "region", "county", "camp", "village", "town",
                              "city", "governorate", "refugee", "settlement", "municipality", "valley", "river"})


def _places_tagged_otherwise(doc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON or ORG entities that are places: `in Manduzai district`, `visited Garissa`, `in Herat`."""
    out = []
    for ent in ents:
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        found = gazetteer.lookup(ent.text) if before in LOCATIVE else None
        as_person = ent.label_ == "PERSON" and (after in PLACE_KIND_AFTER or found is not None)
        as_org = (ent.label_ == "ORG" and len(ent) <= 2 and not ent.text.isupper() and found is not None
                  and found.kind in ("city", "region"))  # "in Herat"; never an acronym ("of UN Women")
        if as_person or as_org:
            out.append(ent)
    return out


def _acronym_in_context(text: str, span: Span) -> bool:
    """`WHO` is the organisation in mixed-case prose, not a shouted word or a media-advisory label (`WHO:`)."""
    if text[span.end_char:span.end_char + 1] == ":":
        return False
    # The line, read at most 300 characters either way: enough to tell prose from capitals, and
    # linear on a run-on line of thousands of acronyms.
    window_start, window_end = max(0, span.start_char - 300), span.end_char + 300
    line_start = text.rfind("\n", window_start, span.start_char) + 1 or window_start
    line_end = text.find("\n", span.end_char, window_end)
    sentence = text[line_start:line_end if line_end >= 0 else min(len(text), window_end)]
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.5 * len(letters)


def _people_tagged_otherwise(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """Names the model tagged ORG or GPE that a title appositive shows to be people.

    `Phumzile Mlambo-Ngcuka, UN Under-Secretary-General and ...`, `Nadia Osei, Regional Director ...`
    """
    out = []
    for ent in ents:
        if ent.label_ not in ("ORG", "GPE", "NORP"):
            continue
        comma = next((t.i for t in ent if t.text == ","), ent.end)  # the model may run on past the comma
        name = doc[ent.start:comma]
        words = name.text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or any(w.isupper() for w in words):
            continue
        if any(w.casefold() in ORG_WORDS for w in words) or gazetteer.lookup(name.text) or known_org(name.text):
            continue
        if comma + 1 < len(doc) and doc[comma].text == ",":
            first = doc[comma + 1:min(len(doc), comma + 7)].text.split()[:2]
            if first and any(has_head(w) for w in first):
                out.append(Span(doc, name.start, name.end, label="PERSON"))
    return out


def _is_place_name(name: str) -> bool:
    """A country or multi-country region the model tagged as ORG."""
    found = gazetteer.lookup(name)
    return found is not None and found.kind in ("country", "multi_country")


CONTACT_NAME = regex.compile(
    r"(?:^|[,;:]\s*|\d\s+|\s(?:or|and|contact)\s+)(?P<name>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{L}'’-]+){1,2})"
    r"(?=\s*,|\s+(?:at|on|in)\s)"
)


def _segments(hits: list[ContactHit]) -> list[tuple[int, int]]:
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


def _could_be_contact_name(name: str, orgs: list[OrgRecord]) -> bool:
    """Not a place, not an organisation, no acronym among its words."""
    if gazetteer.lookup(name) or known_org(name) is not None:
        return False
    words = name.split()
    if any(w.isupper() and len(w.rstrip(".")) > 1 for w in words):
        return False
    return not any(fold(w) in o.forms() for o in orgs for w in words)


def _contact_people(text: str, hits: list[ContactHit], people: list[PersonRecord], orgs: list[OrgRecord]) -> None:
    """Names in contact lines are people, with the organisation the line gives them.

    `Jens Laerke, OCHA Geneva, laerke@un.org`
    """
    for s, e in _segments(hits):
        segment = text[s:e]
        m = next((c for c in CONTACT_NAME.finditer(segment) if _could_be_contact_name(c.group("name"), orgs)), None)
        if not m:
            continue
        name = m.group("name")
        person = _resolve(name, people)
        start = s + m.start("name")
        if person is None:
            person = PersonRecord(name)
            people.append(person)
        if not any(ms == start for _, ms, _e in person.mentions):
            person.mentions.append((name, start, start + len(name)))
        if person.organisation is None:
            for rec in orgs:
                forms = [f for f in (rec.acronym, rec.name, *rec.aliases) if f]
                if any(contains_word(segment[m.end():], f) for f in forms):
                    person.organisation = rec.acronym or rec.name
                    break


def _contact_name(doc: Doc, hit: ContactHit, people: list[PersonRecord]) -> str | None:
    """The person named last before a contact hit on its line (or just above it)."""
    best: tuple[int, str] | None = None
    for person in people:
        for _, s, _e in person.mentions:
            if hit.line[0] - 120 <= s < hit.start and (best is None or s > best[0]):
                best = (s, person.name)
    return best[1] if best else None


_LEADING_THE = regex.compile(r"^(?:the|The)\s+")
_FINAL_STOP = regex.compile(r"(?<=\p{Ll}{2})\.$")


@lru_cache(maxsize=NAME_CACHE)
def _clean_place_name(name: str) -> str:
    name = squash(strip_possessive(_LEADING_THE.sub("", name))).strip(" ,;:")
    return _FINAL_STOP.sub("", name)


class _Places(dict[str, dict[str, Any]]):
    """Place records by gazetteer key, and the mention starts of each (a place may be named thousands of times)."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: dict[str, set[int]] = {}


def _add_place(places: _Places, name: str, start: int, text: str) -> None:
    name = _clean_place_name(name)
    if not name:
        return
    key = gazetteer.key(name)
    record = places.setdefault(key, {"name": name, "mentions": []})
    if len(name) > len(record["name"]) and record["name"].isupper():
        record["name"] = name
    end = start + len(name)
    starts = places.starts.setdefault(key, set())
    if start not in starts:
        starts.add(start)
        record["mentions"].append({"text": text[start:end], "start": start, "end": end})


def _read_places(
    doc: Doc,
    ents: Sequence[Span],
    text: str,
    sections: SectionMap,
    matcher: PhraseMatcher,
    org_spans: list[tuple[str, int, int]],
    person_chars: set[int],
) -> _Places:
    in_org = {c for _, s, e in org_spans for c in range(s, e)}
    places = _Places()
    title = sections.title
    dateline = sections.dateline or {}
    dateline_span = tuple(dateline.get("place_span") or (0, 0))
    candidates: list[Span] = []
    for ent in ents:
        in_title = title is not None and title[0] <= ent.start_char < title[1]
        first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
        if ent.label_ == "ORG" and sections.is_content(ent.start_char) and first.lower_ in gazetteer.site_words():
            candidates.append(ent)  # "Palais des Nations": a site the model calls an organisation
            continue
        if ent.label_ not in PLACE_LABELS or not sections.is_content(ent.start_char) or in_title:
            continue
        if dateline_span[0] <= ent.start_char < dateline_span[1]:
            continue  # the dateline's place is read from the dateline below
        if ent.start_char in in_org or ent.start_char in person_chars or "\n" in ent.text:
            continue
        name = ent.text
        if ent.label_ == "FAC" and not gazetteer.lookup(name):
            continue
        words = name.split()
        if not any(w[:1].isupper() for w in words) or words[-1].casefold() in ORG_WORDS:
            continue  # "South Sudan AIDS Commission" is an organisation
        if gazetteer.key(name) in gazetteer.not_places():
            continue
        candidates.append(ent)
    for _, s, e in matcher(doc):
        span = doc[s:e]
        inside_title = title is not None and title[0] <= span.start_char < title[1]
        if not (sections.is_content(span.start_char) or inside_title):
            continue
        if span.start_char in in_org or span.start_char in person_chars:
            continue
        candidates.append(span)
    for span in filter_spans(candidates):
        _add_place(places, span.text, span.start_char, text)
    if dateline.get("place") and dateline.get("place_span"):
        ps, pe = dateline["place_span"]
        for part in regex.split(r"\s*/\s*", text[ps:pe]):
            head, _, tail = part.partition(", ")
            names = [part] if tail.replace(".", "").strip().upper() == "DC" else [head, tail]
            for name in names:
                if name and name[0].isupper():
                    offset = text.find(name, ps, pe)
                    _add_place(places, name.title() if name.isupper() and len(name) > 3 else name, offset, text)
                    places[gazetteer.key(_clean_place_name(name.title() if name.isupper() and len(name) > 3
                                                           else name))]["dateline"] = True
    return places


def _local_reading(name: str, country: gazetteer.Gazetted, local: Counter[str]) -> gazetteer.Gazetted | None:
    """A country's name read as a place inside the country the release is about (Georgia, the US state).

    Only when at least two other places of the release lie in that country and none in the named one.
    """
    home, count = local.most_common(1)[0] if local else (None, 0)
    if home is None or home == country.country_code or count < 2 or local[country.country_code or ""] > 0:
        return None
    return next((r for r in gazetteer.gazetteer().get(gazetteer.key(name), ()) if r.country_code == home), None)


def _finish_places(places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    readings = {k: gazetteer.lookup(p["name"]) for k, p in places.items()}
    countries: Counter[str] = Counter()
    for k, g in readings.items():
        if g and g.country_code:
            countries[g.country_code] += len(places[k]["mentions"]) * (3 if g.kind == "country" else 1)
    context = [c for c, _ in countries.most_common(3)]
    # Places per country other than countries themselves: "Atlanta, Georgia and Savannah" is about the US.
    local: Counter[str] = Counter(g.country_code for g in readings.values()
                                  if g and g.country_code and g.kind != "country")
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for k, place in places.items():
        g = gazetteer.lookup(place["name"], context, prefer_city=bool(place.get("dateline")))
        if g is not None and g.kind == "country":
            g = _local_reading(place["name"], g, local) or g
        if g is None:
            kind, code = "other", (context[0] if context else None)
            ident = ("?", k)
        else:
            kind, code = g.kind, g.country_code
            ident = (g.kind, g.name) if g.kind in ("country", "multi_country", "water") else ("?", k)
        if ident in merged:
            rec = merged[ident]
            rec["mentions"].extend(place["mentions"])
            if len(place["name"]) > len(rec["name"]):
                rec["name"] = place["name"]
            continue
        merged[ident] = {"name": place["name"], "country_code": code, "kind": kind,
                         "mentions": list(place["mentions"])}
    out = list(merged.values())
    for rec in out:
        rec["mentions"].sort(key=lambda m: m["start"])
    out.sort(key=lambda r: r["mentions"][0]["start"] if r["mentions"] else 0)
    return out


def _read_quotes(
    text: str, sections: SectionMap, people: list[PersonRecord], orgs: list[OrgRecord]
) -> list[dict[str, Any]]:
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
