"""Per-doc lookups read once: offsets, sentence starts, text and entities agree with spaCy's own."""

from __future__ import annotations

import gc
import weakref

import spacy
from spacy.tokens import Span

from release_nlp.core.docindex import ents_of, index_of, text_of
from release_nlp.nlp.tokenizer import GuardedTokenizer

TEXT = "Relief Agency Opens Depot\nKHARTOUM, 2 May 2023 - Aid reached Omdurman. Officials said more would follow."


def test_offsets_and_sentence_starts_match_the_doc() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    index = index_of(doc)
    assert index.token_starts == [t.idx for t in doc]
    assert index.sent_starts == [s.start for s in doc.sents]
    assert len(index.sent_starts) >= 2
    assert index_of(nlp.make_doc("")).sent_starts == [0]


def test_token_starting_at_finds_only_token_starts() -> None:
    doc = spacy.blank("en").make_doc(TEXT)
    index = index_of(doc)
    for token in doc:
        assert index.token_starting_at(token.idx) == token.i
    assert index.token_starting_at(doc[0].idx + 1) is None  # inside "Relief"
    assert index.token_starting_at(len(TEXT) + 5) is None


def test_text_is_the_docs_text_and_the_tokenizers_input() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc(TEXT)
    assert text_of(doc) == doc.text == TEXT
    guarded = GuardedTokenizer(nlp.tokenizer, max_run=10)
    long_run = TEXT + " " + "x" * 35
    assert text_of(guarded(long_run)) == long_run


def test_entities_follow_changes_to_the_annotation() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc(TEXT)
    assert ents_of(doc) == ()
    doc.ents = [Span(doc, 5, 6, label="GPE")]
    assert [(e.text, e.label_) for e in ents_of(doc)] == [("KHARTOUM", "GPE")]
    doc.ents = [Span(doc, 5, 6, label="ORG")]
    assert [(e.text, e.label_) for e in ents_of(doc)] == [("KHARTOUM", "ORG")]
    assert ents_of(doc) == doc.ents


def test_a_doc_read_through_the_lookups_is_freed_when_dropped() -> None:
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    doc.ents = [Span(doc, 5, 6, label="GPE")]
    assert ents_of(doc) and text_of(doc) and index_of(doc).token_starts
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None
