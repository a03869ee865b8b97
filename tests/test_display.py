"""What a person sees: the HTML display, the tables, the report, the notebook, and a real browser."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import release_nlp

from .conftest import DEV, EXAMPLES

pytestmark = pytest.mark.integration
SEED = DEV / "iom-lebanon-2024-12-18.txt"


def marked(page: str) -> list[tuple[str, str]]:
    """(label, value) of every highlighted span in displaCy's span markup."""
    return re.findall(r'>\s*([A-Z]+)\s*<a [^>]*href="#">([^<]*)</a>', page)


def test_repr_html_escapes_untrusted_text(nlp: Language) -> None:
    text = ("Agency Warns of <script>alert(1)</script> Floods\n\nNairobi, 4 April 2022 – Director Jane Doe "
            "said <img src=x onerror=alert(2)> more than 5,000 people fled.\n")
    page = release_nlp.extract(text, nlp=nlp)._repr_html_()
    assert "<script>" not in page and "<img" not in page
    assert html.escape("<script>") in page


def test_tables_are_typed_and_joined(nlp: Language) -> None:
    import datetime as dt

    texts = [(EXAMPLES / "wfp-cyclone-response.txt").read_text(encoding="utf-8"),
             (EXAMPLES / "senator-statement.md").read_text(encoding="utf-8")]
    tables = release_nlp.to_dataframes(release_nlp.extract_many(texts, nlp=nlp), ids=["wfp", "senate"])
    assert set(tables) == {"releases", "people", "organisations", "places", "dates", "figures", "quotes"}
    assert list(tables["releases"]["release_id"]) == ["wfp", "senate"]
    assert set(tables["figures"]["release_id"]) == {"wfp", "senate"}
    assert str(tables["figures"]["value"].dtype) == "float64"
    assert isinstance(tables["dates"]["date_start"].dropna().iloc[0], dt.date)
    assert tables["releases"].loc[0, "published"] == dt.date(2023, 3, 14)
    assert tables["people"].loc[0, "titles"].tolist() == ["Country Director"]


@pytest.mark.corpus
def test_seed_report_highlights_every_gold_item(nlp: Language) -> None:
    if not SEED.exists():
        pytest.skip("../shared/eval/dev is not present")
    gold = json.loads(SEED.with_name("iom-lebanon-2024-12-18.gold.json").read_text(encoding="utf-8"))["gold"]
    release = release_nlp.extract(SEED.read_text(encoding="utf-8"), nlp=nlp)
    page = release._repr_html_()
    spans = marked(page)
    labels = {label for label, _ in spans}
    assert {"PERSON", "TITLE", "FIGURE", "DATE", "PLACE", "ORG", "QUOTE", "FURNITURE"} <= labels
    values = " | ".join(html.unescape(v) for _, v in spans)
    for person in gold["people"]:
        assert person["name"] in values
        for title in person["titles"]:
            assert f"title of {person['name']}" in values, title
    for figure in gold["figures"]:
        assert f"{figure['value']:g}" in values
    for date in gold["dates"]:
        if date["start"]:
            assert date["start"] in values
    # The country picker is shaded as furniture: its last entry lies inside a FURNITURE section.
    furniture = [s for s in release.sections if s.kind == "furniture"]
    zimbabwe = release.text.rindex("Zimbabwe")
    assert any(s.start <= zimbabwe < s.end for s in furniture)


def test_render_command_writes_a_self_contained_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "release_nlp.cli", "render",
                             str(EXAMPLES / "wfp-cyclone-response.txt"), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # no network resources
    assert "Antonella D&#x27;Aprile" in page or "Antonella D'Aprile" in page


def test_quickstart_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), "commit it without outputs"
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("text/html" in o.get("data", {}) for o in outputs)  # the release's rich display


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if shutil.which("apt-get"):
        env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=600, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], capture_output=True, timeout=900, env=env)
        return shutil.which("chromium")
    return None


def test_report_in_headless_chromium(tmp_path: Path, nlp: Language) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("Debian's chromium package is not installed and could not be installed here")
    from release_nlp.display import report_html

    source = SEED if SEED.exists() else EXAMPLES / "ngo-web-page.txt"
    release = release_nlp.extract(source.read_text(encoding="utf-8"), nlp=nlp)
    page = tmp_path / "report.html"
    page.write_text(report_html(release, title=source.name), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=180).stdout
    assert dom.count("href=\"#\"") >= len(release.people) + len(release.figures) + len(release.dates)
    for person in release.people:
        assert html.escape(person.name, quote=False) in dom
    shot = tmp_path / "report.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri()],
                   capture_output=True, timeout=180)
    assert shot.exists() and shot.stat().st_size > 10_000
