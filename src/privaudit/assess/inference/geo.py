"""Geometry for inference: distances, a deterministic clustering of positions, masking.

Pure Python on purpose: an archive has at most a few hundred thousand positions, and a
spatial hash (a dict of grid cells) keeps every step linear.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from privaudit.detectors.text import mask_decimal

EARTH_RADIUS_M = 6_371_008.8
CELL_M = 50.0
"""Grid cell size of the first pass (metres)."""
CLUSTER_RADIUS_M = 100.0
"""Cells whose centres are within this distance of a seed cell join its cluster."""
_M_PER_DEG_LAT = 111_195.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def usable(lat: float, lon: float) -> bool:
    """A real position: finite, in range, not the 0/0 placeholder."""
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return False
    return not (lat == 0.0 and lon == 0.0)


def masked(lat: float, lon: float) -> str:
    """The masked form every location finding uses."""
    return f"{mask_decimal(lat)}, {mask_decimal(lon)}"


@dataclass(slots=True)
class Cluster:
    """Positions within about :data:`CLUSTER_RADIUS_M` of a dense centre."""

    members: list[int] = field(default_factory=list)
    """Indexes into the clustered point list."""
    lat: float = 0.0
    lon: float = 0.0
    radius_m: float = 0.0
    """Distance from the centre that holds 90 % of the members (at least 10 m)."""


def _cell(lat: float, lon: float) -> tuple[int, int]:
    row = math.floor(lat * _M_PER_DEG_LAT / CELL_M)
    # Columns are scaled by the row's latitude so cells stay roughly square.
    scale = max(math.cos(math.radians((row + 0.5) * CELL_M / _M_PER_DEG_LAT)), 0.01)
    col = math.floor(lon * _M_PER_DEG_LAT * scale / CELL_M)
    return row, col


def cluster(points: Sequence[tuple[float, float]]) -> list[Cluster]:
    """Deterministic density-first clustering of ``(lat, lon)`` points.

    1. Points are binned into ~50 m grid cells (a spatial hash).
    2. Cells are visited densest first (ties by cell key); an unassigned cell becomes a seed
       and takes every unassigned cell whose mean position is within 100 m of the seed's.
    3. A cluster's centre is the mean of its points; its radius holds 90 % of them.

    Clusters never chain across a city (every cell is judged against its seed), and the
    result depends only on the points, not on their order.
    """
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, (lat, lon) in enumerate(points):
        cells[_cell(lat, lon)].append(index)
    centre: dict[tuple[int, int], tuple[float, float]] = {}
    for key, members in cells.items():
        centre[key] = (
            sum(points[i][0] for i in members) / len(members),
            sum(points[i][1] for i in members) / len(members),
        )
    reach = math.ceil(CLUSTER_RADIUS_M / CELL_M) + 1
    assigned: set[tuple[int, int]] = set()
    clusters: list[Cluster] = []
    for key in sorted(cells, key=lambda k: (-len(cells[k]), k)):
        if key in assigned:
            continue
        assigned.add(key)
        seed_lat, seed_lon = centre[key]
        group = [key]
        row, col = key
        for dr in range(-reach, reach + 1):
            for dc in range(-reach - 1, reach + 2):
                other = (row + dr, col + dc)
                if other in assigned or other not in cells:
                    continue
                if distance_m(seed_lat, seed_lon, *centre[other]) <= CLUSTER_RADIUS_M:
                    assigned.add(other)
                    group.append(other)
        members = sorted(i for k in group for i in cells[k])
        clusters.append(_finish(members, points))
    return clusters


def _finish(members: list[int], points: Sequence[tuple[float, float]]) -> Cluster:
    lat = sum(points[i][0] for i in members) / len(members)
    lon = sum(points[i][1] for i in members) / len(members)
    distances = sorted(distance_m(lat, lon, *points[i]) for i in members)
    radius = distances[min(len(distances) - 1, math.ceil(0.9 * len(distances)) - 1)]
    return Cluster(members=members, lat=lat, lon=lon, radius_m=max(10.0, radius))
