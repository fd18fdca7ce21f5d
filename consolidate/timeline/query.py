"""A compiled law in one language, and the questions asked of it.

A :class:`Timeline` holds, for every eId ever present, its :class:`Chain` of
versions, the all-time order of each container's children, the days on
which versions start, the renumberings, the steps of the replay and the
warnings that hold on every date.  It is built by
:func:`consolidate.timeline.compile.compile_timeline` or read back from the
store (:mod:`consolidate.timeline.stored`), and answers: the text in effect
on a date (:meth:`Timeline.as_of`), the units changed between two dates
(:meth:`Timeline.changed_between`) and the stretches of time on which each
version is shown (:meth:`Timeline.shown`).

A version is shown on a day when it is its unit's version on that day and
every container above it is shown too: :meth:`Timeline.shown` is the one
place that rule is written; the text on a date and the text index both
follow it.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple
import attrs

from ..errors import ConsolidationError, InvalidDate
from ..law import Act, Law
from ..model import ROOT, Document, Effective, Provision
from ..operations import Operation
from ..phrases import uncertain_warning
from .chain import ABSENT, Chain, Version

#: a stretch of days ``[start, end)``; ``end`` None: still going on
Span = tuple[_dt.date, _dt.date | None]


@attrs.frozen
class Step:
    """One operation (or one act without operations) placed on the time line."""

    act: Act
    op: Operation | None
    effective: Effective
    applied: str  # "applied" | "blind" (text not in this language) | "included" (already in the base) | "hidden"
    gap: int | None = None  # the act stands for law.gaps[gap]: acts known to exist, missing from the corpus

    @property
    def date(self) -> _dt.date:
        return self.effective.latest


@attrs.frozen
class Warning_:
    eid: str | None
    message: str


class Rename(NamedTuple):
    """A renumbering on the time line: ``old`` became ``new`` on ``day`` by ``act``."""

    day: _dt.date
    old: str
    new: str
    act: str


@attrs.frozen
class View:
    """The text on one date: a document plus, per unit, its version."""

    document: Document
    versions: dict[str, Version]
    as_of: _dt.date
    known_on: _dt.date | None
    warnings: tuple[Warning_, ...]

    def provisions(self) -> list[tuple[Provision, Version]]:
        return [(p, self.versions[p.eid]) for p in self.document.provisions()]


def _cut(spans: Iterable[tuple[_dt.date, _dt.date | None, Version]],
         within: Sequence[Span]) -> list[tuple[_dt.date, _dt.date | None, Version]]:
    """The parts of ``spans`` that lie inside the stretches ``within`` (both in time order)."""
    out = []
    for lo, hi, v in spans:
        for a, b in within:
            start = lo if lo > a else a
            if hi is None:
                end = b
            elif b is None:
                end = hi
            else:
                end = hi if hi < b else b
            if end is None or start < end:
                out.append((start, end, v))
    return out


class Timeline:
    """Version chains of every unit of one law in one language."""

    def __init__(self, *, law: Law, lang: str, base: Document, known_on: _dt.date | None,
                 chains: Mapping[str, Chain], order: Mapping[str, Sequence[str]],
                 events: Sequence[tuple[_dt.date, str]], renames: Sequence[Rename],
                 steps: Sequence[Step], all_steps: Sequence[Step],
                 errors: Sequence[tuple[Step, ConsolidationError]], warnings: Sequence[Warning_],
                 uncertain: Mapping[str, Sequence[tuple[Effective, str]]], adopted: Mapping[str, _dt.date]) -> None:
        self.law = law
        self.lang = lang
        self.base = base
        self.known_on = known_on
        self.chains = chains  # eId → its versions
        self.order = order  # container → every child ever, in document order
        self.events = events  # (date, eId) of every version change, sorted
        self.renames = renames  # in replay order
        self.steps = steps  # the steps replayed forward, in replay order
        self.all_steps = all_steps  # every step, those the base includes first
        self.errors = errors  # operations that did not apply (a lenient compile, for `check`)
        self.warnings = warnings  # hold on every date (acts not applicable)
        self.uncertain = uncertain  # eId → (effective interval, act) of changes of uncertain date
        self.adopted = adopted  # act → adoption date, for naming acts without loading them
        self._index = {e: i for i, e in enumerate(self._all_order())}
        # the texts of the last few stretches between events (a server or a session asks for
        # nearby dates again and again); warnings depend on the day and are made on each call
        self._views: dict[int, tuple[dict[str, Provision], dict[str, Version], list[tuple[str, Version]]]] = {}

    # -- units and versions ----------------------------------------------------------------

    def _all_order(self) -> list[str]:
        out: list[str] = []
        stack = [ROOT]
        while stack:
            e = stack.pop()
            out.append(e)
            stack.extend(reversed(self.order.get(e, ())))
        return out

    def chain(self, eid: str) -> Chain:
        """The versions of ``eid`` (a unit that never existed has one absent version)."""
        found = self.chains.get(eid)
        return found if found is not None else _NEVER

    def version_at(self, eid: str, day: _dt.date) -> Version:
        return self.chain(eid).at(day)

    def versions_between(self, eid: str, a: _dt.date, b: _dt.date) -> list[Version]:
        """The versions of ``eid`` that start in ``(a, b]``."""
        return self.chain(eid).between(a, b)

    def check_date(self, day: _dt.date) -> None:
        if day < self.law.adopted:
            raise InvalidDate(
                f"{self.law.slug} ({self.law.number}) was adopted on {self.law.adopted.isoformat()}; "
                f"there is no text on {day.isoformat()}"
            )

    # -- what is shown -----------------------------------------------------------------------

    def shown(self, start: _dt.date, end: _dt.date | None) -> Iterator[tuple[str, list[tuple[_dt.date, _dt.date | None, Version]]]]:
        """In document order, every unit shown at some time in ``[start, end)`` (``end`` None:
        open), with the stretches on which each of its versions is shown: the version's own
        span, cut by the stretches on which its container is shown.  The root comes first."""
        chains = self.chains
        order = self.order
        stack: list[tuple[str, Sequence[Span]]] = [(ROOT, [(start, end)])]
        while stack:
            eid, within = stack.pop()
            chain = chains.get(eid)
            if chain is None:
                continue
            starts, n = chain.starts, len(chain)
            # the versions in effect at some time in [start, end)
            last = n - 1 if end is None else bisect_left(starts, end) - 1
            own = []
            for i in range(chain.index_at(start), last + 1):
                v = chain[i]
                if v.unit is not None:
                    own.append((starts[i], starts[i + 1] if i + 1 < n else None, v))
            spans = _cut(own, within)
            if not spans:
                continue
            yield eid, spans
            kids = order.get(eid)
            if kids:
                shown_within = [(lo, hi) for lo, hi, _v in spans]
                stack.extend((c, shown_within) for c in reversed(kids))

    def as_of(self, day: _dt.date) -> View:
        """The text in effect on ``day``."""
        self.check_date(day)
        epoch = bisect_right(self.events, (day, "\uffff"))
        memo = self._views
        hit = memo.pop(epoch, None)
        if hit is None:
            hit = self._text_at(day)
            while len(memo) >= 8:
                memo.pop(next(iter(memo)))  # the least recently used
        memo[epoch] = hit
        units, versions, doubtful = hit
        warnings: list[Warning_] = list(self.warnings)
        for eid, v in doubtful:
            for eff, act in self.uncertain[eid]:
                if eff.earliest <= day < eff.latest:
                    warnings.append(Warning_(
                        eid, uncertain_warning(act, day, eff.earliest, eff.latest, v.start < eff.latest)))
        doc = attrs.evolve(self.base, units=dict(units))
        return View(doc, dict(versions), day, self.known_on, tuple(warnings))

    def _text_at(self, day: _dt.date) -> tuple[dict[str, Provision], dict[str, Version], list[tuple[str, Version]]]:
        """Every unit shown on ``day`` with its version, and the units an act of
        uncertain date touches (in document order)."""
        versions: dict[str, Version] = {}
        visited: list[str] = []
        end = day + _dt.timedelta(days=1) if day < _dt.date.max else None
        for eid, spans in self.shown(day, end):
            versions[eid] = spans[0][2]
            visited.append(eid)
        units: dict[str, Provision] = {}
        order = self.order
        for eid in visited:
            unit = versions[eid].unit
            assert unit is not None
            kids = tuple(c for c in order.get(eid, ()) if c in versions)
            units[eid] = unit if unit.children == kids else attrs.evolve(unit, children=kids)
        uncertain = self.uncertain
        doubtful = [(eid, versions[eid]) for eid in visited if eid in uncertain]
        return units, versions, doubtful

    # -- what changed ------------------------------------------------------------------------

    def changed_between(self, a: _dt.date, b: _dt.date) -> list[str]:
        """eIds with a version change in ``(a, b]``, in document order."""
        lo = bisect_right(self.events, (a, "\uffff"))
        hi = bisect_right(self.events, (b, "\uffff"))
        return self.in_document_order({e for _, e in self.events[lo:hi]})

    def in_document_order(self, eids: Iterable[str]) -> list[str]:
        """``eids`` sorted by their place in the all-time order (any not in it last, by eId: never in set order)."""
        last = len(self._index)
        return sorted(eids, key=lambda e: (self._index.get(e, last), e))


_NEVER = Chain([ABSENT])

