"""The baseline: findings the user has already judged, stored as salted hashes.

``privaudit baseline`` records every current finding as *accepted*; ``privaudit triage``
records the user's choice per finding (*accepted*, *false alarm* or *fixed*);
``privaudit scan --baseline FILE`` hides accepted findings and false alarms, and brings a
finding back when it is more exposed than when it was judged (accepted in account data, now
in a public post) or when the user said it was *fixed* and it is still in the export.

What is stored is never a value: each entry is PBKDF2-HMAC-SHA256 over a random per-file
salt and the finding's *identity*, plus the rule, category, exposure and level it had
(nothing the report does not print unmasked). The identity is built from what stays the
same when the same account is exported again — never from member paths, pointers or
finding ids, which change with file names, order and export dates:

* most findings: category + normalised value (``phone`` + ``+12065550142``), exactly what
  findings are grouped by;
* whole-file trails (``location-history``, ``location-trail``, whose key names the file):
  rule + platform + the file's name without its folders (``Records.json``), so a history
  that grows between exports is still the one the user accepted;
* other per-item findings (``away-from-home``, keyed by where the post is): rule + the
  matched words + the post's time;
* inference findings (no value of their own): rule + the inferred value with coordinates
  rounded to 3 decimals (~100 m), so a re-export's centre that moved a few metres still
  matches, and a new home does not; the identity-theft kit, whose value strings together
  other findings' values as each source spelled them, by the parts it combines
  ("name + date of birth + home + phone").

The hashes protect against a casual reader, not against guessing: someone holding the file
who tries every birth date can find which one is in it, so the file is written 0600 and
belongs with the archive, not in a shared repository.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath

import orjson

from privaudit.model import Category, Exposure, Finding, ScanResult
from privaudit.policy.apply import refresh
from privaudit.report.output import write_private

SCHEMA = "privaudit.baseline/1"
DEFAULT_PATH = Path("privaudit-baseline.json")
ITERATIONS = 5000
"""PBKDF2 rounds: about 1 ms per finding here, so 1,000 findings cost a second to match,
and each guess at a value costs an attacker the same."""
_SALT_BYTES = 32
_PER_FILE_RULES = frozenset({"location-history", "location-trail"})
_COMBINED_RULES = frozenset({"identity-theft-kit"})
_DECIMAL = re.compile(r"-?\d+\.\d{4,}")


class Status(StrEnum):
    """What the user decided about a finding."""

    ACCEPTED = "accepted"
    """Known and kept on purpose (a public business number): hidden."""
    FALSE_ALARM = "false-alarm"
    """Not what the rule says it is: hidden."""
    FIXED = "fixed"
    """Removed by the user: shown again, as "came back", if it is still found."""


HIDDEN = (Status.ACCEPTED, Status.FALSE_ALARM)


class BaselineError(Exception):
    """The baseline file cannot be used; the message is one plain sentence."""


@dataclass(slots=True)
class Entry:
    """One judged finding: its hash and the non-identifying facts about it."""

    status: Status
    rule: str
    category: str
    exposure: Exposure
    """How exposed the finding was when judged; a wider exposure later brings it back."""
    severity: str
    recorded: str
    """UTC date of the decision (``2024-11-03``)."""


@dataclass(slots=True)
class Baseline:
    """A baseline file's contents."""

    salt: bytes = field(default_factory=lambda: os.urandom(_SALT_BYTES))
    iterations: int = ITERATIONS
    entries: dict[str, Entry] = field(default_factory=dict)

    def digest(self, finding: Finding) -> str:
        """The salted hash of ``finding``'s identity."""
        data = identity(finding).encode("utf-8")
        return hashlib.pbkdf2_hmac("sha256", data, self.salt, self.iterations).hex()

    def record(
        self, finding: Finding, status: Status, now: datetime | None = None, digest: str = ""
    ) -> str:
        """Record (or replace) the decision about ``finding``; returns its hash."""
        digest = digest or self.digest(finding)
        self.entries[digest] = Entry(
            status=status,
            rule=finding.rule,
            category=finding.category.value,
            exposure=finding.exposure,
            severity=finding.severity.value,
            recorded=(now or datetime.now(UTC)).date().isoformat(),
        )
        return digest

    def counts(self) -> Counter[Status]:
        return Counter(e.status for e in self.entries.values())

    def to_json(self) -> str:
        doc = {
            "schema": SCHEMA,
            "hash": "pbkdf2-sha256",
            "iterations": self.iterations,
            "salt": self.salt.hex(),
            "entries": [
                {
                    "hash": digest,
                    "status": e.status.value,
                    "rule": e.rule,
                    "category": e.category,
                    "exposure": e.exposure.value,
                    "severity": e.severity,
                    "recorded": e.recorded,
                }
                for digest, e in sorted(self.entries.items())
            ],
        }
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n"

    def save(self, path: Path) -> None:
        """Write the file, readable only by the user (0600)."""
        try:
            write_private(path, self.to_json())
        except OSError as exc:
            raise BaselineError(f"cannot write {path}: {exc.strerror or exc}") from None


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline file."""
    if path.exists() and not path.is_file():
        raise BaselineError(f"{path}: is not a regular file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline (`privaudit baseline ARCHIVE -o {path}` creates one)"
        ) from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise BaselineError(f"{path}: is not a baseline file (not valid JSON)") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: is not a privaudit baseline ({SCHEMA})")
    try:
        salt = bytes.fromhex(doc["salt"])
        iterations = int(doc["iterations"])
        if doc.get("hash") != "pbkdf2-sha256" or len(salt) < 16 or not 1 <= iterations <= 10**7:
            raise ValueError("parameters")
        entries = {
            str(item["hash"]): Entry(
                status=Status(item["status"]),
                rule=str(item["rule"]),
                category=str(item["category"]),
                exposure=Exposure(item["exposure"]),
                severity=str(item["severity"]),
                recorded=str(item["recorded"]),
            )
            for item in doc["entries"]
        }
    except (KeyError, TypeError, ValueError):
        raise BaselineError(f"{path}: is damaged (an entry or its salt is not readable)") from None
    return Baseline(salt=salt, iterations=iterations, entries=entries)


def identity(finding: Finding) -> str:
    """What makes a finding the same finding in another export of the same account."""
    if finding.rule in _COMBINED_RULES:
        # Parts spelled as each source wrote them ("(206) 555-0142" or "206-555-0142"):
        # the kit is identified by which parts it combines, each of which is its own finding.
        return f"{SCHEMA}|combined|{finding.rule}|{_fold(finding.evidence)}"
    if finding.category is Category.INFERENCE or not finding.key:
        value = _DECIMAL.sub(lambda m: f"{float(m.group(0)):.3f}", finding.value)
        return f"{SCHEMA}|inference|{finding.rule}|{_fold(value)}"
    if _keyed_by_place(finding):
        if finding.rule in _PER_FILE_RULES:
            names = sorted({PurePosixPath(o.path).name.casefold() for o in finding.occurrences})
            return f"{SCHEMA}|file|{finding.rule}|{finding.platform}|{'|'.join(names)}"
        stamps = sorted(
            o.timestamp.astimezone(UTC).isoformat() for o in finding.occurrences if o.timestamp
        )
        first = stamps[0] if stamps else ""
        return f"{SCHEMA}|item|{finding.rule}|{_fold(finding.value)}|{first}"
    return f"{SCHEMA}|value|{finding.category.value}|{finding.key}"


def _keyed_by_place(finding: Finding) -> bool:
    """True when the finding's key names a member path (it changes with every export)."""
    return any(o.path and o.path in finding.key for o in finding.occurrences)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(slots=True)
class BaselineOutcome:
    """What the baseline did to one scan."""

    hidden: Counter[Status] = field(default_factory=Counter)
    back: list[Finding] = field(default_factory=list)
    """Findings the user marked fixed that are still found."""
    wider: list[Finding] = field(default_factory=list)
    """Accepted findings shown again because they are more exposed than when accepted."""
    notes: list[str] = field(default_factory=list)

    @property
    def hidden_total(self) -> int:
        return sum(self.hidden.values())


def apply_baseline(result: ScanResult, baseline: Baseline, name: str) -> BaselineOutcome:
    """Hide judged findings in ``result`` (in place) and say what came back."""
    outcome = BaselineOutcome()
    kept: list[Finding] = []
    for finding in result.findings:
        entry = baseline.entries.get(baseline.digest(finding))
        if entry is None:
            kept.append(finding)
        elif entry.status is Status.FIXED:
            outcome.back.append(finding)
            kept.append(finding)
        elif entry.status is Status.ACCEPTED and finding.exposure.rank < entry.exposure.rank:
            outcome.wider.append(finding)
            kept.append(finding)
        else:
            outcome.hidden[entry.status] += 1
    if len(kept) != len(result.findings):
        result.findings = kept
        refresh(result)
    outcome.notes = _notes(outcome, name)
    if outcome.notes and result.archives:
        result.archives[0].notes.extend(outcome.notes)
    return outcome


def _notes(outcome: BaselineOutcome, name: str) -> list[str]:
    notes = []
    if outcome.hidden_total:
        detail = ", ".join(
            f"{outcome.hidden[s]} {_STATUS_WORDS[s]}" for s in HIDDEN if outcome.hidden[s]
        )
        notes.append(f"{outcome.hidden_total} finding(s) hidden by the baseline {name} ({detail})")
    for finding in outcome.back:
        notes.append(
            f"came back: {finding.title} {finding.evidence} ({finding.severity}) — you marked "
            "it fixed, but it is still in this export"
        )
    for finding in outcome.wider:
        notes.append(
            f"more exposed than when you accepted it: {finding.title} {finding.evidence} "
            f"(now {finding.exposure})"
        )
    return notes


_STATUS_WORDS = {
    Status.ACCEPTED: "accepted",
    Status.FALSE_ALARM: "false alarm(s)",
    Status.FIXED: "fixed",
}
