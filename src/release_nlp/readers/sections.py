"""Read the sections the structure component stored on a doc."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from release_nlp.core.docindex import text_of

CONTENT = frozenset({"body", "dateline", "notes", "contacts"})


@dataclass(frozen=True)
class SectionMap:
    """Which section each character offset falls in."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    kinds: tuple[str, ...]
    title: tuple[int, int] | None
    dateline: dict[str, Any] | None
    published: str | None

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> SectionMap:
        """The section map stored on `doc`."""
        data = doc._.release_structure or {}
        sections = [s for s in data.get("sections", []) if s[0] != "dateline"]
        title = (int(data["title"][0]), int(data["title"][1])) if data.get("title") else None
        if not sections:  # no structure component: everything is body
            sections = [["body", 0, len(text if text is not None else text_of(doc))]]
        return cls(
            tuple(s[1] for s in sections),
            tuple(s[2] for s in sections),
            tuple(s[0] for s in sections),
            title,
            data.get("dateline"),
            data.get("published"),
        )

    def kind_at(self, offset: int) -> str | None:
        """The kind of section the offset falls in."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return self.kinds[i]
        # Between lines: belongs to the section before.
        return self.kinds[i] if i >= 0 else None

    def is_content(self, offset: int) -> bool:
        """Inside the release proper (not furniture, not the headline)."""
        return self.kind_at(offset) in CONTENT

    def regions(self, *kinds: str) -> list[tuple[int, int]]:
        """(start, end) of the sections of these kinds."""
        return [(s, e) for s, e, k in zip(self.starts, self.ends, self.kinds, strict=True) if k in kinds]
