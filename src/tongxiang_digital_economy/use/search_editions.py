"""A recurring event named with a year or an ordinal: "WIC 2023", 2023年乌镇峰会, "2023 Wuzhen Summit",
第二届世界互联网大会, "the 2nd World Internet Conference".

Why: an edition was found by its whole name only ("2023 World Internet Conference Wuzhen Summit", its id); with the
year put another way the query was read as words to find in one cell, and found 0 to 35 rows of the edition's 16
figures depending on the words and the language, with no hint that an edition exists (trial 12 W3).

How: a query that is no name is cut into a year (1900-2099, with 年 or not, beside the name or apart) or an
edition's ordinal (the lexicon's ordinal words: 第N届, 首届, a number with an English ordinal suffix, 2nd; or an
English ordinal word, text.numerals) and the rest. When the rest is
- an edition's name with its own year or ordinal taken out the same way ("World Internet Conference Wuzhen Summit"
  of 2023's name, 世界互联网大会乌镇峰会 of its Chinese name, "World Internet Conference" of "Second World Internet
  Conference"), that edition is named when the query's year or ordinal is its own;
- else a name of a project that has editions in the events table (every name search reads for it: name, name_zh,
  aliases), its editions held in that year (the year of `start`) or numbered so (`events.edition`) are named.
The query is then read as the names of the editions it names (their rows, in either language; the answer's block
gives `series … --subject <event_id>`). When the rest is such a project's name but no edition is of that year or
number, the reading names no edition and says which editions the project has (`note`): the events table numbers
the conference's editions up to the sixth (2019), and no source numbers a later one, so 第十届 names none.

An edition and a measure ("WIC 2023 investment", 2023年乌镇峰会投资, "2023 Wuzhen Summit guests"): when the rest
is no name as a whole, it is cut as a subject-and-measure query is (search_splits) into a recurring event's name
and words that name indicators; the reading then names the edition and the measure, and search finds the
edition's figures of those indicators (and says when it has none, with the years the event has them). The
edition's figures are those whose `event_id` is the edition and those of the event or one of its parts
(`projects.parent_id`) without an `event_id` whose period lies within the edition's days: an `event_id` is
filled where a text names the edition, and a part held at the summit (the young leaders selected on its days) is
of that edition by its dates alone. A figure of another span of the year (entries up to the summit, a total since
2014) is no edition's, and is found by the event's name and the measure without the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from ..semantics.editions_named import ordinal_pattern, ordinal_words, whole
from ..text.numerals import ORDINAL_WORDS, number_spans
from ..text.period_lexicon import cn_int
from .search_index import named_indicators
from .search_kept import kept_with
from .search_lexicon import normalised, normalised_in, small_words
from .search_names import names
from .search_query import Query, Term, parse
from .search_splits import in_word_forms, subject_splits, without_connectives, without_han_edges
from .search_years import year_beside_name

EDGES = " ·・"  # what a year or an ordinal leaves at the rest's edges besides connectives: a space, a middle dot


@dataclass(frozen=True)
class Cut:
    """A query cut into the rest and the year or the ordinal it writes (one of them), as written (`said`)."""

    rest: str
    year: int | None
    ordinal: int | None
    said: str


@dataclass(frozen=True)
class EditionReading:
    """The editions a query names by a recurring event's name and a year or ordinal, and the projects whose name it
    uses; `note` says why none is named (no edition of that year or number)."""

    editions: tuple[str, ...]
    projects: tuple[str, ...]
    said: str
    note: str
    query: Query | None  # the query read as the editions' names (None when no edition is named)
    measure: str = ""  # the words naming a measure beside the edition's name ("investment"), or ""
    measured: frozenset[str] = frozenset()  # the indicators `measure` names


def cuts(folded: str, frames: dict[str, pd.DataFrame]) -> Iterator[Cut]:
    """Every way the normalised query holds one year or one edition's ordinal, and the rest without it."""
    lexicon = frames.get("lexicon")
    words, suffixes = ordinals(lexicon)
    found: list[tuple[int, int, int | None, int | None]] = []
    small = small_words(frames)
    found += [(m.start(), m.end(), int(m.group(1)), None) for m in year_beside_name(small.year_words).finditer(folded)]
    pattern = ordinal_pattern(words)
    for m in pattern.finditer(folded) if pattern is not None else ():
        number = 1 if m.group(1) is None else int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        found.append((m.start(), m.end(), None, number or None))
    for m in re.finditer(r"[a-z0-9]+(?:-[a-z]+)?", folded):  # 2nd, tenth, twenty-first: a word of its own
        word = m.group(0)
        digits = re.fullmatch(r"(\d{1,2})([a-z]+)", word)
        if (digits and digits.group(2) in suffixes) or word.split("-")[-1] in ORDINAL_WORDS:
            spans = number_spans(word)
            number = int(digits.group(1)) if digits else int(spans[0].value) if len(spans) == 1 else None
            found.append((m.start(), m.end(), None, number))
    for start, end, year, ordinal in found:
        rest = without_han_edges(" ".join(f"{folded[:start]} {folded[end:]}".split()), small.connectives, EDGES)
        if rest and (year is not None or ordinal is not None):
            yield Cut(rest, year, ordinal, folded[start:end])


def ordinals(lexicon: pd.DataFrame | None) -> tuple[tuple[str, str, str], list[str]]:
    """The lexicon's ordinal words (ordinal_words) and its ordinal suffixes, read once per loaded lexicon
    (kept_with): read per query, they were a tenth of a search's time."""
    if lexicon is None:
        return ordinal_words(None), []
    return kept_with(
        (lexicon,), "ordinals", lambda: (ordinal_words(lexicon), [w for w in words_of(lexicon, "suffix") if w])
    )


def words_of(lexicon: pd.DataFrame | None, meaning: str) -> list[str]:
    """The lexicon's `ordinal_word` terms of one meaning (`suffix`: th, st, nd, rd), folded."""
    if lexicon is None or not {"term", "category", "meaning"} <= set(lexicon.columns):
        return []
    rows = lexicon.loc[(lexicon["category"] == "ordinal_word") & (lexicon["meaning"] == meaning), "term"]
    return [normalised(str(t)) for t in rows.dropna()]


@dataclass(frozen=True)
class Editions:
    """The events table as the reading needs it: each edition's project, year and number, the editions by their
    names cut (rest, year, ordinal), and the recurring projects by each of their names."""

    project: dict[str, str]
    year: dict[str, int | None]
    number: dict[str, int | None]
    by_cut: dict[tuple[str, int | None, int | None], tuple[str, ...]]
    by_name: dict[str, tuple[str, ...]]

    def of(self, projects: tuple[str, ...], cut: Cut) -> tuple[str, ...]:
        """The editions of these projects held in the cut's year, or numbered with its ordinal."""
        return tuple(
            key
            for key, owner in self.project.items()
            if owner in projects
            and (self.year[key] == cut.year if cut.year is not None else self.number[key] == cut.ordinal)
        )


def editions(frames: dict[str, pd.DataFrame]) -> Editions:
    """Editions of the package's events, read once per loaded events table (kept_with it)."""
    events = frames["events"]
    tables = (events, *(frames[t] for t in ("projects", "lexicon") if t in frames))
    return kept_with(tables, "editions", lambda: read(frames))


def read(frames: dict[str, pd.DataFrame]) -> Editions:
    events = frames["events"]
    project: dict[str, str] = {}
    year: dict[str, int | None] = {}
    number: dict[str, int | None] = {}
    by_cut: dict[tuple[str, int | None, int | None], list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for row in events.itertuples(index=False):
        key, owner = str(row.event_id), row.project_id
        if not isinstance(owner, str):
            continue
        project[key] = owner
        start = str(row.start) if isinstance(row.start, str) else ""
        year[key] = int(start[:4]) if start[:4].isdigit() else None
        number[key] = whole(row.edition)
        for name in (getattr(row, "name", None), getattr(row, "name_zh", None)):
            if isinstance(name, str) and normalised_in(name, frames):
                for cut in cuts(normalised_in(name, frames), frames):
                    by_cut.setdefault((cut.rest, cut.year, cut.ordinal), []).append(key)
                    # its name without its year or number names its event, of any year ("Digital Economy Industry
                    # Cooperation Conference 2022" from 2024's name)
                    by_name.setdefault(cut.rest, []).append(owner)
    recurring = set(project.values())
    for name, owners in names(frames).items():
        for column, key, _ in owners:
            if column == "project_id" and key in recurring:
                by_name.setdefault(name, []).append(key)
    return Editions(
        project,
        year,
        number,
        {k: tuple(dict.fromkeys(v)) for k, v in by_cut.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in by_name.items()},
    )


def edition_reading(text: str, frames: dict[str, pd.DataFrame]) -> EditionReading | None:
    """The editions the query names by a recurring event's name and a year or ordinal (see the module docstring);
    None when it is no such name."""
    held = editions(frames)
    folded = normalised_in(text, frames)
    unmatched: EditionReading | None = None
    for cut in cuts(folded, frames):
        named = held.by_cut.get((cut.rest, cut.year, cut.ordinal), ())
        projects = held.by_name.get(cut.rest, ())
        if not named and projects:
            named = held.of(projects, cut)
        if named:
            owners = tuple(dict.fromkeys(held.project[key] for key in named))
            return EditionReading(named, owners, cut.said, "", read_as(named, frames))
        if projects and unmatched is None:
            unmatched = EditionReading((), projects, cut.said, none_such(cut, projects, held), None)
    return unmatched or edition_and_measure(folded, frames, held)


def edition_and_measure(folded: str, frames: dict[str, pd.DataFrame], held: Editions) -> EditionReading | None:
    """The query as an edition's name and a measure ("WIC 2023 investment"): each cut of it into a year or ordinal
    and the rest, the rest cut into an event's name (the longest first) and words that name indicators; None when
    no cut reads so. An event's name with a year no edition has is said as for a name alone (`note`)."""
    for cut in cuts(folded, frames):
        for name, rest in subject_splits(cut.rest, small_words(frames).possessives):
            projects = held.by_name.get(name, ())
            named = held.by_cut.get((name, cut.year, cut.ordinal), ())
            if not (named or projects):  # most cuts name no event: nothing more is read of them
                continue
            named = named or held.of(projects, cut)
            measure = without_connectives(rest, small_words(frames).connectives)
            if len(measure.replace(" ", "")) < 2:
                continue
            wanted = named_indicators(in_word_forms(parse(measure, frames)), frames, measure=True)
            if not wanted:
                continue
            if not named:
                return EditionReading((), projects, cut.said, none_such(cut, projects, held), None, measure, wanted)
            owners = tuple(dict.fromkeys(held.project[key] for key in named))
            return EditionReading(named, owners, cut.said, "", read_as(named, frames), measure, wanted)
    return None


def edition_figures(named: tuple[str, ...], frames: dict[str, pd.DataFrame]) -> pd.Series:
    """Which rows of the indicators table are the editions' figures (see the module docstring): their `event_id`
    is one of them, or they have none, are about the edition's event or a part of it, and are flows over exactly
    the edition's days (a stock on one of its days, the organisation's members on the opening day, is the event's
    at that date, not the edition's)."""
    figures, events = frames["indicators"], frames["events"].set_index("event_id")
    linked = figures["event_id"].isin(named).fillna(False).astype(bool)
    definitions = frames["indicator_definitions"]
    flows = set(definitions.loc[definitions["temporal"] == "flow", "indicator"])
    projects = frames.get("projects")
    candidates = figures["event_id"].isna() & figures["indicator"].isin(flows)
    over = pd.Series(False, index=figures.index)
    for key in named:
        owner = events.at[key, "project_id"]
        parts = {owner}
        if projects is not None and "parent_id" in projects:
            parts |= set(projects.loc[projects["parent_id"] == owner, "project_id"])
        days = [str(events.at[key, d]) for d in ("start", "end")]
        if not all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in days):  # an edition without its days: none
            continue
        on_its_days = (figures["period_start"] == pd.Timestamp(days[0])) & (
            figures["period_end"] == pd.Timestamp(days[1])
        )
        over |= (figures["project_id"].isin(parts) & on_its_days & candidates).fillna(False).astype(bool)
    return linked | over


def read_as(named: tuple[str, ...], frames: dict[str, pd.DataFrame]) -> Query:
    """The query that the editions' names are: one edition's as `parse` reads its id; several, any of their names
    (each term's forms joined), about all of them."""
    read = [parse(key, frames) for key in named]
    if len(read) == 1:
        return read[0]
    forms = tuple(dict.fromkeys(f for q in read for t in q.terms for f in t.forms))
    subjects: dict[str, frozenset[str]] = {}
    for q in read:
        for column, ids in q.subjects.items():
            subjects[column] = subjects.get(column, frozenset()) | ids
    own = tuple(dict.fromkeys(f for q in read for f in q.own))
    return Query(named[0], (Term(forms, named[0]),), subjects, True, own, frozenset().union(*(q.parts for q in read)))


def none_such(cut: Cut, projects: tuple[str, ...], held: Editions) -> str:
    """Why a recurring event's name with a year or number names no edition, and the editions it has."""
    asked = f"in {cut.year}" if cut.year is not None else f"numbered {cut.ordinal}"
    mine = sorted((held.year[k] or 0, k) for k, owner in held.project.items() if owner in projects)
    listed = ", ".join(
        f"{key} ({year or 'undated'}{f', no. {held.number[key]}' if held.number[key] is not None else ''})"
        for year, key in mine
    )
    return f"{' and '.join(projects)} has no edition {asked} in the events table; its editions: {listed}"
