"""Relative and named dates, and yearless ones placed by tense (sentences and dates we made up)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.readers.dates import resolve

REF = dt.date(2021, 3, 17)  # a Wednesday in March

CASES = [
    ("four years ago", None, "2017-01-01", "2017-12-31"),
    ("a year ago", None, "2020-01-01", "2020-12-31"),
    ("a year earlier", None, "2020-01-01", "2020-12-31"),
    ("two months ago", None, "2021-01-01", "2021-01-31"),
    ("the last week", None, "2021-03-08", "2021-03-14"),
    ("last summer", None, "2020-06-01", "2020-08-31"),
    ("last winter", None, "2020-12-01", "2021-02-28"),
    ("last May", None, "2020-05-01", "2020-05-31"),
    ("last February", None, "2021-02-01", "2021-02-28"),
    ("late last July", None, "2020-07-01", "2020-07-31"),
    ("next January", None, "2022-01-01", "2022-01-31"),
    ("earlier this month", None, "2021-03-01", "2021-03-31"),
    ("early this year", None, "2021-01-01", "2021-12-31"),
    ("last year's", None, "2020-01-01", "2020-12-31"),
    ("last month's", None, "2021-02-01", "2021-02-28"),
    ("this fiscal year", None, "2021-01-01", "2021-12-31"),
    ("fiscal 2019", None, "2019-01-01", "2019-12-31"),
    ("the 1980s", None, "1980-01-01", "1989-12-31"),
    ("the 19th century", None, "1800-01-01", "1899-12-31"),
    ("the twentieth century", None, "1900-01-01", "1999-12-31"),
    ("Christmas", "past", "2020-12-25", "2020-12-25"),
    ("Christmas", "future", "2021-12-25", "2021-12-25"),
    ("Thanksgiving Day", "past", "2020-11-26", "2020-11-26"),
    # yearless months and days by tense
    ("in early October", "past", "2020-10-01", "2020-10-31"),
    ("in October", None, "2021-10-01", "2021-10-31"),
    ("in January", "future", "2022-01-01", "2022-01-31"),
    ("in January", "past", "2021-01-01", "2021-01-31"),
    ("12 November", "past", "2020-11-12", "2020-11-12"),
    ("20 March", "past", "2021-03-20", "2021-03-20"),  # days off the reference: not a year back
    ("10 March", "future", "2021-03-10", "2021-03-10"),
    ("2 March", "future", "2022-03-02", "2022-03-02"),
    ("Monday", "future", "2021-03-22", "2021-03-22"),
    ("Monday", None, "2021-03-15", "2021-03-15"),
    # ranges
    ("12 – 15 March 2018", None, "2018-03-12", "2018-03-15"),
    ("January–March", None, "2021-01-01", "2021-03-31"),
    ("between 3 May 2004 and 9 June 2005", None, "2004-05-03", "2005-06-09"),
    ("between August 2016 to November 2017", None, "2016-08-01", "2017-11-30"),
    ("May 2004 - June 2005", None, "2004-05-01", "2005-06-30"),
    ("from 3 May 2004 until June 2005", None, "2004-05-03", "2005-06-30"),
    # a month of a year named relative to the release
    ("April this year", None, "2021-04-01", "2021-04-30"),
    ("in March next year", None, "2022-03-01", "2022-03-31"),
    ("May of last year", None, "2020-05-01", "2020-05-31"),
    # seasons by their months' initials; the year named is the middle month's
    ("JFM 2024", None, "2024-01-01", "2024-03-31"),
    ("DJF 2024", None, "2023-12-01", "2024-02-29"),
    ("NDJ 2023", None, "2023-11-01", "2024-01-31"),
    ("OND", None, "2021-10-01", "2021-12-31"),
]


@pytest.mark.parametrize(("text", "tense", "start", "end"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_relative(text: str, tense: str | None, start: str, end: str) -> None:
    result = resolve(text, REF, tense=tense)
    assert result is not None and not result.duration
    assert (str(result.start), str(result.end)) == (start, end)


def test_split_fiscal_year_is_left_unresolved() -> None:
    # Its days depend on the country's fiscal calendar, which the text does not state.
    assert resolve("FY 2016/17", REF) is None


HEAD = "Ministry of Water of Tarvia\n\nKorvel, 17 March 2021 – "


def dates(nlp: Language, sentence: str) -> list[tuple[str, str | None, str | None]]:
    release = release_nlp.extract(HEAD + sentence + "\n", nlp=nlp)
    return [(d.text, str(d.start) if d.start else None, str(d.end) if d.end else None) for d in release.dates
            if d.span.start > len(HEAD)]


@pytest.mark.integration
def test_tense_of_the_clause_places_a_yearless_month(nlp: Language) -> None:
    got = dates(nlp, "The pump station was damaged in August. Repairs will finish in February.")
    assert ("August", "2020-08-01", "2020-08-31") in got
    assert ("February", "2022-02-01", "2022-02-28") in got


@pytest.mark.integration
def test_relative_periods_are_found(nlp: Language) -> None:
    got = dates(nlp, "The well ran dry late last July, two years ago the levels were normal, and the "
                     "board met earlier this month.")
    starts = {start for _, start, _ in got}
    assert {"2020-07-01", "2019-01-01", "2021-03-01"} <= starts


@pytest.mark.integration
def test_explicit_date_inside_a_longer_span_is_kept(nlp: Language) -> None:
    got = dates(nlp, "Revenue grew in the quarter ended Sept. 30, 2020, the board said.")
    assert any(start == "2020-09-30" for _, start, _ in got)


@pytest.mark.integration
def test_date_ranges(nlp: Language) -> None:
    got = dates(nlp, "The survey ran between 3 May 2019 and 9 June 2020 in six districts.")
    assert any((start, end) == ("2019-05-03", "2020-06-09") for _, start, end in got)


@pytest.mark.integration
def test_the_first_finite_verb_after_a_date_gives_its_tense(nlp: Language) -> None:
    # Release of Wednesday 17 March 2021: "who planned" does not make Monday the next one, nor a participle
    # September last year's; "had" makes July last year's.
    got = dates(nlp, "In Dorvale district, Monday, a joint force arrested two men who planned attacks on the market.")
    assert ("Monday", "2021-03-15", "2021-03-15") in got
    got = dates(nlp, "The fair runs until 3 September, sponsored by the Korvel water board.")
    assert ("3 September", "2021-09-03", "2021-09-03") in got
    got = dates(nlp, "By July, the level had dropped to a metre.")
    assert ("July", "2020-07-01", "2020-07-31") in got


@pytest.mark.integration
def test_a_past_verb_just_before_a_weekday_gives_its_tense(nlp: Language) -> None:
    got = dates(nlp, "The minister said Monday that the talks will resume in Korvel.")
    assert ("Monday", "2021-03-15", "2021-03-15") in got
    got = dates(nlp, "The minister will travel to Korvel on Monday.")
    assert ("on Monday", "2021-03-22", "2021-03-22") in got


@pytest.mark.integration
def test_month_ranges_across_years_and_named_seasons_are_found(nlp: Language) -> None:
    got = dates(nlp, "The first phase ran between August 2016 to November 2017 in Korvel. The board met in "
                     "April this year and reports in March next year. The OND rains failed, and the JFM 2022 "
                     "outlook is dry.")
    spans = {(start, end) for _, start, end in got}
    assert {("2016-08-01", "2017-11-30"), ("2021-04-01", "2021-04-30"), ("2022-03-01", "2022-03-31"),
            ("2021-10-01", "2021-12-31"), ("2022-01-01", "2022-03-31")} <= spans


@pytest.mark.integration
def test_season_initials_need_capitals(nlp: Language) -> None:
    got = dates(nlp, "Her son and the mam of the village spoke on the radio.")
    assert got == []


@pytest.mark.integration
def test_an_overnight_operation_is_the_night_before_the_release(nlp: Language) -> None:
    got = dates(nlp, "A joint force detained two suspects during an overnight operation in Marsk district.")
    assert ("overnight", "2021-03-16", "2021-03-16") in got
    got = dates(nlp, "The mayor spoke to the press. Overnight, shelling hit the outskirts of Korvel.")
    assert ("Overnight", "2021-03-16", "2021-03-16") in got


@pytest.mark.integration
def test_overnight_as_a_figure_of_speech_is_no_date(nlp: Language) -> None:
    got = dates(nlp, "The council's attitude changed overnight, but the reforms will not happen overnight.")
    assert got == []


@pytest.mark.integration
def test_overnight_before_a_named_day_gives_way_to_it(nlp: Language) -> None:
    got = dates(nlp, "The force detained two men during an overnight operation in Marsk district Monday.")
    assert [start for _, start, _ in got] == ["2021-03-15"]
