from rag.aliases import (
    about_names,
    aliased,
    declared,
    declared_in,
    headline_names,
    lead_names,
    names_itself,
    opening_names,
)
from rag.types import Declared

EAST_BUY = [
    "East Buy revenue slumps by a third",
    "HONG KONG, Aug 20 (Reuters) - East Buy, the livestreaming e-commerce firm known in Chinese as 东方甄选, "
    "said on Wednesday its revenue fell 32.9%.",
    "Gross merchandise volume was 8.7 billion yuan.",
]
JT = [
    "极兔速递2024年首次实现全年盈利",
    "极兔速递（J&T Express）3月4日晚发布2024年业绩公告。",
    "极兔由李杰于2015年在印度尼西亚创立。",
    "极兔东南亚市场份额达27.4%。",
]


def test_an_article_declares_a_name_in_brackets_or_as_what_it_is_known_as():
    assert declared(EAST_BUY) == [("东方甄选", "East Buy")]
    assert declared(JT) == [("极兔速递", "J&T Express")]
    assert declared(["x", "Leapmotor International (零跑国际) sells the cars."]) == [
        ("零跑国际", "Leapmotor International")
    ]
    # The name before brackets is the end of its run of characters the article writes again.
    assert declared(["极兔速递业绩", "公司旗下品牌极兔速递（J&T Express）发布业绩。"]) == [
        ("极兔速递", "J&T Express")
    ]
    # A term spelt out is no name.
    assert declared(["x", "商品交易总额（GMV）增长了10%。"]) == []


def test_a_question_names_a_thing_as_the_article_declaring_it_writes():
    assert aliased("东方甄选的GMV是多少？", [EAST_BUY]) == "East Buy的GMV是多少？"
    # Set apart from Latin letters, and written as the article mostly writes it (极兔 of 极兔速递).
    assert (
        aliased("自营产品占东方甄选GMV的比例是多少？", [EAST_BUY]) == "自营产品占East Buy GMV的比例是多少？"
    )
    assert aliased("Who founded J&T Express?", [JT]) == "Who founded 极兔?"
    # Not in the article's own script, nor a piece of a longer word.
    assert aliased("Who founded East Buy?", [EAST_BUY]) == "Who founded East Buy?"
    assert aliased("极兔速递的创始人是谁？", [JT]) == "极兔速递的创始人是谁？"
    assert aliased("Who founded J&T Expressway?", [JT]) == "Who founded J&T Expressway?"
    # As its title writes it, which says it of every sentence.
    horizon = [
        "地平线机器人上半年营收增长68%",
        "Horizon Robotics (地平线), the Beijing-based chip maker, grew.",
    ]
    assert aliased("地平线的CEO是谁？", [horizon]) == "地平线的CEO是谁？"
    assert aliased("Who founded Horizon Robotics?", [horizon]) == "Who founded 地平线?"
    # Nor as a name the article writes only where it declares it.
    ke = ["KE Holdings' profit falls", "KE Holdings Inc., which runs Beike (贝壳), said profit fell."]
    assert aliased("贝壳的创始人是谁？", [ke]) == "贝壳的创始人是谁？"
    # The first article declaring a name the question writes decides.
    assert aliased("东方甄选的GMV是多少？", [JT, EAST_BUY]) == "East Buy的GMV是多少？"


def test_the_names_a_question_writes_that_an_article_declares_are_found_by_article():
    horizon = ["地平线机器人营收增长", "Horizon Robotics (地平线) said revenue rose 67.6%."]
    found = declared_in("地平线在哪里上市？", {"horizon": horizon, "jt": JT}, {})
    assert found == Declared({"horizon": ("地平线",)})
    assert found.every == ("地平线",)
    assert declared_in("小红书的营收是多少？", {"horizon": horizon}, {}).every == ()


def test_a_name_a_question_opens_on_is_named_by_a_headline_opening_on_it():
    headlines = {"lenovo": "联想集团上半年营收增长20%", "xiaomi": "小米集团三季度营收创新高"}
    # 联想 ("associate") is no name to a dictionary; a headline opening on it makes it one.
    spellings = opening_names("联想第三季度营收是多少？")["联想"]
    assert spellings[:3] == ("联想", "lian xiang", "lianxiang") and "lenovo" in spellings
    assert headline_names("联想第三季度营收是多少？", headlines) == {"lenovo": ["联想"]}
    # Translated, also without the kind of company it is: 联想集团 opens an English headline as Lenovo.
    english = {"reuters": "Lenovo quarterly profit jumps 30% on AI PC demand"}
    assert headline_names("联想集团第二财季净利润是多少？", english) == {"reuters": ["联想集团"]}
    # With a name after it (百胜 + 中国), whole; not with a common word (联想第三 of 联想第三季度).
    yum = {"scmp": "百胜中国第三季度同店销售增长"}
    assert headline_names("百胜中国营收是多少？", yum) == {"scmp": ["百胜中国"]}
    # The longest name any headline opens on: 中国 alone would be named by any passage on China.
    china = {"21": "中国中免上半年营收下滑10%", "reuters": "China's Guming jumps 41% in Hong Kong debut"}
    assert headline_names("中国中免第二季度净利润是多少？", china) == {"21": ["中国中免"]}
    # With a common word after it, translated word by word and capitalised as a name: "JD Health's"
    # names 京东健康 (health is no word asked about); "Lenovo third-quarter" no 联想第三季度.
    jd = {"r": "JD Health's first-half profit jumps 35%", "j": "JD.com's food delivery orders top 20 million"}
    assert headline_names("京东健康什么时候上市？", jd) == {"r": ["京东健康"]}
    # A name translated as the one CC-CEDICT lists that it begins (中国移动通信: China Mobile).
    mobile = {"r": "China Mobile's nine-month profit edges up", "g": "China's Guming jumps 41% in debut"}
    assert headline_names("中国移动前三季度净利润是多少？", mobile) == {"r": ["中国移动"]}
    quarter = {"r": "Lenovo third-quarter profit rises 25%"}
    assert headline_names("联想第三季度营收是多少？", quarter) == {"r": ["联想"]}
    # An English question's name in pinyin opens a Chinese headline whose characters read so.
    yili = {"jiemian": "伊利股份前三季度净利润下滑 液态奶收入承压"}
    assert headline_names("What was Yili's net profit in the first three quarters?", yili) == {
        "jiemian": ["yili"]
    }
    # Characters the tokenizer cut one by one at the start are one name (美 + 图).
    assert headline_names("美图第二季度营收是多少？", {"36kr": "美图公司上半年净利润增长七成"}) == {
        "36kr": ["美图"]
    }
    # An English question's Latin name opens a headline by its translation.
    assert headline_names("What was Lenovo's revenue?", headlines) == {"lenovo": ["lenovo"]}
    # In pinyin, syllables apart or not, as whole words.
    pinyin = {"pa": "Ping An operating profit rises", "ca": "Changan sales jump", "x": "Ping Anderson wins"}
    assert headline_names("平安的净利润是多少？", pinyin) == {"pa": ["平安"]}
    assert headline_names("长安的销量是多少？", pinyin) == {"ca": ["长安"]}
    # An English question's names in capitals, each whole: WeChat Pay is not what 微信小游戏 is about.
    assert headline_names("How much did WeChat Pay grow?", {"w": "微信小游戏去年收入超300亿元"}) == {}
    assert headline_names("What is Midea's margin?", {"m": "美的集团上半年净利润增长25%"}) == {"m": ["midea"]}
    # Only a word the question opens on, whole.
    assert headline_names("第三季度联想营收是多少？", headlines) == {}
    assert declared_in("联想的营收是多少？", {}, headlines).every == ("联想",)


def test_a_name_a_question_opens_on_is_named_by_an_english_first_sentence_opening_on_it_in_pinyin():
    youdao = [
        "网易有道第三季度首次实现经营盈利",
        "Youdao, the online education company majority-owned by NetEase, reported a net income.",
    ]
    iqiyi = [
        "iQiyi swings to quarterly loss",
        "BEIJING, Nov 20 (Reuters) - iQiyi, China's Netflix-style platform, reported a loss.",
    ]
    meitu = ["美图公司上半年净利润增长七成", "Meitu said paying subscribers reached 15.4 million."]
    # 有道 is "wise" to CC-CEDICT; the story opening on Youdao is about it.
    assert lead_names("有道有多少付费用户？", {"y": youdao, "m": meitu}) == {"y": ["有道"]}
    assert declared_in("有道有多少付费用户？", {"y": youdao, "m": meitu}, {}).every == ("有道",)
    # After the dateline; not for an English question, nor a name the sentence does not open on.
    assert lead_names("What was Youdao's revenue?", {"y": youdao}) == {}
    assert lead_names("美团的营收是多少？", {"y": youdao, "i": iqiyi}) == {}


def test_articles_about_a_longer_name_opening_on_the_one_asked_of_are_told_from_those_about_it():
    jd = [
        "JD.com's quarterly profit halves",
        "BEIJING, Nov 13 (Reuters) - JD.com reported a 55% drop in net income.",
    ]
    logistics = [
        "京东物流第三季度收入增长24%",
        "BEIJING, Nov 13 (Reuters) - JD Logistics, the delivery arm of e-commerce giant JD.com, said revenue rose.",
    ]
    health = [
        "JD Health's first-half profit jumps 35%",
        "JD Health International, the online pharmacy unit of JD.com, said first-half profit rose.",
    ]
    boe = ["京东方第三季度利润增长", "BOE Technology Group said net profit rose."]
    articles = {"jd": jd, "l": logistics, "h": health, "b": boe}
    assert about_names("京东第三季度营收是多少？", articles) == ({"jd"}, {"l", "h", "b"})
    assert about_names("What was JD.com's revenue?", {"jd": jd, "l": logistics}) == ({"jd"}, {"l"})
    # None is about a longer name where none is about the name itself.
    assert about_names("京东第三季度营收是多少？", {"l": logistics, "h": health}) == (set(), set())
    # Nor where the question says what the longer name adds, or opens on a longer name itself.
    assert about_names("京东健康的营收是多少？", articles)[1] == {"l", "b"}
    assert about_names("京东物流的营收是多少？", articles)[1] == set()
    music = [
        "网易云音乐2024年净利润大增",
        "NetEase Cloud Music, the streaming service controlled by NetEase, reported a profit.",
    ]
    netease = ["NetEase's quarterly revenue rises", "NetEase reported revenue of 28 billion yuan."]
    assert about_names("网易云音乐的首席执行官是谁？", {"m": music, "n": netease})[1] == set()
    assert about_names("网易的首席执行官是谁？", {"m": music, "n": netease}) == ({"n"}, {"m"})
    # A trade after the name makes another only where the article writes the name without it too.
    geely = ["吉利汽车前三季度销量增长46%", "10月9日，吉利汽车公布前三季度销量数据。"]
    zeekr = ["极氪私有化落地", "Geely Automobile Holdings said on Monday it had completed the deal."]
    assert about_names("吉利前三季度销量增长了多少？", {"g": geely, "z": zeekr}) == ({"g", "z"}, set())
    # The kind of company is part of its name; an article opening on the name as well is about it.
    midea = ["美的集团上半年净利润增长25%", "Midea Group said net profit rose."]
    assert about_names("美的的营收是多少？", {"m": midea})[0] == {"m"}
    # A page's headline repeated above the story is not its first sentence.
    cloud = [
        "Alibaba Cloud revenue growth speeds up",
        "Alibaba Cloud revenue growth speeds up\nAlibaba's Cloud Intelligence Group reported revenue.",
    ]
    east_buy = [
        "东方甄选上半财年营收下降",
        "East Buy Holding, the livestream e-commerce company, said revenue fell.",
    ]
    assert about_names("Who is Alibaba's chief executive?", {"c": cloud}) == ({"c"}, set())
    assert about_names("Why did East Buy's revenue fall?", {"e": east_buy}) == ({"e"}, set())
    # A name going on without the text telling it from the name itself is the company's full name.
    tme = ["Tencent Music's profit jumps", "Tencent Music Entertainment Group reported a 36% jump in profit."]
    assert about_names("腾讯音乐的ARPPU是多少？", {"t": tme}) == ({"t"}, set())
    qwen = [
        "阿里千问App公测一周下载量破千万",
        "Alibaba said its Qwen app had been downloaded 10 million times.",
    ]
    assert about_names("Who is Alibaba's chief executive?", {"q": qwen}) == ({"q"}, set())


def test_a_sentence_names_the_name_asked_of_other_than_to_open_a_longer_one():
    assert names_itself(
        "京东有多少名员工？", "JD Logistics, the delivery arm of e-commerce giant JD.com, said"
    )
    assert not names_itself("京东有多少名员工？", "The company had about 570,000 frontline staff.")
    assert not names_itself("京东有多少名员工？", "JD Logistics said it had 570,000 frontline staff.")
    assert names_itself(
        "Who is Alibaba's chief executive?", "Chief executive Eddie Wu said Alibaba had spent"
    )


def test_a_full_name_with_its_other_spelling_in_brackets_is_the_name_itself():
    english = [
        "Chow Tai Fook profit edges up",
        "Chow Tai Fook Jewellery Group (周大福), the world's largest jewellery retailer, said profit rose.",
    ]
    chinese = ["周大福半年净利润增长0.1%", "周大福珠宝集团公布业绩。"]
    assert about_names("What was Chow Tai Fook's revenue?", {"e": english, "c": chinese}) == (
        {"e", "c"},
        set(),
    )
