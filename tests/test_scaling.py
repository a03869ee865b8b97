"""Readers that once grew with the square of their input: many people, long contact lists, many figures.

The time bounds are loose (a hundredth of what the scans took here) so that a loaded machine does not
fail them; the counting test is exact.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from spacy.language import Language

from release_nlp.readers.contact_people import contact_names, contact_people
from release_nlp.readers.contacts import ContactHit
from release_nlp.readers.figures import read_figures
from release_nlp.readers.people import PeopleIndex, PersonRecord, _resolve

FIRST = [
    "Abel", "Nora", "Tomas", "Ilse", "Marek", "Ayana", "Beno", "Calla", "Dario", "Efua", "Goran", "Hana", "Ivo",
    "Jun", "Kofi", "Lena", "Milo", "Nia", "Oren", "Pia"
]
LAST = [
    "Banda", "Korvalo", "Mensah", "Ostrid", "Pelling", "Quarry", "Ruvane", "Sollen", "Tiber", "Umbera", "Varga",
    "Wendle", "Yorke", "Zelinski"
]
MIDDLE = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ina", "Jo"]
NAMES = [f"{f} {m} {last}" for f, m, last in itertools.product(FIRST, MIDDLE, LAST)]  # 2,800 distinct people


def test_resolve_keeps_its_rules() -> None:
    people = [PersonRecord("Abel Ann Banda"), PersonRecord("Nora Banda", aliases=["Dr Banda"]),
              PersonRecord("Tomas Quarry")]
    assert _resolve("abel ann banda", people) is people[0]
    assert _resolve("Dr Banda", people) is people[1]
    assert _resolve("Banda", people) is None  # the surname of two people
    assert _resolve("Quarry", people) is people[2]
    assert _resolve("Tomas", people) is people[2]
    assert _resolve("Abel Banda", people) is people[0]  # first and last name
    assert _resolve("Ivo Quarry", people) is None


def test_many_distinct_people_resolve_in_linear_time() -> None:
    started = time.perf_counter()
    index = PeopleIndex([])
    for name in NAMES:
        assert index.resolve(name) is None
        index.add(PersonRecord(name))
    assert index.resolve(NAMES[-1]) is index.people[-1]
    assert time.perf_counter() - started < 0.5  # the scan took ~4 s


def test_long_contact_lists_in_linear_time() -> None:
    lines, hits, start = [], [], 0
    for i, name in enumerate(NAMES):
        line = f"{name}, Agency, user{i}@example.org\n"
        at = start + line.index("user")
        hits.append(ContactHit(at, at + len(f"user{i}@example.org"), email=f"user{i}@example.org",
                               line=(start, start + len(line) - 1)))
        lines.append(line)
        start += len(line)
    text = "".join(lines)
    contact_people(text, hits[:2], [], [])  # loads the gazetteers
    people: list[PersonRecord] = []
    started = time.perf_counter()
    contact_people(text, hits, people, [])
    names = contact_names(hits, people)
    assert time.perf_counter() - started < 2.0  # the scans took ~6 s
    assert len(people) == len(NAMES)
    assert names == NAMES


def test_contact_name_is_the_last_named_before_the_hit_on_its_line() -> None:
    first, second = PersonRecord("Nora Banda", [("Nora Banda", 10, 20)]), PersonRecord("Ivo Quarry", [("Ivo", 30, 33)])
    tie = PersonRecord("Ivo Yorke", [("Ivo", 30, 33)])
    hits = [ContactHit(25, 40, line=(0, 50)), ContactHit(35, 40, line=(0, 50)), ContactHit(400, 410, line=(300, 450)),
            ContactHit(5, 8, line=(0, 50))]
    assert contact_names(hits, [first, second, tie]) == ["Nora Banda", "Ivo Quarry", None, None]


class CountingList(list[Any]):
    """A list that counts how often it is read through."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        CountingList.reads += 1
        return super().__iter__()


def test_figures_read_the_place_mentions_once_per_doc(blank: Language) -> None:
    sentence = "In Kenya, 5,000 people were displaced. "
    doc = blank("Agency Reports\n\nNairobi, 4 April 2022 – " + sentence * 50)
    starts = [i for i in range(len(doc.text)) if doc.text.startswith("Kenya", i)]
    mentions = CountingList({"start": s, "end": s + 5} for s in starts)
    places: list[dict[str, Any]] = [{"name": "Kenya", "mentions": mentions}]
    CountingList.reads = 0
    figures = [f for f in read_figures(doc, places, [], {}) if f["value"] == 5000]
    assert len(figures) == 50
    assert {f["place"] for f in figures} == {"Kenya"}
    assert CountingList.reads <= 2  # not once per figure
