"""Small text helpers shared by the extractors."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
SPACES = regex.compile(r"\s+")
POSSESSIVE_END = regex.compile(r"['’]s?$")
# Entries in each cache of name keys: names repeat within a release and across one publisher's releases;
# bounded, so that memory stays flat over a run of millions of releases (each name a few hundred bytes).
NAME_CACHE = 4096


def squash(text: str) -> str:
    """Collapse runs of white space (line breaks included) to one space and trim."""
    return SPACES.sub(" ", text).strip()


@lru_cache(maxsize=NAME_CACHE)
def fold(text: str) -> str:
    """A matching key: NFC, quotes unified, case folded, spaces collapsed."""
    return squash(unicodedata.normalize("NFC", text).translate(QUOTE_MAP).casefold())


def strip_possessive(text: str) -> str:
    """`IOM’s` -> `IOM`."""
    return POSSESSIVE_END.sub("", text)


def contains_word(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` with no letter, digit or underscore right before or after it.

    A plain search: names are many and each would otherwise be a regular expression compiled per call.
    """
    if not phrase:
        return False
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        before_ok = at == 0 or not _is_word_char(text[at - 1])
        after_ok = end == len(text) or not _is_word_char(text[end])
        if before_ok and after_ok:
            return True
        at = text.find(phrase, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
