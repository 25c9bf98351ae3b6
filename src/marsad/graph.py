"""The actor network: who meets, supports or opposes whom, weighted by events and co-mentions.

Nodes are people, organisations and places with their mention counts; an edge joins
two actors named in one sentence (weight 1 per sentence) and carries the events that
link them, each mapped to a relation: meets (visit, meeting, agreement), supports (aid),
opposes (sanction, objection, invasion, weapons_test) or mentions (the rest).
"""
from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict

import apsw
import networkx as nx

from marsad.store.sql import in_chunks, published_window

RELATIONS = {"visit": "meets", "meeting": "meets", "agreement": "meets", "aid": "supports",
             "sanction": "opposes", "objection": "opposes", "invasion": "opposes", "weapons_test": "opposes",
             "military_exercise": "exercises", "statement": "speaks_of", "plan": "plans",
             "policy_change": "changes_policy", "appointment": "appoints"}
ACTOR_TYPES = ("PER", "ORG", "GPE")


def _top_actors(db: apsw.Connection, since: str | None, until: str | None, limit: int) -> Counter:
    """The ``limit`` most mentioned actors and their mention counts (one grouped pass over the mentions)."""
    join, dated, dates = published_window(since, until)
    where = ["m.entity IS NOT NULL", f"m.type IN ({','.join('?' * len(ACTOR_TYPES))})", *dated]
    params = [*ACTOR_TYPES, *dates]
    return Counter(dict(db.execute(
        f"SELECT m.entity, count(*) AS n FROM mentions m{join} WHERE {' AND '.join(where)}"
        f" GROUP BY m.entity ORDER BY n DESC, m.entity LIMIT ?", (*params, limit))))


def actor_graph(db: apsw.Connection, since: str | None = None, until: str | None = None,
                min_weight: int = 1, limit: int = 150) -> nx.Graph:
    """The network of the store's actors (the ``limit`` most mentioned), as a networkx graph.

    Everything is read from the index of mentions by entity (with their type and sentence);
    no article is opened."""
    counts = _top_actors(db, since, until, limit)
    keep = list(counts)
    join, dated, dates = published_window(since, until)
    where = ["m.entity IN ({marks})", f"m.type IN ({','.join('?' * len(ACTOR_TYPES))})", *dated]
    sql = f"SELECT DISTINCT m.document, m.sentence, m.entity FROM mentions m{join} WHERE {' AND '.join(where)}"
    by_sentence: dict[tuple[str, int], list[str]] = defaultdict(list)
    for doc, sentence, entity in in_chunks(db, sql, keep, (*ACTOR_TYPES, *dates)):
        by_sentence[(doc, sentence)].append(entity)
    together: Counter = Counter(pair for members in by_sentence.values() if len(members) > 1
                                for pair in itertools.combinations(sorted(members), 2))
    graph = nx.Graph()
    names = {i: (n, ne, t) for i, n, ne, t in in_chunks(
        db, "SELECT id, name, name_en, type FROM entities WHERE id IN ({marks})", keep)}
    for entity in keep:
        name, name_en, kind = names.get(entity, (entity, None, ""))
        graph.add_node(entity, label=name, label_en=name_en or "", type=kind, mentions=counts[entity])
    for (a, b), weight in together.items():
        if weight >= min_weight:
            graph.add_edge(a, b, weight=weight, co_mentions=weight, events="", relation="co_mentioned")
    linked: dict[tuple[str, str], Counter] = defaultdict(Counter)
    kept = set(keep)
    for event, kind, actor, target in in_chunks(
            db, "SELECT ev.id, ev.type, a.entity, t.entity FROM event_entities a"
                " JOIN event_entities t ON t.event = a.event AND t.role = 'target' JOIN events ev ON ev.id = a.event"
                " WHERE a.role = 'actor' AND a.entity IN ({marks})"
                + "".join([" AND ev.dated >= ?" if since else "", " AND ev.dated <= ?" if until else ""]),
            keep, dates):
        if target in kept and actor != target:
            linked[tuple(sorted((actor, target)))][kind] += 1
    for (a, t), kinds in linked.items():
        data = graph.get_edge_data(a, t) or {"weight": 0, "co_mentions": 0}
        main = max(kinds, key=lambda k: (RELATIONS.get(k) in {"meets", "supports", "opposes"}, kinds[k]))
        graph.add_edge(a, t, weight=data["weight"] + 2 * sum(kinds.values()), co_mentions=data["co_mentions"],
                       events=",".join(f"{k}:{v}" for k, v in sorted(kinds.items())),
                       relation=RELATIONS.get(main, "mentions"))
    return graph


def graph_json(graph: nx.Graph) -> dict:
    """Nodes and edges as plain JSON (for the web view)."""
    return {"nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)],
            "edges": [{"source": a, "target": b, **d} for a, b, d in graph.edges(data=True)]}
