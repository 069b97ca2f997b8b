"""The semantic rules: what a Table Schema cannot say, checked on every row with pandera.

Column types, required fields, enums, ranges, lengths, patterns and keys live in the Table Schemas; nothing here
restates them. What is here needs more than one column or more than one table: a figure against its quote
(`value_text`: number, sign, scale and unit words, qualifier words), its quote against its evidence and the
evidence against the archived text, the subject a figure is about, stocks and flows, periods against publication
dates, and figures of different sources that agree or disagree.

Each rule is declared once, in RULES, with a stable kebab-case id, the table and field it reports on, its
severity, a message that says how to fix the row (formatted with the row's own values), and the columns of
referenced tables it reads (`needs`, joined along the schemas' foreign keys by views.py). Each check takes the
table's view and returns a boolean Series, True where the row passes; rows whose inputs are missing pass,
because another check (usually the Table Schema) reports those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ...core.report import Severity
from ..views import views

__all__ = ["RULES", "Rule", "views"]

Check = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Rule:
    id: str
    table: str
    field: str
    message: str
    check: Check
    severity: Severity = "error"
    needs_archive: bool = False
    needs: tuple[str, ...] = ()


RULES: list[Rule] = []


def rule(
    id: str,
    table: str,
    field: str,
    message: str,
    severity: Severity = "error",
    needs_archive: bool = False,
    needs: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Declare a rule: the decorated function is its check."""

    def register(check: Check) -> Check:
        RULES.append(Rule(id, table, field, message, check, severity, needs_archive, needs))
        return check

    return register


def known(*columns: pd.Series) -> pd.Series:
    """True where every one of the columns has a value."""
    mask = pd.Series(True, index=columns[0].index)
    for column in columns:
        mask &= column.notna()
    return mask


def each_row(view: pd.DataFrame, columns: list[str], passes: Callable[..., bool]) -> pd.Series:
    """A check evaluated row by row in Python, for the string work pandas cannot vectorise."""
    values = zip(*(view[c] for c in columns), strict=True)
    return pd.Series([bool(passes(*row)) for row in values], index=view.index, dtype=bool)


def missing(value: object) -> bool:
    return value is None or (not isinstance(value, (str, tuple, frozenset)) and bool(pd.isna(value)))


# The rules, by what they are about; importing each module registers its rules in RULES, in this order.
from . import agreement, anchors, figures, periods, provenance, quotes, sources  # noqa: E402, F401
