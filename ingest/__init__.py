"""Turn folders of articles into a searchable index, incrementally: `ingest(paths) -> IngestReport`."""

from __future__ import annotations

from ingest.index import FileProblem, IngestReport, ingest

__all__ = ["FileProblem", "IngestReport", "ingest"]
