"""pandera schemas compiled from the Table Schemas, with the semantic rules as named checks.

The Table Schemas stay the one source of column types and constraints: nothing here restates a column. For a
table, `compile_schema` turns each field into a `pandera.Column` (dtype as `load()` gives it, nullable unless
required, unique, enum, minimum/maximum, length, pattern, format), the primary key into the schema's `unique`, each
foreign key into a check against the referenced table's values, and adds the rules of rules.RULES for that table as
dataframe checks named by rule id. `tde.schema("indicators")` returns it, so a frame a user derived (filtered,
merged, edited) can be checked in their own CI:

    >>> tde.schema("indicators").validate(df, lazy=True)

The rules see the frame joined with the package's other tables (rules.views), exactly as `validate` runs them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeAlias

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.engines.pandas_engine import Engine

from ..core.paths import package_dir
from ..io.cell_types import ARROW_TYPES, FORMATS, PANDAS_TYPES
from ..io.load import finished, read_resource
from ..schema.descriptor import enum_order, read_descriptor, resource
from ..schema.keys import foreign_keys, primary_key
from .archive_checks import archive_folder, read_archive, refuse_an_archive_of_none
from .column_keys import ColumnKeys
from .joins import join_keys
from .rules import RULES, Rule, needs_of, reads_of, rule_answer
from .views import views

# A pandera Check constructor taking one bound (Check.ge, Check.le, Check.gt, Check.lt): their stubs name the
# parameter differently (min_value, max_value), so a dict of them needs this common, positional-only type.
BoundCheck: TypeAlias = Callable[[Any], pa.Check]
# The archive's texts and their sha256 by file name, as rules.views takes them.
Archive: TypeAlias = tuple[dict[str, str | None], dict[str, str]]

SELF = pd.DataFrame()  # marks a foreign key into the table itself: checked against the frame being validated


def dtype_of(kind: str) -> Any:
    """The dtype `load()` gives a column of Table Schema type `kind`."""
    if kind == "date":
        return "datetime64[s]"
    return PANDAS_TYPES[ARROW_TYPES[kind]]


def field_checks(f: dict[str, Any]) -> list[pa.Check]:
    """The pandera checks of one field's type format and constraints."""
    c = f.get("constraints", {})
    kind = f.get("type", "string")
    checks = []
    if kind == "number":
        checks.append(pa.Check(lambda s: np.isfinite(s.astype("float64")), name="finite-number"))
    if f.get("format", "default") in FORMATS:
        checks.append(pa.Check.str_matches(FORMATS[f["format"]]))
    if "enum" in c:
        checks.append(pa.Check.isin(c["enum"]))
    if "pattern" in c:
        checks.append(pa.Check.str_matches(f"^(?:{c['pattern']})$"))
    if "minLength" in c or "maxLength" in c:
        checks.append(pa.Check.str_length(c.get("minLength"), c.get("maxLength")))
    bounds: dict[str, BoundCheck] = {"minimum": pa.Check.ge, "maximum": pa.Check.le, "exclusiveMinimum": pa.Check.gt}
    bounds["exclusiveMaximum"] = pa.Check.lt
    for key, make in bounds.items():
        if key in c:
            bound = pd.Timestamp(c[key]) if kind == "date" else c[key]
            checks.append(make(bound))
    return checks


def foreign_key_check(fields: list[str], resource_name: str, target: pd.DataFrame, ref_fields: list[str]) -> pa.Check:
    """A dataframe check: the rows whose key is missing or among the referenced table's keys pass."""
    name = f"foreign-key:{','.join(fields)}->{resource_name}.{','.join(ref_fields)}"

    def passes(df: pd.DataFrame) -> pd.DataFrame | bool:
        ref = df if target is SELF else target
        keys = df[fields]
        known = keys.notna().all(axis=1)
        if len(fields) == 1:
            inside = keys[fields[0]].isin(ref[ref_fields[0]].dropna())
        else:
            inside = pd.Series(
                pd.MultiIndex.from_frame(keys).isin(pd.MultiIndex.from_frame(ref[ref_fields].dropna())),
                index=df.index,
            )
        return one_case_per_row(df, inside | ~known, fields[0])

    return pa.Check(passes, name=name, ignore_na=False)


def one_case_per_row(df: pd.DataFrame, ok: pd.Series, field: str) -> pd.DataFrame | bool:
    """A row check's result in the frame's shape, failing only in the rule's own column: pandera reports a
    boolean Series of a dataframe check once per column of each failing row (25 failure cases for one bad unit,
    trial 4 m7), a frame once per row, with the failing cell (`failure_case` {"unit": "furlong"}).

    A check every row passes is answered `True`: pandera then reports nothing and skips its per-column search
    for failure cases (a `where` over the whole frame and a `dropna` per column, per check: most of a schema
    validation's time, issue 15).

    A failing cell that is missing (a period_end of NaT) is no failure case to pandera, which drops missing values:
    its row's first cell (the key) is marked too, so the row is named (trial 15 W6: the failure cases were empty)."""
    passed = ok.reindex(df.index).fillna(True).astype(bool).to_numpy()
    if passed.all():
        return True
    column = field if field in df.columns else str(df.columns[0])
    out = pd.DataFrame(True, index=df.index, columns=df.columns)
    out[column] = passed
    first = str(df.columns[0])
    if first != column:
        out[first] = passed | df[column].notna().to_numpy()
    return out


def rule_check(
    rule: Rule,
    view_of: Callable[[pd.DataFrame], tuple[pd.DataFrame, ColumnKeys]],
    judged: Callable[[pd.DataFrame], bool] = lambda _df: True,
) -> pa.Check:
    """A rule as a named dataframe check over the shared view of the frame being validated, answered as
    `validate` answers it (rules.rule_answer: on the view restricted to the rule's inputs, the answer kept by
    their content, so a frame `validate` has seen costs a look-up per rule). A frame the rules cannot read as
    `load` gives it (`judged` false: see `judged_frames`) is not judged by them."""

    def passes(df: pd.DataFrame) -> pd.DataFrame | bool:
        if not judged(df):
            return True
        view, columns = view_of(df)
        return one_case_per_row(df, pd.Series(rule_answer(rule, view, columns), index=view.index), rule.field)

    # A warning rule warns (pandera's SchemaWarning) rather than failing, as in `validate`.
    return pa.Check(passes, name=rule.id, ignore_na=False, raise_warning=rule.severity == "warning")


def judged_frames(columns: dict[str, pa.Column], added: frozenset[str]) -> Callable[[pd.DataFrame], bool]:
    """Whether the rules judge a frame: only one that holds the columns `load` adds (`added`: value_base,
    base_unit) and whose every column is of the dtype `load` gives it. Another frame's faults are its missing
    columns and its columns of another dtype, one failure each, which pandera reports; the rules, which read dates
    as dates and numbers as numbers, would add a Python exception per rule or a false failure per row
    (`pd.read_csv`'s text dates: 381 stock-not-at-a-date; trial 15 W6 for missing columns, trial 16 W1 for
    dtypes). A dtype is judged as pandera judges it, so the two never disagree."""
    typed = {name: column.dtype for name, column in columns.items() if column.dtype is not None}

    def judged(df: pd.DataFrame) -> bool:
        if not added <= set(df.columns):
            return False
        return all(name not in df or bool(dtype.check(Engine.dtype(df[name].dtype))) for name, dtype in typed.items())

    return judged


def compile_schema(
    table: str,
    table_schema: dict[str, Any],
    frames: dict[str, pd.DataFrame],
    rules: list[Rule] | None = None,
    archive: Archive | None = None,
    schemas: dict[str, dict[str, Any]] | None = None,
) -> pa.DataFrameSchema:
    """The pandera schema of `table` from its Table Schema, the referenced tables' frames and its rules."""
    columns = {
        f["name"]: pa.Column(
            dtype_of(f.get("type", "string")),
            field_checks(f),
            nullable=not f.get("constraints", {}).get("required", False),
            unique=bool(f.get("constraints", {}).get("unique", False)),
            report_duplicates="exclude_first",  # as the reader does: the repeats, not the first occurrence
            required=True,
            description=f.get("description"),
            title=f.get("title"),
        )
        for f in table_schema["fields"]
    }
    checks: list[pa.Check] = []
    for fields, other, ref_fields in foreign_keys(table_schema):
        target = SELF if not other or other == table else frames.get(other)
        if target is not None:
            checks.append(foreign_key_check(fields, other, target, ref_fields))
    others = {k: v for k, v in frames.items() if k != table}
    shared: dict[str, Any] = {}
    texts, hashes = archive if archive is not None else (None, None)
    needs = needs_of(rules or [])
    rule_reads = reads_of(rules or [])  # the costly readings made: those the compiled rules read
    keys = join_keys(schemas) if schemas is not None else {}
    grades = enum_order(schemas["sources"], "grade") if schemas is not None and "sources" in schemas else None

    def view_of(df: pd.DataFrame) -> tuple[pd.DataFrame, ColumnKeys]:
        """The view of the frame being validated and its column keys: made on the first rule's call, reused by
        the others."""
        if "frame" not in shared:  # called outside CompiledSchema.validate: nothing to share
            view = views({**others, table: df}, texts, hashes, keys, needs, grades, rule_reads)[table]
            return view, ColumnKeys(view)
        if "view" not in shared:
            made = views({**others, table: shared["frame"]}, texts, hashes, keys, needs, grades, rule_reads)[table]
            shared["view"] = (made, ColumnKeys(made))
        view, columns = shared["view"]
        if not view.index.equals(df.index):
            view = view.loc[df.index]
            return view, ColumnKeys(view)
        return view, columns

    # The columns `load` adds to the table (indicators: value_base, base_unit, from the units table), which the rules
    # read: required, so a frame without them fails once per missing column, naming it (trial 15 W6).
    added = frozenset(str(c) for c in frames[table].columns) - set(columns) if table in frames else frozenset()
    for name in sorted(added):
        columns[name] = pa.Column(None, nullable=True, required=True, description=f"added by tde.load ({name})")
    # An info finding (corroborating-values: sources agree) is no check of the frame: agreement is not a problem,
    # so it never surfaces as a SchemaWarning; `validate` counts it in its summary.
    checks += [rule_check(r, view_of, judged_frames(columns, added)) for r in rules or [] if r.severity != "info"]
    pk = primary_key(table_schema)
    compiled = pa.DataFrameSchema(
        columns,
        checks=checks,
        unique=pk or None,
        report_duplicates="exclude_first",
        name=table,
        strict=False,
        ordered=False,
    )
    # The rule checks share one view of the frame, built once per `validate` call: this schema's validate marks
    # the frame being validated and drops the view after (no cache keyed by the frame's id, which a later frame
    # could reuse). pandera finds its backend by the schema's class, so the schema stays a DataFrameSchema.
    validate_all = compiled.validate

    def validate(check_obj: pd.DataFrame, *args: Any, **kwargs: Any) -> pd.DataFrame:
        # A shallow copy without `attrs` is validated: pandas deep-copies a frame's attrs (tde.load's column
        # descriptions and citation) into every frame made from it, and pandera makes hundreds. The frame
        # returned carries the user's attrs again.
        bare = check_obj.copy(deep=False)
        bare.attrs = {}
        shared["frame"] = bare
        try:
            checked = validate_all(bare, *args, **kwargs)
        finally:
            shared.clear()
        if isinstance(checked, pd.DataFrame) and check_obj.attrs:
            checked.attrs = copy.deepcopy(check_obj.attrs)
        return checked

    object.__setattr__(compiled, "validate", validate)
    return compiled


def schema(table: str, path: str | Path | None = None, archive: str | Path | None = None) -> pa.DataFrameSchema:
    """The pandera DataFrameSchema of a table of the package (default: the shipped one), rules included.

    With `archive` (a folder of source texts) the rules that need it are included too; a missing folder, a file or
    a folder holding none of the texts is refused (ArchiveNotFoundError) as `validate` refuses it.
    """
    base = package_dir(path)
    descriptor = read_descriptor(base)
    table_schema = read_resource(base, resource(descriptor, table)).schema
    reads = {read.name: read for read in (read_resource(base, res) for res in descriptor["resources"])}
    # The frames as `load()` gives them (indicators with value_base): the rules' views are built from these.
    frames = {name: finished(read, reads) for name, read in reads.items() if read.frame is not None}
    texts: Archive | None = None
    if archive is not None:
        folder = archive_folder(archive)
        archive_texts, hashes, _problems = read_archive(folder, frames.get("sources"))
        refuse_an_archive_of_none(folder, frames.get("sources"), hashes)
        texts = (archive_texts, hashes)
    rules = [r for r in RULES if r.table == table and (archive is not None or not r.needs_archive)]
    schemas = {name: read.schema for name, read in reads.items() if isinstance(read.schema, dict)}
    return compile_schema(table, table_schema, frames, rules, texts, schemas)
