"""The extractor on real articles of ../shared/corpus (skipped when it is absent).

For each article, quotes that were checked by reading the article: the kind,
the speaker, and the first words of the quotation.  Only file names and these
short prefixes are kept here; the texts stay in ../shared.  ``absent`` lists
speakers that an earlier version wrongly produced.
"""

from __future__ import annotations

import pytest

from quotes.pipeline import process_file

from .conftest import CORPUS, need

CASES = {
    # VOA: reported speech, pronouns, 据…报道, a long description before the name
    "nodebe4-oped2/voa/1047924_香港民主派立法会初选多区现人龙 市民称把握最后机会争民主自由.md": {
        "expected": [("indirect", "戴耀廷", "香港市民越被打压越坚定"), ("indirect", "区诺轩", "这次初选受到多方打压"),
                     ("indirect", "戴耀廷", "因为香港市民越被打压反而越坚定"), ("indirect", "多家香港传媒", "多区的投票服务站"),
                     ("indirect", "冯小姐", "作为一个普通市民"), ("indirect", "冯小姐", "有心理准备")],
        "absent": ["婴孩", "曾国卫"],
    },
    # DW: straight quotes, descriptions (这位23岁的活动人士), two quotes after one verb
    "nodebe4-oped2/dw/1048096_黄之锋否认“请求德国”介入香港问题.md": {
        "expected": [("direct", "黄之锋", "我请求德国政府看看香港"), ("direct", "黄之锋", "有人告诉我"),
                     ("direct", "黄之锋", "我感谢所有愿意"), ("direct", "黄之锋", "我相信准确的报道"),
                     ("indirect", "德国《图片报》", "黄之锋做出了此番表态")],
        "absent": ["《图片报》报道中"],
    },
    # DW: names glossed in Latin letters, pronouns after a quote, an organisation
    "nodebe4-oped2/dw/1048175_忧港人“从此噤声“ 欧盟领导人“深表遗憾“ .md": {
        "expected": [("direct", "米歇尔", "我们对这一决定深感遗憾"), ("indirect", "米歇尔", "欧盟向中方表达了"),
                     ("direct", "延森", "情况越来越明显"), ("direct", "拉布", "我们正在与我们的国际伙伴"),
                     ("indirect", "大赦国际", "香港国安法“是香港近代史"), ("indirect", "斯托尔滕贝格", "中国正在瓦解香港的自治")],
        "absent": ["默克尔", "邝颂晴", "大赦国际发声明"],
    },
    # BBC: speaker after the quote, dotted and hyphenated names, continuation paragraphs
    "nodebe4-oped2/bbc/1048057_中国和伊朗拟签25年全面合作协议为何引发外界震动.md": {
        "expected": [("indirect", "扎里夫", "伊朗一直在就一项为期25年"), ("indirect", "华春莹", "她“不掌握相关情况”"),
                     ("direct", "艾哈迈迪-内贾德", "任何与外国当事方秘密缔结"), ("direct", "费雷敦·马勒西", "对伊朗来说，每条路"),
                     ("direct", "马晓霖", "从中兴到华为"), ("indirect", "美国国务院发言人", "伊朗是世界上最大的")],
        "absent": ["伊朗外交部长扎里夫不久前", "中国目前"],
    },
    # 联合早报: a name after 56岁的, the family name for the full name (田代 is 田代桂子), 她说：“…，”田代说
    "nodebe4-oped2/zaobao/2020-07-28-香港紧张局势或加速大和证券向中国转移的计划.md": {
        "expected": [("direct", "田代桂子", "如果出现某些事实"), ("indirect", "田代桂子", "大和已经在缩减香港的业务"),
                     ("direct", "田代桂子", "我认为金融公司不必过于担心"), ("indirect", "田代桂子", "大和正在与中国当局商谈")],
        "absent": [],
    },
    # 联合早报: a headline quote, 指 as a verb, 引述…消息称 keeps the one citing
    "nodebe4-oped2/zaobao/2020-07-24-胡锡进：据了解将有一家美总领馆被要求关闭.md": {
        "expected": [("direct", "胡锡进", "据了解将有一家美总领馆"), ("indirect", "胡锡进", "中国今天将公布"),
                     ("direct", "胡锡进", "我相信，中国专业外交团队"), ("indirect", "胡锡进", "美国在香港的总领馆")],
        "absent": ["他了解到的消息", "应该不"],
    },
    # RFI: 据法学家指出, 她说 with a quote then more speech, 予以否认
    "nodebe4-oped2/rfi/1047655_蓬佩奥谴责撤香港教科书是“奥威尔式”的审查 - 要闻解说.md": {
        "expected": [("indirect", "法学家", "警方新获得的监督权力"), ("direct", "黄宇逸", "新规定令人恐惧"),
                     ("direct", "林郑月娥", "香港政府将大力实施这项法律"), ("direct", "林郑月娥", "违反这项法律的后果"),
                     ("indirect", "林郑月娥", "相关的评论是诡辩")],
        "absent": ["只要他们", "这个规定", "特别", "她威胁"],
    },
    # RFA: colon-attributed quotes (吴强：“…”), UNKNOWN speakers (外界, 有分析)
    "nodebe4-oped2/rfa/1048425_政法委重提周永康 新一轮“延安整风”启动大清洗.md": {
        "expected": [("direct", "吴强", "二十大其实是"), ("direct", "吴强", "这个官僚式政党"), ("direct", "许桢", "比较复杂的是"),
                     ("indirect", "UNKNOWN", "虽然习近平名义上"), ("indirect", "吴强", "习近平是利用")],
        "absent": ["外界一般", "有分析"],
    },
    # NYT: names with Latin glosses and middle initials, pronouns across paragraphs
    "nodebe4-oped2/nytimes/1048144_美国对留学生实施新签证限制，引发混乱.md": {
        "expected": [("direct", "珍妮特·纳波利塔诺", "大学重新开放不需要"), ("direct", "雷娅·乔希", "可供选择的课程很少"),
                     ("indirect", "卢埃·阿莱姆", "已为秋季的公寓"), ("direct", "卢埃·阿莱姆", "我意识到我可能会"),
                     ("direct", "罗斯玛丽·詹克斯", "这可能会减少外国学生"), ("direct", "丹·伯格", "现在所有的灵活性")],
        "absent": ["妮特·纳波利塔诺"],
    },
    # 端傳媒 (traditional script): Latin-letter names, 37歲的Chen, 據…報導
    "nodebe4-oped2/initium/2020-07-21-中國面臨史詩級樓市泡沫難題：規模達52兆美元.md": {
        "expected": [("indirect", "Zhao Wenhao", "3月份，當市場開始反彈時"), ("indirect", "Zhao Wenhao", "許多客戶擔心"),
                     ("indirect", "習近平", "房子是用來住的"), ("indirect", "Chen Zhiyu", "你得跟著錢走"),
                     ("indirect", "甘犁", "這是投機性投資"), ("indirect", "Xu Xiaohua", "他覺得大多數中國人")],
        "absent": ["據", "相對", "這種房地產熱被許多人", "鏈家"],
    },
    # RTI (traditional): a headline, 回應，「…」 with an inherited speaker
    "nodebe4-oped2/rti/2020-07-24-[國際] 回應蓬佩奧 北京：美方改變不了中國.md": {
        "expected": [("direct", "北京", "美方改變不了中國"), ("indirect", "汪文斌", "已向美方嚴正交涉"),
                     ("direct", "汪文斌", "就社會制度而言")],
        "absent": [],
    },
}


@pytest.mark.corpus
@pytest.mark.parametrize("rel", sorted(CASES), ids=lambda rel: rel.split("/")[1] + "/" + rel.split("/")[2][:12])
def test_quotes_checked_by_reading(rel):
    root = need(CORPUS)
    record = process_file(root / rel, root)
    found = [(q.kind, q.speaker, q.text) for q in record.quotes]
    for kind, speaker, prefix in CASES[rel]["expected"]:
        assert any(k == kind and s == speaker and t.lstrip("“「\"").startswith(prefix) for k, s, t in found), (speaker, prefix, found)
    speakers = {s for _, s, _ in found}
    for wrong in CASES[rel]["absent"]:
        assert wrong not in speakers, (wrong, found)
    for q in record.quotes:
        source = record.title if q.paragraph == 0 else record.text
        assert source[q.start:q.end] == q.text
