"""Batch extraction over many documents: worker processes, per-document timeouts, nothing lost.

Each worker process loads the pipeline once and extracts a small batch at a time through
`nlp.pipe` inside `nlp.memory_zone()` (so memory stays flat on long runs), under a timer.
When a batch fails or runs out of time, its documents are retried one by one, each under
its own timer, so that one pathological document becomes one error record. A worker that
dies is replaced, and its batch is recorded as failed. Workers use their own pool rather
than `nlp.pipe(n_process=N)` because spaCy's pool cannot time out or replace a worker.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from release_nlp.io.sources import Document

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its Release (JSON-mode dict) or an error."""

    source: str
    sha256: str
    release: dict[str, Any] | None = None
    error_type: str | None = None
    error: str | None = None
    encoding: str | None = None

    @property
    def failed(self) -> bool:
        """Whether the document produced no Release."""
        return self.release is None

    def record(self) -> dict[str, Any]:
        """The JSON Lines record: source, content hash, then the release or the error."""
        head: dict[str, Any] = {"source": self.source, "sha256": self.sha256}
        if self.release is None:
            return {**head, "error": {"type": self.error_type, "message": self.error}}
        return {**head, **self.release}


@dataclass
class Summary:
    """Counts of a run."""

    done: int = 0
    skipped: int = 0
    failed: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        """Documents that produced no Release."""
        return sum(self.failed.values())


class DocumentTimeout(Exception):
    """A document took longer than the per-document time limit."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout after `seconds` (main thread only; elsewhere no limit applies)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"took longer than {seconds:g} s; raise --timeout to allow more")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failed(doc: Document, err: BaseException) -> Outcome:
    return Outcome(doc.source, doc.sha256, error_type=type(err).__name__, error=str(err) or repr(err))


def extract_batch(nlp: Any, docs: list[Document], timeout: float | None) -> list[Outcome]:
    """Outcomes of a batch, in order; failures isolated to the documents that caused them."""
    from release_nlp.nlp.pipeline import make_doc, release_json

    outcomes: list[Outcome | None] = [None] * len(docs)
    ready: list[int] = []
    for i, doc in enumerate(docs):
        if doc.error_type:
            outcomes[i] = Outcome(doc.source, doc.sha256, error_type=doc.error_type, error=doc.error)
        else:
            ready.append(i)

    def run_docs(indexes: list[int], limit: float | None) -> list[dict[str, Any]]:
        # Docs are made inside the memory zone, so the strings they add to the vocab are freed after it.
        with _time_limit(limit), nlp.memory_zone():
            made = [make_doc(nlp, docs[i].text or "", docs[i].format, published=docs[i].published) for i in indexes]
            return [release_json(d) for d in nlp.pipe(made, batch_size=len(made) or 1)]

    try:
        for i, release in zip(ready, run_docs(ready, timeout * len(ready) if timeout else None), strict=True):
            release["encoding"] = docs[i].encoding
            outcomes[i] = Outcome(docs[i].source, docs[i].sha256, release, encoding=docs[i].encoding)
    except Exception:
        # Find the document(s) at fault: one at a time, each under its own limit.
        for i in ready:
            try:
                (release,) = run_docs([i], timeout)
                release["encoding"] = docs[i].encoding
                outcomes[i] = Outcome(docs[i].source, docs[i].sha256, release, encoding=docs[i].encoding)
            except Exception as err:
                if isinstance(err, DocumentTimeout):
                    logger.warning("%s: %s", docs[i].source, err)
                outcomes[i] = _failed(docs[i], err)
    return [o for o in outcomes if o is not None]


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker(model: str | None, timeout: float | None, tasks: Any, results: Any) -> None:
    from release_nlp.nlp.pipeline import load

    nlp = load(model)
    while True:
        item = tasks.get()
        if item is None:
            return
        batch_id, docs = item
        results.put((batch_id, extract_batch(nlp, docs, timeout)))


@dataclass
class _Slot:
    process: Any
    tasks: Any
    batch: tuple[int, list[Document]] | None = None
    since: float = 0.0


def run(
    docs: Iterable[Document],
    emit: Callable[[Outcome], None],
    *,
    workers: int = 1,
    batch_size: int = 8,
    timeout: float | None = 60.0,
    model: str | None = None,
) -> Summary:
    """Extract every document and hand each outcome to `emit` as soon as it is known."""
    summary = Summary()
    started = time.perf_counter()

    def record(outcome: Outcome) -> None:
        if outcome.failed:
            key = outcome.error_type or "Error"
            summary.failed[key] = summary.failed.get(key, 0) + 1
        else:
            summary.done += 1
        emit(outcome)

    if workers <= 1:
        from release_nlp.nlp.pipeline import load

        nlp = load(model)
        for batch in _batches(docs, batch_size):
            for outcome in extract_batch(nlp, batch, timeout):
                record(outcome)
    else:
        _run_pool(_batches(docs, batch_size), record, workers, timeout, model)
    summary.seconds = time.perf_counter() - started
    return summary


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Workers started inside get one BLAS thread each, unless the user set a number.

    A worker's numpy otherwise starts a BLAS thread per core, and N workers on N cores oversubscribe
    them: measured on the corpus with two workers on two cores, 25 docs/s against 47 with one thread
    each. Spawned workers read these variables when their numpy loads.
    """
    saved = {name: os.environ.get(name) for name in BLAS_THREADS}
    for name, value in saved.items():
        if value is None:
            os.environ[name] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)


def _run_pool(batches: Iterator[list[Document]], record: Callable[[Outcome], None], workers: int,
              timeout: float | None, model: str | None) -> None:
    ctx = mp.get_context("spawn")
    results = ctx.Queue()

    def start() -> _Slot:
        tasks = ctx.Queue()
        process = ctx.Process(target=_worker, args=(model, timeout, tasks, results), daemon=True)
        with _one_blas_thread():
            process.start()
        return _Slot(process, tasks)

    slots = [start() for _ in range(workers)]
    logger.info("started %d worker processes", workers)
    pending = iter(enumerate(batches))
    exhausted = False
    try:
        while True:
            for slot in slots:
                if slot.batch is None and not exhausted:
                    nxt = next(pending, None)
                    if nxt is None:
                        exhausted = True
                        break
                    slot.batch, slot.since = nxt, time.monotonic()
                    slot.tasks.put(nxt)
            if exhausted and all(s.batch is None for s in slots):
                return
            try:
                batch_id, outcomes = results.get(timeout=1.0)
            except queue.Empty:
                _replace_stuck(slots, record, timeout, start)
                continue
            for slot in slots:
                if slot.batch is not None and slot.batch[0] == batch_id:
                    slot.batch = None
            for outcome in outcomes:
                record(outcome)
    finally:
        for slot in slots:
            slot.tasks.put(None)
        for slot in slots:
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.terminate()


def _replace_stuck(slots: list[_Slot], record: Callable[[Outcome], None], timeout: float | None,
                   start: Callable[[], _Slot]) -> None:
    """A dead worker, or one far past its batch's time limit, is replaced; its batch is recorded as failed."""
    for i, slot in enumerate(slots):
        if slot.batch is None:
            continue
        limit = 120.0 + 2 * (timeout or 60.0) * len(slot.batch[1])
        dead = not slot.process.is_alive()
        if dead or time.monotonic() - slot.since > limit:
            kind = "WorkerCrashed" if dead else "DocumentTimeout"
            logger.warning("worker %s on a batch of %d documents: replaced", "died" if dead else "timed out",
                           len(slot.batch[1]))
            for doc in slot.batch[1]:
                record(Outcome(doc.source, doc.sha256, error_type=kind,
                               error="the worker process died" if dead else "the worker stopped answering"))
            if not dead:
                slot.process.terminate()
            slots[i] = start()
