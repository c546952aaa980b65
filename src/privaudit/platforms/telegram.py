"""Telegram Desktop reader: "Export Telegram data" (whole account) and "Export chat history".

Layout: a folder ``DataExport_YYYY-MM-DD/`` (account) or ``ChatExport_YYYY-MM-DD/`` (one chat)
holding ``result.json`` when the "Machine-readable JSON" format was chosen (``export_results
.html``/``messages.html`` pages otherwise), and the downloaded media under
``chats/chat_NNN/{photos,files,video_files,…}/`` (one chat: ``photos/`` … at the top),
``profile_pictures/`` and ``stories/``. The account file holds ``personal_information``,
``profile_pictures``, ``stories``, ``contacts``, ``frequent_contacts``, ``sessions``,
``web_sessions``, ``other_data``, ``chats`` and ``left_chats`` (lists of chats with their
``messages``); a one-chat file is that chat alone (``name``, ``type``, ``id``, ``messages``).

Quirks handled once: the exporter writes control characters as ``\\xNN``, which is not
JSON — a file that does not parse is read again with those escapes as ``\\u00NN`` (an agreed
repair: pointers then resolve in the repaired document, :func:`parse_result`); ``date`` has
no zone (the exporting computer's clock) so ``date_unixtime`` is preferred, and a ``date``
alone is taken as UTC; ``from_id`` is ``user<id>``/``channel<id>`` (a bare number in old
exports); files that were not downloaded are named by a "(File not included …)" sentence.

Message text (agreed exception to "the field text is the pointed-to string"): ``text`` is a
string, or an array of strings and entity objects (``{"type": "bold", "text": "…"}``). The
field's text is the concatenation of the strings and the entities' ``text`` values — what
:func:`message_text` returns — and its pointer names the ``text`` member (``/chats/list/3/
messages/12/text``), so ``message_text(resolve_pointer(doc, pointer))`` gives it back.

Who wrote what: the user is ``personal_information.user_id`` (as ``user<id>``). Without it
(one-chat exports), in a personal chat the user is the sender who is not the chat's partner
(a personal chat's ``id`` is the partner's user id); else the one sender present in every
chat. Forwarded messages are someone else's words. A shared contact card is another person's
number: it is only read in the user's own messages.

Exposure by chat type: personal chats, bot chats, saved messages and replies are private;
private groups, private supergroups and private channels are rated ``followers`` (an
audience of members or subscribers); public supergroups and public channels are public. The
profile (names, username, bio) is public; the account phone number is account data; stories
are rated ``followers`` (their audience is not in the export). The uploaded address book
(``contacts``) is other people's data: read, never reported. Sessions, frequent contacts and
``other_data`` are Telegram's records about the account, not disclosures: not read.

Locations: ``location_information`` (a shared point, a venue, a live location) is a precise
position pointing at that object; map links in the text count too. Media: files named by a
message (``photo``, ``file``) take that message's author, time and exposure; profile pictures
are public. Telegram recompresses photos (no EXIF) unless they were sent as files.

HTML exports are recognised but not read: a note asks for the JSON export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import MAX_JSON_BYTES, join_pointer, json_too_large, parse_json
from privaudit.platforms.generic import json_fields
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import is_media_name, media_metadata
from privaudit.platforms.whatsapp import map_links

_RESULT = "result.json"
_HEAD = 8192
_X_ESCAPE = re.compile(rb"(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})")
_MARKERS = re.compile(
    rb'"(?:personal_information|date_unixtime|from_id|text_entities|chats)"\s*:'
    rb'|"type"\s*:\s*"(?:personal_chat|private_group|private_supergroup|public_supergroup'
    rb'|private_channel|public_channel|bot_chat|saved_messages)"'
)
_MESSAGES = re.compile(rb'"messages"\s*:\s*\[')
_HTML_PAGE = re.compile(r"^(?:export_results|messages\d*)\.html$")
_EXPORT_DIRS = frozenset(
    {
        "chats",
        "profile_pictures",
        "stories",
        "photos",
        "files",
        "video_files",
        "voice_messages",
        "round_video_messages",
        "stickers",
        "animations",
        "contacts",
        "css",
        "js",
        "images",
        "lists",
    }
)
_KNOWN_SECTIONS = frozenset(
    {
        "about",
        "personal_information",
        "profile_pictures",
        "stories",
        "contacts",
        "frequent_contacts",
        "sessions",
        "web_sessions",
        "other_data",
        "chats",
        "left_chats",
    }
)
_CHAT_KEYS = frozenset({"name", "type", "id", "messages"})
_EXPOSURE: dict[str, Exposure] = {
    "personal_chat": Exposure.PRIVATE,
    "bot_chat": Exposure.PRIVATE,
    "saved_messages": Exposure.PRIVATE,
    "replies": Exposure.PRIVATE,
    "verification_codes": Exposure.PRIVATE,
    "private_group": Exposure.FOLLOWERS,
    "private_supergroup": Exposure.FOLLOWERS,
    "private_channel": Exposure.FOLLOWERS,
    "public_supergroup": Exposure.PUBLIC,
    "public_channel": Exposure.PUBLIC,
}
_LABELS: dict[str, str] = {
    "personal_chat": "Telegram private message",
    "bot_chat": "Telegram message to a bot",
    "saved_messages": "Telegram saved message",
    "private_group": "Telegram group message",
    "private_supergroup": "Telegram group message",
    "private_channel": "Telegram private channel post",
    "public_supergroup": "Telegram public group message",
    "public_channel": "Telegram public channel post",
}
_HTML_NOTE = (
    "this Telegram export is in HTML format, which privaudit does not read: export again "
    'with the format "Machine-readable JSON" (Settings → Advanced → Export Telegram data) '
    "to have your messages checked"
)
_MAX_TEXT_FIELD = 100_000


def parse_result(data: bytes, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse ``result.json``, repairing the exporter's ``\\xNN`` escapes when needed."""
    try:
        return parse_json(data, max_bytes)
    except MemberError:
        if b"\\x" not in data or len(data) > max_bytes:
            raise
    return parse_json(_X_ESCAPE.sub(rb"\1\\u00\2", data), max_bytes)


def message_text(value: Any) -> str:
    """The text of a ``text`` value: a string, or strings and entities concatenated."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


@dataclass(slots=True)
class _Attachment:
    exposure: Exposure
    author_is_self: bool
    timestamp: datetime | None
    label: str


@dataclass(slots=True)
class _Export:
    root: str
    member: Member
    doc: dict[str, Any]
    self_id: str | None = None
    self_name: str | None = None
    media: dict[str, _Attachment] = field(default_factory=dict)


class TelegramPlatform(Platform):
    """Reader for Telegram Desktop exports (JSON; HTML is recognised and explained)."""

    name = "telegram"
    title = "Telegram"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        html = 0.0
        for member in members:
            base = _basename(member.path)
            if base == _RESULT:
                try:
                    head = archive.read_head(member, _HEAD)
                except MemberError:
                    continue
                if _MARKERS.search(head) or _MESSAGES.search(head):
                    return 1.0
            elif _HTML_PAGE.match(base):
                try:
                    head = archive.read_head(member, _HEAD)
                except MemberError:
                    continue
                if b"<title>Exported Data</title>" in head:
                    html = 0.8
        return html

    def claims(self, member: Member) -> bool:
        base = _basename(member.path)
        if base == _RESULT or _HTML_PAGE.match(base):
            return True
        return any(part in _EXPORT_DIRS for part in member.path.split("/")[:-1])

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        exports: list[_Export] = []
        for member in members:
            if _basename(member.path) != _RESULT:
                continue
            limit = archive.limits.max_json_bytes
            try:
                if member.size > limit:
                    raise json_too_large(member.size, limit)
                doc = parse_result(archive.read(member), limit)
            except MemberError as exc:
                notes.skip(member.path, str(exc))
                continue
            if not isinstance(doc, dict):
                notes.skip(member.path, "not a Telegram export (no JSON object at the top)")
                continue
            exports.append(_Export(_folder(member.path), member, doc))
        roots = {export.root for export in exports}
        if any(
            _HTML_PAGE.match(_basename(m.path)) and _folder(m.path) not in roots for m in members
        ):
            notes.note(_HTML_NOTE)
        for export in exports:
            _find_self(export, notes)
        for export in exports:
            yield from self._account(archive, export)
        for export in exports:
            yield from self._content(archive, export, notes)
        yield from self._media(archive, members, exports, notes)

    # -- profile and account ---------------------------------------------------------------

    def _account(self, archive: Archive, export: _Export) -> Iterator[Record]:
        info = export.doc.get("personal_information")
        if isinstance(info, dict):
            base = "/personal_information"
            fields = _fields(
                base,
                info,
                {
                    "first_name": Role.NAME,
                    "last_name": Role.NAME,
                    "username": Role.NAME,
                    "bio": Role.TEXT,
                },
            )
            username = (_str(info.get("username")) or "").lstrip("@")
            if fields:
                yield self._record(
                    archive,
                    export,
                    base,
                    Kind.PROFILE,
                    Exposure.PUBLIC,
                    fields,
                    "Telegram profile",
                    url=f"https://t.me/{username}" if username else None,
                )
            phone = _fields(base, info, {"phone_number": Role.PHONE})
            if phone:
                yield self._record(
                    archive,
                    export,
                    base,
                    Kind.ACCOUNT,
                    Exposure.ACCOUNT,
                    phone,
                    "phone number on your Telegram account",
                )
        contacts = _list_of(export.doc.get("contacts"))
        for index, contact in enumerate(contacts):
            if not isinstance(contact, dict):
                continue
            base = f"/contacts/list/{index}"
            fields = _fields(
                base,
                contact,
                {"first_name": Role.NAME, "last_name": Role.NAME, "phone_number": Role.PHONE},
            )
            if fields:
                yield self._record(
                    archive,
                    export,
                    base,
                    Kind.ACCOUNT,
                    Exposure.ACCOUNT,
                    fields,
                    "contact in your Telegram address book",
                    mine=False,
                )

    # -- chats -----------------------------------------------------------------------------

    def _content(self, archive: Archive, export: _Export, notes: ReadNotes) -> Iterator[Record]:
        doc = export.doc
        for ptr, chat in _chats(doc):
            yield from self._chat(archive, export, ptr, chat, notes)
        known = _KNOWN_SECTIONS | (_CHAT_KEYS if isinstance(doc.get("messages"), list) else set())
        for key, value in doc.items():
            if key in known:
                continue
            fields = json_fields(value, f"/{_escape(key)}")
            notes.note(
                f"unrecognised Telegram section {key!r} in {export.member.path} was read "
                "generically"
            )
            if fields:
                yield self._record(
                    archive,
                    export,
                    f"/{_escape(key)}",
                    Kind.OTHER,
                    Exposure.ACCOUNT,
                    fields,
                    "Telegram account data",
                )
        for picture in _list(doc.get("profile_pictures")):
            path = _str(picture.get("photo")) if isinstance(picture, dict) else None
            if path:
                export.media.setdefault(
                    export.root + path,
                    _Attachment(
                        Exposure.PUBLIC, True, _when(picture)[0], "Telegram profile picture"
                    ),
                )
        for story in _list(doc.get("stories")):
            path = _str(story.get("media")) if isinstance(story, dict) else None
            if path:
                export.media.setdefault(
                    export.root + path,
                    _Attachment(Exposure.FOLLOWERS, True, _when(story)[0], "Telegram story"),
                )

    def _chat(
        self, archive: Archive, export: _Export, ptr: str, chat: dict[str, Any], notes: ReadNotes
    ) -> Iterator[Record]:
        kind = _str(chat.get("type")) or ""
        exposure = _EXPOSURE.get(kind)
        if exposure is None:
            exposure = Exposure.PRIVATE
            notes.note(
                f"a Telegram chat in {export.member.path} has an unknown type "
                f"({kind or 'none'}): its messages are rated private"
            )
        label = _LABELS.get(kind, "Telegram message")
        naive = False
        for index, message in enumerate(_list(chat.get("messages"))):
            if not isinstance(message, dict) or message.get("type") not in ("message", None):
                continue
            mptr = join_pointer(ptr, "messages", index)
            forwarded = "forwarded_from" in message or "saved_from" in message
            mine = not forwarded and _is_self(export, message)
            when, from_date = _when(message)
            naive = naive or from_date
            fields: list[Field] = []
            points: list[GeoPoint] = []
            text = message_text(message.get("text"))
            if text.strip():
                tptr = join_pointer(mptr, "text")
                fields.append(Field("text", tptr, text[:_MAX_TEXT_FIELD], Role.TEXT))
                points.extend(
                    GeoPoint(
                        link.lat,
                        link.lon,
                        tptr,
                        "map link in a Telegram message",
                        "map link",
                        link.accuracy_m,
                    )
                    for link in map_links(text)
                )
            fields.extend(_fields(mptr, message, {"place_name": Role.PLACE, "address": Role.PLACE}))
            poll = message.get("poll")
            if isinstance(poll, dict):
                fields.extend(_fields(join_pointer(mptr, "poll"), poll, {"question": Role.TEXT}))
                for number, answer in enumerate(_list(poll.get("answers"))):
                    if isinstance(answer, dict):
                        fields.extend(
                            _fields(
                                join_pointer(mptr, "poll", "answers", number),
                                answer,
                                {"text": Role.TEXT},
                            )
                        )
            contact = message.get("contact_information")
            if mine and isinstance(contact, dict):
                fields.extend(
                    _fields(
                        join_pointer(mptr, "contact_information"),
                        contact,
                        {
                            "first_name": Role.NAME,
                            "last_name": Role.NAME,
                            "phone_number": Role.PHONE,
                        },
                    )
                )
            point = _location(mptr, message)
            if point is not None:
                points.insert(0, point)
            item_label = ("forwarded " + label[0].lower() + label[1:]) if forwarded else label
            for key in ("photo", "file"):
                path = _str(message.get(key))
                if path and not path.startswith("("):
                    export.media[export.root + path] = _Attachment(
                        exposure, mine, when, f"file in a {item_label}"
                    )
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=export.member.path,
                pointer=mptr,
                kind=Kind.MESSAGE,
                exposure=exposure,
                author_is_self=mine,
                timestamp=when,
                fields=tuple(fields),
                points=tuple(points),
                label=item_label,
            )
        if naive:
            notes.note(
                f"some Telegram messages in {export.member.path} have a time without a time "
                "zone (older export); it was read as UTC"
            )

    # -- media -----------------------------------------------------------------------------

    def _media(
        self, archive: Archive, members: list[Member], exports: list[_Export], notes: ReadNotes
    ) -> Iterator[Record]:
        linked: dict[str, _Attachment] = {}
        for export in exports:
            linked.update(export.media)
        unlinked = 0
        for member in members:
            if _basename(member.path) == _RESULT or not is_media_name(member.path):
                continue
            parts = member.path.split("/")[:-1]
            if any(part in ("css", "js", "images") for part in parts):
                continue  # the HTML viewer's own files
            info = linked.get(member.path)
            if info is None:
                unlinked += 1
                continue
            try:
                meta = media_metadata(archive, member)
            except (MemberError, MediaError) as exc:
                notes.skip(member.path, str(exc))
                continue
            if not meta.points and not meta.fields:
                continue
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.MEDIA,
                exposure=info.exposure,
                author_is_self=info.author_is_self,
                timestamp=info.timestamp or meta.taken_at,
                fields=meta.fields,
                points=meta.points,
                label=info.label,
            )
        if unlinked:
            notes.note(
                f"{unlinked} Telegram media file(s) are not named by any message in result.json, "
                "so who sent them is unknown; they were not checked"
            )

    def _record(
        self,
        archive: Archive,
        export: _Export,
        ptr: str,
        kind: Kind,
        exposure: Exposure,
        fields: tuple[Field, ...],
        label: str,
        *,
        url: str | None = None,
        mine: bool = True,
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=export.member.path,
            pointer=ptr,
            kind=kind,
            exposure=exposure,
            author_is_self=mine,
            url=url,
            fields=fields,
            label=label,
        )


PLATFORM = TelegramPlatform()


# -- helpers -----------------------------------------------------------------------------------


def _chats(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, chat)`` of a one-chat export or of every chat of an account export."""
    if isinstance(doc.get("messages"), list):
        yield "", doc
        return
    for section in ("chats", "left_chats"):
        for index, chat in enumerate(_list_of(doc.get(section))):
            if isinstance(chat, dict):
                yield f"/{section}/list/{index}", chat


def _sender(message: dict[str, Any]) -> str | None:
    """``user123`` / ``channel456`` from ``from_id`` (bare numbers are users), else the name."""
    from_id = message.get("from_id")
    if isinstance(from_id, int) and not isinstance(from_id, bool):
        return f"user{from_id}"
    if isinstance(from_id, str) and from_id:
        return from_id if not from_id.isdigit() else f"user{from_id}"
    name = _str(message.get("from"))
    return f"name:{name}" if name else None


def _is_self(export: _Export, message: dict[str, Any]) -> bool:
    sender = _sender(message)
    if sender is None:
        return False
    if export.self_id is not None and sender == export.self_id:
        return True
    return (
        export.self_name is not None
        and "from_id" not in message
        and sender == f"name:{export.self_name}"
    )


def _find_self(export: _Export, notes: ReadNotes) -> None:
    doc = export.doc
    info = doc.get("personal_information")
    if isinstance(info, dict):
        user_id = info.get("user_id")
        if isinstance(user_id, int | str) and not isinstance(user_id, bool) and str(user_id):
            export.self_id = f"user{user_id}"
        name = " ".join(n for n in (_str(info.get("first_name")), _str(info.get("last_name"))) if n)
        export.self_name = name or None
        if export.self_id or export.self_name:
            return
    senders_by_chat: list[set[str]] = []
    for _, chat in _chats(doc):
        senders = {
            s for s in (_sender(m) for m in _list(chat.get("messages")) if isinstance(m, dict)) if s
        }
        partner = chat.get("id")
        if chat.get("type") == "personal_chat" and isinstance(partner, int | str):
            others = senders - {f"user{partner}"}
            if len(others) == 1 and len(senders) == 2:
                export.self_id = next(iter(others))
                return
        if senders:
            senders_by_chat.append(senders)
    if len(senders_by_chat) > 1:
        common = set.intersection(*senders_by_chat)
        if len(common) == 1:
            export.self_id = next(iter(common))
            if export.self_id.startswith("name:"):
                export.self_name, export.self_id = export.self_id[5:], None
            return
    if senders_by_chat:
        notes.note(
            f"could not tell which participant is you in {export.member.path} (no "
            "personal information in the export): its messages were read but not checked; "
            "export the whole account to have them checked"
        )


def _location(ptr: str, message: dict[str, Any]) -> GeoPoint | None:
    info = message.get("location_information")
    if not isinstance(info, dict):
        return None
    lat, lon = _number(info.get("latitude")), _number(info.get("longitude"))
    if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    if "live_location_period_seconds" in message:
        source = "live location shared in a Telegram chat"
    elif "place_name" in message or "address" in message:
        source = "venue shared in a Telegram chat"
    else:
        source = "location shared in a Telegram chat"
    return GeoPoint(
        lat, lon, join_pointer(ptr, "location_information"), source, "location_information"
    )


def _when(item: dict[str, Any]) -> tuple[datetime | None, bool]:
    """(time, True when it came from the zone-less ``date``)."""
    raw = item.get("date_unixtime")
    if isinstance(raw, int | str) and not isinstance(raw, bool) and str(raw).isdigit():
        try:
            return datetime.fromtimestamp(int(raw), tz=UTC), False
        except (OverflowError, ValueError, OSError):
            pass
    text = _str(item.get("date"))
    if text:
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            return None, False
        if when.tzinfo:
            return when.astimezone(UTC), False
        return when.replace(tzinfo=UTC), True
    return None, False


def _fields(base: str, obj: dict[str, Any], roles: dict[str, Role]) -> tuple[Field, ...]:
    out = []
    for key, role in roles.items():
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            out.append(Field(key, join_pointer(base, key), value[:_MAX_TEXT_FIELD], role))
    return tuple(out)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _list_of(section: Any) -> list[Any]:
    """The ``list`` of a ``{"about": …, "list": […]}`` section."""
    return _list(section.get("list")) if isinstance(section, dict) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _folder(path: str) -> str:
    return path[: path.rfind("/") + 1]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
