"""Chaos: kill -9 the CLI or one of its workers at a random moment, resume, and check nothing is lost.

Short form (CI): two runs. Full form, by hand:

    CHAOS_RUNS=24 CHAOS_SEED=7 PYTHONPATH=src python -m pytest tests/test_chaos.py -q -s

Each run picks an output format (JSON Lines, Parquet), one or two workers and a victim (the CLI or a
worker) in turn, kills the victim with SIGKILL at a random moment of the run, then resumes until a run
exits 0. It checks that no process outlives a killed CLI, that every output line or part is readable,
and that every document has exactly one Release and nothing is duplicated. `-s` prints a line a run
and the totals.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

RUNS = int(os.environ.get("CHAOS_RUNS", "2"))
SEED = int(os.environ.get("CHAOS_SEED", "19"))
DOCS = int(os.environ.get("CHAOS_DOCS", "30"))
CLI = [sys.executable, "-m", "release_nlp.cli", "extract"]
# (format, workers, victim): the short form takes the first two, the full form cycles through all.
PLANS = [("jsonl", 2, "worker"), ("parquet", 1, "cli"), ("jsonl", 1, "cli"), ("parquet", 2, "worker"),
         ("jsonl", 2, "cli"), ("parquet", 2, "cli"), ("jsonl", 1, "worker"), ("parquet", 1, "worker")]
TOTALS: Counter[str] = Counter()


def release_text(n: int) -> str:
    body = " ".join(f"In district {n}-{k}, the agency gave {100 + k} families food, said its officer Lea Voss."
                    for k in range(12))
    return f"Agency Reaches District {n}\n\nPortmere, {1 + n % 27} June 2024 – {body}\n"


def descendants(pid: int) -> list[int]:
    """Every living process below `pid` (children, grandchildren...)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        children = [p for p, parent in parents.items() if parent == current]
        found += children
        frontier += children
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def workers_of(pid: int) -> list[int]:
    """The CLI's worker processes (not multiprocessing's resource tracker)."""
    found = []
    for child in descendants(pid):
        try:
            command = (Path("/proc") / str(child) / "cmdline").read_bytes()
        except OSError:
            continue
        if b"resource_tracker" not in command:
            found.append(child)
    return found


def records(out: Path, fmt: str) -> list[tuple[str, bool]]:
    """(source, extracted?) of every record in the output; every line and part must be readable."""
    if fmt == "jsonl":
        if not out.exists():
            return []
        lines = out.read_text(encoding="utf-8").splitlines()
        return [(r["source"], "error" not in r) for r in map(json.loads, lines)]
    found = []
    for part in sorted(out.glob("keys/part-*.parquet")):
        found += [(s, True) for s in pq.read_table(part).column("release_id").to_pylist()]
        errors = out / "errors" / part.name
        found += [(s, False) for s in pq.read_table(errors).column("source").to_pylist()]
    return found


def wait_for(process: subprocess.Popen[bytes], out: Path, fmt: str, moment: float) -> None:
    """Until a random moment of the run: a share of the documents written (JSON Lines), or a random time
    between the pipeline's loading and the run's end (Parquet writes its parts only at the end here)."""
    started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < 300:
        if fmt == "jsonl" and len(records(out, fmt)) >= DOCS * moment / 2:
            return
        if fmt == "parquet" and time.monotonic() - started > 45 * moment:
            return
        time.sleep(0.2)


def chaos_run(tmp_path: Path, number: int, fmt: str, workers: int, victim: str, rng: random.Random) -> str:
    folder = tmp_path / f"in{number}"
    folder.mkdir()
    for i in range(DOCS):
        (folder / f"r{i:03d}.txt").write_text(release_text(i), encoding="utf-8")
    out = tmp_path / (f"out{number}.jsonl" if fmt == "jsonl" else f"out{number}")
    args = [*CLI, str(folder), "-o", str(out), "--format", fmt, "--workers", str(workers), "--batch-size", "2",
            "--no-progress", "--resume"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    log = (tmp_path / f"log{number}").open("w")
    process = subprocess.Popen(args, stdout=log, stderr=log, env=env)
    moment = rng.uniform(0.2, 1.0)
    outcome = "finished before the kill"
    if victim == "cli":
        # Wait until the run has begun writing, or the pipeline is loaded, then a random moment more.
        wait_for(process, out, fmt, moment)
        below = descendants(process.pid)
        if process.poll() is None:
            process.kill()
            process.wait()
            outcome = f"CLI killed after {len(records(out, fmt))} records"
            TOTALS["CLI kills"] += 1
            time.sleep(0.5)
            end = time.monotonic() + 20
            while any(alive(p) for p in below) and time.monotonic() < end:
                time.sleep(0.2)
            left = [p for p in below if alive(p)]
            assert not left, f"processes outlived the killed CLI: {left}"
    else:
        wait_for(process, out, fmt, moment)
        targets = workers_of(process.pid) if workers > 1 else []
        if process.poll() is None and targets:
            os.kill(rng.choice(targets), signal.SIGKILL)
            TOTALS["worker kills"] += 1
            outcome = "worker killed"
        elif process.poll() is None and workers == 1:
            # One worker runs in the CLI's own process: killing "the worker" is killing the CLI.
            below = descendants(process.pid)
            process.kill()
            process.wait()
            TOTALS["CLI kills"] += 1
            outcome = "CLI (its own worker) killed"
            time.sleep(0.5)
            assert not [p for p in below if alive(p)]
        code = process.wait(timeout=600)  # a dead worker must not hang the run
        assert code in (0, 1, -signal.SIGKILL), (tmp_path / f"log{number}").read_text()
        if outcome == "worker killed":
            crashed = sum(1 for _, good in records(out, fmt) if not good)
            outcome += f", run went on (exit {code}, {crashed} WorkerCrashed records)"
            TOTALS["runs finished after a worker kill"] += 1
    log.close()
    for _attempt in range(3):  # resume until the run completes; a crashed document is retried once
        result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=900)
        TOTALS["resumes"] += 1
        if result.returncode == 0:
            break
        assert result.returncode == 1, result.stderr
    else:
        pytest.fail(f"no complete run after 3 resumes: {result.stderr}")
    found = records(out, fmt)
    good = Counter(Path(s).name for s, ok in found if ok)
    assert set(good) == {f"r{i:03d}.txt" for i in range(DOCS)}, "a document was lost"
    assert max(good.values()) == 1, f"a document was written twice: {good.most_common(3)}"
    TOTALS["documents checked"] += DOCS
    return outcome


@pytest.mark.integration
def test_chaos(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    plans = list(itertools.islice(itertools.cycle(PLANS), RUNS))
    for number, (fmt, workers, victim) in enumerate(plans):
        started = time.monotonic()
        outcome = chaos_run(tmp_path, number, fmt, workers, victim, rng)
        TOTALS["runs"] += 1
        print(f"run {number}: {fmt}, {workers} worker(s), kill the {victim}: {outcome}; "
              f"{time.monotonic() - started:.0f} s", flush=True)
    print("chaos totals:", dict(TOTALS), flush=True)
