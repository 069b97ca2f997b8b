"""Each text of a chart measured once a process, not once a renderer.

Why: matplotlib keeps the sizes of texts it has measured per renderer, and every figure drawn and every file written
has a renderer of its own; so the same words (the years under the axis, the legend's entries, the lines of the
notes every chart shares) were measured again for each chart and again when it was written, at about 0.5 ms for a
year and 4 ms for a line of notes (plot14: measuring text was half the CPU of drawing and writing a chart). A size
depends only on the text, its font and size, the resolution and the hinting settings, so one table of them, kept
for the process, serves every renderer of the same kind. Only the two renderers `plot` uses (Agg to lay out and
write PNG, SVG to write SVG) and plain text (no mathtext, no TeX) are kept; any other is measured as matplotlib
does. The sizes are matplotlib's own, so a chart's bytes are the same as without the table.

matplotlib comes with the `plot` extra: it is imported by the functions that use it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

MEASURED: dict[tuple[Any, ...], tuple[float, float, float]] = {}  # key (see `key`) -> width, height, descent
MOST = 50_000  # entries kept: a table past this size is emptied and filled again (a long-running server)

_lock = threading.Lock()
_users = 0  # `measured_once` blocks open now (threads may draw at once: the first in installs, the last out restores)
_matplotlibs: list[Any] = []  # matplotlib's own measuring function while the table is installed


@contextmanager
def measured_once() -> Iterator[None]:
    """Within the block, matplotlib measures a text through the process's table (`MEASURED`): a text measured
    before by a renderer of the same kind and resolution is not measured again. While no chart is drawn or written,
    matplotlib is as it was."""
    import matplotlib.text as mtext

    global _users
    with _lock:
        if _users == 0:
            original = getattr(mtext, "_get_text_metrics_with_cache", None)
            if original is not None:  # a matplotlib without it draws as it always did, only slower
                _matplotlibs.append(original)
                mtext._get_text_metrics_with_cache = _measured  # type: ignore[attr-defined]
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0 and _matplotlibs:
                mtext._get_text_metrics_with_cache = _matplotlibs.pop()  # type: ignore[attr-defined]


def key(renderer: Any, text: str, fontprop: Any, dpi: float) -> tuple[Any, ...] | None:
    """What a plain text's size depends on with the renderers `plot` uses, or None for any other renderer: the
    renderer's kind and resolution, the text, the font (as found for its properties) and its properties, and the
    hinting settings Agg reads."""
    import matplotlib
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_svg import RendererSVG
    from matplotlib.font_manager import findfont

    # An SVG is written through a MixedModeRenderer, which measures text with the SVG renderer it holds.
    kind = type(renderer._renderer) if type(renderer) is MixedModeRenderer else type(renderer)
    if kind not in (RendererAgg, RendererSVG):
        return None
    rc = matplotlib.rcParams
    hinting = (rc["text.hinting"], rc["text.hinting_factor"], rc["text.kerning_factor"])
    return (kind, getattr(renderer, "dpi", None), dpi, text, fontprop.copy(), findfont(fontprop), hinting)


def _measured(renderer: Any, text: str, fontprop: Any, ismath: Any, dpi: float) -> Any:
    """matplotlib's `_get_text_metrics_with_cache`, through the process's table for plain text."""
    measure = _matplotlibs[-1] if _matplotlibs else None
    found = key(renderer, text, fontprop, dpi) if ismath is False else None
    if found is None or measure is None:
        if measure is None:  # restored meanwhile by another thread: measure as matplotlib does
            return renderer.get_text_width_height_descent(text, fontprop, ismath)
        return measure(renderer, text, fontprop, ismath, dpi)
    size = MEASURED.get(found)
    if size is None:
        size = measure(renderer, text, fontprop, ismath, dpi)
        if len(MEASURED) >= MOST:
            MEASURED.clear()
        MEASURED[found] = size
    return size
