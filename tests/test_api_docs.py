"""The top-level API's docstrings are its reference (trial 18 m5): each names the function it calls by a path that
imports, and each error its "Raises" lists is exported and is the one a call of that kind raises."""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core import exceptions
from tongxiang_digital_economy.core.paths import bundled_package_dir

MISSING = "/nonexistent/tde-api-docs"
# The functions that hand on to one function of a lower layer (package() is frictionless' Package).
CALLERS = ["load", "load_all", "with_sources", "select", "series", "search", "schema", "validate"]


def public_functions() -> dict[str, Callable[..., Any]]:
    return {name: getattr(tde, name) for name in tde.__all__ if inspect.isfunction(getattr(tde, name))}


def raised_names(doc: str) -> list[str]:
    """The error classes a docstring's "Raises:" section names."""
    section = doc.split("Raises:", 1)[1] if "Raises:" in doc else ""
    return re.findall(r"\b([A-Z]\w+Error)\b", section)


def test_every_error_class_is_exported() -> None:
    """A script catches what a function raises: every TDEError subclass is importable from the package."""
    classes = {
        name
        for name, value in vars(exceptions).items()
        if isinstance(value, type) and issubclass(value, (exceptions.TDEError, exceptions.RuleCrash))
    }
    assert classes - set(tde.__all__) == set()


@pytest.mark.parametrize("name", CALLERS)
def test_a_docstring_names_the_function_it_calls_by_a_path_that_imports(name: str) -> None:
    """Trial 18 m5: "see frames.load" named a module `import tongxiang_digital_economy.frames` cannot find."""
    doc = inspect.getdoc(public_functions()[name]) or ""
    paths = re.findall(r"\(tongxiang_digital_economy\.([\w.]+)[;)]", doc)
    assert len(paths) == 1, doc
    module, _, attribute = f"tongxiang_digital_economy.{paths[0]}".rpartition(".")
    assert callable(getattr(importlib.import_module(module), attribute))
    assert not re.search(r"\bsee [a-z_]+\.[a-z_]+\b", doc), doc


@pytest.mark.parametrize("name", [*CALLERS, "package"])
def test_a_docstring_says_what_it_raises_and_each_error_is_exported(name: str) -> None:
    doc = inspect.getdoc(public_functions()[name]) or ""
    named = raised_names(doc)
    assert named, f"{name} has no Raises section"
    for error in named:
        assert issubclass(getattr(tde, error), tde.TDEError), error


def calls(stale: Path) -> list[tuple[str, Callable[[], object], type[Exception]]]:
    """One call per error a docstring lists, with the error it raises."""
    return [
        ("load", lambda: tde.load("no_such_table"), tde.TableNotFoundError),
        ("load", lambda: tde.load("indicators", path=MISSING), tde.PackageNotFoundError),
        ("load", lambda: tde.load("units", path=stale), tde.LoadError),
        ("load_all", lambda: tde.load_all(path=MISSING), tde.PackageNotFoundError),
        ("with_sources", lambda: tde.with_sources(pd.DataFrame({"a": [1]})), tde.TDEError),
        ("select", lambda: tde.select("indicators", [("no_column", "x")]), tde.WhereError),
        ("series", lambda: tde.series("gdp"), tde.SubjectNeededError),
        ("series", lambda: tde.series("gdpx", subject="tongxiang"), tde.SeriesError),
        ("search", lambda: tde.search(""), tde.EmptyQueryError),
        ("search", lambda: tde.search("x" * 5000), tde.QueryTooLongError),
        ("search", lambda: tde.search("gdp", theme="no_such_theme"), tde.SearchError),
        ("schema", lambda: tde.schema("no_such_table"), tde.TableNotFoundError),
        ("schema", lambda: tde.schema("indicators", archive=MISSING), tde.ArchiveNotFoundError),
        ("validate", lambda: tde.validate(layers=["no_such_layer"]), tde.ArgumentError),
        ("validate", lambda: tde.validate(path=MISSING), tde.PackageNotFoundError),
        ("validate", lambda: tde.validate(archive=MISSING), tde.ArchiveNotFoundError),
        ("package", lambda: tde.package(MISSING), tde.PackageNotFoundError),
    ]


def test_each_listed_error_is_what_such_a_call_raises(tmp_path: Path) -> None:
    """The Raises sections are not prose: each error a call here raises is listed in its function's docstring.
    The calls cover the errors particular to each function; the ones every reader shares (ArgumentError,
    DescriptorError, PackageNotFoundError) have their own tests (test_arguments, test_load, test_schema)."""
    root = bundled_package_dir()  # the package the tests use: a checkout's, or the installed wheel's
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "units.csv").write_bytes((root / "data" / "units.csv").read_bytes() + b"x\n")
    for name in ("datapackage.json",):
        (tmp_path / name).write_bytes((root / name).read_bytes())
    (tmp_path / "schemas").mkdir()
    for schema in (root / "schemas").iterdir():
        (tmp_path / "schemas" / schema.name).write_bytes(schema.read_bytes())
    for name, call, error in calls(tmp_path):
        with pytest.raises(error) as caught:
            call()
        assert type(caught.value).__name__ in raised_names(inspect.getdoc(public_functions()[name]) or ""), (
            name,
            type(caught.value).__name__,
        )


def test_the_statuses_a_series_takes_are_the_schemas_wherever_they_are_said() -> None:
    """Trial 18 m10: `help(tde.series)` offered `forecast`, which no schema holds. The library reads the statuses
    from the indicators schema; the docstring and the CLI's --status choice say the same ones."""
    from tongxiang_digital_economy.cli.series import series_command as command
    from tongxiang_digital_economy.schema.descriptor import status_values

    statuses = status_values()
    assert statuses == ["actual", "target", "estimate"]
    doc = inspect.getdoc(tde.series) or ""
    said = re.search(r"status: one of the indicators schema's statuses: (.+)\.", doc)
    assert said is not None and re.split(r", | or ", said.group(1)) == statuses
    choice = next(p for p in command.params if p.name == "status").type
    assert list(getattr(choice, "choices", [])) == statuses
    with pytest.raises(tde.SeriesError) as caught:
        tde.series("gdp", subject="tongxiang", status="forecast")
    assert str(caught.value) == "status 'forecast' is not one of actual, target, estimate"
