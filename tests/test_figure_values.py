"""Figure values, bounds and directions in the shapes news prints them (sentences we wrote ourselves)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.readers.change import change_direction
from release_nlp.readers.numbers import parse_number

pytestmark = pytest.mark.integration

HEAD = "Agency Reports on the Markets\n\nLorvik, 4 April 2022 – "

Row = tuple[float, float | None, str, str | None]  # value, high, qualifier, direction


def figures(nlp: Language, sentence: str) -> list[Row]:
    release = release_nlp.extract(HEAD + sentence + "\n", nlp=nlp)
    return [(f.value, f.high, f.qualifier, f.direction) for f in release.figures]


def values(nlp: Language, sentence: str) -> list[float]:
    return [pytest.approx(v) for v, _, _, _ in figures(nlp, sentence)]


@pytest.mark.parametrize(("text", "want"), [
    ("4 hundred", 400), ("4 hundred million", 4e8), ("2 hundred thousand", 2e5), ("3mil", 3e6),
    ("3.06mil", 3.06e6), ("4 million thousand", None),
])
def test_scale_words_after_digits(text: str, want: float | None) -> None:
    assert parse_number(text) == (pytest.approx(want) if want is not None else None)


@pytest.mark.parametrize(("sentence", "want"), [
    # A dash with a space before it and none after signs the number: no range with the number before.
    ("Markets closed mixed: Korlan 50 -1.3% and Vexo -0.6%.", [(-1.3, None, "exact", "down"),
                                                               (-0.6, None, "exact", "down")]),
    ("At noon the index stood +0.4% on the day.", [(0.4, None, "exact", "up")]),
    ("The team's net yardage was minus-5 yards.", [(-5, None, "exact", None)]),
    ("The trade balance stood at $-50.8bn in April.", [(-50.8e9, None, "exact", None)]),  # the sign after the mark
    ("The firm holds over than 60% of the market.", [(60, None, "lower_bound", None)]),  # a common non-native form
    ("Nights fall to about minus 40 degrees.", [(-40, None, "approximate", None)]),
    # "sub-" bounds a number from above.
    ("The plant makes sub-5 nanometre chips.", [(5, None, "upper_bound", None)]),
    ("Scores were lower than 12 points.", [(12, None, "upper_bound", None)]),
    # An average is stated as it is: exact, like any other statistic ("an estimated" is the approximate one).
    ("The guard averaged 18.4 points a game.", [(18.4, None, "exact", None)]),
    ("Homes sold after an average of 41 days.", [(41, None, "exact", None)]),
])
def test_signs_and_bounds(nlp: Language, sentence: str, want: list[Row]) -> None:
    assert figures(nlp, sentence) == [(pytest.approx(v), h, q, d) for v, h, q, d in want]


@pytest.mark.parametrize(("sentence", "want"), [
    ("The valley held 4 hundred million locusts.", [4e8]),
    ("Smugglers moved almost S$2mil through the port.", [2e6]),
    ("Hearing fades between 15kHz and 18kHz in most adults.", [15]),  # a range; its high end is 18
    ("Output rose 40% in 2019 to 2.6 million bicycles.", [40, 2.6e6]),
    ("The firm went from 1000 to 3000 hires in a year.", [1000]),
    ("Runners burn about 2000 - 2600 calories a race.", [2000]),
    ("Take 1/4 of a cup of oats and 3/8 cup of milk.", [0.25, 0.375]),
    ("The mixer holds 1\u20443 of a litre.", [pytest.approx(1 / 3)]),
    ("A wave shifts by about 2.998×10−8 metres a cycle.", [2.998e-8]),
    ("The sample weighed 6.5 x 10^3 grams.", [6500]),
    ("A third of the voters stayed home.", [pytest.approx(1 / 3)]),
    ("Nearly two-thirds of the wells ran dry.", [pytest.approx(2 / 3)]),
    ("Half the shops closed early.", [0.5]),
])
def test_values(nlp: Language, sentence: str, want: list[float]) -> None:
    assert values(nlp, sentence) == want


def test_a_count_reads_past_a_model_number(nlp: Language) -> None:
    assert values(nlp, "The airline grounded two new 380 Corvo jets.")[0] == 2


def test_range_with_glued_units(nlp: Language) -> None:
    ((value, high, qualifier, _),) = figures(nlp, "Hearing fades between 15kHz and 18kHz in most adults.")
    assert (value, high, qualifier) == (15, 18, "range")


def test_shares_take_the_bound_before_them(nlp: Language) -> None:
    ((value, _, qualifier, _),) = figures(nlp, "Nearly two-thirds of the wells ran dry.")
    assert (value, qualifier) == (pytest.approx(2 / 3), "upper_bound")


@pytest.mark.parametrize("sentence", [
    "The rebels led 9-2 at half time and drew 3-3 in the end.",  # scores
    "Voters aged 18 to 24 turned out in force.",  # ages
    "Mara Velt, 45, said the plan was sound.",
    "Home quarterback John Miller (7) ran for the line.",  # a shirt number
    "Teaching is no longer enough for Mara Velt (34) from Dorvan.",  # an age
    "Most cases were in children aged less than 5.",
    "The office is at 12 Elm Street, Richmond, CA 94804.",  # a postal code
    "A category 4 storm hit the coast.",  # a label after a name word
    "The hunt runs Sept. 20-24 this year.",  # days of a month
    "Seas may rise a metre by 2150.",  # a year beyond 2100
    "Trading opened at 0900 GMT.",  # a time
    "The home sits in the 90210 ZIP code.",
    "A baker's dozen sat on the shelf.",
    "The Korlan 100 e-minis were flat.",  # an index, its noun split by the tokenizer
    "They cheered the Kick Six play all night.",  # a number word inside a name
])
def test_no_figures(nlp: Language, sentence: str) -> None:
    assert figures(nlp, sentence) == []


@pytest.mark.parametrize(("sentence", "want"), [
    ("The sector ended 0.4 percent lower.", [0.4]),  # "sector" names, but a percentage is an amount
    ("Tesvo delivered 27,000 Model T cars.", [27000]),  # a long number counts the name after it
    ("The plan costs 9.99 New Zealand dollars a month.", [9.99]),
    ("Over the past week 1,200 people were evacuated.", [1200]),
])
def test_numbers_before_names_that_are_kept(nlp: Language, sentence: str, want: list[float]) -> None:
    assert values(nlp, sentence) == want


@pytest.mark.parametrize(("sentence", "want"), [
    # A restated change shares its direction.
    ("The index lost 150 points, or 0.8%, by noon.", [(150, "down"), (0.8, "down")]),
    ("Vexo was down 2.1%, Korlan by 1.4% and Tamsa was flat.", [(2.1, "down"), (1.4, "down")]),
    # A converted amount shares the bound and the direction.
    ("The moths fly more than 90 kilometres (56 miles).", [(90, None), (56, None)]),
    ("The engine makes just under 300 hp (224 kW / 304 PS).", [(300, None), (224, None), (304, None)]),
])
def test_restated_and_converted_figures(nlp: Language, sentence: str, want: list[tuple[float, str | None]]) -> None:
    assert [(v, d) for v, _, _, d in figures(nlp, sentence)] == [(pytest.approx(v), d) for v, d in want]


def test_a_vote_tally_is_two_counts(nlp: Language) -> None:
    release = release_nlp.extract(HEAD + "The measure passed the House by a vote of 386-27.\n", nlp=nlp)
    assert [f.value for f in release.figures] == [386, 27]
    assert all("386-27" in f.sentence for f in release.figures)


def test_a_count_in_brackets_after_a_place_is_kept(nlp: Language) -> None:
    assert values(nlp, "Work began in Kenya (5 projects), Sierra Leone (2) and Uganda (3).") == [5, 2, 3]


def test_a_breakdown_in_brackets_is_no_conversion(nlp: Language) -> None:
    got = figures(nlp, "The fund lost 400 sites (366 clinics and 34 hospitals) last year.")
    assert [(v, d) for v, _, _, d in got] == [(400, "down"), (366, None), (34, None)]


def test_a_share_lends_no_unit_to_later_figures(nlp: Language) -> None:
    release = release_nlp.extract(HEAD + "A third of all bees have gone. The motion won 131 to 48.\n", nlp=nlp)
    share, *votes = release.figures
    assert share.category == "percentage" and share.unit == "bees"
    assert [f.unit for f in votes] == [None, None]


def test_converted_figures_share_the_bound(nlp: Language) -> None:
    got = figures(nlp, "The engine makes just under 300 hp (224 kW / 304 PS).")
    assert [q for _, _, q, _ in got] == ["upper_bound"] * 3
    got = figures(nlp, "The moths fly more than 90 kilometres (56 miles).")
    assert [q for _, _, q, _ in got] == ["lower_bound"] * 2


@pytest.mark.parametrize(("text", "want"), [
    ("Shares of Vexo were plummeting 8% by noon", "down"),
    ("The index was advancing about 8 percent", "up"),
    ("The firm expects to grow sales by 8 per cent", "up"),
    ("The council will cut its costs by 8%", "down"),
    ("Forecasts were revised upward by 8", "up"),
    ("The defence gave up 8 yards", None),  # "up" the particle of "gave up"
    ("The board turned down 8 offers", None),
    ("Prices rose to 8%", None),  # the level reached, not the change
    ("The skater added a 8 metre jump to the routine", None),  # a thing added, which the number only describes
    ("Exports rose a record 8%", "up"),
])
def test_change_direction_words(text: str, want: str | None) -> None:
    assert change_direction(text, text.index("8"), len(text)) == want


@pytest.mark.parametrize(("sentence", "want"), [
    # "from A ... to B", with unit words between: the span moved over, as "from 9 to 7" is read.
    ("Crude slid from $75 a barrel to $45.88 over the year.", (45.88, 75)),
    ("Flats run from 450 sq ft up to 900 sq ft in the new block.", (450, 900)),
    ("Turnover narrowed to 1,285 lots from 2,577 lots a week earlier.", (1285, 2577)),
])
def test_a_move_from_one_amount_to_another_is_a_range(nlp: Language, sentence: str, want: tuple[float, float]) -> None:
    ((value, high, qualifier, direction),) = figures(nlp, sentence)[:1]
    assert (value, high, qualifier, direction) == (want[0], want[1], "range", None)


def test_levels_at_two_times_are_two_figures(nlp: Language) -> None:
    assert values(nlp, "Prevalence fell from 10.5 percent in 1996 to 5.4 percent in 2016.") == [10.5, 5.4]
    assert values(nlp, "The coin slid from $4,120 at 9pm on Monday to $3,980 at dawn.") == [4120, 3980]


def test_a_level_after_a_change_stays_apart(nlp: Language) -> None:
    # "up from" after a level is where it started, a figure of its own; and no range with the level.
    sentence = "Sales rose 40% to 2.6 million bicycles, up from 1.9 million a year before."
    assert values(nlp, sentence) == [40, 2.6e6, 1.9e6]


def test_narrowed_is_a_fall() -> None:
    text = "The gap narrowed 8 points"
    assert change_direction(text, text.index("8"), len(text)) == "down"
