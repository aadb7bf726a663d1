"""CC-CEDICT as a word dictionary: content words both ways, inflections, proper nouns, characters' main senses."""

from rag import dictionary


def test_chinese_words_translate_to_their_content_words():
    assert {"net", "profit"} <= dictionary.english("净利润")
    assert "shut" in dictionary.english("关停")
    assert dictionary.english("\0unknown") == frozenset()


def test_english_words_translate_to_common_chinese_words_through_plain_inflections():
    assert {"净利润", "盈利"} <= dictionary.chinese("profit")
    assert dictionary.chinese("interceptions") == dictionary.chinese("interception") != frozenset()
    assert len(dictionary.chinese("profit")) <= dictionary.CHINESE_PER_WORD
    assert dictionary.chinese("zzzzqx") == frozenset()


def test_single_characters_are_never_translated():
    assert dictionary.english("卡") == frozenset()
    assert all(len(word) >= 2 for word in dictionary.chinese("card"))


def test_a_character_has_its_main_senses_for_judging():
    assert "sell" in dictionary.character("卖")
    assert {"day", "sun"} <= dictionary.character("日")
    assert "rate" in dictionary.character("率")
    assert dictionary.character("卖") <= {"sell", "betray"}
    assert dictionary.character("小红") == frozenset()


def test_proper_nouns_are_told_by_capitalised_pinyin():
    assert dictionary.is_name("北京") is True
    assert dictionary.is_name("年费") is False
    assert dictionary.is_name("小红卡") is None
