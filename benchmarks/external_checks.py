"""Figures and dates on two third-party test sets, beside the extractors a user would pick instead.

    python benchmarks/external_checks.py [--no-peers] [--no-write]

Runs the check scripts that sit with the test sets in ../shared/external (they are not ours to copy):
`newsquant/check.py --mode both` (NewsQuant, CQE paper: figures; peers CQE and quantulum3 from the
venv that `check.py --setup-peers` builds) and `tempeval3/check.py` (TE3-Platinum: dates resolved
against each document's date; peer dateparser.search_dates). Both score release_nlp from this
checkout's `src`. The tables they print are written to the "External checks" section of
benchmarks/RESULTS.md (replaced on each run) and their summary lines to
benchmarks/results/external_checks.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT.parent / "shared" / "external"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## External checks: NewsQuant and TE3-Platinum (`python benchmarks/external_checks.py`)"


def run(script: Path, *args: str) -> str:
    # release_nlp comes from this interpreter's install (`make` installs the checkout editable). No PYTHONPATH:
    # the check scripts pass their environment on to the peers' own venv, where our package cannot import.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=3600, check=False)
    if done.returncode not in (0, 1):  # 1: a --min bar missed; the table is still printed
        raise SystemExit(f"{script} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


def table(output: str, first: str) -> str:
    """The printed table from the line that starts with `first` to the run-time line."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(first)), 0)
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("run time")), len(lines))
    return "\n".join(lines[start:end]).rstrip()


def write_section(body: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Latest benchmark results\n"
    section = f"{HEADING}\n\n{body}\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-peers", action="store_true", help="release_nlp alone")
    ap.add_argument("--no-write", action="store_true", help="print, do not touch RESULTS.md")
    args = ap.parse_args()
    if not EXTERNAL.is_dir():
        print(f"no {EXTERNAL}: nothing to check")
        return 0
    quant = run(EXTERNAL / "newsquant" / "check.py", "--mode", "both", *(["--no-peers"] if args.no_peers else []))
    dates = run(EXTERNAL / "tempeval3" / "check.py", "--errors", "", *(["--no-peer"] if args.no_peers else []))
    summary = [line for line in (quant + dates).splitlines() if line.startswith(("newsquant ", "tempeval3 "))]
    body = "\n".join([
        f"{dt.date.today().isoformat()}; F1 in percent (NewsQuant) and fractions (TE3). NewsQuant `framed` puts a",
        "fixed headline before each sentence, `raw` passes the bare sentence; peers run in the venv that",
        "`check.py --setup-peers` builds (a peer that cannot run is named in the notes column). While a",
        "one-paragraph input is read as a headline (the structure reader's open issue), `raw` finds almost nothing.",
        "",
        "```",
        table(quant, "NewsQuant:"),
        "```",
        "",
        "```",
        table(dates, "== "),
        "```",
        "",
        *[f"- `{line}`" for line in summary],
    ])
    print(body)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "external_checks.json").write_text(
        json.dumps({"date": dt.date.today().isoformat(), "summary": summary}, indent=1) + "\n", encoding="utf-8")
    if not args.no_write:
        write_section(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
