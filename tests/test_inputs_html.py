"""HTML pages and Markdown as users have them: menus and footers around the release."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import release_nlp

pytestmark = pytest.mark.integration

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Agency Opens Clinic in Gulu | Example Agency</title>
<meta property="article:published_time" content="2023-05-02T09:00:00Z"></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/news">News</a></li><li><a href="/donate">Donate</a></li></ul></nav></header>
<main><article>
<h1>Agency Opens Clinic in Gulu</h1>
<p>Kampala, 2 May 2023 – The Example Agency opened a clinic serving more than 20,000 people in Gulu,
its Country Director Ann Okello said on Tuesday.</p>
<p>“This clinic will change lives in the north of the country,” said Ms Okello.</p>
<p>For more information, please contact press@example.org.</p>
</article></main>
<footer><p>Privacy policy</p><p>Terms of use</p><ul><li>Kenya</li><li>Tanzania</li><li>Rwanda</li></ul></footer>
</body></html>"""


def test_html_page_with_menu_and_footer(nlp: Language) -> None:
    release = release_nlp.extract(PAGE, nlp=nlp)
    assert release.title == "Agency Opens Clinic in Gulu"
    assert release.dateline is not None and release.dateline.place == "Kampala"
    assert release.published == dt.date(2023, 5, 2)
    assert [(f.value, f.qualifier, f.unit) for f in release.figures] == [(20000, "lower_bound", "people")]
    assert [p.name for p in release.people] == ["Ann Okello"]
    assert release.quotes[0].speaker == "Ann Okello"
    assert [c.email for c in release.contacts] == ["press@example.org"]
    names = {p.name for p in release.places}
    assert not names & {"Kenya", "Tanzania", "Rwanda"}  # the footer's list is no part of the release
    assert release.text is not None and "Privacy policy" not in release.text


def test_html_meta_date_when_the_text_has_none(nlp: Language) -> None:
    page = PAGE.replace("Kampala, 2 May 2023 – ", "")
    assert release_nlp.extract(page, nlp=nlp).published == dt.date(2023, 5, 2)


def test_markdown_offsets_point_into_the_input(nlp: Language) -> None:
    text = ("**Agency Opens Clinic in Gulu**\n\n**Kampala, 2 May 2023** – The [Example Agency](https://example.org) "
            "opened a clinic serving _more than 20,000 people_, its Country Director Ann Okello said.\n")
    release = release_nlp.extract(text, nlp=nlp)
    assert release.title == "Agency Opens Clinic in Gulu"
    assert release.dateline is not None and release.dateline.place == "Kampala"
    (fig,) = release.figures
    assert text[fig.span.start:fig.span.end] == "more than 20,000"
    (person,) = release.people
    assert text[person.mentions[0].start:person.mentions[0].end] == "Ann Okello"
