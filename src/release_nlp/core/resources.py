"""Read the data files under `release_nlp/models` through package resources."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def read_text(name: str) -> str:
    """Return the text of the data file `name` shipped in `release_nlp/models`."""
    return resources.files("release_nlp").joinpath("models").joinpath(name).read_text(encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    """Parse a JSON data file once per process."""
    return json.loads(read_text(name))


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Parse a JSON Lines data file (one record a line, `#` comments allowed) once per process."""
    rows = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(json.loads(line))
    return tuple(rows)


def data_dir(name: str) -> Path | None:
    """The folder `name` shipped in `release_nlp/models`, on disk, or None when it is not there."""
    entry = resources.files("release_nlp").joinpath("models").joinpath(name)
    path = Path(str(entry))
    return path if path.is_dir() else None
