"""Turn folders of articles into a searchable index, incrementally: `ingest(paths)`, `remove(paths)`."""

from __future__ import annotations

from ingest.index import FileProblem, IngestReport, ingest, remove
from ingest.loaders import SUFFIXES

__all__ = ["SUFFIXES", "FileProblem", "IngestReport", "ingest", "remove"]
