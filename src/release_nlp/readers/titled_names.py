"""Names the statistical model missed right after a title.

The model misses a name it has not seen more often when it follows a long title than anywhere else, or
when it is a first name alone with an age (`Pauline, 15, who attends ...`):
`said the Joint Secretary of the Alder Ministry (AM) Bhuwan Tamang.` is left untagged, and
`its Executive Secretary for Southern Africa Alex Simalabwi` is tagged as one organisation. A title
head just before (or the bracketed acronym of the body that completes the title), two or three
capitalised words that are neither role, place nor body words, and then no more capitals: a name.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER
from spacy.tokens import Doc, Span, Token

from release_nlp.core.docindex import index_of, text_of
from release_nlp.readers import gazetteer
from release_nlp.readers.org_gazetteer import known_org
from release_nlp.readers.org_names import ORG_WORDS
from release_nlp.readers.roles import has_head, is_honorific, is_role_word

NAMED_KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})  # a "WORK_OF_ART" may be a name misread
COMPLEMENTS = frozenset({"for", "of", "to", "in"})
CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}")
TITLE_RUN = frozenset({"of", "for", "and", "the", "on", "in", "to", "at", "'s", "’s", "&", "-"})


def names_after_titles(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """PERSON spans for names right after a title that the model left untagged or ran into a place."""
    out: list[Span] = []
    lower = _lower_words(doc)
    for ent in ents:
        if ent.label_ in ("ORG", "GPE", "LOC", "NORP"):
            found = _name_after_place(doc, ent, lower)
            if found is not None:
                out.append(found)
    # Every name word starts with a capital and a small letter: only those tokens are visited.
    index = index_of(doc)
    starts = (index.token_starting_at(m.start()) for m in CAPITALISED.finditer(text_of(doc)))
    i = 1
    for k in starts:
        if k is None or k < i:
            continue
        if k >= len(doc) - 1:
            break
        i = k
        tok = doc[i]
        if tok.ent_type_ not in NAMED_KINDS and _name_word(tok, lower) and _age_follows(doc, i + 1) and (
                not doc[i - 1].text[:1].isupper() or doc[i - 1].is_sent_start):
            out.append(Span(doc, i, i + 1, label="PERSON"))  # "Pauline, 15, who attends ...": a name and an age
            i += 1
            continue
        if tok.ent_type_ or not _name_word(tok, lower) or not _after_title(doc, i):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 4 and not doc[end].ent_type_ and _name_word(doc[end], lower):
            end += 1
        if 2 <= end - i <= 3 and (end == len(doc) or not doc[end].text[:1].isupper()):
            out.append(Span(doc, i, end, label="PERSON"))
        i = end
    return out


def _age_follows(doc: Doc, i: int) -> bool:
    """`, 15,` after a name: the age releases give for a child or a witness they quote."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 2].text != "," or not doc[i + 1].is_digit:
        return False
    return 0 < int(doc[i + 1].text) < 110


def _lower_words(doc: Doc) -> frozenset[str]:
    """Words the release also writes in lower case: no name is made of them."""
    marks = doc.to_array([IS_LOWER, IS_ALPHA, LOWER])  # from the arrays: a Token object per word costs more
    strings = doc.vocab.strings
    return frozenset(strings[int(h)] for h in set(marks[(marks[:, 0] == 1) & (marks[:, 1] == 1), 2].tolist()))


def _name_word(tok: Token, lower: frozenset[str]) -> bool:
    text = tok.text
    if not (text[:1].isupper() and text[1:2].islower()) or not text.replace("-", "").replace("'", "").isalpha():
        return False
    folded = text.casefold()
    return folded not in lower and folded not in ORG_WORDS and not is_role_word(text) and not is_honorific(text) \
        and not _known_place(text) and known_org(text) is None


SMALL_TOWN = 100_000  # people: below it a town's name is as likely a person's ("Ola", "Holm")


def _known_place(word: str) -> bool:
    found = gazetteer.lookup(word)
    return found is not None and not (found.kind == "city" and found.weight < SMALL_TOWN)


def _after_title(doc: Doc, i: int) -> bool:
    """Whether token `i` follows a title head, or a title whose body's acronym is bracketed just before it."""
    prev = doc[i - 1]
    if prev.text[:1].isupper() and has_head(prev.text) and is_role_word(prev.text):
        return True
    if i < 4 or prev.text != ")" or doc[i - 3].text != "(" or sum(c.isupper() for c in doc[i - 2].text) < 2:
        return False
    k = i - 4
    while k >= 0 and i - k < 16 and (doc[k].text[:1].isupper() or doc[k].lower_ in TITLE_RUN):
        if has_head(doc[k].text) and is_role_word(doc[k].text) and doc[k].text[:1].isupper():
            return True
        k -= 1
    return False


def _name_after_place(doc: Doc, ent: Span, lower: frozenset[str]) -> Span | None:
    """`Secretary for` + `Southern Africa Alex Simalabwi`: the place completes the title, the rest is a name."""
    start = ent.start
    if start < 2 or doc[start - 1].lower_ not in COMPLEMENTS or not any(
            has_head(t.text) and is_role_word(t.text) for t in doc[max(0, start - 4):start - 1]):
        return None
    text = text_of(doc)
    for cut in (3, 2, 1):
        if len(ent) - cut not in (2, 3):
            continue
        place = text[ent.start_char:doc[start + cut - 1].idx + len(doc[start + cut - 1])]
        if gazetteer.lookup(place) is None:
            continue
        name = ent[cut:]
        if all(_name_word(t, lower) for t in name):
            return Span(doc, name.start, name.end, label="PERSON")
    return None


# Family words a release names relatives after ("his wife Melissa", "two daughters, Elizabeth and Alex").
KIN = frozenset({
    "wife", "husband", "son", "sons", "daughter", "daughters", "children", "child", "brother", "brothers",
    "sister", "sisters", "mother", "father", "parents", "widow", "widower", "grandson", "granddaughter",
    "grandchildren", "nephew", "niece", "fiancée", "fiancé", "stepson", "stepdaughter",
})
PLURAL_KIN = frozenset({"sons", "daughters", "children", "brothers", "sisters", "parents", "grandchildren"})
POSSESSIVES = frozenset({"his", "her", "their", "our", "my", "your", "its"})
# Family words as written in lower case, found in the text: visiting every token would make a Python object each.
_KIN_WORD = regex.compile(r"(?<!\w)(?:" + "|".join(sorted(KIN, key=len, reverse=True)) + r")(?!\w)")


def names_after_kin(doc: Doc) -> list[Span]:
    """The names of a list right after a relative's family word: people, whatever the model tagged them.

    "He and his wife Melissa have two young daughters, Elizabeth and Alex": Melissa, Elizabeth and Alex,
    though "Alex" is also a town's name. The family word is someone's ("his", "her", "their", "our", "my",
    "your", a possessive, or a number before it: "two daughters"); each name is one to three capitalised
    words that are no body or country and end the phrase ("His brother, Afghan National Police
    officer ..." and "children, Kenya and Uganda agreed" are no lists of relatives).
    """
    out: list[Span] = []
    n = len(doc)
    index = index_of(doc)
    for m in _KIN_WORD.finditer(text_of(doc)):
        k = index.token_starting_at(m.start())
        if k is None or doc[k].text not in KIN or k + 1 >= n or not _someones(doc, k):
            continue  # in lower case: "Mother Earth Day", "No Child Left Behind" are names
        tok = doc[k]
        i = tok.i + 1 + (doc[tok.i + 1].text == ",")
        names: list[Span] = []
        while i < n and _given_name(doc[i]):
            end = i + 1
            while end < n and end - i < 3 and _given_name(doc[end]):
                end += 1  # "his wife Mary Ellen Ward"
            if end < n and (doc[end].text[:1].isupper() or (
                    doc[end].is_lower and (is_role_word(doc[end].text) or doc[end].lower_ in ORG_WORDS))):
                names = []  # the words run on: "Kabul University student Jawad Karimi", "Kandahar police officer"
                break
            names.append(Span(doc, i, end, label="PERSON"))
            j = end + (end < n and doc[end].text == ",")
            j += j < n and doc[j].lower_ == "and"
            if j == end or j >= n or not _given_name(doc[j]):
                break
            i = j
        if len(names) > 1 or tok.text not in PLURAL_KIN:
            out += names  # a plural names a list: "the children God has given us" names no child
    return out


def _someones(doc: Doc, i: int) -> bool:
    """Whether the family word at `i` is someone's: "his wife", "the minister's son", "two young daughters".

    Only the words of one phrase may stand between: in "5,000 women and children" the number counts others.
    """
    for k in range(i - 1, max(-1, i - 7), -1):
        word = doc[k]
        if word.lower_ in POSSESSIVES or word.text in ("'s", "’s") or word.like_num:
            return True
        if word.text == "-":
            continue  # "her 16-year-old sister"
        if not (word.is_alpha and word.is_lower) or word.lower_ in ("and", "or"):
            return False  # "his two young daughters": only the words of one phrase between
    return False


def _given_name(tok: Token) -> bool:
    """A word that may be a relative's name: capitalised, and no role, body or country."""
    text = tok.text
    if not (len(text) > 1 and text[:1].isupper() and text[1:].islower() and text.isalpha()):
        return False
    if is_role_word(text) or is_honorific(text) or text.casefold() in ORG_WORDS or known_org(text) is not None:
        return False
    found = gazetteer.lookup(text)
    return found is None or found.kind not in ("country", "multi_country")  # "Georgia", "Savannah" are names
