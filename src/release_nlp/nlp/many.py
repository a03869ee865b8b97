"""One batch of `extract_many`, with a failing input isolated to itself when the caller asks for that.

Shared by the calling process and the forked workers of `process_pool.py`, which send back what this returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.nlp.pipeline import to_pipe
from release_nlp.schema import Failure, Release

OnError = Literal["raise", "record", "skip"]
ON_ERROR = ("raise", "record", "skip")
# One input: its text and the issue date the caller knows (or None).
Item = tuple[str, dt.date | str | None]
# The statistical components pad a batch to its longest text, so one long release in a batch costs memory
# for every text in it: a long one runs alone, the others in groups of bounded total length.
LONG_TEXT = 8_000
GROUP_CHARS = 32_000


def pipe_in_groups(nlp: Language, made: Sequence[str | Doc]) -> Iterator[Doc]:
    """`nlp.pipe(made)`, in order, in groups bounded by length (see LONG_TEXT)."""
    group: list[str | Doc] = []
    size = 0
    for item in made:
        length = len(item) if isinstance(item, str) else len(item.text)
        if group and (size + length > GROUP_CHARS or length > LONG_TEXT):
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(item)
        size += length
        if length > LONG_TEXT:
            yield from nlp.pipe(group, batch_size=1)
            group, size = [], 0
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def extract_batch(nlp: Language, start: int, items: list[Item], fmt: str, on_error: OnError) -> list[Release | Failure]:
    """A Release for each item, in order; a failing item raises, or with "record"/"skip" becomes a `Failure`.

    A Failure's index counts from `start`, the position of the batch's first item in the stream.

    The batch runs through `nlp.pipe` at once; only when that fails are its items run one at a time, to find
    the one at fault, so a good batch costs what it always did.
    """
    if on_error == "raise":
        return [doc._.release for doc in pipe_in_groups(nlp, [to_pipe(nlp, t, fmt, published=p) for t, p in items])]
    results: list[Release | Failure | None] = [None] * len(items)
    ready: list[tuple[int, str | Doc]] = []
    for i, (text, published) in enumerate(items):
        try:
            ready.append((i, to_pipe(nlp, text, fmt, published=published)))
        except Exception as err:
            results[i] = _failure(start + i, err)
    try:
        docs = list(pipe_in_groups(nlp, [made for _, made in ready]))
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
