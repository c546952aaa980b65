"""Hostile documents: invalid and absurdly deep JSON, huge single lines, odd encodings."""

from __future__ import annotations

import codecs
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import X_FOLDER
from tests.hostile.builders import write
from tests.hostile.conftest import CliRun

Run = Callable[..., CliRun]
README = b"A synthetic export for hostile-input tests.\n"
BIG = 300 << 20


def folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "export"
    write(root / "README.txt", README)
    for name, data in files.items():
        write(root / name, data)
    return root


def test_invalid_json(run_cli: Run, tmp_path: Path) -> None:
    root = folder(
        tmp_path,
        {
            "cut.json": b'{"posts": [{"text": "hello',
            "garbage.json": b"\x00\x01\x02 not json",
            "empty.json": b"",
            "nan.json": b"[NaN, Infinity]",
            "trailing.json": b'{"a": 1} {"b": 2}',
        },
    )
    run = run_cli(root)
    assert run.code == 0
    for name in ("cut.json", "garbage.json", "empty.json", "nan.json", "trailing.json"):
        assert run.reason(name).startswith("not valid JSON ("), name


def test_json_nested_100000_deep(run_cli: Run, tmp_path: Path) -> None:
    deep = 100_000
    root = folder(
        tmp_path,
        {
            "lists.json": b"[" * deep + b"]" * deep,
            "objects.json": b'{"a":' * deep + b"1" + b"}" * deep,
            "unclosed.json": b"[" * deep,
        },
    )
    run = run_cli(root)
    assert run.code == 0
    for name in ("lists.json", "objects.json", "unclosed.json"):
        assert run.reason(name) == "JSON nested too deeply to read safely"


def test_json_nested_just_under_the_parser_limit(run_cli: Run, tmp_path: Path) -> None:
    """1,000 levels parse; every reader walking them must not hit Python's recursion limit."""
    deep = 1000
    nested = b'{"text":' * deep + b'"deep"' + b"}" * deep
    root = folder(tmp_path, {"deep.json": nested, "deep.jsonl": nested + b"\n" + nested})
    run = run_cli(root)
    assert run.code == 0
    assert run.skipped == {}


def test_x_archive_with_absurd_nesting(run_cli: Run, tmp_path: Path) -> None:
    root = tmp_path / "x"
    shutil.copytree(X_FOLDER, root)
    deep = b'{"a":' * 1000 + b"1" + b"}" * 1000
    (root / "data" / "tweets-part2.js").write_bytes(
        b'window.YTD.tweets.part1 = [{"tweet": {"full_text": "nested", "id_str": "1",'
        b' "created_at": "Sat Jun 01 10:00:00 +0000 2024", "entities": ' + deep + b"}}]"
    )
    (root / "data" / "direct-messages-group.js").write_bytes(
        b"window.YTD.x.part0 = " + b"[" * 100_000
    )
    run = run_cli(root)
    assert run.code == 0
    assert run.reason("data/direct-messages-group.js") == "JSON nested too deeply to read safely"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("big.json", lambda n: b"[" + b"0," * ((n - 2) // 2) + b"0]"),
        pytest.param(
            "big.js",
            lambda n: b'window.YTD.x.part0 = ["' + b"a" * (n - 30) + b'"]',
            marks=pytest.mark.slow,
        ),
        pytest.param("big.txt", lambda n: b"word " * (n // 5), marks=pytest.mark.slow),
        pytest.param("big.csv", lambda n: b"text\n" + b"x" * n, marks=pytest.mark.slow),
        pytest.param("big.jsonl", lambda n: b'"' + b"a" * n + b'"', marks=pytest.mark.slow),
    ],
)
def test_300_mb_single_line_member(
    run_cli: Run, tmp_path: Path, name: str, line: Callable[[int], bytes]
) -> None:
    root = folder(tmp_path, {})
    write(root / name, line(BIG))
    run = run_cli(root)
    assert run.code == 0
    assert run.seconds < 60
    if name.endswith((".json", ".js")):
        assert run.reason(name).startswith("too large to read as one JSON document")
    elif name.endswith(".csv"):
        assert run.reason(name).startswith("damaged CSV")


def test_300_mb_member_inside_a_zip(run_cli: Run, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("README.txt", README)
        with archive.open("data/big.json", "w", force_zip64=True) as stream:
            chunk = b"0," * (1 << 20)
            for _ in range(150):
                stream.write(chunk)
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("data/big.json").startswith("too large to read as one JSON document")


def test_encodings(run_cli: Run, tmp_path: Path) -> None:
    text = "Call me on +1 415 555 0142 — Zürich café ☕\n"
    bio = '{"bio": "' + text.strip() + '"}'
    root = folder(
        tmp_path,
        {
            "latin1.txt": text.replace("☕", "").replace("—", "-").encode("latin-1"),
            "cp1252.json": bio.replace("☕", "").encode("cp1252"),
            "utf16.json": codecs.BOM_UTF16_LE + bio.encode("utf-16-le"),
            "utf16be.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
            "utf16.csv": codecs.BOM_UTF16_LE + f"note\n{text}".encode("utf-16-le"),
            "utf16-no-bom.json": bio.encode("utf-16-le"),
            "bom8.json": codecs.BOM_UTF8 + b'{"bio": "plain"}',
            "surrogate.json": b'{"bio": "broken emoji \\ud83d here", "ok": "\\ud83d\\ude00"}',
            "nul.csv": b"a,b\n\x00,\x00\n",
            "quote.csv": b'a,b\n"unterminated,x\n',
            "mixed.jsonl": b'{"a": "ok"}\n{broken\n\xff\xfe\n{"b": "fine"}\n',
        },
    )
    run = run_cli(root)
    assert run.code == 0
    read = set(run.skipped)
    assert "latin1.txt" not in read and "utf16be.txt" not in read and "utf16.csv" not in read
    assert "cp1252.json" not in read, run.skipped  # one bad byte must not hide the file
    assert "utf16.json" not in read and "bom8.json" not in read
    assert "surrogate.json" not in read, run.skipped
    assert run.reason("utf16-no-bom.json").startswith("not valid JSON")


def test_json_with_big_numbers_and_duplicates(run_cli: Run, tmp_path: Path) -> None:
    root = folder(
        tmp_path,
        {
            "numbers.json": b'{"n": 123456789012345678901234567890, "m": -1e308, "z": -0}',
            "dupes.json": b'{"bio": "a", "bio": "b"}',
        },
    )
    run = run_cli(root)
    assert run.code == 0
    assert run.skipped == {}
