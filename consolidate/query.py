"""The library behind each command: one function per question a user asks.

``show`` (the text as of a date, as known on a date), ``text`` (the same as
plain text, from the text index), ``diff`` (what changed
between two dates), ``history`` (the time line of a law or of one unit).
Compiled time lines are kept per (law, language, known-on date) for the life
of the :class:`Library`, and on disk by :mod:`consolidate.cache`.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .corpus import Corpus, default_root
from .law import Law
from .model import Progress
from .diff import Diff, diff as _diff
from .errors import UnknownProvision
from .timeline import Timeline, View, compile_timeline

if TYPE_CHECKING:
    from .textindex import Index


@attrs.define
class Library:
    """A corpus and the time lines compiled from it."""

    corpus: Corpus
    progress: Progress | None = None  # hears of long compiles (the CLI reports them on stderr)
    _timelines: dict[tuple[str, str, _dt.date | None], Timeline] = attrs.field(factory=dict, init=False)
    _indexes: dict[tuple[str, str, _dt.date | None], "Index"] = attrs.field(factory=dict, init=False)

    @classmethod
    def open(cls, root: Path | None = None, *, progress: Progress | None = None) -> "Library":
        return cls(Corpus(root or default_root()), progress)

    def law(self, slug: str) -> Law:
        return self.corpus.law(slug)

    def timeline(self, slug: str, lang: str, known_on: _dt.date | None = None) -> Timeline:
        key = (slug, lang, known_on)
        if key not in self._timelines:
            law = self.law(slug)
            from functools import partial

            from .cache import load_or_compile

            compile_fn = partial(compile_timeline, progress=self.progress)
            self._timelines[key] = load_or_compile(law, lang, known_on, compile_fn)
        return self._timelines[key]

    def show(
        self, slug: str, as_of: _dt.date, *, lang: str, known_on: _dt.date | None = None,
        provision: str | None = None,
    ) -> View:
        view = self.timeline(slug, lang, known_on).as_of(as_of)
        if provision is not None and provision not in view.document:
            raise UnknownProvision(
                f"no provision {provision!r} in {slug} ({lang}) as of {as_of.isoformat()}"
            )
        return view

    def text(self, slug: str, as_of: _dt.date, *, lang: str, known_on: _dt.date | None = None) -> str:
        """What ``consolidate show`` prints for the whole law on ``as_of`` (plain
        text): laid out from the text index, each version once for all dates."""
        timeline = self.timeline(slug, lang, known_on)
        timeline.check_date(as_of)  # a day before the law: no text, and the error says why
        key = (slug, lang, known_on)
        index = self._indexes.get(key)
        if index is None:
            from .textindex import for_timeline

            index = self._indexes[key] = for_timeline(str(self.corpus.root), timeline)
        text = index.text_str(as_of)
        assert text is not None  # the index answers every day from the law's adoption on
        return text

    def diff(self, slug: str, start: _dt.date, end: _dt.date, *, lang: str, provision: str | None = None) -> Diff:
        tl = self.timeline(slug, lang)
        if provision is not None and provision not in tl.chains:
            raise UnknownProvision(f"no provision {provision!r} in {slug} ({lang}) at any date")
        return _diff(tl, start, end, provision=provision)
