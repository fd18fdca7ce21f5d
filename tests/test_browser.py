"""The web app in a real browser: ``consolidate serve``'s app on a loopback port, driven
in headless Chromium (Debian's ``chromium``, through Playwright) as a reader would use it:
the table of contents, the date and language switches, a provision's timeline and a
diff, checked by what the page shows; a screenshot of each page goes to the test's
temporary folder.

Skipped, saying why, only where no browser can be had (no Playwright, no Chromium);
under CI (``CI`` set) a missing browser fails instead, since ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from consolidate import Library
from consolidate.web import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _no_browser(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run installs it (apt-get install chromium, pip install -e '.[test]')")
    pytest.skip(reason)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CONSOLIDATE_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The app on 127.0.0.1 on a free port, served by Werkzeug (Flask's server) in a thread."""
    from werkzeug.serving import make_server

    srv = make_server("127.0.0.1", 0, create_app(Library.open()), threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator["Browser"]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("Playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        _no_browser("no Chromium: apt-get install chromium (or set CONSOLIDATE_CHROMIUM)")
    assert executable is not None
    with sync_playwright() as p:
        # launch() gives the browser a fresh profile of its own, removed when it closes
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: "Browser") -> Iterator["Page"]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    try:
        yield pg
    finally:
        context.close()


def shot(page: "Page", folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    return path


def test_from_the_laws_to_an_article_by_the_table_of_contents(server: str, page: "Page", tmp_path: Path) -> None:
    page.goto(server + "/")
    shot(page, tmp_path, "laws")
    page.get_by_role("link", name="О национальной безопасности Республики Казахстан").click()
    assert page.locator("h1").inner_text() == "О национальной безопасности Республики Казахстан"
    assert page.locator("html").get_attribute("lang") == "ru"
    toc = page.locator("nav.toc")
    # today's page (Art. 15's wording after 94-VIII is not in the corpus: Art. 14 is known)
    toc.get_by_role("link", name="Статья 14. Полномочия судов Республики Казахстан").click()
    assert page.url.endswith("#art_14")
    article = page.locator("#art_14")
    assert article.is_visible() and article.evaluate("e => e.getBoundingClientRect().top") < 100
    # every link of the table of contents leads to a unit on the page
    targets = toc.locator("a").evaluate_all("as => as.map(a => a.hash.slice(1))")
    assert len(targets) > 30  # 7 chapters, 29 articles
    assert page.evaluate("ids => ids.filter(id => !document.getElementById(id))", targets) == []
    shot(page, tmp_path, "law-toc-article-14")


def test_the_date_switch_shows_the_wording_of_that_date(server: str, page: "Page", tmp_path: Path) -> None:
    page.goto(server + "/kz-national-security?as_of=2020-07-20&lang=ru")
    unit = page.locator("#art_15__para_1__subpara_4 > p.text")
    assert unit.inner_text().startswith("4) уполномоченный орган по делам государственной службы")
    margin = page.locator("#art_15__para_1__subpara_4 > aside.why")
    assert "357-VI (03.07.2020)" in margin.inner_text() and "с 2020-07-17" in margin.inner_text()
    page.locator("form.controls:not(.diff-form) input[name=as_of]").fill("2016-01-02")
    page.locator("form.controls:not(.diff-form) button").click()
    page.wait_for_url("**as_of=2016-01-02**")
    assert page.locator("p.as-of").first.inner_text().startswith("по состоянию на 2016-01-02")
    assert page.locator("#art_15__para_1__subpara_4 > p.text").inner_text().startswith("4) органы")
    repealed = page.locator("#art_13__subpara_5")
    assert repealed.get_attribute("data-status") == "repealed"
    assert repealed.locator(".badge").inner_text() == "исключён"
    shot(page, tmp_path, "law-2016-01-02")


def test_the_language_switch_and_an_unknown_unit(server: str, page: "Page", tmp_path: Path) -> None:
    page.goto(server + "/kz-national-security?as_of=2025-06-01&lang=ru")
    page.locator("nav.langs").get_by_role("link", name="Қазақша").click()
    page.wait_for_url("**lang=kk**")
    assert page.locator("html").get_attribute("lang") == "kk"
    unknown = page.locator("#art_2-1")
    assert unknown.get_attribute("data-status") == "unknown"
    assert unknown.locator("h3").inner_text().startswith("2-1-бап. [бұл күнгі мәтіні белгісіз]")
    assert "51-VIII" in unknown.locator(".note").inner_text()
    unknown.scroll_into_view_if_needed()
    shot(page, tmp_path, "law-kk-unknown")


def test_a_provisions_timeline(server: str, page: "Page", tmp_path: Path) -> None:
    page.goto(server + "/kz-national-security?as_of=2020-07-20&lang=ru")
    page.locator("#art_15__para_1__subpara_4 > aside.why a.history").click()
    page.wait_for_url("**/art_15__para_1__subpara_4/timeline**")
    version = page.locator("li.version[data-since='2020-07-17']")
    assert "357-VI (03.07.2020)" in version.inner_text()
    assert version.locator(".span").inner_text().startswith("с 2020-07-17, по ")
    assert version.locator(".redline del").first.inner_text() == "органы"
    assert version.locator(".redline ins").first.inner_text() == "уполномоченный орган"
    assert "как выведена дата" in version.locator(".derivation").last.inner_text()
    versions = page.locator("li.version")
    assert versions.count() >= 5
    shot(page, tmp_path, "timeline")
    version.locator("a.shown").click()
    page.wait_for_url("**as_of=2020-07-17**")
    assert page.url.endswith("#art_15__para_1__subpara_4")


def test_a_diff_grouped_by_act(server: str, page: "Page", tmp_path: Path) -> None:
    page.goto(server + "/kz-national-security?as_of=2020-12-31&lang=ru")
    form = page.locator("form.diff-form")
    form.locator("input[name=from]").fill("2020-07-01")
    form.locator("input[name=to]").fill("2020-12-31")
    form.locator("button").click()
    page.wait_for_url("**/diff?from=2020-07-01&to=2020-12-31**")
    assert page.locator("p.as-of").inner_text().startswith("Изменения с 2020-07-01 по 2020-12-31")
    legend = page.locator(".legend")
    assert legend.locator("del").inner_text() == "исключённые слова"
    assert legend.locator("ins").inner_text() == "добавленные слова"
    group = page.locator("section.act-group", has=page.locator("h2", has_text="357-VI"))
    assert group.locator("h2").inner_text() == "357-VI (03.07.2020) — вводится в действие 2020-07-17"
    change = group.locator("#art_15__para_1__subpara_4")
    assert change.locator("del").first.inner_text() == "органы"
    assert change.locator("ins").first.inner_text() == "уполномоченный орган"
    assert page.locator("article.change").count() == 7
    shot(page, tmp_path, "diff")


def test_what_is_wrong_is_a_short_page(server: str, page: "Page", tmp_path: Path) -> None:
    response = page.goto(server + "/kz-national-security?as_of=2020-02-30")
    assert response is not None and response.status == 400
    assert "as_of must be an existing date YYYY-MM-DD (got '2020-02-30')" in page.locator("p.message").inner_text()
    response = page.goto(server + "/kz-national-security/art_99/timeline")
    assert response is not None and response.status == 404
    assert "no provision 'art_99'" in page.locator("p.message").inner_text()
    shot(page, tmp_path, "error-404")
