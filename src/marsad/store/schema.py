"""Schema migrations, from the first version on; ``PRAGMA user_version`` records the last applied."""
from __future__ import annotations

from collections.abc import Callable

import apsw


def rekey_sounds(db: apsw.Connection) -> None:
    """Recompute the sound keys of every entity's names (the transliteration key changed)."""
    from marsad.link import translit
    db.execute("DELETE FROM entity_keys WHERE kind IN ('sound', 'surname')")
    rows = list(db.execute("SELECT DISTINCT entity, type, text FROM mentions"
                           " WHERE entity IS NOT NULL AND via_title = 0 AND type != 'NORP'"))
    keys = [("sound", translit.key(text), kind, entity) for entity, kind, text in rows]
    keys += [("surname", translit.key(text.split()[-1]), kind, entity) for entity, kind, text in rows
             if kind == "PER" and len(text.split()) > 1]
    db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?, ?)", [k for k in keys if k[1]])


def add_near_keys(db: apsw.Connection) -> None:
    """Give every entity's names their near keys (the key with a consonant left out) to find spelling variants by."""
    from marsad.link import translit
    rows = db.execute("SELECT DISTINCT entity, type, text FROM mentions"
                      " WHERE entity IS NOT NULL AND via_title = 0 AND type != 'NORP'")
    db.executemany("INSERT OR IGNORE INTO entity_keys VALUES ('near', ?, ?, ?)",
                   ((k, kind, entity) for entity, kind, text in rows for k in translit.deletions(text)))


def rekey_names(db: apsw.Connection) -> None:
    """Recompute the name keys of every entity's names (compound names now join: عبد العزيز = عبدالعزيز)."""
    from marsad.kb import name_key
    rows = list(db.execute("SELECT DISTINCT entity, type, text FROM mentions"
                           " WHERE entity IS NOT NULL AND via_title = 0 AND type != 'NORP'"))
    db.execute("DELETE FROM entity_keys WHERE kind = 'name'")
    db.executemany("INSERT OR IGNORE INTO entity_keys VALUES ('name', ?, ?, ?)",
                   [(name_key(text), kind, entity) for entity, kind, text in rows if name_key(text)])


def add_mention_sentences(db: apsw.Connection) -> None:
    """Give every mention the index of its sentence (the network counts actors named in one sentence),
    and index mentions by entity with what the network and entity pages read, by article with their
    entity, and by the entity a capital stands for, so that those views read indexes only."""
    import json

    from marsad.store.entities import sentence_of
    db.execute("ALTER TABLE mentions ADD COLUMN sentence INTEGER NOT NULL DEFAULT 0")
    for doc, raw in list(db.execute("SELECT id, sentences FROM documents WHERE id IN (SELECT document FROM mentions)")):
        starts = [s for s, _ in json.loads(raw)]
        db.executemany("UPDATE mentions SET sentence = ? WHERE id = ?",
                       [(sentence_of(starts, start), i) for i, start in
                        db.execute("SELECT id, start FROM mentions WHERE document = ?", (doc,))])
    db.execute("CREATE INDEX mentions_entity_cover ON mentions(entity, document, type, sentence, via_title, text);"
               "DROP INDEX mentions_entity_document;"
               "CREATE INDEX mentions_document_entity ON mentions(document, entity); DROP INDEX mentions_document;"
               "CREATE INDEX mentions_stands_for ON mentions(stands_for) WHERE stands_for IS NOT NULL;")


def resign(db: apsw.Connection) -> None:
    """Recompute every article's MinHash signature and bands (the shingle hash changed)."""
    from marsad.stories import duplicates
    duplicates.resign(db)


MIGRATIONS: tuple[tuple[int, str | Callable[[apsw.Connection], None]], ...] = (
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

MIGRATIONS += (
    (2, """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT,
        wikidata TEXT,
        kb_id TEXT,
        created_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE entity_keys (          -- how later sightings find an entity
        kind TEXT NOT NULL,             -- name | sound | surname
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        entity TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (kind, key, type, entity)
    ) WITHOUT ROWID;
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        entity TEXT,
        source TEXT NOT NULL,
        score REAL NOT NULL,
        via_title INTEGER NOT NULL DEFAULT 0,
        stands_for TEXT,
        office TEXT,
        candidates TEXT NOT NULL,       -- JSON list of knowledge-base ids
        evidence TEXT NOT NULL          -- JSON [[feature, score, reason], ...]
    );
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE INDEX mentions_document ON mentions(document);
    CREATE TABLE titles (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        roles TEXT NOT NULL,            -- JSON list
        jurisdiction TEXT,
        anaphor TEXT,
        name_start INTEGER,
        name_end INTEGER,
        feminine INTEGER NOT NULL,
        former INTEGER NOT NULL
    );
    CREATE INDEX titles_document ON titles(document);
    CREATE TABLE judgements (           -- a person's decisions; the matcher never overrides them
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        entity TEXT NOT NULL,
        other TEXT NOT NULL,
        mentions TEXT NOT NULL,         -- JSON list of mention ids moved by a split
        keys TEXT NOT NULL,             -- JSON list of [type, name key] that follow the decision
        note TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE overrides (            -- a name linked to one entity goes to another, by judgement
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        from_entity TEXT NOT NULL,
        to_entity TEXT NOT NULL,
        PRIMARY KEY (key, type, from_entity)
    ) WITHOUT ROWID;
    """),
)

MIGRATIONS += (
    (3, """
    ALTER TABLE documents ADD COLUMN machine_translated REAL NOT NULL DEFAULT 0;
    CREATE TABLE times (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        value TEXT, precision TEXT NOT NULL, relative INTEGER NOT NULL, end_value TEXT, fiscal INTEGER NOT NULL
    );
    CREATE INDEX times_document ON times(document);
    CREATE TABLE figures (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        value REAL NOT NULL, unit TEXT NOT NULL, approx INTEGER NOT NULL, noun TEXT
    );
    CREATE INDEX figures_document ON figures(document);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speakers TEXT NOT NULL,          -- JSON list of entity ids
        cue_start INTEGER, cue_end INTEGER, verb TEXT, speaker_how TEXT NOT NULL
    );
    CREATE INDEX quotes_document ON quotes(document);
    CREATE TABLE quote_speakers (quote INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
                                 entity TEXT NOT NULL, PRIMARY KEY (quote, entity)) WITHOUT ROWID;
    CREATE INDEX quote_speakers_entity ON quote_speakers(entity);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        actors TEXT NOT NULL, targets TEXT NOT NULL,   -- JSON lists of entity ids
        place TEXT, "when" TEXT, when_text TEXT, when_inferred INTEGER NOT NULL, cameo TEXT
    );
    CREATE INDEX events_document ON events(document);
    CREATE INDEX events_when ON events("when");
    CREATE TABLE event_entities (event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                                 entity TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (event, entity, role))
                                 WITHOUT ROWID;
    CREATE INDEX event_entities_entity ON event_entities(entity);
    """),
)

MIGRATIONS += (
    (4, """
    CREATE TABLE signatures (document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                             minhash BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE lsh (band INTEGER NOT NULL, hash BLOB NOT NULL, document TEXT NOT NULL,
                      PRIMARY KEY (band, hash, document)) WITHOUT ROWID;
    CREATE TABLE copies (document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                         other TEXT NOT NULL, similarity REAL NOT NULL,
                         PRIMARY KEY (document, other)) WITHOUT ROWID;
    CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
                          created_at TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE story_documents (story TEXT NOT NULL REFERENCES stories(id),
                                  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                                  score REAL, explanation TEXT, PRIMARY KEY (story, document)) WITHOUT ROWID;
    CREATE INDEX story_documents_document ON story_documents(document);
    """),
)

MIGRATIONS += (
    (5, """
    CREATE TABLE vectors (              -- row n of the vector file <store>.vectors holds item n
        id INTEGER PRIMARY KEY,         -- 0-based row in the vector file
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,             -- lead | quote | summary
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX vectors_document ON vectors(document);
    CREATE TABLE embedded (document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE) WITHOUT ROWID;
    """),
    (6, rekey_sounds),
    (7, resign),
    (8, """
    CREATE INDEX mentions_entity_document ON mentions(entity, document);
    DROP INDEX mentions_entity;
    """),
    (9, add_near_keys),
    (10, rekey_names),
    (11, """
    ALTER TABLE events ADD COLUMN dated TEXT;  -- when it happened, else when it was reported: the timeline's order
    UPDATE events SET dated = coalesce("when", (SELECT published FROM documents d WHERE d.id = events.document));
    CREATE INDEX events_dated ON events(dated, document, start);
    CREATE INDEX stories_last_seen ON stories(last_seen);
    """),
    (12, add_mention_sentences),
)

LATEST = MIGRATIONS[-1][0]
