"""Google Takeout reader: Photos, Location History/Timeline, My Activity, Profile, YouTube
comments and Google Chat.

Layout: ``takeout-<time>-NNN.zip`` parts, each with a ``Takeout/`` root and one folder per
product. Product folders are named in the account's language (``Google Photos``/``Google
Fotos``, ``Location History``/``Standortverlauf``, ``My Activity``/``Meine Aktivitäten`` …),
so they are recognised by a table of known names *and* by content:
:meth:`GooglePlatform.detect` sniffs the first bytes of a few JSON files of every product
folder it does not know (a photo sidecar, ``locations[]`` with ``latitudeE7``,
``timelineObjects``, ``semanticSegments``, a My Activity list) and learns that folder's
meaning. ``claims`` uses what the last ``detect`` learned — the scan always detects an
archive right before claiming its members. On-device Timeline exports (``Timeline.json``,
``Zeitleiste.json`` …) and loose Location History or Photos files outside a ``Takeout/``
folder are recognised by content as well.

Split exports: the archive layer presents all parts as one member list; paths may repeat
``Takeout/`` under different prefixes. Everything here works on the path *relative to the
Takeout root*, so a sidecar in part 1 pairs with its photo in part 2.

What is read, and how it is rated (details in :mod:`google_photos` and
:mod:`google_location`):

* **Profile** (``Profile/Profile.json``, optional): name, e-mail addresses, birthday,
  gender — ``profile`` records, exposure ``account``. Read first.
* **Google Photos**: photo + sidecar as one item; ``account`` (private library) or
  ``followers`` (shared album).
* **Location History / Timeline**: ``location`` records, ``account``; huge
  ``Records.json`` files are streamed and thinned.
* **My Activity** (JSON): entries with ``locationInfos`` become coarse positions; a title is
  scanned as text only for searches (the query is the user's own words), recognised by the
  entry's search link or a "Searched for"/"Gesucht nach"… prefix. Other titles ("Visited …",
  "Watched …") name other people's pages and are not scanned. ``account``.
  My Activity in HTML (Takeout's default) is not parsed; a note asks for the JSON format.
* **YouTube comments and live chat** (``comments/comments.csv``): ``comment`` records,
  ``public``. The comment cell is scanned as written (Takeout wraps the text in JSON such as
  ``{"text":"…"}``), so spans are positions in the CSV cell.
* **Google Chat** (``Google Chat/Groups/*/messages.json``): ``message`` records, ``private``;
  written by the user when ``creator.email`` is the account's address (from ``Profile.json``
  or ``Google Chat/Users/*/user_info.json``); without either, the one address that wrote in
  every conversation (of two or more) is taken as the user's, else no message is.
* Deliberately ignored (claimed, no records): Chrome browsing history, Play Store installs
  and library, YouTube watch history and liked-video playlists, ``archive_browser.html``,
  Location History ``Settings.json``, Chat ``group_info.json``. They list what the user
  looked at or installed, or other people's content — not what the user disclosed.

Everything else in ``Takeout/`` (Drive, Mail, Keep, Contacts …) is left to the generic
reader.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import unquote

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import decode_text, join_pointer, load_json
from privaudit.platforms.generic import json_fields
from privaudit.platforms.google_location import (
    LocationContext,
    Thinner,
    epoch_time,
    is_timeline,
    iso_time,
    raw_records,
    semantic_records,
    timeline_records,
    valid_position,
)
from privaudit.platforms.google_photos import PhotosReader, is_media_name, normalise_name
from privaudit.platforms.google_stream import iter_array
from privaudit.platforms.interface import Platform, ReadNotes


class Route(StrEnum):
    """What the reader does with a member."""

    PHOTOS = "photos"
    LOCATION = "location"
    ACTIVITY = "activity"
    ACTIVITY_HTML = "activity-html"
    PROFILE = "profile"
    COMMENTS = "comments"
    CHAT = "chat"
    CHAT_USER = "chat-user"
    IGNORED = "ignored"


def _names(*names: str) -> frozenset[str]:
    return frozenset(_fold(n) for n in names)


def _fold(name: str) -> str:
    return normalise_name(unicodedata.normalize("NFC", name)).strip().casefold()


_PRODUCTS: dict[frozenset[str], Route] = {
    _names(
        "Google Photos", "Google Fotos", "Google Foto", "Google-Fotos", "Zdjęcia Google",
        "Google フォト", "Google 相簿", "Google 相册", "Google 포토", "Google Фото",
    ): Route.PHOTOS,
    _names(
        "Location History", "Location History (Timeline)", "Standortverlauf",
        "Standortverlauf (Zeitachse)", "Historial de ubicaciones",
        "Historial de ubicaciones (Cronología)", "Historique des positions",
        "Historique des positions (Vos trajets)", "Cronologia delle posizioni",
        "Cronologia", "Histórico de localização", "Histórico de localizações",
        "Locatiegeschiedenis", "Historia lokalizacji", "Timeline",
    ): Route.LOCATION,
    _names(
        "My Activity", "Meine Aktivitäten", "Mi actividad", "Mon activité",
        "Le mie attività", "Minha atividade", "Mijn activiteit", "Moja aktywność",
    ): Route.ACTIVITY,
    _names("Profile", "Profil", "Perfil", "Profilo", "Profiel"): Route.PROFILE,
    _names("Google Chat"): Route.CHAT,
}  # fmt: skip
_CHROME = _names("Chrome")
_CHROME_HISTORY = _names("History.json", "BrowserHistory.json", "Verlauf.json", "Historial.json")
_PLAY_STORE = _names("Google Play Store", "Google Play-Store", "Google Play Store (Play Store)")
_PLAY_IGNORED = _names("Installs.json", "Library.json", "Installationen.json", "Mediathek.json")
_YT_HISTORY = _names("history", "verlauf", "historial", "historique", "cronologia", "histórico")
_YT_PLAYLISTS = _names("playlists", "playlisten", "listas de reproducción", "playlist")

_SEARCH_PREFIXES = (
    "Searched for ",
    "Gesucht nach ",
    "Gesucht nach: ",
    "Has buscado ",
    "Buscaste ",
    "Búsqueda: ",
    "Vous avez recherché ",
    "Recherche : ",
    "Hai cercato ",
    "Pesquisou ",
    "Gezocht naar ",
)
_SEARCH_URL = re.compile(
    r"^https?://(?:www\.)?(?:google\.[a-z.]+/(?:search\?|maps/search/)|"
    r"youtube\.com/results\?)",
    re.IGNORECASE,
)
_CENTER = re.compile(r"[?&]center=([-+]?\d{1,3}(?:\.\d+)?),([-+]?\d{1,3}(?:\.\d+)?)")
_AT = re.compile(r"/@([-+]?\d{1,3}(?:\.\d+)?),([-+]?\d{1,3}(?:\.\d+)?)(?:,(\d+(?:\.\d+)?)z)?")
_ZOOM = re.compile(r"[?&]zoom=(\d+(?:\.\d+)?)")
_DEFAULT_ZOOM = 12.0
""""At this general area" links use zoom 12; assumed when a link has no zoom."""
_EQUATOR_M = 40_075_016.686

_SNIFF_BYTES = 4096
_SNIFF_PER_PRODUCT = 3
_MAX_LOOSE_SNIFFS = 50
_IGNORED_NOTE = (
    "Google browsing, watch and app-install history were not scanned: they list what you "
    "looked at, not what you disclosed"
)
_HTML_NOTE = (
    "My Activity was exported as HTML, which privaudit does not read: export My Activity "
    "again in JSON format (Takeout → My Activity → formats) to have your searches checked"
)
_TEXT_COLUMNS = (
    "comment text",
    "kommentartext",
    "texto del comentario",
    "texte du commentaire",
    "live chat text",
    "live-chat-text",
)
_CHAT_TIME = "%A, %B %d, %Y at %I:%M:%S %p %Z"


def takeout_split(path: str) -> tuple[str, str] | None:
    """``(prefix through "Takeout/", path below it)``, or None outside a Takeout folder."""
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if part.casefold() == "takeout":
            return "/".join(parts[: index + 1]) + "/", "/".join(parts[index + 1 :])
    return None


def _product_route(product: str) -> Route | None:
    folded = _fold(product)
    for names, route in _PRODUCTS.items():
        if folded in names:
            return route
    return None


def sniff_route(head: bytes, *, in_takeout: bool) -> Route | None:
    """What a JSON file is, from its first bytes (None when unknown)."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if any(k in text for k in ('"semanticSegments"', '"rawSignals"', '"userLocationProfile"')):
        return Route.LOCATION
    if '"timelineObjects"' in text or ('"locations"' in text and '"latitudeE7"' in text):
        return Route.LOCATION
    if (
        text.startswith("[")
        and '"startTime"' in text
        and '"geo:' in text
        and any(k in text for k in ('"visit"', '"timelinePath"', '"activity"'))
    ):
        return Route.LOCATION
    if '"photoTakenTime"' in text or '"geoDataExif"' in text:
        return Route.PHOTOS
    if '"imageViews"' in text and '"creationTime"' in text:
        return Route.PHOTOS
    if not in_takeout:
        return None
    if text.startswith("[") and '"header"' in text and '"time"' in text and '"title"' in text:
        return Route.ACTIVITY
    if '"emails"' in text and ('"displayName"' in text or '"formattedName"' in text):
        return Route.PROFILE
    if '"messages"' in text and '"creator"' in text:
        return Route.CHAT
    return None


class GooglePlatform(Platform):
    """Reader for Google Takeout exports and on-device Timeline files."""

    name = "google"
    title = "Google Takeout"

    def __init__(self) -> None:
        self._learned: dict[str, Route] = {}
        """Product folder name (folded) → route, learned from content by the last detect."""
        self._loose: dict[str, Route] = {}
        """Member path → route for recognised files outside a Takeout folder."""
        self._loose_photo_dirs: set[str] = set()

    # -- detection and claims ----------------------------------------------------------------

    def detect(self, archive: Archive, members: list[Member]) -> float:
        self._learned = {}
        self._loose = {}
        self._loose_photo_dirs = set()
        in_takeout = False
        known = False
        unknown: dict[str, list[Member]] = defaultdict(list)
        loose: list[Member] = []
        for member in members:
            split = takeout_split(member.path)
            is_json = member.path.lower().endswith(".json")
            if split is None:
                if is_json:
                    loose.append(member)
                continue
            in_takeout = True
            parts = split[1].split("/")
            if len(parts) == 1:
                known = known or parts[0].lower().endswith(".html")
                continue
            product = _fold(parts[0])
            if _product_route(parts[0]) is not None or self._fixed_product(product):
                known = True
            elif is_json:
                unknown[product].append(member)
        for product, jsons in unknown.items():
            for member in jsons[:_SNIFF_PER_PRODUCT]:
                route = self._sniff(archive, member, in_takeout=True)
                if route is not None:
                    self._learned[product] = route
                    known = True
                    break
        for member in loose[:_MAX_LOOSE_SNIFFS]:
            route = self._sniff(archive, member, in_takeout=False)
            if route is Route.LOCATION:
                self._loose[member.path] = route
            elif route is Route.PHOTOS:
                self._loose_photo_dirs.add(_parent(member.path))
        if in_takeout:
            return 0.95 if known else 0.6
        if self._loose or self._loose_photo_dirs:
            return 0.8
        return 0.0

    @staticmethod
    def _fixed_product(folded: str) -> bool:
        return folded in _CHROME or folded in _PLAY_STORE or folded.startswith("youtube")

    def _sniff(self, archive: Archive, member: Member, *, in_takeout: bool) -> Route | None:
        try:
            head = archive.read_head(member, _SNIFF_BYTES)
        except MemberError:
            return None
        return sniff_route(head, in_takeout=in_takeout)

    def claims(self, member: Member) -> bool:
        return self.route(member.path) is not None

    def route(self, path: str) -> Route | None:
        """What this reader does with the member at ``path`` (None: not claimed)."""
        split = takeout_split(path)
        if split is None:
            if path in self._loose:
                return self._loose[path]
            if _parent(path) in self._loose_photo_dirs:
                name = path.rsplit("/", 1)[-1]
                if name.lower().endswith(".json") or is_media_name(name):
                    return Route.PHOTOS
            return None
        parts = split[1].split("/")
        name = _fold(parts[-1])
        if len(parts) == 1:
            return Route.IGNORED if name.endswith(".html") else None
        product = _fold(parts[0])
        route = _product_route(parts[0]) or self._learned.get(product)
        if route is Route.PHOTOS:
            is_photos_file = name.endswith((".json", ".html")) or is_media_name(name)
            return route if is_photos_file else None
        if route is Route.LOCATION:
            return route if name.endswith(".json") else None
        if route is Route.ACTIVITY:
            if name.endswith(".json"):
                return route
            return Route.ACTIVITY_HTML if name.endswith(".html") else None
        if route is Route.PROFILE:
            return route if name.endswith(".json") else None
        if route is Route.CHAT:
            return _chat_route(parts[1:])
        if product in _CHROME:
            return Route.IGNORED if name in _CHROME_HISTORY else None
        if product in _PLAY_STORE:
            return Route.IGNORED if name in _PLAY_IGNORED else None
        if product.startswith("youtube"):
            return _youtube_route([_fold(p) for p in parts[1:]])
        return None

    # -- reading -----------------------------------------------------------------------------

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        routed: dict[Route, list[Member]] = defaultdict(list)
        for member in members:
            route = self.route(member.path)
            if route is not None:
                routed[route].append(member)
        own_emails: set[str] = set()
        for member in routed[Route.CHAT_USER]:
            own_emails.update(_chat_user_emails(_load(archive, member, notes)))
        # Profile first (contract: profile and account records before content).
        for member in routed[Route.PROFILE]:
            doc = _load(archive, member, notes)
            if doc is not None:
                yield from self._profile(archive, member, doc, own_emails, notes)
        photos = PhotosReader(self.name, archive, notes, _folder_key)
        yield from photos.records(routed[Route.PHOTOS])
        for member in routed[Route.LOCATION]:
            yield from self._location(archive, member, notes)
        for member in routed[Route.ACTIVITY]:
            yield from self._activity(archive, member, notes)
        for member in routed[Route.COMMENTS]:
            yield from self._comments(archive, member, notes)
        chats = routed[Route.CHAT]
        if not own_emails:
            own_emails = _guess_own_email(archive, chats, notes)
        for member in chats:
            yield from self._chat(archive, member, own_emails, notes)
        if routed[Route.IGNORED]:
            notes.note(_IGNORED_NOTE)
        if routed[Route.ACTIVITY_HTML]:
            notes.note(_HTML_NOTE)

    # profile ----------------------------------------------------------------------------------

    def _profile(
        self, archive: Archive, member: Member, doc: Any, own: set[str], notes: ReadNotes
    ) -> Iterator[Record]:
        if not isinstance(doc, dict):
            notes.skip(member.path, "not a Google profile (unexpected JSON shape); not read")
            return
        fields: list[Field] = []

        def add(ptr: str, value: Any, role: Role, name: str) -> None:
            if isinstance(value, str) and value.strip():
                fields.append(Field(name, ptr, value, role))

        add("/displayName", doc.get("displayName"), Role.NAME, "displayName")
        name = doc.get("name")
        if isinstance(name, dict):
            add("/name/formattedName", name.get("formattedName"), Role.NAME, "formattedName")
        for key, role in (("emails", Role.EMAIL), ("phoneNumbers", Role.PHONE)):
            entries = doc.get(key)
            if isinstance(entries, list):
                for index, entry in enumerate(entries):
                    value = entry.get("value") if isinstance(entry, dict) else None
                    add(join_pointer("", key, index, "value"), value, role, key)
                    if role is Role.EMAIL and isinstance(value, str):
                        own.add(value.strip().casefold())
        birthday = doc.get("birthday")
        if isinstance(birthday, dict):  # {"date": "1988-07-23"} in some versions
            for key in ("date", "value", "text"):
                add(
                    join_pointer("", "birthday", key), birthday.get(key), Role.BIRTHDATE, "birthday"
                )
        else:
            add("/birthday", birthday, Role.BIRTHDATE, "birthday")
        gender = doc.get("gender")
        if isinstance(gender, dict):
            add("/gender/type", gender.get("type"), Role.OTHER, "gender")
        else:
            add("/gender", gender, Role.OTHER, "gender")
        if fields:
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.PROFILE,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                fields=tuple(fields),
                label="Google account profile",
            )

    # location ---------------------------------------------------------------------------------

    def _location(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        ctx = LocationContext(self.name, archive.display)
        try:
            head = archive.read_head(member, 512)
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        if re.match(rb'(?:\xef\xbb\xbf)?\s*\{\s*"locations"\s*:', head):
            items = iter_array(
                lambda: archive.open(member), lambda: archive.read(member), "locations"
            )
            try:
                yield from raw_records(ctx, member.path, items, Thinner())
            except MemberError as exc:
                notes.skip(member.path, str(exc))
            return
        doc = _load(archive, member, notes)
        if doc is None:
            return
        if isinstance(doc, dict) and isinstance(doc.get("locations"), list):
            yield from raw_records(ctx, member.path, enumerate(doc["locations"]), Thinner())
        elif isinstance(doc, dict) and "timelineObjects" in doc:
            yield from semantic_records(ctx, member.path, doc)
        elif is_timeline(doc):
            yield from timeline_records(ctx, member.path, doc)
        elif isinstance(doc, dict) and ("deviceSettings" in doc or "historyEnabled" in doc):
            return  # Settings.json: device names and switches, nothing disclosed
        else:
            yield from self._generic(archive, member, doc, notes)

    def _generic(
        self, archive: Archive, member: Member, doc: Any, notes: ReadNotes
    ) -> Iterator[Record]:
        fields = json_fields(doc)
        if fields:
            notes.note(
                "unrecognised Google file(s) were scanned as generic JSON "
                f"(e.g. {member.path.rsplit('/', 1)[-1]})"
            )
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.OTHER,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                fields=fields,
                label="Google account data",
            )

    # my activity ------------------------------------------------------------------------------

    def _activity(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        items = iter_array(lambda: archive.open(member), lambda: archive.read(member), None)
        try:
            for index, entry in items:
                if isinstance(entry, dict):
                    record = self._activity_entry(archive, member, index, entry)
                    if record is not None:
                        yield record
        except MemberError as exc:
            notes.skip(member.path, str(exc))

    def _activity_entry(
        self, archive: Archive, member: Member, index: int, entry: dict[str, Any]
    ) -> Record | None:
        ptr = f"/{index}"
        fields: tuple[Field, ...] = ()
        title = entry.get("title")
        is_search = isinstance(title, str) and _is_search(title, entry.get("titleUrl"))
        if is_search:
            assert isinstance(title, str)
            fields = (Field("title", join_pointer(ptr, "title"), title, Role.TEXT),)
        points: list[GeoPoint] = []
        infos = entry.get("locationInfos")
        if isinstance(infos, list):
            for info_index, info in enumerate(infos):
                if isinstance(info, dict):
                    point = _activity_point(info, join_pointer(ptr, "locationInfos", info_index))
                    if point is not None:
                        points.append(point)
        if not fields and not points:
            return None
        header = entry.get("header")
        product = header if isinstance(header, str) and header.strip() else "Google"
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.OTHER,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            timestamp=iso_time(entry.get("time")),
            fields=fields,
            points=tuple(points),
            label=f"{product} search in My Activity" if is_search else f"{product} activity",
        )

    # youtube comments -------------------------------------------------------------------------

    def _comments(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        try:
            text = decode_text(archive.read(member))
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        try:
            rows = list(csv.reader(io.StringIO(text)))
        except csv.Error as exc:
            notes.skip(member.path, f"damaged CSV ({exc})")
            return
        if len(rows) < 2:
            return
        header, body = rows[0], rows[1:]
        text_col = _comment_text_column(header, body)
        if text_col is None:
            notes.skip(member.path, "no comment text column found; not read")
            return
        time_col = _column(header, ("timestamp", "zeitstempel", "created", "erstellt", "fecha"))
        video_col = _column(header, ("video id", "video-id", "videoid", "id del video"))
        live = "live" in member.path.rsplit("/", 1)[-1].lower()
        for row_index, row in enumerate(body):
            if text_col >= len(row) or not row[text_col].strip():
                continue
            cell = row[text_col]
            comment_id = row[0] if row else ""
            video = row[video_col] if video_col is not None and video_col < len(row) else ""
            url = None
            if video and re.fullmatch(r"[\w-]{6,20}", video):
                url = f"https://www.youtube.com/watch?v={video}"
                if comment_id and re.fullmatch(r"[\w.-]{6,80}", comment_id) and not live:
                    url += f"&lc={comment_id}"
            when = iso_time(row[time_col]) if time_col is not None and time_col < len(row) else None
            column = header[text_col]
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=f"/{row_index}",
                kind=Kind.COMMENT,
                exposure=Exposure.PUBLIC,
                author_is_self=True,
                timestamp=when,
                url=url,
                fields=(Field(column, f"/{row_index}/{_escape(column)}", cell, Role.TEXT),),
                label="YouTube live chat message" if live else "YouTube comment",
            )

    # google chat ------------------------------------------------------------------------------

    def _chat(
        self, archive: Archive, member: Member, own: set[str], notes: ReadNotes
    ) -> Iterator[Record]:
        doc = _load(archive, member, notes)
        messages = doc.get("messages") if isinstance(doc, dict) else None
        if not isinstance(messages, list):
            if doc is not None:
                notes.skip(member.path, "not a Google Chat message list; not read")
            return
        for index, message in enumerate(messages):
            if not isinstance(message, dict):
                continue
            text = message.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            creator = message.get("creator")
            email = creator.get("email") if isinstance(creator, dict) else None
            mine = isinstance(email, str) and email.strip().casefold() in own
            ptr = f"/messages/{index}"
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.MESSAGE,
                exposure=Exposure.PRIVATE,
                author_is_self=mine,
                timestamp=_chat_time(message.get("created_date")),
                fields=(Field("text", join_pointer(ptr, "text"), text, Role.TEXT),),
                label="Google Chat message",
            )


PLATFORM = GooglePlatform()


# -- helpers -----------------------------------------------------------------------------------


def _parent(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _folder_key(path: str) -> str:
    """A photo's folder relative to the Takeout root (the same in every part)."""
    split = takeout_split(path)
    rel = split[1] if split is not None else path
    return normalise_name(_parent(rel))


def _chat_route(sub: list[str]) -> Route | None:
    name = _fold(sub[-1])
    if name == "messages.json":
        return Route.CHAT
    if name == "user_info.json":
        return Route.CHAT_USER
    if name == "group_info.json":
        return Route.IGNORED
    return None


def _youtube_route(sub: list[str]) -> Route | None:
    if not sub:
        return None
    name, folders = sub[-1], sub[:-1]
    if name.endswith(".csv") and (
        any(w in f for f in folders for w in ("comment", "kommentar", "chat", "comentario"))
        or any(w in name for w in ("comment", "kommentar", "live chat"))
    ):
        return Route.COMMENTS
    if any(f in _YT_HISTORY for f in folders):
        if name.endswith(".json") and any(w in name for w in ("search", "such", "búsqueda")):
            return Route.ACTIVITY
        return Route.IGNORED
    if any(f in _YT_PLAYLISTS for f in folders) and name.endswith(".json"):
        return Route.IGNORED
    return None


def _load(archive: Archive, member: Member, notes: ReadNotes) -> Any:
    try:
        return load_json(archive, member)
    except MemberError as exc:
        notes.skip(member.path, str(exc))
        return None


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _is_search(title: str, title_url: Any) -> bool:
    if isinstance(title_url, str) and _SEARCH_URL.match(title_url):
        return True
    return title.startswith(_SEARCH_PREFIXES)


def _activity_point(info: dict[str, Any], ptr: str) -> GeoPoint | None:
    """The "general area" position of a My Activity ``locationInfos`` link, if it has one."""
    url = info.get("url")
    if not isinstance(url, str):
        return None
    decoded = unquote(url)
    zoom: float | None = None
    match = _CENTER.search(decoded)
    if match is None:
        match = _AT.search(decoded)
        if match is not None and match.group(3):
            zoom = float(match.group(3))
    if match is None:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not valid_position(lat, lon):
        return None
    if zoom is None:
        zoom_match = _ZOOM.search(decoded)
        zoom = float(zoom_match.group(1)) if zoom_match else _DEFAULT_ZOOM
    zoom = min(max(zoom, 0.0), 22.0)
    # Half the width of one 256-pixel map tile at this zoom: the area the link shows.
    accuracy = _EQUATOR_M / (2**zoom) / 2
    source = info.get("source")
    where = source if isinstance(source, str) and source.strip() else "My Activity"
    return GeoPoint(lat, lon, join_pointer(ptr, "url"), f"{where} (My Activity)", "url", accuracy)


def _comment_text_column(header: list[str], body: list[list[str]]) -> int | None:
    known = _column(header, _TEXT_COLUMNS)
    if known is not None:
        return known
    for index in range(len(header)):
        cells = [row[index] for row in body[:20] if index < len(row) and row[index].strip()]
        if cells and all(c.lstrip().startswith("{") and '"text"' in c for c in cells):
            return index
    return None


def _column(header: list[str], needles: tuple[str, ...]) -> int | None:
    for index, name in enumerate(header):
        folded = name.strip().casefold()
        if any(needle in folded for needle in needles):
            return index
    return None


def _chat_user_emails(doc: Any) -> set[str]:
    user = doc.get("user") if isinstance(doc, dict) else None
    email = user.get("email") if isinstance(user, dict) else None
    return {email.strip().casefold()} if isinstance(email, str) and email.strip() else set()


def _guess_own_email(archive: Archive, chats: list[Member], notes: ReadNotes) -> set[str]:
    """Without a profile: the one address that wrote in every conversation (≥ 2 of them)."""
    if len(chats) < 2:
        return set()
    common: set[str] | None = None
    for member in chats:
        try:
            doc = load_json(archive, member)
        except MemberError:
            continue  # reported when the file is read
        messages = doc.get("messages") if isinstance(doc, dict) else None
        senders = {
            m["creator"]["email"].strip().casefold()
            for m in messages or []
            if isinstance(m, dict)
            and isinstance(m.get("creator"), dict)
            and isinstance(m["creator"].get("email"), str)
        }
        common = senders if common is None else common & senders
    return common if common is not None and len(common) == 1 else set()


def _chat_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    when = iso_time(value)
    if when is not None:
        return when
    text = value.replace("\u202f", " ").replace("\u00a0", " ").strip()
    try:
        parsed = datetime.strptime(text, _CHAT_TIME)
    except ValueError:
        return epoch_time(value, 1)
    return parsed.replace(tzinfo=UTC) if text.endswith("UTC") else None
