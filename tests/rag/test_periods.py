"""Quarters and half-years named in either language, and passages that name only other ones."""

import pytest

from rag.periods import (
    dated_otherwise,
    of_period,
    only_others,
    other_period,
    period_places,
    periods,
    quarter_named,
)
from rag.types import Hit
from tests.helpers import make_chunk


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("快手三季度营收是多少？", {"q3"}),
        ("快手8月20日晚公布第二季度业绩", {"q2", "m8"}),
        ("reported third-quarter revenue", {"q3"}),
        # Taiwan and Hong Kong leave out 度; four seasons (四季) are no quarter.
        ("Sea公布的第三季財報顯示", {"q3"}),
        ("首季營收年增", {"q1"}),
        ("四季如春", set()),
        # A fiscal quarter is one of its own kind: a fiscal year need not start in January.
        ("联想集团第二财季净利润是多少？", {"fq2"}),
        ("reported a 30% rise in net profit for its fiscal second quarter", {"fq2", "q2"}),
        ("Kuaishou's Q1 2025 GMV", {"q1", "y2025"}),
        ("快手2023年营收是多少？", {"y2023"}),
        # A year after a full-width comma (folded to ASCII) as after any other; not the digits of an amount.
        ("招股书显示，2024年海天味业实现营收269亿元", {"y2024"}),
        ("said on Monday,2025 would be hard", {"y2025"}),
        ("1,2000 and 3.2025", set()),
        ("字節跳動上半年收入", {"h1"}),
        ("Nongfu Spring's first-half profit rises", {"h1"}),
        ("results for the second half", {"h2"}),
        # The first three quarters together are no quarter: the first nine months, in either language.
        ("蜜雪冰城前三季度营收187亿元", {"m1-9"}),
        ("stores opened in the first three quarters", {"m1-9"}),
        ("前两个季度", {"m1-6"}),
        # A quarter named by the month it ends in is that calendar quarter, a fiscal one's too; the day
        # it ends on names its month, in either language.
        ("revenue for the quarter ended September 30", {"q3", "m9"}),
        ("three months ended Dec. 31", {"q4", "m12"}),
        ("in the April-June period", {"q2", "m4-6"}),
        ("截至9月30日止三个月", {"q3", "m9"}),
        ("公布截至6月30日的2026财年第一季度业绩", {"q1", "q2", "m6", "y2026"}),
        ("three months ended December 31", {"q4", "m12"}),
        ("in the October-December quarter", {"q4", "m10-12"}),
        # Months together in English, as in Chinese (前九个月, 1月至9月).
        ("shipped 4.5 million cameras between January and September", {"m1-9"}),
        # A half-year likewise.
        ("six months ended June 30", {"h1", "m6"}),
        ("for the six months ending December 31", {"h2", "m12"}),
        ("截至2025年6月30日止六个月", {"h1", "m6", "y2025"}),
        # Months in Chinese, a day of one naming it too; months together are no month of their own.
        ("小鹏汽车11月1日公布，10月共交付新车42013辆", {"m10", "m11"}),
        ("1月至10月，小鹏汽车累计交付355209辆", {"m1-10"}),
        ("前三个月累计交付", {"m1-3"}),
        ("sold 806,000 vehicles in the first seven months of the year", {"m1-7"}),
        ("运营3个月后关停", set()),
        # Months in English by name; "may" and "march", verbs too, with a day or after "in".
        ("Li Auto delivered 28,529 vehicles in August", {"m8"}),
        ("launched on July 29; deliveries began Aug. 20", {"m7", "m8"}),
        ("the exemption ended on May 2", {"m5"}),
        ("sales in March rose", {"m3"}),
        ("Prices may rise as it marches into new markets", set()),
        # A quarterly report is no quarter: 三季度报告 gives the first three quarters.
        ("10月23日晚，洛阳钼业发布2025年三季度报告。", {"m10", "y2025"}),
        ("第三季度报告显示", set()),
        ("台积电第三季营收", {"q3"}),
        # A decade is no year.
        ("a spinoff that debuted in the 1980s", set()),
        ("20世纪80年代初，1980年代", set()),
    ],
)
def test_periods_are_named_in_either_language(text: str, named: set[str]):
    assert periods(text) == named


@pytest.mark.parametrize("term", ["三季度", "第三季度", "third quarter", "q3"])
def test_a_quarter_is_found_wherever_the_text_names_it_however_it_does(term: str):
    text = "total revenue for the three months ended september 30 rose; 三季度付费用户; the june quarter"
    assert period_places(term, text) == [text.index("three months"), text.index("三季度")]


@pytest.mark.parametrize(
    "term", ["first three quarters", "first nine months", "between january and september"]
)
def test_months_together_are_found_however_the_text_names_them(term: str):
    text = "今年前三季度，新开门店8,215家; 前9个月; the first quarter"
    assert period_places(term, text) == [text.index("前三季度"), text.index("前9个月")]


def test_only_a_term_that_is_a_period_has_period_places():
    assert period_places("三季度营收", "三季度营收 in the third quarter") == []


def test_a_question_about_a_period_the_passages_never_name_but_others_of_its_kind():
    reported = ["快手8月20日晚公布二季度业绩，总营收350亿元。", "Kuaishou's Q1 revenue rose 10.9%."]
    assert other_period("快手三季度营收是多少？", reported)
    assert not other_period("What was Kuaishou's second-quarter revenue?", reported)
    assert other_period(
        "快手2023年营收是多少？", ["The company reported Q1 2025 revenue of 32.61 billion yuan."]
    )
    # Passages naming no quarter at all, or a question naming none, are not judged by it.
    assert not other_period("快手三季度营收是多少？", ["快手总营收350亿元。"])
    assert not other_period("快手营收是多少？", reported)
    # Passages naming years and no part of one give a year's figure, no half's or quarter's; a day's
    # month is no part of a year.
    prospectus = ["6月19日，海天味业在香港上市。招股书显示，2024年海天味业实现净利润63.4亿元。"]
    assert other_period("海天味业上半年净利润是多少？", prospectus)
    assert not other_period("海天味业2024年净利润是多少？", prospectus)


def test_a_whole_year_said_alone_is_no_part_of_one_asked():
    # "expects full-year revenue to grow 5% to 10%" is no first quarter's figure, and the other way round.
    assert only_others({"q1"}, {"fy"})
    assert only_others({"fy"}, {"q1"})
    assert not only_others({"q1"}, {"fy", "q1"})
    assert not only_others({"q1"}, set())


def test_only_others_needs_a_period_of_the_kind_asked_and_none_asked():
    assert only_others({"q1"}, {"q3"})
    assert not only_others({"q1"}, {"q1", "q3"})
    assert not only_others({"q1"}, {"y2025"}), "a year is no other quarter"
    assert not only_others({"q1"}, set())
    # Quarters and half-years are parts of a year alike.
    assert only_others({"h1"}, {"q2"})
    assert only_others({"q3"}, {"h1"})
    assert not only_others({"h1"}, {"h1", "q2"})
    # So are months together: the first three quarters are not the third, nor the third all three.
    assert only_others(periods("长城汽车第三季度净利润是多少？"), periods("前三季度净利润为86.0亿元。"))
    assert only_others(periods("前三季度净利润是多少？"), periods("第三季度净利润为23.0亿元。"))
    assert not only_others(periods("上半年营收是多少？"), periods("1-6月营收为500亿元。"))
    # And months still: 1至10月 is no October.
    assert only_others(periods("10月交付了多少辆？"), periods("1月至10月累计交付355209辆。"))


def test_passages_of_other_periods_are_left_out_when_a_judged_one_names_the_period_asked():
    june = Hit(
        chunk=make_chunk("阿里巴巴公布截至6月30日的2026财年第一季度业绩。阿里云当季收入为334亿元。"),
        score=2.0,
    )
    september = Hit(
        chunk=make_chunk(
            "Alibaba Cloud reported revenue of 39.8 billion yuan for the quarter ended September 30."
        ),
        score=1.0,
    )
    undated = Hit(chunk=make_chunk("阿里云的AI相关产品收入连续增长。"), score=0.5)
    hits = [june, september, undated]
    assert of_period("阿里云第三季度收入是多少？", hits, hits) == [september, undated]
    # Judged only by the passages headlined by the subject: none of them names the third quarter.
    assert of_period("阿里云第三季度收入是多少？", hits, [june]) == hits
    assert of_period("阿里云第四季度收入是多少？", hits, hits) == hits


def test_a_whole_year_is_answered_by_no_part_of_it():
    asked = periods("古茗2024年全年营收是多少？")
    assert "fy" in asked and "fy" in periods("Full-year revenue rose 8%.")
    assert only_others(asked, periods("2024年前九个月，古茗实现营收64.4亿元。"))
    assert only_others(asked, periods("Revenue in the first half of 2024 was 3 billion yuan."))
    assert not only_others(asked, periods("2024年，古茗实现营收88亿元。"))
    # Per year is no whole year asked; a passage may give a year's figure beside a quarter's.
    assert "fy" not in periods("What is the annual capacity of the factory?")
    assert not other_period("古茗2024年全年营收是多少？", ["2024年营收88亿元，其中四季度营收24亿元。"])


def test_a_passage_naming_no_year_is_of_its_articles_time():
    quarter = "Galaxy posted third-quarter EBITDA of HK$3.3 billion."
    assert dated_otherwise("What was Galaxy's EBITDA in 2019?", quarter, "2025-11-05")
    # The year it was published, or the one before (annual results come out early in the next).
    assert not dated_otherwise("What was Galaxy's EBITDA in 2024?", quarter, "2025-03-05")
    assert not dated_otherwise("What was Galaxy's EBITDA in 2019?", f"In 2019, {quarter}", "2025-11-05")
    assert not dated_otherwise("What was Galaxy's EBITDA in 2019?", quarter, None)
    assert not dated_otherwise("What was Galaxy's EBITDA?", quarter, "2025-11-05")
    # A change year on year (同比) gives no figure of the year before; the year before compared does.
    half = "上半年，公司实现营业收入46.2亿元，同比下降42.7%。"
    assert dated_otherwise("What was Chow Tai Seng's revenue in 2024?", half, "2025-08-25")
    assert not dated_otherwise(
        "周大生2024年上半年营收是多少？", half.replace("。", "，上年同期为80.6亿元。"), "2025-08-25"
    )


def test_a_quarter_spoken_of_unnamed_is_the_one_the_headline_names():
    title = "小米集团第三季度营收增长22% 汽车业务首次实现单季盈利"
    said = quarter_named("Xiaomi delivered 108,796 cars in the quarter.", title)
    assert said == "Xiaomi delivered 108,796 cars in the third quarter."
    assert quarter_named("当季GMV为72.3亿元。", "叮咚买菜第三季度营收增长17%") == "第三季度GMV为72.3亿元。"
    # Not one named by its end, nor where the headline names no one quarter.
    assert quarter_named("in the quarter ended June 30", title) == "in the quarter ended June 30"
    assert quarter_named("cars in the quarter", "Xiaomi's quarterly revenue rises") == "cars in the quarter"


def test_a_month_is_answered_by_no_part_of_a_year_outside_it():
    first = "今年第一季度小米共交付新车75869辆。"
    assert other_period("小米8月交付了多少辆车？", [first])
    assert not other_period("小米8月交付了多少辆车？", ["第三季度小米共交付新车10万辆。"])
    assert not other_period("小米8月交付了多少辆车？", [first, "8月交付新车4万辆。"])
    assert only_others({"m8", "y2025"}, {"h1", "y2025"})


def test_a_passage_of_a_mid_year_article_is_of_the_year_before_only_where_it_compares_with_it():
    half = "Net profit rose 60.9% to 975 million yuan in the six months to June 30."
    assert dated_otherwise("What was Ecovacs' net profit in 2024?", half, "2025-08-28")
    assert not dated_otherwise("What was Ecovacs' net profit in 2025?", half, "2025-08-28")
    earlier = "Profit was 174.2 million yuan, down from 370.6 million yuan a year earlier."
    assert not dated_otherwise("What was Maoyan's net profit in 2024?", earlier, "2025-08-20")
    # The comparison is read in what is quoted, where the passage compares something else.
    passage = f"{half} Overseas markets made up 43.1% of revenue, up from 37.9% a year earlier."
    assert dated_otherwise("What was Ecovacs' net profit in 2024?", passage, "2025-08-28", half)
    # Early in a year, a year's results are the year before's.
    assert not dated_otherwise("What was its revenue in 2024?", "Revenue rose 5%.", "2025-03-20")
