"""A Datasette plugin `serve` loads (`--plugins-dir`): a client's mistake is one access-log line, not a traceback.

Datasette's own exception handler prints a rich traceback into the terminal for every error, a mistyped URL's
404 included (trial 11 m3), while the browser gets a clean page. Here that handler is replaced by one that runs
it unchanged, except that for a client error (Datasette's Base400: 404, 403, 400) it prints nothing: uvicorn's
access log already says `"GET /x HTTP/1.1" 404 Not Found` on one line. A server error (500) keeps Datasette's
traceback: that one is a bug to see.

Datasette calls every handle_exception hook and awaits each result, so adding a hook beside the default would not
silence it; the default is unregistered (pluggy's public API) and called from here.
"""

from __future__ import annotations

from typing import Any

from datasette import handle_exception as default
from datasette import hookimpl
from datasette.plugins import pm
from datasette.utils.asgi import Base400

if pm.is_registered(default):
    pm.unregister(default)


def handle_exception(datasette: Any, request: Any, exception: BaseException) -> Any:
    """Datasette's own error page and JSON, without its terminal traceback for a client error."""
    respond = default.handle_exception(datasette, request, exception)
    if not isinstance(exception, Base400):
        return respond

    async def quietly() -> Any:
        printer, default.rich = default.rich, None  # the default prints a traceback only when rich is there
        try:
            return await respond()
        finally:
            default.rich = printer

    return quietly


hookimpl(handle_exception)  # marked by a call, not a decorator: Datasette's marker is untyped (mypy --strict)
