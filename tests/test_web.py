"""The web app (``consolidate serve``) through Flask's test client: every page and its
JSON, the same JSON as the command line's, and short 404/400 pages for what is wrong."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from consolidate import Library
from consolidate.cli import main
from consolidate.library import work_of
from consolidate.render import json as js
from consolidate.web import create_app, parse_day

NS = "kz-national-security"


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open()


@pytest.fixture(scope="module")
def app(lib: Library) -> Flask:
    return create_app(lib)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def text(client: FlaskClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.get_data(as_text=True)[:500])
    return r.get_data(as_text=True)


class TestPages:
    def test_the_laws(self, client: FlaskClient) -> None:
        page = text(client, "/")
        assert '<a href="/kz-national-security" lang="ru">' in page
        assert "<code>/akn/kz/act/2010-05-22/277-IV</code>" in page

    def test_the_law_as_of_a_date(self, client: FlaskClient) -> None:
        r = client.get("/kz-national-security?as_of=2020-07-20&lang=kk")
        assert r.status_code == 200 and r.mimetype == "text/html"
        assert "script-src" not in r.headers["Content-Security-Policy"]  # no script at all: default-src 'none'
        page = r.get_data(as_text=True)
        assert '<html lang="kk">' in page
        assert '<input type="date" name="as_of" value="2020-07-20" required>' in page
        assert '<a href="/kz-national-security?as_of=2020-07-20&amp;lang=en" hreflang="en" lang="en">' in page
        assert 'href="/kz-national-security/art_15__para_1__subpara_4/timeline?lang=kk"' in page
        # the acts are named with their adoption in the web app
        assert "357-VI (03.07.2020)" in page

    def test_the_defaults_are_today_and_the_laws_language(self, client: FlaskClient) -> None:
        page = text(client, "/kz-national-security")
        assert f'name="as_of" value="{dt.date.today().isoformat()}"' in page and '<html lang="ru">' in page

    def test_the_corpus_language_names_are_understood_too(self, client: FlaskClient) -> None:
        assert '<html lang="en">' in text(client, "/kz-national-security?as_of=2020-07-20&lang=eng")

    def test_a_deep_link_to_one_unit(self, client: FlaskClient) -> None:
        page = text(client, "/kz-national-security/art_15__para_1?as_of=2020-07-20")
        assert 'id="art_15__para_1"' in page and 'id="art_14"' not in page
        assert 'href="/kz-national-security?as_of=2020-07-20&amp;lang=ru#art_15__para_1"' in page

    def test_a_timeline(self, client: FlaskClient) -> None:
        page = text(client, "/kz-national-security/art_13__subpara_5/timeline")
        assert "435-V (04.12.2015)" in page and 'data-since="2016-01-01"' in page
        assert 'href="/kz-national-security?as_of=2016-01-01&amp;lang=ru#art_13__subpara_5"' in page

    def test_a_diff(self, client: FlaskClient) -> None:
        page = text(client, "/kz-national-security/diff?from=2020-07-01&to=2020-12-31")
        assert page.count("<article") == 7
        assert 'href="/kz-national-security?as_of=2020-12-31&amp;lang=ru#art_15__para_1__subpara_4"' in page
        assert 'href="/api/kz-national-security/diff?from=2020-07-01&amp;to=2020-12-31&amp;lang=ru">JSON' in page


class TestApi:
    """The same JSON as the command line's ``--format json``, with the FRBR URIs."""

    def test_show(self, client: FlaskClient, lib: Library) -> None:
        r = client.get("/api/kz-national-security?as_of=2020-07-20&lang=ru")
        assert r.mimetype == "application/json"
        cli = CliRunner().invoke(main, ["show", NS, "--as-of", "2020-07-20", "--format", "json"])
        assert r.get_data(as_text=True) == cli.output
        data = json.loads(cli.output)
        assert list(data)[:8] == ["law", "lang", "as_of", "known_on", "title", "provisions", "warnings", "work"]
        assert data["work"] == "/akn/kz/act/2012-01-06/527-IV"
        assert data["expression"] == "/akn/kz/act/2012-01-06/527-IV/rus@2020-07-20"

    def test_one_unit_with_its_referrers(self, client: FlaskClient) -> None:
        data = json.loads(text(client, "/api/kz-national-security/art_20__para_4__subpara_2?as_of=2020-07-20"))
        cli = CliRunner().invoke(main, ["show", NS, "--as-of", "2020-07-20", "--provision",
                                        "art_20__para_4__subpara_2", "--format", "json"])
        assert data == json.loads(cli.output) and "referrers" in data["provisions"][0]

    def test_diff(self, client: FlaskClient, lib: Library) -> None:
        body = text(client, "/api/kz-national-security/diff?from=2020-07-01&to=2020-12-31")
        cli = CliRunner().invoke(main, ["diff", NS, "2020-07-01", "2020-12-31", "--format", "json"])
        assert body == cli.output
        data = json.loads(body)
        d = lib.diff(NS, dt.date(2020, 7, 1), dt.date(2020, 12, 31), lang="rus")
        assert data == js.diff_json(d, work_of(lib.law(NS)))
        assert data["from_expression"].endswith("/rus@2020-07-01") and data["to_expression"].endswith("/rus@2020-12-31")
        assert list(data)[:6] == ["law", "lang", "from", "to", "changes", "work"]

    def test_timeline(self, client: FlaskClient) -> None:
        body = text(client, "/api/kz-national-security/art_13__subpara_5/timeline?lang=kk")
        cli = CliRunner().invoke(main, ["timeline", NS, "--provision", "art_13__subpara_5", "--lang", "kaz",
                                        "--format", "json"])
        assert body == cli.output
        data = json.loads(body)
        assert data["work"] == "/akn/kz/act/2012-01-06/527-IV" and data["lang"] == "kaz"
        assert [v["expression"] for v in data["versions"]][:2] == [None, "/akn/kz/act/2012-01-06/527-IV/kaz@2016-01-01"]

    def test_errors_are_json(self, client: FlaskClient) -> None:
        r = client.get("/api/nope")
        assert r.status_code == 404 and r.get_json() == {"error": "no law 'nope' (the laws: kz-foreign-intelligence, "
                                                                   "kz-national-security)", "status": 404}
        r = client.get("/api/kz-national-security?as_of=2020-13-01")
        assert r.status_code == 400 and "as_of must be an existing date" in r.get_json()["error"]


class TestWhatIsWrong:
    @pytest.mark.parametrize("url, status, says", [
        ("/nope", 404, "no law &#39;nope&#39;"),
        ("/kz-national-security/art_99", 404, "no provision &#39;art_99&#39;"),
        ("/kz-national-security/art_99/timeline", 404, "no provision &#39;art_99&#39;"),
        ("/kz-national-security?as_of=2020-02-30", 400, "as_of must be an existing date YYYY-MM-DD (got &#39;2020-02-30&#39;)"),
        ("/kz-national-security?as_of=yesterday", 400, "(got &#39;yesterday&#39;)"),
        ("/kz-national-security?as_of=20200101", 400, "(got &#39;20200101&#39;)"),
        ("/kz-national-security?as_of=2000-01-01", 400, "was adopted on 2012-01-06; there is no text on 2000-01-01"),
        ("/kz-national-security/diff?from=2020-01-01", 400, "to is needed"),
        ("/kz-national-security/diff?from=2020-01-01&to=2020-02-31", 400, "to must be an existing date"),
        ("/kz-national-security?lang=de", 400, "lang must be one of ru, kk, en (got &#39;de&#39;)"),
        ("/kz-foreign-intelligence?lang=kk", 404, "kz-foreign-intelligence has no text in kk (it has: ru)"),
        ("/a/b/c/d", 404, "no page /a/b/c/d"),
    ])
    def test_a_short_page_that_says_what(self, client: FlaskClient, url: str, status: int, says: str) -> None:
        page = text(client, url, status)
        assert says in page and "Traceback" not in page and len(page) < 12_000
        assert f"<h1>{status} " in page

    def test_a_post_is_not_answered(self, client: FlaskClient) -> None:
        r = client.post("/kz-national-security")
        assert r.status_code == 405 and "POST is not answered here" in r.get_data(as_text=True)

    def test_no_traceback_on_an_unexpected_error(self, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
        app = create_app(lib)

        def boom(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a bug")

        monkeypatch.setattr(Library, "diff", boom)
        r = app.test_client().get("/kz-national-security/diff?from=2020-01-01&to=2020-02-01")
        assert r.status_code == 500 and "a bug" not in r.get_data(as_text=True)
        assert "Traceback" not in r.get_data(as_text=True)


def test_parse_day() -> None:
    assert parse_day("2020-02-29", "as_of") == dt.date(2020, 2, 29)
    assert parse_day(None, "as_of") is None and parse_day("", "as_of") is None


def test_serve_checks_its_port() -> None:
    r = CliRunner().invoke(main, ["serve", "--port", "http"])
    assert r.exit_code == 2 and "must be a port number" in r.output


def test_help_does_not_load_flask() -> None:
    import subprocess
    import sys

    code = ("import sys; from consolidate.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
            "assert 'flask' not in sys.modules and 'jinja2' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
