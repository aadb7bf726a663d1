"""Untrusted extraction in a worker process: results come back, runaway CPU or memory fails the file alone."""

from pathlib import Path

import pytest

from ingest.worker import Limits, run_limited
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
