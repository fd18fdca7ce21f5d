"""The library behind each command: one method per question a user asks.

:class:`Library` holds a corpus and a store.  ``show`` (the text as of a
date, as known on a date), ``text`` (the same as plain text, from the text
index), ``diff`` (what changed between two dates), ``history`` (the time
line of a law or of one unit), ``acts``, ``effective``, ``check`` and
``laws`` each return a complete value (:mod:`consolidate.results`) that a
renderer prints.  Compiled time lines are kept per (law, language, known-on
date) for the life of the :class:`Library`, and in the store
(:mod:`consolidate.store.timelines`).
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .corpus import Corpus
from .diff import Diff, diff as _diff
from .errors import ConsolidationError, DataError, UnknownProvision
from .languages import PREFERRED
from .law import Act, Law
from .model import ROOT, Effective, Kind, Progress
from .results import ActRow, ActsReport, Exception_, History, LawSummary, Limit, Reading, StepRow, Work
from .store.files import Store
from .timeline.compile import compile_timeline
from .timeline.query import Timeline, View

if TYPE_CHECKING:
    from .checks import CheckReport
    from .commencement import Commencement
    from .store.text_index import Index
    from .store.usage import Pruned, Usage


def work_of(law: Law) -> Work:
    return Work(law.slug, law.work, law.number, law.adopted, dict(law.titles))


@attrs.define
class Library:
    """A corpus and the time lines compiled from it."""

    corpus: Corpus
    store: Store = attrs.field(factory=lambda: Store(None))
    progress: Progress | None = None  # hears of long work (the CLI reports it on stderr)
    _timelines: dict[tuple[str, str, _dt.date | None], Timeline] = attrs.field(factory=dict, init=False)
    _indexes: dict[tuple[str, str, _dt.date | None], "Index"] = attrs.field(factory=dict, init=False)

    @classmethod
    def open(cls, root: Path | str | None = None, *, store: Store | None = None,
             progress: Progress | None = None) -> "Library":
        """The corpus at ``root`` (default: ``$CONSOLIDATE_CORPUS``, else the shipped one) with
        the store ``store`` (default: the folder ``$CONSOLIDATE_CACHE`` names, see
        :mod:`consolidate.environment`)."""
        from . import environment

        if store is None:
            store = Store(environment.store_dir())
        return cls(Corpus(Path(root if root is not None else environment.corpus_root())), store, progress)

    def law(self, slug: str) -> Law:
        return self.corpus.law(slug)

    def laws(self) -> list[LawSummary]:
        out = []
        for slug in self.corpus.slugs():
            law = self.law(slug)
            title = law.titles.get(PREFERRED) or next(iter(law.titles.values()), "")
            out.append(LawSummary(slug, law.number, law.adopted, law.langs(), len(law.acts), title))
        return out

    def timeline(self, slug: str, lang: str, known_on: _dt.date | None = None) -> Timeline:
        key = (slug, lang, known_on)
        if key not in self._timelines:
            from .store.timelines import load_or_compile

            compile_fn = partial(compile_timeline, progress=self.progress)
            self._timelines[key] = load_or_compile(self.store, str(self.corpus.root), self.law(slug), lang, known_on,
                                                   compile_fn)
        return self._timelines[key]

    # -- the text -------------------------------------------------------------------------

    def show(
        self, slug: str, as_of: _dt.date, *, lang: str, known_on: _dt.date | None = None,
        provision: str | None = None, notes: bool = False, referrers: bool = False,
    ) -> Reading:
        """The law as of ``as_of`` (as known on ``known_on``), or one unit of it and its subtree;
        with the footnotes generated from the operations (``notes``) and, for each unit shown,
        the units whose text refers to it (``referrers``)."""
        view = self.timeline(slug, lang, known_on).as_of(as_of)
        doc = view.document
        if provision is not None:
            if provision not in doc:
                raise UnknownProvision(f"no provision {provision!r} in {slug} ({lang}) as of {as_of.isoformat()}")
            keep = {p.eid: p for _, p in doc.walk(provision)}
            root = attrs.evolve(doc.units[ROOT], children=(provision,))
            doc = attrs.evolve(doc, units={ROOT: root, **keep}, signature=None, notes=())
        law = self.law(slug)
        snap = law.base(lang)
        refs = None
        if referrers:
            from .graph import build_graph, referrers as refs_of

            g = build_graph(view.document)
            refs = {p.eid: tuple(refs_of(g, p.eid)) for _, p in view.document.walk(provision or ROOT)
                    if p.eid != ROOT}
        return Reading(work_of(law), view, doc, snap.label if snap else "", provision,
                       self._generated_notes(view) if notes else None, refs)

    def text(self, slug: str, as_of: _dt.date, *, lang: str, known_on: _dt.date | None = None) -> str:
        """What ``consolidate show`` prints for the whole law on ``as_of`` (plain
        text): laid out from the text index, each version once for all dates."""
        timeline = self.timeline(slug, lang, known_on)
        timeline.check_date(as_of)  # a day before the law: no text, and the error says why
        key = (slug, lang, known_on)
        index = self._indexes.get(key)
        if index is None:
            from .store.text_index import for_timeline

            index = self._indexes[key] = for_timeline(self.store, str(self.corpus.root), timeline)
        text = index.text_str(as_of)
        assert text is not None  # the index answers every day from the law's adoption on
        return text

    def write_indexes(self, slug: str, lang: str, *, text: bool = True, diff: bool = True) -> None:
        """Write the law's text index and diff index to the store unless current ones are
        there: from then on a plain ``show`` or ``diff`` is answered without the time line."""
        timeline = self.timeline(slug, lang)
        root = str(self.corpus.root)
        if text:
            from .store import text_index

            text_index.ensure(self.store, root, timeline)
        if diff:
            from .store import diff_index

            diff_index.ensure(self.store, root, timeline, self.progress)

    # -- the store ------------------------------------------------------------------------

    def _store_dir(self) -> str:
        if self.store.directory is None:
            raise DataError("the store is off (CONSOLIDATE_CACHE=off): nothing is kept between runs")
        return self.store.directory

    def store_usage(self) -> "Usage":
        """Where the store is and what it holds."""
        from .store.usage import usage

        return usage(self._store_dir())

    def prune_store(self) -> "Pruned":
        """Remove from the store what this corpus's current inputs no longer point at."""
        from .store.usage import prune

        return prune(self.corpus, self._store_dir())

    def _generated_notes(self, view: View) -> dict[str, tuple[str, ...]]:
        """Footnotes for every article (and chapter) changed by an act up to the
        date: from the base text's own footnotes for the acts it includes, and
        from the operations for the acts replayed after it."""
        from .grammar.notes import footnote

        tl = self.timeline(view.document.law, view.document.lang, view.known_on)
        law = tl.law
        doc = view.document
        parents = doc.parents()

        def article_of(eid: str) -> str | None:
            while eid in doc.units:
                if doc.units[eid].kind in (Kind.ARTICLE, Kind.CHAPTER):
                    return eid
                eid = parents.get(eid, "")
            return None

        known = {a.number for a in law.acts}
        acts_by_unit: dict[str, dict[str, str | None]] = defaultdict(dict)
        written: dict[str, str] = {}  # rules as the base text's footnotes write them
        # the acts the base text already includes, as its own footnotes name them
        for p in tl.base.units.values():
            for note in p.notes:
                if note.kind != "footnote":
                    continue
                target = note.subject or p.eid
                for ref in note.acts:
                    if ref.number not in known:
                        continue  # an act the corpus does not list: the base's own note still says it
                    acts_by_unit[target].setdefault(ref.number, None)
                    if ref.rule:
                        written.setdefault(ref.number, ref.rule)
        for step in tl.steps:
            if step.date > view.as_of or step.op is None:
                continue
            art = article_of(step.op.target)
            if art is None and step.op.target in doc.units:
                art = step.op.target
            if art is None:
                continue
            acts_by_unit[art].setdefault(step.act.number, step.op.place)
        out: dict[str, tuple[str, ...]] = {}
        for eid, acts in acts_by_unit.items():
            if eid not in doc.units:
                continue
            ordered = sorted(((law.act(n), place) for n, place in acts.items()),
                             key=lambda ap: (ap[0].adopted, ap[0].number))
            if ordered:
                out[eid] = (footnote(doc.units[eid], ordered, doc.lang, written),)
        return out

    # -- changes --------------------------------------------------------------------------

    def diff(self, slug: str, start: _dt.date, end: _dt.date, *, lang: str, provision: str | None = None) -> Diff:
        tl = self.timeline(slug, lang)
        if provision is not None and provision not in tl.chains:
            raise UnknownProvision(f"no provision {provision!r} in {slug} ({lang}) at any date")
        return _diff(tl, start, end, provision=provision)

    def history(self, slug: str, lang: str, provision: str | None = None) -> History:
        """Every step of the replay after the base text, with its date and derivation;
        or, for ``provision``, the versions of that unit."""
        tl = self.timeline(slug, lang)
        warnings = tuple(tl.warnings)
        if provision is not None:
            if provision not in tl.chains:
                raise UnknownProvision(f"no provision {provision!r} in {slug} ({lang}) at any date")
            return History(slug, lang, provision, versions=tuple(tl.chains[provision]), warnings=warnings)
        rows = tuple(
            StepRow(s.date, s.act.number, type(s.op).__name__ if s.op else None, s.op.place if s.op else None,
                    s.op.target if s.op else ", ".join(s.act.footnote.touches), s.applied, s.effective)
            for s in tl.steps)
        return History(slug, lang, None, steps=rows, warnings=warnings)

    # -- acts and rules -------------------------------------------------------------------

    def acts(self, slug: str) -> ActsReport:
        """Every amending act of the law with its facts, its rule as written and as read,
        and the dates its operations take effect."""
        law = self.law(slug)
        return ActsReport(law.slug, tuple(_act_row(a) for a in sorted(law.acts, key=lambda a: (a.adopted, a.number))))

    @staticmethod
    def effective(rule: str, *, published: _dt.date | None, adopted: _dt.date | None,
                  lang: str) -> Effective | None:
        """The date (or interval) from which a commencement rule as written puts an act into
        effect, with its derivation; None when the facts given cannot decide it."""
        from .grammar.rules import explain

        return explain(rule, published=published, adopted=adopted, lang=lang)

    def check(self, slug: str | None = None) -> list["CheckReport"]:
        """Validate the act files of ``slug`` (or of every law) and compare the replay with
        every check point."""
        slugs = [slug] if slug else self.corpus.slugs()
        if not slugs:
            raise DataError(f"nothing to check: the corpus at {self.corpus.root} holds no law")
        return [check_law(self.law(s)) for s in slugs]


def _act_row(act: Act) -> ActRow:
    error = None
    effs: dict[str, Effective | None] = {}
    try:
        if act.operations:
            effs = {op.place: act.effective(op) for op in act.operations}
        else:
            effs = {"(act)": act.effective_for("art_1")}
    except ConsolidationError as exc:  # reported in the listing, per act
        error, effs = str(exc), {}
    parsed = None
    exceptions: tuple[Exception_, ...] = ()
    footnoted = act.footnote.written_rule()
    rule_written = act.commencement_text or (footnoted[0] if footnoted else None)
    try:
        com = act.commencement
    except ConsolidationError as exc:
        com, error = None, str(exc)
    limits: tuple[Limit, ...] = ()
    if com is not None:
        parsed = str(com.general)
        exceptions = tuple(Exception_(s.places, str(s.rule), s.as_written) for s in com.exceptions)
        limits = _limits(act, com)
    elif footnoted is not None:
        from .grammar.rules import parse_rule

        try:
            parsed = str(parse_rule(*footnoted))
        except ConsolidationError as exc:
            error = str(exc)
    dates = sorted({(e.date.isoformat() if e.date else f"{e.earliest.isoformat()}/{e.latest.isoformat()}")
                    for e in effs.values() if e is not None})
    return ActRow(
        number=act.number, adopted=act.adopted, published=act.publication.date,
        publication_source=act.publication.source, publication_inferred=act.publication.inferred,
        title=act.title, rule=rule_written, parsed=parsed, effective=tuple(dates),
        derivation=next((e.derivation for e in effs.values() if e is not None), None),
        exceptions=exceptions, operations_available=act.operations_available, operations=len(act.operations),
        touches=act.touched(), error=error, limits=limits,
    )


def _limits(act: Act, com: "Commencement") -> tuple[Limit, ...]:
    """The act's time limits and suspensions, each with the units of this law it reaches."""
    from .numbering import is_within

    def reaches(places: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(op.target for op in act.operations
                                   if any(is_within(op.place, p) for p in places)))

    return (*(Limit("until", s.places, None, s.until, s.as_written, reaches=reaches(s.places))
              for s in com.sunsets),
            *(Limit("suspended", s.places, s.start, s.end, s.as_written, s.interim, reaches(s.places))
              for s in com.suspensions))


def check_law(law: Law) -> "CheckReport":
    """Validate every act file of ``law`` (each operation applies on its date; no two acts
    edit one unit on one day without a stated order) and compare the replay with every
    check point, unit by unit."""
    from .checks import CheckPoint, CheckReport, checkpoint_date, compare, same_day_conflicts
    from .formats.snapshot_file import read_snapshot

    slug = law.slug
    problems: list[str] = []
    checkpoints: list[CheckPoint] = []
    for lang in law.langs():
        try:
            tl = compile_timeline(law, lang, strict=False)
        except ConsolidationError as exc:  # the act files cannot be placed on the time line at all
            problems.append(f"[{lang}] {exc}")
            continue
        problems += [f"[{lang}] {error}" for _step, error in tl.errors]
        problems += [f"[{lang}] {p}" for p in same_day_conflicts(tl)]
        for snap in law.snapshots:
            if snap.lang != lang or snap.role != "check":
                continue
            day, note = checkpoint_date(tl, snap.includes)
            view = tl.as_of(day)
            check = read_snapshot(snap.path, law=slug, lang=lang)
            cmp = compare(view.in_force(), check, view.versions)
            checkpoints.append(CheckPoint(snap.label, lang, day, cmp.compared, cmp.identical, cmp.different,
                                          cmp.unknown, cmp.differences, note, spacing=cmp.spacing))
    from .importer import verify_sources

    problems += verify_sources(law)
    by_lang = Counter(op.lang for a in law.acts for op in a.operations)
    return CheckReport(slug, tuple(dict.fromkeys(problems)), tuple(checkpoints), len(law.acts),
                       sum(by_lang.values()), tuple(sorted(by_lang.items())))

