"""Bluesky reader: the repository export (``.car``) from Settings → "Export my data".

Format: a CAR v1 file (a varint-prefixed DAG-CBOR header ``{"version": 1, "roots": [<commit
CID>]}``, then blocks ``varint(length) ‖ CID ‖ DAG-CBOR``), decoded with ``libipld`` (CAR
framing, DAG-CBOR and CID links; a CID link comes back as its raw bytes). The root block is
the signed **commit** (``did``, ``data`` = the root of the repository's Merkle search tree);
the tree's entries map ``<collection>/<rkey>`` keys (prefix-compressed: ``p`` bytes of the
previous key plus ``k``) to record blocks. Older repositories (version 2) also hold every
earlier commit and its tree.

Pointers (``privaudit.report/1``): a CAR is not JSON, so the member's parsed document is
defined as **the repository as a map** ``{collection: {rkey: record}}`` with records as
libipld decodes them — what :func:`read_repository` returns as ``document`` — and a pointer is
an RFC 6901 pointer into it: ``/app.bsky.feed.post/3kq2x7aj5ns2a/text``,
``/app.bsky.actor.profile/self/description``. Records that are not in the current tree get a
key of their own so that nothing collides: ``<rkey>@<CID>`` for a record only an earlier
commit has (deleted, or an earlier version of the profile), ``@<CID>`` for a record block no
tree reaches (a cut-off file lost the path to it), filed under its ``$type``.

What is read:

* ``app.bsky.actor.profile`` — display name (name) and description (prose): public;
* ``app.bsky.feed.post`` — text, image and video alt texts (prose), map links in the text, in
  link facets and in link cards (precise positions); a post with ``reply`` is a reply. Public,
  with its ``https://bsky.app/profile/<did>/post/<rkey>`` link and ``createdAt`` time;
* any other record type (lists, starter packs, other apps' lexicons) — read generically: its
  strings with the role their key suggests, and any ``latitude``/``longitude`` (``lat``/
  ``lon``/``lng``) pair as a precise position; public, since everything in a repository is;
* likes, reposts, follows, blocks, list items, thread and post gates, the chat declaration and
  lexicon schemas hold only references and settings: deliberately not read.

Records only an earlier commit holds are rated ``deleted`` (they were public); images are not
in the export (the app downloads blobs separately), so there is no photo metadata to read.

Damage: a file cut off part-way keeps every block before the cut — records whose tree path
was lost are still read (keyed by CID, see above) — and the member is listed as skipped with
the reason; single damaged blocks are passed over and counted the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import libipld

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import join_pointer, pointer
from privaudit.platforms.generic import role_for_key
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.whatsapp import map_links

PROFILE = "app.bsky.actor.profile"
POST = "app.bsky.feed.post"
_NOT_READ = frozenset(
    {
        "app.bsky.feed.like",
        "app.bsky.feed.repost",
        "app.bsky.graph.follow",
        "app.bsky.graph.block",
        "app.bsky.graph.listitem",
        "app.bsky.graph.listblock",
        "app.bsky.feed.threadgate",
        "app.bsky.feed.postgate",
        "app.bsky.graph.verification",
        "chat.bsky.actor.declaration",
        "com.atproto.lexicon.schema",
        "com.atproto.lexicon.record",
        "app.bsky.feed.vote",
        "app.bsky.system.declaration",
        "app.bsky.graph.confirmation",
        "app.bsky.graph.assertion",
    }
)
"""References, settings and schemas: nothing the user disclosed."""
_LAT_KEYS = ("latitude", "lat")
_LON_KEYS = ("longitude", "lon", "lng", "long")
_SKIPPED_KEYS = frozenset(
    {"$type", "createdAt", "uri", "cid", "did", "ref", "mimeType", "langs", *_LAT_KEYS, *_LON_KEYS}
)
"""Types, times, references and coordinates (those become points) are not scanned as text."""
_REFERENCE = re.compile(r"^(?:at://|did:|bafy|bafk)")
_HEAD = 512
_MAX_HEADER = 1 << 16
_MAX_TEXT_FIELD = 100_000
_SOURCE_POST = "map link in a Bluesky post"
_SOURCE_RECORD = "coordinates in a Bluesky record"


# -- decoding ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One record of the repository."""

    collection: str
    key: str
    """The rkey (``3kq2x7aj5ns2a``, ``self``), or a ``@<CID>`` key (see the module docstring)."""
    record: dict[str, Any]
    state: str
    """``current``, ``earlier`` (an older version of a current key), ``deleted`` or
    ``unplaced`` (no tree reaches it)."""

    @property
    def pointer(self) -> str:
        return pointer(self.collection, self.key)


@dataclass(slots=True)
class Repository:
    """A decoded repository export."""

    did: str | None
    entries: list[Entry]
    document: dict[str, dict[str, Any]]
    """``{collection: {key: record}}``: what every pointer of this member resolves in."""
    problems: list[str] = field(default_factory=list)
    """Plain-language reasons for anything that could not be read."""


def is_car_head(head: bytes) -> bool:
    """True when ``head`` starts with a CAR v1 header (``{"version": 1, "roots": [...]}``)."""
    header = _header(head)
    return header is not None and header[0].get("version") == 1


def read_repository(data: bytes) -> Repository:
    """The repository in ``data``; MemberError when it is not a CAR v1 repository at all."""
    parsed = _header(data)
    if parsed is None or parsed[0].get("version") != 1:
        raise MemberError("not a Bluesky repository file (no CAR version 1 header)")
    header, header_end = parsed
    problems: list[str] = []
    try:
        _, blocks = libipld.decode_car(data)
    except (ValueError, RecursionError, OverflowError):
        blocks, problems = _salvage(data, header_end)
    return _repository(header, blocks, problems)


def _varint(data: bytes, pos: int) -> tuple[int, int] | None:
    """(value, next position) of the unsigned LEB128 varint at ``pos`` (CAR framing)."""
    value = shift = 0
    while pos < len(data) and shift <= 63:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
    return None


def _header(data: bytes) -> tuple[dict[str, Any], int] | None:
    framed = _varint(data, 0)
    if framed is None:
        return None
    length, start = framed
    if not 0 < length <= _MAX_HEADER or start + length > len(data):
        return None
    try:
        header = libipld.decode_dag_cbor(data[start : start + length])
    except (ValueError, RecursionError, OverflowError):
        return None
    if not isinstance(header, dict) or not isinstance(header.get("roots"), list):
        return None
    return header, start + length


def _salvage(data: bytes, pos: int) -> tuple[dict[bytes, Any], list[str]]:
    """Every whole, readable block of a damaged file, one block at a time."""
    frame = data[:pos]
    blocks: dict[bytes, Any] = {}
    damaged = 0
    cut = False
    while pos < len(data):
        framed = _varint(data, pos)
        if framed is None or framed[0] == 0 or framed[1] + framed[0] > len(data):
            cut = True
            break
        length, start = framed
        try:
            _, one = libipld.decode_car(frame + data[pos : start + length])
            blocks.update(one)
        except (ValueError, RecursionError, OverflowError):
            damaged += 1
        pos = start + length
    problems = []
    if cut:
        problems.append(
            f"the repository file is cut off (it ends inside a block, {len(data) - pos:,} "
            f"bytes after the last whole one); the {len(blocks):,} block(s) before the cut "
            "were read"
        )
    if damaged:
        problems.append(f"{damaged:,} damaged block(s) of the repository could not be read")
    return blocks, problems


def _repository(
    header: dict[str, Any], blocks: dict[bytes, Any], problems: list[str]
) -> Repository:
    roots = header.get("roots") or []
    root = roots[0] if roots and isinstance(roots[0], bytes) else None
    commit = blocks.get(root) if root is not None else None
    if not _is_commit(commit):
        commit = None
        if blocks:
            problems.append("the repository's commit block is missing; its owner is unknown")
    did = _str(commit.get("did")) if commit else None
    entries: list[Entry] = []
    placed: set[bytes] = set()
    current: dict[str, bytes] = {}
    if commit is not None:
        current, lost = _walk(blocks, commit["data"])
        if lost:
            problems.append(f"{lost:,} part(s) of the repository's record index are missing")
        for key, cid in current.items():
            record = blocks.get(cid)
            if isinstance(record, dict):
                collection, rkey = key.split("/", 1)
                entries.append(Entry(collection, rkey, record, "current"))
                placed.add(cid)
    for cid, block in blocks.items():
        if cid == root or not _is_commit(block):
            continue
        older, _ = _walk(blocks, block["data"])
        for key, record_cid in older.items():
            record = blocks.get(record_cid)
            if record_cid in placed or not isinstance(record, dict):
                continue
            collection, rkey = key.split("/", 1)
            state = "earlier" if key in current else "deleted"
            entries.append(Entry(collection, f"{rkey}@{_cid_text(record_cid)}", record, state))
            placed.add(record_cid)
    for cid, block in blocks.items():
        if cid in placed or not isinstance(block, dict):
            continue
        kind = _str(block.get("$type"))
        if kind and "." in kind:
            entries.append(Entry(kind, f"@{_cid_text(cid)}", block, "unplaced"))
    document: dict[str, dict[str, Any]] = {}
    for entry in entries:
        document.setdefault(entry.collection, {})[entry.key] = entry.record
    return Repository(did=did, entries=entries, document=document, problems=problems)


def _is_commit(block: Any) -> bool:
    return (
        isinstance(block, dict)
        and isinstance(block.get("did"), str)
        and isinstance(block.get("data"), bytes)
        and "$type" not in block
    )


def _walk(blocks: dict[bytes, Any], root: bytes) -> tuple[dict[str, bytes], int]:
    """``collection/rkey`` → record CID for one tree, and the count of missing tree nodes."""
    out: dict[str, bytes] = {}
    missing = 0
    seen: set[bytes] = set()
    stack: list[bytes] = [root]
    while stack:
        cid = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        node = blocks.get(cid)
        if not isinstance(node, dict) or not isinstance(node.get("e"), list):
            missing += 1
            continue
        left = node.get("l")
        if isinstance(left, bytes):
            stack.append(left)
        key = b""
        for item in node["e"]:
            if not isinstance(item, dict):
                break
            prefix, suffix, value = item.get("p"), item.get("k"), item.get("v")
            if not isinstance(prefix, int) or not isinstance(suffix, bytes):
                break
            key = key[:prefix] + suffix
            text = key.decode("utf-8", errors="replace")
            if isinstance(value, bytes) and "/" in text:
                out[text] = value
            subtree = item.get("t")
            if isinstance(subtree, bytes):
                stack.append(subtree)
    return out, missing


def _cid_text(cid: bytes) -> str:
    try:
        return libipld.encode_cid(cid)
    except ValueError:
        return cid.hex()


# -- the reader ----------------------------------------------------------------------------------


class BlueskyPlatform(Platform):
    """Reader for Bluesky (AT Protocol) repository exports."""

    name = "bluesky"
    title = "Bluesky"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        for member in members:
            if not member.path.lower().endswith(".car"):
                continue
            try:
                if is_car_head(archive.read_head(member, _HEAD)):
                    return 1.0
            except MemberError:
                continue
        return 0.0

    def claims(self, member: Member) -> bool:
        return member.path.lower().endswith(".car")

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        repositories: list[tuple[Member, Repository]] = []
        for member in members:
            try:
                repository = read_repository(archive.read(member))
            except MemberError as exc:
                notes.skip(member.path, str(exc))
                continue
            if repository.problems:
                notes.skip(member.path, "; ".join(repository.problems))
            repositories.append((member, repository))
        # Profiles first (contract), then everything else.
        for member, repository in repositories:
            for entry in repository.entries:
                if entry.collection == PROFILE:
                    yield self._profile(archive, member, repository, entry)
        for member, repository in repositories:
            generic: dict[str, int] = {}
            for entry in repository.entries:
                if entry.collection == PROFILE or entry.collection in _NOT_READ:
                    continue
                if entry.collection == POST:
                    yield self._post(archive, member, repository, entry)
                    continue
                record = self._other(archive, member, repository, entry)
                if record is not None:
                    generic[entry.collection] = generic.get(entry.collection, 0) + 1
                    yield record
            if generic:
                kinds = ", ".join(f"{k} ×{n}" for k, n in sorted(generic.items()))
                notes.note(f"Bluesky records of other types were read generically: {kinds}")

    def _profile(
        self, archive: Archive, member: Member, repository: Repository, entry: Entry
    ) -> Record:
        base = entry.pointer
        fields = []
        for key, role in (("displayName", Role.NAME), ("description", Role.TEXT)):
            value = _str(entry.record.get(key))
            if value and value.strip():
                fields.append(Field(key, join_pointer(base, key), value[:_MAX_TEXT_FIELD], role))
        current = entry.state == "current"
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=base,
            kind=Kind.PROFILE,
            exposure=Exposure.PUBLIC if current else Exposure.DELETED,
            author_is_self=True,
            timestamp=_time(entry.record.get("createdAt")),
            url=_profile_url(repository.did),
            fields=tuple(fields),
            points=_coordinates(base, entry.record, _SOURCE_RECORD),
            label="Bluesky profile" if current else "earlier version of your Bluesky profile",
        )

    def _post(
        self, archive: Archive, member: Member, repository: Repository, entry: Entry
    ) -> Record:
        base = entry.pointer
        post = entry.record
        fields: list[Field] = []
        points: list[GeoPoint] = []
        text = _str(post.get("text"))
        if text and text.strip():
            ptr = join_pointer(base, "text")
            fields.append(Field("text", ptr, text[:_MAX_TEXT_FIELD], Role.TEXT))
            points.extend(_link_points(ptr, text))
        for ptr, alt in _alt_texts(base, post.get("embed")):
            fields.append(Field("alt text", ptr, alt[:_MAX_TEXT_FIELD], Role.TEXT))
        for ptr, uri in _link_uris(base, post):
            points.extend(_link_points(ptr, uri))
        points.extend(_coordinates(base, post, _SOURCE_RECORD))
        reply = isinstance(post.get("reply"), dict)
        current = entry.state == "current"
        if current:
            label = "Bluesky reply" if reply else "Bluesky post"
        else:
            label = "deleted Bluesky reply" if reply else "deleted Bluesky post"
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=base,
            kind=Kind.REPLY if reply else Kind.POST,
            exposure=Exposure.DELETED if entry.state in ("earlier", "deleted") else Exposure.PUBLIC,
            author_is_self=True,
            timestamp=_time(post.get("createdAt")),
            url=_post_url(repository.did, entry.key) if current else None,
            fields=tuple(fields),
            points=_unique(points),
            label=label,
        )

    def _other(
        self, archive: Archive, member: Member, repository: Repository, entry: Entry
    ) -> Record | None:
        base = entry.pointer
        fields = _generic_fields(base, entry.record)
        points = _coordinates(base, entry.record, _SOURCE_RECORD)
        if not fields and not points:
            return None
        deleted = entry.state in ("earlier", "deleted")
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=base,
            kind=Kind.OTHER,
            exposure=Exposure.DELETED if deleted else Exposure.PUBLIC,
            author_is_self=True,
            timestamp=_time(entry.record.get("createdAt")),
            fields=fields,
            points=points,
            label=f"Bluesky {entry.collection} record" + (" (deleted)" if deleted else ""),
        )


PLATFORM = BlueskyPlatform()


# -- helpers -------------------------------------------------------------------------------------


def _alt_texts(base: str, embed: Any) -> Iterator[tuple[str, str]]:
    """``(pointer, alt)`` of every image and video of an embed (also inside recordWithMedia)."""
    if not isinstance(embed, dict):
        return
    ptr = join_pointer(base, "embed")
    yield from _media_alts(ptr, embed)
    media = embed.get("media")
    if isinstance(media, dict):
        yield from _media_alts(join_pointer(ptr, "media"), media)


def _media_alts(ptr: str, media: dict[str, Any]) -> Iterator[tuple[str, str]]:
    images = media.get("images")
    if isinstance(images, list):
        for index, image in enumerate(images):
            alt = _str(image.get("alt")) if isinstance(image, dict) else None
            if alt and alt.strip():
                yield join_pointer(ptr, "images", index, "alt"), alt
    alt = _str(media.get("alt"))
    if alt and alt.strip():
        yield join_pointer(ptr, "alt"), alt


def _link_uris(base: str, post: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(pointer, uri)`` of link facets and of the link card (also inside recordWithMedia)."""
    facets = post.get("facets")
    for index, facet in enumerate(facets if isinstance(facets, list) else []):
        features = facet.get("features") if isinstance(facet, dict) else None
        for number, feature in enumerate(features if isinstance(features, list) else []):
            uri = _str(feature.get("uri")) if isinstance(feature, dict) else None
            if uri:
                yield join_pointer(base, "facets", index, "features", number, "uri"), uri
    embed = post.get("embed")
    for path, node in (("embed",), embed), (("embed", "media"), _get(embed, "media")):
        external = _get(node, "external")
        uri = _str(_get(external, "uri"))
        if uri:
            yield join_pointer(base, *path, "external", "uri"), uri


def _get(node: Any, key: str) -> Any:
    return node.get(key) if isinstance(node, dict) else None


def _link_points(ptr: str, text: str) -> list[GeoPoint]:
    return [
        GeoPoint(link.lat, link.lon, ptr, _SOURCE_POST, "map link", link.accuracy_m)
        for link in map_links(text)
    ]


def _coordinates(base: str, record: Any, source: str) -> tuple[GeoPoint, ...]:
    """Every object of ``record`` holding a latitude/longitude pair (numbers or strings)."""
    out: list[GeoPoint] = []
    stack: list[tuple[str, Any]] = [(base, record)]
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            lat_key = next((k for k in _LAT_KEYS if k in node), None)
            lon_key = next((k for k in _LON_KEYS if k in node), None)
            if lat_key and lon_key:
                lat, lon = _degrees(node[lat_key]), _degrees(node[lon_key])
                if lat is not None and lon is not None and _valid(lat, lon):
                    out.append(GeoPoint(lat, lon, ptr, source, f"{lat_key}/{lon_key}"))
            for key, child in node.items():
                if isinstance(child, dict | list):
                    stack.append((join_pointer(ptr, key), child))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                if isinstance(child, dict | list):
                    stack.append((join_pointer(ptr, index), child))
    return tuple(sorted(out, key=lambda p: p.pointer))


def _degrees(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,3}\.\d+\s*", value):
        return float(value)
    return None


def _valid(lat: float, lon: float) -> bool:
    return abs(lat) <= 90 and abs(lon) <= 180 and not (lat == 0 and lon == 0)


def _generic_fields(base: str, record: dict[str, Any]) -> tuple[Field, ...]:
    """The record's strings, minus types, times and references, with roles from their keys."""
    out: list[Field] = []
    stack: list[tuple[str, str, Any]] = [(base, "", record)]
    while stack:
        ptr, key, node = stack.pop()
        if isinstance(node, str):
            if node.strip() and key not in _SKIPPED_KEYS and not _REFERENCE.match(node):
                out.append(Field(key or "value", ptr, node[:_MAX_TEXT_FIELD], role_for_key(key)))
        elif isinstance(node, dict):
            for child_key, child in reversed(list(node.items())):
                stack.append((join_pointer(ptr, child_key), str(child_key), child))
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                stack.append((join_pointer(ptr, index), key, node[index]))
    return tuple(out)


def _unique(points: list[GeoPoint]) -> tuple[GeoPoint, ...]:
    seen: set[tuple[float, float]] = set()
    out = []
    for point in points:
        key = (round(point.lat, 5), round(point.lon, 5))
        if key not in seen:
            seen.add(key)
            out.append(point)
    return tuple(out)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _time(value: Any) -> datetime | None:
    text = _str(value)
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _profile_url(did: str | None) -> str | None:
    return f"https://bsky.app/profile/{did}" if did else None


def _post_url(did: str | None, rkey: str) -> str | None:
    return f"https://bsky.app/profile/{did}/post/{rkey}" if did else None
