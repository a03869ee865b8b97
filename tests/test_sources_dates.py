"""Issue dates an archive gives: fields, CSV columns and names, read without the statistical pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from release_nlp.io.sources import Document, Limits, parse_date, read_documents, with_dates_from_names


@pytest.mark.parametrize(("value", "iso"), [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:00:00+02:00", "2024-03-05"),
    ("2024-03-05 10:00", "2024-03-05"),
    ("20240305", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("March 5, 2024", "2024-03-05"),
])
def test_dates_are_read_in_iso_or_in_full_words(value: str, iso: str) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize("value", ["March 2024", "someday", "2024-13-40"])
def test_a_partial_or_wrong_date_is_none(value: str) -> None:
    assert parse_date(value) is None


def test_csv_rows_become_documents_with_ids_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('\ufeffid,text,day\nk1,"Line one\nline two",2024-01-02\n,Second text,\nk3,Third,soon\n',
                    encoding="utf-8")
    docs = list(read_documents([str(path)], date_field="day", limits=Limits()))
    assert [(d.source, d.text, d.published, d.error_type) for d in docs] == [
        ("k1", "Line one\nline two", "2024-01-02", None),
        (f"{path}:3", "Second text", None, None),
        ("k3", None, None, "InvalidDate"),
    ]


def test_csv_without_the_text_column_says_which_option_names_it(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,text\n", encoding="utf-8")
    (doc,) = read_documents([str(path)], limits=Limits())
    assert doc.error_type == "UnsupportedFormat" and "--text-field" in (doc.error or "")


def test_names_give_dates_unless_a_field_did() -> None:
    pattern = regex.compile(r"(?P<date>\d{4}-\d{2}-\d{2})")
    docs = [Document("a/2024-01-02.txt", "x"), Document("b/2020-01-01.zip!2023-05-06 note.txt", "x"),
            Document("c/2024-01-02.txt", "x", published="2022-02-02"), Document("d/undated.txt", "x"),
            Document("e/2024-01-02.txt", error_type="EmptyInput", error="empty")]
    assert [d.published for d in with_dates_from_names(docs, pattern)] == [
        "2024-01-02", "2023-05-06", "2022-02-02", None, None]


def test_unsupported_files_in_folders_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "c.csv").write_text("id,text\nr1,body\n", encoding="utf-8")
    skipped: dict[str, int] = {}
    docs = list(read_documents([str(tmp_path)], skipped=skipped))
    assert sorted(Path(d.source).name for d in docs) == ["a.txt", "r1"]  # the CSV row is named by its id
    assert skipped == {"not a release file type": 1}
