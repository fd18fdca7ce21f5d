"""The HTML pages as ``--format html`` writes them: one label per unit, the page's
words and ``lang`` (BCP 47) in the text's language, every status shown, every text
escaped, FRBR URIs on every page."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from consolidate import Library
from consolidate.model import ROOT, Status
from consolidate.render import html
from consolidate.render.output import diff as diff_output, show as show_output
from consolidate.results import History, Reading, Work
from consolidate.timeline.chain import DAWN, Version
from consolidate.timeline.query import View

from .factories import doc

NS = "kz-national-security"


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open()


class Tags(HTMLParser):
    """The start tags of a page with their attributes, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    return t


def section(page: str, eid: str) -> str:
    """The markup of one unit, up to the next unit."""
    start = page.index(f'id="{eid}"')
    nxt = page.find("<section", start)
    return page[start:nxt if nxt != -1 else None]


class TestLawPage:
    @pytest.mark.parametrize("lang, tag", [("rus", "ru"), ("kaz", "kk"), ("eng", "en")])
    def test_lang_is_bcp47(self, lib: Library, lang: str, tag: str) -> None:
        page = show_output(lib.show(NS, dt.date(2016, 1, 2), lang=lang), fmt="html")
        assert page.startswith("<!DOCTYPE html>\n") and f'<html lang="{tag}">' in page

    def test_an_unknown_kazakh_article_is_labelled_once_and_marked_in_kazakh(self, lib: Library) -> None:
        page = show_output(lib.show(NS, dt.date(2025, 6, 1), lang="kaz"), fmt="html")
        unit = section(page, "art_2-1")
        assert unit.count("2-1-бап.") == 1
        assert "[бұл күнгі мәтіні белгісіз]" in unit and "text unknown" not in unit
        assert 'class="badge unknown">мәтіні белгісіз<' in unit
        # the reason is the engine's, in English, and says so
        assert '<p class="note" lang="en">changed by 51-VIII, whose text is not in the corpus</p>' in unit

    def test_no_label_is_printed_twice(self, lib: Library) -> None:
        for lang, word in (("kaz", "бап"), ("rus", "Статья"), ("eng", "Article")):
            page = show_output(lib.show(NS, dt.date(2025, 6, 1), lang=lang), fmt="html")
            for eid in re.findall(r'<section class="unit article[^"]*" id="([^"]+)"', page):
                unit = section(page, eid)
                assert unit.count(word) == 1, (lang, eid, unit)

    def test_each_status_shows_and_the_legend_names_it(self, lib: Library) -> None:
        page = show_output(lib.show(NS, dt.date(2025, 6, 1), lang="rus"), fmt="html")
        legend = page[page.index('class="legend"'):page.index("</div>", page.index('class="legend"'))]
        for status in ("in_effect", "repealed", "unknown"):
            assert f'class="badge {status}"' in legend
        page = show_output(lib.show(NS, dt.date(2020, 12, 31), lang="rus"), fmt="html")
        repealed = section(page, "art_13__subpara_5")
        assert 'data-status="repealed"' in repealed and 'class="badge repealed">исключён<' in repealed
        assert "исключен Законом РК от 04.12.2015" in repealed

    def test_the_act_behind_a_wording_is_in_the_margin_and_on_hover(self, lib: Library) -> None:
        reading = lib.show(NS, dt.date(2020, 7, 20), lang="rus")
        page = html.law_page(reading, adopted=lib.timeline(NS, "rus").adopted)
        unit = section(page, "art_15__para_1__subpara_4")
        assert 'title="357-VI (03.07.2020) — с 2020-07-17"' in unit
        assert '<aside class="why"><span class="acts">357-VI (03.07.2020)</span><br><span class="since">с 2020-07-17' in unit
        # as the command line writes it, the reading alone names the act by its number
        assert '<span class="acts">357-VI</span>' in section(show_output(reading, fmt="html"), "art_15__para_1__subpara_4")

    def test_table_of_contents_links_every_chapter_and_article(self, lib: Library) -> None:
        reading = lib.show(NS, dt.date(2020, 7, 20), lang="rus")
        tags = parse(show_output(reading, fmt="html")).tags
        ids = {a.get("id") for _, a in tags if a.get("id")}
        # an attribute written without a value is None: no link
        toc = [h for t, a in tags if t == "a" and (h := a.get("href") or "").startswith("#")]
        wanted = [p.eid for p in reading.document.provisions() if p.kind.value in ("chapter", "article")]
        assert [h[1:] for h in toc[:len(wanted)]] == wanted
        assert all(h[1:] in ids for h in toc)

    def test_frbr_uris(self, lib: Library) -> None:
        page = show_output(lib.show(NS, dt.date(2020, 7, 20), lang="eng"), fmt="html")
        assert '<code class="work">/akn/kz/act/2012-01-06/527-IV</code>' in page
        assert '<code class="expression">/akn/kz/act/2012-01-06/527-IV/eng@2020-07-20</code>' in page
        assert '<meta name="frbr-expression" content="/akn/kz/act/2012-01-06/527-IV/eng@2020-07-20">' in page

    def test_a_file_has_no_links_to_the_web_app_nor_script(self, lib: Library) -> None:
        page = show_output(lib.show(NS, dt.date(2020, 7, 20), lang="rus"), fmt="html")
        tags = parse(page).tags
        assert not [a for t, a in tags if t == "a" and not (a.get("href") or "").startswith("#")]
        assert not [t for t, _ in tags if t in ("script", "form")] and " on" not in re.sub(r">[^<]*<", "><", page)

    def test_every_text_is_escaped(self) -> None:
        d = doc({"1": ["1. <script>alert('x')</script> & «кавычки»"]})
        units = dict(d.units)
        units["art_1"] = units["art_1"].__class__(**{**{f: getattr(units["art_1"], f) for f in (
            "eid", "kind", "num", "text", "children", "notes", "status")}, "heading": '"><img src=x onerror=1>'})
        d = d.__class__(law=d.law, lang=d.lang, title="<b>T</b>", units=units)
        versions = {eid: Version(DAWN, p) for eid, p in d.units.items()}
        view = View(d, versions, dt.date(2020, 1, 1), None, ())
        work = Work("t-law", "/akn/kz/act/2012-01-06/1-I", "1-I", dt.date(2012, 1, 6), {"rus": "<i>x</i>"})
        page = html.law_page(Reading(work, view, d, "base.md"))
        assert "<script>" not in page and "<img" not in page and "<b>T</b>" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; «кавычки»" in page
        assert "&#34;&gt;&lt;img src=x onerror=1&gt;" in page

    def test_a_status_the_engine_does_not_have_yet_has_a_label(self) -> None:
        assert html.status_label("not_yet_in_effect", "kaz") == "әлі қолданысқа енгізілмеген"
        assert html.status_label("suspended", "eng") == "suspended"
        assert html.status_label("something_new", "rus") == "something_new"
        assert {s.value for s in Status} <= set(html.STATUS_LABELS)


class TestDiffPage:
    def test_grouped_by_act_with_its_date_and_a_legend(self, lib: Library) -> None:
        d = lib.diff(NS, dt.date(2020, 7, 1), dt.date(2020, 12, 31), lang="rus")
        page = diff_output(d, fmt="html", color=False)
        assert '<html lang="ru">' in page
        assert "<del>исключённые слова</del>" in page and "<ins>добавленные слова</ins>" in page
        groups = re.findall(r'<section class="act-group">\s*<h2><span class="acts">([^<]+)</span> — '
                            r'<span class="effective">вводится в действие ([^<]+)</span>', page)
        assert ("357-VI (03.07.2020)", "2020-07-17") in groups
        assert ("365-VI (06.10.2020)", "2020-10-18") in groups
        change = page[page.index('id="art_15__para_1__subpara_4"'):]
        change = change[:change.index("</article>")]
        assert "<del>органы</del><ins>уполномоченный орган</ins>" in change
        assert page.count("<article") == len(d.changes)

    def test_frbr_uris_when_the_work_is_given(self, lib: Library) -> None:
        from consolidate.library import work_of

        d = lib.diff(NS, dt.date(2020, 7, 1), dt.date(2020, 12, 31), lang="kaz")
        page = html.diff_page(d, work=work_of(lib.law(NS)))
        assert '<code class="expression">/akn/kz/act/2012-01-06/527-IV/kaz@2020-07-01</code>' in page
        assert "<title>Қазақстан Республикасының ұлттық қауіпсіздігі туралы" in page

    def test_no_changes(self, lib: Library) -> None:
        d = lib.diff(NS, dt.date(2020, 10, 18), dt.date(2020, 10, 18), lang="eng")
        assert '<p class="no-changes">no changes</p>' in diff_output(d, fmt="html", color=False)


class TestTimelinePage:
    def test_every_version_with_dates_act_derivation_and_redline(self, lib: Library) -> None:
        from consolidate.library import work_of

        h: History = lib.history(NS, "rus", "art_15__para_1__subpara_4")
        page = html.timeline_page(h, work=work_of(lib.law(NS)), adopted=lib.timeline(NS, "rus").adopted)
        assert page.count('<li class="version') == len(h.versions)
        v357 = page[page.index('data-since="2020-07-17"'):]
        v357 = v357[:v357.index("</li>")]
        assert "357-VI (03.07.2020)" in v357 and "с 2020-07-17, по " in v357
        assert '<span lang="ru">как выведена дата</span>: ' in v357 and "in effect from 2020-07-17</p>" in v357
        assert "<del>органы</del><ins>уполномоченный орган</ins>" in v357
        assert "/akn/kz/act/2012-01-06/527-IV/rus@2020-07-17" in v357


def test_the_command_line_writes_the_pages_as_files(lib: Library) -> None:
    """``show --format html`` and ``diff --format html`` are the app's pages without the app's links."""
    from click.testing import CliRunner

    from consolidate.cli import main
    from consolidate.library import work_of

    out = CliRunner().invoke(main, ["show", NS, "--as-of", "2020-07-20", "--lang", "kaz", "--format", "html"]).output
    assert out == html.law_page(lib.show(NS, dt.date(2020, 7, 20), lang="kaz"), adopted=lib.timeline(NS, "kaz").adopted)
    out = CliRunner().invoke(main, ["diff", NS, "2020-07-01", "2020-12-31", "--format", "html"]).output
    d = lib.diff(NS, dt.date(2020, 7, 1), dt.date(2020, 12, 31), lang="rus")
    assert out == html.diff_page(d, work=work_of(lib.law(NS)))


def test_the_laws_and_an_error(lib: Library) -> None:
    from consolidate.library import work_of

    summaries = lib.laws()
    page = html.laws_page(summaries, {s.slug: work_of(lib.law(s.slug)) for s in summaries}, links=html.Links())
    assert '<a href="/kz-national-security?lang=kk" hreflang="kk">Қазақша</a>' in page
    page = html.error_page(404, "no law '<x>'")
    assert "<h1>404 Not found</h1>" in page and "no law &#39;&lt;x&gt;&#39;" in page


def test_links_are_the_apps_urls() -> None:
    links = html.Links("/app")
    assert links.law("kz-x", dt.date(2020, 1, 2), "kaz") == "/app/kz-x?as_of=2020-01-02&lang=kk"
    assert links.law("kz-x", eid="art_1") == "/app/kz-x/art_1"
    assert links.timeline("kz-x", "art_1__para_2", "eng") == "/app/kz-x/art_1__para_2/timeline?lang=en"
    assert links.diff("kz-x", dt.date(2020, 1, 1), dt.date(2021, 1, 1)) == "/app/kz-x/diff?from=2020-01-01&to=2021-01-01"
    assert links.api(links.law("kz-x")) == "/app/api/kz-x"
    assert ROOT == "law"
