"""The figure vocabulary (`models/figures.json`), the finder pattern built from it, and where a figure sits.

Shared by the figure reader (`figures.py`) and the unit reader (`figure_units.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy
import regex
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from release_nlp.core.docindex import index_of
from release_nlp.core.resources import load_json
from release_nlp.core.text import squash
from release_nlp.readers.numbers import NUMBER_WORD, VAGUE

RATIO = regex.compile(
    r"(?i)(?<![\w-])(?P<a>one|two|three|four|five|\d{1,3})\s(?:in|out\sof)\s"
    r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,4})(?![\w-])"
)
PHONE = regex.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}")
# "1/16 of a pint", "3⁄4 cup": a fraction of small numbers. With "/", only before "of a" or a word, and only with
# a denominator that measures ("9/11 attacks" is a name; "3/4/2021" a date).
FRACTION = regex.compile(
    r"(?<![\w/.,-])(?P<a>\d{1,2})\s?(?:(?P<slash>/)|\u2044)\s?(?P<b>2|3|4|5|6|8|10|12|16|32|64|100|128|1000)"
    r"(?![\w/.,⁄-])(?(slash)(?=\s(?:of\s(?:a|an|the)\b|\p{L}))|)"
)
# "one third of", "two-thirds of", "a quarter of", "half of", "half the": a share of what follows.
SHARE = regex.compile(
    r"(?i)(?<![\w-])(?:(?P<a>a|one|two|three|four|five|seven|nine)[\s-]"
    r"(?P<b>thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\s(?=of\s)"
    r"|(?P<half>half)\s(?=(?:of\s)?(?:the|its|their|those|these|our|all|which|them)\b))"
)
# "2.998×10−8", "6.02 x 10^23", "3×10⁸": scientific notation (the exponent's sign or mark keeps "x 1024" out).
SCIENTIFIC = regex.compile(
    r"(?<![\w.])(?P<m>\d{1,3}(?:\.\d{1,9})?)\s?[×xX]\s?10(?:(?:\^|\*\*)(?P<e1>[-−–]?\d{1,3})|(?P<e2>[-−–]\d{1,3})"
    r"|(?P<e3>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\w.])"
)
SHARE_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}


@dataclass(frozen=True)
class Cues:
    """Word lists from `models/figures.json`, loaded once."""

    qualifiers: tuple[tuple[str, str], ...]  # (phrase, qualifier), longest first
    currencies: dict[str, str]
    currency_words: dict[str, str]
    dollar_countries: dict[str, str]
    name_prefixes: frozenset[str]
    people: frozenset[str]
    measures: frozenset[str]
    pattern: regex.Pattern[str] = field(compare=False)
    qualifier_pattern: regex.Pattern[str] = field(compare=False)
    # Every match of `pattern` has, at most `lead` characters after its start, a digit or one of `carriers`
    # (see `find_cues`).
    carriers: regex.Pattern[str] = field(compare=False)
    lead: int


@cache
def cues() -> Cues:
    """The figure vocabulary and the finder pattern built from it."""
    data = load_json("figures.json")
    quals = sorted(((p, q) for q, ps in data["qualifiers"].items() for p in ps), key=lambda x: -len(x[0]))
    symbols = sorted(data["currencies"], key=len, reverse=True)
    cur = "|".join(regex.escape(s) for s in symbols)
    number_words = [regex.escape(w) for w in NUMBER_WORD if w not in ("a", "an", "no", "k", "m", "b", "mn", "bn",
                                                                      "tn", "mln", "mil", "lakh", "crore",
                                                                      "millions")]
    words = "|".join(number_words)
    vague = "|".join(regex.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
    # Bounded repeats: a run of thousands of digits is no figure, and must not be parsed as one.
    num = (r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?|\d{1,3}(?:[\u00a0\u202f ]\d{3}){1,5}(?![\d,.])"
           r"|\d{1,15}(?:\.\d{1,6})?|(?<=\s)\.\d{1,6}")
    wordnum = (rf"(?:half\s(?:a|an)\s(?:million|billion|dozen)|a\s(?:dozen|million|billion|hundred|thousand)"
               rf"|(?:{words})(?:[\s-](?:and\s)?(?:{words}))*)")
    # " m" is a scale word, but not the m of "80 m.p.h.".
    # "4 hundred million": a hundred after digits, before another scale word or alone; "$1mil", "RM3.06mil".
    scale = (r"(?:\s?-?(?:million|billion|trillion|thousand|mn|mln|bn|tn)|(?<=\d)(?:mil|m|M|k|K|b|B)"
             r"|(?<=\d)\s(?i:hundred)(?:\s(?i:thousand|million|billion))?"
             r"|\s(?:m|bn)\b(?!\.\p{L}))(?![\p{L}])")
    glued = "|".join(regex.escape(u) for u in sorted(data["glued_units"], key=len, reverse=True))
    pattern = regex.compile(
        rf"""(?xi)
        (?:(?<![\p{{L}}\d$€£¥₹.,/-])|(?<=\b(?:minus|sub)-))
        (?:(?P<between>between|from)\s)?
        (?>(?P<by>(?<=\b(?i:by)\s))?)
        (?P<sign>(?<=[\s(])(?:[-−](?=\d[\d.,]*(?:%|\s\p{{L}}))|\+(?=\d{{1,3}}(?:\.\d+)?%)))?
        (?P<cur>(?-i:{cur}))?\s?
        (?P<csign>(?<=[$€£¥])[-−](?=\d))?
        (?:(?P<vague>(?:{vague}))(?=\s+of\b)
          |(?P<n1>{num}|{wordnum})(?P<s1>{scale})?
           (?:(?P<pct1>\s?(?:%|per\s?cent\b|percent\b))(?=\s?(?:to|and|[-–—])\s?\d)
              |(?P<g1>(?<=\d)(?-i:{glued}))(?=\s?(?:to|and|[-–—])\s?\d)
              |(?(between)(?P<u1>\s(?!to\b|and\b)\p{{L}}{{2,15}}(?:\s(?!to\b|and\b)\p{{L}}{{2,15}})?)
                 (?=\s(?:to|and)\s\S{{0,4}}\d)|(?!)))?
           (?:(?(by)(?(cur)(?!)|(?(s1)(?!)|))|)(?!\s[-–—−]\S)\s?(?P<to>[-–—](?=\s?(?-i:{cur})?\s?\d)|to|(?(between)and|(?!)))\s?(?P<cur2>(?-i:{cur}))?\s?(?P<n2>{num}|{wordnum})
              (?P<s2>{scale})?)?
        )
        (?P<pct>\s?(?:%|per\s?cent\b|percent\b))?
        (?P<glued>(?<=\d)(?-i:{glued})(?![\p{{L}}\d]))?
        (?![\p{{L}}\d]|[-/]\d|,\d|\.\d)
        """
    )
    return Cues(
        qualifiers=tuple(quals),
        currencies=dict(data["currencies"]),
        currency_words={k: v for k, v in data["currency_words"].items()},
        dollar_countries=dict(data["dollar_countries"]),
        name_prefixes=frozenset(data["name_prefixes"]),
        people=frozenset(data["people_nouns"]),
        measures=frozenset(data["measure_nouns"]),
        pattern=pattern,
        qualifier_pattern=regex.compile(
            r"(?:^|[^\p{L}])(?P<q>" + "|".join(regex.escape(p) for p, _ in quals) + r")\s*$"),
        # The words a match's number may begin with: the number words above, the vague words, and the scale
        # word of "a dozen" / "a million" (the "a" is the lead's last two characters; "half" is a carrier).
        carriers=regex.compile(r"(?i)" + "|".join(sorted(
            {*number_words, *(regex.escape(v.split()[0]) for v in VAGUE), "half", "dozen", "hundred",
             "thousand", "million", "billion"}, key=len, reverse=True))),
        # What may stand before the number: "between " + sign + the longest currency + space + sign + "a ".
        lead=len("between ") + 1 + max(map(len, symbols)) + 1 + 1 + len("a "),
    )


# Per word (by its string id): may a figure begin in it? It grows as spaCy's string store, whose ids it keys
# on, grows: one bool per distinct word seen.
_CARRIES: dict[int, bool] = {}


def _carries_figure(orth: int, strings: StringStore) -> bool:
    found = _CARRIES.get(orth)
    if found is None:
        word = strings[orth]
        found = _CARRIES[orth] = any(c.isdigit() for c in word) or cues().carriers.search(word) is not None
    return found


def find_cues(doc: Doc, text: str, regions: list[tuple[int, int]]) -> list[regex.Match[str]]:
    """The matches of the finder pattern in `regions` of the doc's text, exactly as `pattern.finditer` finds them.

    Tried at every character, the pattern took a twentieth of the whole extraction's time; so it is tried
    only from `lead` characters before each word that holds a digit or a number or vague word to that
    word's end: every match starts in such a range, since its number begins at most `lead` characters
    after it, inside such a word. A word that merely contains one ("often") costs a few tries, no miss.
    """
    found = cues()
    lead = found.lead
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IDX, LENGTH])
    carrying = {orth for orth in numpy.unique(rows[:, 0]).tolist() if _carries_figure(orth, strings)}
    windows: list[list[int]] = []
    for orth, start, length in rows.tolist():
        if orth in carrying:
            if windows and start - lead <= windows[-1][1] + 1:
                windows[-1][1] = start + length
            else:
                windows.append([max(0, start - lead), start + length])
    out: list[regex.Match[str]] = []
    match = found.pattern.match
    for region_start, region_end in regions:
        pos = region_start
        for lo, hi in windows:
            if hi < region_start or lo >= region_end:
                continue
            at, last = max(lo, pos), min(hi, region_end - 1)
            while at <= last:
                m = match(text, at, region_end)
                if m is None:
                    at += 1
                else:
                    out.append(m)
                    at = pos = m.end()
    return out


def qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """Qualifier cue in the words just before `start`, and where the cue begins."""
    window = max(0, start - 40)
    m = cues().qualifier_pattern.search(text[window:start].casefold())
    if m is None:
        return None
    phrase = m.group("q")
    return dict(cues().qualifiers)[phrase], window + m.start("q")




def token_at(doc: Doc, char: int) -> Token | None:
    """The token at a character offset."""
    return index_of(doc).token_at(char)


def sentence_at(doc: Doc, char: int) -> Span:
    """The sentence holding a character offset."""
    index = index_of(doc)
    return index.sentence(index.token_index(char))


def sentence_text(text: str, sentence: Span, start: int) -> str:
    """The figure's sentence; a window around the figure when the "sentence" is a run-on list or table."""
    if sentence.end_char - sentence.start_char <= 1000:
        return squash(text[sentence.start_char:sentence.end_char])
    return squash(text[max(sentence.start_char, start - 200):min(sentence.end_char, start + 200)])

