"""Per-label precision, recall and F1 of the base and the trained recogniser on the test split.

    python models/training/evaluate.py                    # the shipped weights: writes evaluation.json, prints a table
    python models/training/evaluate.py --weights DIR      # a trial run's weights: prints the table only

A predicted span counts when its label and its token extent equal a gold span's (exact match).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import HERE, LABELS, Document, documents
from train import OUT, base_pipeline, predicted, spans_of

from release_nlp.nlp.pipeline import load_recogniser_weights

RESULT = HERE / "evaluation.json"


Found = set[tuple[int, int, int, str]]  # (document number, start, end, label)


def score(gold: Found, found: Found) -> dict[str, dict[str, float]]:
    table = {}
    for label in LABELS:
        g = {s for s in gold if s[3] == label}
        f = {s for s in found if s[3] == label}
        tp = len(g & f)
        p = tp / len(f) if f else 0.0
        r = tp / len(g) if g else 0.0
        table[label] = {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                        "gold": len(g)}
    return table


def measure(docs: list[Document], weights: Path) -> dict[str, Any]:
    """Base and trained recognisers' per-label scores on `docs` (exact spans)."""
    base = base_pipeline()
    trained = base_pipeline()
    load_recogniser_weights(trained.get_pipe("ner"), weights)
    gold: Found = set()
    found: dict[str, Found] = {"base": set(), "trained": set()}
    for number, doc in enumerate(docs):
        text = doc.text()
        gold |= {(number, s.start_char, s.end_char, s.label_) for s in spans_of(base.make_doc(text), doc.spans)}
        for name, nlp in (("base", base), ("trained", trained)):
            found[name] |= {(number, e.start_char, e.end_char, e.label_) for e in predicted(nlp, text).ents
                            if e.label_ in LABELS}
    return {"test_documents": len(docs), "base": score(gold, found["base"]), "trained": score(gold, found["trained"])}


def table(result: dict[str, Any]) -> str:
    lines = [f"{result['test_documents']} documents\n",
             "| label | gold spans | base P | base R | base F1 | trained P | trained R | trained F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for label in LABELS:
        b, t = result["base"][label], result["trained"][label]
        lines.append(f"| {label} | {b['gold']} | {b['p']:.2f} | {b['r']:.2f} | {b['f']:.2f} | "
                     f"{t['p']:.2f} | {t['r']:.2f} | {t['f']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", type=Path, default=OUT, help="the recogniser's weights (default: shipped)")
    args = parser.parse_args()
    result = measure([d for d in documents() if d.split == "test"], args.weights)
    if args.weights.resolve() == OUT.resolve():  # the record describes the shipped weights only
        RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main()
