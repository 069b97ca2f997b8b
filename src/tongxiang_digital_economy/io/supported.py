"""What the reader implements of Table Schema and CSV Dialect: a schema with a type, format or property outside it
is refused with a `schema-unsupported` problem (a DescriptorError for `load()`), never half-read.
"""

from __future__ import annotations

from typing import Any

from ..schema.keys import foreign_keys, primary_key
from .cell_types import CONSTRAINTS, TYPES, readable

# Table Schema properties the reader implements, per level; anything else is refused.
SCHEMA_KEYS = {"$schema", "fields", "missingValues", "primaryKey", "foreignKeys", "description", "title", "name"}
FIELD_KEYS = {"name", "type", "format", "constraints", "description", "title", "example", "trueValues", "falseValues"}
FIELD_KEYS |= {"rdfType"}  # informative only
# Table Schema v2 `categories`: a label for each value of an enum (the words a chart's legend uses); the values
# must be the enum's, so the labels can never drift from what a cell may hold.
FIELD_KEYS |= {"categories"}
# The dialect the reader implements is CSV as RFC 4180 writes it; these keys may only hold these values.
DIALECT_DEFAULTS = {
    "delimiter": ",",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
    "headerRow": 1,
    "lineTerminator": "\n",
    "skipInitialSpace": False,
    "commentChar": None,
}
ENCODINGS = {"utf-8", "utf8", "utf-8-sig"}


def labelled_enum(categories: object, enum: object) -> bool:
    """Whether `categories` labels exactly the values of `enum`, each once: [{"value": v, "label": text}, ...]."""
    if not isinstance(categories, list) or not isinstance(enum, list):
        return False
    labelled = (
        isinstance(c, dict) and set(c) == {"value", "label"} and isinstance(c["label"], str) for c in categories
    )
    if not all(labelled):
        return False
    values = sorted(str(c["value"]) for c in categories)
    return values == sorted(map(str, enum)) and len(categories) == len(enum)


def unsupported(schema: dict[str, Any], dialect: object = None, encoding: object = None) -> str | None:
    """Why the reader cannot honour this schema (and dialect/encoding), or None when it can."""
    extra = set(schema) - SCHEMA_KEYS
    if extra:
        return f"Table Schema property {sorted(extra)[0]!r} is not supported by the reader"
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(v, str) for v in missing):
        return "missingValues must be a list of strings"
    for f in schema["fields"]:
        name, kind = f["name"], f.get("type", "string")
        if kind not in TYPES:
            return f"field {name!r}: type {kind!r} is not supported by the reader (supported: {', '.join(TYPES)})"
        if set(f) - FIELD_KEYS:
            return f"field {name!r}: property {sorted(set(f) - FIELD_KEYS)[0]!r} is not supported by the reader"
        if f.get("format", "default") not in TYPES[kind]:
            return f"field {name!r}: format {f.get('format')!r} of type {kind!r} is not supported by the reader"
        constraints = f.get("constraints", {})
        if not isinstance(constraints, dict):
            return f"field {name!r}: constraints must be an object"
        if set(constraints) - CONSTRAINTS[kind]:
            return f"field {name!r}: constraint {sorted(set(constraints) - CONSTRAINTS[kind])[0]!r} is not supported "
        if "categories" in f and not labelled_enum(f["categories"], constraints.get("enum")):
            return f"field {name!r}: categories must be objects with a value and a label, one for each enum value"
        if ("trueValues" in f or "falseValues" in f) and kind != "boolean":
            return f"field {name!r}: trueValues/falseValues only apply to booleans"
        if "pattern" in constraints and not isinstance(constraints["pattern"], str):
            return f"field {name!r}: pattern must be a string"
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"):
            values = constraints.get(key, [])
            for value in values if key == "enum" and isinstance(values, list) else [values]:
                if key in constraints and not readable(f, value):
                    return f"field {name!r}: constraint {key} value {value!r} cannot be read as {kind}"
    names = [f["name"] for f in schema["fields"]]
    if len(set(names)) != len(names):
        return "two fields have the same name"
    for key in primary_key(schema) + [k for fk in foreign_keys(schema) for k in fk[0]]:
        if key not in names:
            return f"key field {key!r} is not a field of the schema"
    if dialect is not None:
        if not isinstance(dialect, dict):
            return "dialect must be an object"
        for key, value in dialect.items():
            if key in ("$schema", "name", "title", "description", "csvddfVersion"):
                continue
            if key not in DIALECT_DEFAULTS:
                return f"dialect property {key!r} is not supported by the reader"
            if value != DIALECT_DEFAULTS[key] and not (key == "lineTerminator" and value in ("\r\n", "\r")):
                return f"dialect {key}={value!r} is not supported: the reader reads comma-separated UTF-8 CSV"
    if encoding is not None and str(encoding).lower() not in ENCODINGS:
        return f"encoding {encoding!r} is not supported: save the file as UTF-8 and declare encoding utf-8"
    return None
