"""Matching across Chinese and English: translations, presence, and the share of a question covered."""

import pytest

from rag.bilingual import (
    HEAD_SHARE,
    NAMES_LOOKED_FOR,
    akin,
    brands_whole,
    coverage,
    hyphenated_words,
    known_names,
    matched_share,
    mentions,
    occurrences,
    phrase_words,
    pinyin_terms,
    presence,
    question_words,
    romanized,
    romanized_positions,
    romanized_words,
    sense_shares,
    spellings,
    spoken_names,
    synonymous,
    translations,
    weighted_terms,
)
from rag.closeness import SEARCHING, SYNONYMS, Closeness


def test_translations_come_from_the_lexicon_then_cc_cedict():
    assert "关停" in translations("close")
    # A month by its number is the English month's name, and back.
    assert translations("8月") >= {"august", "aug"} and "9月" in translations("september")
    assert presence("8月", "li auto delivered 28,529 vehicles in august") == 1.0
    # A quarter is there however the text names it.
    assert presence("second quarter", "revenue for the quarter ended june 30 rose") == 1.0
    assert presence("二季度", "revenue for the quarter ended june 30 rose") == 1.0
    assert any("payment" in t for t in translations("支付"))
    assert translations("2025") == frozenset()
    # A month is written with its number too (September: 9月, as in "9月新能源汽车销量").
    assert {"9月", "九月"} <= translations("september")


def test_an_english_verb_is_also_translated_as_its_past_participle():
    assert "挂牌" in translations("list")  # "listed" (on the stock exchange)
    assert "创立" in translations("found")  # "founded"
    assert not translations("fee") & translations("feed")  # "feed" is another verb, no form of "fee"


def test_an_irregular_form_of_an_english_verb_is_translated_as_the_verb():
    assert "建成" in translations("built")
    assert "出售" in translations("sold")
    assert "开始" in translations("began")
    # An auxiliary's forms ask nothing; a plain inflection is found by its stem already.
    assert translations("was") == frozenset()


def test_chinese_names_are_spelled_in_pinyin_whole_and_apart():
    assert romanized("小红书") == {"xiaohongshu", "xiao hongshu", "xiaohong shu", "xiao hong shu"}
    assert {"lei jun", "leijun"} <= romanized("雷军")
    assert "mixue bingcheng" in romanized("蜜雪冰城")
    # A word the dictionary knows as a common word is translated, and spelled only whole, as a brand
    # named by it would be (用户 is "user", and never "yong hu").
    assert romanized("用户") == {"yonghu"}
    # Shorter, where English has no such word: a brand's name (虎牙, "eye tooth": Huya), not a word
    # (我们: never "women").
    assert romanized("虎牙") == {"huya"}
    assert romanized("我们") == frozenset()
    assert romanized("卡") == frozenset()


def test_a_name_matches_its_pinyin_either_way():
    assert presence("雷军", "ceo lei jun said on monday") == 1.0
    assert presence("锅圈食汇", "guoquan shihui raised its prices") == 1.0
    assert romanized_positions("guoquan", "据悉，锅圈食汇将涨价") == [3]
    assert occurrences("leijun", "雷军表示") == [0]
    # Only a run of characters read as every syllable, in order, is the name.
    assert presence("leijun", "军雷表示") == 0.0
    # An English word the dictionary translates is never read as pinyin ("women" is not 我们).
    assert presence("women", "我们表示") == 0.0
    assert presence("hangzhou", "他在杭州工作") == 1.0
    # A brand's pinyin the lexicon translates by its full name is read as pinyin too: Mixue is 蜜雪冰城,
    # and 蜜雪集团 as well.
    assert presence("mixue", "蜜雪集团发布经营数据") == 1.0
    assert presence("change", "嫦娥五号发射") == 0.0, "no translation of change is read chang e"
    # A brand named by a common word is written as its pinyin whole (有道: Youdao), never apart or short.
    assert presence("有道", "youdao, the education unit, posted a profit") == 1.0
    assert presence("用户", "yong hu") == 0.0


def test_a_name_written_as_pinyin_words_is_one_word_to_find():
    weights = weighted_terms("What did Lei Jun say about Zhang Yiming?", lambda term: 1.0)
    assert list(weights) == ["leijun", "zhangyiming"]
    # Only capitalised words after the first, each read as pinyin ("New York" is no Chinese name).
    assert "newyork" not in weighted_terms("Why did it open in New York?", lambda term: 1.0)
    assert presence("leijun", "雷军表示") == presence("leijun", "ceo lei jun said") == 1.0


def test_months_together_in_english_words_are_one_word_found_however_a_text_names_them():
    rarity = {"first": 1.0, "three": 2.0, "quarters": 3.0}
    weights = weighted_terms(
        "How many stores closed in the first three quarters?", lambda t: rarity.get(t, 1.0)
    )
    assert weights["first three quarters"] == 3.0
    assert not {"first", "three", "quarters"} & set(weights)
    assert presence("first three quarters", "今年前三季度，关闭门店1,137家") == 1.0


def test_an_english_word_counts_by_the_share_of_its_chinese_compound_a_text_has():
    assert presence("oversubscribed", "此次ipo获得超过5000倍认购") == 0.5  # 超额认购: 认购
    assert presence("oversubscribed", "此次ipo获得超额认购") == 1.0
    assert presence("oversubscribed", "此次ipo冻结资金约1.84万亿港元") == 0.0


def test_a_name_the_tokenizer_cuts_apart_is_one_word_at_its_rarer_parts_weight():
    rarity = {"锅圈": 3.0, "食汇": 2.0, "净利润": 2.5}
    weights = weighted_terms("锅圈食汇的净利润是多少？", lambda term: rarity.get(term, 1.0))
    assert weights == {"锅圈食汇": 3.0, "净利润": 2.5}
    # Known words stay apart, and so do unknown ones the question does not write side by side.
    assert list(weighted_terms("很多人死于瘟疫？", lambda term: 1.0)) == ["很多", "人死于", "瘟疫"]
    # The measure word of 多少 asks, as 多少 does: it is no word of a noun after it (辆车 of 多少辆车).
    assert list(weighted_terms("多少人死于瘟疫？", lambda term: 1.0)) == ["死", "瘟疫"]
    assert list(weighted_terms("理想汽车8月交付了多少辆车？", lambda term: 1.0)) == [
        "理想汽车",
        "8月",
        "交付",
        "车",
    ]
    assert len(weighted_terms("锅圈和食汇的门店", lambda term: 1.0)) == 3


def test_a_month_by_its_number_is_one_word_with_its_end_or_start():
    rarity = {"3": 1.0, "9": 1.0, "月底": 4.0}
    weights = weighted_terms("瑞幸截至3月底有多少家门店？", lambda term: rarity.get(term, 2.0))
    assert weights["3月底"] == 4.0 and "3" not in weights and "月底" not in weights
    assert "9月" in weighted_terms("9月份交付了多少辆？", lambda term: rarity.get(term, 2.0))
    assert presence("3月底", "the company had 26,206 stores at the end of march") == 1.0
    assert presence("3月底", "截至3月底，门店数为26206家") == 1.0
    assert translations("1月初") >= {"early january", "beginning of january"}
    # A span of months is no month.
    assert "8个月" not in "".join(weighted_terms("运营了8个月", lambda term: 1.0))


def test_english_words_one_chinese_word_translates_together_are_one_term():
    rarity = {"market": 2.0, "share": 3.0}
    weights = weighted_terms("What is Kuaishou's market share?", lambda term: rarity.get(term, 1.0))
    assert weights == {"kuaishou": 1.0, "market share": 3.0}  # 市场份额 translates both
    assert presence("market share", "its market share rose to 15%") == 1.0
    assert presence("market share", "快手的市场份额") == 1.0
    assert presence("market share", "shares of pdd fell 6.5% in the e-commerce market") == 0.0
    assert list(weighted_terms("How big is the market?", lambda term: 1.0)) == ["big", "market"]


def test_a_hyphenated_word_a_dictionary_translates_whole_is_one_term():
    question = "How much did Weibo earn from value-added services, year-on-year?"
    assert hyphenated_words(question) == ["value-added", "year-on-year"]
    assert question_words(question) == ["much", "weibo", "earn", "value-added", "services", "year-on-year"]
    assert presence("value-added", "增值服务营收为6300万美元") == 1.0
    assert presence("value-added", "its value-added services grew") == 1.0
    assert hyphenated_words("a three-tier brand") == []  # no dictionary has it whole: its words apart


def test_a_place_the_dictionary_glosses_by_its_words_is_no_pinyin_name():
    # Hong and Kong read as pinyin, but together they gloss 香港: found by their translation.
    weights = weighted_terms("When did Mixue list in Hong Kong?", lambda term: 1.0)
    assert "hong kong" in weights and "hongkong" not in weights
    assert presence("hong kong", "在香港联交所挂牌上市") == presence("hong", "在香港联交所挂牌上市") == 1.0


def test_a_persons_name_is_searched_as_english_writes_it():
    # English writes a person's surname and given name apart (Chen Lei, Zhang Yiming).
    assert {"chen", "lei"} <= set(romanized_words("陈磊"))
    assert {"zhang", "yiming"} <= set(romanized_words("张一鸣"))
    assert romanized_words("快手") == ["kuaishou"]  # a firm's name, written whole
    assert romanized_words("黄金") == ["huangjin"]  # a common word, though 黄 is a surname: not apart
    # A name the dictionary lists of three characters may be written a syllable a word (Tong Ren Tang).
    assert {"tongrentang", "tong", "ren", "tang"} <= set(romanized_words("同仁堂"))


def test_what_how_asks_with_is_no_word_to_find():
    # As 多少 and 多久 are not: "many" would find "with many marked as self-operated".
    assert list(weighted_terms("How many merchants joined?", lambda term: 1.0)) == ["merchants", "joined"]
    assert "long" not in weighted_terms("How long did the card last?", lambda term: 1.0)
    assert "long" in weighted_terms("Why was the queue long?", lambda term: 1.0)


def test_a_text_mentions_a_name_as_written_translated_or_in_pinyin_not_in_pieces():
    assert mentions("小红卡", "小红卡的年费")
    assert mentions("快手", "kuaishou said") and mentions("kuaishou", "快手表示")
    assert mentions("同仁堂", "beijing tong ren tang, the 356-year-old maker")  # a syllable a word
    # Its characters here and there are not the name (presence counts them half).
    assert not mentions("小红卡", "小红书的会员卡") and presence("小红卡", "小红书的会员卡") == 0.5


def test_a_name_translated_with_the_kind_of_company_is_also_written_without_it():
    assert {"china southern airlines", "china southern"} <= translations("南航")
    assert translations("建行") == {"china construction bank"}  # a bank is named with it
    assert "hainan" not in translations("海航")  # one word left is no name


def test_the_lexicons_names_reach_their_pinyin_spellings():
    assert {"kuaishou", "快手", "pinduoduo"} <= known_names()
    assert "快手" in translations("kuaishou") and "kuaishou" in translations("快手")
    # A name that is also a common word keeps its listed spelling (微博: microblog, and Weibo).
    assert "weibo" in translations("微博")


def test_presence_matches_whole_words_translations_and_scattered_characters():
    assert presence("close", "the shop closed in may") == 1.0
    assert presence("close", "they did not disclose it") == 0.0
    assert presence("关停", "the service will close") == 1.0
    assert presence("年费", "年卡收费为168元") == 0.5


def test_a_translation_of_several_words_is_present_only_as_a_whole():
    assert presence("市场份额", "its market share rose") == 1.0
    assert presence("市场份额", "shares of pdd fell 6.5%") < 1.0
    assert presence("净利润", "an adjusted net profit of 4.58 billion") == 1.0
    assert presence("净利润", "a net loss and an operating profit") < 1.0
    # Its words may stand a word apart: the one the gloss dropped ("to hit the market"), or another.
    assert presence("上市", "the drink hit the market in may") == 1.0
    assert presence("年费", "the annual membership fee is 168 yuan") == 1.0
    # Its last word alone is mostly, not surely, what it names: riders for 骑手 ("horse rider").
    assert presence("骑手", "pension coverage for its riders") == HEAD_SHARE
    assert presence("annual fee", "其年卡收费为168元") == HEAD_SHARE
    assert occurrences("annual fee", "其年卡收费为168元")[0] == 3
    assert presence("market share", "shares of pdd fell") == 0.0


def test_matched_share_weighs_terms_and_abstains_when_nothing_can_be_judged():
    text = "小红卡业务将于2026年1月1日起暂停试运营，年卡收费为168元。"
    assert matched_share({"小红卡": 2.0, "暂停": 1.0}, text) == 1.0
    assert matched_share({"小红卡": 1.0, "拼多多": 1.0}, text) == 0.5
    assert matched_share({"zebra": 1.0}, "短") is None


def test_a_word_is_judged_absent_only_where_its_script_makes_up_the_text():
    # 放在 has no translation: a Chinese title over an English body does not make the body Chinese.
    body = "kuaishou should concentrate on refining its platform operations this year. " * 8
    assert matched_share({"快手": 1.0, "放在": 1.0}, "快手要做自营电商了吗 " + body) == 1 / 1.5
    assert matched_share({"快手": 1.0, "放在": 1.0}, "快手要做自营电商了吗,平台的运营") == 0.5


def test_occurrences_find_a_term_its_translation_or_its_parts():
    assert occurrences("close", "业务将关停，关停后") == [3, 6]
    assert occurrences("tesla", "小红卡") == []
    # Its parts' glosses, each a phrase: "net profit" (净利润), "profit margin" (利润率); a profit's rate is
    # found whole as its margin.
    assert occurrences("净利润率", "an adjusted net profit margin of 14.0%") == [12]
    # A short word found nowhere whole: its characters in order, a few apart.
    assert occurrences("年费", "其年卡收费为168元") == [1]
    assert occurrences("年费", "年度报告与收费标准") == []
    # Written out, each character a word's first (营收: 营业收入), before a translation's head (收入).
    assert occurrences("营收", "公司营业收入385亿元，品牌收入169亿元") == [2]
    # An English phrase by its translation written a character apart (日活用户: 日活跃用户), before its
    # last word's translation alone (用户, of the monthly users too).
    assert occurrences("daily active users", "月活跃用户为5.83亿；日活跃用户为2.59亿") == [12]
    # A compound no dictionary has, its last character no part's: by that character too (招股价: 价).
    assert occurrences("招股价", "opening at $31.00, above the offering price of $28.") == [38]
    # One the lexicon lists, by its phrase.
    assert occurrences("发行价", "opening at $31.00, above the offering price of $28.") == [29]
    # A name only whole, never by its English name's last word ("China Pacific Insurance": insurance).
    assert occurrences("中国太保", "its life insurance unit grew") == []
    assert occurrences("中国太保", "china pacific insurance said") == [0]


def test_british_and_american_spellings_match_each_other():
    assert presence("licence", "a payment license") == 1.0
    assert presence("colour", "the color of the card") == 1.0
    assert presence("travelled", "she traveled far") == 1.0
    assert spellings("organise") == ("organise", "organize")
    assert spellings("four") == ("four",)
    assert spellings("filled") == ("filled",)


def test_a_word_occurs_as_the_phrases_the_lexicon_says_it_by():
    assert presence("overseas", "3,318 stores outside china at the end of september") == 1.0
    assert presence("overseas", "3,318 stores in china") == 0.0


def test_an_acronym_is_spelt_out_as_news_writes_it():
    # 美团的CEO是谁？ over "Chief executive Wang Xing said …": CC-CEDICT's 首席执行官 spells CEO out.
    assert spellings("ceo") == ("ceo", "chief executive officer", "chief executive")
    assert presence("ceo", "chief executive wang xing said") == 1.0
    assert spellings("eu") == ("eu", "european union")
    assert spellings("app") == ("app",), "no translation spells it out"
    assert presence("ceo", "the chief financial officer said") == 0.0


def test_a_character_is_judged_by_its_senses_but_never_searched_by_them():
    assert presence("卖", "the store sells gold jewelry") == 1.0
    assert presence("日", "monthly active buyers") == 0.0
    assert "sell" not in translations("卖")


def test_an_english_word_matches_its_other_forms_but_not_a_longer_word():
    assert presence("fans", "a fan base of 10,000") == 1.0
    assert presence("operates", "the store is operated by") == 1.0
    assert presence("cities", "the city of chengdu") == 1.0
    assert presence("news", "new rules") == 0.0
    assert presence("closes", "it will disclose") == 0.0
    # What was gained or earned, as a noun of its -ing form (savings: save, earnings: earned).
    assert presence("savings", "it saves on transaction fees") == 1.0
    assert presence("earnings", "it earned 4.58 billion yuan") == 1.0
    # A word ending in a consonant and y: its plural and its -ize forms (一类: category, "categorized").
    assert presence("city", "three cities") == 1.0
    assert presence("category", "it is categorized under internet payment") == 1.0
    assert presence("category", "two categories") == 1.0
    assert presence("city", "he cited it") == 0.0
    # A hyphenated word, spaced or not (同比: "year-on-year"), its parts side by side.
    assert presence("同比", "revenue rose 16% year on year") == 1.0
    assert presence("year-on-year", "up 16% year-on-year") == 1.0
    assert presence("year-on-year", "a year of growth on the year") == 0.0
    # A verb ending in -er keeps its forms (deliver: delivered, deliveries; 交付 against them).
    assert presence("交付", "li auto delivered 28,529 vehicles") == 1.0
    assert presence("deliver", "deliveries of the i8 began") == 1.0
    assert presence("register", "500 million registered users") == 1.0
    assert presence("story", "it was stored") == 0.0
    assert presence("一类", "the license is categorized under internet payment") == 1.0
    # Irregular forms, either way (say: said, fell: fall, sell: sold, pay: paid).
    assert presence("say", "temu said it takes its obligations seriously") == 1.0
    assert presence("fall", "its shares fell 3.5%") == 1.0
    assert presence("fell", "shares may fall") == 1.0
    assert presence("sell", "it sold 220,000 items") == 1.0
    assert presence("paying", "merchants paid 600 yuan") == 1.0
    assert presence("say", "the saying goes") == 1.0
    # A final consonant doubled before an ending, either way (controls: controlled, stopped: stop).
    assert presence("controls", "ifood, controlled by prosus") == 1.0
    assert presence("control", "a controlling stake") == 1.0
    assert presence("stopped", "it will stop the service") == 1.0
    assert presence("plan", "the planned listing") == 1.0
    assert presence("called", "it calls them") == 1.0
    assert presence("control", "the controls") == 1.0
    assert presence("plan", "a planet") == 0.0
    assert presence("said", "he sat down") == 0.0
    # The one who does it: "Who founded Xiaohongshu?" is answered by "Xiaohongshu's founder".
    assert presence("founded", "xiaohongshu's founder, zhai fang") == 1.0
    assert presence("founder", "it was founded in 2013") == 1.0
    assert presence("manage", "the store managers") == 1.0
    # And the one it is done to: "How many employees does XCMG have?" by "employs about 25,000 people".
    assert presence("employees", "the company employs about 25,000 people") == 1.0
    assert presence("employ", "its employees") == 1.0
    assert presence("degrees", "a degree") == 1.0
    # A role's word for a man finds the one for a woman or anyone, and the other way round.
    assert presence("chairman", "his daughter, liu chang, is chairwoman") == 1.0
    assert presence("spokeswoman", "a company spokesperson said") == 1.0
    assert presence("woman", "the chairman") == 0.0
    # The act: "Who does Douyin compete with?" is answered by "in direct competition with Meituan".
    assert presence("compete", "in direct competition with meituan") == 1.0
    assert presence("operation", "the store is operated by") == 1.0
    # An act named in -ation by the verb it comes from (估值: "valuation", said as "was valued at").
    assert presence("valuation", "it was valued at about $66 billion") == 1.0
    assert presence("investigation", "it is investigated by the commission") == 1.0
    assert presence("desegregation", "schools must desegregate") == 1.0
    assert presence("station", "it was stated") == 0.0
    assert presence("close", "closing stores") == 1.0
    assert presence("store", "a long story") == 0.0
    # A short word's -er is mostly another word.
    assert presence("use", "user engagement") == 0.0
    assert presence("former", "the company formed") == 0.0


def test_a_translation_counts_by_how_much_the_passages_use_it():
    context = "小红书关停小红卡。关停的理由是准备不够充分。开卡礼没有使用截止日期。"
    shares = sense_shares("close", context)
    assert shares["关停"] == 1.0 and shares["截止"] == 0.5
    assert presence("close", "没有使用截止日期", shares) == 0.5
    assert presence("close", "关停的理由", shares) == 1.0
    assert sense_shares("close", "小红书关停小红卡。") == {}, "one translation in use: nothing to weigh"


def test_a_date_unit_and_a_question_word_are_no_words_to_find():
    # English writes the year alone ("in 2024"); 什么时候 asks when, as "when" does.
    assert set(weighted_terms("小红书2024年的GMV什么时候公布？", lambda t: 1.0)) == {
        "小红书",
        "2024",
        "gmv",
        "公布",
    }
    # "say" asks what was said: an article reports it with 表示 or 称, not with the word.
    assert set(weighted_terms("What did Wang Chuanfu say?", lambda t: 1.0)) == {"wangchuanfu"}
    assert set(weighted_terms("王传福说了什么？", lambda t: 1.0)) == {"王传福"}
    # A modal verb or a whether asks; the reason or the fact is what a passage must hold.
    assert set(weighted_terms("小红书为什么需要支付牌照？", lambda t: 1.0)) == {"小红书", "支付", "牌照"}
    assert set(weighted_terms("小红书是否拿到了支付牌照？", lambda t: 1.0)) == {
        "小红书",
        "拿到",
        "支付",
        "牌照",
    }
    assert "must" not in weighted_terms("With what body must a technician register?", lambda t: 1.0)


def test_a_passage_holding_every_question_word_covers_it_fully():
    text = "小红卡业务将于2026年1月1日起暂停试运营。"
    assert coverage("小红卡暂停试运营", text, lambda _: 1.0) == pytest.approx(1.0)
    # Question words are no words to find: 什么时候 is "when", 2026年 is written "2026" in English.
    assert coverage("小红卡什么时候暂停试运营？", text, lambda _: 1.0) == pytest.approx(1.0)
    assert 0.5 < coverage("小红卡在北京暂停试运营？", text, lambda _: 1.0) < 1.0
    assert coverage("拼多多的利润是多少？", text, lambda _: 1.0) < 0.5
    assert coverage(
        "Why did 小红卡 close?", "小红卡业务将于2026年1月1日起关停。", lambda _: 1.0
    ) == pytest.approx(1.0)


def test_a_pinyin_name_is_looked_for_as_the_pinyin_of_the_archives_chinese_words():
    assert spoken_names("What did Wang Chuanfu say?")[0] == "wangchuanfu"
    assert spoken_names("What was Yili's net profit?") == ["yili"]
    # 伊利 has no common reading of "yi"; the archive's word is filed under its pinyin.
    assert pinyin_terms(["伊利", "股份", "王传福"])[:2] == ["yili", "wangchuanfu"]
    # Not a word that is no name.
    assert pinyin_terms(["营收", "净利润"]) == []
    # A brand jieba keeps whole with its trade (爱尔眼科: Aier, an eye hospital) is filed by itself too, and
    # rare characters jieba leaves one by one as one name (the restaurant chain Xiabuxiabu); common ones not.
    assert pinyin_terms(["爱尔眼科", "发布"]) == ["aieryanke", "aier"]
    assert pinyin_terms(["呷", "哺", "呷", "哺", "餐饮"]) == ["xiabuxiabu"]
    assert pinyin_terms(["他", "说", "了"]) == []
    # A crafted question naming hundreds is looked up for its first few names only.
    crafted = "Who met " + " and ".join(f"Wang Chuan{chr(97 + i % 26)}" for i in range(300)) + "?"
    assert len(spoken_names(crafted)) == NAMES_LOOKED_FOR


def test_with_a_closeness_a_word_no_dictionary_pairs_counts_by_its_meaning():
    # CC-CEDICT gives 调查 as "investigation" and "survey"; news writes "probe".
    text = "the eu opened a probe into temu over illegal products"
    assert presence("调查", text) == 0.0
    assert presence("调查", text, closeness=SEARCHING) > 0.0
    assert presence("调查", "temu sales rose in europe", closeness=SEARCHING) == 0.0


def test_names_figures_and_unknown_latin_words_never_match_by_meaning():
    anything = Closeness(0.0, 0.01)
    # Two apps are close in meaning, and no answer to each other.
    assert presence("douyin", "小红书关停了小红卡", closeness=anything) == 0.0
    assert presence("2024年", "sales rose in 2023", closeness=anything) == 0.0
    # A Latin word no dictionary knows is a product's name or an acronym, not a meaning.
    assert presence("zqxv", "欧盟对该平台展开调查", closeness=anything) == 0.0


def test_only_a_text_its_other_language_makes_up_a_share_of_is_compared_by_meaning():
    # A film title in a Chinese article is not what a Chinese question's words say in other words.
    chinese = "这部电影在全国上映后票房很高，观众评价也很好，导演随后宣布了续集的拍摄计划。" * 3
    assert presence("调查", chinese + " probe", closeness=Closeness(0.0, 0.01)) == 0.0
    assert presence("调查", "the eu opened a probe into temu", closeness=Closeness(0.0, 0.01)) > 0.0


def test_a_bare_stem_that_is_another_verbs_past_is_no_form_of_the_word():
    # "founded" is not found in "if found in breach" (find's past), only in its own forms.
    assert presence("founded", "if found in breach, temu could be fined") == 0.0
    assert presence("founded", "its founder, zhai fang, said") == 1.0
    assert presence("founded", "the company was founded in 2013") == 1.0
    assert presence("found", "they found it") == 1.0


def test_what_a_thing_costs_asked_last_is_the_price_asked_for_not_a_word_to_find():
    assert list(weighted_terms("How much does the Xiaomi YU7 cost?", lambda term: 1.0)) == ["xiaomi", "yu7"]
    assert "cost" in weighted_terms("Why did the cost of shipping rise?", lambda term: 1.0)


def test_three_english_words_one_chinese_word_translates_are_one_term():
    weights = weighted_terms("How many orders did Taobao Instant Commerce reach?", lambda term: 1.0)
    assert list(weights) == ["orders", "taobao instant commerce", "reach"]
    assert "chief executive officer" in weighted_terms(
        "Who is the chief executive officer?", lambda term: 1.0
    )


def test_a_word_of_two_letters_is_found_as_it_is_or_in_the_plural():
    # 美国's "US" is no "used", "AI" no "aid"; "ad" is still found as "ads".
    assert presence("美国", "a table is used 3.8 times a day") == 0.0
    assert presence("美国", "it opened stores in the us") == 1.0
    assert presence("ai", "state aid") == 0.0
    assert presence("ad", "two ads") == 1.0


def test_a_phrase_is_found_as_the_other_phrases_its_chinese_words_are_glossed_by():
    # 净利润 is "net profit" and "net income"; a single word gets no such synonyms (sales: "bar").
    assert presence("net profit", "net income attributable to shareholders rose 27%") == 1.0
    assert presence("share price", "its stock price fell") == 1.0
    assert spellings("sales") == ("sales",)


def test_an_acronym_no_dictionary_has_is_found_by_its_words_initials():
    assert presence("gmv", "gross merchandise volume rose to 75 billion yuan") == 1.0
    assert presence("arppu", "average revenue per paying user climbed to 11.9 yuan") == 1.0
    assert mentions("gmv", "gross merchandise volume rose"), "a name check reads it spelt out too"
    assert occurrences("gmv", "its gross merchandise volume") == [4]
    # The words it spells start and end on content words; a real word is no acronym.
    assert presence("tme", "the most expensive plan") == 0.0
    assert presence("gmv", "gross margin") == 0.0


def test_each_spelling_of_a_name_names_it_fully():
    # 盒马 is "Freshippo" in a headline and "Hema NB" in the text: neither is a rarer sense of it.
    assert sense_shares("盒马", "freshippo freshippo freshippo hema nb") == {}
    assert (
        presence("盒马", "discount format, hema nb", sense_shares("盒马", "freshippo freshippo hema")) == 1.0
    )


def test_a_name_of_english_words_is_mentioned_by_their_translations_run_together():
    assert mentions("tencent music", "腾讯音乐三季度付费用户突破1.25亿")
    assert not mentions("tencent music", "腾讯控股三季度营收"), "Tencent alone is another company"


def test_an_english_word_finds_the_words_derived_from_it_that_a_dictionary_translates_alike():
    assert presence("grow", "its fastest growth in three years") == 1.0
    assert presence("growth", "revenue grew 34%") == 1.0
    assert presence("invest", "a 6.27 billion yuan investment") == 1.0
    # One word beginning another is no kin of it unless both mean one thing.
    assert presence("ear", "the earth") == 0.0
    assert presence("steal", "a stealth launch") == 0.0


def test_a_chinese_words_sense_counts_by_its_last_word_only_where_that_translates_how_it_ends():
    assert occurrences("骑手", "every rider") and occurrences("净利润", "the profit rose")
    # 增速 is a "growth rate": a rate alone is no speed of growth.
    assert not occurrences("增速", "grew at triple-digit rates")


def test_how_fast_asks_for_a_rate_with_no_word_to_find():
    # Alibaba Cloud (阿里云) is one name.
    assert list(weighted_terms("How fast did Alibaba Cloud revenue grow?", lambda term: 1.0)) == [
        "alibaba cloud",
        "revenue",
        "grow",
    ]
    # 阿里 is Alibaba's short name.
    assert occurrences("阿里", "alibaba's cloud unit") == [0]


def test_a_brand_named_short_before_a_models_code_is_the_company_listed_under_its_whole_name():
    # 理想 alone is "ideal"; before a model's code it is 理想汽车 (Li Auto), listed under its whole name.
    assert brands_whole("理想i8的起售价是多少？") == "理想汽车i8的起售价是多少？"
    assert brands_whole("理想 L9多少钱？") == "理想汽车 L9多少钱？"
    assert brands_whole("理想的生活是什么？") == "理想的生活是什么？"
    assert brands_whole("小米SU7多少钱？") == "小米SU7多少钱？"


def test_a_word_counts_by_a_word_of_its_own_language_that_says_the_same():
    assert synonymous("种类", "估计有 16,000 个品种的树", SYNONYMS) > 0.5
    assert synonymous("外卖", "抖音团购的餐饮佣金", SYNONYMS) == 0.0
    # Names have no meaning to compare.
    assert synonymous("抖音", "快手团购的佣金", SYNONYMS) == 0.0


def test_a_chinese_compound_counts_by_its_parts_written_together():
    # 服务收入: "services" and "revenue" in one phrase; not in two clauses apart.
    assert presence("服务收入", "revenue from learning services was 659.2 million yuan") == 1.0
    assert presence("服务收入", "net revenues rose 3.6% to 1.63 billion yuan") == 0.5
    apart = "youdao, the online education and ai services company majority-owned by netease, reported a net income"
    assert presence("服务收入", apart) == 0.5
    assert presence("净利润率", "net profit margin was 3%") == 1.0
    assert presence("净利润率", "net profit rose 5%") == 0.75


def test_a_name_in_pinyin_ends_before_the_english_word_for_its_kind_of_company():
    assert spoken_names("How much gold did Zijin Mining produce?")[:1] == ["zijin"]
    assert weighted_terms("How much gold did Zijin Mining produce?", lambda t: 1.0).keys() >= {
        "zijin",
        "mining",
    }
    # A name all in pinyin stays whole.
    assert spoken_names("Who is Lei Jun?") == ["leijun"]


def test_an_english_verb_is_translated_as_its_participle_the_lexicon_lists():
    # The lexicon has 上市 as "listed"; "When did Muyuan list?" asks the same.
    assert "上市" in translations("list")


def test_a_verb_finds_the_noun_of_its_act_that_no_spelling_rule_derives_but_not_the_other_way():
    assert presence("lose", "it posted a net loss of 66.9 million yuan") == 1.0
    assert presence("lost", "losses narrowed") == 1.0
    assert presence("fly", "international flights") == 1.0
    # Sales are revenue: not whatever a company sells, nor what it sells.
    assert presence("sales", "Chagee sells freshly brewed tea") == 0.0
    assert presence("sell", "over 220,000 sales") == 0.0


def test_a_word_ending_in_a_double_s_finds_its_plural():
    assert presence("loss", "losses narrowed") == 1.0
    assert presence("boss", "the bosses said") == 1.0


def test_an_irregular_form_the_root_begins_is_found_too():
    assert presence("rise", "shares have risen about 12% this year") == 1.0
    assert presence("grow", "the business has grown") == 1.0
    assert presence("fall", "prices had fallen") == 1.0
    assert presence("apply", "it is applying for a licence") == 1.0


def test_a_compound_of_a_name_and_a_character_is_found_where_the_name_comes_with_its_sense():
    text = "revenue from tianyi cloud, the company's cloud computing unit, grew 3.8%. jd cloud grew."
    assert occurrences("天翼云", text) == [text.index("tianyi")]
    assert occurrences("京东云", text) == [text.index("jd cloud")]


def test_english_words_one_chinese_word_translates_together_are_a_phrase_to_search_for():
    assert phrase_words("What is Changan's market value?") == ["market value"]
    assert "市值" in translations("market value")
    assert phrase_words("How much did its revenue grow?") == []
    # Words a hyphen joins stand side by side: a name of several words is one.
    assert phrase_words("What was SF Intra-City's revenue?") == ["sf intra city"]


def test_a_chinese_name_is_mentioned_by_its_words_translated_one_by_one():
    text = 'under its "red pomegranate plan", launched in 2024 to incubate new brands'
    assert mentions("红石榴", text)
    assert not mentions("红石榴", "a red apple and a pomegranate")


def test_nouns_for_one_kind_of_thing_are_akin_through_their_translations():
    assert akin("房子", "homes")
    assert akin("车", "vehicles")
    assert akin("cars", "vehicles")
    assert not akin("房子", "stores")
    assert not akin("用户", "merchants")
    assert not akin("车", "homes")
