"""Google Photos in Takeout: each photo with its JSON sidecar, as one item.

Layout: ``Takeout/Google Photos/<folder>/`` (``Photos from 2024``, album titles; the
product folder is localized: ``Google Fotos``, ``Google Foto`` …). Next to each photo or
video is a sidecar with what Google Photos knows about it:

* ``geoDataExif`` — the position from the file's own EXIF as Google read it on upload;
  ``geoData`` — the position Google Photos shows (the same, or one the user set). Either
  may be ``0.0, 0.0``, which means "none".
* ``photoTakenTime.timestamp`` (epoch seconds as a string), ``description`` (the user's
  caption), ``people[].name`` (tagged faces), ``url``; ``title`` is the original file name.

Sidecar names (Takeout keeps file names to 51 characters):

* ``IMG_1234.JPG.json`` (≤ 2024) or ``IMG_1234.JPG.supplemental-metadata.json`` (2024 →),
  the suffix clipped when the name is long: ``.supplemental-metad.json``,
  ``.supplemental-.json``, ``.suppl.json``, ``.s.json``, ``..json``; a very long media name
  is itself cut (``Screenshot_…_948cd9899890.json`` for ``…948cd9899890cbd5.jpg``);
* duplicates: ``IMG_1234(1).JPG`` has ``IMG_1234.JPG(1).json`` or
  ``IMG_1234.JPG.supplemental-metadata(1).json``;
* edited copies (``IMG_1234-edited.JPG``, localized ``-bearbeitet``, ``-modifié`` …) have
  no sidecar of their own: they belong to the original's.

Pairing is by those rules (exact name first, then a clipped prefix, then the sidecar's
``title``), within one folder *relative to the Takeout root*, so a sidecar in part 1 of a
split export pairs with its photo in part 2.

Convention — one item per photo, pointers that resolve:

* The sidecar is the photo's record: ``path`` is the sidecar, points point into it
  (``/geoDataExif``, ``/geoData``; tag ``latitude/longitude``), ``description`` is a
  ``TEXT`` field, tagged ``people`` are ``NAME`` fields, ``url`` and ``photoTakenTime`` go
  to the record. ``geoDataExif`` is preferred; ``geoData`` is added only when it is more
  than :data:`SAME_PLACE_METRES` away (a position the user set is a disclosure too).
* The image's own EXIF is read from its first bytes. A GPS fix within
  :data:`SAME_PLACE_METRES` of a sidecar position is the same position and is not
  repeated. Only what the image adds — another position, camera/owner identifiers — makes
  a second record, whose ``path`` is the image (pointer ``""``, as for every media file).
  An image without sidecar is read from its EXIF alone.
* Videos are not read (no metadata reader for them); their sidecars are.

Exposure: Google Photos is private by default, so photos are ``account`` data. A photo in
a folder whose album ``metadata.json`` says the album is shared — ``access`` ``shared``,
``public`` or ``protected`` (anyone with the link; Picasa's access levels, which album
files still carry), ``shared: true``, or shared-album comments — is ``followers``: the
people it was shared with can see it and its location. Comments in shared albums are not
read (mostly other people's).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError, is_image_name
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import join_pointer, load_json
from privaudit.platforms.generic import json_fields
from privaudit.platforms.google_location import distance_m, epoch_time, valid_position
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.photos import photo_metadata

SAME_PLACE_METRES = 20.0
"""Two positions of one photo closer than this are one position."""

VIDEO_EXTENSIONS = frozenset(
    {"mp4", "mov", "m4v", "3gp", "avi", "mkv", "mpg", "mpeg", "wmv", "webm", "mp", "mts", "m2ts"}
)
OTHER_MEDIA_EXTENSIONS = frozenset({"gif", "bmp", "svg", "ico", "raw", "rw2", "orf", "raf"})

_SUPPLEMENTAL = "supplemental-metadata"
_DUP = re.compile(r"\((\d+)\)$")
_EDITED = (
    "-edited", "-bearbeitet", "-modifié", "-modifie", "-editado", "-modificato", "-bewerkt",
    "-edytowane", "-upravené", "-redigeret", "-redigert", "-redigerad", "-muokattu",
    "-editat", "-szerkesztett", "-изменено", "-編集済み", "-编辑", "-編輯", "-편집됨",
)  # fmt: skip
_SHARED_ACCESS = frozenset({"shared", "public", "protected"})
_SIDECAR_KEYS = ("photoTakenTime", "geoDataExif", "geoData", "imageViews", "creationTime")
_MIN_PREFIX = 12
"""A clipped sidecar name must keep at least this much of the media name to be matched."""


def normalise_name(name: str) -> str:
    """The pairing key of a file name: NFC, no-break spaces as spaces, case kept."""
    return unicodedata.normalize("NFC", name).replace("\u00a0", " ").replace("\u202f", " ")


def is_media_name(name: str) -> bool:
    """A photo or video file name (by extension)."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return is_image_name(name) or ext in VIDEO_EXTENSIONS or ext in OTHER_MEDIA_EXTENSIONS


def is_sidecar_doc(doc: Any) -> bool:
    """A photo/video sidecar by its content."""
    return isinstance(doc, dict) and any(key in doc for key in _SIDECAR_KEYS)


def sidecar_base(name: str) -> tuple[str, str]:
    """``(media name the sidecar was cut from, duplicate marker)`` of a sidecar file name.

    ``IMG.jpg.supplemental-metad.json`` → (``IMG.jpg``, ""); ``IMG.JPG(1).json`` →
    (``IMG.JPG``, "(1)"); ``IMG.jpg.supplemental-metadata(2).json`` → (``IMG.jpg``, "(2)").
    The base may still be a clipped prefix of the media name.
    """
    stem = name[: -len(".json")] if name.lower().endswith(".json") else name
    dup = ""
    match = _DUP.search(stem)
    if match:
        dup, stem = match.group(0), stem[: match.start()]
    dot = stem.rfind(".")
    if dot >= 0:
        tail = stem[dot + 1 :].lower()
        if _SUPPLEMENTAL.startswith(tail) and (tail or stem.endswith(".")):
            stem = stem[:dot]
    return stem, dup


def _split_dup(name: str) -> tuple[str, str]:
    """``IMG(1).JPG`` → (``IMG.JPG``, "(1)")."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    match = _DUP.search(stem)
    if not match:
        return name, ""
    plain = stem[: match.start()] + (f".{ext}" if dot else "")
    return plain, match.group(0)


def edited_original(name: str) -> str | None:
    """``IMG-edited.JPG`` → ``IMG.JPG`` (any localized "edited" suffix), else None."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return None
    lowered = stem.lower()
    for suffix in _EDITED:
        if lowered.endswith(suffix):
            return stem[: -len(suffix)] + "." + ext
    return None


@dataclass(slots=True)
class _Folder:
    """One folder of the library, relative to the Takeout root (merged across parts)."""

    media: dict[str, Member] = field(default_factory=dict)
    """Normalised file name → member."""
    jsons: list[Member] = field(default_factory=list)
    others: list[Member] = field(default_factory=list)


@dataclass(slots=True)
class _Sidecar:
    member: Member
    doc: dict[str, Any]
    base: str
    dup: str
    media: list[Member] = field(default_factory=list)


@dataclass(slots=True)
class PhotosReader:
    """Reads the Google Photos members of one archive."""

    platform: str
    archive: Archive
    notes: ReadNotes
    folder_of: Callable[[str], str]
    """``member path → folder key`` (the folder relative to the Takeout root)."""

    def records(self, members: list[Member]) -> Iterator[Record]:
        folders: dict[str, _Folder] = defaultdict(_Folder)
        for member in members:
            folder = folders[self.folder_of(member.path)]
            name = normalise_name(member.path.rsplit("/", 1)[-1])
            if name.lower().endswith(".json"):
                folder.jsons.append(member)
            elif is_media_name(name):
                folder.media.setdefault(name, member)
            else:
                folder.others.append(member)
        for key in sorted(folders):
            yield from self._folder(folders[key])

    # -- one folder ------------------------------------------------------------------------

    def _folder(self, folder: _Folder) -> Iterator[Record]:
        sidecars: list[_Sidecar] = []
        shared = False
        for member in folder.jsons:
            try:
                doc = load_json(self.archive, member)
            except MemberError as exc:
                self.notes.skip(member.path, str(exc))
                continue
            name = normalise_name(member.path.rsplit("/", 1)[-1])
            if is_sidecar_doc(doc):
                assert isinstance(doc, dict)
                base, dup = sidecar_base(name)
                sidecars.append(_Sidecar(member, doc, base, dup))
            elif isinstance(doc, dict) and "title" in doc:
                shared = shared or _album_shared(doc)
                yield from self._album(member, doc)
            else:
                yield from self._unknown(member, doc)
        exposure = Exposure.FOLLOWERS if shared else Exposure.ACCOUNT
        paired = self._pair(sidecars, folder.media)
        for sidecar in sidecars:
            yield from self._photo(sidecar, exposure)
        for name in sorted(folder.media):
            if name not in paired:
                yield from self._photo_without_sidecar(folder.media[name], exposure)

    def _pair(self, sidecars: list[_Sidecar], media: dict[str, Member]) -> set[str]:
        """Attach media to sidecars; returns the names of paired media."""
        paired: set[str] = set()
        by_plain: dict[tuple[str, str], list[str]] = defaultdict(list)
        for name in media:
            by_plain[_split_dup(name)].append(name)
        plains = sorted(by_plain)

        def free(key: tuple[str, str]) -> list[str]:
            return [n for n in by_plain.get(key, ()) if n not in paired]

        def attach(sidecar: _Sidecar, name: str) -> None:
            sidecar.media.append(media[name])
            paired.add(name)

        # 1. exact: the sidecar base is the whole media name
        pending: list[_Sidecar] = []
        for sidecar in sidecars:
            names = free((sidecar.base, sidecar.dup))
            if not names and not sidecar.dup and sidecar.base in media:
                names = [sidecar.base] if sidecar.base not in paired else []
            if names:
                attach(sidecar, names[0])
            else:
                pending.append(sidecar)
        # 2. a clipped name (the base is a prefix of the media name), or the stored title
        for sidecar in pending:
            title = sidecar.doc.get("title")
            title_key = normalise_name(title) if isinstance(title, str) else None
            candidates = free((title_key, sidecar.dup)) if title_key is not None else []
            if not candidates and len(sidecar.base) >= _MIN_PREFIX:
                index = bisect_left(plains, (sidecar.base, ""))
                while index < len(plains) and plains[index][0].startswith(sidecar.base):
                    if plains[index][1] == sidecar.dup:
                        candidates.extend(free(plains[index]))
                    index += 1
            if candidates:
                attach(sidecar, min(candidates, key=lambda n: (len(n), n)))
        # 3. edited copies follow their original
        owner = {normalise_name(s.media[0].path.rsplit("/", 1)[-1]): s for s in sidecars if s.media}
        for name in media:
            original = edited_original(name)
            if name not in paired and original is not None and original in owner:
                attach(owner[original], name)
        return paired

    # -- records -------------------------------------------------------------------------------

    def _photo(self, sidecar: _Sidecar, exposure: Exposure) -> Iterator[Record]:
        doc = sidecar.doc
        points = _sidecar_points(doc)
        fields = _sidecar_fields(doc)
        when = _taken_at(doc)
        url = doc.get("url") if isinstance(doc.get("url"), str) else None
        if url is not None and not url.startswith("https://photos.google.com/"):
            url = None
        is_video = _is_video(sidecar.media[0].path if sidecar.media else sidecar.base)
        label = _label("video" if is_video else "photo", exposure)
        if points or fields:
            yield Record(
                platform=self.platform,
                archive=self.archive.display,
                path=sidecar.member.path,
                pointer="",
                kind=Kind.MEDIA,
                exposure=exposure,
                author_is_self=True,
                timestamp=when,
                url=url,
                fields=fields,
                points=points,
                label=label,
            )
        seen_points = list(points)
        seen_devices: set[tuple[str, str]] = set()
        for member in sidecar.media:
            if not is_image_name(member.path):
                continue
            record = self._exif_record(
                member, exposure, when, url, seen_points, seen_devices, label
            )
            if record is not None:
                yield record

    def _photo_without_sidecar(self, member: Member, exposure: Exposure) -> Iterator[Record]:
        if not is_image_name(member.path):
            return
        record = self._exif_record(
            member, exposure, None, None, [], set(), _label("photo", exposure)
        )
        if record is not None:
            yield record

    def _exif_record(
        self,
        member: Member,
        exposure: Exposure,
        when: datetime | None,
        url: str | None,
        seen_points: list[GeoPoint],
        seen_devices: set[tuple[str, str]],
        label: str,
    ) -> Record | None:
        try:
            meta = photo_metadata(self.archive, member)
        except (MemberError, MediaError) as exc:
            self.notes.skip(member.path, str(exc))
            return None
        points = []
        for point in meta.points:
            if any(_near(point, seen) for seen in seen_points):
                continue
            seen_points.append(point)
            points.append(point)
        fields = []
        for item in meta.fields:
            key = (item.name, item.text)
            if key not in seen_devices:
                seen_devices.add(key)
                fields.append(item)
        if not points and not fields:
            return None
        return Record(
            platform=self.platform,
            archive=self.archive.display,
            path=member.path,
            pointer="",
            kind=Kind.MEDIA,
            exposure=exposure,
            author_is_self=True,
            timestamp=when or meta.taken_at,
            url=url,
            fields=tuple(fields),
            points=tuple(points),
            label=label,
        )

    def _album(self, member: Member, doc: dict[str, Any]) -> Iterator[Record]:
        """The album's own description is the user's text (title: a NAME-like label)."""
        description = doc.get("description")
        if isinstance(description, str) and description.strip():
            yield Record(
                platform=self.platform,
                archive=self.archive.display,
                path=member.path,
                pointer="",
                kind=Kind.OTHER,
                exposure=Exposure.FOLLOWERS if _album_shared(doc) else Exposure.ACCOUNT,
                author_is_self=True,
                fields=(Field("description", "/description", description, Role.TEXT),),
                label="Google Photos album description",
            )

    def _unknown(self, member: Member, doc: Any) -> Iterator[Record]:
        fields = json_fields(doc)
        if fields:
            self.notes.note(
                "unrecognised Google Photos file(s) were scanned as generic JSON "
                f"(e.g. {member.path.rsplit('/', 1)[-1]})"
            )
            yield Record(
                platform=self.platform,
                archive=self.archive.display,
                path=member.path,
                pointer="",
                kind=Kind.OTHER,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                fields=fields,
                label="Google Photos data",
            )


# -- helpers -------------------------------------------------------------------------------------


def _album_shared(doc: dict[str, Any]) -> bool:
    access = doc.get("access")
    if isinstance(access, str) and access.strip().lower() in _SHARED_ACCESS:
        return True
    if doc.get("shared") is True:
        return True
    comments = doc.get("sharedAlbumComments")
    return isinstance(comments, list) and bool(comments)


def _label(what: str, exposure: Exposure) -> str:
    if exposure is Exposure.FOLLOWERS:
        return f"{what} in a shared Google Photos album"
    return f"{what} in Google Photos"


def _is_video(path: str) -> bool:
    return path.rsplit(".", 1)[-1].lower() in VIDEO_EXTENSIONS if "." in path else False


def _coordinate(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _sidecar_points(doc: dict[str, Any]) -> tuple[GeoPoint, ...]:
    points: list[GeoPoint] = []
    for key, source in (
        ("geoDataExif", "Google Photos location (from the photo's EXIF)"),
        ("geoData", "Google Photos location"),
    ):
        geo = doc.get(key)
        if not isinstance(geo, dict):
            continue
        lat, lon = _coordinate(geo.get("latitude")), _coordinate(geo.get("longitude"))
        if lat is None or lon is None or not valid_position(lat, lon):
            continue
        point = GeoPoint(lat, lon, f"/{key}", source, f"{key}.latitude/longitude")
        if not any(_near(point, seen) for seen in points):
            points.append(point)
    return tuple(points)


def _sidecar_fields(doc: dict[str, Any]) -> tuple[Field, ...]:
    fields: list[Field] = []
    description = doc.get("description")
    if isinstance(description, str) and description.strip():
        fields.append(Field("description", "/description", description, Role.TEXT))
    people = doc.get("people")
    if isinstance(people, list):
        for index, person in enumerate(people):
            name = person.get("name") if isinstance(person, dict) else None
            if isinstance(name, str) and name.strip():
                fields.append(
                    Field("name", join_pointer("/people", index, "name"), name, Role.NAME)
                )
    return tuple(fields)


def _taken_at(doc: dict[str, Any]) -> datetime | None:
    for key in ("photoTakenTime", "creationTime"):
        node = doc.get(key)
        if isinstance(node, dict):
            when = epoch_time(node.get("timestamp"), 1)
            if when is not None and when.year > 1971:
                return when
    return None


def _near(a: GeoPoint, b: GeoPoint) -> bool:
    return distance_m(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_METRES
