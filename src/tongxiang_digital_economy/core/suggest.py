"""The one "did you mean" of the package: which id a user meant when what they typed names no id.

Why one: a user types `GDP`, `WIC-2023`, `Wuzhen`, 桐乡 or `Indicators` where the package has `gdp`, `wic-2023`,
`wuzhen`, `tongxiang` and `indicators`. Each command that refuses an id (series, plot, show --where, export,
the table names of every command) asks this one function, so a spelling that one of them corrects every one
corrects, the same way (trial 4 m5: `--subject Tongxiang` was corrected, `--subject WIC-2023` was not).

A candidate is meant when the text, folded, equals the candidate folded or one of its names folded (a place's
English, Chinese or alias names). Folding is the caller's: case alone for table names here in core, simplified
script and case (text.fold.casefolded) where names are Chinese. Only one match is a suggestion: a text that
could mean two ids suggests neither, since a guess between them would mislead.

A mistyped column name (`yaer`) is not another spelling of an id: `misspelled` suggests the one close spelling
(difflib's ratio, as Python's own "Did you mean" does for attributes), for the few names a user types by hand.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping

CLOSE = 0.75  # difflib ratio above which a typed name is read as a typo of a candidate (yaer/year 0.75)


def meant(
    text: str,
    candidates: Iterable[str],
    names: Mapping[str, Iterable[str]] | None = None,
    fold: Callable[[str], str] = str.casefold,
) -> str | None:
    """The one candidate `text` names (itself in another case or script, or one of its `names`), else None."""
    wanted = fold(text.strip())
    if not wanted:
        return None
    found = {
        c
        for c in candidates
        if fold(c) == wanted or any(fold(n.strip()) == wanted for n in (names or {}).get(c, ()) if n)
    }
    return found.pop() if len(found) == 1 else None


def did_you_mean(
    text: str,
    candidates: Iterable[str],
    names: Mapping[str, Iterable[str]] | None = None,
    fold: Callable[[str], str] = str.casefold,
) -> str:
    """`"did you mean 'x'? "` for the one candidate `text` names, else "": for the front of a message's hint."""
    found = meant(text, candidates, names, fold)
    return f"did you mean {found!r}? " if found is not None else ""


def misspelled(text: str, candidates: Iterable[str]) -> str:
    """`"did you mean 'x'? "` for the id `text` names in another case or script, else for its one close spelling
    (a typo: `yaer` for `year`), else ""."""
    listed = list(candidates)
    found = meant(text, listed)
    if found is None:
        close = difflib.get_close_matches(text.strip(), listed, n=2, cutoff=CLOSE)
        found = close[0] if len(close) == 1 else None
    return f"did you mean {found!r}? " if found is not None else ""
