"""Turn folders of articles into a searchable index, incrementally: `ingest(paths)`, `remove(paths)`."""

from __future__ import annotations

from ingest.index import FileProblem, IngestReport, ingest, remove

__all__ = ["FileProblem", "IngestReport", "ingest", "remove"]
