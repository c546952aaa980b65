"""``privaudit demo``: the training archive is read like a real export, every planted
mistake is found by its rule at the place the answer key names, and nothing else is."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from stdnum import luhn

from privaudit.demo import PLATFORMS, DemoError, build_demo, write_demo
from privaudit.demo.export import Export
from privaudit.demo.jpeg import Exif, exif_block, jpeg, scene
from privaudit.demo.persona import TOWNS, make_persona, make_story
from privaudit.media import read_photo_metadata
from privaudit.model import ScanResult
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.meta import fix_text
from privaudit.scan import scan

DEMO_PACKAGE = Path(__file__).resolve().parent.parent / "src" / "privaudit" / "demo"
Places = dict[tuple[str, str], list[tuple[str, tuple[int, int] | None, str]]]
"""(member, pointer) → [(rule, span, exposure)] of every finding occurrence."""


def _places(result: ScanResult) -> Places:
    out: Places = {}
    for finding in result.findings:
        for occ in finding.occurrences:
            out.setdefault((occ.path, occ.pointer), []).append(
                (finding.rule, occ.span, occ.exposure.value)
            )
    return out


@pytest.fixture(scope="module", params=PLATFORMS)
def scanned(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, Export, ScanResult]:
    platform: str = request.param
    out = tmp_path_factory.mktemp(f"demo-{platform}") / "demo"
    archive = write_demo(out, platform)
    return platform, archive, build_demo(platform), scan([archive])


def _field_text(archive: Path, platform: str, member: str, ptr: str) -> Any:
    data = archive.joinpath(*member.split("/")).read_bytes()
    if member.endswith(".csv"):
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        row, column = ptr[1:].split("/", 1)
        return rows[int(row)][column]
    value = resolve_pointer(parse_json(data), ptr)
    if isinstance(value, str) and platform in ("facebook", "instagram"):
        return fix_text(value)  # Meta's mojibake: the field text is the repaired string
    return value


def test_platforms() -> None:
    assert {"x", "facebook", "instagram", "google", "linkedin"} <= set(PLATFORMS)


def test_platform_is_recognised(scanned: tuple[str, Path, Export, ScanResult]) -> None:
    platform, _, export, result = scanned
    (summary,) = result.archives
    assert summary.platforms == [platform]
    assert summary.skipped == []
    assert not [n for n in summary.notes if "unrecognised" in n or "generic" in n]
    assert export.planted and export.decoys


def test_every_planted_mistake_is_found(scanned: tuple[str, Path, Export, ScanResult]) -> None:
    platform, archive, export, result = scanned
    places = _places(result)
    for planted in export.planted:
        found = places.get((planted.member, planted.pointer), [])
        hits = [(span, exposure) for rule, span, exposure in found if rule == planted.rule]
        assert hits, (
            f"{planted.key}: {planted.rule} not reported at {planted.member} "
            f"{planted.pointer} (found {found})"
        )
        assert {exposure for _, exposure in hits} == {planted.exposure}, planted.key
        if planted.pointer and not planted.member.endswith(".jpg"):
            text = _field_text(archive, platform, planted.member, planted.pointer)
            span = hits[0][0]
            if isinstance(text, str) and span is not None:
                assert text[span[0] : span[1]] == planted.excerpt, planted.key


def test_look_alikes_are_not_reported(scanned: tuple[str, Path, Export, ScanResult]) -> None:
    _, archive, export, result = scanned
    places = _places(result)
    for decoy in export.decoys:
        assert (decoy.member, decoy.pointer) not in places, decoy.key
        assert archive.joinpath(*decoy.member.split("/")).is_file()


def test_nothing_unexpected_is_reported(scanned: tuple[str, Path, Export, ScanResult]) -> None:
    _, _, export, result = scanned
    expected = {p.rule for p in export.planted} | {i.rule for i in export.inferred}
    assert {f.rule for f in result.findings} <= expected
    assert {i.rule for i in export.inferred} <= {f.rule for f in result.findings}
    # Every finding rests on a planted item (inferences also on the account's name).
    planted = {(p.member, p.pointer) for p in export.planted}
    for finding in result.findings:
        if finding.rule not in {i.rule for i in export.inferred}:
            assert {(o.path, o.pointer) for o in finding.occurrences} <= planted, finding.rule


def test_answer_key_beside_the_archive(scanned: tuple[str, Path, Export, ScanResult]) -> None:
    _, archive, export, _ = scanned
    training = archive.parent / "TRAINING.md"
    text = training.read_text("utf-8")
    assert sorted(p.name for p in archive.parent.iterdir()) == sorted([archive.name, "TRAINING.md"])
    for planted in export.planted:
        assert f"`{planted.rule}`" in text and planted.member in text
    for decoy in export.decoys:
        assert decoy.member in text
    assert f"privaudit scan {archive.name}" in text


def test_pointers_resolve_to_the_planted_text(
    scanned: tuple[str, Path, Export, ScanResult],
) -> None:
    platform, archive, export, _ = scanned
    for planted in export.planted:
        if not planted.pointer:
            assert archive.joinpath(*planted.member.split("/")).is_file()
            continue
        value = _field_text(archive, platform, planted.member, planted.pointer)
        if isinstance(value, str) and "GPS" not in planted.excerpt:
            assert planted.excerpt in value, planted.key


@pytest.mark.parametrize("platform", PLATFORMS)
def test_zip_reads_like_the_folder(platform: str, tmp_path: Path) -> None:
    folder = write_demo(tmp_path / "folder", platform, seed=3)
    zipped = write_demo(tmp_path / "zip", platform, seed=3, zipped=True)
    assert zipped.suffix == ".zip" and zipfile.is_zipfile(zipped)
    with zipfile.ZipFile(zipped) as archive:
        names = sorted(archive.namelist())
    assert names == sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
    )
    a, b = scan([folder]), scan([zipped])
    assert b.archives[0].platforms == [platform]
    assert _places(a) == _places(b)


@pytest.mark.parametrize("seed", [1, 2, 7, 13])
def test_other_seeds_other_people_same_lessons(seed: int, tmp_path: Path) -> None:
    """Other seeds vary the person, town, numbers and codes; every lesson still holds."""
    platform = PLATFORMS[seed % len(PLATFORMS)]
    archive = write_demo(tmp_path / "out", platform, seed=seed)
    export = build_demo(platform, seed=seed)
    places = _places(scan([archive]))
    for planted in export.planted:
        rules = [rule for rule, _, _ in places.get((planted.member, planted.pointer), [])]
        assert planted.rule in rules, (seed, planted.key)
    for decoy in export.decoys:
        assert (decoy.member, decoy.pointer) not in places, (seed, decoy.key)


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("zipped", [False, True])
def test_same_seed_same_bytes(zipped: bool, tmp_path: Path) -> None:
    for platform in PLATFORMS:
        one = write_demo(tmp_path / f"{platform}-a", platform, seed=5, zipped=zipped)
        two = write_demo(tmp_path / f"{platform}-b", platform, seed=5, zipped=zipped)
        other = write_demo(tmp_path / f"{platform}-c", platform, seed=6, zipped=zipped)
        assert _digest(one.parent) == _digest(two.parent)
        assert _digest(one.parent) != _digest(other.parent)


def test_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", "utf-8")
    with pytest.raises(DemoError, match="not empty"):
        write_demo(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_refuses_a_file_and_an_unknown_platform(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("", "utf-8")
    with pytest.raises(DemoError, match="not a directory"):
        write_demo(target)
    with pytest.raises(DemoError, match="choose one of: x, facebook"):
        write_demo(tmp_path / "new", "myspace")
    assert not (tmp_path / "new").exists()


def test_creates_missing_and_uses_empty_directories(tmp_path: Path) -> None:
    nested = write_demo(tmp_path / "a" / "b", "x")
    assert nested.is_dir() and nested.parent == tmp_path / "a" / "b"
    (tmp_path / "empty").mkdir()
    assert write_demo(tmp_path / "empty", "x", zipped=True).is_file()


def test_unwritable_directory_is_a_plain_error(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("", "utf-8")
    with pytest.raises(DemoError, match="could not use"):
        write_demo(blocked / "demo")


# -- the persona is fictional ------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(12))
def test_persona_values_are_reserved_for_fiction(seed: int) -> None:
    persona = make_persona(seed)
    assert re.fullmatch(r"\+1\d{3}55501\d\d", persona.phone_e164)
    assert re.fullmatch(r"\(\d{3}\) 555-01\d\d", persona.phone_local)
    assert persona.email.endswith("@privaudit-demo.mail")
    digits = persona.card.replace(" ", "")
    assert digits.startswith("400000") and luhn.is_valid(digits)
    assert persona.town in TOWNS
    for item in make_story(persona).items:
        for number in re.findall(r"\(?\d{3}\)?[ -]\d{3}-\d{4}", item.text):
            assert "555-01" in number, number


def test_story_texts_are_anchored() -> None:
    """Every planted item quotes words that really are in its text."""
    story = make_story(make_persona(0))
    keys = [item.key for item in story.items]
    assert len(keys) == len(set(keys))
    for item in story.items:
        if item.rule and item.position is None:
            assert item.needle and item.needle in item.text, item.key
        if item.decoy:
            assert not item.rule


# -- photos -----------------------------------------------------------------------------------


def test_jpeg_is_valid_and_carries_its_exif() -> None:
    data = jpeg(
        scene(((120, 170, 230), (60, 140, 60), (90, 70, 50))),
        Exif("Apple", "iPhone 13", "2024:09:14 08:30:12", "-04:00", (42.38824, -71.14862)),
    )
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.size == (64, 48) and image.format == "JPEG"
    top = image.getpixel((4, 4))
    assert isinstance(top, tuple) and abs(top[2] - 230) < 12
    meta = read_photo_metadata(data)
    (point,) = meta.points
    assert point.lat == pytest.approx(42.38824, abs=1e-6)
    assert point.lon == pytest.approx(-71.14862, abs=1e-6)
    assert {f.name: f.text for f in meta.fields} == {"Make": "Apple", "Model": "iPhone 13"}
    assert meta.taken_at is not None and meta.taken_at.utcoffset() is not None


def test_jpeg_without_exif_and_southern_hemisphere() -> None:
    plain = jpeg(scene(((10, 20, 30),)))
    assert Image.open(io.BytesIO(plain)).size == (64, 48)
    assert read_photo_metadata(plain).points == ()
    block = exif_block(Exif(gps=(-33.85678, 151.21529)))
    south = jpeg(scene(((200, 200, 200),), columns=2, rows=2), Exif(gps=(-33.85678, 151.21529)))
    (point,) = read_photo_metadata(south).points
    assert (point.lat, point.lon) == pytest.approx((-33.85678, 151.21529), abs=1e-6)
    assert block.startswith(b"II*\x00")


def test_demo_photos_decode(tmp_path: Path) -> None:
    archive = write_demo(tmp_path / "out", "x")
    photos = list(archive.rglob("*.jpg"))
    assert len(photos) >= 4
    for photo in photos:
        Image.open(photo).load()
        assert photo.stat().st_size < 4_000


def test_package_stays_small() -> None:
    files = [p for p in DEMO_PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert all(p.suffix == ".py" for p in files), "no binary blobs: photos are generated"
    assert sum(p.stat().st_size for p in files) < 160_000
