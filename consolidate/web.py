"""The web app of ``consolidate serve``: the pages and the JSON of a law, over one
:class:`~consolidate.Library`.

A thin layer, as :mod:`consolidate.cli` is: each route reads its parameters,
asks the library one question and renders the answer with
:mod:`consolidate.render` (the pages are the templates ``--format html``
writes; the JSON is what ``--format json`` prints).

``/``                              the laws
``/LAW?as_of=D&lang=L``            the law as of a date (``/LAW/EID?...``: one unit and what it contains)
``/LAW/EID/timeline?lang=L``       the versions of one unit, with the redline between them
``/LAW/diff?from=D1&to=D2&lang=L`` what changed, grouped by act
``/api/...``                       the same as JSON

``as_of`` defaults to today and ``lang`` (BCP 47 ``ru``, ``kk``, ``en``, or the
corpus's ``rus``, ``kaz``, ``eng``) to the law's default language.  An unknown
law, eId or language of a law answers 404, a date that is not an existing
``YYYY-MM-DD`` (or lies before the law) 400: a short page, or a JSON object
``{"error", "status"}`` under ``/api``; never a traceback.
"""

from __future__ import annotations

import datetime as _dt
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from .errors import ConsolidationError, InvalidDate, UnknownLaw, UnknownProvision
from .languages import BCP47, LANGS
from .library import Library, work_of
from .render import html
from .render import json as js

if TYPE_CHECKING:
    from .law import Law
    from .results import Work

T = TypeVar("T")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FROM_BCP47 = {tag: lang for lang, tag in BCP47.items()}
#: what the pages allow: their own styles, forms sent back to the app, and no script at all
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}


class NotFound(ConsolidationError, LookupError):
    """A page the app does not have (an unknown path, a law not in a language)."""


class BadRequest(ConsolidationError, ValueError):
    """A query parameter the app cannot read (a missing date, an unknown language)."""


def parse_day(value: str | None, name: str) -> _dt.date | None:
    """A query parameter's date: ``YYYY-MM-DD`` and existing, else :class:`InvalidDate`."""
    if value is None or value == "":
        return None
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidDate(f"{name} must be an existing date YYYY-MM-DD (got {value!r})") from None


def create_app(library: Library) -> Flask:
    """The app answering from ``library``: its one piece of state, used by one request at a
    time (a library compiles and caches time lines as it is asked)."""
    app = Flask("consolidate", static_folder=None)
    lock = threading.Lock()
    links = html.Links()

    def ask(question: Callable[[], T]) -> T:
        with lock:
            return question()

    def work(slug: str) -> "Work":
        return ask(lambda: work_of(law(slug)))

    def law(slug: str) -> "Law":
        slugs = library.corpus.slugs()
        if slug not in slugs:
            raise UnknownLaw(f"no law {slug!r} (the laws: {', '.join(slugs)})")
        return library.law(slug)

    def lang_of(slug: str) -> str:
        """The ``lang`` parameter as a corpus language the law has (default: its default one)."""
        value = request.args.get("lang")
        the_law = ask(lambda: law(slug))
        if not value:
            return the_law.default_lang()
        lang = _FROM_BCP47.get(value, value)
        if lang not in LANGS:
            raise BadRequest(f"lang must be one of {', '.join(BCP47[x] for x in LANGS)} (got {value!r})")
        if lang not in the_law.langs():
            raise NotFound(f"{slug} has no text in {BCP47.get(lang, lang)} "
                           f"(it has: {', '.join(BCP47.get(x, x) for x in the_law.langs())})")
        return lang

    def day(name: str, default: _dt.date | None = None) -> _dt.date:
        value = parse_day(request.args.get(name), name)
        if value is None:
            if default is None:
                raise BadRequest(f"{name} is needed: a date YYYY-MM-DD")
            return default
        return value

    def page(text: str, status: int = 200) -> Response:
        return Response(text, status=status, mimetype="text/html", headers=SECURITY_HEADERS)

    def data(obj: object, status: int = 200) -> Response:
        return Response(js.dumps(obj) + "\n", status=status, mimetype="application/json",
                        headers=SECURITY_HEADERS)

    # -- the questions, shared by the pages and the JSON -----------------------------------

    def reading(slug: str, eid: str | None, *, api: bool) -> Response:
        lang = lang_of(slug)
        as_of = day("as_of", _dt.date.today())
        r = ask(lambda: library.show(slug, as_of, lang=lang, provision=eid, referrers=api and eid is not None))
        if api:
            return data(js.view_json(r))
        adopted = ask(lambda: library.timeline(slug, lang).adopted)
        return page(html.law_page(r, adopted=adopted, links=links, langs=ask(lambda: law(slug).langs())))

    def changes(slug: str, *, api: bool) -> Response:
        lang = lang_of(slug)
        start, end = day("from"), day("to")
        d = ask(lambda: library.diff(slug, start, end, lang=lang))
        if api:
            return data(js.diff_json(d, work(slug)))
        return page(html.diff_page(d, work=work(slug), links=links))

    def history(slug: str, eid: str, *, api: bool) -> Response:
        lang = lang_of(slug)
        h = ask(lambda: library.history(slug, lang, eid))
        if api:
            return data(js.timeline_json(h, work(slug)))
        adopted = ask(lambda: library.timeline(slug, lang).adopted)
        return page(html.timeline_page(h, work=work(slug), adopted=adopted, links=links,
                                       langs=ask(lambda: law(slug).langs())))

    # -- the routes ----------------------------------------------------------------------------

    @app.get("/")
    def index() -> Response:
        summaries = ask(library.laws)
        works = {s.slug: work(s.slug) for s in summaries}
        return page(html.laws_page(summaries, works, links=links))

    # each page has its JSON twin under /api: the same answer, as the CLI's --format json gives it
    def view(answer: Callable[..., Response], **fixed: object) -> Callable[..., Response]:
        def handle(law_slug: str, **path: str) -> Response:
            return answer(law_slug, **path, **fixed)
        return handle

    for prefix, api in (("", False), ("/api", True)):
        kind = "json" if api else "page"
        app.add_url_rule(f"{prefix}/<law_slug>", f"law_{kind}", view(reading, eid=None, api=api))
        app.add_url_rule(f"{prefix}/<law_slug>/<eid>", f"unit_{kind}", view(reading, api=api))
        app.add_url_rule(f"{prefix}/<law_slug>/<eid>/timeline", f"timeline_{kind}", view(history, api=api))
        app.add_url_rule(f"{prefix}/<law_slug>/diff", f"diff_{kind}", view(changes, api=api))

    # -- what is wrong, said shortly --------------------------------------------------------

    def error(status: int, message: str) -> Response:
        if request.path == "/api" or request.path.startswith("/api/"):
            return data({"error": message, "status": status}, status)
        return page(html.error_page(status, message, links=links), status)

    @app.errorhandler(ConsolidationError)
    def domain_error(exc: ConsolidationError) -> Response:
        return error(status_of(exc), str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        message = {404: f"no page {request.path}", 405: f"{request.method} is not answered here"}.get(
            status, exc.description or exc.name)
        return error(status, message)

    @app.errorhandler(Exception)
    def internal_error(exc: Exception) -> Response:
        app.logger.exception("an error answering %s", request.path)
        return error(500, "the app met an error it does not know; the server's log has it")

    return app


def status_of(exc: ConsolidationError) -> int:
    """The HTTP status of a domain error: 404 for what does not exist, 400 for what cannot be read."""
    if isinstance(exc, (UnknownLaw, UnknownProvision, NotFound)):
        return 404
    if isinstance(exc, (InvalidDate, BadRequest)):
        return 400
    return 500

