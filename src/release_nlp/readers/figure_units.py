"""Figure units: the noun a number counts, its currency and category, a rate's "per" part, implied units."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache, lru_cache
from typing import Any

import regex
from spacy.tokens import Doc, Token

from release_nlp.core.docindex import index_of, text_of
from release_nlp.core.resources import load_json
from release_nlp.core.tags import is_adjective, is_adverb, is_noun, is_participle
from release_nlp.core.text import squash
from release_nlp.readers.figure_cues import cues, sentence_at, token_at
from release_nlp.readers.patterns import MONTHS

_TIME_NOUNS = frozenset({"minute", "hour", "day", "week", "weekend", "month", "quarter", "year", "season", "decade",
                         "century", "spring", "summer", "autumn", "fall", "winter", "night", "morning", "evening",
                         "time"})
_DEICTIC = frozenset({"last", "this", "next", "past", "previous", "coming"})
_POSSESSIVE_DETERMINERS = frozenset({"its", "their", "our", "his", "her", "my", "your"})
_COORDINATORS = frozenset({"and", "or", "&"})
# Nouns whose plural is the singular form: a number can count them though the tagger says NN.
_INVARIANT_PLURALS = frozenset({"aircraft", "personnel", "staff", "people", "police", "cattle", "livestock", "poultry",
                                "sheep", "fish", "deer", "series", "species", "offspring", "equipment", "crew"})
# "7- or 8-inch screens": the first number's unit is printed once, on the second.
_SUSPENDED = regex.compile(r"-(?:,?\s(?:(?:or|and|to)\s)?(?:\d[\d.,]*|\p{L}+)-)+(?=\p{L})")


@cache
def unit_symbols() -> frozenset[str]:
    """Unit symbols (the glued units of `models/figures.json`), a unit after a number whatever its tag: "224 kW"."""
    return frozenset(load_json("figures.json")["glued_units"])


@cache
def _symbol_after() -> regex.Pattern[str]:
    """A unit symbol after one space: the unit of the number before it."""
    symbols = sorted(unit_symbols(), key=len, reverse=True)
    return regex.compile(r"\s(?:" + "|".join(regex.escape(s) for s in symbols) + r")(?![\p{L}\d])")


def unit_phrase(doc: Doc, start_char: int, end_char: int, terms: dict[str, str]) -> str | None:
    """The noun a number counts, with its modifiers: `internally displaced persons`, `tonnes of food`."""
    text = text_of(doc)
    hyphened = _hyphen_unit(doc, text, start_char, end_char)
    if hyphened is not None:
        return hyphened or None
    first = token_at(doc, end_char)
    if first is None or first.is_punct or sentence_at(doc, first.idx).start != sentence_at(doc, start_char).start:
        return None
    symbol = _symbol_after().match(text, end_char)
    if symbol is not None and not is_noun(first):
        last = token_at(doc, symbol.end() - 1)  # "224 kW", "450 sq ft", "586 lb-ft": whatever the tagger says
        while last is not None and _glued_hyphen(doc, last.i):
            last = doc[last.i + 2]
        return _tidy(squash(text[symbol.start() + 1:last.idx + len(last) if last is not None else symbol.end()]))
    tokens: list[Token] = []
    t: Token | None = first
    after_of = of_a_number = False
    if t is not None and t.lower_ == "of" and t.i + 1 < len(doc):  # "millions of people", "dozens of homes"
        t = doc[t.i + 1]
        counted = t.i + 2 < len(doc) and doc[t.i + 1].tag_ == "CD"  # "9 of the 17 goals": the goals
        if t.lower_ in ("the", "these", "those", "them") and not counted:
            return None
        if (t.lower_ in _POSSESSIVE_DETERMINERS or t.lower_ in ("the", "these", "those")) and t.i + 1 < len(doc):
            t = doc[t.i + 1]  # "35 million of its users"
            while t.tag_ == "CD" and t.i + 1 < len(doc):  # "14 of its 15 members", "of the 90 million"
                t = doc[t.i + 1]
                of_a_number = True
        after_of = True
    while t is not None and t.i < len(doc) and len(tokens) < 8:  # a unit is a short noun phrase
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if _nounish(t) or is_adjective(t) or is_participle(t) or t.tag_ == "CD" or t.text in ("-", "U.S."):
            tokens.append(t)
            if _nounish(t) and nxt is not None and (_glued_hyphen(doc, t.i) or _glued_modifier(doc, t.i)):
                t = doc[t.i + 2]  # "lb-ft", "kilowatt-hours": one compound unit; "conflict-affected": a modifier
                tokens.append(nxt)
                continue
            if is_noun(t) and nxt is not None and after_of and len(tokens) == 1 and nxt.tag_ == "POS" \
                    and t.i + 2 < len(doc):
                tokens.append(nxt)  # "two of Kenya's provinces"
                t = doc[t.i + 2]
                continue
            if _nounish(t) and (nxt is None or not is_noun(nxt)):
                if nxt is not None and nxt.lower_ == "of" and t.lower_ in cues().measures and t.i + 2 < len(doc):
                    tokens.append(nxt)  # "tonnes of food"
                    t = doc[t.i + 2]
                    continue
                if nxt is not None and nxt.lower_ in _COORDINATORS and t.tag_ in ("NN", "NNP") \
                        and _plural_head_ahead(doc, nxt.i + 1):
                    tokens.append(nxt)  # "460 Kia and Hyundai cars": a name or a modifier joined to another
                    t = doc[nxt.i + 1]
                    continue
                break
            t = nxt
            continue
        # "internally displaced persons": an adverb that modifies the next modifier.
        if is_adverb(t) and nxt is not None and (is_adjective(nxt) or is_participle(nxt)):
            tokens.append(t)
            t = nxt
            continue
        # "4.3 million digital and physical sales": modifiers joined by "and".
        if t.lower_ in _COORDINATORS and tokens and (is_adjective(tokens[-1]) or is_participle(tokens[-1])) \
                and nxt is not None and (is_adjective(nxt) or is_participle(nxt) or is_noun(nxt)):
            tokens.append(t)
            t = nxt
            continue
        break
    while tokens and not _nounish(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    if len(tokens) > 1 and tokens[0].lower_ in _DEICTIC and tokens[1].lower_ in _TIME_NOUNS:
        return None  # "sales of 2.1 million last year": a time, not the counted thing
    if not after_of:
        tokens = _attributive(tokens, text[start_char:end_char])
    phrase = squash(doc[tokens[0].i:tokens[-1].i + 1].text)
    phrase = regex.sub(r"^(?:more|additional|other|further|new)\s+", "", phrase, flags=regex.IGNORECASE)
    if of_a_number and phrase.casefold() in cues().currency_words:
        return None  # "30 million of the 90 million rubles": the figure after it gives the currency
    phrase = _tidy(phrase)
    return terms.get(phrase, phrase)


# "m.p.h.", "k.p.h": a unit abbreviated letter by letter, written as its letters ("mph").
_DOTTED = regex.compile(r"(?:\p{L}\.){2,}\p{L}?\.?")


def _tidy(unit: str) -> str:
    """A unit without the full stop that ends its sentence ("at 125.8 p.") or its dotted spelling ("80 m.p.h.")."""
    if _DOTTED.fullmatch(unit):
        return unit.replace(".", "")
    return unit[:-1] if unit.endswith(".") and len(unit) > 1 else unit


def _nounish(token: Token) -> bool:
    """A noun, or a unit symbol the tagger took for something else ("lb-ft" tagged NNP, HYPH, FW)."""
    return is_noun(token) or token.text in unit_symbols()


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Whether token i, a hyphen and a noun are written as one word: "pound-feet", "lb-ft"."""
    if i + 2 >= len(doc):
        return False
    t, dash, after = doc[i], doc[i + 1], doc[i + 2]
    return dash.text == "-" and not t.whitespace_ and not dash.whitespace_ \
        and (is_noun(after) or after.text in unit_symbols()) and after.lower_ not in ("a", "an", "per")


def _glued_modifier(doc: Doc, i: int) -> bool:
    """Whether noun i and a hyphen make one modifier with the adjective or participle after them: "coal-fired"."""
    if i + 2 >= len(doc):
        return False
    t, dash, after = doc[i], doc[i + 1], doc[i + 2]
    return dash.text == "-" and not t.whitespace_ and not dash.whitespace_ \
        and (is_adjective(after) or is_participle(after))


def _plural_head_ahead(doc: Doc, i: int) -> bool:
    """Whether a plural noun ends the modifiers from token i on: "Hyundai cars", "Model S vehicles"."""
    for t in doc[i:min(len(doc), i + 4)]:
        if t.tag_ in ("NNS", "NNPS"):
            return True
        if not (is_noun(t) or is_adjective(t)):
            return False
    return False


def _attributive(tokens: list[Token], number: str) -> list[Token]:
    """A 12 page report: a plural number before two singular nouns counts the first, which modifies the second.

    English puts attributive nouns in the singular ("a 200 bed hospital", "a 3 cylinder engine"); a number
    above one cannot count a singular head, so it counts the noun that agrees with it ("12 pages").
    """
    nouns = [t for t in tokens if is_noun(t)]
    if len(nouns) < 2 or number.strip().casefold() in ("1", "one", "a", "an", "single") \
            or any(t.lower_ == "of" or t.text == "-" for t in tokens):  # "tonnes of rice", "586 lb-ft"
        return tokens
    if any(t.tag_ != "NN" for t in nouns[1:]) or nouns[-1].lower_ in _INVARIANT_PLURALS:
        return tokens
    if nouns[0].tag_ != "NN" and nouns[0].text not in unit_symbols():  # "155 mm fire": a symbol has no number
        return tokens
    if not (nouns[0].is_lower or nouns[0].text in unit_symbols()):
        return tokens  # "60 F-22A aircraft": a name, not a measure
    # A two-word measure ("a 60 basis point cut") is one attributive noun.
    counted = 2 if f"{nouns[0].lower_} {nouns[1].lower_}s" in cues().measures else 1
    return tokens[:tokens.index(nouns[counted - 1]) + 1] if counted < len(nouns) else tokens


def _hyphen_unit(doc: Doc, text: str, start_char: int, end_char: int) -> str | None:
    """The unit a hyphen joins to the number ("a 2.4-liter engine", "a 185-hp motor", "7- or 8-inch screens").

    None when the number takes no hyphen; "" when it does but no noun follows ("a 100-strong team").
    """
    at = end_char
    suspended = _SUSPENDED.match(text, at)
    if suspended is not None:
        at = suspended.end() - 1
    elif not regex.match(r"-\p{L}", text[at:at + 2]):
        return None
    word = token_at(doc, at + 1)
    if word is None or word.idx != at + 1 or sentence_at(doc, word.idx).start != sentence_at(doc, start_char).start:
        return ""
    if not (word.text in unit_symbols() or (is_noun(word) and word.is_lower and word.is_alpha and not word.is_stop)) \
            or word.lower_.rstrip(".") in MONTHS:
        return ""  # "Nov 13-Dec 20", "10-to-1", "800-USA-RAIL": no unit
    last = word
    while _glued_hyphen(doc, last.i):
        last = doc[last.i + 2]
    return squash(doc[word.i:last.i + 1].text)


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
    if words[0] in c.measures or words[0] + "s" in c.measures or unit.casefold() in c.measures \
            or unit in unit_symbols():
        return "quantity"  # "tonnes of food", "a 2.4-litre engine", "224 kW"
    return "other"


def currency_of(symbol: str, text: str, home_country: str | None, at: int = -1) -> str:
    """The ISO code of a currency mark; a bare `$` is the dollar the text names, else the home country's.

    A bare `$` in brackets after an amount in another currency is its conversion into US dollars, the
    newswire convention: "10 million Australian dollars ($7 million)", "C$6 ($4.46)". `at`: where the mark is.
    """
    code = cues().currencies.get(symbol, symbol.upper())
    if code != "$":
        return code
    if at > 0 and _converted(text, at):
        return "USD"
    return dollar_named_in(text) or cues().dollar_countries.get(home_country or "", "USD")


@cache
def _currency_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a currency named after an amount, an amount in a currency other than a bare `$` just before a bracket)."""
    c = cues()
    words = sorted(c.currency_words, key=len, reverse=True)
    codes = sorted({iso for symbol, iso in c.currencies.items() if symbol == iso and regex.fullmatch(r"[A-Z]{3}", iso)})
    after = regex.compile(r"\s(?:(?i:(?P<word>" + "|".join(regex.escape(w) for w in words) + r"))|(?P<code>"
                          + "|".join(codes) + r"))(?![\p{L}])")
    marks = sorted((s for s in c.currencies if s != "$"), key=len, reverse=True)
    other = [regex.escape(w) for w in words if c.currency_words[w] != "$"]
    before = regex.compile(r"(?:(?-i:" + "|".join(regex.escape(m) for m in marks) + r")\s?\d[\d.,]*"
                           r"(?:\s?\p{L}{1,8})?|\d(?:\s?\p{L}{1,8})?\s(?i:" + "|".join(other) + r"))\s?\(\s?$")
    return after, before


def _converted(text: str, at: int) -> bool:
    return _currency_patterns()[1].search(text, max(0, at - 60), at) is not None


def currency_after(text: str, end: int, home: str | None) -> tuple[str, int] | None:
    """The currency named after an amount ("6.6bn euros", "500 EUR", "9 billion shekels"), and where it ends.

    Bare "pounds" are money only in a text that prints sterling somewhere; else they weigh.
    """
    m = _currency_patterns()[0].match(text, end, min(len(text), end + 30))
    if m is None:
        return None
    word = (m["word"] or "").casefold()
    if word == "pounds" and not sterling_text(text):
        return None
    iso = m["code"] or cues().currency_words[word]
    return (iso if iso != "$" else currency_of("$", text, home)), m.end()


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
# "a year earlier", "a day later": a time before or after, not a rate.
_NOT_RATE = r"(?![\p{L}-])(?!\s(?:earlier|ago|later|before|after|prior|on|from)\b)"
_PER = regex.compile(rf"(?i)[\s-](?:(?:per|a|an)[\s-](?P<a>(?:square\s|cubic\s)?(?:{_RATE_A})s?){_NOT_RATE}"
                     r"|per\s(?P<per>sq\.?\s?(?:m|ft|km|mi)\b|(?!cent\b)(?:square\s|cubic\s)?[\p{L}][\p{L}-]{1,20}"
                     r"(?![\p{L}-])))")
# The denominators a slash rate takes: time and the usual length, area, mass and volume symbols.
_SLASH = regex.compile(r"/(?P<d>hr|h|sec|s|min|day|yr|year|month|week|km|cm|mm|m|kg|g|l|L|ml|kWh|MWh)"
                       r"(?![\p{L}])[²³23]?")
# "9 billion shekels ($2.4 billion) a year": a conversion in brackets between an amount and its rate.
_BRACKETED = regex.compile(r"\s?\([^()\n]{1,40}\)")
_INNER_CAPITAL = regex.compile(r".\p{Lu}")


_LEAD_GAP = regex.compile(r"[\s-]*")
_WORD_GAP = regex.compile(r"\s+")


def _unit_lead_end(rest: str, unit: str) -> int | None:
    """Where the unit's words end as they follow a number, spaced any way (None: they do not follow).

    Walked word by word rather than compiled: units vary so much that a pattern per unit was compiled for
    most figures of a batch.
    """
    if unit[:1] == "-" or unit[:1].isspace():
        m = regex.match(r"[\s-]*(?:" + regex.escape(unit).replace("\\ ", r"\s+") + ")", rest)
        return m.end() if m else None
    pos = _LEAD_GAP.match(rest).end()  # type: ignore[union-attr]  # matches the empty string at least
    for i, word in enumerate(unit.split(" ")):
        if i:
            gap = _WORD_GAP.match(rest, pos)
            if gap is None:
                return None
            pos = gap.end()
        if not rest.startswith(word, pos):
            return None
        pos += len(word)
    return pos


def with_rate(text: str, end: int, unit: str, money: bool) -> str:
    """`$58 per barrel`, `800,000 barrels a day`, `3 km/h`: the unit with the thing it is counted per.

    `money`: the unit (a currency, a glued symbol) is already behind `end`; else it is the words that follow.
    """
    rest = text[end:end + 80]
    if not money:
        lead = _unit_lead_end(rest, unit)
        if lead is None and not rest.startswith("/"):
            return unit
        rest = rest[lead:] if lead is not None else rest
    slash = _SLASH.match(rest)
    if slash:
        return f"{unit}/{slash.group()[1:]}"  # with its power: "A/cm2"
    bracketed = _BRACKETED.match(rest)
    m = _PER.match(rest) or (_PER.match(rest, bracketed.end()) if bracketed else None)
    if m is None:
        return unit
    per = squash(m['a'] or m['per'])
    # "per Barrel" in a headline is a barrel; "per mmBTU", "per MWh" keep the capitals that are the symbol.
    return f"{unit} per {per if _INNER_CAPITAL.search(per) else per.casefold()}"



# Between a bare number and the figure that prints the unit for both: "8 or $9", "14 of its 15 members".
_JOINED = regex.compile(r"\s(?:or|of(?:\s(?:the|its|their|our|his|her))?)\s")


def imply_units(figures: list[dict[str, Any]], doc: Doc) -> None:
    """`over 170,000 remain displaced`: the unit is that of the counted figure before it (within two sentences).

    Money, percentages and durations are no such figure, except in the figure's own sentence for a level
    compared with the one before ("rose to 5% from 4", "sales of 3 million cars, up from 2 million") and for a
    change beside another ("exports rose 2% but imports fell 1"). A number joined by "or" or "of (the)" to the
    next figure shares its unit, whatever it is, and so does a level before its change in points or in a
    counted noun ("closed at 5,120.4, up 31.1 points").
    """
    starts = index_of(doc).sent_starts
    text = text_of(doc)
    last: tuple[int, dict[str, Any]] | None = None  # (sentence number, figure) of the last counted figure
    before: tuple[int, dict[str, Any]] | None = None  # (sentence number, figure) of the figure just before
    for i, fig in enumerate(figures):
        implicit = fig.pop("_implicit")
        rate = fig.pop("_rate", "")
        sentence_number = bisect_right(starts, fig.pop("_sent")) - 1
        after = figures[i + 1] if i + 1 < len(figures) else None
        same = before[1] if before is not None and before[0] == sentence_number and before[1].get("unit") else None
        if implicit and after is not None and after.get("unit") and _JOINED.fullmatch(
                text, fig["span"]["end"], after["span"]["start"]):
            # "8 or $9", "280 million of the 1.5 billion shekels": one unit printed for both
            _imply(fig, after, rate)
        elif implicit and same is not None and _compared(fig, same, text):
            _imply(fig, same, rate)
        elif implicit and after is not None and after.get("unit") and after["direction"] is not None \
                and after["category"] != "percentage" and _LEVEL_THEN_CHANGE.fullmatch(
                    text, fig["span"]["end"], after["span"]["start"]):
            _imply(fig, after, rate)
        elif implicit and last is not None and sentence_number - last[0] <= 2:
            _imply(fig, last[1], rate)
        if fig.get("unit") and fig["category"] not in ("money", "percentage") and not _duration(fig["unit"]):
            last = (sentence_number, fig)
        before = (sentence_number, fig)


def _imply(fig: dict[str, Any], source: dict[str, Any], rate: str) -> None:
    """Give a bare figure the unit of another, with the rate printed after the bare number: "20 per week"."""
    unit = source["unit"]
    fig["unit"] = f"{unit} {rate}" if rate and " per " not in unit and "/" not in unit else unit
    fig["category"] = source["category"]


# "up from 50", "compared with 63", "against 4.1": a level set beside the one before it.
_COMPARED_BEFORE = regex.compile(r"(?i)\b(?:from|compared\s(?:with|to)|against|versus|vs\.?|than)\s$")
# "5,120.4, up 31.1 points": a level, then the change that led to it.
_LEVEL_THEN_CHANGE = regex.compile(r"(?i),?\s(?:up|down)\s(?:by\s)?")


def _compared(fig: dict[str, Any], earlier: dict[str, Any], text: str) -> bool:
    """Whether a bare figure is measured as the figure before it in its sentence.

    So it is when a level is compared with a level ("to 6.7% from 6.29") or a change stands beside a change
    ("rose by 2% but fell by 1").
    """
    if fig["direction"] is not None and earlier["direction"] is not None:
        return True
    start = fig["span"]["start"]
    compared = fig["text"].casefold().startswith("from ") or bool(
        _COMPARED_BEFORE.search(text, max(0, start - 20), start))
    return compared and earlier["direction"] is None


def _duration(unit: str) -> bool:
    """`two years`, `six months`: how long, seldom what a later bare number counts.

    "68,000 people out of work for two years and 95,000 for longer": the 95,000 are people.
    """
    words = unit.casefold().split()
    return len(words) == 1 and words[0].rstrip("s") in _TIME_NOUNS

