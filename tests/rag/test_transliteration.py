"""Foreign names as Chinese writes them by sound, and back."""

from rag.bilingual import mentions, presence, weighted_terms
from rag.transliteration import alike, chinese_key, english_key, may_write_name, sounded_positions


def test_names_and_their_chinese_spellings_share_a_key_of_consonants():
    assert english_key("Jacksonville") == chinese_key("jie ke xun wei er") == "JKSNWL"
    assert alike(english_key("Goldenson"), chinese_key("ge deng sen")), "one consonant Chinese drops"
    assert alike(english_key("Mackinder"), chinese_key("mai jin de")), "ki: 金; no last r"
    assert alike(english_key("Lindisfarne"), chinese_key("lin di si fa")), "two of seven"
    assert not alike(english_key("Goldenson"), chinese_key("ge lan jie"))
    # Keys of three consonants must be equal; shorter ones never match.
    assert not alike(english_key("Ratzel"), chinese_key("li de li"))
    assert not alike(english_key("Temu"), chinese_key("tai mu"))


def test_a_foreign_name_is_found_in_the_other_script():
    assert sounded_positions("goldenson", "1954年10月，戈登森不得不干预。") == [9]
    assert sounded_positions("jacksonville", "在杰克逊维尔的市中心") == [1]
    assert sounded_positions("林迪斯法恩", "lindisfarne are a folk-rock group") == [0]
    # A common word is no name, nor is a character that stands as a word on its own.
    assert sounded_positions("goldenson", "工程师高登说，各地的人都来了。") == []
    assert not may_write_name("得") and not may_write_name("工程") and may_write_name("斯")


def test_names_by_sound_count_as_named_and_present():
    assert mentions("goldenson", "但是，戈登森不得不干预美国广播公司的决定。")
    assert presence("fresno", "住在弗雷斯诺西区的居民") == 1.0
    # Not by an English word a dictionary has: "based" sounds like 波司登 (b-s-d), but says "based".
    assert not mentions("波司登", "the singapore-based company was founded in nanjing.")
    assert mentions("林迪斯法恩", "lindisfarne are a folk-rock group")
    # A name the tokenizer cut apart is one word of the question, found whole.
    assert "杰克逊维尔" in weighted_terms("2010年杰克逊维尔的白人人口是多少?", lambda w: 1.0)
    assert presence("杰克逊维尔", "jacksonville is the largest city in florida") == 1.0
    assert "卡卡得" not in weighted_terms("文章说女神卡卡得过几次格莱美奖？", lambda w: 1.0)
