"""End to end on the synthetic inference fixture: home, work, routine, trip, date of birth."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from privaudit.assess.inference.geo import distance_m
from privaudit.model import Category, Exposure, Finding, ScanResult, Severity
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.scan import scan
from tests.helpers import FIXTURES

ROOT = FIXTURES / "inference"
ARCHIVE = ROOT / "twitter-2024-11-03-routine-synthetic"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("inference_generate", ROOT / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
TRUTH = GEN.TRUTH


@pytest.fixture(scope="module")
def result() -> ScanResult:
    return scan([ARCHIVE])


def _one(result: ScanResult, rule: str) -> Finding:
    [finding] = [f for f in result.findings if f.rule == rule]
    return finding


def _centre(finding: Finding) -> tuple[float, float]:
    lat, lon = (float(x) for x in finding.value.split(","))
    return lat, lon


def test_fixture_is_what_the_generator_writes(tmp_path: Path) -> None:
    GEN.write(tmp_path / "fresh")
    fresh = sorted(p.relative_to(tmp_path / "fresh") for p in (tmp_path / "fresh").rglob("*"))
    kept = sorted(p.relative_to(ARCHIVE) for p in ARCHIVE.rglob("*"))
    assert fresh == kept
    for rel in fresh:
        if (ARCHIVE / rel).is_file():
            assert (tmp_path / "fresh" / rel).read_bytes() == (ARCHIVE / rel).read_bytes()


def test_home_is_within_100_m_of_the_planted_point(result: ScanResult) -> None:
    home = _one(result, "inferred-home")
    assert distance_m(*_centre(home), *TRUTH["home"]) < 100
    assert home.category is Category.INFERENCE
    assert home.exposure is Exposure.PUBLIC
    assert home.severity is Severity.HIGH  # public items reveal the home
    assert len(home.occurrences) == 6
    assert "6 items (6 posts)" in home.detail and "probably your home" in home.detail
    assert "near Portland" in home.detail
    assert "public items" in home.why and "seen on 6 nights and weekend days" in home.why


def test_work_is_within_100_m_of_the_planted_point(result: ScanResult) -> None:
    work = _one(result, "inferred-work")
    assert distance_m(*_centre(work), *TRUTH["work"]) < 100
    assert work.exposure is Exposure.PUBLIC
    assert len(work.occurrences) == 5


def test_reconstructed_date_of_birth_is_exact(result: ScanResult) -> None:
    dob = _one(result, "reconstructed-birthdate")
    assert dob.value == TRUTH["birthdate"]
    assert dob.evidence == "1991-••-••"
    assert dob.exposure is Exposure.PRIVATE  # the wishes are direct messages
    wishes = [o for o in dob.occurrences if not o.author_is_self]
    assert len(wishes) == 3
    assert {o.timestamp.year for o in wishes if o.timestamp} == {2022, 2023, 2024}
    ages = [o for o in dob.occurrences if o.author_is_self]
    assert len(ages) == 2
    assert "14 March in 3 different years" in dob.detail and "2 age statements" in dob.detail


def test_wishes_and_ages_point_at_their_words(result: ScanResult) -> None:
    dob = _one(result, "reconstructed-birthdate")
    docs: dict[str, object] = {}
    for occ in dob.occurrences:
        if occ.path not in docs:
            raw = (ARCHIVE / occ.path).read_bytes()
            docs[occ.path] = parse_json(raw[raw.index(b"[") :])
        text = resolve_pointer(docs[occ.path], occ.pointer)
        assert isinstance(text, str) and occ.span is not None
        said = text[occ.span[0] : occ.span[1]].lower()
        assert any(w in said for w in ("birthday", "hbd", "cumpleaños", "i'm 33", "i am 31"))


def test_weekly_routine_is_a_finding_and_in_the_profile(result: ScanResult) -> None:
    routine = _one(result, "predictable-routine")
    weekday, hour = TRUTH["routine_slot"]
    assert routine.evidence.startswith(f"{weekday} {hour:02d}:00")
    assert routine.exposure is Exposure.PUBLIC
    assert (
        distance_m(
            *(float(x) for x in routine.value.split(" at ")[1].split(",")), *TRUTH["routine"]
        )
        < 100
    )
    assert result.profile is not None
    assert any(r.weekday == weekday and r.hour == hour and r.times == 4
               for r in result.profile.routines)  # fmt: skip


def test_profile_time_zone_hours_places_and_trip(result: ScanResult) -> None:
    profile = result.profile
    assert profile is not None
    assert profile.timezone == "America/Los_Angeles"
    assert "home" in profile.timezone_source
    assert sum(profile.hour_histogram) == profile.timed_items == sum(profile.weekday_histogram)
    assert len(profile.hour_histogram) == 24
    assert [p.role for p in profile.places] == ["home", "work"]
    assert all("•" in p.evidence for p in profile.places)
    [trip] = [t for t in profile.trips if t.source == "location"]
    assert trip.days == 5 and "Lisbon" in trip.near


def test_no_identity_theft_kit_when_the_birthdate_is_only_private(result: ScanResult) -> None:
    assert not [f for f in result.findings if f.rule == "identity-theft-kit"]


def test_hard_negatives_are_not_counted(result: ScanResult) -> None:
    dob = _one(result, "reconstructed-birthdate")
    dates = {o.timestamp.date().isoformat() for o in dob.occurrences if o.timestamp}
    assert "2023-07-02" not in dates and "2023-03-16" not in dates and "2023-09-09" not in dates


def test_action_plan_deletes_the_public_posts_first(result: ScanResult) -> None:
    first = result.action_plan[0]
    assert first.type == "delete-public" and first.platform == "x"
    assert first.count == len(first.links) == 22
    assert all(link.startswith("https://x.com/robin_calder_synth/status/") for link in first.links)
    priorities = [s.priority for s in result.action_plan]
    assert priorities == sorted(priorities, reverse=True)


def test_scans_are_deterministic(result: ScanResult) -> None:
    again = scan([ARCHIVE])
    assert [(f.id, f.score, f.value) for f in again.findings] == [
        (f.id, f.score, f.value) for f in result.findings
    ]
    assert [s.id for s in again.action_plan] == [s.id for s in result.action_plan]
