"""Where the data package is, for every way the library can be installed.

A Frictionless Data Package keeps `datapackage.json` at its root beside `data/` and `schemas/`, so in the
repository those sit at the top, outside the import package. The wheel carries a copy inside the import
package (`tongxiang_digital_economy/package/`, force-included at build time); an editable install or a source
checkout has no such copy and reads the repository root instead. Both are found through importlib.resources,
never through the working directory.
"""

from __future__ import annotations

import errno
import os
import unicodedata
from importlib import resources
from pathlib import Path

from . import arguments
from .exceptions import PackageNotFoundError

DESCRIPTOR = "datapackage.json"


# The kinds of character a name is never printed with as they are (Unicode categories): controls (a line break, a
# tab, ESC), format characters (a zero-width space, a right-to-left mark), line and paragraph separators,
# surrogates (a byte that is not UTF-8, as PEP 383 decodes it), private-use and unassigned code points.
UNPRINTED = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def printable(name: str | bytes | os.PathLike[str]) -> str:
    """A file or folder name as every message prints it: on one line, each character that is not printed as
    itself written as Python's `repr` writes it (`\\n`, `\\t`, `\\x1b`, `\\u200b`), a byte that is not UTF-8
    as `\\xce` (as the words of a terminal that is not UTF-8 are shown); letters of any script and spaces
    (U+3000 too) stay as they are, and so does a backslash, so a Windows path reads as itself.

    Why: a name is bytes to the system and may hold a line break (`-o $'new\\nline.csv'`); printed as it is, the
    message `wrote new` / `line.csv` reads as two lines, the second a stray one (trial 15 m7). `ls -b` escapes so
    too, but writes ESC in octal (`\\033`) where Python writes `\\x1b`; Python's forms are the ones the
    package's other messages use (`core.suggest.echoed`)."""
    text = os.fsdecode(name)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif unicodedata.category(ch) in UNPRINTED:
            out.append(repr(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


LOOPS = "is a symbolic link that loops (too many levels of symbolic links)"


def loops(path: Path) -> bool:
    """Whether `path` is a symbolic link that leads round in a loop (the system refuses it with ELOOP): said as
    such (`LOOPS`), never as missing, since something is there (trial 15 W8: a data file that loops was a
    RuntimeError traceback in every command)."""
    if not path.is_symlink():
        return False
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


CHECKOUT_BUILD = "scripts/build"  # the README's For maintainers names the same verb for a checkout


def is_checkout(base: Path) -> bool:
    """Whether the package folder `base` is a checkout (it holds `scripts/build`): there a changed CSV file is
    recorded by `scripts/build`, which also remakes the README charts, data dictionary and CITATION.cff that
    `scripts/check` refuses stale; `stamp` is for a copy outside a checkout (validate's hash fix, `stamp --check`)."""
    try:
        return (base.resolve() / CHECKOUT_BUILD).is_file()
    except OSError:
        return False


def bundled_package_dir() -> Path:
    """The folder holding the package this library ships with (wheel copy first, then the checkout)."""
    here = Path(str(resources.files("tongxiang_digital_economy")))
    for candidate in (here / "package", here.parent.parent):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise PackageNotFoundError(
        f"the shipped data package is missing (looked in {here / 'package'} and "
        f"{here.parent.parent}); reinstall tongxiang-digital-economy"
    )


def package_dir(path: str | Path | None = None) -> Path:
    """The folder of the package at `path` (a folder, its datapackage.json or a link to that), or the shipped one."""
    checked = arguments.path("path", path)
    if checked is None:
        return bundled_package_dir()
    path = checked
    if path.is_file() and path.name == DESCRIPTOR:
        return path.parent
    if (path / DESCRIPTOR).is_file():
        return path
    if loops(path / DESCRIPTOR):
        raise PackageNotFoundError(f"{path / DESCRIPTOR} {LOOPS}: give a data package folder or its datapackage.json")
    if path.is_file():
        # A link to a package's descriptor (ln -s clone/datapackage.json linkdp.json) names that package; another
        # file is none, said as a file, not as a folder without a descriptor (trial 15 m8).
        real = path.resolve()
        if real.name == DESCRIPTOR:
            return real.parent
        raise PackageNotFoundError(
            f"{path} is a file, not a package folder or its {DESCRIPTOR}: give the folder that holds "
            f"{DESCRIPTOR}, or a descriptor named {DESCRIPTOR}"
        )
    if not path.exists():
        raise PackageNotFoundError(f"{path} does not exist; give a data package folder or its datapackage.json")
    raise PackageNotFoundError(f"no {DESCRIPTOR} in {path}; give a data package folder or its datapackage.json")
