"""The workbench in a real headless Chromium (Debian's, driven by Playwright): search, read, follow
an entity, open a story and the network, and show that script in an article never runs."""
from __future__ import annotations

import shutil
import urllib.parse
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "build" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def page(server):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make browser`")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page
        browser.close()


def test_search_then_read_then_follow_an_entity(server, page):
    base, _ = server
    page.goto(f"{base}/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("form#search-form input[name=q]", "الناتو")
    page.click("form#search-form button")
    page.wait_for_selector(".hit")
    assert page.locator(".hit").count() >= 3
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    page.locator(".hit h3 a").first.click()
    page.wait_for_selector("#article-body")
    assert page.locator("#article-body a.ent").count() > 3
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    link = page.locator("#article-body a.ent-per").first
    name = link.inner_text()
    link.click()
    page.wait_for_selector("section.entity h1")
    assert page.locator("ul.aliases li").count() >= 1
    assert page.locator("section.entity h1").inner_text().strip()
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)
    assert name


def test_removed_furniture_is_shown_folded(server, page):
    base, _ = server
    page.goto(f"{base}/?q={urllib.parse.quote('ستولتنبرغ')}")
    page.locator(".hit h3 a").first.click()
    details = page.locator("details.removed")
    assert details.count() == 1 and details.get_attribute("open") is None


def test_story_page_and_network_view(server, page):
    base, _ = server
    page.goto(f"{base}/stories")
    page.locator("ul.stories a").first.click()
    page.wait_for_selector("section.story")
    assert page.locator("ol.summary li").count() >= 1
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    page.goto(f"{base}/network")
    page.wait_for_selector("#network[data-ready]", timeout=20000)
    assert int(page.get_attribute("#network", "data-ready")) > 5
    page.screenshot(path=str(SHOTS / "network.png"))
    page.goto(f"{base}/timeline")
    assert page.locator("ol.timeline li").count() > 5
    page.screenshot(path=str(SHOTS / "timeline.png"), full_page=True)
    page.goto(f"{base}/quotes")
    assert page.locator("ul.board li.card").count() > 3
    page.screenshot(path=str(SHOTS / "quotes.png"), full_page=True)
    assert not page.errors


def test_script_in_an_article_never_runs(server, page):
    base, _ = server
    page.goto(f"{base}/?q={urllib.parse.quote('شيفرة')}&mode=fulltext")
    page.locator(".hit h3 a").first.click()
    page.wait_for_selector("#article-body")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__xss") is None
    body = page.inner_text("#article-body")
    assert "<script>window.__xss = 2</script>" in body and "onerror" in body
    assert page.locator("#article-body script, #article-body img, #article-body svg").count() == 0
    assert "<script>" in page.inner_text("h1")
    page.screenshot(path=str(SHOTS / "hostile.png"), full_page=True)
