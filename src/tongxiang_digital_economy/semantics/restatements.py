"""A stock's figure that says again its series' latest earlier figure: `restated` (semantics/roles.py marks it
before the periods are compared).

Why a module: a restatement is read across periods (the latest earlier statement of a series and edition), as
semantics.claims.is_restatement defines it, not within one period as the other roles are (semantics/period_roles.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .claims import RESTATED_YEARS, Statement, is_restatement
from .period_roles import cells, ranked_grade, text_date


def mark_restatements(rows: pd.DataFrame, said: list[Statement], at: Sequence[int] | None = None) -> None:
    """A figure is `restated` when it says again the series' latest earlier figure (same edition), as
    semantics.claims.is_restatement reads it (the meaning `fact-cluster` uses too): a stock dated only by its own
    text, agreeing at written precision with the same bound word, whose text was published after that figure's,
    at most RESTATED_YEARS after it was stated, by a source ranked no stronger. `restates` names the figure drawn.

    "Latest earlier figure": the best-ranked figure of the latest earlier date, a restatement counting as a
    statement (at its own date) of the figure it restates. Rows are in period order, best-ranked first.

    `at`: the positions of the rows `said` speaks of, in order (default: every row), whole series of them: the
    rows of the other series are never restated.
    """
    role, restates, reason = (cells(rows[c]) for c in ("role", "restates", "reason"))
    positions = list(range(len(rows))) if at is None else [int(i) for i in at]
    statement = dict(zip(positions, said, strict=True))
    picked = rows[["_series", "event_id", "period_end"]].iloc[positions]
    # (series, edition) -> the latest statement: its date, and the figure drawn for it (index into the rows).
    latest: dict[tuple[str, str], tuple[pd.Timestamp, int]] = {}
    for i, (one, edition, end) in zip(positions, picked.itertuples(index=False), strict=True):
        if pd.notna(role[i]) or pd.isna(end):  # set aside already, or undated
            continue
        key, end = (str(one), "" if pd.isna(edition) else str(edition)), pd.Timestamp(end)
        earlier = latest.get(key)
        if earlier is None or earlier[0] < end:
            if earlier is not None and is_restatement(statement[i], statement[earlier[1]], stated=earlier[0]):
                d = earlier[1]
                observation = str(rows["observation_id"].iat[d])
                role[i], restates[i] = "restated", observation
                reason[i] = restated_reason(rows, i, d)
                latest[key] = (end, d)
                continue
            latest[key] = (end, i)
    rows["role"], rows["restates"], rows["reason"] = (
        pd.Series(v, index=rows.index, dtype="string") for v in (role, restates, reason)
    )


def restated_reason(rows: pd.DataFrame, i: int, d: int) -> str:
    """Why row i says again row d, in facts a reader can check: both publication dates (the earlier text came
    first), the figure's date, and the rank, or (a stronger source) that it is written coarser and so says less
    (semantics.claims.coarser); never "stated before" of a text published later."""
    rank = rows["_rank"].to_numpy()
    stronger = bool(rank[i] < rank[d])
    ranked = (
        f"is written coarser ({ranked_grade(rows, i)}, ranked stronger, but its precision holds that figure: it "
        "says less)"
        if stronger
        else "ranks no stronger"
    )
    return (
        f"says again {rows['observation_id'].iat[d]} ({rows['period_label'].iat[d]}; published {text_date(rows, d)}): "
        f"this text, published {text_date(rows, i)} and dated only by its own date, came after it, within "
        f"{RESTATED_YEARS} years of that figure's date, agrees with it, and {ranked}"
    )
