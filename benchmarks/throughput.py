"""Throughput and memory of release_nlp against the bare statistical pipeline and the glue baseline.

    python benchmarks/throughput.py                      # all of ../shared/corpus, 1 and 2 processes
    python benchmarks/throughput.py --limit 200          # a quick look
    python benchmarks/throughput.py --memory-docs 10000  # RSS growth of one long single-process run

Everything is measured in one run on this machine, and reported as ratios to the bare pipeline
(`spacy.load(model)` with its default components, `nlp.pipe`) measured in the same run.
Writes benchmarks/results/throughput.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# One process, one core, for every system measured: numpy's BLAS (which release_nlp's networks use) would
# otherwise spread its products over all cores inside each process. Set before numpy is first imported.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


def rss_mb() -> float:
    """Resident set size of this process now, in MB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
    return max(own, children)


def corpus(limit: int | None, repeat: int) -> list[str]:
    paths = sorted((SHARED / "corpus").rglob("*.txt"))
    if not paths:
        sys.exit("../shared/corpus is not here: nothing to measure")
    texts = [p.read_text(encoding="utf-8") for p in paths if "labels" not in p.parts]
    return (texts[:limit] if limit else texts) * repeat


def _glue_chunk(texts: list[str]) -> int:
    sys.path.insert(0, str(SHARED / "eval"))
    import baselines

    for text in texts:
        baselines.spacy_glue(text)
    return len(texts)


def measure(name: str, processes: int, texts: list[str], work: Callable[[list[str]], None]) -> dict[str, object]:
    words = sum(len(t.split()) for t in texts)
    start_rss = rss_mb()
    started = time.perf_counter()
    work(texts)
    seconds = time.perf_counter() - started
    print(f"  {name}, {processes} process(es): {len(texts) / seconds:.1f} docs/s", file=sys.stderr, flush=True)
    return {"system": name, "processes": processes, "docs": len(texts), "seconds": round(seconds, 2),
            "docs_per_s": round(len(texts) / seconds, 2), "words_per_s": round(words / seconds),
            "rss_start_mb": round(start_rss), "rss_end_mb": round(rss_mb()), "peak_rss_mb": round(peak_mb())}


def component_times(texts: list[str]) -> dict[str, float]:
    """Seconds each component of release_nlp's pipeline spends on `texts` (run component by component)."""
    import release_nlp

    nlp = release_nlp.load()
    times: dict[str, float] = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.perf_counter() - started
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = round(time.perf_counter() - started, 2)
    return times


def memory_run(n_docs: int, texts: list[str]) -> dict[str, object]:
    """RSS over one long single-process run through the batch runner (memory zones on)."""
    from release_nlp.batch.runner import run
    from release_nlp.io.sources import Document

    # Every document gets words of its own, so that the vocabulary would grow without memory zones.
    docs = (Document(f"d{i}", f"{texts[i % len(texts)]}\n\nReference Qx{i}z: contact Mr Vorn{i}ka at Zel{i}burg.\n")
            for i in range(n_docs))
    samples: list[tuple[int, float]] = []
    count = 0

    def emit(outcome: object) -> None:
        nonlocal count
        count += 1
        if count % 500 == 0:
            samples.append((count, round(rss_mb(), 1)))

    summary = run(docs, emit, workers=1, batch_size=16, timeout=None)
    after_warmup = next((rss for n, rss in samples if n >= 1000), samples[0][1] if samples else 0.0)
    return {"docs": n_docs, "seconds": round(summary.seconds, 1), "rss_samples": samples,
            "rss_after_1000_mb": after_warmup, "rss_end_mb": samples[-1][1] if samples else None,
            "rss_growth_mb": round(samples[-1][1] - after_warmup, 1) if samples else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N releases only")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the sample N times")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--skip-glue", action="store_true")
    parser.add_argument("--memory-docs", type=int, default=0, help="also measure RSS growth over N docs")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "throughput.json")
    args = parser.parse_args()

    import spacy

    import release_nlp
    from release_nlp.nlp.pipeline import model_name

    texts = corpus(args.limit, args.repeat)
    results: list[dict[str, object]] = []
    bare = spacy.load(model_name())
    ours = release_nlp.load()
    # Every system loads its model and reads a few releases before it is timed; worker processes are forked
    # from this one, so none of them loads a model inside the measurement either.
    list(bare.pipe(texts[:20]))
    list(release_nlp.extract_many(texts[:20], nlp=ours))
    if not args.skip_glue:
        _glue_chunk(texts[:20])
    for processes in args.processes:
        results.append(measure("bare spaCy pipeline", processes, texts,
                               lambda t, p=processes: list(bare.pipe(t, batch_size=16, n_process=p))))
        results.append(measure("release_nlp extract_many", processes, texts,
                               lambda t, p=processes: list(release_nlp.extract_many(t, nlp=ours, n_process=p))))
        if not args.skip_glue:
            def glue(t: list[str], p: int = processes) -> None:
                if p == 1:
                    _glue_chunk(t)
                    return
                chunks = [t[i::p] for i in range(p)]
                with get_context("fork").Pool(p) as pool:
                    pool.map(_glue_chunk, chunks)
            results.append(measure("glue baseline (spacy_glue)", processes, texts, glue))
    base = {r["processes"]: r["docs_per_s"] for r in results if r["system"] == "bare spaCy pipeline"}
    ours_one = next(r["docs_per_s"] for r in results if r["system"].startswith("release_nlp") and r["processes"] == 1)
    for r in results:
        r["ratio_to_bare"] = round(float(r["docs_per_s"]) / float(base[r["processes"]]), 2)
        if r["system"].startswith("release_nlp"):
            r["ratio_to_one_process"] = round(float(r["docs_per_s"]) / float(ours_one), 2)
    glue_rates = {r["processes"]: r["docs_per_s"] for r in results if r["system"].startswith("glue")}
    report: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                   f"{platform.system()} {platform.release()}",
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "corpus_docs": len(texts),
        "results": results,
        "release_nlp_vs_glue": {p: round(float(next(r["docs_per_s"] for r in results if r["processes"] == p
                                                   and r["system"].startswith("release_nlp"))) / float(g), 2)
                                for p, g in glue_rates.items()},
        "component_seconds": component_times(texts),
    }
    if args.memory_docs:
        report["memory"] = memory_run(args.memory_docs, texts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"{'system':28} {'proc':>4} {'docs/s':>8} {'words/s':>8} {'x bare':>7} {'peak MB':>8}")
    for r in results:
        print(f"{r['system']:28} {r['processes']:>4} {r['docs_per_s']:>8} {r['words_per_s']:>8} "
              f"{r['ratio_to_bare']:>7} {r['peak_rss_mb']:>8}")
    print("release_nlp / glue:", report["release_nlp_vs_glue"])
    print(f"component seconds ({len(texts)} docs):", report["component_seconds"])
    if args.memory_docs:
        memory = report["memory"]
        print(f"memory: {memory['docs']} docs, RSS after 1000 {memory['rss_after_1000_mb']} MB, "  # type: ignore[index]
              f"end {memory['rss_end_mb']} MB, growth {memory['rss_growth_mb']} MB")  # type: ignore[index]
    print(report["machine"])


if __name__ == "__main__":
    main()
