"""Instagram "Download your information" reader (Accounts Center export), 2020 → 2025.

Layouts (matched on path suffixes):

* 2020–2023: ``personal_information/personal_information.json`` (2021:
  ``account_information/personal_information.json``), ``content/posts_1.json``,
  ``content/{stories,reels,profile_photos,archived_posts}.json``,
  ``comments/post_comments.json``, ``messages/inbox/<user>_<id>/message_N.json``,
  media files in ``media/{posts,stories,reels,profile,other}/YYYYMM/``.
* 2024–2025: ``personal_information/personal_information/personal_information.json`` and
  ``your_instagram_activity/{media,content}/posts_N.json`` (+ stories, reels,
  ``recently_deleted_content.json`` …), ``your_instagram_activity/comments/post_comments_N.json``,
  ``your_instagram_activity/messages/inbox/…``; media files stay in ``media/``.
* The HTML export: personal information, posts, comments and messages are read from the
  text of the pages (pointer convention ``/<line>/<column>``, see ``meta.py``) and the report
  says that the JSON export gives more precise results.

Every string — keys of ``string_map_data`` included, which are localised in non-English
accounts — is repaired from Meta's mojibake; the field text is the repaired string and the
pointer names the raw JSON string.

Exposure: posts, reels and stories are ``public``, or ``followers`` when the account is
private ("Private Account" in personal information, else the latest entry of
``account_privacy_changes.json``); stories expire, but highlights stay and the export does
not say which, so they are rated like posts. Profile photos, name, username and bio are
``public`` either way. Archived and recently deleted posts are ``deleted`` (once visible).
Comments are ``followers``: they are seen by whoever can see the post commented on, which
the export does not say. DMs are ``private``; date of birth, phone, e-mail, gender, profile
change history and the imprecise last known location are ``account``.

Positions come from the JSON ``media_metadata.{photo,video}_metadata.exif_data[]``
(``latitude``/``longitude``): Instagram strips EXIF from the files it exports, but the
files' own EXIF is read as well. The owner of a DM is the profile's name or username;
without a profile, a guess from the conversations that refuses to guess when the data
cannot tell (``meta.guess_owner``).
Followers, likes, searches, logins, devices, synced contacts (other people's numbers), ads
and settings are not read; other JSON files are scanned generically with a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from privaudit.archive.interface import Archive, Member
from privaudit.media import is_image_name
from privaudit.model import Exposure, Field, Kind, Record, Role
from privaudit.platforms.documents import join_pointer
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.meta import (
    INSTAGRAM,
    VIDEO_EXTENSIONS,
    MediaInfo,
    MediaLinks,
    MetaPlatform,
    SelfNames,
    Thread,
    as_list,
    coordinate_point,
    exif_fields,
    exif_points,
    fix_text,
    from_epoch,
    html_labelled,
    items,
    label_of,
    load,
    media_records,
    rel_path,
    string_map_fields,
    text_field,
    with_article,
)

HTML_NOTE = (
    "This is Instagram's HTML export; the JSON export gives more precise results "
    "(Accounts Center → Your information and permissions → Download your information → "
    "Format: JSON)"
)

_IGNORED_DIRS = frozenset(
    {
        "ads_information",
        "ads_and_businesses",
        "ads_and_content",
        "apps_and_websites_off_of_instagram",
        "apps_and_websites",
        "preferences",
        "your_topics",
        "followers_and_following",
        "contacts",
        "likes",
        "recent_searches",
        "saved",
        "shopping",
        "story_sticker_interactions",
        "device_information",
        "monetization",
        "past_instagram_insights",
        "notifications",
        "security_and_login_information",
        "login_and_account_creation",
        "logged_information",
        "connections",
        "comments_settings",
        "story_interactions",
        "your_reels_sentiments",
    }
)
"""Other accounts, likes, searches, logins, devices, ads, settings: nothing the user disclosed."""
_READ_ANYWAY = frozenset(
    {"account_privacy_changes", "signup_information", "last_known_location", "personal_information"}
)
"""Files inside otherwise ignored folders that do hold the owner's own data."""
_IGNORED_NAMES = frozenset(
    {"secret_conversations", "synced_contacts", "close_friends", "your_address_books"}
)
"""Other people's contact details and lists of other accounts."""
_ACCOUNT_GENERIC = frozenset(
    {
        "signup_information",
        "possible_phone_numbers",
        "account_information",
        "professional_information",
        "account_based_in",
        "profile_based_in",
        "autofill_information",
    }
)
"""The owner's own details in shapes read generically (no "unrecognised" note)."""

_CONTENT: dict[str, tuple[str, str]] = {
    # stem → (audience rule, label)
    "posts": ("posts", "Instagram post"),
    "reels": ("posts", "Instagram reel"),
    "stories": ("posts", "Instagram story"),
    "igtv_videos": ("posts", "Instagram video"),
    "other_content": ("posts", "Instagram post"),
    "profile_photos": ("public", "Instagram profile photo"),
    "archived_posts": ("deleted", "archived Instagram post"),
    "recently_deleted_content": ("deleted", "recently deleted Instagram post"),
}
_POSTS_NUMBERED = re.compile(r"^(posts|reels|stories)_\d+$")
_COMMENTS = re.compile(r"^(?:post_comments|reels_comments|comments)(?:_\d+)?$")
_PRIVATE_LABELS = frozenset(
    {
        "private account",
        "privates konto",
        "cuenta privada",
        "compte privé",
        "privé-account",
        "privéaccount",
        "account privato",
        "conta privada",
    }
)
_PUBLIC_ROLES = frozenset({Role.NAME, Role.TEXT})
_TRUTHY = frozenset({"true", "yes", "1", "ja", "sí", "si", "oui", "vrai", "waar", "sim", "vero"})
_FLAGS = frozenset({"true", "false"})

_PROFILE_HTML_LABELS: dict[str, Role] = {
    "name": Role.NAME,
    "username": Role.NAME,
    "bio": Role.TEXT,
    "email": Role.EMAIL,
    "phone number": Role.PHONE,
    "date of birth": Role.BIRTHDATE,
    "birthday": Role.BIRTHDATE,
}


@dataclass(slots=True)
class _Files:
    profile: list[Member] = field(default_factory=list)
    privacy: list[Member] = field(default_factory=list)
    profile_changes: list[Member] = field(default_factory=list)
    account_generic: list[Member] = field(default_factory=list)
    content: list[tuple[Member, str, str]] = field(default_factory=list)
    comments: list[Member] = field(default_factory=list)
    threads: list[Member] = field(default_factory=list)
    last_location: list[Member] = field(default_factory=list)
    unknown: list[Member] = field(default_factory=list)
    profile_html: list[Member] = field(default_factory=list)
    posts_html: list[Member] = field(default_factory=list)
    comments_html: list[Member] = field(default_factory=list)
    threads_html: list[Member] = field(default_factory=list)
    other_html: list[Member] = field(default_factory=list)
    images: list[Member] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    names: list[str] = field(default_factory=list)
    username: str | None = None
    private: bool | None = None
    """From personal information ("Private Account"); None when it does not say."""
    private_history: tuple[datetime | None, bool] | None = None
    """The latest entry of ``account_privacy_changes.json``."""

    @property
    def post_exposure(self) -> Exposure:
        private = self.private
        if private is None and self.private_history is not None:
            private = self.private_history[1]
        return Exposure.FOLLOWERS if private else Exposure.PUBLIC

    @property
    def profile_url(self) -> str | None:
        return f"https://www.instagram.com/{self.username}" if self.username else None


class InstagramPlatform(MetaPlatform):
    """Reader for Instagram exports (JSON and HTML)."""

    name = "instagram"
    title = "Instagram"
    key = INSTAGRAM

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        files = _classify(members)
        state = _State()
        links = MediaLinks(members)
        for member in files.privacy:
            self._privacy(archive, member, state, notes)
        for member in files.profile:
            yield from self._profile(archive, member, state, links, notes)
        for member in files.profile_html:
            yield from self._profile_html(archive, member, state, notes)
        for member in files.profile_changes:
            yield from self._profile_changes(archive, member, notes)
        for member in files.account_generic:
            doc = load(archive, member, notes)
            if doc is not None:
                yield from self.generic_records(
                    archive, member, doc, "Instagram account details", Kind.ACCOUNT
                )
        if state.post_exposure is Exposure.FOLLOWERS:
            notes.note("Your Instagram account is private: posts are rated as seen by followers.")
        if files.profile_html or files.posts_html or files.threads_html or files.other_html:
            notes.note(HTML_NOTE)
        selves = SelfNames(
            state.names,
            lambda: self.guess_owner_of(archive, files.threads, files.threads_html),
        )
        for member, rule, label in files.content:
            yield from self._content(archive, member, state, links, notes, rule, label)
        for member in files.comments:
            yield from self._comments(archive, member, notes)
        for member in files.threads:
            yield from self.thread_member(archive, member, selves, links, notes)
        for member in files.threads_html:
            yield from self.html_thread_records(
                archive, member, selves, _message_label(member.path), notes
            )
        for member in files.posts_html:
            yield from self.html_item_records(
                archive, member, Kind.POST, state.post_exposure, "Instagram post", notes
            )
        for member in files.comments_html:
            yield from self.html_item_records(
                archive, member, Kind.COMMENT, Exposure.FOLLOWERS, "Instagram comment", notes
            )
        for member in files.last_location:
            yield from self._last_location(archive, member, notes)
        for member in files.unknown:
            yield from self.thread_member(archive, member, selves, links, notes)
        for member in files.other_html:
            yield from self.html_generic_records(
                archive, member, "Instagram page of the HTML export", notes
            )
        yield from media_records(
            self.name, archive, files.images, links, _default_media(state), notes
        )

    # -- account ---------------------------------------------------------------------------

    def _privacy(self, archive: Archive, member: Member, state: _State, notes: ReadNotes) -> None:
        doc = load(archive, member, notes)
        for _, item in items(doc):
            words = " ".join(fix_text(v).lower() for v in _strings(item) if isinstance(v, str))
            private = "private" in words or "privat" in words
            public = "public" in words or "öffentlich" in words or "públic" in words
            if private == public:
                continue
            when = _time_of(item)
            latest = state.private_history
            if latest is None or (when is not None and (latest[0] is None or when > latest[0])):
                state.private_history = (when, private)

    def _profile(
        self,
        archive: Archive,
        member: Member,
        state: _State,
        links: MediaLinks,
        notes: ReadNotes,
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        if doc is None:
            return
        entries = list(items(doc))
        if not any("string_map_data" in entry for _, entry in entries):
            yield from self.unrecognised(
                archive, member, doc, notes, "Instagram profile", Kind.ACCOUNT
            )
            return
        for ptr, entry in entries:
            public: list[Field] = []
            account: list[Field] = []
            for label, made in string_map_fields(
                join_pointer(ptr, "string_map_data"), entry.get("string_map_data")
            ):
                key = " ".join(label.lower().split())
                value = made.text.strip().lower()
                if key in _PRIVATE_LABELS:
                    state.private = value in _TRUTHY
                    continue
                if value in _FLAGS:
                    continue
                if made.role is Role.NAME:
                    if "user" in key or "benutzer" in key or "gebruik" in key:
                        state.username = made.text.strip()
                    state.names.append(made.text)
                if made.role in _PUBLIC_ROLES or key in ("website", "webseite", "sitio web"):
                    public.append(made)
                else:
                    account.append(made)
            photos = entry.get("media_map_data")
            if isinstance(photos, dict):
                for photo in photos.values():
                    if isinstance(photo, dict) and isinstance(photo.get("uri"), str):
                        info = MediaInfo(
                            Kind.MEDIA, Exposure.PUBLIC, True, None, None, "Instagram profile photo"
                        )
                        links.link(photo["uri"], member.path, info)
            if public:
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=Kind.PROFILE,
                    exposure=Exposure.PUBLIC,
                    author_is_self=True,
                    url=state.profile_url,
                    fields=tuple(public),
                    label="Instagram profile",
                )
            yield from self._account_groups(archive, member, ptr, account)

    def _account_groups(
        self, archive: Archive, member: Member, ptr: str, fields: list[Field]
    ) -> Iterator[Record]:
        for role, label in (
            (Role.BIRTHDATE, "date of birth on your Instagram account"),
            (Role.PHONE, "phone number on your Instagram account"),
            (Role.EMAIL, "e-mail address on your Instagram account"),
            (None, "Instagram account details"),
        ):
            chosen = [
                f
                for f in fields
                if f.role is role
                or (role is None and f.role not in (Role.BIRTHDATE, Role.PHONE, Role.EMAIL))
            ]
            if chosen:
                yield self._account(archive, member, ptr, chosen, label)

    def _account(
        self, archive: Archive, member: Member, ptr: str, fields: list[Field], label: str
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.ACCOUNT,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            fields=tuple(fields),
            label=label,
        )

    def _profile_html(
        self, archive: Archive, member: Member, state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        nodes = self.html_nodes(archive, member, notes)
        if nodes is None:
            return
        pairs, rest = html_labelled(nodes, _PROFILE_HTML_LABELS)
        public = [f for _, f in pairs if f.role in _PUBLIC_ROLES]
        account = [f for _, f in pairs if f.role not in _PUBLIC_ROLES]
        for label, made in pairs:
            if made.role is Role.NAME:
                state.names.append(made.text)
                if label == "username":
                    state.username = made.text
        if public:
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=public[0].pointer,
                kind=Kind.PROFILE,
                exposure=Exposure.PUBLIC,
                author_is_self=True,
                url=state.profile_url,
                fields=tuple(public),
                label="Instagram profile",
            )
        account += [Field("text", n.pointer, n.text, Role.OTHER) for n in rest]
        if account:
            yield from self._account_groups(archive, member, account[0].pointer, account)

    def _profile_changes(
        self, archive: Archive, member: Member, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            pairs = string_map_fields(
                join_pointer(ptr, "string_map_data"), item.get("string_map_data")
            )
            changed = next((f.text for label, f in pairs if label.lower() == "changed"), "")
            role = _change_role(changed)
            fields = [
                Field(label, f.pointer, f.text, role)
                for label, f in pairs
                if "value" in label.lower() or "wert" in label.lower() or "valor" in label.lower()
            ]
            if fields:
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=Kind.ACCOUNT,
                    exposure=Exposure.ACCOUNT,
                    author_is_self=True,
                    timestamp=_time_of(item),
                    fields=tuple(fields),
                    label="Instagram profile change history",
                )

    # -- content -------------------------------------------------------------------------

    def _content(
        self,
        archive: Archive,
        member: Member,
        state: _State,
        links: MediaLinks,
        notes: ReadNotes,
        rule: str,
        label: str,
    ) -> Iterator[Record]:
        exposure = {
            "posts": state.post_exposure,
            "public": Exposure.PUBLIC,
            "deleted": Exposure.DELETED,
        }[rule]
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            if isinstance(item.get("media"), list):
                media = [
                    (join_pointer(ptr, "media", i), m)
                    for i, m in enumerate(item["media"])
                    if isinstance(m, dict)
                ]
            else:
                media = [(ptr, item)]
            fields: list[Field] = []
            seen: set[str] = set()
            holders = [(ptr, item), *media] if isinstance(item.get("media"), list) else media
            for tptr, holder in holders:
                made = text_field("title", join_pointer(tptr, "title"), holder.get("title"))
                if made is not None and made.text not in seen:
                    seen.add(made.text)
                    fields.append(made)
            when = from_epoch(item.get("creation_timestamp")) or next(
                (
                    from_epoch(m.get("creation_timestamp"))
                    for _, m in media
                    if m.get("creation_timestamp")
                ),
                None,
            )
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.POST,
                exposure=exposure,
                author_is_self=True,
                timestamp=when,
                fields=tuple(fields),
                label=label,
            )
            info = MediaInfo(
                Kind.POST, exposure, True, when, None, f"photo in {with_article(label)}"
            )
            for mptr, item_media in media:
                yield from self._media(archive, member, mptr, item_media, info, links)

    def _media(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        media: dict[str, Any],
        info: MediaInfo,
        links: MediaLinks,
    ) -> Iterator[Record]:
        uri = media.get("uri")
        if isinstance(uri, str):
            if uri.lower().endswith(VIDEO_EXTENSIONS):
                info = replace(info, label=info.label.replace("photo", "video", 1))
            links.link(uri, member.path, info)
        points = exif_points(ptr, media)
        fields = exif_fields(ptr, media)
        if not points and not fields:
            return
        yield Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.MEDIA,
            exposure=info.exposure,
            author_is_self=True,
            timestamp=info.timestamp or from_epoch(media.get("creation_timestamp")),
            fields=tuple(fields),
            points=points,
            label=info.label,
        )

    def _comments(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            fields: list[Field] = []
            when = _time_of(item)
            for _label, made in string_map_fields(
                join_pointer(ptr, "string_map_data"), item.get("string_map_data")
            ):
                if made.role is Role.TEXT:
                    fields.append(made)
            for index, entry in enumerate(as_list(item.get("string_list_data"))):
                if isinstance(entry, dict):
                    eptr = join_pointer(ptr, "string_list_data", index)
                    value = text_field("value", join_pointer(eptr, "value"), entry.get("value"))
                    if value is not None:
                        fields.append(value)
                    when = when or from_epoch(entry.get("timestamp"))
            if not fields:
                continue
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.COMMENT,
                exposure=Exposure.FOLLOWERS,
                author_is_self=True,
                timestamp=when,
                fields=tuple(fields),
                label="Instagram comment",
            )

    def thread_label(self, path: str, thread: Thread) -> str:
        return _message_label(path)

    def _last_location(
        self, archive: Archive, member: Member, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            base = join_pointer(ptr, "string_map_data")
            smd = item.get("string_map_data")
            if not isinstance(smd, dict):
                continue
            lat_key = next((k for k in smd if "latitude" in label_of(k).lower()), None)
            lon_key = next((k for k in smd if "longitude" in label_of(k).lower()), None)
            point = None
            if lat_key and lon_key:
                point = coordinate_point(
                    join_pointer(base, lat_key, "value"),
                    {
                        "latitude": _value(smd.get(lat_key)),
                        "longitude": _value(smd.get(lon_key)),
                    },
                    "Instagram's imprecise last known location",
                    "Imprecise Latitude/Longitude",
                )
            points = [replace(point, accuracy_m=5000.0)] if point is not None else []
            if points:
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=Kind.LOCATION,
                    exposure=Exposure.ACCOUNT,
                    author_is_self=True,
                    timestamp=_time_of(item),
                    points=tuple(points),
                    label="last known location held by Instagram",
                )


PLATFORM = InstagramPlatform()


# -- helpers ---------------------------------------------------------------------------------


def _classify(members: list[Member]) -> _Files:
    files = _Files()
    for member in members:
        rel = rel_path(member.path)
        parts = rel.split("/")
        stem, _, ext = parts[-1].rpartition(".")
        ext = ext.lower()
        folders = set(parts[:-1])
        if is_image_name(member.path):
            if not folders & _IGNORED_DIRS:
                files.images.append(member)
            continue
        if ext not in ("json", "html", "htm"):
            continue
        if stem in _IGNORED_NAMES or (folders & _IGNORED_DIRS and stem not in _READ_ANYWAY):
            continue
        if ext != "json":
            _classify_html(files, member, stem, folders)
            continue
        numbered = _POSTS_NUMBERED.match(stem)
        content_key = numbered.group(1) if numbered else stem
        if stem == "personal_information":
            files.profile.append(member)
        elif stem == "account_privacy_changes":
            files.privacy.append(member)
        elif stem == "profile_changes":
            files.profile_changes.append(member)
        elif stem in _ACCOUNT_GENERIC:
            files.account_generic.append(member)
        elif stem == "last_known_location":
            files.last_location.append(member)
        elif "messages" in folders and re.fullmatch(r"message_\d+", stem):
            files.threads.append(member)
        elif content_key in _CONTENT and "messages" not in folders:
            rule, label = _CONTENT[content_key]
            files.content.append((member, rule, label))
        elif _COMMENTS.match(stem) and "comments" in folders:
            files.comments.append(member)
        else:
            files.unknown.append(member)
    files.threads.sort(key=lambda m: _natural(m.path))
    files.content.sort(key=lambda t: _natural(t[0].path))
    return files


def _classify_html(files: _Files, member: Member, stem: str, folders: set[str]) -> None:
    numbered = _POSTS_NUMBERED.match(stem)
    if stem == "personal_information":
        files.profile_html.append(member)
    elif "messages" in folders and re.fullmatch(r"message_\d+", stem):
        files.threads_html.append(member)
    elif (numbered.group(1) if numbered else stem) in _CONTENT:
        files.posts_html.append(member)
    elif _COMMENTS.match(stem):
        files.comments_html.append(member)
    else:
        files.other_html.append(member)


def _natural(path: str) -> tuple[str, int]:
    found = re.search(r"_(\d+)\.\w+$", path)
    return (path[: found.start()] if found else path, int(found.group(1)) if found else 0)


def _message_label(path: str) -> str:
    if "message_requests" in rel_path(path).split("/"):
        return "Instagram message request"
    return "Instagram direct message"


def _change_role(changed: str) -> Role:
    text = changed.lower()
    if "phone" in text or "telefon" in text or "teléfono" in text or "téléphone" in text:
        return Role.PHONE
    if "mail" in text or "correo" in text:
        return Role.EMAIL
    if "birth" in text or "geburt" in text or "nacimiento" in text or "naissance" in text:
        return Role.BIRTHDATE
    if "bio" in text:
        return Role.TEXT
    if "name" in text or "nombre" in text or "nom" in text:
        return Role.NAME
    return Role.OTHER


def _time_of(item: dict[str, Any]) -> datetime | None:
    """The first timestamp of an item (top level, then its ``string_map_data`` values)."""
    for key in ("timestamp", "creation_timestamp"):
        when = from_epoch(item.get(key))
        if when is not None:
            return when
    smd = item.get("string_map_data")
    if isinstance(smd, dict):
        for entry in smd.values():
            if isinstance(entry, dict):
                when = from_epoch(entry.get("timestamp"))
                if when is not None:
                    return when
    return None


def _value(entry: Any) -> Any:
    return entry.get("value") if isinstance(entry, dict) else None


def _strings(item: dict[str, Any]) -> Iterator[str]:
    if isinstance(item.get("title"), str):
        yield item["title"]
    smd = item.get("string_map_data")
    if isinstance(smd, dict):
        for entry in smd.values():
            if isinstance(entry, dict) and isinstance(entry.get("value"), str):
                yield entry["value"]


def _default_media(state: _State) -> Callable[[str], MediaInfo | None]:
    """What an image nothing in the JSON references inherits from its folder."""

    def default(rel: str) -> MediaInfo | None:
        parts = rel.split("/")
        if "messages" in parts:
            return MediaInfo(
                Kind.MESSAGE, Exposure.PRIVATE, False, None, None, "photo in an Instagram DM"
            )
        sub = parts[1] if len(parts) > 2 and parts[0] == "media" else ""
        if sub == "profile":
            return MediaInfo(
                Kind.MEDIA, Exposure.PUBLIC, True, None, None, "Instagram profile photo"
            )
        if sub in ("archived_posts", "recently_deleted"):
            return MediaInfo(
                Kind.MEDIA, Exposure.DELETED, True, None, None, "deleted Instagram photo"
            )
        return MediaInfo(Kind.MEDIA, state.post_exposure, True, None, None, "Instagram photo")

    return default
