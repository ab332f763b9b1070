"""Time the page's first visit in a real headless Chromium: request → the timeline drawn.

For each data folder, `streamlit run` serves the page (the project's own .streamlit/config.toml)
and a new browser context (no cache) opens it; the time runs from the request to the timeline
drawn: the plot whose points carry event ids has its marks in the page (SVG paths, or the WebGL
canvas when the events are drawn as monthly counts). Then a filter change (the "Include
approximate dates" switch) is timed to the timeline drawn again. Medians of RUNS visits, after
one visit that warms the server's caches; the server's cold first visit is printed too.

Data: the seed story (data/) and a 10,000-article synthetic build (benchmarks/corpus.py
`generate`, built with `python -m dashboard extract --jobs 2` into benchmarks/out/; reused when
present, a few minutes to make otherwise).

Environment: BENCH_RUNS (default 5), FIRST_VISIT_ROOT (another checkout whose page to serve
over the same data, e.g. the main branch, for figures before a change; its `dashboard` package
is imported through PYTHONPATH), BENCH_ARTICLES (default 10,000).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHROMIUM = "/usr/bin/chromium"
DRAWN = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullData
    && p._fullData.some(t => (t.customdata || []).some(Boolean)
                          || (t.type === 'scattergl' && (t.x || []).length)));
  const plot = plots[0];
  if (!plot) return null;
  const svg = [...plot.querySelectorAll('.scatterlayer .trace path')]
    .filter(p => !p.closest('.rangeslider-container')).length;
  const gl = plot.querySelector('canvas.gl-canvas-context') ? 1 : 0;
  const events = plot.layout && plot.layout.meta ? plot.layout.meta.events : null;
  return (svg || gl) ? {svg, gl, events} : null;
}"""


def synthetic_build() -> Path:
    """benchmarks/out/data: ARTICLES synthetic articles built with two jobs (kept)."""
    data = OUT / "data"
    if (data / "events.csv").exists():
        return data
    from benchmarks.corpus import generate

    manifest = generate(OUT / "corpus", ARTICLES)
    print(f"building {ARTICLES:,} articles into {data} (a few minutes)…", flush=True)
    subprocess.run([sys.executable, "-m", "dashboard", "extract", "--sources", str(manifest),
                    "--out", str(data), "--jobs", "2"], check=True, cwd=ROOT)
    return data


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(data: Path, app_root: Path) -> tuple[subprocess.Popen, str]:
    """The page of `app_root` over `data` on a free port; (process, URL) once it answers."""
    port = free_port()
    env = {**os.environ, "DASHBOARD_DATA": str(data), "PYTHONPATH": str(app_root),
           "DASHBOARD_SOURCES": str(OUT / "none" / "sources.csv")}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app_root / "dashboard/page/app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--server.fileWatcherType", "none"],
        env=env, cwd=app_root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(400):
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.25)
    process.terminate()
    raise RuntimeError(f"{url} did not answer")


def visit(browser, url: str) -> tuple[float, float, dict]:
    """One first visit in a new context: seconds to the timeline drawn, then seconds from a
    filter change to the timeline drawn again; and what was drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    handle = page.wait_for_function(DRAWN, timeout=300_000, polling=50)
    drawn = time.perf_counter() - start
    before = handle.json_value()
    switch = page.get_by_text("Include approximate dates")
    start = time.perf_counter()
    switch.click()
    page.wait_for_function(f"() => {{ const d = ({DRAWN})(); return d && d.events !== "
                           f"{before['events']}; }}", timeout=300_000, polling=50)
    changed = time.perf_counter() - start
    context.close()
    return drawn, changed, before


def measure(name: str, data: Path, app_root: Path, browser) -> None:
    process, url = serve(data, app_root)
    try:
        cold, _, drawn = visit(browser, url)
        runs = [visit(browser, url) for _ in range(RUNS)]
    finally:
        process.terminate()
        process.wait(timeout=30)
    first = statistics.median(r[0] for r in runs)
    change = statistics.median(r[1] for r in runs)
    how = "WebGL monthly counts" if drawn["gl"] else f"{drawn['svg']:,} SVG marks"
    print(f"{name}: first visit {first:.2f} s (median of {RUNS}; server cold {cold:.2f} s), "
          f"filter change {change:.2f} s; timeline of {drawn['events']:,} events as {how}",
          flush=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    app_root = Path(os.environ.get("FIRST_VISIT_ROOT") or ROOT).resolve()
    print(f"page of {app_root}", flush=True)
    folders = [("seed story (data/)", ROOT / "data"),
               (f"{ARTICLES:,} synthetic articles", synthetic_build())]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            for name, data in folders:
                measure(name, data, app_root, browser)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
