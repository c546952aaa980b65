"""The floor: the least work any correct scan of an archive must do, timed.

Open the archive; inflate every member once; parse every JSON member (``.json`` and X's
``.js``, after its ``window.… =`` prefix) with orjson; read every image's EXIF header with
exifread from the member's stream (exifread reads only the few KB it needs, so images are
*not* inflated whole: no correct scan has to). Nothing is interpreted, nothing is
detected, nothing is kept: each document is dropped once parsed. One process.

    python -m benchmarks.perf.floor /tmp/bench/x-100k.zip

Prints one JSON line: seconds, members, inflated bytes, JSON documents, images.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO

import exifread
import orjson

IMAGE_EXT = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".tif", ".tiff")
JSON_EXT = (".json", ".js")
_ASSIGNMENT = re.compile(rb"^\s*(?:window\.)?[\w$.\[\]\"']+\s*=\s*")
_CHUNK = 1 << 20

logging.getLogger("exifread").setLevel(logging.ERROR)


def members(path: Path) -> Iterator[tuple[str, AbstractContextManager[IO[bytes]]]]:
    """``(name, opener)`` for every file of a zip or a folder."""
    if path.is_dir():
        for root, _, files in os.walk(path):
            for name in sorted(files):
                full = os.path.join(root, name)
                yield full, open(full, "rb")  # noqa: SIM115 - closed by the caller
        return
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.is_dir():
                yield info.filename, archive.open(info)


def floor(path: Path) -> dict[str, float | int]:
    started = time.perf_counter()
    count = inflated = documents = images = 0
    for name, opener in members(path):
        count += 1
        lower = name.lower()
        with opener as stream:
            if lower.endswith(IMAGE_EXT):
                exifread.process_file(stream, details=False)
                images += 1
                continue
            if lower.endswith(JSON_EXT):
                data = stream.read()
                inflated += len(data)
                prefix = _ASSIGNMENT.match(data[:512]) if lower.endswith(".js") else None
                body = data[prefix.end() :] if prefix else data
                with contextlib.suppress(orjson.JSONDecodeError):
                    orjson.loads(body.rstrip().rstrip(b";"))
                documents += 1
                continue
            while chunk := stream.read(_CHUNK):
                inflated += len(chunk)
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "members": count,
        "inflated_mb": round(inflated / 1e6, 1),
        "json_documents": documents,
        "images": images,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    print(json.dumps(floor(args.path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
