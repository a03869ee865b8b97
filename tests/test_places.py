"""Places normalised to a kind and a country, disambiguated by the release's other places."""

from __future__ import annotations

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.readers.gazetteer import lookup

CASES = [
    ("Syrian Arab Republic", "SY", "country"), ("Syria", "SY", "country"), ("the DRC", "CD", "country"),
    ("Côte d'Ivoire", "CI", "country"), ("Ivory Coast", "CI", "country"), ("Türkiye", "TR", "country"),
    ("Beirut", "LB", "city"), ("Cairo", "EG", "city"), ("Khost province", "AF", "region"),
    ("Central Equatoria", "SS", "region"), ("Middle East", None, "multi_country"),
    ("MENA", None, "multi_country"), ("Mediterranean Sea", None, "water"), ("Texas", "US", "region"),
]


@pytest.mark.parametrize(("name", "code", "kind"), CASES, ids=[c[0] for c in CASES])
def test_lookup(name: str, code: str | None, kind: str) -> None:
    found = lookup(name)
    assert found is not None and (found.country_code, found.kind) == (code, kind)


def test_context_picks_the_reading() -> None:
    lebanon = lookup("Lebanon", ["US"])
    assert lebanon is not None and lebanon.kind == "country"  # a country name stays the country
    assert lookup("Congo", ["CD"]).country_code == "CD"  # type: ignore[union-attr]
    assert lookup("Congo", ["CG"]).country_code == "CG"  # type: ignore[union-attr]
    assert lookup("Hyderabad", ["PK"]).country_code == "PK"  # type: ignore[union-attr]
    assert lookup("Hyderabad", ["IN"]).country_code == "IN"  # type: ignore[union-attr]


@pytest.mark.integration
def test_release_places_with_countries_and_no_demonyms(nlp: Language) -> None:
    text = ("Agency Expands Work in Afghanistan\n\nKABUL, Afghanistan (May 28, 2011) – Lebanese and Afghan "
            "engineers repaired wells in Manduzai district, Khost province, and in Herat yesterday.\n")
    release = release_nlp.extract(text, nlp=nlp)
    places = {p.name: (p.country_code, p.kind) for p in release.places}
    assert places["Kabul"] == ("AF", "city") or places["Kabul"][0] == "AF"
    assert places["Afghanistan"] == ("AF", "country")
    assert places["Herat"][0] == "AF"
    assert any(name.startswith("Khost") for name in places) and any(name.startswith("Manduzai") for name in places)
    assert all(code == "AF" for code, _ in places.values())
    assert "Lebanese" not in places and "Afghan" not in places
    assert {str(d.start) for d in release.dates} == {"2011-05-28", "2011-05-27"}


@pytest.mark.integration
def test_georgia_the_state(nlp: Language) -> None:
    text = ("Senator Visits Storm Area\n\nWASHINGTON, D.C. – Senator Jane Holloway visited Atlanta, Georgia, "
            "and Savannah on Monday, then returned to Texas.\n")
    places = {p.name: p for p in release_nlp.extract(text, nlp=nlp).places}
    assert places["Georgia"].country_code == "US" and places["Georgia"].kind == "region"


@pytest.mark.integration
def test_georgia_the_country(nlp: Language) -> None:
    text = ("Agency Opens Office in Tbilisi\n\nTBILISI, 3 March 2023 – The agency opened an office in Georgia to "
            "serve displaced families near Gori, its director said.\n")
    places = {p.name: p for p in release_nlp.extract(text, nlp=nlp).places}
    assert places["Georgia"].country_code == "GE" and places["Georgia"].kind == "country"


@pytest.mark.parametrize(("raw", "name"), [
    ("Dorrance County - Storm Debris Removal -", "Dorrance County"),  # a funding list's heading
    ("City of Marlow Beach-", "City of Marlow Beach"),
    ("WASHINGTON--", "WASHINGTON"),
    ("Kelso Wetland Refuge: Funding", "Kelso Wetland Refuge"),
    ("Tamboro,2", "Tamboro"),  # a footnote's number
    ("Pul-e Khumri", "Pul-e Khumri"), ("Guinea-Bissau", "Guinea-Bissau"), ("Washington, D.C.", "Washington, D.C."),
    ("Kasai – Central", "Kasai – Central"), ("Guinea - Bissau", "Guinea - Bissau"),  # a known name with a spaced dash
    ("--Kabul", "Kabul"),
])
def test_a_place_name_ends_where_a_headings_next_field_begins(raw: str, name: str) -> None:
    from release_nlp.readers.place_names import clean_place_name

    assert clean_place_name(raw) == name
