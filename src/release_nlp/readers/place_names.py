"""A place's name as a reader found it, cleaned to the name itself ("the Scioto River's" is Scioto River)."""

from __future__ import annotations

from functools import lru_cache

import regex

from release_nlp.core.text import NAME_CACHE, squash, strip_possessive
from release_nlp.readers import gazetteer

_LEADING_THE = regex.compile(r"^(?:the|The)\s+")
_FINAL_STOP = regex.compile(r"(?<=\p{Ll}{2})\.$")


# Where a heading's or a list's next field begins: a spaced or doubled dash, a trailing dash, a colon, a
# footnote's number.
_FIELD_BREAK = regex.compile(r"(?<!\s)\s+\p{Pd}|\p{Pd}{2}|\p{Pd}$|:\s|,(?=\d+$)")
_SPACED_DASH = regex.compile(r"(?<!\s)\s*\p{Pd}\s*")
_LEADING_DASHES = regex.compile(r"^[\s\p{Pd}]+")
_TRAILING_DASHES = regex.compile(r"(?<![\s\p{Pd}])[\s\p{Pd}]+$")


@lru_cache(maxsize=NAME_CACHE)
def clean_place_name(name: str) -> str:
    """A place's name as the release writes it, without "the", a possessive, a final stop or a heading's tail."""
    # "City of Gulfport - Debris Removal -", "Tambura,2"; not a name written with a spaced dash ("Kasai – Central")
    name = _LEADING_DASHES.sub("", name)  # "--Kabul" of a dateline
    joined = _SPACED_DASH.sub("-", _TRAILING_DASHES.sub("", name))
    if "-" not in joined or gazetteer.lookup(joined) is None:
        name = _FIELD_BREAK.split(name, maxsplit=1)[0]
    name = squash(strip_possessive(_LEADING_THE.sub("", name))).strip(" ,;:")
    return name if gazetteer.abbreviated_state(name) else _FINAL_STOP.sub("", name)  # "(D-Ore.)" is Oregon
