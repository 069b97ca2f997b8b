"""Details of reading a text that the shipped data alone would not guard: the lead paragraph a context period may be
quoted from is a paragraph of sentences, never a breadcrumb trail (code review 2, F8); A of 'from A to B' restated in
brackets is A too."""

from __future__ import annotations

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics.rules.period_quotes import context_of, in_paragraph
from tongxiang_digital_economy.text.clause_words import SpanWords
from tongxiang_digital_economy.text.quantities import Lexicon
from tongxiang_digital_economy.text.year_words import from_side

BREADCRUMB = " > ".join(
    ["首页", "新闻中心", "浙江新闻", "嘉兴新闻", "桐乡新闻", "数字经济", "乌镇峰会", "产业动态"] * 3
)
TEXT = "\n".join(
    [
        "桐乡数字经济企业突破两千家",  # the title
        BREADCRUMB,  # over 60 characters, but no sentence: not the lead
        "中新网2月28日电 桐乡市近日发布数字经济发展报告,报告称全市数字经济核心产业增加值连续五年保持两位数增长,"
        "企业数量和质量同步提升。",  # the lead: the first paragraph of sentences, over 60 characters, with the dateline
        "2014年,全市只有几十家相关企业。",  # a dated paragraph between the lead and the evidence
        "全市数字经济企业已有2000余家,其中规上企业300家。",  # the evidence's paragraph
    ]
)
EVIDENCE = "全市数字经济企业已有2000余家"


def test_the_lead_is_the_first_paragraph_of_sentences_not_a_breadcrumb() -> None:
    assert len(BREADCRUMB) > 60
    lead = "".join(TEXT.splitlines()[:3]).replace(" ", "")
    assert any(lead in part for part in context_of(TEXT, EVIDENCE))
    assert in_paragraph(TEXT, EVIDENCE, ["2月28日"])  # the dateline, only in the lead
    assert not in_paragraph(TEXT, EVIDENCE, ["2015年"])  # words of no paragraph around it


def test_a_from_figure_restated_in_brackets_is_a() -> None:
    text = "the total output value grew from 5.1 billion yuan ($706.38 million) to 29.39 billion yuan"
    at = text.index("$706")
    spans = SpanWords.of(Lexicon.from_frame(tde.load("lexicon")))  # the lexicon's 'from' and 'to' words
    assert from_side(text, 0, at, at + len("$706.38 million"), len(text), spans)[0] == "from"
    alone = "the total output value was 5.1 billion yuan ($706.38 million) in 2014"
    at = alone.index("$706")
    assert from_side(alone, 0, at, at + len("$706.38 million"), len(alone), spans) == (None, -1)


def test_a_paragraph_restating_an_exact_figure_dates_it() -> None:
    """An infobox's figure stated again, with its day, in a section far below (review 2, F9): that day dates the
    infobox's other figures; a small number (a count, a year) repeated elsewhere ties nothing."""
    lines = ["桐乡市", "人口2020年", "常住1,029,754人", "城镇690,641人", "时区北京时间UTC+8"]
    lines += ["2016年,全市有12个重点项目。"] * 3  # dated paragraphs between: not the nearest before or after
    lines += ["根据第七次全国人口普查数据,截至2020年11月1日零时,桐乡市常住人口为1029754人。"]
    text = "\n".join(lines)
    assert in_paragraph(text, "常住1,029,754人 城镇690,641人", ["截至2020年11月1日零时"])
    assert not in_paragraph(text, "城镇690,641人", ["截至2020年11月1日零时"])  # no figure of it restated
    small = text.replace("1029754人", "12个")
    assert not in_paragraph(small, "常住1,029,754人 城镇12个", ["截至2020年11月1日零时"])
    # The row's own quote: its unit (人) is the restated figure's, so the census line still dates the urban figure.
    assert in_paragraph(text, "常住1,029,754人 城镇690,641人", ["截至2020年11月1日零时"], "城镇690,641人")


def test_a_round_number_of_another_unit_dates_nothing() -> None:
    """A dated line repeating a large number of the evidence in another unit is no restatement (review 3, F6):
    15000人次 of tourists in 2015 does not date 15000家 enterprises; the same line about 15000家 does."""
    lines = [
        "桐乡经济简报",
        "桐乡市统计局发布本地经济运行情况的一份较长的简要说明文字,介绍全市各个方面的情况,供读者参考阅读。",
    ]
    lines += ["2015年,乌镇接待游客15000人次。", "2023年,全市经济运行平稳。", "全市有企业15000家,比上年增加不少。"]
    text = "\n".join(lines)
    assert not in_paragraph(text, "全市有企业15000家", ["2015年"], "15000家")
    assert not in_paragraph(text, "全市有企业15000家", ["2015年"])
    assert in_paragraph(text.replace("15000人次", "15000家"), "全市有企业15000家", ["2015年"], "15000家")
