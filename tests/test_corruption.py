"""Every shipped row corrupted one part of its claim at a time is caught on its row by the rules that guard it.

The kinds are those of issue 13: its year, its period's length, its subject, its indicator (another of the same
dimension, measure, subject and kind), how it counts (filed under every neighbour sharing a written form that
counts another way: a two-year average as the growth and the growth as the average), and which figure of its
evidence it is (value and quote moved together to another number written the same way), its value, scale
(another unit of its dimension), qualifier, status and source. A corrupted row that is a claim its text supports
too (corruptions.supported_too) is left out of the rate and listed apart. `scripts/corruption-report --missed`
prints the rates, the rows missed and those left out with the reason; the floors below are the measured rates,
rounded down, so that a rule made weaker fails here.

Without the source archive (a fork, CI: ../shared/sources is missing) a kind whose guarding rules all read the
archive (`needs_archive`, such as the source's) cannot be caught at all, and is skipped with the reason; the other
kinds keep their floors (without the archive the subject kind catches 784 of 785, its floor 0.99 holds).
"""

from __future__ import annotations

import pytest
from conftest import SHARED_ARCHIVE
from corruptions import KINDS, Rates, Row, Tables, catch_rates, corruptions_of, package_tables

from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.semantics.rules import RULES

ARCHIVE = SHARED_ARCHIVE if SHARED_ARCHIVE.is_dir() else None

# The least share of corrupted rows each kind must have caught (measured with the archive; see the report).
FLOORS = {
    "year": 0.99,
    "period length": 1.0,
    "subject": 0.99,
    "indicator": 0.99,
    "counted as": 0.96,
    "which figure": 0.96,
    "value": 1.0,
    "scale": 1.0,
    "qualifier": 1.0,
    "status": 0.98,
    "source": 1.0,
}


@pytest.fixture(scope="module")
def made() -> tuple[Tables, dict[str, list[list[Row]]]]:
    """The shipped tables and every kind's corruptions of every row, made once for the module: the catch rates
    check them, and test_a_corruption_changes_only_its_part reads the same corrupted rows."""
    tables = package_tables(bundled_package_dir())
    return tables, corruptions_of(tables)


@pytest.fixture(scope="module")
def rates(made: tuple[Tables, dict[str, list[list[Row]]]]) -> Rates:
    return catch_rates(bundled_package_dir(), ARCHIVE, made[1])


def only_the_archive_guards(kind: str) -> bool:
    """Whether every rule that guards `kind` reads the source archive (the rules' own `needs_archive`)."""
    needs = {rule.id: rule.needs_archive for rule in RULES}
    return all(needs[rule] for rule in KINDS[kind][1])


@pytest.mark.parametrize("kind", list(FLOORS))
def test_corrupted_claims_are_caught(rates: Rates, kind: str) -> None:
    if ARCHIVE is None and only_the_archive_guards(kind):
        pytest.skip(f"{kind}: every rule that guards it needs the source archive, and {SHARED_ARCHIVE} is missing")
    count, caught, missed, _supported = rates[kind]
    assert count >= 50, f"only {count} rows could be corrupted by {kind}"
    assert len(caught) >= FLOORS[kind] * count, f"{kind}: {len(caught)} of {count} caught; missed {missed[:10]}"


def test_a_corruption_changes_only_its_part(made: tuple[Tables, dict[str, list[list[Row]]]]) -> None:
    tables, ways = made
    parts = {
        "year": {"period_start", "period_end", "year", "event_id"},
        "period length": {"period_start", "period_end", "year"},
        "subject": {"place_id", "enterprise_id", "project_id"},
        "indicator": {"indicator"},
        "counted as": {"indicator"},
        "which figure": {"value", "value_text"},
        "value": {"value"},
        "scale": {"unit"},
        "qualifier": {"qualifier"},
        "status": {"status"},
        "source": {"source_id"},
    }
    assert set(ways) == set(KINDS)
    for kind, corrupted in ways.items():
        for row, found in zip(tables["indicators"], corrupted, strict=True):
            for bad in found:
                assert {k for k in row if bad[k] != row[k]} <= parts[kind], (kind, row["observation_id"])


def definitions_of(**forms: str) -> list[dict[str, str]]:
    return [{"indicator": i, "written_forms": f, "dimension": "rank", "measure": "rank"} for i, f in forms.items()]


@pytest.mark.parametrize(
    ("evidence", "quote", "supported"),
    [
        ("财政总收入、一般公共预算收入跃居嘉兴第一", "第一", True),  # one figure after a list of both
        ("财政总收入、一般公共预算收入分别居嘉兴第一和第二", "第一", False),  # 分别 pairs items and figures
        ("财政总收入、一般公共预算收入居嘉兴第一、第二", "第一", False),  # another figure follows
        ("财政总收入居嘉兴第一,一般公共预算收入居第二", "第一", False),  # no list: each has its own figure
        ("财政总收入、一般公共预算收入实现两个第一", "第一", True),  # 两个 counts the quote's own figure
        ("财政总收入、一般公共预算收入实现两个第一和第二", "第一", False),  # 第二 is another figure
    ],
)
def test_a_figure_of_a_list_of_both_is_no_corruption(evidence: str, quote: str, supported: bool) -> None:
    from corruptions import supported_too

    tables = {"indicator_definitions": definitions_of(total="财政总收入", budget="一般公共预算收入")}
    row = {"indicator": "total", "evidence": evidence, "value_text": quote}
    why = supported_too("indicator", row, {**row, "indicator": "budget"}, tables)
    assert (why is not None) is supported, why


def test_words_both_indicators_share_are_no_support() -> None:
    """The parts of 三次产业结构为2.3:49.4:48.3 share their words, not their figure: a real corruption."""
    from corruptions import supported_too

    tables = {"indicator_definitions": definitions_of(primary="三次产业结构", secondary="三次产业结构")}
    row = {"indicator": "primary", "evidence": "三次产业结构为2.3:49.4:48.3", "value_text": "2.3:49.4:48.3"}
    assert supported_too("indicator", row, {**row, "indicator": "secondary"}, tables) is None


@pytest.mark.parametrize(
    ("evidence", "supported"),
    [
        ("本屆大會將有2000多名嘉賓與會,中外嘉賓約各佔百分之五十", True),  # 各: each of what 中外嘉宾 names
        ("本届大会中外嘉宾各自占百分之五十和百分之四十", False),  # 各自 pairs them, respectively
        ("中外嘉宾约占百分之五十", False),  # no 各: shared words, not a shared figure
    ],
)
def test_a_figure_given_to_each_is_of_both(evidence: str, supported: bool) -> None:
    from corruptions import supported_too

    tables = {"indicator_definitions": definitions_of(chinese="中外嘉宾", foreign="中外嘉宾")}
    row = {"indicator": "chinese", "evidence": evidence, "value_text": "百分之五十"}
    why = supported_too("indicator", row, {**row, "indicator": "foreign"}, tables)
    assert (why is not None) is supported, why


@pytest.mark.parametrize(
    ("evidence", "qualifier", "supported"),
    [
        ("在桐乡,仅桐乡经济开发区就有超过1000家数字经济企业", "gt", True),
        ("桐乡经济开发区有超过1000家数字经济企业", "gt", False),  # 桐乡 only inside the zone's name
        ("在桐乡,桐乡经济开发区有1000家数字经济企业", "eq", False),  # an exact count of a part is not the whole's
    ],
)
def test_a_parts_lower_bound_holds_of_the_named_whole(evidence: str, qualifier: str, supported: bool) -> None:
    from corruptions import supported_too

    tables = {
        "indicator_definitions": [{"indicator": "firms", "dimension": "count", "measure": "amount"}],
        "places": [
            {"place_id": "tongxiang", "name": "Tongxiang", "name_zh": "桐乡市", "aliases": "桐乡", "parent_id": ""},
            {"place_id": "zone", "name": "TEDZ", "name_zh": "桐乡经济开发区", "aliases": "", "parent_id": "tongxiang"},
        ],
    }
    row = {"indicator": "firms", "place_id": "zone", "qualifier": qualifier, "evidence": evidence}
    why = supported_too("subject", row, {**row, "place_id": "tongxiang"}, tables)
    assert (why is not None) is supported, why


@pytest.mark.parametrize(
    ("evidence", "supported"),
    [
        ("预期目标 实际完成 2.全员劳动生产率 20.5万元/ 20.5万元/", True),  # the target and the actual alike
        ("预期目标 实际完成 2.全员劳动生产率 21万元/ 20.5万元/", False),  # only the actual column
        ("2.全员劳动生产率 20.5万元/ 20.5万元/", False),  # no table heading: no columns
    ],
)
def test_a_quote_in_both_table_columns_is_both_statuses(evidence: str, supported: bool) -> None:
    from corruptions import supported_too

    tables = {
        "indicator_definitions": [{"indicator": "productivity", "written_forms": "全员劳动生产率"}],
        "units": [{"unit": "wan_yuan", "dimension": "currency", "written_forms": "#万元"}],
        "lexicon": [
            {"term": "预期目标", "category": "table_head", "meaning": "target"},
            {"term": "实际完成", "category": "table_head", "meaning": "actual"},
        ],
    }
    row = {"indicator": "productivity", "unit": "wan_yuan", "status": "actual", "evidence": evidence}
    row["value_text"] = "20.5万元"
    why = supported_too("status", row, {**row, "status": "target"}, tables)
    assert (why is not None) is supported, why
