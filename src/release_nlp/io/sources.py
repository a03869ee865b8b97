"""Read documents from files, folders, zip and tar archives, JSON Lines, CSV and standard input.

Archives are read in place, member by member: nothing is ever written to disk, member
paths (absolute, `..`) are only names, links and devices are skipped, and the member
count and decompressed size are capped (a compressed tar's size counts every member
as it is decompressed, skipped ones too). JSON Lines are read a bounded line at a time:
a line over twice `--max-bytes` (room for escapes and other fields) is refused as it is
read, never held whole. Whatever cannot be read becomes a `Document` carrying an error,
so that a batch records it and goes on; whatever is passed over on purpose (links,
devices, nested archives, other file types) is counted in `skipped` with its reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import hashlib
import io
import json
import os
import stat
import sys
import tarfile
import zipfile
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import regex

from release_nlp.errors import InputTooLarge, ReleaseNLPError
from release_nlp.io.encoding import decode

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
Skips = MutableMapping[str, int]  # reason -> how many things were passed over for it


def _skip(skipped: Skips | None, reason: str) -> None:
    if skipped is not None:
        skipped[reason] = skipped.get(reason, 0) + 1


def _member_skip(name: str, is_link: bool) -> str | None:
    """Why an archive member is passed over, or None to read it."""
    lower = name.lower()
    if is_link:
        return "link in an archive"
    if lower.endswith(ARCHIVE_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES):
        return "archive, JSON Lines or CSV inside an archive"
    if not lower.endswith(TEXT_SUFFIXES):
        return "not a release file type"
    return None


@dataclass(frozen=True)
class Limits:
    """Caps that keep one input from exhausting the machine."""

    max_bytes: int = 5_000_000  # one document
    max_members: int = 100_000  # one archive
    max_archive_bytes: int = 2_000_000_000  # one archive, decompressed


@dataclass(frozen=True)
class Document:
    """One input document, or the record of why it could not be read."""

    source: str
    text: str | None = None
    format: str = "auto"
    error_type: str | None = None
    error: str | None = None
    encoding: str | None = None
    published: str | None = None  # the issue date the archive gives (ISO), when it gives one

    @property
    def sha256(self) -> str:
        """Hash of the document's text (or error)."""
        return hashlib.sha256((self.text or self.error or "").encode("utf-8")).hexdigest()


def _format_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    return "auto"


def _from_bytes(source: str, data: bytes, limits: Limits) -> Document:
    if len(data) > limits.max_bytes:
        err = InputTooLarge(f"{len(data):,} bytes is over the limit of {limits.max_bytes:,}; raise --max-bytes")
        return Document(source, error_type=type(err).__name__, error=str(err))
    try:
        text, encoding = decode(data)
    except ReleaseNLPError as err:
        return Document(source, error_type=type(err).__name__, error=str(err))
    return Document(source, text, _format_of(source), encoding=encoding)


def _error(source: str, err: BaseException) -> Document:
    return Document(source, error_type=type(err).__name__, error=str(err) or repr(err))


def _read_limited(stream: IO[bytes], limit: int) -> bytes:
    """At most `limit + 1` bytes: one more than allowed tells the caller the input is too large."""
    return stream.read(limit + 1)


def _zip_documents(path: Path, limits: Limits, skipped: Skips | None = None) -> Iterator[Document]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        yield _error(str(path), err)
        return
    with archive:
        total = 0
        for count, info in enumerate(archive.infolist()):
            source = f"{path}!{info.filename}"
            if count >= limits.max_members:
                yield _error(str(path), InputTooLarge(f"more than {limits.max_members} members; the rest is skipped"))
                return
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            if info.is_dir():
                continue
            reason = _member_skip(info.filename, is_link)
            if reason:
                _skip(skipped, reason)
                continue
            if total + info.file_size > limits.max_archive_bytes:
                yield _error(str(path), InputTooLarge("decompressed size over the archive limit; the rest is skipped"))
                return
            try:
                with archive.open(info) as member:
                    data = _read_limited(member, limits.max_bytes)
            except Exception as err:  # zlib.error, BadZipFile, CRC errors...: one member, one error record
                yield _error(source, err)
                continue
            total += len(data)
            yield _from_bytes(source, data, limits)


def _tar_documents(path: Path, limits: Limits, skipped: Skips | None = None) -> Iterator[Document]:
    try:
        archive = tarfile.open(path, mode="r:*")  # noqa: SIM115 (closed by the with below; opening may fail)
    except (tarfile.TarError, OSError, EOFError) as err:
        yield _error(str(path), err)
        return
    with archive:
        total = 0
        count = 0
        while True:
            try:
                info = archive.next()
            except Exception as err:  # a truncated or corrupt archive ends with an error record
                yield _error(str(path), err)
                return
            if info is None:
                return
            count += 1
            if count > limits.max_members:
                yield _error(str(path), InputTooLarge(f"more than {limits.max_members} members; the rest is skipped"))
                return
            # Reading on past a member decompresses it, read or not: its end in the decompressed stream counts.
            if info.offset_data + info.size > limits.max_archive_bytes:
                yield _error(str(path), InputTooLarge("decompressed size over the archive limit; the rest is skipped"))
                return
            # Only regular files: links, devices and fifos are skipped, never followed.
            if info.isdir():
                continue
            reason = "link or device in an archive" if not info.isreg() else _member_skip(info.name, False)
            if reason:
                _skip(skipped, reason)
                continue
            source = f"{path}!{info.name}"
            try:
                member = archive.extractfile(info)
                data = _read_limited(member, limits.max_bytes) if member is not None else b""
            except Exception as err:  # a corrupt member is one error record
                yield _error(source, err)
                continue
            total += len(data)
            yield _from_bytes(source, data, limits)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of `stream`; None for a line over `limit` bytes, which is read past, never held."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _is_text(value: str) -> bool:
    """Whether a JSON string is text: an unpaired surrogate escape is valid JSON but no text (nor UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _jsonl_documents(lines: Iterable[bytes | None], name: str, text_field: str, id_field: str,
                     limits: Limits, date_field: str | None = None) -> Iterator[Document]:
    for number, raw in enumerate(lines, start=1):
        fallback = f"{name}:{number}"
        if raw is None:
            yield Document(fallback, error_type="InputTooLarge",
                           error=f"a line over {2 * limits.max_bytes:,} bytes (twice --max-bytes); raise --max-bytes")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError) as err:  # RecursionError: a line nested thousands deep
            yield _error(fallback, err if isinstance(err, ValueError) else ValueError("JSON nested too deep"))
            continue
        if not isinstance(record, dict):
            yield Document(fallback, error_type="UnsupportedFormat", error="a JSON Lines record must be an object")
            continue
        ident = record.get(id_field)
        source = str(ident) if ident and _is_text(str(ident)) else fallback
        text = record.get(text_field)
        if not isinstance(text, str):
            yield Document(source, error_type="UnsupportedFormat",
                           error=f"no string field {text_field!r}; name it with --text-field")
            continue
        if not _is_text(text):
            yield Document(source, error_type="DecodeError", error="the text holds an unpaired surrogate escape")
            continue
        if len(text.encode("utf-8")) > limits.max_bytes:
            yield Document(source, error_type="InputTooLarge", error=f"over the limit of {limits.max_bytes:,} bytes")
            continue
        fmt = record.get("format")
        yield _with_date(Document(source, text, _format_of(str(fmt)) if fmt and isinstance(fmt, str) else "auto"),
                         record.get(date_field) if date_field else None)


def _matches(path: Path, include: list[str], exclude: list[str]) -> bool:
    name = path.as_posix()
    if include and not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(path.name, g) for g in include):
        return False
    return not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(path.name, g) for g in exclude)


def read_documents(
    paths: Iterable[str],
    *,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    text_field: str = "text",
    id_field: str = "id",
    limits: Limits = Limits(),
    date_field: str | None = None,
    skipped: Skips | None = None,
) -> Iterator[Document]:
    """Every document under `paths` (`-` is standard input), in a stable order.

    `date_field` names the JSON Lines or CSV field holding each document's issue date. What is passed
    over on purpose is counted in `skipped` by reason; a folder that cannot be listed is an error record.
    """
    include, exclude = include or [], exclude or []
    fields = (text_field, id_field, date_field)
    for raw in paths:
        if raw == "-":
            yield _from_bytes("<stdin>", sys.stdin.buffer.read(limits.max_bytes + 1), limits)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _folder_documents(path, include, exclude, *fields, limits, skipped)
        elif path.is_file():
            yield from _file_documents(path, *fields, limits, skipped)
        elif path.exists():
            yield Document(raw, error_type="UnsupportedFormat", error="not a regular file (a fifo, socket or device)")
        else:
            yield Document(raw, error_type="FileNotFoundError", error="no such file or folder")


def _folder_documents(folder: Path, include: list[str], exclude: list[str], text_field: str, id_field: str,
                      date_field: str | None, limits: Limits, skipped: Skips | None) -> Iterator[Document]:
    unreadable: list[OSError] = []
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                _skip(skipped, "link")  # never followed
        for name in names:
            child = Path(root) / name
            try:
                mode = child.lstat().st_mode
            except OSError as gone:
                unreadable.append(gone)
                continue
            if stat.S_ISLNK(mode):
                _skip(skipped, "link")
            elif not stat.S_ISREG(mode):
                _skip(skipped, "not a regular file (fifo, socket or device)")
            elif not name.lower().endswith(TEXT_SUFFIXES + ARCHIVE_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES):
                _skip(skipped, "not a release file type")
            elif not _matches(child, include, exclude):
                _skip(skipped, "left out by --include/--exclude")
            else:
                files.append(child)
    for err in unreadable:
        yield _error(str(err.filename or folder), err)
    for child in sorted(files):
        yield from _file_documents(child, text_field, id_field, date_field, limits, skipped)


def _file_documents(path: Path, text_field: str, id_field: str, date_field: str | None, limits: Limits,
                    skipped: Skips | None = None) -> Iterator[Document]:
    name = path.name.lower()
    try:
        if name.endswith(CSV_SUFFIXES):
            yield from csv_documents(path, text_field, id_field, date_field, limits)
            return
        if name.endswith(".zip"):
            yield from _zip_documents(path, limits, skipped)
        elif name.endswith(ARCHIVE_SUFFIXES):
            yield from _tar_documents(path, limits, skipped)
        elif name.endswith(JSONL_SUFFIXES):
            with path.open("rb") as handle:
                yield from _jsonl_documents(_bounded_lines(handle, 2 * limits.max_bytes), str(path), text_field,
                                            id_field, limits, date_field)
        else:
            with path.open("rb") as handle:
                yield _from_bytes(str(path), _read_limited(handle, limits.max_bytes), limits)
    except OSError as err:
        yield _error(str(path), err)


def csv_documents(path: Path, text_field: str, id_field: str, date_field: str | None,
                  limits: Limits) -> Iterator[Document]:
    """One document a row of a CSV file with a header row, named by the same fields as JSON Lines."""
    with path.open("rb") as handle:
        data = _read_limited(handle, limits.max_archive_bytes)
    if len(data) > limits.max_archive_bytes:
        yield _error(str(path), InputTooLarge(f"over the limit of {limits.max_archive_bytes:,} bytes"))
        return
    try:
        text, _ = decode(data)
    except ReleaseNLPError as err:
        yield _error(str(path), err)
        return
    csv.field_size_limit(max(limits.max_bytes + 1, 131_072))  # release texts are longer than csv's default cap
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    if reader.fieldnames is None or text_field not in reader.fieldnames:
        yield Document(str(path), error_type="UnsupportedFormat",
                       error=f"no column {text_field!r} in the header; name it with --text-field")
        return
    try:
        for row_number, row in enumerate(reader, start=2):  # as a spreadsheet numbers rows, the header first
            source = str(row.get(id_field) or f"{path}:{row_number}")
            body = row.get(text_field) or ""
            if len(body.encode("utf-8")) > limits.max_bytes:
                yield Document(source, error_type="InputTooLarge",
                               error=f"over the limit of {limits.max_bytes:,} bytes")
                continue
            yield _with_date(Document(source, body), row.get(date_field) if date_field else None)
    except csv.Error as err:
        yield _error(f"{path}:{reader.line_num}", err)


def _with_date(doc: Document, value: object) -> Document:
    """`doc` with the issue date an archive gives it; a value that is no date makes it an error record."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return doc
    day = parse_date(str(value))
    if day is None:
        return replace(doc, text=None, error_type="InvalidDate",
                       error=f"cannot read {value!r} as the issue date (use an ISO date such as 2024-03-05)")
    return replace(doc, published=day)


def parse_date(value: str) -> str | None:
    """An issue date as ISO (`2024-03-05`): ISO 8601 (also `20240305`), else what dateparser reads in full.

    dateparser runs strict (day, month and year all required), so "March 2024" or "5 March" is no date.
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10] if len(value) > 10 and value[10] in "T " else value).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def with_dates_from_names(docs: Iterable[Document], pattern: regex.Pattern[str]) -> Iterator[Document]:
    """Documents with the issue date their file or archive member name gives, through `pattern`'s group `date`.

    A date a JSON Lines or CSV field gives wins; a name whose date cannot be read leaves the document undated.
    """
    for doc in docs:
        if doc.published is None and doc.error_type is None:
            name = doc.source.rsplit("!", 1)[-1]
            found = pattern.search(name)
            day = parse_date(found.group("date")) if found and found.group("date") else None
            if day is not None:
                doc = replace(doc, published=day)
        yield doc
