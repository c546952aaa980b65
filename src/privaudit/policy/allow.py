"""Allow-lists: values the user never wants reported, compared however they were written.

A finding carries its normalised value (``Finding.key``): E.164 for phone numbers, the
lower-cased address for e-mail, ``lat,lon`` at 4 decimals for positions, a ``kind:`` prefix
plus a compact form for cards, IBANs, serials … An allow-list entry is normalised the same
way before comparing, so ``(206) 555-0142`` (with ``phone-region = "US"``, or on a number
whose country the entry leaves open), ``+1 206 555 0142`` and ``001 206 555 0142`` all
match the finding ``+12065550142``. Nothing is matched by substring: an entry names a
whole value, never "anything containing 555".

Inference findings (home, routine, identity kit) have no single value and are never
allow-listed; a rule is disabled or re-graded for those instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers as pn

from privaudit.model import Category, Finding

_PHONE_CHARS = re.compile(r"^[\d\s()+./-]+$")
_COORDS = re.compile(r"^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
_PREFIX = re.compile(r"^[a-z][a-z-]*:")


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """One allow-list value in every normal form a finding might be compared in."""

    raw: str
    rule: str | None
    """Only findings of this rule (None: any rule)."""
    compact: str
    """Letters and digits only, case-folded (``DE89 3704…`` → ``de893704…``)."""
    email: str | None = None
    phone: str | None = None
    """E.164 form, when the entry is an unambiguous phone number."""
    national: str | None = None
    """Digits without leading zeros, for a national-format number and no region set."""
    coords: str | None = None
    """``lat,lon`` at 4 decimals, the form of position keys."""


def compile_entries(
    values: Iterable[str], by_rule: dict[str, tuple[str, ...]], region: str | None
) -> list[AllowEntry]:
    """Allow entries from the policy's ``values`` and ``by-rule`` lists."""
    entries = [_entry(value, None, region) for value in values]
    for rule, rule_values in by_rule.items():
        entries.extend(_entry(value, rule, region) for value in rule_values)
    return entries


def allowed(finding: Finding, entries: Iterable[AllowEntry]) -> AllowEntry | None:
    """The entry that allows ``finding``, or None."""
    if finding.category is Category.INFERENCE or not finding.key:
        return None
    for entry in entries:
        if entry.rule is not None and entry.rule != finding.rule:
            continue
        if _matches(finding, entry):
            return entry
    return None


def _entry(value: str, rule: str | None, region: str | None) -> AllowEntry:
    text = value.strip()
    email = text.casefold() if "@" in text and " " not in text else None
    phone = national = coords = None
    found = _COORDS.match(text)
    if found and "." in text:
        coords = f"{float(found.group(1)):.4f},{float(found.group(2)):.4f}"
    elif email is None and _PHONE_CHARS.match(text):
        phone, national = _phone_forms(text, region)
    return AllowEntry(
        raw=text,
        rule=rule,
        compact=_compact(text),
        email=email,
        phone=phone,
        national=national,
        coords=coords,
    )


def _phone_forms(text: str, region: str | None) -> tuple[str | None, str | None]:
    digits = re.sub(r"\D", "", text)
    if not 5 <= len(digits) <= 17:
        return None, None
    candidates: list[tuple[str, str | None]] = []
    if text.lstrip().startswith("+"):
        candidates.append((text, None))
    elif digits.startswith("00"):
        candidates.append(("+" + digits[2:], None))
    if region:
        candidates.append((text, region))
    for number_text, number_region in candidates:
        try:
            number = pn.parse(number_text, number_region)
        except pn.NumberParseException:
            continue
        if pn.is_possible_number(number):
            return pn.format_number(number, pn.PhoneNumberFormat.E164), None
    if text.lstrip().startswith("+") or digits.startswith("00") or region:
        return None, None
    return None, digits.lstrip("0") or None


def _matches(finding: Finding, entry: AllowEntry) -> bool:
    key = finding.key
    if finding.category is Category.PHONE:
        return _phone_matches(key, entry)
    if finding.category is Category.EMAIL:
        return entry.email is not None and entry.email == key.casefold()
    if finding.category is Category.LOCATION and entry.coords is not None:
        return entry.coords == key
    if not entry.compact:
        return False
    body = _PREFIX.sub("", key)
    forms = {_compact(body), _compact(body.rsplit(":", 1)[-1]), _compact(finding.value)}
    if entry.compact in forms:
        return True
    # A street line is the key of an address; the entry may add the town ("…, Tucson").
    street = _compact(key)
    return (
        finding.category is Category.ADDRESS and bool(street) and entry.compact.startswith(street)
    )


def _phone_matches(key: str, entry: AllowEntry) -> bool:
    if key.startswith("tel:"):  # a number without a recognised country: compare digits
        digits = key[4:]
        return entry.compact.isdigit() and entry.compact.lstrip("0") == digits.lstrip("0")
    if entry.phone is not None:
        return entry.phone == key
    if entry.national is None:
        return False
    try:
        number = pn.parse(key, None)
    except pn.NumberParseException:
        return False
    return pn.national_significant_number(number).lstrip("0") == entry.national


def _compact(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
