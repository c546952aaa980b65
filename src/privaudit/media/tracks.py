"""GPS tracks and placemarks — GPX, KML and KMZ files — as a bounded list of positions.

Exports hold these as location history (a KML per day), fitness activities (GPX), saved
places and shared routes. Every point is a place the person was; the first and last points
of a track are usually home.

What is returned: positions from GPX ``<trkpt>``, ``<wpt>`` and ``<rtept>`` (``lat``/``lon``
attributes) and from KML ``<coordinates>`` (``lon,lat[,alt]`` tuples, in ``<Point>``,
``<LineString>``, polygons) and ``<gx:coord>`` (``lon lat alt``), thinned to what a person
needs to see: the first point, then every point at least :data:`TRACK_SPACING_M` from the
last one kept and not within :data:`~privaudit.media.xmp.MERGE_RADIUS_M` of any kept one
(a track returning home does not report home twice), and the last point — at most
:data:`MAX_TRACK_POINTS` in all. When a long track would give more, the spacing doubles
until it fits, so the points still cover the whole track. Names of tracks and places
(``<name>``) become ``TEXT`` fields ("Home", "Kids' school"), at most :data:`MAX_NAMES`;
the first timestamp becomes ``taken_at``.

Parsing is streaming (expat, chunk by chunk: a year of location history can be hundreds of
MB) and safe: a DOCTYPE or entity declaration is refused (see :mod:`privaudit.media.xmp`),
element nesting is bounded, and a KMZ (a zip holding ``doc.kml``) is opened from bytes with
its compressed and inflated sizes bounded. Only :class:`~privaudit.media.exif.MediaError`
leaves this module.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final
from xml.parsers import expat

from privaudit.media.exif import MediaError, PhotoMetadata
from privaudit.media.xmp import (
    DTD_REASON,
    MERGE_RADIUS_M,
    DtdRefused,
    distance_m,
    parse_datetime,
    reject_dtd,
    safe_expat_parser,
    valid_position,
)
from privaudit.model import Field, GeoPoint, Role

__all__ = [
    "MAX_KML_BYTES",
    "MAX_KMZ_BYTES",
    "MAX_NAMES",
    "MAX_TRACK_POINTS",
    "TRACK_EXTENSIONS",
    "TRACK_SPACING_M",
    "is_track_name",
    "read_kmz",
    "read_track",
]

TRACK_EXTENSIONS: Final = frozenset({"gpx", "kml", "kmz"})
MAX_TRACK_POINTS: Final = 500
"""Most positions returned for one file."""
TRACK_SPACING_M: Final = 200.0
"""Smallest distance between consecutive returned positions (grows for long tracks)."""
MAX_NAMES: Final = 50
"""Most track/place name fields returned for one file."""
MAX_KMZ_BYTES: Final = 64 << 20
"""Largest KMZ (compressed) we open."""
MAX_KML_BYTES: Final = 512 << 20
"""Most inflated bytes read from the KML inside a KMZ."""

_CHUNK: Final = 1 << 20
_MAX_DEPTH: Final = 256
_MAX_TEXT: Final = 512
_CELL_M: Final = 100.0
"""Grid cell for the "near a kept point" test (larger than :data:`MERGE_RADIUS_M`)."""
_METRES_PER_DEGREE: Final = 111_320.0
_RADIANS_TO_METRES: Final = math.radians(1) * 6_371_008.8
"""Metres per degree of latitude on the sphere :func:`distance_m` uses."""

_UNREADABLE: Final = "damaged GPS track file (not well-formed XML)"
_NOT_TRACK: Final = "not a GPX or KML file"
_TOO_DEEP: Final = "GPS track file is malformed (elements nested too deeply)"
_BAD_KMZ: Final = "damaged KMZ file (not a readable zip)"
_NO_KML: Final = "KMZ file without a KML document"
_KMZ_TOO_LARGE: Final = "KMZ file is too large to read"

_GPX_POINTS: Final = {"trkpt": "trkpt", "wpt": "wpt", "rtept": "rtept"}
_TRACK_PARENTS: Final = frozenset({"gpx", "metadata", "trk", "rte", "Document", "Folder"})
_PLACE_PARENTS: Final = frozenset({"wpt", "rtept", "trkpt", "Placemark"})
_TIME_TAGS: Final = frozenset({"time", "when", "begin"})
_GX: Final = "http://www.google.com/kml/ext/2.2"


def is_track_name(path: str) -> bool:
    """True when *path*'s extension is ``.gpx``, ``.kml`` or ``.kmz`` (any case)."""
    name = path.rpartition("/")[2].rpartition("\\")[2]
    stem, dot, ext = name.rpartition(".")
    return bool(dot and stem) and ext.lower() in TRACK_EXTENSIONS


def read_track(data: bytes | Iterable[bytes]) -> PhotoMetadata:
    """Positions, names and first time of a GPX or KML document.

    *data* is the whole file, or an iterable of its chunks (streamed: memory stays bounded
    whatever the file's size). Raises :class:`MediaError` (only) when it is not a GPX/KML
    document or is damaged or hostile.
    """
    chunks: Iterable[bytes] = [bytes(data)] if isinstance(data, bytes | bytearray) else data
    try:
        return _Reader().run(chunks)
    except MediaError:
        raise
    except Exception as exc:
        raise MediaError(_UNREADABLE) from exc


def read_kmz(data: bytes) -> PhotoMetadata:
    """Positions, names and first time of a KMZ: the zip's ``doc.kml`` (else its first
    ``.kml``)."""
    if len(data) > MAX_KMZ_BYTES:
        raise MediaError(_KMZ_TOO_LARGE)
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as kmz:
            infos = [info for info in kmz.infolist() if info.filename.lower().endswith(".kml")]
            if not infos:
                raise MediaError(_NO_KML)
            chosen = next((i for i in infos if i.filename.lower() == "doc.kml"), infos[0])
            if chosen.file_size > MAX_KML_BYTES:
                raise MediaError(_KMZ_TOO_LARGE)
            with kmz.open(chosen) as stream:
                return read_track(_bounded_chunks(stream))
    except MediaError:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, encrypted or unknown compression…
        raise MediaError(_BAD_KMZ) from exc


def _bounded_chunks(stream: Any) -> Iterable[bytes]:
    left = MAX_KML_BYTES
    while True:
        chunk = stream.read(min(_CHUNK, left + 1))
        if not chunk:
            return
        left -= len(chunk)
        if left < 0:
            raise MediaError(_KMZ_TOO_LARGE)
        yield chunk


_Point = tuple[float, float, str]
"""(lat, lon, tag) of a track point; GeoPoints are made only for the points kept."""


def _far(a: _Point, b: _Point, metres: float) -> bool:
    """``distance_m(a, b) >= metres``; the latitude difference alone settles most pairs
    (an arc is never shorter than its north-south part), so haversine runs rarely."""
    if abs(a[0] - b[0]) * _RADIANS_TO_METRES >= metres:
        return True
    return distance_m(a[0], a[1], b[0], b[1]) >= metres


class _Thinner:
    """Keeps a bounded, spread-out subset of a stream of points (see the module docstring)."""

    def __init__(self) -> None:
        self.spacing = TRACK_SPACING_M
        self.kept: list[_Point] = []
        self.cells: set[tuple[int, int]] = set()
        self.last: _Point | None = None

    def add(self, point: _Point) -> None:
        self.last = point
        kept = self.kept
        if kept and (not _far(kept[-1], point, self.spacing) or self._near(point)):
            return
        kept.append(point)
        self.cells.add(self._cell(point))
        while len(self.kept) >= MAX_TRACK_POINTS:  # keep one place for the last point
            self._coarsen()

    def result(self, source: str) -> tuple[GeoPoint, ...]:
        points = list(self.kept)
        last = self.last
        if last is not None and points and last is not points[-1] and not self._near(last):
            points.append(last)
        return tuple(GeoPoint(lat, lon, "", source, tag) for lat, lon, tag in points)

    def _coarsen(self) -> None:
        self.spacing *= 2
        old, self.kept, self.cells = self.kept, [], set()
        for point in old:
            if not self.kept or (
                _far(self.kept[-1], point, self.spacing) and not self._near(point)
            ):
                self.kept.append(point)
                self.cells.add(self._cell(point))

    @staticmethod
    def _cell(point: _Point) -> tuple[int, int]:
        y = point[0] * _METRES_PER_DEGREE
        x = point[1] * _METRES_PER_DEGREE * math.cos(math.radians(point[0]))
        return math.floor(y / _CELL_M), math.floor(x / _CELL_M)

    def _near(self, point: _Point) -> bool:
        """Within MERGE_RADIUS_M of a kept point (checked only when a neighbour cell is
        occupied, so the common case costs a few set look-ups)."""
        row, col = self._cell(point)
        cells = self.cells
        if not any((row + dr, col + dc) in cells for dr in (-1, 0, 1) for dc in (-1, 0, 1)):
            return False
        return any(not _far(kept, point, MERGE_RADIUS_M) for kept in self.kept)


class _Reader:
    """expat handlers for GPX and KML, kept to what we report."""

    def __init__(self) -> None:
        self.kind = ""  # "GPX" or "KML", from the root element
        self.stack: list[str] = []
        self.thinner = _Thinner()
        self.names: list[Field] = []
        self.seen_names: set[tuple[str, str]] = set()
        self.point_time: datetime | None = None
        self.any_time: datetime | None = None
        self.text: list[str] | None = None  # text of a name/time/gx:coord being collected
        self.text_len = 0
        self.coordinates: str | None = None  # unparsed tail of a <coordinates> element
        self.in_point = 0  # depth inside a GPX point element

    def run(self, chunks: Iterable[bytes]) -> PhotoMetadata:
        parser = safe_expat_parser()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data
        parser.buffer_text = True
        first = True
        try:
            for chunk in chunks:
                if first:
                    reject_dtd(chunk[:_CHUNK])
                    first = False
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except DtdRefused:
            raise MediaError(DTD_REASON) from None
        except expat.ExpatError as exc:
            raise MediaError(_UNREADABLE if self.kind else _NOT_TRACK) from exc
        if not self.kind:
            raise MediaError(_NOT_TRACK)
        return PhotoMetadata(
            points=self.thinner.result(self.kind),
            fields=tuple(self.names),
            taken_at=self.point_time or self.any_time,
        )

    # -- handlers --------------------------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        uri, _, local = name.rpartition("}")
        if not self.stack:
            if local not in ("gpx", "kml"):
                raise MediaError(_NOT_TRACK)
            self.kind = local.upper()
        if len(self.stack) >= _MAX_DEPTH:
            raise MediaError(_TOO_DEEP)
        self.stack.append(local)
        if self.kind == "GPX" and local in _GPX_POINTS:
            self.in_point += 1
            self._gpx_point(local, attrs)
        elif local == "coordinates" and self.kind == "KML":
            self.coordinates = ""
        elif (
            local == "name"
            or (local in _TIME_TAGS and self.point_time is None)
            or (local == "coord" and uri == _GX and self.kind == "KML")
        ):
            self.text, self.text_len = [], 0

    def end(self, name: str) -> None:
        local = name.rpartition("}")[2]
        parent = self.stack[-2] if len(self.stack) >= 2 else ""
        if self.stack:
            self.stack.pop()
        if self.kind == "GPX" and local in _GPX_POINTS:
            self.in_point -= 1
        elif local == "coordinates" and self.coordinates is not None:
            self._kml_tuples(self.coordinates, final=True)
            self.coordinates = None
        elif self.text is not None:
            text = "".join(self.text).strip()
            self.text = None
            if local == "name":
                self._name(parent, text)
            elif local in _TIME_TAGS:
                self._time(text)
            elif local == "coord":
                self._gx_coord(text)

    def data(self, text: str) -> None:
        if self.coordinates is not None:
            self._kml_tuples(self.coordinates + text, final=False)
        elif self.text is not None and self.text_len < _MAX_TEXT:
            self.text.append(text[: _MAX_TEXT - self.text_len])
            self.text_len += len(text)

    # -- values ----------------------------------------------------------------------------

    def _add(self, lat: float, lon: float, tag: str) -> None:
        if valid_position(lat, lon):
            self.thinner.add((lat, lon, tag))

    def _gpx_point(self, tag: str, attrs: dict[str, str]) -> None:
        lat, lon = _number(attrs.get("lat")), _number(attrs.get("lon"))
        if lat is not None and lon is not None:
            self._add(lat, lon, tag)

    def _kml_tuples(self, text: str, *, final: bool) -> None:
        """Parse the complete ``lon,lat[,alt]`` tuples of *text*; keep an unfinished one."""
        tokens = text.split()
        tail = ""
        if tokens and not final and not text[-1:].isspace():
            tail = tokens.pop()
        for token in tokens:
            parts = token.split(",")
            if len(parts) >= 2:
                lon, lat = _number(parts[0]), _number(parts[1])
                if lat is not None and lon is not None:
                    self._add(lat, lon, "coordinates")
        if len(tail) > _MAX_TEXT:  # not a coordinate: poison it so it never parses
            tail = "\x00"
        self.coordinates = None if final else tail

    def _gx_coord(self, text: str) -> None:
        parts = text.split()
        if len(parts) >= 2:
            lon, lat = _number(parts[0]), _number(parts[1])
            if lat is not None and lon is not None:
                self._add(lat, lon, "gx:coord")

    def _name(self, parent: str, text: str) -> None:
        text = text[:_MAX_TEXT]
        if not text or len(self.names) >= MAX_NAMES:
            return
        if parent in _TRACK_PARENTS:
            field_name = "Track name"
        elif parent in _PLACE_PARENTS:
            field_name = "Place name"
        else:
            return
        if (field_name, text) not in self.seen_names:
            self.seen_names.add((field_name, text))
            self.names.append(Field(name=field_name, pointer="", text=text, role=Role.TEXT))

    def _time(self, text: str) -> None:
        when = parse_datetime(text)
        if when is None:
            return
        if self.in_point or self.kind == "KML":
            self.point_time = self.point_time or when
        self.any_time = self.any_time or when


def _number(text: str | None) -> float | None:
    if text is None or len(text) > 64:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
