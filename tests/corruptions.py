"""Corruptions of a claim, one part at a time: its year, its period's length, its subject, its indicator, which
figure of its evidence it is, its value, scale, qualifier, status and source. Shared by test_corruption.py and
scripts/corruption-report.

Each corruption takes a row (a dict of CSV cells) and the package's tables, and returns the corrupted row, or
None where the row cannot be corrupted that way (an undated target has no year to move), or a list of corrupted
rows where it can be corrupted several ways (each counts as one corruption, tried in a package of its own). Each
kind names the rules that guard against it: a corrupted row is caught when one of them reports an error on its row
that it did not report before. A corrupted row that is a claim its text supports too (supported_too) is no
corruption: it is counted apart, with the reason, never dropped silently.
"""

from __future__ import annotations

import calendar
import csv
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.report import Problem, Report
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import attach
from tongxiang_digital_economy.text.fold import simplified
from tongxiang_digital_economy.text.numerals import number_spans
from tongxiang_digital_economy.text.plan_tables import table_head_pattern
from tongxiang_digital_economy.text.quantities import Lexicon, read, written_forms

Row = dict[str, str]
Tables = dict[str, list[Row]]
Corruption = Callable[[Row, Tables], Row | list[Row] | None]


def shifted(day: str, years: int) -> str:
    d = date.fromisoformat(day)
    last = calendar.monthrange(d.year + years, d.month)[1]
    return date(d.year + years, d.month, min(d.day, last)).isoformat()


def another_year(row: Row, tables: Tables) -> list[Row] | None:
    """The period moved to the year before (the year column with it, so only the words can tell); a figure of an
    event edition also moved, with its event_id, to the edition of the year before and its days (review 6 F9: then
    no edition rule can tell, only the words)."""
    if not row["period_start"] or not row["period_end"]:
        return None
    start, end = shifted(row["period_start"], -1), shifted(row["period_end"], -1)
    ways = [{**row, "period_start": start, "period_end": end, "year": end[:4]}]
    edition = next((e for e in tables.get("events", []) if e["event_id"] == row.get("event_id")), None)
    if edition is None:
        return ways
    year = int(edition["start"][:4]) - 1
    before = next(
        (
            e
            for e in tables["events"]
            if e["project_id"] == edition["project_id"] and e["start"][:4] == str(year) and len(e["start"]) == 10
        ),
        None,
    )
    if before is not None and len(before["end"]) == 10:
        last = before["start"] if row["period_start"] == row["period_end"] else before["end"]
        ways.append(
            {
                **row,
                "event_id": before["event_id"],
                "period_start": before["start"],
                "period_end": last,
                "year": last[:4],
            }
        )
    return ways


def temporal(row: Row, tables: Tables) -> str:
    return next((d["temporal"] for d in tables["indicator_definitions"] if d["indicator"] == row["indicator"]), "")


def another_length(row: Row, tables: Tables) -> Row | None:
    """A flow's period cut to its first half (or, if shorter than a year, widened to the whole year); a stock moved
    to another date of its year (half a year earlier, or later if that leaves the year)."""
    if not row["period_start"] or not row["period_end"]:
        return None
    start, end = date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])
    if temporal(row, tables) == "stock":
        moved = end - timedelta(days=182)
        moved = moved if moved.year == end.year else end + timedelta(days=182)
        if moved.year != end.year:
            return None
        return {**row, "period_start": moved.isoformat(), "period_end": moved.isoformat()}
    if (end - start).days >= 360:
        half = start + (end - start) / 2
        return {**row, "period_end": half.isoformat(), "year": str(half.year)}
    return {**row, "period_start": date(end.year, 1, 1).isoformat(), "period_end": date(end.year, 12, 31).isoformat()}


def another_subject(row: Row, tables: Tables) -> Row | None:
    """Tongxiang's figure given to Wuzhen, any other place's to Tongxiang; an enterprise's or project's figure to
    another enterprise or project."""
    if row["place_id"]:
        other = "wuzhen" if row["place_id"] == "tongxiang" else "tongxiang"
        return {**row, "place_id": other}
    for column, table, key in (
        ("enterprise_id", "enterprises", "enterprise_id"),
        ("project_id", "projects", "project_id"),
    ):
        if row.get(column):
            others = [r[key] for r in tables[table] if r[key] != row[column]]
            return {**row, column: others[0]} if others else None
    return None


def another_indicator(row: Row, tables: Tables) -> Row | None:
    """The figure filed under the next indicator of the same dimension, measure, subject and kind (GDP filed as
    fiscal revenue): the unit and subject rules cannot tell, only the indicator's words can."""
    definitions = {d["indicator"]: d for d in tables["indicator_definitions"]}
    mine = definitions.get(row["indicator"])
    if mine is None:
        return None
    same = ("dimension", "measure", "subject", "temporal")
    peers = sorted(i for i, d in definitions.items() if i != row["indicator"] and all(d[k] == mine[k] for k in same))
    if not peers:
        return None
    after = [p for p in peers if p > row["indicator"]]
    return {**row, "indicator": (after or peers)[0]}


def words_of(cell: str) -> set[str]:
    """The words of a `|`-separated cell (of every `;`-parted group, for required_words)."""
    return {w.strip().lower() for w in re.split(r"[|;]", cell) if w.strip()}


def related(one: set[str], other: set[str]) -> bool:
    return any(a in b or b in a for a in one for b in other)


def neighbours_counting(row: Row, tables: Tables) -> list[Row]:
    """The figure filed under every neighbour of its dimension, measure and subject that shares a written form
    with its indicator and differs from it in how it counts (required_words), both ways: gdp_growth's 8.5% as
    the two-year average, and the two-year average's 4.7% as gdp_growth."""
    definitions = {d["indicator"]: d for d in tables["indicator_definitions"]}
    mine = definitions.get(row["indicator"])
    if mine is None:
        return []
    same = ("dimension", "measure", "subject")
    return [
        {**row, "indicator": i}
        for i, d in sorted(definitions.items())
        if i != row["indicator"]
        and all(d[k] == mine[k] for k in same)
        and words_of(d["required_words"]) != words_of(mine["required_words"])
        and related(words_of(d["written_forms"]), words_of(mine["written_forms"]))
    ]


_LEXICON: list[Lexicon] = []


def lexicon(tables: Tables) -> Lexicon:
    if not _LEXICON:
        import pandas as pd

        _LEXICON.append(Lexicon.from_frame(pd.DataFrame(tables["lexicon"])))
    return _LEXICON[0]


def another_figure(row: Row, tables: Tables) -> Row | None:
    """The value and its quote moved together to another number of the evidence written the same way (the 2014
    figure given to 2023; the target 增长5% recorded as the actual): the quote still reads as the value."""
    quote, evidence = row["value_text"], row["evidence"]
    spans = number_spans(quote)
    if len(spans) != 1 or row["qualifier"] == "range" or row["value_denominator"] or quote not in evidence:
        return None
    prefix, suffix = quote[: spans[0].start], quote[spans[0].end :]
    at = evidence.find(quote)
    forms = next(
        (d.get("written_forms", "") for d in tables["indicator_definitions"] if d["indicator"] == row["indicator"]), ""
    )
    named = [(m.start(), m.end()) for f in forms.split("|") if f for m in re.finditer(re.escape(f), evidence)]
    for span in number_spans(evidence):
        if at <= span.start < at + len(quote) or any(a <= span.start < b for a, b in named):
            continue  # the quote itself, or a number inside the indicator's name (4G base stations)
        if re.fullmatch(r"(?:19|20)[0-9]{2}", evidence[span.start : span.end]):
            continue  # a year is no figure
        start, end = span.start - len(prefix), span.end + len(suffix)
        if start < 0 or evidence[start : span.start] != prefix or evidence[span.end : end] != suffix:
            continue
        moved = evidence[start:end]
        reading = read(moved, lexicon(tables))
        if len(reading.numbers) != 1 or reading.numbers[0] == Decimal(row["value"]):
            continue
        return {**row, "value_text": moved, "value": str(reading.numbers[0])}
    return None


def another_value(row: Row, _tables: Tables) -> Row | None:
    """The value doubled, its quote left as it is (a figure mistyped)."""
    if not row["value"]:
        return None
    value = Decimal(row["value"])
    return {**row, "value": str(value * 2 if value else Decimal(1))}


def another_scale(row: Row, tables: Tables) -> Row | None:
    """The unit moved to another of its dimension with another scale (万元 for 亿元), the value left as it is."""
    units = {u["unit"]: u for u in tables["units"]}
    mine = units.get(row["unit"])
    if mine is None:
        return None
    scale = (mine["multiplier"], mine["divisor"])
    others = sorted(
        u for u, d in units.items() if d["dimension"] == mine["dimension"] and (d["multiplier"], d["divisor"]) != scale
    )
    return {**row, "unit": others[0]} if others else None


def another_qualifier(row: Row, _tables: Tables) -> Row | None:
    """An exact figure made a lower bound ('more than'), any bound made exact; a range is left alone (its upper
    bound would have to go too)."""
    if row["qualifier"] in ("", "range"):
        return None
    return {**row, "qualifier": "gt" if row["qualifier"] == "eq" else "eq"}


def another_status(row: Row, _tables: Tables) -> Row | None:
    """An actual filed as a target, a target or an estimate as an actual."""
    if not row["status"]:
        return None
    return {**row, "status": "target" if row["status"] == "actual" else "actual"}


def another_source(row: Row, tables: Tables) -> Row | None:
    """The row cited to the next source of the table (its observation id left as it is)."""
    ids = sorted(s["source_id"] for s in tables["sources"])
    if row["source_id"] not in ids or len(ids) < 2:
        return None
    return {**row, "source_id": ids[(ids.index(row["source_id"]) + 1) % len(ids)]}


PERIOD_RULES = {
    "period-text-mismatch",
    "period-edition-named",
    "period-year-in-evidence",
    "period-publication-mismatch",
    "period-length-words",
    "actual-after-publication",
    "stock-not-at-a-date",
    "period-outside-edition",
    "period-in-text-future",
    "reported-target-not-named",  # a target moved to a period ended before its text (as actual-after-publication)
}
INDICATOR_RULES = {
    "indicator-not-in-evidence",
    "indicator-required-words",
    "indicator-counted-as-neighbour",
    "indicator-written-with-neighbour",
    "which-figure",
}
KINDS: dict[str, tuple[Corruption, set[str]]] = {
    "year": (another_year, PERIOD_RULES),
    "period length": (another_length, PERIOD_RULES),
    "subject": (
        another_subject,
        {"subject-not-anchored", "subject-other-place", "subject-not-named", "subject-mismatch"},
    ),
    "indicator": (another_indicator, INDICATOR_RULES),
    "counted as": (neighbours_counting, INDICATOR_RULES),
    "which figure": (
        another_figure,
        {
            "which-figure",
            "subject-pairs-another-figure",
            "period-year-in-evidence",
            "period-text-mismatch",  # B of 'from A to B' moved to A's date: its words date B
            "value-text-cut",
            "value-text-qualifier",
            "status-not-in-evidence",
            "rank-not-written-as-place",
        },
    ),
    "value": (
        another_value,
        {"value-text-number", "count-not-whole", "share-out-of-range", "rank-not-positive-whole", "range-bounds"},
    ),
    "scale": (another_scale, {"value-text-unit", "value-text-number", "unit-dimension-mismatch"}),
    "qualifier": (another_qualifier, {"value-text-qualifier"}),
    "status": (
        another_status,
        {
            "status-not-in-evidence",
            "reported-target-not-named",
            "status-cue-in-actual",
            "status-cue-in-clause",
            "status-cue-in-scope",
            "status-reached-not-target",
            "plan-size-not-actual",
            "actual-after-publication",
            "period-in-text-future",
            "period-basis-mismatch",  # an undated row is a target: an undated actual is no claim
            "which-figure",
        },
    ),
    # The observation id still names the old source (observation-id-source): not counted, only the archive's words.
    "source": (another_source, {"evidence-not-in-source", "subject-text-not-in-source", "period-text-not-in-context"}),
}


# --- corruptions that are true claims ----------------------------------------------------------------------------
# A corruption may produce a claim the text supports as well as the row's own: then no rule should catch it, and it
# is no corruption. Each test below is a reading of the text (and of the package's own tables), never a list of
# rows: where one holds, the report shows the row apart, with the reason, and leaves it out of the catch rate.

LIST_JOINER = re.compile(r"\s*(?:、|和|及|与|以及|,|，|and|&)\s*", re.IGNORECASE)
RESPECTIVELY = re.compile(r"分别|各自|respectively", re.IGNORECASE)
# 各 (each, not 各自: respectively) or 'each' in the quote's clause gives its one figure to each of what its words
# name (中外嘉宾约各占百分之五十: the Chinese guests' share and the foreign guests' alike).
EACH = re.compile(r"各(?!自)|\beach\b", re.IGNORECASE)
LOWER_BOUNDS = {"gt", "gte"}


def form_places(evidence: str, forms: str) -> list[tuple[str, int, int]]:
    """Each written form found in the evidence (case folded), with where it stands."""
    text = evidence.casefold()
    return [
        (f, m.start(), m.end())
        for f in (x.strip() for x in forms.split("|"))
        if f
        for m in re.finditer(re.escape(f.casefold()), text)
    ]


def supported_too(kind: str, row: Row, bad: Row, tables: Tables) -> str | None:
    """Why the corrupted row is a claim its text supports too (None where it is a real corruption).

    - indicator, counted as: the evidence lists a written form of the other indicator with one of the row's as
      items of one list (joined by 、, 和, 及, and, &) that one figure follows and no other quantity does
      (财政总收入、一般公共预算收入跃居嘉兴第一; 'Revenue and Profits Both Emerge Tenth Place'), without 分别 or
      'respectively' pairing the items with several figures. A form both indicators share is not enough: the
      parts of 三次产业结构为2.3:49.4:48.3 share their words, but not their figure; it is where the quote's clause
      gives its figure to each (各, each: 中外嘉宾约各占百分之五十 is the Chinese guests' share and the foreign
      guests' alike);
    - subject: a lower bound of a part's count or amount (超过1000家 in 桐乡经济开发区) is a lower bound of the
      place that holds it (桐乡, by the places table's parent_id), where the evidence names that place as well
      (在桐乡,…仅桐乡经济开发区就有超过1000家): its words then speak of both;
    - scale: a figure of 0 (and no upper bound) is the same claim in any unit of its dimension;
    - status: a quote that stands in a plan table's target column and its actual column alike (2.全员劳动生产率
      20.5万元/ 20.5万元/) is the target and the actual: the other status is a claim of the table too."""
    evidence = row["evidence"]
    if kind == "status" and (columns := table_columns(row, tables)) and bad["status"] in columns:
        return f"the quote stands in the plan table's {bad['status']} column as well as its {row['status']} column"
    if kind == "scale" and row["value"] and Decimal(row["value"]) == 0 and not row["value_upper"]:
        return "zero is zero in any unit of its dimension"
    if kind in ("indicator", "counted as"):
        definitions = {d["indicator"]: d for d in tables["indicator_definitions"]}
        old, new = definitions.get(row["indicator"]), definitions.get(bad["indicator"])
        if old is None or new is None or RESPECTIVELY.search(evidence):
            return None
        mine, theirs = form_places(evidence, old["written_forms"]), form_places(evidence, new["written_forms"])
        folded = simplified(evidence).casefold()
        shared = {f for f in words_of(old["written_forms"]) & words_of(new["written_forms"]) if simplified(f) in folded}
        if shared and EACH.search(quote_clause_text(evidence, row["value_text"])):
            return f"the quote's clause gives its figure to each of what the shared words {sorted(shared)} name (各)"
        for f, start, end in mine:
            for g, other_start, other_end in theirs:
                if not (end <= other_start or other_end <= start):
                    continue
                between = evidence[end:other_start] if end <= other_start else evidence[other_end:start]
                if LIST_JOINER.fullmatch(between) and one_figure_follows(
                    evidence, row["value_text"], start, other_start
                ):
                    return f"the evidence lists {g!r} with {f!r} as items of one list that one figure follows"
        return None
    if kind == "subject" and row["place_id"] and bad["place_id"] and row["qualifier"] in LOWER_BOUNDS:
        definitions = {d["indicator"]: d for d in tables["indicator_definitions"]}
        definition = definitions.get(row["indicator"], {})
        if definition.get("dimension") not in ("count", "currency") or definition.get("measure") != "amount":
            return None
        places = {p["place_id"]: p for p in tables["places"]}
        text = simplified(evidence).casefold()
        for part in sorted(place_names(places.get(row["place_id"], {})), key=len, reverse=True):
            text = text.replace(part, " ")  # 桐乡 inside 桐乡经济开发区 names the part, not the whole
        if not any(n in text for n in place_names(places.get(bad["place_id"], {}))):
            return None
        place, seen = places.get(row["place_id"], {}).get("parent_id"), set()
        while place and place not in seen:
            if place == bad["place_id"]:
                return (
                    f"a lower bound of a part's {definition['dimension']} holds of {place}, which holds it and is named"
                )
            seen.add(place)
            place = places.get(place, {}).get("parent_id")
    return None


def table_columns(row: Row, tables: Tables) -> frozenset[str]:
    """The plan-table columns (statuses) the row's quote stands in, read by the clause reader with the lexicon's
    table headings (20.5万元/ 20.5万元/: the target and the actual column alike); empty outside a table."""
    heads, units, words = clause_reading(tables)
    if heads is None or not row["evidence"] or not row["value_text"]:
        return frozenset()
    dimension = next((u["dimension"] for u in tables["units"] if u["unit"] == row["unit"]), None)
    forms = next(
        (d["written_forms"] for d in tables["indicator_definitions"] if d["indicator"] == row["indicator"]), ""
    )
    found = attach(row["evidence"], row["value_text"], forms.split("|"), dimension, units, (), heads, None, words)
    return found.columns if found.attached else frozenset()


_CLAUSE_READING: list[tuple[Tables, tuple[Any, Any, ClauseWords]]] = []


def clause_reading(tables: Tables) -> tuple[Any, Any, ClauseWords]:
    """The lexicon's table headings, the units' written forms and the clause words (分别, 这一数字, 去年) of `tables`,
    made once per tables object: made per row, they cost most of the catch rates' time (7,000 rows read)."""
    for made_of, made in _CLAUSE_READING:
        if made_of is tables:
            return made
    heads = table_head_pattern((r["term"], r["meaning"]) for r in tables["lexicon"] if r["category"] == "table_head")
    units = written_forms(pd.DataFrame(tables["units"]))
    words = ClauseWords.of(Lexicon.from_frame(pd.DataFrame(tables["lexicon"])))
    _CLAUSE_READING[:] = [(tables, (heads, units, words))]
    return heads, units, words


def place_names(place: Row) -> list[str]:
    """A place's names and aliases, simplified and case folded."""
    names = (place.get("name_zh", ""), place.get("name", ""), *place.get("aliases", "").split("|"))
    return [simplified(n).casefold() for n in names if n.strip()]


CLAUSE_END = re.compile(r"[。；;!！?？]")
CLAUSE_MARK = re.compile(r"[。；;!！?？,，]")
# A number right before the quote, with at most a measure word between (三个翻番: three doublings, one of each item
# listed), counts the quote's own figure, and is no other figure of the clause.
COUNTS_THE_QUOTE = re.compile(r"\s*[个項项次]?\s*")
YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def one_figure_follows(evidence: str, quote: str, first: int, second: int) -> bool:
    """Whether the quote is the one figure of the list's clause: it stands at or after the list's start, and from
    there to the clause's end no other quantity does (the same figure written twice, top 500 … top 500, and years
    aside)."""
    start = min(first, second)
    at = evidence.find(quote, start)
    if at < 0:
        return False
    stop = CLAUSE_END.search(evidence, at + len(quote))
    own = {n.value for n in number_spans(quote)}
    end = stop.start() if stop else len(evidence)
    for n in number_spans(evidence[start:end]):
        inside = at <= start + n.start < at + len(quote)
        counts_it = start + n.end <= at and COUNTS_THE_QUOTE.fullmatch(evidence[start + n.end : at]) is not None
        if inside or counts_it or n.value in own or YEAR.fullmatch(evidence[start + n.start : start + n.end]):
            continue
        return False
    return True


def quote_clause_text(evidence: str, quote: str) -> str:
    """The clause of the evidence that holds the quote (between clause marks), or the whole evidence."""
    at = evidence.find(quote)
    if at < 0:
        return evidence
    before = [m.end() for m in CLAUSE_MARK.finditer(evidence, 0, at)]
    after = CLAUSE_MARK.search(evidence, at + len(quote))
    return evidence[before[-1] if before else 0 : after.start() if after else len(evidence)]


def read_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[Row]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def semantics(root: Path, archive: Path | None, rules: set[str] | None = None, blames: bool = True) -> Report:
    """The semantic layer (and the archive) of the package at root: only the rules whose ids are in `rules` where
    it is given, and no blame weighed (unblamed) unless `blames`.

    Why: a corruption is caught only by the rules that guard its kind (KINDS), and a copy with every row corrupted
    is new to every rule's kept answers, so running the other rules and weighing the blames (which validate the
    blamed rows again) cost half of the catch rates' time for nothing. A rule's problems do not depend on which
    other rules run, and a blame never drops or changes a row's error (unblamed).
    """
    from tongxiang_digital_economy.io.load import finished, read_resource
    from tongxiang_digital_economy.schema.descriptor import read_descriptor, resource
    from tongxiang_digital_economy.semantics import archive_checks, validation
    from tongxiang_digital_economy.semantics.joins import foreign_keys

    report = Report(package=str(root))
    descriptor = read_descriptor(root)
    reads = {name: read_resource(root, resource(descriptor, name)) for name in tde.tables(root)}
    frames = {name: finished(r, reads) for name, r in reads.items() if r.frame is not None and not r.broken}
    texts = hashes = None
    if archive is not None:
        texts, hashes, problems = archive_checks.read_archive(archive, frames.get("sources"))
        report.add(problems)
    every, weighed = validation.RULES, (validation.blame_editions, validation.blame_published)
    if rules is not None:
        unknown = rules - {r.id for r in every}
        assert not unknown, f"no rule has the id {sorted(unknown)}"
        validation.RULES = [r for r in every if r.id in rules]
    if not blames:
        validation.blame_editions = validation.blame_published = unblamed
    try:
        report.add(validation.check_semantics(frames, texts, hashes, foreign_keys(root)))
    finally:
        validation.RULES = every
        validation.blame_editions, validation.blame_published = weighed
    return report


def unblamed(found: list[Problem], *_views: object) -> list[Problem]:
    """The problems as the rules gave them, no blame weighed: a blame (an edition's dates, a source's date) marks
    figure errors as following from its cause and adds the cause's error on the events or sources row; it never
    drops or changes another row's error, which is all a catch rate counts."""
    return found


def errors_by_row(report: Report) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for p in report.problems:
        if p.table == "indicators" and p.row is not None and p.severity == "error":
            out.setdefault(p.row, set()).add(str(p.rule))
    return out


Rates = dict[str, tuple[int, list[str], list[str], list[tuple[str, str, bool]]]]


def package_tables(package: Path) -> Tables:
    """Every table of the package at `package`, as rows of CSV cells."""
    return {name: read_rows(package / "data" / f"{name}.csv") for name in tde.tables(package)}


def corruptions_of(tables: Tables) -> dict[str, list[list[Row]]]:
    """Each kind's ways of corrupting each indicators row (corrupted: none where it cannot), in the rows' order."""
    rows = tables["indicators"]
    return {kind: [corrupted(corrupt(dict(row), tables), row) for row in rows] for kind, (corrupt, _) in KINDS.items()}


def catch_rates(package: Path, archive: Path | None, made: dict[str, list[list[Row]]] | None = None) -> Rates:
    """For each kind: how many rows it corrupted (real corruptions only), the ids of those caught and of those
    missed, and the corrupted rows that are claims the text supports too (id, why, whether a rule caught it).
    `made`: corruptions_of the package's tables, where the caller has them already."""
    tables = package_tables(package)
    made = corruptions_of(tables) if made is None else made
    guarding = set().union(*(rules for _corrupt, rules in KINDS.values()))
    baseline = errors_by_row(semantics(package, archive, guarding, blames=False))
    out: Rates = {}
    rows = tables["indicators"]
    for kind, (_corrupt, rules) in KINDS.items():
        ways = made[kind]
        caught: list[str] = []
        missed: list[str] = []
        supported: list[tuple[str, str, bool]] = []
        count = 0
        for k in range(max((len(w) for w in ways), default=0)):  # the k-th way of every row, in one package
            changed = {
                n: row["observation_id"] for n, (row, w) in enumerate(zip(rows, ways, strict=True), 2) if len(w) > k
            }
            after = errors_after(
                package, archive, [w[k] if len(w) > k else dict(r) for r, w in zip(rows, ways, strict=True)], rules
            )
            for n, o in changed.items():
                hit = bool((after.get(n, set()) - baseline.get(n, set())) & rules)
                why = supported_too(kind, rows[n - 2], ways[n - 2][k], tables)
                if why is not None:
                    supported.append((o, why, hit))
                    continue
                count += 1
                (caught if hit else missed).append(o)
        out[kind] = (count, caught, missed, supported)
    return out


def corrupted(bad: Row | list[Row] | None, row: Row) -> list[Row]:
    """The ways a row was corrupted (none where the corruption left it as it was)."""
    found = bad if isinstance(bad, list) else [] if bad is None else [bad]
    return [b for b in found if b != row]


def errors_after(package: Path, archive: Path | None, rows: list[Row], rules: set[str]) -> dict[int, set[str]]:
    """The errors by row, of the `rules` (no blame weighed), of a copy of the package whose indicators are `rows`."""
    return errors_by_row(with_table(package, archive, "indicators", rows, rules, blames=False))


def with_table(
    package: Path,
    archive: Path | None,
    table: str,
    rows: list[Row],
    rules: set[str] | None = None,
    blames: bool = True,
) -> Report:
    """The semantic report (semantics) of a copy of the package whose `table` is `rows`."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "package"
        root.mkdir()
        shutil.copy(package / "datapackage.json", root)
        shutil.copytree(package / "data", root / "data")
        shutil.copytree(package / "schemas", root / "schemas")
        write_rows(root / "data" / f"{table}.csv", rows)
        tde.stamp(root)
        return semantics(root, archive, rules, blames)
