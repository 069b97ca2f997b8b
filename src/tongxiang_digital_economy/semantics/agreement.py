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
from .identity import MAX_LISTED

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
    """Each dated row's group: what it measures (indicator, subject, period, status, base unit); NA if undated."""
    text = view[SAME_THING].astype("string").fillna("")
    group = text[SAME_THING[0]]
    for column in SAME_THING[1:]:
        group = group + "|" + text[column]
    return group.where(view["period_end"].notna())


def listing(keys: pd.Series, items: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per key: the first MAX_LISTED items and how many more (bounded text), and every item (a tuple, shared by
    the key's rows, so memory stays linear however many rows agree)."""
    frame = pd.DataFrame({"key": keys, "item": items.astype("string")}).dropna()
    if not len(frame):
        return pd.Series(dtype="string"), pd.Series(dtype=object)
    by_key = frame.groupby("key", sort=False)["item"]
    every = frame["item"].to_numpy(dtype=object)
    positions = frame.groupby("key", sort=False).indices
    complete = pd.Series([every[p] for p in positions.values()], index=list(positions), dtype=object)
    head = frame.groupby("key", sort=False).head(MAX_LISTED).groupby("key", sort=False)["item"].agg(", ".join)
    more = by_key.size() - MAX_LISTED
    text = head + more.map(lambda n: f" and {n} more" if n > 0 else "")
    return text.astype("string"), complete


def agreement(view: pd.DataFrame) -> pd.DataFrame:
    """Per row: the rows of its group whose claims cannot be the same figure as its own (claims.conflicts), and the
    other sources that state its claim alike; listed (bounded, for messages) and complete (tuples)."""
    group = groups(view)
    clash = conflicts(group, intervals(view))
    # Each figure as its source writes it (value_text), so that 'nearly 100' and 'more than 100' read apart.
    codes, texts = per_distinct_rows([view["value"]], lambda v: decimal_text(v) or "")
    written = spread(codes, texts, view.index, "string")
    written = written + " " + view["unit"].astype("string").fillna("")
    shown = view["value_text"].astype("string").fillna(written) if "value_text" in view else written
    involved = group.where(clash)
    text, _ = listing(involved, view["observation_id"].astype("string") + " (" + shown + ")")
    _, id_tuples = listing(involved, view["observation_id"])
    return pd.DataFrame(
        {
            "conflict_with": pd.Series(per_key(involved, text), index=view.index, dtype="string"),
            "conflicting_ids": pd.Series(per_key(involved, id_tuples), index=view.index, dtype=object),
        },
        index=view.index,
    )


def per_key(keys: pd.Series, table: pd.Series) -> np.ndarray:
    """table[key] for each row (None where the key is missing or not in the table), as references: a group's one
    list object is shared by its rows, never copied per row (pandas' map would build one list per row)."""
    values = np.empty(len(table) + 1, dtype=object)
    values[: len(table)] = table.to_numpy(dtype=object)
    values[len(table)] = None
    positions = pd.Index(table.index).get_indexer(pd.Index(keys.astype(object)))
    found: np.ndarray = values[positions]  # -1, a missing key, is the last: None
    return found
