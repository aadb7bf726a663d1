"""Catching the keyword index up with Chroma: only what changed, a rebuild when they disagree, never a stall."""

from pathlib import Path

from ingest import ingest
from rag.config import Settings
from rag.store import get_store
from rag.store.keyword import Mark
from rag.store.sync import Head, catch_up, in_step
from tests.environment import ingest_process
from tests.helpers import article_folder


def test_a_head_marks_the_first_write_still_to_read():
    assert Head("c", "g", seq=5, done=5).quiet
    assert Head("c", "g", seq=5, done=5).mark() == Mark("c", "g", 6)
    assert not Head("c", "g", seq=5, done=4).quiet, "write 5 has not finished: it is read again next time"
    assert Head("c", "g", seq=5, done=4).mark() == Mark("c", "g", 5)


def test_another_process_edit_is_applied_by_reading_only_what_changed(settings: Settings, tmp_path: Path):
    folder = article_folder(tmp_path / "arts", 3)
    ingest([folder], settings=settings)
    reader = get_store(settings=settings)
    index = reader.keyword_index()
    mark, total = index.mark(), len(index)
    edited = sorted(folder.iterdir())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n拼多多宣布了新的合作计划。", encoding="utf-8")
    other = ingest_process(settings, str(folder))
    assert other.wait(timeout=120) == 0, other.stderr.read()
    changed = reader.changed_ids(mark.next_seq)
    assert 0 < len(changed) < total, "catching up would read more than the edited article"
    assert {Path(c.path) for c in reader.keyword_index().chunks(changed).values()} == {edited}
    assert reader.keyword_index().knows("拼多多") and len(reader.keyword_index()) == reader.count()


def test_an_index_that_disagrees_with_chroma_is_rebuilt_and_a_busy_one_is_not_waited_for(
    settings: Settings, tmp_path: Path
):
    ingest([article_folder(tmp_path / "arts", 2)], settings=settings)
    store = get_store(settings=settings)
    index, head = store.keyword_index(), store.head()
    lost = next(index.all_chunks()).chunk_id
    with index.updating() as update:
        update.put([], [lost])  # a chunk missing without a trace in Chroma's history
        update.mark = Mark(head.collection, "stale", head.seq + 1)
    assert not in_step(index, head) and len(index) == store.count() - 1
    with index.updating():
        catch_up(store, index, head, wait=False)
        assert len(index) == store.count() - 1, "a reader must not wait for an update in progress"
    catch_up(store, index, head)
    assert in_step(index, head) and len(index) == store.count()
    assert lost in index.chunks([lost])
