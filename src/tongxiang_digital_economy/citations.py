"""How to cite the exact version of the dataset: plain text, BibTeX and CITATION.cff, all from datapackage.json.

The descriptor is the one place that holds the title, version, release date, authors and licence; CITATION.cff
at the repository root is generated from it (scripts/build) and a test checks that it is fresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .descriptor import read_descriptor
from .exceptions import DescriptorError


def citation(path: str | Path | None = None) -> dict[str, Any]:
    """The facts a citation needs, for the package at `path` (default: the shipped one)."""
    d = read_descriptor(path)
    contributors, licenses = d.get("contributors", []), d.get("licenses", [])
    if not isinstance(contributors, list) or not all(isinstance(c, dict) for c in contributors):
        raise DescriptorError("datapackage.json `contributors` must be a list of objects with `title` and `roles`")
    if not isinstance(licenses, list) or not all(isinstance(lic, dict) for lic in licenses):
        raise DescriptorError("datapackage.json `licenses` must be a list of objects with a `name`")
    c = {
        "title": d.get("title", d.get("name")),
        "name": d.get("name"),
        "version": d.get("version"),
        "date": d.get("created"),
        "authors": [c.get("title") for c in contributors if "creator" in c.get("roles", [])],
        "license": ", ".join(str(lic.get("name", "")) for lic in licenses),
        "url": d.get("homepage", ""),
    }
    for key in ("title", "name", "version", "date"):
        if not isinstance(c[key], str) or not c[key]:
            field = {"date": "created"}.get(key, key)
            raise DescriptorError(f"datapackage.json needs a `{field}` string to make a citation")
    if not c["authors"] or not all(isinstance(a, str) for a in c["authors"]):
        raise DescriptorError("datapackage.json needs a contributor with a `title` and the role `creator`")
    c["date"] = c["date"][:10]
    return c


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
