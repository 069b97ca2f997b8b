"""Rules that hold a figure to its quote: `value_text` read back must give the value (sign included), the
unit (its written form) and the qualifier, and the evidence must say what the number is and what status it has."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from ...text.fold import squash, squeeze
from ...text.quantities import FRACTION_FIRST
from .registry import each_row, missing, rule

# --- indicators: the quote ---------------------------------------------------------------------------------


@rule(
    "value-text-not-in-evidence",
    "indicators",
    "value_text",
    "value_text {value_text!r} does not occur in the evidence (white space aside): quote the number with its "
    "words exactly as the evidence writes them",
    reads=("evidence", "value_text"),
    per_row=True,
)
def quote_in_evidence(view: pd.DataFrame) -> pd.Series:
    """The quoted quantity occurs in the evidence."""
    return each_row(
        view,
        ["value_text", "evidence"],
        lambda quote, evidence: missing(quote) or missing(evidence) or squeeze(quote) in squeeze(evidence),
    )


@rule(
    "value-text-cut",
    "indicators",
    "value_text",
    "value_text {value_text!r} is cut out of a longer quantity of the evidence: {quote_cut}; quote the whole of it",
    reads=("quote_cut",),
    per_row=True,
)
def quote_whole(view: pd.DataFrame) -> pd.Series:
    """The quote is a whole quantity of the evidence: no part of a longer number, no sign or qualifier word left out."""
    return view["quote_cut"].isna()


def as_decimal(value: object) -> Decimal | None:
    return None if missing(value) else Decimal(repr(float(value)))  # type: ignore[arg-type]


def states_claim(
    numbers: tuple[Decimal, ...] | None,
    shape: str | None,
    value: object,
    upper: object,
    denominator: object,
    qualifier: object,
    unit: object,
) -> bool:
    """Whether the numbers read from a quote are the row's value (and upper bound or denominator)."""
    if not isinstance(numbers, tuple) or missing(value) or not isinstance(qualifier, str):
        return True
    wanted = as_decimal(value)
    if qualifier == "range":
        if missing(upper):
            return True  # a range without its upper bound is range-bounds' to report, not a crash here
        return len(numbers) == 2 and sorted(numbers) == sorted([wanted, as_decimal(upper)])  # type: ignore[type-var]
    if not missing(denominator):
        # 三分之一 writes the denominator first, "one third" and 1/3 the numerator.
        pair = (numbers[1], numbers[0]) if FRACTION_FIRST in (shape or "") else numbers
        return len(pair) == 2 and pair[0] == wanted and pair[1] == Decimal(int(denominator))  # type: ignore[call-overload]
    if isinstance(unit, str) and unit == "ratio_part":
        return wanted in numbers
    return len(numbers) == 1 and numbers[0] == wanted


@rule(
    "value-text-number",
    "indicators",
    "value",
    "value_text {value_text!r} reads as {value_text_reading}, but the row says {value_claim}: the quote must state "
    "exactly the value (its sign too: 下降, fell), one number (two for a range or a fraction); correct the value "
    "or quote only the words of this figure",
    reads=("qualifier", "read_numbers", "read_shape", "unit", "value", "value_denominator", "value_upper"),
    per_row=True,
)
def quote_states_value(view: pd.DataFrame) -> pd.Series:
    """The quote states exactly the value (and upper bound or denominator), sign included."""
    columns = ["read_numbers", "read_shape", "value", "value_upper", "value_denominator", "qualifier", "unit"]
    return each_row(view, columns, states_claim)


@rule(
    "value-text-unit",
    "indicators",
    "unit",
    "value_text {value_text!r} is written in {written_in}{unit_words_unread} but the unit is {unit!r} (written "
    "{unit__written_forms:|in no form: the units row gives none}): use the unit whose written form the source uses, "
    "or add the form to units.csv",
    needs=("unit.written_forms",),
    reads=("read_shape", "read_units", "unit", "unit_words_left", "value"),
    per_row=True,
)
def quote_in_unit(view: pd.DataFrame) -> pd.Series:
    """The quote's scale and unit words are a written form of the row's unit."""

    def fits(unit: object, written: object, forms: object, shape: object, value: object, left: object) -> bool:
        if missing(unit) or missing(shape) or (not missing(value) and value == 0):  # a zero is one in every scale
            return True
        if isinstance(left, str) and left:  # 3000万美元 is no sum in 万元: 美元 is left unread
            return False
        if isinstance(written, str) and written:
            return unit in written.split("|")
        return missing(forms) or not str(forms).strip()  # no unit word: only a unit a bare number may carry

    columns = ["unit", "read_units", "unit__written_forms", "read_shape", "value", "unit_words_left"]
    return each_row(view, columns, fits)


@rule(
    "value-text-qualifier",
    "indicators",
    "qualifier",
    "value_text {value_text!r} reads as {value_text_reading}, so its qualifier is not {qualifier!r}: "
    "多/余/超过/more than → gt, 以上/at least → gte, 约/近/左右/about → approx, 不到/less than → lt, "
    "以内/at most → lte, none → eq (the lexicon table lists the words)",
    reads=("qualifier", "read_qualifiers", "read_range"),
    per_row=True,
)
def quote_qualifier(view: pd.DataFrame) -> pd.Series:
    """The quote's qualifier words give the row's qualifier."""

    def fits(qualifier: object, found: object, ranged: object) -> bool:
        if not isinstance(qualifier, str) or not isinstance(found, frozenset):
            return True
        if qualifier == "range":
            return bool(ranged)
        if not found:
            return qualifier == "eq"
        return qualifier in found

    return each_row(view, ["qualifier", "read_qualifiers", "read_range"], fits)


@rule(
    "evidence-bare-number",
    "indicators",
    "evidence",
    "the evidence {evidence!r} is only the number: quote a passage that says what the number is",
    reads=("evidence", "value_text"),
    per_row=True,
)
def evidence_says_what(view: pd.DataFrame) -> pd.Series:
    """The evidence says what the number is, never the bare number."""

    def says(evidence: object, quote: object) -> bool:
        if missing(evidence):
            return True
        rest = squash(str(evidence)).replace(squash(str(quote)) if isinstance(quote, str) else "\0", " ")
        return len(re.findall(r"[\u3400-\u9fff]", rest)) >= 2 or re.search(r"[a-z]{3,}", rest) is not None

    return each_row(view, ["evidence", "value_text"], says)


@rule(
    "status-not-in-evidence",
    "indicators",
    "status",
    "status {status} needs its evidence to say so (预计, 计划, 目标, 力争, 将, 到…年, expected, will, target, plan; "
    "estimated, 估计 for an estimate): quote the words that make it one, or mark the row actual",
    reads=("evidence_cues", "status"),
    per_row=True,
)
def status_stated(view: pd.DataFrame) -> pd.Series:
    """A target or an estimate says so in its evidence."""

    def stated(status: object, cues: object) -> bool:
        if not isinstance(status, str) or status not in ("target", "estimate") or not isinstance(cues, frozenset):
            return True
        # An expectation worded as an estimate (预计全年) still makes a target; an estimate needs its own word.
        return status in cues or (status == "target" and "estimate" in cues)

    return each_row(view, ["status", "evidence_cues"], stated)


@rule(
    "reported-target-not-named",
    "indicators",
    "status",
    "a target of a period that had ended by the day its source was published ({source_id__published}) is a reported "
    "target: its evidence must name it one (目标, 预期, 力争, target, planned), not only by words that also report "
    "plans as facts (计划, 将) or only by its own dating words (到1949年): quote the words, or mark the row actual "
    "(a period ending on that very day is still to come where the quote's clause says so: 将在乌镇拉开帷幕)",
    needs=("source_id.published", "source_id.published_earliest"),
    reads=("evidence_cues", "undated_cues", "period_end", "scope_cues", "status"),
    per_row=True,
)
def reported_target_named(view: pd.DataFrame) -> pd.Series:
    """A target a text reports after its period (a plan-execution report's 预期目标 column) is named a target.

    The time rule is for projections: a target may end before its source was published, but then only a strong
    target word can make it one, since the weak ones (计划总投资, 将) also report plans and history as facts, and so
    do the row's own dating words once their period has passed (到1949年解放: undated_cues leaves them out). A
    period that ends on the day of publication has not passed where the quote's own clause speaks of it as still
    to come (the lexicon's `forward_word`, 将在, 即将: a preview written on an edition's first day, whose ordinal
    stands at that day); without such words the day is taken as reported, as a figure 'as of publication' is."""
    target = view["status"] == "target"
    ended = view["period_end"] < view["source_id__published_earliest"]
    same_day = view["period_end"] == view["source_id__published_earliest"]
    forward = (
        each_row(view, ["scope_cues"], lambda c: isinstance(c, frozenset) and "forward" in c)
        if "scope_cues" in view
        else pd.Series(False, index=view.index, dtype=bool)
    )
    past = target & (ended | (same_day & ~forward))

    def named(cues: object) -> bool:
        return not isinstance(cues, frozenset) or "strong" in cues

    cues = "undated_cues" if "undated_cues" in view else "evidence_cues"
    return ~(past.fillna(False) & ~each_row(view, [cues], named))


def plan_size(view: pd.DataFrame) -> pd.Series:
    """Whether the row's indicator is a plan's size (indicator_definitions.plan_size; a missing cell is not)."""
    if "indicator__plan_size" not in view:  # a package from before the column: no indicator is one
        return pd.Series(False, index=view.index, dtype=bool)
    return view["indicator__plan_size"].astype("boolean").fillna(False).astype(bool)


def cued_in_clause(view: pd.DataFrame) -> pd.Series:
    """Actual rows, of an indicator that is no plan's size, whose quote is led to in its clause by a status word
    (lead_cues: the clause before the quote, after the last other quantity of it, what is measured and when taken
    out): 本届大会将有2000多名嘉宾, 'will witness the launch of 118 new products', 年度计划投资191亿元."""
    if "lead_cues" not in view:
        return pd.Series(False, index=view.index, dtype=bool)
    cued = each_row(
        view,
        ["status", "lead_cues"],
        lambda status, cues: (
            isinstance(status, str) and status == "actual" and isinstance(cues, frozenset) and bool(cues - {"strong"})
        ),
    )
    return cued & ~plan_size(view)


@rule(
    "status-cue-in-clause",
    "indicators",
    "status",
    "the row is actual, but a status word of its own clause leads to the quoted figure (将, 计划, 预计, 目标, will, "
    "expected, plans to…; what is measured and when taken out): a figure to be reached is a target and one the "
    "source estimates an estimate; a plan's size is actual only under an indicator marked plan_size",
    needs=("indicator.plan_size",),
    reads=("lead_cues", "status"),
    per_row=True,
)
def actual_not_led_by_cue(view: pd.DataFrame) -> pd.Series:
    """A status word in the quote's own clause, before it, with no other quantity between them, speaks of this
    figure: the row is then no actual (which figure of the evidence a cue belongs to is read by text/clauses.py).

    A plan's size (indicator_definitions.plan_size) is exempt: its plan words (计划总投资, will issue) name the plan
    whose size it is, and plan-size-not-actual holds those rows to actual."""
    return ~cued_in_clause(view)


MARKS = frozenset({"reached", "forward"})  # scope_cues' marks of the quote's own clause, no statuses


def cued_in_scope(view: pd.DataFrame) -> pd.Series:
    """Actual rows, of an indicator that is no plan's size and not already led to by a cue in its clause, that a
    status word governs from elsewhere in its passage (scope_cues: semantics/status_scope.status_scope)."""
    if "scope_cues" not in view:
        return pd.Series(False, index=view.index, dtype=bool)
    cued = each_row(
        view,
        ["status", "scope_cues"],
        lambda status, cues: (
            isinstance(status, str) and status == "actual" and isinstance(cues, frozenset) and bool(cues - MARKS)
        ),
    )
    return cued & ~plan_size(view) & ~cued_in_clause(view)


@rule(
    "status-cue-in-scope",
    "indicators",
    "status",
    "the row is actual, but a status word governs the quoted figure from its passage: an earlier clause of its "
    "sentence (将有2000多名嘉宾与会,中外嘉宾约各占…; 'will witness … while match'), a verb of expectation after it "
    "with no other figure after it ('are expected to attend'; 将在乌镇召开), or the sentence a 其中/of which "
    "sentence (or a Chinese one with no status, date or reached word of its own) goes on from; and its own clause "
    "does not say it is reached (已, has): a figure to be reached is a target, one the source estimates an estimate",
    needs=("indicator.plan_size",),
    reads=("scope_cues", "status", "lead_cues"),
    per_row=True,
)
def actual_not_governed_by_cue(view: pd.DataFrame) -> pd.Series:
    """A status word's scope is more than its clause (semantics/status_scope.status_scope reads it): the earlier
    clauses of the figure's sentence, the words after it where no other figure follows, and a sentence that goes on
    from the one before. A status word there, that no word of a figure reached in the quote's own clause answers,
    makes an actual an error. A plan's size is exempt, as for status-cue-in-clause."""
    return ~cued_in_scope(view)


@rule(
    "status-reached-not-target",
    "indicators",
    "status",
    "the row is a target, but the quote's own clause says its figure is reached (已, has: the lexicon's reached "
    "words) and holds no status word: a status word of another clause ('opened on Tuesday and will last till "
    "Friday, has attracted more than 300') speaks of another thing; mark the row actual",
    reads=("scope_cues", "status"),
    per_row=True,
)
def target_not_reached(view: pd.DataFrame) -> pd.Series:
    """A target is a figure still to be reached: a clause that says its figure is reached (已, has) and names no
    plan, expectation or estimate of its own states an actual, whatever a status word elsewhere says."""
    if "scope_cues" not in view:
        return pd.Series(True, index=view.index)
    return each_row(
        view,
        ["status", "scope_cues"],
        lambda status, cues: (
            not (isinstance(status, str) and status == "target" and isinstance(cues, frozenset) and "reached" in cues)
        ),
    )


@rule(
    "plan-size-not-actual",
    "indicators",
    "status",
    "{indicator} is a plan's or a design's size (indicator_definitions.plan_size): a fact about a plan that exists, "
    "so its rows are actual, not {status}; a value the plan is to reach in a period (年度计划投资, 'expected to "
    "take 60 months') is a target row of the plain measure",
    needs=("indicator.plan_size",),
    reads=("indicator", "status"),
    per_row=True,
)
def plan_size_is_actual(view: pd.DataFrame) -> pd.Series:
    """The decided rule for a plan's size (docs/extraction-guide.md, Status and the size of a plan): 计划总投资, 规划
    面积, 设计产能 state what a plan that exists is, so they are actual; a target of such an indicator is a plan's
    size filed as a target."""
    status = view["status"].astype("string")
    return ~(plan_size(view) & status.notna() & (status != "actual")).fillna(False).astype(bool)


@rule(
    "status-cue-in-actual",
    "indicators",
    "status",
    "the row is actual, but its evidence speaks of a plan, expectation or estimate (預計, expected, target…): "
    "check whether the figure is a target or an estimate",
    severity="warning",
    needs=("indicator.plan_size",),
    reads=("own_cues", "lead_cues", "scope_cues", "status"),
    per_row=True,
)
def actual_without_cues(view: pd.DataFrame) -> pd.Series:
    """An actual figure's evidence does not speak of a plan, an expectation or an estimate, in words other than
    those that say what it measures (完成全年目标), when (到1949年), or which table column it is (预期目标 beside
    实际完成): semantics/anchors.py takes those out first. Only a warning: a strong cue elsewhere in the evidence
    may belong to another of its figures. Where a cue leads to the quote in its own clause, status-cue-in-clause
    reports the row as an error instead."""
    return (
        each_row(
            view,
            ["status", "own_cues" if "own_cues" in view else "evidence_cues"],
            lambda status, cues: (
                not isinstance(status, str)
                or status != "actual"
                or not isinstance(cues, frozenset)
                or "strong" not in cues
            ),
        )
        | cued_in_clause(view)
        | cued_in_scope(view)
    )
