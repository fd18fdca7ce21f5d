"""A standalone HTML page of a text as of a date, or of a diff (``--format html``).

Every unit is an element whose ``id`` is its eId, so a link such as
``#art_15__para_1__subpara_4`` points at one subparagraph; unknown units are
marked as such, never filled in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from ..model import ROOT, Document, Kind, Provision, Status

if TYPE_CHECKING:
    from ..diff import Diff
    from ..results import Reading

_CSS = """body{font-family:serif;max-width:50em;margin:2em auto;line-height:1.45}
.chapter>h2{text-align:center}.article>h3{margin-top:1.5em}.unit{margin:.4em 0 .4em 1.5em}
.unknown{color:#a00;font-style:italic}.repealed{color:#666}.note{font-size:.9em;color:#444}
.since{color:#888;font-size:.8em}del{color:#a00}ins{color:#060}.warning{color:#a60}"""

_WORDS = {
    "rus": {"chapter": "Глава", "article": "Статья", "unknown": "текст на эту дату неизвестен"},
    "kaz": {"chapter": "тарау", "article": "бап", "unknown": "text unknown"},
    "eng": {"chapter": "Chapter", "article": "Article", "unknown": "text unknown"},
}


def label(p: Provision, lang: str) -> str:
    words = _WORDS.get(lang, _WORDS["eng"])
    if p.kind is Kind.CHAPTER:
        return f"{p.num}-{words['chapter']}." if lang == "kaz" else f"{words['chapter']} {p.num}."
    if p.kind is Kind.ARTICLE:
        return f"{p.num}-{words['article']}." if lang == "kaz" else f"{words['article']} {p.num}."
    if p.kind is Kind.PARAGRAPH:
        return f"{p.num}."
    if p.kind is Kind.SUBPARAGRAPH:
        return f"{p.num})"
    return ""


def render_html(reading: "Reading") -> str:
    doc, view, notes = reading.document, reading.view, reading.notes
    lang = doc.lang
    words = _WORDS.get(lang, _WORDS["eng"])
    out = [f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">',
           f"<title>{escape(doc.title)} — {view.as_of.isoformat()}</title><style>{_CSS}</style></head><body>",
           f"<h1>{escape(doc.title)}</h1>",
           f'<p class="since">as of {view.as_of.isoformat()}'
           + (f", as known on {view.known_on.isoformat()}" if view.known_on else "") + "</p>"]
    for w in view.warnings:
        out.append(f'<p class="warning">{escape(w.message)}</p>')

    def unit(eid: str) -> None:
        p = doc.units[eid]
        v = view.versions.get(eid)
        cls = f"unit {p.kind.value} {p.status.value}"
        since = f' data-since="{v.since.isoformat()}"' if v is not None and v.since else ""
        out.append(f'<div class="{cls}" id="{escape(eid)}"{since}>')
        head = label(p, lang)
        if p.kind in (Kind.CHAPTER, Kind.ARTICLE):
            tag = "h2" if p.kind is Kind.CHAPTER else "h3"
            heading = escape(p.heading or "") if p.status is not Status.UNKNOWN else ""
            out.append(f"<{tag}>{escape(head)} {heading}</{tag}>")
        if p.status is Status.UNKNOWN:
            out.append(f'<p class="unknown">{escape(head)} [{escape(words["unknown"])}]</p>')
        elif p.text:
            prefix = f"{escape(head)} " if head and p.kind not in (Kind.CHAPTER, Kind.ARTICLE) else ""
            out.append(f"<p>{prefix}{escape(p.text)}</p>")
        for c in p.children:
            unit(c)
        for line in (notes or {}).get(eid, ()):
            out.append(f'<p class="note">{escape(line)}</p>')
        out.append("</div>")

    for c in doc.units[ROOT].children:
        unit(c)
    if doc.signature:
        out.append(f'<p class="signature">{escape(doc.signature)}</p>')
    out.append("</body></html>\n")
    return "\n".join(out)


def render_diff_html(d: "Diff") -> str:
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
           f"<title>{escape(d.law)}: {d.start.isoformat()} → {d.end.isoformat()}</title>"
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{escape(d.law)} ({escape(d.lang)}): {d.start.isoformat()} → {d.end.isoformat()}</h1>"]
    for c in d.changes:
        acts = ", ".join(c.acts)
        out.append(f'<div class="change {c.change}" id="{escape(c.eid)}"><h3>{c.change} {escape(c.eid)}'
                   f'{" — " + escape(acts) if acts else ""}</h3>')
        before = c.before.text if c.before and c.before.status is not Status.UNKNOWN else None
        after = c.after.text if c.after and c.after.status is not Status.UNKNOWN else None
        if c.words is not None:
            parts = []
            for s in c.words:
                t = escape(s.text)
                parts.append(f"<del>{t}</del>" if s.kind == "delete" else f"<ins>{t}</ins>" if s.kind == "insert" else t)
            out.append("<p>" + "".join(parts) + "</p>")
        else:
            if c.before is not None and c.change != "added":
                out.append(f"<p><del>{escape(before or '[text unknown]')}</del></p>")
            if c.after is not None and c.change != "removed":
                out.append(f"<p><ins>{escape(after or '[text unknown]')}</ins></p>")
        out.append("</div>")
    out.append("</body></html>\n")
    return "\n".join(out)
