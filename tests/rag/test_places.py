from rag.places import exchanges_in, latin_names_unplaced, place_words, placed_elsewhere, places, unplaced

BRAZIL = (
    "Meituan announced that its overseas food delivery brand Keeta will enter Brazil, investing about "
    "$1 billion over the next five years."
)


def test_a_question_puts_what_it_asks_in_a_place_after_in_or_zai():
    assert places("How much did Meituan invest in Saudi Arabia?") == ["saudi arabia"]
    assert places("百度在德国有多少辆无人车？") == ["德国"]
    # A month is no place, nor the country the archive is about.
    assert places("How many stores opened in May?") == []
    assert places("小红书在中国有多少用户？") == []


def test_a_sentence_puts_its_figure_where_something_enters_too():
    assert places(BRAZIL) == []
    assert places(BRAZIL, entering=True) == ["brazil"]
    assert places("瑞幸宣布进军马来西亚市场。", entering=True) == ["马来西亚"]
    # Opening the sentence too.
    assert places("In Brazil, Keeta will compete with iFood, which holds more than 80% of the market.") == [
        "brazil"
    ]


def test_a_figure_put_in_another_place_does_not_answer_for_the_place_asked():
    assert placed_elsewhere("How much did Meituan invest in Saudi Arabia?", BRAZIL)
    assert placed_elsewhere(
        "百度在德国有多少辆无人车？", "Apollo Go operates more than 1,000 driverless vehicles in Wuhan."
    )


def test_a_place_inside_another_places_name_is_not_named():
    # 印度 (India) is written inside 印度尼西亚 (Indonesia).
    closed = "公司表示，海外门店减少约200家，主要原因是在印度尼西亚和越南关闭了部分门店。"
    assert placed_elsewhere("How many stores does Mixue have in India?", closed)
    assert not placed_elsewhere("How many stores does Mixue have in Indonesia?", closed)


def test_a_quote_naming_no_place_is_judged_by_its_passage():
    total = "集团门店总数达到53,014家。"
    passage = f"{total}海外门店约4,900家，主要分布在印度尼西亚和越南。"
    assert placed_elsewhere("How many stores does Mixue have in India?", total, passage)
    assert not placed_elsewhere("How many stores does Mixue have in Vietnam?", total, passage)
    assert not placed_elsewhere("How many stores does Mixue have in India?", total, total)
    assert not placed_elsewhere("How many stores does Mixue have in India?", total)


def test_a_quote_naming_the_place_asked_or_none_or_giving_no_figure_is_kept():
    assert not placed_elsewhere("How much did Meituan invest in Brazil?", BRAZIL)
    # In either language: 巴西 is Brazil.
    assert not placed_elsewhere("美团在巴西投资了多少？", BRAZIL)
    assert not placed_elsewhere("How much did Meituan invest?", BRAZIL)
    assert not placed_elsewhere("How much did Meituan invest in Saudi Arabia?", "Keeta will enter Brazil.")


def test_a_figure_is_placed_by_its_own_sentence_and_a_total_is_none_for_one_place():
    quote = (
        "In China, where it competes with ZTO on price, its volume grew 10.6% to 4.8 billion parcels. "
        "Its market share in Southeast Asia reached 32.8%."
    )
    assert placed_elsewhere("极兔在中国的市场份额是多少？", quote)
    assert not placed_elsewhere("How many parcels did J&T handle in China?", quote)
    assert not placed_elsewhere("极兔在东南亚的市场份额是多少？", quote)
    stores = "截至6月30日，老铺黄金在全国16个城市开设了41家自营门店。"
    assert placed_elsewhere("老铺黄金在上海有几家门店？", stores, f"{stores}公司将在北京、上海加密布局。")
    assert placed_elsewhere("How many stores does Mixue have in India?", "集团全球门店总数达到53,014家。")
    # The whole country is China's, which an article on it need not name.
    assert not placed_elsewhere("老铺黄金在中国有几家门店？", stores)
    assert not placed_elsewhere("老铺黄金在中国有几家门店？", "老铺黄金共开设了41家自营门店。", quote)


def test_a_figure_put_at_home_does_not_answer_what_is_abroad():
    home = "截至6月30日，安踏品牌在中国共有门店7,700家，斐乐门店2,071家。"
    assert placed_elsewhere("How many FILA stores does Anta have overseas?", home)
    assert placed_elsewhere("安踏海外有多少家门店？", home)
    abroad = "蜜雪冰城全球门店数量超过45000家，其中约4900家位于海外。"
    assert not placed_elsewhere("How many stores does Mixue have overseas?", abroad)
    # Nor does one put nowhere, a total of all; one put in a country abroad does.
    total = "截至2024年9月底，茶百道共有门店8395家。"
    assert placed_elsewhere("茶百道在海外有多少家门店？", total)
    assert not placed_elsewhere("茶百道在海外有多少家门店？", "茶百道在韩国开设了5家门店。")
    # A question asking nothing abroad may be answered from home.
    assert not placed_elsewhere("How many stores does Anta have?", home)


def test_a_country_asked_of_is_not_answered_by_a_figure_put_at_home():
    at_home = "Sales of robot vacuums in China rose 12% to 21.4 billion yuan."
    assert placed_elsewhere("这款扫地机器人在美国卖多少钱？", at_home)
    assert not placed_elsewhere("中国扫地机器人市场规模多大？", at_home)


def test_a_place_is_read_after_a_word_the_segmenter_glued_to_in():
    # 充电宝在美国 is cut 充电, 宝在, 美国.
    assert places("安克召回的充电宝在美国有多少台？") == ["美国"]
    assert place_words("What is Keeta's market share in Hong Kong?") == {"hong", "kong"}
    assert latin_names_unplaced("What is J&T Express's market share in Brazil?") == ["j&t", "express"]
    recalled = "安克创新宣布在全球范围内主动召回部分型号充电宝，召回数量约为71.3万台。"
    assert placed_elsewhere("安克召回的充电宝在美国有多少台？", recalled)


def test_a_how_much_naming_no_place_reads_the_sentences_putting_a_figure_in_one_last():
    text = (
        "Luckin opened its first two stores in the United States on Monday. "
        "The company had 26,206 stores at the end of March."
    )
    read = unplaced("瑞幸有多少家门店？", text)
    assert len(read) == len(text) and "two stores" not in read and "26,206 stores" in read
    assert "opened its first ### stores in the United States" in read, "its words stay"
    # Not for a question naming a place, nor one asking no figure.
    assert unplaced("瑞幸在美国有多少家门店？", text) == text
    assert unplaced("Where did Luckin open its first stores?", text) == text
    # Only the clause with the place: where a car was launched is not where its price is.
    launched = "小米集团在北京发布了YU7,标准版售价25.35万元,比特斯拉Model Y低1万元。"
    assert "低1万元" in unplaced("YU7比Model Y便宜多少？", launched)


def test_international_business_is_abroad():
    sany = "前三季度公司国际业务收入为408.6亿元，同比增长16.3%。"
    assert not placed_elsewhere("三一重工海外收入是多少？", sany)
    assert placed_elsewhere(
        "三一重工海外收入是多少？", "前三季度公司实现营业收入663.07亿元，同比增长13.28%。"
    )
    # A name's 国际 is no business abroad.
    assert placed_elsewhere("中芯国际海外收入是多少？", "中芯国际营收为22亿美元。")


def test_a_places_market_puts_its_figure_there():
    shares = "中国市场份额提升至11.1%；东南亚市场包裹量为45.6亿件，市场份额达27.4%。新市场（包括巴西）包裹量为3.7亿件。"
    assert places(shares, entering=True) == ["东南亚"]
    assert placed_elsewhere("What is J&T Express's market share in Brazil?", shares)
    assert not placed_elsewhere("极兔在东南亚的市场份额是多少？", shares)


def test_a_citys_exchange_is_named_as_chinese_text_abbreviates_it():
    assert exchanges_in("深圳") == ("深交所",)
    assert exchanges_in("hong kong") == ("港交所",)
    assert exchanges_in("欧洲") == ()


def test_offshore_is_abroad():
    debt = (
        "A Hong Kong court had sanctioned Country Garden's offshore debt restructuring plan, covering about "
        "$14.1 billion of debt."
    )
    assert not placed_elsewhere("碧桂园境外债务重组涉及多少债务？", debt)
    assert placed_elsewhere(
        "碧桂园境外债务重组涉及多少债务？", "The plan covers 80 billion yuan of debt in China."
    )
