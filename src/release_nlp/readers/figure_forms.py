"""Figures the finder pattern does not read whole, and what a figure takes from the one before it.

Ratios ("one in five children"), fractions ("1/16 of a pint"), shares in words ("two-thirds of the
vote") and scientific notation ("2.998×10−8 metres") have patterns of their own; a restated or
converted figure ("lost 190 points, or 0.6%", "more than 100 km (60 miles)") shares the direction
and the bound of the figure it restates.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, NamedTuple

import regex
from spacy.tokens import Doc

from release_nlp.core.docindex import text_of
from release_nlp.core.text import squash
from release_nlp.readers.change import change_direction
from release_nlp.readers.figure_cues import (
    SHARE_DENOMINATORS,
    qualifier_before,
    sentence_at,
    sentence_text,
)
from release_nlp.readers.figure_units import category, unit_phrase, with_rate
from release_nlp.readers.numbers import parse_number


def ratio_figure(doc: Doc, m: regex.Match[str], terms: dict[str, str]) -> dict[str, Any] | None:
    """`one in five children`: a share, as its fraction, counting the noun that follows."""
    text = m.string
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if not a or not b or a >= b:
        return None
    s, e = m.span()
    unit = unit_phrase(doc, s, e, terms)
    if unit is None:
        return None
    sentence = sentence_at(doc, s)
    return {"text": m.group(), "value": a / b, "qualifier": "exact", "high": None, "unit": unit, "direction": None,
            "category": category(unit, None, False), "sentence": sentence_text(text, sentence, s), "place": None,
            "date": None, "span": {"start": s, "end": e}, "_implicit": False, "_sent": sentence.start}


class FormMatches(NamedTuple):
    """Matches of the fraction, share and scientific-notation finders in a release's body and notes."""

    fractions: list[regex.Match[str]]
    shares: list[regex.Match[str]]
    notations: list[regex.Match[str]]


def shares_and_notations(doc: Doc, forms: FormMatches, terms: dict[str, str]) -> list[dict[str, Any]]:
    """Fractions, shares in words and scientific notation, from their matches (`figures.form_matches`).

    The finder pattern would read "1/16 of a pint" and "2.998×10−8 metres" as two numbers, and
    "two-thirds of the vote" or "half the homes" as none.
    """
    found: list[dict[str, Any]] = []
    for m in forms.fractions:
        numerator, denominator = int(m.group("a")), int(m.group("b"))
        if 0 < numerator < denominator:
            found.append(whole_figure(doc, m.start(), m.end(), numerator / denominator, terms, of_phrase=True))
    for m in forms.shares:
        if m.group("half"):
            value = 0.5
        else:
            parts = parse_number(m.group("a"))
            whole = SHARE_DENOMINATORS[m.group("b").casefold().rstrip("s")]
            if parts is None or parts >= whole:
                continue
            value = parts / whole
        share = whole_figure(doc, m.start(), m.end() - 1, value, terms, of_phrase=True)
        # A share is a proportion, like a percentage: it counts no new unit that later figures could imply.
        found.append({**share, "category": "percentage"})
    for m in forms.notations:
        exponent = m.group("e1") or m.group("e2") or m.group("e3")
        exponent = exponent.translate(_SUPERSCRIPTS).replace("−", "-").replace("–", "-")
        found.append(whole_figure(doc, m.start(), m.end(), float(m.group("m")) * 10.0 ** int(exponent), terms))
    return found


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_DETERMINER_AFTER = regex.compile(r"(?i)\s*(?:of\s+)?(?:(?:a|an|the|its|their|those|these|our|all|which|them)\s+)?")


def whole_figure(doc: Doc, s: int, e: int, value: float, terms: dict[str, str],
                 of_phrase: bool = False) -> dict[str, Any]:
    """A figure read whole by its own pattern: its qualifier and unit read as the finder's figures' are.

    `of_phrase`: a share counts the noun after "of the" ("a third of the voters"); with no noun there
    ("half of which"), the unit is the one the figures before imply.
    """
    text = text_of(doc)
    determiner = _DETERMINER_AFTER.match(text, e) if of_phrase else None
    unit_start = determiner.end() if determiner else e
    unit = unit_phrase(doc, unit_start, unit_start, terms)
    if unit is not None and not of_phrase:
        unit = with_rate(text, e, unit, False)
    q = qualifier_before(text, s)
    qualifier, fig_start = q if q else ("exact", s)
    sentence = sentence_at(doc, s)
    return {"text": squash(text[fig_start:e]), "value": value, "qualifier": qualifier, "high": None, "unit": unit,
            "direction": change_direction(text, s, e, sentence.start_char), "category": category(unit, None, False),
            "sentence": sentence_text(text, sentence, s), "place": None, "date": None,
            "span": {"start": fig_start, "end": e}, "_implicit": unit is None, "_sent": sentence.start}


# "lost 190 points, or 0.6%": the same change restated; "more than 100 km (60 miles)", "under 296 hp (224 kW /
# 300 PS)": the same amount converted, so it shares the bound and the direction.
_RESTATED = regex.compile(r"(?:\s+[\p{L}-]+){0,3}\s*,?\s+or\s+")
# "Ross was down 2.3%, Burlington by 2.6%": the verb left out, the change the same.
_ELLIPSIS = regex.compile(r"(?:\s+[\p{L}-]+){0,3}\s*[,;]\s+(?:and\s+)?"
                          r"\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3}\s+by\s+")
_CONVERTED = regex.compile(r"(?<!\s)(?:\s+[\p{L}.-]+){0,3}\s*+[(/]\s*")  # (?<!\s): linear on a run of spaces
_CONVERTED_END = regex.compile(r"[^()\d]{0,25}[)/]")  # the converted amount alone in its brackets


def carry_over(figures: list[dict[str, Any]], text: str) -> None:
    """Give a restated or converted figure the direction (and a converted one the bound) of the figure before."""
    for before, fig in pairwise(figures):
        gap_start, gap_end = before["span"]["end"], fig["span"]["start"]
        if gap_end <= gap_start or gap_end - gap_start > 40:
            continue
        converted = _CONVERTED.fullmatch(text, gap_start, gap_end) and _CONVERTED_END.match(text, fig["span"]["end"])
        if converted is None and not (_RESTATED.fullmatch(text, gap_start, gap_end)
                                      or _ELLIPSIS.fullmatch(text, gap_start, gap_end)):
            continue
        if fig["direction"] is None:
            fig["direction"] = before["direction"]
        if converted and fig["qualifier"] == "exact" and before["qualifier"] in _BOUNDS:
            fig["qualifier"] = before["qualifier"]


_BOUNDS = ("lower_bound", "upper_bound", "approximate")


# "fell from $75 a barrel to $45.88", "from 450 sq ft up to 900 sq ft", "narrowed to 138,285 lots from 212,577 lots":
# the span a figure moved over, as "from 36,000 to 34,900" is read. Only unit words between: "from 10.5 percent in
# 1996 to 5.4 percent in 2016" gives two levels at two times, two figures.
_FROM = regex.compile(r"(?i)from\s")
_TO_GAP = regex.compile(r"(?i)(?:\s+(?!(?:in|at|on|before|after|during|since|by|last|this|pre|post)\b)"
                        r"[\p{L}.$/-]+){0,4}\s+to\s+")
_UP_TO = regex.compile(r"(?i)up\sto\s")
_UNIT_GAP = regex.compile(r"(?:\s+[\p{L}.-]+){0,3}\s+")
_TO_BEFORE = regex.compile(r"(?i)\bto\s$")
_UP_OR_DOWN = regex.compile(r"(?i)\b(?:up|down)\b")


def join_spans(figures: list[dict[str, Any]], doc: Doc) -> list[dict[str, Any]]:
    """Join "from A ... to B" (and "to B from A") into one range from the lower to the higher amount.

    Like "fell from 9 to 7", the span is no change itself: it has no direction.
    """
    text = text_of(doc)
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        b = figures[i + 1] if i + 1 < len(figures) else None
        if b is not None and _moved_over(a, b, text):
            low, high = sorted((a["value"], b["value"]))
            start, end = a["span"]["start"], b["span"]["end"]
            out.append({**a, "text": squash(text[start:end]), "value": low, "high": high, "qualifier": "range",
                        "unit": a["unit"] or b["unit"], "span": {"start": start, "end": end}, "direction": None})
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _moved_over(a: dict[str, Any], b: dict[str, Any], text: str) -> bool:
    if a["high"] is not None or b["high"] is not None or a["_sent"] != b["_sent"] or a["value"] == b["value"]:
        return False
    if a["category"] == b["category"] == "money" and a["unit"].split()[0] != b["unit"].split()[0]:
        return False  # two currencies ("USD per barrel" and "USD" are one)
    gap_start, gap_end = a["span"]["end"], b["span"]["start"]
    if gap_end < gap_start:
        return False
    if _FROM.match(a["text"]) and a["qualifier"] == "exact":
        if b["qualifier"] == "exact" and _TO_GAP.fullmatch(text, gap_start, gap_end):
            return True
        return b["qualifier"] == "upper_bound" and bool(_UP_TO.match(b["text"])) and bool(
            _UNIT_GAP.fullmatch(text, gap_start, gap_end))
    return (_FROM.match(b["text"]) is not None and a["qualifier"] == b["qualifier"] == "exact"
            and _TO_BEFORE.search(text, max(0, a["span"]["start"] - 4), a["span"]["start"]) is not None
            and _UNIT_GAP.fullmatch(text, gap_start, gap_end) is not None
            and not _UP_OR_DOWN.search(text, gap_start, gap_end))
