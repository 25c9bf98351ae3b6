"""The FastAPI application: a read-only JSON API (writes need the operator's token) and the pages.

Every request opens the store for itself; errors have one JSON shape,
``{"error": {"status": …, "code": …, "message": …}}``; lists are paginated with
``limit`` and ``offset`` and say their ``total``.
"""
from __future__ import annotations

import json
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from marsad import exports
from marsad.api import Marsad
from marsad.errors import InputError, MarsadError, NotFound
from marsad.export import document_record
from marsad.graph import graph_json
from marsad.store.stories import copies
from marsad.web import pages

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


class Page(BaseModel):
    """A page of a list."""
    items: list = Field(default_factory=list)
    total: int
    limit: int
    offset: int


class MergeRequest(BaseModel):
    """Two entities a person judges to be one."""
    keep: str
    other: str
    note: str | None = None


class SplitRequest(BaseModel):
    """Mentions a person judges not to be the entity they were linked to."""
    entity: str
    mentions: list[int]
    note: str | None = None


class Article(BaseModel):
    """An article to ingest: the fields of a JSON Lines record."""
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


class IngestRequest(BaseModel):
    """Articles to ingest."""
    articles: list[Article]


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The workbench over the store at ``db``; ``token`` enables the write endpoints."""
    app = FastAPI(title="Marsad", version="0.1.0",
                  description="An auditable knowledge base from Arabic news: search, entities, quotes, "
                              "events, stories and the actor network.")

    def store() -> Iterator[Marsad]:
        marsad = Marsad(db)
        try:
            yield marsad
        finally:
            marsad.close()

    def operator(authorization: str | None = Header(default=None)) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not token or not secrets.compare_digest(given, token):
            raise PermissionError("this endpoint needs the operator's token (Authorization: Bearer …)")

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return _error(404, "not_found", str(exc))

    @app.exception_handler(PermissionError)
    async def forbidden(request: Request, exc: PermissionError):
        return _error(401, "unauthorized", str(exc))

    @app.exception_handler(MarsadError)
    async def bad_request(request: Request, exc: MarsadError):
        return _error(400, "bad_request", str(exc))

    @app.exception_handler(404)
    async def missing(request: Request, exc):
        return _error(404, "not_found", f"no such path: {request.url.path}")

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid request')}")

    limit_q = Query(20, ge=1, le=500)
    offset_q = Query(0, ge=0, le=1_000_000)

    @app.get("/api/stats", tags=["store"])
    def stats(m: Marsad = Depends(store)) -> dict:
        """What the store holds."""
        return m.stats()

    @app.get("/api/documents", tags=["documents"], response_model=Page)
    def documents(limit: int = limit_q, offset: int = offset_q, m: Marsad = Depends(store)) -> dict:
        """Articles, newest first."""
        rows = list(m.store.db.execute(
            "SELECT id, title, published, source, outlet FROM documents ORDER BY published DESC, rowid DESC"
            " LIMIT ? OFFSET ?", (limit, offset)))
        total = m.store.db.execute("SELECT count(*) FROM documents").get
        return {"items": [dict(zip(("id", "title", "published", "source", "outlet"), r)) for r in rows],
                "total": total, "limit": limit, "offset": offset}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: str, m: Marsad = Depends(store)) -> dict:
        """One article with every layer (CONTRACT.md), its other names and its copies."""
        doc = m.document(doc_id)
        return document_record(doc, with_original=True) | {"sources": m.store.sources(doc.id),
                                                           "copies": copies(m.store.db, doc.id)}

    @app.get("/api/search", tags=["search"], response_model=Page)
    def search(q: str = Query(..., min_length=1, max_length=500), mode: str = Query("hybrid"),
               limit: int = limit_q, offset: int = offset_q, m: Marsad = Depends(store)) -> dict:
        """Full-text (Arabic-aware), semantic or hybrid search."""
        if mode not in ("fulltext", "semantic", "hybrid"):
            raise MarsadError(f"unknown search mode {mode!r} (fulltext, semantic or hybrid)")
        if mode != "fulltext" and m.store.vectors.count() == 0:
            mode = "fulltext"
        hits = m.search(q, limit, offset, mode)
        total = m.count(q) if mode == "fulltext" else offset + len(hits)
        return {"items": [pages.hit_record(h) | {"mode": mode} for h in hits], "total": total,
                "limit": limit, "offset": offset}

    @app.get("/api/entities", tags=["entities"], response_model=Page)
    def entities(type: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int = limit_q, offset: int = offset_q, m: Marsad = Depends(store)) -> dict:
        """Entities by number of mentions."""
        rows = m.entities(type, since, until, limit + offset)
        return {"items": rows[offset:], "total": len(rows) + (1 if len(rows) == limit + offset else 0),
                "limit": limit, "offset": offset}

    @app.get("/api/entities/{ref}", tags=["entities"])
    def entity(ref: str, m: Marsad = Depends(store)) -> dict:
        """One entity's page: names, spellings, articles, dates, co-mentioned actors."""
        return m.entity(ref)

    @app.get("/api/entities/{ref}/explain", tags=["entities"])
    def explain(ref: str, m: Marsad = Depends(store)) -> dict:
        """Why each mention was linked to the entity."""
        return m.explain(ref)

    @app.get("/api/quotes", tags=["facts"], response_model=Page)
    def quotes(speaker: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = limit_q, offset: int = offset_q, m: Marsad = Depends(store)) -> dict:
        """Quotes with speakers and sources, newest first."""
        rows = m.quotes(speaker, since, until, limit + 1, offset)
        return {"items": rows[:limit], "total": offset + len(rows), "limit": limit, "offset": offset}

    @app.get("/api/events", tags=["facts"], response_model=Page)
    def events(type: str | None = None, entity: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = limit_q, offset: int = offset_q,
               m: Marsad = Depends(store)) -> dict:
        """Events in date order."""
        rows = m.events(type, entity, since, until, limit + 1, offset)
        return {"items": rows[:limit], "total": offset + len(rows), "limit": limit, "offset": offset}

    @app.get("/api/timeline", tags=["facts"], response_model=Page)
    def timeline(entity: str | None = None, limit: int = limit_q, offset: int = offset_q,
                 m: Marsad = Depends(store)) -> dict:
        """Events and quotes on one dated line."""
        rows = m.timeline(entity, limit + offset + 1)
        return {"items": rows[offset:offset + limit], "total": len(rows), "limit": limit, "offset": offset}

    @app.get("/api/stories", tags=["stories"], response_model=Page)
    def stories(limit: int = limit_q, offset: int = offset_q, min_size: int = Query(1, ge=1, le=100_000),
                m: Marsad = Depends(store)) -> dict:
        """Stories with their articles, most recently seen first (a story's summary: /api/stories/{id})."""
        rows, total = m.story_list(limit, offset, min_size)
        return {"items": rows, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def story(story_id: str, m: Marsad = Depends(store)) -> dict:
        """One story."""
        return m.story(story_id)

    @app.get("/api/graph", tags=["network"])
    def graph(since: str | None = None, until: str | None = None, min_weight: int = Query(1, ge=1),
              limit: int = Query(100, ge=1, le=1000), m: Marsad = Depends(store)) -> dict:
        """The actor network: who meets, supports or opposes whom, weighted by events and co-mentions."""
        return graph_json(m.network(since, until, min_weight, limit))

    @app.get("/api/export", tags=["export"])
    def export(format: str = Query("json"), m: Marsad = Depends(store)) -> Response:
        """The whole store: json (CONTRACT.md), jsonl, csv (zip), graphml, gexf or ftm (FollowTheMoney)."""
        if format not in exports.FORMATS:
            raise MarsadError(f"unknown format {format!r} ({', '.join(exports.FORMATS)})")
        if format in ("graphml", "gexf"):
            graph_data = m.network(limit=150)
            body = exports.graphml(graph_data) if format == "graphml" else exports.gexf(graph_data)
            return Response(body, media_type="application/xml")
        data = m.export()
        if format == "json":
            return JSONResponse(data)
        if format == "csv":
            return Response(exports.csv_zip(data), media_type="application/zip",
                            headers={"Content-Disposition": 'attachment; filename="marsad-csv.zip"'})
        lines = exports.jsonl(data) if format == "jsonl" else \
            (json.dumps(e, ensure_ascii=False) for e in exports.followthemoney(data))
        return Response("\n".join(lines) + "\n", media_type="application/x-ndjson")

    @app.get("/api/judgements", tags=["entities"])
    def judgements(m: Marsad = Depends(store)) -> list[dict]:
        """Every merge and split a person recorded."""
        return m.judgements()

    @app.post("/api/merge", tags=["entities"], dependencies=[Depends(operator)])
    def merge(body: MergeRequest, m: Marsad = Depends(store)) -> dict:
        """Record that two entities are one (needs the operator's token)."""
        return {"moved": m.merge(body.keep, body.other, body.note), "entity": body.keep}

    @app.post("/api/split", tags=["entities"], dependencies=[Depends(operator)])
    def split(body: SplitRequest, m: Marsad = Depends(store)) -> dict:
        """Record that mentions are not their entity; they become a new one (needs the token)."""
        return {"entity": m.split(body.entity, body.mentions, body.note)}

    @app.post("/api/ingest", tags=["documents"], dependencies=[Depends(operator)])
    def ingest(body: IngestRequest, m: Marsad = Depends(store)) -> dict:
        """Analyse and store articles (needs the operator's token)."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "upload.jsonl"
            path.write_text("\n".join(json.dumps(a.model_dump(exclude_none=True), ensure_ascii=False)
                                      for a in body.articles), "utf-8")
            report = m.ingest([str(path)])
        return {"added": report.added, "already": [i for _, i in report.already],
                "copies": [{"id": a, "copy_of": b} for a, b in report.copies],
                "skipped": [{"line": e.line, "reason": e.reason} for e in report.skipped]}

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router(store))
    return app
