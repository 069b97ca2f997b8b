"""An edition's dates against its own evidence (trial 7 S4).

An events row quotes the passage that dates the edition; nothing else checks its start and end, and a one-digit
slip there makes every figure of the edition fail (semantics/editions.py blames the events row for those). The
passage is read for what it states of the edition's days, in the forms the archive's texts use:

- a run of days: 11月16日至18日, 2014年11月19日至21日, Oct. 7 and 8, November 19-22: the edition's first and last
  day are one such run;
- a length and a day: 为期3天的…峰会10日圆满完成, 为期三天的…22日圆满落下帷幕, a three-day summit … on the 22nd: the
  edition lasts that many days, and the day is its first or its last (the length's words are the lexicon's
  `length_word` terms, 为期#天, #-day, carried by the view's `length_words`: without them no length is read);
- days alone: 23日在浙江乌镇开幕, On November 24: one of them is the edition's first or last day.

The words that join a run's first and last day are the lexicon's `date_range_word` terms of both meanings (至, 到,
to, through, until, and: between two days' numbers they join nothing else), with the dashes (-, –, ~: punctuation);
the letters after a day's number are its `ordinal_word` `suffix` terms (the 22nd). Both are carried by the view's
`run_words` (run_words): without them a run is read only where a dash joins its days. The calendar's own marks
(月, 日, 号, the months' names) are how a date is written, no word list.

A day without its month or year takes them from the text's date, as the period reader does. A passage that writes
no day (昨天下午…开幕, a month alone) leaves the row unchecked; an edition known only to its month is not checked.
"""

from __future__ import annotations

import functools
import re
from datetime import date

import pandas as pd

from ...text.fold import loose
from ...text.period_lexicon import MONTH_WORD, PeriodWords, cn_int, compiled, normalise
from ...text.period_words import read_period
from ...text.periods import publication_bounds, words_read_at
from ...text.quantities import Lexicon
from .registry import each_row, rule

CN_DAY = r"(?:(?:19|20)[0-9]{2}年)?(?:[0-9]{1,2}月)?[0-9]{1,2}[日号]"
DASHES = "[-—–~～]"  # the marks that join a run of days (16-18日, November 19-22): punctuation, no word list
# The lexicon's words of a run of days (run_words): the words joining its days and the letters after a day's number.
RunWords = tuple[str | None, str | None]


def run_words(lexicon: Lexicon | None) -> RunWords | None:
    """The lexicon's `date_range_word` terms (至, 到, to, through, until, and) and `ordinal_word` `suffix` terms (st,
    th), each as one alternation, longest first; None without a lexicon. A tuple of strings, so that a view column
    carrying it is hashed by its whole text."""
    if lexicon is None:
        return None

    def alternation(category: str, meanings: tuple[str, ...] | None) -> str | None:
        pairs = zip(lexicon.terms_of.get(category, []), lexicon.meanings_of.get(category, []), strict=True)
        found = {loose(t) for t, m in pairs if loose(t) and (meanings is None or m in meanings)}
        return "|".join(re.escape(t) for t in sorted(found, key=lambda t: (-len(t), t))) or None

    return alternation("date_range_word", None), alternation("ordinal_word", ("suffix",))


@functools.lru_cache(maxsize=16)
def day_patterns(words: object) -> tuple[re.Pattern[str], re.Pattern[str], PeriodWords]:
    """A run of days (its first day, a dash or a joining word, its last day) and a day, in Chinese (11月16日至18日)
    and English (Oct. 7 and 8, November 19th), read with `words` (run_words: none where None), and the words the
    period reader dates what they find with (the same joining words); compiled once per lexicon."""
    joins, suffix = words if isinstance(words, tuple) else (None, None)
    joiner = "|".join(w for w in (DASHES, joins) if w)
    th = f"(?:{suffix})?" if suffix else ""
    run = re.compile(
        CN_DAY + rf"\s*(?:{joiner})\s*(?:[0-9]{{1,2}}月)?[0-9]{{1,2}}[日号]"
        r"|\b" + MONTH_WORD + rf"\s*[0-9]{{1,2}}{th}\s*(?:{joiner})\s*[0-9]{{1,2}}{th}\b"
    )
    day = re.compile(CN_DAY + r"|\b" + MONTH_WORD + rf"\s*[0-9]{{1,2}}{th}\b")
    return run, day, PeriodWords(range=rf"\s*(?:{joiner})\s*", day_suffix=suffix)


def runs_and_days(
    evidence: str, published: object, length_words: object = None, words: object = None
) -> tuple[list[tuple[date, date]], set[date], int | None]:
    """The runs of days a passage writes, the single days it writes outside them, and the length it states in
    `length_words` (PeriodWords.length: the lexicon's `length_word` terms, one group per term; None reads none);
    runs and days are read with `words` (run_words: the dashes alone where None)."""
    text = normalise(evidence)
    run, day, dating = day_patterns(words)
    runs: list[tuple[date, date]] = []
    for m in run.finditer(text):
        runs += [(p.start[0], p.end[0]) for p in read_period(m[0], published, dating).periods if p.kind == "span"]
    rest = run.sub(" ", text)
    days = {
        p.start[0]
        for m in day.finditer(rest)
        for p in read_period(m[0], published, dating).periods
        if p.kind == "date" and p.start[0] == p.start[1]
    }
    length = compiled(length_words).search(text) if isinstance(length_words, str) and length_words else None
    n = cn_int(next(g for g in length.groups() if g is not None)) if length else None
    return runs, days, n


def stated(
    evidence: object, published: object, start: object, end: object, length_words: object = None, words: object = None
) -> bool:
    """Whether the edition's first and last day fit what its evidence states of them (a silent passage: they do)."""
    return confirms(evidence, published, start, end, length_words, words) is not False


def confirms(
    evidence: object, published: object, start: object, end: object, length_words: object = None, words: object = None
) -> bool | None:
    """Whether the edition's evidence states its first and last day as the row has them: True where it does, False
    where it states other days, None where it writes no day to read (or the row's dates are not days). The blame of
    an edition's dates (semantics/editions.py) needs the three: a passage that confirms the dates outweighs any
    number of figure rows. `length_words`, `words`: the lexicon's length words and run words (runs_and_days)."""
    if not isinstance(evidence, str) or not isinstance(published, str):
        return None
    first, last = day_of(start), day_of(end)
    if first is None:
        return None
    runs, days, n = runs_and_days(evidence, published, length_words, words)
    if runs:
        return any(a == first and (last is None or b == last) for a, b in runs)
    if n is not None and days and last is not None:
        length = (last - first).days + 1
        return length == n and (first in days or last in days)
    if days:
        return first in days or (last is not None and last in days)
    return None


def day_of(value: object) -> date | None:
    """The day an events cell gives (None: a month or a year)."""
    low, high = publication_bounds(value)
    return low.date() if low is not None and low == high else None


@rule(
    "event-dates-not-in-evidence",
    "events",
    "start",
    "the edition runs {start} to {end}, but its evidence {evidence!r} (a text of {source_id__published}) states "
    "other days: a run of days (such as 11月16日至18日) is the edition's first and last day, a length and a day "
    "(such as 为期3天 … 10日) its length and its first or last day, a day alone its first or last: correct the dates "
    "from the text, or quote the passage that states them",
    needs=("source_id.published", "source_id.original_published"),
    reads=("end", "evidence", "length_words", "run_words", "start"),
    per_row=True,
)
def dates_in_evidence(view: pd.DataFrame) -> pd.Series:
    """An edition's days fit what its own evidence states of them (a run of days, a length and a day, a day), its
    year-less days read in its text's year: the original's where a repost's page states it (words_read_at)."""
    if "source_id__published" not in view:
        return pd.Series(True, index=view.index)
    if "source_id__original_published" not in view:  # a package from before the column
        view = view.assign(source_id__original_published=None)
    if "length_words" not in view:  # a frame checked without the lexicon: no length is read
        view = view.assign(length_words=None)
    if "run_words" not in view:  # nor a run's words
        view = view.assign(run_words=None)
    columns = ["evidence", "source_id__published", "source_id__original_published", "start", "end", "length_words"]
    return each_row(
        view, [*columns, "run_words"], lambda e, p, o, s, t, n, w: stated(e, words_read_at(p, o), s, t, n, w)
    )
