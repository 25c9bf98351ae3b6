"""Small SQL builders the store's views share: IN lists in chunks, and a window of publication dates."""
from __future__ import annotations

from collections.abc import Iterator

import apsw

CHUNK = 500     # ids per IN list, well inside SQLite's limit on bound variables


def in_chunks(db: apsw.Connection, sql: str, ids: list, params: tuple = (), size: int = CHUNK) -> Iterator[tuple]:
    """Rows of ``sql`` (with ``{marks}`` for an IN list, its other parameters after the ids) for
    ``ids`` in groups the SQL variable limit allows."""
    for i in range(0, len(ids), size):
        chunk = ids[i:i + size]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), (*chunk, *params))


def published_window(since: str | None, until: str | None, alias: str = "m") -> tuple[str, list[str], list[str]]:
    """``(join, clauses, params)`` keeping rows of ``alias`` whose article was published within the
    dates; no join when there are none (the rows' own indexes then serve alone)."""
    if not since and not until:
        return "", [], []
    clauses, params = [], []
    if since:
        clauses.append("d.published >= ?")
        params.append(since)
    if until:
        clauses.append("d.published <= ?")
        params.append(until)
    return f" JOIN documents d ON d.id = {alias}.document", clauses, params
