"""Token and sentence lookups by offset in O(log n), built once per doc.

`Token.sent` walks its sentence and `Doc.char_span` may miss; on a long run-on "sentence"
(a table, a list of figures, adversarial input) calling them per item is quadratic.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from functools import cache
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LOWER, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

_CACHE: weakref.WeakKeyDictionary[Doc, DocIndex] = weakref.WeakKeyDictionary()
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per doc: spaCy joins the tokens' texts again on every access."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


# Entity boundaries, not Spans: a Span holds its doc, and a value holding its key would keep every doc alive.
_ENTS: weakref.WeakKeyDictionary[Doc, tuple[bytes, list[tuple[int, int, int, int]]]] = weakref.WeakKeyDictionary()


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, found again only when the entity annotation changed: spaCy walks every token on each access."""
    marks = doc.to_array([ENT_IOB, ENT_TYPE]).tobytes()
    found = _ENTS.get(doc)
    if found is None or found[0] != marks:
        found = _ENTS[doc] = (marks, [(e.start, e.end, e.label, e.kb_id) for e in doc.ents])
    return tuple(Span(doc, start, end, label=label, kb_id=kb_id) for start, end, label, kb_id in found[1])


def remember_text(doc: Doc, text: str) -> None:
    """Record the text `doc` was tokenised from (its `doc.text`, character for character)."""
    _TEXTS[doc] = text


class DocIndex:
    """Sorted token and sentence starts of one doc."""

    def __init__(self, doc: Doc) -> None:
        # A weak reference: the cache below is keyed weakly by the doc, and a strong one here would keep
        # every doc (and all it holds) alive for the life of the process.
        self._doc = weakref.ref(doc)
        # From the doc's arrays: iterating its tokens or sentences makes a Python object per token.
        self.token_starts: list[int] = doc.to_array(IDX).tolist()
        marks = doc.to_array(SENT_START).astype("int64")  # 1 starts a sentence, -1 does not, 0 unknown
        self.sent_starts: list[int] = [0, *(numpy.flatnonzero(marks[1:] == 1) + 1).tolist()]

    @property
    def doc(self) -> Doc:
        """The indexed doc (alive while anyone uses its index)."""
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the indexed doc is gone")
        return doc

    def token_at(self, char: int) -> Token | None:
        """The first non-space token that starts at or after `char`, or contains it."""
        i = max(0, bisect_right(self.token_starts, char) - 1)
        doc = self.doc
        if i < len(doc) and doc[i].idx + len(doc[i]) <= char:
            i += 1
        while i < len(doc) and doc[i].is_space:
            i += 1
        return doc[i] if i < len(doc) else None

    def token_starting_at(self, char: int) -> int | None:
        """Index of the token that starts exactly at `char`, if one does."""
        i = bisect_right(self.token_starts, char) - 1
        return i if i >= 0 and self.token_starts[i] == char else None

    def token_index(self, char: int) -> int:
        """Index of the token containing `char` (or the one before it)."""
        return max(0, bisect_right(self.token_starts, char) - 1)

    def sentence(self, token_i: int) -> Span:
        """The sentence of token `token_i`."""
        k = bisect_right(self.sent_starts, token_i) - 1
        start = self.sent_starts[max(0, k)]
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.doc[start:end]


def index_of(doc: Doc) -> DocIndex:
    """The doc's index, built on first use and kept while the doc lives."""
    found = _CACHE.get(doc)
    if found is None:
        found = _CACHE[doc] = DocIndex(doc)
    return found


@cache
def _string_ids(words: frozenset[str]) -> numpy.ndarray[Any, numpy.dtype[numpy.uint64]]:
    """The string ids of `words`, as spaCy's arrays hold them (the same in every vocab)."""
    strings = StringStore()
    return numpy.array([strings.add(word) for word in words], dtype=numpy.uint64)


def positions_of(doc: Doc, lower_forms: frozenset[str]) -> list[int]:
    """Indexes of the tokens whose lower-case form is one of `lower_forms`.

    Found in the doc's array of lower-case forms: iterating the doc makes a Token object per word.
    """
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _string_ids(lower_forms))).tolist()
