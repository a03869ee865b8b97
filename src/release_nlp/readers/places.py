"""Places of a release: the model's places, gazetteer names it missed, the dateline's, each with its country.

A place's country is read against the release's other places ("Georgia" beside Atlanta is the US state).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import regex
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from release_nlp.core.resources import load_json
from release_nlp.core.text import NAME_CACHE, squash, strip_possessive
from release_nlp.readers import gazetteer
from release_nlp.readers.organisations import ORG_WORDS
from release_nlp.readers.sections import SectionMap

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@cache
def place_names() -> tuple[str, ...]:
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


LOCATIVE = frozenset({"in", "at", "from", "to", "near", "visited", "visit", "across", "around", "outside", "of"})
PLACE_KIND_AFTER = frozenset({"district", "province", "state", "region", "county", "camp", "village", "town",
                              "city", "governorate", "refugee", "settlement", "municipality", "valley", "river"})


def places_tagged_otherwise(doc: Doc, ents: list[Span]) -> list[Span]:
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


_LEADING_THE = regex.compile(r"^(?:the|The)\s+")
_FINAL_STOP = regex.compile(r"(?<=\p{Ll}{2})\.$")


@lru_cache(maxsize=NAME_CACHE)
def _clean_place_name(name: str) -> str:
    name = squash(strip_possessive(_LEADING_THE.sub("", name))).strip(" ,;:")
    return _FINAL_STOP.sub("", name)


class PlaceRecords(dict[str, dict[str, Any]]):
    """Place records by gazetteer key, and the mention starts of each (a place may be named thousands of times)."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: dict[str, set[int]] = {}


def add_place(places: PlaceRecords, name: str, start: int, text: str) -> None:
    """Record a mention of `name` at `start`, under the key of its cleaned name."""
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


def read_places(
    doc: Doc,
    ents: Sequence[Span],
    text: str,
    sections: SectionMap,
    matcher: PhraseMatcher,
    org_spans: list[tuple[str, int, int]],
    person_chars: set[int],
) -> PlaceRecords:
    """Place mentions in the release proper: the model's places, gazetteer names, the dateline's."""
    in_org = {c for _, s, e in org_spans for c in range(s, e)}
    places = PlaceRecords()
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
        add_place(places, span.text, span.start_char, text)
    if dateline.get("place") and dateline.get("place_span"):
        ps, pe = dateline["place_span"]
        for part in regex.split(r"\s*/\s*", text[ps:pe]):
            head, _, tail = part.partition(", ")
            names = [part] if tail.replace(".", "").strip().upper() == "DC" else [head, tail]
            for name in names:
                if name and name[0].isupper():
                    offset = text.find(name, ps, pe)
                    add_place(places, name.title() if name.isupper() and len(name) > 3 else name, offset, text)
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


def finish_places(places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per place with its country, read against the release's other places."""
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
