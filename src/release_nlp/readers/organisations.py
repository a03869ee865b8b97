"""Organisations: one entry per body, full name and acronym linked both ways.

Sources: the model's ORG entities, acronym definitions in the text (`long form (SF)`), and
the gazetteer of well-known bodies in `models/organisations.jsonl` (which supplies full
names the release leaves to common knowledge, "IOM" -> International Organization for
Migration, and other names, "the UN Migration Agency"). Unnamed office holders the model
tags as ORG ("the Minister of Environment") are set apart as officials.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from release_nlp.core.docindex import ents_of, positions_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.tags import is_adjective
from release_nlp.core.text import NAME_CACHE, fold, squash, strip_possessive
from release_nlp.readers.abbreviations import Definition
from release_nlp.readers.common_words import GROUP_MEMBERS, RANKS, LowerCase, group_names, is_nationality, lower_case_of
from release_nlp.readers.gazetteer import lookup as place_lookup
from release_nlp.readers.gazetteer import site_words as place_site_words
from release_nlp.readers.org_checks import INSTRUMENTS, is_acronym, looks_like_official, names_a_feature, plausible_org
from release_nlp.readers.org_context import a_people_as_a_noun, whole_phrase_after_article
from release_nlp.readers.org_gazetteer import KnownOrg, known_org, known_orgs
from release_nlp.readers.org_names import (
    COMPLEMENT,
    LOWERCASE_ORG_WORDS,
    ORG_WORDS,
    continues_title,
    cut_at_running_text,
    extend_complement,
    extend_dangling,
    extend_name_list,
    extend_to_country,
    governments,
    plural_heads,
    split_org_span,
)
from release_nlp.readers.roles import has_head, is_area, is_role_word

# Two capitals at least: "(Chairperson)" after a name is a role, not an acronym.
FOLLOWING_ACRONYM = regex.compile(r"\s?\((\p{Lu}[\p{Ll}&-]*\p{Lu}[\p{Lu}\p{Ll}&-]{0,9})\)")




@dataclass
class OrgRecord:
    """An organisation as it is being built."""

    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)

    def forms(self) -> set[str]:
        """Every folded name, acronym and alias."""
        return {fold(f) for f in (self.name, self.acronym, *self.aliases) if f}

    def as_dict(self) -> dict[str, object]:
        """The record as plain data."""
        return {
            "name": self.name,
            "acronym": self.acronym,
            "aliases": [a for a in self.aliases if a not in (self.name, self.acronym)],
            "mentions": [{"text": t, "start": s, "end": e} for t, s, e in self.mentions],
        }


LEADING_THE = regex.compile(r"^(?:the|The|THE)\s+")
# "a National Committee ...", "Our Commission", "ABOUT CARE" (a section heading): the body is what follows.
# "During COP23", "Those the Commission": a preposition or pronoun that opened the sentence, not the name.
# "An ISAF team", "A UNICEF convoy": an article that opened the sentence ("A Rocha" keeps its "A").
LEADING_DETERMINER = regex.compile(
    r"^(?:(?:a|an|(?:A|An)(?=\s\p{Lu}{2,}\b)|(?i:our|its|their|this|that|these|those|about|during|since|following|amid))"
    r"\s+)+")
# "Ministry of Labour, Tel.", "IOM Nepal Email": a contact block's label run on after the name
TRAILING_CONTACT = regex.compile(r"(?<=\S),?\s+(?:Tel|Tél|Phone|Fax|Mob|Mobile|Cell|Email|E-mail)\.?:?$")
# "Clean Air Interstate (CAIR": a definition the model cut inside its parenthesis.
UNCLOSED_PAREN = regex.compile(r"\s*\([^()]*$")
# "Sustainable Development Goals of ‘", "Development Partners for": a name the model cut after a joining word.
# (Anchored after a non-space, so that a run of spaces is scanned once, not once per position.)
DANGLING = regex.compile(r"(?<=\S)(?:\s+(?:of|for|on|and|the|in|to)|\s*[‘’'\"“”(])+$")
# "U.S. Army Col", "Marine Corps Gen.": a rank abbreviation that opens the next person's name (US DoD
# abbreviations of commissioned and enlisted ranks).
TRAILING_RANK = regex.compile(
    r"(?<=\S)(?:\s+(?:Col|Gen|Lt|Maj|Capt|Cpt|Sgt|Cpl|Pvt|Pfc|Spc|Adm|Cmdr|Cdr|Brig|Ens)\.?)+$")


LOCATIVE = frozenset({"in", "near", "across", "throughout", "around"})
DASH_APART = regex.compile(r"\s?[-–—]\s")  # a dash set apart, unlike the hyphen of "Al-Fallujah"


@lru_cache(maxsize=NAME_CACHE)
def clean_org(text: str) -> str:
    """`the Lebanese Government’s` -> `Lebanese Government`."""
    text = squash(strip_possessive(cut_at_running_text(squash(text), lambda n: known_org(n) is not None)))
    text = DANGLING.sub("", UNCLOSED_PAREN.sub("", TRAILING_RANK.sub("", TRAILING_CONTACT.sub("", text))))
    text = LEADING_THE.sub("", text)
    bare = LEADING_DETERMINER.sub("", text)
    if bare and bare[:1].isupper():
        text = LEADING_THE.sub("", bare)
    return text.strip(" ,.;:/-–\"“”‘’'")



STATE_WEIGHT = 1e8  # the gazetteer's weight of first-level regions (states, provinces) and large cities


def _tidy(name: str, known_forms: set[str]) -> str:
    """`ICRC Geneva` -> `ICRC`, `Ghormach Taliban` -> `Taliban`, `WFP - Food` -> `WFP`, `... 2018` -> `...`."""
    name = _TRAILING_YEAR.sub("", name)
    dash = DASH_APART.search(name)  # "WFP - Food", "ISAF Joint Command- Afghanistan"
    if dash:
        head = _tidy(name[:dash.start()], known_forms)
        if fold(head) in known_forms or known_org(head) is not None:
            return head
    head, sep, tail = name.partition("/")
    if sep and (fold(head) in known_forms or known_org(head) is not None) and place_lookup(tail):
        return head  # "WFP/Tajikistan": the country office of a known body
    words = name.split()
    for cut in (1, 2):
        if len(words) > cut:
            head, tail = " ".join(words[:-cut]), " ".join(words[-cut:])
            if (fold(head) in known_forms or known_org(head) is not None) and place_lookup(tail):
                return head
            # "Ghormach Taliban", "In Wau the Commission": a town or district before a body the release names.
            lead, rest = " ".join(words[:cut]), " ".join(words[cut:])
            found = place_lookup(lead) if not lead.isupper() else None
            if found is None or found.kind not in ("city", "region") or found.weight >= STATE_WEIGHT:
                continue  # "Kansas House", "Virginia Tobacco Commission": a state's own bodies keep its name
            if rest.startswith("the ") and fold(rest[4:]) in known_forms:
                return rest[4:]  # two phrases the model joined: "In Wau the Commission met ..."
            if len(rest.split()) == 1 and rest.casefold() not in ORG_WORDS and (
                    known_org(rest) is not None or fold(rest) in known_forms):
                return rest  # a group the release names on its own, led by where it operates
    return name


def _trim_role_words(doc: Doc, ent: Span) -> Span | None:
    """`WFP Country` + `Director ...`: role words the model folded into an ORG go back to the title."""
    end = ent.end
    while end > ent.start and end < len(doc) and is_role_word(doc[end].text) and is_role_word(doc[end - 1].text) \
            and not doc[end - 1].text.isupper():
        end -= 1
    return doc[ent.start:end] if end > ent.start else None


def extract_organisations(
    doc: Doc,
    allowed: Callable[[int], bool],
    definitions: list[Definition],
    person_chars: set[int],
    is_place: Callable[[str], bool] = lambda name: False,
    known_spans: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ents: Sequence[Span] | None = None,
) -> tuple[list[OrgRecord], list[tuple[str, int, int]]]:
    """Organisations of the release and the unnamed officials the model tagged as ORG (`ents`: the doc's, read once)."""
    known = known_orgs()
    text = text_of(doc)

    def names_a_body(long_form: str) -> bool:
        return _org_like(long_form) and (
            any(w.casefold().strip(",") in ORG_WORDS for w in long_form.split()) or fold(long_form) in known)

    defined = {d.short: d for d in definitions if names_a_body(clean_org(d.long))}
    # Acronyms the text defines for things that are not organisations ("internally displaced persons (IDPs)",
    # "Gender-Based Violence (GBV)").
    terms = {fold(d.short) for d in definitions if not names_a_body(clean_org(d.long)) and fold(d.short) not in known}
    records: list[OrgRecord] = []
    officials: list[tuple[str, int, int]] = []
    by_form: dict[str, OrgRecord] = {}

    def record_for(name: str, acronym: str | None) -> OrgRecord:
        forms = {fold(name)} | ({fold(acronym)} if acronym else set())
        for f in forms:
            if f in by_form:
                rec = by_form[f]
                if acronym and not rec.acronym:
                    rec.acronym = acronym
                if len(name) > len(rec.name) and not is_acronym(name) and fold(name) not in rec.forms():
                    rec.aliases.append(rec.name)
                    rec.name = name
                elif fold(name) not in rec.forms():
                    rec.aliases.append(name)
                for form in rec.forms():
                    by_form[form] = rec
                return rec
        rec = OrgRecord(name, acronym)
        records.append(rec)
        for form in rec.forms():
            by_form[form] = rec
        return rec

    short_by_long: dict[str, str] = {}  # the first definition of each long form, as a loop over them would find
    for d in definitions:
        short_by_long.setdefault(fold(clean_org(d.long)), d.short)

    def canonical(name: str) -> tuple[str, str | None]:
        """Full name and acronym of a surface form, from the text's definitions and the gazetteer."""
        if name in defined:
            return clean_org(defined[name].long), name
        entry = known.get(fold(name))
        if entry:
            return entry.name, entry.acronym
        short = short_by_long.get(fold(name))
        if short is not None:
            return name, short
        if is_acronym(name) and len(name.split()) == 1:
            return name, name
        return name, None

    known_intervals = Intervals(known_spans)
    all_ents = list(ents_of(doc) if ents is None else ents)
    # Words the model reads as a place elsewhere in the release ("in Dohuk" ... "Dohuk" tagged ORG).
    place_forms = {fold(clean_org(e.text)) for e in all_ents if e.label_ in ("GPE", "LOC")} \
        - {fold(word) for word in group_names(doc)}  # "a Haqqani leader" tagged GPE: a group, no place

    def is_body(name: str) -> bool:
        name = clean_org(name)
        return any(w.casefold().strip(",") in ORG_WORDS for w in name.split()) or fold(name) in known

    def consider(ent: Span) -> None:
        if len(ent) == 1 and (is_adjective(ent[0]) or ent[0].tag_ in ("VBD", "VBN")) and not is_acronym(ent.text):
            return  # "International", "Congressional", "Introduced"
        if len(ent) == 1 and ent.end + 1 < len(doc) and has_head(doc[ent.end].text) and doc[ent.end].is_title \
                and doc[ent.end + 1].ent_type_ == "PERSON" and not is_acronym(ent.text) and not is_body(ent.text):
            return  # "Cabinet Secretary Ann Loro": the first word of a title ("a Taliban leader" is a body's)
        if continues_title(doc, ent, has_head):
            return  # "Minister of Agriculture, Industry and Fisheries of Uganda": the rest of a title
        ent = _with_hyphened_start(doc, ent)
        ent = extend_dangling(doc, _extend_lowercase_org_word(doc, ent))
        ent = extend_name_list(doc, extend_complement(doc, ent, has_head), has_head)
        ent = extend_to_country(doc, ent, is_place)
        if next(covered.overlapping(ent.start_char, ent.end_char), None) is not None:
            return  # "Fisheries of Uganda": inside a name read in full already
        raw = squash(ent.text)
        if any(e - s > len(ent.text) or s < ent.start_char < e
               for s, e in known_intervals.overlapping(ent.start_char, ent.end_char)):
            return  # part of a longer known name ("United Nations" in "United Nations High Commissioner ...")
        head = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
        if head.lower_ in place_site_words():
            return  # "Palais des Nations" is a place
        j = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        if j >= 3 and doc[j - 1].lower_ == "the" and doc[j - 2].lower_ in ("for", "of") \
                and doc[j - 3].lower_ in ("day", "week", "year", "decade", "month"):
            return  # "International Day for the Elimination of ...": an observance, not a body
        # Joined fields ("Planning and Evaluation") complete a title too; a lone name ("Director of Cordaid") is a body.
        # So does a minister's or secretary's portfolio ("Secretary of Labor").
        joined_fields = (_JOINED.search(raw) is not None
                         or (ent.start >= 2 and doc[ent.start - 2].lower_ in ("secretary", "minister"))) \
            and not is_body(raw) and ent[0].lower_ != "the" and not is_acronym(raw)
        if (is_area(raw) or joined_fields) and ent.start >= 2 \
                and doc[ent.start - 1].lower_ in ("of", "for") and has_head(doc[ent.start - 2].text) \
                and doc[ent.start - 2].is_title:
            return  # "Director of EU Advocacy", "Assistant Secretary for Planning and Evaluation": a title's rest
        cleaned = clean_org(raw)
        if (is_place(cleaned) and cleaned not in defined) or fold(cleaned) in terms \
                or _amount_or_code(text, ent.start_char, ent.end_char) or _place_and_its_kind(cleaned):
            return
        if fold(cleaned) in place_forms and not is_body(cleaned) and not is_acronym(cleaned):
            return
        if len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE and not is_acronym(cleaned) \
                and not is_body(cleaned):
            return  # "in Dohuk", "across Mindanao": one unknown word after a locative is a place
        if looks_like_official(raw):
            officials.append((raw, ent.start_char, ent.end_char))
            return
        if (_names_a_kind_of_site(doc, ent.end) or (ent.end < len(doc) and doc[ent.end].is_title and doc[
                ent.end].lower_ in INSTRUMENTS)) and not is_body(cleaned) and not is_acronym(cleaned):
            return  # "Protection of Civilians (PoC) sites"; "Child Safety" of "the Child Safety Act": no body
        if whole_phrase_after_article(doc, ent) and not is_body(cleaned) \
                and not (is_acronym(cleaned) and " " not in cleaned):
            return  # "named a NAP Champion in": a kind of holder, not a body ("a WFP truck" keeps WFP)
        if a_people_as_a_noun(doc, ent, cleaned) and not is_body(cleaned):
            return  # "a fellow Nebraskan", "the only Native American on a coin": a people, not a body
        name = _tidy(cleaned, set(by_form))
        followed = f"{raw} {doc[ent.end].text}" if ent.end < len(doc) and not is_acronym(raw) else raw
        if names_a_feature(followed) or names_a_feature(raw):
            features.add(fold(name))
            return
        if not plausible_org(name, defined=name in defined) or (
                not ent.text.isupper() and _written_as_topic(name, lower, known)):
            return
        full, acronym = canonical(name)
        if acronym is None:
            # "National Institute for Disaster Risk Management (INGD)": an acronym right after the name,
            # even when its letters come from another language.
            m = FOLLOWING_ACRONYM.match(text, ent.end_char)
            if m:
                acronym = m.group(1)
        rec = record_for(full, acronym)
        if name not in (rec.name, rec.acronym) and name not in rec.aliases:
            rec.aliases.append(name)
        rec.mentions.append((ent.text, ent.start_char, ent.end_char))
        covered.add(ent.start_char, ent.end_char)

    lower = lower_case_of(text)
    covered = Intervals()
    features: set[str] = set()  # names read as a feature's, not a body's ("Thief River Falls")
    for name, start, end in plural_heads(text):
        if allowed(start):
            rec = record_for(name, None)
            rec.mentions.append((text[start:end], start, end))
            covered.add(start, end)
    for ent in all_ents:
        if ent.label_ in ("NORP", "GPE") and ent.end < len(doc) and doc[ent.end].lower_ in LOWERCASE_ORG_WORDS:
            pass  # "Haqqani network": a group named by a people or place and a lowercase organisation word
        elif ent.label_ in ("NORP", "GPE", "LOC") and ent.text in defined:
            pass  # "Freedonia Red Cross (FRC)" ... "FRC Chairman": the text's own definition outranks the model's tag
        elif ent.label_ != "ORG":
            continue
        if not allowed(ent.start_char) or ent.start_char in person_chars:
            continue
        trimmed = _trim_role_words(doc, ent)
        if trimmed is None:
            continue
        if fold(clean_org(trimmed.text)) in known:
            consider(trimmed)
            continue
        for piece in split_org_span(doc, trimmed, is_body, lambda owner: place_lookup(owner) is not None):
            consider(piece)

    # "a Haqqani network leader", "two Haqqani facilitators": a group named before "network" or a member noun,
    # whatever the model tagged the name as (often PERSON); a word the release uses as a group's name is no
    # person or place (`group_names`). The network comes first, so "Haqqani" alone joins it as an alias.
    for group in _named_groups(doc, lower):
        if allowed(group.start_char) and next(covered.overlapping(group.start_char, group.end_char), None) is None:
            if len(group) == 1 and any(f.startswith(fold(group.text) + " ") for f in by_form):
                continue
            if len(group) == 1 or fold(group[0].text) not in by_form:
                consider(group)

    # Governments and municipalities the model left untagged (or tagged as a place).
    tagged = Intervals((s, e) for _, s, e in (m for r in records for m in r.mentions))
    for start, end in governments(doc, text, is_place):
        if not allowed(start) or start in person_chars or next(tagged.overlapping(start, end), None) is not None:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            consider(span)

    # Acronyms the text defines for organisations the model did not tag.
    for d in definitions:
        long = clean_org(d.long)
        if not allowed(d.long_start) or fold(long) in by_form or fold(d.short) in by_form:
            continue
        if _org_like(long) and any(w.casefold() in ORG_WORDS for w in long.split()):
            rec = record_for(long, d.short)
            rec.mentions.append((long, d.long_start, d.long_end))
    # "Trans-Alaska" where the release also says "Trans-Alaska Pipeline": a feature's name without its head
    # ("Ford" of "Ford Assembly Plant" is the company).
    return [r for r in records if not any(_head_after(f, fold(r.name)) for f in features)], officials


NAME_LABELS = frozenset({"", "PERSON", "ORG", "GPE", "NORP", "LOC"})  # untagged, or tagged a name (not CARDINAL)


# Members only an armed group has: "Dinka leaders", "Tuareg fighters", "Muslim leaders" name peoples and faiths.
ARMED_MEMBERS = frozenset({"facilitator", "facilitators", "commander", "commanders", "cell", "cells", "operatives",
                           "militants", "insurgents"})


def _named_groups(doc: Doc, lower: LowerCase) -> list[Span]:
    """Groups named by one word before "network" ("the Haqqani network") or an armed group's member noun.

    One word: not the last of a longer name ("the Shirafat Attack Network"), not a determiner or a number, no
    place. Before a member noun ("two Haqqani facilitators"; not "leaders" or "fighters", which peoples and
    faiths have too), also not opening a sentence or clause ("— Numerous insurgents"), no people (tagged NORP,
    a country's demonym or an adjective: "Afghan militants"), no word the release also writes in lower case,
    and the noun in lower case (a headline's capitals name nothing).
    """
    groups = group_names(doc)
    found = []
    for i in positions_of(doc, GROUP_MEMBERS):
        j = i - 1 if doc[i].lower_ == "network" or doc[i - 1].lower_ not in RANKS else i - 2
        if j < 1 and not (j == 0 and doc[i].lower_ == "network"):
            continue
        word = doc[j]
        longer = j > 0 and doc[j - 1].is_title and doc[j - 1].lower_ not in STOP_WORDS
        if word.text not in groups or word.ent_iob_ == "I" or word.ent_type_ not in NAME_LABELS \
                or word.lower_ in STOP_WORDS or longer or place_lookup(word.text) is not None:
            continue
        if doc[i].lower_ == "network":
            found.append(doc[j:i + 1])
            continue
        opens = word.is_sent_start or (doc[j - 1].is_punct and doc[j - 1].text != ",")
        people = word.ent_type_ == "NORP" or is_nationality(word.text) or (bool(word.tag_) and is_adjective(word))
        if doc[i].lower_ in ARMED_MEMBERS and doc[i].is_lower and not opens and not people \
                and not lower.writes(word.text):
            found.append(doc[j:j + 1])
    return sorted(found, key=lambda span: -len(span))


def _with_hyphened_start(doc: Doc, ent: Span) -> Span:
    """`One-Stop Crisis Centre` where the model began at `Stop`: a capitalised word hyphened onto the name's start."""
    start = ent.start
    if is_acronym(ent.text):
        return ent  # "LABOR-HHS", "R-SC": a heading's word or a party tag before an acronym
    while start >= 2 and doc[start - 1].text in "-‑" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
        start -= 2
    return ent if start == ent.start else doc[start:ent.end]


def _head_after(feature: str, name: str) -> bool:
    """`trans-alaska pipeline` is `trans-alaska` and one more word (folded names)."""
    return feature.startswith(name + " ") and " " not in feature[len(name) + 1:]


SITE_NOUNS = frozenset({"site", "sites", "camp", "camps", "area", "areas", "settlement", "settlements", "zone",
                        "zones"})


def _names_a_kind_of_site(doc: Doc, end: int) -> bool:
    """Whether the name at `end` (its acronym in brackets skipped) modifies a lower-case site noun."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in SITE_NOUNS


def _written_as_topic(name: str, lower: LowerCase, known: dict[str, KnownOrg]) -> bool:
    """`Port Security is critical`, `Gender` as a heading, where the release also writes "port security", "gender"."""
    words = name.split()
    if not 1 <= len(words) <= 3 or fold(name) in known or any(
            w.casefold() in ORG_WORDS or not w.replace("-", "").isalpha() or w.isupper() for w in words):
        return False
    return lower.writes(name)


ADMIN_KINDS = frozenset({"region", "province", "governorate", "district", "county", "counties", "prefecture"})


def _place_and_its_kind(name: str) -> bool:
    """`Oromia Region`, `Diyala Governorate`: a known place and its administrative kind, no body."""
    head, _, kind = name.rpartition(" ")
    return kind.casefold() in ADMIN_KINDS and bool(head) and place_lookup(head) is not None


@cache
def _currency_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


@cache
def _us_state_codes() -> frozenset[str]:
    import pycountry

    return frozenset(s.code[3:] for s in pycountry.subdivisions if s.country_code == "US" and s.parent_code is None)


_TRAILING_YEAR = regex.compile(r"(?<!\s)\s+(?:19|20)\d\d$")
_JOINED = regex.compile(r" (?:and|&) ")
# Searched in the few characters before a name: "5,000 EUR", "Bethel, AK".
_DIGIT_AT_END, _TOWN_COMMA_AT_END = regex.compile(r"\d\s?$"), regex.compile(r"\p{L},\s$")
_GLUED_AMOUNT, _US_LEAD = regex.compile(r"\p{Lu}{1,3}\$?\d[\d,.]*"), regex.compile(r"^(?:U\.?S\.?|United States)\s+")
_STATE_CODE_AFTER = regex.compile(r",\s(\p{Lu}\p{Lu})\b(?!\s?\p{Ll})")
AMOUNT_AFTER = regex.compile(r"\s?(?:\d|-?(?:million|billion|thousand|bn|m)\b)", regex.IGNORECASE)


def _amount_or_code(text: str, start: int, end: int) -> bool:
    """`EUR 5 million`, `5,000 EUR`, `P14-million`, `Bethel, AK`: money and postal codes, not bodies."""
    name = text[start:end]
    amount_before = _DIGIT_AT_END.search(text, max(0, start - 3), start)
    if name in _currency_codes() and (AMOUNT_AFTER.match(text, end) or amount_before):
        return True
    if _GLUED_AMOUNT.fullmatch(name) and AMOUNT_AFTER.match(text, end):
        return True  # "P14-million": a currency letter glued to a figure
    if name in _us_state_codes() and _TOWN_COMMA_AT_END.search(text, max(0, start - 4), start):
        return True  # "Bethel, AK"
    return bool(_STATE_CODE_AFTER.match(text[end:end + 5])) and \
        text[end + 2:end + 4] in _us_state_codes() and not name.isupper()


def _org_like(long_form: str) -> bool:
    """A long form that names a body: mostly capitalised words."""
    words = [w for w in long_form.split() if w.casefold() not in ("of", "for", "and", "the", "on", "in", "to", "&")]
    return bool(words) and sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)


def _extend_lowercase_org_word(doc: Doc, ent: Span) -> Span:
    """`Coast Guard` + `subcommittee`, `Haqqani` + `network`: a lowercase organisation word ends the name."""
    if ent.end < len(doc) and doc[ent.end].lower_ in LOWERCASE_ORG_WORDS and doc[ent.end].is_lower:
        return doc[ent.start:ent.end + 1]
    return ent


def merge_prefixes(records: list[OrgRecord]) -> list[OrgRecord]:
    """`Save the Children` and `Save the Children International` are one organisation."""
    out: list[OrgRecord] = []
    for rec in sorted(records, key=lambda r: -len(r.name)):
        longer = next((o for o in out if _longer_form_of(o.name, rec.name)), None)
        if longer is None:
            out.append(rec)
            continue
        longer.aliases.append(rec.name)
        longer.mentions.extend(rec.mentions)
        longer.acronym = longer.acronym or rec.acronym
    order = {id(r): i for i, r in enumerate(records)}
    return sorted(_merge_back_references(out), key=lambda r: order[id(r)])


_SUBJECTS_GO_ON = regex.compile(r"^(?:,| and| &) \S")
_OF_A_PLACE = regex.compile(r"^ (?:of|in|for) (?:the )?(.+)$")


def _longer_form_of(longer: str, name: str) -> bool:
    """Whether `longer` is `name` written out in full.

    One more word (`Save the Children International`), the rest of its subject list (`Ministry of Health and
    Child Care`), or its country or region (`Ministry of Health of Ruritania`).
    """
    folded, short = fold(longer), fold(name)
    if not folded.startswith(short + " ") and not folded.startswith(short + ","):
        return False
    rest = longer[len(name):]
    if len(longer.split()) - len(name.split()) == 1 and rest[:1] == " ":
        return True
    if _SUBJECTS_GO_ON.match(rest) and any(w in COMPLEMENT for w in short.split()):
        return True
    place = _OF_A_PLACE.match(rest)
    return place is not None and (found := place_lookup(place.group(1))) is not None and found.kind in (
        "country", "region")


def _initials(name: str) -> str:
    words = _US_LEAD.sub("", name).split()
    return "".join(w[0] for w in words if w.casefold() not in ("of", "for", "and", "the", "on", "&", "in"))


def _headed_by(name: str, word: str) -> bool:
    """`Native Alliance Foundation` and `Commission on Truth` are headed by `Foundation` and `Commission`."""
    folded = fold(name).split()
    word = word.casefold()
    return folded[-1] == word or any(w == word and i + 1 < len(folded) and folded[i + 1] in ("of", "on", "for")
                                     for i, w in enumerate(folded))


def _named_last_before(owners: list[OrgRecord], rec: OrgRecord) -> list[OrgRecord]:
    """Of several bodies a bare word could refer back to, the one mentioned last before the word's first mention."""
    if len(owners) < 2 or not rec.mentions:
        return owners
    first = min(start for _, start, _ in rec.mentions)
    before = [(max(start for _, start, _ in o.mentions if start < first), i) for i, o in enumerate(owners)
              if any(start < first for _, start, _ in o.mentions)]
    return [owners[max(before)[1]]] if before else owners


def _merge_back_references(records: list[OrgRecord]) -> list[OrgRecord]:
    """`the Foundation` after `Native Alliance Foundation`, `SBA` after `Small Business Administration`.

    A bare body word, or a name without its leading words ("Red Cross"), refers back to the one
    organisation whose name ends with it; an acronym the text never defines, to the one organisation
    whose initials it spells.
    """
    out = list(records)
    for rec in records:
        words = rec.name.split()
        if len(words) == 1 and words[0].casefold() in ORG_WORDS and not rec.acronym and known_org(rec.name) is None:
            owners = [o for o in out if o is not rec and len(o.name.split()) > 1 and _headed_by(o.name, words[0])]
            # "the Committee" where several committees are named: the one named last before it.
            owners = _named_last_before(owners, rec)
        elif rec.acronym == rec.name and is_acronym(rec.name) and " " not in rec.name:
            owners = [o for o in out if o is not rec and not o.acronym and len(o.name.split()) > 1
                      and _initials(o.name) == rec.name]
        elif len(words) > 1 and not rec.acronym and known_org(rec.name) is None:
            # "the Red Cross" after "Freedonia Red Cross": a body's name without the place that leads it.
            tail = " " + fold(rec.name)
            owners = [o for o in out if o is not rec and fold(o.name).endswith(tail)
                      and len(o.name.split()) - len(words) <= 2]
        else:
            continue
        if len(owners) != 1:
            continue
        owner = owners[0]
        if rec.acronym and not owner.acronym:
            owner.acronym = rec.acronym
        elif rec.name not in owner.aliases:
            owner.aliases.append(rec.name)
        owner.mentions.extend(rec.mentions)
        out.remove(rec)
    return out
