"""The commands about a release: `cite` (this version, a source or a figure) and `diff` (two versions compared)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..core.paths import printable
from ..use import citations as citing
from .errors import converts_errors
from .options import Choice, Name, command, package_option

CITE_SOURCE_HELP = "Cite one source document instead (a sources.source_id)."
CITE_FIGURE_HELP = "Cite one figure, with its source and evidence."


@command()
@click.option(
    "--format",
    "fmt",
    type=Choice(["all", "text", "bibtex", "cff", "csl"]),
    default=None,
    help="The citation's format (csl is CSL-JSON); default: all for the dataset, text for --source and --observation.",
)
@click.option("--source", "source_id", type=Name("a source id"), metavar="ID", help=CITE_SOURCE_HELP)
@click.option("--observation", "observation_id", type=Name("an observation id"), metavar="ID", help=CITE_FIGURE_HELP)
@package_option
@converts_errors
def cite(fmt: str | None, source_id: str | None, observation_id: str | None, package_path: Path | None) -> None:
    """Print the citation for this exact version, one source document, or one figure.

    \b
    Example:
        tongxiang-digital-economy cite --format bibtex
        tongxiang-digital-economy cite --source chinadaily-2020-01-14-digital-economy-booms
        tongxiang-digital-economy cite --observation cctv-outputnews-2025-06-04-wuzhen-town-economy-001
        tongxiang-digital-economy cite --observation cctv-outputnews-2025-06-04-wuzhen-town-economy-001 --format bibtex
    """
    if source_id is not None and observation_id is not None:
        raise click.UsageError("give --source or --observation, not both")
    if source_id is not None:
        click.echo(citing.source_citation(source_id, package_path, fmt or "text"))
    elif observation_id is not None:
        click.echo(citing.observation_citation(observation_id, package_path, fmt or "text"))
    else:
        click.echo(citing.cite(fmt or "all", package_path))


def release_side(spec: str | None, param: str) -> str | None:
    """A diff side as given: a path that does not exist and is no version (X.Y.Z, its tag v1.0.0, or a version of
    fewer parts, which the library says is none) is a usage error (exit 2)."""
    from ..release.versions import release_spec

    if spec is not None and release_spec(spec) is None and not Path(spec).exists():
        raise click.BadParameter(
            f"{printable(spec)} does not exist; give a package folder, a datapackage.json, a fingerprint file or a "
            "kept release version (X.Y.Z)",
            param_hint=param,
        )
    return spec


@command(name="diff")
@click.argument("old", type=Name("a package folder or a kept release version", folder=True))
@click.argument("new", required=False, type=Name("a package folder or a kept release version", folder=True))
@click.option("--format", "fmt", type=Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option(
    "--releases",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of kept release fingerprints (default: releases/ beside the package, else the installed one's).",
)
@package_option
@converts_errors
def diff_command(old: str, new: str | None, fmt: str, releases: Path | None, package_path: Path | None) -> None:
    """Compare two versions: rows, fields and tables added, removed or changed, and the bump needed.

    OLD and NEW are each a package folder, a datapackage.json, or a kept release version (releases/X.Y.Z.json);
    without NEW, the package (--package, else the installed one: in a checkout, the checkout). A changed cell
    is shown old -> new; a kept release's cells are read from git (the blobs and commit its fingerprint
    records), and where git cannot give them the diff says so.

    \b
    Example:
        tongxiang-digital-economy diff 1.0.0 .
        tongxiang-digital-economy diff 1.0.0 --package my-edited-copy/
        tongxiang-digital-economy diff 1.0.0 . --format markdown
    """
    from .. import release

    old_spec = release_side(old, "OLD")
    new_spec = release_side(new, "NEW")
    if new_spec is not None and package_path is not None:
        raise click.UsageError("give the new side once: as NEW or as --package PATH")
    folder = releases if releases is not None else release.compared_releases(package_path)
    change = release.compare(old_spec, new_spec if new_spec is not None else package_path, folder)
    if fmt == "json":
        click.echo(json.dumps(change.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(change.to_markdown() if fmt == "markdown" else change.to_text())
