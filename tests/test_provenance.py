"""Every shipped figure, corrupted one way at a time, is caught on its own row by the rule that guards it.

This runs on the whole real indicators table against the real source archive (`../shared/sources` beside the
checkout), not on a sample: for each kind of corruption one copy of the package has every row corrupted that
way, and each row must be reported by one of the rules that guard against it. The corruptions are the false
passes the reviews found: another number of the same evidence, another scale of the same dimension, a flipped
qualifier, a changed status, and the figure moved to another subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from conftest import SHARED_ARCHIVE, PackageCopy
from corruptions import semantics

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.text.fold import fold
from tongxiang_digital_economy.text.numerals import numbers_in
from tongxiang_digital_economy.text.quantities import Lexicon, status_cues

pytestmark = pytest.mark.skipif(not SHARED_ARCHIVE.is_dir(), reason="the source archive is not beside the checkout")

Row = dict[str, str]
Corruption = Callable[[Row, PackageCopy], Row | None]


def another_number(row: Row, _package: PackageCopy) -> Row | None:
    """The value replaced by another number its evidence states (or, where it states no other, the value + 1)."""
    value = Decimal(row["value"])
    others = [n for n in numbers_in(row["evidence"]) if n != value and n != -value]
    replacement = others[0] if others else value + 1
    return {**row, "value": str(replacement)}


def another_scale(row: Row, package: PackageCopy) -> Row | None:
    """The unit replaced by a unit of the same dimension with another scale (None where the dimension has one,
    and for a zero, which is the same in every scale)."""
    if Decimal(row["value"]) == 0:
        return None
    units = {u["unit"]: u for u in package.rows("units")}
    mine = units[row["unit"]]
    scale = (mine["multiplier"], mine["divisor"], mine["base_unit"])
    others = [
        u
        for u in units.values()
        if u["dimension"] == mine["dimension"] and (u["multiplier"], u["divisor"], u["base_unit"]) != scale
    ]
    return {**row, "unit": others[0]["unit"]} if others else None


def cut_short(row: Row, _package: PackageCopy) -> Row | None:
    """The quote and the value cut to the tail of their number (108.86億元 to 8.86億元): a number of the evidence."""
    found = re.match(r"^([0-9])([1-9][0-9.,]*)", row["value_text"])
    if not found or row["qualifier"] == "range" or row["value_denominator"]:
        return None
    tail = found[2].replace(",", "")
    value = Decimal(tail) if Decimal(row["value"]) >= 0 else -Decimal(tail)
    return {**row, "value_text": row["value_text"][1:], "value": str(value)}


def word_left_out(row: Row, _package: PackageCopy) -> Row | None:
    """A qualifier word dropped from the quote, and the qualifier with it (1700余家 quoted as 1700家, eq)."""
    if row["qualifier"] in ("eq", "range"):
        return None
    for term in QUALIFIER_TERMS:
        for cut in (row["value_text"].removeprefix(term), row["value_text"].removesuffix(term)):
            if cut != row["value_text"] and cut.strip() and cut.strip() in row["evidence"]:
                return {**row, "value_text": cut.strip(), "qualifier": "eq"}
    return None


FLIPPED = {"eq": "gt", "gt": "eq", "gte": "eq", "approx": "eq", "lt": "eq", "lte": "eq", "range": "eq"}


def flipped_qualifier(row: Row, _package: PackageCopy) -> Row | None:
    return {**row, "qualifier": FLIPPED[row["qualifier"]], "value_upper": ""}


CHANGED_STATUS = {"actual": "target", "target": "actual", "estimate": "actual"}


def changed_status(row: Row, _package: PackageCopy) -> Row | None:
    return {**row, "status": CHANGED_STATUS[row["status"]]}


def moved_subject(row: Row, package: PackageCopy) -> Row | None:
    """The figure moved to a place its source never names (in either script), whatever its subject was."""
    text = fold((SHARED_ARCHIVE / f"{row['source_id']}.txt").read_text(encoding="utf-8"))
    for place in package.rows("places"):
        names = [place["name"], place["name_zh"], *place["aliases"].split("|")]
        if place["place_id"] != row["place_id"] and not any(n and fold(n) in text for n in names):
            return {**row, "place_id": place["place_id"], "enterprise_id": "", "project_id": ""}
    return None


# Each corruption and the rules any one of which must report the corrupted row.
CORRUPTIONS: dict[str, tuple[Corruption, set[str]]] = {
    "a quote cut short": (cut_short, {"value-text-cut"}),
    "a qualifier word left out": (word_left_out, {"value-text-cut", "value-text-qualifier"}),
    "another number of the evidence": (another_number, {"value-text-number"}),
    "another scale of the dimension": (another_scale, {"value-text-unit"}),
    "a flipped qualifier": (flipped_qualifier, {"value-text-qualifier"}),
    "a changed status": (
        changed_status,
        {
            "status-not-in-evidence",
            "reported-target-not-named",
            "actual-after-publication",
            "period-incomplete",
            "period-basis-mismatch",  # an undated target made actual
            "status-cue-in-actual",
            "status-cue-in-clause",
            "status-cue-in-scope",
            "status-reached-not-target",
            "plan-size-not-actual",
            "which-figure",  # a plan table's column is the status
        },
    ),
    "another subject": (moved_subject, {"subject-not-named", "subject-mismatch", "subject-not-anchored"}),
}


LEXICON = Lexicon.from_frame(tde.load("lexicon"))
QUALIFIER_TERMS = sorted(
    (t for t, c in zip(tde.load("lexicon")["term"], tde.load("lexicon")["category"], strict=True) if c == "qualifier"),
    key=len,
    reverse=True,
)


def undecidable_status(row: Row) -> bool:
    """Evidence whose only status words are plan words that also report plans as facts (计划总投资, "will last"):
    from the words alone a target and an actual read the same, so no rule can tell a changed status there."""
    cues = status_cues(row["evidence"], LEXICON)
    return row["status"] in ("actual", "target") and "target" in cues and "strong" not in cues


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_every_corrupted_figure_is_caught(package: PackageCopy, kind: str) -> None:
    corrupt, rules = CORRUPTIONS[kind]
    rows = package.rows("indicators")
    changed, excused = {}, set()
    for number, row in enumerate(rows, start=2):
        bad = corrupt(row, package)
        if bad is not None:
            rows[number - 2] = bad
            changed[number] = row["observation_id"]
            if kind == "a changed status" and undecidable_status(row):
                excused.add(row["observation_id"])
    package.write("indicators", rows)
    # Only the rules that guard the kind, no blame weighed (corruptions.semantics): a rule's problems do not depend
    # on which other rules run, and a blame never drops or changes a row's error, so `caught` is the same.
    report = semantics(package.root, SHARED_ARCHIVE, rules, blames=False)
    caught = {p.row for p in report.problems if p.table == "indicators" and p.rule in rules}
    passed = [o for number, o in changed.items() if number not in caught]
    missed = [o for o in passed if o not in excused]
    # A changed status is caught only where words or a table column say which status a figure has: a reported
    # target's 到…年 reads alike for history (到1949年), and a plan table's remarks column has no status. Those few
    # are measured, not excused by id: at most 1% of rows (6 of 765 when this was written; they are listed here).
    allowed = int(0.01 * len(rows)) if kind == "a changed status" else 0
    assert len(missed) <= allowed, f"{len(missed)} of {len(changed)} rows corrupted by {kind} passed: {missed}"
    least = {"a quote cut short": 0.2, "a qualifier word left out": 0.1}.get(kind, 0.5)
    assert len(changed) >= least * len(rows), f"only {len(changed)} of {len(rows)} rows could be corrupted"
    undecided = [o for o in passed if o in excused]
    assert len(undecided) <= 0.02 * len(rows), f"{len(undecided)} rows have a status their words cannot decide"
