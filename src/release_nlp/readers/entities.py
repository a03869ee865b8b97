"""The entities component: people, organisations, places, quotes, contacts and officials.

Reads the model's entities inside the release proper (page furniture and the title-cased
headline are left out: the headline contributes only gazetteer places and organisations)
and stores plain dicts on `doc._.release_entities`. Each kind is read by its own module; this one
reads them in the order they depend on each other (organisations, then people, places, quotes,
affiliations, contacts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from release_nlp.core.docindex import ents_of, positions_of, text_of
from release_nlp.core.intervals import Intervals
from release_nlp.core.text import contains_word, fold, squash
from release_nlp.readers import gazetteer
from release_nlp.readers.abbreviations import Definition, find_definitions
from release_nlp.readers.appositives import BODY_WORDS
from release_nlp.readers.common_words import opens_a_sentence_as_adverb
from release_nlp.readers.contact_people import contact_names, contact_people
from release_nlp.readers.contacts import find_contacts
from release_nlp.readers.gazetteer import country_of_demonym
from release_nlp.readers.model_titles import (
    MIDDLE_INITIAL,
    add_model_titles,
    names_out_of_titles,
    names_without_hometowns,
)
from release_nlp.readers.org_checks import looks_like_official
from release_nlp.readers.org_gazetteer import known_org, known_orgs
from release_nlp.readers.org_names import BACK_REFERENCE_HEADS, ORG_WORDS
from release_nlp.readers.organisations import OrgRecord, clean_org, extract_organisations, merge_prefixes
from release_nlp.readers.people import PersonRecord, extract_people
from release_nlp.readers.places import (
    STORM,
    add_place,
    finish_places,
    place_names,
    places_tagged_otherwise,
    read_places,
)
from release_nlp.readers.roles import has_head, is_honorific, is_role_word, styles_a_name, vocabulary
from release_nlp.readers.sections import SectionMap
from release_nlp.readers.speakers import read_quotes
from release_nlp.readers.surname_places import surnames_taken_for_places
from release_nlp.readers.titled_names import names_after_kin, names_after_titles


class EntityReader:
    """Fills `doc._.release_entities` from the model's entities and our rules."""

    def __init__(self, nlp: Language, name: str = "release_entities", *, issuer_affiliation: bool = True) -> None:
        self.name = name
        self.issuer_affiliation = issuer_affiliation
        self.place_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.place_matcher.add("PLACE", [nlp.make_doc(name) for name in place_names()])
        self.org_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        org_names = sorted(
            {f for e in known_orgs().values() for f in (e.name, *e.aliases) if len(f.split()) >= 2 or e.one_word_names}
            | {e.acronym for e in known_orgs().values() if e.acronym and not e.acronym_is_word}
        )
        self.org_matcher.add("ORG", [nlp.make_doc(name) for name in org_names])
        word_acronyms = sorted({e.acronym for e in known_orgs().values() if e.acronym and e.acronym_is_word})
        self.org_matcher.add("WORD_ACRONYM", [nlp.make_doc(name) for name in word_acronyms])

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        if (doc._.release_structure or {}).get("language", "en") != "en":
            doc._.release_entities = read_contacts_only(doc)
        else:
            doc._.release_entities = read_entities(doc, self.place_matcher, self.org_matcher,
                                                   issuer_affiliation=self.issuer_affiliation)
        return doc


def read_contacts_only(doc: Doc) -> dict[str, Any]:
    """For a release in another language: only what no English rule is needed for (contacts)."""
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    hits = find_contacts(text, sections.regions("body", "notes", "contacts"), sections.regions("contacts"))
    return {"contacts": [{"email": h.email, "phone": h.phone, "phone_e164": h.phone_e164, "name": None,
                          "place": None, "span": {"start": h.start, "end": h.end}} for h in hits]}


def read_entities(
    doc: Doc, place_matcher: PhraseMatcher, org_matcher: PhraseMatcher, *, issuer_affiliation: bool = True
) -> dict[str, Any]:
    """People, organisations, places, quotes, contacts and officials of one doc."""
    text = text_of(doc)
    sections = SectionMap.of(doc, text)
    content = sections.is_content

    def in_title(offset: int) -> bool:
        return sections.title is not None and sections.title[0] <= offset < sections.title[1]

    definitions = [d for d in find_definitions(text) if content(d.long_start)]
    # Organisations: the model's, known names it missed, and acronyms defined in the text.
    word_acronym = doc.vocab.strings["WORD_ACRONYM"]
    # A known form the release defines as another body's ("Institute for Science and International Security
    # (ISIS)") is that body's.
    defined_long = {d.short: d.long for d in definitions}
    known_matches = [span for span in filter_spans([Span(doc, s, e, label=k) for k, s, e in org_matcher(doc)])
                     if (span.label != word_acronym or _acronym_in_context(text, span))
                     and (span.text not in defined_long or known_org(defined_long[span.text]) is known_org(span.text))]
    # A known body's name the model took for a person is the body: whole ("killed by Boko Haram"), or an armed
    # group's after a place or a people ("Ghormach Taliban", "Iranian Houthis").
    known_by_end = {span.end_char: span for span in known_matches if span.label != word_acronym}
    raw_ents = names_without_hometowns(doc, names_out_of_titles(doc, ents_of(doc)))
    places_and_peoples = {e.text for e in raw_ents if e.label_ in ("GPE", "LOC", "NORP")}
    ents = tuple(e for e in raw_ents  # read once
                 if not (e.label_ == "PERSON" and (
                     opens_a_sentence_as_adverb(e)  # "Sadly, ..." is no one
                     or _body_taken_for_person(doc, e, known_by_end, places_and_peoples))))
    person_ents = [e for e in ents if e.label_ == "PERSON"]
    kin = names_after_kin(doc)  # "his two daughters, Elizabeth and Alex": people, even if a town is "Alex"
    kin_starts = {span.start_char for span in kin}
    person_starts = {e.start_char for e in person_ents}
    tagged_otherwise = _people_tagged_otherwise(doc, ents) + names_after_titles(doc, ents) + [
        span for span in kin if span.start_char not in person_starts]
    person_chars = {c for e in (*person_ents, *tagged_otherwise) for c in range(e.start_char, e.end_char)}

    # Places (and storms) the model tagged otherwise; never a relative's name.
    misread = [e for e in places_tagged_otherwise(doc, ents) if e.start_char not in kin_starts]
    misread_chars = {c for e in misread for c in range(e.start_char, e.end_char)}
    # The dateline's place ("KABUL, Afghanistan -") is no organisation, whatever the model tags it.
    dateline_span = (sections.dateline or {}).get("place_span") or (0, 0)
    misread_chars |= set(range(*dateline_span))
    org_records, officials = extract_organisations(
        doc, content, definitions, person_chars | misread_chars, _is_place_name,
        [(span.start_char, span.end_char) for span in known_matches], ents)
    by_form = {f: rec for rec in org_records for f in rec.forms()}
    mentioned = {id(rec): Intervals((s, e) for _, s, e in rec.mentions) for rec in org_records}
    for span in known_matches:
        if not (content(span.start_char) or in_title(span.start_char)) or span.start_char in person_chars:
            continue
        entry = known_org(span.text)
        if entry is None:
            continue
        rec = by_form.get(fold(entry.name)) or (by_form.get(fold(entry.acronym)) if entry.acronym else None)
        if rec is None:
            rec = OrgRecord(entry.name, entry.acronym)
            org_records.append(rec)
            for f in rec.forms():
                by_form[f] = rec
        spans = mentioned.setdefault(id(rec), Intervals())
        if next(spans.overlapping(span.start_char, span.end_char), None) is None:
            rec.mentions.append((span.text, span.start_char, span.end_char))
            spans.add(span.start_char, span.end_char)
    org_records = merge_prefixes(org_records)
    _named_as_written(org_records)
    org_spans = [(t, s, e) for rec in org_records for t, s, e in rec.mentions]
    org_start = {}
    for rec in org_records:
        for t, s, e in rec.mentions:
            for tok in doc.char_span(s, e, alignment_mode="expand") or []:
                org_start[tok.i] = clean_org(t)
    org_start.update(_head_word_references(doc, org_records, org_start))

    dateline = sections.dateline or {}
    excluded = tuple((e.start_char, e.end_char) for e in misread)
    # "Juvenile Justice and Delinquency Prevention (JJDP)": a defined name that joins words names no person.
    # (An acronym of letters only: "(R-Ore.)" after "Sens. Ron Wyden (D-Ore.) and Gordon Smith" defines nothing.)
    excluded += tuple((d.long_start, d.long_end) for d in definitions
                      if d.short.isalpha() and sum(c.isupper() for c in d.short) >= 2 and "(" not in d.long
                      and any(w.casefold().strip(",") in ORG_WORDS or w in ("and", "of", "for", "on", "&")
                              for w in d.long.split()))
    if dateline.get("place_span"):
        excluded += (tuple(dateline["place_span"]),)
    people = extract_people(doc, content, org_spans, org_start.get, excluded, tagged_otherwise, ents)
    add_model_titles(doc, people, ents)
    org_records = _without_people(org_records, people)

    places = read_places(doc, ents, text, sections, place_matcher, org_spans, person_chars - {
        c for e in misread for c in range(e.start_char, e.end_char)}, _not_place_names(people, definitions))
    for ent in misread:
        if content(ent.start_char) and ent.label_ != STORM:
            add_place(places, ent.text, ent.start_char, text)
    surnames_taken_for_places(places, people, text)
    quotes = read_quotes(text, sections, people, org_records)
    contact_hits = find_contacts(
        text,
        sections.regions("body", "notes", "contacts"),
        sections.regions("contacts"),
    )
    # Before the issuer's default: a contact line that names the person's body says whom they serve.
    contact_people(text, contact_hits, people, org_records)
    org_records = _without_people(org_records, people)  # "... and Ana Ruiz at UNAIDS, Tel: ...": read from contacts
    _members_of_their_body(people, org_records)
    _canonical_affiliations(people, org_records)
    org_records += _bodies_named_as_affiliations(people, org_records, text)
    if issuer_affiliation:
        _affiliate_to_publisher(people, org_records, quotes, text[sections.title[0]:sections.title[1]]
                                if sections.title else "")
    contacts = [
        {"email": h.email, "phone": h.phone, "phone_e164": h.phone_e164, "name": name,
         "place": h.place, "span": {"start": h.start, "end": h.end}}
        for h, name in zip(contact_hits, contact_names(contact_hits, people), strict=True)
    ]
    # Places named for contacts ("In Cairo: ...") are places of the release.
    for hit in contact_hits:
        if hit.place:
            start = text.find(hit.place, hit.line[0], hit.line[1])
            add_place(places, hit.place, start if start >= 0 else hit.start, text)
    return {
        "people": [p.as_dict() for p in people],
        "organisations": [o.as_dict() for o in org_records if o.mentions],
        "places": finish_places(places),
        "quotes": quotes,
        "contacts": contacts,
        "officials": [{"text": squash(t), "start": s, "end": e}
                      for t, s, e in sorted(officials + _unnamed_offices(doc, ents), key=lambda o: o[1])],
        "terms": [{"short": d.short, "long": d.long} for d in definitions],
    }


OFFICE_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on"})


def _unnamed_offices(doc: Doc, ents: Sequence[Span]) -> list[tuple[str, int, int]]:
    """`the Minister of Environment` tagged TITLE with no name beside it: an office, held by no one named.

    Beside a name means right before it (honorifics between), or set off by a comma on either side.
    """
    starts = {e.start for e in ents if e.label_ == "PERSON"}
    ends = {e.end for e in ents if e.label_ == "PERSON"}
    out = []
    for e in ents:
        words = {t.lower_ for t in e if not t.text[:1].isupper()}
        if e.label_ != "TITLE" or not looks_like_official(e.text) or not {"of", "for"} & words \
                or not words <= OFFICE_CONNECTORS:  # "Member States for their commitment": the model ran on
            continue
        after = e.end
        while after < len(doc) and is_honorific(doc[after].text):
            after += 1
        before = e.start - (1 if e.start > 0 and doc[e.start - 1].lower_ == "the" else 0)
        if after in starts or (after < len(doc) and doc[after].text == "," and after + 1 in starts) \
                or (before > 0 and doc[before - 1].text == "," and before - 1 in ends):
            continue
        out.append((e.text, e.start_char, e.end_char))
    return out


def _canonical_affiliations(people: list[PersonRecord], orgs: list[OrgRecord]) -> None:
    """`the UN Migration Agency` as a person's organisation is the record it belongs to (IOM).

    A body named by its kind alone ("the Commission") is the one body of that kind the release names
    in full ("Commission on Human Rights in South Sudan").
    """
    for person in people:
        if person.organisation:
            key = fold(clean_org(person.organisation))
            rec = next((o for o in orgs if key in o.forms() and not _ends_in_rank(o.name)), None)
            if rec is None and (known := known_org(person.organisation)) is not None:  # its full name
                rec = next((o for o in orgs if fold(known.name) in o.forms()), None)
            if rec is None and key in ORG_WORDS:
                of_kind = [o for o in orgs if fold(o.name).split()[0] == key and len(o.name.split()) > 1]
                rec = of_kind[0] if len(of_kind) == 1 else None
            if rec is not None:
                person.organisation = rec.acronym or rec.name


def _bodies_named_as_affiliations(people: list[PersonRecord], orgs: list[OrgRecord], text: str) -> list[OrgRecord]:
    """`Chair of the Donor Partners for Education`: the body a person serves is an organisation of the release.

    Read from the title or contact line when no recogniser tagged it; only a name of several words with a
    body word in it, which is no place and no longer or shorter form of an organisation already found.
    """
    found: list[OrgRecord] = []
    for person in people:
        name = person.organisation
        at = text.find(name) if name else -1
        if name is None or at < 0 or len(name.split()) < 2 or gazetteer.lookup(name) is not None \
                or not any(w.casefold() in BODY_WORDS for w in name.split()):
            continue
        forms = [f for o in orgs + found for f in (o.name, o.acronym) if f]
        if any(contains_word(name, f) or contains_word(f, name) for f in forms):
            continue
        found.append(OrgRecord(name, mentions=[(name, at, at + len(name))]))
    return found


MEMBER_OF = {"commissioner": "commission", "commissioners": "commission", "councillor": "council",
             "councilor": "council"}


def _members_of_their_body(people: list[PersonRecord], orgs: list[OrgRecord]) -> None:
    """`fellow Commissioner Ana Ruiz` in a release about one commission is a member of it.

    The one body of that kind the release names in full, else the body named by its kind alone
    ("the Commission") when the release names several. ("High Commissioner" is an office of its own.)
    """
    for person in people:
        if person.organisation:
            continue
        words = {w.casefold() for t in person.titles for w in t.split()}
        kind = next((MEMBER_OF[w] for w in words if w in MEMBER_OF), None)
        if kind is None or "high" in words:
            continue
        named = [o for o in orgs if len(o.name.split()) > 1 and kind in fold(o.name).split()]
        bare = next((o for o in orgs if kind in o.forms()), None)  # also "the Commission" merged into its body
        chosen = named[0] if len(named) == 1 else bare
        if chosen is not None:
            person.organisation = chosen.acronym or chosen.name


def _without_people(orgs: list[OrgRecord], people: list[PersonRecord]) -> list[OrgRecord]:
    """The model tags a surname as ORG now and then ("Holloway said"): a person's name is no organisation."""
    person_forms = {fold(f) for p in people for f in (p.name, *p.aliases, p.name.split()[-1])}
    return [o for o in orgs
            if not (o.forms() & person_forms and not o.acronym) and not _ends_in_person(o.name, people)]


def _ends_in_person(name: str, people: list[PersonRecord]) -> bool:
    """`Mission Paul Norton`: an organisation the model ran on into a person's full name is that person."""
    folded = fold(name)
    return any(len(n.split()) > 1 and folded.endswith(" " + fold(n))
               and all(is_role_word(w) for w in name.split()[:-len(n.split())])
               for p in people for n in (p.name, *p.aliases))


def _ends_in_rank(name: str) -> bool:
    """`U.S. Army Col`: a body the model ran into the rank after it is no one's affiliation."""
    last = name.split()[-1].casefold()
    return len(name.split()) > 1 and (f"{last}." in vocabulary().styles or last in vocabulary().abbreviations)


def _affiliate_to_publisher(
    people: list[PersonRecord], orgs: list[OrgRecord], quotes: list[dict[str, Any]], title: str
) -> None:
    """A titled or quoted person with no stated affiliation speaks for the release's issuer.

    The issuer is the organisation the headline names, else one the release names at least
    three times more often than any other.
    """
    if not orgs:
        return
    orgs = [o for o in orgs if _may_issue(o)]
    if not orgs:
        return
    folded_title = fold(title)
    named = [o for o in orgs if any(contains_word(folded_title, f) for f in o.forms())]
    ranked = sorted(orgs, key=lambda r: -len(r.mentions))
    if named:
        main = max(named, key=lambda r: len(r.mentions))
    elif len(ranked[0].mentions) >= 3 and (len(ranked) == 1 or len(ranked[1].mentions) < len(ranked[0].mentions)):
        main = ranked[0]
    else:
        return
    speakers = {q["speaker"] for q in quotes}
    for person in people:
        if person.organisation or not (person.titles or person.name in speakers):
            continue
        if any(fold(w) in GOVERNMENT_ROLES for t in person.titles for w in t.split()):
            continue  # an ambassador, minister or senator speaks for a government, not for the issuer
        person.organisation = main.acronym or main.name


def _body_taken_for_person(doc: Doc, ent: Span, known_by_end: dict[int, Span], places: set[str]) -> bool:
    """Whether a PERSON span is a known body's name: whole, or an armed group's after a place or a people.

    A styled name stays a person's ("Dr. Amal Hamas", "Mullah Abdul Taliban"), and so does a name whose
    first words are no place ("Marco Gavi"); `places`: texts the model tags as places or peoples here.
    """
    known = known_by_end.get(ent.end_char)
    if known is None or known.start_char < ent.start_char:
        return False
    if ent.start > 0 and (styles_a_name(doc[ent.start - 1].text) or _is_style(doc[ent.start - 1].text)):
        return False
    if known.start_char == ent.start_char:
        return True
    entry = known_org(known.text)
    before = text_of(doc)[ent.start_char:known.start_char].strip()
    return entry is not None and entry.armed_group and (
        before in places or gazetteer.lookup(before) is not None or country_of_demonym(before) is not None)


def _may_issue(org: OrgRecord) -> bool:
    """Only a body that surely is one can issue a release: known, with an acronym, or named as a body.

    Never an armed group: in "... ISIL fighters withdrew, said Maj. Gen. Ana Ruiz" she does not speak for them.
    """
    entry = known_org(org.name) or (known_org(org.acronym) if org.acronym else None)
    if entry is not None and entry.armed_group:
        return False
    return bool(org.acronym or entry or any(w.casefold() in ORG_WORDS for w in org.name.split()))


GOVERNMENT_ROLES = frozenset({
    "ambassador", "minister", "senator", "governor", "mayor", "president", "congressman", "congresswoman",
    "king", "queen", "prince", "premier", "chancellor", "consul", "envoy", "representative",
})
def _acronym_in_context(text: str, span: Span) -> bool:
    """`WHO` is the organisation in mixed-case prose, not a shouted word or a media-advisory label (`WHO:`)."""
    if text[span.end_char:span.end_char + 1] == ":":
        return False
    # The line, read at most 300 characters either way: enough to tell prose from capitals, and
    # linear on a run-on line of thousands of acronyms.
    window_start, window_end = max(0, span.start_char - 300), span.end_char + 300
    line_start = text.rfind("\n", window_start, span.start_char) + 1 or window_start
    line_end = text.find("\n", span.end_char, window_end)
    sentence = text[line_start:line_end if line_end >= 0 else min(len(text), window_end)]
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.5 * len(letters)


def _people_tagged_otherwise(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """Names the model tagged ORG or GPE that a title appositive shows to be people.

    `Phumzile Mlambo-Ngcuka, UN Under-Secretary-General and ...`, `Nadia Osei, Regional Director ...`
    """
    # "Jetseta's bill" ... "Jetseta Gage, a girl from Iowa": a word the model tags alone as a person (a given name
    # or, as often in news style, a surname) can open a full name it read as a place.
    given_names = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1 and e.text.isalpha()}
    out = []
    for ent in ents:
        if ent.label_ not in ("ORG", "GPE", "NORP"):
            continue
        comma = next((t.i for t in ent if t.text == ","), ent.end)  # the model may run on past the comma
        start = ent.start
        # "IOM Nepal Chief of Mission Paul Norton" tagged ORG from "Mission": the role words are no name.
        while start < comma - 2 and doc[start].text[:1].isupper() and (
                is_role_word(doc[start].text) or _is_style(doc[start].text)):
            start += 1
        name = doc[start:comma]
        words = name.text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or any(
                w.isupper() and not MIDDLE_INITIAL.fullmatch(w) for w in words):
            continue
        if any(w.casefold() in ORG_WORDS for w in words) or gazetteer.lookup(name.text) or known_org(name.text):
            continue
        after = doc[comma + 1:min(len(doc), comma + 7)].text.split()[:2]
        role_before = start > ent.start and comma == ent.end and (
            has_head(doc[max(0, ent.start - 2):start].text) or _is_style(doc[start - 1].text)) \
            and not any(is_role_word(w) for w in words)
        role_after = comma + 1 < len(doc) and doc[comma].text in (",", "(") and any(has_head(w) for w in after)
        # "Lerey A. Panes": a first name, a middle initial and a surname is a person's name wherever it stands
        initialled = len(name) == 3 and MIDDLE_INITIAL.fullmatch(name[1].text) is not None and not any(
            is_role_word(w) for w in words)
        # Only a name the model read as a place: a body named after its founder ("Bloomberg Philanthropies" beside
        # "Bloomberg said") is tagged ORG.
        given = ent.label_ != "ORG" and len(words) == 2 and words[0] in given_names \
            and gazetteer.lookup(words[0]) is None and words[1].casefold() not in vocabulary().not_person_tails
        # "the Minister of Water and Energy, Liesel Ambrose and the Mayor of ...": a name between the model's TITLE
        # span and the next official of a list ("the Chief Executive, Kestrel Energy, said" names her body).
        titled = start == ent.start and _after_a_title_of_its_own(doc, ent.start) \
            and _another_official_follows(doc, name.end) and not any(is_role_word(w) for w in words)
        if role_before or role_after or initialled or given or titled:
            out.append(Span(doc, name.start, name.end, label="PERSON"))
    return out


def _after_a_title_of_its_own(doc: Doc, start: int) -> bool:
    """`the Minister of Water and Energy, Liesel Ambrose`: a name right after the model's TITLE span.

    Not a title in apposition to someone before it: in "Ana Ruiz, Director-General, Alder Trust" the name after
    the title is the body she heads.
    """
    i = start - 2 if start >= 2 and doc[start - 1].text == "," else start - 1
    if i < 0 or doc[i].ent_type_ != "TITLE" or doc[i].is_lower:
        return False  # "Executive Secretary for" + "Southern Africa Alex Simalabwi": the title runs on into it
    while i > 0 and doc[i].ent_iob_ != "B":
        i -= 1
    return i == 0 or doc[i - 1].text != ","


def _another_official_follows(doc: Doc, end: int) -> bool:
    """`..., Liesel Ambrose and the Mayor of Port Harlan, ...`: the next item of a list of officials follows."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if i >= len(doc) or doc[i].lower_ != "and":
        return False
    i += 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else 1
    return i < len(doc) and (doc[i].ent_type_ == "TITLE" or (doc[i].is_title and has_head(doc[i].text)))


def _head_word_references(doc: Doc, records: Sequence[OrgRecord], taken: dict[int, str]) -> dict[int, str]:
    """`the Alliance`, `Alliance Regional Director ...`: a body's head word alone, capitalised, refers back to it.

    Only where one body of the release ends in that word ("Water Aid Alliance"), and only where no other body's
    mention stands; the recogniser tags such back-references only some of the time.
    """
    owners: dict[str, list[str]] = {}
    for rec in records:
        words = rec.name.split()
        if len(words) > 1 and words[-1].casefold() in BACK_REFERENCE_HEADS and words[-1][:1].isupper():
            owners.setdefault(words[-1], []).append(rec.name)
    sole = {word: names[0] for word, names in owners.items() if len(names) == 1}
    # The word alone: not after another capitalised word ("Alder Trust Board Chair", "UNICEF Programme Manager").
    return {i: sole[doc[i].text] for i in positions_of(doc, frozenset(w.casefold() for w in sole))
            if i not in taken and doc[i].text in sole and (i == 0 or not doc[i - 1].text[:1].isupper()
                                                         or doc[i - 1].lower_ == "the")}


def _is_style(word: str) -> bool:
    """`Sens.`, `Col.`, `Dr.`: a style or honorific with its stop, which opens a person's name."""
    vocab = vocabulary()
    low = word.casefold()
    return low.endswith(".") and (low in vocab.styles or low in vocab.plural_styles or low in vocab.honorifics)


def _named_as_written(records: Sequence[OrgRecord]) -> None:
    """A known body with several names ("al Qaeda", "al-Qaida"; "ISIS") goes by the one the release writes first.

    The others the release writes become its aliases. A release that writes the acronym first ("ISIL ...
    Daesh") uses the gazetteer's name, which the acronym stands for.
    """
    for rec in records:
        entry = known_org(rec.name)
        if entry is None or not entry.as_written:
            continue
        forms = {fold(f) for f in (entry.name, *entry.aliases)}
        acronym = fold(entry.acronym) if entry.acronym else None
        written: list[str] = []
        seen: set[str] = set()
        acronym_first = False
        for t, _, _ in sorted(rec.mentions, key=lambda m: m[1]):
            name = clean_org(t)
            folded = fold(name)
            acronym_first = acronym_first or (not written and folded == acronym)
            if folded in forms and folded not in seen:
                seen.add(folded)
                written.append(name)
        if written and not acronym_first:
            rec.name = written[0]
        rec.aliases += [w for w in written if w != rec.name and w not in rec.aliases]


def _not_place_names(people: Sequence[PersonRecord], definitions: Sequence[Definition]) -> frozenset[str]:
    """Gazetteer keys of names that are no place here.

    People's names and their parts (`Nouri` for Khalida Nouri), and acronyms the release defines as
    something else (`PRC` for a Red Cross society).
    """
    names = {gazetteer.key(f) for p in people for f in (p.name, *p.aliases, *p.name.split()) if len(f) > 2}
    for d in definitions:
        found = gazetteer.lookup(d.long)
        if found is None or found.kind not in ("country", "multi_country"):
            names.add(gazetteer.key(d.short))
    return frozenset(names)


def _is_place_name(name: str) -> bool:
    """A country or multi-country region the model tagged as ORG.

    Also part of one ("Northern Afghanistan"), or a country after one of its towns ("Edmonton, Canada").
    """
    if _is_country(name):
        return True
    if part := gazetteer.DIRECTION.match(name.casefold()):
        return _is_country(part.group(1))
    town, comma, country = name.rpartition(", ")
    nation = gazetteer.lookup(country) if comma else None
    if nation is None or nation.kind != "country":
        return False
    found = gazetteer.lookup(town, [nation.country_code] if nation.country_code else [])
    return found is not None and found.country_code == nation.country_code


def _is_country(name: str) -> bool:
    found = gazetteer.lookup(name)
    return found is not None and found.kind in ("country", "multi_country")


