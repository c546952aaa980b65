"""The pipeline: paths → archives → platform records → detector matches → assessed result.

This module wires the layers and nothing more. It is also the safety net of principle 5:
whatever one member or one reader does, the rest of the archive is still scanned and the
failure becomes a plain-language skipped entry, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from privaudit.archive import ArchiveError, Limits, open_archive
from privaudit.archive.composite import CompositeArchive, group_parts
from privaudit.archive.interface import Archive, Member
from privaudit.assess import Collector, Hit, OwnFacts, assess
from privaudit.detectors import detect
from privaudit.detectors.interface import DetectContext
from privaudit.model import ArchiveSummary, Record, ScanResult, Skipped
from privaudit.platforms import GENERIC, Platform, ReadNotes, detect_platforms

ProgressCallback = Callable[[str, int, int], None]
"""Called as ``(archive, members done, members total)`` while scanning."""


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How to scan."""

    limits: Limits = field(default_factory=Limits)
    now: datetime | None = None
    org_keywords: tuple[str, ...] = ()
    """Organisation words (codenames, client names) the workplace rules treat as confidential."""
    disabled_rules: frozenset[str] = frozenset()
    """Rule ids whose matches are dropped before assessment (policy configuration)."""


class NothingScanned(Exception):
    """No path could be read at all (exit code 2)."""


def scan(
    paths: Sequence[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    progress: ProgressCallback | None = None,
) -> ScanResult:
    """Scan every path and assess the findings of all of them together."""
    options = options or ScanOptions()
    now = options.now or datetime.now(UTC)
    facts = OwnFacts()
    collector = Collector()
    hits: list[Hit] = []
    summaries: list[ArchiveSummary] = []
    total_records = 0
    readable = 0
    for group in group_parts(paths):
        summary = ArchiveSummary(path=_display(group))
        summaries.append(summary)
        archive = _open_group(group, options.limits, summary)
        if archive is None:
            continue
        with archive:
            # The phone region is the owner's in *this* export: a US X archive and a French
            # Instagram export scanned together each read national numbers their own way.
            local = OwnFacts()
            for record in _records(archive, summary, progress):
                total_records += 1
                collector.observe(record)  # every record: others' wishes count too
                if not record.author_is_self:
                    continue
                ctx = DetectContext(region=local.region, now=now, org_keywords=options.org_keywords)
                matches = detect(record, ctx)
                if options.disabled_rules:
                    matches = [m for m in matches if m.rule not in options.disabled_rules]
                if not matches:
                    continue
                facts.observe(record, matches)
                local.observe(record, matches)
                hits.extend(Hit(record, m) for m in matches)
            summary.skipped.extend(archive.skipped)
            if _anything_read(summary):
                readable += 1
    if readable == 0:
        raise NothingScanned("; ".join(_why_unread(a) for a in summaries))
    assessed = assess(hits, facts, collector, now)
    summaries[0].notes.extend(assessed.notes)
    return ScanResult(
        archives=summaries,
        findings=assessed.findings,
        grade=assessed.grade,
        records=total_records,
        generated_at=now,
        action_plan=assessed.action_plan,
        profile=assessed.profile,
    )


def _display(group: list[str | os.PathLike[str]]) -> str:
    if len(group) == 1:
        return str(group[0])
    return f"{group[0]} (+{len(group) - 1} more part{'s' if len(group) > 2 else ''})"


def _open_group(
    group: list[str | os.PathLike[str]], limits: Limits, summary: ArchiveSummary
) -> Archive | None:
    """One archive for a path, or one composite for the parts of a split export."""
    opened: list[Archive] = []
    for path in group:
        try:
            opened.append(open_archive(path, limits))
        except ArchiveError as exc:
            summary.skipped.append(Skipped(path=str(path), reason=str(exc)))
    if not opened:
        return None
    if len(group) == 1:
        return opened[0]
    summary.notes.append(f"{len(group)} parts of one split export, scanned together")
    return CompositeArchive(opened, summary.path, limits)


def _why_unread(summary: ArchiveSummary) -> str:
    if not summary.skipped:
        return f"{summary.path}: " + ("; ".join(summary.notes) or "nothing readable found")
    return "; ".join(
        s.reason if s.reason.startswith(s.path) else f"{summary.path}: {s.reason}"
        for s in summary.skipped
    )


def _anything_read(summary: ArchiveSummary) -> bool:
    """False when every member was skipped: the path is not something privaudit can read."""
    skipped = {s.path for s in summary.skipped}
    return summary.records > 0 or summary.members > len(skipped)


def _records(
    archive: Archive, summary: ArchiveSummary, progress: ProgressCallback | None
) -> Iterator[Record]:
    """All records of one archive: each detected platform's, then the generic reader's."""
    members = archive.members()
    summary.members = len(members)
    if not members and not archive.skipped:
        summary.notes.append("the archive is empty: nothing to scan")
    notes = ReadNotes(archive)
    platforms = detect_platforms(archive, members)
    summary.platforms = [p.name for p in platforms]
    claimed: set[str] = set()
    done = 0
    for platform in platforms:
        mine = [m for m in members if m.path not in claimed and platform.claims(m)]
        claimed.update(m.path for m in mine)
        yield from _guarded(platform, archive, mine, notes, summary)
        done += len(mine)
        if progress:
            progress(archive.display, done, len(members))
    rest = [m for m in members if m.path not in claimed]
    if rest:
        if platforms:
            summary.notes.append(
                f"{len(rest)} file(s) outside the recognised export were scanned generically"
            )
        elif members:
            summary.notes.append("no known platform export recognised: scanned generically")
        before = summary.records
        yield from _guarded(GENERIC, archive, rest, notes, summary)
        if GENERIC.name not in summary.platforms and summary.records > before:
            summary.platforms.append(GENERIC.name)
    if progress:
        progress(archive.display, len(members), len(members))
    summary.notes.extend(n for n in notes.notes if n not in summary.notes)


def _guarded(
    platform: Platform,
    archive: Archive,
    members: list[Member],
    notes: ReadNotes,
    summary: ArchiveSummary,
) -> Iterator[Record]:
    """A reader's records; a reader bug skips the rest of that reader, not the scan."""
    try:
        for record in platform.read(archive, members, notes):
            summary.records += 1
            yield record
    except Exception as exc:
        archive.skip(
            f"({platform.title} reader)",
            f"stopped early on an unexpected problem ({type(exc).__name__}: {exc}); "
            "please report it",
        )
