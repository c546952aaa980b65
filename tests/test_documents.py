"""Decoding, JSON parsing and RFC 6901 pointers shared by every reader."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privaudit.archive.interface import MemberError
from privaudit.platforms.documents import (
    decode_text,
    parse_json,
    pointer,
    resolve_pointer,
)


def test_decode_text_handles_boms_and_bad_bytes() -> None:
    assert decode_text(codecs.BOM_UTF8 + "café".encode()) == "café"
    assert decode_text("Grüße".encode("utf-16")) == "Grüße"
    assert decode_text(b"ok \xff\xfe\xfa end").startswith("ok ")
    assert "\ufffd" in decode_text(b"ok \xff end")


def test_parse_json_strips_x_assignment() -> None:
    doc = parse_json(b'window.YTD.tweets.part1 = [ {"tweet" : {"id_str" : "1"}} ]')
    assert doc == [{"tweet": {"id_str": "1"}}]
    assert parse_json(b'window.__THAR_CONFIG = {"a": 1};\n') == {"a": 1}
    assert parse_json(b"Grailbird.data.tweets_2014_01 = []") == []


def test_parse_json_plain_and_bom() -> None:
    assert parse_json(codecs.BOM_UTF8 + b'{"x": "y"}') == {"x": "y"}
    assert parse_json('{"x": "ü"}'.encode("utf-16")) == {"x": "ü"}


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b'{"a": }', b"window.YTD.x.part0 = [ {", b"\x00\x01garbage"],
)
def test_parse_json_errors_are_plain_member_errors(data: bytes) -> None:
    with pytest.raises(MemberError, match="JSON"):
        parse_json(data)


def test_deeply_nested_json_is_refused_plainly() -> None:
    with pytest.raises(MemberError, match=r"nested too deeply|not valid JSON"):
        parse_json(b"[" * 100_000 + b"]" * 100_000)


def test_pointer_escapes_tilde_and_slash() -> None:
    assert pointer(3, "tweet", "a/b", "c~d") == "/3/tweet/a~1b/c~0d"
    doc = [{"a/b": {"c~d": "x"}}]
    assert resolve_pointer(doc, pointer(0, "a/b", "c~d")) == "x"
    assert resolve_pointer(doc, "") is doc


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_pointer_round_trips_any_keys(keys: list[str]) -> None:
    doc: object = "leaf"
    for key in reversed(keys):
        doc = {key: doc}
    assert resolve_pointer(doc, pointer(*keys)) == "leaf"
