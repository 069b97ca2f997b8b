"""Series across sources: one preferred figure per period, the others kept and marked, nothing mixed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.timeseries import SeriesError, all_series, grade_order

runner = CliRunner(catch_exceptions=False)
ZJDAILY = "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang"
XUANZHIYUN = "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet"
PEOPLECN = "peoplecn-zj-2021-09-15-digital-economy-landmark-industry-002"
ZJOL = "zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime-005"
BULLETIN = "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021"
KEY_PLAYER = "chinadaily-pressreader-2022-06-29-tongxiang-key-player"


def test_grades_are_read_from_the_schema_strongest_first() -> None:
    assert grade_order() == ["official", "state_media", "regional_media", "media", "company", "repost", "secondary"]


def test_digital_economy_enterprises_of_tongxiang() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang")
    rows = [(r.period_label, r.role, float(r.value), r.qualifier, r.grade, r.observation_id) for r in s.itertuples()]
    assert rows == [
        ("end-2014", "preferred", 355.0, "eq", "state_media", "chinadaily-2024-05-28-dynamic-tongxiang-001"),
        # 300多 and 350多 agree with 355: bounds it meets, so they corroborate it (they competed before).
        ("end-2014", "corroborating", 300.0, "gt", "regional_media", ZJDAILY + "-001"),
        ("end-2014", "corroborating", 350.0, "gt", "repost", XUANZHIYUN + "-002"),
        ("2020-01-14", "preferred", 1890.0, "eq", "state_media", "chinadaily-2020-01-14-digital-economy-booms-007"),
        ("end-2020", "preferred", 2443.0, "eq", "regional_media", ZJDAILY + "-002"),
        # Two 2021 texts give 2443 with no date word (2021-09-15) and "so far" (至今, 2021-09-24): the first
        # repeats nothing (the end-2020 text was published after it, on 2021-09-27), the second repeats the first.
        ("2021-09-15", "preferred", 2443.0, "eq", "regional_media", PEOPLECN),
        ("2021-09-24", "restated", 2443.0, "eq", "repost", ZJOL),
        ("2021-12-10", "preferred", 2700.0, "gt", "repost", XUANZHIYUN + "-003"),
        ("end-2023", "preferred", 3694.0, "eq", "state_media", "chinadaily-2024-05-28-dynamic-tongxiang-002"),
    ]
    first = s.iloc[0]
    assert first["corroborated_by"] == (f"{XUANZHIYUN}, {ZJDAILY}")
    assert pd.isna(first["competing"])


def test_the_zone_never_enters_the_county_series() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang")
    assert set(s["subject"]) == {"tongxiang"}
    assert "mfbisv-2020-11-20-wuzhen-avenue-scitech-zone-005" not in set(s["observation_id"])


def test_a_bound_stays_a_bound() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang")
    row = s[s["observation_id"] == "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-003"].iloc[0]
    assert (row["qualifier"], float(row["value"]), row["value_text"]) == ("gt", 2700.0, "2700多家")


def test_targets_never_mix_with_actuals() -> None:
    actual = tde.series("event_guests", subject="world-internet-conference")
    target = tde.series("event_guests", subject="world-internet-conference", status="target")
    assert set(actual["status"]) == {"actual"}
    assert set(target["status"]) == {"target"}
    ind = tde.load("indicators")
    rows = ind[(ind["indicator"] == "event_guests") & (ind["project_id"] == "world-internet-conference")]
    assert len(actual) + len(target) == len(rows)  # every row of the indicator about the WIC is one or the other


def test_another_currency_is_not_comparable_and_says_why() -> None:
    s = tde.series("gdp", subject="tongxiang")
    year_2021 = s[s["period_label"] == "2021"]
    assert [(r.unit, r.role, r.reason if pd.notna(r.reason) else None) for r in year_2021.itertuples()] == [
        ("yi_yuan", "preferred", None),
        ("billion_yuan", "corroborating", None),
        ("billion_usd", "not_comparable", "in US dollars, not yuan: the package holds no exchange rate"),
    ]


def test_no_series_shows_two_preferred_figures_for_one_period() -> None:
    """Every indicator x subject x status of the shipped package: at most one preferred row per period."""
    everything = all_series()
    assert len(everything) == len(tde.load("indicators"))  # every figure is in its series
    preferred = everything[everything["role"] == "preferred"]
    keys = ["indicator", "subject", "status", "period_start", "period_end"]
    assert preferred[preferred.duplicated(keys, keep=False)][keys].values.tolist() == []
    assert set(everything["role"]) == {"preferred", "corroborating", "competing", "restated", "not_comparable"}
    # a figure set aside says why, and so do both sides of a dispute
    disputed = everything["competing"].notna() | (everything["role"] == "competing")
    set_aside = everything["role"].isin(["restated", "not_comparable"]) | disputed
    assert everything["reason"].notna().tolist() == set_aside.tolist()


@pytest.mark.parametrize(
    ("indicator", "subject", "status"),
    [("gdp", "tongxiang", "actual"), ("digital_economy_enterprises", "tongxiang", "actual"),
     ("event_guests", "world-internet-conference", "target")],
)  # fmt: skip
def test_all_series_marks_each_series_as_series_does(indicator: str, subject: str, status: str) -> None:
    everything = all_series()
    one = everything[
        (everything["indicator"] == indicator) & (everything["subject"] == subject) & (everything["status"] == status)
    ]
    assert one.reset_index(drop=True).astype(str).equals(tde.series(indicator, subject, status).astype(str))


def test_figures_that_agree_at_their_written_precision_corroborate() -> None:
    """1141.69亿元 is 114.169 billion: what 114.2 billion yuan rounds; not a conflict."""
    s = tde.series("gdp", subject="tongxiang")
    best = s[(s["period_label"] == "2021") & (s["role"] == "preferred")].iloc[0]
    assert (best["observation_id"], best["corroborated_by"]) == (f"{BULLETIN}-001", KEY_PLAYER)
    assert pd.isna(best["competing"])


def test_a_figure_no_reading_reconciles_competes(package: PackageCopy) -> None:
    rows = package.rows("indicators")
    for row in rows:
        if row["observation_id"] == f"{ZJDAILY}-001":  # 300多 -> 400多: more than 400 cannot be 355
            row["value"] = "400"
    package.write("indicators", rows)
    s = tde.series("digital_economy_enterprises", subject="tongxiang", path=package.root)
    end_2014 = s[s["period_label"] == "end-2014"]
    assert list(zip(end_2014["role"], end_2014["value"].astype(float), strict=True)) == [
        ("preferred", 355.0),
        ("corroborating", 350.0),
        ("competing", 400.0),
    ]
    assert end_2014.iloc[0]["competing"] == f"{ZJDAILY}-001"
    assert end_2014.iloc[0]["corroborated_by"] == XUANZHIYUN


def test_a_source_never_corroborates_itself(package: PackageCopy) -> None:
    """Trial 11 W2: the preferred figure's own source giving it again (another passage, or the same one entered
    twice) is `repeated`, with the figure named, never `corroborating`, and its source is not in `corroborated_by`;
    another source's agreeing figure still corroborates."""
    first = "chinadaily-2024-05-28-dynamic-tongxiang-001"  # 355 enterprises, end-2014
    rows = package.rows("indicators")
    copy = next(r for r in rows if r["observation_id"] == first)
    rows += [
        {**copy, "observation_id": "chinadaily-2024-05-28-dynamic-tongxiang-098", "evidence": "355 enterprises"},
        {**copy, "observation_id": "chinadaily-2024-05-28-dynamic-tongxiang-099"},
    ]
    package.write("indicators", rows)
    s = tde.series("digital_economy_enterprises", subject="tongxiang", path=package.root)
    end_2014 = s[s["period_label"] == "end-2014"]
    again = f"its source gives it again as {first}: one source, no corroboration"
    assert [(r.role, r.observation_id, r.reason) for r in end_2014.itertuples()] == [
        ("preferred", first, pd.NA),
        ("corroborating", ZJDAILY + "-001", pd.NA),
        ("corroborating", XUANZHIYUN + "-002", pd.NA),
        ("repeated", "chinadaily-2024-05-28-dynamic-tongxiang-098", again),
        ("repeated", "chinadaily-2024-05-28-dynamic-tongxiang-099", again),
    ]
    assert end_2014.iloc[0]["corroborated_by"] == f"{XUANZHIYUN}, {ZJDAILY}"
    shown = runner.invoke(
        cli, ["series", "digital_economy_enterprises", "--subject", "tongxiang", "--package", str(package.root)]
    )
    line = next(x for x in shown.output.splitlines() if "chinadaily-2024-05-28-dynamic-tongxiang-099" in x)
    assert line.split()[:3] == ["end-2014", "repeated", "355"] and line.endswith(again)


def test_a_faithful_repost_of_an_official_text_ranks_as_its_origin(package: PackageCopy) -> None:
    sources = tde.load("sources").set_index("source_id")
    assert (sources.at[BULLETIN, "grade"], sources.at[BULLETIN, "original_grade"]) == ("repost", "official")
    s = tde.series("gdp", subject="tongxiang")
    preferred = s[(s["period_label"] == "2021") & (s["role"] == "preferred")]
    assert list(preferred["source_id"]) == [BULLETIN]
    # Without the origin's grade the repost ranks as a repost, below the newspaper's rounding of its figure.
    package.edit("sources", list(sources.index).index(BULLETIN) + 2, original_grade="")
    s = tde.series("gdp", subject="tongxiang", path=package.root)
    preferred = s[(s["period_label"] == "2021") & (s["role"] == "preferred")]
    assert list(preferred["source_id"]) == [KEY_PLAYER]


def test_the_origin_grade_has_the_grades_of_the_source_grade() -> None:
    from tongxiang_digital_economy.core.paths import bundled_package_dir
    from tongxiang_digital_economy.schema.descriptor import read_descriptor, resource, table_schema

    shipped = bundled_package_dir()  # the installed package's own schemas (the wheel's test run has no checkout)
    fields = {f["name"]: f for f in table_schema(shipped, resource(read_descriptor(shipped), "sources"))["fields"]}
    assert fields["original_grade"]["constraints"]["enum"] == fields["grade"]["constraints"]["enum"]


def test_a_stock_restated_later_is_no_new_point() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang").set_index("observation_id")
    assert (s.at[ZJOL, "role"], s.at[ZJOL, "restates"], s.at[ZJOL, "reason"]) == (
        "restated",
        PEOPLECN,
        f"says again {PEOPLECN} (2021-09-15; published 2021-09-15): this text, published 2021-09-24 and dated only "
        "by its own date, came after it, within 2 years of that figure's date, agrees with it, and ranks no stronger",
    )
    assert s.at[f"{ZJDAILY}-002", "role"] == "preferred"


def test_a_figure_published_later_is_never_said_again() -> None:
    """Trial 3 N8: peoplecn (2021-09-15) cannot say again the end-2020 count of zjdaily, published 2021-09-27:
    only the period is earlier, not the text. It is a point of its own."""
    s = tde.series("digital_economy_enterprises", subject="tongxiang").set_index("observation_id")
    assert s.at[f"{ZJDAILY}-002", "text_date"] == "2021-09-27" and s.at[PEOPLECN, "text_date"] == "2021-09-15"
    assert s.at[PEOPLECN, "role"] == "preferred" and pd.isna(s.at[PEOPLECN, "restates"])


def test_a_flow_equal_to_the_year_before_is_a_new_observation(package: PackageCopy) -> None:
    """Review 2 F1: a year's flow dated by its publication that equals the year before's is no restatement."""
    rows = package.rows("indicators")
    flow = next(r for r in rows if r["observation_id"] == "zjdaily-peoplecn-2017-12-02-wuzhen-changes-007")
    assert flow["period_basis"] == "publication"
    earlier = {  # the same 100万元 for 2016, in an official text published before the flow's (2017-11-14)
        **flow,
        "observation_id": "wuzhenwic-2017-11-14-internet-industry-on-the-up-999",
        "source_id": "wuzhenwic-2017-11-14-internet-industry-on-the-up",
        "period_start": "2016-01-01",
        "period_end": "2016-12-31",
        "year": "2016",
        "period_basis": "stated",
        "period_text": "2016年",
    }
    package.write("indicators", [*rows, earlier])
    s = tde.series(flow["indicator"], subject=flow["place_id"] or flow["project_id"], path=package.root)
    s = s.set_index("observation_id")
    assert s.at[earlier["observation_id"], "role"] == "preferred"
    assert s.at[flow["observation_id"], "role"] == "preferred" and pd.isna(s.at[flow["observation_id"], "restates"])


def test_now_in_a_text_known_to_its_month_is_dated_by_its_text() -> None:
    """今天…超过1000家 in a text of November 2023 written before the summit opened on 11月8日 (将在乌镇启幕:
    sources.written_before; filed at the latest day it allows, 2023-11-07) says again the "more than 1,000" of a
    state-media text of 2022-11-09: dated by its own text, though only to the days its words leave."""
    s = tde.series("digital_economy_enterprises", subject="wuzhen").set_index("observation_id")
    now = "gmw-asjd5-2023-11-wuzhen-ten-years-12-to-1000-firms-002"
    assert (s.at[now, "text_date"], s.at[now, "period_label"]) == ("2023-11-01/2023-11-07", "2023-11-07")
    assert pd.isna(s.at[now, "reposted"])  # a text its words bound is no repost
    assert (s.at[now, "role"], s.at[now, "restates"]) == (
        "restated",
        "ezhejiang-2022-11-09-host-town-internet-economy-003",
    )


def test_a_stated_date_is_never_a_restatement(package: PackageCopy) -> None:
    """The same 2443 dated by words that state its own date (2021年9月24日, not 至今) is a new observation."""
    rows = package.rows("indicators")
    for row in rows:
        if row["observation_id"] == ZJOL:
            row["period_basis"], row["period_text"] = "stated", "2021年9月24日"
    package.write("indicators", rows)
    s = tde.series("digital_economy_enterprises", subject="tongxiang", path=package.root).set_index("observation_id")
    assert (s.at[PEOPLECN, "role"], s.at[ZJOL, "role"]) == ("preferred", "preferred")
    assert pd.isna(s.at[ZJOL, "restates"])


TOWNS_2019 = "zqcn-2019-09-17-zhu-weiqiang-digital-economy-ip-002"
TOWNS_2023 = "txgov-2023-02-tongxiang-basic-profile-002"
WIKI = "wikipedia-matr1x-2023-tongxiang-city-article"


def as_the_mirror(package: PackageCopy, source_id: str) -> None:
    """Grade a repost as the mirror it was archived from (original_grade cleared), as before issue 13's grading."""
    row = next(i for i, r in enumerate(package.rows("sources"), start=2) if r["source_id"] == source_id)
    package.edit("sources", row, original_grade="")


def published_on(package: PackageCopy, date: str) -> None:
    """The copy's Wikipedia text published on `date` (the archive knows only its year), its 8 towns dated by it."""
    sources, rows = package.rows("sources"), package.rows("indicators")
    for source in sources:
        if source["source_id"] == WIKI:
            source["published"] = date
    for row in rows:
        if row["observation_id"] == f"{WIKI}-010":
            assert row["period_basis"] == "publication"
            row["period_start"] = row["period_end"] = date
            row["year"] = date[:4]
    package.write("sources", sources)
    package.write("indicators", rows)


def test_a_stronger_later_source_is_never_hidden_behind_a_weaker_one(package: PackageCopy) -> None:
    """X3: the government's 2023 profile (official) saying 8 towns after a 2019 newspaper (media) is a point of
    its own; a weaker text after it restates it, not the 2019 figure."""
    s = tde.series("towns_administered", subject="tongxiang").set_index("observation_id")
    assert s.at[TOWNS_2019, "role"] == "preferred"
    assert (s.at[TOWNS_2023, "role"], s.at[TOWNS_2023, "grade"]) == ("preferred", "official")
    assert s.at["chinadaily-2021-03-16-tongxiang-city-profile-001", "role"] == "preferred"  # state media > media
    assert s.at["twwiki-2020-tongxiang-encyclopedia-entry-005", "restates"] == TOWNS_2019  # secondary < media
    # Wikipedia's text is known only to its year (2023): not known to follow the profile (2023-02), it repeats
    # nothing; published in June, it says the profile's figure again.
    assert s.at[f"{WIKI}-010", "role"] == "preferred" and pd.isna(s.at[f"{WIKI}-010", "restates"])
    published_on(package, "2023-06-01")
    s = tde.series("towns_administered", subject="tongxiang", path=package.root).set_index("observation_id")
    assert (s.at[f"{WIKI}-010", "role"], s.at[f"{WIKI}-010", "restates"]) == ("restated", TOWNS_2023)


def test_a_rounder_repeat_is_restated_and_draws_no_fall(package: PackageCopy) -> None:
    """X4: 18億億次 (2025) agrees with 181.9千万亿次 at its written precision. Trial 11: CCTV's page ranks as the
    origin it names (央視網, state_media), above the 2023 text, yet 18億億次 stands for 175 to 185 千万亿次, which
    holds 181.9: written coarser, it says less, so it is restated however it ranks (semantics.claims.coarser), and
    no fall to 180 is drawn. The 2023 text's 181.9, as precise as the 2022 repost's it follows and ranked above it,
    stays a point of its own. On a copy whose page is graded as the mirror alone it is restated by rank as well."""
    from tongxiang_digital_economy.use.chart import chart

    subject = "light-of-wuzhen-supercomputing-center"
    rounder = "cctv-outputnews-2025-06-04-wuzhen-town-economy-006"
    northnews = "northnews-2023-11-wuzhen-ten-years-slow-and-fast-003"
    shipped = tde.series("computing_power", subject=subject).set_index("observation_id")
    assert (shipped.at[rounder, "role"], shipped.at[rounder, "restates"], shipped.at[rounder, "reason"]) == (
        "restated",
        northnews,
        f"says again {northnews} (2023-11-30; published 2023-11): this text, published 2025-06-04 and dated only by "
        "its own date, came after it, within 2 years of that figure's date, agrees with it, and is written coarser "
        "(state_media, ranked stronger, but its precision holds that figure: it says less)",
    )
    assert shipped.at[northnews, "role"] == "preferred"
    drawn = chart("computing_power", subject).rows
    assert rounder not in set(drawn["observation_id"])
    assert set(drawn.loc[drawn["role"] == "preferred", "value"]) == {181.9}
    as_the_mirror(package, "cctv-outputnews-2025-06-04-wuzhen-town-economy")
    s = tde.series("computing_power", subject=subject, path=package.root).set_index("observation_id")
    assert (s.at[rounder, "role"], s.at[rounder, "restates"]) == ("restated", northnews)
    assert s.at[rounder, "reason"].endswith("agrees with it, and ranks no stronger")


def test_a_figure_with_another_bound_word_is_no_restatement() -> None:
    """Trial 3 N1: "六千余年" (more than 6,000 years, 2016) is true of the 7,000 years stated before, but it does not
    say them again: it is a point of its own, not hidden as a repeat."""
    s = tde.series("civilization_history_length", subject="wuzhen").set_index("observation_id")
    six = s.index[(s["value"] == 6000) & (s["qualifier"] == "gt")]
    assert len(six) == 1
    assert s.at[six[0], "role"] != "restated" and pd.isna(s.at[six[0], "restates"])


@pytest.mark.parametrize(("date", "role"), [("2024-12-31", "restated"), ("2025-02-04", "preferred")])
def test_a_repeat_more_than_two_years_later_is_a_new_observation(package: PackageCopy, date: str, role: str) -> None:
    """A weaker text dated only by its own date says again the 2023 profile's 8 towns within two years; later, it
    states the level anew (a point of its own)."""
    published_on(package, date)
    s = tde.series("towns_administered", subject="tongxiang", path=package.root).set_index("observation_id")
    wiki = f"{WIKI}-010"
    assert s.at[wiki, "role"] == role
    assert s.at[wiki, "restates"] == TOWNS_2023 if role == "restated" else pd.isna(s.at[wiki, "restates"])


def test_a_half_year_flow_is_its_own_period_named_by_its_span() -> None:
    s = tde.series("gdp", subject="tongxiang")
    half = s[s["period_end"].astype(str) == "2019-06-30"].iloc[0]
    assert (half["role"], str(half["period_start"].date()), half["period_label"]) == (
        "preferred",
        "2019-01-01",
        "H1 2019",
    )
    year = s[s["period_end"].astype(str) == "2019-12-31"].iloc[0]
    assert (year["role"], year["period_label"]) == ("preferred", "2019")


def test_ties_are_broken_by_grade_then_recency(package: PackageCopy) -> None:
    sources = package.rows("sources")
    for row in sources:
        if row["source_id"] == "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet":
            row["grade"] = "official"
    package.write("sources", sources)
    s = tde.series("digital_economy_enterprises", subject="tongxiang", path=package.root)
    preferred = s[s["role"] == "preferred"]
    assert list(preferred["source_id"])[:2] == [
        "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet",
        "chinadaily-2020-01-14-digital-economy-booms",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", "tongxiang"), "no indicator named 'nope'; `show indicator_definitions` lists them"),
        (
            ("digital_economy_enterprises", "nowhere"),
            "digital_economy_enterprises has no figures about 'nowhere'; its subjects: tongxiang, "
            "tongxiang-economic-development-zone, wuzhen, wuzhen-avenue-scitech-zone",
        ),
        # trial 3 N10: an id in another case, a name or a Chinese name (either script) leads to the id
        (("GDP", "tongxiang"), "no indicator named 'GDP'; did you mean 'gdp'?"),
        (
            ("gdp", "Tongxiang"),
            "gdp has no figures about 'Tongxiang'; did you mean 'tongxiang'? its subjects: tongxiang, wuzhen, "
            "wuzhen-avenue-scitech-zone",
        ),
        (
            ("gdp", "桐乡"),
            "gdp has no figures about '桐乡'; did you mean 'tongxiang'? its subjects: tongxiang, wuzhen, "
            "wuzhen-avenue-scitech-zone",
        ),
        (
            ("gdp", "烏鎮"),
            "gdp has no figures about '烏鎮'; did you mean 'wuzhen'? its subjects: tongxiang, wuzhen, "
            "wuzhen-avenue-scitech-zone",
        ),
        # trial 4 m5: an edition in another case leads to the edition, as a subject's name does
        (
            ("event_guests", "WIC-2023"),
            "event_guests has no figures about 'WIC-2023'; did you mean 'wic-2023'? its subjects: "
            "digital-yangtze-river-delta-development-conference, focus-tongxiang-meet-wuzhen-trade-fair, "
            "huayou-cobalt-2016-international-annual-conference, world-internet-conference",
        ),
        # trial 4 m4: gdp is about places (indicator_definitions.subject), so an edition is no subject of it
        (
            ("gdp", "wic-2023"),
            "gdp is a figure of places, not of events: 'wic-2023' is an edition of world-internet-conference; "
            "its subjects: tongxiang, wuzhen, wuzhen-avenue-scitech-zone",
        ),
        # review 4 F7: the same hint for the edition in another case (the one suggester reads both)
        (
            ("gdp", "WIC-2023"),
            "gdp is a figure of places, not of events: 'WIC-2023' names the edition 'wic-2023' of "
            "world-internet-conference; its subjects: tongxiang, wuzhen, wuzhen-avenue-scitech-zone",
        ),
    ],
)
def test_series_errors(args: tuple[str, str], message: str) -> None:
    with pytest.raises(SeriesError) as caught:
        tde.series(*args)
    assert str(caught.value) == message


def test_series_command_needs_a_subject_when_there_are_several() -> None:
    """A missing --subject is a usage error (exit 2), as a missing argument is (trial 3, N10)."""
    result = runner.invoke(cli, ["series", "digital_economy_enterprises"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: digital_economy_enterprises has figures about 4 subjects; name one (--subject): tongxiang, "
        "tongxiang-economic-development-zone, wuzhen, wuzhen-avenue-scitech-zone"
    )


def test_no_figures_of_a_status_names_the_status_that_has_some() -> None:
    """Trial 3 N10: the Sugon base has no actual output value but one target; `series` says where to look."""
    args = ["series", "output_value", "--subject", "sugon-high-performance-server-production-base"]
    targets = len(tde.series("output_value", "sugon-high-performance-server-production-base", "target"))
    assert targets == 1
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output) == (0, "no actual figures (--status target has 1 figure)\n")


def test_series_command_json_is_typed() -> None:
    result = runner.invoke(
        cli, ["series", "digital_economy_enterprises", "--subject", "tongxiang", "--preferred", "--format", "json"]
    )
    assert result.exit_code == 0
    rows = json.loads(result.stdout)  # stdout is the data; notes (figures on Wuzhen, a part) are on stderr
    assert [(r["period_label"], r["value"], r["qualifier"], r["observation_id"]) for r in rows] == [
        ("end-2014", 355, "eq", "chinadaily-2024-05-28-dynamic-tongxiang-001"),
        ("2020-01-14", 1890, "eq", "chinadaily-2020-01-14-digital-economy-booms-007"),
        ("end-2020", 2443, "eq", f"{ZJDAILY}-002"),
        ("2021-09-15", 2443, "eq", PEOPLECN),  # once: its later repeat (2021-09-24) is `restated`, not preferred
        ("2021-12-10", 2700, "gt", f"{XUANZHIYUN}-003"),
        ("end-2023", 3694, "eq", "chinadaily-2024-05-28-dynamic-tongxiang-002"),
    ]


def test_a_page_graded_as_its_own_origin_shows_its_grade_once() -> None:
    """Issue 13 (sources9): China Daily via PressReader names China Daily, graded state_media as itself: the table
    says `state_media`, not `state_media of state_media`; a mirror of the bulletin says `repost of official`."""
    table = runner.invoke(cli, ["series", "gdp", "--subject", "tongxiang"]).output.splitlines()
    daily = next(line for line in table if "chinadaily-pressreader-2022-06-29-tongxiang-key-player-003" in line)
    bulletin = next(line for line in table if f"{BULLETIN}-001" in line)
    assert (" state_media " in daily, " of " in daily, "repost of official" in bulletin) == (True, False, True)


def test_every_series_output_carries_the_observation_id() -> None:
    base = ["series", "gdp", "--subject", "tongxiang"]
    ids = list(tde.series("gdp", "tongxiang")["observation_id"])
    table = runner.invoke(cli, base).output.splitlines()
    assert table[0].split() == [
        "period", "role", "value", "qualifier", "unit", "value_text", "grade", "observation_id", "reason"
    ]  # fmt: skip
    # After the rows, the same measure on Tongxiang's parts (trial 9 V1): the zone's and Wuzhen's GDP.
    assert [line.split(":")[0] for line in table[len(ids) + 1 :]] == [
        "also under its part wuzhen-avenue-scitech-zone",
        "also under its part wuzhen",
    ]
    assert all(i in line for i, line in zip(ids, table[1 : len(ids) + 1], strict=True))
    bulletin = " ".join(table[4].split())
    assert bulletin == f"2021 preferred 1141.69 eq yi_yuan 1141.69亿元 repost of official {BULLETIN}-001"
    dollars = " ".join(table[6].split())
    assert dollars == (
        f"2021 not_comparable 17 eq billion_usd $17 billion state_media {KEY_PLAYER}-004 "
        "in US dollars, not yuan: the package holds no exchange rate"
    )
    csv_rows = runner.invoke(cli, [*base, "--format", "csv"]).stdout.splitlines()
    header = csv_rows[0].split(",")
    assert [line.split(",")[header.index("observation_id")] for line in csv_rows[1:]] == ids
    assert [r["observation_id"] for r in json.loads(runner.invoke(cli, [*base, "--format", "json"]).stdout)] == ids


def test_a_date_known_to_the_month_or_year_counts_as_its_first_day() -> None:
    import pandas as pd

    from tongxiang_digital_economy.semantics.roles import first_day

    dates = first_day(pd.Series(["2018", "2018-11", "2018-11-06", None], dtype="string"))
    assert [None if pd.isna(d) else str(d.date()) for d in dates] == ["2018-01-01", "2018-11-01", "2018-11-06", None]


def test_an_edition_without_figures_of_the_indicator_says_so_and_lists_those_with() -> None:
    """Trial 3 N3: wic-2024 has no guests figure; the error names the edition, not the whole indicator."""
    from tongxiang_digital_economy.core.exceptions import SeriesError

    with pytest.raises(SeriesError) as raised:
        tde.series("event_guests", subject="wic-2024")
    message = str(raised.value)
    assert message.startswith("event_guests has no figures of the edition 'wic-2024'; its editions with figures: ")
    assert "wic-2023" in message.split(": ", 1)[1].split(", ")


def test_a_series_of_one_edition_of_the_conference() -> None:
    """The 2023 summit is one edition with one period wherever it appears: its figures follow as one series."""
    s = tde.series("event_guests", subject="wic-2023")
    assert set(s["event_id"]) == {"wic-2023"} and set(s["subject"]) == {"world-internet-conference"}
    assert list(s["role"]) == ["preferred", "corroborating", "corroborating"]
    assert {(str(a.date()), str(b.date())) for a, b in zip(s["period_start"], s["period_end"], strict=True)} == {
        ("2023-11-08", "2023-11-10")
    }
    whole = tde.series("event_guests", subject="world-internet-conference")
    assert (whole["event_id"] == "wic-2023").sum() == len(s)
    assert whole["event_id"].notna().sum() > len(s)  # other editions' figures carry their own edition


@pytest.mark.parametrize("command", [["series", "gdp"], ["plot", "gdp", "-o", "x.svg"]])
def test_an_indicator_without_figures_is_said_so(package: PackageCopy, command: list[str]) -> None:
    package.write("indicators", [])
    command = [str(package.root / c) if c == "x.svg" else c for c in command]
    result = runner.invoke(cli, [*command, "--package", str(package.root)])
    assert (result.exit_code, result.output) == (1, "Error: gdp has no figures in this package\n")


def test_the_library_names_its_argument_and_the_cli_its_option() -> None:
    """tde.series speaks Python (subject=), the CLI says --subject: one message, translated (trial 2, U9)."""
    with pytest.raises(tde.SeriesError) as caught:
        tde.series("digital_economy_enterprises")
    assert str(caught.value) == (
        "digital_economy_enterprises has figures about 4 subjects; name one (subject=): tongxiang, "
        "tongxiang-economic-development-zone, wuzhen, wuzhen-avenue-scitech-zone"
    )
    assert "--" not in str(caught.value)


def test_every_restated_reason_names_dates_in_the_order_it_claims() -> None:
    """Trial 3 N8: a reason never says a figure was stated before a text that was published first: every restated
    row of the package names both publication dates, the one it says again first."""
    import re

    every = all_series()
    restated = every[every["role"] == "restated"]
    assert len(restated)
    from tongxiang_digital_economy.text.periods import as_words

    shape = re.compile(r"says again \S+ \(.+; published (.+?)\): this text, published (.+?) and dated only .+")
    first_day = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}")  # a window's words ("between A and B") name A first
    for reason, own in zip(restated["reason"], restated["text_date"], strict=True):
        match = shape.fullmatch(reason)
        assert match, reason
        said_again, this = (first_day.search(match.group(k)) for k in (1, 2))
        assert said_again is not None and this is not None, reason
        assert match.group(2) == as_words(own) and said_again[0] <= this[0], reason


def test_a_preferred_table_shows_that_a_figure_is_disputed() -> None:
    """Trial 3 N9: `series --preferred` in table form hid the competing 40多億元 of 2014; the reason says it."""
    result = CliRunner().invoke(
        cli,
        ["series", "digital_economy_core_industry_output_value", "--subject", "tongxiang", "--preferred"],
        catch_exceptions=False,
    )
    line = next(line for line in result.output.splitlines() if line.strip().startswith("2014"))
    assert line.endswith(f"disputed: {ZJDAILY}-005 gives a different figure")
    s = tde.series("digital_economy_core_industry_output_value", subject="tongxiang").set_index("observation_id")
    assert s.at[f"{ZJDAILY}-005", "reason"] == (
        "differs from the preferred chinadaily-2024-05-28-dynamic-tongxiang-003 "
        "(its source ranks as state_media, above regional_media)"
    )


def test_a_competing_reason_says_what_separated_the_figures_and_a_tie_prefers_neither() -> None:
    """Review 3 F5: the first WIC's "nearly 100" and "more than 100" countries come from one text (one grade, one
    date): nothing ranks one above the other, so neither is preferred and both say why. Where a grade decided,
    the reason names both grades; where the date decided, both dates."""
    wic = tde.series("event_countries_regions_represented", "wic-2014").set_index("observation_id")
    ecns = "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen"
    assert wic.at[f"{ecns}-001", "role"] == wic.at[f"{ecns}-005", "role"] == "competing"
    assert wic.at[f"{ecns}-001", "reason"] == f"one text gives both: {ecns}-005 gives a different figure"
    assert wic.at[f"{ecns}-005", "reason"] == f"one text gives both: {ecns}-001 gives a different figure"
    assert "preferred" not in set(wic.loc[[f"{ecns}-001", f"{ecns}-005"], "role"])
    exhibitors = tde.series("event_exhibitor_countries_regions", "light-of-internet-expo")  # the expo's (trial 9 V1)
    recap = exhibitors.set_index("observation_id").at[
        "zjdaily-archyde-2023-11-11-wuzhen-summit-2023-recap-013", "reason"
    ]
    assert recap == (
        "differs from the preferred xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-004 "
        "(its source ranks as state_media, above secondary)"
    )


def test_a_competing_figure_set_aside_by_date_names_both_dates(package: PackageCopy) -> None:
    """Two texts of one grade: the newer text's figure is preferred and the older's reason gives both dates; with
    the dates made equal nothing separates them, so neither is preferred and the reason says why."""
    chinadaily = "chinadaily-2024-05-28-dynamic-tongxiang"
    rows, sources = package.rows("indicators"), package.rows("sources")
    first = next(r for r in rows if r["observation_id"] == f"{chinadaily}-003")
    own = next(s for s in sources if s["source_id"] == chinadaily)
    assert own["grade"] == "state_media" and own["published"] == "2024-05-28"
    package.write("indicators", [*rows, dict(first, observation_id="zz-twin-001", source_id="zz-twin", value="6.1")])

    def reasons(published: str) -> dict[str, tuple[str, str]]:
        package.write("sources", [*sources, dict(own, source_id="zz-twin", published=published)])
        s = tde.series("digital_economy_core_industry_output_value", "tongxiang", path=package.root)
        return {o: (r, why) for o, r, why in zip(s["observation_id"], s["role"], s["reason"], strict=True)}

    older = reasons("2020-01-01")
    assert older[f"{chinadaily}-003"][0] == "preferred"
    assert older["zz-twin-001"] == (
        "competing",
        f"differs from the preferred {chinadaily}-003 (its text is dated 2024-05-28, after 2020-01-01)",
    )
    same = reasons("2024-05-28")
    why = "texts of the same grade (state_media) and date (2024-05-28) differ"
    assert same[f"{chinadaily}-003"] == ("competing", f"{why}: zz-twin-001 gives a different figure")
    assert same["zz-twin-001"] == ("competing", f"{why}: {chinadaily}-003 gives a different figure")
    assert same[f"{ZJDAILY}-005"] == (
        "competing",
        f"differs from {chinadaily}-003 (its source ranks as state_media, above regional_media)",
    )


GXCASTING = "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen"


def test_a_repost_is_ranked_shown_and_reasoned_by_its_original_date(package: PackageCopy) -> None:
    """Review 3 F7: the gxcasting interview, reposted on 2020-04-29, is a text of before the first WIC (review 5
    R2: `../2014-11-18`, no date of its own). Series shows its text date with the repost's in `reposted`, and ranks
    it by that date: a same-grade text of 2015 with another figure for its period is the newer text and is
    preferred, and the reason names the two text dates."""
    s = tde.series("history_since_town_founding", "wuzhen").set_index("observation_id")
    assert (s.at[f"{GXCASTING}-002", "text_date"], s.at[f"{GXCASTING}-002", "reposted"]) == (
        "../2014-11-18",
        "2020-04-29",
    )
    assert s["reposted"].isna().sum() == len(s) - 1  # a text first published where it is archived has none
    rows, sources = package.rows("indicators"), package.rows("sources")
    own = next(r for r in sources if r["source_id"] == GXCASTING)
    first = next(r for r in rows if r["observation_id"] == f"{GXCASTING}-002")
    twin = dict(own, source_id="zz-later", published="2015-01-01", original_published="", original_published_text="")
    package.write("sources", [*sources, twin])
    package.write("indicators", [*rows, dict(first, observation_id="zz-later-001", source_id="zz-later", value="1400")])
    s = tde.series("history_since_town_founding", "wuzhen", path=package.root).set_index("observation_id")
    assert s.at["zz-later-001", "role"] == "preferred"
    assert (s.at[f"{GXCASTING}-002", "role"], s.at[f"{GXCASTING}-002", "reason"]) == (
        "competing",
        "differs from the preferred zz-later-001 (its text is dated 2015-01-01, after no later than 2014-11-18)",
    )


def shipped_definition(indicator: str, column: str) -> str:
    """A cell of the installed package's indicator_definitions, read from its CSV (not through the library)."""
    import csv

    from tongxiang_digital_economy.core.paths import bundled_package_dir

    with (bundled_package_dir() / "data" / "indicator_definitions.csv").open(encoding="utf-8", newline="") as f:
        return next(r[column] for r in csv.DictReader(f) if r["indicator"] == indicator)


def test_figures_the_definition_calls_not_comparable_prefer_none_and_say_why() -> None:
    """M5 (trial 4): Wuzhen's "1,000-year-old history" (2022) and "7000年历史" (2023) count from events no source
    names: neither is preferred, each says why in the definition's words, so no table reads them as a rise."""
    why = shipped_definition("history_length", "not_comparable")
    assert "does not name" in why
    s = tde.series("history_length", subject="wuzhen")
    reason = f"history_length's figures are not comparable with one another: {why}"
    assert [(r.period_label, r.role, float(r.value), r.reason) for r in s.itertuples()] == [
        ("2022-11-09", "not_comparable", 1000.0, reason),
        ("2023-11-30", "not_comparable", 7000.0, reason),
    ]
    said = (
        f"no preferred figures: history_length's figures are not comparable with one another: {why}; "
        "without `--preferred` the series lists all 2"
    )
    assert tde.series("history_length", subject="wuzhen", preferred=True).attrs["none_preferred"] == said
    result = runner.invoke(cli, ["series", "history_length", "--subject", "wuzhen", "--preferred"])
    assert (result.exit_code, result.output) == (0, said + "\n")


@pytest.mark.parametrize(("fmt", "empty"), [("csv", "indicator,subject,"), ("json", "[]")])
def test_csv_and_json_say_why_none_is_preferred_on_stderr(fmt: str, empty: str) -> None:
    """Review 4 F8: `--preferred --format csv` printed a bare header and no reason anywhere."""
    result = runner.invoke(cli, ["series", "history_length", "--subject", "wuzhen", "--preferred", "--format", fmt])
    assert result.exit_code == 0
    assert result.stdout.startswith(empty)
    assert result.stderr.startswith("note: no preferred figures: history_length's figures are not comparable")
    assert result.stderr.endswith("without `--preferred` the series lists all 2\n")


def test_a_series_with_a_preferred_figure_says_nothing_of_none() -> None:
    chosen = tde.series("gdp", subject="tongxiang", preferred=True)
    assert len(chosen) and set(chosen["role"]) == {"preferred"}
    assert chosen.attrs["none_preferred"] is None


def test_only_the_definition_makes_figures_not_comparable(package: PackageCopy) -> None:
    """The column is the one source of the rule: emptied, the two figures are a series again (each preferred in
    its period); set on gdp, Tongxiang's GDP figures are all set aside with its words."""
    rows = package.rows("indicator_definitions")
    for row in rows:
        if row["indicator"] == "history_length":
            row["not_comparable"] = ""
        if row["indicator"] == "gdp":
            row["not_comparable"] = "counted two ways"
    package.write("indicator_definitions", rows)
    roles = set(tde.series("history_length", "wuzhen", path=package.root)["role"])
    assert roles == {"preferred"}
    gdp = tde.series("gdp", "tongxiang", path=package.root)
    mine = gdp[gdp["reason"] == "gdp's figures are not comparable with one another: counted two ways"]
    # Every figure not already set aside as another currency is set aside by the definition.
    assert set(gdp["role"]) == {"not_comparable"}
    assert len(mine) == int((gdp["unit"] != "billion_usd").sum())


def test_series_and_plot_give_one_answer_to_one_fault(tmp_path: Path) -> None:
    """Trial 4 m3 and m4: the same missing subject, or an edition given for a figure of places, is the same exit
    code and the same Error line from `series` and from `plot`."""
    for args, code, line in [
        (
            [],
            2,
            "Error: gdp has figures about 3 subjects; name one (--subject): tongxiang, wuzhen, "
            "wuzhen-avenue-scitech-zone",
        ),
        (
            ["--subject", "wic-2023"],
            1,
            "Error: gdp is a figure of places, not of events: 'wic-2023' is an edition "
            "of world-internet-conference; its subjects: tongxiang, wuzhen, wuzhen-avenue-scitech-zone",
        ),
    ]:
        said = runner.invoke(cli, ["series", "gdp", *args])
        drawn = runner.invoke(cli, ["plot", "gdp", *args, "-o", str(tmp_path / "a.png")])
        assert (said.exit_code, said.output.splitlines()[-1]) == (code, line)
        assert (drawn.exit_code, drawn.output.splitlines()[-1]) == (code, line)
        assert not (tmp_path / "a.png").exists()


def test_preferred_names_a_period_whose_figures_all_compete() -> None:
    """Trial 8 U3: the first summit's "nearly 100" and "more than 100" countries (one text) are both competing;
    `--preferred` dropped 2014 unsaid. attrs and every CLI form name the period, why, and its figures."""
    said = (
        "no preferred figure for 2014-11-19 to 2014-11-21: one text gives both: "
        "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-001 (nearly 100), "
        "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-005 (more than 100); "
        "without `--preferred` the series lists them"
    )
    args = ["series", "event_countries_regions_represented", "--subject", "world-internet-conference", "--preferred"]
    chosen = tde.series(args[1], subject=args[3], preferred=True)
    assert chosen.attrs["none_preferred"] == said
    assert "2014-11-19 to 2014-11-21" not in set(chosen["period_label"])
    table = runner.invoke(cli, args, catch_exceptions=False)
    assert (table.exit_code, table.output.splitlines()[-1]) == (0, said)
    for fmt in ("csv", "json"):
        result = runner.invoke(cli, [*args, "--format", fmt], catch_exceptions=False)
        assert (result.exit_code, result.stderr) == (0, f"note: {said}\n")
        assert said not in result.stdout


@pytest.mark.parametrize(
    ("published", "preferred", "reason"),
    [
        # A twin of before the bound: the interview, read at 2014-11-18 (as the rules read it), is the more recent.
        ("2014-03-01", GXCASTING + "-002", "its text is dated no later than 2014-11-18, after 2014-03-01"),
        ("2014-12-01", "zz-twin-001", "its text is dated 2014-12-01, after no later than 2014-11-18"),
    ],
)
def test_an_open_start_text_date_ranks_at_its_last_day(
    package: PackageCopy, published: str, preferred: str, reason: str
) -> None:
    """Review 6 F4: `series` read `../2014-11-18` as 1900-01-01 (the oldest text of any series) and said "dated
    2014-03-01, after ../2014-11-18". A same-grade twin of the interview with a competing figure ranks by the day
    the rules read the interview at, and the reason says "no later than"."""
    sources, rows = package.rows("sources"), package.rows("indicators")
    own = next(r for r in sources if r["source_id"] == GXCASTING)
    first = next(r for r in rows if r["observation_id"] == f"{GXCASTING}-002")
    twin = dict(own, source_id="zz-twin", published=published, original_published="", original_published_text="")
    package.write("sources", [*sources, twin])
    package.write("indicators", [*rows, dict(first, observation_id="zz-twin-001", source_id="zz-twin", value="1400")])
    s = tde.series("history_since_town_founding", "wuzhen", path=package.root).set_index("observation_id")
    other = ({GXCASTING + "-002", "zz-twin-001"} - {preferred}).pop()
    assert (s.at[preferred, "role"], s.at[other, "role"]) == ("preferred", "competing")
    assert s.at[other, "reason"].endswith(f"({reason})"), s.at[other, "reason"]


@pytest.mark.parametrize(
    ("indicator", "subject", "observation_id", "value", "value_text"),
    [
        (
            "workforce_change_fraction",
            "zhejiang-mandeli-coatings",
            "qjwb-txnews-2017-11-21-tongxiang-information-industry-006",
            "-1/3 eq",
            "减少了三分之一",
        ),
        (
            "town_urban_area_increase",
            "wuzhen",
            "zjdaily-peoplecn-2017-12-02-wuzhen-changes-002",
            "3/5 approx",
            "近五分之三",
        ),
    ],
)
def test_the_table_writes_a_fraction_with_its_denominator(
    indicator: str, subject: str, observation_id: str, value: str, value_text: str
) -> None:
    """Trial 10 m7: the table view printed "-1 fraction" for 减少了三分之一 (value -1, value_denominator 3)."""
    result = runner.invoke(cli, ["series", indicator, "--subject", subject])
    assert result.exit_code == 0
    header, *rows = result.output.splitlines()
    assert header.split() == [
        "period",
        "role",
        "value",
        "qualifier",
        "unit",
        "value_text",
        "grade",
        "observation_id",
        "reason",
    ]
    (row,) = [r.split() for r in rows if observation_id in r]
    assert row[-6:] == [*value.split(), "fraction", value_text, "regional_media", observation_id]
    csv_rows = runner.invoke(cli, ["series", indicator, "--subject", subject, "--format", "csv"]).output.splitlines()
    (line,) = [r for r in csv_rows if observation_id in r]
    numerator, denominator = value.split()[0].split("/")
    assert f",{numerator},,{denominator}," in line


def test_a_series_base_unit_is_most_of_its_figures_then_the_best_ranked_figure() -> None:
    """not_comparable.set_aside_other_base_units counts by arrays (issue 15): series a has two figures in yuan and
    one in US dollars (the dollars are set aside); series b has one of each (a tie: the best-ranked figure's yuan is
    the series' unit); a row of no series is never set aside. period_codes puts every row of no series in one
    period."""
    from tongxiang_digital_economy.semantics.not_comparable import set_aside_other_base_units
    from tongxiang_digital_economy.semantics.period_roles import period_codes

    day = pd.Timestamp("2020-12-31")
    rows = pd.DataFrame(
        {
            "_series": pd.array(["a", "a", "a", "b", "b", None, None], dtype="string"),
            "base_unit": pd.array(["usd", "yuan", "yuan", "usd", "yuan", "usd", "yuan"], dtype="string"),
            "_rank": [0, 1, 1, 1, 0, 0, 0],
            "period_start": [pd.NaT] * 7,
            "period_end": [day, day, day, day, day, day, day - pd.Timedelta(days=1)],
            "role": pd.array([None] * 7, dtype="string"),
            "reason": pd.array([None] * 7, dtype="string"),
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )
    set_aside_other_base_units(rows, pd.Series({"usd": "US dollars", "yuan": "yuan"}))
    said = "in US dollars, not yuan: the package holds no exchange rate"
    assert rows["role"].tolist() == ["not_comparable", pd.NA, pd.NA, "not_comparable", pd.NA, pd.NA, pd.NA]
    assert rows["reason"].tolist() == [said, pd.NA, pd.NA, said, pd.NA, pd.NA, pd.NA]
    assert period_codes(rows).tolist() == [0, 0, 0, 1, 1, 2, 2]
    assert period_codes(rows, np.asarray([3, 5, 6, 0])).tolist() == [0, 1, 1, 2]
