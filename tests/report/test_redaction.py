"""Redaction proof: no report format prints a raw value unless ``--reveal`` asks for it.

Every formatter registered in ``privaudit.report.FORMATTERS`` is checked (formats added
later are covered automatically) on real scans of synthetic fixtures: the X archive (zip),
the LinkedIn export (CSV), the Telegram export (JSON with a location share) and a generated
folder of notes holding a payment card, an IBAN, a password and an API key. The raw values
are collected from the scan itself: every finding's ``value`` (each part of a combined
value such as an identity-theft kit), the exact text at every occurrence's span in the X
archive (so each spelling of a number counts), the probable home's centre, and each
coordinate at full precision. Report files are written owner-only (0600).
"""

from __future__ import annotations

import html
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from privaudit.model import Category, ScanResult
from privaudit.report import FORMATTERS
from privaudit.report.interface import ReportOptions
from privaudit.report.output import write_private
from privaudit.scan import scan
from tests.helpers import FIXTURES, X_ZIP, resolve_in_archive

LINKEDIN = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024"
TELEGRAM = FIXTURES / "telegram" / "DataExport_2024-11-03"
NOTES = "\n".join(
    [
        "lol my card 4929 0575 1016 2829 exp 04/27 just got declined again",
        "IBAN: DE89 3704 0044 0532 0130 00 thx",
        "Login: dana_k / Password: Tr0ub4dor&3",
        "token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5 for the deploy script",
    ]
)
"""Synthetic secrets: a Luhn-valid card outside the public test ranges, the standard
example IBAN, a made-up password and a made-up GitHub-format token."""
PLANTED = {
    "x": {"dana.w.private@protonmail.com", "(206) 555-0142", "206 555 0199", "+49 151 23456789"},
    "linkedin": {"elena.m.private@protonmail.com", "1428 SE Alder St, Portland, OR 97214"},
    "telegram": {"mira.okonkwo@posteo.net", "41.878113"},
    "notes": {"4929 0575 1016 2829", "DE89 3704 0044 0532 0130 00", "Tr0ub4dor&3"},
}
"""Values the fixtures' PLANTED.md files list: the collection below must include them, so
the proof cannot pass by collecting nothing."""
TEXT_FORMATS = ("terminal", "markdown", "csv", "json", "sarif")
"""Formats whose revealed output must contain every value."""
_COORDINATE = re.compile(r"-?\d{1,3}\.\d{3,}")


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ScanResult]:
    notes = tmp_path_factory.mktemp("notes")
    (notes / "notes.txt").write_text(NOTES + "\n", encoding="utf-8")
    return {
        "x": scan([X_ZIP]),
        "linkedin": scan([LINKEDIN]),
        "telegram": scan([TELEGRAM]),
        "notes": scan([notes]),
    }


def raw_values(name: str, result: ScanResult) -> set[str]:
    """Everything the report must not print without ``--reveal``."""
    values: set[str] = set()
    for finding in result.findings:
        values.add(finding.value)
        values.update(part.strip() for part in finding.value.split(" · "))
        if name == "x":
            values.update(_spans(finding.occurrences))
    if result.profile is not None:
        values.update(place.value for place in result.profile.places)
    coordinates = {
        number
        for finding in result.findings
        if finding.category in (Category.LOCATION, Category.INFERENCE)
        for number in _COORDINATE.findall(finding.value)
    }
    for number in coordinates:  # full precision, and still too precise at 3 decimals
        values.add(number)
        values.add(number[: number.index(".") + 4])
    return {v for v in values if len(v.strip()) >= 5}


def _spans(occurrences: list[Any]) -> Iterator[str]:
    for occurrence in occurrences:
        if occurrence.span and occurrence.pointer and occurrence.path.endswith(".js"):
            text = resolve_in_archive(X_ZIP, occurrence.path, occurrence.pointer)
            if isinstance(text, str):
                start, end = occurrence.span
                yield text[start:end]


def views(output: str) -> list[str]:
    """The output as a reader could see it: as written, with HTML entities and Markdown
    escapes undone, as the strings of a JSON document, and with whitespace collapsed."""
    unescaped = re.sub(r"\\(.)", r"\1", html.unescape(output)).replace("\u2060", "")
    out = [output, unescaped]
    try:
        document = json.loads(output)
    except ValueError:
        pass
    else:
        out.append("\n".join(_strings(document)))
    out += [" ".join(v.split()) for v in out]
    return out


def _strings(node: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, path)
    elif isinstance(node, dict):
        for key, item in node.items():
            if path[-2:] == ("tool", "driver") and key == "rules":
                continue  # rule documentation: static text, the same in every report
            yield from _strings(item, (*path, key))


def _without_rule_docs(output: str) -> str:
    """SARIF carries each rule's documentation, whose examples may share a fixture's
    made-up number; that text is the tool's, not the archive's."""
    try:
        document = json.loads(output)
    except ValueError:
        return output
    return "\n".join(_strings(document))


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
@pytest.mark.parametrize("name", ["x", "linkedin", "telegram", "notes"])
def test_no_raw_value_without_reveal(scans: dict[str, ScanResult], fmt: str, name: str) -> None:
    result = scans[name]
    values = raw_values(name, result)
    assert result.findings and PLANTED[name] <= values, PLANTED[name] - values
    options = ReportOptions(color=False, width=120, details=True, top=1000)
    output = _without_rule_docs(FORMATTERS[fmt].render(result, options))
    for view in views(output):
        leaked = sorted(v for v in values if v in view)
        assert not leaked, f"{fmt} prints {leaked} from {name} without --reveal"


@pytest.mark.parametrize("fmt", [f for f in TEXT_FORMATS if f in FORMATTERS])
@pytest.mark.parametrize("name", ["x", "linkedin", "telegram", "notes"])
def test_values_shown_with_reveal(scans: dict[str, ScanResult], fmt: str, name: str) -> None:
    result = scans[name]
    options = ReportOptions(color=False, width=4000, details=True, top=1000, reveal=True)
    shown = views(FORMATTERS[fmt].render(result, options))
    for finding in result.findings:
        value = " ".join(finding.value.split())
        assert any(value in view for view in shown), f"{fmt} hides {value!r} under --reveal"


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_report_files_are_owner_only(
    scans: dict[str, ScanResult], tmp_path: Path, fmt: str
) -> None:
    text = FORMATTERS[fmt].render(scans["x"], ReportOptions(color=False))
    fresh = tmp_path / f"fresh.{fmt}"
    write_private(fresh, text)
    existing = tmp_path / f"existing.{fmt}"
    existing.write_text("old report")
    os.chmod(existing, 0o644)
    write_private(existing, text)
    for path in (fresh, existing):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().decode("utf-8") == text
