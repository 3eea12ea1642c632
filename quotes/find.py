"""Stage 3 — find quotations: quote-mark spans and speech cues.

Everything here works on the simplified *shadow* of the article text (same
length as the text, see :mod:`quotes.script`), so offsets are shared.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from . import segment
from .rules import alternation, chars, table, word_set, words
from .speakers import GENERIC_DESCRIPTIONS, STRANDED_PREPOSITIONS, adverb_surname_name, korean_zai


OPENERS = {"“": "”", "「": "」", "『": "』", '"': '"'}
CLOSERS = {v: k for k, v in OPENERS.items()}
MASK = "\u25a1"  # stands for every character inside a quote span
SENTENCE_END = "。！？；!?;\n"
CLAUSE_END = SENTENCE_END + "，,：:"
# After a cue, the content may start behind this much punctuation.
CUE_PUNCT = "：:，, \t"
MAX_SPAN = 6000
# Bounds on how far the matcher looks, so that its work per cue is bounded.
MAX_CLAUSE = 200
MAX_SENTENCE = 1000
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")
_MARK = re.compile('[“”「」『』"]')
_CLOSE_BRACKETS = {"）": "（", ")": "("}
# A verb followed by one of these is used as a noun or in a time clause.
_NOT_AFTER_CUE = set("了着著过的后时前中为")  # (著: 說著 in traditional script)
_PERFECTIVE = set("了过")  # aspect after a verb of saying that still reports, before a comma or colon (说过，)


def _particle_at(masked: str, pos: int) -> bool:
    """Whether the character at ``pos`` stands alone as a word (宣布|后, 说|了), not as the start of one (中国, 时间)."""
    words = segment.words(masked[pos:pos + 4])
    return bool(words) and len(words[0]) == 1


def _purpose_at(masked: str, pos: int) -> bool:
    """Whether 为 at ``pos`` opens a purpose clause, a verb after it and a comma soon (表示为避免争议扩散，…),
    not a name or a kind it gives (宣布为…, 预期为减少71万桶)."""
    comma = re.search("[，,]", masked[pos:pos + 14])
    tagged = segment.tagged(masked[pos:pos + 6]) if comma else []
    return len(tagged) > 1 and tagged[1][1].startswith("v")


@dataclass
class Span:
    """Text between quote marks: ``open``/``close`` index the marks themselves."""

    open: int
    close: int  # index of the closing mark, or of the paragraph end if unclosed
    closed: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of ``text`` (paragraphs are lines)."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def quote_spans(shadow: str) -> list[Span]:
    """Outermost quote spans, never crossing a paragraph unless continued.

    A span left open at the end of a paragraph continues into the next one
    when that paragraph opens with the same mark (the convention for a
    quotation running over several paragraphs); otherwise it stops at the
    paragraph end, so an unbalanced mark never swallows the article.
    """
    spans: list[Span] = []
    pending: Span | None = None
    pending_mark = ""
    for start, end in paragraphs(shadow):
        line = shadow[start:end]
        if pending is not None:
            if line.startswith(pending_mark) and start - pending.open < MAX_SPAN:
                stack = [pending_mark]
                first = pending
            else:
                spans.append(pending)
                stack, first = [], None
            pending = None
        else:
            stack, first = [], None
        straight_ok = line.count('"') % 2 == 0
        for m in _MARK.finditer(line):
            i, ch = m.start(), m.group()
            pos = start + i
            if first is not None and i == 0:
                continue
            if ch == '"':
                if not straight_ok:
                    continue
                if stack and stack[-1] == '"':
                    stack.pop()
                    if not stack and first is not None:
                        spans.append(Span(first.open, pos, True))
                        first = None
                    continue
                stack.append('"')
                if len(stack) == 1:
                    first = Span(pos, pos, False)
                continue
            if ch == "“" and stack == ["“"] and line.count("“", i) > line.count("”", i):
                ch = "”"  # “…不可忽略，“赵金鑫指出, “中国人权“的: an opening mark typed where the closing one belongs (more open after it than close)
            if ch in OPENERS:
                stack.append(ch)
                if len(stack) == 1:
                    first = Span(pos, pos, False)
            else:
                mark = CLOSERS[ch]
                if mark in stack:
                    while stack and stack.pop() != mark:
                        pass
                    if not stack and first is not None:
                        spans.append(Span(first.open, pos, True))
                        first = None
        if stack and first is not None:
            pending = Span(first.open, end, False)
            pending_mark = shadow[first.open]
    if pending is not None:
        spans.append(pending)
    return spans


def mask_spans(shadow: str, spans: list[Span]) -> str:
    """The shadow with every span's inside replaced by :data:`MASK`.

    Cue scanning and sentence splitting run on this string, so a verb or a
    full stop inside quoted words is never taken for the journalist's.
    Newlines are kept so paragraph boundaries stay visible.  A closing
    mark typed as an opening one (…不可忽略，“赵金鑫指出) is the closing
    mark here, so that the clause after it starts there.
    """
    pieces, done = [], 0
    for span in sorted(spans, key=lambda s: s.open):
        start = max(span.open + 1, done)
        if span.close > start:
            pieces.append(shadow[done:start])
            pieces.append("\n".join(MASK * len(line) for line in shadow[start:span.close].split("\n")))
            done = span.close
            if span.closed and shadow[span.close] in OPENERS and shadow[span.open] in OPENERS:
                pieces.append(OPENERS[shadow[span.open]])
                done += 1
    pieces.append(shadow[done:])
    return "".join(pieces)


@dataclass
class Cue:
    """A speech verb in the text: ``start``/``end`` cover the verb and its suffix."""

    start: int
    end: int
    word: str
    strength: str


@cache
def _verb_strength() -> dict[str, str]:
    return {row["word"]: row["strength"] for row in table("verbs")}


@cache
def _cue_regex() -> re.Pattern:
    verbs = alternation("verbs")
    return re.compile(rf"(?:{verbs})(?:说|道|称|表示)?")


@cache
def _blocked() -> dict[str, tuple[tuple[int, re.Pattern], ...]]:
    """verb → (offset of the verb inside them, pattern) of the non-cue compounds holding it (据说, 小说 …):
    one pattern per offset, so a match is tested with a few matches instead of one per compound."""
    out: dict[str, dict[int, list[str]]] = {}
    for compound in words("not_cues"):
        for verb in words("verbs"):
            k = compound.find(verb)
            if k >= 0:
                out.setdefault(verb, {}).setdefault(k, []).append(compound)
    return {verb: tuple((k, re.compile("|".join(map(re.escape, compounds)))) for k, compounds in by_offset.items())
            for verb, by_offset in out.items()}


@lru_cache(maxsize=1024)
def _base_verb(word: str) -> str:
    """The verb a matched cue starts with (补充说 → 补充)."""
    return next(v for v in words("verbs") if word.startswith(v))


@cache
def _not_speech_object() -> re.Pattern:
    objects = alternation("not_speech_objects")
    return re.compile(rf"(?:{alternation('degree_adverbs')}|深深的?|一定的?|很大的?)?(?:的)?(?:{objects})(?=$|[，。；！？,;、和与及并但]|\s)")


@cache
def _language_spoken() -> re.Pattern:
    """说 + a language and a clause end (说突厥语，): the verb names what someone speaks, not what they said."""
    return re.compile(rf"[\u4e00-\u9fff]{{1,4}}?(?:{alternation('languages')})(?=$|[，。；！？,;、和与及并但]|\s)")


# X来说 is "for X" (对年轻人来说, 理想来说), except where 来 ends a word of its own (后来说, 本来说, 站出来说, 坐下来说)
_FOR_SOMEONE = re.compile("(?:^|[^后原本从向历近下出起回过])来(?=说)")


@cache
def _taken_as_noun() -> re.Pattern:
    """A verb that takes the next speech verb as its object (引发各方批评, 遭到国会两党议员反驳), with up
    to six characters of who between, ending where the speech verb starts; not across a time word or
    an adverb, after which the speech verb has a subject of its own (受到热烈欢迎后表示)."""
    return re.compile(rf"(?:{alternation('noun_takers')})了?(?:(?![后时并也还又再就便即])[\u4e00-\u9fff]){{0,6}}$")


def _after_a_quotation(masked: str, at: int) -> bool:
    """Whether the clause holding ``at`` opens right after a closing quotation mark (“…”孙元文向记者分析。)."""
    i = at - 1
    while i >= 0 and at - i <= 30 and masked[i] not in CLAUSE_END and masked[i] not in CLOSERS:
        i -= 1
    return i >= 0 and masked[i] in CLOSERS


def _word_across(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the word jieba reads around ``start`` ends, and where the word after it ends, when that word
    begins before ``start`` and ends inside ``[start, end)``; (0, 0) when no word runs into the span so."""
    if start == 0:
        return 0, 0
    lo = max(0, start - 3)
    pos = lo
    tokens = segment.words(text[lo:end + 3])
    for i, word in enumerate(tokens):
        if pos < start < pos + len(word):
            after = pos + len(word)
            return (after, after + len(tokens[i + 1]) if i + 1 < len(tokens) else after) if after < end else (0, 0)
        pos += len(word)
    return 0, 0


def _straddles(text: str, start: int, end: int) -> bool:
    """Whether a compound found at ``[start, end)`` begins inside a longer word: then it is no word
    (数据|称 holds no 据称; 科幻小说 still holds 小说)."""
    return _word_across(text, start, end)[0] > 0


def _split_at(text: str, start: int, end: int) -> int:
    """Where a verb found at ``[start, end)`` splits, when jieba reads its first part as the end of a longer
    word and its last part as the start of another (签证|实施): 0 when it is a word of its own."""
    after, next_end = _word_across(text, start, end)
    return after - start if after and next_end > end else 0


def find_cues(masked: str) -> list[Cue]:
    """Every speech verb outside quote spans that is used as a verb of saying."""
    strength = _verb_strength()
    out: list[Cue] = []
    blocked = _blocked()
    nouns = word_set("noun_markers")
    for m in _cue_regex().finditer(masked):
        start, word = m.start(), m.group()
        base = _base_verb(word)
        if any((c := pattern.match(masked, start - k)) and not (c.end() - c.start() == 2 and _straddles(masked, c.start(), c.end()))
               for k, pattern in blocked.get(base, ()) if start - k >= 0):  # (数据|称, 发言人|称: no 据称, 人称 there)
            if word == base or word[len(base):] not in strength:
                continue
            start, word = start + len(base), word[len(base):]  # 文汇报称: the compound is no verb, the verb after it is
            base = word
        split = _split_at(masked, start, m.end()) if len(base) == 2 and word == base else 0
        if split:  # 签证|实施 holds no 证实; 赵立坚|称: the verb after the word is the cue
            if word[split:] not in strength:
                continue
            start, word = start + split, word[split:]
            base = word
        if word == "说" and _FOR_SOMEONE.match(masked, max(0, start - 2)):
            continue  # (对)年轻人来说, 理想来说, 从…角度来说: "for", not "said"
        end = m.end()
        nxt = masked[end:end + 1]
        if nxt in _PERFECTIVE and masked[end + 1:end + 2] in ("：", ":", "，", ","):
            end, word, nxt = end + 1, word + nxt, masked[end + 1]  # 特朗普说过，“…”; 他说了：…: the verb with its aspect
        if start > 0 and masked[start - 1] in nouns and word != base and word[len(base):] in strength:
            start, word = start + len(base), word[len(base):]  # 这份报告称: a noun (报告), then the verb (称)
            base = word
        elif (start > 0 and masked[start - 1] in nouns and not (masked[start - 1] == "的" and idiom(masked[start - 5:start - 1]))
              or nxt in _NOT_AFTER_CUE and _particle_at(masked, end) and not (nxt == "为" and _purpose_at(masked, end))):
            continue  # 发出了警告, 通报了其要求, 指出的表态, 宣布后: not a verb of saying here (表示中国…, 说时间…: it is;
            # 一针见血的指出: 的 written for 地 after an idiom)
        if strength[base] == "weak" and word == base and nxt not in CUE_PUNCT.strip() and not (
                nxt in "。\n" and _after_a_quotation(masked, start)):
            continue  # 提到了冲突: a weak verb reports speech only before a comma or colon, or after a quotation (“…”X分析。)
        if base in ("表示", "表明") and _not_speech_object().match(masked, end):
            continue
        if word == "说" and _language_spoken().match(masked, end):
            continue
        if _taken_as_noun().search(masked, max(0, start - 8), start):
            continue  # 引发各方批评，…: what an event drew, not what someone said
        title = masked.rfind("《", max(0, start - _TITLE_REACH), start)
        if title >= 0 and masked.find("》", title, start) < 0 and masked.find("》", start, start + _TITLE_REACH) > 0:
            continue  # Doja Cat的《这样说》: a word in a title
        if out and out[-1].end == start:
            if nxt in CUE_PUNCT.strip():  # 通报指出，…: two verbs of saying, one cue
                out[-1] = Cue(out[-1].start, end, out[-1].word + word, out[-1].strength)
            continue  # 认为补充维生素D, 重申承诺: right after a verb of saying, what it says
        out.append(Cue(start, end, word, strength[base]))
    return out


def cue_within(cue: Cue, k: int) -> Cue | None:
    """The verb of saying that ends a cue's word after its first ``k`` characters (赵立|坚称 → 称: the
    characters before it end a name), or None."""
    word = cue.word[k:]
    strength = _verb_strength()
    base = next((v for v in words("verbs") if word.startswith(v)), "")
    return Cue(cue.start + k, cue.end, word, strength[base]) if base else None


def content_start(masked: str, pos: int) -> int:
    """Skip the punctuation between a cue and what was said."""
    while pos < len(masked) and masked[pos] in CUE_PUNCT:
        pos += 1
    return pos


def clause_start(masked: str, pos: int, floor: int) -> int:
    """Start of the clause that ends at ``pos`` (not before ``floor``).

    Brackets are stepped over whole: the comma in ``王欣（Xin Wang，音译）``
    does not start a clause.  No clause is longer than :data:`MAX_CLAUSE`,
    which keeps the extractor linear on text without punctuation.
    """
    floor = max(floor, pos - MAX_CLAUSE)
    i = pos - 1
    while i >= floor and masked[i] not in CLAUSE_END and masked[i] not in "”」』\"":
        if masked[i] in _CLOSE_BRACKETS:
            j = masked.rfind(_CLOSE_BRACKETS[masked[i]], floor, i)
            if j >= 0 and i - j < 60:
                i = j
        i -= 1
    return i + 1


def sentence_end(masked: str, pos: int) -> int:
    """Index of the end of the sentence containing ``pos`` (exclusive; at most :data:`MAX_SENTENCE` on)."""
    m = _SENTENCE_END.search(masked, pos, pos + MAX_SENTENCE)
    return m.start() if m else min(len(masked), pos + MAX_SENTENCE)




_GLUED_FREQ = 50


HAN = regex.compile(r"\p{Han}")
HAN_RUN = regex.compile(r"\p{Han}+")
CALENDAR_DATE = re.compile(r"[0-9０-９一二三四五六七八九十]+[月日号]|[0-9０-９]{4}年")
# (今（1）日, 昨（30日）, 今(1)晚: Taiwanese and Hong Kong papers' "today, the 1st")
RELATIVE_TIME = re.compile(r"[几数两三]个?(?:天|日|周|星期|月)[后前]")  # (CGTN几天后在官网刊登…, 两周前金正恩…)
_DATE = re.compile(CALENDAR_DATE.pattern + r"|当地时间|[上本下]周[一二三四五六日天末]?|[上本下这]个?星期[一二三四五六日天]?"
                   r"|[今昨前明][天日晚早午]?\s*[（(]\s*[0-9０-９]{1,2}\s*[日号]?\s*[)）]|" + RELATIVE_TIME.pattern)
LEADING_PHRASE = re.compile(r"^(?:(?:在|于|当(?!时)|据)[^，]{1,30}?(?:下方|上方|中|上|时|后|前|期间|之际|里|下|之后|以来)"
                            r"|[0-9０-９一二两三四五六七八九十几数]+个?多?(?:周|天|日|月|年|星期|小时)(?:以?前|之前|后|之后)"
                            r"|[0-9０-９]{4}(?:以?前|之前|以后|之后))")  # (2007之后已第二次接任…的默克尔)


def opens_with_topic(clause: str) -> bool:
    """Whether a clause opens with a topic or condition marker (对于…, 自2016年起, 如果…, 据估计), read as a
    word: 自己, 自由亚洲电台 and 如今 open with a marker's character but are subjects or times."""
    if not clause.startswith(words("topic_markers")):
        return False
    tagged = segment.tagged(clause[:8])
    first, tag = tagged[0]
    marker = next(w for w in words("topic_markers") if clause.startswith(w))
    if len(marker) >= 2 and marker in itertools.accumulate(w for w, _ in tagged):
        return True  # 相较|美国总统: the tagger splits the marker (相|较), but no word runs past it
    return first in word_set("topic_markers") or first.startswith("据") or tag in ("p", "c")


@cache
def connectives() -> re.Pattern:
    alts = alternation("connectives")
    return re.compile(rf"^(?:(?:{alts})\s*)+")


_ISRAEL = ("军", "方", "国防军", "媒", "官员")  # after 以 (Israel): 以军称, 以方表示


@cache
def _publishing_verbs() -> tuple[str, ...]:
    """Two-character verbs of rules ``cut_words`` that take a document (发表, 发布): 发表声明 opens no subject."""
    return tuple(row["word"] for row in table("cut_words") if row["kind"].startswith("verb") and len(row["word"]) == 2)


def _adverbial(tokens: list[str], index: int, cut_set: frozenset[str]) -> bool:
    """Whether the word at ``index`` qualifies what follows as an adverb: a cut word or a verb comes next
    (彭定康最新|在接受访问时), not a noun it describes (这份最新的时间线, 一份最新报告)."""
    nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
    return nxt in cut_set or bool(nxt) and segment.tagged(nxt)[0][1].startswith("v")


@cache
def _cut_words_of(kind: str) -> tuple[str, ...]:
    """The cut words of one kind: ``preposition`` (after 的 one begins a modifier of the noun: …的在美中国留学生),
    ``conjunction`` (they end a subject after it, 美国既然…, but a clause that opens with one, 虽然承认…, holds a
    condition, not a subject left out), ``time`` (近日|英国…: when, before a named subject)."""
    return tuple(row["word"] for row in table("cut_words") if row["kind"] == kind)


@cache
def _body_with_与() -> re.Pattern:
    """与 inside a body's name that a role follows (国家反谍报与安全中心(…)主任…): no preposition there."""
    return re.compile(rf"与[\u4e00-\u9fff]{{1,10}}?(?:{alternation('org_suffixes')})(?:[（(][^）)]*[）)])?[\u4e00-\u9fff]{{0,2}}?"
                      rf"(?:{alternation('roles')})")  # (…研究所(…)联席主任: a word before the role)


@cache
def _field_with_与() -> re.Pattern:
    """与 joining two fields before a role held in them (技术与运营管理副教授): no preposition there."""
    return re.compile(rf"(?<=[\u4e00-\u9fff])与[\u4e00-\u9fff]{{1,8}}?(?:{alternation('field_roles')})")


@cache
def _roles_opening_with_cut_words() -> tuple[str, ...]:
    """Roles that open with a cut word (特别代表: 特别 is 'especially' elsewhere): a cut there would split the role."""
    return tuple(r for r in words("roles") if r.startswith(words("cut_words")) and r not in word_set("cut_words"))


_DESCRIBED_PRONOUN = re.compile(r"的(他们|她们|他|她)")


def subject_of(clause: str, names: tuple[str, ...] = ()) -> tuple[int, int]:
    """(start, end) of the subject at the head of a clause that ends at its verb.

    Leading connectives (并, 但, 与此同时 …) are skipped; the subject then runs
    up to the first time word, preposition or adverb (rules ``cut_words``) that
    starts a word (jieba's segmentation tells where words start), so
    ``美国国家安全委员会周三在一份声明中`` gives ``美国国家安全委员会``.
    A known name is never cut (``曾国卫`` starts with the adverb 曾).
    """
    # 金锦赫返回朝鲜——韩国官员说: one dash ends a clause (a pair sets off an aside: 詹姆斯——…——表示; in a
    # title it is the title's: 在《我没有敌人——我的最后陈述》中说)
    dash = clause.find("——")
    head = dash + 2 if clause.count("——") == 1 and clause.rfind("《", 0, dash) <= clause.rfind("》", 0, dash) else 0
    m = connectives().match(clause, head)
    joined = m is not None
    if m:
        head = m.end()
    if clause.endswith("所"):  # 正如苏特尔所(说), 该判决如鲍文德所(称): "as X said", X after the last "as"
        at = max((clause.rfind(w) + len(w) for w in words("comparisons") if w in clause), default=-1)
        if at >= head or segment.words(clause[-4:])[-1] == "所":  # (Palmerston所說「…」: 所 is the verb's; 研究所 a name)
            head, clause = max(head, at), clause[:-1]
    m = LEADING_PHRASE.match(clause, head)
    if m and m.end() < len(clause):
        head = m.end()
    while (m := CALENDAR_DATE.match(clause, head) or RELATIVE_TIME.match(clause, head)) and m.end() < len(clause) and clause[m.end()] != "的":
        head = m.end()  # 10月3日王毅也向布林肯表示, 两周前金正恩…: the date before the subject
    first = segment.words(clause[head:head + 6])[:1]
    if first and first[0] in _cut_words_of("time") and _named_at(clause[head + len(first[0]):]):
        head += len(first[0])  # 近日|英国国家网络安全中心警告: a time word before a named subject
    body = clause[head:]
    cut = len(body)
    if opens_with_topic(body):
        return head, head  # 对于…, 随着…: a topic or condition, not a subject
    pos = 0
    cuts, cut_set = words("cut_words"), word_set("cut_words")
    tokens = segment.words(body)
    if tokens and (speech_verb(tokens[0]) or joined and len(tokens[0]) == 1 and tokens[0] in word_set("verbs")) and (
            tokens[0] not in word_set("documents")) and not (len(tokens) > 1 and tokens[1] in GENERIC_DESCRIPTIONS):
        # (批评人士说: the verb names a kind of people, who speak)
        # 谈到…时表示: the clause opens with a verb (not 分析人士, 报道), its subject left out; after 并 a one-character
        # verb of saying is one whatever its tag (并指这些官员认为…)
        return head, head
    if tokens and tokens[0] in word_set("passive_markers") and body.endswith(("时", *words("time_clauses"))):
        return head, head  # 被问到时间表的时候说: when asked, the subject left out
    if tokens and tokens[0].startswith(_publishing_verbs()) and tokens[0][2:] in word_set("documents"):
        return head, head  # 发表声明表示: jieba reads the verb and its document as one word; the subject is left out
    manner = _manner_at(body, tokens)
    if manner is not None:
        body = body[:manner]  # 王毅面带微笑地|表示: how they spoke is no part of who spoke
        tokens = segment.words(body)
        cut = len(body)
    ends = set(itertools.accumulate(len(t) for t in tokens))
    bracketed = _inside_brackets(body)
    inside = _inside_names(body) | _inside_chinese_names(body, names) | bracketed
    if "与" in body:
        inside |= {m.start() for m in _body_with_与().finditer(body)} | {m.start() for m in _field_with_与().finditer(body)}
    taken = len(tokens)  # how many tokens the subject keeps
    for index, token in enumerate(tokens):
        if pos > 0 and body[pos - 1] in "和与及、":
            pos += len(token)  # 姜超和于博: after a conjunction a name begins, whatever its first character
            continue
        if (body.startswith(cuts, pos) and not (names and body.startswith(names, pos)) and pos not in inside
                and not (pos > 0 and body[pos - 1] == "的" and body.startswith(_cut_words_of("preposition"), pos))  # (…姓名的|在美中国留学生Kim)
                and not body.startswith(_roles_opening_with_cut_words(), pos)
                and not (pos == 0 and body.startswith(_cut_words_of("conjunction")))
                and not (token == "最新" and not _adverbial(tokens, index, cut_set))) and (  # (一份最新|报告: the report's)
            any(pos + n in ends and body[pos:pos + n] in cut_set for n in _cut_lengths())  # whole words: 较|早前, not 正|在
            # jieba sometimes glues a preposition to a name (向普京); real words (对外, 就职) are frequent
            or (pos > 0 and len(token) > 1 and segment.frequency(token) < _GLUED_FREQ and _glued(token, cuts))
        ):
            cut, taken = pos, index
            break
        pos += len(token)
    if cut == 0 and body.startswith("以") and (body.startswith(_ISRAEL, 1) or body.startswith(words("roles"), 1)):
        cut, taken = len(body), len(tokens)  # 以总理, 以军: 以 for Israel, not the preposition
    if body[cut:] in STRANDED_PREPOSITIONS:
        cut, taken = len(body), len(tokens)  # 陈祖为|说: a preposition with no object before the verb ends a name
    modal = _modal_length(tokens[:taken], names)
    if modal < cut:
        cut -= modal  # 拉夫罗夫也许会说: 也许 and 会 stand before the verb
    if cut == 1 and len(body) <= 3 and body[0] in chars("surnames"):
        cut = len(body)  # 李在明表示: a three-character name that holds a cut word, not 李 + 在…
    elif cut >= 2 and cut + 2 == len(body) and korean_zai(body[cut - 1:]) and body[:cut - 1].endswith(words("roles")):
        cut = len(body)  # 其辩护律师金在莲表示: after a role, a Korean name holding 在
    elif cut == 0 and 2 <= len(body) <= 3 and adverb_surname_name(body):
        cut = len(body)  # 曾焕平称: a surname that is also an adverb, and no common word after it (曾多次表示)
    m = _DATE.search(body, 0, cut + 2)  # a date may start just before a cut word (上|周日)
    if m and m.start() < cut:
        cut = m.start()
    opener = (cut <= 1 and body[:cut] not in word_set("pronouns") and not body.startswith("以")  # (以她的方式: how, not who)
              or bool(_QUANTIFIER.fullmatch(body[:cut])) or body[cut:cut + 1] == "为" and bool(_COUNTED.match(body))
              or cut > 0 and tokens[0] in ("正在", "正")  # (正在丹麦访问的…蓬佩奥: what they are doing, then who)
              or _TITLE_ONLY.fullmatch(body[:cut]) is not None)  # (《香港人权及民主法案》在美国的重要推手…朱牧民)
    counted = _QUANTIFIER.match(body)
    if (counted and counted.end() < cut and body[cut:cut + 1] in tuple("与和及同跟") and "的" in body[cut:]
            and segment.tagged(body[counted.end():cut])[0][1].startswith("v")):
        cut = len(body)  # 多位研究中国法律与政治的学者: a count, a clause with 与 in it: the people it counts, whole
    opener = opener or _adverbial_word(body[:cut])  # (终其一生|都没有离开家乡的大哲学家康德)
    if (opener or _opens_with_verb(body[:cut])) and "的" in body[cut:]:
        # 人在英国的罗冠聪在脸书上, 带着婴孩投票的市民冯小姐: the noun after the (last) relative clause, unless
        # that is a place inside a phrase (…工作的魏金宝在写给孩子的信中: 魏金宝, not 信中); a pronoun before
        # the cut is the subject itself (他没有向她提供…的细节), a count is not (一位在北京…的业内人士); after a verb
        # (就职于某电厂的技术员杨先生) only a noun that names a speaker, not 就职于…的政策
        # (华盛顿（制宪会议的主持者）: an aside's 的 relates nothing in the clause)
        for rel in sorted((i + 1 for i, ch in enumerate(body) if ch == "的" and i >= cut and i not in bracketed), reverse=True):
            h, e = subject_of(body[rel:], names)
            noun = body[rel + h:rel + e]
            if e > h and not (rel + e == len(body) and body.endswith(("中", "上", "里", "内"))) and (
                    opener or noun.endswith(speaker_nouns()) or names and noun.endswith(names)):
                return head + rel + h, head + rel + e
    pronoun = _DESCRIBED_PRONOUN.search(body, 0, cut)
    if pronoun and pronoun.end() == cut:
        return head + pronoun.start(1), head + cut  # 如今已是阿肯色州商务部长的他: a description, then who
    end = head + cut
    with_whom = _WITH_WHOM.search(clause, head, end)
    if with_whom and with_whom.start() > head:
        end = with_whom.start()  # 白松岩和他开玩笑说: with whom someone spoke is no part of who
    while end > head and clause[end - 1] in " 的等（(":
        end -= 1
    return head, end


def before_own_verb(subject: str) -> int:
    """The length of a verb's subject without a verb of saying it ends in (中国否认|指控，称…, 路透社分析|认为:
    the verb before the verb is no part of who), unless that verb is a noun it governs or counts."""
    if not subject.endswith(_subject_verbs()) or subject.endswith(words("not_cues")):  # (文汇报: no verb in it)
        return len(subject)  # (one test in C for the usual subject, which ends in no verb)
    verb = next((v for v in _subject_verbs() if subject.endswith(v) and _verb_ends(subject[:-len(v)])), "")
    return len(subject) - len(verb)


_COUNT = re.compile(r"(?:[一二两三四五六七八九十几数多许]+[项些个位名份篇种]?|一些|部分|有)$")


def _verb_ends(rest: str) -> bool:
    """Whether a verb of saying after ``rest`` is the subject's own verb, not a noun it governs or counts
    (作出回应, 外交部的回应, 一项估计, 有分析)."""
    if len(rest) < 2 or rest.endswith(("的", *words("noun_takers"))) or _COUNT.search(rest):
        return False
    tagged = segment.tagged(rest)
    return not (tagged and tagged[-1][1].startswith("v"))  # (作出|回应, 予以|否认: a verb's object)


@cache
def _subject_verbs() -> tuple[str, ...]:
    """Verbs of saying that are no nouns (rules ``verbs`` less ``documents``): ending a subject, they are its verb."""
    return tuple(v for v in words("verbs") if v not in word_set("documents") and len(v) > 1)


def _glued(token: str, cuts: tuple[str, ...]) -> bool:
    """Whether a rare token is a cut word glued to a word (向|普京, 发表|声明, 在|讲话中), not a word of its
    own that starts like one (自贸区: 贸区 is no word)."""
    rest = token[max(len(w) for w in cuts if token.startswith(w)):]
    return bool(rest) and (segment.frequency(rest) >= _GLUED_FREQ or len(segment.words(rest)[0]) >= 2)


_TITLE_ONLY = re.compile(r"《[^》]+》")
_TITLE_REACH = 30  # how far a title in 《》 may run on either side of a verb inside it
_WITH_WHOM = re.compile(r"[和跟与同](?:他|她|我)们?$")
_COUNTED = re.compile(r"[一二两三四五六七八九十几数多]+[位名个]")  # 一位网名为“…”的新浪网友: a count, not 这位 (这位前顾问为自己…)
_QUANTIFIER = re.compile(r"(?:[这那该另又]|其中)?[一二两三四五六七八九十几数多]*[位名个批些]")  # 一位, 两名, 其中一名


@cache
def speaker_nouns() -> tuple[str, ...]:
    """Words that end a noun naming someone who may speak: roles (教授, 发言人), kinds of people (人士, 先生)."""
    return tuple(words("roles")) + tuple(words("groups")) + GENERIC_DESCRIPTIONS + ("小姐", "员")


def _opens_with_verb(text: str) -> bool:
    """Whether jieba tags the first word a verb (就职于…的…: a relative clause, not a subject)."""
    tagged = segment.tagged(text) if text else []
    return bool(tagged) and tagged[0][1] == "v"


_MANNER_TAGS = ("v", "a", "i", "d", "z", "c")  # verbs, adjectives, idioms, adverbs, states, 只是 (not "l": 发言人 is one)


def idiom(text: str) -> bool:
    """A four-character idiom alone (不置可否, 一针见血): how someone spoke or answered."""
    return len(text) == 4 and segment.tagged(text)[0][1] == "i"


def _adverbial_word(text: str) -> bool:
    """One idiom or adverb of three characters or more (终其一生, 毫无疑问): how, not who."""
    tagged = segment.tagged(text) if len(text) >= 3 else []
    return len(tagged) == 1 and tagged[0][1] in ("i", "d")


def _manner_at(body: str, tokens: list[str]) -> int | None:
    """Where a manner adverbial (…地, or a verb with 着) before the verb begins, if the words end with one.

    The adverbial is the run of verbs, adjectives, idioms, adverbs and nouns
    of manner (rules ``manner_nouns``) before 地 (面带微笑地, 态度温和地);
    when the tagger reads none there (面|无表情), it begins after the last
    name or pronoun (他|面无表情地, 汪文斌|不客气地).  A verb with 着 is the
    last word or two (婆婆|哭着, 婆婆|哭|著).
    """
    if len(tokens) > 1 and body.endswith(("着", "著")):
        return len(body) - len(tokens[-1]) - (len(tokens[-2]) if tokens[-1] in ("着", "著") else 0)
    last = tokens[-1] if tokens else ""
    if len(tokens) > 2 and last == "的" and idiom(tokens[-2]):
        return len(body) - len(tokens[-2]) - 1  # Nir Eyal先生|一针见血的指出: 的 written for 地
    if len(tokens) > 1 and idiom(last) and segment.tagged(body[:-4], guess=True)[-1][1].startswith(("nr", "r")):
        return len(body) - len(last)  # 熊婧|不置可否：“…”: after a name, an idiom says how someone answered
    if len(last) >= 3 and last.endswith("地") and len(tokens) > 1 and segment.tagged(last[:-1])[0][1].startswith(("a", "d")):
        return len(body) - len(last)  # 乔姆斯基|敏锐地: jieba reads the adjective and 地 as one word
    if len(tokens) < 3 or tokens[-1] != "地":
        return None
    tagged = segment.tagged(body, guess=True)  # (the HMM keeps names whole: 吴晓青, not 吴晓|青, an adjective)
    if tagged[-1][0] != "地":
        return None
    start = len(tagged) - 1
    while start > 0 and (tagged[start - 1][1].startswith(_MANNER_TAGS) or tagged[start - 1][0] in word_set("manner_nouns")):
        start -= 1  # (all of it, 激动地说: the subject is left out, as after a comma)
    if start == len(tagged) - 1:
        named = [i for i, (_, tag) in enumerate(tagged[:-2]) if tag.startswith("nr") or tag == "r"]
        if not named:
            return None
        start = named[-1] + 1
    return sum(len(word) for word, _ in tagged[:start])


def _inside_chinese_names(body: str, names: tuple[str, ...]) -> set[int]:
    """Positions inside the article's Chinese names that hold a cut word (陈以信, 戴于文, 郑自隆); not the last
    part of a dotted name, whose edge the registry may misread (詹姆斯·刘一直)."""
    found = [n for n in names if 3 <= len(n) <= 4 and n in body and HAN_RUN.fullmatch(n)]
    chinese = [n for n in found if not any(m.endswith(n) and len(m) > len(n) for m in names)]
    return {i for n in chinese for at in [body.find(n)] for i in range(at + 1, at + len(n))}


_BRACKETS = re.compile(r"[（(《][^（()）《》]*[)）》]")


def _inside_brackets(body: str) -> set[int]:
    """Positions inside brackets, an aside about the subject (张达明(公民党党员,亦曾到占领区)指出), or inside
    a title (《香港人权与民主法案》): no cut word there ends the subject."""
    if "(" not in body and "（" not in body and "《" not in body:
        return set()
    return {i for m in _BRACKETS.finditer(body) for i in range(m.start() + 1, m.end())}


def _inside_names(body: str) -> set[int]:
    """Positions inside the organisations' names that hold a cut word (美国在台协会, 经济合作与发展组织)."""
    return {i for m in _compound_names().finditer(body) for i in range(m.start() + 1, m.end())}


@cache
def _compound_names() -> re.Pattern:
    return re.compile(alternation("compound_names"))


def _modal_length(tokens: list[str], names: tuple[str, ...] = ()) -> int:
    """Length of the modals ending a subject's words after a person (梅多斯会, 她可能, 拉夫罗夫也许会); 0
    after anything else, since jieba may split an organisation's last character off (港大学生|会, 中华|奥|会)."""
    n = len(tokens)
    while n > 1 and tokens[n - 1] in word_set("modals"):
        n -= 1
    if n == len(tokens):
        return 0
    person = tokens[n - 1]
    length = sum(len(t) for t in tokens[n:])
    if (person in word_set("relatives") or person in word_set("roles") or person in word_set("pronouns")
            or person in GENERIC_DESCRIPTIONS or person in word_set("people_in_general") or len(person) > 1 and any(name.endswith(person) for name in names)):
        return length  # (拉布将会: a name the article uses, whatever the tagger reads it as)
    tag = segment.tagged(person, guess=True)[-1][1]
    return length if tag == "r" or len(person) > 1 and tag.startswith("nr") else 0  # (你会, 她可能)


def _named_at(text: str) -> bool:
    """Whether text opens with a name the tagger knows: a person, a place or a body (not 的…, 有些…, 网上)."""
    tagged = segment.tagged(text[:8]) if text else []
    return bool(tagged) and tagged[0][1] in ("nr", "ns", "nt") and len(tagged[0][0]) > 1


@cache
def _cut_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(w) for w in words("cut_words")}))


_NOUN_TAGS = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "x", "eng")


def speech_verb(token: str) -> bool:
    """A word of the verb table used as a verb (谈到, 谴责), not as a noun (分析, 评论)."""
    return token in word_set("verbs") and segment.tagged(token)[0][1] == "v"


def before_verb(subject: str) -> str:
    """A subject cut at the first verb of saying inside it (商鹏飞谴责香港国安法… → 商鹏飞), unless a body's
    name goes on after it (基本法咨询委员会)."""
    pos = 0
    tokens = segment.words(subject)
    for i, token in enumerate(tokens):
        if pos > 0 and (speech_verb(token) or _degree_and_verb(token)) and not _names_a_body(token, "".join(tokens[i + 1:i + 2])):
            if "的" in subject[pos:] and subject.rpartition("的")[2].endswith(speaker_nouns()):
                return subject  # 一位自称胡警官的人: the verb is in a clause describing who
            return subject[:pos]
        pos += len(token)
    return subject


def _degree_and_verb(token: str) -> bool:
    """A verb of saying that jieba reads as one word with its degree adverb (国际人士|高度评价…)."""
    return len(token) == 4 and token.startswith(words("degree_adverbs")) and any(token.endswith(v) for v in word_set("verbs"))


def _names_a_body(verb: str, after: str) -> bool:
    """Whether a verb of saying is the noun of a body's name (咨询|委员会, 调查|委员会), not the subject's act
    (回应|传媒, 谴责|中国: a verb, then its object)."""
    return (after.endswith(words("org_suffixes")) and after not in word_set("places")
            and segment.tagged(verb)[0][1] == "vn")


def leading_noun(clause: str) -> str | None:
    """The nouns a clause opens with (``俄罗斯要求安全保障`` → ``俄罗斯``); ``None`` when they only own the subject.

    Only used where no cut word ends the subject, so part-of-speech tagging,
    which is slow, runs on a few short clauses per article.
    """
    title = _TITLE_ONLY.match(clause)
    if title:  # 《香港人权与民主法案》: a title is one noun, whatever words it holds
        rest = leading_noun(clause[title.end():])
        return None if rest is None else title.group() + rest
    out = []
    pronouns = word_set("pronouns") | word_set("roles")  # (发言人 is tagged as a set phrase)
    tagged = segment.tagged(clause)
    if any(len(token) == 1 and HAN.match(token) for token, tag in tagged):
        tagged = segment.tagged(clause, guess=True)  # words outside the dictionary: let the HMM guess them
    for i, (token, tag) in enumerate(tagged):
        body = tag == "vn" and i + 1 < len(tagged) and _names_a_body(token, tagged[i + 1][0])  # (咨询|委员会)
        listed = token == "、" and bool(out) and out[-1] in word_set("roles")  # (作家、媒体人蒋方舟: roles, then who)
        former = token in ("前", "原", "现") and i + 1 < len(tagged) and tagged[i + 1][0] in word_set("roles")  # (…系前讲师吴强)
        if (tag not in _NOUN_TAGS and token not in pronouns and not body and not former) or token in "，。、" and not listed or (
                _degree_and_verb(token)):  # (国际人士|高度评价这次讲话)
            if token == "的":
                return None  # 法国的后疫情时代正式启动: 法国 owns the subject, it is not the subject
            break
        out.append(token)
    return "".join(out)
