"""People, titles and affiliations: the error classes seen on unseen releases, each on a sentence of our own."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from release_nlp.readers.appositives import split_title_org, without_other_names
from release_nlp.readers.entities import _canonical_affiliations
from release_nlp.readers.gazetteer import country_of_demonym
from release_nlp.readers.organisations import OrgRecord
from release_nlp.readers.people import NameMention, PersonRecord, _without_groups_and_topics

from .test_people import person, release

CLASSES = [
    # An agency and a role before the name.
    ("The convoys left on Monday. UNHCR spokesperson Mara Velden said more would follow on Tuesday.",
     "Mara Velden", ["spokesperson"], "UNHCR"),
    # A rank the tokenizer splits ("Col" "."), with the body before it.
    ("A new clinic opened on Monday in the city, said U.S. Army Col. Dale Harmon. It has 40 beds.",
     "Dale Harmon", ["Colonel"], "U.S. Army"),
    # Two ranks make one; the appositive names the unit.
    ("Maj. Gen. Peter Holvik, commander of the 12th Mountain Division, handed over the base on Monday.",
     "Peter Holvik", ["Major General", "commander"], "12th Mountain Division"),
    # An organisation inside a title keeps the title's modifier.
    ("Acting WHO Representative Dr. Lena Farrow visited the clinic on Monday.",
     "Lena Farrow", ["Acting Representative"], "WHO"),
    # A ministry that lists its fields, before the name.
    ("The Minister of Agriculture, Livestock and Fisheries, Hon. Peter Mwansa, opened the fair on Monday.",
     "Peter Mwansa", ["Minister of Agriculture, Livestock and Fisheries"], None),
    # A committee that lists its fields, after the name.
    ("Senator Ruth Maddox wrote to Senator Alan Pike (R-ID), Chairman of the Senate Committee on Agriculture, "
     "Nutrition, and Forestry, urging him to act.",
     "Alan Pike", ["Senator", "Chairman"], "Senate Committee on Agriculture, Nutrition, and Forestry"),
    # A body introduced by "from".
    ("In her closing remarks, Lea Berglund, from the Federal Ministry of Water Resources, called for more funds.",
     "Lea Berglund", [], "Federal Ministry of Water Resources"),
]


@pytest.mark.integration
@pytest.mark.parametrize(("text", "name", "titles", "org"), CLASSES, ids=[c[1] for c in CLASSES])
def test_titles_and_affiliations_of_each_class(nlp: Language, text: str, name: str, titles: list[str],
                                               org: str | None) -> None:
    p = person(release(nlp, text), name)
    for title in titles:
        assert title in p.titles, p.titles
    if org is not None:
        assert p.organisation == org


@pytest.mark.integration
def test_a_title_stops_where_a_clause_begins(nlp: Language) -> None:
    r = release(nlp, "His Excellency Mr. Tomas Brandvik, the Permanent Representative of Norway also took the floor "
                     "to stress the need for access.")
    p = person(r, "Tomas Brandvik")
    assert p.titles == ["Permanent Representative of Norway"]
    assert p.organisation != "Permanent Representative of Norway"


@pytest.mark.integration
@pytest.mark.parametrize("role", ["chief of staff to", "senior adviser to", "a deputy for"])
def test_a_title_whose_complement_is_the_next_name_is_not_that_persons(nlp: Language, role: str) -> None:
    r = release(nlp, f"Col. Erik Vandrell, {role} Gen. Harald Ostby, met district elders in Kandahar on Monday.")
    assert person(r, "Harald Ostby").titles == ["General"]


@pytest.mark.integration
def test_a_title_fused_to_a_name_is_peeled_off(nlp: Language) -> None:
    r = release(nlp, "Director Claus Berntsen of the ministry said funding would rise. Berntsen said more was needed.")
    assert [p.name for p in r.people] == ["Claus Berntsen"]
    assert "Director" in r.people[0].titles


@pytest.mark.integration
def test_a_plural_style_titles_every_name_of_its_list(nlp: Language) -> None:
    r = release(nlp, "Sens. Alan Pike, D-Ore., and Ruth Maddox, R-Ida., introduced a bill on Monday.")
    assert person(r, "Alan Pike").titles == ["Senator"]
    assert person(r, "Ruth Maddox").titles == ["Senator"]


@pytest.mark.integration
def test_a_list_of_office_holders_gives_each_the_office(nlp: Language) -> None:
    r = release(nlp, "The panel visited the camps in March.\n\nThe Commissioners are: Maria Lindqvist "
                     "(Chairperson), Andrew Colley and Godfrey Mutua.")
    assert "Commissioner" in person(r, "Andrew Colley").titles
    assert "Commissioner" in person(r, "Godfrey Mutua").titles
    assert person(r, "Maria Lindqvist").titles == ["Chairperson"]  # her own, more precise role


@pytest.mark.integration
def test_a_contact_line_gives_title_and_body(nlp: Language) -> None:
    r = release(nlp, "The ministry said aid reached more people than ever.\n\nInquiries: Director Claus Berg, "
                     "Unit for Humanitarian Assistance and Policy, tel. +358 295 351 234, "
                     "claus.berg@ministry.example.org")
    assert [p.name for p in r.people] == ["Claus Berg"]
    assert r.people[0].titles == ["Director"]
    assert r.people[0].organisation == "Unit for Humanitarian Assistance and Policy"


SPLITS = [
    ("Chairman of the Senate Republican Conference", [], ["Chairman"], "Senate Republican Conference"),
    ("Chairman of the Senate Committee on Agriculture, Nutrition, and Forestry", ["Senate Committee on Agriculture"],
     ["Chairman"], "Senate Committee on Agriculture, Nutrition, and Forestry"),
    ("Cabinet Secretary of the Ministry of Health", ["Cabinet"], ["Cabinet Secretary"], "Ministry of Health"),
    ("Senior Range Ecologist from the Freedonia Ministry of Agriculture, Animal Industry and Fisheries", [],
     ["Senior Range Ecologist"], "Freedonia Ministry of Agriculture, Animal Industry and Fisheries"),
    ("Natural Resource Officer and Coordinator from the Food and Agriculture Organization",
     ["Food and Agriculture Organization"], ["Natural Resource Officer", "Coordinator"],
     "Food and Agriculture Organization"),
    # A name the model cut after a connector is completed from the phrase.
    ("Chair of the Development Partners for Health in Freedonia", ["Development Partners for"], ["Chair"],
     "Development Partners for Health in Freedonia"),
    # Untagged bodies named by their head noun, "in" inside the name; a one-word office stays in the title.
    ("Principal Secretary of the State Treasury", [], ["Principal Secretary"], "State Treasury"),
    ("Chair of the Donor Partners for Education in Freedonia", [], ["Chair"],
     "Donor Partners for Education in Freedonia"),
    ("Secretary of the Treasury", [], ["Secretary of the Treasury"], None),
    ("Head of Office in Tarsus", [], ["Head of Office in Tarsus"], None),
    # A leading body wins over a "for" complement.
    ("UNDP coordinator for the Green Farms Programme", ["UNDP", "Green Farms Programme"],
     ["coordinator for the Green Farms Programme"], "UNDP"),
    # A title phrase tagged as a body is a title; "the" goes.
    ("Ambassador and the Permanent Representative of Norway", ["Permanent Representative of Norway"],
     ["Ambassador", "Permanent Representative of Norway"], None),
    ("As Assistant Secretary for Planning and Evaluation", ["Planning and Evaluation"],
     ["Assistant Secretary for Planning and Evaluation"], None),
    # "Chief of Mission" is a title, not a body called "Mission".
    ("IOM Country Chief of Mission", ["IOM"], ["Country Chief of Mission"], "IOM"),
    # Descriptions and titles with their own holder are nobody's title.
    ("a fellow Nebraskan", ["Nebraskan"], [], None),
    ("Special Envoy de Vries", [], [], None),
]


@pytest.mark.parametrize(("phrase", "names", "titles", "org"), SPLITS, ids=[s[0][:40] for s in SPLITS])
def test_title_and_organisation_split(phrase: str, names: list[str], titles: list[str], org: str | None) -> None:
    for order in (names, names[::-1]):
        assert split_title_org(phrase, [(n, 0, len(n)) for n in order]) == (titles, org)


def _mention(name: str) -> NameMention:
    return NameMention(name, name, 0, 1, 0, 1, [], [])


def test_groups_and_topics_are_no_people() -> None:
    text = ("Over 300 Nepalis returned home. The Yazidi community met; many Yazidis remain displaced. "
            "Gender equality and global humanitarian needs were discussed, with gender on every agenda. "
            "Mr. Rose met Amy Hale, Sandra Black and Davis, the black sheep.")
    names = ["Nepalis", "Yazidis", "Gender", "Global Humanitarian Needs", "Amy Hale", "Sandra Black", "Davis"]
    kept = _without_groups_and_topics(text, [_mention(n) for n in names])
    assert [m.name for m in kept] == ["Amy Hale", "Sandra Black", "Davis"]


def test_a_body_named_by_its_kind_is_the_one_body_of_that_kind() -> None:
    people = [PersonRecord("Ilse Varga", organisation="Commission")]
    _canonical_affiliations(people, [OrgRecord("Commission on Human Rights in Freedonia"), OrgRecord("Red Cross")])
    assert people[0].organisation == "Commission on Human Rights in Freedonia"
    people = [PersonRecord("Ilse Varga", organisation="Commission")]
    _canonical_affiliations(people, [OrgRecord("Commission on Water"), OrgRecord("Commission on Roads")])
    assert people[0].organisation == "Commission"  # two bodies of that kind: which one is not said


JUNK_BODIES = [
    # What follows a second comma is someone else, not the first person's body.
    ("Ambassador and the Permanent Representative of Freedonia, and His Excellency Mr. Tomas Brandvik", [],
     ["Ambassador", "Permanent Representative of Freedonia"], None),
    # A time phrase after the comma is no body; the committee inside the title is.
    ("member of the Senate Environment and Public Works Committee, on Wednesday", [], ["member"],
     "Senate Environment and Public Works Committee"),
    # The acronym after the leading body is not part of the title.
    ("United Nations Development Programme (UNDP) coordinator for the Green Farms Programme",
     ["United Nations Development Programme", "Green Farms Programme"],
     ["coordinator for the Green Farms Programme"], "United Nations Development Programme"),
]


@pytest.mark.parametrize(("phrase", "names", "titles", "org"), JUNK_BODIES, ids=[s[0][:40] for s in JUNK_BODIES])
def test_no_junk_bodies(phrase: str, names: list[str], titles: list[str], org: str | None) -> None:
    for order in (names, names[::-1]):
        assert split_title_org(phrase, [(n, 0, len(n)) for n in order]) == (titles, org)


@pytest.mark.integration
def test_a_list_in_a_title_does_not_swallow_the_next_person(nlp: Language) -> None:
    r = release(nlp, "The bill was backed by state Senator Evelyn Marsh, of Palm Grove, and Jim Kingsley, a farmer.")
    assert person(r, "Evelyn Marsh").titles == ["Senator"]


@pytest.mark.integration
def test_his_excellency_after_a_listing_title(nlp: Language) -> None:
    r = release(nlp, "Fifty people attended, including the Minister of Agriculture, Animal Industry, and Fisheries of "
                     "Freedonia, his Excellency Tomas V. Brandvik.")
    titles = person(r, "Tomas V. Brandvik").titles
    assert any(t.startswith("Minister of Agriculture, Animal Industry, and Fisheries") for t in titles), titles


@pytest.mark.integration
def test_joined_roles_before_a_name_are_separate_titles(nlp: Language) -> None:
    r = release(nlp, "According to Chairman and CEO Richard Gorton, the plan is ready.")
    assert person(r, "Richard Gorton").titles == ["Chairman", "CEO"]


@pytest.mark.parametrize(("phrase", "title", "organisation"), [
    ("Italian Ambassador to Dorvale", "Ambassador to Dorvale", "Italy"),
    ("Qatari Ambassador to Nepal", "Ambassador to Nepal", "Qatar"),
    ("Kenyan Minister of Health", "Minister of Health", "Kenya"),
    ("Iraqi Foreign Minister", "Foreign Minister", "Iraq"),        # Iraq, not Iran
    ("Dutch Minister for Foreign Trade", "Minister for Foreign Trade", "Netherlands"),
])
def test_an_office_held_for_a_country_named_by_its_nationality(phrase: str, title: str, organisation: str) -> None:
    assert split_title_org(phrase, []) == ([title], organisation)


@pytest.mark.parametrize("phrase", ["Senior Adviser", "Regional Director for Southern Africa", "Chief of Mission"])
def test_titles_without_a_nationality_keep_no_country(phrase: str) -> None:
    assert split_title_org(phrase, [])[1] is None


@pytest.mark.parametrize(("word", "country"), [
    ("Nigerian", "Nigeria"), ("Nigerien", "Niger"), ("Nepali", "Nepal"), ("French", "France"),
    ("Acting", None), ("Director", None),
])
def test_nationality_adjectives_name_their_country(word: str, country: str | None) -> None:
    assert country_of_demonym(word) == country


# A title phrase that runs into another person's name: each person keeps only their own role.
OTHER_NAMES = [
    # A list of officials, each with a title before the name.
    ("The envoy met senior officials, including Prime Minister Tomas Ekwall, the Minister of Water and Energy, "
     "Liesel Ambrose and the Mayor of Port Harlan, Desmond Okafor, on Tuesday.",
     {"Tomas Ekwall": ["Prime Minister"], "Liesel Ambrose": ["Minister of Water and Energy"],
      "Desmond Okafor": ["Mayor of Port Harlan"]}),
    # The senators of a delegation, listed after the first one's style.
    ("Sen. Ruth Maddox (D-OR), Sen. Alan Pike (R-ID) and a group of colleagues introduced the bill today.",
     {"Ruth Maddox": ["Senator"], "Alan Pike": ["Senator"]}),
    # A phrase after the name that is a clause naming someone else.
    ("Sen. Ruth Maddox, in a letter to Transport Secretary Colm Hanley, asked for the funds to be released.",
     {"Ruth Maddox": ["Senator"]}),
    # Two office-holders joined by "and" before the second one's name.
    ("The pact was signed by the Vice-President Ingrid Solberg and the Minister of Finance, Omar Haidari, in May.",
     {"Omar Haidari": ["Minister of Finance"]}),
]


@pytest.mark.integration
@pytest.mark.parametrize(("text", "want"), OTHER_NAMES, ids=["office list", "senators", "letter", "joined"])
def test_a_title_never_takes_in_another_persons_name(nlp: Language, text: str, want: dict[str, list[str]]) -> None:
    r = release(nlp, text)
    for name, titles in want.items():
        assert person(r, name).titles == titles


@pytest.mark.integration
def test_a_name_inside_a_titles_complement_stays_in_the_title(nlp: Language) -> None:
    r = release(nlp, "Ms. Oyuna Batbold, Senior Adviser to the Deputy Prime Minister of Freedonia, Mr. Tomas Ekwall, "
                     "said the meeting would be held in June.")
    assert person(r, "Oyuna Batbold").titles == ["Senior Adviser to the Deputy Prime Minister of Freedonia"]


def test_the_part_of_a_phrase_that_is_the_persons_own() -> None:
    doc = spacy.blank("en")("the Minister of Water , Ana Ruiz and the Mayor of Alder")
    ana = {5, 6}
    other = ana.__contains__
    # Read up to the next person's name: only what follows the other name.
    assert without_other_names(doc, (0, len(doc)), True, other) == (9, 12)
    # Read after a name: a phrase that reaches another name with no "and" is that person's.
    assert without_other_names(doc, (0, len(doc)), False, other) is None
    # Closed by "and" before the other name: the first part is the person's own.
    joined = spacy.blank("en")("head of planning , and Ana Ruiz")
    assert without_other_names(joined, (0, len(joined)), False, {5, 6}.__contains__) == (0, 3)
    # A name bound by a complement or a possessive is part of the title.
    bound = spacy.blank("en")("Senior Adviser to Ana Ruiz")
    assert without_other_names(bound, (0, 5), False, {3, 4}.__contains__) == (0, 5)
    owned = spacy.blank("en")("Ana Ruiz 's spokesperson")
    assert without_other_names(owned, (0, 4), True, {0, 1}.__contains__) == (0, 4)
    assert without_other_names(doc, (0, 4), True, other) == (0, 4)  # no other name: unchanged


def test_a_title_ends_where_a_contact_lines_next_field_begins() -> None:
    person = PersonRecord("Ana Ruiz")
    person.add_title("Country Director | Tel")
    person.add_title("Country Director|Mob")
    assert person.titles == ["Country Director"]
