"""Releases as tables: one row per item, joined by `release_id`, typed columns.

The same Arrow tables back `to_dataframes` (pandas) and the command line's Parquet output:
one implementation, not two. Each schema carries pandas metadata, so a DataFrame made here and
one read back from the Parquet files (`pandas.read_parquet`) have the same dtypes: dates are
`datetime64[ns]`, whole numbers nullable `Int64`, values `float64`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from release_nlp.schema import Release

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("releases", "people", "organisations", "places", "dates", "figures", "quotes", "contacts")

_STR = pa.string()
_LIST = pa.list_(pa.string())
_INT = pa.int64()
_FLOAT = pa.float64()
# A day is a timestamp at midnight: pandas has no date dtype of its own, and a Parquet date column would
# come back as Python objects while the DataFrame made here holds datetime64.
_DAY = pa.timestamp("ns")


def _schema(fields: list[tuple[str, pa.DataType]]) -> pa.Schema:
    """An Arrow schema whose whole-number columns read into pandas as nullable `Int64`.

    Without it, pandas turns an integer column with a gap (a person with no mention offsets) into float64,
    so the dtype would depend on the data.
    """
    columns = [{"name": name, "field_name": name, "pandas_type": "int64", "numpy_type": "Int64", "metadata": None}
               for name, kind in fields if kind == _INT]
    meta = {"index_columns": [], "column_indexes": [], "columns": columns}
    return pa.schema(fields, metadata={b"pandas": json.dumps(meta).encode()})


SCHEMAS: dict[str, pa.Schema] = {
    "releases": _schema([
        ("release_id", _STR), ("source", _STR), ("title", _STR), ("published", _DAY), ("dateline_place", _STR),
        ("dateline_date", _DAY), ("language", _STR), ("people", _INT), ("organisations", _INT), ("places", _INT),
        ("dates", _INT), ("figures", _INT), ("quotes", _INT), ("contacts", _INT),
    ]),
    "people": _schema([
        ("release_id", _STR), ("name", _STR), ("titles", _LIST), ("organisation", _STR), ("aliases", _LIST),
        ("mentions", _INT), ("start", _INT), ("end", _INT),
    ]),
    "organisations": _schema([
        ("release_id", _STR), ("name", _STR), ("acronym", _STR), ("aliases", _LIST), ("mentions", _INT),
        ("start", _INT), ("end", _INT),
    ]),
    "places": _schema([
        ("release_id", _STR), ("name", _STR), ("country_code", _STR), ("kind", _STR), ("mentions", _INT),
        ("start", _INT), ("end", _INT),
    ]),
    "dates": _schema([
        ("release_id", _STR), ("text", _STR), ("date_start", _DAY), ("date_end", _DAY), ("granularity", _STR),
        ("start", _INT), ("end", _INT),
    ]),
    "figures": _schema([
        ("release_id", _STR), ("text", _STR), ("value", _FLOAT), ("high", _FLOAT), ("qualifier", _STR),
        ("unit", _STR), ("category", _STR), ("place", _STR), ("date", _DAY), ("sentence", _STR),
        ("start", _INT), ("end", _INT),
    ]),
    "quotes": _schema([
        ("release_id", _STR), ("text", _STR), ("speaker", _STR), ("start", _INT), ("end", _INT),
    ]),
    # One row per e-mail address or phone number; `name` and `place` are the contact's, when the block gives them.
    "contacts": _schema([
        ("release_id", _STR), ("kind", _STR), ("value", _STR), ("phone_e164", _STR), ("name", _STR),
        ("place", _STR), ("start", _INT), ("end", _INT),
    ]),
}


def _first(mentions: Sequence[Any]) -> tuple[int | None, int | None]:
    return (mentions[0].start, mentions[0].end) if mentions else (None, None)


def _day(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime(day.year, day.month, day.day)


def release_rows(release: Release, release_id: str, source: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of one release, per table."""
    dl = release.dateline
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    rows["contacts"] = contact_rows(release, release_id)
    rows["releases"].append({
        "release_id": release_id, "source": source, "title": release.title, "published": _day(release.published),
        "dateline_place": dl.place if dl else None, "dateline_date": _day(dl.date) if dl else None,
        "language": release.language, "people": len(release.people), "organisations": len(release.organisations),
        "places": len(release.places), "dates": len(release.dates), "figures": len(release.figures),
        "quotes": len(release.quotes), "contacts": len(rows["contacts"]),
    })
    for p in release.people:
        s, e = _first(p.mentions)
        rows["people"].append({"release_id": release_id, "name": p.name, "titles": p.titles,
                               "organisation": p.organisation, "aliases": p.aliases, "mentions": len(p.mentions),
                               "start": s, "end": e})
    for o in release.organisations:
        s, e = _first(o.mentions)
        rows["organisations"].append({"release_id": release_id, "name": o.name, "acronym": o.acronym,
                                      "aliases": o.aliases, "mentions": len(o.mentions), "start": s, "end": e})
    for pl in release.places:
        s, e = _first(pl.mentions)
        rows["places"].append({"release_id": release_id, "name": pl.name, "country_code": pl.country_code,
                               "kind": pl.kind, "mentions": len(pl.mentions), "start": s, "end": e})
    for d in release.dates:
        rows["dates"].append({"release_id": release_id, "text": d.text, "date_start": _day(d.start),
                              "date_end": _day(d.end), "granularity": d.granularity,
                              "start": d.span.start, "end": d.span.end})
    for f in release.figures:
        rows["figures"].append({"release_id": release_id, "text": f.text, "value": f.value, "high": f.high,
                                "qualifier": f.qualifier, "unit": f.unit, "category": f.category, "place": f.place,
                                "date": _day(f.date), "sentence": f.sentence, "start": f.span.start,
                                "end": f.span.end})
    for q in release.quotes:
        rows["quotes"].append({"release_id": release_id, "text": q.text, "speaker": q.speaker,
                               "start": q.span.start, "end": q.span.end})
    return rows


def contact_rows(release: Release, release_id: str) -> list[dict[str, Any]]:
    """One row per e-mail address or phone number: a contact giving both is two rows."""
    rows: list[dict[str, Any]] = []
    for c in release.contacts:
        for kind, value in (("email", c.email), ("phone", c.phone)):
            if value:
                rows.append({"release_id": release_id, "kind": kind, "value": value,
                             "phone_e164": c.phone_e164 if kind == "phone" else None, "name": c.name,
                             "place": c.place, "start": c.span.start, "end": c.span.end})
    return rows


def to_tables(items: Iterable[tuple[str, str | None, Release]]) -> dict[str, pa.Table]:
    """Arrow tables of (release_id, source, release) items."""
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for release_id, source, release in items:
        for kind, kind_rows in release_rows(release, release_id, source).items():
            rows[kind].extend(kind_rows)
    return {k: pa.Table.from_pylist(rows[k], schema=SCHEMAS[k]) for k in KINDS}


def to_dataframes(releases: Iterable[Release], ids: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """A dict of pandas DataFrames, one per table of `KINDS`, joined by `release_id`.

    Args:
        releases: the releases, e.g. from `extract_many`.
        ids: a release id for each release (default "0", "1", ...), the join key of every table.

    Dates are `datetime64[ns]`, values `float64`, counts and offsets nullable `Int64`, lists of names Python
    lists: the dtypes `pandas.read_parquet` gives on the command line's Parquet output.

    Raises:
        ValueError: `ids` does not give exactly one id per release, or gives one twice.
    """
    release_list = list(releases)
    if ids is None:
        id_list = [str(i) for i in range(len(release_list))]
    else:
        id_list = list(ids)
        if len(id_list) != len(release_list):
            raise ValueError(f"ids has {len(id_list)} entries for {len(release_list)} releases: "
                             "give one id per release")
        repeated = sorted(i for i, n in Counter(id_list).items() if n > 1)
        if repeated:
            shown = ", ".join(map(str, repeated[:5]))
            raise ValueError(f"ids must be unique (they join the tables); repeated: {shown}")
    items = ((i, None, r) for i, r in zip(id_list, release_list, strict=True))
    return {k: t.to_pandas() for k, t in to_tables(items).items()}
