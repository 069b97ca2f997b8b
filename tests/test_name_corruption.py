"""Every shipped enterprise and project name corrupted (swapped with another row's English or Chinese name, or
replaced by another row's Chinese name) is caught on its row where the archive can tell.

`scripts/corruption-report --names --missed` prints the rates, the catches of each rule and the rows missed; the
floors below are the measured rates with the archive, rounded down, so that a rule made weaker fails here. What
no rule can catch: an English name swapped between two `translation` or `convention` rows (no text writes such a
name, and no two rows then share one), which is most of what "name swapped" misses.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import SHARED_ARCHIVE

pytestmark = pytest.mark.skipif(not SHARED_ARCHIVE.is_dir(), reason="the source archive is not beside the checkout")

FLOORS = {"name swapped": 0.38, "Chinese name swapped": 0.94, "name is another's Chinese name": 0.97}
SOURCE_NAMES_SWAPPED = 0.9  # of the rows whose English name is marked `source`


@pytest.fixture(scope="module")
def rates() -> dict[str, tuple[int, list[str], list[str], Counter[str]]]:
    from name_corruptions import name_catch_rates

    from tongxiang_digital_economy.core.paths import bundled_package_dir

    return name_catch_rates(bundled_package_dir(), SHARED_ARCHIVE)


@pytest.mark.parametrize("kind", list(FLOORS))
def test_corrupted_names_are_caught(
    rates: dict[str, tuple[int, list[str], list[str], Counter[str]]], kind: str
) -> None:
    count, caught, missed, _ = rates[kind]
    assert count >= 100, f"only {count} rows could be corrupted by {kind}"
    assert len(caught) >= FLOORS[kind] * count, f"{kind}: {len(caught)} of {count} caught; missed {missed[:10]}"


def test_a_swapped_source_name_is_caught_by_the_texts(
    rates: dict[str, tuple[int, list[str], list[str], Counter[str]]],
) -> None:
    from name_corruptions import origins

    from tongxiang_digital_economy.core.paths import bundled_package_dir

    origin = origins(bundled_package_dir())
    _, caught, missed, by_rule = rates["name swapped"]
    source = [r for r in caught + missed if origin[r] == "source"]
    assert len([r for r in caught if origin[r] == "source"]) >= SOURCE_NAMES_SWAPPED * len(source)
    assert by_rule["source-name-not-in-text"] > 0 and rates["Chinese name swapped"][3]["chinese-name-not-in-text"] > 0


def test_a_corruption_changes_only_the_name() -> None:
    from corruptions import read_rows
    from name_corruptions import ENTITY_KEYS, KINDS, corrupted_rows

    from tongxiang_digital_economy.core.paths import bundled_package_dir

    for table in ENTITY_KEYS:
        rows = read_rows(bundled_package_dir() / "data" / f"{table}.csv")
        for cell, taken in KINDS.values():
            for k, bad in corrupted_rows(rows, cell, taken).items():
                assert {c for c in bad if bad[c] != rows[k][c]} == {cell}
