"""Every public function of `tongxiang_digital_economy` refuses a bad argument with the package's own error.

Why: `tde.search(None)` once ended in an AttributeError from inside the search (trial 2, T1), which a caller
cannot tell from a bug. Each public function is called with None, an empty string and values of the wrong type in
each of its parameters; a bad argument must raise a TDEError (an ArgumentError where the type is wrong), never a
bare Python error. The argument is checked before any file is read, so these calls are fast.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import tongxiang_digital_economy as tde

# A valid call of each public function; each case below replaces one of its arguments with a bad one.
VALID: dict[str, dict[str, Any]] = {
    "citation": {"path": None},
    "data_dictionary": {},
    "load": {"table": "indicators", "path": None},
    "load_all": {"path": None},
    "package": {"path": None},
    "schema": {"table": "indicators", "path": None, "archive": None},
    "search": {"text": "gdp", "theme": None, "path": None},
    "select": {"table": "indicators", "where": [("year", "2019")], "path": None},
    "series": {"indicator": "gdp", "subject": "tongxiang", "status": "actual", "path": None, "preferred": True},
    "stamp": {"path": "/nonexistent-package"},
    "tables": {"path": None},
    "validate": {"path": None, "archive": None, "layers": ("structure", "semantics")},
    "version": {"path": None},
    "with_sources": {"frame": pd.DataFrame(), "path": None},
}
OPTIONAL = {"path", "archive", "theme", "subject"}  # None means "the default" for these, so None is no bad value


class Opaque:
    """A value of no expected type, with a stable repr (test ids must be the same in every xdist worker)."""

    def __repr__(self) -> str:
        return "Opaque()"


BAD: list[object] = [None, "", "   ", 5, 1.5, b"indicators", ["indicators"], {"a": 1}, Opaque()]


def public_functions() -> dict[str, Callable[..., Any]]:
    return {
        name: getattr(tde, name)
        for name in tde.__all__
        if inspect.isfunction(getattr(tde, name)) and not isinstance(getattr(tde, name), type)
    }


def test_every_public_function_has_a_valid_call_here() -> None:
    """A new public function must be added to VALID, so that its arguments are tested too."""
    functions = public_functions()
    assert sorted(functions) == sorted(VALID)
    for name, function in functions.items():
        assert sorted(inspect.signature(function).parameters) == sorted(VALID[name]), name


CASES = [
    (name, parameter, bad)
    for name, valid in VALID.items()
    for parameter in valid
    for bad in BAD
    if not (bad is None and parameter in OPTIONAL)
]


@pytest.mark.parametrize(("name", "parameter", "bad"), CASES, ids=[f"{n}-{p}-{b!r}"[:60] for n, p, b in CASES])
def test_a_bad_argument_is_the_packages_error(name: str, parameter: str, bad: object) -> None:
    function = public_functions()[name]
    with pytest.raises(tde.TDEError) as caught:
        function(**{**VALID[name], parameter: bad})
    if not isinstance(bad, str):  # a wrong type is an ArgumentError, which is also a TypeError
        assert isinstance(caught.value, tde.ArgumentError) and isinstance(caught.value, TypeError)
        assert parameter in str(caught.value)


def test_search_of_none_names_the_argument() -> None:
    with pytest.raises(tde.ArgumentError) as caught:
        tde.search(None)  # type: ignore[arg-type]
    assert str(caught.value) == "text must be a string, not None"


def test_an_empty_path_is_refused_rather_than_read_as_the_working_folder() -> None:
    with pytest.raises(tde.ArgumentError) as caught:
        tde.load("indicators", path="")
    assert str(caught.value) == "path must not be an empty string; give a folder, or None for the shipped package"


def test_stamp_needs_a_path(tmp_path: Path) -> None:
    with pytest.raises(tde.ArgumentError) as caught:
        tde.stamp(None)  # type: ignore[arg-type]
    assert str(caught.value) == "path must name the package folder to stamp, not None"


def test_a_single_layer_name_is_refused_with_what_to_give() -> None:
    with pytest.raises(tde.ArgumentError) as caught:
        tde.validate(layers="structure")
    assert str(caught.value) == "layers must be a list of names, not 'structure'"


def test_dir_shows_the_api_only() -> None:
    """Trial 7 m3: `dir(tde)` listed Any, Iterable, Path, Sequence, TYPE_CHECKING, annotations, core, io, use."""
    shown = dir(tde)
    assert shown == sorted([*tde.__all__, "__version__"])
    assert not {"Any", "Path", "Sequence", "TYPE_CHECKING", "annotations", "core", "io", "use"} & set(shown)
    assert all(getattr(tde, name) is not None for name in shown)
