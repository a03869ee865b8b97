"""Every spaCy factory of release_nlp, in one module, thin over the component code.

The factories are declared as `spacy_factories` entry points, so `spacy.load` of a saved
release_nlp pipeline finds them without a manual import.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from release_nlp.core.docindex import text_of
from release_nlp.nlp import extensions
from release_nlp.nlp.assemble import release_data
from release_nlp.nlp.recognition import EntitiesOutsideFurniture
from release_nlp.nlp.sentences import SentencesInParts
from release_nlp.nlp.tagging import TagWhereNeeded
from release_nlp.readers.datefinder import read_dates
from release_nlp.readers.entities import EntityReader
from release_nlp.readers.figures import read_figures
from release_nlp.readers.language import detect
from release_nlp.readers.structure import find_structure

extensions.register()


def is_english(doc: Doc) -> bool:
    """Our rules read English; on other languages only the language-neutral fields are extracted."""
    return bool((doc._.release_structure or {}).get("language", "en") == "en")


class StructureReader:
    """Marks sections (`doc.spans["sections"]`), headline, dateline and published date."""

    def __init__(self, name: str, line_breaks_end_sentences: bool) -> None:
        self.name = name
        self.line_breaks_end_sentences = line_breaks_end_sentences

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        found = find_structure(text_of(doc))
        dateline = None
        if found.dateline:
            dateline = dict(found.dateline)
            day = dateline.get("date")
            dateline["date"] = day.isoformat() if isinstance(day, dt.date) else None
        hints = doc._.release_hints or {}
        published = found.published.isoformat() if found.published else hints.get("published")
        doc._.release_structure = {
            "sections": [list(s) for s in found.sections],
            "title": list(found.title) if found.title else None,
            "dateline": dateline,
            "published": published,
            "language": detect(text_of(doc)),
        }
        spans = []
        for kind, start, end in found.sections:
            span = doc.char_span(start, end, label=kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["sections"] = spans
        if self.line_breaks_end_sentences:
            _break_sentences_at_lines(doc, found.title)
        return doc


def _break_sentences_at_lines(doc: Doc, title: tuple[int, int] | None) -> None:
    """A line break, or the end of a run-in headline, starts a sentence; the senter keeps these.

    Set through one array: `Token.is_sent_start = ...` checks the whole doc for a parse each time,
    which is quadratic on a release of thousands of lines.
    """
    # Candidates from the doc's array (a Token object per word costs more): a word after a space token.
    space = doc.to_array(IS_SPACE).astype(bool)
    after_space = numpy.flatnonzero(~space[1:] & space[:-1]) + 1
    starts = [i for i in after_space.tolist() if "\n" in doc[i - 1].text or "\u2028" in doc[i - 1].text]
    if title:
        span = doc.char_span(title[1], title[1], alignment_mode="expand")
        if span is not None and 0 < span.start < len(doc) and not doc[span.start].is_space:
            starts.append(span.start)
    if not starts:
        return
    values: Any = doc.to_array([SENT_START]).reshape((len(doc), 1))
    values[starts, 0] = 1
    doc.from_array([SENT_START], values)


@Language.factory(
    "release_structure",
    default_config={"line_breaks_end_sentences": True},
    assigns=["doc._.release_structure", "doc.spans"],
)
def make_structure(nlp: Language, name: str, line_breaks_end_sentences: bool) -> StructureReader:
    """Sections, headline, dateline and published date; runs before the statistical components."""
    return StructureReader(name, line_breaks_end_sentences)


@Language.factory(
    "release_senter",
    default_config={"senter": "senter"},
    assigns=["token.is_sent_start"],
    requires=["doc._.release_structure"],
)
def make_senter(nlp: Language, name: str, senter: str) -> SentencesInParts:
    """Sentence starts from the (disabled) statistical `senter`, in bounded parts on long releases."""
    return SentencesInParts(nlp, name, senter)


@Language.factory(
    "release_ner",
    default_config={"ner": "ner"},
    assigns=["doc.ents"],
    requires=["doc.spans"],
)
def make_ner(nlp: Language, name: str, ner: str) -> EntitiesOutsideFurniture:
    """Entities from the (disabled) statistical recogniser `ner`, outside page furniture."""
    return EntitiesOutsideFurniture(nlp, name, ner)


@Language.factory(
    "release_tagging",
    default_config={"tok2vec": "tok2vec", "tagger": "tagger"},
    assigns=["token.tag"],
    requires=["doc.ents", "doc.sents", "doc._.release_dates"],
)
def make_tagging(nlp: Language, name: str, tok2vec: str, tagger: str) -> TagWhereNeeded:
    """Tags from the (disabled) statistical `tok2vec` and `tagger`, only on the words whose tags our rules read."""
    return TagWhereNeeded(nlp, name, tok2vec, tagger)


@Language.factory(
    "release_entities",
    default_config={"issuer_affiliation": True},
    assigns=["doc._.release_entities"],
    requires=["doc.ents", "token.tag", "doc._.release_structure"],
)
def make_entities(nlp: Language, name: str, issuer_affiliation: bool) -> EntityReader:
    """People, organisations, places, quotes, contacts and officials.

    `issuer_affiliation`: a titled or quoted person with no stated affiliation speaks for the release's issuer.
    """
    return EntityReader(nlp, name, issuer_affiliation=issuer_affiliation)


class DateReader:
    """Date expressions resolved against the release's date (`doc._.release_dates`)."""

    def __init__(self, name: str, dateparser_fallback: bool) -> None:
        self.name = name
        self.dateparser_fallback = dateparser_fallback

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        english = is_english(doc)
        doc._.release_dates = read_dates(doc, self.dateparser_fallback) if english else ([], [])
        return doc


@Language.factory(
    "release_dates",
    default_config={"dateparser_fallback": True},
    assigns=["doc._.release_dates"],
    requires=["doc.ents"],
)
def make_dates(nlp: Language, name: str, dateparser_fallback: bool) -> DateReader:
    """Dates and durations; `dateparser_fallback` lets dateparser (strict) read shapes our rules do not."""
    return DateReader(name, dateparser_fallback)


class FigureReader:
    """Figures with value, qualifier, unit and category (`doc._.release_figures`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        entities = doc._.release_entities or {}
        dates, _ = doc._.release_dates or ([], [])
        terms = {t["short"]: t["long"] for t in entities.get("terms", [])}
        doc._.release_figures = read_figures(doc, entities.get("places", []), dates, terms) if is_english(doc) else []
        return doc


@Language.factory(
    "release_figures",
    assigns=["doc._.release_figures"],
    requires=["doc._.release_entities", "doc._.release_dates", "token.tag", "doc.sents"],
)
def make_figures(nlp: Language, name: str) -> FigureReader:
    """Figures."""
    return FigureReader(name)


class Assembler:
    """Builds the validated `Release` of a doc and stores it (`doc._.release`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        doc._.release_json = release_data(doc)
        return doc


@Language.factory("release_assembler", assigns=["doc._.release_json"])
def make_assembler(nlp: Language, name: str) -> Assembler:
    """The final component: fills `doc._.release`."""
    return Assembler(name)
