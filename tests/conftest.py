"""Shared fixtures: a blank pipeline with our components, the real pipeline, and paths to shared material."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import release_nlp
from release_nlp.nlp import extensions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DEV = SHARED / "eval" / "dev"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real pipeline (statistical model plus our components), loaded once."""
    return release_nlp.load()


@pytest.fixture(scope="session")
def blank() -> Language:
    """`spacy.blank("en")` with our structure component: unit tests need no statistical model."""
    extensions.register()
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("release_structure")
    return pipeline


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def dev() -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev is not present")
    return DEV


def load_golden(name: str) -> dict:
    return json.loads((EXAMPLES / "golden" / f"{name}.json").read_text(encoding="utf-8"))
