"""The form a text cell must take, in words, read from its field's Table Schema: never the regex.

Why this exists: a cell that breaks a field's `pattern` was told as the pattern (`'…-002x' does not match the
pattern ^[a-z0-9]+(-[a-z0-9]+)*-\\d{3,}$`), which names the fault in a language few maintainers read and says
nothing of the fix (trial 15 m4). The words are the schema's own, so the form is written once, where the pattern
is, and the data dictionary shows the same words:

- a date held as text says the forms its description writes in backticks (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) that
  its pattern takes (trial 14 m1);
- any other field with a pattern (every id and key column) says the sentence of its description that opens with
  "Written as" (`Written as lower-case letters and digits, in words joined by hyphens.`);
- either is followed by the field's `example`, where it has one.

A field with a pattern and neither (a schema of someone else's) is still told its pattern: the reader never
invents a form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core.report import a_or_an

# The letters of a form a description writes for a date (`YYYY-MM-DD`), each with a value of its place.
FORM_LETTERS = {"YYYY": "2000", "MM": "01", "DD": "01"}
# The sentence of a description that says a field's form: "Written as …." up to its full stop (a dot followed by a
# space or the end, so that `.txt` inside it does not end it).
WRITTEN_AS = re.compile(r"(?:^|(?<=[.:;]\s))Written as (.+?)\.(?=\s|$)")


def such_as(f: dict[str, Any], lead: str = " (a value such as ") -> str:
    """The field's `example` (Table Schema), said after the form wanted: a reader told that '2025-13-04' is not a
    date sees the form wanted in a value too (trial 12 m5). Plain text: the caller escapes braces."""
    if "example" not in f:
        return ""
    return f"{lead}'{f['example']}'" + (")" if lead.startswith(" (") else "")


def date_forms(f: dict[str, Any]) -> str:
    """The date forms a field with a pattern takes, in words, as its Table Schema says them: each form its
    description writes in backticks (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `../YYYY-MM-DD`) that the pattern takes
    once its letters are digits, the longest first: `YYYY-MM-DD, YYYY-MM or YYYY`; "" for a field whose
    description writes no such form (an id). So a date that breaks the pattern is told in the words a date
    column of type date is (`is not a valid date (YYYY-MM-DD, …)`), never as the regex (trial 14 m1)."""
    pattern = f.get("constraints", {}).get("pattern")
    if not isinstance(pattern, str):
        return ""
    written = re.findall(r"`([^`]*YYYY[^`]*)`", str(f.get("description", "")))
    taken = [w for w in dict.fromkeys(written) if re.fullmatch(pattern, instance(w))]
    taken.sort(key=lambda w: (w.startswith("."), -len(w)))
    return " or ".join([", ".join(taken[:-1]), taken[-1]] if len(taken) > 1 else taken)


def instance(form: str) -> str:
    """A date form with its letters as digits: `YYYY-MM` as 2000-01."""
    for letters, digits in FORM_LETTERS.items():
        form = form.replace(letters, digits)
    return form


def written_form(f: dict[str, Any]) -> str:
    """What the field's description says after "Written as", without its backticks: `lower-case letters and
    digits, in words joined by hyphens`; "" where it says no such sentence."""
    found = WRITTEN_AS.search(str(f.get("description", "")))
    return found.group(1).replace("`", "") if found else ""


@dataclass(frozen=True)
class PatternForm:
    """What a cell of a field with a pattern must be, decided once (review 13 R10: the reader and the words had each
    asked `date_forms`): whether the field is a date held as text, so its cell must also be a day on the calendar,
    and what a cell that breaks it is told, after the cell; `what`: what an empty required cell is told to fill in
    (review 14 R11: required_fault had decided date / written form / pattern again).
    """

    is_date: bool
    fault: str
    what: str


def pattern_form(f: dict[str, Any]) -> PatternForm:
    """The field's form: a date held as text is told `is not a valid date (YYYY-MM-DD, …, a day on the calendar,
    such as '2023-11-08')`, another field `is not a valid place_id: write it as lower-case letters and digits, in
    words joined by hyphens, such as 'wuzhen'`, a schema that says no form its pattern itself."""
    forms = date_forms(f)
    if forms:
        return PatternForm(
            True, f"is not a valid date ({forms}, a day on the calendar{such_as(f, ', such as ')})", f"a date ({forms})"
        )
    words = written_form(f)
    if words:
        return PatternForm(
            False,
            f"is not a valid {f['name']}: write it as {words}{such_as(f, ', such as ')}",
            f"{a_or_an(str(f['name']))}, written as {words}",
        )
    pattern = f["constraints"]["pattern"]
    return PatternForm(
        False, f"does not match the pattern {pattern}{such_as(f)}", f"a value matching the pattern {pattern}"
    )
