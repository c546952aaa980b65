"""A scan result whose archive-derived strings are hostile, for the report-format tests.

Member names, pointers (JSON keys), links, tags, notes and reasons carry Markdown, HTML,
console markup, terminal escape sequences, bidirectional overrides and spreadsheet
formulas: every format must print them as inert text. Everything is synthetic.
"""

from __future__ import annotations

from datetime import UTC, datetime

from privaudit.model import (
    ActionStep,
    ArchiveSummary,
    Category,
    Confidence,
    Exposure,
    Finding,
    Kind,
    Occurrence,
    PlaceSummary,
    Profile,
    ScanResult,
    Severity,
    Skipped,
)

ARCHIVE = "exports/evil|`archive`<b>.zip"
EVIL_PATH = "data/<script>alert(1)</script>|[click](http://evil.example)\x1b]0;pwned\x07\u202e.js"
EVIL_POINTER = "/0/<img src=x onerror=alert(1)>/`code`|cell/~1x"
EVIL_URL = "https://x.com/evil|user`<b>/status/1 2)](javascript:alert(1))"
SCRIPT_URL = "javascript:alert(1)"
EVIL_TAG = "[/]GPS[bold red]"
EVIL_NOTE = "note [/] with \x1b[31mred\x1b[0m and [link=http://evil.example]x[/link]"
EVIL_SKIPPED = "data/[/]broken\n# heading.js"
EVIL_REASON = "not valid JSON: <b>bad</b> | [x](http://evil.example) www.evil.example"
RAW_PHONE = "+1 206 555 0100"
RAW_COORDS = "-33.856784,151.215297"
WHEN = datetime(2024, 5, 2, 15, 4, 5, tzinfo=UTC)


def _occurrence(path: str, pointer: str, url: str | None, tag: str = "") -> Occurrence:
    return Occurrence(
        archive=ARCHIVE,
        path=path,
        pointer=pointer,
        span=(3, 18) if pointer else None,
        timestamp=WHEN,
        url=url,
        exposure=Exposure.PUBLIC,
        kind=Kind.POST,
        author_is_self=True,
        tag=tag,
        platform="x",
    )


def hostile_result() -> ScanResult:
    """Two findings, a plan step, a profile and a skipped member, all with hostile text."""
    phone = Finding(
        id="0123456789abcdef",
        rule="phone-number",
        category=Category.PHONE,
        title="Phone number",
        severity=Severity.HIGH,
        score=64,
        confidence=Confidence.HIGH,
        exposure=Exposure.PUBLIC,
        platform="x",
        evidence='=HYPERLINK("http://evil.example")|<img src=x>[x](javascript:alert(1))',
        value=RAW_PHONE,
        why="public post (×1) × phone <script>alert(1)</script> | www.evil.example",
        remediation=["# not a heading", "1. not a list", "- not an item | not a cell"],
        occurrences=[
            _occurrence(EVIL_PATH, EVIL_POINTER, EVIL_URL),
            _occurrence("data/tweets.js", "/1/tweet/full_text", SCRIPT_URL),
            _occurrence("data/photo.jpg", "", None, EVIL_TAG),
        ],
        detail="valid <b>US</b> number, mail evil@evil.example, see http://evil.example",
    )
    place = Finding(
        id="fedcba9876543210",
        rule="photo-gps",
        category=Category.LOCATION,
        title="Photo GPS location",
        severity=Severity.MEDIUM,
        score=40,
        confidence=Confidence.HIGH,
        exposure=Exposure.PUBLIC,
        platform="x",
        evidence="-33.8•••, 151.2•••",
        value=RAW_COORDS,
        why="public photo",
        remediation=["@evil cell", "+ not a list"],
        occurrences=[_occurrence("=cmd|' /C calc'!A0.jpg", "", None, "GPSLatitude")],
    )
    step = ActionStep(
        id="5b0e2c7d9a14f3e8",
        type="delete-public",
        action="Delete 2 public items | <b>now</b>",
        how="- open [each](http://evil.example) link",
        why="Public items are indexed within minutes.",
        platform="x",
        categories=[Category.PHONE],
        count=2,
        effort_minutes=3.0,
        risk_removed=60,
        links=[EVIL_URL, SCRIPT_URL, f"{EVIL_PATH}#{EVIL_POINTER}"],
        finding_ids=[phone.id, place.id],
    )
    profile = Profile(
        timezone="Australia/Sydney",
        timed_items=25,
        places=[
            PlaceSummary(
                role="home",
                near="Sydney <b>AU</b> | [x](http://evil.example)",
                items=3,
                radius_m=20,
                exposure=Exposure.PUBLIC,
                evidence="-33.8•••, 151.2•••",
                value=RAW_COORDS,
            )
        ],
    )
    archive = ArchiveSummary(
        path=ARCHIVE,
        platforms=["x"],
        members=3,
        records=4,
        skipped=[Skipped(path=EVIL_SKIPPED, reason=EVIL_REASON)],
        notes=[EVIL_NOTE],
    )
    return ScanResult(
        archives=[archive],
        findings=[phone, place],
        grade="D",
        records=4,
        generated_at=WHEN,
        action_plan=[step],
        profile=profile,
    )
