"""Read-only views over the store's entities: records for the export, pages, lists, explanations."""
from __future__ import annotations

import json
from collections import Counter

import apsw

from marsad.store.sql import in_chunks, published_window


def entity_records(db: apsw.Connection, ids: list[str] | None = None) -> list[dict]:
    """Entities with their names and every spelling seen, as the export writes them."""
    where = "" if ids is None else f"WHERE e.id IN ({','.join('?' * len(ids))})"
    rows = list(db.execute(
        f"SELECT e.id, e.type, e.name, e.name_en, e.wikidata, e.kb_id FROM entities e {where} ORDER BY e.id",
        tuple(ids or ())))
    spellings: dict[str, Counter] = {}
    for entity, text, count in db.execute(
            "SELECT entity, text, count(*) FROM mentions WHERE entity IS NOT NULL AND via_title = 0 AND type != 'NORP'"
            " GROUP BY entity, text"):
        spellings.setdefault(entity, Counter())[text] = count
    referenced = {e for (e,) in db.execute(
        "SELECT entity FROM mentions WHERE entity IS NOT NULL UNION SELECT stands_for FROM mentions"
        " WHERE stands_for IS NOT NULL UNION SELECT entity FROM quote_speakers UNION SELECT entity FROM event_entities")}
    out = []
    for eid, kind, name, name_en, wikidata, kb_id in rows:
        seen = spellings.get(eid, Counter())
        if eid not in referenced and ids is None:
            continue
        out.append({"id": eid, "type": kind, "name": name, "name_en": name_en, "wikidata": wikidata,
                    "kb_id": kb_id, "aliases": [t for t, _ in seen.most_common()],
                    "mentions": sum(seen.values())})
    return out


ENTITY_ARTICLES = 100     # an entity page lists its latest articles; the count and dates cover all
COMPANY_ARTICLES = 1000   # who is named with an entity is counted over its latest articles


def entity_page(db: apsw.Connection, entity: str, co_limit: int = 10, articles: int = ENTITY_ARTICLES) -> dict:
    """Everything the store knows of one entity: names, spellings, types, articles, dates, company.

    ``documents`` holds the ``articles`` latest articles that name the entity (or name a capital
    standing for it); ``articles`` counts them all; company is counted over the latest
    COMPANY_ARTICLES of them."""
    eid, kind, name, name_en, wikidata, kb_id = db.execute(
        "SELECT id, type, name, name_en, wikidata, kb_id FROM entities WHERE id = ?", (entity,)).get
    spellings, titles, types = Counter(), Counter(), Counter()
    for text, via_title, mtype, n in db.execute(
            "SELECT text, via_title, type, count(*) FROM mentions WHERE entity = ? GROUP BY text, via_title, type",
            (entity,)):
        (titles if via_title else spellings)[text] += n
        types[mtype] += n
    named = ("SELECT document, count(*) AS n FROM (SELECT document FROM mentions WHERE entity = ?"
             " UNION ALL SELECT document FROM mentions WHERE stands_for = ?) GROUP BY document")
    total, first, last = db.execute(
        f"SELECT count(*), min(d.published), max(d.published) FROM ({named}) x JOIN documents d ON d.id = x.document",
        (entity, entity)).get
    latest = list(db.execute(
        f"SELECT d.id, d.title, d.published, x.n FROM ({named}) x JOIN documents d ON d.id = x.document"
        f" ORDER BY d.published DESC, d.rowid DESC LIMIT ?", (entity, entity, max(articles, COMPANY_ARTICLES))))
    documents = [{"id": d, "title": t, "published": p, "mentions": n} for d, t, p, n in latest[:articles]]
    around = [d for d, *_ in latest]
    together: Counter = Counter()
    for other, n in in_chunks(db, "SELECT entity, count(DISTINCT document) FROM mentions WHERE document IN ({marks})"
                                  " AND entity IS NOT NULL AND entity != ? GROUP BY entity", around, (entity,)):
        together[other] += n
    top = together.most_common(co_limit * 3)
    about = names(db, [e for e, _ in top])
    kinds = dict(in_chunks(db, "SELECT id, type FROM entities WHERE id IN ({marks})", [e for e, _ in top]))
    company = sorted(({"id": e, "name": about[e]["name"], "name_en": about[e]["name_en"], "type": kinds[e],
                       "articles": c} for e, c in top if e in about), key=lambda c: (-c["articles"], c["name"]))[:co_limit]
    return {"id": eid, "type": kind, "name": name, "name_en": name_en, "wikidata": wikidata, "kb_id": kb_id,
            "spellings": spellings.most_common(), "titles": titles.most_common(), "types": dict(types),
            "articles": total, "documents": documents, "first_seen": first, "last_seen": last,
            "co_mentioned": company}


def top_entities(db: apsw.Connection, kind: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int = 25) -> list[dict]:
    """Entities by number of mentions, optionally of one type and within a date range.

    Counted on the index of mentions by entity; articles are joined only for a date range."""
    joins, dated, dates = published_window(since, until)
    clauses, params = ["m.entity IS NOT NULL", *dated], [*dates]
    if kind:
        clauses.append("m.entity IN (SELECT id FROM entities WHERE type = ?)")
        params.append(kind.upper())
    counted = list(db.execute(
        f"SELECT m.entity, count(*), count(DISTINCT m.document) FROM mentions m{joins}"
        f" WHERE {' AND '.join(clauses)} GROUP BY m.entity ORDER BY 2 DESC, m.entity LIMIT ?", (*params, limit)))
    ids = [e for e, _, _ in counted]
    about = {i: (n, ne, t) for i, n, ne, t in in_chunks(
        db, "SELECT id, name, name_en, type FROM entities WHERE id IN ({marks})", ids)}
    rows = [(e, *about[e], c, a) for e, c, a in counted if e in about]
    rows.sort(key=lambda r: (-r[4], r[1]))
    return [{"id": i, "name": n, "name_en": ne, "type": t, "mentions": c, "articles": a} for i, n, ne, t, c, a in rows]


def mention_evidence(db: apsw.Connection, entity: str, limit: int = 50) -> list[dict]:
    """How each mention came to be linked to an entity: the features that fired, with scores."""
    return [{"mention": i, "document": d, "text": t, "start": s, "end": e, "source": src, "via_title": bool(v),
             "office": o, "evidence": json.loads(ev)} for i, d, t, s, e, src, v, o, ev in db.execute(
        "SELECT id, document, text, start, end, source, via_title, office, evidence FROM mentions"
        " WHERE entity = ? ORDER BY document, start LIMIT ?", (entity, limit))]


def names(db: apsw.Connection, ids) -> dict[str, dict]:
    """Entities' names by id (ids not in the store are left out)."""
    ids = list(set(ids))
    return {i: {"id": i, "name": n, "name_en": ne} for i, n, ne in in_chunks(
        db, "SELECT id, name, name_en FROM entities WHERE id IN ({marks})", ids)}


def quote_rows(db: apsw.Connection, speaker: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 50, offset: int = 0) -> list[dict]:
    """Quotes with their speakers' names, articles and sentences; newest first."""
    clauses, params = ["1"], []
    if speaker:
        clauses.append("q.id IN (SELECT quote FROM quote_speakers WHERE entity = ?)")
        params.append(speaker)
    if since:
        clauses.append("d.published >= ?")
        params.append(since)
    if until:
        clauses.append("d.published <= ?")
        params.append(until)
    # without a speaker, articles are read newest first through their date index and their quotes joined
    # to them, so a page costs what it shows; a speaker's quotes are found through the speaker index
    join = "quotes q JOIN documents d" if speaker else "documents d CROSS JOIN quotes q"
    rows = list(db.execute(
        f"SELECT q.id, q.document, d.title, d.published, d.source, q.kind, q.speakers, q.verb, q.start, q.end,"
        f" substr(d.text, q.start + 1, q.end - q.start) FROM {join} ON d.id = q.document"
        f" WHERE {' AND '.join(clauses)} ORDER BY d.published DESC, d.rowid DESC, q.start LIMIT ? OFFSET ?",
        (*params, limit, offset)))
    named = names(db, [s for r in rows for s in json.loads(r[6])])
    return [{"id": i, "document": doc, "title": t, "published": p, "source": src, "kind": k,
             "speakers": [named.get(s, {"id": s}) for s in json.loads(sp)], "verb": v, "start": s, "end": e,
             "text": text} for i, doc, t, p, src, k, sp, v, s, e, text in rows]


def event_rows(db: apsw.Connection, kind: str | None = None, entity: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0, document: str | None = None) -> list[dict]:
    """Events with the names of their actors, targets and place, in date order (optionally of one article)."""
    clauses, params = ["1"], []
    if document:
        clauses.append("e.document = ?")
        params.append(document)
    if kind:
        clauses.append("e.type = ?")
        params.append(kind)
    if entity:
        clauses.append("e.id IN (SELECT event FROM event_entities WHERE entity = ?)")
        params.append(entity)
    if since:
        clauses.append("e.dated >= ?")
        params.append(since)
    if until:
        clauses.append("e.dated <= ?")
        params.append(until)
    rows = list(db.execute(
        f'SELECT e.id, e.document, d.title, d.published, d.source, e.type, e.cameo, e.actors, e.targets, e.place,'
        f' e."when", e.when_text, e.when_inferred, e.start, e.end, substr(d.text, e.start + 1, e.end - e.start),'
        f' substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) FROM events e'
        f' JOIN documents d ON d.id = e.document WHERE {" AND ".join(clauses)}'
        f' ORDER BY e.dated, e.document, e.start LIMIT ? OFFSET ?', (*params, limit, offset)))
    named = names(db, [x for r in rows for x in (*json.loads(r[7]), *json.loads(r[8]), r[9]) if x])
    return [{"id": i, "document": doc, "title": t, "published": p, "source": src, "type": k, "cameo": c,
             "actors": [named.get(a, {"id": a}) for a in json.loads(ac)],
             "targets": [named.get(a, {"id": a}) for a in json.loads(tg)],
             "where": named.get(pl, {"id": pl}) if pl else None, "when": w, "when_text": wt,
             "when_inferred": bool(wi), "start": s, "end": e, "evidence": ev, "trigger": tr}
            for i, doc, t, p, src, k, c, ac, tg, pl, w, wt, wi, s, e, ev, tr in rows]


def timeline_rows(db: apsw.Connection, entity: str | None = None, limit: int = 200) -> list[dict]:
    """Events and quotes on one dated line, with their sources."""
    items = [{"date": e["when"] or e["published"], "kind": "event", **e}
             for e in event_rows(db, entity=entity, limit=limit)]
    items += [{"date": q["published"], "kind": "quote", **q} for q in quote_rows(db, speaker=entity, limit=limit)]
    return sorted((i for i in items if i["date"]), key=lambda i: (i["date"], i["document"], i["start"]))[:limit]
