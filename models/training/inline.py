"""Inline markup for reading and correcting annotations: `[[Amy Pope|PERSON]]`.

    python models/training/inline.py show PATH SPANS.jsonl ID      # the text with its spans marked
    python models/training/inline.py read PATH MARKED ID --source S # back to one JSON Lines record
    python models/training/inline.py plain MARKED > PATH            # the text of a release we wrote marked

The marked text is a working copy for the annotator (kept outside the repository for corpus texts);
`read` checks that removing the marks gives the original text exactly, so offsets always match it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import regex

MARK = regex.compile(r"\[\[(?P<text>[^\[\]|]+)\|(?P<label>PERSON|TITLE|ORG|GPE|LOC|FAC|NORP)\]\]")


def show(text: str, spans: list[list[Any]]) -> str:
    """`text` with each (start, end, label) span written as [[words|LABEL]]."""
    out, last = [], 0
    for start, end, label in sorted(spans):
        out += [text[last:start], f"[[{text[start:end]}|{label}]]"]
        last = end
    out.append(text[last:])
    return "".join(out)


def read(marked: str) -> tuple[str, list[list[Any]]]:
    """The plain text and its spans from marked text."""
    plain: list[str] = []
    spans: list[list[Any]] = []
    last, length = 0, 0
    for m in MARK.finditer(marked):
        before = marked[last:m.start()]
        plain.append(before)
        length += len(before)
        spans.append([length, length + len(m["text"]), m["label"]])
        plain.append(m["text"])
        length += len(m["text"])
        last = m.end()
    plain.append(marked[last:])
    return "".join(plain), spans


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("show")
    s.add_argument("path", type=Path)
    s.add_argument("spans", type=Path)
    s.add_argument("id")
    r = sub.add_parser("read")
    r.add_argument("path", type=Path)
    r.add_argument("marked", type=Path)
    r.add_argument("id")
    r.add_argument("--source", default="written", choices=("senate", "written"))
    p = sub.add_parser("plain")
    p.add_argument("marked", type=Path)
    args = parser.parse_args(argv)
    if args.command == "plain":
        sys.stdout.write(read(args.marked.read_text(encoding="utf-8"))[0])
        return
    text = args.path.read_text(encoding="utf-8")
    if args.command == "show":
        for line in args.spans.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] == args.id:
                sys.stdout.write(show(text, record["spans"]))
                return
        raise SystemExit(f"no record {args.id!r} in {args.spans}")
    plain, spans = read(args.marked.read_text(encoding="utf-8"))
    if plain != text:
        at = next((i for i, (a, b) in enumerate(zip(plain, text, strict=False)) if a != b), min(len(plain), len(text)))
        raise SystemExit(f"the marked text differs from {args.path} at character {at}: "
                         f"{plain[max(0, at - 30):at + 30]!r} vs {text[max(0, at - 30):at + 30]!r}")
    sys.stdout.write(json.dumps({"id": args.id, "source": args.source, "spans": spans}) + "\n")


if __name__ == "__main__":
    main()
