"""Dates a news text names relative to its own date, or by a name that holds no year.

"four years ago", "last May", "late last July", "last summer", "earlier this month", "this fiscal year",
"the 20th century", "Thanksgiving Day".

`resolve_relative` takes normalised text (as `dates._norm` gives it) and the reference date, and returns
(first day, last day, granularity), or None when the text is none of these shapes. These are read
before the duration check: "four years ago" is a point in time, "for four years" a length of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import regex

from release_nlp.readers.patterns import MONTHS

Span = tuple[dt.date | None, dt.date | None, str]

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "twenty-first": 21, "twenty first": 21}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# Fixed-date holidays that English-language news names without a year (Gregorian dates as the
# holidays are defined; Thanksgiving Day, a weekday rule, is computed below).
_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "boxing day": (12, 26),
             "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
             "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "veterans day": (11, 11),
             "armistice day": (11, 11), "may day": (5, 1), "labour day": (5, 1)}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_PART = r"(?:(?:early|mid|late|the\send\sof|the\sbeginning\sof|the\sstart\sof|end\sof)[\s-]?)?"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month(year: int, month: int) -> Span:
    return dt.date(year, month, 1), dt.date(year, month, _last_day(year, month)), "month"


def _year(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _season(year: int, season: str) -> Span:
    first, last = _SEASONS[season]
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), dt.date(end_year, last, _last_day(end_year, last)), "season"


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    def c(p: str) -> regex.Pattern[str]:
        return regex.compile(rf"^{p}$")

    return {
        "ago": c(r"(?:about\s|nearly\s|almost\s|some\s|just\s)?(?P<n>\d{1,3}|" + "|".join(_NUMBERS)
                 + r")\s(?P<u>years?|months?|weeks?|days?)\s(?:ago|earlier|before)"),
        "month": c(rf"{_PART}(?P<w>last|next|this)\s(?P<m>{_MONTH_ALT})\.?"),
        "month_of_year": c(rf"{_PART}(?P<m>{_MONTH_ALT})\.?\s(?:of\s)?(?P<w>last|next|this)\syear"),
        "season": c(r"(?:the\s)?(?P<w>last|next|this|past|previous|coming)\s(?P<s>spring|summer|autumn|fall|winter)"),
        "period": c(r"(?:(?:early|earlier|late|later|mid|the\send\sof|the\sstart\sof|the\sbeginning\sof)[\s-]?)?"
                    r"(?P<w>this|last|next|the\slast)\s(?:fiscal\s|financial\s)?"
                    r"(?P<u>week|month|year)"),
        "century": c(r"(?:the\s)?(?:(?:early|mid|late)[\s-])?(?P<c>\d{1,2}|" + "|".join(_ORDINALS)
                     + r")(?:st|nd|rd|th)?[\s-]century"),
        "fy": c(r"(?:fy|fiscal\syear|fiscal|financial\syear)\s?(?P<y>(?:19|20)\d\d)"
                r"(?:\s?[-/]\s?(?P<y2>\d\d|(?:19|20)\d\d))?"),
        "holiday": c(r"(?:(?P<w>last|next|this)\s)?(?P<h>thanksgiving(?:\sday)?|"
                     + "|".join(regex.escape(h) for h in sorted(_HOLIDAYS, key=len, reverse=True)) + ")"),
    }


def resolve_relative(norm: str, ref: dt.date | None, tense: str | None = None) -> Span | None:
    """The days a relative or calendar-named expression covers; (None, None, granularity) without a reference."""
    p = _patterns()
    m = p["century"].match(norm)
    if m:
        c = int(m["c"]) if m["c"].isdigit() else _ORDINALS[m["c"]]
        if not 1 <= c <= 22:
            return None
        return dt.date((c - 1) * 100, 1, 1) if c > 1 else dt.date(1, 1, 1), dt.date(c * 100 - 1, 12, 31), "other"
    m = p["fy"].match(norm)
    if m:
        if m["y2"]:
            # "FY 2016/17": where it starts and ends is the publisher's country's fiscal calendar (April, July,
            # mid-July...), which the text does not state; no days are better than wrong ones.
            return None
        y = int(m["y"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    for name in ("ago", "month", "month_of_year", "season", "period", "holiday"):
        m = p[name].match(norm)
        if m:
            break
    else:
        return None
    if ref is None:
        return None, None, "year" if name in ("ago", "period") else "day" if name == "holiday" else "month"
    if name == "ago":
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        unit = m["u"].rstrip("s")
        if unit == "year":
            return _year(ref.year - n)
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return _month(y, mo + 1)
        day = ref - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return day, day, "day"
    if name == "month":
        month = MONTHS[m["m"]]
        year = ref.year
        if m["w"] == "last" and month >= ref.month:
            year -= 1
        elif m["w"] == "next" and month <= ref.month:
            year += 1
        return _month(year, month)
    if name == "month_of_year":  # "April this year", "March of next year": the month of that calendar year
        return _month(ref.year + {"last": -1, "this": 0, "next": 1}[m["w"]], MONTHS[m["m"]])
    if name == "season":
        season, w = m["s"], m["w"]
        first = _SEASONS[season][0]
        if w == "this":
            return _season(ref.year - 1 if season == "winter" and ref.month <= 2 else ref.year, season)
        if w in ("next", "coming"):
            year = ref.year if first > ref.month else ref.year + 1
            return _season(year, season)
        # the most recent one that has ended
        year = ref.year
        while _season(year, season)[1] >= ref:  # type: ignore[operator]
            year -= 1
        return _season(year, season)
    if name == "period":
        w, unit = m["w"].replace("the ", ""), m["u"]
        shift = {"this": 0, "last": -1, "next": 1}[w]
        if unit == "week":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
            return monday, monday + dt.timedelta(days=6), "week"
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
            return _month(y, mo + 1)
        return _year(ref.year + shift)
    # holiday
    h, w = m["h"], m["w"]

    def on(year: int) -> dt.date:
        if h.startswith("thanksgiving"):
            return _thanksgiving(year)
        month, day = _HOLIDAYS[h]
        return dt.date(year, month, day)

    day = on(ref.year)
    if (w == "last" or (w is None and tense == "past")) and day > ref:
        day = on(ref.year - 1)
    elif (w == "next" or (w is None and tense == "future")) and day < ref:
        day = on(ref.year + 1)
    return day, day, "day"
