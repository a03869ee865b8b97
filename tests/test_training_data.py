"""The recogniser's training data: provenance, licences, reserved releases, offsets, and the shipped weights."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "models" / "training"


def _module(name: str) -> ModuleType:
    sys.path.insert(0, str(TRAINING))
    try:
        spec = importlib.util.spec_from_file_location(f"training_{name}", TRAINING / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(TRAINING))


data = _module("data")
inline = _module("inline")


def test_inline_marks_round_trip_to_offsets() -> None:
    marked = "Said [[Amina Farah|PERSON]], [[Acting Country Director|TITLE]] of [[Relief Partners|ORG]] in [[Gao|GPE]]."
    plain, spans = inline.read(marked)
    assert plain == "Said Amina Farah, Acting Country Director of Relief Partners in Gao."
    assert [plain[s:e] for s, e, _ in spans] == ["Amina Farah", "Acting Country Director", "Relief Partners", "Gao"]
    assert inline.show(plain, spans) == marked


def test_every_training_document_is_listed_with_source_licence_and_split() -> None:
    docs = data.documents()
    assert len(docs) >= 40
    with data.PROVENANCE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [d.id for d in docs]
    for row, doc in zip(rows, docs, strict=True):
        assert row["source"] in data.ALLOWED_SOURCES and row["licence"] and row["annotation"]
        assert row["split"] == doc.split
    splits = [d.split for d in docs]
    assert 0.1 < splits.count("test") / len(splits) < 0.35


def test_no_reserved_or_unlicensed_release_is_trained_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not data.reserved():
        pytest.skip("../shared/eval/reserved.txt is not here")
    assert not {d.id.split("/", 1)[1] for d in data.documents()} & data.reserved()
    reserved_name = sorted(name for name in data.reserved() if name.startswith("senate"))[0]
    bad = tmp_path / "bad.jsonl"
    for record in (f'{{"id": "senate/{reserved_name}", "source": "senate", "spans": []}}',
                   '{"id": "reliefweb/x", "source": "reliefweb", "spans": []}'):
        bad.write_text(record + "\n", encoding="utf-8")
        monkeypatch.setattr(data, "ANNOTATIONS", tmp_path)
        with pytest.raises(ValueError, match=r"reserved|may not be trained on"):
            data.documents()


def test_written_texts_are_ours_and_spans_fit_them() -> None:
    for doc in data.documents():
        if doc.source != "written":
            continue
        text = doc.text()
        previous_end = 0
        for start, end, label in sorted(doc.spans):
            assert start >= previous_end, f"{doc.id}: overlapping spans at {start}"
            assert end <= len(text) and text[start:end].strip() == text[start:end], f"{doc.id}: {label} span {start}"
            previous_end = end


def test_corpus_spans_fit_their_texts() -> None:
    docs = [d for d in data.documents() if d.source != "written"]
    if not docs or not docs[0].path.exists():
        pytest.skip("../shared/corpus is not here")
    for doc in docs:
        text = doc.text()
        assert all(0 <= s < e <= len(text) and text[s:e].strip() == text[s:e] for s, e, _ in doc.spans), doc.id


def test_trained_weights_are_shipped_with_the_title_label() -> None:
    weights = ROOT / "models" / "ner"
    assert (weights / "model").is_file() and (weights / "moves").is_file()
    assert (weights / "model").stat().st_size < 12_000_000
    assert b"TITLE" in (weights / "moves").read_bytes()


@pytest.mark.integration
def test_load_runs_the_trained_recogniser_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import release_nlp
    from release_nlp.nlp.pipeline import TRAINED_NER_ENV

    monkeypatch.delenv("RELEASE_NLP_MODEL", raising=False)
    monkeypatch.delenv(TRAINED_NER_ENV, raising=False)
    nlp = release_nlp.load()
    assert "TITLE" in nlp.get_pipe("ner").labels  # type: ignore[attr-defined]
    doc = nlp("NAIROBI, 3 March 2025 – Lt. Col. Kofi Mensah, the deputy regional director, visited Garissa.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kofi Mensah") == "PERSON"
    assert any(e.label_ == "TITLE" and e.text.endswith("Col.") for e in doc.ents)  # the rank before the name
    release = doc._.release
    assert [p.titles for p in release.people if p.name == "Kofi Mensah"] != [[]]
    monkeypatch.setenv(TRAINED_NER_ENV, "0")  # en_core_web_sm's own recogniser, when asked
    assert "TITLE" not in release_nlp.load().get_pipe("ner").labels  # type: ignore[attr-defined]


def test_the_environment_chooses_the_recogniser_weights(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from release_nlp.errors import ModelNotInstalled
    from release_nlp.nlp.pipeline import TRAINED_NER_ENV, trained_weights

    monkeypatch.delenv(TRAINED_NER_ENV, raising=False)
    assert trained_weights({"use_trained_ner": False}) is None
    shipped = trained_weights({"use_trained_ner": True, "trained_ner": "ner"})
    assert shipped is not None and (shipped / "moves").is_file()
    monkeypatch.setenv(TRAINED_NER_ENV, "0")
    assert trained_weights({"use_trained_ner": True, "trained_ner": "ner"}) is None
    monkeypatch.setenv(TRAINED_NER_ENV, "1")
    assert trained_weights({"use_trained_ner": False, "trained_ner": "ner"}) == shipped
    monkeypatch.setenv(TRAINED_NER_ENV, str(tmp_path))
    assert trained_weights({"use_trained_ner": False}) == tmp_path
    monkeypatch.setenv(TRAINED_NER_ENV, str(tmp_path / "absent"))
    with pytest.raises(ModelNotInstalled, match="names no folder"):
        trained_weights({"use_trained_ner": False})
