"""Rules that anchor what a figure measures, which figure of its passage it is, whose it is and its status.

- What is measured: the indicator's `written_forms` (data, like the units') must occur in the evidence, folded
  (OpenCC simplified, case folded, Latin forms as whole words).
- Which figure: the indicator's words attach to the quoted quantity (the nearest form in its sentence, with no
  other quantity of the same dimension between them), a plan table's column agrees with the row's status, and a
  quote that is A of "from A to B" is the earlier figure, not the later (text/clauses.py reads all of this).
- Whose: the subject's name or alias is in the evidence, or in `subject_text` quoted from the text around it;
  another local place named beside the quantity (not as a member of a list) where the subject is absent is
  another place's figure.
- Status: no indicator encodes a status in its name; a `*_target` indicator holding actual rows is a mix.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from ...text.fold import INSERTED_PINYIN, loose, names_in, names_of, squeeze
from ...text.period_readings import Reading
from ..distinct import per_distinct_rows, spread
from ..indicator_forms import forms_in, required_groups
from ..subject_names import NO_WORDS, OutsideWords, named_as_subject
from .figures import SUBJECT_COLUMNS
from .registry import each_row, missing, rule

SUBJECT_NAMES = tuple(
    f"{column}.{name}" for column in SUBJECT_COLUMNS.values() for name in ("name", "name_zh", "aliases")
)


# The names that say whose figure it is, never what is measured: an enterprise's or a place's own name (the Wuzhen
# Internet Hospital). Not a project's (年产36万吨玻璃纤维…项目 states what it builds), not an event's (the fourth World
# Internet Conference: its name is its kind), not an alias (中国首家互联网医院 describes its holder).
OWN_NAMES = tuple(f"{column}.{name}" for column in ("place_id", "enterprise_id") for name in ("name", "name_zh"))


@rule(
    "indicator-not-in-evidence",
    "indicators",
    "indicator",
    "the evidence holds none of the written forms of {indicator!r} ({indicator__written_forms}), or holds them only "
    "inside another indicator's longer words (投资 inside 固定资产投资) or inside the name of the enterprise or "
    "place it is a figure of ('internet hospital' inside 'the Wuzhen Internet Hospital'): quote the words that say "
    "what the figure measures, add the form the source uses to indicator_definitions.written_forms, or file the "
    "figure under the indicator its words name",
    needs=("indicator.written_forms", *OWN_NAMES),
    reads=("evidence", "shadowing_forms"),
    per_row=True,
)
def indicator_named(view: pd.DataFrame) -> pd.Series:
    """The evidence names what the figure measures, in one of its indicator's written forms: not inside another
    indicator's longer words, nor inside the own name of the enterprise or place it is a figure of (a name says
    whose figure it is: 'the Wuzhen Internet Hospital … service visits exceeding 800 million' counts no internet
    hospitals)."""
    cache: dict[tuple[object, ...], bool] = {}
    view = view if "shadowing_forms" in view else view.assign(shadowing_forms=None)
    columns = [n.replace(".", "__") for n in OWN_NAMES]
    view = view.assign(**{c: view[c] if c in view else pd.Series(pd.NA, index=view.index) for c in columns})

    def named(evidence: object, forms: object, shadowing: object, *given: object) -> bool:
        if not isinstance(evidence, str) or not isinstance(forms, str) or not forms.strip():
            return True
        key = (evidence, forms, shadowing, *given)
        if key not in cache:
            longer = shadowing if isinstance(shadowing, tuple) else ()
            cache[key] = forms_in(evidence, forms, longer, tuple(n for n in given if isinstance(n, str)))
        return cache[key]

    return each_row(view, ["evidence", "indicator__written_forms", "shadowing_forms", *columns], named)


@rule(
    "written-forms-repeated",
    "indicator_definitions",
    "written_forms",
    "written_forms {written_forms!r} of {indicator!r} lists a form twice once folded (case, script and a mirror's "
    "inserted pinyin aside: revenue|Revenue, 国家和地区|国家和地区(qū)), writes pinyin into a form, or leaves a form "
    "empty between two '|': keep each form once, in plain characters",
    reads=("written_forms",),
    per_row=True,
)
def forms_listed_once(view: pd.DataFrame) -> pd.Series:
    """An indicator's written forms are distinct as they are matched (folded), and carry no inserted pinyin, which
    folding drops from the evidence anyway: a duplicate says nothing more and is printed twice by `search`. An
    empty form (`|||`) is checked here, not by a schema pattern, which would take the column out of `search`."""

    def once(forms: object) -> bool:
        if not isinstance(forms, str):
            return True
        listed = [f.strip() for f in forms.split("|")]
        folded = [loose(f) for f in listed]
        return all(folded) and len(set(folded)) == len(folded) and not any(INSERTED_PINYIN.search(f) for f in listed)

    return each_row(view, ["written_forms"], once)


@rule(
    "indicator-required-words",
    "indicators",
    "indicator",
    "{indicator!r} is told apart from its neighbours of the same unit by how it counts or whose it is, but the "
    "evidence holds none of the words of a group of its required words ({indicator__required_words}: one word of "
    "each `;`-parted group, `|` parting the words of one): a growth is no two-year average, a "
    "figure of one edition is none of each year, visitors of 乌镇 named alone are the town's, not a 景区's; file the "
    "figure under the indicator (and subject) its words name, or quote the words that say how it counts",
    needs=("indicator.required_words",),
    reads=("evidence",),
    per_row=True,
)
def indicator_counted_as_named(view: pd.DataFrame) -> pd.Series:
    """The evidence says how the figure counts, or whose it is, when its indicator requires it (两年平均, 每年, 日均,
    累计; 景区 for a scenic area's visitors, so a figure of 乌镇 named alone cannot sit on the scenic area): a word
    of every group of its required words (国际组织 and 协办 for co-organising international organisations, where
    either alone names another count: the organisations represented, the co-organising institutions)."""

    def said(evidence: object, required: object) -> bool:
        if not isinstance(evidence, str) or not isinstance(required, str) or not required.strip():
            return True
        return all(forms_in(evidence, "|".join(group)) for group in required_groups(required))

    return each_row(view, ["evidence", "indicator__required_words"], said)


@rule(
    "indicator-counted-as-neighbour",
    "indicators",
    "indicator",
    "the quote's clause holds the words by which {counted_as!r} counts (its required words), and the evidence names "
    "it: the figure is {counted_as!r}'s, not {indicator!r}'s (两年平均增长4.7% is no growth of the year); file it "
    "under {counted_as}",
    needs=("indicator.required_words",),
    reads=("counted_as",),
    per_row=True,
)
def indicator_not_a_neighbours_count(view: pd.DataFrame) -> pd.Series:
    """The converse of indicator-required-words: a figure whose own clause says it counts the way a neighbour of
    the same dimension, measure and subject does (两年平均, 每年, 累计) is that neighbour's figure."""
    if "counted_as" not in view:
        return pd.Series(True, index=view.index)
    return view["counted_as"].map(lambda c: not isinstance(c, str)).astype(bool)


@rule(
    "indicator-written-with-neighbour",
    "indicators",
    "indicator",
    "the quoted {value_text!r} is written with a written form of {written_with!r} (inside the quote or right after "
    "it: 24场分论坛, 五大洲, 七千多年文明史), an indicator of the same dimension, measure and subject, and no form of "
    "{indicator!r} follows in its clause: a quantity counts the noun it is written with (24场分论坛 are sub-forums, "
    "not topics); file it under {written_with}, or quote the figure {indicator!r}'s words attach to",
    needs=("indicator.written_forms",),
    reads=("written_with",),
    per_row=True,
)
def indicator_not_a_neighbours_noun(view: pd.DataFrame) -> pd.Series:
    """A figure written with a neighbour's noun (semantics/counted_nouns.py) is that neighbour's: what a quantity
    counts is the noun it is written with, unless its clause goes on to name the row's own measure."""
    if "written_with" not in view:
        return pd.Series(True, index=view.index)
    return view["written_with"].map(lambda c: not isinstance(c, str)).astype(bool)


@rule(
    "subject-pairs-another-figure",
    "indicators",
    "value_text",
    "value_text {value_text!r} is not the figure of the row's subject in its evidence: names and figures are paired "
    "in order there (分别, respectively), or each figure of the clause stands beside its own subject's name ('X "
    "tons in A and Y tons in B'), and the subject's name stands in the place of another figure; quote the figure "
    "in the place of the subject's name, or give the row the subject named in the quote's place",
    reads=("subject_pairing",),
    per_row=True,
)
def subject_paired(view: pd.DataFrame) -> pd.Series:
    """Where a passage pairs names with figures in order, the quote is the figure in the place of the subject's
    name (桐昆…、闻泰…和新凤鸣…,营业收入分别为710.11亿元、517.07亿元和514.86亿元: 710.11亿元 is Tongkun's); where
    two figures of one kind in a clause each stand beside an enterprise's or project's name in one pattern ('300,000
    tons in the Huzhou production base and … 600,000 tons in the Dushan Port production base'), the quote is the
    one beside the subject's name."""
    if "subject_pairing" not in view:
        return pd.Series(True, index=view.index)
    return view["subject_pairing"].map(lambda p: p is not False).astype(bool)


def reading_years(reading: object) -> tuple[int, int] | None:
    """The first and last year of a multi-year span the period words give (2014-23: 2014, 2023)."""
    for period in getattr(reading, "periods", ()):
        if period.kind == "span" and period.start[1].year < period.end[0].year:
            return period.start[1].year, period.end[0].year
    return None


@rule(
    "which-figure",
    "indicators",
    "value_text",
    "value_text {value_text!r} is not the figure of {indicator!r} in its evidence: the indicator's words "
    "({indicator__written_forms}) do not attach to it, another quantity of its kind stands between them, its table "
    "column is another status, it is the wrong end of 'from A to B' (A is the earlier figure and has its own "
    "dating words, B the later), or it is an ordinal (第二届, the first) and the indicator no rank nor an "
    "edition's ordinal; quote the figure the words attach to",
    needs=("indicator.written_forms", "indicator.temporal", "indicator.measure", "indicator.edition_ordinal"),
    reads=(
        "anchor",
        "period_basis",
        "period_end",
        "period_reading",
        "period_start",
        "period_text",
        "span_start_words",
        "status",
    ),
    per_row=True,
)
def the_figure_its_words_attach_to(view: pd.DataFrame) -> pd.Series:
    """The quoted quantity is the one the indicator's words attach to, in the column of the row's status."""

    def fits(
        anchor: object,
        status: object,
        reading: object,
        start: object,
        end: object,
        basis: object,
        temporal: object,
        words: object,
        ordinal_figure: object,
        start_words: object,
    ) -> bool:
        if anchor is None or not getattr(anchor, "found", False):
            return True
        if getattr(anchor, "ordinal", False) and ordinal_figure is False:
            return False  # 'Since the first WIC, … 565 projects': the first is no count of 1
        opens = isinstance(words, str) and isinstance(start_words, str) and opens_span(words, start_words)
        if not from_to_fits(anchor, reading, start, end, basis, temporal, opens):
            return False
        if anchor.forms_present and not anchor.attached:  # type: ignore[attr-defined]
            return False
        columns = anchor.columns  # type: ignore[attr-defined]
        if columns and isinstance(status, str) and status not in columns:  # a missing status is not compared
            return False
        years, last = reading_years(reading), None if missing(end) else pd.Timestamp(end).year  # type: ignore[arg-type]
        side = anchor.side  # type: ignore[attr-defined]
        other, own = anchor.other_year, anchor.year  # type: ignore[attr-defined]
        if side is not None and other is not None and last == other and not (own and own[0] <= other <= own[1]):
            return False  # A of 'from A in 2014 to B in 2023' dated 2023, or B dated 2014
        if years is not None and last is not None and side is not None:
            return not ((side == "from" and last == years[1]) or (side == "to" and last == years[0]))
        return True

    columns = ["anchor", "status", "period_reading", "period_start", "period_end", "period_basis"]
    view = view if "period_text" in view else view.assign(period_text=None)
    view = view.assign(ordinal_figure=ordinal_figures(view))
    if "span_start_words" not in view:  # a frame checked without the lexicon: no dating words open a span
        view = view.assign(span_start_words=None)
    texts = ["anchor", "status", "period_reading", "period_basis", "indicator__temporal", "period_text"]

    def undecided(
        anchor: object, status: object, reading: object, basis: object, temporal: object, *rest: object
    ) -> bool | None:
        """fits' answer where the dates cannot change it: a quote that is no end of 'from A to B' (its anchor has
        no side) is never compared with the row's dates (from_to_fits passes it, and so do the year checks)."""
        if anchor is not None and getattr(anchor, "found", False) and getattr(anchor, "side", None) is not None:
            return None
        return fits(anchor, status, reading, None, None, basis, temporal, *rest)

    columns = [*columns, "indicator__temporal", "period_text", "ordinal_figure", "span_start_words"]
    return each_row(view, columns, fits, decided=([*texts, "ordinal_figure", "span_start_words"], undecided))


def ordinal_figures(view: pd.DataFrame) -> pd.Series:
    """Per row: True where an ordinal may be its figure (a rank, or an edition's ordinal: 第二届 is the second
    edition), False where it may not, None where the indicator's measure is unknown (not judged)."""
    measure = view.get("indicator__measure", pd.Series(pd.NA, index=view.index)).astype(object)
    edition = view.get("indicator__edition_ordinal", pd.Series(pd.NA, index=view.index)).astype(object)
    codes, answers = per_distinct_rows(  # once per distinct (measure, edition_ordinal), not per row
        [measure, edition], lambda m, e: None if not isinstance(m, str) else m == "rank" or (not missing(e) and bool(e))
    )
    return spread(codes, answers, view.index)


def opens_span(words: str, start_words: str) -> bool:
    """Whether a row's dating words open with a word that dates a span's start (`start_words`: the lexicon's
    `span_word` `from` and `start` and `since_word` `open` and `alone` terms: From 2014, between, since, 自)."""
    return re.match(rf"(?i)\s*(?:{start_words})", words) is not None


def from_to_fits(
    anchor: object, reading: object, start: object, end: object, basis: object, temporal: object, opens: bool
) -> bool:
    """Which end of 'from A to B' the row is, by the dating words: B's row is not dated only by A's words (从去年的
    220G提升到334G: 去年 dates 220G), A's row carries A's own dating words where A has some, and A with none is the
    level before the change, never dated where the words (or the text's date) put B, unless they open with a
    start word (`opens`: opens_span), which dates A as the span's start."""
    side = getattr(anchor, "side", None)
    with_a, apart = getattr(anchor, "words_with_from", 0), getattr(anchor, "words_apart_from", 0)
    if not getattr(anchor, "has_a", False):
        return True  # no figure A (from 2014 to 2015 rose to X)
    if side == "to":
        return not (with_a and not apart)
    if side != "from":
        return True
    if getattr(anchor, "from_dated", False):
        return bool(with_a)
    if temporal != "stock" or missing(start) or missing(end):
        return True
    if basis == "publication":
        return False  # the text's own date is B's: A is the level before it
    if not isinstance(reading, Reading) or reading.why or basis not in ("stated", "context"):
        return True
    if opens:
        return True  # the row's own words date A as the start (From 2014 to 2022 … from 12 to more than 1,000)
    first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()  # type: ignore[arg-type]
    latest = max((p.end[1] for p in reading.periods), default=None)
    # A dated at the latest day its words allow is dated where B stands (2017年…从68扩大到110 dated 2017-12-31).
    return not (reading.admits(first, last, True) and latest is not None and last == latest)


def names_as_subject(evidence: str, names: list[str], outside: OutsideWords = NO_WORDS) -> bool:
    """Whether the evidence names the entity other than as a member of a list, the whole a share is of, or a
    place outside which something lies (Tongxiang, Haining and Pinghu; 17 percent of Tongxiang's urban area;
    `outside`: the lexicon's `not_subject` words)."""
    if not names or not names_in(evidence, names):
        return False
    text = loose(evidence)
    return any(named_as_subject(text, name, outside) for name in names)


@rule(
    "subject-not-anchored",
    "indicators",
    "place_id",
    "neither the evidence nor subject_text ({subject_text!r:|none given}) names the subject of this figure "
    "(place_id {place_id:|none}, enterprise_id {enterprise_id:|none}, project_id {project_id:|none}) by its name or "
    "an alias: quote in "
    "subject_text the words around the evidence that name it (the title, the sentence before), or give the figure "
    "to the subject its words name",
    needs=SUBJECT_NAMES,
    reads=("entity_names", "evidence", "not_subject_words", "subject_text"),
    per_row=True,
)
def subject_named(view: pd.DataFrame) -> pd.Series:
    """The evidence, or a quoted subject_text, names the figure's subject."""
    columns = [f"{c}__{n}" for c in SUBJECT_COLUMNS.values() for n in ("name", "name_zh", "aliases")]
    names = [view[c] if c in view else pd.Series(pd.NA, index=view.index) for c in columns]
    subject_text = view["subject_text"] if "subject_text" in view else pd.Series(pd.NA, index=view.index)
    every = view["entity_names"] if "entity_names" in view else pd.Series(frozenset(), index=view.index)
    no_words: OutsideWords = NO_WORDS
    outside = (
        view["not_subject_words"]
        if "not_subject_words" in view
        else pd.Series([no_words] * len(view), index=view.index, dtype=object)
    )

    def named(evidence: object, anchor: object, longer: object, words: object, *given: object) -> bool:
        places, others = names_of(*given[:3]), names_of(*given[3:])
        own = places + others
        evidence = without_longer_names(evidence, own, longer)
        anchor = without_longer_names(anchor, own, longer)
        return bool(
            not (places or others)
            or not isinstance(evidence, str)
            or names_as_subject(
                evidence, places, words if isinstance(words, tuple) else no_words
            )  # a place listed as a member is no subject
            or names_in(evidence, others)  # an enterprise listed among others is still named
            or (isinstance(anchor, str) and names_in(anchor, places + others))
        )

    # once per distinct combination of what it reads (a missing value reaches `named` as None: read as missing)
    codes, answers = per_distinct_rows([view["evidence"], subject_text, every, outside, *names], named)
    return pd.Series(np.asarray(answers, dtype=bool)[codes], index=view.index, dtype=bool)


def without_longer_names(text: object, own: list[str], every: object) -> object:
    """The text (folded) with every other entity's name that holds one of the subject's names taken out: 'Tongxiang
    Economic Development Zone' and 桐乡经济开发区 name the zone, not Tongxiang; a text that is no string is kept."""
    if not isinstance(text, str) or not isinstance(every, frozenset) or not own:
        return text
    folded = loose(text)
    for name in longer_names(tuple(own), every):
        folded = folded.replace(name, " ")
    return folded


@functools.lru_cache(maxsize=1024)
def longer_names(own: tuple[str, ...], every: frozenset[str]) -> tuple[str, ...]:
    """The other names (of `every`, folded) that hold one of `own`, longest first: once per subject and package,
    not once per passage (every name against every name is the cost of this rule)."""
    mine = {loose(n) for n in own}
    longer = [n for n in every if n not in mine and any(m and m in n and m != n for m in mine)]
    return tuple(sorted(longer, key=len, reverse=True))


@rule(
    "subject-text-not-in-source",
    "indicators",
    "subject_text",
    "subject_text {subject_text!r} does not occur in the archived text of {source_id} (white space aside): copy "
    "the words that name the subject exactly as the text writes them",
    needs_archive=True,
    needs=("source_id.archive_text",),
    reads=("subject_text",),
    per_row=True,
)
def subject_text_in_source(view: pd.DataFrame) -> pd.Series:
    """A quoted subject_text is in the archived text."""
    return each_row(
        view,
        ["subject_text", "source_id__archive_text"],
        lambda words, text: not isinstance(words, str) or not isinstance(text, str) or squeeze(words) in text,
    )


@rule(
    "subject-other-place",
    "indicators",
    "place_id",
    "the evidence names {places_beside_text} beside the quoted {value_text!r} and never names {place_id}, the "
    "place this figure is given to: the figure is the other place's; give it to that place (a place listed as a "
    "member of what is counted is no subject and is not held against the row)",
    needs=("place_id.name", "place_id.name_zh", "place_id.aliases"),
    reads=("evidence", "place_id", "places_beside"),
    per_row=True,
)
def no_other_place_beside(view: pd.DataFrame) -> pd.Series:
    """Where the evidence does not name the figure's place, no other local place is named beside its quantity."""
    if "places_beside" not in view:
        return pd.Series(True, index=view.index)

    def fits(place: object, beside: object, evidence: object, *names: object) -> bool:
        if missing(place) or not isinstance(beside, frozenset) or not beside - {place}:
            return True
        return place in beside or (isinstance(evidence, str) and names_in(evidence, names_of(*names)))

    columns = ["place_id", "places_beside", "evidence", "place_id__name", "place_id__name_zh", "place_id__aliases"]
    return each_row(view, columns, fits)


STATUS_IN_NAME = re.compile(r"_(?:annual_)?(?:plan_)?targets?$|_plan_target")


@rule(
    "status-in-indicator-name",
    "indicators",
    "indicator",
    "{indicator!r} names a status (a target) in its id, but the row is {status}: a reported target is a target row "
    "of the plain indicator (gdp_growth, status target), an actual figure an actual row of it; move the row to "
    "the plain indicator",
    reads=("indicator", "status"),
    per_row=True,
)
def no_status_in_names(view: pd.DataFrame) -> pd.Series:
    """No indicator encodes a status in its id: a `*_target` indicator holds no actual rows."""
    named = view["indicator"].astype("string").str.contains(STATUS_IN_NAME, regex=True).fillna(False)
    return ~(named & (view["status"] == "actual").fillna(False)).astype(bool)


# Projects that are a part of the place they lie in: a figure of the place cannot be narrowed to one of them.
PARTS_OF_A_PLACE = frozenset({"zone", "park", "facility"})


@rule(
    "subject-text-narrows-place",
    "indicators",
    "subject_text",
    "the evidence names {project_id__place_id}, where {project_id} lies, and never names {project_id}: "
    "subject_text {subject_text!r} narrows the place to a part of it that the figure's words do not name (乌镇 "
    "alone is the town, not 乌镇景区); give the figure to {project_id__place_id}, or quote the words that name the "
    "part",
    needs=(
        "project_id.name",
        "project_id.name_zh",
        "project_id.aliases",
        "project_id.kind",
        "project_id.place_id",
        "project_id.part_names",
    ),
    reads=("evidence", "places_named", "project_id", "subject_text"),
    per_row=True,
)
def no_narrowed_place(view: pd.DataFrame) -> pd.Series:
    """A figure whose evidence names a place, but not the zone, park or facility in it that the row is given to, is
    the place's: subject_text quoted from elsewhere in the text (a later paragraph's 乌镇景区) does not say which
    part of the place the words count within. A programme or an event named after a place is no part of it. Words
    that name a part of the project (its children by parent_id: 东栅, 西栅 of the scenic area) name the project:
    乌镇分为东栅…和西栅两个景区 divides the scenic area, not the town."""
    if "places_named" not in view:
        return pd.Series(True, index=view.index)

    def fits(
        project: object, kind: object, place: object, named: object, evidence: object, anchor: object, *names: object
    ) -> bool:
        if missing(project) or missing(anchor) or missing(place) or kind not in PARTS_OF_A_PLACE:
            return True
        if not isinstance(named, frozenset) or place not in named or not isinstance(evidence, str):
            return True
        return names_in(evidence, names_of(*names))

    columns = [
        "project_id",
        "project_id__kind",
        "project_id__place_id",
        "places_named",
        "evidence",
        "subject_text",
        "project_id__name",
        "project_id__name_zh",
        "project_id__aliases",
        "project_id__part_names",
    ]
    return each_row(view, columns, fits)
