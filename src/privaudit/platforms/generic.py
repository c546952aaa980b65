"""The generic reader: anything no platform reader recognises still gets scanned.

New export layouts appear every year; a file we cannot place must never be silently
dropped. JSON (and JS-wrapped JSON) string values, CSV cells, plain-text lines and image
metadata are turned into records whose fields get a role from their key or column name
(``birthDate`` → birth date, ``phone`` → phone …), so structured values are still
recognised. Who could see such data is unknown, so it is rated as account data and the
report says the file was read generically.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError, record_time
from privaudit.model import Exposure, Field, Kind, Record, Role
from privaudit.platforms.documents import decode_text, join_pointer, json_too_large, parse_json
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import is_media_name, media_metadata

_KEY_ROLES: dict[str, Role] = {
    **dict.fromkeys(
        ["birthdate", "birthday", "dateofbirth", "dob", "birth", "birthdatestring"],
        Role.BIRTHDATE,
    ),
    **dict.fromkeys(
        [
            "phone",
            "phonenumber",
            "mobile",
            "mobilenumber",
            "tel",
            "telephone",
            "cell",
            "cellphone",
            "msisdn",
        ],
        Role.PHONE,
    ),
    **dict.fromkeys(["email", "emailaddress", "mail", "emails"], Role.EMAIL),
    **dict.fromkeys(
        [
            "text",
            "fulltext",
            "content",
            "message",
            "body",
            "comment",
            "caption",
            "title",
            "description",
            "bio",
            "about",
            "status",
            "note",
            "post",
            "tweet",
        ],
        Role.TEXT,
    ),
    **dict.fromkeys(["name", "fullname", "displayname", "firstname", "lastname"], Role.NAME),
    **dict.fromkeys(["location", "city", "hometown", "address", "place"], Role.PLACE),
}
_JSON_SUFFIXES = (".json", ".js", ".jsonl", ".ndjson")
_TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml", ".log", ".vcf", ".ics")
_MAX_TEXT_FIELD = 100_000
"""Longer strings are cut for scanning: nobody writes a post that long, but a blob might."""
_NON_WORD = re.compile(r"[^a-z0-9]")


def role_for_key(key: str) -> Role:
    """The role a field probably has, from its JSON key or CSV column name."""
    return _KEY_ROLES.get(_NON_WORD.sub("", key.lower()), Role.OTHER)


def json_fields(doc: Any, base: str = "") -> tuple[Field, ...]:
    """Every string leaf of a JSON document as a Field (iterative: deep documents are fine)."""
    out: list[Field] = []
    stack: list[tuple[str, str, Any]] = [(base, "", doc)]
    while stack:
        ptr, key, node = stack.pop()
        if isinstance(node, str):
            if node.strip():
                out.append(Field(key or "value", ptr, node[:_MAX_TEXT_FIELD], role_for_key(key)))
        elif isinstance(node, dict):
            for child_key, child in reversed(list(node.items())):
                stack.append((join_pointer(ptr, child_key), str(child_key), child))
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                stack.append((join_pointer(ptr, index), key, node[index]))
    return tuple(out)


class GenericPlatform(Platform):
    """Reader of last resort for JSON, CSV, text and image members."""

    name = "generic"
    title = "Unrecognised files"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        return 0.1

    def claims(self, member: Member) -> bool:
        return True

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        unreadable: dict[str, int] = {}
        for member in members:
            lower = member.path.lower()
            try:
                if lower.endswith(_JSON_SUFFIXES):
                    yield from self._json(archive, member)
                elif lower.endswith(".csv"):
                    yield from self._csv(archive, member)
                elif lower.endswith(_TEXT_SUFFIXES):
                    yield from self._text(archive, member)
                elif is_media_name(lower):
                    yield from self._image(archive, member)
                else:
                    name = lower.rsplit("/", 1)[-1]
                    kind = "." + name.rsplit(".", 1)[-1] if "." in name else "(no extension)"
                    unreadable[kind] = unreadable.get(kind, 0) + 1
            except (MemberError, MediaError) as exc:
                notes.skip(member.path, str(exc))
        if unreadable and len(members) == 1:
            notes.skip(members[0].path, "not a file type privaudit can read")
        elif unreadable:
            kinds = ", ".join(f"{k} ×{n}" for k, n in sorted(unreadable.items()))
            notes.note(f"files of types privaudit does not read yet were not scanned: {kinds}")

    def _record(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        fields: tuple[Field, ...],
        kind: Kind = Kind.OTHER,
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=kind,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            fields=fields,
            label="file read generically",
        )

    def _json(self, archive: Archive, member: Member) -> Iterator[Record]:
        lines = member.path.lower().endswith((".jsonl", ".ndjson"))
        limit = archive.limits.max_json_bytes
        if not lines and member.size > limit:
            raise json_too_large(member.size, limit)  # before reading it
        data = archive.read(member)
        if lines:
            for index, line in enumerate(data.splitlines()):
                if line.strip():
                    try:
                        doc = parse_json(line)
                    except MemberError:
                        continue
                    yield self._record(archive, member, f"/{index}", json_fields(doc, f"/{index}"))
            return
        doc = parse_json(data, limit)
        if isinstance(doc, list):
            for index, item in enumerate(doc):
                fields = json_fields(item, f"/{index}")
                if fields:
                    yield self._record(archive, member, f"/{index}", fields)
        else:
            fields = json_fields(doc)
            if fields:
                yield self._record(archive, member, "", fields)

    def _csv(self, archive: Archive, member: Member) -> Iterator[Record]:
        text = decode_text(archive.read(member))
        reader = csv.reader(io.StringIO(text))
        try:
            header = next(reader)
        except (StopIteration, csv.Error):
            return
        try:
            for row_index, row in enumerate(reader):
                fields = tuple(
                    Field(
                        column,
                        f"/{row_index}/{_escape(column)}",
                        cell[:_MAX_TEXT_FIELD],
                        role_for_key(column),
                    )
                    for column, cell in zip(header, row, strict=False)
                    if cell.strip()
                )
                if fields:
                    yield self._record(archive, member, f"/{row_index}", fields)
        except csv.Error as exc:
            raise MemberError(f"damaged CSV ({exc})") from None

    def _text(self, archive: Archive, member: Member) -> Iterator[Record]:
        text = decode_text(archive.read(member))
        fields = tuple(
            Field(f"line {index + 1}", f"/{index}", line[:_MAX_TEXT_FIELD], Role.TEXT)
            for index, line in enumerate(text.splitlines())
            if line.strip()
        )
        if fields:
            yield self._record(archive, member, "", fields)

    def _image(self, archive: Archive, member: Member) -> Iterator[Record]:
        meta = media_metadata(archive, member)
        if meta.points or meta.fields:
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.MEDIA,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                timestamp=record_time(meta.taken_at),
                fields=meta.fields,
                points=meta.points,
                label="photo",
            )


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
