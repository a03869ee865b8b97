"""Figures in every form, the exclusions, and implied units (a table we wrote ourselves)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import release_nlp

pytestmark = pytest.mark.integration

HEAD = "Agency Reports on the Response\n\nNairobi, 4 April 2022 – "

# (sentence, [(value, qualifier, unit, high)])
FORMS = [
    ("The agency reached 900,000 people.", [(900000, "exact", "people", None)]),
    ("The agency reached 900 000 people.", [(900000, "exact", "people", None)]),
    ("The appeal seeks 1.2 million dollars for 3m people.",
     [(1.2e6, "exact", "USD", None), (3e6, "exact", "people", None)]),
    ("Donors pledged 6.6bn euros.", [(6.6e9, "exact", "EUR", None)]),
    ("The fund released USD 200,000 on Monday.", [(200000, "exact", "USD", None)]),
    ("The bank lent US$5 million to the city.", [(5e6, "exact", "USD", None)]),
    ("Damage was put at $11 Billion.", [(11e9, "exact", "USD", None)]),
    ("The government budgeted MWK6.6bn for relief.", [(6.6e9, "exact", "MWK", None)]),
    ("The EU gave €3m to the programme.", [(3e6, "exact", "EUR", None)]),
    ("Canada added CAD 15M in aid.", [(15e6, "exact", "CAD", None)]),
    ("Some 97 per cent of schools reopened.", [(97, "approximate", "%", None)]),
    ("Turnout reached 45% in the north.", [(45, "exact", "%", None)]),
    ("The team visited two shelters.", [(2, "exact", "shelters", None)]),
    ("Volunteers built twenty-five classrooms.", [(25, "exact", "classrooms", None)]),
    ("The floods displaced half a million people.", [(5e5, "exact", "people", None)]),
    ("A dozen trucks arrived.", [(12, "exact", "trucks", None)]),
    ("Between 10,000-20,000 people fled.", [(10000, "range", "people", 20000)]),
    ("The plan covers between 5 and 10 million children.", [(5e6, "range", "children", 10e6)]),
    ("Shelters host 1,500–2,000 migrants.", [(1500, "range", "migrants", 2000)]),
    # a plural power of ten spans its order of magnitude; "dozens" spans none and stays approximate
    ("Hundreds of families lost their homes.", [(100, "range", "families", 1000)]),
    ("Tens of thousands of people marched.", [(1e4, "range", "people", 1e5)]),
    ("Hundreds of thousands of goats died.", [(1e5, "range", "goats", 1e6)]),
    ("Dozens of wells ran dry.", [(12, "approximate", "wells", None)]),
    ("Up to thousands of tents may be needed.", [(1000, "approximate", "tents", None)]),
    # a number after a colon that ends a label or a dateline is read like any other
    ("KESTRAL BAY: Two fishermen were rescued.", [(2, "exact", "fishermen", None)]),
    ("Stock in hand: 4,500 tents.", [(4500, "exact", "tents", None)]),
    # the first end of a span of ages is an age too, and the second end of a span of years a year
    ("The camp takes 5- to 7-year-old pupils.", []),
    ("The fort was held between A.D. 1350 and 1420 and then lost.", []),
    ("The fund grew from 1500 to 1800 members.", [(1500, "range", "members", 1800)]),
    # but a small number before a capital there marks an item, as at a line's start
    ("Offices we rent: 9 Elm Street and the depot.", []),
    ("Over 900,000 internally displaced persons (IDPs) returned.",
     [(900000, "lower_bound", "internally displaced persons", None)]),
    ("More than 250 schools closed.", [(250, "lower_bound", "schools", None)]),
    ("At least 40 people died.", [(40, "lower_bound", "people", None)]),
    ("Upwards of 3,000 tents were sent.", [(3000, "lower_bound", "tents", None)]),
    ("Nearly 45,000 people now have water.", [(45000, "upper_bound", "people", None)]),
    ("Almost 600 clinics reopened.", [(600, "upper_bound", "clinics", None)]),
    ("Up to 80 trucks a day cross.", [(80, "upper_bound", "trucks per day", None)]),  # a rate keeps its per part
    ("Under 20 percent of roads are open.", [(20, "upper_bound", "%", None)]),
    ("Less than 5 tonnes of food remain.", [(5, "upper_bound", "tonnes of food", None)]),
    ("Some 704,000 people need aid.", [(704000, "approximate", "people", None)]),
    ("About 300 households were registered.", [(300, "approximate", "households", None)]),
    ("Around 80 countries took part.", [(80, "approximate", "countries", None)]),
    ("An estimated 28,000 houses were destroyed.", [(28000, "approximate", "houses", None)]),
    ("Approximately 12 boats sank.", [(12, "approximate", "boats", None)]),
    ("Roughly 60,000 patients were treated.", [(60000, "approximate", "patients", None)]),
]


def figures(nlp: Language, sentence: str) -> list[tuple[float, str, str | None, float | None]]:
    release = release_nlp.extract(HEAD + sentence + "\n", nlp=nlp)
    return [(f.value, f.qualifier, f.unit, f.high) for f in release.figures]


@pytest.mark.parametrize(("sentence", "want"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_forms(nlp: Language, sentence: str, want: list[tuple[float, str, str | None, float | None]]) -> None:
    got = figures(nlp, sentence)
    assert [(pytest.approx(v), q, u, h) for v, q, u, h in want] == got


NOT_FIGURES = [
    "The meeting took place in 2019 and again on 3 March.",
    "The talks start at 9.30 a.m. and end at 10:45.",
    "Call +41 79 123 45 67 for details.",
    "Reference 2011-05-S-104 was filed.",
    "The plan supports SDG 10 and Resolution 1244.",
    "COVID-19 and G20 talks resumed under Article 5.",
    "It was the second visit and the 3rd meeting.",
    "A 50-year-old man was found.",
    "1. Introduction of the new programme",
    "Sixteen Days of Activism begin on Saturday.",
    "It was one person's word against another.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES, ids=[s[:40] for s in NOT_FIGURES])
def test_not_figures(nlp: Language, sentence: str) -> None:
    assert figures(nlp, sentence) == []


def test_implied_unit_from_the_figure_before(nlp: Language) -> None:
    got = figures(nlp, "Over 900,000 internally displaced persons (IDPs) have returned, but over 170,000 "
                       "remain displaced.")
    assert got == [(900000, "lower_bound", "internally displaced persons", None),
                   (170000, "lower_bound", "internally displaced persons", None)]


def test_acronym_unit_expands(nlp: Language) -> None:
    text = ("Over 2,000 internally displaced persons (IDPs) arrived. The camp now holds 5,000 IDPs.")
    assert figures(nlp, text)[1] == (5000, "exact", "internally displaced persons", None)


def test_dollar_of_the_country_named_beside_it(nlp: Language) -> None:
    text = "Today, Canada announced an additional $15 million for refugees in Kenya."
    assert figures(nlp, text) == [(15e6, "exact", "CAD", None)]


def test_figure_links_to_place_and_date(nlp: Language) -> None:
    release = release_nlp.extract(HEAD + "On 2 April, floods in Garissa displaced 3,000 families.\n", nlp=nlp)
    (fig,) = release.figures
    assert fig.place == "Garissa" and str(fig.date) == "2022-04-02" and fig.category == "people"


def test_ratio_one_in_five(nlp: Language) -> None:
    assert figures(nlp, "One in five children is malnourished.") == [(0.2, "exact", "children", None)]
