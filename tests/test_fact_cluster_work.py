"""Issue 15 (engine, eleventh pass): fact clusters cost the size of their lists, not a group's size squared.

scripts/benchmark's `kept` generator gives each copy of a figure a source of its own: at 10^5 rows a group of one
subject and value held a hundred copies from a hundred sources, and reading every source's rows for every source
did not finish. These tests count the source dates a group's reading looks up (never timings) and check what each
row lists.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from tongxiang_digital_economy.semantics.claims import Statement
from tongxiang_digital_economy.semantics.fact_clusters import clustered


class CountingDates(dict[Any, Any]):
    """Sources' dates that count how often one is looked up."""

    looked_up = 0

    def get(self, key: Any, default: Any = None) -> Any:
        self.looked_up += 1
        return super().get(key, default)


def flow(date: str) -> Statement:
    """A flow's statement (never a stock: no restatement is read)."""
    day = pd.Timestamp(date)
    return Statement(False, False, day, 1.0, 1.0, "1|eq", "eq", (day, day), 0)


def test_copies_filed_alike_read_only_the_figures_filed_otherwise() -> None:
    """n copies of one figure, each from a source of its own and filed under one indicator and period, and one
    figure of the same value under another indicator: each copy lists that figure alone, and it lists every copy
    (six shown, the rest counted, every id carried); the sources' dates are looked up a few times per row, not
    once per pair of rows."""
    n = 300
    group = pd.DataFrame(
        {
            "observation_id": [f"copy-{i:03d}" for i in range(n)] + ["other-001"],
            "source_id": [f"s{i}" for i in range(n)] + ["t"],
            "indicator": ["a"] * n + ["b"],
            "period_start": [pd.Timestamp("2020-01-01")] * (n + 1),
            "period_end": [pd.Timestamp("2020-12-31")] * (n + 1),
        }
    )
    published = CountingDates({s: pd.Timestamp("2021-01-10") for s in group["source_id"]})
    said = {i: flow("2020-12-31") for i in group.index}
    texts, ids = clustered(group, published, said)
    assert all(texts[i] == "other-001 (b)" and ids[i] == ("other-001",) for i in range(n))
    shown = ", ".join(f"copy-{i:03d} (a)" for i in range(6))
    assert texts[n] == f"{shown} and {n - 6} more"
    assert ids[n] == tuple(f"copy-{i:03d}" for i in range(n))
    assert published.looked_up <= 4 * len(group)  # each pair of rows read: (n + 1) ** 2, 90,601


def four_of_2020(ids: list[str], sources: list[str], indicators: list[str]) -> pd.DataFrame:
    """Four figures of 2020, each of its id, source and indicator."""
    return pd.DataFrame(
        {
            "observation_id": ids,
            "source_id": sources,
            "indicator": indicators,
            "period_start": [pd.Timestamp("2020-01-01")] * 4,
            "period_end": [pd.Timestamp("2020-12-31")] * 4,
        }
    )


def three_dates() -> CountingDates:
    """Sources published 9 days (near), a month (close) and five months (far) after 2020; `undated` has none."""
    return CountingDates(
        {"near": pd.Timestamp("2021-01-10"), "close": pd.Timestamp("2021-02-01"), "far": pd.Timestamp("2021-06-01")}
    )


def test_a_source_far_in_time_or_undated_is_not_listed() -> None:
    """A figure filed otherwise from a source published more than CLUSTER_DAYS apart, or with no date, is left out
    of the list; a row of an undated source lists nothing."""
    group = four_of_2020(["a-1", "b-1", "b-2", "b-3"], ["near", "close", "far", "undated"], ["a", "b", "b", "b"])
    published = three_dates()
    texts, ids = clustered(group, published, {i: flow("2020-12-31") for i in group.index})
    assert (texts[0], ids[0]) == ("b-1 (b)", ("b-1",))
    assert (texts[1], ids[1]) == ("a-1 (a)", ("a-1",))
    assert (texts[2], ids[2]) == (None, None)
    assert (texts[3], ids[3]) == (None, None)


def test_a_group_of_fewer_sources_than_files_lists_the_same() -> None:
    """A group whose rows are each filed apart (the `shifted` copies: a period each) is read source by source, each
    source's list made once: a row lists the other sources' figures within CLUSTER_DAYS, none of its own source's."""
    group = four_of_2020(["a-1", "b-1", "c-1", "d-1"], ["near", "near", "close", "far"], ["a", "b", "c", "d"])
    published = three_dates()
    texts, ids = clustered(group, published, {i: flow("2020-12-31") for i in group.index})
    assert [texts[i] for i in range(4)] == ["c-1 (c)", "c-1 (c)", "a-1 (a), b-1 (b)", None]
    assert [ids[i] for i in range(4)] == [("c-1",), ("c-1",), ("a-1", "b-1"), None]
