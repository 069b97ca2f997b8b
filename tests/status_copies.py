"""One copy of the package whose words of status are edited, shared by test_status_cues and test_status_scope.

Why shared: an edit of the lexicon or of the definitions is read again by every rule, so each such copy costs a
whole semantic pass from cold (about 3 s); the two modules' edits bear on rows apart, so one copy, checked once per
process, answers for both. Its lexicon drops 'will' and the remarks column's heading (备注, 備註), read by
test_status_cues, and 'among them' and 已, read by test_status_scope; its definitions leave project_total_investment
unmarked as a plan's size. None of the dropped words is in another module's rows' evidence (an English cue of
digital_economy_enterprises, a Chinese plan table of gdp, 计划 of project_total_investment; an English sentence
opening with 'Among them', 已有 after 将有), and each test fails with its own edit left out.
"""

from __future__ import annotations

import pytest
from conftest import append_all, copy_package

from tongxiang_digital_economy.core.report import Report

DROPPED = ("will", "备注", "備註", "among them", "已")
MADE: dict[int, tuple[dict[str, int], Report]] = {}  # by the session's tmp_path_factory (a process runs one)


def status_copy(factory: pytest.TempPathFactory) -> tuple[dict[str, int], Report]:
    """The copy, checked once per process (the session's one `tmp_path_factory`): (rows by name, report)."""
    if id(factory) not in MADE:
        MADE[id(factory)] = made(factory)
    return MADE[id(factory)]


def made(factory: pytest.TempPathFactory) -> tuple[dict[str, int], Report]:
    import test_status_cues as cues
    import test_status_scope as scope

    package = copy_package(factory.mktemp("status-words") / "package")
    package.write("lexicon", [r for r in package.rows("lexicon") if r["term"] not in DROPPED], stamp=False)
    definitions = package.rows("indicator_definitions")
    for d in definitions:
        if d["indicator"] == "project_total_investment":
            d["plan_size"] = "false"
    package.write("indicator_definitions", definitions, stamp=False)
    named = {
        "will": cues.CASES[0][1],
        "table target": {**cues.TABLE, "status": "target"},
        "plan actual": cues.PLAN,
        "plan target": {**cues.PLAN, "status": "target"},
        "among them": scope.CASES[12][1],
        "reached": scope.CASES[2][1],
    }
    numbers = append_all(package, "indicators", list(named.values()), "observation_id")
    return dict(zip(named, numbers, strict=True)), package.semantics()
