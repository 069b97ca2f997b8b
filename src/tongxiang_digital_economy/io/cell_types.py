"""A column's text in its Table Schema type, and the cells that do not fit it or its constraints (step 3 of
io/reader.py).

Each field's text is checked and converted per its type, format, missing values and constraints with pyarrow
compute kernels; a cell that fails is null in the typed column and flagged in a mask. Numbers are stricter than
frictionless: ASCII digits only, no surrounding spaces, no NaN or infinity (a 1e309 overflows to infinity).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..core.report import a_or_an, count
from ..schema.types import DATE, INTEGER, NUMBER, YEAR, arrow_type
from ..schema.types import TYPES as FIELD_TYPES
from .cell_problems import Hint, literal, suggester
from .csv_text import TEXT
from .forms import pattern_form, such_as

# The types, their formats and constraints, and their Arrow types: schema/types.py, shared with the exports.
TYPES = {name: t.formats for name, t in FIELD_TYPES.items()}
CONSTRAINTS = {name: t.constraints for name, t in FIELD_TYPES.items()}

TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
FORMATS = {
    "uri": r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$",
    "email": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    "uuid": r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
}
INT64_MAX = 2**63 - 1
ARROW_TYPES = {name: arrow_type(t.arrow) for name, t in FIELD_TYPES.items()}
PANDAS_TYPES = {
    TEXT: pd.StringDtype("pyarrow"),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def full_match(text: pa.ChunkedArray, pattern: str) -> np.ndarray:
    """Where the text matches `pattern` as a whole (RE2, so \\d and [0-9] are ASCII only)."""
    try:
        return np.asarray(pc.match_substring_regex(text, f"^(?:{pattern})$"), dtype=bool)
    except pa.ArrowInvalid:
        # A pattern RE2 cannot run (look-around, back-reference): Python's re, once per distinct value.
        compiled = re.compile(pattern)
        values = pd.Series(text.to_numpy(zero_copy_only=False))
        return values.map(lambda v: compiled.fullmatch(v) is not None).to_numpy(dtype=bool)


def with_nulls(column: pa.ChunkedArray, null: np.ndarray) -> pa.ChunkedArray:
    """`column` with the cells of `null` set to null, sharing its data buffers (no copy of the strings)."""
    chunks, at = [], 0
    for chunk in column.chunks:
        n = len(chunk)
        part = null[at : at + n]
        at += n
        if not part.any():
            chunks.append(chunk)
            continue
        if chunk.offset or chunk.null_count:
            chunks.append(pc.if_else(pa.array(part), pa.scalar(None, chunk.type), chunk))
            continue
        validity = pa.py_buffer(np.packbits(~part, bitorder="little"))
        chunks.append(
            pa.Array.from_buffers(chunk.type, n, [validity, *chunk.buffers()[1:]], null_count=int(part.sum()))
        )
    return pa.chunked_array(chunks, type=column.type)


def chunked(values: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    return values if isinstance(values, pa.ChunkedArray) else pa.chunked_array([values])


def fast_cast(present: pa.ChunkedArray, kind: str) -> pa.ChunkedArray | None:
    """Arrow's own parse of every present cell, or None when some cell does not parse (the slow path says which).

    Arrow's parsers are ASCII-only and refuse spaces, like the Table Schema types here; what they accept beyond
    them (NaN and infinity for numbers, a time after a date) is refused by the caller.
    """
    target = {"integer": pa.int64(), "number": pa.float64(), "date": pa.timestamp("s")}[kind]
    try:
        return pc.cast(present, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def type_column(f: dict[str, Any], text: pa.ChunkedArray, missing: np.ndarray) -> tuple[pa.ChunkedArray, np.ndarray]:
    """The column in its type (missing and invalid cells null) and the mask of present cells that do not fit."""
    kind, fmt = f.get("type", "string"), f.get("format", "default")
    present = with_nulls(text, missing)
    if kind == "string":
        wrong = ~full_match(text, FORMATS[fmt]) if fmt in FORMATS else np.zeros(len(text), dtype=bool)
        return present, wrong & ~missing
    if kind == "boolean":
        true, false = f.get("trueValues", TRUE_VALUES), f.get("falseValues", FALSE_VALUES)
        is_true = np.asarray(pc.is_in(text, pa.array(true, TEXT)), dtype=bool)
        ok = is_true | np.asarray(pc.is_in(text, pa.array(false, TEXT)), dtype=bool)
        return with_nulls(chunked(pa.array(is_true, pa.bool_())), missing | ~ok), ~ok & ~missing
    if kind in ("integer", "number", "date"):
        typed = fast_cast(present, kind)
        if typed is not None:
            ok = np.ones(len(text), dtype=bool)
            if kind == "number":
                ok = np.asarray(pc.fill_null(pc.is_finite(typed), True), dtype=bool)
            elif kind == "integer":  # Arrow also reads 0x1 as 1: only decimal digits are integers here
                ok = full_match(text, INTEGER) | missing
            elif kind == "date":
                ok = np.asarray(pc.equal(pc.binary_length(text), 10), dtype=bool) & not_year_zero(typed)
            # A refused cell is null, as on the slow path below: a rule must never read a value the reader refused.
            return (typed if ok.all() else with_nulls(typed, missing | ~ok)), ~ok & ~missing
    if kind in ("integer", "year"):
        ok = full_match(text, INTEGER if kind == "integer" else YEAR)
        long = ok & (np.asarray(pc.utf8_length(text)) >= 19)
        for i in np.flatnonzero(long):
            ok[i] = abs(int(text[int(i)].as_py())) <= INT64_MAX
        clean = pc.replace_substring_regex(pc.if_else(pa.array(ok), text, "0"), r"^\+", "")
        return with_nulls(chunked(pc.cast(clean, pa.int64())), missing | ~ok), ~ok & ~missing
    if kind == "number":
        ok = full_match(text, NUMBER)
        values = pc.cast(pc.if_else(pa.array(ok), text, "0"), pa.float64())
        ok &= np.asarray(pc.is_finite(values), dtype=bool)
        return with_nulls(chunked(values), missing | ~ok), ~ok & ~missing
    if kind == "date":
        ok = full_match(text, DATE)
        # A month 13 is no date (null); strptime rolls 2020-02-30 over to March; a real day prints back as itself.
        chosen = pc.if_else(pa.array(ok), text, "2000-01-01")
        parsed = pc.strptime(chosen, format="%Y-%m-%d", unit="s", error_is_null=True)
        same = pc.fill_null(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), text), False)
        ok &= np.asarray(same, dtype=bool) & not_year_zero(parsed)
        parsed = pc.if_else(pa.array(ok), parsed, pa.scalar(0, pa.timestamp("s")))
        return with_nulls(chunked(parsed), missing | ~ok), ~ok & ~missing
    raise AssertionError(f"unsupported type {kind!r} passed the schema check")


def on_calendar(text: pa.ChunkedArray) -> np.ndarray:
    """Where the day a cell writes (`2014-11-30`, `../2014-11-18`) is a day on the calendar, or the cell writes no
    day (`2014-11`, `2014`): 2014-11-31 and 2019-02-30 match a date form's pattern but are no day, so the rules
    that read the date would skip the row without a word (trial 15 W3). As the date type reads a day: strptime
    rolls 2019-02-30 over to March, a real day prints back as itself; year 0000 is no day of Python's, nor a year
    or month of one (`0000`, `0000-06`)."""
    days = pc.struct_field(pc.extract_regex(text, r"(?P<day>\d{4}-\d{2}-\d{2})"), "day")
    written = np.asarray(pc.is_valid(days), dtype=bool)
    chosen = pc.fill_null(days, "2000-01-01")
    parsed = pc.strptime(chosen, format="%Y-%m-%d", unit="s", error_is_null=True)
    same = np.asarray(pc.fill_null(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), chosen), False), dtype=bool)
    # A year or month alone (`0000`, `0000-06`) writes no day, but year 0000 is in no calendar the rules read
    # (trial 15 W9: they went silent on it, as on 2014-11-31).
    year_zero = np.asarray(pc.fill_null(pc.match_substring_regex(text, r"^(\.\./)?0000(-|$)"), False), dtype=bool)
    taken: np.ndarray = (~written | (same & not_year_zero(parsed))) & ~year_zero
    return taken


def not_year_zero(days: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Where a day is not in year 0000: a day of Arrow's calendar but of no Python date (datetime.MINYEAR is 1),
    so a row holding it loaded and then crashed every reader that asked Python for its day (trial 12 W2)."""
    return np.asarray(pc.fill_null(pc.not_equal(pc.year(days), 0), True), dtype=bool)


def fits(f: dict[str, Any], text: str) -> bool:
    """Whether `text`, as a CSV cell, is a value of field `f`'s type: the reader's own verdict on one cell, so that
    a filter (`show --where year=abc`) can refuse a value no row can hold rather than silently match nothing."""
    column = pa.chunked_array([pa.array([text], TEXT)])
    return not bool(type_column(f, column, np.zeros(1, dtype=bool))[1][0])


def scalar(f: dict[str, Any], value: object) -> object:
    """A constraint bound or enum value in the field's type. Table Schema lets it be written as text the field's
    type reads ("minimum": "2" on an integer, "enum": ["true"] on a boolean): such text is read like a cell;
    `unsupported` has refused text the type cannot read."""
    kind = f.get("type", "string")
    if not isinstance(value, str) or kind == "string":
        return value
    if kind == "date":
        return pd.Timestamp(value).to_datetime64().astype("datetime64[s]")
    if kind in ("integer", "year"):
        return int(value.removeprefix("+"))
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return value in f.get("trueValues", TRUE_VALUES)
    return value


def readable(f: dict[str, Any], value: object) -> bool:
    """Whether a constraint value written as text is one the field's type reads (see `scalar`)."""
    kind = f.get("type", "string")
    if not isinstance(value, str) or kind == "string":
        return True
    patterns = {"integer": INTEGER, "year": YEAR, "number": NUMBER, "date": DATE}
    if kind == "boolean":
        return value in f.get("trueValues", TRUE_VALUES) + f.get("falseValues", FALSE_VALUES)
    if kind == "date" and re.fullmatch(DATE, value):
        return not pd.isna(pd.to_datetime(value, format="%Y-%m-%d", errors="coerce"))
    return kind in patterns and re.fullmatch(patterns[kind], value) is not None


def check_constraints(
    name: str, f: dict[str, Any], text: pa.ChunkedArray, typed: pa.ChunkedArray, present: np.ndarray
) -> list[tuple[np.ndarray, str, Hint | None]]:
    """(mask of failing cells, message template, its `{hint}` for a cell) for each constraint of the field, on cells
    that are present. An enum's hint is core.suggest's "did you mean" (`GT` for `gt`)."""
    c = f.get("constraints", {})
    out: list[tuple[np.ndarray, str, Hint | None]] = []
    if "enum" in c:
        allowed = [v for v in c["enum"]]
        if f.get("type", "string") == "string":
            inside = np.asarray(pc.is_in(text, pa.array([str(v) for v in allowed], TEXT)), dtype=bool)
        else:
            values = pd.Series(typed.to_pandas())
            inside = values.isin([scalar(f, v) for v in allowed]).to_numpy(dtype=bool)
        listed = literal(", ".join(map(str, allowed)))
        hint = suggester([str(v) for v in allowed])
        out.append((present & ~inside, "{cell} is not one of " + listed + ": {hint}use one of them", hint))
    if "pattern" in c:
        # Its form in the schema's words (io/forms.py); a date held as text must also be a day on the calendar
        # (trial 15 W3).
        taken = full_match(text, c["pattern"])
        form = pattern_form(f)
        if form.is_date:
            taken &= on_calendar(text)
        out.append((present & ~taken, "{cell} " + literal(form.fault), None))
    if "minLength" in c or "maxLength" in c:
        length = np.asarray(pc.utf8_length(text))
        if "minLength" in c:
            out.append(
                (
                    present & (length < c["minLength"]),
                    f"{{cell}} is shorter than {count(c['minLength'], 'character')}: write at least "
                    f"{count(c['minLength'], 'character')}",
                    None,
                )
            )
        if "maxLength" in c:
            out.append(
                (
                    present & (length > c["maxLength"]),
                    f"{{cell}} is longer than {count(c['maxLength'], 'character')}: shorten it to "
                    f"{count(c['maxLength'], 'character')} or fewer",
                    None,
                )
            )
    # Each bound said with the values it allows: "'0' is less than 1" named the fault, not the fix (trial 13 m5).
    comparisons = {
        "minimum": (pc.less, "less than {}: give {} or more"),
        "exclusiveMinimum": (pc.less_equal, "not more than {}: give more than {}"),
        "maximum": (pc.greater, "more than {}: give {} or less"),
        "exclusiveMaximum": (pc.greater_equal, "not less than {}: give less than {}"),
    }
    for key, (fails, words) in comparisons.items():
        if key in c:
            bound = pa.scalar(scalar(f, c[key]), typed.type)
            failed = np.asarray(pc.fill_null(fails(typed, bound), False), dtype=bool)
            out.append((present & failed, "{cell} is " + literal(words.format(c[key], c[key])), None))
    return out


def empty(column: pa.ChunkedArray) -> np.ndarray:
    """Where the cells are empty strings (from the offsets alone: no string is read)."""
    return np.asarray(pc.equal(pc.binary_length(column), 0), dtype=bool)


# A string format in words (trial 13 m5: "is not a valid uri string" said neither what a URI is nor what to give).
FORMAT_WORDS = {
    "uri": "URI (an absolute address with its scheme, such as https://…)",
    "email": "email address (name@host)",
    "uuid": "UUID (32 hexadecimal digits in groups 8-4-4-4-12)",
    "binary": "base64 string",
}


def required_fault(f: dict[str, Any]) -> str:
    """What an empty cell of a required field is told: what to fill in, in the words a wrong value of it is told (its
    values, its form, its type) and its example (trial 17 m2: "fill in a value", where a wrong script was told
    `Latn, Hans, Hant`). Plain text: the caller escapes braces."""
    c = f.get("constraints", {})
    if "enum" in c:
        return "the field is required: fill in one of " + ", ".join(map(str, c["enum"]))
    if "pattern" in c:
        what = pattern_form(f).what
    elif f.get("type", "string") != "string":
        what = a_or_an(describe(f))
    else:
        what = "a value"
    return f"the field is required: fill in {what}{such_as(f, ', such as ')}"


def describe(f: dict[str, Any]) -> str:
    kind, fmt = f.get("type", "string"), f.get("format", "default")
    words = {
        "integer": "integer (ASCII digits, 64-bit)",
        "number": "finite number (ASCII digits, sign, point, exponent as in 6.8e3; no spaces, NaN or infinity)",
        "boolean": "boolean (" + "/".join(f.get("trueValues", TRUE_VALUES) + f.get("falseValues", FALSE_VALUES)) + ")",
        "date": "date (YYYY-MM-DD, a day on the calendar)",
        "year": "year (four ASCII digits)",
        "string": FORMAT_WORDS.get(fmt, f"{fmt} string"),
    }
    return words[kind]
