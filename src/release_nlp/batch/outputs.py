"""Where a batch run writes: JSON Lines or Parquet tables, always valid on disk, resumable.

JSON Lines: one record a line, each written with a single write and flushed before the
document counts as done; a line cut short by a kill is dropped when the file is resumed.
Parquet: a folder per table (`releases/`, `people/`, ..., `errors/`) of part files, each
written to a temporary name and renamed into place, so a reader never sees half a part.

Neither writer deletes or changes a file it did not write. A JSON Lines file is ours when its
first line is one of our records; a Parquet folder is ours when it holds our manifest
(`.release-nlp-output`, which lists every part we began, so only those are ever cleaned up).
Anything else is refused (`OutputError`) unless the caller passes `overwrite`: then a JSON
Lines file is started afresh and a folder is adopted (our parts are added beside what is
there; nothing of it is removed). Each writer holds an exclusive lock (`flock`) on its
output, so a second run on it is refused rather than writing every document twice.

Resuming (`done` and `finished`): a document is known by its resolved source (absolute path,
however it was spelled) and content hash. It is passed over when it was extracted, or failed
for a reason that would recur; a document that failed only because its worker died or ran
out of time is tried once more, and a second such failure is final.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from release_nlp.batch.runner import Outcome
from release_nlp.errors import OutputError
from release_nlp.io.tables import KINDS, to_tables
from release_nlp.schema import Release

ERRORS_SCHEMA = pa.schema([("source", pa.string()), ("sha256", pa.string()), ("error_type", pa.string()),
                           ("error", pa.string())])
KEYS_SCHEMA = pa.schema([("release_id", pa.string()), ("sha256", pa.string())])
MANIFEST = ".release-nlp-output"
PART = re.compile(r"part-(\d{5})")
RETRIED = frozenset({"WorkerCrashed", "DocumentTimeout"})  # failures that need not recur
Key = tuple[str, str]
Done = dict[Key, list[str | None]]  # (resolved source, sha256) -> each record's error type (None: extracted)


def resume_key(source: str, sha256: str) -> Key:
    """The document's key for resuming: its source with the file's path resolved, and its content hash.

    Sources are `path`, `path!member` (archives) or `path:line` (JSON Lines without an id); a source
    whose path part is no existing file (a JSON Lines id) is kept as it is.
    """
    path, sep, rest = source.partition("!")
    if not sep:
        head, colon, line = source.rpartition(":")
        if colon and line.isdigit():
            path, sep, rest = head, colon, line
    try:
        if path and os.path.exists(path):
            path = os.path.realpath(path)
    except (OSError, ValueError):
        pass
    return path + sep + rest, sha256


def finished(records: list[str | None]) -> bool:
    """Whether `--resume` passes a document over, given the error types of its records (None: extracted)."""
    if None in records:
        return True
    transient = sum(1 for r in records if r in RETRIED)
    return transient != len(records) or transient >= 2


def _note(done: Done, source: Any, sha256: Any, error_type: Any) -> None:
    if isinstance(source, str) and isinstance(sha256, str):
        done.setdefault(resume_key(source, sha256), []).append(error_type if isinstance(error_type, str) or
                                                                error_type is None else "Error")


@contextmanager
def _writing(target: object) -> Iterator[None]:
    """An OSError while writing becomes one clear OutputError."""
    try:
        yield
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err


def _lock(handle: IO[Any], target: object) -> None:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as err:
        handle.close()
        raise OutputError(f"{target} is in use by another release-nlp run; wait for it or choose another -o") from err


class JsonlWriter:
    """JSON Lines to a file (appending, locked) or standard output."""

    def __init__(self, path: Path | None, overwrite: bool = False) -> None:
        self.path = path
        self.handle: IO[str]
        if path is None:
            self.handle = sys.stdout
            return
        with _writing(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = path.open("a+", encoding="utf-8", newline="")
        _lock(handle, path)
        with _writing(path):
            if overwrite:
                handle.truncate(0)
            elif not _ours(path):
                handle.close()
                raise OutputError(f"{path} exists and is not release-nlp output: refusing to change it; "
                                  "choose another -o, or pass --overwrite to replace it")
            _drop_partial_last_line(path)
        self.handle = handle

    def done(self) -> Done:
        """Every record already in the file, by resume key."""
        done: Done = {}
        if self.path is None or not self.path.exists():
            return done
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    continue
                if isinstance(record, dict):
                    error = record.get("error")
                    _note(done, record.get("source"), record.get("sha256"),
                          error.get("type") if isinstance(error, dict) else None)
        return done

    def done_keys(self) -> set[Key]:
        """(resolved source, sha256) of every record already in the file."""
        return set(self.done())

    def write(self, outcome: Outcome) -> None:
        """Write one outcome."""
        with _writing(self.path or "standard output"):
            self.handle.write(json.dumps(outcome.record(), ensure_ascii=False) + "\n")
            self.handle.flush()

    def close(self) -> None:
        """Write what is buffered and release the file (and its lock)."""
        if self.handle is not sys.stdout:
            with _writing(self.path):
                self.handle.close()


def _ours(path: Path) -> bool:
    """Whether the file is empty or begins with one of our records (source and content hash)."""
    with path.open("rb") as handle:
        first = handle.readline(1 << 24)
    if not first.strip():
        return not first or path.stat().st_size == len(first)
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and isinstance(record.get("source"), str) and isinstance(
        record.get("sha256"), str)


def _drop_partial_last_line(path: Path) -> None:
    """A run killed mid-write may leave a last line without its newline: cut it off (the file is ours)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) == b"\n":
            return
        # Back from the end to the last newline, a block at a time (the file may be large).
        end = handle.seek(0, os.SEEK_END)
        position = end
        while position > 0:
            step = min(1 << 16, position)
            handle.seek(position - step)
            block = handle.read(step)
            cut = block.rfind(b"\n")
            if cut >= 0:
                handle.truncate(position - step + cut + 1)
                return
            position -= step
        handle.truncate(0)


class ParquetWriter:
    """One folder of Parquet part files per table, written every `flush_every` documents."""

    def __init__(self, folder: Path, flush_every: int = 500, overwrite: bool = False) -> None:
        self.folder = folder
        self.flush_every = flush_every
        self.buffer: list[Outcome] = []
        manifest = folder / MANIFEST
        with _writing(folder):
            folder.mkdir(parents=True, exist_ok=True)
            if not manifest.exists() and any(folder.iterdir()) and not overwrite:
                raise OutputError(f"{folder} is not empty and not a release-nlp output folder: refusing to write "
                                  "in it; choose another -o, or pass --overwrite to add our tables beside its files")
            self.manifest = manifest.open("a+", encoding="utf-8")
        _lock(self.manifest, folder)
        with _writing(folder):
            self.manifest.seek(0)
            begun = {line.strip() for line in self.manifest if PART.fullmatch(line.strip())}
            # A part counts only once its keys part exists (written last): drop the pieces of any other we began.
            for name in begun:
                if not (folder / "keys" / f"{name}.parquet").exists():
                    for kind in (*KINDS, "errors", "keys"):
                        for piece in (folder / kind / f"{name}.parquet", folder / kind / f".{name}.parquet.tmp"):
                            piece.unlink(missing_ok=True)
            # Never a name already there, ours or not: os.replace would overwrite it.
            taken = [int(m.group(1)) for p in folder.glob("*/*part-*.parquet*") if (m := PART.search(p.name))]
            self.part = 1 + max(taken + [int(n[5:]) for n in begun], default=0)

    def done(self) -> Done:
        """Every document already written, by resume key."""
        done: Done = {}
        for part in sorted(self.folder.glob("keys/part-*.parquet")):
            table = pq.read_table(part, columns=["release_id", "sha256"])
            for source, sha in zip(table.column("release_id").to_pylist(), table.column("sha256").to_pylist(),
                                   strict=True):
                _note(done, source, sha, None)
        for part in sorted(self.folder.glob("errors/part-*.parquet")):
            table = pq.read_table(part, columns=["source", "sha256", "error_type"])
            for source, sha, kind in zip(*(table.column(c).to_pylist() for c in ("source", "sha256", "error_type")),
                                         strict=True):
                _note(done, source, sha, kind or "Error")
        return done

    def done_keys(self) -> set[Key]:
        """(resolved source, sha256) of every document already written."""
        return set(self.done())

    def write(self, outcome: Outcome) -> None:
        """Write one outcome."""
        self.buffer.append(outcome)
        if len(self.buffer) >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Write the buffered outcomes as one part."""
        if not self.buffer:
            return
        with _writing(self.folder):
            self._flush()

    def _flush(self) -> None:
        good = [o for o in self.buffer if o.release is not None]
        tables: dict[str, pa.Table] = dict(to_tables(
            (o.source, o.source, Release.model_validate(o.release)) for o in good))
        tables["keys"] = pa.Table.from_pylist([{"release_id": o.source, "sha256": o.sha256} for o in good],
                                              schema=KEYS_SCHEMA)
        tables["errors"] = pa.Table.from_pylist(
            [{"source": o.source, "sha256": o.sha256, "error_type": o.error_type, "error": o.error}
             for o in self.buffer if o.release is None], schema=ERRORS_SCHEMA)
        name = f"part-{self.part:05d}.parquet"
        # In the manifest before any piece exists, so that a killed run's pieces are known to be ours.
        self.manifest.write(f"part-{self.part:05d}\n")
        self.manifest.flush()
        os.fsync(self.manifest.fileno())
        # Every table's part is in place before the keys part: a part counts as done only with its keys.
        for kind in (*KINDS, "errors", "keys"):
            target = self.folder / kind / name
            target.parent.mkdir(exist_ok=True)
            tmp = target.parent / f".{name}.tmp"
            pq.write_table(tables[kind], tmp)
            os.replace(tmp, target)
        self.part += 1
        self.buffer = []

    def close(self) -> None:
        """Write what is buffered and release the folder (and its lock)."""
        try:
            self.flush()
        finally:
            self.manifest.close()


def open_writer(fmt: str, output: Path | None, overwrite: bool = False) -> JsonlWriter | ParquetWriter:
    """The writer for `--format` (`jsonl` or `parquet`) and `-o`.

    Raises:
        OutputError: the output cannot be written, is locked by another run, or is not ours (see the module).
    """
    if fmt == "parquet":
        if output is None:
            raise OutputError("--format parquet needs -o FOLDER")
        return ParquetWriter(output, overwrite=overwrite)
    return JsonlWriter(output, overwrite=overwrite)

