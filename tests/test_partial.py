"""Statistical components run in parts: long texts are cut at sentence starts, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import release_nlp
from release_nlp.nlp import partial

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "wfp-cyclone-response.txt").read_text(encoding="utf-8")


def test_pieces_are_bounded_ordered_and_cut_at_sentence_starts(blank: Language,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(partial, "MAX_PART_TOKENS", 40)
    doc = blank("The team met today. " * 60)
    chosen = list(range(len(doc)))
    runs = partial.pieces(doc, chosen)
    assert [i for run in runs for i in run] == chosen
    assert all(len(run) <= 40 for run in runs)
    assert len(runs) > 5
    assert all(doc[run[0]].is_sent_start for run in runs)


def test_short_selections_are_one_piece(blank: Language) -> None:
    doc = blank("A short release.")
    assert partial.pieces(doc, [0, 1]) == [[0, 1]]


@pytest.mark.integration
def test_a_long_release_read_in_parts_keeps_its_entities(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    text = EXAMPLE + "\n" + EXAMPLE.split("\n\n", 1)[1]
    whole = release_nlp.extract(text, nlp=nlp)
    monkeypatch.setattr(partial, "MAX_PART_TOKENS", 120)
    assert len(nlp.make_doc(text)) > 3 * 120
    parts = release_nlp.extract(text, nlp=nlp)
    assert {p.name for p in parts.people} == {p.name for p in whole.people}
    assert {o.name for o in parts.organisations} == {o.name for o in whole.organisations}
    assert {p.name for p in parts.places} == {p.name for p in whole.places}
    assert [(f.text, f.unit) for f in parts.figures] == [(f.text, f.unit) for f in whole.figures]


def test_a_part_keeps_the_norms_and_sentence_starts_the_networks_read(blank: Language) -> None:
    # A doc made from words alone would lose the tokenizer's norms of abbreviations ("Ga." -> "Georgia"),
    # which the networks embed, and the line-break sentence starts that stop the recogniser's entities.
    doc = blank("SENATORS VISIT STORM ZONE\nSens. Ann Reyes, R-Ga., toured Savannah in Sept. with aid crews.")
    chosen = list(range(2, len(doc)))
    part = partial.part_of(doc, chosen)
    assert [t.text for t in part] == [doc[i].text for i in chosen]
    assert [t.norm_ for t in part] == [doc[i].norm_ for i in chosen]
    assert "Georgia" in [t.norm_ for t in part] and "September" in [t.norm_ for t in part]
    assert [t.is_sent_start for t in part][1:] == [doc[i].is_sent_start for i in chosen][1:]
    assert any(doc[i].is_sent_start for i in chosen[1:])
    assert part.text == doc[2:].text


def test_a_part_with_gaps_keeps_each_words_own_spacing_and_an_empty_part_is_empty(blank: Language) -> None:
    doc = blank("Relief teams reached Tete  and Sofala on Monday.")
    chosen = [0, 3, 4, 6, 9]  # "Relief", "Tete", " ", "Sofala", "."
    part = partial.part_of(doc, chosen)
    assert [(t.text, t.whitespace_) for t in part] == [(doc[i].text, doc[i].whitespace_) for i in chosen]
    assert len(partial.part_of(doc, [])) == 0
