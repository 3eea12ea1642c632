"""Stage 4 — attribute speakers: who a subject span refers to.

An article names a person fully once (``俄罗斯外交部长谢尔盖·拉夫罗夫``) and
then by surname, role, pronoun or description (``拉夫罗夫``, ``外长``, ``他``,
``这位官员``).  :class:`Registry` collects the names and roles an article
uses; :meth:`Registry.resolve` maps a subject span to the fullest name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from . import segment
from .rules import alternation, chars, table, word_set, words
from .script import simplified

_HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_LETTER = regex.compile(r"[\p{Han}\p{Latin}]")
# (a part between two dots is a given or middle name, short: 罗德里戈·杜特尔特及其政府在美国总统唐纳德·特朗普 is two names)
NAME_DOTS = "·•‧・∙⋅･"  # (the middle dots outlets write between a name's parts)
_HYPHENS = "-－"  # (艾哈迈迪-内贾德: a hyphen between characters parts a name too)
_DOT = NAME_DOTS + _HYPHENS
_DOT_CLASS = f"[{NAME_DOTS}{re.escape(_HYPHENS)}]"
# (a middle part holds no conjunction: 詹姆斯·刘和黛西·冷 is two names)
_DOT_NAME = regex.compile(rf"\p{{Han}}+(?:{_DOT_CLASS}(?:(?![和与及的])\p{{Han}}){{1,8}}(?={_DOT_CLASS})){{0,2}}{_DOT_CLASS}\p{{Han}}+")
# Characters that never end a name: what follows a name in running text.
# Characters that (almost) never occur in a personal name: pronouns and particles.
_NOT_IN_NAMES = frozenset("我你他她它们的了是在却都也就这那和与吗呢吧啊着过很还所被把让给不会该要能没可")  # (又 is in 张又侠)
_PLACE_ENDINGS = frozenset("区县省市镇乡州")  # what ends a place's name, never a two-character person's
_GLOSS_CUT = frozenset("的是了和与及由被对给跟")  # what ends the words before a glossed name (攻读博士学位的董明旷(Mike Thompson), 由哈皮教授（Christian Happi）)
_NAME_FOLLOWERS = tuple("和与及的等、，。：；说称在也则对向就是将会已曾还又都才更仍被把让于自以为并即没")
ASIDE = regex.compile(r"[（(][^）)]*[）)]")  # words in brackets: an aside, a gloss or a date
_TITLE = regex.compile(r"《[^》]*》?")  # a title, closed or cut off: no one's name
_ACRONYM = regex.compile(r"[A-Z][A-Z0-9&]{1,7}")  # IIF, WHO: an organisation, if the article glossed it or it is well known
_ACRONYM_GLOSS = regex.compile(r"[（(]([A-Z][A-Z0-9&]{1,7})[）)]\s*$")
_LATIN_WORD = r"[A-Z](?:[a-z]+|(?:c|ac|e|i|a|['’])[A-Z][a-z]+)"  # Bill, McMahon, O'Hanley, DeSantis (not TikTok, a brand)
_LATIN_NAME = regex.compile(rf"(?<![A-Za-z']){_LATIN_WORD}(?: {_LATIN_WORD}){{0,2}}$")
# A name glossed in Latin letters: 延森（Gyde Jensen）, 蓬佩奥(Mike Pompeo), 麦康奈尔(Mitch McConnell), 于贝拉（Klaus Überla）,
# 李孝琳（音译，Lee Hyorin）; not 高盛(Goldman Sachs Group Inc.).
# (the bracket comes first, then the look back at the character before it: searching for a bracket is fast)
_GLOSS = re.compile(r"[（(](?<=[\u4e00-\u9fff][（(])(?:音译[，,]\s*)?[A-Z][a-zà-öø-ÿ]+(?: [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*)+[）),，]"
                    r"(?<!Inc[）),，])(?<!Group[）),，])(?<!Ltd[）),，])(?<!Co[）),，])(?<!Corp[）),，])(?<!Bank[）),，])"
                    r"(?<!University[）),，])(?<!Institute[）),，])(?<!Foundation[）),，])(?<!Company[）),，])")
_SOUND_GLOSS = re.compile(r"[（(]音译[）)]")
_DOT_RE = re.compile(f"[{NAME_DOTS}]|(?<=[\u4e00-\u9fff])[{re.escape(_HYPHENS)}](?=[\u4e00-\u9fff])")
_LATIN_IN_CLAUSE = regex.compile(rf"(?<![A-Za-z]){_LATIN_WORD} {_LATIN_WORD}(?![A-Za-z）)])")  # (not a gloss: 李孝琳（音译，Lee Hyorin）)
# Characters that end a role phrase going backwards: particles, prepositions, verb endings.
_ROLE_STOP = frozenset("与和对向在由同及的了是为被把将会见称说示访任")
_CLASSIFIERS = frozenset("份位名个项篇则家批")
_PLURAL_COUNT = re.compile(r"(?:多|几|数|两|三|四|五|六|七|八|九|十|众多|许多)[位名个批]")
_APPOSITION = re.compile(r"(.{2,8}?)(?:这位|这名|这个)")
_OWNER = re.compile(r"(?:我|他|她)们?的?")  # 我母亲, 他的父亲: someone named by their tie to the writer or to someone
_CAUSATIVE = re.compile(r"[使让令促]")  # (这个时机促使批评人士认为: the people are an object)
_MARKS = regex.compile(r"[“”「」『』\"‘’]")
_ENUMERATOR = regex.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[、.．)）]")
_AGE = regex.compile(r"^[0-9０-９一二三四五六七八九十]+岁的?")


@cache
def _roles() -> re.Pattern:
    alts = alternation("roles")
    return re.compile(rf"(?:{alts})")  # the stdlib engine: much faster than ``regex`` on long alternations


@cache
def _role_words() -> re.Pattern:
    """Role words, for the stdlib engine (much faster than ``regex`` on long alternations)."""
    return re.compile(alternation("roles"))


@cache
def _role_at_end() -> regex.Pattern:
    return re.compile(f"(?:{_roles().pattern})$")


@cache
def _honorific_name() -> re.Pattern:
    """A surname and an honorific (钟老师, 王先生; not 但老师: 'but'; not 三位律师: a count)."""
    surnames = re.escape("".join(sorted(chars("surnames") - _NOT_IN_NAMES - set(_NAME_FOLLOWERS) - set("但而或位名"))))
    return re.compile(rf"[{surnames}](?:{alternation('honorifics')})")  # (stdlib: a lookbehind first made it 25× slower)


def _honorific_names(text: str) -> Iterator[str]:
    """Each surname and honorific standing alone: 的钟老师, 一位王先生, 留学生|黄同学, not the 史老师 of 历史老师."""
    for m in _honorific_name().finditer(text):
        at = m.start()
        if not at or text[at - 1] in "的位名叫" or not _HAN.match(text, at - 1) or _starts_word(text, at, m.end()):
            yield m.group()


def _starts_word(text: str, at: int, end: int) -> bool:
    """Whether a frequent word ends right before ``at`` (留学生|黄同学, 信徒|王女士), not one running into it
    (历史|老师) nor a name (俞敏洪|老师: 洪老师 is no one)."""
    start = max(0, at - 6)
    pos = start
    for word in segment.words(text[start:end]):
        if pos + len(word) == at:
            return len(word) >= 2 and segment.common_word(word)
        pos += len(word)
    return False


@cache
def _followers() -> tuple[str, ...]:
    """What may follow a bare name: verbs (of saying and of appeal), time words, adverbs, conjunctions."""
    return (tuple(words("verbs")) + tuple(w for w in words("cut_words") if w != "以") + tuple(words("appeal_verbs"))
            + _NAME_FOLLOWERS)  # (以 is in names: 陈以信)


def _foreign_length(shadow: str, start: int, longest: int = 8) -> int:
    """Length of a transliterated name at ``start`` (``普京``, ``斯托尔滕贝格``).

    A last character that makes a common word with the next one belongs to
    that word (``特朗普提问`` is 特朗普 + 提问), unless the next one starts a
    common word itself (``特朗普及其政府``: 及其, not 普及).
    """
    foreign = chars("transliteration")
    n = 0
    while n < longest and start + n < len(shadow) and shadow[start + n] in foreign:
        n += 1
    while (n > 2 and start + n < len(shadow) and segment.common_word(shadow[start + n - 1:start + n + 1])
           and not segment.common_word(shadow[start + n:start + n + 2])):
        n -= 1
    return n if n >= 2 else 0


def _transliterated_tail(text: str) -> int:
    """How many characters at the end of ``text`` are transliteration characters."""
    foreign = chars("transliteration")
    n = 0
    while n < len(text) and text[-1 - n] in foreign:
        n += 1
    return n


@cache
def long_places() -> tuple[str, ...]:
    """Places of two characters or more, longest first (汉堡, 美国): they may open a dotted name's run or an
    office's name; one-character ones (法, France) open too many words."""
    return tuple(sorted((p for p in words("places") if len(p) > 1), key=len, reverse=True))


def _single_last_part(shadow: str, start: int) -> int:
    """1 for a one-character last part of a dotted name that nothing but a follower, a role or a non-Chinese
    character comes after (克里斯托弗·雷（Christopher Wray）, 克里斯托弗·雷说, 克里斯托弗·雷局长), else 0."""
    after = start + 1
    if not _HAN.match(shadow, start) or shadow[start] in _NOT_IN_NAMES:
        return 0
    return 1 if (after >= len(shadow) or not _HAN.match(shadow, after) or shadow.startswith(_followers(), after)
                 or _role_words().match(shadow, after)) else 0


@lru_cache(maxsize=50_000)
def _manner(text: str) -> bool:
    """A common word turned adverb by 地 (平静地, 激动地): how someone speaks, never a name (甘地 is one)."""
    return text.endswith("地") and segment.common_word(text[:-1])




@lru_cache(maxsize=50_000)
def _tagged_as_name(text: str) -> bool:
    """Whether jieba tags every word of ``text`` as a personal name."""
    return all(tag.startswith("nr") or tag == "x" for _, tag in segment.tagged(text, guess=True))


@lru_cache(maxsize=50_000)
def _tagged_name_opening(text: str) -> str:
    """The Chinese personal name jieba's tagger reads at the start of ``text`` (李爱杰带着…), or "".

    What follows must read as a predicate: a name alone (叶宣（综合报道）) is a byline, not a subject."""
    tagged = segment.tagged(text, guess=True)
    word, tag = tagged[0] if tagged else ("", "")
    after, follows = tagged[1] if len(tagged) > 1 and _HAN.match(tagged[1][0]) else ("", "")
    return word if (tag == "nr" and (len(word) == 3 or len(word) == 2 and len(after) >= 2)
                    and not _NOT_IN_NAMES.intersection(word) and not segment.common_word(word)
                    and follows.startswith(("v", "d", "p"))) else ""
    # (封锁令… and 由一河之隔 are tagged nr: a verb, adverb or preposition must follow a subject;
    #  艾未|未以前: a two-character name before a lone character may be cut short)


def is_role_or_empty(text: str) -> bool:
    """What may stand before a name: nothing, or words that end in a role (俄罗斯外交部长, 美国总统)."""
    return not text or bool(_role_at_end().search(text))


def _handle(text: str) -> bool:
    """After a role, a name the rules cannot read (a nickname, 博主辣笔小球): two to four characters that are
    no common word and hold no particle, pronoun or word that follows names (not 刘奇峰受访时)."""
    return (2 <= len(text) <= 4 and bool(_HAN_RUN.fullmatch(text)) and not segment.common_word(text)
            and not _NOT_IN_NAMES.intersection(text) and not set(_NAME_FOLLOWERS).intersection(text)
            and not any(text.startswith(_followers(), i) for i in range(len(text)))
            and kind_of(text) == "unknown" and not any(segment.common_word(w) for w in (text[:2], text[-2:])))


@cache
def _surname_adverbs() -> frozenset[str]:
    """One-character adverbs and modals (rules ``cut_words``, ``modals``) that are surnames too (曾, 应): a
    preposition is not (向王攀表示)."""
    adverbs = {row["word"] for row in table("cut_words") if row["kind"] == "adverb"}
    return frozenset(adverbs | set(words("modals"))) & chars("surnames")


def adverb_surname_name(text: str) -> bool:
    """Whether ``text`` opens with a surname that is also an adverb (曾焕平, 曾光) and reads as a name after it."""
    return text[:1] in _surname_adverbs() and _name_after_particle(text)


def _name_after_particle(text: str) -> bool:
    """Whether what follows the first character reads as a given name: an honorific (曾先生), or no common
    word (曾经, 曾|多次, 向|媒体) and no verb, time word or preposition (曾|说, 曾|向BBC)."""
    rest = text[1:]
    if rest in word_set("honorifics"):
        return True
    return (bool(rest) and not segment.common_word(text) and not (len(rest) > 1 and segment.common_word(rest))
            and not any(rest.startswith(_followers(), i) for i in range(len(rest))))


@cache
def _surname_particles() -> frozenset[str]:
    """Surnames that are also one-character cut words of any kind (曾, 向, 于): after a role, a name that opens
    with one must read as a name after it (官员向|媒体表示 is no 向媒体)."""
    return frozenset(w for w in words("cut_words") if len(w) == 1) & chars("surnames") | _surname_adverbs()


def _common_words(text: str) -> bool:
    """Whether ``text`` reads as frequent words of two or more characters only (时间有限, 常常), as no name does
    (王国庆 leaves 庆 over; a famous name is one frequent word: 吴邦国)."""
    tokens = segment.words(text)
    return (len(tokens) > 1 or len(text) == 2) and all(len(w) >= 2 and segment.common_word(w) for w in tokens)


def _reads_as_verb(text: str) -> bool:
    """Whether two characters read as a verb, alone or after an adverb or adjective (感慨, 大骂): what someone did
    after a role (老师|大骂：…), not a name."""
    if len(text) != 2:
        return False
    tags = [tag for _, tag in segment.tagged(text)]
    if len(tags) == 1:  # a frequent verb (感慨, 确认), not a rare one a name may sound like (拉布)
        return tags[0].startswith("v") and (segment.common_word(text) or text in word_set("verbs"))
    return tags[0][:1] in ("a", "d") and tags[1].startswith("v")  # (not 付建: two verbs are a name's sounds)


def korean_zai(text: str) -> bool:
    """A Korean name with 在 after the surname (文在寅, 朴在允, 金在莲), which no common word reads."""
    return (len(text) == 3 and text[1] == "在" and text[0] in chars("surnames")
            and not segment.common_word(text[1:]) and not segment.common_word(text[:2]))


def dotted(name: str) -> bool:
    """Whether a name is written with a dot between its parts (克里斯托弗·雷): a transliterated one."""
    return any(ch in NAME_DOTS for ch in name)


def _not_a_name_char(text: str) -> bool:
    """Whether ``text`` holds a character no name holds (的, 是, 在 …), a Korean 在 aside."""
    return bool(_NOT_IN_NAMES.intersection(text)) and not korean_zai(text)


def _blank(m: regex.Match) -> str:
    """The matched text blanked out, its length kept (positions after it stay valid)."""
    return " " * len(m.group())


def looks_like_name(text: str) -> bool:
    """A Chinese name (surname + one or two characters) or a transliterated one, and nothing else."""
    return 2 <= len(text) <= 8 and (_name_length(text, 0, 4) == len(text) or _foreign_length(text, 0) == len(text))


def _name_length(shadow: str, start: int, longest: int) -> int:
    """Length of the name at ``start``: the shortest (≥ 2) that a follower ends.

    ``汪文斌周三说`` gives 3, ``拉夫罗夫和`` gives 4; a span that starts
    with a verb or a time word (``表示在…``) is no name and gives 0.
    """
    if shadow.startswith(_followers(), start) and (shadow[start] not in chars("surnames") or shadow.startswith(
            _long_followers(), start)):
        return 0  # 表示…, 周一…: a verb or a time word, not a name (曾国卫 is a name)
    if shadow[start] not in chars("surnames") and not _foreign_length(shadow, start):
        return 0
    if korean_zai(shadow[start:start + 3]) and (start + 3 >= len(shadow) or _follower_at(shadow, start + 3)):
        return 3  # 朴在允说: 在 after the surname is the name's
    for length in range(2, longest + 1):
        nxt = shadow[start + length:start + length + 1]
        if not nxt or not _HAN.match(nxt) or _follower_at(shadow, start + length):
            if length == 4 and not _foreign_length(shadow, start):
                verb = _verb_inside(shadow[start:start + 6])
                if verb == 3 or verb == 2 and shadow[start + 1] not in _PLACE_ENDINGS:
                    return verb  # 李文亮|站在, 张瑜|估算, 陈皓桓|联同: a verb after the name (茂木敏充: none)
            return length if _HAN_RUN.fullmatch(shadow[start:start + length]) else 0
    return 0


def _verb_inside(text: str) -> int:
    """Where a verb begins inside the first four characters of ``text`` as the tagger reads them: 2 for a
    dictionary word (张瑜|估算, 翟青|围绕), 3 after a name of three (李文亮|站在, 陈皓桓|联同); else 0."""
    pos = 0
    for word, tag in segment.tagged(text, guess=True):
        if pos == 2 and len(word) >= 2 and (segment.common_word(word) or tag == "v" and segment.frequency(word)):
            return 2
        if pos == 3 and tag == "v":
            return 3
        pos += len(word)
        if pos > 3:
            break
    return 0


def _name_before_word(shadow: str, at: int) -> int:
    """Length of a name after a role that a common verb follows, not one the rules list (主席习近平|来到):
    three characters first, as most names have, then two; 0 when neither reads so (分析师周三表示: a day)."""
    if shadow[at:at + 1] not in chars("surnames") or shadow.startswith(_followers(), at):
        return 0
    for length in (3, 2):
        name, nxt = shadow[at:at + length], shadow[at + length:at + length + 2]
        tags = ("v", "d", "n") if length == 3 else ("v",)  # (李克强|专门: jieba tags some adverbs as nouns)
        if (_HAN_RUN.fullmatch(name) and len(nxt) == 2 and segment.common_word(nxt) and segment.tagged(nxt)[0][1].startswith(tags)
                and not segment.frequency(name[:2]) and not segment.common_word(name[-2:])):  # (议员初选|参与, 主席国期间)
            return length
    return 0


@cache
def _long_org_suffixes() -> tuple[str, ...]:
    """Organisation suffixes of two or more characters: a role before one is no name (代表党中央)."""
    return tuple(w for w in words("org_suffixes") if len(w) > 1)


# Prepositions of rules ``cut_words`` that need an object, so that one right before the verb ends a name
# (陈祖为|说); not those that are also conjunctions (与, 同, 跟: 控诉与指责), a reflexive (自认为), or an
# adverb (在, 就: 他就说), nor 于 (倾向于认为) or 用 (不用说).
STRANDED_PREPOSITIONS = frozenset("为向从")


def _follower_at(shadow: str, at: int) -> bool:
    """Whether a follower starts at ``at``: a word of two or more characters, or one character that makes
    no common word with the character before it (陈劲甫引|用: 引用 is a word, 引 no end of a name) and is
    no preposition left without an object (陈祖为说)."""
    if shadow.startswith(_long_followers(), at):
        return True
    if shadow[at:at + 1] in STRANDED_PREPOSITIONS and shadow.startswith(words("verbs"), at + 1):
        return False
    return shadow.startswith(_followers(), at) and not segment.common_word(shadow[at - 1:at + 1])


@cache
def _long_followers() -> tuple[str, ...]:
    return tuple(f for f in _followers() if len(f) > 1)


@cache
def _pronouns() -> dict[str, str]:
    """Pronouns and description prefixes, longest first (该名 before 该)."""
    rows = sorted(table("pronouns"), key=lambda row: len(row["word"]), reverse=True)
    return {row["word"]: row["kind"] for row in rows}


def _describes_a_speaker(noun: str) -> bool:
    """An organisation, a role or a kind of person (官员, 人士): what a relative clause may describe as speaking."""
    return len(noun) >= 2 and (kind_of(noun) != "unknown" or noun.endswith(GENERIC_DESCRIPTIONS)
                               or bool(_role_at_end().search(noun)))


_DESCRIPTION_ENDINGS = frozenset("人家员者师士")  # (媒体人, 评论家, 研究员, 学者, 律师, 人士)


def _before_name(subject: str) -> int:
    """Where a name may begin: after the last role, kind of person or relative in a subject (外交部发言人|汪文斌,
    北京维权人士|胡佳, 邓恩的母亲|夏洛特), and a 的 after it."""
    cut = max((m.end() for m in _roles().finditer(subject)), default=0)
    for noun in _KINDS_OF_PEOPLE + words("relatives"):  # (邓恩的母亲|夏洛特; not 丈夫|耸耸肩, a word)
        after = subject.rfind(noun, 0, len(subject) - 2) + len(noun)  # (时事评论人士|尼科里斯基: past the role 评论人)
        if after > max(cut, len(noun) - 1) and looks_like_name(subject[after:]) and not segment.common_word(subject[after:]):
            cut = after
    if subject.startswith("、", cut):  # 作家、媒体人|蒋方舟: more of what they are, then the name
        return next((len(subject) - n for n in (3, 2) if len(subject) - n > cut + 2
                     and subject[-n - 1] in _DESCRIPTION_ENDINGS and looks_like_name(subject[-n:])), cut)
    return cut + 1 if subject.startswith("的", cut) else cut  # (…研究室主任的|阮铭)


def _whose(noun: str) -> bool:
    """A relative or an agent noun (父亲, 受访者, 支持者): the phrase before it says whose, so it stays whole
    (戴耀廷的支持者, 约55％的受访者)."""
    return noun in word_set("relatives") or len(noun) >= 3 and noun.endswith("者")


@cache
def pronouns_of(*kinds: str) -> tuple[str, ...]:
    """The pronouns of these kinds, longest first: ``person``/``group`` (他, 他们) point back to someone named."""
    return tuple(w for w, kind in _pronouns().items() if kind in kinds)


def kind_of(subject: str) -> str:
    """``country`` (美国, 莫斯科), ``document`` (声明, 报道), ``organisation`` (国防部), else ``unknown``."""
    if subject in word_set("places"):
        return "country"
    if subject.endswith(words("documents")):
        return "document"
    return "organisation" if subject.endswith(words("org_suffixes")) else "unknown"


_NOT_A_HEAD = ("c", "d", "p", "u", "y", "e", "f", "a", "z", "r", "t", "o", "i")


@lru_cache(maxsize=50_000)
def nominal(subject: str) -> bool:
    """Whether a subject reads as a noun phrase (not ``或者``, ``不能够``, ``让各人自行考虑``).

    Part-of-speech tagging is slow, so it only runs on subjects that are
    neither names, roles, places nor organisations.
    """
    if subject.startswith("不少") and len(subject) > 3:
        subject = subject[2:]  # 不少网民: 'many', which jieba reads as an adverb
    tagged = segment.tagged(subject)
    if any(len(word) == 1 and _HAN.match(word) for word, _ in tagged):
        tagged = segment.tagged(subject, guess=True)  # lone characters: words outside the dictionary, let the HMM guess
    if not tagged or tagged[0][1] != "eng" and tagged[0][1].startswith(_NOT_A_HEAD) or tagged[0][1] in ("v", "vd", "ad", "an"):
        # (eng: a word in Latin letters, TikTok, is a noun; e alone is an interjection)
        return False
    tags = [tag for _, tag in tagged]
    return tags.count("v") < 2 and all(word != "是" for word, _ in tagged) and "d" not in tags


_SELF = ("个人", "本人", "自己")  # after a pronoun: the person themself
GENERIC_DESCRIPTIONS = ("官员", "人士", "人", "男子", "女子", "先生", "女士", "领导人", "负责人")
_KINDS_OF_PEOPLE = tuple(d for d in GENERIC_DESCRIPTIONS if len(d) > 1)  # (人 alone ends too much: 很多人, 许多人)


def _family_name_of(short: str, name: str) -> bool:
    """田代 of 田代桂子 (a family name said alone), but not 美国 of 美国人士 nor a part of a dotted name."""
    return (len(name) >= 4 and name.startswith(short) and not _DOT_RE.search(name)
            and not name.endswith(GENERIC_DESCRIPTIONS) and kind_of(short) == "unknown")


@dataclass
class Person:
    """A person the article names, with every form and role seen."""

    name: str
    roles: list[str] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    first_at: int = 0  # where the article first names them (a role points back only to someone named before)

    def note_role(self, role: str) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


@dataclass
class Resolution:
    speaker: str  # canonical: the fullest name, or the organisation as written
    role: str
    kind: str  # person / organisation / unknown
    how: str  # explicit / name / role / pronoun / description


class Registry:
    """Names and roles of one article, filled as the text is read."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._forms: dict[str, Person] | None = None  # every name form → person, rebuilt after _add
        self._by_first: dict[str, list[str]] | None = None
        self.last_person: Person | None = None
        self.now = 1 << 60  # where the text being resolved stands (the reader sets it)
        self.last_speaker: Resolution | None = None
        # the last speaker when a person described, not named (众议院议长, 一名男子): whom 他 means until
        # someone named speaks or the text turns to them
        self.described: Resolution | None = None
        self.acronyms: dict[str, str] = {}  # IIF → 国际金融协会, learnt from 国际金融协会(IIF)

    # -- collecting --------------------------------------------------------
    def scan(self, shadow: str) -> None:
        """Register every dotted foreign name, every name glossed in Latin letters, every ``role + name``.

        Each search looks for its anchor (a dot, a Latin gloss, a role word)
        and only then reads the name around it: fast on long articles.
        """
        end = -1
        for m in _DOT_RE.finditer(shadow):
            if m.start() < end:
                continue
            left = m.start()
            while left > 0 and _HAN.match(shadow[left - 1]):
                left -= 1
            run = _DOT_NAME.match(shadow, left)
            if not run:
                continue
            end = run.end()
            start, stop = self._dotted_bounds(shadow, run.start(), run.end())
            if stop > start:
                role = self._role_phrase(shadow, start, start) if _roles().search(shadow[max(0, start - 6):start]) else ""
                self._add(shadow[start:stop], role, start)
        for m in _GLOSS.finditer(shadow):
            left = m.start()
            while left > 0 and m.start() - left < 12 and _HAN.match(shadow[left - 1]):
                left -= 1
            if left > 0 and shadow[left - 1] in _HYPHENS:
                continue  # 哈特曼-波伊斯(Carl Heneghan-Boyce): the last part of a name read whole elsewhere
            head = shadow[left:m.start()]
            after_particle = max((i + 1 for i, ch in enumerate(head) if ch in _GLOSS_CUT), default=0)
            last_role = _role_at_end().search(head, after_particle)
            if last_role and last_role.start() - after_particle >= 2:
                head = head[:last_role.start()]  # 慕尼黑技术大学的普罗策教授（Ulrike Protzer): the name before the role
            cut = max((r.end() for r in _roles().finditer(head)), default=0)
            name = head[max(cut, after_particle):]  # (攻读博士学位的董明旷: the name after the particle)
            if len(name) > 6:
                tail = _transliterated_tail(name)
                name = name[len(name) - tail:] if tail >= 3 else ""  # 首席兽医官密道米斯: a role the rules lack
            if (2 <= len(name) <= 6 and not _NOT_IN_NAMES.intersection(name) and kind_of(name) == "unknown"
                    and (cut >= after_particle or looks_like_name(name))):  # (队友瓦布威纳 is no name)
                self._add(name, self._role_phrase(shadow, left + cut, left + cut) if cut > after_particle else "", left)
        for m in _SOUND_GLOSS.finditer(shadow):
            name = next((shadow[m.start() - n:m.start()] for n in (3, 2) if m.start() >= n
                         and shadow[m.start() - n] in chars("surnames") and _HAN_RUN.fullmatch(shadow[m.start() - n:m.start()])), "")
            if name and not segment.common_word(name):
                self._add(name, "", m.start())  # 向金国(音译)在石家庄当保安: a name rendered by its sound
        for name in _honorific_names(shadow):
            self._add(name, "", shadow.find(name))
        for m in _role_words().finditer(shadow):
            at = m.end()
            if _DOT_RE.match(shadow, at + 1) or not _HAN.match(shadow, at) or segment.common_word(shadow[m.start():at + 1]):
                continue  # (成员国中, 总统府: the role word is part of a longer word, no name follows)
            known = next((f for f in self._forms_by_first().get(shadow[at], ()) if shadow.startswith(f, at)), "")
            if len(known) == 1 and not (segment.common_word(shadow[at + 1:at + 3]) or shadow.startswith(_followers(), at + 1)):
                known = ""  # (局长雷鸣: another name that starts so)
            if known:  # 局长雷|演讲的回应: the last part of 克里斯托弗·雷, read first, not a name 雷演讲
                self.forms()[known].note_role(self._role_phrase(shadow, m.start(), m.end()))
                continue
            foreign = _foreign_length(shadow, at)
            length = foreign if foreign >= 3 else _name_length(shadow, at, 4) or _name_before_word(shadow, at)
            after = _role_at_end().search(shadow, at, at + length) if length == 4 else None
            if after and after.start() - at >= 2:
                length = after.start() - at  # 主任高福|院士: a second role after the name
            elif length == 4 and shadow[at + 2:at + 4] in word_set("verbs"):
                length = 2  # 候选人拜登|誓言: a verb of saying after a two-character name
            if not length or foreign < 3 and (_not_a_name_char(shadow[at:at + length])
                                              or _manner(shadow[at:at + length])
                                              or _common_words(shadow[at:at + length])
                                              or _reads_as_verb(shadow[at:at + length])
                                              or shadow[at] in _surname_particles() and not _name_after_particle(shadow[at:at + length])
                                              or shadow.endswith(_long_org_suffixes(), at, at + length)
                                              or kind_of(shadow[at:at + length]) == "document"):
                continue  # 老师时我们却…, 发言人平静地表示, 企业家常常, 记者时间有限, 代表党中央, 主任信函: name-shaped, but not a name
            if any(ch in _DOT for ch in shadow[at:at + length + 1]):
                continue
            self._add(shadow[at:at + length], self._role_phrase(shadow, m.start(), m.end()), m.start())

    @staticmethod
    def _dotted_bounds(shadow: str, start: int, end: int) -> tuple[int, int]:
        """Trim a dotted run to the name: after any role word, before any verb."""
        first_dot = min(i for i in range(start, end) if shadow[i] in _DOT)
        head = shadow[start:first_dot]
        cut = 0
        for m in _roles().finditer(head):
            cut = m.end()
        role_end = cut
        for i, ch in enumerate(head):
            if ch in "与和对向在由同及的是为被把给":
                cut = max(cut, i + 1)
        start = max(start + cut, first_dot - 6)  # (阿卜杜拉哈提·努尔: six before the dot)
        foreign = _transliterated_tail(shadow[start:first_dot])
        if not foreign and shadow[first_dot] in _HYPHENS:
            return start, start  # 非政府组织-巴勒斯坦, 7日-彭博: a hyphen joins a transliterated name's parts, nothing else
        prefix = shadow[start:first_dot - foreign]
        kept = role_end and role_end == cut and first_dot - start <= 4 and not (len(prefix) >= 2 and segment.common_word(prefix))
        if (foreign >= 2 or foreign and first_dot - start > 4) and not kept:  # (参议员指责|乔治·凯南: a verb, no given name)
            start = first_dot - foreign  # 看到安东尼•福奇: the given name is the transliterated part
            # (首席执行官史蒂芬·梅: right after a role, the whole given name stays)
        place = next((p for p in long_places() if shadow.startswith(p, start) and first_dot - start - len(p) >= 2), "")
        start += len(place)  # 汉堡|伯恩哈德·诺希特: a city before the name
        last_dot = max(i for i in range(start, end) if shadow[i] in _DOT)
        single = _single_last_part(shadow, last_dot + 1) if first_dot - start >= 2 else 0  # (克里斯托弗·雷|表示)
        length = _foreign_length(shadow, last_dot + 1) or single or _name_length(shadow, last_dot + 1, 4)
        return (start, last_dot + 1 + length) if length and first_dot > start else (start, start)

    @staticmethod
    def _role_phrase(shadow: str, start: int, end: int) -> str:
        """The role word with the country or body before it (俄罗斯外交部长), never the verb before that."""
        i = start
        while i > 0 and start - i < 10 and _HAN.match(shadow[i - 1]) and shadow[i - 1] not in _ROLE_STOP:
            i -= 1
        return shadow[i:end]

    def _add(self, name: str, role: str, at: int | None = None) -> Person:
        self._forms = self._by_first = None
        at = self.now if at is None else at
        for person in self.people:
            if (person.name == name or person.name.endswith(name) or name.endswith(person.name)
                    or _family_name_of(name, person.name)):
                if len(name) > len(person.name) and name.endswith(person.name):
                    person.forms.add(person.name)
                    person.name = name
                person.forms.add(name)
                person.note_role(role)
                person.first_at = min(person.first_at, at)
                return person
        person = Person(name, [role] if role else [], {name}, at)
        self.people.append(person)
        return person

    def _forms_by_first(self) -> dict[str, list[str]]:
        """Name forms by their first character, longest first: where a form may start, only those are tried."""
        if self._by_first is None:
            self._by_first = {}
            for form in self.forms():  # longest first
                self._by_first.setdefault(form[0], []).append(form)
        return self._by_first

    def first_form_in(self, text: str, starts_within: int | None = None) -> str | None:
        """The leftmost (then longest) name form occurring in ``text`` (starting in its first ``starts_within`` characters)."""
        by_first = self._forms_by_first()
        for i, ch in enumerate(text[:starts_within]):
            for form in by_first.get(ch, ()):
                if text.startswith(form, i):
                    return form
        return None

    def last_person_in(self, text: str) -> Person | None:
        """The person whose name form starts last in ``text`` (the longest form starting there)."""
        best, at = None, -1
        for form, person in self.forms().items():  # longest first: a shorter form starting at the same place loses
            i = text.rfind(form)
            if i > at:
                best, at = person, i
        return best

    def forms(self) -> dict[str, Person]:
        """Every form of every name (``谢尔盖·拉夫罗夫`` and ``拉夫罗夫``), longest first."""
        if self._forms is None:
            pairs = []
            for person in self.people:
                for form in person.forms | {person.name}:
                    pairs.append((form, person))
                    last = _DOT_RE.split(form)[-1]
                    if last != form:
                        pairs.append((last, person))
            pairs = [(f, p) for f, p in pairs if len(f) >= 2]
            self._forms = dict(sorted(pairs, key=lambda fp: len(fp[0]), reverse=True))
        return self._forms

    def person_in_clause(self, clause: str) -> Person | None:
        """The person a clause is about, if its first words name one.

        The name may follow a role (德州州长阿博特…), so it is looked for in the
        clause's first words, not only at its start.
        """
        pronoun = next((p for p in pronouns_of("person", "group") if clause.startswith(p)), "")
        if pronoun and not clause.startswith("的", len(pronoun)):
            return None  # 他接受Defense One专访时…: about whom the pronoun means, not whom it names (她的律师X… names X)
        clause = _AGE.sub("", clause) if clause[:1].isdigit() or clause[:1] in "一二三四五六七八九十" else clause
        head = clause[:16]
        form = self.first_form_in(clause, starts_within=24)  # (前谷歌首席执行官埃里克·施密特: a name may end further on)
        if form and _honorific_name().fullmatch(form):
            before = segment.tagged(clause[:clause.find(form)])
            if before and before[-1][1].startswith("v"):
                form = None  # 都是专门来约谈邓同学的: a surname and an honorific after a verb is its object
        person = self.forms()[form] if form else None
        latin = _LATIN_IN_CLAUSE.search(_TITLE.sub(_blank, clause[:20])) if person is None else None  # (《No More Mushrooms》)
        if latin:
            person = self._add(latin.group(), "")  # 来自天津的大学讲师Xu Xiaohua在那里…
        if person is None:
            length = _foreign_length(head, 0)
            foreign = length >= 3
            length = length if foreign else _name_length(head, 0, 3) if head[:1] in chars("surnames") else 0
            if not length and head[:1] in chars("surnames"):
                length = next((n for n in (3, 2) if _role_words().match(head, n)), 0)  # 习近平总书记就来到…
            name = head[:length]
            role = _role_words().match(head, length) if length else None
            if (length and not _NOT_IN_NAMES.intersection(name) and kind_of(name) == "unknown"
                    and kind_of(name[1:]) != "country"  # (向日本的上游供应商: a preposition and a place)
                    and (head.startswith(_followers(), length) or role) and not segment.common_word(name)
                    and not (len(head) <= length + 1 and kind_of(head) != "unknown")  # (支联会:…: a body's name alone)
                    and not _manner(name)  # (单纯地把…: an adverb)
                    and (name[0] not in _surname_adverbs() or adverb_surname_name(name))  # (应严格要求…: 'should')
                    and not segment.common_word(head[length - 1:length + 1])  # (曾参与…: 曾 + 参与, no 曾参)
                    and (foreign or not segment.frequency(name) or _tagged_as_name(name))):  # (房租, 路人 are words)
                # 绍伊古在会议中…, 特朗普总统曾…: a name opening a clause
                person = self._add(name, role.group() if role else "")
        if person is None and head[:1] in chars("surnames") and not segment.common_word(head[:2]):
            name = _tagged_name_opening(head[:8])  # (高度…, 方面…: a common word, no name; the tagger is slow)
            if name and kind_of(name) == "unknown":
                person = self._add(name, "")  # 李爱杰带着…: no follower after the name, but the tagger reads one
        return person

    # -- resolving ---------------------------------------------------------
    def unnamed(self, speaker: str) -> bool:
        """Someone described, not named, by a kind of person, a role or a relation (一位衡水市政府人士, 德银发言人,
        邓恩的妈妈; not 纽卡斯尔的詹姆斯教授): whom a later 他 or 她 may mean."""
        tail = speaker.rpartition("的")[2]
        return ((tail.endswith((*_KINDS_OF_PEOPLE, *words("relatives"))) or _role_at_end().search(tail) is not None)
                and self.first_form_in(tail) is None)

    def by_name(self, subject: str) -> Person | None:
        if len(subject) == 1:  # 罗表示 after 波布•罗: the one-character last part of a dotted name, alone
            dotted = next((p for p in reversed(self.people) if _DOT_RE.search(p.name) and _DOT_RE.split(p.name)[-1] == subject), None)
            if dotted is not None or subject not in chars("surnames"):
                return dotted
            # 宋不服，认为…: a surname alone, for the one person of the article who has it
            bearers = [p for p in self.people if 2 <= len(p.name) <= 3 and p.name[0] == subject and looks_like_name(p.name)]
            return bearers[0] if len(bearers) == 1 else None
        forms = self.forms()
        ending = self.form_ending(subject)
        person = forms[ending] if ending else None
        if person is None and len(subject) >= 2:
            person = next((p for form, p in forms.items() if form.endswith(subject)), None)
        if person is None and len(subject) >= 2:  # 田代 for 田代桂子: family name first, given name dropped
            person = next((p for form, p in forms.items() if _family_name_of(subject, form)), None)
        return person

    def form_ending(self, text: str) -> str:
        """The longest name form ``text`` ends with, or ""."""
        return next((form for form in self.forms() if text.endswith(form)), "")

    @staticmethod
    def named(person: Person) -> bool:
        """Whether a registered person's name reads as a real name (the registry also keeps short subjects
        that may be one): dotted or in Latin letters, a long transliteration, a name the tagger reads or one
        the article gave a role."""
        name = person.name
        if _DOT_RE.search(name) or _LATIN_NAME.fullmatch(name):
            return True
        return not segment.common_word(name) and (_foreign_length(name, 0) == len(name) >= 3 or bool(person.roles)
                                           or _tagged_as_name(name))

    def by_role(self, role: str) -> Person | None:
        role = role.strip()
        if not role:
            return None
        ranked = []
        for order, person in enumerate(self.people):
            for seen in person.roles:
                if seen == role:
                    ranked.append((3, order, person))
                elif seen.endswith(role):
                    ranked.append((2, order, person))
                elif role.endswith(seen) and len(seen) >= 2 and _roles().fullmatch(seen) and "的" not in role:
                    ranked.append((1, order, person))
        if not ranked:
            return None
        named_before = [r for r in ranked if r[2].first_at <= self.now]
        ranked = named_before or ranked  # (作者 after three authors: one named before; a summary line names them after it)
        ranked.sort(key=lambda r: (r[0], r[2] is self.last_person, r[1]))  # (the one the text is about, then the last named)
        return ranked[-1][2]

    def refers_back(self, subject: str) -> bool:
        """Whether a subject is a pronoun or a description that points to an earlier person (not one that
        names the kind of person just described: 这位资深人士 after 一位外汇管理领域的资深人士表示)."""
        kind = next((d for d in _KINDS_OF_PEOPLE if subject.endswith(d)), "")
        if kind and self.described is not None and self.described.speaker.endswith(kind):
            return False
        return subject.startswith(tuple(_pronouns())) or subject.endswith(GENERIC_DESCRIPTIONS) or subject in words("roles")

    def resolve(self, written: str) -> Resolution | None:
        """Map a subject span to a speaker, or ``None`` when it names no one."""
        subject = _AGE.sub("", _MARKS.sub("", ASIDE.sub("", written)).strip(" ：:，,·•‧・（(）)"))  # (奥特加斯（7月22日）: the date cut, its bracket left)
        subject = _ENUMERATOR.sub("", subject)
        if _ACRONYM.fullmatch(subject) and (subject in self.acronyms or subject in word_set("acronyms")):
            return self._said(Resolution(self.acronyms.get(subject, subject), "", "organisation", "explicit"))
        if not _LETTER.search(subject) or subject in ("我", "我们", "你", "你们", "咱们") or _ACRONYM.fullmatch(subject):
            return None  # (letters alone that the article never glossed name no one: XYZ称)
        mine = _OWNER.match(subject)
        if mine and subject[mine.end():].removesuffix("们") in word_set("relatives"):  # (他的同事们)
            return self._said(Resolution(subject, "", "person", "explicit"))  # 我母亲, 我的朋友: someone the writer names
        if subject.endswith("中") and len(subject) >= 2 and (
                subject[:-1] in word_set("short_documents") or kind_of(subject[:-1]) == "document"):
            subject = subject[:-1]  # 报告中指, 信中写道, 声明中承诺: the text speaks
            if subject in word_set("short_documents"):
                return self._said(Resolution(subject, "", "document", "explicit"))
        elif subject.endswith("中") and len(subject) >= 4 and subject[-2] in word_set("short_documents"):
            author = subject[:-2].removesuffix("的")
            if self.by_name(author) or self._is_name(author):
                subject = author  # 罗冠聪文中批评, 他在信中说: who wrote the text speaks
        manner = next((w for w in words("manner_nouns") if subject.endswith("的" + w)), "")
        if manner and len(subject) > len(manner) + 2:
            subject = subject[:-len(manner) - 1]  # 胡警官的态度严厉起来，质问…: how they spoke, not who
        kinds = _pronouns()
        if subject.endswith(_SELF) and subject[:-2] in kinds:
            subject = subject[:-2]  # 他个人认为, 她本人表示: the pronoun
        if subject in kinds:
            return self._pronoun(subject, kinds[subject])
        if subject.startswith("有") and not subject.startswith("有关") and (
                2 <= len(subject) <= 5 or subject.endswith(("人", *words("groups"), *words("documents")))):
            # 有人, 有分析, 有学者, 有将近一半…的戒烟的人: no one named (有关部门 are the authorities)
            return Resolution("UNKNOWN", "", "unknown", "explicit")
        honorific = next((h for h in words("honorifics") if subject.endswith(h)), "")
        if honorific and _LATIN_NAME.search(subject[:-len(honorific)]):
            subject = subject[:-len(honorific)]  # 设计师Nir Eyal先生: the name, not its honorific
        latin = _LATIN_NAME.search(subject)
        if latin and not self.by_name(subject):
            self._add(latin.group(), "")  # Zhao Wenhao, Chen, Doris Tao: names in Latin letters
        person = self.by_name(subject)
        if person is not None:
            form = next((f for f, p in self.forms().items() if p is person and subject.endswith(f)), subject)
            role = subject[: len(subject) - len(form)]
            if _roles().search(role):
                person.note_role(role)
            return self._speaks(person, role)
        for prefix in (word for word, kind in kinds.items() if kind == "description"):
            if subject.startswith(prefix) and len(subject) > len(prefix):
                rest = subject[len(prefix):]
                if len(rest) > 2 and rest[0] in _CLASSIFIERS and segment.words(rest)[0] == rest[0]:  # (该家用电器制造商)
                    rest = rest[1:]  # 该份由教育部发出的文件: the document, its measure word dropped
                if len(rest) == 1 and rest in word_set("short_documents"):
                    return self._said(Resolution(subject, "", "document", "description"))  # 该文还称, 该报称
                if len(rest) == 1 and rest in word_set("short_bodies"):
                    last = self.last_speaker  # 该行预测, 该校表示: the body that spoke last
                    body = last if last is not None and last.kind in ("organisation", "unknown") else Resolution(
                        subject, "", "organisation", "description")
                    return self._said(Resolution(body.speaker, body.role, "organisation", "description"))
                if len(rest) == 1 and kind_of(rest) == "unknown":
                    return None  # 此举, 这点: an act or a thing (该国, 该党 are speakers)
                return self._description(rest)
        after = _role_at_end().search(subject)
        if after and after.start() >= 2 and self._is_name(subject[:after.start()], role_follows=True):
            name = subject[:after.start()]  # 习近平总书记, 拜登总统: the role after the name
            return self._speaks(self._add(name, after.group()), after.group())
        if after:
            before = subject[:after.start()]
            cut = max((m.end() for m in _roles().finditer(before)), default=0)
            if (0 < cut <= len(before) - 2 and not _not_a_name_char(before[cut:])
                    and self._is_name(before[cut:], role_follows=True)):
                # 国家公园部门负责人陶洛博士: a role, the name, then another role (博士) after it
                return self._speaks(self._add(before[cut:], before[:cut]), before[:cut])
            form = self.form_ending(before)
            named = self.forms()[form] if form and not segment.common_word(form) else None
            if named is not None:  # 剑桥大学计算机实验室的罗斯·安德森|教授: a name read before, then the role
                named.note_role(after.group())
                return self._speaks(named, after.group())
            person = self.by_role(subject)
            if person is not None:
                return self._said(Resolution(person.name, subject, "person", "role"), person)
            return self._said(Resolution(subject, subject, "person", "explicit"))
        cut = _before_name(subject)
        if 0 < cut <= len(subject) - 2 and kind_of(subject) == "unknown" and _reads_as_verb(simplified(subject[cut:])):
            return self.resolve(subject[:cut].removeprefix("被"))  # 老师|大骂：…, 被张千帆教授|拦下：…: who did it
        if 0 < cut <= len(subject) - 2 and (self._is_name(subject[cut:]) or _handle(subject[cut:])):
            name, role = subject[cut:], subject[:cut]  # 外交部发言人汪文斌 (not met before: 不客气地说 hid it)
            # (the name as written here: the registry may hold a longer, wrongly cut form of it)
            return self._said(Resolution(name, role, "person", "name"), self._add(name, role))
        kind = kind_of(subject)
        glossed = _ACRONYM_GLOSS.search(written)
        if glossed and kind == "organisation":
            self.acronyms[glossed.group(1)] = subject
        if kind == "unknown" and subject.endswith(("时", "时候", *words("time_clauses"))):
            # 出席记者会时: a time, not a speaker (比利时 is a country); 戴耀廷见记者时: the person it opens with
            person = self.person_in_clause(subject) if self.people else None
            return self._speaks(person) if person else None
        if kind == "unknown" and self._is_name(subject):
            return self._speaks(self._add(subject, ""))
        if (kind == "unknown" and subject.endswith(_KINDS_OF_PEOPLE)
                and 4 <= len(subject) <= 16 and not _NOT_IN_NAMES.intersection(subject.replace("的", "")) and not _CAUSATIVE.search(subject)):
            return self._said(Resolution(subject, "", "person", "explicit"))  # 香港亲中人士: people described, not named
        if _PLURAL_COUNT.match(subject) and "的" in subject and kind == "unknown":
            return self._said(Resolution(subject, "", "person", "explicit"))  # 多位研究中国法律与政治的学者: a group, no one person
        if len(subject) > 24 or "我" in subject or kind == "unknown" and (len(subject) < 2 or not nominal(subject)):
            head = subject.rsplit("的", 1)[-1]
            if "我" not in subject and head != subject and 2 <= len(head):
                if _describes_a_speaker(head) and head not in _KINDS_OF_PEOPLE:
                    return self.resolve(head)  # 不愿透露姓名的印度政府人士: the noun the clause describes
                if _whose(head) or head in _KINDS_OF_PEOPLE:  # (熟悉这次会议的人士: 人士 alone says nothing)
                    named = _APPOSITION.match(subject)  # 徐友渔这位中国最着名的自由主义者: the name, then what he is
                    if named and self._is_name(named.group(1)):
                        return self._speaks(self._add(named.group(1), ""))
                    return self._said(Resolution(subject, "", "person", "explicit"))
                cut = _before_name(head)
                if self._is_name(head[cut:]) and (cut == 0 or cut <= len(head) - 2):
                    # 被禁参选的黄之锋, 另一名被禁参选的本土派人士刘頴匡: the person the clause describes
                    return self._speaks(self._add(head[cut:], head[:cut]), head[:cut])
            return None  # 或者, 好像我, 让各人自行考虑: no one who speaks
        res = Resolution(subject, "", kind, "explicit")
        if kind == "unknown" and len(subject) <= 6 and not subject.endswith(GENERIC_DESCRIPTIONS) and _HAN.search(subject):
            # (not 人士, 学生: a kind of person names no one; nor TikTok, a word in Latin letters, as often a company)
            if "的" in subject and subject.rpartition("的")[2] in word_set("relatives"):
                return self._said(Resolution(subject, "", "person", "explicit"))  # 阿红的儿子: whose, not a name (阿红 is hers)
            return self._said(res, self._add(subject, ""))
        return self._said(res)

    def _is_name(self, text: str, role_follows: bool = False) -> bool:
        """A person's name: one this article used, or name-shaped and tagged as a name (not 公司, 乌克兰), or three
        characters no part of which is a common word.

        When a role follows (蔡英文总统), a surname and one or two characters
        that make no common word are enough, even if the tagger reads a word in them (英文).
        """
        if text in self.forms():
            return True
        if not looks_like_name(text) or kind_of(text) != "unknown":
            return False
        if _tagged_as_name(text) or _foreign_length(text, 0) == len(text) >= 3:
            return True
        if (len(text) == 3 and text[0] in chars("surnames") and not _not_a_name_char(text)
                and not text.endswith("地") and not any(segment.common_word(part) for part in (text, text[:2], text[1:]))):
            return True  # 任潇潇 (the tagger reads 任 as a verb): a surname and two characters that make no common word (not 冷冷地)
        return role_follows and len(text) <= 3 and text[0] in chars("surnames") and not segment.common_word(text)

    def _pronoun(self, subject: str, kind: str) -> Resolution:
        """他/她 → the last person; 他们 → the last speaker; 有人/外界 → UNKNOWN."""
        if kind == "unknown":
            return Resolution("UNKNOWN", "", "unknown", "explicit")
        last = self.last_speaker
        if kind == "person" and self.described:
            return self._said(Resolution(self.described.speaker, self.described.role, "person", "pronoun"))
        if kind == "person" and self.last_person:
            return self._said(Resolution(self.last_person.name, "", "person", "pronoun"), self.last_person)
        if last and (kind != "person" or last.kind in ("person", "unknown")):
            return self._said(Resolution(last.speaker, last.role, last.kind, "pronoun"))
        return Resolution(subject, "", "unknown", "unresolved")

    def _description(self, rest: str) -> Resolution:
        """这位官员 / 该发言人 / 这位俄罗斯总统 / 该报道: whom or what a description points back to.

        A generic word (官员, 人士) points to the person last described by it, else to the last person; a role to whoever
        holds it in this article, else it stays the role itself; anything else
        (该报道, 该组织) keeps its own words.
        """
        generic = rest.endswith(GENERIC_DESCRIPTIONS)
        described = self.described
        kind = next((d for d in _KINDS_OF_PEOPLE if rest.endswith(d)), "")
        if kind and described is not None and described.speaker.endswith(kind):
            # 一位外汇管理领域的资深人士表示…这位资深人士还强调: the person described just now
            return self._said(Resolution(described.speaker, described.role, "person", "description"))
        if generic or _roles().search(rest):
            person = None if generic else self.by_role(rest)
            if generic or person is None and rest in words("roles"):
                person = self.last_person
            if person is not None:
                return self._said(Resolution(person.name, rest, "person", "description"), person)
            return self._said(Resolution(rest, rest, "person", "description"))
        last = self.last_speaker
        if last is not None and last.speaker.endswith(rest) and last.speaker != rest:
            return self._said(Resolution(last.speaker, last.role, last.kind, "description"))  # 一名研究院干部…这名干部
        if last is not None and last.kind == "organisation" and 2 <= len(rest) <= 3 and kind_of(rest) == "organisation":
            return self._said(Resolution(last.speaker, last.role, last.kind, "description"))  # 摩根士丹利…该公司
        return self._said(Resolution(rest, "", kind_of(rest), "description"))

    def _speaks(self, person: Person, role: str = "") -> Resolution:
        """The person, named, speaks here."""
        return self._said(Resolution(person.name, role, "person", "name"), person)

    def _said(self, res: Resolution, person: Person | None = None) -> Resolution:
        self.last_speaker = res
        if person is not None:
            self.turn_to(person)
        elif res.how != "pronoun" and (res.kind == "person" or res.kind == "unknown" and _roles().search(res.speaker)):
            self.described = res  # (伊朗副外长哈提卜扎德: a role and a name the rules do not read as one)
        return res

    def turn_to(self, person: Person) -> None:
        """The text is now about this named person: whom 他 and 她 mean."""
        self.last_person = person
        self.described = None
