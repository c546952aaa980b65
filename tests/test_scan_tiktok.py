"""End to end on the synthetic TikTok downloads: exactly the planted findings, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import privaudit.platforms as registry
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.tiktok import PLATFORM
from privaudit.scan import scan
from tests.helpers import FIXTURES

NEW = FIXTURES / "tiktok" / "TikTok_Data_1730635200"
ZIP = FIXTURES / "tiktok" / "TikTok_Data_1730635200.zip"
OLD = FIXTURES / "tiktok" / "user_data.json"
TXT = FIXTURES / "tiktok" / "TikTok_Data_txt"
FILE = "user_data_tiktok.json"
PROFILE = "/Profile And Settings/Profile Info/ProfileMap"
AUTOFILL = "/Profile And Settings/Autofill"
SAVED = "/TikTok Shop/Saved Address Information/SavedAddress/0"
DM = "/Direct Message/Direct Messages/ChatHistory/Chat History with lena.bakes:/1/Content"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION, Category.ADDRESS}

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED_NEW: set[Shape] = {
    (
        Category.PHONE,
        Exposure.PUBLIC,
        frozenset(
            (FILE, p)
            for p in (
                f"{PROFILE}/bioDescription",
                f"{PROFILE}/telephoneNumber",
                f"{AUTOFILL}/PhoneNumber",
                f"{SAVED}/Phone",
                DM,
            )
        ),
    ),
    (
        Category.EMAIL,
        Exposure.PRIVATE,
        frozenset((FILE, p) for p in (f"{PROFILE}/emailAddress", f"{AUTOFILL}/Email", DM)),
    ),
    (
        Category.BIRTHDATE,
        Exposure.PUBLIC,
        frozenset(
            {(FILE, f"{PROFILE}/birthDate"), (FILE, "/Comment/Comments/CommentsList/0/comment")}
        ),
    ),
    (
        Category.ADDRESS,
        Exposure.DELETED,
        frozenset(
            (FILE, p)
            for p in (
                f"{AUTOFILL}/Address",
                f"{SAVED}/Address",
                "/Post/Recently Deleted Posts/DeletedPostList/0/Title",
            )
        ),
    ),
    (
        Category.LOCATION,
        Exposure.ACCOUNT,
        frozenset({(FILE, "/Your Activity/Most Recent Location Data/LocationData/GpsData")}),
    ),
}
OLD_THREAD = "/Direct Messages/Chat History/ChatHistory/Chat History with lena.bakes:"
EXPECTED_OLD: set[Shape] = {
    (
        Category.BIRTHDATE,
        Exposure.ACCOUNT,
        frozenset({("user_data.json", "/Profile/Profile Information/ProfileMap/birthDate")}),
    ),
    (
        Category.EMAIL,
        Exposure.ACCOUNT,
        frozenset({("user_data.json", "/Profile/Profile Information/ProfileMap/emailAddress")}),
    ),
    (
        Category.PHONE,
        Exposure.FOLLOWERS,
        frozenset(
            {
                ("user_data.json", f"{OLD_THREAD}/1/Content"),
                ("user_data.json", "/Video/Videos/VideoList/1/Title"),
            }
        ),
    ),
}
EXPECTED_TXT: set[Shape] = {(Category.PHONE, Exposure.PUBLIC, frozenset({("Comments.txt", "/1")}))}


@contextmanager
def registered() -> Iterator[None]:
    """Scan with the TikTok reader in the registry, whether or not it is listed there yet."""
    with pytest.MonkeyPatch.context() as patch:
        if PLATFORM not in registry.PLATFORMS:
            patch.setattr(registry, "PLATFORMS", (*registry.PLATFORMS, PLATFORM))
        yield


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


@pytest.fixture(scope="module")
def new_result() -> ScanResult:
    with registered():
        return scan([NEW])


def test_exactly_the_planted_findings(new_result: ScanResult) -> None:
    assert _shape(new_result) == EXPECTED_NEW
    summary = new_result.archives[0]
    assert summary.platforms == ["tiktok"]
    assert summary.skipped == []


def test_old_single_file_and_txt_downloads() -> None:
    with registered():
        old = scan([OLD])
        txt = scan([TXT])
    assert _shape(old) == EXPECTED_OLD
    assert _shape(txt) == EXPECTED_TXT
    for result in (old, txt):
        assert result.archives[0].platforms == ["tiktok"]
        assert result.archives[0].skipped == []


def test_zip_and_folder_give_the_same_findings(new_result: ScanResult) -> None:
    with registered():
        zipped = scan([ZIP])
    assert _shape(zipped) == _shape(new_result)
    assert [f.id for f in zipped.findings] == [f.id for f in new_result.findings]


def test_every_span_indexes_its_json_string(new_result: ScanResult) -> None:
    doc = parse_json((NEW / FILE).read_bytes())
    for finding in new_result.findings:
        for occurrence in finding.occurrences:
            if occurrence.span is None:
                continue
            text = resolve_pointer(doc, occurrence.pointer)
            start, end = occurrence.span
            found = text[start:end]
            if finding.category is Category.PHONE:
                assert "".join(c for c in found if c.isdigit()).endswith("2065550190")
            elif finding.category is Category.ADDRESS:
                assert found.startswith("1611 NE Wrenfield Pl")


def test_other_peoples_details_are_not_reported(new_result: ScanResult) -> None:
    values = " ".join(f.value for f in new_result.findings)
    for theirs in ("206-555-0177", "7441234567890123456", "Apt 2B", "203.0.113.12"):
        assert theirs not in values
