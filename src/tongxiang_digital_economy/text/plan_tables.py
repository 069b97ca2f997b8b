"""A plan table flattened into text (`预期目标 实际完成 … 4.固定资产投资 增长8% 增长2.7%`) read by column: the k-th
quantity after a row's label belongs to the k-th heading, so 增长8% is the target and 增长2.7% the actual. The
headings are the lexicon's `table_head` terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .fold import squash
from .passage_numbers import Quantity

TABLE_ROW = re.compile(r"(?:^|\s)[0-9]{1,2}[.．、](?=[^\s0-9])")


FURTHER_COLUMNS = 2  # headings read after the target and actual columns' (预期目标 实际完成 备注)


def table_head_pattern(heads: Iterable[tuple[str, str]]) -> re.Pattern[str] | None:
    """The heading of a plan table flattened into text: a target column's heading followed by an actual column's
    (预期目标 实际完成), and up to two further headings after them (备注), from the lexicon's `table_head` terms
    (term, meaning `target` or `actual`), longest first; None where the lexicon names no heading of either column
    (no table is then read). A further heading's meaning is its column's status (group `c2_actual`, `c3_target`…)."""
    terms = list(heads)
    columns = {
        status: sorted({squash(t) for t, m in terms if m == status and squash(t)}, key=len, reverse=True)
        for status in ("target", "actual")
    }
    if not columns["target"] or not columns["actual"]:
        return None
    alternatives = ["|".join(re.escape(t) for t in columns[status]) for status in ("target", "actual")]
    further = "".join(
        rf"(?:\s*(?:(?P<c{k}_target>{alternatives[0]})|(?P<c{k}_actual>{alternatives[1]})))?"
        for k in range(2, 2 + FURTHER_COLUMNS)
    )
    return re.compile(rf"({alternatives[0]})\s*({alternatives[1]}){further}")


def column_statuses(head: re.Match[str]) -> list[str]:
    """The status of each column a plan table's heading names, in order (target, actual, then any further ones)."""
    statuses = ["target", "actual"]
    for k in range(2, 2 + FURTHER_COLUMNS):
        found = next((s for s in ("target", "actual") if head.groupdict().get(f"c{k}_{s}")), None)
        if found is None:
            break
        statuses.append(found)
    return statuses


def table_column(
    text: str, at: int, end: int, found: list[Quantity], table_heads: re.Pattern[str] | None
) -> tuple[str, int] | None:
    """For a quote in a plan table flattened into text: its column's status and where its row's label starts."""
    head = table_heads.search(text, 0, at) if table_heads is not None else None
    if head is None:
        return None
    rows = [m.end() for m in TABLE_ROW.finditer(text, head.end(), at)]
    label = rows[-1] if rows else head.end()
    column = len([q for q in found if not q.is_date and label <= q.start and q.end <= at and not in_label(text, q)])
    statuses = column_statuses(head)
    return (statuses[column], label) if column < len(statuses) else None


def in_label(text: str, quantity: Quantity) -> bool:
    """A number that is part of a table row's label or unit (万元/人), not a cell."""
    return text[quantity.end : quantity.end + 1] in ("/", ".")
