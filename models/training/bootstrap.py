"""Draft annotations for a training document, for an annotator to correct by reading it.

    python models/training/bootstrap.py ID PATH [--source senate|written] >> annotations/BATCH.jsonl

Spans come from the current extractor (people, their titles near each mention, organisations,
places) and, for labels it does not read (NORP, FAC, LOC), from the base recogniser. Overlaps are
resolved longest first. The output line has offsets and labels only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import regex

LABELS = ("PERSON", "TITLE", "ORG", "GPE", "LOC", "FAC", "NORP")


def draft(text: str) -> list[list[Any]]:
    """Candidate (start, end, label) spans for `text`, without overlaps."""
    import release_nlp

    release = release_nlp.extract(text)
    if release.text is None or len(release.text) != len(text):
        raise SystemExit("the extractor changed the text's length: offsets would not match the file")
    spans: list[tuple[int, int, str]] = []
    for person in release.people:
        for mention in person.mentions:
            spans.append((mention.start, mention.end, "PERSON"))
            window_start = max(0, mention.start - 120)
            window = text[window_start:mention.end + 160]
            for title in person.titles:
                for m in regex.finditer(rf"(?<!\w){regex.escape(title)}(?!\w)", window, regex.IGNORECASE):
                    spans.append((window_start + m.start(), window_start + m.end(), "TITLE"))
    for org in release.organisations:
        spans += [(m.start, m.end, "ORG") for m in org.mentions]
    for place in release.places:
        kind = "LOC" if place.country_code is None else "GPE"
        spans += [(m.start, m.end, kind) for m in place.mentions]
    nlp = release_nlp.load()
    with nlp.select_pipes(enable=["ner"]):
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    spans += [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("NORP", "FAC", "LOC")]
    chosen: list[tuple[int, int, str]] = []
    for s, e, label in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, label))
    return [[s, e, label] for s, e, label in sorted(chosen)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id")
    parser.add_argument("path", type=Path)
    parser.add_argument("--source", default="written", choices=("senate", "written"))
    args = parser.parse_args(argv)
    text = args.path.read_text(encoding="utf-8")
    record = {"id": args.id, "source": args.source, "spans": draft(text)}
    sys.stdout.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
