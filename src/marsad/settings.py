"""Options with their defaults in one readable place; nothing is read at import time."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_db_path() -> Path:
    """``$MARSAD_DB``, else ``marsad.db`` under ``$XDG_DATA_HOME/marsad`` (``~/.local/share/marsad``)."""
    if os.environ.get("MARSAD_DB"):
        return Path(os.environ["MARSAD_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "marsad" / "marsad.db"


@dataclass(frozen=True, slots=True)
class Options:
    """How a batch is read and processed."""
    max_bytes: int = 10_000_000       # one article (one text or HTML file) may not be larger
    chunk_size: int = 256             # articles analysed between looks at the outlet line counts
    outlet_min_articles: int = 3      # a short line in this many articles of one outlet is furniture
    workers: int | None = None        # analysis processes beside the writer; None: one per core
    text_only: bool = False           # clean, segment and date only: no names, links, quotes or events
