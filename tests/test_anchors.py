"""The rules that anchor a claim in its words fire on a copy of the package broken in exactly the way they guard
against: its period, what it measures, which figure of its passage it is, whose it is, its status.

Archive rules run against the fixture archive of tests/archive/ (short excerpts of a dozen sources), so they run
wherever the tests run; the review's corruption battery (code-review-2026-12 §2.1) runs the same way.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from hashlib import sha256
from pathlib import Path

import pytest
from conftest import Checks, PackageCopy, append_all, copy_package, found, run_staged
from test_rules import GOOD, SOURCE

from tongxiang_digital_economy.core.report import Report

FIXTURE_ARCHIVE = Path(__file__).resolve().parent / "archive"
FORMS = {
    "digital_economy_enterprises": "digital economy enterprises|数字经济企业",
    "intelligent_transformation_projects": "intelligent transformation projects|智能化改造项目",
    "gdp": "地区生产总值|GDP|gross domestic product",
    "gdp_growth": "地区生产总值|GDP|gross domestic product",
}
BULLETIN = "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021"  # published 2022-02-10
GROWTH = {
    **GOOD,
    "observation_id": f"{BULLETIN}-999",
    "source_id": BULLETIN,
    "indicator": "gdp",
    "period_start": "2021-01-01",
    "period_end": "2021-12-31",
    "year": "2021",
    "value": "1141.69",
    "unit": "yi_yuan",
    "value_text": "1141.69亿元",
    # The bulletin's -001 from a span of its passage one character longer: a copy of -001 under a new id would be
    # that row entered twice (figure-entered-twice).
    "evidence": "2021年桐乡市实现地区生产总值(gdp)1141.69亿元,",
    "period_text": "2021年",
    "subject_text": "",
}


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


def with_forms(package: PackageCopy) -> None:
    """The copy's indicator definitions with the written forms these tests rely on."""
    rows = package.rows("indicator_definitions")
    for row in rows:
        if row["indicator"] in FORMS and not row.get("written_forms"):
            row["written_forms"] = FORMS[row["indicator"]]
    package.write("indicator_definitions", rows)


def problems_on(report: Report, row: int) -> list[tuple[str | None, str | None]]:
    return [(p.rule, p.field) for p in report.problems if p.table == "indicators" and p.row == row]


BLANK = {k: "" for k in ("period_text", "period_basis", "subject_text", "value_text", "evidence", "indicator")}


@pytest.fixture(scope="module")
def anchored(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], Report]:
    """One copy holding the anchored rows (GOOD, GROWTH) and a row of empty words, checked once: (rows, report).

    Why: each was a copy and a check of its own (about a second each); the rows are of two sources, the empty
    row's words match no other row's, and each test asserts only what is found on its own rows.
    """
    package = copy_package(tmp_path_factory.mktemp("anchored") / "package")
    with_forms(package)
    blank = {**GOOD, **BLANK, "status": "", "qualifier": "range", "value_upper": ""}
    good, flow, empty = append_all(package, "indicators", [GOOD, GROWTH, blank], "observation_id")
    return {"good": good, "flow": flow, "blank": empty}, package.semantics(FIXTURE_ARCHIVE)


def test_an_anchored_row_passes_every_rule(anchored: tuple[dict[str, int], Report]) -> None:
    rows, report = anchored
    good, flow = rows["good"], rows["flow"]
    assert problems_on(report, good) == []
    # The bulletin's own row states the same GDP (series: `repeated`), and a newspaper's rounded figure is the
    # agreement engine's: it agrees (114.2 billion yuan meets 1141.69亿元), a finding (corroborating-values, info) as
    # `series` shows it.
    found = [p for p in problems_on(report, flow) if p[0] not in ("conflicting-values", "corroborating-values")]
    assert found == []


# One indicators row changed in one way -> the rule that must fire, and the field it names.
CLAIM_FAULTS = [
    ({"period_basis": "publication"}, covers("period-basis-mismatch"), "period_basis"),
    ({"period_basis": "undated"}, "period-basis-mismatch", "period_basis"),
    ({"period_text": "In 2019"}, covers("period-text-not-in-evidence"), "period_text"),
    (
        {"period_text": "At present … In 2018", "period_basis": "context"},
        covers("period-text-not-in-context"),  # 'In 2018' is nowhere near the evidence in the archived text
        "period_text",
    ),
    (
        {"period_start": "2019-12-31", "period_end": "2019-12-31", "year": "2019"},
        covers("period-text-mismatch"),  # 'At present' in a text of 2020-01-14 is that day, not the year before
        "period_start",
    ),
    (
        {**GROWTH, "period_start": "2021-01-01", "period_end": "2021-06-30", "period_text": "2021年"},
        "period-text-mismatch",  # a full year's words on a half year
        "period_start",
    ),
    (
        {"period_text": "", "period_basis": "publication", "period_start": "2019-12-31", "period_end": "2019-12-31"},
        covers("period-publication-mismatch"),
        "period_end",
    ),
    (
        {**GROWTH, "period_start": "2020-01-01", "period_end": "2020-12-31", "year": "2020", "period_text": ""},
        covers("period-year-in-evidence"),  # 2021年 is written next to the quantity
        "year",
    ),
    (
        {**GROWTH, "period_start": "2021-01-01", "period_end": "2021-06-30", "period_text": "", "period_basis": ""},
        covers("period-length-words"),  # a half year, and no half-year word
        "period_start",
    ),
    (
        {
            **GROWTH,
            "evidence": "2021年上半年桐乡市实现地区生产总值(gdp)1141.69亿元",
            "period_text": "",
            "period_basis": "",
        },
        "period-length-words",  # a full year, and 上半年 beside the quantity
        "period_start",
    ),
    (
        {
            **GROWTH,
            "evidence": "2021年全年桐乡市实现地区生产总值(gdp)1141.69亿元",
            "period_text": "2021年全年",
            "period_end": "2021-07-02",
        },
        "period-length-words",  # half a year (to no month's end), and 全年 says the whole year
        "period_start",
    ),
    (
        {
            **GROWTH,
            "evidence": "到现在为止每年实现地区生产总值(gdp)1141.69亿元",
            "period_text": "到现在为止每年",
            "period_end": "2021-07-02",
        },
        "period-length-words",  # 每年 (every year) is whole years, though the reader reads no date in the words
        "period_start",
    ),
    ({"indicator": "intelligent_transformation_projects"}, covers("indicator-not-in-evidence"), "indicator"),
    (
        {
            "value": "350",
            "value_text": "350",
            "evidence": "At present, the city's 350 projects and 1,890 digital economy enterprises",
        },
        covers("which-figure"),  # another count stands between the quote and the indicator's words
        "value_text",
    ),
    (
        {
            "indicator": "towns_administered",
            "value": "3",
            "value_text": "3个",
            "evidence": "桐乡市辖8个镇、3个街道",
            "period_text": "",
            "period_basis": "publication",
        },
        "which-figure",  # 3个 is the subdistricts' count: its own noun follows it
        "value_text",
    ),
    (
        {
            **GROWTH,
            "indicator": "general_public_budget_revenue",
            "value": "180",
            "value_text": "180亿元",
            "evidence": "财政总收入、一般公共预算收入跃居嘉兴第一,分别达到180亿元和106亿元",
            "period_text": "",
            "period_basis": "publication",
        },
        "which-figure",  # 分别: the second item's figure is the second one
        "value_text",
    ),
    ({"subject_text": ""}, covers("subject-not-anchored"), "place_id"),
    (
        {"subject_text": "Digital economy booms in Tongxiang, Wuzhen"},
        covers("subject-text-not-in-source"),
        "subject_text",
    ),
    (
        {"evidence": "At present, Wuzhen is home to 1,890 digital economy enterprises"},
        covers("subject-other-place"),
        "place_id",
    ),
]


@pytest.fixture(scope="module")
def claim_faults(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[int], Report]:
    """One copy holding every fault of CLAIM_FAULTS on its own appended row, validated once: (rows, report).

    The faults are rows of their own (each its own observation id), and the rules they exercise read a row's own
    cells, its source's text and the package's reference tables, never another indicators row, so one validation
    answers for all of them as one per fault did.
    """
    package = copy_package(tmp_path_factory.mktemp("claims") / "package")
    with_forms(package)
    rows = append_all(package, "indicators", [{**GOOD, **change} for change, _, _ in CLAIM_FAULTS], "observation_id")
    return rows, package.semantics(FIXTURE_ARCHIVE)


@pytest.mark.parametrize("case", range(len(CLAIM_FAULTS)), ids=[f"{k}-{f[1]}" for k, f in enumerate(CLAIM_FAULTS)])
def test_claim_rule_fires(claim_faults: tuple[list[int], Report], case: int) -> None:
    _change, rule, field = CLAIM_FAULTS[case]
    rows, report = claim_faults
    assert ("indicators", rows[case], field) in found(report, rule), problems_on(report, rows[case])


# The cases below edit one copy together (conftest.run_staged, without an archive): each appends rows of its own ids
# (GROWTH's -999 is theirs no more) or edits its own, and asserts what it finds on them; the copy is checked as often
# as the case with the most steps needs (twice: the lexicon edited last reads every figure anew, once).
ALONE: dict[str, Callable[..., Checks]] = {}


def staged(case: Callable[..., Checks]) -> Callable[[Callable[[], dict[str, BaseException]]], None]:
    """Register a case of ALONE; pytest runs the test that raises the case's failure."""
    ALONE[case.__name__] = case

    def test(alone: Callable[[], dict[str, BaseException]]) -> None:
        failure = alone().get(case.__name__)
        if failure is not None:
            raise failure

    test.__name__ = test.__qualname__ = case.__name__
    test.__doc__ = case.__doc__
    return test


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], dict[str, BaseException]]:
    """ALONE's cases run once, when a test of them first asks: their failures by name."""
    runs: list[dict[str, BaseException]] = []

    def failures() -> dict[str, BaseException]:
        if not runs:
            runs.append(run_staged(ALONE, tmp_path_factory.mktemp("anchors-alone"), {}, stand_in=False))
        return runs[0]

    return failures


@staged
def test_a_figure_refiled_under_a_neighbour_that_shares_only_a_search_word_is_caught(package: PackageCopy) -> Checks:
    """Review 5 R3's reproducer: the cooperation conference's 6年来累计签约项目268个 refiled as the count of projects
    signed at an event validated once 签约项目 was a written form of both counts. The word is a search word of both
    now, so the row is caught, on its row and field, and nothing else is."""
    rows = package.rows("indicators")
    row = next(
        n
        for n, r in enumerate(rows, start=2)
        if r["observation_id"] == "qjwb-monvtuan-2024-11-21-digital-economy-cooperation-63-projects-005"
    )
    assert rows[row - 2]["indicator"] == "cooperation_projects_signed"
    package.edit("indicators", row, indicator="event_investment_projects_signed")
    report = yield
    assert found(report, covers("indicator-not-in-evidence")) == [("indicators", row, "indicator")]
    message = next(p.message for p in report.problems if p.rule == "indicator-not-in-evidence")
    assert message.startswith(
        "the evidence holds none of the written forms of 'event_investment_projects_signed' "
        "(projects were collectively signed|投资项目|集中签约)"
    )


@staged
def test_an_indicator_naming_a_status_holds_no_actual_rows(package: PackageCopy) -> Checks:
    definitions = package.rows("indicator_definitions")
    base = next(d for d in definitions if d["indicator"] == "gdp_growth")
    package.append("indicator_definitions", {**base, "indicator": "gdp_growth_annual_plan_target"})
    row = package.append(
        "indicators", {**GROWTH, "observation_id": f"{BULLETIN}-998", "indicator": "gdp_growth_annual_plan_target"}
    )
    report = yield
    assert ("indicators", row, "indicator") in found(report, covers("status-in-indicator-name"))


@staged
def test_the_plan_table_column_decides_the_status(package: PackageCopy) -> Checks:
    with_forms(package)
    table = "2021年主要指标 预期目标 实际完成 1.地区生产总值 增长6.5%左右 增长8.5%"
    actual = {**GROWTH, "indicator": "gdp_growth", "value": "8.5", "unit": "percent", "value_text": "增长8.5%"}
    right = package.append("indicators", {**actual, "observation_id": f"{BULLETIN}-997", "evidence": table})
    wrong = {**actual, "observation_id": f"{BULLETIN}-996", "value": "6.5", "value_text": "增长6.5%左右"}
    wrong = package.append("indicators", {**wrong, "evidence": table, "qualifier": "approx"})
    report = yield
    rows = {r for _, r, _ in found(report, "which-figure")}
    assert right not in rows
    assert wrong in rows


@staged
def test_a_plan_tables_headings_are_the_lexicons(package: PackageCopy) -> Checks:
    """The headings that make a passage a plan table are the lexicon's `table_head` terms: a copy whose lexicon
    holds no actual column's heading (实际完成, 实际, …) reads the table as running text, where 增长6.5%左右 stands
    between the label and the actual."""
    with_forms(package)
    table = "2021年主要指标 预期目标 实际完成 1.地区生产总值 增长6.5%左右 增长8.5%"
    actual = {**GROWTH, "indicator": "gdp_growth", "value": "8.5", "unit": "percent", "value_text": "增长8.5%"}
    row = package.append("indicators", {**actual, "observation_id": f"{BULLETIN}-995", "evidence": table})
    assert row not in {r for _, r, _ in found((yield), "which-figure")}
    heads = [r for r in package.rows("lexicon") if (r["category"], r["meaning"]) != ("table_head", "actual")]
    package.write("lexicon", heads)
    assert row in {r for _, r, _ in found((yield), "which-figure")}


def test_rules_read_no_cell_as_missing_rather_than_crash(anchored: tuple[dict[str, int], Report]) -> None:
    """Empty period words, basis, subject words, forms and quotes: every claims rule passes or reports, never raises."""
    rows, report = anchored
    claims = {r for r, _ in problems_on(report, rows["blank"])} & {rule for _, rule, _ in CLAIM_FAULTS}
    assert claims == set()


# --- the code review's corruption battery (code-review-2026-12 §2.1), by observation id -------------------------

BATTERY = [
    ("1 year moved, 2024年 in the evidence", "cctv-outputnews-2025-06-04-wuzhen-town-economy-001",
     {"year": "2023", "period_start": "2023-01-01", "period_end": "2023-12-31"}),
    ("2 Wuzhen's figure given to Tongxiang", "cctv-outputnews-2025-06-04-wuzhen-town-economy-001",
     {"place_id": "tongxiang"}),
    ("3 Tongxiang's figure given to Wuzhen", "chinadaily-2020-01-14-digital-economy-booms-003", {"place_id": "wuzhen"}),
    ("4 another count indicator", "chinacomcn-2018-07-23-tongxiang-418-internet-projects-007",
     {"indicator": "digital_economy_projects_introduced"}),
    ("5 minus left out of the quote", "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-002",
     {"value": "18.69", "value_text": "18.69%"}),
    ("6 sign word apart from the quote", "qjwb-txnews-2017-11-21-tongxiang-information-industry-006",
     {"value": "1", "value_text": "三分之一"}),
    ("7 another figure of the evidence", "chinacomcn-2018-07-23-tongxiang-418-internet-projects-003",
     {"value": "120", "value_text": "120余個"}),
    ("8 the 2014 figure given to 2023", "chinadaily-2024-05-28-dynamic-tongxiang-005",
     {"value": "5.1", "value_text": "5.1 billion yuan"}),
    ("9 percent for percentage points", "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-023",
     {"unit": "percent"}),
    ("10 the growth for the gap", "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-023",
     {"value": "4.1", "unit": "percent", "value_text": "4.1%"}),
    ("11 a flow cut to a half year", "chinadaily-govt-2017-12-27-tongxiang-edz-004", {"period_start": "2016-07-01"}),
    ("12 a stock moved to another date", "chinadaily-2020-01-14-digital-economy-booms-007",
     {"period_start": "2019-12-31", "period_end": "2019-12-31", "year": "2019"}),
    ("13 qualifier gt to approx", "chinacomcn-2018-07-23-tongxiang-418-internet-projects-002", {"qualifier": "approx"}),
    ("14 a scale word left unread", "chinadaily-2020-01-14-digital-economy-booms-009",
     {"unit": "billion_usd", "value_text": "25.9 billion"}),
    ("15 the target recorded as the actual", "txfgj-2025-04-23-plan-execution-report-2024-007",
     {"value": "5", "value_text": "增长5%"}),
    ("16 sign flipped inside the quote", "txfgj-2025-04-23-plan-execution-report-2024-007", {"value": "4.6"}),
    ("17 actual to estimate", "cctv-outputnews-2025-06-04-wuzhen-town-economy-001", {"status": "estimate"}),
    ("18 Tongxiang's GDP given to Wuzhen", "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-001",
     {"place_id": "wuzhen"}),
    ("19 a zone's share given to Tongxiang", "chinaorgcn-2018-wuzhen-gears-up-008", {"place_id": "tongxiang"}),
    ("20 the 2022 sales dated 2024", "carnewschina-2025-08-04-neta-restarts-47-investors-003",
     {"period_start": "2024-01-01", "period_end": "2024-12-31", "year": "2024"}),
]  # fmt: skip


def errors_on(report: Report, row: int) -> set[str]:
    return {str(p.rule) for p in report.problems if p.table == "indicators" and p.row == row and p.severity == "error"}


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, set[str], set[str]]]:
    """Each battery case: (its row, the errors on that row before the edit, after it).

    The edits are made on as few copies as can hold them apart: no copy edits one row twice or two rows of one
    source (rows of one source share its text and its evidence's neighbours), so each edited row is read as it
    would be alone; every copy is validated once, and the unedited package once for the errors before.
    """
    shipped = copy_package(tmp_path_factory.mktemp("battery") / "package")
    rows = shipped.rows("indicators")
    number = {r["observation_id"]: k for k, r in enumerate(rows, start=2)}
    missing = [observation for _, observation, _ in BATTERY if observation not in number]
    assert not missing, f"battery rows no longer in the package (the test must follow the data): {missing}"
    source = {r["observation_id"]: r["source_id"] for r in rows}
    copies: list[list[tuple[str, str, dict[str, str]]]] = []
    for case in BATTERY:
        free = [c for c in copies if all(source[o] != source[case[1]] for _, o, _ in c)]
        free[0].append(case) if free else copies.append([case])
    before = shipped.semantics(FIXTURE_ARCHIVE)
    out = {}
    for k, cases in enumerate(copies):
        package = copy_package(tmp_path_factory.mktemp(f"battery{k}") / "package")
        edited = package.rows("indicators")
        for _, observation, change in cases:
            edited[number[observation] - 2].update(change)
        package.write("indicators", edited)
        after = package.semantics(FIXTURE_ARCHIVE)
        for case, observation, _ in cases:
            row = number[observation]
            out[case] = (row, errors_on(before, row), errors_on(after, row))
    return out


@pytest.mark.parametrize("case", [c[0] for c in BATTERY], ids=[c[0].split()[0] for c in BATTERY])
def test_the_review_battery_is_caught(battery: dict[str, tuple[int, set[str], set[str]]], case: str) -> None:
    number, before, after = battery[case]
    assert after - before - {"evidence-not-in-source"}, f"{case}: no error on row {number}"


def test_the_fixture_archive_is_short_excerpts() -> None:
    texts = sorted(FIXTURE_ARCHIVE.glob("*.txt"))
    assert len(texts) >= 10
    assert all(len(t.read_text(encoding="utf-8")) < 2000 for t in texts)
    assert SOURCE + ".txt" in {t.name for t in texts}


def test_a_reading_remembered_from_an_earlier_validation_follows_the_tables_it_reads(package: PackageCopy) -> None:
    """Readings are remembered across validations in one process under the content of the tables they read, so an
    edit to a reference table (Wuzhen moved out of the local levels) is read anew, exactly as a fresh process would."""
    from tongxiang_digital_economy.semantics import distinct

    with_forms(package)
    row = package.append(
        "indicators", {**GOOD, "evidence": "At present, Wuzhen is home to 1,890 digital economy enterprises"}
    )
    assert ("indicators", row, "place_id") in found(package.semantics(FIXTURE_ARCHIVE), "subject-other-place")
    places = package.rows("places")
    for place in places:
        if place["place_id"] == "wuzhen":
            place["level"] = "village"
    package.write("places", places)
    remembered = package.semantics(FIXTURE_ARCHIVE)
    # Forgotten for this check only: the later tests of the process (an xdist worker's) keep what was remembered.
    saved = distinct._MEMOS.copy()
    distinct._MEMOS.clear()
    try:
        fresh = package.semantics(FIXTURE_ARCHIVE)
    finally:
        distinct._MEMOS.clear()
        distinct._MEMOS.update(saved)
    assert ("indicators", row, "place_id") not in found(remembered, "subject-other-place")
    assert remembered.to_dict() == fresh.to_dict()


def test_a_context_period_is_not_borrowed_from_a_round_number_of_another_unit(
    package: PackageCopy, tmp_path: Path
) -> None:
    """15000家 enterprises dated 2015年 by a line about 15000人次 of tourists: no paragraph dates the figure.

    The fixture archive with the source's text replaced: only that source's hash changes in the copy (a stand-in
    archive of every source rewrote every hash, and each check read every source again)."""
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURE_ARCHIVE, archive)
    at, source = next((n, r) for n, r in enumerate(package.rows("sources"), 2) if r["source_id"] == SOURCE)
    lines = [
        "桐乡经济简报",
        "桐乡市统计局发布本地经济运行情况的一份较长的简要说明文字,介绍全市各个方面的情况,供读者参考阅读。",
    ]
    lines += ["2015年,乌镇接待游客15000人次。", "2023年,全市经济运行平稳。", "全市有企业15000家,比上年增加不少。"]
    row = {
        **GOOD,
        "observation_id": f"{SOURCE}-990",
        "indicator": "enterprises_total",
        "period_start": "2015-12-31",
        "period_end": "2015-12-31",
        "year": "2015",
        "value": "15000",
        "value_text": "15000家",
        "evidence": "全市有企业15000家",
        "period_text": "2015年",
        "period_basis": "context",
        "subject_text": "桐乡市",
    }
    number = package.append("indicators", row)
    fired = {}
    for tourists in ("15000人次", "15000家"):
        data = ("\n".join(lines).replace("15000人次", tourists) + "\n").encode("utf-8")
        (archive / source["archive_file"]).write_bytes(data)
        package.edit("sources", at, archive_sha256=sha256(data).hexdigest())
        rule = covers("period-text-not-in-context")
        fired[tourists] = ("indicators", number, "period_text") in found(package.semantics(archive), rule)
    assert fired == {"15000人次": True, "15000家": False}
