"""The command line on archives with metadata: dates from fields and names, CSV, refusal to duplicate, stdin."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
CLI = [sys.executable, "-m", "release_nlp.cli"]

UNDATED = ("Field Teams Reach Valley\n\nField teams of the Orrin Relief Society reached the valley today, "
           "carrying supplies for {n} families.\n")
DATED = "Clinic Opens in Port Elsey\n\nPort Elsey, 3 May 2024 – The Harbour Trust opened a clinic today.\n"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=300)


def records(text: str) -> dict[str, dict]:
    return {r["source"]: r for r in map(json.loads, text.splitlines())}


def today(record: dict) -> str | None:
    return {d["text"]: d["start"] for d in record["dates"]}.get("today")


def test_csv_with_ids_and_a_date_column(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "archive.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["uid", "body", "issued"])
        writer.writerow(["r1", UNDATED.format(n=300), "2024-06-03"])
        writer.writerow(["r2", DATED, "2024-06-09"])
        writer.writerow(["r3", UNDATED.format(n=500), "June 5, 2024"])
        writer.writerow(["r4", UNDATED.format(n=700), ""])
        writer.writerow(["r5", UNDATED.format(n=900), "someday"])
    out = run("extract", str(path), "--text-field", "body", "--id-field", "uid", "--date-field", "issued")
    assert out.returncode == 1, out.stderr  # r5's date cannot be read
    got = records(out.stdout)
    assert list(got) == ["r1", "r2", "r3", "r4", "r5"]
    assert (got["r1"]["published"], today(got["r1"])) == ("2024-06-03", "2024-06-03")
    assert got["r2"]["published"] == "2024-05-03"  # the text's own date wins over the column
    assert (got["r3"]["published"], today(got["r3"])) == ("2024-06-05", "2024-06-05")  # dateparser reads it
    assert got["r4"]["published"] is None and today(got["r4"]) is None
    assert got["r5"]["error"]["type"] == "InvalidDate"
    assert "failed 1 (InvalidDate: 1)" in out.stderr


def test_json_lines_with_a_date_field(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [{"id": "x1", "text": UNDATED.format(n=10), "date": "2023-11-20T08:00:00Z"},
            {"id": "x2", "text": UNDATED.format(n=20)}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = run("extract", str(path), "--date-field", "date")
    assert out.returncode == 0, out.stderr
    got = records(out.stdout)
    assert (got["x1"]["published"], today(got["x1"])) == ("2023-11-20", "2023-11-20")
    assert got["x2"]["published"] is None


def test_dates_from_file_and_member_names(tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "statement_2024-02-10.txt").write_text(UNDATED.format(n=1), encoding="utf-8")
    (folder / "statement_undated.txt").write_text(UNDATED.format(n=2), encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not read")
    with zipfile.ZipFile(folder / "2019-archive.zip", "w") as archive:
        archive.writestr("news/12 March 2023 - statement.txt", UNDATED.format(n=3))
    out = run("extract", str(folder), "--date-from-name", r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4})")
    assert out.returncode == 0, out.stderr
    got = {Path(k.rsplit("!", 1)[-1]).name: r for k, r in records(out.stdout).items()}
    assert today(got["statement_2024-02-10.txt"]) == "2024-02-10"
    assert got["statement_undated.txt"]["published"] is None
    assert got["12 March 2023 - statement.txt"]["published"] == "2023-03-12"  # the member's name, not the archive's
    assert "not a release file type: 1" in out.stderr  # the .pdf, counted with its reason


def test_a_date_pattern_needs_its_group() -> None:
    out = run("extract", "-", "--date-from-name", r"\d{4}", stdin=UNDATED.format(n=1))
    assert out.returncode == 2
    assert "(?P<date>...)" in out.stderr


def test_a_second_run_into_the_same_file_is_refused_then_resumed_or_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(2):
        (folder / f"r{n}.txt").write_text(UNDATED.format(n=n), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    assert run("extract", str(folder), "-o", str(output)).returncode == 0
    first = output.read_text(encoding="utf-8")
    assert len(first.splitlines()) == 2
    again = run("extract", str(folder), "-o", str(output))
    assert again.returncode == 2
    assert "--resume" in again.stderr and "--overwrite" in again.stderr
    assert output.read_text(encoding="utf-8") == first  # untouched
    resumed = run("extract", str(folder), "-o", str(output), "--resume")
    assert resumed.returncode == 0 and "skipped 2" in resumed.stderr
    assert output.read_text(encoding="utf-8") == first
    replaced = run("extract", str(folder), "-o", str(output), "--overwrite")
    assert replaced.returncode == 0
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2


def test_version_and_the_summary_says_how_to_resume(tmp_path: Path) -> None:
    from release_nlp import __version__

    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"release-nlp {__version__}"
    (tmp_path / "r.txt").write_text(UNDATED.format(n=1), encoding="utf-8")
    out = run("extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl"))
    assert "--resume" in out.stderr


def test_format_is_a_fixed_choice() -> None:
    out = run("extract", "-", "--format", "xml", stdin="x")
    assert out.returncode == 2
    assert "jsonl" in out.stderr and "parquet" in out.stderr


def test_html_output_carries_the_text_its_offsets_point_into(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><article><h1>Clinic Opens in Port Elsey</h1>"
                    "<p>Port Elsey, 3 May 2024 – The Harbour Trust opened a clinic for 300 families today, "
                    "said Director Mara Quint.</p></article></body></html>", encoding="utf-8")
    markdown = tmp_path / "note.md"
    markdown.write_text("# Clinic Opens\n\n**Port Elsey, 3 May 2024** – The Harbour Trust opened a clinic.\n",
                        encoding="utf-8")
    out = run("extract", str(tmp_path))
    got = {Path(k).name: r for k, r in records(out.stdout).items()}
    html = got["page.html"]
    (figure,) = html["figures"]
    assert html["text"][figure["span"]["start"]:figure["span"]["end"]] == figure["text"]
    assert "<" not in html["text"]
    assert "text" not in got["note.md"]  # Markdown's offsets point into the input itself


def test_stdin_with_a_terminal_on_stderr() -> None:
    # A progress bar shows when stderr is a terminal; it must not read standard input ahead of the run.
    leader, follower = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        out = subprocess.run([*CLI, "extract", "-"], input=UNDATED.format(n=42).encode(), stdout=subprocess.PIPE,
                             stderr=follower, timeout=300)
    finally:
        os.close(follower)
    reader.join(timeout=10)
    os.close(leader)
    assert out.returncode == 0, b"".join(shown).decode(errors="replace")
    release = json.loads(out.stdout)
    assert release["title"] == "Field Teams Reach Valley"
    assert release["figures"][0]["value"] == 42
    assert b"extracted 1" in b"".join(shown)


def test_ctrl_c_says_how_to_resume(tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    total = 300
    for n in range(total):
        (folder / f"r{n:03}.txt").write_text(UNDATED.format(n=n), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    # As from a terminal: a shell starts background jobs with Ctrl-C ignored, and a child inherits that.
    process = subprocess.Popen([*CLI, "extract", str(folder), "-o", str(output), "--batch-size", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    # Pressed once the run is well under way: a few records written, many to go.
    while (not output.exists() or output.read_text(encoding="utf-8").count("\n") < 3) and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "interrupted after" in stderr and "--resume" in stderr
    done = len(output.read_text(encoding="utf-8").splitlines())
    assert 0 < done < total
    resumed = run("extract", str(folder), "-o", str(output), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert len(output.read_text(encoding="utf-8").splitlines()) == total


def test_overwrite_never_cuts_off_a_run_still_writing_the_file(tmp_path: Path) -> None:
    import fcntl

    source = tmp_path / "release.txt"
    source.write_text("Clinics Reopen\n\nThe agency reopened 12 clinics in Dorvale on Monday.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    earlier = '{"source": "other.txt", "sha256": "0", "title": "kept"}\n'
    out.write_text(earlier, encoding="utf-8")
    with out.open("a") as held:  # another run holds the output
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = run("extract", str(source), "-o", str(out), "--overwrite")
    assert result.returncode == 2, result.stderr
    assert "in use" in result.stderr
    assert out.read_text(encoding="utf-8") == earlier  # neither emptied nor unlinked under the other run
