"""Batch extraction over many documents: worker processes, per-document timeouts, nothing lost.

Each worker process loads the pipeline once and extracts a small batch at a time through
`nlp.pipe` inside `nlp.memory_zone()` (so memory stays flat on long runs), under a timer.
When a batch fails or runs out of time, its documents are retried one by one, each under
its own timer, so that one pathological document becomes one error record. A worker that
dies is replaced, and its batch is recorded as failed. Workers use their own pool rather
than `nlp.pipe(n_process=N)` because spaCy's pool cannot time out or replace a worker.

Each worker has its own pipes for tasks and results, and the parent keeps no copy of a
worker's ends: a worker that dies, even halfway through sending, is an end of file here,
never a read that waits forever. Workers die with the parent (a parent-death signal on
Linux, a watch on the parent elsewhere), so a killed run leaves no process behind.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from release_nlp.errors import DocumentTimeout
from release_nlp.io.sources import Document
from release_nlp.nlp.limits import time_limit
from release_nlp.nlp.many import pipe_in_groups
from release_nlp.nlp.process_pool import die_with_parent

__all__ = ["DocumentTimeout", "Outcome", "Summary", "extract_batch", "run"]

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
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    failed: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        """Documents that produced no Release."""
        return sum(self.failed.values())

    @property
    def skips(self) -> int:
        """Things not extracted on purpose (already done, links, nested archives...)."""
        return sum(self.skipped.values())


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
        with time_limit(limit, "; raise --timeout to allow more"), nlp.memory_zone():
            made = [make_doc(nlp, docs[i].text or "", docs[i].format, published=docs[i].published) for i in indexes]
            return [release_json(d) for d in pipe_in_groups(nlp, made)]

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


def _worker(model: str | None, timeout: float | None, tasks: Connection, results: Connection, parent: int) -> None:
    die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent decides what happens to the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from release_nlp.nlp.pipeline import load

    nlp = load(model)
    while True:
        try:
            item = tasks.recv()
        except EOFError:
            return
        if item is None:
            return
        batch_id, docs = item
        results.send((batch_id, extract_batch(nlp, docs, timeout)))


@dataclass
class _Slot:
    process: Any
    tasks: Connection
    results: Connection
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

    def start() -> _Slot:
        task_read, task_write = ctx.Pipe(duplex=False)
        result_read, result_write = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_worker, args=(model, timeout, task_read, result_write, os.getpid()),
                              daemon=True)
        with _one_blas_thread():
            process.start()
        # The worker's ends live in the worker only: its death is then an end of file on ours.
        task_read.close()
        result_write.close()
        return _Slot(process, task_write, result_read)

    slots = [start() for _ in range(workers)]
    logger.info("started %d worker processes", workers)
    pending = iter(enumerate(batches))
    exhausted = False
    try:
        while True:
            for i, slot in enumerate(slots):
                if slot.batch is None and not exhausted:
                    nxt = next(pending, None)
                    if nxt is None:
                        exhausted = True
                        break
                    slot.batch, slot.since = nxt, time.monotonic()
                    try:
                        slot.tasks.send(nxt)
                    except OSError:  # the worker died idle: the batch goes to a new one, then fails if it dies too
                        slot.batch = None
                        slots[i] = slot = _crashed(slot, record, start, "")
                        slot.batch, slot.since = nxt, time.monotonic()
                        try:
                            slot.tasks.send(nxt)
                        except OSError:
                            slots[i] = _crashed(slot, record, start, "the worker process died")
            if exhausted and all(s.batch is None for s in slots):
                return
            ready = wait([s.results for s in slots if s.batch is not None], timeout=1.0)
            for i, slot in enumerate(slots):
                if slot.results not in ready:
                    continue
                try:
                    _batch_id, outcomes = slot.results.recv()
                except (EOFError, OSError):  # died, perhaps halfway through sending
                    slots[i] = _crashed(slot, record, start, "the worker process died")
                    continue
                slot.batch = None
                for outcome in outcomes:
                    record(outcome)
            _replace_stuck(slots, record, timeout, start)
    finally:
        for slot in slots:
            with suppress(OSError):
                slot.tasks.send(None)
        deadline = time.monotonic() + 5
        for slot in slots:
            slot.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(timeout=5)


def _crashed(slot: _Slot, record: Callable[[Outcome], None], start: Callable[[], _Slot], why: str,
             kind: str = "WorkerCrashed") -> _Slot:
    """Record the slot's batch as failed, end its worker, and give a fresh one in its place."""
    for doc in slot.batch[1] if slot.batch else []:
        record(Outcome(doc.source, doc.sha256, error_type=kind, error=why))
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join(timeout=5)
    slot.tasks.close()
    slot.results.close()
    return start()


def _replace_stuck(slots: list[_Slot], record: Callable[[Outcome], None], timeout: float | None,
                   start: Callable[[], _Slot]) -> None:
    """A dead worker, or one far past its batch's time limit, is replaced; its batch is recorded as failed."""
    for i, slot in enumerate(slots):
        if slot.batch is None:
            continue
        limit = 120.0 + 2 * (timeout or 60.0) * len(slot.batch[1])
        if not slot.process.is_alive() and not slot.results.poll():
            logger.warning("worker died on a batch of %d documents: replaced", len(slot.batch[1]))
            slots[i] = _crashed(slot, record, start, "the worker process died")
        elif time.monotonic() - slot.since > limit:
            logger.warning("worker timed out on a batch of %d documents: replaced", len(slot.batch[1]))
            slots[i] = _crashed(slot, record, start, "the worker stopped answering", "DocumentTimeout")
