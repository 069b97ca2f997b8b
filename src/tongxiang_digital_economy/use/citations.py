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
import json
import re
from pathlib import Path
from typing import Any

from ..core.exceptions import CitationError, DescriptorError, LoadError, TDEError
from ..core.paths import package_dir
from ..core.suggest import did_you_mean, echoed
from ..io.rows import read_rows
from ..schema.descriptor import read_descriptor, resource, resource_path, table_schema
from ..schema.keys import foreign_keys, primary_key

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


def link(c: dict[str, Any]) -> str:
    """The one address a reader should follow: the DOI when there is one, else the homepage."""
    return f"https://doi.org/{c['doi']}" if c["doi"] else c["url"]


def version_text(c: dict[str, Any]) -> str:
    return f"Version {c['version']}" + ("" if c["released"] else ", unreleased")


def as_text(c: dict[str, Any]) -> str:
    """An APA-like reference naming the exact version."""
    year = c["date"][:4] or "n.d."
    url = f" {link(c)}" if link(c) else ""
    fingerprint = f" Data fingerprint {c['fingerprint']}." if c["fingerprint"] else ""
    return (
        f"{'; '.join(c['authors'])} ({year}). {c['title']} ({version_text(c)}) [Data set]. "
        f"Python package and Frictionless Data Package `{c['name']}`. Licence: {c['license']}.{fingerprint}{url}"
    )


BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX field: every LaTeX special character escaped."""
    return "".join(BIBTEX_SPECIAL.get(ch, ch) for ch in text)


def bibtex_key(c: dict[str, Any]) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", f"{c['name']}_{c['version']}")


def dataset_note(c: dict[str, Any]) -> str:
    fingerprint = f", data fingerprint {c['fingerprint']}" if c["fingerprint"] else ""
    return f"Frictionless Data Package {c['name']}, licence {c['license']}{fingerprint}"


def as_bibtex(c: dict[str, Any]) -> str:
    """A BibTeX @misc entry whose key carries the version."""
    fields = {
        # Double braces keep the title's capitals as written.
        "title": "{{" + bibtex_escape(c["title"]) + "}}",
        "author": "{" + " and ".join("{" + bibtex_escape(a) + "}" for a in c["authors"]) + "}",
        "year": "{" + c["date"][:4] + "}",
        "version": "{" + bibtex_escape(c["version"]) + "}",
        "note": "{" + bibtex_escape(dataset_note(c)) + "}",
    }
    if c["doi"]:
        fields["doi"] = "{" + bibtex_escape(c["doi"]) + "}"
    if c["url"]:
        # URLs are verbatim in BibTeX's url field; only a brace could break the entry.
        fields["url"] = "{" + c["url"].replace("{", "%7B").replace("}", "%7D") + "}"
    body = ",\n".join(f"  {k} = {v}" for k, v in fields.items())
    return f"@misc{{{bibtex_key(c)},\n{body}\n}}"


def yaml(value: str) -> str:
    """A YAML scalar: a JSON string is valid YAML, and escapes quotes, backslashes and control characters."""
    return json.dumps(value, ensure_ascii=False)


CFF_HEADER = "# Generated from datapackage.json by scripts/build; do not edit by hand."


def as_cff(c: dict[str, Any], *, generated: bool = False) -> str:
    """Citation File Format 1.2.0. Only scripts/build's CITATION.cff at the repository root (`generated`) says it is
    generated and not to be edited: the same words in the file a user saves from `cite --format cff` would be
    false (trial 8 m8)."""
    lines = [
        *([CFF_HEADER] if generated else []),
        "cff-version: 1.2.0",
        "message: If you use this dataset, please cite the exact version you used.",
        "type: dataset",
        f"title: {yaml(c['title'])}",
        f"version: {yaml(c['version'])}",
    ]
    if c["released"]:
        lines.append(f"date-released: {yaml(c['date'])}")
    lines.append(f"license: {yaml(c['license'])}")
    lines.append("authors:")
    lines += [f"  - name: {yaml(a)}" for a in c["authors"]]
    if c["doi"]:
        lines.append(f"doi: {yaml(c['doi'])}")
    if c["url"]:
        lines.append(f"url: {yaml(c['url'])}")
    # A release's fingerprint names its data; between releases every edit would change it, so CITATION.cff at
    # the repository root (regenerated by scripts/build) carries it only for a release.
    if c["fingerprint"] and c["released"]:
        lines += [
            "identifiers:",
            "  - type: other",
            f"    value: {yaml(c['fingerprint'])}",
            f"    description: {yaml('Data fingerprint of the Frictionless Data Package ' + c['name'])}",
        ]
    if c["description"]:
        lines.append(f"abstract: {yaml(c['description'])}")
    if c["keywords"]:
        lines.append("keywords:")
        lines += [f"  - {yaml(k)}" for k in c["keywords"]]
    return "\n".join(lines) + "\n"


def date_parts(date: str) -> list[list[int]]:
    return [[int(p) for p in date.split("-") if p.isdigit()]]


def as_csl(c: dict[str, Any]) -> str:
    """CSL-JSON (what Zotero, Pandoc and citeproc read): a list with one dataset item. A development version has no
    `issued` date, as CFF has no date-released: `created` is when the package began, not when this version's data
    was (trial 15 m3); CSL's `status` says it is unreleased."""
    item: dict[str, Any] = {
        "id": bibtex_key(c),
        "type": "dataset",
        "title": c["title"],
        "author": [{"literal": a} for a in c["authors"]],
        **({"issued": {"date-parts": date_parts(c["date"])}} if c["released"] else {"status": "unreleased"}),
        "version": c["version"],
    }
    if c["doi"]:
        item["DOI"] = c["doi"]
    if link(c):
        item["URL"] = link(c)
    if c["description"]:
        item["abstract"] = c["description"]
    item["note"] = dataset_note(c)
    return json.dumps([item], ensure_ascii=False, indent=2)


def as_zenodo(c: dict[str, Any]) -> str:
    """.zenodo.json: the metadata Zenodo's GitHub integration reads when it archives a release."""
    meta: dict[str, Any] = {
        "title": c["title"],
        "version": c["version"],
        "upload_type": "dataset",
        "description": c["description"] or c["title"],
        "creators": [{"name": a} for a in c["authors"]],
        "license": c["license"].lower(),
        "keywords": c["keywords"],
    }
    if c["released"]:
        meta["publication_date"] = c["date"]
    if c["url"]:
        meta["related_identifiers"] = [{"identifier": c["url"], "relation": "isSupplementTo", "scheme": "url"}]
    return json.dumps(meta, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "bibtex": as_bibtex, "cff": as_cff, "csl": as_csl}


def cite(fmt: str = "text", path: str | Path | None = None) -> str:
    """This version's citation in one format (text, bibtex, cff, csl) or all of them (`all`)."""
    c = citation(path)
    if fmt == "all":
        return "\n\n".join(FORMATS[name](c).rstrip("\n") for name in FORMATS)
    return FORMATS[fmt](c).rstrip("\n")


# --- One source, one figure -----------------------------------------------------------------------------------


def table_rows(table: str, path: str | Path | None = None) -> tuple[list[str], dict[str, dict[str, str]]]:
    """A table's primary key field and its rows as text, keyed by that key (read from the Table Schema)."""
    base = package_dir(path)
    res = resource(read_descriptor(base), table)
    key = primary_key(table_schema(base, res))
    try:
        rows = read_rows(resource_path(base, res), table)
    except LoadError as exc:
        raise CitationError(str(exc)) from None
    return key, {row.get(key[0], ""): row for row in rows} if len(key) == 1 else {}


def references(table: str, path: str | Path | None = None) -> dict[str, str]:
    """field -> referenced table, from the Table Schema's foreign keys (single-field keys)."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    out = {}
    for fields, other, _ref_fields in foreign_keys(schema):
        if len(fields) == 1:
            out[fields[0]] = other or table
    return out


def table_keyed_by(field: str, path: str | Path | None = None) -> str:
    """The table whose primary key is `field` (so no module hard-codes a table name)."""
    base = package_dir(path)
    d = read_descriptor(base)
    for res in d["resources"]:
        if primary_key(table_schema(base, res)) == [field]:
            return str(res["name"])
    raise CitationError(f"no table of the package has the primary key {field!r}")


# What `cite` can cite by id: the id's field -> (what it is, the option that cites it, the words for one).
CITED = {
    "observation_id": ("observation", "--observation", "an observation"),
    "source_id": ("source", "--source", "a source"),
}


def lookup(table: str, key: str, path: str | Path | None, what: str) -> dict[str, str]:
    """The row of `table` whose id is `key`; refused with what the id is where it is another kind's id (a source's
    given as an observation's: "it is a source: `cite --source …`", trial 10 m6), else the "did you mean"."""
    _, rows = table_rows(table, path)
    if key not in rows:
        for field, (other, option, one) in CITED.items():
            if other == what:
                continue
            other_table = table_keyed_by(field, path)
            if key in table_rows(other_table, path)[1]:
                raise CitationError(
                    f"no {what} {key!r} in table {table}; it is the id of {one} (table {other_table}): "
                    f"`cite {option} {key}`"
                )
        hint = did_you_mean(key, rows)
        raise CitationError(f"no {what} {echoed(key)} in table {table}; {hint}list them with `show {table}`")
    return rows[key]


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
# CSL item type (sources.kind) -> CFF reference type. BibTeX is @misc for every kind: classic BibTeX has no type for
# an encyclopedia entry or a web page, and @misc with a URL is what styles expect of both.
CFF_TYPES = {
    "article-newspaper": "newspaper-article",
    "entry-encyclopedia": "encyclopedia",
    "report": "report",
    "webpage": "website",
}
# The kinds whose publisher is the work they appear in (a newspaper, an encyclopedia, a website): CSL's container.
CONTAINED = {"article-newspaper", "entry-encyclopedia", "webpage"}


def title_of(source: dict[str, str]) -> str:
    """The source's title as its text prints it, or [untitled]: never a curator's note."""
    return source.get("title", "").strip() or UNTITLED


def source_text(row: dict[str, str]) -> str:
    publisher, date, title = row.get("publisher", ""), row.get("published", ""), title_of(row)
    parts = [f"{publisher} ({date or 'n.d.'}). {title}."]
    if row.get("original_publisher"):
        parts.append(f"First published by {row['original_publisher']}.")
    if row.get("url"):
        parts.append(row["url"])
    return " ".join(parts)


def reference(source: dict[str, str], key: str, title: str = "", note: str = "") -> dict[str, str]:
    """A source (or one figure of it, with `title` and `note`) as the fields every format needs."""
    original = f"First published by {source['original_publisher']}." if source.get("original_publisher") else ""
    return {
        "key": re.sub(r"[^A-Za-z0-9]", "_", key),
        "title": title or title_of(source),
        "source_title": title_of(source),
        "kind": source.get("kind", "") or ITEM_TYPE,
        "publisher": source.get("publisher", ""),
        "date": source.get("published", ""),
        "url": source.get("url", ""),
        "language": source.get("language", ""),
        "note": " ".join(p for p in (note, original) if p),
    }


def reference_bibtex(r: dict[str, str], c: dict[str, Any]) -> str:
    """A BibTeX @misc entry for a source or a figure: the publisher is an organisation, never a person."""
    fields = {"title": "{{" + bibtex_escape(r["title"]) + "}}"}
    if r["title"] != r["source_title"]:
        fields["howpublished"] = "{" + bibtex_escape(f"{r['source_title']}, {r['publisher']}") + "}"
    fields["publisher"] = "{" + bibtex_escape(r["publisher"]) + "}"
    if r["date"][:4].isdigit():
        fields["year"] = "{" + r["date"][:4] + "}"
        fields["date"] = "{" + r["date"] + "}"
    if r["url"]:
        fields["url"] = "{" + r["url"].replace("{", "%7B").replace("}", "%7D") + "}"
    if r["language"]:
        fields["language"] = "{" + bibtex_escape(r["language"]) + "}"
    fields["note"] = "{" + bibtex_escape(" ".join(p for p in (r["note"], "Via " + as_text(c)) if p)) + "}"
    body = ",\n".join(f"  {k} = {v}" for k, v in fields.items())
    return f"@misc{{{r['key']},\n{body}\n}}"


def reference_csl(r: dict[str, str], c: dict[str, Any]) -> str:
    """CSL-JSON: the source as its `kind` says (a newspaper article, an encyclopedia entry or a web page, its
    publisher the container; or a report), the dataset in the note."""
    item: dict[str, Any] = {"id": r["key"], "type": r["kind"], "title": r["title"]}
    if r["kind"] in CONTAINED:
        item["container-title"] = r["publisher"]
    item["publisher"] = r["publisher"]
    if r["date"][:4].isdigit():
        item["issued"] = {"date-parts": date_parts(r["date"])}
    if r["url"]:
        item["URL"] = r["url"]
    if r["language"]:
        item["language"] = r["language"]
    item["note"] = " ".join(p for p in (r["note"], "Via " + as_text(c)) if p)
    return json.dumps([item], ensure_ascii=False, indent=2)


def reference_cff(r: dict[str, str], c: dict[str, Any]) -> str:
    """The source (or figure) as CFF cites it, as BibTeX and CSL do: it is the file's `preferred-citation`, which
    cffconvert and GitHub's "Cite this repository" give instead of the dataset, and the message says so; the
    rest describes the dataset version it comes from, which lists it again as its one reference. (The dataset's
    own CITATION.cff, printed as it was, read as if the id had been ignored: trial 4 m1.)"""
    what = "source" if r["title"] == r["source_title"] else "figure"
    item = [
        f"type: {CFF_TYPES[r['kind']]}" if what == "source" else "type: data",
        f"title: {yaml(r['title'])}",
        "authors:",
        f"  - name: {yaml(r['publisher'])}",
    ]
    if r["date"][:10].count("-") == 2:
        item.append(f"date-published: {yaml(r['date'][:10])}")
    elif r["date"][:4].isdigit():
        item.append(f"year: {int(r['date'][:4])}")
    if r["url"]:
        item.append(f"url: {yaml(r['url'])}")
    if r["note"]:
        item.append(f"notes: {yaml(r['note'])}")
    dataset = as_cff(c).rstrip("\n").splitlines()
    message = f"message: {yaml(f'If you use this {what}, please cite it as its preferred-citation below.')}"
    dataset = [message if line.startswith("message:") else line for line in dataset]
    lines = [*dataset, "preferred-citation:", *(f"  {line}" for line in item), "references:"]
    lines += [f"  - {line}" if i == 0 else f"    {line}" for i, line in enumerate(item)]
    return "\n".join(lines) + "\n"


REFERENCE_FORMATS = {"bibtex": reference_bibtex, "csl": reference_csl, "cff": reference_cff}


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
    original = f", first published by {source['original_publisher']}" if source.get("original_publisher") else ""
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
        f"{source.get('publisher', '')}{original}, "
        f"{source.get('published', '') or 'n.d.'}{repost_words(source)}{url}. {ended(evidence)} "
        f"Via {'; '.join(c['authors'])}, {dataset}."
    )


def ended(quote: str) -> str:
    """A sentence that ends in a quotation: no second full stop after a quote that ends with one (trial 5 n5)."""
    return quote if quote.rstrip("”").endswith((".", "。", "!", "?", "！", "？")) else quote + "."


def disputed(row: dict[str, str], path: str | Path | None) -> str:
    """What the package says when another source gives a different figure for the same period, in `series`' own
    words (trial 6 r3: a journalist citing 5.1 billion yuan for 2014 must learn that another source gives 40多億元),
    or "" when no figure disputes it (or the series cannot be read: the citation stands without it)."""
    from .series_subjects import subject_column
    from .timeseries import series

    try:
        subject = row.get(subject_column(row.get("indicator", ""), path), "")
        rows = series(row["indicator"], subject or None, row.get("status") or "actual", path)
    except (TDEError, KeyError):
        return ""
    found = rows[rows["observation_id"] == row.get("observation_id")]
    if len(found) and str(found["role"].iloc[0]) == "restated" and isinstance(found["restates"].iloc[0], str):
        # A later text saying again an earlier figure is no new observation: the citation says which (trial 9 m5).
        first = str(found["restates"].iloc[0])
        earlier = rows.loc[rows["observation_id"] == first, "value_text"]
        written = f" ({earlier.iloc[0]})" if len(earlier) and isinstance(earlier.iloc[0], str) else ""
        return f"Restated in the package: this figure says again {first}{written}, no new observation."
    if not len(found) or str(found["role"].iloc[0]) not in ("preferred", "competing"):
        return ""
    role, reason = str(found["role"].iloc[0]), found["reason"].iloc[0]
    same = (rows["period_start"] == found["period_start"].iloc[0]) & (rows["period_end"] == found["period_end"].iloc[0])
    others = rows.loc[
        same & rows["role"].isin(["preferred", "competing"]) & (rows["observation_id"] != row.get("observation_id"))
    ]
    if not len(others) or (role == "preferred" and not str(reason).startswith("disputed")):
        return ""
    gives = "; ".join(f"{o} gives {v}" for o, v in zip(others["observation_id"], others["value_text"], strict=True))
    why = (
        f"; this figure {reason}"
        if role == "competing" and isinstance(reason, str) and reason.startswith("differs")
        else ""
    )
    see = f"`series {row['indicator']} --subject {subject}`" if subject else f"`series {row['indicator']}`"
    return f"Disputed in the package: {gives} for the same period{why} ({see} lists them)."


def repost_of(source: dict[str, str]) -> str:
    """The date of the original a reposted page states (sources.original_published), in words ("no later than
    2014-11-18" for `../2014-11-18`), or "" when the page is no repost of an earlier dated original."""
    from ..text.periods import as_words  # here, not at the top: it imports pandas, which `--help` must not

    original, published = source.get("original_published", ""), source.get("published", "")
    if not original or original == published:
        return ""
    return as_words(original)


def repost_words(source: dict[str, str]) -> str:
    """After a repost's date in a citation's Source: whose date it is, and the original's (trial 8 U1: the page's
    2020-04-29 beside a figure of 2014 read as an error)."""
    original = repost_of(source)
    return f" (the repost's date; its original's: {original})" if original else ""


def whose_words(row: dict[str, str], edition_ordinal: bool = False, source: dict[str, str] | None = None) -> str:
    """Who gave the figure and which words date it, as the row records them: a journalist who pastes the citation
    must not credit an official's interview claim to the outlet, nor take the dataset's reading of 到现在为止每年
    for a period the source printed (trial 5 P3). A figure dated by its text's date, on a repost, is dated by the
    original's date, never the page's (trial 8 U1)."""
    original = repost_of(source or {})
    said = []
    if row.get("attributed_to"):
        said.append(f"Attributed by the source to {row['attributed_to']}.")
    basis, words = row.get("period_basis", ""), row.get("period_text", "")
    where = "near the quoted passage" if basis == "context" else "in the quoted passage"
    if words and row.get("event_id") and edition_ordinal:
        # An edition's ordinal stands at the day the rule gives the edition (edition-ordinal-date), whatever day
        # the text's own words name: the words say which edition, not the date (trial 6 Q4).
        said.append(
            f"The figure counts up to the edition {row['event_id']}, which the dataset reads from “{words}”, "
            f"{where}, and dated, as every count of that edition is, at {row.get('period_start', '')} (the "
            "edition's first known day), not by the text's own date words."
        )
    elif words:
        said.append(f"The period is the dataset's reading of “{words}”, {where}.")
    elif basis == "publication" and original:
        bounded = original.startswith(("no ", "between "))
        said.append(
            f"No word of the source dates the figure: it is dated by its original's date, {original}"
            + (" (the original's date as far as the page states it)" if bounded else " (as the page states it)")
            + f", not by the repost's date, {(source or {}).get('published', '')}."
        )
    elif basis == "publication":
        said.append("No word of the source dates the figure: it is dated by the source's own date.")
    elif basis == "undated":
        said.append("The source gives the figure no date.")
    return " ".join(said)


def named(table: str | None, key: str, columns: tuple[str, ...], path: str | Path | None) -> str:
    """The human name of a referenced row (an indicator's label, a place's name), or the id itself."""
    if not table or not key:
        return key
    _, rows = table_rows(table, path)
    row = rows.get(key, {})
    return next((row[c] for c in columns if row.get(c)), key)
