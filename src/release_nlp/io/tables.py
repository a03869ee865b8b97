"""Releases as tables: one row per item, joined by `release_id`, typed columns.

The same Arrow tables back `to_dataframes` (pandas) and the command line's Parquet output:
one implementation, not two.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from release_nlp.schema import Release

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("releases", "people", "organisations", "places", "dates", "figures", "quotes")

_STR = pa.string()
_LIST = pa.list_(pa.string())
_INT = pa.int64()
_FLOAT = pa.float64()
_DATE = pa.date32()

SCHEMAS: dict[str, pa.Schema] = {
    "releases": pa.schema([
        ("release_id", _STR), ("source", _STR), ("title", _STR), ("published", _DATE), ("dateline_place", _STR),
        ("dateline_date", _DATE), ("language", _STR), ("people", _INT), ("organisations", _INT), ("places", _INT),
        ("dates", _INT), ("figures", _INT), ("quotes", _INT), ("contacts", _STR),
    ]),
    "people": pa.schema([
        ("release_id", _STR), ("name", _STR), ("titles", _LIST), ("organisation", _STR), ("aliases", _LIST),
        ("mentions", _INT), ("start", _INT), ("end", _INT),
    ]),
    "organisations": pa.schema([
        ("release_id", _STR), ("name", _STR), ("acronym", _STR), ("aliases", _LIST), ("mentions", _INT),
        ("start", _INT), ("end", _INT),
    ]),
    "places": pa.schema([
        ("release_id", _STR), ("name", _STR), ("country_code", _STR), ("kind", _STR), ("mentions", _INT),
        ("start", _INT), ("end", _INT),
    ]),
    "dates": pa.schema([
        ("release_id", _STR), ("text", _STR), ("date_start", _DATE), ("date_end", _DATE), ("granularity", _STR),
        ("start", _INT), ("end", _INT),
    ]),
    "figures": pa.schema([
        ("release_id", _STR), ("text", _STR), ("value", _FLOAT), ("high", _FLOAT), ("qualifier", _STR),
        ("unit", _STR), ("category", _STR), ("place", _STR), ("date", _DATE), ("sentence", _STR),
        ("start", _INT), ("end", _INT),
    ]),
    "quotes": pa.schema([
        ("release_id", _STR), ("text", _STR), ("speaker", _STR), ("start", _INT), ("end", _INT),
    ]),
}


def _first(mentions: Sequence[Any]) -> tuple[int | None, int | None]:
    return (mentions[0].start, mentions[0].end) if mentions else (None, None)


def release_rows(release: Release, release_id: str, source: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of one release, per table."""
    dl = release.dateline
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    rows["releases"].append({
        "release_id": release_id, "source": source, "title": release.title, "published": release.published,
        "dateline_place": dl.place if dl else None, "dateline_date": dl.date if dl else None,
        "language": release.language, "people": len(release.people), "organisations": len(release.organisations),
        "places": len(release.places), "dates": len(release.dates), "figures": len(release.figures),
        "quotes": len(release.quotes),
        "contacts": "; ".join(c.email or c.phone or "" for c in release.contacts) or None,
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
        rows["dates"].append({"release_id": release_id, "text": d.text, "date_start": d.start, "date_end": d.end,
                              "granularity": d.granularity, "start": d.span.start, "end": d.span.end})
    for f in release.figures:
        rows["figures"].append({"release_id": release_id, "text": f.text, "value": f.value, "high": f.high,
                                "qualifier": f.qualifier, "unit": f.unit, "category": f.category, "place": f.place,
                                "date": f.date, "sentence": f.sentence, "start": f.span.start, "end": f.span.end})
    for q in release.quotes:
        rows["quotes"].append({"release_id": release_id, "text": q.text, "speaker": q.speaker,
                               "start": q.span.start, "end": q.span.end})
    return rows


def to_tables(items: Iterable[tuple[str, str | None, Release]]) -> dict[str, pa.Table]:
    """Arrow tables of (release_id, source, release) items."""
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for release_id, source, release in items:
        for kind, kind_rows in release_rows(release, release_id, source).items():
            rows[kind].extend(kind_rows)
    return {k: pa.Table.from_pylist(rows[k], schema=SCHEMAS[k]) for k in KINDS}


def to_dataframes(releases: Iterable[Release], ids: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """A dict of pandas DataFrames (releases, people, organisations, places, dates, figures, quotes).

    Args:
        releases: the releases, e.g. from `extract_many`.
        ids: a release id for each release (default "0", "1", ...), the join key of every table.

    Dates are `datetime.date` objects, values floats, offsets integers (nullable).
    """
    id_list = list(ids) if ids is not None else None
    items = ((id_list[i] if id_list is not None else str(i), None, r) for i, r in enumerate(releases))
    return {k: t.to_pandas(types_mapper={pa.int64(): _nullable_int()}.get) for k, t in to_tables(items).items()}


def _nullable_int() -> Any:
    import pandas as pd

    return pd.Int64Dtype()

