"""Evidence that capitalised words name nothing a reader keeps, or name something else than they seem.

A heading or a sentence start capitalises topics ("Malaria", "Port Security", "Gender-Based
Violence"); a recogniser may then call them organisations or places. When the same release also
writes the words in lower case ("malaria", "port security"), they are a topic, not a name. Sentence
adverbs, roles, nationalities, storms and languages are no places either.
"""

from __future__ import annotations

import weakref
from functools import cache, lru_cache
from itertools import pairwise

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from release_nlp.core.docindex import positions_of
from release_nlp.core.tags import is_proper_noun
from release_nlp.readers import gazetteer
from release_nlp.readers.gazetteer import country_of_demonym
from release_nlp.readers.roles import is_role_word

# A word, or one other mark; the parts of web and e-mail addresses ("oxfam" in www.oxfam.org) are no words.
WORD_OR_OTHER = regex.compile(r"(?<![.@/\p{L}])[\p{L}'’-]+(?![.@/]?\p{L})|[^\s\p{L}]")


class LowerCase:
    """The lower-case words and adjacent word pairs of one text, read when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: set[str] | None = None
        self._pairs: set[tuple[str, str]] | None = None

    def _read(self) -> None:
        words = WORD_OR_OTHER.findall(self.text)
        self._words = {w for w in words if w.islower()}
        self._pairs = {(a, b) for a, b in pairwise(words) if a.islower() and b.islower()}

    def writes(self, name: str) -> bool:
        """Whether the text also writes every word of `name` in lower case, as one word or in its pairs."""
        if self._words is None:
            self._read()
        assert self._words is not None and self._pairs is not None
        folded = [w.casefold() for w in name.split()]
        if len(folded) == 1:
            return folded[0] in self._words
        return all(pair in self._pairs for pair in pairwise(folded))


@lru_cache(maxsize=2)
def lower_case_of(text: str) -> LowerCase:
    """One reading per text, shared by the readers that ask (the organisation and the place reader)."""
    return LowerCase(text)


def opens_a_sentence_as_adverb(span: Span) -> bool:
    """`Sadly,` `Noting,` `However,`: one word opening a sentence, set off by a comma, that reads as an adverb."""
    word = span[0]
    return len(span) == 1 and word.is_sent_start is not False and span.end < len(span.doc) and \
        span.doc[span.end].text == "," and (word.lower_ in STOP_WORDS or word.lower_.endswith(("ly", "ing")))


def without_trailing_number(span: Span) -> Span:
    """`Ninewa 360,000`, a name the recogniser ran on into a figure, as `Ninewa`."""
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].like_num:
        end -= 1
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_)


def reads_as_no_place(span: Span) -> bool:
    """A word a recogniser took for an unknown place that is none: a sentence adverb, a role, a people.

    `Sadly,` opening a sentence; `Counselor`, `Secretary-General`; `Nepalis`, `Kenyan`, `Nebraskans` (a
    nationality or a state's people, singular or plural); `Haqqani` of "Haqqani leaders".
    """
    word = span.text
    if " " in word:
        return False
    return opens_a_sentence_as_adverb(span) or all(is_role_word(part) for part in word.split("-")) or (
        is_nationality(word) or (word.endswith("s") and is_nationality(word[:-1]))
        or word in group_names(span.doc))


def tagged_as_common_word(span: Span) -> bool:
    """One word the tagger, reading its context, calls no proper noun ("Following", "Photo", "Grateful").

    Capitals alone make a recogniser see a name in a sentence's or a caption's first word. False when the
    word has no tag (no tagger ran on it).
    """
    return len(span) == 1 and bool(span[0].tag_) and not is_proper_noun(span[0])


# "Haqqani leaders", "Zarqa Network": the word names a group its members belong to, not a place.
GROUP_MEMBERS = frozenset({"network", "leader", "leaders", "leadership", "fighters", "militants", "insurgents",
                           "militia", "commander", "commanders", "facilitator", "facilitators", "members",
                           "faction", "cell", "cells", "operatives", "loyalists"})

# Words between a group's name and its member noun; no others ("Zharay district leader" names a place).
RANKS = frozenset({"senior", "top", "key", "mid-level", "suspected", "former", "local"})


_GROUP_NAMES: weakref.WeakKeyDictionary[Doc, frozenset[str]] = weakref.WeakKeyDictionary()  # frees each doc


def group_names(doc: Doc) -> frozenset[str]:
    """Capitalised words this release uses as a group's name, before a member noun somewhere in it.

    One sense per release: once "a Haqqani network facilitator" or "Haqqani senior leaders" shows the
    word names a group, "Haqqani activity" elsewhere in the release names no place and no person.
    """
    found = _GROUP_NAMES.get(doc)
    if found is not None:
        return found
    names = set()
    for member in positions_of(doc, GROUP_MEMBERS):
        i = member - 1
        if i > 0 and doc[i].lower_ in RANKS:  # "a Haqqani senior leader"
            i -= 1
        if i >= 0 and doc[i].is_title and doc[i].is_alpha:
            names.add(doc[i].text)
    found = _GROUP_NAMES[doc] = frozenset(names)
    return found


def names_roles(name: str) -> bool:
    """`Commissioners`, `Directors`: one word that is a role in the plural names holders, not a body or a person."""
    return " " not in name and name.endswith("s") and is_role_word(name[:-1])


NATIONALITY_ENDINGS = ("an", "ese", "i", "ish", "ch")


def is_nationality(word: str) -> bool:
    """`Kenyan`, `Nepali`, `Nebraskan`: a people named after a country or a state (not peoples like the Dinka)."""
    # The suffix first: the demonym lookup matches loosely on shared letters ("Charkh" would be Chad's).
    if not word.endswith(NATIONALITY_ENDINGS):
        return False
    if country_of_demonym(word) is not None:
        return True
    found = gazetteer.lookup(word[:-1]) if word.endswith("an") else None  # "Nebraskan", "Californian"
    return found is not None and found.kind in ("country", "region", "multi_country")


_STORM = regex.compile(r"\b(?:Typhoon|Hurricane|Cyclone|Storm|Depression)\s+[‘'\"“]?(\p{Lu}\p{Ll}+)[’'\"”]?"
                       r"(?:\s*\((\p{Lu}\p{Ll}+)\))?")


def storm_names(text: str) -> frozenset[str]:
    """Gazetteer keys of the storms a release names (`Typhoon Vinta (Tembin)`): no places."""
    return frozenset(gazetteer.key(n) for m in _STORM.finditer(text) for n in m.groups() if n)


@cache
def language_names() -> frozenset[str]:
    """Keys of the major languages' names (those with an ISO 639-1 code): `Nepali`, `Kinyarwanda` name no place.

    The thousands of other ISO 639-3 names include names of towns and districts, so they are left out.
    """
    import pycountry

    # "Nepali (macrolanguage)"
    names = (gazetteer.PAREN.sub("", lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2"))
    return frozenset(gazetteer.key(n) for n in names if " " not in n)
