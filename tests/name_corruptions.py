"""Corruptions of the names of enterprises and projects: each row's English name swapped with another row's, its
Chinese name swapped with another row's, its English name replaced by another row's Chinese name. Shared by
test_name_corruption.py and scripts/corruption-report (`--names`).

Each kind corrupts every row it can in one copy of the package (row k takes the name of the next row of its table
that has one, so no two rows end with one name that did not share it before), and a corrupted row is caught when
an error that was not reported on it before is reported on it now, by any rule (the rules that read names are
listed per catch, so a report can say which rule caught what).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from corruptions import Row, read_rows, semantics, with_table

from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics.rules import RULES

ENTITY_KEYS = {"enterprises": "enterprise_id", "projects": "project_id"}
# Which cell of the row takes which cell of the next row.
KINDS: dict[str, tuple[str, str]] = {
    "name swapped": ("name", "name"),
    "Chinese name swapped": ("name_zh", "name_zh"),
    "name is another's Chinese name": ("name", "name_zh"),
}


def corrupted_rows(rows: list[Row], cell: str, taken: str) -> dict[int, Row]:
    """Row position -> the row with `cell` set to `taken` of the next row (cyclically) that has one and differs."""
    donors = [k for k, r in enumerate(rows) if r.get(taken)]
    out: dict[int, Row] = {}
    for k, row in enumerate(rows):
        if cell == "name_zh" and not row.get("name_zh"):
            continue  # a row without a Chinese name has none to corrupt
        later = [d for d in donors if d > k] + [d for d in donors if d < k]
        value = next((rows[d][taken] for d in later if rows[d][taken] != row.get(cell)), None)
        if value is not None:
            out[k] = {**row, cell: value}
    return out


def errors_by_row(report: Report, table: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for p in report.problems:
        if p.table == table and p.row is not None and p.severity == "error":
            out.setdefault(p.row, set()).add(str(p.rule))
    return out


Rates = dict[str, tuple[int, list[str], list[str], Counter[str]]]


def origins(package: Path) -> dict[str, str]:
    """`table:id` -> the row's name_origin (what a report splits a kind's catches by)."""
    return {
        f"{table}:{row[key]}": row.get("name_origin", "")
        for table, key in ENTITY_KEYS.items()
        for row in read_rows(package / "data" / f"{table}.csv")
    }


def name_catch_rates(package: Path, archive: Path | None, progress: Callable[[str], None] | None = None) -> Rates:
    """For each kind (over both tables): how many rows it corrupted, the `table:id`s caught and missed, and how
    many catches each rule made (a row caught by two rules counts for both).

    Each table's copy is checked with its own table's rules alone, no blame weighed (corruptions.semantics): a rule
    reports on its own table's rows only, and a blame adds errors on events and sources rows, never an entity's, so
    the errors on an enterprises or projects row are the same as with every rule and every blame."""
    own = {table: {rule.id for rule in RULES if rule.table == table} for table in ENTITY_KEYS}
    baseline = semantics(package, archive, set().union(*own.values()), blames=False)
    out: Rates = {}
    for kind, (cell, taken) in KINDS.items():
        caught: list[str] = []
        missed: list[str] = []
        by_rule: Counter[str] = Counter()
        count = 0
        for table, key in ENTITY_KEYS.items():
            rows = read_rows(package / "data" / f"{table}.csv")
            bad = corrupted_rows(rows, cell, taken)
            before = errors_by_row(baseline, table)
            after = errors_by_row(
                with_table(package, archive, table, [bad.get(k, r) for k, r in enumerate(rows)], own[table], False),
                table,
            )
            count += len(bad)
            for k in bad:
                new = after.get(k + 2, set()) - before.get(k + 2, set())
                (caught if new else missed).append(f"{table}:{rows[k][key]}")
                by_rule.update(new)
            if progress:
                progress(f"{kind}: {table} done")
        out[kind] = (count, caught, missed, by_rule)
    return out
