"""A figure one source gives twice: one statement, never two sources agreeing (trial 11 W2).

Why: a second row of the same source, evidence and figure (a copy under a new observation id) validated clean and
`series` showed the source corroborating itself, which a reader takes for independent confirmation. Two meanings,
one of them shared with `series` (semantics/roles.py): a figure is never corroborated by its own source (a
same-source figure that agrees with the period's preferred one is `repeated`, not `corroborating`), and a row that
repeats another's source, evidence, indicator, subject, period, status and claim (claims.claim_key, in the base
unit: 108.86亿元 and 10886 million yuan are one figure) is the same passage entered twice, an error
(`figure-entered-twice`) naming both rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .claims import claim_key
from .row_codes import distinct_rows

# What makes two rows one entry: the same passage of one source giving the same claim about the same thing.
ENTRY = (
    "source_id", "evidence", "indicator", "place_id", "enterprise_id", "project_id", "event_id", "period_start",
    "period_end", "status", "base_unit",
)  # fmt: skip
# The columns entered_twice reads (claim_key reads the claim's own columns besides): views.py keeps its answer by
# their content.
REPEAT_READS = (*ENTRY, "observation_id", "value", "value_base", "value_upper", "qualifier")


def entered_twice(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per row entered again: the entry's first row in the table (ENTRY and the claim alike), as text with its CSV
    row (`entered_twice`, for the message: the first row is the one entered first, so it is the later rows that go;
    trial 12 m4), and the entry's observation ids, the row's own among them, as one tuple shared by its rows
    (`entered_twice_ids`, the report's related ids: complete and linear in the entry's size); missing on an entry's
    first row and where there is no other.
    A row missing its source, evidence or value is no entry here (the Table Schema reports those)."""
    present = [c for c in ENTRY if c in indicators]
    # Each row's entry as one code (row_codes.distinct_rows: each column factorised, the codes combined; no text per
    # row): the claim and the ENTRY columns alike. A row missing its source, evidence or value has none (-1).
    key, _ = distinct_rows([claim_key(indicators), *(indicators[c] for c in present)])
    whole = indicators[["source_id", "evidence", "value"]].notna().all(axis=1).to_numpy(dtype=bool)
    key = np.where(whole, key, -1)
    counted = np.bincount(key[whole], minlength=len(key) + 1)  # a code is below the count of rows
    twice = np.flatnonzero(whole & (counted[np.maximum(key, 0)] > 1))
    ids = indicators["observation_id"].astype("string")
    listed: list[object] = [pd.NA] * len(indicators)
    related: list[object] = [None] * len(indicators)
    # Only the rows of an entry given twice are read in Python, entry by entry, in row order within each.
    ordered = twice[np.argsort(key[twice], kind="stable")]
    starts = np.flatnonzero(np.diff(key[ordered])) + 1
    rows = indicators.index.to_numpy()
    for at in np.split(ordered, starts) if len(ordered) else []:
        members = tuple(str(ids.iat[p]) for p in at)
        named = f"{members[0]} (row {int(rows[at[0]]) + 2})"
        for p in at[1:].tolist():
            listed[p], related[p] = named, members
    return pd.DataFrame(
        {
            "entered_twice": pd.Series(listed, index=indicators.index, dtype="string"),
            "entered_twice_ids": pd.Series(related, index=indicators.index, dtype=object),
        },
        index=indicators.index,
    )


def repeated_reason(preferred: str) -> str:
    """Why a figure agreeing with its period's preferred one is no corroboration: its own source gave that."""
    return f"its source gives it again as {preferred}: one source, no corroboration"
