"""The closing lines of a shown text: warnings and the summary of unknown units.

Kept apart from :mod:`consolidate.render.output` (and free of heavy imports)
because the text index (:mod:`consolidate.textindex`) writes the same lines
without loading a time line.
"""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False  # typing is not imported: the text index's quick path reads this module
if TYPE_CHECKING:
    import datetime as _dt

DEFAULT_REASON = "the corpus does not hold this wording"


def some(eids: list[str]) -> str:
    """The first eight eIds, and how many more."""
    return ", ".join(eids[:8]) + (f" and {len(eids) - 8} more" if len(eids) > 8 else "")


def uncertain_warning(act: str, day: "_dt.date", earliest: "_dt.date", latest: "_dt.date", not_yet: bool) -> str:
    """The warning on a unit that an act of unknown first publication touches,
    on a day inside the interval in which it took effect."""
    return (f"{act} may or may not be in effect on {day.isoformat()}: its first publication "
            f"is not known, so it took effect between {earliest.isoformat()} and "
            f"{latest.isoformat()}; shown as {'not yet' if not_yet else 'already'} in effect")


def warning_lines(warnings: Iterable[tuple[str | None, str]]) -> list[str]:
    """One line per distinct warning message, naming the units it concerns
    (``warnings``: (eId or None, message) pairs)."""
    by_message: dict[str, list[str]] = {}
    for eid, message in warnings:
        eids = by_message.setdefault(message, [])
        if eid is not None and eid not in eids:
            eids.append(eid)
    return [f"warning: {message}" + (f" ({some(eids)})" if eids else "") for message, eids in by_message.items()]


def unknown_lines(unknown: Iterable[tuple[str, str | None]]) -> list[str]:
    """One line per reason: how many of the shown units are unknown, and why
    (``unknown``: (eId, reason or None) in document order)."""
    by_reason: dict[str, list[str]] = {}
    for eid, reason in unknown:
        by_reason.setdefault(reason or DEFAULT_REASON, []).append(eid)
    return [f"unknown: {len(eids)} unit(s) ({some(eids)}): {reason}" for reason, eids in by_reason.items()]
