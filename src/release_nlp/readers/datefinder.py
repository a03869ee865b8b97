"""Find the date expressions of a doc and resolve them against the release's own date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex
from spacy.tokens import Doc

from release_nlp.core.docindex import ents_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.text import squash
from release_nlp.readers.dates import resolve
from release_nlp.readers.patterns import DATE
from release_nlp.readers.sections import SectionMap

FULL_DATE = regex.compile(rf"(?<![\w-]){DATE}(?![\w-])", regex.V1)
# Relative days and weekdays the model does not always tag: "in Ghazni province, yesterday".
RELATIVE = regex.compile(
    r"(?<![\w-])(?:yesterday|today|tomorrow|last\s(?:night|week|month|year)|this\s(?:morning|week|month|year)|"
    r"(?:(?:on|last|next|this)\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?![\w-])",
    regex.V1,
)
# Words the model folds into a DATE entity that are not part of the date.
TRIM = regex.compile(r"^(?:the\s+course\s+of|the\s+end\s+of|the\s+start\s+of|beginning\s+in|starting\s+in)\s+",
                     regex.IGNORECASE)


def read_dates(doc: Doc, dateparser_fallback: bool = True) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(dates, durations) of one doc, each with its text and character offsets."""
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    published = sections.published
    reference = dt.date.fromisoformat(published) if published else None
    title = sections.title

    def wanted(offset: int) -> bool:
        return sections.is_content(offset) or (title is not None and title[0] <= offset < title[1])

    candidates: list[tuple[int, int]] = []
    for ent in ents_of(doc):
        if ent.label_ == "DATE" and wanted(ent.start_char):
            candidates.append((ent.start_char, ent.end_char))
    taken = Intervals(candidates)
    for pattern in (FULL_DATE, RELATIVE):
        for m in pattern.finditer(text):
            s, e = m.span()
            near = list(taken.overlapping(s, e))
            if not wanted(s) or any(cs <= s and e <= ce for cs, ce in near):
                continue
            # A fuller date replaces the model's shorter one inside it ("25 November 2017" over "November 2017").
            for cs, ce in near:
                if s <= cs and ce <= e:
                    taken.remove(cs, ce)
            if next(taken.overlapping(s, e), None) is None:
                taken.add(s, e)
    candidates = list(taken)
    dates: list[dict[str, Any]] = []
    durations: list[dict[str, Any]] = []
    for start, end in sorted(candidates):
        while end > start and text[end - 1] in ".,;:":  # "since 15 January." ends before the full stop
            end -= 1
        raw = text[start:end]
        trimmed = TRIM.sub("", raw)
        start += len(raw) - len(trimmed)
        # A reference code ("2011-05-S-104") is no date.
        if regex.match(r"^[-/]\w", text[end:end + 2]) or (start > 0 and text[start - 1] in "-/"):
            continue
        result = resolve(trimmed, reference, dateparser_fallback=dateparser_fallback)
        if result is None:
            continue
        mention = {"text": squash(trimmed), "span": {"start": start, "end": end}}
        if result.duration:
            durations.append(mention)
            continue
        dates.append({
            **mention,
            "start": result.start.isoformat() if result.start else None,
            "end": result.end.isoformat() if result.end else None,
            "granularity": result.granularity,
        })
    return dates, durations
