"""release_nlp: read press releases into typed, validated `Release` objects.

>>> import release_nlp
>>> release = release_nlp.extract(text)
>>> release.people[0].name, release.people[0].titles
"""

from __future__ import annotations

import logging

from release_nlp import display as _display  # noqa: F401  (gives Release its notebook view)
from release_nlp.api import extract, extract_many
from release_nlp.errors import (
    DecodeError,
    DocumentTimeout,
    EmptyInput,
    InputTooLarge,
    InvalidDate,
    ModelNotInstalled,
    ReleaseNLPError,
    UnsupportedFormat,
    WorkerCrashed,
)
from release_nlp.io.tables import to_dataframes
from release_nlp.nlp.pipeline import load
from release_nlp.schema import (
    Contact,
    Dateline,
    DateMention,
    Failure,
    Figure,
    Mention,
    Organisation,
    Person,
    Place,
    Quote,
    Release,
    Section,
    Span,
)

__all__ = [
    "Contact",
    "DateMention",
    "Dateline",
    "DecodeError",
    "DocumentTimeout",
    "EmptyInput",
    "Failure",
    "Figure",
    "InputTooLarge",
    "InvalidDate",
    "Mention",
    "ModelNotInstalled",
    "Organisation",
    "Person",
    "Place",
    "Quote",
    "Release",
    "ReleaseNLPError",
    "Section",
    "Span",
    "UnsupportedFormat",
    "WorkerCrashed",
    "extract",
    "extract_many",
    "load",
    "to_dataframes",
]
__version__ = "0.1.0"

# Diagnostics (pipeline loaded, worker processes started, timeouts) go to the "release_nlp" logger; silent
# unless the application configures logging (e.g. logging.basicConfig(level=logging.INFO)).
logging.getLogger(__name__).addHandler(logging.NullHandler())
