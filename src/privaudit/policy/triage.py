"""Triage: walk the findings worst first and record the user's decision about each one.

Choices: **keep** (known, accepted: hidden from now on), **fixed** (removed; if a later
export still has it, the scan says it came back), **false alarm** (not what the rule says:
hidden), **skip** (decide later: nothing recorded), **quit** (stop; decisions so far are
kept). The baseline is saved after every decision, so an interrupted triage loses nothing.

This module holds no terminal code: the command line passes in how to ask and how to save.
"""

from __future__ import annotations

import io
import os
import stat
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TextIO

from privaudit.model import Finding, ScanResult
from privaudit.policy.baseline import Baseline, Entry, Status


class Choice(StrEnum):
    KEEP = "keep"
    FIXED = "fixed"
    FALSE_ALARM = "false alarm"
    SKIP = "skip"
    QUIT = "quit"


PROMPT = "[k]eep  [f]ixed  false [a]larm  [s]kip  [q]uit"
_ANSWERS = {
    "k": Choice.KEEP,
    "keep": Choice.KEEP,
    "accept": Choice.KEEP,
    "f": Choice.FIXED,
    "fixed": Choice.FIXED,
    "a": Choice.FALSE_ALARM,
    "fa": Choice.FALSE_ALARM,
    "false alarm": Choice.FALSE_ALARM,
    "false-alarm": Choice.FALSE_ALARM,
    "s": Choice.SKIP,
    "skip": Choice.SKIP,
    "": Choice.SKIP,
    "q": Choice.QUIT,
    "quit": Choice.QUIT,
}
_STATUS = {
    Choice.KEEP: Status.ACCEPTED,
    Choice.FIXED: Status.FIXED,
    Choice.FALSE_ALARM: Status.FALSE_ALARM,
}


def parse_choice(answer: str) -> Choice | None:
    """The choice an answer names (``k``, ``keep`` …; empty is skip), or None."""
    return _ANSWERS.get(" ".join(answer.strip().lower().split()))


@dataclass(frozen=True, slots=True)
class Item:
    """One finding to decide on, with what was decided before (if anything)."""

    finding: Finding
    digest: str
    previous: Entry | None


@dataclass(slots=True)
class TriageSummary:
    decided: Counter[Choice] = field(default_factory=Counter)
    remaining: int = 0
    """Findings not reached (quit or input ended)."""


def pending(result: ScanResult, baseline: Baseline) -> list[Item]:
    """Findings still to decide, worst first: new ones, fixed ones that are still there and
    accepted ones that became more exposed. Accepted findings and false alarms are not asked
    again."""
    items = []
    for finding in result.findings:
        digest = baseline.digest(finding)
        entry = baseline.entries.get(digest)
        if entry is not None and entry.status is Status.FALSE_ALARM:
            continue
        if (
            entry is not None
            and entry.status is Status.ACCEPTED
            and finding.exposure.rank >= entry.exposure.rank
        ):
            continue
        items.append(Item(finding, digest, entry))
    return items


def run_triage(
    items: list[Item],
    baseline: Baseline,
    ask: Callable[[Item, int, int], Choice | None],
    save: Callable[[], None],
    now: datetime | None = None,
) -> TriageSummary:
    """Ask about each item in order; ``ask`` returns None when input ended (like quit)."""
    summary = TriageSummary()
    for index, item in enumerate(items):
        choice = ask(item, index + 1, len(items))
        if choice is None or choice is Choice.QUIT:
            summary.remaining = len(items) - index
            break
        summary.decided[choice] += 1
        status = _STATUS.get(choice)
        if status is not None:
            baseline.record(item.finding, status, now, digest=item.digest)
            save()
    return summary


def card(item: Item, position: int, total: int, reveal: bool = False) -> list[str]:
    """The lines shown for one finding: what, how bad, where, why; masked unless reveal."""
    f = item.finding
    shown = f.value if reveal else f.evidence
    lines = [
        f"[{position}/{total}] {f.severity.value.upper()} {f.score} — {f.title}: {shown}",
        f"  rule {f.rule} · {f.exposure.value} · {f.platform} · "
        f"{len(f.occurrences)} place(s) · confidence {f.confidence.value}",
    ]
    if f.detail:
        lines.append(f"  {f.detail}")
    for occurrence in f.occurrences[:2]:
        where = occurrence.url or f"{occurrence.path}#{occurrence.pointer}"
        lines.append(f"  at {where}")
    lines.append(f"  why: {f.why}")
    previous = item.previous
    if previous is not None and previous.status is Status.FIXED:
        lines.append(f"  you marked this fixed on {previous.recorded}; it is still in this export")
    elif previous is not None and previous.status is Status.ACCEPTED:
        lines.append(
            f"  you accepted this on {previous.recorded} when it was {previous.exposure}; "
            f"it is now {f.exposure}"
        )
    return lines


def summary_line(summary: TriageSummary, saved_to: str) -> str:
    parts = [
        f"{summary.decided[c]} {c.value}"
        for c in Choice
        if c is not Choice.QUIT and summary.decided[c]
    ]
    text = ", ".join(parts) or "no decisions"
    if summary.remaining:
        text += f"; {summary.remaining} left for next time"
    return f"{text}. Baseline: {saved_to} (readable only by you)."


def stdin_can_answer(stream: TextIO | None) -> bool:
    """Whether answers can come from ``stream``: a terminal, a pipe or a file.

    An in-memory stream (a test runner, an embedding program) counts as piped input;
    a closed stream or a device that is not a terminal (``< /dev/null``) does not.
    """
    if stream is None or stream.closed:
        return False
    try:
        fd = stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return True
    if os.isatty(fd):
        return True
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)
