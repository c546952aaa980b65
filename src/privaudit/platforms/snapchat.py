"""Snapchat reader: the "My Data" download (accounts.snapchat.com → My Data).

Layout: ``mydata~<number>.zip`` (large downloads come in several parts). Newer downloads keep
the JSON files in ``json/`` and an HTML rendering of the same data in ``html/`` with an
``index.html``; older ones have the JSON files at the root. With "include Memories / Chat
Media" the photos and videos sit in ``memories/<date>_<uuid>-main.jpg`` and
``chat_media/<date>_<Media ID>.<ext>``.

Detection: ``json/`` holding a known file (``chat_history.json``, ``memories_history.json``,
``account.json`` …), two known JSON names side by side (older layout), or ``html/`` holding
two known HTML pages (an HTML-only download). Only the export's own folders (``json/``,
``html/``, ``memories/``, ``chat_media/``, ``index.html`` and, in the older layout, the known
JSON files) are claimed.

What is read, and how it is rated:

* account data — ``account.json`` (``Basic Information``: username, name, birthday, …;
  ``Device Information``), ``account_history.json`` (e-mail and mobile number changes,
  display names), ``user_profile.json``: **account**, read first. Every string gets the
  generic role of its key (``Email Address`` → e-mail, ``Mobile Number`` → phone,
  ``Birthday`` → birth date, ``Make``/``Model``/``Device`` → device); strings under keys
  naming a date, time, IP address, id, status, version or language are not read;
* chats (``chat_history.json``): **private**. Both shapes — 2024 on, one list per
  conversation with ``From``, ``Content``, ``IsSender``, ``Created`` and
  ``Created(microseconds)`` (which is epoch **milliseconds**); before 2024, ``Received …
  Chat History`` and ``Sent … Chat History`` lists with ``Text``. The user's own messages are
  those with ``IsSender`` true; without it, ``From`` equal to the account's username; without
  that, in a one-to-one conversation, ``From`` other than the conversation partner; in the old
  shape, the ``Sent …`` lists. Only saved chats are in the export;
* memories (``memories_history.json``): the ``Location`` string ("Latitude, Longitude: 52.52,
  13.40") is a position of a photo or video kept in the user's Memories: **account**. The
  ``Download Link`` is a signed link to the file and is not read. Memory files
  (``memories/``) are read for their photo/video metadata, **account**;
* location history (``location_history.json``): every position of ``Location History``,
  ``Daily Top Locations`` and ``Top Locations Per Six-Day Period`` (coordinates are embedded
  in strings, often with an accuracy: "lat 37.332 ± 39.66 meters, long -121.884 ± 39.66
  meters", or "[time, "lat, lon"]" pairs) is one ``location`` record, **account**; the
  ``Home & Work`` entry — the home and workplace Snapchat inferred — is one record per place,
  so it is reported on its own; ``Frequent Locations``/``Latest Location`` cities are places;
* chat media (``chat_media/``): a file is the user's when its Media ID belongs to a chat
  message the user sent (``Media IDs`` in ``chat_history.json``), then **private**; files
  received, or not matched to any message, are read but not scanned as the user's.

Deliberately not read: ``friends.json`` (other people), ``snap_history.json`` and
``talk_history.json`` (who sent a snap or called when: no content), ``bitmoji.json``,
subscriptions and ranking files, and the ``html/`` pages when the JSON files are present (the
same data). An HTML-only download is not parsed — a note asks for the JSON format. Any other
JSON file is read as account data, each string with the generic role of its key.

Dates are ``YYYY-MM-DD HH:MM:SS UTC`` (also ``YYYY/MM/DD``); pointers name the JSON string
(``/<conversation>/<index>/Content``), a memory's or history entry's coordinate string.
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
from privaudit.platforms.documents import join_pointer, load_json
from privaudit.platforms.generic import json_fields, role_for_key
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import is_media_name, media_metadata

_MAX_TEXT_FIELD = 100_000
_KNOWN_JSON = frozenset(
    {
        "account.json",
        "account_history.json",
        "user_profile.json",
        "chat_history.json",
        "snap_history.json",
        "memories_history.json",
        "location_history.json",
        "friends.json",
        "talk_history.json",
        "search_history.json",
        "bitmoji.json",
        "story_history.json",
        "purchase_history.json",
        "subscriptions.json",
        "snap_map_places_history.json",
        "connected_apps.json",
        "ranking.json",
    }
)
_KNOWN_HTML = frozenset(name.removesuffix(".json") + ".html" for name in _KNOWN_JSON)
_ACCOUNT_FILES = ("account.json", "account_history.json", "user_profile.json")
_IGNORED_FILES = frozenset(
    {
        "friends.json",
        "snap_history.json",
        "talk_history.json",
        "bitmoji.json",
        "subscriptions.json",
        "ranking.json",
        "connected_apps.json",
    }
)
_FOLDERS = frozenset({"json", "html", "memories", "chat_media"})
_SKIP_KEY = re.compile(
    r"(?:^|[\s_(])(?:date|time|timestamp|created|updated|modified|ip|id|ids|url|link|status|"
    r"version|language|locale|count|type|country|code|source)(?:$|[\s_)])|(?:id|ip|url)$",
    re.IGNORECASE,
)
"""Keys whose strings are dates, addresses of machines, ids, flags or codes."""
_DEVICE_KEY = re.compile(r"\b(?:make|model|device)\b", re.IGNORECASE)
_COORDINATES = re.compile(
    r"""^\s*(?:[A-Za-z ,]*:\s*)?
        (?:lat(?:itude)?\.?\s*)?(?P<lat>[-+]?\d{1,2}\.\d+)\s*
        (?:±\s*(?P<acc1>\d+(?:\.\d+)?)\s*(?:m|meters|metres)\b\s*)?
        ,\s*
        (?:lon(?:g(?:itude)?)?\.?\s*)?(?P<lon>[-+]?\d{1,3}\.\d+)\s*
        (?:±\s*(?P<acc2>\d+(?:\.\d+)?)\s*(?:m|meters|metres)\b\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_KEY = re.compile(r"^\s*Date:\s*(.+)$")
_MEDIA_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_(.+?)(?:-(?:main|overlay|thumbnail))?\.\w+$")
_MEDIA_ID_SPLIT = re.compile(r"[\s|,;]+")
_HOME_WORK = "Home & Work"


@dataclass(slots=True)
class _MediaInfo:
    mine: bool
    timestamp: datetime | None
    label: str


@dataclass(slots=True)
class _State:
    username: str | None = None
    """Casefolded account username."""
    media: dict[str, _MediaInfo] = field(default_factory=dict)
    """Chat media by Media ID."""


class SnapchatPlatform(Platform):
    """Reader for Snapchat "My Data" downloads."""

    name = "snapchat"
    title = "Snapchat"

    def __init__(self) -> None:
        self._roots: set[str] | None = None
        """Export roots found by the last :meth:`detect` (None: not run)."""

    def detect(self, archive: Archive, members: list[Member]) -> float:
        roots = _roots(members)
        self._roots = set(roots)
        return max(roots.values(), default=0.0)

    def claims(self, member: Member) -> bool:
        roots = self._roots
        if roots is None:
            roots = set(_roots([member]))
        return _route(member.path, roots) is not None

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        roots = self._roots if self._roots is not None else set(_roots(members))
        by_name: dict[str, list[Member]] = {}
        memories: list[Member] = []
        chat_media: list[Member] = []
        html = 0
        for member in sorted(members, key=lambda m: m.path):
            route = _route(member.path, roots)
            if route == "json":
                by_name.setdefault(member.path.rsplit("/", 1)[-1].lower(), []).append(member)
            elif route == "memories" and is_media_name(member.path):
                memories.append(member)
            elif route == "chat_media" and is_media_name(member.path):
                chat_media.append(member)
            elif route == "html":
                html += 1
        if not by_name and html:
            notes.note(
                "Snapchat download in HTML format only: its pages were not read. Request your "
                "data again with JSON selected for a full audit."
            )
        state = _State()
        for name in _ACCOUNT_FILES:
            for member in by_name.get(name, []):
                yield from self._account_file(archive, member, state, notes)
        for name, files in sorted(by_name.items()):
            if name in _ACCOUNT_FILES or name in _IGNORED_FILES:
                continue
            for member in files:
                doc = _load(archive, member, notes)
                if doc is None:
                    continue
                if name == "chat_history.json":
                    yield from self._chats(archive, member, doc, state, notes)
                elif name == "memories_history.json":
                    yield from self._memories(archive, member, doc, notes)
                elif name == "location_history.json":
                    yield from self._locations(archive, member, doc)
                else:
                    notes.note(f"unrecognised Snapchat file {member.path}, read generically")
                    yield from self._generic(archive, member, doc, "Snapchat account data")
        for member in memories:
            yield from self._media(
                archive, member, _MediaInfo(True, None, "Snapchat memory"), Exposure.ACCOUNT, notes
            )
        unmatched = 0
        for member in chat_media:
            match = _MEDIA_NAME.match(member.path.rsplit("/", 1)[-1])
            info = state.media.get(match.group(2)) if match else None
            if info is None:
                unmatched += 1
                info = _MediaInfo(False, None, "Snapchat chat media (sender unknown)")
            yield from self._media(archive, member, info, Exposure.PRIVATE, notes)
        if unmatched:
            notes.note(
                f"{unmatched} Snapchat chat media file(s) match no saved chat message, so who "
                "sent them is unknown: they are not reported as yours"
            )

    # -- account ----------------------------------------------------------------------------

    def _account_file(
        self, archive: Archive, member: Member, state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = _load(archive, member, notes)
        if doc is None:
            return
        if state.username is None:
            state.username = _find_username(doc)
        yield from self._generic(archive, member, doc, "Snapchat account", Kind.ACCOUNT)

    def _generic(
        self, archive: Archive, member: Member, doc: Any, label: str, kind: Kind = Kind.OTHER
    ) -> Iterator[Record]:
        """One record per top-level section, its strings with the roles of their keys."""
        sections = doc.items() if isinstance(doc, dict) else [("", doc)]
        for key, section in sections:
            base = join_pointer("", key) if key else ""
            fields = _account_fields(section, base, key)
            if fields:
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=base,
                    kind=kind,
                    exposure=Exposure.ACCOUNT,
                    author_is_self=True,
                    fields=fields,
                    label=f"{label}: {key}" if key else label,
                )

    # -- chats ------------------------------------------------------------------------------

    def _chats(
        self, archive: Archive, member: Member, doc: Any, state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        if not isinstance(doc, dict):
            notes.skip(member.path, "not a Snapchat chat history (no conversations)")
            return
        me = state.username
        if me is None and not any("sent" in str(k).lower() for k in doc):
            notes.note(
                "Snapchat username not found (no account.json): chat messages without an "
                "IsSender flag are attributed by their sender name"
            )
        for conversation, messages in doc.items():
            if not isinstance(messages, list):
                continue
            section = str(conversation).lower()
            old_shape = "chat history" in section
            for index, message in enumerate(messages):
                if not isinstance(message, dict):
                    continue
                ptr = join_pointer("", conversation, index)
                sender = _text(message.get("From"))
                title = _text(message.get("Conversation Title"))
                mine = _chat_is_mine(message, sender, me, str(conversation), old_shape, title)
                when = _time(message.get("Created")) or _epoch_ms(
                    message.get("Created(microseconds)")
                )
                label = f"Snapchat group chat in {title}" if title else "Snapchat chat message"
                for media_id in _MEDIA_ID_SPLIT.split(_text(message.get("Media IDs")) or ""):
                    if media_id:
                        state.media[media_id] = _MediaInfo(mine, when, f"photo in a {label}")
                key = "Content" if "Content" in message else "Text"
                text = message.get(key)
                if not isinstance(text, str) or not text.strip():
                    continue
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=Kind.MESSAGE,
                    exposure=Exposure.PRIVATE,
                    author_is_self=mine,
                    timestamp=when,
                    fields=(Field(key, join_pointer(ptr, key), text[:_MAX_TEXT_FIELD]),),
                    label=label,
                )

    # -- memories and media -----------------------------------------------------------------

    def _memories(
        self, archive: Archive, member: Member, doc: Any, notes: ReadNotes
    ) -> Iterator[Record]:
        if not isinstance(doc, dict):
            notes.skip(member.path, "not a Snapchat memories list")
            return
        for section, items in doc.items():
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    continue
                ptr = join_pointer("", section, index)
                point = _point(
                    item.get("Location"), join_pointer(ptr, "Location"), "memory", "Location"
                )
                if point is None:
                    continue
                media = _text(item.get("Media Type")) or "photo or video"
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=Kind.MEDIA,
                    exposure=Exposure.ACCOUNT,
                    author_is_self=True,
                    timestamp=_time(item.get("Date")),
                    points=(point,),
                    label=f"Snapchat memory ({media.lower()})",
                )

    def _media(
        self,
        archive: Archive,
        member: Member,
        info: _MediaInfo,
        exposure: Exposure,
        notes: ReadNotes,
    ) -> Iterator[Record]:
        try:
            meta = media_metadata(archive, member)
        except (MemberError, MediaError) as exc:
            notes.skip(member.path, str(exc))
            return
        if not meta.points and not meta.fields:
            return
        yield Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer="",
            kind=Kind.MEDIA,
            exposure=exposure,
            author_is_self=info.mine,
            timestamp=info.timestamp or meta.taken_at,
            fields=meta.fields,
            points=meta.points,
            label=info.label,
        )

    # -- location history -------------------------------------------------------------------

    def _locations(self, archive: Archive, member: Member, doc: Any) -> Iterator[Record]:
        if not isinstance(doc, dict):
            return
        for section, value in doc.items():
            base = join_pointer("", section)
            if section == _HOME_WORK and isinstance(value, dict):
                for place, text in value.items():
                    ptr = join_pointer(base, place)
                    point = _point(
                        text, ptr, f"the {str(place).lower()} Snapchat inferred", str(place)
                    )
                    if point is None:
                        continue
                    yield self._location(
                        archive, member, ptr, Kind.ACCOUNT, point, None,
                        f"your {str(place).lower()} as Snapchat inferred it",
                    )  # fmt: skip
                continue
            for ptr, text, when, holder in _strings(value, base):
                point = _point(text, ptr, "location history", holder or "Latitude, Longitude")
                if point is not None:
                    yield self._location(
                        archive, member, ptr, Kind.LOCATION, point, when,
                        f"Snapchat location history ({section})",
                    )  # fmt: skip
                elif holder == "City":
                    yield Record(
                        platform=self.name,
                        archive=archive.display,
                        path=member.path,
                        pointer=ptr.rsplit("/", 1)[0],
                        kind=Kind.ACCOUNT,
                        exposure=Exposure.ACCOUNT,
                        author_is_self=True,
                        fields=(Field("City", ptr, text, Role.PLACE),),
                        label=f"city in Snapchat's {section}",
                    )

    def _location(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        kind: Kind,
        point: GeoPoint,
        when: datetime | None,
        label: str,
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=kind,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            timestamp=when,
            points=(point,),
            label=label,
        )


PLATFORM = SnapchatPlatform()


# -- layout ---------------------------------------------------------------------------------


def _roots(members: list[Member]) -> dict[str, float]:
    """Export roots (prefix ending in ``/`` or "") with the confidence of each."""
    found: dict[str, float] = {}
    flat: dict[str, int] = {}
    html: dict[str, int] = {}
    for member in members:
        parts = member.path.split("/")
        name = parts[-1].lower()
        parent = parts[-2].lower() if len(parts) >= 2 else ""
        prefix = "/".join(parts[:-2])
        root = prefix + "/" if prefix else ""
        if parent == "json" and name in _KNOWN_JSON:
            found[root] = 1.0
        elif parent == "html" and name in _KNOWN_HTML:
            html[root] = html.get(root, 0) + 1
        if name in _KNOWN_JSON:
            folder = "/".join(parts[:-1])
            folder = folder + "/" if folder else ""
            flat[folder] = flat.get(folder, 0) + 1
    for folder, count in flat.items():
        if count >= 2 and not folder.lower().endswith("json/"):
            found.setdefault(folder, 0.9)
    for root, count in html.items():
        if count >= 2:
            found.setdefault(root, 0.8)
    return found


def _route(path: str, roots: set[str]) -> str | None:
    """What the member at ``path`` is to this reader (None: not claimed)."""
    for root in roots:
        if not path.startswith(root):
            continue
        rel = path[len(root) :]
        parts = rel.split("/")
        head = parts[0].lower()
        if len(parts) > 1 and head in _FOLDERS:
            return "json" if head == "json" and rel.lower().endswith(".json") else head
        if len(parts) == 1 and rel.lower() == "index.html":
            return "html"
        if len(parts) == 1 and rel.lower() in _KNOWN_JSON:
            return "json"
    return None


def _load(archive: Archive, member: Member, notes: ReadNotes) -> Any:
    try:
        return load_json(archive, member)
    except MemberError as exc:
        notes.skip(member.path, str(exc))
        return None


# -- fields ---------------------------------------------------------------------------------


def _account_fields(section: Any, base: str, section_key: str) -> tuple[Field, ...]:
    """A section's strings with the generic role of their key; dates, IPs, ids … left out."""
    out: list[Field] = []
    for item in json_fields(section, base):
        key, role = item.name, item.role
        if key == "value":  # a string directly under the section or in a list of strings
            key, role = section_key, role_for_key(section_key)
        if role in (Role.OTHER, Role.TEXT) and _SKIP_KEY.search(key):
            continue
        if role is Role.OTHER and _DEVICE_KEY.search(key):
            role = Role.DEVICE
        elif role is Role.OTHER and key.lower() in ("username", "user name"):
            role = Role.NAME
        out.append(Field(key, item.pointer, item.text, role))
    return tuple(out)


def _find_username(doc: Any) -> str | None:
    """The ``Username`` of ``Basic Information`` (or any top section) of an account file."""
    if not isinstance(doc, dict):
        return None
    for section in doc.values():
        if isinstance(section, dict):
            for key, value in section.items():
                if key.lower() in ("username", "user name") and isinstance(value, str):
                    return value.strip().casefold() or None
    return None


def _chat_is_mine(
    message: dict[str, Any],
    sender: str | None,
    me: str | None,
    conversation: str,
    old_shape: bool,
    title: str | None,
) -> bool:
    flag = message.get("IsSender")
    if isinstance(flag, bool):
        return flag
    if old_shape:
        return "sent" in conversation.lower()
    if sender is None:
        return False
    if me is not None:
        return sender.casefold() == me
    return not title and sender.casefold() != conversation.casefold()


def _strings(node: Any, base: str) -> Iterator[tuple[str, str, datetime | None, str]]:
    """``(pointer, string, time, key)`` of every string under ``node``; the time is taken from
    the string's siblings (``Time``/``Date``/``Created``, a ``Date: …`` key, or another
    string of the same pair that parses as a time)."""
    stack: list[tuple[str, Any, datetime | None, str]] = [(base, node, None, "")]
    while stack:
        ptr, value, when, key = stack.pop()
        if isinstance(value, str):
            yield ptr, value, when, key
        elif isinstance(value, dict):
            local = when
            for time_key in ("Time", "Date", "Created", "Timestamp"):
                local = _time(value.get(time_key)) or local
            for child_key, child in reversed(list(value.items())):
                child_when = local
                dated = _DATE_KEY.match(str(child_key))
                if dated:
                    child_when = _time(dated.group(1)) or local
                stack.append((join_pointer(ptr, child_key), child, child_when, str(child_key)))
        elif isinstance(value, list):
            local = when
            for child in value:
                if isinstance(child, str):
                    local = _time(child) or local  # a coordinate string is not a time
            for index in range(len(value) - 1, -1, -1):
                stack.append((f"{ptr}/{index}", value[index], local, key))


def _point(value: Any, ptr: str, source: str, tag: str) -> GeoPoint | None:
    if not isinstance(value, str):
        return None
    match = _COORDINATES.match(value)
    if match is None:
        return None
    lat, lon = float(match.group("lat")), float(match.group("lon"))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    accuracy = match.group("acc1") or match.group("acc2")
    return GeoPoint(lat, lon, ptr, source, tag, float(accuracy) if accuracy else None)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _time(value: Any) -> datetime | None:
    """``2024-01-20 06:33:05 UTC``, ``2021/09/02 20:37:47 UTC`` or ``2022-02-14 UTC`` → UTC."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith(" UTC"):
        text = text[:-4]
    if len(text) < 10 or not text[:4].isdigit():
        return None
    text = text[:10].replace("/", "-") + text[10:]
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _epoch_ms(value: Any) -> datetime | None:
    """``Created(microseconds)``: despite its name, epoch milliseconds."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None
