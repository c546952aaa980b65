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

from privaudit.archive.interface import Archive, Limits, Member, MemberError

_JS_ASSIGNMENT = re.compile(rb"^\s*(?:window\.)?[\w$.\[\]\"']+\s*=\s*")
"""``window.YTD.tweets.part0 = `` / ``window.__THAR_CONFIG = `` / ``Grailbird.data.x = ``."""

_LONE_SURROGATE = re.compile(
    rb"(?<!\\)((?:\\\\)*)"  # an even run of backslashes: the escape below is real
    rb"(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"  # high, no low
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})"  # low, no high
)
"""A ``\\uD800``–``\\uDFFF`` escape that is not half of a pair (a cut emoji): orjson
refuses the whole document for one, so they are replaced by ``\\uFFFD`` first."""

MAX_JSON_BYTES = Limits().max_json_bytes
"""Largest document :func:`parse_json` parses by default (see ``Limits.max_json_bytes``)."""
_NOT_UTF8 = "not valid UTF-8"
_NO_MEMORY = "too large to read: there is not enough memory to parse this JSON file"


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


def json_too_large(size: int, limit: int) -> MemberError:
    """The reason a JSON document over ``limit`` bytes is not parsed."""
    return MemberError(
        f"too large to read as one JSON document ({size:,} bytes; the limit is {limit:,}, "
        "because parsing needs several times the file's size in memory)"
    )


def parse_json(data: bytes, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse JSON bytes (BOM and JS assignment tolerated) or raise MemberError with a reason.

    Bytes that are not valid UTF-8 (a file re-saved in a legacy code page) are parsed with
    the bad bytes replaced by U+FFFD, as :func:`decode_text` does, so one bad byte never
    hides a whole file; the replacement is deterministic, so pointers still resolve.
    """
    if len(data) > max_bytes:
        raise json_too_large(len(data), max_bytes)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    data = strip_js_assignment(data).rstrip().rstrip(b";")
    try:
        while True:
            try:
                return orjson.loads(data)
            except orjson.JSONDecodeError as exc:
                repaired = _repaired(data, str(exc))
                if repaired is None:
                    raise
                data = repaired
    except orjson.JSONDecodeError as exc:
        detail = str(exc)
        lower = detail.lower()
        if "recursion" in lower or "depth" in lower:
            raise MemberError("JSON nested too deeply to read safely") from None
        if "memory" in lower:
            raise MemberError(_NO_MEMORY) from None
        raise MemberError(f"not valid JSON ({_short(detail)})") from None
    except RecursionError:
        raise MemberError("JSON nested too deeply to read safely") from None
    except MemoryError:
        raise MemberError(_NO_MEMORY) from None


def _repaired(data: bytes, detail: str) -> bytes | None:
    """``data`` with what orjson refused replaced by U+FFFD, or None when that is not a
    text-encoding problem (or was repaired already, so the loop above ends)."""
    if _NOT_UTF8 in detail:
        fixed = data.decode("utf-8", errors="replace").encode("utf-8")
    elif "surrogate" in detail:
        fixed = _LONE_SURROGATE.sub(rb"\1\\ufffd", data)
    else:
        return None
    return fixed if fixed != data else None


def load_json(archive: Archive, member: Member) -> Any:
    """Read and parse one member as JSON; MemberError with a plain reason on any failure.

    A member over the archive's ``max_json_bytes`` is refused before it is read.
    """
    limit = archive.limits.max_json_bytes
    if member.size > limit:
        raise json_too_large(member.size, limit)
    return parse_json(archive.read(member), limit)


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
