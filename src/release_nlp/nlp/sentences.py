"""Sentence starts from the statistical sentence recogniser, run in bounded parts on long releases.

The recogniser keeps the starts already set (line breaks, the end of a run-in headline) and
predicts the rest; on a release longer than `partial.MAX_PART_TOKENS` tokens it runs part by part.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.nlp.partial import PartialRunner


class SentencesInParts(PartialRunner):
    """Runs the statistical `senter` on the whole doc, in parts when it is long."""

    def __init__(self, nlp: Language, name: str, senter: str) -> None:
        super().__init__(nlp, name, (senter,))

    def choose(self, doc: Doc) -> Sequence[int] | None:
        """Every token."""
        return None

    def copy(self, doc: Doc, parts: list[tuple[Doc, Sequence[int]]]) -> None:
        """The parts' sentence starts, where `doc` has none set yet."""
        values: Any = doc.to_array([SENT_START]).reshape((len(doc), 1))
        for part, chosen in parts:
            where = numpy.asarray(chosen)
            predicted = part.to_array([SENT_START]).reshape(-1)
            unset = values[where, 0] == 0
            values[where[unset], 0] = predicted[unset]
        values[0, 0] = 1
        doc.from_array([SENT_START], values)
