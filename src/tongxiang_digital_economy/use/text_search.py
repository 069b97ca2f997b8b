"""Find every row that mentions something: names, definitions, evidence, notes and aliases, in any script and
either language, and the indicators a word leads to.

How a query matches a cell:

- Scripts and case fold alike: both sides go to simplified script with OpenCC (t2s) and to lower case, so 乌镇
  finds the 烏鎮 rows and WUZHEN finds Wuzhen.
- A name finds its other names: a query (or one of its words) that is the name, Chinese name or an alias of a
  place, enterprise or project stands for all of them, so "Wuzhen" and 乌镇 find the same rows; the rows about
  that subject (its `place_id`, `enterprise_id` or `project_id`) are found too, named by their subject column.
  A query that is part of the names of at most three enterprises or projects ("Light of Wuzhen", supercomputing,
  超算) stands for them the same way, so an English and a Chinese query find the same rows about them.
- English words match by word and word form: every word of the query must begin a word of the cell, singular
  or plural alike, in any order, so "core industry" finds "core digital-economy industries". Chinese has no
  spaces between words: a Chinese part of four or more characters is read as pieces of two (the last takes an odd
  character), found in any order within one clause of the cell (no comma, full stop or enumeration comma between
  them), so 财政收入 finds 财政总收入 as "fiscal revenue" finds "total fiscal revenue", and 签约项目 finds
  新签约内外资项目 as "signed projects" finds "projects signed"; a shorter part matches anywhere in the cell.
- A query that names an indicator (its id's words, its label, one of its written forms or search words, or the
  Chinese term its definition glosses first, in either language, matches it) finds the figures of that
  indicator too, named by their `indicator` column: "fiscal revenue" and 财政收入 find the same figures, though
  the evidence of most is written in Chinese. The indicators listed are exactly those named, so each listed
  indicator's figures are among the rows; a definition that only mentions the words ("not the town's fiscal
  revenue") is found as a row of indicator_definitions, not as an indicator. Different words ("visitors",
  "tourists", 游客) name different indicators; `search` lists each indicator's written forms, the words to try
  in the other language. Search words (`search_words`: "visitors" for the tourist arrivals its
  sources write as 接待游客 and "tourists") find an indicator as its written forms do, but no rule
  reads them: a written form also proves which indicator a figure is, and a word no text writes for
  the indicator, or one two neighbours share, would prove it of the wrong one.

A query is read without its quotes and the punctuation at its words' edges (normalised): '"core industry"',
'"乌镇"', 'gdp?' and 'Wuzhen,' find what core industry, 乌镇, gdp and Wuzhen find; a user copies a phrase with
its quotes or asks a question, and a quote or comma kept would be a character to match (trial 7 S5).

Which columns are searched follows from the Table Schemas, never a list kept here: every string column that is
free text, i.e. not a key, not a foreign key and not constrained to an enum or a pattern (identifiers and codes
would match every row about a place and drown the answer).

`theme` (indicator_definitions.theme) narrows the search to the indicators and definitions of one theme, and a
theme alone lists them all: `search("", theme="investment")`. An empty query without a theme is refused.
`indicators(text)` is the discovery step: each indicator the query names, with its label, subjects, years and
the command that gives its series.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import pandas as pd

from ..core.exceptions import EmptyQueryError, SearchError
from ..core.paths import package_dir
from ..core.suggest import did_you_mean
from ..io.load import finished, load_error, read_resource
from ..io.reader import check_foreign_keys
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import key_columns
from ..schema.keys import primary_key as key_fields_of
from ..text.clauses import CLAUSE_END
from ..text.fold import casefolded as fold

COLUMNS = ["table", "key", "column", "text", "source_id"]
SUBJECTS = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects"}
WORD = re.compile(r"[a-z0-9]+")
LATIN = re.compile(r"^[a-z0-9\s\-_'.,&/]+$")
HAN = re.compile(r"^[\u3400-\u9fff]+$")
# What ends a clause (text.clauses, the one reader of clauses), and for search also an enumeration comma and the
# '|' between written forms: a Chinese query's pieces stay within one.
CLAUSE = re.compile(CLAUSE_END.pattern + r"|[、|]")
HAN_PIECE = 2  # characters per piece of a Chinese query
PART_OF_NAMES_AT_MOST = 3  # subjects a part of their names may stand for (see part_of_names)
QUOTES = "\"'“”‘’「」『』"  # ASCII and CJK quotes
EDGE_PUNCTUATION = "?,.;:!？，。；：！、"  # what may end (or begin) a word of a query without being part of it


def stem(word: str) -> str:
    """An English word's singular, roughly: industries -> industry, conferences -> conference, gdp -> gdp."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=131072)
def stems(text: str) -> tuple[str, ...]:
    """The word stems of a folded text."""
    return tuple(stem(w) for w in WORD.findall(text))


def normalised(text: str) -> str:
    """The query as it is matched: folded (see text.fold), white space one space, and each word without the quotes
    and punctuation at its edges ('"core industry"' -> core industry, 'Wuzhen,' -> wuzhen, 'gdp?' -> gdp), so
    these are not characters to find (trial 7 S5). Inside a word they stay: "xi'an", "u.s". The one place a
    query is normalised, so `search`, `indicators` and the CLI read a query alike."""
    edges = QUOTES + EDGE_PUNCTUATION
    words = (word.strip(edges) for word in fold(text).split())
    return " ".join(word for word in words if word)


@dataclass(frozen=True)
class Term:
    """One part of a query: any of `forms` matches (a name's other names are its forms)."""

    forms: tuple[str, ...]

    def matches(self, folded: str) -> bool:
        return any(form_matches(form, folded) for form in self.forms)


@functools.lru_cache(maxsize=4096)
def han_pieces(form: str) -> tuple[str, ...]:
    """The pieces of a Chinese form of four or more characters: two characters each, the last taking an odd one
    (empty: too short to split, or not all Chinese). Chinese writes no spaces, so these stand for an English
    query's words."""
    if not HAN.match(form) or len(form) < 2 * HAN_PIECE:
        return ()
    cuts = list(range(0, len(form) - len(form) % HAN_PIECE, HAN_PIECE))
    pieces = [form[a : a + HAN_PIECE] for a in cuts]
    pieces[-1] += form[cuts[-1] + HAN_PIECE :]
    return tuple(pieces)


def in_one_clause(pieces: tuple[str, ...], folded: str) -> bool:
    """Every piece in one clause of the cell, in any order, as an English query's words are found in any order:
    签约项目 finds 新签约内外资项目 and 32个重大项目集中签约, but 财政 and 收入 in two clauses are not 财政收入."""
    return any(all(p in clause for p in pieces) for clause in CLAUSE.split(folded) if pieces[0] in clause)


def form_matches(form: str, folded: str) -> bool:
    """A Latin form matches by words, in order and side by side (each of its words begins the next word of the
    cell: "light of wuzhen" is a phrase, so "the Light of the Internet Expo in Wuzhen" is not it, trial 4 m6), a
    Chinese one by its pieces within one clause (see in_one_clause), any other by substring. A query of several
    words that names nothing is split into words before this (Query.terms), each found anywhere in the cell."""
    if not LATIN.match(form):
        if form in folded:
            return True
        pieces = han_pieces(form)
        return bool(pieces) and in_one_clause(pieces, folded)
    wanted = stems(form)
    if not wanted:
        return form in folded
    have = stems(folded)

    def begins(h: str, w: str) -> bool:
        return h.startswith(w) if len(w) >= 3 else h == w

    return any(all(begins(have[i + k], w) for k, w in enumerate(wanted)) for i in range(len(have) - len(wanted) + 1))


@dataclass(frozen=True)
class Query:
    """A parsed query: its terms (all must match a cell) and the subjects it names (column -> ids)."""

    text: str
    terms: tuple[Term, ...]
    subjects: dict[str, frozenset[str]]

    def matches(self, cell: str) -> bool:
        folded = fold(cell)
        return all(term.matches(folded) for term in self.terms)


def every_table(path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table, typed, each file read once (a search looks at all of them): a LoadError as `load` gives it."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    reads = {str(res["name"]): read_resource(base, res) for res in descriptor["resources"]}
    broken = check_foreign_keys(reads)
    frames = {}
    for name, read in reads.items():
        errors = read.errors + [p for p in broken if p.table == name]
        if errors or read.frame is None:
            raise load_error(name, errors)
        frames[name] = finished(read, reads)
    return frames


def names(frames: dict[str, pd.DataFrame]) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """Folded name -> the subjects it names: (subject column, id, every folded name of that subject)."""
    out: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for column, table in SUBJECTS.items():
        if table not in frames:
            continue
        frame = frames[table]
        name_columns = [c for c in ("name", "name_zh", "legal_name") if c in frame.columns]
        aliases = frame["aliases"] if "aliases" in frame.columns else pd.Series(pd.NA, index=frame.index)
        for key, alias, *written in zip(frame[column], aliases, *(frame[c] for c in name_columns), strict=True):
            given = [str(n) for n in written if pd.notna(n)]
            if pd.notna(alias):
                given += str(alias).split("|")
            forms = tuple(dict.fromkeys(fold(n.strip()) for n in given if n.strip()))
            for form in forms:
                out.setdefault(form, []).append((column, str(key), forms))
    return out


def parse(text: str, frames: dict[str, pd.DataFrame]) -> Query:
    """The query's terms: the whole text when it is a name, else each word, a name standing for all its names."""
    folded = normalised(text)
    known = names(frames)
    subjects: dict[str, set[str]] = {}

    def term(part: str) -> Term:
        if part not in known:
            return Term((part,))
        forms: list[str] = []
        for column, key, all_forms in known[part]:
            subjects.setdefault(column, set()).add(key)
            forms += all_forms
        return Term(tuple(dict.fromkeys(forms)))

    # A name of an enterprise or project that is also part of others' names (Huayou: Huayou Cobalt's alias, and part
    # of Huayou POSCO's name) stands for all of them, as 华友 finds both (trial 6 r10); a place's name never does.
    of_places = any(column == "place_id" for column, _, _ in known.get(folded, []))
    whole = {(column, key) for column, key, _ in known.get(folded, [])}
    within = part_of_names(folded, known, whole) if not of_places else []
    if within:
        # A part of names ("Light of Wuzhen", 超算): the subjects so named stand for all their names.
        forms = [folded]
        for column, key, all_forms in within:
            subjects.setdefault(column, set()).add(key)
            forms += all_forms
        terms: tuple[Term, ...] = (Term(tuple(dict.fromkeys(forms))),)
    elif folded in known or " " not in folded:
        terms = (term(folded),)
    else:
        terms = tuple(term(p) for p in folded.split(" "))
    named = {c: frozenset(ids) for c, ids in subjects.items()} if len(terms) == 1 else {}
    return Query(text, terms, named)


def part_of_names(
    folded: str, known: dict[str, list[tuple[str, str, tuple[str, ...]]]], named: set[tuple[str, str]] | None = None
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The enterprises and projects one of whose names holds the whole query: Latin as whole words ("light of
    wuzhen" in '"light of wuzhen" supercomputing center', never "hub" in "hubei"), Chinese anywhere (超算 in
    “乌镇之光”超算中心). Places are left out: a place's name inside a project's ("Wuzhen" in "Wuzhen Internet
    Hospital") must not turn a search for the place into one for every project named after it; a name of a place
    is found whole, above. A query of fewer than 4 Latin or 2 Chinese characters names nothing this way, nor one
    found in the names of more than PART_OF_NAMES_AT_MOST subjects besides those it is a whole name of (`named`)."""
    latin = bool(LATIN.match(folded))
    if len(folded) < (4 if latin else 2):
        return []
    pattern = re.compile(r"(?<![a-z0-9])" + re.escape(folded) + r"(?![a-z0-9])") if latin else None
    found: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
    for name, owners in known.items():
        if folded in name and (pattern is None or pattern.search(name)):
            for column, key, forms in owners:
                if column != "place_id":
                    found.setdefault((column, key), (column, key, forms))
    # A word in many names ("internet", "park") identifies none of them: it is searched as a word only.
    others = [k for k in found if k not in (named or set())]
    return list(found.values()) if len(others) <= PART_OF_NAMES_AT_MOST else []


def text_columns(table: str, path: str | Path | None = None) -> list[str]:
    """The free-text string columns of a table, read from its Table Schema."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    keys = key_columns(schema)
    return [
        f["name"]
        for f in schema["fields"]
        if f.get("type", "string") == "string"
        and f["name"] not in keys
        and not {"enum", "pattern"} & set(f.get("constraints", {}))
    ]


def themes(path: str | Path | None = None) -> list[str]:
    """The indicator themes, as the schema of indicator_definitions lists them."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), "indicator_definitions"))
    return list(next(f for f in schema["fields"] if f["name"] == "theme")["constraints"]["enum"])


# A word character that is no underscore: a letter or digit of any script, Han characters included.
WORDLIKE = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether `text`, folded as every query is, holds a letter, digit or Han character: punctuation alone names
    nothing, and as a substring it is in nearly every cell."""
    return WORDLIKE.search(fold(text)) is not None


def search(text: str, theme: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Every cell that matches `text` (see the module docstring): one row per table, row key and column.

    Columns: `table`, `key` (the row's primary key, joined by `|` when it has several fields), `column`,
    `text` (the cell as written) and `source_id` (the source the row rests on, where the table has one). A
    row found because it is about the subject the query names has its subject column as `column`. With a
    `theme`, an empty `text` lists every row of the theme; without one, an empty `text` is an EmptyQueryError
    (a SearchError), and so is a `text` of no word at all (`.`, `-`: no letter, digit or Han character once
    folded), which would otherwise match every row. The indicators the query names are in `.attrs["indicators"]`
    (see `indicators`).
    """
    if theme is not None and theme not in themes(path):
        known = themes(path)
        raise SearchError(f"no theme {theme!r}; {did_you_mean(theme, known)}the themes are: {', '.join(known)}")
    if text.strip() and not has_words(text):
        raise EmptyQueryError(
            f"{text.strip()!r} holds no word to search for (a letter, digit or Han character); give words, or a "
            "theme (theme=)"
        )
    if not text.strip() and theme is None:
        raise EmptyQueryError("give words to search for (text=), or a theme (theme=)")
    frames = every_table(path)
    query = parse(text, frames) if text.strip() else Query("", (), {})
    named = named_indicators(query, frames["indicator_definitions"]) if text.strip() else frozenset()
    if named:
        query = Query(query.text, query.terms, {**query.subjects, "indicator": named})
    in_theme: set[str] | None = None
    if theme is not None:
        definitions = frames["indicator_definitions"]
        in_theme = set(definitions.loc[definitions["theme"] == theme, "indicator"])
    hits = []
    for table, frame in frames.items():
        if in_theme is not None:
            if "indicator" not in frame.columns:
                continue
            frame = frame[frame["indicator"].isin(in_theme)]
        key = primary_key(table, frame, path)
        columns = text_columns(table, path) or list(frame.columns[:1])
        if in_theme is not None:
            columns = ["indicator", *columns]
        found_rows: set[object] = set()
        for column in columns:
            cells = frame[column].dropna()
            matched = {v: query.matches(str(v)) for v in cells.unique().tolist()}  # once per distinct text
            found = cells[[matched[v] for v in cells.tolist()]]
            if len(found):
                found_rows.update(found.index)
                hits.append(hit_frame(table, key, frame, column, found))
        for column, ids in query.subjects.items():  # the rows about the subject the query names
            if column in frame.columns and column != key.name:
                about = frame.loc[frame[column].isin(ids) & ~frame.index.isin(list(found_rows)), column]
                if len(about):
                    hits.append(hit_frame(table, key, frame, column, about))
    everything = (
        pd.concat(hits, ignore_index=True).astype("string")
        if hits
        else pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    )
    if in_theme is not None:  # one row per matching row, not per column, when listing a theme
        everything = everything.drop_duplicates(subset=["table", "key"])
    everything = everything.reset_index(drop=True)
    everything.attrs["indicators"] = found_indicators(text, frames, theme)
    return everything


def named_indicators(query: Query, definitions: pd.DataFrame) -> frozenset[str]:
    """The indicators the query names: its id (as words), its label, one of its written forms or a Chinese term
    its definition glosses (see glosses) matches the query. A definition's passing mention, such as "not the
    town's fiscal revenue", names nothing: listing an indicator for it would promise figures that are not the
    query's."""
    named = set()
    for indicator, label, words, text in zip(
        definitions["indicator"],
        definitions["label"],
        search_vocabulary(definitions),
        definitions_text(definitions),
        strict=True,
    ):
        given = [str(indicator).replace("_", " "), str(label), *words]
        given += glosses(text)
        if any(query.matches(g) for g in given if g.strip()):
            named.add(str(indicator))
    return frozenset(named)


def words_of(definitions: pd.DataFrame, column: str) -> list[list[str]]:
    """Each definition's `|`-separated words of `column` (none where the column or the cell is missing)."""
    cells = definitions[column] if column in definitions else pd.Series(pd.NA, index=definitions.index)
    return [split_words(c) for c in cells]


def search_vocabulary(definitions: pd.DataFrame) -> list[list[str]]:
    """Each definition's words a query may name it by: its written forms, then its search words. Only search reads
    `search_words`: a written form also anchors figures (indicator-not-in-evidence), so a word no text writes
    for the indicator, or one its neighbour shares, is a search word and proves nothing about a figure."""
    return [
        [*written, *(w for w in extra if w not in written)]
        for written, extra in zip(
            words_of(definitions, "written_forms"), words_of(definitions, "search_words"), strict=True
        )
    ]


def definitions_text(definitions: pd.DataFrame) -> list[str]:
    cells = definitions["definition"] if "definition" in definitions else pd.Series("", index=definitions.index)
    return [str(c) if pd.notna(c) else "" for c in cells]


GLOSS = re.compile(r"\(([^()]*)\)")
HEAD_ENDS = re.compile(r";|\.(\s|$)|\b[Nn]ot\b|\bnor\b")
HAN_TERM = re.compile(r"^(?=.*[\u3400-\u9fff])[^a-zA-Z'\"]+$")  # Chinese, digits allowed (中国企业500强), no Latin


def glosses(definition: str) -> list[str]:
    """The Chinese terms a definition glosses in its head, before any ';', full stop or 'not': "Number of
    employees (员工) of an enterprise" -> 员工. These are the sources' words for the indicator; a term in a later
    clause ("not the rank by comprehensive strength (综合实力)") names something else."""
    outside = GLOSS.sub(lambda m: " " * len(m.group(0)), definition)  # a ';' inside a gloss ends nothing
    end = HEAD_ENDS.search(outside)
    head = definition[: end.start()] if end else definition
    parts = (p.strip() for m in GLOSS.finditer(head) for p in re.split(r"[,;、，]", m.group(1)))
    return [p for p in parts if HAN_TERM.match(p)]


def hit_frame(table: str, key: pd.Series, frame: pd.DataFrame, column: str, found: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "table": table,
            "key": key[found.index],
            "column": column,
            "text": found.astype("string"),
            "source_id": frame.loc[found.index, "source_id"] if "source_id" in frame else pd.NA,
        }
    )


def indicators(text: str, path: str | Path | None = None, theme: str | None = None) -> pd.DataFrame:
    """The indicators `text` names (see named_indicators; all of a theme when `text` is empty): each with
    its label, theme, subjects, its written forms in either language (the words to search for in the other),
    years, number of figures, and the command that gives its series."""
    return found_indicators(text, every_table(path), theme)


def found_indicators(text: str, frames: dict[str, pd.DataFrame], theme: str | None) -> pd.DataFrame:
    definitions = frames["indicator_definitions"]
    if theme is not None:
        definitions = definitions[definitions["theme"] == theme]
    if text.strip():
        query = parse(text, frames)
        wanted = normalised(text)
        exact = definitions["indicator"].map(lambda v: fold(str(v)) == wanted)
        # exactly the indicators whose figures `search` adds to its rows (see named_indicators)
        named = definitions["indicator"].isin(named_indicators(query, definitions))
        definitions = definitions[exact.astype(bool) | named]
        definitions = definitions.assign(_exact=exact[definitions.index]).sort_values(
            ["_exact", "indicator"], ascending=[False, True]
        )
    figures = frames["indicators"]
    rows = []
    for _, d in definitions.iterrows():
        column = f"{d['subject']}_id"
        mine = figures[figures["indicator"] == d["indicator"]]
        subjects = []
        for subject, group in mine.groupby(column, sort=True):
            years = sorted({int(y) for y in group["year"].dropna()})
            span = f"{years[0]}-{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "undated")
            subjects.append(f"{subject} ({span})")
        about = mine[column].dropna()
        # The command for the subject with the most figures; --subject is needed only when there are several.
        command = f"tongxiang-digital-economy series {d['indicator']}" + (
            f" --subject {about.value_counts().index[0]}" if about.nunique() > 1 else ""
        )
        rows.append(
            {
                "indicator": d["indicator"],
                "label": d["label"],
                "theme": d["theme"],
                "subject": d["subject"],
                "subjects": ", ".join(subjects),
                "written_forms": ", ".join(split_words(d.get("written_forms"))),
                "search_words": ", ".join(split_words(d.get("search_words"))),
                "figures": len(mine),
                "command": command if len(mine) else "",
                # why its figures are no series (indicator_definitions.not_comparable), so a reader knows first
                "not_comparable": d["not_comparable"] if isinstance(d.get("not_comparable"), str) else "",
            }
        )
    columns = ["indicator", "label", "theme", "subject", "subjects", "written_forms", "search_words", "figures"]
    columns.append("command")
    columns.append("not_comparable")
    return pd.DataFrame(rows, columns=columns).astype({c: "string" for c in columns if c != "figures"})


def split_words(cell: object) -> list[str]:
    """A `|`-separated cell as its words (none for a missing cell)."""
    return [w.strip() for w in cell.split("|") if w.strip()] if isinstance(cell, str) else []


def primary_key(table: str, frame: pd.DataFrame, path: str | Path | None = None) -> pd.Series:
    """Each row's primary key as text (fields joined by `|`), named for the key field when there is one."""
    base = package_dir(path)
    fields = key_fields_of(table_schema(base, resource(read_descriptor(base), table)))
    if not fields:
        return pd.Series([str(i + 2) for i in range(len(frame))], index=frame.index, dtype="string", name="")
    name = fields[0] if len(fields) == 1 else ""
    if not len(frame):  # a table with a header and no rows: `agg` over no rows gives a frame, not a column
        return pd.Series([], index=frame.index, dtype="string", name=name)
    # Column by column (a row-wise `agg` cost about 40% of a search: review of the suite's time, issue 15).
    parts = [frame[f].astype("string").fillna("") for f in fields]
    key = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key.astype("string").rename(name)


class Summary(TypedDict):
    rows: dict[str, int]
    sources: list[str]


def summary(hits: pd.DataFrame) -> Summary:
    """How many rows of each table mention the text, and which sources those rows rest on."""
    rows = hits.drop_duplicates(["table", "key"])
    return {
        "rows": {str(t): int(n) for t, n in rows["table"].value_counts(sort=False).items()},
        "sources": sorted(set(hits["source_id"].dropna())),
    }
