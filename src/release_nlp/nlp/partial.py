"""Statistical components run on part of each doc.

The English pipeline's components cost time in proportion to the tokens they see. Where only some
tokens matter (the words after a figure for the tagger, everything but page furniture for the
entity recogniser), a component of ours builds a small doc of those tokens, runs the disabled
statistical components on it, and copies their annotation back.

Long texts are run in parts of at most `MAX_PART_TOKENS` tokens, cut at sentence starts: the
statistical components' working memory grows with the doc they are given, and a release of
several million characters would otherwise need gigabytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH, NORM, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.core.docindex import text_of

MAX_PART_TOKENS = 20_000


def pieces(doc: Doc, chosen: Sequence[int]) -> list[Sequence[int]]:
    """`chosen` in runs of at most `MAX_PART_TOKENS`, each after the first starting a sentence where one is near."""
    out: list[Sequence[int]] = []
    start = 0
    while len(chosen) - start > MAX_PART_TOKENS:
        end = start + MAX_PART_TOKENS
        floor = start + MAX_PART_TOKENS * 3 // 4
        cut = next((k for k in range(end, floor, -1) if doc[chosen[k]].is_sent_start), end)
        out.append(chosen[start:cut])
        start = cut
    out.append(chosen[start:])
    return out


def part_of(doc: Doc, chosen: Sequence[int], marks: Any = None) -> Doc:
    """A new doc of the tokens `chosen` (ascending indexes into `doc`), with what the components read of them.

    Words and spacing, and two token attributes a doc made from words lacks: the norm the tokenizer gave
    an abbreviation ("Ga." -> "Georgia", "Sept." -> "September"), which the networks embed, and the
    sentence starts, which the recogniser reads (an entity does not cross one, such as the line break
    after a heading). `marks` is `token_marks(doc)` when the caller cuts several parts.
    """
    marks = token_marks(doc) if marks is None else marks
    rows = marks[numpy.asarray(chosen, dtype=numpy.int64)]
    # Words are sliced from the text by offset: a Token object per word would cost more than the slicing.
    text = text_of(doc)
    words = [text[start:start + length] for start, length in rows[:, 2:4].tolist()]
    part = Doc(doc.vocab, words=words, spaces=rows[:, 4].astype(bool).tolist())
    if len(part):
        part.from_array([NORM, SENT_START], rows[:, :2])
    return part


def token_marks(doc: Doc) -> Any:
    """The token attributes `part_of` reads, one row per token: norm, sentence start, offset, length, space."""
    return doc.to_array([NORM, SENT_START, IDX, LENGTH, SPACY])


class PartialRunner:
    """Base of components that run statistical components (by name) on part of each doc.

    Subclasses say which tokens (`choose`) and what to copy back (`copy`); `None` from `choose`
    means the whole doc, which is then annotated in place with no copy.
    """

    def __init__(self, nlp: Language, name: str, components: Sequence[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.components = tuple(components)

    def choose(self, doc: Doc) -> Sequence[int] | None:
        """Indexes of the tokens to run on, `[]` for none, `None` for all."""
        raise NotImplementedError

    def copy(self, doc: Doc, parts: list[tuple[Doc, Sequence[int]]]) -> None:
        """Copy the annotation of `parts` (each made of the tokens of `doc` it is paired with) back to `doc`."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        self._run([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Process a stream of docs, each batch in one call of the statistical components."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self._run(batch)
            yield from batch

    def _run(self, docs: list[Doc]) -> None:
        whole: list[Doc] = []
        jobs: list[tuple[Doc, list[Sequence[int]]]] = []
        for doc in docs:
            chosen = self.choose(doc)
            if chosen is None and len(doc) <= MAX_PART_TOKENS:
                whole.append(doc)
            elif chosen is None or chosen:
                jobs.append((doc, pieces(doc, range(len(doc)) if chosen is None else chosen)))
        self._annotate(whole)
        # The parts of all docs are annotated together: a doc's few chosen words make a part too small to
        # fill the networks' matrices, and each call of the components has a fixed cost.
        made = []
        for doc, doc_pieces in jobs:
            marks = token_marks(doc)  # once per doc, not per part
            made.append((doc, [(part_of(doc, piece, marks), piece) for piece in doc_pieces]))
        self._annotate([part for _, parts in made for part, _ in parts], parts=True)
        for doc, parts in made:
            self.copy(doc, parts)

    def annotate_batch(self, batch: list[Doc]) -> None:
        """Run the statistical components on `batch` (at most `MAX_PART_TOKENS` tokens), in place."""
        stream: Iterable[Doc] = batch
        for component in self.components:
            stream = self.nlp.get_pipe(component).pipe(stream, batch_size=len(batch))  # type: ignore[attr-defined]
        for _ in stream:
            pass

    def _annotate(self, docs: list[Doc], parts: bool = False) -> None:
        """Annotate `docs` in place, in batches of at most `MAX_PART_TOKENS` tokens (the components' memory).

        The tok2vec output of `parts` is dropped once their batch is annotated: read, it is only memory.
        """
        batch: list[Doc] = []
        size = 0
        for doc in [*docs, None]:
            if batch and (doc is None or size + len(doc) > MAX_PART_TOKENS):
                self.annotate_batch(batch)
                if parts:
                    for part in batch:
                        part.tensor = numpy.zeros((0,), dtype="float32")
                batch, size = [], 0
            if doc is not None:
                batch.append(doc)
                size += len(doc)
