"""The workbench's pages: server-rendered, right-to-left, Arabic first with English names beside.

Templates autoescape; article text is rendered through :mod:`marsad.web.render`, so
nothing in an article can run in the page (the Content-Security-Policy forbids inline
script as a second line of defence).
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from marsad.api import Marsad
from marsad.errors import MarsadError
from marsad.store.sqlite import HIGHLIGHT, SearchHit
from marsad.store.stories import copies
from marsad.web.render import annotated

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TYPE_NAMES = {"PER": "شخص", "ORG": "منظمة", "GPE": "دولة أو مدينة", "LOC": "مكان", "EVENT": "حدث",
              "NORP": "جنسية", "MISC": "أخرى"}
EVENT_NAMES = {"visit": "زيارة", "meeting": "لقاء", "statement": "تصريح", "agreement": "اتفاق", "aid": "مساعدة",
               "sanction": "عقوبات", "military_exercise": "مناورات", "weapons_test": "تجربة سلاح", "plan": "خطة",
               "objection": "اعتراض", "policy_change": "تغيير سياسة", "invasion": "غزو", "appointment": "تعيين"}
HOME_STORIES = 8          # the front page's latest stories told by two articles or more
STORIES_PER_PAGE = 50


def hit_record(hit: SearchHit) -> dict:
    """A search hit as plain data; the snippet's matches are given as offsets, not markup."""
    text, marks, inside, start = "", [], False, 0
    for ch in hit.snippet:
        if ch == HIGHLIGHT[0]:
            inside, start = True, len(text)
        elif ch == HIGHLIGHT[1] and inside:
            marks.append([start, len(text)])
            inside = False
        else:
            text += ch
    return {"id": hit.id, "title": hit.title, "source": hit.source, "published": hit.published,
            "score": round(hit.score, 4), "snippet": text, "highlights": marks}


def router(store) -> APIRouter:
    """The page routes, opening the store with ``store`` like the API does."""
    pages = APIRouter(include_in_schema=False)

    def render(request: Request, name: str, **context) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, name, {"types": TYPE_NAMES, "events_ar": EVENT_NAMES, **context})

    @pages.get("/", response_class=HTMLResponse)
    def home(request: Request, q: str = "", mode: str = Query("hybrid"), m: Marsad = Depends(store)):
        hits, error = [], None
        if q.strip():
            try:
                use = mode if m.store.vectors.count() else "fulltext"
                hits = [hit_record(h) for h in m.search(q, 20, 0, use)]
            except MarsadError as exc:
                error = str(exc)
        stories = m.story_list(HOME_STORIES, 0, min_size=2)[0] if not q else []
        return render(request, "home.html", q=q, mode=mode, hits=hits, error=error, stories=stories,
                      top=m.entities(limit=15) if not q else [], stats=m.overview())

    @pages.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str, m: Marsad = Depends(store)):
        doc = m.document(doc_id)
        names = m.names(s for q in doc.quotes for s in q.speakers)
        quotes = [{"text": doc.text[q.start:q.end], "kind": q.kind,
                   "speakers": [names.get(s, {"id": s, "name": s}) for s in q.speakers]} for q in doc.quotes]
        return render(request, "document.html", doc=doc, body=annotated(doc), quotes=quotes,
                      copies=copies(m.store.db, doc.id), sources=m.store.sources(doc.id),
                      events=m.events(document=doc.id, limit=500))

    @pages.get("/entities/{ref}", response_class=HTMLResponse)
    def entity(request: Request, ref: str, m: Marsad = Depends(store)):
        page = m.entity(ref)
        return render(request, "entity.html", page=page, quotes=m.quotes(page["id"], limit=50),
                      timeline=m.timeline(page["id"], limit=100))

    @pages.get("/stories", response_class=HTMLResponse)
    def stories(request: Request, page: int = Query(1, ge=1, le=100_000), size: int = Query(1, ge=1, le=100_000),
                m: Marsad = Depends(store)):
        rows, total = m.story_list(STORIES_PER_PAGE, (page - 1) * STORIES_PER_PAGE, size)
        return render(request, "stories.html", stories=rows, page=page, size=size, total=total,
                      pages=max(1, -(-total // STORIES_PER_PAGE)))

    @pages.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str, m: Marsad = Depends(store)):
        return render(request, "story.html", story=m.story(story_id))

    @pages.get("/timeline", response_class=HTMLResponse)
    def timeline(request: Request, entity: str | None = None, m: Marsad = Depends(store)):
        page = m.entity(entity) if entity else None
        return render(request, "timeline.html", items=m.timeline(entity, limit=300), page=page)

    @pages.get("/quotes", response_class=HTMLResponse)
    def quotes(request: Request, speaker: str | None = None, m: Marsad = Depends(store)):
        page = m.entity(speaker) if speaker else None
        return render(request, "quotes.html", quotes=m.quotes(speaker, limit=200), page=page)

    @pages.get("/network", response_class=HTMLResponse)
    def network(request: Request):
        vendored = (Path(__file__).parent / "static" / "vendor" / "cytoscape.min.js").exists()
        return render(request, "network.html", vendored=vendored)

    return pages
