"""`laporgen serve`: a local preview of one document folder, refreshed when a file changes.

`GET /` renders the document now (load → tree → HTML, as `laporgen build --format html`) and
adds a small script that polls `GET /__version`, a fingerprint of every watched file, and
reloads the page when it changes. Watched: the whole agency folder (the document folder, the
agency's `agency.yaml`, a shared Renstra plan or an earlier Renstra it names) and the repo's
`templates/`. A content error shows on the page in place of the document, one line per problem
exactly as the CLI prints them, and the page keeps polling, so fixing the file brings the
document back by itself. The last page is cached under its fingerprint: polls and reloads do not
render again until a file changes.

Standard library only (`http.server`); nothing is printed (the CLI prints the URL through
`ready`) and no clock is read: the fingerprint is built from the files' mtime_ns and size.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import json
import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from ..build import TEMPLATES, document_for
from .. import i18n
from ..errors import LaporgenError, Problem, display_path
from ..i18n import N_, _
from ..jenis import load_document
from ..render.html import render_html

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
POLL_MS = 700
"""How often the page asks `/__version` whether a watched file changed."""
RETRY_MS = 2000
"""How often it asks again while the server does not answer."""
VERSION_PATH = "/__version"
ERROR_BANNER = N_("laporgen: the content has errors")
INTERNAL_BANNER = N_("laporgen: internal error")
"""The error page's red banner (translated where shown)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One response to `GET /`: the HTML text, its status and the fingerprint it was made at."""

    status: HTTPStatus
    text: str
    version: str


class Preview:
    """The document folder's page, rendered on demand and cached by fingerprint. Thread-safe:
    one render at a time; concurrent requests for the same version wait for it."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.roots = watched_roots(self.folder)
        self._lock = threading.Lock()
        self._page: Page | None = None

    def version(self) -> str:
        """The fingerprint of the watched files now (hex)."""
        return fingerprint(self.roots)

    def page(self) -> Page:
        """The page for the files as they are now: the cached one when nothing changed."""
        with self._lock:
            version = self.version()
            if self._page is None or self._page.version != version:
                # Keyed by the fingerprint taken *before* rendering: a file saved during the
                # render changes the next poll's answer, so the browser reloads once more.
                self._page = render_page(self.folder, version)
            return self._page


def watched_roots(folder: Path) -> tuple[Path, ...]:
    """The folders whose files decide the page: the agency folder (the document folder's
    parent: `agency.yaml`, the document, a shared Renstra plan beside it) and `templates/`."""
    return (Path(folder).resolve().parent, TEMPLATES)


def fingerprint(roots: tuple[Path, ...]) -> str:
    """A hex digest of (path, mtime_ns, size) of every watched file, sorted: it changes when a
    file is saved, added, removed or renamed. A missing root counts as empty."""
    digest = hashlib.sha256()
    for entry in sorted(_stats(roots)):
        digest.update(json.dumps(entry).encode())
        digest.update(b"\n")
    return digest.hexdigest()[:20]


def _stats(roots: tuple[Path, ...]) -> Iterator[tuple[str, int, int]]:
    for root in roots:
        for parent, dirs, files in os.walk(root):
            # Editors' swap, lock and backup files (.x.swp, .~lock.x#, x~) are not content:
            # without this a running editor would reload the page every few seconds.
            dirs[:] = [d for d in dirs if not _ignored(d)]
            for name in files:
                if _ignored(name):
                    continue
                path = os.path.join(parent, name)
                try:
                    st = os.stat(path)
                except OSError:  # removed between listing and stat: the next poll sees it gone
                    continue
                yield path, st.st_mtime_ns, st.st_size


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.endswith("~") or name == "__pycache__"


def render_page(folder: Path, version: str) -> Page:
    """The document as HTML with the reload script, or an error page in its place: every
    problem of a `LaporgenError` as the CLI prints it, or one "internal error" line for any
    other exception (never a traceback). Error pages have status 500: the page is not the
    document, and a tool fetching `/` (curl -f, a link checker) must not take it for one; a
    browser shows the body whatever the status, and `/__version` answers 200 throughout."""
    try:
        text = render_html(document_for(load_document(folder)))
    except LaporgenError as exc:
        lines = [_("error: {problem}").format(problem=problem) for problem in exc.problems]
        return Page(
            HTTPStatus.INTERNAL_SERVER_ERROR, error_page(_(ERROR_BANNER), lines, version), version
        )
    except Exception as exc:  # noqa: BLE001 (a bug in laporgen: shown as the CLI shows it, never a traceback)
        line = _(
            "internal error: {error}; rerun `laporgen --debug build {folder} --format html` "
            "and report it"
        ).format(error=f"{type(exc).__name__}: {exc}", folder=display_path(folder))
        return Page(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            error_page(_(INTERNAL_BANNER), [line], version),
            version,
        )
    return Page(HTTPStatus.OK, with_reload_script(text, version), version)


def reload_script(version: str) -> str:
    """A `<script>` that polls `/__version` and reloads the page when it differs from
    `version`. While the server does not answer, a banner says the page may be out of date."""
    banner = json.dumps(_("laporgen serve is not answering: this page may be out of date."))
    return f"""<script id="laporgen-reload">
(function () {{
  var version = {json.dumps(version)}, stopped = null;
  function warn() {{
    if (stopped) return;
    stopped = document.createElement("div");
    stopped.id = "laporgen-stopped";
    stopped.setAttribute("role", "alert");
    stopped.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;padding:.5em 1em;"
      + "background:#fff3cd;color:#5c4400;border-bottom:2px solid #c99a00;font:14px/1.4 sans-serif";
    stopped.textContent = {banner};
    document.body.appendChild(stopped);
  }}
  function poll() {{
    fetch("{VERSION_PATH}", {{cache: "no-store"}})
      .then(function (r) {{ if (!r.ok) throw new Error(r.status); return r.text(); }})
      .then(function (v) {{
        if (v !== version || stopped) {{ location.reload(); }} else {{ setTimeout(poll, {POLL_MS}); }}
      }})
      .catch(function () {{ warn(); setTimeout(poll, {RETRY_MS}); }});
  }}
  setTimeout(poll, {POLL_MS});
}})();
</script>
"""


def with_reload_script(page: str, version: str) -> str:
    """`page` with the reload script just before its last `</body>` (appended if it has none)."""
    script = reload_script(version)
    at = page.rfind("</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def error_page(banner: str, lines: list[str], version: str) -> str:
    """A page with a red `banner` and each of `lines` escaped, one per line, plus the reload
    script so that it goes back to the document once the content is fixed. In the language of
    the messages (the document itself is Indonesian whatever it is)."""
    items = "\n".join(f"<li>{html.escape(line)}</li>" for line in lines)
    note = html.escape(_("The page reloads by itself when a file is saved."))
    return f"""<!DOCTYPE html>
<html lang="{i18n.current()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(banner)}</title>
<style>
body {{ margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }}
#laporgen-error {{ background: #b00020; color: #fff; padding: .75em 1.25em; font-weight: bold;
  font-size: 1.15em; }}
#laporgen-problems {{ margin: 1em 1.25em; padding: 0; list-style: none;
  font: 14px/1.5 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }}
#laporgen-problems li {{ padding: .35em .5em; border-left: 4px solid #b00020; margin-bottom: .4em;
  background: #fdecee; }}
p.laporgen-note {{ margin: 0 1.25em; color: #555; }}
</style>
</head>
<body>
<div id="laporgen-error" role="alert">{html.escape(banner)}</div>
<ul id="laporgen-problems">
{items}
</ul>
<p class="laporgen-note">{note}</p>
{reload_script(version)}</body>
</html>
"""


class PreviewHandler(BaseHTTPRequestHandler):
    """`GET /` → the page; `GET /__version` → the fingerprint as text; anything else 404."""

    server: PreviewServer
    server_version = "laporgen-serve"
    sys_version = ""

    def do_GET(self) -> None:
        if not self._host_allowed():
            self._send(
                HTTPStatus.FORBIDDEN, "text/plain", _("forbidden: unexpected Host header") + "\n"
            )
            return
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            page = self.server.preview.page()
            self._send(page.status, "text/html", page.text)
        elif path == VERSION_PATH:
            self._send(HTTPStatus.OK, "text/plain", self.server.preview.version())
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain", _("not found") + "\n")

    def _host_allowed(self) -> bool:
        """On a loopback address, only requests naming a loopback host: a web page elsewhere
        cannot read the draft through DNS rebinding. On another address (--host 0.0.0.0, to
        look from a phone), any Host header."""
        host = self.server.server_address[0]
        if not (isinstance(host, str) and _is_loopback(host)):
            return True
        try:
            host = urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
        except ValueError:  # a malformed Host header
            return False
        return _is_loopback(host)

    def _send(self, status: HTTPStatus, kind: str, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: library code prints nothing, and a request per 700 ms would flood the terminal."""


def _is_loopback(host: str) -> bool:
    """ "localhost", 127.0.0.0/8 or ::1; not a name like "127.evil.example"."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server of one `Preview`; request threads are daemons, so stopping never waits
    for a browser's open connection."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], preview: Preview):
        self.preview = preview
        super().__init__(address, PreviewHandler)

    @property
    def url(self) -> str:
        """ "http://127.0.0.1:8000/": the address the server listens on (the real port when 0
        was asked for)."""
        host, port = str(self.server_address[0]), self.server_address[1]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class _PreviewServer6(PreviewServer):
    address_family = socket.AF_INET6


def make_server(folder: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> PreviewServer:
    """A listening (not yet serving) preview server for the document `folder`; port 0 picks a
    free one (read it from `.url`). Raises `LaporgenError` when `folder` is not a folder or the
    address cannot be bound (port in use, no permission). Call `serve_forever()`, and from
    another thread `shutdown()`, then `server_close()`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _("not a folder"),
                    hint=_("give a document folder such as content/<agency>/lkjip-2024"),
                    code="input.file",
                )
            ]
        )
    cls = _PreviewServer6 if ":" in host else PreviewServer
    try:
        return cls((host, port), Preview(folder))
    except (OSError, OverflowError) as exc:  # OverflowError: a port outside 0-65535
        raise LaporgenError(
            [
                Problem(
                    _("command line"),
                    _("cannot listen on {address}: {error}").format(
                        address=f"{host}:{port}", error=getattr(exc, "strerror", None) or exc
                    ),
                    hint=_("pass another --port, or --port 0 for any free one"),
                    code="usage",
                )
            ]
        ) from exc


def serve(
    folder: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the preview of `folder` on `host:port` until interrupted (Ctrl-C returns
    normally). `ready(url)` is called once, when the server listens. Raises `LaporgenError`
    as `make_server` does."""
    server = make_server(folder, host, port)
    try:
        if ready is not None:
            ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
