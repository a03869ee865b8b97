"""Date expressions resolved against a fixed release date (never today's)."""

from __future__ import annotations

import datetime as dt

import pytest

from release_nlp.readers.dates import parse_calendar_date, resolve

RELEASE = dt.date(2024, 12, 18)  # a Wednesday

CASES = [
    ("18 December 2024", "2024-12-18", "2024-12-18", "day"),
    ("December 18, 2024", "2024-12-18", "2024-12-18", "day"),
    ("Wednesday, 18 December 2024", "2024-12-18", "2024-12-18", "day"),
    ("2024-12-18", "2024-12-18", "2024-12-18", "day"),
    ("17 December", "2024-12-17", "2024-12-17", "day"),
    ("17-18 December", "2024-12-17", "2024-12-18", "day"),
    ("17–18 December 2024", "2024-12-17", "2024-12-18", "day"),
    ("December 17-18, 2024", "2024-12-17", "2024-12-18", "day"),
    ("from 3 to 5 March", "2024-03-03", "2024-03-05", "day"),
    ("30 November - 2 December", "2024-11-30", "2024-12-02", "day"),
    ("31 December - 2 January", "2023-12-31", "2024-01-02", "day"),
    ("December 2024", "2024-12-01", "2024-12-31", "month"),
    ("in March", "2024-03-01", "2024-03-31", "month"),
    ("between January and March 2024", "2024-01-01", "2024-03-31", "month"),
    ("2006", "2006-01-01", "2006-12-31", "year"),
    ("since 2006", "2006-01-01", "2006-12-31", "year"),
    ("in 2017", "2017-01-01", "2017-12-31", "year"),
    ("2015-2017", "2015-01-01", "2017-12-31", "year"),
    ("2019–20", "2019-01-01", "2020-12-31", "year"),
    ("mid-2023", "2023-05-01", "2023-08-31", "month"),
    ("early 2020", "2020-01-01", "2020-04-30", "month"),
    ("the first quarter of 2024", "2024-01-01", "2024-03-31", "quarter"),
    ("Q3 2022", "2022-07-01", "2022-09-30", "quarter"),
    ("the second half of 2021", "2021-07-01", "2021-12-31", "month"),
    ("summer 2023", "2023-06-01", "2023-08-31", "season"),
    ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
    ("yesterday", "2024-12-17", "2024-12-17", "day"),
    ("today", "2024-12-18", "2024-12-18", "day"),
    ("tomorrow", "2024-12-19", "2024-12-19", "day"),
    ("on Tuesday", "2024-12-17", "2024-12-17", "day"),
    ("Monday", "2024-12-16", "2024-12-16", "day"),
    ("last Wednesday", "2024-12-11", "2024-12-11", "day"),
    ("next Friday", "2024-12-20", "2024-12-20", "day"),
    ("last week", "2024-12-09", "2024-12-15", "week"),
    ("this month", "2024-12-01", "2024-12-31", "month"),
    ("last month", "2024-11-01", "2024-11-30", "month"),
    ("last year", "2023-01-01", "2023-12-31", "year"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), CASES, ids=[c[0] for c in CASES])
def test_resolves_against_release_date(text: str, start: str, end: str, granularity: str) -> None:
    result = resolve(text, RELEASE)
    assert result is not None
    assert (result.start.isoformat(), result.end.isoformat(), result.granularity) == (start, end, granularity)


@pytest.mark.parametrize("text", ["the past year", "over the past year", "three months", "for decades",
                                  "the last six years", "the past 12 months"])
def test_durations_are_kept_apart(text: str) -> None:
    result = resolve(text, RELEASE)
    assert result is not None and result.duration
    assert result.start is None and result.end is None


@pytest.mark.parametrize("text", ["17 December", "yesterday", "on Tuesday", "this month", "17-18 December"])
def test_without_a_release_date_yearless_dates_stay_null(text: str) -> None:
    result = resolve(text, None)
    assert result is not None
    assert result.start is None and result.end is None


def test_full_dates_need_no_release_date() -> None:
    result = resolve("18 December 2024", None)
    assert result is not None and result.start == dt.date(2024, 12, 18)


@pytest.mark.parametrize("text", ["DG", "Director General", "SDG 10", "", "the", "Mr. Mikati"])
def test_non_dates(text: str) -> None:
    assert resolve(text, RELEASE) is None


def test_invalid_calendar_day_is_no_date() -> None:
    assert resolve("31 February 2024", RELEASE) is None


def test_calendar_date_for_datelines() -> None:
    assert parse_calendar_date("May 28, 2011") == dt.date(2011, 5, 28)
    assert parse_calendar_date("Thursday, November 16, 2017") == dt.date(2017, 11, 16)
    assert parse_calendar_date("November 27") is None  # no year and no reference: not guessed


def test_the_date_finders_guards_change_no_match() -> None:
    """The first-character guards and simple case folding only skip positions no date can start at."""
    import regex

    from release_nlp.readers import datefinder

    text = ("On Tuesday, 3 March 2025 the office opened; from May 2024 to June 2025 and between 3 May 2004 and "
            "9 June 2005, 12 - 15 March 2018, January-March, Sept. 30, 2019 and 2021-04-05. Four years ago, late "
            "last July, earlier this month, in the 20th century, on Christmas Eve and in FY 2016/17; LAST YEAR "
            "and Last Summer too. Wed. 4 Feb, thu 5 feb, -3 March, x12 May.")
    for pattern in (datefinder.FULL_DATE, datefinder.RANGE, datefinder.NAMED):
        unguarded = regex.compile(pattern.pattern.replace("(?-f)", "").replace(patterns_guard(pattern.pattern), ""),
                                  regex.V1)
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in unguarded.finditer(text)]
        assert found


def patterns_guard(pattern: str) -> str:
    """The leading `(?=[...])` guard of a pattern, or nothing."""
    return pattern[:pattern.index(")") + 1] if pattern.startswith("(?=[") else ""
