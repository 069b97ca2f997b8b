"""Rules on the units and sources tables: base units, publication dates, the archived files."""

from __future__ import annotations

import pandas as pd

from ...text.fold import squeeze
from ...text.periods import PARTIAL_DATE
from .registry import known, rule

# --- units -------------------------------------------------------------------------------------------------


@rule(
    "unit-base-mismatch",
    "units",
    "base_unit",
    "base unit {base_unit!r} of {unit!r} must be a unit of the same dimension ({dimension}) whose multiplier and "
    "divisor are 1; point base_unit at such a unit",
    needs=("base_unit.multiplier", "base_unit.divisor", "base_unit.dimension"),
    reads=("dimension",),
)
def base_unit_is_base(view: pd.DataFrame) -> pd.Series:
    """A base unit is a unit of the same dimension whose multiplier and divisor are 1."""
    ok = (
        (view["base_unit__multiplier"] == 1)
        & (view["base_unit__divisor"] == 1)
        & (view["base_unit__dimension"] == view["dimension"]).astype("boolean")  # arrow and masked booleans mix
    )
    return ok.fillna(False) | ~known(view["base_unit__multiplier"], view["dimension"])


# --- sources -----------------------------------------------------------------------------------------------


@rule(
    "published-basis-mismatch",
    "sources",
    "published_basis",
    "published ({published}) and published_basis ({published_basis}) must be both filled or both empty: "
    "say where the date comes from (text, url, archive), or clear both",
    reads=("published", "published_basis"),
)
def basis_goes_with_date(view: pd.DataFrame) -> pd.Series:
    """A publication date says where it comes from, and only a date has a basis."""
    return view["published"].isna() == view["published_basis"].isna()


@rule(
    "original-grade-without-publisher",
    "sources",
    "original_grade",
    "original_grade {original_grade!r} grades an origin the row does not name: fill original_publisher with the "
    "origin as the archived text names it, or clear original_grade",
    reads=("original_grade", "original_publisher"),
)
def original_grade_names_its_origin(view: pd.DataFrame) -> pd.Series:
    """An origin's grade needs the origin named: grading an unnamed origin would guess what a mirror copied.

    `series` ranks a repost by this grade, so it must rest on a named origin."""
    if "original_grade" not in view:  # a package from before the column
        return pd.Series(True, index=view.index)
    return view["original_grade"].isna() | view["original_publisher"].notna()


@rule(
    "original-grade-origin-not-in-text",
    "sources",
    "original_grade",
    "original_grade {original_grade!r} grades an origin that the archived text {archive_file} does not name: "
    "each name of original_publisher ({original_publisher}, names parted by ' / ') must be written in the text, "
    "or clear original_grade",
    needs_archive=True,
    reads=("archive_text", "original_grade", "original_publisher"),
)
def original_grade_origin_in_text(view: pd.DataFrame) -> pd.Series:
    """A repost ranks as its origin only where its own archived text names each name of that origin.

    The names stand in a heading, a signature or a source line; never from what a mirror is likely to copy."""
    if "original_grade" not in view:  # a package from before the column
        return pd.Series(True, index=view.index)
    named = [
        pd.isna(grade)
        or pd.isna(origin)
        or not isinstance(text, str)
        or all(squeeze(name) in text for name in str(origin).split(" / ") if name.strip())
        for grade, origin, text in zip(
            view["original_grade"], view["original_publisher"], view["archive_text"], strict=True
        )
    ]
    return pd.Series(named, index=view.index, dtype=bool)


@rule(
    "published-not-a-date",
    "sources",
    "published",
    "published {published!r} has the form of a date but is not a day on the calendar: correct the date",
    reads=("published", "published_earliest"),
)
def published_is_a_date(view: pd.DataFrame) -> pd.Series:
    """A publication date of the right form is a day on the calendar."""
    # The form (YYYY, YYYY-MM, YYYY-MM-DD) is the schema's pattern; only an impossible day is left to find here.
    well_formed = view["published"].str.fullmatch(PARTIAL_DATE.pattern).fillna(False).astype(bool)
    return ~well_formed | view["published_earliest"].notna()


@rule(
    "archive-file-missing",
    "sources",
    "archive_file",
    "{archive_file} is not in the archive folder: check the file name, or the --archive folder",
    needs_archive=True,
    reads=("archive_file", "archive_present"),
)
def archive_file_present(view: pd.DataFrame) -> pd.Series:
    """Each source's archived text is in the archive folder."""
    return view["archive_present"].astype(bool) | view["archive_file"].isna()


@rule(
    "archive-hash-mismatch",
    "sources",
    "archive_sha256",
    "the archived file {archive_file} has sha256 {archive_sha256_actual}, the table records {archive_sha256}: "
    "the text changed; re-check this source's rows against it, then record the new hash",
    needs_archive=True,
    reads=("archive_present", "archive_sha256", "archive_sha256_actual"),
)
def archive_hash_matches(view: pd.DataFrame) -> pd.Series:
    """Each archived text has the SHA-256 the sources table records."""
    same = (view["archive_sha256"] == view["archive_sha256_actual"]).fillna(False)
    return same | ~view["archive_present"] | view["archive_sha256"].isna()
