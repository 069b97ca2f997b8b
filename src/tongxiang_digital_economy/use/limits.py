"""What the package cannot say, each with an example, as the data dictionary (dictionary.py) lists it: what the
readers that anchor a claim in its words cannot read (READING_LIMITS), and what the data model cannot hold
(MODEL_LIMITS). A maintainer who meets a new one adds it here.
"""

from __future__ import annotations

# What the readers that anchor a claim in its words cannot read (text/period_words.py, text/clauses.py, the subject
# and indicator rules), with an example each. Where they cannot read, the rule says nothing rather than guess; the
# row is then held only by the rules that can read it.
READING_LIMITS = [
    (
        "Dating words tied to an event, not the calendar",
        "`本届大会期间`, 'the first WIC', `首届世界互联网大会举办时`, 'Until the founding of the People's Republic "
        "of China in 1949', `到1949年解放`: the period reader leaves them unread (period-text-mismatch holds the "
        "row only to a year they write, 1949, so a stock of such words moved to another day of its year is not "
        "caught; `9月的第一天` and 'the first day of September' are read). Words that name an edition of the "
        "events table, by its name (`首届世界互联网大会`) or by its ordinal among the editions of the row's "
        "project (`第四届乌镇峰会`, `第二届大会`: events.edition), hold the row's period to reach the edition's days "
        "(period-edition-named); an edition named otherwise (本届, 'the first WIC' in English words the table does "
        "not write, an ordinal of an edition whose `edition` is empty) is not. Quote the calendar "
        "words of the same paragraph as well where there are any (`12月16日至18日 … 本屆`), or set `event_id`, whose "
        "edition's days the rule then accepts. With a since word (`首届大会以来`, 'Since the first WIC') only the "
        "end is read: the text's date, the start left open. A yearly figure 'up to now' (`到现在为止每年`) is "
        "unread too.",
    ),
    (
        "A year alone, a text known only to its year",
        "a stock dated by `2014年` or 'in 2020' is read as the level at the year's end, never mid-year (a census "
        "figure of `人口2020年` is dated 2020-12-31 unless the census day is quoted with it: from a paragraph that "
        "states one of its exact figures again, 截至2020年11月1日零时…常住人口为1029754人); `目前`, 'currently', "
        "'recently' and publication in a text dated only `2020` are its last day, 2020-12-31, unless its source "
        "records the days its words bound it by (`sources.written_before`: 'In the second half of 2020, the company "
        "plans …' makes pctextile's last day 2020-06-30); those bounds are found by a maintainer and checked, never "
        "read from the text by the rules; a text known to its month leaves any day of that month (of its bounds).",
    ),
    (
        "A day without its month, a month without its year",
        "`10日`, `21日下午` are read in the month of the text's date (a text of 2022-11 puts 10日 on 2022-11-10); a "
        "text dated only by its year leaves them unread. Months relative to the text's (`上月`, `下个月`, 'next "
        "month') are read the same way: in a text of 2023-11, 下月 is December 2023; in a text known only to its "
        "year, or to a window of more than two months, they are unread. A text whose window (its date narrowed by "
        "written_after/before) runs over a year's or a month's end reads `去年`, `明年3月`, `上月` once for each year "
        "or month it can be of.",
    ),
    (
        "Lunar holidays",
        "`春节黄金周` is read as seven days starting between 20 January and 20 February of its year, not as the "
        "holiday's exact dates (no lunar calendar is used).",
    ),
    (
        "Words shared by two figures",
        "`财政总收入、一般公共预算收入分别达到180亿元和106亿元`, 'A and B were X and Y respectively': 分别 and "
        "'respectively' pair the items of one list with the figures in order, and the clauses before a 分别 clause "
        "that each hold a quantity with its items (接待游客37.48万人次,实现门票收入3020.55万元,同比分别增长29.05%和"
        "30.81%); where the items and the figures do not count alike, the pairing is not read and which-figure is "
        "silent.",
    ),
    (
        "Figures told apart only by their subject",
        "`东门票120元,西门票150元`: which-figure reads the indicator's words, not the subject's, so the figure of "
        "the neighbouring subject passes it where the subject is not named by a name of the package (东 for 东栅). "
        "An enterprise's or a project's figure beside its name in a clause with another's ('300,000 tons in the "
        "Huzhou production base and … 600,000 tons in the Dushan Port production base') is read: the name nearest "
        "the quote, in the same pattern as the subject's beside the other figure (subject-pairs-another-figure). "
        "Names paired with figures in order are read too (`分别是桐昆…、闻泰…和新凤鸣…,营业收入分别为710.11亿元、"
        "517.07亿元和514.86亿元`: subject-pairs-another-figure), where the subject is one item of the list of names.",
    ),
    (
        "Ordinals and cardinals of one passage",
        "English ordinals (the first WIC, ranked second) are places in an order, not quantities; but where the "
        "indicator's written forms are such words ('first', 'third' for event_editions_held), a cardinal after them "
        "('the first WIC is composed of 13 forums') attaches as well; 'Since the first WIC …, Tongxiang has "
        "introduced 565 digital economy-based projects' quoted as `first` passes too. The day of a date is no "
        "figure (`fourth` quoted as the 3 of 'December 3 to 5' is caught), and a place in a ranking (第十二位) is a "
        "figure of its kind.",
    ),
    (
        "A figure that is both readings",
        "`财政总收入、一般公共预算收入跃居嘉兴第一`, 'Revenue and Profits Both Emerge Tenth Place', 'entered the "
        "list of China's top 500 private enterprises and top 500 private manufacturing enterprises', "
        "`中外嘉賓約各佔百分之五十`, `实现三个翻番`, `现场签约63个合作项目,总投资超1000亿元` (the event's signed "
        "projects and the cooperation projects alike): one figure the text gives to two measures is true of both, so "
        "a row filed under the other is no error and nothing catches it.",
    ),
    (
        "Parts of a ratio",
        "`三次产业结构为2.3:49.4:48.3`: the primary, secondary and tertiary parts quote the same words, and only "
        "the indicator says which part a row is; a part filed under another part's indicator is not caught.",
    ),
    (
        "Words of another clause, or before a quantity with its own noun",
        "`乌镇也是中国首批历史文化名镇,有七千多年文明史`: the indicator's words are looked for in the quote's "
        "sentence, so 历史 of the clause before attaches a history length to 七千多年 too; "
        "`围绕…等议题举办24场分论坛`: a form before the quote (议题) attaches although the quantity's own noun "
        "(分论坛) names another measure; '164 with annual industrial output value above 20 million yuan, and 47 "
        "above 100 million yuan': the first count's words reach the second; `以合众新能源和新吉奥两大整车制造企业为"
        "主体`: 主体 after the noun attaches as well.",
    ),
    (
        "Machine translation",
        "'will jump into second of the industry with 5 million 800 thousand tons': a compound number written word "
        "by word is read as two numbers, so a quote of its first part (`5`) is not told from a figure (filed as "
        "the rank, it is caught: a rank's quote writes a place, `rank-not-written-as-place`).",
    ),
    (
        "Words in another sentence",
        "'started construction. After 10 months, …': the indicator's words must stand in the sentence of the "
        "quantity (or be pointed at by 这一数字, 'this figure'); quote a longer evidence or a form of the same "
        "sentence.",
    ),
    (
        "A quantity's own noun",
        "`辖8个镇、3个街道`, 'eight towns and three subdistricts': the words right after a quantity (up to a list "
        "mark) are its noun, so 3个 is not the towns' figure; a noun placed before its number in a list "
        "(`镇8个、街道3个`) is not read that way.",
    ),
    (
        "Counts of different things in one clause",
        "`来自120余个国家和地区的6100多名嘉宾`: two counts are of one kind to the clause reader, so the guests' "
        "figure needs the words that follow it (嘉宾), and a form placed before both (`代表`) is held to the nearer "
        "count.",
    ),
    (
        "Tables flattened into text",
        "read by column only under a target column's heading followed by an actual column's (the lexicon's "
        "`table_head` terms: 预期目标/目标/计划 and 实际完成/实际/完成): the first figure after a row's label is the "
        "target, the second the actual, and up to two further columns take their headings' statuses (备注, a "
        "remarks column: actual); other tables are read as running text.",
    ),
    (
        "Two figures of 'from A to B'",
        "told apart by the dating words written with A (`从去年的220G提升到334G`: 去年 dates 220G, not 334G; "
        "从2014年的350多家…到目前的2700多家) and, where A has none (`从68平方公里扩大到110平方公里`, "
        "`从355家增至2443家`), by A being the level before the change: never dated by publication or at the last "
        "day its words give. B dated at A's earlier date is left to the period rules.",
    ),
    (
        "What the corruption report still misses (scripts/corruption-report --missed)",
        "which figure (2 of 97): figures told apart only by a subject the package does not name (东门票120元,"
        "西门票150元: 东 and 西 stand for 东栅 and 西栅, whose names the package holds only whole, and one "
        "character is no name to read: a rule reading it would read 东 in every word that holds it). A cardinal "
        "moved onto an edition's ordinal of the same passage is caught "
        "where its own noun is other words ('the first WIC is composed of 13 forums': the ordinal holds the words, "
        "13 counts forums), as is an ordinal filed as a count ('Since the first WIC …, 565 … projects' as 1). "
        "Counted as (3 of 162): required words "
        "in `;`-parted groups, one word of each needed (国际组织|…;协办|…), tell co-organising international "
        "organisations from those represented (16個國際組織) and from every co-organising institution; 合作 tells "
        "a cooperation conference's projects' total investment from a signing ceremony's (集中签约). Missed: "
        "those totals refiled as one project's own total investment (project_total_investment): the word that "
        "tells them (现场签约63个合作项目,总投资超1000亿元; 32个重大项目集中签约,总投资251.2亿元) is in the clause "
        "before the figure's, and a neighbour's required words are read in the figure's own clause only. Indicator "
        "(4 of 745): figures true under both readings by words that no rule can tell apart (三次产业结构's three "
        "parts share their words and their quote 2.3:49.4:48.3, only the order telling them apart), a noun "
        "narrowed by words after it that are another indicator's (两大整车制造企业为主体: vehicle makers filed "
        "as the zone's constituent entities, 主体, are not caught, since 10家企业被评为省级…示范试点 must "
        "pass), and an indicator's words inside a project's or an event's name "
        "or an alias, which still anchor it (a project's name states what it builds, 年产36万吨玻璃纤维…项目; "
        "an event's is its kind, the fourth World Internet Conference; an alias may describe, 中国首家互联网医院): "
        "only an enterprise's or a place's own name is set aside ('the Wuzhen Internet Hospital … service "
        "visits' names no internet hospitals counted). Words of another noun are read: a quantity counts the noun "
        "it is written with (indicator-written-with-neighbour: 24场分论坛 are no topics, 五大洲 no guests, "
        "七千多年文明史 no history_length, '47 above 100 million yuan' no count above 20 million), unless its clause "
        "names the row's own measure after it. Year (1 of 915): 到现在为止每年 (a yearly figure 'up to now', in "
        "a text dated only as of before 2014-11-18) moved to the year before: every year up to the text is each "
        "such year, and the text's date, open below, names none (cut to half a year it is caught, 每年 being a "
        "whole-year word). A figure of an edition moved, with its event_id, to the edition of the year before "
        "(再有4天 … 第五届) is caught as a target of a period ended before its text (reported-target-not-named). "
        "Period length (0 of 778): a stock of 'Until the founding of the People's Republic of China in 1949' or "
        "到1949年解放 moved within its year is caught: unread words that write one year and nothing finer date a "
        "stock at that year's end, as a year alone does (period-text-mismatch). "
        "Subject (1 of 785): a place named inside a name the package does not know (南接高铁桐乡站 anchors 桐乡 "
        "for 1.6公里贯穿西浜村: the station is no row of `places`, and a name cut out of a longer one is read "
        "nowhere else either). Status (0 of 785): a status word governs the figure it leads to in its "
        "own clause (status-cue-in-clause) and, beyond it (status-cue-in-scope), the figures after it in its "
        "sentence where it is strong (本屆大會將有2000多名嘉賓與會,中外嘉賓約各佔百分之五十; 'will witness … while "
        "match more than 1,200 projects'; 經專業預估,已超85億元 for an estimate), a figure before it where no other "
        "figure follows (strong in the sentence: 'More than 2,000 participants … are expected to attend'; weak in "
        "the figure's clause: 第五届世界互联网大会将在乌镇召开), and the figures of a sentence that goes on from it "
        "(a Chinese sentence with no status, reached or dating word of its own, or one opening with 其中 or 'among "
        "them': 本屆大會將有2000多名嘉賓與會。其中,有8位外國領導人); a reached word in the figure's clause (已, 'has "
        "attracted') or an English finite verb of its own (is, has) answers a target word of another clause, and a "
        "target whose clause says it is reached is an error (status-reached-not-target: 'opened on Tuesday and will "
        "last till Friday, has attracted more than 300 enterprises'). Not read: a weak word (计划, 规划, planned, 将) "
        "of another clause of the figure's own sentence governs nothing, since it also names plans as facts "
        "(通过规划调整; 'total planned investment of'; a programme's name), so a target only it governs, made "
        "actual, is only warned of; an English sentence without a continuation word keeps its own tense, so a cue "
        "of the sentence before it governs none of its figures. "
        "B of 'from A to B' is not led to by a cue before A "
        "(将…从68平方公里扩大到110平方公里: 将 may mark the object, and the change be one made). Value, "
        "scale, qualifier and source: none. Unit scale (2 of 94, a units row's multiplier ten times too big or "
        "small): fraction, whose factor is its definition (What the model cannot express); the nine other "
        "conversion units are held to the lexicon's `unit_conversion` rows. Apart from the "
        "rate, as 'also true' (no corruption): one figure after a list "
        "of both indicators (财政总收入、一般公共预算收入跃居嘉兴第一; the top 500 lists; 'Revenue and Profits "
        "Both Emerge Tenth Place'; 数字经济项目、软件和信息服务业产值…实现三个翻番, 三个 counting the one figure's "
        "doublings), one figure given to each of what shared words name (中外嘉賓約各佔百分之五十: 各, each), a "
        "part's lower bound given to the named place that holds it "
        "(在桐鄉,…僅桐鄉經濟開發區就有超過1000家), a figure of 0 moved to another scale (“0” of 实缴税金).",
    ),
    (
        "A place as a member or a whole",
        "a place named in a list (`桐乡、海宁和平湖`, 'Tongxiang, Haining and Pinghu'), after outside/以外, or as the "
        "whole of a share ('17 percent of Tongxiang's urban area') names no subject, nor does a name inside "
        "another entity's longer name ('Tongxiang Economic Development Zone', 桐乡经济开发区 name the zone); "
        "a list written with commas alone in Chinese (`桐乡,海宁`) is read as two subjects, and an event "
        "edition's name (第四届世界互联网大会) names its recurring event.",
    ),
]


# What the data model cannot say, with the kind of passage that needs it. Such facts are left out rather than
# forced into a row; a maintainer who meets one adds it here (and, if it recurs, extends the model).
MODEL_LIMITS = [
    (
        "Revisions and retractions",
        "a later text that revises a figure (a bulletin's final GDP after its preliminary one) is filed as its own "
        "source's row, beside the figure it revises: no column says that one figure replaces another, so `validate` "
        "warns `conflicting-values` on both rows, and `series` prefers the stronger source's figure, of two "
        "alike the later text's, and marks the other `competing`, its reason saying which text is dated "
        "later. Write 'revises <observation_id>' in the later row's `note`. A source withdrawn is removed with "
        "the rows that cite it (`check-version` says which version that needs); a figure is never edited to a "
        "later source's value.",
    ),
    (
        "Dates that are the fact itself",
        "'founded in December 2015' (an enterprise's founding date) has no column; "
        "an age at publication ('5年前…成立') can be an `enterprise_age_years` figure.",
    ),
    (
        "Vague quantities",
        "'数百位' (several hundred), '幾百年前', '数十亿': a qualifier bounds one number, so 'several hundred' "
        "has none to bound ('十多年', more than ten years, is 10 with `gt`).",
    ),
    (
        "Comparisons and equivalences",
        "'相當於全國14億人口晝夜不停運算4年', '对上下游产业的拉动是1∶3' (a general ratio, not a figure of Tongxiang).",
    ),
    (
        "Superlatives and epithets without a list",
        "'全国规模最大' (the largest in China), '中国毛衫第一市' (an epithet): a rank needs a measure or a list "
        "the text names, so these are left out. The first of a set the text names, in the order its members "
        "arrived, is position 1 in that set and a row ('嘉兴首个获此资质的企业', the first Jiaxing enterprise to "
        "obtain the qualification; \"China's first internet hospital\"; '产业园首个重点引进项目'), as 第13家 is 13.",
    ),
    (
        "Exchange rates",
        "conversions the sources give stay rows in their own currency (`usd`); the package holds no "
        "rate, so yuan and dollar figures never share a base unit.",
    ),
    (
        "Groups of projects",
        "a figure about two projects together ('这两个项目总投资近30亿元') belongs to neither; "
        "it stays on the place, with both named in `note`.",
    ),
    (
        "Figures about places elsewhere",
        "only where they are about a Tongxiang enterprise or project (a plant of a "
        "Tongxiang company abroad); national and world figures are left out.",
    ),
    (
        "Compound numbers of a machine translation",
        "'5 million 400 thousand tons' (540万吨 translated word by word: Tongkun's and Xinfengming's capacities) "
        "reads as two numbers, 5 and 400, so no quote of it can state 5,400,000 tons; such figures are left out.",
    ),
    (
        "Half",
        "'reduced its workforce by nearly half', `一半`: the lexicon has no number for a half (only written "
        "fractions: 三分之一, one-third), so the figure is left out.",
    ),
    (
        "Densities and units met only in conversions",
        "`密度1,416人/平方公里` (persons per km²: no density dimension), '903 acres' (likely a mistranslated 亩; no "
        "unit reads acres), `280.87平方英里` (the source's own conversion; no square-mile unit): left out.",
    ),
    (
        "A year no word states",
        "an annual figure with no year in its text (`每年实现21.79亿元的收入`, 'an annual output value of over 35 "
        "billion yuan') is not dated by the last full year before publication: a flow dated by publication ends at "
        "the text's date, and a figure whose period its words do not give is left out. The one exception is a "
        "yearly level the words say has held every year up to the text (`到现在为止每年接待中外游客…将近600万余人次`, "
        "'every year up to now'): those words state the years before the text, so the figure is dated by the last "
        "full year before it, 'no later than' in its note (period_basis `stated`, period_text the words), because "
        "that year is one the words state; an annual figure without such words (a capacity, a plan's yearly "
        "output) states no year and stays out.",
    ),
    (
        "Unit conversions no word states",
        "a unit's multiplier and divisor are held to the scale its written forms state (`#亿元` is 亿 × yuan, "
        "unit-scale-written), a base unit's to 1 (unit-base-mismatch), and a conversion unit's, whose forms write "
        "no scale, to the conversions the lexicon states between units (`unit_conversion`: 1天 = 24小时, 1小时 = "
        "60分钟, 1分钟 = 60000毫秒, 1年 = 12个月, 12个月 = 365.2425天, 1公顷 = 10000平方米, 15亩 = 1公顷, 1成 = 10%, "
        "1 million lb = 453.59237吨; unit-conversion-written, on both units' rows, since either factor may be the "
        "wrong one). These are facts of the units, not of a source, each stated once as a relation between two "
        "units' written forms; the units' factors remain the one definition every figure is read through. Not "
        "caught (2 of the 94 corruptions of `scripts/corruption-report`'s unit scale): fraction (`#分之#`, `#/#`: "
        "the quotient of two numbers, 1 × times, its 2 figures), whose factor is its definition (value ÷ "
        "value_denominator) and no quantity written in one unit equals one written in another. Whoever edits it "
        "checks it against its definition.",
    ),
]
