"""End to end on the synthetic WhatsApp exports: exactly the planted findings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from privaudit import platforms
from privaudit.archive import open_archive
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.whatsapp import PLATFORM, split_lines
from privaudit.scan import scan
from tests.helpers import FIXTURES

EXPORT = FIXTURES / "whatsapp" / "export"
ANDROID = "WhatsApp Chat with Jonas Weber.txt"
IOS_ZIP = "WhatsApp Chat - Hiking Crew.zip"
IOS = f"{IOS_ZIP}/_chat.txt"
MY_PHOTO = f"{IOS_ZIP}/00000003-PHOTO-2024-05-18-10-12-44.jpg"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION}
"""Categories the existing detectors cover; the planted set is exact for these."""

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED: set[Shape] = {
    (Category.PHONE, Exposure.PRIVATE, frozenset({(ANDROID, "/2")})),
    (Category.EMAIL, Exposure.PRIVATE, frozenset({(ANDROID, "/5")})),
    (Category.LOCATION, Exposure.PRIVATE, frozenset({(ANDROID, "/8")})),
    (Category.LOCATION, Exposure.FOLLOWERS, frozenset({(IOS, "/5")})),
    (Category.BIRTHDATE, Exposure.FOLLOWERS, frozenset({(IOS, "/7")})),
    (Category.LOCATION, Exposure.FOLLOWERS, frozenset({(MY_PHOTO, "")})),
}


@pytest.fixture(scope="module")
def registered() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        if PLATFORM not in platforms.PLATFORMS:  # until the registry lists the module
            patch.setattr(platforms, "PLATFORMS", (*platforms.PLATFORMS, PLATFORM))
        yield


@pytest.fixture(scope="module")
def result(registered: None) -> ScanResult:
    return scan([EXPORT])


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


def test_exactly_the_planted_findings(result: ScanResult) -> None:
    assert _shape(result) == EXPECTED
    assert result.archives[0].platforms == ["whatsapp"]
    assert result.archives[0].skipped == [] and result.archives[0].notes == []


def test_spans_index_the_line(result: ScanResult) -> None:
    with open_archive(EXPORT) as archive:
        texts = {
            m.path: split_lines(archive.read(m).decode("utf-8"))
            for m in archive.members()
            if m.path.endswith(".txt")
        }
    wanted = {
        Category.PHONE: "(206) 555-0184",
        Category.EMAIL: "lena.brandt.design@posteo.net",
        Category.BIRTHDATE: "14 March 1990",
    }
    for finding in result.findings:
        if finding.category not in wanted:
            continue
        for occurrence in finding.occurrences:
            line = texts[occurrence.path][int(occurrence.pointer[1:])]
            assert occurrence.span is not None
            assert line[occurrence.span[0] : occurrence.span[1]] == wanted[finding.category]


def test_others_and_negatives_are_not_reported(result: ScanResult) -> None:
    values = " ".join(f.value for f in result.findings)
    for absent in ("555-0177", "555-0133", "4158672309", "21/03/2024", "47.620422", "47.5001"):
        assert absent not in values


def test_zip_alone_reports_nothing_and_says_why(registered: None) -> None:
    alone = scan([EXPORT / IOS_ZIP])
    assert [f for f in alone.findings if f.category in COVERED] == []
    assert any("could not tell which participant is you" in n for n in alone.archives[0].notes)
