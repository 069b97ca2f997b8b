"""Whether the archived texts of an entity's name sources write its names, in one script and in both.

Why a module: the rules of names in two scripts read what the texts write, and the texts of a row are found only
across tables (its own source, its figures', its links'), which a rule reading one table's view cannot see;
semantics/identity.py adds these columns to the entity tables' views when the archive is read.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..text.fold import exact_key
from .answers import kept_reading
from .entity_names import ENTITY_TABLES, listed

# The tables whose rows tie a source to an entity (`name_sources`: its figures, its links). Where one did not load (a
# bad byte in indicators.csv), a name no text found may be written in a text only its rows tie: it is not judged
# (None), never said missing (trial 19 W5: 11 false errors told 9 companies and projects to rename themselves).
TYING = ("indicators", "project_enterprises")


def name_sources(frames: dict[str, pd.DataFrame], table: str) -> list[tuple[str, ...]]:
    """Each row's name sources: its `source_id`, its `name_zh_source_id`, and the sources of its figures
    (indicators) and links (project_enterprises), in that order, each once.

    Why these: a name is the row's only where a text about the row writes it. A text the data ties to the row
    (its own, its figures', its links') is one; `name_zh_source_id` names the text that gives the Chinese name
    when none of those does (a Chinese list naming a company whose row rests on an English text)."""
    frame = frames[table]
    id_column = ENTITY_TABLES[table]
    tied: dict[str, list[str]] = defaultdict(list)
    for other in ("indicators", "project_enterprises"):
        linked = frames.get(other)
        if linked is None or id_column not in linked or "source_id" not in linked:
            continue
        # Each (row, source) pair once, at its first place (the order the sources are listed in): a grown package's
        # 10^5 figures tie a few hundred pairs, and a place's list of 10^5 sources was read to drop its repeats.
        pairs = pd.DataFrame({"entity": linked[id_column], "source": linked["source_id"]}, copy=False)
        for entity, source in pairs.dropna().drop_duplicates().itertuples(index=False):
            if isinstance(entity, str) and isinstance(source, str):
                tied[entity].append(source)
    own = frame["source_id"] if "source_id" in frame else pd.Series(pd.NA, index=frame.index)
    zh = frame["name_zh_source_id"] if "name_zh_source_id" in frame else pd.Series(pd.NA, index=frame.index)
    return [
        tuple(dict.fromkeys(s for s in (first, second, *tied.get(str(entity), [])) if isinstance(s, str)))
        for entity, first, second in zip(frame[id_column], own, zh, strict=True)
    ]


def name_text_reads(table: str) -> dict[str, tuple[str, ...]]:
    """What name_text_columns reads of each table for `table`'s rows (traced by tests/test_kept_answers.py): the
    row's names and name sources, its figures' and links' sources, the sources' archived texts."""
    id_column = ENTITY_TABLES[table]
    return {
        table: (id_column, "source_id", "name_zh_source_id", "name", "name_zh"),
        "indicators": (id_column, "source_id"),
        "project_enterprises": (id_column, "source_id"),
        "sources": ("source_id", "archive_raw"),
    }


def kept_name_text_columns(frames: dict[str, pd.DataFrame], sources: pd.DataFrame, table: str) -> dict[str, pd.Series]:
    """name_text_columns, kept by the content of the columns it reads (answers.kept_reading): an edited figure's
    value reads no name against the texts again (it cost 20-25 ms of every validation of an edited copy)."""
    reads = name_text_reads(table)
    given = {**frames, "sources": sources}
    return kept_reading(
        ("names in texts", table),
        [(given.get(t), columns) for t, columns in reads.items()],
        lambda *read: name_text_columns(
            {t: f for t, f in zip(reads, read, strict=True) if f is not None and t != "sources"},
            read[-1],
            table,
        ),
    )


def name_text_columns(frames: dict[str, pd.DataFrame], sources: pd.DataFrame, table: str) -> dict[str, pd.Series]:
    """Whether the texts of each row's name sources write its `name` (`name_in_texts`), its `name_zh`
    (`name_zh_in_texts`), and both in one text (`names_in_one_text`); all folded for script, case, white space and
    punctuation (exact_key). NA where no text of the row's sources is archived (validated without `--archive`)
    or the row has not the name; `name_sources` lists the sources for the messages.

    Why: the rules of names in two scripts (extraction guide) read what the texts write, and a text of a row is
    found only across tables (its figures, its links), which a rule reading one table's view cannot see."""
    frame = frames[table]
    raw = dict(zip(sources["source_id"], sources["archive_raw"], strict=True))
    folded: dict[str, str] = {}

    def text(source: str) -> str | None:
        if source not in folded and isinstance(raw.get(source), str):
            folded[source] = exact_key(str(raw[source]))
        return folded.get(source)

    def key(value: object) -> str:
        return exact_key(value) if isinstance(value, str) and value.strip() else ""

    rows = name_sources(frames, table)
    # A name found is found; one not found is unknown while a table that ties texts to rows is missing (TYING).
    unknown = any(other not in frames for other in TYING)

    def judged(found: bool) -> bool | None:
        return True if found else None if unknown else False

    names = frame["name"] if "name" in frame else pd.Series(pd.NA, index=frame.index)
    chinese = frame["name_zh"] if "name_zh" in frame else pd.Series(pd.NA, index=frame.index)
    found_name: list[bool | None] = []
    found_zh: list[bool | None] = []
    found_both: list[bool | None] = []
    for ids, name, name_zh in zip(rows, names, chinese, strict=True):
        texts = [t for t in (text(s) for s in ids) if t is not None]
        latin, han = key(name), key(name_zh)
        found_name.append(judged(any(latin in t for t in texts)) if texts and latin else None)
        found_zh.append(judged(any(han in t for t in texts)) if texts and han else None)
        found_both.append(judged(any(latin in t and han in t for t in texts)) if texts and latin and han else None)
    return {
        "name_sources": pd.Series([listed(ids) for ids in rows], index=frame.index, dtype="string"),
        "name_in_texts": pd.Series(found_name, index=frame.index, dtype="boolean"),
        "name_zh_in_texts": pd.Series(found_zh, index=frame.index, dtype="boolean"),
        "names_in_one_text": pd.Series(found_both, index=frame.index, dtype="boolean"),
    }
