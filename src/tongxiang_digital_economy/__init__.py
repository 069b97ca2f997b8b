"""tongxiang-digital-economy: the digital economy of Tongxiang and Wuzhen as a Frictionless Data Package.

    >>> import tongxiang_digital_economy as tde
    >>> tde.tables()            # the table names
    >>> tde.load("indicators")  # a typed pandas DataFrame
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
    LoadError,
    PackageNotFoundError,
    ReleaseError,
    TableNotFoundError,
    TDEError,
)
from .load import load, tables

if TYPE_CHECKING:
    from frictionless import Package

    from .report import Report

__all__ = [
    "ArchiveNotFoundError",
    "CitationError",
    "DescriptorError",
    "LoadError",
    "PackageNotFoundError",
    "ReleaseError",
    "TDEError",
    "TableNotFoundError",
    "citation",
    "load",
    "package",
    "stamp",
    "tables",
    "validate",
    "version",
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


def __getattr__(name: str) -> Any:
    # `tde.__version__` is the dataset version, read when asked so that it is never a second copy of it.
    if name == "__version__":
        return version()
    raise AttributeError(name)
