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

# The rules, by what they are about. Importing a module registers its rules; a module that imports another (anchors
# imports figures) registers that one first, so the import graph alone would decide the order. The order is declared
# here instead: RULES is put in the order of MODULES once, below, and a module split off another (or a new import
# between rule modules) reorders nothing. The order is the report's: the problems of each table come rule by rule
# in it (text, JSON, JUnit), so it only changes on purpose.
from . import (  # noqa: F401  (isort: keep this order)
    agreement,
    anchors,
    events,
    figures,
    identity,
    indicator_words,
    period_quotes,
    periods,
    provenance,
    quotes,
    sources,
    which_figure,
)
from .registry import RULES, Rule, each_row, known, missing, needs_of, reads_of, rule, rule_answer

MODULES: tuple[str, ...] = (
    "agreement",
    "figures",
    "indicator_words",
    "which_figure",
    "anchors",
    "events",
    "identity",
    "period_quotes",
    "periods",
    "provenance",
    "quotes",
    "sources",
)


def _module_place(rule: Rule) -> int:
    """Where the module that declares `rule` stands in MODULES (a rule module left out of it is a crash here, at
    import, not a silently moved report)."""
    return MODULES.index(rule.check.__module__.rsplit(".", 1)[1])


RULES.sort(key=_module_place)  # stable: a module's rules keep the order they are declared in

__all__ = ["MODULES", "RULES", "Rule", "each_row", "known", "missing", "needs_of", "reads_of", "rule", "rule_answer"]
