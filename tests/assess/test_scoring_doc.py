"""docs/scoring.md's worked examples are computed by the code: recompute every number."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from privaudit.assess.severity import recency, score
from privaudit.model import Category, Confidence, Exposure, Severity

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"
NOW = datetime(2024, 11, 3, tzinfo=UTC)


def _between(text: str, name: str) -> list[str]:
    start = text.index(f"<!-- {name}:start -->") + len(f"<!-- {name}:start -->")
    end = text.index(f"<!-- {name}:end -->")
    return [line for line in text[start:end].strip().splitlines() if line.strip()]


def test_worked_examples_match_the_code() -> None:
    rows = _between(DOC.read_text(encoding="utf-8"), "examples")[2:]  # skip header + rule
    assert len(rows) >= 10
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        _, category, harm, exposure, confidence, year, places, expected, level = cells
        fresh = recency(Category(category), datetime(int(year), 6, 1, tzinfo=UTC), NOW)
        result = score(
            harm=int(harm),
            what="x",
            exposure=Exposure(exposure),
            where="y",
            confidence=Confidence(confidence),
            confidence_reason="",
            occurrences=int(places),
            recency_factor=fresh.factor,
            recency_reason=fresh.reason,
        )
        assert (result.value, result.severity) == (int(expected), Severity(level)), row


def test_printed_why_lines_match_the_code() -> None:
    lines = [line.strip() for line in _between(DOC.read_text(encoding="utf-8"), "why")]
    phone = score(
        harm=60,
        what="valid US mobile number",
        exposure=Exposure.PUBLIC,
        where="public tweet",
        confidence=Confidence.HIGH,
        confidence_reason="matches your own phone number on X account",
        occurrences=5,
    )
    fresh = recency(Category.LOCATION, datetime(2018, 6, 1, tzinfo=UTC), NOW)
    photo = score(
        harm=60,
        what="exact position from EXIF GPS",
        exposure=Exposure.PUBLIC,
        where="public photo in tweet",
        confidence=Confidence.HIGH,
        confidence_reason="source: EXIF GPS",
        occurrences=1,
        recency_factor=fresh.factor,
        recency_reason=fresh.reason,
    )
    assert lines == [phone.why, photo.why]
