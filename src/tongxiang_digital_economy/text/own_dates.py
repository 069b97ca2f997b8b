"""A text's own date and the days of the events it speaks of, read from the words around a date.

Why apart from the period reader (text/period_words, which reads a row's dating words): a passage's dates are of
different things, the day its text was written (a dateline, a byline, a labelled date) and the days of events it
reports (自从2014年11月19日至21日举行的…), and telling them apart reads the words around a date (the lexicon's
`own_date_word` and `since_word` terms), not the dating words themselves. Moved out of period_words when it passed
a thousand lines.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from .fold import squash
from .period_lexicon import MONTH_WORD, compiled, normalise
from .period_words import read_period

if TYPE_CHECKING:  # quantities imports pandas: `--help` and `--version` must not (tests/test_engine.py)
    from .quantities import Lexicon


# A date written inside other words (a dateline 新华社杭州11月10日电, a byline 钱江晚报 2024-11-21 19:54:07, an
# event's days 自从2014年11月19日至21日举行的…): the run of dating words, cut out of the words around it.
WRITTEN_DATE = re.compile(
    r"(?<![0-9])(?:19|20)[0-9]{2}([-/])[0-9]{1,2}\1[0-9]{1,2}(?![0-9])"
    r"|(?:(?:19|20)[0-9]{2}年)?[0-9]{1,2}月[0-9]{1,2}[日号](?:[至到-][0-9]{1,2}[日号])?"
    r"|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?"
    r"|\b" + MONTH_WORD + r"\s*[0-9]{1,2}(?:st|nd|rd|th)?\b(?:,?\s*(?:19|20)[0-9]{2}\b)?"
    r"|(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"
)
ISO_DAY = re.compile(r"((?:19|20)[0-9]{2})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")  # 2020-06-09, a page's 2020/6/9


# Where a passage states its own text's date (sources.original_published_text): a dateline (新华社杭州11月10日电,
# 12月5日讯), a time stamp or a byline's day (钱江晚报 2024-11-21 19:54:07, 时间:2020-04-29 17:03), a date under a
# label (发布时间: …, published on …), or 'Today (April 2)' / 今天(4月2日). A date in other words is an event's, not
# the text's: 自从2014年11月19日至21日举行的首届…开始 dates the first WIC, whenever the words about it were written.
# The words are the lexicon's (OwnDateWords), not the code's.
CLOCK_AFTER = re.compile(r"^\s*[0-9]{1,2}:[0-9]{2}")


@dataclass(frozen=True)
class OwnDateWords:
    """The lexicon's words that tell a text's own date from an event's, as alternations over squashed text
    (`Lexicon.alternation`; None where the lexicon lists none, and then nothing reads as one):

    - `own_date_word` `dateline`: a word right after a date that makes it a dateline (电, 讯);
      `label`: words right before a date that label it the text's own (发布时间, published on, 'today (');
    - `since_word` `open`: a word that opens a since-phrase with a closing word after it (自从, 从, 自 … 以来);
      `close`: the closing word (以来, 开始, 起, 至今); `alone`: a word that opens one by itself (since);
      `not`: a longer word holding an opening word that opens nothing (来自, come from).

    A since-phrase (自/自从/从 … 以来/开始/起, since …) holds the date where a span starts, never the text's."""

    dateline: str | None = None
    label: str | None = None
    since_open: str | None = None
    since_close: str | None = None
    since_alone: str | None = None
    since_not: str | None = None

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> OwnDateWords:
        """`read`, once per lexicon (Lexicon.once: every view and rule asks for the same words)."""
        return cls() if lexicon is None else lexicon.once(cls.__qualname__, lambda: cls.read(lexicon))

    @classmethod
    def read(cls, lexicon: Lexicon | None) -> OwnDateWords:
        """The words a lexicon lists (none without one)."""
        if lexicon is None:
            return cls()
        return cls(
            dateline=lexicon.alternation("own_date_word", "dateline"),
            label=lexicon.alternation("own_date_word", "label"),
            since_open=lexicon.alternation("since_word", "open"),
            since_close=lexicon.alternation("since_word", "close"),
            since_alone=lexicon.alternation("since_word", "alone"),
            since_not=lexicon.alternation("since_word", "not"),
        )

    def after_is_dateline(self, after: str) -> bool:
        """Whether the words right after a date make it a dateline (电, 讯)."""
        return self.dateline is not None and compiled(rf"^(?:{self.dateline})").match(squash(after)) is not None

    def before_is_label(self, before: str) -> bool:
        """Whether the words right before a date label it the text's own (发布时间:, published on, 'Today (')."""
        return self.label is not None and compiled(rf"(?:{self.label})\s*:?\s*$").search(squash(before)) is not None

    def masked(self, text: str) -> str:
        """Squashed text with the words that hold an opening word but open nothing (来自) blanked out."""
        text = squash(text)
        return compiled(self.since_not).sub(" ", text) if self.since_not is not None else text

    def opens(self, text: str) -> bool:
        """Whether squashed, masked `text` holds a word that opens a since-phrase (with a close, or alone)."""
        return any(w is not None and compiled(w).search(text) for w in (self.since_open, self.since_alone))

    def closes(self, text: str) -> bool:
        return self.since_close is not None and compiled(self.since_close).search(text) is not None

    def alone(self, text: str, at_end: bool = False) -> bool:
        """Whether `text` holds a word that opens a since-phrase by itself (since), at its end if `at_end`."""
        if self.since_alone is None:
            return False
        return compiled(rf"(?:{self.since_alone})\s*$" if at_end else self.since_alone).search(text) is not None


# A line of a whole text that holds a date alone (and perhaps its clock) is the page's date line: "March 22, 2024"
# under a title (trial 8 U4). Read only in a text of several lines, never in a quoted passage.
CLOCK = re.compile(r"\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$")
# A magazine's issue number right before a date makes it the issue's date: "NO. 48 NOVEMBER 27, 2014" (a form,
# not a word: the number is any).
ISSUE_BEFORE = re.compile(r"\bno\.\s*[0-9]+\s*$")
CLAUSE_MARK = re.compile(r"[,，。;；!！?？]")
NAMES_A_DAY = re.compile(r"[日号]|-[0-9]{1,2}-[0-9]{1,2}$|[a-z]\.?\s*[0-9]")  # 11月19日, 2014-11-19, november 19


def own_dates_written(
    passage: object,
    published: object,
    event_words: re.Pattern[str] | None = None,
    own_words: OwnDateWords | None = None,
) -> frozenset[date]:
    """The first days of the dates a passage writes as its text's own date, read against the page's date
    (`published`): a dateline's, a time stamp's or a byline's day, a date under a publication label, 'Today
    (April 2)'. This is what `sources.original_published` is checked against (its words must state a date within
    it). A date inside a since-phrase (自从2014年11月19日…开始, since the first WIC on …) or followed in its clause
    by an event's word (the lexicon's `event_word` terms, `event_words`: 举行, opens) is an event's, and is never
    read as the text's, whatever its form. Which words make a dateline, a label or a since-phrase is the
    lexicon's (`own_words`, OwnDateWords); without them only a time stamp or an ISO day dates a text."""
    if not isinstance(passage, str):
        return frozenset()
    words = own_words or OwnDateWords()
    text = normalise(passage)
    days: set[date] = set()
    lines = passage.splitlines()
    for line in lines if len(lines) > 1 else []:
        alone = CLOCK.sub("", normalise(line))
        if alone and WRITTEN_DATE.fullmatch(alone) and NAMES_A_DAY.search(alone):
            days.update(day_written(alone, published))
    for m in WRITTEN_DATE.finditer(text):
        clause_start = max((c.end() for c in CLAUSE_MARK.finditer(text, 0, m.start())), default=0)
        after_end = next((c.start() for c in CLAUSE_MARK.finditer(text, m.end())), len(text))
        before, after = words.masked(text[clause_start : m.start()]), words.masked(text[m.end() : after_end])
        if (words.opens(before) and words.closes(after)) or words.alone(before, at_end=True):
            continue  # a since-phrase: where a span starts
        dateline = words.after_is_dateline(text[m.end() : after_end])
        if not dateline and event_words is not None and event_words.search(squash(text[m.end() : after_end])):
            continue  # an event's days (…举行的, opens on); a dateline's clause runs on into its news
        iso = ISO_DAY.fullmatch(m[0])
        if not (
            iso
            or dateline
            or CLOCK_AFTER.match(text[m.end() : after_end])
            or words.before_is_label(text[max(0, m.start() - 16) : m.start()])
            or ISSUE_BEFORE.search(text[max(0, m.start() - 16) : m.start()])
        ):
            continue
        if iso:
            with contextlib.suppress(ValueError):  # 2024-02-30 is no day
                days.add(date(int(iso[1]), int(iso[2]), int(iso[3])))
            continue
        days.update(p.start[0] for p in read_period(m[0], published).periods if not p.open_start)
    return frozenset(days)


def day_written(written: str, published: object) -> set[date]:
    """The first days a written date names (`2014-11-19`, 11月19日, November 19, 2014), read against `published`."""
    if iso := ISO_DAY.fullmatch(written):
        with contextlib.suppress(ValueError):  # 2024-02-30 is no day
            return {date(int(iso[1]), int(iso[2]), int(iso[3]))}
        return set()
    return {p.start[0] for p in read_period(written, published).periods if not p.open_start}


def event_days_written(passage: object, published: object, event_words: re.Pattern[str] | None) -> frozenset[date]:
    """The first days of the events a passage names with their dates: a date followed in its clause by an event's
    word (the lexicon's `event_word` terms: 2014年11月19日至21日举行的首届世界互联网大会 gives 2014-11-19), read
    against the page's date (`published`), inside a since-phrase too (the event is where the span starts). An
    original written before such an event is of before its first day (`sources.original_published` `../YYYY-MM-DD`)."""
    if not isinstance(passage, str) or event_words is None:
        return frozenset()
    text = normalise(passage)
    days: set[date] = set()
    for m in WRITTEN_DATE.finditer(text):
        if not NAMES_A_DAY.search(m[0]):
            continue  # a year or a month alone is an edition's name (2021年世界互联网大会), not an event's day
        after_end = next((c.start() for c in CLAUSE_MARK.finditer(text, m.end())), len(text))
        if not event_words.search(squash(text[m.end() : after_end])):
            continue
        if iso := ISO_DAY.fullmatch(m[0]):
            with contextlib.suppress(ValueError):
                days.add(date(int(iso[1]), int(iso[2]), int(iso[3])))
            continue
        days.update(p.start[0] for p in read_period(m[0], published).periods if not p.open_start)
    return frozenset(days)


SENTENCE_MARK = re.compile(r"[。;；!！?？]")


def speaks_of_it_as_future(
    passage: object, forward_words: re.Pattern[str] | None, own_words: OwnDateWords | None = None
) -> str | None:
    """The word by which a passage speaks of an event as still to come, None if none: one of the lexicon's
    `forward_word` terms (即将,
    将于, 承办这次, will, upcoming; `forward_words`, compiled over squashed text) stands in a sentence that holds no
    since-phrase. This, not the event's date, is what shows an original was written before the event
    (`sources.original_published` `../YYYY-MM-DD`): a since-phrase (自从…开始, since …) speaks from after the event,
    and a sentence that holds one proves nothing about before it (review 6 F1). The event's date may still be
    named by such a sentence (a later page's lead-in); the original's own words must look forward to it."""
    if not isinstance(passage, str) or forward_words is None:
        return None
    for sentence in sentences(passage):
        if not holds_a_since_phrase(sentence, own_words) and (word := forward_words.search(squash(sentence))):
            return word[0]
    return None


def sentences(passage: str) -> list[str]:
    """A passage's sentences (cut after 。;！？), normalised."""
    text = normalise(passage)
    bounds = [0, *(m.end() for m in SENTENCE_MARK.finditer(text)), len(text)]
    return [text[start:end] for start, end in pairwise(bounds) if text[start:end].strip()]


def holds_a_since_phrase(sentence: str, own_words: OwnDateWords | None = None) -> bool:
    """Whether a (normalised) sentence holds a since-phrase (自/自从/从 … 以来/开始/起/至今, since …: the lexicon's
    `since_word` terms, `own_words`; none without them)."""
    words = own_words or OwnDateWords()
    text = words.masked(sentence)
    return (words.opens(text) and words.closes(text)) or words.alone(text)


def speaks_from_after_a_start(passage: object, own_words: OwnDateWords | None = None) -> bool:
    """Whether every sentence of a passage holds a since-phrase: it speaks from after the day the phrase names (a
    later page's lead-in over a reposted interview: 自从2014年11月19日…举行的首届世界互联网大开始,…), so it is the
    page's words, not an original's that looks forward to that day."""
    if not isinstance(passage, str):
        return False
    found = sentences(passage)
    return bool(found) and all(holds_a_since_phrase(s, own_words) for s in found)
