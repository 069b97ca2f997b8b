"""Every shipped row corrupted one part of its claim at a time is caught on its row by the rules that guard it.

The kinds are those of issue 13: its year, its period's length, its subject, its indicator (another of the same
dimension, measure, subject and kind), how it counts (filed under every neighbour sharing a written form that
counts another way: a two-year average as the growth and the growth as the average), and which figure of its
evidence it is (value and quote moved together to another number written the same way). `scripts/corruption-report
--missed` prints the rates and the rows missed; the floors below are the measured rates, rounded down, so that a
rule made weaker fails here.
"""

from __future__ import annotations

import pytest
from conftest import SHARED_ARCHIVE, PackageCopy
from corruptions import catch_rates

# The least share of corrupted rows each kind must have caught (measured with the archive; see the report).
FLOORS = {
    "year": 0.99,
    "period length": 0.99,
    "subject": 0.99,
    "indicator": 0.97,
    "counted as": 0.96,
    "which figure": 0.94,
}


@pytest.fixture(scope="module")
def rates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, list[str], list[str]]]:
    from tongxiang_digital_economy.core.paths import bundled_package_dir

    archive = SHARED_ARCHIVE if SHARED_ARCHIVE.is_dir() else None
    return catch_rates(bundled_package_dir(), archive)


@pytest.mark.parametrize("kind", list(FLOORS))
def test_corrupted_claims_are_caught(rates: dict[str, tuple[int, list[str], list[str]]], kind: str) -> None:
    count, caught, missed = rates[kind]
    assert count >= 50, f"only {count} rows could be corrupted by {kind}"
    assert len(caught) >= FLOORS[kind] * count, f"{kind}: {len(caught)} of {count} caught; missed {missed[:10]}"


def test_a_corruption_changes_only_its_part(package: PackageCopy) -> None:
    from corruptions import KINDS, read_rows

    tables = {name: read_rows(package.csv(name)) for name in ("indicators", "indicator_definitions", "lexicon",
                                                               "enterprises", "projects")}  # fmt: skip
    parts = {
        "year": {"period_start", "period_end", "year"},
        "period length": {"period_start", "period_end", "year"},
        "subject": {"place_id", "enterprise_id", "project_id"},
        "indicator": {"indicator"},
        "counted as": {"indicator"},
        "which figure": {"value", "value_text"},
    }
    for kind, (corrupt, _rules) in KINDS.items():
        for row in tables["indicators"]:
            found = corrupt(row, tables)
            for bad in found if isinstance(found, list) else [] if found is None else [found]:
                assert {k for k in row if bad[k] != row[k]} <= parts[kind], (kind, row["observation_id"])
