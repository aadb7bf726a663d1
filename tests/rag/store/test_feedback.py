"""The feedback log: appended with the answer as given, read back in order, nothing created by reading."""

from pathlib import Path

from rag.store.feedback import FeedbackLog


def test_feedback_is_appended_and_read_back_oldest_first(tmp_path: Path):
    log = FeedbackLog(tmp_path)
    assert log.all() == [] and not log.path.exists(), "reading creates nothing"
    first = log.add("小红卡为什么关停？", True, "", {"text": "业务调整[1]"}, "g1")
    second = log.add("What was the fee?", False, "wrong figure", {"text": "168元"}, "g2")
    assert second > first
    kept = log.all()
    assert [(f.question, f.liked, f.comment, f.generation) for f in kept] == [
        ("小红卡为什么关停？", True, "", "g1"),
        ("What was the fee?", False, "wrong figure", "g2"),
    ]
    assert kept[0].answer == {"text": "业务调整[1]"}
