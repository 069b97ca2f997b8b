"""The problems as `validate --json` writes them, a long list of related ids written once for all its problems.

Why: every row of an agreement group lists the whole group (a conflict's `related`, complete), so a report that
wrote each problem's list in full grew with the square of the group: 278 MB for a group of 2,000 rows, and a
group of 10^5 rows could not be written at all (docs/benchmarks.md, fifteenth pass). A list of more than
RELATED_INLINE ids is written once, in the report's `related_groups`, and each of its problems names it by its
place there (`related_group`, `related` null); a shorter list stays on its problem as before. The report stays
complete (every id of every list) and linear in the problems and the groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

Key = tuple[str | None, int | None, str]  # a problem's place and rule, as report.Key

# The most ids a problem's `related` lists in place: a longer list is a group's, written once (`related_groups`).
RELATED_INLINE = 50


def problem_dicts(
    listed: Sequence[tuple[Any, Key | None, Key | None]],
) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """Each listed problem (a report.Problem, with its cause and the first of its alike group) as plain data, and
    the related lists too long to write in place, each once, in the order their first problem comes (equal lists
    are one group, however many problems share it)."""
    groups: dict[tuple[str, ...], int] = {}
    by_object: dict[int, int] = {}  # a group's problems share one tuple (rule_problems.as_ids): its content hashed once
    out = []
    for p, cause, lead in listed:
        # Not dataclasses.asdict: it copies each problem's related tuple, the group's whole list once per row.
        row: dict[str, Any] = {f.name: getattr(p, f.name) for f in fields(p)}
        group = None
        if len(p.related) > RELATED_INLINE:
            if id(p.related) not in by_object:
                by_object[id(p.related)] = groups.setdefault(p.related, len(groups))
            group = by_object[id(p.related)]
        row["related"] = list(p.related) if group is None else None
        row["follows"] = list(cause) if cause else None
        row["alike"] = list(lead) if lead else None
        row["related_group"] = group
        out.append(row)
    return out, [list(ids) for ids in groups]
