"""Nothing lost: one corrupt member costs exactly that member, never the rest of the export."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from privaudit.detectors import RULES
from tests.helpers import X_FOLDER
from tests.hostile.conftest import CliRun

Run = Callable[..., CliRun]
Occurrence = tuple[str, str, str, str]


def occurrences(run: CliRun) -> set[Occurrence]:
    """Every place a detector found something. Whole-archive inferences (a home worked out
    from many photos) are left out: losing a member may rightly change what they conclude."""
    assert run.report is not None
    return {
        (finding["rule"], occ["path"], occ["pointer"], str(occ["span"]))
        for finding in run.report["findings"]
        if finding["rule"] in RULES
        for occ in finding["occurrences"]
    }


def pick_member(found: set[Occurrence]) -> str:
    """A member with findings that is not the account or profile (they only add context)."""
    paths = sorted({path for _, path, _, _ in found if path.endswith(".js")})
    preferred = [p for p in paths if "tweets" in p] or [
        p for p in paths if "account" not in p and "profile" not in p
    ]
    assert preferred, paths
    return preferred[-1]


def zip_folder(root: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
    return target


@pytest.fixture
def x_copy(tmp_path: Path) -> Path:
    root = tmp_path / "twitter-2024-11-03-synthetic"
    shutil.copytree(X_FOLDER, root)
    return root


def test_corrupt_member_in_a_folder(run_cli: Run, x_copy: Path) -> None:
    baseline = run_cli(x_copy)
    found = occurrences(baseline)
    bad = pick_member(found)
    data = (x_copy / bad).read_bytes()
    (x_copy / bad).write_bytes(data[: len(data) // 2])  # cut off in the middle
    run = run_cli(x_copy)
    assert run.code == 0
    assert run.reason(bad).startswith("not valid JSON")
    expected = {occ for occ in found if occ[1] != bad}
    assert expected <= occurrences(run), expected - occurrences(run)
    assert any(occ[1] == bad for occ in found)  # the member did have findings


def test_corrupt_member_in_a_zip(run_cli: Run, x_copy: Path, tmp_path: Path) -> None:
    good = zip_folder(x_copy, tmp_path / "good.zip")
    baseline = run_cli(good)
    found = occurrences(baseline)
    bad = pick_member(found)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo(bad)
    start = info.header_offset + 30 + len(info.orig_filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle : middle + 16] = bytes(16)  # damage the compressed bytes
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bytes(data))
    run = run_cli(broken)
    assert run.code == 0
    assert run.reason(bad).startswith("damaged")
    expected = {occ for occ in found if occ[1] != bad}
    assert expected <= occurrences(run), expected - occurrences(run)


def test_unreadable_photo_does_not_hide_the_posts(run_cli: Run, x_copy: Path) -> None:
    baseline = run_cli(x_copy)
    found = occurrences(baseline)
    photos = sorted((x_copy / "data" / "tweets_media").glob("*.jpg"))
    for photo in photos:
        photo.write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00II*\x00\xff\xff")
    run = run_cli(x_copy)
    assert run.code == 0
    expected = {occ for occ in found if "tweets_media" not in occ[1]}
    assert expected <= occurrences(run)
    for photo in photos:
        assert f"data/tweets_media/{photo.name}" in run.skipped
