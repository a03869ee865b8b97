"""Batch runs over every input kind: nothing lost, errors recorded, resumable after a kill."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from release_nlp.batch import runner as batch
from release_nlp.batch.runner import Outcome, extract_batch, run
from release_nlp.io.sources import Document, Limits, read_documents

from .conftest import EXAMPLES

CLI = [sys.executable, "-m", "release_nlp.cli"]
GOOD = (EXAMPLES / "wfp-cyclone-response.txt").read_text(encoding="utf-8")


def release_text(n: int) -> str:
    """A small, distinct release we write ourselves."""
    return (f"Agency Delivers Aid to District {n}\n\nNairobi, {1 + n % 27} March 2023 – The agency delivered food "
            f"to {1000 + n} families in district {n}, its director Jane Doe said.\n")


def run_cli(*args: str, stdin: str | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=timeout)


def folder_of(tmp_path: Path, n: int, prefix: str = "r") -> Path:
    """A folder of `n` releases we wrote ourselves."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{prefix}{i:02d}.txt").write_text(release_text(i), encoding="utf-8")
    return folder


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class TestSources:
    def test_folder_with_globs(self, tmp_path: Path) -> None:
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "one.txt").write_text(release_text(1), encoding="utf-8")
        (tmp_path / "a" / "two.md").write_text(release_text(2), encoding="utf-8")
        (tmp_path / "skip.txt").write_text(release_text(3), encoding="utf-8")
        (tmp_path / "image.png").write_bytes(b"\x89PNG")
        docs = list(read_documents([str(tmp_path)], include=["*/a/*"], exclude=["*.md"]))
        assert [Path(d.source).name for d in docs] == ["one.txt"]

    def test_zip_read_in_place_with_unsafe_names_and_a_corrupt_member(self, tmp_path: Path) -> None:
        archive = tmp_path / "releases.zip"
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("good.txt", release_text(1))
            z.writestr("../../escape.txt", release_text(2))
            z.writestr("/abs/path.txt", release_text(3))
            z.writestr("broken.txt", release_text(4) * 50)
        data = bytearray(archive.read_bytes())
        # Corrupt the compressed bytes of the last member (its local header stays readable).
        with zipfile.ZipFile(archive) as z:
            info = z.getinfo("broken.txt")
        start = info.header_offset + 30 + len(info.filename) + 10
        data[start:start + 20] = b"\xff" * 20
        archive.write_bytes(bytes(data))
        before = set(tmp_path.rglob("*"))
        docs = {d.source.split("!")[1]: d for d in read_documents([str(archive)])}
        assert set(tmp_path.rglob("*")) == before  # nothing extracted to disk
        assert docs["good.txt"].text == release_text(1)
        assert docs["../../escape.txt"].text == release_text(2)  # a name, never a path
        assert docs["broken.txt"].error_type is not None

    def test_zip_bomb_is_capped(self, tmp_path: Path) -> None:
        archive = tmp_path / "bomb.zip"
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for i in range(5):
                z.writestr(f"big{i}.txt", "a" * 2_000_000)
        docs = list(read_documents([str(archive)], limits=Limits(max_bytes=1_000_000, max_archive_bytes=10**9)))
        assert all(d.error_type == "InputTooLarge" for d in docs) and len(docs) == 5
        docs = list(read_documents([str(archive)], limits=Limits(max_bytes=5_000_000, max_archive_bytes=3_000_000)))
        assert docs[-1].error_type == "InputTooLarge" and len(docs) < 5

    def test_tar_skips_links_and_devices(self, tmp_path: Path) -> None:
        archive = tmp_path / "releases.tar.gz"
        with tarfile.open(archive, "w:gz") as t:
            data = release_text(1).encode()
            info = tarfile.TarInfo("dir/good.txt")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
            link = tarfile.TarInfo("link.txt")
            link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
            t.addfile(link)
            dev = tarfile.TarInfo("dev.txt")
            dev.type = tarfile.CHRTYPE
            t.addfile(dev)
        docs = list(read_documents([str(archive)]))
        assert [d.source.split("!")[1] for d in docs] == ["dir/good.txt"]

    def test_truncated_tar_is_an_error_record(self, tmp_path: Path) -> None:
        archive = tmp_path / "cut.tar"
        with tarfile.open(archive, "w") as t:
            for i in range(3):
                data = (release_text(i) * 40).encode()
                info = tarfile.TarInfo(f"r{i}.txt")
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
        whole = archive.read_bytes()
        archive.write_bytes(whole[:len(whole) - 12000])  # the last member is cut short
        docs = list(read_documents([str(archive)]))
        assert docs[0].text is not None
        assert any(d.error_type for d in docs)

    def test_json_lines(self, tmp_path: Path) -> None:
        path = tmp_path / "export.jsonl"
        path.write_text("\n".join([
            json.dumps({"doc_id": "a1", "body": release_text(1)}),
            "{not json",
            json.dumps({"doc_id": "a3", "other": "x"}),
            json.dumps(["a", "list"]),
        ]) + "\n", encoding="utf-8")
        docs = list(read_documents([str(path)], text_field="body", id_field="doc_id"))
        assert docs[0].source == "a1" and docs[0].text == release_text(1)
        assert [d.error_type is not None for d in docs] == [False, True, True, True]


class TestRunner:
    def test_a_failing_document_is_isolated(self, nlp, monkeypatch: pytest.MonkeyPatch) -> None:
        docs = [Document(f"d{i}", release_text(i)) for i in range(3)]
        docs.insert(1, Document("bad", "x" * 50))
        original = nlp.get_pipe("release_figures").__call__

        def flaky(doc):
            if doc.text.startswith("xxx"):
                raise RuntimeError("boom")
            return original(doc)

        monkeypatch.setattr(type(nlp.get_pipe("release_figures")), "__call__", lambda self, doc: flaky(doc))
        outcomes = extract_batch(nlp, docs, timeout=None)
        assert [o.source for o in outcomes] == ["d0", "bad", "d1", "d2"]
        assert [o.failed for o in outcomes] == [False, True, False, False]
        assert outcomes[1].error_type == "RuntimeError"

    def test_per_document_timeout(self, nlp, monkeypatch: pytest.MonkeyPatch) -> None:
        original = type(nlp.get_pipe("release_dates")).__call__

        def slow(self, doc):
            if "SLOW" in doc.text:
                time.sleep(5)
            return original(self, doc)

        monkeypatch.setattr(type(nlp.get_pipe("release_dates")), "__call__", slow)
        docs = [Document("fast", release_text(1)), Document("slow", "SLOW " + release_text(2))]
        started = time.monotonic()
        outcomes = extract_batch(nlp, docs, timeout=1.0)
        assert time.monotonic() - started < 5
        assert [(o.source, o.error_type) for o in outcomes] == [("fast", None), ("slow", "DocumentTimeout")]

    @pytest.mark.integration
    def test_two_workers_match_one(self) -> None:
        docs = [Document(f"d{i}", release_text(i)) for i in range(12)]
        one: list[Outcome] = []
        two: list[Outcome] = []
        run(docs, one.append, workers=1, batch_size=4)
        summary = run(docs, two.append, workers=2, batch_size=3)
        assert summary.done == 12 and not summary.failures
        assert sorted((o.source, json.dumps(o.release, sort_keys=True)) for o in one) == \
            sorted((o.source, json.dumps(o.release, sort_keys=True)) for o in two)


@pytest.mark.integration
class TestCommandLine:
    def test_mixed_folder_processes_every_good_file_and_records_every_bad_one(self, tmp_path: Path) -> None:
        folder = folder_of(tmp_path, 3, "good")
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
        (folder / "latin1.txt").write_bytes(release_text(9).replace("–", "-").encode("cp1252")
                                            + "Café Zürich".encode("cp1252"))
        out = tmp_path / "out.jsonl"
        result = run_cli("extract", str(folder), "-o", str(out))
        assert result.returncode == 1, result.stderr
        got = {Path(r["source"]).name: r for r in records(out)}
        assert set(got) == {"good00.txt", "good01.txt", "good02.txt", "empty.txt", "binary.txt", "latin1.txt"}
        assert got["empty.txt"]["error"]["type"] == "EmptyInput"
        assert got["binary.txt"]["error"]["type"] == "DecodeError"
        assert got["latin1.txt"]["encoding"] and "error" not in got["latin1.txt"]
        assert all("title" in got[f"good{i:02d}.txt"] for i in range(3))
        assert "failed 2" in result.stderr

    def test_kill_then_resume_loses_nothing_and_duplicates_nothing(self, tmp_path: Path) -> None:
        total = 120  # enough that the run cannot finish between the poll that sees 6 lines and the kill
        folder = folder_of(tmp_path, total)
        out = tmp_path / "out.jsonl"
        proc = subprocess.Popen([*CLI, "extract", str(folder), "-o", str(out), "--batch-size", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 6):
            time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        first = out.read_text(encoding="utf-8").count("\n")
        assert 6 <= first < total
        # A kill can leave half a line; resuming drops it.
        with out.open("a", encoding="utf-8") as handle:
            handle.write('{"source": "half a rec')
        result = run_cli("extract", str(folder), "-o", str(out), "--resume")
        assert result.returncode == 0, result.stderr
        sources = [r["source"] for r in records(out)]
        assert len(sources) == len(set(sources)) == total
        assert f"skipped {first}" in result.stderr

    def test_parquet_tables_join_by_release_id_and_resume(self, tmp_path: Path) -> None:
        folder = folder_of(tmp_path, 3)
        (folder / "empty.txt").write_bytes(b"")
        out = tmp_path / "tables"
        assert run_cli("extract", str(folder), "--format", "parquet", "-o", str(out)).returncode == 1
        releases = pq.read_table(out / "releases").to_pandas()
        figures = pq.read_table(out / "figures").to_pandas()
        errors = pq.read_table(out / "errors").to_pandas()
        assert len(releases) == 3 and list(errors["error_type"]) == ["EmptyInput"]
        assert set(figures["release_id"]) <= set(releases["release_id"])
        assert sorted(figures["value"]) == [1000.0, 1001.0, 1002.0]
        again = run_cli("extract", str(folder), "--format", "parquet", "-o", str(out), "--resume")
        assert "skipped 4" in again.stderr
        assert len(pq.read_table(out / "releases")) == 3

    def test_zip_json_lines_and_stdin(self, tmp_path: Path) -> None:
        archive = tmp_path / "a.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("x/one.txt", release_text(1))
        export = tmp_path / "e.jsonl"
        export.write_text(json.dumps({"id": "e1", "text": release_text(2)}) + "\n", encoding="utf-8")
        out = tmp_path / "o.jsonl"
        assert run_cli("extract", str(archive), str(export), "-o", str(out)).returncode == 0
        assert [r["source"] for r in records(out)] == [f"{archive}!x/one.txt", "e1"]
        piped = run_cli("extract", "-", stdin=GOOD)
        assert json.loads(piped.stdout)["dateline"]["place"] == "Maputo"

    def test_two_workers(self, tmp_path: Path) -> None:
        folder = folder_of(tmp_path, 6)
        out = tmp_path / "o.jsonl"
        result = run_cli("extract", str(folder), "-o", str(out), "--workers", "2", "--batch-size", "2")
        assert result.returncode == 0, result.stderr
        assert len(records(out)) == 6


def test_workers_start_with_one_blas_thread_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with batch._one_blas_thread():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "3"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert os.environ["OMP_NUM_THREADS"] == "3"
