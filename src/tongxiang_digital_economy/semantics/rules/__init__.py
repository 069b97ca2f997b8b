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

# The rules, by what they are about; importing each module registers its rules in RULES, in this order.
from . import (  # noqa: F401  (isort: keep this order)
    agreement,
    anchors,
    events,
    figures,
    identity,
    period_quotes,
    periods,
    provenance,
    quotes,
    sources,
)
from .registry import RULES, Rule, each_row, known, missing, needs_of, reads_of, rule, rule_answer

__all__ = ["RULES", "Rule", "each_row", "known", "missing", "needs_of", "reads_of", "rule", "rule_answer"]
