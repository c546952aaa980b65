"""Allow-lists in every spelling, severity overrides re-ranked and re-graded, disabled rules."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from functools import cache

import pytest

from privaudit.assess.findings import rank
from privaudit.assess.severity import grade
from privaudit.model import (
    ArchiveSummary,
    Category,
    Confidence,
    Exposure,
    Finding,
    Kind,
    Occurrence,
    ScanResult,
    Severity,
)
from privaudit.policy.allow import allowed, compile_entries
from privaudit.policy.apply import apply_policy, scan_options, severity_band
from privaudit.policy.config import Policy
from privaudit.scan import ScanOptions, scan
from tests.helpers import X_FOLDER

NOW = datetime(2024, 11, 3, 12, tzinfo=UTC)


def finding(
    rule: str,
    category: Category,
    key: str,
    value: str = "",
    score: int = 50,
    exposure: Exposure = Exposure.PUBLIC,
) -> Finding:
    occurrence = Occurrence(
        archive="a.zip",
        path="data/x.js",
        pointer="/0/text",
        span=(0, 1),
        timestamp=NOW,
        url=None,
        exposure=exposure,
        kind=Kind.POST,
        author_is_self=True,
    )
    return Finding(
        id=f"id-{rule}-{key}",
        rule=rule,
        category=category,
        title=rule,
        severity=Severity.from_score(score),
        score=score,
        confidence=Confidence.HIGH,
        exposure=exposure,
        platform="x",
        evidence="•••",
        value=value or key,
        why=f"… = {score}",
        remediation=[],
        occurrences=[occurrence],
        key=key,
    )


def _allows(entry: str, f: Finding, region: str | None = None, rule: str | None = None) -> bool:
    by_rule = {rule: (entry,)} if rule else {}
    entries = compile_entries([] if rule else [entry], by_rule, region)
    return allowed(f, entries) is not None


US_PHONE = finding("phone-number", Category.PHONE, "+12065550142", "(206) 555-0142")
DE_PHONE = finding("phone-number", Category.PHONE, "+4915123456789", "+49 151 23456789")


@pytest.mark.parametrize(
    ("entry", "region", "f", "expected"),
    [
        ("+1 206 555 0142", None, US_PHONE, True),
        ("+1-206-555-0142", None, US_PHONE, True),
        ("001 206 555 0142", None, US_PHONE, True),
        ("(206) 555-0142", "US", US_PHONE, True),
        ("(206) 555-0142", None, US_PHONE, True),  # national digits, no region: exact digits
        ("206.555.0142", None, US_PHONE, True),
        ("555-0142", None, US_PHONE, False),  # part of a number is not the number
        ("+1 206 555 0143", None, US_PHONE, False),
        ("(206) 555-0142", "DE", US_PHONE, False),  # read as a German number: not this one
        ("0151 23456789", "DE", DE_PHONE, True),
        ("0151 23456789", None, DE_PHONE, True),
        ("+49 (0)151 23456789", None, DE_PHONE, True),
        ("0049 151 23456789", None, DE_PHONE, True),
        ("+1 206 555 0142", None, DE_PHONE, False),
    ],
)
def test_phone_entries_match_however_written(
    entry: str, region: str | None, f: Finding, expected: bool
) -> None:
    assert _allows(entry, f, region) is expected


def test_unrecognised_country_numbers_compare_digits() -> None:
    tel = finding("phone-number", Category.PHONE, "tel:5550142999")
    assert _allows("555 014 2999", tel)
    assert not _allows("555 014 2998", tel)


def test_email_case_and_no_substring() -> None:
    email = finding("email-address", Category.EMAIL, "press@example.com")
    assert _allows("Press@Example.COM", email)
    assert not _allows("example.com", email)
    assert not _allows("ress@example.com", email)


def test_compact_values_addresses_positions_and_rule_scope() -> None:
    iban = finding("iban", Category.FINANCIAL, "iban:DE89370400440532013000")
    assert _allows("DE89 3704 0044 0532 0130 00", iban)
    assert not _allows("DE89 3704", iban)
    address = finding(
        "home-address", Category.ADDRESS, "1428 se alder st", "1428 SE Alder St, Portland, OR"
    )
    assert _allows("1428 SE Alder St.", address)
    assert _allows("1428 SE Alder St, Portland", address)
    assert not _allows("1428 SE", address)
    spot = finding("photo-gps", Category.LOCATION, "47.6740,-122.3871")
    assert _allows("47.674, -122.3871", spot)
    assert not _allows("47.675, -122.3871", spot)
    assert _allows("1428 SE Alder St", address, rule="home-address")
    assert not _allows("1428 SE Alder St", address, rule="device-name")


def test_inference_findings_are_never_allow_listed() -> None:
    home = finding("inferred-home", Category.INFERENCE, "", "47.674000,-122.387067")
    assert not _allows("47.674000,-122.387067", home)


def test_severity_bands_follow_the_model() -> None:
    assert severity_band(Severity.CRITICAL) == (80, 100)
    assert severity_band(Severity.HIGH) == (60, 79)
    assert severity_band(Severity.INFO) == (0, 14)


def _result(findings: list[Finding]) -> ScanResult:
    rank(findings)
    return ScanResult(
        archives=[ArchiveSummary(path="a.zip")],
        findings=findings,
        grade=grade([f.severity for f in findings]),
    )


def test_override_reranks_regrades_and_explains() -> None:
    result = _result(
        [
            finding("email-address", Category.EMAIL, "a@example.com", score=70),
            finding("phone-number", Category.PHONE, "+12065550142", score=40),
        ]
    )
    assert result.grade == "D"
    policy = Policy(severity={"email-address": Severity.LOW})
    outcome = apply_policy(result, policy)
    assert outcome.overridden == 1
    email = next(f for f in result.findings if f.rule == "email-address")
    assert email.severity is Severity.LOW and email.score == 34
    assert email.why.endswith("→ low by your policy (no policy file): score 34")
    assert [f.rule for f in result.findings] == ["phone-number", "email-address"]
    assert result.grade == "C"
    assert "severity set by your policy on 1 finding(s)" in result.archives[0].notes[0]


@cache
def _x_result() -> ScanResult:
    return scan([X_FOLDER], ScanOptions(now=NOW))


def test_disabled_inference_rules_leave_findings_profile_and_plan() -> None:
    result = copy.deepcopy(_x_result())
    assert {"identity-theft-kit", "inferred-home"} <= {f.rule for f in result.findings}
    assert result.profile is not None and result.profile.places
    policy = Policy(disabled=frozenset({"identity-theft-kit", "inferred-home"}))
    outcome = apply_policy(result, policy)
    assert outcome.disabled == 2
    assert not {"identity-theft-kit", "inferred-home"} & {f.rule for f in result.findings}
    assert result.grade == "D"  # the kit was the only critical finding
    assert all(p.role != "home" for p in result.profile.places)
    ids = {f.id for f in result.findings}
    assert all(set(step.finding_ids) <= ids for step in result.action_plan)


def test_allow_list_on_a_real_scan_drops_the_number_everywhere() -> None:
    result = copy.deepcopy(_x_result())
    before = [f for f in result.findings if f.key == "+12065550142"]
    assert len(before) == 1 and len(before[0].occurrences) >= 3
    apply_policy(result, Policy(allow_values=("206-555-0142",), phone_region="US"))
    assert all(f.key != "+12065550142" for f in result.findings)
    assert "1 finding(s) on your allow-list not reported" in result.archives[0].notes[-1]


def test_scan_options_carry_detector_rules_and_keywords_only() -> None:
    policy = Policy(disabled=frozenset({"phone-number", "inferred-home"}), org_keywords=("Globex",))
    options = scan_options(policy, ScanOptions(org_keywords=("Initech",)))
    assert options.disabled_rules == {"phone-number"}
    assert options.org_keywords == ("Initech", "Globex")


def test_disabled_detector_rule_is_not_detected() -> None:
    policy = Policy(disabled=frozenset({"phone-number"}))
    result = scan([X_FOLDER], scan_options(policy, ScanOptions(now=NOW)))
    assert all(f.category is not Category.PHONE for f in result.findings)


def test_empty_policy_changes_nothing() -> None:
    result = copy.deepcopy(_x_result())
    before = [(f.id, f.score) for f in result.findings]
    outcome = apply_policy(result, Policy())
    assert [(f.id, f.score) for f in result.findings] == before and not outcome.notes
