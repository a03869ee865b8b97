"""Every way into the pipeline reads the same: `nlp(text)`, `nlp.pipe`, `extract`, and a saved pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import release_nlp
from release_nlp.nlp.tokenizer import PreparingTokenizer

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]

PLAIN = (
    "Harbour Trust Opens Clinic\n\n"
    "Port Elsey, 3 May 2024 – The Harbour Trust opened a clinic for more than 3,000 families today.\n\n"
    "“This is a good day for the coast,” said Mara Quint, Director of the Harbour Trust.\n"
)
MARKDOWN = (
    "# Harbour Trust Opens Clinic\n\n"
    "**Port Elsey, 3 May 2024** – The [Harbour Trust](https://trust.example.org/about-us) opened a clinic "
    "for _more than 3,000 families_ today.\n\n"
    "“This is a good day for the coast,” said Mara Quint, Director of the Harbour Trust.\n"
)
HTML = (
    "<!DOCTYPE html><html><head><title>Site menu | Harbour Trust</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
    "<article><h1>Harbour Trust Opens Clinic</h1>"
    "<p>Port Elsey, 3 May 2024 – The Harbour Trust opened a clinic for more than 3,000 families today.</p>"
    "<p>“This is a good day for the coast,” said Mara Quint, Director of the Harbour Trust.</p>"
    "</article><footer><p>Privacy policy</p></footer></body></html>"
)
# A run of quotation marks: spaCy's own tokenizer strips them one regex search at a time (quadratic).
QUOTES = "Harbour Trust Statement\n\n" + "\u201c" * 20_000 + "\n"


@pytest.mark.parametrize("text", [PLAIN, MARKDOWN, HTML], ids=["plain", "markdown", "html"])
def test_nlp_and_pipe_give_what_extract_gives(nlp: Language, text: str) -> None:
    expected = release_nlp.extract(text, nlp=nlp)
    assert nlp(text)._.release == expected
    assert [d._.release for d in nlp.pipe([text, text])] == [expected, expected]


def test_markdown_link_targets_and_html_markup_stay_out(nlp: Language) -> None:
    md = nlp(MARKDOWN)._.release
    assert md.title == "Harbour Trust Opens Clinic"
    assert not any("http" in o.name or "about-us" in o.name for o in md.organisations)
    page = nlp(HTML)._.release
    assert page.title == "Harbour Trust Opens Clinic"
    assert page.text is not None and "<" not in page.text and "Privacy policy" not in page.text


def test_the_pipeline_tokenizer_prepares_input_and_the_limit_is_ours(nlp: Language) -> None:
    assert isinstance(nlp.tokenizer, PreparingTokenizer)
    assert nlp.max_length > release_nlp.io.prepare.MAX_CHARS
    with pytest.raises(release_nlp.EmptyInput):
        nlp("   \n")


@pytest.fixture(scope="module")
def saved(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    nlp.to_disk(path)
    return path


def _ops(pipeline: Language, name: str) -> set[tuple[str, bool | None]]:
    return {(type(n.ops).__name__, getattr(n.ops, "use_blis", None)) for n in pipeline.get_pipe(name).model.walk()}


def test_spacy_load_keeps_every_protection(nlp: Language, saved: Path) -> None:
    loaded = spacy.load(saved)
    assert isinstance(loaded.tokenizer, PreparingTokenizer)
    assert loaded.tokenizer.guarded.max_run == nlp.tokenizer.guarded.max_run
    assert loaded.max_length == nlp.max_length
    for name in ("tok2vec", "tagger", "ner", "senter"):
        assert _ops(loaded, name) == _ops(nlp, name) == {("NumpyOps", False)}
    assert loaded.pipe_names == nlp.pipe_names
    for text in (PLAIN, MARKDOWN, HTML):
        assert loaded(text)._.release == release_nlp.extract(text, nlp=nlp)


def test_the_saved_pipeline_is_as_fast_on_pathological_input(nlp: Language, saved: Path) -> None:
    loaded = spacy.load(saved)

    expected = release_nlp.extract(QUOTES, nlp=nlp)

    def seconds(pipeline: Language) -> float:
        started = time.perf_counter()
        assert pipeline(QUOTES)._.release == expected
        return time.perf_counter() - started

    seconds(nlp)  # warm both up once
    seconds(loaded)
    # Unguarded, the round trip took 100 times as long; ratios, not seconds, so a busy machine cannot fail this.
    assert seconds(loaded) < 3 * seconds(nlp) + 0.5


def test_spacy_load_needs_no_import_of_release_nlp(saved: Path, tmp_path: Path) -> None:
    # The entry points pyproject.toml declares, as an install writes them: a saved pipeline names our tokenizer
    # and BLAS callback, and spaCy finds them through these (an older install in the venv may lack them).
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = tmp_path / f"release_nlp-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: release_nlp\nVersion: {project['version']}\n")
    groups = [f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in points.items())
              for group, points in project["entry-points"].items()]
    (info / "entry_points.txt").write_text("\n".join(groups))
    script = (
        "import sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "print(type(nlp.tokenizer).__name__, nlp(sys.argv[2])._.release.people[0].name)\n"
    )
    paths = [str(tmp_path), str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    out = subprocess.run([sys.executable, "-c", script, str(saved), MARKDOWN], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.split() == ["PreparingTokenizer", "Mara", "Quint"]
