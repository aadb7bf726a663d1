"""CC-CEDICT as a word dictionary: content words both ways, inflections, proper nouns, characters' main senses."""

import pytest

from rag import dictionary


def test_chinese_words_translate_to_their_content_words():
    assert "shut" in dictionary.english("关停")
    assert dictionary.english("\0unknown") == frozenset()
    # A sense of several words is one phrase (市场份额 is no "share" alone); senses stand apart.
    assert dictionary.english("净利润") == {"net profit"}
    assert "market share" in dictionary.english("市场份额")
    assert {"attract", "fascinate"} <= dictionary.english("吸引")
    # Whom or what a verb acts on is left open in a gloss, and is no word of it ("to apply for sth").
    assert "apply" in dictionary.english("申请")
    assert not any(
        "sth" in sense or "sb" in sense for sense in dictionary.english("帮助") | dictionary.english("申请")
    )


def test_how_a_word_is_said_or_written_is_no_sense_of_it():
    # 呆板 "stiff; inflexible; also pr. [ai2 ban3]": neither "ai" nor "ban" is a meaning of it.
    assert "呆板" not in dictionary.chinese("ban")
    assert dictionary.english("呆板") == {"stiff", "inflexible"}
    assert not {"ai", "hao"} & dictionary.english("哀号")


def test_an_acronym_a_gloss_gives_for_its_words_translates_too():
    assert "人工智能" in dictionary.chinese("ai")
    assert "首席财务官" in dictionary.chinese("cfo")
    # Not a label in parentheses ("AAA battery (PRC)"), nor an acronym that is an English word (WHO).
    assert "七号电池" not in dictionary.chinese("prc")
    assert "世界卫生组织" not in dictionary.chinese("who")


def test_a_phrase_translates_to_the_chinese_words_it_glosses_as_a_whole():
    assert "市场份额" in dictionary.glossed("market share")
    assert dictionary.glossed("share market") == frozenset()
    # Its last word may be plural.
    assert "便利店" in dictionary.glossed("convenience stores")


def test_english_words_translate_to_common_chinese_words_through_plain_inflections():
    assert {"净利润", "盈利"} <= dictionary.chinese("profit")
    assert dictionary.chinese("interceptions") == dictionary.chinese("interception") != frozenset()
    assert len(dictionary.chinese("profit")) <= dictionary.CHINESE_PER_WORD
    assert dictionary.chinese("zzzzqx") == frozenset()
    # An inflection listed on its own ("positioned": 居间) keeps its stem's words (定位, "position").
    assert {"居间", "定位"} <= dictionary.chinese("positioned")
    # A stem no gloss has may be of a noun used only in the plural ("headquartered": headquarters).
    assert "总部" in dictionary.chinese("headquartered")


def test_single_characters_are_never_translated():
    assert dictionary.english("卡") == frozenset()
    assert all(len(word) >= 2 for word in dictionary.chinese("card"))


def test_a_character_has_its_main_senses_for_judging():
    assert "sell" in dictionary.character("卖")
    assert {"day", "sun"} <= dictionary.character("日")
    assert "rate" in dictionary.character("率")
    assert dictionary.character("卖") <= {"sell", "betray"}
    assert dictionary.character("小红") == frozenset()
    # A simplified character that writes several traditional ones has the senses of each (云: 云 "to
    # say", 雲 "cloud"; 后: 后 "empress", 後 "behind"): 百度智能云 is Baidu's "AI cloud".
    assert {"cloud", "say"} <= dictionary.character("云")
    assert {"behind", "empress"} <= dictionary.character("后")


def test_a_proper_noun_translates_to_the_name_its_gloss_opens_with():
    # "Starbucks, US coffee shop chain" is too long a gloss to keep whole; its name is kept.
    assert dictionary.english("星巴克") == {"starbucks"}
    assert "baidu" in dictionary.english("百度")
    assert "星巴克" in dictionary.chinese("starbucks")
    # A place's name before what it is: "Anhui Province", "Hangzhou subprovincial city".
    assert "anhui" in dictionary.english("安徽") and "hangzhou" in dictionary.english("杭州")
    # A name of several words is not split: "Tran Duc Luong (1937-), president of Vietnam" is no Tran.
    assert "陈德良" not in dictionary.chinese("tran")


def test_proper_nouns_are_told_by_capitalised_pinyin():
    assert dictionary.is_name("北京") is True
    assert dictionary.is_name("年费") is False
    assert dictionary.is_name("小红卡") is None


def test_surnames_are_the_characters_cc_cedict_glosses_as_one():
    assert dictionary.is_surname("陈") and dictionary.is_surname("王")
    assert not dictionary.is_surname("说") and not dictionary.is_surname("的")


def test_words_and_characters_have_their_toneless_pinyin():
    assert dictionary.readings("快手") == {"kuai shou"}
    assert dictionary.readings("长") == {"chang", "zhang"}
    # ü is written u, as English spells names (吕: Lu).
    assert "lu" in dictionary.readings("吕")
    assert dictionary.readings("小红书") == frozenset()
    assert {"kuai", "shou", "zhang", "xiao"} <= dictionary.syllables()
    assert "cl" not in dictionary.syllables()


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A fresh cache folder for the tables (the lookups' memos emptied before and after)."""

    def forget():
        for cached in (
            dictionary._tables,
            dictionary.english,
            dictionary.chinese,
            dictionary.character,
            dictionary.is_name,
            dictionary.readings,
            dictionary.syllables,
        ):
            cached.cache_clear()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forget()
    yield tmp_path / "newsrag"
    forget()


def test_the_tables_are_built_once_into_the_cache_folder_and_read_from_there(cache_home):
    cache_home.mkdir(parents=True)
    (cache_home / "cedict-0000000000000000.sqlite").write_text("a build from older rules")
    assert "shut" in dictionary.english("关停")
    built = list(cache_home.glob("cedict-*.sqlite"))
    assert len(built) == 1
    stamp = built[0].stat().st_mtime_ns
    dictionary._tables.cache_clear()
    assert dictionary.is_name("北京") is True
    assert built[0].stat().st_mtime_ns == stamp


def test_a_short_name_is_translated_as_the_one_name_it_begins_with_a_common_word_after():
    # CC-CEDICT lists 中国移动通信 (China Mobile), not 中国移动.
    assert dictionary.english("中国移动") == frozenset()
    assert dictionary.name_begun("中国移动") == {"china mobile"}
    # Not the start of another name (伊利诺伊: Illinois), nor a word it lists.
    assert dictionary.name_begun("伊利") == frozenset()
    assert dictionary.name_begun("中国") == frozenset()


def test_a_profits_rate_is_its_margin_where_cc_cedict_lists_the_profit_alone():
    assert dictionary.english("毛利率") == {"gross margin", "gross profit margin"}
    assert "毛利率" in dictionary.glossed("gross margin")
    # A rate CC-CEDICT lists keeps its own gloss.
    assert dictionary.english("利润率") == {"profit margin"}


def test_foreign_names_are_proper_nouns_glossed_as_one_word_other_than_their_pinyin():
    names = {(chinese, name) for chinese, _, name in dictionary.foreign_names()}
    assert ("林肯", "Lincoln") in names
    assert not any(chinese == "北京" for chinese, _ in names), "Beijing is 北京's pinyin"
