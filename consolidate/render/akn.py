"""Akoma Ntoso 3.0 XML of a text as of a date (``--format akn``).

The expression URI carries the language and the date
(``/akn/kz/act/2012-01-06/527-IV/rus@2016-01-02``); eIds are the engine's own.
Chapters, articles and paragraphs map to ``chapter``, ``article`` and
``paragraph``; subparagraphs to ``point``; unnumbered parts to ``p`` inside a
``content`` (a part with children to ``hcontainer name="part"``).  A unit whose
text is unknown is an empty ``content`` with ``status="unknown"`` — never text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..model import ROOT, Document, Kind, Provision, Status

if TYPE_CHECKING:
    from ..results import Reading

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_TAGS = {Kind.CHAPTER: "chapter", Kind.ARTICLE: "article", Kind.PARAGRAPH: "paragraph",
         Kind.SUBPARAGRAPH: "point", Kind.PART: "hcontainer", Kind.PREAMBLE: "preamble"}


def render_akn(reading: "Reading") -> str:
    doc, view, law = reading.document, reading.view, reading.work
    ET.register_namespace("", NS)

    def q(tag: str) -> str:
        return f"{{{NS}}}{tag}"

    root = ET.Element(q("akomaNtoso"))
    act = ET.SubElement(root, q("act"), name="act")
    meta = ET.SubElement(act, q("meta"))
    ident = ET.SubElement(meta, q("identification"), source="#consolidate")
    day = view.as_of.isoformat()
    work = ET.SubElement(ident, q("FRBRWork"))
    ET.SubElement(work, q("FRBRthis"), value=f"{law.uri}/!main")
    ET.SubElement(work, q("FRBRuri"), value=law.uri)
    ET.SubElement(work, q("FRBRdate"), date=law.adopted.isoformat(), name="Generation")
    ET.SubElement(work, q("FRBRauthor"), href="#parliament")
    ET.SubElement(work, q("FRBRcountry"), value="kz")
    ET.SubElement(work, q("FRBRnumber"), value=law.number)
    expr = ET.SubElement(ident, q("FRBRExpression"))
    uri = law.expression_uri(doc.lang, view.as_of)
    ET.SubElement(expr, q("FRBRthis"), value=f"{uri}/!main")
    ET.SubElement(expr, q("FRBRuri"), value=uri)
    ET.SubElement(expr, q("FRBRdate"), date=day, name="Consolidation")
    ET.SubElement(expr, q("FRBRauthor"), href="#consolidate")
    ET.SubElement(expr, q("FRBRlanguage"), language=doc.lang)
    pre = ET.SubElement(act, q("preface"))
    ET.SubElement(ET.SubElement(pre, q("p")), q("docTitle")).text = doc.title
    body = ET.SubElement(act, q("body"))

    def add(parent: ET.Element, p: Provision) -> None:
        tag = _TAGS.get(p.kind, "hcontainer")
        attrs = {"eId": p.eid}
        if p.kind is Kind.PART:
            attrs["name"] = "part"
        if p.status is not Status.IN_EFFECT:
            attrs["status"] = p.status.value if p.status is Status.UNKNOWN else "repealed"
        el = ET.SubElement(parent, q(tag), attrs)
        if p.num and p.kind is not Kind.PART:
            ET.SubElement(el, q("num")).text = p.num + (")" if p.kind is Kind.SUBPARAGRAPH else "")
        if p.heading:
            ET.SubElement(el, q("heading")).text = p.heading
        if p.children:
            if p.text:
                ET.SubElement(ET.SubElement(el, q("intro")), q("p")).text = p.text
            for c in p.children:
                add(el, doc.units[c])
        else:
            content = ET.SubElement(el, q("content"))
            if p.status is not Status.UNKNOWN:
                ET.SubElement(content, q("p")).text = p.text

    for c in doc.units[ROOT].children:
        unit = doc.units[c]
        if unit.kind is Kind.PREAMBLE:
            continue
        add(body, unit)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
