"""The report is the same with one worker or several, and the pool's workers stay offline.

The pool normally starts only after an archive has shown thousands of records; here it is
forced on from the first record, with tiny batches, so every fixture archive goes through
it: batches, profile/account records that wait for the batches before them, and the
in-order merge.
"""

from __future__ import annotations

import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privaudit import scan as scan_module
from privaudit.archive import Limits, MemberError, open_archive
from privaudit.media import MediaError
from privaudit.model import Category, Finding
from privaudit.offline import NetworkBlocked
from privaudit.platforms.photos import jpeg_metadata
from privaudit.report.interface import ReportOptions
from privaudit.report.json import JsonFormatter
from privaudit.scan import ScanOptions, scan
from tests.helpers import FIXTURES

NOW = datetime(2024, 11, 3, 12, 0, tzinfo=UTC)
_SKIPPED_DIRS = {"hostile", "tools"}


def fixture_archives() -> list[Path]:
    """Every fixture export: folders, zips, tars and single-file exports."""
    found: list[Path] = []
    for platform in sorted(FIXTURES.iterdir()):
        if not platform.is_dir() or platform.name in _SKIPPED_DIRS:
            continue
        for entry in sorted(platform.iterdir()):
            if entry.suffix in (".md", ".py") or entry.name == "tools":
                continue
            found.append(entry)
    return found


ARCHIVES = fixture_archives()


def _report(paths: list[Path], workers: int) -> str:
    result = scan(paths, ScanOptions(now=NOW, workers=workers))
    return JsonFormatter().render(result, ReportOptions())


@pytest.fixture
def forced_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan_module, "POOL_AFTER_RECORDS", 0)
    monkeypatch.setattr(scan_module, "BATCH_RECORDS", 3)
    monkeypatch.setattr(scan_module, "PREFETCH_MIN_PHOTOS", 1)
    monkeypatch.setattr(scan_module, "PREFETCH_CHUNK", 2)


def test_there_are_fixture_archives_of_every_platform() -> None:
    platforms = {path.parent.name for path in ARCHIVES}
    assert {"x", "facebook", "instagram", "google", "linkedin", "mastodon"} <= platforms
    assert len(ARCHIVES) >= 30


@pytest.mark.usefixtures("forced_pool")
def test_one_worker_and_two_give_byte_identical_reports() -> None:
    for path in ARCHIVES:
        one = _report([path], workers=1)
        two = _report([path], workers=2)
        assert one == two, path


@pytest.mark.usefixtures("forced_pool")
def test_several_archives_in_one_scan_are_identical_too() -> None:
    # Each archive keeps its own phone region and its own readers' state.
    paths = [
        FIXTURES / "x" / "twitter-2024-11-03-synthetic",
        FIXTURES / "google" / "takeout-de",
        FIXTURES / "facebook" / "facebook-josemuller-03_11_2024-Xk3pQ9wz",
        FIXTURES / "instagram" / "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx",
    ]
    assert _report(paths, workers=1) == _report(paths, workers=2)


def test_readers_state_stays_with_its_archive() -> None:
    # Takeout and Meta readers learn routes while detecting; scanning other exports of the
    # same platforms in the same run must not change what this one reports.
    google = FIXTURES / "google" / "takeout-de"
    alone = _places(scan([google], ScanOptions(now=NOW)).findings, str(google))
    together = scan(
        [
            FIXTURES / "google" / "timeline-device",
            google,
            FIXTURES / "facebook" / "facebook-josemuller-09_05_2021-Tq7Lm2Ab",
        ],
        ScanOptions(now=NOW),
    ).findings
    assert alone
    assert _places(together, str(google)) == alone


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("discord/package", "bluesky/rosa-lindqvist-2024-11-03.car"),
        ("google/takeout-de", "google/timeline-device"),
        ("facebook/facebook-josemuller-09_05_2021-Tq7Lm2Ab", "instagram/"
         "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx"),
        ("snapchat/mydata~1730635200000", "reddit/export_lantern_moth_20241103"),
    ],
)  # fmt: skip
def test_detecting_another_archive_leaves_the_readers_of_the_first_alone(
    first: str, second: str
) -> None:
    with open_archive(FIXTURES / first) as a, open_archive(FIXTURES / second) as b:
        members_a, members_b = a.members(), b.members()
        mine = scan_module._detect_platforms(a, members_a)
        before = {p.name: [p.claims(m) for m in members_a] for p in mine}
        scan_module._detect_platforms(b, members_b)
        assert {p.name: [p.claims(m) for m in members_a] for p in mine} == before


def _places(findings: list[Finding], archive: str) -> set[tuple[str, str, str, str]]:
    return {
        (f.rule, o.path, o.pointer, str(o.span))
        for f in findings
        if f.category is not Category.INFERENCE
        for o in f.occurrences
        if o.archive == archive
    }


def test_photos_read_by_a_worker_are_read_as_here() -> None:
    for path in ARCHIVES:
        with open_archive(path) as archive:
            photos = [m for m in archive.members() if m.path.lower().endswith(".jpg")]
            if not photos:
                continue
            there = scan_module.prefetch_photos((str(path),), Limits(), [m.path for m in photos])
            for member in photos:
                try:
                    here: object = jpeg_metadata(archive, member)
                except (MemberError, MediaError) as exc:
                    here = exc
                theirs = there[member.path]
                if isinstance(here, Exception):
                    assert type(theirs) is type(here) and str(theirs) == str(here)
                else:
                    assert theirs == here, member.path


def test_small_archives_never_start_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(workers: int) -> None:
        raise AssertionError("a pool was started for a small archive")

    monkeypatch.setattr(scan_module, "_shared_pool", refuse)
    scan([FIXTURES / "x" / "twitter-2024-11-03-synthetic"], ScanOptions(now=NOW, workers=2))


def test_workers_refuse_the_network() -> None:
    pool = scan_module._shared_pool(2)
    with pytest.raises(NetworkBlocked):
        pool.submit(urllib.request.urlopen, "http://127.0.0.1:9/").result(timeout=60)


def test_workers_option_defaults_to_the_cores() -> None:
    assert ScanOptions().workers is None
    assert scan_module._worker_count(None) >= 1
    assert scan_module._worker_count(1) == 1
    assert scan_module._worker_count(0) == 1
