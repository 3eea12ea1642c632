"""The extractor on sentences written for these tests, one group per kind of case.

Each case is our own text modelled on patterns read in the corpus; the
expected quotes and speakers were checked by reading.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract import extract


def found(text: str, title: str = "") -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract(text, title)]


# -- direct quotations ---------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # speaker before, colon
    ("外交部发言人汪文斌说：“中方坚决反对任何形式的干涉。”",
     [("direct", "汪文斌", "中方坚决反对任何形式的干涉。")]),
    # speaker before, comma
    ("德国外长马斯表示，“我们对局势深感忧虑。”",
     [("direct", "马斯", "我们对局势深感忧虑。")]),
    # speaker after
    ("“我们的同事正在向我伸手，”拉夫罗夫在与普京会晤时说。",
     [("direct", "拉夫罗夫", "我们的同事正在向我伸手，")]),
    # speaker around: two records
    ("“这是一个错误的决定，”市长李明说，“我们会继续上诉。”",
     [("direct", "李明", "这是一个错误的决定，"), ("direct", "李明", "我们会继续上诉。")]),
    # speaker after, with whom they told (告诉记者); around, told in the middle
    ("“法庭终于作出了全面的决定，”律师联盟主席奥拉利亚在一封电子邮件中告诉记者。",
     [("direct", "奥拉利亚", "法庭终于作出了全面的决定，")]),
    ("“我刚收到邮件的时候，焦虑得耳鸣了，”柏翠丝告诉我，“现在我的耳鸣就好了。”",
     [("direct", "柏翠丝", "我刚收到邮件的时候，焦虑得耳鸣了，"), ("direct", "柏翠丝", "现在我的耳鸣就好了。")]),
    # corner brackets, traditional script
    ("台灣外交部長吳釗燮表示：「台灣不會屈服於壓力。」",
     [("direct", "吳釗燮", "台灣不會屈服於壓力。")]),
    # double corner brackets
    ("这位作家写道：『自由从来不是免费的。』",
     [("direct", "作家", "自由从来不是免费的。")]),
    # straight quotes around Chinese
    ('理事会主席米歇尔周二表示，"我们对这一决定深感遗憾。"',
     [("direct", "米歇尔", "我们对这一决定深感遗憾。")]),
])
def test_direct_speaker_before_after_around(text, expected):
    assert found(text) == expected


def test_an_opening_mark_typed_for_a_closing_one_before_more_quotes_and_a_new_sentence():
    # ,“Mayer写道: more marks open after it than close, so it closes; 。“前国家主席胡锦涛…: the clause after it starts there
    text = "“我可以证实，中国政府从未要求我们提供数据,“Mayer写道，并补充称，数据存储在新加坡，“我们也不会答应。”"
    assert [(q.kind, q.speaker) for q in extract(text)] == [("direct", "Mayer"), ("indirect", "Mayer")]
    text = ("江泽民在讲话中提到：“香港今日的繁荣，归根到底是香港同胞创造的。“前国家主席胡锦涛在讲话中提到："
            "“在我国改革开放的历史进程中，广大香港同胞发挥了重要作用。”")
    assert [q.speaker for q in extract(text)] == ["江泽民", "胡锦涛"]


@pytest.mark.parametrize("text,expected", [
    # a verb of saying that ends the subject is its verb, not part of who (路透社分析|认为, 中国否认|指控，称)
    ("路透社分析认为，消费数据逊于该社调查预估值。", [("indirect", "路透社", "消费数据逊于该社调查预估值")]),
    ("郑国恩的报告引发强烈反响。\n中国否认指控，称郑国恩的报告毫无根据。", [("indirect", "中国", "郑国恩的报告毫无根据")]),
    # …unless it is a noun something governs or counts (有分析认为: no one named)
    ("有分析认为，此举将缩小华为在欧洲的业务。", [("indirect", "UNKNOWN", "此举将缩小华为在欧洲的业务")]),
    # a verb right after a verb of saying is what it says (认为补充维生素D…)
    ("斯纳赫特认为补充维生素D对新冠病毒的预防功效不大。", [("indirect", "斯纳赫特", "补充维生素D对新冠病毒的预防功效不大")]),
    # the speaker of a verb whose content opens with another verb is that verb's (蓬佩奥发表声明称，说…)
    ("香港国安法生效，美国国务卿蓬佩奥发表声明称，说美国会有新一轮反制措施。", [("indirect", "蓬佩奥", "美国会有新一轮反制措施")]),
])
def test_verbs_of_saying_next_to_each_other(text, expected):
    assert found(text) == expected


def test_a_label_between_a_speaker_and_the_quotation():
    text = "江启臣说，这是绿化。\n江启臣：(影片) “今天没有抗议，明天就没有公义！”"
    assert found(text)[-1] == ("direct", "江启臣", "今天没有抗议，明天就没有公义！")


def test_this_body_is_the_body_that_just_spoke():
    text = "英国预算责任办公室表示，经济将萎缩。该机构指出，失业率可能上升。"
    assert [q.speaker for q in extract(text)] == ["英国预算责任办公室"] * 2


def test_an_honorific_after_a_latin_name_is_no_part_of_it():
    assert [q.speaker for q in extract("行为科学设计师Nir Eyal先生表示，这个问题并没有清晰的答案。")] == ["Nir Eyal"]


def test_latin_names_with_a_prefix_capital():
    text = ("嘉信理财的首席投资官Bill McMahon表示，在削减办公室支出之后，可能会出现裁员。\n“显然，企业开始合理安排实体工厂，”他说。"
            "\n“我们的办公面积会缩小很多，”道富银行执行长Ronald Philip O'Hanley在财报电话会议上称。")
    assert [q.speaker for q in extract(text)] == ["Bill McMahon", "Bill McMahon", "Ronald Philip O'Hanley"]


def test_a_purpose_clause_right_after_the_verb_is_content():
    # 表示为避免争议扩散，…: 为 opens a purpose (not 宣布为…, 预期为减少71万桶: what something is declared or expected to be)
    assert found("文化部发出声明，表示为避免争议扩散，文化部终止有关委托案。") == [
        ("indirect", "文化部", "为避免争议扩散，文化部终止有关委托案")]
    assert found("分析师预期为减少71万桶。") == []


def test_a_name_in_quotation_marks_labels_the_paragraph():
    text = "大陆军事评论员“立风”表示，美国突然下手。\n“立风”：“有些‘密级’很高的东西反而是不需要焚烧的。”"
    assert found(text)[-1] == ("direct", "立风", "有些‘密级’很高的东西反而是不需要焚烧的。")


def test_asking_is_a_verb_of_saying():
    assert [q.speaker for q in extract("特朗普在推文中称，邮寄投票将很不准确。他提问称：“我们应该推迟选举吗？”")] == ["特朗普"] * 2


def test_a_handle_after_a_role_is_the_person():
    # 博主辣笔小球: a nickname no name rule reads, after a role; not 刘奇峰受访时, a name and a time
    assert [q.speaker for q in extract("知名微博爆料博主辣笔小球则称，黄晓明代言的广告将被彻底封杀。")] == ["辣笔小球"]
    assert [q.speaker for q in extract("学者刘奇峰指出，这是放任。刘奇峰受访时说，民怨需要宣泄。")] == ["刘奇峰", "刘奇峰"]


def test_a_text_speaks_from_inside_itself():
    # 报告中指, 信中写道: the report, the letter speaks (not 报告中, 信中)
    assert [q.speaker for q in extract("郑国恩撰写的新疆调查报告日前公开。报告中指，新疆当局定期要求少数民族女性接受体检。")] == ["报告"]
    assert [q.speaker for q in extract("议员们签署了一封信。信中写道：“这是最紧迫的问题。”")] == ["信"]


def test_last_week_is_a_time_not_part_of_the_name():
    assert [q.speaker for q in extract("蓬佩奥上星期三说：“我相信，中国共产党将继续这样做。”")] == ["蓬佩奥"]


def test_no_content_before_a_verb_that_ends_a_question():
    assert found("但是在决定配置更多的黄金之前，投资者需要扪心自问：目前的黄金价格，已经消化了多少通胀预期？") == []


def test_whom_told_after_a_quotation_then_another_verb():
    # “…，”她会告诉他们，并称…: the quotation is hers and 称 reports the rest; 叶甫图申科告诉他们，… reports what follows
    assert found("伯克斯在晨会上发言。“所有城市都在趋于稳定，”她会告诉他们，并称病毒在4月中旬已经达到峰值。") == [
        ("direct", "伯克斯", "所有城市都在趋于稳定，"), ("indirect", "伯克斯", "病毒在4月中旬已经达到峰值")]
    assert found("“我觉得大约有一万人。”叶甫图申科告诉他们，被逮捕的人据估计有几百万。") == [
        ("indirect", "叶甫图申科", "被逮捕的人据估计有几百万")]


@pytest.mark.parametrize("text,speakers", [
    ("坦率地说，这份报告看起来更像是竞选材料。", []),  # a manner of speaking, no one speaking
    ("他终于说出实话，但保持平和。", []),  # 说出: speaking out something, not reporting it
    ("金锦赫返回朝鲜——韩国官员说，他再度游泳穿越那条河。", ["韩国官员"]),  # one dash ends the clause before the speaker
    ("在法庭上他在《我没有敌人——我的最后陈述》中说：“我期待我的国家是一片可以自由表达的土地。”", ["他"]),  # a title's dash
])
def test_dashes_and_set_phrases_around_说(text, speakers):
    assert [q.speaker for q in extract(text)] == speakers


def test_what_follows_告诉_after_a_quotation_is_only_whom_when_it_has_no_verb():
    # 他告诉我这句话引起了一场“争执”: what he told, not whom; the quotation before is not his words by this verb
    assert found("福奇说：“我不能扑到麦克风前把他推开。”他告诉我这句话引起了一场“争执”。") == [
        ("direct", "福奇", "我不能扑到麦克风前把他推开。")]


def test_a_paragraph_that_is_only_a_quote_continues_the_speaker():
    text = "议员卢比奥说：“中国领事馆是间谍中心。”\n“它早就应该被关闭了，我们不能再等待。”"
    quotes = extract(text)
    assert [(q.speaker, q.paragraph) for q in quotes] == [("卢比奥", 1), ("卢比奥", 2)]
    assert quotes[1].confidence < quotes[0].confidence


def test_a_paragraph_about_the_speaker_alone_does_not_end_their_words():
    text = ("李孝琳说：“受害者来找我们之前，已走了一段艰苦的路。”\n许多受害人选择放弃，李孝琳则希望与她们一起重建生活。\n"
            "“我们康复的定义就是她们不再是被动的人，她们会继续自己的生活。”")
    assert [q.speaker for q in extract(text)] == ["李孝琳", "李孝琳"]
    # a paragraph that tells of someone else does
    text = ("李孝琳说：“受害者来找我们之前，已走了一段艰苦的路。”\n警察局长金永浩承认调查进展缓慢。\n"
            "“我们康复的定义就是她们不再是被动的人，她们会继续自己的生活。”")
    assert [q.speaker for q in extract(text)] == ["李孝琳"]


def test_a_colon_ending_a_paragraph_introduces_the_quotation_below():
    text = "消息见诸媒体后，中国外交部发言人汪文斌在例行记者会上表示：\n“英方的错误言论和举措，粗暴干涉中国内政。”"
    quotes = extract(text)
    assert [(q.kind, q.speaker, q.cue, q.paragraph) for q in quotes] == [("direct", "汪文斌", "表示", 2)]
    assert quotes[0].confidence == 0.9  # the verb is explicit, not inherited


def test_a_credit_line_after_a_quote_paragraph_does_not_stop_it_continuing():
    text = ("阿尔诺指出，尽管6月业绩出现复苏迹象，但第二季整体营收仍下滑。\n"
            "「不过，亚洲的业绩出现明显改善趋势，特别是中国市场的业绩强劲反弹。」（实习编译：李昕颐/核稿：张正芊）")
    assert [(q.kind, q.speaker) for q in extract(text)] == [("indirect", "阿尔诺"), ("direct", "阿尔诺")]


def test_a_quote_running_over_paragraphs_is_one_record():
    text = "教授张明说：“第一，经济正在放缓。\n“第二，失业率正在上升。”"
    quotes = extract(text)
    assert len(quotes) == 1 and quotes[0].speaker == "张明"
    assert quotes[0].text.startswith("第一") and quotes[0].text.endswith("上升。")


def test_nested_marks_stay_inside():
    quotes = extract("他的律师说：“法官说‘不要担心’，然后就判了他十年。”")
    assert len(quotes) == 1 and "‘不要担心’" in quotes[0].text


def test_unbalanced_mark_never_swallows_the_article():
    text = "发言人王伟说：“这件事还没有结论\n警方表示，调查仍在进行。\n第三段没有引语。"
    quotes = extract(text)
    assert quotes[0].text == "这件事还没有结论" and quotes[0].paragraph == 1
    assert ("indirect", "警方", "调查仍在进行") in found(text)


@pytest.mark.parametrize("text", [
    "拉夫罗夫周三告诉“今日俄罗斯”频道，俄罗斯支持在三个框架内谈判。",
    "俄罗斯开始减少通过“亚马尔-欧洲”管道的天然气泵送。",
    "美国声称俄罗斯可能准备“入侵”乌克兰。",
    "这部电影叫《“我”的故事》，在台湾上映。",
])
def test_names_terms_and_scare_quotes_are_not_quotes(text):
    assert all(kind == "indirect" for kind, _, _ in found(text))
    assert all(not t.strip("“”") in ("今日俄罗斯", "亚马尔-欧洲", "入侵", "我") for _, _, t in found(text))


# -- reported speech -----------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("俄罗斯外交部长谢尔盖·拉夫罗夫称美国的反应是务实的。",
     [("indirect", "谢尔盖·拉夫罗夫", "美国的反应是务实的")]),
    # two verbs of one speaker: two records
    ("克里姆林宫宣布，俄罗斯欢迎西方的提议，但表示，谈判不能变成马拉松。",
     [("indirect", "克里姆林宫", "俄罗斯欢迎西方的提议"), ("indirect", "克里姆林宫", "谈判不能变成马拉松")]),
    # the content stops where the journalist's clause begins
    ("乌克兰表示，俄方拒绝了举行特别会议的提议，该地区自2014年以来一直冲突不断。",
     [("indirect", "乌克兰", "俄方拒绝了举行特别会议的提议")]),
    # 据X介绍
    ("据拉夫罗夫介绍，他还将与意大利外长进行接触。",
     [("indirect", "拉夫罗夫", "他还将与意大利外长进行接触")]),
    # 据X报道 with a speaker inside: the inner one speaks
    ("据塔斯社报导，拉夫罗夫当天表示，俄方将继续寻求答案。",
     [("indirect", "拉夫罗夫", "俄方将继续寻求答案")]),
    # 告诉…称 and 告诉Y，…
    ("绍伊古告诉普京称，这些演习将会继续进行。",
     [("indirect", "绍伊古", "这些演习将会继续进行")]),
    ("美国总统告诉俄罗斯总统，部署军队是不可接受的。",
     [("indirect", "美国总统", "部署军队是不可接受的")]),
    # X对Y说
    ("普京对拉夫罗夫说，他想听听相关的分析和建议。",
     [("indirect", "普京", "他想听听相关的分析和建议")]),
    # a quoted fragment belongs to the claim around it
    ("普京强调，俄罗斯“将对不友好的行为做出强有力的回应”。",
     [("indirect", "普京", "俄罗斯“将对不友好的行为做出强有力的回应”")]),
    # attitude, not speech
    ("乌克兰总统对北约的决定表示失望。", []),
    # a time phrase opening the content (今年以来) is part of it when no other verb takes over
    ("丁薛祥表示，今年以来，两国元首多次举行会晤和通话。", [("indirect", "丁薛祥", "今年以来，两国元首多次举行会晤和通话")]),
    # a three-character name holding a cut word (在) stays whole
    ("李在明表示，热烈欢迎习近平主席再次对韩国进行国事访问。", [("indirect", "李在明", "热烈欢迎习近平主席再次对韩国进行国事访问")]),
    # a report is a noun before 称 (这份报告称, 路透社的报道说): the report speaks
    ("这份报告称，全球气温在过去十年持续上升。", [("indirect", "这份报告", "全球气温在过去十年持续上升")]),
    ("路透社周四的报道说，这个消息得到了政府消息人士的证实。",
     [("indirect", "路透社", "这个消息得到了政府消息人士的证实")]),
    # a second speaker after a short first claim: two claims
    ("反对者称这次投票非法，一独立监督组织称投票存在严重瑕疵。",
     [("indirect", "反对者", "这次投票非法"), ("indirect", "一独立监督组织", "投票存在严重瑕疵")]),
])
def test_reported_speech(text, expected):
    assert found(text) == expected


def test_援引_names_the_quoted_person():
    assert found("俄总统府的声明援引普京对拉夫罗夫的话说：“我们今天与你商定了方案。”") == [
        ("direct", "普京", "我们今天与你商定了方案。")]


# -- speakers ------------------------------------------------------------------

@pytest.mark.parametrize("text,speaker,written", [
    ("美国国家安全委员会周三在一份声明中表示，拜登政府继续进行外交努力。", "美国国家安全委员会", "美国国家安全委员会"),
    ("泽连斯基周二与乌克兰大使会晤时说，乌克兰不会接受这个假设。", "泽连斯基", "泽连斯基"),
    ("外交部发言人汪文斌7月20日说，中方坚决反对。", "汪文斌", "外交部发言人汪文斌"),
    ("专家也表示，这项政策值得肯定。", "专家", "专家"),
    ("与此同时，英国外交大臣利兹·特拉斯周四表示，四国外长讨论了阻止袭击的行动。", "利兹·特拉斯", "英国外交大臣利兹·特拉斯"),
    ("声明说，俄方坚持要求获得法律保障。", "声明", "声明"),
    ("报道还称，美国承诺排除北约进一步东扩的可能。", "报道", "报道"),
    ("美國國務卿蓬佩奧星期一說，中共必須停止迫害。", "蓬佩奧", "美國國務卿蓬佩奧"),
    # a report speaks as the article wrote it; an unnamed one (有社論) is no one we can name
    ("有社論指出，日本政府應派重要人士參加喪禮。", "UNKNOWN", "有社論"),
    ("一份报告称，全球气温在过去十年持续上升。", "一份报告", "一份报告"),
    ("報導說，李登輝能講流利的日文。", "報導", "報導"),
    # a relative clause before a kind of person: the person speaks
    ("据不愿透露姓名的印度政府圈内人士向路透社表示，中国军队拆除了帐篷和设施。", "印度政府圈内人士", "不愿透露姓名的印度政府圈内人士"),
    # 而是称: a connective, not a subject
    ("发言人赵立坚没有使用强硬措辞，而是称，双方应通过外交渠道解决问题。", "赵立坚", ""),
    # how they spoke is no part of who spoke; a role before a name not met before still splits off
    ("王毅面带微笑地表示，中方愿意同各方合作。", "王毅", "王毅"),
    ("外交部发言人汪文斌不客气地说，美方应当停止干涉。", "汪文斌", "外交部发言人汪文斌"),
    ("该发言人平静地表示，调查仍在进行。", "发言人", "该发言人"),
    ("美国财政部长姆努钦本周在白宫表示，美国政府正在审查。", "姆努钦", "美国财政部长姆努钦"),
])
def test_speaker_spans_are_clean(text, speaker, written):
    quotes = extract(text)
    assert quotes and (quotes[0].speaker, quotes[0].speaker_as_written) == (speaker, written)


def test_pronouns_and_descriptions_resolve_to_the_person():
    text = ("普京的外交政策顾问尤里·乌沙科夫表示，通话具有建设性。"
            "这位俄罗斯官员补充说，俄罗斯考虑了美国的关切。\n"
            "助理国务卿凯伦·唐弗里德表示，会晤日期即将确定。她补充说，美国已经看到了俄罗斯的提议。\n"
            "俄罗斯外交部发言人玛丽亚·扎哈罗娃表示，会谈将在日内瓦举行。发言人指出，里亚布科夫将率团出席。")
    quotes = extract(text)
    assert [q.speaker for q in quotes] == ["尤里·乌沙科夫"] * 2 + ["凯伦·唐弗里德"] * 2 + ["玛丽亚·扎哈罗娃"] * 2
    assert [q.speaker_as_written for q in quotes][1::2] == ["这位俄罗斯官员", "她", "发言人"]
    assert all(quotes[i].confidence < quotes[i - 1].confidence for i in (1, 3, 5))


def test_short_name_and_role_resolve_to_the_full_name():
    text = "俄罗斯总统弗拉基米尔·普京表示，俄罗斯将采取措施。普京强调，西方必须停止东扩。俄罗斯总统还说，谈判应该继续。"
    quotes = extract(text)
    assert {q.speaker for q in quotes} == {"弗拉基米尔·普京"}
    assert quotes[0].role == "俄罗斯总统"


def test_the_pronoun_follows_the_subject_not_the_last_speaker():
    text = "拉夫罗夫表示，俄方将继续寻求答案。绍伊古在会议中向普京报告了演习情况。他谈到，“其中一些演习即将结束。”"
    assert found(text)[-1] == ("direct", "绍伊古", "其中一些演习即将结束。")


def test_organisations_countries_and_documents_speak():
    kinds = {q.speaker: q.speaker_kind for q in extract(
        "美国国务院表示，北约准备对话。俄罗斯强调，北约东扩是威胁。声明说，俄方坚持要求法律保障。")}
    assert kinds == {"美国国务院": "organisation", "俄罗斯": "country", "声明": "document"}


def test_an_acronym_the_article_glossed_is_the_organisation():
    text = "国际金融协会(IIF)周三称，资金流入大幅增加。“我们认为这种信心的转变是合理的，”IIF称。"
    assert [(q.speaker, q.speaker_as_written, q.cue) for q in extract(text)] == [
        ("国际金融协会", "国际金融协会(IIF)", "称"), ("国际金融协会", "IIF", "称")]
    assert extract("“这种转变是合理的，”XYZ称。") == []  # letters alone name no one


def test_a_pronoun_finds_the_name_that_opened_an_earlier_clause():
    # the name before its role (特朗普总统) and a name that ends past the first words both count
    text = ("美国商务部长罗斯说，北京正在实施计划。\n特朗普总统曾在5月29日发表文告，禁止部分中国公民持学生签证。"
            "他说，中国政府利用留学生获取美国的知识产权。\n"
            "前“谷歌”首席执行官埃里克·施密特目前担任两个咨询机构的主席。他日前接受军事媒体Defense One专访时表示，这项政策伤害美国自己的利益。")
    assert [q.speaker for q in extract(text)] == ["罗斯", "特朗普", "埃里克·施密特"]


@pytest.mark.parametrize("text,speakers", [
    # a name further into a clause, since the last speaker: the person the text turned to
    ("沃尔夫说，国土安全部处在最前沿。\n其中一个受到这项决定影响的学者是正在攻读博士学位的董明旷(Mike Thompson)。"
     "他向德国之声表示，这个决定迫使他重新调整论文主题。", ["沃尔夫", "董明旷"]),
    ("董明旷说：「这意味着我必须转移论文的主题。」\n原先计画至中国研究交流的历史系副教授包爱梅(Emily Baum)，"
     "也因这项决策无法成行。她告诉德国之声，交流计划一直推广互相理解。", ["董明旷", "包爱梅"]),
    # a name the tagger reads at a clause's start, with no verb right after it
    ("张海涛的姐姐说，她多次致电监狱。\n李爱杰带着4岁多的儿子搬到加州，在民间组织工作，她说会持续为丈夫呼吁。",
     ["张海涛的姐姐", "李爱杰"]),
    # a dotted name whose last part is one character
    ("代理部长沃尔夫说，威胁在加剧。\n美国联邦调查局局长克里斯托弗·雷（Christopher Wray）7月8日说，间谍渗透无所不在。"
     "他最近在接受采访时说，美国正在调查两千多起案件。", ["沃尔夫", "克里斯托弗·雷", "克里斯托弗·雷"]),
    # a name mentioned inside the speaker's own clause is not whom the next pronoun means
    ("特朗普说，两国关系很好。他在讲话中称赞了习近平。他说，中国是伟大的国家。", ["特朗普", "特朗普"]),
    # a person described, not named, spoke last: 他 is they, not the person named before
    ("世贸组织总干事伊维拉指出，国际社会应继续加强多边贸易体系。\n美国国会众议院议长12日称，已要求启动弹劾调查。"
     "他说，众议院共和党人发现拜登的行为涉嫌滥用权力。", ["伊维拉", "美国国会众议院议长", "美国国会众议院议长"]),
    # a role and a name the rules do not read as one still mean whom the next pronoun means
    ("一名美高级官员说，战事可能重新爆发。\n伊朗副外长哈提卜扎德18日表示，美方的要求是主要障碍。他还表示，伊朗正在寻求框架协议。",
     ["一名美高级官员", "哈提卜扎德", "哈提卜扎德"]),
    # two dotted names in one run are two people (罗德里戈·杜特尔特及其政府在…唐纳德·特朗普)
    ("菲律宾总统罗德里戈·杜特尔特及其政府在美国总统唐纳德·特朗普及其政府的协助下犯下了罪行。\n"
     "法庭写道：“对于人权维护者的法外杀人事件也愈演愈烈。”\n杜特尔特毫无歉意。在2018年9月27日，他公开承认，“我唯一的罪过是法外杀人。”",
     ["法庭", "罗德里戈·杜特尔特"]),
    # a name glossed in Latin letters after a role the rules lack (首席兽医官)
    ("衛生官員強調，民眾不需緊張。英國首席獸醫官密道米斯(Christine Middlemiss)表示：「這是非常罕見的案例。」"
     "她表示：「沒有證據顯示寵物會傳播病毒。」", ["衛生官員", "密道米斯", "密道米斯"]),
    # a byline is no antecedent; the description that spoke is
    ("叶宣（综合报道）\n德国国防部一名发言人周五对德新社表示，检察院将参与调查。但他表示，丢失的原因尚无法确定。",
     ["德国国防部一名发言人", "德国国防部一名发言人"]),
])
def test_a_pronoun_means_the_person_named_since_the_last_speaker(text, speakers):
    assert [q.speaker for q in extract(text)] == speakers


@pytest.mark.parametrize("text", [
    "多名参与者批评此举。也有曾参与交流计划的学者在网上发起请愿活动。他表示，终止计划是错误的。",  # 曾 + 参与: no 曾参
    "事发后，他们由一河之隔的大陆传到香港。他说，这是最后一次会见。",  # 由一河 is tagged as a name
])
def test_words_read_as_names_are_no_antecedent(text):
    assert [q.speaker for q in extract(text)] in ([], ["他"], ["UNKNOWN"])


@pytest.mark.parametrize("text,expected", [
    # a term in quotation marks inside a phrase after a preposition does not open the clause
    ("中国外交部透过“领事直通车”微信公众号说到，美国执法机构针对中国留学人员的盘查近期急剧增加。",
     [("indirect", "中国外交部", "美国执法机构针对中国留学人员的盘查近期急剧增加")]),
    # one character after a term is no noun it completes: 一说 is 'the claim', not a verb of saying
    ("中国外交部发言人汪文斌在例行记者会上也针对“干涉内政”一说做出回应，表示中方一贯坚持不干涉别国内政的原则。",
     [("indirect", "汪文斌", "中方一贯坚持不干涉别国内政的原则")]),
    # 称呼 names, it does not report speech
    ("博尔顿称呼蒂勒森和马蒂斯为所谓的成年人轴心。", []),
])
def test_a_term_in_quotation_marks_inside_the_subject_clause(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,speakers", [
    # a hyphen joins a transliterated name's parts like a dot
    ("伦敦国王学院国际关系学教授哈什-潘特（Harsh Pant）告诉法广，印度正在寻求收窄对华依赖。哈什-潘特说，中方缺乏诚意。",
     ["哈什-潘特", "哈什-潘特"]),
    # not a dateline's (7日-彭博) nor two nouns' (非政府组织-巴勒斯坦)
    ("路透北京7月2日-彭博新闻援引未具名消息人士报导称，中信证券计划合并。彭博称，该合并计划已得到批准。",
     ["未具名消息人士", "彭博"]),
    # a Latin gloss with a capital inside a word (McConnell)
    ("美国参议院共和党领袖麦康奈尔(Mitch McConnell)表示，计划将涉及医疗问题。", ["麦康奈尔"]),
])
def test_hyphenated_and_glossed_names(text, speakers):
    assert [q.speaker for q in extract(text)] == speakers


def test_a_word_in_latin_letters_speaks_but_is_no_person_of_the_article():
    # TikTok is a noun that speaks; registered as a person it would swallow 新德里TikTok用户安库什·巴胡古纳
    text = ("TikTok在一份声明中说，“我们对TikTok的长期成功充满信心。”\n"
            "新德里TikTok用户安库什·巴胡古纳(Ankush Bahuguna)表示，如果不能使用TikTok，粉丝会被其他平台带走。")
    assert [q.speaker for q in extract(text)] == ["TikTok", "安库什·巴胡古纳"]


def test_japanese_ministers_are_split_from_their_names():
    text = "日本防卫相河野太郎在星期二的记者会上说：“我们必须加强警戒。”日本内阁官房长官菅义伟藉记者会表示，政府不发表评论。"
    assert [q.speaker for q in extract(text)] == ["河野太郎", "菅义伟"]


def test_a_description_repeats_the_person_just_described_by_it():
    # 这位…资深人士 is the 资深人士 who just spoke, not a name mentioned before (陈彦峰), nor 向日本 (向 + a place)
    text = ("陈彦峰回忆了外高桥的发展历史。企业向日本的上游供应商订货。\n"
            "「转口贸易是在进口贸易的基础上衍生出来的。」一位外汇管理领域的资深人士对财新记者表示。\n"
            "这位外汇管理领域的资深人士还强调，大宗商品领域的离岸转手买卖业务有较强的金融投资属性。")
    assert [q.speaker for q in extract(text)] == ["一位外汇管理领域的资深人士"] * 2


def test_a_rare_word_starting_like_a_preposition_is_no_glued_one():
    # 上海|自贸区: 自 is a preposition, but 贸区 no word, so 自贸区 is not 自 + a word (向|普京, 发表|声明 are)
    assert [q.speaker for q in extract("上海自贸区管委会称，将推出针对离岸业务的财政扶持政策。")] == ["上海自贸区管委会"]
    assert [q.speaker for q in extract("美国海军发表声明称，17名水兵被送往医院。")] == ["美国海军"]


def test_a_name_with_its_role_after_opening_a_clause_is_whom_he_means():
    text = ("2012年12月，习近平总书记就来到当时的贫困县阜平。在这里，他进村入户看真贫，"
            "他深情地说：“没有农村的小康，就没有全面建成小康社会。”")
    assert [q.speaker for q in extract(text)] == ["习近平"]


@pytest.mark.parametrize("text,speaker", [
    # the subject of a time clause gives way to the subject of the clause after it
    ("欧盟在2018年出台这些规则后，人们曾表示担忧，认为它们会给大型科技公司带来过于沉重的负担。", "人们"),
    ("美国21日要求中国关闭驻休斯顿总领馆后，中国24日通知美国关闭驻成都总领事馆，并称此举是正当和必要反应。", "中国"),
    # …but not to a clause that has none (首次出访…)
    ("2013年3月，习近平主席就任国家主席后，首次出访就来到非洲，提出正确义利观，强调中非从来都是命运共同体。", "习近平"),
])
def test_a_verb_without_subject_inherits_the_main_clauses(text, speaker):
    assert [q.speaker for q in extract(text)] == [speaker]


def test_a_latin_gloss_with_accents_and_a_role_before_it_names_the_person():
    text = ("于贝拉（Klaus Überla）是艾尔朗根大学的病毒学家。他表示，哪一种疫苗最终将胜出，目前尚无法预言。"
            "正如慕尼黑技术大学的普罗策教授（Ulrike Protzer)所言，已经有3种疫苗进入了第三阶段。她说：\"第三阶段就是最后一阶段。\""
            "\n该中心是由哈皮教授（Christian Happi）负责营运。哈皮表示，非洲需要自己的解决方案。")
    assert [q.speaker for q in extract(text)] == ["于贝拉", "普罗策", "哈皮"]


def test_a_name_glossed_as_rendered_by_its_sound_is_a_person():
    text = "向金国(音译)在石家庄当保安，靠每月1700元的工资生活。「我不得不改吃素。」他气呼呼地说。"
    assert [q.speaker for q in extract(text)] == ["向金国"]


def test_a_compilation_of_reports_frames_the_speaker_inside():
    # 综合港媒报导 is 据港媒报导: the person who speaks inside it is the speaker
    assert found("综合港媒报导，周庭在庭外表示认罪与否属个人决定。") == [("indirect", "周庭", "认罪与否属个人决定")]


def test_a_transliterated_name_keeps_its_last_character_before_a_word():
    # 特朗普及其政府: 及其 is a word, so 普 is the name's (特朗普提问: 提问, and 普 is the name's too)
    text = "美国总统唐纳德·特朗普及其政府多次施压。唐纳德·特朗普说，这是公平的。"
    assert [q.speaker for q in extract(text)] == ["唐纳德·特朗普"]


def test_a_full_given_name_stays_after_a_role():
    text = "野人广告公司(Barbarian)的首席执行官史蒂芬·梅(Steven Moy)说，这样的宣传活动是一个很好的起点。"
    assert [q.speaker for q in extract(text)] == ["史蒂芬·梅"]


def test_a_clause_opening_with_a_verb_inherits_the_sentence_subject():
    text = "美国商务部长罗斯7月1日接受电视采访，谈到对中国高科技公司的限制措施时表示，北京正在实施计划。"
    assert found(text) == [("indirect", "罗斯", "北京正在实施计划")]


def test_no_speaker_is_inherited_from_a_possessor():
    # the sentence is about 法国的…时代; 法国 did not say what 相信 introduces (the author did)
    assert found("法国的后疫情政治时代正式启动，相信其展示的一些趋势会在其他国家陆续浮现。") == []
    assert found("俄罗斯要求安全保障，并表示北约必须停止东扩。") == [("indirect", "俄罗斯", "北约必须停止东扩")]


def test_a_description_points_back_to_the_speaker_it_shortens():
    text = "一名研究院干部透露，离职的90多名科研人员都是核所职工。这名干部声称，核所最高峰有500人。"
    assert [q.speaker for q in extract(text)] == ["一名研究院干部", "一名研究院干部"]


def test_an_inherited_subject_stops_at_its_own_verb():
    text = "加拿大外交部长商鹏飞谴责香港国安法的立法程序“不公开”，并表示加拿大已被迫重新评估现有安排。"
    assert found(text) == [("indirect", "商鹏飞", "加拿大已被迫重新评估现有安排")]


def test_a_name_after_a_conjunction_is_not_cut_at_its_first_character():
    assert extract("海通证券宏观团队的姜超和于博指出，6月全国地产销售额增速为9%。")[0].speaker.endswith("于博")


def test_an_opening_mark_typed_for_a_closing_one_ends_the_quote():
    text = "“房地产作为我国经济‘压舱石’作用不可忽略，“赵金鑫指出，上半年投资增速率先转正。"
    quote = extract(text)[0]
    assert (quote.kind, quote.speaker, quote.text) == ("direct", "赵金鑫", "房地产作为我国经济‘压舱石’作用不可忽略，")


def test_unknown_speaker():
    assert found("有人说，这项政策不会成功。") == [("indirect", "UNKNOWN", "这项政策不会成功")]


# -- headlines -----------------------------------------------------------------

def test_headline_quote_of_a_speaker_in_the_article():
    quotes = extract("俄防长绍伊古表示，部分演习即将结束。", title="俄外长建议继续接触 俄防长：部分军演即将结束")
    assert (quotes[0].paragraph, quotes[0].speaker, quotes[0].text) == (0, "绍伊古", "部分军演即将结束")


def test_headline_topic_label_is_not_a_speaker():
    assert all(q.paragraph for q in extract("专家表示，气温会继续上升。", title="气候变化：夏天可能会热到难以生存"))


# -- invariants ----------------------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from(list("他她说表示称指出，。：“”「」『』\"的是在美国俄罗斯普京外交部发言人\n ")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_offsets_always_index_the_text(text):
    for q in extract(text):
        assert text[q.start:q.end] == q.text
        assert 0 <= q.confidence <= 1
        assert q.paragraph == text[:q.start].count("\n") + 1


@pytest.mark.parametrize("text", [
    "激情、远景、希望，欧洲有能力做大事，对默克尔来说，这是一个不寻常的讲话。",  # 对X来说: for X, not X said
    "此举表明，西方国家有了对抗中国的新意愿。",  # an act shows; no one speaks
])
def test_topics_and_acts_are_not_speakers(text):
    assert extract(text) == []


def test_a_later_time_still_lets_the_subject_speak():
    assert [(q.speaker, q.text) for q in extract("他后来说，自己并不知情。")] == [("他", "自己并不知情")]


def test_the_subject_after_a_relative_clause_is_not_the_place_in_a_later_phrase():
    text = "曾创办教育科技公司、现为陕西教育学会做教育评价工作的魏金宝在写给孩子的信中说，“分数不重要，但成绩很重要”。"
    assert [q.speaker for q in extract(text)] == ["魏金宝"]


def test_a_time_clause_after_a_known_person_is_theirs():
    """华春莹回应相关提问时说: the time clause opens with a person the article named, who speaks."""
    quotes = extract("外交部发言人华春莹表示，中方坚决反对。华春莹回应相关提问时说，如果报道属实，美方非常可悲。")
    assert [q.speaker for q in quotes] == ["华春莹", "华春莹"]
    assert extract("出席记者会时表示，双方应当合作。") == []  # a time alone names no one


@pytest.mark.parametrize("text,speaker", [
    ("10月3日王毅也向布林肯表示，中国不会坐视不顾。", "王毅"),  # a date before the subject
    ("阮铭回忆，“胡耀邦曾讲，毛泽东几天几夜抽烟不睡觉。”", "阮铭"),  # 回忆, before a comma, reports speech
])
def test_dates_before_and_recollections(text, speaker):
    assert [q.speaker for q in extract(text)] == [speaker]


def test_a_warning_made_a_noun_is_no_cue():
    assert extract("美国因此不顾这些警告，导致中国参战，战争扩大。") == []


@pytest.mark.parametrize("text,expected", [
    # a verb whose words run into a time word says when, not what
    ("中国宣布实施制裁之际，两国之间的紧张已升至最危险的水平。", []),
    ("美国政府宣布暂停交流计画後，也让这一计划成为又一个被关闭的渠道。", []),
    # …时 before another verb: that verb speaks, here for the quote before it
    ("“中方坚决反对美售台武器，”中国外交部发言人赵立坚在宣布制裁决定时表示。",
     [("direct", "赵立坚", "中方坚决反对美售台武器，")]),
    # a content with its own subject or time phrase, or a time of day, goes on
    ("他抱怨说他的副手被监禁后，情报部门变成了商人。", [("indirect", "他", "他的副手被监禁后，情报部门变成了商人")]),
    ("央行表示在第一季度杠杆率上升之后，二季度还会继续上升。", [("indirect", "央行", "在第一季度杠杆率上升之后，二季度还会继续上升")]),
    ("傅冬雨称将在周一早上9时，到校办公室递交公开信。", [("indirect", "傅冬雨", "将在周一早上9时，到校办公室递交公开信")]),
])
def test_a_verb_inside_a_time_clause_reports_nothing(text, expected):
    assert found(text) == expected


def test_a_quotation_after_a_colon_in_reported_speech_is_the_speakers_own_words():
    text = "张海涛姐姐说，弟弟被单独羁押在一囚室内，没有“放风”：“我问海涛几个人一个监室，他说就他一个人。”"
    assert found(text) == [("indirect", "张海涛姐姐", "弟弟被单独羁押在一囚室内，没有“放风”"),
                           ("direct", "张海涛姐姐", "我问海涛几个人一个监室，他说就他一个人。")]
    # another verb of saying before the colon: the reported part keeps the quotation, as before
    text = "Rocket告诉记者，他一脸懵逼，和我说：“我之前和她同学啊，怎么会这样。”"
    assert [q.kind for q in extract(text)] == ["indirect"]


@pytest.mark.parametrize("text,expected", [
    ("理想来说，他们应该经过筛查才能回到工作岗位。", []),  # "for", not "said"
    ("对很多年轻人来说，这个决定很难接受。", []),
    ("他后来说，这件事让他很难过。", [("indirect", "他", "这件事让他很难过")]),  # 后来 is a word of its own
    ("牧师接下来说，我们要为受害者祷告。", [("indirect", "牧师", "我们要为受害者祷告")]),
    ("特朗普反复强调，美国确诊人数多是因为检测多。", [("indirect", "特朗普", "美国确诊人数多是因为检测多")]),
])
def test_x来说_is_for_x(text, expected):
    assert found(text) == expected


def test_an_adverb_in_地_opening_a_clause_is_no_antecedent():
    text = "她的工作是在网络上移除这些内容。\n李孝琳说，单纯地把这些证据移走并不足够。\n“性侵视频成为了社会问题，”她说。"
    assert [q.speaker for q in extract(text)] == ["李孝琳", "李孝琳"]


def test_a_name_glossed_as_a_transliteration_is_one_person():
    text = "李孝琳（音译，Lee Hyorin）决定帮助这些受害者。\n“性侵视频成为了社会问题，”她说。"
    assert [q.speaker for q in extract(text)] == ["李孝琳"]


@pytest.mark.parametrize("text,expected", [
    # a passive inside the relative clause describes the speaker, who speaks
    ("被禁参选的黄之锋认为，北京或香港政府没有任何基础去押后选举。",
     [("indirect", "黄之锋", "北京或香港政府没有任何基础去押后选举")]),
    # a negation with an adverb is still what was not said; the speaker of the next verb has no 没有
    ("政府卫生部门官员没有明确表示支持或反对押后选举，但警告疫情严重，令医疗系统有可能崩溃。",
     [("indirect", "政府卫生部门官员", "疫情严重，令医疗系统有可能崩溃")]),
    # a clause opening with a negation has no speaker
    ("但没有明显的理由表明，第二次冷战应该以核边缘政策为特征。", []),
    # a pronoun before a relative clause is the subject, not the noun the clause ends with
    ("一名医生治好了他的耳疾。他没有向金珍雅提供关于他的情况或治疗的细节，但告诉她，那天他哭了。",
     [("indirect", "他", "那天他哭了")]),
])
def test_passives_negations_and_relative_clauses(text, expected):
    assert found(text) == expected


def test_they_may_mean_a_group_named_earlier_in_the_sentence():
    text = "大使馆纪念建城160周年，此举激起了中国网民的强烈反应，他们称这座城市建在原本属于中国的土地上。"
    assert [q.speaker for q in extract(text)] == ["中国网民"]


def test_the_one_character_last_part_of_a_dotted_name_speaks_for_it():
    text = ("洛伊研究所(Lowy Institute)的波布•罗(Bobo Lo)表示，俄罗斯对现有秩序没什么兴趣。\n"
            "不过，两国还远未形成联盟。罗表示：“两国在战略上仍然自主。”")
    assert [q.speaker for q in extract(text)] == ["波布•罗", "波布•罗"]


@pytest.mark.parametrize("text,expected", [
    # a content opening with 中国, 中方, 时间, 为了 …: the verb reports it
    ("外交部发言人表示中国将继续推动和平谈判。", [("indirect", "外交部发言人", "中国将继续推动和平谈判")]),
    ("王毅强调中方始终支持对话。", [("indirect", "王毅", "中方始终支持对话")]),
    ("特朗普说时间会证明一切。", [("indirect", "特朗普", "时间会证明一切")]),
    # a particle standing alone after the verb: no report
    ("他宣布后，大家都走了。", []),
    ("他说过这件事。", []),
])
def test_a_particle_after_the_verb_blocks_it_only_as_a_word_of_its_own(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text,speaker", [
    ("“关键证据缺失了，”任潇潇认为，正是证据的缺失才导致了败诉。", "任潇潇"),  # the tagger reads 任 as a verb
    ("辛西娅·张说，空间已经缩小了。她举例说，有关部门封掉了几个微信群。", "辛西娅·张"),
    ("这篇悼文说，印度台北协会和台湾人民一起致敬。", "这篇悼文"),
])
def test_more_speakers(text, speaker):
    assert extract(text)[-1].speaker == speaker


@pytest.mark.parametrize("text,expected", [
    ("另据俄罗斯媒体报道，俄罗斯军队已经撤出该地区。", [("indirect", "俄罗斯媒体", "俄罗斯军队已经撤出该地区")]),
    ("香港亲中人士亦呼应称占中激进派违法。", [("indirect", "香港亲中人士", "占中激进派违法")]),
    ("苏丹快速支援部队称控制首都多个地区。", [("indirect", "苏丹快速支援部队", "控制首都多个地区")]),
    ("这个时机巧合促使批评人士认为，这个想法并不新鲜。", []),  # the people are an object
])
def test_sources_groups_and_forces_speak(text, expected):
    assert found(text) == expected


def test_someone_unnamed_inside_reported_speech_stays_inside_it():
    text = "林郑月娥说，社会已有声音质疑选举能否安全举行，日前，甚至有人警告她，如果不押后选举，可能会采取司法行动。"
    assert [(q.speaker, q.text[-6:]) for q in extract(text)] == [("林郑月娥", "采取司法行动")]
    assert [q.speaker for q in extract("甚至有官员表示，这项政策是错误的。")] == ["UNKNOWN"]


@pytest.mark.parametrize("text,speakers", [
    ("一位在北京提供金融咨询服务的业内人士告诉德国之声，彭博社的报道属实。", ["业内人士"]),  # a count, a relative clause, the noun
    ("俄罗斯总统新闻秘书佩斯科夫表示，克宫欢迎对话。", ["佩斯科夫"]),
    ("一位在北京的业内人士说，报道属实。多位业内人士表示，业内也在讨论碳税。", ["业内人士", "多位业内人士"]),  # 人士 names no one
    ("按理说西方就是来了几船人，怎么就沦陷了？", []),
])
def test_counts_roles_and_kinds_of_people(text, speakers):
    assert [q.speaker for q in extract(text)] == speakers


@pytest.mark.parametrize("text,expected", [
    # (a name the article has used: 美国总统特朗普, 德国总理默克尔)
    ("就业岗位增加480万个。特朗普也庆祝这一数字，“今天的报告证明我们的经济正在强势复苏。”",
     [("direct", "特朗普", "今天的报告证明我们的经济正在强势复苏。")]),
    ("默克尔以为，“中国是一个重要的伙伴，但也是竞争对手。”", [("direct", "默克尔", "中国是一个重要的伙伴，但也是竞争对手。")]),
    # not after a subject that is no name, nor after a second clause, nor a term in marks
    ("这项倡议覆盖六十多个国家，“一带一路”已经成为一个品牌。", []),
    ("特朗普周二会见了马克龙，两人讨论了贸易，“我们的关系非常好。”", []),
])
def test_a_statement_after_a_named_subject_is_their_words(text, expected):
    names = "美国总统特朗普和德国总理默克尔出席了会议。\n"
    assert found(names + text) == expected


@pytest.mark.parametrize("text,expected", [
    ("美国总统特朗普说过，“宇宙航行也是一种道德努力。”", [("direct", "特朗普", "说过", "宇宙航行也是一种道德努力。")]),
    ("他曾经说过，中国不会接受这种要求。", [("indirect", "他", "说过", "中国不会接受这种要求")]),
    ("他说过这件事。", []),
])
def test_a_verb_with_its_aspect_before_a_comma_reports(text, expected):
    assert [(q.kind, q.speaker, q.cue, q.text) for q in extract(text)] == expected


@pytest.mark.parametrize("text,speaker", [
    ("就职于某电厂的继电保护中级技术员杨先生则表示，这个机箱还有其它隐患。", "继电保护中级技术员杨先生"),
    ("有份向港府提供抗疫意见的专家、讲座教授许树昌表示，专家顾问团并无牵涉讨论。", "许树昌"),
])
def test_a_relative_clause_opening_with_a_verb_describes_the_speaker(text, speaker):
    assert [q.speaker for q in extract(text)] == [speaker]


def test_a_verb_opened_relative_clause_ending_in_no_speaker_gives_none():
    assert extract("就职于某电厂的政策表示，这项措施很有必要。") == []


@pytest.mark.parametrize("text,speaker", [
    ("另据多家外媒援引美国官员的话说，美国将向乌克兰提供新的援助。", "美国官员"),
    ("据半岛电视台7日援引巴勒斯坦民防部门消息报道，以色列军队当天发动袭击。", "巴勒斯坦民防部门"),
    ("据德新社援引欧盟外交官提供的消息报道，欧盟成员国计划取消入境限制。", "欧盟外交官"),
    ("据中央社引述港媒消息报道，许章润12日可望返家。", "港媒"),
])
def test_a_source_frame_quoting_someone_gives_the_one_quoted(text, speaker):
    assert [q.speaker for q in extract(text)] == [speaker]


@pytest.mark.parametrize("text,speaker", [
    ("正如苏特尔所说，这项政策没有效果。", "苏特尔"),  # "as X said": 所 no part of X
    ("世界卫生组织同日表示，疫情仍在蔓延。", "世界卫生组织"),
    ("英国外相拉布（Dominic Raab）表示，英国不会接受。\n拉布将会在议会表示，英国将暂停引渡条约。", "拉布"),
])
def test_comparisons_times_and_modals_are_no_part_of_the_speaker(text, speaker):
    assert extract(text)[-1].speaker.endswith(speaker)


def test_a_promise_made_a_noun_is_no_cue():
    assert extract("德国遵守这一承诺，成员国也应信赖德国。") == []



def test_an_inherited_pronoun_means_whom_the_text_meant_where_it_stands():
    """他又嘲讽…，呼吁把签证留给黎智英和黄之锋，表示…: 他 is read where it stands, not at 表示 (黎智英 is only an object)."""
    quotes = extract("胡锡进在视频中表示，国安法的威慑力已经提前释放。黎智英说，他不会离开香港。"
                     "胡锡进随后发文说，反对派已经陷入恐慌。他又嘲讽美国的签证措施，呼吁把美国签证留给黎智英和黄之锋，"
                     "表示他们正为国安法而惶惶不可终日。")
    assert quotes[-1].text.startswith("他们正为国安法") and quotes[-1].speaker == "胡锡进", quotes


def test_a_clause_opening_with_a_possessive_names_whom_it_owns():
    """她的律师戴维·格尔克…。他说 → 格尔克: 她的 opens the clause, but the clause is about the lawyer."""
    quotes = extract("周一，玛丽·凯·勒图尔诺在家中去世。她的律师戴维·格尔克表示遗憾。他说，她临终时孩子们都陪伴在侧。")
    assert quotes[-1].speaker == "戴维·格尔克", quotes


@pytest.mark.parametrize("sentence, speaker", [
    ("婆婆哭著說，自己三十多年前來香港，現在七十多歲了。", "婆婆"),  # how they spoke (哭着) is no part of who spoke
    ("美国总统笑着回答，这个问题他已经回答过很多次了。", "美国总统"),
])
def test_a_verb_with_zhe_before_the_cue_is_how_they_spoke(sentence, speaker):
    quotes = extract(sentence)
    assert quotes and quotes[0].speaker == speaker, quotes


def test_shuo_zhe_while_saying_reports_nothing():
    quotes = extract("婆婆聽到這三個字，眼眶紅了。她說著說著就哭了起來，一直哭到天亮。")
    assert not any("哭" in q.text for q in quotes), quotes


@pytest.mark.parametrize("text, speaker", [
    ("2020年1月22日中午，我接到李伟明电话，他说武汉的疫情已经越来越严重了。", "李伟明"),
    ("62岁的北京居民常金生在医院割腕自杀。“生不如死啊。”他说。", "常金生"),
    ("2017年6月，其母万秀玲出狱。她说自己很想找到女儿。", "万秀玲"),
])
def test_a_pronoun_before_anyone_spoke_means_a_name_only_the_tagger_finds(text, speaker):
    """No role, dot or gloss marks the name, so the registry does not know it: the tagger's guess does."""
    assert found(text)[-1][1] == speaker


def test_a_guessed_name_is_looked_for_only_close_by_in_the_paragraph():
    """An editor's name in the byline is no one a pronoun three paragraphs on means."""
    quotes = extract("编辑：杨宝璐\n去年年底，一张聊天记录截图被大量转发，消息发布11天后引发关注。\n"
                     "深一度联系到了这位医生，他告诉记者，截图的确存在断章取义的问题。")
    assert quotes and quotes[-1].speaker != "杨宝璐", quotes


def test_dictionary_words_the_tagger_calls_names_are_no_one():
    """jieba tags 夏令营 and 荆棘 as names: a pronoun is not resolved to them."""
    quotes = extract("他在西伯利亚的夏令营和一群青少年坐在荆棘丛边。他说，那时候所有的人都相信斯大林。")
    assert all(q.speaker not in ("夏令营", "荆棘") for q in quotes), quotes


@pytest.mark.parametrize("text, speaker", [
    ("武汉大学病毒研究所教授杨占秋今（1日）受访表示，病毒可以在人与人之间传播。", "杨占秋"),
    ("中央流行疫情指挥中心指挥官陈时中今（1）日表示，疫情已经趋缓。", "陈时中"),
    ("中共北京市西城区纪委区监委昨（23日）宣布，任志强被开除党籍。", "中共北京市西城区纪委区监委"),
])
def test_today_with_the_date_in_brackets_is_no_part_of_the_speaker(text, speaker):
    """今（1日）, 昨（23日）: 'today, the 1st', as papers in Taiwan and Hong Kong write it."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_an_opening_mark_typed_for_a_closing_one_after_a_word_closes():
    """“中国人权“的执行主任: the second “ closes the term, so the sentence after it reads as usual."""
    assert found("位于纽约的组织“中国人权“的执行主任谭竞嫦告诉我，伊力哈木的遭遇“与收紧互联网的新规完全一致”。") == [
        ("indirect", "谭竞嫦", "伊力哈木的遭遇“与收紧互联网的新规完全一致”")]


def test_a_quotation_running_over_clauses_before_the_speaker_and_what_they_go_on_to_say():
    """“…，…”，X表示，…: the words in marks are a statement, not a term, and the verb reports on after it."""
    assert found("“如果施恩者认为，你就必须知恩图报，帮助就成为利益交换关系”，南京师范大学教授冯建军表示，"
                 "过分强调感恩会强化亲子间的不平等。") == [
        ("direct", "冯建军", "如果施恩者认为，你就必须知恩图报，帮助就成为利益交换关系"),
        ("indirect", "冯建军", "过分强调感恩会强化亲子间的不平等")]


def test_a_verb_after_a_connective_opening_the_content_takes_over():
    """表示，并补充称，…: what is reported is what 补充称 introduces."""
    assert found("付晓表示，并补充称，尽管美国就业报告乐观，但仍需要更多数据。") == [
        ("indirect", "付晓", "尽管美国就业报告乐观，但仍需要更多数据")]


@pytest.mark.parametrize("text, speaker", [
    ("国家主席习近平来到这里，详细了解市场供应情况。主席对大家说，菜篮子是民生大事。", "习近平"),
    ("另一名发言人耿爽回避了这个问题。耿爽说，我们对此坚决反对。", "耿爽"),
])
def test_a_name_after_a_role_before_a_common_verb_is_read(text, speaker):
    """主席习近平|来到: no rule word follows the name, a frequent verb does."""
    assert [who for _, who, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text", [
    "但大部分记者时间有限，只能短暂接触报道人。「当然，」他解释道，「商人本就来来去去。」",
    "美国分析师周三表示，这可能是对中国的回应。",
    "德国担任主席国期间关注的重点很多。他说，基本权利最重要。",
])
def test_words_after_a_role_that_read_as_common_words_are_no_name(text):
    """记者|时间有限, 分析师|周三, 主席|国期间: name-shaped strings after a role that are ordinary words."""
    assert all(who not in ("时间有限", "周三", "国期间") for _, who, _ in found(text)), found(text)


@pytest.mark.parametrize("text", ["“港大赔上了自己的声誉，”港大政治学教授陈祖为说。", "教授陈祖为表示，港大赔上了自己的声誉。"])
def test_a_preposition_with_no_object_before_the_verb_ends_the_name(text):
    """陈祖为|说: 为 as a preposition would need an object; right before the verb it is the name's."""
    assert [who for _, who, _ in found(text)] == ["陈祖为"]


@pytest.mark.parametrize("text, speaker", [
    ("曾焕平称，现时暂难评估这对香港地产投资市场的具体影响。", "曾焕平"),
    ("“香港的法制健全，所以外资不会放弃香港市场。”仲量联行香港主席兼资本市场主管曾焕平在网上记者会称。", "曾焕平"),
    ("中国疾控首席科学家曾光也说这八个人是可敬的。", "曾光"),
])
def test_a_surname_that_is_also_an_adverb_opens_a_name(text, speaker):
    """曾 is a surname and an adverb: 曾焕平 is a name, 曾说, 曾多次, 曾向 are not."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_an_adverb_and_a_preposition_after_an_honorific_are_no_name():
    """李先生曾向BBC回忆说: 曾向 is 'once, to', not a person called 曾向."""
    speakers = [who for _, who, _ in found("“那是1950年的一个礼拜天，心里很痛苦。”朝鲜战争的亲历者李先生曾向BBC回忆说。"
                                           "北朝鲜军队很快进入韩国。“你可以想象我们的恐惧。”他说。")]
    assert len(speakers) == 2 and all(who.endswith("李先生") for who in speakers), speakers


@pytest.mark.parametrize("text, speaker", [
    ("针对弗里德曼的构想，乔姆斯基敏锐地批评道：“没有人提及任何巴勒斯坦的萨松。”", "乔姆斯基"),  # jieba: 敏锐地, one word
    ("挑战公司权威的活动家理查德·格罗斯曼如果还活着，他肯定会补充说，宪法保护了阶级结构。", "理查德·格罗斯曼"),
])
def test_how_someone_spoke_and_what_they_would_do_are_no_part_of_them(text, speaker):
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_latin_title_is_no_one_a_pronoun_means():
    """《No More Mushrooms》 opens a clause, but a title in Latin letters is a book, not a person."""
    quotes = found("柯克帕特里克·塞尔写了一本书。正如读者所期望的那样，《No More Mushrooms》是对现代国家的激进分析。"
                   "基于他的倾向，他认为政府的实体是基于权力聚集。")
    assert [who for _, who, _ in quotes] == ["柯克帕特里克·塞尔"]


def test_a_quoted_sentence_inside_a_paragraph_goes_on_with_the_last_speaker():
    """汪文斌說，…。(the journalist's sentence)「…。」and more text: no one else was named in between."""
    text = ("汪文斌說，中方表示強烈不滿和堅決反對，已提出嚴正交涉。根據「維也納領事關係公約」，美方不得以任何方式侵犯館舍。"
            "「中方將就此作出正當和必要反應。」美國政府要求中國駐休士頓總領館關閉。")
    assert found(text)[-1] == ("direct", "汪文斌", "中方將就此作出正當和必要反應。")


def test_a_quoted_sentence_after_someone_else_is_named_is_not_the_last_speakers():
    text = ("汪文斌說，中方表示強烈不滿和堅決反對。美國國務卿蓬佩奧隨後發表講話。「中方將就此作出正當和必要反應。」美國政府要求關閉。")
    assert [q[1] for q in found(text)] == ["汪文斌"]


@pytest.mark.parametrize("text", ["第一次的经验让她觉得，每次都会是痛的。", "它正极力让国会议员和政府官员相信它效忠于美国。"])
def test_a_belief_someone_was_made_to_hold_is_no_quotation(text):
    """让她觉得, 让议员相信: the causative makes the belief the causer's doing, not a position anyone stated."""
    assert found(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("约55％的受访者表示，他们非常担心孩子在学业上落后。", "约55％的受访者"),
    ("戴耀廷的支持者称，此举有政治动机。", "戴耀廷的支持者"),
    ("其中一名士兵死亡。他的父亲告诉路透社记者，这是当时在场的士兵告诉他的。", "他的父亲"),
    ("徐友渔这位中国最著名的自由主义者说：“爱国就是把国家改造得更好。”", "徐友渔"),
    ("前白宫首席战略师班农说，特朗普政府已制定了完整的计划。", "班农"),
])
def test_people_named_by_whose_they_are_speak(text, speaker):
    """受访者, 支持者, 父亲: the words before say whose, and stay; a name before 这位 is who."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_verb_after_a_time_clause_with_a_subject_is_that_subjects():
    """韩联社报道称，首尔当局在被质问时，表示…: the authorities speak, as the report says."""
    assert [who for _, who, _ in found("韩联社报道称，首尔当局在被当地媒体质问相关案情时，表示对指控并不知情。")] == ["首尔当局"]


@pytest.mark.parametrize("text, speaker", [
    ("麦肯恩博士表示，这是一场灾难。\n国家公园部门负责人陶洛博士（Dr Cyril Taolo)向英国《卫报》证实，已确认至少280头大象死亡。", "陶洛"),
    ("美国联邦调查局局长克里斯托弗·雷在华盛顿演讲。赵立坚对局长雷演讲的回应引人注目。雷表示，调查仍在进行。",
     "克里斯托弗·雷"),
])
def test_a_name_between_roles_or_the_last_part_of_a_known_name_is_read(text, speaker):
    """负责人陶洛博士: a role, the name, a title; 局长雷|演讲: 雷 is 克里斯托弗·雷, not a name 雷演讲."""
    assert [who for _, who, _ in found(text)][-1] == speaker


def test_a_measure_word_after_a_demonstrative_is_no_part_of_the_document():
    """该份由教育部发出的文件表示: the document speaks, not 份…."""
    assert [who for _, who, _ in found("该份由教育部发出的文件表示，将孔子学院总部更名。")] == ["由教育部发出的文件"]


@pytest.mark.parametrize("text, speaker", [
    ("郭一平说，加拿大政府可能也被渗透。\n执行总监王卓妍再度呼吁渥太华与中国切断关系。“我们应该要改变对中国的态度，根本不该与虎谋皮。”",
     "王卓妍"),
    ("联邦调查局局长雷伊呼吁：“若你自认遭中国大陆政府锁定，请跟当地的FBI办公室联系。”", "雷伊"),
])
def test_words_in_quotation_marks_after_an_appeal_are_the_appealing_persons(text, speaker):
    assert found(text)[-1][1] == speaker


@pytest.mark.parametrize("text", [
    "有中国自媒体以“强奸犯不开除，说错话却开除了，我们的大学怎么了？”为题发文。",
    "针对外界质疑“强奸犯不开除，说错话却被开除了”，谭松直言，这是一贯的手法。",
    "法律法规中的台湾地区领导人应称“台湾地区领导人”。",
])
def test_a_title_a_question_put_to_someone_and_a_name_to_use_are_no_ones_words(text):
    assert all(kind == "indirect" for kind, _, _ in found(text)), found(text)


@pytest.mark.parametrize("text, speaker", [
    ("“船只的规模差不多是三分之一，”全球渔业观察的科学家朴在允说。", "朴在允"),
    ("控告人没有出席记者会。其辩护律师金在莲表示，已向侦查机关提交所有证据。", "金在莲"),
    ("正在丹麦访问的美国国务卿蓬佩奥（Mike Pompeo）又向媒体表示，中国盗取欧洲知识产权。", "蓬佩奥"),
])
def test_korean_names_with_zai_and_what_someone_is_doing_before_who(text, speaker):
    """朴在允: 在 after a surname, no common word; 正在丹麦访问的…蓬佩奥: the noun after the clause speaks."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_surname_alone_means_the_one_person_of_the_article_who_has_it():
    """宋不服，认为…: 宋西章, the only 宋 the article names."""
    assert found("老退役军人宋西章摆地摊。宋西章表示，这是无奈之举。宋不服，认为本案并未超诉讼期限。")[-1][1] == "宋西章"


def test_a_role_alone_means_its_holder_the_text_is_about():
    """作者认为 after three articles' authors: the one just named, not the last the article names."""
    text = ("台湾《上报》发表文章，作者王盈勋认为，全世界都该禁抖音与微信。\n香港《苹果日报》发表文章，作者李平认为，"
            "涝疫结合不只是中国民众的感受。\n作者认为，良将首先要有良知。\n台湾《风传媒》发表文章，作者陈国祥认为，香港初选结果刚出炉。")
    assert [who for _, who, _ in found(text)] == ["王盈勋", "李平", "李平", "陈国祥"]


@pytest.mark.parametrize("text, speaker", [
    ("前美国驻香港总领事杨苏棣以电邮回复说，这是一个两难的困境。", "杨苏棣"),
    ("印度政府以国家安全为由宣布，禁止使用59款中国应用软件。", "印度政府"),
    ("以军称，打击了目标。", "以军"),
    ("国民党立委陈以信认为，台湾关系法已提及安全。", "陈以信"),
    ("美国驻华使团祝贺中国成功发射。这封祝贺信说：“祝贺中国团队成功发射首次火星探测任务。”", "这封祝贺信"),
])
def test_by_what_means_someone_spoke_is_no_part_of_them(text, speaker):
    """以电邮, 以国家安全为由: how, not who; 以军 is Israel's army; 陈以信 a name the article reads whole."""
    assert [who for _, who, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("香港特首林郑月娥7月11日在出席由《文汇报》和教联会合办的“香港教育高峰论坛”时表示，年轻一代的问题不是教育问题。", "林郑月娥"),
    ("英国末代港督彭定康（Chris Patten）最新在接受《彭博社》访问时表示，国安法将造成混乱。", "彭定康"),
    ("摩根士丹利提供给客户的一份最新报告预计，长江流域的洪水将影响经济。", "摩根士丹利提供给客户的一份最新报告"),
])
def test_a_term_in_marks_after_a_date_and_latest_as_an_adverb(text, speaker):
    """…7月11日在出席…“论坛”时表示: the subject before the date; 最新 before a preposition is 'lately', before a
    noun 'latest' (一份最新报告)."""
    assert [who for _, who, _ in found(text)][0].endswith(speaker)


@pytest.mark.parametrize("text, speaker", [
    ("多位研究中国法律与政治的学者指出，该法在香港增设多个层级的国安机构。", "多位研究中国法律与政治的学者"),
    ("一位专家表示，房价将继续上涨。", "一位专家"),
    ("《香港人权及民主法案》在美国的重要推手、香港民主委员会总监朱牧民表示，这些措施生死攸关。", "朱牧民"),
])
def test_counted_people_and_a_title_opening_the_subject(text, speaker):
    """多位…的学者: a group, whole; 《…法案》在美国的重要推手…朱牧民: the person the clause describes."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_quotation_ending_in_a_quotation_and_the_speakers_next_sentence():
    """‘…，’”X说道。“…”因此…: the inner marks end the quoted sentence; the next sentence is X's, X being the
    only one named since."""
    quotes = found("“我从法学院毕业的时候，妈妈对我说：‘戴帽子和手套，’”艾布扎格在其中一集中说道。"
                   "“那样就没人会把你误会成秘书了。”因此，她彻底推翻了那个刻板印象。")
    assert [(kind, who) for kind, who, _ in quotes] == [("direct", "艾布扎格"), ("direct", "艾布扎格")]


def test_a_topic_phrase_and_a_statement_end_where_another_speaker_begins():
    """由于…，将会有员工失业，而高档零售商哈罗德表示，…: two speakers, two records."""
    quotes = found("莎伦•怀特(Sharon White)警告说，由于某些门店关闭，将会有员工失业，而高档零售商哈罗德表示，"
                   "将裁减其豪华百货商店的700个岗位。")
    assert [(who, text) for _, who, text in quotes] == [
        ("怀特", "由于某些门店关闭，将会有员工失业"), ("高档零售商哈罗德", "将裁减其豪华百货商店的700个岗位")]


@pytest.mark.parametrize("text, speaker", [
    ("美国首次明确表明立场，哥伦比亚大学政治系教授黎安友博士对美国之音表示，美国一直没有承认中国的主张。", "黎安友"),
    ("中国驻美国大使馆也迅速做出反应，发表声明表示，美国不是南中国海有关争议的当事方。", "中国驻美国大使馆"),
])
def test_a_position_stated_and_a_statement_issued_are_not_the_speaker(text, speaker):
    """表明立场: the position is the object; 发表声明表示 (one word for jieba): the embassy, which issued it."""
    assert [who for _, who, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text, expected", [
    ("美国有三位亿万富翁，其中包括中国的习近平（估计净资产为15亿美元）。", []),
    ("此前，中国7月1日开始在帕拉塞尔群岛（中国称西沙群岛）附近水域展开军事演习。", []),
    ("委员会召开多次会议（建制派称4次，民主派称5次），未能取得任何成果。", []),
    ("仅仅因为它现在不获取你的信息，并不意味着将来不会。（TikTok称这是标准的法律措辞。）",
     [("TikTok", "这是标准的法律措辞")]),
])
def test_a_verb_inside_brackets_speaks_only_for_a_speaker_inside_them(text, expected):
    """An aside in brackets: a verb there with its subject outside (习近平（估计…）) or naming something
    (中国称西沙群岛) is nobody's statement; a sentence of its own in brackets is, up to the bracket."""
    assert [(who, said) for _, who, said in found(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("香港大学法律学院首席讲师张达明(公民党党员,监警会成员,亦曾到占领区)指出，参与未经批准集结一般程度较轻。", "张达明"),
    ("香港浸會大學選舉觀察計劃成員黎恩灝則指出，儘管消息不斷，但港人取向非常明確。", "黎恩灝"),
    ("1987年\n基本法咨询委员会法律专责小组提交报告，建议法院管辖应以属地原则处理，指出：“犯罪者应在香港受审。”",
     "基本法咨询委员会法律专责小组"),
    ("欧盟选举观察团表示，投票过程总体有序。", "欧盟选举观察团"),
])
def test_asides_members_and_bodies_named_after_an_activity(text, expected):
    """A comma or 亦曾 inside brackets ends no subject; 成员 is a role; a body's name may hold a verb of
    saying (咨询委员会) and end in 团 or 组."""
    assert [who for _, who, _ in found(text)] == [expected]


@pytest.mark.parametrize("text", [
    "李鸿章后来也没打报告，他挖了煤之后在唐山修了一段铁路。",
    "北大的一群同学做了第一份后勤工人调研报告，在社会上造成了一定影响力。",
    "中央宣讲团成员在海南、西藏作宣讲报告，推动全会精神学习走深走实。",
    "世卫组织驻华代表处通报并翻译了所看到的关于这些病例的媒体声明。",
    "联防联控机制综合组对网民反映的问题积极回应，并转交地方给予推动解决。",
])
def test_a_report_made_or_an_act_after_并_is_no_statement(text):
    """打报告, 调研报告: 报告 the document; 通报并翻译了…, 回应，并转交…: the subject goes on acting."""
    assert found(text) == []


def test_a_document_before_a_colon_still_introduces_words():
    """发表评论：… and 向世卫组织通报：… (组织 tagged as a verb): the words after the colon are theirs."""
    assert [who for _, who, _ in found("知名律师周泽发表评论：为警察上门报警，这是不是也太黑色幽默了。")] == ["周泽"]
    assert [who for _, who, _ in found("中方仍在向世卫组织通报：病毒不会发生人际感染。")] == ["中方"]
    assert [said for _, _, said in found("林郑月娥表示并不担心美国对香港实施的所谓制裁。")] == ["并不担心美国对香港实施的所谓制裁"]


def test_a_role_word_inside_a_longer_word_is_followed_by_no_name():
    """成员国中: 成员 is part of 成员国, so no person 国中 holds the role 成员 that a later subject names."""
    quotes = found("抗议者表示，七国集团峰会的实质就是成员国中的大国强制要求他国听命于自己。\n"
                   "（2）伊朗议会成员称伊朗与埃及将重开使馆；")
    assert [who for _, who, _ in quotes] == ["抗议者", "伊朗议会成员"]


def test_a_document_after_a_role_is_no_name():
    """收到選舉主任信函: 信函 is a letter, not a person the role 主任 names, so the officer speaks later."""
    quotes = found("參選人近日收到選舉主任信函，查問他們是否請求美國制裁香港。選舉主任在發給楊岳橋的信函指出，他已提交提名表格。")
    assert [who for _, who, _ in quotes] == ["選舉主任"]


@pytest.mark.parametrize("text, speaker", [
    ("国务院总理李强主持座谈会。李强感谢各民主党派、全国工商联和无党派人士对政府工作的关心支持，表示国务院将认真研究吸收大家的意见建议。", "李强"),
    ("英国环境大臣Eustice表示，必须考虑后果。英国环境大臣Eustice拒绝评论需要多长时间，称媒体大臣道登稍后会宣布细节。", "Eustice"),
])
def test_a_known_name_then_what_they_did_is_the_subject_a_later_verb_inherits(text, speaker):
    """李强感谢…，表示…: the name the article knows, not the whole clause, is who goes on to speak."""
    assert [who for _, who, _ in found(text)][-1] == speaker


def test_what_a_known_person_is_or_undergoes_leaves_a_forecast_impersonal():
    """唐娟是…，目前被关押…，预计将出庭: 是 and 被 describe her; 'is expected' is no one's forecast."""
    text = ("本周五，中国研究员唐娟被捕。美国司法部称，唐娟和其他三名入境美国的中国科研人员隐瞒其解放军的身份。"
            "唐娟是四人中最后一名被捕者，目前被关押在北加州一所监狱，预计将在下周一出庭应讯。")
    assert [who for _, who, _ in found(text)] == ["美国司法部"]


@pytest.mark.parametrize("text, expected", [
    ("路透社说，华春莹指出，只要在中国遵守中国的法律法规，任何外国公民都无需担心。", ["华春莹"]),
    ("当地媒体说，人们对新到轮值部队的隔离表示担心。", ["当地媒体"]),
    ("本网认为，今天派出所所长告知马波要处以行政拘留，很有可能是进入了敏感时期。", ["本网"]),
    ("中央社说，隶属香港中联办的文汇报上午发出快讯称，罗冠聪已前往机场。", ["隶属香港中联办的文汇报"]),
])
def test_an_outlet_saying_that_someone_said_gives_that_persons_words(text, expected):
    """路透社说，X指出，…: X speaks (as 据…报道); not when the inner verb reports nothing (表示担心) or only tells
    someone (告知马波); 文汇报 holds 汇报 but is a name, its 称 the verb."""
    assert [who for _, who, _ in found(text)] == expected


def test_a_description_ending_in_a_bare_kind_of_person_stays_whole():
    """熟悉这次会议的人士: 人士 alone names no one; the clause says who."""
    assert [who for _, who, _ in found("熟悉这次会议的人士表示，这次谈判的目标是缓和紧张关系。")] == ["熟悉这次会议的人士"]


@pytest.mark.parametrize("text, expected", [
    ("联邦调查局局长克里斯托弗·雷表示，猎狐计划是运动。克里斯托弗·雷局长说，这是针对海外中国人的。", ["克里斯托弗·雷"] * 2),
    ("近三分之一在美国，詹姆斯·刘和黛西·冷就属其列。特洛伊大学的黛西·冷说，她理解监管机构的动机。", ["黛西·冷"]),
])
def test_dotted_names_with_a_one_character_last_part_and_two_names_joined(text, expected):
    """克里斯托弗·雷|表示, 克里斯托弗·雷|局长: the last part is one character before a verb or a role;
    詹姆斯·刘和黛西·冷: a conjunction between dots joins two names."""
    assert [who for _, who, _ in found(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("这，就是他们所说我收到程渊活动经费的证据！", []),
    ("这也与其在4月27日发布的时间线中，所指出武汉卫健委通报了聚集性肺炎病例的说法有所出入。", []),
    ("正如苏特尔所说，“为了人类自己的利益，我们需要投入一些精力去弄明白。”", ["苏特尔"]),
    ("开埠之前英国对香港不予期望，印象就是英國外交大臣Palmerston所說「像一塊荒蕪的禿石」。", ["Palmerston"]),
])
def test_a_verb_after_所_is_what_was_said_unless_it_says_who(text, expected):
    """X所说的…: a noun phrase, not a report; 正如X所说 and X所说「…」 still name who said it."""
    assert [who for _, who, _ in found(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("正如一位网名为“一朵默默绽放的花儿”的新浪网友所说：“李文亮微博成了一个安放人们良心的地方。”", "新浪网友"),
    ("柏林的慈善机构“Schnitte Ost”的负责人表示，对该机构的需求持续增加。", "柏林的慈善机构Schnitte Ost的负责人"),
])
def test_words_in_marks_that_describe_who_speaks_are_part_of_the_subject(text, expected):
    """…“一朵默默绽放的花儿”的新浪网友所说: the subject does not start at the closing mark."""
    assert [who for _, who, _ in found(text)] == [expected]


def test_a_title_is_one_noun_and_a_sentence_about_it_goes_on_with_who_acted():
    """《香港人权与民主法案》: 与 inside a title cuts nothing; the title opens the sentence, 特朗普总统 acts and speaks."""
    assert [who for _, who, _ in found("去年国会通过的《香港人权与民主法案》，特朗普总统就在签署时加了一句声明，"
                                       "表示对法案的有些条款有所保留。")] == ["特朗普"]
    assert [who for _, who, _ in found("印度媒体《今日印度》认为，双方发生军事冲突是迟早的。")] == ["印度媒体《今日印度》"]


def test_reported_words_stop_where_the_speaker_is_named_again():
    """他指出…，蓬佩奥敦促…: the journalist goes on about the speaker; a quotation after a colon later in the
    sentence is still theirs."""
    quotes = found("美国国务卿蓬佩奥发表声明。他指出709大抓捕让世界看到了真相，蓬佩奥敦促中国履行国际人权义务。")
    assert [(who, said) for _, who, said in quotes] == [("蓬佩奥", "709大抓捕让世界看到了真相")]
    quotes = found("阿卡瓦奇·艾莫兹批评阿迪契。她表示，当自己从前的老师说出这种话来，我感到非常沮丧，"
                   "今年4月，艾莫兹发过一条推特：“当你试图阻止孩子们获得医疗保健，你就是在谋杀他们。”")
    assert [kind for kind, _, _ in quotes] == ["indirect", "direct"]


def test_a_given_name_in_latin_letters_is_whom_a_later_pronoun_means():
    """在廣東出生的Jackie今年24歲…他曾認為: no one has spoken, the name written in Latin letters is 他."""
    quotes = found("在廣東出生的Jackie今年24歲，多年前隨家人一同移民美國。他曾認為警察暴力離自己的生活十分遙遠。")
    assert [who for _, who, _ in quotes] == ["Jackie"]


@pytest.mark.parametrize("text, speaker", [
    ("“例如，我们有一种床上的自行车，”普利茅斯国民保健署信托基金大学医院（University Hospital Plymouth NHS Trust）"
     "重症监护病房的专项康复护士凯特·坦塔姆（Kate Tantam）说。", "凯特·坦塔姆"),
    ("“从经济基本面等多个角度观察，未来降准概率依然较大。”报告称。", "报告"),
    ("“根据中国法律，每家中国科技企业都必须向有关部门提供信息，”美国国家反谍报与安全中心主任威廉·埃瓦尼纳说。", "威廉·埃瓦尼纳"),
])
def test_a_long_speaker_after_the_quotation(text, speaker):
    """Brackets do not count toward how far the speaker after a quotation may stand; 报告称 after it: the
    report speaks; 与 inside a body's name before a role is no preposition."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_with_whom_someone_spoke_is_no_part_of_the_speaker():
    """艾的助手和我说，…: 和我 says to whom; the assistant speaks."""
    assert [who for _, who, _ in found("艾的助手和我说，这是中央规划，可以让城市迅速绿化起来。")] == ["艾的助手"]


@pytest.mark.parametrize("text, expected", [
    ("苏宁金融研究院高级研究员付一夫今年发表了一份报告。\n长三角上半年GDP总量为11万亿元。\n全国经济回暖。\n"
     "付一夫分析长三角经济的快速复苏主要得益于防控到位。“同时，江浙沪皖充分发挥各自的优势，在全国率先实现了全面复工复产。”",
     ["付一夫"]),
    ("眼科医生李文亮去世了。\n一张李文亮的朋友圈背景图，在网上流传。“理论是灰色的，生命之树常青。”", []),
])
def test_a_quotation_in_a_paragraph_about_one_named_person_is_theirs(text, expected):
    """A paragraph that opens with someone already named and names no one else: a sentence in marks in it is
    their words, not an object of theirs (李文亮的朋友圈背景图)."""
    assert [who for _, who, _ in found(text)] == expected


def test_an_idiom_after_a_name_says_how_someone_answered():
    """熊婧不置可否：“…”: the idiom is no part of her name, and her later quotations keep it out."""
    quotes = found("“一种悲伤的平静。”熊婧说。\n朋友笑她需要色彩。熊婧不置可否：“在麻瓜的世界里，只有这样的方式才能让人"
                   "看出我的态度。”")
    assert [who for _, who, _ in quotes] == ["熊婧", "熊婧"]


def test_a_count_of_a_document_is_completed_by_the_document_verb():
    """路透社的一篇报道说: the report speaks, not 路透社的一篇."""
    assert [who for _, who, _ in found("路透社的一篇报道说，为了落实教育部的要求，学校图书被清理。")] == ["路透社的一篇报道"]


@pytest.mark.parametrize("text, speaker", [
    ("美国媒体报导，职业美式足球联盟NFL华盛顿红人队将于13日宣布更改队名。", "美国媒体"),
    ("英国媒体透露，英国首相约翰逊将宣布，逐步减少华为参与英国5G网络建设。", "英国媒体"),
    ("新华社报道，外交部发言人汪文斌在记者会上说，美方的做法是错误的。", "汪文斌"),
])
def test_what_an_outlet_reports_someone_will_announce_is_the_outlets(text, speaker):
    """…将于13日宣布…: an act to come, which the outlet reports; 在记者会上说 (会 in 记者会) is someone speaking."""
    assert [who for _, who, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("长期关注刘晓波的北京维权人士胡佳对本台说，境内民众只能悄悄纪念：“主要就是海祭，你自己搞没事。”", "胡佳"),
    ("不愿透露真实姓名的在美中国留学生Kim向记者表示，社交软体的选择本来就繁多。", "Kim"),
    ("声明还表示，我们不会放弃。声明的最后还说：“它注定要载入法律史册。”", "声明"),
])
def test_a_described_person_named_after_a_kind_of_people_or_a_modifier(text, speaker):
    """…的北京维权人士|胡佳: the name after the kind of person; …姓名的|在美中国留学生Kim: a preposition right after
    的 begins the noun's modifier, no predicate; 声明的最后: a time word after 的 still ends the subject."""
    assert {who for _, who, _ in found(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    ("加拿大移民部长Marco Mendocino在被问及加拿大将采取何种措施时表示，渥太华正在评估各种选项。", "Marco Mendocino"),
    ("英国议会国防委员会主席詹森表示，英国应停用华为。詹森接受BBC采访，被问到时间表的时候说，“我们理想的操作时间是7年。”",
     "詹森"),
])
def test_when_asked_is_no_passive_of_the_verb(text, speaker):
    """在被问及…时表示, 被问到…的时候说: when someone was asked, not who was made to say it."""
    assert {who for _, who, _ in found(text)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    ("另一名中国留学生黄同学也不愿透露全名。他说，自己从来不用抖音。", "黄同学"),
    ("另一位参与投票的市民吴小姐也持相同见解。她解释，投票是尽公民责任。", "吴小姐"),
    ("我的历史老师说，自己从来不用抖音。", "我的历史老师"),
    ("新东方创始人俞敏洪老师告诉学生，他高中时英语考试只得了30几分。", "俞敏洪"),
])
def test_a_surname_and_an_honorific_after_a_kind_of_person(text, speaker):
    """留学生|黄同学, 市民|吴小姐: a frequent word ends before the surname; 历史|老师 and 俞敏洪|老师 hold none."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_whose_words_a_spokesperson_relays_are_theirs():
    """发言人…转述蔡英文致词表示 / 转述蔡英文主席的裁示指出: 转述 frames the words as 蔡英文's, like 援引."""
    quotes = found("发言人颜若芳会后转述蔡英文致词表示，今天各位中执委就任本党最重要决策机制的成员。"
                   "颜若芳转述蔡英文主席的裁示指出，她肯定吴介民的研究。")
    assert [who for _, who, _ in quotes] == ["蔡英文", "蔡英文"]


@pytest.mark.parametrize("text, expected", [
    ("今年最畅销的歌曲包括Doja Cat的《这样说》（Say So）和哈里·斯泰尔斯的《西瓜糖》。", []),
    ("香港特区政府发言人续说，已有检测结果的全是阴性。", ["发言人"]),
])
def test_a_verb_in_a_title_is_no_cue_and_续_continues_the_speaker(text, expected):
    """《这样说》: a title's words; 发言人续说: 续 ('went on') is no part of who."""
    assert [who[-3:] for _, who, _ in found(text)] == expected


def test_a_three_character_name_after_a_role_before_any_frequent_word():
    """总理李克强|专门召开会议: jieba tags 专门 as a noun; the name after the role is still read, so 他 means him."""
    assert [who for _, who, _ in found("中国总理李克强专门召开会议。他认为外贸环境依然严峻复杂。")] == ["李克强"]


@pytest.mark.parametrize("text, expected", [
    ("“我们没有兴趣去干预美国的大选，”他说，并马上警告特朗普政府：“我们奉劝美方不要一错再错。”",
     [("direct", "我们没有兴趣去干预美国的大选，"), ("direct", "我们奉劝美方不要一错再错。")]),
    ("2007之后已第二次接任轮值主席的默克尔承认，这不会容易：“我们还须架设的桥梁是巨大的。”",
     [("indirect", "这不会容易"), ("direct", "我们还须架设的桥梁是巨大的。")]),
])
def test_whom_before_a_quotation_after_a_colon_is_no_claim(text, expected):
    """警告特朗普政府：“…”: the words before the colon only say whom; 这不会容易：“…”: a claim, then the words;
    2007之后 and 马上 are no part of who."""
    assert [(kind, said) for kind, _, said in found(text)] == expected


@pytest.mark.parametrize("text, speaker", [
    ("一位参议员说，乔治·凯南忽视了威胁。一位参议员指责乔治·凯南。乔治·凯南认为，美国没有必要防御中国。", "乔治·凯南"),
    ("这让乔治·凯南认为，苏联制度和美国制度之间不可能妥协。", "乔治·凯南"),
    ("麦迪逊想必会这样回答：“这份文件在任何时候都保护人民。”", "麦迪逊"),
])
def test_a_verb_before_a_dotted_name_is_no_given_name(text, speaker):
    """参议员指责|乔治·凯南, 这让|乔治·凯南: 治 is a transliteration character, a verb before it no part of
    the name; 想必 is a modal before the verb."""
    assert [who for _, who, _ in found(text)][-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("不过，中国官方英文媒体CGTN几天后在官网刊登了一篇文章，指责英国使馆的文章有一系列错误。", "中国官方英文媒体CGTN"),
    ("六月中旬，朝鲜炸毁了联络办公室。但两周前金正恩对韩国释放出缓和信号，宣布暂缓对韩国的军事行动计划。", "金正恩"),
])
def test_a_time_some_days_before_or_after_is_no_part_of_the_speaker(text, speaker):
    """几天后, 两周前: when, before or after the subject, not who."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_dotted_name_does_not_run_across_的():
    """参选人乔·拜登的妻子吉尔·拜登: two names, the one speaking the last."""
    quotes = found("民主党总统参选人乔·拜登的妻子吉尔·拜登说：“我的许多学生不知道我有两份工作。”")
    assert [who for _, who, _ in quotes] == ["吉尔·拜登"]


@pytest.mark.parametrize("text, speaker", [
    ("原中共中央党校理论研究室主任的阮铭说，这是一个错误。", "阮铭"),
    ("剑桥大学计算机实验室的罗斯·安德森教授说，这是一个错误。", "罗斯·安德森"),
    ("邓恩的母亲夏洛特说，这是一个错误。", "夏洛特"),
])
def test_a_name_after_a_role_and_的_a_relative_or_before_a_role(text, speaker):
    """主任的|阮铭, 母亲|夏洛特, 罗斯·安德森|教授: the name the description leads to."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_word_after_a_relative_is_no_name():
    """丈夫|耸耸肩: a word, not a name, after the relative."""
    assert "耸耸肩" not in [who for _, who, _ in found("丈夫耸耸肩说，隔离跟我们平常的生活也没什么两样。")]


@pytest.mark.parametrize("text, speaker", [
    ("2012年12月22日，医生李文亮站在厦门大学附属第一医院门口。他说：“健康社会不该只有一种声音。”", "李文亮"),
    ("生态环境部部长翟青出席发布会。翟青围绕生态文明建设介绍，中央生态环境保护督查已完成两轮全覆盖。", "翟青"),
    ("上海市长宁区部分街道的垃圾桶无人清理。刘冬梅说，店铺对清洁工都挺好。她还说，工资不高。", "刘冬梅"),
    ("李毅在微信上写到：“如果是武力统一，就不存在理解问题。”", "李毅"),
])
def test_a_name_followed_by_a_verb_or_a_word_is_read_short(text, speaker):
    """李文亮|站在, 翟青|围绕: the name ends before a verb or word its last characters would make; 长宁区 is a
    place, no 宁区 the role 市长 names; 写到 is how many write 写道."""
    assert [who for _, who, _ in found(text)][-1] == speaker


def test_when_someone_spoke_is_no_speaker():
    """我有一次采访他的时候，就说…: 时候 says when; the narrator asked, and no one named it."""
    assert "时候" not in [who for _, who, _ in found("但是后来我有一次采访他的时候，就说为什么你后来不写这些小说了。")]


def test_a_short_term_in_marks_inside_the_speaker_after_a_quotation():
    """“…，”…罗冠聪在海外港人组织“香港民主委员会”发表的一份声明中说。“…”: the term goes on, the verb follows."""
    quotes = found("“‘秘密警察’在我们的脑子里曾经是一个抽象概念，”香港抗议活动的著名领导人之一罗冠聪在海外港人组织"
                   "“香港民主委员会”发表的一份声明中说。“现在，它是一种非常现实的担忧。”")
    assert [(kind, who[-3:]) for kind, who, _ in quotes] == [("direct", "罗冠聪"), ("direct", "罗冠聪")]


@pytest.mark.parametrize("text, content", [
    ("普京表示，随着“榛树”导弹系统产量的提升，该系统有可能在2025年下半年部署到白俄罗斯。",
     "随着“榛树”导弹系统产量的提升，该系统有可能在2025年下半年部署到白俄罗斯"),
    ("通报介绍，今年6月，在未征得本人同意的情况下，该镇居委会对王金玉的责任田进行了挖掘改造。",
     "今年6月，在未征得本人同意的情况下，该镇居委会对王金玉的责任田进行了挖掘改造"),
    # a statement already made: the clause on 该 is the journalist's
    ("乌克兰表示，俄方拒绝了举行特别会议的提议，该地区自2014年以来一直冲突不断。", "俄方拒绝了举行特别会议的提议"),
])
def test_a_clause_on_该_ends_content_only_after_a_statement(text, content):
    """A time, a condition or a circumstance (随着…, 今年6月，在…下) is no statement: the clause after it is the rest of it."""
    assert [said for _, _, said in found(text)] == [content]


def test_自己_and_自由_open_with_a_topic_marker_character_but_no_topic():
    """自 (since) is a topic marker; 自己 and 自由亚洲电台 are a pronoun and a name: a second verb splits the
    content after them, and 自由亚洲电台 reports."""
    assert found("陈皓桓称自己和其他议员都知道被捕风险，但认为绝对不可以退缩。") == [
        ("indirect", "陈皓桓", "自己和其他议员都知道被捕风险"), ("indirect", "陈皓桓", "绝对不可以退缩")]
    assert [who for _, who, _ in found("据自由亚洲电台报道，有近三百名作家、学者前往送行。")] == ["自由亚洲电台"]


def test_two_verbs_of_saying_in_a_row_are_one_cue():
    """校方通报指出，…: the content starts after both verbs."""
    assert found("校方19日通报指出，该学生违反国家和学校规定，严重伤害了民族感情。") == [
        ("indirect", "校方", "该学生违反国家和学校规定，严重伤害了民族感情")]


@pytest.mark.parametrize("text, speaker", [
    ("迈克∙普勒斯敦担任阿肯色州经济发展委员会主任时牵头主导了投资项目。如今已是阿肯色州商务部长的他告诉美国之音，"
     "他在2019年11月访问中国时会见了如意集团的人。", "迈克∙普勒斯敦"),
    ("阿红的儿子曾问自己为什么要搬走，阿红唯有回答：“深圳不要我们了。”", "阿红"),
    ("伯恩哈德·诺希特住在汉堡。来自汉堡伯恩哈德·诺希特研究所的专家说，这很好。汉堡伯恩哈德·诺希特说，抗体不能自动防止感染。",
     "伯恩哈德·诺希特"),
    ("哈利的父亲添姆·邓恩来到华盛顿。邓恩的妈妈表示，这是朝正确方向迈出的一大步。她表示，将继续不懈努力。", "邓恩的妈妈"),
])
def test_who_speaks_after_a_description_an_adverb_a_city_or_a_relative(text, speaker):
    """…的他 is the person the pronoun means; 唯有 is an adverb; 汉堡 a city before a dotted name (∙ a dot
    too); 她 after someone described by whose relative they are (邓恩的妈妈) is that person, and 阿红 is not
    one of the forms of 阿红的儿子."""
    assert [who for _, who, _ in found(text)][-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("作家、媒体人蒋方舟发朋友圈，称自己也被“此人”性骚扰过。", "蒋方舟"),
    ("律师、人权活动人士滕彪说，这个判决没有法律依据。", "滕彪"),
    ("时事评论人士尼科里斯基说，远东还面临着新一轮的出生率下降。", "尼科里斯基"),
    ("策展人陈怡静告诉美国之音，香港目前的情况非常困难。", "陈怡静"),
])
def test_roles_in_a_list_and_a_role_inside_a_kind_of_person_before_a_name(text, speaker):
    """作家、媒体人|蒋方舟: roles in a list, then the name; 时事评论人士: 评论人 is a role, 人士 the word it is in."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_verb_with_no_subject_goes_on_from_the_person_the_clause_before_opens_with():
    """…，陶崇园都在8点左右离开了，说是要去导师家: 陶崇园 says it, not 胡玉峰 who opened the sentence; not a
    body whose name opens with a person's (盖茨|基金会发表一份白皮书，强调…)."""
    quotes = found("陶崇园说，他很少出门。胡玉峰则记得有两次，他叫陶崇园一起吃饭，陶崇园都在8点左右离开了，说是要去导师家。")
    assert quotes[-1] == ("indirect", "陶崇园", "是要去导师家")
    quotes = found("盖茨说，这很好很好。在她发表上述言论之际，盖茨基金会发表一份白皮书，强调新冠病毒对女性的有害影响。")
    assert quotes[-1][1] == "盖茨基金会"


@pytest.mark.parametrize("text, speaker", [
    ("终其一生都没有离开家乡科尼斯堡的大哲学家康德曾经说：“世界上唯有两样东西能让我们的内心受到深深的震撼。”", "康德"),
    ("爸爸就这么不停地讲，直到招待所的大爷说：“不早了，明天再聊吧。”", "招待所的大爷"),
    ("美国周二公布命令。现在美国又指控中国派遣数十名隐瞒身份的军人来美窃取商业秘密。", "美国"),
])
def test_an_adverb_until_or_a_time_before_the_subject(text, speaker):
    """终其一生 (an adverb) opens a clause about 康德; 直到 (until) is no part of who; 现在 before a name is when."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_no_content_before_a_verb_with_a_colon():
    """…甚至说：⏎…: the colon points to the next paragraph; the clause before is no reported content."""
    quotes = found("面对来劝导的村干部，桐庐有的老人怎么也不愿意离开，甚至说：\n我就算死在这里也不要搬出去。")
    assert "面对来劝导的村干部，桐庐有的老人怎么也不愿意离开" not in [said for _, _, said in quotes]


def test_a_one_character_verb_after_并_has_no_subject_of_its_own():
    """…，并指这些官员认为…: 指 is a verb here (the tagger reads a noun), so 认为 goes on from 蔡伟."""
    quotes = found("蔡伟也批评美国官员推行双重标准，并指这些官员认为捐赠中国口罩的背后有着提高中国执政当局形象的目的。")
    assert [who for _, who, _ in quotes] == ["蔡伟"]


@pytest.mark.parametrize("text, expected", [
    ("「应季的产品交不出去，很多订单都积压在手上。」一家企业告诉财新记者，「只能先尽力和客户沟通。」",
     [("direct", "一家企业", "应季的产品交不出去，很多订单都积压在手上。"), ("direct", "一家企业", "只能先尽力和客户沟通。")]),
    ("“济南有48所大学、72万大学生，受到青睐也就顺理成章了。”孙元文向南方周末记者分析。",
     [("direct", "孙元文", "济南有48所大学、72万大学生，受到青睐也就顺理成章了。")]),
    ("“由甲骨文资助的这份报告试图破坏我们所做的工作。”恩斯特龙辩解道。",
     [("direct", "恩斯特龙", "由甲骨文资助的这份报告试图破坏我们所做的工作。")]),
])
def test_a_speaker_after_a_quotation_who_told_an_outlets_reporter_or_analysed(text, expected):
    """告诉财新记者 only says whom (the tagger reads 新 as an adjective); a weak verb (分析) reports after a
    quotation even before a full stop; 辩解 is a verb of saying."""
    assert found(text) == expected


def test_a_quotation_after_a_colon_goes_on_with_the_words_reported_before_it():
    """李先生说，…，最易让人相信：“…”: the colon continues 李先生's words; a quotation between would end them."""
    quotes = found("李先生说，当局以“涉恐”理由抓人，最易让人相信：“这些手法，共产党用了几十年了。”")
    assert quotes[-1] == ("direct", "李先生", "这些手法，共产党用了几十年了。")


@pytest.mark.parametrize("text", [
    "6月起人民币快速下跌，市场贬值预期再起，8月24日央行宣布重启逆周期因子。",
    "今天大学这种评职称，博士点等种种制度，在我看来是新的科举制度。",
])
def test_a_verb_of_saying_inside_a_noun_is_no_cue(text):
    """贬值预期 (an expectation markets hold), 职称 (a title): nouns, no one said anything (央行宣布 still reports)."""
    assert [q.cue for q in extract(text) if q.cue in ("预期", "称")] == []


def test_与_inside_a_role_phrase_before_the_name():
    """…的工作与组织研究教授、斯隆工作与就业研究所(…)联席主任托马斯•科汉: 与 joins fields and a body's words, the
    name ends the subject."""
    quotes = found("麻省理工学院斯隆管理学院的工作与组织研究教授、斯隆工作与就业研究所(Sloan Institute)联席主任托马斯•科汉"
                   "(Thomas Kochan)表示，“因为人们住在成本更低的地方，就给他们更低的工资，这种做法很危险”。")
    assert [who for _, who, _ in quotes] == ["托马斯•科汉"]


@pytest.mark.parametrize("text, speaker", [
    ("对此，北京清华大学政治学系前讲师吴强，周五接受本台采访时表示，最近几年中国经济困难。", "吴强"),
    ("乌国家安全与国防委员会秘书丹尼洛夫表示，乌克兰与卡霍夫卡水电站无关。", "丹尼洛夫"),
    ("独立中文笔会狱中作家与自由写作委员会协调人张裕向本台表示，新闻自由的程度已趋近于零。", "张裕"),
])
def test_a_former_role_and_roles_after_a_body_with_与(text, speaker):
    """前讲师: 前 (former) before a role is part of it; 秘书 and 协调人 are roles after bodies whose names hold 与."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_degree_adverb_read_as_one_word_with_the_verb_ends_the_subject():
    """国际人士|高度评价这次讲话，认为…: jieba reads 高度评价 as one word; the subject ends before it."""
    quotes = found("国际人士高度评价这次讲话，认为各方携手将推动亚太和全球实现发展繁荣。")
    assert [who for _, who, _ in quotes] == ["国际人士"]


def test_a_verb_inside_who_spoke_after_a_quotation_is_no_statement():
    """“…，”一位自称胡警官的人对她说。“…”: 自称 describes the speaker; the next quotation goes on with them."""
    quotes = found("“我们掌握到，这个推特登陆IP是澳大利亚，”一位自称胡警官的人对她说。“这个账号是通过邮箱注册的。”")
    assert quotes == [("direct", "一位自称胡警官的人", "我们掌握到，这个推特登陆IP是澳大利亚，"),
                      ("direct", "一位自称胡警官的人", "这个账号是通过邮箱注册的。")]


def test_a_count_before_a_role_is_no_surname():
    """三位律师表示: 位 is a measure word, no 位律师."""
    assert [who for _, who, _ in found("王律师到了看守所。三位律师表示，不能理解，也不能接受。")] == ["三位律师"]


@pytest.mark.parametrize("text, expected", [
    ("「我们那一代人受害的还是比较多的。」王园宏说，他也患有小儿麻痹症，由于治疗比较及时，他症状最轻。",
     [("direct", "王园宏", "我们那一代人受害的还是比较多的。"),
      ("indirect", "王园宏", "他也患有小儿麻痹症，由于治疗比较及时，他症状最轻")]),
    # a note on who speaks is the journalist's
    ("“这是一场赌博。”吴昊说，他是一名北京的小规模投资者。", [("direct", "吴昊", "这是一场赌博。")]),
    # with a quotation later in the sentence, what follows the comma is no reported content
    ("“我在伊斯兰堡出生，也在这里长大。”李彤说，他的家人拥有餐厅，“我说流利的乌尔都语。”",
     [("direct", "李彤", "我在伊斯兰堡出生，也在这里长大。")]),
])
def test_after_a_whole_quotation_the_verb_reports_what_follows_its_comma(text, expected):
    """「…。」X说，…: the words after the comma are X's too, unless they say who X is or a quotation follows."""
    assert found(text) == expected


def test_a_place_phrase_ending_in_下方_is_no_subject():
    """在推特的相关消息下方，…: 下方 (beneath) ends the place phrase; 方 is no body that speaks."""
    assert [who for _, who, _ in found("在推特的相关消息下方，一些网友对美国此举表示支持，称美国“好样的”。")] == ["一些网友"]


def test_an_aside_in_brackets_after_the_verb_keeps_the_quotation_around_it():
    """“…，”她说（她这时已经两杯红酒下肚），“…”: the aside is the journalist's; both quotations are hers."""
    quotes = found("李娜端起酒杯。“我们去吧，”她说（她这时已经两杯红酒下肚），“我们一起去搭货轮穿越大西洋吧。”")
    assert [(kind, said) for kind, _, said in quotes] == [("direct", "我们去吧，"), ("direct", "我们一起去搭货轮穿越大西洋吧。")]


def test_the_dot_radical_typed_for_the_enumeration_comma_parts_names():
    """罗冠聪丶周庭: 丶 stands for 、, so the names are read apart (and 差不多 is an adverb)."""
    quotes = found("差不多同一时间，香港众志创会主席罗冠聪丶周庭及常委敖卓轩，也在各自的Facebook上宣布退出组织。")
    assert [who for _, who, _ in quotes] == ["罗冠聪"]


def test_a_name_and_the_text_they_wrote_is_the_writer():
    """罗冠聪文中批评: 文中 (in the article) is where; the one who wrote it speaks."""
    assert [who for _, who, _ in found("罗冠聪昨天发文。罗冠聪文中批评，选举主任是政治审查的刽子手。")] == ["罗冠聪"]


def test_a_bodys_name_alone_on_a_line_is_no_person():
    """支联会:…: a section's label names a body; 支联 is no person whom 他 could mean."""
    quotes = found("支联会主席李卓人接受专访。\n支联会:现在才是黑暗的开始\n外界认为港版国安法有如洪水猛兽，李卓人指现在只是最黑暗的开始，"
                   "他反问香港日后在国际都不能再发声。")
    assert quotes[-1][1] == "李卓人"


def test_a_verb_of_saying_that_starts_inside_a_known_name():
    """赵立坚称: 坚称 is a verb, but 坚 ends the name read before; the verb is 称."""
    quotes = found("外交部发言人赵立坚表示，中方坚决反对。赵立坚称，美方应停止干涉。")
    assert quotes == [("indirect", "赵立坚", "中方坚决反对"), ("indirect", "赵立坚", "美方应停止干涉")]


@pytest.mark.parametrize("text, speaker", [
    ("報道引述消息指出，港府將於日內公佈押後選舉。", "報道"),
    ("澎湃新聞引述消息指，中國駐美使館曾於3月21日收到過死亡威脅郵件。", "澎湃新聞"),
])
def test_who_cites_the_news_speaks(text, speaker):
    """報道引述消息指出: 消息 (the news) is no one; the report or outlet citing it speaks (新闻 ends an outlet's name)."""
    assert [who for _, who, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text, expected", [
    ("俄称击落乌无人机乌称击退俄进攻", [("indirect", "俄", "击落乌无人机"), ("indirect", "乌", "击退俄进攻")]),
    # prose, not a list item: 中国称 names what China calls a place
    ("日本海上保安总部今天透露，4日驶入尖阁诸岛即中国称钓鱼岛附近日本领海的中国海警局船只仍在领海内。",
     [("indirect", "日本海上保安总部", "4日驶入尖阁诸岛即中国称钓鱼岛附近日本领海的中国海警局船只仍在领海内")]),
])
def test_a_headline_list_item_ends_where_the_next_country_says_something(text, expected):
    """俄称…乌称…: a line with no punctuation lists two claims; the second country's verb reports on its own."""
    assert found(text) == expected


def test_according_to_someones_analysis_or_estimate():
    """据学者分析，…: the scholars' analysis (据…分析, 估计, 预测); 据保守估计 names no one."""
    assert found("另據學者分析，即使推遲大選，特朗普的總統任期也會結束。") == [
        ("indirect", "學者", "即使推遲大選，特朗普的總統任期也會結束")]
    assert found("据保守估计，我国女工应不少于1亿人。") == []


@pytest.mark.parametrize("text, speaker", [
    ("近几个月来，美中紧张关系升级。批评人士说，港版国安法破坏了香港的自治。", "批评人士"),
    ("英国《金融时报》未能联系到他的律师。执法部门在一份声明中表示，周一上午，他被检察官审问了几个小时。", "执法部门"),
    ("许树昌表示，专家顾问团并无牵涉讨论。他个人认为，要视乎疫情发展而定。", "许树昌"),
    ("行为科学设计师Nir Eyal先生一针见血的指出，这个问题似乎Quibi并没有解决。", "Nir Eyal"),
    ("NBA中国篮球学校一位不愿透露姓名的前员工强调说，篮球学校普遍存在虐待现象。", "NBA中国篮球学校一位不愿透露姓名的前员工"),
])
def test_common_subjects_the_rules_missed(text, speaker):
    """批评人士 (a verb naming a kind of people), 部门 (a body), 他个人 (the pronoun), 一针见血的 (的 for 地
    after an idiom), 员工 (a role): each names who speaks."""
    assert [who for _, who, _ in found(text)][-1] == speaker


def test_a_source_frame_after_a_connective():
    """但据他的同事们介绍，…: 但 before 据 still opens the frame; 他的同事们 are his colleagues, who speak."""
    assert found("但据他的同事们介绍，他几乎每天都在工作。") == [("indirect", "他的同事们", "他几乎每天都在工作")]


@pytest.mark.parametrize("text, speaker", [
    ("5月21日，全国政协委员、凉山州人大常委会主任达久木甲在今年全国两会的「委员通道」上表示，凉山是深度贫困地区。", "达久木甲"),
    ("曾任‘香港民族阵线’发言人梁颂恒表示，不希望为成员带来风险。", "梁颂恒"),
    ("习近平总书记深刻指出，建设社会主义现代化强国，关键在科技自立自强。", "习近平"),
])
def test_a_term_naming_a_place_a_former_role_and_an_adverb(text, speaker):
    """在…「委员通道」上: the term names where; 曾任 (formerly) opens a role; 深刻 is an adverb."""
    assert [who for _, who, _ in found(text)] == [speaker]


def test_a_compound_that_straddles_two_words_is_no_compound():
    """香港政府发言人称, 公布数据称: 人称 and 据称 block 称 only as words of their own (第一人称, 据称…)."""
    assert [who for _, who, _ in found("香港政府发言人称，香港疫情近日出现急剧变化。")] == ["香港政府发言人"]
    assert found("他习惯用第一人称写作。") == []


def test_what_the_articles_reporter_learned_is_no_statement():
    """记者从…了解到，…预计…: the forecast is the source's, and 记者 is only the one who learned it; a reporter
    who asks (记者追问) still speaks."""
    assert found("记者从交通运输部了解到，今年快递业务量增长较快，预计全年超过1800亿件。") == []
    assert [who for _, who, _ in found("记者追问，为何不推进全民检测？")] == ["记者"]


def test_a_conjunction_after_a_subject_ends_it_but_opens_no_subject():
    """美国既然…: 既然 and 虽然 end the subject before them; a clause that opens with one (同时既然承诺…)
    states a condition, and no one is left out to speak in it."""
    assert [who for _, who, _ in found("德国防长卡伦鲍尔虽然重申人权的重要性，但是却也为德国的做法辩护。")] == ["卡伦鲍尔"]
    assert found("这项承诺比之前的官员表态更进一步，同时既然承诺进行独立调查，约翰逊不能只做内部审查。") == []


def test_a_description_of_a_body_means_the_body_named_before():
    """国际货币基金组织25日上调…。该组织认为…: the body need not have spoken before for 该组织 to mean it; a body
    only described (引起关注的公司) or a country (该国) is not looked for."""
    text = "国际货币基金组织25日将世界经济增长预期上调至3.0%。该组织认为发达经济体增长明显放缓。"
    assert [(kind, who) for kind, who, _ in found(text)] == [("indirect", "国际货币基金组织")]
    text = "一家引起关注的公司上周下架了广告。该公司宣布正在重新评估这款产品的品牌形象。"
    assert [who for _, who, _ in found(text)] == ["公司"]


def test_a_condition_holding_its_main_clause_is_a_statement():
    """无论他们怎样回应都不会改变立场 is said in full, so the content stops where 他甚至认为 reports again."""
    text = "谭文豪表示，无论他们怎样回应都不会改变立场，他甚至认为决定不是来自选举主任。"
    assert found(text) == [("indirect", "谭文豪", "无论他们怎样回应都不会改变立场"),
                           ("indirect", "谭文豪", "决定不是来自选举主任")]


@pytest.mark.parametrize("text, speakers", [
    ("大家可能认为，这是个人问题。", ["大家"]),
    ("很多人会说，为什么我们得不到诺贝尔奖？", ["很多人"]),
    ("也许你会说，这是一种奇怪的成长方式。", []),  # (你: whom the writer addresses, no one who spoke)
])
def test_a_modal_after_people_in_general_or_a_pronoun_is_no_part_of_them(text, speakers):
    """大家可能, 很多人会, 你会: the modal stands before the verb, whoever the subject is."""
    assert [who for _, who, _ in found(text)] == speakers


def test_a_second_role_after_a_name_is_no_part_of_it():
    """中国疾控中心主任高福院士: the name stands between two roles; 高福 speaks, not 高福院士."""
    text = "中国疾控中心主任高福院士透露，他已经接种了候选疫苗。高福多次表示，希望中美两国开展更多合作。"
    assert [who for _, who, _ in found(text)] == ["高福", "高福"]


def test_they_after_a_sentence_that_sets_the_scene_first():
    """随着…崩溃，鲁迅那一代知识分子开始…。他们认为: the group is the subject after the scene-setting clause."""
    text = "我母亲说，这是她的想法。随着清帝国在外国入侵和国内动乱中崩溃，鲁迅那一代知识分子开始向西方寻求救国之道。他们认为本国文化遗产已经病入膏肓。"
    assert [who for _, who, _ in found(text)] == ["我母亲", "鲁迅那一代知识分子"]


def test_the_manner_of_someone_before_a_verb_is_no_part_of_them():
    """胡警官的态度严厉起来，质问：…: 的态度 says how 胡警官 asked."""
    assert [who for _, who, _ in found("当他否认时，胡警官的态度严厉起来，质问：“你自己心里没数吗？”")] == ["胡警官"]


def test_a_verb_read_across_two_words_is_no_cue():
    """签证|实施 holds no 证实: jieba reads the first character as the end of one word and the second as the
    start of another."""
    assert found("美国宣布，因华为「提供物资支持」，对华为员工的签证实施限制，蓬佩奥说华为要为违反人权负责。") == [
        ("indirect", "美国", "因华为「提供物资支持」，对华为员工的签证实施限制"),
        ("indirect", "蓬佩奥", "华为要为违反人权负责")]


@pytest.mark.parametrize("text, speakers", [
    ("老師大罵：「再講鬼話老子就斃了你！」", ["老師"]),
    ("石河营一位居民感慨：“令人痛哭、令人抓狂，令人发指。”", ["石河营一位居民"]),
    ("英国外交大臣拉布表示，英国将兑现对持有者的承诺。", ["拉布"]),  # (a rare verb a name sounds like)
])
def test_a_verb_after_a_role_is_what_they_did_not_their_name(text, speakers):
    """老师|大骂, 居民|感慨: two characters that read as a frequent verb after a role name no one."""
    assert [who for _, who, _ in found(text)] == speakers
