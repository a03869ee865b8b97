"""The public functions: `extract` and `extract_many`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language

from release_nlp.io.encoding import decode
from release_nlp.nlp.limits import time_limit
from release_nlp.nlp.pipeline import default_pipeline, make_doc, to_pipe
from release_nlp.nlp.process_pool import can_fork, extract_in_processes
from release_nlp.schema import Release


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


def extract_many(
    texts: Iterable[str],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    format: str = "auto",
    nlp: Language | None = None,
) -> Iterator[Release]:
    """Extract a `Release` from each text, streaming through `nlp.pipe`, in input order.

    With `n_process` > 1 the texts go to forked worker processes in tasks of `batch_size`, which send
    back Releases (`nlp/process_pool.py`); where processes cannot be forked, spaCy's `nlp.pipe(n_process=...)`.

    Raises:
        EmptyInput: one of the texts is empty (use the CLI's batch mode to record it and go on).
    """
    pipeline = nlp or default_pipeline()
    if n_process > 1 and can_fork():
        yield from extract_in_processes(pipeline, texts, batch_size=batch_size, n_process=n_process, fmt=format)
        return
    docs = (to_pipe(pipeline, t, format) for t in texts)
    for doc in pipeline.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield doc._.release
