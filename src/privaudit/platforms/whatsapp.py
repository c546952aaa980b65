"""WhatsApp reader: the per-chat "Export chat" text file, alone or zipped with its media.

Layout: Android writes ``WhatsApp Chat with <name>.txt`` (media, when included, beside it as
``IMG-20240101-WA0001.jpg``, ``VID-…``, ``PTT-…``); iOS writes ``WhatsApp Chat - <name>.zip``
holding ``_chat.txt`` and ``00000012-PHOTO-2024-01-01-12-00-06.jpg``-style media. There is no
account-wide export: every chat is its own file, so several chats may be scanned together.

Line grammar: a message starts with a timestamp header and continues on every following line
that does not start with one.

* Android: ``31/12/2023, 23:59 - Name: text`` (also ``12/31/23, 11:59 PM - …``,
  ``2023/12/31, 23:59 - …``, ``31.12.23, 23:59 - …``, ``20/6/2017 8:28 p. m. - …``);
* iOS: ``[31/12/2023, 23:59:59] Name: text`` (also without the comma or the seconds);
* system lines have no ``Name:`` (``You created group "Ride crew"``, ``+44 7700 900123 left``);
  on iOS they carry the chat's name as sender and start with U+200E, and are recognised by
  their wording.

Quirks handled once: U+202F/U+00A0 before AM/PM, U+200E/U+200F marks and a BOM before a
header, CRLF line ends, localised ``a. m.``/``p. m.``, 2- or 4-digit years. The day/month
order is read from the whole file: a first number above 12 means day first, a second number
above 12 means month first; a file where neither happens is read day first (month first when
its times use AM/PM) and a note says the dates are ambiguous. Times carry no zone (they are
the phone's local time) and are given as UTC.

Pointers (``privaudit.report/1``, line-based text): ``/<line>``, the 0-based index of a line
when the file is split at ``\\n`` (a trailing ``\\r`` is dropped). A message is one record
whose pointer is its first line; each of its lines is its own field with its own pointer.
The field text of a header line is **that line with the timestamp and sender blanked out**
(replaced by as many spaces), so a span indexes the line itself while the header is never
scanned; continuation lines are the line as it is.

Who wrote what: the exporting user is not named in the file. In a one-to-one chat whose file
or zip is named after the other person ("WhatsApp Chat with Ana Costa"), the other sender is
the user. Otherwise, when several chats are scanned together, the user is the one sender
present in every chat. When neither tells, no message is treated as the user's and a note
says so (the chat is still read and counted).

Exposure: one-to-one chats are private. Group chats (more than two senders, or group events
such as "created group"/"added") are rated ``followers``: a group's members are an audience
the user chose, like a friends list, and any of them can pass a message on.

Files: every ``.txt`` is claimed and sniffed; one that is not a chat is handed to the generic
text reader, so it is still scanned.

Locations: shared positions are map links in the text (``https://maps.google.com/?q=52.52,
13.40``, ``location: …``, ``https://maps.apple.com/?ll=…``, ``geo:52.52,13.40``); each is a
precise position on its message, pointing at its line. Media: files named like WhatsApp's
attachments are linked to the message that names them (``<attached: …>``, ``… (file
attached)``) and take its author, time and exposure; their EXIF is read (photos sent as
documents keep their GPS).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import decode_text
from privaudit.platforms.generic import GenericPlatform
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import is_media_name, media_metadata

_MARKS = "\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_SP = "[ \u00a0\u202f]"
_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
_AMPM = rf"(?:{_SP}?(?P<ampm>[AaPp]\.?{_SP}?[Mm]\.?))?"
_IOS = re.compile(rf"\[{_DATE},?{_SP}+{_TIME}{_AMPM}\]{_SP}?")
_ANDROID = re.compile(rf"{_DATE},?{_SP}+{_TIME}{_AMPM}{_SP}+[-–]{_SP}")
_SENDER = re.compile(r"([^:\"“”\n]{1,80}?):(?: |(?=[^\s\d])|$)")
"""``Name: text`` (also ``Name:.``); not ``… at 10:30`` in a system line, not across quotes."""
_SYSTEM_WORDING = re.compile(
    r"end-to-end encrypted|created (?:group|this group)|\badded\b|\bremoved\b|\bleft$"
    r"|changed (?:the (?:subject|group)|this group|their phone|to)|joined using"
    r"|security code|disappearing messages|pinned a message|turned (?:on|off)",
    re.IGNORECASE,
)
_GROUP_EVENT = re.compile(
    r"created (?:group|this group)|\badded\b|\bremoved\b|changed the (?:subject|group)"
    r"|changed this group|joined using|\bleft$",
    re.IGNORECASE,
)
_CHAT_NAME = re.compile(
    r"^(?:WhatsApp[ -]Chat(?: with| mit| met| -| –)|Chat de WhatsApp con|Chat WhatsApp con"
    r"|Conversa do WhatsApp com|Discussion WhatsApp avec)\s+(?P<name>.+?)"
    r"(?:\.txt|\.zip)?$",
    re.IGNORECASE,
)
_MEDIA_NAME = re.compile(
    r"^(?:\d{8}-[A-Z]+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}|(?:IMG|VID|PTT|AUD|STK|DOC)-\d{8}-WA\d{4,})"
    r"[\w .()-]*\.\w{2,5}$"
)
_FILE_IN_TEXT = re.compile(r"[\w().-]+\.\w{2,5}")
_MAX_SNIFFED = 50
_HEAD = 4096
_MAX_TEXT_FIELD = 100_000
_SOURCE = "location shared in a WhatsApp chat"

# -- map links -----------------------------------------------------------------------------

_MAP_URL = re.compile(
    r"(?:https?://)?(?:maps\.google\.[a-z.]+|(?:www\.)?google\.[a-z.]+/maps|goo\.gl/maps"
    r"|maps\.apple\.com|(?:www\.)?openstreetmap\.org|(?:www\.)?bing\.com/maps)[^\s<>\"']*",
    re.IGNORECASE,
)
_GEO_URI = re.compile(r"\bgeo:(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)(?:[;,?][^\s]*)?")
_PAIR = re.compile(r"^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
_NUMBER = re.compile(r"^\s*-?\d{1,3}(?:\.\d+)?\s*$")
_PAIR_KEYS = ("q", "query", "ll", "sll", "daddr", "destination", "cp", "center", "loc")


@dataclass(frozen=True, slots=True)
class MapLink:
    """A position named by a map link or ``geo:`` URI in free text."""

    lat: float
    lon: float
    start: int
    end: int
    accuracy_m: float | None
    """Set when the link gives at most 2 decimals (a pin to about a kilometre)."""


def map_links(text: str) -> list[MapLink]:
    """Every position a map link (Google, Apple, OpenStreetMap, Bing) or ``geo:`` URI gives.

    Only explicit coordinates count (``q=``, ``query=``, ``ll=``, ``mlat``/``mlon``, a
    ``geo:`` URI); a map's viewport centre (``/@52.5,13.4,15z``) and place-name searches do
    not. Whole degrees are too vague to be a position and are ignored.
    """
    lowered = text.lower()
    if "map" not in lowered and "geo:" not in lowered:
        return []  # the common case, without running the patterns
    found: list[MapLink | None] = []
    for match in _MAP_URL.finditer(text):
        pair = _pair_from_url(match.group(0))
        if pair is not None:
            found.append(_link(pair, match.start(), match.end()))
    for match in _GEO_URI.finditer(text):
        found.append(_link((match.group(1), match.group(2)), match.start(), match.end()))
    return [link for link in found if link is not None]


def _pair_from_url(url: str) -> tuple[str, str] | None:
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = parse_qs(parts.query)
    for key in _PAIR_KEYS:
        for value in query.get(key, []):
            pair = _PAIR.match(value.replace("+", ""))
            if pair:
                return pair.group(1), pair.group(2)
    lat, lon = query.get("mlat", []), query.get("mlon", [])
    if lat and lon and _NUMBER.match(lat[0]) and _NUMBER.match(lon[0]):
        return lat[0].strip(), lon[0].strip()
    return None


def _link(pair: tuple[str, str], start: int, end: int) -> MapLink | None:
    lat, lon = float(pair[0]), float(pair[1])
    decimals = min(_decimals(pair[0]), _decimals(pair[1]))
    if decimals == 0 or abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    accuracy = None if decimals >= 3 else 111_000.0 / (10**decimals) / 2
    return MapLink(lat, lon, start, end, accuracy)


def _decimals(number: str) -> int:
    return len(number.split(".", 1)[1]) if "." in number else 0


# -- chat parsing ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    index: int
    text: str
    """The field text: the line, with the header blanked on a message's first line."""


@dataclass(slots=True)
class _Message:
    start: int
    date: tuple[str, str, str] | None
    time: tuple[int, int, int] | None
    sender: str | None
    twelve_hour: bool = False
    lines: list[_Line] = field(default_factory=list)
    timestamp: datetime | None = None


@dataclass(slots=True)
class Chat:
    """One parsed chat file."""

    messages: list[_Message]
    senders: list[str]
    """Distinct senders in order of first appearance."""
    group: bool
    orphan_lines: int
    """Non-empty lines before the first message (not part of any message)."""
    bad_dates: int
    ambiguous_dates: bool
    day_first: bool


def is_chat_text(text: str) -> bool:
    """True when one of the first three non-empty lines of ``text`` is a message header.

    (The first line, in an intact export; a damaged copy may start with stray lines.)
    """
    seen = 0
    for line in text.split("\n")[:50]:
        stripped = line.rstrip("\r").lstrip(_MARKS)
        if not stripped.strip():
            continue
        if _header(stripped) is not None:
            return True
        seen += 1
        if seen == 3:
            break
    return False


def _header(line: str) -> re.Match[str] | None:
    return _IOS.match(line) or _ANDROID.match(line)


def split_lines(text: str) -> list[str]:
    """The lines of a chat file as pointers count them (split at ``\\n``, ``\\r`` dropped)."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def parse_chat(text: str) -> Chat:
    """Messages of one chat export (never raises: unreadable lines are counted)."""
    messages: list[_Message] = []
    orphans = 0
    group_event = False
    for index, line in enumerate(split_lines(text)):
        lead = len(line) - len(line.lstrip(_MARKS))
        head = _header(line[lead:])
        if head is None:
            if messages:
                if line.strip(_MARKS + " \t"):
                    messages[-1].lines.append(_Line(index, line[:_MAX_TEXT_FIELD]))
            elif line.strip(_MARKS + " \t"):
                orphans += 1
            continue
        rest_at = lead + head.end()
        rest = line[rest_at:]
        sender: str | None = None
        body_at = rest_at
        named = _SENDER.match(rest)
        if named is not None:
            candidate = named.group(1).strip(_MARKS + " ")
            after = rest[named.end() :]
            system = after.startswith("\u200e") and _SYSTEM_WORDING.search(after) is not None
            if candidate and not system:
                sender = candidate
                body_at = rest_at + named.end()
            elif system and _GROUP_EVENT.search(after):
                group_event = True
        elif _GROUP_EVENT.search(rest):
            group_event = True
        message = _Message(
            start=index,
            date=_date_parts(head.group("date")),
            time=_clock(head.group("time"), head.group("ampm")),
            sender=sender,
            twelve_hour=bool(head.group("ampm")),
        )
        if sender is not None and line[body_at:].strip(_MARKS + " "):
            blanked = " " * body_at + line[body_at:]
            message.lines.append(_Line(index, blanked[:_MAX_TEXT_FIELD]))
        messages.append(message)
    day_first, ambiguous = _date_order(messages)
    bad = 0
    for message in messages:
        message.timestamp = _timestamp(message, day_first)
        if message.timestamp is None:
            bad += 1
    senders = list(dict.fromkeys(m.sender for m in messages if m.sender))
    return Chat(
        messages=messages,
        senders=senders,
        group=len(senders) > 2 or group_event,
        orphan_lines=orphans,
        bad_dates=bad,
        ambiguous_dates=ambiguous,
        day_first=day_first,
    )


def _date_parts(date: str) -> tuple[str, str, str] | None:
    parts = re.split(r"[./-]", date)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def _clock(time: str, ampm: str | None) -> tuple[int, int, int] | None:
    parts = [int(p) for p in re.split(r"[:.]", time)]
    hour, minute, second = parts[0], parts[1], parts[2] if len(parts) > 2 else 0
    if ampm:
        pm = ampm.strip().lower().startswith("p")
        if not 1 <= hour <= 12 and not (hour == 0 and not pm):
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _date_order(messages: list[_Message]) -> tuple[bool, bool]:
    """(day first?, ambiguous?) from every header of the file."""
    short = [m.date for m in messages if m.date is not None and len(m.date[0]) != 4]
    if any(int(a) > 12 for a, _, _ in short):
        return True, False
    if any(int(b) > 12 for _, b, _ in short):
        return False, False
    if not short:
        return True, False
    twelve_hour = any(m.twelve_hour for m in messages)
    return not twelve_hour, any(a != b for a, b, _ in short)


def _timestamp(message: _Message, day_first: bool) -> datetime | None:
    if message.date is None or message.time is None:
        return None
    a, b, c = message.date
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif day_first:
        day, month, year = int(a), int(b), int(c)
    else:
        month, day, year = int(a), int(b), int(c)
    if year < 100:
        year += 2000
    try:
        return datetime(year, month, day, *message.time, tzinfo=UTC)
    except ValueError:
        return None


# -- the reader ------------------------------------------------------------------------------


@dataclass(slots=True)
class _ChatFile:
    member: Member
    chat: Chat
    other: str | None
    """The other party, from the file or zip name ("WhatsApp Chat with <other>")."""
    me: str | None = None


@dataclass(slots=True)
class _Attachment:
    exposure: Exposure
    author_is_self: bool
    timestamp: datetime | None
    label: str


class WhatsAppPlatform(Platform):
    """Reader for WhatsApp chat exports (text, or zip with media)."""

    name = "whatsapp"
    title = "WhatsApp"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        candidates = [m for m in members if m.path.lower().endswith(".txt")]
        named = [m for m in candidates if _is_chat_name(m.path)]
        others = [m for m in candidates if not _is_chat_name(m.path)]
        for member in (named + others)[:_MAX_SNIFFED]:
            try:
                head = decode_text(archive.read_head(member, _HEAD))
            except MemberError:
                continue
            if is_chat_text(head):
                return 0.9 if _is_chat_name(member.path) else 0.7
        return 0.0

    def claims(self, member: Member) -> bool:
        lower = member.path.lower()
        return lower.endswith(".txt") or bool(_MEDIA_NAME.match(_basename(member.path)))

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        chats: list[_ChatFile] = []
        plain: list[Member] = []
        media: list[Member] = []
        for member in members:
            if not member.path.lower().endswith(".txt"):
                media.append(member)
                continue
            try:
                text = decode_text(archive.read(member))
            except MemberError as exc:
                notes.skip(member.path, str(exc))
                continue
            if not is_chat_text(text):
                plain.append(member)
                continue
            chat = parse_chat(text)
            chats.append(_ChatFile(member, chat, _other_party(archive, member)))
            _chat_notes(member, chat, notes)
        _assign_self(chats, notes)
        attachments: dict[str, _Attachment] = {}
        media_names = {_folder(m.path) + "\0" + _basename(m.path): m for m in media}
        for chat_file in chats:
            yield from self._messages(archive, chat_file, media_names, attachments)
        yield from self._media(archive, media, attachments, notes)
        if plain:
            yield from GenericPlatform().read(archive, plain, notes)

    def _messages(
        self,
        archive: Archive,
        chat_file: _ChatFile,
        media_names: dict[str, Member],
        attachments: dict[str, _Attachment],
    ) -> Iterator[Record]:
        chat = chat_file.chat
        exposure = Exposure.FOLLOWERS if chat.group else Exposure.PRIVATE
        label = "WhatsApp group message" if chat.group else "WhatsApp message"
        folder = _folder(chat_file.member.path)
        for message in chat.messages:
            if message.sender is None:
                continue
            mine = chat_file.me is not None and message.sender == chat_file.me
            fields: list[Field] = []
            points: list[GeoPoint] = []
            for line in message.lines:
                name = "message" if line.index == message.start else "message (continued)"
                fields.append(Field(name, f"/{line.index}", line.text, Role.TEXT))
                for link in map_links(line.text):
                    points.append(
                        GeoPoint(
                            link.lat,
                            link.lon,
                            f"/{line.index}",
                            _SOURCE,
                            "map link",
                            link.accuracy_m,
                        )
                    )
                for candidate in _FILE_IN_TEXT.findall(line.text) if media_names else ():
                    attached = media_names.get(folder + "\0" + candidate)
                    if attached is not None:
                        attachments[attached.path] = _Attachment(
                            exposure, mine, message.timestamp, f"photo in a {label}"
                        )
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=chat_file.member.path,
                pointer=f"/{message.start}",
                kind=Kind.MESSAGE,
                exposure=exposure,
                author_is_self=mine,
                timestamp=message.timestamp,
                fields=tuple(fields),
                points=tuple(points),
                label=label,
            )

    def _media(
        self,
        archive: Archive,
        media: list[Member],
        attachments: dict[str, _Attachment],
        notes: ReadNotes,
    ) -> Iterator[Record]:
        unlinked = 0
        for member in media:
            if not is_media_name(member.path):
                continue
            info = attachments.get(member.path)
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
                f"{unlinked} WhatsApp media file(s) are not named in any scanned chat, so who "
                "sent them is unknown; they were not checked"
            )


PLATFORM = WhatsAppPlatform()


# -- helpers -----------------------------------------------------------------------------------


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _folder(path: str) -> str:
    return path[: path.rfind("/") + 1]


def _is_chat_name(path: str) -> bool:
    base = _basename(path)
    return base == "_chat.txt" or _CHAT_NAME.match(base) is not None


def _other_party(archive: Archive, member: Member) -> str | None:
    """The chat partner named by the file, a folder or zip around it, or the archive's name."""
    parts = member.path.split("/")[::-1]
    parts.append(archive.display.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1])
    for part in parts:
        found = _CHAT_NAME.match(part)
        if found:
            return found.group("name").strip()
    return None


def _assign_self(chats: list[_ChatFile], notes: ReadNotes) -> None:
    """Who the user is in each chat (see the module docstring)."""
    for chat_file in chats:
        senders = chat_file.chat.senders
        other = chat_file.other
        if other is not None and other in senders and len(senders) == 2:
            chat_file.me = next(s for s in senders if s != other)
        elif other is not None and other not in senders and len(senders) == 1:
            chat_file.me = senders[0]  # a one-to-one chat where only the user wrote
    named = {c.me for c in chats if c.me is not None}
    common: set[str] | None = None
    for chat_file in chats:
        if chat_file.chat.senders:
            present = set(chat_file.chat.senders)
            common = present if common is None else common & present
    if len(named) == 1:
        known: str | None = next(iter(named))  # the user's name, learnt from a named chat
    elif not named and common and len(common) == 1 and len(chats) > 1:
        known = next(iter(common))  # the one sender present in every chat
    else:
        known = None
    for chat_file in chats:
        senders = chat_file.chat.senders
        if chat_file.me is not None or not senders:
            continue
        if known is not None and known in senders:
            chat_file.me = known
        elif chat_file.other is not None and senders == [chat_file.other]:
            continue  # only the other person wrote: nothing here is the user's
        else:
            notes.note(
                f"could not tell which participant is you in {chat_file.member.path}: its "
                "messages were read but not checked; scan it together with your other chats, "
                'or keep the export\'s name ("WhatsApp Chat with <name>") so privaudit can tell'
            )


def _chat_notes(member: Member, chat: Chat, notes: ReadNotes) -> None:
    if chat.orphan_lines:
        notes.note(
            f"{chat.orphan_lines} line(s) at the start of {member.path} are not chat messages "
            "and were not read"
        )
    if chat.bad_dates:
        notes.note(
            f"{chat.bad_dates} message(s) in {member.path} have a date or time that is not "
            "valid; they were read without a time"
        )
    if chat.ambiguous_dates:
        order = "day/month" if chat.day_first else "month/day"
        notes.note(f"the dates in {member.path} could be day/month or month/day; read as {order}")
