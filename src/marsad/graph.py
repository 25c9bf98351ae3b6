"""The actor network: who meets, supports or opposes whom, weighted by events and co-mentions.

Nodes are people, organisations and places with their mention counts; an edge joins
two actors named in one sentence (weight 1 per sentence) and carries the events that
link them, each mapped to a relation: meets (visit, meeting, agreement), supports (aid),
opposes (sanction, objection, invasion, weapons_test) or mentions (the rest).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

import apsw
import networkx as nx

RELATIONS = {"visit": "meets", "meeting": "meets", "agreement": "meets", "aid": "supports",
             "sanction": "opposes", "objection": "opposes", "invasion": "opposes", "weapons_test": "opposes",
             "military_exercise": "exercises", "statement": "speaks_of", "plan": "plans",
             "policy_change": "changes_policy", "appointment": "appoints"}
ACTOR_TYPES = ("PER", "ORG", "GPE")


def actor_graph(db: apsw.Connection, since: str | None = None, until: str | None = None,
                min_weight: int = 1, limit: int = 150) -> nx.Graph:
    """The network of the store's actors (the ``limit`` most mentioned), as a networkx graph."""
    where, params = ["m.entity IS NOT NULL", f"m.type IN ({','.join('?' * len(ACTOR_TYPES))})"], [*ACTOR_TYPES]
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("d.published <= ?")
        params.append(until)
    rows = list(db.execute(
        f"SELECT m.document, m.start, m.entity FROM mentions m JOIN documents d ON d.id = m.document"
        f" WHERE {' AND '.join(where)}", params))
    counts = Counter(e for _, _, e in rows)
    keep = {e for e, _ in counts.most_common(limit)}
    sentences = {doc: json.loads(s) for doc, s in db.execute("SELECT id, sentences FROM documents")}
    together: dict[tuple[str, str], int] = defaultdict(int)
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for doc, start, entity in rows:
        if entity in keep:
            index = next((i for i, (s, e) in enumerate(sentences.get(doc, [])) if s <= start < e), -1)
            by_sentence[(doc, index)].add(entity)
    for members in by_sentence.values():
        for a in members:
            for b in members:
                if a < b:
                    together[(a, b)] += 1
    graph = nx.Graph()
    names = {i: (n, ne, t) for i, n, ne, t in db.execute("SELECT id, name, name_en, type FROM entities")}
    for entity in keep:
        name, name_en, kind = names.get(entity, (entity, None, ""))
        graph.add_node(entity, label=name, label_en=name_en or "", type=kind, mentions=counts[entity])
    for (a, b), weight in together.items():
        if weight >= min_weight:
            graph.add_edge(a, b, weight=weight, co_mentions=weight, events="", relation="co_mentioned")
    linked: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for kind, actors, targets in db.execute("SELECT type, actors, targets FROM events"):
        for a in json.loads(actors):
            for t in json.loads(targets):
                if a in keep and t in keep and a != t:
                    linked[tuple(sorted((a, t)))][kind] += 1
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
