"""Answers kept per process follow every edit of what they read: a second validation in one process (an edited
copy, as a user and the test suite make) gives exactly what a fresh process gives."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pytest
from conftest import SHARED_ARCHIVE, PackageCopy, copy_package, forgotten

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.exceptions import RuleCrash
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.core.report import Problem, Report
from tongxiang_digital_economy.io.arrays import arrow_of
from tongxiang_digital_economy.io.load import finished, read_resource
from tongxiang_digital_economy.schema.descriptor import read_descriptor, resource
from tongxiang_digital_economy.semantics import agreement as agreement_module
from tongxiang_digital_economy.semantics import (
    answers,
    entity_names,
    fact_clusters,
    identity,
    kept_groups,
    level_multiples,
    name_texts,
)
from tongxiang_digital_economy.semantics import corroboration as corroboration_module
from tongxiang_digital_economy.semantics import quotes as quotes_module
from tongxiang_digital_economy.semantics import views as views_module
from tongxiang_digital_economy.semantics.anchors import anchor_view
from tongxiang_digital_economy.semantics.answers import passing
from tongxiang_digital_economy.semantics.archive_checks import read_archive
from tongxiang_digital_economy.semantics.claims import period_words
from tongxiang_digital_economy.semantics.indicator_forms import neighbours_counting, shadowing_forms, split_forms
from tongxiang_digital_economy.semantics.joins import foreign_keys
from tongxiang_digital_economy.semantics.rule_problems import run_rule
from tongxiang_digital_economy.semantics.rules import RULES, Rule, needs_of
from tongxiang_digital_economy.semantics.validation import check_semantics, without_unread
from tongxiang_digital_economy.semantics.views import views
from tongxiang_digital_economy.text.fold import names_of


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
    assert any(groups == (("qqq",),) for found in neighbours.values() for _i, groups, _f in found)
    with forgotten():
        fresh = anchor_view(frames["indicators"], frames)  # type: ignore[arg-type]
    assert after["shadowing_forms"].tolist() == fresh["shadowing_forms"].tolist()
    assert after["counted_as"].tolist() == fresh["counted_as"].tolist()


FIXTURE_ARCHIVE = Path(__file__).resolve().parent / "archive"


class Tracing(pd.DataFrame):
    """A frame that records every column a check reads (`frame[c]`, `frame[[c]]`, `c in frame`), also through the
    frames made from it (`assign`, `copy`)."""

    _metadata: ClassVar[list[str]] = ["_reads"]

    @property
    def _constructor(self) -> Any:
        reads = object.__getattribute__(self, "_reads")

        def make(*args: Any, **kwargs: Any) -> Tracing:
            frame = Tracing(*args, **kwargs)
            object.__setattr__(frame, "_reads", reads)
            return frame

        return make

    def __getitem__(self, key: Any) -> Any:
        keys = key if isinstance(key, list) else [key]
        object.__getattribute__(self, "_reads").update(k for k in keys if isinstance(k, str))
        return pd.DataFrame.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        object.__getattribute__(self, "_reads").add(key)
        return pd.DataFrame.__contains__(self, key)

    def __iter__(self) -> Any:
        # `set(frame)` in the project's code depends on every column there is (claims.period_words asked so whether
        # the lexicon's three were there, and the roles' lexicon restricted to two read the text's own day with no
        # words, silently): counted as reading them all, so a reading asks with `in`. pandas iterating a frame's
        # labels inside its own methods reads no cell.
        if "pandas" not in Path(sys._getframe(1).f_code.co_filename).parts:
            object.__getattribute__(self, "_reads").update(str(c) for c in self.columns)
        return pd.DataFrame.__iter__(self)


@pytest.fixture(scope="module")
def shipped_views() -> dict[str, pd.DataFrame]:
    """The views of the shipped package with the fixture archive: every rule runs on them."""
    root = bundled_package_dir()
    descriptor = read_descriptor(root)
    reads = {name: read_resource(root, resource(descriptor, name)) for name in tde.tables(root)}
    frames = {name: finished(r, reads) for name, r in reads.items()}
    texts, hashes, _ = read_archive(FIXTURE_ARCHIVE, frames["sources"])
    return views(frames, texts, hashes, foreign_keys(root), needs_of(RULES))


def test_every_rule_declares_every_column_it_reads(shipped_views: dict[str, pd.DataFrame]) -> None:
    """A rule's declaration (reads, needs) names every view column its check reads: traced on the shipped views."""
    undeclared = {}
    for rule in RULES:
        assert rule.inputs is not None, f"{rule.id} declares no reads"
        view = shipped_views[rule.table]
        probe = Tracing(view)
        object.__setattr__(probe, "_reads", set())
        rule.check(probe)
        read = {c for c in object.__getattribute__(probe, "_reads") if c in view.columns}
        if read - set(rule.inputs):
            undeclared[(rule.id, rule.table)] = sorted(read - set(rule.inputs))
    assert undeclared == {}


def test_a_rule_gives_the_same_answer_on_its_declared_columns(shipped_views: dict[str, pd.DataFrame]) -> None:
    """Run on the view restricted to its declared columns, each rule passes and fails the rows it does on the whole
    view: it reads nothing else (a column tested with `in` included)."""
    differ = []
    for rule in RULES:
        view = shipped_views[rule.table]
        present = [c for c in rule.inputs or () if c in view.columns]
        whole = passing(view, rule.check(view))
        if not np.array_equal(whole, passing(view[present], rule.check(view[present]))):
            differ.append((rule.id, rule.table))
    assert differ == []


def rolled(column: pd.Series) -> pd.Series:
    """The column with the values of every EVERY-th row rolled one step over those rows (an edit of some rows: a
    rule kept per row runs again on those alone, and the distinct texts a check reads are few)."""
    values = column.to_numpy().copy()
    picked = np.arange(0, len(values), EVERY)
    values[picked] = np.roll(values[picked], 1)
    return pd.Series(values, index=column.index)


EVERY = 7


def test_a_kept_answer_follows_an_edit_of_each_declared_input(shipped_views: dict[str, pd.DataFrame]) -> None:
    """Each rule's answer is kept by the content of each column it declares: a view in which one declared column is
    changed (its values rolled over every seventh row) gets the answer a fresh run gives, never the kept one of the
    view before. Only a change that changes the fresh answer can tell a stale kept answer from it (a kept answer of
    the view before would equal it), so the kept answer is asked after those alone; some must change, or this would
    prove nothing."""
    stale, changed, unchanged = [], 0, 0
    for rule in RULES:
        view = shipped_views[rule.table]
        before = outcome(rule, view)  # kept: the rule's answer for the unedited view (and, per row, its rows')
        # The same check undeclared: run on the whole view every time, never kept (registry.rule_answer), so it is
        # the fresh answer without forgetting (and so re-keying) every column of every view kept before.
        unkept = dataclasses.replace(rule, reads=None)
        for column in [c for c in rule.inputs or () if c in view.columns]:
            edited = view.assign(**{column: rolled(view[column])})
            fresh = outcome(unkept, edited)
            if fresh == before:
                unchanged += 1
                continue
            changed += 1
            if outcome(rule, edited) != fresh:
                stale.append((rule.id, rule.table, column))
    assert stale == []
    assert changed >= 50
    print(f"{changed} edits changed an answer, {unchanged} did not")


def outcome(rule: Rule, view: pd.DataFrame) -> object:
    """The rule's problems on the view, or its crash (a rolled column can pair values no package pairs)."""
    try:
        return run_rule(rule, view, {})
    except RuleCrash as exc:
        return str(exc)


def test_a_rule_that_reads_a_column_it_does_not_declare_is_a_crash(shipped_views: dict[str, pd.DataFrame]) -> None:
    """A check that reads beyond its declaration would be kept by the wrong key: it is a crash of the rule, at once."""
    sneaky = Rule("sneaky", "indicators", "value", "m", lambda view: view["unit"].notna(), reads=("value",))
    with pytest.raises(RuleCrash) as caught:
        run_rule(sneaky, shipped_views["indicators"], {})
    assert str(caught.value) == (
        "rule 'sneaky' crashed: it read the column 'unit', which its declaration (reads, needs) does not name"
    )


def traced(frame: pd.DataFrame | None, sink: set[object]) -> pd.DataFrame | None:
    if frame is None:
        return None
    probe = Tracing(frame)
    object.__setattr__(probe, "_reads", sink)
    return probe


def test_the_kept_readings_of_the_views_declare_every_column_they_read(
    shipped_views: dict[str, pd.DataFrame],
) -> None:
    """agreement, the anchors, fact clusters and multiples run on frames restricted to their declared columns; a
    column they test with `in` but were not given would change their answer silently, so it is traced here."""
    root = bundled_package_dir()
    frames = {name: tde.load(name, root) for name in tde.tables(root)}
    view = shipped_views["indicators"]
    calls: dict[str, tuple[Any, list[tuple[pd.DataFrame | None, tuple[str, ...] | None]]]] = {
        "agreement": (lambda i: agreement_module.agreement(i), [(view, agreement_module.AGREEMENT_READS)]),
        "multiples": (level_multiples.multiples_against_levels, [(view, identity.MULTIPLE_READS)]),
        "clusters": (
            lambda i, s, d: fact_clusters.fact_clusters(i, s, d, ("official", "press")),
            [
                (view, identity.CLUSTER_READS),
                (frames["sources"], identity.CLUSTER_TABLE_READS["sources"]),
                (frames["indicator_definitions"], identity.CLUSTER_TABLE_READS["indicator_definitions"]),
            ],
        ),
        "anchors": (
            lambda i, *t: views_module.anchor_columns(i, dict(zip(views_module.ANCHOR_TABLES, t, strict=True))),
            [
                (view, views_module.ANCHOR_READS),
                *((frames[t], views_module.ANCHOR_TABLE_READS[t]) for t in views_module.ANCHOR_TABLES),
            ],
        ),
    }
    calls["corroboration"] = (
        lambda i, s, d, u, x: corroboration_module.corroborated(i, s, d, u, x, ("official", "press")),
        [
            (view, corroboration_module.CORROBORATION_READS),
            *(
                (frames[t], corroboration_module.CORROBORATION_TABLE_READS[t])
                for t in corroboration_module.CORROBORATION_TABLE_READS
            ),
        ],
    )
    calls["quotes"] = (
        lambda i, lexicon, units: views_module.quote_view(i, lexicon, units),
        [
            (frames["indicators"], quotes_module.QUOTE_READS),
            (frames["lexicon"], quotes_module.QUOTE_TABLE_READS[0]),
            (frames["units"], quotes_module.QUOTE_TABLE_READS[1]),
        ],
    )
    calls["places named"] = (
        views_module.places_named_columns,
        [(view, ("evidence",)), (frames["places"], quotes_module.PLACES_NAMED_READS)],
    )
    for table in entity_names.ENTITY_TABLES:
        calls[f"entities of {table}"] = (
            lambda *read, table=table: entity_names.entity_columns(
                dict(zip(identity.ENTITY_READS, read, strict=True)), table
            ),
            [(frames[t], identity.ENTITY_READS[t]) for t in identity.ENTITY_READS],
        )
        reads = name_texts.name_text_reads(table)
        given = {**frames, "sources": shipped_views["sources"]}  # with the fixture archive's texts
        calls[f"names in texts of {table}"] = (
            lambda *read, table=table, reads=reads: name_texts.name_text_columns(
                dict(zip(list(reads)[:-1], read[:-1], strict=True)), read[-1], table
            ),
            [(given[t], reads[t]) for t in reads],
        )
    undeclared = {}
    for name, (compute, parts) in calls.items():
        sinks: list[set[object]] = [set() for _ in parts]
        compute(*(traced(frame, sink) for (frame, _), sink in zip(parts, sinks, strict=True)))
        for (frame, declared), sink in zip(parts, sinks, strict=True):
            read = {c for c in sink if isinstance(c, str) and frame is not None and c in frame.columns}
            if declared is not None and read - set(declared):
                undeclared[name] = sorted(read - set(declared))
    assert undeclared == {}


def test_a_kept_reading_follows_an_edit_of_each_column_it_reads() -> None:
    """A reading kept by the content of its columns is made anew when any of them changes (its values or its type),
    and is kept while only a column it does not read changes; it never sees a column it was not given."""
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": pd.array(["x", None], dtype="string"), "note": ["n", "m"]})
    made = []

    def compute(f: pd.DataFrame) -> list[object]:
        made.append(list(f.columns))
        return [*f["a"].tolist(), *f["b"].tolist()]

    with forgotten():
        first = answers.kept_reading("test", [(frame, ("a", "b"))], compute)
        assert answers.kept_reading("test", [(frame.assign(note=["o", "p"]), ("a", "b"))], compute) is first
        assert made == [["a", "b"]]
        edits = [
            frame.assign(a=[1.0, 3.0]),
            frame.assign(a=[1.0, -0.0]),
            frame.assign(b=pd.array(["x", "y"], dtype="string")),
            frame.assign(b=["x", None]),
            frame.set_index(pd.Index([5, 6])),
        ]
        for edited in edits:
            again = answers.kept_reading("test", [(edited, ("a", "b"))], compute)
            assert again == compute(edited[["a", "b"]])
        assert len(made) == 1 + 2 * len(edits)
        with pytest.raises(KeyError):
            answers.kept_reading("test2", [(frame, ("a",))], compute)


def test_a_per_row_rule_answers_each_row_from_that_row_alone(shipped_views: dict[str, pd.DataFrame]) -> None:
    """A rule kept per row (Rule.per_row) gives each row the answer it gives when checked with other rows or
    alone: its rows checked in two interleaved halves, and in a different order, pass and fail as on the whole view."""
    differ = []
    for rule in (r for r in RULES if r.per_row):  # only a rule declared per row is kept per row
        view = shipped_views[rule.table]
        present = [c for c in rule.inputs or () if c in view.columns]
        whole = passing(view, rule.check(view[present]))
        halves = np.empty(len(view), dtype=bool)
        for start in (0, 1):
            part = view[present].iloc[start::2]
            halves[start::2] = passing(part, rule.check(part))
        backwards = view[present].iloc[::-1]
        reversed_ = passing(backwards, rule.check(backwards))[::-1]
        if not (np.array_equal(whole, halves) and np.array_equal(whole, reversed_)):
            differ.append((rule.id, rule.table))
    assert differ == []


def row_readings(frames: dict[str, Any]) -> dict[str, Any]:
    """The readings kept per row (answers.kept_row_reading), each as the function of (indicators, *tables) it keeps."""
    return {
        "quotes": lambda i: views_module.new_columns(views_module.quote_view(i, frames["lexicon"], frames["units"]), i),
        "anchors": lambda i: views_module.anchor_columns(i, {t: frames[t] for t in views_module.ANCHOR_TABLES}),
    }


def test_a_reading_kept_per_row_reads_each_row_alone(shipped_views: dict[str, pd.DataFrame]) -> None:
    """The quotes' and the anchors' readings give each row what they give it read with the other rows: read in two
    interleaved halves and backwards, every column is as read whole (what keeping them per row assumes)."""
    root = bundled_package_dir()
    frames = {name: tde.load(name, root) for name in tde.tables(root)}
    reads = {"quotes": quotes_module.QUOTE_READS, "anchors": views_module.ANCHOR_READS}
    for name, read in row_readings(frames).items():
        view = shipped_views["indicators"][list(reads[name])]
        whole = read(view)
        assert whole, name
        for part in (view.iloc[0::2], view.iloc[1::2], view.iloc[::-1]):
            got = read(part)
            for column, values in whole.items():
                assert got[column].tolist() == values.loc[part.index].tolist(), (name, column)


def group_readings(frames: dict[str, Any]) -> dict[str, tuple[Any, tuple[str, ...], Any]]:
    """The readings kept per group of rows (kept_groups.kept_in_groups): each as the function of the indicators
    view it keeps, the columns it reads and the group it declares."""
    grades = ("official", "press")
    tables = [frames[t] for t in ("sources", "indicator_definitions", "units", "lexicon")]
    return {
        "agreement": (agreement_module.agreement, agreement_module.AGREEMENT_READS, kept_groups.by_indicator),
        "corroboration": (
            lambda i: corroboration_module.corroborated(i, *tables, grades),
            corroboration_module.CORROBORATION_READS,
            kept_groups.by_indicator,
        ),
        "fact clusters": (
            lambda i: fact_clusters.fact_clusters(
                i, frames["sources"], frames["indicator_definitions"], grades, period_words(frames["lexicon"])
            ),
            identity.CLUSTER_READS,
            fact_clusters.cluster_key,
        ),
    }


def test_a_reading_kept_per_group_reads_each_group_alone(shipped_views: dict[str, pd.DataFrame]) -> None:
    """Agreement, the corroborating sources and the fact clusters give each row what they give it read with every
    row when read in parts made of whole groups (its indicator's rows; its fact's), interleaved: what keeping them
    per group assumes. Not backwards: a listing follows the rows' order, which is why a group is kept under its rows
    in their order. Each finds something in the shipped package, so the check can fail."""
    root = bundled_package_dir()
    frames = {name: tde.load(name, root) for name in tde.tables(root)}
    for name, (read, columns, group) in group_readings(frames).items():
        view = shipped_views["indicators"][list(columns)]
        whole = read(view)
        assert whole.notna().any().all(), name
        codes, _ = pd.factorize(group(view).astype(object), use_na_sentinel=False)
        for parts in (2, 3):
            for rest in range(parts):
                part = view[codes % parts == rest]
                got = read(part)
                for column in whole.columns:
                    expected = whole[column].loc[part.index]
                    assert repr(got[column].tolist()) == repr(expected.tolist()), (name, column, parts)


def test_a_group_reading_reads_only_the_groups_it_has_not_read() -> None:
    """kept_in_groups reads the groups whose rows (values, in order) it has not read, in one call, and gives every
    row what a reading of the whole frame gives it; another table's content is read anew."""
    frame = pd.DataFrame({"g": ["a", "b", "a", None, "c"], "v": [1, 2, 3, 4, 5], "note": list("vwxyz")})
    read: list[list[int]] = []

    def sums(part: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
        read.append(part["v"].tolist())
        total = part.groupby(part["g"].fillna("-"))["v"].transform("sum") * len(table)
        return pd.DataFrame({"total": total.astype("Int64")}, index=part.index)

    table = pd.DataFrame({"x": [1]})
    with forgotten():
        first = kept_groups.kept_in_groups("test", frame, ("g", "v"), lambda f: f["g"], [table], sums)
        assert first["total"].tolist() == [4, 2, 4, 4, 5]
        edited = frame.assign(v=[1, 2, 3, 4, 6], note=list("VWXYZ"))
        again = kept_groups.kept_in_groups("test", edited, ("g", "v"), lambda f: f["g"], [table], sums)
        assert again["total"].tolist() == [4, 2, 4, 4, 6]
        assert read == [[1, 2, 3, 4, 5], [6]]
        other = kept_groups.kept_in_groups(
            "test", frame, ("g", "v"), lambda f: f["g"], [pd.DataFrame({"x": [1, 2]})], sums
        )
        assert other["total"].tolist() == [8, 4, 8, 8, 10]
        assert read[-1] == [1, 2, 3, 4, 5]


@dataclasses.dataclass
class Steps:
    """What one copy's validations gave: first as shipped, then after each of four edits (each kept answer of the
    validations before it in reach), and fresh, every kept answer forgotten, after the last."""

    root: Path
    first: Report
    checked: list[int]  # the rows each per-row rule ran on, after one row was added
    read: dict[str, list[int]]  # the rows the quotes' and the anchors' readings read, after one edit and one row
    after_title: dict[str, list[int]]  # the rows the roles and the anchors read after a source's title was edited
    after_note: list[int]  # the rows the roles (corroborated) read after a note was edited
    corroborated: list[int]  # and after that row's value_text was edited too
    indicator_rows: int  # the rows of that row's indicator (the corroboration's group)
    kept: Report  # after row 2's quote was edited too
    fresh: Report
    unnoted: list[Problem]  # the semantic layer of the last copy without its notes, every kept answer forgotten


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> Steps:
    """One copy validated, then edited in four steps, each validated with what it runs and reads counted, then
    validated fresh (every kept answer forgotten): the last kept report must be the fresh one.

    Why one copy for the four tests: a fresh validation reads every row anew (the cost of a first one), and each
    step's rows are left as they are by the steps after it, so what each step kept is still in the last report: a
    wrong answer kept for a step's row would differ from the fresh one there.
    """
    package = copy_package(tmp_path_factory.mktemp("kept") / "package")
    first = package.validate()
    rows = package.rows("indicators")
    added = dict(rows[0], observation_id=rows[0]["observation_id"].rsplit("-", 1)[0] + "-977", value_text="7亿元")
    package.append("indicators", added)
    checked: list[int] = []
    original = answers.run

    def counting(view: pd.DataFrame, check: Any) -> np.ndarray:
        checked.append(len(view))
        return original(view, check)

    answers.run = counting  # type: ignore[assignment]
    try:
        package.validate()
    finally:
        answers.run = original  # type: ignore[assignment]

    rows = package.rows("indicators")
    # Values no other test of this process makes (a row read before, by any test, is kept and not read again).
    rows[4]["evidence"] = rows[4]["evidence"] + "(只此一行再读)"
    again = dict(rows[0], observation_id=rows[0]["observation_id"].rsplit("-", 1)[0] + "-976", value_text="7.0625亿元")
    rows.append(again)
    package.write("indicators", rows)
    read: dict[str, list[int]] = {"quote_view": [], "anchor_columns": []}
    originals = {name: getattr(views_module, name) for name in read}

    def reading(name: str) -> Any:
        def call(indicators: pd.DataFrame, *args: Any) -> Any:
            read[name].append(len(indicators))
            return originals[name](indicators, *args)

        return call

    for name in read:
        setattr(views_module, name, reading(name))
    try:
        package.validate()
    finally:
        for name, function in originals.items():
            setattr(views_module, name, function)

    corroborated: list[int] = []
    roles = corroboration_module.corroborated

    def ranking(indicators: pd.DataFrame, *args: Any) -> Any:
        corroborated.append(len(indicators))
        return roles(indicators, *args)

    anchored: list[int] = []
    anchors = views_module.anchor_columns

    def anchoring(indicators: pd.DataFrame, *args: Any) -> Any:
        anchored.append(len(indicators))
        return anchors(indicators, *args)

    corroboration_module.corroborated = ranking  # type: ignore[assignment]
    views_module.anchor_columns = anchoring  # type: ignore[assignment]
    try:
        package.edit("sources", 3, title="A title no other test writes (no figure read again)")
        package.validate()
        after_title = {"corroborated": list(corroborated), "anchor_columns": list(anchored)}
        package.edit("indicators", 3, note="a note no other test writes (corroboration kept)")
        package.validate()
        after_note = list(corroborated)
        package.edit("indicators", 3, value_text="8.0625亿元")
        package.validate()
    finally:
        corroboration_module.corroborated = roles  # type: ignore[assignment]
        views_module.anchor_columns = anchors  # type: ignore[assignment]

    package.edit("indicators", 2, value_text="999亿元")
    kept = package.validate()
    frames, texts, hashes, keys = semantic_inputs(package.root)
    with forgotten():
        # One fresh start for two proofs: the semantic layer without the notes, every answer made anew (for
        # test_the_columns_left_out_of_the_semantic_layer_change_nothing_it_reports), then the validation, which
        # finds only answers made anew from this copy in reach, as in a fresh process.
        unnoted = check_semantics({name: without_unread(frame) for name, frame in frames.items()}, texts, hashes, keys)
        fresh = package.validate()
    indicator = package.rows("indicators")[1]["indicator"]
    alike = sum(r["indicator"] == indicator for r in package.rows("indicators"))
    return Steps(package.root, first, checked, read, after_title, after_note, corroborated, alike, kept, fresh, unnoted)


def semantic_inputs(root: Path) -> tuple[dict[str, pd.DataFrame], Any, Any, Any]:
    """The frames (notes included) of the package at `root`, the shared archive's texts and hashes where there is
    one, and the foreign keys: what check_semantics reads."""
    descriptor = read_descriptor(root)
    reads = {name: read_resource(root, resource(descriptor, name)) for name in tde.tables(root)}
    frames = {name: finished(read, reads) for name, read in reads.items()}
    texts, hashes, _ = read_archive(SHARED_ARCHIVE, frames["sources"]) if SHARED_ARCHIVE.is_dir() else (None, None, [])
    return frames, texts, hashes, foreign_keys(root)


def test_a_second_validation_in_one_process_equals_a_fresh_one(steps: Steps) -> None:
    """Validate, edit one quote so that its rules fire, validate again: what a fresh process reports."""
    assert steps.kept.to_dict() == steps.fresh.to_dict()
    assert {p.rule for p in steps.kept.errors if p.row == 2} - {p.rule for p in steps.first.errors if p.row == 2}


def test_an_added_or_edited_row_is_the_only_one_a_per_row_rule_checks_again(steps: Steps) -> None:
    """After one validation, a copy with one row added runs each per-row rule on that row alone, and reports what a
    fresh process reports (the row is kept as added through the later steps)."""
    assert steps.checked and max(steps.checked) <= 2  # the new row (and, for a rule reading a group, the row it joins)
    assert steps.kept.to_dict() == steps.fresh.to_dict()


def test_an_edited_or_added_row_is_the_only_one_read_again(steps: Steps) -> None:
    """After one validation, a copy with one quote edited and one row added reads those two rows alone for the
    quotes' and the anchors' readings, and reports what a fresh process reports."""
    assert steps.read == {"quote_view": [2], "anchor_columns": [2]}
    assert steps.kept.to_dict() == steps.fresh.to_dict()


def test_the_corroboration_is_read_again_only_after_an_edit_of_a_column_it_reads(steps: Steps) -> None:
    """The roles of every figure (corroborated) are kept by the columns they read (CORROBORATION_READS): a copy with
    one note edited reuses them, a copy with one value_text edited reads the rows of that row's indicator anew (a
    series is one indicator's) and reports what a fresh process reports."""
    assert steps.after_note == []
    assert steps.corroborated == [steps.indicator_rows]  # the edited row's indicator's rows alone (kept_groups)
    assert steps.kept.to_dict() == steps.fresh.to_dict()


def test_an_edit_of_a_column_no_figure_reading_reads_reads_no_figure_again(steps: Steps) -> None:
    """The roles and the anchors are kept by the columns they read of the reference tables too
    (CORROBORATION_TABLE_READS, ANCHOR_TABLE_READS): a source's title, which neither reads, edited reads no row."""
    assert steps.after_title == {"corroborated": [], "anchor_columns": []}
    assert steps.kept.to_dict() == steps.fresh.to_dict()


def test_a_package_validated_again_unchanged_builds_no_view(package: PackageCopy) -> None:
    """The semantic layer is kept by the content of all it reads (answers.kept_whole): the same copy validated again
    builds no view and reports what it reported; one edited cell, or another rule object, is checked anew."""
    from tongxiang_digital_economy.semantics import validation

    first = package.validate()
    built: list[int] = []
    original = validation.views

    def counting(frames: dict[str, pd.DataFrame], *args: Any) -> Any:
        built.append(len(frames))
        return original(frames, *args)

    validation.views = counting  # type: ignore[assignment]
    try:
        again = package.validate()
        unbuilt = list(built)
        # the same rules, one of them another object (as a patched rule is): checked anew
        validation.RULES = [dataclasses.replace(RULES[0]), *RULES[1:]]  # type: ignore[misc]
        package.validate()
        other_rules = len(built) - len(unbuilt)
        package.edit("indicators", 3, note="a note no other test writes (whole kept)")
        noted = package.validate()
        after_note = len(built)
        package.edit("indicators", 3, evidence=package.rows("indicators")[1]["evidence"] + "(整体再查)")
        package.validate()
    finally:
        validation.views = original  # type: ignore[assignment]
        validation.RULES = RULES  # type: ignore[misc]
    assert unbuilt == []
    assert other_rules == 1
    assert after_note == 1  # no rule or reading reads a note (validation.UNREAD): the kept report is the copy's
    assert len(built) == 2
    assert again.to_dict() == first.to_dict()
    assert [p for p in noted.problems if p.layer == "semantics"] == [
        p for p in first.problems if p.layer == "semantics"
    ]


def test_the_columns_left_out_of_the_semantic_layer_change_nothing_it_reports(steps: Steps) -> None:
    """The semantic layer is not given the notes (validation.UNREAD): a copy's semantic problems (the steps' copy,
    the shipped package with a few rows edited and added) are the same with them, so no rule or reading reads them
    (one that did would answer from a kept report)."""
    from tongxiang_digital_economy.semantics import validation

    frames, texts, hashes, keys = semantic_inputs(steps.root)
    assert any("note" in frame.columns for frame in frames.values())
    assert not any(c in validation.without_unread(f).columns for f in frames.values() for c in validation.UNREAD)
    # With the notes, kept answers may serve (a kept answer is a fresh one: the tests above); without them
    # (steps.unnoted), every answer was made anew, as one kept by the columns a rule declares would not see a note
    # it reads.
    given = validation.check_semantics(frames, texts, hashes, keys)
    assert given == steps.unnoted
    assert given  # the copy has semantic findings (errors and warnings): the comparison compares something


def test_an_edit_where_no_key_is_reads_no_foreign_key_and_no_profile_again(
    package: PackageCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stamped edit of a note changes the file's digest and the descriptor's hash, and neither the foreign keys'
    values nor the descriptor's form: no foreign key is checked again (they are kept by the key's values) and the
    Data Package profile is not asked again (a descriptor valid apart from its files' digests and sizes is valid);
    an edit of a key's value checks that key again and finds its orphan."""
    from frictionless import Package

    from tongxiang_digital_economy.io import reader

    package.validate()
    checked: list[str] = []
    asked: list[int] = []
    orphans, profile = reader.orphans, Package.metadata_validate

    def counting(name: str, *args: Any) -> Any:
        checked.append(name)
        return orphans(name, *args)

    def asking(descriptor: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(1)
        return profile(descriptor, *args, **kwargs)

    monkeypatch.setattr(reader, "orphans", counting)
    monkeypatch.setattr(Package, "metadata_validate", asking)
    package.edit("indicators", 3, note="a note no other test writes (keys kept)")
    assert package.validate().valid
    assert (checked, asked) == ([], [])
    package.edit("indicators", 3, unit="no-such-unit-here")
    report = package.validate()
    assert checked == ["indicators"]
    assert [(p.row, p.rule) for p in report.errors if p.field == "unit"][:1] == [(3, "foreign-key")]


def test_a_column_s_arrow_array_is_the_one_it_holds_and_none_without_arrow() -> None:
    """What is kept of a column is kept by its Arrow array's identity (column_keys.by_array): io.arrays.arrow_of gives
    the array a pandas Arrow column holds, the same object on every call and for a selection of the column, and
    None for a column of numpy or of pandas' masked arrays (whose protocol answer is a new array per call)."""
    texts = pd.Series(["a", None, "b"], dtype="string[pyarrow]")
    numbers = pd.Series([1, None], dtype="int64[pyarrow]")
    assert arrow_of(texts) is arrow_of(texts) is arrow_of(pd.DataFrame({"t": texts})["t"])
    assert arrow_of(numbers).to_pylist() == [1, None]
    assert arrow_of(pd.Series([1, 2])) is None
    assert arrow_of(pd.Series([1, None], dtype="Int64")) is None


def test_an_edited_table_read_again_shares_the_columns_the_edit_did_not_touch(package: PackageCopy) -> None:
    """A table whose file changed is read anew, but a column whose values did not change is the very Arrow array of
    the read before (io.reader.share_unchanged_columns), so what was made of it (its key, column_keys.by_array) is kept;
    the edited column is new and holds the edit."""

    def frame() -> pd.DataFrame:
        descriptor = read_descriptor(package.root)
        read = read_resource(package.root, resource(descriptor, "indicators"))
        assert read.frame is not None
        return read.frame

    before = frame()
    package.edit("indicators", 2, note="a note no other test writes (columns shared)")
    after = frame()
    arrow = {c for c in after.columns if arrow_of(after[c]) is not None}
    shared = {c for c in arrow if arrow_of(after[c]) is arrow_of(before[c])}
    assert "evidence" in shared
    assert shared == arrow - {"note"}
    assert after["note"].iloc[0] == "a note no other test writes (columns shared)"


def test_an_edited_place_reads_each_span_for_that_place_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """places_named keeps whether a span names a place by the place's names and the span: an edited places row
    reads every span again for that place only (counted), and answers as a fresh reading of that place does."""
    places, evidence = tde.load("places"), tde.load("indicators")["evidence"]
    before = quotes_module.places_named(evidence, places)
    local = places.index[places["level"].isin(quotes_module.LOCAL_LEVELS)]
    edited = places.copy()
    edited.loc[local[0], "name_zh"] = "乌镇"  # a name many spans hold
    asked: list[tuple[str, ...]] = []
    real = quotes_module.names_in
    monkeypatch.setattr(quotes_module, "names_in", lambda e, listed: asked.append(tuple(listed)) or real(e, listed))
    after = quotes_module.places_named(evidence, edited)
    place = edited.loc[local[0]]
    names = tuple(names_of(place["name"], place["name_zh"], place["aliases"]))
    assert set(asked) == {names} and len(asked) == evidence.nunique()
    for span, was, now in zip(evidence, before, after, strict=True):
        assert now - {place["place_id"]} == was - {place["place_id"]}
        assert (place["place_id"] in now) == real(span, list(names))
