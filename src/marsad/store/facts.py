"""The fact layers of a document in the store: times, figures, quotes and events."""
from __future__ import annotations

import dataclasses
import json

import apsw

from marsad.document import Document, Event, Figure, Quote, TimeExpression


def _ids(raw: tuple[str, ...], ids: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(ids[r] for r in raw if r in ids))


def save(db: apsw.Connection, doc: Document, ids: dict[str, str]) -> Document:
    """Store the fact layers with lasting entity ids (inside the caller's transaction)."""
    db.executemany("INSERT INTO times VALUES (?,?,?,?,?,?,?,?)",
                   [(doc.id, t.start, t.end, t.value, t.precision, int(t.relative), t.end_value, int(t.fiscal))
                    for t in doc.times])
    db.executemany("INSERT INTO figures VALUES (?,?,?,?,?,?,?)",
                   [(doc.id, f.start, f.end, f.value, f.unit, int(f.approx), f.noun) for f in doc.figures])
    quotes = []
    for q in doc.quotes:
        q = dataclasses.replace(q, speakers=tuple(_ids(q.speakers, ids)))
        db.execute("INSERT INTO quotes (document, start, end, kind, speakers, cue_start, cue_end, verb, speaker_how)"
                   " VALUES (?,?,?,?,?,?,?,?,?)", (doc.id, q.start, q.end, q.kind, json.dumps(q.speakers),
                                                   q.cue[0] if q.cue else None, q.cue[1] if q.cue else None,
                                                   q.verb, q.speaker_how))
        rowid = db.last_insert_rowid()
        db.executemany("INSERT OR IGNORE INTO quote_speakers VALUES (?, ?)", [(rowid, s) for s in q.speakers])
        quotes.append(q)
    events = []
    for e in doc.events:
        e = dataclasses.replace(e, actors=tuple(_ids(e.actors, ids)), targets=tuple(_ids(e.targets, ids)),
                                where=ids.get(e.where) if e.where else None)
        db.execute('INSERT INTO events (document, type, start, end, trigger_start, trigger_end, actors, targets,'
                   ' place, "when", when_text, when_inferred, cameo, dated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                   (doc.id, e.type, e.start, e.end, e.trigger[0], e.trigger[1], json.dumps(e.actors),
                    json.dumps(e.targets), e.where, e.when, e.when_text, int(e.when_inferred), e.cameo,
                    e.when or doc.published))
        rowid = db.last_insert_rowid()
        db.executemany("INSERT OR IGNORE INTO event_entities VALUES (?, ?, ?)",
                       [(rowid, a, "actor") for a in e.actors] + [(rowid, t, "target") for t in e.targets]
                       + ([(rowid, e.where, "place")] if e.where else []))
        events.append(e)
    return dataclasses.replace(doc, quotes=tuple(quotes), events=tuple(events))


def load(db: apsw.Connection, doc: Document) -> Document:
    """The document with its fact layers read back."""
    times = tuple(TimeExpression(s, e, v, p, bool(r), ev, bool(f)) for s, e, v, p, r, ev, f in db.execute(
        "SELECT start, end, value, precision, relative, end_value, fiscal FROM times WHERE document = ?"
        " ORDER BY start", (doc.id,)))
    figures = tuple(Figure(s, e, v, u, bool(a), n) for s, e, v, u, a, n in db.execute(
        "SELECT start, end, value, unit, approx, noun FROM figures WHERE document = ? ORDER BY start", (doc.id,)))
    quotes = tuple(Quote(s, e, k, tuple(json.loads(sp)), (cs, ce) if cs is not None else None, v, how)
                   for s, e, k, sp, cs, ce, v, how in db.execute(
        "SELECT start, end, kind, speakers, cue_start, cue_end, verb, speaker_how FROM quotes WHERE document = ?"
        " ORDER BY start", (doc.id,)))
    events = tuple(Event(t, s, e, (ts, te), tuple(json.loads(a)), tuple(json.loads(tg)), p, w, wt, bool(wi), c)
                   for t, s, e, ts, te, a, tg, p, w, wt, wi, c in db.execute(
        'SELECT type, start, end, trigger_start, trigger_end, actors, targets, place, "when", when_text,'
        ' when_inferred, cameo FROM events WHERE document = ? ORDER BY start, trigger_start', (doc.id,)))
    return dataclasses.replace(doc, times=times, figures=figures, quotes=quotes, events=events)
