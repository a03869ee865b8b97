"""Figure units: the rules of `figure_units.py`, each on a sentence we wrote ourselves."""

from __future__ import annotations

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.readers.figure_units import currency_after, currency_of, with_rate

HEAD = "Ministry Reports on the Season\n\nPort Selwyn, 4 April 2022 – "


def units(nlp: Language, sentence: str) -> list[tuple[float, str | None]]:
    release = release_nlp.extract(HEAD + sentence + "\n", nlp=nlp)
    return [(f.value, f.unit) for f in release.figures]


# --- rates (no model needed) --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "amount", "unit", "money", "expected"), [
    # "a day" joined by hyphens is a rate as much as "a day" in words
    ("a 9,000 barrel-a-day plant", "9,000", "barrel", False, "barrel per day"),
    ("fees rose by £24 a-year.", "£24", "GBP", True, "GBP per year"),
    # "a year earlier" is when, not how often
    ("up from $6.7 billion a year earlier", "$6.7 billion", "USD", True, "USD"),
    ("some 40 tonnes a day later", "40", "tonnes", False, "tonnes"),
    # the symbol of a per part keeps its capitals; a capitalised word does not
    ("gas at $3.10 per mmBTU on Monday", "$3.10", "USD", True, "USD per mmBTU"),
    ("OIL AT $60 PER Barrel", "$60", "USD", True, "USD per barrel"),
    # a conversion in brackets sits between an amount and its rate
    ("4 billion crowns ($180 million) a year", "4 billion crowns", "CZK", True, "CZK per year"),
    # slash rates with units other than time, after a glued symbol
    ("fields of 12kV/cm near the wire", "12kV", "kV", True, "kV/cm"),
    ("a top speed of 90km/hr on the flat", "90km", "km", True, "km/hr"),
    # a denominator keeps its power
    ("a current density of 1.3A/cm2 at the plate", "1.3A", "A", True, "A/cm2"),
    # "per sq m": the abbreviated square measure is one denominator
    ("offices let at $75 per sq m last year", "$75", "USD", True, "USD per sq m"),
])
def test_rates(text: str, amount: str, unit: str, money: bool, expected: str) -> None:
    assert with_rate(text, text.index(amount) + len(amount), unit, money) == expected


def test_slash_after_a_plain_noun_is_no_rate() -> None:
    # "staff/volunteers" lists two groups; only measure denominators make a slash rate
    text = "some 40 staff/volunteers came"
    assert with_rate(text, text.index("40") + 2, "staff", False) == "staff"


# --- currencies (no model needed) ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "amount", "expected"), [
    ("a fee of 500 EUR was paid", "500", "EUR"),
    ("a price of 2,100,000 YEN for the car", "2,100,000", "JPY"),
    ("debts of 4 billion shekels in all", "4 billion", "ILS"),
    ("a grant of 30 million naira to farmers", "30 million", "NGN"),
    ("priced at 800 Egyptian pounds each", "800", "EGP"),
])
def test_currency_named_after_an_amount(text: str, amount: str, expected: str) -> None:
    end = text.index(amount) + len(amount)
    found = currency_after(text, end, None)
    assert found is not None
    iso, name_end = found
    assert iso == expected
    assert text[end:name_end].strip().casefold() in ("eur", "yen", "shekels", "naira", "egyptian pounds")


def test_currency_word_needs_a_word_boundary() -> None:
    # "European" starts with "euro" but names no currency
    text = "a study of seven European states"
    assert currency_after(text, text.index("seven") + 5, None) is None


def test_bare_pounds_weigh_in_a_text_without_sterling() -> None:
    text = "the boxer fell from 210 pounds to 190"
    assert currency_after(text, text.index("210") + 3, None) is None
    text = "a £5 fee, then 210 pounds more"
    assert currency_after(text, text.index("210") + 3, None) == ("GBP", text.index(" more"))


def test_bracketed_dollars_after_another_currency_are_us_dollars() -> None:
    text = "a fine of 20 million Canadian dollars ($15 million) was set"
    assert currency_of("$", text, "CA", text.index("$")) == "USD"
    text = "the bid of C$8 ($5.90) per share"
    assert currency_of("$", text, None, text.index("($") + 1) == "USD"


def test_bracketed_dollars_after_dollars_keep_the_named_dollar() -> None:
    # a breakdown of a dollar amount in brackets is no conversion
    text = "Canadian dollars: a total of $12 million ($8 million for roads) was set"
    assert currency_of("$", text, None, text.index("($") + 1) == "CAD"


# --- unit phrases on the real pipeline ----------------------------------------------------------

@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "expected"), [
    # a unit joined to the number by a hyphen
    ("The truck has a 6.7-litre diesel engine.", [(6.7, "litre")]),
    ("The pump has a 150-hp motor.", [(150, "hp")]),
    ("The tablet comes with a 10- or 12-inch screen.", [(10, "inch"), (12, "inch")]),
    # a ratio or a date after the hyphen is no unit
    ("Its benefits outweigh its costs by more than 12-to-1.", [(12, None)]),
    # a hyphenated compound unit stays whole
    ("The motor gives 410 lb-ft at low speed.", [(410, "lb-ft")]),
    ("The new motor gives a torque of 410 lb-ft.", [(410, "lb-ft")]),
    # a unit printed once for a list of numbers joined by hyphens
    ("The shop sells 2-, 3- and 5-litre cans.", [(2, "litre"), (3, "litre"), (5, "litre")]),
    # a noun and a participle joined by a hyphen modify the counted noun together
    ("The agency reached 3,000 flood-affected households.", [(3000, "flood-affected households")]),
    # a symbol after a space, whatever its tag
    ("The plant adds 340 kW to the grid.", [(340, "kW")]),
    ("Each flat has 620 sq ft of floor space.", [(620, "sq ft")]),
    # degrees and areas glued to the number, also as ASCII folding prints them
    ("Water there boils at 96°C.", [(96, "°C")]),
    ("The lake was 2.5° Celsius warmer.", [(2.5, "° Celsius")]),
    ("The sea was 1.3degF warmer.", [(1.3, "degF")]),
    ("The sea was 0.7deg C warmer, the air 4° F.", [(0.7, "deg C"), (4, "° F")]),  # with a space before the scale
    ("The studio measures 28m2 in all.", [(28, "m2")]),
    # a symbol that ends the sentence leaves its full stop there
    ("Shares of Norvik closed at 212.5 p.", [(212.5, "p")]),
])
def test_symbols_and_hyphenated_units(nlp: Language, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert units(nlp, sentence) == expected


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "expected"), [
    # a plural number before two singular nouns counts the first, which modifies the second
    ("The council approved a 40 bed clinic.", [(40, "bed")]),
    ("Engineers fitted a 6 cylinder engine.", [(6, "cylinder")]),
    # with a plural head the compound is the unit
    ("The council hired 40 health workers.", [(40, "health workers")]),
    # a measure of a mass noun is no attributive pair
    ("Trucks moved 2,000 lbs of white rice.", [(2000, "lbs of white rice")]),
    # a name before a noun that counts as a plural is no measure
    ("The navy ordered 24 F-35C aircraft.", [(24, "F-35C aircraft")]),
])
def test_attributive_nouns(nlp: Language, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert units(nlp, sentence) == expected


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "expected"), [
    # names or modifiers joined by "and" before a plural head
    ("Police found 85 Volvo and Saab cars in the yard.", [(85, "Volvo and Saab cars")]),
    ("The firm sold 2.5 million used and refurbished phones.", [(2.5e6, "used and refurbished phones")]),
    # a plural noun before "and" is the head: the other noun is a second group
    ("The clinic has 12 doctors and nurses on call.", [(12, "doctors")]),
])
def test_coordinated_modifiers(nlp: Language, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert units(nlp, sentence) == expected


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Three of Marlowe's advisers resigned on Friday.", [(3, "Marlowe's advisers")]),
    ("The firm says 12 million of its smart meters are installed.", [(12e6, "smart meters")]),
    ("Only 4 of the 12 district clinics reopened.", [(4, "district clinics"), (12, "district clinics")]),
    # a plain partitive keeps its noun, money words included
    ("Towns lost millions of dollars in fees.", [(1e6, "dollars")]),
])
def test_partitives_with_possessives(nlp: Language, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert units(nlp, sentence) == expected


@pytest.mark.integration
def test_a_time_after_the_number_is_not_its_unit(nlp: Language) -> None:
    assert units(nlp, "Exports of the mill reached 3.4 million last year.") == [(3.4e6, None)]


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ticket costs 450 EUR at the door.", [(450, "EUR")]),
    ("Wages rose to 90,000 rubles a month.", [(90000, "RUB per month")]),
    ("The shares closed at Y=1,250 in Tokyo.", [(1250, "JPY")]),
    # a pound sign folded to ASCII; "PS5" alone is a console
    ("The chief got a PS1.2m bonus and a PS5 console.", [(1.2e6, "GBP")]),
    ("The offer is C $7 a share.", [(7, "CAD per share")]),
    ("It was fined 20 million Canadian dollars ($15 million).", [(20e6, "CAD"), (15e6, "USD")]),
])
def test_currencies(nlp: Language, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert units(nlp, sentence) == expected


@pytest.mark.integration
@pytest.mark.parametrize(("sentence", "expected"), [
    # one unit printed for a number and the figure it is joined to
    ("A ticket costs about 7 or $8 at the gate.", [(7, "USD"), (8, "USD")]),
    ("The town has spent 30 million of the 90 million rubles it was given.", [(30e6, "RUB"), (90e6, "RUB")]),
    # a level compared with the one before it in its sentence is measured alike, money and percentages too
    ("Turnout reached 61 per cent, up from 48 per cent and a record.", [(61, "%"), (48, "%")]),
    ("The jobless rate eased to 5.5% in May against 5.9 in April.", [(5.5, "%"), (5.9, "%")]),
    ("Grants came to $4 million, up from 3 million.", [(4e6, "USD"), (3e6, "USD")]),
    # a change beside a change
    ("Rice exports rose by 3 percent while maize exports fell by 2.", [(3, "%"), (2, "%")]),
    # but a level after a change is no percentage, and no start of a change is one either
    ("Sales rose 12% from 1,200 a year earlier.", [(12, "%"), (1200, None)]),
    # an implied unit keeps the rate printed after the bare number
    ("The clinic saw 40 patients on Monday and 35 a day since.", [(40, "patients"), (35, "patients per day")]),
    # a level before its change in points or in a counted noun
    ("The Corvane index closed at 5120.44, up 31.06 points.", [(5120.44, "points"), (31.06, "points")]),
    ("The Corvane index closed at 5120.44, up 1.2%.", [(5120.44, None), (1.2, "%")]),
    # a duration is no antecedent of a later bare number
    ("Some 5,100 workers had no job for one year, and 2,300 for two years or more.",
     [(5100, "workers"), (1, "year"), (2300, "workers"), (2, "years")]),
])
def test_implied_units(nlp: Language, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert units(nlp, sentence) == expected
