"""A caller's issue date (`extract(published=...)`): the reference for relative dates unless the text states its own."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.nlp.pipeline import as_date

UNDATED = """Clinic Teams Reach Flooded Villages in the Lower Valley

Mobile clinic teams reached three flooded villages on Tuesday, the health ministry said today.
The rains began on 2 March and have displaced about 4,000 people.
"""


def test_iso_strings_dates_and_datetimes_are_read() -> None:
    assert as_date("2025-03-07") == dt.date(2025, 3, 7)
    assert as_date(dt.datetime(2025, 3, 7, 14, 30)) == dt.date(2025, 3, 7)
    assert as_date("2025-03-07T09:00:00Z") == dt.date(2025, 3, 7)


@pytest.mark.parametrize("bad", ["next week", "07/03/2025", 20250307])
def test_a_date_that_is_not_one_is_a_typed_error(bad: object) -> None:
    with pytest.raises(release_nlp.InvalidDate):
        as_date(bad)  # type: ignore[arg-type]


@pytest.mark.integration
def test_an_undated_release_resolves_today_and_weekdays_against_the_given_date(nlp: Language) -> None:
    release = release_nlp.extract(UNDATED, published="2025-03-07", nlp=nlp)
    assert release.published == dt.date(2025, 3, 7)
    resolved = {d.text: d.start for d in release.dates}
    assert resolved["today"] == dt.date(2025, 3, 7)
    assert resolved["on Tuesday"] == dt.date(2025, 3, 4)
    assert resolved["2 March"] == dt.date(2025, 3, 2)


@pytest.mark.integration
def test_without_a_date_relative_expressions_stay_unresolved(nlp: Language) -> None:
    release = release_nlp.extract(UNDATED, nlp=nlp)
    assert release.published is None
    assert {d.text: d.start for d in release.dates}["today"] is None


@pytest.mark.integration
def test_the_date_the_release_states_wins(nlp: Language) -> None:
    text = UNDATED.replace("Mobile clinic", "LILONGWE, 5 March 2025 – Mobile clinic")
    release = release_nlp.extract(text, published=dt.date(2025, 3, 9), nlp=nlp)
    assert release.published == dt.date(2025, 3, 5)
