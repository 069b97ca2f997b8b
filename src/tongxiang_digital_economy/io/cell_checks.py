"""Text cells no text of the package holds, whatever their field's type says: a control character, and a cell a
spreadsheet opening the CSV would run as a formula (review 13 R5: one small module for both).
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .csv_text import TEXT

# A cell a spreadsheet runs as a formula: one starting with = or @, or with + or - and holding formula syntax
# (a call, a sheet or DDE reference). A signed number or a lone sign ("-18.69%", "+", "-2.15 億元") is text, not code.
FORMULA_ALWAYS = ("=", "@")
FORMULA_SIGNS = ("+", "-")
FORMULA_SYNTAX = r"[(!|=]"


# The control characters no text of the package holds: C0 but the tab and the line breaks, DEL and C1.
CONTROLS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
CONTROL_SAID = "{cell} holds a control character ({hint}), which no quoted text holds: delete it"


def control_cells(column: pa.ChunkedArray) -> np.ndarray:
    """Where a text cell holds a control character (CONTROLS)."""
    return np.asarray(pc.fill_null(pc.match_substring_regex(column, CONTROLS), False), dtype=bool)


def controls_in(value: str) -> str:
    """The control characters a cell holds, as Python writes them: `\\x00`, `\\x1b`."""
    return ", ".join(repr(ch)[1:-1] for ch in dict.fromkeys(re.findall(CONTROLS, value)))


def formula_cells(column: pa.ChunkedArray) -> np.ndarray:
    """Where a cell would run as a spreadsheet formula (see FORMULA_ALWAYS, FORMULA_SIGNS)."""
    first = first_bytes(column)
    if first is None:
        return formula_cells_by_prefix(column)
    formula = np.isin(first, [ord(p) for p in FORMULA_ALWAYS])
    signed = np.isin(first, [ord(p) for p in FORMULA_SIGNS])
    if signed.any():
        rows = np.flatnonzero(signed)
        code = np.asarray(pc.match_substring_regex(column.take(pa.array(rows)), FORMULA_SYNTAX), dtype=bool)
        formula[rows[code]] = True
    return formula


def first_bytes(column: pa.ChunkedArray) -> np.ndarray | None:
    """The first byte of each cell (0 for an empty one), read from the offsets and data buffers: one look per
    cell, where a `starts_with` per prefix reads every cell again (a fifth of a load's typing at 10^5 rows). None
    for a column that is not the reader's text (large_string without nulls)."""
    if column.type != TEXT or column.null_count:
        return None
    parts = [np.zeros(0, dtype=np.uint8)]
    for chunk in column.chunks:
        _, offsets, data = chunk.buffers()
        at = np.frombuffer(offsets, dtype=np.int64, count=len(chunk) + 1, offset=chunk.offset * 8)
        first = np.zeros(len(chunk), dtype=np.uint8)
        filled = at[1:] > at[:-1]
        if data is not None and filled.any():
            first[filled] = np.frombuffer(data, dtype=np.uint8)[at[:-1][filled]]
        parts.append(first)
    return np.concatenate(parts)


def formula_cells_by_prefix(column: pa.ChunkedArray) -> np.ndarray:
    """formula_cells by Arrow's `starts_with`, for a column of another layout."""

    def starts(prefixes: tuple[str, ...]) -> np.ndarray:
        mask = np.zeros(len(column), dtype=bool)
        for prefix in prefixes:
            mask |= np.asarray(pc.fill_null(pc.starts_with(column, prefix), False), dtype=bool)
        return mask

    formula = starts(FORMULA_ALWAYS)
    signed = starts(FORMULA_SIGNS)
    if signed.any():
        rows = np.flatnonzero(signed)
        code = np.asarray(pc.match_substring_regex(column.take(pa.array(rows)), FORMULA_SYNTAX), dtype=bool)
        formula[rows[code]] = True
    return formula
