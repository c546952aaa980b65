"""Fuzzing every platform reader through the real pipeline, on damaged copies of its fixture.

Each fixture export is copied to a temporary folder once; every example damages one member
— bytes flipped, cut, duplicated, or (for JSON) one value anywhere in the document swapped
for a value of another shape — and runs :func:`privaudit.scan.scan` on the copy. Nothing
may escape ``scan``; no reader may stop on an unexpected problem (the pipeline's safety net
turns a reader crash into a skipped "(… reader)" entry, which counts as a failure here); and
the JSON report must render. The member is restored after every example.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from privaudit.archive import open_archive
from privaudit.archive.interface import MemberError
from privaudit.model import ScanResult
from privaudit.platforms.documents import parse_json
from privaudit.report import FORMATTERS
from privaudit.report.interface import ReportOptions
from privaudit.scan import NothingScanned, scan
from tests.fuzz.fuzzing import budget, json_values, mutated
from tests.helpers import FIXTURES

_ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz")
_SINGLE_SUFFIXES = (".json", ".txt", ".car", ".html", ".csv")
_JS_PREFIX = re.compile(rb"^\s*(?:window\.)?[\w$.\[\]\"']+\s*=\s*")
_MAX_NODES = 5000


def _strip_suffix(name: str) -> str:
    for suffix in _ARCHIVE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def fixture_exports() -> list[Path]:
    """Every fixture export: folders, archives without an extracted twin, single files."""
    found: list[Path] = []
    for platform in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        if platform.name in ("tools", "hostile"):
            continue
        entries = sorted(platform.iterdir())
        folders = {e.name for e in entries if e.is_dir()}
        for entry in entries:
            if entry.is_dir():
                found.append(entry)
            elif entry.name.endswith(_ARCHIVE_SUFFIXES):
                if _strip_suffix(entry.name) not in folders:
                    found.append(entry)
            elif entry.name.endswith(_SINGLE_SUFFIXES):
                found.append(entry)
    return found


EXPORTS = fixture_exports()


def _copy(source: Path, target: Path) -> Path:
    """A writable copy of one export; archives are unpacked with privaudit's own reader."""
    if source.is_dir():
        shutil.copytree(source, target / source.name, symlinks=True)
        return target / source.name
    if source.name.endswith(_ARCHIVE_SUFFIXES):
        root = target / _strip_suffix(source.name)
        with open_archive(source) as archive:
            for member in archive.members():
                path = root / member.path
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(archive.read(member))
        return root
    shutil.copy2(source, target / source.name)
    return target / source.name


def _members(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _nodes(doc: Any) -> list[list[str | int]]:
    """Paths to the nodes of a JSON document (breadth first, bounded)."""
    out: list[list[str | int]] = []
    queue: list[tuple[list[str | int], Any]] = [([], doc)]
    while queue and len(out) < _MAX_NODES:
        path, node = queue.pop(0)
        out.append(path)
        if isinstance(node, dict):
            queue.extend(([*path, k], v) for k, v in node.items())
        elif isinstance(node, list):
            queue.extend(([*path, i], v) for i, v in enumerate(node))
    return out


def _replace(doc: Any, path: list[str | int], value: Any) -> Any:
    if not path:
        return value
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """One member's bytes, damaged structurally (JSON) or byte-wise (anything)."""
    try:
        doc = parse_json(original)
    except MemberError:
        doc = None
    if doc is not None and draw(st.booleans()):
        nodes = _nodes(doc)
        path = nodes[draw(st.integers(0, len(nodes) - 1))]
        doc = _replace(doc, path, draw(json_values(6)))
        prefix = _JS_PREFIX.match(original[:512])
        head = original[: prefix.end()] if prefix else b""
        return head + orjson.dumps(doc)
    return draw(mutated(original, max_edits=4))


def check(root: Path) -> None:
    try:
        result = scan([root])
    except NothingScanned as exc:
        assert str(exc)
        return
    assert isinstance(result, ScanResult)
    for archive in result.archives:
        for skipped in archive.skipped:
            assert "unexpected problem" not in skipped.reason, (skipped.path, skipped.reason)
    FORMATTERS["json"].render(result, ReportOptions(reveal=True))


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    base = tmp_path_factory.mktemp("fuzz-exports")
    out: dict[Path, Path] = {}
    for index, source in enumerate(EXPORTS):
        target = base / str(index)
        target.mkdir()
        out[source] = _copy(source, target)
    return out


KNOWN_BUGS: dict[str, str] = {}
"""Crashes found in readers outside the hardening scope, reported and awaiting their fix."""


def _export_param(export: Path) -> Any:
    name = export.relative_to(FIXTURES).as_posix()
    reasons = [why for prefix, why in KNOWN_BUGS.items() if name.startswith(prefix)]
    marks = [pytest.mark.xfail(reason=reasons[0], strict=False)] if reasons else []
    return pytest.param(export, id=name, marks=marks)


@pytest.mark.parametrize("export", [_export_param(e) for e in EXPORTS])
def test_damaged_member(export: Path, copies: dict[Path, Path]) -> None:
    root = copies[export]
    members = _members(root)
    assert members

    @budget(60)
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        member = data.draw(st.sampled_from(members))
        original = member.read_bytes()
        member.write_bytes(data.draw(damaged(original)))
        try:
            check(root)
        finally:
            member.write_bytes(original)

    run()
