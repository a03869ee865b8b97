"""Contacts: e-mail addresses and phone numbers, with the name and place each is given for.

Phone numbers are read with `phonenumbers` (Google's libphonenumber): the number is kept
as printed and in E.164 form.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import phonenumbers
import regex

EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
PLACEHOLDER = regex.compile(r"(?i)first\.?name|last\.?name|surname|your\.?name|^name$|^x+$")
# A number after a phone label ("Tel. +0115172131", "Mob: 0911 201 981") is a phone number even where
# libphonenumber cannot place it (a stray "+" before a national trunk prefix, a short local number).
LABELLED_PHONE = regex.compile(
    r"(?i)\b(?:tel|telephone|phone|ph|mob|mobile|cell|cellphone|office|direct)\.?\s{0,3}[:.]?\s{0,3}"
    r"(?P<number>\+?\(?\d[\d ().\/-]{5,18}\d)"
)
PLACE_LABEL = regex.compile(r"^\s*(?:In|in|For|for)\s+(?P<place>\p{Lu}[\p{L}'’ .-]{1,40}?)\s*[:–—-]")


@dataclass
class ContactHit:
    """One e-mail address or phone number found in the text."""

    start: int
    end: int
    email: str | None = None
    phone: str | None = None
    phone_e164: str | None = None
    place: str | None = None
    line: tuple[int, int] = (0, 0)


LABEL_REACH = 200  # characters of a line's start that can hold a place label ("In Geneva:")


class _Lines:
    """Line bounds by bisection over the text's line breaks, found once (per-hit scans are quadratic)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.breaks = [m.start() for m in regex.finditer(r"[\n\u2028]", text)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """(first, past-last) character of the line(s) from `start` to `end`, breaks excluded."""
        i = bisect_left(self.breaks, start)
        line_start = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect_left(self.breaks, end)
        return line_start, self.breaks[j] if j < len(self.breaks) else self.length


def find_contacts(text: str, regions: list[tuple[int, int]], phone_regions: list[tuple[int, int]]) -> list[ContactHit]:
    """E-mails in `regions` and phone numbers in `phone_regions` (the contact block)."""
    hits: list[ContactHit] = []
    for start, end in regions:
        for m in EMAIL.finditer(text, start, end):
            email = m.group().rstrip(".")
            if PLACEHOLDER.search(email.partition("@")[0]):
                continue  # "firstname.lastname@agency.org" explains an address pattern, it is none
            hits.append(ContactHit(m.start(), m.start() + len(email), email=email))
    for start, end in phone_regions:
        chunk = text[start:end]
        for match in phonenumbers.PhoneNumberMatcher(chunk, "US", leniency=phonenumbers.Leniency.POSSIBLE):
            s, e = start + match.start, start + match.end
            number = match.number
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            hits.append(ContactHit(s, e, phone=match.raw_string, phone_e164=e164))
        found = [(h.start, h.end) for h in hits if h.phone]
        for m in LABELLED_PHONE.finditer(text, start, end):
            s, e = m.span("number")
            digits = sum(ch.isdigit() for ch in m.group("number"))
            if digits >= 7 and not any(fs < e and fe > s for fs, fe in found):
                hits.append(ContactHit(s, e, phone=m.group("number")))
    hits.sort(key=lambda h: h.start)
    lines = _Lines(text)
    place: str | None = None
    last_line = -1
    for hit in hits:
        hit.line = lines.bounds(hit.start, hit.end)
        line_text = text[hit.line[0]:min(hit.line[1], hit.line[0] + LABEL_REACH)]
        label = PLACE_LABEL.match(line_text)
        if label:
            place = label.group("place").strip()
        elif hit.line[0] != last_line:
            # A place heading on its own line ("In Geneva:") governs the lines below it.
            prev_s, prev_e = lines.bounds(max(0, hit.line[0] - 2), max(0, hit.line[0] - 2))
            pm = PLACE_LABEL.match(text[prev_s:prev_e] + " :")
            if pm and len(text[prev_s:prev_e].split()) <= 5:
                place = pm.group("place").strip()
        hit.place = place
        last_line = hit.line[0]
    return hits
