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


# Issue 15, structure classes: what runs into a headline, what is no headline, datelines and issue dates.

@pytest.mark.parametrize(("line", "headline"), [
    ("Relief flights resume to the northern valleys [EN/FR]", "Relief flights resume to the northern valleys"),
    ("Council Extends Observer Mission in Dorvale for One Year DSG/SM/2208-ENV/DEV/117",
     "Council Extends Observer Mission in Dorvale for One Year"),
    ("Council Statement Backs Mediation in Dorvale (S/PRST/2019/4)", "Council Statement Backs Mediation in Dorvale"),
    ("Floods cut road to Dorvale district For interviews, please contact: Ana Lim, +41 22 555 0101",
     "Floods cut road to Dorvale district"),
    ("Storms hit the coast hard Portvale - The agency delivered 300 tonnes of food to 4,000 families in the "
     "coastal towns on Monday, and more trucks are on their way.", "Storms hit the coast hard"),
    ("The hidden cost of the storms “We lost everything in one night, the house and the goats,” said a farmer "
     "who has lived in the valley for thirty years.", "The hidden cost of the storms"),
    ("Relief reaches villages cut off by Storm Kela, known locally as “Mara Tide”, and more help is on the way "
     "The agency and its partners have delivered food to 12 villages this week.",
     "Relief reaches villages cut off by Storm Kela, known locally as “Mara Tide”, and more help is on the way"),
])
def test_what_runs_into_a_headline_is_cut_off(line: str, headline: str) -> None:
    assert headline_of(line + "\n\nMore text follows here in a second paragraph.") == headline


@pytest.mark.parametrize("headline", ["Humanitarian Response Plan for Dorvale 2017/18",
                                      "Remembering the Victims of 9/11"])
def test_a_headline_ending_in_a_year_span_keeps_it(headline: str) -> None:
    assert headline_of(f"{headline}\n\n{BODY}") == headline


def test_language_marker_and_document_number_are_neither_headline_nor_body() -> None:
    text = f"Relief flights resume to the northern valleys [EN/AR]\n\nPress release 123/17\n\n{BODY}"
    found = find_structure(text)
    assert found.kind_at(text.index("[EN/AR]") + 1) == "furniture"
    assert found.kind_at(text.index("Press release")) == "furniture"


def test_contact_sentence_run_into_a_headline_is_a_contact_block() -> None:
    text = ("Floods cut road to Dorvale district For interviews, please contact: Ana Lim, +41 22 555 0101\n\n"
            f"Dorvale – {BODY}")
    found = find_structure(text)
    assert found.kind_at(text.index("+41")) == "contacts"
    assert found.kind_at(text.index("The agency")) == "body"


def test_site_name_is_no_headline() -> None:
    text = ("Senator Jane Roe : Press Room\nPress Room - Press Releases\nFilter by:\n"
            "Roe Secures Funds for Dorvale Bridge\nContacts: 202-555-0143\nMay 3, 2006\n"
            f"WASHINGTON – {BODY}")
    assert headline_of(text) == "Roe Secures Funds for Dorvale Bridge"
    found = find_structure(text)
    assert found.published == dt.date(2006, 5, 3)
    assert found.dateline is not None and found.dateline["place"] == "Washington"


def test_site_name_and_header_without_a_headline_line() -> None:
    text = "Senator Jane Roe : Press Room\nContacts: 202-555-0143\nJune 8, 2007\nWASHINGTON, D.C.  " + BODY
    found = find_structure(text)
    assert found.title is None
    assert found.published == dt.date(2007, 6, 8)
    assert found.dateline is not None and found.dateline["place"] == "Washington, D.C."


@pytest.mark.parametrize("text", [
    "The agency delivered 300 tonnes of food to 4,000 families in Dorvale on 3 May 2016, said director Ana Lim.",
    "A combined force searched three compounds in the Dorvale district today and detained two suspects. The "
    "force seized rifles and ammunition.\n\nNo civilians were harmed during the operation.",
])
def test_a_text_without_a_headline_line_has_no_title(text: str) -> None:
    found = find_structure(text)
    assert found.title is None
    assert found.kind_at(text.index("Dorvale")) == "body"


@pytest.mark.parametrize("text", [
    "Shares of Hollin Foods rose 5% on Tuesday.",          # a short sentence
    "About 300 people left Dorvale, officials said.",
    "Hollin Foods said it would cut 1,200 jobs",           # sentence case, no full stop
])
def test_a_short_sentence_given_alone_is_body(text: str) -> None:
    found = find_structure(text)
    assert found.title is None
    assert found.kind_at(0) == "body"


def test_a_title_cased_line_given_alone_is_a_headline() -> None:
    assert headline_of("Hollin Foods Cuts 1,200 Jobs as Sales Fall") == "Hollin Foods Cuts 1,200 Jobs as Sales Fall"


def test_one_paragraph_is_read_as_body_on_a_blank_pipeline(blank: Language) -> None:
    doc = blank("The agency delivered 300 tonnes of food to 4,000 families in Dorvale on 3 May 2016.")
    assert doc._.release_structure["title"] is None
    assert [span.label_ for span in doc.spans["sections"]] == ["body"]


def test_empty_contact_line_in_a_header_does_not_swallow_the_release() -> None:
    text = (f"Roe Introduces Clean Rivers Bill\n\t\tContact:\n\tMeasure Would Limit Runoff From Farms\n\n{BODY} "
            f"{BODY}\n\n“We can do better,” said Roe.\n\nContact: Tom Fenn, 202/555-0143.")
    found = find_structure(text)
    assert found.kind_at(text.index("The agency")) == "body"
    assert found.kind_at(text.index("We can")) == "body"
    assert found.kind_at(text.index("202/555")) == "contacts"


@pytest.mark.parametrize(("opening", "place"), [
    ("Nairobi/Geneva/New York – ", "Nairobi/Geneva/New York"),
    ("Maiduguri - ", "Maiduguri"),
    ("JUBA, South Sudan – ", "Juba"),
    ("(Portvale) – ", "Portvale"),
    ("WASHINGTON--- ", "Washington"),
    ("Vienna, Geneva, Amman -- ", "Vienna"),
])
def test_more_dateline_forms(opening: str, place: str) -> None:
    found = find_structure(f"Aid Agency Opens New Office in the Region\n\n{opening}{BODY}\n")
    assert found.dateline is not None and found.dateline["place"] == place


def test_dateline_under_a_date_line() -> None:
    found = find_structure(f"Roe Secures Funds for Dorvale Bridge\nJanuary 25, 2007\nWASHINGTON, D.C. – {BODY}")
    assert found.dateline is not None and found.dateline["place"] == "Washington, D.C."
    assert found.published == dt.date(2007, 1, 25)


def test_dateline_after_a_deck_and_a_by_line() -> None:
    text = ("Roe Secures Funds for Dorvale Bridge\n*The bridge, closed since the floods of last year, will reopen to "
            "traffic and to the market buses in the spring.*\n**By Tom Fenn**\n"
            f"DORVALE, Kenya, 3 May 2016 – {BODY}")
    found = find_structure(text)
    assert found.dateline is not None and found.dateline["place"] == "Dorvale"
    assert found.published == dt.date(2016, 5, 3)


@pytest.mark.parametrize("header", ["For Immediate Release: May 3, 2006", "May 3, 2006", "Wednesday, May 3, 2006"])
def test_issue_date_in_a_header(header: str) -> None:
    found = find_structure(f"Roe Secures Funds for Dorvale Bridge\n{header}\n{BODY}")
    assert found.published == dt.date(2006, 5, 3)


def test_issue_date_above_the_dateline_is_no_headline() -> None:
    text = f"Wednesday, May 3, 2006\n  WASHINGTON - {BODY}"
    found = find_structure(text)
    assert found.title is None
    assert found.published == dt.date(2006, 5, 3)
    assert found.dateline is not None and found.dateline["place"] == "Washington"


def test_masthead_above_a_reference_code_is_no_headline() -> None:
    text = ("Northern Task Force - Dorvale\n2016-05-S-042\nFor Immediate Release\n\n"
            "A combined force detained two suspects in the Dorvale district yesterday. The force seized rifles.")
    found = find_structure(text)
    assert found.title is None
    assert found.kind_at(text.index("2016-05")) == "furniture"
    assert found.kind_at(text.index("A combined")) == "body"


# Issue 15, yearless datelines: the year from a reference code wherever the header puts it.

def test_dateline_opening_the_text_takes_the_year_of_the_code_below_it() -> None:
    text = ("Aug. 12: Joint Patrols in Dorvale and Marsk Districts\n\n"
            "NEWS RELEASE Northern Task Force  2014-08-CA\u2013031\nFor Immediate Release\n\n"
            "A joint patrol detained two suspects near Dorvale last night. The patrol seized rifles.\n")
    found = find_structure(text)
    assert found.published == dt.date(2014, 8, 12)


MASTHEAD = "Joint Patrol Detains Two Suspects in Dorvale\nNorthern Task Force - Dorvale\n"


@pytest.mark.parametrize(("code", "dateline", "day"), [
    ("2016-08-CA-043", "(Sept. 4)", dt.date(2016, 9, 4)),  # numbered the month before it went out
    ("2016-12-S-310", "(Jan. 2)", dt.date(2017, 1, 2)),
    ("2016-3-S-014", "(March 9)", dt.date(2016, 3, 9)),
])
def test_reference_code_of_the_same_or_neighbouring_month_gives_the_year(code: str, dateline: str,
                                                                          day: dt.date) -> None:
    text = (f"{MASTHEAD}{code}\nFor Immediate Release\n"
            f"KABUL, Afghanistan {dateline} - A joint force detained two suspects in the Dorvale district Friday.\n")
    assert find_structure(text).published == day


def test_reference_code_of_a_distant_month_gives_no_year() -> None:
    text = (f"{MASTHEAD}2016-03-S-014\nFor Immediate Release\n"
            "KABUL, Afghanistan (Sept. 4) - A joint force detained two suspects in the Dorvale district Friday.\n")
    assert find_structure(text).published is None


@pytest.mark.parametrize("opening", [
    "DORVALE, Marsk (July 13. 2012)\n",  # a full stop typed for the comma
    "DORVALE, Marsk (July 13, 2012) \u2212 ",  # a minus sign typed for the dash
])
def test_dateline_typing_variants(opening: str) -> None:
    found = find_structure(f"{opening}A joint force detained two suspects in the Dorvale district today.\n")
    assert found.published == dt.date(2012, 7, 13)


@pytest.mark.parametrize(("headline", "day"), [
    ("Northern Task Force Operational Update, July 16", dt.date(2014, 7, 16)),
    ("Northern Task Force Evening Update July 16, 2013", dt.date(2013, 7, 16)),
    ("Dorvale Flood Situation Report 3 May 2016", dt.date(2016, 5, 3)),
    ("Talks on the Dorvale Dam to Resume on July 16", None),  # the event's date, not the issue's
])
def test_issue_date_closing_a_bulletin_headline(headline: str, day: dt.date | None) -> None:
    text = (f"{headline}\nNorthern Task Force - Dorvale\n2014-07-S-097\nFor Immediate Release\n\n"
            "A joint patrol detained two suspects near Dorvale last night. The patrol seized rifles.\n")
    assert find_structure(text).published == day
