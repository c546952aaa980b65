"""The detector gates skip only detectors that would find nothing.

Gated detection (:func:`privaudit.detectors.detect`) and calling every detector
(:func:`privaudit.detectors.detect_ungated`) must give the same matches in the same order:
on every record of every fixture archive, and on every string of the detectors' own test
corpus (the tests under ``tests/detectors/``) read as prose, as a generic field and as a
structured field.
"""

from __future__ import annotations

import ast
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.perf.generate import PLANTED, TOPICS, fill, tweet_text
from privaudit.archive import open_archive
from privaudit.detectors import detect, detect_ungated
from privaudit.detectors.gates import compile_gates
from privaudit.detectors.interface import DetectContext
from privaudit.model import ArchiveSummary, Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.scan import _records
from tests.test_parallel import ARCHIVES

NOW = datetime(2024, 11, 3, 12, 0, tzinfo=UTC)
CONTEXTS = (
    DetectContext(region=None, now=NOW),
    DetectContext(region="US", now=NOW),
    DetectContext(region="DE", now=NOW, org_keywords=("Initech", "Project Falcon")),
)
DETECTOR_TESTS = Path(__file__).resolve().parent / "detectors"

pytestmark = pytest.mark.skipif(
    compile_gates([]) is None, reason="gates need the optional google-re2 package"
)


def _same(record: Record) -> None:
    for ctx in CONTEXTS:
        assert detect(record, ctx) == detect_ungated(record, ctx), (record.fields, ctx)


def test_gated_detection_is_unchanged_on_every_fixture_archive() -> None:
    for path in ARCHIVES:
        with open_archive(path) as archive:
            for record in _records(archive, ArchiveSummary(path=str(path)), None):
                if record.author_is_self:
                    _same(record)


def _corpus() -> list[str]:
    """Every string literal of the detectors' tests, plus generated posts."""
    texts: set[str] = set()
    for source in sorted(DETECTOR_TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and 3 <= len(node.value) <= 2000
            ):
                texts.add(node.value)
    rng = random.Random(5)
    for _ in range(300):
        texts.add(tweet_text(rng)[0])
        texts.add(fill(rng.choice(PLANTED), rng))
        texts.add(fill(rng.choice(TOPICS), rng))
    return sorted(texts)


def _record(fields: tuple[Field, ...], kind: Kind = Kind.POST) -> Record:
    return Record(
        platform="x", archive="a", path="p.json", pointer="/0", kind=kind,
        exposure=Exposure.PUBLIC, author_is_self=True, timestamp=NOW, fields=fields,
    )  # fmt: skip


def test_gated_detection_is_unchanged_on_the_detector_corpus() -> None:
    texts = _corpus()
    assert len(texts) > 1000
    for text in texts:
        _same(_record((Field("full_text", "/0/full_text", text, Role.TEXT),)))
        _same(_record((Field("password", "/0/password", text, Role.OTHER),), Kind.OTHER))
    for role in Role:  # every role, structured ones included
        for text in texts[::7]:
            _same(_record((Field("value", "/0/value", text, role),), Kind.ACCOUNT))


def test_positions_open_the_location_detector() -> None:
    point = GeoPoint(47.61, -122.33, "/0/geo", "geotag on the post")
    record = Record(
        platform="x", archive="a", path="p.json", pointer="/0", kind=Kind.POST,
        exposure=Exposure.PUBLIC, author_is_self=True, timestamp=NOW, points=(point,),
    )  # fmt: skip
    assert detect(record, CONTEXTS[0])
    _same(record)


def test_the_age_statement_prefilter_is_unchanged() -> None:
    from privaudit.assess.inference.collect import _AGE_NEEDLE_RE, _has_age_needle

    texts = [*_corpus(), "I'M 34", "Ich BIN 40", "J’ai 30 ans", "İ'm 34", "NACÍ EN 1990"]
    for text in texts:
        assert _has_age_needle(text) == (_AGE_NEEDLE_RE.search(text) is not None), text
