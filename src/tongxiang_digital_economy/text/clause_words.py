"""The lexicon's words the clause reader (text/clauses.py) reads, compiled once per lexicon.

Why a module of its own: the clause reader knows punctuation by heart (。，、; brackets; sentence ends are the
text's marks, not words), but every word it reads is the lexicon's, so maintainers extend them as data and a copy
without them reads without them. Each category becomes one pattern over loose or squashed text, longest term
first; where the lexicon lists none of a category, the pattern reads punctuation alone (or nothing).

- `anaphora` (这一数字, this figure): words that point back at a figure just named stand for the indicator's words
  (这一数字增长到2443家);
- `parallel_word` (分别, respectively, 各自): a parallel list pairs words and figures in order (分别为A、B和C; A and
  B respectively), read by `in_order`, never held against a figure between;
- `clause_year_word` (去年, 今年, 上年, 上半年): with the years written in digits, the words that say which year a
  clause's figures are of; a figure of a clause with other year words is another period's, not one between;
- `list_word` (和, 及, 与, 以及, and, as well as): words joining the items of a list, as the list mark 、 does: the
  items of a clause are counted at them (in_order), a quantity right after one is the next item of a list another
  opens (lead_to: 10场论坛、22个议题; 118 new products and 113);
- `year_part_word` of meaning `half` or `quarter` (上半年, 半年, first half, H1, quarter, Q3), the period reader's
  words, and a month of the calendar (1-6月): in the quote's clause they say its figure is of less than a year;
- `comparison_word` (比, 较, 同比, 相比, 与, compared with, than, over): a year right after one is a comparison
  base (比2014年增长), not the date of the figure (attached_year); read without word bounds, as 'over 2019';
- `item_break` (while, whereas, but, meaning `contrast`; 'and a', 'and the', 'and has', meaning `next_item`):
  English words that part two items of a passage as a comma does, where 'and' alone may join one noun phrase
  (Chinese and foreign guests): the indicator's words after one open the next figure's item (next_claims); those
  of meaning `contrast` and `clause` (which, and then) also end a clause as a comma does (clause_end), those of
  `next_item` do not;
- `measure_word` (个, 家, 项, 场; meaning `count`): a Chinese numeral before one counts things (三家企业), and a
  magnitude before one (34.87万人) is a count, no 万(元); a number before one is a running count, no ordinal
  (第10000辆);
- `ordinal_word`: 第 before a number (`before`), 届 after it (`edition`), th, st, nd, rd after digits (`suffix`),
  位, 名 after 第N (`place`: a place in a ranking), 期 after it (`phase`: 一期): the number is a place in an
  order, no amount; 首 (`first`) is read before an `edition` word by semantics/editions_named (首届);
- `noun_end` (with, of; meaning `ends`): with the list words, where the words right after a quantity (its own
  noun, 8个镇) end.

Latin terms are read as whole words (white space before, and after where the reading needs it); Chinese terms
anywhere. Years written in digits are the calendar's, not a word list, and are always read; so are the days and
months of a date (12月16日). An English ordinal written in words (the first, twenty-fifth) is read by the number
reader's own ordinal words (text/numerals.ORDINAL_WORDS), which it pairs with their values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fold import loose
from .numerals import ORDINAL_WORDS
from .period_lexicon import compiled, period_alternation
from .quantities import NUMBER, Lexicon

YEAR = r"(?:19|20)[0-9]{2}\s?年?"  # a year written in digits: 2021年, 2021 (the calendar's, not a word list)
LIST_MARK = "、"  # the list mark: punctuation, read without the lexicon
COMMA = r",\s|，"  # an English comma before a word, a Chinese comma: items of a list written with commas
BREAK_MARKS = r"[、;；,，]"  # the marks that part two items of a passage
WHITE = r"\s"  # what stands before (and after) a Latin term: it is read as a whole word
MONTH = r"[0-9一二三四五六七八九十]月"  # a month of the calendar (1-6月, 三月): the calendar's, not a word list
SENTENCE_MARKS = r"[。！？!?;；]|\.(?=\s|$)|\n"  # what ends a sentence: punctuation
CLAUSE_MARKS = r"[，,：:（）()]"  # what ends a clause besides a sentence's end: punctuation
NOUN_MARKS = r"[、，,;；。()（）]|[0-9]"  # what ends a quantity's own noun besides words: punctuation, the next number
DAY_MARKS = r"月|日|号"  # after a number, a month or a day of a date (12月, 16日): the calendar's
NUMERAL = r"[0-9一二三四五六七八九十百千]"  # a number's first digit, Arabic or Chinese: the number reader's, no word


def latin(term: str) -> bool:
    return re.match(r"[a-z0-9]", term) is not None


def listed(terms: list[str], before: str, after: str) -> str:
    """The terms as one alternation, longest first: Latin ones between `before` and `after` (white space, as the
    reading needs), Chinese ones bare."""
    ordered = sorted(set(terms), key=len, reverse=True)
    return "|".join(before + re.escape(t) + after if latin(t) else re.escape(t) for t in ordered)


def chosen_terms(lexicon: Lexicon, category: str, meanings: tuple[str, ...]) -> list[str]:
    """A category's terms with one of these meanings, folded (`loose`), longest first."""
    chosen = zip(lexicon.terms_of.get(category, []), lexicon.meanings_of.get(category, []), strict=True)
    found = {t for t in (loose(term) for term, m in chosen if m in meanings) if t}
    return sorted(found, key=lambda t: (-len(t), t))


def one_of(*alternatives: str | None) -> re.Pattern[str] | None:
    """The alternatives given (empty ones left out) as one pattern; None where none is."""
    given = [a for a in alternatives if a]
    return re.compile("|".join(given)) if given else None


@dataclass(frozen=True)
class ClauseWords:
    """The lexicon's words the clause reader reads, each category as one pattern (module docstring); without a
    lexicon, punctuation alone and years in digits."""

    anaphora: re.Pattern[str] | None = None
    parallel: re.Pattern[str] | None = None
    years: re.Pattern[str] = field(default_factory=lambda: re.compile(YEAR))
    # A list mark or list word right before the next quantity (10场论坛、22个; 118 new products and 113).
    next_item: re.Pattern[str] = field(default_factory=lambda: re.compile(rf"{LIST_MARK}\s*$"))
    # Where the items of a list part (财政总收入、一般公共预算收入; A and B).
    item_mark: re.Pattern[str] = field(default_factory=lambda: re.compile(rf"{LIST_MARK}|{COMMA}"))
    # What parts two items of a passage: a list mark or comma, or a word opening another item (and a net profit).
    item_break: re.Pattern[str] = field(default_factory=lambda: re.compile(BREAK_MARKS))
    # Words of a part of a year (上半年, first half, quarter: the lexicon's `year_part_word` `half` and `quarter`)
    # or a month of the calendar, in the quote's clause: its figure is of less than a year.
    sub_year: re.Pattern[str] = field(default_factory=lambda: re.compile(MONTH))
    # A comparison word ending where a year starts (比2014年, 同比, than in 2019): that year is a base, no date.
    compared: re.Pattern[str] | None = None
    # Where a clause ends: punctuation, or a word ending one (while, which: `item_break` `contrast` and `clause`).
    clause_end: re.Pattern[str] = field(default_factory=lambda: re.compile(f"{CLAUSE_MARKS}|{SENTENCE_MARKS}"))
    # A measure word (个, 家), matched where a number ends: the number counts things.
    measure: re.Pattern[str] | None = None
    # Where a quantity's own noun ends: punctuation, the next number, a list word or a `noun_end` word.
    noun_end: re.Pattern[str] = field(default_factory=lambda: re.compile(NOUN_MARKS))
    # An ordinal word ending where a number starts (第), matched with the search ending there: `ordinal_before`.
    ordinal_before: re.Pattern[str] | None = None
    # An ordinal word where a number ends (第二届's 届, the 20th's th): the number is a place in an order.
    ordinal_after: re.Pattern[str] | None = None
    # A place in a ranking after 第N (第十二位, 第3名): a rank, no edition.
    place_after: re.Pattern[str] | None = None
    # What makes a number a date part or an ordinal where it ends: a month's or day's mark (12月, 16日), an
    # ordinal word after it (届, th) or a phase's (一期).
    date_after: re.Pattern[str] = field(default_factory=lambda: re.compile(DAY_MARKS))
    # The words of 'from A to B' and of a year that bounds a period from after (SpanWords).
    spans: SpanWords = field(default_factory=lambda: SpanWords())
    # The words that make four digits a year, join two years and date A of 'from A to B' (YearWords).
    year_words: YearWords = field(default_factory=lambda: YearWords())
    # A unit's scale or currency word or a rate's word right after a number (2000万, 2019%): an amount, no year.
    amount_after: re.Pattern[str] | None = None

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> ClauseWords:
        """`read`, once per lexicon (Lexicon.once: every view and rule asks for the same words)."""
        return cls() if lexicon is None else lexicon.once(cls.__qualname__, lambda: cls.read(lexicon))

    @classmethod
    def read(cls, lexicon: Lexicon | None) -> ClauseWords:
        """The words a lexicon lists (none without one; punctuation and years in digits always)."""
        if lexicon is None:
            return cls()

        def terms(category: str) -> list[str]:
            return [t for t in (loose(t) for t in lexicon.terms_of.get(category, [])) if t]

        def meant(category: str) -> list[tuple[str, str]]:
            """The category's terms (folded) with their meanings."""
            pairs = zip(lexicon.terms_of.get(category, []), lexicon.meanings_of.get(category, []), strict=True)
            return [(t, m) for t, m in ((loose(t), m) for t, m in pairs) if t]

        def alternation(category: str) -> str | None:
            return "|".join(re.escape(t) for t in sorted(set(terms(category)), key=len, reverse=True)) or None

        anaphora, parallel, years = (alternation(c) for c in ("anaphora", "parallel_word", "clause_year_word"))
        joins, breaks = terms("list_word"), terms("item_break")
        parts = period_alternation(lexicon, "year_part_word", ("half", "quarter"))
        compared = alternation("comparison_word")
        ends = [t for t, m in meant("item_break") if m in ("contrast", "clause")]
        measures = listed(terms("measure_word"), "", "")
        ordinals = {m: [t for t, n in meant("ordinal_word") if n == m] for m in ("before", "edition", "suffix")}
        after = listed(ordinals["edition"] + ordinals["suffix"], "", r"\b")
        before = listed(ordinals["before"], "", "")
        places = listed([t for t, m in meant("ordinal_word") if m == "place"], "", "")
        phases = listed([t for t, m in meant("ordinal_word") if m == "phase"], "", r"\b")
        return cls(
            anaphora=re.compile(anaphora) if anaphora else None,
            parallel=re.compile(parallel) if parallel else None,
            years=re.compile(YEAR + (f"|{years}" if years else "")),
            next_item=re.compile("(?:" + "|".join(filter(None, [LIST_MARK, listed(joins, WHITE, "")])) + r")\s*$"),
            item_mark=re.compile("|".join(filter(None, [LIST_MARK, listed(joins, WHITE, WHITE), COMMA]))),
            item_break=re.compile("|".join(filter(None, [BREAK_MARKS, listed(breaks, WHITE, WHITE)]))),
            sub_year=re.compile("|".join(filter(None, [parts, MONTH]))),
            compared=re.compile(rf"(?:{compared})\s*$") if compared else None,
            clause_end=re.compile("|".join(filter(None, [CLAUSE_MARKS, listed(ends, WHITE, WHITE), SENTENCE_MARKS]))),
            measure=re.compile(measures) if measures else None,
            noun_end=re.compile("|".join(filter(None, [NOUN_MARKS, listed(joins + terms("noun_end"), WHITE, WHITE)]))),
            ordinal_before=re.compile(f"(?:{before})$") if before else None,
            ordinal_after=one_of(after),
            place_after=one_of(places),
            date_after=re.compile("|".join(filter(None, [DAY_MARKS, after, phases]))),
            spans=SpanWords.of(lexicon),
            year_words=YearWords.of(lexicon),
            amount_after=one_of(amount_words(lexicon)),
        )

    def parallel_in(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The first parallel-list word in text[start:end], None if none."""
        return self.parallel.search(text, start, end) if self.parallel is not None else None

    def anaphora_in(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Where words pointing back at a figure stand in text[start:end]."""
        if self.anaphora is None:
            return []
        return [(m.start(), m.end()) for m in self.anaphora.finditer(text, start, end)]


@dataclass(frozen=True)
class SpanWords:
    """The lexicon's words of 'from A to B' and of a year that is a bound, not a date (text/year_words.py reads
    them; none without a lexicon, and then no quote is A or B and every year written beside a quote may date it):

    - `span_word` `from` (from, 从, 由) opens 'from A to B', `to` (to, 到, 至, 增至, 提升到) closes A's words;
      `start` (between), with those of `from` and the `since_word` `open` and `alone` words (自, since), opens a
      row's dating words that say where its span starts;
    - `before_word` (前, 以前, 之前, before) after a year: 2014年前 bounds a period from after, it dates nothing.

    The 'from' words and the start words are read anywhere (as the code read them: 从 in any word); a Latin 'to'
    word as a whole word, with white space before it and the bound its reader gives after it."""

    from_words: str | None = None  # an alternation of the `from` words, longest first
    start_words: str | None = None  # an alternation of the start words, longest first
    to_latin: tuple[str, ...] = ()  # Latin `to` words, escaped, longest first
    to_other: tuple[str, ...] = ()  # the other `to` words, escaped, longest first
    before_year: re.Pattern[str] | None = None  # a before word right after a year (its 年 perhaps between)

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> SpanWords:
        """`read`, once per lexicon (Lexicon.once: every view and rule asks for the same words)."""
        return cls() if lexicon is None else lexicon.once(cls.__qualname__, lambda: cls.read(lexicon))

    @classmethod
    def read(cls, lexicon: Lexicon | None) -> SpanWords:
        """The words a lexicon lists (none without one)."""
        if lexicon is None:
            return cls()

        def terms(category: str, meanings: tuple[str, ...]) -> list[str]:
            return chosen_terms(lexicon, category, meanings)

        def alternation(found: list[str]) -> str | None:
            return "|".join(re.escape(t) for t in found) or None

        to = terms("span_word", ("to",))
        before = terms("before_word", ("before",))
        before_cn = alternation([t for t in before if not latin(t)])
        before_latin = alternation([t for t in before if latin(t)])
        before_year = "|".join(
            filter(
                None,
                [
                    rf"^\s?年?(?:{before_cn})" if before_cn else None,
                    rf"^\s?(?:{before_latin})" if before_latin else None,
                ],
            )
        )
        return cls(
            from_words=alternation(terms("span_word", ("from",))),
            start_words=alternation(
                sorted(
                    {*terms("span_word", ("from", "start")), *terms("since_word", ("open", "alone"))},
                    key=lambda t: (-len(t), t),
                )
            ),
            to_latin=tuple(re.escape(t) for t in to if latin(t)),
            to_other=tuple(re.escape(t) for t in to if not latin(t)),
            before_year=re.compile(before_year) if before_year else None,
        )

    def to(self, after: str = r"\s") -> str | None:
        """The `to` words as one alternation: a Latin one with white space before it and `after` after it (\\s, or
        \\b where a comma may follow), the others bare; None where the lexicon lists none."""
        latin_ = [rf"\s{t}{after}" for t in self.to_latin]
        return "|".join([*latin_, *self.to_other]) or None


def amount_words(lexicon: Lexicon) -> str | None:
    """The lexicon's `unit_word` terms (万, 亿, 元, 美元, yuan, million) and `sign_gap` `after` terms (%, percent) as
    one alternation matched where a number ends: a year-shaped number before one is an amount (2000万元, 2019%), no
    year (passage_numbers.is_date_part). A Latin term after white space perhaps, as a whole word; the others right after
    the number."""
    pairs = [
        *zip(lexicon.terms_of.get("unit_word", []), lexicon.meanings_of.get("unit_word", []), strict=True),
        *((t, "after") for t in lexicon.terms("sign_gap", "after")),
    ]
    terms = sorted({loose(t) for t, _ in pairs if loose(t)}, key=len, reverse=True)
    latin_ = [rf"\s?{re.escape(t)}(?![a-z])" for t in terms if re.match(r"[a-z]", t)]
    return "|".join([*latin_, *(re.escape(t) for t in terms if not re.match(r"[a-z]", t))]) or None


def place_words(lexicon: Lexicon | None) -> str | None:
    """The words that make a quote's number a place in an order, as one alternation (None without a lexicon): the
    lexicon's `ordinal_word` terms of meaning `before` and `first` anywhere (第, 首: 第24位, 榜首), `suffix` after
    digits (231st), `place` after a number (3名), `top` with `#` for a number in digits or Chinese numerals (前50名,
    top 500) or alone (one of the), and the number reader's English ordinal words (ranked second). A rank quoted
    without them (the 5 of "5 million 800 thousand tons") is a count, not a place (rank-not-written-as-place). A
    string, so that a view column carrying it is hashed by its whole text."""
    if lexicon is None:
        return None
    pairs = zip(lexicon.terms_of.get("ordinal_word", []), lexicon.meanings_of.get("ordinal_word", []), strict=True)
    chosen: dict[str, list[str]] = {}
    for term, meaning in pairs:
        if loose(term):
            chosen.setdefault(meaning, []).append(loose(term))

    def whole(term: str) -> str:
        """A term as a pattern: `#` a number, white space any, a Latin end a whole word's."""
        body = (r"\s*" + NUMERAL).join(r"\s*".join(map(re.escape, part.split())) for part in term.split(NUMBER))
        return (r"(?<![a-z])" if latin(term) else "") + body + (r"(?![a-z])" if re.search("[a-z]$", term) else "")

    anywhere = [whole(t) for t in chosen.get("before", []) + chosen.get("first", []) + chosen.get("top", [])]
    suffix = listed(chosen.get("suffix", []), "", "")
    place = listed(chosen.get("place", []), "", "")
    alternatives = [
        *anywhere,
        rf"[0-9]\s*(?:{suffix})(?![a-z])" if suffix else None,
        rf"{NUMERAL}\s*(?:{place})" if place else None,
        r"(?<![a-z])(?:" + "|".join(ORDINAL_WORDS) + r")(?![a-z])",
    ]
    return "|".join(a for a in alternatives if a)


def written_as_place(text: object, words: object) -> bool:
    """Whether a quote writes a place in an order (第24位, 榜首, top 500, ranked second, 231st), not a bare count, in
    `words` (place_words; none read where None)."""
    return isinstance(text, str) and isinstance(words, str) and compiled(words).search(loose(text)) is not None


# A year in digits, and what may follow it: its 年, a dash to a two-digit end (2014-23), any other mark or word.
YEAR_DIGITS = r"((?:19|20)[0-9]{2})(?![0-9])(?=\s?年|\s?[-–—~]\s?[0-9]{2}|[^0-9年]|$)"
YEAR_DASHES = "-–—~"  # the marks that join a range of years (2016-2020): punctuation, read without the lexicon


@dataclass(frozen=True)
class YearWords:
    """The lexicon's words around a year written in digits (text/year_words.py reads them; none without a
    lexicon, and then a year is read only where a text or a clause starts, after a comma or as 2021年):

    - `year_lead_word` `lead` (in, by, since, from, between, until, 至, 从, 自): right before four digits, they
      make them a year ('in 2019', 至2020); English ones are whole words followed by a space;
    - `year_after_word` `dates` (in, by, of, for): between a quote and the year right after it, they date the
      quote ('1,250 in 2019');
    - `date_range_word` `range` (至, 到, to): with the dashes, they join two years into a range (2014年至2020年,
      2014 to 2023); those of meaning `period_text` (through, until, and) join dates only in a row's dating words
      (text/period_words.py);
    - `span_date_word` `before_a` (去年, 上年, 年初): between a 'from' word and A of 'from A to B' (从去年的),
      A's own dating words; with those of meaning `in_a` (今年, 年底, 届, last year) they date A where they stand
      in A's words (the clause reader's `from_dated`).

    The grammar stays code: a year is four digits from 1900 to 2099, its own 年 after it (2021年), and the
    particle 的 between A's date and A (从2014年的350多家): these are how a date is written, no word list."""

    year: re.Pattern[str] = field(default_factory=lambda: re.compile(rf"(?:(?<=, )|^){YEAR_DIGITS}"))
    after_quote: re.Pattern[str] | None = None  # a dating word and a year right after a quote ('in 2022')
    year_range: re.Pattern[str] = field(default_factory=lambda: re.compile(year_range(None)))
    a_dated: str = ""  # A's own dating words right before A (从2014年的, 从去年的), as a pattern ending at A
    from_dated: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?:19|20)[0-9]{2}"))

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> YearWords:
        """`read`, once per lexicon (Lexicon.once: every view and rule asks for the same words)."""
        return cls() if lexicon is None else lexicon.once(cls.__qualname__, lambda: cls.read(lexicon))

    @classmethod
    def read(cls, lexicon: Lexicon | None) -> YearWords:
        """The words a lexicon lists (none without one)."""
        if lexicon is None:
            return cls()

        def terms(category: str, meanings: tuple[str, ...]) -> list[str]:
            return chosen_terms(lexicon, category, meanings)

        leads = [
            rf"(?<={re.escape(t)} )" if latin(t) else rf"(?<={re.escape(t)})"
            for t in terms("year_lead_word", ("lead",))
        ]
        after = listed(terms("year_after_word", ("dates",)), "", "")
        joins = listed(terms("date_range_word", ("range",)), "", "")
        dating = listed(terms("span_date_word", ("before_a",)), "", "")
        dated = listed(terms("span_date_word", ("before_a", "in_a")), "", "")
        return cls(
            year=re.compile("(?:" + "|".join([*leads, "(?<=, )", "^"]) + ")" + YEAR_DIGITS),
            after_quote=re.compile(rf"\s?(?:{after})\s?((?:19|20)[0-9]{{2}})(?![0-9])") if after else None,
            year_range=re.compile(year_range(joins or None)),
            a_dated="|".join(filter(None, [r"(?:19|20)[0-9]{2}\s?年?", dating])),
            from_dated=re.compile("|".join(filter(None, [r"(?:19|20)[0-9]{2}", dated]))),
        )


def year_range(joins: str | None) -> str:
    """Two years joined by a dash or a range word (`joins`): 2016-2020, 2014年至2020年, 2014 to 23."""
    joined = f"[{YEAR_DASHES}]" + (f"|{joins}" if joins else "")
    return rf"((?:19|20)[0-9]{{2}})\s?年?\s?(?:{joined})\s?((?:19|20)?[0-9]{{2}})(?![0-9])\s?年?"
