"""The period rules' dates read as arrays (semantics/rules/days.py) answer as the per-row reading did, the rows a
text decides alone are never asked about their dates, and one validation factorises a column once (issue 15)."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pandas as pd
import pytest

from tongxiang_digital_economy.semantics.row_codes import distinct_rows, shared_codes
from tongxiang_digital_economy.semantics.rules.days import Days, day
from tongxiang_digital_economy.semantics.rules.periods import sub_year_span, sub_year_spans
from tongxiang_digital_economy.semantics.rules.registry import each_row

EDGES = ["1969-12-31", "2020-01-01", "2020-01-31", "2020-02-29", "2020-06-30", "2020-07-01", "2020-12-31",
         "2021-12-31", "9999-12-01", "9999-12-31", "NaT"]  # fmt: skip


def column(texts: list[str]) -> pd.Series:
    return pd.Series(np.array(texts, dtype="datetime64[s]"))


@pytest.mark.parametrize("as_objects", [False, True])
def test_days_read_each_cell_as_day_does(as_objects: bool) -> None:
    cells = column([*EDGES, "2020-03-04T13:30"])
    read = Days.of(cells.astype(object) if as_objects else cells)
    for k, cell in enumerate(cells):
        want = day(cell)
        assert bool(read.known[k]) == (want is not None)
        if want is not None:
            assert (read.ordinal[k], read.year[k], read.month[k], read.day[k]) == (
                want.toordinal(),
                want.year,
                want.month,
                want.day,
            )


def test_sub_year_spans_answer_as_sub_year_span_for_every_pair() -> None:
    pairs = list(itertools.product(EDGES, repeat=2))
    firsts, lasts = column([a for a, _ in pairs]), column([b for _, b in pairs])
    got = sub_year_spans(Days.of(firsts), Days.of(lasts))
    for k, (a, b) in enumerate(pairs):
        first, last = day(firsts[k]), day(lasts[k])
        want = first is not None and last is not None and sub_year_span(first, last)
        assert bool(got[k]) == want, (a, b)
    assert sub_year_span(date(9999, 12, 1), date(9999, 12, 31))


def test_each_row_asks_only_the_rows_the_texts_leave_open() -> None:
    view = pd.DataFrame(
        {
            "basis": ["publication", "stated", "stated", None] * 250,
            "start": column([f"2020-01-{1 + k % 25:02d}" for k in range(1000)]),
        }
    )
    asked: list[tuple[object, object]] = []

    def passes(basis: object, start: object) -> bool:
        asked.append((basis, start))
        return basis != "stated" or day(start) != date(2020, 1, 1)

    def undecided(basis: object) -> bool | None:
        return None if basis == "stated" else True

    whole = each_row(view, ["basis", "start"], passes)
    calls = len(asked)
    asked.clear()
    decided = each_row(view, ["basis", "start"], passes, decided=(["basis"], undecided))
    assert decided.equals(whole)
    assert calls == 3 * 25  # every distinct (basis, day): a None basis is a value of its own
    assert len(asked) == 25  # the stated rows' days alone
    assert {b for b, _ in asked} == {"stated"}


def test_one_validation_factorises_a_column_of_objects_once(monkeypatch: pytest.MonkeyPatch) -> None:
    objects = pd.Series([("a", 1), ("b", 2), ("a", 1)] * 100, dtype=object)
    other = pd.Series(["x", "y", "x"] * 100, dtype=object)
    factorised: list[object] = []
    factorize = pd.factorize

    def counted(values: object, **kwargs: object) -> object:
        if str(getattr(values, "dtype", "")) == "object":  # a column's values, not the combined key's numbers
            factorised.append(values)
        return factorize(values, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(pd, "factorize", counted)
    with shared_codes():
        first = distinct_rows([objects, other])
        second = distinct_rows([objects, other])
        distinct_rows([objects.copy(), other])  # another column of the same values: factorised anew
        part = distinct_rows([objects, other], np.arange(0, 300, 2))
    assert len(factorised) == 3
    assert np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])
    assert np.array_equal(part[0], distinct_rows([objects.iloc[::2], other.iloc[::2]])[0])
    factorised.clear()
    distinct_rows([objects, other])  # outside a validation: nothing is kept
    assert len(factorised) == 2
