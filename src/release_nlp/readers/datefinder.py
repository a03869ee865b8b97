"""Find the date expressions of a doc and resolve them against the release's own date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex
from spacy.tokens import Doc

from release_nlp.core.docindex import DocIndex, ents_of, index_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.text import squash
from release_nlp.readers.dates import Resolved, resolve
from release_nlp.readers.patterns import DASH, DATE, DATE_START, DAY, MONTH, SEASON_CODES, YEAR
from release_nlp.readers.sections import SectionMap

FULL_DATE = regex.compile(rf"{DATE_START}(?<![\w-]){DATE}(?![\w-])", regex.V1)
# Relative days and weekdays the model does not always tag: "in Ghazni province, yesterday".
RELATIVE = regex.compile(
    r"(?<![\w-])(?:yesterday|today|tomorrow|last\s(?:night|week|month|year)|this\s(?:morning|week|month|year)|"
    r"(?:(?:on|last|next|this)\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?![\w-])",
    regex.V1,
)
# Relative and named periods the model misses or cuts short: "late last July", "four years ago",
# "earlier this month", "the 20th century", "Christmas".
# Simple case folding ("(?-f)"): these words need no other, and full folding makes the search three times slower.
NAMED = regex.compile(
    rf"(?i)(?-f)(?<![\w-])(?:(?:(?:early|mid|late)\s)?(?:last|next|this)\s(?:{MONTH}|spring|summer|autumn|fall|winter|"
    r"fiscal\syear)|(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty)\s"
    r"(?:years?|months?|weeks?|days?)\s(?:ago|earlier)|(?:earlier|later|early|late)\sthis\s(?:week|month|year)|"
    r"the\s(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-first)[\s-]century|(?-i:Christmas(?:\s(?:Day|Eve))?|Thanksgiving(?:\sDay)?|New\sYear's\s(?:Day|Eve)|"
    r"Boxing\sDay|Independence\sDay|Halloween)|FY\s?(?:19|20)\d\d(?:/\d\d)?)(?![\w-])",
    regex.V1,
)
# Ranges of days, months or full dates: "12 - 15 March 2018", "between 3 May 2004 and 9 June 2005", "January-March",
# "between August 2016 to November 2017", "May 2004 - June 2005".
_POINT = rf"(?:{DATE}|{MONTH}\s(?:of\s)?{YEAR})"
RANGE = regex.compile(  # first a guard, as DATE_START, for the days, months, "between" and "from" that start a range
    rf"(?=[\dADFJMNOSbBfF])(?<![\w-])(?:{DAY}\s?{DASH}\s?{DAY}\s{MONTH}(?:,?\s{YEAR})?"
    rf"|(?i:between|from)\s{_POINT}\s(?:and|to|until|till|through)\s{_POINT}"
    rf"|{MONTH}\s{YEAR}\s?{DASH}\s?{MONTH}\s{YEAR}"
    rf"|{MONTH}\s?{DASH}\s?{MONTH}(?:,?\s{YEAR})?)(?![\w-])",
    regex.V1,
)
# "April this year", "March of next year"; "the OND season", "JFM 2024".
MONTH_OF_YEAR = regex.compile(
    rf"(?<![\w-])(?:{MONTH}\s(?:of\s)?(?:this|next|last)\syear"
    rf"|(?:{'|'.join(SEASON_CODES)})(?:\s{YEAR})?)(?![\w-])",
    regex.V1,
)
# "an overnight raid", "Overnight, shelling hit ...": in news the night just before the release, which began the
# day before it (as "last night"). "changed overnight", "not happen overnight" are figures of speech, not read.
OVERNIGHT = regex.compile(
    r"(?<=\b[Aa]n?\s)overnight(?=\s(?:(?:air|ground|security|military|joint|combined|search)\s)?"
    r"(?:operations?|raids?|strikes?|airstrikes?|attacks?|assaults?|patrols?|missions?|searche?s?|clash(?:es)?|"
    r"shelling|bombardments?|offensive|fighting)\b)|(?<![\w-])Overnight(?=,)",
    regex.V1,
)
SENTENCE_STOP = regex.compile(r"[.!?]\s|$")
# "planned" alone is no future marker: "leaders who planned attacks".
_FUTURE = (r"\b(?:will|shall|won't|'ll|going\sto|plans?\sto|planned\s(?:to|for)|planning\sto|scheduled|set\sto|"
           r"expected\sto|expects?\sto|is\sto|are\sto|due\sto|would|upcoming|next|forthcoming)\b")
# Words in -ed that are no past tense ("need", "hundred", "indeed") are left out.
_PAST = (r"\b(?:was|were|had|did|told|said|ago|(?!(?:need|hundred|indeed|speed|feed|seed|breed|proceed|exceed|"
         r"succeed|deed|shed|weed|greed|creed|embed)\b)\w{3,}ed)\b")
FUTURE = regex.compile(_FUTURE, regex.IGNORECASE)
PAST = regex.compile(_PAST, regex.IGNORECASE)
PAST_JUST_BEFORE = regex.compile(rf"{_PAST}\s+(?:(?:on|in|late|early|last)\s+)?$", regex.IGNORECASE)
# The first tense marker after a date; of the past only finite verbs, as a participle after it is no clue
# ("the race on July 23, sponsored by ...").
TENSE_MARKER = regex.compile(rf"(?P<future>{_FUTURE})|\b(?:was|were|had|did|told|said)\b", regex.IGNORECASE)
# Words the model folds into a DATE entity that are not part of the date.
TRIM = regex.compile(r"^(?:the\s+course\s+of|the\s+end\s+of|the\s+start\s+of|beginning\s+in|starting\s+in)\s+",
                     regex.IGNORECASE)
_CODE_GOES_ON = regex.compile(r"[-/]\w")  # after a date: "2011-05-S-104" is a reference code


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
    for pattern in (RANGE, FULL_DATE, MONTH_OF_YEAR, NAMED, RELATIVE, OVERNIGHT):
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
        if _CODE_GOES_ON.match(text, end) or (start > 0 and text[start - 1] in "-/"):
            continue
        night_match = OVERNIGHT.match(text, start)
        if night_match and night_match.end() == end:
            sentence_end = SENTENCE_STOP.search(text, end).start()  # type: ignore[union-attr]
            if FULL_DATE.search(text, end, sentence_end) or RELATIVE.search(text, end, sentence_end):
                continue  # "an overnight operation Thursday": the night of the day named
            night = reference - dt.timedelta(days=1) if reference else None
            result: Resolved | None = Resolved(night, night, "day")
        else:
            result = resolve(trimmed, reference, dateparser_fallback=dateparser_fallback,
                             tense=_tense(text, index_of(doc), start))
        if result is None or result.duration:
            # "the quarter ended Sept. 30": the explicit date inside a span that names none as a whole.
            inner = [m for m in FULL_DATE.finditer(text, start, end) if (m.start(), m.end()) != (start, end)]
            if inner:
                for m in inner:
                    found = resolve(m.group(), reference, dateparser_fallback=dateparser_fallback)
                    if found is not None and not found.duration:
                        dates.append(_date(m.group(), m.start(), m.end(), found))
                continue
        if result is None:
            continue
        mention = {"text": squash(trimmed), "span": {"start": start, "end": end}}
        if result.duration:
            durations.append(mention)
            continue
        dates.append(_date(trimmed, start, end, result))
    return dates, durations


def _date(text: str, start: int, end: int, result: Resolved) -> dict[str, Any]:
    return {"text": squash(text), "span": {"start": start, "end": end},
            "start": result.start.isoformat() if result.start else None,
            "end": result.end.isoformat() if result.end else None,
            "granularity": result.granularity}


def _tense(text: str, index: DocIndex, start: int) -> str | None:
    """"future" or "past" of a date from the words around it; None if they say neither.

    A future marker in the clause before it (back to a comma or the sentence start), a past verb just before it
    ("said Tuesday that talks will resume", "which began on Monday, will ..."), else the first tense marker after
    it in the sentence, else a past marker before it.
    """
    sentence = index.sentence(index.token_index(start))
    clause_start = max(sentence.start_char, *(text.rfind(c, sentence.start_char, start) + 1 for c in ",;:"))
    before = text[clause_start:start]
    if FUTURE.search(before):
        return "future"
    if PAST_JUST_BEFORE.search(before):
        return "past"
    marker = TENSE_MARKER.search(text, start, sentence.end_char)
    if marker:
        return "future" if marker.group("future") else "past"
    if PAST.search(before):
        return "past"
    return None
