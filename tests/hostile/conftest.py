"""The hostile-input harness: every case runs through the real CLI in a fenced subprocess.

A case passes only when the process ends within its time limit, under 2 GiB of address
space, with no traceback, with an exit code the report contract allows, leaving the input
byte-for-byte unchanged and writing nothing but the report it was asked for.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

MEMORY_LIMIT = 2 << 30
"""RLIMIT_AS of every CLI run: 2 GiB of address space."""
TIME_LIMIT = 60.0
_HASHED_BYTES = 64 << 20
"""Files up to this size are hashed; larger ones are compared by size and change times."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("PRIVAUDIT_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow hostile case; set PRIVAUDIT_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@dataclass
class CliRun:
    """What one fenced CLI run did."""

    code: int
    stdout: str
    stderr: str
    report: dict[str, Any] | None
    seconds: float

    @property
    def skipped(self) -> dict[str, str]:
        """``path → reason`` over every archive of the report."""
        if self.report is None:
            return {}
        return {s["path"]: s["reason"] for a in self.report["archives"] for s in a["skipped"]}

    @property
    def notes(self) -> list[str]:
        if self.report is None:
            return []
        return [n for a in self.report["archives"] for n in a["notes"]]

    @property
    def archive(self) -> dict[str, Any]:
        assert self.report is not None
        archives: list[dict[str, Any]] = self.report["archives"]
        assert len(archives) == 1
        return archives[0]

    def reason(self, path: str) -> str:
        assert path in self.skipped, f"{path} not in skipped: {self.skipped}"
        return self.skipped[path]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def snapshot(paths: list[Path]) -> dict[str, tuple[Any, ...]]:
    """Everything observable about the inputs, without opening anything but regular files
    (a FIFO is never opened: that would block)."""
    state: dict[str, tuple[Any, ...]] = {}

    def note(path: Path) -> None:
        info = os.lstat(path)
        key: tuple[Any, ...] = (
            stat.S_IFMT(info.st_mode),
            info.st_size,
            info.st_mtime_ns,
            info.st_ctime_ns,
        )
        if stat.S_ISLNK(info.st_mode):
            key += (os.readlink(path),)
        elif stat.S_ISREG(info.st_mode) and info.st_size <= _HASHED_BYTES:
            key += (hashlib.sha256(path.read_bytes()).hexdigest(),)
        state[str(path)] = key

    for root in paths:
        note(root)
        if root.is_dir() and not root.is_symlink():
            for folder, dirs, files in os.walk(root):
                for name in dirs + files:
                    note(Path(folder) / name)
    return state


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., CliRun]:
    """Run ``privaudit scan INPUTS --format json --output report.json`` fenced as described
    in the module docstring; asserts the guarantees every case shares."""
    counter = iter(range(1000))

    def run(
        *inputs: Path,
        allowed: tuple[int, ...] = (0, 1, 2),
        timeout: float = TIME_LIMIT,
        extra: tuple[str, ...] = ("--fail-on", "none"),
    ) -> CliRun:
        work = tmp_path / f"run{next(counter)}"
        cwd, tmp = work / "cwd", work / "tmp"
        cwd.mkdir(parents=True)
        tmp.mkdir()
        report = cwd / "report.json"
        before = snapshot(list(inputs))
        env = {**os.environ, "TMPDIR": str(tmp), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PRIVAUDIT_DEBUG", None)
        command = [sys.executable, "-m", "privaudit.cli", "scan", *map(str, inputs)]
        command += ["--format", "json", "--output", str(report), *extra]
        start = time.monotonic()
        proc = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limit_memory,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        seconds = time.monotonic() - start
        assert "Traceback" not in proc.stderr, proc.stderr
        assert "internal error" not in proc.stderr, proc.stderr
        assert proc.returncode in allowed, (proc.returncode, proc.stderr)
        assert snapshot(list(inputs)) == before, "the input was changed"
        assert list(tmp.iterdir()) == [], "temporary files were left behind"
        written = sorted(p.name for p in cwd.iterdir())
        assert written in ([], ["report.json"]), written
        data = json.loads(report.read_text()) if report.exists() else None
        if proc.returncode in (0, 1):
            assert data is not None, "exit 0/1 without a report"
            assert stat.S_IMODE(report.stat().st_mode) == 0o600
        else:
            assert data is None
            assert proc.stderr.startswith("privaudit: "), proc.stderr
        result = CliRun(proc.returncode, proc.stdout, proc.stderr, data, seconds)
        for path, reason in result.skipped.items():
            assert "unexpected problem" not in reason, (path, reason)  # a reader crashed
            assert "Traceback" not in reason
        return result

    return run


@pytest.fixture
def readme() -> Iterator[dict[str, bytes]]:
    """One harmless readable file, so a case with one hostile member still has a report."""
    yield {"README.txt": b"A synthetic export for hostile-input tests.\n"}
