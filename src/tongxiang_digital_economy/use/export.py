"""Write the tables as CSV, JSON, Parquet, SQLite or XLSX, each typed by its Table Schema, atomically.

Every format is made from the typed frames the loader returns, so a table read back from any export is the
same table, cell for cell: CSV holds the cells as written in the package; JSON numbers are numbers and
booleans booleans; Parquet and SQLite carry the schema's types (SQLite with the schema's primary and foreign
keys, enforced); XLSX has dates as dates, one sheet per table and an `about` sheet with what each column
means, the licence and the citation. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` at
the start) is stored as text with Excel's quote prefix, so it shows and reads back exactly as written but is
never evaluated.

The writers of each format are export_formats.py's; a typed cell as each format wants it, typed_records.py's.

Writes are atomic: each file is written beside its destination and moved into place, so a reader never sees
half a file; an existing file is replaced only with `force=True`. The package is validated first: an
export of a package with errors is refused rather than passed on.

pyarrow (Parquet) and openpyxl (XLSX) come with the `export` extra and are imported only when used.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from ..core.exceptions import ExportError, MissingFolderError, OutputError, OutputSuffixError
from ..core.report import count
from ..core.suggest import did_you_mean, echoed
from ..io.atomic import atomic_write as replace_atomically
from ..io.atomic import check_writable as writable
from ..io.atomic import is_stream, reason_of, refused_by_folder
from ..io.load import tables
from ..schema.descriptor import package_files, read_descriptor
from .export_formats import WRITERS

FORMATS = ("csv", "json", "parquet", "sqlite", "xlsx")
ONE_FILE = ("sqlite", "xlsx")  # formats that hold every table in one file; the others write one file per table
EXTENSIONS = {"csv": "csv", "json": "json", "parquet": "parquet", "sqlite": "sqlite", "xlsx": "xlsx"}
# The suffixes a file of each format may end in: a CSV named .json, or an xlsx named .xls (which Excel opens with a
# warning), misleads whoever opens it, so a file named for another format is refused (trial 6 r6).
SUFFIXES = {
    "csv": (".csv",),
    "json": (".json",),
    "parquet": (".parquet",),
    "sqlite": (".sqlite", ".sqlite3", ".db"),
    "xlsx": (".xlsx",),
}


# Files: atomic, never over an existing file unless forced.


def atomic_write(dest: Path, write: Callable[[Path], None], force: bool) -> Path:
    """Call write(temporary path) and move the result to `dest` in one step (io/atomic.py), refusing to replace
    a file without `force` or to write over a folder."""
    if dest.exists() and not is_stream(dest) and not force:
        raise ExportError(f"{dest} exists; pass force=True to replace it")
    if dest.is_dir():
        raise ExportError(f"{dest} is a folder; give a file name")
    check_writable(dest)
    try:
        return replace_atomically(dest, write)
    except (OSError, sqlite3.Error) as exc:  # the machine refuses the file: say which and why
        reason = reason_of(exc) if isinstance(exc, OSError) else str(exc)
        raise ExportError(f"cannot write {dest}: {reason}") from None


def check_writable(dest: Path) -> None:
    """io.atomic.check_writable (one check for every command that writes), a file in the way said as an
    ExportError; a missing folder stays a MissingFolderError, the one type (and exit code) of that fault."""
    try:
        writable(dest)
    except MissingFolderError:
        raise
    except OutputError as exc:
        raise ExportError(str(exc)) from None


EXTRAS = {"parquet": ("pyarrow", "Parquet"), "xlsx": ("openpyxl", "XLSX")}


def needs_extra(fmt: str) -> None:
    """Refuse at once, before any work, a format whose library is not installed."""
    if fmt not in EXTRAS:
        return
    module, name = EXTRAS[fmt]
    try:
        importlib.import_module(module)
    except ImportError:
        raise ExportError(f"{name} export needs {module}: pip install 'tongxiang-digital-economy[export]'") from None


def export(
    fmt: str,
    dest: str | Path,
    names: Iterable[str] | None = None,
    force: bool = False,
    path: str | Path | None = None,
    validate: bool = True,
) -> list[Path]:
    """Write tables `names` (default: all) in format `fmt` to `dest`; return the files written.

    sqlite and xlsx write one file holding every table. csv, json and parquet write one file per table: `dest`
    is that file when one table is named, else a folder that gets `<table>.<ext>` for each (a new folder named
    like a file of the format, `out.parquet`, is refused: it would read as one file). A `dest` that is an
    existing folder gets the one file inside it (`<table>.<ext>`, or the package name for sqlite and xlsx); a
    `dest` written (as a str) with a trailing slash names a folder, which must exist for one file.
    """
    if fmt not in FORMATS:
        hint = did_you_mean(fmt, FORMATS)
        raise ExportError(f"format {fmt!r} is not one of {', '.join(FORMATS)}" + f"; {hint.strip()}" * bool(hint))
    needs_extra(fmt)
    all_tables = tables(path)
    names = list(names) if names else all_tables
    for name in names:
        if name not in all_tables:
            hint = did_you_mean(name, all_tables)
            raise ExportError(f"no table named {echoed(name)}; {hint}the tables are: {', '.join(all_tables)}")
    # A path written with a trailing slash names a folder (trial 15 m7: `-o dir.csv/` wrote the file dir.csv).
    folder_meant = isinstance(dest, str) and dest.endswith(("/", os.sep))
    dest = Path(dest)
    if fmt in ONE_FILE or len(names) == 1:
        if folder_meant and not dest.is_dir():
            raise MissingFolderError(
                f"{dest}{os.sep}: no such folder to write into (a path that ends in / names a folder): "
                "make it first, or give a file name without the /"
            )
        if dest.is_dir():  # a folder for one file: the file goes inside it, named for what it holds
            stem = names[0] if len(names) == 1 and fmt not in ONE_FILE else read_descriptor(path).get("name", "package")
            dest = dest / f"{stem}.{EXTENSIONS[fmt]}"
        check_suffix(dest, fmt)
        targets = {dest: names}
    else:
        if dest.exists() and not dest.is_dir():
            raise ExportError(f"{dest} is a file; {fmt} writes one file per table, so give a folder")
        if dest.suffix.lower() == f".{EXTENSIONS[fmt]}" and not dest.is_dir():
            # out.parquet would become a folder of tables that a reader opens as one parquet file and fails on
            raise OutputSuffixError(
                f"{dest} names one .{EXTENSIONS[fmt]} file, but {len(names)} tables are exported and "
                f"{fmt} holds one table per file: give a folder (such as {dest.with_suffix('')}/) or name "
                "one table"
            )
        check_writable(dest)  # the folder named is made, inside a folder that exists
        targets = {dest / f"{name}.{EXTENSIONS[fmt]}": [name] for name in names}
    own = package_files(path)
    for target in targets:  # refuse before writing anything, so a refused export leaves nothing half done
        if os.path.realpath(target) in own:
            what = own[os.path.realpath(target)]
            raise ExportError(
                f"{target} is {what} being exported: choose another file (never replaced, --force or not)"
            )
        if target.exists() and not is_stream(target) and not force:
            raise ExportError(f"{target} exists; pass force=True to replace it")
        if target.parent.is_dir() or fmt in ONE_FILE or len(names) == 1:  # else the folder named, checked above
            check_writable(target)
    if validate:
        check_valid(path)
    if not (fmt in ONE_FILE or len(names) == 1):
        try:
            dest.mkdir(exist_ok=True)
        except OSError as exc:  # /proc/tables: the folder exists but refuses a new one
            said = refused_by_folder(exc, dest, made=dest) or exc
            raise ExportError(f"cannot write {dest}: {reason_of(said)}") from None
    writer = WRITERS[fmt]
    return [atomic_write(target, bound(writer, chosen, path), force) for target, chosen in targets.items()]


def check_suffix(dest: Path, fmt: str) -> None:
    """Refuse a file whose name ends in another suffix than its format's (a name without one is taken as given)."""
    suffix = dest.suffix.lower()
    if not suffix or suffix in SUFFIXES[fmt]:
        return
    other = next((f for f, known in SUFFIXES.items() if suffix in known), None)
    instead = f", or export as {other}" if other else ""
    raise OutputSuffixError(
        f"{dest}: {fmt} files end in {' or '.join(SUFFIXES[fmt])}, not {dest.suffix}: name it so{instead}"
    )


def bound(
    writer: Callable[[Path, list[str], str | Path | None], None], names: list[str], path: str | Path | None
) -> Callable[[Path], None]:
    """The writer for these tables, waiting only for the temporary file to write to."""

    def write(tmp: Path) -> None:
        writer(tmp, names, path)

    return write


def check_valid(path: str | Path | None) -> None:
    """Refuse to export a package with errors (imports the validator)."""
    from ..semantics.validation import validate as run

    report = run(path)
    if not report.valid:
        first = report.first_error()  # the first `validate` lists (r7): a cause, not what follows from it
        assert first is not None  # an invalid report has an error
        raise ExportError(
            f"the package has {count(len(report.errors), 'error')} (first: {first.location()}: {first.message}); "
            "fix the package (see `validate`) before exporting"
        )
