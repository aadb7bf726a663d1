"""Measures of one thing told apart: daily and monthly users, net, gross and operating profit."""

from rag.qualifiers import (
    adjusted_before,
    asks_adjusted,
    contradicted,
    measure_words,
    measures_other,
    names_measure,
    qualifiers,
)

PROFITS = "财报显示，集团当季收入为2477亿元，同比增长2%；经营利润为351亿元，同比下降3%。"
USERS = "Daily active users reached 109 million, and users spent 105 minutes a day on the app."


def test_a_question_names_at_most_one_measure_of_each_group():
    assert qualifiers("阿里巴巴的净利润是多少？") == ((1, "net"), (2, "profit"))
    assert qualifiers("How many monthly active users does Bilibili have?") == ((0, "monthly"), (3, "active"))
    assert qualifiers("B站的月活跃用户是多少？") == ((0, "monthly"), (3, "active"))
    assert qualifiers("阿里巴巴有多少员工？") == ()
    # A Latin word is one beside Chinese characters too.
    assert qualifiers("蚂蚁集团的CFO是谁？") == ((6, "cfo"),)
    # Both named: the question compares them, it asks for neither alone.
    assert qualifiers("净利润和经营利润相差多少？") == ((2, "profit"),)


def test_quotes_naming_only_another_measure_do_not_answer():
    assert measures_other("阿里巴巴的净利润是多少？", [PROFITS])
    assert measures_other("Bilibili的月活跃用户有多少？", [USERS])
    assert measures_other("What was Alibaba's net income?", [PROFITS])
    assert not measures_other("阿里巴巴的经营利润是多少？", [PROFITS])
    assert not measures_other("阿里巴巴的净利润是多少？", [PROFITS, "净利润为430亿元。"])
    # A profit attributable to shareholders is the net one.
    smic = ["Profit attributable to shareholders was $192 million.", "Gross margin improved to 22.0%."]
    assert not measures_other("中芯国际的净利润是多少？", smic)
    # Named by whom it is for: no revenue, though 营收 is "income" too.
    vipshop = ["Net income attributable to shareholders was 1.12 billion yuan."]
    assert contradicted("唯品会营收是多少？", vipshop[0], 44, 61)
    # A clause naming no measure is read with its sentence: the year before's net income is none either.
    earlier = "Net income attributable to shareholders was 1.12 billion yuan, down from 1.15 billion yuan."
    at = earlier.index("1.15")
    assert contradicted("唯品会营收是多少？", earlier, at, at + 17)
    assert not contradicted("唯品会净利润是多少？", earlier, at, at + 17)
    assert measures_other("中芯国际的经营利润是多少？", smic)
    # A quote naming none of them says nothing either way.
    assert not measures_other("阿里巴巴的净利润是多少？", ["集团当季数字为2477亿元。"])
    # Money is raised as money is; an offer raised from one price to another is no money raised.
    offer = "Geely paid $2.57 per share. The offer was raised from an initial $2.566 per share in July."
    assert not measures_other("吉利收购极氪每股价格是多少？", [offer])
    assert measures_other("What was Zeekr's revenue?", ["Zeekr listed in May 2024, raising $441 million."])
    assert qualifiers("How much did Pony.ai raise?") == qualifiers("How much did Zeekr raise in its IPO?")


def test_a_reason_may_name_another_measure_as_the_cause():
    # What a why-question's quote says of a measure is said before its reason.
    blamed = "The company blamed the decline mainly on weaker demand and fiercer price competition."
    assert not measures_other("海底捞净利润为什么下滑？", [blamed])
    assert measures_other("海底捞净利润为什么下滑？", ["Revenue fell 3.7% because diners spent less."])
    assert measures_other("海底捞的净利润是多少？", [blamed])
    # A reason said before the cue of its effect (导致) is read up to it.
    effect = "公司表示，第三季度国内空调市场需求走弱，价格竞争加剧，导致营收下滑。"
    assert not measures_other("格力电器第三季度营收为什么下滑？", [effect])
    assert measures_other("格力电器第三季度营收为什么下滑？", ["价格竞争加剧，导致净利润下滑。"])
    # A reason closed by 所致 is read to its sentence's start: the results it explains name no measure.
    closed = "公司表示，业绩增长主要系手续费及佣金净收入和利息净收入增加所致。"
    assert not measures_other("东方财富净利润为什么增长？", [closed])
    # Reasons listed on (以及, "and") are reasons too: the spending on promotion is one.
    listed = "主要原因是葵花籽采购成本上升，以及公司加大了新品推广和渠道费用投入。"
    assert not measures_other("Why did Qiaqia's profit decline?", [listed])
    assert measures_other("Why did Qiaqia's profit decline?", ["原因是成本上升，公司费用为3亿元。"])


def test_a_share_is_not_answered_by_how_fast_a_thing_grew():
    cloud = ["Alibaba shares rose 2.3% after the results.", "Alibaba Cloud revenue growth speeds up to 34%"]
    assert measures_other("阿里云在中国的市场份额是多少？", cloud)
    assert not measures_other("What share of revenue came from ads?", ["Ads made up 60% of revenue."])
    assert not measures_other(
        "京东外卖的市场份额是多少？", ["京东外卖日单量增长至2500万单，占据约30%的市场。"]
    )
    assert measures_other("阿里云的收入增速是多少？", ["阿里云占中国云市场的34%。"])
    # A multiple is how fast it grew: "more than doubled" beside a share of 2019's level.
    doubled = "Inbound bookings more than doubled. Outbound bookings recovered to 140% of 2019 levels."
    assert not measures_other("How much did inbound travel bookings grow?", [doubled])
    assert not measures_other("入境游订单增长了多少？", ["入境游订单翻倍，出境游恢复至2019年的140%。"])
    # Any verb of a change says how much a thing fell, beside a margin that "fell to" a level.
    dropped = (
        "Contracted sales dropped 45.7% to 100.4 billion yuan. Vanke blamed the loss on lower gross margins, "
        "which fell to 8.2%."
    )
    assert not measures_other("How much did Vanke's contracted sales fall?", [dropped])
    rise = "It expects its advertising revenue to rise by about 40% this year."
    assert not measures_other(
        "小红书的广告收入预计增长多少？", [rise, "Advertising accounts for 80% of revenue."]
    )
    assert not measures_other(
        "iFood在巴西的市场份额是多少？", ["iFood, which grew fast, holds 80% of the market"]
    )
    assert not measures_other("抖音电商货架场景占比多少？", ["上半年GMV增長，貨架場景的佔比提升至約四成。"])
    # A change to a level names the level, not how fast it grew.
    raised = ["Tencent raised the revenue share for developers to 60%, against 50% of revenue before."]
    assert not measures_other("腾讯把iOS开发者分成提高到多少？", raised)
    # Only a how-much question asks for one or the other.
    assert not measures_other("蔚来的整车毛利率为什么下降？", ["整车毛利率为10.3%，占比…"])


def test_a_figure_is_contradicted_by_its_own_clause_only():
    question = "阿里巴巴的净利润是多少？"
    text = "净利润为430亿元，同比增长76%；经营利润为351亿元，同比下降3%。"
    assert contradicted(question, text, text.index("351"), text.index("351") + 6)
    assert not contradicted(question, text, text.index("430"), text.index("430") + 6)
    assert not contradicted(question, text, text.index("76%"), text.index("76%") + 3)
    # A profit is no revenue, nor a market value.
    assert contradicted("阿里巴巴的收入是多少？", text, text.index("351"), text.index("351") + 6)
    assert contradicted("阿里巴巴的市值是多少？", text, text.index("351"), text.index("351") + 6)


def test_what_a_reason_joined_after_a_figure_names_does_not_contradict_it():
    text = (
        "Sales of frozen prepared dishes, which include its crayfish products, dropped 12% to 1.6 billion"
        " yuan after crayfish prices fell sharply."
    )
    at = text.index("12%")
    assert not contradicted("How much did Anjoy's sales drop?", text, at, at + 3)


def test_quotes_naming_only_another_role_do_not_say_who_holds_the_one_asked():
    chen = "Chairman and chief executive Chen Rui said the company would invest more in AI tools."
    assert measures_other("哔哩哔哩的首席财务官是谁？", [chen])
    assert measures_other("Who founded Kling AI?", ["快手首席执行官程一笑在电话会上表示，可灵AI收入超预期。"])
    assert not measures_other("Who is Bilibili's CEO?", [chen])
    assert not measures_other(
        "小米的创始人是谁？", ["小米集团创始人、董事长兼CEO雷军表示，YU7锁单超24万台。"]
    )


def test_the_words_naming_a_measure_are_those_of_the_question():
    assert measure_words("拼多多的计划会让营业利润减少多少？") == ("营业利润", "利润")
    assert measure_words("What was NIO's net loss?") == ("net loss",)
    assert measure_words("蔚来的营收是多少？") == ("营收",)
    assert measure_words("蔚来有多少员工？") == ()


def test_revenue_is_no_profit_and_paying_users_are_no_active_ones():
    assert measures_other("理想汽车三季度的净利润是多少？", ["收入为248亿元至262亿元。"])
    assert not measures_other("理想汽车三季度的净利润是多少？", ["净利润为11亿元，收入为262亿元。"])
    # Profitable is said of a profit.
    profitable = (
        "Its revenue exceeded 1 billion yuan, and the company has been profitable every year since 2020."
    )
    assert not measures_other("宇树从哪年开始盈利？", [profitable])
    paying = "Its online music paying users reached 125.7 million at the end of the third quarter."
    assert measures_other("腾讯音乐有多少月活跃用户？", [paying])
    assert not measures_other("How many paying users does Tencent Music have?", [paying])
    assert measures_other("How many part-time riders does JD have?", ["截至6月底已签约全职骑手超过12万名。"])


def test_a_revenue_is_nothing_spent():
    regions = ["海外市场表现亮眼，美洲地区收入22.6亿元，同比增长1142.3%。"]
    assert measures_other("How much did Pop Mart spend on marketing?", regions)
    assert measures_other("泡泡玛特的营销支出是多少？", regions)
    spent = ["京东每年需多支出约21亿元，收入增长15%。"]
    assert not measures_other("How much did JD spend on its riders?", spent)
    assert not measures_other(
        "How much did Meituan invest in Brazil?", ["Meituan is investing about $1 billion."]
    )


def test_sales_are_what_was_sold_in_money_or_in_units():
    target = ["由于订单超出预期，零跑将全年销量目标从50万辆上调至58万辆。", "净利润为3000万元。"]
    assert not measures_other("Why did Leapmotor raise its sales target?", target)
    assert not measures_other(
        "How will Leapmotor drive sales?", ["第四季度将以新车型来拉动销售。", "净利润为3000万元。"]
    )
    assert measures_other("零跑的净利润是多少？", ["零跑第三季度销量为17.3万辆。"])
    # Selling expenses are spent, not sold.
    assert measures_other("零跑的营收是多少？", ["销售费用为12亿元，净利润为3000万元。"])
    brought = ["Membership subscriptions brought in 2.21 billion yuan.", "Net profit was 1.2 billion yuan."]
    assert not measures_other("How much revenue did memberships make?", brought)


def test_a_price_is_no_profit_and_a_loss_is_no_investment():
    profit = ["NetEase Cloud Music reported a net profit of 1.2 billion yuan, as subscription revenue rose."]
    assert measures_other("How much does a Cloud Music membership cost?", profit)
    assert measures_other("网易云音乐会员的价格是多少？", profit)
    assert not measures_other(
        "How much does the C10 cost?", ["C10的起售价已降至12.98万元，净利润为3000万元。"]
    )
    # A share's price is said without the word: "shares rose" names no price.
    assert all(name != "price" for _, name in qualifiers("What is Tencent's share price?"))
    invest = ["Meituan will invest $1 billion in Brazil over the next five years."]
    assert measures_other("How much did Keeta lose in Brazil?", invest)
    assert not measures_other("How much did Keeta lose?", ["Keeta lost 2 billion yuan in the quarter."])


def test_a_price_is_no_rent_and_an_ebitda_no_net_profit():
    drink = ["The shop covers 400 square metres and sells a cheese-foam oolong priced at US$7.50."]
    assert measures_other("喜茶纽约旗舰店的租金是多少？", drink)
    assert not measures_other("How much is the rent?", ["The shop's monthly rent is US$90,000."])
    ebitda = ["電商事業部門營收為35億美元，調整後稅息折舊及攤銷前利潤為2.3億美元。"]
    assert measures_other("What was Shopee's net profit in the third quarter?", ebitda)
    assert measures_other("What was Sea's net income?", ["Adjusted EBITDA was $230 million."])


def test_the_value_sold_on_a_platform_is_no_revenue():
    gtv = ["Douyin's local services surpassed RMB 100 billion in gross transaction value (GTV)."]
    assert measures_other("抖音生活服务上半年的营收是多少？", gtv)
    assert not measures_other("What is Dewu's annual transaction volume?", ["平台年交易额已超过1000亿元。"])


def test_a_share_price_is_no_market_value():
    closed = ["受此消息影响，安克创新股价盘中一度下跌近10%，收盘报88.71元。"]
    assert measures_other("安克创新的市值是多少？", closed)
    assert measures_other("What is Anker's market value?", ["Its shares closed at 88.71 yuan."])
    assert not measures_other("安克创新的市值是多少？", ["收盘报88.71元，总市值约470亿元。"])
    assert not measures_other("安克创新的股价是多少？", closed)


def test_total_assets_are_no_revenue():
    assets = ["截至9月末，中金公司总资产为7,649亿元。"]
    assert measures_other("中金公司投行业务收入是多少？", assets)
    assert measures_other("What was CICC's revenue?", ["CICC's total assets were 764.9 billion yuan."])
    assert not measures_other("中金公司总资产是多少？", assets)
    assert not measures_other("中金公司投行业务收入是多少？", ["投资银行业务手续费净收入为27.9亿元。"])


def test_a_share_of_revenue_is_no_margin():
    overseas = ["海外收入为1050亿元，占总收入的42%。"]
    assert measures_other("What is Midea's gross margin?", overseas)
    assert measures_other("美的的毛利率是多少？", overseas)
    assert not measures_other("美的的毛利率是多少？", ["毛利率为26.5%，海外收入占总收入的42%。"])
    assert not measures_other("美的海外收入占比是多少？", overseas)


def test_a_dividend_is_no_profit_nor_a_turnover():
    # What is paid out to shareholders is said by name: 港交所的股息是多少？ is not answered by the
    # market's turnover, nor East Money's dividend by its net profit.
    profit = ["Its net profit for the third quarter rose 35.4% from a year earlier to 432 million yuan."]
    assert measures_other("How much did Kingsoft Office pay in dividends?", profit)
    turnover = ["Average daily turnover in the cash market reached HK$287.8 billion in the quarter."]
    assert measures_other("港交所第三季度的股息是多少？", turnover)
    assert measures_other("东方财富的分红是多少？", ["公司前三季度归属于上市公司股东的净利润90.97亿元。"])
    dividend = ["The company declared a special dividend of HK$0.50 per share, payable on Dec 12."]
    assert not measures_other("How much did Galaxy pay in dividends?", dividend)
    assert not measures_other("安踏派发多少中期股息？", ["董事会宣布派发中期股息每股1.37港元。"])


def test_a_markets_turnover_is_the_value_traded():
    # 成交额 is the value of the shares traded, which a market's "turnover" is; a company's turnover is
    # its revenue: either answers.
    turnover = "Average daily turnover in the cash market reached HK$287.8 billion in the quarter."
    start = turnover.index("HK$")
    assert not contradicted("港交所日均成交额是多少？", turnover, start, start + 16)
    assert not contradicted("What was the company's revenue?", "Turnover rose 5% to £2 billion.", 21, 31)


def test_a_margin_is_no_sum():
    margin = ["Gross margin improved to 22.0% from 20.4% in the second quarter."]
    assert measures_other("中芯国际第二季度营收是多少？", margin)
    assert measures_other("What was SMIC's profit in the second quarter?", margin)
    assert not measures_other("中芯国际的毛利率是多少？", margin)
    assert not measures_other("快手的净利润率是多少？", ["a net profit margin of 14.0%"])
    assert not measures_other(
        "What was SMIC's revenue?", ["Revenue rose 9.9% to $2.38 billion; gross margin was 22%."]
    )


def test_a_market_value_is_given_only_by_naming_it():
    loss = [
        "Horizon swung to a net loss of 5.23 billion yuan, mainly because of changes in the fair value of …"
    ]
    assert measures_other("地平线的市值是多少？", loss)
    assert measures_other(
        "What is KE's market value?", ["The total value of homes traded was 719.4 billion yuan."]
    )
    assert not measures_other("What is KE's market value?", ["KE's market capitalisation is $25 billion."])
    assert not measures_other("What was RedNote's peak valuation?", ["It was valued at $20 billion in 2021."])
    # A clause may leave the measure to its sentence.
    valued = "It was valued at about $66 billion in its last round, down from $100 billion in 2022."
    at = valued.index("$100")
    assert not contradicted("What was Shein valued at in 2022?", valued, at, at + 12)
    # Unless it names another measure: a ranking "by market value" gives no figure for it.
    ranked = "The largest insurer by market value said net profit fell 8.8% to 68 billion yuan."
    at = ranked.index("68")
    assert contradicted("中国平安的市值是多少？", ranked, at, at + 15)


def test_what_was_paid_for_a_stake_is_no_market_value():
    bought = ["Stellantis bought a 21% stake in Leapmotor for 1.5 billion euros in October 2023."]
    assert measures_other("零跑汽车的市值是多少？", bought)
    assert not measures_other("How much did Stellantis pay for its Leapmotor stake?", bought)
    # Paid at a price valuing the company says its value.
    valuing = ["Geely paid $2.57 per share, valuing the shares it did not own at about $2.4 billion."]
    assert not measures_other("极氪的估值是多少？", valuing)


def test_a_figure_far_from_the_measure_its_clause_names_is_of_it():
    text = (
        "Xtep International said on Tuesday its revenue from continuing operations rose 7.1% to 6.84 billion "
        "yuan in the first half."
    )
    at = text.index("6.84")
    assert contradicted("特步国际上半年净利润是多少？", text, at, at + 17)
    assert not contradicted("特步国际上半年收入是多少？", text, at, at + 17)


def test_an_adjusted_figure_is_told_by_the_measure_named_last_before_it():
    text = (
        "Net income attributable to ordinary shareholders was 702.5 million yuan, up 38.6% from a year "
        "earlier. Adjusted net income, which excludes share-based compensation, rose 22.4% to 915.3 million yuan."
    )
    assert adjusted_before(text, text.index("702.5")) is False
    assert adjusted_before(text, text.index("22.4%")) is True
    assert adjusted_before("经调整净利润为3.56亿元。", 6) is True
    assert adjusted_before("The company had 7,113 stores.", 16) is None
    assert asks_adjusted("途虎养车的经调整净利润是多少？")
    assert asks_adjusted("What was Tuhu's adjusted net profit?")
    assert not asks_adjusted("What was Kanzhun's net income?")


def test_income_of_a_kind_is_revenue_unlike_net_income():
    interest = (
        "Brokerage income doubled to HK$2.64 billion, while interest income grew 47% to HK$2.06 billion."
    )
    profit = "Its third-quarter net income jumped 96% to HK$2.85 billion."
    assert not measures_other("富途的利息收入是多少？", [interest, profit])
    assert measures_other("富途的营收是多少？", ["Net income jumped 96% to HK$2.85 billion."])


def test_a_share_price_is_given_only_by_naming_it():
    loss = "China Vanke said its net loss for the first nine months widened to 28.02 billion yuan."
    assert measures_other("万科的股价是多少？", [loss])
    # How far it moved is said as the shares' move.
    assert not measures_other("京东股价跌了多少？", ["JD's shares have risen about 80% this year."])
    assert not measures_other(
        "摩尔线程开盘价是多少？", ["The stock opened at 650 yuan and closed at 600.5 yuan."]
    )
    # A price per share paid is no share price.
    assert not measures_other("吉利收购极氪每股价格是多少？", ["Geely paid $2.566 per share for Zeekr."])
    # An offer's price (发行价) is said by what a share cost; the sum raised is none.
    listed = "Zeekr went public in New York in May 2024, raising $441 million at $21 per ADS."
    assert not measures_other("极氪IPO发行价是多少？", [listed])
    assert not measures_other("影石创新的发行价是多少？", ["It sold 41 million shares at 47.27 yuan each."])
    assert measures_other("极氪IPO发行价是多少？", ["Zeekr raised $441 million in its listing."])
    # A dividend per share is no price.
    assert all(name != "price" for _, name in qualifiers("What was PetroChina's dividend per share?"))
    # The shares' move names the price beside a quote on what is paid out.
    moved = [
        "Feihe's Hong Kong-listed shares rose 2.4% on Thursday.",
        "Feihe said it would pay an interim dividend of HK$0.1574 per share.",
    ]
    assert not measures_other("飞鹤股价涨了多少？", moved)
    # A figure's clause naming another measure's move tells no move of the shares ("Shares of XCMG rose"
    # does).
    profit = "its third-quarter net profit rose 39% to 1.46 billion yuan"
    assert measures_other("徐工股价涨了多少？", [profit], whole=False)
    assert not measures_other("徐工股价涨了多少？", ["Shares of XCMG rose 2.4% in Shenzhen."], whole=False)
    risen = "iFlytek's shares, listed in Shenzhen, have risen about 12% this year."
    assert not measures_other("科大讯飞股价今年涨了多少？", [risen], whole=False)


def test_a_profit_attributable_to_shareholders_as_hong_kong_reports_write_it_is_the_net_one():
    profit = "前三季度公司实现收入598.3亿元；公司股东应占溢利37.8亿元，同比增长14.0%。"
    assert not measures_other("康师傅前三季度净利润是多少？", [profit, "前三季度公司毛利率为34.3%。"])
    owners = "上半年公司实现收入12.2亿元；公司拥有人应占溢利为1.09亿元。"
    assert not measures_other("周黑鸭上半年净利润是多少？", [owners, "上半年毛利率为57.8%。"])


def test_selling_expenses_are_spending_and_a_financing_cost_no_price():
    assert qualifiers("好未来销售和营销费用是多少？") == ((2, "spending"),)
    expenses = "Selling and marketing expenses climbed 33.1% to $244.8 million."
    assert not measures_other("好未来销售和营销费用是多少？", [expenses])
    assert qualifiers("销售收入和成本是多少？") == ((2, "revenue"),)
    assert qualifiers("What is Longfor's average financing cost?") == ()
    assert qualifiers("What is the cost?") == ((2, "price"),)
    # Paying users (付费用户) are no spending.
    assert qualifiers("东方甄选App付费用户有多少？") == ((3, "paying"),)
    # An average price a thing sold at is a price, not the sales it made.
    assert qualifiers("温氏生猪销售均价是多少？") == ((2, "price"),)
    assert qualifiers("生猪销售价格是多少？") == ((2, "price"),)
    # What each customer spends is spending, however said; a table's turnover is no sum.
    per_customer = ["呷哺呷哺品牌的翻台率为2.1次，人均消费为59.6元，低于去年同期的62.4元。"]
    assert qualifiers("海底捞客单价是多少？") == ((2, "spending"),)
    assert not measures_other("What is the average spending per customer at 呷哺呷哺?", per_customer)
    assert not measures_other("What is the table turnover rate of 呷哺呷哺?", per_customer)


def test_a_text_names_a_measure_by_any_of_its_words():
    assert names_measure(
        "有道AI订阅收入是多少？", "Sales of AI subscription services exceeded 100 million yuan."
    )
    assert not names_measure("快手股价下跌了多少？", "Kuaishou reported a GMV of 3,323.252 billion yuan.")
    assert not names_measure("What deposit do merchants pay?", "Fees could amount to 2.4 billion RMB.")
