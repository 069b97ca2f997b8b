"""The semantic rules: what a Table Schema cannot say, checked on every row with pandera.

Column types, required fields, enums, ranges, lengths, patterns and keys live in the Table Schemas and are
checked by frictionless; nothing here restates them. What is here needs more than one column or more than
one table: units against indicators, periods against publication dates, values against their evidence,
evidence against the archived source texts, and rows that contradict each other.

Each rule is declared once, in RULES, with a stable kebab-case id, the table and field it reports on, its
severity, and a message that says how to fix the row (formatted with the row's own values). Each rule's
check takes the table's *view* (the table joined with what the rule needs) and returns a boolean Series,
True where the row passes; rows whose inputs are missing pass, because another check reports those.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .load import decimal_text
from .numerals import states_value
from .periods import publication_bounds
from .report import Severity

Check = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Rule:
    id: str
    table: str
    field: str
    message: str
    check: Check
    severity: Severity = "error"
    needs_archive: bool = False


RULES: list[Rule] = []


def rule(
    id: str, table: str, field: str, message: str, severity: Severity = "error", needs_archive: bool = False
) -> Callable[[Check], Check]:
    """Declare a rule: the decorated function is its check."""

    def register(check: Check) -> Check:
        RULES.append(Rule(id, table, field, message, check, severity, needs_archive))
        return check

    return register


def known(*columns: pd.Series) -> pd.Series:
    """True where every one of the columns has a value."""
    mask = pd.Series(True, index=columns[0].index)
    for column in columns:
        mask &= column.notna()
    return mask


def each_row(view: pd.DataFrame, columns: list[str], passes: Callable[..., bool]) -> pd.Series:
    """A check evaluated row by row in Python, for rules that need string work pandas cannot vectorise."""
    values = zip(*(view[c] for c in columns), strict=True)
    return pd.Series([passes(*row) for row in values], index=view.index, dtype=bool)


def squeeze(text: object) -> str:
    """Text with all white space removed: evidence is compared 'white space aside'."""
    return re.sub(r"\s+", "", text) if isinstance(text, str) else ""


# --- units -------------------------------------------------------------------------------------------------


@rule(
    "unit-base-mismatch",
    "units",
    "base_unit",
    "base unit {base_unit!r} of {unit!r} must be a unit of the same dimension ({dimension}) whose multiplier "
    "is 1; point base_unit at such a unit",
)
def base_unit_is_base(view: pd.DataFrame) -> pd.Series:
    ok = (view["base_multiplier"] == 1) & (view["base_dimension"] == view["dimension"])
    return ok.fillna(False) | ~known(view["base_multiplier"], view["dimension"])


# --- sources -----------------------------------------------------------------------------------------------


@rule(
    "published-basis-mismatch",
    "sources",
    "published_basis",
    "published ({published}) and published_basis ({published_basis}) must be both filled or both empty: "
    "say where the date comes from (text, url, archive), or clear both",
)
def basis_goes_with_date(view: pd.DataFrame) -> pd.Series:
    return view["published"].isna() == view["published_basis"].isna()


@rule(
    "published-not-a-date",
    "sources",
    "published",
    "published {published!r} is not a day on the calendar: correct the date",
)
def published_is_a_date(view: pd.DataFrame) -> pd.Series:
    return each_row(view, ["published"], lambda p: not isinstance(p, str) or publication_bounds(p)[0] is not None)


@rule(
    "archive-file-missing",
    "sources",
    "archive_file",
    "{archive_file} is not in the archive folder: check the file name, or the --archive folder",
    needs_archive=True,
)
def archive_file_present(view: pd.DataFrame) -> pd.Series:
    return view["archive_present"].astype(bool) | view["archive_file"].isna()


@rule(
    "archive-hash-mismatch",
    "sources",
    "archive_sha256",
    "the archived file {archive_file} has sha256 {archive_sha256_actual}, the table records {archive_sha256}: "
    "the text changed; re-check this source's rows against it, then record the new hash",
    needs_archive=True,
)
def archive_hash_matches(view: pd.DataFrame) -> pd.Series:
    same = (view["archive_sha256"] == view["archive_sha256_actual"]).fillna(False)
    return same | ~view["archive_present"] | view["archive_sha256"].isna()


# --- provenance: all three fact tables ---------------------------------------------------------------------


def evidence_in_source(view: pd.DataFrame) -> pd.Series:
    """The evidence occurs verbatim in its source's archived text, white space aside."""
    return each_row(
        view,
        ["evidence", "archive_text"],
        lambda evidence, text: not isinstance(text, str) or squeeze(evidence) in text,
    )


def evidence_names_subject(view: pd.DataFrame) -> pd.Series:
    """The evidence names the enterprise or project (its Chinese name, or its English name, any case)."""

    def names_it(evidence: object, *names: object) -> bool:
        text = squeeze(evidence).casefold()
        given = [squeeze(n).casefold() for n in names if isinstance(n, str) and n.strip()]
        return not text or not given or any(n in text for n in given)

    return each_row(view, ["evidence", "name", "name_zh"], names_it)


for _table in ("indicators", "enterprises", "projects"):
    rule(
        "evidence-not-in-source",
        _table,
        "evidence",
        "the evidence does not occur in the archived text of {source_id} (white space aside): copy the passage "
        "exactly as the source writes it, in its own script",
        needs_archive=True,
    )(evidence_in_source)
for _table in ("enterprises", "projects"):
    rule(
        "evidence-missing-name",
        _table,
        "evidence",
        "the evidence does not name {name!r} / {name_zh!r}: choose a passage that names it as the source "
        "writes it (name_zh for a Chinese source, name for an English one)",
    )(evidence_names_subject)


# --- indicators --------------------------------------------------------------------------------------------


@rule(
    "observation-id-source",
    "indicators",
    "observation_id",
    "{observation_id} must be the source id {source_id} followed by -NNN: rename it (ids are never reused)",
)
def observation_id_names_source(view: pd.DataFrame) -> pd.Series:
    return each_row(
        view,
        ["observation_id", "source_id"],
        lambda o, s: not isinstance(s, str) or not isinstance(o, str) or o.rsplit("-", 1)[0] == s,
    )


@rule(
    "unit-dimension-mismatch",
    "indicators",
    "unit",
    "unit {unit!r} measures {unit_dimension}, but {indicator!r} is measured in {indicator_dimension}: "
    "use a {indicator_dimension} unit or another indicator",
)
def unit_fits_indicator(view: pd.DataFrame) -> pd.Series:
    ok = view["unit_dimension"] == view["indicator_dimension"]
    return ok.fillna(False) | ~known(view["unit_dimension"], view["indicator_dimension"])


@rule(
    "count-not-whole",
    "indicators",
    "value",
    "{indicator!r} counts things, so {value} {unit} ({value_base} {base_unit}) must be a whole, non-negative "
    "number; check the value and the unit's scale",
)
def counts_are_whole(view: pd.DataFrame) -> pd.Series:
    applies = (view["indicator_dimension"] == "count") & (view["measure"] == "amount") & view["value_base"].notna()
    whole = (view["value_base"] >= 0) & (view["value_base"] % 1 == 0)
    return (~applies.fillna(False)) | whole.fillna(False)


@rule(
    "share-out-of-range",
    "indicators",
    "value",
    "{indicator!r} is a share, so {value} percent must lie between 0 and 100; if it is a growth rate, "
    "use a growth indicator",
)
def shares_within_100(view: pd.DataFrame) -> pd.Series:
    applies = (view["measure"] == "share") & (view["unit_dimension"] == "percent")
    inside = (view["value"] >= 0) & (view["value"] <= 100)
    return (~applies.fillna(False)) | inside.fillna(False)


@rule(
    "rank-not-positive-whole",
    "indicators",
    "value",
    "a rank is a position counted from 1, so {value} must be a whole number of at least 1",
)
def ranks_are_positions(view: pd.DataFrame) -> pd.Series:
    applies = view["measure"] == "rank"  # a change of rank ("up 3 places") may be any whole number
    ok = (view["value"] >= 1) & (view["value"] % 1 == 0)
    return (~applies.fillna(False)) | ok.fillna(False)


@rule(
    "period-order",
    "indicators",
    "period_end",
    "the period ends ({period_end:%Y-%m-%d}) before it starts ({period_start:%Y-%m-%d}): swap or correct them",
)
def period_in_order(view: pd.DataFrame) -> pd.Series:
    return (view["period_start"] <= view["period_end"]) | ~known(view["period_start"], view["period_end"])


@rule("year-not-period-end", "indicators", "year", "year {year} must be the year of period_end ({period_end:%Y-%m-%d})")
def year_is_period_end(view: pd.DataFrame) -> pd.Series:
    return (view["year"] == view["period_end"].dt.year).fillna(False) | ~known(view["year"], view["period_end"])


@rule(
    "actual-after-publication",
    "indicators",
    "period_end",
    "an actual figure cannot end ({period_end:%Y-%m-%d}) after its source was published ({published}): "
    "fix the period, or mark a plan or expectation as status target",
)
def actual_not_after_publication(view: pd.DataFrame) -> pd.Series:
    late = (view["status"] == "actual") & (view["period_end"] > view["published_latest"])
    return ~late.fillna(False)


@rule(
    "target-not-after-publication",
    "indicators",
    "period_end",
    "a target must end after its source was published ({published}), but this one ends "
    "{period_end:%Y-%m-%d}: fix the period, or mark a reported figure as status actual",
)
def target_after_publication(view: pd.DataFrame) -> pd.Series:
    early = (view["status"] == "target") & (view["period_end"] <= view["published_earliest"])
    return ~early.fillna(False)


@rule(
    "evidence-missing-value",
    "indicators",
    "evidence",
    "the evidence does not state the value {value_text} as written (digits, Chinese numerals or English "
    "number words): choose a passage that states it, or correct the value",
)
def evidence_states_value(view: pd.DataFrame) -> pd.Series:
    return each_row(
        view,
        ["evidence", "value_text"],
        lambda evidence, value: (
            not isinstance(evidence, str) or not isinstance(value, str) or states_value(evidence, value)
        ),
    )


@rule(
    "conflicting-values",
    "indicators",
    "value",
    "{indicator!r} for the same subject, period and status has other values in other rows "
    "({conflict_with}): keep every source's figure, but check that they measure the same thing",
    severity="warning",
)
def no_conflicting_values(view: pd.DataFrame) -> pd.Series:
    return view["conflict_with"].isna()


def conflicts(frame: pd.DataFrame) -> pd.Series:
    """For each row, the other observation ids that give a different value for the same thing, or <NA>."""
    # The base unit is part of what is measured: a source's own conversion to US dollars is not a conflict.
    keys = ["indicator", "place_id", "enterprise_id", "project_id", "period_start", "period_end", "status", "base_unit"]
    value = frame["value_base"].astype("object").where(frame["value_base"].notna(), frame["value"].astype("object"))
    text = frame[keys].astype("string").fillna("")
    key = ["|".join(parts) for parts in zip(*(text[k] for k in keys), strict=True)]
    measured = pd.DataFrame({"key": key, "value": value.astype("string").fillna("")}, index=frame.index)
    out = pd.Series(pd.NA, index=frame.index, dtype="string")
    for _, group in measured.groupby("key", sort=False):
        if group["value"].nunique() > 1:
            for index in group.index:
                others = group.index[group["value"] != group.at[index, "value"]]
                out[index] = ", ".join(frame.loc[others, "observation_id"].astype(str))
    return out


def keyed(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """`frame` indexed by its primary key, first row kept where the key repeats (frictionless reports that)."""
    indexed = frame.set_index(key)
    return indexed.loc[~indexed.index.duplicated() & indexed.index.notna()]


def views(
    frames: dict[str, pd.DataFrame], archive_texts: dict[str, str | None] | None, archive_hashes: dict[str, str] | None
) -> dict[str, pd.DataFrame]:
    """Each table joined with what its rules need; a table is left out when a table it needs did not load."""
    out: dict[str, pd.DataFrame] = {}
    units, sources = frames.get("units"), frames.get("sources")
    if units is not None:
        base = keyed(units, "unit")
        out["units"] = units.assign(
            base_multiplier=units["base_unit"].map(base["multiplier"]).astype("Float64"),
            base_dimension=units["base_unit"].map(base["dimension"]).astype("string"),
        )
    if sources is not None:
        view = sources.copy()
        files = view["archive_file"]
        view["archive_present"] = [archive_texts is not None and f in archive_texts for f in files]
        view["archive_sha256_actual"] = pd.Series([(archive_hashes or {}).get(f) for f in files], dtype="string")
        out["sources"] = view
        # Each text is squeezed once here, not once per evidence span that is looked up in it.
        texts = [(archive_texts or {}).get(f) for f in files]
        text_of = dict(zip(sources["source_id"], [squeeze(t) if t is not None else None for t in texts], strict=True))
        for table in ("enterprises", "projects"):
            if table in frames:
                out[table] = frames[table].assign(archive_text=frames[table]["source_id"].map(text_of))
    needed = ("indicators", "units", "indicator_definitions")
    if sources is not None and all(t in frames for t in needed):
        out["indicators"] = indicator_view(frames, text_of)
    return out


def indicator_view(frames: dict[str, pd.DataFrame], text_of: dict[str, str | None]) -> pd.DataFrame:
    """indicators joined with units, indicator definitions, source publication dates and archived texts."""
    ind = frames["indicators"]
    units = keyed(frames["units"], "unit")
    definitions = keyed(frames["indicator_definitions"], "indicator")
    published = keyed(frames["sources"], "source_id")["published"]
    bounds = ind["source_id"].map(published).map(publication_bounds)
    return ind.assign(
        unit_dimension=ind["unit"].map(units["dimension"]).astype("string"),
        indicator_dimension=ind["indicator"].map(definitions["dimension"]).astype("string"),
        measure=ind["indicator"].map(definitions["measure"]).astype("string"),
        published=ind["source_id"].map(published).astype("string"),
        published_earliest=pd.to_datetime([b[0] for b in bounds]),
        published_latest=pd.to_datetime([b[1] for b in bounds]),
        value_text=[decimal_text(v) for v in ind["value"]],
        conflict_with=conflicts(ind),
        archive_text=ind["source_id"].map(text_of),
    )
