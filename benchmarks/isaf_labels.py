"""How often release_nlp recovers the third-party event labels of the NATO ISAF releases.

    python benchmarks/isaf_labels.py

For each of ../shared/corpus/isaf/*.txt with labels/NAME.json: is the labelled `province`
among the places (name or "X province"), is the labelled `start_date` among the resolved
dates (the event is often "yesterday" relative to the release), and is each labelled
`min_killed` / `min_captured` count of two or more among the figure values?
Writes benchmarks/results/isaf_labels.json.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISAF = ROOT.parent / "shared" / "corpus" / "isaf"


def key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace(" province", "").strip()


def close(a: str, b: str) -> bool:
    """Equal up to one edit: the labels spell names their own way ("Paktya" for "Paktiya")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def reserved() -> frozenset[str]:
    path = ROOT.parent / "shared" / "eval" / "reserved.txt"
    if not path.exists():
        return frozenset()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.removesuffix(".txt") for line in lines if line and not line.startswith("#"))


def main() -> None:
    import release_nlp

    pairs = []
    for label_path in sorted((ISAF / "labels").glob("*.json")):
        text_path = ISAF / f"{label_path.stem}.txt"
        if text_path.exists():
            pairs.append((text_path, json.loads(label_path.read_text(encoding="utf-8"))))
    texts = [p.read_text(encoding="utf-8") for p, _ in pairs]
    tally = {"province": [0, 0], "start_date": [0, 0], "killed": [0, 0], "captured": [0, 0]}
    misses: dict[str, list[str]] = {k: [] for k in tally}
    for (path, label), release in zip(pairs, release_nlp.extract_many(texts), strict=True):
        places = {key(p.name) for p in release.places} | {key(m.text) for p in release.places for m in p.mentions}
        for province in label.get("province") or []:
            tally["province"][1] += 1
            if any(close(key(province), p) for p in places):
                tally["province"][0] += 1
            else:
                misses["province"].append(f"{path.stem}: {province}")
        if label.get("start_date"):
            tally["start_date"][1] += 1
            days = {str(d.start) for d in release.dates if d.start and d.start == d.end}
            if label["start_date"] in days:
                tally["start_date"][0] += 1
            else:
                misses["start_date"].append(f"{path.stem}: {label['start_date']} not in {sorted(days)}")
        values = {f.value for f in release.figures}
        for field, name in (("min_killed", "killed"), ("min_captured", "captured")):
            count = label.get(field) or 0
            if count >= 2:
                tally[name][1] += 1
                if float(count) in values:
                    tally[name][0] += 1
                else:
                    misses[name].append(f"{path.stem}: {count} not in {sorted(values)}")
    report = {k: {"found": f, "labelled": n, "share": round(f / n, 3) if n else None} for k, (f, n) in tally.items()}
    out = ROOT / "benchmarks" / "results" / "isaf_labels.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    # Releases kept back for evaluation are counted but never named: nobody should read their misses.
    kept_back = reserved()
    named = {k: [m for m in v if m.split(":", 1)[0] not in kept_back][:30] for k, v in misses.items()}
    out.write_text(json.dumps({"releases": len(pairs), "report": report, "misses": named}, indent=1),
                   encoding="utf-8")
    print(f"{len(pairs)} labelled ISAF releases")
    for k, r in report.items():
        print(f"  {k:11} {r['found']:4} / {r['labelled']:4}  {r['share']}")


if __name__ == "__main__":
    main()
