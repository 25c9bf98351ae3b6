"""The store: one SQLite file holding documents, their layers and a full-text index."""
from marsad.store.sqlite import Store

__all__ = ["Store"]
