"""Checks of the public functions' arguments, so that a wrong call says what is wrong in the package's words.

Without them `tde.search(None)` ends in an AttributeError from deep inside the search and `tde.load("x", 5)`
in a TypeError from pathlib: a caller can tell neither from a bug. Each check raises ArgumentError (a TDEError
and a TypeError) naming the argument, what it must be and what it was given.
"""

from __future__ import annotations

import datetime
import math
import numbers
import os
from collections.abc import Iterable
from pathlib import Path

from .exceptions import ArgumentError


def given(value: object) -> str:
    """What a caller passed, briefly: its type, and the value itself when it is short."""
    shown = repr(value)
    return shown if len(shown) <= 40 else f"a {type(value).__name__}"


def undecodable(value: str) -> str | None:
    """`value`'s bytes written as escapes (`\\xce\\xda`) when it is no Unicode text, else None.

    Why: a word typed in a terminal that is not UTF-8 (乌镇 in GBK) reaches Python as lone surrogates (PEP 383's
    escapes of bytes that do not decode), which every later step that encodes text (OpenCC, the CSV reader,
    printing) refuses with a UnicodeEncodeError. A path may be such bytes (a file name is bytes on POSIX); a word
    to look for, an id or a value may not.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = value.encode("utf-8", "surrogateescape")  # the bytes the terminal sent
        except UnicodeEncodeError:  # a lone surrogate written in Python ("\ud800"), no escaped byte
            raw = value.encode("utf-8", "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return None


def text(name: str, value: object, *, optional: bool = False, empty: bool = False) -> str | None:
    """`value` as a string argument: a str of Unicode text (non-empty unless `empty`), or None when `optional`."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        wanted = "a string or None" if optional else "a string"
        raise ArgumentError(f"{name} must be {wanted}, not {given(value)}")
    if (escaped := undecodable(value)) is not None:
        raise ArgumentError(f"{name} must be Unicode text, not the undecodable bytes '{escaped}'")
    if not empty and not value.strip():
        raise ArgumentError(f"{name} must not be empty")
    return value


def flag(name: str, value: object) -> bool:
    """`value` as a yes/no argument: True or False (a string "false" would read as true)."""
    if not isinstance(value, bool):
        raise ArgumentError(f"{name} must be True or False, not {given(value)}")
    return value


def path(name: str, value: object) -> Path | None:
    """`value` as a path argument: None (the default place), or a non-empty str or os.PathLike."""
    if value is None:
        return None
    if isinstance(value, bytes) or not isinstance(value, str | os.PathLike):
        raise ArgumentError(f"{name} must be a path (a str or pathlib.Path) or None, not {given(value)}")
    if isinstance(value, str) and not value.strip():
        raise ArgumentError(f"{name} must not be an empty string; give a folder, or None for the shipped package")
    try:
        return Path(value)
    except TypeError:  # an os.PathLike whose __fspath__ returns bytes
        raise ArgumentError(f"{name} must be a path (a str or pathlib.Path) or None, not {given(value)}") from None


def names(name: str, value: object) -> list[str]:
    """`value` as a collection of names: an iterable of strings, but not a single string (whose letters it is)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentError(f"{name} must be a list of names, not {given(value)}")
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise ArgumentError(f"{name} must be a list of names, but holds {given(item)}")
    return items


def as_text(value: object) -> str | None:
    """A `where` value as `show --where` writes it: text as it is; a boolean `true`/`false`; a whole number, a finite
    number or a date (a datetime at midnight: a loaded date column's value) in its usual text; None for anything
    else (a list, NaN, a time of day), which names no cell."""
    if isinstance(value, str):
        return value if undecodable(value) is None else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real) and math.isfinite(float(value)):
        # A whole float (2022.0, what pandas gives an integer column after a NaN) is the whole number: an integer
        # column's `year` 2022 (trial 15 m1); a number column compares 2022 and 2022.0 alike.
        whole = float(value)
        return str(int(whole)) if whole.is_integer() else repr(whole)
    if isinstance(value, datetime.datetime):
        if value != value:  # pandas' NaT, a missing date, is a datetime that equals nothing
            return None
        return value.date().isoformat() if value.time() == datetime.time() and value.tzinfo is None else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None
