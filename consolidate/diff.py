"""What changed between two dates, unit by unit, and why.

The diff is structural by eId (added, removed, modified, repealed,
renumbered: :func:`consolidate.changes.classify`) and word level inside
modified units (:func:`consolidate.redline.word_diff`); every change names
the act(s) and effective date(s) that produced it.  It touches only the
units whose version chains change between the two dates (the timeline's
event index), so its cost grows with the number of changes, not with the law.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from .changes import Side, classify, compose_renames, uncertain_within
from .model import Effective, Provision, Status
from .redline import Segment, word_diff
from .timeline.chain import Version
from .timeline.query import Timeline


@attrs.frozen
class UnitChange:
    eid: str
    change: str  # one of consolidate.changes.KINDS
    before: Provision | None
    after: Provision | None
    acts: tuple[str, ...]
    effective: tuple[Effective, ...]
    renumbered_from: str | None = None
    words: tuple[Segment, ...] | None = None  # the word redline of a modification whose two wordings are known

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
    adopted: Mapping[str, _dt.date] = attrs.field(factory=dict)  # act → adoption, to name the acts


def content(p: Provision) -> tuple[object, ...]:
    """What a diff compares: two versions with the same content print no change."""
    return (p.num, p.heading, p.text, p.status)


def side(p: Provision | None) -> Side | None:
    """A version as :func:`consolidate.changes.classify` compares it."""
    return None if p is None else Side(content(p), p.status.value)


def known(p: Provision | None) -> bool:
    return p is not None and p.status is not Status.UNKNOWN


def _why(versions: list[Version]) -> tuple[tuple[str, ...], tuple[Effective, ...]]:
    acts = tuple(dict.fromkeys(a for v in versions for a in v.acts))
    effs = tuple(dict.fromkeys(e for v in versions for e in v.effective))
    return acts, effs


def _doubtful_version(timeline: Timeline, eid: str, entries: list[tuple[Effective, str]]) -> int | None:
    """The position in ``eid``'s chain of the version made by the first act of ``entries``
    (acts of unknown publication whose interval overlaps a span)."""
    eff, act = entries[0]
    return next((i for i, v in enumerate(timeline.chain(eid)) if i and v.start == eff.latest and act in v.acts), None)


def diff(timeline: Timeline, start: _dt.date, end: _dt.date, *, provision: str | None = None,
         redline: bool = True) -> Diff:
    """Changes from the text in effect on ``start`` to the text on ``end`` (with the word
    redline of each modification when ``redline``)."""
    timeline.check_date(min(start, end))
    lo, hi = min(start, end), max(start, end)
    forward = start <= end
    renamed_from, renamed_to = compose_renames(((d, o, n) for d, o, n, _ in timeline.renames), lo, hi)
    doubtful = {eid: [(eff, act) for eff, act in entries if uncertain_within(eff.earliest, eff.latest, lo, hi)]
                for eid, entries in timeline.uncertain.items()}
    doubtful = {eid: entries for eid, entries in doubtful.items() if entries}
    changes: list[UnitChange] = []
    for eid in timeline.in_document_order(set(timeline.changed_between(lo, hi)) | set(doubtful)):
        if provision is not None and not (eid == provision or eid.startswith(provision + "__")):
            continue
        va = timeline.version_at(eid, start).unit
        vb = timeline.version_at(eid, end).unit
        was = renamed_from.get(eid) if forward and va is None else None
        before_was = timeline.version_at(was, start).unit if was is not None else None
        now = renamed_to.get(eid) if forward and vb is None else None
        moved = now is not None and timeline.version_at(now, end).unit is not None
        kind = classify(side(va), side(vb), was=side(before_was), moved=moved)
        versions = timeline.versions_between(eid, lo, hi)
        if kind is None and eid in doubtful:  # the act's version lies outside the span: what the act changes
            k = _doubtful_version(timeline, eid, doubtful[eid])
            if k is None:
                continue
            chain = timeline.chain(eid)
            va, vb, was, before_was, versions = chain[k - 1].unit, chain[k].unit, None, None, [chain[k]]
            kind = classify(side(va), side(vb))
        if kind is None:
            continue
        acts, effs = _why(versions)
        before = before_was if kind == "renumbered" else va
        words = (word_diff(va.text, vb.text) if redline and kind == "modified" and known(va) and known(vb)
                 and va is not None and vb is not None else None)
        changes.append(UnitChange(eid, "may_have_changed" if eid in doubtful else kind, before, vb, acts, effs,
                                  renumbered_from=was if kind == "renumbered" else None, words=words))
    return Diff(timeline.law.slug, timeline.lang, start, end, tuple(changes), timeline.adopted)
