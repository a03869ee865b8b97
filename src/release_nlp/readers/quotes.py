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
    r"emphasi[sz]ed|stressed|told\s\w{1,30}|remarked|declared|announced|warned|urged|commented|observed|"
    r"concluded|insisted|recalled|highlighted|affirmed|asserted|pointed\sout|according\sto)"
)
AFTER = regex.compile(
    rf"""^[\s,]{{0,8}}(?:
        (?P<verb>{VERBS})\s{{1,4}}(?P<who>[^,.;:“”"()\n]{{2,90}}?)
          (?=\s{{0,4}}(?:[,.;:(“"]|$|\s(?:on|in|at|during|when|after|before|following|while)\s))
      | (?P<who2>[^,.;:“”"()\n\s][^,.;:“”"()\n]{{1,59}}?)\s{{1,4}}(?:{VERBS})(?=\W|$)
      | [–—-]\s{{0,4}}(?P<who3>[^,.;:“”"()\n\s][^,.;:“”"()\n]{{1,59}}?)\s{{0,4}}(?:[,.;]|$)
    )""",
    regex.VERBOSE,
)
BEFORE = regex.compile(
    rf"(?P<who>[^,.;:“”\"()\n\s][^,.;:“”\"()\n]{{1,89}}?)\s{{1,4}}(?:{VERBS})(?:\s{{1,4}}that)?\s{{0,4}}[:,]?\s{{0,4}}$"
)
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
        if len(body.split()) >= MIN_WORDS:
            out.append(q)
    return out


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
    para_start = max(text.rfind("\n", 0, quote.start), text.rfind("\u2028", 0, quote.start)) + 1
    head_start = max(para_start, quote.start - 1 - 160)
    head = text[head_start:quote.start - 1]
    # Only the sentence that leads into the quote.
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("” "))
    offset = head_start + (cut + 2 if cut >= 0 else 0)
    head = text[offset:quote.start - 1]
    m = BEFORE.search(head)
    if m:
        s, e = m.span("who")
        return offset + s, offset + e
    return None
