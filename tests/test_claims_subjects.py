"""Whose figure a row is: a subject's name inside another entity's longer name does not name the subject.

'Tongxiang Economic Development Zone' and 桐乡经济开发区 name the zone, not Tongxiang; the rows go into one copy of
the package, so the semantic layer runs once.
"""

from __future__ import annotations

from conftest import PackageCopy, found
from test_rules import GOOD

ZONE = "tongxiang-economic-development-zone"
IN_THE_ZONE = "At present, Tongxiang Economic Development Zone is home to 1,890 digital economy enterprises"
BOTH = "At present, Tongxiang has 1,890 digital economy enterprises, Tongxiang Economic Development Zone half of them"

# (why, the row, whether subject-not-anchored fires on it)
CASES = [
    ("the zone's name names the zone", {"place_id": ZONE, "evidence": IN_THE_ZONE, "subject_text": ""}, False),
    ("the zone's name does not name Tongxiang", {"evidence": IN_THE_ZONE, "subject_text": ""}, True),
    (
        "nor does a subject_text that is the zone's name",
        {"evidence": IN_THE_ZONE, "subject_text": "桐乡经济开发区"},
        True,
    ),
    ("Tongxiang named on its own as well", {"evidence": BOTH, "subject_text": ""}, False),
]


def test_a_name_inside_a_longer_name_names_no_subject(package: PackageCopy) -> None:
    rows = package.rows("indicators")
    numbers = {}
    for k, (why, change, _fires) in enumerate(CASES):
        rows.append({**GOOD, **change, "observation_id": f"{GOOD['observation_id']}{k}"})
        numbers[why] = len(rows) + 1  # the CSV row: the header is row 1
    package.write("indicators", rows)
    fired = {r for table, r, _ in found(package.semantics(), "subject-not-anchored") if table == "indicators"}
    wrong = [why for why, _change, fires in CASES if (numbers[why] in fired) is not fires]
    assert wrong == []
