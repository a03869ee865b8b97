"""Titles the trained recogniser marks, given to people the rules found no title for."""

from __future__ import annotations

from spacy.language import Language

from release_nlp.readers.model_titles import add_model_titles
from release_nlp.readers.people import PersonRecord


def _person(doc: object, name: str) -> PersonRecord:
    text = doc.text  # type: ignore[attr-defined]
    start = text.index(name)
    return PersonRecord(name, mentions=[(name, start, start + len(name))])


def _with_ents(blank: Language, text: str, marks: list[tuple[str, str]]) -> object:
    doc = blank(text)
    spans = []
    for words, label in marks:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


def test_a_title_before_the_name_through_honorifics(blank: Language) -> None:
    doc = _with_ents(blank, "Commodore Dr. Jane Roe inspected the harbour at Port Vell.",
                     [("Commodore", "TITLE"), ("Jane Roe", "PERSON")])
    person = _person(doc, "Jane Roe")
    add_model_titles(doc, [person], list(doc.ents))  # type: ignore[attr-defined]
    assert person.titles == ["Commodore"]


def test_a_title_in_apposition_after_the_name(blank: Language) -> None:
    doc = _with_ents(blank, "Ravi Menon, the civil affairs team leader, said the canal would open.",
                     [("Ravi Menon", "PERSON"), ("civil affairs team leader", "TITLE")])
    person = _person(doc, "Ravi Menon")
    add_model_titles(doc, [person], list(doc.ents))  # type: ignore[attr-defined]
    assert person.titles == ["civil affairs team leader"]


def test_a_title_elsewhere_in_the_sentence_or_beside_a_titled_person_is_not_taken(blank: Language) -> None:
    doc = _with_ents(blank, "Ravi Menon met the Reeve of Ostby and Director Ana Lind on Friday.",
                     [("Ravi Menon", "PERSON"), ("Reeve", "TITLE"), ("Director", "TITLE"), ("Ana Lind", "PERSON")])
    menon, lind = _person(doc, "Ravi Menon"), _person(doc, "Ana Lind")
    lind.titles = ["Director of Programmes"]
    add_model_titles(doc, [menon, lind], list(doc.ents))  # type: ignore[attr-defined]
    assert menon.titles == [] and lind.titles == ["Director of Programmes"]


def test_a_name_the_recogniser_took_into_a_title_is_a_person(blank: Language) -> None:
    from release_nlp.readers.model_titles import names_out_of_titles

    text = ("A bill by Sens. Mara Lind and Joe Tabb passed; Head of Office Ruth K. Amani and the Minister of "
            "Foreign Affairs Owen Pike spoke, as did the Minister of Foreign Affairs.")
    doc = _with_ents(blank, text, [("Sens. Mara Lind", "TITLE"), ("Head of Office Ruth K. Amani", "TITLE"),
                                   ("Minister of Foreign Affairs Owen Pike", "TITLE"),
                                   ("Minister of Foreign Affairs.", "TITLE")])
    ents = names_out_of_titles(doc, tuple(doc.ents))  # type: ignore[attr-defined]
    assert [(e.text, e.label_) for e in ents] == [
        ("Sens.", "TITLE"), ("Mara Lind", "PERSON"), ("Head of Office", "TITLE"), ("Ruth K. Amani", "PERSON"),
        ("Minister of Foreign Affairs", "TITLE"), ("Owen Pike", "PERSON"), ("Minister of Foreign Affairs.", "TITLE")]


def test_an_office_with_no_name_beside_it_is_an_unnamed_official(blank: Language) -> None:
    from release_nlp.readers.entities import _unnamed_offices

    text = ("The team met the Minister of Water and Sanitation. Minister of Roads Dr. Ana Ruiz, Ivo Marek, the "
            "Minister of Trade, and the Director of Ports, Li Wen, spoke. The Governor said so. We thank the "
            "Member States for their support.")
    doc = _with_ents(blank, text, [("Minister of Water and Sanitation", "TITLE"), ("Minister of Roads", "TITLE"),
                                   ("Ana Ruiz", "PERSON"), ("Ivo Marek", "PERSON"), ("Minister of Trade", "TITLE"),
                                   ("Director of Ports", "TITLE"), ("Li Wen", "PERSON"), ("Governor", "TITLE"),
                                   ("Member States for their support", "TITLE")])
    offices = _unnamed_offices(doc, list(doc.ents))  # type: ignore[attr-defined]
    assert [t for t, _, _ in offices] == ["Minister of Water and Sanitation"]


def test_a_hometown_tagged_into_a_name_is_cut_off(blank: Language) -> None:
    from release_nlp.readers.model_titles import names_without_hometowns

    text = "Khadija Amin of Sarband said so, as did Kofi of Tamale and Ana Ruiz of the city council."
    doc = _with_ents(blank, text, [("Khadija Amin of Sarband", "PERSON"), ("Kofi of Tamale", "PERSON"),
                                   ("Ana Ruiz of the city council", "PERSON")])
    names = names_without_hometowns(doc, tuple(doc.ents))  # type: ignore[attr-defined]
    assert [e.text for e in names] == ["Khadija Amin", "Kofi of Tamale", "Ana Ruiz of the city council"]


def test_a_title_span_without_a_word_is_no_title(blank: Language) -> None:
    doc = _with_ents(blank, "Media contact: Ana Ruiz, +1-555-010-2233, ana@example.org",
                     [("Ana Ruiz", "PERSON"), ("+1-555-010-2233", "TITLE")])
    person = _person(doc, "Ana Ruiz")
    add_model_titles(doc, [person], list(doc.ents))  # type: ignore[attr-defined]
    assert person.titles == []
