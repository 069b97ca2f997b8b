"""Issue 15 (memory at 10^6 rows): what a large package's validation holds per row is a pointer, not a copy.

A table too large to keep answers for (column_keys.KEPT_ROWS rows) joins a referenced row's texts as references to
that row's one string (joins.shared_texts): these tests check that the rows share the referenced row's object, and
that the shipped package's report is the same when every join takes that path. A report's JSON writes a group's
long list of related ids once (core/related_lists.py), not once per row of the group. Memory itself is measured in
docs/benchmarks.md, never asserted.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import forgotten

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.related_lists import RELATED_INLINE
from tongxiang_digital_economy.core.report import Problem, Report
from tongxiang_digital_economy.semantics import joins


def test_a_large_frame_joins_each_referenced_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above KEPT_ROWS each row's joined text is its referenced row's string object (one per project, however
    many rows name it); a key that refers to nothing, or no key, gives <NA>; the values are what Arrow's take gives."""
    projects = pd.DataFrame(
        {
            "project_id": pd.Series(["a", "b"], dtype="string"),
            "aliases": pd.Series(["甲|乙|" * 50, None], dtype="string"),
        }
    )
    rows = pd.DataFrame({"project_id": pd.Series(["a", "b", None, "z", "a"] * 4, dtype="string")})
    keys = {"indicators": {"project_id": ("projects", "project_id")}}
    sources = {"projects": projects}
    small = joins.with_joins("indicators", rows, ["project_id.aliases"], sources, keys)["project_id__aliases"]
    monkeypatch.setattr(joins, "KEPT_ROWS", 3)
    large = joins.with_joins("indicators", rows, ["project_id.aliases"], sources, keys)["project_id__aliases"]
    pd.testing.assert_series_equal(large.astype(object), small.astype(object))
    assert large.dtype == "string" and large.dtype.storage == "python" and small.dtype.storage == "pyarrow"
    referenced = large.array._ndarray
    assert len({id(v) for v in referenced if isinstance(v, str)}) == 1  # one object for 8 rows naming "a"
    assert large.isna().tolist() == [False, True, True, True, False] * 4


def test_the_shipped_report_is_the_same_with_shared_joins(
    monkeypatch: pytest.MonkeyPatch, shipped_report: Report
) -> None:
    """Every join of the shipped package made as a large package's is (KEPT_ROWS 0: texts shared, stored as Python
    strings): each rule reads them as before, so the report is the same, problem for problem."""
    monkeypatch.setattr(joins, "KEPT_ROWS", 0)
    with forgotten():
        report = tde.validate()
    assert report.to_dict() == shipped_report.to_dict()


def conflict(row: int, related: tuple[str, ...]) -> Problem:
    message = "a conflict"
    return Problem("indicators", row, "value", "conflicting-values", "warning", message, "semantics", related)


def test_a_long_related_list_is_written_once_for_its_group() -> None:
    """A group's list of more than RELATED_INLINE ids is written once in `related_groups` (equal lists, one group,
    whatever tuple holds them), each problem naming its place; a list of RELATED_INLINE ids stays in place; the JSON
    holds every id of every problem's list."""
    group = tuple(f"o{i}" for i in range(RELATED_INLINE + 1))
    same = tuple(list(group))  # an equal list in another tuple
    edge = tuple(f"e{i}" for i in range(RELATED_INLINE))
    report = Report("p", problems=[*(conflict(r, group) for r in range(2, 5)), conflict(5, same), conflict(6, edge)])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["related_groups"] == [list(group)]
    assert [(p["row"], p["related_group"]) for p in data["problems"]] == [(2, 0), (3, 0), (4, 0), (5, 0), (6, None)]
    assert [p["related"] for p in data["problems"]] == [None, None, None, None, list(edge)]
    groups = data["related_groups"]
    complete = [groups[p["related_group"]] if p["related"] is None else p["related"] for p in data["problems"]]
    assert complete == [list(p.related) for p in report.problems]
