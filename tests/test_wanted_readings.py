"""The views make only the costly readings that the rules to run read (semantics/wanted.py): counted, not timed."""

from __future__ import annotations

from typing import Any

import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.io.load import finished, read_resource
from tongxiang_digital_economy.schema.descriptor import read_descriptor, resource
from tongxiang_digital_economy.semantics import validation
from tongxiang_digital_economy.semantics.joins import foreign_keys
from tongxiang_digital_economy.semantics.rules import RULES, reads_of
from tongxiang_digital_economy.semantics.wanted import READINGS, Wanted


def test_one_rule_run_alone_makes_only_its_readings_and_finds_what_it_finds_among_all(
    monkeypatch: pytest.MonkeyPatch, shipped_report: Report
) -> None:
    """conflicting-values reads the agreement, which reads the quotes: those two are made, no other (the roles, the
    anchors, the fact clusters, the entities' names), and its findings on the shipped package are those of the
    whole validation."""
    root = bundled_package_dir()
    descriptor = read_descriptor(root)
    reads = {name: read_resource(root, resource(descriptor, name)) for name in tde.tables(root)}
    frames = {name: finished(read, reads) for name, read in reads.items()}
    made: list[str] = []
    made_by = Wanted.made

    def recorded(self: Wanted, reading: str, columns: Any) -> Any:
        made.append(reading)
        return made_by(self, reading, columns)

    monkeypatch.setattr(Wanted, "made", recorded)
    monkeypatch.setattr(validation, "RULES", [r for r in RULES if r.id == "conflicting-values"])
    found = validation.run_rules(frames, None, None, foreign_keys(root), None, None)
    assert made == ["quotes", "agreement"]
    expected = [(p.row, p.message) for p in shipped_report.problems if p.rule == "conflicting-values"]
    assert expected
    assert [(p.row, p.message) for p in found] == expected


def test_every_reading_is_read_by_some_rule() -> None:
    """A validation with every rule makes every reading (none is made for nothing)."""
    assert Wanted(reads_of(RULES)).chosen == set(READINGS)
    assert Wanted().chosen == set(READINGS)  # a caller that names no rules gets every reading


def test_a_reading_that_makes_a_column_it_does_not_name_is_a_loud_error() -> None:
    with pytest.raises(RuntimeError, match=r"the quotes reading made \['read_more'\], which semantics/wanted"):
        Wanted().made("quotes", {"read_numbers": None, "read_more": None})
