"""The action plan: de-duplicated, counted, linked, ordered by risk removed per minute."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import jsonschema
import pytest

from privaudit.assess.plan import build_plan
from privaudit.model import (
    Category,
    Confidence,
    Exposure,
    Finding,
    Kind,
    Occurrence,
    ScanResult,
    Severity,
)
from privaudit.report.interface import ReportOptions
from privaudit.report.json import report_document
from privaudit.report.terminal import TerminalFormatter
from privaudit.scan import scan
from tests.helpers import X_FOLDER


def _occ(n: int, exposure: Exposure, kind: Kind = Kind.POST, url: bool = True) -> Occurrence:
    return Occurrence(
        archive="a",
        path="data/tweets.js",
        pointer=f"/{n}/tweet/full_text",
        span=(0, 5),
        timestamp=None,
        url=f"https://x.com/u/status/{n}" if url else None,
        exposure=exposure,
        kind=kind,
        author_is_self=True,
        platform="x",
    )


def _finding(fid: str, category: Category, rule: str, score: int, occs: list[Occurrence],
             key: str = "") -> Finding:  # fmt: skip
    return Finding(
        id=fid, rule=rule, category=category, title=rule, severity=Severity.from_score(score),
        score=score, confidence=Confidence.HIGH, exposure=min(
            (o.exposure for o in occs), key=lambda e: e.rank),
        platform="x", evidence="•", value="v", why="w", remediation=["r"], occurrences=occs,
        key=key or fid,
    )  # fmt: skip


def test_items_are_deduplicated_across_findings_and_counted() -> None:
    phone = _finding(
        "a" * 16,
        Category.PHONE,
        "phone-number",
        65,
        [_occ(1, Exposure.PUBLIC), _occ(2, Exposure.PUBLIC)],
    )
    birth = _finding("b" * 16, Category.BIRTHDATE, "birthdate-full", 73,
                     [_occ(2, Exposure.PUBLIC), _occ(3, Exposure.PUBLIC)])  # fmt: skip
    plan = build_plan([phone, birth])
    [delete] = [s for s in plan if s.type == "delete-public"]
    assert delete.count == 3 and delete.action == "Delete 3 public posts on X"
    assert delete.links == [f"https://x.com/u/status/{n}" for n in (1, 2, 3)]
    assert set(delete.finding_ids) == {"a" * 16, "b" * 16}
    # public → deleted-once-public keeps 0.7 of the weight: 30 % of each score is removed
    assert delete.risk_removed == round(0.3 * 65 + 0.3 * 73)
    assert delete.effort_minutes == 1 + 3
    assert "indexed within minutes" in delete.residual


def test_protective_steps_once_per_kind_of_value() -> None:
    keys = [
        _finding(f"{i:016x}", Category.CREDENTIAL, "api-key", 90, [_occ(i, Exposure.PUBLIC)])
        for i in range(3)
    ]
    keys[0].detail, keys[1].detail, keys[2].detail = (
        "GitHub token", "AWS access key ID", "GitHub token",
    )  # fmt: skip
    plan = build_plan(keys)
    [rotate] = [s for s in plan if s.type == "rotate-key"]
    assert rotate.count == 3 and rotate.action == "Revoke and replace 3 leaked keys"
    assert "github.com/settings/tokens" in rotate.how and "IAM" in rotate.how
    assert rotate.risk_removed == round(3 * 90 * 0.9)
    assert rotate.platform == "" and rotate.links == []


def test_already_deleted_and_other_peoples_items_need_no_removal() -> None:
    theirs = replace(_occ(9, Exposure.PRIVATE, Kind.MESSAGE), author_is_self=False)
    wish = _finding("d" * 16, Category.INFERENCE, "reconstructed-birthdate", 35, [theirs])
    deleted = _finding("c" * 16, Category.PHONE, "phone-number", 42, [_occ(4, Exposure.DELETED)])
    plan = build_plan([deleted, wish])
    assert not [s for s in plan if s.type.startswith("delete-")]


def test_plan_is_ordered_by_risk_per_minute() -> None:
    result = scan([X_FOLDER])
    priorities = [s.priority for s in result.action_plan]
    assert priorities == sorted(priorities, reverse=True)
    assert result.action_plan[0].type == "delete-public"
    ids = {f.id for f in result.findings}
    assert all(set(s.finding_ids) <= ids for s in result.action_plan)


@pytest.fixture(scope="module")
def x_result() -> ScanResult:
    return scan([X_FOLDER])


def test_json_action_plan_and_profile_follow_the_schema(x_result: ScanResult) -> None:
    schema = json.loads(
        resources.files("privaudit").joinpath("schema/report.schema.json").read_text()
    )
    doc = json.loads(json.dumps(report_document(x_result, ReportOptions())))
    jsonschema.validate(doc, schema)
    assert doc["action_plan"] and doc["action_plan"][0]["links"]
    assert list(doc)[-2:] == ["action_plan", "profile"]
    [home] = doc["profile"]["places"]
    assert "value" not in home and "•" in home["evidence"]
    revealed = report_document(x_result, ReportOptions(reveal=True))
    assert revealed["profile"]["places"][0]["value"].startswith("47.67")


def test_min_severity_hides_plan_steps_of_hidden_findings(x_result: ScanResult) -> None:
    doc = report_document(x_result, ReportOptions(min_severity=Severity.CRITICAL))
    shown = {f["id"] for f in doc["findings"]}
    assert doc["action_plan"]
    assert all(shown & set(step["finding_ids"]) for step in doc["action_plan"])


def test_terminal_shows_the_plan_after_the_summary(x_result: ScanResult) -> None:
    text = TerminalFormatter().render(x_result, ReportOptions(color=False, width=100))
    summary, plan, life, table = (
        text.index("Grade F"), text.index("Action plan"), text.index("Pattern of life"),
        text.index("Findings, worst first"),
    )  # fmt: skip
    assert summary < plan < life < table
    assert "Delete 8 public items" in text and "https://x.com/danawhit_runs/status/" in text
    assert "near Greenwood, Seattle, US" in text and "47.674" not in text
    revealed = TerminalFormatter().render(x_result, ReportOptions(color=False, reveal=True))
    assert "47.674" in revealed


def test_a_failing_inference_step_does_not_lose_the_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from privaudit.assess import pipeline
    from privaudit.scan import scan
    from tests.helpers import X_FOLDER

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("synthetic failure")

    monkeypatch.setattr(pipeline, "infer", boom)
    result = scan([X_FOLDER])
    assert any(f.category.value == "phone" for f in result.findings)
    assert any("could not be worked out" in n for n in result.archives[0].notes)


def test_account_entries_are_reviewed_in_settings_not_deleted_as_posts(
    x_result: ScanResult,
) -> None:
    [review] = [s for s in x_result.action_plan if s.type == "review-account"]
    assert "Settings" in review.how
    assert "Delete the post" not in review.how
