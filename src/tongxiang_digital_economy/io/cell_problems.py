"""How a problem of a cell is said: the cell quoted (`excerpt`), a template's braces kept (`literal`), core.suggest's
"did you mean" once per value (`suggester`) and one problem per refused cell (`cells`).

Every step of the reader (io/reader.py) says its problems of cells these ways, so a cell is quoted alike whether
the CSV text, its type, a constraint or a key refused it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pyarrow as pa

from ..core.report import Problem, problem
from ..core.suggest import EXCERPT, QUOTED, Index

# A cell's value -> the front of its message's hint ("did you mean 'gt'? " or ""): see `suggester`.
Hint = Callable[[str], str]
ID_LIKE = re.compile(r"[A-Za-z0-9._:/@+-]{1,300}")  # one token as every id (and URL) of the package is: quoted whole


def excerpt(value: object, whole: bool = False) -> str:
    """A cell as a message quotes it: its repr whole up to QUOTED characters (as a rule's message quotes a cell),
    else its first EXCERPT characters with its length; a white space at either end is named, which a quote shows
    only as a gap (trial 18 m4: an id with a trailing space was cut at 40 characters, and looked right).

    An id is never cut (a reader must be able to find it): key values (`whole`) and any id-shaped token are
    quoted whole; only long free text, such as an evidence passage, is cut.
    """
    text = str(value)
    edges = edge_spaces(text)
    if whole or len(text) <= QUOTED or ID_LIKE.fullmatch(text):
        return repr(text) + edges
    return f"{text[:EXCERPT]!r}… ({len(text)} characters){edges}"


SPACE_NAMES = {
    " ": "a space",
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a carriage return",
    "\u00a0": "a no-break space",
    "\u3000": "an ideographic space",
}


def edge_spaces(text: str) -> str:
    """' (ends in a space)', ' (begins with a tab)' and the like, or '' for a text with no white space at its ends."""

    def named(char: str) -> str:
        return SPACE_NAMES.get(char, f"a white space U+{ord(char):04X}")

    if text and text.isspace():
        return f" (nothing but {named(text)})" if len(text) == 1 else " (white space only)"
    said = []
    if text[:1].isspace():
        said.append(f"begins with {named(text[0])}")
    if text[-1:].isspace():
        said.append(f"ends in {named(text[-1])}")
    return f" ({' and '.join(said)})" if said else ""


def literal(text: str) -> str:
    """Text put into a message template as it is: its braces (a pattern's \\d{4}) are not placeholders."""
    return text.replace("{", "{{").replace("}", "}}")


def suggester(candidates: list[str]) -> Hint:
    """The hint for a value that is none of `candidates`: core.suggest's one "did you mean", asked once per value,
    over one index of the candidates (a foreign key's referenced table may hold thousands of ids)."""
    hints: dict[str, str] = {}
    index = Index(candidates)

    def hint(value: str) -> str:
        if value not in hints:
            hints[value] = index.did_you_mean(value)
        return hints[value]

    return hint


def cells(
    name: str,
    fname: str | None,
    col: pa.ChunkedArray,
    mask: np.ndarray,
    type_id: str,
    template: str,
    hint: Hint | None = None,
) -> list[Problem]:
    """One problem per True cell of `mask`; `{cell}` in the template is the cell's excerpt, `{hint}` what `hint`
    says of the cell's value (nothing without one)."""
    rows = np.flatnonzero(mask)
    if not len(rows):
        return []
    values = col.take(pa.array(rows)).to_pylist()
    return [
        problem(type_id, name, int(i) + 2, fname, template.format(cell=excerpt(v), hint=hint(str(v)) if hint else ""))
        for i, v in zip(rows, values, strict=True)
    ]
