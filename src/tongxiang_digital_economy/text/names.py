"""Names folded for comparison: the same entity written in two scripts, cases, spacings or with a company suffix.

Why: a duplicate identity hides behind small differences of writing (微醫 / 微医, WeDoctor / We Doctor,
新凤鸣集团股份有限公司 / 新凤鸣). Two keys serve two checks: `exact_key` (script, case, white space and
punctuation folded) says two names are the same name; `stem_key` (also without the company suffixes the lexicon
lists as `company_suffix`: 有限公司, 股份, Co., Ltd. ...) says they are probably the same entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .quantities import squash

# Punctuation and symbols of both scripts; letters, digits and CJK characters are kept.
PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


def exact_key(name: str) -> str:
    """The name in simplified script, case folded, without white space or punctuation."""
    return PUNCTUATION.sub("", squash(name))


def suffix_keys(suffixes: Iterable[str]) -> tuple[str, ...]:
    """The company suffixes as exact keys, longest first (so 股份有限公司 goes before 有限公司)."""
    keys = {exact_key(s) for s in suffixes}
    return tuple(sorted((k for k in keys if k), key=len, reverse=True))


def stem_key(name: str, suffixes: tuple[str, ...]) -> str:
    """The exact key with company suffixes stripped from its end, repeatedly (集团股份有限公司 → the stem)."""
    key = exact_key(name)
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
    return key
