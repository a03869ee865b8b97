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
