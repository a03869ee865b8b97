"""A person's surname that is also a town's name is the person where the release only uses it so."""

from __future__ import annotations

import pytest
from spacy.language import Language

from release_nlp.readers.people import PersonRecord
from release_nlp.readers.places import PlaceRecords, add_place
from release_nlp.readers.surname_places import surnames_taken_for_places


def _places(text: str, *names: str) -> PlaceRecords:
    places = PlaceRecords()
    for name in names:
        start = -1
        while (start := text.find(name, start + 1)) >= 0:
            add_place(places, name, start, text)
    return places


def _person(text: str, name: str, *forms: str) -> PersonRecord:
    person = PersonRecord(name)
    for form in forms:
        start = -1
        while (start := text.find(form, start + 1)) >= 0:
            if not any(s <= start < e for _, s, e in person.mentions):
                person.mentions.append((form, start, start + len(form)))
    return person


def test_a_town_named_only_as_a_full_named_persons_surname_is_dropped() -> None:
    text = ('Rep. Alma Dayton introduced the bill on Monday. "Rivers need room," said Dayton. '
            "Congressman Dayton will testify on Friday.")
    places = _places(text, "Dayton")
    surnames_taken_for_places(places, [_person(text, "Alma Dayton", "Rep. Alma Dayton", "Congressman Dayton",
                                               "Dayton")], text)
    assert "dayton" not in places and "dayton" not in places.starts


@pytest.mark.parametrize("where", ["in Dayton", "near downtown Dayton", "the city of Dayton", "Dayton, Ohio",
                                   "with the mayor of Dayton", "in Springfield and Dayton"])
def test_a_town_named_once_where_a_place_stands_stays(where: str) -> None:
    text = f'Rep. Alma Dayton visited schools {where} last week. "We listened," said Dayton.'
    places = _places(text, "Dayton", "Springfield")
    surnames_taken_for_places(places, [_person(text, "Alma Dayton", "Rep. Alma Dayton", "Dayton")], text)
    assert "dayton" in places


def test_a_town_with_a_mention_of_its_own_stays() -> None:
    text = "Flooding hit Lincoln overnight. Historian Ruth Lincoln said the levee held. Lincoln thanked crews."
    places = _places(text, "Lincoln")
    person = _person(text, "Ruth Lincoln", "Historian Ruth Lincoln")
    person.mentions.append(("Lincoln", text.rfind("Lincoln"), text.rfind("Lincoln") + 7))
    surnames_taken_for_places(places, [person], text)
    assert len(places["lincoln"]["mentions"]) == 3


@pytest.mark.parametrize(("surname", "key"), [("Jordan", "jordan"), ("Georgia", "georgia")])
def test_a_country_or_state_keeps_its_name(surname: str, key: str) -> None:
    text = f'Minister Kevin {surname} spoke first. "Aid is late," {surname} said.'
    places = _places(text, surname)
    surnames_taken_for_places(places, [_person(text, f"Kevin {surname}", f"Kevin {surname}", surname)], text)
    assert key in places


def test_a_generational_suffix_is_no_surname() -> None:
    text = 'Rep. Rush Holt Jr. spoke first. "Students pay too much," said Holt.'
    places = _places(text, "Holt")
    surnames_taken_for_places(places, [_person(text, "Rush Holt Jr.", "Rep. Rush Holt Jr.", "Holt")], text)
    assert "holt" not in places


def test_the_datelines_town_stays() -> None:
    text = 'DAYTON - Sen. Alma Dayton spoke first. "Rivers need room," said Dayton.'
    places = _places(text, "Dayton")
    places["dayton"]["dateline"] = True
    surnames_taken_for_places(places, [_person(text, "Alma Dayton", "Sen. Alma Dayton", "Dayton")], text)
    assert "dayton" in places


def test_a_one_word_person_vouches_for_no_surname() -> None:
    text = 'Crews reached Holt by boat. "The water is falling," Holt said.'
    places = _places(text, "Holt")
    surnames_taken_for_places(places, [_person(text, "Holt", "Holt")], text)
    assert "holt" in places


@pytest.mark.integration
def test_a_senators_surname_is_no_town_in_a_release(nlp: Language) -> None:
    text = ("Senator Secures Wetland Funds\n\n"
            "WASHINGTON, D.C. - U.S. Senator Mark Dayton today announced $2.5 million for wetland restoration "
            "along the Minnesota River. \"Every spring these marshes hold back the flood,\" said Dayton. "
            "The funding, secured by Dayton in the spending bill, will restore 4,000 acres.\n")
    release = nlp(text)._.release
    assert [p.name for p in release.people] == ["Mark Dayton"]
    assert "Dayton" not in {p.name for p in release.places}
    assert "Minnesota River" in {p.name for p in release.places} or "Minnesota" in {p.name for p in release.places}
