"""Sections, headline and dateline read from line shape (no statistical model)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from release_nlp.readers.structure import find_structure

BODY = "The agency said the programme would reach families in three districts before the rainy season."


def headline_of(text: str) -> str | None:
    found = find_structure(text)
    return text[found.title[0]:found.title[1]] if found.title else None


DATELINES = [
    ("Beirut, 18 December 2024 – ", "Beirut", dt.date(2024, 12, 18)),
    ("Juba – ", "Juba", None),
    ("GENEVA (3 March 2017) – ", "Geneva", dt.date(2017, 3, 3)),
    ("KABUL, Afghanistan (May 28, 2011) – ", "Kabul", dt.date(2011, 5, 28)),
    ("WASHINGTON, D.C. – ", "Washington, D.C.", None),
    ("NEW YORK, March 3, 2023 /PRNewswire/ -- ", "New York", dt.date(2023, 3, 3)),
    ("Monday, November 27 – ", None, None),
    ("Geneva/Damascus (ICRC) – ", "Geneva/Damascus", None),
    ("NAIROBI, 4 April 2022 — ", "Nairobi", dt.date(2022, 4, 4)),
]


@pytest.mark.parametrize(("opening", "place", "date"), DATELINES, ids=[d[0].strip() for d in DATELINES])
def test_dateline_forms(opening: str, place: str | None, date: dt.date | None) -> None:
    text = f"Aid Agency Opens New Office in the Region\n\n{opening}{BODY}\n"
    found = find_structure(text)
    assert found.dateline is not None
    assert found.dateline["place"] == place
    assert found.dateline["date"] == date
    assert found.published == date


def test_dateline_after_for_immediate_release() -> None:
    text = ("Joint Command Morning Update May 28, 2011\n\nJoint Command - Afghanistan\u20282011-05-S-104\u2028"
            "For Immediate Release\u2028\u2028KABUL, Afghanistan (May 28, 2011)\u2028A combined force detained two "
            "suspects in the district yesterday.")
    found = find_structure(text)
    assert found.dateline is not None
    assert found.dateline["place"] == "Kabul"
    assert found.published == dt.date(2011, 5, 28)


@pytest.mark.parametrize("header", ["Date: Thursday, November 16, 2017", "16 November 2017",
                                    "**16 November 2017**"])
def test_header_date_line(header: str) -> None:
    text = f"A Message for the International Day\n\n{header}\n\n{BODY}"
    found = find_structure(text)
    assert found.published == dt.date(2017, 11, 16)
    assert found.dateline is None


def test_no_dateline() -> None:
    text = f"Agency Welcomes New Funding\n\n{BODY}\n\n{BODY}"
    found = find_structure(text)
    assert found.dateline is None and found.published is None
    assert headline_of(text) == "Agency Welcomes New Funding"


def test_headline_after_page_furniture() -> None:
    text = "Skip to main content\nNews - \nLocal\n\nMinister Opens Flood Shelter in Northern Town\n\n" + BODY
    assert headline_of(text) == "Minister Opens Flood Shelter in Northern Town"
    kinds = [s[0] for s in find_structure(text).sections]
    assert kinds[0] == "furniture" and "headline" in kinds


@pytest.mark.parametrize(("line", "headline"), [
    ("Donors pledge USD 24 million to rebuild schools in the Caribbean The European Investment Bank and "
     "partners have agreed a package to rebuild schools damaged by recent storms in the region.",
     "Donors pledge USD 24 million to rebuild schools in the Caribbean"),
    ("Children at risk as floods spread: donors meeting must act now Monday, November 27 – With thousands "
     "of children affected by the floods, donors must step up.",
     "Children at risk as floods spread: donors meeting must act now"),
    ("Canada's support to refugees in Uganda Backgrounder", "Canada's support to refugees in Uganda"),
    ("Media advisory: Relief Chief to launch the annual appeal WHO: The Relief Chief, with partners WHAT: "
     "Launch of the appeal", "Media advisory: Relief Chief to launch the annual appeal"),
])
def test_headline_run_into_body(line: str, headline: str) -> None:
    assert headline_of(line + "\n\nMore text follows here in a second paragraph.") == headline


def test_country_picker_is_furniture() -> None:
    countries = "\n".join(["Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Austria"])
    text = f"Agency Chief Visits Capital\n\n{BODY}\n\nShare this page via:\n\nRegions\nOffice type\n{countries}"
    found = find_structure(text)
    start = text.index("Afghanistan")
    assert found.kind_at(start) == "furniture"
    assert found.kind_at(text.index("The agency")) == "body"


def test_link_list_in_middle_is_furniture() -> None:
    menu = "\n".join(["Home", "About us", "Where we work", "Our programmes", "News", "Donate"])
    text = f"{menu}\n\nAgency Chief Visits Capital\n\n{BODY}"
    found = find_structure(text)
    assert found.kind_at(text.index("Where we work")) == "furniture"
    assert headline_of(text) == "Agency Chief Visits Capital"


def test_notes_and_contact_sections() -> None:
    text = (f"Agency Chief Visits Capital\n\n{BODY}\n\nNote to Editors\n\nThe agency has worked in the country "
            "since 2006.\n\nFor more information, please contact:\n\nIn Lebanon: press@example.org\n")
    found = find_structure(text)
    assert found.kind_at(text.index("The agency has")) == "notes"
    assert found.kind_at(text.index("In Lebanon")) == "contacts"


def test_section_spans_on_a_blank_pipeline(blank: Language) -> None:
    text = f"Skip to main content\n\nAgency Chief Visits Capital\n\nJuba – {BODY}"
    doc = blank(text)
    labels = [span.label_ for span in doc.spans["sections"]]
    assert labels[:2] == ["furniture", "headline"]
    assert {"dateline", "body"} <= set(labels)
    assert doc._.release_structure["dateline"]["place"] == "Juba"
    # Line breaks start sentences, so the headline never runs into the body's first sentence.
    headline_end = text.index("\n\nJuba")
    assert any(s.start_char >= headline_end for s in doc.sents)


def test_empty_text_has_no_structure() -> None:
    found = find_structure("")
    assert found.sections == [] and found.title is None


def test_yearless_dateline_takes_the_year_of_the_reference_code() -> None:
    text = ("2012-06-S-026\nFor Immediate Release\n\nKABUL, Afghanistan (June 14) — An Afghan-led force detained "
            "two suspects in the district today.\n")
    found = find_structure(text)
    assert found.title is None
    assert found.dateline is not None and found.published == dt.date(2012, 6, 14)


def test_a_headline_ending_in_a_date_is_no_dateline() -> None:
    text = f"Joint Command Morning Update May 28, 2011\n\n{BODY}"
    assert headline_of(text) == "Joint Command Morning Update May 28, 2011"


def test_a_hyphenated_headline_word_is_no_dateline_dash() -> None:
    text = f"Clean Water Reaches Flood-Hit Villages in the South\n\n{BODY}"
    assert headline_of(text) == "Clean Water Reaches Flood-Hit Villages in the South"
    assert find_structure(text).dateline is None
