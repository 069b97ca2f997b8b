"""The package's names as search reads them: each folded name of a place, enterprise, project or event edition ->
the subjects it names (with every name of theirs), a project standing for its parts, a name read with or without a
company's legal form, and a query that is part of a few subjects' names standing for them. Read once per loaded
package (search_kept); search_query reads a query against them."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..text.fold import casefolded as fold
from .search_kept import kept_with
from .search_lexicon import normalised, small_words
from .search_words import LATIN, TextIndex, phrase_in, stems

# The tables whose rows a name stands for, by the key column the figures name them in: an event edition too
# ("Second World Internet Conference", wic-2015), whose figures carry its `event_id` (trial 9 V4).
SUBJECTS = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects", "event_id": "events"}
# Whose names are never taken as part of others' (part_of_names): a place's name inside a project's, and an
# edition's, which holds its conference's name ("World Internet Conference" in every summit's name).
WHOLE_NAMES_ONLY = frozenset({"place_id", "event_id"})
PART_OF_NAMES_AT_MOST = 3  # subjects a part of their names may stand for (see part_of_names)


Owner = tuple[str, str, tuple[str, ...]]  # (subject column, id, every folded name of that subject)


class Names(dict[str, list[Owner]]):
    """Folded name -> the subjects it names, and an index of the names (search_words.TextIndex, made on first use)
    that part_of_names reads: which names can hold a query, so it matches those, not all of them."""

    index: TextIndex | None = None
    # (subject column, id) -> its parts (projects whose parent_id it is), set by read_names
    parts: dict[tuple[str, str], list[Owner]] | None = None
    # the subjects a name names -> those one of whose names holds one of theirs (read_within), made on use
    within: dict[tuple[frozenset[str], frozenset[tuple[str, str]]], list[Owner]] | None = None

    def kept_within(self) -> dict[tuple[frozenset[str], frozenset[tuple[str, str]]], list[Owner]]:
        """This package's read_within answers (each Names its own dict, made on first use)."""
        if self.within is None:
            self.within = {}
        return self.within

    def name_index(self) -> TextIndex:
        if self.index is None:
            self.index = TextIndex.of_folded(self)
        return self.index


def names(frames: dict[str, pd.DataFrame]) -> Names:
    """Folded name -> the subjects it names: (subject column, id, every folded name of that subject); read once per
    loaded package (kept_with its subject tables and lexicon, whose possessives a name is normalised with). Not to be
    changed by the caller."""
    tables = tuple(frames[t] for t in (*SUBJECTS.values(), "lexicon") if t in frames)
    return kept_with(tables, "names", lambda: read_names(frames))


def read_names(frames: dict[str, pd.DataFrame]) -> Names:
    out = Names()
    possessives = small_words(frames).possessives
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
            if column == "event_id":  # an edition has no aliases; its id is the name the CLI takes (--subject)
                given.append(str(key))
            # each name as written (folded) and as a query of it is read (normalised: without the quotes and
            # brackets at its words' edges), so '"Focus on Tongxiang · Meet in Wuzhen" ...' is its own name
            # when searched (trial 9 V3)
            folded = [fold(n.strip()) for n in given if n.strip()]
            forms = tuple(f for f in dict.fromkeys([*folded, *(normalised(n, possessives) for n in folded)]) if f)
            for form in forms:
                out.setdefault(form, []).append((column, str(key), forms))
    out.parts = parts_of(frames.get("projects"), out)
    return out


def parts_of(projects: pd.DataFrame | None, known: Names) -> dict[tuple[str, str], list[Owner]]:
    """(project_id, id) -> the projects whose parent_id it is, as Owners (their every name): a name of a project
    stands for its parts too, as their rows are about it (trial 11 W1: the conference's Digital Economy Industry
    Cooperation Conference, 数字经济产业合作大会, holds none of the conference's Chinese names)."""
    if projects is None or not {"project_id", "parent_id"} <= set(projects.columns):
        return {}
    forms_of = {key: forms for owners in known.values() for column, key, forms in owners if column == "project_id"}
    out: dict[tuple[str, str], list[Owner]] = {}
    for key, parent in zip(projects["project_id"], projects["parent_id"], strict=True):
        if isinstance(parent, str) and isinstance(key, str) and key in forms_of:
            out.setdefault(("project_id", parent), []).append(("project_id", key, forms_of[key]))
    return out


def with_parts(owners: Iterable[Owner], known: Names) -> list[Owner]:
    """The subjects and their parts, every level down (projects.parent_id), each once: a part of a part is a part
    (a cycle, the rules' finding, ends where it meets a subject already taken)."""
    parts = known.parts if isinstance(known, Names) and known.parts is not None else {}
    out: dict[tuple[str, str], Owner] = {}
    waiting = list(owners)
    while waiting:
        owner = waiting.pop(0)
        if (owner[0], owner[1]) not in out:
            out[(owner[0], owner[1])] = owner
            waiting += parts.get((owner[0], owner[1]), [])
    return list(out.values())


def read_within(folded: str, known: Names, whole: set[tuple[str, str]]) -> list[Owner]:
    """The subjects a whole name stands for besides its own: those one of whose names holds any name of its own
    projects (part_of_names of each), so that every name of a project, in either language, stands for the same
    subjects (trial 11 W1: "World Internet Conference" is in the English names of three of its parts, 世界互联网大会
    in the Chinese name of one). Kept per subjects named in the package's Names (each of a subject's names reads
    the same)."""
    owners = known.get(folded, [])
    # A project's names only: an enterprise's short name may stand for more than its full one (巨石 for both Jushi
    # companies, 巨石集团 for Jushi Group alone; trial 9), as decided there.
    every = dict.fromkeys([folded, *(form for column, _, forms in owners if column == "project_id" for form in forms)])
    key = (frozenset(every), frozenset(whole))  # alike for every name of a project, the name itself otherwise
    kept = known.kept_within()
    if key in kept:
        return kept[key]
    found: dict[tuple[str, str], Owner] = {}
    for name in every:
        for owner in part_of_names(name, known, whole):
            found.setdefault((owner[0], owner[1]), owner)
    kept[key] = list(found.values())
    return kept[key]


def with_company_suffix(folded: str, suffixes: tuple[str, ...], known: Names) -> list[tuple[str, str, tuple[str, ...]]]:
    """The companies whose name is the query and a company suffix (巨石 + 集团 = 巨石集团): the query is their short
    name, as an English alias (Jushi) is, so the other names it is part of are not counted against it (see
    part_of_names; trial 8: 巨石 found 8 rows, Jushi 29)."""
    if len(folded) < 2:
        return []
    out = []
    for suffix in suffixes:
        latin = bool(LATIN.match(suffix))
        out += known.get(f"{folded} {suffix}" if latin else folded + suffix, [])
    return [owner for owner in out if owner[0] != "place_id"]


def without_company_suffix(folded: str, suffixes: tuple[str, ...], known: Names) -> str | None:
    """The query without the company suffixes at its end, when that is a name or part of names (新凤鸣集团股份有限公司
    -> 新凤鸣, 桐昆股份 -> 桐昆, "tongkun group co ltd" -> tongkun group), else None. The English side already
    finds "Xin Feng Ming Group" as a name; the Chinese side wrote 集团 and found only the holding's row (trial 7 S3).
    A name that holds the suffix itself (新凤鸣控股集团有限公司, the holding) is found whole before this."""
    current = folded
    while True:
        for suffix in suffixes:
            latin = bool(LATIN.match(suffix))
            if not current.endswith(suffix) or len(current) <= len(suffix):
                continue
            rest = current[: -len(suffix)]
            if latin and not rest.endswith(" "):
                continue  # a Latin suffix is whole words: "grouping" holds no "group"
            rest = rest.strip(" ,.")
            if rest in known or part_of_names(rest, known):
                return rest
            current = rest
            break
        else:
            return None


def part_of_names(
    folded: str, known: Names, named: set[tuple[str, str]] | None = None
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The enterprises and projects one of whose names holds the whole query: Latin as whole words in any of
    their forms ("light of wuzhen" in '"light of wuzhen" supercomputing center', supercomputer in it too, never "hub"
    in "hubei"), Chinese anywhere (超算 in
    “乌镇之光”超算中心). Places are left out: a place's name inside a project's ("Wuzhen" in "Wuzhen Internet
    Hospital") must not turn a search for the place into one for every project named after it; a name of a place
    is found whole, above. A query of fewer than 4 Latin or 2 Chinese characters names nothing this way, nor one
    found in the names of more than PART_OF_NAMES_AT_MOST subjects besides those it is a whole name of (`named`)."""
    latin = bool(LATIN.match(folded))
    if len(folded) < (4 if latin else 2):
        return []
    wanted = stems(folded) if latin else ()
    found: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
    for name, owners in candidate_names(folded, known, bool(wanted) or not latin):
        # Latin: whole words, in any of their forms (supercomputer in "... Supercomputing Center"); Chinese: anywhere
        if phrase_in(wanted, stems(name), prefix=False) if latin else folded in name:
            for column, key, forms in owners:
                if column not in WHOLE_NAMES_ONLY:
                    found.setdefault((column, key), (column, key, forms))
    # A word in many names ("internet", "park") identifies none of them: it is searched as a word only.
    others = [k for k in found if k not in (named or set())]
    return list(found.values()) if len(others) <= PART_OF_NAMES_AT_MOST else []


def candidate_names(folded: str, known: dict[str, list[Owner]], indexed: bool) -> Iterable[tuple[str, list[Owner]]]:
    """The names part_of_names matches `folded` against, in their order: with `indexed`, those the names' index
    says can hold it (Names.name_index; a Latin query with no word would be in every name, so it is not
    `indexed`), else all."""
    if not indexed or not isinstance(known, Names):
        return known.items()
    keys = list(known)
    return ((keys[n], known[keys[n]]) for n in sorted(known.name_index().could_match(folded)))


def is_place(name: str, known: Names) -> bool:
    return any(column == "place_id" for column, _, _ in known.get(name, []))
