"""Checking the corpus against itself and against reality: the report and its rules.

:func:`consolidate.library.check_law` validates every act file of a law (each
operation applies on its date: targets exist, words are found exactly; no two
acts edit the same unit on the same day without a stated order:
:func:`same_day_conflicts`) and compares the replayed text with every check
point — a real consolidated text at a date — unit by unit, whitespace
normalised and notes excluded (:func:`compare`, on the first day every act the
check point includes is in effect: :func:`checkpoint_date`).  A check point is
compared with, never copied from.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from .model import ROOT, Document, Provision, Status

if TYPE_CHECKING:
    from .law import Law
    from .timeline.query import Timeline


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


def _full(p: Provision) -> str:
    """A unit's heading and text, normalised: what a difference shows."""
    return _norm(" ".join(x for x in (p.heading, p.text) if x))


STRUCTURAL = ("missing in replay", "missing in check point")


@attrs.frozen
class Difference:
    eid: str
    kind: str  # "different" | "spacing only" | "missing in replay" | "missing in check point" | "unknown"
    replay: str | None
    check: str | None
    acts: tuple[str, ...]


@attrs.frozen
class CheckPoint:
    label: str
    lang: str
    date: _dt.date
    compared: int
    identical: int
    different: int
    unknown: int
    differences: tuple[Difference, ...]
    note: str | None = None
    spacing: int = 0  # units whose words agree and whose spaces do not (a space lost in one source)

    @property
    def agreement(self) -> float:
        """Units that agree (identical, or differing only in spacing) among the known ones."""
        known = self.compared - self.unknown
        return (self.identical + self.spacing) / known if known else 1.0


@attrs.frozen
class CheckReport:
    law: str
    problems: tuple[str, ...]  # operations that do not apply, same-day conflicts
    checkpoints: tuple[CheckPoint, ...]
    acts: int
    operations: int
    #: (language, operations read from the acts' text in it), by language
    operations_by_lang: tuple[tuple[str, int], ...] = ()

    @property
    def structural(self) -> tuple[tuple[str, Difference], ...]:
        """(check point, difference) of every unit a check point has and the replay has not,
        or the other way round: the replay's structure is wrong there."""
        return tuple((cp.label, d) for cp in self.checkpoints for d in cp.differences if d.kind in STRUCTURAL)

    @property
    def ok(self) -> bool:
        """Every operation applies and every check point has the replay's units: a wording
        may differ (and is listed), a unit may not be missing or extra."""
        return not self.problems and not self.structural


def same_day_conflicts(tl: "Timeline") -> list[str]:
    by_day: dict[tuple[_dt.date, str], set[str]] = defaultdict(set)
    for step in tl.steps:
        if step.op is not None:
            by_day[(step.date, step.op.target)].add(step.act.number)
    out = []
    for (day, target), acts in sorted(by_day.items()):
        if len(acts) > 1:
            pubs = {tl.law.act(a).publication.date for a in acts}
            if None in pubs or len(pubs) < len(acts):
                out.append(f"{target} is edited by {', '.join(sorted(acts))} on the same day {day} "
                           "and their order is not stated (no distinct publication dates)")
    return out


class _ActsAround:
    """The acts behind each unit's wording, and those behind every unit of its container
    (an insertion next to it may explain a difference): made once per comparison, so that
    listing every difference costs the size of the law, not its square."""

    def __init__(self, versions: dict[str, Any]) -> None:
        self.versions = versions
        self.under: dict[str, list[str]] = defaultdict(list)  # "art_1__para_2__" → acts of every unit below
        for eid, version in versions.items():
            at = eid.find("__")
            while at >= 0:
                self.under[eid[:at + 2]].extend(version.acts)
                at = eid.find("__", at + 2)

    def __call__(self, eid: str) -> tuple[str, ...]:
        acts = list(self.versions[eid].acts) if eid in self.versions else []
        if "__" in eid:
            acts += self.under.get(eid.rsplit("__", 1)[0] + "__", [])
        return tuple(dict.fromkeys(acts))


@attrs.frozen
class Comparison:
    compared: int
    identical: int
    spacing: int
    different: int
    unknown: int
    differences: tuple[Difference, ...]


def _spaceless(s: str) -> str:
    return "".join(s.split())


def compare(replay: Document, check: Document, versions: dict[str, Any]) -> Comparison:
    """Compare two documents unit by unit (heading, text and status; whitespace normalised).

    Units whose words agree once every space is ignored ("сфереобеспечения" /
    "сфере обеспечения", a space lost in one source) are counted apart as
    "spacing only": they agree, and the difference is still listed.  ``replay`` is what is
    in force (:meth:`consolidate.timeline.query.View.in_force`), as a consolidated text shows it."""
    eids = [p.eid for p in check.provisions()]
    seen = set(eids)
    eids += [p.eid for p in replay.provisions() if p.eid not in seen]
    compared = identical = spacing = different = unknown = 0
    diffs: list[Difference] = []
    _acts_around = _ActsAround(versions)
    for eid in eids:
        r = replay.units.get(eid)
        c = check.units.get(eid)
        compared += 1
        if r is not None and r.status is Status.UNKNOWN:
            unknown += 1
            diffs.append(Difference(eid, "unknown", None, _full(c) if c else None, _acts_around(eid)))
            continue
        if r is None or c is None:
            different += 1
            diffs.append(Difference(eid, "missing in replay" if r is None else "missing in check point",
                                    _full(r) if r else None, _full(c) if c else None, _acts_around(eid)))
            continue
        if (_norm(r.text), _norm(r.heading), r.status) == (_norm(c.text), _norm(c.heading), c.status):
            identical += 1
        elif r.status == c.status and _spaceless(_full(r)) == _spaceless(_full(c)):
            spacing += 1
            diffs.append(Difference(eid, "spacing only", _full(r), _full(c), _acts_around(eid)))
        else:
            different += 1
            diffs.append(Difference(eid, "different", _full(r), _full(c), _acts_around(eid)))
    return Comparison(compared, identical, spacing, different, unknown, tuple(diffs))


def checkpoint_date(tl: "Timeline", includes: tuple[str, ...]) -> tuple[_dt.date, str | None]:
    """The first day on which every act the check point includes is in effect."""
    included = set(includes)
    latest = tl.law.adopted
    for step in tl.all_steps:
        if step.act.number in included:
            latest = max(latest, step.effective.latest)
    later = sorted({s.act.number for s in tl.all_steps
                    if s.act.number not in included and s.effective.latest <= latest and s.applied != "included"})
    note = None
    if later:
        note = (f"acts not in the check point are in effect by {latest.isoformat()}: {', '.join(later)} "
                "(the check point's own list may be incomplete)")
    return latest, note
