"""Parse numbers as releases print them: `900,000`, `1.2 million`, `6.6bn`, `twenty-five`, `half a million`.

`parse_number` returns a float, or None when the text is no number. Vague amounts
(`hundreds`, `tens of thousands`) parse to their lower end; `is_vague` tells them apart.
"""

from __future__ import annotations

import regex

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {
    "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "mln": 1e6, "mil": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5,
    "crore": 1e7,
}
COLLECTIVES = {"dozen": 12, "dozens": 12, "score": 20, "scores": 20, "half": 0.5, "couple": 2, "pair": 2}
VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
    "hundreds of thousands": 1e5, "millions": 1e6, "tens of millions": 1e7, "hundreds of millions": 1e8,
    "billions": 1e9,
}
NUMBER_WORD = sorted([*UNITS, *TENS, *SCALES, *COLLECTIVES], key=len, reverse=True)
DIGITS = regex.compile(r"^\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")  # ".500"


_SEPARATORS = regex.compile(r"[,\u00a0\u202f ]")
_SPACES = regex.compile(r"\s+")
_LEADING_POINT = regex.compile(r"^\.\d")
_WORD_BREAKS = regex.compile(r"[\s-]+")
# "1.2 million", "6.6bn", "3m", "15M", "2.5 billion", "$1mil", "4 hundred million"
_SCALED = regex.compile(r"^(\d[\d,.\u00a0 ]*?)\s?-?"
                        r"(k|m|mil|mn|mln|bn|b|tn|million|billion|trillion|thousand|hundred|lakh|crore)"
                        r"(?:\s(thousand|million|billion))?$")


def _digits(text: str) -> float | None:
    text = text.strip()
    if not DIGITS.match(text):
        return None
    try:
        return float(_SEPARATORS.sub("", text))
    except ValueError:
        # `regex` knows digits of newer Unicode versions than this Python's float() does (U+10D40).
        return None


def _words(words: list[str]) -> float | None:
    """`twenty five`, `one hundred and twenty`, `half a million`, `a dozen`."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w == "and":
            continue
        if w in UNITS and w not in ("a", "an", "no"):
            current += UNITS[w]
        elif w in ("a", "an"):
            current += 1 if current == 0 else 0
        elif w in TENS:
            current += TENS[w]
        elif w == "half":
            current += 0.5
        elif w in ("dozen", "score", "couple", "pair"):
            current = (current or 1) * COLLECTIVES[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """The value of a number as printed, with its scale word; None when it is no number."""
    t = _SPACES.sub(" ", text.casefold().replace("‑", "-")).strip(" ,").rstrip(".")
    t = t if _LEADING_POINT.match(t) else t.lstrip(" .,")
    if not t:
        return None
    if t in VAGUE:
        return float(VAGUE[t])
    value = _digits(t)
    if value is not None:
        return value
    # "1.2 million", "6.6bn", "3m", "15M", "2.5 billion", "$1mil", "4 hundred million"
    m = _SCALED.match(t)
    if m:
        base = _digits(m.group(1))
        if base is None or (m.group(3) and m.group(2) != "hundred"):
            return None
        return base * SCALES[m.group(2)] * (SCALES[m.group(3)] if m.group(3) else 1)
    if t == "no":
        return 0.0
    words = [w for w in _WORD_BREAKS.split(t) if w]
    if words and words[0] == "no":
        return None
    return _words(words)


def vague_span(text: str) -> tuple[float, float] | None:
    """`tens of thousands` is 10,000 up to 100,000: the order of magnitude a plural power of ten spans.

    None for the vague amounts that span no power of ten (`dozens`, `scores`) and for every other text.
    """
    low = VAGUE.get(_SPACES.sub(" ", text.casefold()).strip())
    if low is None or low < 100:
        return None
    return float(low), float(low) * 10


def is_vague(text: str) -> bool:
    """`hundreds`, `tens of thousands`: an order of magnitude rather than a number."""
    return _SPACES.sub(" ", text.casefold()).strip() in VAGUE
