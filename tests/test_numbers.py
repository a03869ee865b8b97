"""Numbers as releases print them."""

from __future__ import annotations

import pytest

from release_nlp.readers.numbers import is_vague, parse_number, vague_span

CASES = [
    ("900,000", 900000), ("900 000", 900000), ("1.2 million", 1.2e6), ("6.6bn", 6.6e9), ("3m", 3e6),
    ("15M", 15e6), ("2.5 billion", 2.5e9), ("45", 45), ("0.5", 0.5), ("two", 2), ("twenty-five", 25),
    ("twenty five", 25), ("one hundred and twenty", 120), ("half a million", 5e5), ("a dozen", 12),
    ("three million", 3e6), ("Sixteen", 16), ("hundreds", 100), ("tens of thousands", 1e4),
    ("millions", 1e6), ("dozens", 12), ("scores", 20), ("a million", 1e6), ("seven", 7),
]


@pytest.mark.parametrize(("text", "value"), CASES, ids=[c[0] for c in CASES])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


# "\U00010d40": a digit (Garay, Unicode 16) that `regex` matches as \d and this Python's float() cannot read.
@pytest.mark.parametrize("text", ["", "people", "DG", "1,2,3,4", "million people", "\U00010d40", "\U00010d41,000"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_vague_amounts() -> None:
    assert is_vague("tens of thousands")
    assert not is_vague("10,000")


@pytest.mark.parametrize(("text", "want"), [
    ("hundreds", (100, 1000)), ("Tens of thousands", (1e4, 1e5)), ("millions", (1e6, 1e7)),
    ("dozens", None), ("scores", None), ("300", None),
])
def test_vague_span_is_an_order_of_magnitude(text: str, want: tuple[float, float] | None) -> None:
    assert vague_span(text) == want
