"""Find the parts of a release in plain text: furniture, headline, dateline, body, notes, contacts.

Works on line shape alone (no markup): runs of short link-like lines, generic furniture
phrases, headings that open notes and contact blocks, and the dateline shapes that open
a body. Everything is character offsets into the text it is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, cached_property

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
# Several places share a dateline: "Nairobi/Geneva/New York –".
_PLACE = rf"{_PLACE_NAME}(?:\s?/\s?{_PLACE_NAME}){{0,4}}(?:,[ ]{_PLACE_NAME}){{0,3}}"
DATELINE = regex.compile(
    rf"""(?x)
    (?P<lead>\**)(?P<paren>\()?
    (?:(?P<place>{_PLACE})(?:,?\s(?P<date>{DATE}))?|(?P<dateonly>{DATE}))
    (?(paren)\))
    (?:\s?\((?P<pdate>{DATE})\))?
    (?:\s?\((?P<agency>\p{{Lu}}[\p{{Lu}}\p{{L}}-]{{1,12}})\))?
    (?:\s/[\p{{L}} ]{{2,30}}/)?
    \**\s{{0,4}}(?P<sep>(?<=\s){DASH}{{1,3}}|{DASH}{{1,3}}(?=\s)|:\**|(?=[\u2028\n]|$)
      |(?<=[\p{{Lu}}.][ ]{{2}})(?=\p{{Lu}}))  # "WASHINGTON, D.C.  U.S. Senator ...": a dash lost, two spaces left
    """,
    regex.V1,
)
IMMEDIATE_RELEASE = regex.compile(r"for\s+immediate\s+release[\s:.\-–—]*", regex.IGNORECASE)
DATE_HEADER = regex.compile(
    rf"\**(?:(?:date|dated|published|posted|released|issued|for\s+immediate\s+release)\s*:?\s*)?\**(?P<date>{DATE})\**\s*$",
    regex.IGNORECASE | regex.V1,
)
CONTACT_OPENING = regex.compile(
    r"^[\s*_]*(?:(?:media|press|news)\s+)?(?:contacts?\s*:|for\s+(?:more|further)\s+(?:information|details)\b|"
    r"(?:media|press)\s+(?:contacts?|enquiries|inquiries)\b|for\s+(?:media\s+)?(?:enquiries|inquiries|interviews)\b|"
    r"(?:enquiries|inquiries|queries)\s*:)",
    regex.IGNORECASE,
)
WORD_START = regex.compile(r"(?<=\s)\S")
RUN_IN_LABEL = regex.compile(r"\s(?=(?:WHO|WHAT|WHEN|WHERE|WHY|HOW|SUMMARY|BACKGROUND):\s)")
RUN_IN_OPENER = regex.compile(
    r"(?<=[\p{Ll}\p{N})”’\"])\s+(?=(?:The|On|In|At|A|An|This|Today|Following|Over|More|As|After|During|With|"
    r"Since|For|From|By|Amid|Despite|According|Yesterday|Last)\s)"
)
# "[EN/AR]", "[EN]": the languages a release is published in, printed after its headline.
LANGUAGE_MARKER = regex.compile(r"\s{0,4}\[\p{Lu}{2}(?:\s?/\s?\p{Lu}{2}){0,5}\]")
# A document number closing a headline ("DSG/SM/1107-ECOSOC/6874", "(S/PRST/2017/27)"): upper-case
# segments joined by slashes, with a digit somewhere.
DOC_CODE_TAIL = regex.compile(r"(?:\s\(?[\p{Lu}\d]{1,12}(?:[/.-][\p{Lu}\d]{1,12}){1,8}\)?){1,3}\s{0,4}$")
# "Press release 226/2017", "News release No. 12": a line that only numbers the document.
DOC_NUMBER_LINE = regex.compile(
    r"^[\s*_]*(?:(?:press|news|media)\s+release|release\s+number|reference)\s*(?:no\.?|number|#)?\s*:?\s*"
    r"[\p{L}]{0,4}\s?\d+(?:\s?[/-]\s?\d+)*[\s*_]*$",
    regex.IGNORECASE,
)
# A reference code on its own line ("2011-07-S-039", "DSG/SM/1107"): letters and digits in three or more parts.
CODE_LINE = regex.compile(
    r"^[\s*_]{0,8}+(?=[^\n]{0,40}\p{Lu})(?=[^\n]{0,40}\d)[\p{Lu}\d]{1,12}(?:\s?[-–/]\s?[\p{Lu}\d]{1,12}){2,8}[\s*_]{0,8}$"
)
# A year and month opening a reference code ("2012-06-S-026", "2009-12-CA–080", "2011-3-S-014").
YEAR_MONTH = regex.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)\s?{DASH}\s?(?P<m>0?[1-9]|1[0-2])(?!\d)")
REFERENCE_CODE = regex.compile(
    rf"(?<![\d\p{{L}}-])(?P<y>(?:19|20)\d\d)\s?{DASH}\s?(?P<m>0?[1-9]|1[0-2])\s?{DASH}\s?\p{{Lu}}{{1,4}}\s?{DASH}\s?\d{{1,5}}(?!\d)"
)
HEADLINE_DATE = regex.compile(
    rf"(?:,|\b(?:update|report|briefing|brief|bulletin|digest|summary|roundup|round-up|sitrep|highlights|"
    rf"snapshot|dashboard|newsletter))\s(?P<date>{DATE})\s*$",
    regex.IGNORECASE | regex.V1,
)
# A contact sentence run into a headline ("... district For interviews, please contact: ...").
RUN_IN_CONTACT = regex.compile(
    r"\s(?=(?:for\s+(?:more|further)\s+(?:information|details)|for\s+(?:media\s+)?(?:enquiries|inquiries|interviews)"
    r"|(?:media|press)\s+(?:contacts?|enquiries|inquiries)\s*:|contacts?\s*:)\b)",
    regex.IGNORECASE,
)
# A body that opens with a quotation, run into a sentence-case headline ("... in the camp “We had no ...").
RUN_IN_QUOTE = regex.compile(r"(?<=[\p{L}\p{N}])\s{1,4}(?=[“\"]\p{Lu})")
# A site's name or section before a separator: "Senator Jane Roe : Press Room", "News | Agency".
SITE_SEPARATOR = regex.compile(r"\s{1,4}[:|–—-]{1,3}\s{1,4}|\s{1,4}[|]\s{0,4}")
DECK = regex.compile(r"^(?:\*[^*\n]{20,}\*|_[^_\n]{20,}_|\*\*[^*\n]{20,}\*\*)$")
# Words a headline does not end on: what follows them belongs to the headline.
HEADLINE_LINKS = frozenset({"on", "in", "of", "for", "to", "at", "the", "a", "an", "and", "by", "with", "from", "as",
                            "called", "named", "dubbed"})
SENTENCE_BREAK = regex.compile(r"(?<=\b\p{Ll}{2,}[.!?])\s+(?=\p{Lu})")
PHONE_LIKE = regex.compile(r"(?:\d[\s./()-]{0,2}){7,}")
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

    # Cached: the section rules ask for a line's words many times.
    @cached_property
    def words(self) -> list[str]:
        """The line's words."""
        return WORD.findall(self.text)

    @cached_property
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


def _is_site_name(line: Line) -> bool:
    """A site's name or section ("Senator Jane Roe : Press Room", "Press Room - Press Releases").

    A short line split by a separator where one part is a furniture phrase is page chrome, not
    the release's own headline.
    """
    if len(line.words) > 10:
        return False
    parts = SITE_SEPARATOR.split(line.text)
    if len(parts) < 2:
        return False
    furniture = _phrases()["line_furniture"]
    return any(Line(0, 0, part).key in furniture for part in parts)


def _reads_as_paragraph(text: str) -> bool:
    """Prose, not a headline: a long line that ends as a sentence ends (headlines carry no full stop)."""
    words = WORD.findall(text)
    if not regex.search(r"[.!?][\"”’)]?\s*$", text):
        return False
    # Two sentences ("... suspects. The force ...") are prose however short; "U.S." or "Dr." end no sentence.
    return (len(words) >= 25 or (len(words) >= 12 and bool(SENTENCE_BREAK.search(text)))
            or (len(words) >= 16 and bool(regex.search(r"\p{Ll}{2}[.!?][\"”’)]?\s*$", text))))


def _title_cased(text: str) -> bool:
    """Most longer words capitalised, as in a headline ("Oil Prices Fall as Stocks Rise")."""
    long_words = [w for w in WORD.findall(text) if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words)


def _is_prose(line: Line) -> bool:
    """A paragraph of running text: no address, no phone number, a sentence's length and end."""
    return (len(line.words) >= 20 and "@" not in line.text and not PHONE_LIKE.search(line.text)
            and bool(regex.search(r"[.!?][\"”’)]?$", line.text)))


def _find_title(text: str, lines: list[Line], furniture: set[int]) -> int | None:
    """The first line that reads as a headline; None when the release opens with its dateline or prose."""
    for i, line in enumerate(lines[:25]):
        if i in furniture:
            continue
        if _contact_opening(line) or DATE_HEADER.match(line.text):
            continue  # "Contacts: 202-555-0101" or "June 8, 2007" in a header is no headline
        if i + 2 < len(lines) and CODE_LINE.match(lines[i + 1].text) and IMMEDIATE_RELEASE.match(lines[i + 2].text):
            continue  # the issuer's masthead above the release's reference code and "For Immediate Release"
        if len(line.words) >= 3 and not _heading(line, "line_furniture"):
            if _dateline_in(text, line.start, line.end, None):
                return None  # "KABUL, Afghanistan (Jan. 25, 2013)" or "Kampala, 2 May 2023 – The ...": no headline
            return i
    return None


def _title_end(text: str, line: Line, only_line: bool = False) -> tuple[int, int] | None:
    """(end of the headline, start of what follows it on the line); None when the line is prose, no headline.

    The end is the line's end when nothing is run into the headline. A text of one line that ends as
    a sentence (a pasted sentence or paragraph) has no headline unless one is run into it.
    """
    head = line.text
    # "... in Iraq [EN/AR]": the language marker closes the headline and is part of neither.
    m = LANGUAGE_MARKER.search(head, 10)
    if m:
        return line.start + m.start(), line.start + m.end()
    # "... Says at Meeting DSG/SM/1107-ECOSOC/6874": a document number closes it.
    m = DOC_CODE_TAIL.search(head, 10)
    if m and "/" in m.group() and any(ch.isdigit() for ch in m.group()) and any(ch.isupper() for ch in m.group()):
        return line.start + m.start(), line.end
    # "... district For interviews, please contact: ...": a contact sentence follows it.
    m = RUN_IN_CONTACT.search(head, 10)
    if m:
        return line.start + m.start(), line.start + m.end()
    labels = _phrases()["doc_type_labels"]
    # "... support in Kenya Backgrounder": a document-type label closes the headline.
    for label in labels:
        if head.casefold().endswith(" " + label) and len(head) > len(label) + 10:
            return line.start + len(head) - len(label) - 1, line.end
    # A text of one line is a headline only when it looks like one: title case and no full stop. A
    # sentence or a sentence-case line given alone ("Acme said it would cut 1,200 jobs") is read as body.
    sentence = only_line and (bool(regex.search(r"[.!?][\"”’)]?$", head)) or not _title_cased(head))
    if sentence and len(line.words) <= 12 and _run_in(text, line) is None:
        return None
    if len(line.words) <= 12:
        return line.end, line.end
    cut = _run_in(text, line)
    if cut is not None:
        return cut, cut
    if sentence or _reads_as_paragraph(head):
        return None  # a release pasted without its headline line: its first line is body
    return line.end, line.end


def _run_in(text: str, line: Line) -> int | None:
    """Where a headline run into its first body sentence ends, if it is."""
    head = line.text
    # "... appeal 2018 WHO: Mark Lowcock ...": a media advisory's first label.
    m = RUN_IN_LABEL.search(head, 20)
    if m:
        return line.start + m.start()
    # "... saving more lives Monday, November 27 – With ...": a dateline inside the line; one without a
    # date ("... in Angola Luanda - The ...") only before a sentence that the line goes on to finish.
    for m in WORD_START.finditer(head, 20):
        d = DATELINE.match(text, line.start + m.start(), line.end)
        if not d:
            continue
        if d.group("date") or d.group("dateonly") or d.group("pdate"):
            return line.start + m.start() - 1
        place, sep = d.group("place"), d.group("sep")
        rest = text[d.end():line.end]
        previous = WORD.findall(head[:m.start()])
        if previous and previous[-1].casefold() in HEADLINE_LINKS:
            continue  # "... Conference on Ninewa Baghdad - ...": a headline does not end on "on"
        names = regex.split(r"[,/]", place or "")[0].split()
        if any(w.isupper() and len(w) > 1 for w in names) and not all(w.isupper() for w in names):
            continue  # "... for Typhoon Tembin SOUTHERN REGION —": the place is the upper-case part
        if (place and sep and sep[0] in "-‐‑‒–—―" and place.split()[0].casefold() not in NOT_PLACES
                and regex.match(r"\s*[“\"]?\p{Lu}", rest) and _reads_as_paragraph("x " * 15 + rest)):
            return line.start + m.start() - 1
    # "... in the Caribbean The European Investment Bank (EIB) and ...": a sentence opener. In a
    # title-cased headline "The" and "In" are headline words, so only a very long line is split there.
    for m in RUN_IN_OPENER.finditer(head, 20):
        prefix_words = [w for w in WORD.findall(head[:m.start()]) if len(w) > 3]
        title_case = bool(prefix_words) and sum(w[0].isupper() for w in prefix_words) > 0.7 * len(prefix_words)
        if regex.search(r"[.!?]", head[m.end():]) and (not title_case or len(head) > 200):
            return line.start + m.start()
    # "... The Humanitarian Impact of Drones “In Pakistan, ...": the body opens with a quotation of a few words
    # (a quoted name inside the headline, "known as “Vinta”", is no opening).
    m = RUN_IN_QUOTE.search(head, 20) if _reads_as_paragraph(head) else None
    if m:
        before = WORD.findall(head[:m.start()])
        closing = regex.search(r"[”\"]", head, m.end() + 1)
        quoted = WORD.findall(head[m.end() + 1:closing.start() if closing else m.end() + 1])
        if (len(before) >= 4 and not head[:m.start()].endswith(":") and len(quoted) >= 4
                and before[-1].casefold() not in HEADLINE_LINKS):
            return line.start + m.start()
    return None


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
            day = parse_calendar_date(raw_date, _header_year(text, anchor, m.end(), raw_date))
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


def _header_year(text: str, anchor: int, after: int, raw_date: str) -> int | None:
    """The year of a yearless dateline ("KABUL (June 14) –"), from the header around it.

    A reference code of the same or the neighbouring month ("2012-06-S-026" above "(June 14)", "2010-08-CA-043"
    above "(Sept. 4)": a code is numbered when the release is drafted), else a year in the headline. A dateline
    that opens the text ("June 15: Operations in ...") has its header below it, so a reference code in the
    lines just after it counts too.
    """
    month = _month_of(raw_date)
    header = text[:anchor]
    codes = [(int(m["y"]), int(m["m"])) for m in YEAR_MONTH.finditer(header)]
    codes += [(int(m["y"]), int(m["m"])) for m in REFERENCE_CODE.finditer(text, after, after + 400)]
    for year, code_month in codes:
        if month is None or month == code_month:
            return year
    for year, code_month in codes:
        if month is not None and (month - code_month) % 12 == 1:
            return year + 1 if code_month == 12 else year  # "2010-12-..." above "(Jan. 2)"
        if month is not None and (code_month - month) % 12 == 1:
            return year - 1 if code_month == 1 else year
    years = regex.findall(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])", header)
    return int(years[-1]) if years else None


def _month_of(raw_date: str) -> int | None:
    return next((n for name, n in MONTHS.items() if regex.search(rf"\b{name}\b", raw_date.casefold())), None)


def _headline_date(text: str, start: int, end: int, reference_year: int | None) -> dt.date | None:
    """The issue date that closes a bulletin's headline ("Operational Update, July 16", "Daily Brief 3 May 2016").

    Only after a comma or a bulletin's name: "Talks to Resume on May 3" names the event, not the issue.
    """
    m = HEADLINE_DATE.search(text, start, end)
    if not m:
        return None
    day = parse_calendar_date(m["date"], reference_year)
    return day or parse_calendar_date(m["date"], _header_year(text, start, end, m["date"]))


def _clean_place(place: str) -> str:
    place = " ".join(place.split()).rstrip("-‐‑‒–—―")  # "WASHINGTON--- Today": the dash is the separator
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
    furniture |= {i for i, line in enumerate(lines[:25])
                  if _is_site_name(line) or DOC_NUMBER_LINE.match(line.text) or CODE_LINE.match(line.text)}

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
    rest_start = 0
    prose_opening = -1  # a first line read as body, not headline: a dateline may still follow it
    if title_i is not None:
        for i in range(title_i):
            kinds[i] = "furniture"
        title_line = lines[title_i]
        ends = _title_end(text, title_line, only_line=len(lines) == 1)
        if ends is None:
            prose_opening = title_i
            body_start = title_i
            rest_start = title_line.start
            title_i = None
        else:
            end, rest_start = ends
            out.title = (title_line.start, end)
            body_start = title_i + 1 if rest_start >= title_line.end else title_i

    # The dateline opens the body: look in the first few body lines (or the run-in remainder).
    search_from = rest_start
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
            # A body paragraph with no dateline ends the search (header dates may still follow); a deck
            # (a summary set in italics or bold) or a by-line may stand between headline and dateline.
            looking = dateline is None and (len(WORD.findall(text[start:line.end])) <= 12 or bool(DECK.match(line.text))
                                            or i == prose_opening)
    if dateline:
        out.dateline = dateline
    out.published = (dateline or {}).get("date") or header_date  # type: ignore[assignment]
    if out.published is None and out.title:
        out.published = _headline_date(text, *out.title, reference_year)

    # Notes to editors and contact blocks run from their heading to the next heading or furniture.
    current = before_contacts = "body"
    dateline_start = int(dateline["start"]) if dateline else -1  # type: ignore[call-overload]
    for i in range(body_start, len(lines)):
        if kinds[i] == "furniture":
            continue
        line = lines[i]
        if line.start < rest_start < line.end:  # the remainder of a run-in headline
            line = Line(rest_start, line.end, text[rest_start:line.end].strip())
        if _contact_opening(line):
            before_contacts = current if current != "contacts" else before_contacts
            current = "contacts"
        elif _heading(line, "notes_headings"):
            current = "notes"
        elif current == "contacts" and (_is_prose(line) or line.start <= dateline_start < line.end):
            # A contact block holds names, numbers and addresses; a paragraph of prose after it (an empty
            # "Contact:" line in a header, then the release) or the dateline is the release again.
            current = before_contacts
        kinds[i] = current

    sections: list[tuple[str, int, int]] = []
    for i, line in enumerate(lines):
        kind = kinds[i]
        start, end = line.start, line.end
        if out.title and i == title_i:
            sections.append(("headline", out.title[0], out.title[1]))
            if text[out.title[1]:rest_start].strip():
                sections.append(("furniture", out.title[1], rest_start))  # a language marker
            if rest_start >= line.end:
                continue
            start = rest_start
        if sections and sections[-1][0] == kind:
            sections[-1] = (kind, sections[-1][1], end)
        else:
            sections.append((kind, start, end))
    if dateline:
        sections.append(("dateline", int(dateline["start"]), int(dateline["end"])))  # type: ignore[call-overload]
        sections.sort(key=lambda s: (s[1], s[0] != "dateline"))
    out.sections = sections
    return out
