"""The reader's cheaper paths give what the plain ones give (issue 15, thirteenth pass): formula cells read from each
cell's first byte, foreign keys by Arrow's `is_in`, and the Arrow pool a table is read in, which is the caller's
again afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tongxiang_digital_economy.io import memory_pool, reader
from tongxiang_digital_economy.io.cell_checks import first_bytes, formula_cells, formula_cells_by_prefix
from tongxiang_digital_economy.io.csv_text import TEXT
from tongxiang_digital_economy.io.reader import outside

# Cells that start like a formula or nearly (a sign before a number, a call, a sheet reference), others, empty ones.
CELLS = st.lists(
    st.one_of(
        st.sampled_from(["", "=1+1", "@SUM(A1)", "+", "-2.15 億元", "-18.69%", "+cmd|' /C calc'!A0", "-A1!B2", "x=1"]),
        st.text(alphabet="=@+-(!|1a億 ", max_size=6),
    ),
    max_size=30,
)


@given(CELLS, st.integers(min_value=0, max_value=5))
def test_formula_cells_from_first_bytes_are_those_by_prefix(cells: list[str], cut: int) -> None:
    # Two chunks, the second a slice (an offset into its buffers), as pyarrow's blocks and takes give them.
    whole = pa.array(cells, TEXT)
    column = pa.chunked_array([whole[: len(cells) // 2], whole[len(cells) // 2 :].slice(0)], type=TEXT)
    column = column.slice(min(cut, len(cells)))
    assert first_bytes(column) is not None
    assert formula_cells(column).tolist() == formula_cells_by_prefix(column).tolist()


def test_a_column_with_nulls_or_of_another_layout_is_read_by_prefix() -> None:
    first = first_bytes(pa.chunked_array([pa.array(["é", ""], TEXT)]))
    assert first is not None and first.tolist() == [0xC3, 0]  # a byte of UTF-8, an empty cell 0
    assert first_bytes(pa.chunked_array([pa.array(["=1", None], TEXT)])) is None
    assert first_bytes(pa.chunked_array([pa.array(["=1"], pa.string())])) is None
    assert formula_cells(pa.chunked_array([pa.array(["=1", None, "-1", "-f(x)"], pa.string())])).tolist() == [
        True,
        False,
        False,
        True,
    ]


def test_a_missing_key_is_no_orphan_on_either_path() -> None:
    ids = pd.Series(["a", None, "b", "c"], dtype="string[pyarrow]")
    known = pd.Series(["a", "c", None], dtype="string[pyarrow]")
    expected = [False, False, True, False]
    assert outside(ids.to_frame("k"), known.to_frame("k")).tolist() == expected  # Arrow's is_in
    as_objects = ids.astype(object).to_frame("k")
    assert outside(as_objects, known.astype(object).to_frame("k")).tolist() == expected  # pandas' isin
    pairs = pd.DataFrame({"k": ids, "j": ["x", "x", "x", None]})
    theirs = pd.DataFrame({"k": ["a", "b"], "j": ["x", "y"]}, dtype="string[pyarrow]")
    assert outside(pairs, theirs).tolist() == [False, False, True, False]


def test_a_table_is_read_in_the_readers_pool_and_the_callers_pool_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,n\na,1\nb,2\n", encoding="utf-8")
    schema = {"fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}]}
    pools: list[str] = []
    real = reader.read_file

    def read_file(*args: Any) -> reader.TableRead:
        pools.append(pa.default_memory_pool().backend_name)
        return real(*args)

    monkeypatch.setattr(reader, "read_file", read_file)
    caller = pa.default_memory_pool().backend_name
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    memory_pool.reading_pool.cache_clear()
    read = reader.read_table("t", path, schema)
    assert read.frame is not None and read.frame["n"].tolist() == [1, 2]
    ours = memory_pool.reading_pool()
    assert pools == [ours.backend_name if ours is not None else caller]
    assert pa.default_memory_pool().backend_name == caller
    # A pool the user chose is the one every table is read in.
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    memory_pool.reading_pool.cache_clear()
    try:
        path.write_text("id,n\nc,3\n", encoding="utf-8")
        reader.read_table("t", path, schema)
        assert pools[-1] == caller and memory_pool.reading_pool() is None
    finally:
        memory_pool.reading_pool.cache_clear()


def readers_pool(monkeypatch: pytest.MonkeyPatch) -> tuple[pa.MemoryPool, str]:
    """The library's own pool (no ARROW_DEFAULT_MEMORY_POOL set) and the caller's pool's name; skips the test where
    pyarrow has no jemalloc (the library then keeps the caller's pool: nothing to switch)."""
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    memory_pool.reading_pool.cache_clear()
    ours = memory_pool.reading_pool()
    if ours is None:
        pytest.skip("this pyarrow has no jemalloc: the library reads and computes in the caller's pool")
    return ours, pa.default_memory_pool().backend_name


def test_reads_under_way_at_once_set_the_callers_pool_back_once_the_last_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    ours, caller = readers_pool(monkeypatch)
    first, second = memory_pool.in_reading_pool(), memory_pool.in_reading_pool()
    first.__enter__()
    second.__enter__()  # two reads interleaved, as two threads of `serve` may
    first.__exit__(None, None, None)
    assert pa.default_memory_pool().backend_name == ours.backend_name  # the second read is still under way
    second.__exit__(None, None, None)
    assert pa.default_memory_pool().backend_name == caller


def test_a_validation_computes_in_the_readers_pool_and_sets_the_callers_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules compute in the pool the tables are read in (jemalloc), not pyarrow's default (mimalloc), which gave
    pages back and faulted them in again: 26% of validate's CPU at 10^6 rows (docs/benchmarks.md, sixteenth pass,
    scale16). The caller's pool is set back afterwards."""
    from tongxiang_digital_economy.semantics import validation

    ours, caller = readers_pool(monkeypatch)
    pools: list[str] = []
    real = validation.kept_semantics

    def kept_semantics(*args: Any) -> Any:
        pools.append(pa.default_memory_pool().backend_name)
        return real(*args)

    monkeypatch.setattr(validation, "kept_semantics", kept_semantics)
    report = validation.validate()
    assert report.valid and pools == [ours.backend_name] != [caller]
    assert pa.default_memory_pool().backend_name == caller
