"""Local time for inference: which clock the archive's owner lives by.

Timestamps in exports are UTC; "night at home" and "weekdays 9 to 5" are local. The zone is
chosen once per scan, most reliable first:

1. an account time-zone setting read from the export (IANA names, ``UTC+02:00`` offsets and
   the "Pacific Time (US & Canada)" style names some platforms store);
2. the zone of the place the owner's positions cluster around most (the offline gazetteer
   gives the nearest town's IANA zone, so daylight saving time is right);
3. the posting-hour histogram: people are quietest around 03:00–05:00 local, so the
   quietest five-hour window of their UTC activity gives a whole-hour offset (needs at
   least :data:`MIN_TIMED_ITEMS` timed items).

A position's own local time uses the gazetteer zone of that position, or, far from any
town, the offset its longitude implies (15° per hour).
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from privaudit.assess.inference.gazetteer import gazetteer

MIN_TIMED_ITEMS = 50
QUIET_HOURS = 5
QUIET_CENTRE_LOCAL = 3.5
"""Centre of the assumed quiet window, local time (the quiet hours are ~01:00–06:00)."""

NAMED_ZONES: dict[str, str] = {
    "pacific time (us & canada)": "America/Los_Angeles",
    "mountain time (us & canada)": "America/Denver",
    "central time (us & canada)": "America/Chicago",
    "eastern time (us & canada)": "America/New_York",
    "atlantic time (canada)": "America/Halifax",
    "alaska": "America/Juneau",
    "hawaii": "Pacific/Honolulu",
    "arizona": "America/Phoenix",
    "utc": "UTC",
    "gmt": "UTC",
    "london": "Europe/London",
    "edinburgh": "Europe/London",
    "dublin": "Europe/Dublin",
    "lisbon": "Europe/Lisbon",
    "bern": "Europe/Zurich",
    "kyiv": "Europe/Kyiv",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "osaka": "Asia/Tokyo",
    "sapporo": "Asia/Tokyo",
    "wellington": "Pacific/Auckland",
    "brasilia": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires",
}
"""Time-zone names of account settings that are not IANA names ("Rails" style)."""
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _zone(name: str) -> tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


@lru_cache(maxsize=1)
def _by_city() -> dict[str, str]:
    names: dict[str, str] = {}
    try:
        available = zoneinfo.available_timezones()
    except OSError:  # pragma: no cover - no tz database at all
        return names
    for name in sorted(available):
        names.setdefault(name.rsplit("/", 1)[-1].replace("_", " ").lower(), name)
    return names


def parse_zone(value: str) -> tzinfo | None:
    """A zone from an account setting, or None when it cannot be read."""
    text = value.strip()
    if not text or len(text) > 64:
        return None
    if "/" in text and (zone := _zone(text)):
        return zone
    lowered = text.lower()
    if lowered in NAMED_ZONES:
        return _zone(NAMED_ZONES[lowered])
    if found := _OFFSET.match(text):
        sign = -1 if found.group(1) == "-" else 1
        hours, minutes = int(found.group(2)), int(found.group(3) or 0)
        if hours <= 14 and minutes < 60:
            return timezone(sign * timedelta(hours=hours, minutes=minutes))
    city = _by_city().get(lowered)
    return _zone(city) if city else None


def zone_at(lat: float, lon: float) -> tzinfo:
    """The zone of a position: the nearest town's, else its longitude's whole-hour offset."""
    return _zone_at(round(lat, 2), round(lon, 2))


@lru_cache(maxsize=65536)
def _zone_at(lat: float, lon: float) -> tzinfo:
    """:func:`zone_at` on a ~1 km grid: neighbouring clusters share one look-up."""
    places = gazetteer()
    name = places.timezone(lat, lon) if places else None
    if name and (zone := _zone(name)):
        return zone
    return fixed_offset(round(lon / 15))


def fixed_offset(hours: int) -> tzinfo:
    """A fixed ``UTC±hh`` zone."""
    hours = max(-12, min(14, hours))
    return UTC if hours == 0 else timezone(timedelta(hours=hours))


def zone_name(zone: tzinfo) -> str:
    """A printable name: the IANA key, or ``UTC±hh:mm``."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    offset = zone.utcoffset(None) or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_from_hours(utc_hours: list[int]) -> tuple[tzinfo, str] | None:
    """A whole-hour offset from a 24-bucket UTC activity histogram, with the reason."""
    total = sum(utc_hours)
    if total < MIN_TIMED_ITEMS:
        return None
    best_start, best = 0, None
    for start in range(24):
        window = sum(utc_hours[(start + i) % 24] for i in range(QUIET_HOURS))
        if best is None or window < best:
            best_start, best = start, window
    centre_utc = (best_start + QUIET_HOURS / 2) % 24
    offset = round(QUIET_CENTRE_LOCAL - centre_utc)
    offset = (offset + 12) % 24 - 12  # −12 … +11
    end = (best_start + QUIET_HOURS) % 24
    reason = f"quietest hours {best_start:02d}:00–{end:02d}:00 UTC"
    return fixed_offset(offset), reason


def local(when: datetime, zone: tzinfo) -> datetime:
    """``when`` on the local clock (naive timestamps are taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(zone)
