"""CSV exports as tables: one robust parser for every reader that meets a CSV.

Exports' CSVs share the same traps — a BOM, a ``Notes:`` preamble before the real header
(LinkedIn), cells spanning lines, files re-saved with ``;`` or tabs by a spreadsheet,
duplicate or empty column names, and damage part-way through — so they are handled here
once. Pointers into a table are ``/<0-based data row>/<column token>``: the column's name,
or its index when the name is empty or repeated.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

from privaudit.archive.interface import MemberError
from privaudit.platforms.documents import decode_text

_BINARY_SAMPLE = 4096
_SPACES = re.compile(r"[\s_]+")


@dataclass(slots=True)
class Table:
    """A parsed CSV: header, data rows and how each column is addressed."""

    header: list[str]
    rows: list[list[str]]
    tokens: list[str]
    """Pointer token of each column: its name, or its index when the name is ambiguous."""
    norm: list[str]
    """Normalised column names (lower case, single spaces)."""
    problem: str | None = None

    def index(self, column: str) -> int | None:
        """Index of the first column with normalised name ``column``."""
        try:
            return self.norm.index(column)
        except ValueError:
            return None

    def cell(self, row: list[str], column: str) -> str:
        idx = self.index(column)
        return row[idx] if idx is not None and idx < len(row) else ""


def read_table(data: bytes) -> Table:
    """Parse an export's CSV: BOM, ``Notes:`` preamble, multi-line cells, ``;`` re-saves.

    Raises MemberError when the bytes are not text. A CSV damaged part-way keeps the rows
    before the damage and says why in ``problem``.
    """
    text = decode_text(data)
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample or sample.count("\ufffd") > max(8, len(sample) // 20):
        raise MemberError("not a readable CSV file (binary data or an unknown encoding)")
    rows, problem = _parse(text, ",")
    start = _header_index(rows)
    if start < len(rows) and len(rows[start]) == 1:
        for delimiter in (";", "\t"):
            if delimiter in rows[start][0]:
                rows, problem = _parse(text, delimiter)
                start = _header_index(rows)
                break
    if start >= len(rows):
        return Table([], [], [], [], problem)
    header = [h.strip() for h in rows[start]]
    data_rows = rows[start + 1 :]
    norm = [_SPACES.sub(" ", h.lower()).strip() for h in header]
    counts = Counter(header)
    width = max([len(header), *(len(r) for r in data_rows)])
    tokens = [
        header[i] if i < len(header) and header[i] and counts[header[i]] == 1 else str(i)
        for i in range(width)
    ]
    norm.extend("" for _ in range(width - len(norm)))
    if problem:
        problem = f"{problem}; only the first {len(data_rows)} rows were read"
    return Table(header, data_rows, tokens, norm, problem)


def _parse(text: str, delimiter: str) -> tuple[list[list[str]], str | None]:
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        return rows, f"damaged CSV ({exc})"
    return rows, None


def _header_index(rows: list[list[str]]) -> int:
    """Index of the header row: after leading blank rows and any ``Notes:`` preamble."""
    i = 0
    while i < len(rows) and not any(c.strip() for c in rows[i]):
        i += 1
    if i < len(rows) and rows[i] and rows[i][0].strip().lower().startswith("notes:"):
        while i < len(rows) and any(c.strip() for c in rows[i]):
            i += 1
        while i < len(rows) and not any(c.strip() for c in rows[i]):
            i += 1
    return i
