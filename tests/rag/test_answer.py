import pytest

from ingest import ingest
from rag import Answer, answer, stream_answer
from rag.answer import _figure, _names_as_first, _naming_latin, _Turn
from rag.config import Settings
from rag.followup import resolve
from rag.store import get_store
from rag.types import Citation
from tests.environment import DATA_DIR
from tests.helpers import written_articles

CLOSURE_TITLE = "仅运营3个月!小红书关停「最短命」项目,商家斥责「交钱后没人管」"


def _titles(result: Answer) -> set[str]:
    return {c.title for c in result.citations}


def test_why_did_the_card_close_cites_the_xiaohongshu_article_and_its_reason(archive: Settings):
    result = answer("why did 小红卡 close?", settings=archive)
    assert not result.refused
    assert CLOSURE_TITLE in _titles(result)
    assert "准备不够充分" in result.text
    cited = next(c for c in result.citations if c.title == CLOSURE_TITLE)
    assert (cited.source, cited.date) == ("Xin Lang Ke Ji", "2025-12-10")
    assert "2025-12-10" in result.text


def test_chinese_question_about_the_payment_licence_cites_36ke(archive: Settings):
    result = answer("小红书拿下了哪家支付牌照？", settings=archive)
    assert not result.refused
    assert result.citations[0].source == "36Ke"
    assert "payment" in result.text.lower()


def test_english_question_is_answered_from_a_chinese_article(archive: Settings):
    result = answer("How much does the 小红卡 annual card cost?", settings=archive)
    assert not result.refused
    assert "168" in result.text
    assert all(c.title == CLOSURE_TITLE for c in result.citations[:1])


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("商家交了多少钱做小红卡认证？", "600元["),  # in the article's second quote, not its first
        # The sum is in a quote after the one that says what merchants paid for.
        ("How much did merchants pay for 小红卡 certification?", "600元["),
        # Not the 600元 of a heading before the quote that names the card: nothing points at it there.
        ("How much is the 小红卡 membership per year?", "168元["),
        ("小红卡在几个城市上线？", "三城[1]"),
        ("快手自营旗舰店卖什么商品？", "gold jewelry products[1]"),
        ("小红书接下来可能申请什么牌照？", "Internet micro-lending[1]"),
        ("快手去年同期的电商GMV是多少？", "2,880.725 billion yuan[1]"),
        ("Which cities did 小红卡 launch in?", "上海、杭州、广州[1]"),
        ("快手的净利润率是多少？", "14.0%["),
        # Traditional characters ask as simplified ones do (誰: who).
        ("小紅書的創始人是誰？", "Zhai Fang["),
        ("How long did 小红卡 operate before it was shut down?", "3个月["),
        # "scale" reaches 规模 across the blank scraping left inside it ("规 模化").
        ("Which event helped 小红卡 scale up quickly?", "依托马路生活节"),
        # One source's figure, not "Sources differ": 小红卡's 168元 annual fee is no saving on payment fees.
        ("How much could Xiaohongshu save on payment fees?", "2.4 billion RMB["),
        # "savings" is what is saved; "What fee rate" asks for a figure.
        ("What fee rate is used to estimate Xiaohongshu's savings?", "0.6%["),
        # Two articles give Q1's GMV: the second's quote starts after the words naming whose GMV it is,
        # which its sentence has ("Kuaishou's e-commerce segment ..., with a reported GMV of ...").
        ("What was Kuaishou's e-commerce GMV in Q1?", "Sources differ: 332.3 billion[1]"),
        ("快手电商一季度GMV是多少？", "各来源说法不一：332.3 billion[1]"),
    ],
)
def test_the_answer_starts_with_what_answers_the_question(archive: Settings, question: str, first: str):
    assert answer(question, settings=archive).text.startswith(first)


def test_another_article_sharing_only_what_the_question_names_is_not_quoted(archive: Settings):
    # 小红卡's launch in September 2025 has a date and 小红书, and says nothing of its payment licence.
    result = answer("小红书什么时候拿到支付牌照的？", settings=archive)
    assert result.citations
    assert {c.source for c in result.citations} == {"36Ke"}


def test_a_small_mixed_archive_ranks_both_languages_alike(archive: Settings):
    # A few chunks per language: dense scores are centred on the model's typical vectors, so an
    # English passage is not outranked by Chinese ones for being English, and the other way round.
    result = answer("快手自营旗舰店卖什么商品？", settings=archive)
    assert "gold jewelry" in result.citations[0].quote


def test_chinese_question_is_answered_from_an_english_article(archive: Settings):
    result = answer("抖音在哪些城市推出了团购应用？", settings=archive)
    assert not result.refused
    assert "Shanghai and Chengdu" in result.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Matched by their pinyin: no list spells 张红超, nor 蜜雪冰城 but as Mixue.
        ("Why did Mixue Bingcheng raise its prices?", "原材料和物流成本"),
        ("What did Zhang Hongchao say about the price rise?", "涨价幅度控制在一元以内"),
        # Found by keyword too (张红超), with nothing else of the question to find it by.
        ("Who is Zhang Hongchao?", "创始人张红超"),
    ],
)
def test_an_english_question_names_a_chinese_company_or_person_in_pinyin(
    archive: Settings, question: str, said: str
):
    result = answer(question, settings=archive)
    assert not result.refused
    assert said in result.text
    assert {c.title for c in result.citations} == {"蜜雪冰城上调部分饮品价格"}, "no other article's quote"


def test_a_chinese_question_names_a_person_an_english_article_writes_in_pinyin(archive: Settings):
    # No dictionary has 韩尚佑; the English article writes "Han Shangyou", and only one passage names him.
    result = answer("韩尚佑说了什么？", settings=archive)
    assert not result.refused
    assert "no commission" in result.text
    assert {c.title for c in result.citations} == {
        "Douyin widens its local-services push with a group-buying app"
    }


def test_an_english_question_naming_a_chinese_product_is_answered_about_that_product(archive: Settings):
    # The Douyin test article says "more than 30,000 merchants joined": of its app, not of 小红卡.
    result = answer("How many merchants joined 小红卡?", settings=archive)
    assert "30,000" not in result.text
    assert {c.title for c in result.citations} == {CLOSURE_TITLE}


def test_a_chinese_question_naming_a_chinese_product_is_answered_about_that_product(archive: Settings):
    # The payment-licence article's "transaction fees" of 2.4 billion RMB led before: not 小红卡's fee.
    result = answer("小红卡的年费是多少？", settings=archive)
    assert result.text.startswith("168元")  # 年费 is found in 年卡收费为168元
    assert {c.title for c in result.citations} == {CLOSURE_TITLE}


@pytest.mark.parametrize("question", ["How many merchants joined 小红卡?", "小红卡有多少商家加入？"])
def test_a_count_is_not_answered_by_a_sum_a_span_of_time_or_how_words(archive: Settings, question: str):
    # The 小红卡 article gives no count of merchants: not its 600元 fee, its 168元 card nor its 3个月;
    # and no article is quoted for sharing "many" ("with many marked as self-operated").
    result = answer(question, settings=archive)
    assert not result.text.startswith(("600", "168", "3个月"))
    assert all("Kuaishou" not in c.quote for c in result.citations)


def test_how_many_is_answered_by_a_count_not_by_money(archive: Settings):
    # The article's first figure is the 1元 price rise; the stores are counted in the next sentence.
    assert answer("How many stores does Mixue have?", settings=archive).text.startswith("4万家[")


def test_a_sum_named_without_its_currency_is_no_count_and_its_article_no_second_source(archive: Settings):
    # Kuaishou's GMV ("reaching 332.3 billion", no currency) is no count of the goods its store sold:
    # the answer gives the store's sales alone, and quotes no other article that gives no count.
    result = answer("快手自营旗舰店卖出了多少件商品？", settings=archive)
    assert result.text.startswith("220,000[1]")
    assert all("自营旗舰店" in c.title for c in result.citations)


@pytest.mark.parametrize(
    "question",
    [
        "How many stores does Heytea have?",
        "特斯拉的市值是多少？",
        "How much did Tesla earn in 2025?",
        "拼多多的自营电商计划是什么？",
        "快手有多少员工？",
    ],
)
def test_questions_the_archive_cannot_answer_are_refused(archive: Settings, question: str):
    result = answer(question, settings=archive)
    assert result.refused
    assert result.citations == []
    assert result.text.startswith("资料中没有" if "？" in question else "The archive doesn't say")
    assert result.see_also, "a refusal lists the closest sources"


def test_follow_up_question_is_resolved_from_the_history(archive: Settings):
    first = answer("小红卡是什么？", settings=archive)
    for history in ([(first.question, first.text)], [first]):
        result = answer("它为什么关停？", history, settings=archive)
        assert not result.refused and "准备不够充分" in result.text
    # The earlier answers themselves also say which article the conversation is about: "fee" is all
    # over the payment-licence article, yet the answer comes from the 小红卡 one.
    fee = answer("年费是多少？", [first, result], settings=archive)
    assert fee.citations[0].doc_id == first.citations[0].doc_id


def test_every_quote_is_an_exact_substring_of_its_document(archive: Settings):
    from ingest.loaders import load
    from ingest.parse import parse

    questions = [
        "小红卡为什么关停？",
        "快手要做自营电商吗？",
        "What payment license did Xiaohongshu obtain?",
        "美团无人机每次能运送多少货物？",
        "How many merchants joined Douyin's app?",
    ]
    for question in questions:
        result = answer(question, settings=archive)
        assert result.citations, question
        for c in result.citations:
            docs = {d.title: d.text for d in parse(load(_path(c.path), max_mb=20), _path(c.path))}
            assert docs[c.title][c.start : c.end] == c.quote
            assert c.quote in c.passage and f"[{c.n}]" in result.text


def _path(path: str):
    from pathlib import Path

    return Path(path)


def test_filters_exclude_what_they_should(archive: Settings):
    only_36ke = answer("小红书拿下了哪家支付牌照？", sources=["36Ke"], settings=archive)
    assert {c.source for c in only_36ke.citations} == {"36Ke"}
    before = answer("快手要做自营电商吗？", until="2025-09-01", settings=archive)
    assert before.citations and all(c.date and c.date <= "2025-09-01" for c in before.citations)
    nothing = answer("小红卡为什么关停？", sources=["36Ke"], since="2025-12-01", settings=archive)
    assert nothing.refused
    drones = str(DATA_DIR / "articles" / "meituan_drones.txt")
    scoped = answer("美团无人机每次能运送多少货物？", paths=[drones], settings=archive)
    assert {c.path for c in scoped.citations} == {drones}
    assert "2.5公斤" in scoped.text


def test_extractive_answer_is_short_and_fully_cited(archive: Settings):
    result = answer("小红卡为什么关停？", settings=archive)
    quoted = sum(len(c.quote) for c in result.citations)
    assert 0 < quoted <= archive.max_quote_chars
    assert len(result.citations) <= 4
    assert [c.n for c in result.citations] == list(range(1, len(result.citations) + 1))
    assert result.mode == "extractive" and result.timings["total_ms"] > 0


def test_stream_answer_grows_and_ends_with_the_complete_answer(archive: Settings):
    parts = list(stream_answer("小红卡为什么关停？", settings=archive))
    assert parts[-1].citations
    assert parts[-1].text == answer("小红卡为什么关停？", settings=archive).text


def test_answer_is_json_serialisable(archive: Settings):
    import json

    data = json.loads(answer("why did 小红卡 close?", settings=archive).to_json())
    assert set(data) >= {"text", "citations", "refused", "mode", "timings"}
    assert set(data["citations"][0]) >= {
        "n",
        "title",
        "source",
        "date",
        "quote",
        "doc_id",
        "chunk_id",
        "path",
        "start",
        "end",
    }


def test_first_use_of_an_empty_index_ingests_the_bundled_archive(settings: Settings):
    result = answer("小红卡为什么关停？", settings=settings)
    assert not result.refused and CLOSURE_TITLE in _titles(result)


def _cited(doc_id: str, title: str, passage: str) -> Citation:
    return Citation(
        n=1,
        title=title,
        quote=passage,
        passage=passage,
        doc_id=doc_id,
        chunk_id=doc_id,
        path="a.txt",
        start=0,
        end=1,
    )


def _known(term: str) -> bool:
    return term != "auntea"


def test_the_short_answer_comes_from_the_articles_naming_what_the_question_names_in_latin_letters():
    costs = _cited("bytedance", "字节跳动上半年收入", "梁汝波表示，公司会继续控制成本。")
    owner = _cited("didi", "DiDi relaunches 99Food", "iFood, controlled by the Dutch investor Prosus, leads.")
    articles = {"bytedance": [costs], "didi": [owner]}
    assert _naming_latin("Who controls iFood?", articles, _known) == [[owner]]
    assert _naming_latin("Who is iFood's owner?", articles, _known) == [[owner]]
    # When none names it, every article may answer.
    assert _naming_latin("Who controls Uber?", articles, _known) == [[costs], [owner]]
    # The place asked of names nothing; capitals joined by "&" are one name.
    xiaomi = _cited("xiaomi", "Xiaomi YU7", "Xiaomi's Hong Kong-listed shares jumped 8% on Friday.")
    jt = _cited(
        "jt", "极兔速递第三季度", "J&T shares rose 5.2% in Hong Kong. The stock listed in October 2023."
    )
    listed = {"xiaomi": [xiaomi], "jt": [jt]}
    assert _naming_latin("When did J&T list in Hong Kong?", listed, _known) == [[jt]]
    # A name the archive has nowhere: a Chinese article may write it its own way, an English one would not.
    assert _naming_latin("How many stores does Auntea Jenny have?", articles, _known) == [[costs]]


def test_a_models_code_names_what_the_question_names_however_it_is_cased():
    # NIO's article names its founder Li; Li Auto's writes its i8 as 理想i8.
    nio = _cited("nio", "蔚来二季度亏损收窄", "Firefly is the small-car brand it launched in April, Li said.")
    li_auto = _cited("li", "理想汽车二季度净利润", "7月29日，理想汽车首款纯电SUV理想i8正式上市。")
    articles = {"nio": [nio], "li": [li_auto]}
    assert [li_auto] in _naming_latin("When did the Li i8 launch?", articles, _known)


def test_another_quotes_figure_answers_only_where_it_names_what_the_first_quote_names_besides_the_subject():
    title = "微博第三季度营收4.42亿美元"
    first = _cited("weibo", title, "游戏行业广告收入同比增长超过30%，而来自阿里巴巴的广告收入则同比下降。")
    total = _cited("weibo", title, "其中广告及营销营收为3.79亿美元。")
    question = "How much advertising revenue did Weibo get from Alibaba?"
    assert not _names_as_first(question, first, total, "")
    # Weibo, the article's subject, goes unnamed in its sentences; a figure about it still answers.
    assert _names_as_first("How much advertising revenue did Weibo make?", first, total, "")


def test_the_figure_asked_for_is_read_only_from_articles_naming_what_the_question_names(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "keeta.md": (
                "# 美团Keeta进军沙特，骑手招募启动\n\nKeeta first launched in Hong Kong in May 2023 and expanded to "
                "Saudi Arabia in September 2024. Keeta is recruiting riders in Riyadh and other Saudi cities, offering "
                "them insurance. In Brazil, Keeta will compete with iFood.\n"
            ),
            "jd.md": (
                "# 京东外卖骑手全职化\n\n为吸引骑手,京东自3月起为全职骑手缴纳五险一金,截至6月底已签约全职骑手超过12万名。\n"
            ),
        },
    )
    ingest([folder], settings=settings)
    # Keeta's article names riders but counts none; JD's counts its own, and names no Keeta.
    assert answer("How many riders does Keeta have in Saudi Arabia?", settings=settings).refused
    assert "12万名" in answer("京东签约了多少全职骑手？", settings=settings).text


def test_a_name_an_article_declares_in_the_other_script_is_asked_by_as_the_article_writes(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "east_buy.md": (
                "# East Buy revenue slumps by a third\n\n*Reuters · 2025-08-20*\n\nHONG KONG, Aug 20 (Reuters) - "
                "East Buy, the livestreaming e-commerce firm known in Chinese as 东方甄选, said its revenue fell "
                "32.9% to 4.39 billion yuan.\n\nFounder Yu Minhong also founded education group New Oriental.\n\n"
                "The company says its own products number about 600.\n"
            ),
            "jt.txt": (
                "极兔速递2024年首次实现全年盈利\n\n来源：第一财经\n日期：2025-03-05\n\n"
                "极兔速递（J&T Express）3月4日晚发布2024年业绩公告。全年实现收入102.6亿美元。\n\n"
                "极兔由李杰于2015年在印度尼西亚创立。东南亚市场份额达27.4%。\n"
            ),
            "keeta.txt": "美团Keeta进军巴西\n\n分析师认为，巴西外卖市场由iFood主导，其市场份额超过八成。\n",
        },
    )
    ingest([folder], settings=settings)
    assert "Yu Minhong" in answer("东方甄选的创始人是谁？", settings=settings).text
    assert answer("东方甄选有多少自营产品？", settings=settings).text.startswith("600")
    assert "李杰" in answer("Who founded J&T Express?", settings=settings).text
    # Keeta's share of Brazil's market is no share of J&T's there.
    assert answer("What is J&T Express's market share in Brazil?", settings=settings).refused


def test_a_common_word_an_article_declares_a_name_is_asked_of_as_that_name(settings: Settings, tmp_path):
    folder = written_articles(
        tmp_path / "articles",
        {
            "ant.md": (
                "# 蚂蚁集团季度业绩\n\n*Reuters · 2025-08-29*\n\nAnt Group (蚂蚁), the fintech company, said its "
                "quarterly revenue rose 8% to 30.2 billion yuan.\n\nIt listed its payment app in Singapore in "
                "March.\n"
            ),
            "catl.txt": (
                "宁德时代港股上市\n\n来源：第一财经\n日期：2025-05-20\n\n"
                "宁德时代本次全球发售募资总额约410亿港元，当季净利润为139.6亿元。\n"
            ),
        },
    )
    ingest([folder], settings=settings)
    assert answer("蚂蚁的营收是多少？", settings=settings).text.startswith("30.2 billion")
    # 蚂蚁 ("ant") names the company its article declares, so another company's figures do not answer.
    assert answer("蚂蚁的净利润是多少？", settings=settings).refused
    assert answer("蚂蚁的募资总额是多少？", settings=settings).refused


def test_a_company_a_chinese_question_names_is_found_in_english_articles_and_held_to_its_place(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "chery.md": (
                "# 奇瑞汽车香港上市首日高开\n\n*Reuters · 2025-09-25*\n\nHONG KONG, Sept 25 (Reuters) - Shares of "
                "Chery Automobile rose in their Hong Kong debut.\n\nChery sold 2.6 million vehicles last year, "
                "of which 1.14 million were exported, mostly to Russia, the Middle East and Latin America.\n"
            ),
            "huya.md": (
                "# Huya's third-quarter revenue rises\n\n*Reuters · 2025-11-18*\n\nNov 18 (Reuters) - Huya "
                "Inc, the game live-streaming platform, returned to a net profit of 25.1 million yuan in the "
                "third quarter. Its game studio is in Shenzhen.\n"
            ),
            "catl.txt": (
                "宁德时代第三季度净利润增长41%\n\n来源：界面新闻\n日期：2025-10-21\n\n"
                "宁德时代第三季度实现净利润185.5亿元，同比增长41.2%。公司在欧洲的工厂已投产。"
                "宁德时代于2018年在深交所创业板上市。\n"
            ),
        },
    )
    ingest([folder], settings=settings)
    assert answer("奇瑞去年出口了多少辆车？", settings=settings).text.startswith("1.14 million")
    # A listing in a city is told by its exchange (深交所), not by the city's name; one elsewhere is none.
    assert answer("When did CATL list in Shenzhen?", settings=settings).text.startswith("2018")
    assert answer("奇瑞什么时候在深圳上市？", settings=settings).refused
    # Its headline names 奇瑞; its passages never say Europe, which the archive says of another.
    assert answer("奇瑞在欧洲卖了多少辆车？", settings=settings).refused
    # 虎牙 ("eye tooth") is Huya in pinyin: its quarter is Huya's, not CATL's.
    assert answer("虎牙第三季度净利润是多少？", settings=settings).text.startswith("25.1 million")


def test_a_common_word_a_headline_opens_on_is_a_name_whose_figures_others_do_not_give(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "lenovo.txt": (
                "联想集团上半年营收增长20%\n\n来源：第一财经\n日期：2025-11-20\n\n"
                "公司营收为1500亿元，同比增长20%；净利润为60亿元。\n"
            ),
            "xiaomi.txt": (
                "小米集团第三季度营收创新高\n\n来源：界面新闻\n日期：2025-11-18\n\n"
                "小米集团第三季度营收为1131亿元，同比增长22%；净利润为113亿元。\n"
            ),
        },
    )
    ingest([folder], settings=settings)
    assert answer("联想上半年营收是多少？", settings=settings).text.startswith("1500亿元")
    # 联想 ("associate") is the company its headline opens on: Xiaomi's quarter is not its.
    assert answer("联想第三季度营收是多少？", settings=settings).refused
    assert answer("What was Lenovo's revenue in the third quarter?", settings=settings).refused
    # Its period is its headline's: its half year gives no third quarter's net profit.
    assert answer("联想第三季度净利润是多少？", settings=settings).refused


def test_figures_of_other_periods_are_said_to_be_so_not_to_differ(settings: Settings, tmp_path):
    reported = "Alibaba's cloud unit reported revenue of {} billion yuan for the quarter ended {}, up {} from a year earlier."
    folder = written_articles(
        tmp_path / "articles",
        {
            "june.md": "# Alibaba Cloud revenue rises 26%\n\n*Caixin · 2025-08-29*\n\n"
            + reported.format("33.4", "June 30", "26%"),
            "september.md": "# Alibaba Cloud revenue growth speeds up to 34%\n\n*TechNode · 2025-11-25*\n\n"
            + reported.format("39.8", "September 30", "34%"),
        },
    )
    ingest([folder], settings=settings)
    grown = answer("How fast did Alibaba Cloud revenue grow?", settings=settings).text
    assert grown.startswith(
        "For different periods: 26%[1] (Caixin, 2025-08-29); 34%[2] (TechNode, 2025-11-25). "
    )
    # A question naming its quarter, however the article names it, is answered with that quarter's alone.
    second = answer("What was Alibaba Cloud's revenue in the second quarter?", settings=settings).text
    assert second.startswith("33.4 billion yuan[1]. ") and "39.8" not in second
    assert answer("阿里云第三季度收入是多少？", settings=settings).text.startswith("39.8 billion yuan[1]。")


def test_a_sentence_on_another_company_gives_no_answer_whatever_article_it_is_in(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "guming_zh.md": "# 古茗登陆港交所\n\n*界面新闻 · 2025-02-12*\n\n"
            "2月12日，古茗正式在香港联合交易所主板挂牌上市，发行价为每股9.94港元。\n",
            "guming_en.md": "# Guming jumps in Hong Kong debut\n\n*Reuters · 2025-02-12*\n\n"
            "Shares of Guming jumped 41% in their Hong Kong trading debut. "
            "Mixue Group, a larger rival, plans to list in Hong Kong later this month.\n",
        },
    )
    ingest([folder], settings=settings)
    listed = answer("When did Guming list in Hong Kong?", settings=settings)
    assert listed.text.startswith("2月12日[1]") and "later this month" not in listed.text


def test_a_chinese_name_the_archive_has_nowhere_is_answered_by_no_other_companys_figure(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "xiaomi.md": "# 小米YU7发布\n\n*界面新闻 · 2025-06-27*\n\n"
            "小米第一款车型SU7于2024年3月上市，截至今年6月累计交付已超过30万辆。\n",
            "byd.md": "# BYD's overseas sales surge\n\n*Bloomberg · 2025-08-30*\n\n"
            "BYD Co. sold 806,000 vehicles outside mainland China in the first seven months of the year.\n",
        },
    )
    ingest([folder], settings=settings)
    assert answer("领克2024年交付了多少辆车？", settings=settings).refused
    assert answer("小米交付了多少辆车？", settings=settings).text.startswith("30万辆[1]")


def test_another_articles_figure_said_otherwise_is_no_second_answer(settings: Settings, tmp_path):
    folder = written_articles(
        tmp_path / "articles",
        {
            "vacuum.md": "# 大疆发布扫地机器人\n\n*SCMP · 2025-08-06*\n\nSales of robot vacuums in China rose "
            "12% in 2024 to 21.4 billion yuan, according to market researcher AVC.\n",
            "apollo.md": "# 萝卜快跑加速出海\n\n*Reuters · 2025-08-21*\n\nApollo Go now operates a fleet of "
            "more than 1,000 fully driverless vehicles in Wuhan, its largest market.\n",
        },
    )
    ingest([folder], settings=settings)
    size = answer("中国扫地机器人市场去年规模多大？", settings=settings).text
    assert size.startswith("21.4 billion yuan[1]。")


def test_a_figure_said_as_fact_is_no_second_source_for_an_estimate(settings: Settings, tmp_path):
    folder = written_articles(
        tmp_path / "articles",
        {
            "q2.md": "# 携程二季度营收增长16%\n\n*Ge Long Hui · 2025-08-28*\n\nTrip.com Group reported net "
            "revenue of 14.8 billion yuan for the second quarter, up 16% year-on-year, beating analyst estimates.\n",
            "q3.md": "# Trip.com third-quarter revenue rises 16%\n\n*Reuters · 2025-11-18*\n\nNet revenue for "
            "the July-September quarter was 18.3 billion yuan, compared with analysts' average estimate of "
            "18.1 billion yuan.\n",
        },
    )
    ingest([folder], settings=settings)
    assert answer("分析师预期携程营收是多少？", settings=settings).text.startswith("18.1 billion yuan[1]。")


def test_a_figure_put_in_another_place_is_no_answer_for_the_place_asked(settings: Settings, tmp_path):
    folder = written_articles(
        tmp_path / "articles",
        {
            "keeta.md": (
                "# 美团Keeta出海\n\nKeeta expanded to Saudi Arabia in September 2024, recruiting riders in "
                "Riyadh. Meituan announced that Keeta will enter Brazil, investing about $1 billion over the "
                "next five years.\n"
            )
        },
    )
    ingest([folder], settings=settings)
    assert answer("How much did Meituan invest in Saudi Arabia?", settings=settings).refused
    brazil = answer("How much will Meituan invest in Brazil?", settings=settings)
    assert not brazil.refused
    assert "$1 billion" in brazil.text


def test_a_later_quotes_figure_answers_when_the_question_points_at_it_far_more_strongly(archive: Settings):
    title = "拼多多三季度利润下滑"
    net = _cited("pdd", title, "Net income attributable to shareholders fell 17% to 20.6 billion yuan.")
    revenue = _cited(
        "pdd", title, "PDD Holdings reported third-quarter revenue of 108.3 billion yuan, up 9%."
    )
    assert _lead(archive, "拼多多三季度营收是多少？", [net, revenue]) == "108.3 billion yuan"
    # The first quote's figure stands where the question points at it as strongly.
    assert _lead(archive, "拼多多三季度净利润是多少？", [net, revenue]) == "20.6 billion yuan"


def test_an_estimate_quoted_first_yields_to_a_figure_said_as_fact(archive: Settings):
    title = "百度萝卜快跑二季度订单超220万单"
    estimate = _cited(
        "apollo",
        title,
        "Analysts estimate that Apollo Go will need about 7,000 vehicles in Wuhan to break even.",
    )
    fleet = _cited(
        "apollo", title, "Apollo Go operates a fleet of more than 1,000 driverless vehicles in Wuhan."
    )
    assert _lead(archive, "萝卜快跑在武汉有多少辆车？", [estimate, fleet]) == "1,000 driverless vehicles"
    assert _lead(archive, "分析师估计萝卜快跑在武汉需要多少辆车？", [estimate, fleet]) == "7,000 vehicles"


def test_a_figure_of_another_company_quoted_first_yields_to_one_of_the_company_asked(archive: Settings):
    title = "追觅科技宣布造车"
    xiaomi = _cited("dreame", title, "Xiaomi, which began selling cars in 2024, delivered 40,000 vehicles.")
    dreame = _cited("dreame", title, "Dreame said its first model would be delivered in 2027.")
    assert _lead(archive, "追觅的首款车什么时候交付？", [xiaomi, dreame]) == "in 2027"
    assert _lead(archive, "小米什么时候开始卖车？", [xiaomi, dreame]) == "in 2024"
    # A brand of its own is no other company.
    title = "广汽集团前三季度亏损"
    aion = _cited("gac", title, "Sales of its Aion brand fell 23%, while exports rose 47% to 94,000 units.")
    loss = _cited("gac", title, "GAC posted a net loss of 4.31 billion yuan.")
    assert _lead(archive, "广汽出口增长了多少？", [aion, loss]) == "47%"


def test_a_company_listed_is_not_answered_by_the_figure_of_another_its_article_is_about(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "weibo.md": "# 微博第三季度净利润增长12%\n\n*Reuters · 2025-11-20*\n\nWeibo's net revenue fell 1% "
            "to $442.3 million in the third quarter, while net income rose 12% to $125.6 million.\n\n"
            "The company had 587 million monthly active users at the end of September.\n\n"
            "Its shares rose 2% in New York.\n\n"
            "Alibaba, which owns about 30% of Weibo, did not comment.\n\n"
            "The company said it had set up an AI unit with about 800 engineers in Hangzhou, near Alibaba's "
            "headquarters.\n"
        },
    )
    ingest([folder], settings=settings)
    assert answer("阿里巴巴第三季度净利润是多少？", settings=settings).refused
    assert "$125.6 million" in answer("微博第三季度净利润是多少？", settings=settings).text
    # A sentence of the article's own company naming another beside it is the article's company's.
    assert "800" in answer("微博有多少名工程师？", settings=settings).text


def _lead(settings: Settings, question: str, quoted: list[Citation]) -> str:
    """The short answer `_figure` reads from an article's `quoted` citations."""
    keyword = get_store(settings=settings).keyword_index()
    turn = _Turn(question, resolve(question, None), [], keyword, settings, {})
    figure, citation = _figure(turn, quoted)
    return citation.quote[figure.start : figure.end] if figure else ""


def test_an_answer_comes_only_from_an_article_that_can_be_told_to_be_about_what_is_asked(
    settings: Settings, tmp_path
):
    folder = written_articles(
        tmp_path / "articles",
        {
            "nayuki.txt": "奈雪的茶上半年亏损扩大\n\n来源：界面新闻 2025-08-29\n\n奈雪的茶创始人彭心表示，公司将继续推进加盟业务。\n",
            "dewu.txt": "得物年交易额超千亿元\n\n来源：晚点LatePost 2025-10-21\n\n得物成立于2015年。创始人杨冰在接受采访时说，得物坚持先鉴别后发货。\n",
            "kimi.txt": (
                "月之暗面完成新一轮融资\n\n来源：晚点LatePost 2025-10-15\n\n"
                "晚点获悉，月之暗面近日完成新一轮融资。Kimi智能助手的月活跃用户数在今年9月约为3600万。"
                "受DeepSeek影响，月之暗面今年削减了市场投放预算。\n"
            ),
        },
    )
    ingest([folder], settings=settings)
    assert answer("得物的创始人是谁？", settings=settings).text.startswith("杨冰")
    # A name no text has: each article's founder is someone else's.
    assert answer("Who founded Auntea Jenny?", settings=settings).refused
    # DeepSeek, named in passing, is not what the article's figures are about.
    assert answer("DeepSeek的月活用户是多少？", settings=settings).refused
    assert answer("Kimi的月活用户是多少？", settings=settings).text.startswith("3600万")


def test_a_company_named_by_a_common_word_is_answered_from_its_article_alone(settings: Settings, tmp_path):
    folder = written_articles(
        tmp_path / "articles",
        {
            "kanzhun.md": "# Kanzhun's quarterly revenue rises 13%\n\n*Reuters · 2025-11-18*\n\n"
            "BEIJING, Nov 18 (Reuters) - Kanzhun Ltd, which runs China's largest online recruitment platform "
            "BOSS Zhipin, reported a 13.2% rise in third-quarter revenue on Tuesday, as more small businesses "
            "returned to hiring after a slow first half.\n\nRevenue for the three months ended Sept. 30 rose "
            "to 2.16 billion yuan from 1.91 billion yuan a year earlier.\n\nThe company, founded in 2013 and "
            "based in Beijing, listed on the Nasdaq in June 2021.\n",
            "tuhu.md": "# 途虎养车上半年收入增长9%\n\n*Caixin Global · 2025-08-13*\n\n"
            "Tuhu Car Inc. said its revenue for the first half rose 9.1% to 7.87 billion yuan. Tuhu, founded "
            "in 2011 and based in Shanghai, listed in Hong Kong in September 2023.\n",
            "horizon.md": "# 地平线机器人上半年营收增长68%\n\n*TechNode · 2025-08-28*\n\n"
            "Horizon Robotics said its revenue for the first half rose 68% to 1.57 billion yuan. Horizon "
            "listed in Hong Kong in October 2024, raising HK$5.4 billion.\n",
            "hires.md": "# Travel platform to hire more staff\n\n*Ge Long Hui · 2025-08-28*\n\n"
            "The company plans to hire 1,000 more staff for its customer service centres.\n",
            "riders.md": "# Courier network grows\n\n*Yicai Global · 2025-11-14*\n\n"
            "The courier now has 570,000 frontline staff across China.\n",
            "weride.md": "# Robotaxi firm WeRide's revenue more than doubles\n\n*Reuters · 2025-11-20*\n\n"
            "WeRide said on Thursday its third-quarter revenue rose 144% to 171 million yuan.\n",
            "camera.md": "# 海康威视前三季度净利润增长14.9%\n\n*证券时报 · 2025-10-25*\n\n"
            "公司表示，净利润增长主要得益于毛利率提升，前三季度综合毛利率为45.1%。\n",
            "down.md": "# 波司登上半财年营收增长1.4%\n\n*新浪财经 · 2025-11-27*\n\n"
            "羽绒服业务收入为64.85亿元，整体毛利率为50.0%，较上年同期下降0.6个百分点。\n",
        },
    )
    ingest([folder], settings=settings)
    # 看准 is "to see clearly" to CC-CEDICT; before 科技 it names Kanzhun, written so in its article.
    revenue = answer("看准科技第三季度营收是多少？", settings=settings)
    assert revenue.text.startswith("2.16 billion yuan[1]")
    assert answer("看准科技什么时候在纳斯达克上市？", settings=settings).text.startswith("June 2021[1]")
    # Horizon's listing, in an article never naming Tuhu, is no other source's date for Tuhu's.
    listed = answer("途虎养车什么时候在香港上市？", settings=settings)
    assert listed.text.startswith("September 2023[1]") and "October 2024" not in listed.text
    # A name no text has (文远知行, WeRide), where articles on others give other counts: none answers.
    assert answer("文远知行有多少员工？", settings=settings).refused
    # Nor a name the archive has, where its article says nothing of it (WeRide's margin): two articles
    # naming it nowhere, each with its own figure, cannot both be about it.
    assert answer("What was WeRide's gross margin?", settings=settings).refused
    assert answer("What was WeRide's revenue?", settings=settings).text.startswith("171 million yuan[1]")
