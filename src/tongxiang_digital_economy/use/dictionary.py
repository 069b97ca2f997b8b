"""The data dictionary (docs/data-dictionary.md), generated from the Table Schemas so it can never drift."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.paths import package_dir
from ..schema.descriptor import read_descriptor, table_schema
from ..schema.keys import foreign_keys, primary_key
from .limits import MODEL_LIMITS, READING_LIMITS

# How each Table Schema constraint reads; a constraint not listed here is shown by its own name, so none is dropped.
WORDS = {
    "minimum": "≥",
    "maximum": "≤",
    "exclusiveMinimum": ">",
    "exclusiveMaximum": "<",
    "minLength": "length ≥",
    "maxLength": "length ≤",
}


def constraint_text(field: dict[str, Any]) -> str:
    """A field's constraints, in a few words: every key of `constraints`, the known ones in words."""
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key in ("required", "unique"):
            if value:
                parts.append(key)
        elif key == "enum":
            parts.append("one of " + ", ".join(f"`{v}`" for v in value))
        elif key == "pattern":
            parts.append(f"pattern `{value}`")
        else:
            parts.append(f"{WORDS.get(key, key)} {value}")
    return "; ".join(parts)


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def data_dictionary(path: str | Path | None = None) -> str:
    """Markdown: for every table, its description, keys and one line per field."""
    base = package_dir(path)
    d = read_descriptor(base)
    lines = [
        f"# Data dictionary: {d.get('title')}",
        "",
        "Generated from the Table Schemas in `schemas/` by `scripts/build`; do not edit by hand.",
        "",
    ]
    for res in d["resources"]:
        schema = table_schema(base, res)
        lines += [
            f"## `{res['name']}`",
            "",
            schema.get("description", ""),
            "",
            f"Primary key: `{', '.join(primary_key(schema))}`.",
        ]
        for key, other, ref_fields in foreign_keys(schema):
            target = other or res["name"]  # no resource (or "") refers to the table itself
            fields, referenced = ", ".join(key), ", ".join(ref_fields)
            lines.append(f"Foreign key: `{fields}` → `{target}.{referenced}`.")
        lines += ["", "| field | type | constraints | description |", "| --- | --- | --- | --- |"]
        for field in schema["fields"]:
            desc = escape(field.get("description", ""))
            lines.append(f"| `{field['name']}` | {field['type']} | {escape(constraint_text(field))} | {desc} |")
        lines.append("")
    lines += [*rules_section(), "## What the model cannot express", ""]
    lines += [f"- **{what}**: {example}" for what, example in MODEL_LIMITS]
    lines += ["", "## What the claim readers cannot read", ""]
    lines += [f"- **{what}**: {example}" for what, example in READING_LIMITS]
    lines.append("")
    return "\n".join(lines)


def rules_section() -> list[str]:
    """The semantic rules, as rules.py declares them: id, table and field, severity, and what it asks."""
    from ..semantics.rules import RULES

    lines = [
        "## Rules",
        "",
        "Checked by `validate` on every row, beyond the constraints above (`--archive` adds those marked *archive*).",
        "",
        "| rule | table.field | severity | what it asks |",
        "| --- | --- | --- | --- |",
    ]
    for r in RULES:
        asks = (r.check.__doc__ or r.message).strip().splitlines()[0]
        where = f"{r.table}.{r.field}" + (" (archive)" if r.needs_archive else "")
        lines.append(f"| `{r.id}` | {where} | {r.severity} | {escape(asks)} |")
    lines.append("")
    return lines
