"""Figures: every counted or measured number, with value, qualifier, unit and category.

Numbers are found by one linear pattern over the release proper (digits with their
separators and scale words, currency marks, percentages, ranges, number words and vague
amounts), then checked against the parse: a number word must count a noun, and numbers
inside dates, names ("SDG 10", "COVID-19"), reference codes, times, phone numbers and
list markers are not figures. The unit is the noun the number counts (from the
dependency parse, with its modifiers), expanded through acronyms the text defines, or,
when the sentence leaves it implicit, taken from the figure before it.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from spacy.tokens import Doc, Span

from release_nlp.core.docindex import text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.tags import is_adjective, is_adverb, is_noun, is_verb
from release_nlp.core.text import squash
from release_nlp.readers.change import change_direction
from release_nlp.readers.figure_cues import (
    FRACTION,
    PHONE,
    RATIO,
    SCIENTIFIC,
    SHARE,
    cues,
    find_cues,
    qualifier_before,
    sentence_at,
    sentence_text,
    token_at,
)
from release_nlp.readers.figure_forms import FormMatches, carry_over, join_spans, ratio_figure, shares_and_notations
from release_nlp.readers.figure_units import (
    category,
    currency_after,
    currency_of,
    dollar_country,
    imply_units,
    unit_phrase,
    with_rate,
)
from release_nlp.readers.numbers import COLLECTIVES, SCALES, is_vague, parse_number, vague_span
from release_nlp.readers.patterns import MONTH, MONTHS, WEEKDAYS
from release_nlp.readers.sections import SectionMap

# The cues of `_excluded`, compiled once (a pattern given as a string is looked up in regex's cache per call).
_LIST_MARKER_AFTER = regex.compile(r"^[.)]\s")
_CAPITAL_AFTER = regex.compile(r"^\s\p{Lu}")
_NAME_WORD_AFTER = regex.compile(r"^\s\p{Lu}\p{Ll}")
_SENTENCE_END_BEFORE = regex.compile(r"[.!?:]\s*$")
_TITLE_CASED_NAME_AFTER = regex.compile(r"^\s\p{Lu}\p{Ll}+\s(?:of\s|for\s|on\s)?\p{Lu}")
_TIME_AFTER = regex.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|h\d|:\d"
                           r"|(?-i:GMT|UTC|EDT|EST|BST|CET|CEST|PDT|PST)\b)", regex.IGNORECASE)
# A day next to its month is a date the date reader may have left ("Sept. 20-24", "1 September 2019 11:30").
_MONTH_AFTER = regex.compile(rf"^[\s-]{MONTH}(?![\p{{L}}])")
_MONTH_BEFORE = regex.compile(rf"(?<![\p{{L}}]){MONTH}\s$")
# Ages are no figures: "men aged 18 to 34", "Jane Doe, 45, said".
_AGED_BEFORE = regex.compile(r"(?i)\b(?:aged|ages)\s(?:between\s|under\s|over\s|below\s|above\s|less\sthan\s|"
                              r"more\sthan\s|up\sto\s)?$")
_NAME_COMMA_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+,\s$")
_NAME_PAREN_BEFORE = regex.compile(r"\p{Lu}[\p{L}.]+\s\($")  # "quarterback Jon Reyes (4)": a shirt number
# A capitalised number word after a capitalised word inside a sentence: "the Kick Six", "the Big Ten".
_NAME_WORD_BEFORE = regex.compile(r"\S\s\p{Lu}\p{Ll}+\s$")
# A four-digit number after these words is a year even outside 1800-2100: "by 2150", "A.D. 1260", and the
# second end of a span of years ("in A.D. 1350 and 1420").
_YEAR_WORD_BEFORE = regex.compile(r"(?i)(?:\b(?:in|by|since|until|till|before|after|circa|from|through)"
                                  r"|\bA\.?D\.?|\bB\.?C\.?E?|(?<![\d,.])\d{4}\s(?:and|to|or|until|through))\s$")
_CODE_AFTER = regex.compile(r"(?i)^\s(?:zip|postcode|postal\scode|area\scode)\b")
_POSSESSIVE_BEFORE = regex.compile(r"(?:['’]s|s['’])\s$")
_TIME_WORDS = frozenset({"week", "day", "month", "year", "weekend"})
_ORDINAL_SUFFIX_AFTER = regex.compile(r"^(?:st|nd|rd|th)\b")
_AGE_AFTER = regex.compile(r"^-?\s?(?:year|month|week|day)s?-old")
# The first end of a span of ages: "5- to 7-year-old pupils", "a 200,000 to-260,000 year-old bone".
_AGE_SPAN_AFTER = regex.compile(r"(?:-?\s?(?:to|and|or)|\s?[-–])[\s-]?\d[\d,.]*[\s-]?(?:year|month|week|day)s?-old")
_ORDINAL_WORD_AFTER = regex.compile(r"^[\s-](?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b")
_SLASH_YEAR_AFTER = regex.compile(r"^\)/\d")
_CODE_TO_KEY_IN_BEFORE = regex.compile(r"(?i)\b(?:sms|text|dial|short\s?code)\s(?:(?:on|to|us\son)\s)?$")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)([\s-]?)\(?$")
_MINUS_BEFORE = regex.compile(r"(?i)\bminus[\s-]$")
# "a 9-2 lead", "drew 2-2", "tied at 89-89": a score or a tally, whose second number is no higher than the first.
_VOTE_WORDS = regex.compile(r"(?i)\b(?:votes?|voted|voting|ballots?|passed|adopted|approved|confirmed|rejected"
                            r"|margin)\b")
_STATE_ZIP_BEFORE = regex.compile(r"\p{L},\s[A-Z]{2}\s$")  # "Richmond, CA 94804": a postal code
_SCORE = regex.compile(r"(?<![\d.,])(\d{1,3})[-–](\d{1,3})(?![\d.,%]|\s?(?:percent|per\scent)\b)")


def _excluded(text: str, m: regex.Match[str], doc: Doc) -> bool:
    s, e = m.span()
    while s < e and text[s].isspace():  # the optional currency's space may lead the match: "SINGAPORE: Two sisters"
        s += 1
    n1 = m.group("n1") or ""
    # The line so far, read back at most 200 characters: enough for every cue below, and linear on
    # a run-on line of thousands of numbers.
    window = max(0, s - 200)
    line_break = max(text.rfind("\n", window, s), text.rfind("\u2028", window, s))
    prefix = text[line_break + 1 if line_break >= 0 else window:s]
    after = text[e:e + 12]
    # List markers and footnotes: "1." or "2)" or "3 Title" opening a line, "[3]".
    if not prefix.strip() and (_LIST_MARKER_AFTER.match(after) or (
            n1.isdigit() and len(n1) <= 2 and _CAPITAL_AFTER.match(after))):
        return True
    if prefix.endswith(": ") and n1.isdigit() and len(n1) <= 2 and _CAPITAL_AFTER.match(after):
        return True  # after a label, as at a line's start: "Rating: 4 Started well", "Sites: 9 Elm St"
    # A number inside a title-cased name: "Sixteen Days of Activism", "the 16 Days of Activism", "the Kick Six".
    sentence_start = not prefix.strip() or bool(_SENTENCE_END_BEFORE.search(prefix))
    if n1[:1].isupper() and not n1[:1].isdigit() and not sentence_start and (
            _NAME_WORD_AFTER.match(after) or _NAME_WORD_BEFORE.search(prefix)):
        return True
    # A long or separated number ("27,000 Model S cars") and an amount of a named currency ("9.99 New Zealand
    # dollars") count what follows.
    short = not n1[:1].isdigit() or (n1.isdigit() and len(n1) <= 4)
    if (not sentence_start and short and _TITLE_CASED_NAME_AFTER.match(text[e:e + 40])
            and not _currency_words_at(text, e)):
        return True
    if s > 0 and text[s - 1] == "[":
        return True
    small = n1.isdigit() and len(n1) <= 2 and not (m.group("cur") or m.group("pct") or m.group("s1"))
    if small and text[e:e + 1] == ")" and _NAME_PAREN_BEFORE.search(prefix) and _person_before(doc, s - 1):
        return True  # "Mara Velt (34)": an age or a shirt number; "Sierra Leone (2)" counts
    if small and not m.group("n2") and text[e:e + 1] == "," and _NAME_COMMA_BEFORE.search(prefix):
        return True
    if _AGED_BEFORE.search(prefix) or _CODE_AFTER.match(after):
        return True
    if len(n1) == 5 and n1.isdigit() and _STATE_ZIP_BEFORE.search(prefix):
        return True
    if _POSSESSIVE_BEFORE.search(prefix) and n1.casefold() in COLLECTIVES:
        return True  # "a baker's dozen" is thirteen, "the group's score" no twenty
    if n1.isdigit() and int(n1) <= 31 and (_MONTH_AFTER.match(after) or _MONTH_BEFORE.search(prefix)):
        return True
    # Times and references: "9.30 a.m.", "10:45", "2011-05-S-104", "9/11", "+41 79".
    if _TIME_AFTER.match(after):
        return True
    if (s > 0 and text[s - 1] in "+#@:") or _ORDINAL_SUFFIX_AFTER.match(after):
        return True
    # Ages used as names ("50-year-old"), and numbers inside names ("SDG 10", "Resolution 1244").
    if _AGE_AFTER.match(after) or _AGE_SPAN_AFTER.match(text, e, e + 30):
        return True
    # "Twenty First Century": a number word run into an ordinal is an ordinal.
    if not n1[:1].isdigit() and _ORDINAL_WORD_AFTER.match(after):
        return True
    # "Law No. (7)/2012": a number in brackets after a name word, or one a slash ties to a year.
    if text[s - 1:s] == "(" and _SLASH_YEAR_AFTER.match(after):
        return True
    if _CODE_TO_KEY_IN_BEFORE.search(prefix):
        return True  # "send an SMS to 4455", "dial 1122": a code to key in
    word_before = _WORD_BEFORE.search(prefix)
    plain = n1[:1].isdigit() and not (m.group("cur") or m.group("pct") or m.group("s1") or m.group("glued"))
    amount = m.group("cur") or m.group("pct") or m.group("pct1")  # "the sector 0.68 percent lower"
    if word_before and word_before.group(1).casefold() in cues().name_prefixes and n1[:1].isdigit() and not amount:
        # "Resolution 1244", "COVID-19", "in sector 4 there", "a category 4 storm": a name. A lower-case time
        # word, or a number too long for a label, that counts a noun is only context: "over the past week 1,200
        # people were moved".
        word = word_before.group(1)
        label = word.casefold() not in _TIME_WORDS and n1.isdigit() and len(n1) <= 2
        if label or not (word.islower() and word_before.group(2) == " " and _counts_a_noun(doc, e)):
            return True
    if plain and word_before and word_before.group(2) == " " and _names_a_thing(doc, s, word_before.group(1)):
        return True
    # A year.
    if m.group("cur") or m.group("pct") or m.group("s1"):
        return False
    n2 = m.group("n2") or ""
    if m.group("between") and is_year(n2) and n1.isdigit() and len(n1) == 4 and not _counts_a_noun(doc, e):
        return True  # "between 1600 and 1900", but not "from 1000 to 2000 hires"
    if n2.isdigit() and len(n2) == len(n1) and not is_year(n2) and m.group("to"):
        return False  # "2000 - 2500 calories": a range of amounts, whose first end only looks like a year
    return is_year(n1) or (n1.isdigit() and len(n1) == 4 and 1000 <= int(n1) <= 2200
                           and bool(_YEAR_WORD_BEFORE.search(prefix)) and not _counts_a_noun(doc, e))


def _person_before(doc: Doc, char: int) -> bool:
    """Whether the word before `char` (an opening bracket) ends a person's name."""
    token = token_at(doc, char)
    return token is not None and token.i > 0 and doc[token.i - 1].ent_type_ == "PERSON"


def _currency_words_at(text: str, end: int) -> bool:
    tail = text[end:end + 30].casefold()
    return any(tail.startswith(" " + words) for words in cues().currency_words)


@cache
def _qualifier_words() -> frozenset[str]:
    return frozenset(w for phrase, _ in cues().qualifiers for w in phrase.split())


SCALE_WORDS = frozenset(w for w in SCALES if len(w) > 3)
_INDEX_NOUNS = frozenset({"index", "indices", "e-minis", "futures", "constituents", "companies", "stocks", "firms"})


def _names_a_thing(doc: Doc, start_char: int, word: str) -> bool:
    """A bare number after a proper noun is part of a name: "the S&P 500 rose", "FTSE 100 futures", "Boeing 787".

    Months and weekdays are dates' business, and a count that follows ("Kenya 300 schools") is rare
    enough in news to read the number as a name: an index, a model, a game or a group.
    """
    token = token_at(doc, start_char)
    if token is None or token.i == 0:
        return False
    before = doc[token.i - 1]
    if before.text != word or not word[:1].isupper():
        return False
    word_after = regex.match(r"\s([\p{L}-]+)", text_of(doc)[token.idx + len(token):token.idx + len(token) + 30])
    index_after = word_after is not None and word_after.group(1).casefold() in _INDEX_NOUNS  # "e-minis": 3 tokens
    # A capital inside a sentence marks a name; at its start only a symbol, all capitals ("S&P", "FTSE") or an
    # index word after the number ("Nasdaq 100 futures") do.
    if before.is_sent_start and not (word.isupper() or "&" in word or index_after):
        return False
    if before.is_stop or word.casefold() in _qualifier_words():  # "Over 900,000", "Roughly 60,000"
        return False
    sentence = before.sent
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    if sum(t.text[:1].isupper() for t in words) >= 4 and sum(t.is_lower for t in words) <= 1:
        return False  # a title-cased line: "Resolution Garners 128 Votes in Favour"
    if word.casefold().rstrip(".") in MONTHS or word.casefold().rstrip(".") in WEEKDAYS:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or not is_noun(after) or index_after:
        return True
    return after.text[:1].isupper()  # "Galaxy Note 20 Ultra", "Boeing 787 Dreamliner"


def _counts_a_noun(doc: Doc, end_char: int) -> bool:
    """Whether the token after a number word is what it counts (a noun, or an adjective then a noun)."""
    span = doc.char_span(end_char, end_char, alignment_mode="expand")
    tokens = [t for t in doc[span.start:min(len(doc), span.start + 4)] if not t.is_space] if span is not None else []
    if not tokens:
        return False
    first = tokens[0]
    if first.lower_ in ("of", "percent", "%"):
        return first.lower_ != "of" or (len(tokens) > 1 and (is_noun(tokens[1]) or is_adjective(tokens[1])))
    if len(tokens) > 1 and tokens[1].text in ("'s", "’s"):
        return False  # "one person's word": a determiner, not a count
    if is_noun(first) and first.lower_ not in ("times", "years", "year"):
        return True
    # "two unmanned aerial vehicles": up to three modifiers before the counted noun.
    for tok in tokens:
        if is_noun(tok):
            return True
        if not (is_adjective(tok) or is_verb(tok) or is_adverb(tok) or tok.like_num):  # "two new 737 Max jets"
            return False
    return False




_MATCHES: weakref.WeakKeyDictionary[Doc, list[regex.Match[str]]] = weakref.WeakKeyDictionary()


def cue_matches(doc: Doc) -> list[regex.Match[str]]:
    """Matches of the figure pattern in the body and notes, in text order, found once per doc.

    The tagger chooses the words to tag by them and the figure reader reads them. A match holds the
    text, not the doc, so the cache keeps no doc alive.
    """
    found = _MATCHES.get(doc)
    if found is None:
        text = text_of(doc)
        found = _MATCHES[doc] = find_cues(doc, text, SectionMap.of(doc, text).regions("body", "notes"))
    return found


_FORMS: weakref.WeakKeyDictionary[Doc, FormMatches] = weakref.WeakKeyDictionary()


def form_matches(doc: Doc) -> FormMatches:
    """Fractions, shares and scientific notation in the body and notes, found once per doc (tagger and reader)."""
    found = _FORMS.get(doc)
    if found is None:
        text = text_of(doc)
        regions = SectionMap.of(doc, text).regions("body", "notes")
        found = _FORMS[doc] = FormMatches(*([m for start, end in regions for m in finder.finditer(text, start, end)]
                                            for finder in (FRACTION, SHARE, SCIENTIFIC)))
    return found


def figure_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where figures may be, for the tagger: the finder's matches, fractions, shares and scientific notation."""
    spans = [m.span() for m in cue_matches(doc) if not is_year(m.group())]
    spans.extend(m.span() for matches in form_matches(doc) for m in matches)
    return spans


def read_figures(doc: Doc, places: list[dict[str, Any]], dates: list[dict[str, Any]],
                 terms: dict[str, str]) -> list[dict[str, Any]]:
    """Figures of one doc (its sections, places, dates and acronym terms already read)."""
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    date_chars = [(d["span"]["start"], d["span"]["end"]) for d in dates]
    home = dollar_country(doc, places)
    found_dateline = sections.dateline or {}
    dateline = (int(found_dateline.get("start", 0)), int(found_dateline.get("end", 0)))
    out: list[dict[str, Any]] = []
    phones = [m.span() for m in PHONE.finditer(text)]
    date_chars = date_chars + phones  # digits of phone numbers are no figures either
    for start, end in sections.regions("body", "notes"):
        for m in RATIO.finditer(text, start, end):
            fig = ratio_figure(doc, m, terms)
            if fig is not None:
                out.append(fig)
                date_chars.append(m.span())
    dated = Intervals(date_chars)
    for fig in shares_and_notations(doc, form_matches(doc), terms):
        s, e = fig["span"]["start"], fig["span"]["end"]
        if not any(dated.overlapping(s, e)):
            out.append(fig)
            date_chars.append((s, e))
    taken = Intervals(date_chars)
    place_at = _Positions.of([(m["start"], p["name"]) for p in places for m in p["mentions"]])
    date_at = _Positions.of([(d["span"]["start"], str(d["start"])) for d in dates if d.get("start")])
    for m in cue_matches(doc):
        if _is_score(m):
            # "passed 92-3": a tally of votes, two counts (as "a vote of 52 to 47"); "a 9-2 lead": a score, none.
            if _VOTE_WORDS.search(text, max(start, m.start() - 50), min(end, m.end() + 30)):
                # The dash hidden, so that the second count is read as if it stood alone.
                plain = text[:m.end("n1")] + " " * (m.start("n2") - m.end("n1")) + text[m.start("n2"):]
                for a, b in ((m.start("n1"), m.end("n1")), (m.start("n2"), m.end("n2"))):
                    one = cues().pattern.match(plain, a, b)
                    fig = _figure(doc, one, taken, terms, home, place_at, date_at, dateline) if one else None
                    if fig is not None:
                        fig["sentence"] = sentence_text(text, sentence_at(doc, a), a)  # as printed, with its dash
                        out.append(fig)
            continue
        fig = _figure(doc, m, taken, terms, home, place_at, date_at, dateline)
        if fig is None and m.group("to") == "to" and is_year(m.group("n1") or "") and not m.group("between"):
            fig = {"high": None}  # "rose 60% in 2018 to 3.9 million": the year is no figure, the level is
        if fig is not None:
            if "value" in fig:
                out.append(fig)
            if m.group("n2") and fig["high"] is None:
                # Read as no range ("dropped 7% to $2.3 billion"): the second number is a figure of its own.
                second = cues().pattern.match(text, m.start("cur2") if m.group("cur2") else m.start("n2"), m.end())
                fig2 = _figure(doc, second, taken, terms, home, place_at, date_at, dateline) if second else None
                if fig2 is not None:
                    out.append(fig2)
    out.sort(key=lambda f: int(f["span"]["start"]))
    out = join_spans(out, doc)
    carry_over(out, text)
    imply_units(out, doc)
    return out


def _figure(doc: Doc, m: regex.Match[str], taken: Intervals, terms: dict[str, str],
            home: str | None, place_at: _Positions, date_at: _Positions,
            dateline: tuple[int, int]) -> dict[str, Any] | None:
    text = m.string
    s, e = m.span()
    while s < e and text[s].isspace():  # the optional currency's space may lead the match
        s += 1
    if s == e or not (m.group("n1") or m.group("vague")):
        return None
    if any(ds <= s < de or ds < e <= de for ds, de in taken.overlapping(s, e)):  # inside a date or phone
        return None
    if _excluded(text, m, doc):
        return None
    n1, n2 = m.group("n1"), m.group("n2")
    first_end = max(m.end("n1"), m.end("s1"), m.end("pct1"))  # where the first number ends, with its own unit
    words_only = n1 is not None and not any(ch.isdigit() for ch in n1)
    vague = m.group("vague")
    value = parse_number(vague) if vague else parse_number(n1 + (m.group("s1") or ""))
    if value is None:
        return None
    high = None
    if n2:
        s2 = m.group("s2") or ""
        high = parse_number(n2 + s2)
        if high is not None and not m.group("s1") and s2:
            # "5-10 million": the scale covers both ends; "from 800,000 to 1.3 million": it does not.
            scaled = parse_number(n1 + s2)
            if scaled is not None and scaled <= high:
                value = scaled
        elif high is not None and not m.group("s1") and words_only and n1.isalpha():
            # "four to five thousand": the second number's scale word covers the first.
            scale_word = n2.rsplit(None, 1)[-1].casefold()
            scaled = parse_number(f"{n1} {scale_word}") if scale_word in SCALE_WORDS else None
            if scaled is not None and scaled <= high:
                value = scaled
        if high is not None and high < value and m.group("between") and m.group("between").casefold() == "from":
            value, high = high, value  # "fell from 36,000 to 34,900": the span it moved over
        if (m.group("pct1") and not m.group("pct")) or (m.group("pct1") and qualifier_before(text, s)):
            # "dropped 7% to $2.3 billion", "from less than 10% to 75%": a change and a level, no range
            high = None
        if high is None or high <= value:
            n2, high, e = None, None, first_end
    if n2 is None and m.group("u1"):
        e = first_end
    if words_only and not m.group("cur") and not m.group("pct") and not _counts_a_noun(doc, e):
        return None
    if vague and not _counts_a_noun(doc, e):
        return None
    percent = bool(m.group("pct") or m.group("pct1")) or m.group("glued") == "pc"
    glued = m.group("glued") if not percent else None
    if m.group("cur") in ("P", "PS") and not (m.group("s1") or regex.search(r"[,.]", n1 or "")):
        return None  # "P3,000" and "P14-million" are pesos, "PS2.7m" pounds; "P3" and "PS5" alone are labels
    minus = _MINUS_BEFORE.search(text, max(0, s - 6), s)
    if m.group("sign") in ("-", "−") or m.group("csign") or minus:  # "-5 yards", "$-50.8bn", "minus 40"
        value, high = -value, (-high if high is not None else None)
        if high is not None:
            value, high = high, value
    if m.group("s1") == "m" and not m.group("cur") and regex.match(r"^(?:\s?\(|-(?:long|high|tall|wide|deep)\b)",
                                                                    text[e:e + 8]):
        value, glued = value / 1e6, "m"  # "a 37m (121ft) wall", "a 37m-long hull": metres, not millions
    symbol = m.group("cur") or m.group("cur2")
    currency = currency_of(symbol, text, home, m.start("cur") if m.group("cur") else -1) if symbol else None
    if currency is None and not percent and not glued and (named := currency_after(text, e, home)) is not None:
        currency, e = named
    if currency is None and words_only and value < 1:
        return None
    qualifier = "range" if n2 else "exact"
    q = qualifier_before(text, minus.start() if minus else s)  # "about minus 387 degrees"
    fig_start = minus.start() if minus else s
    if q and not n2:
        qualifier, fig_start = q
    magnitude = vague_span(vague) if vague and not q else None  # "up to hundreds of": the cue bounds it
    if magnitude is not None:
        qualifier, high = "range", magnitude[1]  # "tens of thousands": 10,000 to 100,000
    elif vague or (words_only and n1 and n1.casefold().startswith(("dozens", "hundreds", "thousands"))):
        qualifier = "approximate"
    unit = "%" if percent else (currency or glued or unit_phrase(doc, s, e if not m.group("u1") else first_end,
                                                                    terms))
    if unit and not percent:
        unit = with_rate(text, e, unit, bool(currency or glued))  # the unit already behind e
    sentence = sentence_at(doc, s)
    fig: dict[str, Any] = {
        "text": squash(text[fig_start:e]),
        "value": float(value),
        "qualifier": qualifier,
        "high": float(high) if high is not None else None,
        "unit": unit,
        "category": category(unit, currency, percent),
        "sentence": sentence_text(text, sentence, s),
        "place": _nearest(place_at.within(sentence, dateline), s),
        "date": _nearest(date_at.within(sentence, dateline), s),
        "span": {"start": fig_start, "end": e},
        # "between 5 and 10", "fell from 9 to 7" (the span it moved over) and "up from 2.4 million" (the level it
        # started at) are no changes themselves.
        "direction": None if m.group("between") else _direction(m, text, s, e, sentence.start_char, percent),
        "_implicit": unit is None,
        # "an average of 20 per week": the rate of a bare number, for the unit it is given later
        "_rate": with_rate(text, e, "", True).strip() if unit is None else "",
        "_sent": sentence.start,
    }
    return fig



def _direction(m: regex.Match[str], text: str, s: int, e: int, floor: int, percent: bool) -> str | None:
    """A change the words state; else a signed percentage ("Dow +0.2%", "DAX -1.6%") is one."""
    stated = change_direction(text, s, e, floor)
    if stated is None and percent and m.group("sign"):
        return "up" if m.group("sign") == "+" else "down"
    return stated


def _nearest(candidates: list[tuple[int, Any]], position: int) -> Any:
    """The candidate nearest before `position`, else the nearest after it."""
    before = [c for c in candidates if c[0] <= position]
    if before:
        return max(before, key=lambda c: c[0])[1]
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


@dataclass(frozen=True)
class _Positions:
    """Place or date names by start, sorted once per doc, so that a sentence's are found by bisection.

    A scan of every mention per figure was quadratic in releases with many figures and places. The sort
    is stable, so of two names at one position the first read still wins, as it did in the scan.
    """

    starts: list[int]
    items: list[tuple[int, str]]

    @classmethod
    def of(cls, items: list[tuple[int, str]]) -> _Positions:
        items = sorted(items, key=lambda c: c[0])
        return cls([c[0] for c in items], items)

    def within(self, sentence: Span, skip: tuple[int, int]) -> list[tuple[int, str]]:
        """Those in the sentence, except in `skip` (the dateline's place and date are not a figure's)."""
        lo, hi = bisect_left(self.starts, sentence.start_char), bisect_left(self.starts, sentence.end_char)
        return [c for c in self.items[lo:hi] if not skip[0] <= c[0] < skip[1]]



def _is_score(m: regex.Match[str]) -> bool:
    """Whether the match is a score or a tally ("a 9-2 lead"), which is no range and no figure."""
    n1, n2 = m.group("n1"), m.group("n2")
    if not (n1 and n2 and m.group("to") in ("-", "–")) or m.group("between") or m.group("cur") or m.group("pct"):
        return False
    score = _SCORE.fullmatch(m.string, m.start("n1"), m.end("n2"))
    return score is not None and int(score.group(2)) <= int(score.group(1))


def is_year(text: str) -> bool:
    """`2023`: four digits of a plausible year, which the figure reader leaves to the date reader."""
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def is_figure_text(text: str) -> bool:
    """Whether `text` is, on its own, a number expression the finder reads (for tests and tools)."""
    m = cues().pattern.fullmatch(text.strip())
    return bool(m and (m.group("n1") or m.group("vague"))) or is_vague(text)
