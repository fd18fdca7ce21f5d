"""What changed between two dates, unit by unit, and why.

The diff is structural by eId (added, removed, modified, repealed,
renumbered) and word level inside modified units; every change names the
act(s) and effective date(s) that produced it.  It touches only the units
whose version chains change between the two dates (the timeline's event
index), so its cost grows with the number of changes, not with the law.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .model import Effective, Provision, Status
from .timeline import Timeline, Version


@attrs.frozen
class UnitChange:
    eid: str
    change: str  # added | removed | modified | repealed | renumbered
    before: Provision | None
    after: Provision | None
    acts: tuple[str, ...]
    effective: tuple[Effective, ...]
    renumbered_from: str | None = None

    @property
    def status_before(self) -> Status | None:
        return self.before.status if self.before else None

    @property
    def status_after(self) -> Status | None:
        return self.after.status if self.after else None


@attrs.frozen
class Diff:
    law: str
    lang: str
    start: _dt.date
    end: _dt.date
    changes: tuple[UnitChange, ...]


def content(p: Provision) -> tuple[object, ...]:
    """What a diff compares: two versions with the same content print no change."""
    return (p.num, p.heading, p.text, p.status)


def _why(versions: list[Version]) -> tuple[tuple[str, ...], tuple[Effective, ...]]:
    acts = tuple(dict.fromkeys(a for v in versions for a in v.acts))
    effs = tuple(dict.fromkeys(e for v in versions for e in v.effective))
    return acts, effs


def diff(timeline: Timeline, start: _dt.date, end: _dt.date, *, provision: str | None = None) -> Diff:
    """Changes from the text in effect on ``start`` to the text on ``end``."""
    timeline.check_date(min(start, end))
    lo, hi = min(start, end), max(start, end)
    # compose renumberings inside the span (3 → 3-1 → 3-1-1 reads 3 → 3-1-1)
    renamed_from: dict[str, str] = {}  # eId at the end of the span → eId at its start
    for day, old, new, _act in timeline.renames:  # in replay order
        if lo < day <= hi:
            renamed_from[new] = renamed_from.pop(old, old)
    renamed_to = {old: new for new, old in renamed_from.items()}
    changes: list[UnitChange] = []
    for eid in timeline.changed_between(lo, hi):
        if provision is not None and not (eid == provision or eid.startswith(provision + "__")):
            continue
        va = timeline.version_at(eid, start).unit
        vb = timeline.version_at(eid, end).unit
        acts, effs = _why(timeline.versions_between(eid, lo, hi))
        if va is None and vb is None:
            continue
        if va is None:
            was = renamed_from.get(eid) if start <= end else None
            before = timeline.version_at(was, start).unit if was is not None else None
            if before is not None:
                changes.append(UnitChange(eid, "renumbered", before, vb, acts, effs, renumbered_from=was))
            else:  # new, or inserted and renumbered inside the span: new either way
                changes.append(UnitChange(eid, "added", None, vb, acts, effs))
            continue
        if vb is None:
            if eid in renamed_to and start <= end and timeline.version_at(renamed_to[eid], end).unit is not None:
                continue  # reported under its new eId
            changes.append(UnitChange(eid, "removed", va, None, acts, effs))
            continue
        if content(va) == content(vb):
            continue
        kind = "repealed" if vb.status is Status.REPEALED and va.status is not Status.REPEALED else "modified"
        changes.append(UnitChange(eid, kind, va, vb, acts, effs))
    return Diff(timeline.law.slug, timeline.lang, start, end, tuple(changes))
