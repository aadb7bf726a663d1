import subprocess
import sys

from rag.text import (
    bigrams,
    count_tokens,
    fold_mapped,
    next_name_word,
    normalize,
    quotable_spans,
    rejoined,
    segments,
    sentence_before,
    sentence_spans,
    terms,
    unbroken,
    word_frequency,
)


def test_terms_drop_punctuation_and_question_words_and_lowercase_latin():
    assert terms("小红卡为什么关停？") == ["小红卡", "关停"]
    assert terms("Why did Xiaohongshu close?") == ["xiaohongshu", "close"]
    assert "拼多多" in terms("拼多多的计划", search_mode=False)
    assert terms("这张牌照由哪家公司运营？") == ["牌照", "公司", "运营"]
    # What an apostrophe leaves is no word: "xiaohongshu's" is xiaohongshu; 什么时候 asks when.
    assert terms("Why didn't Xiaohongshu's card close?") == ["xiaohongshu", "card", "close"]
    assert terms("小红卡什么时候可能关停？") == ["小红卡", "关停"]
    # Prepositions and pronouns are no words to find: "after" is in no Chinese article.
    assert terms("What did merchants complain about after paying for it?") == [
        "merchants",
        "complain",
        "paying",
    ]
    # 何时, 何处, 多久 and 几 with a measure word ask when, where, how long and how many.
    assert terms("元皇后祖籍何处？何时去世？") == ["元", "皇后", "祖籍", "去世"]
    assert terms("夏尔精通哪几门语言？", search_mode=False) == ["夏尔", "精通", "语言"]
    assert "几乎" in terms("几乎所有")
    # A hedge says how sure a figure is, in words the other language seldom mirrors (预计 / "projected").
    assert terms("小红书2024年GMV预计约多少？", search_mode=False) == ["小红书", "2024", "年", "gmv"]
    assert terms("the projected GMV of roughly 400 billion") == ["gmv", "400", "billion"]


def test_a_blank_scraping_left_inside_a_chinese_word_does_not_split_it():
    assert {"规模", "运营"} <= set(terms("进行了规 模化验证，试 运营三个月"))
    assert {"规模", "模化"} <= bigrams("规 模化")
    assert unbroken("北京 上海 and Shenzhen") == "北京上海 and shenzhen"


def test_search_mode_adds_word_parts():
    assert {"第一", "季度", "第一季度"} <= set(terms("第一季度"))
    assert terms("第一季度", search_mode=False) == ["第一季度"]


def test_a_hyphen_splits_latin_words_so_either_spelling_finds_the_other():
    assert terms("Jean-Pierre won 7-6") == terms("Jean Pierre won 7 6") == ["jean", "pierre", "won", "7", "6"]


def test_word_frequency_is_the_dictionarys_count_and_the_lexicons_words_stay_whole():
    assert word_frequency("利润") > word_frequency("利润率") > 0
    assert word_frequency("小红卡不存在的词") == 0
    assert terms("快手电商一季度", search_mode=False) == ["快手", "电商", "一季度"]


def test_normalize_makes_full_width_half_width():
    assert normalize("ＡＢＣ１２３，") == "ABC123,"


def test_token_count_uses_the_bundled_encoding():
    assert count_tokens("hello world") == 2
    assert count_tokens("小红书") > 0


def test_sentence_spans_cover_chinese_and_english_sentences():
    text = '他说"准备不够充分。 " 第二句！The GMV was 3.5 billion. Next one?'
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences == ['他说"准备不够充分。 "', "第二句！", "The GMV was 3.5 billion.", "Next one?"]


def _quotable(text: str) -> list[str]:
    return [text[s:e] for s, e in quotable_spans(text)]


def test_an_exchange_rate_given_for_the_reader_is_no_quotable_sentence():
    for text in ("Shares rose 4.2%.\n\n($1 = 7.12 yuan)", "股价上涨4.2%。（1美元=7.1元人民币）"):
        assert [text[s:e] for s, e in quotable_spans(text)] == [text[: text.index("%") + 2].rstrip()]
    # A sentence with an equation in brackets is still one.
    text = "Revenue rose (to 5 billion = a record) in the quarter."
    assert [text[s:e] for s, e in quotable_spans(text)] == [text]


def test_quotable_sentences_leave_out_scraping_debris_but_not_lists_or_wrapped_words():
    sentences = _quotable

    assert sentences("很失望。 交 等来 交了600元,等来了三无服务。") == [
        "很失望。",
        "交了600元,等来了三无服务。",
    ]
    # The heading the debris echoes, run into the next sentence, is quoted on its own.
    assert sentences('交 等来 交了600元,等来了"三无服务" 小红卡的推出可谓来势汹汹。') == [
        '交了600元,等来了"三无服务"',
        "小红卡的推出可谓来势汹汹。",
    ]
    assert sentences("交 等来 别的说法 小红卡上线。") == ["别的说法 小红卡上线。"]
    assert sentences("北京 上海 广州 深圳等城市。") == ["北京 上海 广州 深圳等城市。"]
    assert sentences("小 红书官方表示。") == ["小 红书官方表示。"]
    assert sentences("I am here. A b c d.") == ["I am here.", "A b c d."]
    assert [text[s:e] for text in ["很失望。 交 等来 交了600元。"] for s, e in sentence_spans(text)] == [
        "很失望。",
        "交 等来 交了600元。",
    ], "chunking must keep every character"


def test_a_list_flattened_by_scraping_is_quoted_bullet_by_bullet_without_its_headings():
    text = (
        "Core Viewpoint - Kuaishou is rumored to enter self-operated e-commerce [1][3] Group 1: "
        "Kuaishou's E-commerce Strategy - The store has launched dozens of gold products [1] - "
        "Kuaishou's e-commerce has introduced a managed model [3]. - Dongfang Electronic Payment Co. "
        "completed a change on November 13."
    )
    assert _quotable(text) == [
        "Kuaishou is rumored to enter self-operated e-commerce [1][3]",
        "The store has launched dozens of gold products [1]",
        "Kuaishou's e-commerce has introduced a managed model [3].",
        "Dongfang Electronic Payment Co. completed a change on November 13.",
    ]


def test_prose_with_dashes_and_capitals_is_not_taken_for_a_heading():
    for prose in ("From 1990 - 1995 it grew.", "Smith - the player - said so.", "New York - a city."):
        assert _quotable(prose) == [prose]


def test_bigrams_are_chinese_and_a_number_counts_as_one_character():
    assert bigrams("小红卡 card") == {"小红", "红卡"}
    assert bigrams("第7号仓库在第3周处理了1,262件") >= {"第7", "7号", "第3", "3周", "了1,262", "1,262件"}
    assert bigrams("GMV 2025 rose") == set()


def test_the_first_terms_from_many_threads_at_once_all_succeed():
    # The segmenter's words are added once: adding one while another thread cuts would fail.
    code = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from rag.text import terms\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    found = list(pool.map(lambda i: terms('快手电商一季度GMV是多少？' * 200), range(16)))\n"
        "assert all('快手' in f for f in found)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]


def test_a_folded_text_maps_each_character_to_the_one_it_came_from():
    folded, offsets = fold_mapped("A…小紅卡三城")
    assert folded == "a...小红卡三城"
    assert [offsets[folded.index(ch)] for ch in "a小卡城"] == [0, 2, 4, 6]


def test_a_word_the_tokenizer_cut_apart_in_a_question_is_rejoined_as_the_archive_holds_it():
    # jieba finds 翻台率 whole in an article's context, but cuts it 翻 + 台率 in the question.
    assert "翻台率" not in terms("海底捞的翻台率是多少？")
    assert "翻台率" in terms("海底捞餐厅整体翻台率为每天3.8次")
    assert rejoined("海底捞的翻台率是多少？", {"翻台率", "海底捞"}.__contains__) == ["翻台率"]
    assert rejoined("海底捞的翻台率是多少？", lambda word: False) == []


def test_segments_are_jiebas_words_as_they_stand_stopwords_and_all():
    assert segments("由伊恩创造") == ["由", "伊恩", "创造"]
    assert "".join(segments("马丁·路德·金的演讲")) == "马丁·路德·金的演讲"


def test_what_a_sentence_says_before_a_place_in_it():
    text = "Revenue rose 3%. Its cloud unit grew 20% to $4 billion; total revenue was $9 billion."
    assert sentence_before(text, text.index("$4"), 120) == "Its cloud unit grew 20% to "
    assert sentence_before(text, text.index("$9"), 120) == " total revenue was "
    assert sentence_before("净利润为11.2亿元。较上年同期为11.5亿元。", 17, 12) == "较上年同期为"


def test_an_english_possessive_ends_a_name_in_the_singular_and_the_plural():
    from rag.text import POSSESSIVE_END

    assert POSSESSIVE_END.sub("", "Meituan's") == "Meituan"
    assert POSSESSIVE_END.sub("", "JD Logistics'") == "JD Logistics"
    assert POSSESSIVE_END.sub("", "Meituan'") == "Meituan'"


def test_a_month_written_short_before_its_day_ends_no_sentence():
    text = "Revenue for the three months ended Sept. 30 rose 9%. It reported on Nov. 18, 2025. Sales fell in Jan."
    sentences = [text[s:e].strip() for s, e in sentence_spans(text)]
    assert sentences == [
        "Revenue for the three months ended Sept. 30 rose 9%.",
        "It reported on Nov. 18, 2025.",
        "Sales fell in Jan.",
    ]


def test_a_company_abbreviated_before_the_rest_of_its_name_ends_no_sentence():
    text = "China Vanke Co. Ltd., the developer, said its loss widened. It is Alibaba Group Holding Inc. It said so."
    sentences = [text[s:e].strip() for s, e in sentence_spans(text)]
    assert sentences == [
        "China Vanke Co. Ltd., the developer, said its loss widened.",
        "It is Alibaba Group Holding Inc.",
        "It said so.",
    ]


def test_a_questions_verb_is_not_glued_to_an_unknown_name_before_it():
    # jieba joins 港铁 with 有 of 有多少.
    assert segments("港铁有多少名员工？")[:3] == ["港铁", "有", "多少"]
    assert segments("小红卡是什么？")[:2] == ["小红卡", "是"]
    # Not a word it knows (没有), nor before anything but the asking.
    assert segments("公司没有多少现金")[:2] == ["公司", "没有"]


def test_a_periods_first_character_is_not_glued_to_an_unknown_name_before_it():
    # jieba joins 晶科 (a name it does not know) with 前 of 前三季度.
    assert terms("晶科前三季度营收是多少？", search_mode=False)[:3] == ["晶科", "前", "三季度"]
    assert terms("长安汽车前三季度净利润", search_mode=False)[:3] == ["长安汽车", "前", "三季度"]
    assert segments("晶科上半年") == ["晶科", "上半年"]


def test_a_latin_name_goes_on_as_a_longer_one_with_a_capitalised_word_but_a_kind_of_company():
    assert next_name_word("Revenue at JD Retail grew", len("Revenue at JD")) == "Retail"
    assert next_name_word("JD Health International said", len("JD")) == "Health"
    assert next_name_word("JD.com Inc said", len("JD.com")) == ""
    assert next_name_word("JD.com's quarterly profit", len("JD.com")) == ""
    assert next_name_word("Air China, the flag carrier", len("Air China")) == ""
