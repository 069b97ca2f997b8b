"""The days a passage's dating words name, read clause by clause against the text's own date: the first days
(`sources.written_after` is checked against them) and the days a passage that looks forward bounds its text by
(`sources.written_before`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .fold import squash
from .period_facts import Facts, read_pieces
from .period_lexicon import (
    PeriodWords,
    normalise,
)
from .period_readings import Period
from .period_words import read_period

# Dating words are short (period_text holds at most 80 characters): a longer piece is other words, not read.
DATING_WORDS_AT_MOST = 80
PASSAGE_PIECES = re.compile(r"[，,。;；:：、!！?？()（）]|…|\.(?=\s|$)")


def first_days_named(passage: object, published: object, words: PeriodWords | None = None) -> frozenset[date]:
    """The first days of the periods a passage's dating words name, read clause by clause against the text's own
    date (`published`): "launched … in April 2020" names 2020-04-01; "11月8日,…峰会将在乌镇启幕" in a text of
    2023-11 names 2023-11-08. A clause of other words than dating words names nothing (the period reader reads
    only dating words), so a passage is cut at its commas and stops first. Words of the text's own day (今天, 目前,
    now, recently) name no first day: their year-so-far reading starts on 1 January because the reader must allow
    a flow of the year to date, not because the words state that day (review 4 F5).

    This is what `sources.written_after` is checked against: the day it records is the first day of a period the
    quoted words name."""
    return frozenset(p.start[0] for p, _ in periods_named(passage, published, words))


def last_days_bound(
    passage: object,
    published: object,
    event_words: re.Pattern[str] | None,
    words: PeriodWords | None = None,
) -> frozenset[date]:
    """The days a passage that looks forward bounds its text by (`sources.written_before`, exclusive): a point
    day's own day ("11月8日,…峰会将在乌镇启幕": 2023-11-08), an event's first day ("9月26日至28日,…峰会将在浙江乌镇
    举行": 2021-09-26), and for any other span the day after its last ("In the second half of 2020, the company
    plans to add …": 2021-01-01; the plan may be written on any day of the half year it names).

    An event is told by its words (启幕, 举行, opens: the lexicon's `event_word` terms, compiled as one pattern
    over squashed text, `Lexicon.patterns["event_word"]`): a text that looks forward to it is of before its first
    day. Without them (None: no lexicon) every span is a plan's, bounding its text by the day after its last."""
    event = isinstance(passage, str) and event_words is not None and event_words.search(squash(passage)) is not None
    days: set[date] = set()
    for p, _ in periods_named(passage, published, words):
        if p.kind == "date" or event:
            days.add(p.start[0])
        elif p.end[0] == p.end[1]:
            days.add(p.end[0] + timedelta(days=1))
    return frozenset(days)


def periods_named(passage: object, published: object, words: PeriodWords | None = None) -> list[tuple[Period, str]]:
    """The periods with a stated first day that a passage's dating words name, each with its clause; a clause of
    the text's own day (今天, 目前, now, recently) names none."""
    if not isinstance(passage, str):
        return []
    named: list[tuple[Period, str]] = []
    for piece in (passage, *PASSAGE_PIECES.split(passage)):
        if not piece.strip() or len(piece) > DATING_WORDS_AT_MOST:
            continue
        facts = Facts()
        read_pieces(normalise(piece), facts, words)
        if facts.now is not None:
            continue
        reading = read_period(piece, published, words)
        named.extend((p, piece) for p in reading.periods if p.start[0] == p.start[1] and not p.open_start)
    return named
