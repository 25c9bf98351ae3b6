"""Vectors beside the store: a float16 file, one row per embedded passage, rows described in SQLite.

The file ``<store>.vectors`` is append-only; the ``vectors`` table says what each row
is. A row is written to the file before its description is committed, so after a crash
the file is cut back to the rows the table knows. Search is a brute-force dot product.
Up to ``CACHE_ROWS`` passages are kept in memory as float32 once read (a long-running
workbench pays the conversion once: float16 arithmetic is slow on CPUs, and converting
100,000 rows costs more than the product itself); past that, chunks are converted per query.
"""
from __future__ import annotations

import os
from pathlib import Path

import apsw
import numpy as np

from marsad.semantic import DIMENSIONS

CHUNK = 50_000
CACHE_ROWS = 500_000      # passages held as float32 (≈ 770 MB at most)
ROW_BYTES = DIMENSIONS * 2
_EMPTY = np.zeros((0, DIMENSIONS), dtype=np.float32)
_FLOAT32: dict[tuple[str, int], np.ndarray] = {}


class Vectors:
    """The vector file of a store and its description table."""

    def __init__(self, db: apsw.Connection, path: Path | None):
        self.db, self.path = db, path
        self._memory = np.zeros((0, DIMENSIONS), dtype=np.float16)
        self._repaired = False

    def _repair(self) -> None:
        """Cut the file back to the rows the table knows (a crash between the two writes); writers only."""
        self._repaired = True
        rows = self.db.execute("SELECT count(*) FROM vectors").get
        if self.path.exists() and self.path.stat().st_size > rows * ROW_BYTES:
            with open(self.path, "r+b") as handle:
                handle.truncate(rows * ROW_BYTES)

    def count(self) -> int:
        """How many passages are embedded."""
        return self.db.execute("SELECT count(*) FROM vectors").get

    def pending(self, limit: int | None = None) -> list[str]:
        """Ids of analysed articles not embedded yet, oldest first."""
        rows = self.db.execute("SELECT id FROM documents WHERE id NOT IN (SELECT document FROM embedded)"
                               " ORDER BY rowid" + (f" LIMIT {int(limit)}" if limit else ""))
        return [r[0] for r in rows]

    def add(self, document: str, items: list[tuple[str, int, int]], vectors: np.ndarray) -> None:
        """Append one article's passages (one transaction)."""
        if self.path is not None and not self._repaired:
            self._repair()
        first = self.count()
        data = vectors.astype(np.float16)
        if self.path is None:
            self._memory = np.vstack([self._memory, data])
        else:
            with open(self.path, "ab") as handle:
                handle.write(data.tobytes())
                handle.flush()
                os.fsync(handle.fileno())
        with self.db:
            self.db.executemany("INSERT INTO vectors VALUES (?, ?, ?, ?, ?)",
                                [(first + i, document, kind, start, end) for i, (kind, start, end) in enumerate(items)])
            self.db.execute("INSERT OR IGNORE INTO embedded VALUES (?)", (document,))

    def _matrix(self) -> np.ndarray:
        rows = self.count()
        if self.path is None:
            return self._memory[:rows]
        if not self.path.exists() or rows == 0:
            return np.zeros((0, DIMENSIONS), dtype=np.float16)
        return np.memmap(self.path, dtype=np.float16, mode="r", shape=(rows, DIMENSIONS))

    def _searchable(self) -> np.ndarray:
        """The matrix to score: the process's float32 copy of this file, brought up to date
        (rows are only appended; the workbench opens the store anew for every request)."""
        matrix = self._matrix()
        if len(matrix) > CACHE_ROWS or self.path is None or not len(matrix):
            return matrix
        key = (str(self.path.resolve()), self.path.stat().st_ino)
        copy = _FLOAT32.get(key, _EMPTY)
        if len(copy) > len(matrix):
            copy = _EMPTY
        if len(copy) < len(matrix):
            copy = np.concatenate([copy, np.asarray(matrix[len(copy):], dtype=np.float32)])
            _FLOAT32.clear()        # one store's copy at a time
            _FLOAT32[key] = copy
        return copy

    def nearest(self, query: np.ndarray, limit: int) -> list[tuple[int, float]]:
        """``(row, cosine)`` of the passages closest to a query vector, best first."""
        matrix = self._searchable()
        best: list[tuple[int, float]] = []
        for start in range(0, len(matrix), CHUNK):
            scores = np.asarray(matrix[start:start + CHUNK], dtype=np.float32) @ query
            top = np.argpartition(-scores, min(limit, len(scores) - 1))[:limit]
            best += [(start + int(i), float(scores[i])) for i in top]
        return sorted(best, key=lambda b: -b[1])[:limit]

    def describe(self, rows: list[int]) -> dict[int, tuple[str, str, int, int]]:
        """What each row is: ``(document, kind, start, end)``."""
        if not rows:
            return {}
        return {r[0]: r[1:] for r in self.db.execute(
            f"SELECT id, document, kind, start, end FROM vectors WHERE id IN ({','.join('?' * len(rows))})", rows)}
