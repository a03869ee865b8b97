"""Acronym definitions in text, Schwartz–Hearst style: `long form (SF)` and `SF (long form)`.

Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
biomedical text": the short form's characters are matched right to left against the
long form, the first character at the start of a word.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

PAREN = regex.compile(r"\(([^()\n]{1,15})\)")
WORD = regex.compile(r"\S+")


@dataclass(frozen=True)
class Definition:
    """`long` is defined as `short`; offsets are those of the long form and short form."""

    short: str
    long: str
    long_start: int
    long_end: int
    short_start: int


def _valid_short(short: str) -> bool:
    s = short.strip()
    return (
        2 <= len(s) <= 12
        and s[0].isalnum()
        and any(c.isupper() for c in s)
        and len(s.split()) <= 2
        and not s.isdigit()
    )


def _best_long_form(short: str, candidate: str) -> int | None:
    """Index in `candidate` where the long form for `short` starts, or None."""
    s_chars = [c.casefold() for c in short if c.isalnum()]
    if not s_chars:
        return None
    s_i = len(s_chars) - 1
    l_i = len(candidate) - 1
    while s_i >= 0:
        c = s_chars[s_i]
        while l_i >= 0 and (
            candidate[l_i].casefold() != c or (s_i == 0 and l_i > 0 and candidate[l_i - 1].isalnum())
        ):
            l_i -= 1
        if l_i < 0:
            return None
        s_i -= 1
        l_i -= 1
    start = candidate.rfind(" ", 0, l_i + 1) + 1
    return start


def find_definitions(text: str) -> list[Definition]:
    """Every `long form (SF)` definition in `text`."""
    out: list[Definition] = []
    for m in PAREN.finditer(text):
        short = m.group(1).strip()
        if not _valid_short(short):
            continue
        n_chars = sum(c.isalnum() for c in short)
        window_words = min(len(short) + 5, 2 * n_chars)
        before = text[max(0, m.start() - 200):m.start()].rstrip()
        # Only within the sentence: stop at sentence punctuation or a line break.
        cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "), before.rfind(": "))
        if cut >= 0:
            before = before[cut + 2:]
        words = WORD.findall(before)[-window_words:]
        candidate = " ".join(words)
        idx = _best_long_form(short, candidate)
        if idx is None:
            continue
        long = candidate[idx:].strip(" ,")
        long = regex.sub(r"^(?:the|a|an|of|and|for)\s+", "", long, flags=regex.IGNORECASE)
        if len(long) <= len(short) or long.casefold().startswith(short.casefold()):
            continue
        long_end = m.start() - (len(text[:m.start()]) - len(text[:m.start()].rstrip()))
        long_start = text.rfind(long, 0, long_end + 1)
        if long_start < 0:
            continue
        out.append(Definition(short, long, long_start, long_start + len(long), m.start(1)))
    return out
