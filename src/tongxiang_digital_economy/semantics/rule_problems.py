"""One rule on one view as Problems (validation.run_rules runs them all): the failing rows, a row left out where
the reader refused a cell the rule reads, and each message filled from its row (a cell quoted short, a date with
four digits of year, a column the view lacks as <missing>).
"""

from __future__ import annotations

import re
import string
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..core import problems as P
from ..core.exceptions import RuleCrash
from ..core.report import Problem, problem
from ..core.suggest import EXCERPT, QUOTED
from ..io.load import decimal_text
from .column_keys import ColumnKeys
from .derived import DERIVED_FROM, LISTINGS
from .rules import Rule, rule_answer
from .shipped_words import shipped_fields


def run_rule(
    rule: Rule,
    view: pd.DataFrame,
    refused: dict[tuple[str | None, int | None], set[str | None]],
    columns: ColumnKeys | None = None,
) -> list[Problem]:
    """One rule on one view: a Problem per failing row, its message filled from the row.

    A rule that declares its inputs runs on the view restricted to them, its answer kept by their content
    (semantics/answers.py; `columns`: the view's column keys, shared by the rules of one view)."""
    declared = rule.inputs
    try:
        failing = view.index[~rule_answer(rule, view, columns)]
    except KeyError as exc:
        if declared is not None and exc.args and exc.args[0] in view.columns and exc.args[0] not in declared:
            raise RuleCrash(
                f"rule {rule.id!r} crashed: it read the column {exc.args[0]!r}, which its declaration (reads, needs) "
                "does not name"
            ) from exc
        if not (exc.args and isinstance(exc.args[0], str) and exc.args[0] in shipped_fields(rule.table)):
            raise RuleCrash(f"rule {rule.id!r} crashed: KeyError: {exc}") from exc
        # A column of the table the package's schema does not have (a fork of an older release): said, not crashed.
        message = (
            f"rule {rule.id} did not run: the package's {rule.table} table has no column {exc.args[0]} (its Table "
            "Schema is older than this validator): add the column, or validate with the release it was made for"
        )
        return [problem(P.RULES_NOT_RUN, rule.table, None, None, message)]
    except Exception as exc:  # a rule that raises is a bug in the rule, not a fault of the data
        raise RuleCrash(f"rule {rule.id!r} crashed: {type(exc).__name__}: {exc}") from exc
    if not len(failing):
        return []
    inputs = inputs_of(rule, view) if refused else set()
    named = [c for c in template_fields(rule.message) if c in view.columns]
    related = [rule.related] if rule.related and rule.related in view.columns else []
    rows = view.loc[failing, list(dict.fromkeys(named + related))]
    found = []
    shared: dict[int, tuple[str, ...]] = {}  # a group's id list is one object for all its rows: convert it once
    for index, values in zip(rows.index, rows.to_dict("records"), strict=True):
        line = int(index) + 2
        blocked = refused.get((rule.table, line))
        if blocked is not None and (None in blocked or blocked & inputs):
            continue
        ids = values.get(rule.related) if related else None
        message = format_message(rule.message, {str(k): v for k, v in values.items()})
        found.append(
            Problem(
                rule.table,
                line,
                rule.field,
                rule.id,
                rule.severity,
                message,
                "semantics",
                as_ids(ids, shared) if isinstance(ids, (tuple, list, np.ndarray)) else (),
            )
        )
    return found


def as_ids(ids: Any, shared: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    """A row's related ids as a tuple, converted once per list object (a group's rows share one)."""
    key = id(ids)
    if key not in shared:
        shared[key] = tuple(str(i) for i in ids)
    return shared[key]


def inputs_of(rule: Rule, view: pd.DataFrame) -> set[str | None]:
    """The table's own fields the rule reads: found by running it on the view's empty head, derived and joined
    columns traced back to the fields they come from (derived.DERIVED_FROM)."""
    probe = Reading(view.iloc[:0])
    object.__setattr__(probe, "_reads", set())
    try:
        rule.check(probe)
    except Exception:  # the real run reports a crash with its cause
        return {None}
    fields: set[str | None] = set()
    for column in object.__getattribute__(probe, "_reads"):
        if "__" in column:
            fields.add(column.partition("__")[0])
        else:
            fields.update(DERIVED_FROM.get(column, (column,)))
    return fields


class Reading(pd.DataFrame):
    """A frame that remembers the columns read from it (by `frame[column]` or `frame[[columns]]`)."""

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return pd.DataFrame

    def __getitem__(self, key: Any) -> Any:
        keys = key if isinstance(key, list) else [key]
        object.__getattribute__(self, "_reads").update(k for k in keys if isinstance(k, str))
        return pd.DataFrame.__getitem__(self, key)


def template_fields(template: str) -> list[str]:
    """The columns a rule's message names ({value_text!r} names value_text; {a+b:given} names a and b)."""
    return [
        column
        for _, name, _, _ in string.Formatter().parse(template)
        if name
        for column in name.split(".")[0].split("[")[0].split("+")
    ]


def short(text: str) -> str:
    """A value as a rule message quotes it: whole up to QUOTED characters, else cut, with its length."""
    return text if len(text) <= QUOTED else f"{text[:EXCERPT]}… ({len(text)} characters)"


def format_message(template: str, row: dict[str, Any]) -> str:
    """The rule's message with the row's values filled in (missing ones, and columns the view lacks, as <missing>).

    A message quotes a short excerpt of a cell, never a whole one (an archived text, a megabyte of note); the
    listings of other rows (LISTINGS) are bounded where they are made, and complete in the Problem's `related`.
    A field written `{name_zh!r:|no Chinese name}` reads the words after `|` where the row has no value, and one
    written `{place_id+project_id:given}` names the columns the row fills, each with its value (`empty_words`).
    """
    template = empty_words(template, row)
    values: dict[str, Any] = {}
    for k, v in row.items():
        if not isinstance(v, pd.Timestamp) and pd.api.types.is_scalar(v) and pd.isna(v):
            v = "<missing>"
        elif isinstance(v, float):
            v = decimal_text(v)
        elif isinstance(v, date):
            v = Day(v)
        if isinstance(v, str) and str(k) not in LISTINGS:
            v = short(v)
        values[str(k)] = v
    try:
        return template.format_map(Missing(values))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        plain = re.sub(r"\{(\w+)(![rs])?:[^}]*\}", r"{\1}", template)
        return plain.format_map(Missing({k: str(v) for k, v in values.items()}))


def empty_words(template: str, row: dict[str, Any]) -> str:
    """`template` with each field written `{column!r:|words}` as `words` where the row has no value in `column` (an
    empty cell, or a column the view lacks) and as `{column!r}` where it has one: a rule says what is missing in
    words ("the row gives no Chinese name"), never `'<missing>'` (trial 16 m4). A field written `{a+b+c:given}` names
    the columns among a, b and c that the row fills, each with its value (`place_id tongxiang`), and `none given` where
    it fills none: a subject is the one column of three a row gives, not two `none`s beside it (trial 18 m1)."""
    if ":|" not in template and f":{GIVEN}}}" not in template:
        return template
    out = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if spec == GIVEN:
            given = [column for column in name.split("+") if not no_value(row.get(column))]
            out.append(", ".join(f"{column} {{{column}}}" for column in given) or "none given")
            continue
        if spec and spec.startswith("|"):
            if no_value(row.get(name)):
                out.append(spec[1:].replace("{", "{{").replace("}", "}}"))
                continue
            spec = ""
        out.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


# The format spec of a field that names the columns a row fills: `{place_id+enterprise_id+project_id:given}`.
GIVEN = "given"


def no_value(value: Any) -> bool:
    """Whether a message's value is none: an empty cell (null, NaN, ''), or a column the view lacks (None)."""
    if isinstance(value, str):
        return not value
    return value is None or bool(pd.api.types.is_scalar(value) and pd.isna(value))


class Day:
    """A date as a message writes it: `%Y` always four digits (0001-01-01, where strftime writes 1-01-01)."""

    def __init__(self, value: date) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec.replace("%Y", f"{self.value.year:04d}"))

    def __str__(self) -> str:
        return str(self.value)


class Missing(dict[str, Any]):
    """Values for a message: a column the view lacks (a join that was skipped) reads <missing>, never a KeyError."""

    def __missing__(self, key: str) -> str:
        return "<missing>"
