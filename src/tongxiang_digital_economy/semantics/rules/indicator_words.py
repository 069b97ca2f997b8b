"""Rules that anchor what a figure measures in its words: the indicator's `written_forms` (data, like the units')
occur in the evidence, folded (OpenCC simplified, case folded, Latin forms as whole words), not inside another
indicator's longer words nor the subject's own name; its required words say how it counts; and a figure whose
clause counts or names as a neighbouring indicator does is that neighbour's.

Why a module: these rules ask what is measured, of the indicator's words (semantics/indicator_forms.py), before
the rules of which figure it is (rules/which_figure.py) and whose (rules/anchors.py); rules.MODULES lists it
first of the three, the order the report gives them in.
"""

from __future__ import annotations

import pandas as pd

from ...text.fold import INSERTED_PINYIN, loose
from ..indicator_forms import forms_in, required_groups
from .registry import each_row, rule

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
