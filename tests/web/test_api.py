"""The REST API against a real server process: every endpoint, errors, tokens, the OpenAPI schema."""
import json
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import io

import pytest

from .conftest import TOKEN


def call(base, path, method="GET", body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get_json(base, path):
    status, _, body = call(base, path)
    assert status == 200, (path, body[:300])
    return json.loads(body)


def q(text):
    return urllib.parse.quote(text)


def test_every_read_endpoint_answers(server):
    base, _ = server
    stats = get_json(base, "/api/stats")
    assert stats["documents"] == 10
    docs = get_json(base, "/api/documents?limit=3")
    assert docs["total"] == 10 and len(docs["items"]) == 3 and docs["limit"] == 3
    doc = get_json(base, f"/api/documents/{docs['items'][0]['id']}")
    assert doc["text"] and "mentions" in doc and "sources" in doc
    for mode in ("fulltext", "semantic", "hybrid"):
        hits = get_json(base, f"/api/search?q={q('الناتو')}&mode={mode}&limit=5")["items"]
        assert hits and all(h["mode"] == mode for h in hits)
    entities = get_json(base, "/api/entities?type=PER&limit=5")["items"]
    assert entities and all(e["type"] == "PER" for e in entities)
    rutte = get_json(base, f"/api/entities/{q('مارك روته')}")
    assert rutte["name_en"] == "Mark Rutte"
    assert get_json(base, "/api/entities/e-mark_rutte/explain")["mentions"]
    assert get_json(base, "/api/quotes?speaker=e-mark_rutte")["items"]
    assert get_json(base, "/api/events?type=visit")["items"]
    assert get_json(base, "/api/timeline?entity=e-jens_stoltenberg")["items"]
    stories = get_json(base, "/api/stories")
    assert stories["total"] >= 5
    assert get_json(base, f"/api/stories/{stories['items'][0]['id']}")["summary"]
    graph = get_json(base, "/api/graph?limit=30")
    assert graph["nodes"] and graph["edges"]
    assert isinstance(get_json(base, "/api/judgements"), list)


@pytest.mark.parametrize("fmt, check", [
    ("json", lambda b: len(json.loads(b)["documents"]) == 10),
    ("jsonl", lambda b: json.loads(b.splitlines()[0])["kind"] == "document"),
    ("csv", lambda b: "mentions.csv" in zipfile.ZipFile(io.BytesIO(b)).namelist()),
    ("graphml", lambda b: b.lstrip().startswith(b"<graphml") or b"<graphml" in b[:300]),
    ("gexf", lambda b: b"<gexf" in b[:400]),
    ("ftm", lambda b: {json.loads(line)["schema"] for line in b.splitlines()} >= {"Article", "Person", "Mention"}),
])
def test_every_export_format(server, fmt, check):
    status, _, body = call(server[0], f"/api/export?format={fmt}")
    assert status == 200 and check(body)


def test_errors_have_one_shape(server):
    base, _ = server
    for path, status in (("/api/documents/d-none", 404), ("/api/nothing", 404), ("/api/search?q=", 422),
                         ("/api/export?format=pdf", 400), ("/api/documents?limit=0", 422)):
        got, _, body = call(base, path)
        error = json.loads(body)["error"]
        assert got == status and error["status"] == status and error["message"]


def test_writes_need_the_operators_token(server):
    base, _ = server
    body = {"articles": [{"title": "خبر جديد", "text": "قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن "
                                                       "السلام ممكن في المنطقة.", "date": "2025-05-01"}]}
    assert call(base, "/api/ingest", "POST", body)[0] == 401
    assert call(base, "/api/ingest", "POST", body, token="wrong")[0] == 401
    status, _, answer = call(base, "/api/ingest", "POST", body, token=TOKEN)
    assert status == 200 and len(json.loads(answer)["added"]) == 1
    assert call(base, "/api/merge", "POST", {"keep": "e-x", "other": "e-y"})[0] == 401
    assert call(base, "/api/merge", "POST", {"keep": "e-none", "other": "e-y"}, token=TOKEN)[0] == 404


def test_binds_to_loopback_and_sends_a_content_security_policy(server):
    base, _ = server
    assert base.startswith("http://127.0.0.1:")
    _, headers, _ = call(base, "/")
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_openapi_schema_is_valid_and_fuzzed(server):
    schemathesis = pytest.importorskip("schemathesis")
    base, _ = server
    schema = json.loads(call(base, "/openapi.json")[2])
    from openapi_spec_validator import validate
    validate(schema)
    loaded = schemathesis.openapi.from_url(base + "/openapi.json")
    failures = []
    for result in loaded.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET":
            continue
        strategy = operation.as_strategy()
        from hypothesis import HealthCheck, Phase, given, settings

        @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  phases=[Phase.explicit, Phase.generate])
        @given(case=strategy)
        def check(case):
            response = case.call(base_url=base, timeout=30)
            assert response.status_code < 500, (case.path, case.query, response.text[:200])
        try:
            check()
        except AssertionError as exc:
            failures.append(str(exc))
    assert not failures, failures
