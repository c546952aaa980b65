"""X (Twitter) archive reader: the GDPR "Download an archive of your data" export, 2018 →.

Layout (see docs/platforms.md): ``data/manifest.js`` lists every data type and its files
(multi-part ``tweets-part1.js`` …), each ``data/*.js`` is ``window.YTD.<name>.partN = [ … ]``,
media sit in ``data/tweets_media/<tweet id>-<key>.jpg`` and ``data/direct_messages_media/
<message id>-<key>.jpg``. The 2018–2019 vintage has ``tweet.js`` at the root with unwrapped
tweet objects.

Exposure rules: posts are public, or followers-only when ``protected-history.js`` says the
account's latest action was "Protect"; the profile bio is public either way; deleted tweets
are ``deleted`` (they were public and may be cached); DMs are private; account files
(``account.js``, ``phone-number.js``, ``ageinfo.js`` …) are data only X holds. Retweets and
other people's DMs are marked as not written by the user.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError, record_time
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import (
    join_pointer,
    json_too_large,
    load_json,
    strip_js_assignment,
)
from privaudit.platforms.generic import json_fields
from privaudit.platforms.google_stream import iter_array
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import is_media_name, media_metadata

_OLD_LAYOUT_FILES = ("tweet.js", "account.js", "profile.js")
"""2018–2019 archives keep these at the archive root, without ``data/``."""
_MAX_SNIFFED = 50
STREAM_BYTES = 16 << 20
"""Data files this large are read item by item (see :class:`_Streamed`)."""
_PART = re.compile(r"-part\d+$")
_MEDIA_NAME = re.compile(r"^(\d+)-[\w-]+\.\w+$")

# Data types (manifest name or file stem, snake_case) by what they hold.
_ACCOUNT_TYPES = {
    "account",
    "profile",
    "ageinfo",
    "phone_number",
    "email_address_change",
    "ni_devices",
    "sso",
}
_TWEET_TYPES = {"tweets", "tweet", "community_tweet"}
_DM_TYPES = {"direct_messages", "direct_messages_group"}
_IGNORED_TYPES = {
    # Other people's content, identifiers, advertising and settings: nothing the user disclosed.
    "like",
    "follower",
    "following",
    "block",
    "mute",
    "contact",
    "personalization",
    "ad_engagements",
    "ad_impressions",
    "ad_mobile_conversions_attributed",
    "ad_mobile_conversions_unattributed",
    "ad_online_conversions_attributed",
    "ad_online_conversions_unattributed",
    "ads_revenue_sharing",
    "tweet_headers",
    "deleted_tweet_headers",
    "direct_message_headers",
    "direct_message_group_headers",
    "direct_message_mute",
    "message_event",
    "key_registry",
    "device_token",
    "ip_audit",
    "account_creation_ip",
    "account_label",
    "account_suspension",
    "account_timezone",
    "screen_name_change",
    "protected_history",
    "verified",
    "verified_organization",
    "lists_created",
    "lists_member",
    "lists_subscribed",
    "saved_search",
    "app",
    "connected_application",
    "branch_links",
    "manifest",
    "smartblock",
    "reply_prompt",
    "audio_video_calls_in_dm",
    "audio_video_calls_in_dm_recipient_sessions",
    "community_note_rating",
    "community_note_tombstone",
    "community_note_batsignal",
    "periscope_followers",
    "periscope_expired_broadcasts",
    "periscope_ban_information",
    "periscope_account_information",
    "tweetdeck",
    "moment",
    "spaces_metadata",
    "shopify_account",
    "shop_module",
    "product_drop",
    "product_set",
    "catalog_item",
    "commerce_catalog",
    "twitter_shop",
    "article_metadata",
    "deleted_note_tweet",
}
_MEDIA_DIRS = {
    "tweets_media": "tweet",
    "tweet_media": "tweet",
    "community_tweet_media": "tweet",
    "deleted_tweets_media": "deleted",
    "direct_messages_media": "dm",
    "direct_messages_group_media": "dm",
}
_TWEET_TIME = "%a %b %d %H:%M:%S %z %Y"


@dataclass(slots=True)
class _ItemInfo:
    """What media files need to know about the post or message they belong to."""

    kind: Kind
    exposure: Exposure
    author_is_self: bool
    timestamp: datetime | None
    url: str | None
    label: str


@dataclass(slots=True)
class _State:
    """Facts about the account gathered before posts are read."""

    root: str
    account_id: str | None = None
    screen_name: str | None = None
    protected: bool = False
    items: dict[str, _ItemInfo] = field(default_factory=dict)
    """Posts and messages that media files (or long posts) need to find again."""
    media_ids: set[str] = field(default_factory=set)
    """Ids named by the archive's media files: only those items are kept (memory stays
    flat however many posts the archive holds)."""
    keep_posts: bool = False
    """Keep every post too: the archive has long posts, which find their tweet by time."""
    _by_time: list[tuple[datetime, int, str | None]] | None = None
    _by_time_size: int = -1

    def remember(self, item_id: str, info: _ItemInfo) -> None:
        if item_id in self.media_ids or (self.keep_posts and info.kind in (Kind.POST, Kind.REPLY)):
            self.items[item_id] = info


class XPlatform(Platform):
    """Reader for X/Twitter archives."""

    name = "x"
    title = "X (Twitter)"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        for member in members:
            if member.path.endswith("data/manifest.js"):
                return 1.0
        candidates = [m for m in members if m.path.endswith(".js") and "assets/" not in m.path]
        for member in candidates[:_MAX_SNIFFED]:
            try:
                if _is_ytd(archive.read_head(member, 64)):
                    return 0.9
            except MemberError:
                continue
        return 0.0

    def claims(self, member: Member) -> bool:
        path = member.path
        parent = path.rsplit("/", 2)[-2] if path.count("/") >= 1 else ""
        return (
            "data/" in path
            or path.endswith((".js", "Your archive.html"))
            or "assets/" in path
            or parent in _MEDIA_DIRS
        )

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        by_path = {m.path: m for m in members}
        root = _find_root(members)
        state = _State(root=root)
        files = _data_files(archive, members, root, by_path, notes)
        state.media_ids = _media_ids(members)
        state.keep_posts = "note_tweet" in files
        self._learn_account(archive, files, state, notes)
        if state.protected:
            notes.note("Your X account is protected: posts are rated as seen by followers.")
        # Profile and account first (contract), then content, then media.
        for dtype in (
            "account",
            "profile",
            "ageinfo",
            "phone_number",
            "email_address_change",
            "ni_devices",
            "sso",
        ):
            for member in files.get(dtype, []):
                yield from self._records_of(archive, member, dtype, state, notes)
        # Tweets before note tweets, which find their tweet's link by time.
        for dtype, type_members in sorted(files.items(), key=lambda kv: _content_order(kv[0])):
            if dtype in _ACCOUNT_TYPES or dtype in _IGNORED_TYPES:
                continue
            for member in type_members:
                yield from self._records_of(archive, member, dtype, state, notes)
        yield from self._media(archive, members, state, notes)

    # -- account facts -------------------------------------------------------------------

    def _learn_account(
        self, archive: Archive, files: dict[str, list[Member]], state: _State, notes: ReadNotes
    ) -> None:
        for member in files.get("manifest", []):
            doc = _load(archive, member, notes)
            if isinstance(doc, dict):
                info = doc.get("userInfo")
                if not isinstance(info, dict):
                    info = {}
                state.account_id = _str(info.get("accountId")) or state.account_id
                state.screen_name = _str(info.get("userName")) or state.screen_name
        for member in files.get("account", []):
            for _, item in _wrapped(_load(archive, member, notes), "account"):
                state.account_id = _str(item.get("accountId")) or state.account_id
                state.screen_name = _str(item.get("username")) or state.screen_name
        history: list[tuple[str, str]] = []
        for member in files.get("protected_history", []):
            for _, item in _wrapped(_load(archive, member, notes), "protectedHistory"):
                history.append(
                    (_str(item.get("protectedAt")) or "", _str(item.get("action")) or "")
                )
        if history:
            state.protected = max(history)[1].lower() == "protect"

    # -- per data type ---------------------------------------------------------------------

    def _records_of(
        self, archive: Archive, member: Member, dtype: str, state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        reader = _READERS.get(dtype)
        if reader is not None and member.size >= STREAM_BYTES and _is_array(archive, member):
            # A big file (a heavy account's tweets.js runs to hundreds of MB) is read item
            # by item: memory stays at one chunk instead of the whole parsed document.
            try:
                yield from reader(self, archive, member, _Streamed(archive, member), state)
            except MemberError as exc:
                notes.skip(member.path, str(exc))
            return
        doc = _load(archive, member, notes)
        if doc is None:
            return
        if reader is None:
            notes.note(
                f"unrecognised X file {_rel(member.path, state.root)}, scanned as generic JSON"
            )
            yield from _generic_records(archive, member, doc)
            return
        yield from reader(self, archive, member, doc, state)

    def _account(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "account"):
            fields = _fields(
                ptr,
                item,
                {"email": Role.EMAIL, "phoneNumber": Role.PHONE, "accountDisplayName": Role.NAME},
            )
            yield self._account_record(archive, member, ptr, fields, "X account settings")

    def _profile(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "profile"):
            desc = item.get("description")
            if not isinstance(desc, dict):
                continue
            base = join_pointer(ptr, "description")
            fields = _fields(base, desc, {"bio": Role.TEXT, "location": Role.PLACE})
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.PROFILE,
                exposure=Exposure.PUBLIC,
                author_is_self=True,
                url=_profile_url(state),
                fields=fields,
                label="profile",
            )

    def _ageinfo(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "ageMeta"):
            info = item.get("ageInfo")
            if not isinstance(info, dict):
                continue
            fields = _fields(join_pointer(ptr, "ageInfo"), info, {"birthDate": Role.BIRTHDATE})
            yield self._account_record(archive, member, ptr, fields, "birth date in X settings")

    def _phone_number(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "device"):
            fields = _fields(ptr, item, {"phoneNumber": Role.PHONE})
            yield self._account_record(archive, member, ptr, fields, "phone number on X account")

    def _ni_devices(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "niDeviceResponse"):
            for key, device in item.items():
                if isinstance(device, dict):
                    fields = _fields(
                        join_pointer(ptr, key),
                        device,
                        {"phoneNumber": Role.PHONE, "phone_number": Role.PHONE},
                    )
                    yield self._account_record(archive, member, ptr, fields, "X login device")

    def _sso(self, archive: Archive, member: Member, doc: Any, state: _State) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "sso"):
            fields = _fields(ptr, item, {"ssoEmail": Role.EMAIL})
            yield self._account_record(archive, member, ptr, fields, "single sign-on e-mail")

    def _email_change(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "emailAddressChange"):
            change = item.get("emailChange")
            if isinstance(change, dict):
                fields = _fields(
                    join_pointer(ptr, "emailChange"),
                    change,
                    {"changedFrom": Role.EMAIL, "changedTo": Role.EMAIL},
                )
                yield self._account_record(archive, member, ptr, fields, "X e-mail history")

    def _account_record(
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

    def _tweets(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        exposure = Exposure.FOLLOWERS if state.protected else Exposure.PUBLIC
        yield from self._tweet_records(archive, member, doc, state, exposure, "tweet")

    def _deleted_tweets(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        yield from self._tweet_records(
            archive, member, doc, state, Exposure.DELETED, "deleted tweet"
        )

    def _tweet_records(
        self,
        archive: Archive,
        member: Member,
        doc: Any,
        state: _State,
        exposure: Exposure,
        label: str,
    ) -> Iterator[Record]:
        for ptr, tweet in _wrapped(doc, "tweet"):
            tweet_id = _str(tweet.get("id_str")) or _str(tweet.get("id"))
            text_key = "full_text" if "full_text" in tweet else "text"
            text = _str(tweet.get(text_key)) or ""
            is_retweet = text.startswith("RT @")
            reply = bool(
                tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
            )
            when = _tweet_time(tweet.get("created_at"))
            url = _status_url(state, tweet_id)
            kind = Kind.REPLY if reply else Kind.POST
            item_label = f"{label} (reply)" if reply else label
            if is_retweet:
                item_label = "retweet"
            # text_key needs no pointer escaping: the pointer is written out directly
            fields = (Field(text_key, f"{ptr}/{text_key}", text, Role.TEXT),) if text else ()
            record = Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=kind,
                exposure=exposure,
                author_is_self=not is_retweet,
                timestamp=when,
                url=url,
                fields=fields,
                points=_tweet_points(ptr, tweet),
                label=item_label,
            )
            if tweet_id:
                state.remember(
                    tweet_id,
                    _ItemInfo(kind, exposure, not is_retweet, when, url, f"photo in {item_label}"),
                )
            yield record

    def _note_tweets(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        exposure = Exposure.FOLLOWERS if state.protected else Exposure.PUBLIC
        for ptr, note in _wrapped(doc, "noteTweet"):
            core = note.get("core")
            if not isinstance(core, dict):
                continue
            text = _str(core.get("text")) or ""
            when = _iso_time(note.get("createdAt"))
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.POST,
                exposure=exposure,
                author_is_self=True,
                timestamp=when,
                url=_nearest_tweet_url(state, when),
                fields=(Field("text", join_pointer(ptr, "core", "text"), text, Role.TEXT),),
                label="long post",
            )

    def _direct_messages(
        self, archive: Archive, member: Member, doc: Any, state: _State
    ) -> Iterator[Record]:
        group = "group" in member.path.rsplit("/", 1)[-1]
        label = "group message" if group else "direct message"
        self_id = state.account_id or _guess_self_id(doc)
        for ptr, conversation in _wrapped(doc, "dmConversation"):
            conv_id = _str(conversation.get("conversationId")) or ""
            messages = conversation.get("messages")
            if not isinstance(messages, list):
                continue
            url = f"https://x.com/messages/{conv_id}" if conv_id else None
            for index, event in enumerate(messages):
                create = event.get("messageCreate") if isinstance(event, dict) else None
                if not isinstance(create, dict):
                    continue
                msg_ptr = join_pointer(ptr, "messages", index, "messageCreate")
                sender = _str(create.get("senderId"))
                mine = self_id is not None and sender == self_id
                text = _str(create.get("text")) or ""
                when = _iso_time(create.get("createdAt"))
                msg_id = _str(create.get("id"))
                if msg_id:
                    state.remember(
                        msg_id,
                        _ItemInfo(
                            Kind.MESSAGE, Exposure.PRIVATE, mine, when, url, f"photo in {label}"
                        ),
                    )
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=msg_ptr,
                    kind=Kind.MESSAGE,
                    exposure=Exposure.PRIVATE,
                    author_is_self=mine,
                    timestamp=when,
                    url=url,
                    fields=(Field("text", join_pointer(msg_ptr, "text"), text, Role.TEXT),)
                    if text
                    else (),
                    label=label,
                )

    def _grok(self, archive: Archive, member: Member, doc: Any, state: _State) -> Iterator[Record]:
        for ptr, item in _wrapped(doc, "grokChatItem"):
            if (_str(item.get("sender")) or "").lower() not in {"user", ""}:
                continue
            text = _str(item.get("message")) or ""
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.MESSAGE,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                timestamp=_iso_time(item.get("createdAt")),
                fields=(Field("message", join_pointer(ptr, "message"), text, Role.TEXT),),
                label="message to Grok",
            )

    # -- media -----------------------------------------------------------------------------

    def _media(
        self, archive: Archive, members: list[Member], state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        for member in members:
            parts = member.path.split("/")
            if len(parts) < 2 or parts[-2] not in _MEDIA_DIRS or not is_media_name(member.path):
                continue
            source = _MEDIA_DIRS[parts[-2]]
            match = _MEDIA_NAME.match(parts[-1])
            info = state.items.get(match.group(1)) if match else None
            if info is None:
                info = _default_media_info(source, state)
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
                timestamp=info.timestamp or record_time(meta.taken_at),
                url=info.url,
                fields=meta.fields,
                points=meta.points,
                label=info.label,
            )


PLATFORM = XPlatform()

_READERS: dict[str, Any] = {
    "account": XPlatform._account,
    "profile": XPlatform._profile,
    "ageinfo": XPlatform._ageinfo,
    "phone_number": XPlatform._phone_number,
    "ni_devices": XPlatform._ni_devices,
    "sso": XPlatform._sso,
    "email_address_change": XPlatform._email_change,
    "tweets": XPlatform._tweets,
    "tweet": XPlatform._tweets,
    "community_tweet": XPlatform._tweets,
    "deleted_tweets": XPlatform._deleted_tweets,
    "note_tweet": XPlatform._note_tweets,
    "direct_messages": XPlatform._direct_messages,
    "direct_messages_group": XPlatform._direct_messages,
    "grok_chat_item": XPlatform._grok,
}


# -- helpers ---------------------------------------------------------------------------------


def _is_ytd(head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped.startswith((b"window.YTD.", b"window.__THAR_CONFIG", b"Grailbird."))


def _find_root(members: list[Member]) -> str:
    """The folder that holds ``data/`` (archives are sometimes zipped inside a folder)."""
    for member in members:
        if member.path.endswith("data/manifest.js"):
            return member.path[: -len("data/manifest.js")]
    for member in members:
        idx = member.path.find("data/")
        if idx >= 0 and (idx == 0 or member.path[idx - 1] == "/"):
            return member.path[:idx]
    old_layout = [m.path for m in members if m.path.rsplit("/", 1)[-1] in _OLD_LAYOUT_FILES]
    if old_layout:
        shortest = min(old_layout, key=lambda p: p.count("/"))
        return shortest[: shortest.rfind("/") + 1]
    return ""


def _data_files(
    archive: Archive,
    members: list[Member],
    root: str,
    by_path: dict[str, Member],
    notes: ReadNotes,
) -> dict[str, list[Member]]:
    """Data files by type: from the manifest when present, else by file name."""
    files: dict[str, list[Member]] = {}
    manifest = by_path.get(root + "data/manifest.js")
    listed: set[str] = set()
    if manifest is not None:
        files["manifest"] = [manifest]
        doc = _load(archive, manifest, notes)
        types = doc.get("dataTypes") if isinstance(doc, dict) else None
        if isinstance(types, dict):
            for entries in types.values():
                listed_files = entries.get("files") if isinstance(entries, dict) else None
                for entry in listed_files if isinstance(listed_files, list) else []:
                    name = _str(entry.get("fileName")) if isinstance(entry, dict) else None
                    global_name = _str(entry.get("globalName")) if isinstance(entry, dict) else None
                    if not name:
                        continue
                    member = by_path.get(root + name)
                    if member is None:
                        continue
                    dtype = _type_from_global(global_name) or _type_from_path(name)
                    files.setdefault(dtype, []).append(member)
                    listed.add(member.path)
    for member in members:
        path = member.path
        if path in listed or not path.startswith(root) or not path.endswith(".js"):
            continue
        rel = path[len(root) :]
        if (rel.startswith("data/") and rel.count("/") == 1) or "/" not in rel:
            dtype = _type_from_path(rel)
            if dtype == "manifest":
                continue
            files.setdefault(dtype, []).append(member)
    for type_members in files.values():
        type_members.sort(key=lambda m: _part_number(m.path))
    return files


def _content_order(dtype: str) -> tuple[int, str]:
    return (0 if dtype in _TWEET_TYPES else 1, dtype)


def _type_from_global(global_name: str | None) -> str | None:
    if not global_name:
        return None
    parts = global_name.split(".")
    return parts[1] if len(parts) >= 2 else None


def _type_from_path(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].removesuffix(".js")
    return _PART.sub("", stem).replace("-", "_")


def _part_number(path: str) -> int:
    match = re.search(r"-part(\d+)\.js$", path)
    return int(match.group(1)) if match else 0


def _load(archive: Archive, member: Member, notes: ReadNotes) -> Any:
    try:
        return load_json(archive, member)
    except MemberError as exc:
        notes.skip(member.path, str(exc))
        return None


def _is_array(archive: Archive, member: Member) -> bool:
    """True when the member's JSON (after any ``window.… =``) is an array: only those stream."""
    try:
        head = archive.read_head(member, 512)
    except MemberError:
        return False  # the whole-member path reports it
    head = head.removeprefix(codecs.BOM_UTF8)
    return strip_js_assignment(head).lstrip().startswith(b"[")


class _Streamed:
    """A big YTD array member, iterated as ``(index, item)`` without parsing it whole."""

    def __init__(self, archive: Archive, member: Member) -> None:
        self.archive = archive
        self.member = member

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        return iter_array(lambda: self.archive.open(self.member), self._whole, None)

    def _whole(self) -> bytes:
        limit = self.archive.limits.max_json_bytes
        if self.member.size > limit:
            raise json_too_large(self.member.size, limit)
        return self.archive.read(self.member)


def _wrapped(doc: Any, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, object)`` for each ``{key: {...}}`` entry (or bare object) of a YTD array."""
    if isinstance(doc, _Streamed):
        entries: Iterable[tuple[int, Any]] = doc
    elif isinstance(doc, list):
        entries = enumerate(doc)
    else:
        return
    for index, entry in entries:
        if not isinstance(entry, dict):
            continue
        inner = entry.get(key)
        if isinstance(inner, dict):
            yield f"/{index}/{key}", inner
        elif key == "tweet" and ("full_text" in entry or "text" in entry):
            yield f"/{index}", entry  # 2018-2019 archives: tweets are not wrapped


def _fields(base: str, obj: dict[str, Any], roles: dict[str, Role]) -> tuple[Field, ...]:
    out = []
    for key, role in roles.items():
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            out.append(Field(key, join_pointer(base, key), value, role))
    return tuple(out)


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
)}  # fmt: skip
_DAYS = frozenset(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
_FAST_TIME = re.compile(
    r"([A-Z][a-z]{2}) ([A-Z][a-z]{2}) (\d\d) (\d\d):(\d\d):(\d\d) \+0000 (\d{4})"
)


def _tweet_time(value: Any) -> datetime | None:
    text = _str(value)
    if not text:
        return None
    fast = _FAST_TIME.fullmatch(text)
    if fast is not None and fast.group(1) in _DAYS and fast.group(2) in _MONTHS:
        # X's own format in UTC, parsed without strptime (half of a tweet's read time);
        # anything unusual (another zone, a bad date) takes the general path below.
        _, name, day_s, hour_s, minute_s, second_s, year_s = fast.groups()
        day, month, year = int(day_s), _MONTHS[name], int(year_s)
        hour, minute, second = int(hour_s), int(minute_s), int(second_s)
        try:
            when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except ValueError:
            when = None
        if when is not None:
            return when if year >= 2006 else None
    for fmt in (_TWEET_TIME, "%Y-%m-%d %H:%M:%S %z"):
        try:
            when = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return when.astimezone(UTC) if when.year >= 2006 else None
    return _iso_time(text)


def _iso_time(value: Any) -> datetime | None:
    text = _str(value)
    if not text:
        return None
    if text.isdigit():
        try:
            return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
        except (OverflowError, ValueError, OSError):
            return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _coordinate(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _tweet_points(ptr: str, tweet: dict[str, Any]) -> tuple[GeoPoint, ...]:
    """The tweet's geotag: ``geo`` is [lat, lon]; ``coordinates`` is GeoJSON [lon, lat]."""
    for key, lat_index in (("geo", 0), ("coordinates", 1)):
        geo = tweet.get(key)
        coords = geo.get("coordinates") if isinstance(geo, dict) else None
        if isinstance(coords, list) and len(coords) == 2:
            lat, lon = _coordinate(coords[lat_index]), _coordinate(coords[1 - lat_index])
            if lat is None or lon is None or (lat == 0 and lon == 0):
                continue
            if abs(lat) > 90 or abs(lon) > 180:
                continue
            return (
                GeoPoint(
                    lat,
                    lon,
                    join_pointer(ptr, key, "coordinates"),
                    "geotag on the post",
                    f"{key}.coordinates",
                ),
            )
    return ()


def _status_url(state: _State, tweet_id: str | None) -> str | None:
    if not tweet_id:
        return None
    return f"https://x.com/{state.screen_name or 'i/web'}/status/{tweet_id}"


def _profile_url(state: _State) -> str | None:
    return f"https://x.com/{state.screen_name}" if state.screen_name else None


def _nearest_tweet_url(state: _State, when: datetime | None) -> str | None:
    """Long posts (note tweets) have their own id; the tweet that shows them is posted with them.

    The tweet closest in time within 10 s (the first read of equally close ones), found by
    bisecting a time-sorted index of the posts rather than scanning every post per note.
    """
    if when is None:
        return None
    if state._by_time is None or state._by_time_size != len(state.items):
        state._by_time = sorted(
            (info.timestamp, order, info.url)
            for order, info in enumerate(state.items.values())
            if info.timestamp is not None and info.kind in (Kind.POST, Kind.REPLY)
        )
        state._by_time_size = len(state.items)
    index = state._by_time
    window = timedelta(seconds=10)
    lo = bisect.bisect_left(index, (when - window,))
    best: tuple[float, int, str | None] = (10.0, -1, None)
    for position in range(lo, len(index)):
        stamp, order, url = index[position]
        if stamp - when >= window:
            break
        delta = abs((stamp - when).total_seconds())
        if delta < best[0] or (delta == best[0] and best[1] >= 0 and order < best[1]):
            best = (delta, order, url)
    return best[2]


def _media_ids(members: list[Member]) -> set[str]:
    """The post and message ids that media files are named after."""
    ids: set[str] = set()
    for member in members:
        parts = member.path.split("/")
        if len(parts) >= 2 and parts[-2] in _MEDIA_DIRS:
            match = _MEDIA_NAME.match(parts[-1])
            if match:
                ids.add(match.group(1))
    return ids


def _guess_self_id(doc: Any) -> str | None:
    """Without account.js: the user is the one id present in every 1:1 conversation id."""
    common: set[str] | None = None
    for _, conversation in _wrapped(doc, "dmConversation"):
        ids = set((_str(conversation.get("conversationId")) or "").split("-"))
        common = ids if common is None else common & ids
    if common and len(common) == 1:
        return next(iter(common))
    return None


def _default_media_info(source: str, state: _State) -> _ItemInfo:
    if source == "dm":
        return _ItemInfo(Kind.MESSAGE, Exposure.PRIVATE, True, None, None, "photo in a DM")
    if source == "deleted":
        return _ItemInfo(Kind.POST, Exposure.DELETED, True, None, None, "photo in a deleted tweet")
    exposure = Exposure.FOLLOWERS if state.protected else Exposure.PUBLIC
    return _ItemInfo(Kind.POST, exposure, True, None, None, "photo in a tweet")


def _rel(path: str, root: str) -> str:
    return path[len(root) :] if path.startswith(root) else path


def _generic_records(archive: Archive, member: Member, doc: Any) -> Iterable[Record]:
    fields = json_fields(doc)
    if fields:
        yield Record(
            platform="x",
            archive=archive.display,
            path=member.path,
            pointer="",
            kind=Kind.OTHER,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            fields=fields,
            label="X account data",
        )
