"""What a platform module builds — files plus the answer key — and how it is written out.

An :class:`Export` is the archive as bytes by member path, with the trainer's answer key:
every planted mistake (:class:`Planted`: the rule that must catch it and the exact member
and RFC 6901 pointer where privaudit will report it) and every look-alike that must *not*
be reported (:class:`Decoy`). Pointers are computed from the documents as built, never
typed by hand, so the key cannot drift from the data.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from privaudit.demo.jpeg import Exif, jpeg, scene
from privaudit.demo.persona import Audience, Item, Persona, Story
from privaudit.platforms.documents import pointer as make_pointer

ZIP_TIME = (2025, 5, 18, 9, 41, 26)
"""Modification time of every zip member (fixed: the same seed gives the same bytes)."""


class DemoError(Exception):
    """The demo archive could not be written; the message is shown to the user as is."""


@dataclass(frozen=True, slots=True)
class Planted:
    """A mistake planted in the archive and the rule that must find it."""

    key: str
    """Story item it comes from (``birthday``, ``dm-wifi`` … or ``profile-…``)."""
    mistake: str
    rule: str
    member: str
    pointer: str
    excerpt: str
    """The risky words (or "EXIF GPS" / "geotag" for positions)."""
    exposure: str
    """Who can see it: public, followers, deleted, private or account."""


@dataclass(frozen=True, slots=True)
class Decoy:
    """A look-alike that must not be reported (a hard negative)."""

    key: str
    member: str
    pointer: str
    excerpt: str
    why: str


@dataclass(frozen=True, slots=True)
class Inferred:
    """A whole-archive inference the planted items add up to."""

    rule: str
    what: str


@dataclass(slots=True)
class Export:
    """One platform's demo archive: its files and its answer key."""

    platform: str
    title: str
    root: str
    """Name of the export folder (and of the zip, plus ``.zip``), as the platform names it."""
    files: dict[str, bytes] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)
    decoys: list[Decoy] = field(default_factory=list)
    inferred: list[Inferred] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Remarks for the trainer about this platform's export."""

    def add(self, path: str, data: bytes) -> None:
        if path in self.files:
            raise ValueError(f"duplicate member {path}")
        self.files[path] = data


def answer_key(
    export: Export,
    story: Story,
    where: dict[str, tuple[str, str]],
    post_exposure: str,
    rules: dict[str, str] | None = None,
    mistakes: dict[str, str] | None = None,
    exposures: dict[str, str] | None = None,
) -> None:
    """Add the story's planted mistakes and look-alikes to ``export``'s answer key.

    ``where`` maps story keys to the (member, pointer) the report names; items a platform
    has no place for are left out of it and of the key. ``rules`` and ``mistakes`` override
    the story's rule or wording per key where a platform stores an item differently, and
    ``exposures`` its audience.
    """
    for item in story.items:
        if item.key not in where:
            continue
        member, ptr = where[item.key]
        if item.rule:
            exposure = "private" if item.audience is Audience.MESSAGE else post_exposure
            exposure = (exposures or {}).get(item.key, exposure)
            export.planted.append(
                Planted(
                    item.key,
                    (mistakes or {}).get(item.key, item.mistake),
                    (rules or {}).get(item.key, item.rule),
                    member,
                    ptr,
                    item.excerpt,
                    exposure,
                )
            )
        elif item.decoy:
            export.decoys.append(Decoy(item.key, member, ptr, item.text, item.decoy))


def meta_thread(
    export: Export,
    story: Story,
    where: dict[str, tuple[str, str]],
    thread: str,
    other: str,
    rel: str,
    *,
    thread_path: str,
    photo_dir: str,
    photo_id: tuple[str, int, int],
    member_root: str = "",
    extra: dict[str, Any] | None = None,
) -> None:
    """Add one Meta (Facebook, Instagram) inbox thread as ``rel``, messages newest first.

    A photo sent in the thread is ``photo_dir`` + a number from ``photo_id`` (label,
    digits, leading digits) in the message's ``uri``, and ``member_root`` + that ``uri`` in
    the archive; ``extra`` keys close the thread document. Each message's place goes into
    ``where``.
    """
    p = story.persona
    label, digits, lead = photo_id
    messages: list[Any] = []
    for item in sorted(story.messages(thread), key=lambda i: i.when, reverse=True):
        message: dict[str, Any] = {
            "sender_name": p.name if item.mine else other,
            "timestamp_ms": epoch(item.when) * 1000,
            "content": item.text,
        }
        if item.photo is not None:
            uri = f"{photo_dir}{number(f'{p.seed}:{label}:{item.key}', digits, lead)}.jpg"
            message["photos"] = [{"uri": uri, "creation_timestamp": epoch(item.when)}]
            export.add(f"{member_root}{uri}", phone_photo(item, p))
            where[item.key] = (f"{member_root}{uri}", "")
        message["is_geoblocked_for_viewer"] = False
        messages.append(message)
    doc = {
        "participants": [{"name": other}, {"name": p.name}],
        "messages": messages,
        "title": other,
        "is_still_participant": True,
        "thread_path": thread_path,
        "magic_words": [],
        **(extra or {}),
    }
    for item in story.messages(thread):
        if item.photo is None:
            where[item.key] = (rel, pointer_of(doc, item.text))
    export.add(rel, meta_json(doc))


def account_facts(
    export: Export,
    persona: Persona,
    birthdate: tuple[str, str],
    phone: tuple[str, str] | None,
    email: tuple[str, str],
    where: str = "profile",
    exposure: str = "account",
    birthdate_text: str = "",
    phone_text: str = "",
) -> None:
    """Add the profile's date of birth, phone and e-mail (member, pointer) to the key.

    ``exposure`` is the date of birth's audience; ``birthdate_text`` and ``phone_text`` are
    the values as the platform writes them (ISO date and E.164 by default).
    """
    p = persona
    facts = [
        Planted(
            "profile-birthdate",
            f"Full date of birth (with the year) in the {where}",
            "birthdate-full",
            *birthdate,
            birthdate_text or p.birthday.isoformat(),
            exposure,
        ),
        Planted(
            "profile-phone",
            f"Phone number in the {where} (privaudit uses it to recognise the number elsewhere)",
            "phone-number",
            *(phone or ("", "")),
            phone_text or p.phone_e164,
            "account",
        ),
        Planted(
            "profile-email",
            "Login e-mail address of the account",
            "email-address",
            *email,
            p.email,
            "account",
        ),
    ]
    export.planted += [fact for fact in facts if fact.member]


HOME_AND_KIT = (
    Inferred("inferred-home", "the positions of the photos and the geotag cluster at one place"),
    Inferred(
        "identity-theft-kit",
        "name, date of birth, phone number and home address, all in one archive",
    ),
)
"""What the story adds up to on every platform with photo positions."""


def phone_photo(item: Item, persona: Persona) -> bytes:
    """The JPEG of ``item``'s photo as the persona's phone wrote it (camera, time, GPS)."""
    photo = item.photo
    if photo is None:
        raise ValueError(f"{item.key} has no photo")
    offset = persona.town.utc_offset
    local = photo.taken + timedelta(hours=offset)
    exif = Exif(
        make="Apple",
        model="iPhone 13",
        taken=f"{local:%Y:%m:%d %H:%M:%S}",
        offset=f"{'-' if offset < 0 else '+'}{abs(offset):02d}:00",
        gps=photo.gps,
    )
    return jpeg(scene(photo.palette, shift=len(item.key)), exif)


def plain_photo(item: Item, palette: tuple[tuple[int, int, int], ...]) -> bytes:
    """A JPEG without any metadata, as platforms export the photos they re-encoded."""
    return jpeg(scene(palette, shift=len(item.key)))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English names, whatever the process locale (``%B`` would follow it)."""


def clock(when: datetime) -> str:
    """``6:01:02 PM`` in English."""
    return f"{when.hour % 12 or 12}:{when.minute:02d}:{when.second:02d} " + (
        "PM" if when.hour >= 12 else "AM"
    )


def epoch(when: datetime) -> int:
    """Epoch seconds."""
    return int(when.timestamp())


def code(label: str, n: int) -> str:
    """An ``n``-character alphanumeric code derived from ``label``."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    value = int(hashlib.sha256(label.encode()).hexdigest(), 16)
    out = []
    for _ in range(n):
        value, r = divmod(value, len(alphabet))
        out.append(alphabet[r])
    return "".join(out)


def number(label: str, digits: int, lead: int = 1) -> str:
    """A ``digits``-long numeric id derived from ``label`` and starting with ``lead``."""
    span = 10 ** (digits - len(str(lead)))
    return str(lead * span + int(hashlib.sha256(label.encode()).hexdigest(), 16) % span)


# -- JSON ------------------------------------------------------------------------------------


def find_pointers(doc: Any, needle: str, base: str = "") -> Iterator[str]:
    """Pointers of the strings in ``doc`` that contain ``needle``."""
    if isinstance(doc, str):
        if needle in doc:
            yield base
    elif isinstance(doc, list):
        for index, item in enumerate(doc):
            yield from find_pointers(item, needle, base + make_pointer(index))
    elif isinstance(doc, dict):
        for key, item in doc.items():
            yield from find_pointers(item, needle, base + make_pointer(str(key)))


def pointer_of(doc: Any, text: str) -> str:
    """The pointer of the one string in ``doc`` that equals ``text``."""
    found = [p for p in find_pointers(doc, text) if _resolve(doc, p) == text]
    if len(found) != 1:
        raise ValueError(f"expected one string {text!r} in the document, found {len(found)}")
    return found[0]


def _resolve(doc: Any, ptr: str) -> Any:
    node = doc
    for raw in ptr[1:].split("/") if ptr else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def mojibake(value: Any) -> Any:
    """Meta's encoding: every UTF-8 byte of every string (keys too) becomes one code point."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [mojibake(v) for v in value]
    if isinstance(value, dict):
        return {mojibake(k): mojibake(v) for k, v in value.items()}
    return value


def meta_json(doc: Any) -> bytes:
    """A document as Meta's exporter writes it: mojibake, ``\\u00XX`` escapes, indent 2."""
    return (json.dumps(mojibake(doc), indent=2, ensure_ascii=True) + "\n").encode("ascii")


def plain_json(doc: Any, indent: int | None = 2) -> bytes:
    """UTF-8 JSON with real characters (Google, LinkedIn, Messenger downloads)."""
    return json.dumps(doc, indent=indent, ensure_ascii=False).encode("utf-8")


# -- writing ------------------------------------------------------------------------------------


def write_export(export: Export, out_dir: Path, zipped: bool) -> Path:
    """Write ``export`` into ``out_dir`` as a folder or a zip; the archive's path."""
    if zipped:
        target = out_dir / f"{export.root}.zip"
        with zipfile.ZipFile(target, "w") as archive:
            for name in sorted(export.files):
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = (0o100644 & 0xFFFF) << 16
                archive.writestr(info, export.files[name], compresslevel=6)
        return target
    root = out_dir / export.root
    for name in sorted(export.files):
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(export.files[name])
    return root
