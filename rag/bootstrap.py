"""First use: index the bundled archive and the uploads into an empty store.

The one place `rag` imports `ingest` (lazily): reading an empty index triggers it once per store.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from rag.config import Settings, get_settings
from rag.store import Store, get_store

log = logging.getLogger(__name__)
_bootstrap_lock = threading.Lock()
_bootstrapped: set[Store] = set()


def ensure_index(*, settings: Settings | None = None, progress: Any = None) -> Store:
    """Return the store, first indexing the bundled archive (and any uploads) if the index is empty.

    `progress(fraction, label)` is called while that first indexing runs.
    """
    settings = settings or get_settings()
    store = get_store(settings=settings)
    if store in _bootstrapped:
        return store
    with _bootstrap_lock:
        folders = settings.archive_folders()
        # The keyword index's count: counting Chroma's chunks would load its vectors into this process.
        if folders and not len(store.keyword_index()):
            from ingest import ingest

            log.info("the index is empty: indexing %s", ", ".join(map(str, folders)))
            ingest(folders, settings=settings, progress=progress)
        _bootstrapped.add(store)
    return store
