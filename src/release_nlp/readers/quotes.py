"""Direct quotations and who said them.

Quotation marks are paired by a single linear scan per paragraph (curly, straight and
guillemets); a quote left open at a paragraph's end continues into the next paragraph
that opens with a quotation mark, as multi-paragraph quotes are printed. Unbalanced
marks never raise: an unclosed quote runs to its paragraph's end.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

OPEN = {"“": "”", '"': '"', "«": "»", "„": "“"}
PARAGRAPH = regex.compile(r"[^\n\u2028\u2029]+")
VERBS = (
    r"(?:said|says|say|added|adds|stated|states|noted|notes|explained|explains|continued|continues|"
    r"emphasi[sz]ed|stressed|told(?:\s[\w’']{1,30}){1,4}?|remarked|declared|announced|warned|urged|commented|observed|"
    r"concluded|insisted|recalled|highlighted|affirmed|asserted|pointed\sout|according\sto|"
    r"mentioned|argued|acknowledged|reiterated|underlined|underscored|cautioned|wrote|replied|recounted)"
)
# Rank and honorific abbreviations inside a speaker's name ("said Lt. Col. Jan Rask"): their full stop
# ends no attribution. The common English military, civil and courtesy abbreviations.
ABBREVIATION = (
    r"(?:\b(?:Lt|Lieut|Col|Gen|Maj|Capt|Cpt|Sgt|Cpl|Pvt|Pfc|Spc|Adm|Cmdr|Cdr|Brig|Insp|Supt|Dr|Mr|Mrs|Ms|"
    r"Prof|Sen|Sens|Rep|Reps|Gov|Hon|Rev|Amb|Gen|Jr|Sr|St)\.|\b\p{Lu}\.(?=\p{Lu}\.|\s\p{Lu}))"
)
_WHO_CHAR = rf"(?:{ABBREVIATION}|[^,.;:“”\"()\n])"
_WHO_FIRST = rf"(?:{ABBREVIATION}|[^,.;:“”\"()\n\s])"
AFTER = regex.compile(
    rf"""^[\s,]{{0,8}}(?:
        (?P<verb>{VERBS})\s{{1,4}}(?P<who>{_WHO_CHAR}{{2,90}}?)
          (?=\s{{0,4}}(?:[,.;:(“"]|$|\s(?:on|in|at|during|when|after|before|following|while)\s))
      | (?P<who2>{_WHO_FIRST}{_WHO_CHAR}{{1,59}}?)\s{{1,4}}(?:{VERBS})(?=\W|$)
      | [–—-]\s{{0,4}}(?P<who3>{_WHO_FIRST}{_WHO_CHAR}{{1,59}}?)\s{{0,4}}(?:[,.;]|$)
    )""",
    regex.VERBOSE,
)
BEFORE = regex.compile(
    rf"(?P<who>{_WHO_FIRST}{_WHO_CHAR}{{1,89}}?),?\s{{1,4}}(?:{VERBS})(?:\s{{1,4}}that)?\s{{0,4}}[:,]?\s{{0,4}}$"
)
# A sentence's end before a quote's lead-in; "Dr." or "U.S." ends none.
SENTENCE_END = regex.compile(rf"(?:[?!”]|\.(?<!{ABBREVIATION}))\s+")
MIN_WORDS = 4


@dataclass
class QuoteSpan:
    """A quotation: offsets of its text (marks excluded) and of the attribution naming the speaker."""

    start: int
    end: int
    who: tuple[int, int] | None = None


def find_quotes(text: str, allowed: object = None) -> list[QuoteSpan]:
    """Quotations of at least four words in `text`, in order."""
    quotes: list[QuoteSpan] = []
    open_quote: QuoteSpan | None = None
    for para in PARAGRAPH.finditer(text):
        p_start, p_end = para.span()
        i = p_start
        while i < p_end and text[i].isspace():
            i += 1
        if open_quote is not None:
            if i < p_end and text[i] in OPEN:
                i += 1  # a continued multi-paragraph quote re-opens here
                closer = _closing(text, i, p_end)
                open_quote.end = closer if closer is not None else p_end
                if closer is None:
                    continue
                i = closer + 1
                quotes.append(open_quote)
                open_quote = None
            else:
                quotes.append(open_quote)
                open_quote = None
        while i < p_end:
            ch = text[i]
            if ch in OPEN and (ch != '"' or _opens(text, i)):
                closer = _closing(text, i + 1, p_end, OPEN[ch])
                if closer is None:
                    open_quote = QuoteSpan(i + 1, p_end)
                    break
                quotes.append(QuoteSpan(i + 1, closer))
                i = closer + 1
                continue
            i += 1
    if open_quote is not None:
        quotes.append(open_quote)
    out = []
    for q in quotes:
        body = text[q.start:q.end].strip()
        if len(body.split()) >= MIN_WORDS and not _is_quoted_name(text, q, body):
            out.append(q)
    return out


NAME_CUE = regex.compile(
    r"(?i)(?:\b(?:the|a|an|its|their|entitled|titled|called|named|dubbed|known\s+as|so-called|of|on|under|in)"
    r"|['’]s)\s{0,4}$"
)
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
                         "with", "de", "du", "la", "le", "des", "et"})


def _is_quoted_name(text: str, quote: QuoteSpan, body: str) -> bool:
    """A quoted title or name ("the “Clean Rivers and Lakes Act of 2005”") or scare quotes, not a quotation.

    A name is capitalised word by word and carries no sentence punctuation; scare quotes are a few words
    that the sentence runs on through, after an article or preposition, with nothing attributing them.
    """
    if regex.search(r"[.!?;]\W*$|[,;:!?]\s", body):
        return False
    words = [w for w in regex.findall(r"[\p{L}][\p{L}'’-]*", body) if w.casefold() not in SMALL_WORDS]
    if words and sum(w[0].isupper() for w in words) == len(words) and not body.isupper():
        return True
    before = text[max(0, quote.start - 40):quote.start - 1]
    after = text[quote.end + 1:quote.end + 40]
    return (len(body.split()) <= 6 and bool(NAME_CUE.search(before))
            and bool(regex.match(r"\s+\p{Ll}", after)) and not regex.match(rf"\W*{VERBS}\b", after.strip()))


def _opens(text: str, i: int) -> bool:
    """A straight quote opens when it follows space or start and precedes a letter."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-") and not after.isspace()


def _closing(text: str, i: int, end: int, closer: str | None = None) -> int | None:
    closers = {closer} if closer else {"”", '"', "»"}
    for j in range(i, end):
        if text[j] in closers:
            return j
        # “Curly opened, straight closed," as mixed typing leaves it: a straight mark after a word and
        # before a space or punctuation closes the quote.
        if closer == "”" and text[j] == '"' and not text[j - 1].isspace() and (
                j + 1 >= end or text[j + 1].isspace() or text[j + 1] in ",.;:!?)"):
            return j
    return None


def attribution(text: str, quote: QuoteSpan) -> tuple[int, int] | None:
    """Offsets of the words naming the speaker of `quote`, after or before it in its sentence."""
    close = quote.end + 1
    para_end = text.find("\n", close)
    para_end = len(text) if para_end < 0 else para_end
    tail = text[close:min(para_end, close + 160)]
    m = AFTER.match(tail)
    if m:
        for g in ("who", "who2", "who3"):
            if m.group(g):
                s, e = m.span(g)
                return close + s, close + e
    offset, _ = lead_in(text, quote)
    head = text[offset:quote.start - 1]
    m = BEFORE.search(head)
    if m:
        s, e = m.span("who")
        return offset + s, offset + e
    return None


def lead_in(text: str, quote: QuoteSpan) -> tuple[int, int]:
    """Offsets of the sentence that leads into `quote` (up to 160 characters of its paragraph)."""
    para_start = max(text.rfind("\n", 0, quote.start), text.rfind("\u2028", 0, quote.start)) + 1
    head_start = max(para_start, quote.start - 1 - 160)
    start = head_start
    for m in SENTENCE_END.finditer(text, head_start, max(head_start, quote.start - 1)):
        start = m.end()
    return start, max(head_start, quote.start - 1)
