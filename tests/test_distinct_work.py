"""Issue 15 (engine, seventh pass): the views and rules read once per distinct text, not once per row.

A grown package (scripts/benchmark's `kept` generator) repeats a few thousand rows' texts over 10^5–10^6 rows;
these tests count the calls each reading makes (never timings) on tables that repeat their rows, and check that
the answers taken back over the rows are what reading every row gives.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.schema.descriptor import grade_order
from tongxiang_digital_economy.semantics import answers, period_roles, roles, row_codes
from tongxiang_digital_economy.semantics.distinct import float_texts, is_missing, mapped, plain_values
from tongxiang_digital_economy.semantics.level_multiples import multiples_against_levels
from tongxiang_digital_economy.semantics.rules import anchors as anchor_rules


def repeated(times: int) -> pd.DataFrame:
    """Three distinct rows (one with a missing text), each repeated `times` times, interleaved."""
    base = pd.DataFrame(
        {
            "evidence": pd.Series(["甲 12 亿元", "乙 5 家", None], dtype="string"),
            "value": [12.0, 5.0, -0.0],
        }
    )
    return pd.concat([base] * times, ignore_index=True)


def lengths(frame: pd.DataFrame, seen: list[int]) -> dict[str, pd.Series]:
    """A row reading: the evidence's length and the value doubled, counting the rows it is asked to read."""
    seen.append(len(frame))
    return {
        "length": frame["evidence"].str.len().astype("Int64"),
        "double": (frame["value"] * 2).astype("float64"),
    }


def test_a_row_reading_reads_each_distinct_row_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """kept_row_reading: 300 rows that repeat 3 are read as 3 rows, below KEPT_ROWS and above it (where nothing
    is kept and the rows are read once per distinct combination, row_codes.once_per_distinct_row)."""
    frame = repeated(100)
    every: list[int] = []
    expected = lengths(frame, every)
    for kept_rows in (answers.KEPT_ROWS, 10):
        answers.forget()
        monkeypatch.setattr(answers, "KEPT_ROWS", kept_rows)
        seen: list[int] = []
        got = answers.kept_row_reading(
            "lengths", frame, ("evidence", "value"), [], lambda f, seen=seen: lengths(f, seen)
        )
        assert seen == [3], kept_rows
        for name, column in expected.items():
            pd.testing.assert_series_equal(got[name], column, check_names=False)
    answers.forget()


def test_rows_that_differ_only_in_the_sign_of_a_zero_are_read_apart() -> None:
    """Floats are told apart by their bits, as the kept rows' keys are: 0.0 and -0.0 are two rows."""
    frame = pd.DataFrame({"value": [0.0, -0.0, 0.0, -0.0]})
    codes, first = row_codes.distinct_rows([frame["value"]])
    assert codes.tolist() == [0, 1, 0, 1] and first.tolist() == [0, 1]


def test_mapped_calls_once_per_distinct_value() -> None:
    column = pd.Series(["a", "bb", None, "a", "bb", None] * 50, dtype="string")
    calls: list[object] = []

    def size(value: object) -> int:
        calls.append(value)
        return len(value) if isinstance(value, str) else -1

    got = mapped(column, size, "int64")
    assert len(calls) == 3 and any(v is pd.NA for v in calls)  # a missing value as astype(object) gives it
    assert got.tolist() == column.astype(object).map(lambda v: len(v) if isinstance(v, str) else -1).tolist()


@pytest.mark.parametrize(
    "column",
    [
        pd.Series([2, None], dtype="Int64"),
        pd.Series([-0.0, None, float("nan")], dtype="Float64"),
        pd.Series([1.0, float("nan")]),
        pd.Series(["a", None], dtype="string[pyarrow]"),
        pd.Series([(1,), None, pd.NA, frozenset()], dtype=object),
        pd.Series([True, None], dtype="boolean"),
        pd.Series(pd.to_datetime(["2020-01-01", None, "2020-01-01"]).astype("datetime64[s]")),
    ],
)
def test_plain_values_are_the_values_with_each_missing_one_as_none(column: pd.Series) -> None:
    """What a per-row rule is given (per_distinct_rows): each value as iterating the column gives it, a missing
    one (is_missing: <NA>, NaN, NaT, None) as None, whatever the column's type."""
    expected = [None if is_missing(v) else v for v in column.tolist()]
    got = plain_values(column)
    assert [(type(v), repr(v)) for v in got] == [(type(v), repr(v)) for v in expected]


def test_period_labels_name_each_distinct_period_once() -> None:
    rows = pd.DataFrame(
        {
            "indicator": ["gdp", "gdp", "gdp", "population"] * 25,
            "period_start": pd.to_datetime(["2020-01-01", "2020-01-01", None, "2020-01-01"] * 25),
            "period_end": pd.to_datetime(["2020-12-31", "2020-12-31", "2021-06-30", "2020-12-31"] * 25),
        }
    )
    temporal = pd.Series({"gdp": "flow", "population": "stock"})
    calls: list[tuple[Any, Any, str]] = []

    def label(start: Any, end: Any, kind: str) -> str:
        calls.append((start, end, kind))
        return roles.plain_label(start, end, kind) + f" ({kind})"

    got = roles.period_labels(rows, temporal, label)
    assert len(calls) == 3
    assert got == [
        roles.plain_label(s, e, str(temporal[i])) + f" ({temporal[i]})"
        for i, s, e in zip(rows["indicator"], rows["period_start"], rows["period_end"], strict=True)
    ]


def test_plain_period_labels_are_written_by_column_as_plain_label_writes_each() -> None:
    """`validate`'s roles name periods by plain_label: written by column (each distinct day once, no call per
    row or period), the same texts as plain_label row by row, missing days and one-day periods included."""
    starts = ["2020-01-01", None, "2020-06-30", None, "2019-01-01"]
    ends = ["2020-12-31", "2021-06-30", "2020-06-30", None, None]
    rows = pd.DataFrame(
        {
            "indicator": ["gdp"] * 5,
            "period_start": pd.to_datetime(starts).astype("datetime64[s]"),
            "period_end": pd.to_datetime(ends).astype("datetime64[s]"),
        }
    )
    got = roles.period_labels(rows, pd.Series({"gdp": "flow"}), roles.plain_label)
    assert got == [
        "2020-01-01 00:00:00 to 2020-12-31 00:00:00",
        "2021-06-30 00:00:00",
        "2020-06-30 00:00:00",
        "undated",
        "undated",
    ]
    assert got == [
        roles.plain_label(s, e, "flow") for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
    ]


def test_restatements_are_read_in_stock_series_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A flow is never restated: the Statements `mark_restatements` reads are made for the stocks' rows only, and
    the agreements found are those of reading every row."""
    frames = {t: tde.load(t) for t in ("indicators", "sources", "indicator_definitions", "units", "lexicon")}
    definitions = frames["indicator_definitions"]
    stocks = set(definitions.loc[definitions["temporal"] == "stock", "indicator"])
    made: list[pd.DataFrame] = []
    statements = roles.statements

    def counted(rows: pd.DataFrame, *args: Any) -> Any:
        made.append(rows)
        return statements(rows, *args)

    monkeypatch.setattr(roles, "statements", counted)
    found = roles.corroboration(
        frames["indicators"],
        frames["sources"],
        definitions,
        frames["units"],
        frames["lexicon"],
        grade_order(),
    )
    [rows] = made
    assert set(rows["indicator"]) <= stocks
    assert 0 < len(rows) < len(frames["indicators"])
    assert found.notna().sum() > 0


def one_period(n: int, sources: list[str], values: list[float]) -> pd.DataFrame:
    """n official figures of Tongxiang's GDP of 2020 (in 亿元), each of its source and value, as mark_periods reads
    them: of one text date, so only their sources and values tell them apart."""
    return pd.DataFrame(
        {
            "_series": ["gdp|tongxiang|actual"] * n,
            "period_start": pd.to_datetime(["2020-01-01"] * n),
            "period_end": pd.to_datetime(["2020-12-31"] * n),
            "_claim": [f"{v:g}|eq" for v in values],
            "source_id": sources,
            "observation_id": [f"o{i:04d}" for i in range(n)],
            "role": pd.Series([pd.NA] * n, dtype="string"),
            "reason": pd.Series([pd.NA] * n, dtype="string"),
            "value": values,
            "value_base": [v * 1e8 for v in values],
            "value_upper": [np.nan] * n,
            "qualifier": pd.Series(["eq"] * n, dtype="string"),
            "unit": pd.Series(["100m_yuan"] * n, dtype="string"),
            "_rank": [0] * n,
            "_published": pd.to_datetime(["2021-01-01"] * n),
            "grade": pd.Series(["official"] * n, dtype="string"),
            "original_grade": pd.Series([pd.NA] * n, dtype="string"),
            "text_date": pd.Series(["2021-01-01"] * n, dtype="string"),
        }
    )


def test_a_period_where_nothing_competes_is_marked_without_reading_its_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """mark_periods compares rows with their period's first-ranked figure in arrays: 600 agreeing figures of one
    period call none of the per-pair readers (separated, what_separated) that a disputed period calls."""
    calls = [0]
    for name in ("separated", "what_separated"):
        reader = getattr(period_roles, name)

        def counting(*args: Any, reader: Any = reader) -> Any:
            calls[0] += 1
            return reader(*args)

        monkeypatch.setattr(period_roles, name, counting)
    n = 600
    rows = one_period(n, [f"s{i % 7}" for i in range(n)], [100.0] * n)
    period_roles.mark_periods(rows)
    assert calls[0] == 0
    # the preferred figure's own source (s0) giving it again is `repeated`, no corroboration (trial 11 W2)
    assert rows["role"].tolist() == ["preferred"] + ["repeated" if i % 7 == 0 else "corroborating" for i in range(1, n)]
    assert rows["corroborated_by"].iloc[0] == ", ".join(f"s{i}" for i in range(1, 7))
    # one competing figure: its period is read row by row, and says so
    rows.loc[5, "value_base"] = 2e10
    rows["role"] = pd.Series([pd.NA] * n, dtype="string")
    period_roles.mark_periods(rows)
    assert rows["role"].iloc[5] == "competing" and rows["competing"].iloc[0] == "o0005"
    assert calls[0] > 0


def test_subject_named_reads_each_distinct_row_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]
    names_in = anchor_rules.names_in

    def counting(passage: str, names: list[str]) -> bool:
        calls[0] += 1
        return names_in(passage, names)

    monkeypatch.setattr(anchor_rules, "names_in", counting)
    n = 200
    view = pd.DataFrame(
        {
            "evidence": pd.Series(["新凤鸣营收100亿元", "营收100亿元"] * n, dtype="string"),
            "subject_text": pd.Series([pd.NA] * (2 * n), dtype="string"),
            "entity_names": [frozenset({"新凤鸣"})] * (2 * n),
            "enterprise_id__name": pd.Series(["Xinfengming"] * (2 * n), dtype="string"),
            "enterprise_id__name_zh": pd.Series(["新凤鸣"] * (2 * n), dtype="string"),
        }
    )
    got = anchor_rules.subject_named(view)
    assert got.tolist() == [True, False] * n
    assert 0 < calls[0] <= 4  # per distinct row (two), not per row (400)


def test_a_multiple_reads_the_first_levels_of_its_own_key() -> None:
    """multiples_against_levels looks up the first row of the start's year and of the end day among its key's
    rows (frame order), whatever the number of rows that repeat them."""
    level = {
        "indicator": "digital_economy_output",
        "source_id": "s1",
        "place_id": "tongxiang",
        "enterprise_id": None,
        "project_id": None,
        "status": "actual",
        "qualifier": "eq",
    }
    rows = [
        dict(level, period_start="2015-01-01", period_end="2015-12-31", value=10.0, value_text="10亿元"),
        dict(level, period_start="2020-01-01", period_end="2020-12-31", value=50.0, value_text="50亿元"),
    ] * 300
    multiple = dict(
        level,
        indicator="digital_economy_output_level_multiple",
        period_start="2015-01-01",
        period_end="2020-12-31",
        value=2.0,
        value_text="2倍",
    )
    frame = pd.DataFrame([*rows, multiple])
    frame["observation_id"] = [f"s1-{i:03d}" for i in range(len(frame))]
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("indicator", "source_id", "place_id", "enterprise_id", "project_id", "status", "qualifier"):
        frame[column] = frame[column].astype("string")
    frame["value_text"] = frame["value_text"].astype("string")
    got = multiples_against_levels(frame)
    assert got["multiple_levels_ids"].iloc[-1] == ("s1-000", "s1-001")
    assert got["multiple_off_levels"].iloc[-1] == "10亿元 → 50亿元 is ×5.00 to ×5.00 (s1-000, s1-001)"
    assert got["multiple_off_levels"].iloc[:-1].isna().all()


def test_tied_figures_name_a_bounded_list_of_rivals() -> None:
    """A period of n figures of one source and day, each its own value, is a tie: each row names at most
    MAX_LISTED rivals and how many more, so the frame grows linearly (one agreement group of 10^5 rows held 14 GB
    when every row named every other; issue 15)."""
    n = 400
    rows = one_period(n, ["s0"] * n, [float(i + 1) for i in range(n)])
    period_roles.mark_periods(rows)
    assert set(rows["role"]) == {"competing"}
    reasons = rows["reason"].tolist()
    assert reasons[0].endswith(": o0001, o0002, o0003, o0004, o0005, o0006 and 393 more give a different figure")
    assert reasons[3].endswith(": o0000, o0001, o0002, o0004, o0005, o0006 and 393 more give a different figure")
    assert reasons[-1].endswith(": o0000, o0001, o0002, o0003, o0004, o0005 and 393 more give a different figure")
    assert max(map(len, reasons)) < 300


def sort_keys(rng: np.random.Generator, rows: int) -> pd.DataFrame:
    """Key columns of every kind the roles sort by, each with its missing values (and NaN, and text past ASCII)."""
    return pd.DataFrame(
        {
            "text": pd.array(rng.choice(["a", "ab", "Z", "é", "中", None], rows), dtype="string[pyarrow]"),
            "day": pd.Series(rng.choice(["2020-01-01", "2019-05-02", None], rows)).astype("datetime64[s]"),
            "rank": rng.integers(0, 3, rows),
            "role": rng.choice([0.0, 1.0, np.nan], rows),
            "objects": pd.Series(rng.choice(["x", "中文", None], rows), dtype=object),
        }
    )


def test_rows_sorted_by_arrow_are_in_pandas_stable_order() -> None:
    """row_codes.stable_sorted (the roles' sorts) gives sort_values' stable order, missing values first whatever
    the direction, on keys of every kind the roles sort by; a key Arrow cannot hold is sorted by pandas."""
    rng = np.random.default_rng(15)
    for _ in range(40):
        frame = sort_keys(rng, int(rng.integers(1, 40)))
        keys = [str(k) for k in rng.permutation(frame.columns)]
        ascending = [bool(b) for b in rng.integers(0, 2, len(keys))]
        expected = frame.sort_values(keys, ascending=ascending, na_position="first", kind="stable")
        pd.testing.assert_frame_equal(row_codes.stable_sorted(frame, keys, ascending), expected)
    mixed = pd.DataFrame({"key": pd.Series([2, "b", 1], dtype=object)})
    with pytest.raises(TypeError):  # pandas' own answer to keys it cannot compare
        row_codes.stable_sorted(mixed, ["key"], [True])


def test_float_texts_write_each_value_as_astype_does() -> None:
    """distinct.float_texts (the claims' keys) writes a column of floats as astype("string") does, each distinct
    value once: 0.0 and -0.0 apart (factorize alone would merge them), a missing value <NA>, another type as is."""
    values = pd.Series([0.0, -0.0, None, 1.5, 0.0, 1e20, -0.0, 2.25], dtype="Float64", name="value")
    written = float_texts(values).fillna("<NA>").tolist()
    assert written == ["0.0", "-0.0", "<NA>", "1.5", "0.0", "1e+20", "-0.0", "2.25"]
    for column in (values, values.astype("float64"), pd.Series(["a", None], dtype=object)):
        pd.testing.assert_series_equal(float_texts(column), column.astype("string"))
