"""The readings that anchor a claim in its words, as derived columns of the indicators view.

Why this exists: the rules of rules/periods.py and rules/anchors.py ask of every row where its quote stands in its
evidence (which figure it is, which year is written next to it, which table column holds it) and what its
`period_text` means. Both readings are pure functions of a few cells, so each is computed once per distinct input
(per (evidence, value_text, indicator forms, unit dimension), per (period_text, text date)) and joined back to the
rows: a view of a million rows grown from 745 reads a few hundred passages.

The text's own date is the source's `original_published` when the page states its original's date (a reposted
2014 interview is a 2014 text), else its `published`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pandas as pd

from ..text.clause_words import ClauseWords
from ..text.clauses import Attachment, attach, conversion_pattern
from ..text.fold import LATIN_LETTERS, literal_spans, loose, names_of, squash, squeeze
from ..text.names_beside import beside_another_name
from ..text.numerals import number_spans
from ..text.parallel_lists import paired_with_name
from ..text.passage_numbers import clause_of
from ..text.period_lexicon import PeriodWords
from ..text.period_words import read_period
from ..text.plan_tables import table_head_pattern
from ..text.quantities import Lexicon, shape_of, status_cues, written_forms
from .claims import text_dates as source_text_dates
from .counted_nouns import (
    NEIGHBOUR_KEYS,
    Neighbours,
    definitions_alike,
    folded_forms,
    same_kind,
    unit_words,
    written_with,
)
from .distinct import content_key, lexicon_of, memo, remembered, texts

# Places at or below a county: another of these next to a quantity says whose figure it is.
LOCAL_LEVELS = ("county", "town", "subdistrict", "zone", "park")
# The marks of a list of members (桐乡、海宁; Tongxiang/Haining): punctuation. The words (和, and) are the lexicon's.
LIST_MARKS = "、|/"
# An English list written with commas after a name (Tongxiang, Haining and Pinghu): a comma, one or two words, and a
# comma or a list word.
COMMA_LIST = r",\s?[a-z]+(?:\s[a-z]+)?"


# The lexicon's words that make a name no subject: its `not_subject` words written before the name (outside, 占) and
# after it (以外) as two alternations, a place the figure lies outside of or the whole a share is of (outside
# Tongxiang, 占桐乡…的, 桐乡以外); and its `list_word` terms of meaning `joins` joined by |, a name inside a list of
# members (桐乡、海宁和平湖; Tongxiang, Haining and Pinghu); and its `not_subject` words of meanings `whole_before`
# (of) and `whole_after` ('s) as two alternations, a name written between one of each is the whole a share is of
# (17 percent of Tongxiang's). Strings, so that a view column carrying them is hashed by its whole text.
OutsideWords = tuple[str | None, str | None, str | None, str | None, str | None]
NO_WORDS: OutsideWords = (None, None, None, None, None)


def outside_words(lexicon: Lexicon | None) -> OutsideWords:
    """The lexicon's `not_subject` words, before (meaning `before`) and after (meaning `after`) the name, its
    `list_word` terms of meaning `joins`, and its `not_subject` words before and after the whole a share is of
    (`whole_before`, `whole_after`); none without a lexicon."""
    if lexicon is None:
        return NO_WORDS
    return (
        lexicon.alternation("not_subject", "before"),
        lexicon.alternation("not_subject", "after"),
        "|".join(
            t
            for t, m in zip(
                lexicon.terms_of.get("list_word", []), lexicon.meanings_of.get("list_word", []), strict=True
            )
            if m == "joins"  # 与 (`joins_or_with`) is also 'with': 乌镇与数字经济相关的企业 names 乌镇 as the subject
        )
        or None,
        lexicon.alternation("not_subject", "whole_before"),
        lexicon.alternation("not_subject", "whole_after"),
    )


Anchored = re.Pattern[str] | None


@functools.lru_cache(maxsize=64)
def outside_patterns(
    words: OutsideWords,
) -> tuple[Anchored, Anchored, re.Pattern[str], re.Pattern[str], Anchored, Anchored]:
    """The `not_subject` words anchored at the name: a word before ends where the name starts (a space allowed),
    a word after starts where it ends; where a list of members holds the name: a list mark or list word ending
    before it (a Latin word whole), or one starting after it, or a comma list after it; and the words of a whole a
    share is of, before the name (a space allowed) and after it."""
    before, after, joins, whole_before, whole_after = words
    terms = sorted({loose(t) for t in (joins or "").split("|") if loose(t)}, key=len, reverse=True)
    chinese = [re.escape(t) for t in terms if not re.match(r"[a-z0-9]", t)]
    latin = [re.escape(t) for t in terms if re.match(r"[a-z0-9]", t)]
    ending = "|".join([LIST_MARKS, *chinese, *(rf"\b{t}" for t in latin)])
    starting = "|".join([LIST_MARKS, *chinese, *(rf"{t}\b" for t in latin)])
    comma_list = COMMA_LIST + "(?:," + "".join(rf"|\s{t}\s" for t in latin) + ")"
    return (
        re.compile(rf"(?:{before})\s?$") if before else None,
        re.compile(rf"^(?:{after})") if after else None,
        re.compile(rf"(?:{ending})\s?$"),
        re.compile(rf"^\s?(?:{starting})|^{comma_list}"),
        re.compile(rf"(?:{whole_before})\s?$") if whole_before else None,
        re.compile(rf"^(?:{whole_after})") if whole_after else None,
    )


def not_subject(before: str, after: str, outside: OutsideWords = NO_WORDS) -> bool:
    """Whether a name standing between `before` and `after` is a member of a list (a list mark or one of the
    lexicon's `list_word` terms beside it), or a place the figure lies outside of or is a share of (the lexicon's
    `not_subject` words, and the whole a share is of between its `whole_before` and `whole_after` words: 17 percent
    of Tongxiang's): `outside`, rather than the subject."""
    outside_before, outside_after, listed, listed_after, whole_before, whole_after = outside_patterns(outside)
    return bool(
        listed.search(before[-5:])
        or listed_after.match(after)
        or (outside_before is not None and outside_before.search(before))
        or (outside_after is not None and outside_after.match(after))
        or (
            whole_before is not None
            and whole_after is not None
            and whole_before.search(before)
            and whole_after.match(after)
        )
    )


def named_as_subject(text: str, name: str, outside: OutsideWords = NO_WORDS) -> bool:
    """Whether `name` stands in `text` (both folded by `loose`; a Latin name as a whole word) at least once other
    than as a list member or a place the figure lies outside of (see not_subject)."""
    folded = loose(name)
    if not folded:
        return False
    edges = LATIN_LETTERS if folded[0] in LATIN_LETTERS else frozenset()
    return any(
        not not_subject(text[max(0, start - 16) : start], text[end:], outside)
        for start, end in literal_spans(text, folded, before=edges, after=edges)
    )


def form_spans(text: str, form: str) -> list[tuple[int, int]]:
    """Where a folded form stands in a folded text: Chinese anywhere, Latin as whole words."""
    if not form:
        return []
    if form[0] in LATIN_LETTERS or form[-1] in LATIN_LETTERS:  # whole words: Shares traded35.79m still names it
        return literal_spans(text, form, before=LATIN_LETTERS, after=LATIN_LETTERS)
    return literal_spans(text, form)


def forms_in(evidence: str, forms: str, shadowing: tuple[str, ...] = (), names: tuple[str, ...] = ()) -> bool:
    """Whether the evidence holds one of the `|`-separated forms: Chinese anywhere, Latin as whole words, white
    space aside. An occurrence inside a longer written form of another indicator (`shadowing`: 投资 inside
    固定资产投资, 面积 inside 建成区面积) is that indicator's words, unless it lies inside a longer form of its own
    (polyester filament production capacity holds another's filament production capacity). An occurrence inside
    the subject's own name (`names`: 'internet hospital' inside 'the Wuzhen Internet Hospital') says whose figure
    it is, not what is measured of it, and never counts."""
    mine = [loose(f) for f in (f.strip() for f in forms.split("|")) if f]
    theirs = [loose(f) for f in shadowing if f]
    named = [loose(n) for n in names if n.strip()]
    for text, fold_ in ((loose(evidence), str), (squeeze(loose(evidence)), squeeze)):
        own = [span for form in mine for span in form_spans(text, fold_(form))]
        other = [span for form in theirs for span in form_spans(text, fold_(form))]
        subject = [span for name in named for span in form_spans(text, fold_(name))]
        if any(not shadowed(span, other, own) and not within(span, subject) for span in own):
            return True
    return False


def within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether a span lies inside one of `spans` (or is one of them)."""
    s, e = span
    return any(a <= s and e <= b for a, b in spans)


def shadowed(span: tuple[int, int], other: list[tuple[int, int]], own: list[tuple[int, int]]) -> bool:
    """Whether an occurrence of an indicator's form lies inside a longer occurrence of another's that is not itself
    inside one of the indicator's own."""
    s, e = span
    return any(
        a <= s and e <= b and b - a > e - s and not any(c <= a and b <= d and d - c > b - a for c, d in own)
        for a, b in other
    )


def split_forms(forms: object) -> tuple[str, ...]:
    """An indicator's `written_forms` cell as its forms (none for a missing cell)."""
    return tuple(f.strip() for f in forms.split("|") if f.strip()) if isinstance(forms, str) else ()


def shadowing_forms(forms_of: dict[Any, tuple[str, ...]]) -> dict[Any, tuple[str, ...]]:
    """For each indicator, the other indicators' written forms that hold one of its own inside a longer word
    (固定资产投资 holds project_total_investment's 投资; 建成区面积 holds area_total's 面积): where the evidence has
    only those, it names the other, more specific measure."""
    folded = {i: {loose(f) for f in forms if f} for i, forms in forms_of.items()}
    owners: dict[str, set[Any]] = {}
    for i, forms in folded.items():
        for f in forms:
            owners.setdefault(f, set()).add(i)
    # Each form that holds another found by looking up its substrings of the lengths forms have, not by testing
    # every pair of forms of every pair of indicators (quadratic in the definitions: 0.1 s of a cold validation),
    # nor every substring (quadratic in a form's length: a 10 kB cell took 45 s).
    mine_forms = set(owners)
    lengths = sorted({len(f) for f in mine_forms if f})
    holding: dict[str, set[str]] = {"": set(owners)}  # an empty form (all pinyin) is in every form
    for f in owners:
        for size in lengths:
            for a in range(len(f) - size + 1):
                if f[a : a + size] in mine_forms:
                    holding.setdefault(f[a : a + size], set()).add(f)
    return {
        i: tuple(sorted({f for m in mine for f in holding.get(m, ()) if f not in mine and owners[f] - {i}}))
        for i, mine in folded.items()
    }


# The definitions' columns the comparisons of every definition with every other read (shadowing_forms and
# neighbours_counting): they are kept by these columns' content, so an edited label or definition compares nothing.
PAIR_COLUMNS = ("indicator", "written_forms", "required_words", *NEIGHBOUR_KEYS)


def required_groups(cell: object) -> tuple[tuple[str, ...], ...]:
    """An indicator's `required_words` cell as its groups, each of words one of which the evidence must hold:
    `;` parts a group from the next (all of them needed), `|` a word from the next in a group (one of them)."""
    if not isinstance(cell, str):
        return ()
    return tuple(g for g in (split_forms(part) for part in cell.split(";")) if g)


Neighbour = tuple[str, tuple[tuple[str, ...], ...], str]


def neighbours_counting(definitions: pd.DataFrame | None) -> dict[str, tuple[Neighbour, ...]]:
    """For each indicator, its neighbours of the same dimension, measure and subject, sharing a written form with
    it, that are told apart by how they count or whose they are (required_words): (neighbour, its groups of
    required words but those holding one of the indicator's own required words or written forms, its written
    forms). A two-year average is gdp_growth's neighbour: 两年平均 in the
    quote's clause says the figure is the average's; co-organising international organisations are the
    represented ones' neighbour by 协办, their other group (国际组织) being the represented ones' own name."""
    # Only definitions of one dimension, measure and subject are neighbours: each is compared with those alone, in
    # the definitions' order.
    rows, alike = definitions_alike(definitions, ("indicator", "written_forms", "required_words", *NEIGHBOUR_KEYS))
    out: dict[str, tuple[Neighbour, ...]] = {}
    for mine in rows:
        own = {w for group in required_groups(mine["required_words"]) for w in group}
        mine_forms = split_forms(mine["written_forms"])
        found = []
        for other in alike[tuple(mine[k] for k in NEIGHBOUR_KEYS)]:
            # A group's words are one another's synonyms: one that is the indicator's own required word or
            # written form makes the whole group its own (国际组织|international organizations is co-organisers'
            # required group but the represented organisations' own name), and it tells the two apart no more.
            if other["indicator"] == mine["indicator"]:
                continue
            groups = tuple(
                group
                for group in required_groups(other["required_words"])
                if not any(w in own or related_forms((w,), mine_forms) for w in group)
            )
            if not groups:
                continue
            if related_forms(mine_forms, split_forms(other["written_forms"])):
                found.append((str(other["indicator"]), groups, "|".join(split_forms(other["written_forms"]))))
        if found:
            out[mine["indicator"]] = tuple(found)
    return out


def related_forms(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether two indicators share a written form, or one's form holds the other's (代表 and 代表; 嘉宾 inside
    线上参会嘉宾): only then can one's words stand for the other's figure."""
    one, other = {loose(f) for f in mine if f}, {loose(f) for f in theirs if f}
    return any(a in b or b in a for a in one for b in other if a and b)


def quote_clause(evidence: object, quote: object, words: ClauseWords | None = None) -> tuple[str, int, int, int] | None:
    """The folded evidence, where the quote stands in it and the bounds of the quote's clause (ended where the
    lexicon's clause words say: ClauseWords.clause_end): None when either is missing or the quote is not in the
    evidence (the quote rules report that; the clause readers stay silent)."""
    if not isinstance(evidence, str) or not isinstance(quote, str):
        return None
    text, wanted = loose(evidence), loose(quote)
    at = text.find(wanted)
    if at < 0 or not wanted:
        return None
    start, end = clause_of(text, at, at + len(wanted), words)
    return text, at, start, end


def counted_as(
    evidence: object, quote: object, neighbours: tuple[Neighbour, ...], words: ClauseWords | None = None
) -> str | None:
    """The neighbour a word of each of whose groups of required words stands in the quote's own clause while the
    evidence names it too (两年平均增长4.7% filed as gdp_growth is gdp_growth_two_year_average's; 4家重要国际组织
    作为协办单位 filed as represented organisations is the co-organisers'): None where no neighbour's do."""
    found = quote_clause(evidence, quote, words) if neighbours else None
    if found is None:
        return None
    text, _at, start, end = found
    clause = text[start:end]
    for indicator, groups, forms in neighbours:
        if all(forms_in(clause, "|".join(g)) for g in groups) and (not forms or forms_in(str(evidence), forms)):
            return indicator
    return None


def text_dates(indicators: pd.DataFrame, sources: pd.DataFrame | None) -> pd.Series:
    """Each row's text date: its source's original's date when recorded, else its publication date, narrowed by
    the bounds its words give (claims.text_dates)."""
    if sources is None or "source_id" not in sources:
        return pd.Series(pd.NA, index=indicators.index, dtype=object)
    lookup = dict(zip(sources["source_id"], source_text_dates(sources).astype(object), strict=True))
    return indicators["source_id"].map(lambda s: lookup.get(s) if isinstance(s, str) else None)


def period_words_of(frames: dict[str, pd.DataFrame]) -> PeriodWords:
    """The period reader's words of the text's own day and of parts of a year: the package lexicon's (none
    without one)."""
    return PeriodWords.of(lexicon_of(frames["lexicon"]) if "lexicon" in frames else None)


def keyed_map(keys: list[tuple[Any, ...]], compute: Any, index: pd.Index) -> pd.Series:
    """compute(*key) once per distinct key, spread back over the rows."""
    cache: dict[tuple[Any, ...], Any] = {}
    out = []
    for key in keys:
        if key not in cache:
            cache[key] = compute(*key)
        out.append(cache[key])
    return pd.Series(out, index=index, dtype=object)


def anchor_view(indicators: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Indicators with `anchor` (where the quote stands: clauses.Attachment), `period_reading`
    (period_readings.Reading) and `text_date` (the text's own date)."""
    definitions = frames.get("indicator_definitions")
    # The columns read row by row, as lists made once (iterating an Arrow-backed column costs ~6× its tolist)
    evidence_, quote_, indicator_, unit_ = (
        texts(indicators[c]) for c in ("evidence", "value_text", "indicator", "unit")
    )
    units = frames.get("units")

    # Every reading below is a pure function of its arguments and of the tables it names (text/ reads no table of
    # its own): remembered under their content, a second validation in this process (an edited copy, `tde.schema`
    # after `validate`) reads only its new texts, and an edit of a table a reading does not read (a definition, a
    # place for the quotes' anchors) reads nothing again. The definitions' part reaches each reading in its
    # arguments (the row's written forms), never through a table.
    def key(*names: str) -> tuple[object, ...]:
        return tuple((t, content_key(frames[t]) if t in frames else None) for t in names)

    forms_of: dict[Any, tuple[str, ...]] = {}
    if definitions is not None and "written_forms" in definitions:
        forms_of = {  # a definition without its id is the structure layer's error, and names nothing here
            i: split_forms(f)
            for i, f in zip(definitions["indicator"], definitions["written_forms"], strict=True)
            if isinstance(i, str)
        }
    # Both compare every definition with every other (quadratic in definitions, most of a warm validation's
    # cost): they read only the definitions, so they are made once per content of that table in this process.
    paired = None if definitions is None else definitions[[c for c in PAIR_COLUMNS if c in definitions]]
    made = memo("definition pairs", content_key(paired) if paired is not None else None)
    if "shadows" not in made:
        made["shadows"] = shadowing_forms(forms_of)
        made["neighbours"] = neighbours_counting(definitions)
    if "same kind" not in made:
        made["same kind"] = same_kind(definitions)
        made["own forms"] = {  # as forms_of, folded as the evidence is (counted_nouns.written_with)
            i: folded_forms("|".join(forms)) for i, forms in forms_of.items()
        }
    kinds: dict[str, Neighbours] = made["same kind"]
    own_forms: dict[Any, tuple[str, ...]] = made["own forms"]
    shadows: dict[Any, tuple[str, ...]] = made["shadows"]
    neighbours: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = made["neighbours"]
    unit_forms = written_forms(units) if units is not None else {}
    lexicon_frame = frames.get("lexicon")
    heads = (
        table_head_pattern(
            (t, m)
            for t, c, m in zip(lexicon_frame["term"], lexicon_frame["category"], lexicon_frame["meaning"], strict=True)
            if isinstance(c, str) and c == "table_head" and isinstance(t, str) and isinstance(m, str)
        )
        if lexicon_frame is not None
        else None
    )
    converted = (
        conversion_pattern(lexicon_of(lexicon_frame).alternation("converted")) if lexicon_frame is not None else None
    )
    dimension_of = dict(zip(units["unit"], units["dimension"], strict=True)) if units is not None else {}
    # The anaphora, parallel-list and year words of the clause reader: the lexicon's.
    clause_words = ClauseWords.of(lexicon_of(lexicon_frame) if lexicon_frame is not None else None)

    def anchored(
        evidence: object, quote: object, forms: tuple[str, ...], dimension: object, words: tuple[str, ...]
    ) -> object:
        if not isinstance(evidence, str) or not isinstance(quote, str):
            return None
        kind = dimension if isinstance(dimension, str) else None
        return attach(evidence, quote, list(forms), kind, unit_forms, words, heads, converted, clause_words)

    period_words = indicators["period_text"] if "period_text" in indicators else pd.Series(None, index=indicators.index)
    keys = [
        (
            e,
            q,
            forms_of.get(i, ()) if isinstance(i, str) else (),
            dimension_of.get(u) if isinstance(u, str) else None,
            tuple(p.strip() for p in t.split("…") if p.strip()) if isinstance(t, str) else (),
        )
        for e, q, i, u, t in zip(
            evidence_,
            quote_,
            indicator_,
            unit_,
            texts(period_words),
            strict=True,
        )
    ]
    dates = text_dates(indicators, frames.get("sources"))
    period_text = indicators["period_text"] if "period_text" in indicators else pd.Series(None, index=indicators.index)
    periods = keyed_map(
        [
            (t if isinstance(t, str) else None, d if isinstance(d, str) else None)
            for t, d in zip(texts(period_text), texts(dates), strict=True)
        ],
        # The words of the text's own day and of parts of a year are the lexicon's (PeriodWords).
        remembered(memo("period words", key("lexicon")), functools.partial(read_period, words=period_words_of(frames))),
        indicators.index,
    )
    anchors = keyed_map(keys, remembered(memo("anchors", key("units", "lexicon")), anchored), indicators.index)
    lexicon = lexicon_of(frames["lexicon"]) if "lexicon" in frames else None

    def own_cues(evidence: object, forms: tuple[str, ...], words: tuple[str, ...], anchor: object) -> object:
        """The status cues of the evidence left when the words that say what is measured (完成全年目标), when
        (到1949年) and, for a plan table's actual column, the table's headings (预期目标) are taken out."""
        if lexicon is None or not isinstance(evidence, str):
            return None
        text = loose(evidence)
        columns: frozenset[str] = getattr(anchor, "columns", frozenset())
        head = getattr(anchor, "table_head", None)
        taken = [*forms, *words] + ([head] if head and columns != {"target"} else [])
        for words_ in sorted((loose(t) for t in taken if t), key=len, reverse=True):
            text = text.replace(words_, " ")
        return status_cues(text, lexicon)

    cues = keyed_map(
        [(k[0], k[2], k[4], a) for k, a in zip(keys, anchors, strict=True)],
        remembered(memo("own cues", key("lexicon")), own_cues),
        indicators.index,
    )

    def lead_cues(words: tuple[str, ...], anchor: object) -> object:
        """The status cues of the words leading to the quote in its clause (text/quote_scope.lead_to), the words that
        date it and a plan table's headings taken out (到1949年 dates; 预期目标 heads a column): a cue there speaks
        of this figure, not of another figure of the evidence. The indicator's own words stay: a status word in
        them (年度计划投资, 'plans to add') is this figure's status unless the indicator is a plan's size, which the
        rule reads; a phrase that reports on a target (完成年度计划) is read as what it means by the lexicon."""
        lead = getattr(anchor, "lead", None)
        if lexicon is None or not isinstance(lead, str) or not getattr(anchor, "found", False):
            return None
        head = getattr(anchor, "table_head", None)
        for words_ in sorted((loose(t) for t in [*words, head or ""] if t), key=len, reverse=True):
            lead = lead.replace(words_, " ")
        return status_cues(lead, lexicon)

    def undated_cues(evidence: object, words: tuple[str, ...]) -> object:
        """The status cues of the evidence with the row's own dating words taken out: 到1949年 dates a figure, and
        once its period has passed it names no target (a reported target must be named one by other words)."""
        if lexicon is None or not isinstance(evidence, str):
            return None
        text = loose(evidence)
        for words_ in sorted((loose(t) for t in words if t), key=len, reverse=True):
            text = text.replace(words_, " ")
        return status_cues(text, lexicon)

    def scoped(forms: tuple[str, ...], words: tuple[str, ...], anchor: object) -> object:
        """status_scope with the lexicon; the row's own dating words, its indicator's written forms and a plan
        table's headings taken out."""
        if lexicon is None or not isinstance(anchor, Attachment) or not anchor.found:
            return None
        return status_scope(anchor, lexicon, (*forms, *words, anchor.table_head or ""))

    scopes = keyed_map(
        [(k[2], k[4], a) for k, a in zip(keys, anchors, strict=True)],
        remembered(memo("status scope", key("lexicon")), scoped),
        indicators.index,
    )

    undated = keyed_map(
        [(k[0], k[4]) for k in keys],
        remembered(memo("undated cues", key("lexicon")), undated_cues),
        indicators.index,
    )

    leading = keyed_map(
        [(k[4], a) for k, a in zip(keys, anchors, strict=True)],
        remembered(memo("lead cues", key("lexicon")), lead_cues),
        indicators.index,
    )
    places = frames.get("places")
    local = {} if places is None else {
        p: [n for n in (name, zh, *(a.split("|") if isinstance(a, str) else [])) if isinstance(n, str) and n.strip()]
        for p, name, zh, a, level in zip(
            places["place_id"], places["name"], places["name_zh"], places["aliases"], places["level"], strict=True
        )
        if isinstance(level, str) and level in LOCAL_LEVELS
    }  # fmt: skip
    outside = outside_words(lexicon)
    beside = keyed_map(
        [(e, q) for e, q in zip(evidence_, quote_, strict=True)],
        remembered(
            memo("places beside", key("places", "lexicon")),
            lambda e, q: places_beside(e, q, local, outside, clause_words),
        ),
        indicators.index,
    )
    every_name = entity_names(frames)
    subject_names = row_subject_names(indicators, frames)
    pairing = keyed_map(
        [
            (e, q, n, dimension_of.get(u) if isinstance(u, str) else None)
            for e, q, n, u in zip(evidence_, quote_, subject_names, unit_, strict=True)
        ],
        remembered(
            memo("subject pairing", key("units", "lexicon")),
            lambda e, q, n, d: (
                paired_with_name(e, q, list(n), d, unit_forms, clause_words)
                if isinstance(e, str) and isinstance(q, str) and n
                else None
            ),
        ),
        indicators.index,
    )
    # Two figures of one kind in one clause, each beside its own subject's name: the name nearest the quote is
    # its subject's (enterprises and projects: a place's figures are read by places_beside).
    siblings = table_names(frames)
    signature = {t: hash(names) for t, names in siblings.items()}  # the remembered answers depend on the names too
    nearest = keyed_map(
        [
            (e, q, n, t, dimension_of.get(u) if isinstance(u, str) else None, signature.get(t) if t else None)
            for e, q, n, t, u in zip(
                evidence_,
                quote_,
                subject_names,
                subject_tables(indicators),
                unit_,
                strict=True,
            )
        ],
        remembered(
            memo("subject beside", key("units", "lexicon")),
            lambda e, q, n, t, d, _names: (
                beside_another_name(
                    e,
                    q,
                    list(n),
                    [list(o) for o in siblings.get(t, ()) if o != n],
                    d if isinstance(d, str) else None,
                    unit_forms,
                    clause_words,
                )
                if isinstance(e, str) and isinstance(q, str) and n and t
                else None
            ),
        ),
        indicators.index,
    )
    pairing = pd.Series(
        [p if p is not None else b for p, b in zip(pairing, nearest, strict=True)], index=indicators.index, dtype=object
    )
    counted = keyed_map(
        [
            (e, q, neighbours.get(i, ()) if isinstance(i, str) else ())
            for e, q, i in zip(evidence_, quote_, indicator_, strict=True)
        ],
        functools.partial(counted_as, words=clause_words),
        indicators.index,
    )
    words_of_unit = unit_words(units)
    written = keyed_map(
        [
            (e, q, i if isinstance(i, str) else None, u if isinstance(u, str) else None)
            for e, q, i, u in zip(evidence_, quote_, indicator_, unit_, strict=True)
        ],
        lambda e, q, i, u: written_with(
            e, q, own_forms.get(i, ()), kinds.get(i, ()), words_of_unit.get(u, ()), clause_words
        ),
        indicators.index,
    )
    return indicators.assign(
        counted_as=counted,
        written_with=written,
        subject_pairing=pairing,
        entity_names=pd.Series([every_name] * len(indicators), index=indicators.index, dtype=object),
        anchor=anchors,
        shadowing_forms=pd.Series(
            [shadows.get(i, ()) if isinstance(i, str) else () for i in indicators["indicator"]],
            index=indicators.index,
            dtype=object,
        ),
        own_cues=cues,
        lead_cues=leading,
        scope_cues=scopes,
        undated_cues=undated,
        places_beside=beside,
        places_beside_text=pd.Series(
            # A places row whose id the reader refused names no id: left out, never crashed on.
            [
                ", ".join(sorted(i for i in b if isinstance(i, str))) if isinstance(b, frozenset) else None
                for b in beside
            ],
            index=indicators.index,
            dtype="string",
        ),
        anchor_year=pd.Series(
            [year_text(getattr(a, "year", None)) for a in anchors], index=indicators.index, dtype="string"
        ),
        period_reading=periods,
        text_date=pd.Series(list(dates), index=indicators.index, dtype=object),
    )


LATIN = re.compile(r"[a-z]{2,}")
YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def status_scope(anchor: Attachment, lexicon: Lexicon, taken: tuple[str, ...] = ()) -> frozenset[str]:
    """The statuses the status words governing the quote point to, beyond the lead of its clause (lead_cues):

    - a strong status word (将有, 预计, expected: the lexicon's `status`) of the quote's sentence before it, in any
      clause (本届大会将有2000多名嘉宾与会,中外嘉宾约各占百分之五十; 'the expo will witness the launch of 118 … while
      match more than 1,200 projects'; 经专业预估,已超85亿元);
    - a status word after the quote where no other quantity follows it: a strong one anywhere in the sentence, a
      weak one (将, will) in the quote's clause ('More than 2,000 participants … are expected to attend';
      第五届世界互联网大会将在乌镇召开);
    - where the quote's sentence has no frame of its own (no status word, no word of a figure reached, no dating
      word or year) and is Chinese, which marks no tense on its verbs, or opens with a continuation word (其中, of
      which: the lexicon's `continuation`), the strong status words of the nearest sentence before it that has one
      (本届大会将有2000多名嘉宾与会。其中,有8位外国领导人).

    A weak word (计划, 规划, planned: `status_weak`) also names plans as facts (通过规划调整, 'total planned investment
    of', a programme's name) and so speaks only for its own clause. A word of a figure reached in the quote's
    clause (the lexicon's `reached_word`: 已; has, have, had before a past participle) says that figure is no
    target, whatever the words around it say, and so does an English finite verb of its own (is, are, was; 'it has
    20 sub-forums'); an estimate may be of a figure reached (已超85亿元 is estimated).
    `taken` (the row's dating words, its indicator's written forms, a table's headings) are taken out first
    (完成全年目标 says what is measured). The set holds `reached` where the quote's clause holds a word of a figure
    reached and no status word of its own (a target there is an actual), and `forward` where it holds a word that
    speaks of an event as still to come (the lexicon's `forward_word`: 将在, 即将)."""
    words = sorted((loose(t) for t in taken if t), key=len, reverse=True)
    scope = anchor.scope

    def clean(text: str) -> str:
        for word in words:
            text = text.replace(word, " ")
        return text

    def strong(text: str) -> set[str]:
        squashed = lexicon.rewrite(squash(text))
        return lexicon.meanings("status", shape_of(squashed, number_spans(squashed)))

    def framed(text: str) -> bool:
        """A status word (the row's own dating words aside: 到2025年 dates it), a reached word or a date."""
        return bool(status_cues(clean(text), lexicon) or reached_in(lexicon, text) or dated_in(lexicon, text))

    cues = strong(clean(scope.before)) | set(status_cues(clean(scope.after_in_clause), lexicon))
    cues |= strong(clean(scope.after))
    sentence = scope.sentence
    if sentence.strip() and not framed(sentence):
        continues = opens_with(lexicon, sentence)
        for earlier in scope.earlier if continues or not LATIN.search(sentence) else ():
            if framed(earlier):
                cues |= set(status_cues(clean(earlier), lexicon))
                break
    own = clean(scope.own_clause)
    reached = reached_in(lexicon, scope.own_clause)  # read whole: a taken-out noun would join has to a verb after it
    if reached or tensed_in(lexicon, scope.own_clause):
        cues.discard("target")
    cues.discard("strong")
    forward = bool(lexicon.find("forward_word", squash(scope.own_clause)))
    return frozenset(
        cues
        | ({"reached"} if reached and not status_cues(own, lexicon) else set())
        | ({"forward"} if forward else set())
    )


def participle_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """An English past participle after an auxiliary (has attracted, have been signed, has already grown): a word
    ending in one of the lexicon's `participle_ending` terms of meaning `participle` (ed, en, wn, ne, ght, un),
    perhaps after an adverb ending in one of meaning `adverb` (ly); None where the lexicon lists no ending."""
    endings = lexicon.terms_of.get("participle_ending", [])
    meanings = lexicon.meanings_of.get("participle_ending", [])

    def alternation(meaning: str) -> str:
        chosen = sorted({squash(t) for t, m in zip(endings, meanings, strict=True) if m == meaning}, key=len)
        return "|".join(re.escape(t) for t in reversed(chosen) if t)

    participle, adverb = alternation("participle"), alternation("adverb")
    if not participle:
        return None
    before = rf"(?:[a-z]+(?:{adverb})\s)?" if adverb else ""
    return compiled_pattern(rf"\s{before}[a-z]+(?:{participle})\b")


@functools.lru_cache(maxsize=16)
def compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def reached_in(lexicon: Lexicon, text: str) -> bool:
    """Whether the text holds a word of a figure reached (the lexicon's `reached_word`: 已; an auxiliary before a
    past participle, as the lexicon's `participle_ending` terms tell one: has attracted, not it has 20 sub-forums)."""
    squashed = squash(text)
    participle = participle_pattern(lexicon)
    return any(
        meaning == "actual"
        or (meaning == "auxiliary" and participle is not None and participle.match(squashed, m.end()) is not None)
        for m, meaning in lexicon.find("reached_word", squashed)
    )


def tensed_in(lexicon: Lexicon, text: str) -> bool:
    """Whether the text holds a finite verb of the lexicon's `reached_word` category in any use (is, are, was, were,
    meaning `finite`; has, have, had): an English clause with a tense of its own is not governed by a status word
    of another clause ('Expected to grow, the city is home to 1,890 enterprises')."""
    return bool(lexicon.find("reached_word", squash(text)))


def dated_in(lexicon: Lexicon, text: str) -> bool:
    """Whether the text dates itself: a year, or a dating word of the lexicon (今年, #月, today)."""
    squashed = squash(text)
    return bool(YEAR.search(squashed) or lexicon.find("dating_word", shape_of(squashed, number_spans(squashed))))


def opens_with(lexicon: Lexicon, sentence: str) -> bool:
    """Whether the sentence opens with a continuation word of the lexicon (其中, of which): it goes on with the
    sentence before it, whose status words then govern its figures."""
    text = re.sub(r"^[\s,，:：、]+", "", squash(sentence))
    return any(m.start() == 0 for m, _ in lexicon.find("continuation", text))


NAME_COLUMNS = {
    "places": ("name", "name_zh", "aliases"),
    "enterprises": ("name", "name_zh", "aliases"),  # no legal_name: the rule does not read the subject's own
    "projects": ("name", "name_zh", "aliases"),
}


def row_subject_names(indicators: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> list[tuple[str, ...]]:
    """Each row's subject's names and aliases (its enterprise's, project's or place's), as a tuple."""
    lookup: dict[tuple[str, str], tuple[str, ...]] = {}
    for table, column, key in (
        ("enterprises", "enterprise_id", "enterprise_id"),
        ("projects", "project_id", "project_id"),
        ("places", "place_id", "place_id"),
    ):
        frame = frames.get(table)
        if frame is None or key not in frame:
            continue
        present = [frame[c] for c in NAME_COLUMNS[table] if c in frame]
        for k, *values in zip(frame[key], *present, strict=True):
            lookup[(column, k)] = tuple(names_of(*values))
    out = []
    columns = (texts(indicators.get(c, pd.Series(None, index=indicators.index))) for c in SUBJECT_ORDER)
    for row in zip(*columns, strict=True):
        found = next(
            (lookup.get((c, v), ()) for c, v in zip(SUBJECT_ORDER, row, strict=True) if isinstance(v, str)), ()
        )
        out.append(found)
    return out


SUBJECT_ORDER = ("enterprise_id", "project_id", "place_id")


def subject_tables(indicators: pd.DataFrame) -> list[str | None]:
    """Each row's subject's table, for an enterprise or a project (None for a place or no subject)."""
    columns = [
        texts(indicators.get(c, pd.Series(None, index=indicators.index))) for c in ("enterprise_id", "project_id")
    ]
    return [
        "enterprises" if isinstance(e, str) else "projects" if isinstance(p, str) else None
        for e, p in zip(*columns, strict=True)
    ]


def table_names(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names of every enterprise and every project (each entity's names and aliases, a tuple), by table."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for table in ("enterprises", "projects"):
        frame = frames.get(table)
        if frame is None:
            continue
        present = [frame[c] for c in NAME_COLUMNS[table] if c in frame]
        out[table] = tuple(t for t in (tuple(names_of(*v)) for v in zip(*present, strict=True)) if t)
    return out


def entity_names(frames: dict[str, pd.DataFrame]) -> frozenset[str]:
    """Every name and alias of a place, enterprise or project, folded: a subject's name inside a longer one
    (Tongxiang in 'Tongxiang Economic Development Zone') names that other entity, not the subject. An event
    edition's name (第四届世界互联网大会) names its recurring event too, so editions are not among them."""
    names: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        frame = frames.get(table)
        if frame is None:
            continue
        present = [frame[c] for c in columns if c in frame]
        for values in zip(*present, strict=True):
            names.update(loose(n) for n in names_of(*values))
    return frozenset(n for n in names if n)


def places_beside(
    evidence: object,
    quote: object,
    places: dict[str, list[str]],
    outside: OutsideWords = NO_WORDS,
    words: ClauseWords | None = None,
) -> frozenset[str] | None:
    """The local places named in the quote's clause, other than as members of a list or places the figure lies
    outside of (`outside`: see not_subject) (None: no quote found); a clause ends where the lexicon's `words` say."""
    found = quote_clause(evidence, quote, words)
    if found is None:
        return None
    text, at, start, end = found
    start = max((m.end() for m in re.finditer(r"[。；;]", text[:at])), default=start) if start == 0 else start
    clause = text[start:end]
    # A name that is not in the clause at all is not named there (asked first: `in` costs a tenth of the reading).
    return frozenset(
        place
        for place, names in places.items()
        if any(loose(n) in clause and named_as_subject(clause, n, outside) for n in names)
    )


def year_text(years: object) -> str | None:
    """A year or a range of years as a message shows it: 2021, or 2014-2023."""
    if not isinstance(years, tuple):
        return None
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"
