"""`extract_many` over worker processes that send back Releases, not Docs.

`nlp.pipe(n_process=N)` ships every processed Doc back to the parent (`Doc.to_bytes` in the worker,
`Doc.from_bytes` in the parent: about 4 ms a release, most of it in the parent, which then competes
with the workers for the cores). Releases pickle in a twentieth of that. Workers are forked from the
parent, so they share the loaded pipeline instead of loading it again. Only on Linux: Windows cannot
fork, and on macOS forking a process that has loaded system frameworks (numpy's Accelerate BLAS) is
unsafe, which is why Python starts processes afresh there; `extract_many` uses spaCy's pool instead.

The pool is `concurrent.futures`' rather than `multiprocessing.Pool`: when a worker dies (killed, out
of memory) the latter silently replaces it and the task it held never completes, so the caller waits
forever; the former fails every pending task at once, raised here as `WorkerCrashed`.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from spacy.language import Language

from release_nlp.errors import WorkerCrashed
from release_nlp.nlp.many import Item, OnError, extract_batch
from release_nlp.schema import Failure, Release

logger = logging.getLogger(__name__)
AHEAD = 8
# The pipeline the forked workers inherit; set in the parent just before the pool is made.
_pipeline: Language | None = None


def can_fork() -> bool:
    """Whether worker processes are forked from this one here (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, even by SIGKILL (the parent cannot clean up then).

    Linux: the kernel's parent-death signal. Elsewhere: a thread that watches the parent's pid.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="release-nlp-parent-watch", daemon=True).start()


def _extract_batch(start: int, items: list[Item], fmt: str, on_error: OnError) -> list[Release | Failure]:
    nlp = _pipeline
    assert nlp is not None, "workers are forked after the pipeline is set"
    return extract_batch(nlp, start, items, fmt, on_error)


def extract_in_processes(nlp: Language, items: Iterable[Item], *, batch_size: int, n_process: int,
                         fmt: str, on_error: OnError = "raise") -> Iterator[Release | Failure]:
    """Releases of `items` in input order, extracted by `n_process` forked workers, `batch_size` items a task.

    At most `AHEAD` tasks per worker are in flight, so a long stream is never read far ahead, yet a worker
    that finishes its tasks while an earlier, longer one is still running finds more. A worker's exception
    is raised here, at the text it stopped at; a worker's death is raised as `WorkerCrashed`.
    """
    global _pipeline
    _pipeline = nlp
    stream = iter(items)
    pending: deque[tuple[int, int, Future[list[Release | Failure]]]] = deque()
    start = 0

    def new_pool() -> ProcessPoolExecutor:
        logger.info("started %d forked worker processes", n_process)
        return ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"),
                                   initializer=die_with_parent, initargs=(os.getpid(),))

    pool = new_pool()
    try:
        while batch := list(islice(stream, batch_size)):
            try:
                task = pool.submit(_extract_batch, start, batch, fmt, on_error)
            except BrokenProcessPool as err:
                if on_error == "raise":
                    raise WorkerCrashed("a worker process died (killed, or out of memory)") from err
                # Recorded or skipped failures go on: the texts already sent fail, the rest get new workers.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                task = pool.submit(_extract_batch, start, batch, fmt, on_error)
            pending.append((start, len(batch), task))
            start += len(batch)
            if len(pending) >= AHEAD * n_process:
                yield from _result(*pending.popleft(), on_error)
        while pending:
            yield from _result(*pending.popleft(), on_error)
    finally:
        _pipeline = None  # the workers have their copy; keep no caller's pipeline alive here
        pool.shutdown(wait=True, cancel_futures=True)


def _result(start: int, size: int, task: Future[list[Release | Failure]], on_error: OnError) -> list[Release | Failure]:
    """A task's results; when its worker died, a `WorkerCrashed` (or, with on_error, a failure per text)."""
    try:
        return task.result()
    except BrokenProcessPool as err:
        message = "a worker process died (killed, or out of memory); its texts have no Release"
        if on_error == "raise":
            raise WorkerCrashed(message) from err
        if on_error == "skip":
            return []
        return [Failure(index=start + i, error_type="WorkerCrashed", message=message) for i in range(size)]
