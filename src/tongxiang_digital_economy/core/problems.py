"""The one registry of problem types: every id a Report can carry, with its title, description and severity.

As in frictionless-py (`frictionless/errors/*.py`), a problem type is declared once, here, and everything else
reads it: the reader and the validator build Problems from it, the docs list it, the tests check that every id
they assert exists and that every registered type is exercised. Where frictionless has an error of the same
meaning the id is frictionless' own (`type-error`, `foreign-key` ...), so that a report of this package and one
of `frictionless validate` can be compared cell by cell. The file checks are the exception: frictionless reports
`hash-count` and `byte-count` for one edited file, two errors whose ids name no count; here one edit is one error,
`hash` (the file's hash, and its size when that differs too) or `bytes` (only the recorded size is wrong).

The semantic rules register themselves in `semantics.rules.RULES`, above this layer; `semantics.catalogue` puts
both together (`problem_types()`), so no rule id is restated here. This module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
Layer = Literal["descriptor", "structure", "semantics", "archive"]


@dataclass(frozen=True)
class ProblemType:
    id: str
    title: str
    description: str
    severity: Severity
    layer: Layer


PROBLEMS: dict[str, ProblemType] = {}


def register(id: str, title: str, description: str, severity: Severity = "error", layer: Layer = "structure") -> str:
    """Declare a problem type; return its id (so modules can keep it as a constant)."""
    if id in PROBLEMS:
        raise ValueError(f"problem type {id!r} is declared twice")
    PROBLEMS[id] = ProblemType(id, title, description, severity, layer)
    return id


# --- descriptor: datapackage.json, Table Schemas, paths --------------------------------------------------------

DESCRIPTOR_ERROR = register(
    "descriptor-error",
    "Descriptor error",
    "datapackage.json or a Table Schema cannot be read, is not a JSON object, or lacks what the package needs.",
    layer="descriptor",
)
PACKAGE_ERROR = register(
    "package-error",
    "Package error",
    "The descriptor breaks the Data Package profile (frictionless' metadata validation).",
    layer="descriptor",
)
RESOURCE_ERROR = register(
    "resource-error",
    "Resource error",
    "A resource's metadata is invalid: an unsafe, absolute, remote or escaping path, an unsupported dialect or "
    "encoding, or a profile violation.",
    layer="descriptor",
)
SCHEMA_UNSUPPORTED = register(
    "schema-unsupported",
    "Unsupported Table Schema property",
    "The Table Schema uses a type, format or property the reader does not implement; it is refused rather than "
    "half-read.",
    layer="descriptor",
)

# --- file level --------------------------------------------------------------------------------------------------

SCHEME_ERROR = register("scheme-error", "File not found", "The resource's file is missing or is not a regular file.")
SOURCE_ERROR = register("source-error", "File unreadable", "The resource's file cannot be read, or is empty.")
ENCODING_ERROR = register(
    "encoding-error", "Encoding error", "The bytes of a cell are not UTF-8 (GBK, Latin-1 ...): save the file as UTF-8."
)
HASH = register(
    "hash",
    "Hash mismatch",
    "The file's SHA-256 differs from the `hash` datapackage.json records; when its size differs too, this one error "
    "says so (one edit, one error; frictionless reports `hash-count` and `byte-count` for it). Run `stamp` to "
    "record a change made on purpose.",
)
BYTES = register(
    "bytes",
    "Byte count mismatch",
    "The file's size differs from the `bytes` datapackage.json records while its hash matches (a recorded size "
    "edited by hand; frictionless' `byte-count`). Run `stamp` to record the file's size.",
)
CSV_ERROR = register(
    "csv-error", "Malformed CSV", "The file is not well-formed CSV (an unclosed quote, a stray quote in a cell)."
)
TABLE_EMPTY = register(
    "table-empty", "Empty table", "The table has a header and no rows: almost always an accident.", "warning"
)

# --- header and rows ---------------------------------------------------------------------------------------------

INCORRECT_LABEL = register(
    "incorrect-label",
    "Header mismatch",
    "The header differs from the schema's field names (missing, extra, renamed or reordered columns); the table's "
    "rows are not checked until it matches.",
)
BLANK_ROW = register("blank-row", "Blank row", "A row with no cells (an empty line) inside or at the end of the file.")
EXTRA_CELL = register("extra-cell", "Extra cell", "A row has more cells than the header.")
MISSING_CELL = register("missing-cell", "Missing cell", "A row has fewer cells than the header.")

# --- cells -------------------------------------------------------------------------------------------------------

TYPE_ERROR = register(
    "type-error",
    "Type error",
    "A cell does not fit its field's type and format (for numbers: ASCII digits, no spaces, no NaN or infinity).",
)
CONSTRAINT_ERROR = register(
    "constraint-error",
    "Constraint error",
    "A cell breaks one of its field's constraints: required, enum, pattern, minimum/maximum, minLength/maxLength.",
)
UNIQUE_ERROR = register("unique-error", "Unique error", "A value of a field declared unique appears more than once.")
PRIMARY_KEY = register(
    "primary-key", "Primary key error", "A primary key is missing, or repeats the key of an earlier row."
)
FOREIGN_KEY = register(
    "foreign-key", "Foreign key error", "A value refers to a row the referenced table does not have."
)
RENAMED_KEY = register(
    "renamed-key",
    "Renamed key",
    "Rows refer to a key that no row holds, and the one row whose key is a near spelling of it is referred to by "
    "none: that row's key was likely renamed. The referring rows' foreign-key errors are counted under it.",
)
CONTROL_CHARACTER = register(
    "control-character",
    "Control character",
    "A text cell holds a control character (NUL, ESC, a form feed …) that no quoted text holds, and that a terminal "
    "or a spreadsheet shows as nothing or garbles; a tab and a line break are text. The cell is refused, so the "
    "rules that read it say nothing of it.",
)
FORMULA_CELL = register(
    "formula-cell",
    "Spreadsheet formula",
    "A text cell starts with =, +, - or @, which a spreadsheet would run as a formula when the CSV is opened.",
    "warning",
)

# --- semantics and archive ---------------------------------------------------------------------------------------

RULES_NOT_RUN = register(
    "rules-not-run",
    "Rules could not run",
    "A table the rules read (the lexicon, the units) is not in the package, so the rules that need it did not run: "
    "an error, since a package whose figures were not checked is never called valid. Also when the package's "
    "lexicon has no row of a category the rules read (a copy older than the validator): one error names the "
    "categories, the rules they change and where to copy the rows from, and the rows are checked with the "
    "validator's own words, so no correct row is blamed for the missing words.",
    "error",
    "semantics",
)
EDITION_DATES_AGAINST_FIGURES = register(
    "edition-dates-against-figures",
    "Edition's dates against its figures",
    "Figure rows of one event edition (of more than one source, or more than one row of the events row's own source) "
    "agree with each other on the edition's days against the events row's start or end, fewer of its rows need the "
    "dates as they stand, and the events row's evidence does not state its days as they stand rather than as the "
    "rows have them: the "
    "error is on the events row, naming how many rows of how many sources disagree with it and citing one, and the "
    "figure rows' own errors (edition-ordinal-date, event-period-mismatch, period-outside-edition, "
    "period-text-mismatch) are counted under it, not each told to re-date a row (trial 7 S4). A single row that "
    "disagrees with an edition other rows confirm is blamed on itself.",
    "error",
    "semantics",
)
PUBLISHED_BEFORE_ITS_FIGURES = register(
    "published-before-its-figures",
    "Source's date before all its figures",
    "Every figure of a source that reports a past (actual, estimate), two at least, ends after the source's "
    "published date, and its archived text does not state that date as its own: the error is on the sources row, "
    "and the figure rows' errors that the date their latest ends clears (actual-after-publication, "
    "period-text-mismatch …) are counted under it, not each told to re-date a correct row (trial 8 U4). With "
    "--archive a text-dated source is compared with its text's own date first (published-not-in-text).",
    "error",
    "semantics",
)
TABLE_NOT_CHECKED = register(
    "table-not-checked",
    "Rules not run",
    "A table (or a table its rules need) has structural errors, so its semantic rules did not run.",
    "warning",
    "semantics",
)
ARCHIVE_FILE_NOT_UTF8 = register(
    "archive-file-not-utf8", "Archived text not UTF-8", "An archived source text is not UTF-8.", layer="archive"
)
ARCHIVE_ENTRY_UNREADABLE = register(
    "archive-entry-unreadable",
    "Archive entry unreadable",
    "An entry of the archive folder named like a text file is a directory, a broken link or unreadable.",
    layer="archive",
)
ARCHIVE_CATALOGUE_MISSING = register(
    "archive-catalogue-missing",
    "Archive catalogue missing",
    "The archive has no sources.json, so it was not checked that every archived source has a row.",
    "warning",
    "archive",
)
ARCHIVE_CATALOGUE_UNREADABLE = register(
    "archive-catalogue-unreadable",
    "Archive catalogue unreadable",
    "The archive's sources.json is not a list of objects with string ids.",
    layer="archive",
)
ARCHIVE_SOURCE_MISSING = register(
    "archive-source-missing",
    "Archived source without a row",
    "The archive catalogue lists a source that the sources table does not have.",
    layer="archive",
)
