"""How a unit changed between two dates: the one rule both the engine's diff and the diff index follow.

A diff compares, for each unit whose version changes between the two dates,
its version on the first date with its version on the second, following the
renumberings made in between.  The sides are given as :class:`Side` values
(an equality key of what a diff shows, and whether the version is a repeal
placeholder), so that the engine passes provisions and the diff index the
ids it stores.  This module imports nothing: the quick path reads it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable
    from typing import Any, NamedTuple, TypeVar

    E = TypeVar("E")

    class Side(NamedTuple):
        key: Hashable  # two versions with the same key print no change
        status: str  # the version's status (consolidate.model.Status value)
else:
    from collections import namedtuple

    Side = namedtuple("Side", "key status")

KINDS = ("added", "removed", "modified", "repealed", "renumbered", "expired", "suspended", "resumed",
         "may_have_changed")
#: a change to a status of its own: what the change is called (when the status before was another)
_TO = {"repealed": "repealed", "expired": "expired", "suspended": "suspended"}


def compose_renames(renames: "Iterable[tuple[int | object, E, E]]", lo: object, hi: object) -> "tuple[dict[E, E], dict[E, E]]":
    """The renumberings made in ``(lo, hi]``, composed (3 → 3-1 → 3-1-1 reads 3 → 3-1-1):
    (unit at the end → unit it was at the start, and the other way round).
    ``renames`` are (day, old, new) in replay order, days comparable with ``lo`` and ``hi``."""
    renamed_from: dict[E, E] = {}
    for day, old, new in renames:
        if lo < day <= hi:  # type: ignore[operator]
            renamed_from[new] = renamed_from.pop(old, old)
    return renamed_from, {old: new for new, old in renamed_from.items()}


def classify(before: "Side | None", after: "Side | None", *, was: "Side | None" = None,
             moved: bool = False) -> str | None:
    """The kind of change (one of :data:`KINDS`) from ``before`` (the unit's version on
    the first date; None: it did not exist) to ``after`` (on the second date), or None
    when a diff shows nothing for the unit.

    ``was`` is the version on the first date of the unit this one was renumbered from
    (None: not renumbered, or that unit did not exist then); ``moved`` says that the
    unit was renumbered away and exists under its new eId on the second date (it is
    reported there)."""
    if before is None:
        if after is None:
            return None
        # new, or inserted and renumbered inside the span: new either way
        return "renumbered" if was is not None else "added"
    if after is None:
        return None if moved else "removed"
    if before.key == after.key:
        return None
    if after.status != before.status:
        if after.status in _TO:
            return _TO[after.status]
        if before.status == "suspended" and after.status == "in_effect":
            return "resumed"
    return "modified"


def uncertain_within(earliest: "Any", latest: "Any", lo: "Any", hi: "Any") -> bool:
    """Whether a change that took effect on a day between ``earliest`` and ``latest`` (its
    first publication unknown) may have taken effect in the span ``(lo, hi]`` — but not
    certainly: a diff then says it "may have changed" (days or day ordinals alike)."""
    return bool(lo < hi and earliest < latest and earliest <= hi and latest > lo
                and not (lo < earliest and latest <= hi))
