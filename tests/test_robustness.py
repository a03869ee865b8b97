"""Bad input gets a typed error or a correct Release; no pattern backtracks catastrophically."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import pkgutil

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import release_nlp
from release_nlp import DecodeError, EmptyInput, InputTooLarge, ReleaseNLPError, UnsupportedFormat
from release_nlp.readers.dates import resolve
from release_nlp.readers.language import detect
from release_nlp.readers.numbers import parse_number

# CI runs a small profile; `HYPOTHESIS_PROFILE=long` runs 100,000 examples across these tests by hand.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=25_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

RELEASE = ("Agency Opens Clinic\n\nKampala, 2 May 2023 – The agency opened a clinic serving 20,000 people, "
           "its director Ann Okello said.\n")


class TestTypedErrors:
    def test_empty_and_blank(self, nlp) -> None:
        for text in ("", "   \n\t ", b"", b"   "):
            with pytest.raises(EmptyInput):
                release_nlp.extract(text, nlp=nlp)

    def test_binary_bytes(self, nlp) -> None:
        with pytest.raises(DecodeError, match="binary"):
            release_nlp.extract(bytes(range(256)) * 10, nlp=nlp)

    def test_windows_1252_bytes_are_decoded_and_recorded(self, nlp) -> None:
        data = RELEASE.replace("–", "\u2013").encode("cp1252") + "Le café coûte 3 €.".encode("cp1252")
        release = release_nlp.extract(data, nlp=nlp)
        assert release.encoding and release.encoding.startswith("cp125")
        assert release.dateline is not None and release.dateline.place == "Kampala"

    def test_utf16_with_bom(self, nlp) -> None:
        release = release_nlp.extract(RELEASE.encode("utf-16"), nlp=nlp)
        assert release.encoding == "utf-16" and release.title == "Agency Opens Clinic"

    def test_too_large(self, nlp) -> None:
        with pytest.raises(InputTooLarge, match="over the limit"):
            release_nlp.extract(RELEASE * 10, nlp=nlp, max_chars=100)

    def test_not_text(self, nlp) -> None:
        with pytest.raises(UnsupportedFormat):
            release_nlp.extract(12345, nlp=nlp)  # type: ignore[arg-type]
        with pytest.raises(UnsupportedFormat):
            release_nlp.extract(RELEASE, nlp=nlp, format="pdf")

    def test_broken_html(self, nlp) -> None:
        page = "<html><body><div><p>Kampala, 2 May 2023 – The agency opened a clinic serving 20,000 people" \
               " in the north of the country, its director Ann Okello said on Tuesday.<p><b>unclosed"
        release = release_nlp.extract(page, nlp=nlp)
        assert [f.value for f in release.figures] == [20000.0]
        with pytest.raises(EmptyInput):
            release_nlp.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>", nlp=nlp)

    def test_non_english_is_flagged_and_not_read_as_english(self, nlp) -> None:
        text = ("Le HCR ouvre une clinique\n\nGenève, 3 mars 2017 – Le Haut Commissaire des Nations Unies pour les "
                "réfugiés, Filippo Grandi, a annoncé que plus de 20 000 personnes ont été déplacées dans la région "
                "du Sahel. Pour plus d'informations, contactez presse@example.org.\n")
        release = release_nlp.extract(text, nlp=nlp)
        assert release.language == "fr"
        assert release.people == [] and release.figures == [] and release.places == []
        assert [c.email for c in release.contacts] == ["presse@example.org"]

    def test_language_guess(self) -> None:
        assert detect(RELEASE * 3) == "en"
        assert detect("Верховный комиссар ООН по делам беженцев сообщил сегодня о новых данных") == "ru"


def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    """Every compiled pattern of the package: module-level ones and those built from data."""
    import release_nlp as pkg
    from release_nlp.readers.dates import _rules
    from release_nlp.readers.figure_cues import cues

    found: list[tuple[str, regex.Pattern[str]]] = []
    for info in pkgutil.walk_packages(pkg.__path__, prefix="release_nlp."):
        if info.name in ("release_nlp.dask", "release_nlp.cli"):
            continue
        module = importlib.import_module(info.name)
        short = info.name.removeprefix("release_nlp.")
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                found.append((f"{short}.{name}", value))
    found += [("figures.pattern", cues().pattern), ("figures.qualifier_pattern", cues().qualifier_pattern)]
    found += [(f"dates.rule{i}", p) for i, (p, _) in enumerate(_rules())]
    return found


ADVERSARIAL = {
    "digits": "1" * 1_000_000,
    "commas": "1," * 100_000,
    "digit groups": "1,000 " * 100_000,
    "nested quotes": "“\"" * 200_000,
    "spaces": " " * 1_000_000,
    "letters": "a" * 1_000_000,
    "capitals": "Abc " * 250_000,
    "dashes": "- " * 500_000,
    "dots": "A. " * 300_000,
    "e-mail-like": "a@b." * 250_000,
}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_no_pattern_backtracks_catastrophically(kind: str) -> None:
    text = ADVERSARIAL[kind]
    patterns = _patterns()
    assert len(patterns) > 25
    for name, pattern in patterns:
        try:
            # The regex module's timeout turns a catastrophic pattern into a failure instead of a hang.
            for _ in pattern.finditer(text[:200_000], timeout=20):
                pass
        except TimeoutError:
            pytest.fail(f"{name} backtracks on {kind!r}")


def test_adversarial_release_still_extracts(nlp) -> None:
    text = RELEASE + "\n" + "“" * 5_000 + " 1," * 5_000 + "\n" + "9" * 20_000 + "\n"
    release = release_nlp.extract(text, nlp=nlp)
    assert release.title == "Agency Opens Clinic"


@given(st.text(max_size=400))
@example("\U00010d40")  # found by the long run: a digit newer than this Python's Unicode tables
def test_extract_never_raises_untyped(text: str) -> None:
    nlp = release_nlp.load.__wrapped__() if hasattr(release_nlp.load, "__wrapped__") else None
    try:
        release = release_nlp.extract(text, nlp=nlp)
    except ReleaseNLPError:
        return
    for fig in release.figures:
        assert text[fig.span.start:fig.span.end] == fig.text or release.text != text


PARAGRAPH = st.sampled_from([
    "The agency delivered aid to over 12,000 people on Tuesday.",
    "“We will stay as long as we are needed,” said Director General Jane Doe.",
    "Nairobi, 4 April 2022 – ", "Skip to main content", "Share this page via:", "Home\nNews\nAbout",
    "Some 1.2 million children remain out of school, UNICEF said.", "For more information, contact a@b.org",
    "Between 5 and 10 million dollars (USD 5-10m) were pledged in 2019–20.", "“", "”", "\u2028", "#", "(",
    "Sen. Maria Lopez (D-Ore.) said.", "the Minister of Health", "half a million", "17-18 December",
])


@given(st.lists(PARAGRAPH, min_size=1, max_size=12).map("\n\n".join))
def test_release_shaped_text(text: str) -> None:
    try:
        release = release_nlp.extract(text)
    except ReleaseNLPError:
        return
    assert all(0 <= f.span.start <= f.span.end <= len(text) for f in release.figures)
    assert all(0 <= d.span.start <= d.span.end <= len(text) for d in release.dates)


@given(st.integers(min_value=0, max_value=10**12))
def test_number_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.text(max_size=60))
def test_number_parser_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_date_round_trip(day: dt.date) -> None:
    for text in (f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}", day.isoformat()):
        result = resolve(text, None)
        assert result is not None and result.start == result.end == day


@given(st.text(max_size=80), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_date_resolver_never_raises(text: str, reference: dt.date) -> None:
    result = resolve(text, reference)
    assert result is None or result.start is None or result.end is None or result.start <= result.end


def test_long_runs_without_white_space_keep_the_text_exact(nlp) -> None:
    text = RELEASE + "“\"‘'" * 3000 + " and then " + "-" * 5000 + "\n"
    release = release_nlp.extract(text, nlp=nlp)
    assert release.text == text
    assert [f.value for f in release.figures] == [20000.0]
