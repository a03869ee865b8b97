"""Releases as tables: DataFrames and Parquet from one set of Arrow schemas, with the same dtypes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from release_nlp.batch.outputs import ParquetWriter
from release_nlp.batch.runner import Outcome
from release_nlp.io.tables import KINDS, to_dataframes
from release_nlp.schema import Contact, DateMention, Figure, Mention, Person, Release, Span

TEXT = "Lindmark, 2 June 2024 – Aid reached 1,200 families, said Ola Brenn. Call +44 20 7946 0000 or press@lind.example"


def release(published: dt.date | None = dt.date(2024, 6, 2), person: bool = True) -> Release:
    return Release(
        title="Aid reaches families", published=published, text=TEXT,
        people=[Person(name="Ola Brenn", titles=["Spokesperson"],
                       mentions=[Mention(start=57, end=66, text="Ola Brenn")])] if person
        else [Person(name="Unplaced Person")],
        dates=[DateMention(text="2 June 2024", start=dt.date(2024, 6, 2), end=dt.date(2024, 6, 2), granularity="day",
                           span=Span(start=10, end=21)),
               DateMention(text="some day", span=Span(start=0, end=3))],
        figures=[Figure(text="1,200 families", value=1200.0, unit="families", span=Span(start=36, end=50))],
        contacts=[Contact(email="press@lind.example", phone="+44 20 7946 0000", phone_e164="+442079460000",
                          name="Press office", span=Span(start=73, end=113))],
    )


def test_dates_are_datetime64_and_counts_nullable_integers() -> None:
    tables = to_dataframes([release(), release(published=None, person=False)], ids=["a", "b"])
    assert set(tables) == set(KINDS)
    assert str(tables["releases"]["published"].dtype) == "datetime64[ns]"
    assert tables["releases"]["published"].iloc[0] == pd.Timestamp(2024, 6, 2)
    assert pd.isna(tables["releases"]["published"].iloc[1])
    assert str(tables["dates"]["date_start"].dtype) == "datetime64[ns]"
    assert str(tables["figures"]["date"].dtype) == "datetime64[ns]"  # a column with no date at all stays a date
    assert str(tables["figures"]["value"].dtype) == "float64"
    # A person with no mention has no offsets: the column stays integer rather than turning float.
    assert str(tables["people"]["start"].dtype) == "Int64"
    assert tables["people"]["start"].tolist() == [57, pd.NA]
    assert str(tables["releases"]["people"].dtype) == "Int64"


def test_contacts_one_row_per_email_or_phone() -> None:
    tables = to_dataframes([release()], ids=["a"])
    contacts = tables["contacts"]
    assert contacts[["kind", "value"]].values.tolist() == [["email", "press@lind.example"],
                                                          ["phone", "+44 20 7946 0000"]]
    assert contacts["phone_e164"].tolist()[1] == "+442079460000" and pd.isna(contacts["phone_e164"].iloc[0])
    assert set(contacts["name"]) == {"Press office"}
    assert tables["releases"]["contacts"].tolist() == [2]


def test_ids_must_match_the_releases() -> None:
    with pytest.raises(ValueError, match="ids has 1 entries for 2 releases"):
        to_dataframes([release(), release()], ids=["only-one"])
    with pytest.raises(ValueError, match="ids has 3 entries for 2 releases"):
        to_dataframes(iter([release(), release()]), ids=iter(["a", "b", "c"]))
    with pytest.raises(ValueError, match="repeated: a"):
        to_dataframes([release(), release()], ids=["a", "a"])
    assert to_dataframes([release(), release()])["releases"]["release_id"].tolist() == ["0", "1"]


def test_dataframes_have_the_dtypes_parquet_gives(tmp_path: Path) -> None:
    releases = [release(), release(published=None, person=False)]
    writer = ParquetWriter(tmp_path / "out")
    for i, r in enumerate(releases):
        writer.write(Outcome(source=f"r{i}", sha256=str(i), release=r.model_dump(mode="json")))
    writer.close()
    frames = to_dataframes([Release.model_validate(r.model_dump(mode="json")) for r in releases], ids=["r0", "r1"])
    for kind in KINDS:
        read = pd.read_parquet(tmp_path / "out" / kind)
        assert read.dtypes.to_dict() == frames[kind].dtypes.to_dict(), kind
        assert len(read) == len(frames[kind]), kind
    assert pd.read_parquet(tmp_path / "out" / "dates")["date_start"].iloc[0] == pd.Timestamp(2024, 6, 2)
