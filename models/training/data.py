"""The training documents: annotations, where their texts come from, licences, and the train/test split.

Corpus texts are read from `../shared/corpus` (beside the repository) at training time; the releases we
wrote ourselves are in `texts/`. A document's split is fixed by a hash of its id, so adding documents
never moves one from train to test or back.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
ANNOTATIONS = HERE / "annotations"
TEXTS = HERE / "texts"
PROVENANCE = HERE / "provenance.csv"
LABELS = ("PERSON", "TITLE", "ORG", "GPE", "LOC", "FAC", "NORP")
TEST_SHARE = 5  # one document in five is test

LICENCES = {
    "senate": "US federal government work (17 U.S.C. 105), public domain",
    "written": "written for release_nlp, MIT like the code",
}
METHODS = {
    "senate": "drafted by bootstrap.py (extractor + base recogniser), corrected by reading the whole document",
    "written": "marked by its author while writing (inline.py), checked against bootstrap.py",
}
# Kept out of training entirely: publishers' copyright (reliefweb) and a share-alike licence (isaf).
ALLOWED_SOURCES = frozenset(LICENCES)


@dataclass(frozen=True)
class Document:
    """One annotated training document."""

    id: str
    source: str
    spans: tuple[tuple[int, int, str], ...]

    @property
    def split(self) -> str:
        digest = int(hashlib.sha1(self.id.encode("utf-8")).hexdigest(), 16)
        return "test" if digest % TEST_SHARE == 0 else "train"

    @property
    def validation(self) -> bool:
        """One train document in five, held out only when choosing the training schedule (`train.py --validate`)."""
        digest = int(hashlib.sha1(self.id.encode("utf-8")).hexdigest(), 16)
        return self.split == "train" and (digest // TEST_SHARE) % 5 == 0

    @property
    def path(self) -> Path:
        folder, stem = self.id.split("/", 1)
        if folder == "written":
            return TEXTS / f"{stem}.txt"
        return SHARED / "corpus" / folder / f"{stem}.txt"

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def reserved() -> frozenset[str]:
    """Corpus releases kept back for evaluation (`../shared/eval/reserved.txt`); empty where it is absent."""
    path = SHARED / "eval" / "reserved.txt"
    if not path.exists():
        return frozenset()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.removesuffix(".txt") for line in lines if line and not line.startswith("#"))


def documents() -> list[Document]:
    """Every annotated document, in id order; refuses a reserved release, an unknown source or a repeat."""
    kept_back = reserved()
    found: dict[str, Document] = {}
    for path in sorted(ANNOTATIONS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            doc = Document(record["id"], record["source"], tuple((s, e, lab) for s, e, lab in record["spans"]))
            where = f"{path.name}:{number}"
            if doc.source not in ALLOWED_SOURCES or not doc.id.startswith(doc.source + "/"):
                raise ValueError(f"{where}: source {doc.source!r} of {doc.id!r} may not be trained on")
            if doc.id.split("/", 1)[1] in kept_back:
                raise ValueError(f"{where}: {doc.id!r} is reserved for evaluation")
            if doc.id in found:
                raise ValueError(f"{where}: {doc.id!r} is annotated twice")
            if any(label not in LABELS or start >= end for start, end, label in doc.spans):
                raise ValueError(f"{where}: {doc.id!r} has a span with a bad label or extent")
            found[doc.id] = doc
    return [found[key] for key in sorted(found)]


def write_provenance(docs: list[Document]) -> None:
    """`provenance.csv`: one row per training document."""
    with PROVENANCE.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "source", "licence", "annotation", "split", "spans"])
        for doc in docs:
            writer.writerow([doc.id, doc.source, LICENCES[doc.source], METHODS[doc.source], doc.split,
                             len(doc.spans)])
