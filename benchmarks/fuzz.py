"""Fuzz `release_nlp.extract` by hand: long hypothesis runs, or atheris when it is installed.

    python benchmarks/fuzz.py                 # 100,000 hypothesis examples across the property tests
    python benchmarks/fuzz.py --atheris       # coverage-guided, until stopped (needs `pip install atheris`)

Any exception other than release_nlp's typed errors is a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_hypothesis() -> int:
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long"}
    tests = ["tests/test_robustness.py::test_extract_never_raises_untyped",
             "tests/test_robustness.py::test_release_shaped_text",
             "tests/test_robustness.py::test_number_round_trip",
             "tests/test_robustness.py::test_number_parser_never_raises",
             "tests/test_robustness.py::test_date_round_trip",
             "tests/test_robustness.py::test_date_resolver_never_raises"]
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "--hypothesis-show-statistics", *tests], cwd=ROOT, env=env)


def run_atheris() -> int:
    import atheris

    with atheris.instrument_imports():
        import release_nlp
    nlp = release_nlp.load()

    def one(data: bytes) -> None:
        with contextlib.suppress(release_nlp.ReleaseNLPError):
            release_nlp.extract(data, nlp=nlp)

    atheris.Setup(sys.argv[:1], one)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--atheris", action="store_true")
    sys.exit(run_atheris() if parser.parse_args().atheris else run_hypothesis())
