"""One batch of `extract_many`, with a failing input isolated to itself when the caller asks for that.

Shared by the calling process and the forked workers of `process_pool.py`, which send back what this returns.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.nlp.pipeline import to_pipe
from release_nlp.schema import Failure, Release

OnError = Literal["raise", "record", "skip"]
ON_ERROR = ("raise", "record", "skip")
# One input: its text and the issue date the caller knows (or None).
Item = tuple[str, dt.date | str | None]


def extract_batch(nlp: Language, start: int, items: list[Item], fmt: str, on_error: OnError) -> list[Release | Failure]:
    """A Release for each item, in order; a failing item raises, or with "record"/"skip" becomes a `Failure`.

    A Failure's index counts from `start`, the position of the batch's first item in the stream.

    The batch runs through `nlp.pipe` at once; only when that fails are its items run one at a time, to find
    the one at fault, so a good batch costs what it always did.
    """
    if on_error == "raise":
        return [doc._.release for doc in nlp.pipe((to_pipe(nlp, t, fmt, published=p) for t, p in items),
                                                    batch_size=len(items) or 1)]
    results: list[Release | Failure | None] = [None] * len(items)
    ready: list[tuple[int, str | Doc]] = []
    for i, (text, published) in enumerate(items):
        try:
            ready.append((i, to_pipe(nlp, text, fmt, published=published)))
        except Exception as err:
            results[i] = _failure(start + i, err)
    try:
        docs = list(nlp.pipe((made for _, made in ready), batch_size=len(ready) or 1))
        for (i, _), doc in zip(ready, docs, strict=True):
            results[i] = doc._.release
    except Exception:
        for i, _ in ready:
            text, published = items[i]
            try:
                results[i] = nlp(to_pipe(nlp, text, fmt, published=published))._.release
            except Exception as err:
                results[i] = _failure(start + i, err)
    return [r for r in results if r is not None]


def _failure(index: int, err: BaseException) -> Failure:
    return Failure(index=index, error_type=type(err).__name__, message=str(err) or repr(err))
