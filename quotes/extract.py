"""Find every quotation in an article's clean text and attribute it.

This composes the stages: quote spans and cues (:mod:`quotes.find`), subject
spans, and speaker resolution (:mod:`quotes.speakers`).  The article is read
once, front to back, because pronouns and descriptions refer backwards.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

import regex

from . import find, segment
from .find import MASK, Cue, Span
from .rules import alternation, table, word_set, words
from .script import simplified
from .speakers import (ASIDE, Person, Registry, Resolution, dotted, is_role_or_empty, kind_of, looks_like_name, nominal,
                       pronouns_of)

_TRAIL = " \t，,。：:；;、"
_MEDIA_LABEL = re.compile(r"\s*[（(][^（()）]{1,4}[）)]\s*")  # (影片), (录音): what a quotation is, between its speaker and it
_TERM_LENGTH = 12  # at most this many characters in quotation marks name a term inside a phrase
_STATEMENT_PUNCT = set("，。！？,.!?…；;")
_INHERIT_CLAUSES = 6  # clauses of a sentence searched for the subject a verb inherits
_ANTECEDENT_REACH = 1500  # characters a pronoun looks back for the person it means…
_ANTECEDENT_CLAUSES = 40  # …and clauses
_TAGGED_NAME_REACH = 150  # characters a pronoun looks back for a name only the tagger finds
_SUBJECT_PRONOUNS = ("他", "她")  # a clause opening with one goes on about the person meant so far (其中… does not)
_CLAUSE_END = re.compile(f"[{re.escape(find.CLAUSE_END)}]")
_FOR_SOMEONE = re.compile(r"^[这此那]?对[^，。；]{1,30}来$")  # (这)对默克尔来|说，…: "for Merkel", a topic, not someone speaking
_MODAL = re.compile(r"[会将要能可就才]")
_FUTURE = frozenset(("将", "将于", "将会", "即将", "会", "要"))  # words that make a verb of saying an act to come
# How much less sure a speaker is when it was resolved rather than named.
_UNCERTAIN = {"pronoun": 0.15, "description": 0.15, "role": 0.1, "unresolved": 0.5}
_END_NOTE = regex.compile(r"[（(][^（()）]*[）)]$")  # （实习编译：李昕颐/核稿：张正芊） closing a paragraph
_PERSONAL = re.compile(r"[他她我你]")
_GROUP_STOP = frozenset("，,。：:；;、了的是在和与及对向被把让给由从")  # what ends the words naming a group, going back
_DEMONSTRATIVES = ("该", "这", "此", "这份", "这篇", "该份", "该篇")
_ONE_OF = re.compile(r"[一两几][篇份则项]$")  # a count a document noun completes (…的一篇|报道说)
_HEADLINE = regex.compile(r"^(?:.*[！？。，!?,\]】）)])?(?P<x>[^：:\s！？。，!?,\]】）)]{2,12})[：:](?P<y>.+)$")


@dataclass
class Quote:
    """One quotation: offsets index the article text (the title when ``paragraph`` is 0)."""

    kind: str
    start: int
    end: int
    text: str
    speaker: str
    speaker_as_written: str
    role: str
    cue: str
    paragraph: int
    confidence: float
    speaker_kind: str = "unknown"
    known_roles: list[str] = field(default_factory=list)  # every role the article gives this speaker
    keywords: list[tuple[str, float]] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)


@cache
def _frames() -> tuple[tuple[regex.Pattern, str, str], ...]:
    """(pattern, kind, cue label): ``source`` frames (据X报道，…) name who speaks the clause after
    them; ``quoted`` frames (援引X的话说) name who speaks inside a subject."""
    return tuple((regex.compile(row["pattern"]), row["kind"], row["cue"]) for row in table("frames"))


@cache
def _content_stop() -> re.Pattern:
    alts = alternation("content_stops")
    return re.compile(rf"[，,](?={alts})")


@cache
def _datelines() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(row["pattern"], re.M) for row in table("datelines"))


def _dateline_length(shadow: str, start: int) -> int:
    """Length of a wire dateline opening a paragraph (路透北京7月10日-, （德国之声中文网）): never a speaker."""
    for pattern in _datelines():
        m = pattern.match(shadow, start)
        if m:
            return m.end() - start
    return 0


@cache
def _groups() -> re.Pattern:
    return re.compile(alternation("groups"))


@cache
def _long_negations() -> tuple[str, ...]:
    """Negations of two or more characters (没有, 从未): opening a clause, no one said it."""
    return tuple(w for w in words("negations") if len(w) > 1)


@cache
def _evidence_nouns() -> dict[str, tuple[str, ...]]:
    """Verb → the nouns that show something with it rather than say it (rules ``evidence_nouns``)."""
    out: dict[str, list[str]] = {}
    for row in table("evidence_nouns"):
        out.setdefault(row["verb"], []).append(row["word"])
    return {verb: tuple(nouns) for verb, nouns in out.items()}


@cache
def _noun_cues() -> frozenset[str]:
    """Verbs that are also documents: sentence-initial ``报道称，…`` has ``报道`` as its speaker."""
    return word_set("documents") & word_set("verbs")



@cache
def _han_run(n: int) -> regex.Pattern:
    return regex.compile(r"(?:\P{Han}*+\p{Han}){%d}" % n)


def _ends_in_time_word(clause: str) -> bool:
    """Whether a clause ends a time phrase (…之际, …以后, …决定时, …计划后), not in a word (最后, 同时)
    nor in a time of day (上午9时)."""
    return clause.endswith(words("time_clauses")) or (clause.endswith(("时", "后")) and not segment.common_word(clause[-2:])
                                                      and not clause[-2:-1].isdigit())


_SOURCE_NEWS = re.compile(r"(?:提供)?的?消息$")  # 据德新社援引欧盟外交官(提供的)消息报道: the news is no part of who


def _quoted(text: str, document: bool = False) -> regex.Match | None:
    """The ``quoted`` frame in ``text`` (援引X的话), when X is someone, not a document or a report; with
    ``document``, when X is one (报道引述消息指出)."""
    for pattern, kind, _ in _frames():
        m = pattern.search(text) if kind == "quoted" else None
        if m and m.group("speaker") and m.group("speaker").endswith(words("documents")) == document:
            return m
    return None


def _quoted_inside(source: str, at: int) -> tuple[str, int]:
    """The one a source quotes, where it does (据半岛电视台援引巴勒斯坦民防部门消息报道 → 巴勒斯坦民防部门), and where
    that starts; else the source itself."""
    m = _quoted(_SOURCE_NEWS.sub("", source))
    return (m.group("speaker"), at + m.start("speaker")) if m else (source, at)


def _guessed_names(clause: str) -> list[str]:
    """Three-character names the tagger guesses in ``clause`` that the dictionary lacks, and that open
    with no preposition or conjunction (由一河之隔: the tagger reads 由一河 as a name)."""
    return [word for word, tag in segment.tagged(clause, guess=True)
            if tag == "nr" and len(word) == 3 and looks_like_name(word) and not segment.frequency(word)
            and kind_of(word) == "unknown" and segment.tagged(word[0])[0][1] not in ("p", "c")]


def _negated(clause: str) -> bool:
    """Whether the words before a verb deny it (没有指控, 不会报道), unless a longer modal ends them
    (不得不承认: 'had to admit' is said)."""
    negation = next((w for w in words("negations") if clause.endswith(w)), "")
    return bool(negation) and not any(len(w) > len(negation) and clause.endswith(w) for w in words("modals"))


_RECIPIENT_TAGS = ("n", "r", "x", "eng", "m", "q", "j")  # nouns, pronouns, symbols and Latin, counts, abbreviations


def _made_to(tokens: list[str]) -> bool:
    """Whether a clause's words end in a causative and the people made to (…让她, 促使批评人士, 让国会议员和政府官员)."""
    at = max((i for i, token in enumerate(tokens) if i > 0 and token in word_set("causatives")), default=0)
    caused = tokens[at + 1:]
    return bool(at and caused and len(caused) <= 6 and (
        caused[0] in word_set("pronouns") or caused[-1].endswith((*find.speaker_nouns(), "者"))))


def _sentence_like(inner: str) -> bool:
    """Words in quotation marks that run over clauses (“这个不行，就没问题了”), not a term (“延安整风”)."""
    return _has_han(inner, 8) and any(mark in inner for mark in find.CLAUSE_END)


def _names_recipient(text: str) -> bool:
    """Whether the words after 告诉 only say whom (泡泡记者, 《新闻周刊》, 我): short, no verb; an outlet's
    reporter whatever the tagger reads in its name (财新|记者)."""
    if len(text) > 12:
        return False
    tags = [tag for _, tag in segment.tagged(text)]
    return all(tag.startswith(_RECIPIENT_TAGS) for tag in tags) or text.endswith("记者") and not any(
        tag.startswith("v") for tag in tags)


# A given name in Latin letters written into a Chinese sentence (在廣東出生的Jackie今年24歲), not glossed in brackets
_LATIN_GIVEN = re.compile(r"(?<![A-Za-z（(])[A-Z][a-z]{2,}(?=[\u4e00-\u9fff])")
_NAME_IN_HEAD = 16  # how far into a sentence's subject a known name may start (after a role and a body)
_ASIDE_NAME = 8  # the longest words in an aside after 称 that are a name for something, not a statement
# After “…”X说，: a note on who X is or on what the words mean, the journalist's, not X's
_APPOSITION = re.compile(r"(?:他|她|他们|她们)(?:也|曾|现在|目前|则|就)?(?:是|曾是)|[^，。]{0,10}?(?:指的是|的意思是)")
_REPORTED_THING = 8  # the longest object that may only name what was reported (案件最新进展)
_NAME_REACH = 8  # how far before a cue a name ending inside it may start (赵立坚称)
_DAY_WORDS = frozenset("月日今昨明当次本每翌")  # before 日, a day: 今日, 次日, 翌日
_COLON_REACH = 40  # how far after reported words a colon may open a quotation that goes on with them
_DESCRIBED_BODY = re.compile(r"[的、，（）()等\d]")  # in a body described or counted (引起关注的公司, 伦敦等4个研发中心)
_POINTERS = ("这", "那", "上述", "其")  # what opens a body pointed back to, not named
_GROUP_LENGTH = 10  # the longest subject that names a group 他们 may mean (鲁迅那一代知识分子)
_WHOM_LENGTH = 8  # the longest words between a verb and a quotation after a colon that may only say whom


def _before_whom_answered(subject: str) -> int:
    """The length of a subject without a verb of answering and whom it answered (rules ``answer_verbs``:
    国家卫健委相关人士|回应记者称, …|回应21世纪经济报道称, …|回应美国之音提问表示 (rules ``questions``); not
    中国外交部的回应称, a noun): the verb after them says how it was said."""
    pos = 0
    for token in segment.words(subject):
        if pos > 0 and token in word_set("answer_verbs") and subject[pos - 1] != "的":
            whom = subject[pos + len(token):]
            asked = next((q for q in words("questions") if whom.endswith(q)), "")
            if _names_recipient(whom[:len(whom) - len(asked)].removesuffix("的")):
                return pos
        pos += len(token)
    return len(subject)


def _unclosed_bracket(clause: str) -> int:
    """Where the bracket a verb stands in opens, or -1 when it stands in none."""
    opened = max(clause.rfind("（"), clause.rfind("("))
    return opened if opened > max(clause.rfind("）"), clause.rfind(")")) else -1


def _only_whom(content: str) -> bool:
    """Whether the words between a verb and a quotation after a colon only say whom it was addressed to
    (警告特朗普政府：“…”): a noun phrase of a few characters, no clause of its own."""
    return len(content) <= _WHOM_LENGTH and not any(ch in content for ch in "，,、") and _names_recipient(content)


def _acted_on(clause: str) -> bool:
    """Whether the clause before a word that is a verb and a document (报告) ends in a verb, which takes
    the document as its object or names what it is a document of (提交|报告, 调研|报告)."""
    tagged = segment.tagged(clause[-6:])
    return bool(tagged) and tagged[-1][1] in ("v", "vn") and kind_of(tagged[-1][0]) != "organisation"  # (世卫组织: v)


def _goes_on_acting(content: str) -> bool:
    """Whether words after a verb open with 并 and another act (通报并翻译了…, 积极回应，并转交地方…): the verb
    had no content, its subject went on to do something else (并不, 并没有 deny: 表示并不后悔 is said)."""
    if not content.startswith("并"):
        return False
    tokens = segment.words(content[:8])
    return tokens[0] == "并" and len(tokens) > 1 and not tokens[1].startswith((*words("negations"), "无"))


_CLAUSE_SPLIT = re.compile("[，,]")


_MAIN_AFTER_CONDITION = re.compile(r"(?:都|也|就|便)(?:不|没|会|要|能|将|可|是|应|得|已)")  # …都不会…, …就会…


def _lead_in(clause: str) -> bool:
    """A clause that only sets the scene for what follows: a time (今年6月), a place or occasion (在…下), a topic
    or a condition (由于…, 如果…)."""
    if find.opens_with_topic(clause) and _MAIN_AFTER_CONDITION.search(clause, 2):
        return False  # 无论他们怎样回应都不会改变立场: the condition and what holds under it, in one clause
    if find.LEADING_PHRASE.fullmatch(clause) or find.opens_with_topic(clause):
        return True  # (not a clause ending in 时 or 后: 当…宣布…时，郑文杰警告称 — the next clause has a speaker of its own)
    return find.CALENDAR_DATE.search(clause) is not None and not _has_han(find.CALENDAR_DATE.sub("", clause), 4)


def _names_what_was_reported(content: str) -> bool:
    """A short object that names what was reported (通报最新疫情, 公布调查结果; rules ``announced_things``),
    with no subject or negation of its own (not 它夸大销售数据, 不了解有关情况: statements)."""
    return (len(content) <= _REPORTED_THING and content.endswith(words("announced_things"))
            and not any(tag.startswith("r") or word in word_set("negations") for word, tag in segment.tagged(content)))


def _has_han(s: str, n: int) -> bool:
    """Whether ``s`` holds at least ``n`` Chinese characters (read no further than the ``n``-th)."""
    return _han_run(n).match(s) is not None


class _Reader:
    """State of one pass over one article."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.shadow = simplified(text)
        self.spans = find.quote_spans(self.shadow)
        self.masked = find.mask_spans(self.shadow, self.spans)
        self.cues = find.find_cues(self.masked)
        self.cue_starts = [c.start for c in self.cues]
        self.span_by_open = {s.open: s for s in self.spans}
        self.registry = Registry()
        self.registry.scan(self.shadow)
        self.cues = [self._past_name(c) for c in self.cues]
        self.cue_starts = [c.start for c in self.cues]
        paragraphs = find.paragraphs(text)
        self.paras = [(start + _dateline_length(self.shadow, start), end) for start, end in paragraphs]
        self.para_starts = [start for start, _ in paragraphs]
        self.quotes: list[Quote] = []
        self.claimed_spans: set[int] = set()
        self.consumed_cues: set[int] = set()
        self.claimed_to = -1  # end of the last indirect content
        self.split_points: set[int] = set()  # cues where one content was cut for the next
        self._subjects: dict[int, tuple[str, str, int]] = {}
        self._clause_starts: dict[tuple[int, int], int] = {}
        self.clause_starts = [0] + [m.end() for m in _CLAUSE_END.finditer(self.masked)]
        self.claims: list[tuple[int, int]] = []  # reported contents, in order
        self.person_said_at = -1  # where the last person was named or described as a speaker
        self.spoke_at = -1  # where the last speaker of any kind spoke
        self.sentence_speaker: tuple[int, Resolution] | None = None
        self.last_quote_para = -10

    def _past_name(self, cue: Cue) -> Cue:
        """A cue whose first characters end a name read in the article (赵立坚称: 坚称 is a verb, 赵立坚 the
        name) is the verb after them."""
        for k in range(1, len(cue.word)):
            form = self.registry.form_ending(self.shadow[max(0, cue.start - _NAME_REACH):cue.start + k])
            inner = find.cue_within(cue, k) if len(form) > k else None
            if inner is not None:
                return inner
        return cue

    # -- helpers -----------------------------------------------------------
    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def para_end(self, pos: int) -> int:
        return self.paras[self.para_of(pos)][1]

    def para_start(self, pos: int) -> int:
        """Where the paragraph holding ``pos`` starts (after any dateline)."""
        return self.paras[self.para_of(pos)][0]

    def clause_start(self, pos: int, floor: int | None = None) -> int:
        """:func:`find.clause_start` in this article, not before ``floor`` (by default the paragraph's start).

        Memoised: the rules ask for the same clause several times.
        """
        floor = self.para_start(pos) if floor is None else floor
        key = (pos, floor)
        if key not in self._clause_starts:
            self._clause_starts[key] = find.clause_start(self.masked, pos, floor)
        return self._clause_starts[key]

    def clause_stop(self, start: int, limit: int) -> int:
        """Where the clause opening at ``start`` ends (its punctuation), or ``limit``."""
        m = _CLAUSE_END.search(self.masked, start, limit)
        return m.start() if m else limit

    def sentence_start(self, pos: int) -> int:
        floor = max(self.para_start(pos), pos - find.MAX_SENTENCE)
        i = pos - 1
        while i >= floor and self.masked[i] not in find.SENTENCE_END:
            i -= 1
        return i + 1

    def emit(self, kind: str, start: int, end: int, res: Resolution, written: str, cue: str, confidence: float) -> None:
        """Record a quote; direct quotes keep their own punctuation, claims lose the trailing comma or stop."""
        while end > start and (self.text[end - 1] in " \t" or kind == "indirect" and self.text[end - 1] in _TRAIL):
            end -= 1
        while start < end and self.text[start] in " \t":
            start += 1
        if end <= start:
            return
        para = self.para_of(start)
        self.quotes.append(Quote(kind, start, end, self.text[start:end], self.as_written(res.speaker), written,
                                 self.as_written(res.role), cue, para + 1, round(confidence, 2), res.kind))
        self.last_quote_para = para
        self.sentence_speaker = (self.sentence_start(start), res)

    def as_written(self, name: str) -> str:
        """A name in the article's own script (the registry works on the simplified shadow)."""
        i = self.shadow.find(name) if name else -1
        return self.text[i:i + len(name)] if i >= 0 else name

    def cue_at(self, pos: int) -> Cue | None:
        i = bisect.bisect_left(self.cue_starts, pos)
        return self.cues[i] if i < len(self.cues) and self.cues[i].start == pos else None

    def subject(self, cue_start: int) -> tuple[str, str, int]:
        """(simplified subject, subject as written, its start) before a cue (memoised: asked often)."""
        if cue_start not in self._subjects:
            self._subjects[cue_start] = self._subject(cue_start)
        return self._subjects[cue_start]

    def _subject(self, cue_start: int) -> tuple[str, str, int]:
        cs = self.clause_start(cue_start)
        clause = self.shadow[cs:cue_start]
        m = _quoted(clause)
        if m:
            inner = m.group("speaker")
            h, e = find.subject_of(inner, self.names())
            start = cs + m.start("speaker") + h
            return inner[h:e], self.text[start:cs + m.start("speaker") + e], start
        if cs > 0 and self.masked[cs - 1] in find.CLOSERS and clause.startswith(words("title_markers")):
            titled = self._subject_before_title(cs - 1)  # 有中国自媒体以“…”为题发文: who used the title
            if titled is not None:
                return titled
        if (cs > 0 and self.masked[cs - 1] in find.CLOSERS and clause.startswith("的")
                and clause.rstrip("所").endswith(find.speaker_nouns())):
            span = next((s for s in self.spans if s.close == cs - 1), None)
            if span is not None:  # 一位网名为“一朵默默绽放的花儿”的新浪网友所说: words in marks describe who speaks
                cs = self.clause_start(span.open)
                clause = self.shadow[cs:cue_start]
        cited = _quoted(clause, document=True)
        if cited:  # 报道引述消息指出, 「香港01」引述消息报道: who cites the news speaks
            clause = clause[:cited.start()]
        h, e = find.subject_of(clause, self.names())
        e = h + _before_whom_answered(clause[h:e])
        e = h + find.before_own_verb(clause[h:e])
        e = h + len(self._name_then_act(clause[h:e]))  # (翟青围绕生态文明建设|介绍: the name, then what about)
        if cs > 0 and self.masked[cs - 1] in find.CLOSERS:
            before = self._subject_before_term(cs - 1, cue_start)
            if before is not None:
                return before
        return clause[h:e], self.text[cs + h:cs + e], cs + h

    def _subject_before_title(self, close: int) -> tuple[str, str, int] | None:
        """The subject before ``以“…”`` when the quoted words are a title (以“…”为题发文)."""
        span = next((s for s in self.spans if s.close == close), None)
        if span is None:
            return None
        cs = self.clause_start(span.open)
        before = self.shadow[cs:span.open]
        before = before[:-1] if before.endswith("以") else before
        h, e = find.subject_of(before, self.names())
        return (before[h:e], self.text[cs + h:cs + e], cs + h) if e > h else None

    def _subject_before_term(self, close: int, cue_start: int) -> tuple[str, str, int] | None:
        """The subject of a clause that a short term in quotation marks only seems to open
        (中国外交部透过“领事直通车”微信公众号说到: 中国外交部): a subject, then a preposition that
        the term and the noun after it complete."""
        opener = self.masked.rfind(find.CLOSERS[self.masked[close]], max(0, close - _TERM_LENGTH - 1), close)
        tail = self.shadow[close + 1:cue_start]
        timed = _ends_in_time_word(tail) or tail in ("时", "后")  # (…合办的“香港教育高峰论坛”时表示)
        located = tail in ("上", "中", "里", "内", "下")  # (达久木甲在…的「委员通道」上表示: the place the term names)
        if opener <= 0 or not find.HAN.match(self.masked, opener - 1) or len(tail) < 2 and not (timed or located) or "的" in tail:
            return None  # (针对“干涉内政”一说; 主张“港独”的香港民族阵线: the noun after the term is the subject)
        cs = self.clause_start(opener)
        h, e = find.subject_of(self.shadow[cs:opener], self.names())
        after = cs + e
        while (m := find.CALENDAR_DATE.match(self.shadow, after)) and m.end() < opener:
            after = m.end()  # 林郑月娥7月11日在出席…: the date, then the preposition
        if e <= h or not self.shadow.startswith(words("cut_words"), after, opener):
            return None  # (警方举起「紫旗」警告, 他的“脸书”头像: no preposition after the subject leads to the term)
        return self.shadow[cs + h:cs + e], self.text[cs + h:cs + e], cs + h

    def names(self) -> tuple[str, ...]:
        return tuple(self.registry.forms())

    def resolve(self, subject: str, written: str, at: int) -> tuple[Resolution | None, str]:
        """Resolve a subject; an empty one inherits the sentence's speaker."""
        if subject:
            return self.speaker(subject, at), "explicit"
        timed = self._time_clause_subject(at) or self._chained_subject(at)
        if timed is not None:
            return timed, "inherited"
        sentence = self.sentence_start(at)
        if self.sentence_speaker and self.sentence_speaker[0] == sentence:
            return self.sentence_speaker[1], "inherited"
        floor = self.para_start(at)
        cs = self.clause_start(at, floor)
        if cs > floor and self.masked[cs - 1] in "：:":
            return None, ""  # …（Pekingbooks）：重申…: a label before a colon is no subject to inherit
        head, head_at = self._sentence_subject(sentence, at)
        if head:
            return self.speaker(head, head_at), "inherited"  # (a pronoun there means whom the text meant there)
        return None, ""

    def _time_clause_subject(self, at: int) -> Resolution | None:
        """Who opens the time clause right before a verb with no subject (韩联社报道称，首尔当局在被媒体质问时，
        表示…: 首尔当局), when it names someone."""
        cs = self.clause_start(at, self.sentence_start(at))
        if cs < 2 or self.masked[cs - 1] not in "，,":
            return None
        prev = self.clause_start(cs - 1, self.sentence_start(at))
        clause = self.shadow[prev:cs - 1]
        if not _ends_in_time_word(clause):
            return None
        h, e = find.subject_of(clause, self.names())
        head = find.before_verb(clause[h:e]) if e < len(clause) else ""
        if not head or not (kind_of(head) != "unknown" or self.registry.by_name(head)
                            or head.endswith(find.speaker_nouns())):
            return None  # (…，但港区国安法生效之后，认为…: an event, not someone who speaks)
        return self.speaker(head, prev + h)

    def _chained_subject(self, at: int) -> Resolution | None:
        """The person a clause right before a verb with no subject opens with, when it is not the sentence's
        first (他叫陶崇园一起吃饭，陶崇园都在8点左右离开了，说是要去导师家: 陶崇园, not whoever opened the
        sentence): the verb goes on from that clause."""
        sentence = self.sentence_start(at)
        cs = self.clause_start(at, sentence)
        if cs < 2 or self.masked[cs - 1] not in "，," or self.in_claim(cs - 1):
            return None
        prev = self.clause_start(cs - 1, sentence)
        if prev <= sentence or self.in_claim(prev):
            return None  # (…表示，陈全国是…，并强调…: a clause of reported words names no speaker)
        clause = self.shadow[prev:cs - 1]
        m = find.connectives().match(clause)
        clause = clause[m.end() if m else 0:]
        form = self.registry.first_form_in(clause, starts_within=1)
        rest = clause[len(form):] if form else ""
        if len(rest) < 2:
            return None
        word, tag = segment.tagged(rest[:4])[0]
        if tag[:1] not in ("v", "d", "p") or kind_of(form + word) != "unknown":
            return None  # (陶崇园的母亲…, 陶崇园和…, 盖茨|基金会: the clause is not about what the person did)
        return self.speaker(form, prev + (m.end() if m else 0))

    def _in_topic_clause(self, pos: int) -> bool:
        clause = self.shadow[self.clause_start(pos):pos]
        m = find.connectives().match(clause)
        clause = clause[m.end() if m else 0:]
        return find.opens_with_topic(clause) or bool(_FOR_SOMEONE.match(clause))

    def _sentence_subject(self, sentence: int, at: int) -> tuple[str, int]:
        """The subject the sentence opened with, for a verb whose subject is left out, and where it stands.

        Only the sentence's first few clauses are read: a subject further
        away is no longer the one meant (and the work per verb stays bounded).
        """
        i = sentence
        timed = "", at  # the subject of a time clause (黄之锋抵达后，宣布…), unless a clause after it has its own
        for _ in range(_INHERIT_CLAUSES):
            if i >= at:
                break
            m = _CLAUSE_END.search(self.masked, i, at)
            j = m.start() if m else at
            clause = self.shadow[i:j]
            if clause.strip():
                h, e = find.subject_of(clause)
                head = self._name_then_act(find.before_verb(clause[h:e])) if e < len(clause) else find.leading_noun(clause[h:])
                if head is None:
                    return timed if timed[0] else ("", at)  # the sentence is about something someone owns
                if head and not find.opens_with_topic(head):
                    if j < at and (_ends_in_time_word(clause) or head.startswith("《")):
                        # (欧盟出台这些规则后，人们曾表示担忧，认为: 人们; 国会通过的《…法案》，特朗普总统就在签署时…，表示:
                        # a title the sentence is about, then who acted on it)
                        timed = timed if timed[0] else (head, i + h)
                    elif not timed[0] or nominal(head):
                        return head, i + h  # (…就任国家主席后，首次出访…，提出…: no subject of its own there)
            i = j + 1
        return timed

    def _name_then_act(self, head: str) -> str:
        """A head that names someone the article knows and goes on with what they did (李强感谢各民主党派…,
        国务院总理李强感谢…): the subject ends with the name."""
        form = self.registry.first_form_in(head, starts_within=_NAME_IN_HEAD)
        if not form:
            return head
        end = head.find(form) + len(form)
        if end not in itertools.accumulate(len(w) for w in segment.words(head)):
            return head  # (盖茨基金|会: a form read wrongly elsewhere, inside a body's name here)
        tagged = segment.tagged(head[end:end + 4])
        act = tagged[0][0] if tagged and tagged[0][1] == "v" and (len(tagged[0][0]) > 1 or not dotted(form)) else ""  # (图格|让诺夫)
        if act and (kind_of(head[:end] + act) != "unknown" or find.speech_verb(act)):
            return head  # (世卫|组织: a body's name; 石正丽批评|特朗普声称: the verb's object is who speaks)
        # (唐娟是…, 华为受制于…: what they are or undergo, not what they do)
        return head[:end] if act and act != "是" and not act.startswith(("受", *words("passive_markers"))) else head

    def statement_span(self, pos: int) -> Span | None:
        """The quote span opening at ``pos`` if it reads as a whole statement."""
        span = self.span_by_open.get(pos)
        if span is None or span.open in self.claimed_spans:
            return None
        inner = self.shadow[span.open + 1:span.close].strip()
        if not inner:
            return None
        after = span.close + 1
        while after < len(self.masked) and self.masked[after] == " ":
            after += 1
        ends = after >= self.para_end(pos) or self.masked[after] in "。！？；!?;…\n"
        punct = inner[-1] in _STATEMENT_PUNCT or any(ch in inner for ch in "，。！？") or _has_han(inner, 6)
        if ends or inner[-1] in _STATEMENT_PUNCT or (punct and self.masked[after] in "，,"):
            return span
        return None

    # -- the pass ----------------------------------------------------------
    def run(self) -> list[Quote]:
        events = sorted([(c.start, 1, c) for c in self.cues] + [(s.open, 0, s) for s in self.spans], key=lambda e: (e[0], e[1]))
        for pos, order, item in events:
            if order == 0:
                self.on_span(item)
            else:
                self.on_cue(item)
        return self.quotes

    def speaker(self, subject: str, at: int) -> Resolution | None:
        """Resolve a subject at ``at``; a pronoun first learns whom the text has been about.

        The person a pronoun means is the last person named as a speaker, unless the
        text has since turned to someone else (see :meth:`_antecedent`): the clauses
        between are looked at only when a pronoun needs them.
        """
        if self.registry.refers_back(subject):
            person = self._antecedent(at)
            if person is not None:
                self.registry.turn_to(person)
            elif self.registry.last_person is None and subject in pronouns_of("person"):
                named = self._tagged_name_before(at)
                if named:  # (not registered: a guess must not change how other names and roles read)
                    return Resolution(named, "", "person", "pronoun")
        if subject in pronouns_of("group"):
            group = self._group_before(at)
            res = self.registry.resolve(group) if group else None
            if res is not None:
                return Resolution(res.speaker, res.role, res.kind, "pronoun")
        before = self.registry.last_person
        self.registry.now = at
        res = self.registry.resolve(subject)
        if res is not None and res.how == "description" and res.kind == "organisation" and subject.endswith(res.speaker):
            named = self._body_named_before(res.speaker, at)
            if named:
                res = self.registry.resolve(named)  # (国际货币基金组织25日…。该组织认为…: no one spoke before)
        if self.registry.last_person is not before or (res is not None and res is self.registry.described
                                                       and res.how == "explicit" and self.registry.unnamed(res.speaker)):
            self.person_said_at = at  # (邓恩的妈妈表示…她表示: someone described, not named, speaks too)
        if res is not None:
            self.spoke_at = at
        return res

    def _body_named_before(self, noun: str, at: int) -> str:
        """The body that a description of it (该组织, 该机构) means when it has not spoken: the last name in the
        paragraph or the one before that ends with the same noun and is longer."""
        if noun == "国":
            return ""  # (该国: a country, which this search cannot tell from 各国 or 德国 in passing)
        para = self.para_start(at)
        floor = self.para_start(para - 1) if para > 0 else 0
        described = (*pronouns_of("description"), *_POINTERS)
        end = self.shadow.rfind(noun, floor, at)
        while end >= floor:
            cs = self.clause_start(end, max(floor, end - 40))
            h, e = find.subject_of(self.shadow[cs:end + len(noun)], self.names())
            name = self.text[cs + h:cs + e]
            if (name.endswith(noun) and len(name) > len(noun) and kind_of(name) == "organisation"
                    and not name.endswith(words("places")) and not _DESCRIBED_BODY.search(name)
                    and not name.startswith(described)
                    and not any(tag.startswith("v") for _, tag in segment.tagged(name))):
                return name  # (not 引起关注的公司, 伦敦等4个研发中心: a body described, not named; 该国 no country)
            end = self.shadow.rfind(noun, floor, end)
        return ""

    def _antecedent(self, at: int) -> Person | None:
        """The person the text turned to before ``at``, nearest first, or ``None`` (then the last person).

        A clause since the last person spoke that opens with a name (绍伊古在会议中…。他谈到…); or,
        since the last speaker of any kind, a name anywhere in a clause outside quotation marks
        (…攻读博士学位的董明旷(Mike Thompson)。他表示 → 董明旷) until a clause that opens with a
        pronoun, which goes on about the person meant so far.  Clauses that open a quotation are
        someone's words and reported content is about what was said: neither says who is meant.
        """
        mentions = True
        i = bisect.bisect_left(self.clause_starts, at) - 1
        floor = max(self.person_said_at, at - _ANTECEDENT_REACH)
        stop = i - _ANTECEDENT_CLAUSES
        end = at
        while i >= 0 and i > stop and self.clause_starts[i] > floor:
            start = self.clause_starts[i]
            if not self.in_claim(start):
                if not self._opens_quotation(start):
                    person = self.registry.person_in_clause(self._clause_head(start))
                    if person is not None:
                        return person
                # (the clause holding ``at`` may open with the very pronoun being resolved)
                mentions = mentions and start > self.spoke_at and not (
                    end < at and self.shadow.startswith(_SUBJECT_PRONOUNS, start)
                    and not self.shadow.startswith(pronouns_of("group"), start))
                person = self.registry.last_person_in(self.masked[start:end]) if mentions else None
                if person is not None and self.registry.named(person):
                    return person
            end = start
            i -= 1
        return None

    def _opens_quotation(self, pos: int) -> bool:
        """Whether quoted words open the clause at ``pos``, not a short term the clause goes on from
        (“六四”学生运动领袖之一的王丹，…: a clause about 王丹)."""
        if self.masked[pos:pos + 1] not in find.OPENERS:
            return False
        span = self.span_by_open.get(pos)
        return not (span is not None and span.closed and span.close - pos <= _TERM_LENGTH + 1
                    and find.HAN.match(self.masked, span.close + 1)
                    and not any(mark in self.shadow[pos:span.close] for mark in find.CLAUSE_END + "…"))

    def _tagged_name_before(self, at: int) -> str:
        """A full name the tagger guesses in the clauses before ``at``, nearest first (我接到李伟明电话，他说
        → 李伟明): for a pronoun before which no one has spoken and no name stands in a form the registry
        knows (beside a role, a dot or a Latin gloss).  Only three-character names the dictionary lacks
        (it tags 荆棘 and 夏令营 as names too; two-character guesses are as often 封城 as a name), and only
        close by in the same paragraph: further away a guess names the wrong person more often than
        not.  Tagging is slow, so it is done only then."""
        i = bisect.bisect_left(self.clause_starts, at) - 1
        floor, end = max(self.para_start(at), at - _TAGGED_NAME_REACH) - 1, at
        while i >= 0 and self.clause_starts[i] > floor:
            start = self.clause_starts[i]
            if not self.in_claim(start) and self.masked[start:start + 1] not in find.OPENERS:
                names = _guessed_names(self.masked[start:end]) or _LATIN_GIVEN.findall(self.masked, start, end)
                if names:
                    return names[-1]
            end = start
            i -= 1
        return ""

    def _group_before(self, at: int) -> str:
        """The plural subject of the sentence before (国际人士高度评价…。他们表示), or a group the sentence
        itself named in an earlier clause (…激起了中国网民的强烈反应，他们称): whom 他们 means, or ""."""
        current = self.sentence_start(at)
        named = [m for m in _groups().finditer(self.masked, current, self.clause_start(at, current))
                 if not self.in_claim(m.start())]
        if named:
            end = named[-1].end()
            start = end
            while start > current and end - start < 8 and self.shadow[start - 1] not in _GROUP_STOP:
                start -= 1
            return self.shadow[start:end]
        if current == 0 or current - 1 < self.para_start(current - 1):
            return ""
        previous = self.sentence_start(current - 1)
        if any(previous <= q.start < current for q in self.quotes):
            return ""  # the sentence before quoted someone: 他们 are they (学生代表张伟和李明表示…。他们说)
        m = _CLAUSE_END.search(self.masked, previous, current)
        if m and _lead_in(self.shadow[previous:m.start()]):
            previous = m.end()  # 随着清帝国…崩溃，鲁迅那一代知识分子开始…: the subject after the scene set
            m = _CLAUSE_END.search(self.masked, previous, current)
        clause = self.shadow[previous:m.start() if m else current - 1][:16]
        group = _groups().search(clause)
        if not group:
            return ""
        h, e = find.subject_of(clause[:group.end()])
        return clause[h:e] if e == group.end() and e - h <= _GROUP_LENGTH and not _PERSONAL.search(clause[h:e]) else ""

    def claim(self, start: int, end: int) -> None:
        self.claimed_to = max(self.claimed_to, end)
        self.claims.append((start, end))

    def in_claim(self, pos: int) -> bool:
        """Whether ``pos`` lies inside reported content (whose clauses are not about its speaker)."""
        i = bisect.bisect_right(self.claims, (pos, 1 << 60)) - 1
        return i >= 0 and self.claims[i][0] <= pos < self.claims[i][1]

    def _clause_head(self, pos: int) -> str:
        m = _CLAUSE_END.search(self.masked, pos, pos + 30)
        clause = self.shadow[pos:m.start() if m else pos + 30]
        m = find.connectives().match(clause)
        return clause[m.end():] if m else clause

    def on_cue(self, cue: Cue) -> None:
        if cue.start in self.consumed_cues:
            return
        inside = cue.start < self.claimed_to
        if inside and cue.start not in self.split_points:
            return  # speech reported inside someone's reported speech
        if self._frame(cue):
            return
        subject, written, at = self.subject(cue.start)
        if not subject and self._in_topic_clause(cue.start):
            return  # 如果说假话…, 据估计…: a condition or hearsay, not someone speaking
        clause = self.shadow[self.clause_start(cue.start):cue.start]
        ss = self.sentence_start(cue.start)
        aside = _unclosed_bracket(self.masked[ss:cue.start])
        if aside >= 0 and not (subject and at >= ss + aside):
            return  # 中国的习近平（估计净资产为…）, （中国称西沙群岛）: a verb inside an aside, with no speaker of its own
        own = clause.rsplit("的", 1)[-1]  # (被禁参选的黄之锋认为: the passive describes the speaker, who speaks)
        if (any(m in own for m in word_set("passive_markers")) and word_set("passive_markers").intersection(segment.words(own))
                and not _ends_in_time_word(own)):
            return  # 被许多人认为: passive, the subject is not the speaker (被告 is a noun; 在被问到…时说: when asked)
        if _negated(clause):
            return  # 检察官没有指控…: what was not said
        tokens = segment.words(clause)
        if (cue.word in word_set("documents") and kind_of(subject) != "organisation" and _acted_on(clause)
                and self.masked[cue.end:cue.end + 1] not in ("：", ":")):
            return  # 打报告, 提交报告, 调研报告: a document made or handled, no verb of saying (发表评论：…: its words follow)
        if (tokens[-1:] == ["所"] and self.masked[cue.end:cue.end + 1] not in find.OPENERS
                and not any(w in self.shadow[ss:cue.start] for w in words("comparisons"))):
            return  # 他们所说的证据, 中国学者所称的…: what was said, a noun phrase (如X所说, X所说「…」 say who said it)
        if cue.word in ("称", "称为") and tokens[-1:] == ["应"]:
            return  # 台湾地区领导人应称“…”: what it should be called, not what anyone said
        if _made_to(tokens):
            return  # 第一次的经验让她觉得…, 极力让议员相信…: a belief someone was brought to, no one's statement
        if subject.endswith(_evidence_nouns().get(cue.word, ())):
            return  # 研究表明…, 有迹象表明…: a finding shown, not a claim made
        m = find.connectives().match(clause)
        if clause.startswith(_long_negations(), m.end() if m else 0):
            return  # 但没有明显的理由表明…, 没有人说…: no one said it
        after = cue.end
        cue_label = cue.word
        if cue.strength == "recipient":
            after, cue_label = self._past_recipient(cue)
            if after < 0:
                return
        elif cue.strength == "weak" and cue.word in words("verbs") and self.masked[cue.end:cue.end + 1] not in ("：", ":", "，", ","):
            return
        subject, written = self._with_noun(subject, written, cue)
        res, how = self.resolve(subject, written, cue.start)
        if res is None or (how == "inherited" and res.kind == "unknown" and cue.word in word_set("impersonal_verbs")
                           and not self._spoke_in_sentence(cue.start)):
            return  # (全国铁路客流继续高位运行，预计发送旅客…: "it is expected", no one's forecast)
        if how == "inherited" and simplified(res.speaker) in word_set("own_reporter"):
            return  # (记者从交通运输部了解到，…预计…: what the article's reporter learned, no statement of theirs)
        start = self._quote_below(find.content_start(self.masked, after))
        confidence = {"explicit": 0.9, "inherited": 0.75}[how] - _UNCERTAIN.get(res.how, 0)
        span = self.statement_span(start)
        if span is not None:
            self.claimed_spans.add(span.open)
            self.emit("direct", span.open + 1, span.close, res, written or subject, cue_label, confidence)
            self._follow_on(span, res, written, cue_label, confidence)
            return
        if start >= len(self.masked) or self.masked[start] in find.SENTENCE_END:
            self._reverse(cue, res, written, cue_label, confidence - 0.1)
            return
        if self._in_time_clause(start, after):
            return
        outlet = res.kind in ("organisation", "unknown") and res.speaker.endswith(words("media_suffixes"))
        if self._inner_verb_speaks(start, cue.strength == "weak", cue.word, outlet):
            if self.cue_at(start) is not None:
                self.sentence_speaker = (self.sentence_start(cue.start), res)  # 蓬佩奥发表声明称，说…: his, the verb after
            return  # 谴责初选，形容…; 否认，她称…; 文章指出，黄之锋表示：“…”: the inner verb speaks
        end = self._content_end(start)
        quoted = self._quote_after_colon(start, end)  # (…，艾莫兹发过一条推特：“…”: the speaker's words, named again)
        end = self._until_named_again(start, end, res)
        if aside >= 0:
            end = min((i for i in (self.masked.find("）", start, end), self.masked.find(")", start, end)) if i >= 0),
                      default=end)  # （法案委员会称4次，民主派称5次）: the aside ends the words it reports
            if cue.word == "称" and end - start <= _ASIDE_NAME:
                return  # （中国称西沙群岛）: what they call it, not what they said
        if quoted is not None:
            end = min(end, quoted.open - 1)
        content = self.shadow[start:end]
        if not _has_han(content, 4) and MASK not in content or _goes_on_acting(content) or _names_what_was_reported(content):
            return
        if not (quoted is not None and _only_whom(content)):  # (警告特朗普政府：“…”: whom, then the words)
            self.emit("indirect", start, end, res, written or subject, cue_label, confidence - 0.05)
        self.claim(start, end)
        for span in self.spans:
            if start <= span.open < end:
                self.claimed_spans.add(span.open)
        if quoted is not None:
            self.claimed_spans.add(quoted.open)
            self.emit("direct", quoted.open + 1, quoted.close, res, written or subject, cue_label, confidence - 0.05)
            self._follow_on(quoted, res, written or subject, cue_label, confidence - 0.05)

    def _with_noun(self, subject: str, written: str, cue: Cue) -> tuple[str, str]:
        """报道称 / 该报道称: the document a verb starts with speaks when no other subject does."""
        if cue.word[:2] in _noun_cues() and len(cue.word) > 2 and (
                not subject or subject in _DEMONSTRATIVES or _ONE_OF.search(subject)):  # (路透社的一篇报道说)
            return subject + cue.word[:2], written + self.text[cue.start:cue.start + 2]
        return subject, written

    def _spoke_in_sentence(self, pos: int) -> bool:
        """Whether someone was reported speaking earlier in the sentence at ``pos``."""
        return self.sentence_speaker is not None and self.sentence_speaker[0] == self.sentence_start(pos)

    def _quote_after_colon(self, start: int, end: int) -> Span | None:
        """A whole statement in quotation marks after a colon inside reported content, with no other verb
        of saying before it: the speaker's own words, which end the reported part
        (张海涛姐姐说，弟弟被单独羁押，没有“放风”：“我问海涛…”)."""
        colon = start
        while True:
            colon = min((i for i in (self.masked.find("：", colon, end), self.masked.find(":", colon, end)) if i >= 0),
                        default=-1)
            if colon < 0:
                return None
            span = self.statement_span(colon + 1) if self.masked[colon + 1:colon + 2] in find.OPENERS else None
            if span is not None and _has_han(self.shadow[start:colon], 4):
                i = bisect.bisect_left(self.cue_starts, start)
                # (…，和我说：“…”: a verb of its own before the colon, someone else's words)
                return span if i >= len(self.cues) or self.cues[i].start >= colon else None
            colon += 1

    def _quote_below(self, start: int) -> int:
        """``汪文斌表示：`` ending a paragraph introduces the quotation that opens the next one."""
        if self.masked[start:start + 1] != "\n" or self.masked[start - 1:start] not in ("：", ":"):
            return start
        nxt = start
        while nxt < len(self.masked) and self.masked[nxt].isspace():
            nxt += 1
        return nxt if self.masked[nxt:nxt + 1] in find.OPENERS else start

    def _in_time_clause(self, start: int, after: int) -> bool:
        """Whether the verb only opens a time clause: its words run straight on into a time word
        (赵立坚在宣布制裁决定时表示; 中国宣布实施制裁之际，…) — when, not what, someone said.

        A time word at the clause's end closes the verb's own clause only when what follows the
        verb is a verb phrase (实施制裁之际); a content with a subject of its own (他的副手被监禁后，…,
        移民至台湾后，…) or its own time phrase (表示，今年以来，…; 认为在…之际，…) goes on.
        """
        if start != after:
            return False
        first = self.clause_stop(start, len(self.masked))
        i = bisect.bisect_left(self.cue_starts, start)
        if i < len(self.cues) and self.cues[i].start < first:
            return _ends_in_time_word(self.shadow[start:self.cues[i].start])  # (…决定时表示: another verb says it)
        if not _ends_in_time_word(self.shadow[start:first]):
            return False
        tagged = segment.tagged(self.shadow[start:min(first, start + 8)])
        return bool(tagged) and tagged[0][1].startswith(("v", "d", "x"))

    def _inner_verb_speaks(self, start: int, weak: bool, outer: str, outlet: bool = False) -> bool:
        """Whether the content's first clause is itself a verb of saying that takes over.

        It does when the clause opens with the verb (``谴责初选，形容…``), when a
        weak verb's content goes on with the same speaker (``否认，她称…``) or an outlet reports someone's
        words (``新华社报道，汪文斌说，…``: rules ``report_verbs``; ``路透社说，华春莹指出，…``: rules
        ``media_suffixes``), when the clause is a time
        clause (``宣布上述规定之际，…``) or when it introduces someone's direct
        quote (``指出，黄之锋表示：“…”``).  Otherwise a nested verb stays inside
        the content (``表示，普京曾告诉拜登，…``).
        """
        end = find.sentence_end(self.masked, start)
        first = self.clause_stop(start, end)
        if self.shadow[start:first].endswith(words("time_clauses")):
            # 宣布上述规定之际，X说…: a later verb takes over; 表示，今年以来，…: no verb follows, the content goes on
            j = bisect.bisect_left(self.cue_starts, first)
            return j < len(self.cues) and self.cues[j].start < end
        i = bisect.bisect_left(self.cue_starts, start)
        if i >= len(self.cues) or self.cues[i].start >= first:
            return False
        inner = self.cues[i]
        if inner.start == start or find.connectives().fullmatch(self.masked[start:inner.start]):
            # 谴责初选，形容…, 表示，并补充称…: the verb opens the clause (否认指控，称…: 指控 is what was denied)
            return start == 0 or self.masked[start - 1] in find.CUE_PUNCT
        if self.clause_start(inner.start, start) != start:
            return False
        subject, _, _ = self.subject(inner.start)
        if weak and (not subject or subject in word_set("pronouns")):
            return True  # 否认，她称…: the content's own speaker speaks
        reported = weak and outer.startswith(words("report_verbs")) or (
            outlet and subject and inner.strength != "recipient" and self.masked[inner.end:inner.end + 1] in find.CUE_PUNCT)
        if reported and not _FUTURE.intersection(segment.words(self.shadow[start:inner.start])):
            # 新华社报道，汪文斌在记者会上说，…; 路透社说，华春莹指出，…: whom the outlet quotes (not 红人队将于13日宣布…,
            # an act to come; nor 本网认为，…所长告知马波…, the outlet's view)
            return True
        return self.statement_span(find.content_start(self.masked, inner.end)) is not None

    def _frame(self, cue: Cue) -> bool:
        """``据X报道，…``: X speaks unless the sentence names its own speaker."""
        cs = self.clause_start(cue.start)
        for pattern, kind, label in _frames():
            if kind != "source":
                continue
            m = pattern.match(self.shadow, cs)
            if not m or m.start("cue") != cue.start:
                continue
            start = find.content_start(self.masked, m.end())
            end = find.sentence_end(self.masked, start)
            for inner in self.cues:
                if start <= inner.start < end:
                    subject, _, _ = self.subject(inner.start)
                    if subject:
                        return True
            source, at = _quoted_inside(m.group("speaker"), m.start("speaker"))
            h, e = find.subject_of(source)
            subject = source[h:e]
            res = self.speaker(subject, cue.start)
            if res is None or not _has_han(self.shadow[start:end], 4):
                return True
            end = self._content_end(start)
            self.emit("indirect", start, end, res, self.text[at + h:at + e], label.format(cue=m.group("cue")), 0.7)
            self.claim(start, end)
            return True
        return False

    def _past_recipient(self, cue: Cue) -> tuple[int, str]:
        """``告诉Y，…`` / ``告诉Y称…`` / ``告诉他…``: where the content starts, and the cue label.

        A pronoun (or 记者) told is the whole of Y when a statement follows it at
        once (告诉他上海的月薪更高): the content starts there, not at the comma.
        """
        limit = min(len(self.masked), cue.end + 30)
        told = next((w for w in words("recipients") if self.shadow.startswith(w, cue.end)), "")
        for i in range(cue.end, limit):
            ch = self.masked[i]
            if ch in find.SENTENCE_END:
                return -1, cue.word
            inner = self.cue_at(i)
            if inner is not None and inner.strength != "recipient":
                self.consumed_cues.add(inner.start)
                return inner.end, f"{cue.word}…{inner.word}"
            if inner is not None:
                told = ""  # 告诉我们也告诉这个社会，…: told twice, the content is after both
            if ch in "，,：:":
                if told and self.masked[cue.end + len(told)] not in "的，,：:" and _has_han(self.shadow[cue.end + len(told):i], 6):
                    return cue.end + len(told), cue.word
                return i + 1, cue.word
        return -1, cue.word

    def _content_end(self, start: int) -> int:
        """Where reported content stops: sentence end, a new verb of the same speaker, or the journalist's clause."""
        end = find.sentence_end(self.masked, start)
        m = _content_stop().search(self.shadow, start, end)
        if m and self._complete(start, m.start()):
            end = m.start()  # (not after a lead-in only: 随着产量的提升，该系统有可能…)
        end = self._next_country_says(start, end)
        i = bisect.bisect_left(self.cue_starts, start)
        while i < len(self.cues) and self.cues[i].start < end:
            inner = self.cues[i]
            cs = self.clause_start(inner.start, start)
            if cs > start and self.masked[cs - 1] in "，," and self._complete(start, cs - 1) and self._reports(cs, inner):
                self.split_points.add(inner.start)
                return cs - 1
            i += 1
        return end

    def _next_country_says(self, start: int, end: int) -> int:
        """Where a headline list item's words end at the next country that says something, with no punctuation
        between (俄称击落乌无人机乌称击退俄进攻): that country's verb reports on its own."""
        stop = _CLAUSE_END.search(self.masked, self.para_start(start), end)
        i = bisect.bisect_left(self.cue_starts, start)
        while i < len(self.cues) and self.cues[i].start < end:
            inner = self.cues[i]
            i += 1
            if stop is not None and stop.start() < inner.start:
                return end  # (a list item is one line with no punctuation: 日本…透露，4日驶入…即中国称钓鱼岛 is prose)
            place = next((p for p in (self.shadow[inner.start - 2:inner.start], self.shadow[inner.start - 1:inner.start])
                          if len(p) and kind_of(p) == "country"), "")
            at = inner.start - len(place)
            before = self.shadow[at - 1]
            if place and _has_han(self.shadow[start:at], 4) and before not in _GROUP_STOP and not (
                    before.isdigit() or before in _DAY_WORDS):  # (13日宣布, 今日称: a day, not Japan)
                self._subjects[inner.start] = (place, self.text[at:inner.start], at)
                self.split_points.add(inner.start)
                return at
        return end

    def _until_named_again(self, start: int, end: int, res: Resolution) -> int:
        """Reported content stops at a clause that names its speaker again (他指出…，蓬佩奥敦促中国履行…): the
        journalist goes on about what they did."""
        if res.kind != "person":
            return end
        forms = tuple(f for f, p in self.registry.forms().items() if p.name == res.speaker)
        i = bisect.bisect_right(self.clause_starts, start)
        while forms and i < len(self.clause_starts) and self.clause_starts[i] < end:
            cs = self.clause_starts[i]
            if self.masked[cs - 1] in "，," and self.shadow.startswith(forms, cs) and self._complete(start, cs - 1):
                return cs - 1
            i += 1
        return end

    def _reports(self, cs: int, cue: Cue) -> bool:
        """Whether a later clause is a new act of reporting (并表示…, 他还说…, 俄罗斯强调…).

        Not when it is part of what is reported, with a modal or an adverb
        before the verb (…，就会宣布有关条款).
        """
        clause = self.shadow[cs:cue.start]
        m = find.connectives().match(clause)
        rest = clause[m.end() if m else 0:]
        if find.opens_with_topic(rest):
            return False  # …，如局长曾国卫指称…: an example inside the speech
        subject, _, _ = self.subject(cue.start)
        if subject.startswith("有"):
            return False  # …，日前，甚至有人警告她，…: someone unnamed, inside what the speaker says
        return not _MODAL.search(rest[len(subject):])

    def _complete(self, start: int, end: int) -> bool:
        """Whether reported content so far is a statement, not just lead-ins (根据协议，…; 今年6月，在未征得本人
        同意的情况下，…): some clause of it is more than a time, a topic or a condition (由于某些门店关闭，将会有员工失业)."""
        head = self.shadow[start:end]
        return _has_han(head, 6) and not all(map(_lead_in, _CLAUSE_SPLIT.split(head)))

    def _reverse(self, cue: Cue, res: Resolution, written: str, cue_label: str, confidence: float) -> None:
        """``…，他说。``: the content stands before the speaker (not in a question: …，已经消化了多少通胀预期？)."""
        if self.masked[cue.end:cue.end + 1] in ("？", "?", "：", ":"):
            return  # (…甚至说：⏎…: a colon points to what follows)
        floor = self.para_start(cue.start)
        cs = self.clause_start(cue.start, floor)
        if cs <= floor or self.masked[cs - 1] not in "，,":
            return
        start = self.sentence_start(cs - 1)
        end = cs - 1
        if start >= end or any(start <= c.start < end for c in self.cues) or self.masked[end - 1] in "”」』\"":
            return
        if not _has_han(self.shadow[start:end], 6) or _ends_in_time_word(self.shadow[start:end]):
            return  # (继纳瓦罗之后，白宫持续发声澄清: when, not what)
        self.emit("indirect", start, end, res, written, cue_label, confidence)

    def _follow_on(self, span: Span, res: Resolution, written: str, cue_label: str, confidence: float) -> None:
        """``X说：“A”，“B”`` — a second span straight after the first, same speaker."""
        j = span.close + 1
        while j < len(self.masked) and self.masked[j] in " ，,":
            j += 1
        nxt = self.statement_span(j) if j < len(self.masked) and self.masked[j] in find.OPENERS else None
        if nxt is not None:
            self.claimed_spans.add(nxt.open)
            self.emit("direct", nxt.open + 1, nxt.close, res, written, cue_label, confidence)

    def on_span(self, span: Span) -> None:
        if span.open in self.claimed_spans or span.open < self.claimed_to:
            return
        inner = self.shadow[span.open + 1:span.close]
        if not _has_han(inner, 2):
            return
        if self._speaker_after(span):
            return
        if self._colon_before(span) or self._subject_before(span) or self._colon_in_reported_sentence(span):
            return
        self._continuation(span)

    def _colon_in_reported_sentence(self, span: Span) -> bool:
        """``李先生说，当局以“涉恐”理由抓人，最易让人相信：“…”`` — after a colon in a sentence whose speaker
        has already been found, the quotation is that speaker's."""
        if span.open == 0 or self.masked[span.open - 1] not in "：:" or not span.closed or not _has_han(
                self.shadow[span.open + 1:span.close], 6):
            return False
        if not self.sentence_speaker or self.sentence_speaker[0] != self.sentence_start(span.open):
            return False
        last = self.quotes[-1]  # (the words reported just before go on to the colon: no quotation between)
        between = self.masked[last.end:span.open]
        if last.kind != "indirect" or len(between) > _COLON_REACH or any(m in between for m in (*find.OPENERS, *find.CLOSERS)):
            return False
        res = self.sentence_speaker[1]
        self.claimed_spans.add(span.open)
        self.emit("direct", span.open + 1, span.close, res, res.speaker, "：", 0.6)
        return True

    def _subject_before(self, span: Span) -> bool:
        """``特朗普也庆祝这一数字，“今天的报告证明…。”`` — a whole statement after the sentence's one clause,
        with no verb of saying: the words of the person named as its subject."""
        if span.open == 0 or self.masked[span.open - 1] not in "，," or not span.closed:
            return False
        inner = self.shadow[span.open + 1:span.close].rstrip()
        after = self.masked[span.close + 1:span.close + 2]
        if not (_has_han(inner, 8) and (inner[-1] in "。！？!?…" or after in ("。", "！", "？", "\n", ""))):
            return False
        sentence = self.sentence_start(span.open)
        if self.clause_start(span.open - 1, sentence) != sentence:
            return False  # (only one clause before the quotation: the one that says who)
        head, head_at = self._sentence_subject(sentence, span.open)
        res = self.speaker(head, head_at) if head and self.registry.by_name(head) else None
        if res is None or res.kind != "person" or res.how != "name":
            return False
        self.claimed_spans.add(span.open)
        self.emit("direct", span.open + 1, span.close, res, head, "", 0.6)
        return True

    def _speaker_after(self, span: Span) -> bool:
        """``“…，”X说。`` — attribution after the closing mark."""
        if not span.closed or self.masked.startswith(words("title_markers"), span.close + 1) or self._in_topic_clause(span.open):
            return False  # 以“…”为题发文, 针对外界质疑“…”，谭松直言: a title, what was questioned
        # (“…妈妈对我说：‘戴帽子和手套，’”: the quotation inside ends the sentence)
        inner = self.shadow[span.open + 1:span.close].rstrip().rstrip("’」』\"'")
        j = span.close + 1
        comma = False
        while j < len(self.masked) and self.masked[j] in " ，,":
            comma = True
            j += 1
        if not inner or not (comma or inner[-1] in _STATEMENT_PUNCT):
            return False
        k = self._clause_after(j)
        cue = self._last_cue_in(j, k)  # the verb ending the clause (…在宣布制裁决定时表示)
        if cue is None and self.masked[k:k + 1] in ("，", ",") and _ends_in_time_word(self.shadow[j:k]):
            j = k + 1  # “…，”在金锦赫返回朝鲜后，金珍雅在一则视频中说: when, then who
            k = self._clause_after(j)
            cue = self._last_cue_in(j, k)
        if cue is None or not _has_han(inner, 4):
            return False
        after_cue = find.content_start(self.masked, k)
        closes = k >= len(self.masked) or self.masked[k] in find.SENTENCE_END or self.masked[after_cue:after_cue + 1] in find.OPENERS
        rest = ASIDE.sub("", self.masked[cue.end:k]).strip()  # (“…，”她说（她这时已经两杯红酒下肚），“…”)
        if rest not in ("", "道") and not (cue.strength == "recipient" and (closes or self._verb_opens(after_cue))
                                           and _names_recipient(rest)):
            return False  # (…，”李明告诉记者。: only whom they told follows the verb; not 他告诉我这句话引起了…)
        ends_statement = closes or inner[-1] in _STATEMENT_PUNCT
        if not (ends_statement or _sentence_like(inner)):
            return False  # “延安整风”，中央党校强调，…: the verb introduces what follows
        clause = self.shadow[j:cue.start]
        h, e = find.subject_of(clause, self.names())
        subject, written = self._with_noun(clause[h:e], self.text[j + h:j + e], cue)  # (“…”报告称。)
        if not subject:
            return False
        res = self.speaker(subject, cue.start)
        if res is None:
            return False
        if ends_statement and not (self.masked[cue.end:cue.end + 1] in ("，", ",") and self._unquoted_to_end(after_cue)):
            # (“…，两方就成为利益交换关系”，冯建军表示，过分强调…; 「…。」王园宏说，他也患有…: the verb reports on too,
            # unless another quotation follows in the sentence: “…，”Steven Lee说，他的家人拥有餐厅，“…”)
            self.consumed_cues.add(cue.start)
        # a verb inside who spoke describes them (一位自称胡警官的人对她说): no statement of its own
        self.consumed_cues.update(c.start for c in self.cues[bisect.bisect_left(self.cue_starts, j + h):bisect.bisect_left(self.cue_starts, j + e)])
        self.claimed_spans.add(span.open)
        confidence = 0.85 - _UNCERTAIN.get(res.how, 0)
        self.emit("direct", span.open + 1, span.close, res, written, cue.word, confidence)
        after = find.content_start(self.masked, k)
        nxt = self.statement_span(after) if after < len(self.masked) and self.masked[after] in find.OPENERS else None
        if nxt is not None:
            self.claimed_spans.add(nxt.open)
            self.emit("direct", nxt.open + 1, nxt.close, res, written, cue.word, confidence)
        return True

    def _unquoted_to_end(self, pos: int) -> bool:
        """Whether what follows ``pos`` to the end of its sentence may be reported words: no quotation opens
        there, and it is no note on the speaker or the words (…”他说，他是一名北京的投资者; …”他写道，坚毅桌指的是…)."""
        end = find.sentence_end(self.masked, pos)
        return not any(mark in self.masked[pos:end] for mark in find.OPENERS) and not _APPOSITION.match(self.shadow, pos)

    def _verb_opens(self, pos: int) -> bool:
        """Whether a verb of saying opens the clause at ``pos`` (并称…, 还说…): that clause has its own verb."""
        i = bisect.bisect_left(self.cue_starts, pos)
        return i < len(self.cues) and self.cues[i].start - pos <= 2

    def _last_cue_in(self, start: int, end: int) -> Cue | None:
        """The last verb of saying that starts in ``[start, end)``."""
        i = bisect.bisect_left(self.cue_starts, end) - 1
        return self.cues[i] if i >= 0 and self.cues[i].start >= start else None

    def _clause_after(self, j: int) -> int:
        """Where the clause starting at ``j`` ends: a clause mark, a quotation that opens, or 80 characters on,
        not counting what brackets hold (…大学医院（University Hospital Plymouth NHS Trust）…护士凯特·坦塔姆（Kate Tantam）说);
        a short term in quotation marks is part of the clause."""
        k, length = j, 0
        while k < len(self.masked) and self.masked[k] not in find.CLAUSE_END and length < 80:
            if self.masked[k] in find.OPENERS:
                term = self.span_by_open.get(k)
                if term is None or not term.closed or term.close - k > _TERM_LENGTH + 1:
                    break  # a quotation opens: the clause ends (a short term in marks goes on: 组织“香港民主委员会”发表的)
                k = term.close
            elif self.masked[k] in "（(":
                close = self.masked.find("）" if self.masked[k] == "（" else ")", k, k + 80)
                if close > k:
                    k = close
            k += 1
            length += 1
        return k

    def _colon_before(self, span: Span) -> bool:
        """``X：“…”`` with no verb: only for a known person or a role (a label may stand between: 江启臣：(影片) “…”)."""
        colon = span.open - 1
        before = max(self.masked.rfind(mark, max(0, colon - 8), colon) for mark in "：:")
        label = _MEDIA_LABEL.fullmatch(self.masked, before + 1, span.open) if before >= 0 else None
        if label:
            colon = label.start() - 1
        if colon < 0 or self.masked[colon] not in "：:":
            return False
        floor = self.para_start(span.open)
        cs = self.clause_start(colon, floor)
        if cs == colon and colon > floor and self.masked[colon - 1] in find.CLOSERS:
            cs = self.masked.rfind(find.CLOSERS[self.masked[colon - 1]], max(floor, colon - _TERM_LENGTH - 1), colon - 1)
            if cs != floor:
                return False
            cs += 1  # “立风”：“…”: a name in quotation marks labels the paragraph
            colon -= 1
        clause = self.shadow[cs:colon]
        appeal = next((v for v in words("appeal_verbs") if clause.endswith(v) and len(clause) > len(v)), "")
        clause = clause[:len(clause) - len(appeal)]  # 雷伊呼吁：“…”: the appeal in its own words
        h, e = find.subject_of(clause, self.names())
        subject = clause[h:e]
        if not subject or e != len(clause) and not find.idiom(clause[e:]):
            return False  # (熊婧不置可否：“…”: how she answered may stand between)
        res = self.speaker(subject, span.open)
        if res is None or not (res.kind == "person" or looks_like_name(subject)):
            return False
        self.claimed_spans.add(span.open)
        self.emit("direct", span.open + 1, span.close, res, self.text[cs + h:cs + e], appeal or "：", 0.6)
        return True

    def _continuation(self, span: Span) -> None:
        """A quote standing as its own sentence continues the last speaker, or is the words of the one person
        its paragraph is about."""
        last = self.registry.last_speaker
        para = self.para_of(span.open)
        gone = last is None or para - self.last_quote_para > 2 or (
            para - self.last_quote_para == 2 and not self._only_about(last, para - 1))  # (no speaker it goes on with)
        inner = self.shadow[span.open + 1:span.close]
        before = self.masked[self.paras[para][0]:span.open].rstrip()
        after = _END_NOTE.sub("", self.masked[span.close + 1:self.para_end(span.open)].strip())
        starts = not before or before[-1] in "。！？!?…"
        ends = not after or after[0] in "。！？!?…\n" or self._goes_on_in_paragraph(span, inner)
        if not (starts and ends and _has_han(inner, 8) and any(ch in inner for ch in "，。！？；")):
            return
        person = self._paragraph_person(span) if gone else None
        if gone and person is None:
            return
        self.claimed_spans.add(span.open)
        res = self._sentence_before_names(span) or (self.speaker(person.name, span.open) if person else last)
        self.emit("direct", span.open + 1, span.close, res, "", "", 0.5 if person else 0.55)

    def _paragraph_person(self, span: Span) -> Person | None:
        """The person a paragraph opens with and names alone before a quotation in it (詹姆斯教授从…测量…。在过去的
        几个月中，他看到了…变化。“这些变化是巨大的…”): whose words the quotation is."""
        start = self.para_start(span.open)
        if start == span.open:
            return None
        head = self._clause_head(start)
        form = self.registry.first_form_in(head, starts_within=_NAME_IN_HEAD)
        at = head.find(form) if form else -1
        if at < 0 or "的" in head[:at] or head.startswith("的", at + len(form)):
            return None  # (一张李文亮的朋友圈背景图: the paragraph is about something of theirs)
        person = self.registry.forms()[form]  # (only a name already read: no guess registers one)
        text = self.shadow[start:span.open]
        if any(known in text for known, other in self.registry.forms().items() if other is not person):
            return None  # (someone else is named there too)
        return person

    def _sentence_before_names(self, span: Span) -> Resolution | None:
        """The person who appeals in the sentence just before a quotation, in its paragraph or the one
        before (王卓妍再度呼吁渥太华…。“我们应该…”: rules ``appeal_verbs``): theirs, not the last speaker's."""
        start = self.sentence_start(span.open - 1) if span.open > 0 else 0
        sentence = self.masked[start:span.open]  # (an appeal inside quotation marks is someone's words)
        if not any(verb in sentence for verb in words("appeal_verbs")):
            return None
        person = self.registry.person_in_clause(self._clause_head(start))
        return self.speaker(person.name, start) if person is not None else None

    def _goes_on_in_paragraph(self, span: Span, inner: str) -> bool:
        """Whether a sentence in quotation marks, with the journalist's text after it, goes on with the words of
        the one who spoke last in the same paragraph, no one else named since (汪文斌說，…。根據…公約，美方不得…。
        「中方將就此作出正當和必要反應。」美國政府要求…)."""
        last = self.quotes[-1] if self.quotes else None
        if last is None or not inner.rstrip().endswith(("。", "！", "？", "!", "?")):
            return False
        if self.para_of(last.start) != self.para_of(span.open) or last.end > span.open:
            return False
        between = self.shadow[last.end:span.open]
        speaker = self.registry.by_name(last.speaker) if last.speaker else None
        return not any(form in between for form, person in self.registry.forms().items() if person is not speaker)

    def _only_about(self, res: Resolution, para: int) -> bool:
        """Whether a paragraph between a speaker's quotations tells of that person and no one else
        (李孝琳追求打击网络性罪行的决心更明确。 between two of her quotations): her words go on after it."""
        if res.kind != "person":
            return False
        text = self.shadow[self.para_starts[para]:self.paras[para][1]]
        people = {id(p) for form, p in self.registry.forms().items() if form in text}
        person = self.registry.by_name(res.speaker)
        if person is None:
            return False
        return people == {id(person)} or not people and text.startswith(pronouns_of("person"))


def extract(text: str, title: str = "") -> list[Quote]:
    """Every quotation in an article: the headline's first, then the body's in reading order."""
    reader = _Reader(text)
    body = reader.run()
    quotes = (_headline(reader.registry, title, {q.speaker for q in body}) if title else []) + body
    roles = {person.name: person.roles for person in reader.registry.people}
    for q in quotes:
        q.known_roles = [reader.as_written(r) for r in roles.get(simplified(q.speaker), [])]
    return quotes


_NOMINAL_TAGS = ("n", "j", "eng", "x", "nr", "ns", "nt", "nz")


def _names_them(prefix: str) -> bool:
    """What may stand before a headline's speaker: a role or a description (“红色新闻兵”, 上海), 专访…;
    not a phrase about them (恶搞特朗普, 寻找汤兰兰, 被禁忌的李志)."""
    if is_role_or_empty(prefix) or prefix.startswith(words("interview_markers")):
        return True
    tagged = segment.tagged(prefix.strip("“”「」『』\"'"))
    return "、" not in prefix and bool(tagged) and tagged[-1][1].startswith(_NOMINAL_TAGS)


def _headline(registry: Registry, title: str, speakers: set[str]) -> list[Quote]:
    """``俄防长：部分军演即将结束`` — a headline that quotes a speaker (paragraph 0).

    The part before the colon must be someone: a person, an organisation or a
    speaker of the article, named alone or after a role (not a topic label
    such as ``气候变化：`` or ``早报：``, nor a phrase that ends with a name,
    ``恶搞特朗普：``).
    """
    registry.scan(simplified(title))
    out = []
    pos = 0
    for segment in re.split(r"(\s+[–—-]\s+|\s+)", title):
        m = _HEADLINE.match(simplified(segment))
        if m and _has_han(m.group("y"), 4) and m.group("x").strip() not in word_set("headline_labels"):
            res = registry.resolve(m.group("x"))
            if res is not None and (res.kind != "unknown" or res.speaker in speakers) and _names_them(res.role):
                start = pos + m.start("y")
                out.append(Quote("direct", start, pos + len(segment), title[start:pos + len(segment)], res.speaker,
                                 segment[:m.end("x")], res.role, "：", 0, 0.5, res.kind))
        pos += len(segment)
    return out
