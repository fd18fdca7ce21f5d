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
from ..model import ROOT, Document, Effective, Provision, Status
from ..operations import Operation
from ..phrases import uncertain_warning
from .chain import ABSENT, Chain, Version

#: a stretch of days ``[start, end)``; ``end`` None: still going on
Span = tuple[_dt.date, _dt.date | None]
#: what :meth:`Timeline._text_at` gives for a day: units, versions, coming versions, units of uncertain date
_Text = tuple[dict[str, Provision], dict[str, Version], dict[str, Version], list[tuple[str, Version]]]


@attrs.frozen
class Step:
    """One operation (or one act without operations) placed on the time line."""

    act: Act
    op: Operation | None
    effective: Effective
    applied: str  # "applied" | "blind" (text not in this language) | "included" (already in the base) | "hidden"
    #               | "expires" | "suspends" | "resumes" (a limit in time the act sets on the operation)
    gap: int | None = None  # the act stands for law.gaps[gap]: acts known to exist, missing from the corpus
    interim: tuple[Provision, ...] = ()  # "suspends": the units as they read while suspended

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
    """The text on one date: a document plus, per unit, its version (absent for a unit
    that is coming), the coming version of each unit a change of which is law but not
    yet in effect, and the acts' adoption dates (to name them)."""

    document: Document
    versions: dict[str, Version]
    as_of: _dt.date
    known_on: _dt.date | None
    warnings: tuple[Warning_, ...]
    coming: Mapping[str, Version] = attrs.field(factory=dict)
    adopted: Mapping[str, _dt.date] = attrs.field(factory=dict)

    def provisions(self) -> list[tuple[Provision, Version]]:
        return [(p, self.versions[p.eid]) for p in self.document.provisions()]

    def in_force(self) -> Document:
        """The document of what is in force on the date, as a consolidated text shows it:
        without the units that are only coming, and with the wording in force of those
        whose change is coming (status in effect)."""
        units = self.document.units
        gone = {eid for eid, v in self.versions.items() if v.unit is None}
        kept = {}
        for eid, p in units.items():
            if eid in gone:
                continue
            if p.status is Status.NOT_YET_IN_EFFECT:
                p = attrs.evolve(p, status=Status.IN_EFFECT)
            if any(c in gone for c in p.children):
                p = attrs.evolve(p, children=tuple(c for c in p.children if c not in gone))
            kept[eid] = p
        return attrs.evolve(self.document, units=kept)


Shown = tuple[_dt.date, _dt.date | None, Version, "Version | None"]


def _cut(spans: Iterable[Shown], within: Sequence[Span]) -> list[Shown]:
    """The parts of ``spans`` that lie inside the stretches ``within`` (both in time order)."""
    out = []
    for lo, hi, v, coming in spans:
        for a, b in within:
            start = lo if lo > a else a
            if hi is None:
                end = b
            elif b is None:
                end = hi
            else:
                end = hi if hi < b else b
            if end is None or start < end:
                out.append((start, end, v, coming))
    return out


def shown_unit(eid: str, version: Version, coming: Version | None) -> Provision:
    """The unit as a text shows it: its version's, ``not_yet_in_effect`` while a change of it
    is law but not in effect yet; a unit that is only coming is its number and nothing in
    force (its children are those of the version; a text keeps only the children it shows)."""
    unit = version.unit
    if unit is None:
        new = coming.unit if coming is not None else None
        assert new is not None, eid  # Timeline.shown gives an absent version only when it is coming
        return Provision(eid=eid, kind=new.kind, num=new.num, status=Status.NOT_YET_IN_EFFECT)
    if coming is not None and unit.status is Status.IN_EFFECT:
        return attrs.evolve(unit, status=Status.NOT_YET_IN_EFFECT)
    return unit


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
        self._law_days = sorted(set(adopted.values()))  # the text shown changes on these days too
        # the texts of the last few stretches between events (a server or a session asks for
        # nearby dates again and again); warnings depend on the day and are made on each call
        self._views: dict[tuple[int, int], _Text] = {}

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

    def adoption(self, version: Version) -> _dt.date | None:
        """The day the acts behind ``version`` became law (the last of them signed); None when
        one of them is not an act the corpus knows (acts known only to be missing)."""
        days = [self.adopted.get(a) for a in version.acts]
        if not days or None in days:
            return None
        return max(d for d in days if d is not None)

    def _own(self, chain: Chain, start: _dt.date, end: _dt.date | None) -> list[Shown]:
        """The stretches of ``[start, end)`` on which each version of ``chain`` is the unit's:
        (first day, day after the last, the version, the coming version).  Once the acts of
        the next version are law, the days until it takes effect are a stretch of their own
        with that version coming (also for a unit that does not exist yet: it is coming)."""
        starts, n = chain.starts, len(chain)
        last = n - 1 if end is None else bisect_left(starts, end) - 1
        out: list[Shown] = []
        for i in range(chain.index_at(start), last + 1):
            v = chain[i]
            lo, hi = starts[i], (starts[i + 1] if i + 1 < n else None)
            nxt = chain[i + 1] if hi is not None else None
            # an expiry is not a change coming: the unit is in effect until then (a suspension is:
            # the wording changes, to the interim one)
            law_on = (self.adoption(nxt) if nxt is not None and (nxt.unit is not None or v.unit is not None)
                      and not (nxt.unit is not None and nxt.unit.status is Status.EXPIRED) else None)
            if hi is not None and nxt is not None and law_on is not None and law_on < hi:
                pending = law_on if law_on > lo else lo
                if v.unit is not None and lo < pending:
                    out.append((lo, pending, v, None))
                out.append((pending, hi, v, nxt))
            elif v.unit is not None:
                out.append((lo, hi, v, None))
        return out

    def shown(self, start: _dt.date, end: _dt.date | None) -> Iterator[tuple[str, list[Shown]]]:
        """In document order, every unit shown at some time in ``[start, end)`` (``end`` None:
        open), with the stretches on which each of its versions is shown (see :meth:`_own`):
        the version's own span, cut by the stretches on which its container is shown.  A
        unit is shown while it is in force, and while a change of it is law but not yet in
        effect (the coming version is given).  The root comes first."""
        chains = self.chains
        order = self.order
        stack: list[tuple[str, Sequence[Span]]] = [(ROOT, [(start, end)])]
        while stack:
            eid, within = stack.pop()
            chain = chains.get(eid)
            if chain is None:
                continue
            spans = _cut(self._own(chain, start, end), within)
            if not spans:
                continue
            yield eid, spans
            kids = order.get(eid)
            if kids:
                shown_within = [(lo, hi) for lo, hi, _v, _c in spans]
                stack.extend((c, shown_within) for c in reversed(kids))

    def as_of(self, day: _dt.date) -> View:
        """The text in effect on ``day``."""
        self.check_date(day)
        epoch = (bisect_right(self.events, (day, "\uffff")), bisect_right(self._law_days, day))
        memo = self._views
        hit = memo.pop(epoch, None)
        if hit is None:
            hit = self._text_at(day)
            while len(memo) >= 8:
                memo.pop(next(iter(memo)))  # the least recently used
        memo[epoch] = hit
        units, versions, coming, doubtful = hit
        warnings: list[Warning_] = list(self.warnings)
        for eid, v in doubtful:
            for eff, act in self.uncertain[eid]:
                if eff.earliest <= day < eff.latest:
                    warnings.append(Warning_(
                        eid, uncertain_warning(act, day, eff.earliest, eff.latest, v.start < eff.latest)))
        doc = attrs.evolve(self.base, units=dict(units))
        return View(doc, dict(versions), day, self.known_on, tuple(warnings), dict(coming), self.adopted)

    def _text_at(self, day: _dt.date) -> "_Text":
        """Every unit shown on ``day`` with its version and its coming version, and the
        units an act of uncertain date touches (in document order).  A unit in effect whose
        change is law but not in effect yet is ``not_yet_in_effect``; a unit that is only
        coming is shown by its number, ``not_yet_in_effect``, with nothing in force."""
        versions: dict[str, Version] = {}
        coming: dict[str, Version] = {}
        visited: list[str] = []
        end = day + _dt.timedelta(days=1) if day < _dt.date.max else None
        for eid, spans in self.shown(day, end):
            _lo, _hi, versions[eid], nxt = spans[0]
            if nxt is not None:
                coming[eid] = nxt
            visited.append(eid)
        units: dict[str, Provision] = {}
        order = self.order
        for eid in visited:
            unit = shown_unit(eid, versions[eid], coming.get(eid))
            kids = tuple(c for c in order.get(eid, ()) if c in versions)
            units[eid] = unit if unit.children == kids else attrs.evolve(unit, children=kids)
        uncertain = self.uncertain
        doubtful = [(eid, versions[eid]) for eid in visited if eid in uncertain]
        return units, versions, coming, doubtful

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

