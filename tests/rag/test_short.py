import pytest

from rag.short import (
    anothers,
    answer_span,
    dotted_names,
    fact_for_estimate,
    figures,
    measured,
    numberless,
    of_what_asked,
    rate_for_sum,
    states,
    unforeseen,
    unmodelled,
    unnarrowed,
    unparted,
    unplanned,
    unposted,
    untimely,
    wanted,
    whole_name,
)
from rag.types import Declared


def _idf(term: str) -> float:
    return 1.0


def _short(question: str, text: str) -> str | None:
    """The short answer `answer_span` finds in `text`, as text."""
    span = answer_span(question, text, _idf)
    return text[span.start : span.end] if span else None


def test_what_a_how_many_question_counts_picks_its_figure_among_others_in_the_sentence():
    text = "用户方面，截至9月底，微博月活跃用户为5.83亿，同比净增约300万；日活跃用户为2.59亿。"
    assert _short("How many daily active users does Weibo have?", text) == "2.59亿"
    # A figure its clause says is of another measure answers nothing (daily users for monthly ones).
    assert _short("B站的月活跃用户有多少？", "Daily active users reached 109 million.") is None
    assert _short("阿里巴巴的净利润是多少？", "经营利润为351亿元，同比下降3%。") is None


def test_a_figure_ending_its_sentence_or_clause_is_a_figure():
    text = "Shares closed at $32.45, 15.9% above the offering price of $28."
    assert _short("What was Chagee's offering price?", text) == "$28"
    assert _short("How many teahouses did Chagee have?", "Chagee's teahouses numbered 6,440.") == "6,440"


def test_a_number_said_of_a_sum_by_name_is_money_not_a_count():
    gmv = "Kuaishou's e-commerce GMV (Gross Merchandise Volume) grew by 15.4% in Q1, reaching 332.3 billion."
    assert _short("快手自营旗舰店卖出了多少件商品？", gmv) is None
    assert _short("What was Kuaishou's GMV in Q1?", gmv) == "332.3 billion"
    # Not when a clause of its own names another thing, nor when a thing counted follows the number.
    assert (
        _short("How many orders were there?", "GMV rose 10%, while orders reached 2 billion.") == "2 billion"
    )
    assert _short("有多少用户？", "平台营收的来源覆盖3亿用户。") == "3亿"


def test_quarters_and_digits_after_a_number_make_it_no_count():
    text = "阿里云当季收入同比增长26%，其中AI相关产品收入连续八个季度实现三位数增长。"
    assert _short("阿里云有多少客户？", text) is None


def test_how_many_question_is_answered_by_a_count_not_by_money():
    text = "The chain raised prices by 1 yuan across its stores. It now runs 40,000 stores in China."
    assert _short("How many stores does the chain run?", text) == "40,000 stores"
    assert _short("How much did the chain raise prices by?", text) == "1 yuan"
    # A closing 多少 after people counts them: no price answers 门店的员工有多少？
    staff = "每家门店的加盟费为 5 万元，门店共有员工 12 名。"
    assert _short("门店的员工有多少？", staff) == "12 名"
    # Any currency in use: a sum in reais or rupees is money, no count of couriers or staff.
    didi = "DiDi will spend 1 billion reais to relaunch its app. Couriers will be offered a minimum income."
    assert _short("How much will DiDi spend?", didi) == "1 billion reais"
    assert _short("How many couriers does it have?", didi) is None
    india = "The unit will invest 500 million rupees in India, hiring 3,000 staff."
    assert _short("How many staff will it hire?", india) == "3,000 staff"
    assert _short("注册资本是多少？", "该银行成立时的注册资本为30亿越南盾。") == "30亿越南盾"


def test_the_short_answer_is_the_figure_the_question_asks_for():
    text = (
        "The company reported Q1 revenue of 32.61 billion yuan, a 10.9% year-on-year increase, "
        "with an adjusted net profit margin of 14.0%. GMV grew 15.4%, reaching 332.3 billion, "
        "with monthly active buyers increasing to 135 million."
    )

    def figure(question: str) -> str | None:
        return _short(question, text)

    assert figure("快手的净利润率是多少？") == "14.0%"
    # A rate that changes is answered by a change, said before its figure or after it.
    assert figure("How fast did GMV grow?") == "15.4%"
    assert figure("快手一季度营收增速是多少？") == "10.9%"
    assert figure("快手一季度营收同比增长了多少？") == "10.9%"
    assert figure("快手一季度营收是多少？") == "32.61 billion yuan"
    assert figure("How many monthly active buyers does it have?") == "135 million"
    assert figure("How many stores did it open?") is None
    # A scale keeps its currency.
    for question, sentence, short in (
        ("GMV是多少？", "a projected GMV of over 400 billion RMB in 2024", "400 billion RMB"),
        ("营收是多少？", "营收达到3亿元的水平", "3亿元"),
        # Stacked scales are one (万亿: trillion), and traditional characters read as simplified.
        ("GMV是多少？", "GMV接近2万亿元，其中货架场景占四成", "2万亿元"),
        ("上半年收入是多少？", "今年上半年收入約480億美元，按年增長約25%", "480億美元"),
    ):
        span = answer_span(question, sentence, _idf)
        assert span and sentence[span[0] : span[1]] == short


def test_a_share_or_a_margin_is_not_answered_by_a_change_in_percent():
    text = (
        "It expects advertising revenue to rise by about 40% this year. "
        "Advertising accounts for roughly 80% of the company's revenue."
    )
    assert _short("What share of the company's revenue comes from advertising?", text) == "80%"
    assert _short("广告占收入的比例是多少？", text) == "80%"
    assert _short("How fast will advertising revenue grow?", text) == "40%"
    growth = "上半年营收138.8亿元，同比增长204.4%。"
    assert _short("毛利率是多少？", growth) is None
    assert _short("营收同比增长了多少？", growth) == "204.4%"
    assert _short("毛利率是多少？", growth + "毛利率提升至70.3%。") == "70.3%"


def test_what_a_change_said_as_a_noun_came_as_is_why_it_did():
    text = (
        "Weichai Power posted a 12.6% rise in third-quarter net profit on Thursday as a government trade-in "
        "scheme for old trucks lifted demand."
    )
    assert (
        _short("Why did Weichai's profit rise?", text)
        == "a government trade-in scheme for old trucks lifted demand"
    )


def test_what_a_change_said_as_a_noun_came_as_is_why_it_did_whatever_follows_as():
    text = (
        "MTR Corp reported a 23% fall in first-half profit on Thursday as gains from developing flats above "
        "its stations shrank, even though more passengers rode its trains."
    )
    assert (
        _short("Why did MTR's profit fall?", text) == "gains from developing flats above its stations shrank"
    )
    assert _short("Why did sales rise?", "Sales posted a 5% rise as expected.") is None


def test_what_a_figure_fell_or_rose_after_is_why_it_did():
    income = (
        "The carmaker's net income fell 30% to 6.4 billion yuan in the second quarter, the first decline in "
        "three years, after it cut prices on 22 models by as much as 34% in May."
    )
    assert (
        _short("Why did BYD's profit fall?", income)
        == "after it cut prices on 22 models by as much as 34% in May"
    )
    # So is what a company or a product was put out after.
    delisted = (
        "Chief executive Guo Jinyi said the US was a key market. Luckin was delisted from Nasdaq in 2020 "
        "after a fabricated-sales scandal."
    )
    assert _short("瑞幸为什么退市？", delisted) == "after a fabricated-sales scandal"
    # A Chinese cause said by what it drove (受…推动), however long, late in its sentence.
    gain = (
        "10月28日晚，药明康德发布三季度报告。前三季度公司实现营业收入328.6亿元，同比增长18.6%；"
        "归属于上市公司股东的净利润为120.8亿元，同比增长84.8%，主要受出售部分子公司股权带来的投资收益推动。"
    )
    assert _short("药明康德净利润为什么大幅增长？", gain) == "主要受出售部分子公司股权带来的投资收益推动"


def test_the_lower_end_of_a_range_counts_what_its_upper_end_counts():
    deliveries = "公司预计第三季度交付量为9万至9.5万辆，低于市场预期。"
    assert _short("理想汽车三季度营收是多少？", deliveries) is None
    assert _short("理想汽车三季度预计交付多少辆？", deliveries) == "9万至9.5万辆"


def test_a_sum_asked_as_an_amount_is_answered_in_a_currency_before_a_count():
    cloud = "阿里云收入连续八个季度增长，当季收入为334亿元。"
    assert _short("What was Alibaba Cloud's revenue?", cloud) == "334亿元"
    assert _short("阿里云收入是多少？", cloud) == "334亿元"
    # Without a currency, an amount still answers ("GMV of 332.3 billion").
    assert _short("What was the GMV?", "GMV reached 332.3 billion, up 15.4%.") == "332.3 billion"


def test_a_figure_of_another_companys_thing_answers_no_question_about_this_ones():
    luckin = "Luckin's total net revenue in the first quarter rose 41.2% to 8.87 billion yuan."
    assert anothers("What was Cotti's revenue in the first quarter?", [luckin])
    assert not anothers("What was Luckin's revenue in the first quarter?", [luckin])
    # A mention whose owner is not said may be the one asked for; a common noun owns nothing.
    assert not anothers("What was Cotti's revenue?", [luckin, "Cotti said revenue rose 10%."])
    assert not anothers("What was Cotti's revenue?", ["The company's revenue rose 10%."])
    # An owner of several words is owned by a word of its name too.
    cloud = "Alibaba's cloud unit reported revenue of 33.4 billion yuan."
    assert not anothers("What was Alibaba Cloud's revenue in the second quarter?", [cloud])
    assert anothers("What was Tencent Music's revenue?", [cloud])


def test_a_rate_stands_in_for_a_sum_only_as_a_last_resort():
    # The answerer prefers another quote's sum to a rate standing in for it (rag.answer._figure).
    assert rate_for_sum("阿里巴巴本季度经营利润是多少？", "21%")
    assert not rate_for_sum("阿里巴巴本季度经营利润是多少？", "351亿元")
    assert not rate_for_sum("营收增长了多少？", "21%"), "a change is a rate"


def test_a_figure_measures_the_thing_as_the_question_modifies_it():
    tencent = (
        "Total revenue of Tencent rose 8% to 660.3 billion yuan in 2024, while marketing services revenue, "
        "which includes advertising on Channels, climbed 20% to 121.4 billion yuan."
    )
    assert _short("腾讯营销服务收入是多少？", tencent) == "121.4 billion yuan"
    assert _short("What was the marketing services revenue?", tencent) == "121.4 billion yuan"
    # Whose revenue it is (Tencent's) modifies nothing; the plain or total revenue is the first.
    assert _short("腾讯的收入是多少？", tencent) == "660.3 billion yuan"
    assert _short("What was Tencent's total revenue?", tencent) == "660.3 billion yuan"
    assert _short("公司海外收入是多少？", "公司总收入为350亿元，其中海外收入为50亿元，增长30%。") == "50亿元"


def test_a_change_is_the_figure_after_its_verb_or_a_multiple_and_no_share_beside_it():
    results = "上半年实现营收138.8亿元，同比增长204.4%。其中，该系列收入48.1亿元，占总营收的34.7%。"
    assert _short("上半年营收增长了多少？", results) == "204.4%"
    gmv = "GMV on Channels more than doubled in 2024. Total revenue rose 8% to 660.3 billion yuan."
    assert _short("视频号电商的GMV增长了多少？", gmv) == "doubled"
    fold = (
        "Cambricon said revenue for the first three quarters jumped more than 23-fold to 4.61 billion yuan."
    )
    assert _short("How much did Cambricon's revenue grow?", fold) == "23-fold"
    assert _short("视频号电商的GMV增长了多少？", "视频号电商GMV翻倍。") == "翻倍"
    # A multiple is no amount, nor is an ordinal (第二款车型) a count.
    assert _short("视频号的GMV是多少？", "视频号电商GMV翻倍。") is None
    assert _short("小米发布了多少款车型？", "小米发布了旗下第二款车型。") is None


def test_a_unit_of_time_beginning_a_word_does_not_ask_how_long():
    text = "The company has about 92 million monthly active users in the EU, well above the 45 million threshold."
    assert _short("Temu在欧盟有多少月活跃用户？", text) == "92 million"


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
    assert _short("How many sales did the store make?", text) == "35 million sales"
    assert _short("How many staff did the store have in 2025?", "The store had no staff in 2025.") is None


def test_a_figure_keeps_the_measure_word_said_right_after_its_number():
    capacity = "为提升产能,小米位于北京亦庄的汽车工厂二期已于6月投产,年产能将达到30万辆。"
    assert _short("What is the annual capacity of Xiaomi's car factory?", capacity) == "30万辆"
    assert _short("小米汽车工厂什么时候投产？", capacity) == "6月"


def test_a_figure_keeps_the_unit_said_after_its_scale():
    beer = "前三季度公司共实现产品销量683.6万千升，同比增长1.4%。"
    assert _short("青岛啤酒前三季度销量是多少？", beer) == "683.6万千升"


def test_a_count_said_of_another_period_in_its_own_clause_is_not_the_one_asked():
    # The quarter's deliveries name no vehicles: they are a part of the nine months' count.
    delivered = (
        "The company delivered 303,400 new energy vehicles in the first nine months, "
        "including 124,000 in the third quarter."
    )
    assert _short("How many vehicles did Seres deliver in the third quarter?", delivered) == "124,000"
    assert _short("赛力斯前三季度交付了多少辆车？", delivered) == "303,400 new energy vehicles"
    # New energy vehicles are a kind of car, not cars added.
    assert _short("How many vehicles did Seres deliver?", delivered) == "303,400 new energy vehicles"


def test_a_part_of_a_figure_answers_only_a_question_saying_which_part():
    copper = (
        "产量方面，前三季度公司铜产量为54.3万吨，同比增长14.1%；钴产量为8.7万吨，同比增长6.2%。"
        "其中刚果（金）TFM混合矿贡献铜产量约41万吨。"
    )
    assert _short("洛阳钼业铜产量是多少？", copper) == "54.3万吨"
    assert _short("TFM混合矿的铜产量是多少？", copper) == "41万吨"
    beer = (
        "前三季度公司共实现产品销量683.6万千升，同比增长1.4%。其中主品牌青岛啤酒销量为398.1万千升，"
        "同比增长3.8%；中高端以上产品销量达到318.9万千升，同比增长5.2%。"
    )
    assert _short("青岛啤酒中高端产品销量是多少？", beer) == "318.9万千升"
    assert _short("青岛啤酒主品牌销量是多少？", beer) == "398.1万千升"


def test_a_models_digits_are_no_count():
    fleet = "It operated a fleet of 812 aircraft, including 10 domestically built C919 jets."
    assert _short("How many C919 jets does China Eastern operate?", fleet) != "919"
    assert _short("How many aircraft does China Eastern have?", fleet) == "812 aircraft"


def test_people_are_not_counted_by_a_measure_word_or_a_unit_for_things():
    breweries = "截至9月末，公司在全国拥有59家啤酒生产企业，全年产量398.1万千升。"
    assert _short("青岛啤酒有多少员工？", breweries) is None
    assert numberless("青岛啤酒有多少员工？", [breweries])
    # Nor are things counted by a count of people, in either language's question.
    staff = "截至9月末，公司员工总数约为6.8万人。"
    assert numberless("How many smartphones did ZTE sell?", [staff])
    assert not numberless("How many employees does ZTE have?", [staff])


def test_things_added_or_taken_away_do_not_count_how_many_there_are():
    plan = "公司首席执行官表示，第四季度公司将加大在下沉市场的布局，计划新增覆盖城市50个。"
    assert numberless("How many cities does SF Intra-City cover?", [plan])
    assert not numberless("顺丰同城计划新增多少个城市？", [plan])
    assert numberless("瑞幸有多少家门店？", ["公司本季度关闭门店120家。"])
    # Things gained or hired are added.
    gained = "The app added more than 3 million users in the United States in two days in January."
    assert not numberless("How many US users did RedNote gain in January?", [gained])
    hired = "Jane Sun said the company plans to hire 1,000 more staff for its overseas call centers."
    assert not numberless("携程计划为海外客服中心招聘多少人？", [hired])


def test_things_counted_by_the_unit_are_a_count():
    sold = (
        "The automaker sold 1.11 million vehicles in the quarter, down 1.8%, while overseas sales more than "
        "doubled to 232,000 units."
    )
    assert _short("比亚迪第三季度海外销量是多少？", sold) == "232,000 units"
    assert _short("比亚迪第三季度销量是多少？", sold) == "1.11 million"


def test_what_is_invested_is_a_sum_of_money():
    assert wanted("阿里巴巴计划在AI上投入多少？").kind == "money"
    assert _short("阿里巴巴计划投入多少？", "未来12个月，阿里将投入500亿元补贴消费者。") == "500亿元"


def test_a_question_asking_which_year_states_no_year():
    assert not states("青岛啤酒是哪一年成立的？", "1903年")
    assert states("青岛啤酒1903年成立的吗？", "1903年")
    founded = "10月28日晚，青岛啤酒发布2025年第三季度报告。青岛啤酒成立于1903年，总部位于山东青岛。"
    assert _short("青岛啤酒是哪一年成立的？", founded) == "1903年"


def test_the_name_of_what_the_question_is_about_points_at_no_figure_in_particular():
    margins = "毛利率方面，二季度理想汽车整体毛利率为20.1%，车辆毛利率为19.4%。"
    rare = {"li": 4.0, "auto": 4.0}
    span = answer_span("What was Li Auto's vehicle margin?", margins, lambda term: rare.get(term, 2.0))
    assert span and margins[span.start : span.end] == "19.4%"


def test_a_founder_named_after_the_post_answers_who_founded_it():
    # "Founder" opens the sentence before the name; the question's "founded" does not say Zhang Yong.
    text = "Founder Zhang Yong stepped down as chief executive in 2022."
    assert whole_name(text, 8, 18) == (8, 18)
    assert whole_name("Tencent Music Entertainment said", 8, 27) == (0, 27)


def test_a_rate_asked_as_a_level_is_not_a_change_whatever_its_verb():
    # 翻台率 is said in times a day; "slipped 3.7%" is how revenue changed, no level.
    assert numberless("海底捞的翻台率是多少？", ["Revenue slipped 3.7% to 20.7 billion yuan."])
    assert numberless("蒙牛的毛利率是多少？", ["Its gross margin narrowed 0.8% from a year earlier."])
    assert not numberless("蒙牛的毛利率是多少？", ["The gross margin improved to 41.5% from 40.7%."])


def test_an_estimate_is_said_before_its_figure_or_after_it_in_its_clause():
    text = (
        "Net income rose to $512 million in the July-September quarter, beating the $470 million average "
        "of analysts' estimates."
    )
    asked = "分析师预期联想净利润是多少？"
    assert fact_for_estimate(asked, text, text.index("$512")) and not fact_for_estimate(
        asked, text, text.index("$470")
    )
    assert _short(asked, text) == "$470 million"


def test_a_word_of_a_name_an_article_declares_points_at_no_date_in_particular():
    # 健康 is rarer than 上市, but of the name JD Health (京东健康), which the headline declares.
    text = "JD Health shares rose 6.1% in Hong Kong on Thursday. The company was listed in December 2020."
    rare = {"健康": 6.0, "京东": 4.0, "上市": 1.2}
    span = answer_span("京东健康什么时候上市？", text, lambda term: rare.get(term, 3.0), ("京东健康",))
    assert span and text[span.start : span.end] == "December 2020"


@pytest.mark.parametrize(
    "question", ["What was NetEase's net profit in the second quarter?", "网易二季度净利润是多少？"]
)
def test_a_figure_restated_in_brackets_in_another_currency_is_not_the_short_answer(question: str):
    text = (
        "Net income attributable to shareholders rose 27% from a year earlier to 8.6 billion yuan "
        "($1.20 billion) in the three months ended June 30."
    )
    span = answer_span(question, text, _idf)
    assert span and text[span.start : span.end] == "8.6 billion yuan"


def test_the_quarter_asked_points_at_the_figure_of_the_months_that_make_it_up():
    text = (
        "Total revenue for the three months ended September 30 rose 20.6% to 8.46 billion yuan. "
        "Revenue from online music services grew 27.2% to 6.97 billion yuan."
    )
    span = answer_span("腾讯音乐三季度总收入是多少？", text, _idf)
    assert span and text[span.start : span.end] == "8.46 billion yuan"


def test_a_figure_far_from_the_question_words_pulls_less():
    question = "How much was Kuaishou's e-commerce GMV?"
    near = answer_span(question, "Kuaishou's e-commerce GMV reached 332.3 billion yuan.", _idf)
    far = answer_span(
        question, "Kuaishou grew, up from 2,880 billion yuan in the same period last year.", _idf
    )
    assert near and far and far.pull < 0.8 * near.pull


def test_the_short_answer_to_where_is_the_list_of_places():
    assert (
        _short("小红卡在哪些城市上线？", "小红卡于2025 年9月在上海、杭州、广州三城同步上线。")
        == "上海、杭州、广州"
    )
    assert _short("Which cities did it launch in?", "It launched in Shanghai, Hangzhou and Guangzhou.") == (
        "Shanghai, Hangzhou and Guangzhou"
    )
    assert _short("小红卡在哪些城市上线？", "小红卡于2025年9月上线。") is None
    # A place of several words is named whole.
    filed = "Shein has filed for an initial public offering in Hong Kong, after plans for London stalled."
    assert _short("Where did Shein file for its IPO?", filed) == "Hong Kong"
    assert _short("Where is it sold?", "It is sold in the United States and Canada.") == (
        "the United States and Canada"
    )
    # Where a firm is based may be said before it, not after "in" (founded in Nanjing is no base).
    based = "The Singapore-based company, founded in Nanjing in 2008, was valued at $66 billion."
    assert _short("Where is Shein based?", based) == "Singapore"
    assert _short("Where was Shein founded?", based) == "Nanjing"
    # A place the question names by another of its names is no answer ("US": the United States).
    opened = "Luckin opened its first two stores in the United States on Monday, both in Manhattan."
    assert _short("Where did Luckin open its first US stores?", opened) == "Manhattan"
    # Where a thing is moved to; "assigned to Lowry Digital" is no place.
    moved = "The company intends to move part of its supply chain from Guangzhou to Vietnam to cut costs."
    assert _short("SHEIN计划把供应链转移到哪里？", moved) == "Vietnam"
    assert _short("Where did the tapes go?", "The tapes were assigned to Lowry Digital for repair.") is None
    # Where a thing enters, though the question says "enter" too; a name with accents is whole.
    entered = "Meituan said Keeta will enter Brazil, beginning in São Paulo, after launching in Hong Kong."
    assert _short("Which country will Keeta enter?", entered) == "Brazil"
    assert (
        _short("Where will Keeta begin its service?", "Its service will begin in São Paulo.") == "São Paulo"
    )
    # A list is places only after a word saying where, and keeps its first name whole.
    assert _short("龙胆分布在哪些地区？", "龙胆分布在俄罗斯、日本、朝鲜以及中国。") == "俄罗斯、日本、朝鲜"
    # Places joined by 和 after a word saying where they are; a market (市场) is no place.
    overseas = "其中海外门店约4,800家，主要分布在印度尼西亚和越南。"
    assert _short("Where are Mixue's overseas stores?", overseas) == "印度尼西亚和越南"
    assert _short("蜜雪冰城的海外门店在哪里？", "其余资金用于品牌建设和海外市场拓展。") is None
    assert (
        _short("宏都阿里山公司总部在哪里？", "宏都阿里山公司是一间以旅游、娱乐、旅馆和餐饮为主的公司。")
        is None
    )
    # What the question names is no place it asks for, in either language ("in Xiaohongshu's journey").
    step = "The license is a critical step in Xiaohongshu's journey towards becoming a transaction platform."
    assert _short("小红书的支付牌照是从哪里获得的？", step) is None
    assert (
        _short("哪些地方欧洲越橘较多？", "欧洲越橘主要分布于欧洲、北美（美国和加拿大）和亚洲北部。")
        == "欧洲、北美"
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
    # A length, weight or area is never a bare count, even where no figure in its units is there.
    assert _short("How far is Jacksonville from Miami?", "杰克逊维尔2010年人口为 1,345,596。") is None
    # English counts in no measure words: 几位 is answered by a number of the thing counted.
    coup = "Gegeen was assassinated in a coup involving five princes from an anti-reform faction."
    assert _short("有几位王子卷入了刺杀元英宗的政变中？", coup) == "five princes"
    # People are counted in 人, 名 or 位; a count without a unit still answers across languages.
    assert _short("有多少名运动员参赛？", "中国队共有23人参赛。") == "23人"
    assert (
        _short("快手自营旗舰店卖出了多少件商品？", "The store has achieved over 220,000 sales.") == "220,000"
    )


def test_where_shares_list_is_their_exchange_a_month_no_place_and_a_base_without_its_article():
    filed = "It will file for an initial public offering on Shanghai's STAR Market, according to a filing."
    assert _short("宇树科技计划在哪里上市？", filed) == "Shanghai's STAR Market"
    assert (
        _short("老铺黄金在哪里上市？", "老铺黄金于2024年6月在港交所上市，发行价为每股40.5港元。") == "港交所"
    )
    assert _short("Where is Chagee listed?", "Chagee made its debut on the Nasdaq on Thursday.") == "Nasdaq"
    assert (
        _short("宇树科技计划在哪里上市？", "Its revenue exceeded 1 billion yuan, Wang said in June") is None
    )
    assert _short("宇树总部在哪里？", "Unitree, the Hangzhou-based maker of robots, has filed.") == "Hangzhou"
    # One place after 在, as CC-CEDICT names it.
    plans = "公司下半年计划在新加坡开设首家海外门店，并继续在北京、上海等城市加密布局。"
    assert _short("Where will Laopu Gold open its first overseas store?", plans) == "新加坡"
    assert _short("老铺黄金计划在哪些城市加密布局？", plans) == "北京、上海"
    # Only a question on listing is answered by an exchange.
    assert _short("蜜雪集团的收入主要来自哪里？", "蜜雪集团于2025年3月3日登陆港交所主板。") is None


def test_who_holds_a_role_is_not_who_held_it_before_nor_a_place():
    text = (
        "Cotti was founded by Luckin's former chairman Lu Zhengyao. In New York, Luckin will charge $3.45 "
        "for a drink, chief executive Guo Jinyi said."
    )
    assert _short("Who is Luckin's chief executive?", text) == "Guo Jinyi"
    assert _short("Who was Luckin's former chairman?", text) == "Lu Zhengyao"
    run = "Luckin's former chief executive Qian Zhiya left in 2020; the company is now run by Guo Jinyi."
    assert _short("Who is Luckin's chief executive?", run) == "Guo Jinyi"
    # A name opening a sentence that says what one is: "Jin Hui is chief executive", not the firm after it.
    posts = "Founder and chairman Ji Qi spoke. Jin Hui is chief executive.\n\nIt owns Deutsche Hospitality."
    assert _short("华住的CEO是谁？", posts) == "Jin Hui"
    assert _short("Who is the chairman of H World?", posts) == "Ji Qi"
    # Not one a sentence says something was done to.
    assert _short("贝壳的创始人是谁？", "KE Holdings was founded in 2001 by Zuo Hui.") != "KE Holdings"
    # Where a thing goes is no one who does it.
    abroad = "Apollo Go pushes the service into the Middle East and Europe, and its partner there is Lyft."
    assert _short("Who is Apollo Go's partner in Europe?", abroad) == "Lyft"


def test_what_a_name_is_said_to_be_beside_it_answers_what_is_that_thing():
    fleet = "Apollo Go now operates more than 1,000 fully driverless vehicles in Wuhan, its largest market."
    assert _short("What is Apollo Go's largest market?", fleet) == "Wuhan"
    assert _short("What is Apollo Go's robotaxi fleet?", fleet) is None
    unit = "Apollo Go, Baidu's robotaxi unit, grew 148%."
    assert _short("What is Baidu's robotaxi unit?", unit) == "Apollo Go"


def test_a_capitalised_word_alone_no_dictionary_translates_is_a_name():
    # "Dutch" is translated (荷兰), "Prosus" is not; "Lord Loudoun" is one name of two words.
    ifood = (
        "iFood, controlled by the Dutch investor Prosus, handles about 80% of online food orders in Brazil."
    )
    assert _short("Who controls iFood?", ifood) == "Prosus"
    lyft = "In July Apollo Go announced a partnership with Lyft to bring the service to Germany and Britain."
    assert _short("Which company did Apollo Go announce a partnership with?", lyft) == "Lyft"
    lord = "Newcastle replaced him in 1756 with Lord Loudoun, with Major General James Abercrombie as his second."
    assert _short("Who replaced him?", lord) == "Lord Loudoun"


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
    # A person in a Chinese text is named right after their role.
    chair = "比亚迪董事长王传福此前表示，公司将放慢国内扩张节奏。"
    assert _short("Who is the chairman of BYD?", chair) == _short("比亚迪董事长是谁？", chair) == "王传福"
    # Also after 为 or 是, which the tokenizer may join to the name (为程 + 雪).
    assert _short("海天味业的董事长是谁？", "海天味业总部位于广东佛山，董事长为程雪。") == "程雪"
    # In a Chinese text capitalised words are mostly a foreign title, not the person asked about; a
    # foreign name is written with a middle dot, and the one the question says is not its answer.
    text = "占士·邦由伊恩·法兰明创造，电影Say Never Again改编自他。"
    assert _short("占士·邦的创造者是谁？", text) == "伊恩·法兰明"
    ceo = "特斯拉首席执行官埃隆·马斯克表示，公司将扩产。"
    assert _short("Who is the CEO of Tesla?", ceo) == _short("特斯拉的CEO是谁？", ceo) == "埃隆·马斯克"
    # A given name's last character the tokenizer cut off (陈应 + 让) is the name's.
    tingyi = "康师傅首席执行官陈应让表示，公司将继续推进渠道改革。"
    assert _short("康师傅的首席执行官是谁？", tingyi) == "陈应让"
    # A company asked for is no person: a Chinese text writes a foreign one in Latin letters.
    partner = "零跑董事长朱江明表示，零跑与Stellantis集团成立的合资公司已进入欧洲13个国家。"
    assert _short("Which company is Leapmotor's joint venture partner?", partner) == "Stellantis"
    assert _short("零跑和哪家公司成立了合资公司？", partner) == "Stellantis"
    assert _short("零跑的董事长是谁？", partner) == "朱江明"
    # The name cut apart (新 + 希望) pulls as a name, less than the role: a chairwoman is a chairman.
    hope = (
        "New Hope was founded in 1982 by Liu Yonghao, one of China's first private entrepreneurs. His "
        "daughter, Liu Chang, is chairwoman."
    )
    assert _short("新希望的董事长是谁？", hope) == "Liu Chang"
    # Names listed together answer together.
    cotti = "Cotti Coffee, the chain founded by Luckin's former executives Lu Zhengyao and Qian Zhiya, grew."
    assert _short("Who founded Cotti Coffee?", cotti) == "Lu Zhengyao and Qian Zhiya"
    # Nor is a person named after their post, in an English text.
    leader = "Chief executive Wang Xing said Meituan would keep its lead in food delivery."
    assert _short("Which company leads China's food delivery market?", leader) == "Meituan"
    assert _short("Who is Meituan's chief executive?", leader) == "Wang Xing"
    # A Latin name in brackets glosses the Chinese one before it: no company of its own.
    assert _short("这个节目的赞助商是哪家公司？", "节目由美泰儿（Mattel）赞助。") is None
    # Who does it (由…赞助) is the name between 由 and the verb, gloss and all.
    assert _short("这个节目由哪家公司赞助？", "节目由美泰儿（Mattel）赞助。") == "美泰儿（Mattel）"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("占士·邦由伊恩·法兰明创造，电影", ["占士·邦", "伊恩·法兰明"]),
        # jieba cuts an unknown name apart (伊夫, 林), or runs a function word into one (由约翰).
        ("是伊夫林·比阿特丽斯·霍尔以笔名", ["伊夫林·比阿特丽斯·霍尔"]),
        ("纪录此前由约翰·埃尔维保持", ["约翰·埃尔维"]),
        ("马丁·路德·金的演讲", ["马丁·路德·金"]),
        ("由罗伯特•金特纳担任总裁", ["罗伯特•金特纳"]),
        # A common word is no part of a name, and a dot between Latin letters joins none.
        ("舅舅·三浦重成", []),
        ("A·B", []),
    ],
)
def test_a_foreign_name_in_chinese_is_its_words_around_middle_dots(text: str, names: list[str]):
    assert [text[start:end] for start, end in dotted_names(text)] == names


def test_who_a_thing_acts_on_is_what_the_verb_acts_on_in_the_text_a_name_or_not():
    text = (
        "The flagship store is operated by Chengdu Pinong Technology Co., Ltd. "
        "Its self-operated model is designed to attract price-sensitive consumers by offering low prices."
    )
    assert _short("Who does Kuaishou's self-operated store attract?", text) == "price-sensitive consumers"
    assert _short("快手自营店吸引了哪些人？", text) == "price-sensitive consumers"
    assert (
        _short("快手自营店吸引了哪些人？", "快手自营店吸引了价格敏感的消费者，销量超过22万。")
        == "价格敏感的消费者"
    )
    beaten = "They then beat the defending Super Bowl XLIX champion New England Patriots in the final."
    assert _short("Who did the Broncos beat?", beaten) == "New England Patriots"
    assert _short("Who did the Broncos beat?", text) is None, "another name is no answer"
    listing = "Shein has filed for an initial public offering in Hong Kong, after London stalled."
    assert _short("Who is Shein's CEO?", listing) is None, "a place is no one"


def test_a_date_told_of_another_deed_than_the_one_asked_is_no_answer():
    text = "Youdao, founded in 2006 and based in Beijing, listed on the New York Stock Exchange in 2019."
    assert _short("Youdao是哪一年上市的？", text) == "in 2019"
    assert _short("When was Youdao founded?", text) == "in 2006"
    assert (
        _short("格力电器是哪年成立的？", "格力电器总部位于广东珠海，成立于1991年，1996年在深交所上市。")
        == "1991年"
    )


def test_what_a_figure_moved_on_is_the_reason_for_it():
    text = "Online marketing services brought in 616.0 million yuan, up 32.8% on demand from game companies."
    assert _short("Why did Youdao's online marketing revenue grow?", text) == "demand from game companies"


def test_an_owner_answers_who_owns_a_company():
    text = "iQiyi, China's streaming platform controlled by Baidu, said chief executive Gong Yu would stay."
    assert _short("Who controls iQiyi?", text) == "Baidu"
    assert _short("爱奇艺的控股股东是谁？", text) == "Baidu"


def test_a_statement_asked_for_leads_by_its_clause_when_the_sentence_says_it_late():
    text = (
        "The store utilizes a factory-direct shipping model, reducing intermediaries, but lacks a "
        "nationwide warehousing network, which may affect delivery efficiency."
    )
    assert _short("快手自营模式的缺点是什么？", text) == "lacks a nationwide warehousing network"
    probe = (
        "The European Commission on Thursday opened formal proceedings against Temu, the online marketplace "
        "owned by PDD Holdings, over concerns that it fails to stop the sale of illegal products."
    )
    assert _short("Why is the EU investigating Temu?", probe) == (
        "over concerns that it fails to stop the sale of illegal products"
    )
    inquiry = (
        "Temu, the company's overseas shopping app, is facing a formal investigation by the European "
        "Commission under the Digital Services Act over the sale of illegal products."
    )
    assert _short("Why is Temu being investigated?", inquiry) == "over the sale of illegal products", (
        "what an inquiry is over is its reason, from the word on"
    )
    loss = (
        "Meituan reported an adjusted net loss of 16 billion yuan for the third quarter, its first quarterly "
        "loss in three years, as a price war with Alibaba and JD.com in instant retail ate into margins."
    )
    assert _short("Why did Meituan make a loss?", loss) == (
        "a price war with Alibaba and JD.com in instant retail ate into margins"
    )
    alike = (
        "Meituan reported a net loss of 16 billion yuan for the quarter, as well as lower margins at home."
    )
    assert _short("Why did Meituan make a loss?", alike) is None, "as well as gives no reason"
    support = (
        'Pinduoduo launched a "100 billion yuan support program" to reduce merchant costs over the next '
        "three years, following regulatory pressure on platform fees."
    )
    assert _short("Why did Pinduoduo launch the support program?", support) == (
        "following regulatory pressure on platform fees"
    )
    chair = "Hoesung Lee has chaired the panel since October 2015, following the election of a new bureau."
    assert _short("Why did Hoesung Lee become chair?", chair) is None, "following an event is no cause"
    games = (
        'Mobile games revenue grew 60% to 1.61 billion yuan, driven by the strategy title "San Guo: Mou '
        'Ding Tian Xia", its best seller.'
    )
    assert _short("What drove Bilibili's mobile games revenue?", games) == (
        'driven by the strategy title "San Guo: Mou Ding Tian Xia"'
    ), "a clause ending late is led by, and does not end inside a quotation"
    rumour = (
        'Kuaishou is rumored to be entering self-operated e-commerce through the launch of the "Official '
        'Store," but internal sources indicate that there are no comprehensive plans for it at this time.'
    )
    assert _short("What did insiders say about Kuaishou's plans?", rumour) == (
        "internal sources indicate that there are no comprehensive plans for it at this time"
    ), "no closing quote mark or conjunction left in front"
    # What a move is for is the infinitive after it, not the one a verb of intent takes.
    move = (
        "The company intends to move part of its supply chain from Guangzhou to Vietnam to reduce its "
        "exposure to US tariffs."
    )
    assert _short("Why does Shein want to move its supply chain to Vietnam?", move) == (
        "to reduce its exposure to US tariffs"
    )
    # Nor the one a push takes: that is the move itself, what it aims at is why.
    push = (
        "Chairman Li Shufu has pushed to consolidate the group's overlapping brands since last year. "
        "The strategy aims to cut duplicate spending on research and development."
    )
    assert _short("吉利为什么要整合品牌？", push) == (
        "The strategy aims to cut duplicate spending on research and development"
    )
    # What someone said or thinks is what follows the verb reporting it.
    said = (
        'Chief executive Wang Xing said competition in food delivery had become "irrational" and that '
        "Meituan would not take part in subsidies that harm the industry."
    )
    assert _short("王兴怎么评价外卖竞争？", said).startswith(
        'competition in food delivery had become "irrational"'
    )
    vision = (
        "Xiaohongshu's founder, Zhai Fang, envisions a balance between e-commerce and content, with the goal "
        "of ensuring that monetization does not compromise the community."
    )
    assert _short("小红书的创始人对商业化有什么看法？", vision) == "a balance between e-commerce and content"
    # A quotation before its speaker is what was said, not the speaker's title.
    quoted = 'Trip.com beat estimates. "Travel has become an essential part of people\'s lifestyle," said chief executive Jane Sun.'
    assert _short("What did Jane Sun say about travel?", quoted) is None, "the quote opens with it"
    late = (
        "Revenue from its international platform grew more than 60% in the quarter, and bookings rose. "
        + quoted
    )
    assert _short("What did Jane Sun say about travel?", late) == (
        "Travel has become an essential part of people's lifestyle"
    )
    early = (
        "The investment requires significant resources and poses higher operational risks, making it costly."
    )
    assert _short("What are the risks for Kuaishou?", early) is None, "the sentence says it first"


def test_a_time_said_from_now_answers_when_and_an_acronym_is_part_of_a_name():
    text = "比亚迪10月1日公布销量。比亚迪表示，匈牙利工厂预计将于今年年底投产，主要面向欧洲市场。"
    assert _short("比亚迪匈牙利工厂什么时候投产？", text) == "今年年底"
    # A month of this year is part of the date.
    text = "今年7月，月之暗面发布开源模型Kimi K2，总参数量达1万亿。"
    assert _short("月之暗面什么时候发布了Kimi K2？", text) == "今年7月"
    assert _short(
        "When will the plant start production?", "It will start production by the end of the year."
    ) == ("by the end of the year")
    game = "Chen Rui said Bilibili would release its next game in the first half of 2026."
    assert _short("B站下一款游戏什么时候发布？", game) == "in the first half of 2026"
    assert _short("When will the plant open?", "It will open by the end of 2027.") == "by the end of 2027"
    probe = "The European Commission on Thursday opened formal proceedings against Temu."
    assert _short("When did the EU open the probe?", probe) == "Thursday"
    owned = "They opened proceedings against Temu, the marketplace owned by PDD Holdings, on Thursday."
    assert _short("Who owns Temu?", owned) == "PDD Holdings"


def test_the_short_answer_to_when_is_the_whole_date():
    def date(text: str) -> str | None:
        return _short("When did Dongfang Payment complete the change?", text)

    assert date("Dongfang Payment completed the change on November 13, indicating a move.") == "November 13"
    assert date("Dongfang Payment completed the change in November 2025.") == "November 2025"
    assert date("Dongfang Payment completed the change on 13 Nov. 2025.") == "13 Nov. 2025"
    assert date("Dongfang Payment completed the change as the market grew 3 times.") is None
    assert date("Dongfang Payment completed the change in the 1990s.") == "1990s"


def test_a_wire_storys_dateline_dates_the_report_not_what_it_reports():
    dateline = "HONG KONG, Aug 20 (Reuters) - Dong Yuhui left East Buy after a dispute."
    assert _short("When did Dong Yuhui leave East Buy?", dateline) is None
    assert _short("When did Dong Yuhui leave East Buy?", f"{dateline[:-1]} in July 2024.") == "July 2024"
    assert _short("董宇辉什么时候离职？", "新华社北京8月20日电 董宇辉于7月离职。") == "7月"


def test_a_month_alone_dates_this_years_news_but_no_range_is_cut_in_half():
    firefly = "7,843 were Firefly cars, the small-car brand it launched in April."
    assert _short("When did NIO launch Firefly?", firefly) == "in April"
    assert _short("When did NIO launch Firefly?", "NIO launched Firefly in April 2025.") == "April 2025"
    riders = "刘强东在6月的一次内部讲话中表示，京东外卖将坚持品质路线。京东自3月起为全职骑手缴纳五险一金。"
    assert _short("京东什么时候开始为骑手缴纳五险一金？", riders) == "3月"
    assert _short("六耳铃的花期是什么时候？", "花期从10月起至翌年5~6月。") is None


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
    # A bare number "to" a sum is a range of sums; not after a change or "from".
    guidance = "Vipshop expected fourth-quarter revenue of 27.2 billion to 28.6 billion yuan."
    assert _short("唯品会第四季度营收指引是多少？", guidance) == "27.2 billion to 28.6 billion yuan"
    fell = "Gross transaction value dropped 4.5% to 719.4 billion yuan."
    assert _short("How much was its gross transaction value?", fell) == "719.4 billion yuan"
    # "between … and …" is a range; two figures joined by "and" alone are two.
    prices = "In New York, Luckin will charge between $3.45 and $7.95 for a drink."
    assert _short("How much does a Luckin drink cost in New York?", prices) == "$3.45 and $7.95"
    assert _short("How much did revenue grow?", "Revenue rose 10% and profit rose 20%.") == "10%"


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


def test_a_models_code_counts_nothing_and_a_count_may_be_of_its_owners_things():
    text = "After 16 of its H1 humanoid robots danced at the gala, its G1 humanoid sold for 99,000 yuan."
    assert _short("How many robots danced at the gala?", text) == "16 of its H1 humanoid robots"
    assert _short("How many robots did it sell?", "Its G1 humanoid robots sell for 99,000 yuan.") is None


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
    # A few words may stand between "from" and the value it started from.
    target = "Lei Jun said it aimed to deliver more than 350,000 vehicles this year, up from a previous target of 300,000."
    assert _short("小米今年的交付目标是多少辆？", target) == "350,000"
    loss = "The unit lost 500 million yuan in the first quarter, narrowing from a loss of 700 million yuan in the fourth quarter."
    assert _short("小米汽车业务一季度亏损多少？", loss) == "500 million yuan"
    # A year the question states dates the value the text puts next to it.
    valued = "It was valued at about $66 billion in its last funding round, down from $100 billion in 2022."
    assert _short("What was Shein valued at in 2022?", valued) == "$100 billion"
    assert _short("What is Shein valued at?", valued) == "$66 billion"
    # A sentence's year dates what it goes on to tell, unless the sentence names another year.
    results = "Net revenue rose 167% to 12.4 billion yuan in 2024, and net income reached 2.5 billion yuan."
    assert _short("霸王茶姬2024年净利润是多少？", results) == "2.5 billion yuan"
    assert _short("What was the net revenue in 2024?", results) == "12.4 billion yuan"
    # What it started from may be dated before it: 由去年同期的41.9%.
    margin = "受金价上涨影响，老铺黄金毛利率由去年同期的41.9%下降至38.1%。"
    assert _short("What was Laopu Gold's gross margin in the first half?", margin) == "38.1%"
    assert _short("老铺黄金去年同期的毛利率是多少？", margin) == "41.9%"


def test_a_word_said_all_over_the_text_points_at_no_figure_in_particular():
    text = (
        "微博第三季度净营收为4.42亿美元；其中广告及营销营收为3.79亿美元，增值服务营收为6300万美元。"
        "第三季度微博运营利润为1.37亿美元，运营利润率为31%。"
    )
    # 运营 is one of "services"' translations: said three times, it does not outweigh 增值.
    assert _short("How much did Weibo earn from value-added services?", text) == "6300万美元"


def test_a_word_after_a_figure_and_an_and_tells_of_the_next_figure():
    debut = "Chagee's shares opened at $31.00 and closed at $32.45, above the offering price of $28."
    assert _short("What price did Chagee shares close at?", debut) == "$32.45"
    assert _short("霸王茶姬的发行价是多少？", debut) == "$28"
    assert _short("What price did Chagee shares open at?", debut) == "$31.00"


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


def test_a_change_is_answered_by_a_percentage_or_else_by_the_amount_it_changed_by():
    assert _short("蜜雪冰城涨价多少？", "蜜雪冰城宣布，自9月10日起，全国门店的部分饮品价格上调1元。") == "1元"
    assert _short("快手电商GMV增长了多少？", "快手电商GMV同比增长15.4%，达到3323亿元。") == "15.4%"
    # A loss narrowed (收窄) or widened (扩大) changed too.
    narrowed = "Keep said its adjusted net loss narrowed 87% to 11.3 million yuan in the first half."
    assert _short("Keep亏损收窄了多少？", narrowed) == _short("Keep亏损扩大了多少？", narrowed) == "87%"
    # A rate is a percentage only.
    assert _short("快手的净利润率是多少？", "快手的净利润为46亿元。") is None
    # The level a change went to or came from is not how much it changed.
    fell = "Net income fell to 30.75 billion yuan from 32.01 billion yuan a year earlier."
    assert _short("How much did PDD's net income fall?", fell) is None
    assert (
        _short("How much did net income fall?", "Net income fell by 1.26 billion yuan.")
        == "1.26 billion yuan"
    )


def test_a_count_of_another_thing_is_no_answer_to_how_many():
    # Another measure word or unit than the one asked in (个 counts anything).
    carried = ["美团表示，无人机单次可运送2.5公斤货物，平均配送时间为15分钟。"]
    assert numberless("美团在香港有多少架无人机？", carried)
    assert not numberless("美团在香港有多少架无人机？", ["美团在香港投放了30架无人机。"])
    assert not numberless("美团在香港有多少架无人机？", ["美团在香港投放了30个无人机。"])
    assert numberless("美团在香港有多少架无人机？", ["首批覆盖沙田和九龙塘两个区域。"])
    # In English, the thing counted after a name too: stores are no employees.
    stores = ["The company said it had about 6,400 Xtep stores in mainland China at the end of June."]
    assert numberless("特步有多少员工？", stores)
    assert not numberless("特步有多少门店？", stores)
    # Another measure word may count the same things.
    assert not numberless(
        "娜塔莎有几首歌进入了英国单曲榜前十？", ["娜塔莎有5张单曲成功地打入英国单曲榜头10名。"]
    )
    # But not cars for people, nor people for shops.
    assert numberless("零跑汽车有多少名员工？", ["公司第三季度共交付新车17.3万辆。"])
    assert not numberless("零跑汽车有多少名员工？", ["公司共有员工3万人。"])
    assert numberless("喜茶有多少家门店？", ["喜茶共有3000名员工。"])
    # In English, another thing named after the figure, where the quotes never name the one asked.
    joined = ["According to the company, more than 30,000 merchants joined during the first week."]
    assert numberless("抖音团购App有多少用户？", joined)
    assert not numberless("How many merchants joined Douyin's app?", joined)
    # A sum in another measure's clause is none of the one asked, though the quote names it too.
    revenue = ["Its revenue has exceeded 1 billion yuan, and the company has been profitable since 2020."]
    assert numberless("宇树科技去年的净利润是多少？", revenue)
    # 量 ("volume") is of the thing the tokenizer cut it from: 订单量 counts orders, not users.
    users = ["The app has more than 50 million users in Brazil."]
    assert numberless("滴滴在巴西的外卖订单量是多少？", users)
    assert not numberless("滴滴在巴西的外卖订单量是多少？", ["It handled 2 million orders a day in Brazil."])
    assert not numberless("How many people died?", ["The storm killed 300 villagers."])
    scored = ["The Broncos won 23–16 by scoring 11 points in the final three minutes of the game."]
    assert not numberless("How many points did the Broncos score in the final three minutes?", scored)
    # A year or a date counts nothing.
    launched = ["Keeta first launched in Hong Kong in May 2023 and expanded to Saudi Arabia in 2024."]
    assert numberless("Keeta在沙特有多少骑手？", launched)
    assert not numberless(
        "How many stores does Luckin have?", ["Luckin had 26,206 stores at the end of 2024."]
    )
    # A share counts only where the quotes name what is counted.
    parcels = ["2024年，极兔全球包裹量达到246.5亿件，同比增长31.7%，市场份额提升至11.1%。"]
    assert numberless("极兔的员工有多少？", parcels)
    exported = ["Leapmotor International, in which Stellantis holds 51%, exported 24,000 vehicles."]
    assert numberless("How many stores does Leapmotor have in Europe?", exported)
    assert not numberless("有多少选民投票？", ["至少40%的选民参加了投票。"])
    # In the other language a translation may name it otherwise.
    assert not numberless(
        "估计有多少医生自己配药？", ["7 to 10 percent of American physicians dispense drugs."]
    )


def test_orders_and_people_are_counted_in_their_own_measure_words_whatever_the_question_counts_in():
    # 单 counts orders: no riders and no stores, asked in a measure word, in none, or in English.
    peaked = ["7月5日，美团闪购日订单量峰值突破1.5亿单。"]
    for question in ("How many riders does Meituan have?", "美团有多少骑手？", "美团有多少名骑手？"):
        assert numberless(question, peaked)
    for question in ("美团闪购日订单峰值是多少？", "How many daily orders did Meituan reach?"):
        assert not numberless(question, peaked)
    assert _short("奈雪有多少家门店？", "直营门店的平均单店日订单量为334单。") is None
    # People are counted in 人, 名, 位 or 个, not in 家: three platforms are no riders.
    assert numberless("美团有多少骑手？", ["三家平台第二季度的补贴合计超过250亿元。"])
    assert not numberless("美团有多少骑手？", ["美团共有骑手745万名。"])
    assert not numberless("美团有多少用户？", ["美团有7亿户用户。"])


def test_a_measure_word_after_a_numbers_scale_is_the_figures_unit():
    assert _short("小米SU7累计交付了多少辆？", "截至今年6月，小米SU7累计交付已超过30万辆。") == "30万辆"


def test_a_figure_of_a_model_is_given_by_a_quote_naming_it():
    average = "小鹏今年前三季度的单车平均售价约为15.6万元，较去年同期下降约12%。"
    launch = "小米集团发布首款SUV小米YU7，标准版售价25.35万元。"
    assert unmodelled("What is the price of the XPeng G9?", [average])
    assert not unmodelled("How much does the Xiaomi YU7 cost?", [launch])
    # Named in the plural too ("5 COMAC C919s").
    jets = "It expects to take delivery of 5 COMAC C919s next year."
    assert not unmodelled("南航明年将接收多少架C919？", [jets])
    # A question naming no model, or asking for no figure, is not judged.
    assert not unmodelled("小鹏的单车平均售价是多少？", [average])
    assert not unmodelled("Who designed the G9?", [average])


def test_a_figure_whose_sentence_names_another_period_is_no_answer():
    # The profit is 2024's; the next sentence names the first half for revenue alone.
    both = (
        "Revenue rose 23% to US$1.59 billion in 2024, and the company swung to an adjusted net profit of "
        "US$460 million. In the first half of 2025 it earned US$1.02 billion in revenue."
    )
    assert untimely("What was Lalamove's net profit in the first half of 2025?", [both])
    assert not untimely("What was Lalamove's revenue in the first half of 2025?", [both])
    assert not untimely("What was Lalamove's net profit in 2024?", [both])
    # The periods named before it in its paragraph too: 2010's area, beside 2005's figure.
    drought = "2010年，亚马逊雨林经历了另一场严重的干旱。受影响的地区大约有 1,160,000 平方英里，而2005年为734,000平方英里。"
    assert not untimely("该地区受2010年干旱影响的面积有多大？", [drought])


def test_a_level_reached_is_no_change():
    reached = "Gross transaction value on the platform reached US$10.2 billion last year."
    assert _short("How much did Lalamove's gross transaction value grow?", reached) is None
    assert (
        _short("How much did its revenue grow?", "Revenue rose by US$300 million last year.")
        == "US$300 million"
    )


def test_a_count_said_again_without_its_thing_answers_for_its_own_place():
    stores = "It runs more than 1,000 retail stores in China and about 150 outside the mainland."
    assert _short("How many stores does Tong Ren Tang have outside the mainland?", stores) == "150"
    assert _short("How many stores does Tong Ren Tang have in China?", stores) == "1,000 retail stores"


def test_a_figure_of_another_month_is_no_answer():
    august = "Li Auto delivered 28,529 vehicles in August, down 40.7% from a year earlier."
    launch = "The company launched the Li i8 on July 29, with prices starting at 321,800 yuan."
    assert untimely("理想汽车7月交付了多少辆？", [august, launch])
    assert not untimely("理想汽车8月交付了多少辆？", [august, launch])
    # A quote naming no period may be of the one asked; a question naming none is not judged.
    assert not untimely("理想汽车7月交付了多少辆？", ["Li Auto delivered 28,529 vehicles."])
    assert not untimely("理想汽车交付了多少辆？", [august])
    # Nor may one saying "the period", named the sentence before.
    period = (
        "Revenue for the period was 110.5 billion yuan, up 3.7% from a year earlier. In the third quarter "
        "alone, Seres made 2.37 billion yuan of net profit on revenue of 48.1 billion yuan."
    )
    assert not untimely("What was Seres' revenue in the first nine months?", [period])
    assert untimely("What was Seres' revenue in the first nine months?", [period.split(". ")[1]])
    # Nor does a paragraph whose figures are all of another measure than the one asked.
    cicc = (
        "前三季度，公司实现营业收入207.6亿元，同比增长54.4%；归属于母公司股东的净利润为65.7亿元。\n\n"
        "其中，第三季度净利润为22.4亿元，同比增长254.9%。"
    )
    assert untimely("中金公司第三季度营业收入是多少？", [cicc])
    assert not untimely("中金公司第三季度净利润是多少？", [cicc])
    # A paragraph opening a quote names its period, if any, in the sentence before the quote.
    quarter = (
        "Revenue rose 10% to 6.08 billion yuan.\n\nFor the first nine months, iFlytek's revenue grew 14.4% "
        "to 16.99 billion yuan."
    )
    assert not untimely("How much revenue did iFlytek make in the third quarter?", [quarter])
    assert untimely("What was revenue in the third quarter?", [quarter.replace("\n\n", " ")])


def test_a_why_question_is_not_answered_by_the_thing_it_names():
    # 为什么 asks why, not what kind: "net loss" is not the reason for one.
    text = (
        "Meituan reported an adjusted net loss of 16 billion yuan for the third quarter, as a price war "
        "with Alibaba and JD.com in instant retail ate into margins."
    )
    assert _short("美团为什么亏损？", text) != "net loss"


def test_a_question_narrowed_to_a_part_is_answered_by_the_part():
    # The whole comes first, the part after 其中 / "of which": a question saying what narrows the whole
    # ("overseas") asks for the part; one that does not, for the whole.
    stores = (
        "截至2024年9月30日，蜜雪冰城全球门店数量超过45000家，其中约4900家位于海外，主要分布在印尼和越南。"
    )
    assert _short("How many stores does Mixue have overseas?", stores) == "4900家"
    assert _short("蜜雪冰城海外有多少家门店？", stores) == "4900家"
    assert _short("蜜雪冰城有多少家门店？", stores) == "45000家"
    sales = "BYD sold 396,000 vehicles in September, up 5% from a year earlier, of which 71,256 were sold overseas."
    assert _short("How many cars did BYD sell overseas in September?", sales) == "71,256"
    assert _short("How many cars did BYD sell in September?", sales) == "396,000"


def test_a_parts_figure_is_the_one_said_of_the_part_not_the_wholes_explained_by_it():
    # "as income from game-related services … offset" says why revenue rose, not what rose 10%.
    text = (
        "Huya reported a 10% rise in third-quarter revenue on Tuesday as income from game-related services and "
        "advertising more than offset a decline in live streaming. Live streaming revenue fell 4.7% to 1.21 "
        "billion yuan, while revenue from game-related services, advertising and others jumped 69% to 510 "
        "million yuan."
    )
    assert _short("虎牙游戏相关服务收入增长了多少？", text) == "69%"
    assert _short("How much did Huya's live streaming revenue fall?", text) == "4.7%"
    assert _short("虎牙第三季度营收增长了多少？", text) == "10%"


def test_the_verb_a_how_many_question_counts_by_tells_which_count_it_asks():
    # "of which 1.14 million were exported" counts vehicles too; 出口 and "export" point at it.
    sold = (
        "Chery, based in the eastern city of Wuhu, sold 2.6 million vehicles last year, of which 1.14 million "
        "were exported, mostly to Russia, the Middle East and Latin America."
    )
    assert _short("奇瑞去年出口了多少辆车？", sold) == "1.14 million"
    assert _short("How many vehicles did Chery export last year?", sold) == "1.14 million"
    assert _short("奇瑞去年卖了多少辆车？", sold) == "2.6 million vehicles"
    assert _short("How many vehicles did Chery sell last year?", sold) == "2.6 million vehicles"
    # A count in units, where the sentence counts vehicles by name, counts vehicles.
    gac = "Sales of its Aion brand fell 23% to 207,000 vehicles, while exports rose 47% to 94,000 units."
    assert _short("广汽出口了多少辆车？", gac) == "94,000 units"
    assert _short("How many cars did GAC export?", gac) == "94,000 units"
    assert _short("埃安卖了多少辆车？", gac) == "207,000 vehicles"


def test_where_or_how_things_counted_are_run_narrows_them_and_is_not_what_is_counted():
    offline = (
        "Chief executive Quan Long said the company would open more offline car stores in lower-tier cities, "
        "where it had 230 stores at the end of September."
    )
    assert not numberless("汽车之家有多少家线下门店？", [offline])
    assert _short("汽车之家有多少家线下门店？", offline) == "230 stores"
    stores = "奈雪的茶共有门店1798家，其中直营门店1297家，加盟门店501家。"
    assert _short("奈雪的茶有多少家加盟门店？", stores) == "501家"
    assert wanted("国药控股有多少家零售药店？").counted == "药店"  # retail: how they are run
    assert _short("奈雪的茶有多少家门店？", stores) == "1798家"


def test_each_part_of_a_count_listed_after_it_is_the_one_its_place_follows():
    stores = (
        "Luckin opened 3,008 net new stores in the quarter, bringing its total to 29,214, including 7 in the "
        "United States and 68 in Singapore."
    )
    for question, count in (
        ("瑞幸在新加坡有多少家门店？", "68"),
        ("How many stores does Luckin have in Singapore?", "68"),
        ("瑞幸在美国有多少家门店？", "7"),
        ("How many stores does Luckin have in the United States?", "7"),
        ("瑞幸有多少家门店？", "29,214"),
    ):
        assert _short(question, stores) == count, question


def test_a_count_of_things_added_answers_only_how_many_were_added():
    # "536 new stores" are the quarter's additions; "bringing its total to 17,514" is how many there are.
    stores = "The company opened 536 new stores in the quarter, bringing its total to 17,514."
    assert _short("百胜中国有多少家门店？", stores) == "17,514"
    assert _short("How many stores does Yum China have?", stores) == "17,514"
    assert _short("百胜中国第三季度新开了多少家门店？", stores) == "536 new stores"
    assert _short("How many stores did Yum China open in the quarter?", stores) == "536 new stores"
    chinese = "三季度公司新开门店536家，门店总数达到17514家。"
    assert _short("百胜中国有多少家门店？", chinese) == "17514家"
    assert _short("百胜中国新开了多少家门店？", chinese) == "536家"
    # Nor where its sentence gives no other count: it has no answer.
    assert _short("海底捞有多少家门店？", "其中烤肉品牌上半年新开门店超过60家。") is None
    # Where the count naming the thing is of additions, the one that does not name it answers.
    clients = (
        "The number of paying clients reached 3.12 million at the end of September, and the company added "
        "262,000 paying clients during the quarter."
    )
    assert _short("How many paying clients does Futu have?", clients) == "3.12 million"
    # A total in millions is the total too; new things asked for in Chinese (多少股新股) are additions.
    accounts = (
        "The company added 40,000 new funded accounts in the quarter, bringing the total to 1.2 million."
    )
    assert _short("How many funded accounts does Tiger Brokers have?", accounts) == "1.2 million"
    shares = "It sold 70 million new shares, and the retail tranche was oversubscribed more than 4,000 times."
    assert _short("摩尔线程发行了多少股新股？", shares) == "70 million new shares"


def test_a_word_after_a_semicolon_measures_the_figures_after_it():
    # 净利润 after "；" opens the next thing told: the revenue's growth before it is not the profit's,
    # however rare the quarter named at the sentence's start.
    text = "其中，第三季度单季实现营业总收入45.3亿元，同比增长100.65%；净利润35.3亿元，同比增长77.74%。"
    span = answer_span(
        "东方财富第三季度净利润增长了多少？", text, lambda term: 2.3 if term == "第三季度" else 1.0
    )
    assert span and text[span.start : span.end] == "77.74%"


def test_a_count_of_things_taken_away_answers_only_how_many_were_taken_away():
    # "closed 12 learning centers" is the quarter's change; "New Oriental" is a name, asking for nothing new.
    centers = "New Oriental closed 12 learning centers in the quarter, bringing the total to 1,257."
    assert _short("How many learning centers does New Oriental have?", centers) == "1,257"
    assert _short("新东方有多少个学习中心？", centers) == "1,257"
    assert _short("How many learning centers did New Oriental close?", centers) == "12 learning centers"
    # How many were opened is not answered by how many closed, nor the other way round.
    closed = ["公司今年关闭2座煤矿。"]
    assert numberless("How many coal mines did China Shenhua open this year?", closed)
    assert not numberless("中国神华今年关闭了多少座煤矿？", closed)
    assert numberless("How many stores did Luckin close?", ["Luckin opened 536 new stores in the quarter."])
    assert _short("How many new stores did Luckin open?", "Luckin opened 536 New stores in the quarter.") == (
        "536 New stores"
    )


def test_a_number_of_things_is_of_the_thing_before_it():
    # 学生人数 counts students, 门店数量 stores: not 人数 or 数量, which any count of people or things is.
    assert measured("新东方的学生人数是多少？") == "学生"
    assert measured("新东方的门店数量是多少？") == "门店"
    assert measured("新东方的人数是多少？") == "人数"
    centers = "The company has 1,257 learning centers."
    assert _short("新东方的学生人数是多少？", centers) is None
    assert _short("新东方的学习中心数量是多少？", centers) == "1,257"


def test_a_number_word_is_read_whole():
    # "Sixty-eight" is one number: never "eight companies".
    listed = "Sixty-eight companies listed in Hong Kong in the first nine months, raising HK$182.6 billion."
    assert _short("How many companies listed in Hong Kong in the first nine months?", listed) == (
        "Sixty-eight companies"
    )
    assert (
        _short("How many companies listed in Hong Kong?", "Seventeen companies listed.")
        == "Seventeen companies"
    )


def test_a_sum_of_a_part_of_the_company_answers_only_a_question_about_a_part():
    text = (
        "Revenue climbed 15% to a record $20.5 billion. AI-capable PCs made up 33% of Lenovo's PC shipments. "
        "Its infrastructure solutions group, which sells servers, grew revenue 24% to $4.1 billion."
    )
    assert _short("联想的营收是多少？", text) == "$20.5 billion"
    assert _short("What was Lenovo's revenue?", text) == "$20.5 billion"
    assert _short("联想服务器业务收入是多少？", text) == "$4.1 billion"
    assert _short("How much revenue did Lenovo's server business make?", text) == "$4.1 billion"


def test_a_change_of_a_parts_sum_answers_only_a_question_about_the_part():
    # By product (分产品看), a kind's revenue (酒类收入) is a part's: the company's fell 4.8%.
    liquor = (
        "分产品看，前三季度中高档酒类收入199.4亿元，同比下降5.6%，占总营收的86.2%。"
        "前三季度公司实现营业收入231.3亿元，同比下降4.8%。"
    )
    assert _short("泸州老窖前三季度营收下降了多少？", liquor) == "4.8%"
    assert _short("泸州老窖中高档酒类收入下降了多少？", liquor) == "5.6%"
    # A brand of the company's ("Its TOP TOY brand …"), and a name its sentence introduces ("TOP TOY,
    # which sells …"), grew their own revenue.
    for brand in ("Its TOP TOY brand, which sells blind boxes,", "TOP TOY, which sells blind boxes,"):
        text = (
            f"{brand} grew revenue 73% to 490 million yuan. Miniso's revenue rose 23.1% to 4.97 billion yuan."
        )
        assert _short("名创优品营收增长了多少？", text) == "23.1%"
        assert _short("How much did Miniso's revenue grow?", text) == "23.1%"
    # A change of no sum is no part's: the count of stores grew, whoever's.
    stores = "TOP TOY, which sells blind boxes, grew its stores 20% in the year."
    assert _short("名创优品门店数量增长了多少？", stores) == "20%"


def test_a_part_of_a_count_the_question_says_otherwise_answers_it():
    stores = (
        "The company had 7,768 stores worldwide at the end of June, including 3,305 outside mainland China."
    )
    assert _short("How many overseas stores does Miniso have?", stores) == "3,305"
    assert _short("名创优品海外有多少家门店？", stores) == "3,305"
    assert _short("How many stores does Miniso have?", stores) == "7,768 stores"


def test_why_a_figure_moved_is_the_cue_of_the_clause_saying_that_figure():
    text = (
        "Miniso reported a 28.2% rise in third-quarter revenue, driven by its overseas stores and its "
        "TOP TOY chain, but profit fell as it spent heavily on bigger flagship stores."
    )
    assert _short("Why did Miniso's profit fall?", text) == "as it spent heavily on bigger flagship stores"
    assert (
        _short("Why did Miniso's revenue rise?", text)
        == "driven by its overseas stores and its TOP TOY chain"
    )


def test_a_sum_raised_answers_how_much_was_raised_not_the_price_beside_it():
    text = "海天味业在香港联交所主板挂牌上市，开盘价报36.30港元，与发行价持平。此次H股发行共募资约101亿港元。"
    assert _short("How much did Haitian raise in its Hong Kong IPO?", text) == "101亿港元"
    assert _short("海天味业的发行价是多少？", text) == "36.30港元"


def test_an_amount_in_any_currency_is_a_figure():
    text = (
        "蜜雪冰城3月3日在香港联交所挂牌上市，开盘价报290港元，较发行价202.5港元上涨43%，市值超过1000亿港元。"
    )
    assert _short("开盘价是多少？", text) == "290港元"
    assert _short("发行价是多少？", text) == "202.5港元"
    assert _short("市值是多少？", text) == "1000亿港元"


@pytest.mark.parametrize(
    ("question", "text", "figure"),
    [
        # The currency's sign or code before the amount is part of it, and so is a scale English
        # abbreviates after a sign.
        ("How much was Temu fined?", "The Commission fined Temu €200 million on Friday.", "€200 million"),
        ("How much did it pay for the stake?", "It paid US$1.2bn for the stake.", "US$1.2bn"),
        ("How much did the startup raise?", "The startup raised £30m from investors.", "£30m"),
        (
            "How much did the startup raise?",
            "It raised 30 million pounds from investors.",
            "30 million pounds",
        ),
        # Any currency after a scale is money, asked in either language.
        (
            "What were the annual fees for the channels?",
            "各频道每年固定的传输费为 3000 万英镑，如果",
            "3000 万英镑",
        ),
        ("票房收益约是多少？", "票房收益大约是$10.2亿美金。", "$10.2亿美金"),
    ],
)
def test_a_sum_is_found_with_its_currency_before_or_after_it(question: str, text: str, figure: str):
    assert _short(question, text) == figure


def test_a_count_in_any_measure_word_or_in_words_is_a_figure():
    # 具 counts bodies, 支 teams; an English how-many is answered by them too.
    assert (
        _short("How many bodies did scientists exhume?", "科学家公布了挖出的 25具 尸体的检查结果。") == "25具"
    )
    assert _short("曼宁带领几支球队进入超级碗？", "他是第一位带领两支不同球队进入超级碗的四分卫。") == "两支"
    # A name's plural keeps its y (Grammys), and a number in words counts it.
    assert (
        _short("How many Grammys has she won?", "Lady Gaga, who has won six Grammys, sang.") == "six Grammys"
    )


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("What was Meituan's revenue in the third quarter?", "revenue"),
        ("What is the annual fee of 小红卡?", "fee"),
        ("How much revenue did PDD report?", "revenue"),
        ("How much net profit did Bosideng make in the half?", "profit"),
        ("美团三季度营收是多少？", "营收"),
        # What changed to the figure asked, before the change and where it ends.
        ("抖音团购的餐饮佣金降到了多少？", "佣金"),
        ("营收增至多少？", "营收"),
        ("门票下调至多少？", "门票"),
        # What a change is said of: J&T's revenue, not its parcels, though both grew.
        ("How much did J&T Express's revenue grow?", "revenue"),
        ("How much did the stock fall?", None),
        # No word for it: a verb asks, or money after 多少 (the sum paid, not what it was paid for); what a
        # how-many question counts has its own rules.
        ("How much did Meituan lose?", None),
        ("How many stores does Mixue have overseas?", None),
        ("小红卡在几个城市上线？", None),
        ("商家交了多少钱做小红卡认证？", None),
    ],
)
def test_what_a_how_much_question_measures(question: str, thing: str | None):
    assert measured(question) == thing


def test_the_figure_of_what_the_question_measures_leads_over_the_one_its_frame_stands_by():
    text = (
        "Meituan reported an adjusted net loss of 16 billion yuan for the third quarter, its first "
        "quarterly loss in three years. Revenue rose 2% to 95.5 billion yuan."
    )
    figure = answer_span("What was Meituan's revenue in the third quarter?", text, _idf)
    assert figure is not None and text[figure.start : figure.end] == "95.5 billion yuan"
    loss = answer_span("How much did Meituan lose in the third quarter?", text, _idf)
    assert loss is not None and text[loss.start : loss.end] == "16 billion yuan"


def test_a_how_many_question_is_not_answered_by_quotes_without_a_number():
    pensions = "JD.com's move pushed Meituan to announce pension coverage for its own riders across China."
    for question in ("How many riders does Meituan have?", "美团有多少骑手？"):
        assert numberless(question, [pensions])
        assert not numberless(question, [pensions, "Meituan has over 7 million riders."])
    # Any number will do, in words or Chinese numerals; a list counts by naming.
    for quote in (
        "Six teams entered.",
        "三城同步上线",
        "一家门店",
        "A, B and C joined.",
        "圣斐迪南骑士团、圣真纳罗骑士团",
    ):
        assert not numberless("How many joined?", [quote])
    # Only a question asking how many or how much.
    assert not numberless("Why did Meituan cover its riders?", [pensions])


def test_a_count_is_not_answered_by_quotes_whose_only_figures_are_sums_of_money():
    fee = "这是小红书在今年9月上线的项目，其年卡收费为 168元。"
    for question in ("小红书有多少用户？", "小红书的用户有多少？", "How many users does it have?"):
        assert numberless(question, [fee])
        assert not numberless(question, [fee, "小红书的月活用户超过 3 亿。"])
    # A sum answers how much, however it is asked.
    for question in ("小红卡的年费是多少？", "How much is the membership per year?", "美团三季度亏损多少？"):
        assert not numberless(question, [fee])
    # A count without a unit, in digits or in words, counts (beside a price).
    price = "Rivals started selling drinks for 9.9 yuan."
    for stores in ("The company had 26,206 stores at the end of March.", "It opened its first two stores."):
        assert not numberless("瑞幸有多少家门店？", [stores, price])
    assert numberless("瑞幸有多少家门店？", [price, "It was founded in 2017."]), "a year counts nothing"


def test_a_length_weight_or_area_is_not_answered_by_quotes_without_a_figure_in_its_units():
    launch = "小米YU7标准版售价25.35万元，18小时锁单量超过24万台。"
    assert numberless("小米YU7的续航里程是多少？", [launch])
    assert not numberless("小米YU7的续航里程是多少？", [launch, "CLTC续航里程为835公里。"])
    assert numberless("How much does the tower weigh?", ["It cost 3 million pounds."])
    assert not numberless("How much does the tower weigh?", ["It weighs 7,300 tonnes."])
    # 占地球 is a share of the Earth, no area asked.
    assert not numberless("亚马逊雨林占地球雨林的多少？", ["亚马逊雨林占地球现存雨林的一半以上。"])


def test_a_share_is_not_answered_by_quotes_without_a_part_of_a_whole():
    orders = "京东外卖上线不到半年，日订单量已突破2500万单，每年需多支出约21亿元。"
    for question in ("京东外卖的市场份额是多少？", "What percentage of the market does JD hold?"):
        assert numberless(question, [orders])
        # A change in percent is no share; a level, a fraction or a ratio is.
        assert numberless(question, [orders, "Revenue was up 9% from a year earlier."])
        for share in (
            "京东外卖占据约10%的市场。",
            "它拿下了三分之一的市场。",
            "Its share is about one in five.",
            "男女比例约为1：7。",
            "It has about a quarter of China's market by sales.",
        ):
            assert not numberless(question, [orders, share])
    # "shares" of a stock ask for no share.
    assert not numberless("How many shares did JD sell?", ["京东出售了2500万股。"])
    # A rate asked as a level is a part of a whole too, unless it is said in units or points.
    gmv = "2024年GMV估计在4000亿元左右，日活跃买家数同比增长了100%以上。"
    assert numberless("小红书电商的退货率是多少？", [gmv])
    assert not numberless("小红书电商的退货率是多少？", [gmv, "退货率约为8%。"])
    assert not numberless("人民币汇率是多少？", ["人民币兑美元汇率报7.1。"])
    assert not numberless("首集收视率是多少？", ["首集收视率为7.07。"])
    # A half-year is no half of a whole: a margin is not given by "net profit for the first half fell 13.7%".
    half = "Its net profit for the first half of 2025 fell 13.7% to 1.76 billion yuan."
    assert numberless("海底捞的净利润率是多少？", [half])
    assert not numberless("海底捞的净利润率是多少？", [half, "Half of its revenue came from hotpot."])


def test_an_english_question_in_the_past_tense_points_at_the_chinese_figure_its_verb_says():
    text = (
        "李想表示，公司已建成超过3000座超充站，到年底将达到4000座。  截至二季度末，理想汽车在全国共有零售中心510家，"
        "覆盖153个城市。"
    )
    # "built" is 建成 as "build" is: the stations built, not the retail centres beside the company's name.
    assert _short("How many supercharging stations has Li Auto built?", text) == "3000座"


def test_a_number_with_the_thing_counted_counts_it_beside_other_figures():
    cities = "其定位为精选吃喝玩乐一卡通，于2025年9月在上海、杭州、广州三城同步上线。"
    fee = "小红卡业务将于2026年1月1日起暂停试运营，其年卡收费为168元。"
    # 三城 counts the cities asked about, whatever figures another quote gives.
    assert not numberless("小红卡在几个城市上线？", [cities, fee])
    assert numberless("小红卡在几个城市上线？", [fee])


def test_an_estimate_answers_only_a_question_asking_for_one_where_another_figure_is_there():
    text = "Analysts had expected net income of 7.9 billion yuan. Net income attributable to shareholders was 8.6 billion yuan."
    assert _short("What was NetEase's net income?", text) == "8.6 billion yuan"
    assert _short("How much net income had analysts expected?", text) == "7.9 billion yuan"
    assert _short("网易净利润是多少？", "网易净利润为86亿元，市场预期为79亿元。") == "86亿元"
    # An estimate alone still answers.
    alone = "Analysts had expected net income of 7.9 billion yuan."
    assert _short("What was NetEase's net income?", alone) == "7.9 billion yuan"
    # What a company expects is an estimate too.
    fleet = "Pony.ai runs a fleet of 667 robotaxis and expects to have more than 1,000 on the road by the end of the year."
    assert _short("小马智行年底Robotaxi车队预计有多少辆？", fleet) == "1,000"


def test_how_many_times_is_answered_by_a_count_in_times_or_a_multiple():
    ipo = "此次IPO公开发售部分获得超过5000倍认购，冻结资金约1.84万亿港元。 截至9月30日，蜜雪冰城全球门店数量超过45000家。"
    assert _short("How many times oversubscribed was Mixue's IPO?", ipo) == "5000倍"
    assert _short("How many times has Beyonce won a Grammy?", "碧昂丝曾五次获得格莱美奖，共20座。") == "五次"
    assert _short("How many stores does Mixue have?", ipo) == "45000家"


def test_an_amount_levied_as_a_rate_is_answered_by_the_rate():
    text = "Starting November 1, the commission rate for restaurant deals will be cut from 2.5% to 1.5%."
    assert _short("抖音团购的餐饮佣金降到了多少？", text) == "1.5%"
    # A sum asked for by its last word (多少广告收入: revenue, not a count of ads), given as a share.
    extra = "New games receive an extra 50% of ad revenue during their first three months."
    assert _short("新游戏前三个月能额外获得多少广告收入？", extra) == "50%"
    assert wanted("小红书有多少付费用户？").kind == "count", "paying users are counted"
    assert wanted("雅迪有多少销售网点？").kind == "count", "sales outlets are counted"
    assert wanted("快手有多少广告收入？").kind == "money"
    # What "how many" counts is the plural noun after it, past the words saying which ones.
    assert wanted("How many daily orders does a Nayuki store get?").counted == "orders"
    assert wanted("How many full-time delivery riders has JD hired?").counted == "riders"
    assert wanted("How many people died in the war?").counted == "people"
    # An amount in money still comes first.
    assert _short("佣金是多少？", "佣金从2.5%降至1.5%，每年为商家节省30亿元佣金。") == "30亿元"
    # Nor is a valuation: the share of stores in small cities is none.
    assert numberless("库迪的估值是多少？", ["About 70% of its stores are in third-tier and smaller cities."])
    assert not numberless("库迪的估值是多少？", ["The chain was valued at about $2 billion."])
    # Money raised is never a rate levied: a stake beside it is none.
    stake = "Geely already held about 65.7% of Zeekr before the deal."
    assert numberless("极氪IPO募资多少？", [stake]) and numberless("How much did Zeekr raise?", [stake])


def test_a_measure_word_opening_a_word_is_none_and_a_part_counted_is_answered_by_its_share():
    stores = "截至2024年9月30日，古茗共有门店9914家，其中约79%位于二线及以下城市。"
    # 多少门店 counts stores (门店), not in the measure word 门.
    assert _short("古茗有多少门店？", stores) == "9914家"
    assert wanted("学校有多少门课程？").units is not None
    # How many of them are somewhere: a share of them says it.
    assert _short("古茗有多少门店位于二线及以下城市？", stores) == "79%"
    cotti = "Cotti's store count passed 15,000. About 70% of its stores are in third-tier and smaller cities."
    assert _short("How many of Cotti's stores are in third-tier cities?", cotti) == "70%"
    assert _short("How many stores does Cotti have?", cotti) == "15,000"


def test_a_place_after_a_verb_and_yu_is_where_it_was_done():
    founded = "茶百道2004年创立于四川成都，创始人为王霄锟。"
    assert _short("茶百道在哪里创立？", founded) == "四川成都"
    assert _short("茶百道的利润为什么低于预期？", "利润低于预期，因为补贴增加。") != "预期"


def test_a_date_expected_is_when_a_thing_will_be():
    brazil = "美團於5月12日宣布，Keeta將進軍巴西市場。王莆中表示，Keeta預計將在今年底前於巴西開展業務。"
    assert _short("Keeta什么时候在巴西开展业务？", brazil) == "今年底"
    assert _short("美团什么时候宣布进军巴西？", brazil) == "5月12日"


def test_a_plan_asked_for_is_answered_by_the_figure_said_as_planned():
    riders = "JD said it had hired more than 50,000 full-time delivery riders so far. It plans to hire another 100,000."
    assert _short("How many more riders does JD plan to hire?", riders) == "100,000"
    assert _short("How many riders has JD hired?", riders) == "50,000 full-time delivery riders"
    # A pledge is a plan.
    pledged = ["Alibaba has pledged to spend more than 380 billion yuan on AI over three years."]
    assert not unplanned("阿里巴巴计划在AI上投入多少？", pledged)
    stores = "公司目前已开设2家门店，计划年内再开100家。"
    assert _short("公司计划开多少家门店？", stores) == "100家"


def test_an_english_date_after_its_preposition_dates_what_comes_before_it():
    text = "Keeta first launched in Hong Kong in May 2023 and expanded to Saudi Arabia in September 2024."
    assert _short("When did Keeta expand to Saudi Arabia?", text) == "September 2024"
    assert _short("When did Keeta first launch in Hong Kong?", text) == "May 2023"


def test_a_date_far_from_every_word_of_the_question_answers_nothing():
    text = (
        "The license enables the company to save on transaction fees, which could amount to approximately "
        "2.4 billion RMB based on a 0.6% fee rate on a projected GMV of over 400 billion RMB in 2024."
    )
    assert _short("When did the company get its license?", text) is None
    assert _short("When is the GMV of over 400 billion RMB projected?", text) == "in 2024"


def test_a_title_is_no_part_of_a_name_and_who_left_or_was_replaced_holds_the_role_no_more():
    cuts = "On a call, Chief Executive William Ding told analysts the company would cut projects."
    assert _short("Who told analysts the company would cut projects?", cuts) == "William Ding"
    text = (
        "Founder Zhang Yong stepped down as chief executive in 2022. In March 2024 Gou Yiqun, who replaced "
        "Yang Lijuan as CEO, said the company would slow its expansion."
    )
    assert _short("Who is the company's CEO?", text) == "Gou Yiqun"
    assert _short("Who was the company's former CEO?", text) != "Gou Yiqun"


def test_a_count_is_found_past_its_modifiers_and_said_again_without_its_thing():
    text = "It opened 18 new restaurants and closed 23 during the half. It runs 126 restaurants under other names."
    assert _short("How many restaurants did it close in the half?", text) == "23"
    assert _short("How many restaurants did it open?", text) == "18 new restaurants"


def test_what_a_move_cites_is_its_reason():
    text = (
        "NetEase also said it would delay the global release of Ananta, an urban fantasy game first shown "
        "in 2023, to next year, citing the need for more testing."
    )
    assert _short("Why did NetEase delay the release of Ananta?", text) == "citing the need for more testing"


def test_money_raised_is_a_sum_not_the_shares_sold():
    text = "按发行价计算，宁德时代本次全球发售约1.56亿股H股，募资总额约410亿港元。"
    assert _short("宁德时代募资多少？", text) == "410亿港元"
    assert wanted("How much did CATL raise in its listing?").kind == "money"


def test_a_figure_of_a_sentence_on_other_years_does_not_answer_for_the_year_asked():
    text = "2024年实现营业收入3620亿元，归母净利润507亿元，同比增长15%。2025年一季度，公司营收847亿元，净利润140亿元。"
    assert _short("宁德时代2024年的净利润是多少？", text) == "507亿元"
    assert _short("宁德时代2025年一季度的净利润是多少？", text) == "140亿元"


def test_the_name_before_what_is_measured_says_whose_figure_only_beside_anothers():
    # Kling AI's revenue is not Kuaishou's; in an article on one firm every 发行价 is its own.
    kuaishou = "快手公布二季度业绩，总营收350亿元，同比增长13.1%。其中，大模型可灵AI二季度收入超过2.5亿元。"
    assert _short("快手二季度营收是多少？", kuaishou) == "350亿元"
    catl = (
        "宁德时代正式在香港联合交易所主板挂牌上市，股票代码为3750。公司此次发行价为每股263港元，开盘报296港元。"
        "按发行价计算，宁德时代本次全球发售约1.56亿股H股，募资总额约410亿港元。"
    )
    assert _short("宁德时代的发行价是多少？", catl) == "263港元"


def test_a_rate_no_percentage_gives_is_answered_by_its_number_in_units():
    turnover = (
        "The table turnover rate, the number of times a table is used each day, dropped to 3.8 from 4.2."
    )
    assert _short("What was Haidilao's table turnover rate?", turnover) == "3.8"
    assert _short("首集收视率是多少？", "首集收视率为7.07，15岁至44岁平均收视为4.2。") == "7.07"
    # Not where a ratio or a fraction gives it, nor by a count in a measure word.
    assert _short("男女生比例是多少？", "目前学校男女生比例约为1：7（男：女）。") != "1"
    assert _short("亚马逊雨林占多少比例？", "亚马逊雨林占地球雨林的一半以上，估计有 16,000 个品种。") is None


def test_what_a_change_is_put_down_to_is_its_reason():
    text = (
        "Vehicle margin was 10.3%, down from 12.2% a year earlier, which the company attributed to price "
        "cuts and a higher share of cheaper cars."
    )
    assert _short("Why did the vehicle margin fall?", text) == "price cuts and a higher share of cheaper cars"
    blamed = (
        "The company blamed the decline mainly on weaker consumer sentiment and fiercer price competition."
    )
    assert (
        _short("Why did profit decline?", blamed) == "weaker consumer sentiment and fiercer price competition"
    )
    put = "Sales of its central air conditioners fell 2.1%, which the company put down to weaker demand."
    assert _short("Why did central air conditioner sales fall?", put) == "weaker demand"
    # What weighed on it, after "as" with no comma before.
    weighed = (
        "PDD Holdings reported a 4% drop in second-quarter net income on Monday as a costly subsidy programme "
        "for merchants at home and U.S. tariffs weighed on its business."
    )
    assert _short("Why did PDD's net income drop?", weighed).startswith("a costly subsidy programme")
    # What a figure fell as, like what it fell after.
    scaled = "Social entertainment revenue fell 5.3% to 1.6 billion yuan as the company scaled back live streaming."
    assert _short("Why did social entertainment revenue fall?", scaled) == (
        "as the company scaled back live streaming"
    )
    # Its reason may open on a noun, its verb a few words on; "as expected" gives none.
    filled = "Net profit rose 11% to 3.4 billion yuan as record summer travel filled its planes."
    assert (
        _short("Why did China Southern's profit rise?", filled) == "as record summer travel filled its planes"
    )
    assert _short("Why did profit rise?", "Net profit rose 11% to 3.4 billion yuan as expected.") is None
    # What a forecast was cut as, in either language's question (指引: "outlook").
    cut = (
        "New Oriental reported a 6.1% rise in revenue for its fiscal first quarter, while cutting its "
        "full-year growth outlook as its overseas test preparation business weakened."
    )
    for question in ("Why did New Oriental cut its outlook?", "新东方为什么下调全年指引？"):
        assert _short(question, cut) == "as its overseas test preparation business weakened"


def test_a_share_of_stock_is_no_part_of_a_whole():
    placement = "It raised 4.03 billion yuan in a share placement in March."
    assert not numberless("How much did NIO raise in its March share placement?", [placement])
    assert _short("How much did NIO raise in its March share placement?", placement) == "4.03 billion yuan"
    assert wanted("What was the dividend per share?").kind != "rate"
    for question in ("What is Temu's market share?", "What share of revenue came from ads?"):
        assert wanted(question).kind == "rate"


def test_a_stake_asked_for_is_a_share():
    text = "Miniso bought a 29.4% stake in Yonghui for 6.27 billion yuan last September."
    assert not numberless("名创优品持有永辉多少股份？", [text])
    assert _short("名创优品持有永辉多少股份？", text) == "29.4%"
    assert _short("名创优品花了多少钱买永辉的股份？", text) == "6.27 billion yuan"


def test_a_dividend_is_a_sum_of_money():
    text = "董事会宣布派发中期股息每股1.37港元。"
    assert not numberless("安踏派发多少中期股息？", [text])
    assert _short("安踏派发多少中期股息？", text) == "1.37港元"


def test_what_a_figure_counts_is_what_the_question_asks_for_not_a_restatement():
    # 门店 is "stores", inside the span "420 stores": it points at the figure, in either language.
    text = "The chain operates around 420 stores across 30 Chinese cities."
    assert _short("盒马有多少家门店？", text) == "420 stores"


def test_an_aside_between_what_is_asked_and_its_figure_is_one_clause():
    text = (
        "The company said Super VIP members, who pay 25 yuan a month for high-resolution audio, concert "
        "ticket presales and exclusive merchandise, now number more than 15 million."
    )
    assert _short("How many Super VIP members does the company have?", text) == "15 million"


def test_a_name_opening_its_sentence_is_read_whole_before_it_counts_as_an_answer():
    text = "Tencent Music Entertainment Group (TME) said on Wednesday that its paying users grew."
    assert _short("Who is the CEO of Tencent Music?", text) is None


def test_a_share_is_what_a_thing_makes_up_not_a_change():
    text = "Online orders made up more than 60% of sales, up from 50% a year earlier."
    assert _short("盒马线上订单占比多少？", text) == "60%"


def test_a_sum_keeps_the_country_its_currency_is_of():
    text = "Alibaba tried to sell it at a valuation of around 4 billion US dollars, but shelved the plan."
    assert _short("阿里巴巴想以多少估值出售盒马？", text) == "4 billion US dollars"
    assert (
        _short("How much did it raise?", "It raised 10 billion Hong Kong Dollars.")
        == "10 billion Hong Kong Dollars"
    )


def test_a_figure_the_question_states_is_no_answer_to_it():
    text = "过去的记录是由约翰·埃尔维保持的，他在 38岁时带领野马队赢得第 33 届超级碗。"
    assert _short("约翰·埃尔维参加第 33 届超级碗时多大？", text) == "38岁"


def test_a_share_asked_in_a_measure_word_is_a_level_not_a_change():
    text = "Miniso's stake rose 5% in value. Miniso bought a 29.4% stake in Yonghui last September."
    assert _short("名创优品持有永辉多少股份？", text) == "29.4%"
    assert _short("How fast did the stake's value grow?", text) == "5%"


def test_a_change_in_percent_is_no_sum_levied_as_a_rate():
    text = "其中游戏行业广告收入同比增长超过30%，而来自阿里巴巴的广告收入则同比下降。"
    assert _short("How much advertising revenue did Weibo get from Alibaba?", text) is None
    assert _short("How much is the commission?", "The commission rate was cut to 1.5%.") == "1.5%"


def test_a_change_in_words_answers_only_where_no_figure_says_it():
    text = "Revenue more than tripled to 13.88 billion yuan, a 204.4% increase from a year earlier."
    assert _short("How much did revenue grow?", text) == "204.4%"
    assert _short("How much did revenue grow?", "Revenue more than tripled last year.") == "tripled"


def test_the_words_narrowing_what_is_measured_point_at_its_figure():
    text = (
        "Revenue from the Americas jumped more than tenfold to 2.26 billion yuan. The chief executive said "
        "the company expects full-year revenue to exceed 30 billion yuan."
    )
    assert _short("泡泡玛特美洲收入是多少？", text) == "2.26 billion yuan"
    assert _short("泡泡玛特全年收入是多少？", text) == "30 billion yuan"


def test_quotes_never_saying_the_part_of_a_measure_asked_do_not_answer():
    # The words narrowing what is measured (会员 of 会员收入, 外卖 of 外卖佣金) must be said somewhere.
    assert unnarrowed("B站的会员收入是多少？", ["Bilibili reported a net profit of 220 million yuan."])
    assert unnarrowed("抖音的外卖佣金是多少？", ["抖音团购的餐饮佣金从2.5%降至1.5%。"])
    assert not unnarrowed("抖音的外卖佣金是多少？", ["抖音外卖的佣金为2.5%。"])
    # The time compared (去年同期) narrows when, not which part.
    same = "Net income was 41.2 million yuan, compared with 35.7 million yuan in the same quarter of 2024."
    assert not unnarrowed("途牛去年同期净利润是多少？", [same])
    # Nor is the name before it a part (创新 of 影石创新).
    assert not unnarrowed("影石创新去年营收是多少？", ["Revenue rose 53% to 5.57 billion yuan last year."])
    # The day a price was made on says when, not which price: a listing's article says "debut" once.
    opened = ["The stock opened at HK$34.80, compared with an offer price of HK$30.75."]
    chery = Declared(names={"chery": ("奇瑞",)})
    assert not unnarrowed("奇瑞首日开盘价是多少？", opened, chery)
    assert not unnarrowed("奇瑞当天开盘价是多少？", opened, chery)
    # 总 asks for the whole, which narrows nothing.
    premiums = ["Total gross written premiums rose 7.4% to 16.75 billion yuan."]
    assert not unnarrowed("众安的总保费是多少？", premiums)
    assert unnarrowed("奇瑞债券开盘价是多少？", opened, chery)
    assert not unnarrowed("B站的会员收入是多少？", ["Revenue from its members rose 12% to 2.1 billion yuan."])
    # What a sum comes from, said after it, narrows it too ("revenue from the derivatives market"); a name
    # it comes from is judged as one.
    revenue = ["Revenue and other income climbed 41% to HK$7.27 billion, the bourse operator said."]
    assert unnarrowed("What was HKEX's revenue from the derivatives market?", revenue)
    assert not unnarrowed(
        "What was HKEX's revenue from the derivatives market?", ["Derivatives revenue rose 9%."]
    )
    assert not unnarrowed("What was Weibo's revenue from Alibaba?", revenue)
    # A place it comes from is a part: all of XCMG's revenue is none of Brazil's.
    brazil = "What was XCMG's revenue from Brazil?"
    assert unnarrowed(brazil, ["Revenue for the July-September quarter grew 11% to 23.1 billion yuan."])
    assert not unnarrowed(brazil, ["Revenue from Brazil rose 20% to 2.1 billion yuan."])
    # An interim dividend is the 中期 one.
    assert not unnarrowed(
        "李宁中期股息是多少？", ["The board declared an interim dividend of 37.75 fen a share."]
    )
    # A name an article declares its subject by (a headline opening on 麦当劳中国) narrows nothing, nor its
    # end; nor does one the gazetteer lists (百胜中国).
    quotes = ["Total revenue grew 4% to $3.21 billion, while operating profit rose 8% to $400 million."]
    assert unnarrowed("麦当劳中国经营利润是多少？", quotes)
    assert not unnarrowed("麦当劳中国经营利润是多少？", quotes, Declared({"scmp": ("麦当劳", "麦当劳中国")}))
    assert not unnarrowed("百胜中国经营利润是多少？", quotes)
    # What kind of company the subject is belongs to its name (宇树科技: Unitree Technology).
    assert not unnarrowed("宇树科技估值多少？", ["In June, Unitree was valued at about 12 billion yuan."])
    # Its trade too (锦江酒店: Jin Jiang Hotels): its revenue is no part because its hotels are named next.
    hotels = (
        "Revenue in the period declined 4.3% to 10.1 billion yuan.\n\nRevenue per available room at its "
        "mainland hotels fell 6.2% in the third quarter."
    )
    assert not unparted("锦江酒店营收是多少？", [hotels])
    # In words of the same meaning, and one of several words is enough.
    assert not unnarrowed(
        "亚马逊热带雨林估计的树的种类数量是多少？", ["估计有 16,000 个品种的 3,900 亿棵树。"]
    )
    assert not unnarrowed("在2005年，西班牙人的语言使用比例分别是多少？", ["9%是加泰罗尼亚语的母语使用者。"])
    # A measure told apart by its qualifier is judged by `rag.qualifiers`; words opening the question
    # are what it is about.
    text = "Analysts estimate the program could lower annual operating profit by about 15 billion yuan."
    assert not unnarrowed("拼多多的计划会让营业利润减少多少？", [text])
    assert not unnarrowed("黄鳍紫鱼体长多少？", ["本种体长可达12公分。"])
    # 退货 is "return merchandise": merchandise alone says nothing of returns.
    gmv = "Tencent said the gross merchandise volume of e-commerce on WeChat Channels more than doubled."
    assert unnarrowed("抖音电商的退货率是多少？", [gmv])
    # An English question narrows what it measures by the words before it, not by its owner or a whole.
    brands = "分品牌看，安踏品牌收入169.5亿元，同比增长5.4%。"
    assert unnarrowed("What was Anta's online revenue?", [brands])
    assert not unnarrowed("What was Anta's total revenue?", [brands])
    assert not unnarrowed(
        "What were Laopu Gold's average sales per store?", ["上半年单店平均销售额约为4.6亿元。"]
    )


def test_a_change_counts_nothing():
    hired = "Analysts said the company has hired English-speaking content moderators in a hurry."
    growth = "RedNote expects its advertising revenue to rise by about 40% this year."
    assert numberless("How many content moderators did RedNote hire?", [hired, growth])
    assert numberless("视频号有多少日活跃用户？", ["微信视频号电商GMV翻倍，腾讯加大商家扶持"])
    # A word ending in -ss is no plural noun counted ("driverless" is not what the rides are).
    rides = "Apollo Go provided more than 2.2 million fully driverless rides in the second quarter, up 148%."
    assert not numberless("萝卜快跑二季度提供了多少次无人驾驶出行服务？", [rides])


def test_a_volume_or_a_number_of_things_is_a_count_and_no_sum():
    assert wanted("滴滴在巴西的外卖订单量是多少？").kind == "count"
    assert wanted("What is Kugou Music's number of paying users?").kind == "count"
    assert wanted("How much is Kuaishou paying for it?").kind == "money"
    spend = "DiDi Global will spend 1 billion reais ($180 million) to relaunch its 99Food delivery app."
    assert numberless("滴滴在巴西的外卖订单量是多少？", [spend])


def test_a_sum_is_said_in_money_or_a_levied_rate_not_a_count_or_a_change():
    fleet = "Apollo Go will need about 7,000 vehicles to break even. Shares of Baidu fell 1.2% on Thursday."
    assert numberless("百度的净利润是多少？", [fleet])
    assert not numberless("百度的净利润是多少？", ["百度二季度净利润为73亿元。"])
    assert not numberless("抖音电商上半年的GMV是多少？", ["抖音電商上半年商品交易總額接近2萬億元人民幣。"])


def test_a_question_about_what_will_happen_is_answered_by_a_time_ahead_only():
    delisted = "Luckin was delisted from the Nasdaq in 2020 after an accounting fraud."
    assert unforeseen("When will Luckin relist on Nasdaq?", [delisted])
    assert not unforeseen("When will Luckin relist on Nasdaq?", ["Luckin plans to relist in 2026."])
    assert not unforeseen("萝卜快跑什么时候将进入欧洲？", ["萝卜快跑计划明年进入瑞士。"])
    # A target or a promise is a plan, and a quarter a time.
    target = "It fell short of the break-even target Li has promised investors for the fourth quarter."
    assert not unforeseen("When does NIO expect to break even?", [target])
    assert unforeseen("When does NIO expect to break even?", ["NIO narrowed its loss in the second quarter."])
    # A question about what was is not judged so.
    assert not unforeseen("When was Luckin delisted?", [delisted])


def test_a_rate_of_change_named_before_its_figure_is_no_amount():
    # 营收增速低于10% says how fast revenue grew, not how much there was.
    asked = wanted("How much revenue did Pinduoduo make in the third quarter?")
    assert figures(asked, "这是该公司连续第四个季度营收增速低于10%。") == []
    text = "营收增幅为12%，达到100亿元。"
    assert [text[s:e] for s, e in figures(asked, text)] == ["100亿元"]


def test_a_chinese_how_many_question_counts_an_english_thing_past_its_modifiers():
    text = "Douyin plans to expand its food delivery pilot to 20 more cities by the end of the year."
    assert _short("抖音外卖试点计划扩展到多少个城市？", text) == "20 more cities"


def test_figures_in_traditional_characters_are_read_as_in_simplified():
    quote = "電商事業部門營收為35億美元，年增38%。"
    assert numberless("What was Sea's e-commerce revenue?", [quote]) is False
    asked = wanted("What was Sea's e-commerce revenue?")
    assert [quote[s:e] for s, e in figures(asked, quote)] == ["35億美元"]


def test_growth_said_as_chengzhang_asks_for_a_change():
    # Taiwan writes growth 成長 (成长 once simplified), as the mainland writes 增长.
    assert wanted("虾皮第三季营收成长多少？").kind == "change"
    assert _short("虾皮第三季营收成长多少？", "店到店已突破2,000家，第三季营收较去年同期成长21%。") == "21%"


def test_a_percentage_in_words_is_a_rate():
    assert (
        _short("What is the company's gross margin?", "Its gross margin was 14 percent last year.")
        == "14 percent"
    )
    assert _short("毛利率是多少？", "公司毛利率为百分之十四。") == "百分之十四"
    text = "營收年增兩成。目前已有超過六成的蝦皮訂單選擇在店到店取貨。"
    assert _short("What share of Shopee orders are picked up at stores?", text) == "六成"


def test_a_price_compared_asks_for_the_difference():
    text = "店到店已有2,000家，取貨運費比超商低約三成，營收年增兩成。"
    assert _short("店到店的运费比超商便宜多少？", text) == "三成"
    assert (
        _short(
            "How much cheaper is its shipping?",
            "Shipping is 30% cheaper than at 7-Eleven, with 2,000 stores.",
        )
        == "30%"
    )


def test_a_sum_is_not_answered_by_a_count_of_things():
    text = "Tencent Music reported 123 million paying users at the end of June."
    assert _short("What was Tencent Music's revenue in the first half?", text) is None
    # 多少个销售网点 counts outlets: no sum of money for its 销售.
    assert wanted("零跑在海外有多少个销售网点？").kind == "count"


def test_who_a_thing_is_done_by_is_the_name_after_its_verb_and_by():
    text = (
        'Kuaishou launched the "Kuaishou Official Self-Operated Flagship Store". The flagship store is '
        "operated by Chengdu Pinong Technology Co., Ltd., which is controlled by a Kuaishou affiliate."
    )
    assert (
        _short("Which company is Kuaishou's store operated by?", text)
        == "Chengdu Pinong Technology Co., Ltd."
    )
    chinese = "快手自营旗舰店由成都普农科技有限公司运营，已售出22万件商品。"
    assert _short("Which company is the store operated by?", chinese) == "成都普农科技有限公司"
    assert _short("快手自营旗舰店由哪家公司运营？", chinese) == "成都普农科技有限公司"


def test_a_half_year_named_by_its_half_counts_nothing():
    # "first-half" is when; a how-many question is not answered by a sentence giving no count.
    said = ["Kingdee said its first-half net loss narrowed sharply as more customers signed up."]
    assert numberless("金蝶有多少家客户？", said)
    assert numberless("How many customers does Kingdee have?", said)
    assert not numberless("金蝶有多少家客户？", ["Kingdee had half a million customers."])


def test_a_figure_planned_is_answered_only_by_a_sentence_saying_a_plan():
    opened = ["Luckin opened its first two stores in the United States on Monday."]
    assert unplanned("瑞幸计划在美国开多少家门店？", opened)
    assert unplanned("How many stores does Luckin plan to open in the US?", opened)
    planned = ["Heytea planned to open 50 more stores outside mainland China by the end of 2026."]
    assert not unplanned("How many stores does Heytea plan to open?", planned)
    assert not unplanned("How many stores did Luckin open in the US?", opened)
    # Only a how-many or how-much question; a projection says a plan.
    assert not unplanned("泡泡玛特计划在哪里开新店？", opened)
    assert not unplanned("Why did XPeng plan to build cars in Austria?", opened)
    gmv = ["It could save fees on a projected GMV of over 400 billion RMB in 2024."]
    assert not unplanned("小红书2024年的GMV预计有多少？", gmv)
    assert not unplanned("游戏中的虚拟人物有多少？", opened)
    aimed = ["Chairman Yin Tongyue said Chery aimed to sell more than 3 million cars this year."]
    # A figure said as planned answers, in no unit too, before another in units that is not.
    voyah = (
        "Voyah sold 123,000 vehicles in the first nine months of the year, up 40%, and aims to sell 200,000 "
        "this year. Dongfeng's overall vehicle sales fell 11% to 1.53 million units in the first nine months."
    )
    assert _short("岚图今年的销量目标是多少？", voyah) == "200,000"
    # Not the year a plan is for, nor the money it costs.
    saic = "上汽集团董事长王晓秋表示，公司计划到2027年实现新能源汽车年销量200万辆。"
    assert _short("上汽集团的新能源销量目标是多少？", saic) == "200万辆"
    capex = "Wu said the 380 billion yuan it plans to invest over three years would go to AI."
    assert _short("阿里巴巴计划在三年内投资多少？", capex) == "380 billion yuan"
    # A buyback's size is said in money as often as in shares.
    buyback = ["Feihe said it would spend up to HK$1 billion on share buybacks this year."]
    assert not numberless("飞鹤将回购多少股票？", buyback)
    assert _short("飞鹤将回购多少股票？", buyback[0]) == "HK$1 billion"
    assert not unplanned("奇瑞今年的销量目标是多少？", aimed)
    # Any sentence with a number may say it, in any script, as an estimate too.
    more = ["Jiang Tao said the company planned to open 50 more stores outside China by the end of 2026."]
    assert not unplanned("喜茶计划到2026年底再开多少家海外门店？", more)
    assert not unplanned("酷澎今年在台湾的交易额预计有多少？", ["業界預估，酷澎今年在台交易額將達600億元。"])
    assert not unplanned("酷澎今年在台湾的交易额预计有多少？", ["據市調機構估計，其交易額可達600億元。"])
    assert not unplanned(
        "伯恩斯坦预计GTV能达到多少？", ["Analysts estimate its GTV could reach RMB 300 billion."]
    )


def test_a_question_asking_which_year_is_answered_by_a_date_naming_one():
    text = "The tutoring began in July. The company has been profitable every year since 2020."
    assert _short("宇树从哪年开始盈利？", text) == "since 2020"
    assert _short("When did the tutoring begin?", text) == "in July"
    assert _short("In what year did the tutoring begin?", "The tutoring began in July.") is None


def test_a_cut_asked_for_is_answered_by_the_change_said_after_its_figure():
    text = (
        "Its seventh-generation robotaxi costs 70% less to build than the previous model. "
        "Revenue for the second quarter rose 76% to $21.5 million."
    )
    assert wanted("小马智行第七代Robotaxi成本降低了多少？").kind == "change"
    assert _short("小马智行第七代Robotaxi成本降低了多少？", text) == "70%"
    assert wanted("How much did its revenue decline?").kind == "change"


def test_a_count_is_not_answered_by_a_figure_counting_another_thing_beside_a_mention_of_it():
    orders = (
        "JD said its food delivery business had passed 20 million daily orders, less than three months "
        "after it began recruiting restaurants in February."
    )
    assert numberless("How many restaurants has JD signed up?", [orders])
    # A noun for people the tokenizer cuts apart (快递 + 员) counts people: 75.7亿票 are parcels.
    parcels = ["上半年顺丰共完成件量75.7亿票，其中国际快递业务收入增速超过20%。"]
    assert wanted("顺丰有多少名快递员？").counted == "快递员"
    assert numberless("顺丰有多少名快递员？", parcels) and not numberless("顺丰完成了多少票件量？", parcels)
    assert not numberless("How many orders does JD get a day?", [orders])
    # What the question counts, counted by a number no pattern takes for a figure, still answers.
    scored = ["The Broncos won 23–16 by scoring 11 points in the final three minutes of the game."]
    assert not numberless("How many points did the Broncos score in the final three minutes?", scored)


def test_money_paid_or_fined_is_answered_in_money_and_a_fee_also_by_a_rate_levied():
    share = ["The brand holds about 30% of Japan's headphone market."]
    for question in ("这款耳机在日本卖多少钱？", "How much does the headphone cost in Japan?"):
        assert numberless(question, share)
    assert not numberless("这款耳机在日本卖多少钱？", ["这款耳机在日本售价为2.98万日元。"])
    # A fee may be levied as a rate.
    assert not numberless("平台的服务费是多少？", ["平台向商家收取的服务费为成交额的5%。"])
    # A fine is money: not the users beside it.
    fined = "监管部门对该公司罚款50万元。该公司目前拥有2亿注册用户。"
    assert _short("How much was the company fined?", fined) == "50万元"
    assert wanted("该公司被罚了多少？").kind == "money"


def test_a_code_counts_nothing():
    listed = ["公司正式在港交所挂牌上市，股票代码为6862。"]
    assert numberless("这家公司有多少家门店？", listed)
    assert numberless("How many stores does the company have?", ["It trades under the stock code 6862."])
    assert not numberless("这家公司有多少家门店？", ["公司共有门店6862家。"])


def test_a_count_its_clause_says_is_of_another_measure_answers_nothing():
    subscribing = ["Average monthly subscribing members were 8.1 million in the quarter."]
    assert numberless("这个平台有多少日活跃用户？", subscribing)
    assert not numberless("这个平台有多少付费会员？", subscribing)
    # A currency's hundredths are money too.
    assert not numberless("波司登中期股息是多少？", ["董事会宣布派发中期股息每股6.0港仙。"])
    assert not numberless("How much is the dividend?", ["It will pay a dividend of 95 cents a share."])
    # Fen are the yuan's hundredths; a currency named by its country is money without a scale too.
    assert (
        _short("李宁中期股息是多少？", "The board declared an interim dividend of 37.75 fen a share.")
        == "37.75 fen"
    )
    special = "Meitu said it would pay a special dividend of 0.08 Hong Kong dollars per share."
    assert _short("美图特别股息是多少？", special) == "0.08 Hong Kong dollars"
    # Money raised is no revenue.
    assert numberless("这家公司去年营收是多少？", ["公司此次共募集资金约20亿港元。"])
    assert not numberless("这家公司募资多少？", ["公司此次共募集资金约20亿港元。"])


def test_a_who_question_on_a_post_needs_a_quote_saying_who_holds_one():
    results = ["顺丰今年上半年营收1500亿元，净利润57亿元。"]
    assert unposted("顺丰的首席财务官是谁？", results)
    assert unposted("Who is SF Express's CFO?", results)
    assert not unposted(
        "Who is SF Express's CFO?", ["Its chief financial officer, Ho Chit, said costs fell."]
    )
    # A founder is said by the founding, the holder of another post may hold the one asked; not a chair's
    # (海康威视的董事长 is not its 总经理), whom only a chair is.
    assert not unposted("顺丰的创始人是谁？", ["顺丰由王卫于1993年在广东顺德创立。"])
    assert not unposted("顺丰的总裁是谁？", ["顺丰总经理王卫表示，公司将继续投入。"])
    assert unposted("顺丰的总裁是谁？", ["顺丰董事长王卫表示，公司将继续投入。"])
    assert unposted("海康威视的董事长是谁？", ["海康威视总经理胡扬忠表示，公司将加大研发投入。"])
    assert not unposted("Who is ZTO's chairman?", ["Chairman and CEO Lai Meisong said volumes grew."])
    assert not unposted("周大福的董事总经理是谁？", ["Managing director Norman Cheng said prices stay high."])
    assert not unposted(
        "Who is Bosideng's chairman?", ["波司登创始人、董事局主席高德康表示，公司将继续投入。"]
    )
    # But a founding, or a founder's post, says no one holds another post now: founders hand companies on.
    assert unposted("顺丰的CEO是谁？", ["顺丰由王卫于1993年在广东顺德创立。"])
    assert unposted("Who is the chairman of SF Holding?", ["SF Holding's founder Wang Wei said costs fell."])
    # So is a founding asked for: "Who founded SF Holding?" is not answered by its results.
    assert unposted("谁创立了顺丰？", results) and unposted("Who founded SF Holding?", results)
    assert not unposted("Who founded SF Holding?", ["SF was set up by Wang Wei in 1993."])
    assert unposted("Who founded SF Holding?", ["得物建立了价格宣传审核机制。"]), (
        "establishing rules founds nothing"
    )
    # Not judged: a who-question asking no post, a question asking no one.
    assert not unposted("谁是顺丰的大股东？", results)
    assert not unposted("顺丰的首席财务官说了什么？", results)
    assert not unposted("Who composed music for Doctor Who?", ["Dudley Simpson wrote the score."])


def test_what_a_thing_is_called_is_answered_by_the_name_the_text_gives_it():
    trial = "A simple but slow method of checking whether a value is prime is known as trial division. It is slow."
    assert _short("What is the name of the slow method of checking primes?", trial) == "trial division"
    assert (
        _short("这种检验素数的简单方法叫什么？", "这种检验素数的简单方法被称为试除法，它很慢。") == "试除法"
    )
    launched = "DJI launched its first robot vacuum cleaner, the DJI Romo, in China on Wednesday."
    assert _short("What is DJI's robot vacuum called?", launched) == "DJI Romo"
    assert _short("大疆的扫地机器人叫什么？", launched) == "DJI Romo"
    # Not asked what a thing is called: no name beside a noun answers.
    assert _short("What did DJI launch?", launched) != "DJI Romo"


def test_a_size_is_answered_by_an_amount_never_by_a_rate_levied():
    share = "Roborock and Ecovacs together hold about 40% of China's robot vacuum market."
    assert _short("中国扫地机器人市场规模多大？", share) is None
    assert _short("中国扫地机器人市场规模多大？", "去年中国扫地机器人销售额为214亿元。") == "214亿元"
    # A fee may still be levied as a rate.
    assert _short("平台的服务费是多少？", "平台向商家收取的服务费为成交额的5%。") == "5%"


def test_where_a_firm_lists_is_no_place_it_is_based_nor_a_language():
    text = (
        "Full Truck Alliance, the Guiyang-based freight platform known in Chinese as Manbang, "
        "is listed on the New York Stock Exchange."
    )
    assert _short("Where is Full Truck Alliance listed?", text) == "the New York Stock Exchange"
    assert _short("满帮在哪里上市？", "Full Truck Alliance, the Guiyang-based freight platform.") is None
    assert _short("Where is Full Truck Alliance based?", text) == "Guiyang"
    assert _short("满帮的名字来自哪里？", "The platform is known in Chinese as Manbang.") is None


def test_a_brands_sum_is_a_part_of_the_companys():
    text = "The core Xtep brand's revenue grew 3.1% to 5.9 billion yuan."
    at = text.index("5.9")
    assert not of_what_asked("特步上半年收入是多少？", "amount")(text, at)
    assert of_what_asked("特步主品牌收入是多少？", "amount")(text, at)


def test_a_company_named_as_its_brand_is_answered_by_the_companys_sum_not_the_brands():
    text = (
        "8月27日晚，火锅连锁品牌呷哺呷哺发布中期业绩。报告显示，上半年公司实现营收19.1亿元，同比下降21.5%。\n\n"
        "分品牌看，呷哺呷哺品牌收入9.8亿元，同比下降24%；中高端品牌凑凑收入7.6亿元，同比下降19%。"
    )
    assert _short("呷哺呷哺收入是多少？", text) == "19.1亿元"
    assert _short("What was Xiabuxiabu's revenue in the first half?", text) == "19.1亿元"
    assert _short("How much did 呷哺呷哺's revenue fall?", text) == "21.5%"
    # Asked of the brand, or of another brand, the brand's.
    assert _short("呷哺呷哺品牌收入是多少？", text) == "9.8亿元"
    assert _short("What was the revenue of the 呷哺呷哺 brand?", text) == "9.8亿元"
    assert _short("凑凑收入下降了多少？", text) == "19%"


def test_a_name_no_list_has_opening_a_question_is_its_subject_not_a_part():
    text = (
        "Yunnan Baiyao Group said its net profit rose 10.4% to 4.69 billion yuan.\n\nRevenue for the period "
        "rose 0.4% to 30.1 billion yuan.\n\nIts health products unit brought in 5.0 billion yuan, up 3.6%.\n\n"
        "Its pharmaceutical wholesale arm, which distributes drugs in Yunnan province, had revenue of 19.2 "
        "billion yuan, down 2%."
    )
    assert _short("云南白药收入是多少？", text) == "30.1 billion yuan"
    assert _short("云南白药健康品业务收入是多少？", text) == "5.0 billion yuan"
    # Named, it is not named by a place its part's clause says.
    assert _short("What was Yunnan Baiyao's revenue?", text) == "30.1 billion yuan"


def test_a_channels_sum_is_a_part_and_a_profit_attributable_to_shareholders_a_sum():
    text = (
        "8月12日，运动品牌361度公布2025年中期业绩。上半年公司实现营业收入57.0亿元，同比增长11.0%；股东应占溢利"
        "8.6亿元，同比增长8.6%。\n\n电商渠道收入16.5亿元，同比增长22.1%，占总收入的28.9%。"
    )
    assert _short("How much did 361 Degrees' revenue grow?", text) == "11.0%"
    assert _short("How much did 361度's e-commerce revenue grow?", text) == "22.1%"
    assert _short("What was 361度's profit attributable to shareholders?", text) == "8.6亿元"
    stores = "截至6月30日，361度在中国内地共有成人品牌门店5,560家，童装门店2,420家。"
    assert _short("What was 361度's profit attributable to shareholders?", stores) is None
    # People counted are no other things.
    people = (
        "Wages rose at its factories in Vietnam and Cambodia.\n\nThe Ningbo-based company employs about "
        "100,000 people and makes about 40% of its garments abroad."
    )
    assert _short("申洲国际有多少家工厂？", people) is None
    assert _short("How many factories does Shenzhou have?", people) is None
    assert _short("How many people does Shenzhou employ?", people) == "100,000"
    assert numberless("申洲国际有多少家门店？", ["The company employs about 100,000 people."])
    # The number in a company's name counts nothing.
    assert numberless("361度有多少名员工？", [stores])
    assert not numberless("361度有多少家门店？", [stores])
    # A number said otherwise is no number the question states (2 of 2世纪 is not 2,000).
    assert not numberless("2世纪左右哈德良桥的估计人口是多少？", ["Its population was estimated at 2,000."])


def test_an_adjusted_figure_answers_only_a_question_asking_for_one():
    text = (
        "Net income attributable to ordinary shareholders was 702.5 million yuan, up 38.6% from a year "
        "earlier. Adjusted net income, which excludes share-based compensation, rose 22.4% to 915.3 million yuan."
    )
    assert _short("What was Kanzhun's net income?", text) == "702.5 million yuan"
    assert _short("看准科技的净利润增长了多少？", text) == "38.6%"
    assert _short("What was Kanzhun's adjusted net income?", text) == "915.3 million yuan"
    # Where only the adjusted figure is given, it answers.
    assert (
        _short("途虎养车的净利润是多少？", "Adjusted net profit rose 3.6% to 356 million yuan.")
        == "356 million yuan"
    )


def test_a_rate_whose_clause_names_another_measure_gives_no_level_asked():
    margin = ["Adjusted net profit rose 3.6% to 356 million yuan, while gross margin narrowed to 25.1%."]
    assert numberless("途虎养车的净利润率是多少？", margin)
    assert not numberless("途虎养车的毛利率是多少？", margin)


def test_a_measure_narrowed_by_one_character_after_de_needs_it_said():
    output = ["上半年公司矿产金产量41.2吨；矿产铜产量57.2万吨；矿产银产量224吨。"]
    assert unnarrowed("紫金矿业的锂产量是多少？", output)
    assert not unnarrowed("紫金矿业的银产量是多少？", output)
    assert not unnarrowed("紫金矿业的银产量是多少？", ["Zijin mined 224 tonnes of silver in the half."])


def test_users_active_in_a_month_are_counted_as_users_and_no_span_of_time_counts_them():
    quarter = ["Total revenue for the three months ended September 30 rose 20.6% to 8.46 billion yuan."]
    assert numberless("腾讯音乐有多少月活跃用户？", quarter)
    assert numberless("How many monthly active users does Tencent Music have?", quarter)
    assert not numberless("腾讯音乐有多少月活跃用户？", ["Monthly active users were 576 million."])


def test_points_of_a_percentage_answer_how_much_a_rate_moved_and_no_change_of_a_sum():
    margin = "前三季度公司毛利率为40.0%，较上年同期提升6.2个百分点。"
    assert _short("中际旭创毛利率提升了多少？", margin) == "6.2个百分点"
    assert _short("中际旭创毛利率是多少？", margin) == "40.0%"
    english = (
        "Gross margin narrowed by 0.6 percentage point to 50.1%, while revenue rose 11% to 14.8 billion yuan."
    )
    assert _short("How much did Li Ning's gross margin narrow?", english) == "0.6 percentage point"
    assert _short("李宁营收增长了多少？", english) == "11%"
    assert _short("巨子生物收入增长了多少？", "巨子生物毛利率为82.1%，较去年同期下降0.6个百分点。") is None
    # What was put into research is a sum, said in money: no rate nor its move answers it.
    margin_only = ["巨子生物毛利率为82.1%，较去年同期下降0.6个百分点。\n\n公司将加大重组胶原蛋白的研发投入。"]
    assert numberless("巨子生物研发投入是多少？", margin_only)
    spent = ["NAURA spent 2.6 billion yuan on research and development in the first half."]
    assert not numberless("北方华创研发投入是多少？", spent)


def test_a_count_in_ge_is_of_the_noun_after_it_also_for_people():
    ratio = ["截至9月末，公司资产负债率为55.5%，较年初下降3.2个百分点。"]
    assert numberless("牧原股份的员工有多少？", ratio)
    assert not numberless("牧原股份的员工有多少？", ["公司有3000个员工。"])
    assert not numberless("牧原股份的员工有多少？", ["公司共有员工3.5万名。"])


def test_an_english_word_stands_as_near_a_figure_after_it_however_long_it_is():
    # Measured from its end: "revenues rose 86%" is as near as "income grew 47%".
    text = "Total revenues rose 86% to HK$5.19 billion. Interest income grew 47% to HK$2.06 billion."
    assert _short("富途营收增长了多少？", text) == "86%"


def test_a_figure_of_a_part_answers_a_question_about_that_part_by_its_name():
    text = (
        "Operating revenue edged up 0.6% to 399.5 billion yuan. Revenue from Tianyi Cloud, the company's "
        "cloud computing unit, grew 3.8% to 43.1 billion yuan."
    )
    assert _short("天翼云收入是多少？", text) == "43.1 billion yuan"
    assert _short("中国电信的收入是多少？", text) == "399.5 billion yuan"


def test_a_part_said_after_its_whole_with_its_own_name_answers_a_question_naming_it():
    text = (
        "WPS Office had 650 million monthly active users at the end of September, of which WPS AI accounted "
        "for more than 29 million."
    )
    assert _short("WPS AI有多少月活用户？", text) == "29 million"
    assert _short("How many monthly active users does WPS AI have?", text) == "29 million"
    assert _short("How many monthly active users does WPS Office have?", text) == "650 million"


def test_a_figure_in_a_clause_set_beside_another_is_of_what_that_clause_names():
    text = (
        "Galaxy Macau, the group's flagship resort on the Cotai strip, generated EBITDA of HK$2.5 billion, "
        "while StarWorld Macau contributed HK$588 million."
    )
    assert _short("How much EBITDA did StarWorld Macau generate?", text) == "HK$588 million"
    assert _short("What was Galaxy Macau's EBITDA?", text) == "HK$2.5 billion"


def test_ebitda_is_a_sum_asked_for_by_what_was():
    text = (
        "Galaxy Entertainment Group posted third-quarter adjusted earnings before interest, taxes, depreciation "
        "and amortisation (EBITDA) of HK$3.3 billion, up 13% and above analysts' estimates of HK$3.1 billion."
    )
    assert _short("What was Galaxy Entertainment's EBITDA in the third quarter?", text) == "HK$3.3 billion"


def test_a_companys_trade_after_its_name_narrows_nothing_measured():
    # 重工 is of 三一重工, not a part of its profit that a quote must say.
    assert not unnarrowed(
        "三一重工净利润是多少？", ["归属于上市公司股东的净利润为71.36亿元，同比增长46.58%。"]
    )
    assert unnarrowed(
        "三一重工海外净利润是多少？", ["归属于上市公司股东的净利润为71.36亿元，同比增长46.58%。"]
    )


def test_another_owners_measure_answers_no_why_question_either():
    market = ["Macau's gross gaming revenue rose 8% in the first ten months, as visitors kept coming."]
    assert anothers("Why did Galaxy's revenue rise?", market)
    assert not anothers(
        "Why did Galaxy's revenue rise?", ["Net revenue rose 14%, driven by mass-market players."]
    )


def test_business_abroad_is_said_in_other_words_than_the_questions():
    sany = ["前三季度公司国际业务收入为408.6亿元，同比增长16.3%，占主营业务收入的比重达到62.6%。"]
    assert not unnarrowed("三一重工海外收入占比是多少？", sany)
    assert unnarrowed(
        "三一重工海外收入占比是多少？", ["前三季度公司实现营业收入663.07亿元，同比增长13.28%。"]
    )


def test_what_a_sum_is_paid_for_must_be_said():
    # A dividend is a measure of its own, told from a profit in `rag.qualifiers`; what a sum is paid for,
    # of no measure listed, is judged here.
    trip = ["Its net profit for the third quarter rose 35.4% from a year earlier to 432 million yuan."]
    assert unnarrowed("How much did Kingsoft Office pay for the trip?", trip)
    dividend = ["The company declared a special dividend of HK$0.50 per share, payable on Dec 12."]
    assert not unnarrowed("How much did Galaxy pay in dividends?", dividend)


def test_a_word_of_a_name_in_capitals_asks_for_no_dimension():
    cash = ["截至三季度末，公司货币资金为287.4亿元。"]
    assert not numberless("How much cash did Sany Heavy have?", cash)
    assert wanted("How much cash did Sany Heavy have?").units is None
    assert wanted("How heavy is the drone?").units is not None


def test_being_on_track_to_do_a_thing_says_a_time_ahead():
    plan = [
        "Its deputy chairman said it was on track to open the first phase of its Phase 4 expansion in 2027."
    ]
    assert not unforeseen("When will Galaxy open Phase 4?", plan)


def test_a_sum_is_said_in_money_never_in_a_unit_of_things():
    power = "其中三峡电站发电量为692.34亿千瓦时。公司前三季度净利润为293.11亿元。"
    assert _short("What was China Yangtze Power's net profit?", power) == "293.11亿元"
    assert _short("白鹤滩电站发电量是多少？", "白鹤滩电站发电量为515.21亿千瓦时。") == "515.21亿千瓦时"


def test_units_count_whatever_is_asked_about():
    text = "Shipments of vehicle lens sets climbed 16.8% to 62.1 million units."
    assert not numberless("How many vehicle lens sets did Sunny ship?", [text])
    assert numberless("How many employees does Sunny have?", ["It shipped 62.1 million lenses."])


def test_a_sum_spent_is_asked_before_what_it_is_spent_on():
    assert wanted("舜宇光学计划投资多少扩产？").kind == "money"
    assert wanted("腾讯投资多少家公司？").kind == "count"


def test_the_measure_whose_change_is_asked_is_the_last_word_before_the_verb():
    assert measured("How much did United Imaging's net profit grow?") == "profit"
    assert measured("How much did J&T's revenue grow?") == "revenue"


def test_a_figure_another_company_reported_is_its_own():
    rival = [
        "Sunny competes with Taiwan's Largan Precision, which reported a first-half net profit of T$5.9 billion."
    ]
    assert anothers("What was Sunny Optical's net profit in the first half?", rival)
    assert not anothers("What was Largan's first-half net profit?", rival)


def test_of_two_figures_side_by_side_the_one_whose_side_says_the_part_asked_answers():
    text = (
        "Online marketing services revenue, mainly from advertising, grew 8% to 53.3 billion yuan, while "
        "transaction services revenue, which includes Temu commissions, rose 10% to 55 billion yuan."
    )
    assert _short("拼多多在线营销服务收入是多少？", text) == "53.3 billion yuan"
    assert _short("拼多多交易服务收入是多少？", text) == "55 billion yuan"


def test_a_figure_whose_sentence_names_the_part_beats_one_left_to_a_part_named_before():
    text = (
        "Revenue edged up 0.8% to 7.6 billion yuan.\n\nSales of its crayfish products dropped 12% to 1.6 "
        "billion yuan after crayfish prices fell sharply. Frozen hotpot ingredients brought in 3.9 billion "
        "yuan, up 3%."
    )
    assert _short("安井食品小龙虾收入是多少？", text) == "1.6 billion yuan"
    # A relative clause says what a thing holds or does, not what the figure is of; the reason joined
    # after a change names a price, not what fell.
    dishes = (
        "Sales of frozen prepared dishes, which include its crayfish products, dropped 12% to 1.6 billion "
        "yuan after crayfish prices fell sharply."
    )
    assert _short("How much did Anjoy's prepared dishes sales drop?", dishes) == "12%"
    unit = "Its health products unit, which sells Baiyao toothpaste, brought in 5.0 billion yuan, up 3.6%."
    assert unparted("云南白药牙膏收入是多少？", [unit])
    assert not unparted("云南白药健康品业务收入是多少？", [unit])


def test_names_side_by_side_are_not_told_apart_by_the_questions_capitalised_words():
    text = (
        "Six-time Grammy winner Lady Gaga performed the national anthem, while Academy Award-winning actress "
        "Marlee Matlin provided American Sign Language (ASL) translation."
    )
    assert (
        _short("Who did the sign language of the National Anthem at Super Bowl 50?", text) == "Marlee Matlin"
    )


def test_a_stock_code_beside_a_companys_name_counts_nothing():
    report = "长安汽车（000625）10月30日晚间披露2025年三季度报告。"
    assert _short("长安汽车第三季度销量是多少？", report) is None
    assert _short("How many stores does it have?", "Guming (1364) had 9,000 stores.") == "9,000 stores"
    # Nor one written with its exchange's suffix.
    assert _short("卫龙有多少家工厂？", "卫龙美味（9985.HK）8月19日晚间发布2025年中期业绩。") is None


def test_the_earlier_value_a_figure_is_compared_with_is_not_the_figure_asked_for():
    loss = (
        "The company posted a net loss of 834 million yuan for the July-September quarter, compared with a "
        "loss of 2.5 billion yuan a year earlier."
    )
    assert _short("隆基绿能第三季度净亏损是多少？", loss) == "834 million yuan"
    income = "Net income was $125 million, against a net loss of $121 million in the same period last year."
    assert _short("What was BeiGene's net income in the third quarter?", income) == "$125 million"
    # A price compared with another of another kind is no earlier value.
    price = "The stock opened at 650 yuan, compared with an offering price of 114.28 yuan."
    assert _short("摩尔线程的发行价是多少？", price) == "114.28 yuan"
    assert _short("摩尔线程开盘价是多少？", price) == "650 yuan"


def test_a_range_whose_lower_end_is_a_bare_number_is_answered_whole():
    plan = "It expects to ship between 80 and 90 GW of modules for the full year."
    assert _short("隆基全年组件出货量预计是多少？", plan) == "between 80 and 90 GW"
    assert _short("理想汽车四季度预计交付多少辆？", "公司预计四季度交付10至11万辆。") == "10至11万辆"


def test_where_a_thing_is_done_narrows_what_a_how_many_question_counts():
    sales = (
        "长安汽车前三季度累计销售汽车205.6万辆，同比增长5.6%；其中新能源汽车销量68.9万辆，海外销量47.2万辆，"
        "同比增长13.5%。"
    )
    assert _short("How many cars did Changan sell overseas?", sales) == "47.2万辆"
    assert _short("How many cars did Changan sell?", sales) == "205.6万辆"


def test_the_rest_of_the_name_a_who_question_asks_about_is_nobody():
    lead = "Oct 30 (Reuters) - LONGi Green Energy Technology, the world's largest maker of solar wafers"
    assert _short("隆基的董事长是谁？", lead) is None
    said = '"Prices have stopped falling," chairman Zhong Baoshen told analysts on a call.'
    assert _short("隆基的董事长是谁？", said) == "Zhong Baoshen"


def test_a_cause_said_before_what_it_led_to_leads_a_why_answer():
    text = (
        "Founded in 2020 by Zhang Jianzhong, a former Nvidia executive who headed the US company's China "
        "business, Moore Threads was added to the US entity list in October 2023, cutting it off from TSMC's "
        "manufacturing."
    )
    assert (
        _short("Why did Moore Threads lose access to TSMC?", text)
        == "Moore Threads was added to the US entity list in October 2023"
    )


def test_a_unit_after_an_english_numbers_scale_is_part_of_the_figure():
    text = "Refinery throughput in the first nine months was 186 million tonnes, down 1.6%."
    assert _short("中石化前三季度炼油量是多少？", text) == "186 million tonnes"


def test_a_level_said_again_in_another_currency_is_no_change():
    level = (
        "Net profit fell to 8.5 billion yuan ($1.19 billion) in the July-September period, from 13.1 billion "
        "yuan a year earlier."
    )
    assert _short("How much did Sinopec's third-quarter profit fall?", level) is None
    drop = "Sinopec posted a 35% drop in third-quarter net profit on Monday."
    assert _short("How much did Sinopec's third-quarter profit fall?", drop) == "35%"


def test_a_unit_of_weight_counts_no_things():
    capacity = "截至9月末，公司在海外已建成投产的水泥熟料产能为1800万吨。"
    assert _short("How many cement plants does Conch operate overseas?", capacity) is None
    assert _short("海螺水泥海外产能是多少？", capacity) == "1800万吨"
    # What a Chinese question asks for may be a quantity a unit measures.
    assert _short("华润啤酒上半年卖了多少啤酒？", "上半年，华润啤酒啤酒销量为652.9万千升。") == "652.9万千升"


def test_a_unit_measures_a_quantity_a_chinese_question_asks_of_an_english_count():
    gas = "Natural gas sales climbed 5.1% to 230.5 billion cubic metres."
    assert not numberless("中国石油天然气销量是多少？", [gas])
    assert _short("中国石油天然气销量是多少？", gas) == "230.5 billion cubic metres"
    # People are counted in no unit.
    assert numberless("中国石油有多少名员工？", [gas])


def test_the_number_of_other_things_counts_none_of_those_asked():
    products = (
        "Remodelled stores cut the number of products on their shelves to about 12,000 from around 20,000."
    )
    stores = (
        "It had closed 227 stores so far this year and had 124 remodelled stores open by the end of October."
    )
    assert numberless("永辉有多少家调改门店？", [products])
    assert not numberless("永辉有多少家调改门店？", [stores])
    assert _short("How many products do Yonghui's remodelled stores sell?", products) == "12,000"
    # In Chinese, the thing right before 数量 or 人数.
    stores = "截至9月末，公司门店数量为26206家。"
    assert numberless("瑞幸有多少名员工？", [stores]) and not numberless("瑞幸有多少家门店？", [stores])


def test_a_change_to_a_level_asks_for_the_level():
    payout = (
        "Chairman Dai Houliang said the company would raise its interim dividend payout ratio to 52%.\n\n"
        "PetroChina's Hong Kong-listed shares rose 1.3% on Friday."
    )
    assert _short("中国石油中期派息率提高到多少？", payout) == "52%"
    assert _short("中国石油股价上涨了多少？", payout) == "1.3%"
    products = (
        "Remodelled stores cut the number of products on their shelves to about 12,000 from around 20,000."
    )
    assert _short("永辉调改门店的商品数量减少到多少？", products) == "12,000"


def test_what_a_share_earns_or_is_paid_is_money_never_a_rate():
    payout = "Chairman Dai Houliang said the company would raise its interim dividend payout ratio to 52%."
    assert _short("What was PetroChina's third-quarter dividend per share?", payout) is None
    assert wanted("中国石油每股派息多少？").kind == "money"
    assert _short(
        "What was PetroChina's dividend per share?", "It paid a dividend of 0.22 yuan per share."
    ) == ("0.22 yuan")


def test_a_sum_asked_for_by_what_it_is_is_not_the_price_the_market_puts_on_the_company():
    market = "10月30日，工业富联股价上涨4.6%，收于71.2元，总市值约1.41万亿元。"
    assert numberless("What was Foxconn Industrial Internet's fourth-quarter revenue?", [market])
    assert numberless("工业富联第四季度营收是多少？", [market])
    assert not numberless("工业富联的市值是多少？", [market])
    assert not numberless("What was JD.com's revenue?", ["Revenue rose 14.9% to 299.1 billion yuan."])


def test_a_day_of_a_date_is_no_rate():
    assert (
        _short("永辉超市的毛利率是多少？", "SHANGHAI, Oct 31 (Reuters) - Yonghui reported a wider loss.")
        is None
    )
    assert _short("翻台率是多少？", "The table turnover rate dropped to 3.8 in the first half.") == "3.8"


def test_a_stake_is_no_margin():
    stake = (
        "Yonghui's biggest shareholder is Miniso, which bought a 29.4% stake for 6.27 billion yuan in 2024."
    )
    assert numberless("永辉超市的毛利率是多少？", [stake])
    assert not numberless("名创优品持有永辉多少股份？", [stake])


def test_a_model_is_counted_by_its_code():
    fleet = (
        "It operated a fleet of 934 aircraft at the end of September, including 21 C919 jets made by COMAC."
    )
    assert _short("国航有多少架C919？", fleet) == "21 C919"


def test_people_are_no_things_counted_in_anothers_number_nor_a_share_of_a_sum():
    # Teams are no people (球员 and 队员 are two of nine senses): 两支球队 counts them.
    assert not numberless(
        "How many teams did Manning take to the Super Bowl?", ["曼宁带领两支不同球队进入超级碗。"]
    )
    dealers = "截至9月末，公司经销商数量为4526家，较年初净增233家。"
    assert numberless("How many employees does Shanxi Fenjiu have?", [dealers])
    assert not numberless("How many distributors does Shanxi Fenjiu have?", [dealers])
    # 家 counts firms, which its sentence may say the people asked of are.
    firms = "此次基石投资者阵容强大，包括中国石化、科威特投资局、高瓴资本等23家机构，合计认购约26亿美元。"
    assert not numberless("How many cornerstone investors did CATL have?", [firms])
    share = "分区域看，省内收入120.6亿元，省外收入207.9亿元，省外收入占比提升至63%。"
    assert numberless("How many employees does Shanxi Fenjiu have?", [share])


def test_a_sum_of_a_part_a_longer_name_opening_on_the_company_names_is_the_parts():
    text = "Revenue at JD Retail grew 11.4% to 250.6 billion yuan. Total revenue rose 14.9% to 299.1 billion yuan."
    assert _short("京东营收增长了多少？", text) == "14.9%"
    assert _short("How much did JD.com's revenue grow?", text) == "14.9%"
    assert _short("京东零售收入增长了多少？", text) == "11.4%"


def test_the_trade_a_company_is_named_by_narrows_nothing():
    assert not unnarrowed("永辉超市营收下降了多少？", ["Revenue fell 22% to 42.4 billion yuan."])


def test_people_a_chinese_question_counts_are_counted_by_an_english_figure_naming_them():
    fleet = "It operated a fleet of 516 container ships with a total capacity of 3.47 million TEUs."
    assert numberless("中远海控有多少名员工？", [fleet])
    assert not numberless("京东物流有多少一线员工？", ["The company had about 570,000 frontline staff."])
    assert not numberless(
        "知乎的月均订阅会员有多少？", ["Average monthly subscribing members were 12.9 million."]
    )
    assert numberless("影石创新的员工有多少？", ["The company sold 41 million shares at 47.27 yuan each."])


def test_money_asked_for_by_what_it_is_is_not_a_shares_price():
    price = "10月29日，万华化学股价上涨3.2%，收于62.5元。"
    assert numberless("What is Wanhua Chemical's dividend per share?", [price])
    assert not numberless(
        "What is Wanhua Chemical's dividend per share?", ["It will pay 1.5 yuan per share."]
    )


def test_a_shares_move_answers_no_question_on_what_a_company_reports():
    text = "伊利股份董事长潘刚表示，东南亚市场收入同比增长超过20%。\n\n10月31日，伊利股份股价下跌1.2%，收于28.5元。"
    assert _short("How much did Yili's net profit fall?", text) is None
    assert _short("伊利股价下跌了多少？", text) == "1.2%"


def test_a_measure_word_beginning_a_word_counts_nothing():
    # 股 of 股息 and 股东, 票 of 票房 begin words: 多少股息 asks for a sum, 多少股东 counts shareholders.
    assert wanted("欢聚集团派发了多少股息？").kind == "money"
    assert not numberless("欢聚集团派发了多少股息？", ["It paid $78.9 million in dividends in the quarter."])
    assert wanted("有多少股东？").counted == "股东"
    assert wanted("东鹏饮料发行了多少股H股？").measure_word


def test_a_programme_is_a_plan():
    buyback = "JOYY said its board had approved a new share repurchase programme of up to $300 million."
    assert not unplanned("欢聚集团回购计划规模是多少？", [buyback])


def test_debt_is_money_and_what_borrowing_costs_a_rate():
    assert wanted("碧桂园境外债务重组涉及多少债务？").kind == "money"
    assert wanted("What is Longfor's average financing cost?").kind == "rate"
    assert wanted("How much did the project cost?").kind != "rate"


def test_a_thing_counted_is_counted_by_another_word_for_its_kind():
    assert not numberless("碧桂园上半年交付了多少套房子？", ["Country Garden delivered about 170,000 homes."])
    assert not numberless(
        "小米8月交付了多少辆车？", ["Xiaomi delivered more than 40,000 vehicles in August."]
    )
    assert not numberless("How many cars does Voyah aim to sell?", ["Voyah aims to sell 200,000 vehicles."])
    assert numberless("碧桂园上半年交付了多少套房子？", ["Country Garden has about 1,500 projects."])
    # A tier of cities counts nothing.
    assert numberless(
        "周大生海外门店有多少家？", ["公司将继续推进门店结构优化，重点布局一二线城市的核心商圈。"]
    )
    # A verb after a pronoun is no thing counted: the 200 are the stores it runs.
    runs = "Tuniu would open more offline stores, adding to the roughly 200 it runs now."
    assert not numberless("途牛有多少家线下门店？", [runs])
    assert numberless("途牛第三季度活跃用户是多少？", [runs])  # what the clause leaves out is stores


def test_a_sum_named_by_a_kind_before_it_is_a_parts():
    asked = "What was Maoyan's first-half revenue?"
    whole = of_what_asked(asked, wanted(asked).kind)
    ticketing = "Maoyan's online ticketing revenue fell 13.1% to 1.03 billion yuan."
    assert not whole(ticketing, ticketing.index("1.03"))
    streaming = "JOYY's live-streaming revenue fell 4.1% to $436.2 million."
    assert not whole(streaming, streaming.index("$436"))
    for text in (
        "Revenue slipped 8.6% to 2.18 billion yuan.",
        "Maoyan's total revenue was 2.18 billion yuan.",
        "Net profit rose 2% to 975 million yuan, while revenue increased 24.4% to 2.18 billion yuan.",
        "TOP TOY grew revenue by 87.9% to 2.18 billion yuan.",
        "Sam's Club China sales passed 2.18 billion yuan.",
    ):
        assert whole(text, text.index("2.18"))
    assert of_what_asked("欢聚集团直播收入是多少？", "money")(streaming, streaming.index("$436"))
    # What a category contributes is a part, though the company is named between ("洽洽的基本盘").
    category = "分品类看，瓜子仍是洽洽的基本盘，前三季度贡献营收约29亿元。"
    assert not of_what_asked("What was Qiaqia's revenue?", "money")(category, category.index("29"))


def test_a_figure_before_the_text_first_names_the_part_asked_is_the_wholes():
    part = of_what_asked("美的智能家居业务收入是多少？", "money")
    text = "美的营业收入为1000亿元。智能家居业务增长较快，未披露具体金额。"
    assert not part(text, text.index("1000"))
    # After it, a sentence may tell of the part named before ("该业务"); a text never naming it tells nothing.
    text = "智能家居业务表现亮眼。该业务收入为200亿元。"
    assert part(text, text.index("200"))
    assert part("美的营业收入为1000亿元。", 7)


def test_a_part_asked_is_not_answered_by_the_wholes_figure_before_the_part_is_named():
    shede = (
        "前三季度公司实现营业收入38.2亿元，同比下降17.5%；归属于上市公司股东的净利润为4.6亿元，同比下降39.7%。\n\n"
        "分产品看，中高档酒收入为29.1亿元，普通酒收入为6.3亿元。"
    )
    assert unparted("舍得酒业普通酒收入增长了多少？", [shede])
    assert not unparted("舍得酒业普通酒收入是多少？", [shede])
    # The part is read whole though the tokenizer cuts a character off it (普通 + 酒), and a trade after a
    # name no list has (舍得酒业) is part of the name.
    assert _short("舍得酒业中高档酒收入是多少？", shede) == "29.1亿元"
    assert _short("舍得酒业普通酒收入是多少？", shede) == "6.3亿元"
    spring = (
        "Revenue rose 3.9% to 16.4 billion yuan.\n\nInternational flights, mostly to Japan and Southeast Asia, "
        "made up about 26% of its capacity."
    )
    assert unparted("春秋航空国际航线收入是多少？", [spring])
    # An amount of no kind told is not judged: a load factor is a percentage.
    load = "The airline carried 23.1 million passengers, and its seat load factor was 91.6%."
    assert not unparted("What was Spring Airlines' load factor?", [load])


def test_a_rate_or_a_change_counts_nothing_across_languages():
    bank = "前三季度，宁波银行净利息收入为419.1亿元，同比增长11.8%；净息差为1.76%。"
    assert numberless("How many branches does Bank of Ningbo have?", [bank])
    assert not numberless("How many doctors are women?", ["约40%的美国医生是女性。"])


def test_paying_users_are_counted():
    assert wanted("腾讯音乐在线音乐付费用户有多少？").kind == "count"
    assert wanted("销售费用是多少？").kind == "money"
