"""Part-of-speech tags only where a rule reads them.

Our rules read tags in two places: the words after a number (is it a count of something, and
of what: "900,000 internally displaced persons") and one-word names: organisations, people, and
places the gazetteer does not know ("International" is an adjective, not an organisation;
"Shortly" an adverb, not a person; "Following" a preposition, not a place). Tagging the whole
release costs the shared tok2vec of the statistical pipeline, a quarter of its time. Tagging only
the words after a figure in the body and notes, where the figure reader reads (the same places,
`figures.figure_spans`; dates already read are no figures), and those one-word names, each with the
few words of context the tagger's network sees, gives those words exactly the tags they would have
had, for a fraction of the time.

The statistical `tok2vec` and `tagger` stay in the pipeline, disabled (so a saved pipeline keeps
their weights); this component runs them on a small doc made of the chosen words and their context
and copies the tags back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.core.docindex import ents_of, index_of, text_of
from release_nlp.nlp.partial import PartialRunner
from release_nlp.readers import gazetteer
from release_nlp.readers.figures import figure_spans
from release_nlp.readers.places import PLACE_LABELS

# "1,000 tonnes of food aid": the words after a figure that the unit rules may read (a unit phrase is
# at most eight words, plus "of" and line-break tokens).
UNIT_REACH = 12
# The shared tok2vec sees four tokens either side (MaxoutWindowEncoder, window 1, depth 4) and the
# tagger none: with this much context around them, chosen tokens get exactly their whole-text tags.
CONTEXT = 4


def tokens_to_tag(doc: Doc) -> bytearray:
    """One flag per token: 1 where our rules may read the tag."""
    wanted = bytearray(len(doc))
    if not len(doc):
        return wanted
    index = index_of(doc)
    dates, _ = doc._.release_dates or ([], [])
    in_dates = bytearray(len(text_of(doc)) + 1)
    for d in dates:
        in_dates[d["span"]["start"]:d["span"]["end"]] = b"\x01" * (d["span"]["end"] - d["span"]["start"])
    for start, stop in figure_spans(doc):
        if in_dates[start]:
            continue  # the figure reader skips dates and years too
        first = index.token_index(start)
        end = min(len(doc), index.token_index(max(start, stop - 1)) + 1 + UNIT_REACH)
        wanted[first:end] = b"\x01" * (end - first)
    for ent in ents_of(doc):
        if len(ent) == 1 and (ent.label_ in ("ORG", "PERSON") or (
                ent.label_ in PLACE_LABELS and gazetteer.lookup(ent.text) is None)):
            wanted[ent.start] = 1
    return wanted


def with_context(wanted: bytearray) -> list[int]:
    """Indexes of the flagged tokens and of `CONTEXT` tokens either side of each run of them."""
    keep = bytearray(len(wanted))
    i, n = 0, len(wanted)
    while i < n:
        if not wanted[i]:
            i += 1
            continue
        j = i
        while j < n and wanted[j]:
            j += 1
        lo, hi = max(0, i - CONTEXT), min(n, j + CONTEXT)
        keep[lo:hi] = b"\x01" * (hi - lo)
        i = j
    return [k for k, flag in enumerate(keep) if flag]


class TagWhereNeeded(PartialRunner):
    """Runs the statistical tok2vec and tagger on the tokens `tokens_to_tag` selects."""

    def __init__(self, nlp: Language, name: str, tok2vec: str, tagger: str) -> None:
        super().__init__(nlp, name, (tok2vec, tagger))
        self._wanted: dict[int, bytearray] = {}  # by id(doc), for the batch being run

    def choose(self, doc: Doc) -> Sequence[int] | None:
        """The tokens whose tags are read, with their context; `None` when that is every token."""
        wanted = tokens_to_tag(doc)
        chosen = with_context(wanted)
        self._wanted[id(doc)] = wanted
        return None if len(chosen) == len(doc) else chosen

    def copy(self, doc: Doc, parts: list[tuple[Doc, Sequence[int]]]) -> None:
        """Tags of the wanted tokens; context tokens saw only part of their own context, so not theirs."""
        wanted = numpy.frombuffer(self._wanted.pop(id(doc)), dtype=numpy.uint8).astype(bool)
        tags: Any = doc.to_array([TAG])
        for part, chosen in parts:
            where = numpy.asarray(chosen, dtype=numpy.int64)
            read = wanted[where]
            tags[where[read]] = part.to_array([TAG])[read]
        doc.from_array([TAG], tags.reshape((len(doc), 1)))

    def _run(self, docs: list[Doc]) -> None:
        try:
            super()._run(docs)
        finally:
            self._wanted.clear()
