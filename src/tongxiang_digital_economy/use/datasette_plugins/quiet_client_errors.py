"""A Datasette plugin `serve` loads (`--plugins-dir`): a client's mistake is one access-log line, not a traceback.

Datasette's own exception handler prints a rich traceback into the terminal for every error, a mistyped URL's
404 included (trial 11 m3), while the browser gets a clean page. Here that handler is replaced by one that runs
it unchanged, except that for a client error (Datasette's Base400: 404, 403, 400) it prints nothing: uvicorn's
access log already says `"GET /x HTTP/1.1" 404 Not Found` on one line. A server error (500) keeps Datasette's
traceback: that one is a bug to see.

No documented hook does this in Datasette 0.65: `handle_exception` is documented, but Datasette calls every
implementation and awaits each result, the default's included, so a hook beside the default cannot silence it.
So this relies on three undocumented things, each named in INTERNALS: the default handler is the module
`datasette.handle_exception`, registered with the plugin manager `datasette.plugins.pm` (unregistered here through
pluggy's public API, and called from here); it prints only when its module-level `rich` is not None; client errors
are `datasette.utils.asgi.Base400`. Where one is gone (a later Datasette), the plugin does nothing and `serve` runs
with Datasette's tracebacks, never fails to start; `QUIETED` is then False and tests/test_serve.py fails loudly,
naming what went missing.
"""

from __future__ import annotations

import importlib
from typing import Any

# module -> the names this plugin uses from it.
INTERNALS = {
    "datasette.handle_exception": ("handle_exception", "rich"),
    "datasette.plugins": ("pm",),
    "datasette.utils.asgi": ("Base400",),
}


def missing_internals() -> list[str]:
    """Each internal of INTERNALS this Datasette lacks, as module.name (empty when all are there)."""
    missing = []
    for module, names in INTERNALS.items():
        try:
            found = importlib.import_module(module)
        except ImportError:
            missing.append(module)
            continue
        missing += [f"{module}.{name}" for name in names if not hasattr(found, name)]
    return missing


QUIETED = not missing_internals()

if QUIETED:
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
