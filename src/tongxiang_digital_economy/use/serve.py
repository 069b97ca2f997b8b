"""The package as a website to browse: Datasette over the SQLite export, with the package's own metadata.

`build` writes two files into a folder: the SQLite export (export.py: typed, keys enforced, validated first)
plus one view, `figures` (each figure with its subject, theme and its source's title, grade and URL, so a
reader sees where a number comes from without a join, and its period label and role in its series as `series`
gives them, from a table the site hides, `figure_roles`), and `metadata.json` in Datasette's format, made from
datapackage.json and the Table Schemas: every table's title and description, every column's description,
the licence, the citation and the source links, and facets on indicator, subject, year and status.
`serve` runs Datasette on them, on localhost unless told otherwise.

Datasette comes with the `serve` extra and is imported (or run) only here and in serve_plugin, serve's one plugin
(a row URL with too few key parts is a 404, a sort by no column a 400, where Datasette 0.65 answers 500; a
full-text search the tables have no index for is a 400, where Datasette lists every row), which
the served process registers through Datasette's plugin manager (LAUNCH) and which reads the tables' keys from
the metadata written here.

A client's mistake (a mistyped URL's 404) is one line of uvicorn's access log, not a traceback (trial 11 m3).
Datasette prints a traceback on the console for every error it handles, a 404 included, only through Rich, and
only "if Rich is installed in the same virtual environment" (its documented behaviour since 0.59, #1416); Rich is
no dependency of Datasette (its `rich` extra) nor of this package, and is here only when another package brings
it (twine, typer). So `serve` runs Datasette (`python -m datasette serve`, its own command) with Rich hidden from
the served process's imports (LAUNCH): the browser gets the same pages, a 404 prints nothing beyond the access
log, and a server error (500) still prints Python's own traceback (Datasette's default handler prints it for
anything but a client error). No Datasette internal is used. This replaced a plugin that unregistered Datasette's
default `handle_exception` and switched its module's `rich` off for client errors: the documented hook
`handle_exception` cannot do it, since Datasette awaits every implementation's answer, the default's included, so
a hook beside the default never stops its printing. What this costs: a third-party Datasette plugin installed in
the same environment that imports Rich cannot load in the served process (none is needed to browse the package).
"""

from __future__ import annotations

import contextlib
import errno
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import MissingFolderError, OutputError, ServeError
from ..io.atomic import check_writable, write_json
from ..io.load import tables
from ..schema.descriptor import read_descriptor
from . import citations, serve_plugin
from .citation_formats import as_text as citation_text
from .export import export
from .frames import describe
from .timeseries import all_series

DATABASE = "tongxiang"
FIGURES_VIEW = """
CREATE VIEW figures AS
SELECT i.observation_id, i.indicator, d.label AS indicator_label, d.theme, d.subject AS subject_type,
       COALESCE(i.place_id, i.enterprise_id, i.project_id) AS subject, i.year, i.period_start, i.period_end,
       r.period_label, i.status, r.role, r.reason, r.corroborated_by, i.value, i.value_upper, i.value_denominator,
       i.qualifier, i.unit, u.label AS unit_label, i.value_text,
       s.grade AS source_grade, s.original_grade AS source_original_grade,
       s.original_publisher AS source_original_publisher, s.title AS source_title, s.publisher AS source_publisher,
       s.published AS source_published, s.url AS source_url, i.attributed_to, i.event_id, i.evidence, i.note
FROM indicators i
JOIN indicator_definitions d ON d.indicator = i.indicator
JOIN units u ON u.unit = i.unit
JOIN sources s ON s.source_id = i.source_id
LEFT JOIN figure_roles r ON r.observation_id = i.observation_id
"""
# Each figure's period as `series` names it and its role in its series (timeseries.all_series), a table the view
# reads and the site hides: a reader who filters the view by year sees "H1 2019" beside 2019 and which figure
# `series` prefers (trial 17 m6).
ROLE_COLUMNS = ["observation_id", "period_label", "role", "reason", "corroborated_by"]
ROLES_TABLE = """
CREATE TABLE figure_roles (
    observation_id TEXT PRIMARY KEY, period_label TEXT, role TEXT, reason TEXT, corroborated_by TEXT
)
"""
FACETS = {
    "indicators": ["indicator", "place_id", "enterprise_id", "project_id", "year", "status"],
    "figures": ["indicator", "subject", "year", "status", "role", "theme", "source_grade"],
    "indicator_definitions": ["theme", "subject", "temporal", "measure"],
    "sources": ["grade", "language", "publisher"],
}
LABELS = {"sources": "title", "units": "label", "places": "name", "enterprises": "name", "projects": "name"}
LABELS["indicator_definitions"] = "label"
# The served process: Rich hidden from its imports (an import of it fails as if it were not installed), serve's
# one plugin registered (serve_plugin), then Datasette's own command line, as `python -m datasette` runs it (see
# the module docstring).
LAUNCH = (
    "import runpy, sys; sys.modules['rich'] = None; "
    "from tongxiang_digital_economy.use import serve_plugin; serve_plugin.register(); "
    "runpy.run_module('datasette', run_name='__main__')"
)


def metadata(path: str | Path | None = None) -> dict[str, Any]:
    """Datasette metadata for the package: titles, descriptions, column descriptions, licence, citation, facets."""
    descriptor = read_descriptor(path)
    cite = citations.citation(path)
    licence = next((lic for lic in descriptor.get("licenses", []) if isinstance(lic, dict)), {})
    table_meta: dict[str, Any] = {}
    for name in tables(path):
        meta = describe(name, path)
        entry: dict[str, Any] = {"title": meta["title"], "description": meta["description"], "columns": meta["columns"]}
        if name in FACETS:
            entry["facets"] = FACETS[name]
        if name in LABELS:
            entry["label_column"] = LABELS[name]
        if len(meta["primary_key"]) > 1:  # a row URL with too few parts: serve_plugin's 404
            entry["plugins"] = serve_plugin.config(meta["primary_key"])
        if "unit" in meta["columns"]:
            entry["description"] += " Each figure's unit is its `unit` column, linked to the units table."
        table_meta[name] = entry
    table_meta["figures"] = {
        "title": "Figures with their sources",
        "description": (
            "Every figure with its subject, theme, unit label and its source's title, grade and URL; its period as "
            "`series` names it (period_label: H1 2019, end-2023) and its role in its series (role, and why in "
            "reason: preferred, corroborating, competing, restated, …; corroborated_by: the sources that give a "
            "preferred figure alike), as `series` shows them."
        ),
        "facets": FACETS["figures"],
    }
    table_meta["figure_roles"] = {"hidden": True, "title": "Each figure's period label and role, for the figures view"}
    return {
        "title": descriptor.get("title", descriptor.get("name")),
        "description": descriptor.get("description", ""),
        "description_html": None,
        "license": licence.get("name", ""),
        "license_url": licence.get("path", ""),
        "source": "Archived articles listed in the sources table (title, publisher, date and URL of each)",
        "source_url": descriptor.get("homepage") or None,
        "about": f"How to cite: {citation_text(cite)}",
        "databases": {DATABASE: {"tables": table_meta, "plugins": serve_plugin.database_config()}},
    }


def build(folder: str | Path, path: str | Path | None = None, force: bool = False) -> tuple[Path, Path]:
    """Write `<folder>/tongxiang.db` and `<folder>/metadata.json` into a folder that exists; return their paths.

    As every command that writes: the folder is never made (io.atomic.check_writable), and a database or
    metadata.json already there is replaced only with `force`."""
    folder = Path(folder)
    database, target = folder / f"{DATABASE}.db", folder / "metadata.json"
    try:
        check_writable(database)
    except MissingFolderError:
        raise  # one type of this fault for every command that writes (a usage error at the CLI)
    except OutputError as exc:
        raise ServeError(str(exc)) from None
    for existing in (database, target):
        if existing.exists() and not force:
            raise ServeError(f"{existing} exists; pass force=True to replace it")
    export("sqlite", database, force=force, path=path)
    roles = all_series(path)[ROLE_COLUMNS]
    conn = sqlite3.connect(database)
    try:
        with conn:
            conn.execute(ROLES_TABLE)
            cells = [tuple(None if pd.isna(v) else str(v) for v in row) for row in roles.itertuples(index=False)]
            conn.executemany(f"INSERT INTO figure_roles VALUES ({', '.join('?' * len(ROLE_COLUMNS))})", cells)
            conn.execute(FIGURES_VIEW)
    finally:
        conn.close()
    meta = metadata(path)
    meta = {k: v for k, v in meta.items() if v is not None}
    write_json(target, meta)
    return database, target


def command(folder: Path, host: str, port: int) -> list[str]:
    """The datasette command line that serves a built folder."""
    return [
        sys.executable,
        "-c",
        LAUNCH,
        "serve",
        "--immutable",
        str(folder / f"{DATABASE}.db"),
        "--metadata",
        str(folder / "metadata.json"),
        "--host",
        host,
        "--port",
        str(port),
    ]


def database_url(host: str, port: int) -> str:
    """The address of the served database (`/tongxiang`), the page a user opens first."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/{DATABASE}"


def serve(
    host: str = "127.0.0.1", port: int = 8001, path: str | Path | None = None, announce: Callable[[str], Any] = print
) -> None:
    """Build the site in a temporary folder and serve it until interrupted; `announce` is told the database's
    address once the port is known to be free, before the build (which takes a few seconds)."""
    import tempfile

    try:
        import datasette  # noqa: F401
    except ImportError:
        raise ServeError("serve needs Datasette: pip install 'tongxiang-digital-economy[serve]'") from None
    port = check_port(host, port)  # before building: a busy port is said at once, not after the export
    announce(f"serving the package at {database_url(host, port)} (Ctrl-C stops it)")
    with sigterm_exits(), tempfile.TemporaryDirectory(prefix="tde-serve-") as tmp:
        folder = Path(tmp)
        build(folder, path)
        status = 0
        with contextlib.suppress(KeyboardInterrupt):
            status = subprocess.run(command(folder, host, port), check=False).returncode
        if status not in (0, -signal.SIGINT, -signal.SIGTERM):
            raise ServeError(f"Datasette stopped with exit status {status} (its messages are above)")


@contextlib.contextmanager
def sigterm_exits() -> Iterator[None]:
    """While serving, SIGTERM ends the server like Ctrl-C does (Datasette stopped, the temporary folder removed);
    the caller's own handler is put back after, so a library call leaves the process as it found it. Outside the
    main thread Python cannot install a handler: the caller's stays."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_port(host: str, port: int) -> int:
    """Refuse an address the server could not listen on (a port in use, an address not of this machine); the port
    to serve on: `port`, or for 0 ("any free port") the one the system gives, so the address announced is the one
    served (it announced http://127.0.0.1:0/, trial 13 m3). An address this machine does not have is said as such:
    another port would not help (trial 15 m10)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise ServeError(f"cannot serve on {host}: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRNOTAVAIL:
                raise ServeError(
                    f"cannot serve on {host}: this machine has no address {host}; choose another host= "
                    "(127.0.0.1 by default)"
                ) from None
            reason = "the port is in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
            raise ServeError(f"cannot serve on {host}:{port}: {reason}; choose another port=") from None
        return int(probe.getsockname()[1])
