from rag.intents import INTENTS, acted_by, acted_on, asked_words, asks_share, question_intents, stated_words


def test_intents_are_recognised_in_both_languages():
    assert question_intents("小红卡为什么关停？") == ["why"]
    assert question_intents("Why did it close?") == ["why"]
    assert question_intents("百老汇剧院是因何得名的？") == ["why"]
    assert question_intents("How come the card closed?") == ["why"]
    assert "number" in question_intents("年卡收费是多少？")
    assert "number" in question_intents("What was the annual fee of 小红卡?")
    assert "number" in question_intents("What fee rate is used to estimate Xiaohongshu's savings?")
    assert "number" in question_intents("What price did Chagee shares close at on their first day?")
    assert "number" in question_intents("What is the annual capacity of Xiaomi's car factory?")
    assert "number" in question_intents("What deposit do new merchants need to pay?")
    assert "number" in question_intents("What is Dewu's annual transaction volume?")
    assert "number" in question_intents("What dividend did Kanzhun declare?")
    assert "number" not in question_intents("What was the reason for closing it?")
    assert "when" in question_intents("When was it launched?")
    assert "who" in question_intents("哪家公司运营？")
    assert question_intents("小红卡在哪些城市上线？") == ["where"]
    assert question_intents("Which cities did it launch in?") == ["where"]
    assert "where" not in question_intents("蒋家旻在哪部电影中首度担当女主角？")
    assert "where" not in question_intents("电视剧中的歌曲收录在哪张专辑？")
    assert question_intents("What licence might it apply for next?") == ["next"]
    assert question_intents("小红书接下来可能申请什么牌照？") == ["next"]
    assert question_intents("小红卡是什么？") == question_intents("What is 小红卡?") == ["what"]
    assert "what" not in question_intents("小红卡的定位是什么？")
    assert "what" not in question_intents("What is Kuaishou's net profit margin?")
    # What a thing is for: what money raised will be used for.
    assert question_intents("霸王茶姬上市募集的资金将用于什么？") == ["purpose"]
    assert question_intents("What will Chagee use the IPO proceeds for?") == ["purpose"]
    assert question_intents("How will Chagee spend the money?") == ["purpose"]
    assert "purpose" not in question_intents("What did Xiaohongshu apply for?")


def test_a_question_asking_who_a_thing_acts_on_gives_its_verb():
    assert acted_on("Who does Kuaishou's self-operated store attract?") == "attract"
    assert acted_on("Who did Kuaishou partner with?") == "partner"
    assert acted_on("快手自营店吸引了哪些人？") == acted_on("快手自营店吸引谁？") == "吸引"
    assert acted_on("野马队在分区赛中打败了谁？") == "打败"
    assert acted_on("Who is Meituan competing with?") == "competing"
    # Who does it, who it is, and a question ending on a noun are other forms.
    assert acted_on("Who founded Xiaohongshu?") is None
    assert acted_on("小红卡的负责人是谁？") is None
    assert acted_on("Who did the Broncos beat in the divisional game?") is None
    assert acted_on("Who is the founder?") is None
    assert acted_on("Who is the king?") is None


def test_what_someone_said_is_asked_only_when_nothing_else_is():
    assert question_intents("What did Wang Chuanfu say?") == ["said"]
    assert question_intents("王传福说了什么？") == ["said"]
    assert question_intents("How did Temu respond to the probe?") == ["said"]
    assert question_intents("What does the first source say it may apply for next?") == ["next"]


def test_a_share_is_asked_by_what_a_thing_takes_up_whatever_the_tokenizer_cuts():
    assert asks_share("盒马线上订单占比多少？")
    assert asks_share("自有品牌占销售额多少？")
    assert asks_share("What is its market share?")
    assert not asks_share("新工厂占地多少平方米？"), "the land a plant takes up is an area"


def test_a_date_is_told_from_the_day_a_statement_was_made():
    when = INTENTS["when"][1]
    assert when.search("The service is expected to start in late 2025.")
    assert when.search("Keeta launched in Hong Kong on Monday.")
    assert not when.search("Meituan will invest $1 billion in Brazil, the company said on Monday.")


def test_a_question_asking_who_does_a_thing_to_it_gives_its_verb():
    assert acted_by("Which company is Kuaishou's store operated by?") == "operated"
    assert acted_by("快手自营旗舰店由哪家公司运营？") == "运营"
    assert acted_by("Who did Kuaishou partner with?") is None
    assert acted_by("Which company operates Kuaishou's store?") is None


def test_a_figure_lifted_or_moved_on_something_gives_a_reason():
    why = INTENTS["why"][1]
    assert why.search("revenue rose 24.1% to 55.1 billion yuan, lifted by parcel volumes from food delivery")
    assert why.search("revenue was up 32.8% on demand from game and AI companies")
    assert not why.search("shares rose 3% on Thursday")
    # What was cut as something happened, and what a result 系…所致 ("was caused by").
    assert why.search(
        "while cutting its full-year growth outlook as its overseas test preparation business weakened"
    )
    assert why.search("业绩增长主要系A股市场交投活跃所致")
    assert not why.search("It cut prices on 22 models.")


def test_a_word_asking_how_much_a_thing_rose_is_stated_by_up_before_a_figure():
    asked = asked_words("看准科技的净利润增长了多少？", ["看准", "净利润", "增长"])
    assert stated_words(asked, "Net income was 702.5 million yuan, up 38.6% from a year earlier.") == {"增长"}
    assert stated_words(asked, "Net income was 702.5 million yuan, the company said.") == set()
    assert stated_words(asked_words("How much did revenue grow?", ["revenue", "grow"]), "up 9%") == {"grow"}


def test_what_a_thing_is_called_is_not_asked_why():
    # 为 (as) before 什么 (what): 被誉为什么 asks what it is called.
    assert "why" not in question_intents("如今的赛里木湖被誉为什么？")
    assert "why" not in question_intents("它后来成为什么？")
    assert "why" in question_intents("五粮液业绩为什么下滑？")


def test_a_change_asked_is_stated_by_any_word_saying_it_before_a_figure():
    rise = asked_words("How much did Kingsoft Office's revenue grow?", ["kingsoft office", "revenue", "grow"])
    assert "grow" in stated_words(rise, "Revenue in the quarter increased 25.3% to 1.52 billion yuan.")
    assert "grow" not in stated_words(rise, "Revenue in the quarter was 1.52 billion yuan.")
    fall = asked_words("净利润下降了多少？", ["净利润", "下降"])
    assert "下降" in stated_words(fall, "Net profit fell 5% to 2 billion yuan.")
    assert "下降" not in stated_words(fall, "Net profit rose 5% to 2 billion yuan.")


def test_a_reason_after_a_comma_is_not_passed_over_for_a_later_one():
    text = (
        "said revenue rose 27.4% to 8.86 billion yuan, as hospital equipment tenders recovered after a "
        "slowdown caused by an anti-corruption campaign."
    )
    # The cue of the reason said first ("as hospital equipment tenders recovered"), not "after a slowdown".
    cue = INTENTS["why"][1].search(text)
    assert cue is not None and cue.group() == "as "


def test_what_is_due_to_happen_gives_no_reason_and_what_a_cause_led_to_does():
    why = INTENTS["why"][1]
    assert not why.search("Another GPU maker, MetaX, is due to list in Shanghai later this month.")
    assert why.search("The drop was due to weaker demand.")
    assert why.search("It was added to the US entity list in October 2023, cutting it off from TSMC.")


def test_a_value_asked_of_a_thing_is_a_number():
    assert "number" in question_intents("What is Changan's market value?")
    assert "number" in question_intents("What is the market cap of Pop Mart?")


def test_a_what_question_on_a_quantity_asks_for_a_number_after_a_long_name():
    assert "number" in question_intents("What was Foxconn Industrial Internet's third-quarter net profit?")
    # Not a thing a clause says is a number.
    assert "number" not in question_intents("What is the property that designates a number as being prime?")


def test_a_clause_quoted_alone_opening_on_as_gives_a_reason():
    why = INTENTS["why"][1]
    assert why.search("as it shut hundreds of underperforming stores")
    assert not why.search("As of September, it had 124 stores")


def test_what_is_attributable_to_shareholders_is_no_share():
    assert not asks_share("周大福股东应占溢利是多少？")
    assert asks_share("线上订单占总订单多少？")
