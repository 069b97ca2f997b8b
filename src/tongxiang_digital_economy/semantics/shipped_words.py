"""What the package this validator ships with says, for a package older than the validator: its lexicon (the
words its rules read, which an older copy's lexicon may lack a category of) and its tables' fields (a column a
rule reads that an older schema lacks is said, not crashed).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.exceptions import TDEError
from ..core.paths import bundled_package_dir
from ..schema.descriptor import read_descriptor, resource_path, table_schema


def shipped_lexicon_path() -> Path | None:
    """The lexicon file of the package this validator ships with, or None where it has none."""
    try:
        base = bundled_package_dir()
        descriptor = read_descriptor(base)
        res = next((r for r in descriptor["resources"] if r.get("name") == "lexicon"), None)
        return None if res is None else resource_path(base, res)
    except TDEError:
        return None


_SHIPPED_LEXICON: dict[tuple[str, int, int], pd.DataFrame] = {}


def shipped_lexicon() -> pd.DataFrame | None:
    """The lexicon of the package this validator ships with (its rules' words), or None where it cannot be read;
    read once per state of its file (path, size, time of change), not at every validation."""
    where = shipped_lexicon_path()
    try:
        if where is None:
            return None
        stat = where.stat()
        key = (str(where), stat.st_size, stat.st_mtime_ns)
        if key not in _SHIPPED_LEXICON:
            _SHIPPED_LEXICON.clear()
            _SHIPPED_LEXICON[key] = pd.read_csv(where, dtype=str, keep_default_na=False)
        return _SHIPPED_LEXICON[key].copy()
    except (OSError, ValueError):
        return None


def lacking_categories(frames: dict[str, pd.DataFrame]) -> list[str]:
    """The categories of words this validator's rules read (its own lexicon's) that the package's lexicon has no
    row of: a copy made before a category was added (own_date_word, since_word) lacks them."""
    lexicon = frames.get("lexicon")
    if lexicon is None or "category" not in lexicon:
        return []
    shipped = shipped_lexicon()
    if shipped is None or "category" not in shipped:
        return []
    have = {str(c) for c in lexicon["category"].dropna()}
    return sorted({str(c) for c in shipped["category"] if c and str(c) not in have})


def shipped_fields(table: str) -> set[str]:
    """The fields of `table` in the package this validator ships with: a rule may read one that an older package's
    schema lacks (that package is told so); a column outside them is a bug in the rule."""
    try:
        base = bundled_package_dir()
        descriptor = read_descriptor(base)
        res = next((r for r in descriptor["resources"] if r.get("name") == table), None)
        return {f["name"] for f in table_schema(base, res)["fields"]} if res else set()
    except TDEError:
        return set()
