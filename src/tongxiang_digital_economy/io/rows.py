"""A CSV file's rows as text, exactly as written: for what must not depend on a type parser (a release's
fingerprint, a citation's lookup of one row)."""

from __future__ import annotations

import csv
from pathlib import Path

from ..core.exceptions import LoadError


def read_rows(path: Path, table: str) -> list[dict[str, str]]:
    """Every row of the file as a dict of its cells as written (a LoadError says why the file cannot be read)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh, strict=True))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LoadError(table, None, None, f"cannot be read from {path} ({exc}); run `validate` to see why") from None
