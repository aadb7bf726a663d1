"""Follow-ups: the subject carried over, pronouns replaced, new subjects left alone, sources named."""

from http.server import ThreadingHTTPServer

import pytest

from rag import Answer, Citation, answer
from rag.config import Settings
from rag.followup import resolve
from rag.query import MAX_QUERY_CHARS
from tests.canned_llm import llm_settings_for


def _answered(question: str, *titles: str) -> Answer:
    cited = [
        Citation(
            n=n,
            title=t,
            quote="q",
            passage="q",
            doc_id=f"doc-{n}",
            chunk_id="c",
            path=f"/{n}.txt",
            start=0,
            end=1,
        )
        for n, t in enumerate(titles, 1)
    ]
    return Answer(question=question, text="…", citations=cited)


def test_without_history_the_question_is_searched_as_asked():
    assert resolve("它为什么关停？", None).query == "它为什么关停？"
    assert not resolve("它为什么关停？", []).borrowed


def test_a_pronoun_is_replaced_by_the_subject_in_either_language():
    assert resolve("它为什么关停？", [("小红卡是什么？", "…")]).query == "小红卡为什么关停？"
    asked = [("What payment license did Xiaohongshu obtain?", "…")]
    assert (
        resolve("How much could it save in fees?", asked).query == "How much could Xiaohongshu save in fees?"
    )
    assert resolve("What is its GMV?", asked).query == "What is Xiaohongshu's GMV?"


def test_a_question_without_a_subject_borrows_it_and_the_subject_outlives_follow_ups():
    history = [("小红卡是什么？", "…"), ("它为什么关停？", "…")]
    third = resolve("年费是多少？", history)
    assert third.borrowed and "小红卡" in third.query and "年费" in third.query and "关停" not in third.query


def test_a_new_subject_borrows_nothing_unless_it_trails_off():
    history = [("小红卡的年卡收费是多少？", "…")]
    assert resolve("快手的净利润率是多少？", history).query == "快手的净利润率是多少？"
    switched = resolve("那小红书呢？", [("快手的净利润率是多少？", "…")])
    assert "净利润率" in switched.query and "小红书" in switched.query and "快手" not in switched.query


def test_a_subject_is_as_much_of_the_question_as_the_cited_title_repeats():
    history = [_answered("冰雪皇后的简称什么？", "冰雪皇后")]
    resolved = resolve("它什么时候退出了台湾市场？", history)
    assert resolved.query == "冰雪皇后什么时候退出了台湾市场？" and resolved.prefer == ("doc-1",)
    named = [_answered("百老汇剧院指的是什么？", "百老汇剧院")]  # the name is 百老汇, the article more
    assert resolve("它是因何得名的？", named).query == "百老汇剧院是因何得名的？"


def test_the_named_source_of_the_previous_answer_is_the_one_searched():
    history = [_answered("小红书拿下了哪家支付牌照？", "拿下支付牌照", "仅运营3个月")]
    for asked in ("What does the second source say?", "第二个来源怎么说？", "source [2]?"):
        assert resolve(asked, history).source == history[0].citations[1]
    assert resolve("What does the fifth source say?", history).source is None


def test_the_history_cannot_make_the_search_longer():
    long = [("小红卡" + "是什么" * 1000, "…")] * 50
    assert len(resolve("它为什么关停？", long).query) <= MAX_QUERY_CHARS


def test_a_named_source_restricts_the_answer_to_that_article(archive: Settings):
    first = answer("小红书拿下了哪家支付牌照？", settings=archive)
    other = answer("小红卡为什么关停？", settings=archive)
    mixed = first.model_copy(update={"citations": [*first.citations[:1], *other.citations[:1]]})
    mixed.citations[1] = mixed.citations[1].model_copy(update={"n": 2})
    follow = answer("What does the second source say about the closure?", [mixed], settings=archive)
    assert {c.doc_id for c in follow.citations or follow.see_also} == {other.citations[0].doc_id}
    assert first.citations[0].doc_id != other.citations[0].doc_id


@pytest.mark.parametrize(
    ("rewrite", "used"),
    [("小红卡的年费是多少？", True), ("小红卡是什么？", False), ("", False)],
)
def test_an_llm_rewrite_is_used_only_when_it_keeps_the_questions_words(
    archive: Settings, llm_server: ThreadingHTTPServer, rewrite: str, used: bool
):
    llm_server.rewrite = rewrite
    history = [("小红卡是什么？", "…")]
    settings = llm_settings_for(archive, llm_server)
    answer("它的年费是多少？", history, settings=settings)
    asked = [r for r in llm_server.requests if "stands alone" in r["messages"][0]["content"]]
    assert len(asked) == 1 and "小红卡是什么？" in asked[0]["messages"][1]["content"]
    prompt = next(r for r in llm_server.requests if "stands alone" not in r["messages"][0]["content"])
    assert (
        "小红卡的年费是多少？" in prompt["messages"][-1]["content"]
    ) is False  # the question is the user's
    assert answer("它的年费是多少？", history, settings=settings, use_llm=False).mode == "extractive"
