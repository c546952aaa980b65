"""Split downloads (``-001.zip``/``-002.zip``, ``-part1``/``-part2``) read as one export."""

from __future__ import annotations

import zipfile
from pathlib import Path

from privaudit.archive.composite import group_parts, split_key
from privaudit.scan import scan
from tests.helpers import X_FOLDER


def test_split_key_recognises_part_names(tmp_path: Path) -> None:
    assert split_key(tmp_path / "takeout-20241103T120000Z-001.zip") == (
        str(tmp_path / "takeout-20241103T120000Z.zip"),
        1,
    )
    assert split_key(tmp_path / "facebook-kim-part2.zip") == (
        str(tmp_path / "facebook-kim.zip"),
        2,
    )
    assert split_key(tmp_path / "twitter-2024-11-03-abc.zip") is None
    assert split_key(tmp_path / "photos-2024.zip") is None


def test_group_parts_keeps_order_and_sorts_parts(tmp_path: Path) -> None:
    a2, a1 = tmp_path / "t-002.zip", tmp_path / "t-001.zip"
    other = tmp_path / "x.zip"
    assert group_parts([a2, other, a1]) == [[a1, a2], [other]]


def _split(tmp_path: Path) -> tuple[Path, Path]:
    part1, part2 = tmp_path / "twitter-export-001.zip", tmp_path / "twitter-export-002.zip"
    with zipfile.ZipFile(part1, "w") as z1, zipfile.ZipFile(part2, "w") as z2:
        for file in sorted(X_FOLDER.rglob("*")):
            if file.is_file():
                rel = file.relative_to(X_FOLDER).as_posix()
                (z2 if "_media/" in rel else z1).write(file, rel)
        z2.writestr("data/manifest.js", (X_FOLDER / "data" / "manifest.js").read_text())
    return part1, part2


def test_split_export_gives_the_same_findings_as_the_whole(tmp_path: Path) -> None:
    part1, part2 = _split(tmp_path)
    whole = scan([X_FOLDER])
    split = scan([part2, part1])
    assert len(split.archives) == 1
    assert split.archives[0].path.endswith("twitter-export-001.zip (+1 more part)")
    assert any("2 parts" in n for n in split.archives[0].notes)

    def shape(result: object) -> set[tuple[str, frozenset[tuple[str, str]]]]:
        return {
            (f.category.value, frozenset((o.path, o.pointer) for o in f.occurrences))
            for f in result.findings  # type: ignore[attr-defined]
        }

    assert shape(split) == shape(whole)


def test_a_missing_part_is_named_and_the_rest_still_scanned(tmp_path: Path) -> None:
    part1, _ = _split(tmp_path)
    missing = tmp_path / "twitter-export-003.zip"
    result = scan([part1, missing])
    assert any(s.reason.endswith("no such file or folder") for s in result.archives[0].skipped)
    assert result.findings
