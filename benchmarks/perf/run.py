"""Time ``privaudit scan`` against the floor, in the same run, and ExifTool on photos.

    python -m benchmarks.perf.run /tmp/bench/x-100k.zip --repeat 3
    python -m benchmarks.perf.run /tmp/bench/takeout-photos --exiftool

Each repetition runs the floor (:mod:`benchmarks.perf.floor`) and then the scan, each in a
fresh process, alternating, so both see the same machine load; the medians are compared.
The scan's peak RSS is the child's ``ru_maxrss`` (``os.wait4``). With ``--exiftool`` and
``exiftool`` on the PATH, ``exiftool -n -json -gps:all -r PATH`` is timed on the same path
(the runner skips it when ExifTool is absent). The scan runs through a small wrapper that
calls :func:`privaudit.scan.scan` with a fixed ``now`` and writes the JSON report, exactly
what ``privaudit scan --format json`` does; ``--workers N`` sets ``ScanOptions.workers``.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCAN_WRAPPER = """
import os, sys
from datetime import UTC, datetime
from privaudit.offline import forbid_network
from privaudit.report.interface import ReportOptions
from privaudit.report.json import JsonFormatter
from privaudit.scan import ScanOptions, scan

if __name__ == "__main__":
    forbid_network()
    workers = os.environ.get("PRIVAUDIT_WORKERS")
    options = ScanOptions(now=datetime(2024, 11, 3, tzinfo=UTC),
                          workers=int(workers) if workers else None)
    result = scan(sys.argv[1:], options)
    with open(os.environ["PRIVAUDIT_REPORT"], "w", encoding="utf-8") as out:
        out.write(JsonFormatter().render(result, ReportOptions()))
"""


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit code of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or os.environ.copy()
    )
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    child.returncode = code
    if code not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return wall, usage.ru_maxrss, code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="scan workers (default: cores)")
    parser.add_argument("--exiftool", action="store_true", help="also time ExifTool on PATH")
    parser.add_argument("--no-floor", action="store_true")
    args = parser.parse_args(argv)
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = Path(tmp) / "scan_wrapper.py"
        wrapper.write_text(SCAN_WRAPPER, encoding="utf-8")
        env = os.environ.copy()
        env["PRIVAUDIT_REPORT"] = str(Path(tmp) / "report.json")
        if args.workers is not None:
            env["PRIVAUDIT_WORKERS"] = str(args.workers)
        floors: list[float] = []
        scans: list[float] = []
        rss: list[int] = []
        for _ in range(args.repeat):
            if not args.no_floor:
                floors.append(timed([python, "-m", "benchmarks.perf.floor", str(args.path)])[0])
            wall, peak, _ = timed([python, str(wrapper), str(args.path)], env)
            scans.append(wall)
            rss.append(peak)
        report = json.loads(Path(env["PRIVAUDIT_REPORT"]).read_text(encoding="utf-8"))
    result: dict[str, object] = {
        "path": str(args.path),
        "workers": args.workers or os.cpu_count(),
        "scan_s": [round(s, 2) for s in scans],
        "scan_median_s": round(statistics.median(scans), 2),
        "peak_rss_mb": round(max(rss) / 1024, 1),
        "records": sum(a["records"] for a in report["archives"]),
        "findings": len(report["findings"]),
    }
    if floors:
        result["floor_s"] = [round(s, 2) for s in floors]
        result["floor_median_s"] = round(statistics.median(floors), 2)
        result["scan_over_floor"] = round(statistics.median(scans) / statistics.median(floors), 2)
    exiftool = shutil.which("exiftool")
    if args.exiftool and exiftool:
        runs = [
            timed([exiftool, "-n", "-json", "-gps:all", "-r", str(args.path)])[0]
            for _ in range(args.repeat)
        ]
        result["exiftool_s"] = [round(s, 2) for s in runs]
        result["exiftool_median_s"] = round(statistics.median(runs), 2)
        result["exiftool_over_scan"] = round(statistics.median(runs) / statistics.median(scans), 1)
    elif args.exiftool:
        result["exiftool"] = "not installed: skipped"
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
