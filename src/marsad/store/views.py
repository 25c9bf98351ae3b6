"""Read-only views over the store's entities: records for the export, pages, lists, explanations."""
from __future__ import annotations

import json
from collections import Counter

import apsw


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


def entity_page(db: apsw.Connection, entity: str, co_limit: int = 10) -> dict:
    """Everything the store knows of one entity: names, spellings, types, articles, dates, company."""
    eid, kind, name, name_en, wikidata, kb_id = db.execute(
        "SELECT id, type, name, name_en, wikidata, kb_id FROM entities WHERE id = ?", (entity,)).get
    spellings = Counter({t: n for t, n in db.execute(
        "SELECT text, count(*) FROM mentions WHERE entity = ? AND via_title = 0 GROUP BY text", (entity,))})
    titles = Counter({t: n for t, n in db.execute(
        "SELECT text, count(*) FROM mentions WHERE entity = ? AND via_title = 1 GROUP BY text", (entity,))})
    types = Counter({t: n for t, n in db.execute(
        "SELECT type, count(*) FROM mentions WHERE entity = ? GROUP BY type", (entity,))})
    documents = [{"id": d, "title": t, "published": p, "mentions": n} for d, t, p, n in db.execute(
        "SELECT d.id, d.title, d.published, count(*) FROM mentions m JOIN documents d ON d.id = m.document"
        " WHERE m.entity = ? OR m.stands_for = ? GROUP BY d.id ORDER BY d.published, d.rowid", (entity, entity))]
    dates = [d["published"] for d in documents if d["published"]]
    company = [{"id": e, "name": n, "name_en": ne, "type": t, "articles": c} for e, n, ne, t, c in db.execute(
        "SELECT o.entity, e.name, e.name_en, e.type, count(DISTINCT o.document) AS c FROM mentions m"
        " JOIN mentions o ON o.document = m.document AND o.entity != m.entity AND o.entity IS NOT NULL"
        " JOIN entities e ON e.id = o.entity WHERE m.entity = ? GROUP BY o.entity ORDER BY c DESC, e.name"
        " LIMIT ?", (entity, co_limit))]
    return {"id": eid, "type": kind, "name": name, "name_en": name_en, "wikidata": wikidata, "kb_id": kb_id,
            "spellings": spellings.most_common(), "titles": titles.most_common(), "types": dict(types),
            "documents": documents, "first_seen": min(dates) if dates else None,
            "last_seen": max(dates) if dates else None, "co_mentioned": company}


def top_entities(db: apsw.Connection, kind: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int = 25) -> list[dict]:
    """Entities by number of mentions, optionally of one type and within a date range."""
    clauses, params = ["m.entity IS NOT NULL"], []
    if kind:
        clauses.append("e.type = ?")
        params.append(kind.upper())
    if since:
        clauses.append("d.published >= ?")
        params.append(since)
    if until:
        clauses.append("d.published <= ?")
        params.append(until)
    return [{"id": i, "name": n, "name_en": ne, "type": t, "mentions": c, "articles": a} for i, n, ne, t, c, a in
            db.execute(f"SELECT e.id, e.name, e.name_en, e.type, count(*), count(DISTINCT m.document) FROM mentions m"
                       f" JOIN entities e ON e.id = m.entity JOIN documents d ON d.id = m.document"
                       f" WHERE {' AND '.join(clauses)} GROUP BY e.id ORDER BY 5 DESC, e.name LIMIT ?",
                       (*params, limit))]


def mention_evidence(db: apsw.Connection, entity: str, limit: int = 50) -> list[dict]:
    """How each mention came to be linked to an entity: the features that fired, with scores."""
    return [{"mention": i, "document": d, "text": t, "start": s, "end": e, "source": src, "via_title": bool(v),
             "office": o, "evidence": json.loads(ev)} for i, d, t, s, e, src, v, o, ev in db.execute(
        "SELECT id, document, text, start, end, source, via_title, office, evidence FROM mentions"
        " WHERE entity = ? ORDER BY document, start LIMIT ?", (entity, limit))]


def _names(db: apsw.Connection, ids) -> dict[str, dict]:
    ids = list(set(ids))
    if not ids:
        return {}
    return {i: {"id": i, "name": n, "name_en": ne} for i, n, ne in db.execute(
        f"SELECT id, name, name_en FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids)}


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
    rows = list(db.execute(
        f"SELECT q.id, q.document, d.title, d.published, d.source, q.kind, q.speakers, q.verb, q.start, q.end,"
        f" substr(d.text, q.start + 1, q.end - q.start) FROM quotes q JOIN documents d ON d.id = q.document"
        f" WHERE {' AND '.join(clauses)} ORDER BY d.published DESC, q.document, q.start LIMIT ? OFFSET ?",
        (*params, limit, offset)))
    names = _names(db, [s for r in rows for s in json.loads(r[6])])
    return [{"id": i, "document": doc, "title": t, "published": p, "source": src, "kind": k,
             "speakers": [names.get(s, {"id": s}) for s in json.loads(sp)], "verb": v, "start": s, "end": e,
             "text": text} for i, doc, t, p, src, k, sp, v, s, e, text in rows]


def event_rows(db: apsw.Connection, kind: str | None = None, entity: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Events with the names of their actors, targets and place, in date order."""
    clauses, params = ["1"], []
    if kind:
        clauses.append("e.type = ?")
        params.append(kind)
    if entity:
        clauses.append("e.id IN (SELECT event FROM event_entities WHERE entity = ?)")
        params.append(entity)
    if since:
        clauses.append('coalesce(e."when", d.published) >= ?')
        params.append(since)
    if until:
        clauses.append('coalesce(e."when", d.published) <= ?')
        params.append(until)
    rows = list(db.execute(
        f'SELECT e.id, e.document, d.title, d.published, d.source, e.type, e.cameo, e.actors, e.targets, e.place,'
        f' e."when", e.when_text, e.when_inferred, e.start, e.end, substr(d.text, e.start + 1, e.end - e.start),'
        f' substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) FROM events e'
        f' JOIN documents d ON d.id = e.document WHERE {" AND ".join(clauses)}'
        f' ORDER BY coalesce(e."when", d.published), e.document, e.start LIMIT ? OFFSET ?', (*params, limit, offset)))
    names = _names(db, [x for r in rows for x in (*json.loads(r[7]), *json.loads(r[8]), r[9]) if x])
    return [{"id": i, "document": doc, "title": t, "published": p, "source": src, "type": k, "cameo": c,
             "actors": [names.get(a, {"id": a}) for a in json.loads(ac)],
             "targets": [names.get(a, {"id": a}) for a in json.loads(tg)],
             "where": names.get(pl, {"id": pl}) if pl else None, "when": w, "when_text": wt,
             "when_inferred": bool(wi), "start": s, "end": e, "evidence": ev, "trigger": tr}
            for i, doc, t, p, src, k, c, ac, tg, pl, w, wt, wi, s, e, ev, tr in rows]


def timeline_rows(db: apsw.Connection, entity: str | None = None, limit: int = 200) -> list[dict]:
    """Events and quotes on one dated line, with their sources."""
    items = [{"date": e["when"] or e["published"], "kind": "event", **e}
             for e in event_rows(db, entity=entity, limit=limit)]
    items += [{"date": q["published"], "kind": "quote", **q} for q in quote_rows(db, speaker=entity, limit=limit)]
    return sorted((i for i in items if i["date"]), key=lambda i: (i["date"], i["document"], i["start"]))[:limit]
