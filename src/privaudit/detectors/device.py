"""device-serial, device-owner-name, device-name — what your devices say about you.

What it finds
-------------
* ``device-serial``: the serial number of the camera body or lens, written into the
  metadata of every photo it takes (``BodySerialNumber``, ``CameraSerialNumber``,
  ``SerialNumber``, ``LensSerialNumber``). Placeholder values ("0000000", "unknown")
  are not reported.
* ``device-owner-name``: a person's name in a photo's owner fields (``Artist``,
  ``OwnerName``, ``CameraOwnerName``, ``XPAuthor``, ``Copyright``) — "Anna Schmidt",
  "© 2019 Anna Schmidt Photography". Software, vendors and placeholders ("Picasa",
  "Canon", "Owner") and companies ("… GmbH", "… Ltd") are not reported.
* ``device-name``: personal device names in account data, photo metadata and "sent
  from" lines — "Anna's iPhone", "Annas MacBook Pro", "iPhone de María", "iPad von Jonas".

A plain camera make and model ("Canon EOS 80D") is not reported: millions share it.

Why it matters
--------------
A camera serial number links every photo you ever took with that camera, across
accounts and sites — photos posted under a pseudonym can be traced back to you, and
stolen-camera databases match serials to owners. An owner name travels inside every
file you share, even when you post anonymously. A device named after you broadcasts
your first name over Wi-Fi, Bluetooth and AirDrop wherever you take it.

Example
-------
    IMG_0412.jpg  BodySerialNumber C02XK9Q70412   → •••••• ••0412 (high: camera serial)

How to fix
----------
* Remove metadata before sharing photos (most phones and editors offer "remove
  location and info"); clear the owner/copyright name in your camera's settings.
* Rename your devices to something that doesn't contain your name (phone settings →
  General/About → Name).
* Re-upload old photos with their metadata stripped, where it matters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import device as lex
from privaudit.detectors.text import alternation, mask_tail, mask_word
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE_SERIAL = Rule("device-serial", Category.DEVICE, "Camera serial number", 30, __name__)
RULE_OWNER = Rule("device-owner-name", Category.DEVICE, "Owner name in photo metadata", 35,
                  __name__)  # fmt: skip
RULE_NAME = Rule("device-name", Category.DEVICE, "Device named after you", 25, __name__)

_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?)"
_DEVICE = alternation(lex.DEVICES)
_DEVICE_NAME = re.compile(
    rf"""(?P<owner>{_NAME})(?:['’]s|['’]|(?<=s))\s+(?P<device>{_DEVICE})(?![\w])
       |(?P<device2>{_DEVICE})\s+(?:de|von|van|di|da|du)\s+(?P<owner2>{_NAME})(?![\w])""",
    re.VERBOSE,
)
_SENT_FROM = re.compile(
    r"(?:sent from|gesendet von|enviado desde|envoyé de(?:puis)?|verzonden (?:vanaf|met)"
    r"|inviato da)\s+(?:(?:el|la|mon|mi|mein(?:em)?)\s+)?",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|\S+")
_YEAR = re.compile(r"^(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?$")


def _serial(field: Field) -> Match | None:
    raw = field.text.strip()
    norm = re.sub(r"\s+", "", raw).upper()
    if norm.lower() in lex.PLACEHOLDER_SERIALS or len(norm) < 4 or len(norm) > 64:
        return None
    if len(set(norm)) == 1:
        return None  # "AAAAAAAA", "11111111"
    start = field.text.index(raw)
    return Match(
        rule=RULE_SERIAL.id,
        category=RULE_SERIAL.category,
        title=RULE_SERIAL.title,
        value=raw,
        key=f"serial:{norm}",
        evidence=mask_tail(norm),
        pointer=field.pointer,
        span=(start, start + len(raw)),
        harm=RULE_SERIAL.harm,
        confidence=Confidence.HIGH,
        detail=f"{'lens' if field.name.startswith('Lens') else 'camera'} serial number "
        f"in photo metadata ({field.name})",
        reasons=(f"metadata tag {field.name}",),
        tag=field.name,
    )


def owner_name(text: str) -> list[str] | None:
    """The name tokens of a person in an owner/copyright value, or None when there is none."""
    tokens: list[str] = []
    business = False
    for token in _TOKEN.findall(text.replace("©", " © ")):
        word = token.strip(",;:()[]\"'.!").lower()
        if not word or word in lex.OWNER_NOISE or _YEAR.match(word):
            business = business or word in ("studio", "studios", "media", "productions")
            continue
        if word in lex.BUSINESS_SUFFIXES:
            return None
        if any(c.isdigit() for c in word) or "@" in word or "." in word:
            return None  # an e-mail, a domain or an id: not a plain name
        tokens.append(token.strip(",;:()[]\"'.!"))
    if not tokens or len(tokens) > 4:
        return None
    if all(t.lower() in lex.GENERIC_OWNERS for t in tokens):
        return None
    if " ".join(t.lower() for t in tokens) in lex.GENERIC_OWNERS:
        return None
    if business and len(tokens) < 2:
        return None
    if not all(t[0].isalpha() for t in tokens) or any(len(t) < 2 for t in tokens):
        return None
    return tokens


def _owner(field: Field) -> Match | None:
    raw = field.text.strip()
    if not raw or len(raw) > 120:
        return None
    tokens = owner_name(raw)
    if tokens is None:
        return None
    start = field.text.index(raw)
    full = len(tokens) >= 2
    return Match(
        rule=RULE_OWNER.id,
        category=RULE_OWNER.category,
        title=RULE_OWNER.title,
        value=raw,
        key=f"owner:{' '.join(t.casefold() for t in tokens)}",
        evidence=" ".join(mask_word(t) for t in tokens),
        pointer=field.pointer,
        span=(start, start + len(raw)),
        harm=RULE_OWNER.harm,
        confidence=Confidence.HIGH if full else Confidence.MEDIUM,
        detail=f"{'full name' if full else 'a name'} in the photo's {field.name} tag",
        reasons=(f"metadata tag {field.name}", "first and last name" if full else "one name"),
        tag=field.name,
    )


def _device_name(
    field: Field, start: int, end: int, reason: str, confidence: Confidence
) -> Match | None:
    found = _DEVICE_NAME.fullmatch(field.text, start, end)
    if found is None:
        return None
    owner = found.group("owner") or found.group("owner2")
    device = found.group("device") or found.group("device2")
    if owner.lower() in lex.NOT_OWNER_NAMES:
        return None
    value = field.text[start:end]
    masked = value.replace(owner, mask_word(owner), 1)
    return Match(
        rule=RULE_NAME.id,
        category=RULE_NAME.category,
        title=RULE_NAME.title,
        value=value,
        key="device-name:" + " ".join(value.replace("’", "'").casefold().split()),
        evidence=masked,
        pointer=field.pointer,
        span=(start, end),
        harm=RULE_NAME.harm,
        confidence=confidence,
        detail=f"a {device} named after a person",
        reasons=(reason,),
        tag=field.name if field.role is Role.DEVICE else "",
    )


class DeviceDetector:
    """Serial numbers, owner names and personal device names."""

    rules: tuple[Rule, ...] = (RULE_SERIAL, RULE_OWNER, RULE_NAME)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            match: Match | None = None
            if field.role is Role.DEVICE:
                if field.name in lex.SERIAL_TAGS:
                    match = _serial(field)
                elif field.name in lex.OWNER_TAGS:
                    match = _owner(field) or self._whole(field, Confidence.HIGH)
                else:
                    match = self._whole(field, Confidence.HIGH)
            elif field.role in (Role.OTHER, Role.NAME):
                match = self._whole(field, Confidence.MEDIUM)
            elif field.role is Role.TEXT:
                yield from self._sent_from(field)
            if match is not None:
                yield match

    def _whole(self, field: Field, confidence: Confidence) -> Match | None:
        """A field whose whole value is a personal device name."""
        text = field.text
        if len(text) > 80 or not any(c.isupper() for c in text):
            return None
        stripped = text.strip()
        start = text.find(stripped)
        where = f"metadata tag {field.name}" if field.role is Role.DEVICE else f"field {field.name}"
        return _device_name(field, start, start + len(stripped), where, confidence)

    def _sent_from(self, field: Field) -> Iterator[Match]:
        """ "Sent from Anna's iPhone" lines in messages and e-mails."""
        text = field.text
        if (
            "ent from" not in text
            and "esendet" not in text
            and "nviad" not in text
            and ("nvoy" not in text and "erzonden" not in text and "nviato" not in text)
        ):
            return
        for lead in _SENT_FROM.finditer(text):
            found = _DEVICE_NAME.match(text, lead.end())
            if found is None:
                continue
            match = _device_name(
                field, found.start(), found.end(), "'sent from' signature", Confidence.MEDIUM
            )
            if match is not None:
                yield match


DETECTOR = DeviceDetector()
