"""A real workbench server process over a real store, for the API and browser tests."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"

TOKEN = "test-token-123"
HOSTILE = {
    "title": "مقال فيه شيفرة <script>window.__xss = 1</script>",
    "text": ("قال الأمين العام لحلف شمال الأطلسي مارك روته في بروكسل إن الحلف متحد وإن الشراكة مع اليابان "
             "وكوريا الجنوبية وأستراليا ونيوزيلندا تتعمق عامًا بعد عام في مواجهة التحديات المشتركة. "
             "وأكد أن الأمن الأوروبي والأمن في منطقة المحيطين الهندي والهادئ مترابطان ولا يمكن الفصل بينهما. "
             "<script>window.__xss = 2</script> وأضاف أن “<img src=x onerror=\"window.__xss = 3\">” ليست سوى صورة. "
             "<a href=\"javascript:window.__xss=4\">رابط</a> <svg onload=\"window.__xss=5\"></svg>"),
    "date": "2025-04-10", "source": "hostile.txt",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """``(base_url, db_path)`` of a running `marsad serve` over the examples and a hostile article."""
    folder = tmp_path_factory.mktemp("web")
    db = folder / "store.db"
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", "utf-8")
    marsad = [sys.executable, "-m", "marsad", "--db", str(db)]
    subprocess.run(marsad + ["ingest", "-q", str(EXAMPLES), str(hostile)], check=True, cwd=ROOT, capture_output=True)
    subprocess.run(marsad + ["embed", "-q"], check=True, cwd=ROOT, capture_output=True)
    port = _free_port()
    env = dict(os.environ, MARSAD_TOKEN=TOKEN)
    process = subprocess.Popen(marsad + ["serve", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("the workbench did not start: " + process.stdout.read().decode())
    yield base, db
    process.terminate()
    process.wait(10)
