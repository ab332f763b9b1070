"""`python -m dashboard add URL`: fetch a page, store it beside the manifest, rebuild; and every
refusal of the fetch, each a one-line error with exit code 2 and nothing written.

Pages are served by a local `http.server` on 127.0.0.1 (a loopback address, so the tests pass
`--allow-private`; its refusal without it is tested too). Nothing reaches beyond this machine.
"""

from __future__ import annotations

import gzip
import http.server
import re
import threading
import time
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.read.fetch import fetch, is_web_address
from dashboard.read.sources import SourceError
from dashboard.store import table, uploads

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
HARBOUR = (PAGES / "harbour.html").read_bytes()
ARTICLE = "The council said on Monday that the old bridge would reopen in May, officials said.\n"
BIG = 50 * 2**20


class Pages(http.server.BaseHTTPRequestHandler):
    """The test site: each path one kind of page or failure."""

    def log_message(self, *args) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8",
             headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?", 1)[0]
        port = self.server.server_address[1]
        if path == "/news/harbour":
            self.send(200, HARBOUR)
        elif path == "/xhtml":
            self.send(200, HARBOUR, "application/xhtml+xml")
        elif path == "/moved":
            self.send(301, headers={"Location": "/news/harbour"})
        elif path == "/loop-a":
            self.send(302, headers={"Location": "/loop-b"})
        elif path == "/loop-b":
            self.send(302, headers={"Location": f"http://127.0.0.1:{port}/loop-a"})
        elif path.startswith("/chain"):
            step = int(path.removeprefix("/chain") or 0)
            self.send(302, headers={"Location": f"/chain{step + 1}"})
        elif path == "/to-ftp":
            self.send(302, headers={"Location": "ftp://127.0.0.1/page.html"})
        elif path == "/to-file":
            self.send(302, headers={"Location": "file:///etc/passwd"})
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        elif path == "/empty":
            self.send(200, b"")
        elif path == "/binary":
            self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
        elif path == "/mojibake":
            text = "<p>Ã©tÃ© Ã  la cafÃ© prÃ¨s de la gare, a dit le maire hier.</p>"
            self.send(200, f"<html><body>{text}</body></html>".encode())
        elif path == "/menus":
            self.send(200, (PAGES / "menus.html").read_bytes())
        elif path == "/nothing":
            self.send(200, b"<html><head><title>x</title></head><body><div></div></body></html>")
        elif path == "/big":  # says 50 MB and sends it (a client that reads it all would wait)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            try:
                for _ in range(BIG // 2**16):
                    self.wfile.write(b"<p>filler</p>" * 5000)
            except OSError:
                pass
        elif path == "/big-unsized":  # no Content-Length: the limit stops the reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(BIG // 65000):
                    self.wfile.write(b"<p>filler</p>" * 5000)
            except OSError:
                pass
        elif path == "/slow":
            time.sleep(3)
            self.send(200, HARBOUR)
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"<p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        elif path == "/gone":
            self.send(404, b"<html><body>Not here</body></html>")
        elif path == "/broken":
            self.send(500, b"oops", "text/plain")
        else:
            self.send(404, b"")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client that hung up: quiet
        pass


@pytest.fixture(scope="module")
def site():
    server = Server(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sources.csv").write_text(
        "path,url,title,outlet,author,published\n"
        "a.txt,https://example.org/a,A,Example,,2025-02-19\n", encoding="utf-8")
    data = tmp_path / "data"
    assert main(["build", "--sources", str(folder / "sources.csv"), "--data", str(data)]) == 0
    return folder, data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and "cache" not in p.parts}


def add(story, url: str, *options: str) -> int:
    folder, data = story
    return main(["add", url, "--sources", str(folder / "sources.csv"), "--data", str(data),
                 *options])


def test_add_by_url_stores_the_page_and_builds_it(site, story, capsys):
    folder, data = story
    assert add(story, f"{site}/news/harbour", "--allow-private") == 0
    assert "added" in capsys.readouterr().out
    stored = sorted(folder.glob("*.html"))
    assert len(stored) == 1 and stored[0].read_bytes() == HARBOUR  # the raw page, as served
    sources = table.read(data, "sources").set_index("url")
    row = sources.loc[f"{site}/news/harbour"]
    assert (row.title, row.outlet, row.author) == (
        "Harbour bridge reopens after repairs", "The Coastal Ledger", "Mara Quill")
    assert (row.published, row.published_source) == ("2025-03-12", "page")
    text = (data / row.text_path).read_text(encoding="utf-8")
    events = table.read(data, "events")
    mine = events[events.source_url == f"{site}/news/harbour"]
    assert len(mine) >= 4
    for event in mine.itertuples():
        assert text[event.char_start : event.char_end] == event.date_text


def test_a_rebuild_never_needs_the_network(site, story):
    folder, data = story
    assert add(story, f"{site}/moved", "--allow-private", "--published", "2025-03-14") == 0
    first = table.read(data, "events")
    again = folder.parent / "again"
    assert main(["build", "--sources", str(folder / "sources.csv"), "--data", str(again)]) == 0
    assert table.read(again, "events").equals(first)
    row = table.read(data, "sources").set_index("url").loc[f"{site}/moved"]
    assert (row.published, row.published_source) == ("2025-03-14", "manifest")


def test_an_xhtml_page_is_fetched(site):
    assert fetch(f"{site}/xhtml", allow_private=True).content == HARBOUR


@pytest.mark.parametrize(
    ("path", "options", "problem"),
    [
        ("/news/harbour", [], r"127\.0\.0\.1 is a private address \(127\.0\.0\.1\); refused "
                              r"unless private addresses are allowed \(--allow-private\)"),
        ("/gone", ["--allow-private"], r"HTTP 404 Not Found"),
        ("/broken", ["--allow-private"], r"HTTP 500"),
        ("/image", ["--allow-private"], r"not an HTML page \(content type image/png\)"),
        ("/empty", ["--allow-private"], r"empty page"),
        ("/binary", ["--allow-private"], r"binary file"),
        ("/mojibake", ["--allow-private"], r"mojibake"),
        ("/menus", ["--allow-private"], r"no article text \(no readable sentence"),
        ("/big", ["--allow-private"], r"page too large \(50 MiB; the limit is 10 MiB\)"),
        ("/big-unsized", ["--allow-private"], r"page too large \(over 10 MiB"),
        ("/loop-a", ["--allow-private"], r"redirect loop \(back to http://127\.0\.0\.1:\d+/loop-a"),
        ("/chain0", ["--allow-private"], r"too many redirects \(more than 5\)"),
        ("/to-ftp", ["--allow-private"], r"only http and https pages are fetched, not ftp "
                                         r"\(redirected to ftp://"),
        ("/to-file", ["--allow-private"], r"only http and https pages are fetched, not file"),
        ("/slow", ["--allow-private", "--timeout", "1"], r"no answer within 1 s \(timed out\)"),
        ("/trickle", ["--allow-private", "--timeout", "1.5"],
         r"no answer within 1\.5 s \(timed out\)"),
    ],
)
def test_refusals_are_one_line_exit_2_and_write_nothing(site, story, capsys, path, options,
                                                        problem):
    folder, data = story
    before = snapshot(folder.parent)
    assert add(story, f"{site}{path}", *options) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("error: ")
    assert f"{site}{path}: " in err  # the page is named
    assert re.search(problem, err), err
    assert snapshot(folder.parent) == before


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://example.org/a.html", "only http and https pages are fetched, not ftp"),
        ("http://localhost:9/a", "localhost is a private address"),
        ("http://[::1]:9/a", "::1 is a private address"),
        ("http://10.0.0.1/a", "10.0.0.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a private address"),
        ("http:///nohost", "no host name in the address"),
    ],
)
def test_addresses_refused_before_any_connection(url, problem):
    with pytest.raises(SourceError, match=problem) as caught:
        fetch(url)
    assert "\n" not in str(caught.value)


def test_nothing_listens_is_one_line(story, capsys):
    import socket

    with socket.socket() as probe:  # a free port on this machine, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert add(story, f"http://127.0.0.1:{port}/a", "--allow-private") == 2
    err = capsys.readouterr().err
    assert "cannot connect" in err and err.count("\n") == 1


def test_a_file_still_needs_its_url_and_date(story, capsys, tmp_path):
    article = tmp_path / "b.txt"
    article.write_text(ARTICLE.replace("May", "June"), encoding="utf-8")
    assert add(story, str(article)) == 2
    assert "--url is required for a file" in capsys.readouterr().err


def test_is_web_address():
    assert is_web_address("HTTPS://example.org") and not is_web_address("page.html")


def test_the_page_form_adds_by_url(site, story, monkeypatch):
    folder, data = story
    stored = uploads.add_url(folder / "sources.csv", data, f"{site}/news/harbour",
                             allow_private=True)
    assert stored.read_bytes() == HARBOUR
    with pytest.raises(SourceError, match="is a private address"):
        uploads.add_url(folder / "sources.csv", data, f"{site}/xhtml")


def test_the_stored_page_is_what_came_over_the_wire(site):
    page = fetch(f"{site}/moved", allow_private=True)
    assert page.content == HARBOUR and not page.content.startswith(gzip.compress(b"")[:2])
    assert (page.url, page.final_url) == (f"{site}/moved", f"{site}/news/harbour")


APP = Path(__file__).resolve().parents[2] / "dashboard" / "page" / "app.py"


def page_add_by_url(story, monkeypatch, url):
    """Submit the page's "Add a source" form with only its "add by URL" field filled."""
    from streamlit.testing.v1 import AppTest

    folder, data = story
    monkeypatch.setenv("DASHBOARD_SOURCES", str(folder / "sources.csv"))
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.text_input(key="add_by_url").set_value(url)
    next(b for b in at.button if b.label == "Add and rebuild").click().run()
    assert not at.exception
    return at


def test_the_page_refuses_a_private_address(site, story, monkeypatch):
    folder, _ = story
    before = snapshot(folder)
    at = page_add_by_url(story, monkeypatch, f"{site}/news/harbour")
    assert at.error and "is a private address" in at.error[0].value
    assert snapshot(folder) == before


def test_the_page_adds_by_url(site, story, monkeypatch):
    from dashboard.read import fetch as fetching

    real = fetching.fetch
    monkeypatch.setattr(fetching, "fetch", lambda url, allow_private=False: real(url, True))
    folder, data = story
    at = page_add_by_url(story, monkeypatch, f"{site}/news/harbour")
    assert not at.error, at.error[0].value
    assert [p.read_bytes() for p in folder.glob("*.html")] == [HARBOUR]
    assert f"{site}/news/harbour" in set(table.read(data, "sources").url)


def test_every_redirect_is_checked_like_the_first_address():
    """A public page that redirects to a private address is refused at that hop (each hop goes
    through the same check; a public server to redirect from is not reached in tests)."""
    from dashboard.read import fetch as fetching

    with pytest.raises(SourceError, match=r"^https://news\.example\.org/a: 127\.0\.0\.1 is a "
                       r"private address \(127\.0\.0\.1\) \(redirected to http://127\.0\.0\.1/"
                       r"admin\); refused unless"):
        fetching._check_address("http://127.0.0.1/admin", "https://news.example.org/a", False,
                                ["https://news.example.org/a"])
    fetching._check_address("http://127.0.0.1/admin", "https://news.example.org/a", True,
                            ["https://news.example.org/a"])
