"""The vocabulary of people's roles (`models/titles.json`): title phrases, styles and honorifics."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from release_nlp.core.resources import load_json


@dataclass(frozen=True)
class Vocabulary:
    """Role words, loaded once."""

    heads: frozenset[str]
    modifiers: frozenset[str]
    abbreviations: dict[str, str]
    styles: dict[str, str | None]
    honorifics: frozenset[str]
    head_words: frozenset[str]
    head_parts: frozenset[str]  # heads split at hyphens only: "vice-president" -> "vice", "president"
    not_person_heads: frozenset[str]
    not_person_tails: frozenset[str]  # "Coast Bulletin", "Stranded Seafarers": a publication or a group
    areas: frozenset[str]
    plural_styles: dict[str, str | None]  # "sens." -> "Senator": a style shared by a list of names


@cache
def vocabulary() -> Vocabulary:
    """The title vocabulary from `models/titles.json`."""
    data = load_json("titles.json")
    heads = frozenset(h.casefold() for h in data["heads"])
    return Vocabulary(
        heads=heads,
        modifiers=frozenset(m.casefold() for m in data["modifiers"]),
        abbreviations={k.casefold(): v for k, v in data["abbreviations"].items()},
        styles={k.casefold(): v for k, v in data["styles"].items()},
        honorifics=frozenset(h.casefold() for h in data["honorifics"]),
        head_words=frozenset(w for h in heads for w in regex.split(r"[\s-]+", h)),
        head_parts=frozenset(part for h in heads for part in h.split("-")),
        not_person_heads=frozenset(w.casefold() for w in data["not_person_heads"]),
        not_person_tails=frozenset(w.casefold() for w in data["not_person_tails"]),
        areas=frozenset(w.casefold() for w in data["areas"]),
        plural_styles={k.casefold(): v for k, v in data.get("plural_styles", {}).items() if not k.startswith("_")},
    )


def expand(word: str) -> str | None:
    """`DG` -> `Director General`; `None` when the word is no abbreviation."""
    return vocabulary().abbreviations.get(word.casefold().rstrip(".")) or vocabulary().abbreviations.get(
        word.casefold()
    )


def is_honorific(word: str) -> bool:
    """`Mr.`, `H.E.`, `Dr` ..."""
    return word.casefold() in vocabulary().honorifics or word.casefold().rstrip(".") in vocabulary().honorifics


def has_head(phrase: str) -> bool:
    """Whether a phrase names a role: it contains a role head such as Director, Minister or Senator."""
    words = [w.casefold().strip(".,") for w in phrase.split()]
    vocab = vocabulary()
    for i in range(len(words)):
        for n in (3, 2, 1):
            if " ".join(words[i:i + n]) in vocab.heads:
                return True
        if words[i] in vocab.abbreviations or words[i] + "." in vocab.abbreviations:
            return True
    return False


def is_role_word(word: str) -> bool:
    """A word that may be part of a title phrase."""
    w = word.casefold().strip(".,")
    vocab = vocabulary()
    return (
        w in vocab.head_words
        or w in vocab.modifiers
        or w in vocab.abbreviations
        or w in vocab.head_parts
    )


def is_area(phrase: str) -> bool:
    """`EU Advocacy`, `Humanitarian Affairs`: a field of work that completes a title, not an organisation."""
    words = phrase.casefold().split()
    return bool(words) and (words[-1] in vocabulary().areas or " ".join(words[-2:]) in vocabulary().areas)


def styles_a_name(word: str) -> bool:
    """An honorific or a role head just before a name ("Mr.", "Dr", "Sen.", "Mullah", "Ambassador").

    Not "the", "in" or "city", which `is_role_word` also takes, as words inside a title phrase.
    """
    return is_honorific(word) or (has_head(word) and is_role_word(word))
