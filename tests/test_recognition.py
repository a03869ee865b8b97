"""The entity recogniser skips the inside of long page furniture, and the releases do not change."""

from __future__ import annotations

import pycountry
import pytest
from spacy.language import Language

import release_nlp
from release_nlp.nlp import recognition

BODY = (
    "Flood Response Reaches Remote Villages\n\n"
    "Dhaka, 14 August 2023 – The Bangladesh Red Crescent Society and the World Health Organization "
    "delivered clean water to 12,000 families in Sylhet this week, said Farida Rahman, the Society's "
    "Director of Operations.\n\n"
    "“Families are returning to homes that are still wet,” Ms Rahman said.\n"
)
# A site's navigation, as scrapers leave it: a long list of country pages, then a footer.
NAVIGATION = "Where we work\n" + "\n".join(c.name for c in list(pycountry.countries)[:150]) + "\n"
FOOTER = "\nShare this page\nPrivacy policy\nTerms of use\nContact us\n"
PAGE = NAVIGATION + "\n" + BODY + FOOTER


def test_the_inside_of_a_long_navigation_list_is_cut(blank: Language) -> None:
    doc = blank(PAGE)
    chosen = recognition.tokens_outside_furniture(doc)
    assert chosen is not None and chosen == sorted(set(chosen))
    words = {doc[i].text for i in chosen}
    assert {"Dhaka", "Rahman", "Sylhet", "Crescent"} <= words
    furniture = [s for s in doc.spans["sections"] if s.label_ == "furniture" and len(s) > 100]
    assert furniture, "the navigation list is furniture"
    nav = furniture[0]
    kept = set(chosen)
    assert nav.start + recognition.EDGE not in kept
    # its edges stay, so the release's first words keep their context
    assert set(range(nav.end - recognition.EDGE, nav.end)) <= kept
    assert len(chosen) < len(doc) / 2


def test_a_release_without_long_furniture_is_read_whole(blank: Language) -> None:
    assert recognition.tokens_outside_furniture(blank(BODY)) is None
    assert recognition.tokens_outside_furniture(blank(BODY + FOOTER)) is None


@pytest.mark.integration
def test_the_release_is_the_same_as_with_the_whole_page_read(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    cut = release_nlp.extract(PAGE, nlp=nlp)
    monkeypatch.setattr(recognition, "tokens_outside_furniture", lambda doc: None)
    whole = release_nlp.extract(PAGE, nlp=nlp)
    assert cut.model_dump() == whole.model_dump()
    assert {"Farida Rahman"} <= {p.name for p in cut.people}
    assert "Sylhet" in {p.name for p in cut.places}


@pytest.mark.integration
def test_entities_map_back_to_the_page(nlp: Language) -> None:
    doc = nlp(PAGE)
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Farida Rahman", "PERSON") in found
    for ent in doc.ents:
        assert PAGE[ent.start_char:ent.end_char] == ent.text
