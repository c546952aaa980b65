"""Triage: answers recorded per finding, saved after each, asked again only when useful."""

from __future__ import annotations

import copy
import io
import os
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from privaudit.model import ScanResult
from privaudit.policy.baseline import Baseline, Status, apply_baseline
from privaudit.policy.triage import (
    Choice,
    Item,
    card,
    parse_choice,
    pending,
    run_triage,
    stdin_can_answer,
    summary_line,
)
from privaudit.scan import ScanOptions, scan
from tests.helpers import X_FOLDER

NOW = datetime(2024, 11, 3, 12, tzinfo=UTC)


@cache
def _scan() -> ScanResult:
    return scan([X_FOLDER], ScanOptions(now=NOW))


def fresh() -> ScanResult:
    return copy.deepcopy(_scan())


@pytest.mark.parametrize(
    ("answer", "choice"),
    [
        ("k", Choice.KEEP),
        (" Keep ", Choice.KEEP),
        ("f", Choice.FIXED),
        ("a", Choice.FALSE_ALARM),
        ("false  alarm", Choice.FALSE_ALARM),
        ("", Choice.SKIP),
        ("q", Choice.QUIT),
        ("maybe", None),
    ],
)
def test_parse_choice(answer: str, choice: Choice | None) -> None:
    assert parse_choice(answer) is choice


def test_decisions_are_recorded_and_saved_after_each() -> None:
    result = fresh()
    baseline = Baseline()
    items = pending(result, baseline)
    assert [i.finding.id for i in items] == [f.id for f in result.findings]  # worst first
    answers = iter([Choice.KEEP, Choice.FIXED, Choice.FALSE_ALARM, Choice.SKIP, Choice.QUIT])
    saves: list[int] = []
    summary = run_triage(
        items,
        baseline,
        lambda item, pos, total: next(answers),
        lambda: saves.append(len(baseline.entries)),
        NOW,
    )
    assert saves == [1, 2, 3]
    assert summary.decided == {
        Choice.KEEP: 1,
        Choice.FIXED: 1,
        Choice.FALSE_ALARM: 1,
        Choice.SKIP: 1,
    }
    assert summary.remaining == len(items) - 4
    statuses = [baseline.entries[i.digest].status for i in items[:3]]
    assert statuses == [Status.ACCEPTED, Status.FIXED, Status.FALSE_ALARM]
    assert items[3].digest not in baseline.entries
    assert "1 keep, 1 fixed, 1 false alarm, 1 skip" in summary_line(summary, "b.json")

    # Next time: accepted and false alarms are not asked again; fixed (still there) is.
    again = pending(fresh(), baseline)
    assert len(again) == len(items) - 2
    assert again[0].previous is not None and again[0].previous.status is Status.FIXED
    assert "you marked this fixed on 2024-11-03" in "\n".join(card(again[0], 1, len(again)))

    # And a scan with the baseline hides exactly those two.
    later = fresh()
    outcome = apply_baseline(later, baseline, "b.json")
    assert outcome.hidden_total == 2 and len(outcome.back) == 1


def test_input_ending_stops_like_quit() -> None:
    items = pending(fresh(), Baseline())
    summary = run_triage(items, Baseline(), lambda *_: None, lambda: None)
    assert summary.remaining == len(items) and not summary.decided


def test_card_is_masked_unless_reveal() -> None:
    result = fresh()
    phone = next(f for f in result.findings if f.key == "+12065550142")
    item = Item(phone, "d", None)
    masked = "\n".join(card(item, 1, 1))
    assert "+1 •••• ••0142" in masked and phone.value not in masked
    assert "https://x.com/" in masked and "why:" in masked
    assert phone.value in "\n".join(card(item, 1, 1, reveal=True))


def test_stdin_can_answer(tmp_path: Path) -> None:
    assert stdin_can_answer(io.StringIO("k\n"))  # in-memory: a test or an embedding program
    assert not stdin_can_answer(None)
    closed = io.StringIO()
    closed.close()
    assert not stdin_can_answer(closed)
    read_end, write_end = os.pipe()
    with os.fdopen(read_end) as pipe:
        os.close(write_end)
        assert stdin_can_answer(pipe)
    answers = tmp_path / "answers.txt"
    answers.write_text("k\n")
    with answers.open() as handle:
        assert stdin_can_answer(handle)
    with open(os.devnull) as null:
        assert not stdin_can_answer(null)
