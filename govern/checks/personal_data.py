"""`personal-data`: e-mail addresses, UK phone numbers, National Insurance numbers, NHS numbers
(valid check digit), full postcodes with a house number, and a house number with a street.

Catches: "call me on 07700 900123", "AB 12 34 56 C", "14 Acacia Road, PO4 8QX", "Mrs Jones at
14 Elm Road" (`street-address`; "5 potholes on Elm Road" counts things and is not an address).
Instead: ask the person to contact the council privately. The organisation's own published
contacts (`allow:`) are not personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import phonenumbers
import re2

from govern.checks import spelled_contacts
from govern.checks.base import CompileEnv, Span, Subject

KINDS = ("email", "phone", "ni-number", "nhs-number", "postcode-address", "street-address")

SCHEMA = {
    "kind": {"type": "string", "required": True},
    "detect": {"type": "list", "empty": False, "schema": {"type": "string", "allowed": list(KINDS)}},
    "allow": {"type": "list", "schema": {"type": "string", "empty": False}},
    "region": {"type": "string", "regex": r"^[A-Z]{2}$"},
}

EMAIL = re2.compile(r"(?i)\b[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}\b")
# National Insurance: two prefix letters (D, F, I, Q, U, V never; O never second), six digits, A-D.
NI_NUMBER = re2.compile(
    r"(?i)\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([A-D])\b"
)
NI_NEVER = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
NHS_NUMBER = re2.compile(r"\b([1-9]\d{2})[ -]?(\d{3})[ -]?(\d{4})\b")
POSTCODE = re2.compile(r"(?i)\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b")
# A house number before the postcode: "14 Acacia Road, PO4 8QX", "Flat 2, 7a Elm Grove PO5 1AB".
HOUSE_NUMBER = re2.compile(r"(?i)\b\d{1,4}[a-z]?,?\s+[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,4},?\s*$")
# A house number and a street, without a postcode: "14 Elm Road", "7a St Mary's Close".
STREET_TYPES = (
    "road|rd|street|st|avenue|ave|close|lane|ln|grove|way|drive|dr|crescent|cres|terrace|gardens|gdns|"
    "place|pl|court|ct|walk|row|hill|square|sq|mews|parade|rise|view|green|park|vale|gate|wharf|"
    "boulevard|approach|circus|chase|croft|fields|meadow|meadows|villas|cottages"
)
STREET_ADDRESS = re2.compile(
    rf"(?i)\b(\d{{1,4}}[a-z]?),?\s+((?:[a-z][a-z.'’-]*\s+){{1,3}})(?:{STREET_TYPES})\b"
)
# Words that make "5 potholes on Elm Road" a count of things, not an address.
NOT_A_STREET_NAME = frozenset(
    """on in at the of to from for and or by near along down up off a an my our your their his her
    this that these those into onto over under past than per mph km miles mile metres yards feet
    minutes mins hours years days weeks months times people cars buses bus houses homes potholes
    bins trees more other new different same bad big""".split()
)
# Nine digits close together: the least a UK phone number has. Texts without are not parsed.
PHONE_HINT = re2.compile(r"\d(?:\D{0,3}\d){8}")
# Letters written for digits inside a number ("O77OO 9OOl23"): O and o for 0, I, l and | for 1.
# A candidate is a whole word of digits and look-alikes, found from the start of a word only
# (the look-behind), so Python's re takes time linear in the text.
_DIGIT_LOOKALIKES = str.maketrans("OoIl|", "00111")
_NUMBER_WORD = re.compile(r"(?<![0-9A-Za-z|])[0-9OoIl|]+(?![0-9A-Za-z|])")
# Numbers and addresses in words ("double seven oh oh", "john dot smith at example dot com").
SPELLED_NUMBER_HINT = re2.compile("(?i)" + spelled_contacts.HINT)
SPELLED_EMAIL_HINT = re2.compile("(?i)" + spelled_contacts.HINT_EMAIL)


def digits_unmasked(text: str) -> str:
    """The text with look-alike letters read as digits in words that hold a digit (same length)."""
    if not any(c in text for c in "OoIl|"):
        return text
    pieces: list[str] = []
    last = 0
    for match in _NUMBER_WORD.finditer(text):
        word = match.group()
        number = word.translate(_DIGIT_LOOKALIKES)
        if number != word and not word.isalpha():
            pieces += [text[last : match.start()], number]
            last = match.end()
    return "".join([*pieces, text[last:]])


def _inside(start: int, end: int, spans: list[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's mod-11 check: weights 10..2 on the first nine digits."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _postcode_key(text: str) -> str:
    return "".join(text.split()).upper()


@dataclass
class PersonalData:
    detect: frozenset[str]
    allowed_emails: frozenset[str]
    allowed_phones: frozenset[str]
    allowed_postcodes: frozenset[str]
    region: str
    pattern: str | None = None  # what any personal data needs somewhere: '@', a digit run, a postcode

    def find(self, subject: Subject) -> list[Span]:
        text = subject.text
        spans: list[Span] = []
        if "email" in self.detect and "@" in text:
            spans += [
                Span(m.start(), m.end())
                for m in EMAIL.finditer(text)
                if m.group().lower() not in self.allowed_emails
            ]
        lowered = text.lower()
        if (
            "email" in self.detect
            and spelled_contacts.may_hold_email(lowered)
            and SPELLED_EMAIL_HINT.search(text)
        ):
            spans += [
                Span(start, end)
                for start, end, address in spelled_contacts.spelled_emails(text)
                if address not in self.allowed_emails and not _inside(start, end, spans)
            ]
        if "ni-number" in self.detect:
            for m in NI_NUMBER.finditer(text):
                if m.group(1).upper() not in NI_NEVER:
                    spans.append(Span(m.start(), m.end()))
        numbers = digits_unmasked(text) if {"nhs-number", "phone"} & self.detect else text
        if "nhs-number" in self.detect:
            for m in NHS_NUMBER.finditer(numbers):
                if nhs_check_digit_ok("".join(m.groups())):
                    spans.append(Span(m.start(), m.end()))
        if "phone" in self.detect and PHONE_HINT.search(numbers):
            spans += self._phones(numbers, spans)
        if (
            "phone" in self.detect
            and spelled_contacts.may_hold_number(lowered)
            and SPELLED_NUMBER_HINT.search(numbers)
        ):
            spans += self._spelled_phones(numbers, spans)
        if "postcode-address" in self.detect:
            for m in POSTCODE.finditer(text):
                if _postcode_key(m.group()) in self.allowed_postcodes:
                    continue
                before = text[max(0, m.start() - 60) : m.start()]
                house = HOUSE_NUMBER.search(before)
                if house:
                    spans.append(Span(m.start() - len(before) + house.start(), m.end()))
        if "street-address" in self.detect:
            for m in STREET_ADDRESS.finditer(text):
                names = m.group(2).lower().split()
                inside = any(s.start <= m.start() and m.end() <= s.end for s in spans)
                if not inside and not any(n.strip(".,") in NOT_A_STREET_NAME for n in names):
                    spans.append(Span(m.start(), m.end()))
        return spans

    def _spelled_phones(self, text: str, found: list[Span]) -> list[Span]:
        """Phone numbers with digits written as words, underlined where the words are."""
        spelled = spelled_contacts.spelled_digits(text)
        if spelled is None:
            return []
        spans: list[Span] = []
        for span in self._phones(spelled.text, []):
            start, end = spelled.start[span.start], spelled.end[span.end - 1]
            if not _inside(start, end, [*found, *spans]):
                spans.append(Span(start, end))
        return spans

    def _phones(self, text: str, found: list[Span]) -> list[Span]:
        spans = []
        # POSSIBLE, not VALID: a number that merely looks dialable is still someone's number
        # (Ofcom's drama ranges, new ranges the library does not know yet). Written the UK
        # way (0..., +44..., (0...) so that reference numbers are not taken for phones.
        for match in phonenumbers.PhoneNumberMatcher(
            text, self.region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            if not match.raw_string.lstrip("(").startswith(("0", "+")):
                continue
            number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            inside = any(s.start <= match.start and match.end <= s.end for s in found)
            if number not in self.allowed_phones and not inside:
                spans.append(Span(match.start, match.end))
        return spans


def compile_personal_data(spec: dict[str, Any], env: CompileEnv) -> PersonalData | None:
    region = str(spec.get("region", "GB"))
    emails, phones, postcodes = set(), set(), set()
    for i, entry in enumerate(spec.get("allow", [])):
        text = str(entry).strip()
        if "@" in text:
            emails.add(text.lower())
        elif POSTCODE.fullmatch(text):
            postcodes.add(_postcode_key(text))
        else:
            try:
                number = phonenumbers.parse(text, region)
            except phonenumbers.NumberParseException:
                number = None
            if number is None or not phonenumbers.is_valid_number(number):
                env.problem(
                    "G205", f"'{text}' is not an e-mail address, phone number or postcode", "allow", i
                )
                continue
            phones.add(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    detect = frozenset(spec.get("detect", KINDS))
    hints = {
        "email": "@|" + spelled_contacts.HINT_EMAIL,
        # a digit: "O77OO 9OOl23" holds nine only once its look-alike letters are read as digits;
        # or two number words in a row ("seven seven oh oh ...")
        "phone": r"\d|" + spelled_contacts.HINT,
        "ni-number": NI_NUMBER.pattern.removeprefix("(?i)"),
        "nhs-number": r"\d",
        "postcode-address": POSTCODE.pattern.removeprefix("(?i)"),
        "street-address": STREET_ADDRESS.pattern.removeprefix("(?i)"),
    }
    pattern = "(?i)(?:" + "|".join(f"(?:{hints[k]})" for k in sorted(detect)) + ")"
    return PersonalData(detect, frozenset(emails), frozenset(phones), frozenset(postcodes), region, pattern)
