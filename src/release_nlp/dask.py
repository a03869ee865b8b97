"""Run release_nlp on a Dask cluster (optional extra: `pip install release_nlp[dask]`).

Each worker process loads the pipeline once (on the first partition it sees) and reuses it.

    >>> import dask.bag as db
    >>> from release_nlp.dask import extract_bag
    >>> releases = extract_bag(db.from_sequence(texts, npartitions=8)).compute()

Results are `Release` JSON dicts (`model_dump(mode="json")`), exactly what `extract_many` gives for the
same texts. The options are `extract_many`'s: `as_tuples=True` takes `(text, context)` pairs (with
`context["published"]` the issue date) and gives `(release, context)` pairs; `on_error="record"` gives,
in place of an input that fails, `{"index": ..., "error": {"type": ..., "message": ...}}` (index: the
input's position in its partition), `"skip"` leaves it out, `"raise"` fails the computation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from release_nlp.api import ON_ERROR, OnError
from release_nlp.schema import Failure

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd


def _check(on_error: str) -> None:
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")


def _failure_dict(index: int, error_type: str, message: str) -> dict[str, Any]:
    return {"index": index, "error": {"type": error_type, "message": message}}


def _run(texts: list[tuple[str | None, Any]], on_error: OnError, fmt: str) -> list[tuple[int, dict[str, Any]]]:
    """(position, Release dict or failure dict) for each (text, published) in order; a None text failed to read."""
    from release_nlp.api import extract_many

    items = [(text, {"published": published, "position": i}) for i, (text, published) in enumerate(texts)
             if text is not None]
    out = []
    for result, context in extract_many(items, as_tuples=True, on_error=on_error, format=fmt):
        position = context["position"]
        if isinstance(result, Failure):
            out.append((position, _failure_dict(position, result.error_type, result.message)))
        else:
            out.append((position, result.model_dump(mode="json")))
    return out


def _published(context: Any) -> Any:
    return context.get("published") if isinstance(context, Mapping) else None


def _extract_partition(items: list[Any], as_tuples: bool = False, on_error: OnError = "raise",
                       fmt: str = "auto") -> list[Any]:
    pairs = [item if as_tuples else (item, None) for item in items]
    results = _run([(text, _published(context)) for text, context in pairs], on_error, fmt)
    return [(data, pairs[i][1]) if as_tuples else data for i, data in results]


def _read_partition(items: list[Any], as_tuples: bool = False, on_error: OnError = "raise",
                    fmt: str = "auto") -> list[Any]:
    pairs = [item if as_tuples else (item, None) for item in items]
    texts: list[tuple[str | None, Any]] = []
    unreadable: dict[int, dict[str, Any]] = {}
    for i, (path, context) in enumerate(pairs):
        try:
            texts.append((Path(path).read_text(encoding="utf-8", errors="replace"), _published(context)))
        except OSError as err:
            if on_error == "raise":
                raise
            texts.append((None, None))
            if on_error == "record":
                unreadable[i] = _failure_dict(i, type(err).__name__, str(err))
    results = dict(_run(texts, on_error, fmt))
    results.update(unreadable)
    out = []
    for i in sorted(results):
        data = {"source": str(pairs[i][0]), **results[i]}
        out.append((data, pairs[i][1]) if as_tuples else data)
    return out


def extract_bag(texts: dask.bag.Bag, *, as_tuples: bool = False, on_error: OnError = "raise",
                format: str = "auto") -> dask.bag.Bag:
    """A bag of Release dicts from a bag of release texts (or of `(text, context)` pairs with `as_tuples`)."""
    _check(on_error)
    return texts.map_partitions(_extract_partition, as_tuples, on_error, format)


def extract_paths(paths: dask.bag.Bag, *, as_tuples: bool = False, on_error: OnError = "raise",
                  format: str = "auto") -> dask.bag.Bag:
    """A bag of Release dicts (with their `source` path) from a bag of file paths the workers can read.

    With `as_tuples`, the bag holds `(path, context)` pairs; a file that cannot be read fails like a text.
    """
    _check(on_error)
    return paths.map_partitions(_read_partition, as_tuples, on_error, format)


def _frame_partition(frame: pd.DataFrame, column: str, published_column: str | None, on_error: OnError,
                     fmt: str) -> pd.DataFrame:
    import pandas as pd

    dates = frame[published_column].tolist() if published_column else [None] * len(frame)
    dates = [None if pd.isna(d) else d for d in dates]
    results = dict(_run(list(zip(frame[column].tolist(), dates, strict=True)), on_error, fmt))
    kept = sorted(results)
    releases = [results[i] for i in kept]
    ok = [r if "error" not in r else None for r in releases]
    return pd.DataFrame({
        "title": [r["title"] if r else None for r in ok],
        "published": [r["published"] if r else None for r in ok],
        "people": [len(r["people"]) if r else 0 for r in ok],
        "figures": [len(r["figures"]) if r else 0 for r in ok],
        "release": [json.dumps(r, ensure_ascii=False) if r else None for r in ok],
        "error": [None if r is not None else f"{d['error']['type']}: {d['error']['message']}"
                  for r, d in zip(ok, releases, strict=True)],
    }, index=frame.index[kept])


def extract_dataframe(frame: dask.dataframe.DataFrame, column: str = "text", *, published_column: str | None = None,
                      on_error: OnError = "raise", format: str = "auto") -> dask.dataframe.DataFrame:
    """A Dask DataFrame with one row per input row: title, published, counts, the Release as JSON, and error.

    `published_column` names a column of issue dates (dates or ISO strings). With `on_error="record"` a row
    that fails keeps its place with `error` set ("type: message") and the other columns empty; with "skip"
    it is left out.
    """
    import pandas as pd

    _check(on_error)
    meta = pd.DataFrame({"title": pd.Series(dtype="object"), "published": pd.Series(dtype="object"),
                         "people": pd.Series(dtype="int64"), "figures": pd.Series(dtype="int64"),
                         "release": pd.Series(dtype="object"), "error": pd.Series(dtype="object")})
    return frame.map_partitions(_frame_partition, column, published_column, on_error, format, meta=meta)
