"""Answers kept per process follow every edit of what they read: a second validation in one process (an edited
copy, as a user and the test suite make) gives exactly what a fresh process gives."""

from __future__ import annotations

from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics import distinct
from tongxiang_digital_economy.semantics.anchors import anchor_view, neighbours_counting, shadowing_forms, split_forms


def frames_of(package: PackageCopy) -> dict[str, object]:
    return {name: tde.load(name, package.root) for name in tde.tables(package.root)}


def test_definition_pairs_kept_follow_an_edit_of_the_definitions(package: PackageCopy) -> None:
    """The comparisons of every definition with every other (shadowing forms, neighbours told apart by how they
    count) are kept by the definitions' content: an edited written form or required word is read anew."""
    frames = frames_of(package)
    before = anchor_view(frames["indicators"], frames)  # type: ignore[arg-type]
    assert before.loc[before["indicator"] == "area_total", "shadowing_forms"].iloc[0]
    rows = package.rows("indicator_definitions")
    for row in rows:
        if row["indicator"] == "area_total":
            row["written_forms"] = "zzz"  # no longer inside 建成区面积: nothing shadows it
        if row["indicator"] == "primary_industry_value_added_growth_two_year_average":
            row["required_words"] = "qqq"
    package.write("indicator_definitions", rows)
    frames = frames_of(package)
    after = anchor_view(frames["indicators"], frames)  # type: ignore[arg-type]
    definitions = frames["indicator_definitions"]
    forms = {i: split_forms(f) for i, f in zip(definitions["indicator"], definitions["written_forms"], strict=True)}
    expected = shadowing_forms(forms)
    assert after.loc[after["indicator"] == "area_total", "shadowing_forms"].iloc[0] == expected["area_total"] == ()
    neighbours = neighbours_counting(definitions)  # type: ignore[arg-type]
    assert any(words == ("qqq",) for found in neighbours.values() for _i, words, _f in found)
    distinct._MEMOS.clear()
    fresh = anchor_view(frames["indicators"], frames)  # type: ignore[arg-type]
    assert after["shadowing_forms"].tolist() == fresh["shadowing_forms"].tolist()
    assert after["counted_as"].tolist() == fresh["counted_as"].tolist()
