"""Peak memory of one worker: a fresh process that loads the pipeline and extracts every corpus release.

    python benchmarks/worker_memory.py            # base and trained recogniser, beside the bare pipeline

Each configuration runs in its own new interpreter (so one cannot inherit another's pages), reads
all of ../shared/corpus through `extract_many` on one process, and reports its peak resident set
(ru_maxrss). A worker of `extract_many(n_process=N)` or of a Dask cluster holds one such pipeline.
Writes benchmarks/results/worker_memory.json and prints a table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "benchmarks" / "results" / "worker_memory.json"
BUDGET_MB = 400

WORKER = """
import resource, sys
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*.txt")) if "labels" not in p.parts]
if sys.argv[2] == "bare":
    import spacy
    from release_nlp.nlp.pipeline import model_name
    nlp = spacy.load(model_name())
    for _ in nlp.pipe(texts, batch_size=16):
        pass
else:
    import release_nlp
    for _ in release_nlp.extract_many(texts):
        pass
print(len(texts), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3)
"""

CONFIGURATIONS = {
    "bare spaCy pipeline": ("bare", {}),
    "release_nlp, base recogniser": ("ours", {"RELEASE_NLP_TRAINED_NER": "0"}),
    "release_nlp, trained recogniser": ("ours", {"RELEASE_NLP_TRAINED_NER": "1"}),
}


def main() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        sys.exit("../shared/corpus is not here: nothing to measure")
    rows = []
    for name, (kind, extra) in CONFIGURATIONS.items():
        env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", **extra}
        done = subprocess.run([sys.executable, "-c", WORKER, str(corpus), kind], env=env, capture_output=True,
                              text=True, check=True)
        docs, peak = done.stdout.split()
        rows.append({"system": name, "docs": int(docs), "peak_rss_mb": round(float(peak))})
        print(f"{name:<34} {docs:>5} releases  peak RSS {float(peak):6.0f} MB", flush=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"budget_mb": BUDGET_MB, "results": rows}, indent=1) + "\n", encoding="utf-8")
    over = [r["system"] for r in rows if r["system"].startswith("release_nlp") and r["peak_rss_mb"] > BUDGET_MB]
    print(f"budget {BUDGET_MB} MB per worker: " + (f"over in {', '.join(over)}" if over else "met"))


if __name__ == "__main__":
    main()
