"""Writing a file in one step: into a temporary file beside it, then renamed over it.

Why this exists: `stamp` rewrites datapackage.json, a release records its fingerprint, `serve` writes its metadata
and `export` its files. An interrupted plain write leaves a truncated file (a datapackage.json that no longer
parses); a rename on the same file system is atomic, so the reader sees the old file or the new one, never half.

A path that names no regular file but a stream (a device such as /dev/null or /dev/full, a FIFO, /dev/stdout) is
written through, never renamed over: a rename would put a regular file where the device was (as root, /dev/full
itself), and what the user asked for is the bytes sent there. Such a write is not atomic, and cannot be. A path
that leads to one of the process's open descriptors (/dev/stdout -> /proc/self/fd/1) is such a stream even when
the shell has pointed the descriptor at a regular file (`-o /dev/stdout > out.csv`): the bytes go down the
descriptor, as `-o -` sends them.

A symbolic link is never replaced: the file it leads to is (atomically, as any file), and the link stays, as `cp`
and the shell's `>` write through a link (trial 12 W1: `-o link.csv --force` had put a file where the link was). A
link that leads to nothing is refused (check_writable): what it names is no file to replace, and a write through it
would make one somewhere the user never named (trial 18 m6).

A folder that exists but takes no new file (/proc, /sys: the kernel's own) refuses the temporary file with "No such
file or directory", true of the temporary file only: the fault is said as the folder's, with the path the user gave
(`cannot write /proc/version: the folder /proc takes no new files, so the file cannot be replaced`).

A symbolic link that leads round in a loop (loop1 -> loop2 -> loop1), as the path or one of its folders, leads to
no file: it is refused before anything is written, naming the link (`cannot write loop1: it is a symbolic link
that loops (too many levels of symbolic links)`, trial 14 W3), never "does not exist", since something is there.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.exceptions import MissingFolderError, OutputError
from ..core.paths import printable

# What a path to an open descriptor of a process looks like once its links are followed to it.
DESCRIPTOR = re.compile(r"^/(?:proc/(?:self|thread-self|[0-9]+)/fd|dev/fd)/[0-9]+$")
MOST_LINKS = 40  # as the kernel's own limit on a path's links


def is_stream(dest: Path) -> bool:
    """Whether `dest` exists as neither a regular file nor a folder (a device, a FIFO, a socket), or leads to an
    open descriptor (/dev/stdout, /dev/fd/1): written through, never replaced, and no file a write would destroy
    (so no `force` is needed to write there)."""
    return dest.exists() and (leads_to_descriptor(dest) or not (dest.is_file() or dest.is_dir()))


def leads_to_descriptor(dest: Path) -> bool:
    """Whether `dest`, or a link on its way, is a process's descriptor (/proc/self/fd/N, /dev/fd/N): such a link
    resolves to whatever the descriptor holds now (a pipe, or the file the shell redirected to), so it is
    followed link by link, never resolved whole."""
    path = Path(os.path.abspath(dest))
    for _ in range(MOST_LINKS):
        if DESCRIPTOR.match(str(path)):
            return True
        if not path.is_symlink():
            return False
        path = Path(os.path.abspath(path.parent / os.readlink(path)))
    return False


class FolderRefused(OSError):
    """The machine's refusal said in the package's words (a folder that takes no new files), kept as it is said:
    `reason_of` never swaps it for the errno's words."""


def atomic_write(dest: Path, write: Callable[[Path], None]) -> Path:
    """Call write(temporary path) and move the result to `dest` in one step (the temporary file never stays); a
    stream (`is_stream`) gets the bytes written through instead, a link's file is replaced and the link kept. An
    OSError names `dest`, not the temporary file."""
    if link_loop(dest) is not None:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(dest))
    try:
        if is_stream(dest):
            written_through(dest, write)
        else:
            replaced(dest.resolve() if dest.is_symlink() else dest, write)
    except FolderRefused as exc:
        raise FolderRefused(exc.errno, exc.strerror, str(dest)) from None
    except OSError as exc:
        raise OSError(exc.errno, reason_of(exc), str(dest)) from None
    return dest


def replaced(dest: Path, write: Callable[[Path], None]) -> None:
    """write() into a temporary file beside `dest`, renamed over it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        refused = refused_by_folder(exc, dest, made=tmp)
        if refused is None:
            raise
        raise refused from None
    finally:
        tmp.unlink(missing_ok=True)


def refused_by_folder(exc: OSError, dest: Path, made: Path) -> FolderRefused | None:
    """The folder's fault where `exc` is "No such file or directory" for a file (or folder) `made` in a folder that
    exists (/proc, /sys: it takes no new file), else None. `dest` is the path the user gave: an existing file there
    cannot be replaced, since its replacement is made beside it."""
    folder = made.absolute().parent
    if exc.errno != errno.ENOENT or not folder.is_dir() or made.exists():
        return None
    reason = f"the folder {printable(folder)} takes no new files"
    if dest.exists() and not dest.is_dir():
        reason += ", so the file cannot be replaced"
    return FolderRefused(exc.errno, reason, str(dest))


def written_through(dest: Path, write: Callable[[Path], None]) -> None:
    """write() into a temporary folder's file, its bytes then sent to the stream `dest` (never renamed over it)."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder) / dest.name
        write(tmp)
        with tmp.open("rb") as source, dest.open("wb") as target:
            shutil.copyfileobj(source, target)


def reason_of(exc: OSError) -> str:
    """The system's reason for an OSError, in its own words: pyarrow's errors carry, as their message, one naming
    the temporary file ("Failed to open local file '/x/.t.parquet.12.tmp'. Detail: [errno 2] ..."): the errno is
    said in the system's words instead. A FolderRefused is said as it is."""
    if isinstance(exc, FolderRefused) and exc.strerror:
        return exc.strerror
    found = re.search(r"\[errno (\d+)\]", str(exc), re.IGNORECASE)
    number = exc.errno or (int(found.group(1)) if found else None)
    return os.strerror(number) if number else (exc.strerror or str(exc))


def link_loop(dest: Path) -> Path | None:
    """The first of `dest`'s folders, or `dest` itself, that is a symbolic link leading round in a loop (the
    system refuses it with ELOOP), as the user wrote it; None where there is none."""
    for part in [*reversed(dest.parents), dest]:
        if not part.is_symlink():
            continue
        try:
            os.stat(part)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return part
    return None


def check_writable(dest: Path) -> None:
    """The one check every command that writes makes first (export, plot, serve): refuse a destination that is,
    or lies under, a symbolic link that loops (OutputError), that is a symbolic link to nothing (OutputError: a
    write through it made a file wherever it pointed, /nonexistent at the root, without --force; trial 18 m6), under
    a file (a file cannot hold a folder:
    OutputError) or in a folder that does not exist (MissingFolderError: never made on the caller's behalf, since
    a typo would scatter folders); the OS says the rest on writing."""
    looping = link_loop(dest)
    if looping is not None:
        which = "it" if looping == dest else str(looping)
        reason = os.strerror(errno.ELOOP)
        raise OutputError(
            f"cannot write {dest}: {which} is a symbolic link that loops ({reason[:1].lower()}{reason[1:]})"
        )
    if dest.is_symlink() and not dest.exists():  # dangling: writing through it would make a file where it points
        raise OutputError(
            f"cannot write {dest}: it is a symbolic link to {printable(Path(os.readlink(dest)))}, which does not "
            "exist; remove the link, or give another name"
        )
    blocking = next((d for d in dest.absolute().parents if d.exists() and not d.is_dir()), None)
    if blocking is not None:
        raise OutputError(f"cannot write {dest}: {blocking} is a file, not a folder")
    folder = dest.absolute().parent
    if not folder.is_dir():
        shown = dest.parent if str(dest.parent) not in ("", ".") else folder
        raise MissingFolderError(f"cannot write {dest}: the folder {shown} does not exist; create it first")


def write_text(dest: Path, text: str) -> Path:
    """`text` as UTF-8 with LF line ends, written atomically."""

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8", newline="\n")

    return atomic_write(dest, write)


def write_json(dest: Path, data: Any, indent: int = 2, sort_keys: bool = False) -> Path:
    """JSON the way every JSON file of the package is written (stable, diff-friendly), atomically."""
    return write_text(dest, json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys) + "\n")
