"""Armed groups and other bodies known by several names: found wherever written, named as the release names them.

Every sentence here is invented; the groups are real, their doings here are not.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.readers.entities import EntityReader
from release_nlp.readers.org_gazetteer import known_org

from .test_organisations import with_ents


@pytest.fixture(scope="module")
def reader(blank: Language) -> EntityReader:
    return EntityReader(blank)


def entities(blank: Language, reader: EntityReader, text: str, *ents: tuple[str, str]) -> dict[str, Any]:
    """What the entity reader makes of `text` when the model tags `ents` (phrase, label) and nothing else."""
    out: dict[str, Any] = reader(with_ents(blank(text), *ents))._.release_entities
    return out


def orgs(found: dict[str, Any]) -> dict[str, tuple[str | None, list[str]]]:
    return {o["name"]: (o["acronym"], o["aliases"]) for o in found["organisations"]}


@pytest.mark.parametrize(("sentence", "name"), [
    ("Convoys on the coastal road were attacked by al-Shabaab fighters on Tuesday, the agency said.", "al-Shabaab"),
    ("Families who fled Hezbollah positions near the border reached the town on foot.", "Hezbollah"),
    ("Militias linked to the anti-balaka movement blocked the road to the clinic.", "anti-balaka"),
    ("Officials blamed Daesh for the mortar fire that damaged the school.", "Daesh"),
])
def test_a_one_word_group_name_is_found_where_the_model_tags_nothing(
        blank: Language, reader: EntityReader, sentence: str, name: str) -> None:
    assert name in orgs(entities(blank, reader, sentence))


def test_a_common_one_word_name_of_another_body_still_needs_the_model(blank: Language, reader: EntityReader) -> None:
    # "Oxfam" is a known body, but one word matched anywhere is kept for names no English sentence uses otherwise.
    assert orgs(entities(blank, reader, "Staff from Oxfam delivered water to the camp.")) == {}


def test_a_group_keeps_the_spelling_the_release_writes_first(blank: Language, reader: EntityReader) -> None:
    text = ("Officials said al Qaeda had claimed the bombing. A second statement attributed to al-Qaida "
            "was not verified.")
    assert orgs(entities(blank, reader, text)) == {"al Qaeda": (None, ["al-Qaida"])}


def test_another_name_of_a_group_keeps_the_gazetteers_acronym(blank: Language, reader: EntityReader) -> None:
    text = "Returnees said ISIS fighters had mined the fields before they withdrew."
    assert orgs(entities(blank, reader, text)) == {"ISIS": ("ISIL", [])}


def test_a_body_without_other_spellings_keeps_its_full_name(blank: Language, reader: EntityReader) -> None:
    text = "The Haqqani network facilitator was detained in the district centre."
    assert list(orgs(entities(blank, reader, text))) == ["Haqqani Network"]
    assert known_org("Tehrik-e-Taliban Pakistan") == known_org("TTP")


def test_a_known_body_the_model_took_for_a_person_is_the_body(blank: Language, reader: EntityReader) -> None:
    text = "Her husband was killed by Boko Haram in 2015, and she fled with her four children to the camp."
    found = entities(blank, reader, text, ("Boko Haram", "PERSON"))
    assert "Boko Haram" in orgs(found)
    assert found["people"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Dr. Amal Hamas, a surgeon at the clinic, said supplies would last a week.", "Amal Hamas"),
    ("Mullah Abdul Taliban, a village elder, welcomed the patrol.", "Abdul Taliban"),
    ("Marco Gavi, a virologist, led the study.", "Marco Gavi"),
])
def test_a_person_whose_name_ends_like_a_known_body_stays_a_person(
        blank: Language, reader: EntityReader, text: str, name: str) -> None:
    found = entities(blank, reader, text, (name, "PERSON"))
    assert [p["name"] for p in found["people"]] == [name]


def test_a_known_group_after_a_place_the_model_took_for_a_person_is_the_group(
        blank: Language, reader: EntityReader) -> None:
    text = "In Zharkand, the patrol detained two Zharkand Taliban fighters near the district centre on Sunday."
    found = entities(blank, reader, text, ("Zharkand", "GPE"), ("Zharkand Taliban", "PERSON"))
    assert "Taliban" in orgs(found)
    assert found["people"] == []


@pytest.mark.integration
def test_a_spokesperson_does_not_speak_for_the_armed_group_the_release_names(nlp: Language) -> None:
    text = ("Coalition forces detain insurgent facilitator\n\nKABUL, Afghanistan - Afghan and coalition forces "
            "detained a Taliban facilitator in Kandahar province on Monday. The Taliban facilitator moved weapons "
            "for Taliban fighters, said Lt. Col. Ana Ruiz, a spokeswoman. Taliban fighters fled the compound.\n")
    people = {p.name: p.organisation for p in release_nlp.extract(text, nlp=nlp).people}
    assert people["Ana Ruiz"] != "Taliban"


def test_a_release_that_writes_the_acronym_first_keeps_the_full_name(blank: Language, reader: EntityReader) -> None:
    text = "ISIL fighters withdrew from the town. Residents called them Daesh. ISIL still holds two villages."
    assert orgs(entities(blank, reader, text)) == {"Islamic State in Iraq and the Levant": ("ISIL", ["Daesh"])}


@pytest.mark.integration
def test_an_acronym_the_release_defines_for_another_body_is_that_body(nlp: Language) -> None:
    text = ("Satellite images show new work at the site\n\nWASHINGTON, 3 March 2026 - New images show construction "
            "at the site, researchers said on Tuesday. The Institute for Science and International Security (ISIS) "
            "said the site was active. ISIS analysts expect more work.\n")
    found = {(o.name, o.acronym) for o in release_nlp.extract(text, nlp=nlp).organisations}
    assert found == {("Institute for Science and International Security", "ISIS")}
