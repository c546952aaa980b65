"""The remediation catalog: every platform and category covered, specific advice for all."""

from __future__ import annotations

import pkgutil

import pytest

import privaudit.platforms
from privaudit.advice.catalog import (
    KEY_ROTATION,
    PLATFORMS,
    PROFILE_EDIT,
    PROTECT,
    REMOVE,
    STEP_TYPES,
    WHY,
    advice_for,
    advice_for_finding,
    is_specific,
    key_rotation,
)
from privaudit.detectors.credential import TOKEN_KINDS
from privaudit.model import Category, Exposure
from privaudit.scan import NothingScanned, scan
from tests.helpers import FIXTURES

FIXTURE_ARCHIVES = sorted(
    p
    for p in FIXTURES.glob("*/*")
    if p.is_dir() or p.suffix in {".zip", ".gz", ".tgz", ".json", ".txt", ".car"}
)


def test_every_platform_and_exposure_has_removal_steps() -> None:
    for platform in PLATFORMS:
        assert platform in PROFILE_EDIT
        for exposure in Exposure:
            assert (platform, exposure) in REMOVE, (platform, exposure)


def test_every_platform_reader_is_in_the_catalog() -> None:
    modules = [m.name for m in pkgutil.iter_modules(privaudit.platforms.__path__)]
    for name in modules:
        module = __import__(f"privaudit.platforms.{name}", fromlist=["PLATFORM"])
        platform = getattr(module, "PLATFORM", None)
        if platform is not None:
            assert platform.name in PLATFORMS, f"add {platform.name} to the advice catalog"


def test_every_category_has_protection_and_a_reason() -> None:
    for category in Category:
        assert (category, None) in PROTECT, category
        assert WHY[category].endswith(".")


def test_every_api_key_kind_has_its_own_rotation_steps() -> None:
    for kind in TOKEN_KINDS:
        assert kind.name in KEY_ROTATION, kind.name
    assert "github.com/settings/tokens" in key_rotation("GitHub personal access token")
    assert "IAM" in key_rotation("AWS access key ID")
    assert key_rotation("Something unknown").startswith("Revoke this key")


def test_step_types_have_effort_and_reasons() -> None:
    for name, step in STEP_TYPES.items():
        assert step.minutes_fixed + step.minutes_per_item > 0, name
        assert step.why.endswith("."), name
        assert 0.0 <= step.mitigates <= 1.0


def test_category_platform_exposure_core() -> None:
    steps = advice_for(Category.BIRTHDATE, "facebook", Exposure.FOLLOWERS)
    assert steps[0].startswith("On Facebook")
    assert any("Birth date and Birth year" in s for s in steps)
    assert "copied or screenshotted" in steps[-1]


@pytest.fixture(scope="module")
def fixture_findings() -> list:  # type: ignore[type-arg]
    findings = []
    for archive in FIXTURE_ARCHIVES:
        try:
            findings.extend(scan([archive]).findings)
        except NothingScanned:
            continue  # a reader still being written
    assert findings
    return findings


def test_every_fixture_finding_gets_specific_advice(fixture_findings: list) -> None:  # type: ignore[type-arg]
    for finding in fixture_findings:
        assert is_specific(finding), (finding.platform, finding.exposure, finding.rule)
        steps = finding.remediation
        assert steps[-1].startswith("Why it matters: ")
        assert len(steps) >= 3


def test_advice_links_the_post_to_delete(fixture_findings: list) -> None:  # type: ignore[type-arg]
    singles = [
        f for f in fixture_findings
        if f.platform == "x" and f.exposure is Exposure.PUBLIC and len(f.occurrences) == 1
        and f.occurrences[0].url
    ]  # fmt: skip
    assert singles
    for finding in singles:
        assert f"Link: {finding.occurrences[0].url}" in finding.remediation[0]
    recomputed = advice_for_finding(singles[0])
    assert recomputed == singles[0].remediation
