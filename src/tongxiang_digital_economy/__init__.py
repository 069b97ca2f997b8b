"""tongxiang-digital-economy: the digital economy of Tongxiang and Wuzhen as a Frictionless Data Package.

    >>> import tongxiang_digital_economy as tde
    >>> tde.tables()            # the table names
    >>> tde.load("indicators")  # a typed pandas DataFrame; column descriptions and the citation in df.attrs
    >>> tde.load_all()          # every table, by name
    >>> tde.series("digital_economy_enterprises", subject="tongxiang")  # one preferred figure per period
    >>> tde.select("indicators", [("year", "2019"), ("place_id", "wuzhen")])  # rows by typed values
    >>> tde.search("烏鎮")       # rows that mention it, in either script
    >>> tde.with_sources(tde.load("indicators"))  # each figure's source title, publisher, date, grade, URL
    >>> tde.validate().valid    # descriptor, cells, keys, rules (imports frictionless and pandera on first use)
    >>> tde.schema("indicators").validate(my_frame, lazy=True)   # the pandera schema of a table, rules included
    >>> tde.version(), tde.citation()

Importing the package imports neither pandas nor pyarrow (so `--help` and `--version` stay fast): `load`,
`tables`, `series`, `search` and the rest import pandas and pyarrow on first use; `validate`, `schema` and
`package` add frictionless and pandera.

Every public function checks its arguments first: None, an empty name or a value of the wrong type is an
ArgumentError (a TDEError, and a TypeError) naming the argument, never an error from deep inside. Every fault of
the input is a TDEError whose message names the table, row and field it is about: a script catches TDEError (or
the subclass a function's "Raises" lists; every one is importable from here), and anything else is a bug.
`path` is always the package folder (the one holding datapackage.json); None is the shipped package.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core import arguments
from .core.exceptions import (
    ArchiveNotFoundError,
    ArgumentError,
    CitationError,
    DescriptorError,
    EmptyQueryError,
    ExportError,
    LoadError,
    MissingFolderError,
    OutputError,
    OutputSuffixError,
    PackageNotFoundError,
    PlotError,
    QueryTooLongError,
    ReleaseError,
    ReusedIdsError,
    RuleCrash,
    SearchError,
    SeriesError,
    ServeError,
    StaleStampError,
    SubjectNeededError,
    TableNotFoundError,
    TDEError,
    WhereError,
)
from .io.load import tables  # cheap: load.py imports pandas and pyarrow when first called
from .io.stamp import stamp
from .schema.descriptor import version
from .use.citations import citation

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa
    from frictionless import Package

    from .core.report import Report

__all__ = [
    "ArchiveNotFoundError",
    "ArgumentError",
    "CitationError",
    "DescriptorError",
    "EmptyQueryError",
    "ExportError",
    "LoadError",
    "MissingFolderError",
    "OutputError",
    "OutputSuffixError",
    "PackageNotFoundError",
    "PlotError",
    "QueryTooLongError",
    "ReleaseError",
    "ReusedIdsError",
    "RuleCrash",
    "SearchError",
    "SeriesError",
    "ServeError",
    "StaleStampError",
    "SubjectNeededError",
    "TDEError",
    "TableNotFoundError",
    "WhereError",
    "citation",
    "data_dictionary",
    "load",
    "load_all",
    "package",
    "schema",
    "search",
    "select",
    "series",
    "stamp",
    "tables",
    "validate",
    "version",
    "with_sources",
]


def load(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """A table as a typed pandas DataFrame, with its meaning in `df.attrs`.

    Columns are typed from the table's Table Schema (pandas' nullable string, Int64, Float64 and boolean, and
    datetime64[s] dates); an empty cell is a missing value (pd.NA, NaT), never a coerced one. `indicators` gains
    `value_base` and `base_unit` (the value in its unit's base unit). `df.attrs["columns"]` maps each column to its
    description, `df.attrs["units"]` each unit used to its label, `df.attrs["citation"]` says how to cite this
    version.
    (tongxiang_digital_economy.use.frames.load)

    Args:
        table: a table name (`tables()`).
        path: the package folder; None for the shipped package.

    Returns:
        The table, one row per CSV row in file order.

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        TableNotFoundError: `table` is not a table of the package (the message lists them).
        LoadError: a cell its column cannot hold, or a broken key; the message names table, row and field.
    """
    from .use.frames import load as loaded

    arguments.text("table", table)
    return loaded(table, arguments.path("path", path))


def load_all(path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the package, by name, each as `load` gives it (tongxiang_digital_economy.use.frames.load_all).

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        LoadError: a cell its column cannot hold, in any table.
    """
    from .use.frames import load_all as every

    return every(arguments.path("path", path))


def with_sources(frame: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """`frame` with each row's source title, publisher, date, grade and URL beside it
    (tongxiang_digital_economy.use.frames.with_sources).

    Args:
        frame: a table with a `source_id` column, such as `load("indicators")` or a selection of it.
        path: the package folder whose `sources` to join; None for the shipped package.

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        LoadError: a cell of `sources` its column cannot hold.
        TDEError: `frame` has no `source_id` column.
    """
    import pandas as pd

    from .use.frames import with_sources as joined

    if not isinstance(frame, pd.DataFrame):
        raise ArgumentError(f"frame must be a pandas DataFrame (such as tde.load(...)), not {arguments.given(frame)}")
    return joined(frame, arguments.path("path", path))


def select(table: str, where: Sequence[tuple[str, object]] = (), path: str | Path | None = None) -> pd.DataFrame:
    """The rows of a table whose columns hold the values given, compared in each column's type as `show --where`
    compares its text: a value is text, or a number, boolean or date written as text (("year", 2022) is
    ("year", "2022"), as the loaded frame's `year` is an integer; trial 14 m7); a column or value the table cannot
    hold is a WhereError (tongxiang_digital_economy.use.frames.select; `show --where` calls it).

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        TableNotFoundError: `table` is not a table of the package.
        WhereError: a column the table lacks, or a value its column cannot hold (with "did you mean").
    """
    from .use.frames import select as selected

    arguments.text("table", table)
    if not isinstance(where, (list, tuple)):
        raise ArgumentError(f"where must be a list of (column, value) pairs, not {arguments.given(where)}")
    pairs = []
    for pair in where:
        written = arguments.as_text(pair[1]) if isinstance(pair, tuple) and len(pair) == 2 else None
        if written is None or not isinstance(pair[0], str):
            kinds = "text, numbers, booleans or dates"
            raise ArgumentError(f"where must hold (column, value) pairs of {kinds}, not {arguments.given(pair)}")
        pairs.append((pair[0], written))
    return selected(table, pairs, arguments.path("path", path))


def series(
    indicator: str,
    subject: str | None = None,
    status: str = "actual",
    path: str | Path | None = None,
    preferred: bool = False,
) -> pd.DataFrame:
    """One tidy series of an indicator and subject from the rows of many sources
    (tongxiang_digital_economy.use.timeseries.series).

    Every figure of the indicator about the subject with that status, sorted by period, each with its `role` in
    its period: preferred (the one to use), corroborating (another source gives it alike), repeated, competing (a
    different figure for the same period), restated, not_comparable; and `reason`, `period_label`,
    `corroborated_by`. `.attrs["other_statuses"]` counts the subject's figures of each other status
    (`{"target": 1}`); `.attrs["elsewhere"]` lists the indicator's figures about the subject's parent or parts.

    Args:
        indicator: an indicator_id (`search` names them).
        subject: a place, enterprise or project id, or an edition of an event (`wic-2023`); may be left out when
            the indicator's figures are about one subject only.
        status: one of the indicators schema's statuses: actual, target or estimate.
        path: the package folder; None for the shipped package.
        preferred: only the preferred figure of each period; `.attrs["none_preferred"]` then says why a period
            with figures has none.

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        SeriesError: an unknown indicator, subject or status (with "did you mean"); SubjectNeededError (a
            SeriesError) when no subject is given for an indicator about several.
    """
    from .use.timeseries import series as made

    arguments.text("indicator", indicator)
    arguments.text("subject", subject, optional=True)
    arguments.text("status", status)
    arguments.flag("preferred", preferred)
    return made(indicator, subject=subject, status=status, path=arguments.path("path", path), preferred=preferred)


def search(text: str, theme: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """The cells whose text mentions `text`, in either script, through the names' aliases
    (tongxiang_digital_economy.use.text_search.search).

    Returns a frame of `table`, `key`, `column`, `text`, `source_id`, one row per matching cell;
    `.attrs["indicators"]` holds the indicators the query names. A measure and a number (`GDP 1347.1`) find that
    measure's figures of that value.

    Args:
        text: words, names or numbers; empty only with a theme (every row of the theme).
        theme: one of the themes the package declares (the error lists them).
        path: the package folder; None for the shipped package.

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        SearchError: an unknown theme; EmptyQueryError (no word in `text`, and no theme) and QueryTooLongError
            (longer than any name the package holds) are SearchErrors.
    """
    from .use.text_search import search as found

    arguments.text("text", text, empty=True)  # an empty text is the search's own SearchError, which says what to give
    arguments.text("theme", theme, optional=True)
    return found(text, theme, arguments.path("path", path))


def schema(table: str, path: str | Path | None = None, archive: str | Path | None = None) -> pa.DataFrameSchema:
    """The pandera DataFrameSchema of a table, from its Table Schema and with its semantic rules
    (tongxiang_digital_economy.semantics.dataframe_schema.schema).

    `schema("indicators").validate(df, lazy=True)` checks an edited or derived frame as `validate` checks the
    table: types, constraints, keys against the package's other tables and the rules; failures are pandera's
    SchemaErrors, each naming the rule.

    Raises:
        ArgumentError: an argument of the wrong type, or empty.
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: datapackage.json or a Table Schema cannot be read.
        TableNotFoundError: `table` is not a table of the package.
        ArchiveNotFoundError: `archive` is given and is not a folder.
    """
    from .semantics.dataframe_schema import schema as compiled

    arguments.text("table", table)
    return compiled(table, arguments.path("path", path), arguments.path("archive", archive))


def package(path: str | Path | None = None) -> Package:
    """The package as a frictionless `Package` (imports frictionless).

    Raises:
        PackageNotFoundError: no datapackage.json at `path`.
        DescriptorError: frictionless cannot read datapackage.json.
    """
    from frictionless import FrictionlessException, Package

    from .core.paths import DESCRIPTOR, package_dir

    try:
        return Package(str(package_dir(path) / DESCRIPTOR))
    except FrictionlessException as exc:
        raise DescriptorError(f"{DESCRIPTOR}: {exc.error.message}") from None


def validate(
    path: str | Path | None = None,
    archive: str | Path | None = None,
    layers: Iterable[str] = ("structure", "semantics"),
) -> Report:
    """Validate the package: descriptor, cells, keys and the semantic rules
    (tongxiang_digital_economy.semantics.validation.validate).

    Faults of the data are the Report's problems (`report.valid`, `report.problems`, each with table, row, field
    and rule; `report.summary`), never exceptions.

    Args:
        path: the package folder; None for the shipped package.
        archive: the folder of archived source texts (../shared/sources in a checkout): each figure's evidence
            is then read against its source's text.
        layers: "structure", "semantics" or both (the default).

    Raises:
        ArgumentError: an argument of the wrong type, or an unknown layer.
        PackageNotFoundError: no datapackage.json at `path`.
        ArchiveNotFoundError: `archive` is given and is not a folder.
    """
    from .semantics.validation import validate as run

    return run(arguments.path("path", path), arguments.path("archive", archive), arguments.names("layers", layers))


def data_dictionary() -> str:
    """The data dictionary (docs/data-dictionary.md) of the shipped package: every table and column explained."""
    from .core.paths import bundled_package_dir

    return (bundled_package_dir() / "docs" / "data-dictionary.md").read_text(encoding="utf-8")


def __dir__() -> list[str]:
    """The public API only (`__all__` and `__version__`), for tab completion and `dir(tde)`: the names the module
    imports to build it (Path, Sequence, the subpackages core, io, use) are no part of it (trial 7 m3)."""
    return sorted([*__all__, "__version__"])


def __getattr__(name: str) -> Any:
    # `tde.__version__` is the dataset version, read when asked so that it is never a second copy of it.
    if name == "__version__":
        return version()
    raise AttributeError(name)
