"""What the model tags ORG that names no organisation.

Roles, laws and events, storms, amounts, kinds of body ("Local Authorities"), citations and headings. Each
check here reads the name alone; the checks that need the name's place in the text stay with the reader
(`organisations.py`).
"""

from __future__ import annotations

from functools import cache

import regex

from release_nlp.core.resources import load_json
from release_nlp.core.text import fold
from release_nlp.readers.common_words import names_roles
from release_nlp.readers.org_gazetteer import known_org
from release_nlp.readers.org_names import COMPLEMENT, LIST_HEADS, ORG_WORDS, names_no_body
from release_nlp.readers.roles import expand, has_head, is_role_word

ACRONYM_HEAD = regex.compile(r"[\p{Lu}][\p{Lu}\p{Ll}&-]*[\p{Lu}][\p{Lu}\p{Ll}]*")
_NO_LETTERS = regex.compile(r"[\d\W]+")


def is_acronym(text: str) -> bool:
    """`IOM`, `UN Women`, `CoES`."""
    head = text.split()[0] if text else ""
    return bool(ACRONYM_HEAD.fullmatch(head)) and sum(c.isupper() for c in head) >= 2


def looks_like_official(text: str) -> bool:
    """`the Minister of Environment`: an unnamed office holder, not an organisation."""
    words = text.split()
    if not words:
        return False
    first = words[1] if words[0].casefold() == "the" and len(words) > 1 else words[0]
    return has_head(first) and not any(w.casefold().strip(",.") in ORG_WORDS for w in words[:3]) and is_role_word(
        first)


NOT_ORG_ENDINGS = frozenset({
    "act", "bill", "law", "treaty", "convention", "agreement", "declaration", "day", "days", "overview", "appeal",
    "strategy", "plan", "report", "week", "month", "year", "summit", "conference", "award", "prize",
    # reviews and updates of a policy or an operation: "Nuclear Posture Review", "Morning Operational Update"
    "review", "reviews", "update", "updates",
    # goals, compacts, policies and labels: "Sustainable Development Goals", "Global Compact", "Media Contact"
    "goal", "goals", "compact", "policy", "policies", "agenda", "coverage", "contact", "contacts", "degree",
    "degrees", "doctorate", "technologies", "war",
    # courses and meetings: "Emergency Logistics Simulation Training", "Massive Open Online Course"
    "training", "course", "courses", "seminar", "webinar", "framework", "frameworks",
})
# Laws and instruments: never a body, even after one ("National Commission on Health Care Act").
INSTRUMENTS = frozenset({"act", "bill", "law", "treaty", "convention", "agreement", "declaration", "compact"})
# The head nouns of instruments and addresses, which name no body even before their complement ("Convention for
# the Protection of ...", "Memorandum of Cooperation", "Rome Statute", "State of the Union Address").
INSTRUMENT_HEADS = INSTRUMENTS | frozenset({
    "charter", "statute", "memorandum", "protocol", "accord", "accords", "covenant", "address", "communique",
    "communiqué",
})
# The head nouns of natural features, sites and works, which the model tags ORG now and then ("Thief River
# Falls", "Arctic National Wildlife Refuge", "Trans-Alaska Pipeline"): places, not bodies. A body named after
# one keeps its own head ("Government of the Virgin Islands", "Lake Basin Commission").
FEATURE_HEADS = frozenset({
    "valley", "falls", "refuge", "pipeline", "plant", "river", "lake", "mountains", "mountain", "hills", "island",
    "islands", "peninsula", "desert", "canal", "dam", "bridge", "highway", "airport", "bay", "coast", "airfield",
    "camp", "crossing", "beach", "creek", "springs", "gorge", "lagoon", "reservoir", "wetlands", "forest",
})
# Words that open a head noun's complement ("Convention for ...", "Accord between ...").
HEAD_COMPLEMENTS = COMPLEMENT | {"to", "against", "between"}
# Clock times that open a line of a recording's index ("12:27 - Smith says ..."), run into a name.
CLOCK_TIME = regex.compile(r"^\d{1,2}:\d\d\b")
# Phrases the model tags ORG that name no one body: weather systems (El Niño), sectors and generic collectives.
NOT_ORG_PHRASES = frozenset({
    "el niño", "el nino", "la niña", "la nina", "civil society", "private sector", "public sector",
    "international community", "donor community", "humanitarian community",
})
# A plural body word after at most two modifiers names a kind of body, not one ("Governments", "Local
# Authorities", "Nationally Designated Authorities"); "Afghan National Security Forces" is one force.
GENERIC_PLURALS = frozenset({
    "governments", "authorities", "ministries", "agencies", "organisations", "organizations", "institutions",
    "departments", "offices", "bodies", "partners", "donors", "stakeholders", "municipalities", "councils",
    "committees", "commissions", "companies", "ngos",
})


@cache
def _not_organisations() -> frozenset[str]:
    return frozenset(load_json("furniture.json")["not_organisations"])


# "Zamboanga del Norte", "Mindoro Occidental": the compass endings of Spanish-named provinces and towns.
SPANISH_PLACE_END = regex.compile(r"\s(?:(?:del?|de la)\s(?:Norte|Sur|Este|Oeste|Centro)|Occidental|Oriental)$")


STORM_HEADS = frozenset({"typhoon", "hurricane", "cyclone", "tropical", "super-typhoon"})
PLURAL_ACRONYM = regex.compile(r"\p{Lu}{2,}s")
MONEY = regex.compile(r"^(?:\p{Lu}{3}|\p{Sc})\s?\d|\d\s?-?(?i:million|billion|thousand|bn)\b")


def plausible_org(name: str, defined: bool = False) -> bool:
    """Reject what the model tags ORG that is no organisation ("Caretaker", laws, events, title acronyms).

    `defined`: the release defines the name as a body's acronym ("Swiss Tropical Institute (STI)"), which
    outranks the terms it is otherwise ("STI", "WASH").
    """
    words = name.split()
    if not words or len(words) > 12 or len(name) < 2 or not any(w[:1].isupper() for w in words):
        return False
    folded = [w.casefold() for w in words]
    if (len(words) == 1 or (all(map(is_role_word, words)) and not ORG_WORDS.intersection(folded))) and (
            is_role_word(words[0]) or names_roles(name)) and not is_acronym(name):
        return False  # "Caretaker", "Regional Technical Advisor": a role, not a body
    if (fold(name) in _not_organisations() and not defined) or fold(name) in NOT_ORG_PHRASES \
            or SPANISH_PLACE_END.search(name):
        return False
    last = words[-1].casefold()
    if last in NOT_ORG_ENDINGS and (last in INSTRUMENTS or not _headed_body(words)):
        return False
    if _head_noun(folded) in INSTRUMENT_HEADS or (last in INSTRUMENT_HEADS and not _headed_body(words)) \
            or CLOCK_TIME.match(name):
        return False
    if names_a_feature(name):
        return False
    if words[-1].casefold() in GENERIC_PLURALS and len(words) <= 3 and not any(
            w.casefold() in ("of", "for", "on", "and", "&") for w in words):
        return False
    if "/" in name and all(expand(p) or fold(p) in _not_organisations() for p in map(str.strip, name.split("/"))):
        return False  # "USG/ERC": a person's titles; "HIV/ STI": conditions
    if words[0].casefold() in STORM_HEADS:
        return False  # "Typhoon Vinta", "Tropical Storm Ana": a storm's name
    if MONEY.search(name) or PLURAL_ACRONYM.fullmatch(name) or names_no_body(name, lambda w: known_org(w) is not None):
        return False  # "EUR 1.5 million": an amount run into a name; "NAMAs", "SDGs": a kind of thing; "Aker et al"
    return not _NO_LETTERS.fullmatch(name)


def names_a_feature(name: str) -> bool:
    """`Thief River Falls`, `Smith islands`: a natural feature, site or work, headed by its kind."""
    words = name.split()
    return bool(words) and _head_noun([w.casefold() for w in words]) in FEATURE_HEADS and known_org(name) is None


def _head_noun(folded: list[str]) -> str:
    """The word before the first complement ("convention" of "AU Convention for the Protection of ..."), else last."""
    for i, word in enumerate(folded[1:], 1):
        if word in HEAD_COMPLEMENTS:
            return folded[i - 1].strip(",")
    return folded[-1]


def _headed_body(words: list[str]) -> bool:
    """`Office of Legal Policy`, `Committee on the Paris Agreement`: a body head and its complement name a unit."""
    folded = [w.casefold() for w in words]
    return any(w in LIST_HEADS and i + 1 < len(folded) and folded[i + 1] in ("of", "on", "for")
               for i, w in enumerate(folded))

