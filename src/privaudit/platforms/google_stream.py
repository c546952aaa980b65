"""Reading one huge JSON array item by item, with bounded memory, at orjson's speed.

Takeout's ``Records.json`` (raw Location History) holds one object per position fix —
millions of them, hundreds of MB — and a My Activity file one object per search or visit.
Parsing such a file whole builds every object at once (several GB of Python objects for a
1 GB file). Instead the array is cut into batches of complete items and each batch is
parsed by orjson, so memory stays at about one chunk whatever the file size.

How a batch boundary is found without a per-character Python loop. When the array is
pretty-printed (every export that ships huge arrays is: Takeout, X's ``window.YTD`` files),
an item ends where a line holds only its closing ``}`` at the items' own indentation: a raw
line break can never be inside a JSON string, so ``rfind(b"\\n" + indent + b"}")`` finds
the last complete item whatever brackets the texts hold (":]", "[1/3]"). Otherwise the
bracket depth of a chunk is four ``bytes.count`` calls, and the last item end is found by
walking back over the ``}`` characters near the end of the chunk (each step is again a
``count`` over the bytes in between). Brackets inside strings would fool the counting, so
every batch is validated by orjson: a batch that does not parse means the fast path cannot
be trusted, and the reader falls back to parsing the whole member (still bounded by the
archive's member size limit), continuing after the items already delivered. A member that
is not valid JSON at all still ends in :class:`MemberError` with a plain reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import orjson

from privaudit.archive.interface import MemberError
from privaudit.platforms.documents import parse_json

CHUNK_BYTES = 8 << 20
"""How much is read at a time."""
MAX_PENDING_BYTES = 64 << 20
"""A single array item larger than this is not normal: parse the whole member instead."""

_OPENING_BYTES = 256
_BOM = rb"(?:\xef\xbb\xbf)?"
_JS_ASSIGNMENT = rb"(?:window\.)?[\w$.\[\]\"']+\s*=\s*"
_FIRST_ITEM = re.compile(rb"[ \t\r]*\n([ \t]*)\{")
"""The first item of a pretty-printed array: a line break, the items' indentation, ``{``."""


class _Fallback(Exception):
    """The fast path cannot continue; parse the whole member."""


def iter_array(
    open_stream: Callable[[], BinaryIO],
    read_whole: Callable[[], bytes],
    key: str | None,
) -> Iterator[tuple[int, Any]]:
    """``(index, item)`` of a JSON array: the top-level array (``key`` None) or the array
    that is the first value of the top-level object under ``key`` (``{"locations": [...]}``).

    ``open_stream`` opens the member; ``read_whole`` reads it whole (used only when the
    fast path gives up). Raises :class:`MemberError` when the member is not valid JSON or
    does not have this shape.
    """
    delivered = 0
    try:
        for item in _fast(open_stream, key):
            yield delivered, item
            delivered += 1
        return
    except _Fallback:
        pass
    try:
        doc = parse_json(read_whole())
    except MemberError as exc:
        if delivered:
            raise MemberError(f"{exc}; the first {delivered:,} entries were read") from None
        raise
    items = doc if key is None else (doc.get(key) if isinstance(doc, dict) else None)
    if not isinstance(items, list):
        where = "a JSON array" if key is None else f'a JSON object with a "{key}" list'
        raise MemberError(f"not {where}; not read")
    for index in range(delivered, len(items)):
        yield index, items[index]


def _opening(key: str | None) -> re.Pattern[bytes]:
    if key is None:  # a bare array, or X's ``window.YTD.tweets.part0 = [``
        return re.compile(_BOM + rb"\s*(?:" + _JS_ASSIGNMENT + rb")?\[")
    return re.compile(_BOM + rb'\s*\{\s*"' + re.escape(key.encode()) + rb'"\s*:\s*\[')


def _fast(open_stream: Callable[[], BinaryIO], key: str | None) -> Iterator[Any]:
    with open_stream() as stream:
        buf = stream.read(CHUNK_BYTES)
        while len(buf) < _OPENING_BYTES:  # enough to see how the document opens
            more = stream.read(CHUNK_BYTES)
            if not more:
                break
            buf += more
        match = _opening(key).match(buf)
        if match is None:
            raise _Fallback
        buf = buf[match.end() :]
        end_of_item = _item_end_marker(buf)
        first = True
        while True:
            chunk = stream.read(CHUNK_BYTES)
            if not chunk:
                break
            buf += chunk
            cut = _last_item_end(buf, end_of_item)
            if cut < 0:
                if len(buf) > MAX_PENDING_BYTES:
                    raise _Fallback
                continue
            yield from _batch(buf[:cut], first)
            first = False
            buf = buf[cut:]
        yield from _tail(buf, first, key, end_of_item)


def _item_end_marker(buf: bytes) -> bytes | None:
    """``b"\\n" + indent + b"}"`` when the first item sits alone on its own indented line."""
    opening = _FIRST_ITEM.match(buf)
    if opening is None:
        return None
    return b"\n" + opening.group(1) + b"}"


def _tail(buf: bytes, first: bool, key: str | None, end_of_item: bytes | None) -> Iterator[Any]:
    """The items left at the end of the member, after checking how the document closes."""
    close = buf.rfind(b"]")
    rest = buf[close + 1 :].strip() if close >= 0 else b"?"
    if rest != (b"" if key is None else b"}"):
        # Cut short (a broken download) or more after the array: deliver the complete
        # items first, then let the whole-member parse decide.
        cut = _last_item_end(buf, end_of_item)
        if cut > 0:
            yield from _batch(buf[:cut], first)
        raise _Fallback
    yield from _batch(buf[:close], first)


def _batch(data: bytes, first: bool) -> list[Any]:
    """Parse ``, {…}, {…}`` (or ``{…}, {…}`` for the first batch) as a list."""
    body = data.strip()
    if not body:
        return []
    if not first:
        if not body.startswith(b","):
            raise _Fallback
        body = body[1:]
    if not body.strip():
        return []
    try:
        items = orjson.loads(b"[" + body + b"]")
    except orjson.JSONDecodeError:
        raise _Fallback from None
    if not isinstance(items, list):  # pragma: no cover - "[...]" always parses to a list
        raise _Fallback
    return items


def _net_depth(buf: bytes, start: int, end: int) -> int:
    return (
        buf.count(b"{", start, end)
        + buf.count(b"[", start, end)
        - buf.count(b"}", start, end)
        - buf.count(b"]", start, end)
    )


def _last_item_end(buf: bytes, end_of_item: bytes | None = None) -> int:
    """Index just past the last ``}`` in ``buf`` that closes a top-level array item, or -1.

    ``buf`` starts at depth 0 (between items). With ``end_of_item`` (a pretty-printed
    array) that is the last line closing an item; otherwise depth is counted, not parsed,
    so a result can be wrong when strings hold brackets. :func:`_batch` validates every cut.
    """
    if end_of_item is not None:
        found = buf.rfind(end_of_item)
        if found >= 0:
            return found + len(end_of_item)
        # no such line (items written one per line, or one huge item): count instead
    depth = _net_depth(buf, 0, len(buf))
    counted_to = search_to = len(buf)
    while True:
        j = buf.rfind(b"}", 0, search_to)
        if j < 0:
            return -1
        depth -= _net_depth(buf, j + 1, counted_to)  # now: the depth of buf[: j + 1]
        if depth == 0:
            return j + 1
        counted_to, search_to = j + 1, j
