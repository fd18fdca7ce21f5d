"""Akoma Ntoso 3.0 XML of a text as of a date (``--format akn``), valid against the
OASIS schema and readable by other AKN tools (laws-africa's cobalt among them).

The metadata names the work, the expression (language and date:
``/akn/kz/act/2012-01-06/527-IV/rus@2016-01-02``) and the manifestation (this
XML); the lifecycle lists the law's adoption and every act behind a wording
shown, on the date that wording took effect; the passive modifications say
which act gave which unit its wording; every ``href="#..."`` and ``source``
points at an entry of ``references`` or at a unit of the body.

Chapters, articles and paragraphs map to ``chapter``, ``article`` and
``paragraph``; subparagraphs to ``point``; unnumbered parts to ``hcontainer
name="part"``; the preamble to ``preamble``.  A repealed unit keeps its
placeholder wording with ``status="removed"``.  A unit whose text is unknown
has ``status="unknown"`` and no text, only a note (in ``meta``) saying why.

The manifestation's date is the expression's (the XML is made from the text
of that date), so the same question always gives the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..model import ROOT, Kind, Provision, Status
from .lines import DEFAULT_REASON

if TYPE_CHECKING:
    from ..results import Reading

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_TAGS = {Kind.CHAPTER: "chapter", Kind.ARTICLE: "article", Kind.PARAGRAPH: "paragraph",
         Kind.SUBPARAGRAPH: "point", Kind.PART: "hcontainer", Kind.PREAMBLE: "preamble"}
#: the schema's ``status`` of a unit in each state (in effect, and not yet in effect — the
#: wording in force is shown —: no attribute); the schema has no word for an expiry: an
#: expired unit is out of force as a repealed one is, a suspended one for a time
STATUS = {Status.REPEALED: "removed", Status.EXPIRED: "removed", Status.SUSPENDED: "temporarilyRemoved",
          Status.UNKNOWN: "unknown"}
#: the authentic languages of a Kazakh law; Adilet's English is an unofficial translation
AUTHENTIC = ("kaz", "rus")
PARLIAMENT = ("parliament", "/akn/ontology/organization/kz/parliament", "Parliament of the Republic of Kazakhstan")
CONSOLIDATE = ("consolidate", "/akn/ontology/organization/kz/consolidate", "consolidate")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, _q(tag), attrs)


def act_eid(number: str) -> str:
    """The eId of an amending act's entry in ``references`` (a version's "act" may also be a
    gap of the corpus, named in words: spaces are not allowed in an eId)."""
    return "act_" + re.sub(r"\s+", "_", number.strip())


def manifestation_uri(expression: str, provision: str | None) -> str:
    """The FRBRthis of the XML: the expression's main component (and portion), as ``.xml``."""
    return f"{expression}/!main{'~' + provision if provision else ''}.xml"


def render_akn(reading: "Reading", *, adopted: Mapping[str, _dt.date] | None = None) -> str:
    """The reading as an Akoma Ntoso act.  ``adopted`` (act number → adoption date) gives
    each amending act its FRBR work URI; an act whose adoption is not given is named by
    an ontology reference instead (:class:`~consolidate.results.Reading` does not carry
    the acts' adoption dates)."""
    doc, view, law = reading.document, reading.view, reading.work
    adopted = adopted or {}
    ET.register_namespace("", NS)
    root = ET.Element(_q("akomaNtoso"))
    act = _sub(root, "act", name="act", contains="singleVersion")
    meta = _sub(act, "meta")
    day = view.as_of.isoformat()
    expression = law.expression_uri(doc.lang, view.as_of)

    ident = _sub(meta, "identification", source="#" + CONSOLIDATE[0])
    work = _sub(ident, "FRBRWork")
    _sub(work, "FRBRthis", value=f"{law.uri}/!main")
    _sub(work, "FRBRuri", value=law.uri)
    _sub(work, "FRBRalias", value=law.titles.get(doc.lang, doc.title), name="title")
    _sub(work, "FRBRdate", date=law.adopted.isoformat(), name="Generation")
    _sub(work, "FRBRauthor", href="#" + PARLIAMENT[0])
    _sub(work, "FRBRcountry", value="kz")
    _sub(work, "FRBRnumber", value=law.number)
    expr = _sub(ident, "FRBRExpression")
    _sub(expr, "FRBRthis", value=f"{expression}/!main")
    _sub(expr, "FRBRuri", value=expression)
    _sub(expr, "FRBRdate", date=day, name="Consolidation")
    _sub(expr, "FRBRauthor", href="#" + CONSOLIDATE[0])
    _sub(expr, "FRBRauthoritative", value="true" if doc.lang in AUTHENTIC else "false")
    _sub(expr, "FRBRlanguage", language=doc.lang)
    manif = _sub(ident, "FRBRManifestation")
    _sub(manif, "FRBRthis", value=manifestation_uri(expression, reading.provision))
    # the expression URI without a format, as cobalt and Indigo write it (cobalt reads the
    # document's FRBR URI from here, and would take a ".xml" for part of the date)
    _sub(manif, "FRBRuri", value=expression)
    _sub(manif, "FRBRdate", date=day, name="Generation")
    _sub(manif, "FRBRauthor", href="#" + CONSOLIDATE[0])
    if reading.provision:
        _sub(manif, "FRBRportion", showAs=reading.provision, **{"from": reading.provision})
    _sub(manif, "FRBRformat", value="application/akn+xml")

    shown = [p for _, p in doc.walk() if p.eid != ROOT]
    # the acts behind the wordings shown, each on the days its wordings took effect
    events: dict[tuple[_dt.date, str], None] = {}
    mods: list[tuple[Provision, tuple[str, ...]]] = []
    notes: dict[str, str] = {}
    for p in shown:
        v = view.versions.get(p.eid)
        if v is None:
            continue
        if v.acts and v.since is not None:
            for number in v.acts:
                events.setdefault((v.since, number), None)
        if v.acts and p.status is not Status.UNKNOWN:
            mods.append((p, v.acts))
        if p.status is Status.UNKNOWN:
            notes[p.eid] = v.reason or DEFAULT_REASON
    numbers = list(dict.fromkeys(number for _, number in sorted(events)))

    life = _sub(meta, "lifecycle", source="#" + CONSOLIDATE[0])
    _sub(life, "eventRef", eId="evt_generation", date=law.adopted.isoformat(), source="#original",
         type="generation")
    for i, (when, number) in enumerate(sorted(events), 1):
        _sub(life, "eventRef", eId=f"evt_{i}", date=when.isoformat(), source="#" + act_eid(number),
             type="amendment")
    if mods:
        analysis = _sub(meta, "analysis", source="#" + CONSOLIDATE[0])
        passive = _sub(analysis, "passiveModifications")
        for i, (p, acts) in enumerate(mods, 1):
            # the engine knows which act gave a unit its wording, not (at this point) by which
            # of its operations: a repeal is a repeal, anything else a substitution of wording
            mod = _sub(passive, "textualMod", eId=f"pmod_{i}",
                       type="repeal" if p.status is Status.REPEALED else "substitution")
            for number in acts:
                _sub(mod, "source", href="#" + act_eid(number))
            _sub(mod, "destination", href="#" + p.eid)
    refs = _sub(meta, "references", source="#" + CONSOLIDATE[0])
    _sub(refs, "original", eId="original", href=f"{law.uri}/{doc.lang}@", showAs=law.titles.get(doc.lang, doc.title))
    for number in numbers:
        signed = adopted.get(number)
        if signed is not None:
            _sub(refs, "passiveRef", eId=act_eid(number), href=f"/akn/kz/act/{signed.isoformat()}/{number}",
                 showAs=number)
        else:
            _sub(refs, "TLCReference", eId=act_eid(number), href=f"/akn/ontology/act/kz/{quote(number)}", name="act",
                 showAs=number)
    for eid, href, show_as in (PARLIAMENT, CONSOLIDATE):
        _sub(refs, "TLCOrganization", eId=eid, href=href, showAs=show_as)
    if notes:
        box = _sub(meta, "notes", source="#" + CONSOLIDATE[0])
        for eid, reason in notes.items():
            _sub(_sub(box, "note", eId=f"note_{eid}"), "p").text = reason

    pre = _sub(act, "preface")
    _sub(_sub(pre, "p"), "docTitle").text = doc.title

    def status_of(p: Provision) -> dict[str, str]:
        return {"status": STATUS[p.status]} if p.status in STATUS else {}

    def unknown_marker(parent: ET.Element, p: Provision) -> None:
        _sub(_sub(parent, "p"), "noteRef", href=f"#note_{p.eid}", marker="*", placement="side")

    def add(parent: ET.Element, p: Provision) -> None:
        attrs = {"eId": p.eid}
        if p.kind is Kind.PART:
            attrs["name"] = "part"
        el = _sub(parent, _TAGS.get(p.kind, "hcontainer"), **attrs, **status_of(p))
        if p.num and p.kind is not Kind.PART:
            _sub(el, "num").text = p.num + (")" if p.kind is Kind.SUBPARAGRAPH else
                                            "." if p.kind is Kind.PARAGRAPH else "")
        if p.heading and p.status is not Status.UNKNOWN:
            _sub(el, "heading").text = p.heading
        if p.children:
            if p.status is Status.UNKNOWN:
                unknown_marker(_sub(el, "intro"), p)
            elif p.text:
                _sub(_sub(el, "intro"), "p").text = p.text
            for c in p.children:
                add(el, doc.units[c])
        else:
            content = _sub(el, "content")
            if p.status is Status.UNKNOWN:
                unknown_marker(content, p)
            else:
                _sub(content, "p").text = p.text

    def block(parent: ET.Element, p: Provision) -> None:
        """The preamble's own text and its parts (``container`` elements): blocks, not a hierarchy."""
        if p.status is Status.UNKNOWN:
            unknown_marker(parent, p)
        elif p.text:
            for line in p.text.split("\n"):
                _sub(parent, "p").text = line
        for c in p.children:
            child = doc.units[c]
            part = _sub(parent, "container", eId=child.eid, name=child.kind.value, **status_of(child))
            block(part, child)
            if len(part) == 0:
                _sub(part, "p")

    top = [doc.units[c] for c in doc.units[ROOT].children]
    for p in top:
        if p.kind is Kind.PREAMBLE:
            preamble = _sub(act, "preamble", eId=p.eid, **status_of(p))
            block(preamble, p)
    body = _sub(act, "body")
    for p in top:
        if p.kind is not Kind.PREAMBLE:
            add(body, p)
    if len(body) == 0:  # the preamble alone was asked for: the schema wants a body all the same
        _sub(_sub(body, "hcontainer", eId="body_empty", name="empty"), "content").append(ET.Element(_q("p")))
    if doc.signature:
        conclusions = _sub(act, "conclusions")
        for line in doc.signature.splitlines():
            if line.strip():
                _sub(conclusions, "p").text = line.strip()
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
