"""Agreement between sources: per row, the figures of its group that cannot be the same figure as its own.

Why this exists: one pass of groupby, linear in rows, and a group's listing shared by its rows (bounded text for
messages, complete tuples for the report), so a large group costs memory linear in its rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io.load import decimal_text
from .claims import conflicts, intervals
from .distinct import per_distinct_rows, spread
from .entity_names import MAX_LISTED
from .row_codes import distinct_rows

# The columns agreement and anchor_view read, of the indicators view and of each table (None: the whole table; the
# reference tables are small and read whole, only the indicators are restricted): they run on frames restricted to
# these, and tests/test_kept_answers.py traces that they read no other column of the indicators.
AGREEMENT_READS = (
    "and_some", "base_unit", "enterprise_id", "indicator", "nearly", "observation_id", "period_end", "period_start",
    "place_id", "project_id", "qualifier", "source_id", "status", "unit", "value", "value_base", "value_text",
    "value_upper", "value_denominator",
)  # fmt: skip
# What the roles read of the indicators (semantics.roles, claims.statements): an edit of any other column (a note,
# the evidence) keeps the corroboration read before. `and_some`, `nearly` and `text_date` are made anew by the roles
# (named here because a frame that has them is read after they are set: tests/test_kept_answers.py traces reads).

SAME_THING = [
    "indicator",
    "place_id",
    "enterprise_id",
    "project_id",
    "period_start",
    "period_end",
    "status",
    "base_unit",
]


def groups(view: pd.DataFrame) -> pd.Series:
    """Each dated row's group as a code: what it measures (indicator, subject, period, status, base unit); <NA> if
    undated. The columns' codes combined (row_codes.distinct_rows: each factorised once per validation), no text per
    row (the texts joined with "|" cost a fifth of agreement's time at 10^5 rows)."""
    codes, _ = distinct_rows([view[c] for c in SAME_THING])
    return pd.Series(codes, index=view.index, dtype="Int64").where(view["period_end"].notna().to_numpy(dtype=bool))


def agreement(view: pd.DataFrame) -> pd.DataFrame:
    """Per row: the rows of its group whose claims cannot be the same figure as its own (claims.conflicts), and the
    other sources that state its claim alike; listed (bounded, for messages) and complete (tuples)."""
    group = groups(view)
    clash = conflicts(group, intervals(view)).to_numpy(dtype=bool)
    listed = np.full(len(view), None, dtype=object)
    ids = np.full(len(view), None, dtype=object)
    involved = np.flatnonzero(clash)
    if not len(involved):
        return agreement_frame(view, listed, ids)
    part = view.iloc[involved]
    # Each figure as its source writes it (value_text), so that 'nearly 100' and 'more than 100' read apart: read
    # only for the rows listed.
    codes, texts = per_distinct_rows([part["value"]], lambda v: decimal_text(v) or "")
    written = spread(codes, texts, part.index, "string")
    written = written + " " + part["unit"].astype("string").fillna("")
    shown = part["value_text"].astype("string").fillna(written) if "value_text" in part else written
    observation = part["observation_id"].astype("string")
    items = (observation + " (" + shown + ")").astype(object).to_numpy()  # a missing one <NA>, skipped below
    names = observation.astype(object).to_numpy()
    keys = group.to_numpy(dtype=np.int64, na_value=-1)[involved]
    order = np.argsort(keys, kind="stable")  # each group's rows together, in row order
    starts = np.flatnonzero(np.diff(keys[order])) + 1
    for at in np.split(order, starts):
        rows = involved[at]
        shown_items = [i for i in items[at] if isinstance(i, str)]
        every = np.asarray([n for n in names[at] if isinstance(n, str)], dtype=object)
        more = len(shown_items) - MAX_LISTED
        text = ", ".join(shown_items[:MAX_LISTED]) + (f" and {more} more" if more > 0 else "")
        listed[rows] = text if shown_items else None
        # One array of every id per group, shared by its rows (memory linear however many rows agree).
        shared = np.empty(len(rows), dtype=object)
        shared[:] = [every] * len(rows) if len(every) else [None] * len(rows)
        ids[rows] = shared
    return agreement_frame(view, listed, ids)


def agreement_frame(view: pd.DataFrame, listed: np.ndarray, ids: np.ndarray) -> pd.DataFrame:
    """agreement's two columns: the bounded text and the complete ids of each row's group, None for no conflict."""
    return pd.DataFrame(
        {
            "conflict_with": pd.Series(listed, index=view.index, dtype="string"),
            "conflicting_ids": pd.Series(ids, index=view.index, dtype=object),
        },
        index=view.index,
    )
