"""The browsable site: Datasette's own test client, then once a real headless browser."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use import serve_plugin
from tongxiang_digital_economy.use.frames import describe

pytest.importorskip("datasette", reason="serve needs the serve extra (Datasette)")

OID = "chinadaily-2024-05-28-dynamic-tongxiang-002"  # 3,694 digital-economy enterprises in Tongxiang, 2023
runner = CliRunner(catch_exceptions=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    result = runner.invoke(cli, ["serve", "--build-only", str(folder)])
    assert result.output == f"wrote {folder / 'tongxiang.db'} and {folder / 'metadata.json'}\n"
    return folder


def get(site: Path, *paths: str) -> list[Any]:
    """Responses of Datasette's test client for each path, with serve's plugin registered as the served process
    registers it (use.serve.LAUNCH)."""
    from datasette.app import Datasette

    serve_plugin.register()

    async def fetch() -> list[Any]:
        ds = Datasette(
            immutables=[str(site / "tongxiang.db")], metadata=json.loads((site / "metadata.json").read_text())
        )
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(fetch())


def test_every_table_with_title_description_and_columns(site: Path) -> None:
    meta = json.loads((site / "metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC-BY-4.0"
    assert meta["about"].startswith("How to cite: ") and f"Version {tde.version()}" in meta["about"]
    tables = meta["databases"]["tongxiang"]["tables"]
    for name in tde.tables():
        attrs = describe(name)  # what tde.load(name).attrs holds, before the loader's derived columns
        assert (tables[name]["title"], tables[name]["columns"]) == (attrs["title"], attrs["columns"])
        assert tables[name]["description"].startswith(attrs["description"])
    pages = get(site, *(f"/tongxiang/{name}" for name in tde.tables()))
    for name, page in zip(tde.tables(), pages, strict=True):
        assert page.status_code == 200
        assert tables[name]["title"] in page.text
        assert "column-descriptions" in page.text
        assert "CC-BY-4.0" in page.text


def test_facets_on_indicator_subject_year_and_status(site: Path) -> None:
    figures, indicators = get(site, "/tongxiang/figures.json", "/tongxiang/indicators.json")
    assert list(figures.json()["facet_results"]) == [
        "indicator",
        "subject",
        "year",
        "status",
        "role",
        "theme",
        "source_grade",
    ]
    assert list(indicators.json()["facet_results"]) == [
        "indicator",
        "place_id",
        "enterprise_id",
        "project_id",
        "year",
        "status",
    ]


def test_a_row_url_with_too_few_key_parts_is_a_404_that_says_how_rows_are_named(site: Path) -> None:
    """Trial 15 m2: `/tongxiang/project_enterprises/1` (its key has three columns) was HTTP 500 with a traceback
    (Datasette 0.65, #2811). serve's plugin answers a 404 naming the table and its key's columns, for every table
    whose key has several columns, in text or JSON; a row's own URL (as the table page links it) is still 200."""
    from datasette.utils import tilde_encode

    composite = {name: describe(name)["primary_key"] for name in tde.tables() if len(describe(name)["primary_key"]) > 1}
    assert composite == {
        "lexicon": ["term", "language", "category"],
        "project_enterprises": ["project_id", "enterprise_id", "role"],
    }
    for name, key in composite.items():
        first = tde.load(name).iloc[0]
        good = ",".join(tilde_encode(str(first[column])) for column in key)
        short = ",".join(tilde_encode(str(first[column])) for column in key[:-1])
        one, fewer, fewer_json, row, row_json = get(
            site,
            f"/tongxiang/{name}/1",
            f"/tongxiang/{name}/{short}",
            f"/tongxiang/{name}/{short}.json",
            f"/tongxiang/{name}/{good}",
            f"/tongxiang/{name}/{good}.json",
        )
        said = (
            f"No such row: a row of {name} is named by its 3 key columns ({', '.join(key)}) separated by commas, as in "
            f"/tongxiang/{name}/{','.join(f'<{column}>' for column in key)}; this URL gives "
        )
        assert (one.status_code, one.text) == (404, said + "1 part. The table's page links each row.")
        assert (fewer.status_code, fewer.text) == (404, said + "2 parts. The table's page links each row.")
        assert (fewer_json.status_code, fewer_json.json()) == (
            404,
            {"ok": False, "error": said + "2 parts. The table's page links each row.", "status": 404, "title": None},
        )
        assert (row.status_code, row_json.status_code) == (200, 200)
        assert row_json.json()["primary_key_values"] == [str(first[column]) for column in key]


def test_a_sort_by_no_column_is_a_400_that_names_the_columns(site: Path) -> None:
    """Trial 16: `?_sort=nope` was HTTP 500 ("Cannot sort table by nope", Datasette 0.65). serve's plugin answers
    400 naming the table's (or the view's) columns, in text or JSON; a sort by a column still sorts."""
    table, view, good = get(
        site,
        "/tongxiang/units?_sort=nope",
        "/tongxiang/figures.json?_sort_desc=no%20such",
        "/tongxiang/units.json?_sort_desc=multiplier&_shape=array&_size=1",
    )
    assert (table.status_code, table.text) == (
        400,
        "Cannot sort units by 'nope': it has no such column; sort by one of its columns (unit, label, label_zh, "
        "dimension, base_unit, multiplier, divisor, written_forms), as its column headings do.",
    )
    with contextlib.closing(sqlite3.connect(site / "tongxiang.db")) as conn:
        columns = [d[0] for d in conn.execute("select * from figures limit 0").description]
    assert columns[:4] == ["observation_id", "indicator", "indicator_label", "theme"]
    assert (view.status_code, view.json()["error"]) == (
        400,
        f"Cannot sort figures by 'no such': it has no such column; sort by one of its columns ({', '.join(columns)}), "
        "as its column headings do.",
    )
    units = tde.load("units")
    assert (good.status_code, good.json()[0]["unit"]) == (200, units.loc[units.multiplier.idxmax(), "unit"])


def test_a_full_text_search_no_table_has_is_a_400_that_names_the_filter(site: Path) -> None:
    """Trial 16: `?_search=wuzhen` listed all 786 figures as if each matched (no table has a full-text index, and
    Datasette ignores the parameter). serve's plugin answers 400 naming the column filter and `search`; the filter
    it names finds the rows, and an empty `_search` is no search."""
    words, column, looked, empty = get(
        site,
        "/tongxiang/indicators?_search=Wuzhen+visitors",
        "/tongxiang/figures.json?_search_evidence=%E4%B9%8C%E9%95%87",
        "/tongxiang/indicators.json?evidence__contains=%E4%B9%8C%E9%95%87&_size=max",
        "/tongxiang/indicators?_search=",
    )
    assert (words.status_code, words.text) == (
        400,
        "indicators has no full-text search here: _search=Wuzhen visitors would list every row. Filter a column "
        "instead, as in ?<column>__contains=Wuzhen visitors (the table page's filters), or run "
        "`tongxiang-digital-economy search 'Wuzhen visitors'`, which reads every text in either language.",
    )
    assert (column.status_code, column.json()["error"]) == (
        400,
        "figures has no full-text search here: _search_evidence=乌镇 would list every row. Filter a column instead, "
        "as in ?evidence__contains=乌镇 (the table page's filters), or run `tongxiang-digital-economy search '乌镇'`, "
        "which reads every text in either language.",
    )
    indicators = tde.load("indicators")
    assert len(looked.json()["rows"]) == int(indicators["evidence"].str.contains("乌镇").sum()) > 0
    assert empty.status_code == 200


def test_a_figure_with_its_source_link(site: Path) -> None:
    (page,) = get(site, f"/tongxiang/figures.json?_shape=array&observation_id={OID}")
    (row,) = page.json()
    sources = tde.load("sources").set_index("source_id")
    assert (row["value"], row["value_text"], row["subject"], row["source_url"]) == (
        3694.0,
        "3,694",
        "tongxiang",
        sources.at["chinadaily-2024-05-28-dynamic-tongxiang", "url"],
    )
    (html,) = get(site, f"/tongxiang/figures?observation_id={OID}")
    assert f'href="{row["source_url"]}"' in html.text


def test_the_figures_view_says_whose_figure_and_which_edition(site: Path) -> None:
    """Trial 6 r2: the figures view showed the outlet but not the official the source credits (attributed_to), nor
    the row's note or edition: the view that joins each figure with its source carries them as `cite` does."""
    oid = "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-003"
    (page,) = get(site, f"/tongxiang/figures.json?_shape=array&observation_id={oid}")
    (row,) = page.json()
    shipped = tde.load("indicators").set_index("observation_id").loc[oid]
    assert row["attributed_to"] == "桐乡市委书记卢跃东" == shipped["attributed_to"]
    assert row["note"] == shipped["note"]
    (edition,) = get(
        site,
        "/tongxiang/figures.json?_shape=array&observation_id="
        "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-006",
    )
    assert edition.json()[0]["event_id"] == "wic-2023"
    # trial 14 m4: a faithful repost carries its origin's grade, by which `series` ranks it ("repost of state_media")
    (repost,) = get(
        site, "/tongxiang/figures.json?_shape=array&observation_id=cctv-outputnews-2025-06-04-wuzhen-town-economy-001"
    )
    source = tde.load("sources").set_index("source_id").loc["cctv-outputnews-2025-06-04-wuzhen-town-economy"]
    assert (repost.json()[0]["source_grade"], repost.json()[0]["source_original_grade"]) == ("repost", "state_media")
    assert repost.json()[0]["source_original_publisher"] == source["original_publisher"]


def test_the_figures_view_names_each_period_and_role_as_series_does(site: Path) -> None:
    """Trial 17 m6: filtered by year 2019, Tongxiang's GDP showed 401.6 and 968.17 told apart only by period_end, and
    2021's three figures with nothing saying which `series` prefers. The view carries series' period label, role,
    reason and corroborating sources, for every figure."""
    (page,) = get(site, "/tongxiang/figures.json?_shape=array&indicator=gdp&subject=tongxiang&_size=max")
    shown = {
        r["observation_id"]: (r["period_label"], r["role"], r["reason"], r["corroborated_by"]) for r in page.json()
    }
    series = tde.series("gdp", "tongxiang")
    assert shown == {
        r.observation_id: tuple(
            None if pd.isna(v) else v for v in (r.period_label, r.role, r.reason, r.corroborated_by)
        )
        for r in series.itertuples()
    }
    by_value = {float(r["value"]): r for r in page.json() if r["year"] in (2019, 2021)}
    assert (by_value[401.6]["period_label"], by_value[968.17]["period_label"]) == ("H1 2019", "2019")
    assert [by_value[v]["role"] for v in (1141.69, 114.2, 17.0)] == ["preferred", "corroborating", "not_comparable"]
    with sqlite3.connect(site / "tongxiang.db") as conn:
        assert conn.execute("select count(*) from figures where role is null").fetchone() == (0,)


def test_the_figures_view_has_the_denominator_its_unit_label_names(site: Path) -> None:
    """Trial 8 m1: a fraction's unit label says "value ÷ value_denominator", and the view lacked the column."""
    oid = "zjdaily-peoplecn-2017-12-02-wuzhen-changes-002"
    (page,) = get(site, f"/tongxiang/figures.json?_shape=array&observation_id={oid}")
    (row,) = page.json()
    shipped = tde.load("indicators").set_index("observation_id").loc[oid]
    assert (row["value"], row["value_denominator"], row["unit_label"]) == (
        shipped["value"],
        shipped["value_denominator"],
        "fraction (value ÷ value_denominator)",
    )
    assert row["value_denominator"] is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int) -> None:
    """Until a server listens on `port` (at most a minute)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (.ci/run installs it as root)")
def test_a_real_browser_finds_a_known_figure() -> None:
    """`serve` itself, as a user runs it, read by a headless browser."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tongxiang_digital_economy", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the server and its Datasette child end together
    )
    try:
        wait_for(port)
        url = f"http://127.0.0.1:{port}/tongxiang/indicators?observation_id={OID}"
        browser = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    assert "Indicators" in browser.stdout
    assert "3,694" in browser.stdout
    assert OID in browser.stdout


def test_serve_puts_back_the_callers_sigterm_handler(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A library call leaves the process as it found it: SIGTERM is handled (exits) only while serving."""
    from tongxiang_digital_economy.use import serve as serving

    seen: list[Any] = []

    def fake_run(args: list[str], check: bool) -> subprocess.CompletedProcess[bytes]:
        seen.append(signal.getsignal(signal.SIGTERM))
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(serving, "build", lambda folder, path: None)
    monkeypatch.setattr(serving.subprocess, "run", fake_run)
    mine = signal.getsignal(signal.SIGTERM)
    serving.serve(port=free_port())
    assert len(seen) == 1 and seen[0] is not mine and callable(seen[0])  # while serving: its own handler
    with pytest.raises(SystemExit):
        seen[0](signal.SIGTERM, None)  # which ends the process like Ctrl-C
    assert signal.getsignal(signal.SIGTERM) is mine  # after: the caller's again


def served_output(site: Path, paths: list[str], launch: list[str] | None = None) -> tuple[list[int], list[str]]:
    """Serve `site` as `serve` runs Datasette (use.serve.command; `launch` in place of its interpreter and launch
    code), fetch each path, stop it, and return the statuses and the lines it printed (stdout and stderr)."""
    import urllib.error
    import urllib.request

    from tongxiang_digital_economy.use.serve import command

    port = free_port()
    args = command(site, "127.0.0.1", port)
    if launch is not None:
        args = [*launch, *args[3:]]
    server = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    statuses = []
    try:
        wait_for(port)
        for path in paths:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                    statuses.append(int(response.status))
            except urllib.error.HTTPError as error:
                statuses.append(int(error.code))
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    return statuses, out.splitlines()


def test_a_mistyped_url_is_a_404_without_a_traceback(site: Path) -> None:
    """Trial 11 m3: Datasette printed a ~60-line traceback into serve's terminal for any 404 (the package's name
    rather than the database's). Issue 16: without Datasette internals. The served process (use.serve.LAUNCH) runs
    Datasette's own command with Rich hidden, through which alone Datasette prints a handled error's traceback:
    each 404 is one access-log line, the pages unchanged."""
    paths = [
        "/tongxiang-digital-economy.json",
        "/tongxiang/no-such-table",
        "/tongxiang/units.json?_size=1",
        "/tongxiang/project_enterprises/1",  # trial 15 m2: was a 500 and a traceback; serve_plugin is registered
        "/tongxiang/units?_sort=nope",  # trial 16: was a 500
        "/tongxiang/units?_search=yuan",  # trial 16: listed every row
    ]
    statuses, lines = served_output(site, paths)
    assert statuses == [404, 404, 200, 404, 400, 400]
    logged = [line.split(" - ", 1)[1] for line in lines if line.startswith("INFO:     127.0.0.1:")]
    assert logged == [
        '"GET /tongxiang-digital-economy.json HTTP/1.1" 404 Not Found',
        '"GET /tongxiang/no-such-table HTTP/1.1" 404 Not Found',
        '"GET /tongxiang/units.json?_size=1 HTTP/1.1" 200 OK',
        '"GET /tongxiang/project_enterprises/1 HTTP/1.1" 404 Not Found',
        '"GET /tongxiang/units?_sort=nope HTTP/1.1" 400 Bad Request',
        '"GET /tongxiang/units?_search=yuan HTTP/1.1" 400 Bad Request',
    ]
    assert all(line.startswith("INFO:     ") for line in lines), lines  # no traceback, no other line


def test_serve_names_the_database_address_and_runs_datasette_with_rich_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial 11 m3: the start message names the database's page (the one a user opens); Datasette is run as its own
    command (`python -m datasette serve`) behind the launch line that hides Rich and registers serve's one plugin
    (use.serve_plugin, through Datasette's plugin manager: no --plugins-dir)."""
    from tongxiang_digital_economy.use import serve as serving

    runs: list[list[str]] = []
    monkeypatch.setattr(serving, "build", lambda folder, path: None)
    monkeypatch.setattr(
        serving.subprocess, "run", lambda args, check: runs.append(args) or subprocess.CompletedProcess(args, 0)
    )
    port = free_port()
    result = runner.invoke(cli, ["serve", "--port", str(port)])
    assert (result.exit_code, result.output) == (
        0,
        f"serving the package at http://127.0.0.1:{port}/tongxiang (Ctrl-C stops it)\n",
    )
    assert runs[0][:4] == [
        sys.executable,
        "-c",
        "import runpy, sys; sys.modules['rich'] = None; "
        "from tongxiang_digital_economy.use import serve_plugin; serve_plugin.register(); "
        "runpy.run_module('datasette', run_name='__main__')",
        "serve",
    ]
    assert "--plugins-dir" not in runs[0]


def test_serve_on_port_0_announces_and_serves_the_port_the_system_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial 13 m3: `--port 0` (any free port) announced http://127.0.0.1:0/tongxiang, an address no browser opens;
    the port the system gives is the one announced and the one Datasette is told to serve on."""
    from tongxiang_digital_economy.use import serve as serving

    runs: list[list[str]] = []
    monkeypatch.setattr(serving, "build", lambda folder, path: None)
    monkeypatch.setattr(
        serving.subprocess, "run", lambda args, check: runs.append(args) or subprocess.CompletedProcess(args, 0)
    )
    result = runner.invoke(cli, ["serve", "--port", "0"])
    served = runs[0][runs[0].index("--port") + 1]
    assert served != "0"
    assert (result.exit_code, result.output) == (
        0,
        f"serving the package at http://127.0.0.1:{served}/tongxiang (Ctrl-C stops it)\n",
    )


def test_without_rich_hidden_datasette_prints_a_404s_traceback(site: Path) -> None:
    """The converse, so the test above can fail: Datasette run plainly (`python -m datasette`) where Rich is
    installed prints the traceback that the launch line keeps out."""
    pytest.importorskip("rich", reason="Datasette prints a handled error's traceback only through Rich")
    statuses, lines = served_output(site, ["/tongxiang/no-such-table"], launch=[sys.executable, "-m", "datasette"])
    assert statuses == [404]
    assert any("Traceback" in line for line in lines)


def test_force_without_build_only_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial 18 m9: `serve --force` was silently ignored and started the server; --force replaces the files
    --build-only writes, and an option used where it means nothing is a usage error (exit 2) elsewhere."""
    started: list[object] = []
    monkeypatch.setattr("tongxiang_digital_economy.use.serve.serve", lambda *a, **k: started.append(a))
    result = runner.invoke(cli, ["serve", "--force"])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        "Error: --force only goes with --build-only (it replaces a database already there)",
    )
    assert started == []
