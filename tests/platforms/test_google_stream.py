"""Streaming a huge JSON array batch by batch: the same items as parsing it whole, whatever
the chunking, the strings (brackets inside strings) or the formatting."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.archive.interface import MemberError
from privaudit.platforms import google_stream
from privaudit.platforms.google_stream import iter_array

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.text(alphabet=st.sampled_from('ab{}[]",:\\ é😀'), max_size=12),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
_items = st.lists(st.dictionaries(st.text(max_size=5), _values, max_size=4), max_size=30)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _run(data: bytes, key: str | None) -> list[tuple[int, Any]]:
    return list(iter_array(lambda: io.BytesIO(data), lambda: data, key))


@settings(max_examples=200, deadline=None)
@given(items=_items, chunk=st.integers(1, 64), indent=st.sampled_from([None, 1, 2]))
def test_same_items_as_a_whole_parse(
    items: list[dict[str, Any]], chunk: int, indent: int | None
) -> None:
    whole_parses: list[int] = []
    original_parse = google_stream.parse_json

    def counting_parse(data: bytes) -> Any:
        whole_parses.append(len(data))
        return original_parse(data)

    original_chunk = google_stream.CHUNK_BYTES
    google_stream.CHUNK_BYTES = chunk
    google_stream.parse_json = counting_parse  # type: ignore[assignment]
    try:
        keyed = json.dumps({"locations": items}, indent=indent, ensure_ascii=False).encode()
        assert _run(keyed, "locations") == list(enumerate(items))
        bare = json.dumps(items, indent=indent).encode()
        assert _run(b"\xef\xbb\xbf" + bare, None) == list(enumerate(items))
    finally:
        google_stream.CHUNK_BYTES = original_chunk
        google_stream.parse_json = original_parse  # type: ignore[assignment]
    if not any(c in s for s in _strings(items) for c in "{}[]"):
        assert whole_parses == []  # the fast path read it all


def test_other_shapes_fall_back_to_the_whole_document() -> None:
    data = b'{"other": 1, "locations": [{"a": 1}, {"b": 2}]}'
    assert _run(data, "locations") == [(0, {"a": 1}), (1, {"b": 2})]
    assert _run(b'{"locations": [{"a": 1}], "more": true}', "locations") == [(0, {"a": 1})]
    assert _run(b"[1, 2, 3]", None) == [(0, 1), (1, 2), (2, 3)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"locations": {"a": 1}}', 'not a JSON object with a "locations" list'),
        (b'{"locations": [{"a": 1}, {"b":', "not valid JSON"),
        (b"", "not valid JSON"),
    ],
)
def test_bad_members_raise_a_plain_reason(data: bytes, reason: str) -> None:
    with pytest.raises(MemberError, match=reason):
        _run(data, "locations")


def test_a_cut_file_delivers_its_complete_items_first() -> None:
    data = json.dumps({"locations": [{"i": i} for i in range(10)]}).encode()[:-30]
    seen: list[tuple[int, Any]] = []
    with pytest.raises(MemberError, match="entries were read"):
        for item in iter_array(lambda: io.BytesIO(data), lambda: data, "locations"):
            seen.append(item)
    assert seen and seen == [(i, {"i": i}) for i in range(len(seen))]
