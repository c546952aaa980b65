"""The pipeline: paths → archives → platform records → detector matches → assessed result.

This module wires the layers and nothing more. It is also the safety net of principle 5:
whatever one member or one reader does, the rest of the archive is still scanned and the
failure becomes a plain-language skipped entry, never a traceback.

Both cores: records are read (inflated, parsed, built) in this process, one archive member
after another, and the owner's records go to the detectors in batches. In a large archive
(:data:`POOL_MIN_BYTES` of posts and messages, or past :data:`POOL_AFTER_RECORDS` records)
the batches run in a process pool (``spawn`` start: no state is inherited; every worker
refuses the network like this process) while this process reads on, and the workers also
read the photos' metadata ahead of the readers; a small archive never pays the pool's
start-up. Results are taken back strictly in the order the records were read, and a
profile or account record (the only kind that teaches the scan a fact, such as the phone
region, that later detection depends on) waits for every batch before it, so the report is
the same with one worker or many, byte for byte.
"""

from __future__ import annotations

import atexit
import copy
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from privaudit.archive import ArchiveError, Limits, open_archive
from privaudit.archive.composite import CompositeArchive, group_parts
from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.assess import Collector, Hit, OwnFacts, assess
from privaudit.detectors import detect
from privaudit.detectors.interface import DetectContext
from privaudit.media import MediaError, PhotoMetadata
from privaudit.model import ArchiveSummary, Kind, Match, Record, ScanResult, Skipped
from privaudit.offline import forbid_network
from privaudit.platforms import DETECTION_THRESHOLD, GENERIC, PLATFORMS, Platform, ReadNotes
from privaudit.platforms.photos import is_media_name, jpeg_metadata, use_prefetched

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
    workers: int | None = None
    """Processes that run the detectors on a large archive: None for one per CPU core, 1 to
    do everything in this process. The report is the same whatever the number."""


POOL_AFTER_RECORDS = 20_000
"""An archive's first records are detected in this process; past this many the rest go to
the pool (a pool costs about a second to start: worth it only for large archives)."""
BATCH_RECORDS = 1_000
"""Records per batch sent to a worker."""
MAX_PENDING_BATCHES = 24
"""Batches in the pool at once; reading waits for the oldest beyond that (memory bound)."""
POOL_MIN_BYTES = 32 << 20
"""An archive whose non-media members add up to this much has its pool started at once."""
_FACT_KINDS = (Kind.PROFILE, Kind.ACCOUNT)


class NothingScanned(Exception):
    """No path could be read at all (exit code 2)."""


def scan(
    paths: Sequence[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    progress: ProgressCallback | None = None,
) -> ScanResult:
    """Scan every path and assess the findings of all of them together."""
    with _fewer_collections():
        return _scan(paths, options or ScanOptions(), progress)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often during a scan.

    A scan allocates millions of short-lived, acyclic objects (parsed JSON, records); with
    the default thresholds the collector runs thousands of times and each full pass walks
    every live object again (about a fifth of the reading time on a large archive). The
    objects that exist before the scan (modules, compiled patterns, lexicons) are frozen
    out of the collector's view, collections are rarer, and both are undone afterwards.
    """
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(200_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _worker_init() -> None:
    forbid_network()
    gc.set_threshold(200_000, 50, 100)


def _scan(
    paths: Sequence[str | os.PathLike[str]],
    options: ScanOptions,
    progress: ProgressCallback | None,
) -> ScanResult:
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
            large = _is_large(archive)
            detection = _Detection(options, now, facts, OwnFacts(), hits, eager=large)
            prefetch = _prefetch_photos(group, options, archive, large)
            for record in _records(archive, summary, progress):
                total_records += 1
                collector.observe(record)  # every record: others' wishes count too
                if record.author_is_self:
                    detection.add(record)
            prefetch.cancel()
            detection.finish()
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


class _Detection:
    """The detectors over one archive's own records, in reading order, here or in the pool."""

    def __init__(
        self,
        options: ScanOptions,
        now: datetime,
        facts: OwnFacts,
        local: OwnFacts,
        hits: list[Hit],
        *,
        eager: bool = False,
    ) -> None:
        self.options = options
        self.now = now
        self.facts = facts
        self.local = local
        self.hits = hits
        self.workers = _worker_count(options.workers)
        self.seen = 0
        self.batch: list[Record] = []
        self.pending: deque[tuple[list[Record], Future[list[tuple[int, list[Match]]]]]] = deque()
        self.pool: ProcessPoolExecutor | None = None
        if eager and self.workers > 1:
            self.pool = _shared_pool(self.workers)  # starts while the first members are read

    def add(self, record: Record) -> None:
        self.seen += 1
        if record.kind in _FACT_KINDS:
            # It may teach the region later records are read with: everything before it is
            # taken first, and it is detected here, exactly as in a one-process scan.
            self._drain()
            self._take(record, detect(record, self._context()))
            return
        if self.pool is None and self.workers > 1 and self.seen > POOL_AFTER_RECORDS:
            self.pool = _shared_pool(self.workers)
        if self.pool is None:
            self._take(record, detect(record, self._context()))
            return
        self.batch.append(record)
        if len(self.batch) >= BATCH_RECORDS:
            self._submit()

    def finish(self) -> None:
        self._drain()

    def _context(self) -> DetectContext:
        return DetectContext(
            region=self.local.region, now=self.now, org_keywords=self.options.org_keywords
        )

    def _submit(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        while len(self.pending) >= MAX_PENDING_BATCHES:  # bounded: memory stays flat
            self._collect_oldest()
        future: Future[list[tuple[int, list[Match]]]] | None = None
        if self.pool is not None:
            try:
                future = self.pool.submit(detect_batch, batch, self._context())
            except (BrokenProcessPool, RuntimeError):
                self._lose_pool()
        if future is None:
            self._drain()
            for index, matches in detect_batch(batch, self._context()):
                self._take(batch[index], matches)
            return
        self.pending.append((batch, future))

    def _drain(self) -> None:
        if self.pool is not None:
            self._submit()
        while self.pending:
            self._collect_oldest()

    def _collect_oldest(self) -> None:
        batch, future = self.pending.popleft()
        try:
            found = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory): redo it here
            self._lose_pool()
            found = detect_batch(batch, self._context())
        for index, matches in found:
            self._take(batch[index], matches)

    def _lose_pool(self) -> None:
        """Go on in this process: the pool is gone (its batches are redone here, in order)."""
        _discard_pool()
        self.pool = None
        self.workers = 1

    def _take(self, record: Record, matches: list[Match]) -> None:
        if self.options.disabled_rules:
            matches = [m for m in matches if m.rule not in self.options.disabled_rules]
        if not matches:
            return
        self.facts.observe(record, matches)
        self.local.observe(record, matches)
        self.hits.extend(Hit(record, m) for m in matches)


def detect_batch(records: list[Record], ctx: DetectContext) -> list[tuple[int, list[Match]]]:
    """``(index, matches)`` of the records of one batch that have matches (a worker's job)."""
    found: list[tuple[int, list[Match]]] = []
    for index, record in enumerate(records):
        matches = detect(record, ctx)
        if matches:
            found.append((index, matches))
    return found


PREFETCH_MIN_PHOTOS = 5_000
"""An archive with this many JPEG-named members has its photos' metadata read in the pool.
Starting the workers costs about a second of both cores (each imports privaudit), and a
photo's metadata about half a millisecond: fewer photos are read faster in this process."""
PREFETCH_MIN_LARGE = 256
"""The same for a large archive, whose pool starts anyway."""
PREFETCH_CHUNK = 64
"""Photos per worker task."""


class _Prefetch:
    """The photo tasks of one archive in the pool."""

    def __init__(self) -> None:
        self.by_path: dict[str, Future[dict[str, PhotoMetadata | Exception | None]]] = {}

    def lookup(self, path: str) -> PhotoMetadata | Exception | None:
        future = self.by_path.pop(path, None)
        if future is None or not future.done() or future.cancelled():
            return None
        if future.exception() is not None:  # the pool broke: read it here
            return None
        return future.result().get(path)

    def cancel(self) -> None:
        """Drop the tasks not started yet: the readers are done with the archive."""
        for future in self.by_path.values():
            future.cancel()
        self.by_path.clear()


def _is_large(archive: Archive) -> bool:
    """Enough data (posts, messages) that the pool is worth starting before reading."""
    total = sum(m.size for m in archive.members() if not is_media_name(m.path))
    return total >= POOL_MIN_BYTES


def _prefetch_photos(
    group: list[str | os.PathLike[str]], options: ScanOptions, archive: Archive, large: bool
) -> _Prefetch:
    """Have the pool read the archive's photos while this process reads everything else.

    The workers open the same paths themselves (the member list is a pure function of the
    bytes) and run :func:`~privaudit.platforms.photos.jpeg_metadata`; a reader that needs a
    photo takes the worker's result when it is ready and reads the photo itself when not,
    so nothing ever waits and the result is the same either way. Chunks are handed out from
    the last photo backwards while the readers go forwards, so the two rarely overlap.
    """
    prefetch = _Prefetch()
    workers = _worker_count(options.workers)
    if workers < 2:
        return prefetch
    photos = [m.path for m in archive.members() if m.path.lower().endswith(_JPEG_NAMES)]
    if len(photos) < (PREFETCH_MIN_LARGE if large else PREFETCH_MIN_PHOTOS):
        return prefetch
    pool = _shared_pool(workers)
    paths = tuple(os.fspath(p) for p in group)
    chunks = [photos[i : i + PREFETCH_CHUNK] for i in range(0, len(photos), PREFETCH_CHUNK)]
    try:
        for chunk in reversed(chunks):
            future = pool.submit(prefetch_photos, paths, options.limits, chunk)
            for path in chunk:
                prefetch.by_path[path] = future
    except (BrokenProcessPool, RuntimeError):
        _discard_pool()
        prefetch.cancel()
        return prefetch
    use_prefetched(archive, prefetch.lookup)
    return prefetch


_JPEG_NAMES = (".jpg", ".jpeg", ".jpe", ".jfif")
_WORKER_ARCHIVES: dict[tuple[tuple[str, ...], Limits], Archive | None] = {}


def prefetch_photos(
    paths: tuple[str, ...], limits: Limits, members: list[str]
) -> dict[str, PhotoMetadata | Exception | None]:
    """A worker's job: :func:`jpeg_metadata` of some members of the archive at ``paths``."""
    key = (paths, limits)
    if key not in _WORKER_ARCHIVES:
        for previous in _WORKER_ARCHIVES.values():  # one archive at a time
            if previous is not None:
                previous.close()
        _WORKER_ARCHIVES.clear()
        _WORKER_ARCHIVES[key] = _open_group(list(paths), limits, ArchiveSummary(path=""))
    archive = _WORKER_ARCHIVES[key]
    found: dict[str, PhotoMetadata | Exception | None] = {}
    if archive is None:
        return found
    known = {m.path: m for m in archive.members()}
    for path in members:
        member = known.get(path)
        if member is None:
            continue
        try:
            found[path] = jpeg_metadata(archive, member)
        except (MemberError, MediaError) as exc:
            found[path] = exc
    return found


def _worker_count(requested: int | None) -> int:
    if requested is None:
        return os.cpu_count() or 1
    return max(1, requested)


_POOLS: dict[int, ProcessPoolExecutor] = {}


def _shared_pool(workers: int) -> ProcessPoolExecutor:
    """One pool per worker count for the life of the process (scans in a row reuse it)."""
    pool = _POOLS.get(workers)
    if pool is None:
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_init,
        )
        _POOLS[workers] = pool
    return pool


def _discard_pool() -> None:
    for pool in _POOLS.values():
        pool.shutdown(wait=False, cancel_futures=True)
    _POOLS.clear()


@atexit.register
def _shutdown_pools() -> None:
    for pool in _POOLS.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _POOLS.clear()


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
    platforms = _detect_platforms(archive, members)
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


def _detect_platforms(archive: Archive, members: list[Member]) -> list[Platform]:
    """This archive's readers, each a copy of the registered one.

    Some readers learn how to route members while detecting (Takeout's product folders,
    Meta's layout, Discord's and Snapchat's roots) and ``claims``/``read`` use what they
    learned. A copy per archive keeps that state with its archive: two archives never see
    each other's, whatever order they are detected and read in.
    """
    fresh = [copy.copy(platform) for platform in PLATFORMS]
    return [p for p in fresh if p.detect(archive, members) >= DETECTION_THRESHOLD]


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
