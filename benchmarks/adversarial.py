"""Adversarial inputs of 1 MB against a normal release of the same size, in one run.

    python benchmarks/adversarial.py
    ADVERSARIAL_CASES="many people,many contacts" python benchmarks/adversarial.py   # some cases only

The normal input is our own example release repeated to 1 MB; each adversarial string
(long digit runs, 100k commas, nested quotes, 1 MB of spaces, ...) is timed through
`release_nlp.extract` (CPU time) and reported as a ratio to the normal one. The issue's bar is 10x; the cases
that once grew with the square of their size (many distinct people, long contact lists, many
figures near places) are held to 3x.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = int(os.environ.get("ADVERSARIAL_SIZE", 1_000_000))
HEAD = "Agency Reports\n\nNairobi, 4 April 2022 – "
# Invented names: 28 x 28 distinct people.
FIRST = [
    "Abel", "Nora", "Tomas", "Ilse", "Marek", "Ayana", "Beno", "Calla", "Dario", "Efua", "Goran", "Hana", "Ivo",
    "Jun", "Kofi", "Lena", "Milo", "Nia", "Oren", "Pia", "Rafe", "Sade", "Teo", "Uma", "Vito", "Wren", "Yara",
    "Zane"
]
LAST = [
    "Banda", "Korvalo", "Mensah", "Ostrid", "Pelling", "Quarry", "Ruvane", "Sollen", "Tiber", "Umbera", "Varga",
    "Wendle", "Yorke", "Zelinski", "Abara", "Brisco", "Calder", "Dunmore", "Eskel", "Farrow", "Gallo", "Hester",
    "Ingram", "Jessup", "Kellan", "Lomax", "Marlow", "Nyquist"
]
NAMES = [f"{first} {last}" for last, first in itertools.product(LAST, FIRST)]


def _grow(head: str, line: str, size: int) -> str:
    """`head`, then `line` formatted with a running number `i` and name `name` until `size` characters."""
    parts, length, i = [head], len(head), 0
    while length < size:
        part = line.format(i=i, name=NAMES[i % len(NAMES)], user=NAMES[i % len(NAMES)].replace(" ", ".").lower())
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)[:size]


def quadratic_cases(size: int) -> dict[str, str]:
    """The inputs whose extraction once grew with the square of their size."""
    return {
        "many people": _grow(HEAD, "{name}, the agency's director, said the work goes on. ", size),
        "many contacts": _grow(HEAD + "The agency delivered aid.\n\nFor more information, contact:\n",
                               "{name}, Agency, {user}{i}@example.org, +41 79 {i:03d} 45 67\n", size),
        "figures near places": _grow(HEAD, "In Kenya, 5,000 people were displaced and in Uganda 3,000 families "
                                           "received $2 million. ", size),
    }


def main() -> None:
    import release_nlp

    nlp = release_nlp.load()
    example = (ROOT / "examples" / "wfp-cyclone-response.txt").read_text(encoding="utf-8")
    normal = (example * (SIZE // len(example) + 1))[:SIZE]
    head = HEAD
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
        **quadratic_cases(SIZE),
    }

    def timed(text: str) -> float:
        # CPU seconds of this process: the ratios then hold on a machine other jobs are loading.
        started = time.process_time()
        with contextlib.suppress(release_nlp.ReleaseNLPError):
            release_nlp.extract(text, nlp=nlp)
        return time.process_time() - started

    chosen = [c.strip() for c in os.environ.get("ADVERSARIAL_CASES", "").split(",") if c.strip()]
    base = timed(normal)
    results = {}
    for name, text in cases.items():
        if chosen and name not in chosen:
            continue
        results[name] = round(timed(text) / base, 2)
        print(f"  {name}: {results[name]}x the normal release", file=sys.stderr, flush=True)
    report: dict[str, object] = {"normal_release_1mb_seconds": round(base, 2), "ratio_to_normal": results,
                                 "worst": max(results.values())}
    if not chosen:
        # The largest release the default limit admits (just under 5 million characters): time and memory.
        large_size = int(os.environ.get("ADVERSARIAL_LARGE", 4_900_000))
        large = (example * (large_size // len(example) + 1))[:large_size]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        large_seconds = timed(large)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        report["release_4.9m_chars"] = {"seconds": round(large_seconds, 1), "peak_rss_mb_before": round(before),
                                         "peak_rss_mb_after": round(after)}
    out = ROOT / "benchmarks" / "results" / ("adversarial-some.json" if chosen else "adversarial.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
