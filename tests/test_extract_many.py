"""`extract_many` over (text, context) pairs, with failures recorded or skipped, on one and two processes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

import release_nlp
from release_nlp import Failure, Release

pytestmark = pytest.mark.integration

UNDATED = (
    "Field Teams Reach Flooded Valley\n\n"
    "Field teams of the Orrin Relief Society reached the flooded valley today, carrying supplies for "
    "{n:,} families.\n"
)
TEXTS = [UNDATED.format(n=n) for n in range(2_000, 2_005)]
DATES = ["2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06", "2024-06-07"]
PROCESSES = pytest.mark.parametrize("n_process", [1, 2], ids=["one process", "two processes"])


def _today(release: Release) -> dt.date | None:
    return {d.text: d.start for d in release.dates}.get("today")


@PROCESSES
def test_contexts_come_back_with_their_releases_and_set_the_issue_date(nlp: Language, n_process: int) -> None:
    pairs = enumerate(zip(TEXTS, DATES, strict=True))
    items = [(text, {"published": day, "id": f"doc-{i}"}) for i, (text, day) in pairs]
    results = list(release_nlp.extract_many(items, as_tuples=True, nlp=nlp, n_process=n_process, batch_size=2))
    assert [context["id"] for _, context in results] == [f"doc-{i}" for i in range(5)]
    assert [str(release.published) for release, _ in results] == DATES
    assert [str(_today(release)) for release, _ in results] == DATES
    assert [release.figures[0].value for release, _ in results] == [2000, 2001, 2002, 2003, 2004]


@PROCESSES
def test_any_context_passes_through_and_a_context_without_a_date_sets_none(nlp: Language, n_process: int) -> None:
    items = [(TEXTS[0], 7), (TEXTS[1], None), (TEXTS[2], {"source": "x"})]
    results = list(release_nlp.extract_many(items, as_tuples=True, nlp=nlp, n_process=n_process, batch_size=1))
    assert [c for _, c in results] == [7, None, {"source": "x"}]
    assert [r.published for r, _ in results] == [None, None, None]


@PROCESSES
def test_record_gives_one_result_per_input_in_order(nlp: Language, n_process: int) -> None:
    texts = [TEXTS[0], "", TEXTS[1], "   \n", TEXTS[2]]
    results = list(release_nlp.extract_many(texts, on_error="record", nlp=nlp, n_process=n_process, batch_size=2))
    assert len(results) == 5
    assert [type(r).__name__ for r in results] == ["Release", "Failure", "Release", "Failure", "Release"]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [(f.index, f.error_type) for f in failures] == [(1, "EmptyInput"), (3, "EmptyInput")]
    assert all(f.message for f in failures)
    assert [r.figures[0].value for r in results if isinstance(r, Release)] == [2000, 2001, 2002]


@PROCESSES
def test_skip_drops_failures_and_their_contexts(nlp: Language, n_process: int) -> None:
    items = [(TEXTS[0], "a"), ("", "b"), (TEXTS[1], {"published": "not a date"}), (TEXTS[2], "d")]
    results = list(release_nlp.extract_many(items, as_tuples=True, on_error="skip", nlp=nlp, n_process=n_process,
                                            batch_size=3))
    assert [c for _, c in results] == ["a", "d"]
    assert [r.figures[0].value for r, _ in results] == [2000, 2002]


def test_a_bad_date_in_a_context_is_recorded(nlp: Language) -> None:
    items = [(TEXTS[0], {"published": "someday"})]
    ((failure, context),) = release_nlp.extract_many(items, as_tuples=True, on_error="record", nlp=nlp)
    assert isinstance(failure, Failure) and failure.error_type == "InvalidDate"
    assert context == {"published": "someday"}


def test_raise_stops_at_the_first_failure(nlp: Language) -> None:
    stream = release_nlp.extract_many([TEXTS[0], "", TEXTS[1]], nlp=nlp, batch_size=1)
    assert isinstance(next(stream), Release)
    with pytest.raises(release_nlp.EmptyInput):
        next(stream)


def test_a_failing_component_is_isolated_to_its_text(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # An error inside the pipeline (not in preparing the input) fails the batch; the batch is rerun one text at a
    # time so the one at fault is recorded and the others still come back.
    assembler = nlp.get_pipe("release_assembler")
    original = type(assembler).__call__

    def fragile(self, doc):  # type: ignore[no-untyped-def]
        if "2,001" in doc.text:
            raise RuntimeError("component failed")
        return original(self, doc)

    monkeypatch.setattr(type(assembler), "__call__", fragile)
    results = list(release_nlp.extract_many(TEXTS[:3], on_error="record", nlp=nlp, batch_size=3))
    assert [type(r).__name__ for r in results] == ["Release", "Failure", "Release"]
    assert results[1] == Failure(index=1, error_type="RuntimeError", message="component failed")


def test_on_error_must_be_known(nlp: Language) -> None:
    with pytest.raises(ValueError, match="on_error"):
        list(release_nlp.extract_many(TEXTS, on_error="ignore", nlp=nlp))  # type: ignore[call-overload]


def test_diagnostics_go_to_logging(nlp: Language, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    with caplog.at_level(logging.INFO, logger="release_nlp"):
        release_nlp.load()
        list(release_nlp.extract_many(TEXTS[:2], nlp=nlp, n_process=2, batch_size=1))
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("release_nlp")]
    assert any(m.startswith("loaded the spaCy pipeline") for m in messages)
    assert "started 2 forked worker processes" in messages


def test_silent_by_default() -> None:
    import subprocess
    import sys

    script = "import release_nlp, sys; release_nlp.extract(sys.argv[1]); print('done')"
    out = subprocess.run([sys.executable, "-c", script, TEXTS[0]], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "done"
    assert out.stderr == ""


def test_long_texts_run_alone_and_the_rest_in_groups_of_bounded_length(blank: Language) -> None:
    from release_nlp.nlp import many

    seen: list[list[int]] = []
    real_pipe = blank.pipe

    def recording_pipe(texts: Any, batch_size: int = 1, **kwargs: Any) -> Any:
        texts = list(texts)
        seen.append([len(t) for t in texts])
        return real_pipe(texts, batch_size=batch_size, **kwargs)

    blank.pipe = recording_pipe  # type: ignore[method-assign]
    short, long = "a " * 500, "b " * (many.LONG_TEXT // 2 + 10)
    texts = [short] * 3 + [long] + [short] * (many.GROUP_CHARS // 1000 + 2)
    docs = list(many.pipe_in_groups(blank, texts))
    assert [d.text for d in docs] == texts  # every text, in order
    assert seen[0] == [1000] * 3 and seen[1] == [len(long)]  # the long one alone
    assert all(sum(group) <= many.GROUP_CHARS for group in seen if len(group) > 1)
    assert sum(len(group) for group in seen) == len(texts)
