"""Command line: parse options, wire the layers, choose the exit code. Computes nothing itself.

Exit codes (the report contract): 0 scanned and nothing at or above ``--fail-on``;
1 findings at or above it; 2 usage error or nothing could be scanned.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from privaudit import __version__
from privaudit.archive.composite import group_parts
from privaudit.assess.rules import ALL_RULES, rule_doc, rules_table
from privaudit.demo import PLATFORMS as DEMO_PLATFORMS
from privaudit.demo import DemoError, write_demo
from privaudit.model import ScanResult, Severity
from privaudit.offline import forbid_network
from privaudit.policy import (
    Baseline,
    BaselineError,
    ConfigError,
    Policy,
    Status,
    apply_baseline,
    apply_policy,
    discover_policy,
    load_baseline,
    scan_options,
)
from privaudit.policy.baseline import DEFAULT_PATH as DEFAULT_BASELINE
from privaudit.policy.triage import (
    PROMPT,
    Choice,
    Item,
    card,
    parse_choice,
    pending,
    run_triage,
    stdin_can_answer,
    summary_line,
)
from privaudit.report import FORMATTERS
from privaudit.report.aggregate import FORMATS as AGGREGATE_FORMATS
from privaudit.report.aggregate import aggregate as build_aggregate
from privaudit.report.aggregate import render_json as render_aggregate_json
from privaudit.report.aggregate import render_terminal as render_aggregate_terminal
from privaudit.report.aggregate import renderables as aggregate_renderables
from privaudit.report.interface import ReportOptions
from privaudit.report.output import write_private
from privaudit.report.terminal import renderables
from privaudit.scan import NothingScanned, ScanOptions, scan
from privaudit.strip import StripUsageError, outcome_line, strip_photos, summary_lines

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Audit a downloaded social-media archive for disclosures that put you at risk. "
    "Offline, read-only; values are masked unless --reveal.",
)


class FailOn(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"
    none = "none"


class MinSeverity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Policy file (privaudit.toml or a pyproject.toml with a tool.privaudit table); "
        "found from the current folder upward when not given.",
        show_default=False,
    ),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="Ignore any policy file found.")]


def _check_format(value: str) -> str:
    """--format accepts every registered formatter, so new formats appear by themselves."""
    if value not in FORMATTERS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(FORMATTERS)}")
    return value


def _version(value: bool) -> None:
    if value:
        typer.echo(f"privaudit {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """privaudit: what your own social-media archive gives away, ranked, with what to do."""


@app.command("scan")
def scan_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Archives to scan: folders, .zip, .tar.gz, or single export files."),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            callback=_check_format,
            metavar="[" + "|".join(FORMATTERS) + "]",
            help="Report format: " + ", ".join(FORMATTERS) + ".",
        ),
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (mode 0600)."),
    ] = None,
    reveal: Annotated[
        bool, typer.Option("--reveal", help="Show raw values instead of masked evidence.")
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at or above this severity "
            "(default: fail-on of the policy file, else high).",
            show_default=False,
        ),
    ] = None,
    min_severity: Annotated[
        MinSeverity | None,
        typer.Option(
            "--min-severity",
            help="Hide findings below this severity (default: the policy file's, else info).",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=0, help="Findings explained in detail (terminal).")
    ] = 5,
    details: Annotated[
        bool, typer.Option("--details", help="Explain every finding, not only the top ones.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only the grade and the counts.")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours (also when NO_COLOR is set).")
    ] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Hide the findings this baseline file accepts (see `privaudit baseline`).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for big archives (default: one per core; 1 = no pool). "
            "The report is the same whatever the number.",
            show_default=False,
        ),
    ] = None,
    aggregate: Annotated[
        bool,
        typer.Option(
            "--aggregate",
            help="One person per path; print counts only (no values, paths or links): "
            "safe to share with an employer.",
        ),
    ] = False,
) -> None:
    """Scan archives and report what puts you at risk, worst first."""
    policy = _policy(config, no_config)
    failing = fail_on.value if fail_on is not None else (policy.fail_on or FailOn.high.value)
    floor = Severity(min_severity.value) if min_severity else policy.min_severity or Severity.INFO
    if aggregate:
        _usage_unless(not reveal, "--aggregate never shows values; drop --reveal")
        _usage_unless(baseline is None, "--baseline is for one person's scan, not --aggregate")
        _usage_unless(
            output_format in AGGREGATE_FORMATS,
            f"--aggregate reports as {' or '.join(AGGREGATE_FORMATS)}, not {output_format}",
        )
        code = _run_aggregate(paths, policy, output_format, output, floor, failing, no_color, jobs)
        raise typer.Exit(code)
    accepted = _load_baseline(baseline) if baseline is not None else None
    result = _scan_with_policy(paths, policy, jobs)
    if accepted is not None and baseline is not None:
        apply_baseline(result, accepted, baseline.name)
    options = ReportOptions(
        reveal=reveal,
        min_severity=floor,
        top=top,
        details=details,
        quiet=quiet,
        color=_color(no_color),
    )
    _emit(result, output_format, output, options)
    raise typer.Exit(_exit_code(result, failing))


def _usage_unless(ok: bool, message: str) -> None:
    if not ok:
        typer.echo(f"privaudit: {message}", err=True)
        raise typer.Exit(EXIT_ERROR)


def _color(no_color: bool) -> bool:
    return not (no_color or os.environ.get("NO_COLOR"))


def _policy(config: Path | None, no_config: bool) -> Policy:
    try:
        return discover_policy(config, search=not no_config)
    except ConfigError as exc:
        typer.echo(f"privaudit: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


def _load_baseline(path: Path) -> Baseline:
    try:
        return load_baseline(path)
    except BaselineError as exc:
        typer.echo(f"privaudit: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


def _save_baseline(baseline: Baseline, path: Path) -> None:
    try:
        baseline.save(path)
    except BaselineError as exc:
        typer.echo(f"privaudit: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


def _scan_with_policy(paths: list[Path], policy: Policy, workers: int | None = None) -> ScanResult:
    """Scan with the policy's detector settings, then apply the rest of it."""
    err = Console(stderr=True)
    try:
        result = _run_scan(paths, err, scan_options(policy, ScanOptions(workers=workers)))
    except NothingScanned as exc:
        typer.echo(f"privaudit: nothing could be scanned: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    apply_policy(result, policy)
    return result


def _run_scan(
    paths: Sequence[str | os.PathLike[str]], err: Console, options: ScanOptions
) -> ScanResult:
    if not (err.is_terminal and sys.stderr.isatty()):
        return scan(paths, options)
    with Progress(
        TextColumn("[bold]scanning[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=None)

        def report(archive: str, done: int, total: int) -> None:
            progress.update(task, description=archive, completed=done, total=total)

        return scan(paths, options, progress=report)


def _run_aggregate(
    paths: list[Path],
    policy: Policy,
    output_format: str,
    output: Path | None,
    floor: Severity,
    failing: str,
    no_color: bool,
    workers: int | None = None,
) -> int:
    """Scan each person on their own and report counts only."""
    people = group_parts(paths)
    results: list[ScanResult | None] = []
    options = scan_options(policy, ScanOptions(workers=workers))
    err = Console(stderr=True)
    live = err.is_terminal and sys.stderr.isatty()
    for number, group in enumerate(people, start=1):
        # Progress names no path: the operator's screen may be shared too.
        with err.status(f"scanning person {number} of {len(people)}") if live else nullcontext():
            try:
                result = scan(group, options)
            except NothingScanned:
                results.append(None)
                continue
        apply_policy(result, policy)
        results.append(result)
    summary = build_aggregate(results, floor, datetime.now(UTC))
    if summary.scanned == 0:
        typer.echo("privaudit: nothing could be scanned in any of the archives", err=True)
        return EXIT_ERROR
    if output_format == "json":
        text = render_aggregate_json(summary) + "\n"
    else:
        text = render_aggregate_terminal(summary, color=False, width=100)
    if output is not None:
        _write_report(output, text)
    elif output_format == "json":
        sys.stdout.write(text)
    else:
        console = _stdout_console(_color(no_color))
        for part in aggregate_renderables(summary):
            console.print(part)
    scanned = [r for r in results if r is not None]
    return max((_exit_code(r, failing) for r in scanned), default=EXIT_OK)


def _stdout_console(color: bool) -> Console:
    return Console(highlight=False, emoji=False, no_color=not color)


def _write_report(output: Path, text: str) -> None:
    try:
        write_private(output, text)
    except OSError as exc:
        typer.echo(f"privaudit: cannot write {output}: {exc.strerror}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(f"report written to {output} (readable only by you)", err=True)


def _emit(
    result: ScanResult,
    output_format: str,
    output: Path | None,
    options: ReportOptions,
) -> None:
    formatter = FORMATTERS[output_format]
    if output is not None:
        text = formatter.render(result, dataclasses.replace(options, color=False, width=100))
        _write_report(output, text)
        return
    if output_format == "terminal":
        console = _stdout_console(options.color)
        for part in renderables(result, options):
            console.print(part)
        return
    sys.stdout.write(formatter.render(result, options))
    sys.stdout.write("\n")


def _exit_code(result: ScanResult, fail_on: str) -> int:
    if fail_on == FailOn.none.value:
        return EXIT_OK
    threshold = Severity(fail_on).rank
    failing = any(f.severity.rank <= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


@app.command("baseline")
def baseline_command(
    paths: Annotated[list[Path], typer.Argument(help="Archives whose findings you accept.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Baseline file (created 0600; existing entries kept)."),
    ] = DEFAULT_BASELINE,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Record every current finding as accepted, so `scan --baseline` shows only new ones.

    The file holds salted hashes, never values. Entries already in it keep their status."""
    policy = _policy(config, no_config)
    accepted = _load_baseline(output) if output.exists() else Baseline()
    result = _scan_with_policy(paths, policy)
    added = 0
    for finding in result.findings:
        digest = accepted.digest(finding)
        if digest not in accepted.entries:
            accepted.record(finding, Status.ACCEPTED, digest=digest)
            added += 1
    _save_baseline(accepted, output)
    kept = len(result.findings) - added
    typer.echo(
        f"{added} finding(s) recorded as accepted"
        + (f" ({kept} already in the baseline)" if kept else "")
        + f" in {output} (readable only by you). "
        f"`privaudit scan --baseline {output}` now shows only what is new."
    )


@app.command("triage")
def triage_command(
    paths: Annotated[list[Path], typer.Argument(help="Archives to go through.")],
    baseline: Annotated[
        Path,
        typer.Option("--baseline", "-b", help="Baseline file to record decisions in (0600)."),
    ] = DEFAULT_BASELINE,
    reveal: Annotated[
        bool, typer.Option("--reveal", help="Show raw values instead of masked evidence.")
    ] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Go through the findings worst first: keep, fixed, false alarm, skip or quit.

    Keep and false alarm hide a finding from `scan --baseline`; fixed brings it back as
    "came back" if a later export still has it. Answers can be piped in, one per line."""
    if not stdin_can_answer(sys.stdin):
        typer.echo(
            "privaudit: triage asks about each finding: run it in a terminal, or pipe the "
            "answers in (one per line: k, f, a, s or q)",
            err=True,
        )
        raise typer.Exit(EXIT_ERROR)
    policy = _policy(config, no_config)
    decisions = _load_baseline(baseline) if baseline.exists() else Baseline()
    result = _scan_with_policy(paths, policy)
    items = pending(result, decisions)
    if not items:
        typer.echo("Nothing to triage: every finding is already decided in the baseline.")
        raise typer.Exit(EXIT_OK)
    typer.echo(
        f"{len(items)} finding(s) to go through, worst first. Each answer is saved to "
        f"{baseline} at once."
    )

    def ask(item: Item, position: int, total: int) -> Choice | None:
        typer.echo("")
        for line in card(item, position, total, reveal):
            typer.echo(line)
        while True:
            try:
                answer = typer.prompt(PROMPT, default="s", show_default=False)
            except typer.Abort:
                typer.echo("")
                return None
            choice = parse_choice(answer)
            if choice is not None:
                return choice
            typer.echo("Answer k (keep), f (fixed), a (false alarm), s (skip) or q (quit).")

    summary = run_triage(items, decisions, ask, lambda: _save_baseline(decisions, baseline))
    if not baseline.exists():
        _save_baseline(decisions, baseline)
    typer.echo(summary_line(summary, str(baseline)))


@app.command("demo")
def demo_command(
    out: Annotated[
        Path, typer.Argument(help="A new or empty folder to write the demo export into.")
    ],
    platform: Annotated[
        str,
        typer.Option(
            "--platform", "-p", help=f"Which export to imitate: {', '.join(DEMO_PLATFORMS)}."
        ),
    ] = "x",
    zipped: Annotated[bool, typer.Option("--zip", help="Write the export as one .zip.")] = False,
    seed: Annotated[
        int, typer.Option("--seed", help="Another seed gives another fictional persona.")
    ] = 0,
) -> None:
    """Write a synthetic export full of typical mistakes, for training: nobody's real data.

    The trainer's answer key, TRAINING.md, is written beside the export."""
    try:
        archive = write_demo(out, platform, zipped=zipped, seed=seed)
    except DemoError as exc:
        typer.echo(f"privaudit: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(f"demo {platform} export written to {archive}")
    typer.echo(f"scan it with: privaudit scan {archive}")


@app.command("strip")
def strip_command(
    src: Annotated[
        Path, typer.Argument(help="The export to read: folder, .zip or .tar.gz (never changed).")
    ],
    out: Annotated[
        Path, typer.Argument(help="A new or empty folder for the copies (files mode 0600).")
    ],
) -> None:
    """Copy the photos in SRC to OUT without location or identifying metadata, losslessly.

    Exit 0 when every photo was stripped and checked, 1 when some could not be."""
    try:
        report = strip_photos(src, out, progress=lambda done: typer.echo(outcome_line(done)))
    except StripUsageError as exc:
        typer.echo(f"privaudit: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for line in summary_lines(report):
        typer.echo(line)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_FINDINGS)


@app.command("explain")
def explain_command(
    rule: Annotated[str, typer.Argument(help="Rule id, as listed by `privaudit rules`.")],
) -> None:
    """Print a rule's documentation: what it finds, why it matters, an example, how to fix."""
    if rule not in ALL_RULES:
        typer.echo(f"privaudit: unknown rule {rule!r}; `privaudit rules` lists them.", err=True)
        raise typer.Exit(EXIT_ERROR)
    info = ALL_RULES[rule]
    typer.echo(f"{info.id} — {info.title} (category {info.category}, base harm {info.harm})\n")
    typer.echo(rule_doc(rule).strip())


@app.command("rules")
def rules_command() -> None:
    """List every rule with its category, base harm and the platforms it applies to."""
    table = Table("Rule", "Category", "Harm", "Platforms", "Title")
    for row in rules_table():
        table.add_row(row.id, row.category, str(row.harm), row.platforms, row.title)
    Console(highlight=False).print(table)


def main() -> None:
    """Entry point: run the app; an unexpected error is one plain line, never a traceback."""
    forbid_network()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("privaudit: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        sys.stderr.write(
            f"privaudit: internal error ({type(exc).__name__}: {exc}); please report it\n"
        )
        if os.environ.get("PRIVAUDIT_DEBUG"):
            raise
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
