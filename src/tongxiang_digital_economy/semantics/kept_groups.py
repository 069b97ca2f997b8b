"""Readings of the whole indicators table kept per group of rows: an edited row's group is read again, not the table.

Why: the agreement of a figure with the others of its indicator, the corroborating sources of its series and the
clusters of one fact filed under several indicators compare rows with each other, so answers.kept_row_reading
(one row at a time) cannot keep them, and answers.kept_reading keeps them whole: an edit of one value read the
whole table again (the three cost 350 ms of an edited copy's 800). Each compares a row only with rows that share
a group (the same indicator; the same subject), declared by the caller and checked by tests/test_kept_answers.py
(the readings of the package in parts of whole groups equal its reading whole). So a group's answer is a function
of its rows' values (in their order) and of the reference tables, and is kept under exactly those (the values
themselves, never a digest). Groups not read before are read in one call, on their rows alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import pandas as pd

from .answers import ALSO_KEPT
from .column_keys import KEPT_ROWS, frame_key, row_values

KEPT_GROUP_READINGS = 16  # readings (kind x reference tables' content) kept
KEPT_ROWS_PER_READING = 50_000  # rows whose answers one reading keeps, over all its groups

Values = tuple[tuple[Any, ...], ...]  # a group's rows' values, one tuple per row, in their order
Entry = tuple[dict[str, Any], dict[Values, tuple[tuple[Any, ...], ...]], list[int]]
_GROUPS: OrderedDict[Hashable, Entry] = OrderedDict()


def forget() -> None:
    """Drop every kept group's answers (answers.forget calls this)."""
    _GROUPS.clear()


ALSO_KEPT.append(forget)


def kept_in_groups(
    kind: Hashable,
    frame: pd.DataFrame,
    reads: Sequence[str],
    group: Callable[[pd.DataFrame], pd.Series],
    tables: Sequence[pd.DataFrame | None],
    compute: Callable[..., pd.DataFrame],
) -> pd.DataFrame:
    """compute(frame restricted to `reads`, *tables): new columns whose values in a row depend only on the rows
    of its group (the rows for which `group`, of the restricted frame, gives the same value; missing is a value)
    and on the tables, computed only for the groups whose rows it has not read under the same tables' content.
    What is kept is shared, never changed in place; a frame of more than KEPT_ROWS rows is read whole."""
    read = [c for c in reads if c in frame.columns]
    # A frame already of exactly those columns (kept_reading's restricted copy) is not taken again.
    restricted = frame if list(frame.columns) == read else frame[read]
    if not len(restricted) or len(restricted) > KEPT_ROWS:
        return compute(restricted, *tables)
    try:
        key = (
            kind,
            tuple((str(c), str(t)) for c, t in restricted.dtypes.items()),
            tuple(None if t is None else frame_key(t) for t in tables),
        )
        rows = list(zip(*(row_values(restricted[c]) for c in restricted.columns), strict=True))
        codes, _ = pd.factorize(group(restricted).astype(object), use_na_sentinel=False)
        members: dict[int, list[int]] = {}
        for position, code in enumerate(codes.tolist()):
            members.setdefault(code, []).append(position)
        values = {code: tuple(rows[i] for i in positions) for code, positions in members.items()}
        entry = _GROUPS.get(key)
        known = {code: None if entry is None else entry[1].get(v) for code, v in values.items()}
    except (TypeError, ValueError):  # a value no dict can hold or compare: read every row, keep nothing
        return compute(restricted, *tables)
    if entry is None:
        entry = ({}, {}, [0])
        _GROUPS[key] = entry
    _GROUPS.move_to_end(key)
    while len(_GROUPS) > KEPT_GROUP_READINGS:
        _GROUPS.popitem(last=False)
    types, table, stored = entry
    todo = [code for code, answer in known.items() if answer is None]
    if todo:
        positions = sorted(i for code in todo for i in members[code])
        got = compute(restricted.iloc[positions], *tables)
        made = {str(name): column.dtype for name, column in got.items()}
        if types and made != types:  # columns or types unlike the kept groups': read every row anew, keep nothing
            types.clear()
            table.clear()
            return compute(restricted, *tables)
        types.update(made)
        at = {position: j for j, position in enumerate(positions)}
        columns = [got[name].tolist() for name in types]
        if stored[0] + len(positions) > KEPT_ROWS_PER_READING:
            table.clear()
            stored[0] = 0
        for code in todo:
            made_now = tuple(tuple(column[at[i]] for i in members[code]) for column in columns)
            table[values[code]] = made_now
            known[code] = made_now
        stored[0] += len(positions)
    out: list[list[Any]] = [[None] * len(rows) for _ in types]
    for code, found in known.items():
        assert found is not None  # every group was found or read above
        for column, taken in zip(out, found, strict=True):
            for i, value in zip(members[code], taken, strict=True):
                column[i] = value
    return pd.DataFrame(
        {
            name: pd.Series(column, index=restricted.index, dtype=types[name], name=name)
            for name, column in zip(types, out, strict=True)
        },
        index=restricted.index,
    )


def by_indicator(frame: pd.DataFrame) -> pd.Series:
    """The group of a reading that compares a figure only with figures of its own indicator."""
    return frame["indicator"]
