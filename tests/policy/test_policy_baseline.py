"""The baseline: salted hashes that survive a re-export and never hold a value."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
import stat
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from privaudit.model import Exposure, Finding, ScanResult
from privaudit.policy.baseline import (
    Baseline,
    BaselineError,
    Status,
    apply_baseline,
    identity,
    load_baseline,
)
from privaudit.scan import ScanOptions, scan
from tests.helpers import FIXTURES, X_FOLDER

NOW = datetime(2024, 11, 3, 12, tzinfo=UTC)
SNAPCHAT = FIXTURES / "snapchat" / "mydata~1730635200000"


@cache
def _scan(path: Path) -> ScanResult:
    return scan([path], ScanOptions(now=NOW))


def fresh(path: Path) -> ScanResult:
    return copy.deepcopy(_scan(path))


def _reexport_x(tmp_path: Path) -> Path:
    """The same account exported again: another date in the folder name, one more folder
    level (so every member path differs), tweets in reverse order, the two parts swapped."""
    root = tmp_path / "export-2025-02-01"
    copy_dir = root / "twitter-2025-02-01-synthetic"
    shutil.copytree(X_FOLDER, copy_dir)
    data = copy_dir / "data"
    parts = {}
    for name in ("tweets-part1.js", "tweets-part2.js"):
        text = (data / name).read_text(encoding="utf-8")
        prefix, _, body = text.partition("= ")
        parts[name] = (prefix, list(reversed(json.loads(body))))
    (prefix1, tweets1), (prefix2, tweets2) = parts["tweets-part1.js"], parts["tweets-part2.js"]
    (data / "tweets-part1.js").write_text(f"{prefix1}= {json.dumps(tweets2)}", encoding="utf-8")
    (data / "tweets-part2.js").write_text(f"{prefix2}= {json.dumps(tweets1)}", encoding="utf-8")
    return root


def test_reexport_with_other_names_order_and_date_still_matches(tmp_path: Path) -> None:
    first = fresh(X_FOLDER)
    baseline = Baseline()
    for finding in first.findings:
        baseline.record(finding, Status.ACCEPTED, NOW)
    again = scan([_reexport_x(tmp_path)], ScanOptions(now=NOW))
    paths_then = {o.path for f in first.findings for o in f.occurrences}
    paths_now = {o.path for f in again.findings for o in f.occurrences}
    assert not paths_then & paths_now  # every member path changed
    assert {f.id for f in again.findings}.isdisjoint({f.id for f in first.findings})
    count = len(again.findings)
    assert count == len(first.findings)
    outcome = apply_baseline(again, baseline, "b.json")
    assert outcome.hidden[Status.ACCEPTED] == count and not again.findings
    assert again.grade == "A" and not again.action_plan
    assert f"{count} finding(s) hidden by the baseline b.json ({count} accepted)" in (
        again.archives[0].notes
    )


def test_per_file_location_history_matches_under_another_archive_name(tmp_path: Path) -> None:
    first = fresh(SNAPCHAT)
    history = [f for f in first.findings if f.rule == "location-history"]
    assert history and str(SNAPCHAT) in history[0].key  # the key names the archive and file
    baseline = Baseline()
    for finding in first.findings:
        baseline.record(finding, Status.ACCEPTED, NOW)
    moved = tmp_path / "mydata~1740000000000"
    shutil.copytree(SNAPCHAT, moved)
    again = scan([moved], ScanOptions(now=NOW))
    assert apply_baseline(again, baseline, "b").hidden_total == len(first.findings)
    assert not again.findings


def test_file_holds_no_value_and_is_private(tmp_path: Path) -> None:
    result = fresh(X_FOLDER)
    baseline = Baseline()
    for finding in result.findings:
        baseline.record(finding, Status.ACCEPTED, NOW)
    target = tmp_path / "baseline.json"
    target.write_text("old")
    target.chmod(0o644)
    baseline.save(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    secrets = {"555-0142", "5550142", "dana", "whitfield", "1984", "47.67", "122.38", "F2LXK9"}
    for f in result.findings:
        secrets |= {f.value, f.key, f.evidence, f.id}
        secrets |= {o.path for o in f.occurrences} | {o.url for o in f.occurrences if o.url}
    for secret in secrets - {""}:
        assert secret.casefold() not in text.casefold(), secret
    doc = json.loads(text)
    assert doc["schema"] == "privaudit.baseline/1" and len(bytes.fromhex(doc["salt"])) == 32
    loaded = load_baseline(target)
    assert loaded.entries == baseline.entries and loaded.salt == baseline.salt


def test_salt_makes_hashes_differ_between_files() -> None:
    finding = fresh(X_FOLDER).findings[0]
    assert Baseline().digest(finding) != Baseline().digest(finding)


def test_fixed_comes_back_and_wider_exposure_resurfaces() -> None:
    result = fresh(X_FOLDER)
    phone = next(f for f in result.findings if f.key == "+12065550142")
    email = next(f for f in result.findings if f.key == "dana.whitfield.1984@fastmail.com")
    serial = next(f for f in result.findings if f.rule == "device-serial")
    baseline = Baseline()
    baseline.record(phone, Status.FIXED, NOW)
    baseline.record(serial, Status.FALSE_ALARM, NOW)
    baseline.record(email, Status.ACCEPTED, NOW)
    baseline.entries[baseline.digest(email)].exposure = Exposure.ACCOUNT  # accepted as account
    outcome = apply_baseline(result, baseline, "b.json")
    assert outcome.back == [phone] and outcome.wider == [email]
    assert outcome.hidden == {Status.FALSE_ALARM: 1}
    assert phone in result.findings and email in result.findings
    assert serial not in result.findings
    notes = " | ".join(result.archives[0].notes)
    assert "came back: Phone number +1 •••• ••0142" in notes
    assert "more exposed than when you accepted it" in notes
    assert "5550142" not in notes


def test_false_alarm_is_not_resurfaced_by_exposure() -> None:
    result = fresh(X_FOLDER)
    email = next(f for f in result.findings if f.key == "dana.whitfield.1984@fastmail.com")
    baseline = Baseline()
    baseline.record(email, Status.FALSE_ALARM, NOW)
    baseline.entries[baseline.digest(email)].exposure = Exposure.ACCOUNT
    apply_baseline(result, baseline, "b")
    assert email not in result.findings


def _like(finding: Finding, **changes: object) -> Finding:
    other = copy.deepcopy(finding)
    for name, value in changes.items():
        setattr(other, name, value)
    return other


def test_identity_rules() -> None:
    result = fresh(X_FOLDER)
    home = next(f for f in result.findings if f.rule == "inferred-home")
    assert identity(home) == identity(_like(home, value="47.674020,-122.387040"))
    assert identity(home) != identity(_like(home, value="47.690000,-122.387067"))
    phone = next(f for f in result.findings if f.key == "+12065550142")
    moved = _like(phone, occurrences=[], id="other", rule="phone-number")
    assert identity(phone) == identity(moved)
    assert identity(phone) != identity(_like(phone, key="+12065550143"))


def test_per_item_keys_use_words_and_time_not_the_path() -> None:
    result = fresh(X_FOLDER)
    post = next(f for f in result.findings if f.key == "+12065550142")
    occurrence = post.occurrences[0]
    absence = _like(
        post,
        rule="away-from-home",
        key=f"{occurrence.path}#/3/tweet#/3/tweet/full_text",
        value="Off to Lisbon for two weeks",
        occurrences=[occurrence],
    )
    renamed = _like(
        absence,
        key="x/data/tweets.js#/9/tweet#/9/tweet/full_text",
        occurrences=[dataclasses.replace(occurrence, path="x/data/tweets.js", pointer="/9")],
    )
    assert identity(absence) == identity(renamed)
    later = dataclasses.replace(occurrence, timestamp=datetime(2025, 1, 1, tzinfo=UTC))
    assert identity(absence) != identity(_like(absence, occurrences=[later]))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline"),
        (b"not json", "not valid JSON"),
        ("folder", "is not a regular file"),
        (b'{"schema": "other"}', "is not a privaudit baseline"),
        (b'{"schema": "privaudit.baseline/1", "salt": "zz"}', "is damaged"),
        (
            b'{"schema": "privaudit.baseline/1", "hash": "pbkdf2-sha256", "iterations": 5,'
            b'"salt": "' + b"ab" * 32 + b'", "entries": [{"hash": "x", "status": "maybe"}]}',
            "is damaged",
        ),
    ],
)
def test_bad_baseline_files_are_one_plain_sentence(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "b.json"
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(BaselineError, match=message):
        load_baseline(path)
