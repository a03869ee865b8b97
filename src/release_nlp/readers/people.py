"""People: one entry per person under the fullest name, with titles, organisation and aliases.

Reads the statistical model's PERSON entities, peels styles and honorifics off them
("DG Pope", "H.E. Mr. Najib Mikati"), resolves short forms to the full person, and reads
titles from the patterns releases use: a title before the name ("IOM Director General
Amy Pope"), an appositive after it ("Jens Laerke, spokesperson for OCHA") or before it
("the Caretaker Prime Minister of the Lebanese Government, H.E. Mr. Najib Mikati").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

import regex
from spacy.tokens import Doc, Span, Token

from release_nlp.core.docindex import ents_of, index_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.text import squash, strip_possessive
from release_nlp.readers.organisations import LOWERCASE_ORG_WORDS
from release_nlp.readers.roles import expand, has_head, is_area, is_honorific, is_role_word, vocabulary

CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to", "at", "'s", "’s", "&", "-"})
APPOSITIVE_STOP = frozenset({",", ";", ".", "(", ")", ":", "“", "”", '"', "–", "—"})
SPEECH_VERBS = frozenset({
    "said", "says", "say", "added", "adds", "stated", "states", "noted", "notes", "explained", "explains",
    "continued", "emphasized", "emphasised", "stressed", "told", "remarked", "declared", "announced",
    "warned", "urged", "commented", "observed", "concluded", "insisted", "recalled", "highlighted",
})


@dataclass
class PersonRecord:
    """A person as it is being built."""

    name: str
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    organisation: str | None = None

    def add_title(self, title: str) -> None:
        """Add a title, keeping the fuller of two forms of one title."""
        title = squash(title).strip(" ,.;:")
        key = title.casefold()
        if not title or any(key == t.casefold() for t in self.titles):
            return
        # Keep the fuller of two forms of one title ("Director" and "Regional Director").
        for i, t in enumerate(self.titles):
            if key in t.casefold():
                return
            if t.casefold() in key:
                self.titles[i] = title
                return
        self.titles.append(title)

    def as_dict(self) -> dict[str, object]:
        """The record as plain data."""
        return {
            "name": self.name,
            "titles": self.titles,
            "organisation": self.organisation,
            "aliases": [a for a in self.aliases if a != self.name],
            "honorifics": self.honorifics,
            "mentions": [{"text": t, "start": s, "end": e} for t, s, e in self.mentions],
        }


@dataclass
class NameMention:
    """A PERSON entity with its styles peeled off."""

    name: str
    surface: str  # as printed, styles included
    start: int  # token offsets of the whole surface
    end: int
    name_start: int  # token offsets of the bare name
    name_end: int
    styles: list[str]
    honorifics: list[str]


def _peel(doc: Doc, ent: Span) -> NameMention | None:
    vocab = vocabulary()
    start, end = ent.start, ent.end
    # Styles and honorifics just before the entity belong to it ("H.E. Mr." + "Najib Mikati").
    while start > 0 and doc[start - 1].text[:1].isupper() and (
        is_honorific(doc[start - 1].text)
        or (doc[start - 1].text.endswith(".") and doc[start - 1].lower_ in vocab.styles)
        or (doc[start - 1].text.isupper() and expand(doc[start - 1].text))
    ):
        start -= 1
    styles: list[str] = []
    honorifics: list[str] = []
    name_start = start
    while name_start < end - 1:
        tok = doc[name_start]
        low = tok.lower_
        if is_honorific(tok.text):
            honorifics.append(tok.text)
        elif low in vocab.styles or low.rstrip(".") in vocab.styles:
            style = vocab.styles.get(low, vocab.styles.get(low.rstrip(".")))
            if style:
                styles.append(style)
        elif expand(tok.text) and tok.text.isupper():
            styles.append(expand(tok.text) or tok.text)
        else:
            break
        name_start += 1
    name_end = end
    while name_end > name_start and doc[name_end - 1].text in {"'s", "’s", "'", "’", ",", "."}:
        name_end -= 1
    name = squash(strip_possessive(doc[name_start:name_end].text))
    if not _plausible_name(name, styled=bool(styles or honorifics)):
        return None
    return NameMention(name, squash(doc[start:name_end].text), start, name_end, name_start, name_end,
                       styles, honorifics)


def _plausible_name(name: str, styled: bool = False) -> bool:
    words = name.split()
    if not words or len(words) > 5 or regex.search(r"[\d@/#_]", name):
        return False
    if not all(w[:1].isupper() or w.casefold() in {"de", "da", "van", "von", "der", "al", "el", "bin", "ibn",
                                                    "la", "le", "du", "dos", "di", "del"} for w in words):
        return False
    if all(is_role_word(w) for w in words) and not (styled and len(words) == 1):
        return False
    if words[0].casefold() in vocabulary().not_person_heads:
        return False
    if len(words) == 1 and name.isupper() and len(name) <= 4:
        return False  # "CET", "UN": a code, not a name
    return not (len(words) > 1 and name.isupper())


def _left_title(doc: Doc, m: NameMention, is_org: Callable[[int], str | None]) -> tuple[str | None, str | None]:
    """Title (and organisation) printed just before the name: `IOM Director General Amy Pope`."""
    j = m.start - 1
    sent_start = index_of(doc).sentence(m.start).start if doc.has_annotation("SENT_START") else 0
    words: list[Token] = []
    org: str | None = None
    while j >= sent_start and len(words) < 8:
        tok = doc[j]
        if tok.is_space or tok.text in APPOSITIVE_STOP:
            break
        org_text = is_org(j)
        if org_text:
            org = org_text
            break
        if tok.text[:1].isupper() or tok.lower_ in CONNECTORS or tok.text in {"-", "/"}:
            words.insert(0, tok)
            j -= 1
            continue
        if is_role_word(tok.text) and tok.lower_ not in {"the", "a", "an"}:
            words.insert(0, tok)
            j -= 1
            continue
        break
    while words and (words[0].lower_ in CONNECTORS or words[0].text in {"-", "/"}):
        words.pop(0)
    # The title is the run's role words around its last head, with a complement ("for Southern Africa").
    texts = [w.text for w in words]
    heads = [i for i, w in enumerate(texts) if has_head(w) and is_role_word(w)]
    if not heads:
        return None, None
    last = heads[-1]
    if last + 1 < len(texts) and texts[last + 1].casefold() not in ("of", "for", "in", "to", "at", "on"):
        return None, None  # words after the head that are no complement: not a title run
    first = last
    while first > 0 and is_role_word(texts[first - 1]) and texts[first - 1][:1].isupper():
        first -= 1
    return _expand_abbrev(" ".join(texts[first:])), org


def _expand_abbrev(phrase: str) -> str:
    words = phrase.split()
    if len(words) == 1 and words[0].isupper():
        return expand(words[0]) or phrase
    return phrase


def _name_order(names: set[str]) -> Callable[[tuple[int, str]], tuple[int, bool, int, str]]:
    """Sort key of organisation names found in a title phrase: by position, then name, never the set's order.

    At one position the longer name comes first ("UN Women" over "UN"), unless it only extends the other
    with a possessive ("IOM's Migration Health Division": IOM) or ends in a role ("UN Resident Coordinator").
    """

    def demoted(name: str) -> bool:
        if has_head(name.split()[-1]):
            return True
        return any(name != other and name.startswith(other) and name[len(other):].startswith(("'s", "’s"))
                   for other in names)

    def key(located: tuple[int, str]) -> tuple[int, bool, int, str]:
        position, name = located
        return position, demoted(name), -len(name), name

    return key


def _split_title_org(phrase: str, org_spans: list[tuple[str, int, int]]) -> tuple[list[str], str | None]:
    """`Director of IOM's Migration Health Division` -> (["Director"], "IOM")."""
    phrase = regex.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", phrase, flags=regex.IGNORECASE)
    org = None
    # "CEO, Save the Children International": the organisation after the comma.
    head, sep, tail = phrase.partition(", ")
    if sep and has_head(head) and not has_head(tail):
        return [_expand_abbrev(head)], strip_possessive(regex.sub(r"^the\s+", "", tail, flags=regex.IGNORECASE))
    names = {strip_possessive(regex.sub(r"^the\s+", "", t, flags=regex.IGNORECASE)) for t, _s, _e in org_spans}
    located = sorted(((phrase.find(t), t) for t in names if t and phrase.find(t) >= 0), key=_name_order(names))
    complement = next(((i, t) for i, t in located if not is_area(phrase[i:])
                       and regex.search(r"(?:^|\s)(?:of|for|at|with|to|in|on)(?:\s+the)?\s*$", phrase[:i])), None)
    if complement is not None:
        # "Executive Director of UN Women for the ...": the organisation is the complement; what follows goes.
        i, text = complement
        org = text
        phrase = regex.sub(r"\s*(?:of|for|at|with|to|in|on)(?:\s+the)?\s*$", "", phrase[:i])
    elif located and located[0][0] <= 4:
        # "IOM's Chief of Mission", "the ICRC's Middle East director": a leading organisation.
        i, text = located[0]
        org = text
        phrase = regex.sub(r"^['’]s?\s+", "", phrase[i + len(text):].lstrip())
    elif located:
        i, text = located[0]
        org = text
        # "Chairman of the Senate Committee on ...": a name inside a longer one stays in the title.
        if not regex.search(r"(?:^|\s)(?:of|for|the|on|and)\s*$", phrase[:i], flags=regex.IGNORECASE):
            phrase = f"{phrase[:i].rstrip()} {phrase[i + len(text):].lstrip()}".strip()
    if org:
        org = strip_possessive(regex.sub(r"^the\s+", "", org, flags=regex.IGNORECASE))
    parts = [p.strip(" ,") for p in regex.split(r"\s+and\s+|\s*/\s*", phrase)]
    titles = [p for p in parts if p and has_head(p)]
    if len(titles) != len(parts):
        titles = [phrase] if has_head(phrase) else []
    return [_expand_abbrev(t) for t in titles], org


def _right_appositive(doc: Doc, m: NameMention) -> tuple[int, int] | None:
    """Token span of `, <title phrase>` after the name (a party tag in brackets skipped)."""
    j = m.end
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j, min(len(doc), j + 8)) if doc[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j >= len(doc) or doc[j].text != ",":
        return None
    k = j + 1
    while k < len(doc) and k - j <= 20 and doc[k].text not in APPOSITIVE_STOP and not doc[k].is_space:
        if doc[k].lower_ in SPEECH_VERBS or doc[k].text in {"who", "which", "whose"}:
            break
        k += 1
    if k == j + 1:
        return None
    # "Mohamed Béavogui, Director General, African Risk Capacity": the organisation after a second comma.
    if k < len(doc) and doc[k].text == "," and has_head(doc[j + 1:k].text):
        m_end = k + 1
        while m_end < len(doc) and m_end - k <= 8 and doc[m_end].text not in APPOSITIVE_STOP \
                and not doc[m_end].is_space and (doc[m_end].text[:1].isupper() or doc[m_end].lower_ in CONNECTORS):
            m_end += 1
        if m_end > k + 1 and (m_end >= len(doc) or doc[m_end].text in {".", ",", ";", "\n"} or doc[m_end].is_space):
            return j + 1, m_end
    return j + 1, k


def _left_appositive(doc: Doc, m: NameMention) -> tuple[int, int] | None:
    """Token span of `<title phrase>, ` just before the (styled) name."""
    j = m.start - 1
    if j < 1 or doc[j].text != ",":
        return None
    k = j
    while k > 0 and j - k < 16:
        tok = doc[k - 1]
        if tok.text in APPOSITIVE_STOP or tok.is_space:
            break
        if not (tok.text[:1].isupper() or tok.lower_ in CONNECTORS or tok.text in {"'s", "’s"}
                or is_role_word(tok.text) or tok.lower_ in LOWERCASE_ORG_WORDS):
            break
        k -= 1
    while k < j and doc[k].lower_ in CONNECTORS - {"the"}:
        k += 1
    if k >= j:
        return None
    return k, j


def extract_people(
    doc: Doc,
    allowed: Callable[[int], bool],
    org_spans: list[tuple[str, int, int]],
    is_org: Callable[[int], str | None],
    excluded: tuple[tuple[int, int], ...] = (),
    extra: list[Span] = (),  # type: ignore[assignment]
    ents: Sequence[Span] | None = None,
) -> list[PersonRecord]:
    """People of the release, each once, with titles and organisation (none inside `excluded` spans).

    `extra` are names the model tagged otherwise that the caller has shown to be people; `ents` are the
    doc's entities if the caller has read them.
    """
    ents = ents_of(doc) if ents is None else ents
    text = text_of(doc)
    mentions = []
    for ent in [*ents, *extra]:
        if ent.label_ == "PERSON" and allowed(ent.start_char) and not any(
                s <= ent.start_char < e for s, e in excluded) and text[ent.start_char - 1:ent.start_char] != "#":
            m = _peel(doc, ent)
            if m is not None:
                mentions.append(m)
    # Fullest names first, so short forms find their person.
    order = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
    people: list[PersonRecord] = []
    index = PeopleIndex(people)
    owner: dict[int, PersonRecord] = {}
    for m in order:
        person = index.resolve(m.name)
        if person is None:
            person = PersonRecord(m.name)
            people.append(person)
            index.add(person)
        owner[id(m)] = person
    for m in sorted(mentions, key=lambda m: m.start):
        person = owner[id(m)]
        span = doc[m.start:m.end]
        person.mentions.append((span.text, span.start_char, span.end_char))
        for alias in (m.name, m.surface):
            if alias != person.name and alias not in person.aliases:
                person.aliases.append(alias)
        for h in m.honorifics:
            if h not in person.honorifics:
                person.honorifics.append(h)
        for style in m.styles:
            person.add_title(style)
        title, org = _left_title(doc, m, is_org)
        if title:
            person.add_title(title)
        if org and not person.organisation:
            person.organisation = org
        for span_fn in (_right_appositive, _left_appositive):
            tokens = span_fn(doc, m)
            if tokens is None:
                continue
            phrase_span = doc[tokens[0]:tokens[1]]
            phrase = squash(phrase_span.text)
            if not has_head(phrase) or len(phrase.split()) > 25:
                continue
            inside = [(t, s, e) for t, s, e in org_spans
                      if s >= phrase_span.start_char and e <= phrase_span.end_char]
            titles, org = _split_title_org(phrase, inside)
            for t in titles:
                person.add_title(t)
            if org and not person.organisation:
                person.organisation = org
    people = [p for p in people if p.mentions]
    _find_surname_mentions(text, people, allowed)
    _titles_from_the_sentence_before(doc, people, mentions, ents)
    return people


def _titles_from_the_sentence_before(doc: Doc, people: list[PersonRecord], mentions: list[NameMention],
                                     ents: Sequence[Span]) -> None:
    """A title named without a person in one sentence belongs to the person who opens the next.

    `The agency's new Country Director arrived on Monday. Sara Lund met ...`
    """
    if not doc.has_annotation("SENT_START"):
        return
    named = sorted(ent.start for ent in ents if ent.label_ == "PERSON")
    person_at = {s: p for p in reversed(people) for _, s, _e in p.mentions}  # the first person wins a tie
    for m in mentions:
        person = person_at.get(doc[m.start].idx)
        if person is None or person.titles:
            continue
        sentence = index_of(doc).sentence(m.start)
        if m.start - sentence.start > 1 or sentence.start == 0:
            continue
        before = index_of(doc).sentence(sentence.start - 1)
        k = bisect_left(named, before.start)
        if k < len(named) and named[k] < before.end:
            continue  # the title there may be someone else's
        tokens = list(before)
        for i in range(len(tokens) - 1, -1, -1):
            if not (is_role_word(tokens[i].text) and has_head(tokens[i].text) and tokens[i].text[:1].isupper()):
                continue
            j = i
            while j > 0 and tokens[j - 1].text[:1].isupper() and is_role_word(tokens[j - 1].text):
                j -= 1
            if j > 0 and tokens[j - 1].lower_ in ("the", "its", "'s", "’s", "new", "their", "his", "her"):
                person.add_title(" ".join(t.text for t in tokens[j:i + 1]))
                break


STYLE_REACH = 40  # characters read back for a style before a surname ("Ambassador", "Ms")


@cache
def _style_before() -> regex.Pattern[str]:
    """A style or honorific, then one space, at the end of the text searched."""
    vocab = vocabulary()
    styles = sorted({*vocab.styles, *vocab.honorifics}, key=len, reverse=True)
    style_alt = "|".join(regex.escape(s) for s in styles if s[:1].isalpha() and len(s) < STYLE_REACH)
    return regex.compile(rf"(?<![\w-])(?:{style_alt})\s\Z", regex.IGNORECASE)


def _is_name_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _find_surname_mentions(text: str, people: list[PersonRecord], allowed: Callable[[int], bool]) -> None:
    """Mentions the model missed: `Ambassador Swing`, `Ms Szabados`, a surname alone (when it is unambiguous)."""
    surnames: dict[str, list[PersonRecord]] = {}
    for person in people:
        words = person.name.split()
        if len(words) >= 2 and len(words[-1]) >= 3:
            surnames.setdefault(words[-1], []).append(person)
    styled = _style_before()
    for surname, owners in surnames.items():
        if len(owners) != 1:
            continue
        person = owners[0]
        covered = Intervals((s, e) for _, s, e in person.mentions)
        pattern = regex.compile(rf"(?<![\w-]){regex.escape(surname)}(?![\w-])", regex.IGNORECASE)
        for m in pattern.finditer(text):
            s, e = m.span()
            # "Ms Szabados": a style just before the surname belongs to the mention.
            window = max(0, s - STYLE_REACH)
            style = styled.search(text[window:s])
            if style is not None and (style.start() > 0 or window == 0 or not _is_name_char(text[window - 1])):
                s = window + style.start()
            if not text[e - len(surname):e][0].isupper() or not allowed(s):
                continue
            if next(covered.overlapping(s, e), None) is not None:
                continue
            mention = text[s:e]
            person.mentions.append((mention, s, e))
            covered.add(s, e)
            if mention not in person.aliases and mention != person.name:
                person.aliases.append(mention)
        person.mentions.sort(key=lambda mention: mention[1])


def _resolve(name: str, people: list[PersonRecord]) -> PersonRecord | None:
    """The person a name form refers to: same name, or a surname or first name of exactly one person."""
    return PeopleIndex(people).resolve(name)


class PeopleIndex:
    """People by their name forms, so that resolving a name is a lookup, not a scan of everyone.

    A scan per mention made releases with many distinct people (or contact lines) quadratic. The
    index sees each person's name and aliases as they are when the person is added; `people` keeps
    list order, which breaks ties as the scan did (the first person in the list wins).
    """

    def __init__(self, people: list[PersonRecord]) -> None:
        self.people: list[PersonRecord] = []
        self._order: dict[int, int] = {}
        self._exact: dict[str, list[PersonRecord]] = {}
        self._partial: dict[tuple[str, ...], list[PersonRecord]] = {}
        for person in people:
            self.add(person)

    def add(self, person: PersonRecord) -> None:
        """Index a person (appended to the index's list)."""
        self._order[id(person)] = len(self.people)
        self.people.append(person)
        for form in {person.name.casefold(), *(a.casefold() for a in person.aliases)}:
            self._exact.setdefault(form, []).append(person)
        words = tuple(person.name.casefold().split())
        keys: set[tuple[str, ...]] = {("ends", words[0], words[-1])} if words else set()
        for k in range(1, len(words)):
            keys |= {("tail", *words[-k:]), ("head", *words[:k])}
        for key in keys:
            self._partial.setdefault(key, []).append(person)

    def resolve(self, name: str) -> PersonRecord | None:
        """Same name or alias (the first such person), else the one person whose name this shortens."""
        key = name.casefold()
        same = self._exact.get(key)
        if same:
            return min(same, key=lambda p: self._order[id(p)])
        words = key.split()
        if not words:  # an empty name shortens every one-or-more-word name: the scan's rule
            named = [p for p in self.people if p.name.split()]
            return named[0] if len(named) == 1 else None
        found = {id(p): p for k in (("tail", *words), ("head", *words), ("ends", words[0], words[-1]))
                 for p in self._partial.get(k, ()) if len(words) < len(p.name.split())}
        return next(iter(found.values())) if len(found) == 1 else None
