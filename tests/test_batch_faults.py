"""Faults found by attacking the batch path (issue 19): each test reproduces one and shows it fixed."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import subprocess
import sys
import tarfile
import textwrap
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from release_nlp.batch import runner
from release_nlp.batch.outputs import JsonlWriter, ParquetWriter, finished, resume_key
from release_nlp.batch.runner import Outcome, run
from release_nlp.errors import DocumentTimeout, OutputError, WorkerCrashed
from release_nlp.io.encoding import decode
from release_nlp.io.sources import Document, Limits, read_documents

CLI = [sys.executable, "-m", "release_nlp.cli"]


def release_text(n: int) -> str:
    return (f"Agency Opens Clinic {n}\n\nLakeview, {1 + n % 27} May 2024 – The agency opened a clinic "
            f"for {200 + n} families, its director Tom Reyes said.\n")


def run_cli(*args: str, stdin: str | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=timeout, env=env)


def ok(source: str, text: str = "x") -> Outcome:
    return Outcome(source, Document(source, text).sha256, release={"title": "h"})


# 1. The Parquet writer deleted files it did not write.
class TestParquetOwnership:
    def user_folder(self, tmp_path: Path) -> tuple[Path, dict[Path, bytes]]:
        folder = tmp_path / "data"
        files = {folder / "people" / "part-00001.parquet": b"user's own parquet",
                 folder / "people" / ".cache.tmp": b"user's temp file", folder / "notes.txt": b"notes"}
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return folder, files

    def test_a_folder_that_is_not_ours_is_refused_untouched(self, tmp_path: Path) -> None:
        folder, files = self.user_folder(tmp_path)
        with pytest.raises(OutputError, match="--overwrite"):
            ParquetWriter(folder)
        assert {p: p.read_bytes() for p in files} == files
        assert not (folder / ".release-nlp-output").exists()

    def test_overwrite_adds_our_tables_and_removes_nothing(self, tmp_path: Path) -> None:
        folder, files = self.user_folder(tmp_path)
        writer = ParquetWriter(folder, overwrite=True)
        writer.write(ok("a.txt"))
        writer.close()
        ParquetWriter(folder).close()  # ours now: a second open cleans up only what we began
        assert {p: p.read_bytes() for p in files} == files
        assert (folder / "keys" / "part-00002.parquet").exists()  # a fresh number: the user's part stays

    def test_the_pieces_of_a_killed_flush_are_ours_and_removed(self, tmp_path: Path) -> None:
        folder = tmp_path / "out"
        writer = ParquetWriter(folder)
        writer.write(ok("a.txt"))
        writer.close()
        (folder / "manifest-listed").write_text("")
        with (folder / ".release-nlp-output").open("a") as manifest:
            manifest.write("part-00002\n")
        (folder / "people" / "part-00002.parquet").write_bytes(b"half a run")
        (folder / "people" / ".part-00002.parquet.tmp").write_bytes(b"half a part")
        ParquetWriter(folder).close()
        assert not (folder / "people" / "part-00002.parquet").exists()
        assert not (folder / "people" / ".part-00002.parquet.tmp").exists()
        assert (folder / "people" / "part-00001.parquet").exists()


# 2 and 11. A bad JSON Lines line aborted the run; a long line was held whole in memory.
class TestJsonLines:
    def test_bad_lines_become_error_records_and_the_rest_is_read(self, tmp_path: Path) -> None:
        path = tmp_path / "in.jsonl"
        lines = [
            '{"id": "a", "text": "broken \\ud800 text"}',
            '{"id": "b\\udc00", "text": "fine text"}',
            "[" * 200_000 + "]" * 200_000,
            json.dumps({"id": "c", "text": release_text(1)}),
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        docs = list(read_documents([str(path)]))
        assert [(d.source.rsplit("/", 1)[-1], d.error_type) for d in docs] == [
            ("a", "DecodeError"), ("in.jsonl:2", None), ("in.jsonl:3", "ValueError"), ("c", None)]
        writer = JsonlWriter(tmp_path / "out.jsonl")
        for doc in docs:  # every one of them can be written
            writer.write(Outcome(doc.source, doc.sha256, error_type=doc.error_type or "X", error=doc.error))
        writer.close()

    def test_a_line_over_the_limit_is_refused_while_it_is_read(self, tmp_path: Path) -> None:
        path = tmp_path / "in.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": "big", "text": "a" * 20_000_000}) + "\n")
            handle.write(json.dumps({"id": "small", "text": release_text(2)}) + "\n")
        tracemalloc.start()
        docs = list(read_documents([str(path)], limits=Limits(max_bytes=1_000_000)))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert [(d.source.rsplit("/", 1)[-1], d.error_type) for d in docs] == [
            ("in.jsonl:1", "InputTooLarge"), ("small", None)]
        assert peak < 8_000_000  # the 20 MB line was never held


# 3. `-o FILE` cut the last line of a file that was not ours.
class TestJsonlOwnership:
    def test_a_json_file_without_newline_is_refused_untouched(self, tmp_path: Path) -> None:
        path = tmp_path / "config.json"
        path.write_text('{"keep": "me"}', encoding="utf-8")
        with pytest.raises(OutputError, match="not release-nlp output"):
            JsonlWriter(path)
        assert path.read_text(encoding="utf-8") == '{"keep": "me"}'

    def test_overwrite_replaces_it(self, tmp_path: Path) -> None:
        path = tmp_path / "config.json"
        path.write_text('{"keep": "me"}', encoding="utf-8")
        writer = JsonlWriter(path, overwrite=True)
        writer.write(ok("a.txt"))
        writer.close()
        assert json.loads(path.read_text(encoding="utf-8"))["source"] == "a.txt"

    def test_our_own_cut_line_is_dropped(self, tmp_path: Path) -> None:
        path = tmp_path / "out.jsonl"
        writer = JsonlWriter(path)
        writer.write(ok("a.txt"))
        writer.close()
        with path.open("a", encoding="utf-8") as handle:
            handle.write('{"source": "b.txt", "sha')
        JsonlWriter(path).close()
        assert [json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()] == ["a.txt"]


# 4. A worker that died while sending hung the run; a forked extract_many worker's death hung the caller.
def _dies_mid_send(model: Any, timeout: Any, tasks: Any, results: Any, parent: int) -> None:
    tasks.recv()
    os.write(results.fileno(), struct.pack("!i", 10_000) + b"half a message")
    os._exit(1)


class _Killer:
    def __call__(self, doc: Any) -> Any:
        if "DIE" in doc.text:
            os._exit(1)
        return doc


@pytest.fixture
def alarm() -> Any:
    """Fail rather than hang: the faults under test used to hang forever."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError("hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_worker_dying_mid_send_becomes_error_records(monkeypatch: pytest.MonkeyPatch, alarm: Any) -> None:
    monkeypatch.setattr(runner, "_worker", _dies_mid_send)
    outcomes: list[Outcome] = []
    docs = [Document(f"d{i}.txt", release_text(i)) for i in range(5)]
    summary = run(docs, outcomes.append, workers=2, batch_size=2, timeout=5)
    assert sorted(o.source for o in outcomes) == sorted(d.source for d in docs)
    assert summary.failed == {"WorkerCrashed": 5}


def test_extract_many_raises_when_a_forked_worker_dies(alarm: Any) -> None:
    from release_nlp.api import extract_many
    from release_nlp.nlp.process_pool import can_fork

    if not can_fork():
        pytest.skip("forked workers on Linux only")
    nlp = spacy.blank("en")
    Language.component("test_killer", func=_Killer())
    nlp.add_pipe("test_killer")
    with pytest.raises(WorkerCrashed):
        list(extract_many(["DIE here", "and here DIE"], n_process=2, batch_size=1, nlp=nlp))


# 5. Workers outlived a killed CLI.
def test_a_worker_dies_with_its_parent(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import multiprocessing as mp, os, sys, time
        from release_nlp.nlp.process_pool import die_with_parent

        def child(parent):
            die_with_parent(parent)
            time.sleep(60)

        if __name__ == "__main__":
            p = mp.get_context("spawn").Process(target=child, args=(os.getpid(),))
            p.start()
            print(p.pid, flush=True)
            time.sleep(60)
    """)
    (tmp_path / "parent.py").write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.Popen([sys.executable, str(tmp_path / "parent.py")], stdout=subprocess.PIPE, text=True,
                              env=env)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    time.sleep(1.0)  # the child has asked for the parent-death signal
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


# 6. Two runs on one output; resume keys by spelling; failed documents never retried.
def test_a_second_writer_on_one_output_is_refused(tmp_path: Path) -> None:
    first = JsonlWriter(tmp_path / "out.jsonl")
    with pytest.raises(OutputError, match="in use"):
        JsonlWriter(tmp_path / "out.jsonl")
    folder = ParquetWriter(tmp_path / "tables")
    with pytest.raises(OutputError, match="in use"):
        ParquetWriter(tmp_path / "tables")
    first.close()
    folder.close()
    JsonlWriter(tmp_path / "out.jsonl").close()  # free again once the first is done


def test_resume_keys_resolve_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    absolute = str(tmp_path / "in" / "a.txt")
    assert resume_key("in/a.txt", "h") == resume_key("./in/../in/a.txt", "h") == resume_key(absolute, "h")
    assert resume_key("in/a.txt!x/b.txt", "h") == resume_key(absolute + "!x/b.txt", "h")
    assert resume_key("press-2024-001", "h") == ("press-2024-001", "h")  # an id, not a path


def test_resume_retries_a_transient_failure_once() -> None:
    assert finished([None])
    assert finished(["WorkerCrashed", None])
    assert not finished(["WorkerCrashed"])
    assert not finished(["DocumentTimeout"])
    assert finished(["WorkerCrashed", "DocumentTimeout"])  # failed again on the retry: final
    assert finished(["DecodeError"])  # would fail the same way again
    assert not finished([])


# 7. A compressed tar's skipped members were decompressed without counting.
def test_compressed_tar_counts_skipped_members(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.tar.bz2"
    with tarfile.open(archive, "w:bz2") as tar:
        for name, data in (("big.bin", b"\0" * 5_000_000), ("late.txt", release_text(1).encode())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    assert archive.stat().st_size < 10_000
    docs = list(read_documents([str(archive)], limits=Limits(max_archive_bytes=1_000_000)))
    assert [(d.error_type, "archive limit" in (d.error or "")) for d in docs] == [("InputTooLarge", True)]


# 8. extract() had no time bound of its own.
def test_extract_timeout_raises_a_typed_error() -> None:
    from release_nlp.api import extract

    nlp = spacy.blank("en")

    @Language.component("test_sleeper")
    def sleeper(doc: Any) -> Any:
        time.sleep(10)
        return doc

    nlp.add_pipe("test_sleeper")
    started = time.monotonic()
    with pytest.raises(DocumentTimeout):
        extract("Agency Opens Clinic\n\nThe agency opened a clinic.", nlp=nlp, timeout=0.5)
    assert time.monotonic() - started < 5


def test_extract_timeout_elsewhere_than_the_main_thread_does_not_apply() -> None:
    from release_nlp.nlp.limits import can_time_limit, time_limit

    seen: list[bool] = []

    def in_thread() -> None:
        seen.append(can_time_limit())
        with time_limit(0.01):
            time.sleep(0.1)  # no alarm here: SIGALRM reaches the main thread only

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join()
    assert seen == [False]


# 10. Skipped things left no trace; a FIFO was "no such file".
def test_every_skipped_thing_is_counted_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "locked").mkdir()
    (folder / "a.txt").write_text(release_text(1), encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    (folder / "link.txt").symlink_to(folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    with zipfile.ZipFile(folder / "sub" / "pack.zip", "w") as z:
        z.writestr("inner.zip", b"PK")
        z.writestr("b.txt", release_text(2))
        link = zipfile.ZipInfo("c.txt")
        link.external_attr = 0o120777 << 16
        z.writestr(link, "a.txt")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    skipped: dict[str, int] = {}
    docs = list(read_documents([str(folder)], skipped=skipped))
    assert sorted(Path(d.source).name for d in docs if not d.error_type) == ["a.txt", "pack.zip!b.txt"]
    assert [(d.error_type, Path(d.source).name) for d in docs if d.error_type] == [("PermissionError", "locked")]
    assert skipped == {"link": 1, "not a regular file (fifo, socket or device)": 1, "not a release file type": 1,
                       "archive, JSON Lines or CSV inside an archive": 1, "link in an archive": 1}
    (fifo,) = read_documents([str(folder / "pipe.txt")])
    assert fifo.error_type == "UnsupportedFormat" and "not a regular file" in (fifo.error or "")


# 12. UTF-16 without a BOM was refused as binary.
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(encoding: str) -> None:
    text = release_text(3)
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, b"\0\1\2\3" * 1000, b"\0" * 4000])
def test_binary_with_many_nuls_is_still_refused(data: bytes) -> None:
    from release_nlp.errors import DecodeError

    with pytest.raises(DecodeError):
        decode(data)


# 12 and 1. Output errors: one clear line and exit code 2, not a traceback and 1 (no model is loaded for these).
def test_output_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(release_text(1), encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "data.csv").write_text("1,2\n", encoding="utf-8")
    cases = [["-o", str(tmp_path / "file" / "out.jsonl")],
             ["--format", "parquet", "-o", str(tmp_path / "theirs")]]
    for extra in cases:
        result = run_cli("extract", str(tmp_path / "a.txt"), *extra)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert (tmp_path / "theirs" / "data.csv").read_text(encoding="utf-8") == "1,2\n"


# 9 and 6, end to end: stdin honours -o; --resume keys on the resolved path and retries a crashed document once.
@pytest.mark.integration
def test_stdin_to_file_and_resume_by_resolved_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "stdin.jsonl"
    result = run_cli("extract", "-", "-o", str(out), stdin=release_text(9))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()] == ["<stdin>"]

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(release_text(i), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.jsonl"

    def sha(i: int) -> str:
        return Document("x", release_text(i)).sha256

    crashed = {"type": "WorkerCrashed", "message": "the worker process died"}
    earlier = [{"source": "in/r0.txt", "sha256": sha(0), "title": "done before"},
               {"source": "in/r1.txt", "sha256": sha(1), "error": crashed},
               {"source": "in/r2.txt", "sha256": sha(2), "error": crashed},
               {"source": "./in/r2.txt", "sha256": sha(2), "error": {**crashed, "type": "DocumentTimeout"}}]
    out.write_text("".join(json.dumps(r) + "\n" for r in earlier), encoding="utf-8")
    result = run_cli("extract", str(folder.resolve()), "-o", str(out), "--resume")
    assert result.returncode == 0, result.stderr
    added = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()][len(earlier):]
    assert [(Path(r["source"]).name, "error" in r) for r in added] == [("r1.txt", False)]
    assert "skipped 2 (already in the output: 2)" in result.stderr
