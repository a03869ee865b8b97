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
from spacy.tokens import Doc, Span

from release_nlp.core.docindex import ents_of, index_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.text import squash, strip_possessive
from release_nlp.readers import gazetteer
from release_nlp.readers.appositives import (
    NAME_PARTICLES,
    expand_abbrev,
    left_appositive,
    left_title,
    org_after_from,
    predicate_title,
    right_appositive,
    split_title_org,
    without_other_names,
)
from release_nlp.readers.common_words import group_names, tagged_as_common_word
from release_nlp.readers.roles import expand, has_head, is_honorific, is_role_word, vocabulary


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
        title = title.split("|")[0]  # "Country Director | Tel: ...": a contact line's next field
        title = regex.sub(r"^(?:and|or)\s+", "", squash(title).strip(" ,.;:"))  # "..., and Minister of State"
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


TRAILING_FUNCTION_WORDS = frozenset({"of", "from", "in", "at", "and", "or", "the", "for", "on", "to", "with"})


def _peel(doc: Doc, ent: Span) -> NameMention | None:
    vocab = vocabulary()
    start, end = ent.start, ent.end
    # Styles and honorifics just before the entity belong to it ("H.E. Mr." + "Najib Mikati").
    while True:
        if start > 0 and doc[start - 1].text[:1].isupper() and (
            is_honorific(doc[start - 1].text)
            or (doc[start - 1].text.endswith(".") and (doc[start - 1].lower_ in vocab.styles
                                                         or doc[start - 1].lower_ in vocab.plural_styles))
            or (doc[start - 1].text.isupper() and expand(doc[start - 1].text))
        ):
            start -= 1
        elif start > 1 and doc[start - 1].text == "." and doc[start - 2].text[:1].isupper() \
                and (f"{doc[start - 2].lower_}." in vocab.styles or is_honorific(f"{doc[start - 2].text}.")):
            start -= 2  # the tokenizer may split "Col." into "Col" and "."
        elif start > 0 and doc[start - 1].lower_ in ("his", "her") and doc[start].lower_ in ("excellency", "highness"):
            start -= 1  # "..., his Excellency Ssempijja V. Bamulangaki"
        else:
            break
    styles: list[str] = []
    honorifics: list[str] = []
    name_start = start + (doc[start].lower_ in ("his", "her"))
    while name_start < end - 1:
        tok = doc[name_start]
        low = tok.lower_
        if is_honorific(tok.text):
            honorifics.append(tok.text)
            if doc[name_start + 1].text == "." and name_start + 2 < end:
                honorifics[-1] += "."
                name_start += 1
        elif low in vocab.styles or low.rstrip(".") in vocab.styles or (
                doc[name_start + 1].text == "." and f"{low}." in vocab.styles):
            style = vocab.styles.get(low, vocab.styles.get(low.rstrip("."), vocab.styles.get(f"{low}.")))
            if style:
                styles.append(style)
            if doc[name_start + 1].text == "." and name_start + 2 < end:
                name_start += 1
        elif low in vocab.plural_styles and tok.text.endswith("."):
            plural = vocab.plural_styles[low]  # "Sens. Ana Ruiz and Tom Hale": the first of the list
            if plural:
                styles.append(plural)
        elif expand(tok.text) and tok.text.isupper():
            styles.append(expand(tok.text) or tok.text)
        else:
            break
        name_start += 1
    name_start, outside = _peel_fused_title(doc, name_start, end, styles)
    if outside:
        start = name_start
    styles = _compound_ranks(styles)
    name_end = end
    # The model runs a name on into the word after it now and then ("Khalida Nouri of Khanaqin").
    while name_end > name_start and (doc[name_end - 1].text in {"'s", "’s", "'", "’", ",", "."}
                                     or doc[name_end - 1].text in TRAILING_FUNCTION_WORDS):
        if doc[name_end - 1].text in ("of", "for") and name_end - 2 >= name_start \
                and has_head(doc[name_end - 2].text) and is_role_word(doc[name_end - 2].text):
            return None  # "Ukraine Head of (Programme)": a title, not a name
        name_end -= 1
    name = squash(strip_possessive(doc[name_start:name_end].text))
    if not _plausible_name(name, styled=bool(styles or honorifics)):
        return None
    return NameMention(name, squash(doc[start:name_end].text), start, name_end, name_start, name_end,
                       styles, honorifics)


def _peel_fused_title(doc: Doc, name_start: int, end: int, styles: list[str]) -> tuple[int, bool]:
    """Where the bare name starts once a title or place the model ran into it is peeled off.

    The flag says whether the peeled words are no part of the mention (a place that completes the
    title before it). `Director Claus Berntsen`, `DERC Kemper`, `(Ambassador to) Nepal Yousuf Al-Hail`: at least two
    name words must remain, so that a first name that is also a word ("Dean", "Major") stays.
    """
    def left(i: int) -> int:
        return sum(1 for t in doc[i:end] if t.text[:1].isupper())

    run = name_start
    while run < end and doc[run].text[:1].isupper() and is_role_word(doc[run].text):
        run += 1
    if run > name_start and has_head(doc[name_start:run].text) and left(run) >= 2:
        styles.append(expand_abbrev(doc[name_start:run].text))
        return run, False
    first = doc[name_start]
    if first.text.isupper() and first.text.isalpha() and 2 <= len(first.text) <= 6 and left(name_start + 1) >= 1 \
            and not doc[name_start:end].text.isupper():
        return name_start + 1, False  # an acronym is no part of a mixed-case name ("DERC Kemper")
    if name_start > 0 and doc[name_start - 1].lower_ in ("to", "of", "in", "for") and left(name_start + 1) >= 2:
        found = gazetteer.lookup(first.text)
        if found is not None and found.kind == "country":
            return name_start + 1, True  # "Ambassador to Nepal Yousuf Al-Hail": the place completes the title
    return name_start, False


def _compound_ranks(styles: list[str]) -> list[str]:
    """`Maj.` + `Gen.` is one rank, Major General."""
    heads = vocabulary().heads
    out: list[str] = []
    for style in styles:
        if out and f"{out[-1]} {style}".casefold() in heads:
            out[-1] = f"{out[-1]} {style}"
        else:
            out.append(style)
    return out


_NO_NAME_CHARACTER = regex.compile(r"[\d@/#_]")


# Words no name ends in, and generational suffixes, no name by themselves. Function words that are also names
# stay out: "An" (Vietnamese, Chinese), "To" (Cantonese), "On", "In" and "Than".
FUNCTION_WORDS = frozenset({"at", "of", "within", "by", "for", "the", "and", "or", "with", "from", "into", "upon"})
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr"})


def _plausible_name(name: str, styled: bool = False) -> bool:
    words = name.split()
    if not words or len(words) > 5 or _NO_NAME_CHARACTER.search(name):
        return False
    if not all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words):
        return False
    if all(is_role_word(w) for w in words) and not (styled and len(words) == 1):
        return False
    if words[0].casefold() in vocabulary().not_person_heads:
        return False
    if len(words) > 1 and words[-1].casefold() in vocabulary().not_person_tails:
        return False
    if len(words) == 1 and name.isupper() and len(name) <= 4:
        return False  # "CET", "UN": a code, not a name
    if words[-1].casefold() in FUNCTION_WORDS or (len(words) == 1 and words[0].casefold() in SUFFIXES):
        return False  # "A. Within" of a lettered list; "Jr." split off its name
    return not (len(words) > 1 and name.isupper())


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
    # One mention per stretch of text: a name tagged otherwise may also be the model's PERSON.
    mentions = list({(m.start, m.end): m for m in reversed(mentions)}.values())[::-1]
    mentions = _without_common_words(doc, _without_groups_and_topics(text, mentions, group_names(doc)))
    shared_styles = _list_styles(doc, mentions)
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
    nations: dict[int, str] = {}
    named = {i: owner[id(m)] for m in mentions for i in range(m.start, m.end)}
    for m in sorted(mentions, key=lambda m: m.start):
        person = owner[id(m)]

        def other_name(i: int, person: PersonRecord = person) -> bool:
            return named.get(i, person) is not person
        span = doc[m.start:m.end]
        person.mentions.append((span.text, span.start_char, span.end_char))
        for alias in (m.name, m.surface):
            if alias != person.name and alias not in person.aliases:
                person.aliases.append(alias)
        for h in m.honorifics:
            if h not in person.honorifics:
                person.honorifics.append(h)
        for style in m.styles or shared_styles.get(m.start, []):
            person.add_title(style)
        title, org = left_title(doc, m.start, m.name_start, bool(m.styles), is_org, other_name)
        if title:
            joined = title.split(" and ")
            for part in joined if all(has_head(p) for p in joined) else [title]:
                person.add_title(expand_abbrev(part))
        if org and title and _is_country(org):
            # "Norwegian Ambassador Ola Brekke", "U.S. Senator Ruth Maddox": weaker than a body any mention names.
            nations.setdefault(id(person), org)
        elif org and title and not person.organisation:
            person.organisation = org
        before_rank = org if not title else None  # weaker than an appositive's body
        for tokens, before_name in ((right_appositive(doc, m.end), False), (left_appositive(doc, m.start), True),
                                    (predicate_title(doc, m.end), False)):
            if tokens is not None:
                tokens = without_other_names(doc, tokens, before_name, other_name)
            if tokens is None:
                continue
            phrase_span = doc[tokens[0]:tokens[1]]
            phrase = squash(phrase_span.text)
            if not has_head(phrase) or len(phrase.split()) > 25:
                continue
            inside = [(t, s, e) for t, s, e in org_spans
                      if s >= phrase_span.start_char and e <= phrase_span.end_char]
            titles, org = split_title_org(phrase, inside)
            for t in titles:
                person.add_title(t)
            if org and not person.organisation:
                person.organisation = org
        if not person.organisation:
            person.organisation = org_after_from(doc, m.end, is_org) or before_rank
    for person in people:
        person.organisation = person.organisation or nations.get(id(person))
    people = [p for p in people if p.mentions]
    _find_surname_mentions(text, people, allowed)
    _titles_from_the_sentence_before(doc, people, mentions, ents)
    return people


def _is_country(name: str) -> bool:
    found = gazetteer.lookup(name)
    return found is not None and found.kind == "country"


LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]*")


def _without_groups_and_topics(text: str, mentions: list[NameMention],
                               groups: frozenset[str] = frozenset()) -> list[NameMention]:
    """Mentions less the groups and topics the model took for people.

    A topic's words are all words the release also writes in lower case ("Gender", "Global
    Humanitarian Needs"); a people's name is a plural whose singular names a country or is used as
    an adjective ("Nepalis", "the Yazidi community ... Yazidis"); a country's name alone is no person
    unless it is part of a person's name here ("Jordan" of "Ana Jordan"); nor is a word the release uses
    as a group's name (`groups`: "Haqqani" of "the Haqqani network"). A styled mention ("Mr. Brown") stays.
    """
    # E-mail and web addresses write names in lower case: their words do not count.
    prose = " ".join(w for w in text.split() if "@" not in w and "://" not in w and not w.startswith("www."))
    lower = {w.casefold() for w in LOWER_WORD.findall(prose)}
    name_words = {w for m in mentions for w in m.name.split() if len(m.name.split()) > 1}

    def group(word: str) -> bool:
        if len(word) < 5 or not word.endswith("s") or word in name_words:
            return False
        singular = word[:-1]
        for stem in (singular[:-1], singular + "a", singular[:-3], singular):
            found = gazetteer.lookup(stem) if len(stem) >= 4 else None
            if found is not None and found.kind == "country":
                return True
        return regex.search(rf"(?<![\p{{L}}-]){regex.escape(singular)} \p{{Ll}}", text) is not None

    def country(word: str) -> bool:
        found = gazetteer.lookup(word)
        return found is not None and found.kind == "country"  # "In Uganda, 72 percent ...": no person

    def dropped(m: NameMention) -> bool:
        if m.styles or m.honorifics:
            return False
        words = m.name.split()
        if all(w.casefold() in lower for w in words):
            return True
        return len(words) == 1 and (group(words[0]) or words[0] in groups
                                    or (words[0] not in name_words and country(words[0])))

    return [m for m in mentions if not dropped(m)]


def _without_common_words(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Mentions less one-word ones the tagger, reading their context, calls no proper noun.

    Capitals alone make a recogniser see a name in a sentence's first word ("Taken together, ...",
    "Shortly after ...", "Intelligence reports show ..."); the tagger reads such a word as a participle,
    an adverb or a common noun. A word that is part of a longer name here, a styled or titled mention
    ("Mr. Brown", "Admiral Spruance") and an untagged word (no tagger ran) stay.
    """
    name_words = {w for m in mentions if len(m.name.split()) > 1 for w in m.name.split()}

    def common(m: NameMention) -> bool:
        if m.name_end - m.name_start != 1 or m.styles or m.honorifics or m.name in name_words:
            return False
        if m.name_start > 0 and is_role_word(doc[m.name_start - 1].text):
            return False
        return tagged_as_common_word(doc[m.name_start:m.name_end])

    return [m for m in mentions if not common(m)]


PARTY_TAG = regex.compile(r"^(?:[DRI]|\p{Lu}[\p{Ll}.]{0,4}|\p{Lu}{2}|[-,.()]|and|&)$")


def _list_styles(doc: Doc, mentions: list[NameMention]) -> dict[int, list[str]]:
    """Titles that a plural style gives every name of the list it opens, by mention start.

    `Sens. Alan Pike, D-Ore., and Ruth Maddox`, `The Commissioners are: A (Chair), B and C`. A member
    with a role of their own in brackets holds that, the more precise one, instead.
    """
    plural = vocabulary().plural_styles
    shared: dict[int, list[str]] = {}
    current: str | None = None
    previous_end = -1
    for m in sorted(mentions, key=lambda m: m.start):
        opener = _plural_opener(doc, m.start, plural)
        if opener is not None:
            current = opener or None
        elif current is None or previous_end < 0 or m.start - previous_end > 8 or not all(
                PARTY_TAG.match(doc[i].text) or _role_in_brackets(doc, i) for i in range(previous_end, m.start)):
            current = None
        if current:
            shared[m.start] = [_own_role(doc, m.end) or current]
        previous_end = m.end
    return shared


def _own_role(doc: Doc, end: int) -> str | None:
    """`A (Vice Chair)`: the role in brackets right after a listed name."""
    if not _role_in_brackets(doc, end + 1):
        return None
    close = next((i for i in range(end + 2, min(end + 6, len(doc))) if doc[i].text == ")"), None)
    return doc[end + 1:close].text if close is not None else None


def _role_in_brackets(doc: Doc, i: int) -> bool:
    """`(Chairperson)` in a list of names: one member's own role, which does not end the list."""
    return i > 0 and doc[i - 1].text == "(" and is_role_word(doc[i].text)


def _plural_opener(doc: Doc, start: int, plural: dict[str, str | None]) -> str | None:
    """The singular of the plural style that opens the list `start` is in, else None.

    "" for a style with no title ("Messrs."). Names the model tagged otherwise may come between
    ("are: A (Chair), B and C").
    """
    j = start - 1
    while j > 0 and start - j < 12 and not doc[j].is_space and doc[j].text != ":" and doc[j].lower_ not in plural \
            and (PARTY_TAG.match(doc[j].text) or _role_in_brackets(doc, j)
                 or (doc[j].text[:1].isupper() and not is_role_word(doc[j].text))) \
            and not (doc[j].text == "." and f"{doc[j - 1].lower_}." in plural):
        j -= 1
    if j >= 2 and doc[j].text == ":" and doc[j - 1].lower_ in ("are", "were", "include", "included"):
        j -= 2
    word = doc[j].lower_
    if word == "." and j > 0:
        word = f"{doc[j - 1].lower_}."  # "Sens" "."
    if j < 0 or word not in plural:
        return None
    return plural[word] or ""


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
    covered = Intervals((s, e) for p in people for _, s, e in p.mentions)  # no stretch of text is two mentions
    unique = {name: owners[0] for name, owners in surnames.items() if len(owners) == 1}
    for surname, person, (s, e) in _surname_hits(text, unique):
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
    for person in unique.values():
        person.mentions.sort(key=lambda mention: mention[1])


def _surname_hits(text: str, owners: dict[str, PersonRecord]) -> list[tuple[str, PersonRecord, tuple[int, int]]]:
    """Where each surname stands as a word, in any case: surname by surname, each in text order.

    One pattern for all surnames, not one per surname: compiling a pattern costs more than the search.
    """
    if not owners:
        return []
    by_fold: dict[str, list[str]] = {}
    for surname in owners:
        by_fold.setdefault(surname.casefold(), []).append(surname)
    alternatives = "|".join(regex.escape(surname) for surname in sorted(owners, key=len, reverse=True))
    pattern = regex.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", regex.IGNORECASE)
    rank = {surname: i for i, surname in enumerate(owners)}
    hits = [(surname, owners[surname], m.span()) for m in pattern.finditer(text)
            for surname in by_fold.get(m.group().casefold(), ())]
    return sorted(hits, key=lambda hit: (rank[hit[0]], hit[2]))


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
        if len(words) > 1:  # "Ben" for Benjamin Sasse: a first name cut short
            keys |= {("short", words[0][:n]) for n in range(3, len(words[0]))}
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
        if len(found) > 1:  # "Cantwell": Maria Cantwell, not a "Cantwell Amendment" the model took for a name
            found = {i: p for i, p in found.items() if p.name.casefold().split()[-len(words):] == words}
        if not found and len(words) == 1:
            found = {id(p): p for p in self._partial.get(("short", words[0]), ())}
        return next(iter(found.values())) if len(found) == 1 else None
