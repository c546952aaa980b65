"""Shared fuzzing machinery: the example budget, byte mutators, an in-memory archive.

Budget: each fuzz test runs a small, fixed number of examples by default so the whole
directory stays well under a minute; ``PRIVAUDIT_FUZZ_EXAMPLES=5000`` runs that many per
test (and switches from the reproducible derandomised search to a random one). The example
database is off: nothing is written next to the sources.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from typing import Any, BinaryIO

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from privaudit.archive.interface import Archive, Limits, Member, MemberError

_OVERRIDE = int(os.environ.get("PRIVAUDIT_FUZZ_EXAMPLES", "0") or 0)


def budget(default: int) -> settings:
    """Hypothesis settings for one fuzz test: ``default`` examples unless overridden."""
    return settings(
        max_examples=_OVERRIDE or default,
        derandomize=not _OVERRIDE,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
            HealthCheck.filter_too_much,
        ],
    )


INTERESTING = [
    0, 1, 2, 4, 7, 8, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000,
    0xFFFFFFFF,
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, seed: bytes, max_edits: int = 6) -> bytes:
    """``seed`` with a few edits: byte flips, interesting integers written over fields,
    cuts, duplications and insertions — the damage real files and crafted ones show."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(st.sampled_from(["flip", "int", "cut", "dup", "insert", "zero"]))
        size = len(data)
        at = draw(st.integers(0, max(0, size - 1)))
        if kind == "flip" and size:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "int" and size:
            width = draw(st.sampled_from([1, 2, 4, 8]))
            value = draw(st.sampled_from(INTERESTING)) & ((1 << (8 * width)) - 1)
            order = draw(st.sampled_from(["little", "big"]))
            data[at : at + width] = value.to_bytes(width, order)  # type: ignore[arg-type]
        elif kind == "cut":
            del data[at:]
        elif kind == "dup" and size:
            span = draw(st.integers(1, 64))
            data[at:at] = data[at : at + span] * draw(st.integers(1, 4))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "zero" and size:
            span = draw(st.integers(1, 256))
            data[at : at + span] = bytes(len(data[at : at + span]))
    return bytes(data)


class MemoryArchive(Archive):
    """An archive held in a dict, for feeding bytes to readers without touching disk."""

    def __init__(self, files: Mapping[str, bytes], limits: Limits = Limits()) -> None:  # noqa: B008
        super().__init__("memory", limits)
        self._files = dict(files)

    def members(self) -> list[Member]:
        return sorted((Member(p, len(d)) for p, d in self._files.items()), key=lambda m: m.path)

    def open(self, member: Member) -> BinaryIO:
        try:
            return io.BytesIO(self._files[member.path])
        except KeyError:
            raise MemberError("not a file of this archive") from None


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """Any JSON value, with the awkward ones (huge, negative, empty, nested, odd text) likely."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**64 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
        st.sampled_from(
            [
                "",
                " ",
                "0",
                "-1",
                "2024-06-01T10:00:00Z",
                "Sat Jun 01 10:00:00 +0000 2024",
                "1717236000",
                "1717236000000",
                "52.52,13.40",
                "+1 415 555 0142",
                "null",
                "\u0000",
                "\ufffd",
                "é" * 3,
                "x" * 300,
            ]
        ),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=max_leaves,
    )
