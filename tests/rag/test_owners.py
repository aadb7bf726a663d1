from rag.owners import asks_owner, owners, unowned


def _owners(text: str) -> list[str]:
    return [text[a:b] for a, b in owners(text)]


def test_a_question_asks_for_an_owner_by_verb_or_by_the_owners_name():
    for question in (
        "Who controls iQiyi?",
        "Which company owns Youdao?",
        "What is the parent company of Youdao?",
        "爱奇艺的控股股东是谁？",
        "有道的母公司是哪家公司？",
        "抖音是哪家公司旗下的？",
    ):
        assert asks_owner(question), question
    for question in ("Who is the CEO of iQiyi?", "Which companies does Tencent own?", "有道总部在哪里？"):
        assert not asks_owner(question), question


def test_the_owner_a_text_names_in_either_language():
    assert _owners("iQiyi, China's streaming platform controlled by Baidu, reported a loss") == ["Baidu"]
    assert _owners("Youdao, the education company majority-owned by NetEase, said") == ["NetEase"]
    assert _owners("ByteDance-owned Douyin said") == ["ByteDance"]
    assert _owners("TikTok owner ByteDance said on Monday") == ["ByteDance"]
    assert _owners("Freshippo, a unit of Alibaba Group, said") == ["Alibaba Group"]
    assert _owners("JD Logistics, the delivery arm of e-commerce giant JD.com, said") == ["JD.com"]
    assert _owners("抖音是字节跳动旗下的短视频平台") == ["字节跳动"]
    assert _owners("百度旗下视频平台爱奇艺周四发布财报") == ["百度"]
    assert _owners("该公司由百度控股。") == ["百度"]
    assert _owners("公司控股股东为格力集团，持股比例未变") == ["格力集团"]
    # Another name in the sentence is no owner.
    assert _owners("Chief executive Gong Yu said iQiyi would cut spending") == []


def test_quotes_saying_nothing_of_owning_name_no_owner():
    ceo = "Chief executive Gong Yu said the company would cut spending on long-form series."
    assert unowned("爱奇艺的控股股东是谁？", [ceo])
    assert not unowned("爱奇艺的控股股东是谁？", [ceo, "iQiyi is controlled by Baidu."])
    assert not unowned("Who is the CEO of iQiyi?", [ceo])
