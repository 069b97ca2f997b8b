"""tongxiang-digital-economy: the digital economy of Tongxiang and Wuzhen as a Frictionless Data Package.

    >>> import tongxiang_digital_economy as tde
    >>> tde.tables()            # the table names
    >>> tde.load("indicators")  # a typed pandas DataFrame
    >>> tde.validate().valid    # descriptor, cells, keys, rules (imports frictionless and pandera on first use)
    >>> tde.schema("indicators").validate(my_frame, lazy=True)   # the pandera schema of a table, rules included
    >>> tde.version(), tde.citation()

Importing the package imports neither pandas nor pyarrow (so `--help` and `--version` stay fast): `load` and
`tables` import pandas and pyarrow on first use; `validate`, `schema` and `package` add frictionless and pandera.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .citations import citation
from .descriptor import read_descriptor, stamp
from .exceptions import (
    ArchiveNotFoundError,
    DescriptorError,
    LoadError,
    PackageNotFoundError,
    RuleCrash,
    TableNotFoundError,
    TDEError,
)
from .load import load, tables  # cheap: load.py imports pandas and pyarrow when first called

if TYPE_CHECKING:
    import pandera.pandas as pa
    from frictionless import Package

    from .report import Report

__all__ = [
    "ArchiveNotFoundError",
    "DescriptorError",
    "LoadError",
    "PackageNotFoundError",
    "RuleCrash",
    "TDEError",
    "TableNotFoundError",
    "citation",
    "load",
    "package",
    "schema",
    "stamp",
    "tables",
    "validate",
    "version",
]


def version(path: str | Path | None = None) -> str:
    """The dataset version (datapackage.json's `version`, the one version string of the project)."""
    return str(read_descriptor(path).get("version", ""))


def schema(table: str, path: str | Path | None = None, archive: str | Path | None = None) -> pa.DataFrameSchema:
    """The pandera DataFrameSchema of a table, from its Table Schema and with its rules (dataframe_schema.schema)."""
    from .dataframe_schema import schema as compiled

    return compiled(table, path, archive)


def package(path: str | Path | None = None) -> Package:
    """The package as a frictionless `Package` (imports frictionless)."""
    from frictionless import FrictionlessException, Package

    from .paths import DESCRIPTOR, package_dir

    try:
        return Package(str(package_dir(path) / DESCRIPTOR))
    except FrictionlessException as exc:
        raise DescriptorError(f"{DESCRIPTOR}: {exc.error.message}") from None


def validate(path: str | Path | None = None, archive: str | Path | None = None) -> Report:
    """Validate the package (default: the shipped one); see validation.validate."""
    from .validation import validate as run

    return run(path, archive)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return version()
    raise AttributeError(name)
