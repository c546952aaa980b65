"""The safety guarantees: offline, read-only, nothing left behind, nothing leaked."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from privaudit.scan import scan
from tests.helpers import FIXTURES

ARCHIVES = sorted(
    p
    for p in FIXTURES.glob("*/*")
    if p.is_dir() or p.suffix in {".zip", ".gz", ".tgz", ".json", ".txt", ".car"}
)


def _tree_digest(root: Path) -> dict[str, tuple[str, float]]:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime) for p in files}


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_itself_runs_without_network() -> None:
    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_every_fixture_scans_offline_and_unchanged() -> None:
    assert ARCHIVES, "no fixtures found"
    before = {str(a): _tree_digest(a) for a in ARCHIVES}
    for archive in ARCHIVES:
        scan([archive])  # sockets are disabled for the whole test session
    after = {str(a): _tree_digest(a) for a in ARCHIVES}
    assert after == before


def test_cli_process_refuses_network(tmp_path: Path) -> None:
    code = (
        "from privaudit.offline import forbid_network\n"
        "import socket\n"
        "forbid_network()\n"
        "try:\n"
        "    socket.getaddrinfo('localhost', 80)\n"
        "except RuntimeError as exc:\n"
        "    print('blocked:', exc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "blocked: privaudit works offline" in proc.stdout


def test_scan_leaves_no_temporary_files(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "report.json"
    env = {**os.environ, "TMPDIR": str(tmp)}
    for archive in ARCHIVES:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "privaudit.cli",
                "scan",
                str(archive),
                "--format",
                "json",
                "--output",
                str(out),
                "--fail-on",
                "none",
            ],
            capture_output=True,
            timeout=120,
            check=True,
            env=env,
        )
    assert list(tmp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "tmp"]
