"""The typed result of an extraction: a frozen `Release` and its parts.

Every extracted item keeps its evidence: the text it was read from and character
offsets into the text the user passed in. `Release.model_dump(mode="json")` is the
JSON contract of `GUIDELINES.md` plus the evidence fields.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, model_validator

Qualifier = Literal["exact", "approximate", "lower_bound", "upper_bound", "range"]
FigureCategory = Literal["people", "money", "percentage", "quantity", "other"]
Direction = Literal["up", "down"]
PlaceKind = Literal["country", "region", "city", "site", "water", "multi_country", "other"]
Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "other"]
SectionKind = Literal["furniture", "headline", "dateline", "body", "notes", "contacts"]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """Character offsets `[start, end)` into the input text."""

    start: NonNegativeInt
    end: NonNegativeInt

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")
        return self


class Mention(Span):
    """One place in the text where an item is named."""

    text: str


class Section(Span):
    """A part of the release: headline, dateline, body, notes, contact block or page furniture."""

    kind: SectionKind


class Dateline(_Frozen):
    """The place and date that open the body (`Beirut, 18 December 2024 –`)."""

    place: str | None = None
    date: dt.date | None = None
    text: str
    span: Span


class Person(_Frozen):
    """A named person, once, under the fullest form of the name the release gives."""

    name: str
    titles: list[str] = []
    organisation: str | None = None
    aliases: list[str] = []
    honorifics: list[str] = []
    mentions: list[Mention] = []


class Organisation(_Frozen):
    """A named organisation, agency, government, company or body."""

    name: str
    acronym: str | None = None
    aliases: list[str] = []
    mentions: list[Mention] = []


class Place(_Frozen):
    """A named place of the release, with the ISO 3166-1 alpha-2 code of its country."""

    name: str
    country_code: CountryCode | None = None
    kind: PlaceKind = "other"
    mentions: list[Mention] = []


class DateMention(_Frozen):
    """A date expression resolved to the first and last day it covers."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "other"
    span: Span


class Figure(_Frozen):
    """A number that counts or measures something."""

    text: str
    value: float
    qualifier: Qualifier = "exact"
    high: float | None = None
    unit: str | None = None
    category: FigureCategory = "other"
    sentence: str | None = None
    place: str | None = None
    date: dt.date | None = None
    span: Span
    # Added after 0.1: a change the sentence states ("rose 5%" up, "a 10% drop" down); None when the
    # figure states no change. Optional with a default, so older JSON still validates.
    direction: Direction | None = None


class Quote(_Frozen):
    """A direct quotation and who said it."""

    text: str
    speaker: str | None = None
    span: Span


class Contact(_Frozen):
    """An e-mail address or phone number from the contact block."""

    email: str | None = None
    phone: str | None = None
    phone_e164: str | None = None
    name: str | None = None
    place: str | None = None
    span: Span


class Release(_Frozen):
    """Everything extracted from one press release."""

    title: str | None = None
    published: dt.date | None = None
    dateline: Dateline | None = None
    people: list[Person] = []
    organisations: list[Organisation] = []
    places: list[Place] = []
    dates: list[DateMention] = []
    figures: list[Figure] = []
    quotes: list[Quote] = []
    contacts: list[Contact] = []
    durations: list[Mention] = []
    officials: list[Mention] = []
    sections: list[Section] = []
    language: str = "en"
    encoding: str | None = None
    # The text every offset points into. Kept in memory for display, left out of JSON dumps.
    text: str | None = Field(default=None, exclude=True, repr=False)

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the text with every mention highlighted, and tables under it."""
        return _HTML_VIEW[0](self)


def _plain_view(release: Release) -> str:
    return f"<pre>{html.escape(release.title or 'Release')}</pre>"


# How a Release draws itself in Jupyter. `release_nlp.display` puts its renderer here when the package
# is imported, so the data model never imports display code.
_HTML_VIEW: list[Callable[[Release], str]] = [_plain_view]


def set_html_view(render: Callable[[Release], str]) -> None:
    """Make `render` the view `Release._repr_html_` shows."""
    _HTML_VIEW[0] = render


class Failure(BaseModel):
    """An input `extract_many(on_error="record")` could not read, in place of its Release."""

    model_config = ConfigDict(frozen=True)

    index: int  # position of the input in the stream, from 0
    error_type: str  # the exception's class name, e.g. "EmptyInput"
    message: str
