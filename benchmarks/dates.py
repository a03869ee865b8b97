"""Date reading speed: our resolver against dateparser, per expression and per release.

    python benchmarks/dates.py

Per expression: `release_nlp.readers.dates.resolve` against `dateparser.parse` (languages=["en"], warm)
on the same expressions. Per release: release_nlp's date reader on a processed doc against
`dateparser.search.search_dates` on the release text. Ratios are measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPRESSIONS = ["18 December 2024", "17-18 December", "December 2024", "2006", "yesterday", "on Tuesday",
               "May 28, 2011", "between January and March 2024", "mid-2023", "the first quarter of 2024",
               "last week", "Thursday, November 16, 2017", "since 1993", "this month", "1 December"] * 20


def per_call(fn, items) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - started) / len(items) * 1000


def main() -> None:
    import dateparser
    from dateparser.search import search_dates

    import release_nlp
    from release_nlp.readers.datefinder import read_dates
    from release_nlp.readers.dates import resolve

    ref = dt.date(2024, 12, 18)
    settings = {"RELATIVE_BASE": dt.datetime(2024, 12, 18), "PREFER_DATES_FROM": "past"}
    dateparser.parse("18 December 2024", languages=["en"])  # warm
    ours_ms = per_call(lambda t: resolve(t, ref), EXPRESSIONS)
    theirs_ms = per_call(lambda t: dateparser.parse(t, languages=["en"], settings=settings), EXPRESSIONS)

    corpus = sorted((ROOT.parent / "shared" / "corpus").rglob("*.txt"))[::10]
    texts = [p.read_text(encoding="utf-8") for p in corpus]
    nlp = release_nlp.load()
    docs = list(nlp.pipe(texts))
    reader_ms = per_call(read_dates, docs)
    search_ms = per_call(lambda t: search_dates(t, languages=["en"]), texts)
    report = {
        "per_expression_ms": {"release_nlp.resolve": round(ours_ms, 3), "dateparser.parse": round(theirs_ms, 3),
                              "speed_up": round(theirs_ms / ours_ms, 1)},
        "per_release_ms": {"release_nlp date reader": round(reader_ms, 2), "search_dates": round(search_ms, 2),
                           "speed_up": round(search_ms / reader_ms, 1), "releases": len(texts)},
    }
    out = ROOT / "benchmarks" / "results" / "dates.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
