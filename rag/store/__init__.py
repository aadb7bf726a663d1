"""The storage layer: Chroma (the source of truth), the index derived from it, and the locks.

Only this package imports chromadb (`chroma`, and `locks` through the client it is given), the
keyword engine (`keyword`) or the vector search library (`vectors`).
"""

from rag.store.chroma import date_number
from rag.store.keyword import DocumentRow, FileRecord, KeywordIndex, LanguageMeans
from rag.store.store import Store, Writer, collection_name, get_store

__all__ = [
    "DocumentRow",
    "FileRecord",
    "KeywordIndex",
    "LanguageMeans",
    "Store",
    "Writer",
    "collection_name",
    "date_number",
    "get_store",
]
