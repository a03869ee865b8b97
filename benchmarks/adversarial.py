"""Adversarial inputs of 1 MB against a normal release of the same size, in one run.

    python benchmarks/adversarial.py

The normal input is our own example release repeated to 1 MB; each adversarial string
(long digit runs, 100k commas, nested quotes, 1 MB of spaces, ...) is timed through
`release_nlp.extract` and reported as a ratio to the normal one. The issue's bar is 10x.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = int(os.environ.get("ADVERSARIAL_SIZE", 1_000_000))


def main() -> None:
    import release_nlp

    nlp = release_nlp.load()
    example = (ROOT / "examples" / "wfp-cyclone-response.txt").read_text(encoding="utf-8")
    normal = (example * (SIZE // len(example) + 1))[:SIZE]
    head = "Agency Reports\n\nNairobi, 4 April 2022 – "
    cases = {
        "digits": head + "1" * SIZE,
        "commas": head + "1," * (SIZE // 2),
        "digit groups": head + "1,000 " * (SIZE // 6),
        "nested quotes": head + "“\"‘'" * (SIZE // 4),
        "spaces": head + " " * SIZE,
        "one long word": head + "a" * SIZE,
        "capitalised words": head + "Abc " * (SIZE // 4),
        "dashes": head + "- " * (SIZE // 2),
        "line breaks": head + "\n" * SIZE,
        "e-mail-like": head + "a@b." * (SIZE // 4),
        # Release-shaped repetition: one name, body, place, date, amount or phone thousands of times.
        "one person": head + "Mr Abel Banda said. " * (SIZE // 20),
        "acronyms": head + "UNICEF and WHO and IOM " * (SIZE // 23),
        "places": head + "in Kenya, Uganda and Chad " * (SIZE // 26),
        "dates": head + "on 4 May 2021 and 5 June " * (SIZE // 25),
        "amounts": head + "$5 million and 20% of " * (SIZE // 22),
        "phone numbers": head + "+41 79 123 45 67 " * (SIZE // 17),
    }

    def timed(text: str) -> float:
        started = time.perf_counter()
        with contextlib.suppress(release_nlp.ReleaseNLPError):
            release_nlp.extract(text, nlp=nlp)
        return time.perf_counter() - started

    base = timed(normal)
    results = {}
    for name, text in cases.items():
        results[name] = round(timed(text) / base, 2)
        print(f"  {name}: {results[name]}x the normal release", file=sys.stderr, flush=True)
    # The largest release the default limit admits (just under 5 million characters): time and memory.
    large_size = int(os.environ.get("ADVERSARIAL_LARGE", 4_900_000))
    large = (example * (large_size // len(example) + 1))[:large_size]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    large_seconds = timed(large)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    report = {"normal_release_1mb_seconds": round(base, 2), "ratio_to_normal": results,
              "worst": max(results.values()),
              "release_4.9m_chars": {"seconds": round(large_seconds, 1), "peak_rss_mb_before": round(before),
                                     "peak_rss_mb_after": round(after)}}
    out = ROOT / "benchmarks" / "results" / "adversarial.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
