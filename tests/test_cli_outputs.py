"""Where the CLI's output goes: a closed stdout is a normal end, and a file is written only into a folder that
exists (one rule for every command that writes a file)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PackageCopy

from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import MissingFolderError
from tongxiang_digital_economy.core.paths import bundled_package_dir, printable
from tongxiang_digital_economy.io.load import tables
from tongxiang_digital_economy.use.export import export
from tongxiang_digital_economy.use.plot import plot
from tongxiang_digital_economy.use.serve import build

runner = CliRunner(catch_exceptions=False)
PIPE_BUFFER = 65536  # Linux's pipe buffer: an output larger than this cannot all be written before the reader quits


@pytest.mark.parametrize(
    "args",
    [["search", "tongxiang"], ["show", "indicators", "--format", "csv"], ["fingerprint"]],
    ids=["search", "show", "fingerprint"],
)
def test_a_reader_that_stops_after_one_line_is_a_normal_end(args: list[str]) -> None:
    """`search tongxiang | head -1`: exit 0 and nothing on stderr (not `Error: Broken pipe`, exit 1). The whole
    output is read in this process (the same bytes: neither run writes to a terminal); only the run the reader
    leaves is a process of its own, as the test is about how that process ends."""
    command = [sys.executable, "-m", "tongxiang_digital_economy", *args]
    ran = runner.invoke(cli, args)
    assert (ran.exit_code, ran.stderr) == (0, "")
    whole = ran.stdout_bytes
    assert len(whole) > PIPE_BUFFER + 16384  # more than a pipe and a read hold: still writing when the reader quits
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `head -1` does after its line
        error = process.stderr.read()
        code = process.wait(timeout=120)
    assert (code, error, first) == (0, b"", whole.splitlines(keepends=True)[0])


COMMANDS = {
    "export one table": (["export", "indicators", "--format", "csv", "-o"], "x.csv", "'--output' / '-o'"),
    "export a database": (["export", "--format", "sqlite", "-o"], "x.sqlite", "'--output' / '-o'"),
    "export a folder": (["export", "--format", "csv", "-o"], "csv-folder", "'--output' / '-o'"),
    "plot": (["plot", "gdp", "--subject", "tongxiang", "-o"], "x.svg", "'--output' / '-o'"),
    "serve --build-only": (["serve", "--build-only"], "site", "'--build-only'"),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_missing_folder_is_a_usage_error_naming_it(name: str, tmp_path: Path) -> None:
    args, leaf, option = COMMANDS[name]
    target = tmp_path / "missing" / "deeper" / leaf
    result = runner.invoke(cli, [*args, str(target)])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"Error: Invalid value for {option}: cannot write {target}: the folder {target.parent} does not exist; "
        "create it first"
    )
    assert not (tmp_path / "missing").exists()  # nothing was made


def test_the_library_refuses_a_missing_folder_too(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    with pytest.raises(MissingFolderError) as exported:  # one fault, one type, whichever function writes
        export("csv", missing / "x.csv", ["units"], validate=False)
    with pytest.raises(MissingFolderError) as plotted:
        plot("gdp", "tongxiang", missing / "x.svg")
    with pytest.raises(MissingFolderError) as served:
        build(missing)
    message = f"the folder {missing} does not exist; create it first"
    assert str(exported.value) == f"cannot write {missing / 'x.csv'}: {message}"
    assert str(plotted.value) == f"cannot write {missing / 'x.svg'}: {message}"
    assert str(served.value) == f"cannot write {missing / 'tongxiang.db'}: {message}"
    assert not missing.exists()


def test_a_file_in_the_way_is_said_alike_by_export_plot_and_serve(tmp_path: Path) -> None:
    """Review 2 F3: one check (io.atomic.check_writable) for every command; serve said "does not exist" of a file."""
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    for args, out in (
        (["export", "units", "--format", "csv", "-o", str(blocker / "x.csv")], blocker / "x.csv"),
        (["plot", "gdp", "--subject", "tongxiang", "-o", str(blocker / "x.svg")], blocker / "x.svg"),
        (["serve", "--build-only", str(blocker / "sub")], blocker / "sub" / "tongxiang.db"),
    ):
        result = runner.invoke(cli, args)
        assert (result.exit_code, result.output) == (
            1,
            f"Error: cannot write {out}: {blocker} is a file, not a folder\n",
        )


def test_serve_build_only_makes_no_folder_and_replaces_only_with_force(tmp_path: Path) -> None:
    """Trial 3 N10: --build-only into a missing folder is a usage error and makes nothing; run twice, it refuses to
    replace the database without --force, as plot and export refuse."""
    missing = tmp_path / "site"
    result = runner.invoke(cli, ["serve", "--build-only", str(missing)])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for '--build-only': cannot write {missing / 'tongxiang.db'}: the folder {missing} "
        "does not exist; create it first",
    )
    assert not missing.exists()
    missing.mkdir()
    first = runner.invoke(cli, ["serve", "--build-only", str(missing)])
    assert first.exit_code == 0
    again = runner.invoke(cli, ["serve", "--build-only", str(missing)])
    assert (again.exit_code, again.output) == (
        1,
        f"Error: {missing / 'tongxiang.db'} exists; pass --force to replace it\n",
    )
    forced = runner.invoke(cli, ["serve", "--build-only", str(missing), "--force"])
    assert (forced.exit_code, forced.output) == (
        0,
        f"wrote {missing / 'tongxiang.db'} and {missing / 'metadata.json'}\n",
    )


def test_the_folder_named_for_several_tables_is_made_inside_one_that_exists(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", "units", "places", "--format", "csv", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["places.csv", "units.csv"]


EMPTY = {
    "export one table": (["export", "indicators", "--format", "csv", "-o", ""], "'--output' / '-o'", "a file name"),
    "export a database": (["export", "--format", "sqlite", "-o", ""], "'--output' / '-o'", "a file name"),
    "plot": (["plot", "gdp", "--subject", "tongxiang", "-o", ""], "'--output' / '-o'", "a file name"),
    "serve --build-only": (["serve", "--build-only", ""], "'--build-only'", "a folder"),
}


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_output_is_a_usage_error(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o ""` once wrote ./indicators.csv (trial 2, U1): an empty path names nothing, on every command."""
    args, option, what = EMPTY[name]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for {option}: an empty path names nothing; give {what}",
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_dash_writes_one_table_to_standard_output(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o -` is standard output (trial 2, U2): the same bytes as the file export, and no file named `-`."""
    monkeypatch.chdir(tmp_path)
    export(fmt, tmp_path / f"units.{fmt}", ["units"])
    result = runner.invoke(cli, ["export", "units", "--format", fmt, "-o", "-"])
    assert result.exit_code == 0
    assert result.output == (tmp_path / f"units.{fmt}").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"units.{fmt}"]


DASH_REFUSED = {
    "several tables": ["export", "--format", "csv", "-o", "-"],
    "a binary format": ["export", "units", "--format", "parquet", "-o", "-"],
}


@pytest.mark.parametrize("name", list(DASH_REFUSED))
def test_dash_for_what_is_not_one_text_table_is_a_usage_error(name: str) -> None:
    result = runner.invoke(cli, DASH_REFUSED[name])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--output' / '-o': - (standard output) takes one table as csv or json, such as "
        "`export indicators --format csv -o -`; give a file or folder for more tables or for parquet, sqlite and "
        "xlsx",
    )


@pytest.mark.parametrize(
    ("output", "error"),
    [
        ("x.txt", "x.txt: the chart file must end in .png or .svg"),
        (".svg", ".svg: give the chart a name before .svg, such as chart.svg"),  # trial 15 m6: it said "must end in"
        (".PNG", ".PNG: give the chart a name before .PNG, such as chart.PNG"),
        ("-", "a chart is written to a file (its suffix, .png or .svg, chooses the format), not to standard output"),
    ],
)
def test_a_chart_file_that_is_no_png_or_svg_is_a_usage_error(output: str, error: str) -> None:
    """A wrong chart suffix exits 2 like every bad option (trial 2, U3); the library's PlotError says the same."""
    result = runner.invoke(cli, ["plot", "gdp", "--subject", "tongxiang", "-o", output])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for '--output' / '-o': {error}",
    )


def test_several_tables_to_a_parquet_file_name_are_refused(tmp_path: Path) -> None:
    """`export --format parquet -o out.parquet` once made a folder out.parquet/ (trial 2, U13); a usage error, exit
    2, as an export file named for another format is (trial 10 m2: it was 1; csv as the trial typed it)."""
    for fmt in ("parquet", "csv"):
        target = tmp_path / f"out.{fmt}"
        result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(target)], catch_exceptions=False)
        assert (result.exit_code, result.output.splitlines()[-1]) == (
            2,
            f"Error: Invalid value for '--output' / '-o': {target} names one .{fmt} file, but {len(tables())} tables "
            f"are exported and {fmt} holds one table per file: give a folder (such as {tmp_path / 'out'}/) or name "
            "one table",
        )
        assert not target.exists()
    other = runner.invoke(cli, ["export", "indicators", "--format", "json", "-o", str(tmp_path / "x.csv")])
    assert other.exit_code == 2
    one = runner.invoke(cli, ["export", "units", "--format", "parquet", "-o", str(tmp_path / "out.parquet")])
    assert one.exit_code == 0 and (tmp_path / "out.parquet").is_file()


def subject_needed() -> str:
    """The library's own message for `gdp` without a subject, in the CLI's words."""
    from tongxiang_digital_economy.cli import in_cli_words
    from tongxiang_digital_economy.core.exceptions import SubjectNeededError
    from tongxiang_digital_economy.use.timeseries import series

    with pytest.raises(SubjectNeededError) as caught:
        series("gdp")
    return "Error: " + in_cli_words(str(caught.value))


@pytest.mark.parametrize(
    ("args", "fault"),
    [
        (["series", "gdp"], "subject"),
        (["plot", "gdp", "-o", "{tmp}/g.svg"], "subject"),
        (["plot", "gdp", "--subject", "tongxiang", "-o", "{tmp}/afile/x.svg"], "file:{tmp}/afile/x.svg"),
        (["export", "units", "--format", "csv", "-o", "{tmp}/afile/x.csv"], "file:{tmp}/afile/x.csv"),
        (["serve", "--build-only", "{tmp}/afile/sub"], "file:{tmp}/afile/sub/tongxiang.db"),
        (["serve", "--build-only", "{tmp}/afile"], "file:{tmp}/afile/tongxiang.db"),
    ],
    ids=["series-subject", "plot-subject", "plot-file", "export-file", "serve-under-file", "serve-file"],
)
def test_one_fault_has_one_message_and_exit_code_in_every_command(args: list[str], fault: str, tmp_path: Path) -> None:
    """Review 3 F3: `plot` without --subject exited 1 where `series` exited 2, and `serve --build-only FILE` was
    click's own "Directory ... is a file" (exit 2) where a file one level up was the library's (exit 1). The
    usage faults are mapped once, in cli.errors.converts_errors; a file in the way is io.check_writable's, exit 1."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = runner.invoke(cli, [a.format(tmp=tmp_path) for a in args])
    if fault == "subject":
        expected = (2, subject_needed())
    else:
        out = fault.removeprefix("file:").format(tmp=tmp_path)
        expected = (1, f"Error: cannot write {out}: {tmp_path / 'afile'} is a file, not a folder")
    assert (result.exit_code, result.output.splitlines()[-1]) == expected
    assert result.output.count("Error:") == 1


def test_the_status_that_has_figures_is_the_librarys_to_say() -> None:
    """Review 3 F3: the hint `series` prints for an empty status came from three calls in the CLI; the library's
    series now counts the other statuses in .attrs, so a notebook sees it too."""
    import tongxiang_digital_economy as tde

    subject = "sugon-high-performance-server-production-base"
    found = tde.series("output_value", subject)
    assert len(found) == 0
    assert (
        found.attrs["other_statuses"] == {"target": len(tde.series("output_value", subject, "target"))} == {"target": 1}
    )
    assert tde.series("gdp", "tongxiang", "actual").attrs["other_statuses"].get("actual") is None


def read_fifo(fifo: Path, into: list[bytes]) -> threading.Thread:
    """A reader at the other end of `fifo` (a writer's open waits for one), keeping what it read in `into`."""

    def read() -> None:
        with fifo.open("rb") as fh:
            into.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "forced"])
def test_a_fifo_is_written_through_never_replaced(force: list[str], tmp_path: Path) -> None:
    """Trial 11 W4: `export -o /dev/full --force` renamed a regular file over the device. A path that is a stream
    (a FIFO here; a device, /dev/stdout) gets the bytes written through, with or without --force, and stays what
    it was."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = read_fifo(fifo, got)
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(fifo), *force])
    reader.join(timeout=60)
    assert (result.exit_code, result.output) == (0, f"wrote {fifo}\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got[0].decode("utf-8").splitlines()[0].startswith("unit,")


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full on this system")
def test_a_full_device_is_an_error_naming_it_and_stays_a_device() -> None:
    """Trial 11 W4: writing to /dev/full fails with the system's reason (exit 1) and leaves the device in place.
    Were it ever replaced again (as root a rename can), the device is made anew so the machine is not left broken."""
    try:
        result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", "/dev/full", "--force"])
        assert (result.exit_code, result.output) == (
            1,
            "Error: cannot write /dev/full: No space left on device\n",
        )
    finally:
        replaced = not Path("/dev/full").is_char_device()
        if replaced and os.geteuid() == 0:
            os.remove("/dev/full")
            os.mknod("/dev/full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
            os.chmod("/dev/full", 0o666)
        assert not replaced


def test_the_systems_reason_is_said_without_a_temporary_files_name(tmp_path: Path) -> None:
    """Trial 11 m2: parquet's error named the temporary file and pyarrow's wording; every format says `cannot
    write <the file asked for>: <the system's reason>`."""
    gone = tmp_path / "gone"
    gone.mkdir()
    gone.chmod(0o500)
    if os.access(gone, os.W_OK):  # root writes anywhere: a folder that exists but takes no files instead
        gone = Path("/proc")
    for fmt in ("parquet", "csv", "xlsx"):
        result = runner.invoke(cli, ["export", "units", "--format", fmt, "-o", str(gone / f"x.{fmt}")])
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: cannot write {gone / f'x.{fmt}'}: ")
        assert ".tmp" not in result.output and "Detail" not in result.output


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="no /proc on this system")
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["export", "units", "--format", "csv", "-o", "/proc/version", "--force"],
            "cannot write /proc/version: the folder /proc takes no new files, so the file cannot be replaced",
        ),
        (
            ["export", "units", "--format", "sqlite", "-o", "/proc/units.db"],
            "cannot write /proc/units.db: the folder /proc takes no new files",
        ),
        (
            ["export", "units", "sources", "--format", "csv", "-o", "/proc/tables"],
            "cannot write /proc/tables: the folder /proc takes no new files",
        ),
        (
            ["plot", "gdp", "--subject", "tongxiang", "-o", "/proc/version.svg", "--force"],
            "cannot write /proc/version.svg: the folder /proc takes no new files",
        ),
    ],
)
def test_a_folder_that_takes_no_file_is_said_as_the_fault(args: list[str], said: str) -> None:
    """Issue 16 (left by trial 12): `export -o /proc/version --force` said "No such file or directory", true of the
    temporary file made beside it, not of /proc/version; sqlite said only "unable to open database file". The
    fault is the folder's, said with the path the user gave."""
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output) == (1, f"Error: {said}\n")


def test_a_link_is_written_through_to_its_file_and_stays_a_link(tmp_path: Path) -> None:
    """Trial 12 W1: `export -o link.csv --force` put a regular file where the link was (its file untouched). The
    file a link leads to is replaced, as `cp` and `>` write through a link, and the link stays; without --force
    the file it leads to is the one that exists."""
    target, link = tmp_path / "target.csv", tmp_path / "link.csv"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to(target.name)
    refused = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(link)])
    assert (refused.exit_code, refused.output) == (1, f"Error: {link} exists; pass --force to replace it\n")
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(link), "--force"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {link}\n")
    assert (link.is_symlink(), os.readlink(link)) == (True, "target.csv")
    assert target.read_text(encoding="utf-8").startswith("unit,")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc/self/fd on this system")
def test_a_link_to_an_open_descriptor_is_written_down_it(tmp_path: Path) -> None:
    """Trial 12 W1: `export -o /dev/stdout > out.csv` was refused as an existing file (and with --force, as root,
    /dev/stdout itself would have been replaced). /dev/stdout is a link to /proc/self/fd/1: a path that leads to a
    descriptor gets the bytes sent down it, without --force, and the link stays; here a link to this process's
    descriptor of a regular file stands for the shell's redirection."""
    out = tmp_path / "out.csv"
    with out.open("wb") as held:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{held.fileno()}")
        result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(link)])
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {link}\n")
        assert link.is_symlink()
    assert out.read_text(encoding="utf-8").startswith("unit,")


def test_export_never_replaces_the_package_it_reads(package: PackageCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial 15 m13: `export indicators --format json -o datapackage.json --force` replaced the descriptor of the
    package it read (which then no longer loaded); `-o data --force` rewrote the data files in place. The
    package's own files are refused as outputs, --force or not, before anything is read or written."""
    monkeypatch.chdir(package.root)
    before = {p: p.read_bytes() for p in package.root.rglob("*.json")}
    for args, refused in [
        (
            ["indicators", "--format", "json", "-o", "datapackage.json"],
            "datapackage.json is the descriptor of the package",
        ),
        (["--format", "csv", "-o", "data"], "data/sources.csv is the data file of the package's table sources"),
        (
            ["units", "--format", "json", "-o", "schemas/units.schema.json"],
            "schemas/units.schema.json is the Table Schema of the package's table units",
        ),
    ]:
        result = runner.invoke(cli, ["export", *args, "--force", "--package", "."])
        assert (result.exit_code, result.output) == (
            1,
            f"Error: {refused} being exported: choose another file (never replaced, --force or not)\n",
        )
    assert {p: p.read_bytes() for p in package.root.rglob("*.json")} == before


def test_an_output_written_with_a_trailing_slash_names_a_folder(tmp_path: Path) -> None:
    """Trial 15 m7: `plot -o x.svg/` wrote the file x.svg, `export indicators --format csv -o dir.csv/` the file
    dir.csv. A trailing slash names a folder: a chart needs a file name; one exported file goes into the folder,
    which must exist (a folder of several tables is made, as before)."""
    chart = str(tmp_path / "x.svg") + "/"
    result = runner.invoke(cli, ["plot", "gdp", "--subject", "tongxiang", "-o", chart])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for '--output' / '-o': {chart} names a folder (it ends in /): give the chart a file "
        f"name, such as {tmp_path / 'x.svg'}",
    )
    table = str(tmp_path / "dir.csv") + "/"
    result = runner.invoke(cli, ["export", "indicators", "--format", "csv", "-o", table])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: {table}: no such folder to write into (a path that ends in / names a folder): make it first, or "
        "give a file name without the /",
    )
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "dir.csv").mkdir()
    assert export("csv", table, ["indicators"], validate=False) == [tmp_path / "dir.csv" / "indicators.csv"]


def test_a_name_holding_a_line_break_or_a_control_character_is_printed_on_one_line(tmp_path: Path) -> None:
    """Trial 15 m7: `export -o $'new\\nline.csv'` printed `wrote …/new` and `line.csv` on two lines. A name is
    printed with each control character (and each byte that is not UTF-8) written as Python's repr writes it
    (`\\n`, `\\t`, `\\x1b`, `\\xce`), by one function (`core.paths.printable`), wherever a message names a file
    or folder: what a command wrote, an output refused, a package folder in a verdict, a diff side."""
    odd = tmp_path / "new\nline\t\x1b.csv"
    shown = f"{tmp_path}/new\\nline\\t\\x1b.csv"
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(odd)])
    assert (result.exit_code, result.output) == (0, f"wrote {shown}\n")
    assert odd.is_file()
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(odd)])
    assert (result.exit_code, result.output) == (1, f"Error: {shown} exists; pass --force to replace it\n")
    missing = tmp_path / "no\nfolder"
    result = runner.invoke(cli, ["plot", "gdp", "--subject", "tongxiang", "-o", str(missing / "x.svg")])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for '--output' / '-o': cannot write {tmp_path}/no\\nfolder/x.svg: the folder "
        f"{tmp_path}/no\\nfolder does not exist; create it first",
    )
    result = runner.invoke(cli, ["diff", str(missing)])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for OLD: {tmp_path}/no\\nfolder does not exist; give a package folder, a "
        "datapackage.json, a fingerprint file or a kept release version (X.Y.Z)",
    )
    shipped = bundled_package_dir()
    linked = tmp_path / "pack\nage"
    linked.symlink_to(shipped, target_is_directory=True)
    verdicts = [runner.invoke(cli, ["validate", "--quiet", "--package", str(p)]).output for p in (shipped, linked)]
    assert verdicts[1] == verdicts[0].replace(str(shipped), f"{tmp_path}/pack\\nage")
    assert len(verdicts[1].splitlines()) == 1
    assert printable(os.fsdecode(b"\xce\xda\xd5\xf2.csv")) == "\\xce\\xda\\xd5\\xf2.csv"  # 乌镇 in GBK
    assert printable("乌镇\u3000数据 C:\\x") == "乌镇\u3000数据 C:\\x"  # letters, spaces and backslashes as they are


PACKAGE_COMMANDS = [
    ["validate"],
    ["stamp"],
    ["fingerprint"],
    ["check-version"],
    ["tables"],
    ["show", "units"],
    ["info"],
    ["series", "gdp", "--subject", "tongxiang"],
    ["search", "gdp"],
    ["cite"],
    ["export", "units", "--format", "csv", "-o", "{tmp}/out.csv"],
    ["plot", "gdp", "--subject", "tongxiang", "-o", "{tmp}/out.svg"],
]


def test_every_commands_error_line_names_a_file_on_one_line(tmp_path: Path) -> None:
    """Review 13 R6: a name is written on one line (core.paths.printable) once, where the CLI turns a library error
    into its `Error:` line (cli/errors.py), not at each of the ~74 places a message names a file; so every command
    says a package folder with a line break in its name on one line, and so do click's own usage errors."""
    empty = tmp_path / "no\npackage"
    empty.mkdir()
    broken = tmp_path / "bad\tjson"
    broken.mkdir()
    (broken / "datapackage.json").write_text("{", encoding="utf-8")
    said = {}
    for command in PACKAGE_COMMANDS:
        args = [a.format(tmp=tmp_path) for a in command]
        result = runner.invoke(cli, [*args, "--package", str(empty)], catch_exceptions=False)
        said[command[0]] = (result.exit_code, result.output)
    no_package = (
        f"Error: no datapackage.json in {tmp_path}/no\\npackage; give a data package folder or its datapackage.json\n"
    )
    assert said == {command[0]: (1, no_package) for command in PACKAGE_COMMANDS}
    result = runner.invoke(cli, ["show", "units", "--package", str(broken)], catch_exceptions=False)
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {tmp_path}/bad\\tjson/datapackage.json is not valid JSON: Expecting property name enclosed in "
        "double quotes at line 1, column 2\n",
    )
    result = runner.invoke(cli, ["validate", "--package", str(tmp_path / "not\nthere")], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for '--package': Path '{tmp_path}/not\\nthere' does not exist.",
    )
