"""The structure layer's checks of the descriptor and the files it names (step 1 of validation.py, and step 2's
`bytes` and `hash`): the resources the reader can read, the Data Package profile (by frictionless, kept by the
descriptor's text), and each file's size and hash against what datapackage.json records, with the fix for this
copy (reinstall, build a checkout, stamp a copy).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..core import problems as P
from ..core.exceptions import DescriptorError, TDEError
from ..core.paths import CHECKOUT_BUILD, DESCRIPTOR, bundled_package_dir, is_checkout, printable
from ..core.report import Problem, count, problem
from ..io.supported import unsupported
from ..schema.descriptor import resource_path, table_schema

HASH_CHUNK = 1 << 20


def check_descriptor(
    base: Path, descriptor: dict[str, Any], metadata: bool = True
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The resources the reader can read, and every problem of the descriptor and of the others (the Data Package
    profile, by frictionless, only with `metadata`)."""
    found: list[Problem] = []
    readable: list[dict[str, Any]] = []
    inlined = dict(descriptor, resources=[])
    names: set[object] = set()
    for number, res in enumerate(descriptor["resources"], start=1):
        if not isinstance(res, dict):
            found.append(problem(P.RESOURCE_ERROR, None, None, None, f"resource {number} must be a JSON object"))
            continue
        name = res.get("name")
        if name in names:
            found.append(problem(P.RESOURCE_ERROR, name, None, None, f"two resources are named {name!r}: rename one"))
            continue
        names.add(name)
        try:
            resource_path(base, res)
            schema = table_schema(base, res)
        except DescriptorError as exc:
            found.append(problem(P.RESOURCE_ERROR, name, None, None, str(exc)))
            continue
        why = unsupported(schema, res.get("dialect"), res.get("encoding"))
        if why is not None:
            found.append(problem(P.SCHEMA_UNSUPPORTED, name, None, None, f"{why}; the table was not read"))
            continue
        inlined["resources"].append(dict(res, schema=schema))
        readable.append(res)
    for kind_of_error, message in profile_errors(inlined) if metadata else []:
        kind = P.RESOURCE_ERROR if kind_of_error.startswith(("resource", "schema", "field")) else P.PACKAGE_ERROR
        found.append(problem(kind, None, None, None, f"{DESCRIPTOR}: {message}"))
    return readable, found


# The Data Package profile's errors (type, message) by the exact text of the descriptor they were found in, with
# its Table Schemas inlined: frictionless takes about 10 ms a package, and a process validates the same descriptor
# again (the shipped package, a package validated after an edit of a CSV file that did not change its hash).
_PROFILE_ERRORS: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()
KEPT_DESCRIPTORS = 16


def profile_errors(inlined: dict[str, Any]) -> list[tuple[str, str]]:
    """frictionless' errors of the descriptor against the Data Package profile, kept by its exact JSON text."""
    from frictionless import FrictionlessException, Package  # heavy, and only the descriptor needs it

    try:
        key = json.dumps(inlined, ensure_ascii=False)
    except (TypeError, ValueError):  # not JSON (cannot come from a file): check it, keep nothing
        key = None
    if key is not None and key in _PROFILE_ERRORS:
        _PROFILE_ERRORS.move_to_end(key)
        return list(_PROFILE_ERRORS[key])
    # A descriptor that differs from one found valid only in its files' digests and sizes (a CSV edited and
    # stamped) is valid: the profile reads those only as a hexadecimal digest and a whole number.
    facts_apart = without_file_facts(inlined) if key is not None else None
    if facts_apart is not None and facts_apart in _VALID_APART:
        return []
    try:
        errors = [(e.type, e.message) for e in Package.metadata_validate(inlined)]
    except FrictionlessException as exc:
        errors = [(exc.error.type, exc.error.message)]
    if key is not None:
        _PROFILE_ERRORS[key] = errors
        while len(_PROFILE_ERRORS) > KEPT_DESCRIPTORS:
            _PROFILE_ERRORS.popitem(last=False)
    if facts_apart is not None and not errors:
        _VALID_APART[facts_apart] = None
        while len(_VALID_APART) > KEPT_DESCRIPTORS:
            _VALID_APART.popitem(last=False)
    return list(errors)


_VALID_APART: OrderedDict[str, None] = OrderedDict()
DIGEST = re.compile(r"(?:[a-z0-9-]+:)?[0-9a-fA-F]+")


def without_file_facts(inlined: dict[str, Any]) -> str | None:
    """The descriptor's JSON text with each resource's `hash` digest written as zeros of its length and its `bytes`
    as 1, where they have the form the profile asks (else None: such a descriptor is checked as it is)."""
    resources = []
    for res in inlined.get("resources", []):
        res = dict(res)
        digest = res.get("hash")
        if digest is not None:
            if not (isinstance(digest, str) and DIGEST.fullmatch(digest)):
                return None
            algorithm, colon, hexadecimal = digest.rpartition(":")
            res["hash"] = algorithm + colon + "0" * len(hexadecimal)
        size = res.get("bytes")
        if size is not None:
            if not (isinstance(size, int) and not isinstance(size, bool) and size >= 1):
                return None
            res["bytes"] = 1
        resources.append(res)
    try:
        return json.dumps(dict(inlined, resources=resources), ensure_ascii=False)
    except (TypeError, ValueError):
        return None


def check_file_facts(base: Path, res: dict[str, Any]) -> list[Problem]:
    """The file's size and hash against the `bytes` and `hash` the descriptor records (hashed in chunks)."""
    path = resource_path(base, res)
    name = res.get("name")
    if not path.is_file():
        return []  # the reader reports the missing file
    declared = res.get("hash")
    algorithm, _, digest = str(declared).rpartition(":") if declared else ("", "", "")
    algorithm = algorithm or "md5"  # Data Package: a hash without a prefix is MD5
    if algorithm not in hashlib.algorithms_available:
        return [problem(P.RESOURCE_ERROR, name, None, None, f"hash algorithm {algorithm!r} is not known")]
    hasher = hashlib.new(algorithm)
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            hasher.update(chunk)
            size += len(chunk)
    fix = fix_for_facts(base)
    # One edit is one error: a file whose size changed has a changed hash too, so the hash's problem says both
    # (frictionless reports `hash-count` and `byte-count`). `bytes` alone is a recorded size that is wrong while
    # the hash still matches (a descriptor edited by hand).
    resized = "bytes" in res and res["bytes"] != size
    sizes = f"the file has {count(size, 'byte')}, datapackage.json records {res.get('bytes')}"
    if declared and hasher.hexdigest() != digest:
        also = f" (and its size: {sizes})" if resized else ""
        message = f"the file's {algorithm} differs from the hash datapackage.json records{also}: {fix}"
        return [problem(P.HASH, name, None, None, message)]
    if resized:
        return [problem(P.BYTES, name, None, None, f"{sizes}: {fix}")]
    return []


def fix_for_facts(base: Path) -> str:
    """How to fix a stale hash: reinstall a wheel's copy; build a checkout; stamp a copy changed on purpose.

    Only the copy inside an installed wheel (`tongxiang_digital_economy/package/`) is "the installed data": an
    editable install reads the checkout itself, where a maintainer edits the CSV files. In a checkout (the
    package folder holds `scripts/build`) `stamp` alone would leave the README charts, data dictionary and
    CITATION.cff stale, which `scripts/check` then refuses, so a checkout is told `scripts/build`, as the README
    says; `stamp` is for a copy of the package outside a checkout.
    """
    try:
        here = base.resolve()
        installed = here == bundled_package_dir().resolve() and (here.parent / "__init__.py").is_file()
        checkout = is_checkout(here)
    except (OSError, TDEError):
        installed = checkout = False
    if installed:
        return "the installed data was changed: reinstall tongxiang-digital-economy"
    if checkout:
        return f"if you changed the file on purpose, run {CHECKOUT_BUILD} in {printable(base)} to record it"
    command = f"tongxiang-digital-economy stamp --package {printable(base)}"
    return f"if you changed the file on purpose, run `{command}` to record it"
