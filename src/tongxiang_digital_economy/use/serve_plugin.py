"""serve's one Datasette plugin: three client mistakes Datasette 0.65 answers wrongly (an HTTP 500, or every row)
answered as the mistakes they are.

- A row URL with too few key parts (trial 15 m2). A row of a table whose key has several columns
  (project_enterprises: project_id, enterprise_id, role; lexicon: term, language, category) has the URL
  `/tongxiang/<table>/<part>,<part>,<part>`. Datasette binds one SQL parameter per part given while its query asks
  for one per key column, so `/tongxiang/project_enterprises/1` was a 500 with a traceback (Datasette #2811, fixed
  only in the 1.0 alphas; pip offers 0.65). It is a 404 that names the key's columns.
- A sort by a column the table does not have (`?_sort=nope`, trial 16): Datasette raises its "Cannot sort table
  by nope" error with status 500. It is a 400 that names the table's columns.
- A full-text search (`?_search=wuzhen`, `?_search_evidence=…`, trial 16) of a table without a full-text index, as
  none of the site's is: Datasette ignores it and answers every row, as if all matched. It is a 400 that says so and
  names the column filter (`?evidence__contains=wuzhen`) and the `search` command that do find it.

Only Datasette's public plugin API is used. The row URL is answered by the documented `asgi_wrapper` hook before
Datasette routes it: the documented `handle_exception` hook would not do, since Datasette awaits every
implementation, its default included, and the default prints the traceback of an exception that is not Datasette's
own. The wrapper matches the request as Datasette's own row route does (the raw path, the table tilde-decoded, an
optional `.format`, parts split on commas, a comma inside a value being `~2C`) and answers only a request with
fewer parts than its table's key; every other request, more parts included (Datasette reads the first ones, as for
any table), goes to Datasette unchanged. Which tables are checked, and their key columns, come from the metadata
`build` writes (each such table's `plugins` entry, from its Table Schema), read by `plugin_config`; so does the
search (the database's `plugins` entry says its tables have no full-text index), answered by the wrapper too,
since Datasette raises nothing for it. The sort error
is Datasette's own (no traceback is printed for it), so `handle_exception` answers it, recognised by its message
and status; the columns named are the table's as a query returns them (`db.execute`).

`register()` adds the plugin to Datasette's plugin manager (as Datasette's "Testing plugins" page registers one):
the served process does it before Datasette's command starts (serve.LAUNCH), and a test before it makes a
Datasette. Datasette is imported only inside the functions, so `build` (which writes the metadata) needs no
Datasette.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

NAME = "tongxiang-digital-economy"
# Datasette 0.65's row route (datasette/app.py `_routes`): database, table, the key's parts, an optional format.
ROW = re.compile(r"/(?P<database>[^\/\.]+)/(?P<table>[^/]+?)/(?P<pks>[^/]+?)(\.(?P<format>\w+))?$")
# Datasette 0.65's table route (datasette/app.py `_routes`): database, table (or view), an optional format.
TABLE = re.compile(r"/(?P<database>[^\/\.]+)/(?P<table>[^\/\.]+)(\.(?P<format>\w+))?$")
# Datasette 0.65's error for `_sort` or `_sort_desc` naming no sortable column (views/table.py), raised as a 500.
BAD_SORT = re.compile(r"Cannot sort table by (?P<column>.*)", re.S)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Any]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def config(key: list[str]) -> dict[str, Any]:
    """The `plugins` entry of a table's metadata that asks for the row URL check: its key's columns."""
    return {NAME: {"key": key}}


def database_config() -> dict[str, Any]:
    """The `plugins` entry of the database's metadata: its tables have no full-text index (see no_search)."""
    return {NAME: {"full_text_search": False}}


def register() -> None:
    """Add the plugin to Datasette's plugin manager, once."""
    from datasette import hookimpl
    from datasette.plugins import pm

    class Plugin:
        """The plugin: Datasette's `asgi_wrapper` and `handle_exception` hooks (Datasette lists a plugin by its
        `__name__`)."""

        __name__ = NAME

        @hookimpl  # type: ignore[untyped-decorator]
        def asgi_wrapper(self, datasette: Any) -> Callable[[App], App]:
            return wrapper(datasette)

        @hookimpl  # type: ignore[untyped-decorator]
        def handle_exception(self, datasette: Any, request: Any, exception: Exception) -> Any:
            return bad_sort(datasette, request, exception)

    if pm.get_plugin(NAME) is None:
        pm.register(Plugin(), name=NAME)


def answer(message: str, status: int, as_json: bool) -> Any:
    """A client error's response: plain text, or Datasette's JSON error shape for a `.json` URL."""
    from datasette import Response

    if as_json:
        return Response.json({"ok": False, "error": message, "status": status, "title": None}, status=status)
    return Response.text(message, status=status)


def short_key(path: str, key_of: Callable[[str, str], list[str] | None]) -> tuple[str, str] | None:
    """For a row URL that gives fewer parts than its table's key has columns: its format and the message of the
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


def no_search(path: str, query: dict[str, list[str]], indexed: Callable[[str], bool]) -> tuple[str, str] | None:
    """For a table's page asked for a full-text search (`_search` or `_search_COLUMN` with words) in a database
    whose tables have no full-text index (`indexed(database)` false): its format and the message of the 400; None
    for any other request."""
    from datasette.utils import tilde_decode

    match = TABLE.match(path)
    asked = {k: v for k, vs in query.items() for v in vs if (k == "_search" or k.startswith("_search_")) and v.strip()}
    if match is None or not asked or indexed(tilde_decode(match["database"])):
        return None
    key, words = next(iter(asked.items()))
    column = key.removeprefix("_search_") if key != "_search" else "<column>"
    message = (
        f"{tilde_decode(match['table'])} has no full-text search here: {key}={words} would list every row. Filter a "
        f"column instead, as in ?{column}__contains={words} (the table page's filters), or run "
        f"`tongxiang-digital-economy search {shlex.quote(words)}`, which reads every text in either language."
    )
    return match["format"] or "", message


def wrapper(datasette: Any) -> Callable[[App], App]:
    """Answer a row URL with too few key parts with a 404, a search no index serves with a 400, before
    Datasette routes them."""

    def key_of(database: str, table: str) -> list[str] | None:
        found = datasette.plugin_config(NAME, database=database, table=table, fallback=False)
        return list(found["key"]) if isinstance(found, dict) and "key" in found else None

    def indexed(database: str) -> bool:
        found = datasette.plugin_config(NAME, database=database, fallback=False)
        return not (isinstance(found, dict) and found.get("full_text_search") is False)

    def wrap(app: App) -> App:
        async def checked(scope: Scope, receive: Receive, send: Send) -> None:
            if scope.get("type") == "http":
                raw = scope.get("raw_path")
                path = (raw.decode("latin-1") if raw else scope["path"]).partition("?")[0]
                found = short_key(path, key_of)
                if found is not None:
                    await answer(found[1], 404, found[0] == "json").asgi_send(send)
                    return
                query = parse_qs(bytes(scope.get("query_string", b"")).decode("latin-1"))
                searched = no_search(path, query, indexed)
                if searched is not None:
                    await answer(searched[1], 400, searched[0] == "json").asgi_send(send)
                    return
            await app(scope, receive, send)

        return checked

    return wrap


def bad_sort(datasette: Any, request: Any, exception: Exception) -> Callable[[], Awaitable[Any]] | None:
    """Datasette's "Cannot sort table by X" (status 500) as a 400 that names the table's columns; None (Datasette
    answers) for any other exception."""
    match = BAD_SORT.fullmatch(str(exception))
    route = request.url_vars or {}
    if match is None or getattr(exception, "status", None) != 500 or "table" not in route:
        return None

    async def respond() -> Any:
        from datasette.utils import tilde_decode

        table = tilde_decode(route["table"])
        database = datasette.get_database(tilde_decode(route["database"]))
        quoted = '"' + table.replace('"', '""') + '"'
        columns = (await database.execute(f"select * from {quoted} limit 0")).columns
        message = (
            f"Cannot sort {table} by {match['column']!r}: it has no such column; sort by one of its columns "
            f"({', '.join(columns)}), as its column headings do."
        )
        return answer(message, 400, request.path.endswith(".json"))

    return respond
