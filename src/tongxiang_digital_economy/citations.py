"""How to cite the exact version of the dataset: plain text, BibTeX and CITATION.cff, all from datapackage.json.

The descriptor is the one place that holds the title, version, release date, authors and licence; CITATION.cff
at the repository root is generated from it (scripts/build) and a test checks that it is fresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .descriptor import read_descriptor


def citation(path: str | Path | None = None) -> dict[str, Any]:
    """The facts a citation needs, for the package at `path` (default: the shipped one)."""
    d = read_descriptor(path)
    return {
        "title": d.get("title", d.get("name", "")),
        "name": d.get("name", ""),
        "version": d.get("version", ""),
        "date": str(d.get("created", ""))[:10],
        "authors": [c.get("title", "") for c in d.get("contributors", []) if "creator" in c.get("roles", [])],
        "license": ", ".join(lic.get("name", "") for lic in d.get("licenses", [])),
        "url": d.get("homepage", ""),
    }


def as_text(c: dict[str, Any]) -> str:
    """An APA-like reference naming the exact version."""
    year = c["date"][:4] or "n.d."
    url = f" {c['url']}" if c["url"] else ""
    return (
        f"{'; '.join(c['authors'])} ({year}). {c['title']} (Version {c['version']}) [Data set]. "
        f"Python package and Frictionless Data Package `{c['name']}`. Licence: {c['license']}.{url}"
    )


def as_bibtex(c: dict[str, Any]) -> str:
    """A BibTeX @misc entry whose key carries the version."""
    key = f"{c['name'].replace('-', '_')}_{c['version'].replace('.', '_')}"
    fields = {
        "title": "{" + c["title"] + "}",
        "author": "{" + " and ".join("{" + a + "}" for a in c["authors"]) + "}",
        "year": "{" + c["date"][:4] + "}",
        "version": "{" + c["version"] + "}",
        "note": "{Frictionless Data Package " + c["name"] + ", licence " + c["license"] + "}",
    }
    if c["url"]:
        fields["url"] = "{" + c["url"] + "}"
    body = ",\n".join(f"  {k} = {v}" for k, v in fields.items())
    return f"@misc{{{key},\n{body}\n}}"


def as_cff(c: dict[str, Any]) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for the repository root."""
    lines = [
        "# Generated from datapackage.json by scripts/build; do not edit by hand.",
        "cff-version: 1.2.0",
        "message: If you use this dataset, please cite the exact version you used.",
        "type: dataset",
        f'title: "{c["title"]}"',
        f'version: "{c["version"]}"',
        f'date-released: "{c["date"]}"',
        f'license: "{c["license"]}"',
        "authors:",
        *[f'  - name: "{a}"' for a in c["authors"]],
    ]
    if c["url"]:
        lines.append(f'url: "{c["url"]}"')
    return "\n".join(lines) + "\n"
