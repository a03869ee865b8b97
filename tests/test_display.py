"""What a person sees: the HTML view, the report, the notebook, and a real browser."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import release_nlp
from release_nlp.display import STYLE, highlighted_html, release_html, report_html
from release_nlp.schema import (
    Contact,
    DateMention,
    Figure,
    Mention,
    Organisation,
    Person,
    Place,
    Quote,
    Release,
    Section,
    Span,
)

from .conftest import DEV, EXAMPLES

SEED = DEV / "iom-lebanon-2024-12-18.txt"
TABLES = ("People", "Organisations", "Places", "Dates", "Figures", "Quotes", "Contacts")

# An invented release: menu furniture, a headline, a dateline, a quote with a person inside it, a figure in
# e-notation territory, a contact line, and a footer.
TEXT = ("Home\nNews\nDonate\n\n"
        "Flood-Hit Villages Get Water\n\n"
        "Tarnow, 3 May 2025 – The Harbour Trust said. \"Water is life,\" Director Mila Verk said, "
        "adding that EUR 2.5 million would reach 45,000 people in Ostria.\n\n"
        "Contact: press@harbour.example\n\n"
        "Privacy policy")


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def mention(part: str, nth: int = 0) -> Mention:
    s, e = at(TEXT, part, nth)
    return Mention(start=s, end=e, text=part)


def span(part: str) -> Span:
    s, e = at(TEXT, part)
    return Span(start=s, end=e)


def section(kind: str, first: str, last: str) -> Section:
    return Section(kind=kind, start=TEXT.index(first), end=TEXT.index(last) + len(last))  # type: ignore[arg-type]


def invented(text: str = TEXT, person: str = "Mila Verk") -> Release:
    return Release(
        title="Flood-Hit Villages Get Water", published=dt.date(2025, 5, 3), text=text,
        sections=[section("furniture", "Home", "Donate"), section("headline", "Flood-Hit", "Get Water"),
                  section("body", "Tarnow", "in Ostria."), section("contacts", "Contact:", "example"),
                  section("furniture", "Privacy", "policy")],
        people=[Person(name=person, titles=["Director"], organisation="Harbour Trust",
                       mentions=[mention("Mila Verk")])],
        organisations=[Organisation(name="Harbour Trust", mentions=[mention("The Harbour Trust")])],
        places=[Place(name="Tarnow", country_code="PL", kind="city", mentions=[mention("Tarnow")]),
                Place(name="Ostria", kind="region", mentions=[mention("Ostria")])],
        dates=[DateMention(text="3 May 2025", start=dt.date(2025, 5, 3), end=dt.date(2025, 5, 3), granularity="day",
                           span=span("3 May 2025"))],
        figures=[Figure(text="EUR 2.5 million", value=2_500_000.0, unit="EUR", category="money",
                        span=span("EUR 2.5 million")),
                 Figure(text="45,000 people", value=45_000.0, unit="people", category="people",
                        span=span("45,000 people"))],
        # The quote's span runs on past the speaker's name: the two marks cross.
        quotes=[Quote(text="Water is life,", speaker=person, span=span("Water is life,\" Director Mila"))],
        contacts=[Contact(email="press@harbour.example", span=span("press@harbour.example"))],
    )


def text_of(fragment: str) -> str:
    """The characters a browser shows in the text view: tags dropped, entities decoded."""
    inner = re.search(r'<div class="text">(.*?)</div>', fragment, re.S)
    assert inner is not None
    return html.unescape(re.sub(r"<[^>]+>", "", inner.group(1)))


def marks(fragment: str) -> list[tuple[str, str, str]]:
    """(kind, value read, marked text) of every mark: the text up to the next tag."""
    return [(k, html.unescape(v), html.unescape(t)) for k, v, t in re.findall(
        r'<mark class="rn-(\w+)" tabindex="0" title="([^"]*)" data-value="[^"]*">([^<]*)', fragment)]


class TestTextView:
    def test_keeps_the_release_characters_lines_and_paragraphs(self) -> None:
        fragment = highlighted_html(invented())
        assert text_of(fragment) == TEXT  # no space added before punctuation, no line lost
        assert "said." in text_of(fragment) and "Flood-Hit" in text_of(fragment)
        assert "white-space:pre-wrap" in STYLE

    def test_crossing_marks_stay_well_formed(self) -> None:
        fragment = highlighted_html(invented())
        depth = 0
        for tag in re.findall(r"</?(?:mark|span)\b", fragment):
            depth += -1 if tag.startswith("</") else 1
            assert depth >= 0
        assert depth == 0
        # The person's name is cut by the quote's end and reopened: both halves carry the person's value.
        assert [t for k, _, t in marks(fragment) if k == "person"] == ["Mila", " Verk"]

    def test_every_kind_is_marked_with_its_value_and_nothing_navigates(self) -> None:
        fragment = release_html(invented())
        found = {(k, v) for k, v, _ in marks(fragment)}
        kinds = {k for k, _ in found}
        assert kinds == {"person", "title", "org", "place", "date", "figure", "quote", "contact"}
        assert ("person", "Person: Mila Verk (Director; Harbour Trust)") in found
        assert ("title", "Title of Mila Verk") in found
        assert ("place", "Place: Tarnow, city, PL (Poland)") in found
        assert ("date", "Date: 2025-05-03 (day)") in found
        assert ("figure", "Figure: 2,500,000 EUR, money") in found
        assert ("quote", "Quote by Mila Verk") in found
        assert "<a " not in fragment and "href" not in fragment
        # The value also shows on keyboard focus, from data-value, not only in the native hover tooltip.
        assert "mark:focus::after{content:attr(data-value)" in STYLE

    def test_furniture_is_grey_smaller_and_not_bold(self) -> None:
        fragment = highlighted_html(invented())
        assert '<span class="rn-furniture ">Home\nNews\nDonate</span>' in fragment
        rule = re.search(r"\.text \.rn-furniture\{([^}]*)\}", STYLE)
        assert rule is not None
        assert "color:#8a8a8a" in rule.group(1) and "font-size:0.85em" in rule.group(1)
        assert "font-weight:normal" in rule.group(1)

    @settings(deadline=None)
    @given(st.text(alphabet="ab <>&\"'\n.", min_size=1, max_size=40), st.data())
    def test_any_overlap_of_marks_keeps_the_text_and_nests(self, text: str, data: st.DataObject) -> None:
        def spans(n: int) -> list[tuple[int, int]]:
            pairs = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=n))
            return [(min(a, b), max(a, b)) for a, b in pairs if a != b]

        release = Release(
            text=text,
            sections=[Section(kind="furniture", start=s, end=e) for s, e in spans(2)],
            people=[Person(name="P", mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in spans(3)])],
            quotes=[Quote(text="q", span=Span(start=s, end=e)) for s, e in spans(2)],
            figures=[Figure(text="f", value=1.0, span=Span(start=s, end=e)) for s, e in spans(2)])
        fragment = highlighted_html(release)
        assert text_of(fragment) == text
        opened: list[str] = []
        for closing, name in re.findall(r"<(/?)(mark|span)\b", fragment):
            if closing:
                assert opened.pop() == name
            else:
                opened.append(name)
        assert opened == []

    def test_a_long_run_of_furniture_is_set_in_columns(self) -> None:
        picker = "\n".join(f"Country {i}" for i in range(40))
        release = invented(TEXT + "\n\n" + picker)
        release = release.model_copy(update={"sections": [
            *release.sections, Section(kind="furniture", start=len(TEXT) + 2, end=len(TEXT) + 2 + len(picker))]})
        fragment = highlighted_html(release)
        assert '<span class="rn-furniture long">Country 0\n' in fragment
        assert text_of(fragment) == release.text

    def test_prints_in_colour(self) -> None:
        printed = STYLE[STYLE.index("@media print"):]
        assert "print-color-adjust:exact" in printed

    def test_without_text_says_so_and_still_shows_the_tables(self) -> None:
        fragment = release_html(invented().model_copy(update={"text": None}))
        assert "not kept" in fragment and fragment.count("<table>") == 7


class TestTablesAndSummary:
    def test_seven_tables_under_a_summary_line(self) -> None:
        fragment = release_html(invented())
        headings = re.findall(r"<h3>(\w+) <span", fragment)
        assert tuple(headings) == TABLES and fragment.count("<table>") == 7
        summary = re.search(r'<p class="summary">([^<]*)</p>', fragment)
        assert summary is not None
        assert html.unescape(summary.group(1)) == (
            "1 person · 1 organisation · 2 places · 1 date · 2 figures · 1 quote · 1 contact · "
            "published 2025-05-03 · language en")
        assert fragment.index('class="summary"') < fragment.index('<div class="text">') < fragment.index("<h3>")

    def test_figures_are_written_out_with_thousands_separators(self) -> None:
        fragment = release_html(invented())
        assert '<td class="num">2,500,000</td>' in fragment and '<td class="num">45,000</td>' in fragment
        assert not re.search(r"\de[+-]\d", fragment)

    def test_places_with_country_quotes_with_speaker_contacts(self) -> None:
        fragment = release_html(invented())
        assert "<td>Tarnow</td><td>PL (Poland)</td><td>city</td>" in fragment
        assert "<td>Mila Verk</td><td>Water is life,</td>" in fragment
        assert "<td>press@harbour.example</td>" in fragment

    def test_an_empty_table_says_none_found(self) -> None:
        fragment = release_html(invented().model_copy(update={"contacts": []}))
        assert '<h3>Contacts <span class="count">(0)</span></h3>' in fragment
        assert 'colspan="4">None found.</td>' in fragment


class TestHostileText:
    HOSTILE = '<script>alert(1)</script>" onmouseover="alert(2)'

    def test_names_and_text_are_escaped_everywhere(self) -> None:
        text = TEXT.replace("Privacy policy", "<img src=x onerror=alert(3)>")
        release = invented(text, person=self.HOSTILE).model_copy(update={"title": self.HOSTILE})
        page = report_html(release, title=self.HOSTILE)
        assert "<script" not in page and "<img" not in page and '" onmouseover=' not in page
        assert html.escape("<script>alert(1)</script>") in page
        assert text_of(release_html(release)) == text
        assert ("quote", f"Quote by {self.HOSTILE}") in {(k, v) for k, v, _ in marks(page)}

    def test_the_report_is_self_contained(self) -> None:
        page = report_html(invented(), title="x")
        assert page.startswith("<!DOCTYPE html>")
        assert not re.search(r"<(?:script|link|img|iframe)\b|url\(|@import|(?:src|href)=", page)


def test_the_release_notebook_view_is_the_report_fragment() -> None:
    release = invented()
    assert release._repr_html_() == release_html(release)


@pytest.mark.integration
def test_real_release_tables_are_typed_and_joined(nlp: Language) -> None:
    texts = [(EXAMPLES / "wfp-cyclone-response.txt").read_text(encoding="utf-8"),
             (EXAMPLES / "senator-statement.md").read_text(encoding="utf-8")]
    tables = release_nlp.to_dataframes(release_nlp.extract_many(texts, nlp=nlp), ids=["wfp", "senate"])
    assert list(tables["releases"]["release_id"]) == ["wfp", "senate"]
    assert set(tables["figures"]["release_id"]) == {"wfp", "senate"}
    assert str(tables["dates"]["date_start"].dtype) == "datetime64[ns]"
    assert tables["releases"].loc[0, "published"] == dt.datetime(2023, 3, 14)
    assert tables["people"].loc[0, "titles"].tolist() == ["Country Director"]


@pytest.mark.integration
@pytest.mark.corpus
def test_seed_report_marks_every_gold_item(nlp: Language) -> None:
    if not SEED.exists():
        pytest.skip("../shared/eval/dev is not present")
    gold = json.loads(SEED.with_name("iom-lebanon-2024-12-18.gold.json").read_text(encoding="utf-8"))["gold"]
    release = release_nlp.extract(SEED.read_text(encoding="utf-8"), nlp=nlp)
    fragment = release._repr_html_()
    assert text_of(fragment) == release.text
    found = marks(fragment)
    assert {k for k, _, _ in found} == {"person", "title", "org", "place", "date", "figure", "quote", "contact"}
    values = " | ".join(v for _, v, _ in found)
    for person in gold["people"]:
        assert f"Person: {person['name']}" in values
        for title in person["titles"]:
            assert f"Title of {person['name']}" in values, title
    for figure in gold["figures"]:
        assert f"Figure: {figure['value']:,.0f}" in values
    for date in gold["dates"]:
        if date["start"]:
            assert f"Date: {date['start']}" in values
    # The site's country picker is greyed: its last entry lies inside a furniture span.
    picker = fragment[fragment.rindex('<span class="rn-furniture'):]
    assert "Zimbabwe" in picker[:picker.index("</span>")]


@pytest.mark.integration
def test_render_command_keeps_the_page_as_written(tmp_path: Path) -> None:
    source = EXAMPLES / "ngo-web-page.txt"
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "release_nlp.cli", "render", str(source), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)=|url\(""", page)  # no network resources, no links
    shown = text_of(page)
    assert shown.strip() == source.read_text(encoding="utf-8").strip()
    assert shown.count("\n\n") >= 4 and not re.search(r" [.,;:]", shown)
    assert 'class="rn-furniture' in page and page.count("<table>") == 7
    assert not re.search(r"\de[+-]\d", page)


@pytest.mark.integration
def test_quickstart_notebook_runs_and_draws_its_charts(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbconvert", reason="the notebook extra is not installed")
    notebook = EXAMPLES / "quickstart.ipynb"
    assert all(not c.get("outputs") for c in nbformat.read(notebook, as_version=4).cells
               if c.cell_type == "code"), "commit it without outputs"
    # The command the README gives, run headless.
    result = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                             "--ExecutePreprocessor.timeout=600", "--output-dir", str(tmp_path), str(notebook)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    executed = nbformat.read(tmp_path / "quickstart.ipynb", as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("release-nlp" in o.get("data", {}).get("text/html", "") for o in outputs)
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 2  # figures by country, people by organisation


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _screenshot(browser: str, page: Path, shot: Path, profile: Path) -> None:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--force-color-profile=srgb", "--hide-scrollbars"]
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
                   capture_output=True, timeout=180)


@pytest.mark.integration
@pytest.mark.parametrize("source", [SEED, EXAMPLES / "ngo-web-page.txt"], ids=["seed", "ngo-web-page"])
def test_report_in_headless_chromium_is_not_blank(source: Path, tmp_path: Path, nlp: Language) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium on this machine (the test never installs one)")
    if not source.exists():
        pytest.skip(f"{source.name} is not present (../shared/eval/dev)")
    image = pytest.importorskip("PIL.Image")
    release = release_nlp.extract(source.read_text(encoding="utf-8"), nlp=nlp)
    page = tmp_path / "report.html"
    page.write_text(report_html(release, title=source.name), encoding="utf-8")
    shot = tmp_path / f"{source.stem}.png"
    _screenshot(browser, page, shot, tmp_path / "profile")
    assert shot.exists(), "chromium wrote no screenshot"
    pixels = image.open(shot).convert("RGB")
    colours = pixels.getcolors(maxcolors=1 << 20) or []
    white = sum(n for n, c in colours if c == (255, 255, 255))
    assert white < 0.97 * pixels.width * pixels.height  # something is drawn
    assert len(colours) > 50  # text and highlights, not one flat fill
    # The mark colours of the kinds the release has are on screen (mark backgrounds are flat fills).
    present = {c for _, c in colours}
    for colour in ("#fdd49e", "#dadaeb", "#fcbba1"):  # person, date, figure
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert rgb in present, colour
