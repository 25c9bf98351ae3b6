"""Export formats beyond the analysis JSON: JSON Lines, CSV tables, GraphML, GEXF, FollowTheMoney.

All are renderers over the same export object (CONTRACT.md) and the actor graph.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator

import networkx as nx

FORMATS = ("json", "jsonl", "csv", "graphml", "gexf", "ftm")

_CSV_TABLES = {
    "documents": ("id", "source", "title", "published", "published_uncertain", "outlet", "url", "story",
                  "machine_translated"),
    "mentions": ("document", "text", "start", "end", "type", "entity", "via_title", "stands_for", "source"),
    "entities": ("id", "type", "name", "name_en", "wikidata", "mentions", "aliases"),
    "quotes": ("document", "kind", "speaker", "speakers", "text", "start", "end", "verb"),
    "events": ("document", "type", "cameo", "actors", "targets", "where", "when", "when_inferred", "evidence",
               "start", "end"),
    "figures": ("document", "value", "unit", "approx", "text", "start", "end"),
    "stories": ("id", "title", "first_seen", "last_seen", "documents"),
}


def jsonl(export: dict) -> Iterator[str]:
    """One line per document (entities and stories follow, one line each, tagged by kind)."""
    for doc in export["documents"]:
        yield json.dumps({"kind": "document", **doc}, ensure_ascii=False)
    for entity in export["entities"]:
        yield json.dumps({"kind": "entity", **entity}, ensure_ascii=False)
    for story in export["stories"]:
        yield json.dumps({"kind": "story", **story}, ensure_ascii=False)


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    return "" if value is None else str(value)


def csv_tables(export: dict) -> dict[str, str]:
    """One CSV text per table: documents, mentions, entities, quotes, events, figures, stories."""
    rows: dict[str, list[dict]] = {name: [] for name in _CSV_TABLES}
    for doc in export["documents"]:
        rows["documents"].append(doc)
        for layer in ("mentions", "quotes", "events", "figures"):
            rows[layer] += [{"document": doc["id"], **item} for item in doc[layer]]
    rows["entities"] = export["entities"]
    rows["stories"] = export["stories"]
    out = {}
    for name, columns in _CSV_TABLES.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows[name]:
            writer.writerow([_cell(row.get(c)) for c in columns])
        out[name] = buffer.getvalue()
    return out


def csv_zip(export: dict) -> bytes:
    """The CSV tables in one zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in csv_tables(export).items():
            archive.writestr(f"{name}.csv", text)
    return buffer.getvalue()


def graphml(graph: nx.Graph) -> str:
    """The actor network as GraphML."""
    return "\n".join(nx.generate_graphml(graph))


def gexf(graph: nx.Graph) -> str:
    """The actor network as GEXF (Gephi)."""
    return "\n".join(nx.generate_gexf(graph))


_FTM_SCHEMA = {"PER": "Person", "ORG": "Organization", "GPE": "Territory", "LOC": "Address", "EVENT": "Event",
               "NORP": "Territory", "MISC": "LegalEntity"}


def followthemoney(export: dict) -> Iterator[dict]:
    """FollowTheMoney entities: articles, the actors they name, and the mentions that link them (Aleph)."""
    from followthemoney import model
    for entity in export["entities"]:
        proxy = model.make_entity(_FTM_SCHEMA.get(entity["type"], "LegalEntity"))
        proxy.id = entity["id"]
        label = "full" if proxy.schema.name == "Address" else "name"
        proxy.add(label, entity["name"])
        if entity.get("name_en"):
            proxy.add(label, entity["name_en"])
        if proxy.schema.name != "Address":
            proxy.add("alias", entity.get("aliases") or [])
            if entity.get("wikidata"):
                proxy.add("wikidataId", entity["wikidata"])
        yield proxy.to_dict()
    for doc in export["documents"]:
        article = model.make_entity("Article")
        article.id = doc["id"]
        article.add("title", doc["title"] or doc["id"])
        article.add("bodyText", doc["text"])
        article.add("language", "ara")
        article.add("sourceUrl", doc["url"] or None)
        article.add("publishedAt", doc["published"])
        article.add("fileName", doc["source"])
        yield article.to_dict()
        for n, mention in enumerate(m for m in doc["mentions"] if m.get("entity")):
            link = model.make_entity("Mention")
            link.id = f"{doc['id']}-m{n}"
            link.add("document", doc["id"])
            link.add("resolved", mention["entity"])
            link.add("name", mention["text"])
            yield link.to_dict()
