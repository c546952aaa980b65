"""Where a scan's time goes, phase by phase, in one process (no pool): a coarse profile.

    python -m benchmarks.perf.phases /tmp/bench/x-100k.zip

Prints the time spent listing members, reading records (inflate + parse + build records,
photos included), running each detector on the owner's records, and assessing. For a
line-level view use ``pyinstrument -m privaudit.cli scan …`` or ``py-spy record``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import UTC, datetime

from privaudit.archive import open_archive
from privaudit.assess import Collector, Hit, OwnFacts, assess
from privaudit.detectors import DETECTORS
from privaudit.detectors.gates import compile_gates
from privaudit.detectors.interface import DetectContext
from privaudit.model import ArchiveSummary, Record
from privaudit.scan import _fewer_collections, _records

NOW = datetime(2024, 11, 3, tzinfo=UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--no-gates", action="store_true", help="call every detector")
    args = parser.parse_args(argv)
    with _fewer_collections():
        return _phases(args)


def _phases(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    archive = open_archive(args.path)
    members = archive.members()
    t_list = time.perf_counter() - t0
    summary = ArchiveSummary(path=args.path)
    records: list[Record] = []
    t0 = time.perf_counter()
    for record in _records(archive, summary, None):
        records.append(record)
    t_read = time.perf_counter() - t0
    own = [r for r in records if r.author_is_self]
    per: dict[str, float] = defaultdict(float)
    facts, local, collector = OwnFacts(), OwnFacts(), Collector()
    hits: list[Hit] = []
    t0 = time.perf_counter()
    for record in records:
        collector.observe(record)
    t_collect = time.perf_counter() - t0
    gates = None if args.no_gates else compile_gates(DETECTORS)
    text_bytes = sum(len(f.text.encode()) for r in own for f in r.fields)
    for record in own:
        ctx = DetectContext(region=local.region, now=NOW)
        matches = []
        started = time.perf_counter()
        wanted = gates.wanted(record, ctx) if gates else [True] * len(DETECTORS)
        per["(gates)"] += time.perf_counter() - started
        for detector, want in zip(DETECTORS, wanted, strict=True):
            if not want:
                continue
            started = time.perf_counter()
            matches.extend(detector.detect(record, ctx))
            per[type(detector).__name__] += time.perf_counter() - started
        facts.observe(record, matches)
        local.observe(record, matches)
        hits.extend(Hit(record, m) for m in matches)
    t_detect = sum(per.values())
    t0 = time.perf_counter()
    result = assess(hits, facts, collector, NOW)
    t_assess = time.perf_counter() - t0
    print(f"members {len(members):,}   records {len(records):,} ({len(own):,} own)   "
          f"text {text_bytes / 1e6:.1f} MB   findings {len(result.findings):,}")  # fmt: skip
    print(f"list members      {t_list:7.2f} s")
    print(f"read records      {t_read:7.2f} s")
    print(f"collect           {t_collect:7.2f} s")
    print(f"detect (all)      {t_detect:7.2f} s   {len(own) / max(t_detect, 1e-9):,.0f} records/s, "
          f"{text_bytes / 1e6 / max(t_detect, 1e-9):.1f} MB/s")  # fmt: skip
    for name, spent in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24s}{spent:7.2f} s")
    print(f"assess            {t_assess:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
