"""Title phrases around a person's name, and their split into titles and an organisation.

Releases give a person's role in a few shapes: before the name ("Acting WHO Representative Dr. Lena
Farrow"), in an appositive after it ("Jens Laerke, spokesperson for OCHA") or before it ("the Minister
of Agriculture, Livestock and Fisheries, Hon. Peter Mwansa"), or as a body they come from ("Ana Cruz
from the Department of Agriculture"). This module finds those phrases (token spans) and reads each
into titles and the body the person serves.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import regex
from spacy.tokens import Doc, Span, Token

from release_nlp.core.docindex import index_of
from release_nlp.core.text import strip_possessive
from release_nlp.readers.gazetteer import country_of_demonym
from release_nlp.readers.org_names import LOWERCASE_ORG_WORDS, ORG_WORDS
from release_nlp.readers.roles import expand, has_head, is_area, is_honorific, is_role_word, vocabulary

CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to", "at", "'s", "’s", "&", "-"})
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "al", "el", "bin", "ibn", "la", "le", "du", "dos", "di",
                            "del"})
APPOSITIVE_STOP = frozenset({",", ";", ".", "(", ")", ":", "“", "”", '"', "–", "—"})
# Head nouns of a named body, beyond the organisation reader's: "Senate Republican Conference".
BODY_WORDS = ORG_WORDS | {"conference", "delegation", "embassy", "consulate", "caucus", "taskforce", "cabinet",
                          "chamber", "commission", "secretariat", "observatory", "laboratory", "agency",
                          "treasury", "partners", "consortium", "tribunal", "league", "cooperative"}
SPEECH_VERBS = frozenset({
    "said", "says", "say", "added", "adds", "stated", "states", "noted", "notes", "explained", "explains",
    "continued", "emphasized", "emphasised", "stressed", "told", "remarked", "declared", "announced",
    "warned", "urged", "commented", "observed", "concluded", "insisted", "recalled", "highlighted",
})


def left_title(doc: Doc, start: int, name_start: int, styled: bool, is_org: Callable[[int], str | None],
               other_name: Callable[[int], bool] = lambda i: False) -> tuple[str | None, str | None]:
    """Title (and organisation) printed just before the name: `IOM Director General Amy Pope`.

    The run stops at `other_name` words: "Senator Ana Ruiz and Governor Tom Lee" gives Lee "Governor" only.
    """
    j = start - 1
    sent_start = index_of(doc).sentence(start).start if doc.has_annotation("SENT_START") else 0
    sent_start = max([sent_start] + [i + 1 for i in range(sent_start, start) if other_name(i)])
    words: list[Token] = []
    org: str | None = None
    if j - 2 >= sent_start and doc[j].text == ")" and doc[j - 2].text == "(" and sum(
            c.isupper() for c in doc[j - 1].text) >= 2:
        j -= 3  # "Director of the Alder Trust (AT) Ana Ruiz": the acronym of the body before the name
    while j >= sent_start and len(words) < 8:
        tok = doc[j]
        if tok.is_space or tok.text in APPOSITIVE_STOP:
            break
        org_text = is_org(j)
        if org_text and org_text != is_org(name_start):  # a body the model ran on into the name is no body
            org = org_text
            # "Acting WHO Representative": the modifiers before the organisation are the title's.
            k = j
            while k > sent_start and _same_body(is_org(k - 1), org_text):
                k -= 1
            pre: list[Token] = []
            while k > sent_start and doc[k - 1].text[:1].isupper() and is_role_word(doc[k - 1].text) \
                    and not has_head(doc[k - 1].text):
                k -= 1
                pre.insert(0, doc[k])
            if not words and not pre and k - 3 >= sent_start and doc[k - 1].text in ("'s", "’s") \
                    and doc[k - 2].text[:1].isupper():
                k -= 2  # "Secretary of Freedonia's Ministry of ...": the body's owner
            if words:
                words = pre + words
            elif not pre and k - 2 >= sent_start and doc[k - 1].lower_ in ("of", "for", "at"):
                title = _title_of_body(doc, k - 2, sent_start)  # "Secretary of the Alder Trust Ana Ruiz"
                return title, (org if title else None)
            break
        if tok.text[:1].isupper() or tok.lower_ in CONNECTORS or tok.text in {"-", "/"}:
            words.insert(0, tok)
            j -= 1
            continue
        if is_role_word(tok.text) and tok.lower_ not in {"the", "a", "an"}:
            words.insert(0, tok)
            j -= 1
            continue
        break
    while words and (words[0].lower_ in CONNECTORS or words[0].text in {"-", "/"}):
        words.pop(0)
    # The title is the run's role words around its last head, with a complement ("for Southern Africa").
    texts = [w.text for w in words]
    heads = [i for i, w in enumerate(texts) if has_head(w) and is_role_word(w)]
    if not heads:
        # "U.S. Army Col. Dale Harmon": the body just before a rank is the person's.
        return None, (_without_trailing_style(org) if org and not words and styled else None)
    last = heads[-1]
    if last + 1 < len(texts) and texts[last + 1].casefold() not in TITLE_COMPLEMENTS:
        return None, None  # words after the head that are no complement: not a title run
    if texts[-1].casefold() in TITLE_COMPLEMENTS | {"with"}:
        return None, None  # "X, chief of staff to Gen. Ana Ruiz": the name completes another's title
    first = last
    while first > 0 and is_role_word(texts[first - 1]) and texts[first - 1][:1].isupper():
        first -= 1
    title = expand_abbrev(" ".join(texts[first:]))
    if org is None and first > 0 and texts[first - 1][:1].isupper() and any(
            w.casefold() in NATIONAL_OFFICES for w in texts[first:]):
        org = country_of_demonym(texts[first - 1])  # "Norwegian Ambassador to Kenya Ola Brekke": Norway's
    if org is None and first == 0:
        org = _possessor(doc, words[0].i, sent_start, is_org)
    # "PRC Chairman and CEO Richard Gordon": joined roles, each a title (the caller splits at "and").
    earlier = first - 1
    if earlier > 0 and texts[earlier].casefold() in ("and", "&") and has_head(texts[earlier - 1]) \
            and texts[earlier - 1][:1].isupper():
        start_of = earlier - 1
        while start_of > 0 and is_role_word(texts[start_of - 1]) and texts[start_of - 1][:1].isupper():
            start_of -= 1
        title = f"{' '.join(texts[start_of:earlier])} and {title}"
    return title, org


# Words that open a title's complement: "Director of Communications", "Special Envoy to the Sahel".
TITLE_COMPLEMENTS = frozenset({"of", "for", "in", "to", "at", "on"})

# Offices held for a country, which a nationality before them names ("Kenyan President", "Qatari Ambassador");
# a "U.S. Senator" or "French researcher" serves a chamber or a body instead.
NATIONAL_OFFICES = frozenset({
    "ambassador", "minister", "president", "premier", "chancellor", "envoy", "consul", "king", "queen", "emir",
    "prince", "princess", "vice-president", "vice",
})


def _same_body(found: str | None, org: str) -> bool:
    """Whether a token's body is `org` or a form of it ("Freedonia’s Ministry of Water" over "Ministry of Water")."""
    return bool(found) and (found == org or org in found or found in org)  # type: ignore[operator]


def _title_of_body(doc: Doc, end: int, sent_start: int) -> str | None:
    """The role words ending at token `end` ("the Joint Secretary" of ...), if they hold a role head."""
    first = end + 1
    while first > sent_start and first > end - 5 and doc[first - 1].text[:1].isupper() \
            and is_role_word(doc[first - 1].text):
        first -= 1
    title = doc[first:end + 1].text
    return expand_abbrev(title) if first <= end and has_head(title) else None


def _possessor(doc: Doc, title_start: int, sent_start: int, is_org: Callable[[int], str | None]) -> str | None:
    """`The Alder Trust, represented by its Director Ana Ruiz`: "its" points back to the sentence's body."""
    if title_start - 1 < sent_start or doc[title_start - 1].lower_ not in ("its", "their"):
        return None
    for k in range(title_start - 2, max(sent_start, title_start - 30) - 1, -1):
        found = is_org(k)
        if found:
            return found
    return None


def _without_trailing_style(org: str) -> str:
    """`U.S. Army Col` -> `U.S. Army`: the model may run a body into the rank after it."""
    words = org.split()
    if len(words) > 1 and (words[-1].casefold() in vocabulary().styles
                           or f"{words[-1].casefold()}." in vocabulary().styles):
        return " ".join(words[:-1])
    return org


def expand_abbrev(phrase: str) -> str:
    """`DG` -> `Director General`; in a phrase of more words, only styles with their stop (`Lt.`)."""
    words = phrase.split()
    if len(words) == 1 and words[0].isupper():
        return expand(words[0]) or phrase
    styles = vocabulary().styles
    # "Lt. Col. Commander": ranks written short inside a longer title are written out.
    return " ".join(styles.get(w.casefold()) or w if w.endswith(".") else w for w in words)


def _name_order(names: set[str]) -> Callable[[tuple[int, str]], tuple[int, bool, int, str]]:
    """Sort key of organisation names found in a title phrase: by position, then name, never the set's order.

    At one position the longer name comes first ("UN Women" over "UN"), unless it only extends the other
    with a possessive ("IOM's Migration Health Division": IOM) or ends in a role ("UN Resident Coordinator").
    """

    def demoted(name: str) -> bool:
        if has_head(name.split()[-1]):
            return True
        return any(name != other and name.startswith(other) and name[len(other):].startswith(("'s", "’s"))
                   for other in names)

    def key(located: tuple[int, str]) -> tuple[int, bool, int, str]:
        position, name = located
        return position, demoted(name), -len(name), name

    return key


def split_title_org(phrase: str, org_spans: list[tuple[str, int, int]]) -> tuple[list[str], str | None]:
    """`Director of IOM's Migration Health Division` -> (["Director"], "IOM")."""
    phrase = regex.sub(r"^(?:as\s+)?(?:the|a|an|its|his|her|their)\s+|^as\s+", "", phrase, flags=regex.IGNORECASE)
    if _describes_rather_than_titles(phrase):
        return [], None
    org = None
    # "CEO, Save the Children International": the organisation after the comma.
    head, sep, tail = phrase.partition(", ")
    if sep and has_head(head) and not has_head(tail) and not (
            _list_end_text(tail) is not None and regex.search(r"\s(?:of|for|on)\s", head)):
        body = strip_possessive(regex.sub(r"^the\s+", "", tail, flags=regex.IGNORECASE))
        if _plausible_body(body):
            return [expand_abbrev(head)], body
        phrase = head  # "..., and His Excellency Mr. X": what follows the comma is someone else
    names = {strip_possessive(regex.sub(r"^the\s+", "", t, flags=regex.IGNORECASE)) for t, _s, _e in org_spans}
    # "Permanent Representative of Norway" tagged as a body is a title.
    names = {_complete(phrase, t) for t in names
             if t and not (is_area(t) and not any(w.casefold() in ORG_WORDS for w in t.split()))
             and not (has_head(t) and is_role_word(t.split()[0]) and len(t.split()) > 1)}
    located = sorted(((phrase.find(t), t) for t in names if t and phrase.find(t) >= 0), key=_name_order(names))
    complement = next(((i, t) for i, t in located if not is_area(phrase[i:])
                       and regex.search(r"(?:^|\s)(?:of|for|at|with|to|in|on|from)(?:\s+the)?\s*$", phrase[:i])), None)
    if complement is not None and located[0][0] == 0 and regex.search(r"(?:for|to|in|on)(?:\s+the)?\s*$",
                                                                      phrase[:complement[0]]):
        complement = None  # "UNDP coordinator for the X Programme": the leading body is the affiliation
    named_body = _named_body_complement(phrase) if complement is None else None
    if complement is not None:
        # "Executive Director of UN Women for the ...": the organisation is the complement; what follows goes.
        i, text = complement
        org = text
        phrase = regex.sub(r"\s*(?:of|for|at|with|to|in|on|from)(?:\s+the)?\s*$", "", phrase[:i])
    elif named_body is not None:
        phrase, org = named_body
    elif located and located[0][0] <= 4:
        # "IOM's Chief of Mission", "the ICRC's Middle East director": a leading organisation.
        i, text = located[0]
        org = text
        phrase = regex.sub(r"^(?:['’]s?|\(\p{Lu}[\p{Lu}&-]+\))\s+", "", phrase[i + len(text):].lstrip())
    elif located:
        i, text = located[0]
        org = text
        # "Chairman of the Senate Committee on ...": a name inside a longer one stays in the title.
        if not regex.search(r"(?:^|\s)(?:of|for|the|on|and)\s*$", phrase[:i], flags=regex.IGNORECASE):
            phrase = f"{phrase[:i].rstrip()} {phrase[i + len(text):].lstrip()}".strip()
    if org:
        org = strip_possessive(regex.sub(r"^the\s+", "", org, flags=regex.IGNORECASE))
        org = org if _plausible_body(org) else None
    parts = [regex.sub(r"^(?:the|a|an)\s+", "", p.strip(" ,"), flags=regex.IGNORECASE)
             for p in regex.split(r"\s+and\s+|\s*/\s*", phrase)]
    titles = [p for p in parts if p and has_head(p)]
    if len(titles) != len(parts):
        titles = [phrase] if has_head(phrase) else []
    if org is None and titles:
        # "Italian Ambassador to Iraq": an office held for a country, named by its nationality.
        nationality, _, role = titles[0].partition(" ")
        country = country_of_demonym(nationality) if role and is_role_word(role.split()[0]) else None
        if country is not None and has_head(role):
            titles[0], org = role, country
    return [expand_abbrev(t) for t in titles], org


def _plausible_body(text: str) -> bool:
    """No body starts with a small word or names a styled person: "and His Excellency Mr. X", "on Wednesday"."""
    words = text.split()
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and not any(
        is_honorific(w) for w in words)


NAMED_BODY = regex.compile(
    r"^(?P<title>.+?)(?<=\S)\s++(?:of|from|at)\s++(?:the\s+)?"
    r"(?P<body>[\p{Lu}\d][\p{L}\d'’.&-]*+(?:,?\s+(?:(?:of|for|on|in|and|the|&)\s+){0,2}[\p{Lu}\d][\p{L}\d'’.&-]*+){0,12})$"
)


def _named_body_complement(phrase: str) -> tuple[str, str] | None:
    """`Chairman of the Senate Republican Conference` -> ("Chairman", "Senate Republican Conference").

    The complement is a body when its name holds an organisation word (Committee, Ministry, Division);
    "Minister of Foreign Affairs" or "Chief of Mission" keep theirs.
    """
    found = NAMED_BODY.match(phrase)
    if found is None or not has_head(found.group("title")):
        return None
    title, body = found.group("title"), found.group("body")
    words = body.split()
    # The body's head noun ends its first run of capitalised words: "Senate Committee (on ...)".
    first_run = next((i for i, w in enumerate(words) if w.casefold() in ("of", "for", "on", "in") or w.endswith(",")),
                     len(words))
    head_noun = words[max(0, first_run - 1)].strip(",").casefold()
    # "Chief of Mission", "Head of Office in Erbil": a fixed title, not a body.
    fixed_title = any(f"{title.split()[-1]} of {' '.join(words[:n])}".casefold() in vocabulary().heads
                      for n in {len(words), first_run})
    if len(words) < 2 or head_noun not in BODY_WORDS or fixed_title:
        return None
    return title, body


def _describes_rather_than_titles(phrase: str) -> bool:
    """`fellow Nebraskan`, `official Jane`: a lower-case role noun run into a name describes, it titles nothing."""
    words = phrase.split()
    for i, w in enumerate(words):
        if not (w.replace("-", "").isalpha() and has_head(w)) or any(has_head(v) for v in words[i + 1:]):
            continue
        after = words[i + 1:i + 3]
        if after and after[0].casefold() in NAME_PARTICLES:
            after = after[1:]
        run = list(itertools.takewhile(lambda v: v[:1].isupper(), words[i + 1:i + 6]))
        if after and after[0][:1].isupper() and not after[0].isupper() and not is_role_word(after[0]) \
                and not is_area(after[0]) and not any(v.casefold().strip(",.'’s") in ORG_WORDS for v in run):
            return True  # "Special Envoy de Mistura": a title with its own holder
    return False



# Bounded repetitions (items of at most six words, at most eight items): linear on a run of capitals.
LIST_ITEM = r"\p{Lu}[\p{L}'’-]*+(?:\s+\p{Lu}[\p{L}'’-]*+){0,5}+"
LISTED_REST = regex.compile(rf"{LIST_ITEM}(?:,\s*{LIST_ITEM}){{0,7}}+,?\s+(?:and|&)\s+{LIST_ITEM}")


def _list_end_text(text: str) -> int | None:
    """Where the rest of a listing name that `text` opens with ends ("Nutrition, and Forestry"), or None."""
    found = LISTED_REST.match(text)
    return found.end() if found else None


def _complete(phrase: str, name: str) -> str:
    """An organisation name the model cut after a connector, completed from the phrase.

    `Development Partners for` in `Chair of the Development Partners for Health in Kenya`; the fields a
    name lists, cut at the first comma: `Committee on Agriculture` + `, Nutrition, and Forestry`.
    """
    if phrase.find(name) < 0:
        return name
    after = phrase[phrase.find(name) + len(name):]
    if after.startswith(", ") and regex.search(r"\s(?:of|for|on)\s", name):
        listed = _list_end_text(after[2:])
        if listed is not None:
            return name + after[:2 + listed]
    if name.split()[-1].casefold() not in CONNECTORS:
        return name
    rest = regex.match(r"(?:\s*(?:of|for|and|the|in|on|&)?\s*\p{Lu}[\p{L}'’-]*)+", after)
    return name + rest.group() if rest else name


COMPLEMENT_WORDS = frozenset({"of", "for", "to", "in", "at", "from", "on", "with"})
# Words that open a clause or an adverbial, never part of a title: "... of Norway also took the floor".
CLAUSE_WORDS = frozenset({
    "also", "has", "have", "had", "was", "were", "is", "are", "will", "would", "can", "could", "may", "might",
    "should", "must", "did", "does", "then", "today", "yesterday", "during", "while", "when", "after", "before",
    "where", "but", "since", "because", "although", "though", "recently", "earlier", "later",
})


def _list_end(doc: Doc, comma: int) -> int | None:
    """End of a list of capitalised items after `comma` that closes with `and` ("Nutrition, and Forestry").

    Ministries and committees list their fields ("Ministry of Agriculture, Livestock and Fisheries"): the
    comma there is inside the name, not the end of the appositive.
    """
    i = comma + 1
    closing = i < len(doc) and doc[i].lower_ in ("and", "&")  # the last item, after a serial comma
    i += closing
    while i < len(doc) and i - comma <= 14:
        run = i
        while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].text == "&") and not doc[i].is_space \
                and not is_honorific(doc[i].text) and not doc[i].text.isupper():
            i += 1
        if i == run:
            return None
        if closing:
            return i
        if i < len(doc) and doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in ("and", "&"):
            i += 2
            closing = True
        elif i < len(doc) and doc[i].lower_ in ("and", "&"):
            i += 1
            closing = True
        elif i < len(doc) and doc[i].text == ",":
            i += 1
        else:
            return None
    return None


def right_appositive(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token span of `, <title phrase>` after the name (a party tag in brackets skipped)."""
    j = end
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j, min(len(doc), j + 8)) if doc[k].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j >= len(doc) or doc[j].text != ",":
        return None
    k = j + 1
    named = False  # past a capitalised complement ("of Norway"): a clause may follow
    while k < len(doc) and k - j <= 20 and not doc[k].is_space:
        tok = doc[k]
        if tok.text == "(" and k + 3 < len(doc) and doc[k + 1].text.isupper() and doc[k + 2].text == ")" \
                and doc[k + 3].text not in APPOSITIVE_STOP and not doc[k + 3].is_space:
            k += 3  # "United Nations Development Programme (UNDP) coordinator for ..."
            continue
        if tok.text == "," and doc[k - 1].text[:1].isupper() and has_head(doc[j + 1:k].text) and any(
                t.lower_ in ("of", "on", "for") for t in doc[j + 1:k]):
            listed = _list_end(doc, k)
            if listed is not None:
                k = listed
                continue
        if tok.text in APPOSITIVE_STOP or tok.lower_ in SPEECH_VERBS or tok.text in {"who", "which", "whose"} \
                or tok.like_email or tok.like_url:
            break
        if tok.text[:1].isupper() and doc[k - 1].lower_ in COMPLEMENT_WORDS | {"the"}:
            named = True
        elif (tok.lower_ in CLAUSE_WORDS and doc[k + 1:k + 2].text != "-") or (
                named and tok.text.islower() and doc[k - 1].text != "-" and tok.lower_.endswith(("ed", "ly"))
                and not is_role_word(tok.text)):
            break  # "the Permanent Representative of Norway also took the floor": the clause is no title
        k += 1
    while k > j + 2 and doc[k - 1].lower_ in CONNECTORS | COMPLEMENT_WORDS:
        k -= 1
    if k == j + 1:
        return None
    # "Mohamed Béavogui, Director General, African Risk Capacity": the organisation after a second comma.
    if k < len(doc) and doc[k].text == "," and has_head(doc[j + 1:k].text):
        m_end = k + 1
        while m_end < len(doc) and m_end - k <= 8 and doc[m_end].text not in APPOSITIVE_STOP \
                and not doc[m_end].is_space and (doc[m_end].text[:1].isupper() or doc[m_end].lower_ in CONNECTORS):
            m_end += 1
        if m_end < len(doc) and doc[m_end].text == "," and doc[m_end - 1].text[:1].isupper() and any(
                t.lower_ in ("of", "on", "for") for t in doc[k + 1:m_end]):
            m_end = _list_end(doc, m_end) or m_end
        if m_end > k + 1 and (m_end >= len(doc) or doc[m_end].text in {".", ",", ";", "\n"} or doc[m_end].is_space):
            return j + 1, m_end
    return j + 1, k


def left_appositive(doc: Doc, start: int) -> tuple[int, int] | None:
    """Token span of `<title phrase>, ` just before the (styled) name."""
    j = start - 1
    if j < 1 or doc[j].text != ",":
        return None
    k = j
    while k > 0 and j - k < 16:
        tok = doc[k - 1]
        if tok.text == "," and k >= 2 and doc[k - 2].text[:1].isupper() and not has_head(doc[k:j].text) \
                and _list_end(doc, k - 1) is not None:
            k -= 1  # "the Minister of Agriculture, Livestock and Fisheries, Hon. ..."
            continue
        if tok.text in APPOSITIVE_STOP or tok.is_space:
            break
        if not (tok.text[:1].isupper() or tok.lower_ in CONNECTORS or tok.text in {"'s", "’s"}
                or is_role_word(tok.text) or tok.lower_ in LOWERCASE_ORG_WORDS):
            break
        k -= 1
    while k < j and doc[k].lower_ in CONNECTORS - {"the"}:
        k += 1
    if k >= j:
        return None
    return k, j


def without_other_names(doc: Doc, phrase: tuple[int, int], before_name: bool,
                        other_name: Callable[[int], bool]) -> tuple[int, int] | None:
    """The part of a title phrase that is the person's own when it runs into another person's name.

    A phrase read up to the name can take in the list before it ("the Minister of Water, Ana Ruiz and the
    Mayor of Alder, Tom Lee"): only what follows the other name is this person's ("Mayor of Alder"). A
    phrase read after the name that reaches another name ("Tom Lee, Senator Ana Ruiz and ...", "Ana Ruiz,
    the Minister of Water, Tom Lee") is that person's title, unless "and" closes the person's own phrase
    first. A name bound into the phrase by a complement ("Adviser to Ana Ruiz") is part of the title, and so
    is a "name" followed by no role (one field of a ministry's list). None: no part of the phrase is the
    person's (it is all the other person's title).
    """
    lo, hi = phrase
    owners = {"'s", "’s"}
    others = []
    for i in range(lo, hi):
        if not other_name(i) or (i > lo and other_name(i - 1)):
            continue
        end = i
        while end < hi and other_name(end):
            end += 1
        bound = (i > lo and doc[i - 1].lower_ in COMPLEMENT_WORDS | owners) or doc[end:end + 1].text in owners
        if not bound:  # "Adviser to Ana Ruiz", "Ana Ruiz's spokesperson": the name is inside the title
            others.append((i, end))
    if not others:
        return phrase
    rest = doc[others[-1][1] if before_name else others[0][1]:hi]
    if any(t.is_alpha for t in rest) and not has_head(rest.text):
        return phrase  # "Minister of Agriculture, Animal Industry, and Fisheries": a field taken for a name
    if before_name:
        k = others[-1][1]
        while k < hi and (doc[k].is_punct or doc[k].lower_ in {"and", "or", "the", "a", "an"}):
            k += 1
        return (k, hi) if k < hi else None
    k = others[0][0]
    while k > lo and doc[k - 1].is_punct:
        k -= 1
    if k > lo and doc[k - 1].lower_ in {"and", "or", "&"}:
        k -= 1
        while k > lo and doc[k - 1].is_punct:
            k -= 1
    elif k < others[0][0] and doc[k].text == "," and _office_in_complement(doc[lo:k]):
        return phrase  # "Adviser to the Minister of Water, Tom Lee": Lee is the Minister, named inside the title
    else:
        return None
    return (lo, k) if k > lo else None


def _office_in_complement(words: Span) -> bool:
    """Whether a title's complement names an office ("Adviser to the Deputy Minister of Water")."""
    joins = [t.i for t in words if t.lower_ in {"to", "of", "for"}]
    return bool(joins) and has_head(words.doc[joins[0] + 1:words.end].text)


COPULAS = frozenset({"is", "was", "remains", "became", "becomes"})
RANKINGS = frozenset({"first", "second", "third", "last", "only", "sole", "youngest", "oldest", "longest-serving"})


def predicate_title(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token span of the role in `<name> was a senior Alder Front commander`: a title given by the verb "be".

    Only a run of role words and capitalised names that ends in a role head (with its complement,
    "of the Alder Trust") is read; "was a key figure in ..." or "is a farmer who ..." give nothing.
    """
    j = end
    if j + 1 >= len(doc) or doc[j].lower_ not in COPULAS or doc[j + 1].lower_ not in ("a", "an", "the"):
        return None
    k = j + 2
    last_head = None
    while k < len(doc) and k - j <= 12:
        tok = doc[k]
        if has_head(tok.text) and is_role_word(tok.text):
            last_head = k
        elif tok.text in ("'s", "’s") and k > j + 2 and doc[k - 1].text[:1].isupper():
            pass  # "the Secretary-General's Envoy"
        elif tok.is_space or not (tok.text[:1].isupper() or (is_role_word(tok.text) and tok.lower_ not in RANKINGS)
                                  or (tok.text == "-" and k > j + 2)):
            break  # "was a deputy to ...", "is the first senator to ...": the role ends there
        k += 1
    if last_head is None:
        return None
    stop = last_head + 1
    # "the director of the Alder Trust": a capitalised complement completes the role.
    if stop + 1 < len(doc) and doc[stop].lower_ in ("of", "for", "at", "on", "to"):
        c = stop + 1
        while c < len(doc) and c - stop <= 12 and not doc[c].is_space and (
                doc[c].text[:1].isupper() or doc[c].lower_ in CONNECTORS):
            c += 1
        while c > stop + 1 and doc[c - 1].lower_ in CONNECTORS:
            c -= 1
        if c + 1 < len(doc) and doc[c].text == "," and (doc[c + 1].text[:1].isupper() or doc[c + 1].lower_ == "and"):
            # "of the Health, Trade and Labor Committee" names one body; "of the Trade, Energy and Labor
            # Committees" several, none of them the person's one affiliation.
            listed = _list_end(doc, c)
            c = listed if listed is not None and not doc[listed - 1].lower_.endswith("s") else stop
        if c > stop + 1 and any(t.text[:1].isupper() for t in doc[stop + 1:c]):
            stop = c
    if stop < len(doc) and (doc[stop].lower_ == "to" or not (
            doc[stop].text in APPOSITIVE_STOP or doc[stop].is_space or doc[stop].is_punct or doc[stop].is_lower)):
        return None  # "was a deputy to the commander": a relation to someone, not a role in a body
    return j + 2, stop


def org_after_from(doc: Doc, end: int, is_org: Callable[[int], str | None]) -> str | None:
    """`Lea Berg, from the Federal Ministry of ...`, `Ana Cruz from the Department of Agriculture`."""
    j = end + (1 if end < len(doc) and doc[end].text == "," else 0)
    if j >= len(doc) or doc[j].lower_ != "from":
        return None
    for k in range(j + 1, min(len(doc), j + 6)):
        found = is_org(k)
        if found:
            return found
        if not (doc[k].text[:1].isupper() or doc[k].lower_ in ("the", "'s", "’s", "'", "’")):
            break
    return None
