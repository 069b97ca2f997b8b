"""Every number a short English or Chinese news passage states, parsed exactly.

Why this exists: each row of the data package carries an ``evidence`` passage copied verbatim from its
source, and the validator must confirm that the passage states the row's ``value`` as written. A row
records a figure in the source's *own* scale (the unit column carries the scale), so a scale word is never
applied to the digits before it: "37.73 billion yuan" states 37.73, "165亿元" states 165, "1.2万" states
1.2, "6000多万元" states 6000. Numbers come back as :class:`~decimal.Decimal` so that "37.73" is exactly
37.73 and the comparison never touches binary floating point.

What is recognised, in order of appearance:

* Arabic numerals, half- or full-width: ``1,890`` -> 1890, ``37.73``, ``81.8%`` -> 81.8, ``US$5.41`` -> 5.41,
  ``4G`` -> 4, ``25th`` -> 25, ``2014-23`` -> 2014 and 23, ``1∶3`` -> 1 and 3. A comma is a thousands
  separator only before exactly three digits with a one-to-three-digit lead group ("1,89" is 1 and 89,
  "12, 13" is 12 and 13). A minus sign counts only where it cannot be a range dash (``-4.4``, ``增长-4.4%``); after a
  letter it is always a hyphen (``COVID-19`` -> 19, ``GPT-3.5`` -> 3.5, ``Qwen-2.5`` -> 2.5): a versioned name is
  far likelier in these texts than a table's label run into a signed value (``Change-0.12`` reads 0.12; no row
  quotes it).
* English number words, cardinal and ordinal, whole words and case-insensitive: "twenty-five" -> 25,
  "one hundred and twenty" -> 120, "second" -> 2, "twenty-first" -> 21, "a dozen" -> 12, "a hundred" -> 100.
* Chinese numerals, simplified, traditional and financial (壹贰叁 …): 十二 -> 12, 两千 -> 2000,
  三万五千 -> 35000, 一万五 -> 15000, 第二 -> 2, 一千三百多 -> 1300, 二〇二三 -> 2023.

Known limits (deliberate; the validator only asks "is this value among the numbers stated?", so an extra
number is cheap and a missing one is costly):

* Words that merely contain a numeral still yield it: 一个/统一/一些/一带一路 -> 1, 十分 -> 10, 零售 -> 0,
  "second" as a unit of time -> 2, "one of" -> 1. There is no stop list.
* 万/亿/千/百/十 directly after Arabic digits is a unit of scale, never a number, and so is a 万, 亿 or 万亿 that
  ends a Chinese numeral with no other 万/亿 in it: 三千万元 states 3000 (in 万元), 貳萬 states 2, 一万亿 states 1,
  like 3000万元, 2万 and 1万亿; 三亿五千万 is one numeral, 350000000. A bare 万/千/百 that
  does not follow a Chinese digit is not a number (千年水乡, 万众创新) unless an approximation word marks it
  as a round figure: 近百家 -> 100, 上千 -> 1000, 百余家 -> 100; 十 alone is 10. Chinese decimals (三点五)
  are read by cn2an (三点五 -> 3.5). Inside a numeral the scale is applied (三万五千 -> 35000);
  三千多万元 states 3000, since 多 ends the numeral.
* "million", "billion", "trillion", "hundreds", "thousands", "once", "twice", "half" and fractions are
  not numbers of their own: "five million" states 5, like "5 million"; "one-third" gives 1 and 3, and
  "a hundredth" gives 100.
* A run that is not one numeral gives its digits: 十四五 (the 14th Five-Year Plan) gives 4 and 5, never 15;
  三四个 gives 3 and 4. A run after 数/几 (数十亿, 几百) is a vague magnitude and gives nothing.
  A run of two or three bare Chinese digits (一二三产业) gives each digit; four digits or any zero is read
  as a digit string (a year).
* A full-width comma "，" groups thousands only between full-width digits (１，２３４); after ASCII digits it
  is the Chinese clause comma. Space-grouped ("1 890") and comma-decimal ("3,5") numbers split in two, and
  dotted dates ("2023.11.22") read as 2023.11 and 22.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import cn2an

__all__ = ["Span", "number_spans", "numbers_in", "states_value"]


class Span(NamedTuple):
    """One number of a text: where it starts and ends (end exclusive) and its exact value."""

    start: int
    end: int
    value: Decimal


# --- Arabic numerals ---------------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_FULL_WIDTH_COMMA = re.compile("(?<=[０-９])，(?=[０-９])")
_ARABIC = re.compile(
    r"(?P<sign>[-−－–])?"  # hyphen-minus, minus sign, full-width hyphen-minus, en dash (English press: –4.4%)
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)"
    r"(?P<frac>\.[0-9]+)?"
)
# A sign glued to one of these is a dash or hyphen: "2014-23", "(a)-3", and after a letter a hyphenated name or
# version (COVID-19, G-20, GPT-3.5, Qwen-2.5), never a minus.
_GLUED_BEFORE_SIGN = re.compile(r"[0-9A-Za-z%)\]）】]")


def _normalise(text: str) -> str:
    """Map full-width digits, full-width period and full-width thousands commas to ASCII.

    Every replacement is one character for one character, so positions in the result are positions
    in the original text, which keeps the three scanners' results sortable together.
    """
    return _FULL_WIDTH_COMMA.sub(",", text).translate(_FULL_WIDTH)


def _is_negative(text: str, sign_at: int) -> bool:
    """Tell a minus sign from a range dash or hyphen.

    The sign must not be glued to a digit, a letter, a percent sign or a closing bracket, and the nearest
    non-space character before it must not be a digit ("2014 -23" is still a range).
    """
    if sign_at > 0 and _GLUED_BEFORE_SIGN.match(text[sign_at - 1]):
        return False
    before = text[:sign_at].rstrip()
    return not before or not ("0" <= before[-1] <= "9")


def _arabic_numbers(text: str) -> list[Span]:
    """Arabic numerals in a normalised text, each with where it starts and ends."""
    found = []
    for match in _ARABIC.finditer(text):
        digits = match["int"].replace(",", "") + (match["frac"] or "")
        if match["sign"] and _is_negative(text, match.start()):
            found.append(Span(match.start(), match.end(), Decimal("-" + digits)))
        else:
            found.append(Span(match.start("int"), match.end(), Decimal(digits)))
    return found


# --- English number words ----------------------------------------------------------------------------

# Cardinal and ordinal words of each kind, in order of value.
_CARDINALS = {
    "unit": "one two three four five six seven eight nine",
    "teen": "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
    "tens": "twenty thirty forty fifty sixty seventy eighty ninety",
}
_ORDINALS = {
    "unit": "first second third fourth fifth sixth seventh eighth ninth",
    "teen": "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth",
    "tens": "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth",
}
_VALUES = {"unit": range(1, 10), "teen": range(10, 20), "tens": range(20, 100, 10)}
# The English cardinal words below a hundred that stand alone (one … ninety): what `#` also takes in a dating word
# of the lexicon ("past # years": the past four years; review 6 F7).
CARDINAL_WORDS = tuple(w for words in _CARDINALS.values() for w in words.split())
# The English ordinal words (first … ninetieth, hundredth, thousandth): a number read that ends in one is a place in
# an order (the clause reader's ordinals, text/passage_numbers.ORDINAL_WORD; a rank's place,
# text/clause_words.place_words).
ORDINAL_WORDS = (*(w for words in _ORDINALS.values() for w in words.split()), "hundredth", "thousandth")


def _word_table() -> dict[str, tuple[str, int, bool]]:
    """Map each number word to (kind, value, is_ordinal); the kind drives what may follow it."""
    table = {
        "zero": ("zero", 0, False),
        "hundred": ("hundred", 100, False),
        "thousand": ("thousand", 1000, False),
        "dozen": ("dozen", 12, False),
        "hundredth": ("hundred", 100, True),
        "thousandth": ("thousand", 1000, True),
    }
    for kind, values in _VALUES.items():
        words = zip(_CARDINALS[kind].split(), _ORDINALS[kind].split(), values, strict=True)
        for cardinal, ordinal, value in words:
            table[cardinal] = (kind, value, False)
            table[ordinal] = (kind, value, True)
            if value >= 3:  # fractions in the plural: two-thirds, three-fifths (but "seconds" is time)
                table[ordinal + "s"] = (kind, value, True)
    return table


_WORDS = _word_table()
_WORD = re.compile(r"[A-Za-z]+")
_JOINER = re.compile(r"\s*-?\s*")  # what may separate the words of one number: spaces or one hyphen
# Which kinds may follow which inside one number ("twenty" may take "five", "five" may not take "twenty").
_FOLLOWS = {
    "unit": {"hundred", "thousand", "dozen"},
    "teen": {"hundred", "thousand"},
    "tens": {"unit", "thousand"},
    "hundred": {"unit", "teen", "tens", "thousand"},
    "thousand": {"unit", "teen", "tens"},
    "zero": set(),
    "dozen": set(),
}
_STARTS = {"zero", "unit", "teen", "tens"}  # a bare "hundred"/"thousand" ("hundreds of") is no number


class _EnglishNumber:
    """The running value of one English number as its words are read left to right."""

    def __init__(self) -> None:
        self.total = 0  # thousands already closed
        self.current = 0  # below a thousand
        self.kind = ""  # kind of the last word read
        self.has_hundred = False  # in the group below a thousand
        self.has_thousand = False
        self.closed = False  # an ordinal ends the number

    def accepts(self, kind: str) -> bool:
        """Whether a word of this kind continues the number (rather than starting a new one)."""
        if self.closed or kind not in _FOLLOWS[self.kind]:
            return False
        if kind == "hundred":
            return not self.has_hundred
        return not (kind == "thousand" and self.has_thousand)

    def add(self, kind: str, value: int, ordinal: bool) -> None:
        """Fold one word into the value, the way it is read aloud."""
        if kind == "hundred":
            self.current = (self.current or 1) * 100
            self.has_hundred = True
        elif kind == "thousand":
            self.total = (self.total + (self.current or 1)) * 1000
            self.current, self.has_hundred, self.has_thousand = 0, False, True
        elif kind == "dozen":
            self.current = (self.current or 1) * 12
        else:
            self.current += value
        self.kind, self.closed = kind, ordinal

    @property
    def value(self) -> int:
        """The number read so far."""
        return self.total + self.current


def _joined(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether two words are written as parts of one number (space or hyphen between, nothing else)."""
    return _JOINER.fullmatch(text, left.end(), right.start()) is not None


def _start_english(words: list[re.Match[str]], i: int, text: str) -> tuple[_EnglishNumber, int] | None:
    """Begin a number at word i, returning it and the index of its next word, or None.

    "a" counts as one only before hundred/thousand/dozen ("a dozen" -> 12), and a bare ordinal
    "hundredth"/"thousandth" is unambiguous, so it may start a number although "hundred" may not.
    """
    word = words[i][0].lower()
    number = _EnglishNumber()
    if word == "a" and i + 1 < len(words) and _joined(text, words[i], words[i + 1]):
        kind, value, ordinal = _WORDS.get(words[i + 1][0].lower(), ("", 0, False))
        if kind in {"hundred", "thousand", "dozen"} and not ordinal:
            number.kind = "unit"
            number.current = 1
            return number, i + 1
        if ordinal and kind == "unit" and value >= 3:  # "a third", "a fifth": one of them, 1 and 3
            number.add("unit", 1, True)
            return number, i + 1
        return None
    kind, value, ordinal = _WORDS.get(word, ("", 0, False))
    if kind in _STARTS or (ordinal and kind in {"hundred", "thousand"}):
        number.add(kind, value, ordinal)
        return number, i + 1
    return None


def _continue_english(number: _EnglishNumber, words: list[re.Match[str]], j: int, text: str) -> int:
    """Read words from index j for as long as they continue the number; return the first unread index.

    "and" is read only between hundred/thousand and what follows ("one hundred and twenty").
    """
    while j < len(words) and _joined(text, words[j - 1], words[j]):
        step = 1
        if words[j][0].lower() == "and" and number.kind in {"hundred", "thousand"} and j + 1 < len(words):
            if not _joined(text, words[j], words[j + 1]):
                break
            step = 2
        kind, value, ordinal = _WORDS.get(words[j + step - 1][0].lower(), ("", 0, False))
        if not kind or not number.accepts(kind):
            break
        number.add(kind, value, ordinal)
        j += step
    return j


def _english_numbers(text: str) -> list[Span]:
    """English number words, each number with where it starts and ends."""
    words = list(_WORD.finditer(text))
    found = []
    i = 0
    while i < len(words):
        started = _start_english(words, i, text)
        if started is None:
            i += 1
            continue
        number, j = started
        j = _continue_english(number, words, j, text)
        found.append(Span(words[i].start(), words[j - 1].end(), Decimal(number.value)))
        i = j
    return found


# --- Chinese numerals ---------------------------------------------------------------------------------

_CN_DIGITS = {
    char: value
    for value, chars in enumerate(
        ["零〇", "一壹", "二两兩贰貳", "三叁", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖"]
    )
    for char in chars
}
_CN_UNITS = {
    char: value
    for chars, value in (("十拾", 10), ("百佰", 100), ("千仟", 1000), ("万萬", 10**4), ("亿億", 10**8))
    for char in chars
}
_CN_DIGIT_CHARS = "".join(_CN_DIGITS)
# A run starts at a Chinese digit, or at 十 not glued to Arabic digits; 百/千/万/亿 never start one. 点 joins
# the two halves of a Chinese decimal (三点五).
_CN_RUN = re.compile(
    f"(?:[{_CN_DIGIT_CHARS}]|(?<![0-9])[十拾])(?:[{_CN_DIGIT_CHARS}{''.join(_CN_UNITS)}]|[点點](?=[{_CN_DIGIT_CHARS}]))*"
)
# A run after one of these is a vague magnitude (数十亿 "several billion", 几百 "a few hundred"), not a figure. Grammar,
# not vocabulary: 数 and 几 are numerals of the Chinese number system ("some"), as 十 and 百 are, and the number reader
# reads every text without a lexicon (its readings are a pure function of the text, shared by every layer).
_CN_VAGUE = "数數几幾"
# A trailing 万/亿 is a scale, like 万 after Arabic digits: 三千万元 states 三千 (3000) in units of 万元.
_CN_SCALES = "万萬亿億"


def _chinese_digits_only(run: str) -> list[int]:
    """Read a run of bare Chinese digits.

    Four digits or any zero make a digit string (二〇二三 -> 2023, 一九九八 -> 1998); shorter runs are
    usually lists or approximations (一二三产业, 三四个), so each digit is its own number.
    """
    digits = [_CN_DIGITS[char] for char in run]
    if len(digits) >= 4 or 0 in digits:
        return [int("".join(map(str, digits)))]
    return digits


def _chinese_numeral(run: str) -> Decimal | None:
    """The value of a well-formed Chinese numeral (cn2an reads it), or None where it is not one.

    cn2an refuses what is not one numeral, so 十四五 (the 14th Five-Year Plan) and 三四十 (thirty or forty)
    are not invented into 15 and 40; they fall back to their digits.
    """
    try:
        value = cn2an.cn2an(run, "strict")
    except (ValueError, KeyError, IndexError):
        try:
            value = cn2an.cn2an(run, "normal")
        except (ValueError, KeyError, IndexError):
            return None
    return Decimal(str(value)).normalize() if "." in str(value) else Decimal(int(value))


# A bare 百/千/万 is a round number only where an approximation word marks it as one: 近百家 (nearly a
# hundred), 上千 (over a thousand), 百余家 (a hundred-odd). Elsewhere (千年水乡, 万众创新) it is no figure, and after
# digits it is a scale (3万多 is 3 in units of 万, never also 10000).
# The marks before a round 百/千 (近, 上, 逾, 过, 超) are the few that fuse with it into one numeral word (近百, 上千,
# 逾万: "nearly/over a hundred"), read by the number reader, which runs without a lexicon; the qualifier each gives
# the figure is the lexicon's (`qualifier`: 近 → approx, 逾 → gt), read by the quote reader.
_CN_ROUND = re.compile(r"(?<=[近上逾过過超])[百千万萬佰仟](?![余餘多])|[百千万萬佰仟](?=[余餘多])")


def _chinese_numbers(text: str) -> list[Span]:
    """Chinese numerals, each with where it starts and ends."""
    found = [
        Span(m.start(), m.end(), Decimal(_CN_UNITS[m[0]]))
        for m in _CN_ROUND.finditer(text)
        if not (m.start() and (text[m.start() - 1] in _CN_DIGITS or text[m.start() - 1] in _CN_UNITS))
        and not (m.start() and text[m.start() - 1] in "0123456789.")
    ]
    for match in _CN_RUN.finditer(text):
        start, run = match.start(), match[0]
        if start and text[start - 1] in _CN_VAGUE:
            continue
        scales = len(run) - len(run.rstrip(_CN_SCALES))  # 万, 亿, or the compound 万亿 (a trillion)
        if 0 < scales < len(run) and not any(c in _CN_SCALES for c in run[:-scales]):
            run = run[:-scales]
        if not any(char in _CN_UNITS or char in "点點" for char in run):
            offsets = range(len(run)) if len(_chinese_digits_only(run)) > 1 else [0]
            ends = [start + k + 1 for k in offsets] if len(offsets) > 1 else [start + len(run)]
            found.extend(
                Span(start + k, end, Decimal(d))
                for k, end, d in zip(offsets, ends, _chinese_digits_only(run), strict=True)
            )
            continue
        value = _chinese_numeral(run)
        if value is not None:
            found.append(Span(start, start + len(run), value))
        else:  # not one numeral: its digits, each on its own (十四五 -> 4, 5; never 15)
            found.extend(
                Span(start + k, start + k + 1, Decimal(_CN_DIGITS[c])) for k, c in enumerate(run) if c in _CN_DIGITS
            )
    return found


# --- Public API ---------------------------------------------------------------------------------------


def numbers_in(text: str) -> list[Decimal]:
    """Every number stated in the text, in order of appearance, as exact Decimals.

    Decimals keep their written precision (``Decimal("37.73")``, ``Decimal("3.50")``) and thousands
    separators are dropped (``1,890`` -> ``Decimal("1890")``). Scale words are not applied.
    """
    return [span.value for span in number_spans(text)]


def number_spans(text: str) -> list[Span]:
    """Every number stated in the text with where it stands (positions in `text` itself), in order."""
    text = _normalise(text)
    found = _arabic_numbers(text) + _english_numbers(text) + _chinese_numbers(text)
    return sorted(found, key=lambda span: span.start)


def _as_decimal(value: Decimal | str | float) -> Decimal:
    """Turn a row value into an exact Decimal.

    A float goes through its shortest repr ("37.73"), never through binary arithmetic, so 37.73 is
    Decimal("37.73") and not 37.72999…; a string may carry thousands commas.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None


def states_value(text: str, value: Decimal | str | float) -> bool:
    """Whether the text states the value: some number in it equals the value numerically.

    The comparison is Decimal equality, so "37.730" states 37.73 and "1,890" states 1890. A NaN or
    infinite value is never stated; a value that is not a number at all raises ValueError.
    """
    wanted = _as_decimal(value)
    if not wanted.is_finite():
        return False
    return any(number == wanted for number in numbers_in(text))
