"""`laporgen serve`: the preview page over plain HTTP, then in a real headless Chromium that
must pick up an edit of the content, show a content error in place of the document and recover.

The server runs in a thread of the test on a free loopback port; every test edits a copy of the
example (`example_copy`), never `content/`. The browser test needs Debian's `chromium` and
`chromium-driver` and the `selenium` package: it fails without them, unless
LAPORGEN_SKIP_BROWSER=1 (then it is skipped, saying why). No network: Selenium Manager is kept
offline (SE_OFFLINE, an explicit driver path) and Chromium's background networking is off.
"""

from __future__ import annotations

import contextlib
import html
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from laporgen.commands import serve as serve_module
from laporgen.build import document_for
from laporgen.errors import LaporgenError, display_path
from laporgen.jenis import load_document
from laporgen.render.html import render_html
from laporgen.commands.serve import ERROR_BANNER, PreviewServer, make_server, reload_script, serve

INDIKATOR_IS2_1 = "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial"
"""IS2.1's row in Tabel 3.2: target 0,28, realisasi 0,259, capaian 92,50."""
REALISASI_IS2_1 = "nilai: 0.259"


@contextlib.contextmanager
def running(folder: Path) -> Iterator[PreviewServer]:
    """The preview of `folder` served from a thread on a free loopback port."""
    server = make_server(folder, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """(status, headers, text) of a GET, error statuses included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- plain HTTP ---------------------------------------------------------------------------


def test_page_is_the_rendered_document_plus_the_reload_script(example_copy):
    with running(example_copy) as server:
        status, headers, page = fetch(server.url)
        _, _, version = fetch(server.url + "__version")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    assert page.count('<script id="laporgen-reload">') == 1
    assert page.replace(reload_script(version), "") == render_html(
        document_for(load_document(example_copy))
    )


def test_version_changes_when_a_watched_file_is_saved(example_copy):
    agency = example_copy.parent
    with running(example_copy) as server:
        first = fetch(server.url + "__version")[2]
        assert fetch(server.url + "__version")[2] == first
        (example_copy / ".kinerja.yaml.swp").write_text("editor state")  # not content: ignored
        assert fetch(server.url + "__version")[2] == first
        edit(example_copy / "kinerja.yaml", REALISASI_IS2_1, "nilai: 0.28")
        second = fetch(server.url + "__version")[2]
        edit(agency / "agency.yaml", "Magetan", "Magetan ")  # the agency's file, one level up
        third = fetch(server.url + "__version")[2]
        (agency / "renstra-2024-2026" / "rencana.yaml").unlink()  # the shared plan's folder
        fourth = fetch(server.url + "__version")[2]
    assert len({first, second, third, fourth}) == 4


def test_page_follows_an_edit_of_the_realisasi(example_copy):
    with running(example_copy) as server:
        before = fetch(server.url)[2]
        edit(example_copy / "kinerja.yaml", REALISASI_IS2_1, "nilai: 0.28")
        after = fetch(server.url)[2]
    row = '<td class="align-right">0,28</td><td class="align-right">{}</td>'
    assert row.format("0,259") + '<td class="align-right">92,50</td>' in before
    assert row.format("0,28") + '<td class="align-right">100,00</td>' in after


def test_content_error_page_escapes_the_problems_and_recovers(example_copy):
    kinerja = example_copy / "kinerja.yaml"
    edit(kinerja, REALISASI_IS2_1, 'nilai: "<&>"')
    with running(example_copy) as server:
        status, headers, page = fetch(server.url)
        edit(kinerja, 'nilai: "<&>"', "nilai: 0.28")
        fixed_status, _, fixed = fetch(server.url)
    assert status == 500 and headers["Cache-Control"] == "no-store"
    assert f'<div id="laporgen-error" role="alert">{ERROR_BANNER}</div>' in page
    where = display_path(example_copy / "kinerja.yaml")
    assert (
        f"<li>error: {where}:19: realisasi.IS2.1.nilai: expected a number, a predikat or n.a, got &quot;&lt;&amp;&gt;&quot;"
        in page
    )
    assert "<&>" not in page
    assert '<script id="laporgen-reload">' in page  # so the browser comes back by itself
    assert fixed_status == 200 and 'id="tabel-capaian"' in fixed and "100,00" in fixed


def test_a_runaway_narrative_is_an_error_page_and_serve_recovers_once_fixed(example_copy):
    """Nested range(99999) loops never finished, and the server stayed dead after the file was
    fixed: the narrative limits end the render, the page says why, the fix brings it back."""
    import time

    penutup = example_copy / "narasi" / "penutup.md"
    good = penutup.read_text(encoding="utf-8")
    penutup.write_text(
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n" + good,
        encoding="utf-8",
    )
    with running(example_copy) as server:
        started = time.monotonic()
        status, _, page = fetch(server.url)
        seconds = time.monotonic() - started
        penutup.write_text(good, encoding="utf-8")
        fixed_status, _, fixed = fetch(server.url)
    assert status == 500 and "the loops turn more than 200000 times" in page, page[-2000:]
    assert seconds < 10
    assert fixed_status == 200 and 'id="tabel-capaian"' in fixed


def test_a_yaml_alias_bomb_is_an_error_page(example_copy):
    kinerja = example_copy / "kinerja.yaml"
    good = kinerja.read_text(encoding="utf-8")
    bomb = "".join(
        f"bom_{n}: &{n} [{', '.join([f'*{n - 1}'] * 9) if n else 'lol'}]\n" for n in range(9)
    )
    kinerja.write_text(good + bomb.replace("&0 [lol]", "&0 [lol, lol]"), encoding="utf-8")
    with running(example_copy) as server:
        status, _, page = fetch(server.url)
        kinerja.write_text(good, encoding="utf-8")
        fixed_status, _, _ = fetch(server.url)
    assert status == 500 and "YAML aliases (*name) expand to more than 10000 values" in page
    assert fixed_status == 200


def test_error_page_lines_are_the_cli_lines(example_copy, run_cli):
    edit(example_copy / "kinerja.yaml", REALISASI_IS2_1, 'nilai: "0,28"')
    code, _, stderr = run_cli("check", example_copy)
    with running(example_copy) as server:
        page = fetch(server.url)[2]
    assert code == 2 and stderr.strip()
    for line in stderr.strip().splitlines():
        assert f"<li>{html.escape(line)}</li>" in page


def test_internal_error_shows_a_line_never_a_traceback(example_copy, monkeypatch):
    def broken(document):
        raise RuntimeError("boom <b>")

    monkeypatch.setattr(serve_module, "render_html", broken)
    with running(example_copy) as server:
        status, _, page = fetch(server.url)
    assert status == 500
    assert "<li>internal error: RuntimeError: boom &lt;b&gt;; rerun `laporgen --debug build" in page
    assert "Traceback" not in page and "<b>" not in page
    assert '<script id="laporgen-reload">' in page


def test_polls_do_not_render_again_until_a_file_changes(example_copy, monkeypatch):
    renders = []

    def counted(document):
        renders.append(document)
        return render_html(document)

    monkeypatch.setattr(serve_module, "render_html", counted)
    with running(example_copy) as server:
        for _ in range(3):
            fetch(server.url)
            fetch(server.url + "__version")
        assert len(renders) == 1
        edit(example_copy / "kinerja.yaml", REALISASI_IS2_1, "nilai: 0.28")
        fetch(server.url)
        fetch(server.url)
    assert len(renders) == 2


def test_other_paths_and_foreign_hosts_are_refused(example_copy):
    with running(example_copy) as server:
        assert fetch(server.url + "favicon.ico")[0] == 404
        # DNS rebinding: a page on another site resolving its name to 127.0.0.1
        assert fetch(server.url, {"Host": "evil.example:8000"})[0] == 403
        assert fetch(server.url, {"Host": "127.evil.example"})[0] == 403
        assert fetch(server.url + "__version", {"Host": "localhost:8000"})[0] == 200


def test_requests_print_nothing(example_copy, capfd):
    with running(example_copy) as server:
        fetch(server.url)
        fetch(server.url + "__version")
        fetch(server.url + "missing")
    assert capfd.readouterr() == ("", "")


def test_make_server_rejects_a_missing_folder_and_a_busy_port(example_copy, tmp_path):
    with pytest.raises(LaporgenError) as missing:
        make_server(tmp_path / "nope", "127.0.0.1", 0)
    assert str(missing.value.problems[0]).endswith(
        "nope: not a folder; give a document folder such as content/<agency>/lkjip-2024 [input.file]"
    )
    with running(example_copy) as server:
        port = server.server_address[1]
        with pytest.raises(LaporgenError) as busy:
            make_server(example_copy, "127.0.0.1", port)
    assert str(busy.value.problems[0]).startswith(
        f"command line: cannot listen on 127.0.0.1:{port}: "
    )
    assert busy.value.problems[0].code == "usage"


def test_serve_reports_its_url_and_returns_on_ctrl_c(example_copy, monkeypatch):
    urls = []

    def interrupted(self, poll_interval=0.5):
        urls.append(("serving", self.url))
        raise KeyboardInterrupt

    monkeypatch.setattr(PreviewServer, "serve_forever", interrupted)
    serve(example_copy, "127.0.0.1", 0, ready=lambda url: urls.append(("ready", url)))
    assert [kind for kind, _ in urls] == ["ready", "serving"]
    assert urls[0][1] == urls[1][1] and urls[0][1].startswith("http://127.0.0.1:")


# --- a real browser -----------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CAPAIAN_OF = """
const table = document.getElementById("tabel-capaian");
if (!table) return null;
const heads = Array.from(table.tHead.rows[0].cells, (c) => c.textContent.trim());
const column = heads.indexOf("Capaian (%)");
for (const row of table.tBodies[0].rows) {
  if (row.cells[1] && row.cells[1].textContent.trim() === arguments[0]) {
    return row.cells[column].textContent.trim();
  }
}
return null;
"""
"""Tabel 3.2's capaian cell of the row whose indikator is arguments[0]; read in one script so
a reload cannot happen between finding the row and reading the cell."""
ERROR_OF = """
const banner = document.getElementById("laporgen-error");
return banner ? [banner.textContent, document.getElementById("laporgen-problems").textContent] : null;
"""


def _browser_missing() -> str | None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if not missing:
        return None
    reason = f"missing {', '.join(missing)}: apt-get install chromium chromium-driver; pip install selenium"
    if os.environ.get("LAPORGEN_SKIP_BROWSER") == "1":
        pytest.skip(f"LAPORGEN_SKIP_BROWSER=1 and {reason}")
    return reason


@pytest.fixture
def chromium(tmp_path, monkeypatch):
    """A headless Chromium driven by Debian's chromedriver, with a fresh profile."""
    from system_parts import require

    require("chromium", "chromedriver", skip_variable="LAPORGEN_SKIP_BROWSER")
    reason = _browser_missing()  # the selenium package
    if reason:
        pytest.fail(f"{reason} (or set LAPORGEN_SKIP_BROWSER=1 to skip)", pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must not download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


# No warning filter: with filterwarnings = ["error"], selenium 4.51 and urllib3 2.7 emitted no
# warning here. If a later version does, filter that one message on this test, with a comment.
@pytest.mark.browser
def test_browser_reloads_on_edit_shows_errors_and_recovers(example_copy, chromium):
    from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    kinerja = example_copy / "kinerja.yaml"

    def wait_for(check, what):
        wait = WebDriverWait(
            chromium,
            30,
            poll_frequency=0.2,
            ignored_exceptions=(JavascriptException, StaleElementReferenceException),
        )
        return wait.until(lambda d: check(d), message=f"no {what} within 30 s")

    def capaian(driver):
        return driver.execute_script(CAPAIAN_OF, INDIKATOR_IS2_1)

    with running(example_copy) as server:
        chromium.get(server.url)
        assert wait_for(capaian, "Tabel 3.2") == "92,50"

        edit(kinerja, REALISASI_IS2_1, "nilai: 0.28")  # no driver.get: the page must reload itself
        wait_for(lambda d: capaian(d) == "100,00", "capaian 100,00 after the edit")

        edit(kinerja, "nilai: 0.28", 'nilai: "0,28"')
        banner, problems = wait_for(lambda d: d.execute_script(ERROR_OF), "error banner")
        assert banner == ERROR_BANNER
        assert (
            'realisasi.IS2.1.nilai: expected a number, a predikat or n.a, got "0,28"; write 0.28'
            in problems
        )
        assert problems.strip().startswith("error: ")
        assert capaian(chromium) is None  # the document is gone, not left stale under the banner

        edit(kinerja, 'nilai: "0,28"', "nilai: 0.28")
        wait_for(lambda d: capaian(d) == "100,00", "the document back after the fix")
        assert chromium.execute_script(ERROR_OF) is None
