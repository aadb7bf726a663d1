"""What a question names, and which passages are about it (the gate and the quotes judge only those)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import ingest
from rag import answer
from rag.config import Settings
from rag.store import get_store
from rag.subject import (
    headlined,
    latin_names,
    named_elsewhere,
    names,
    naming,
    on_subject,
    period_judged,
    subject_names,
    unnamed,
    unnamed_in,
    unsaid,
    written_in_chinese,
)
from rag.types import Declared, Hit
from tests.helpers import make_chunk, written_articles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("小红卡为什么关停？", ["小红卡"]),
        ("快手的净利润率是多少？", ["快手"]),
        ("What payment license did Xiaohongshu obtain?", ["Xiaohongshu"]),
        ("How much could it save in fees?", []),
        ("这张牌照属于哪一类？", []),
        ("它的年费是多少？", []),
        ("蜜雪冰城的净利润是多少？", ["蜜雪冰城"]),  # cut in two by the tokenizer, whole again
        # A Latin name ends where Chinese text begins.
        ("拼多多三季度利润下滑 Temu面临欧盟调查", ["Temu", "拼多多", "欧盟"]),
        # A brand may begin with a lower-case prefix.
        ("Who founded iFood?", ["iFood"]),
        # Capitals joined by "&" are one name.
        ("When did J&T and AT&T list?", ["J&T", "AT&T"]),
        # A run of unknown words ending in a particle is a phrase cut apart (多少家车企的订单), not a name.
        ("禾赛获得了多少家车企的订单？", []),
    ],
)
def test_names_are_proper_nouns_capitalised_words_and_words_no_dictionary_knows(
    text: str, expected: list[str]
):
    assert names(text) == expected


def test_what_a_question_is_about_is_named_by_the_lexicon_or_in_no_dictionary():
    assert subject_names("What is Kuaishou's market share in Europe?") == ("kuaishou",)  # Europe: a place
    assert subject_names("快手的市场份额是多少？") == ("快手",)
    assert subject_names("How many merchants joined 小红卡?") == ("小红卡",)
    # Chinese in an English question is a name written whole, though of two characters.
    assert subject_names("What was 极兔's revenue in 2024?") == ("极兔",)
    # Several capitalised words, none of which a passage answering it must name.
    assert subject_names("Which NFL team represented the AFC at Super Bowl 50?") == ()
    assert subject_names("蜜雪冰城的创始人是谁？") == ("蜜雪冰城",)
    assert subject_names("快手的净利润率是多少？") == ("快手",)  # 净利润率: made of dictionary words
    # An English word no dictionary translates: a Chinese paragraph writes it its own way.
    assert subject_names("Who founded Temu?") == ()
    # The lexicon's names of several English words, written as words apart (泡泡玛特: "Pop Mart").
    assert subject_names("How much did Pop Mart spend on marketing?") == ("pop mart",)
    # A Chinese question opens with what it asks about, though two characters no dictionary knows.
    assert subject_names("极兔第三季度净利润是多少？") == ("极兔",)
    assert subject_names("众擎机器人估值多少？") == ("众擎",)
    assert subject_names("这张专辑什么时候发行？") == ()
    # So does a word of two characters and such a word after it, together (小马, "pony"; 智行).
    assert subject_names("小马智行港股发行价是多少？") == ("小马智行",)
    assert subject_names("京东外卖日订单量突破了多少？") == ("京东",)
    # Not with a compound of dictionary words after it: 蔬菜制品 (vegetable products) is what it sells.
    assert subject_names("卫龙蔬菜制品收入是多少？") == ("卫龙",)
    # A common word of text (南航 is in jieba's counts often) whose every sense is a name is one.
    assert subject_names("南航前三季度净利润是多少？") == ("南航",)
    assert subject_names("联想第三季度营收是多少？") == ()  # 联想 is "associate" too
    assert subject_names("澳门前十个月博彩总收入是多少？") == ()  # a place: a company's article names it
    # A Chinese question opening on a Latin name asks about it, unless an English word (Keep, Soul).
    assert subject_names("Temu最高可能被罚多少？") == ("temu",)
    assert subject_names("Keep上半年亏损是多少？") == ()


def test_passages_not_naming_the_subject_are_left_out_unless_none_names_it():
    kuaishou = Hit(chunk=make_chunk("Kuaishou's e-commerce GMV grew 15.4% in the first quarter."), score=1.0)
    mixue = Hit(
        chunk=make_chunk("Mixue listed in Hong Kong; its shares rose 43% on the first day."), score=1.0
    )
    assert on_subject("What is Kuaishou's market share?", [mixue, kuaishou]) == [kuaishou]
    assert on_subject("What is Pinduoduo's market share?", [mixue, kuaishou]) == [mixue, kuaishou]
    assert naming("What is Pinduoduo's market share?", [mixue, kuaishou]) == []
    assert naming("What is the market share?", [mixue, kuaishou]) == []


def test_a_name_inside_a_longer_listed_name_is_not_named_by_it():
    music = Hit(
        chunk=make_chunk("Tencent Music Entertainment's revenue rose 20.6%.", title="腾讯音乐三季度"),
        score=1.0,
    )
    tencent = Hit(chunk=make_chunk("Tencent's revenue rose 15%.", title="Tencent's quarter"), score=1.0)
    assert on_subject("腾讯三季度营收是多少？", [music, tencent]) == [tencent]
    assert on_subject("腾讯音乐三季度营收是多少？", [music, tencent]) == [music]
    # A name written out is the same name (阿里 and 阿里巴巴 are both Alibaba); its cloud is another.
    alibaba = Hit(chunk=make_chunk("阿里巴巴集团当季收入为2477亿元。"), score=1.0)
    cloud = Hit(chunk=make_chunk("阿里云收入增长26%。"), score=1.0)
    assert on_subject("阿里的收入是多少？", [cloud, alibaba]) == [alibaba]


def test_an_article_naming_the_subject_in_passing_is_not_headlined_by_it():
    rival = Hit(
        chunk=make_chunk("微博第三季度净营收为4.42亿美元。抖音和快手争夺广告预算。", title="微博三季度财报"),
        score=1.0,
    )
    own = Hit(chunk=make_chunk("快手二季度营收350亿元。", title="快手二季度营收350亿元"), score=1.0)
    assert on_subject("快手三季度营收是多少？", [rival, own]) == [rival, own]
    assert headlined("快手三季度营收是多少？", [rival, own]) == [own]
    assert headlined("三季度营收是多少？", [rival, own]) == []


def test_a_place_the_question_names_headlines_nothing():
    # Articles headlined by a Hong Kong listing in March do not decide the periods of a question on how
    # many companies listed in Hong Kong in the first nine months.
    listing = Hit(
        chunk=make_chunk("蜜雪冰城3月3日在香港联交所挂牌上市。", title="蜜雪冰城香港上市首日大涨"), score=1.0
    )
    exchange = Hit(
        chunk=make_chunk(
            "Sixty-eight companies listed in Hong Kong in the first nine months.", title="HKEX profit"
        ),
        score=1.0,
    )
    question = "How many companies listed in Hong Kong in the first nine months?"
    assert headlined(question, [listing, exchange]) == []
    assert period_judged(question, [listing, exchange]) == [listing, exchange]
    assert headlined("蜜雪冰城在香港什么时候上市？", [listing, exchange]) == [listing]


def test_a_name_an_article_declares_is_named_by_each_of_its_passages():
    # 蚂蚁 is "ant" to a dictionary; the article declaring "Ant Group (蚂蚁)" is about it throughout.
    ant = make_chunk("Revenue rose 8% to 30 billion yuan.", doc_id="ant", title="Ant Group's quarter")
    other = make_chunk("宁德时代营收增长8%。", doc_id="catl", title="宁德时代季度营收")
    hits = [Hit(chunk=other, score=1.0), Hit(chunk=ant, score=1.0)]
    assert on_subject("蚂蚁的营收是多少？", hits) == hits
    declared = Declared({"ant": ("蚂蚁",)})
    assert on_subject("蚂蚁的营收是多少？", hits, declared) == hits[1:]
    assert headlined("蚂蚁的营收是多少？", hits, declared) == hits[1:]


def test_a_question_without_what_it_names_keeps_the_rest():
    assert unnamed("Who founded Kuaishou?").split() == ["Who", "founded", "?"]
    assert unnamed("快手的创始人是谁？").strip() == "的创始人是谁？"
    assert unnamed("What did Xiaohongshu say about 小红卡?").split() == ["What", "did", "say", "about", "?"]
    assert unnamed("How many merchants joined?") == "How many merchants joined?"


@pytest.mark.parametrize(
    "question",
    [
        # Another subject's passage covers the rest of the question (小红书's founder is not 快手's); in
        # an archive with more articles on other subjects both were answered from those.
        "快手的创始人是谁？",
        "快手的市值是多少？",
    ],
)
def test_a_question_is_refused_when_only_another_subjects_passage_covers_it(archive: Settings, question: str):
    assert answer(question, settings=archive).refused


def hit(text: str, title: str = "Xiaohongshu bets on e-commerce") -> Hit:
    return Hit(chunk=make_chunk(text, title=title, path="/archive/36ke.txt"), score=1.0)


FOUNDER = hit("Xiaohongshu's founder, Zhai Fang, envisions a balance.")
INDEXED = {"temu", "ifood", "xiaohongshu", "zhai", "fang", "europe"}.__contains__


def test_an_english_question_is_not_answered_by_english_articles_naming_none_of_its_names():
    def unnamed(question: str, hits: list[Hit]) -> bool:
        return unnamed_in(question, hits, INDEXED, lambda name: False)

    temu = hit("Temu, the company's overseas shopping app, faces an investigation.", "PDD's profit falls")
    assert unnamed("Who founded Temu?", [FOUNDER])
    assert not unnamed("Who founded Xiaohongshu?", [FOUNDER])
    assert not unnamed("Who founded Temu?", [FOUNDER, temu])
    # The title names what the passage is about: "the company" of an article on Temu.
    assert not unnamed("Who founded Temu?", [hit("The company was founded in 2022.", "Temu's rise")])
    # A name the archive has nowhere is in no English passage either (a code is no name); a Chinese
    # passage may write a name its own way, an untitled document's passage may leave it to the title it
    # lacks; a Chinese question names by other rules.
    assert unnamed("Who founded Auntea Jenny?", [FOUNDER])
    assert not unnamed("Who founded Auntea Jenny?", [hit("沪上阿姨由单卫钧于2013年创立。")])
    assert not unnamed("What did Xiaohongshu earn in Q3?", [FOUNDER])
    assert not unnamed("Who founded Temu?", [hit("小红书创始人毛文超表示，社区是根本。")])
    assert not unnamed("Who founded Temu?", [hit(FOUNDER.chunk.text, "36ke")])
    # A Chinese question names in Latin letters too, anywhere in it: Temu's fine is not Pop Mart's revenue.
    assert unnamed("Temu的创始人是谁？", [FOUNDER])
    assert unnamed("Temu最高可能被罚多少？", [FOUNDER])
    assert not unnamed("Temu最高可能被罚多少？", [temu])
    assert not unnamed("小红书的创始人是谁？", [FOUNDER])
    assert unnamed("Who founded iFood?", [FOUNDER]), "a brand with a lower-case prefix is a name"
    # A letter a Chinese word holds is no name, though the archive has it: B站 is Bilibili, A股 shares.
    bilibili = hit("Bilibili reported net revenue of 7.69 billion yuan.", "Bilibili posts a profit")
    assert not unnamed_in("B站第三季度营收是多少？", [bilibili], {"b"}.__contains__, lambda name: False)
    assert not unnamed_in("A股上市公司有多少？", [FOUNDER], {"a"}.__contains__, lambda name: False)


def test_an_acronym_a_dictionary_translates_is_no_name():
    went_public = hit("Zeekr went public in New York in May 2024, raising $441 million.", "极氪私有化落地")
    knows = {"ipo", "ceo", "zeekr", "byd"}.__contains__
    assert not unnamed_in("极氪IPO募资多少？", [went_public], knows, lambda name: False)
    assert latin_names("How much did Zeekr raise in its IPO?") == ["Zeekr"]
    assert latin_names("Temu在美国上市之前的CEO是谁？") == ["Temu"]
    # A brand may be a common word: only capitals are read as an acronym.
    assert latin_names("Soul有多少用户？") == ["Soul"]
    # Two capitals the archive lacks are a name it lacks: no English passage is about "SF Holding".
    founder = hit("The Singapore-based company was founded in Nanjing by Xu Yangtian.", "Shein files for IPO")
    assert named_elsewhere("Who founded SF Holding?", founder, {"holding", "shein"}.__contains__)
    assert not named_elsewhere("Who founded SF Holding?", founder, {"sf", "holding"}.__contains__)
    # A name the lexicon spells otherwise is in the archive where that spelling is (JD: 京东).
    jd = hit("JD.com said its food delivery business had passed 20 million daily orders.", "京东外卖")
    assert not named_elsewhere("How many orders does JD get?", jd, {"京东", "orders"}.__contains__)
    # A person's name in pinyin may be written otherwise in English.
    richard = hit("JD.com founder Richard Liu delivered meals himself.", "JD's food delivery push")
    assert not named_elsewhere("What did Liu Qiangdong say?", richard, {"liu", "richard"}.__contains__)


def test_a_name_a_dictionary_lists_whole_is_no_piece_cut_apart():
    # 同仁堂 is 同仁 + 堂 to the tokenizer, but CC-CEDICT lists it as a name: a Chinese passage on another
    # company (万华化学's quarter) is not about it; the English article spelling it syllable by syllable is.
    wanhua = hit(
        "其中，第三季度公司实现营业收入468.1亿元；净利润30.34亿元。", "万华化学第三季度净利润增长49.7%"
    )
    reuters = hit(
        "Beijing Tong Ren Tang reported a 9.6% drop in third-quarter net profit to 301 million yuan.",
        "Tong Ren Tang's profit falls as demand for premium remedies cools",
    )
    knows = {"万华", "净利润"}.__contains__
    assert named_elsewhere("同仁堂第三季度净利润是多少？", wanhua, knows)
    assert not named_elsewhere("同仁堂第三季度净利润是多少？", reuters, knows, reuters.chunk.text)


def test_a_headline_may_write_the_name_asked_as_another_of_the_same():
    # 南航 and 南方航空 are both "China Southern": its article is about the name asked.
    profit = "For the first nine months it earned a net profit of 2.9 billion yuan."
    southern, eastern = hit(profit, "China Southern posts profit"), hit(profit, "China Eastern posts profit")
    question = "南航前三季度净利润是多少？"
    assert not named_elsewhere(question, southern, {"净利润"}.__contains__, profit)
    assert named_elsewhere(question, eastern, {"净利润"}.__contains__, profit)


def test_a_passage_is_not_about_a_name_no_text_of_its_script_has():
    cars = hit("小米第一款车型SU7于2024年3月上市,截至今年6月累计交付已超过30万辆。", "小米YU7发布")
    lynk = hit("Its sister brand Lynk & Co sold about 310,000 vehicles.", "极氪私有化落地")
    knows = {"小米", "极氪"}.__contains__
    assert named_elsewhere("领克2024年交付了多少辆车？", cars, knows)
    assert not named_elsewhere("领克2024年交付了多少辆车？", lynk, knows, lynk.chunk.text), (
        "English may write it its own way"
    )
    assert not named_elsewhere("小米交付了多少辆车？", cars, knows)
    # Nor by an English article headlined with a name a dictionary gives another Chinese name for.
    lenovo = hit(
        "Lenovo has about 77,000 employees and sells in 180 markets.", "Lenovo quarterly profit jumps"
    )
    assert named_elsewhere("汉庭的员工有多少？", lenovo, knows)
    atour = hit("Atour had 1,838 hotels in operation.", "Hotel operator Atour's revenue jumps")
    assert not named_elsewhere("亚朵有多少家酒店？", atour, knows)
    # Likewise a Chinese headline over an English body, opening on another company's name.
    nio = hit("The company reported a net loss of 5.0 billion yuan.", "蔚来二季度亏损收窄")
    assert named_elsewhere("禾赛的净亏损是多少？", nio, knows, nio.chunk.text)
    # A Latin name no text has is not that of a Chinese article headlined with a name the lexicon writes
    # otherwise; one headlined with a name it does not know may be its.
    capex = hit(
        "字節跳動今年在人工智能方面的資本開支預計達1600億元人民幣。", "字节跳动今年AI资本开支预计1600亿元"
    )
    assert named_elsewhere("How much did Luxshare spend?", capex, knows)
    assert not named_elsewhere("How much did ByteDance spend?", capex, {"bytedance"}.__contains__)
    luxshare = hit("公司前三季度研发投入为85.6亿元。", "立讯精密前三季度净利润增长26.9%")
    assert not named_elsewhere("How much did Luxshare spend?", luxshare, knows)
    sf = hit("顺丰控股总部位于深圳。", "顺丰控股上半年净利润增长19%")
    assert not named_elsewhere("Where is SF Holding headquartered?", sf, {"sf"}.__contains__)
    # Words of the question taken together for a name are not judged (古茗 and 募资).
    assert not named_elsewhere(
        "古茗募资多少？", hit("本次全球发售古茗共募集资金约18.6亿港元。"), {"古茗"}.__contains__
    )


KIMI = [
    "月之暗面完成新一轮融资",
    "晚点获悉，Kimi智能助手的开发商月之暗面完成新一轮融资。",
    "Kimi智能助手的月活跃用户数在今年9月约为3600万。",
    "受DeepSeek影响，月之暗面削减了市场投放预算。",
]
PONY = [
    "小马智行港股上市",
    "Pony.ai, the Guangzhou-based autonomous driving company, began trading.",
    "Pony.ai runs a fleet of 667 robotaxis.",
    "WeRide, its rival, listed in Hong Kong on the same day.",
]


def test_a_name_not_the_articles_subject_is_said_where_it_is_meant():
    def unsaid_in(question: str, article: list[str], quote: str, passage: str | None = None) -> bool:
        named = {"deepseek", "weride", "pony.ai"}.__contains__
        return unsaid(question, [(article, passage or " ".join(article[1:]), quote)], named, bool)

    assert unsaid_in("DeepSeek的月活用户是多少？", KIMI, KIMI[2])
    assert not unsaid_in("DeepSeek的月活用户是多少？", KIMI, KIMI[3])
    # The article's subject needs no naming in each sentence, nor does a name its passage lacks.
    assert not unsaid_in("Kimi的月活用户是多少？", KIMI, KIMI[2])
    assert not unsaid_in("DeepSeek的月活用户是多少？", KIMI, KIMI[2], passage=KIMI[2])
    assert unsaid_in("How many robotaxis does WeRide operate?", PONY, PONY[2])
    assert not unsaid_in("How many robotaxis does Pony.ai operate?", PONY, PONY[2])
    # An article naming it in several sentences is about it, though its headline does not name it.
    card = [
        "小红书关停到店项目",
        "小红书的到店项目突然黄了。",
        "小红卡业务将暂停。",
        "小红卡在三城上线。",
        "小红卡年卡收费为168元。",
    ]
    assert not unsaid_in("小红卡的年费是多少？", card, "其年卡收费为168元。")
    # Named in two sentences beside the article's subject, it is named in passing (美团 in an article on
    # Douyin's commission cut).
    assert unsaid_in("小红卡的年费是多少？", card[:3] + card[4:], "其年卡收费为168元。")


def test_a_chinese_passage_is_judged_for_a_name_chinese_text_writes_as_english_does():
    chinese = hit("蜜雪冰城前三季度营收187亿元，同比增长21%。", "蜜雪冰城港股上市")

    def unnamed(question: str, written: set[str]) -> bool:
        return unnamed_in(question, [chinese], INDEXED, written.__contains__)

    assert unnamed("How much did Temu's sales grow?", {"Temu"})
    assert not unnamed("How much did Temu's sales grow?", set())
    assert not unnamed("How much did Mixue's sales grow?", {"Temu"})
    # Each passage by the names it can be judged for: a Chinese one by Temu, not by Europe (欧洲).
    assert unnamed("What is Temu's market share in Europe?", {"Temu"})
    # Nor by the place the question puts what it asks of, which another company's passage may name.
    brazil = hit("分析师认为，巴西外卖市场由iFood主导，其市场份额超过八成。", "Keeta进军巴西")
    question, knows, written = (
        "What is Temu's market share in Brazil?",
        {"temu", "brazil"},
        {"Temu", "Brazil"},
    )
    assert not unnamed_in(question, [brazil], knows.__contains__, written.__contains__)
    assert unnamed_in(question, [brazil], knows.__contains__, written.__contains__, {"brazil"})
    # An acronym is named by what it stands for (AI: 人工智能).
    spending = hit("字節跳動今年在人工智能方面的資本開支預計達1600億元人民幣。", "字節跳動上半年")
    assert not unnamed_in(
        "字节跳动在AI上的资本开支有多少？", [spending], {"ai"}.__contains__, {"AI"}.__contains__
    )


def test_a_name_is_written_in_chinese_as_english_writes_it_when_a_chinese_title_or_passage_has_it(
    settings: Settings, tmp_path: Path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "pdd.md": (
                "# 拼多多三季度利润下滑 Temu面临欧盟调查\n\nTemu, the overseas shopping app of PDD, faces an EU "
                "investigation. Shares of PDD fell after Shein reported results.\n"
            ),
            "hesai.md": "# 禾赛科技三季度交付量大增\n\nHesai Group, the lidar maker, delivered 441,398 units.\n",
        },
    )
    ingest([folder], settings=settings)
    keyword = get_store(settings=settings).keyword_index()
    assert written_in_chinese("Temu", keyword)
    # Or by its pinyin, in the Chinese title of an article on it (禾赛, he sai).
    assert written_in_chinese("Hesai", keyword)
    # Only English text has it: a Chinese article may write it its own way.
    assert not written_in_chinese("Shein", keyword)
    assert not written_in_chinese("Tesla", keyword)


def test_the_names_a_question_names_come_in_the_same_order_whatever_the_hash_seed():
    # Quotes are chosen with the names joined in this order: a set's order changed CATL's answer run to run.
    script = "from rag.subject import subject_names; print(subject_names('Did Pop Mart outsell Li Ning and Li Auto?'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(runs) == 1
    assert "pop mart" in runs.pop()


def test_a_common_word_before_the_kind_of_company_it_names_is_a_name():
    # CC-CEDICT has 看准 as "to see clearly"; before 科技 it names Kanzhun.
    assert subject_names("看准科技第三季度营收是多少？") == ("看准",)
    assert subject_names("有道科技的营收是多少？") == ("有道",)
    # Not a kind itself, nor a word of a sentence.
    assert subject_names("科技公司的营收是多少？") == ()
    assert subject_names("看准时机上市的公司有哪些？") == ()


def test_china_in_a_companys_english_name_need_not_be_written_by_its_chinese_article():
    # 长江电力 is "China Yangtze Power"; its Chinese article names no 中国.
    chinese = hit("公司董事长刘伟平表示，公司将继续推进抽水蓄能电站建设。", "长江电力前三季度净利润293亿元")
    knows, written = {"china"}.__contains__, {"China"}.__contains__
    assert not unnamed_in("Who is the chairman of China Yangtze Power?", [chinese], knows, written)


def test_a_companys_name_the_tokenizer_cut_apart_opens_a_question_on_its_report():
    # A character left alone before a word, together a word never seen (优 + 必选).
    assert subject_names("优必选的首席执行官是谁？") == ("优必选",)
    # Two words never seen together before what a report gives: the second the company's trade.
    assert subject_names("新华保险前三季度净利润是多少？") == ("新华保险",)
    assert subject_names("新华保险的董事长是谁？") == ("新华保险",)
    # Not a listed name's part or period, nor a kind of company, nor words before no report's figure.
    assert subject_names("吉利收购前持有极氪多少股份？") == ("极氪",)
    assert subject_names("抖音电商上半年的GMV是多少？") == ("抖音",)
    assert subject_names("科技公司的营收是多少？") == ()
    assert subject_names("中国历史上第一个皇帝是谁？") == ()


def test_a_chinese_passage_is_not_about_a_reported_name_the_archive_lacks():
    shenhua = hit(
        "前三季度公司实现营业收入2131.51亿元；归属于上市公司股东的净利润389.02亿元。", "中国神华三季报"
    )
    knows = {"中国", "神华", "中国神华", "新华", "保险"}.__contains__
    assert named_elsewhere("新华保险前三季度净利润是多少？", shenhua, knows)
    life = hit(
        "New China Life said its net profit for the first nine months rose 58%.",
        "New China Life's profit jumps",
    )
    assert not named_elsewhere("新华保险前三季度净利润是多少？", life, knows, life.chunk.text)


def test_a_name_a_dictionary_has_opens_a_question_on_its_report():
    # CC-CEDICT has 汾酒 as Fenjiu: before what a report gives, it is what the question asks of.
    assert subject_names("汾酒第四季度营收是多少？") == ("汾酒",)
    assert subject_names("五粮液前三季度净利润是多少？") == ("五粮液",)
    assert subject_names("汾酒是什么酒？") == ()
    # So is a word it has that a text seldom uses (虎牙, "eye tooth": Huya), not one used often (手机).
    assert subject_names("虎牙第三季度净利润是多少？") == ("虎牙",)
    assert subject_names("手机第三季度销量是多少？") == ()
    # Not a common word too (联想, "associate"), nor a name ending in the kind of company.
    assert subject_names("联想的营收是多少？") == ()
    assert subject_names("联想集团第二财季净利润是多少？") == ()
    assert subject_names("中国第三季度GDP增长了多少？") == ()
