"""The one "did you mean" of the package: which id a user meant when what they typed names no id.

Why one: a user types `GDP`, `WIC-2023`, `Wuzhen`, 桐乡 or `Indicators` where the package has `gdp`, `wic-2023`,
`wuzhen`, `tongxiang` and `indicators`. Each message that refuses an id or a value (series, plot,
show --where, export, cite, the table names of every command, validate's enum and foreign-key errors) asks this
one function, so a spelling that one of them corrects every one corrects, the same way (trial 4 m5:
`--subject Tongxiang` was corrected, `--subject WIC-2023` was not).

A candidate is meant when the text, folded, equals the candidate folded or one of its names folded (a place's
English, Chinese or alias names). Folding is the caller's: case alone for table names here in core, simplified
script and case (text.fold.casefolded) where names are Chinese. Only one match is a suggestion: a text that
could mean two ids suggests neither, since a guess between them would mislead.

A mistyped name (`yaer` for the column `year`, `aprox` for the qualifier `approx`) is not another spelling of an id but
is meant as surely when only one candidate is that close: `did_you_mean` suggests it when no candidate is named.

A caller that asks about many values against the same candidates (validate's foreign-key errors) builds one `Index`:
the folded forms in a dict, so that a value named exactly costs a lookup, and difflib only while there are at most
`CLOSE_LIMIT` forms. difflib compares the text with every form; over thousands of ids that share long prefixes it
costs seconds per value and finds several close ones anyway, so it suggests none (review 5 R4).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping

CLOSE = 0.75  # difflib ratio above which a typed name is read as a typo of a candidate (yaer/year 0.75)
CLOSE_LIMIT = 300  # an Index over more folded forms than this looks for exact (folded) names only, not typos
# How much of a typed name or a cell a message quotes (refusals here, cell errors in io.reader, rule messages in
# semantics.validation): whole up to QUOTED characters (as `search` caps a query), else its first EXCERPT with its
# length, so that a pasted megabyte is never echoed back whole.
QUOTED = 200
EXCERPT = 40


class Index:
    """The candidates' folded forms (each id and its names) -> the candidates they name, built once for many texts."""

    def __init__(
        self,
        candidates: Iterable[str],
        names: Mapping[str, Iterable[str]] | None = None,
        fold: Callable[[str], str] = str.casefold,
        limit: int | None = CLOSE_LIMIT,
    ) -> None:
        self.fold = fold
        self.limit = limit  # None: look for typos however many forms there are (one text asked once)
        self.forms: dict[str, set[str]] = {}
        for c in candidates:
            for form in (c, *(n.strip() for n in (names or {}).get(c, ()) if n)):
                self.forms.setdefault(fold(form), set()).add(c)

    def meant(self, text: str) -> str | None:
        """The one candidate `text` names (itself in another case or script, or one of its names), else None."""
        found = self.forms.get(self.fold(text.strip()), set()) if text.strip() else set()
        return next(iter(found)) if len(found) == 1 else None

    def close(self, text: str) -> str | None:
        """The one candidate with a form close to `text` (difflib), else None; None as well past `CLOSE_LIMIT`
        forms, where difflib would cost seconds per text and a close spelling is seldom the only one."""
        wanted = self.fold(text.strip())
        if not wanted or (self.limit is not None and len(self.forms) > self.limit):
            return None
        matches = difflib.get_close_matches(wanted, list(self.forms), n=10, cutoff=CLOSE)
        found = {c for m in matches for c in self.forms[m]}
        return found.pop() if len(found) == 1 else None

    def suggested(self, text: str) -> str | None:
        """`meant`, else `close`."""
        found = self.meant(text)
        return found if found is not None else self.close(text)

    def did_you_mean(self, text: str) -> str:
        """`"did you mean 'x'? "` for the candidate `suggested` finds, else ""."""
        found = self.suggested(text)
        return f"did you mean {found!r}? " if found is not None else ""


def meant(
    text: str,
    candidates: Iterable[str],
    names: Mapping[str, Iterable[str]] | None = None,
    fold: Callable[[str], str] = str.casefold,
) -> str | None:
    """The one candidate `text` names (itself in another case or script, or one of its `names`), else None."""
    return Index(candidates, names, fold).meant(text)


def close(
    text: str,
    candidates: Iterable[str],
    names: Mapping[str, Iterable[str]] | None = None,
    fold: Callable[[str], str] = str.casefold,
) -> str | None:
    """The one candidate whose id or one of whose names, folded, is a close spelling of `text` folded (difflib's
    ratio, as Python's own "Did you mean" does for attributes), else None: two close candidates suggest neither."""
    return Index(candidates, names, fold, limit=None).close(text)


def suggested(
    text: str,
    candidates: Iterable[str],
    names: Mapping[str, Iterable[str]] | None = None,
    fold: Callable[[str], str] = str.casefold,
) -> str | None:
    """The one candidate `text` names (`meant`: itself in another case or script, or one of its names), else the
    one candidate it is a close spelling of (a typo: `yaer` for `year`, `gpd` for `gdp`), else None."""
    return Index(candidates, names, fold, limit=None).suggested(text)


def echoed(name: str) -> str:
    """A name a user typed as a refusal echoes it (`no observation 'x'`): quoted whole up to QUOTED characters,
    else its first EXCERPT and its length (`'aaaa…' (100000 characters)`), so that a pasted megabyte is not echoed
    back whole (trial 14 m10). Every message that refuses an unknown name quotes it so."""
    if len(name) <= QUOTED:
        return repr(name)
    return f"{name[:EXCERPT] + '…'!r} ({len(name)} characters)"


def did_you_mean(
    text: str,
    candidates: Iterable[str],
    names: Mapping[str, Iterable[str]] | None = None,
    fold: Callable[[str], str] = str.casefold,
) -> str:
    """`"did you mean 'x'? "` for the candidate `suggested` finds, else "": for the front of a message's hint.
    Every message that names an unknown table, column, id or value asks this one function, so a spelling one
    message corrects every message corrects. One text against its candidates: `Index` itself for many texts."""
    return Index(candidates, names, fold, limit=None).did_you_mean(text)
