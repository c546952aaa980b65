"""The SARIF 2.1.0 report: findings for code-scanning dashboards and SARIF viewers.

One run; ``tool.driver`` is privaudit with every rule that has a finding (its documentation
is the rule's docstring, as ``privaudit explain`` prints it). Each finding is one result:

- ``level`` from the severity (critical/high ``error``, medium ``warning``, low/info
  ``note``), ``rank`` the 0–100 score, ``message`` the masked evidence (the raw value only
  with ``--reveal``);
- one ``location`` per occurrence (the first 1,000, most exposed first, as in the JSON
  report): ``physicalLocation.artifactLocation`` is the member path inside the archive,
  relative and URI-escaped, with ``uriBaseId`` ``ARCHIVE1``, ``ARCHIVE2`` … naming the
  archive (``run.originalUriBaseIds`` describes each one; it has no ``uri`` because a
  ``.zip`` is not a folder a URI can point into, and an absolute path is the user's);
- the RFC 6901 pointer to the field is the location's ``logicalLocations[0]``
  (``fullyQualifiedName`` = the pointer, ``kind`` ``value``), the convention SARIF §3.33.7
  shows for positions in JSON documents. ``region`` is not used: SARIF regions are lines
  and characters of the file, while privaudit points at a field of the parsed document. The
  span inside the field's text, the item's link, audience and time are in the location's
  ``properties``;
- ``partialFingerprints["privauditFindingId/v1"]`` is the finding id (a hash of where the
  value is, never of the value), so dashboards can track a finding across scans.

Members that could not be read are ``toolExecutionNotifications`` of the invocation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import orjson

from privaudit import __version__
from privaudit.assess.rules import ALL_RULES, _markdown, rule_doc
from privaudit.model import Finding, Occurrence, ScanResult, Severity
from privaudit.report.interface import ReportOptions, visible_findings
from privaudit.report.json import MAX_LISTED_OCCURRENCES

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The ``$schema`` identifier of the official OASIS schema (an identifier: never fetched)."""
FINGERPRINT = "privauditFindingId/v1"

LEVEL: dict[Severity, str] = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}


class SarifFormatter:
    """Static Analysis Results Interchange Format 2.1.0."""

    name = "sarif"

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        return orjson.dumps(sarif_log(result, options), option=orjson.OPT_INDENT_2).decode()


def sarif_log(result: ScanResult, options: ReportOptions) -> dict[str, Any]:
    """The whole SARIF log as plain data."""
    findings = visible_findings(result, options)
    rule_ids = list(dict.fromkeys(f.rule for f in findings))
    rule_index = {rule_id: index for index, rule_id in enumerate(rule_ids)}
    bases = _base_ids(result, findings)
    counts = {level.value: 0 for level in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if result.generated_at is not None:
        invocation["endTimeUtc"] = _iso(result.generated_at.astimezone(UTC))
    notifications = _notifications(result, bases)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "privaudit",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule_id) for rule_id in rule_ids],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {
            base: {"description": {"text": f"The archive {archive} (member paths are inside it)"}}
            for archive, base in bases.items()
        },
        "results": [_result(f, rule_index[f.rule], bases, options.reveal) for f in findings],
        "properties": {
            "grade": result.grade,
            "records": result.records,
            "findings": len(findings),
            "by_severity": counts,
            "archives": [
                {"path": a.path, "platforms": a.platforms, "uriBaseId": bases.get(a.path)}
                for a in result.archives
            ],
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _base_ids(result: ScanResult, findings: list[Finding]) -> dict[str, str]:
    """``ARCHIVE1`` … per archive path, in the order the archives were scanned."""
    paths = [a.path for a in result.archives]
    paths += [o.archive for f in findings for o in f.occurrences[:MAX_LISTED_OCCURRENCES]]
    return {path: f"ARCHIVE{n}" for n, path in enumerate(dict.fromkeys(paths), start=1)}


def _rule(rule_id: str) -> dict[str, Any]:
    rule = ALL_RULES.get(rule_id)
    if rule is None:  # a rule without a registry entry still gets a valid descriptor
        return {"id": rule_id, "name": _pascal(rule_id)}
    doc = rule_doc(rule_id)
    head, _, _ = doc.partition("\n")
    summary = head.split(" — ", 1)[-1].strip() or rule.title
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": summary[:1].upper() + summary[1:]},
        "help": {"text": doc, "markdown": f"**{rule_id}** — {summary}\n\n{_markdown(doc)}"},
        "defaultConfiguration": {"level": LEVEL[Severity.from_score(rule.harm)]},
        "properties": {
            "category": rule.category.value,
            "harm": rule.harm,
            "tags": ["privacy", rule.category.value],
        },
    }


def _result(
    finding: Finding, rule_index: int, bases: dict[str, str], reveal: bool
) -> dict[str, Any]:
    shown = finding.value if reveal else finding.evidence
    total = len(finding.occurrences)
    text = f"{finding.title}: {shown}"
    if finding.detail:
        text += f" — {finding.detail}"
    text += f" ({finding.exposure.value}; {total} place{'s' if total != 1 else ''})."
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "score": finding.score,
        "confidence": finding.confidence.value,
        "exposure": finding.exposure.value,
        "category": finding.category.value,
        "platform": finding.platform,
        "evidence": finding.evidence,
        "occurrence_count": total,
        "why": finding.why,
        "remediation": finding.remediation,
        "tags": ["privacy", finding.category.value, finding.exposure.value],
    }
    if finding.own_fact:
        properties["own_fact"] = finding.own_fact
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": LEVEL[finding.severity],
        "rank": float(finding.score),
        "message": {"text": text},
        "locations": [
            _location(index, o, bases)
            for index, o in enumerate(finding.occurrences[:MAX_LISTED_OCCURRENCES])
        ],
        "partialFingerprints": {FINGERPRINT: finding.id},
        "properties": properties,
    }


def _location(index: int, occurrence: Occurrence, bases: dict[str, str]) -> dict[str, Any]:
    location: dict[str, Any] = {
        "id": index,
        "physicalLocation": {
            "artifactLocation": _artifact(occurrence.path, occurrence.archive, bases)
        },
    }
    if occurrence.pointer:
        location["logicalLocations"] = [
            {
                "name": _last_token(occurrence.pointer),
                "fullyQualifiedName": occurrence.pointer,
                "kind": "value",
            }
        ]
    properties: dict[str, Any] = {"exposure": occurrence.exposure.value}
    if occurrence.span is not None:
        properties["span"] = list(occurrence.span)
    if occurrence.timestamp is not None:
        properties["timestamp"] = _iso(occurrence.timestamp)
    if occurrence.url:
        properties["url"] = occurrence.url
    if occurrence.tag:
        properties["tag"] = occurrence.tag
    if occurrence.platform:
        properties["platform"] = occurrence.platform
    location["properties"] = properties
    return location


def _artifact(path: str, archive: str, bases: dict[str, str]) -> dict[str, Any]:
    """A member path as a relative URI reference (``%``-escaped; ``:`` too, so a first
    segment like ``c:x`` cannot read as a scheme) against the archive's base id."""
    return {"uri": quote(path, safe="/") or ".", "uriBaseId": bases[archive]}


def _notifications(result: ScanResult, bases: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for archive in result.archives:
        for skipped in archive.skipped:
            item: dict[str, Any] = {
                "level": "warning",
                "message": {"text": f"Not scanned: {skipped.path}: {skipped.reason}"},
            }
            if skipped.path != archive.path and archive.path in bases:
                item["locations"] = [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(skipped.path, archive.path, bases)
                        }
                    }
                ]
            out.append(item)
    return out


def _last_token(pointer: str) -> str:
    """The last reference token of an RFC 6901 pointer, unescaped (``~1`` → ``/``)."""
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.split("-"))


def _iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")
