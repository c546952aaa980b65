"""The generic reader: unknown JSON, CSV, text and photos are still scanned, with roles."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from privaudit.archive import open_archive
from privaudit.model import Category, Exposure, Kind, Role
from privaudit.platforms import GENERIC, detect_platforms
from privaudit.platforms.interface import ReadNotes
from privaudit.scan import scan
from tests.helpers import resolve_in_archive


def _gps_jpeg() -> bytes:
    image = Image.new("RGB", (8, 8), "green")
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _export(tmp_path: Path) -> Path:
    root = tmp_path / "export"
    (root / "account").mkdir(parents=True)
    (root / "account" / "profile.json").write_text(
        json.dumps(
            {
                "user": {
                    "birth_date": "1990-07-21",
                    "phone": "+49 151 23456789",
                    "about": "hi, mail me at kim.bauer.dev@posteo.de",
                }
            }
        )
    )
    (root / "posts.json").write_text(
        json.dumps([{"text": "nothing to see"}, {"text": "text me: +49 151 23456789"}])
    )
    (root / "contacts.csv").write_text("Name,Phone Number,Notes\nKim,+49 151 23456789,friend\n")
    (root / "notes.txt").write_text("first line\nmy email kim.bauer.dev@posteo.de\n")
    (root / "photo.jpg").write_bytes(_gps_jpeg())
    (root / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (root / "scan.pdf").write_bytes(b"%PDF-1.7")
    return root


def test_unknown_export_is_read_generically(tmp_path: Path) -> None:
    root = _export(tmp_path)
    with open_archive(root) as archive:
        members = archive.members()
        assert detect_platforms(archive, members) == []
        notes = ReadNotes(archive)
        records = list(GENERIC.read(archive, members, notes))
    roles = {(r.path, f.name, f.role) for r in records for f in r.fields}
    assert ("account/profile.json", "birth_date", Role.BIRTHDATE) in roles
    assert ("account/profile.json", "phone", Role.PHONE) in roles
    assert ("contacts.csv", "Phone Number", Role.PHONE) in roles
    assert ("notes.txt", "line 2", Role.TEXT) in roles
    assert all(r.exposure is Exposure.ACCOUNT for r in records)
    photo = next(r for r in records if r.kind is Kind.MEDIA)
    assert abs(photo.points[0].lat - 52.52) < 1e-3
    assert any(".pdf ×1" in n for n in notes.notes)
    assert [s.path for s in archive.skipped] == ["clip.mp4"]  # truncated video, named
    for record in records:
        for field in record.fields:
            if record.path.endswith(".json"):
                assert resolve_in_archive(root, record.path, field.pointer) == field.text


def test_csv_and_text_pointers(tmp_path: Path) -> None:
    root = _export(tmp_path)
    result = scan([root])
    pointers = {(o.path, o.pointer) for f in result.findings for o in f.occurrences}
    assert ("contacts.csv", "/0/Phone Number") in pointers
    assert ("notes.txt", "/1") in pointers
    assert ("account/profile.json", "/user/birth_date") in pointers
    categories = {f.category for f in result.findings}
    assert {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION} <= categories
    assert any("scanned generically" in n for n in result.archives[0].notes)
