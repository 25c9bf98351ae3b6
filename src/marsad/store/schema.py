"""Schema migrations, from the first version on; ``PRAGMA user_version`` records the last applied."""
from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        language TEXT NOT NULL,
        title TEXT,
        published TEXT,
        published_uncertain INTEGER NOT NULL DEFAULT 0,
        published_note TEXT,
        original TEXT NOT NULL,
        text TEXT NOT NULL,
        body_key TEXT NOT NULL,
        copy_of TEXT,
        removed TEXT NOT NULL,          -- JSON [[text, start, end, reason], ...]
        offset_map TEXT NOT NULL,       -- JSON [[clean_start, original_start, length], ...]
        sentences TEXT NOT NULL,        -- JSON [[start, end], ...]
        metadata TEXT NOT NULL,         -- JSON object
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_body_key ON documents(body_key);
    CREATE TABLE document_sources (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (document, source)
    ) WITHOUT ROWID;
    CREATE TABLE outlet_lines (
        outlet TEXT NOT NULL,
        line_key TEXT NOT NULL,
        documents INTEGER NOT NULL,
        PRIMARY KEY (outlet, line_key)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='marsad'
    );
    -- one small segment per article transaction: merge them in larger steps
    INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 8);
    """),
)

LATEST = MIGRATIONS[-1][0]
