"""Discord reader: the data package ("Request all of my data", ``package.zip``).

Layout (folder names are lower-case in older packages and capitalised in newer ones —
``account/`` or ``Account/`` — so every name is matched case-insensitively)::

    Account/user.json                  the account: username, e-mail, phone, payments …
    Messages/index.json                {"<channel id>": "Direct Message with x" | "x in Server"}
    Messages/c<id>/channel.json        {"id", "type", "name"?, "recipients"?, "guild"?}
    Messages/c<id>/messages.json       [{"ID", "Timestamp", "Contents", "Attachments"}]  (2023 →)
    messages/<id>/messages.csv         ID,Timestamp,Contents,Attachments                 (older)
    Activity/<kind>/events-*.json      one JSON event per line (analytics, reporting, tns …)
    Servers/ Activities/ Programs/ README.txt

**Every message in the package is the user's own**: Discord exports only the messages you
sent (other people's replies are not included, and messages you deleted are gone), so each
message record is written by the user. Exposure follows the channel ``type`` in
``channel.json``: 1 (DM) and 3 (group DM) are **private**; every server channel (text,
announcement, threads, forum …) is **followers** — the server's members see it. Without a
``channel.json`` the ``index.json`` name decides ("Direct Message with …" → private, "… in
<server>" → followers); with neither, the channel is taken as private and a note says so.
Timestamps have no zone in ``messages.json`` and are UTC; the old CSV carries ``+00:00``.
``Attachments`` are CDN links (the files are not in the package) and are not read.

``user.json``: ``email`` → e-mail, ``phone`` → phone, ``username``/``global_name`` → name,
any birth-date key by its name, and the billing address of payment sources → address, all
**account**; the profile bio (``user_profile_metadata.bio``) and custom status are
**followers** (anyone who shares a server sees the profile). The notes you keep about other
users (``notes``) and the friend list (``relationships``) describe other people: notes are read
but not scanned as your disclosures, relationships and connected accounts are not read.

Activity events (``Activity/**/events-*.json``) are huge JSON-lines files; only their first
4 MiB are read, for the ``city`` Discord located each session in (one **account** record per
distinct city, pointer ``/<line>/city``). Their ``ip`` and device fields are not read, nor are
the ``predicted_gender``/``predicted_age`` lines. Servers, activities, programs, the avatar and
``README.txt`` are claimed and not read: they hold server metadata and settings, not what the
user wrote.

Pointers: JSON members into the parsed document (``/<index>/Contents``); ``messages.csv``
``/<data row>/Contents`` as for every CSV; activity lines ``/<0-based line>/<key>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.model import Exposure, Field, Kind, Record, Role
from privaudit.platforms.documents import join_pointer, load_json, parse_json, pointer
from privaudit.platforms.generic import role_for_key
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.tables import read_table

_MAX_TEXT_FIELD = 100_000
_ACTIVITY_HEAD = 4 << 20
"""Bytes read from the start of each activity file (they run to gigabytes)."""
_TOP_FOLDERS = frozenset(
    {"account", "messages", "activity", "activities", "servers", "programs", "support_tickets"}
)
_CHANNEL_DIR = re.compile(r"^c?(\d+)$")
_ACCOUNT_ROLES: dict[str, Role] = {
    "username": Role.NAME,
    "global_name": Role.NAME,
    "email": Role.EMAIL,
    "phone": Role.PHONE,
}
_STRUCTURED = frozenset({Role.EMAIL, Role.PHONE, Role.BIRTHDATE})
_BILLING_ROLES: dict[str, Role] = {
    "name": Role.NAME,
    "line_1": Role.ADDRESS,
    "line_2": Role.OTHER,
    "city": Role.PLACE,
    "postal_code": Role.ADDRESS,
}
"""Billing address parts read (state and country codes are not)."""

_PRIVATE_TYPES = frozenset({1, 3})
_TYPE_NAMES: dict[str, int] = {
    "DM": 1,
    "GROUP_DM": 3,
    "GUILD_TEXT": 0,
    "GUILD_VOICE": 2,
    "GUILD_CATEGORY": 4,
    "GUILD_ANNOUNCEMENT": 5,
    "GUILD_NEWS": 5,
    "ANNOUNCEMENT_THREAD": 10,
    "PUBLIC_THREAD": 11,
    "PRIVATE_THREAD": 12,
    "GUILD_STAGE_VOICE": 13,
    "GUILD_FORUM": 15,
    "GUILD_MEDIA": 16,
}


@dataclass(slots=True)
class _Channel:
    """What a channel's messages need: who sees them, a name and the link base."""

    channel_id: str
    exposure: Exposure
    label: str
    guild_id: str | None = None


@dataclass(slots=True)
class _Folder:
    """One ``messages/<channel>/`` folder."""

    name: str
    channel: Member | None = None
    messages: list[Member] = field(default_factory=list)


class DiscordPlatform(Platform):
    """Reader for Discord data packages."""

    name = "discord"
    title = "Discord"

    def __init__(self) -> None:
        self._roots: set[str] | None = None
        """Folders holding a package, as the last :meth:`detect` found (None: not run)."""

    def detect(self, archive: Archive, members: list[Member]) -> float:
        roots: set[str] = set()
        best = 0.0
        index_roots: set[str] = set()
        channel_roots: set[str] = set()
        for member in members:
            root, rel = _root_of(member.path)
            if rel is None:
                continue
            if rel == "account/user.json":
                roots.add(root)
                best = 1.0
            elif rel == "messages/index.json":
                index_roots.add(root)
            elif rel.startswith("messages/") and rel.endswith("/channel.json"):
                channel_roots.add(root)
        both = index_roots & channel_roots
        if both:
            roots |= both
            best = max(best, 0.9)
        self._roots = roots
        return best

    def claims(self, member: Member) -> bool:
        root, rel = _root_of(member.path)
        if rel is None:
            return False
        if self._roots is not None and root not in self._roots:
            return False
        return rel.split("/", 1)[0] in _TOP_FOLDERS or rel == "readme.txt"

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        users: list[Member] = []
        indexes: dict[str, Member] = {}
        folders: dict[tuple[str, str], _Folder] = {}
        activity: list[Member] = []
        for member in sorted(members, key=lambda m: m.path):
            root, rel = _root_of(member.path)
            if rel is None:
                continue
            parts = rel.split("/")
            if rel == "account/user.json":
                users.append(member)
            elif rel == "messages/index.json":
                indexes[root] = member
            elif parts[0] == "messages" and len(parts) == 3:
                key = (root, parts[1])
                folder = folders.setdefault(key, _Folder(parts[1]))
                if parts[2] == "channel.json":
                    folder.channel = member
                elif parts[2] in ("messages.json", "messages.csv"):
                    folder.messages.append(member)
            elif parts[0] == "activity" and rel.endswith((".json", ".jsonl")):
                activity.append(member)
        for member in users:
            yield from self._user(archive, member, notes)
        names: dict[str, dict[str, str]] = {}
        for root, member in indexes.items():
            names[root] = _index_names(_load(archive, member, notes))
        for (root, _), folder in sorted(folders.items()):
            yield from self._folder(archive, folder, names.get(root, {}), notes)
        for member in activity:
            yield from self._activity(archive, member, notes)

    # -- account ----------------------------------------------------------------------------

    def _user(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        doc = _load(archive, member, notes)
        if not isinstance(doc, dict):
            if doc is not None:
                notes.skip(member.path, "not a Discord account file (no account object)")
            return
        fields: list[Field] = []
        for key, value in doc.items():
            if not isinstance(value, str) or not value.strip():
                continue
            role = _ACCOUNT_ROLES.get(key)
            if role is None:
                generic = role_for_key(key)
                role = generic if generic in _STRUCTURED else None
            if role is not None:
                fields.append(Field(key, pointer(key), value[:_MAX_TEXT_FIELD], role))
        if fields:
            yield self._account(archive, member, "", tuple(fields), "Discord account")
        seen: set[tuple[str, ...]] = set()
        for ptr, address in _billing_addresses(doc):
            values = tuple(str(address.get(k, "")) for k in sorted(address))
            if values in seen:
                continue
            seen.add(values)
            billing = tuple(
                Field(key, join_pointer(ptr, key), value, role)
                for key, role in _BILLING_ROLES.items()
                if isinstance(value := address.get(key), str) and value.strip()
            )
            if billing:
                yield self._account(
                    archive, member, ptr, billing, "billing address of a Discord payment"
                )
        profile: list[Field] = []
        meta = doc.get("user_profile_metadata")
        for base, holder in (("", doc), ("/user_profile_metadata", meta)):
            bio = holder.get("bio") if isinstance(holder, dict) else None
            if isinstance(bio, str) and bio.strip():
                profile.append(Field("bio", join_pointer(base, "bio"), bio, Role.TEXT))
        profile.extend(_custom_status(doc.get("settings"), "/settings"))
        if profile:
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.PROFILE,
                exposure=Exposure.FOLLOWERS,
                author_is_self=True,
                fields=tuple(profile),
                label="Discord profile (seen by anyone who shares a server with you)",
            )
        user_notes = doc.get("notes")
        if isinstance(user_notes, dict):
            for user_id, text in user_notes.items():
                if isinstance(text, str) and text.strip():
                    ptr = pointer("notes", user_id)
                    yield Record(
                        platform=self.name,
                        archive=archive.display,
                        path=member.path,
                        pointer=ptr,
                        kind=Kind.OTHER,
                        exposure=Exposure.ACCOUNT,
                        author_is_self=False,
                        fields=(Field("note", ptr, text[:_MAX_TEXT_FIELD], Role.TEXT),),
                        label="your note about another Discord user",
                    )

    def _account(
        self, archive: Archive, member: Member, ptr: str, fields: tuple[Field, ...], label: str
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.ACCOUNT,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            fields=fields,
            label=label,
        )

    # -- messages ---------------------------------------------------------------------------

    def _folder(
        self, archive: Archive, folder: _Folder, names: dict[str, str], notes: ReadNotes
    ) -> Iterator[Record]:
        if not folder.messages:
            return
        channel = self._channel(archive, folder, names, notes)
        for member in folder.messages:
            if member.path.lower().endswith(".json"):
                yield from self._messages_json(archive, member, channel, notes)
            else:
                yield from self._messages_csv(archive, member, channel, notes)

    def _channel(
        self, archive: Archive, folder: _Folder, names: dict[str, str], notes: ReadNotes
    ) -> _Channel:
        match = _CHANNEL_DIR.match(folder.name)
        channel_id = match.group(1) if match else folder.name
        info = _load(archive, folder.channel, notes) if folder.channel is not None else None
        info = info if isinstance(info, dict) else {}
        channel_id = _str(info.get("id")) or channel_id
        index_name = names.get(channel_id, "")
        guild = info.get("guild") if isinstance(info.get("guild"), dict) else None
        guild_id = _str(guild.get("id")) if guild else None
        guild_name = _str(guild.get("name")) if guild else None
        kind = _channel_type(info.get("type"))
        name = _str(info.get("name")) or ""
        if kind in _PRIVATE_TYPES:
            private = True
        elif kind is not None or guild_id:
            private = False
        elif index_name.startswith("Direct Message"):
            private = True
        elif " in " in index_name:
            private = False
        else:
            private = True
            notes.note(
                f"Discord channel {channel_id}: its type is unknown, so its messages are "
                "rated as private"
            )
        if private:
            label = "Discord group message" if kind == 3 else "Discord direct message"
            return _Channel(channel_id, Exposure.PRIVATE, label)
        where = f"#{name}" if name else (index_name or "a server channel")
        if guild_name and name:
            where += f" ({guild_name})"
        return _Channel(
            channel_id,
            Exposure.FOLLOWERS,
            f"Discord message in {where} (seen by the server's members)",
            guild_id,
        )

    def _messages_json(
        self, archive: Archive, member: Member, channel: _Channel, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = _load(archive, member, notes)
        if doc is None:
            return
        if not isinstance(doc, list):
            notes.skip(member.path, "not a Discord message list")
            return
        for index, item in enumerate(doc):
            if not isinstance(item, dict):
                continue
            text = item.get("Contents")
            if not isinstance(text, str) or not text.strip():
                continue
            ptr = pointer(index)
            yield self._message(
                archive,
                member,
                ptr,
                Field("Contents", join_pointer(ptr, "Contents"), text[:_MAX_TEXT_FIELD]),
                channel,
                _str(item.get("ID")),
                _time(item.get("Timestamp")),
            )

    def _messages_csv(
        self, archive: Archive, member: Member, channel: _Channel, notes: ReadNotes
    ) -> Iterator[Record]:
        try:
            table = read_table(archive.read(member))
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        if table.problem:
            notes.skip(member.path, table.problem)
        column = table.index("contents")
        if column is None:
            if table.rows:
                notes.skip(member.path, "no Contents column: not a Discord message table")
            return
        for row_index, row in enumerate(table.rows):
            text = row[column] if column < len(row) else ""
            if not text.strip():
                continue
            ptr = pointer(row_index)
            yield self._message(
                archive,
                member,
                ptr,
                Field(
                    table.header[column],
                    pointer(row_index, table.tokens[column]),
                    text[:_MAX_TEXT_FIELD],
                ),
                channel,
                table.cell(row, "id").strip() or None,
                _time(table.cell(row, "timestamp")),
            )

    def _message(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        text: Field,
        channel: _Channel,
        message_id: str | None,
        when: datetime | None,
    ) -> Record:
        url = None
        if channel.channel_id.isdigit() and message_id and message_id.isdigit():
            where = channel.guild_id if channel.guild_id else "@me"
            url = f"https://discord.com/channels/{where}/{channel.channel_id}/{message_id}"
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.MESSAGE,
            exposure=channel.exposure,
            author_is_self=True,
            timestamp=when,
            url=url,
            fields=(text,),
            label=channel.label,
        )

    # -- activity ---------------------------------------------------------------------------

    def _activity(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        try:
            with archive.open(member) as stream:
                head = stream.read(_ACTIVITY_HEAD + 1)
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        lines = head.split(b"\n")
        if len(head) > _ACTIVITY_HEAD:
            lines = lines[:-1]  # the last line is cut
            notes.note(
                "Discord activity files are read only for their first 4 MiB: cities logged "
                "later in them are not listed"
            )
        seen: set[str] = set()
        bad = 0
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                event = parse_json(line)
            except MemberError:
                bad += 1
                continue
            if not isinstance(event, dict):
                continue
            city = event.get("city")
            if not isinstance(city, str) or not city.strip():
                continue
            key = city.strip().casefold()
            if key in seen:
                continue
            seen.add(key)
            ptr = pointer(number)
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.ACCOUNT,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                timestamp=_time(event.get("timestamp")),
                fields=(Field("city", join_pointer(ptr, "city"), city, Role.PLACE),),
                label="city Discord logged for your session",
            )
        if bad:
            notes.note(
                f"{bad} unreadable line(s) in Discord activity file {member.path} were skipped"
            )


PLATFORM = DiscordPlatform()


# -- helpers ---------------------------------------------------------------------------------


def _root_of(path: str) -> tuple[str, str | None]:
    """The package root (prefix as written, "" or ending in ``/``) and the lower-case path
    below it, when the path lies in a known top folder (``account/``, ``messages/`` …) or is
    the package's ``README.txt``; ``("", None)`` otherwise."""
    parts = path.split("/")
    for i, part in enumerate(parts[:-1]):
        if part.lower() in _TOP_FOLDERS:
            root = "/".join(parts[:i])
            return (root + "/" if root else ""), "/".join(parts[i:]).lower()
    if parts[-1].lower() == "readme.txt":
        root = "/".join(parts[:-1])
        return (root + "/" if root else ""), "readme.txt"
    return "", None


def _load(archive: Archive, member: Member, notes: ReadNotes) -> Any:
    try:
        return load_json(archive, member)
    except MemberError as exc:
        notes.skip(member.path, str(exc))
        return None


def _index_names(doc: Any) -> dict[str, str]:
    if not isinstance(doc, dict):
        return {}
    return {str(k): v for k, v in doc.items() if isinstance(v, str)}


def _channel_type(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip().upper()
        if text.isdigit():
            return int(text)
        return _TYPE_NAMES.get(text.removeprefix("CHANNEL_TYPE_"))
    return None


def _billing_addresses(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``billing_address`` object in ``user.json`` (payments, payment sources)."""
    stack: list[tuple[str, Any]] = [("", doc)]
    found: list[tuple[str, dict[str, Any]]] = []
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                child_ptr = join_pointer(ptr, key)
                if key == "billing_address" and isinstance(child, dict):
                    found.append((child_ptr, child))
                elif key not in ("relationships", "settings"):
                    stack.append((child_ptr, child))
        elif isinstance(node, list):
            stack.extend((join_pointer(ptr, i), child) for i, child in enumerate(node))
    yield from sorted(found, key=lambda item: item[0])


def _custom_status(settings: Any, base: str) -> list[Field]:
    """The custom status text, wherever the settings object nests it."""
    stack: list[tuple[str, Any]] = [(base, settings)]
    out: list[Field] = []
    while stack:
        ptr, node = stack.pop()
        if not isinstance(node, dict):
            continue
        for key, child in node.items():
            child_ptr = join_pointer(ptr, key)
            if key in ("custom_status", "customStatus") and isinstance(child, dict):
                text = child.get("text")
                if isinstance(text, str) and text.strip():
                    out.append(Field("custom status", join_pointer(child_ptr, "text"), text))
            elif isinstance(child, dict):
                stack.append((child_ptr, child))
    return out


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _time(value: Any) -> datetime | None:
    """``2022-09-09 00:14:25`` (UTC, no zone), ``…+00:00``, or an activity timestamp that is a
    quoted string inside the string (``"\\"2016-11-26T07:08:47.000Z\\""``)."""
    if not isinstance(value, str):
        return None
    text = value.strip().strip('"').strip()
    if not text:
        return None
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
