"""A company's reach in a search: the company, its subsidiaries, and the projects they run.

Why: a company and a measure or a number ("Xinfengming 600000", "巨石 玻纤产能") find the figures of the projects it
runs (project_enterprises: a project's figure names no enterprise; trial 17 W3, trial 9); a group's projects are
often run by a subsidiary, the legal entity its text names (DESIGN: an enterprise is linked to its parent by
`parent_id`): Xinfeng Ming's Tongxiang base is Zhongyi Chemical Fibre's project, so "Xinfengming 11 billion" said
nothing of its 11 billion yuan investment. A company with a number stands for the projects that it or any
enterprise below it by `parent_id` (at any depth) runs; a subsidiary's own figures are found by the subsidiary's
name, not yet by its parent's (`WeDoctor 2400` finds 1 of wuzhen-internet-hospital's 3 figures of 2,400: review 16
R10, left).
"""

from __future__ import annotations

import pandas as pd


def group_of(enterprises: frozenset[str], frame: pd.DataFrame | None) -> frozenset[str]:
    """The enterprises and every enterprise below them by `parent_id`, at any depth (a loop of parents, which the
    identity rules report, ends where it began)."""
    if not enterprises or frame is None or not {"enterprise_id", "parent_id"} <= set(frame.columns):
        return enterprises
    linked = frame.loc[frame["parent_id"].notna(), ["enterprise_id", "parent_id"]]
    group = set(enterprises)
    while True:
        below = set(linked.loc[linked["parent_id"].isin(group), "enterprise_id"].astype(str)) - group
        if not below:
            return frozenset(group)
        group |= below


def projects_run(enterprises: frozenset[str], frames: dict[str, pd.DataFrame]) -> frozenset[str]:
    """The projects the enterprises or their subsidiaries run (operate, invest in, develop: project_enterprises)."""
    runs = frames.get("project_enterprises")
    if not enterprises or runs is None or not {"project_id", "enterprise_id"} <= set(runs.columns):
        return frozenset()
    group = group_of(enterprises, frames.get("enterprises"))
    return frozenset(str(p) for p in runs.loc[runs["enterprise_id"].isin(group), "project_id"].dropna())
