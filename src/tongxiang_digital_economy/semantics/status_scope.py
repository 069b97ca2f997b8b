"""The statuses the status words governing a quote point to beyond the lead of its clause (text/quote_scope.py
gives the words; the lexicon says what they mean): a strong status word of the quote's sentence, one after it
where no other quantity follows, and a frame carried over from the sentence before.
"""

from __future__ import annotations

import functools
import re

from ..text.clauses import Attachment
from ..text.fold import loose, squash
from ..text.numerals import number_spans
from ..text.quantities import Lexicon, shape_of, status_cues

LATIN = re.compile(r"[a-z]{2,}")
YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def status_scope(anchor: Attachment, lexicon: Lexicon, taken: tuple[str, ...] = ()) -> frozenset[str]:
    """The statuses the status words governing the quote point to, beyond the lead of its clause (lead_cues):

    - a strong status word (将有, 预计, expected: the lexicon's `status`) of the quote's sentence before it, in any
      clause (本届大会将有2000多名嘉宾与会,中外嘉宾约各占百分之五十; 'the expo will witness the launch of 118 … while
      match more than 1,200 projects'; 经专业预估,已超85亿元);
    - a status word after the quote where no other quantity follows it: a strong one anywhere in the sentence, a
      weak one (将, will) in the quote's clause ('More than 2,000 participants … are expected to attend';
      第五届世界互联网大会将在乌镇召开);
    - where the quote's sentence has no frame of its own (no status word, no word of a figure reached, no dating
      word or year) and is Chinese, which marks no tense on its verbs, or opens with a continuation word (其中, of
      which: the lexicon's `continuation`), the strong status words of the nearest sentence before it that has one
      (本届大会将有2000多名嘉宾与会。其中,有8位外国领导人).

    A weak word (计划, 规划, planned: `status_weak`) also names plans as facts (通过规划调整, 'total planned investment
    of', a programme's name) and so speaks only for its own clause. A word of a figure reached in the quote's
    clause (the lexicon's `reached_word`: 已; has, have, had before a past participle) says that figure is no
    target, whatever the words around it say, and so does an English finite verb of its own (is, are, was; 'it has
    20 sub-forums'); an estimate may be of a figure reached (已超85亿元 is estimated).
    `taken` (the row's dating words, its indicator's written forms, a table's headings) are taken out first
    (完成全年目标 says what is measured). The set holds `reached` where the quote's clause holds a word of a figure
    reached and no status word of its own (a target there is an actual), and `forward` where it holds a word that
    speaks of an event as still to come (the lexicon's `forward_word`: 将在, 即将)."""
    words = sorted((loose(t) for t in taken if t), key=len, reverse=True)
    scope = anchor.scope

    def clean(text: str) -> str:
        for word in words:
            text = text.replace(word, " ")
        return text

    def strong(text: str) -> set[str]:
        squashed = lexicon.rewrite(squash(text))
        return lexicon.meanings("status", shape_of(squashed, number_spans(squashed)))

    def framed(text: str) -> bool:
        """A status word (the row's own dating words aside: 到2025年 dates it), a reached word or a date."""
        return bool(status_cues(clean(text), lexicon) or reached_in(lexicon, text) or dated_in(lexicon, text))

    cues = strong(clean(scope.before)) | set(status_cues(clean(scope.after_in_clause), lexicon))
    cues |= strong(clean(scope.after))
    sentence = scope.sentence
    if sentence.strip() and not framed(sentence):
        continues = opens_with(lexicon, sentence)
        for earlier in scope.earlier if continues or not LATIN.search(sentence) else ():
            if framed(earlier):
                cues |= set(status_cues(clean(earlier), lexicon))
                break
    own = clean(scope.own_clause)
    reached = reached_in(lexicon, scope.own_clause)  # read whole: a taken-out noun would join has to a verb after it
    if reached or tensed_in(lexicon, scope.own_clause):
        cues.discard("target")
    cues.discard("strong")
    forward = bool(lexicon.find("forward_word", squash(scope.own_clause)))
    return frozenset(
        cues
        | ({"reached"} if reached and not status_cues(own, lexicon) else set())
        | ({"forward"} if forward else set())
    )


def participle_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """An English past participle after an auxiliary (has attracted, have been signed, has already grown): a word
    ending in one of the lexicon's `participle_ending` terms of meaning `participle` (ed, en, wn, ne, ght, un),
    perhaps after an adverb ending in one of meaning `adverb` (ly); None where the lexicon lists no ending."""
    endings = lexicon.terms_of.get("participle_ending", [])
    meanings = lexicon.meanings_of.get("participle_ending", [])

    def alternation(meaning: str) -> str:
        chosen = sorted({squash(t) for t, m in zip(endings, meanings, strict=True) if m == meaning}, key=len)
        return "|".join(re.escape(t) for t in reversed(chosen) if t)

    participle, adverb = alternation("participle"), alternation("adverb")
    if not participle:
        return None
    before = rf"(?:[a-z]+(?:{adverb})\s)?" if adverb else ""
    return compiled_pattern(rf"\s{before}[a-z]+(?:{participle})\b")


@functools.lru_cache(maxsize=16)
def compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def reached_in(lexicon: Lexicon, text: str) -> bool:
    """Whether the text holds a word of a figure reached (the lexicon's `reached_word`: 已; an auxiliary before a
    past participle, as the lexicon's `participle_ending` terms tell one: has attracted, not it has 20 sub-forums)."""
    squashed = squash(text)
    participle = participle_pattern(lexicon)
    return any(
        meaning == "actual"
        or (meaning == "auxiliary" and participle is not None and participle.match(squashed, m.end()) is not None)
        for m, meaning in lexicon.find("reached_word", squashed)
    )


def tensed_in(lexicon: Lexicon, text: str) -> bool:
    """Whether the text holds a finite verb of the lexicon's `reached_word` category in any use (is, are, was, were,
    meaning `finite`; has, have, had): an English clause with a tense of its own is not governed by a status word
    of another clause ('Expected to grow, the city is home to 1,890 enterprises')."""
    return bool(lexicon.find("reached_word", squash(text)))


def dated_in(lexicon: Lexicon, text: str) -> bool:
    """Whether the text dates itself: a year, or a dating word of the lexicon (今年, #月, today)."""
    squashed = squash(text)
    return bool(YEAR.search(squashed) or lexicon.find("dating_word", shape_of(squashed, number_spans(squashed))))


def opens_with(lexicon: Lexicon, sentence: str) -> bool:
    """Whether the sentence opens with a continuation word of the lexicon (其中, of which): it goes on with the
    sentence before it, whose status words then govern its figures."""
    text = re.sub(r"^[\s,，:：、]+", "", squash(sentence))
    return any(m.start() == 0 for m, _ in lexicon.find("continuation", text))
