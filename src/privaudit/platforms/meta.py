"""What Facebook, Instagram and Messenger exports share: one exporter, one set of quirks.

Meta's "Download your information" (Accounts Center) writes both platforms' exports with
the same machinery, so the readers in ``facebook.py`` and ``instagram.py`` stand on the
helpers here:

* **Mojibake.** Meta's JSON writes every UTF-8 byte as its own ``\\u00XX`` escape, so after
  parsing ``"Caf\\u00c3\\u00a9"`` reads ``"CafÃ©"``. :func:`fix_text` undoes that per string
  (text that is already real Unicode is left alone) and is applied to every
  string a reader uses, keys of ``string_map_data`` included. The repaired string is the
  field's text while its pointer still names the raw JSON string: the one agreed exception
  to "the pointer resolves to exactly the field text".
* **Times.** ``timestamp``/``creation_timestamp`` are epoch seconds, ``timestamp_ms`` epoch
  milliseconds; a few files mix units, so :func:`from_epoch` also recognises milliseconds
  and microseconds by magnitude. Everything is timezone-aware UTC.
* **Where an export starts.** Exports are often zipped inside a folder, several parts or
  both platforms side by side. :func:`split_root` finds an export's root as the folder
  before the first known Meta top-level folder; :func:`meta_layout` then decides per root
  (and, for folders both platforms use, per member) whether it is Facebook or Instagram,
  so the two readers never claim the same member and a folder holding both exports gets
  each read by its own reader. Messenger's separate "secure storage" download (flat
  ``<Thread>_<N>.json`` files, ``participants`` as plain strings) is recognised by its
  first bytes.
* **Threads.** Messenger and Instagram DMs share one shape (``participants``,
  ``messages[].sender_name/content/timestamp_ms``); the secure-storage download uses
  ``senderName/text/timestamp``. :func:`parse_thread` reads both. Who "you" are is the
  profile's name; without a profile, a guess from the conversations themselves (the
  person every one-to-one title is *not*, present in the most threads) that refuses to
  guess when the data cannot tell — see :class:`SelfNames` and :func:`guess_owner`.
* **HTML exports.** Meta's default export format is HTML. :func:`html_texts` lists the
  text nodes of a page with their position. Pointer convention for HTML members:
  ``/<0-based line>/<0-based column>`` of the node's first character in the decoded file
  (lines split at ``\\n``); the field text is that node's text with entities decoded and
  surrounding ASCII whitespace removed, i.e. ``html.unescape`` of the raw characters from
  that position up to the next ``<``, stripped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from dateutil import parser as dateparser

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError, is_image_name
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import decode_text, join_pointer, load_json
from privaudit.platforms.generic import json_fields, role_for_key
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.photos import photo_metadata

FACEBOOK = "facebook"
INSTAGRAM = "instagram"

# -- mojibake ------------------------------------------------------------------------------


def fix_text(text: str) -> str:
    """Undo Meta's byte-per-code-point encoding of UTF-8; text that is already fine is kept."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:  # beyond latin-1 (already real Unicode), or not UTF-8 bytes
        return text


# -- times ---------------------------------------------------------------------------------

_MIN_TIME = datetime(1995, 1, 1, tzinfo=UTC).timestamp()
_MAX_TIME = datetime(2100, 1, 1, tzinfo=UTC).timestamp()


def from_epoch(value: Any, unit: str = "s") -> datetime | None:
    """An epoch value in seconds (``unit="s"``) or milliseconds (``"ms"``) as UTC.

    Meta mixes units in a few files, so a seconds value that is clearly milliseconds or
    microseconds is scaled; 0, negatives and implausible dates give None.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        digits = value.strip()
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 20):
            return None
        value = int(digits)
    if not isinstance(value, int | float) or value <= 0 or value > 1e20:
        return None
    if not math.isfinite(value):
        return None
    seconds = float(value) / 1000 if unit == "ms" else float(value)
    while seconds > _MAX_TIME and seconds > 1e11:
        seconds /= 1000
    if not _MIN_TIME <= seconds <= _MAX_TIME:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


# -- small JSON helpers --------------------------------------------------------------------


def load(archive: Archive, member: Member, notes: ReadNotes | None) -> Any:
    """The parsed member, or None after recording why it could not be read."""
    try:
        return load_json(archive, member)
    except MemberError as exc:
        if notes is not None:
            notes.skip(member.path, str(exc))
        return None


def text_field(name: str, ptr: str, value: Any, role: Role = Role.TEXT) -> Field | None:
    """A field of the repaired string ``value``, or None when it is not a non-blank string."""
    if not isinstance(value, str) or not value.strip():
        return None
    return Field(name, ptr, fix_text(value), role)


def fields_of(base: str, obj: Any, roles: dict[str, Role]) -> list[Field]:
    """Fields for the string keys of ``obj`` named in ``roles``."""
    out: list[Field] = []
    if isinstance(obj, dict):
        for key, role in roles.items():
            made = text_field(key, join_pointer(base, key), obj.get(key), role)
            if made is not None:
                out.append(made)
    return out


def items(doc: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, object)`` of a Meta list file.

    Meta writes lists as a bare array, as ``{"<name>_v2": [...]}``, or — when there would be
    one item — sometimes as that bare object.
    """
    if isinstance(doc, list):
        for index, item in enumerate(doc):
            if isinstance(item, dict):
                yield f"/{index}", item
        return
    if not isinstance(doc, dict):
        return
    lists = [(k, v) for k, v in doc.items() if isinstance(v, list)]
    if lists:
        for key, value in lists:
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield join_pointer("", key, index), item
        return
    inner = [(k, v) for k, v in doc.items() if isinstance(v, dict)]
    if len(doc) == 1 and len(inner) == 1:  # {"name_v2": {single item}}
        yield join_pointer("", inner[0][0]), inner[0][1]
    elif doc:
        yield "", doc


def as_list(value: Any) -> list[Any]:
    """``value`` when it is a JSON array, else an empty list."""
    return value if isinstance(value, list) else []


def with_article(noun: str) -> str:
    """``"a Facebook post"``, ``"an Instagram post"``."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def url_of(obj: dict[str, Any], *keys: str) -> str | None:
    """The first ``http(s)://`` URL among ``keys`` of ``obj``."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.startswith(("https://", "http://")):
            return value
    return None


def coordinate_point(
    ptr: str, obj: Any, source: str, tag: str, lat_key: str = "latitude", lon_key: str = "longitude"
) -> GeoPoint | None:
    """A point from ``obj[lat_key]``/``obj[lon_key]``; None for (0, 0) or invalid values."""
    if not isinstance(obj, dict):
        return None
    lat, lon = _number(obj.get(lat_key)), _number(obj.get(lon_key))
    if lat is None or lon is None or not _valid_point(lat, lon):
        return None
    return GeoPoint(lat, lon, ptr, source, tag)


_COORD_TEXT = re.compile(r"^\s*\(?\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*\)?\s*$")


def point_from_text(ptr: str, text: str, source: str, tag: str) -> GeoPoint | None:
    """A point from ``"(38.5758, -121.4804)"`` text (2024 check-ins)."""
    found = _COORD_TEXT.match(text)
    if not found:
        return None
    lat, lon = float(found.group(1)), float(found.group(2))
    return GeoPoint(lat, lon, ptr, source, tag) if _valid_point(lat, lon) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _valid_point(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180 and not (lat == 0 and lon == 0)


# -- photo/video metadata in the JSON --------------------------------------------------------

_EXIF_DEVICE_KEYS = (
    "camera_make",
    "camera_model",
    "lens_make",
    "lens_model",
    "device_id",
    "upload_ip",
)
"""Identifying values in ``exif_data``: the camera, the phone's device id, the upload IP."""


def exif_entries(media_ptr: str, media: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, entry)`` of ``media_metadata.{photo,video}_metadata.exif_data[]``."""
    meta = media.get("media_metadata")
    if not isinstance(meta, dict):
        return
    for kind in ("photo_metadata", "video_metadata"):
        block = meta.get(kind)
        exif = block.get("exif_data") if isinstance(block, dict) else None
        if isinstance(exif, dict):
            exif = [exif]
        if not isinstance(exif, list):
            continue
        for index, entry in enumerate(exif):
            if isinstance(entry, dict):
                yield join_pointer(media_ptr, "media_metadata", kind, "exif_data", index), entry


def exif_points(media_ptr: str, media: dict[str, Any]) -> tuple[GeoPoint, ...]:
    """GPS positions Meta kept from the upload (its JSON is authoritative: files are stripped)."""
    points: list[GeoPoint] = []
    for ptr, entry in exif_entries(media_ptr, media):
        source = "video location metadata" if "video_metadata" in ptr else "photo EXIF GPS"
        point = coordinate_point(
            join_pointer(ptr, "latitude"), entry, f"{source} kept by Meta", "latitude/longitude"
        )
        if point is not None and point not in points:
            points.append(point)
    return tuple(points)


VIDEO_EXTENSIONS = (".mp4", ".mov", ".m4v", ".webm", ".avi", ".3gp")


def exif_fields(media_ptr: str, media: dict[str, Any]) -> list[Field]:
    """Camera, device-id and upload-IP values of the media's metadata, as DEVICE fields."""
    out: list[Field] = []
    for ptr, entry in exif_entries(media_ptr, media):
        for key in _EXIF_DEVICE_KEYS:
            made = text_field(key, join_pointer(ptr, key), entry.get(key), Role.DEVICE)
            if made is not None and made.text.strip("0-. ").strip():
                out.append(made)  # an all-zero device id is a placeholder, not an identifier
    return out


# -- labelled values (string_map_data, label_values) -----------------------------------------

_LABEL_ROLES: dict[str, Role] = {
    **dict.fromkeys(
        [
            "date of birth",
            "birthday",
            "geburtsdatum",
            "geburtstag",
            "fecha de nacimiento",
            "date de naissance",
            "geboortedatum",
            "data di nascita",
            "data de nascimento",
        ],
        Role.BIRTHDATE,
    ),
    **dict.fromkeys(
        [
            "phone number",
            "phone",
            "mobile",
            "telefonnummer",
            "handynummer",
            "número de teléfono",
            "numéro de téléphone",
            "telefoonnummer",
            "numero di telefono",
            "número de telefone",
        ],
        Role.PHONE,
    ),
    **dict.fromkeys(
        [
            "email",
            "e-mail",
            "email address",
            "e-mail-adresse",
            "correo electrónico",
            "adresse e-mail",
            "e-mailadres",
            "indirizzo e-mail",
        ],
        Role.EMAIL,
    ),
    **dict.fromkeys(
        [
            "name",
            "full name",
            "username",
            "nombre",
            "nom",
            "naam",
            "nome",
            "benutzername",
            "nombre de usuario",
            "nom d'utilisateur",
            "nom d’utilisateur",
            "gebruikersnaam",
        ],
        Role.NAME,
    ),
    **dict.fromkeys(
        [
            "bio",
            "biography",
            "biografie",
            "biografía",
            "biographie",
            "post",
            "message",
            "text",
            "caption",
            "description",
            "comment",
            "kommentar",
            "comentario",
            "commentaire",
            "opmerking",
        ],
        Role.TEXT,
    ),
    **dict.fromkeys(
        ["city", "city name", "current city", "hometown", "address", "place", "location"],
        Role.PLACE,
    ),
}


def label_role(label: str) -> Role:
    """The role of a value from its (repaired, possibly localised) Meta label."""
    key = " ".join(label.lower().split())
    return _LABEL_ROLES.get(key) or role_for_key(key)


def label_of(raw: Any) -> str:
    """A repaired label ("Date of birth") or ""."""
    return fix_text(raw).strip() if isinstance(raw, str) else ""


@dataclass(slots=True)
class Labelled:
    """What a ``label_values`` list gives: fields, coordinates and a link."""

    fields: list[Field] = field(default_factory=list)
    points: list[GeoPoint] = field(default_factory=list)
    url: str | None = None
    timestamp: datetime | None = None


_COORD_LABELS = {"coordinates", "coordinate", "location coordinates", "koordinaten", "coordenadas"}
_URL_LABELS = {"url", "link", "uri"}


def label_values(base: str, entries: Any, out: Labelled | None = None) -> Labelled:
    """Read the 2024+ ``label_values`` walker shape (``label``/``value``/``dict``/``vec``)."""
    out = out if out is not None else Labelled()
    if not isinstance(entries, list):
        return out
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        ptr = join_pointer(base, index)
        label = label_of(entry.get("label") or entry.get("title"))
        value = entry.get("value")
        if isinstance(value, str) and value.strip():
            vptr = join_pointer(ptr, "value")
            key = label.lower()
            if key in _COORD_LABELS:
                point = point_from_text(vptr, value, "check-in coordinates", "Coordinates")
                if point is not None:
                    out.points.append(point)
                    continue
            if key in _URL_LABELS:
                if value.startswith("https://www.facebook.com/") and out.url is None:
                    out.url = value
                continue
            out.fields.append(Field(label or "value", vptr, fix_text(value), label_role(label)))
        if out.timestamp is None and entry.get("timestamp_value") is not None:
            out.timestamp = from_epoch(entry.get("timestamp_value"))
        for nested in ("dict", "vec"):
            if isinstance(entry.get(nested), list):
                label_values(join_pointer(ptr, nested), entry[nested], out)
    return out


def string_map_fields(base: str, smd: Any) -> list[tuple[str, Field]]:
    """``(label, field)`` for each ``string_map_data`` value (pointer keeps the raw key)."""
    out: list[tuple[str, Field]] = []
    if not isinstance(smd, dict):
        return out
    for raw_key, entry in smd.items():
        if not isinstance(entry, dict):
            continue
        label = label_of(raw_key)
        made = text_field(
            label, join_pointer(base, raw_key, "value"), entry.get("value"), label_role(label)
        )
        if made is not None:
            out.append((label, made))
    return out


def generic_fields(doc: Any, base: str = "") -> tuple[Field, ...]:
    """Every string leaf (``generic.json_fields``), repaired, with roles from Meta labels."""
    out: list[Field] = []
    for found in json_fields(doc, base):
        text = fix_text(found.text)
        role = found.role
        parts = found.pointer.rsplit("/", 2)
        if found.name == "value" and len(parts) == 3:
            parent = _unescape(parts[1])
            role = label_role(fix_text(parent)) if not parent.isdigit() else role
        out.append(replace(found, text=text, role=role))
    return tuple(out)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


# -- layout: where each export starts and whose it is -----------------------------------------

SHARED_TOPS = frozenset(
    {
        "personal_information",
        "connections",
        "logged_information",
        "security_and_login_information",
        "ads_information",
        "preferences",
        "messages",
        "your_topics",
        "events",
        "files",
        "notifications",
        "comments",
        "apps_and_websites",
        "ads_and_businesses",
        "fundraisers",
    }
)
"""Top-level folders both exports use."""
FB_TOPS = SHARED_TOPS | {
    "your_facebook_activity",
    "your_activity_across_facebook",
    "apps_and_websites_off_of_facebook",
    "activity_messages",
    "profile_information",
    "about_you",
    "posts",
    "photos_and_videos",
    "comments_and_reactions",
    "likes_and_reactions",
    "friends",
    "friends_and_followers",
    "groups",
    "pages",
    "location",
    "marketplace",
    "facebook_marketplace",
    "facebook_gaming",
    "facebook_payments",
    "payment_history",
    "saved_items_and_collections",
    "search",
    "search_history",
    "your_places",
    "stories",
    "other_activity",
    "other_logged_information",
    "other_personal_information",
    "your_interactions_on_facebook",
    "interactions",
    "news",
    "facebook_news",
    "polls",
    "reviews",
    "short_videos",
    "volunteering",
    "your_problem_reports",
    "voice_recording_and_transcription",
}
IG_TOPS = SHARED_TOPS | {
    "your_instagram_activity",
    "apps_and_websites_off_of_instagram",
    "media",
    "content",
    "account_information",
    "ads_and_content",
    "autofill_information",
    "comments_settings",
    "contacts",
    "device_information",
    "followers_and_following",
    "guides",
    "information_about_you",
    "likes",
    "login_and_account_creation",
    "loyalty_accounts",
    "monetization",
    "past_instagram_insights",
    "recent_searches",
    "saved",
    "shopping",
    "story_sticker_interactions",
    "professional_information",
}
KNOWN_TOPS = FB_TOPS | IG_TOPS
_ROOT_FILES = frozenset({"index.html", "start_here.html"})
_STRONG_TOPS = (
    "your_facebook_activity",
    "your_activity_across_facebook",
    "your_instagram_activity",
)

_FB_MARKER = re.compile(
    r"^(?:your_facebook_activity/|your_activity_across_facebook/|"
    r"(?:personal_information/)?profile_information/profile_information\.(?:json|html)$|"
    r"posts/(?:your_posts|album/\d+\.json|your_uncategorized_photos|your_videos)|"
    r"photos_and_videos/|comments(?:_and_reactions)?/comments\.(?:json|html)$|"
    r"(?:friends|friends_and_followers|connections/friends)/(?:your_)?friends\.json$|"
    r"location/location_history\.json$|likes_and_reactions/|about_you/|"
    r"apps_and_websites_off_of_facebook/|facebook_(?:marketplace|gaming|payments|news)/|"
    r"your_interactions_on_facebook/|groups/your_group|pages/pages_you)"
)
"""Paths below an export root that only a Facebook export has."""
_IG_MARKER = re.compile(
    r"^(?:your_instagram_activity/|personal_information/personal_information|"
    r"(?:personal_information/)?information_about_you/|account_information/|"
    r"content/(?:posts_\d+|stories|reels|profile_photos|archived_posts)\.|"
    r"media/(?:posts|stories|reels|profile|igtv|other|archived_posts)/\d{6}/|"
    r"(?:connections/)?followers_and_following/|"
    r"(?:security_and_login_information/)?login_and_account_creation/|"
    r"comments/(?:post|reels)_comments|likes/liked_|story_sticker_interactions/|"
    r"recent_searches/|apps_and_websites_off_of_instagram/|past_instagram_insights/|"
    r"device_information/)"
)
"""Paths below an export root that only an Instagram export has."""
_THREAD_PATH = re.compile(
    r"(?:^|/)messages/(?:inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)/"
    r"[^/]+/message_\d+\.(?:json|html)$"
)
_E2EE_NAME = re.compile(r"^.+_\d+\.json$")
_E2EE_HEAD = re.compile(rb'^\s*\{\s*"participants"\s*:\s*\[\s*"')
_MAX_SNIFFED = 5000
_MIN_EVIDENCE = 3
"""Members whose path alone names a platform needed to detect it inside the other's tree."""


def split_root(path: str) -> tuple[str, str] | None:
    """``(root, path below the root)`` when ``path`` lies in a Meta export tree, else None.

    The root is the folder before the first known Meta top-level folder (or before
    ``your_facebook_activity``/``your_instagram_activity`` when one appears further down).
    """
    parts = path.split("/")
    for strong in _STRONG_TOPS:
        if strong in parts[:-1]:
            index = parts.index(strong)
            return "/".join(parts[:index]) + ("/" if index else ""), "/".join(parts[index:])
    for index, part in enumerate(parts[:-1]):
        if part in KNOWN_TOPS:
            return "/".join(parts[:index]) + ("/" if index else ""), "/".join(parts[index:])
    if parts[-1] in _ROOT_FILES:
        index = len(parts) - 1
        return "/".join(parts[:index]) + ("/" if index else ""), parts[-1]
    return None


def marker(rel: str) -> str | None:
    """The platform a path below an export root belongs to, when the path alone says so.

    Only paths specific to one export count (``your_facebook_activity/``, ``content/posts_1
    .json``…): folder names such as ``posts/`` or ``media/`` are too common to detect on.
    """
    if _FB_MARKER.match(rel):
        return FACEBOOK
    if _IG_MARKER.match(rel):
        return INSTAGRAM
    return None


def _exclusive(rel: str) -> str | None:
    """The platform whose export alone has this top-level folder."""
    top = rel.split("/", 1)[0]
    if top in FB_TOPS and top not in IG_TOPS:
        return FACEBOOK
    if top in IG_TOPS and top not in FB_TOPS:
        return INSTAGRAM
    return None


@dataclass(slots=True)
class MetaLayout:
    """Whose each export root is, and the Messenger secure-storage files found by content."""

    roots: dict[str, str] = field(default_factory=dict)
    """Export root → ``facebook`` or ``instagram``."""
    evidence: dict[str, int] = field(default_factory=dict)
    """Platform → number of members whose path alone names it."""
    secure_storage: set[str] = field(default_factory=set)
    """Paths of Messenger secure-storage thread files."""
    secure_dirs: set[str] = field(default_factory=set)
    """Folders holding them (their ``media/`` belongs to Facebook too)."""

    def owner(self, path: str) -> str | None:
        """``facebook``, ``instagram`` or None for a member path."""
        if path in self.secure_storage:
            return FACEBOOK
        for folder in self.secure_dirs:
            if path.startswith(folder + "media/"):
                return FACEBOOK
        split = split_root(path)
        if split is None:
            return None
        root, rel = split
        owner = marker(rel)
        if owner is None:
            exclusive = _exclusive(rel)
            # A folder only the other export has, in a tree where that export is present
            # (both unpacked into one folder), is the other export's.
            use = exclusive is not None and self.evidence.get(exclusive) and root in self.roots
            owner = exclusive if use else self.roots.get(root)
        tops = FB_TOPS if owner == FACEBOOK else IG_TOPS
        top = rel.split("/", 1)[0]
        if owner is None or ("/" in rel and top not in tops):
            return None
        return owner


def meta_layout(archive: Archive, members: list[Member]) -> MetaLayout:
    """Find the Meta export roots of an archive and whose they are (names + a few bytes)."""
    layout = MetaLayout()
    placed: list[tuple[str, str]] = []
    sniffed = 0
    for member in members:
        split = split_root(member.path)
        if split is not None:
            placed.append(split)
            continue
        name = member.path.rsplit("/", 1)[-1]
        if not _E2EE_NAME.match(name) or sniffed >= _MAX_SNIFFED:
            continue
        sniffed += 1
        try:
            head = archive.read_head(member, 256)
        except MemberError:
            continue
        if _E2EE_HEAD.match(head.lstrip(b"\xef\xbb\xbf")):
            layout.secure_storage.add(member.path)
            layout.secure_dirs.add(member.path[: member.path.rfind("/") + 1])
    votes: dict[str, Counter[str]] = {}
    for root, rel in placed:
        if root in layout.secure_dirs and rel.startswith("media/"):
            continue  # the secure-storage download's media folder, not Instagram's
        tally = votes.setdefault(root, Counter())
        found = marker(rel)
        if found is not None:
            tally[found] += 1
            layout.evidence[found] = layout.evidence.get(found, 0) + 1
        elif _THREAD_PATH.search(rel):
            tally["threads"] += 1
    for root, tally in votes.items():
        name = root.rstrip("/").rsplit("/", 1)[-1].lower()
        if name.startswith(FACEBOOK) or name.startswith("messenger"):
            tally[FACEBOOK] += 1_000_000
        elif name.startswith(INSTAGRAM):
            tally[INSTAGRAM] += 1_000_000
        if tally[INSTAGRAM] > tally[FACEBOOK]:
            layout.roots[root] = INSTAGRAM
        elif tally[FACEBOOK] or tally["threads"]:
            layout.roots[root] = FACEBOOK  # Messenger threads alone are Facebook's
    return layout


def rel_path(path: str) -> str:
    """The member path below its export root (the path itself outside any known tree)."""
    split = split_root(path)
    return split[1] if split else path


# -- threads ------------------------------------------------------------------------------


@dataclass(slots=True)
class ThreadMessage:
    """One message of a thread, already translated."""

    pointer: str
    sender: str
    fields: tuple[Field, ...]
    timestamp: datetime | None
    media: list[str]
    """Export-relative ``uri`` of attached photos/videos/files."""


@dataclass(slots=True)
class Thread:
    """A Messenger/Instagram conversation (one ``message_N.json`` or secure-storage file)."""

    participants: list[str]
    title: str
    messages: list[ThreadMessage]
    secure_storage: bool


_SYSTEM_TYPES = {"call", "subscribe", "unsubscribe", "payment", "reminder", "admin"}
"""Message types whose ``content`` Meta writes itself ("Sam left the group")."""
_MEDIA_KEYS = ("photos", "videos", "gifs", "audio_files", "files", "media")


def is_thread(doc: Any) -> bool:
    """True for a Meta thread document (either shape)."""
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("messages"), list)
        and ("participants" in doc or "thread_path" in doc or "threadName" in doc)
    )


def parse_thread(doc: Any) -> Thread | None:
    """The thread in a ``message_N.json`` or secure-storage document, or None."""
    if not is_thread(doc):
        return None
    participants: list[str] = []
    for entry in as_list(doc.get("participants")):
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            participants.append(fix_text(name).strip())
    secure = "threadName" in doc or any(
        isinstance(e, str) for e in as_list(doc.get("participants"))
    )
    title = label_of(doc.get("title") or doc.get("threadName"))
    messages: list[ThreadMessage] = []
    for index, message in enumerate(doc["messages"]):
        if not isinstance(message, dict):
            continue
        ptr = f"/messages/{index}"
        sender = message.get("sender_name", message.get("senderName"))
        sender_text = fix_text(sender).strip() if isinstance(sender, str) else ""
        kind = str(message.get("type") or "generic").lower()
        fields: list[Field] = []
        if kind not in _SYSTEM_TYPES:
            for key in ("content", "text"):
                made = text_field(key, f"{ptr}/{key}", message.get(key))
                if made is not None:
                    fields.append(made)
        when = (
            from_epoch(message.get("timestamp_ms"), "ms")
            if "timestamp_ms" in message
            else from_epoch(message.get("timestamp"), "ms")
        )
        media: list[str] = []
        for key in _MEDIA_KEYS:
            attached = message.get(key)
            if isinstance(attached, dict):
                attached = [attached]
            for item in attached if isinstance(attached, list) else []:
                uri = item.get("uri") if isinstance(item, dict) else None
                if isinstance(uri, str) and uri:
                    media.append(uri)
        messages.append(ThreadMessage(ptr, sender_text, tuple(fields), when, media))
    return Thread(participants, title, messages, secure)


class SelfNames:
    """Decides whether a name is the archive owner's.

    The owner's names come from the profile. A thread in which none of them appears (no
    profile in the export, or a renamed account) falls back to a guess made once over all
    threads (:func:`guess_owner`); with no clear winner nobody is assumed to be the owner,
    so other people's messages are never reported as the user's.
    """

    def __init__(self, names: Iterable[str], guesser: Callable[[], str | None]) -> None:
        self.names = {_norm(n) for n in names if n and n.strip()}
        self._guesser = guesser
        self._guess: str | None = None
        self._guessed = False

    def add(self, name: str) -> None:
        """Another name the owner goes by."""
        if name and name.strip():
            self.names.add(_norm(name))

    def known(self, name: str) -> bool:
        """True when ``name`` is one of the profile's names (no guessing)."""
        return _norm(name) in self.names

    def guess(self) -> str | None:
        """The guessed owner (computed at most once)."""
        if not self._guessed:
            self._guessed = True
            found = self._guesser()
            self._guess = _norm(found) if found else None
        return self._guess

    def owner_in(self, people: Iterable[str]) -> str | None:
        """The owner's normalised name as it appears among ``people`` (guessing if needed)."""
        normalised = {_norm(p) for p in people if p}
        normalised.discard("")
        mine = self.names & normalised
        if mine:
            return next(iter(mine))
        guess = self.guess()
        return guess if guess is not None and guess in normalised else None

    def is_self(self, name: str, people: Iterable[str]) -> bool:
        """True when ``name`` is the owner, judged within a thread of ``people``."""
        owner = self.owner_in(people)
        return owner is not None and _norm(name) == owner


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(slots=True)
class ThreadPeople:
    """Who took part in one conversation (all its ``message_N`` files together)."""

    participants: list[str] = field(default_factory=list)
    senders: Counter[str] = field(default_factory=Counter)
    title: str = ""


def guess_owner(threads: Iterable[ThreadPeople]) -> str | None:
    """The archive owner, guessed from the conversations alone; None when unclear.

    In a one-to-one conversation the title is the *other* person's name, so the participant
    who is not the title gets a vote. The owner is also present in every conversation. The
    name with the most votes, then the most conversations, then the most conversations it
    wrote in, wins — but only when it is ahead of every other name on votes or presence,
    and was seen in at least two conversations or named by a title: one group chat alone
    cannot tell who exported it.
    """
    votes: Counter[str] = Counter()
    presence: Counter[str] = Counter()
    wrote: Counter[str] = Counter()
    display: dict[str, str] = {}
    for thread in threads:
        names = {_norm(p): p for p in [*thread.participants, *thread.senders] if p}
        display.update(names)
        presence.update(names.keys())
        wrote.update({_norm(n) for n, count in thread.senders.items() if count})
        title = _norm(thread.title)
        if len(names) == 2 and title in names:
            votes.update(n for n in names if n != title)
    if not presence:
        return None

    def rank(name: str) -> tuple[int, int]:
        return (votes[name], presence[name])

    ranked = sorted(presence, key=lambda n: (*rank(n), wrote[n]), reverse=True)
    best = ranked[0]
    if len(ranked) > 1 and rank(ranked[1]) == rank(best):
        return None
    if votes[best] == 0 and presence[best] < 2:
        return None
    return display[best]


# -- media files and the items that link them -----------------------------------------------


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What a media file inherits from the post or message that references it."""

    kind: Kind
    exposure: Exposure
    author_is_self: bool
    timestamp: datetime | None
    url: str | None
    label: str


class MediaLinks:
    """Media ``uri`` values of the JSON, resolved to archive members by path suffix."""

    def __init__(self, members: Iterable[Member]) -> None:
        self._by_name: dict[str, list[str]] = {}
        for member in members:
            if is_image_name(member.path):
                name = member.path.rsplit("/", 1)[-1]
                self._by_name.setdefault(name, []).append(member.path)
        self.links: dict[str, MediaInfo] = {}

    def link(self, uri: str, referrer: str, info: MediaInfo) -> None:
        """Remember that the file named by ``uri`` belongs to an item described by ``info``."""
        path = self.resolve(uri, referrer)
        if path is not None and path not in self.links:
            self.links[path] = info

    def resolve(self, uri: str, referrer: str) -> str | None:
        """The member path ``uri`` names, preferring the referrer's own export root."""
        clean = uri.strip().removeprefix("./").lstrip("/")
        if not clean or clean.startswith(("http://", "https://")):
            return None
        candidates = self._by_name.get(clean.rsplit("/", 1)[-1], [])
        matches = [p for p in candidates if p == clean or p.endswith("/" + clean)]
        if not matches:
            return None
        split = split_root(referrer)
        root = split[0] if split else referrer[: referrer.rfind("/") + 1]
        same_root = [p for p in matches if p.startswith(root)]
        return (same_root or matches)[0]


def media_records(
    platform: str,
    archive: Archive,
    members: Iterable[Member],
    links: MediaLinks,
    default: Callable[[str], MediaInfo | None],
    notes: ReadNotes,
) -> Iterator[Record]:
    """MEDIA records of image members whose own EXIF has a position or device values."""
    for member in members:
        if not is_image_name(member.path):
            continue
        info = links.links.get(member.path) or default(rel_path(member.path))
        if info is None:
            continue
        try:
            meta = photo_metadata(archive, member)
        except (MemberError, MediaError) as exc:
            notes.skip(member.path, str(exc))
            continue
        if not meta.points and not meta.fields:
            continue
        yield Record(
            platform=platform,
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


# -- HTML exports --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlText:
    """One text node of an HTML export page."""

    line: int
    """0-based line of the node's first character."""
    col: int
    """0-based column of that character."""
    text: str
    classes: frozenset[str]
    """CSS classes of the node's element and all its ancestors."""
    tag: str
    """The innermost open element."""

    @property
    def pointer(self) -> str:
        """The HTML pointer convention of this module: ``/<line>/<column>``."""
        return f"/{self.line}/{self.col}"


_VOID = frozenset(
    {"br", "img", "meta", "link", "hr", "input", "area", "base", "col", "embed", "source", "wbr"}
)
_HIDDEN = frozenset({"head", "script", "style", "title", "template", "noscript"})
_ASCII_WS = " \t\r\n\f"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.out: list[HtmlText] = []
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        classes: set[str] = set(self.stack[-1][1]) if self.stack else set()
        for key, value in attrs:
            if key == "class" and value:
                classes.update(value.split())
        self.stack.append((tag, frozenset(classes)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if any(tag in _HIDDEN for tag, _ in self.stack):
            if self.stack and self.stack[-1][0] == "title":
                self.title.append(data.strip())
            return
        text = data.strip(_ASCII_WS)
        if not text:
            return
        line, col = self.getpos()
        lead = data[: len(data) - len(data.lstrip(_ASCII_WS))]
        if "\n" in lead:
            line += lead.count("\n")
            col = len(lead) - lead.rfind("\n") - 1
        else:
            col += len(lead)
        tag, classes = self.stack[-1] if self.stack else ("", frozenset())
        self.out.append(HtmlText(line - 1, col, fix_text(text), classes, tag))


def html_texts(data: bytes) -> list[HtmlText]:
    """The visible text nodes of an HTML page, in document order."""
    return html_page(data)[1]


def html_page(data: bytes) -> tuple[str, list[HtmlText]]:
    """The page's ``<title>`` text and its visible text nodes, in document order."""
    collector = _Collector()
    collector.feed(decode_text(data))
    collector.close()
    return fix_text(" ".join(collector.title).strip()), collector.out


_HTML_DATE = re.compile(
    r"^(?:updated\s+)?(?:[A-Za-z]+,\s+)?"
    r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+[A-Za-z]{3,9}\.?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
    r",?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|\s+[A-Z]{2,5})?$",
    re.IGNORECASE,
)
_ZONE_SUFFIX = re.compile(r"(?:\s*(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|\s+[A-Z]{2,5})$")
_TIME_CLASSES = frozenset({"_a72d", "_2lem", "meta"})
_HEADER_CLASSES = frozenset({"_a6-h", "_2lek", "user"})


def html_date(text: str) -> datetime | None:
    """The time of an HTML export date line ("Jul 21, 2024 4:02:11 pm"), read as UTC.

    HTML exports print local times without a zone; they are taken as UTC, so the day can be
    off by one near midnight.
    """
    if len(text) > 60 or not _HTML_DATE.match(text.strip()):
        return None
    cleaned = re.sub(r"^updated\s+", "", text.strip(), flags=re.IGNORECASE)
    if not re.search(r"\d{4}-\d{2}-\d{2}", cleaned):
        cleaned = _ZONE_SUFFIX.sub("", cleaned)
    cleaned = cleaned.replace(" at ", " ")
    try:
        when = dateparser.parse(cleaned)
    except (ValueError, OverflowError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def is_time_node(node: HtmlText) -> bool:
    """A node holding an item's date (by class or by its whole text being a date)."""
    return html_date(node.text) is not None or (
        bool(node.classes & _TIME_CLASSES) and len(node.text) < 60 and _has_digit(node.text)
    )


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


@dataclass(slots=True)
class HtmlItem:
    """A post, comment or message block of an HTML page."""

    header: HtmlText | None
    """Its heading: the sender of a message, the action line of a post."""
    texts: list[HtmlText] = field(default_factory=list)
    timestamp: datetime | None = None


def html_items(
    nodes: list[HtmlText], is_header: Callable[[HtmlText], bool] | None = None
) -> list[HtmlItem]:
    """Group text nodes into items.

    With headings (class hints of every Meta HTML vintage, or ``is_header``) an item runs
    from one heading to the next; without, an item ends at its date line.
    """
    header_test = is_header or (lambda n: bool(n.classes & _HEADER_CLASSES))
    headed = any(header_test(n) for n in nodes)
    result: list[HtmlItem] = []
    current: HtmlItem | None = None
    closed = False
    for node in nodes:
        if headed and header_test(node):
            current = HtmlItem(node)
            result.append(current)
            continue
        if is_time_node(node):
            if current is None:
                current = HtmlItem(None)
                result.append(current)
            if current.timestamp is None:
                current.timestamp = html_date(node.text)
            closed = not headed
            continue
        if current is None or closed:
            current = HtmlItem(None)
            result.append(current)
            closed = False
        current.texts.append(node)
    return result


@dataclass(slots=True)
class HtmlThread:
    """A thread read from ``message_N.html``."""

    participants: list[str]
    messages: list[HtmlItem]


_PARTICIPANTS = re.compile(r"^participants\s*:\s*", re.IGNORECASE)


def html_thread(nodes: list[HtmlText]) -> HtmlThread:
    """Participants and messages of a thread page (sender heading, text lines, date)."""
    participants: list[str] = []
    body: list[HtmlText] = []
    for node in nodes:
        found = _PARTICIPANTS.match(node.text)
        if found and not participants:
            rest = node.text[found.end() :]
            participants = [p.strip() for p in re.split(r",| and ", rest) if p.strip()]
            continue
        body.append(node)
    known = {p.casefold() for p in participants}
    hinted = any(n.classes & _HEADER_CLASSES for n in body)

    def is_sender(node: HtmlText) -> bool:
        if hinted:
            return bool(node.classes & _HEADER_CLASSES)
        return node.text.casefold() in known

    return HtmlThread(participants, html_items(body, is_sender))


# -- the shared reader ---------------------------------------------------------------------


class MetaPlatform(Platform):
    """Detection and claiming shared by the Facebook and Instagram readers.

    ``detect`` remembers the archive's layout so that ``claims`` (called for the same
    archive right after detection) can tell the two platforms' members apart.
    """

    key: str = ""

    def __init__(self) -> None:
        self._layout: MetaLayout | None = None

    def detect(self, archive: Archive, members: list[Member]) -> float:
        layout = meta_layout(archive, members)
        self._layout = layout
        mine = [r for r, owner in layout.roots.items() if owner == self.key]
        evidence = layout.evidence.get(self.key, 0)
        if (mine and evidence) or evidence >= _MIN_EVIDENCE:
            return 1.0  # the second case: both exports unpacked into one folder
        if mine:
            return 0.8
        if self.key == FACEBOOK and layout.secure_storage:
            return 0.9
        return 0.0

    def claims(self, member: Member) -> bool:
        layout = self._layout
        if layout is None:
            split = split_root(member.path)
            return split is not None and marker(split[1]) == self.key
        return layout.owner(member.path) == self.key

    def layout_for(self, archive: Archive, members: list[Member]) -> MetaLayout:
        """The layout found by ``detect`` (or found now, for direct calls)."""
        if self._layout is None:
            self._layout = meta_layout(archive, members)
        return self._layout

    # -- shared reading ------------------------------------------------------------------

    def thread_member(
        self,
        archive: Archive,
        member: Member,
        selves: SelfNames,
        links: MediaLinks,
        notes: ReadNotes,
    ) -> Iterator[Record]:
        """A thread file's messages; a file that is no thread is noted and read generically."""
        doc = load(archive, member, notes)
        if doc is None:
            return
        thread = parse_thread(doc)
        if thread is None:
            yield from self.unrecognised(archive, member, doc, notes)
            return
        label = self.thread_label(member.path, thread)
        yield from self.thread_records(archive, member, thread, selves, links, label)

    def thread_label(self, path: str, thread: Thread) -> str:
        """What a message of this thread is called ("Messenger message request" …)."""
        raise NotImplementedError

    def unrecognised(
        self,
        archive: Archive,
        member: Member,
        doc: Any,
        notes: ReadNotes,
        label: str | None = None,
        kind: Kind = Kind.OTHER,
    ) -> Iterator[Record]:
        """A file of a shape this reader does not know: said in a note, then read generically,
        so nothing in it goes unscanned."""
        notes.note(
            f"unrecognised {self.title} file {rel_path(member.path)}, scanned as generic JSON"
        )
        label = label or f"{self.title} data (read generically)"
        yield from self.generic_records(archive, member, doc, label, kind)

    def thread_records(
        self,
        archive: Archive,
        member: Member,
        thread: Thread,
        selves: SelfNames,
        links: MediaLinks,
        label: str,
    ) -> Iterator[Record]:
        """One PRIVATE message record per message; the owner's are ``author_is_self``."""
        people = {_norm(p) for p in [*thread.participants, *(m.sender for m in thread.messages)]}
        people.discard("")
        item_label = f"{label} (group)" if len(people) > 2 else label
        owner = selves.owner_in(people)
        for message in thread.messages:
            mine = owner is not None and _norm(message.sender) == owner
            info = MediaInfo(
                Kind.MESSAGE,
                Exposure.PRIVATE,
                mine,
                message.timestamp,
                None,
                f"photo in {with_article(label)}",
            )
            for uri in message.media:
                links.link(uri, member.path, info)
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=message.pointer,
                kind=Kind.MESSAGE,
                exposure=Exposure.PRIVATE,
                author_is_self=mine,
                timestamp=message.timestamp,
                fields=message.fields,
                label=item_label,
            )

    def html_thread_records(
        self, archive: Archive, member: Member, selves: SelfNames, label: str, notes: ReadNotes
    ) -> Iterator[Record]:
        """Messages of a ``message_N.html`` page (HTML export)."""
        nodes = self.html_nodes(archive, member, notes)
        if nodes is None:
            return
        thread = html_thread(nodes)
        senders = [m.header.text for m in thread.messages if m.header is not None]
        people = {_norm(p) for p in [*thread.participants, *senders]}
        item_label = f"{label} (group)" if len(people) > 2 else label
        owner = selves.owner_in(people)
        for message in thread.messages:
            if message.header is None and not message.texts:
                continue
            sender = message.header.text if message.header is not None else ""
            first = message.header or message.texts[0]
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=first.pointer,
                kind=Kind.MESSAGE,
                exposure=Exposure.PRIVATE,
                author_is_self=owner is not None and _norm(sender) == owner,
                timestamp=message.timestamp,
                fields=tuple(Field("text", n.pointer, n.text, Role.TEXT) for n in message.texts),
                label=item_label,
            )

    def html_item_records(
        self,
        archive: Archive,
        member: Member,
        kind: Kind,
        exposure: Exposure,
        label: str,
        notes: ReadNotes,
    ) -> Iterator[Record]:
        """The owner's posts or comments of an HTML page: one record per block."""
        nodes = self.html_nodes(archive, member, notes)
        if nodes is None:
            return
        for item in html_items(nodes):
            if not item.texts:
                continue
            first = item.header or item.texts[0]
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=first.pointer,
                kind=kind,
                exposure=exposure,
                author_is_self=True,
                timestamp=item.timestamp,
                fields=tuple(Field("text", n.pointer, n.text, Role.TEXT) for n in item.texts),
                label=label,
            )

    def html_nodes(
        self, archive: Archive, member: Member, notes: ReadNotes | None
    ) -> list[HtmlText] | None:
        """The page's text nodes, or None after recording why it could not be read."""
        page = self.html_page(archive, member, notes)
        return page[1] if page is not None else None

    def html_page(
        self, archive: Archive, member: Member, notes: ReadNotes | None
    ) -> tuple[str, list[HtmlText]] | None:
        """The page's ``<title>`` and text nodes, or None after recording why not readable."""
        try:
            return html_page(archive.read(member))
        except MemberError as exc:
            if notes is not None:
                notes.skip(member.path, str(exc))
            return None

    def guess_owner_of(
        self, archive: Archive, thread_files: list[Member], html_threads: list[Member]
    ) -> str | None:
        """Read every thread once more to guess the owner (only when no profile names them)."""
        by_folder: dict[str, ThreadPeople] = {}
        for member in thread_files:
            thread = parse_thread(load(archive, member, None))
            if thread is None:
                continue
            folder = member.path if thread.secure_storage else member.path.rsplit("/", 1)[0]
            people = by_folder.setdefault(folder, ThreadPeople(title=thread.title))
            people.participants.extend(
                p for p in thread.participants if p not in people.participants
            )
            people.senders.update(m.sender for m in thread.messages if m.sender)
        for member in html_threads:
            page = self.html_page(archive, member, None)
            if page is None:
                continue
            title, nodes = page
            parsed = html_thread(nodes)
            folder = member.path.rsplit("/", 1)[0]
            people = by_folder.setdefault(folder, ThreadPeople(title=title))
            people.participants.extend(
                p for p in parsed.participants if p not in people.participants
            )
            people.senders.update(m.header.text for m in parsed.messages if m.header is not None)
        return guess_owner(by_folder.values())

    def generic_records(
        self, archive: Archive, member: Member, doc: Any, label: str, kind: Kind = Kind.OTHER
    ) -> Iterator[Record]:
        """A file read generically: every string, repaired, as data only the platform holds."""
        chunks: list[tuple[str, Any]] = [("", doc)]
        if isinstance(doc, list):
            chunks = [(f"/{i}", item) for i, item in enumerate(doc)]
        elif isinstance(doc, dict) and len(doc) == 1:
            key, value = next(iter(doc.items()))
            if isinstance(value, list):
                chunks = [(join_pointer("", key, i), item) for i, item in enumerate(value)]
        for ptr, chunk in chunks:
            fields = generic_fields(chunk, ptr)
            if fields:
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=kind,
                    exposure=Exposure.ACCOUNT,
                    author_is_self=True,
                    fields=fields,
                    label=label,
                )

    def html_generic_records(
        self, archive: Archive, member: Member, label: str, notes: ReadNotes
    ) -> Iterator[Record]:
        """An HTML page we do not know: its text nodes as fields of unknown meaning."""
        nodes = self.html_nodes(archive, member, notes)
        if nodes:
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.OTHER,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                fields=tuple(Field("text", n.pointer, n.text, Role.OTHER) for n in nodes),
                label=label,
            )


def html_labelled(
    nodes: list[HtmlText], labels: dict[str, Role]
) -> tuple[list[tuple[str, Field]], list[HtmlText]]:
    """Label/value pairs of a profile page (a known label node, then its value node).

    Returns ``(label, field)`` pairs and the nodes that are neither a label nor its value.
    A label directly followed by another label is a section heading. After a value, further
    nodes that look like more values of a plural label ("Emails") are taken too.
    """
    pairs: list[tuple[str, Field]] = []
    rest: list[HtmlText] = []
    pending: str | None = None
    last: str | None = None
    for node in nodes:
        key = " ".join(node.text.lower().rstrip(":").split())
        if key in labels:
            pending = key  # a label right after a label: the first one was a heading
            last = None
            continue
        if pending is not None:
            pairs.append((pending, Field(pending, node.pointer, node.text, labels[pending])))
            last, pending = pending, None
            continue
        if last is not None and _looks_like_more(labels[last], node.text):
            pairs.append((last, Field(last, node.pointer, node.text, labels[last])))
            continue
        last = None
        rest.append(node)
    return pairs, rest


def _looks_like_more(role: Role, text: str) -> bool:
    if role is Role.EMAIL:
        return "@" in text and " " not in text.strip()
    if role is Role.PHONE:
        digits = sum(c.isdigit() for c in text)
        return digits >= 6 and all(c.isdigit() or c in " +-().\u00a0" for c in text)
    return False
