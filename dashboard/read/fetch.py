"""Fetch a web page by its URL, with the limits a tool that users point at any address needs.

Only http and https; a time limit for the whole fetch; a size limit; HTML content types only;
redirects followed one by one (at most MAX_REDIRECTS, never in a loop, never to another scheme)
and every address checked: one that is private, loopback, link-local or reserved is refused
unless `allow_private` (a page on the user's own network; the tests serve pages on 127.0.0.1).
Every refusal is a one-line SourceError naming the URL and the problem.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from dashboard.read.manifest import SourceError

TIMEOUT = 20.0
"""Seconds for the whole fetch: connecting, redirects and reading the page."""
MAX_PAGE_BYTES = 10 * 2**20
"""The largest page fetched (10 MiB; a news page with its inline scripts is a few MB at most)."""
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "Mozilla/5.0 (compatible; fact-timeline-dashboard/0.1)"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the address asked for, the one it came from, its bytes and type."""

    url: str
    final_url: str
    content: bytes
    content_type: str


def fetch(url: str, allow_private: bool = False, timeout: float = TIMEOUT,
          max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """The page at `url` (http or https), or a SourceError saying in one line why not."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirect)
    seen: list[str] = []
    current = url.strip()
    while True:
        _check_address(current, url, allow_private, seen)
        seen.append(current)
        request = urllib.request.Request(current, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9"})
        try:
            response = opener.open(request, timeout=_left(deadline, url, timeout))
        except urllib.error.HTTPError as error:  # an error status, or a redirect held back
            response = error
        except TimeoutError:
            raise SourceError(f"{url}: no answer within {timeout:g} s (timed out)") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise SourceError(f"{url}: no answer within {timeout:g} s (timed out)") from None
            raise SourceError(f"{url}: cannot connect ({_reason(error.reason)})") from None
        except (OSError, ValueError, http_errors()) as error:
            raise SourceError(f"{url}: cannot fetch ({_reason(error)})") from None
        status = getattr(response, "code", None) or response.status
        if status in REDIRECTS:
            location = response.headers.get("Location", "")
            response.close()
            if not location:
                raise SourceError(f"{url}: redirect ({status}) without a Location")
            if len(seen) > MAX_REDIRECTS:
                raise SourceError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")
            current = urllib.parse.urljoin(current, location)
            if current in seen:
                raise SourceError(f"{url}: redirect loop (back to {current})")
            continue
        if status >= 400:
            response.close()
            raise SourceError(f"{url}: HTTP {status} {getattr(response, 'reason', '')}".rstrip())
        with response:
            content_type = response.headers.get_content_type()
            if content_type not in HTML_TYPES:
                raise SourceError(f"{url}: not an HTML page (content type {content_type})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise SourceError(f"{url}: page too large ({_size(int(length))}; the limit is "
                                  f"{_size(max_bytes)})")
            content = _read(response, url, deadline, timeout, max_bytes)
        if not content.strip():
            raise SourceError(f"{url}: empty page")
        return Fetched(url=url, final_url=current, content=content, content_type=content_type)


def is_web_address(text: str) -> bool:
    """Whether `text` is an http(s) URL (what `add` fetches instead of reading a file).

    >>> is_web_address("https://example.org/a"), is_web_address("seeds/a.html")
    (True, False)
    """
    return text.strip().lower().startswith(("http://", "https://"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as HTTPError, to be checked before they are followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102, PLR0913
        return None


def http_errors() -> type[Exception]:
    """http.client's protocol errors (a server that answers with garbage)."""
    import http.client

    return http.client.HTTPException


def _check_address(current: str, url: str, allow_private: bool, seen: list[str]) -> None:
    """Refuse a URL that is not http(s), has no host, or (unless allowed) names a private,
    loopback, link-local or reserved address."""
    parts = urllib.parse.urlsplit(current)
    scheme = parts.scheme.lower()
    via = f" (redirected to {current})" if seen else ""
    if scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https pages are fetched, not "
                          f"{scheme or 'a relative address'}{via}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise SourceError(f"{url}: not a valid address{via}") from None
    if not host:
        raise SourceError(f"{url}: no host name in the address{via}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or (443 if scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise SourceError(f"{url}: cannot find host {host} ({_reason(error)}){via}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise SourceError(f"{url}: {host} is a private address ({address}){via}; "
                              "refused unless private addresses are allowed (--allow-private)")


def _read(response, url: str, deadline: float, timeout: float, max_bytes: int) -> bytes:
    """The body, refused past `max_bytes` or the deadline (a server that trickles bytes)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        _left(deadline, url, timeout)
        try:
            chunk = response.read(CHUNK)
        except TimeoutError:
            raise SourceError(f"{url}: no answer within {timeout:g} s (timed out)") from None
        except (OSError, http_errors()) as error:
            raise SourceError(f"{url}: cannot fetch ({_reason(error)})") from None
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(f"{url}: page too large (over {_size(max_bytes)}; the limit is "
                              f"{_size(max_bytes)})")
        chunks.append(chunk)


def _left(deadline: float, url: str, timeout: float) -> float:
    """Seconds left before the deadline; a SourceError once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise SourceError(f"{url}: no answer within {timeout:g} s (timed out)")
    return left


def _reason(error: object) -> str:
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB".replace(".0 MiB", " MiB")
