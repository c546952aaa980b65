"""Command line: parse options, wire the layers, choose the exit code. Computes nothing itself.

Exit codes (the report contract): 0 scanned and nothing at or above ``--fail-on``;
1 findings at or above it; 2 usage error or nothing could be scanned.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from privaudit import __version__
from privaudit.assess.rules import ALL_RULES, rule_doc, rules_table
from privaudit.model import ScanResult, Severity
from privaudit.offline import forbid_network
from privaudit.report import FORMATTERS
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


class OutputFormat(StrEnum):
    terminal = "terminal"
    json = "json"


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
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.terminal,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (mode 0600)."),
    ] = None,
    reveal: Annotated[
        bool, typer.Option("--reveal", help="Show raw values instead of masked evidence.")
    ] = False,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity."),
    ] = FailOn.high,
    min_severity: Annotated[
        MinSeverity, typer.Option("--min-severity", help="Hide findings below this severity.")
    ] = MinSeverity.info,
    top: Annotated[
        int, typer.Option("--top", min=0, help="Findings explained in detail (terminal).")
    ] = 5,
) -> None:
    """Scan archives and report what puts you at risk, worst first."""
    err = Console(stderr=True)
    try:
        result = _run_scan(paths, err)
    except NothingScanned as exc:
        typer.echo(f"privaudit: nothing could be scanned: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    options = ReportOptions(
        reveal=reveal,
        min_severity=Severity(min_severity.value),
        top=top,
    )
    _emit(result, output_format, output, options)
    raise typer.Exit(_exit_code(result, fail_on))


def _run_scan(paths: list[Path], err: Console) -> ScanResult:
    if not (err.is_terminal and sys.stderr.isatty()):
        return scan(paths, ScanOptions())
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

        return scan(paths, ScanOptions(), progress=report)


def _emit(
    result: ScanResult,
    output_format: OutputFormat,
    output: Path | None,
    options: ReportOptions,
) -> None:
    formatter = FORMATTERS[output_format.value]
    if output is not None:
        text = formatter.render(
            result,
            ReportOptions(
                reveal=options.reveal,
                min_severity=options.min_severity,
                top=options.top,
                color=False,
                width=100,
            ),
        )
        try:
            write_private(output, text)
        except OSError as exc:
            typer.echo(f"privaudit: cannot write {output}: {exc.strerror}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
        typer.echo(f"report written to {output} (readable only by you)", err=True)
        return
    if output_format is OutputFormat.terminal:
        console = Console(highlight=False, emoji=False)
        for part in renderables(result, options):
            console.print(part)
        return
    sys.stdout.write(formatter.render(result, options))
    sys.stdout.write("\n")


def _exit_code(result: ScanResult, fail_on: FailOn) -> int:
    if fail_on is FailOn.none:
        return EXIT_OK
    threshold = Severity(fail_on.value).rank
    failing = any(f.severity.rank <= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


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
