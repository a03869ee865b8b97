"""Where a batch run writes: JSON Lines or Parquet tables, always valid on disk, resumable.

JSON Lines: one record a line, each written with a single write and flushed before the
document counts as done; a line cut short by a kill is dropped when the file is resumed.
Parquet: a folder per table (`releases/`, `people/`, ..., `errors/`) of part files, each
written to a temporary name and renamed into place, so a reader never sees half a part.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from release_nlp.batch.runner import Outcome
from release_nlp.io.tables import KINDS, to_tables
from release_nlp.schema import Release

ERRORS_SCHEMA = pa.schema([("source", pa.string()), ("sha256", pa.string()), ("error_type", pa.string()),
                           ("error", pa.string())])
KEYS_SCHEMA = pa.schema([("release_id", pa.string()), ("sha256", pa.string())])


class JsonlWriter:
    """JSON Lines to a file (appending) or standard output."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.handle: IO[str]
        if path is None:
            self.handle = sys.stdout
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            _drop_partial_last_line(path)
            self.handle = path.open("a", encoding="utf-8")

    def done_keys(self) -> set[tuple[str, str]]:
        """(source, sha256) of every record already in the file."""
        if self.path is None or not self.path.exists():
            return set()
        keys = set()
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                keys.add((record.get("source"), record.get("sha256")))
        return keys

    def write(self, outcome: Outcome) -> None:
        """Write one outcome."""
        self.handle.write(json.dumps(outcome.record(), ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        """Write what is buffered and release the file."""
        if self.handle is not sys.stdout:
            self.handle.close()


def _drop_partial_last_line(path: Path) -> None:
    """A run killed mid-write may leave a last line without its newline: cut it off."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) == b"\n":
            return
        handle.seek(0)
        data = handle.read()
        handle.truncate(data.rfind(b"\n") + 1)


class ParquetWriter:
    """One folder of Parquet part files per table, written every `flush_every` documents."""

    def __init__(self, folder: Path, flush_every: int = 500) -> None:
        self.folder = folder
        self.flush_every = flush_every
        self.buffer: list[Outcome] = []
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob("*/.*.tmp"):
            leftover.unlink()  # a part a killed run did not finish
        # A part counts only once its keys part exists (written last): drop the pieces of any other.
        complete = {p.name for p in folder.glob("keys/part-*.parquet")}
        for piece in folder.glob("*/part-*.parquet"):
            if piece.name not in complete:
                piece.unlink()
        self.part = 1 + max((int(name[5:10]) for name in complete), default=0)

    def done_keys(self) -> set[tuple[str, str]]:
        """(source, sha256) of every document already written."""
        keys: set[tuple[str, str]] = set()
        for kind, id_col in (("keys", "release_id"), ("errors", "source")):
            for part in sorted(self.folder.glob(f"{kind}/part-*.parquet")):
                table = pq.read_table(part, columns=[id_col, "sha256"])
                keys.update(zip(table.column(id_col).to_pylist(), table.column("sha256").to_pylist(), strict=True))
        return keys

    def write(self, outcome: Outcome) -> None:
        """Write one outcome."""
        self.buffer.append(outcome)
        if len(self.buffer) >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Write the buffered outcomes as one part."""
        if not self.buffer:
            return
        good = [o for o in self.buffer if o.release is not None]
        tables: dict[str, pa.Table] = dict(to_tables(
            (o.source, o.source, Release.model_validate(o.release)) for o in good))
        tables["keys"] = pa.Table.from_pylist([{"release_id": o.source, "sha256": o.sha256} for o in good],
                                              schema=KEYS_SCHEMA)
        tables["errors"] = pa.Table.from_pylist(
            [{"source": o.source, "sha256": o.sha256, "error_type": o.error_type, "error": o.error}
             for o in self.buffer if o.release is None], schema=ERRORS_SCHEMA)
        name = f"part-{self.part:05d}.parquet"
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
        """Write what is buffered and release the file."""
        self.flush()


def open_writer(fmt: str, output: Path | None) -> JsonlWriter | ParquetWriter:
    """The writer for `--format` (`jsonl` or `parquet`) and `-o`."""
    if fmt == "parquet":
        if output is None:
            raise ValueError("--format parquet needs -o FOLDER")
        return ParquetWriter(output)
    return JsonlWriter(output)

