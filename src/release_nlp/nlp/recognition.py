"""Named entities from the statistical recogniser, on the release and not its page furniture.

A release scraped from a web page may carry more furniture than text (the IOM page's list of some
200 country names); the recogniser's time grows with the tokens it reads, and nothing reads its
entities there. Docs without furniture are annotated whole, as before. The network's output is
decoded by `decoder.GreedyEntityDecoder` (same entities as spaCy's decoder, a fraction of its time).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from release_nlp.nlp.entity_decoder import GreedyEntityDecoder
from release_nlp.nlp.partial import PartialRunner

# Only long runs of furniture are cut, and not their edges: the recogniser reads a few words either side
# of each word, so the release's words next to a cut keep the context they had.
MIN_CUT = 50
EDGE = 10


def tokens_outside_furniture(doc: Doc) -> list[int] | None:
    """Indexes of the tokens to read: all but the inside of long furniture runs; `None` when that is all."""
    keep = bytearray(b"\x01" * len(doc))
    cut = False
    for span in doc.spans.get("sections", []):
        start, end = span.start + EDGE, span.end - EDGE
        if span.label_ == "furniture" and end - start >= MIN_CUT:
            keep[start:end] = bytes(end - start)
            cut = True
    return [i for i, flag in enumerate(keep) if flag] if cut else None


class EntitiesOutsideFurniture(PartialRunner):
    """Runs the statistical entity recogniser on everything but page furniture."""

    def __init__(self, nlp: Language, name: str, ner: str) -> None:
        super().__init__(nlp, name, (ner,))
        self.ner = ner
        self._decoder: GreedyEntityDecoder | None = None

    def annotate_batch(self, batch: list[Doc]) -> None:
        """The recogniser's entities, decoded by `decoder.GreedyEntityDecoder` where it applies."""
        component = self.nlp.get_pipe(self.ner)
        if self._decoder is None or self._decoder.ner is not component:  # built once, again if the pipe is replaced
            self._decoder = GreedyEntityDecoder(component)
        if self._decoder.can_decode(batch):
            self._decoder(batch)
        else:
            super().annotate_batch(batch)

    def choose(self, doc: Doc) -> Sequence[int] | None:
        """Everything but the inside of long furniture runs."""
        return tokens_outside_furniture(doc)

    def copy(self, doc: Doc, parts: list[tuple[Doc, Sequence[int]]]) -> None:
        """Entities of the parts at their places in `doc`; one that would straddle cut-out furniture is dropped."""
        spans = []
        for part, chosen in parts:
            for ent in part.ents:
                start, last = chosen[ent.start], chosen[ent.end - 1]
                if last - start == ent.end - 1 - ent.start:
                    spans.append(Span(doc, start, last + 1, label=ent.label))
        doc.set_ents(spans, default="outside")
