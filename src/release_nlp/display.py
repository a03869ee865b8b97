"""See what was extracted: the release's own text with every mention marked in place, and tables under it.

The text view is built from character offsets into `Release.text`, so the release keeps its own
characters, line breaks and paragraphs. Each mention is a `<mark>` whose `title` (shown on hover)
and `data-value` (shown on keyboard focus) give the value read; nothing is a link. Page
furniture is greyed and smaller. Everything from the release is escaped: the text is untrusted.
The same fragment is the notebook view of `Release` and the body of `report_html`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from release_nlp.schema import Figure, Release, set_html_view

# (kind, legend label, background, underline): backgrounds from ColorBrewer's light sequential ranges,
# underlines a darker shade of each, so the kinds stay apart in print and for readers weak on colour.
KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("person", "Person", "#fdd49e", "#d94801"),
    ("title", "Title", "#fff1dc", "#fd8d3c"),
    ("org", "Organisation", "#c6dbef", "#2171b5"),
    ("place", "Place", "#c7e9c0", "#238b45"),
    ("date", "Date", "#dadaeb", "#6a51a3"),
    ("figure", "Figure", "#fcbba1", "#cb181d"),
    ("quote", "Quote", "#fff7bc", "#cc9a06"),
    ("contact", "Contact", "#ccece6", "#238b8b"),
)
# Nesting order when two marks cover the same characters: the outer kind first.
_RANK = {kind: i for i, kind in enumerate(("furniture", "headline", "quote", "org", "place", "person", "title",
                                           "date", "figure", "contact"))}

_MARK_CSS = "".join(
    f".release-nlp mark.rn-{kind}{{background:{bg};border-bottom:2px solid {line};}}"
    f".release-nlp .legend .rn-{kind}{{background:{bg};border-bottom:2px solid {line};}}"
    for kind, _, bg, line in KINDS)
# Scoped under .release-nlp so the notebook view leaves the rest of the notebook alone.
STYLE = """
.release-nlp{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f1f1f;background:#fff;
  line-height:1.5;max-width:62em;padding:0.5em 0}
.release-nlp h2{font-size:1.35em;margin:0 0 0.3em}
.release-nlp .summary{color:#444;margin:0 0 0.6em}
.release-nlp .legend{margin:0.4em 0;font-size:0.9em}
.release-nlp .legend span{display:inline-block;padding:0 0.45em;margin:0 0.35em 0.3em 0;border-radius:3px}
.release-nlp .legend .rn-furniture{color:#8a8a8a;font-size:0.9em;border:1px dashed #bbb}
.release-nlp .hint{color:#666;font-size:0.85em;margin:0 0 0.8em}
.release-nlp .text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.02em;line-height:1.75;
  border:1px solid #e3e3e3;border-radius:4px;padding:1em 1.2em;margin:0 0 1.5em;max-width:48em}
.release-nlp .text .rn-headline{font-weight:600;font-size:1.12em}
.release-nlp .text .rn-furniture{display:block;color:#8a8a8a;font-size:0.85em;font-weight:normal;line-height:1.4}
.release-nlp .text .rn-furniture.long{columns:13em auto;column-gap:2em}
.release-nlp mark{color:inherit;border-radius:2px;position:relative;-webkit-box-decoration-break:clone;
  box-decoration-break:clone}
.release-nlp mark.rn-quote{border-bottom-style:dashed}
.release-nlp mark.rn-figure{font-weight:600}
.release-nlp mark:focus{outline:2px solid #1f1f1f;outline-offset:1px}
.release-nlp mark:focus::after{content:attr(data-value);position:absolute;left:0;top:100%;z-index:10;
  white-space:nowrap;background:#1f1f1f;color:#fff;font-size:0.8rem;font-weight:normal;line-height:1.4;
  padding:0.15em 0.45em;border-radius:3px;margin-top:3px}
.release-nlp h3{font-size:1.05em;margin:1.3em 0 0.3em}
.release-nlp h3 .count{color:#777;font-weight:normal}
.release-nlp table{border-collapse:collapse;font-size:0.9em;width:100%;max-width:62em}
.release-nlp th,.release-nlp td{border-bottom:1px solid #ddd;padding:0.3em 0.6em;text-align:left;vertical-align:top}
.release-nlp th{background:#f3f3f3;font-weight:600}
.release-nlp .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.release-nlp td.none{color:#888;font-style:italic}
@media print{
  .release-nlp{max-width:none}
  .release-nlp mark,.release-nlp .legend span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .release-nlp mark:focus::after{display:none}
  .release-nlp .hint{display:none}
  .release-nlp .text{border:none;padding:0}
  .release-nlp tr{break-inside:avoid}
}
""" + _MARK_CSS
_LONG_FURNITURE = 20  # lines
PAGE_STYLE = "body{margin:2em auto;padding:0 1.5em;max-width:64em;background:#fff}"


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str
    value: str = ""


def _amount(value: float) -> str:
    """A number written out with thousands separators, never in e-notation (2500000.0 → "2,500,000")."""
    if value.is_integer():
        return f"{int(value):,}"
    # The shortest decimal that reads back as the float, in positional notation (1e-07 → "0.0000001").
    return format(Decimal(repr(value)), ",f")


def _figure_value(f: Figure) -> str:
    amount = _amount(f.value) + (f"–{_amount(f.high)}" if f.high is not None else "")
    qualifier = "" if f.qualifier in ("exact", "range") else f" ({f.qualifier.replace('_', ' ')})"
    return f"{amount} {f.unit or ''}".strip() + qualifier


@cache
def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", "")) if country else ""


def _country(code: str | None) -> str:
    if not code:
        return ""
    name = _country_name(code)
    return f"{code} ({name})" if name else code


def _marks(release: Release) -> list[_Mark]:
    """Every mention of every item as a mark over the text, with the value read."""
    text = release.text or ""
    folded = text.casefold()
    # A long run of furniture (a site's country picker) is set in columns so the release stays in view.
    out = [_Mark(s.start, s.end, s.kind, "long" if text.count("\n", s.start, s.end) >= _LONG_FURNITURE else "")
           for s in release.sections if s.kind in ("furniture", "headline")]
    for p in release.people:
        detail = "; ".join(filter(None, [", ".join(p.titles), p.organisation or ""]))
        out += [_Mark(m.start, m.end, "person", f"Person: {p.name}" + (f" ({detail})" if detail else ""))
                for m in p.mentions]
        # The reader gives a person's titles, not where they are printed: mark each near one of the mentions.
        for title in p.titles:
            for m in p.mentions:
                at = folded.find(title.casefold(), max(0, m.start - 160), min(len(text), m.end + 160))
                if at >= 0:
                    out.append(_Mark(at, at + len(title), "title", f"Title of {p.name}"))
                    break
    for o in release.organisations:
        name = o.name + (f" ({o.acronym})" if o.acronym and o.acronym != o.name else "")
        out += [_Mark(m.start, m.end, "org", f"Organisation: {name}") for m in o.mentions]
    for pl in release.places:
        where = f"Place: {pl.name}, {pl.kind.replace('_', ' ')}" + (f", {_country(pl.country_code)}"
                                                                     if pl.country_code else "")
        out += [_Mark(m.start, m.end, "place", where) for m in pl.mentions]
    for d in release.dates:
        day = "unresolved" if d.start is None else (
            str(d.start) if d.start == d.end else f"{d.start} to {d.end}")
        out.append(_Mark(d.span.start, d.span.end, "date", f"Date: {day} ({d.granularity})"))
    for f in release.figures:
        out.append(_Mark(f.span.start, f.span.end, "figure", f"Figure: {_figure_value(f)}, {f.category}"))
    for q in release.quotes:
        out.append(_Mark(q.span.start, q.span.end, "quote", f"Quote by {q.speaker or 'an unknown speaker'}"))
    for c in release.contacts:
        out.append(_Mark(c.span.start, c.span.end, "contact",
                         "Contact: " + ", ".join(filter(None, [c.email, c.phone_e164 or c.phone, c.name, c.place]))))
    return [m for m in out if 0 <= m.start < m.end <= len(text)]


def _open(mark: _Mark) -> str:
    if mark.kind in ("furniture", "headline"):
        return f'<span class="rn-{mark.kind} {mark.value}">'
    value = html.escape(mark.value)
    return f'<mark class="rn-{mark.kind}" tabindex="0" title="{value}" data-value="{value}">'


def _close(mark: _Mark) -> str:
    return "</span>" if mark.kind in ("furniture", "headline") else "</mark>"


def highlighted_html(release: Release) -> str:
    """The release text, character for character, with its mentions marked in place.

    Marks nest (a person inside a quote); where two cross, the inner one is closed and reopened around the
    boundary, so the markup stays well formed and the text between the tags is exactly `release.text`.
    """
    text = release.text or ""
    if not text:
        return '<p class="hint">The release text is not kept with this Release (it was loaded from JSON).</p>'
    marks = sorted(_marks(release), key=lambda m: (m.start, -m.end, _RANK[m.kind]))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    parts: list[str] = []
    stack: list[_Mark] = []
    pending = 0
    at = 0
    for cut in cuts:
        parts.append(html.escape(text[at:cut]))
        at = cut
        if any(m.end == cut for m in stack):
            reopen: list[_Mark] = []
            while any(m.end == cut for m in stack):
                top = stack.pop()
                parts.append(_close(top))
                if top.end != cut:
                    reopen.append(top)
            for m in reversed(reopen):
                parts.append(_open(m))
                stack.append(m)
        while pending < len(marks) and marks[pending].start == cut:
            parts.append(_open(marks[pending]))
            stack.append(marks[pending])
            pending += 1
    return f'<div class="text">{"".join(parts)}</div>'


def _cell(value: Any) -> str:
    if isinstance(value, tuple):  # (text, css class)
        return f'<td class="{value[1]}">{html.escape(value[0])}</td>'
    return f"<td>{html.escape('' if value is None else str(value))}</td>"


def _table(title: str, headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f'<th class="num">{html.escape(h)}</th>' if h in _NUMERIC else f"<th>{html.escape(h)}</th>"
                   for h in headers)
    body = "".join("<tr>" + "".join(map(_cell, row)) + "</tr>" for row in rows) or (
        f'<tr><td class="none" colspan="{len(headers)}">None found.</td></tr>')
    return (f'<h3>{html.escape(title)} <span class="count">({len(rows)})</span></h3>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


_NUMERIC = {"Mentions", "Value", "High"}


def _num(value: float | int | None) -> tuple[str, str]:
    return ("" if value is None else _amount(float(value)), "num")


def _tables(release: Release) -> str:
    def rows(items: Iterable[Any], row: Callable[[Any], list[Any]]) -> list[list[Any]]:
        return [row(i) for i in items]

    return "".join((
        _table("People", ["Name", "Titles", "Organisation", "Mentions"], rows(
            release.people, lambda p: [p.name, ", ".join(p.titles), p.organisation, _num(len(p.mentions))])),
        _table("Organisations", ["Name", "Acronym", "Mentions"], rows(
            release.organisations, lambda o: [o.name, o.acronym, _num(len(o.mentions))])),
        _table("Places", ["Name", "Country", "Kind", "Mentions"], rows(
            release.places, lambda p: [p.name, _country(p.country_code), p.kind.replace("_", " "),
                                       _num(len(p.mentions))])),
        _table("Dates", ["Text", "From", "To", "Granularity"], rows(
            release.dates, lambda d: [d.text, d.start, d.end, d.granularity])),
        _table("Figures", ["Text", "Value", "High", "Qualifier", "Unit", "Category", "Place", "Date"], rows(
            release.figures, lambda f: [f.text, _num(f.value), _num(f.high), f.qualifier.replace("_", " "),
                                        f.unit, f.category, f.place, f.date])),
        _table("Quotes", ["Speaker", "Quote"], rows(release.quotes, lambda q: [q.speaker or "unknown", q.text])),
        _table("Contacts", ["E-mail", "Phone", "Name", "Place"], rows(
            release.contacts, lambda c: [c.email, c.phone_e164 or c.phone, c.name, c.place])),
    ))


def _summary(release: Release) -> str:
    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    dl = release.dateline
    return " · ".join(filter(None, [
        count(len(release.people), "person", "people"),
        count(len(release.organisations), "organisation", "organisations"),
        count(len(release.places), "place", "places"),
        count(len(release.dates), "date", "dates"),
        count(len(release.figures), "figure", "figures"),
        count(len(release.quotes), "quote", "quotes"),
        count(len(release.contacts), "contact", "contacts"),
        f"published {release.published or 'date not found'}",
        f"dateline {dl.place}" if dl and dl.place else "",
        f"language {release.language}",
    ]))


def release_html(release: Release) -> str:
    """An HTML fragment: headline, summary line, legend, the marked text, and one table per kind of item."""
    legend = "".join(f'<span class="rn-{kind}">{label}</span>' for kind, label, _, _ in KINDS)
    legend += '<span class="rn-furniture">Page furniture (not read)</span>'
    return (f'<div class="release-nlp"><style>{STYLE}</style>'
            f"<h2>{html.escape(release.title or '(no headline found)')}</h2>"
            f'<p class="summary">{html.escape(_summary(release))}</p>'
            f'<p class="legend">{legend}</p>'
            '<p class="hint">Rest the pointer on a marked word, or move to it with Tab, to see the value read.</p>'
            f"{highlighted_html(release)}{_tables(release)}</div>")


def report_html(release: Release, title: str = "release") -> str:
    """A self-contained HTML page (inline style, no network resources) of `release_html`."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}</style></head>"
            f"<body>{release_html(release)}</body></html>")


set_html_view(release_html)
