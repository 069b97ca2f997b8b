"""A year in a search query: "GDP 2016", 2024年GDP, 乌镇2024年GDP, "tourist arrivals 2018".

Why: a journalist's commonest query is a measure and a year. Read as words, every word of a query that is no name
and names no indicator must stand in one cell, so "GDP 2016" lost the indicator (GDP no longer found 国内生产总值)
and a year written in a figure's period but not in its evidence found nothing: "no rows mention 'GDP 2016'",
although the package holds Tongxiang's 2016 GDP (trial 10 W2). A year is when a figure is, not a word of it: the
query is read without its year, as `search gdp` reads it (the indicator block first), and its figures are those
whose period ends in that year (the `year` column, "calendar year of period_end", as `info --by year` and `series`
count them). An indicator with no figure of that year says which years it has.

The year reading is made only when the query as a whole is no name and names no indicator or subject, and the
query without its year does: an edition's name that holds a year ("2025 World Internet Conference Wuzhen Summit")
stays a name, and a year beside words that name nothing stays a word to find.

Also here, the query's small oddities that are no words: a name written twice (乌镇乌镇) is the name (trial 10 m10),
and a pinyin name written with its syllables apart ("Wu Zhen", wu-zhen, "Tong Xiang") is the name (trial 14 m13).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .search_names import Names

FOUR_DIGITS = r"(?<![\d.,])((?:19|20)\d\d)"  # a year's digits, 1900 to 2099, not part of a longer number


def written(year_words: tuple[str, ...]) -> str:
    """The lexicon's year words (`search_year_word`: 年, 年度; longest first) as one alternation, or a pattern that
    matches nothing when there are none."""
    return "|".join(re.escape(w) for w in year_words) or "(?!)"


@functools.lru_cache(maxsize=64)
def query_year(year_words: tuple[str, ...]) -> re.Pattern[str]:
    """A year as a query writes it: four digits, alone or before a year word (2024年, 2024年度), not part of a
    longer number (20245, 2024.5) nor a count before a Chinese unit (2024万, 2024家)."""
    return re.compile(rf"{FOUR_DIGITS}(?:{written(year_words)}|(?![\d.,%]|[\u3400-\u9fff]))")


@functools.lru_cache(maxsize=64)
def year_beside_name(year_words: tuple[str, ...]) -> re.Pattern[str]:
    """A year beside a name (use.search_editions): four digits, with a year word or not, not part of a longer
    number; 2023世界互联网大会 writes the year against the name, which query_year takes for a count."""
    return re.compile(rf"{FOUR_DIGITS}(?:{written(year_words)})?(?![\d.,])")


@functools.lru_cache(maxsize=64)
def year_with_word(year_words: tuple[str, ...]) -> re.Pattern[str]:
    """A year written with a year word and nothing else (2024年: use.search_numbers reads it as the year, no
    number of years)."""
    return re.compile(rf"(?:19|20)\d\d(?:{written(year_words)})")


@dataclass(frozen=True)
class Dated:
    """A query read as words and a year: `rest` is the normalised query without the year."""

    rest: str
    year: int


def dated(folded: str, year_words: tuple[str, ...]) -> Dated | None:
    """The query's one year and the rest of it (`gdp 2016` -> gdp, 2016; 乌镇2024年gdp -> 乌镇 gdp, 2024, with the
    lexicon's year words, search_lexicon.SmallWords); None when it holds no year, more than one (a span such as
    2016-2024 is not one year), or nothing but the year."""
    found = list(query_year(year_words).finditer(folded))
    if len(found) != 1:
        return None
    at = found[0]
    rest = " ".join(f"{folded[: at.start()]} {folded[at.end() :]}".split())
    return Dated(rest, int(at.group(1))) if rest else None


def once(folded: str, known: Names) -> str:
    """A query that is one name written more than once (乌镇乌镇, "wuzhen wuzhen") read as the name once: the
    repetition adds nothing, and read as words it named other indicators (trial 10 m10). Any other query as given."""
    words = folded.split(" ")
    if len(words) > 1 and len(set(words)) == 1 and words[0] in known:
        return words[0]
    whole = folded.replace(" ", "")
    for times in range(2, 5):
        unit = whole[: len(whole) // times]
        if len(whole) % times == 0 and len(unit) >= 2 and unit * times == whole and unit in known:
            return unit
    return folded


SYLLABLE = re.compile(r"[a-z]{2,}")  # a part of a name written apart: letters, two or more ("u s" is no "us")
JOINED_AT_LEAST = 4  # letters of a name joined from its parts
JOINED_AT_MOST = 4  # parts one name is joined from ("xin feng ming")


def joined(folded: str, known: Names) -> str:
    """A query whose Latin words, or the parts of a hyphened word, written together are a subject's one-word name
    (the names and aliases of places, enterprises, projects and editions), with that name in their place: "wu zhen"
    and wu-zhen are wuzhen, "tong xiang gdp" is "tongxiang gdp", "xin feng ming" is xinfengming. A foreign writer
    spaces pinyin by syllable where the package writes the name as one word (trial 14 m13). A query that is a name
    as written stays as it is; so does a word alone ("wu", "an": no name is joined from one part)."""
    if folded in known:
        return folded
    words = [w for word in folded.split(" ") for w in hyphened(word, known)]
    out: list[str] = []
    at = 0
    while at < len(words):
        for end in range(min(len(words), at + JOINED_AT_MOST), at + 1, -1):
            parts = words[at:end]
            name = "".join(parts)
            if all(SYLLABLE.fullmatch(p) for p in parts) and len(name) >= JOINED_AT_LEAST and name in known:
                out.append(name)
                at = end
                break
        else:
            out.append(words[at])
            at += 1
    return " ".join(out)


def hyphened(word: str, known: Names) -> list[str]:
    """A hyphened word as its parts when they are parts of a name written apart (wu-zhen), else the word whole
    (sci-tech, high-tech)."""
    parts = word.split("-")
    if len(parts) < 2 or not all(SYLLABLE.fullmatch(p) for p in parts):
        return [word]
    runs = ("".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 2, len(parts) + 1))
    return parts if any(run in known for run in runs) else [word]
