"""The vectorised greedy decoder finds the entities spaCy's own decoder finds, from the same network."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from release_nlp.api import make_doc
from release_nlp.nlp.entity_decoder import GreedyEntityDecoder

from .conftest import EXAMPLES

# Entities at a text's first and last words, across and up to line breaks, next to white space,
# abbreviations with tokenizer norms, one-word entities and long ones.
EDGES = (
    "UNICEF\n\nGENEVA (5 March 2024) – The United Nations High Commissioner for Refugees, Filippo Grandi, "
    "met Sens. Ann Reyes, R-Ga., and officials of the World Food Programme in Port-au-Prince on "
    "Tuesday.\n  \nAbout the International Organization for Migration\n\nFor more information: "
    "Kabul, Afghanistan\nWHO"
)


def _entities(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def _both(nlp: Language, texts: list[str]) -> tuple[list[Doc], list[Doc]]:
    """The texts prepared as the pipeline does up to the recogniser, decoded by spaCy and by ours."""
    docs = [make_doc(nlp, text, "auto") for text in texts]
    for name in ("release_structure", "release_senter"):
        docs = [nlp.get_pipe(name)(doc) for doc in docs]
    theirs = list(nlp.get_pipe("ner").pipe([doc.copy() for doc in docs]))
    ours = [doc.copy() for doc in docs]
    GreedyEntityDecoder(nlp.get_pipe("ner"))(ours)
    return theirs, ours


@pytest.mark.integration
def test_same_entities_as_spacy_on_the_examples_and_edges(nlp: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + [EDGES, "Kenya", "the"]
    theirs, ours = _both(nlp, texts)
    assert sum(len(d.ents) for d in theirs) > 50
    for a, b in zip(theirs, ours, strict=True):
        assert _entities(b) == _entities(a)
        assert all(t.ent_iob_ in ("B", "I", "O") for t in b)


@pytest.mark.integration
def test_entities_stop_at_sentence_starts_as_spacys_do(nlp: Language) -> None:
    # Sentence starts inside names: no entity may begin on a word whose next word starts a sentence,
    # nor go on into it.
    words = ["Joe", "Biden", "met", "Amina", "Yusuf", "of", "the", "World", "Health", "Organization", "in",
             "New", "York", "City", "on", "Monday"]
    docs = []
    for cut in range(1, len(words)):
        starts = [True] + [i == cut for i in range(1, len(words))]
        docs.append(Doc(nlp.vocab, words=words, sent_starts=starts))
    theirs = list(nlp.get_pipe("ner").pipe([doc.copy() for doc in docs]))
    ours = [doc.copy() for doc in docs]
    GreedyEntityDecoder(nlp.get_pipe("ner"))(ours)
    for cut, (a, b) in enumerate(zip(theirs, ours, strict=True), start=1):
        assert _entities(b) == _entities(a), cut
        assert all(not (e.start < cut < e.end) for e in b.ents)


@pytest.mark.integration
def test_same_entities_as_spacy_on_the_corpus(nlp: Language, corpus: Path) -> None:
    paths = sorted(corpus.rglob("*.txt"))[::8]
    texts = [p.read_text(encoding="utf-8") for p in paths if "labels" not in p.parts]
    theirs, ours = _both(nlp, texts)
    assert sum(len(d.ents) for d in theirs) > 1000
    different = [i for i, (a, b) in enumerate(zip(theirs, ours, strict=True)) if _entities(a) != _entities(b)]
    assert different == []


@pytest.mark.integration
def test_docs_with_preset_entities_are_left_to_spacy(nlp: Language) -> None:
    decoder = GreedyEntityDecoder(nlp.get_pipe("ner"))
    doc = nlp.make_doc("Amina Yusuf visited Kano.")
    assert decoder.can_decode([doc])
    doc.ents = [Span(doc, 3, 4, label="GPE")]
    assert not decoder.can_decode([doc])


def test_a_model_of_another_shape_is_not_decoded() -> None:
    blank = spacy.blank("en")
    ner = blank.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2",
                                                  "state_type": "ner", "extra_state_tokens": False,
                                                  "hidden_width": 16, "maxout_pieces": 2, "use_upper": False,
                                                  "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2",
                                                              "pretrained_vectors": None, "width": 16, "depth": 1,
                                                              "embed_size": 100, "window_size": 1,
                                                              "maxout_pieces": 2, "subword_features": True}}})
    ner.add_label("ORG")
    blank.initialize()
    decoder = GreedyEntityDecoder(ner)
    assert not decoder.usable
    assert not decoder.can_decode([blank.make_doc("Acme Corp")])
