"""Browser tests: the real server (``passerelle serve`` in a subprocess) driven by Debian's
chromium through Playwright, with every request that is not to 127.0.0.1 aborted, so
the pages are proven to work offline.

Screenshots of each page go to ``tests/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api")

from passerelle.web.backend import query_function  # noqa: E402
from passerelle.web.sample import load_sample  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).parent / "screenshots"
VENDOR = Path(__file__).resolve().parent.parent / "passerelle" / "web" / "static" / "vendor"
PAGES = {"home": "/", "map": "/map", "timeline": "/timeline", "search": "/search?q=Lyon",
         "commitments": "/commitments", "people": "/entities/people",
         "article": "/documents/sample-lyon-visit", "profile": "/people/Tran%20Minh%20Khoa",
         "place": "/places/Lyon", "ingest": "/ingest", "docs": "/docs", "error": "/no/such/page",
         "organizations": "/entities/organizations", "places": "/entities/places",
         "partners": "/partners?place=Lyon", "brief": "/brief?place=Lyon"}

#: In-page accessibility audit: returns a list of problems (empty when the page passes).
A11Y_AUDIT = """() => {
  const problems = [];
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const named = (el) => (el.labels && el.labels.length) || el.getAttribute('aria-label')
    || el.getAttribute('aria-labelledby') || el.getAttribute('title');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (['hidden', 'submit', 'button', 'reset'].includes(el.type)) continue;
    const what = el.name || el.id || el.outerHTML.slice(0, 80);
    if (!named(el)) problems.push('unlabelled ' + el.tagName.toLowerCase() + ' ' + what);
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    const name = (el.textContent || '').trim() || el.getAttribute('aria-label') || el.getAttribute('title')
      || [...el.querySelectorAll('img[alt], svg title')].map((x) => x.alt || x.textContent).join('');
    if (!name && shown(el)) problems.push('control without a name: ' + el.outerHTML.slice(0, 80));
  }
  const h1 = document.querySelectorAll('h1');
  if (h1.length !== 1) problems.push(h1.length + ' h1 elements');
  for (const [sel, what] of [['header.site-header', 'header'], ['nav[aria-label]', 'nav'],
                             ['main#main', 'main'], ['footer.site-footer', 'footer']]) {
    if (document.querySelectorAll(sel).length < 1) problems.push('no ' + what + ' landmark');
  }
  if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one main');
  const skip = document.querySelector('a.skip-link');
  if (!skip || skip.getAttribute('href') !== '#main') problems.push('no skip link to #main');
  for (const t of document.querySelectorAll('main table')) {
    if (!t.querySelector('caption') && !t.getAttribute('aria-label') && !t.getAttribute('aria-labelledby')) {
      problems.push('table without caption or aria-label');
    }
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.src);
  }
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  return problems;
}"""

#: Outline of the focused element, to check focus is visible.
FOCUS_OUTLINE = """() => {
  const s = getComputedStyle(document.activeElement);
  return {tag: document.activeElement.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
}"""


def _need(condition: bool, why: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(base: str, proc: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"passerelle serve exited: {log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(base + "/static/app.css", timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("passerelle serve did not start in time")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from passerelle.store import open_db

    _need(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing (scripts/setup --system installs it)")
    _need((VENDOR / "leaflet" / "leaflet.js").exists(), "web assets missing: run scripts/build_assets.sh")
    folder = tmp_path_factory.mktemp("webui")
    url = f"sqlite:///{folder / 'kb.sqlite'}"
    db = open_db(url)
    load_sample(db)
    db.dispose()
    port = _free_port()
    cmd = [sys.executable, "-m", "passerelle", "serve", "--db", url, "--port", str(port)]
    log = folder / "serve.log"
    with open(log, "wb") as sink:  # a file, not a pipe: a full pipe would block the server
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, proc, log)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """Console errors, page errors, dialogs and blocked requests seen by one page."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []


def _offline(route) -> None:  # noqa: ANN001
    host = urlparse(route.request.url).hostname
    if host == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


@pytest.fixture()
def page(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", _offline)
    pg = context.new_page()
    watch = Watch()
    pg.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    pg.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    pg.on("requestfailed", lambda r: watch.blocked.append(r.url))
    pg.watch = watch
    yield pg
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_offline_without_console_errors(server: str, page, name: str) -> None:
    response = page.goto(server + PAGES[name], wait_until="networkidle")
    assert response.status == (404 if name == "error" else 200)
    assert page.locator("main#main h1").count() >= 1
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    errors = [e for e in page.watch.errors if not (name == "error" and "404" in e)]
    assert errors == [] and page.watch.dialogs == []
    assert page.watch.blocked == [], "a page asked for something beyond 127.0.0.1"
    if name != "docs":  # the third-party Swagger UI is audited by its authors
        _assert_accessible(page)


def _assert_accessible(page, first_tab: bool = True) -> None:  # noqa: ANN001
    """Labels, one h1, landmarks, captions, alt text; the skip link works; focus is visible.

    ``first_tab``: the page has no focus yet, so the first Tab must reach the skip link
    (False when a field was autofocused: the skip link is then focused directly).
    """
    assert page.evaluate(A11Y_AUDIT) == []
    if first_tab:
        page.keyboard.press("Tab")
    else:
        page.focus("a.skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    skip = page.evaluate(FOCUS_OUTLINE)
    assert skip["style"] != "none" and skip["width"] >= 2, skip
    assert page.locator("a.skip-link").is_visible()  # shown once focused
    page.keyboard.press("Tab")
    link = page.evaluate(FOCUS_OUTLINE)
    assert link["style"] != "none" and link["width"] >= 2, link
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_map_renders_basemap_and_markers(server: str, page) -> None:
    if not query_function("places_map"):
        pytest.skip("passerelle.query.places_map is not installed yet")
    page.goto(server + "/map", wait_until="networkidle")
    page.wait_for_selector("#map[data-ready='1']", timeout=10000)
    assert page.locator(".leaflet-basemap-pane path").count() > 50  # country outlines
    regions = page.locator(".leaflet-regions-pane path.admin-regions")
    assert regions.count() > 20  # French regions and Vietnamese provinces, under the markers
    assert page.locator(".leaflet-departments-pane path").count() == 0  # off until toggled
    markers = page.locator("path.place-marker")
    assert markers.count() >= 3
    markers.first.click(force=True)
    link = page.locator(".leaflet-popup-content a")
    assert link.count() == 1 and link.get_attribute("href").startswith("/places/")


def test_map_toggles_regional_layers_and_names_them_on_hover(server: str, page) -> None:
    page.goto(server + "/map", wait_until="networkidle")
    page.wait_for_selector("#map[data-ready='1']", timeout=10000)  # outlines and markers drawn
    toggles = page.locator(".leaflet-control-layers-overlays input[type=checkbox]")
    assert toggles.count() == 2
    toggles.nth(1).check()  # départements on
    assert page.locator(".leaflet-departments-pane path.admin-departments").count() == 96
    toggles.nth(0).uncheck()  # regions off
    assert page.locator(".leaflet-regions-pane path").count() == 0
    toggles.nth(0).check()
    # Hover the middle of the largest outline away from any marker and read the tooltip Leaflet shows.
    target = page.evaluate("""() => {
      const dots = [...document.querySelectorAll('path.place-marker')].map((m) => m.getBoundingClientRect());
      const box = document.querySelector('#map').getBoundingClientRect();
      const ctl = document.querySelector('.leaflet-control-layers').getBoundingClientRect();
      const inside = (r, x, y, m) => x > r.left - m && x < r.right + m && y > r.top - m && y < r.bottom + m;
      const clear = (x, y) => inside(box, x, y, -40) && !inside(ctl, x, y, 10)
        && dots.every((d) => Math.hypot(d.x + d.width / 2 - x, d.y + d.height / 2 - y) > 30);
      let best = null;
      for (const p of document.querySelectorAll('.leaflet-departments-pane path')) {
        const r = p.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
        if (clear(x, y) && (!best || r.width * r.height > best.w * best.h)) best = {x, y, w: r.width, h: r.height};
      }
      return best;
    }""")
    page.mouse.move(target["x"] - 3, target["y"])
    page.mouse.move(target["x"], target["y"], steps=3)
    tip = page.locator(".leaflet-tooltip.admin-tip")
    tip.wait_for(timeout=5000)
    assert "département" in tip.inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "map-regions.png"))
    assert page.watch.errors == [] and page.watch.blocked == []


def test_timeline_filter_applies(server: str, page) -> None:
    page.goto(server + "/timeline")
    page.select_option("#f-sector", "heritage")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "sector=heritage" in page.url
    assert page.locator("#f-sector").input_value() == "heritage"


def test_article_fact_click_jumps_to_evidence(server: str, page) -> None:
    if not query_function("document"):
        pytest.skip("passerelle.query.document is not installed yet")
    page.goto(server + "/documents/sample-lyon-visit")
    jump = page.locator("a.jump").first
    target = jump.get_attribute("data-fact")
    jump.click()
    mark = page.locator(f"mark#{target}")
    assert "flash" in (mark.get_attribute("class") or "")
    assert page.evaluate("document.activeElement.id") == target


def test_hostile_article_runs_nothing(server: str, page) -> None:
    page.goto(server + "/documents/sample-hostile", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.watch.dialogs == [] and page.watch.errors == []
    if query_function("document"):
        assert "<script>" in page.locator("h1").inner_text()
        assert "onerror" in page.locator(".article-body").inner_text()
        assert page.locator(".article-body img, .article-body script, .article-body svg").count() == 0
    assert page.locator("footer.site-footer").is_visible()  # the page is intact


def test_keyboard_reaches_skip_link_search_and_nav(server: str, page) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.goto(server + "/")
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.getAttribute('href')"))
    assert "quick-q" in seen and "/map" in seen and "/timeline" in seen


def test_ingest_page_shows_progress_and_lists_failures(server: str, page) -> None:
    # Port 9 (discard) refuses connections: the fetch fails fast, without loading any model.
    page.goto(server + "/ingest")
    page.fill("#i-urls", "http://127.0.0.1:9/no-article-here")
    page.click("form.ingest-form button[type=submit]")
    page.wait_for_url("**/ingest/jobs/*")
    sync_api.expect(page.locator("#job-state")).to_have_text(re.compile("^(done|failed)$"), timeout=30000)
    assert page.locator("#job-done").inner_text() == "1"
    failure = page.locator("#job-failures li")
    sync_api.expect(failure).to_have_count(1)
    assert "127.0.0.1:9" in failure.inner_text()
    assert page.locator("#job-failed").inner_text() == "1" and page.locator("#job-total").inner_text() == "1"
    assert page.locator("#job-progress").evaluate("(bar) => [bar.value, bar.max]") == [1, 1]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "job.png"), full_page=True)
    assert [e for e in page.watch.errors if "127.0.0.1:9" not in e] == []
    _assert_accessible(page)


def test_refused_correction_keeps_the_input_and_names_the_unknown_entity(server: str, page) -> None:
    if not query_function("merge_entities"):
        pytest.skip("passerelle.query.merge_entities is not installed yet")
    page.goto(server + PAGES["profile"])
    page.fill("#merge-other", "Nobody Of That Name")
    with page.expect_navigation() as nav:
        page.click("form[action$='/merge'] button[type=submit]")
    assert nav.value.status == 404
    assert "Nobody Of That Name" in page.locator("#merge-error").inner_text()
    assert page.locator("#merge-other").input_value() == "Nobody Of That Name"
    assert page.evaluate("document.activeElement.id") == "merge-other"  # focus is on the field to fix
    assert page.watch.errors == [] or all("404" in e for e in page.watch.errors)
    _assert_accessible(page, first_tab=False)


def test_api_docs_render_offline(server: str, page) -> None:
    page.goto(server + "/docs", wait_until="networkidle")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() >= 5
    assert page.watch.errors == [] and page.watch.blocked == []



@pytest.mark.parametrize("name", ["home", "timeline", "article", "search"])
def test_pages_fit_a_phone_screen(server: str, browser, name: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    context.route("**/*", _offline)
    pg = context.new_page()
    pg.goto(server + PAGES[name], wait_until="networkidle")
    overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    pg.screenshot(path=str(SHOTS / f"phone-{name}.png"))
    context.close()
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px on a phone"
