"""Resolve date expressions to the first and last day they cover, against the release's own date.

The common shapes ("18 December 2024", "17-18 December", "between January and March 2024",
"mid-2023", "yesterday", "on Tuesday") are parsed here directly; dateparser is called only
for what remains, in strict mode, so that nothing is ever filled in from today's date.
A yearless or relative expression in a release with no known date resolves to nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from release_nlp.readers.patterns import DASH, MONTHS, SEASON_CODES, WEEKDAYS
from release_nlp.readers.relative_dates import resolve_relative

Granularity = str

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_M = rf"(?:{_MONTH_ALT})\.?"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_TO = rf"(?:\s?{DASH}\s?|\s(?:to|until|till|through|and)\s)"
_LEAD = regex.compile(
    r"^(?:(?:on|in|at|since|from|by|until|till|through|during|of|for|between|before|after|as\s+of|"
    r"the|this|that|early|earlier|late|later|around|about|until|starting|beginning|ending|dated|"
    rf"{_WEEKDAY_ALT}),?\s+)+"
)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": 3, "few": 3,
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "q1": 1, "q2": 2, "q3": 3, "q4": 4}
HALVES = {"first": 1, "1st": 1, "second": 2, "2nd": 2}

DURATION = regex.compile(
    rf"^(?:the\s)?(?:(?:past|last|next|coming|previous|following)\s)?(?:\d+|{'|'.join(NUMBER_WORDS)}|"
    r"several|few|many|a\sfew|a\scouple\sof|couple\sof)?\s?(?:more\s)?"
    r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)(?:\s(?:ago|old|long))?$"
)


@dataclass(frozen=True)
class Resolved:
    """The days an expression covers (`None` when it cannot be pinned down) and its granularity."""

    start: dt.date | None
    end: dt.date | None
    granularity: Granularity
    duration: bool = False


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").casefold()]


def _day(word: str) -> int:
    return int(regex.sub(r"\D", "", word))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, first: int, last: int) -> Resolved:
    end_year = year + 1 if last < first else year
    return Resolved(dt.date(year, first, 1), dt.date(end_year, last, _last_day(end_year, last)), "month")


def _year_for(month: int, day: int, ref: dt.date | None) -> int | None:
    """The year of a yearless day-month: the reference year (a release speaks of its own year)."""
    if ref is None:
        return None
    return ref.year


ORDINAL_SUFFIX = regex.compile(r"(\d)(?:st|nd|rd|th)\b")


def _norm(text: str) -> str:
    text = text.casefold().replace("\u2018", "'").replace("\u2019", "'")
    text = " ".join(text.split()).strip(" ,.;:()")
    return ORDINAL_SUFFIX.sub(r"\1", text)


@cache
def _rules() -> tuple[tuple[regex.Pattern[str], Any], ...]:
    """Each rule: an anchored pattern over the normalised text and a function of (match, reference)."""

    def c(p: str) -> regex.Pattern[str]:
        return regex.compile(rf"^{p}$")

    def day_range(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        m1 = _month(m["m1"]) if m["m1"] else _month(m["m2"])
        m2 = _month(m["m2"])
        year = int(m["y"]) if m["y"] else _year_for(m2, _day(m["d2"]), ref)
        if year is None:
            return Resolved(None, None, "day")
        y1 = year - 1 if m1 > m2 else year
        a, b = _safe(y1, m1, _day(m["d1"])), _safe(year, m2, _day(m["d2"]))
        if not a or not b or b < a:
            return None
        return Resolved(a, b, "day")

    def single_day(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        month = _month(m["m"])
        year = int(m["y"]) if m["y"] else _year_for(month, _day(m["d"]), ref)
        if year is None:
            return Resolved(None, None, "day")
        day = _safe(year, month, _day(m["d"]))
        return Resolved(day, day, "day") if day else None

    def iso(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        day = _safe(int(m["y"]), int(m["mo"]), int(m["d"]))
        return Resolved(day, day, "day") if day else None

    def month_range(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        year = int(m["y"]) if m["y"] else (ref.year if ref else None)
        if year is None:
            return Resolved(None, None, "month")
        m1, m2 = _month(m["m1"]), _month(m["m2"])
        if m1 > m2:
            year -= 1
        return _month_span(year, m1, m2)

    def month(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        year = int(m["y"]) if m["y"] else (ref.year if ref else None)
        if year is None:
            return Resolved(None, None, "month")
        return _month_span(year, _month(m["m"]), _month(m["m"]))

    def year_range(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y1, y2 = int(m["y1"]), m["y2"]
        end = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if end < y1:
            return None
        return Resolved(dt.date(y1, 1, 1), dt.date(end, 12, 31), "year")

    def year(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["y"])
        return Resolved(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")

    def part_of_year(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["y"])
        first, last = PARTS[m["p"]]
        return _month_span(y, first, last)

    def quarter(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["y"]) if m["y"] else (ref.year if ref else None)
        if y is None:
            return Resolved(None, None, "quarter")
        q = QUARTERS[m["q"]]
        span = _month_span(y, 3 * q - 2, 3 * q)
        return Resolved(span.start, span.end, "quarter")

    def half(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["y"])
        h = HALVES[m["h"]]
        return _month_span(y, 6 * h - 5, 6 * h)

    def season(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["y"]) if m["y"] else (ref.year if ref else None)
        if y is None:
            return Resolved(None, None, "season")
        first, last = SEASONS[m["s"]]
        span = _month_span(y, first, last)
        return Resolved(span.start, span.end, "season")

    def season_code(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        # The year named is the middle month's, as climate outlooks count ("DJF 2024" is Dec 2023 - Feb 2024).
        first = SEASON_CODES[m["sc"].upper()]
        middle = first % 12 + 1
        year = int(m["y"]) if m["y"] else (ref.year if ref else None)
        if year is None:
            return Resolved(None, None, "season")
        start_year = year - 1 if middle < first else year
        span = _month_span(start_year, first, (first + 1) % 12 + 1)
        return Resolved(span.start, span.end, "season")

    def decade(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["y"])
        return Resolved(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")

    def relative_day(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        if ref is None:
            return Resolved(None, None, "day")
        shift = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "yesterday": -1, "last night": -1, "tomorrow": 1}[m["w"]]
        day = ref + dt.timedelta(days=shift)
        return Resolved(day, day, "day")

    def relative_period(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        unit = m["u"]
        if ref is None:
            return Resolved(None, None, unit)
        shift = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[m["w"]]
        if unit == "week":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
            return Resolved(monday, monday + dt.timedelta(days=6), "week")
        if unit == "month":
            index = ref.year * 12 + ref.month - 1 + shift
            y, mo = divmod(index, 12)
            span = _month_span(y, mo + 1, mo + 1)
            return span
        y = ref.year + shift
        return Resolved(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")

    def weekday(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
        if ref is None:
            return Resolved(None, None, "day")
        target = WEEKDAYS[m["wd"]]
        delta = (ref.weekday() - target) % 7
        if m["w"] == "next":
            day = ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
        else:
            # A weekday in a release is the most recent one (this week's), the release day included.
            day = ref - dt.timedelta(days=delta + (7 if m["w"] == "last" and delta == 0 else 0))
        return Resolved(day, day, "day")

    wd = rf"(?:(?:{_WEEKDAY_ALT}),?\s)?"
    y_opt = rf"(?:,?\s(?P<y>{_Y}))?"
    return (
        (c(rf"(?P<y>{_Y})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"), iso),
        (c(rf"{wd}(?P<d1>{_D})(?:\s(?P<m1>{_M}))?{_TO}{wd}(?P<d2>{_D})\s(?P<m2>{_M}){y_opt}"), day_range),
        (c(rf"{wd}(?P<m1>{_M})\s(?P<d1>{_D}){_TO}{wd}(?P<m2>{_M})\s(?P<d2>{_D}){y_opt}"), day_range),
        (c(rf"{wd}(?P<m2>{_M})\s(?P<d1>{_D}){_TO}(?P<d2>{_D}){y_opt}"), lambda m, r: day_range_same(m, r)),
        (c(rf"{wd}(?P<d>{_D})\s(?:of\s)?(?P<m>{_M}){y_opt}"), single_day),
        (c(rf"{wd}(?P<m>{_M})\s(?P<d>{_D})(?:[,.]?\s(?P<y>{_Y}))?"), single_day),
        (c(rf"(?P<m1>{_M}){_TO}(?P<m2>{_M}){y_opt}"), month_range),
        (c(rf"(?:(?:early|mid|late|end\sof|beginning\sof|the\send\sof)\s?-?\s?)?(?P<m>{_M}){y_opt}"), month),
        (c(rf"(?P<y1>{_Y}){_TO}(?P<y2>{_Y}|\d\d)"), year_range),
        (c(rf"(?:the\s)?(?P<p>early|mid|late)\s?-?\s?(?P<y>{_Y})"), part_of_year),
        (c(rf"(?:the\s)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\squarter(?:\sof)?(?:\s(?P<y>{_Y}))?"),
         quarter),
        (c(rf"(?P<q>q[1-4])\s?(?P<y>{_Y})?"), quarter),
        (c(rf"(?:the\s)?(?P<h>first|second|1st|2nd)\shalf\sof\s(?P<y>{_Y})"), half),
        (c(rf"(?:the\s)?(?P<s>spring|summer|autumn|fall|winter)(?:\sof)?(?:\s(?P<y>{_Y}))?"), season),
        (c(r"(?:the\s)?(?P<y>1[89]\d0|20\d0)'?s"), decade),
        (c(rf"(?P<sc>{'|'.join(SEASON_CODES).lower()})(?:\s(?P<y>{_Y}))?"), season_code),
        (c(rf"(?:the\s)?(?:fiscal\s|financial\s|calendar\s)?(?:year\s)?(?P<y>{_Y})"), year),
        (c(r"(?P<w>today|tonight|yesterday|tomorrow|last night|this morning|this afternoon|this evening)"),
         relative_day),
        (c(r"(?P<w>this|current|last|past|previous|next|coming)\s(?P<u>week|month|year)"), relative_period),
        (c(rf"(?:(?P<w>last|next|this|on)\s)?(?P<wd>{_WEEKDAY_ALT})\.?"), weekday),
    )


def day_range_same(m: regex.Match[str], ref: dt.date | None) -> Resolved | None:
    """`December 17-18, 2024`: both days in one month."""
    month = _month(m["m2"])
    year = int(m["y"]) if m["y"] else (ref.year if ref else None)
    if year is None:
        return Resolved(None, None, "day")
    a, b = _safe(year, month, _day(m["d1"])), _safe(year, month, _day(m["d2"]))
    if not a or not b or b < a:
        return None
    return Resolved(a, b, "day")


@cache
def _dateparser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"})


_PREPOSITIONS = regex.compile(r"^(?:(?:on|in|at|since|from|by|until|till|through|during|of|for|before|after|"
                              r"around|about|as\sof|until|within|throughout|across|over)\s+)+")
_YEARLESS = regex.compile(rf"^(?!.*\b(?:1[89]|20)\d\d\b)(?!.*\b(?:last|next|this|ago|yesterday|today|tomorrow)\b)"
                          rf".*\b(?:{_MONTH_ALT}|spring|summer|autumn|fall|winter)\b")


_POSSESSIVE = regex.compile(r"(?:'s|s')$")
_SPAN_LEAD = regex.compile(r"^(?:over|for|during|in|within|throughout|across|since)\s+")
_THIS_PERIOD = regex.compile(r"^(?:this|current|last|previous|next)\s(?:week|month|year)$")
_PAST_PERIODS = regex.compile(r"^(?:the\s)?(?:past|last|next|coming)\s\d*\s?\w*\s?(?:days|weeks|months|years)")
_TWO_FULL_DATES = regex.compile(rf"^(?:between\s|from\s)?(?P<a>.+?\d{{4}}){_TO}(?P<b>.+\d{{4}})$")
_DIGIT = regex.compile(r"\d")
_MONTH_WORD = regex.compile(rf"\b{_M}")


def resolve(text: str, reference: dt.date | None = None, *, dateparser_fallback: bool = True,
            tense: str | None = None) -> Resolved | None:
    """Resolve a date expression; `None` when it names no calendar date, range, month or year.

    `tense` ("past" or "future"), read from the sentence, places a yearless month or day: "in August"
    said in March of what happened is last August; "in January" said in November of plans is next January.
    """
    norm = _POSSESSIVE.sub("", _norm(text))  # "last year's", "last month's"
    if not norm or len(norm) > 80:
        return None
    relative = resolve_relative(_PREPOSITIONS.sub("", norm), reference, tense)
    if relative is not None:
        return Resolved(*relative)
    result = _resolve(norm, text, reference, dateparser_fallback)
    if result is None or reference is None or result.start is None or result.end is None or not tense:
        return result
    if tense == "future" and result.granularity == "day" and result.start < reference and _WEEKDAY_ONLY.match(norm):
        ahead = result.start + dt.timedelta(days=7)  # "will resume Monday": the coming one
        return Resolved(ahead, ahead, "day")
    if _YEARLESS.match(norm):
        # A day a few days off the reference is a digest's next release or a late dateline, not a year away.
        grace = dt.timedelta(days=7 if result.granularity == "day" else 0)
        if tense == "past" and result.start > reference + grace:
            return _shift_years(result, -1)
        if tense == "future" and result.end < reference - grace:
            return _shift_years(result, 1)
    return result


_WEEKDAY_ONLY = regex.compile(rf"^(?:on\s|this\s)?(?:{_WEEKDAY_ALT})\.?$")


def _shift_years(result: Resolved, years: int) -> Resolved:
    def shift(day: dt.date) -> dt.date:
        return _safe(day.year + years, day.month, day.day) or dt.date(day.year + years, day.month, 28)

    assert result.start is not None and result.end is not None
    return Resolved(shift(result.start), shift(result.end), result.granularity)


def _resolve(norm: str, text: str, reference: dt.date | None, dateparser_fallback: bool) -> Resolved | None:
    span = _SPAN_LEAD.sub("", norm)
    if not _THIS_PERIOD.match(span) and (
        DURATION.match(span)
        or _PAST_PERIODS.match(span)
    ):
        return Resolved(None, None, "other", duration=True)
    candidates = [norm]
    stripped = _LEAD.sub("", norm)
    if stripped != norm and stripped:
        candidates.append(stripped)
    for candidate in candidates:
        for pattern, build in _rules():
            m = pattern.match(candidate)
            if m:
                result: Resolved | None = build(m, reference)
                return result
    # "between 3 May 2004 and 9 June 2005": two full dates, each with its own month and year.
    both = _TWO_FULL_DATES.match(norm)
    if both:
        a = _resolve(both["a"], both["a"], reference, False)
        b = _resolve(both["b"], both["b"], reference, False)
        grains = {a.granularity, b.granularity} if a and b else set()
        if a and b and a.start and b.end and a.start <= b.end and grains <= {"day", "month"}:
            return Resolved(a.start, b.end, "month" if "month" in grains else "day")
    if dateparser_fallback and _DIGIT.search(norm) and _MONTH_WORD.search(norm):
        parsed = _dateparser().get_date_data(text)
        if parsed and parsed.date_obj and parsed.period == "day":
            day = parsed.date_obj.date()
            return Resolved(day, day, "day")
    return None


def parse_calendar_date(text: str, reference_year: int | None = None) -> dt.date | None:
    """A single day named in a dateline or header (`18 December 2024`, `May 28, 2011`)."""
    ref = dt.date(reference_year, 1, 1) if reference_year else None
    result = resolve(text, ref)
    if result and result.granularity == "day" and result.start and result.start == result.end:
        return result.start
    return None
