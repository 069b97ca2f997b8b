"""What search refuses before it reads a query, and the query without the words that carry no meaning in it.

A query of no word at all (`.`, `-`), of only words that mean nothing in a search (the, of, 的) or longer than any
name the package holds names nothing: as text to match it would find every row, or cost seconds to say "no rows
mention". Each is refused with an EmptyQueryError or a QueryTooLongError (both SearchErrors, usage errors at the CLI).
"""

from __future__ import annotations

import re

import pandas as pd

from ..core.exceptions import EmptyQueryError, QueryTooLongError
from ..text.fold import casefolded as fold
from .search_lexicon import normalised_in, small_words
from .search_names import names
from .search_query import meant
from .search_years import joined, once

# A word character that is no underscore: a letter or digit of any script, Han characters included.
WORDLIKE = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether `text`, folded as every query is, holds a letter, digit or Han character: punctuation alone names
    nothing, and as a substring it is in nearly every cell."""
    return WORDLIKE.search(fold(text)) is not None


# The longest query read: more than any name, alias, label or title the package holds (157 characters, a project's
# name), so every one of them is found whole. Each reading cuts a query every way into a name and the rest, a cost
# growing with the square of its words: 1,800 characters took 30 s of CPU to say "no rows mention" (trial 13 m7).
LONGEST_QUERY = 200


def check_length(text: str) -> None:
    """Refuse a query longer than LONGEST_QUERY characters at once (QueryTooLongError, a usage error)."""
    length = len(text.strip())
    if length > LONGEST_QUERY:
        raise QueryTooLongError(
            f"the query has {length:,} characters, more than the {LONGEST_QUERY} search reads (longer than any name "
            "or title the package holds): give the few words that name what you look for"
        )


def meant_query(text: str, frames: dict[str, pd.DataFrame]) -> str:
    """The query without the words that carry no meaning in it (search_query.meant: the, to, 的, "city" after
    Tongxiang): "visitors to Wuzhen" is read as "visitors Wuzhen", "Tongxiang city GDP" as "Tongxiang GDP"
    (trial 9 V5). A query of only such words (`the`, `of`, 的) is an EmptyQueryError: it names nothing, and as
    words to find it was said to name dozens of indicators. The text as given when nothing is dropped."""
    if not text.strip():
        return text
    folded = normalised_in(text, frames)
    known = names(frames)
    # 乌镇乌镇 is 乌镇 (trial 10 m10); "wu zhen" is wuzhen (trial 14 m13)
    lean = meant(once(joined(folded, known), known), known, small_words(frames))
    if not lean:
        raise EmptyQueryError(
            f"{text.strip()!r} holds only words that carry no meaning in a search (articles, prepositions, 的); "
            "give a word that names what you look for"
        )
    return text if lean == folded else lean
