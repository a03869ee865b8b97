"""Where an organisation's name begins and ends, when the model cuts or joins names wrongly.

- A possessive chain names a unit of a body: `the Global Fund's Grants Department` is the
  department (and the Global Fund); `Kenya's Ministry of Health` is the ministry.
- A list the model read as one name: `Ministry of Health, Imbuto Foundation` is two bodies.
- A name whose subject is a list: `Ministry of Agriculture, Animal Industry and Fisheries`,
  `Office of Juvenile Justice and Delinquency Prevention`; the model often stops at the first
  comma or `and`.
- Governments and municipalities named by their country or town (`Government of Nepal`, `the
  Italian Government`, `Municipality of Lorca`), which the model often leaves untagged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex
from spacy.tokens import Doc, Span, Token

from release_nlp.core.docindex import index_of
from release_nlp.readers.gazetteer import lookup
from release_nlp.readers.patterns import MONTHS, WEEKDAYS

# Words that make a phrase a body's name ("Ministry", "Force", "Red Cross").
ORG_WORDS = frozenset({
    "ministry", "office", "agency", "committee", "commission", "council", "department", "organization",
    "organisation", "programme", "program", "fund", "bank", "government", "association", "union", "institute",
    "foundation", "society", "network", "group", "centre", "center", "authority", "service", "services",
    "corporation", "company", "inc", "ltd", "party", "coalition", "alliance", "federation", "forum", "board",
    "court", "parliament", "assembly", "senate", "congress", "house", "caucus", "subcommittee", "cluster",
    "unit", "division", "secretariat", "mission", "force", "forces", "army", "police", "command", "university",
    "school", "hospital", "world", "international", "nations", "red", "crescent", "cross", "partnership",
    "initiative", "trust", "bureau", "directorate", "administration", "ports", "body", "radio", "television",
})

# Heads whose `of`/`on`/`for` complement can be a list of subjects ("Committee on Commerce, Science, and
# Transportation"): bodies of a government or an organisation.
LIST_HEADS = frozenset({
    "ministry", "department", "office", "commission", "committee", "subcommittee", "council", "bureau", "agency",
    "institute", "secretariat", "directorate", "authority", "board", "division", "unit", "centre", "center", "court",
    "tribunal",
})
# Words that begin a new body: a list item that holds one is another organisation, not part of this name.
BODY_WORDS = LIST_HEADS | frozenset({
    "foundation", "fund", "programme", "program", "organization", "organisation", "association", "society",
    "bank", "company", "university", "alliance", "coalition", "federation", "network", "group", "government",
    "senate", "house", "congress", "parliament", "court", "mission", "cross", "crescent",
    # facilities, which are named alongside a body rather than in its name ("and Lakeview Airport")
    "airport", "port", "hospital", "school", "college", "station", "clinic",
})
# Body nouns written in lower case after a name: "Haqqani network", "House subcommittee".
LOWERCASE_ORG_WORDS = frozenset({
    "subcommittee", "committee", "network", "commission", "council", "coalition", "group", "movement", "party",
    "alliance", "cluster", "caucus", "secretariat", "taskforce", "task", "agency",
})
# "'s" only: a plural's bare apostrophe belongs to the name ("Committee on Veterans' Affairs").
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "madam"})
POSSESSIVE = frozenset({"'s", "’s"})
COMPLEMENT = frozenset({"of", "on", "for"})
# Heads that refer back to a body on their own ("the Alliance", "the Foundation"); not those that open titles
# ("Programme Manager", "Office Director", "Force Commander") or qualify names ("International", "World").
BACK_REFERENCE_HEADS = frozenset({
    "alliance", "foundation", "coalition", "federation", "association", "society", "institute", "commission",
    "committee", "council", "agency", "ministry", "secretariat", "consortium", "partnership", "network", "fund",
    "trust", "union", "league", "bureau", "authority", "corporation", "company", "university", "cooperative",
    "directorate", "tribunal",
})
SPACED_DASHES = frozenset({"-", "–", "—"})
JOINT_WORK = frozenset({"partnership", "agreement", "cooperation", "collaboration", "project", "programme", "program",
                        "initiative", "talks", "dialogue", "meeting", "memorandum", "mou", "consortium", "relations"})


def split_org_span(doc: Doc, ent: Span, is_body: Callable[[str], bool], is_place: Callable[[str], bool]) -> list[Span]:
    """The organisations inside one ORG entity: the unit and its owner, or each body of a list."""
    for i in range(ent.start + 1, ent.end - 2):
        if doc[i].lower_ in POSSESSIVE and doc[i + 1].text[:1].isupper():
            owner, unit = doc[ent.start:i], doc[i + 1:ent.end]
            # "Women's Refugee Commission", "Children's Fund": the part before is no body, so one name.
            if is_body(owner.text) or is_place(owner.text) or _acronym(owner.text):
                # The unit only if it names a body: "GSK's Jose Ramirez", "UNDP's Community Security" do not.
                return [*split_org_span(doc, owner, is_body, is_place), *([unit] if is_body(unit.text) else [])]
            return [ent]
    joint_work_after = ent.end < len(doc) and doc[ent.end].lower_ in JOINT_WORK
    for i in range(ent.start + 1, ent.end - 1) if joint_work_after else ():
        if doc[i].text in SPACED_DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            # "the IOM Iraq - Italian Government partnership": a spaced dash sets two bodies side by side before
            # what they do together. Elsewhere it joins a body to its unit or its field ("Ministry of Health -
            # Department of ...", "Regional Command - East"), which stay one name for the checks of the whole.
            first, rest = doc[ent.start:i], doc[i + 1:ent.end]
            if _body_or_branch(first, is_body, is_place) and _body_or_branch(rest, is_body, is_place):
                return [*split_org_span(doc, first, is_body, is_place), *split_org_span(doc, rest, is_body, is_place)]
            break
    commas = [t.i for t in ent if t.text == ","]
    if commas:
        bounds = [ent.start, *[c + 1 for c in commas]]
        ends = [*commas, ent.end]
        pieces = [doc[s:e] for s, e in zip(bounds, ends, strict=True) if e > s]
        # Each piece a body on its own and none a dangling adjective ("United Nations Educational, ...").
        if len(pieces) > 1 and all(is_body(p.text) and not p[-1].tag_.startswith("JJ") for p in pieces):
            return pieces
    # "Mine Action Service and UNIDIR": a body and an acronym joined by "and". A subject list keeps its
    # acronym ("Ministry of Science and ICT").
    if len(ent) > 3 and ent[-2].lower_ in ("and", "&") and _acronym(ent[-1].text) and len(ent[-1]) > 2:
        first = doc[ent.start:ent.end - 2]
        if is_body(first.text) and not any(t.lower_ in COMPLEMENT for t in first):
            return [*split_org_span(doc, first, is_body, is_place), ent[-1:]]
    return [ent]


def _body_or_branch(span: Span, is_body: Callable[[str], bool], is_place: Callable[[str], bool]) -> bool:
    """`Italian Government`, and a body's branch in a place (`IOM Iraq`, `WFP Ethiopia`)."""
    return is_body(span.text) or (len(span) > 1 and (is_body(span[0].text) or _acronym(span[0].text))
                                  and is_place(span[1:].text))


def _acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and " " not in text


def _list_word(token: Token) -> bool:
    """A capitalised word of a subject list ("Animal", "Industry"), not another body or an acronym."""
    return (token.text[:1].isupper() and token.is_alpha and not (token.is_upper and len(token) > 1)
            and token.lower_ not in BODY_WORDS and token.lower_ not in HONORIFICS)


def extend_name_list(doc: Doc, ent: Span, is_role: Callable[[str], bool]) -> Span:
    """`Ministry of Agriculture` + `, Animal Industry and Fisheries`: the rest of a list of subjects.

    Only after a body head with its complement, and only when the list closes with `and`/`&`: a
    list that does not close is a list of bodies ("Ministry of Health, Imbuto Foundation").
    """
    j = ent.end
    if ent[-1].lower_ in LIST_HEADS and j + 1 < len(doc) and doc[j].lower_ in COMPLEMENT:
        # "German Federal Ministry" + "for the Environment": the model stopped at the head.
        k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
        n = _list_item(doc, k, is_role)
        if n == 0:
            return ent
        j = k + n
    elif not any(t.lower_ in LIST_HEADS and t.i + 1 < ent.end and doc[t.i + 1].lower_ in COMPLEMENT for t in ent):
        return ent
    best = j
    if ent[-1].lower_ in ("and", "&"):
        # "Idaho Department of Fish and" + "Game": the model stopped inside the list's last item.
        n = _list_item(doc, j, is_role)
        return doc[ent.start:j + n] if n else ent
    while j < len(doc):
        k = j
        comma = doc[k].text == ","
        if comma:
            k += 1
        closing = k < len(doc) and doc[k].lower_ in ("and", "&")
        if closing:
            k += 1
        if not (comma or closing):
            break
        words = _list_item(doc, k, is_role)
        if words == 0:
            break
        j = k + words
        if closing:
            best = j
            break
    return doc[ent.start:best]


# Bodies set up for one country, whose name ends with it: "Commission on Human Rights in Freedonia",
# "Special Court for Ruritania" (UN commissions of inquiry, courts and panels).
COUNTRY_BODIES = frozenset({"commission", "committee", "court", "tribunal", "panel"})


def extend_to_country(doc: Doc, ent: Span, is_country: Callable[[str], bool]) -> Span:
    """`Commission on Human Rights` + `in Freedonia`: a body with a subject, set up for one country."""
    words = [t.lower_ for t in ent]
    heads = [i for i, w in enumerate(words)
             if w in COUNTRY_BODIES and i + 1 < len(words) and words[i + 1] in COMPLEMENT]
    if not heads or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "in":
        return ent
    for size in (3, 2, 1):
        end = ent.end + 1 + size
        if end <= len(doc) and all(t.text[:1].isupper() for t in doc[ent.end + 1:end]) \
                and is_country(doc[ent.end + 1:end].text) and (end == len(doc) or not doc[end].text[:1].isupper()):
            return doc[ent.start:end]
    return ent


def extend_dangling(doc: Doc, ent: Span) -> Span:
    """`Development Partners for` + `Health in Kenya`, `Joint Team on HIV` + `/AIDS`: the name the model cut short."""
    end = ent.end
    if len(ent) > 1 and end + 1 < len(doc) and doc[end].text == "/" and _attached(doc, end) \
            and _attached(doc, end + 1) and doc[end + 1].is_upper and doc[end + 1].is_alpha:
        return doc[ent.start:end + 2]  # "Joint Team on HIV" + "/AIDS", written together
    # Not after "and": "Sesame Lane and" is more often the first of two names than a cut one.
    if ent[-1].lower_ not in ("of", "for", "on", "in"):
        return ent
    k = end
    while k < len(doc) and k - end < 8:
        token = doc[k]
        if token.text[:1].isupper() and token.is_alpha and token.lower_ not in HONORIFICS:
            k += 1
            end = k
        elif token.lower_ in ("of", "for", "on", "and", "in", "the") and k > ent.end:
            k += 1
        else:
            break
    return doc[ent.start:end]


def extend_complement(doc: Doc, ent: Span, is_head: Callable[[str], bool]) -> Span:
    """`National Congress` + `of American Indians`: a body's name the model cut before its "of" complement.

    Only a name that ends in a body word and has no complement yet: "Ministry of Health" + "of Uganda" stays.
    The complement ends before a month ("Council of May"), a role the name does not go on after (`is_head`:
    "Department of Defense Commander in Chief") or a word cut at a hyphen.
    """
    end = ent.end
    if ent[-1].lower_ not in ORG_WORDS or any(t.lower_ in ("of", "for", "on") for t in ent) \
            or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return ent
    def capitalised(i: int) -> bool:
        return i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha

    k = end + 1 + (doc[end + 1].lower_ == "the")
    last = end
    while k < len(doc) and k - end < 9:
        token = doc[k]
        # A role ends the name ("... of American Indians President Fawn Sharp", "... Commander in Chief") unless
        # the name goes on after it ("Juvenile Justice and Delinquency Prevention").
        role_ends = is_head(token.text) and not (
            k + 1 < len(doc) and doc[k + 1].lower_ in ("and", "&") and capitalised(k + 2))
        if capitalised(k) and token.lower_ not in HONORIFICS and token.lower_ not in MONTHS \
                and token.lower_ not in WEEKDAYS and not role_ends:
            k += 1
            last = k
        elif token.lower_ in ("and", "&") and last == k and capitalised(k + 1):
            k += 1  # "Office of Juvenile Justice and Delinquency Prevention"
        else:
            break
    complement = doc[end + 1:last]
    if last == end or any(t.lower_ in ORG_WORDS for t in complement) or (
            last < len(doc) and doc[last].text in ("-", "‐") and _attached(doc, last)):
        return ent  # "Subcommittee of the Senate Commerce Committee": two bodies; "of the Inter-": a word cut
    return doc[ent.start:last]


def _attached(doc: Doc, i: int) -> bool:
    return doc[i].idx == doc[i - 1].idx + len(doc[i - 1].text)


def continues_title(doc: Doc, ent: Span, is_head: Callable[[str], bool]) -> bool:
    """`Minister of Agriculture, Animal Industries, and` + `Fisheries of Uganda`: the end of an office's title."""
    k = ent.start - 1
    if k < 0 or doc[k].lower_ not in ("and", "&", ","):
        return False
    while k > max(0, ent.start - 12):
        token = doc[k]
        if token.lower_ in COMPLEMENT and k > 0 and is_head(doc[k - 1].text) and doc[k - 1].text[:1].isupper():
            return True
        if not (token.lower_ in ("and", "&", ",") or (token.text[:1].isupper() and token.is_alpha)):
            return False
        k -= 1
    return False


def _list_item(doc: Doc, start: int, is_role: Callable[[str], bool]) -> int:
    """How many words from `start` form one item of a subject list (0: none, or it runs on into another name)."""
    k = start
    while k < len(doc) and k - start < 5:
        token = doc[k]
        if token.text in ("'", "’") and k > start and doc[k - 1].lower_.endswith("s") and k + 1 < len(doc) \
                and _list_word(doc[k + 1]):
            k += 1  # "Veterans' Affairs"
            continue
        if not _list_word(token) or is_role(token.text) or (
                token.ent_type_ not in ITEM_ENTS and not (token.ent_type_ == "GPE" and lookup(token.text) is None)):
            break  # "..., Nepal and India" lists places; "..., Bridges and Ferries" only looks like one
        if token.ent_iob_ == "B" and token.ent_type_ == "ORG" and k > start:
            break  # another organisation begins
        k += 1
    after = doc[k] if k < len(doc) else None
    if after is not None and (after.lower_ in ("of", "the", "for", "de")
                              or (after.text[:1].isupper() and after.is_alpha)):
        return 0  # the item runs on into another name ("and Save the Children")
    return k - start


# Entity kinds the model gives subject words ("Healing and Reconciliation" as a work of art); never places,
# nationalities or dates, which end the name.
ITEM_ENTS = frozenset({"", "ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})

GOVERNMENT_WORD = regex.compile(r"\bG(?i:overnment)\b")  # capitalised: "Government", "GOVERNMENT"
GOVERNMENT_OF = regex.compile(
    r"\b(?:Government|Municipality|Municipal Council|City Council) of (?:the )?"
    r"\p{Lu}[\p{L}'’-]+(?:(?: of| and|,)? \p{Lu}[\p{L}'’-]+){0,6}")


# A town's own services, named by the town: "Dorvale Volunteer Fire Department", "Kent County Sheriff's Office".
LOCAL_SERVICE = regex.compile(
    r"\b(?:(?!The\b)\p{Lu}[\p{L}'’.-]+ ){1,4}(?:Volunteer |Municipal |Regional |Township |Community )?"
    r"(?:Fire(?: and Rescue| & Rescue)?|Rescue|Ambulance|Emergency Medical|Police|Sheriff['’]s|Water|Public Works|"
    r"Parks and Recreation|Health) (?:Department|Company|District|Squad|Service|Services|Office|Authority)\b")


def governments(doc: Doc, text: str, is_country: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """`Government of Nepal`, `the Italian Government`, `Municipality of Lorca`, a town's fire department.

    A government is named by its country (checked against the gazetteer) or by the nationality the
    model tags NORP; a municipality by the capitalised name of its town.
    """
    for m in GOVERNMENT_OF.finditer(text):
        name = m.group(0)
        if name.startswith("Government"):
            words = name.split()
            # The longest tail that is a country: "Government of the Federal Democratic Republic of Ethiopia".
            cut = next((n for n in range(len(words), 2, -1) if is_country(" ".join(words[2:n]))
                        or any(is_country(" ".join(words[s:n])) for s in range(3, n))), None)
            if cut is None:
                continue
            yield m.start(), m.start() + len(" ".join(words[:cut]))
        else:
            yield m.start(), m.end()
    for m in LOCAL_SERVICE.finditer(text):
        yield m.start(), m.end()
    index = index_of(doc)
    for m in GOVERNMENT_WORD.finditer(text):  # the word is rare: find it in the text, not by walking every token
        token = index.token_at(m.start())
        if token is None or token.idx != m.start() or token.i == 0:
            continue
        before = doc[token.i - 1]
        if before.ent_type_ == "NORP" and before.text[:1].isupper():
            yield before.idx, token.idx + len(token.text)


_WORD = r"\p{Lu}[\p{L}-]*"
PLURAL_HEADS = regex.compile(
    rf"\b(?P<head>[Mm]inistries|[Dd]epartments) of (?P<first>{_WORD}(?: {_WORD})*(?:, {_WORD}(?: {_WORD})*)*)"
    rf"(?: and (?P<last>{_WORD}(?:(?: |, | and ){_WORD})*))?")


def plural_heads(text: str) -> Iterator[tuple[str, int, int]]:
    """`ministries of Health and Gender, Child and Social Affairs`: one ministry per subject.

    The subjects before the first `and` are separated by commas; what follows the first `and` is one
    subject, which may itself be a list ("Gender, Child and Social Affairs").
    """
    for m in PLURAL_HEADS.finditer(text):
        if not m.group("last"):
            continue  # "ministries of Health": no list
        head = "Ministry" if m.group("head").casefold() == "ministries" else "Department"
        at = m.start("first")
        for item in m.group("first").split(", "):
            yield f"{head} of {item}", at, at + len(item)
            at += len(item) + 2
        yield f"{head} of {m.group('last')}", m.start("last"), m.end("last")


# Small words inside names ("Save the Children", "Médecins du Monde", "Action against Hunger").
NAME_CONNECTORS = frozenset({
    "of", "for", "and", "the", "on", "in", "to", "at", "&", "a", "an", "with", "without", "against", "from", "by",
    "upon", "under", "over", "de", "del", "della", "des", "du", "la", "le", "les", "el", "al", "y", "e", "et",
    "da", "do", "dos", "das", "di", "van", "von", "der", "den", "für", "und", "sans", "pour", "sur", "en", "per",
})
RUNNING_BODY_WORDS = BODY_WORDS | LOWERCASE_ORG_WORDS | {"force", "forces"}
CITATION = regex.compile(r"\set\.?\s+al\.?$")  # "Aker et al": the authors of a study
DOCUMENT_SYMBOL = regex.compile(r"^(?:\p{Lu}+/)+[\p{L}\d./-]*\d|^Add\.\s?\d+$")  # "S/PRST/2017/27", "Add.2"


def cut_at_running_text(name: str, is_known: Callable[[str], bool]) -> str:
    """`World Bank organized the Hackathon`, `Assembly’s seventy-fourth`: a name ends at its first lower-case word.

    Small words of names and body words ("Haqqani network", "House subcommittee") do not end it, nor a word
    with a dot ("e.V.") unless it is an address, nor anything in a known name ("Agence française de ...").
    """
    words = name.split()
    for i, word in enumerate(words):
        if i and word[:1].islower() and word.casefold() not in NAME_CONNECTORS | RUNNING_BODY_WORDS \
                and ("." not in word or "@" in word):
            return name if is_known(name) else " ".join(words[:i])
    return name


def names_no_body(name: str, is_known: Callable[[str], bool]) -> bool:
    """What the recogniser tags ORG that names no body.

    A citation ("Field et al"), a document symbol ("S/PRST/2017/27"), a name in capitals with no body word
    ("SAMUEL MONCADA ACOSTA", a speaker's heading).
    """
    words = name.split()
    shouted_name = 2 <= len(words) <= 4 and all(w.isalpha() and w.isupper() and len(w) >= 3 for w in words) \
        and not any(w.casefold() in BODY_WORDS or is_known(w) for w in words)
    return bool(CITATION.search(name) or DOCUMENT_SYMBOL.search(name)) or shouted_name
