"""Doc -> Release: one pure function over what the components stored on the doc."""

from __future__ import annotations

from typing import Any

import regex
from spacy.tokens import Doc

from release_nlp.core.docindex import text_of
from release_nlp.core.text import squash
from release_nlp.readers.sections import SectionMap
from release_nlp.schema import Release


def release_data(doc: Doc) -> dict[str, Any]:
    """The `Release` of a processed doc as JSON-mode data (validated)."""
    structure = doc._.release_structure or {}
    entities = doc._.release_entities or {}
    dates, durations = doc._.release_dates or ([], [])
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    title = None
    if sections.title:
        title = squash(regex.sub(r"[*_#]+", " ", text[sections.title[0]:sections.title[1]])) or None
    dateline = None
    if structure.get("dateline"):
        d = structure["dateline"]
        dateline = {"place": d.get("place"), "date": d.get("date"), "text": squash(text[d["start"]:d["end"]]),
                    "span": {"start": d["start"], "end": d["end"]}}
    data = {
        "title": title,
        "published": structure.get("published"),
        "dateline": dateline,
        "people": entities.get("people", []),
        "organisations": entities.get("organisations", []),
        "places": entities.get("places", []),
        "dates": [{k: v for k, v in d.items()} for d in dates],
        "durations": [{"text": d["text"], "start": d["span"]["start"], "end": d["span"]["end"]} for d in durations],
        "figures": doc._.release_figures or [],
        "quotes": entities.get("quotes", []),
        "contacts": entities.get("contacts", []),
        "officials": entities.get("officials", []),
        "sections": [{"kind": k, "start": s, "end": e} for k, s, e in structure.get("sections", [])],
        "language": structure.get("language", "en"),
    }
    return Release.model_validate(data).model_dump(mode="json")
