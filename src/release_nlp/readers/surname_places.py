"""A person's surname that is also a town's name: "said Holt" after "Rep. Rush Holt" is no place."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from release_nlp.readers import gazetteer
from release_nlp.readers.people import PersonRecord
from release_nlp.readers.places import PlaceRecords

# Kinds a surname can share: a country, a state or province, a region or a sea is read as the place
# whatever else the release calls it ("Jordan", "Washington").
_TOWN_KINDS = frozenset({"city", "other"})

# What puts a name in a place's position: "in Jackson", "near downtown Dayton", "the city of Lincoln".
_LOCATIVE_BEFORE = regex.compile(
    r"\b(?:in|at|near|from|to|into|across|outside|around|throughout|within|between|via|towards?|downtown"
    r"|(?:city|cities|town|towns|village|villages|county|counties|capital|port|outskirts|residents)\s+of)"
    r"\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
# "Lincoln, Neb.", "Dayton, Ohio", "Holt, Norway": a town followed by its state or country.
_STATE_AFTER = regex.compile(r",\s*(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)")


def _in_place_position(text: str, start: int, end: int) -> bool:
    if _LOCATIVE_BEFORE.search(text, max(0, start - 40), start):
        return True
    after = _STATE_AFTER.match(text, end, min(len(text), end + 40))
    if after is None:
        return False
    words = after.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        found = gazetteer.abbreviated_state(name) or (gazetteer.lookup(name),)
        if found[0] is not None and found[0].kind in ("region", "country"):
            return True
    return False


def surnames_taken_for_places(places: PlaceRecords, people: Sequence[PersonRecord], text: str) -> None:
    """Drop the towns of `places` that are only ever a fully named person's surname.

    A one-word town is dropped when every mention of it is also a mention of a person the release names in
    full ("Rep. Rush Holt", then "said Holt"), it is that person's last name, and no mention stands where a
    place stands ("in Holt", "Holt, Norway"). A country, state or region keeps its name ("Washington").
    """
    surnames: dict[str, set[int]] = {}  # a surname's key -> the characters its people's mentions cover
    for person in people:
        words = person.name.split()
        if len(words) < 2:
            continue
        starts = surnames.setdefault(gazetteer.key(words[-1]), set())
        # A mention may carry its title ("Congressman Holt"): every character of it counts.
        starts.update(c for _, start, end in person.mentions for c in range(start, end))
    for key in [k for k in places if k in surnames]:
        record = places[key]
        if " " in record["name"]:
            continue
        found = gazetteer.lookup(record["name"])
        if found is not None and found.kind not in _TOWN_KINDS:
            continue
        mentions = record["mentions"]
        if all(m["start"] in surnames[key] for m in mentions) and not any(
                _in_place_position(text, m["start"], m["end"]) for m in mentions):
            del places[key]
            places.starts.pop(key, None)
