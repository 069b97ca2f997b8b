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
    report = package.semantics()
    fired = {r for table, r, _ in found(report, "subject-not-anchored") if table == "indicators"}
    wrong = [why for why, _change, fires in CASES if (numbers[why] in fired) is not fires]
    assert wrong == []
    # Only the subject column the row gives is named: not "enterprise_id none, project_id none" beside it, nor
    # '<missing>' (trial 18 m1).
    row = numbers["the zone's name does not name Tongxiang"]
    said = [p.message for p in report.problems if p.rule == "subject-not-anchored" and p.row == row]
    assert said == [
        "neither the evidence nor subject_text (none given) names the subject of this figure (place_id tongxiang) by "
        "its name or an alias: quote in subject_text the words around the evidence that name it (the title, the "
        "sentence before), or give the figure to the subject its words name"
    ]


PCTEXTILE_2021 = "pctextile-2020-xinfengming-convertible-bonds-tongxiang-zhongyi-"  # -011 Huzhou, -012 Dushan Port


def test_two_figures_each_beside_its_own_subject(package: PackageCopy) -> None:
    """'300,000 tons in the Huzhou production base and … 600,000 tons in the Dushan Port production base': the
    figures are told apart by the name beside each (the corruption report's "which figure" moved -011's value and
    quote to 600,000 tons). A list item after a figure (与…100家互联网医联体、微医全科中心…) is not read so."""
    rows = package.rows("indicators")
    number = {r["observation_id"]: i for i, r in enumerate(rows, start=2)}
    huzhou, dushan = number[f"{PCTEXTILE_2021}011"], number[f"{PCTEXTILE_2021}012"]
    assert not found(package.semantics(), "subject-pairs-another-figure")
    package.edit("indicators", huzhou, value="600000", value_text="600,000 tons")
    package.edit("indicators", dushan, value="300000", value_text="300,000 tons")
    fired = found(package.semantics(), "subject-pairs-another-figure")
    assert ("indicators", huzhou, "value_text") in fired and ("indicators", dushan, "value_text") in fired
