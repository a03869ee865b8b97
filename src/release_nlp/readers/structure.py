"""Find the parts of a release in plain text: furniture, headline, dateline, body, notes, contacts.

Works on line shape alone (no markup): runs of short link-like lines, generic furniture
phrases, headings that open notes and contact blocks, and the dateline shapes that open
a body. Everything is character offsets into the text it is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

import regex

from release_nlp.core.resources import load_json
from release_nlp.readers.dates import parse_calendar_date
from release_nlp.readers.patterns import DASH, DATE, MONTHS, WEEKDAYS

LINE_BREAK = regex.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
SENTENCE_END = regex.compile(r"[.!?:;\"”’)]\s*$")
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*")
MARKUP = regex.compile(r"^[\s*_#>|-]+|[\s*_#|]+$")

# A dateline place: one to four capitalised words, optionally ", State/Country" or "/City".
_PLACE_WORD = r"(?:[\p{Lu}][\p{L}'’.\-]*)"
_PLACE_NAME = rf"{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}}"
_PLACE = rf"{_PLACE_NAME}(?:\s?/\s?{_PLACE_NAME}|,[ ]{_PLACE_NAME})?"
DATELINE = regex.compile(
    rf"""(?x)
    (?P<lead>\**)
    (?:(?P<place>{_PLACE})(?:,?\s(?P<date>{DATE}))?|(?P<dateonly>{DATE}))
    (?:\s?\((?P<pdate>{DATE})\))?
    (?:\s?\((?P<agency>\p{{Lu}}[\p{{Lu}}\p{{L}}-]{{1,12}})\))?
    (?:\s/[\p{{L}} ]{{2,30}}/)?
    \**\s{{0,4}}(?P<sep>(?<=\s){DASH}{{1,2}}|{DASH}{{1,2}}(?=\s)|:\**|(?=[\u2028\n]|$))
    """,
    regex.V1,
)
IMMEDIATE_RELEASE = regex.compile(r"for\s+immediate\s+release[\s:.\-–—]*", regex.IGNORECASE)
DATE_HEADER = regex.compile(
    rf"\**(?:(?:date|dated|published|posted|released|issued)\s*:?\s*)?\**(?P<date>{DATE})\**\s*$",
    regex.IGNORECASE | regex.V1,
)
CONTACT_OPENING = regex.compile(
    r"^[\s*_]*(?:(?:media|press|news)\s+)?(?:contacts?\s*:|for\s+(?:more|further)\s+(?:information|details)\b|"
    r"(?:media|press)\s+(?:contacts?|enquiries|inquiries)\b|for\s+(?:media\s+)?(?:enquiries|inquiries|interviews)\b)",
    regex.IGNORECASE,
)
WORD_START = regex.compile(r"(?<=\s)\S")
RUN_IN_LABEL = regex.compile(r"\s(?=(?:WHO|WHAT|WHEN|WHERE|WHY|HOW|SUMMARY|BACKGROUND):\s)")
RUN_IN_OPENER = regex.compile(
    r"(?<=[\p{Ll}\p{N})”’\"])\s+(?=(?:The|On|In|At|A|An|This|Today|Following|Over|More|As|After|During|With|"
    r"Since|For|From|By|Amid|Despite|According|Yesterday|Last)\s)"
)
NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {
    "for", "press", "release", "statement", "news", "update", "the", "today", "note", "contact",
    "who", "what", "when", "where", "why", "how",
}


@dataclass(frozen=True)
class Line:
    """One line of text: offsets of its content with surrounding space trimmed."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        """The line's words."""
        return WORD.findall(self.text)

    @property
    def key(self) -> str:
        """The line as a furniture phrase: case-folded words only."""
        return " ".join(w.casefold().strip(".'’") for w in self.words)


@dataclass
class Structure:
    """What `find_structure` found: sections and the release header fields."""

    sections: list[tuple[str, int, int]] = field(default_factory=list)
    title: tuple[int, int] | None = None
    dateline: dict[str, object] | None = None
    published: dt.date | None = None

    def kind_at(self, offset: int) -> str | None:
        """The kind of section the offset falls in."""
        for kind, start, end in self.sections:
            if start <= offset < end:
                return kind
        return None


@cache
def _phrases() -> dict[str, frozenset[str]]:
    data = load_json("furniture.json")
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with offsets of their trimmed content."""
    lines = []
    for m in LINE_BREAK.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


def _is_link_like(line: Line) -> bool:
    """A short line with no sentence punctuation: a menu entry, a country picker item, a tag."""
    words = line.words
    if not words or len(words) > 7 or "@" in line.text:
        return False
    if sum(ch.isdigit() for ch in line.text) >= 6:  # a phone number
        return False
    return not SENTENCE_END.search(line.text)


def _heading(line: Line, kind: str) -> bool:
    key = line.key
    if not key or len(line.words) > 9:
        return False
    phrases = _phrases()[kind]
    return key in phrases or any(key.startswith(p + " ") for p in phrases if len(p) > 8)


def _contact_opening(line: Line) -> bool:
    """`For more information, please contact:`, `Contact: Name, phone` and their kin open a contact block."""
    return _heading(line, "contact_headings") or bool(CONTACT_OPENING.match(line.text))


def _furniture_runs(lines: list[Line], min_run: int = 5) -> set[int]:
    """Indexes of lines in runs of `min_run` or more link-like lines.

    A run's last line that leads straight into a paragraph is the headline, not a menu entry.
    """
    marked: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and _is_link_like(line):
            run.append(i)
            continue
        if line is not None and run and len(line.words) > 12 and len(lines[run[-1]].words) >= 3:
            run.pop()
        if len(run) >= min_run:
            marked.update(run)
        run = []
    return marked


def _find_title(text: str, lines: list[Line], furniture: set[int]) -> int | None:
    """The first line that reads as a headline; None when the release opens with its dateline."""
    for i, line in enumerate(lines[:25]):
        if i in furniture:
            continue
        if len(line.words) >= 3 and not _heading(line, "line_furniture"):
            if _dateline_in(text, line.start, line.end, None):
                return None  # "KABUL, Afghanistan (Jan. 25, 2013)" or "Kampala, 2 May 2023 – The ...": no headline
            return i
    return None


def _title_end(text: str, line: Line) -> int:
    """Where a headline run into its first body sentence ends (the line's end when it is not run in)."""
    head = line.text
    labels = _phrases()["doc_type_labels"]
    # "... support in Kenya Backgrounder": a document-type label closes the headline.
    for label in labels:
        if head.casefold().endswith(" " + label) and len(head) > len(label) + 10:
            return line.start + len(head) - len(label) - 1
    if len(WORD.findall(head)) <= 12:
        return line.end
    # "... appeal 2018 WHO: Mark Lowcock ...": a media advisory's first label.
    m = RUN_IN_LABEL.search(head, 20)
    if m:
        return line.start + m.start()
    # "... saving more lives Monday, November 27 – With ...": a dateline inside the line.
    for m in WORD_START.finditer(head, 20):
        d = DATELINE.match(text, line.start + m.start(), line.end)
        if d and (d.group("date") or d.group("dateonly") or d.group("pdate")):
            return line.start + m.start() - 1
    # "... in the Caribbean The European Investment Bank (EIB) and ...": a sentence opener. In a
    # title-cased headline "The" and "In" are headline words, so only a very long line is split there.
    for m in RUN_IN_OPENER.finditer(head, 20):
        prefix_words = [w for w in WORD.findall(head[:m.start()]) if len(w) > 3]
        title_case = bool(prefix_words) and sum(w[0].isupper() for w in prefix_words) > 0.7 * len(prefix_words)
        if regex.search(r"[.!?]", head[m.end():]) and (not title_case or len(head) > 200):
            return line.start + m.start()
    return line.end


def _dateline_in(text: str, start: int, end: int, reference_year: int | None) -> dict[str, object] | None:
    """A dateline at `start` (a body's first line) or after "For Immediate Release" in that stretch."""
    anchors = [start]
    anchors += [found.end() for found in IMMEDIATE_RELEASE.finditer(text, start, end)]
    # Prefer an anchor after "For Immediate Release": the line's head is then a header, not a place.
    for anchor in reversed(anchors):
        m = DATELINE.match(text, anchor, min(end, anchor + 160))
        if not m:
            continue
        place = m.group("place")
        if place and place.split()[0].casefold().strip(".,") in NOT_PLACES:
            place = None
            if not (m.group("date") or m.group("pdate")):
                continue
        raw_date = m.group("pdate") or m.group("date") or m.group("dateonly")
        if not place and not raw_date:
            continue
        if not m.group("sep") and not (m.group("pdate") or (place and place.split(",")[0].isupper())):
            continue  # a dateline ending its line is "KABUL, Afghanistan (May 28, 2011)", not a headline's date
        if m.group("sep").startswith(":") and not m.group("dateonly"):
            continue  # "Gender Equality Practices: ..." is a headline's colon; only a bare date takes one
        # Without a date, "Juba – ..." is a dateline only when the body sentence goes on after it.
        if not raw_date and len(WORD.findall(text[m.end():min(end, m.end() + 80)])) < 4:
            continue
        day = parse_calendar_date(raw_date, reference_year) if raw_date else None
        if raw_date and day is None:
            day = parse_calendar_date(raw_date, _header_year(text[:anchor], raw_date))
        s, e = m.span()
        s += len(m.group("lead"))
        return {
            "place": _clean_place(place) if place else None,
            "date": day,
            "start": s,
            "end": e,
            "place_span": m.span("place") if place else None,
        }
    return None


def _header_year(header: str, raw_date: str) -> int | None:
    """The year of a yearless dateline ("KABUL (June 14) –"), from the header before it.

    A reference code of the same month ("2012-06-S-026"), else a year in the headline.
    """
    month = next((n for name, n in MONTHS.items() if regex.search(rf"\b{name}\b", raw_date.casefold())), None)
    for m in regex.finditer(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])(?!\d)", header):
        if month is None or int(m.group(2)) == month:
            return int(m.group(1))
    years = regex.findall(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])", header)
    return int(years[-1]) if years else None


def _clean_place(place: str) -> str:
    place = " ".join(place.split())
    # "KABUL, Afghanistan" -> "Kabul"; "WASHINGTON, D.C." -> "Washington, D.C."
    head, _, tail = place.partition(",")
    if tail.strip().replace(".", "").upper() == "DC":
        head = f"{head}, {tail.strip()}"
    if head.isupper() and len(head) > 3:
        head = " ".join(w if w.replace(".", "").replace(",", "") in {"DC", "D C"} else w.title()
                        for w in head.split())
        head = head.replace("D.c.", "D.C.")
    return head.strip()


def find_structure(text: str, reference_year: int | None = None) -> Structure:
    """Segment `text` into sections and read its headline, dateline and published date."""
    lines = split_lines(text)
    out = Structure()
    if not lines:
        return out
    phrases = _phrases()
    furniture = _furniture_runs(lines)
    furniture |= {i for i, line in enumerate(lines) if line.key in phrases["line_furniture"]}

    # Everything from a tail marker ("Share this page via:") on is furniture, when what follows
    # it is mostly link-like: releases end there and the page's chrome begins.
    for i, line in enumerate(lines):
        if i > 2 and line.key in phrases["tail_markers"]:
            rest = lines[i + 1:]
            if not rest or sum(map(_is_link_like, rest)) >= 0.6 * len(rest):
                furniture |= set(range(i, len(lines)))
                break

    title_i = _find_title(text, lines, furniture)
    kinds: list[str] = ["furniture" if i in furniture else "body" for i in range(len(lines))]
    body_start = 0
    if title_i is not None:
        for i in range(title_i):
            kinds[i] = "furniture"
        title_line = lines[title_i]
        end = _title_end(text, title_line)
        out.title = (title_line.start, end)
        body_start = title_i + 1 if end == title_line.end else title_i

    # The dateline opens the body: look in the first few body lines (or the run-in remainder).
    search_from = out.title[1] if out.title else 0
    dateline = None
    header_date = None
    looking = True
    for i in range(body_start, min(len(lines), body_start + 8)):
        line = lines[i]
        if kinds[i] == "furniture":
            continue
        start = max(line.start, search_from)
        while start < line.end and text[start].isspace():
            start += 1
        m = DATE_HEADER.match(text, start, line.end)
        if m:
            header_date = header_date or parse_calendar_date(m.group("date"), reference_year)
            continue
        if looking:
            dateline = _dateline_in(text, start, line.end, reference_year)
            # A body paragraph with no dateline ends the search (header dates may still follow).
            looking = dateline is None and len(WORD.findall(text[start:line.end])) <= 12
    if dateline:
        out.dateline = dateline
    out.published = (dateline or {}).get("date") or header_date  # type: ignore[assignment]

    # Notes to editors and contact blocks run from their heading to the next heading or furniture.
    current = "body"
    for i in range(body_start, len(lines)):
        if kinds[i] == "furniture":
            continue
        if _contact_opening(lines[i]):
            current = "contacts"
        elif _heading(lines[i], "notes_headings"):
            current = "notes"
        kinds[i] = current

    sections: list[tuple[str, int, int]] = []
    for i, line in enumerate(lines):
        kind = kinds[i]
        start, end = line.start, line.end
        if out.title and i == title_i:
            sections.append(("headline", out.title[0], out.title[1]))
            if out.title[1] >= line.end:
                continue
            start = out.title[1]
            kind = "body"
        if sections and sections[-1][0] == kind:
            sections[-1] = (kind, sections[-1][1], end)
        else:
            sections.append((kind, start, end))
    if dateline:
        sections.append(("dateline", int(dateline["start"]), int(dateline["end"])))  # type: ignore[call-overload]
        sections.sort(key=lambda s: (s[1], s[0] != "dateline"))
    out.sections = sections
    return out
