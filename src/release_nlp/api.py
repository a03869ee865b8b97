"""The public functions: `extract` and `extract_many`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .inputs import prepare
from .pipeline import default_pipeline
from .schema import Release


def extract(text: str, *, format: str = "auto", nlp: Language | None = None) -> Release:
    """Extract a `Release` from the text of one press release.

    Args:
        text: the release as plain text or Markdown.
        format: `auto` (sniffed), `text` or `markdown`.
        nlp: a pipeline from `release_nlp.load()`; the default one is loaded once and reused.

    Raises:
        EmptyInput: the text is empty.
        UnsupportedFormat: unknown `format`.
    """
    pipeline = nlp or default_pipeline()
    doc = pipeline(prepare(text, format))
    release: Release = doc._.release
    return release


def extract_many(
    texts: Iterable[str],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    format: str = "auto",
    nlp: Language | None = None,
) -> Iterator[Release]:
    """Extract a `Release` from each text, streaming through `nlp.pipe`, in input order.

    Raises:
        EmptyInput: one of the texts is empty (use the CLI's batch mode to record it and go on).
    """
    pipeline = nlp or default_pipeline()
    prepared = (prepare(t, format) for t in texts)
    for doc in pipeline.pipe(prepared, batch_size=batch_size, n_process=n_process):
        yield doc._.release
