"""Fuzzing the document layer: any bytes parse or fail with a plain MemberError."""

from __future__ import annotations

import codecs

import orjson
from hypothesis import given
from hypothesis import strategies as st

from privaudit.archive.interface import MemberError
from privaudit.platforms.documents import decode_text, parse_json, resolve_pointer
from privaudit.platforms.generic import json_fields
from tests.fuzz.fuzzing import budget, json_values, mutated

_SEED = (
    b'window.YTD.tweets.part0 = [{"tweet": {"full_text": "caf\\u00e9 \\ud83d\\ude00 \\\\u0041",'
    b' "entities": {"hashtags": [], "urls": [{"url": "https://t.co/x"}]}, "id": 1e3}}];'
)


def parses_or_refuses(data: bytes) -> None:
    try:
        doc = parse_json(data)
    except MemberError as exc:
        assert str(exc)
        return
    orjson.dumps(doc)  # whatever parsed can be written into a report
    for field in json_fields(doc):
        assert resolve_pointer(doc, field.pointer).startswith(field.text[:100])


@budget(150)
@given(data=st.data())
def test_mutated_json(data: st.DataObject) -> None:
    parses_or_refuses(data.draw(mutated(_SEED)))


@budget(100)
@given(
    prefix=st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"window.YTD.x.part0 = "]),
    body=st.binary(max_size=512),
)
def test_random_bytes(prefix: bytes, body: bytes) -> None:
    parses_or_refuses(prefix + body)
    assert isinstance(decode_text(prefix + body), str)


@budget(100)
@given(value=json_values(12), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_any_json_value_round_trips(value: object, encoding: str) -> None:
    text = orjson.dumps(value).decode()
    data = text.encode(encoding)
    assert parse_json(data) == orjson.loads(text)


@budget(60)
@given(units=st.lists(st.one_of(st.integers(0xD800, 0xDFFF), st.integers(0, 0xFFFF)), max_size=12))
def test_escaped_surrogates_never_hide_a_document(units: list[int]) -> None:
    """Any run of ``\\u`` escapes (paired, lone or reversed surrogates) parses, and an
    escaped backslash before ``u`` stays literal text."""
    escaped = "".join(f"\\u{unit:04x}" for unit in units)
    doc = parse_json(('{"t": "' + escaped + '\\\\ud800"}').encode())
    assert isinstance(doc["t"], str)
    assert doc["t"].endswith("\\ud800")
    orjson.dumps(doc)  # no lone surrogate survives to break the report
