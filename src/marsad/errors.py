"""Marsad's exceptions: one root, a few specific kinds, messages that name the bad input."""
from __future__ import annotations


class MarsadError(Exception):
    """Root of every error Marsad raises on purpose."""


class InputError(MarsadError):
    """An input that cannot be read as an Arabic article; names the file (and line) and why."""

    def __init__(self, source: str, reason: str, line: int | None = None, kind: str = "unreadable"):
        self.source, self.reason, self.line, self.kind = source, reason, line, kind
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


class StoreError(MarsadError):
    """The store cannot be opened, migrated or written."""


class NotFound(MarsadError):
    """A document, entity or other record asked for by id does not exist."""
