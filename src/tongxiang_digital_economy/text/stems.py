"""English word stems for search: a word's singular (`stem`) and its root across noun, verb and agent forms
(`root`), so that "supercomputer" finds "supercomputing" and "visitors" finds "visited" (trial 7 S1).

Why a small stemmer of our own and not Porter or Snowball: search compares a query's word with the words of a
cell, and every merge it makes is an answer a user sees. A full stemmer strips several suffixes in turn and merges
words this package keeps apart (Porter makes "general" and "generation" one, "digital" and "digit" one); a new
dependency would also be one more thing to install for a handful of suffixes. This one strips at most one suffix,
after the plural, and leaves enough of the word that the root still says what it is:

- the plural, as `stem` (industries -> industry, conferences -> conference, gdp -> gdp);
- then one of -ment, -ing, -ion, -ity, -er, -or, -ed, -al (investment, investor, invested -> invest;
  supercomputer, supercomputing -> supercomput; exhibition, exhibitors -> exhibit; electricity -> electric;
  regional -> region), keeping at least 4 letters (-ed: 3, so based -> bas as base; -er, -or, -al: 5, so
  center, number, signal and portal stay whole); -er not after an e (engineer stays);
- a doubled final consonant undoubled after it (planned, planning -> plan; not l, s or z: installed -> install);
- else a final e dropped (compute -> comput, produce -> produc) or a final y made i (industry, industries ->
  industri; activity -> activ as active);
- a form no suffix reaches is its verb's (`IRREGULAR`: growth, grew, grown -> grow; built -> build; held -> hold).

Words it must not merge, and does not (tests/test_search.py): general / generation, department / departure,
hospital / hospitality, signal / signing, portal / port, center / cent, engineer / engine, tourism / tourist;
and, kept whole (`WHOLE`), digital / digit, million / mill, billion / bill and industrial / industry (工业, not
产业). It does merge some words a reader may not expect (production and
product, united and unit, department and depart): the match is by root only where no prefix rule already matched,
and a root of fewer than four letters is never used.
"""

from __future__ import annotations

import functools

# Words whose root would merge them with an unrelated word this package holds (digital/digit, million/mill), or
# with a word its statistics keep apart: "industrial" is 工业 (industrial value added, 工业增加值), "industry" also
# 产业 (primary industry, 第一产业增加值), so "industrial added value" must not name the three sectors' value added.
WHOLE = frozenset({"digital", "million", "billion", "trillion", "central", "industrial"})
# Forms no suffix rule reaches, as their verb: a lemmatiser's exceptions. "growing" found nothing while "growth"
# named 37 indicators (trial 8); the other forms of the verbs a statistics text uses are listed with it.
IRREGULAR = {
    "growth": "grow",
    "grew": "grow",
    "grown": "grow",
    "built": "build",
    "held": "hold",
    "sold": "sell",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "spent": "spend",
    "began": "begin",
    "begun": "begin",
}
# (suffix, letters the root must keep), longest first; one is stripped at most.
SUFFIXES = (("ment", 4), ("ing", 4), ("ion", 4), ("ity", 4), ("er", 5), ("or", 5), ("ed", 3), ("al", 5))
ROOT_AT_LEAST = 3  # a shorter root is never used (the word itself is)


def stem(word: str) -> str:
    """An English word's singular, roughly: industries -> industry, conferences -> conference, gdp -> gdp."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def root(word: str) -> str:
    """The word's root across its noun, verb and agent forms (see the module docstring): a lower-case word in,
    its root out; the singular itself where no suffix comes off."""
    singular = stem(word)
    if singular in IRREGULAR:
        return root(IRREGULAR[singular])
    if singular in WHOLE or not singular.isalpha():
        return singular
    for suffix, keep in SUFFIXES:
        if singular.endswith(suffix) and len(singular) - len(suffix) >= keep:
            if suffix == "er" and singular.endswith("eer"):
                continue
            base = singular[: -len(suffix)]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouylsz":
                base = base[:-1]  # planned -> plan
            return base
    if singular.endswith("e") and len(singular) - 1 >= ROOT_AT_LEAST:
        return singular[:-1]
    if singular.endswith("y") and len(singular) > 3:
        return singular[:-1] + "i"
    return singular
