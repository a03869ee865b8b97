"""A cheap guess of a release's language, so non-English input is flagged instead of read as English.

Counts very common function words per language (`models/languages.json`) and looks at the
script; it needs no model and costs one pass over the first few thousand characters.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from release_nlp.core.resources import load_json

WORD = regex.compile(r"\p{L}+")
SCRIPTS = (
    ("ar", regex.compile(r"\p{Arabic}")), ("ru", regex.compile(r"\p{Cyrillic}")),
    ("zh", regex.compile(r"\p{Han}")), ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")), ("el", regex.compile(r"\p{Greek}")),
    ("he", regex.compile(r"\p{Hebrew}")), ("hi", regex.compile(r"\p{Devanagari}")),
    ("th", regex.compile(r"\p{Thai}")), ("am", regex.compile(r"\p{Ethiopic}")),
)


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in load_json("languages.json").items() if lang != "_comment"}


def detect(text: str, sample: int = 6000) -> str:
    """ISO 639-1 code of the language the text is most likely in (`en` when unsure)."""
    head = text[:sample]
    if not head.isascii():  # ASCII is Latin script: the per-character count is for the rest
        letters = [c for c in head if c.isalpha()]
        if not letters:
            return "en"
        latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
        if latin < 0.5 * len(letters):
            counts = Counter(lang for lang, pattern in SCRIPTS for _ in pattern.finditer(head))
            return counts.most_common(1)[0][0] if counts else "und"
    words = Counter(w.casefold() for w in WORD.findall(head))
    if words.total() < 20:
        return "en"  # too little to tell: treat short texts as English
    scores = {lang: sum(n for w, n in words.items() if w in stop) for lang, stop in _stopwords().items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 1.5 * scores["en"] and scores[best] >= 5 else "en"
