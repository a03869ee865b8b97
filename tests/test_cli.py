"""The command line, run as a user would (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES

pytestmark = pytest.mark.integration
CLI = [sys.executable, "-m", "release_nlp.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_one_file_prints_one_release() -> None:
    out = run("extract", str(EXAMPLES / "wfp-cyclone-response.txt"))
    assert out.returncode == 0, out.stderr
    release = json.loads(out.stdout)
    assert release["dateline"]["place"] == "Maputo"
    assert release["people"][0]["name"] == "Antonella D'Aprile"


def test_folder_prints_json_lines_with_sources() -> None:
    out = run("extract", str(EXAMPLES))
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted(Path(r["source"]).name for r in records) == sorted(
        p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))


def test_stdin() -> None:
    text = (EXAMPLES / "senator-statement.md").read_text(encoding="utf-8")
    out = run("extract", "-", stdin=text)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["people"][0]["titles"] == ["Senator"]


def test_empty_file_is_recorded_and_the_exit_code_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text((EXAMPLES / "wfp-cyclone-response.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    out = run("extract", str(tmp_path))
    assert out.returncode == 1
    records = {Path(r["source"]).name: r for r in map(json.loads, out.stdout.splitlines())}
    assert records["empty.txt"]["error"]["type"] == "EmptyInput"
    assert records["good.txt"]["title"].startswith("WFP Scales Up")


def test_missing_path_is_an_error_record() -> None:
    out = run("extract", "no/such/file.txt")
    assert out.returncode == 1
    assert json.loads(out.stdout)["error"] == {"type": "FileNotFoundError", "message": "no such file or folder"}
