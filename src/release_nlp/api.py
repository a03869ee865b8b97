"""The public functions: `extract` and `extract_many`."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, Literal, TypeVar, overload

from spacy.language import Language

from release_nlp.io.encoding import decode
from release_nlp.nlp.limits import time_limit
from release_nlp.nlp.many import ON_ERROR as ON_ERROR
from release_nlp.nlp.many import Item, extract_batch
from release_nlp.nlp.many import OnError as OnError
from release_nlp.nlp.pipeline import default_pipeline, make_doc, to_pipe
from release_nlp.nlp.process_pool import can_fork, extract_in_processes
from release_nlp.schema import Failure, Release

C = TypeVar("C")


def extract(
    text: str | bytes,
    *,
    published: dt.date | str | None = None,
    format: str = "auto",
    nlp: Language | None = None,
    max_chars: int | None = None,
    timeout: float | None = None,
) -> Release:
    """Extract a `Release` from the text of one press release.

    Args:
        text: the release as plain text, Markdown or HTML; bytes are decoded (UTF-8, else the encoding
            charset-normalizer detects, recorded as `Release.encoding`).
        published: the issue date, when the caller knows it (an archive's date column, a file name): a
            `datetime.date` or an ISO string. A date the release states itself (its dateline, a
            "Date:" header) wins; otherwise this date becomes `Release.published` and the reference
            for every relative or yearless date ("today", "on Tuesday", "15 March").
        format: `auto` (sniffed), `text`, `markdown` or `html`.
        nlp: a pipeline from `release_nlp.load()`; the default one is loaded once and reused.
        max_chars: size limit (default `release_nlp.io.prepare.MAX_CHARS`, 5 million characters).
        timeout: seconds the call may take. Bounded by a SIGALRM timer, so on Unix in the main thread
            only; in other threads and on Windows the call runs unbounded (`nlp.limits.can_time_limit()`
            says which applies; run the batch CLI, whose workers are always bounded, where it does not).

    Raises:
        EmptyInput: the text is empty.
        UnsupportedFormat: unknown `format`, or not text.
        DecodeError: bytes that are not text in any encoding.
        InputTooLarge: over the size limit.
        InvalidDate: `published` is not a date.
        DocumentTimeout: the call took longer than `timeout`.
    """
    encoding = None
    if isinstance(text, bytes):
        text, encoding = decode(text)
    pipeline = nlp or default_pipeline()
    with time_limit(timeout):
        doc = pipeline(make_doc(pipeline, text, format, max_chars, published))
    release: Release = doc._.release
    return release if encoding is None else release.model_copy(update={"encoding": encoding})


@overload
def extract_many(items: Iterable[str], *, as_tuples: Literal[False] = ..., on_error: Literal["raise", "skip"] = ...,
                 batch_size: int = ..., n_process: int = ..., format: str = ...,
                 nlp: Language | None = ...) -> Iterator[Release]: ...
@overload
def extract_many(items: Iterable[str], *, as_tuples: Literal[False] = ..., on_error: Literal["record"],
                 batch_size: int = ..., n_process: int = ..., format: str = ...,
                 nlp: Language | None = ...) -> Iterator[Release | Failure]: ...
@overload
def extract_many(items: Iterable[tuple[str, C]], *, as_tuples: Literal[True], on_error: Literal["raise", "skip"] = ...,
                 batch_size: int = ..., n_process: int = ..., format: str = ...,
                 nlp: Language | None = ...) -> Iterator[tuple[Release, C]]: ...
@overload
def extract_many(items: Iterable[tuple[str, C]], *, as_tuples: Literal[True], on_error: Literal["record"],
                 batch_size: int = ..., n_process: int = ..., format: str = ...,
                 nlp: Language | None = ...) -> Iterator[tuple[Release | Failure, C]]: ...
def extract_many(
    items: Iterable[Any],
    *,
    as_tuples: bool = False,
    on_error: OnError = "raise",
    batch_size: int = 16,
    n_process: int = 1,
    format: str = "auto",
    nlp: Language | None = None,
) -> Iterator[Any]:
    """Extract a `Release` from each text, streaming through `nlp.pipe`, in input order.

    Args:
        items: release texts; with `as_tuples=True`, `(text, context)` pairs as in spaCy's
            `nlp.pipe(as_tuples=True)`, where `context["published"]` (a date or ISO string), when the context
            is a mapping that has it, is the issue date as in `extract(published=...)`.
        as_tuples: yield `(result, context)` pairs, the context passed through untouched.
        on_error: `"raise"` stops at the first input that cannot be read (an empty text, a bad date...);
            `"record"` yields a `release_nlp.Failure` (index, error type, message) in its place and goes on;
            `"skip"` leaves it out.
        batch_size: texts per `nlp.pipe` batch, and per task of a worker process.
        n_process: worker processes. Forked workers send back Releases (`nlp/process_pool.py`); where
            processes cannot be forked (macOS, Windows), spaCy's `nlp.pipe(n_process=...)` with
            `on_error="raise"`, and one process otherwise.
        format: `auto`, `text`, `markdown` or `html`, for every text.
        nlp: a pipeline from `release_nlp.load()`; by default the one `extract` uses.

    Raises:
        EmptyInput, InvalidDate, ...: with `on_error="raise"`, the error of the first input that fails.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
    pipeline = nlp or default_pipeline()
    contexts: deque[Any] = deque()

    def inputs() -> Iterator[Item]:
        for item in items:
            if as_tuples:
                text, context = item
                contexts.append(context)
                published = context.get("published") if isinstance(context, Mapping) else None
                yield text, published
            else:
                yield item, None

    if n_process > 1 and can_fork():
        results = extract_in_processes(pipeline, inputs(), batch_size=batch_size, n_process=n_process,
                                       fmt=format, on_error=on_error)
    elif n_process > 1 and on_error == "raise":
        docs = (to_pipe(pipeline, t, format, published=p) for t, p in inputs())
        results = (doc._.release for doc in pipeline.pipe(docs, batch_size=batch_size, n_process=n_process))
    else:
        results = _in_batches(pipeline, inputs(), batch_size, format, on_error)
    for result in results:
        context = contexts.popleft() if as_tuples else None
        if isinstance(result, Failure) and on_error == "skip":
            continue
        yield (result, context) if as_tuples else result


def _in_batches(nlp: Language, items: Iterator[Item], batch_size: int, fmt: str,
                on_error: OnError) -> Iterator[Release | Failure]:
    start = 0
    while batch := list(islice(items, batch_size)):
        yield from extract_batch(nlp, start, batch, fmt, on_error)
        start += len(batch)
