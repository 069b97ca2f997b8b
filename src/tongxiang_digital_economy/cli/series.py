"""The commands that read one measure over time: `series` (its figures and their roles) and `plot` (its chart)."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.report import count
from .errors import converts_errors
from .options import SUBJECT_HELP, Choice, Name, command, package_option
from .output import as_text_frame, chart_path, print_frame, wrote


@command(name="series")
@click.argument("indicator", type=Name("an indicator id"))
@click.option("--subject", type=Name("a subject id"), default=None, help=SUBJECT_HELP)
@click.option("--status", type=Choice(["actual", "target", "estimate"]), default="actual", show_default=True)
@click.option("--preferred", is_flag=True, help="Only the preferred figure of each period.")
@click.option("--format", "fmt", type=Choice(["table", "csv", "json"]), default="table", show_default=True)
@package_option
@converts_errors
def series_command(
    indicator: str, subject: str | None, status: str, preferred: bool, fmt: str, package_path: Path | None
) -> None:
    """One figure per period from many sources: the stronger source grade, then the newest; others kept, marked.

    Each figure has its role: preferred (one per period), corroborating (agrees with it at the precision each is
    written in; a figure of its own source that agrees is repeated: one source never corroborates itself),
    competing (no reading agrees), restated (a later text repeating an earlier figure, dated only
    by its own date: no new observation) or not_comparable (another currency: no exchange rate; or an indicator
    whose figures are not comparable with one another, as its definition says); `reason` says why a figure is
    set aside. The period is named by its span (2021, H1 2019, Jan-Sep 2020, end-2023), and
    every row carries its observation_id (`cite --observation ID` cites it).

    \b
    Example:
        tongxiang-digital-economy series digital_economy_enterprises --subject tongxiang
        tongxiang-digital-economy series digital_economy_enterprises --subject tongxiang --preferred --format csv
    """
    from ..use.timeseries import series

    found = series(indicator, subject, status, package_path, preferred=preferred)
    # Figures that no ranking puts first (not comparable with one another): the library says why, never "no
    # figures"; a table prints it instead, CSV and JSON keep stdout to the data and say it on stderr.
    # A period whose figures all compete is named after the table (trial 8 U3): `--preferred` lists none of it.
    why_none = found.attrs.get("none_preferred")
    if why_none and fmt == "table" and not len(found):
        click.echo(why_none)
        return
    if why_none and fmt != "table":
        click.echo(f"note: {why_none}", err=True)
    if not len(found) and fmt == "table":
        # Nothing of this status: the library says which other status has figures (attrs["other_statuses"]).
        others = [f"--status {other} has {count(n, 'figure')}" for other, n in found.attrs["other_statuses"].items()]
        click.echo(f"no {status} figures" + (f" ({'; '.join(others)})" if others else ""))
        for line in found.attrs.get("elsewhere", []):
            click.echo(line)
        return
    if fmt == "table":
        # The period by its span (H1 2019 is not the year 2019); the grade it ranks as (a repost of an official
        # text as official; a page graded as its own origin, China Daily via PressReader, says it once); the
        # observation id, to cite or find the row in one step; why a row is set aside.
        from ..semantics.claims import grade_said

        grade = grade_said(found["grade"], found["original_grade"])
        # An edition of another format than most of the series' (the 2020 forum among the summits) is said beside
        # its period, as the chart draws it apart (trial 9 m8).
        from ..use.chart import apart_formats

        apart = apart_formats(found, package_path)
        period = found["period_label"].where(apart == "", found["period_label"] + " (" + apart + ")")
        # A fraction is its numerator over its denominator (减少了三分之一 is -1/3), as the CSV's value and
        # value_denominator and the chart's 0.33 say: "-1 fraction" alone misreads it (trial 10 m7).
        written = as_text_frame(found[["value", "value_denominator"]])
        value = written["value"].where(
            found["value_denominator"].isna(), written["value"] + "/" + written["value_denominator"]
        )
        found = found.assign(period=period, grade=grade, reason=found["reason"].fillna(""), value=value)
        columns = ["period", "role", "value", "qualifier", "unit", "value_text", "grade", "observation_id", "reason"]
        found = found[columns]
    print_frame(found, fmt, f"no {status} figures")
    if why_none and fmt == "table":
        click.echo(why_none)
    # Figures of the same measure on the subject's parent or parts (the conference's expo): named after the table,
    # on stderr for CSV and JSON, so that a split series is never read as the whole (trial 9 V1).
    for line in found.attrs.get("elsewhere", []):
        click.echo(line if fmt == "table" else f"note: {line}", err=fmt != "table")


@command(name="plot")
@click.argument("indicator", type=Name("an indicator id"))
@click.option("--subject", type=Name("a subject id"), default=None, help=SUBJECT_HELP)
@click.option(
    "--output",
    "-o",
    required=True,
    callback=chart_path,
    help="The chart file: .png or .svg, in a folder that exists.",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@package_option
@converts_errors
def plot_command(indicator: str, subject: str | None, output: Path, force: bool, package_path: Path | None) -> None:
    """Chart a series: each figure at its period, bounds as bounds, targets apart, other sources' figures hollow.

    A figure in another currency, a later text that only repeats a figure (role `restated`), or a figure its own
    source gives again (role `repeated`), is no new point: it is named under the chart.

    Needs the `plot` extra (matplotlib).

    \b
    Example:
        tongxiang-digital-economy plot digital_economy_enterprises --subject tongxiang -o enterprises.svg
    """
    from ..use.plot import plot

    wrote(plot(indicator, subject, output, force=force, path=package_path))
