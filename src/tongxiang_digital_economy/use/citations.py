"""How to cite the exact version of the dataset, one of its source documents, or one figure.

The descriptor (datapackage.json) is the one place that holds the title, version, date, creators, licence,
homepage and DOI; CITATION.cff and .zenodo.json at the repository root are generated from it (scripts/build) and a
test checks that they are fresh. Nothing here invents a URL, DOI or author: a field the descriptor does not hold is
left out of every format, and `missing_metadata` says what a maintainer should fill in.

Each format escapes what it must: YAML scalars are written as JSON strings (valid YAML), BibTeX special
characters are escaped, and JSON goes through `json.dumps`. Source and figure citations read the CSV files as
text with the standard library, so a value is cited exactly as the file writes it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from ..core.exceptions import DescriptorError
from ..schema.descriptor import read_descriptor

# The formats' names below are re-exported for the tests only (test_citations, test_comfort read them here); the
# library reads them from their home, citation_formats (review 13 R9).
from .citation_formats import CFF_TYPES as CFF_TYPES  # for the tests
from .citation_formats import FORMATS, REFERENCE_FORMATS, link, version_text
from .citation_formats import as_bibtex as as_bibtex  # for the tests
from .citation_formats import as_cff as as_cff  # for the tests
from .citation_formats import as_csl as as_csl  # for the tests
from .citation_formats import as_text as as_text  # for the tests
from .citation_formats import as_zenodo as as_zenodo  # for the tests
from .citation_formats import bibtex_escape as bibtex_escape  # for the tests
from .citation_words import (
    disputed,
    ended,
    first_published,
    original_date,
    published_first,
    repost_of,
    repost_words,
    whose_words,
)
from .cited_rows import lookup, named, references, table_keyed_by, table_rows

DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def citation(path: str | Path | None = None) -> dict[str, Any]:
    """The facts a citation needs, for the package at `path` (default: the shipped one)."""
    d = read_descriptor(path)
    contributors, licenses = d.get("contributors", []), d.get("licenses", [])
    if not isinstance(contributors, list) or not all(isinstance(c, dict) for c in contributors):
        raise DescriptorError("datapackage.json `contributors` must be a list of objects with `title` and `roles`")
    if not isinstance(licenses, list) or not all(isinstance(lic, dict) for lic in licenses):
        raise DescriptorError("datapackage.json `licenses` must be a list of objects with a `name`")
    doi = DOI.match(str(d.get("id", "")))
    c = {
        "title": d.get("title", d.get("name")),
        "name": d.get("name"),
        "version": d.get("version"),
        "date": d.get("created"),
        "authors": [c.get("title") for c in contributors if "creator" in c.get("roles", [])],
        "license": ", ".join(str(lic.get("name", "")) for lic in licenses),
        "url": d.get("homepage", ""),
        "doi": doi.group(1) if doi else "",
        "description": d.get("description", ""),
        "keywords": [k for k in d.get("keywords", []) if isinstance(k, str)],
        "fingerprint": data_fingerprint(d),
    }
    for key in ("title", "name", "version", "date"):
        if not isinstance(c[key], str) or not c[key]:
            field = {"date": "created"}.get(key, key)
            raise DescriptorError(f"datapackage.json needs a `{field}` string to make a citation")
    if not c["authors"] or not all(isinstance(a, str) for a in c["authors"]):
        raise DescriptorError("datapackage.json needs a contributor with a `title` and the role `creator`")
    if not isinstance(c["url"], str):
        raise DescriptorError("datapackage.json `homepage` must be a URL string")
    c["date"] = c["date"][:10]
    # A development version (1.0.1.dev0) is work after a release, never a release: it has no release date.
    c["released"] = ".dev" not in c["version"]
    return c


def data_fingerprint(d: dict[str, Any]) -> str:
    """One short hash of the package's data: sha256 over each table's name and the file hash that `stamp`
    records, so two copies with the same fingerprint hold the same bytes in every table. Empty when a table
    has no recorded hash."""
    hashes = [(str(r.get("name")), str(r.get("hash", ""))) for r in d.get("resources", []) if isinstance(r, dict)]
    if not hashes or not all(h for _, h in hashes):
        return ""
    text = "\n".join(f"{name} {digest}" for name, digest in sorted(hashes))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def unfindable(c: dict[str, Any]) -> str:
    """Why the citation cannot lead a reader to the data (no homepage and no DOI), or "" when it can."""
    if c["url"] or c["doi"]:
        return ""
    return (
        "the citation gives no way to find the data: set `homepage` (the repository or landing page URL) "
        "or `id` (a DOI) in datapackage.json, then run scripts/build"
    )


def missing_metadata(c: dict[str, Any]) -> list[str]:
    """What the descriptor lacks for a complete citation: maintainers fill these in, nobody guesses them."""
    missing = []
    if not c["url"]:
        missing.append("`homepage` (the repository or landing page URL)")
    if not c["doi"]:
        missing.append("`id` (the DOI, once Zenodo has minted one)")
    if any(a.endswith(" contributors") for a in c["authors"]):
        missing.append("`contributors` with role `creator` naming the people (or organisation) who made the data")
    return missing


def cite(fmt: str = "text", path: str | Path | None = None) -> str:
    """This version's citation in one format (text, bibtex, cff, csl) or all of them (`all`)."""
    c = citation(path)
    if fmt == "all":
        return "\n\n".join(FORMATS[name](c).rstrip("\n") for name in FORMATS)
    return FORMATS[fmt](c).rstrip("\n")


# --- One source, one figure -----------------------------------------------------------------------------------


def source_citation(source_id: str, path: str | Path | None = None, fmt: str = "text") -> str:
    """One source document (publisher, date, title, original publisher for reposts, URL) in format `fmt`."""
    row = lookup(table_keyed_by("source_id", path), source_id, path, "source")
    if fmt == "all":
        return "\n\n".join(source_citation(source_id, path, f) for f in FORMATS)
    if fmt == "text":
        return source_text(row)
    return REFERENCE_FORMATS[fmt](reference(row, source_id), citation(path))


def quoted(title: str) -> str:
    """A title in quotation marks, without doubling the marks a title already has at both ends."""
    pairs = {"“": "”", '"': '"', "「": "」", "《": "》"}
    if len(title) > 1 and pairs.get(title[0]) == title[-1]:
        return title
    return f"“{title}”"


UNTITLED = "[untitled]"  # a source whose text prints no title (sources.title empty; the reason is in its note)
ITEM_TYPE = "article-newspaper"  # the CSL item type of a source whose `kind` is empty (sources.schema.json)


def title_of(source: dict[str, str]) -> str:
    """The source's title as its text prints it, or [untitled]: never a curator's note."""
    return source.get("title", "").strip() or UNTITLED


def source_text(row: dict[str, str]) -> str:
    publisher, date, title = row.get("publisher", ""), row.get("published", ""), title_of(row)
    parts = [f"{publisher} ({date or 'n.d.'}). {title}.", first_published(row)]
    if row.get("url"):
        parts.append(row["url"])
    return " ".join(p for p in parts if p)


def reference(source: dict[str, str], key: str, title: str = "", note: str = "") -> dict[str, str]:
    """A source (or one figure of it, with `title` and `note`) as the fields every format needs."""
    original = first_published(source)
    return {
        "key": re.sub(r"[^A-Za-z0-9]", "_", key),
        "title": title or title_of(source),
        "source_title": title_of(source),
        "kind": source.get("kind", "") or ITEM_TYPE,
        "publisher": source.get("publisher", ""),
        "date": source.get("published", ""),
        "original_date": original_date(source),
        "url": source.get("url", ""),
        "language": source.get("language", ""),
        "note": " ".join(p for p in (note, original) if p),
    }


def observation_citation(observation_id: str, path: str | Path | None = None, fmt: str = "text") -> str:
    """One figure, in one paragraph a journalist can paste: the value as written, what and where it is, the
    source's title, publisher, date and URL, the evidence, and the dataset version it comes from. In BibTeX,
    CSL or CFF (its preferred-citation) the figure is the entry's title, its source the publisher and URL, the
    evidence a note.
    """
    if fmt == "all":
        return "\n\n".join(observation_citation(observation_id, path, f) for f in FORMATS)
    table = table_keyed_by("observation_id", path)
    row = lookup(table, observation_id, path, "observation")
    refs = references(table, path)
    label = named(refs.get("indicator"), row.get("indicator", ""), ("label", "name"), path)
    # Whose figure it is: the place, enterprise or project, and the event edition it belongs to, by name.
    place = ", ".join(
        named(refs.get(key), row.get(key, ""), ("name",), path)
        for key in ("place_id", "enterprise_id", "project_id", "event_id")
        if row.get(key)
    )
    source = lookup(refs.get("source_id") or table_keyed_by("source_id", path), row["source_id"], path, "source")
    # The value as the source writes it: value_text when the table has it, else the number with its unit.
    value = row.get("value_text") or " ".join(
        p for p in (row.get("value", ""), named(refs.get("unit"), row.get("unit", ""), ("label",), path)) if p
    )
    start, end, year = row.get("period_start", ""), row.get("period_end", ""), row.get("year", "")
    period = f"{start} to {end}" if start and end and start != end else (end or start or year)
    about = ", ".join(p for p in (label, place, period) if p)
    status, qualifier = row.get("status", ""), row.get("qualifier", "")
    if status and status != "actual":
        about += f"; {status}"
    if not row.get("value_text") and qualifier and qualifier != "eq":
        about += f"; qualifier {qualifier}"
    c = citation(path)
    figure = f"“{value}” ({about})"
    evidence = f"The source says: “{row.get('evidence', '')}”"
    definition = table_rows(refs["indicator"], path)[1].get(row.get("indicator", ""), {}) if "indicator" in refs else {}
    said = whose_words(row, definition.get("edition_ordinal", "").lower() == "true", source)
    said = " ".join(p for p in (said, disputed(row, path)) if p)
    if fmt != "text":
        # The entry's date is the page's: a repost says whose date it is and the original's (trial 8 U1).
        original = repost_of(source)
        reposted = (
            f"The entry's date, {source['published']}, is the repost's; its original's: {original}. "
            if original and row.get("period_basis") != "publication"
            else ""
        )
        note = " ".join(p for p in (said, f"{reposted}{ended(evidence)} Observation {observation_id}.") if p)
        return REFERENCE_FORMATS[fmt](reference(source, observation_id, figure, note), c)
    # The page's date beside the page, the original's beside its publisher (trial 16 m1); a repost whose original is
    # not named says whose each date is.
    dated = source.get("published", "") or "n.d."
    original = ""
    if source.get("original_publisher"):
        original = f", {published_first(source)}"
    else:
        dated += repost_words(source)
    url = f", {source['url']}" if source.get("url") else ""
    dataset = f"{c['title']}, {version_text(c).lower()}, observation {observation_id}"
    if c["fingerprint"] and not c["released"]:
        # An unreleased version names no fixed data: its fingerprint does, as BibTeX and CSL carry it (trial 9 m11).
        dataset += f", data fingerprint {c['fingerprint']}"
    if link(c):
        dataset += f", {link(c)}"
    title = quoted(title_of(source)) if source.get("title") else UNTITLED
    return (
        f"{figure}.{' ' + said if said else ''} Source: {title}, "
        f"{source.get('publisher', '')}, {dated}{original}{url}. {ended(evidence)} "
        f"Via {'; '.join(c['authors'])}, {dataset}."
    )
