"""Mastodon reader: the account archive from Settings → Import and export → "Request your archive".

Layout: ``archive-<YYYYMMDDHHMMSS>-<hex>.zip`` since Mastodon 4.2 (``.tar.gz`` before), holding
``actor.json`` (the profile, an ActivityPub ``Person``), ``outbox.json`` (an
``OrderedCollection`` of ``Create`` and ``Announce`` activities), ``likes.json``,
``bookmarks.json``, ``avatar.<ext>``, ``header.<ext>`` and the uploaded media under
``media_attachments/files/…/original/<name>``. The archives of other ActivityPub servers
(Akkoma/Pleroma backups, GoToSocial-style exports) have the same shape and are read the same
way; their boosts may embed the boosted post instead of naming it by URI.

Exposure comes only from each post's addressing (``to``/``cc`` of the object, else of the
activity): the public collection in ``to`` is a public post; in ``cc`` only, an unlisted post
(still public: anyone with the link or on the profile sees it); the account's followers
collection without the public one, followers-only; only mentioned accounts, a direct message
(private). The profile (bio, name, profile fields, avatar, header) is public. Profile
fields (``attachment`` name/value pairs) take their role from the label: "Birthday" → a birth
date field, "Location" → a place, "Phone"/"Email" → a string the pattern detectors read with
the label as context, anything else → prose.

Authorship: ``Create`` activities of the archive's actor are the user's; boosts
(``Announce``) are someone else's post — read, never reported. Likes and bookmarks hold only
links to other people's posts and are deliberately not read.

HTML (agreed exception to "the field text is the pointed-to string"): ``content``,
``summary`` and the ``value`` of profile fields are HTML. A field's text is the
**tag-stripped text** of the pointed-to HTML string — tags removed, ``<br>`` and the end of
``<p>``/block elements turned into newlines, character references decoded (``&amp;`` → ``&``,
``&nbsp;`` → a space), leading and trailing whitespace trimmed — exactly what
:func:`html_text` returns, and a finding's span indexes that text. The pointer still names
the JSON string (``/orderedItems/3/object/content``), so ``html_text(resolve_pointer(doc,
pointer))`` gives the field's text back.

Media: Mastodon strips EXIF from uploaded images nowadays, but older uploads and other servers
may keep it, so every image is checked; a photo is linked to its post through the
``media_attachments/…`` part of the attachment URL (outbox URLs may carry an instance or CDN
prefix) and takes that post's exposure, link and time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError, is_image_name
from privaudit.model import Exposure, Field, Kind, Record, Role
from privaudit.platforms.documents import join_pointer, load_json
from privaudit.platforms.generic import role_for_key
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import photo_metadata

PUBLIC_AUDIENCE = frozenset({"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"})
"""The ActivityStreams public collection, as servers spell it."""

_HEAD = 16 * 1024
"""Enough of ``outbox.json`` to get past its ``@context`` to the collection ``type``."""
_COLLECTION_TYPE = re.compile(rb'"type"\s*:\s*"OrderedCollection"')
_ARCHIVE_FILES = frozenset({"actor.json", "outbox.json", "likes.json", "bookmarks.json"})
_PROFILE_IMAGE = re.compile(r"^(avatar|header)\.\w+$", re.IGNORECASE)
_MEDIA_DIR = "media_attachments/"
_TEXT_OBJECTS = frozenset({"Note", "Question", "Article", "Page", "Event", "Video", "Image"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol"}
)
_SKIP_TAGS = frozenset({"script", "style"})
_MAX_TEXT_FIELD = 100_000


# -- HTML --------------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Text of an HTML fragment: tags dropped, line breaks kept, references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _SKIP_TAGS:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _SKIP_TAGS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_text(value: str) -> str:
    """The text a reader sees in an HTML fragment; the field text of every HTML field.

    Tags are removed, ``<br>`` and the end of a paragraph or block become ``\\n``, character
    references are decoded (as :func:`html.unescape` does), no-break spaces become spaces,
    and the result is trimmed.
    """
    if "<" not in value and "&" not in value:
        return value.replace("\xa0", " ").strip()
    parser = _TextExtractor()
    try:
        parser.feed(value)
        parser.close()
    except Exception:  # malformed markup: html.parser is lenient, but never fail a post
        return value.replace("\xa0", " ").strip()
    return "".join(parser.parts).replace("\xa0", " ").strip()


# -- reader ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _ItemInfo:
    """What a media file needs to know about the post it belongs to."""

    exposure: Exposure
    author_is_self: bool
    timestamp: datetime | None
    url: str | None
    label: str


@dataclass(slots=True)
class _Account:
    """The archive's owner, from ``actor.json`` (or the outbox when it is missing)."""

    root: str
    actor_id: str | None = None
    followers: str | None = None
    url: str | None = None
    media: dict[str, _ItemInfo] = field(default_factory=dict)
    """``media_attachments/…`` key (and bare file name) → the post it belongs to."""


class MastodonPlatform(Platform):
    """Reader for Mastodon (and look-alike ActivityPub) account archives."""

    name = "mastodon"
    title = "Mastodon"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        paths = {m.path for m in members}
        best = 0.0
        for member in members:
            if _basename(member.path) != "outbox.json":
                continue
            try:
                head = archive.read_head(member, _HEAD)
            except MemberError:
                continue
            if not _COLLECTION_TYPE.search(head):
                continue
            if _root(member.path) + "actor.json" in paths:
                return 1.0
            best = 0.6
        return best

    def claims(self, member: Member) -> bool:
        base = _basename(member.path)
        return (
            base in _ARCHIVE_FILES or _MEDIA_DIR in member.path or bool(_PROFILE_IMAGE.match(base))
        )

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        by_path = {m.path: m for m in members}
        roots = sorted({_root(m.path) for m in members if _basename(m.path) == "outbox.json"})
        if not roots:
            roots = sorted({_root(m.path) for m in members if _basename(m.path) == "actor.json"})
        accounts = [_Account(root=root) for root in roots]
        # Profiles first (contract), then posts, then the photos that need the posts.
        for account in accounts:
            actor = by_path.get(account.root + "actor.json")
            if actor is not None:
                yield from self._actor(archive, actor, account, notes)
        for account in accounts:
            outbox = by_path.get(account.root + "outbox.json")
            if outbox is not None:
                yield from self._outbox(archive, outbox, account, notes)
        for account in accounts:
            yield from self._media(archive, members, account, notes)

    # -- profile ---------------------------------------------------------------------------

    def _actor(
        self, archive: Archive, member: Member, account: _Account, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = _load(archive, member, notes)
        if not isinstance(doc, dict):
            if doc is not None:
                notes.skip(member.path, "not a Mastodon profile (no actor object)")
            return
        account.actor_id = _str(doc.get("id"))
        account.followers = _str(doc.get("followers"))
        account.url = _url_of(doc.get("url")) or account.actor_id
        fields: list[Field] = []
        for key, role in (("name", Role.NAME), ("preferredUsername", Role.NAME)):
            value = _str(doc.get(key))
            if value and value.strip():
                fields.append(Field(key, join_pointer("", key), value, role))
        summary = _str(doc.get("summary"))
        if summary:
            fields.append(Field("summary", "/summary", html_text(summary), Role.TEXT))
        attachments = doc.get("attachment")
        for index, item in enumerate(attachments if isinstance(attachments, list) else []):
            if not isinstance(item, dict):
                continue
            label = _str(item.get("name")) or ""
            value = _str(item.get("value"))
            if not value:
                continue
            role = role_for_key(label) if label else Role.TEXT
            if role in (Role.PHONE, Role.EMAIL):
                role = Role.OTHER  # free text: pattern detectors, with the label as context
            elif role not in (Role.BIRTHDATE, Role.PLACE):
                role = Role.TEXT
            text = html_text(value)
            if text:
                fields.append(
                    Field(label or "profile field", f"/attachment/{index}/value", text, role)
                )
        yield Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer="",
            kind=Kind.PROFILE,
            exposure=Exposure.PUBLIC,
            author_is_self=True,
            url=account.url,
            fields=tuple(f for f in fields if f.text),
            label="Mastodon profile",
        )

    # -- posts -----------------------------------------------------------------------------

    def _outbox(
        self, archive: Archive, member: Member, account: _Account, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = _load(archive, member, notes)
        if doc is None:
            return
        items = doc.get("orderedItems") if isinstance(doc, dict) else None
        if not isinstance(items, list):
            notes.skip(member.path, "not a Mastodon outbox (no orderedItems list)")
            return
        if account.actor_id is None:
            account.actor_id = _most_common_actor(items)
        for index, activity in enumerate(items):
            if not isinstance(activity, dict):
                continue
            kind = _str(activity.get("type"))
            base = f"/orderedItems/{index}"
            if kind == "Create":
                yield from self._create(archive, member, base, activity, account)
            elif kind == "Announce":
                yield self._boost(archive, member, base, activity, account)

    def _create(
        self,
        archive: Archive,
        member: Member,
        base: str,
        activity: dict[str, Any],
        account: _Account,
    ) -> Iterator[Record]:
        obj = activity.get("object")
        if not isinstance(obj, dict) or _str(obj.get("type")) not in _TEXT_OBJECTS:
            return
        ptr = join_pointer(base, "object")
        actor = _id_of(activity.get("actor"))
        author = _id_of(obj.get("attributedTo")) or actor
        mine = account.actor_id is None or (
            author == account.actor_id and actor in (None, account.actor_id)
        )
        exposure = _audience(obj, activity, account)
        reply = bool(obj.get("inReplyTo"))
        if exposure is Exposure.PRIVATE:
            kind, label = Kind.MESSAGE, "Mastodon direct message"
        else:
            kind = Kind.REPLY if reply else Kind.POST
            label = _LABELS[exposure, _is_unlisted(obj, activity)] + (" (reply)" if reply else "")
        when = _time(obj.get("published")) or _time(activity.get("published"))
        url = _url_of(obj.get("url")) or _web_id(obj.get("id"))
        info = _ItemInfo(exposure, mine, when, url, f"photo in a {label}")
        for attachment in _list(obj.get("attachment")):
            if isinstance(attachment, dict):
                for key in _media_keys(_url_of(attachment.get("url"))):
                    account.media.setdefault(key, info)
        yield Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=kind,
            exposure=exposure,
            author_is_self=mine,
            timestamp=when,
            url=url,
            fields=_object_fields(ptr, obj),
            label=label,
        )

    def _boost(
        self,
        archive: Archive,
        member: Member,
        base: str,
        activity: dict[str, Any],
        account: _Account,
    ) -> Record:
        obj = activity.get("object")
        fields: tuple[Field, ...] = ()
        url = _web_id(obj)
        if isinstance(obj, dict):
            fields = _object_fields(join_pointer(base, "object"), obj)
            url = _url_of(obj.get("url")) or _web_id(obj.get("id"))
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=base,
            kind=Kind.POST,
            exposure=_audience({}, activity, account),
            author_is_self=False,
            timestamp=_time(activity.get("published")),
            url=url,
            fields=fields,
            label="boost of someone else's post",
        )

    # -- media -----------------------------------------------------------------------------

    def _media(
        self, archive: Archive, members: list[Member], account: _Account, notes: ReadNotes
    ) -> Iterator[Record]:
        unscanned = 0
        for member in members:
            if not member.path.startswith(account.root):
                continue
            rel = member.path[len(account.root) :]
            icon = _PROFILE_IMAGE.match(rel)
            if icon is None and not rel.startswith(_MEDIA_DIR):
                continue
            if not is_image_name(member.path):
                unscanned += 1
                continue
            if icon is not None:
                what = "profile picture" if icon.group(1).lower() == "avatar" else "profile header"
                info = _ItemInfo(Exposure.PUBLIC, True, None, account.url, what)
            else:
                found = account.media.get(rel) or account.media.get(_basename(rel))
                info = found or _ItemInfo(
                    Exposure.ACCOUNT, True, None, None, "uploaded photo not linked to a post"
                )
            try:
                meta = photo_metadata(archive, member)
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
                url=info.url,
                fields=meta.fields,
                points=meta.points,
                label=info.label,
            )
        if unscanned:
            notes.note(
                f"{unscanned} Mastodon video or audio attachment(s) were not checked for "
                "metadata (only photos are)"
            )


PLATFORM = MastodonPlatform()

_LABELS: dict[tuple[Exposure, bool], str] = {
    (Exposure.PUBLIC, False): "public Mastodon post",
    (Exposure.PUBLIC, True): "unlisted Mastodon post",
    (Exposure.FOLLOWERS, False): "followers-only Mastodon post",
    (Exposure.FOLLOWERS, True): "followers-only Mastodon post",
}


# -- helpers -------------------------------------------------------------------------------------


def _object_fields(ptr: str, obj: dict[str, Any]) -> tuple[Field, ...]:
    """Content warning, content, poll options and alt texts of one post object."""
    out: list[Field] = []
    for key in ("summary", "content"):
        value = _str(obj.get(key))
        if value:
            text = html_text(value)[:_MAX_TEXT_FIELD]
            if text:
                out.append(Field(key, join_pointer(ptr, key), text, Role.TEXT))
    for poll_key in ("oneOf", "anyOf"):
        for index, option in enumerate(_list(obj.get(poll_key))):
            name = _str(option.get("name")) if isinstance(option, dict) else None
            if name and name.strip():
                out.append(Field("poll option", join_pointer(ptr, poll_key, index, "name"), name))
    for index, attachment in enumerate(_list(obj.get("attachment"))):
        alt = _str(attachment.get("name")) if isinstance(attachment, dict) else None
        if alt and alt.strip():
            out.append(Field("alt text", join_pointer(ptr, "attachment", index, "name"), alt))
    return tuple(out)


def _recipients(*sources: dict[str, Any]) -> tuple[set[str], set[str]]:
    """``to`` and ``cc`` of the first source that addresses anyone."""
    for source in sources:
        to = {i for i in (_id_of(x) for x in _list(source.get("to"))) if i}
        cc = {i for i in (_id_of(x) for x in _list(source.get("cc"))) if i}
        if to or cc:
            return to, cc
    return set(), set()


def _audience(obj: dict[str, Any], activity: dict[str, Any], account: _Account) -> Exposure:
    to, cc = _recipients(obj, activity)
    if to & PUBLIC_AUDIENCE or cc & PUBLIC_AUDIENCE:
        return Exposure.PUBLIC
    everyone = to | cc
    followers = {account.followers} if account.followers else set()
    if account.actor_id:
        followers.add(account.actor_id.rstrip("/") + "/followers")
    if everyone & followers or any(r.endswith("/followers") for r in everyone):
        return Exposure.FOLLOWERS
    return Exposure.PRIVATE


def _is_unlisted(obj: dict[str, Any], activity: dict[str, Any]) -> bool:
    to, cc = _recipients(obj, activity)
    return not (to & PUBLIC_AUDIENCE) and bool(cc & PUBLIC_AUDIENCE)


def _media_keys(url: str | None) -> Iterable[str]:
    """``…/media_attachments/files/1/2/original/x.jpg`` → that suffix, and ``x.jpg``."""
    if not url:
        return ()
    path = url.split("?", 1)[0].split("#", 1)[0]
    keys = []
    at = path.find(_MEDIA_DIR)
    if at >= 0:
        keys.append(path[at:])
    name = _basename(path)
    if name:
        keys.append(name)
    return keys


def _most_common_actor(items: list[Any]) -> str | None:
    counts: dict[str, int] = {}
    for item in items:
        if isinstance(item, dict) and item.get("type") == "Create":
            actor = _id_of(item.get("actor"))
            if actor:
                counts[actor] = counts.get(actor, 0) + 1
    return max(counts, key=lambda a: counts[a]) if counts else None


def _load(archive: Archive, member: Member, notes: ReadNotes) -> Any:
    try:
        return load_json(archive, member)
    except MemberError as exc:
        notes.skip(member.path, str(exc))
        return None


def _root(path: str) -> str:
    return path[: path.rfind("/") + 1]


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _id_of(value: Any) -> str | None:
    """An ActivityPub reference: a string, or an object with an ``id``."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _str(value.get("id"))
    return None


def _url_of(value: Any) -> str | None:
    """A ``url`` value: a string, a Link object (``href``) or a list of them."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _str(value.get("href")) or _str(value.get("url"))
    if isinstance(value, list):
        for item in value:
            found = _url_of(item)
            if found:
                return found
    return None


def _web_id(value: Any) -> str | None:
    text = _id_of(value)
    return text if text and text.startswith(("https://", "http://")) else None


def _time(value: Any) -> datetime | None:
    text = _str(value)
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
