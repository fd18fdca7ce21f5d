"""HTML pages of a law as of a date, of a diff, of a unit's history, of the laws
and of an error: the pages of ``consolidate serve`` and of ``--format html``.

The pages are Jinja2 templates (``consolidate/templates/``), given values built
here from what the library returns: plain HTML and CSS, every text escaped by
the template engine, ``lang`` in BCP 47 (``ru``, ``kk``, ``en``), the page's own
words in the text's language.  Every unit is an element whose ``id`` is its
eId (``#art_15__para_1__subpara_4`` points at one subparagraph), shows its
status and, in the margin, the act behind its wording and the date it took
effect.  A unit whose text is unknown shows its label and says so, with the
reason; it is never filled in.

Links between pages (the date form, the language switch, a unit's history) are
made by :class:`Links`, given by the web app; a page written to a file
(``--format html``) has none and links only inside itself.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

import attrs
from dateutil.relativedelta import relativedelta

from ..changes import KINDS
from ..languages import BCP47, LANGS
from ..model import ROOT, Document, Effective, Kind, Provision, Status
from ..redline import Segment, word_diff
from .layout import UNKNOWN, heading_label, status_lines, unit_label
from .lines import DEFAULT_REASON

if TYPE_CHECKING:
    import jinja2

    from ..diff import Diff, UnitChange
    from ..results import History, LawSummary, Reading, Work
    from ..timeline.chain import Version

def _load_words() -> tuple[Mapping[str, Mapping[str, str]], Mapping[str, Mapping[str, str]]]:
    """The pages' own words and the status names, per language: data, in ``templates/words.toml``."""
    import tomllib
    from importlib.resources import files

    data = tomllib.loads(files("consolidate").joinpath("templates/words.toml").read_text(encoding="utf-8"))
    return data["words"], data["status"]


#: the pages' own words, in each language of the texts, and a unit's status as the pages name
#: it, by :class:`~consolidate.model.Status` value
WORDS, STATUS_LABELS = _load_words()

LANG_NAMES = {"rus": "Русский", "kaz": "Қазақша", "eng": "English"}


def words(lang: str) -> Mapping[str, str]:
    return WORDS.get(lang, WORDS["eng"])


def status_label(status: str, lang: str) -> str:
    return STATUS_LABELS.get(status, {}).get(lang) or STATUS_LABELS.get(status, {}).get("eng") or status


def bcp47(lang: str) -> str:
    """The HTML ``lang`` of a corpus language (``rus`` → ``ru``)."""
    return BCP47.get(lang, lang)


@attrs.frozen
class Links:
    """The web app's URLs (under ``root``, the app's own path): one place that writes them."""

    root: str = ""

    def _url(self, path: str, **query: str | None) -> str:
        q = {k: v for k, v in query.items() if v}
        return self.root + path + ("?" + urlencode(q) if q else "")

    def laws(self) -> str:
        return self.root + "/"

    def law(self, slug: str, day: _dt.date | None = None, lang: str | None = None, eid: str | None = None) -> str:
        path = f"/{quote(slug)}" + (f"/{quote(eid)}" if eid else "")
        return self._url(path, as_of=day.isoformat() if day else None, lang=bcp47(lang) if lang else None)

    def timeline(self, slug: str, eid: str, lang: str | None = None) -> str:
        return self._url(f"/{quote(slug)}/{quote(eid)}/timeline", lang=bcp47(lang) if lang else None)

    def diff(self, slug: str, start: _dt.date | None = None, end: _dt.date | None = None,
             lang: str | None = None) -> str:
        return self._url(f"/{quote(slug)}/diff", **{"from": start.isoformat() if start else None,
                                                     "to": end.isoformat() if end else None,
                                                     "lang": bcp47(lang) if lang else None})

    def api(self, page: str) -> str:
        """The JSON of a page (its path and query, under ``root``)."""
        return self.root + "/api" + page[len(self.root):]


# -- the values the templates show -----------------------------------------------------------


@attrs.frozen
class ActName:
    """An amending act as a page names it: its number, and its adoption when known."""

    number: str
    adopted: _dt.date | None = None

    def __str__(self) -> str:
        return f"{self.number} ({self.adopted.strftime('%d.%m.%Y')})" if self.adopted else self.number


@attrs.frozen
class UnitView:
    eid: str
    kind: str
    status: str
    status_label: str
    label: str  # "13-бап." / "Статья 13." / "1." / "1)" / ""
    heading: str | None
    text: str | None  # None: unknown
    acts: tuple[ActName, ...]
    since: _dt.date | None
    note: str | None  # what the status needs said: the reason a text is unknown, ...
    note_lang: str | None  # the note's language when it is not the page's (the engine's reasons are English)
    footnotes: tuple[str, ...]
    children: tuple["UnitView", ...]

    @property
    def heads(self) -> bool:
        """Chapters and articles print their label and heading as a heading."""
        return self.kind in ("chapter", "article")


@attrs.frozen
class TocEntry:
    eid: str
    depth: int
    label: str
    heading: str
    status: str


def act_names(numbers: Iterable[str], adopted: Mapping[str, _dt.date] | None) -> tuple[ActName, ...]:
    return tuple(ActName(n, (adopted or {}).get(n)) for n in numbers)


def unit_note(p: Provision, v: "Version | None", lang: str, coming: "Version | None" = None,
              adopted: Mapping[str, _dt.date] | None = None) -> tuple[str | None, str | None]:
    """What a unit's status needs said beside its text, and the language it is in (the
    engine's notes are English): the reason a text is unknown; the coming wording of a
    change that is law but not yet in effect, with its act and day (or interval); since when
    and by which act a unit is suspended or expired; a limit in time its own text sets.
    The same notes as the text's (:func:`consolidate.render.layout.status_lines`)."""
    if p.status is Status.UNKNOWN:
        return (v.reason if v is not None and v.reason else DEFAULT_REASON), "en"
    said = status_lines(p, v, coming, lang, UNKNOWN[lang], adopted or {}, md=True)
    return (" ".join(said), "en") if said else (None, None)


def unit_views(doc: Document, versions: Mapping[str, "Version"], *, adopted: Mapping[str, _dt.date] | None,
               notes: Mapping[str, Sequence[str]] | None, start: str = ROOT,
               coming: Mapping[str, "Version"] | None = None) -> tuple[UnitView, ...]:
    lang = doc.lang

    def view(eid: str) -> UnitView:
        p = doc.units[eid]
        v = versions.get(eid)
        unknown = p.status is Status.UNKNOWN
        note, note_lang = unit_note(p, v, lang, (coming or {}).get(eid), adopted)
        return UnitView(
            eid=p.eid, kind=p.kind.value, status=p.status.value, status_label=status_label(p.status.value, lang),
            label=heading_label(p, lang) or unit_label(p), heading=None if unknown else p.heading,
            text=None if unknown else p.text, acts=act_names(v.acts if v else (), adopted),
            since=v.since if v else None, note=note, note_lang=note_lang,
            footnotes=tuple((notes or {}).get(eid, ())), children=tuple(view(c) for c in p.children))

    return tuple(view(c) for c in doc.units[start].children)


def toc(doc: Document) -> tuple[TocEntry, ...]:
    """The chapters and articles (and the preamble), in document order."""
    out = []
    for depth, p in doc.walk():
        if p.kind in (Kind.CHAPTER, Kind.ARTICLE):
            heading = "" if p.status is Status.UNKNOWN else (p.heading or "")
            out.append(TocEntry(p.eid, depth - 1, heading_label(p, doc.lang), heading, p.status.value))
    return tuple(out)


# -- the pages --------------------------------------------------------------------------------


@functools.cache
def environment() -> "jinja2.Environment":
    """The templates, every value escaped (``autoescape``), loaded once."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("consolidate", "templates"),
                             autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(bcp47=bcp47, status_label=status_label, LANG_NAMES=LANG_NAMES, words=words)
    return env


def _render(template: str, **values: Any) -> str:
    text = environment().get_template(template).render(**values)
    return text if text.endswith("\n") else text + "\n"


def law_page(reading: "Reading", *, adopted: Mapping[str, _dt.date] | None = None,
             links: Links | None = None, langs: Sequence[str] = ()) -> str:
    """The law (or the unit ``reading.provision`` and what it contains) as of a date."""
    doc, view = reading.document, reading.view
    present = {p.status.value for p in doc.units.values()}
    return _render(
        "law.html", reading=reading, doc=doc, view=view, w=words(doc.lang), lang=doc.lang,
        work=reading.work, expression=reading.work.expression_uri(doc.lang, view.as_of),
        units=unit_views(doc, view.versions, adopted=adopted, notes=reading.notes, coming=view.coming), toc=toc(doc),
        legend=[s.value for s in Status if s.value in present or s is Status.IN_EFFECT],
        warnings=_group_warnings((w.eid, w.message) for w in view.warnings),
        links=links, langs=[lang for lang in LANGS if lang in langs],
        diff_from=view.as_of - relativedelta(years=1))  # the diff form's first day: a year before


def _group_warnings(pairs: Iterable[tuple[str | None, str]]) -> list[tuple[str, list[str]]]:
    """One entry per distinct message, with the units it concerns."""
    by_message: dict[str, list[str]] = {}
    for eid, message in pairs:
        eids = by_message.setdefault(message, [])
        if eid is not None and eid not in eids:
            eids.append(eid)
    return list(by_message.items())


@attrs.frozen
class ChangeView:
    eid: str
    change: str
    label: str
    renumbered_from: str | None
    words: tuple[Segment, ...] | None  # the redline of a modification whose two wordings are known
    before: str | None  # a whole wording removed (None: unknown)
    after: str | None
    show_before: bool
    show_after: bool


@attrs.frozen
class ActGroup:
    """The changes one act (or several together) made, with the days they took effect."""

    acts: tuple[ActName, ...]
    effective: tuple[str, ...]
    changes: tuple[ChangeView, ...]


def _when(e: Effective) -> str:
    return e.date.isoformat() if e.date else f"{e.earliest.isoformat()} … {e.latest.isoformat()}"


def _known_text(p: Provision | None) -> str | None:
    if p is None or p.status is Status.UNKNOWN:
        return None
    return p.text if not p.heading else (f"{p.heading} {p.text}".strip())


def _change_view(c: "UnitChange", lang: str) -> ChangeView:
    unit = c.after or c.before
    label = (heading_label(unit, lang) or unit_label(unit)) if unit is not None else ""
    return ChangeView(c.eid, c.change, label, c.renumbered_from, c.words if c.after is not None else None,
                      _known_text(c.before), _known_text(c.after),
                      c.before is not None and c.change != "added", c.after is not None and c.change != "removed")


def act_groups(d: "Diff") -> tuple[ActGroup, ...]:
    """The diff's changes grouped by the acts behind them, the earliest in effect first."""
    groups: dict[tuple[str, ...], list["UnitChange"]] = {}
    for c in d.changes:
        groups.setdefault(c.acts, []).append(c)

    def first(cs: list["UnitChange"]) -> tuple[_dt.date, str]:
        days = [e.earliest for c in cs for e in c.effective]
        return (min(days) if days else _dt.date.max, ",".join(cs[0].acts))

    out = []
    for acts, cs in sorted(groups.items(), key=lambda kv: first(kv[1])):
        effective = tuple(sorted({_when(e) for c in cs for e in c.effective}))
        out.append(ActGroup(act_names(acts, d.adopted), effective, tuple(_change_view(c, d.lang) for c in cs)))
    return tuple(out)


def diff_page(d: "Diff", *, work: "Work | None" = None, links: Links | None = None) -> str:
    """What changed from one date to another, grouped by act, with a legend (the usual kinds
    of change, and any other the diff has)."""
    present = {c.change for c in d.changes}
    kinds = [k for k in KINDS if k in ("added", "modified", "repealed", "removed", "renumbered") or k in present]
    return _render("diff.html", d=d, w=words(d.lang), lang=d.lang, work=work, kinds=kinds,
                   title=(work.titles.get(d.lang) if work else None) or d.law,
                   groups=act_groups(d), links=links,
                   from_expression=work.expression_uri(d.lang, d.start) if work else None,
                   to_expression=work.expression_uri(d.lang, d.end) if work else None)


@attrs.frozen
class VersionView:
    since: _dt.date | None
    until: _dt.date | None  # None: still in effect
    status: str
    text: str | None
    acts: tuple[ActName, ...]
    derivations: tuple[str, ...]
    note: str | None
    redline: tuple[Segment, ...] | None  # against the previous version, when both wordings are known
    expression: str | None
    shown_on: _dt.date | None  # a day the law shows this version on (the base text's: the law's adoption)


def version_views(h: "History", *, adopted: Mapping[str, _dt.date] | None,
                  work: "Work | None") -> tuple[VersionView, ...]:
    out = []
    previous: str | None = None
    versions = list(h.versions)
    for i, v in enumerate(versions):
        unit = v.unit
        status = unit.status.value if unit is not None else "absent"
        known = unit is not None and unit.status is not Status.UNKNOWN
        text = unit.text if unit is not None and known else None
        note = None
        if unit is not None:
            note = unit_note(unit, v, h.lang, None, adopted)[0]
        redline = word_diff(previous, text) if previous is not None and text is not None and previous != text else None
        until = versions[i + 1].since if i + 1 < len(versions) else None
        out.append(VersionView(v.since, until, status, text, act_names(v.acts, adopted),
                               tuple(dict.fromkeys(e.derivation for e in v.effective)), note, redline,
                               work.expression_uri(h.lang, v.since) if work is not None and v.since else None,
                               v.since or (work.adopted if work is not None else None)))
        if text is not None:
            previous = text
    return tuple(out)


def timeline_page(h: "History", *, work: "Work | None" = None, adopted: Mapping[str, _dt.date] | None = None,
                  links: Links | None = None, langs: Sequence[str] = ()) -> str:
    """Every version of one unit, the latest first: its days, status, acts and derivation,
    and the redline against the wording before it."""
    assert h.provision is not None, "the history of one unit"
    units = [v.unit for v in h.versions if v.unit is not None]
    label = (heading_label(units[-1], h.lang) or unit_label(units[-1])) if units else ""
    return _render("timeline.html", h=h, w=words(h.lang), lang=h.lang, work=work, label=label,
                   title=(work.titles.get(h.lang) if work else None) or h.law,
                   versions=tuple(reversed(version_views(h, adopted=adopted, work=work))), links=links,
                   langs=[lang for lang in LANGS if lang in langs])


def laws_page(summaries: Sequence["LawSummary"], works: Mapping[str, "Work"], *, links: Links) -> str:
    return _render("laws.html", laws=summaries, works=works, links=links, lang="eng", w=words("eng"))


def error_page(status: int, message: str, *, links: Links | None = None) -> str:
    """A short page that says what is wrong (a 404 or a 400), never a traceback."""
    return _render("error.html", status=status, message=message, links=links, lang="eng", w=words("eng"))


# -- what ``--format html`` writes ----------------------------------------------------------


def render_html(reading: "Reading") -> str:
    """``show --format html``: the law page as a file."""
    return law_page(reading)


def render_diff_html(d: "Diff") -> str:
    """``diff --format html``: the diff page as a file."""
    return diff_page(d)
