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
ArgumentError (a TDEError, and a TypeError) naming the argument, never an error from deep inside.
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
    ExportError,
    LoadError,
    PackageNotFoundError,
    PlotError,
    ReleaseError,
    RuleCrash,
    SearchError,
    SeriesError,
    ServeError,
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
    "ExportError",
    "LoadError",
    "PackageNotFoundError",
    "PlotError",
    "ReleaseError",
    "RuleCrash",
    "SearchError",
    "SeriesError",
    "ServeError",
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
    """A table as a typed DataFrame with its meaning in `df.attrs` (see frames.load)."""
    from .use.frames import load as loaded

    arguments.text("table", table)
    return loaded(table, arguments.path("path", path))


def load_all(path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the package, by name (see frames.load_all)."""
    from .use.frames import load_all as every

    return every(arguments.path("path", path))


def with_sources(frame: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """`frame` with each row's source title, publisher, date, grade and URL (see frames.with_sources)."""
    import pandas as pd

    from .use.frames import with_sources as joined

    if not isinstance(frame, pd.DataFrame):
        raise ArgumentError(f"frame must be a pandas DataFrame (such as tde.load(...)), not {arguments.given(frame)}")
    return joined(frame, arguments.path("path", path))


def select(table: str, where: Sequence[tuple[str, object]] = (), path: str | Path | None = None) -> pd.DataFrame:
    """The rows of a table whose columns hold the values given, compared in each column's type as `show --where`
    compares its text: a value is text, or a number, boolean or date written as text (("year", 2022) is
    ("year", "2022"), as the loaded frame's `year` is an integer; trial 14 m7); a column or value the table cannot
    hold is a WhereError (see frames.select; `show --where` calls it)."""
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
    """One tidy series of an indicator and subject from rows of many sources (see timeseries.series); with
    `preferred`, only the preferred figure of each period, and `.attrs["none_preferred"]` says why none is."""
    from .use.timeseries import series as made

    arguments.text("indicator", indicator)
    arguments.text("subject", subject, optional=True)
    arguments.text("status", status)
    arguments.flag("preferred", preferred)
    return made(indicator, subject=subject, status=status, path=arguments.path("path", path), preferred=preferred)


def search(text: str, theme: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """The rows, tables and sources whose text mentions `text`, in either script (see text_search.search)."""
    from .use.text_search import search as found

    arguments.text("text", text, empty=True)  # an empty text is the search's own SearchError, which says what to give
    arguments.text("theme", theme, optional=True)
    return found(text, theme, arguments.path("path", path))


def schema(table: str, path: str | Path | None = None, archive: str | Path | None = None) -> pa.DataFrameSchema:
    """The pandera DataFrameSchema of a table, from its Table Schema and with its rules (dataframe_schema.schema)."""
    from .semantics.dataframe_schema import schema as compiled

    arguments.text("table", table)
    return compiled(table, arguments.path("path", path), arguments.path("archive", archive))


def package(path: str | Path | None = None) -> Package:
    """The package as a frictionless `Package` (imports frictionless)."""
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
    """Validate the package (default: the shipped one); `layers` runs structure or semantics alone; see
    validation.validate."""
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
