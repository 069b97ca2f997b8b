"""The sentences a figure's citation adds to the figure: who gave it and which words date it (whose_words), a
repost's original date (repost_of), and what the package says of it, disputed or restated (`series`' own words)."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.exceptions import TDEError


def ended(quote: str) -> str:
    """A sentence that ends in a quotation: no second full stop after a quote that ends with one (trial 5 n5)."""
    return quote if quote.rstrip("”").endswith((".", "。", "!", "?", "！", "？")) else quote + "."


def disputed(row: dict[str, str], path: str | Path | None) -> str:
    """What the package says when another source gives a different figure for the same period, in `series`' own
    words (trial 6 r3: a journalist citing 5.1 billion yuan for 2014 must learn that another source gives 40多億元),
    or "" when no figure disputes it (or the series cannot be read: the citation stands without it)."""
    # here, not at the top: they import pandas and the package reader, weight only a figure's citation needs (no
    # cycle: timeseries imports nothing of the citations)
    from .series_subjects import subject_column
    from .timeseries import series

    try:
        subject = row.get(subject_column(row.get("indicator", ""), path), "")
        rows = series(row["indicator"], subject or None, row.get("status") or "actual", path)
    except (TDEError, KeyError):
        return ""
    found = rows[rows["observation_id"] == row.get("observation_id")]
    if len(found) and str(found["role"].iloc[0]) == "restated" and isinstance(found["restates"].iloc[0], str):
        # A later text saying again an earlier figure is no new observation: the citation says which (trial 9 m5).
        first = str(found["restates"].iloc[0])
        earlier = rows.loc[rows["observation_id"] == first, "value_text"]
        written = f" ({earlier.iloc[0]})" if len(earlier) and isinstance(earlier.iloc[0], str) else ""
        return f"Restated in the package: this figure says again {first}{written}, no new observation."
    if not len(found) or str(found["role"].iloc[0]) not in ("preferred", "competing"):
        return ""
    role, reason = str(found["role"].iloc[0]), found["reason"].iloc[0]
    same = (rows["period_start"] == found["period_start"].iloc[0]) & (rows["period_end"] == found["period_end"].iloc[0])
    others = rows.loc[
        same & rows["role"].isin(["preferred", "competing"]) & (rows["observation_id"] != row.get("observation_id"))
    ]
    if not len(others) or (role == "preferred" and not str(reason).startswith("disputed")):
        return ""
    gives = "; ".join(f"{o} gives {v}" for o, v in zip(others["observation_id"], others["value_text"], strict=True))
    why = (
        f"; this figure {reason}"
        if role == "competing" and isinstance(reason, str) and reason.startswith("differs")
        else ""
    )
    see = f"`series {row['indicator']} --subject {subject}`" if subject else f"`series {row['indicator']}`"
    return f"Disputed in the package: {gives} for the same period{why} ({see} lists them)."


def repost_of(source: dict[str, str]) -> str:
    """The date of the original a reposted page states (sources.original_published), in words ("no later than
    2014-11-18" for `../2014-11-18`), or "" when the page is no repost of an earlier dated original."""
    from ..text.periods import as_words  # here, not at the top: it imports pandas, which `--help` must not

    original, published = source.get("original_published", ""), source.get("published", "")
    if not original or original == published:
        return ""
    return as_words(original)


# An original's date a citation format can carry as a date (not "no later than …").
EXACT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def first_published(source: dict[str, str]) -> str:
    """Whose text a repost is and when the original appeared, as one sentence: "First published by 新华社,
    2023-11-10." (the original's date the page states), "First published by China Daily." (none stated), "First
    published no later than 2014-11-18." (no publisher named); "" for a page that is its own original. The page's
    own date is the entry's; the original's is said beside its publisher, never the page's (trial 16 m1: a report
    of the 2023 summit was cited as "Xinhua 2024")."""
    clause = published_first(source)
    return f"{clause[:1].upper()}{clause[1:]}." if clause else ""


def published_first(source: dict[str, str]) -> str:
    """first_published as a clause ("first published by 新华社, 2023-11-10"), which a figure's citation writes
    after the page's date; "" for a page that is its own original."""
    publisher, original = source.get("original_publisher", ""), repost_of(source)
    if not publisher and not original:
        return ""
    by = f" by {publisher}" if publisher else ""
    return f"first published{by}{',' if publisher and original else ''}{' ' + original if original else ''}"


def original_date(source: dict[str, str]) -> str:
    """The original's date of a repost as a date a format can carry (CSL `original-date`, biblatex `origdate`):
    sources.original_published when it is a day, month or year other than the page's; else ""."""
    original = source.get("original_published", "")
    return original if repost_of(source) and EXACT_DATE.match(original) else ""


def repost_words(source: dict[str, str]) -> str:
    """After a repost's date in a citation's Source: whose date it is, and the original's (trial 8 U1: the page's
    2020-04-29 beside a figure of 2014 read as an error)."""
    original = repost_of(source)
    return f" (the repost's date; its original's: {original})" if original else ""


def whose_words(row: dict[str, str], edition_ordinal: bool = False, source: dict[str, str] | None = None) -> str:
    """Who gave the figure and which words date it, as the row records them: a journalist who pastes the citation
    must not credit an official's interview claim to the outlet, nor take the dataset's reading of 到现在为止每年
    for a period the source printed (trial 5 P3). A figure dated by its text's date, on a repost, is dated by the
    original's date, never the page's (trial 8 U1)."""
    original = repost_of(source or {})
    said = []
    if row.get("attributed_to"):
        said.append(f"Attributed by the source to {row['attributed_to']}.")
    basis, words = row.get("period_basis", ""), row.get("period_text", "")
    where = "near the quoted passage" if basis == "context" else "in the quoted passage"
    if words and row.get("event_id") and edition_ordinal:
        # An edition's ordinal stands at the day the rule gives the edition (edition-ordinal-date), whatever day
        # the text's own words name: the words say which edition, not the date (trial 6 Q4).
        said.append(
            f"The figure counts up to the edition {row['event_id']}, which the dataset reads from “{words}”, "
            f"{where}, and dated, as every count of that edition is, at {row.get('period_start', '')} (the "
            "edition's first known day), not by the text's own date words."
        )
    elif words:
        said.append(f"The period is the dataset's reading of “{words}”, {where}.")
    elif basis == "publication" and original:
        bounded = original.startswith(("no ", "between "))
        said.append(
            f"No word of the source dates the figure: it is dated by its original's date, {original}"
            + (" (the original's date as far as the page states it)" if bounded else " (as the page states it)")
            + f", not by the repost's date, {(source or {}).get('published', '')}."
        )
    elif basis == "publication":
        said.append("No word of the source dates the figure: it is dated by the source's own date.")
    elif basis == "undated":
        said.append("The source gives the figure no date.")
    return " ".join(said)
