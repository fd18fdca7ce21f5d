"""A document laid out like the official consolidated text, as plain text or
in the Markdown shape of the kz-laws files.

Labels follow each language: "Глава 1." / "1-тарау." / "Chapter 1.",
"Статья 2-1." / "2-1-бап." / "Article 2-1.", paragraphs "1.", subparagraphs
"1)", unnumbered parts as plain blocks.  A unit whose text is unknown shows
its label and a marker — visibly, never blank and never a guess.  Generated
footnotes (``notes``: eId → lines) follow the unit they belong to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import ROOT, Document, Kind, Provision, Status

INDENT = "      "


def heading_label(p: Provision, lang: str) -> str:
    if p.kind is Kind.CHAPTER:
        return f"{p.num}-тарау." if lang == "kaz" else ("Chapter" if lang == "eng" else "Глава") + f" {p.num}."
    if p.kind is Kind.ARTICLE:
        return f"{p.num}-бап." if lang == "kaz" else ("Article" if lang == "eng" else "Статья") + f" {p.num}."
    return ""


def unit_label(p: Provision) -> str:
    if p.kind is Kind.PARAGRAPH:
        return f"{p.num}."
    if p.kind is Kind.SUBPARAGRAPH:
        return f"{p.num})"
    return ""


def _lines(doc: Document, notes: Mapping[str, Sequence[str]] | None, marker: str, md: bool) -> list[str]:
    out: list[str] = []
    lang = doc.lang

    def block(text: str) -> None:
        out.append(text if md else INDENT + text)
        out.append("")

    def visit(eid: str) -> None:
        p = doc.units[eid]
        unknown = p.status is Status.UNKNOWN
        if p.kind in (Kind.CHAPTER, Kind.ARTICLE):
            head = heading_label(p, lang)
            title = marker if unknown else (p.heading or "")
            prefix = ("## " if p.kind is Kind.CHAPTER else "### ") if md else ""
            out.append(f"{prefix}{head} {title}".rstrip())
            out.append("")
        elif p.kind is not Kind.PREAMBLE:
            label = unit_label(p)
            text = marker if unknown else p.text
            block(f"{label} {text}".strip() if label else text)
        for c in p.children:
            visit(c)
        for line in (notes or {}).get(eid, ()):
            block(line)

    title = doc.title
    out.append(f"# {title}" if md else title)
    out.append("")
    for c in doc.units[ROOT].children:
        visit(c)
    if doc.signature:
        for line in doc.signature.splitlines():
            block(line.strip())
    while out and not out[-1]:
        out.pop()
    return out


def render_text(doc: Document, *, notes: Mapping[str, Sequence[str]] | None = None,
                unknown_marker: str = "[text unknown]") -> str:
    return "\n".join(_lines(doc, notes, unknown_marker, md=False)) + "\n"


def render_markdown(doc: Document, *, notes: Mapping[str, Sequence[str]] | None = None,
                    unknown_marker: str = "[text unknown]") -> str:
    return "\n".join(_lines(doc, notes, unknown_marker, md=True)) + "\n"
