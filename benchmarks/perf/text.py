"""Text detector throughput: every rule over posts, in MB of text per second, one process.

    python -m benchmarks.perf.text                 # generated posts (+ real corpora if present)
    python -m benchmarks.perf.text --posts 50000

Corpora: generated posts (:mod:`benchmarks.perf.generate`'s vocabulary, about 1 in 100 with
a planted disclosure); when ``../shared/evaldata`` (or ``--evaldata``) is present, real
tweets (Broad Twitter Corpus test, WNUT-17 train) and Presidio's synthetic PII sentences
(PII in every sentence: the worst case). Each text is one post of the owner's (a ``TEXT``
field), detected with the gates (:mod:`privaudit.detectors.gates`) and with every detector
called; the two must give the same matches. Compare with the anchor of Presidio's
pattern recognizers, 0.2–0.36 MB/s on this machine class.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.accuracy.run import _conll_docs
from benchmarks.perf.generate import tweet_text
from privaudit.detectors import detect, detect_ungated
from privaudit.detectors.interface import DetectContext
from privaudit.model import Exposure, Field, Kind, Match, Record, Role

NOW = datetime(2024, 11, 3, tzinfo=UTC)
CTX = DetectContext(region="US", now=NOW)
REPO = Path(__file__).resolve().parents[2]
PRESIDIO_MB_S = (0.2, 0.36)


def _records(texts: list[str]) -> list[Record]:
    return [_post(i, text) for i, text in enumerate(texts)]


def _post(index: int, text: str) -> Record:
    return Record(
        platform="x", archive="bench", path="data/tweets.js", pointer=f"/{index}/tweet",
        kind=Kind.POST, exposure=Exposure.PUBLIC, author_is_self=True, timestamp=NOW,
        fields=(Field("full_text", f"/{index}/tweet/full_text", text, Role.TEXT),),
    )  # fmt: skip


def _run(
    records: list[Record], fn: Callable[[Record, DetectContext], list[Match]]
) -> tuple[float, list[list[Match]]]:
    started = time.process_time()
    out = [fn(record, CTX) for record in records]
    return time.process_time() - started, out


def corpora(posts: int, evaldata: Path) -> dict[str, list[str]]:
    rng = random.Random(7)
    found = {"generated posts": [tweet_text(rng)[0] for _ in range(posts)]}
    text = evaldata / "text"
    btc = text / "broad_twitter_corpus" / "train_dev_test_conll" / "btc.test"
    wnut = text / "wnut17" / "wnut17train.conll"
    if btc.exists() and wnut.exists():
        found["real tweets (BTC test + WNUT-17 train)"] = [
            *_conll_docs(btc),
            *_conll_docs(wnut),
        ]
    synth = text / "presidio-research" / "data" / "synth_dataset_v2.json"
    if synth.exists():
        items = json.loads(synth.read_text(encoding="utf-8"))
        found["PII sentences (Presidio synthetic)"] = [
            item["full_text"] for item in items if isinstance(item.get("full_text"), str)
        ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=30_000)
    parser.add_argument(
        "--evaldata",
        type=Path,
        default=Path(os.environ.get("PRIVAUDIT_EVALDATA", REPO.parent / "shared" / "evaldata")),
    )
    args = parser.parse_args(argv)
    for name, texts in corpora(args.posts, args.evaldata).items():
        records = _records(texts)
        megabytes = sum(len(t.encode()) for t in texts) / 1e6
        _run(records[:200], detect)  # warm the caches of compiled patterns
        gated_s, gated = _run(records, detect)
        plain_s, plain = _run(records, detect_ungated)
        assert gated == plain, "the gates changed a result"
        found = sum(1 for m in gated if m)
        print(
            f"{name}: {len(texts):,} texts, {megabytes:.2f} MB, {found:,} with matches\n"
            f"  gated    {gated_s:6.2f} s  {megabytes / gated_s:6.2f} MB/s  "
            f"{len(texts) / gated_s:8,.0f} texts/s  "
            f"{megabytes / gated_s / PRESIDIO_MB_S[1]:5.1f}–"
            f"{megabytes / gated_s / PRESIDIO_MB_S[0]:.1f}× Presidio's patterns\n"
            f"  ungated  {plain_s:6.2f} s  {megabytes / plain_s:6.2f} MB/s  "
            f"{len(texts) / plain_s:8,.0f} texts/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
