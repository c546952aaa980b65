"""TikTok reader: "Download your data" in JSON (``user_data.json``/``user_data_tiktok.json``)
and, for old TXT-format downloads, a line-by-line reading.

Layout: a zip holding one JSON file — ``user_data.json`` until 2024, ``user_data_tiktok.json``
since. Its top-level sections were renamed over the years (``Profile`` → ``Profile And
Settings``, ``Activity`` → ``Your Activity``, ``Video`` → ``Post``, ``Direct Messages`` →
``Direct Message``, ``App Settings`` → ``Profile And Settings``), so the reader goes by the
*second*-level section names, wherever they sit, and tolerates any section being absent:

* ``Profile Info``/``Profile Information`` → ``ProfileMap``: ``userName`` and
  ``bioDescription`` are **public** (the profile); ``birthDate`` (``2000-01-01`` or the old
  ``01-Jan-2000``), ``emailAddress``, ``telephoneNumber`` are **account** data, read first;
* ``Autofill`` (under ``Your Activity``, ``Profile And Settings`` or the shop sections): the
  phone, e-mail, name and **home address** TikTok keeps to fill in forms — ``Address`` is an
  address, ``ZipCode`` part of it, ``City`` a place; **account**;
* ``Comments`` → ``CommentsList`` (``date``, ``comment``, ``url``): **public** comments;
* ``Videos``/``Posts`` → ``VideoList``/``PostList`` (``Date``, ``Link``, ``Title``,
  ``Location``): **public** posts — **followers** when the ``Settings`` say the account is
  private; ``Recently Deleted Posts`` → ``DeletedPostList``: **deleted**;
* ``Chat History``/``Direct Messages`` → ``ChatHistory`` (and ``Group Chat``):
  ``{"Chat History with <name>:": [{Date, From, Content}]}`` — **private**; a message is the
  user's when ``From`` is the profile's ``userName``, or, without a profile, when it is not
  the conversation partner named in the key (in a group, without a profile, no message is);
* ``Most Recent Location Data`` (``GpsData`` "lat, lon"): a position the app recorded,
  **account**.

Lists of other people or of what the user watched, liked, searched or bought (followers,
following, blocks, watch and browsing history, likes and favourites, share and login
history, purchases and payment, shop conversations and support tickets, activity summaries,
ad interests) are not read. Any other section is read as account data, every string with
the generic role of its key; strings under keys naming dates, links, ids, IP addresses or
counts are left out, and a note names the sections read that way. Missing values are the
strings ``None``/``N/A`` and are skipped. Dates (``YYYY-MM-DD HH:MM:SS``) carry no zone and
are taken as UTC.

TXT-format downloads (a folder of ``Comments.txt``, ``Watch History.txt``, ``Login
History.txt`` …): ``Comments.txt`` is read as public comments (the ``Comment:`` lines, pointer
``/<0-based line>``); the other files are read line by line as account data, except direct
messages (the TXT layout does not say reliably who wrote what) and the lists of other
people's videos and accounts named above. A note says so and suggests the JSON format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeGuard

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import decode_text, join_pointer, load_json, pointer
from privaudit.platforms.generic import json_fields, role_for_key
from privaudit.platforms.interface import Platform, ReadNotes

_MAX_TEXT_FIELD = 100_000
_JSON_NAMES = frozenset({"user_data.json", "user_data_tiktok.json"})
_EMPTY = frozenset({"", "none", "n/a", "null", "nil"})
_NON_WORD = re.compile(r"[^a-z0-9+]+")
_PARTNER = re.compile(r"^chat history with (.+?):?$", re.IGNORECASE)
_COORDINATES = re.compile(r"^\s*([-+]?\d{1,2}\.\d+)\s*,\s*([-+]?\d{1,3}\.\d+)\s*$")
_SKIP_KEY = re.compile(
    r"(?:^|[\s_])(?:date|time|timestamp|link|url|urls|id|ip|count|likes|status|type|"
    r"version|network|carrier|system|photo|cover|sound|region|country|language|"
    r"currency|amount|price|method)(?:$|[\s_])|(?:url|link|id|date|time)$",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

_PROFILE_SECTIONS = frozenset({"profile info", "profile information"})
_AUTOFILL_SECTIONS = frozenset({"autofill"})
_COMMENT_SECTIONS = frozenset({"comments"})
_POST_SECTIONS = frozenset({"videos", "posts"})
_DELETED_SECTIONS = frozenset({"recently deleted posts"})
_CHAT_SECTIONS = frozenset(
    {"chat history", "direct messages", "direct message", "group chat", "group chats"}
)
_LOCATION_SECTIONS = frozenset({"most recent location data", "location data"})
_SETTINGS_SECTIONS = frozenset({"settings"})
_IGNORED_SECTIONS = frozenset(
    {
        "follower",
        "follower list",
        "following",
        "following list",
        "block list",
        "blocklist",
        "watch history",
        "video browsing history",
        "like list",
        "favorite videos",
        "favorite sounds",
        "favorite hashtags",
        "favorite effects",
        "favorite collections",
        "favorite places",
        "favorite comments",
        "favorite playlists",
        "favorite movies and tv shows",
        "favorite item",
        "share history",
        "login history",
        "activity summary",
        "status",
        "off tiktok activity",
        "purchases",
        "purchase history",
        "hashtag",
        "ad interests",
        "stickers",
        "reposts",
        "searches",
        "search history",
        "communication with shops",
        "customer support history",
        "order history",
        "order dispute history",
        "returns and refunds history",
        "product browsing history",
        "shopping cart list",
        "vouchers",
        "coin purchase history",
        "transaction history",
        "current payment information",
        "profile views",
        "third party information",
        "go live history",
        "go live settings",
        "watch live history",
        "watch live settings",
        "ad link history",
    }
)
"""Second-level sections listing other people, or what the user watched, liked or bought."""

_AUTOFILL_ROLES: dict[str, Role | None] = {
    "phonenumber": Role.PHONE,
    "email": Role.EMAIL,
    "firstname": Role.NAME,
    "lastname": Role.NAME,
    "address": Role.ADDRESS,
    "zipcode": Role.ADDRESS,
    "unit": Role.OTHER,
    "city": Role.PLACE,
    "state": None,
    "country": None,
}
_GENERIC_ROLES: dict[str, Role] = {
    "address": Role.ADDRESS,
    "streetaddress": Role.ADDRESS,
    "addressline1": Role.ADDRESS,
    "zipcode": Role.ADDRESS,
    "postcode": Role.ADDRESS,
    "postalcode": Role.ADDRESS,
    "phonenumber": Role.PHONE,
    "telephonenumber": Role.PHONE,
    "emailaddress": Role.EMAIL,
    "birthdate": Role.BIRTHDATE,
}

_TXT_NAMES = frozenset(
    {
        "comments.txt",
        "watch history.txt",
        "like list.txt",
        "login history.txt",
        "searches.txt",
        "share history.txt",
        "follower.txt",
        "following.txt",
        "favorite videos.txt",
        "favorite sounds.txt",
        "favorite hashtags.txt",
        "favorite effects.txt",
        "favorite comments.txt",
        "favorite collections.txt",
        "favorite places.txt",
        "most recent location data.txt",
        "activity summary.txt",
        "off tiktok activity.txt",
        "posts.txt",
        "recently deleted posts.txt",
        "direct messages.txt",
        "profile info.txt",
        "settings.txt",
        "status.txt",
        "hashtag.txt",
        "purchases.txt",
        "reposts.txt",
        "ad interests.txt",
        "kijkgeschiedenis.txt",
        "reacties.txt",
        "likelijst.txt",
        "inloggeschiedenis.txt",
        "zoekopdrachten.txt",
        "volger.txt",
        "volgend.txt",
        "directe berichten.txt",
        "profielinformatie.txt",
        "instellingen.txt",
    }
)
_TXT_UNREAD = frozenset(
    {
        "direct messages.txt",
        "directe berichten.txt",
        "groepschat.txt",
        "group chat.txt",
        "watch history.txt",
        "kijkgeschiedenis.txt",
        "like list.txt",
        "likelijst.txt",
        "follower.txt",
        "volger.txt",
        "following.txt",
        "volgend.txt",
        "login history.txt",
        "inloggeschiedenis.txt",
        "share history.txt",
        "favorite videos.txt",
        "favorite sounds.txt",
        "favorite hashtags.txt",
        "favorite effects.txt",
        "favorite comments.txt",
        "favorite collections.txt",
        "favorite places.txt",
    }
)
_TXT_COMMENTS = frozenset({"comments.txt", "reacties.txt"})


@dataclass(slots=True)
class _State:
    username: str | None = None
    """Casefolded ``userName`` of the profile."""
    private: bool = False
    generic: list[str] = field(default_factory=list)
    """Sections read generically (for the note)."""


class TikTokPlatform(Platform):
    """Reader for TikTok data downloads."""

    name = "tiktok"
    title = "TikTok"

    def __init__(self) -> None:
        self._txt_folders: set[str] | None = None
        """Folders of a TXT download, as the last :meth:`detect` found (None: not run)."""

    def detect(self, archive: Archive, members: list[Member]) -> float:
        txt: dict[str, int] = {}
        best = 0.0
        for member in members:
            folder, name = _split(member.path)
            lower = name.lower()
            if lower in _JSON_NAMES:
                best = 1.0
            elif lower in _TXT_NAMES:
                txt[folder] = txt.get(folder, 0) + 1
        self._txt_folders = {folder for folder, count in txt.items() if count >= 3}
        if self._txt_folders:
            best = max(best, 0.8)
        return best

    def claims(self, member: Member) -> bool:
        folder, name = _split(member.path)
        lower = name.lower()
        if lower in _JSON_NAMES:
            return True
        if not lower.endswith(".txt"):
            return False
        if self._txt_folders is None:
            return lower in _TXT_NAMES
        return folder in self._txt_folders

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        texts: list[Member] = []
        for member in sorted(members, key=lambda m: m.path):
            if _split(member.path)[1].lower() in _JSON_NAMES:
                yield from self._json(archive, member, notes)
            else:
                texts.append(member)
        if texts:
            notes.note(
                "TikTok download in TXT format: comments are read as public, other files line "
                "by line as account data, direct messages not at all (request JSON for a full "
                "audit)"
            )
            for member in texts:
                yield from self._txt(archive, member, notes)

    # -- JSON -------------------------------------------------------------------------------

    def _json(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        try:
            doc = load_json(archive, member)
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        if not isinstance(doc, dict):
            notes.skip(member.path, "not a TikTok data file (no sections)")
            return
        sections = list(_sections(doc))
        state = _State()
        for _, name, body in sections:
            if name in _PROFILE_SECTIONS:
                profile = body.get("ProfileMap") if isinstance(body, dict) else None
                user = profile.get("userName") if isinstance(profile, dict) else None
                if isinstance(user, str) and user.strip():
                    state.username = user.strip().casefold()
            elif name in _SETTINGS_SECTIONS:
                state.private = _is_private(body)
        if state.private:
            notes.note("Your TikTok account is private: posts are rated as seen by followers.")
        # Profile and account data first (contract), then content.
        for ptr, name, body in sections:
            if name in _PROFILE_SECTIONS:
                yield from self._profile(archive, member, ptr, body)
            elif name in _AUTOFILL_SECTIONS:
                yield from self._autofill(archive, member, ptr, body)
        for ptr, name, body in sections:
            if name in _COMMENT_SECTIONS:
                yield from self._comments(archive, member, ptr, body)
            elif name in _POST_SECTIONS:
                exposure = Exposure.FOLLOWERS if state.private else Exposure.PUBLIC
                yield from self._posts(archive, member, ptr, body, exposure, "TikTok post")
            elif name in _DELETED_SECTIONS:
                yield from self._posts(
                    archive, member, ptr, body, Exposure.DELETED, "deleted TikTok post"
                )
            elif name in _CHAT_SECTIONS:
                yield from self._chats(archive, member, ptr, body, state)
            elif name in _LOCATION_SECTIONS:
                yield from self._location(archive, member, ptr, body)
            elif name in _PROFILE_SECTIONS | _AUTOFILL_SECTIONS | _SETTINGS_SECTIONS:
                continue
            elif name not in _IGNORED_SECTIONS:
                found = self._generic(archive, member, ptr, body)
                if found is not None:
                    state.generic.append(ptr.rsplit("/", 1)[-1])
                    yield found
        if state.generic:
            listed = ", ".join(sorted(set(state.generic)))
            notes.note(
                f"TikTok sections not recognised, read generically as account data: {listed}"
            )

    def _record(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        kind: Kind,
        exposure: Exposure,
        fields: tuple[Field, ...],
        label: str,
        *,
        author_is_self: bool = True,
        timestamp: datetime | None = None,
        url: str | None = None,
        points: tuple[GeoPoint, ...] = (),
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=kind,
            exposure=exposure,
            author_is_self=author_is_self,
            timestamp=timestamp,
            url=url,
            fields=fields,
            points=points,
            label=label,
        )

    def _profile(self, archive: Archive, member: Member, ptr: str, body: Any) -> Iterator[Record]:
        profile = body.get("ProfileMap") if isinstance(body, dict) else None
        if not isinstance(profile, dict):
            return
        base = join_pointer(ptr, "ProfileMap")
        public = _pick(base, profile, {"userName": Role.NAME, "bioDescription": Role.TEXT})
        private = _pick(
            base,
            profile,
            {
                "birthDate": Role.BIRTHDATE,
                "emailAddress": Role.EMAIL,
                "telephoneNumber": Role.PHONE,
            },
        )
        user = profile.get("userName")
        url = f"https://www.tiktok.com/@{user.strip()}" if _value(user) else None
        if private:
            yield self._record(
                archive, member, base, Kind.ACCOUNT, Exposure.ACCOUNT, private,
                "TikTok account details",
            )  # fmt: skip
        if public:
            yield self._record(
                archive, member, base, Kind.PROFILE, Exposure.PUBLIC, public, "TikTok profile",
                url=url,
            )  # fmt: skip

    def _autofill(self, archive: Archive, member: Member, ptr: str, body: Any) -> Iterator[Record]:
        if not isinstance(body, dict):
            return
        candidates = [(ptr, body)] + [
            (join_pointer(ptr, k), v) for k, v in body.items() if isinstance(v, dict)
        ]
        for base, values in candidates:
            fields: list[Field] = []
            for key, value in values.items():
                folded = _norm(key)
                if folded in _AUTOFILL_ROLES:
                    role = _AUTOFILL_ROLES[folded]
                else:
                    role = _GENERIC_ROLES.get(folded) or role_for_key(key)
                if role is None or not _value(value):
                    continue
                fields.append(Field(key, join_pointer(base, key), value, role))
            if fields:
                yield self._record(
                    archive, member, base, Kind.ACCOUNT, Exposure.ACCOUNT, tuple(fields),
                    "TikTok autofill details (your address for forms)",
                )  # fmt: skip

    def _comments(self, archive: Archive, member: Member, ptr: str, body: Any) -> Iterator[Record]:
        for base, index, item in _items(ptr, body, ("CommentsList", "CommentList")):
            key = _key(item, "comment", "Comment")
            text = item.get(key) if key else None
            if not _value(text):
                continue
            item_ptr = join_pointer(base, index)
            yield self._record(
                archive, member, item_ptr, Kind.COMMENT, Exposure.PUBLIC,
                (Field(key or "comment", join_pointer(item_ptr, key or "comment"), text),),
                "TikTok comment",
                timestamp=_time(_get(item, "date", "Date")),
                url=_url(_get(item, "url", "Url", "Link")),
            )  # fmt: skip

    def _posts(
        self, archive: Archive, member: Member, ptr: str, body: Any, exposure: Exposure, label: str
    ) -> Iterator[Record]:
        lists = ("VideoList", "PostList", "DeletedPostList", "DeletedVideoList")
        for base, index, item in _items(ptr, body, lists):
            item_ptr = join_pointer(base, index)
            fields: list[Field] = []
            points: list[GeoPoint] = []
            for key, value in item.items():
                if not _value(value):
                    continue
                folded = _norm(key)
                if folded in ("title", "description", "caption", "alternatetext", "text"):
                    fields.append(Field(key, join_pointer(item_ptr, key), value, Role.TEXT))
                elif folded in ("location", "place", "locationname"):
                    point = _point(value, join_pointer(item_ptr, key), "post location", key)
                    if point is not None:
                        points.append(point)
                    else:
                        fields.append(Field(key, join_pointer(item_ptr, key), value, Role.PLACE))
            if not fields and not points:
                continue
            yield self._record(
                archive, member, item_ptr, Kind.POST, exposure, tuple(fields), label,
                timestamp=_time(_get(item, "Date", "date")),
                url=_url(_get(item, "Link", "link", "VideoLink")),
                points=tuple(points),
            )  # fmt: skip

    def _chats(
        self, archive: Archive, member: Member, ptr: str, body: Any, state: _State
    ) -> Iterator[Record]:
        if not isinstance(body, dict):
            return
        key = _key(body, "ChatHistory", "GroupChat", "GroupChatHistory")
        if key is None:
            maps = [k for k, v in body.items() if isinstance(v, dict)]
            key = maps[0] if len(maps) == 1 else None
        history = body.get(key) if key else None
        if key is None or not isinstance(history, dict):
            return
        base = join_pointer(ptr, key)
        for thread, messages in history.items():
            if not isinstance(messages, list):
                continue
            match = _PARTNER.match(str(thread).strip())
            partner = match.group(1).strip().casefold() if match else None
            for index, message in enumerate(messages):
                if not isinstance(message, dict):
                    continue
                key = _key(message, "Content", "content")
                text = message.get(key) if key else None
                if not key or not _value(text):
                    continue
                sender = message.get(_key(message, "From", "from") or "From")
                sender = sender.strip().casefold() if isinstance(sender, str) else ""
                if state.username:
                    mine = sender == state.username
                else:
                    mine = bool(sender) and partner is not None and sender != partner
                item_ptr = join_pointer(base, thread, index)
                yield self._record(
                    archive, member, item_ptr, Kind.MESSAGE, Exposure.PRIVATE,
                    (Field(key, join_pointer(item_ptr, key), text),),
                    "TikTok direct message",
                    author_is_self=mine,
                    timestamp=_time(_get(message, "Date", "date")),
                )  # fmt: skip

    def _location(self, archive: Archive, member: Member, ptr: str, body: Any) -> Iterator[Record]:
        for item_ptr, key, value, holder in _walk(body, ptr):
            point = _point(value, item_ptr, "location TikTok recorded", key)
            if point is None:
                continue
            yield self._record(
                archive, member, item_ptr.rsplit("/", 1)[0], Kind.LOCATION, Exposure.ACCOUNT,
                (), "most recent location TikTok recorded",
                timestamp=_time(_get(holder, "Date", "date")),
                points=(point,),
            )  # fmt: skip

    def _generic(self, archive: Archive, member: Member, ptr: str, body: Any) -> Record | None:
        fields: list[Field] = []
        for item in json_fields(body, ptr):
            role = _GENERIC_ROLES.get(_norm(item.name), item.role)
            if not _value(item.text):
                continue
            if role in (Role.OTHER, Role.TEXT) and _SKIP_KEY.search(_words(item.name)):
                continue
            fields.append(Field(item.name, item.pointer, item.text, role))
        if not fields:
            return None
        return self._record(
            archive, member, ptr, Kind.OTHER, Exposure.ACCOUNT, tuple(fields),
            f"TikTok data: {ptr.rsplit('/', 1)[-1]}",
        )  # fmt: skip

    # -- TXT --------------------------------------------------------------------------------

    def _txt(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        name = _split(member.path)[1].lower()
        if name in _TXT_UNREAD:
            return
        try:
            text = decode_text(archive.read(member))
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        lines = text.splitlines()
        if name in _TXT_COMMENTS:
            when: datetime | None = None
            for number, line in enumerate(lines):
                label, _, value = line.partition(":")
                if label.strip().lower() in ("date", "datum"):
                    when = _time(value)
                elif label.strip().lower() in ("comment", "reactie") and _value(value):
                    yield self._record(
                        archive, member, pointer(number), Kind.COMMENT, Exposure.PUBLIC,
                        (Field(f"line {number + 1}", pointer(number), line),),
                        "TikTok comment", timestamp=when,
                    )  # fmt: skip
            return
        fields = tuple(
            Field(f"line {number + 1}", pointer(number), line[:_MAX_TEXT_FIELD], Role.TEXT)
            for number, line in enumerate(lines)
            if line.strip()
        )
        if fields:
            yield self._record(
                archive, member, "", Kind.OTHER, Exposure.ACCOUNT, fields, "TikTok data (TXT)"
            )


PLATFORM = TikTokPlatform()


# -- sections -------------------------------------------------------------------------------


def _sections(doc: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """``(pointer, normalised name, body)`` of every second-level section (``Comment`` →
    ``Comments``, ``Profile And Settings`` → ``Profile Info`` …)."""
    for top, body in doc.items():
        top_ptr = pointer(top)
        if not isinstance(body, dict):
            continue
        for name, inner in body.items():
            yield join_pointer(top_ptr, name), _plain(name), inner


def _plain(name: str) -> str:
    return " ".join(str(name).replace("_", " ").split()).lower()


def _is_private(body: Any) -> bool:
    """True when a ``Settings`` map says "Private Account": Enabled/On/Yes."""
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if "private account" in _plain(key) and isinstance(value, str | bool):
                    return value is True or str(value).strip().lower() in (
                        "enabled", "on", "yes", "true",
                    )  # fmt: skip
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _items(
    ptr: str, body: Any, list_keys: tuple[str, ...]
) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """``(list pointer, index, item)`` of the first list found under one of ``list_keys``."""
    if not isinstance(body, dict):
        return
    for key in list_keys:
        items = body.get(key)
        if isinstance(items, list):
            base = join_pointer(ptr, key)
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    yield base, index, item
            return


def _walk(node: Any, base: str) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
    """``(pointer, key, value, holder)`` of every string value in dicts under ``node``."""
    stack: list[tuple[str, Any]] = [(base, node)]
    while stack:
        ptr, value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                child_ptr = join_pointer(ptr, key)
                if isinstance(child, str):
                    yield child_ptr, str(key), child, value
                else:
                    stack.append((child_ptr, child))
        elif isinstance(value, list):
            stack.extend((join_pointer(ptr, i), child) for i, child in enumerate(value))


# -- values ---------------------------------------------------------------------------------


def _pick(base: str, obj: dict[str, Any], roles: dict[str, Role]) -> tuple[Field, ...]:
    return tuple(
        Field(key, join_pointer(base, key), obj[key][:_MAX_TEXT_FIELD], role)
        for key, role in roles.items()
        if _value(obj.get(key))
    )


def _value(value: Any) -> TypeGuard[str]:
    """A real string value (not ``None``/``N/A``/empty)."""
    return isinstance(value, str) and value.strip().lower() not in _EMPTY


def _key(obj: dict[str, Any], *names: str) -> str | None:
    for name in names:
        if name in obj:
            return name
    return None


def _get(obj: dict[str, Any], *names: str) -> Any:
    key = _key(obj, *names)
    return obj.get(key) if key else None


def _norm(key: str) -> str:
    return _NON_WORD.sub("", str(key).lower())


def _words(key: str) -> str:
    """``DeviceModel`` → ``device model``; ``Search_Term`` → ``search term``."""
    return " ".join(_CAMEL.sub(" ", str(key)).replace("_", " ").split()).lower()


def _point(value: Any, ptr: str, source: str, tag: str) -> GeoPoint | None:
    if not isinstance(value, str):
        return None
    match = _COORDINATES.match(value)
    if match is None:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return GeoPoint(lat, lon, ptr, source, tag)


def _url(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.startswith("https://") else None


def _time(value: Any) -> datetime | None:
    """``2024-11-27 18:02:11`` (no zone: UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().removesuffix(" UTC")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _split(path: str) -> tuple[str, str]:
    cut = path.rfind("/") + 1
    return path[:cut], path[cut:]
