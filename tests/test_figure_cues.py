"""The figure finder tried only near words that can carry a figure finds exactly what trying every character finds."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.language import Language

from release_nlp.readers.figure_cues import cues, find_cues

SENTENCES = [
    "The agency reached 900,000 people in 12 districts.",
    "Prices rose between US $ 5 and 6 a litre, from -3% to +4.5% in a week.",
    "Some 2 500 families, a dozen schools and half a million litres of water were counted.",
    "Rainfall was .5 mm on Monday; the minus-5 reading came later.",
    "Donors pledged USD5 million, NZ $ 20m and U.S.$3bn; the cost was put at 4 hundred million.",
    "Dozens of homes and hundreds of thousands of people were hit; seventy-two were hurt.",
    "It often rained; someone said none of the phones worked.",
    "Turnout reached 45 per cent, up from forty percent, between 2019 and 2021.",
    "Twenty-five classrooms, 3km of road, 1.2bn euros and 80 m.p.h. winds.",
    "",
]


def _finditer(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in cues().pattern.finditer(text, start, end)]


@pytest.fixture(scope="module")
def tokenizer() -> Language:
    return spacy.blank("en")


@pytest.mark.parametrize("text", SENTENCES)
def test_each_sentence_gives_the_matches_of_a_full_scan(tokenizer: Language, text: str) -> None:
    doc = tokenizer(text)
    assert [m.span() for m in find_cues(doc, text, [(0, len(text))])] == _finditer(text, 0, len(text))


def test_figures_are_found_and_words_merely_containing_a_number_word_give_none(tokenizer: Language) -> None:
    text = SENTENCES[0] + " " + SENTENCES[6]
    found = [m.group().strip() for m in find_cues(tokenizer(text), text, [(0, len(text))])]
    assert found == ["900,000", "12"]


def test_regions_cut_the_scan_as_they_cut_a_full_scan(tokenizer: Language) -> None:
    text = " ".join(SENTENCES)
    regions = [(0, 40), (60, 61), (75, 230), (250, len(text))]
    expected = [span for start, end in regions for span in _finditer(text, start, end)]
    assert [m.span() for m in find_cues(tokenizer(text), text, regions)] == expected


def test_random_mixtures_of_figures_and_words_give_the_matches_of_a_full_scan(tokenizer: Language) -> None:
    pieces = ["between", "from", "to", "and", "US $", "USD", "€", "-", "+", "a", "half", "dozen", "million",
              "12", "3.5", ".5", "2 500", "4,000", "%", "per cent", "bn", "m", "km", "often", "seventy", "-two",
              "people", "(", ")", ",", ".", "\n", "minus-", "5", "hundreds of", "thousands", "tonnes", "score"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "  "]) for _ in range(rng.randint(1, 25)))
        found = [m.span() for m in find_cues(tokenizer(text), text, [(0, len(text))])]
        assert found == _finditer(text, 0, len(text)), text
