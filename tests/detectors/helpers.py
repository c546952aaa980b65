"""Small builders for detector tests: records straight from text, no platform needed."""

from __future__ import annotations

from datetime import UTC, datetime

from privaudit.detectors import detect
from privaudit.detectors.interface import DetectContext
from privaudit.model import Exposure, Field, GeoPoint, Kind, Match, Record, Role

POSTED = datetime(2024, 3, 14, 15, 30, tzinfo=UTC)
"""Posting time of test records (a 14 March, so age statements give --03-14)."""
NOW = datetime(2025, 1, 1, tzinfo=UTC)
POINTER = "/0/tweet/full_text"


def record(
    text: str = "",
    role: Role = Role.TEXT,
    *,
    kind: Kind = Kind.POST,
    author_is_self: bool = True,
    timestamp: datetime | None = POSTED,
    points: tuple[GeoPoint, ...] = (),
    fields: tuple[Field, ...] | None = None,
) -> Record:
    """A record with one field holding ``text`` (or the given fields)."""
    if fields is None:
        fields = (Field("full_text", POINTER, text, role),)
    return Record(
        platform="x",
        archive="twitter-2024.zip",
        path="data/tweets.js",
        pointer="/0",
        kind=kind,
        exposure=Exposure.PUBLIC,
        author_is_self=author_is_self,
        timestamp=timestamp,
        fields=fields,
        points=points,
        label="tweet",
    )


def scan(rec: Record, region: str | None = None) -> list[Match]:
    """All matches of ``rec``; checks every text span points at the reported value."""
    matches = detect(rec, DetectContext(region=region, now=NOW))
    by_pointer = {f.pointer: f for f in rec.fields}
    for m in matches:
        if m.span is not None:
            field = by_pointer[m.pointer]
            assert field.text[m.span[0] : m.span[1]] == m.value, (m, field.text)
    return matches


def find(
    text: str,
    rule_prefix: str,
    role: Role = Role.TEXT,
    *,
    region: str | None = None,
    kind: Kind = Kind.POST,
    author_is_self: bool = True,
    timestamp: datetime | None = POSTED,
) -> list[Match]:
    """Matches of rules whose id starts with ``rule_prefix`` in a one-field record."""
    rec = record(text, role, kind=kind, author_is_self=author_is_self, timestamp=timestamp)
    return [m for m in scan(rec, region) if m.rule.startswith(rule_prefix)]
