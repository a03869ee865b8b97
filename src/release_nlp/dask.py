"""Run release_nlp on a Dask cluster (optional extra: `pip install release_nlp[dask]`).

Each worker process loads the pipeline once (on the first partition it sees) and reuses it.

    >>> import dask.bag as db
    >>> from release_nlp.dask import extract_bag
    >>> releases = extract_bag(db.from_sequence(texts, npartitions=8)).compute()

Results are `Release` JSON dicts (`model_dump(mode="json")`), exactly what `extract_many`
gives for the same texts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd


def _extract_partition(texts: list[str]) -> list[dict[str, Any]]:
    from release_nlp.api import extract_many

    return [r.model_dump(mode="json") for r in extract_many(list(texts))]


def _read_partition(paths: list[str]) -> list[dict[str, Any]]:
    from release_nlp.api import extract_many

    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in paths]
    return [{"source": p, **r.model_dump(mode="json")} for p, r in zip(paths, extract_many(texts), strict=True)]


def extract_bag(texts: dask.bag.Bag) -> dask.bag.Bag:
    """A bag of Release dicts from a bag of release texts."""
    return texts.map_partitions(_extract_partition)


def extract_paths(paths: dask.bag.Bag) -> dask.bag.Bag:
    """A bag of Release dicts (with their `source` path) from a bag of file paths the workers can read."""
    return paths.map_partitions(_read_partition)


def _frame_partition(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    import pandas as pd

    releases = _extract_partition(frame[column].tolist())
    return pd.DataFrame({
        "title": [r["title"] for r in releases],
        "published": [r["published"] for r in releases],
        "people": [len(r["people"]) for r in releases],
        "figures": [len(r["figures"]) for r in releases],
        "release": [json.dumps(r, ensure_ascii=False) for r in releases],
    }, index=frame.index)


def extract_dataframe(frame: dask.dataframe.DataFrame, column: str = "text") -> dask.dataframe.DataFrame:
    """A Dask DataFrame with one row per input row: title, published, counts, and the Release as JSON."""
    import pandas as pd

    meta = pd.DataFrame({"title": pd.Series(dtype="object"), "published": pd.Series(dtype="object"),
                         "people": pd.Series(dtype="int64"), "figures": pd.Series(dtype="int64"),
                         "release": pd.Series(dtype="object")})
    return frame.map_partitions(_frame_partition, column, meta=meta)
