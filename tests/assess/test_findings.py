"""Grouping, overlap resolution, own facts, scoring and ranking of findings."""

from __future__ import annotations

from datetime import UTC, datetime

from privaudit.assess import Hit, OwnFacts, build_findings, grade
from privaudit.assess.severity import score, volume_bonus
from privaudit.model import (
    Category,
    Confidence,
    Exposure,
    Field,
    Kind,
    Match,
    Record,
    Role,
    Severity,
)


def _record(
    path: str = "data/tweets.js",
    pointer: str = "/0/tweet",
    kind: Kind = Kind.POST,
    exposure: Exposure = Exposure.PUBLIC,
    label: str = "tweet",
) -> Record:
    return Record(
        platform="x",
        archive="a.zip",
        path=path,
        pointer=pointer,
        kind=kind,
        exposure=exposure,
        author_is_self=True,
        timestamp=datetime(2024, 5, 2, tzinfo=UTC),
        url="https://x.com/u/status/1",
        fields=(Field("full_text", pointer + "/full_text", "text", Role.TEXT),),
        label=label,
    )


def _phone(
    span: tuple[int, int] = (10, 24),
    confidence: Confidence = Confidence.MEDIUM,
    pointer: str = "/0/tweet/full_text",
    key: str = "+12065550142",
) -> Match:
    return Match(
        rule="phone-number",
        category=Category.PHONE,
        title="Phone number",
        value="(206) 555-0142",
        key=key,
        evidence="+1 •••• ••0142",
        pointer=pointer,
        span=span,
        harm=60,
        confidence=confidence,
        detail="valid US mobile number",
        reasons=("context: 'text me'",),
    )


def test_same_value_in_many_posts_is_one_finding_with_occurrences() -> None:
    hits = [
        Hit(_record(pointer=f"/{i}/tweet"), _phone(pointer=f"/{i}/tweet/full_text"))
        for i in range(40)
    ]
    findings = build_findings(hits, OwnFacts())
    assert len(findings) == 1
    assert len(findings[0].occurrences) == 40
    assert findings[0].score == round(60 * 1.0 * 0.85) + volume_bonus(40)


def test_overlapping_spans_keep_only_the_most_confident_match() -> None:
    record = _record()
    card = Match(
        rule="card-number",
        category=Category.FINANCIAL,
        title="Card number",
        value="4111111111111111",
        key="4111111111111111",
        evidence="•••• 1111",
        pointer="/0/tweet/full_text",
        span=(8, 24),
        harm=80,
        confidence=Confidence.HIGH,
    )
    findings = build_findings([Hit(record, _phone(span=(10, 24))), Hit(record, card)], OwnFacts())
    assert [f.category for f in findings] == [Category.FINANCIAL]


def test_disjoint_spans_in_one_field_are_both_kept() -> None:
    record = _record()
    other = _phone(span=(40, 52), key="+12065550199")
    findings = build_findings([Hit(record, _phone()), Hit(record, other)], OwnFacts())
    assert len(findings) == 2


def test_value_matching_account_fact_gets_high_confidence_and_says_so() -> None:
    facts = OwnFacts()
    account = _record(
        path="data/phone-number.js",
        pointer="/0/device",
        kind=Kind.ACCOUNT,
        exposure=Exposure.ACCOUNT,
        label="phone number on X account",
    )
    structured = _phone(span=None, confidence=Confidence.HIGH, pointer="/0/device/phoneNumber")
    facts.observe(account, [structured])
    assert facts.region == "US"
    hits = [Hit(account, structured), Hit(_record(), _phone(confidence=Confidence.LOW))]
    [finding] = build_findings(hits, facts)
    assert finding.confidence is Confidence.HIGH
    assert finding.own_fact == "phone number on X account"
    assert "matches your own phone number on X account" in finding.why
    assert finding.exposure is Exposure.PUBLIC  # the most exposed occurrence decides
    assert finding.occurrences[0].exposure is Exposure.PUBLIC


def test_account_only_value_is_low_not_high() -> None:
    facts = OwnFacts()
    account = _record(
        path="data/phone-number.js",
        pointer="/0/device",
        kind=Kind.ACCOUNT,
        exposure=Exposure.ACCOUNT,
        label="phone number on X account",
    )
    match = _phone(span=None, confidence=Confidence.HIGH, pointer="/0/device/phoneNumber")
    facts.observe(account, [match])
    [finding] = build_findings([Hit(account, match)], facts)
    assert finding.severity is Severity.LOW
    assert "stated in your phone number on X account" in finding.why


def test_ranking_is_worst_first_and_ids_hide_values() -> None:
    public = Hit(_record(), _phone())
    dm = Hit(
        _record(
            path="data/direct-messages.js",
            kind=Kind.MESSAGE,
            exposure=Exposure.PRIVATE,
            label="direct message",
        ),
        _phone(key="+12065550199"),
    )
    findings = build_findings([dm, public], OwnFacts())
    assert [f.exposure for f in findings] == [Exposure.PUBLIC, Exposure.PRIVATE]
    assert findings[0].score > findings[1].score
    for finding in findings:
        assert "0142" not in finding.id and "0199" not in finding.id
        assert len(finding.id) == 16


def test_why_lists_every_factor() -> None:
    scored = score(
        harm=60,
        what="valid US mobile number",
        exposure=Exposure.PUBLIC,
        where="public tweet",
        confidence=Confidence.HIGH,
        confidence_reason="matches your own phone",
        occurrences=4,
    )
    assert scored.value == 64
    assert scored.severity is Severity.HIGH
    for part in ("public tweet", "harm 60", "matches your own phone", "4 places", "= 64 (high)"):
        assert part in scored.why


def test_grade_follows_the_worst_finding_not_the_average() -> None:
    assert grade([]) == "A"
    assert grade([Severity.INFO] * 10) == "A"
    assert grade([Severity.LOW] * 50 + [Severity.CRITICAL]) == "F"
    assert grade([Severity.MEDIUM, Severity.HIGH]) == "D"
    assert grade([Severity.LOW]) == "B"


def test_severity_levels_from_score() -> None:
    assert [Severity.from_score(s) for s in (80, 79, 60, 35, 15, 14)] == [
        Severity.CRITICAL,
        Severity.HIGH,
        Severity.HIGH,
        Severity.MEDIUM,
        Severity.LOW,
        Severity.INFO,
    ]
