"""The `release-nlp` command line: a thin typer layer over the batch runner and the report."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import regex
import typer
from rich.progress import ProgressColumn, Task
from rich.text import Text

from release_nlp.io.sources import Document

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract people, organisations, places, dates, figures, quotes and contacts from press releases.",
)


class OutputFormat(StrEnum):
    """What `extract` writes."""

    jsonl = "jsonl"
    parquet = "parquet"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("release_nlp")
        except PackageNotFoundError:  # run from a source tree that is not installed
            number = "unknown (not installed)"
        typer.echo(f"release-nlp {number}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """release_nlp's command line."""
    _quiet_logging()


def _quiet_logging() -> None:
    """release_nlp logs diagnostics (model loaded, workers started, timeouts); shown with RELEASE_NLP_LOG=INFO."""
    import logging
    import os

    level = os.environ.get("RELEASE_NLP_LOG")
    if level:
        logging.basicConfig(level=level.upper(), format="%(asctime)s %(name)s %(levelname)s: %(message)s")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders, .zip/.tar/.tar.gz archives, .jsonl and .csv files; '-' reads standard input.")],
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Output file (jsonl) or folder (parquet); default stdout.")]
    = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="JSON Lines or Parquet tables.")]
    = OutputFormat.jsonl,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 8,
    resume: Annotated[bool, typer.Option(help=(
        "Skip documents already in the output (same resolved path and content). A document that failed only "
        "because its worker died or it ran out of time is tried once more; a second such failure is final."))]
    = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help=(
        "Write to an output that is not release-nlp's: a JSON Lines file is replaced, a Parquet folder "
        "gets our tables beside its files (none of them is removed)."))] = False,
    include: Annotated[list[str] | None, typer.Option(help="Glob of files to read in folders (repeatable).")]
    = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of files to skip in folders (repeatable).")]
    = None,
    text_field: Annotated[str, typer.Option(help="JSON Lines / CSV field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON Lines / CSV field holding the document id.")] = "id",
    date_field: Annotated[str | None, typer.Option(
        help="JSON Lines / CSV field holding the issue date (used when the text states none).")] = None,
    date_from_name: Annotated[str | None, typer.Option(
        metavar="REGEX", help="Read the issue date from file and archive member names: a regex with a group "
        "(?P<date>...), e.g. '(?P<date>\\d{4}-\\d{2}-\\d{2})'.")] = None,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds allowed per document (0: no limit).")] = 60.0,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest document read, in bytes.")] = 5_000_000,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load.")] = None,
    progress: Annotated[bool | None, typer.Option(help="Progress bar (default: when stderr is a terminal).")]
    = None,
) -> None:
    """Extract releases. One input to stdout prints one pretty Release; otherwise one JSON record a line.

    A document that cannot be read or extracted becomes an error record, the run goes on, and
    the exit code is 1; 0 means every document was extracted; 2 means the run could not start or
    could not write its output (one line on stderr says why).
    """
    from release_nlp.batch.outputs import JsonlWriter, finished, open_writer, resume_key
    from release_nlp.batch.runner import run
    from release_nlp.errors import OutputError, ReleaseNLPError
    from release_nlp.io.sources import Limits, read_documents, with_dates_from_names
    from release_nlp.nlp.pipeline import model_name

    name_pattern = _date_pattern(date_from_name)
    _refuse_existing_output(fmt.value, output, resume=resume, overwrite=overwrite)
    try:
        model_name(model)
        writer = open_writer(fmt.value, output, overwrite=overwrite)
    except (ReleaseNLPError, ValueError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from err
    limits = Limits(max_bytes=max_bytes)

    skipped: dict[str, int] = {}

    def documents(skips: dict[str, int] | None = None) -> Iterator[Document]:
        found = read_documents(paths, include=include, exclude=exclude, text_field=text_field, id_field=id_field,
                               limits=limits, date_field=date_field, skipped=skips)
        return with_dates_from_names(found, name_pattern) if name_pattern else found

    single_pretty = fmt is OutputFormat.jsonl and output is None and (paths == ["-"] or (len(paths) == 1 and Path(
        paths[0]).suffix.lower() in (".txt", ".md", ".html", ".htm", ".markdown", ".text")))
    done = writer.done() if resume else {}

    def todo() -> Iterator[Document]:
        for doc in documents(skipped):
            if done and finished(done.get(resume_key(doc.source, doc.sha256), [])):
                skipped["already in the output"] = skipped.get("already in the output", 0) + 1
                continue
            yield doc

    show = sys.stderr.isatty() if progress is None else progress
    # Counting first reads every input twice: never for standard input, which can be read only once.
    total = _count(documents()) if show and "-" not in paths else None
    emitted = 0
    with _progress(show, total) as advance:
        if single_pretty and isinstance(writer, JsonlWriter):
            def emit(outcome):  # type: ignore[no-untyped-def]
                nonlocal emitted
                data = outcome.release if outcome.release is not None else outcome.record()
                typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
                emitted += 1
                advance()
        else:
            def emit(outcome):  # type: ignore[no-untyped-def]
                nonlocal emitted
                writer.write(outcome)
                emitted += 1
                advance()
        try:
            try:
                summary = run(todo(), emit, workers=workers, batch_size=batch_size, timeout=timeout or None,
                              model=model)
            finally:
                writer.close()
        except KeyboardInterrupt:
            typer.echo(f"interrupted after {emitted} documents; {_resume_hint(output)}", err=True)
            raise typer.Exit(130) from None
        except OutputError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(2) from err
    summary.skipped = skipped
    _report(summary, output)
    if summary.failures:
        raise typer.Exit(1)


@app.command()
def render(
    path: Annotated[Path, typer.Argument(help="A release (.txt, .md or .html).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("report.html"),
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load.")] = None,
) -> None:
    """Write a self-contained HTML report of one release: its text with every mention highlighted."""
    from release_nlp.api import extract
    from release_nlp.display import report_html
    from release_nlp.io.sources import Limits, read_documents
    from release_nlp.nlp.pipeline import load

    (doc,) = list(read_documents([str(path)], limits=Limits()))
    if doc.error_type or doc.text is None:
        typer.echo(f"{path}: {doc.error}", err=True)
        raise typer.Exit(1)
    release = extract(doc.text, format=doc.format, nlp=load(model))
    output.write_text(report_html(release, title=path.name), encoding="utf-8")
    typer.echo(str(output))


def _count(items: Iterator[Document]) -> int:
    """How many documents a run will see (a first pass, so the progress bar can show an ETA)."""
    count = 0
    for _ in items:
        count += 1
    return count


def _progress(show: bool, total: int | None):  # type: ignore[no-untyped-def]
    from contextlib import contextmanager

    @contextmanager
    def bar():  # type: ignore[no-untyped-def]
        if not show:
            yield lambda: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        # On stderr: stdout carries the records.
        with Progress(TextColumn("releases"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                      TimeRemainingColumn(), transient=False, redirect_stdout=False,
                      console=Console(stderr=True)) as prog:
            task = prog.add_task("extract", total=total)
            yield lambda: prog.advance(task)

    return bar()


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        """The task's speed."""
        return Text(f"{task.speed or 0:.1f} docs/s")


def _report(summary, output: Path | None) -> None:  # type: ignore[no-untyped-def]
    failed = ", ".join(f"{k}: {v}" for k, v in sorted(summary.failed.items())) or "none"
    skipped = ", ".join(f"{k}: {v}" for k, v in sorted(summary.skipped.items())) or "none"
    rate = summary.done / summary.seconds if summary.seconds else 0.0
    typer.echo(f"extracted {summary.done}, skipped {summary.skips} ({skipped}), failed {summary.failures} ({failed}); "
               f"{summary.seconds:.1f} s, {rate:.1f} docs/s; if stopped with Ctrl-C, {_resume_hint(output)}", err=True)


def _resume_hint(output: Path | None) -> str:
    if output is None:
        return "write to a file with -o to be able to resume"
    return "run the same command with --resume to go on where it stopped"


def _date_pattern(pattern: str | None) -> regex.Pattern[str] | None:
    """The compiled --date-from-name pattern, which must have a group named `date`."""
    if pattern is None:
        return None
    try:
        compiled = regex.compile(pattern)
    except regex.error as err:
        raise typer.BadParameter(f"not a regular expression: {err}", param_hint="--date-from-name") from err
    if "date" not in compiled.groupindex:
        raise typer.BadParameter("name the date's part with (?P<date>...)", param_hint="--date-from-name")
    return compiled


def _refuse_existing_output(fmt: str, output: Path | None, *, resume: bool, overwrite: bool) -> None:
    """Writing again into an earlier run's JSON Lines would duplicate every record: refuse, unless told.

    --resume goes on (skipping what is there); --overwrite starts afresh: the writer empties the file once
    it holds the file's lock, so a run still writing to it is refused, never cut off. (Parquet folders:
    see the writer.)
    """
    if fmt != "jsonl" or output is None or not output.is_file() or output.stat().st_size == 0:
        return
    if resume or overwrite:
        return
    typer.echo(f"{output} already exists: add --resume to go on where it stopped (skipping the documents it has), "
               "or --overwrite to replace it", err=True)
    raise typer.Exit(2)


if __name__ == "__main__":  # pragma: no cover
    app()
