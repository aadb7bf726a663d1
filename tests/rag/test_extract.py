from collections.abc import Iterable, Iterator
from dataclasses import replace

from rag.extract import (
    MAX_QUOTES,
    MIN_CUT_CHARS,
    answer_span,
    asked_words,
    question_intents,
    select_quotes,
    stated_words,
)
from rag.text import sentence_spans
from rag.types import Hit, Quote
from tests.helpers import make_chunk

TEXT = (
    "小红卡于2025年9月上线。根据公告，小红卡将于2026年1月1日起暂停试运营。"
    "官方对于关停的理由是准备不够充分。其年卡收费为168元。"
)


def _hits() -> list[Hit]:
    chunk = make_chunk(TEXT, title="小红书关停小红卡", start=100)
    return [Hit(chunk=chunk, score=1.0)]


def _idf(term: str) -> float:
    return 1.0


def _short(question: str, text: str) -> str | None:
    """The short answer `answer_span` finds in `text`, as text."""
    span = answer_span(question, text, _idf)
    return text[span.start : span.end] if span else None


def _quotes_at_budgets(question: str, hits: list[Hit], budgets: Iterable[int]) -> Iterator[tuple[int, Quote]]:
    """Every quote chosen for `question` from `hits` at each of `budgets`, with its budget."""
    for budget in budgets:
        for quote in select_quotes(question, hits, _idf, budget):
            yield budget, quote


def test_intents_are_recognised_in_both_languages():
    assert question_intents("小红卡为什么关停？") == ["why"]
    assert question_intents("Why did it close?") == ["why"]
    assert question_intents("百老汇剧院是因何得名的？") == ["why"]
    assert question_intents("How come the card closed?") == ["why"]
    assert "number" in question_intents("年卡收费是多少？")
    assert "number" in question_intents("What was the annual fee of 小红卡?")
    assert "number" not in question_intents("What was the reason for closing it?")
    assert "when" in question_intents("When was it launched?")
    assert "who" in question_intents("哪家公司运营？")
    assert question_intents("小红卡在哪些城市上线？") == ["where"]
    assert question_intents("Which cities did it launch in?") == ["where"]
    assert "where" not in question_intents("蒋家旻在哪部电影中首度担当女主角？")
    assert question_intents("What licence might it apply for next?") == ["next"]
    assert question_intents("小红书接下来可能申请什么牌照？") == ["next"]
    assert question_intents("小红卡是什么？") == question_intents("What is 小红卡?") == ["what"]
    assert "what" not in question_intents("小红卡的定位是什么？")
    assert "what" not in question_intents("What is Kuaishou's net profit margin?")


def test_why_question_prefers_the_stated_reason():
    quotes = select_quotes("小红卡为什么关停？", _hits(), _idf, 200)
    assert "理由" in quotes[0].text


def test_a_what_is_question_leads_with_the_sentence_defining_it_even_through_a_pronoun():
    text = (
        "小红卡在短时间内进行了规模化验证。部分用户在开通小红卡后的体验较差。"
        "作为小红书的本地生活会员卡，其定位为精选吃喝玩乐一卡通。小红卡的推出可谓来势汹汹。"
    )
    hits = [Hit(chunk=make_chunk(text, title="小红书关停最短命项目"), score=1.0)]
    for question in ("小红卡是什么？", "What is 小红卡?"):
        assert "一卡通" in select_quotes(question, hits, _idf, 200)[0].text


def test_how_many_question_is_answered_by_a_count_not_by_money():
    text = "The chain raised prices by 1 yuan across its stores. It now runs 40,000 stores in China."
    assert _short("How many stores does the chain run?", text) == "40,000 stores"
    assert _short("How much did the chain raise prices by?", text) == "1 yuan"


def test_how_much_question_prefers_the_number():
    assert "168元" in select_quotes("年卡收费是多少？", _hits(), _idf, 200)[0].text


def test_quotes_are_exact_substrings_within_the_budget():
    quotes = select_quotes("小红卡什么时候暂停？", _hits(), _idf, 40)
    assert quotes and sum(len(q.text) for q in quotes) <= 40
    for quote in quotes:
        assert TEXT[quote.start : quote.end] == quote.text
    assert len(select_quotes("小红卡", _hits(), _idf, 200)) <= MAX_QUOTES


def test_touching_sentences_are_quoted_as_one_span():
    quotes = select_quotes("小红卡为什么关停？", _hits(), _idf, 200)
    assert len(quotes) == 1 and "理由" in quotes[0].text
    assert quotes[0].text.count("。") >= 2 and TEXT[quotes[0].start : quotes[0].end] == quotes[0].text


def test_a_quote_never_stops_inside_a_word_or_a_number():
    text = "Kuaishou reported a GMV of 3,323.252 billion yuan in Q1 2025, up from 2,880.725 billion yuan a year ago."
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    for _, quote in _quotes_at_budgets("What was Kuaishou's GMV?", hits, range(40, len(text), 7)):
        end = quote.end
        if end < len(text):
            assert not (text[end - 1].isalnum() and text[end].isalnum()), quote.text
            assert not (text[end - 1] in ",." and text[end].isdigit()), quote.text


def test_a_hyphenated_word_or_a_possessive_is_not_cut_at_its_joint():
    text = "The focus for Kuaishou's e-commerce in the past year has been on optimising product supply."
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    for budget, quote in _quotes_at_budgets(
        "What was the focus of Kuaishou's e-commerce?", hits, range(20, 40)
    ):
        before, after = text[quote.end - 1], text[quote.end : quote.end + 1]
        assert before not in "-'" and (after not in "-'" or not after), (budget, quote.text)


def test_only_the_best_sentence_may_be_cut_inside_a_clause():
    text = (
        "Kuaishou's e-commerce GMV grew by 15.4% in Q1, reaching 332.3 billion yuan. "
        "The focus for Kuaishou's e-commerce in the past year has been on optimising product supply and efficiency."
    )
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    question = "How much did Kuaishou's e-commerce GMV grow?"
    for budget, quote in _quotes_at_budgets(question, hits, range(80, len(text), 5)):
        assert quote.text.rstrip(".").endswith(("yuan", "efficiency")), (budget, quote.text)


def test_a_sentence_sharing_nothing_with_the_question_runs_on_after_the_answer_never_before_it():
    text = "资本市场的热度很高。小红卡的定位为精选吃喝玩乐一卡通。该卡于九月上线。"
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    quotes = select_quotes("小红卡的定位是什么？", hits, _idf, 200)
    assert quotes[0].text.startswith("小红卡的定位为"), quotes


def test_long_sentence_is_cut_to_its_best_clauses():
    text = "，".join(f"第{i}个无关的分句内容" for i in range(20)) + "，年卡收费为168元，其他内容继续写下去。"
    chunk = make_chunk(text)
    quote = select_quotes("年卡收费是多少？", [Hit(chunk=chunk, score=1.0)], _idf, 60)[0]
    assert "168元" in quote.text and len(quote.text) <= 60 and text[quote.start : quote.end] == quote.text


def test_blanks_that_join_touching_sentences_count_against_the_budget():
    text = "\n\n\n".join(["小红卡的年卡收费为168元。"] + [f"小红卡第{i}条收费说明。" for i in range(12)])
    chunk = make_chunk(text)
    for budget in (40, 60, 100):
        quotes = select_quotes("小红卡收费多少？", [Hit(chunk=chunk, score=1.0)], _idf, budget)
        assert quotes and sum(len(q.text) for q in quotes) <= budget
        assert all(text[q.start : q.end] == q.text for q in quotes)


def test_the_short_answer_is_the_figure_the_question_asks_for():
    text = (
        "The company reported Q1 revenue of 32.61 billion yuan, a 10.9% year-on-year increase, "
        "with an adjusted net profit margin of 14.0%. GMV grew 15.4%, reaching 332.3 billion, "
        "with monthly active buyers increasing to 135 million."
    )

    def figure(question: str) -> str | None:
        return _short(question, text)

    assert figure("快手的净利润率是多少？") == "14.0%"
    assert figure("快手一季度营收同比增长了多少？") == "10.9%"
    assert figure("快手一季度营收是多少？") == "32.61 billion yuan"
    assert figure("How many monthly active buyers does it have?") == "135 million"
    assert figure("How many stores did it open?") is None
    # A scale keeps its currency.
    for question, sentence, short in (
        ("GMV是多少？", "a projected GMV of over 400 billion RMB in 2024", "400 billion RMB"),
        ("营收是多少？", "营收达到3亿元的水平", "3亿元"),
    ):
        span = answer_span(question, sentence, _idf)
        assert span and sentence[span[0] : span[1]] == short


def test_a_span_of_time_and_a_count_without_a_unit_are_short_answers():
    assert _short("小红卡运营了多久？", "小红卡于2025年9月上线，运营3个月后关停。") == "3个月"
    # How long is answered by a span of time only, never by the amount beside it.
    assert _short("How long did 小红卡 operate?", "商家交了600元，小红卡运营3个月后关停。") == "3个月"
    assert _short("How long did 小红卡 operate?", "商家交了600元做小红卡认证。") is None
    # A how-many question is answered in the measure word it counts by.
    assert _short("第7号仓库第3周处理了多少件包裹？", "第7号仓库在第3周处理了1262件包裹。") == "1262件"
    assert (
        _short("How many sales has the store made?", "In 2025 the store made over 220,000 sales.")
        == "220,000 sales"
    )
    # A count without a unit answers only when no figure has one, and a year is no count.
    text = "In 2025 the store had 1,200 staff and 35 million sales."
    assert _short("How many sales did the store make?", text) == "35 million"
    assert _short("How many staff did the store have in 2025?", "The store had no staff in 2025.") is None


def test_a_figure_far_from_the_question_words_pulls_less():
    question = "How much was Kuaishou's e-commerce GMV?"
    near = answer_span(question, "Kuaishou's e-commerce GMV reached 332.3 billion yuan.", _idf)
    far = answer_span(
        question, "Kuaishou grew, up from 2,880 billion yuan in the same period last year.", _idf
    )
    assert near and far and far.pull < 0.8 * near.pull


def test_what_next_question_prefers_the_plan_over_what_happened():
    text = (
        "Xiaohongshu obtained a payment license in November. "
        "Analysts expect it to pursue a micro-lending license, which could add revenue."
    )
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    assert "micro-lending" in select_quotes("What license might it apply for next?", hits, _idf, 90)[0].text


def test_a_cut_sentence_keeps_enough_to_be_a_quote():
    text = (
        "Kuaishou reported a net profit margin of 14.0% in the first quarter of 2025. "
        "Kuaishou's self-operated model is designed to attract price-sensitive consumers with low prices."
    )
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    sentences = {text[s:e] for s, e in sentence_spans(text)}
    question = "What is Kuaishou's net profit margin and model?"
    for budget, quote in _quotes_at_budgets(question, hits, range(60, len(text), 2)):
        for s, e in sentence_spans(quote.text):
            piece = quote.text[s:e]
            assert piece in sentences or len(piece) >= MIN_CUT_CHARS, (budget, piece)


def test_a_where_question_prefers_the_places_and_a_who_question_a_name():
    text = (
        "The store was run as a trial in the app for months. "
        "The store opened in Chengdu, Hangzhou and Guangzhou first. "
        "The store is run by Chengdu Pinong Technology today."
    )
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    assert "Hangzhou" in select_quotes("Which cities did the store open in?", hits, _idf, 60)[0].text
    # Any two English words are no name: only the last sentence names who runs it.
    assert "Pinong" in select_quotes("Who is the store run by?", hits, _idf, 60)[0].text
    chinese = [
        Hit(chunk=make_chunk("小红卡的推出可谓来势汹汹。小红卡在上海、杭州、广州三城同步上线。"), score=1.0)
    ]
    assert "杭州" in select_quotes("小红卡在哪些城市上线？", chinese, _idf, 30)[0].text


def test_a_name_the_question_states_is_no_answer_to_who():
    text = "The Kuaishou Official Store sells gold jewelry online. The store is run by Chengdu Pinong."
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    assert "Pinong" in select_quotes("Who runs the Kuaishou Official Store?", hits, _idf, 50)[0].text


def test_an_english_word_is_matched_by_the_sense_the_chinese_passages_use():
    text = "小红卡开卡礼没有使用截止提醒。小红卡项目于明年关停。小红书此前也关停过类似项目。"
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    assert select_quotes("小红卡 close", hits, _idf, 20)[0].text == "小红卡项目于明年关停。"


def test_the_short_answer_to_where_is_the_list_of_places():
    assert (
        _short("小红卡在哪些城市上线？", "小红卡于2025 年9月在上海、杭州、广州三城同步上线。")
        == "上海、杭州、广州"
    )
    assert _short("Which cities did it launch in?", "It launched in Shanghai, Hangzhou and Guangzhou.") == (
        "Shanghai, Hangzhou and Guangzhou"
    )
    assert _short("小红卡在哪些城市上线？", "小红卡于2025年9月上线。") is None
    # A list is places only after a word saying where, and keeps its first name whole.
    assert _short("龙胆分布在哪些地区？", "龙胆分布在俄罗斯、日本、朝鲜以及中国。") == "俄罗斯、日本、朝鲜"
    assert (
        _short("宏都阿里山公司总部在哪里？", "宏都阿里山公司是一间以旅游、娱乐、旅馆和餐饮为主的公司。")
        is None
    )


def test_a_how_much_question_is_answered_in_the_units_it_asks_for_or_not_at_all():
    kangaroo = "尤金袋鼠共有三个亚种：尤金袋鼠很细小，约只有8公斤重，适合饲养。"
    assert _short("尤金袋鼠的体重大约是多少？", kangaroo) == "8公斤"
    assert _short("尤金袋鼠的体长是多少？", kangaroo) is None, "a weight is no length"
    assert _short("东关街有多长？", "东关街历史超过250年，全长1122米。") == "1122米"
    assert _short("How tall is the tower?", "It has 3 floors and is 120 meters tall.") == "120 meters"
    assert _short("古监狱保存了几座塔楼？", "监狱可容纳1200名犯人，保存了3座塔楼。") == "3座"
    assert _short("该区的土地面积是多少？", "该区建于1860年，土地面积1.601 km²。") == "1.601 km²"
    assert (
        _short("How large an area does the park cover?", "Opened in 1990, the park covers 12 sq km.")
        == "12 sq km"
    )
    assert _short("古监狱保存了几座塔楼？", "监狱可容纳1200名犯人。") is None
    # People are counted in 人, 名 or 位; a count without a unit still answers across languages.
    assert _short("有多少名运动员参赛？", "中国队共有23人参赛。") == "23人"
    assert (
        _short("快手自营旗舰店卖出了多少件商品？", "The store has achieved over 220,000 sales.") == "220,000"
    )


def test_the_short_answer_to_who_is_a_name_the_question_does_not_say():
    text = (
        "The Kuaishou Official Store is operated by Chengdu Pinong Technology Co., Ltd., "
        "which is controlled by a Kuaishou affiliate."
    )

    def name(question: str) -> str | None:
        return _short(question, text)

    assert name("Who operates the Kuaishou Official Store?") == "Chengdu Pinong Technology Co., Ltd."
    assert name("快手自营旗舰店由哪家公司运营？") == "Chengdu Pinong Technology Co., Ltd."
    assert name("Who won the award?") is None, "no word of the question points at a name"
    # In a Chinese text capitalised words are mostly a foreign title, not the person asked about.
    assert (
        answer_span("占士·邦的创造者是谁？", "占士·邦由伊恩·法兰明创造，电影Say Never Again改编自他。", _idf)
        is None
    )


def test_the_short_answer_to_when_is_the_whole_date():
    def date(text: str) -> str | None:
        return _short("When did Dongfang Payment complete the change?", text)

    assert date("Dongfang Payment completed the change on November 13, indicating a move.") == "November 13"
    assert date("Dongfang Payment completed the change in November 2025.") == "November 2025"
    assert date("Dongfang Payment completed the change on 13 Nov. 2025.") == "13 Nov. 2025"
    assert date("Dongfang Payment completed the change as the market grew 3 times.") is None
    assert date("Dongfang Payment completed the change in the 1990s.") == "1990s"


def test_a_century_an_era_year_and_a_decade_are_dates_too():
    assert _short("《越南亡国史》在什么时候被写成？", "《越南亡国史》写成于二十世纪初期。") == "二十世纪初期"
    assert _short("卡塞雷斯城是何时建立的？", "卡塞雷斯城是罗马人在公元前25年建立的。") == "公元前25年"
    assert _short("这种音乐何时流行？", "这种音乐在1980年代流行。") == "1980年代"
    assert _short("何时互换批准书？", "双方于一九六一年九月十日在平壤互换批准书。") == "一九六一年九月十日"


def test_a_range_is_answered_whole_not_by_one_end():
    assert (
        _short("锦地罗生长的地区海拔约是多少米？", "锦地罗生长于海拔50米至1,520米的地区。") == "50米至1,520米"
    )
    assert _short("天坑有多深？", "两个天坑分别深276米-285米。") == "276米-285米"
    assert _short("他何时担任助理教授？", "他在1978年至1980年担任助理教授。") == "1978年至1980年"
    # "from … to …" in English is a change, not a range; the value it started from is no answer.
    change = "Revenue rose from 2.9 billion yuan to 3.3 billion yuan."
    assert _short("How much was the revenue?", change) == "3.3 billion yuan"
    assert _short("营收是多少？", "营收由29亿元增至33亿元。") == "33亿元"
    assert _short("他何时担任助理教授？", "他从1978年至1980年担任助理教授。") == "1978年至1980年"


def test_a_date_opening_its_clause_dates_what_follows_not_what_came_before():
    career = "1970年，在师范大学工业教育学系取得学士学位，1975年在明尼苏达州立大学取得硕士学位。"
    assert _short("他是何时取得学士学位的？", career) == "1970年"
    assert _short("他是何时取得硕士学位的？", career) == "1975年"
    # A date closing its clause dates what precedes it.
    assert (
        _short(
            "莎莉公司成立于哪一年？", "莎莉公司是上市公司，成立于1939年。2009年9月25日，联合利华收购了它。"
        )
        == "1939年"
    )


def _passages(first: str, second: str) -> list[Hit]:
    """Two passages of one article, "a" then "b", ranked in that order."""
    return [
        Hit(chunk=make_chunk(first, chunk_id="a"), score=1.0),
        Hit(chunk=make_chunk(second, chunk_id="b", index=1, start=100), score=0.9),
    ]


def test_a_why_question_leads_with_the_stated_reason():
    # The first passage matches the question's words better ("membership card"); the second says why.
    hits = _passages(
        "作为小红书的本地生活会员卡，小红卡定位为吃喝玩乐一卡通。", "小红书官方对于关停的理由是准备不够充分。"
    )
    quotes = select_quotes("Why did Xiaohongshu shut down its membership card?", hits, _idf, 200)
    assert [q.hit.chunk.chunk_id for q in quotes] == ["b", "a"]


def test_a_weak_supporting_sentence_is_left_out():
    hits = _passages(
        "Kuaishou's net profit margin was 14.0% in the first quarter.",
        "Kuaishou employs many engineers in Beijing.",
    )
    quotes = select_quotes("What was Kuaishou's net profit margin?", hits, _idf, 300)
    assert [q.hit.chunk.chunk_id for q in quotes] == ["a"]


def test_another_article_is_quoted_only_where_it_shares_the_question():
    first = make_chunk(
        "Kuaishou's e-commerce GMV reached 332.3 billion in Q1, up 15.4% on the year.", doc_id="a"
    )
    # The other article's revenue sentence has a figure and no more; its GMV sentence, cut to fit, must
    # keep its GMV ("up from 2,880.725 billion yuan in the same period last year" says nothing of it).
    second = make_chunk(
        "The company reported revenue of 32.61 billion yuan in Q1. Kuaishou's e-commerce GMV in Q1 was "
        "large, up from 2,880.725 billion yuan in the same period last year.",
        doc_id="b",
        chunk_id="b",
    )
    hits = [Hit(chunk=first, score=1.0), Hit(chunk=second, score=0.9)]
    for budget, quote in _quotes_at_budgets(
        "What was Kuaishou's e-commerce GMV in Q1?", hits, range(80, 260, 4)
    ):
        assert "GMV" in quote.text, (budget, quote.text)


def test_another_article_sharing_no_word_of_the_question_is_never_quoted():
    # The best quote shares no word either (a heading with a figure): the other article's sentence
    # "shares as much" only by sharing nothing too.
    first = make_chunk("等来了1200家，三无服务。", doc_id="a")
    second = make_chunk("The flagship store has sold 36,000 gold products.", doc_id="b", chunk_id="b")
    hits = [Hit(chunk=first, score=1.0), Hit(chunk=second, score=0.9)]
    quotes = select_quotes("How many merchants joined the card?", hits, _idf, 300)
    assert all(q.hit.chunk.doc_id == "a" for q in quotes)


def test_full_width_percentages_and_spans_in_chinese_numerals_are_figures():
    text = "截至1980年，三大网络几乎等于所有黄金时段电视收视率的 90％ 。"
    assert _short("三大网络黄金时段收视率的百分比为多少？", text) == "90％"
    assert _short("条约有效期是多长时间？", "条约有效期二十年，期满前半年内可提出修改。") == "二十年"


def test_how_many_is_not_answered_by_the_number_of_a_sum():
    # "600" alone is a bare count to the pattern, but it is the sum of "600元".
    assert _short("How many merchants paid?", "商家交了600元，等来了三无服务。") is None
    assert _short("How many merchants paid?", "有超过1200家商家交了钱。") == "1200家"
    # Nor is a span of time a count: 有多少 asks how many, 多少钱 how much.
    assert _short("有多少商家加入？", "商家加入3个月后，超过1200家商家退出。") == "1200家"
    assert _short("商家交了多少钱？", "商家交了600元。") == "600元"


def test_how_many_is_answered_by_a_number_of_the_thing_counted_in_either_language():
    text = "作为会员卡，于2025年9月在上海、杭州、广州三城同步上线，交了600元。"
    # 几 with a measure word asks how many; 三城 counts the 城市 asked about.
    assert _short("小红卡在几个城市上线？", text) == "三城"
    assert _short("How many cities did 小红卡 launch in?", text) == "三城"
    english = "It has 300 stores and launched in twelve cities."
    assert _short("How many cities did it launch in?", english) == "twelve cities"
    # 第几 asks which one, and 多少平方公里 for an amount in a unit: nothing counted.
    assert _short("这是第几张单曲？", "这是EXILE的第15张单曲。") == "15张"
    assert _short("有多少平方公里的森林消失了？", "森林砍伐率为8,646平方英里。") == "8,646平方英里"
    # A year is no count (1830年).
    assert _short("总共有多少个国家控制着这个地区？", "法国于 1830年 控制了阿尔及利亚。") is None


def test_a_question_naming_money_is_answered_by_a_sum_in_a_currency():
    text = "小红卡运营3个月后关停，其年卡收费为168元。"
    assert _short("小红卡的年卡要花多少钱？", text) == "168元"
    assert _short("How much did the card cost?", "It closed after 3 months.") is None
    # 多少手续费 asks for a sum, not a count; a scale stands between a number and its currency.
    fees = "It could save about 2.4 billion RMB on a projected GMV of over 400 billion RMB in 2024."
    assert _short("小红书每年能节省多少手续费？", fees) == "2.4 billion RMB"
    assert _short("How many merchants joined?", fees) is None


def test_the_value_a_change_started_from_answers_a_question_about_the_earlier_one():
    text = "It reported a GMV of 3,323.252 billion yuan in Q1 2025, up from 2,880.725 billion yuan in the same period last year."
    assert _short("What was the GMV in Q1 2025?", text) == "3,323.252 billion yuan"
    assert _short("去年同期的GMV是多少？", text) == "2,880.725 billion yuan"
    assert _short("What was the GMV in the same period last year?", text) == "2,880.725 billion yuan"


def test_a_what_kind_question_is_answered_by_the_kind_the_text_names():
    store = (
        'The "Kuaishou Official Store" has launched dozens of gold jewelry products, many marked as self-run.'
    )
    assert _short("快手自营旗舰店卖什么商品？", store) == "gold jewelry products"
    assert _short("What products does the Kuaishou store sell?", store) == "gold jewelry products"
    licences = (
        "There is speculation about its pursuit of additional licenses, such as for Internet micro-lending."
    )
    assert _short("小红书接下来可能申请什么牌照？", licences) == "Internet micro-lending"
    # A name right after the thing is the one asked for; a word rating the thing names no kind of it.
    poets = "Several prominent German figures were Huguenot, including poet Theodor Fontane."
    assert _short("What German poet was descended from Huguenots?", poets) == "Theodor Fontane"
    assert _short("What court case ended it?", "It ended after the landmark court case.") is None
    # 什么名字 asks for a name, not a kind of name.
    assert _short("这座堡垒叫什么名字？", "The fort took the family name of its builder.") is None


def test_a_question_for_a_weakness_or_a_plan_is_answered_by_the_sentence_stating_one():
    text = (
        "Kuaishou is rumored to be entering self-operated e-commerce with its flagship store. "
        "The store ships from factories, but lacks a nationwide warehousing network. "
        "Kuaishou reported revenue of 32.6 billion yuan."
    )
    hits = [Hit(chunk=make_chunk(text, title="快手要做自营电商了吗?"), score=1.0)]
    for question in ("快手自营模式的缺点是什么？", "What is the weakness of Kuaishou's self-operated model?"):
        assert "lacks" in select_quotes(question, hits, _idf, 200)[0].text
    # What people complain of is stated the same way: 不满 is answered by what is lacking.
    complaints = (
        "无论是用户还是商家，均有人对小红卡的体验表示不满。用户侧认为，小红卡的功能欠缺，导致权益作废。"
    )
    hits = [Hit(chunk=make_chunk(complaints, title="小红书关停小红卡"), score=1.0)]
    assert "欠缺" in "".join(q.text for q in select_quotes("用户对小红卡有什么不满？", hits, _idf, 200))
    # The word asking for it (缺点) is found in a text with the cue of one, for the refusal gate too.
    asked = asked_words("快手自营模式的缺点是什么？", ["快手", "自营", "缺点"])
    assert stated_words(asked, "but lacks a nationwide warehousing network") == {"缺点"}
    assert stated_words(asked, "Kuaishou reported revenue") == set()


def test_a_change_is_answered_by_a_percentage_or_else_by_the_amount_it_changed_by():
    assert _short("蜜雪冰城涨价多少？", "蜜雪冰城宣布，自9月10日起，全国门店的部分饮品价格上调1元。") == "1元"
    assert _short("快手电商GMV增长了多少？", "快手电商GMV同比增长15.4%，达到3323亿元。") == "15.4%"
    # A rate is a percentage only.
    assert _short("快手的净利润率是多少？", "快手的净利润为46亿元。") is None


def test_a_dated_article_title_is_a_headline_not_a_subject_said_with_every_sentence():
    text = (
        "蜜雪冰城宣布，自9月10日起，全国门店的部分饮品价格上调1元。公司表示，此次调价的原因是原材料和物流成本持续上涨。"
        "蜜雪冰城目前在全国拥有超过4万家门店，是国内门店数量最多的茶饮品牌。"
    )
    chunk = make_chunk(text, title="蜜雪冰城上调部分饮品价格")
    quoted = {
        date: "".join(q.text for q in select_quotes("蜜雪冰城涨价多少？", [hit], _idf, 200))
        for date, hit in (
            (None, Hit(chunk=chunk, score=1.0)),
            ("2025-09-02", Hit(chunk=replace(chunk, date="2025-09-02"), score=1.0)),
        )
    }
    # An encyclopedia's title names what every sentence is about; a news headline does not.
    assert "原材料" in quoted[None]
    assert "上调1元" in quoted["2025-09-02"] and "原材料" not in quoted["2025-09-02"]


def test_a_clause_is_not_cut_after_an_abbreviation():
    text = (
        "The store sells gold. The flagship store is operated by Chengdu Pinong Technology Co., Ltd., "
        "which is 100% controlled by a Kuaishou affiliate, and has achieved over 220,000 sales."
    )
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    for budget, quote in _quotes_at_budgets(
        "Who operates the flagship store?", hits, range(40, len(text), 5)
    ):
        assert not quote.text.startswith("Ltd"), (budget, quote.text)


def test_a_name_the_question_states_in_the_other_language_is_no_answer_to_who():
    text = 'Kuaishou launched the "Kuaishou Official Self-Operated Flagship Store" in its app this year.'
    assert answer_span("快手自营旗舰店是谁运营的？", text, _idf) is None
    text = "The Kuaishou Official Self-Operated Flagship Store is run by Chengdu Pinong Technology."
    span = answer_span("快手自营旗舰店是谁运营的？", text, _idf)
    assert span and text[span.start : span.end] == "Chengdu Pinong Technology"
    # The sentence naming who runs it leads, before one that says more of the question's words.
    text = (
        'Kuaishou is expanding into self-operated e-commerce with the "Kuaishou Official Self-Operated '
        'Flagship Store" in its app. The flagship store is operated by Chengdu Pinong Technology Co., Ltd.'
    )
    hits = [Hit(chunk=make_chunk(text), score=1.0)]
    assert select_quotes("快手自营旗舰店是谁运营的？", hits, _idf, 120)[0].text.startswith(
        "The flagship store"
    )


def test_a_title_naming_the_subject_is_said_with_every_sentence_of_its_article():
    text = "蓝线裸顶鲷是龙占鱼科的一种，分布于印度太平洋区。本鱼属肉食性，以甲壳类和小鱼为食。"

    def first(title: str) -> str:
        hits = [Hit(chunk=make_chunk(text, title=title), score=1.0)]
        quote = select_quotes("蓝线裸顶鲷以什么为食？", hits, _idf, 40)[0]
        return quote.text

    # "本鱼" is the fish of the title: the sentence on what it eats answers, not the one naming it.
    assert "为食" in first("蓝线裸顶鲷")
    # A headline makes a claim: its words are not said again by every sentence.
    assert "为食" not in first("蓝线裸顶鲷：印度太平洋的鱼")
