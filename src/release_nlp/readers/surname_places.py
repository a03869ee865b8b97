"""A person's surname that is also a town's name: "said Holt" after "Rep. Rush Holt" is no place."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from release_nlp.readers import gazetteer
from release_nlp.readers.people import SUFFIXES, PersonRecord
from release_nlp.readers.places import LOCATIVE, PlaceRecords
from release_nlp.readers.roles import has_head
from release_nlp.readers.untagged_places import PLACE_KIND_AFTER

# Kinds a surname can share: a country, a state or province, a region or a sea is read as the place
# whatever else the release calls it ("Jordan", "Washington").
_TOWN_KINDS = frozenset({"city", "other"})

# The last two words before a point (each starting where a word starts: linear on a run of letters).
_WORD_BEFORE = regex.compile(r"(?<!\p{L})(\p{L}+)\s+(?:(\p{L}+)\s+)?$")
# "Lincoln, Neb.", "Dayton, Ohio", "Holt, Norway": a town followed by its state or country.
_STATE_AFTER = regex.compile(r",\s*(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)")
# "Springfield and Dayton", "Dayton, Springfield": a name listed beside another.
_LISTED = regex.compile(r"(?:,|(?<!\s)\s+(?:and|or))\s+(\p{Lu}\p{L}+)")
_LISTED_BEFORE = regex.compile(r"(?<!\p{L})(\p{Lu}\p{L}+)(?:,|\s+and|\s+or)\s+$")

# Nouns whose "of" complement is a place: "the mayor of Dayton", "residents of Holt".
_PLACE_OF = PLACE_KIND_AFTER | {"cities", "towns", "villages", "residents", "people", "outskirts", "capital",
                                "port", "centre", "center", "north", "south", "east", "west"}


# Words that name part of a town: "downtown Dayton", "greater Lincoln".
_TOWN_PARTS = frozenset({"downtown", "central", "greater", "suburban", "rural", "metropolitan"})


def _in_place_position(text: str, start: int, end: int, towns: set[str]) -> bool:
    """Whether a mention stands where a place does.

    After "in" or "the mayor of", before its state, or listed with another town of the release (`towns`).
    """
    words = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if words is not None:
        last = (words.group(2) or words.group(1)).casefold()
        first = words.group(1) if words.group(2) else ""
        if last in LOCATIVE - {"of"} or last in _TOWN_PARTS or (
                last == "of" and (first.casefold() in _PLACE_OF or has_head(first))):
            return True
    before = _LISTED_BEFORE.search(text, max(0, start - 40), start)
    after = _LISTED.match(text, end, min(len(text), end + 40))
    if any(m is not None and gazetteer.key(m.group(1)) in towns for m in (before, after)):
        return True
    state = _STATE_AFTER.match(text, end, min(len(text), end + 40))
    if state is None:
        return False
    names = state.group(1).split()
    for n in range(len(names), 0, -1):
        name = " ".join(names[:n])
        found = gazetteer.abbreviated_state(name) or (gazetteer.lookup(name),)
        if found[0] is not None and found[0].kind in ("region", "country"):
            return True
    return False


def surnames_taken_for_places(places: PlaceRecords, people: Sequence[PersonRecord], text: str) -> None:
    """Drop the towns of `places` that are only ever a fully named person's surname.

    A one-word town is dropped when every mention of it is also a mention of a person the release names in
    full ("Rep. Rush Holt", then "said Holt"), it is that person's last name, and no mention stands where a
    place stands ("in Holt", "the mayor of Holt", "Holt, Norway", "Springfield and Holt", the dateline). A
    country, state or region keeps its name ("Washington").
    """
    surnames: dict[str, set[int]] = {}  # a surname's key -> the characters its people's mentions cover
    for person in people:
        words = [w for w in person.name.split() if w.casefold() not in SUFFIXES]  # "Rush Holt Jr."
        if len(words) < 2:
            continue
        chars = surnames.setdefault(gazetteer.key(words[-1]), set())
        # A mention may carry its title ("Congressman Holt"): every character of it counts.
        chars.update(c for _, start, end in person.mentions for c in range(start, end))
    towns = set(places)
    for key in [k for k in places if k in surnames]:
        record = places[key]
        if " " in record["name"] or record.get("dateline"):
            continue
        found = gazetteer.lookup(record["name"])
        if found is not None and found.kind not in _TOWN_KINDS:
            continue
        mentions = record["mentions"]
        if all(m["start"] in surnames[key] for m in mentions) and not any(
                _in_place_position(text, m["start"], m["end"], towns - {key}) for m in mentions):
            del places[key]
            places.starts.pop(key, None)
