"""What the words around a name the model tags ORG show it to be: a kind of holder or a people, not a body.

The checks of the name alone are in `org_checks.py`; these read the words just before and after it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from release_nlp.core.tags import closes_phrase
from release_nlp.readers.common_words import is_nationality
from release_nlp.readers.gazetteer import lookup

_JOINS = frozenset({"and", "or", "nor", "&", "/", "-"})
# Words before a people's name used as a noun: "a fellow Nebraskan", "the only Native American".
_PEOPLE_NOUN_OPENERS = frozenset({"a", "an", "fellow", "another", "different", "only", "every", "each"})


def _ends_its_phrase(doc: Doc, ent: Span) -> bool:
    """Nothing after the name continues its noun phrase: punctuation or a function word, not a join."""
    after = doc[ent.end] if ent.end < len(doc) else None
    return closes_phrase(after) and (after is None or after.lower_ not in _JOINS)


def whole_phrase_after_article(doc: Doc, ent: Span) -> bool:
    """`a NAP Champion in ...`: the name is a whole noun phrase under "a", which no one body's name takes.

    Not "a Goldman Sachs and Morgan Stanley syndicate" (a join), nor "Category A Velmora Harvest" (a label).
    """
    if ent.start == 0:
        return False
    before = doc[ent.start - 1]
    article = before.text in ("a", "an") or (before.text in ("A", "An") and (
        ent.start == 1 or doc[ent.start - 2].is_punct or doc[ent.start - 2].is_space))
    return article and _ends_its_phrase(doc, ent)


def a_people_as_a_noun(doc: Doc, ent: Span, name: str) -> bool:
    """`a fellow Nebraskan,`, `the Native American people`: a people's word under a determiner.

    As a noun or a modifier; "Royal Jordanian will add flights" names the airline.
    """
    words = name.split()
    if not (1 <= len(words) <= 2 and is_nationality(words[-1]) and lookup(words[-1]) is None
            and ent.start > 0):
        return False
    opener, after = doc[ent.start - 1].lower_, doc[ent.end] if ent.end < len(doc) else None
    modifies = after is not None and not after.is_punct and not after.is_space and not after.is_title
    if opener == "the":
        return modifies  # "the Native American $1 Coin Act", not "the Royal Jordanian, which"
    return opener in _PEOPLE_NOUN_OPENERS and (modifies or _ends_its_phrase(doc, ent))
