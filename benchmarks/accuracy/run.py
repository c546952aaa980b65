"""Measure privaudit's detectors on external labelled data, per category.

Run from the repository root: ``python -m benchmarks.accuracy`` (``--help`` for options).
The data lives outside the project, in ``../shared/evaldata`` (override with
``--evaldata PATH`` or ``PRIVAUDIT_EVALDATA``); when it is absent every part is skipped
with a message and the command exits 0, so a fresh clone is never broken by it.

Parts:

* ``pii`` — synthetic sentences with labelled spans: precision, recall and F2 of the
  phone, e-mail, card, IBAN, SSN and street-address spans (a prediction counts when it
  overlaps a gold span of the mapped type).
* ``address`` — labelled US address strings: recall of the address detector.
* ``tweets`` — real tweets: findings per 1,000 posts, and high-or-critical per 1,000 (the
  false-alarm rate people feel).
* ``exif`` — real photos and videos with ExifTool ground truth: GPS found within 10 m on
  the positives, no position on the negatives and 0,0 traps.
* ``secrets`` — fake credential samples: recall of the credential rules against the
  samples' own labelled lines (a tool's output, so a reference rather than ground truth).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from privaudit.archive import ArchiveError, MemberError, open_archive
from privaudit.assess import Hit, OwnFacts, build_findings
from privaudit.assess.overlap import resolve_overlaps
from privaudit.detectors import detect
from privaudit.detectors.interface import DetectContext
from privaudit.media import MediaError
from privaudit.model import Category, Exposure, Field, Kind, Match, Record, Role, Severity

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 22, tzinfo=UTC)
CTX = DetectContext(region="US", now=NOW)

# presidio-research entity type -> our category
PII_TYPES: dict[str, Category] = {
    "PHONE_NUMBER": Category.PHONE,
    "EMAIL_ADDRESS": Category.EMAIL,
    "CREDIT_CARD": Category.FINANCIAL,
    "IBAN_CODE": Category.FINANCIAL,
    "US_SSN": Category.GOVERNMENT_ID,
    "US_DRIVER_LICENSE": Category.GOVERNMENT_ID,
    "STREET_ADDRESS": Category.ADDRESS,
}


@dataclass
class Score:
    """Counts for one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall
        if math.isnan(p) or math.isnan(r) or p + r == 0:
            return math.nan
        return 5 * p * r / (4 * p + r)


@dataclass
class Report:
    """What one part measured, printable."""

    title: str
    rows: list[tuple[str, ...]] = field(default_factory=list)
    header: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    def print(self) -> None:
        print(f"\n## {self.title}")
        if self.header:
            widths = [
                max(len(str(r[i])) for r in [self.header, *self.rows])
                for i in range(len(self.header))
            ]
            for row in [self.header, *self.rows]:
                print("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
        for note in self.notes:
            print(f"  {note}")


def _record(text: str, pointer: str = "/0/text", kind: Kind = Kind.POST) -> Record:
    return Record(
        platform="eval",
        archive="eval",
        path="eval",
        pointer=pointer,
        kind=kind,
        exposure=Exposure.PUBLIC,
        author_is_self=True,
        timestamp=NOW,
        fields=(Field("text", pointer, text, Role.TEXT),),
        label="post",
    )


def _matches(record: Record) -> list[Match]:
    hits = [Hit(record, m) for m in detect(record, CTX)]
    return [h.match for h in resolve_overlaps(hits)]


def _fmt(x: float) -> str:
    return "—" if math.isnan(x) else f"{x:.3f}"


# --- parts ---------------------------------------------------------------------------------


def part_pii(data: Path) -> Report:
    path = data / "text" / "presidio-research" / "data" / "synth_dataset_v2.json"
    report = Report("Synthetic PII sentences (span overlap)")
    if not path.exists():
        report.notes.append(f"skipped: {path} not found")
        return report
    sentences = json.loads(path.read_text(encoding="utf-8"))
    per_type: dict[str, Score] = defaultdict(Score)
    per_category: dict[Category, Score] = defaultdict(Score)
    for index, sentence in enumerate(sentences):
        text = sentence["full_text"]
        gold = [
            (s["entity_type"], s["start_position"], s["end_position"]) for s in sentence["spans"]
        ]
        predicted = [
            m for m in _matches(_record(text, f"/{index}/full_text")) if m.span is not None
        ]
        for etype, start, end in gold:
            if etype not in PII_TYPES:
                continue
            category = PII_TYPES[etype]
            found = any(
                m.category is category and _overlap(m.span, (start, end)) for m in predicted
            )
            per_type[etype].tp += found
            per_type[etype].fn += not found
        for match in predicted:
            if match.category not in PII_TYPES.values():
                continue
            good = any(
                PII_TYPES.get(etype) is match.category and _overlap(match.span, (start, end))
                for etype, start, end in gold
            )
            per_category[match.category].tp += good
            per_category[match.category].fp += not good
    report.header = ("entity", "gold", "recall")
    for etype, score in sorted(per_type.items()):
        report.rows.append((etype, str(score.tp + score.fn), _fmt(score.recall)))
    report.rows.append(("", "", ""))
    report.rows.append(("category", "predicted", "precision / recall / F2"))
    for category, score in sorted(per_category.items()):
        gold_total = sum(
            per_type[t].tp + per_type[t].fn for t, c in PII_TYPES.items() if c is category
        )
        gold_found = sum(per_type[t].tp for t, c in PII_TYPES.items() if c is category)
        combined = Score(tp=score.tp, fp=score.fp, fn=gold_total - gold_found)
        combined_recall = gold_found / gold_total if gold_total else math.nan
        f2 = _f2(score.precision, combined_recall)
        report.rows.append(
            (
                category.value,
                str(score.tp + score.fp),
                f"{_fmt(score.precision)} / {_fmt(combined_recall)} / {_fmt(f2)}",
            )
        )
        del combined
    report.notes.append(f"{len(sentences)} sentences")
    return report


def _f2(p: float, r: float) -> float:
    if math.isnan(p) or math.isnan(r) or p + r == 0:
        return math.nan
    return 5 * p * r / (4 * p + r)


def _overlap(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


def part_address(data: Path) -> Report:
    report = Report("Labelled US addresses (recall of the address rules)")
    files = [
        data / "text" / "usaddress" / "measure_performance" / "test_data" / "labeled.xml",
        data / "text" / "usaddress" / "measure_performance" / "test_data" / "us50_test_tagged.xml",
    ]
    files = [f for f in files if f.exists()]
    if not files:
        report.notes.append("skipped: usaddress test data not found")
        return report
    report.header = ("file", "addresses", "found", "recall")
    for path in files:
        strings = [
            " ".join(t for t in (el.text for el in node) if t) for node in ET.parse(path).getroot()
        ]
        found = sum(
            any(m.category is Category.ADDRESS for m in _matches(_record(s))) for s in strings
        )
        report.rows.append(
            (
                path.name,
                str(len(strings)),
                str(found),
                _fmt(found / len(strings) if strings else math.nan),
            )
        )
    return report


def _conll_docs(path: Path) -> Iterator[str]:
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            if tokens:
                yield " ".join(tokens)
                tokens = []
            continue
        tokens.append(line.split("\t")[0].split(" ")[0])
    if tokens:
        yield " ".join(tokens)


def part_tweets(data: Path) -> Report:
    report = Report("Real tweets (false alarms per 1,000 posts)")
    corpora = {
        "broad_twitter_corpus": data
        / "text"
        / "broad_twitter_corpus"
        / "train_dev_test_conll"
        / "btc.test",
        "wnut17 test": data / "text" / "wnut17" / "emerging.test.annotated",
        "wnut17 train": data / "text" / "wnut17" / "wnut17train.conll",
    }
    report.header = ("corpus", "posts", "findings/1k", "high+critical/1k", "by category")
    for name, path in corpora.items():
        if not path.exists():
            report.notes.append(f"skipped {name}: not found")
            continue
        docs = list(_conll_docs(path))
        hits: list[Hit] = []
        for index, text in enumerate(docs):
            record = _record(text, f"/{index}/text")
            hits.extend(Hit(record, m) for m in detect(record, CTX))
        findings = build_findings(hits, OwnFacts())
        severe = [f for f in findings if f.severity in (Severity.HIGH, Severity.CRITICAL)]
        by_category = Counter(f"{f.category.value}:{f.severity.value}" for f in findings)
        report.rows.append(
            (
                name,
                str(len(docs)),
                f"{1000 * len(findings) / len(docs):.2f}",
                f"{1000 * len(severe) / len(docs):.2f}",
                ", ".join(f"{k}×{v}" for k, v in sorted(by_category.items())),
            )
        )
    return report


def part_exif(data: Path) -> Report:
    report = Report("Photos and videos with ExifTool ground truth (GPS within 10 m)")
    manifest = data / "exif" / "MANIFEST_gps.csv"
    if not manifest.exists():
        report.notes.append("skipped: exif/MANIFEST_gps.csv not found")
        return report
    reader = _media_reader()
    outcome: Counter[str] = Counter()
    misses: list[str] = []
    for row in csv.DictReader(manifest.open(encoding="utf-8")):
        path = data / row["file"]
        points = _points(reader, path)
        truth = row["exiftool_has_coords"]
        if path.suffix.lower() in _TRACK_SUFFIXES:
            # the manifest records photo GPS only; a track file is all positions
            outcome["track file: positions read" if points else "track file: none read"] += 1
            continue
        if truth == "yes":
            lat, lon = float(row["exiftool_lat"]), float(row["exiftool_lon"])
            good = any(_metres(lat, lon, p[0], p[1]) <= 10 for p in points)
            outcome["positive found within 10 m" if good else "positive missed"] += 1
            if not good:
                misses.append(f"missed {row['file']} ({row['format']}): got {points[:1]}")
        else:
            outcome[f"{truth}: false position" if points else f"{truth}: correctly none"] += 1
            if points:
                misses.append(f"false position in {row['file']}: {points[:1]}")
    report.header = ("outcome", "files")
    report.rows = [(k, str(v)) for k, v in sorted(outcome.items())]
    report.notes.extend(misses)
    return report


_TRACK_SUFFIXES = {".gpx", ".kml", ".kmz"}


def _media_reader() -> Callable[[object, object], object]:
    from privaudit.platforms import photos

    return getattr(photos, "media_metadata", photos.photo_metadata)  # type: ignore[no-any-return]


def _points(reader: Callable[[object, object], object], path: Path) -> list[tuple[float, float]]:
    try:
        with open_archive(path) as archive:
            members = archive.members()
            if not members:
                return []
            meta = reader(archive, members[0])
    except (ArchiveError, MemberError, MediaError):
        return []
    return [(p.lat, p.lon) for p in getattr(meta, "points", ())]


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def part_secrets(data: Path) -> Report:
    report = Report("Fake credentials (recall against the samples' labelled lines)")
    root = data / "secrets" / "credsweeper"
    expected = root / "expected_output.json"
    if not expected.exists():
        report.notes.append("skipped: credsweeper samples not found")
        return report
    labelled: dict[str, set[int]] = defaultdict(set)
    for item in json.loads(expected.read_text(encoding="utf-8")):
        for line in item.get("line_data_list", []):
            path = str(line.get("path", ""))
            name = path.split("samples/", 1)[-1]
            if (root / "samples" / name).is_file():
                labelled[name].add(int(line.get("line_num", 0)))
    found = total = 0
    for name, lines in labelled.items():
        text = (root / "samples" / name).read_text(encoding="utf-8", errors="replace")
        rows = text.splitlines()
        for number in lines:
            if not 1 <= number <= len(rows):
                continue
            total += 1
            matches = _matches(_record(rows[number - 1], f"/{number - 1}"))
            found += any(m.category is Category.CREDENTIAL for m in matches)
    report.header = ("labelled lines", "found by credential rules", "recall")
    report.rows.append((str(total), str(found), _fmt(found / total if total else math.nan)))
    return report


PARTS: dict[str, Callable[[Path], Report]] = {
    "pii": part_pii,
    "address": part_address,
    "tweets": part_tweets,
    "exif": part_exif,
    "secrets": part_secrets,
}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--evaldata",
        type=Path,
        default=Path(os.environ.get("PRIVAUDIT_EVALDATA", REPO.parent / "shared" / "evaldata")),
    )
    parser.add_argument("--only", choices=sorted(PARTS), action="append")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.evaldata.is_dir():
        print(f"evaluation data not found at {args.evaldata}: nothing to measure (skipped)")
        return 0
    for name in args.only or list(PARTS):
        started = time.perf_counter()
        report = PARTS[name](args.evaldata)
        report.notes.append(f"({time.perf_counter() - started:.1f} s)")
        report.print()
    sys.stdout.flush()
    return 0
