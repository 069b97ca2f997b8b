"""The data dictionary (docs/data-dictionary.md), generated from the Table Schemas so it can never drift."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .descriptor import read_descriptor, table_schema
from .paths import package_dir


def constraint_text(field: dict[str, Any]) -> str:
    """A field's constraints, in a few words."""
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of " + ", ".join(f"`{v}`" for v in c["enum"]))
    for key, word in (("minimum", "≥"), ("maximum", "≤"), ("exclusiveMinimum", ">"), ("maxLength", "length ≤")):
        if key in c:
            parts.append(f"{word} {c[key]}")
    if "pattern" in c:
        parts.append(f"pattern `{c['pattern']}`")
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
            f"Primary key: `{', '.join(schema.get('primaryKey', []))}`.",
        ]
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or res["name"]
            lines.append(
                f"Foreign key: `{', '.join(fk['fields'])}` → `{target}.{', '.join(fk['reference']['fields'])}`."
            )
        lines += ["", "| field | type | constraints | description |", "| --- | --- | --- | --- |"]
        for field in schema["fields"]:
            desc = escape(field.get("description", ""))
            lines.append(f"| `{field['name']}` | {field['type']} | {escape(constraint_text(field))} | {desc} |")
        lines.append("")
    return "\n".join(lines)
