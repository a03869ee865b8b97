"""People, titles, affiliations, organisations and quotes: every pattern the issue names, on our own text."""

from __future__ import annotations

import pytest
from spacy.language import Language

import release_nlp
from release_nlp import Release

pytestmark = pytest.mark.integration

HEAD = "Agency Chief Visits the Region\n\nGeneva, 3 March 2023 – "


def release(nlp: Language, body: str) -> Release:
    return release_nlp.extract(HEAD + body + "\n", nlp=nlp)


def person(r: Release, name: str):
    found = [p for p in r.people if p.name == name]
    assert found, f"{name} not among {[p.name for p in r.people]}"
    return found[0]


TITLES = [
    ("IOM Director General Amy Pope visited the camp on Monday.", "Amy Pope", "Director General", "IOM"),
    ("Jacqueline Weekers, Director of IOM's Migration Health Division, opened the clinic.",
     "Jacqueline Weekers", "Director", "IOM"),
    ("The minister met the Caretaker Prime Minister of the Lebanese Government, H.E. Mr. Najib Mikati, on Monday.",
     "Najib Mikati", "Caretaker Prime Minister", "Lebanese Government"),
    ("Sen. Maria Cantwell (D-Wash.) called for hearings on the deal.", "Maria Cantwell", "Senator", None),
    ("“We must act now to protect refugees and the people who host them,” said Filippo Grandi, UN High "
     "Commissioner for Refugees.", "Filippo Grandi", "High Commissioner for Refugees", None),
    ("“The needs are growing every week in the north of the country,” said the UN Migration Agency's Chief of "
     "Mission in Sudan, Mohamed Refaat.", "Mohamed Refaat", "Chief of Mission", "IOM"),
    ("Nadia Osei, Regional Director for West and Central Africa, said the plan was ready.",
     "Nadia Osei", "Regional Director for West and Central Africa", None),
]


@pytest.mark.parametrize(("text", "name", "title", "org"), TITLES, ids=[t[1] for t in TITLES])
def test_titles_and_affiliations(nlp: Language, text: str, name: str, title: str, org: str | None) -> None:
    p = person(release(nlp, text), name)
    assert any(title.casefold() in t.casefold() or t.casefold() in title.casefold() for t in p.titles), p.titles
    if org is not None:
        assert p.organisation is not None and (org in p.organisation or p.organisation in ("IOM", org)), \
            p.organisation


def test_honorifics_kept_apart_from_the_name(nlp: Language) -> None:
    r = release(nlp, "The minister received H.E. Mr. Najib Mikati and Dr. Lena Ortiz at the ministry.")
    mikati = person(r, "Najib Mikati")
    assert mikati.honorifics == ["H.E.", "Mr."]
    assert "H.E. Mr. Najib Mikati" in mikati.aliases
    assert person(r, "Lena Ortiz").honorifics == ["Dr."]


def test_short_forms_resolve_to_the_full_person(nlp: Language) -> None:
    r = release(nlp, "Director General Amy Pope met Ambassador William Swing and Ms Anna Szabados. "
                     "DG Pope thanked Ambassador Swing. Ms Szabados spoke next, then Pope closed the meeting.")
    assert sorted(p.name for p in r.people) == ["Amy Pope", "Anna Szabados", "William Swing"]
    assert "DG Pope" in person(r, "Amy Pope").aliases
    assert "Ambassador Swing" in person(r, "William Swing").aliases or "Swing" in person(r, "William Swing").aliases
    assert len(person(r, "Amy Pope").mentions) == 3


def test_first_name_alone_when_unambiguous(nlp: Language) -> None:
    r = release(nlp, "Programme officer Maria Lindqvist ran the session. Maria said the results were good.")
    assert [p.name for p in r.people] == ["Maria Lindqvist"]


def test_unnamed_office_holders_are_officials_not_organisations(nlp: Language) -> None:
    r = release(nlp, "The delegation met the Minister of Foreign Affairs and Emigrants and the Minister of "
                     "Environment on Tuesday.")
    assert not [o for o in r.organisations if "Minister" in o.name]
    assert [m.text for m in r.officials]
    assert not r.people


def test_organisation_full_name_and_acronym_both_ways(nlp: Language) -> None:
    r = release(nlp, "The International Organization for Migration (IOM) opened an office. IOM staff and the "
                     "UN Migration Agency's teams arrived, with the Displacement Tracking Matrix (DTM) team.")
    iom = [o for o in r.organisations if o.acronym == "IOM"]
    assert len(iom) == 1 and iom[0].name == "International Organization for Migration"
    assert len(iom[0].mentions) >= 3


def test_known_acronym_gets_its_full_name(nlp: Language) -> None:
    r = release(nlp, "UNHCR and WFP delivered food to the camps on Monday.")
    names = {o.acronym: o.name for o in r.organisations}
    assert names["UNHCR"] == "United Nations High Commissioner for Refugees"
    assert names["WFP"] == "World Food Programme"


def test_acronym_of_a_term_feeds_units_not_organisations(nlp: Language) -> None:
    r = release(nlp, "Over 900,000 internally displaced persons (IDPs) returned home, the agency said.")
    assert not [o for o in r.organisations if o.acronym == "IDPs"]
    assert r.figures[0].unit == "internally displaced persons"


QUOTES = [
    ("“The camps are full and the rains are coming,” said Amy Pope.", "Amy Pope"),
    ("“The camps are full and the rains are coming,” Amy Pope said.", "Amy Pope"),
    ("Amy Pope said: “The camps are full and the rains are coming.”", "Amy Pope"),
    ("“The camps are full and the rains are coming” – Commissioner Jan Rask", "Jan Rask"),
    ('"The camps are full and the rains are coming," said Amy Pope.', "Amy Pope"),
]


@pytest.mark.parametrize(("text", "speaker"), QUOTES, ids=["said X", "X said", "X said:", "dash", "straight"])
def test_quote_forms(nlp: Language, text: str, speaker: str) -> None:
    r = release(nlp, text)
    assert [(q.text[:23], q.speaker) for q in r.quotes] == [("The camps are full and ", speaker)]


def test_quote_by_title_resolves_to_its_holder(nlp: Language) -> None:
    r = release(nlp, "Director General Amy Pope visited the camp on Monday.\n\n"
                     "“We will stay as long as we are needed,” said the Director General.")
    assert [q.speaker for q in r.quotes] == ["Amy Pope"]


def test_multi_paragraph_quote_and_continuation(nlp: Language) -> None:
    r = release(nlp, "“The first paragraph of the statement goes on here\n\n“And the second paragraph ends it at "
                     "last,” said Amy Pope. “A third sentence follows the attribution here.”")
    assert len(r.quotes) == 2
    assert "second paragraph" in r.quotes[0].text
    assert [q.speaker for q in r.quotes] == ["Amy Pope", "Amy Pope"]


def test_pronoun_speaker(nlp: Language) -> None:
    r = release(nlp, "Amy Pope visited the camp. “The camps are full and the rains are coming,” she said.")
    assert [q.speaker for q in r.quotes] == ["Amy Pope"]


def test_title_in_one_sentence_name_in_the_next(nlp: Language) -> None:
    r = release(nlp, "The agency's new Country Director arrived on Monday. Sara Lund met local leaders.")
    assert person(r, "Sara Lund").titles == ["Country Director"]


SPLITS = [
    # A possessive extension names a unit of the body: the body is the affiliation.
    ("Director of IOM’s Migration Health Division", ["IOM", "IOM’s Migration Health Division"], ["Director"], "IOM"),
    # A longer "name" ending in a role is the role.
    ("UN Resident Coordinator and UNDP Resident Representative in Malawi", ["UN", "UN Resident Coordinator", "UNDP"],
     ["Resident Coordinator", "UNDP Resident Representative in Malawi"], "UN"),
    # Otherwise the longer name at one place is the body.
    ("Executive Director of UN Women", ["UN", "UN Women"], ["Executive Director"], "UN Women"),
    # A named body in the complement is the affiliation, whole, not a fragment the model cut from it.
    ("ranking member of the Senate Committee on Veterans Affairs", ["Senate Committee"],
     ["ranking member"], "Senate Committee on Veterans Affairs"),
]


@pytest.mark.parametrize(("phrase", "names", "titles", "org"), SPLITS)
def test_title_and_organisation_split(phrase: str, names: list[str], titles: list[str], org: str) -> None:
    from release_nlp.readers.appositives import split_title_org

    for order in (names, names[::-1]):  # the answer must not depend on the order names come in
        assert split_title_org(phrase, [(n, 0, len(n)) for n in order]) == (titles, org)


def test_surnames_are_found_as_whole_words_in_any_case_surname_by_surname() -> None:
    from release_nlp.readers.people import PersonRecord, _surname_hits

    okafor, lind = PersonRecord("Ada Okafor"), PersonRecord("Per Lind")
    text = "LIND spoke first. Okafor agreed, Lindqvist did not, and Lind-Berg left; then Okafor and Lind."
    hits = _surname_hits(text, {"Okafor": okafor, "Lind": lind})
    assert [(surname, text[s:e]) for surname, _, (s, e) in hits] == [
        ("Okafor", "Okafor"), ("Okafor", "Okafor"), ("Lind", "LIND"), ("Lind", "Lind")]
    assert hits[0][1] is okafor and hits[2][1] is lind
    assert _surname_hits(text, {}) == []


@pytest.mark.parametrize("name", ["Coast Bulletin", "Stranded Seafarers Migrants", "Distinguished Members",
                                  "Valley Herald", "Law No", "Decree No.", "Rivermouth Foundation",
                                  "Tallin Community Centre", "Lakeside Declaration", "Velmar Corps",
                                  # a feature, a school or a programme the model took for a person
                                  "Korva River", "Pinecone Valley", "Harlow Army Airfield", "Osei Primary School",
                                  "Dorsey Grants", "Malaria Programme", "Ardent Fire Departments",
                                  "Raids Militants",
                                  # a lettered list's item, a suffix split off its name, storms
                                  "A. Within", "B. At", "Jr.", "Hurricanes Vela"])
def test_a_span_ending_in_a_publication_group_body_or_document_noun_is_no_person(name: str) -> None:
    from release_nlp.readers.people import _plausible_name

    assert not _plausible_name(name)


def test_surnames_that_are_also_words_stay_names() -> None:
    from release_nlp.readers.people import _plausible_name

    assert _plausible_name("Emily Post") and _plausible_name("Robert Burns")
    assert _plausible_name("Dave Camp") and _plausible_name("Jin Park") and _plausible_name("Ricki Lake")
    assert _plausible_name("Frank Dorsey Jr.") and _plausible_name("Theresa May")
    # names that are words of the lists: a surname Grant, a given name An, a surname To
    assert _plausible_name("Richard Grant") and _plausible_name("Nguyen Van An") and _plausible_name("Andrew To")
