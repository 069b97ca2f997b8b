"""The `search` command: a query read as words, names, years or a number, and what it finds said in full.

Its argument is a query, so a negative number is the query and not an option (QueryCommand).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click

from ..core.exceptions import TDEError
from ..core.report import count
from ..schema import descriptor
from .errors import converts_errors
from .options import Choice, Command, package_option
from .output import print_frame


class QueryCommand(Command):
    """A command whose argument is a query: a query that is a negative number ("-18.69%", -1) is the query, not an
    unknown option (trial 10 m10: "No such option '-1'"). Any other query that starts with '-' goes after `--`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            valued = {o for p in self.params if isinstance(p, click.Option) and not p.is_flag for o in p.opts}
            negative = [n for n, a in enumerate(args) if NEGATIVE.match(a) and (n == 0 or args[n - 1] not in valued)]
            if negative:
                args = [a for n, a in enumerate(args) if n not in negative] + ["--", *(args[n] for n in negative)]
        return super().parse_args(ctx, args)


NEGATIVE = re.compile(r"^[-\u2212]\d")  # a negative number as a query writes it: -18.69%, -1, −3


def installed_themes() -> str:
    """The installed package's themes, for --help, read from its Table Schema alone (--help imports no pandas);
    a broken package says where to look instead."""
    from ..core.paths import package_dir
    from ..schema.descriptor import resource, table_schema

    try:
        base = package_dir()
        schema = table_schema(base, resource(descriptor.read_descriptor(base), "indicator_definitions"))
        theme = next(f for f in schema["fields"] if f["name"] == "theme")
        return ", ".join(str(t) for t in theme["constraints"]["enum"])
    except (TDEError, OSError, KeyError, StopIteration, TypeError):
        return "see `show indicator_definitions`"


@click.command(name="search", cls=QueryCommand)
@click.argument("text", default="")
@click.option(
    "--theme",
    default=None,
    help=f"Only indicators (and definitions) of this theme; alone, every figure of it. Themes: {installed_themes()}.",
)
@click.option("--format", "fmt", type=Choice(["table", "csv", "json"]), default="table", show_default=True)
@package_option
@converts_errors
def search_command(text: str, theme: str | None, fmt: str, package_path: Path | None) -> None:
    """Find the indicators, rows and sources that mention TEXT, in English or Chinese.

    A name finds its other names ("Wuzhen" and 乌镇 find the same rows, 烏鎮 too) and the rows about it, with or
    without a legal form (新凤鸣集团 finds what 新凤鸣 finds); English words match in their singular, plural, noun,
    verb and agent forms ("core industry" finds "core industries", "supercomputer" finds "supercomputing"); a
    Chinese query matches in pieces within a clause (财政收入 finds 财政总收入, 签约项目 finds 新签约内外资项目).
    A query that names an indicator by its English or Chinese label, id or other words finds its figures, so
    "fiscal revenue" and 财政收入 find the same ones. A subject and a measure ("Wuzhen visitors", 桐乡GDP) find
    that subject's figures of the indicators the measure names. The indicators found come first, each with its
    labels, its written forms (the words its sources use), the other words that find it, subjects, years and the
    command that gives its series. Other words are found only where a cell holds them all. Words that carry no
    meaning in a query (the, of, to, 的; city or 市 after a place's name) are read past: "visitors to Wuzhen" is
    "Wuzhen visitors", and a query of only such words is refused. A measure and a year ("GDP 2016", 2024年GDP)
    find the measure's figures of that year (the year its period ends in), and name the years it has when it has
    none of that one; so do a subject and a year ("Jushi 2014", 2024年乌镇). A measure and a part of a year ("GDP H1
    2019", 上半年 GDP, 前三季度 GDP) or a status word ("GDP target 2024", 目标 GDP) find its figures of that period
    or status; a period alone ("H1 2019") finds its figures. A recurring event's name with a
    year or an edition's number ("WIC 2023", 2023年乌镇峰会, 第二届世界互联网大会) finds that edition, and with a
    measure ("WIC 2023 guests") its figures of it; either finds the flows of the event's parts over the edition's
    days that name no event_id. A number finds the texts writing it however they write it (1347.1, "1,347.1",
    1,347.1亿); with a scale word, at its size too ("5.1 billion" = 51亿; "Tongkun 30 billion" = "Tongkun 300亿",
    a subject's figures of that size); typed whole, at its size too (9150000 and "9,150,000" find 915万, "9.15
    million"), and never inside another number ("2 million" is no 1.2 or 2.9 million); after a subject, as its
    source writes it too ("Tongxiang 增长4.7%", 下降4.6%, 三天, 第24位, 翻番, 362nd); with % after it, only
    percent figures (6% finds 6%, 6 percent and 百分之六). A negative number is a query (search "-18.69%"); any
    other query that starts with '-' goes after `--` (search -- -word).

    \b
    Example:
        tongxiang-digital-economy search gdp
        tongxiang-digital-economy search Wuzhen
        tongxiang-digital-economy search "core industry"
        tongxiang-digital-economy search "Wuzhen visitors"
        tongxiang-digital-economy search --theme investment
    """
    from ..use.search_hits import summary
    from ..use.text_search import search

    hits = search(text, theme, package_path)
    year = hits.attrs.get("year")
    if fmt != "table":
        print_frame(hits, fmt, "")
        for line in hits.attrs.get("other_years", []):  # the years the named indicators have (trial 10 W2)
            click.echo(f"note: {line}", err=True)
        if hits.attrs.get("edition_note"):  # an event's year or number that no edition has (trial 12 W3)
            click.echo(f"note: {hits.attrs['edition_note']}", err=True)
        return
    found = hits.attrs["indicators"]
    what = repr(text) if text.strip() else f"theme {theme}"
    if hits.attrs.get("editions"):  # "WIC 2023": read as the edition (trial 12 W3)
        click.echo(f"{what} is the edition {', '.join(hits.attrs['editions'])}")
    if hits.attrs.get("edition_unlinked"):  # its flows over its days that name no event_id (issue 16)
        unlinked = hits.attrs["edition_unlinked"]
        click.echo(
            f"with {count(len(unlinked), 'figure')} of its event or its parts over its days that name no event_id: "
            + ", ".join(unlinked)
        )
    if hits.attrs.get("edition_note"):
        click.echo(f"note: {hits.attrs['edition_note']}")
    held = hits.attrs.get("subjects")
    if held is not None and len(held):  # a subject's name (or part of it): what the package holds about it
        of_theme = f" of theme {theme}" if theme is not None else ""  # only the theme's counted (trial 12 m1)
        for row in held.itertuples():  # first, before the indicators a word of it names (峰会; trial 10 m4)
            click.echo(
                f"{row.subject} ({row.kind}): {count(int(row.figures), 'figure')}{of_theme} under "
                f"{count(int(row.indicators), 'indicator')}; most: {row.top}"
            )
            click.echo(f"  {row.command}")
            click.echo(f"  every figure: tongxiang-digital-economy show indicators --where {row.where}")
        click.echo("")
    if len(found):
        click.echo(f"{count(len(found), 'indicator')} for {what}:")
        for row in found.itertuples():
            label = f"{row.label} / {row.label_zh}" if row.label_zh else row.label  # its name in either language
            click.echo(f"  {row.indicator}: {label} ({row.theme}; {count(int(row.figures), 'figure')})")
            if row.written_forms:
                click.echo(f"    written: {row.written_forms}")
            if row.search_words:  # words that find it but that its sources do not write (search_words)
                click.echo(f"    also found by: {row.search_words}")
            if row.not_comparable:
                click.echo(f"    its figures are not comparable with one another: {row.not_comparable}")
            if row.subjects:
                click.echo(f"    about: {row.subjects}")
                click.echo(f"    {row.command}")
        click.echo(
            "  (another word, or the same word in the other language, may name other indicators: try the written"
            " forms above)"
        )
        click.echo("")
    if year is not None:  # "GDP 2016": the figures of that year, read from their periods (trial 10 W2)
        click.echo(f"figures of {year} (the year their period ends in):")
        for line in [*hits.attrs.get("of_year", []), *hits.attrs.get("other_years", [])]:
            click.echo(f"  {line}")
    if not len(hits) and theme is not None and text.strip():  # where the figures are (trial 15 m14)
        elsewhere = "; ".join(
            f"{count(n, 'figure')} of theme {other}: search {shlex.quote(text)} --theme {other}"
            for other, n in hits.attrs.get("other_themes", {}).items()
        )
        click.echo(f"no rows of theme {theme} mention {what}" + (f" ({elsewhere})" if elsewhere else ""))
        return
    if not len(hits):
        click.echo(f"no figures of {year} for {what}" if year is not None else f"no rows mention {what}")
        return
    if hits.attrs.get("status"):  # "GDP target 2024": of what the rest finds, the target figures (trial 18 W2)
        status, word = hits.attrs["status"]
        click.echo(f"figures of status {status} ({word!r} in the query)")
    if hits.attrs.get("period"):  # "GDP H1 2019", 上半年 GDP, "H1 2019": the figures of that period
        # The package's labels of what was found, as series and the charts write them (review 16 R11).
        written = ", ".join(hits.attrs.get("period_labels") or [])
        read = f"{hits.attrs['period']!r}"
        said = f"{written} (read from {read})" if written else read
        click.echo(f"figures of the period {said}")
    rows = summary(hits)
    counts = ", ".join(f"{table} {n}" for table, n in rows["rows"].items())
    total = sum(rows["rows"].values())
    verb = "matches" if total == 1 else "match"  # "1 row matches", "2 rows match" (trial 6 r11)
    click.echo(f"{count(total, 'row')} {verb} {what} ({count(len(hits), 'cell')}): {counts}")
    shown = hits.assign(text=hits["text"].str.slice(0, 60))
    click.echo(shown[["table", "key", "column", "text"]].to_string(index=False))
    if rows["sources"]:  # no line when the rows rest on no source (definitions): an empty list reads as "no source"
        click.echo(f"sources ({len(rows['sources'])}): {', '.join(rows['sources'])}")
