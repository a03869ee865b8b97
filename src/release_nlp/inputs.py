"""Prepare input text: sniff its format and take markup out without moving any character.

Markdown markup (`**bold**`, `_em_`, `[text](url)`, `# `) is blanked with spaces of the same
length, so every offset in the `Release` points into the text the user passed in.
"""

from __future__ import annotations

from typing import Literal

import regex

from .errors import EmptyInput, UnsupportedFormat

Format = Literal["auto", "text", "markdown"]
FORMATS = ("auto", "text", "markdown")

MD_LINK = regex.compile(r"!?\[([^\[\]\n]{0,500})\]\(([^()\s]{0,2000})\)")
MD_EMPHASIS = regex.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*])")
MD_HEADING = regex.compile(r"(?m)^[ \t]{0,3}(#{1,6}|>+)[ \t]")
MD_SIGNS = regex.compile(r"\*\*\S|\]\(|(?m)^#{1,6} ")


def sniff(text: str) -> Literal["text", "markdown"]:
    """`markdown` when the text carries Markdown markup, else `text`."""
    return "markdown" if MD_SIGNS.search(text) else "text"


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


def prepare(text: str, fmt: str = "auto") -> str:
    """The text the pipeline reads, as long as `text`.

    Raises:
        EmptyInput: the text is empty or white space.
        UnsupportedFormat: `fmt` is not one of `auto`, `text`, `markdown`.
    """
    if fmt not in FORMATS:
        raise UnsupportedFormat(f"format {fmt!r} is not supported; use one of {', '.join(FORMATS)}")
    if not text or not text.strip():
        raise EmptyInput("the input has no text: pass the release's text (a non-empty string)")
    kind = sniff(text) if fmt == "auto" else fmt
    return blank_markdown(text) if kind == "markdown" else text
