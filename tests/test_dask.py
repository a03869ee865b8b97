"""The Dask path on a real two-process LocalCluster: identical to extract_many."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import release_nlp

from .test_batch import release_text

pytestmark = pytest.mark.integration
dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


TEXTS = [release_text(i) for i in range(8)]


def test_bag_matches_extract_many(client, nlp) -> None:
    import dask.bag as db

    from release_nlp.dask import extract_bag

    got = extract_bag(db.from_sequence(TEXTS, npartitions=4)).compute()
    want = [r.model_dump(mode="json") for r in release_nlp.extract_many(TEXTS, nlp=nlp)]
    assert got == want
    # Both workers took part (each loaded the pipeline once).
    assert len(client.scheduler_info()["workers"]) == 2


def test_paths_bag(client, tmp_path: Path) -> None:
    import dask.bag as db

    from release_nlp.dask import extract_paths

    paths = []
    for i in range(4):
        p = tmp_path / f"r{i}.txt"
        p.write_text(TEXTS[i], encoding="utf-8")
        paths.append(str(p))
    got = extract_paths(db.from_sequence(paths, npartitions=2)).compute()
    assert [g["source"] for g in got] == paths
    assert [g["figures"][0]["value"] for g in got] == [1000.0, 1001.0, 1002.0, 1003.0]


def test_dataframe_column(client, nlp) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from release_nlp.dask import extract_dataframe

    frame = dd.from_pandas(pd.DataFrame({"body": TEXTS}), npartitions=3)
    result = extract_dataframe(frame, "body").compute()
    want = [r.model_dump(mode="json") for r in release_nlp.extract_many(TEXTS, nlp=nlp)]
    assert [json.loads(x) for x in result["release"]] == want
    assert list(result["title"]) == [w["title"] for w in want]


UNDATED = "Field Teams Reach Valley\n\nField teams of the Orrin Relief Society reached the valley today.\n"


def test_bag_takes_extract_manys_options(client) -> None:
    import dask.bag as db

    from release_nlp.dask import extract_bag

    items = [(UNDATED, {"published": "2024-06-03", "id": "a"}), ("", {"id": "b"}), (TEXTS[0], {"id": "c"})]
    got = extract_bag(db.from_sequence(items, npartitions=2), as_tuples=True, on_error="record").compute()
    assert [context["id"] for _, context in got] == ["a", "b", "c"]
    (first, _), (failed, _), (third, _) = got
    assert first["published"] == "2024-06-03"
    assert {d["text"]: d["start"] for d in first["dates"]}["today"] == "2024-06-03"
    assert failed["error"]["type"] == "EmptyInput"
    assert third["figures"][0]["value"] == 1000.0
    skipped = extract_bag(db.from_sequence([TEXTS[0], "", TEXTS[1]], npartitions=1), on_error="skip").compute()
    assert [r["figures"][0]["value"] for r in skipped] == [1000.0, 1001.0]


def test_dataframe_with_a_date_column_and_recorded_errors(client) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from release_nlp.dask import extract_dataframe

    frame = pd.DataFrame({"body": [UNDATED, "  ", TEXTS[1]], "day": ["2024-06-03", None, None]})
    result = extract_dataframe(dd.from_pandas(frame, npartitions=2), "body", published_column="day",
                               on_error="record").compute()
    published = list(result["published"])
    assert published[0] == "2024-06-03"  # from the column: the text states no date
    assert published[2] == "2023-03-02"  # the text's own dateline
    assert pd.isna(published[1])
    assert result["error"].isna().tolist() == [True, False, True]
    assert result["error"].iloc[1].startswith("EmptyInput")


def test_the_readme_example_runs() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    start = readme.index("import dask.bag as db")
    example = readme[start:readme.index("```", start)]
    out = subprocess.run([sys.executable, "-c", example], cwd=root, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines()[-1] == "EmptyInput {'id': 'empty'}"
    assert out.stdout.splitlines()[0].startswith("WFP Scales Up")
