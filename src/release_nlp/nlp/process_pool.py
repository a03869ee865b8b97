"""`extract_many` over worker processes that send back Releases, not Docs.

`nlp.pipe(n_process=N)` ships every processed Doc back to the parent (`Doc.to_bytes` in the worker,
`Doc.from_bytes` in the parent: about 4 ms a release, most of it in the parent, which then competes
with the workers for the cores). Releases pickle in a twentieth of that. Workers are forked from the
parent, so they share the loaded pipeline instead of loading it again. Only on Linux: Windows cannot
fork, and on macOS forking a process that has loaded system frameworks (numpy's Accelerate BLAS) is
unsafe, which is why Python starts processes afresh there; `extract_many` uses spaCy's pool instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from spacy.language import Language

from release_nlp.nlp.many import Item, OnError, extract_batch
from release_nlp.schema import Failure, Release

logger = logging.getLogger(__name__)
AHEAD = 8
# The pipeline the forked workers inherit; set in the parent just before the pool is made.
_pipeline: Language | None = None


def can_fork() -> bool:
    """Whether worker processes are forked from this one here (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _extract_batch(start: int, items: list[Item], fmt: str, on_error: OnError) -> list[Release | Failure]:
    nlp = _pipeline
    assert nlp is not None, "workers are forked after the pipeline is set"
    return extract_batch(nlp, start, items, fmt, on_error)


def extract_in_processes(nlp: Language, items: Iterable[Item], *, batch_size: int, n_process: int,
                         fmt: str, on_error: OnError = "raise") -> Iterator[Release | Failure]:
    """Releases of `items` in input order, extracted by `n_process` forked workers, `batch_size` items a task.

    At most `AHEAD` tasks per worker are in flight, so a long stream is never read far ahead, yet a worker
    that finishes its tasks while an earlier, longer one is still running finds more. A worker's exception
    is raised here, at the text it stopped at.
    """
    global _pipeline
    _pipeline = nlp
    stream = iter(items)
    pending: deque[AsyncResult[list[Release | Failure]]] = deque()
    start = 0
    try:
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            logger.info("started %d forked worker processes", n_process)
            while batch := list(islice(stream, batch_size)):
                pending.append(pool.apply_async(_extract_batch, (start, batch, fmt, on_error)))
                start += len(batch)
                if len(pending) >= AHEAD * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _pipeline = None  # the workers have their copy; keep no caller's pipeline alive here
