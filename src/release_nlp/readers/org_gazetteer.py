"""The gazetteer of well-known bodies (`models/organisations.jsonl`).

It gives the full names a release leaves to common knowledge ("IOM" -> International Organization for
Migration) and the other names the bodies go by.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from release_nlp.core.resources import load_jsonl
from release_nlp.core.text import fold


@dataclass(frozen=True)
class KnownOrg:
    """A gazetteer entry."""

    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    acronym_is_word: bool = False  # "WHO", "CARE": matched only where the model tags them ORG
    # Names of one word ("Hezbollah", "al-Qaida", "Daesh") that name this body wherever they are written;
    # other one-word names count only where the model tags them.
    one_word_names: bool = False
    # Its names are spellings or other names of one body ("al-Qaida", "al Qaeda"; "ISIS", "Daesh"): a
    # release's record goes by the first the release writes, as the analyst reading it would.
    as_written: bool = False
    # A non-state armed group: named in releases, never the body that issues one or that a speaker serves.
    armed_group: bool = False


@cache
def known_orgs() -> dict[str, KnownOrg]:
    """Folded name, acronym or alias -> gazetteer entry."""
    table: dict[str, KnownOrg] = {}
    for row in load_jsonl("organisations.jsonl"):
        entry = KnownOrg(row["name"], row.get("acronym"), tuple(row.get("aliases") or ()),
                         bool(row.get("acronym_is_word")), bool(row.get("one_word_names")),
                         bool(row.get("as_written")), bool(row.get("armed_group")))
        for form in (entry.name, entry.acronym, *entry.aliases):
            if form:
                table.setdefault(fold(regex.sub(r"^the\s+", "", form, flags=regex.IGNORECASE)), entry)
    return table


LEADING_THE = regex.compile(r"^(?:the|The|THE)\s+")


def known_org(name: str) -> KnownOrg | None:
    """The gazetteer entry for a name, acronym or alias, if any."""
    return known_orgs().get(fold(LEADING_THE.sub("", name)))
