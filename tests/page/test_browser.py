"""The page and the TimelineJS export in a real headless Chromium (Debian's, never a download).

Under CI=true these tests must run; elsewhere they skip when Chromium or the npm packages of
tests/browser/ are missing (`npm ci --prefix tests/browser`).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import sample_data
from extracted import ROOT, STORY

from dashboard.page import charts
from dashboard.store import dataset, export

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
TIMELINEJS = ROOT / "tests" / "browser" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
ARTIFACTS = ROOT / "tests" / "artifacts"
TITLE = "North Korean soldiers in Russia's war against Ukraine"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def need(path: Path, why: str) -> None:
    """Skip when `path` is missing, except under CI where it is a failure."""
    if path.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} is missing at {path}")
    pytest.skip(f"{why} is missing at {path}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, attempts: int = 240) -> None:
    """Poll `url` until it answers (each try waits a quarter second)."""
    for _ in range(attempts):
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer")


LOGS: dict[str, Path] = {}
"""The output file of each server `serve` started, by its URL."""


def server_log(url: str, lines: int = 20) -> str:
    """The last lines the server at `url` printed (for a failing test's message)."""
    log = LOGS.get(url)
    return "\n".join(log.read_text().splitlines()[-lines:]) if log and log.exists() else ""


@contextlib.contextmanager
def serve(data_dir: Path, story: Path | None = None):
    """`streamlit run` the page over `data_dir` on a free localhost port (new sources and
    settings go to `story`'s manifest) with the project's own .streamlit/config.toml and no
    other option; yields its URL. The server's output goes to a file in the temp folder (a pipe
    nobody reads would stop the server once full); `server_log(url)` reads it."""
    port = free_port()
    env = {**os.environ, "DASHBOARD_DATA": str(data_dir),
           "DASHBOARD_SOURCES": str((story or data_dir.parent / "none") / "sources.csv")}
    command = [sys.executable, "-m", "streamlit", "run",
               str(ROOT / "dashboard" / "page" / "app.py"), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--server.fileWatcherType", "none"]
    log = Path(tempfile.gettempdir()) / f"dashboard-streamlit-{port}.log"
    LOGS[f"http://127.0.0.1:{port}/"] = log
    with log.open("w") as output:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output,
                                   stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/_stcore/health", process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with serve(sample_data.write(tmp_path_factory.mktemp("browser") / "data")) as url:
        yield url


TIMELINE = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .filter(p => p._fullData && p._fullData.some(t => (t.customdata || []).some(Boolean)))"""
"""The timeline plots: the only charts whose points carry event ids (figure histories do not)."""

DRAWN_EVENTS = """() => {
  const timelines = (""" + TIMELINE + """)();
  const plot = timelines[0];
  if (!plot) return null;
  const ids = new Set();
  for (const trace of plot._fullData) for (const id of trace.customdata || []) if (id) ids.add(id);
  const traces = [...plot.querySelectorAll('.scatterlayer .trace')]
    .filter(trace => !trace.closest('.rangeslider-container'));
  return {ids: [...ids].sort(), traces: traces.length, plots: timelines.length};
}"""


FIRST_POINT = """() => {
  for (const el of (""" + TIMELINE + """)()[0].querySelectorAll('.scatterlayer .points path')) {
    const box = el.getBoundingClientRect();
    if (box.width > 4 && !el.closest('.rangeslider-container')) return el;
  }
}"""


def drawn(page, count: int, lanes: int) -> dict:
    """The timeline's drawn event ids, once it shows `count` events in `lanes` traces (one per
    kind of event)."""
    page.wait_for_function(f"() => {{ const d = ({DRAWN_EVENTS})(); return d && d.plots === 1 "
                           f"&& d.ids.length === {count} && d.traces === {lanes}; }}",
                           timeout=60_000)
    return page.evaluate(DRAWN_EVENTS)


def test_page_draws_filters_and_downloads(browser, app_url, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.goto(app_url)
    assert len(drawn(page, 7, lanes=6)["ids"]) == 7
    assert page.get_by_role("heading", name=TITLE).is_visible()
    assert page.get_by_text("2 sources · 7 events · 2015 to Feb. 19, 2025").is_visible()
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "page-1280.png")

    point = page.evaluate_handle(FIRST_POINT).as_element()
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text("Selected event").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('event=e')", timeout=30_000)

    actors = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    actors.locator("input").click()
    actors.locator("input").fill("Russia")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert drawn(page, 2, lanes=2)["ids"] == ["e1", "e5"]
    page.wait_for_function("() => location.search.includes('actor=Russia')", timeout=30_000)

    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Events (CSV)").click()
    saved = tmp_path / "events.csv"
    info.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert [row["event_id"] for row in rows] == ["e5", "e1"]
    page.screenshot(path=ARTIFACTS / "page-filtered-1280.png")
    context.close()


def test_page_reads_at_phone_width(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(app_url + "?lanes=kind")
    assert len(drawn(page, 7, lanes=6)["ids"]) == 7
    assert page.get_by_role("heading", name=TITLE).is_visible()
    plot = page.evaluate(f"() => ({TIMELINE})()[0].getBoundingClientRect().toJSON()")
    assert 0 <= plot["left"] and plot["right"] <= 390  # the timeline fits the phone's width
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "page-phone.png")
    context.close()


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/lib/css/timeline.css"><script src="/lib/js/timeline.js"></script>
</head><body><div id="timeline" style="width:1200px;height:600px"></div><script>
fetch('/timeline.json').then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline('timeline', data, {hash_bookmark: false});
});
</script></body></html>"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        if path.startswith("/lib/"):
            return str(TIMELINEJS / path.removeprefix("/lib/").split("?")[0])
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def test_timelinejs_export_loads_in_timelinejs(browser, tmp_path):
    need(TIMELINEJS / "js" / "timeline.js", "TimelineJS from npm")
    events = sample_data.tables()["events"]
    (tmp_path / "timeline.json").write_text(export.timelinejs_json(events, "Story"))
    (tmp_path / "index.html").write_text(PAGE)
    handler = functools.partial(_Handler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{server.server_port}/index.html")
        page.wait_for_function("() => document.querySelectorAll('.tl-timemarker').length > 0",
                               timeout=60_000)
        markers = page.locator(".tl-timemarker").count()
        assert markers == len(json.loads((tmp_path / "timeline.json").read_text())["events"])
        assert markers == len(events) and errors == []
        assert page.locator(".tl-slide .tl-headline").first.inner_text() == "Story"
        assert page.locator(".tl-slide .tl-headline").first.is_visible()
        assert page.locator(".tl-timemarker .tl-headline").all_inner_texts() == [
            "Seoul accepts defectors", "Defence pact signed",
            "North Korea deploys troops to Russia", "Two North Korean soldiers captured",
            "Zelenskyy posts photo of soldier", "Lawmakers briefed",
            "Captured soldier gives interview",
        ]  # one mark per event, in date order
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "timelinejs.png")
        page.close()
    finally:
        server.shutdown()



def test_story_events_and_figure_history_render(browser, tmp_path):
    """The multi-source fixture story: story events with their sources, figure histories."""
    from dashboard.store import build

    data_dir = tmp_path / "data"
    build.build(STORY / "sources.csv", data_dir, cache=False)
    with serve(data_dir) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1300})
        page.goto(url)
        drawn(page, 11, lanes=len(charts.timeline(dataset.load(data_dir).events).data))
        page.get_by_text("Story events (9)").wait_for(timeout=30_000)
        page.get_by_text("Metro Ledger dates this 2025-01-11 (Jan. 11)").first.wait_for()
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length === 4",
                               timeout=30_000)
        page.wait_for_timeout(1000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "story-1280.png")
        page.get_by_text("Story events (9)").scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        page.screenshot(path=ARTIFACTS / "story-events-1280.png")
        page.close()


def test_built_data_renders_and_makes_the_readme_screenshot(browser):
    """The repository's own build, drawn in full; its picture is the README's screenshot.

    docs/screenshot.png is written when missing, or on purpose with UPDATE_SCREENSHOT=1, so
    ordinary test runs leave the committed picture alone.
    """
    data_dir = ROOT / "data"
    if not (data_dir / "events.csv").exists():
        pytest.skip("no build in data/ (make build)")
    fig = charts.timeline(dataset.load(data_dir).events)
    meta = fig.layout.meta
    with serve(data_dir) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1700})
        page.goto(url)
        drawn(page, meta["events"], lanes=len(fig.data))
        title = json.loads((data_dir / "story.json").read_text(encoding="utf-8"))["title"]
        assert page.get_by_role("heading", name=title).is_visible()
        page.get_by_text(f"{meta['events']} events").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "built-data-1280.png")
        page.close()
    readme_shot = ROOT / "docs" / "screenshot.png"
    if not readme_shot.exists() or os.environ.get("UPDATE_SCREENSHOT") == "1":
        readme_shot.parent.mkdir(exist_ok=True)
        shutil.copyfile(ARTIFACTS / "built-data-1280.png", readme_shot)
