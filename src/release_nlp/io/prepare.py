"""Prepare input text: sniff its format and take markup out without moving any character.

Markdown markup (`**bold**`, `_em_`, `[text](url)`, `# `) is blanked with spaces of the same
length, so every offset in the `Release` points into the text the user passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from release_nlp.errors import EmptyInput, InputTooLarge, UnsupportedFormat

Format = Literal["auto", "text", "markdown", "html"]
FORMATS = ("auto", "text", "markdown", "html")
MAX_CHARS = 5_000_000  # default size limit of one release; spaCy's max_length is raised to match
HTML_SIGNS = regex.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", regex.IGNORECASE)

MD_LINK = regex.compile(r"!?\[([^\[\]\n]{0,500})\]\(([^()\s]{0,2000})\)")
MD_EMPHASIS = regex.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*])")
MD_HEADING = regex.compile(r"(?m)^[ \t]{0,3}(#{1,6}|>+)[ \t]")
MD_SIGNS = regex.compile(r"\*\*\S|\]\(|(?m)^#{1,6} ")


def sniff(text: str) -> Literal["text", "markdown", "html"]:
    """`html` for an HTML page, `markdown` when the text carries Markdown markup, else `text`."""
    if HTML_SIGNS.search(text[:2000]) or len(regex.findall(r"</(?:p|div|h[1-6]|li|a|span)>", text[:20000])) >= 3:
        return "html"
    return "markdown" if MD_SIGNS.search(text) else "text"


@dataclass(frozen=True)
class Prepared:
    """The text the pipeline reads, and what the page's markup said (HTML only)."""

    text: str
    title: str | None = None
    published: str | None = None
    extracted: bool = False  # the text was taken out of the input (HTML), so offsets point into `text`, not the input


def html_to_text(page: str) -> Prepared:
    """The main content of an HTML page (trafilatura), headline first, with the page's title and date.

    Offsets in the `Release` then point into this extracted text (kept as `Release.text`).
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                            include_tables=True, favor_precision=True)
    if extracted is None:
        raise EmptyInput("no main content found in the HTML page")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip() or None
    if len(body.split()) < 5:  # a menu entry or two is no release
        raise EmptyInput("no main content found in the HTML page")
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    published = data.get("date") or None
    return Prepared(text, title, published if isinstance(published, str) and len(published) >= 10 else None,
                    extracted=True)


def _blank(m: regex.Match[str]) -> str:
    return " " * len(m.group())


def blank_markdown(text: str) -> str:
    """Markdown with its markup replaced by spaces: same length, same offsets."""

    def link(m: regex.Match[str]) -> str:
        label = m.group(1)
        return " " * (m.start(1) - m.start()) + label + " " * (m.end() - m.end(1))

    text = MD_LINK.sub(link, text)
    text = MD_HEADING.sub(_blank, text)
    return MD_EMPHASIS.sub(_blank, text)


def prepare_input(text: str, fmt: str = "auto", max_chars: int | None = None) -> Prepared:
    """What the pipeline reads: plain text as is, Markdown blanked (same length), HTML's main content.

    Raises:
        EmptyInput: the text is empty or white space.
        UnsupportedFormat: `fmt` is not one of `auto`, `text`, `markdown`, `html`.
    """
    if fmt not in FORMATS:
        raise UnsupportedFormat(f"format {fmt!r} is not supported; use one of {', '.join(FORMATS)}")
    if not isinstance(text, str):
        raise UnsupportedFormat(f"extract() takes the release's text as str, not {type(text).__name__}")
    if not text or not text.strip():
        raise EmptyInput("the input has no text: pass the release's text (a non-empty string)")
    limit = MAX_CHARS if max_chars is None else max_chars
    if len(text) > limit:
        raise InputTooLarge(f"{len(text):,} characters is over the limit of {limit:,}: split the file into "
                            "releases, or pass a larger max_chars")
    kind = sniff(text) if fmt == "auto" else fmt
    if kind == "html":
        return html_to_text(text)
    return Prepared(blank_markdown(text) if kind == "markdown" else text)


def prepare(text: str, fmt: str = "auto") -> str:
    """The text the pipeline reads (see `prepare_input`)."""
    return prepare_input(text, fmt).text
