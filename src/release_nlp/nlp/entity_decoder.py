"""The statistical entity recogniser's greedy decoding, with the words outside entities scored at once.

spaCy's compiled decoder asks every action whether it is valid, for every word, through functions
that take and release Python's interpreter lock on each call; on this project's machine that is more
than half of the recogniser's time after its network. The decoding is simple for a doc whose
entities are not preset: with no entity open, the scores of a word's actions depend on that word
alone (the state's other features are padding), so they are computed for all words in one product;
inside an entity only two actions are valid, go on or end it, and only those two are scored, word
by word. The network is the model's own (`tok2vec`, `lower`, `upper`), its arithmetic in spaCy's
order, so the entities are the ones spaCy's decoder finds (compared on the corpus and examples in
the tests). A model of another shape, or docs with preset entities, are left to spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

Array = Any  # numpy arrays; thinc's types add nothing here


class GreedyEntityDecoder:
    """Entities of docs from a spaCy `ner` component's own network, decoded in numpy."""

    def __init__(self, ner: Any) -> None:
        model = ner.model
        self.ner = ner
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        self.upper = model.get_ref("upper") if model.attrs.get("has_upper") else None
        moves = ner.moves
        self.names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.usable = (
            type(moves).__name__ == "BiluoPushDown"
            and self.upper is not None
            and self.lower.get_dim("nF") == 3
            and self.lower.get_dim("nP") >= 2
            and self.upper.get_dim("nO") == len(self.names)
        )
        unseen = set(model.attrs.get("unseen_classes") or ())
        begin: list[int] = []
        unit: list[int] = []
        self.go_on: dict[str, int] = {}
        self.end: dict[str, int] = {}
        self.out = -1
        for i, name in enumerate(self.names):
            move, _, label = name.partition("-")
            if i in unseen:
                continue  # scored lowest of all by spaCy: never the best valid action
            if name == "O":
                self.out = i
            elif label and move == "B":
                begin.append(i)
            elif label and move == "U":
                unit.append(i)
            elif label and move == "I":
                self.go_on[label] = i
            elif label and move == "L":
                self.end[label] = i
        self.begin: Array = numpy.asarray(begin, dtype="intp")
        self.unit: Array = numpy.asarray(unit, dtype="intp")
        self.usable = self.usable and self.out >= 0

    def can_decode(self, docs: Sequence[Doc]) -> bool:
        """Whether `docs` are for this decoder: a usable model, and no entity annotation preset."""
        return self.usable and not any(doc.has_annotation("ENT_IOB") for doc in docs)

    def __call__(self, docs: Sequence[Doc]) -> None:
        """Set the entities of `docs` (no preset entities; see `can_decode`)."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        features = self.lower.predict(self.tok2vec.predict(docs))  # (1 + words, 3, hidden, pieces); row 0 pads
        bias = self.lower.get_param("b")
        weights, upper_bias = self.upper.get_param("W"), self.upper.get_param("b")  # type: ignore[union-attr]
        # No entity open: the state's features are the word, then padding twice; spaCy sums them in this order.
        pad = features[0]
        closed = self._maxout(((features[1:, 0] + pad[1]) + pad[2]) + bias) @ weights.T + upper_bias
        offset = 0
        for doc in docs:
            self._decode(doc, features, closed, offset, bias, weights, upper_bias)
            offset += len(doc)

    @staticmethod
    def _maxout(unmaxed: Array) -> Array:
        return unmaxed.max(axis=-1)

    def _decode(self, doc: Doc, features: Array, closed: Array, offset: int, bias: Array, weights: Array,
                upper_bias: Array) -> None:
        n = len(doc)
        starts = doc.to_array(SENT_START)
        space = doc.to_array(IS_SPACE).astype(bool)
        # The best action of each word with no entity open: out, begin (not on the last word, not across a
        # sentence start, not on white space) or a one-word entity (not on white space).
        scores = numpy.full((n, len(self.names)), -numpy.inf, dtype="float32")
        own = closed[offset:offset + n]
        scores[:, self.out] = own[:, self.out]
        can_unit = ~space
        can_begin = can_unit.copy()
        can_begin[-1] = False
        can_begin[:-1] &= starts[1:] != 1
        scores[numpy.ix_(can_begin, self.begin)] = own[numpy.ix_(can_begin, self.begin)]
        scores[numpy.ix_(can_unit, self.unit)] = own[numpy.ix_(can_unit, self.unit)]
        best = scores.argmax(axis=1)
        entities: list[Span] = []
        pending = numpy.flatnonzero(best != self.out)
        k = 0
        while k < len(pending):
            t = int(pending[k])
            name = self.names[best[t]]
            label = name[2:]
            if name[0] == "U":
                entities.append(Span(doc, t, t + 1, label=label))
                k += 1
                continue
            start, t = t, t + 1
            first = offset + start + 1
            go_on, end = self.go_on.get(label), self.end.get(label)
            while True:
                row = offset + t + 1  # the word; its entity's first word and the word before are the other features
                hidden = self._maxout(((features[row, 0] + features[first, 1]) + features[row - 1, 2]) + bias)
                can_go_on = go_on is not None and t < n - 1 and starts[t + 1] != 1
                # spaCy's decoder takes the first of equal best scores, and going on comes before ending.
                if end is None or (can_go_on and _score(hidden, weights, upper_bias, go_on)
                                   >= _score(hidden, weights, upper_bias, end)):
                    if not can_go_on:  # neither action valid: spaCy's decoder would stop the doc here
                        break
                    t += 1
                    continue
                entities.append(Span(doc, start, t + 1, label=label))
                break
            while k < len(pending) and pending[k] <= t:
                k += 1
        doc.set_ents(entities, default="outside")


def _score(hidden: Array, weights: Array, bias: Array, action: int | None) -> float:
    return float(hidden @ weights[action] + bias[action])
