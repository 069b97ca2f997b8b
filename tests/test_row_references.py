"""A reading kept per row reads a reference table through the row's key (semantics/row_references.py): an edited or
renamed key row reads again only the rows whose reading of it changed, and every row answers as a fresh reading."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from conftest import forgotten

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics import answers
from tongxiang_digital_economy.semantics import places_beside as places_beside_module
from tongxiang_digital_economy.semantics import quotes as quotes_module
from tongxiang_digital_economy.semantics import views as views_module
from tongxiang_digital_economy.semantics.distinct import lexicon_of
from tongxiang_digital_economy.semantics.row_references import Through, row_refs, rows_by
from tongxiang_digital_economy.semantics.subject_names import outside_words
from tongxiang_digital_economy.text.clause_words import ClauseWords


def counted(compute: Callable[..., dict[str, pd.Series]], read: list[list[Any]]) -> Callable[..., Any]:
    """compute, recording the index of the rows it is given."""

    def run(frame: pd.DataFrame, *tables: Any) -> dict[str, pd.Series]:
        read.append(list(frame.index))
        return compute(frame, *tables)

    return run


def test_a_table_read_through_a_key_reads_only_the_rows_whose_key_row_changed() -> None:
    """Keyed through `k`: an edit of another key's row reads nothing again, a renamed key reads its rows (now
    dangling), a change of what every row reads alike (`whole`) reads every row; each answer is a fresh one's."""
    frame = pd.DataFrame({"k": ["a", "b", "a", "c"], "v": [1, 2, 3, 4]})
    table = pd.DataFrame({"key": ["a", "b", "c"], "size": [10, 20, 30], "kind": ["x", "x", "y"]})

    def compute(rows: pd.DataFrame, table: pd.DataFrame) -> dict[str, pd.Series]:
        size = dict(zip(table["key"], table["size"], strict=True))
        kinds = ",".join(table["kind"])  # what every row reads alike
        return {
            "out": pd.Series(
                [f"{size.get(k)}/{v}/{kinds}" for k, v in zip(rows["k"], rows["v"], strict=True)], index=rows.index
            )
        }

    through = Through("k", rows_by("key"), lambda t: tuple(t["kind"]))
    read: list[list[Any]] = []
    with forgotten():

        def kept(table: pd.DataFrame) -> list[str]:
            got = answers.kept_row_reading(
                "test through", frame, ("k", "v"), [table], counted(compute, read), [through]
            )
            assert got["out"].tolist() == compute(frame, table)["out"].tolist()
            return list(read.pop()) if read else []

        assert kept(table) == [0, 1, 2, 3]
        assert kept(table.assign(size=[10, 21, 30])) == [1]  # b's row edited: b's row alone
        assert kept(table.assign(key=["ax", "b", "c"])) == [0, 2]  # a renamed: a's rows, dangling
        assert kept(table.assign(key=["ax", "b", "c"])) == []  # kept
        assert kept(table.assign(kind=["x", "y", "y"])) == [0, 1, 2, 3]  # the whole read changed


EDITS: dict[str, Callable[[dict[str, pd.DataFrame]], dict[str, pd.DataFrame]]] = {
    # The most referred-to unit renamed (its rows dangle), and another unit's forms edited.
    "unit renamed": lambda f: {**f, "units": f["units"].assign(unit=f["units"]["unit"].replace("yuan", "yuanx"))},
    "unit forms": lambda f: {
        **f,
        "units": f["units"].assign(
            written_forms=f["units"]["written_forms"].where(f["units"]["unit"] != "percent", "#%|#个百分点|#成")
        ),
    },
    # A source's publication date: its rows' text date.
    "source date": lambda f: {
        **f,
        "sources": f["sources"].assign(
            published=f["sources"]["published"].where(f["sources"].index != 3, f["sources"]["published"].iloc[4])
        ),
    },
    # A place's Chinese name: the rows whose subject it is (the places beside a quote are a reading of their own).
    "place name": lambda f: {
        **f,
        "places": f["places"].assign(
            name_zh=f["places"]["name_zh"].where(f["places"]["place_id"] != "wuzhen", "乌镇镇")
        ),
    },
    # A definition renamed: its rows, and those whose neighbours or kind named it.
    "indicator renamed": lambda f: {
        **f,
        "indicator_definitions": f["indicator_definitions"].assign(
            indicator=f["indicator_definitions"]["indicator"].replace("gdp", "gdpx")
        ),
    },
}


def readings(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[Any, tuple[str, ...], list[Any], list[Any]]]:
    """The readings kept per row through keys, as views.py keeps them: (compute, reads, tables, through)."""
    anchors = views_module.ANCHOR_TABLES
    return {
        "anchors": (
            lambda i, *t: views_module.anchor_columns(i, dict(zip(anchors, t, strict=True))),
            views_module.ANCHOR_READS,
            [views_module.restricted(frames.get(t), views_module.ANCHOR_TABLE_READS[t]) for t in anchors],
            [views_module.ANCHOR_THROUGH.get(t) for t in anchors],
        ),
        "quotes": (
            lambda i, lexicon, units: views_module.new_columns(quotes_module.quote_view(i, lexicon, units), i),
            quotes_module.QUOTE_READS,
            [
                views_module.restricted(frames["lexicon"], quotes_module.QUOTE_TABLE_READS[0]),
                views_module.restricted(frames["units"], quotes_module.QUOTE_TABLE_READS[1]),
            ],
            [None, Through("unit", quotes_module.unit_refs)],
        ),
    }


@pytest.mark.parametrize("edit", list(EDITS))
def test_the_anchors_and_quotes_read_again_only_the_rows_an_edited_key_row_reaches(edit: str) -> None:
    """The anchors' and the quotes' readings, kept through each row's unit, source and indicator: after an edit of
    one key row the rows read again are those whose refs of it changed (some, not all), and every row, read again
    or kept, answers as a fresh reading of the edited tables does (the declaration in views.ANCHOR_THROUGH and
    quotes.unit_refs holds every read). On every sixteenth figure and those the edit reaches: each row reads alone."""
    frames = {name: tde.load(name) for name in tde.tables()}
    edited = EDITS[edit](frames)
    indicators = frames["indicators"]
    for name, (compute, reads, tables, through) in readings(frames).items():
        _, _, after, _ = readings(edited)[name]
        refs_before = [row_refs(indicators, t, w) for t, w in zip(tables, through, strict=True) if w is not None]
        refs_after = [row_refs(indicators, t, w) for t, w in zip(after, through, strict=True) if w is not None]
        reached = [
            i
            for i, (a, b) in enumerate(zip(zip(*refs_before, strict=True), zip(*refs_after, strict=True), strict=True))
            if a != b
        ]
        changed = [t is not None and not t.equals(u) for t, u in zip(tables, after, strict=True)]
        # the edit changes only tables read through a key (else every row is read again, as before)
        assert all(w is not None for w, c in zip(through, changed, strict=True) if c), name
        rows = indicators.iloc[sorted({*range(0, len(indicators), 16), *reached})]
        # rows alike in every column read are read once (kept_row_reading): one of each, so each read is counted
        rows = rows[~rows[[c for c in reads if c in rows]].astype(str).duplicated()]
        reached = [i for i in reached if indicators.index[i] in rows.index]
        whole = any(
            w is not None and w.whole is not None and w.whole(t) != w.whole(u)
            for t, u, w in zip(tables, after, through, strict=True)
        )
        expected = list(rows.index) if whole else list(indicators.index[reached])
        read: list[list[Any]] = []
        with forgotten():
            answers.kept_row_reading(name, rows, reads, tables, counted(compute, read), through)
            read.clear()
            kept = answers.kept_row_reading(name, rows, reads, after, counted(compute, read), through)
            fresh = compute(rows[[c for c in reads if c in rows]], *after)
        assert sorted(i for part in read for i in part) == sorted(expected), (name, edit)
        for column, values in fresh.items():
            assert kept[column].tolist() == values.tolist(), (name, edit, column)
        # an edit of a table the reading reads reaches some rows, not most (the anchors read every unit's forms
        # alike: an edit of them reads every row)
        assert (0 < len(reached) < len(indicators) / 2) == any(changed), (name, edit, len(reached))
        assert whole == (edit == "unit forms" and name == "anchors"), (name, edit)


def test_an_edited_place_reads_each_quotes_clause_for_that_place_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """places_beside keeps whether a quote's clause names a place by the clause and the place's names: an edited
    places row reads each clause again for that place only (counted), and every row answers as a fresh reading."""
    frames = {name: tde.load(name) for name in ("indicators", "places", "lexicon")}
    indicators, places, lexicon = frames["indicators"], frames["places"], frames["lexicon"]
    edited = places.assign(aliases=places["aliases"].where(places["place_id"] != "wuzhen", None))  # 乌镇 dropped
    asked: list[tuple[str, ...]] = []
    real = places_beside_module.names_place
    with forgotten():
        before = places_beside_module.places_beside_columns(indicators, places, lexicon)
        monkeypatch.setattr(
            places_beside_module, "names_place", lambda c, names, o: asked.append(names) or real(c, names, o)
        )
        after = places_beside_module.places_beside_columns(indicators, edited, lexicon)
    wuzhen = tuple(places_beside_module.local_places(edited)["wuzhen"])
    assert set(asked) == {wuzhen} and len(asked) > 100
    local = places_beside_module.local_places(edited)
    fresh = [
        places_beside_module.places_beside(
            e, q, local, outside_words(lexicon_of(lexicon)), ClauseWords.of(lexicon_of(lexicon))
        )
        for e, q in zip(indicators["evidence"], indicators["value_text"], strict=True)
    ]
    assert after["places_beside"].tolist() == fresh
    assert after["places_beside"].tolist() != before["places_beside"].tolist()
