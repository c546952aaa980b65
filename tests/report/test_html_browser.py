"""The HTML report in a real browser (headless Chromium): it renders, and loads nothing.

The page has no script and its Content Security Policy forbids any, so what Chromium draws
here is what a browser with JavaScript disabled draws. Skipped when Chromium is not
installed (CI installs it when it can: see .ci/run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from privaudit.report import FORMATTERS, ReportOptions
from privaudit.scan import scan
from tests.helpers import FIXTURES
from tests.report.test_html import offline_problems

INFERENCE = FIXTURES / "inference" / "twitter-2024-11-03-routine-synthetic"
TIMEOUT_S = 120
GRADE_RGB = {
    "A": (0x15, 0x80, 0x3D),
    "B": (0x0F, 0x76, 0x6E),
    "C": (0xB4, 0x53, 0x09),
    "D": (0xDC, 0x26, 0x26),
    "F": (0x7F, 0x1D, 0x1D),
}
"""The grade tile's colours (the report's CSS)."""


def _chromium() -> str | None:
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    env = {**os.environ, "HOME": str(profile)}
    return subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    assert CHROMIUM is not None
    try:
        probe = subprocess.run(
            [CHROMIUM, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"chromium does not start: {error}")
    if probe.returncode != 0:
        pytest.skip(f"chromium does not start: {probe.stderr.strip()[:200]}")
    result = scan([INFERENCE])
    folder = tmp_path_factory.mktemp("html")
    path = folder / "report.html"
    path.write_text(FORMATTERS["html"].render(result, ReportOptions()), encoding="utf-8")
    yield path, result.grade


def _screenshot(path: Path, tmp_path: Path, width: int, height: int) -> Image.Image:
    shot = tmp_path / f"shot-{width}.png"
    done = _run(
        [f"--screenshot={shot}", f"--window-size={width},{height}", path.as_uri()],
        tmp_path / f"profile-{width}",
    )
    assert shot.exists(), f"no screenshot (exit {done.returncode}): {done.stderr[-500:]}"
    image = Image.open(shot).convert("RGB")
    assert image.size == (width, height)
    return image


def _near(image: Image.Image, rgb: tuple[int, int, int], tolerance: int = 6) -> int:
    """Pixels within ``tolerance`` of ``rgb`` on every channel."""
    count = 0
    for colour_count, colour in image.getcolors(maxcolors=_pixels(image)) or []:
        if all(abs(a - b) <= tolerance for a, b in zip(colour, rgb, strict=True)):
            count += colour_count
    return count


def _pixels(image: Image.Image) -> int:
    return image.size[0] * image.size[1]


def test_desktop_screenshot_renders(page: tuple[Path, str], tmp_path: Path) -> None:
    path, grade = page
    image = _screenshot(path, tmp_path, 1280, 2400)
    colours = image.getcolors(maxcolors=_pixels(image)) or []
    assert len(colours) > 500, "a blank or unstyled page"
    assert max(ImageStat.Stat(image).stddev) > 20
    # The grade tile (116 × 116 px) in its colour, near the top.
    assert _near(image.crop((0, 0, 1280, 300)), GRADE_RGB[grade]) > 5000
    # The severity colours of the charts are drawn.
    assert _near(image, (0xB4, 0x53, 0x09)) > 500  # medium bars and badges
    # Page background and the white cards are both there (CSS applied).
    assert _near(image, (0xF4, 0xF5, 0xF7), 1) > 10_000
    assert _near(image, (0xFF, 0xFF, 0xFF), 1) > 100_000


def test_mobile_screenshot_renders(page: tuple[Path, str], tmp_path: Path) -> None:
    path, grade = page
    image = _screenshot(path, tmp_path, 400, 2400)
    assert len(image.getcolors(maxcolors=_pixels(image)) or []) > 200
    assert _near(image.crop((0, 0, 400, 300)), GRADE_RGB[grade]) > 3000


def test_dom_has_the_sections_and_loads_nothing(page: tuple[Path, str], tmp_path: Path) -> None:
    path, grade = page
    done = _run(["--dump-dom", path.as_uri()], tmp_path / "profile-dom")
    dom = done.stdout
    assert "<html" in dom, done.stderr[-500:]
    for ident in ("summary", "plan", "pattern", "findings"):
        assert f'id="{ident}"' in dom
    for heading in ("Summary", "Action plan", "Pattern of life", "Findings"):
        assert f">{heading}</h2>" in dom
    assert f'aria-label="Grade {grade}"' in dom
    for chart in ("chart-severity", "chart-category", "chart-hours", "chart-positions"):
        assert f'id="{chart}-title"' in dom
    assert offline_problems(dom) == []
