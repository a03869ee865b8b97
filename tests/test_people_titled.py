"""People after titles, roles given by "be", bodies named by "its", nationalities and nicknames: our own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from release_nlp.readers.abbreviations import find_definitions
from release_nlp.readers.appositives import predicate_title
from release_nlp.readers.entities import EntityReader
from release_nlp.readers.organisations import OrgRecord, extract_organisations, merge_prefixes
from release_nlp.readers.people import (
    NameMention,
    PeopleIndex,
    PersonRecord,
    _peel,
    _without_common_words,
    _without_groups_and_topics,
)
from release_nlp.readers.titled_names import names_after_kin, names_after_titles

from .test_organisations import with_ents
from .test_people import person, release


def _span(doc: Doc, text: str, label: str) -> Span:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), label=label)
    assert span is not None
    return span


def test_a_name_run_on_into_the_next_word_is_cut_back(blank: Language) -> None:
    doc = blank.make_doc("Mira Lund of Eastvale, one of the trainers, says the course helped.")
    mention = _peel(doc, _span(doc, "Mira Lund of", "PERSON"))
    assert mention is not None and mention.name == "Mira Lund"


def test_a_title_run_on_into_its_complement_is_no_name(blank: Language) -> None:
    doc = blank.make_doc("said Sergei Vold, Alder Trust Freedonia Head of Programme.")
    assert _peel(doc, _span(doc, "Freedonia Head of", "PERSON")) is None


def test_an_untagged_name_after_a_title_and_its_bodys_acronym(blank: Language) -> None:
    doc = blank.make_doc("“We will act,” said the Joint Secretary of the Alder Ministry of Water (AMW) Bhuwan Tamang. "
                         "The Deputy Director Tamang said so.")
    assert [s.text for s in names_after_titles(doc, [])] == ["Bhuwan Tamang"]


@pytest.mark.parametrize("text", [
    "The Regional Director West Africa spoke on Monday.",   # a place after a title is no name
    "The Director General visited Alder Valley Farms today.",  # a verb between: no title before the name
    "She met the Director Of Operations.",                  # words the release also writes in lower case
    "The Director of Operations Tomas spoke, and operations resumed.",
])
def test_no_name_after_a_title_where_there_is_none(blank: Language, text: str) -> None:
    assert names_after_titles(blank.make_doc(text), []) == []


def test_a_name_the_model_ran_into_the_place_that_completes_a_title(blank: Language) -> None:
    doc = blank.make_doc("The Alder Water Partnership, represented by its Executive Secretary for Southern Africa "
                         "Tobi Mwale, spoke next.")
    ent = _span(doc, "Southern Africa Tobi Mwale", "ORG")
    assert [s.text for s in names_after_titles(doc, [ent])] == ["Tobi Mwale"]


PREDICATES = [
    ("Mullah Ahmad Zarif was a senior Alder Front commander responsible for attacks.", "Mullah Ahmad Zarif",
     "senior Alder Front commander"),
    ("Ana Ruiz is a senior member of the Alder Appropriations Committee, which funds the roads.", "Ana Ruiz",
     "senior member of the Alder Appropriations Committee"),
    ("Ana Ruiz is the Secretary-General’s Envoy on Youth, charged with outreach.", "Ana Ruiz",
     "Secretary-General’s Envoy on Youth"),
    # Several bodies: the complement names none of them alone.
    ("Tom Hale was a member of the Trade, Energy and Labor Committees.", "Tom Hale", "member"),
    # A relation to someone else, a ranking, or no role at all: nothing.
    ("Tom Hale was a deputy to the senior Alder Front commander.", "Tom Hale", None),
    ("Tom Hale is the first senator to visit.", "Tom Hale", None),
    ("Tom Hale was a farmer who lived nearby.", "Tom Hale", None),
]


@pytest.mark.parametrize(("text", "name", "role"), PREDICATES, ids=[p[0][:30] for p in PREDICATES])
def test_a_role_given_by_the_verb_be(blank: Language, text: str, name: str, role: str | None) -> None:
    doc = blank.make_doc(text)
    found = predicate_title(doc, _span(doc, name, "PERSON").end)
    assert (doc[found[0]:found[1]].text if found else None) == role


def test_a_country_alone_is_no_person_unless_part_of_a_name() -> None:
    text = "In Uganda, most farms are small. Ana Jordan met officials from Jordan."
    mentions = [NameMention(n, n, 0, 1, 0, 1, [], []) for n in ("Uganda", "Ana Jordan", "Jordan")]
    assert [m.name for m in _without_groups_and_topics(text, mentions)] == ["Ana Jordan", "Jordan"]


def test_a_word_the_release_uses_as_a_group_name_is_no_person() -> None:
    text = "A Velsari network facilitator was held. Velsari fighters fled. Omar Velsari, a farmer, spoke."
    mentions = [NameMention(n, n, 0, 1, 0, 1, [], []) for n in ("Velsari", "Omar Velsari", "Tarek")]
    kept = _without_groups_and_topics(text, mentions, frozenset({"Velsari"}))
    assert [m.name for m in kept] == ["Omar Velsari", "Tarek"]


def test_a_one_word_name_the_tagger_reads_as_a_common_word_is_no_person(blank: Language) -> None:
    doc = blank("Shortly after noon, Maren Tovik spoke. Tovik said Admiral Quell agreed. Brisk winds blew.")
    tags = {"Shortly": "RB", "Tovik": "NNP", "Quell": "NN", "Brisk": "JJ"}
    for token in doc:
        token.tag_ = tags.get(token.text, "")
    alone = [t for t in doc if t.text in ("Shortly", "Tovik", "Quell", "Brisk") and doc[t.i - 1].text != "Maren"]
    mentions = [NameMention(t.text, t.text, t.i, t.i + 1, t.i, t.i + 1, [], []) for t in alone]
    mentions.append(NameMention("Maren Tovik", "Maren Tovik", 4, 6, 4, 6, [], []))
    kept = [m.name for m in _without_common_words(doc, mentions)]
    assert kept == ["Tovik", "Quell", "Maren Tovik"]  # "Quell", a common noun to the tagger, has a role


def test_a_first_name_cut_short_is_the_one_person_it_shortens() -> None:
    sasse = PersonRecord("Benjamin Sasse")
    assert PeopleIndex([sasse]).resolve("Ben") is sasse
    assert PeopleIndex([sasse, PersonRecord("Benedict Arlo")]).resolve("Ben") is None  # two of them
    assert PeopleIndex([sasse]).resolve("Be") is None  # too short to tell


def test_a_body_without_its_leading_words_is_the_one_body_it_ends() -> None:
    records = [OrgRecord("Freedonia Red Cross", "FRC"), OrgRecord("Red Cross"),
               OrgRecord("International Federation of Red Cross and Red Crescent Societies", "IFRC")]
    assert [r.name for r in merge_prefixes(records)] == [
        "Freedonia Red Cross", "International Federation of Red Cross and Red Crescent Societies"]
    records = [OrgRecord("Freedonia Red Cross"), OrgRecord("Ruritania Red Cross"), OrgRecord("Red Cross")]
    assert len(merge_prefixes(records)) == 3  # two bodies end so: which one is not said


def test_an_acronym_the_text_defines_is_that_body_whatever_the_model_tags(blank: Language) -> None:
    text = "The Freedonia Red Cross (FRC) sent teams. FRC Chairman Ivo Marek spoke."
    doc = blank.make_doc(text)
    second = text.rindex("FRC")
    doc.ents = [_span(doc, "Freedonia Red Cross", "ORG"), doc.char_span(second, second + 3, label="GPE")]
    records, _ = extract_organisations(doc, lambda _: True, find_definitions(text), set())
    frc = next(r for r in records if r.acronym == "FRC")
    assert sorted(t for t, _s, _e in frc.mentions) == ["FRC", "Freedonia Red Cross"]


TITLED = [
    # A nationality before an office held for a country names the country.
    ("“Aid must flow,” said Norwegian Ambassador to Kenya Ola Brekke on Monday.", "Ola Brekke",
     ["Ambassador to Kenya"], "Norway"),
    # ... but a body any mention names outranks it, and a legislator's nationality names no body.
    ("U.S. Senator Ruth Maddox spoke. “We act,” said Senator Maddox, Chairman of the Senate Alder Committee.",
     "Ruth Maddox", ["Senator", "Chairman"], "Senate Alder Committee"),
    # "its" points back to the body that opens the sentence.
    ("The Alder Water Trust, represented by its Executive Director Ana Ruiz, opened the meeting.", "Ana Ruiz",
     ["Executive Director"], "Alder Water Trust"),
    # A title whose complement is a body, with the body's acronym, before the name.
    ("“We will act,” said the Joint Secretary of Freedonia’s Ministry of Water and Energy (MoWE) Bhuwan Tamang.",
     "Bhuwan Tamang", ["Joint Secretary"], "MoWE"),
    # A role given by "be" in the release's own sentence.
    ("Forces struck a base on Monday. Marta Kovacs is the director of the Kessel Foundation.", "Marta Kovacs",
     ["director"], "Kessel Foundation"),
]


@pytest.mark.integration
@pytest.mark.parametrize(("text", "name", "titles", "org"), TITLED, ids=[t[1] for t in TITLED])
def test_titles_and_bodies_of_each_class(nlp: Language, text: str, name: str, titles: list[str], org: str) -> None:
    p = person(release(nlp, text), name)
    assert p.titles == titles
    assert p.organisation == org


def _orgs(blank: Language, text: str, names: list[str]) -> list[str]:
    doc = blank.make_doc(text)
    doc.ents = [_span(doc, n, "ORG") for n in names]
    records, _ = extract_organisations(doc, lambda _: True, find_definitions(text), set(),
                                       lambda name: name == "Ruritania")
    return [r.name for r in records]


def test_a_commission_set_up_for_one_country_keeps_it_in_its_name(blank: Language) -> None:
    text = "The Commission on Human Rights in Ruritania met UNICEF in Ruritania on Monday."
    assert _orgs(blank, text, ["Commission on Human Rights", "UNICEF"]) == [
        "Commission on Human Rights in Ruritania", "United Nations Children's Fund"]


def test_topics_and_kinds_of_site_are_no_bodies(blank: Language) -> None:
    text = ("Port Security is critical, and port security needs funds. Families live in Protection of "
            "Civilians (PoC) sites. The Alder Trust and the Port Authority met.")
    names = ["Port Security", "Protection of Civilians", "Alder Trust", "Port Authority"]
    assert _orgs(blank, text, names) == ["Alder Trust", "Port Authority"]


def test_a_commissioner_belongs_to_the_commission_the_release_names() -> None:
    from release_nlp.readers.entities import _members_of_their_body

    people = [PersonRecord("Ana Ruiz", titles=["Commissioner"]), PersonRecord("Li Wen", titles=["High Commissioner"]),
              PersonRecord("Ivo Marek", titles=["Commissioner"], organisation="EU")]
    _members_of_their_body(people, [OrgRecord("Commission on Water in Ruritania"), OrgRecord("Alder Trust")])
    assert [p.organisation for p in people] == ["Commission on Water in Ruritania", None, "EU"]
    people = [PersonRecord("Ana Ruiz", titles=["Commissioner"])]
    _members_of_their_body(people, [OrgRecord("Commission on Water"), OrgRecord("Commission on Roads")])
    assert people[0].organisation is None  # which of the two is not said
    _members_of_their_body(people, [OrgRecord("Commission on Water"), OrgRecord("Commission on Roads"),
                                    OrgRecord("Commission")])
    assert people[0].organisation == "Commission"  # as the release calls its own
    merged = OrgRecord("Commission on Water", aliases=["Commission"])  # "the Commission", joined to its body
    _members_of_their_body(people := [PersonRecord("Ana Ruiz", titles=["Commissioner"])],
                           [merged, OrgRecord("Commission on Roads")])
    assert people[0].organisation == "Commission on Water"


def test_a_person_read_from_a_contact_line_is_no_body() -> None:
    from release_nlp.readers.entities import _without_people

    people = [PersonRecord("Ana Ruiz-Vega"), PersonRecord("Paul I. Norton", aliases=["Paul Norton"])]
    orgs = [OrgRecord("Ana Ruiz-Vega"), OrgRecord("Mission Paul Norton"), OrgRecord("Alder Trust")]
    assert [o.name for o in _without_people(orgs, people)] == ["Alder Trust"]


def test_styles_with_their_stop_are_one_token() -> None:
    import spacy

    from release_nlp.nlp.tokenizer import keep_style_abbreviations

    tokenizer = spacy.blank("en").tokenizer
    keep_style_abbreviations(tokenizer)
    text = "Lt. Col. Ana Ruiz, Sgt. Maj. Li Wen and Sens. Tom Hale met the Hon. Ivo Marek."
    words = [t.text for t in tokenizer(text)]
    assert words[:4] == ["Lt.", "Col.", "Ana", "Ruiz"]
    assert {"Sgt.", "Maj.", "Sens.", "Hon."} <= set(words)


@pytest.mark.integration
def test_ranks_and_plural_styles_before_names(nlp: Language) -> None:
    r = release(nlp, "The bill, introduced by Sens. Ana Ruiz (D-Ore.) and Tom Hale (R-Ore.), passed on Monday. "
                     "The unit was led by Sgt. Maj. Li Wen, who spoke to the press.")
    assert person(r, "Ana Ruiz").titles == ["Senator"]
    assert person(r, "Tom Hale").titles == ["Senator"]
    assert "Sergeant Major" in person(r, "Li Wen").titles
    assert not any(p.name.startswith("Sens") for p in r.people)


def test_a_first_name_with_an_age(blank: Language) -> None:
    doc = blank.make_doc("Camps are full. Amina, 12, who attends a school there, said so. In Eastvale, 40, ...")
    assert [s.text for s in names_after_titles(doc, [])] == ["Amina"]


@pytest.mark.parametrize(("name", "known", "tidy"), [
    ("Zaranj Taliban", {"taliban"}, "Taliban"),              # a group led by the town where it operates
    ("Gardez the Commission", {"commission"}, "Commission"),  # "In Gardez the Commission met ...": two phrases
    ("Virginia Tobacco Commission", {"tobacco commission"}, "Virginia Tobacco Commission"),  # a state's own body
    ("Zaranj Administration", {"administration"}, "Zaranj Administration"),  # a body word names no group
    ("Velmar Joint Command- Afghanistan", {"velmar joint command"}, "Velmar Joint Command"),  # a dash set apart
    ("Velmar Joint Command-Afghanistan", {"velmar joint command"}, "Velmar Joint Command-Afghanistan"),
])
def test_a_place_before_a_body_the_release_names(name: str, known: set[str], tidy: str) -> None:
    from release_nlp.readers.organisations import _tidy

    assert _tidy(name, known) == tidy


def test_an_initialled_name_tagged_as_an_organisation_is_a_person(blank: Language) -> None:
    from release_nlp.readers.entities import _people_tagged_otherwise

    text = "Support came from Mirel T. Vasko and the Harbor A. Trust, and Orla Dunn of the Port Office."
    doc = blank(text)
    spans = []
    for words in ("Mirel T. Vasko", "Harbor A. Trust", "Orla Dunn"):
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label="ORG"))
    doc.ents = spans
    assert [e.text for e in _people_tagged_otherwise(doc, list(doc.ents))] == ["Mirel T. Vasko"]


def test_a_full_name_opened_by_a_given_name_tagged_alone_as_a_person_is_that_person(blank: Language) -> None:
    from release_nlp.readers.entities import _people_tagged_otherwise

    text = ("Congress passed Jorvela's law, named for Jorvela Talvek, a girl from Ohio. Tovan backed it; the Tovan "
            "Heights clinic, Jorvela Bay Trust and Tovan Philanthropies did too.")
    doc = blank(text)
    spans = []
    for words, label in (("Jorvela", "PERSON"), ("Jorvela Talvek", "GPE"), ("Tovan", "PERSON"),
                         ("Tovan Heights", "GPE"), ("Jorvela Bay Trust", "ORG"), ("Tovan Philanthropies", "ORG")):
        start = text.index(words, spans[-1].end_char if spans else 0)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    # A feature's name ("Heights"), a body's ("Trust") and a body named after its founder stay what the model read.
    assert [e.text for e in _people_tagged_otherwise(doc, list(doc.ents))] == ["Jorvela Talvek"]


def test_a_name_right_after_the_models_title_is_a_person_unless_the_title_is_anothers(blank: Language) -> None:
    from release_nlp.readers.entities import _people_tagged_otherwise

    text = ("Talks included the Minister of Water and Energy, Liesel Ambrose and the Mayor of Harlan. Omar Sayed, "
            "Director-General, Orvan Risk Capacity, spoke, as did its Executive Secretary for Southern Africa Ana Ruiz "
            "and the Head of Outreach, Senior Press Officer and the Mayor. Jane Holloway, the Chief Executive, "
            "Kestrel Energy, at the launch.")
    doc = blank(text)
    spans = []
    for words, label in (("Minister of Water and Energy", "TITLE"), ("Liesel Ambrose", "ORG"),
                         ("Chief Executive", "TITLE"), ("Kestrel Energy", "ORG"),
                         ("Omar Sayed", "PERSON"), ("Director-General", "TITLE"), ("Orvan Risk Capacity", "ORG"),
                         ("Executive Secretary for", "TITLE"), ("Southern Africa Ana Ruiz", "ORG"),
                         ("Head of Outreach", "TITLE"), ("Senior Press Officer", "ORG")):
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    # Only a name between a title and the next official of a list: a title after someone's name is theirs and
    # the name after it their body; a title ending in "for" runs on; role words make no name; "Kestrel Energy,
    # at the launch" is the Chief Executive's body.
    assert [e.text for e in _people_tagged_otherwise(doc, list(doc.ents))] == ["Liesel Ambrose"]


def test_a_bodys_head_word_alone_refers_back_to_the_one_body_ending_in_it(blank: Language) -> None:
    from release_nlp.readers.entities import _head_word_references
    from release_nlp.readers.organisations import OrgRecord

    doc = blank("Alliance staff met the Foundation, and the alliance of farmers met Alliance Director Ana Ruiz and "
                "UNICEF Programme Manager Tom Lee and Orvan Alliance Chair Eva Moe.")
    records = [OrgRecord("Water Aid Alliance"), OrgRecord("Kasani Foundation"), OrgRecord("Orvan Foundation"),
               OrgRecord("Rural Water Programme")]
    found = _head_word_references(doc, records, {0: "Other Body"})
    # The first "Alliance" is another body's mention already; "Foundation" has two owners; "alliance" is a noun;
    # "Programme" opens titles; "Orvan Alliance" is another name.
    assert found == {12: "Water Aid Alliance"}


def test_the_body_a_person_serves_is_an_organisation_of_the_release() -> None:
    from release_nlp.readers.entities import _bodies_named_as_affiliations

    text = ("Ama Owusu, Chair of the Donor Partners for Education in Freedonia, met Ivo Marek of Freedonia "
            "and Li Wen of the Alder Trust Fund, which the Alder Trust runs, and Eli Roth of the Tamsi Group.")
    people = [PersonRecord("Ama Owusu", organisation="Donor Partners for Education in Freedonia"),
              PersonRecord("Ivo Marek", organisation="Freedonia"),  # a place
              PersonRecord("Li Wen", organisation="Alder Trust Fund"),  # a longer form of a body found
              PersonRecord("Eli Roth", organisation="Tamsi Group"),  # found as it is
              PersonRecord("Ana Ruiz", organisation="Ruritania Council")]  # not written as such
    found = _bodies_named_as_affiliations(people, [OrgRecord("Alder Trust"), OrgRecord("Tamsi Group")], text)
    at = text.index("Donor")
    assert [(o.name, o.mentions) for o in found] == [
        ("Donor Partners for Education in Freedonia", [("Donor Partners for Education in Freedonia", at, at + 41)])]


def test_an_affiliation_written_in_full_is_the_record_of_its_acronym() -> None:
    from release_nlp.readers.entities import _canonical_affiliations

    people = [PersonRecord("Rafe Tor", organisation="International Security Assistance Force Joint Command")]
    _canonical_affiliations(people, [OrgRecord("ISAF Joint Command", acronym="IJC")])
    assert people[0].organisation == "IJC"


@pytest.mark.parametrize(("text", "names"), [
    ("He and his wife Melissa have two young daughters, Elizabeth and Alex.", ["Melissa", "Elizabeth", "Alex"]),
    ("She is survived by her husband Tom Ward and their sons, Owen, Reid and Cole.",
     ["Tom Ward", "Owen", "Reid", "Cole"]),
    ("Her sister Mahsa, 16, crossed the border alone.", ["Mahsa"]),
])
def test_names_after_a_family_word_are_people(blank: Language, text: str, names: list[str]) -> None:
    assert [s.text for s in names_after_kin(blank.make_doc(text))] == names


@pytest.mark.parametrize("text", [
    "Room in our laws for all the children God has given us.",  # a plural names a list, not one name
    "Events marked International Mother Earth Day in April.",  # a capitalised family word opens a name
    "Students under No Child Left Behind took the tests.",
    "The sisters said Monday that the school would reopen.",  # a day, not a sister
    # No relative's family word, or words that run on past the name:
    "To protect refugee children, Kenya and Uganda agreed on new checks.",
    "The project reaches 5,000 women and children, Oxfam and Care said on Tuesday.",
    "His brother, Afghan National Police officer Ahmad Zia, died in the attack.",
    "Her son, Kabul University student Jawad Karimi, was hurt.",
    "Her father, Kandahar police officer Ahmad Wali, was not at home.",
])
def test_a_family_word_before_no_list_of_names_names_nobody(blank: Language, text: str) -> None:
    assert names_after_kin(blank.make_doc(text)) == []


def test_a_relative_whose_name_is_a_town_stays_a_person(blank: Language) -> None:
    # As a recogniser may tag it: "Alex" a place (a town in Oklahoma), "Elizabeth" listed with it.
    text = "He and his wife Melissa have two young daughters, Elizabeth and Alex. The family lives in Omaha."
    doc = with_ents(blank(text), ("Melissa", "PERSON"), ("Elizabeth", "PERSON"), ("Alex", "GPE"), ("Omaha", "GPE"))
    found = EntityReader(blank)(doc)._.release_entities
    assert [p["name"] for p in found["people"]] == ["Melissa", "Elizabeth", "Alex"]
    assert [p["name"] for p in found["places"]] == ["Omaha"]


@pytest.mark.parametrize("name", ["Bachelors", "Bachelor", "Doctorate"])
def test_an_academic_degree_is_no_person(name: str) -> None:
    from release_nlp.readers.people import _plausible_name

    assert not _plausible_name(name)  # "holds Bachelors, Masters, and Doctorate Degrees"
