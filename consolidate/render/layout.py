"""A document laid out like the official consolidated text, as plain text or
in the Markdown shape of the kz-laws files.

Labels follow each language: "Глава 1." / "1-тарау." / "Chapter 1.",
"Статья 2-1." / "2-1-бап." / "Article 2-1.", paragraphs "1.", subparagraphs
"1)", unnumbered parts as plain blocks.  A unit whose text is unknown shows
its label and a marker — visibly, never blank and never a guess.  Generated
footnotes (``notes``: eId → lines) follow the unit they belong to.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import ROOT, Document, Kind, Provision, Status
from ..grammar.time_limits import time_limit
from .lines import coming_note, limit_note, status_note

if TYPE_CHECKING:
    from ..grammar.time_limits import TimeLimit
    from ..timeline.chain import Version
    from ..timeline.query import View

INDENT = "      "
# Every limit in time a text sets in its own words names its year in digits (see
# consolidate.grammar.time_limits); reading one folds the whole text, and most texts have none.
_YEAR = re.compile(r"\d{4}")


def own_limit(text: str, lang: str) -> "TimeLimit | None":
    """The limit in time ``text`` sets in its own words (:func:`time_limit`), looked for only in a
    text holding four digits in a row: the same answer, without folding the texts that cannot hold one."""
    return time_limit(text, lang) if _YEAR.search(text) else None

#: what a unit whose text is unknown shows instead, in each language
UNKNOWN = {"rus": "[текст на эту дату неизвестен]", "kaz": "[text unknown]", "eng": "[text unknown]"}


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


def unit_lines(p: Provision, lang: str, marker: str, md: bool) -> list[str]:
    """The lines of one unit's own block (its children come after it); each is
    followed by a blank line in the layout.  The text index stores them per
    version (:mod:`consolidate.textindex`), so this is the one place they are made."""
    unknown = p.status is Status.UNKNOWN
    if p.kind in (Kind.CHAPTER, Kind.ARTICLE):
        head = heading_label(p, lang)
        title = marker if unknown else (p.heading or "")
        prefix = ("## " if p.kind is Kind.CHAPTER else "### ") if md else ""
        return [f"{prefix}{head} {title}".rstrip()]
    if p.kind is Kind.PREAMBLE:
        return []
    label = unit_label(p)
    text = marker if unknown else p.text
    line = f"{label} {text}".strip() if label else text
    return [line if md else INDENT + line]


def title_line(doc: Document, md: bool) -> str:
    return f"# {doc.title}" if md else doc.title


def signature_lines(doc: Document, md: bool) -> list[str]:
    return [line.strip() if md else INDENT + line.strip() for line in (doc.signature or "").splitlines()]


def status_lines(p: Provision, version: "Version | None", coming: "Version | None", lang: str, marker: str,
                 adopted: "Mapping[str, _dt.date]", md: bool) -> list[str]:
    """The lines after a unit's own block that say what its status means: the coming
    wording of a change that is law but not yet in effect, the act and the day (or the
    interval) it takes effect; the end of an expired unit; a suspension; a limit in time
    the unit's own text sets (the law's rule: a note, never an expiry)."""
    out = []
    if coming is not None:
        out.append(coming_note(coming, lang, marker, adopted))
    if version is not None and version.unit is not None and version.unit.status in (Status.EXPIRED, Status.SUSPENDED):
        out.append(status_note(version, adopted))
    limit = own_limit(p.text, lang) if p.status is not Status.UNKNOWN else None
    if limit is not None:
        out.append(limit_note(limit.as_written, limit.until))
    return [line if md else INDENT + line for line in out]


def _lines(doc: Document, notes: Mapping[str, Sequence[str]] | None, marker: str, md: bool,
           view: "View | None" = None) -> list[str]:
    out: list[str] = []
    lang = doc.lang
    versions = view.versions if view is not None else {}
    coming = view.coming if view is not None else {}
    adopted = view.adopted if view is not None else {}

    def add(lines: Sequence[str]) -> None:
        for line in lines:  # every line is followed by a blank one
            out.append(line)
            out.append("")

    def visit(eid: str) -> None:
        p = doc.units[eid]
        add(unit_lines(p, lang, marker, md))
        add(status_lines(p, versions.get(eid), coming.get(eid), lang, marker, adopted, md))
        for c in p.children:
            visit(c)
        add([line if md else INDENT + line for line in (notes or {}).get(eid, ())])

    add([title_line(doc, md)])
    for c in doc.units[ROOT].children:
        visit(c)
    add(signature_lines(doc, md))
    while out and not out[-1]:
        out.pop()
    return out


def render_text(doc: Document, *, notes: Mapping[str, Sequence[str]] | None = None,
                unknown_marker: str = "[text unknown]", view: "View | None" = None) -> str:
    return "\n".join(_lines(doc, notes, unknown_marker, md=False, view=view)) + "\n"


def render_markdown(doc: Document, *, notes: Mapping[str, Sequence[str]] | None = None,
                    unknown_marker: str = "[text unknown]", view: "View | None" = None) -> str:
    return "\n".join(_lines(doc, notes, unknown_marker, md=True, view=view)) + "\n"
