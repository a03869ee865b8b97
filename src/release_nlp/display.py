"""See what was extracted: the release text with every mention highlighted, and compact tables.

Highlighting is displaCy's span renderer (overlapping mentions, such as a person inside a
quote, stay visible); the normalised value of each mention (resolved date, figure value,
unit and qualifier, country code) is its link text, escaped like every other piece of the
untrusted input. Page furniture is shaded grey.
"""

from __future__ import annotations

import html
from functools import cache
from typing import TYPE_CHECKING, Any

from release_nlp.schema import Release, set_html_view

if TYPE_CHECKING:
    from spacy.language import Language

COLOURS = {
    "PERSON": "#fdd49e", "TITLE": "#fee8c8", "ORG": "#c6dbef", "PLACE": "#c7e9c0", "DATE": "#dadaeb",
    "FIGURE": "#fcbba1", "QUOTE": "#f0f0f0", "FURNITURE": "#d9d9d9",
}
# Labels stay compact; the normalised value shows when the pointer rests on a label.
SPAN_CSS = """
.release-nlp .spans a { display: none; }
.release-nlp .spans span:hover > a { display: block; white-space: nowrap; background: #fff; border: 1px solid #999;
  padding: 2px 4px; margin-top: 2px; }
.release-nlp .spans span:hover { z-index: 20 !important; }
"""
CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; max-width: 70em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
.legend span { display: inline-block; padding: 0.2em 0.6em; margin-right: 0.4em; border-radius: 0.3em; }
"""


@cache
def _tokenizer() -> Language:
    import spacy

    return spacy.blank("en")


def _spans(release: Release) -> list[dict[str, Any]]:
    """Character spans with label and normalised value, for every mention of every item."""
    out: list[dict[str, Any]] = []

    def add(start: int, end: int, label: str, value: str = "") -> None:
        out.append({"start": start, "end": end, "label": label, "value": value})

    for section in release.sections:
        if section.kind == "furniture":
            add(section.start, section.end, "FURNITURE", "page furniture: not read")
    text = release.text or ""
    folded = text.casefold()
    for p in release.people:
        detail = "; ".join(filter(None, [", ".join(p.titles), p.organisation or ""]))
        for m in p.mentions:
            add(m.start, m.end, "PERSON", f"{p.name}" + (f" ({detail})" if detail else ""))
        # A title is printed near one of its holder's mentions ("Director General Amy Pope").
        for title in p.titles:
            for m in p.mentions:
                lo, hi = max(0, m.start - 160), min(len(text), m.end + 160)
                at = folded.find(title.casefold(), lo, hi)
                if at >= 0:
                    add(at, at + len(title), "TITLE", f"title of {p.name}")
                    break
    for o in release.organisations:
        for m in o.mentions:
            add(m.start, m.end, "ORG", o.name + (f" ({o.acronym})" if o.acronym and o.acronym != o.name else ""))
    for pl in release.places:
        for m in pl.mentions:
            add(m.start, m.end, "PLACE", f"{pl.country_code or '—'} {pl.kind}")
    for d in release.dates:
        value = "unresolved" if d.start is None else (
            str(d.start) if d.start == d.end else f"{d.start}…{d.end}")
        add(d.span.start, d.span.end, "DATE", value)
    for f in release.figures:
        amount = f"{f.value:g}" + (f"–{f.high:g}" if f.high is not None else "")
        add(f.span.start, f.span.end, "FIGURE", f"{amount} {f.unit or ''} [{f.qualifier}]".strip())
    for q in release.quotes:
        add(q.span.start, q.span.end, "QUOTE", f"said by {q.speaker or 'unknown'}")
    return out


def highlighted_html(release: Release) -> str:
    """The release text with its mentions highlighted (displaCy span style)."""
    from spacy import displacy

    text = release.text or ""
    if not text:
        return "<p><em>The release text is not kept with this Release (it was loaded from JSON).</em></p>"
    doc = _tokenizer()(text)
    spans = []
    for s in _spans(release):
        span = doc.char_span(s["start"], s["end"], alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        spans.append({"start_token": span.start, "end_token": span.end, "label": s["label"],
                      "kb_id": html.escape(s["value"]), "kb_url": "#"})
    data = {"text": text, "tokens": [t.text for t in doc], "spans": spans}
    rendered: str = displacy.render(data, style="span", manual=True, jupyter=False,
                                    options={"colors": COLOURS})
    return rendered


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def release_html(release: Release) -> str:
    """An HTML fragment: header fields, legend, highlighted text, and tables of people, figures and dates."""
    dl = release.dateline
    header = (f"<h2>{html.escape(release.title or '(no headline found)')}</h2>"
              f"<p>Published: {html.escape(str(release.published or '—'))}; dateline: "
              f"{html.escape((dl.place or '—') if dl else '—')}</p>")
    legend = '<p class="legend">' + "".join(
        f'<span style="background:{c}">{label.title()}</span>' for label, c in COLOURS.items()) + "</p>"
    tables = (
        "<h3>People</h3>" + _table(["Name", "Titles", "Organisation"],
                                   [[p.name, ", ".join(p.titles), p.organisation] for p in release.people])
        + "<h3>Figures</h3>" + _table(["Text", "Value", "High", "Qualifier", "Unit", "Category"],
                                      [[f.text, f"{f.value:g}", f.high, f.qualifier, f.unit, f.category]
                                       for f in release.figures])
        + "<h3>Dates</h3>" + _table(["Text", "Start", "End", "Granularity"],
                                    [[d.text, d.start, d.end, d.granularity] for d in release.dates])
    )
    return (f'<div class="release-nlp"><style>{SPAN_CSS}</style>{header}{legend}'
            f'<p><em>Rest the pointer on a label to see the value read.</em></p>'
            f'{highlighted_html(release)}{tables}</div>')


def report_html(release: Release, title: str = "release") -> str:
    """A self-contained HTML page (inline style, no network resources) of `release_html`."""
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{CSS}</style></head><body>{release_html(release)}</body></html>")


set_html_view(release_html)
