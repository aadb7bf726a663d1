"""Untrusted extraction in a worker process: results come back, runaway CPU or memory fails the file alone."""

from pathlib import Path

import pytest

from ingest.worker import Limits, ReaderFailed, run_limited
from rag.errors import FileTooLarge

LIMITS = Limits(cpu_seconds=1, memory_mb=200)


def spin() -> None:
    while True:
        pass


def hoard() -> int:
    return len(bytearray(600 * 1024 * 1024))


def test_the_result_comes_back_from_the_worker():
    assert run_limited(sorted, Path("list.txt"), [3, 1, 2], limits=LIMITS) == [1, 2, 3]


@pytest.mark.parametrize("runaway", [spin, hoard])
def test_a_runaway_extraction_fails_its_file_and_the_next_one_still_runs(runaway):
    with pytest.raises(
        FileTooLarge, match="hostile.pdf: extracting its text needed more than 1 s of CPU or 200 MB"
    ):
        run_limited(runaway, Path("hostile.pdf"), limits=LIMITS)
    assert run_limited(len, Path("next.txt"), "abc", limits=LIMITS) == 3


def test_errors_of_the_extraction_itself_reach_the_caller():
    with pytest.raises(ValueError, match="invalid literal"):
        run_limited(int, Path("bad.txt"), "not a number", limits=LIMITS)


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this error")


def fail_unpicklably() -> None:
    raise _Unpicklable("entity loop at line 1")


def test_an_error_that_cannot_travel_back_comes_back_as_its_type_and_message():
    with pytest.raises(ReaderFailed, match="^_Unpicklable: entity loop at line 1$"):
        run_limited(fail_unpicklably, Path("bomb.docx"), limits=LIMITS)
