"""The errors the library raises, so that callers (and the CLI) can tell bad input from a bug.

    TDEError                     anything wrong with a package or a request, said so a person can fix it
    ├── ArgumentError            a public function called with an argument of the wrong type or empty (also a TypeError)
    ├── PackageNotFoundError     no datapackage.json where one was looked for
    ├── DescriptorError          datapackage.json or a Table Schema is unreadable or malformed
    │   └── StaleStampError      a CSV file changed after its hash was recorded (run `stamp`)
    ├── TableNotFoundError       a table name that the package does not have
    ├── OutputError              a file in the way of a file to write
    │   └── MissingFolderError   the folder to write into does not exist (a usage error)
    ├── ArchiveNotFoundError     the source archive folder given for validation does not exist
    ├── LoadError                a table has bad cells or keys (names the first few with table, row and field)
    ├── ReleaseError             a version, a kept release or a version bump is wrong (names the bump needed)
    │   └── ReusedIdsError       released ids given to other rows, one a line
    ├── CitationError            what to cite is not in the package (an unknown source or observation id)
    ├── SeriesError              a series asked for an unknown indicator, subject or status
    │   └── SubjectNeededError   no subject named where the indicator has several (a usage error)
    ├── SearchError              a search asked for an unknown theme, or for no words at all
    │   └── QueryTooLongError    a query longer than any name or title the package holds (a usage error)
    ├── WhereError               a selection (`select`, show --where) names a column or value the table cannot hold
    ├── ExportError              an export that would overwrite a file, has an unknown format, or a package with errors
    │   └── OutputSuffixError    the file named for another format than the one asked (a usage error)
    ├── PlotError                a chart without matplotlib, of an unknown file type, or with nothing to draw
    └── ServeError               the site without Datasette

    RuleCrash (a RuntimeError, not a TDEError)   a semantic rule raised: a bug in rules/, reported with its cause

The CLI turns every TDEError into a one-line `Error: ...` and exit status 1, and the usage faults
(SubjectNeededError, MissingFolderError, WhereError, OutputSuffixError, a search without words, too long or of
an unknown theme) into exit status 2, in one place (cli.errors.converts_errors), so that one fault has one exit
code whichever command meets it; anything else is a bug and is allowed to surface as one.
"""

from __future__ import annotations


class TDEError(Exception):
    """Base class: a problem with the input that the user can fix.

    Its message names files and values as they are; the CLI prints it on one line, each character a name brings
    that a terminal would not print as itself written in Python's escapes (cli.errors, core.paths.printable).
    """

    # An error that lists several faults, one a line, on purpose (a release's reused ids): the CLI keeps its lines.
    listing = False


class ArgumentError(TDEError, TypeError):
    """A public function was given an argument it cannot take (None, empty, or of the wrong type).

    Also a TypeError, so that code catching the usual Python error for a wrong argument still catches it.
    """


class OutputError(TDEError):
    """A file cannot be written where asked: a file stands where a folder should be (exit 1 at the CLI)."""


class MissingFolderError(OutputError):
    """The folder to write into does not exist; it is never made on the caller's behalf (exit 2 at the CLI)."""


class PackageNotFoundError(TDEError):
    """No data package at the given place."""


class DescriptorError(TDEError):
    """datapackage.json or a Table Schema cannot be read or does not have the expected shape."""


class StaleStampError(DescriptorError):
    """A table's file no longer matches the bytes and hash datapackage.json records for it."""


class TableNotFoundError(TDEError):
    """The requested table is not a resource of the package."""


class ArchiveNotFoundError(TDEError):
    """The folder of archived source texts is not there."""


class LoadError(TDEError):
    """A table cannot be loaded: the message names the table, row (as in the CSV file) and field."""

    def __init__(self, table: str, row: int | None, field: str | None, message: str) -> None:
        self.table, self.row, self.field = table, row, field
        where = table + (f" row {row}" if row is not None else "") + (f", field {field}" if field else "")
        super().__init__(f"{where}: {message}")


class ReleaseError(TDEError):
    """A version is malformed or too small for the change since the last release, or a release is not kept."""


class ReusedIdsError(ReleaseError):
    """Ids of released rows given to other rows, one a line (`check_identities`): the CLI keeps the lines."""

    listing = True


class CitationError(TDEError):
    """The source or observation to cite is not in the package."""


class SeriesError(TDEError):
    """A series that cannot be made as asked (unknown indicator, subject or status)."""


class SubjectNeededError(SeriesError):
    """A series asked for without a subject, of an indicator about several: a usage error (the CLI exits 2)."""


class SearchError(TDEError):
    """A search that cannot be run as asked (an unknown theme: a usage error of --theme)."""


class EmptyQueryError(SearchError):
    """A search for no words: empty, or no letter, digit or Han character in it (a usage error)."""


class QueryTooLongError(SearchError):
    """A search for more characters than any name or title the package holds (a usage error): its readings cut a
    query every way into a name and the rest, so a pasted paragraph took minutes to say "no rows mention"."""


class WhereError(TDEError):
    """A selection of rows names a column the table lacks, or a value its type or enum cannot hold (a usage
    error of --where)."""


class ExportError(TDEError):
    """An export that cannot be made as asked (unknown format or table, a file in the way, an invalid package)."""


class OutputSuffixError(ExportError):
    """An export's file named for another format than the one asked (x.json for csv): a usage error, exit 2, as a
    chart file not ending in .png or .svg is (trial 8 m7)."""


class PlotError(TDEError):
    """A chart that cannot be made (no matplotlib, an unknown file type, nothing to draw, a file in the way)."""


class ServeError(TDEError):
    """The site cannot be built or run (no Datasette)."""


class RuleCrash(RuntimeError):
    """A semantic rule raised an exception: a bug in the rule, never a fault of the data (so not a TDEError)."""
