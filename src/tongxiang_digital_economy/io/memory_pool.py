"""The Arrow memory pool a table is read and typed in (jemalloc where pyarrow has it), and the caller's pool set
back afterwards: docs/benchmarks.md, thirteenth pass, says why.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa


@functools.cache
def reading_pool() -> pa.MemoryPool | None:
    """The Arrow memory pool a table is read and typed in: jemalloc where pyarrow has it, unless the user chose a
    pool (ARROW_DEFAULT_MEMORY_POOL); None (pyarrow's default) otherwise.

    pyarrow's default pool on Linux is mimalloc, which here gave the pages of each block back to the kernel and
    faulted them in again: a whole-process load of 10^5 rows took 0.9 s of system time with it, 0.2 s with jemalloc
    (docs/benchmarks.md, thirteenth pass). Any pool holds any buffer; only where new ones are made differs."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return None
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc (its Windows wheels)
        return None


@contextmanager
def in_reading_pool() -> Iterator[None]:
    """pyarrow's default pool is the reader's (`reading_pool`) while a table is read and typed, and the caller's
    again afterwards: the reader's compute kernels take no pool of their own, and the user's process keeps its.
    Reads in several threads at once (`serve`) share one switch: the first sets it, the last sets the caller's back."""
    pool = reading_pool()
    if pool is None:
        yield
        return
    with _POOL_LOCK:
        if not _POOL_USERS:
            _POOL_USERS.append(pa.default_memory_pool())
            pa.set_memory_pool(pool)
        _POOL_USERS.append(pool)
    try:
        yield
    finally:
        with _POOL_LOCK:
            _POOL_USERS.pop()
            if len(_POOL_USERS) == 1:
                pa.set_memory_pool(_POOL_USERS.pop())


# The caller's pool, then one entry per read under way (in_reading_pool).
_POOL_USERS: list[pa.MemoryPool] = []
_POOL_LOCK = threading.Lock()
