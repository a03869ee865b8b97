"""Every custom Doc attribute release_nlp uses, declared in one place.

Values stored on docs are plain JSON-like data (dicts, lists, strings, numbers), so
docs keep them through `Doc.to_bytes`, `DocBin` and `nlp.pipe(n_process=2)`. The
`Release` itself is a getter over the stored dict.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from release_nlp.core.docindex import text_of
from release_nlp.schema import Release

# name -> default of each stored (serialisable) Doc attribute
STORED: dict[str, Any] = {
    # set before the pipeline: the issue date (the caller's, else an HTML page's markup's), and whether the
    # text was extracted from the input (HTML); see nlp/tokenizer.py `doc_of`
    "release_hints": None,
    "release_structure": None,  # headline, dateline, published (structure.py)
    "release_entities": None,  # people, organisations, places, quotes, contacts, officials
    "release_dates": None,  # list of date mention dicts
    "release_figures": None,  # list of figure dicts
    "release_json": None,  # the assembled Release as JSON-mode dict
}


def _release(doc: Doc) -> Release | None:
    data = doc._.release_json
    return None if data is None else Release.model_validate({**data, "text": text_of(doc)})


def register() -> None:
    """Declare the attributes; safe to call any number of times."""
    for name, default in STORED.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("release"):
        Doc.set_extension("release", getter=_release)
