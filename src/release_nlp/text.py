"""Small text helpers shared by the extractors."""

from __future__ import annotations

import unicodedata

import regex

QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
SPACES = regex.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of white space (line breaks included) to one space and trim."""
    return SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """A matching key: NFC, quotes unified, case folded, spaces collapsed."""
    return squash(unicodedata.normalize("NFC", text).translate(QUOTE_MAP).casefold())


def strip_possessive(text: str) -> str:
    """`IOM’s` -> `IOM`."""
    return regex.sub(r"['’]s?$", "", text)
