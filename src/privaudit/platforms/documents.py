"""Turning member bytes into documents: text decoding, JSON (plain and JS-wrapped), pointers.

Every reader needs the same few things — decode bytes whatever their encoding, parse JSON
once with a fast parser, strip X's ``window.YTD.… =`` assignment, build RFC 6901 pointers —
so they live here, once. Failures become :class:`~privaudit.archive.MemberError` with a
plain-language reason; readers turn that into a skipped entry and go on.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import orjson

from privaudit.archive.interface import Archive, Member, MemberError

_JS_ASSIGNMENT = re.compile(rb"^\s*(?:window\.)?[\w$.\[\]\"']+\s*=\s*")
"""``window.YTD.tweets.part0 = `` / ``window.__THAR_CONFIG = `` / ``Grailbird.data.x = ``."""

_MAX_NESTING = 512
"""orjson refuses deeper documents itself (limit 1024); we report a plain reason."""


def decode_text(data: bytes) -> str:
    """Decode member bytes to text: BOM-aware UTF-8/UTF-16, then UTF-8 with replacement.

    Exports are UTF-8 almost always; UTF-16 appears in files re-saved on Windows. Undecodable
    bytes become U+FFFD instead of failing, so one bad byte never hides a whole file.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def strip_js_assignment(data: bytes) -> bytes:
    """The JSON after a leading ``name = `` assignment (X archive ``.js`` files); never eval."""
    match = _JS_ASSIGNMENT.match(data[:512])
    if match is None:
        return data
    return data[match.end() :]


def parse_json(data: bytes) -> Any:
    """Parse JSON bytes (BOM and JS assignment tolerated) or raise MemberError with a reason."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    data = strip_js_assignment(data).rstrip().rstrip(b";")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        detail = str(exc)
        if "recursion" in detail.lower() or "depth" in detail.lower():
            raise MemberError("JSON nested too deeply to read safely") from None
        raise MemberError(f"not valid JSON ({_short(detail)})") from None
    except RecursionError:
        raise MemberError("JSON nested too deeply to read safely") from None


def load_json(archive: Archive, member: Member) -> Any:
    """Read and parse one member as JSON; MemberError with a plain reason on any failure."""
    return parse_json(archive.read(member))


def load_text(archive: Archive, member: Member) -> str:
    """Read and decode one member as text."""
    return decode_text(archive.read(member))


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON Pointer from path parts (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def join_pointer(base: str, *parts: str | int) -> str:
    """``base`` extended by more parts."""
    return base + pointer(*parts)


def resolve_pointer(document: Any, ptr: str) -> Any:
    """The value ``ptr`` points to in ``document`` (KeyError/IndexError when it does not)."""
    if ptr == "":
        return document
    if not ptr.startswith("/"):
        raise KeyError(ptr)
    node = document
    for raw in ptr[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
