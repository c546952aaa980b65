"""The severity model: harm by detail, worst occurrence, recency, factors named in `why`."""

from __future__ import annotations

from datetime import UTC, datetime

from privaudit.assess import Hit, OwnFacts, build_findings, grade
from privaudit.assess.severity import recency, score
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

NOW = datetime(2024, 11, 3, tzinfo=UTC)


def _record(pointer: str, exposure: Exposure, when: datetime | None, label: str) -> Record:
    return Record(
        platform="x",
        archive="a.zip",
        path="data/tweets.js",
        pointer=pointer,
        kind=Kind.POST,
        exposure=exposure,
        author_is_self=True,
        timestamp=when,
        fields=(Field("full_text", pointer + "/full_text", "text", Role.TEXT),),
        label=label,
    )


def _geo(pointer: str, harm: int, detail: str) -> Match:
    return Match(
        rule="post-geotag",
        category=Category.LOCATION,
        title="Post geotag",
        value="47.674000,-122.387100",
        key="47.6740,-122.3871",
        evidence="47.6•••, -122.3•••",
        pointer=pointer,
        span=None,
        harm=harm,
        confidence=Confidence.HIGH,
        detail=detail,
    )


def test_recency_only_discounts_values_that_change() -> None:
    old = datetime(2016, 1, 1, tzinfo=UTC)
    ancient = datetime(2010, 1, 1, tzinfo=UTC)
    assert recency(Category.LOCATION, old, NOW).factor == 0.9
    assert recency(Category.LOCATION, ancient, NOW).factor == 0.8
    assert recency(Category.LOCATION, datetime(2023, 1, 1, tzinfo=UTC), NOW).factor == 1.0
    for timeless in (Category.BIRTHDATE, Category.GOVERNMENT_ID, Category.CREDENTIAL):
        assert recency(timeless, ancient, NOW).factor == 1.0
    assert recency(Category.PHONE, None, NOW).factor == 1.0
    assert recency(Category.PHONE, old, None).factor == 1.0
    assert recency(Category.PHONE, datetime(2010, 1, 1), NOW).factor == 1.0  # naive: no guess


def test_worst_single_occurrence_sets_the_score_and_its_harm() -> None:
    # An approximate position in a public post and the exact one in account data are not
    # blended into "an exact public position".
    public = _record("/0/tweet", Exposure.PUBLIC, datetime(2024, 1, 1, tzinfo=UTC), "tweet")
    account = _record("/1/tweet", Exposure.ACCOUNT, datetime(2024, 1, 1, tzinfo=UTC), "history")
    hits = [
        Hit(public, _geo("/0/tweet/geo", 25, "approximate (±5 km) position")),
        Hit(account, _geo("/1/tweet/geo", 60, "exact position")),
    ]
    [finding] = build_findings(hits, OwnFacts(), NOW)
    assert finding.score == 25 + 2  # max(25 × 1.0, 60 × 0.3 = 18) + volume for 2 places
    assert "approximate" in finding.why and "public tweet" in finding.why
    assert finding.exposure is Exposure.PUBLIC


def test_old_public_item_names_its_age_in_why() -> None:
    old = _record("/0/tweet", Exposure.PUBLIC, datetime(2016, 5, 1, tzinfo=UTC), "tweet")
    [finding] = build_findings([Hit(old, _geo("/0/tweet/geo", 60, "exact position"))],
                               OwnFacts(), NOW)  # fmt: skip
    assert finding.score == 54
    assert "from 2016, over 5 years ago (×0.9)" in finding.why
    [undated] = build_findings([Hit(old, _geo("/0/tweet/geo", 60, "exact position"))], OwnFacts())
    assert undated.score == 60 and "years ago" not in undated.why


def test_why_names_every_factor() -> None:
    result = score(
        harm=70,
        what="full date of birth",
        exposure=Exposure.PUBLIC,
        where="public tweet",
        confidence=Confidence.HIGH,
        confidence_reason="matches your own birth date in X settings",
        occurrences=2,
    )
    assert result.why == (
        "public tweet (×1) × full date of birth (harm 70) × high confidence: matches your own "
        "birth date in X settings (×1) + seen in 2 places (+2) = 72 (high)"
    )


def test_grade_follows_the_worst_finding_never_an_average() -> None:
    assert grade([]) == "A"
    assert grade([Severity.INFO] * 50) == "A"
    assert grade([Severity.LOW] * 50 + [Severity.CRITICAL]) == "F"
    assert grade([Severity.MEDIUM, Severity.HIGH, Severity.LOW]) == "D"
