"""The HTML report: self-contained, offline, escaped, masked unless --reveal."""

from __future__ import annotations

import base64
import hashlib
import re
import time
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

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
    Routine,
    ScanResult,
    Severity,
    Skipped,
)
from privaudit.report import FORMATTERS, ReportOptions
from privaudit.report.html import MASKED_CELL_M, _spots, safe_url
from privaudit.scan import scan
from tests.helpers import FIXTURES, X_ZIP

INFERENCE = FIXTURES / "inference" / "twitter-2024-11-03-routine-synthetic"
HOSTILE = '<script>alert("x")</script><img src=https://evil.example/p.png>'

# Tags a self-contained report may use; anything that can load a resource is absent.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer",
    "section", "article", "div", "span", "a", "p", "h1", "h2", "h3", "h4", "ul", "ol", "li",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "code",
    "strong", "br", "time", "figure", "figcaption",
    "svg", "desc", "rect", "line", "circle", "path", "text",
}  # fmt: skip


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        else:
            self.text.append(data)


def offline_problems(document: str) -> list[str]:
    """Everything in a page that could make a browser fetch something (empty when offline)."""
    walker = _Walker()
    walker.feed(document)
    problems: list[str] = []
    for tag, attrs in walker.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}>")
        for name, value in attrs.items():
            value = (value or "").strip().lower()
            if name in ("src", "srcset", "data", "poster", "background", "xlink:href", "action"):
                problems.append(f"<{tag} {name}=…>")
            if name.startswith("on"):
                problems.append(f"<{tag} {name}> event handler")
            if name == "style":
                problems.append(f"<{tag} style=…> (not covered by the style hash)")
            if name == "href" and tag != "a":
                problems.append(f"<{tag} href=…>")
            if name == "href" and not (
                value.startswith(("https://", "http://", "#")) and "javascript:" not in value
            ):
                problems.append(f"<a href={value!r}>")
            if "://" in value and not (tag == "a" and name == "href"):
                problems.append(f"<{tag} {name}={value!r}>")
    for css in walker.styles:
        low = css.lower()
        if "url(" in low or "@import" in low or "@font-face" in low:
            problems.append("CSS reference")
    return problems


def _render(result: ScanResult, **options: object) -> str:
    return FORMATTERS["html"].render(result, ReportOptions(**options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def x_result() -> ScanResult:
    return scan([X_ZIP])


@pytest.fixture(scope="module")
def inference_result() -> ScanResult:
    return scan([INFERENCE])


def _occurrence(**changes: object) -> Occurrence:
    base = Occurrence(
        archive="a.zip",
        path="data/tweets.js",
        pointer="/0/tweet/full_text",
        span=(0, 5),
        timestamp=datetime(2024, 5, 2, 15, 4, 5, tzinfo=UTC),
        url="https://x.com/someone/status/1",
        exposure=Exposure.PUBLIC,
        kind=Kind.POST,
        author_is_self=True,
        platform="x",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _finding(**changes: object) -> Finding:
    base = Finding(
        id="0123456789abcdef",
        rule="phone-number",
        category=Category.PHONE,
        title="Phone number",
        severity=Severity.HIGH,
        score=64,
        confidence=Confidence.HIGH,
        exposure=Exposure.PUBLIC,
        platform="x",
        evidence="+1 •••• ••0142",
        value="206-555-0142",
        why="public tweet (×1) × valid US mobile number (harm 60)",
        remediation=["Delete the post on X."],
        occurrences=[_occurrence()],
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _result(findings: list[Finding], **changes: object) -> ScanResult:
    base = ScanResult(
        archives=[ArchiveSummary("a.zip", ["x"], members=3, records=9)],
        findings=findings,
        grade="D" if findings else "A",
        records=9,
        generated_at=datetime(2024, 11, 3, 12, 0, tzinfo=UTC),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# -- the real fixtures ------------------------------------------------------------------------


def test_registered_as_a_formatter() -> None:
    assert FORMATTERS["html"].name == "html"


def test_page_has_every_section_and_the_grade(x_result: ScanResult) -> None:
    page = _render(x_result)
    assert page.startswith("<!DOCTYPE html>")
    for ident in ("summary", "plan", "pattern", "findings"):
        assert f'<section class="card" id="{ident}"' in page
    assert f'class="grade grade-{x_result.grade}"' in page
    assert f"<title>privaudit report — grade {x_result.grade}</title>" in page
    assert 'id="chart-severity-title"' in page
    assert 'id="chart-category-title"' in page
    assert 'id="chart-hours-title"' in page
    assert 'id="chart-positions-title"' in page
    # Every finding is explained, with its member, pointer and post link.
    for finding in x_result.findings:
        assert f'id="f-{finding.id}"' in page
    assert "/0/tweet/full_text" in page
    assert 'href="https://x.com/danawhit_runs/status/' in page


def test_page_is_offline(x_result: ScanResult, inference_result: ScanResult) -> None:
    for result in (x_result, inference_result):
        for reveal in (False, True):
            page = _render(result, reveal=reveal)
            assert offline_problems(page) == []
            assert "<script" not in page.lower()


def test_content_security_policy_pins_the_stylesheet(x_result: ScanResult) -> None:
    page = _render(x_result)
    [css] = re.findall(r"<style>(.*?)</style>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    [policy] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    policy = policy.replace("&#x27;", "'")
    assert "default-src 'none'" in policy
    assert f"style-src 'sha256-{digest}'" in policy
    assert "script-src" not in policy  # falls back to 'none'


def test_masked_page_shows_no_raw_value_and_no_coordinates(x_result: ScanResult) -> None:
    page = _render(x_result)
    for raw in (
        "206-555-0142",
        "dana.whitfield.1984@fastmail.com",
        "F2LXK9Q7HG",
        "14 March 1984",
        "47.674",
        "-122.387",
        "Greenwood",  # the neighbourhood; the city ("Seattle, US") is the coarse label
    ):
        assert raw not in page, raw
    assert "+1 •••• ••0142" in page
    assert "Seattle, US" in page
    assert "Values are masked" in page


def test_revealed_page_shows_values_home_name_and_centre(x_result: ScanResult) -> None:
    page = _render(x_result, reveal=True)
    assert "206-555-0142" in page
    assert "Greenwood, Seattle, US" in page
    home = next(p for p in x_result.profile.places if p.role == "home")  # type: ignore[union-attr]
    assert f"Home centre: <code>{home.value}</code>" in page
    assert "Raw values shown" in page


def test_masked_positions_snap_to_the_grid(inference_result: ScanResult) -> None:
    page = _render(inference_result)
    svg = re.search(r'<svg class="chart positions".*?</svg>', page, re.S)
    assert svg is not None
    circles = re.findall(r'<circle class="dot [^"]*" cx="([\d.]+)" cy="([\d.]+)"', svg.group())
    # Home (6), work (5) and the Tuesday place (4) are three spots; Lisbon is not drawn.
    assert len(circles) == 3
    assert "4 more positions farther than 100 km are not drawn" in page
    for raw in ("45.535", "-122.649", "45.515", "38.72", "-9.14"):
        assert raw not in page
    # Spots sit on the masked grid around the home (the plot's centre is 220, 220).
    step = re.search(r"snapped to a ([\d.]+) (m|km) grid", page)
    assert step is not None
    assert float(step.group(1)) * (1000 if step.group(2) == "km" else 1) >= MASKED_CELL_M


def test_pattern_of_life_and_plan(inference_result: ScanResult) -> None:
    page = _render(inference_result)
    assert "America/Los_Angeles" in page
    assert "Every Tuesday around 18:00" in page
    assert "5 days away near Lisbon, PT" in page
    assert '<ol class="plan">' in page
    assert "Delete 22 public posts on X" in page


def test_rendering_is_deterministic(x_result: ScanResult) -> None:
    assert _render(x_result) == _render(x_result)


# -- hostile and edge cases ---------------------------------------------------------------------


def test_archive_content_is_escaped_everywhere() -> None:
    finding = _finding(
        title=HOSTILE,
        evidence=HOSTILE,
        value=HOSTILE,
        detail=HOSTILE,
        why=HOSTILE,
        remediation=[HOSTILE],
        occurrences=[
            _occurrence(
                path=f"data/{HOSTILE}.js",
                pointer=f"/0/{HOSTILE}",
                url="javascript:alert(1)",
                tag=HOSTILE,
            ),
            _occurrence(url='https://x.com/a"><script>alert(1)</script>'),
        ],
    )
    result = _result(
        [finding],
        archives=[
            ArchiveSummary(
                f"{HOSTILE}.zip",
                ["x"],
                skipped=[Skipped(HOSTILE, HOSTILE)],
                notes=[HOSTILE],
            )
        ],
    )
    for reveal in (False, True):
        page = _render(result, reveal=reveal)
        assert "<script" not in page.lower()
        assert "<img" not in page.lower()
        assert "&lt;script&gt;" in page
        assert offline_problems(page) == []
        assert 'href="javascript' not in page


def test_control_characters_and_lone_surrogates_become_replacement_marks() -> None:
    nasty = "a\x00b\x1bc\ud800d\u202eexe.jpg"
    page = _render(_result([_finding(evidence=nasty, occurrences=[_occurrence(path=nasty)])]))
    page.encode("utf-8")  # writable as UTF-8: no lone surrogate survives
    assert "\x00" not in page and "\x1b" not in page and "\u202e" not in page
    assert "a\ufffdb\ufffdc\ufffdd\ufffdexe.jpg" in page


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://x.com/a/status/1", True),
        ("http://example.org/p", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,hi", False),
        ("https://x.com/a b", False),
        ("//evil.example/x", False),
        ("https:///nohost", False),
        ("data/account.js#/0/account/email", False),
    ],
)
def test_only_plain_web_links_become_links(url: str, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


def test_plan_links_and_places(x_result: ScanResult) -> None:
    step = ActionStep(
        id="s1",
        type="review-account",
        action="Review 1 account entry on X",
        how="Use `privaudit strip` first",
        why="because",
        platform="x",
        categories=[Category.EMAIL],
        count=1,
        effort_minutes=3.5,
        risk_removed=8,
        links=["data/account.js#/0/account/email", "javascript:alert(1)"],
        finding_ids=["0123456789abcdef"],
    )
    page = _render(_result([_finding()], action_plan=[step]))
    assert "<code>data/account.js#/0/account/email</code>" in page
    assert "<code>javascript:alert(1)</code>" in page
    assert "Use <code>privaudit strip</code> first" in page


def test_no_findings() -> None:
    page = _render(_result([]))
    assert "No findings at or above the chosen severity." in page
    assert 'class="grade grade-A"' in page
    assert 'id="plan"' not in page
    assert offline_problems(page) == []


def test_min_severity_hides_lower_findings() -> None:
    low = _finding(id="feedfacefeedface", severity=Severity.LOW, score=20, title="Low one")
    page = _render(_result([_finding(), low]), min_severity=Severity.HIGH)
    assert "f-feedfacefeedface" not in page
    assert "Showing findings of severity high and above." in page


def test_neighbourhood_names_are_coarsened_in_every_text() -> None:
    home = PlaceSummary(
        "home",
        "Greenwood, Seattle, US",
        3,
        20,
        Exposure.PUBLIC,
        "47.6•••, -122.3•••",
        "47.674,-122.387",
    )
    profile = Profile(
        places=[home],
        routines=[Routine("Tuesday", 18, "near Fremont, Seattle, US", 4, None, None)],
    )
    finding = _finding(
        rule="inferred-home",
        category=Category.INFERENCE,
        detail="3 items place you within 20 m of your home (near Greenwood, Seattle, US)",
        evidence="47.6•••, -122.3••• ±20 m",
        value="47.674000,-122.387000",
    )
    result = _result([finding], profile=profile)
    masked = _render(result)
    assert "Greenwood" not in masked and "Fremont" not in masked
    assert "(near Seattle, US)" in masked
    assert "near Seattle, US (4 weeks)" in masked
    revealed = _render(result, reveal=True)
    assert "Greenwood, Seattle, US" in revealed and "Fremont, Seattle, US" in revealed


def test_no_home_centres_on_the_positions() -> None:
    points = [_finding(
        id=f"{i:016x}",
        rule="photo-gps",
        category=Category.LOCATION,
        evidence="52.5•••, 13.4•••",
        value=f"{52.52 + i * 0.001:.6f},{13.40:.6f}",
    ) for i in range(5)]  # fmt: skip
    page = _render(_result(points))
    assert "Your positions around the middle of your positions" in page
    assert "52.52" not in page
    assert offline_problems(page) == []


def test_a_huge_location_history_renders_fast_and_small() -> None:
    n = 100_000
    value = "; ".join(
        f"{47.6 + (i % 500) * 1e-4:.6f},{-122.3 - (i % 700) * 1e-4:.6f}" for i in range(n)
    )
    history = _finding(
        rule="location-history",
        category=Category.LOCATION,
        title="Location history",
        evidence=f"{n} positions from 47.6•••, -122.3••• to 47.6•••, -122.3•••",
        value=value,
        occurrences=[_occurrence(pointer=f"/locations/{i}", span=None) for i in range(n)],
    )
    result = _result([history])
    start = time.perf_counter()
    page = _render(result)
    revealed = _render(result, reveal=True)
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0
    assert len(page) < 200_000 and len(revealed) < 2_000_000
    assert "… and 99,975 more places" in page
    assert "more characters)" in revealed  # the revealed trail is cut, not printed whole


def test_spots_keep_a_cluster_together_across_grid_lines() -> None:
    # Five positions straddling the 250 m grid line between two cells: one spot, not two.
    offsets = [(245.0 + i * 3, 1000.0, Exposure.PUBLIC) for i in range(5)]
    spots = _spots(offsets, 500.0, snap=True)
    assert len(spots) == 1
    assert spots[0].count == 5
    assert spots[0].east % 500.0 == 0 and spots[0].north % 500.0 == 0


def test_spots_keep_the_most_exposed_audience() -> None:
    offsets = [
        (0.0, 0.0, Exposure.PRIVATE),
        (5.0, 5.0, Exposure.PUBLIC),
        (3.0, 1.0, Exposure.ACCOUNT),
    ]
    [spot] = _spots(offsets, 500.0, snap=True)
    assert spot.worst is Exposure.PUBLIC and spot.count == 3
