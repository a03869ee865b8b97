"""Figure shapes from news and releases: glued units, ranges with units on both ends, changes and their
direction, names that hold numbers (sentences we wrote ourselves)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.readers.change import change_direction
from release_nlp.schema import Figure

HEAD = "Borland Ministry Reports on the Season\n\nVelmar, 4 April 2022 – "

Row = tuple[float, float | None, str, str | None, str | None]  # value, high, qualifier, unit, direction


def figures(nlp: Language, sentence: str) -> list[Row]:
    release = release_nlp.extract(HEAD + sentence + "\n", nlp=nlp)
    return [(f.value, f.high, f.qualifier, f.unit, f.direction) for f in release.figures]


SHAPES: list[tuple[str, list[Row]]] = [
    # numbers glued to units
    ("The new tablet ships with 512GB of storage.", [(512, None, "exact", "GB", None)]),
    ("The ferry reaches 40mph on open water.", [(40, None, "exact", "mph", None)]),
    ("Each panel delivers 3kW at noon.", [(3, None, "exact", "kW", None)]),
    ("Unemployment stood at 4.2pc in May.", [(4.2, None, "exact", "%", None)]),
    ("The hull is 52m (170ft) long.", [(52, None, "exact", "m", None), (170, None, "exact", "ft", None)]),
    ("The old trains ran at 60 m.p.h. on the plain.", [(60, None, "exact", "mph", None)]),
    # ranges with a unit or a scale on each end
    ("Fees will rise between 3% and 4% next year.", [(3, 4, "range", "%", None)]),
    ("Rents run from 2 per cent to 2.5 per cent of income.", [(2, 2.5, "range", "%", None)]),
    ("Flats cost from $450,000 to $1.2 million in Dorran.", [(450000, 1.2e6, "range", "USD", None)]),
    ("Four to five thousand people joined the march.", [(4000, 5000, "range", "people", None)]),
    ("His weight went from 210 pounds to 190 over the winter.", [(190, 210, "range", "pounds", None)]),
    # two figures, not a range
    ("Grants of $150 and $400 were paid to each family.",
     [(150, None, "exact", "USD", None), (400, None, "exact", "USD", None)]),
    ("Arlo and Bex received $4 million and $2 million respectively.",
     [(4e6, None, "exact", "USD", None), (2e6, None, "exact", "USD", None)]),
    ("Debt increased by $12.5 billion to $300.1 billion.",
     [(12.5e9, None, "exact", "USD", "up"), (300.1e9, None, "exact", "USD", None)]),
    ("Output dropped 6% to $1.4 billion.", [(6, None, "exact", "%", "down"), (1.4e9, None, "exact", "USD", None)]),
    # changes
    ("Grain prices rose 5% in March.", [(5, None, "exact", "%", "up")]),
    ("The index fell by 2 points on Friday.", [(2, None, "exact", "points", "down")]),
    ("Analysts expect a 10% drop in sales.", [(10, None, "exact", "%", "down")]),
    ("Shares were down nearly 3% at noon.", [(3, None, "upper_bound", "%", "down")]),
    ("Temperatures fell by 1 to 2 degrees.", [(1, 2, "range", "degrees", "down")]),
    # signs
    ("The reading was -7 degrees at dawn.", [(-7, None, "exact", "degrees", None)]),
    # a word before a number does not drop it
    ("Over the past week 1,300 people were moved to safety.", [(1300, None, "exact", "people", None)]),
]


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "want"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_shapes(nlp: Language, sentence: str, want: list[Row]) -> None:
    got = figures(nlp, sentence)
    assert got == [(pytest.approx(v), pytest.approx(h) if h is not None else None, q, u, d)
                   for v, h, q, u, d in want]


NAMES_NOT_FIGURES = [
    "The Vexo 500 rose sharply on Tuesday.",
    "Traders watched the Korlan 100 index all day.",
]


@pytest.mark.integration
@pytest.mark.parametrize("sentence", NAMES_NOT_FIGURES, ids=[s[:40] for s in NAMES_NOT_FIGURES])
def test_numbers_in_names(nlp: Language, sentence: str) -> None:
    assert figures(nlp, sentence) == []


def test_pounds_weigh_unless_the_text_deals_in_sterling(nlp: Language) -> None:
    (fig,) = release_nlp.extract(HEAD + "The parcel weighed 40 pounds.\n", nlp=nlp).figures
    assert fig.unit == "pounds" and fig.category != "money"
    (fig,) = release_nlp.extract(HEAD + "The grant of 40 pounds sterling was paid; £5 more followed.\n",
                                 nlp=nlp).figures[:1]
    assert fig.unit == "GBP"


@pytest.mark.parametrize(("text", "want"), [
    ("Profits climbed 8%", "up"), ("Profits were up 8%", "up"), ("Costs were cut by 8%", "down"),
    ("Costs cut 8 jobs", None), ("Prices rose to 8%", None), ("It reached 8%", None),
])
def test_change_direction(text: str, want: str | None) -> None:
    assert change_direction(text, text.index("8"), len(text)) == want


def test_direction_is_optional_in_the_json_contract() -> None:
    old = {"text": "5%", "value": 5.0, "span": {"start": 0, "end": 2}}
    assert Figure.model_validate(old).direction is None
    assert Figure.model_validate({**old, "direction": "down"}).direction == "down"


CODES_AND_NAMES = [
    "The Twenty First Century Fund opened an office.",
    "Under Law No. (9)/2014 the fee applies.",
    "To give, send an SMS to 4455 or dial 1122.",
]


@pytest.mark.integration
@pytest.mark.parametrize("sentence", CODES_AND_NAMES, ids=[s[:40] for s in CODES_AND_NAMES])
def test_codes_ordinals_and_law_numbers_are_no_figures(nlp: Language, sentence: str) -> None:
    assert figures(nlp, sentence) == []


@pytest.mark.integration
def test_a_vote_is_no_range(nlp: Language) -> None:
    assert [f[:3] for f in figures(nlp, "The council passed the motion by a vote of 52 to 47.")] == [
        (52, None, "exact"), (47, None, "exact")]


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "unit"), [
    ("Crude traded at $61.10 per barrel on Friday.", "USD per barrel"),
    ("The mill grinds 900 tonnes a day.", "tonnes per day"),
    ("The convoy drove at 60 km/h through the valley.", "km/h"),
    ("Clinics saw 40 patients per week.", "patients per week"),
])
def test_rates_keep_their_per_part(nlp: Language, sentence: str, unit: str) -> None:
    (fig,) = figures(nlp, sentence)
    assert fig[3] == unit


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "want"), [
    ("The stall charges P2,500 a week.", (2500, "PHP per week")),
    ("The council set aside P12-million for roads.", (12e6, "PHP")),
    ("The shares closed at RM4.10 on Monday.", (4.1, "MYR")),
    ("A Kowloon trust pledged HK$3.5 million to the clinic.", (3.5e6, "HKD")),
    ("The villa sold for $US2,450,000 last year.", (2.45e6, "USD")),
    ("The team ended with a .600 record.", (0.6, "record")),
    ("Overnight it fell to minus 14 degrees.", (-14, "degrees")),
])
def test_currency_letters_and_odd_numbers(nlp: Language, sentence: str, want: tuple[float, str]) -> None:
    (fig,) = figures(nlp, sentence)
    assert (pytest.approx(want[0]), want[1]) == (fig[0], fig[3])


@pytest.mark.integration
def test_label_after_peso_letter_is_no_figure(nlp: Language) -> None:
    assert figures(nlp, "The P3 laboratory reopened.") == []
