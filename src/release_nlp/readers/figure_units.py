"""Figure units: the noun a number counts, its currency and category, a rate's "per" part, implied units."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

import regex
from spacy.tokens import Doc, Token

from release_nlp.core.docindex import index_of
from release_nlp.core.tags import is_adjective, is_adverb, is_noun, is_participle
from release_nlp.core.text import squash
from release_nlp.readers.figure_cues import cues, sentence_at, token_at


def unit_phrase(doc: Doc, start_char: int, end_char: int, terms: dict[str, str]) -> str | None:
    """The noun a number counts, with its modifiers: `internally displaced persons`, `tonnes of food`."""
    first = token_at(doc, end_char)
    if first is None or first.is_punct or sentence_at(doc, first.idx).start != sentence_at(doc, start_char).start:
        return None
    tokens: list[Token] = []
    t: Token | None = first
    if t is not None and t.lower_ == "of" and t.i + 1 < len(doc):  # "millions of people", "dozens of homes"
        t = doc[t.i + 1]
        if t.lower_ in ("the", "these", "those", "them"):
            return None
    while t is not None and t.i < len(doc) and len(tokens) < 8:  # a unit is a short noun phrase
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if is_noun(t) or is_adjective(t) or is_participle(t) or t.tag_ == "CD" or t.text in ("-", "U.S."):
            tokens.append(t)
            if is_noun(t) and (nxt is None or not is_noun(nxt)):
                if nxt is not None and nxt.lower_ == "of" and t.lower_ in cues().measures and t.i + 2 < len(doc):
                    tokens.append(nxt)  # "tonnes of food"
                    t = doc[t.i + 2]
                    continue
                break
            t = nxt
            continue
        # "internally displaced persons": an adverb that modifies the next modifier.
        if is_adverb(t) and nxt is not None and (is_adjective(nxt) or is_participle(nxt)):
            tokens.append(t)
            t = nxt
            continue
        break
    while tokens and not is_noun(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    phrase = squash(doc[tokens[0].i:tokens[-1].i + 1].text)
    phrase = regex.sub(r"^(?:more|additional|other|further|new)\s+", "", phrase, flags=regex.IGNORECASE)
    return terms.get(phrase, phrase)



def category(unit: str | None, currency: str | None, percent: bool) -> str:
    """money, percentage, people, quantity or other."""
    if currency:
        return "money"
    if percent:
        return "percentage"
    if not unit:
        return "other"
    words = unit.casefold().split()
    c = cues()
    if any(w in c.people for w in words) or words[-1] in c.people:
        return "people"
    if words[0] in c.measures or unit.casefold() in c.measures:
        return "quantity"
    return "other"


def currency_of(symbol: str, text: str, home_country: str | None) -> str:
    """The ISO code of a currency mark; a bare `$` is the dollar the text names, else the home country's."""
    code = cues().currencies.get(symbol, symbol.upper())
    if code != "$":
        return code
    return dollar_named_in(text) or cues().dollar_countries.get(home_country or "", "USD")


@lru_cache(maxsize=4)
def sterling_text(text: str) -> bool:
    """Whether bare "pounds" in this text are money: it prints £, GBP or "sterling" somewhere; else they weigh."""
    return bool(regex.search(r"£|\bGBP\b|(?i:\bsterling\b)", text))


@lru_cache(maxsize=4)
def dollar_named_in(text: str) -> str | None:
    """The currency of a named dollar in the text ("Australian dollars"); read once per text, not per figure."""
    folded = text.casefold()
    for words, iso in cues().currency_words.items():
        if iso not in ("$",) and " " in words and words in folded and "dollar" in words:
            return iso
    return None




def dollar_country(doc: Doc, places: list[dict[str, Any]]) -> str | None:
    """The country whose dollar a bare `$` means; None means US dollars.

    A dollar country named in a sentence with a `$` amount: "Today, Canada announced an additional $15 million".
    """
    dollar_countries = cues().dollar_countries
    for place in places:
        code = place.get("country_code")
        if place.get("kind") != "country" or code not in dollar_countries:
            continue
        for mention in place["mentions"]:
            sentence = sentence_at(doc, mention["start"])
            if regex.search(r"(?<![A-Z])\$\s?\d", sentence.text):
                return str(code)
    return None



_RATE_A = ("second|minute|hour|day|night|week|fortnight|month|quarter|year|barrel|share|gallon|ounce|tonne|ton|"
           "head|pound|litre|liter|kilo|kilogram|kg|person|household|student|patient|visit")
_PER = regex.compile(rf"(?i)\s(?:(?:per|a|an)\s(?P<a>(?:square\s|cubic\s)?(?:{_RATE_A})s?)|per\s(?P<per>(?!cent\b)"
                     r"(?:square\s|cubic\s)?[\p{L}][\p{L}-]{1,20}))(?![\p{L}-])")


def with_rate(text: str, end: int, unit: str, money: bool) -> str:
    """`$58 per barrel`, `800,000 barrels a day`, `3 km/h`: the unit with the thing it is counted per."""
    rest = text[end:end + 80]
    if not money:
        words = regex.escape(unit).replace("\\ ", r"\s+")
        lead = regex.match(rf"\s+(?:{words})", rest)
        if lead is None:
            return unit
        rest = rest[lead.end():]
    slash = regex.match(r"/(?P<d>h|hr|s|sec|min|day|yr|year|month|week)\b", rest)
    if slash:
        return f"{unit}/{slash['d']}"
    m = _PER.match(rest)
    if m is None:
        return unit
    return f"{unit} per {(m['a'] or m['per']).casefold()}"



def imply_units(figures: list[dict[str, Any]], doc: Doc) -> None:
    """`over 170,000 remain displaced`: the unit is that of the counted figure before it (within two sentences)."""
    starts = index_of(doc).sent_starts
    last: tuple[int, dict[str, Any]] | None = None  # (sentence number, figure) of the last counted figure
    for fig in figures:
        implicit = fig.pop("_implicit")
        sentence_number = bisect_right(starts, fig.pop("_sent")) - 1
        if implicit and last is not None and sentence_number - last[0] <= 2:
            fig["unit"] = last[1]["unit"]
            fig["category"] = last[1]["category"]
        if fig.get("unit") and fig["category"] not in ("money", "percentage"):
            last = (sentence_number, fig)

