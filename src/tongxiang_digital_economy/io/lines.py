"""Where each CSV record starts in its file, so a problem at CSV row N can be shown on the file's line.

Problems count rows as CSV records (the header is row 1), which is what a spreadsheet shows and what
frictionless reports. An editor, `git diff` and GitHub's annotations count lines instead, and the two part as
soon as a quoted cell holds a line break: every record below it starts one line further down. The standard
library's csv reader counts the physical lines it has consumed, so one pass gives every record's first line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .csv_text import raised_field_limit


def record_lines(path: Path) -> list[int]:
    """The first line (1-based) of each record of the CSV file at `path`: element 0 is the header's line.

    A file that is not well-formed CSV from some record on (an unclosed quote) maps the records read before it;
    `line_of` answers for the rest with the row number itself, the best guess without a parse.
    """
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    starts: list[int] = []
    with raised_field_limit():
        consumed = 0
        try:
            for _record in reader:
                starts.append(consumed + 1)
                consumed = reader.line_num
        except csv.Error:
            pass
    return starts


def line_of(starts: list[int], row: int) -> int:
    """The file line of CSV row `row` (the header is row 1), given `record_lines` of the file."""
    if 1 <= row <= len(starts):
        return starts[row - 1]
    return row
