"""serve's one Datasette plugin: a row URL with too few key parts is a 404 that says how a row is named.

A row of a table whose key has several columns (project_enterprises: project_id, enterprise_id, role; lexicon:
term, language, category) has the URL `/tongxiang/<table>/<part>,<part>,<part>`. Datasette 0.65 answers a URL
with fewer parts than that (`/tongxiang/project_enterprises/1`) with HTTP 500 and a traceback: it binds one SQL
parameter per part given and the query asks for one per key column (Datasette #2811, fixed only in the 1.0
alphas; pip offers 0.65). Trial 15 m2.

Only Datasette's public plugin API is used: the documented `asgi_wrapper` hook answers such a request before
Datasette routes it, and `plugin_config` reads which tables need it from the metadata `build` writes (each such
table's `plugins` entry holds its key's columns, taken from its Table Schema). The documented `handle_exception`
hook would not do: Datasette awaits every implementation, its default included, and the default prints the
traceback of any server error. The request is matched as Datasette's own row route matches it (the raw path, the
table tilde-decoded, an optional `.format`, parts split on commas, a comma inside a value being `~2C`), and only
a request with fewer parts than its table's key is answered here; every other request, more parts included
(Datasette reads the first ones, as for any table), goes to Datasette unchanged.

`register()` adds the plugin to Datasette's plugin manager (as Datasette's "Testing plugins" page registers one):
the served process does it before Datasette's command starts (serve.LAUNCH), and a test before it makes a
Datasette. Datasette is imported only there and in the wrapper, so `build` (which writes the metadata) needs no
Datasette.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

NAME = "tongxiang-row-keys"
# Datasette 0.65's row route (datasette/app.py `_routes`): database, table, the key's parts, an optional format.
ROW = re.compile(r"/(?P<database>[^\/\.]+)/(?P<table>[^/]+?)/(?P<pks>[^/]+?)(\.(?P<format>\w+))?$")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Any]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def config(key: list[str]) -> dict[str, Any]:
    """The `plugins` entry of a table's metadata that asks for this check: its key's columns (build writes it)."""
    return {NAME: {"key": key}}


def register() -> None:
    """Add the plugin to Datasette's plugin manager, once."""
    from datasette import hookimpl
    from datasette.plugins import pm

    class RowKeys:
        """The plugin: Datasette's `asgi_wrapper` hook (Datasette lists a plugin by its `__name__`)."""

        __name__ = NAME

        @hookimpl  # type: ignore[untyped-decorator]
        def asgi_wrapper(self, datasette: Any) -> Callable[[App], App]:
            return wrapper(datasette)

    if pm.get_plugin(NAME) is None:
        pm.register(RowKeys(), name=NAME)


def short_key(path: str, key_of: Callable[[str, str], list[str] | None]) -> tuple[str, str] | None:
    """For a row URL that gives fewer parts than its table's key has columns: its table and the message of the
    404; None for any other path. `key_of(database, table)` is the table's key columns when it is checked."""
    from datasette.utils import tilde_decode

    match = ROW.match(path)
    if match is None:
        return None
    table = tilde_decode(match["table"])
    key = key_of(tilde_decode(match["database"]), table)
    given = len(match["pks"].split(","))
    if not key or given >= len(key):
        return None
    parts = "1 part" if given == 1 else f"{given} parts"
    message = (
        f"No such row: a row of {table} is named by its {len(key)} key columns ({', '.join(key)}) separated by "
        f"commas, as in /{match['database']}/{match['table']}/{','.join(f'<{name}>' for name in key)}; this URL "
        f"gives {parts}. The table's page links each row."
    )
    return match["format"] or "", message


def wrapper(datasette: Any) -> Callable[[App], App]:
    """Answer a row URL with too few key parts with a 404 (plain text, or JSON for `.json`) before Datasette."""
    from datasette import Response

    def key_of(database: str, table: str) -> list[str] | None:
        found = datasette.plugin_config(NAME, database=database, table=table, fallback=False)
        return list(found["key"]) if isinstance(found, dict) and "key" in found else None

    def wrap(app: App) -> App:
        async def checked(scope: Scope, receive: Receive, send: Send) -> None:
            if scope.get("type") == "http":
                raw = scope.get("raw_path")
                path = (raw.decode("latin-1") if raw else scope["path"]).partition("?")[0]
                found = short_key(path, key_of)
                if found is not None:
                    fmt, message = found
                    answer = (
                        Response.json({"ok": False, "error": message, "status": 404, "title": None}, status=404)
                        if fmt == "json"
                        else Response.text(message, status=404)
                    )
                    await answer.asgi_send(send)
                    return
            await app(scope, receive, send)

        return checked

    return wrap
