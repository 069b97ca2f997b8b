"""tongxiang-digital-economy: the digital economy of Tongxiang and Wuzhen as a Frictionless Data Package.

    >>> import tongxiang_digital_economy as tde
    >>> tde.tables()            # the table names
    >>> tde.load("indicators")  # a typed pandas DataFrame; column descriptions and the citation in df.attrs
    >>> tde.load_all()          # every table, by name
    >>> tde.series("digital_economy_enterprises", subject="tongxiang")  # one preferred figure per period
    >>> tde.search("烏鎮")       # rows that mention it, in either script
    >>> tde.with_sources(tde.load("indicators"))  # each figure's source title, publisher, date, grade, URL
    >>> tde.validate().valid    # both validation layers (imports frictionless and pandera on first use)
    >>> tde.version(), tde.citation()

Loading imports only pandas; `validate` and `package` import frictionless and pandera when first called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .citations import citation
from .descriptor import read_descriptor, stamp
from .exceptions import (
    ArchiveNotFoundError,
    CitationError,
    DescriptorError,
    ExportError,
    LoadError,
    PackageNotFoundError,
    PlotError,
    ReleaseError,
    SearchError,
    SeriesError,
    ServeError,
    TableNotFoundError,
    TDEError,
)
from .frames import load, load_all, with_sources
from .load import tables
from .search import search
from .series import series

if TYPE_CHECKING:
    from frictionless import Package

    from .report import Report

__all__ = [
    "ArchiveNotFoundError",
    "CitationError",
    "DescriptorError",
    "ExportError",
    "LoadError",
    "PackageNotFoundError",
    "PlotError",
    "ReleaseError",
    "SearchError",
    "SeriesError",
    "ServeError",
    "TDEError",
    "TableNotFoundError",
    "citation",
    "data_dictionary",
    "load",
    "load_all",
    "package",
    "search",
    "series",
    "stamp",
    "tables",
    "validate",
    "version",
    "with_sources",
]


def version(path: str | Path | None = None) -> str:
    """The dataset version (datapackage.json's `version`, the one version string of the project)."""
    return str(read_descriptor(path).get("version", ""))


def package(path: str | Path | None = None) -> Package:
    """The package as a frictionless `Package` (imports frictionless)."""
    from frictionless import Package

    from .paths import DESCRIPTOR, package_dir

    return Package(str(package_dir(path) / DESCRIPTOR))


def validate(path: str | Path | None = None, archive: str | Path | None = None) -> Report:
    """Validate the package (default: the shipped one); see validation.validate."""
    from .validation import validate as run

    return run(path, archive)


def data_dictionary() -> str:
    """The data dictionary (docs/data-dictionary.md) of the shipped package: every table and column explained."""
    from .paths import bundled_package_dir

    return (bundled_package_dir() / "docs" / "data-dictionary.md").read_text(encoding="utf-8")


def __getattr__(name: str) -> Any:
    # `tde.__version__` is the dataset version, read when asked so that it is never a second copy of it.
    if name == "__version__":
        return version()
    raise AttributeError(name)
