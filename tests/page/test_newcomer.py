"""Issue 19: the page as a newcomer meets it on a story of their own, in a real Chromium.

The story is tests/fixtures/bridge (ten local-news articles about a bridge collapse, written
for these tests): most of its events fall in one month, a few are decades away, most name no
actor, some sentences hold two dates and some events are at a clock time. Each test asserts what
a person sees, at 1280×800 and at 390×844 where the width matters. Under CI=true they must run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import sample_data
from extracted import FIXTURES, ROOT
from test_browser import ARTIFACTS, TIMELINE, serve, server_log

from dashboard.page import charts
from dashboard.store import build, dataset, uploads

pytestmark = pytest.mark.browser
BRIDGE = FIXTURES / "bridge"
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
HELD_BACK = "10_rebuild.txt"
"""The article the add-a-source test adds to the nine others (its dates widen the story's)."""


def bridge_story(folder: Path, held_back: str = "") -> tuple[Path, Path]:
    """A copy of the bridge story in `folder` (without `held_back`), built; (story, data)."""
    story = folder / "bridge-collapse"
    shutil.copytree(BRIDGE, story, ignore=shutil.ignore_patterns(held_back or "-"))
    if held_back:
        lines = (story / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        (story / "sources.csv").write_text("".join(x for x in lines if held_back not in x),
                                           encoding="utf-8")
    data = story / "data"
    build.build(story / "sources.csv", data, cache=False)
    return story, data


@pytest.fixture(scope="module")
def bridge_served(tmp_path_factory):
    """The bridge story served read-only: (URL, data folder); tests that write get their own."""
    _, data = bridge_story(tmp_path_factory.mktemp("bridge"))
    with serve(data) as url:
        yield url, data


@pytest.fixture(scope="module")
def bridge_url(bridge_served):
    return bridge_served[0]


@pytest.fixture(scope="module")
def bridge_events(bridge_served):
    """The bridge story's events, as built."""
    return dataset.load(bridge_served[1]).events


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory):
    with serve(sample_data.write(tmp_path_factory.mktemp("sample") / "data")) as url:
        yield url


PLOT = f"() => ({TIMELINE})()[0]"
DRAWN = """() => {
  const plot = (""" + TIMELINE + """)()[0];
  if (!plot || !plot._fullLayout) return null;
  const ids = new Set();
  for (const trace of plot._fullData) for (const id of trace.customdata || []) if (id) ids.add(id);
  return [...ids].sort();
}"""
MARKS = """() => {
  const plot = (""" + TIMELINE + """)()[0];
  const boxes = [];
  for (const el of plot.querySelectorAll('.scatterlayer .points path')) {
    if (el.closest('.rangeslider-container')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 4) boxes.push({x: box.x + box.width / 2, y: box.y + box.height / 2,
                                   w: box.width, fill: getComputedStyle(el).fill});
  }
  const area = plot.querySelector('.nsewdrag').getBoundingClientRect();
  return {boxes, area: area.toJSON()};
}"""


def open_page(browser, url: str, viewport: dict, events: int | None = None):
    """A new page at `url`, once its timeline has drawn (`events` of them, when given)."""
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    wanted = f"d && d.length === {events}" if events is not None else "d && d.length > 0"
    page.wait_for_function(f"() => {{ const d = ({DRAWN})(); return {wanted}; }}",
                           timeout=60_000)
    idle(page)
    return page


def idle(page) -> None:
    """Wait until the page's script has finished its run (Streamlit's "Stop" status gone), so
    that what the test does next starts a run of its own rather than interrupting one."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(300)


def alerts(page) -> list[str]:
    """The texts of the page's messages and errors (what to show when an expected one is not
    there)."""
    return [" ".join(text.split()) for text in page.locator(
        '[data-testid="stAlert"], [data-testid="stException"]').all_inner_texts()]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png")


# 1 ---------------------------------------------------------------------------------------


def test_the_title_is_the_story_s_own_and_set_on_the_page(browser, tmp_path):
    story, data = bridge_story(tmp_path)
    with serve(data, story) as url:
        page = open_page(browser, url, WIDTHS["desktop"])
        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text() == "Orchard Street bridge"  # the titles' shared subject
        assert page.title() == "Orchard Street bridge"
        page.get_by_text("Story settings").click()
        field = page.get_by_role("textbox", name="Story title")
        field.fill("Bridge collapse in Millbrook")
        page.get_by_role("button", name="Save settings").click()
        page.get_by_role("heading", name="Bridge collapse in Millbrook").wait_for(timeout=30_000)
        page.wait_for_function("() => document.title === 'Bridge collapse in Millbrook'",
                               timeout=30_000)
        shot(page, "newcomer-title-1280")
        page.close()
    for folder in (story, data):  # the data folder shows it, the story folder keeps it
        saved = json.loads((folder / "story.json").read_text(encoding="utf-8"))
        assert saved["title"] == "Bridge collapse in Millbrook"
    build.build(story / "sources.csv", data, cache=False)
    assert dataset.load(data).title == "Bridge collapse in Millbrook"  # a rebuild keeps it


# 2 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_the_timeline_opens_on_the_busy_month_and_marks_do_not_hide(browser, bridge_url,
                                                                    bridge_events, width):
    page = open_page(browser, bridge_url, WIDTHS[width], events=len(bridge_events))
    low, high = page.evaluate(f"() => ({PLOT})()._fullLayout.xaxis.range")
    assert "2025-02-20" <= low[:10] <= "2025-03-03" and "2025-03-28" <= high[:10] <= "2025-04-08"
    assert page.get_by_text("◀ 6 earlier").is_visible()  # 1962, 1988, 2015, 2019, 2023, 2024
    assert page.get_by_text("4 later ▶").is_visible()  # April 14, summer, autumn, 2027
    assert page.evaluate(f"() => ({PLOT})()._fullLayout.xaxis.rangeslider.visible")
    marks = page.evaluate(MARKS)
    boxes, area = marks["boxes"], marks["area"]
    assert len(boxes) >= 20
    for i, one in enumerate(boxes):  # no mark covers another
        for other in boxes[i + 1:]:
            assert abs(one["x"] - other["x"]) > 3 or abs(one["y"] - other["y"]) > 3
    xs = [box["x"] for box in boxes]
    assert max(xs) - min(xs) > 0.8 * area["width"]  # the month fills the chart
    shot(page, f"newcomer-timeline-{width}")
    page.close()


# 3 ---------------------------------------------------------------------------------------


def test_an_added_source_shows_its_events(browser, tmp_path):
    story, data = bridge_story(tmp_path, held_back=HELD_BACK)
    before = len(dataset.load(data).events)
    with serve(data, story) as url:
        page = open_page(browser, url, WIDTHS["desktop"], events=before)
        page.get_by_text(f"Events ({before})", exact=True).wait_for()
        row = next(line for line in (BRIDGE / "sources.csv").read_text().splitlines()
                   if line.startswith(HELD_BACK)).split(",")
        uploads.add(story / "sources.csv", data, (BRIDGE / HELD_BACK).read_bytes(), HELD_BACK,
                    url=row[1], title=row[2], outlet=row[3], published=row[5])
        after = len(dataset.load(data).events)
        assert after > before
        page.get_by_text("One lane per kind").click()  # the page's next run sees the new data
        page.get_by_text(f"Events ({after})", exact=True).wait_for(timeout=30_000)
        assert page.get_by_text("the filters hide").count() == 0
        assert "until" not in page.url and "since" not in page.url
        drawn = page.evaluate(DRAWN)  # the new article's events, its far date (2027) too
        assert drawn == sorted(dataset.load(data).events["event_id"])
        page.close()


def test_the_page_says_what_the_filters_hide_and_shows_all_in_one_click(browser, bridge_url,
                                                                        bridge_events):
    total = len(bridge_events)
    page = open_page(browser, bridge_url + "?until=2025-03-05", WIDTHS["phone"])
    note = page.get_by_text(re.compile(r"Showing \d+ of \d+ events: the filters hide \d+\."))
    note.wait_for()
    shown, everything, hidden = map(int, re.findall(r"\d+", note.inner_text()))
    assert everything == total and shown + hidden == total and hidden > 0
    shot(page, "newcomer-hidden-phone")
    page.get_by_role("button", name="Show all events").click()
    page.wait_for_function(f"() => {{ const d = ({DRAWN})(); return d && d.length === {total}; }}",
                           timeout=30_000)
    assert page.get_by_text("the filters hide").count() == 0 and "until" not in page.url
    page.close()


# 4 and 12 ----------------------------------------------------------------------------------


def test_clock_time_events_stay_without_approximate_dates(browser, bridge_url, bridge_events):
    exact = bridge_events
    clock = exact[exact["precision"].isin(["hour", "minute"])]
    kept = exact[exact["precision"].isin(["day", "hour", "minute"])]
    assert len(clock) >= 3
    page = open_page(browser, bridge_url + "?exact=1", WIDTHS["desktop"], events=len(kept))
    assert set(clock["event_id"]) <= set(page.evaluate(DRAWN))
    assert page.get_by_text(f"Events ({len(kept)})", exact=True).is_visible()
    page.get_by_text("at 4:45 p.m. on Monday").first.wait_for()
    page.close()


def test_no_deploy_button_and_nothing_leaves_the_machine(browser, bridge_url):
    page = browser.new_page(viewport=WIDTHS["desktop"])
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto(bridge_url)
    page.wait_for_function(f"() => {{ const d = ({DRAWN})(); return d && d.length > 0; }}",
                           timeout=60_000)
    page.wait_for_timeout(1500)
    assert page.get_by_role("button", name="Deploy").count() == 0
    assert page.get_by_text("Deploy", exact=True).count() == 0
    assert set(hosts) == {bridge_url.split("/")[2]}  # no usage statistics sent anywhere
    page.close()


# 6 ---------------------------------------------------------------------------------------


def test_figure_cards_follow_the_filters(browser):
    if not (ROOT / "data" / "figures.csv").exists():
        pytest.skip("no build in data/ (make build)")
    with serve(ROOT / "data") as url:
        page = open_page(browser, url, WIDTHS["desktop"])
        assert page.get_by_role("heading", name="Key figures").is_visible()
        page.get_by_text("11,000", exact=True).wait_for()
        page.close()
        page = open_page(browser, url + "?actor=Ri&since=2015-01-01&until=2015-12-31",
                         WIDTHS["desktop"], events=1)
        assert page.get_by_role("heading", name="Key figures").count() == 0
        assert page.get_by_text("11,000", exact=True).count() == 0
        page.close()
        page = open_page(browser, url + "?actor=National+Intelligence+Service",
                         WIDTHS["desktop"])
        page.get_by_text("11,000", exact=True).wait_for()  # its own claims still show
        page.close()


# 7 and 8 -----------------------------------------------------------------------------------


def test_two_dates_of_one_sentence_say_which_is_which(browser, bridge_url):
    page = open_page(browser, bridge_url + "?q=fallen+span", WIDTHS["desktop"], events=2)
    for summary in ("Investigators arrived in Millbrook on March 5",
                    "Collected pieces of the fallen span on March 8"):  # an event card each
        page.locator("div", has_text=re.compile(f"^{summary}$")).first.wait_for()
    page.close()
    page = open_page(browser, bridge_url + "?q=replacement+bridge", WIDTHS["phone"], events=2)
    for summary in ("A replacement bridge could open in 2027",
                    "The Tansy County Roads Department said on Thursday"):
        page.locator("div", has_text=re.compile(f"^{summary}$")).first.wait_for()
    page.close()


def test_dates_are_written_as_people_write_them(browser, bridge_url, sample_url):
    page = open_page(browser, bridge_url + "?q=crews", WIDTHS["desktop"])
    page.get_by_text(re.compile(r"^Early on March 4, 2025 ·")).first.wait_for()
    page.get_by_text(re.compile(r"^Week of March 17, 2025 ·")).first.wait_for()
    body = page.inner_text("body")
    assert not re.search(r"Early \w+ \d+, \d{4}|Week \d+, \d{4}", body)
    page.close()
    page = open_page(browser, sample_url, WIDTHS["phone"])
    page.get_by_text("Week of Feb. 10, 2025", exact=False).first.wait_for()
    assert page.get_by_text(re.compile(r"Week \d+, \d{4}")).count() == 0
    page.close()


# 10 --------------------------------------------------------------------------------------

TRACES = f"""() => Object.fromEntries(({PLOT})()._fullData.map(t => [t.name, t.marker.color]))"""


def test_the_chart_has_a_legend_fixed_colours_hover_labels_and_short_labels(browser,
                                                                           sample_url):
    page = open_page(browser, sample_url, WIDTHS["desktop"], events=7)
    legend = page.evaluate(f"() => ({PLOT})().querySelector('.legend').textContent")
    assert legend.startswith("Kind of event")
    for kind in ("Capture", "Deployment", "Statement", "Photo", "Briefing", "Interview"):
        assert kind in legend
    by_actor = page.evaluate(TRACES)
    assert by_actor["Capture"] == charts.kind_colour("capture")
    labels = page.evaluate("""() => [...document.querySelectorAll(
        '.js-plotly-plot .scatterlayer .textpoint')].map(t => t.textContent)""")
    assert "Two North Korean soldiers…" in labels
    point = page.evaluate_handle(f"""() => [...({PLOT})().querySelectorAll(
        '.scatterlayer .points path')].find(p => !p.closest('.rangeslider-container')
        && p.getBoundingClientRect().width > 4)""").as_element()
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = page.locator(".hoverlayer .hovertext").last
    hover.wait_for(timeout=10_000)
    words = hover.evaluate("node => node.textContent")
    assert re.search(r"\d{4}", words) and "According to" in words  # date, who says so
    assert re.search(r"The Korea Times|Yonhap", words)  # and the source
    shot(page, "newcomer-legend-1280")
    page.get_by_text("One lane per kind").click()
    page.wait_for_function(f"() => ({PLOT})()._fullLayout.yaxis.ticktext.includes('Capture')",
                           timeout=30_000)
    assert page.evaluate(TRACES) == by_actor  # the same colour per kind in every view
    page.close()
    page = open_page(browser, sample_url, WIDTHS["phone"], events=7)
    hidden = """() => [...document.querySelectorAll(
        '.js-plotly-plot .scatterlayer .textpoint')].every(t => getComputedStyle(t).display
        === 'none')"""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the chart may still be laid out again
        page.wait_for_function(hidden, timeout=15_000)
    assert page.evaluate(hidden)  # no labels running into each other on a phone
    page.close()


# 11 --------------------------------------------------------------------------------------


def test_the_events_table_scrolls_sideways_on_a_phone_summary_first(browser, bridge_url):
    page = open_page(browser, bridge_url, WIDTHS["phone"])
    expander = page.get_by_text(re.compile(r"^Table of the \d+ filtered events$"))
    expander.scroll_into_view_if_needed()
    expander.click()
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=30_000)
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    headers = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stDataFrame"] [role="columnheader"]')].map(h => h.textContent.trim())""")
    assert headers[0] == "Summary"
    scroller = page.evaluate("""() => { const s = document.querySelector(
        '[data-testid="stDataFrame"] .dvn-scroller'); return {scroll: s.scrollWidth,
        client: s.clientWidth}; }""")
    assert scroller["scroll"] > scroller["client"] + 200  # it scrolls sideways...
    box = grid.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # ...inside the screen
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    shot(page, "newcomer-table-phone")
    page.close()


UNDATED = ("Dock workers walked off the job at the container terminal on Tuesday, the union "
           "said. Talks with the port authority resumed on Thursday, a spokesman said.\n")
"""An article that writes no full date: its publication date must come from somewhere else."""


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_a_blank_publication_date_in_the_add_form_is_not_refused(browser, tmp_path, width):
    story, data = bridge_story(tmp_path)
    before = len(dataset.load(data).events)
    with serve(data, story) as url:
        page = open_page(browser, url, WIDTHS[width], events=before)
        if width == "phone":
            page.get_by_test_id("stExpandSidebarButton").click()
        page.get_by_text("Add a source", exact=True).click()
        page.get_by_label("…or paste the article's text").fill(UNDATED)
        page.get_by_label("URL (http or https)").fill("https://port.example.org/strike")
        page.get_by_label("Title", exact=True).fill("Dock workers walk off")
        page.get_by_role("button", name="Add and rebuild").click()
        flash = page.get_by_text(re.compile(r"No publication date was given or found"))
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            flash.wait_for(timeout=90_000)
        except PlaywrightTimeout:
            shot(page, f"newcomer-undated-{width}-failed")
            added = "strike" in (story / "sources.csv").read_text()
            pytest.fail(f"no message of the added article (in the manifest: {added}); the page "
                        f"says: {alerts(page)}; the server printed:\n{server_log(url)}")
        assert "the day it was added" in flash.inner_text()
        assert page.get_by_text("no publication date given").count() == 0
        if width == "phone":  # the sidebar covers the page on a phone: close it to read on
            page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
            page.wait_for_timeout(500)
        flash.scroll_into_view_if_needed()
        assert flash.is_visible()
        box = flash.bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= WIDTHS[width]["width"] + 1
        shot(page, f"newcomer-undated-{width}")
        page.close()
    rows = dataset.load(data).sources
    added = rows[rows.url == "https://port.example.org/strike"]
    assert list(added.published) == [dt.date.today().isoformat()]
    assert len(dataset.load(data).events) > before
