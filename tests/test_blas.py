"""Statistical components multiply matrices with numpy's BLAS, with the annotation BLIS gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from release_nlp.nlp.blas import use_numpy_blas
from release_nlp.nlp.pipeline import model_name, pipeline_config, trained_weights, use_trained_recogniser

from .conftest import EXAMPLES


def _uses_numpy(nlp: Language, name: str) -> bool:
    return all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in nlp.get_pipe(name).model.walk())


def test_named_components_switch_and_others_stay() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    nlp.add_pipe("senter")
    nlp.get_pipe("tagger").add_label("NN")
    nlp.initialize()
    use_numpy_blas(nlp, ["tagger", "not_a_component"])
    assert _uses_numpy(nlp, "tagger")
    assert not _uses_numpy(nlp, "senter")


@pytest.mark.integration
def test_loaded_pipeline_uses_numpy_blas(nlp: Language) -> None:
    for name in ("tok2vec", "tagger", "ner", "senter"):
        assert _uses_numpy(nlp, name), name


@pytest.mark.integration
def test_same_entities_and_tags_as_blis(nlp: Language) -> None:
    reference = spacy.load(model_name(), exclude=["lemmatizer", "parser", "attribute_ruler"])
    weights = trained_weights(pipeline_config()["statistical"])
    if weights is not None:  # the same recogniser weights as the pipeline under test
        use_trained_recogniser(reference, model_name(), weights)
    assert not _uses_numpy(reference, "ner")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts
    for text in texts:
        expected = reference(text)
        doc = nlp.make_doc(text)
        for name in ("tok2vec", "tagger", "ner"):
            doc = nlp.get_pipe(name)(doc)
        assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in expected.ents]
        assert [t.tag_ for t in doc] == [t.tag_ for t in expected]
