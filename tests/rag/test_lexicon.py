"""The bilingual lexicon is data: platform words, and the gazetteer's names, Chinese with their English spellings."""

from rag.lexicon import chinese_words, listed, listed_company, names, said_also


def test_words_are_listed_both_ways():
    assert "close" in listed("关停") and "关停" in listed("close")
    assert listed("never-listed") == frozenset()


def test_names_list_only_spellings_pinyin_does_not_give_and_chinese_words_stay_whole():
    assert {"拼多多", "小红书", "rednote", "bytedance"} <= names()
    # Pinduoduo is 拼多多's pinyin: rag.bilingual spells it, the list does not.
    assert "pinduoduo" not in names()
    assert "拼多多" in chinese_words()


def test_the_english_side_is_lower_case_so_lookups_match():
    english = {w for zh in chinese_words() for w in listed(zh)}
    assert english and all(w == w.lower() for w in english)


def test_a_brand_is_matched_to_the_english_name_no_dictionary_gives_and_cut_whole():
    assert listed("瑞幸") == {"luckin"} and "瑞幸" in listed("luckin")
    # An English name of several words is one spelling.
    assert "pop mart" in listed("泡泡玛特") and "pop mart" in names()
    assert {"视频号", "泡泡玛特"} <= set(chinese_words())


def test_a_brands_chinese_nickname_is_its_name_in_either_script():
    # B站 is Bilibili, and 哔哩哔哩; the tokenizer keeps it whole.
    assert listed("b站") == {"bilibili", "哔哩哔哩"} and "b站" in listed("哔哩哔哩")
    assert "b站" in chinese_words()


def test_chinese_companies_are_matched_to_the_english_names_news_gives_them():
    assert listed("三一重工") == {"sany", "sany heavy"} and "三一重工" in listed("sany")
    assert "luxshare" in listed("立讯精密") and "kingsoft office" in listed("金山办公")


def test_cities_are_listed_apart_from_companies():
    from rag.lexicon import places

    assert "上海" in places() and "上海" in names() and "小红书" not in places()


def test_market_words_no_dictionary_pairs_are_listed():
    # CC-CEDICT has no 成交额 ("turnover"), 日均 ("daily") or 指引 as "guidance": 港股日均成交额是多少？ is
    # answered by "Average daily turnover in the cash market reached HK$287.8 billion".
    assert "turnover" in listed("成交额") and "daily" in listed("日均")
    assert {"guidance", "outlook"} <= listed("指引") and "market value" in listed("市值")
    assert (
        "hkex" in listed("港交所")
        and "new oriental" in listed("新东方")
        and "east money" in listed("东方财富")
    )


def test_the_posts_news_names_are_listed_as_english_writes_them():
    # CC-CEDICT glosses 董事长 only as "chairman of the board of directors", which news never writes whole.
    assert "chairman" in listed("董事长") and "董事长" in listed("chairman")
    assert "offering price" in listed("发行价") and "opened" in listed("开盘价")
    assert "debut" in listed("首日") and "closed" in listed("收盘价")


def test_a_lines_first_english_word_is_said_by_the_phrases_beside_it():
    assert "outside china" in said_also("overseas")
    # Not its other words: "closed" of 收盘价 is no closing price.
    assert said_also("closed") == ()


def test_research_and_development_is_said_in_full_or_short():
    assert {"research and development", "r&d"} <= listed("研发")
    assert "spending" in listed("投入")


def test_companies_news_names_by_an_acronym_or_a_hyphenated_name_are_listed():
    assert "zte" in listed("中兴通讯") and listed("港铁") == {"mtr"}
    assert "sf intra-city" in listed("顺丰同城")
    # A platform's name jieba cuts into common words (萝卜 + 快 + 跑) is one.
    assert listed("萝卜快跑") == {"apollo go"} and "萝卜快跑" in chinese_words()


def test_a_volume_is_the_things_it_counts():
    # 出货量 is no word CC-CEDICT glosses: "shipments were flat at 43.3 million units".
    assert "shipments" in listed("出货量") and "deliveries" in listed("交付量")
    assert "patronage" in listed("客运量")
    assert "cash" in listed("货币资金")


def test_retail_airline_and_dividend_words_no_dictionary_pairs_are_listed():
    assert "remodelled" in listed("调改") and "passengers" in listed("旅客")
    assert "load factor" in listed("客座率") and "payout ratio" in listed("派息率")
    assert "capital spending" in listed("资本开支")
    assert "petrochina" in listed("中石油") and "fii" in listed("工业富联")
    assert "return to profit" in listed("扭亏") and "hectolitre" in listed("百升")
    assert "tingyi" in listed("康师傅") and "gac" in listed("广汽") and "budweiser apac" in listed("百威亚太")


def test_a_listed_company_is_no_place():
    assert listed_company("中科曙光")
    assert listed_company("Sugon")
    assert not listed_company("香港")
    assert not listed_company("营收")
