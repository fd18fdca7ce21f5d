"""Lines of ``show`` and ``diff`` text that the indexes write too.

The closing lines of a shown text (warnings and the summary of unknown
units), and the parts of a diff's text: its title, the head of each change,
the act and date behind it, the removed and added wordings and the marks of
a word redline.  Kept apart from :mod:`consolidate.render.output` (and free
of heavy imports) because the text index (:mod:`consolidate.textindex`) and
the diff index (:mod:`consolidate.diffindex`) write the same lines without
loading a time line.
"""

from __future__ import annotations

import os

from ..phrases import INTERIM_SHOWN

TYPE_CHECKING = False  # typing is not imported: the indexes' quick paths read this module
if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Iterable, Mapping
    from typing import Any, TextIO

DEFAULT_REASON = "the corpus does not hold this wording"


def some(eids: list[str]) -> str:
    """The first eight eIds, and how many more."""
    return ", ".join(eids[:8]) + (f" and {len(eids) - 8} more" if len(eids) > 8 else "")


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


# -- diff ---------------------------------------------------------------------------

DELETE_STYLE = "\x1b[31;9m"  # red, struck out
INSERT_STYLE = "\x1b[32;4m"  # green, underlined
RESET = "\x1b[0m"
#: (deletion opens, deletion closes, insertion opens, insertion closes) of a word redline,
#: without colour (git's word-diff notation) and with it
MARKS = {False: ("[-", "-]", "{+", "+}"), True: (DELETE_STYLE, RESET, INSERT_STYLE, RESET)}
#: what comes before and after a whole wording removed ("-") or added ("+"), without colour and with it
SIDES = {("-", False): ("  - ", ""), ("+", False): ("  + ", ""),
         ("-", True): ("  \x1b[31m- ", RESET), ("+", True): ("  \x1b[32m+ ", RESET)}
TEXT_UNKNOWN = "[text unknown]"  # a side of a change whose wording the corpus does not hold
NO_CHANGES = "no changes"


def diff_title(law: str, lang: str, start: "_dt.date", end: "_dt.date", count: int) -> str:
    """The first line of a diff: the law, the dates and how many changes."""
    return (f"{law} ({lang}): {start.isoformat()} → {end.isoformat()}: "
            f"{count} change{'s' if count != 1 else ''}")


def change_head(change: str, eid: str, was: str | None, now: str | None = None) -> str:
    """The start of a change's first line: its kind, its unit and, when renumbered, the unit it
    was; when at the end of the span the unit is expired or suspended by a change that is not
    that one (added, then expired), the status it is ``now`` in."""
    limited = now if now in ("expired", "suspended") and now != change else None
    return (f"{change.upper().replace('_', ' ')} {eid}" + (f" (was {was})" if was else "")
            + (f" (now {limited})" if limited else ""))


def why(acts: Iterable[str], effective: Iterable["Any"], adopted: "Mapping[str, _dt.date]") -> str:
    """The end of a change's first line: the acts behind it (with their
    adoption dates when known) and the dates they took effect (``effective``:
    :class:`consolidate.model.Effective` values); empty without acts."""
    named = []
    for number in acts:
        day = adopted.get(number)
        named.append(f"{number} of {day.strftime('%d.%m.%Y')}" if day is not None else number)
    if not named:
        return ""
    eff = ", ".join(sorted({(e.date.isoformat() if e.date else f"a day between {e.earliest.isoformat()} and "
                             f"{e.latest.isoformat()} (publication date unknown)") for e in effective}))
    return f" — by {', '.join(named)}; in effect from {eff}"


def _acts_named(acts: "Iterable[str]", adopted: "Mapping[str, _dt.date]") -> str:
    named = []
    for number in acts:
        day = adopted.get(number)
        named.append(f"{number} of {day.strftime('%d.%m.%Y')}" if day is not None else number)
    return ", ".join(named)


def when_effective(effective: "Iterable[Any]", start: "_dt.date") -> str:
    """The day a version takes effect, or the interval when its first publication is unknown."""
    uncertain = [e for e in effective if e.earliest != e.latest]
    if not uncertain:
        return f"from {start.isoformat()}"
    return (f"from a day between {min(e.earliest for e in uncertain).isoformat()} and "
            f"{max(e.latest for e in uncertain).isoformat()} (publication date unknown)")


def coming_note(coming: "Any", lang: str, marker: str, adopted: "Mapping[str, _dt.date]") -> str:
    """The note of a unit whose change is law but not yet in effect: when and by which acts
    it takes effect, and what it then reads (``coming``: the coming version)."""
    unit = coming.unit
    if unit is None:
        what = "it is removed"
    elif unit.status.value == "unknown":
        what = f"it changes: {marker}"
    else:
        label = {"paragraph": f"{unit.num}. ", "subparagraph": f"{unit.num}) "}.get(unit.kind.value, "")
        words = " ".join(w for w in (unit.heading, unit.text) if w)
        what = f"it reads: {label}{words}".rstrip()
        if unit.status.value == "suspended":
            what = f"it is suspended and {what}"
    return f"[not yet in effect: {when_effective(coming.effective, coming.start)}, by {_acts_named(coming.acts, adopted)}, {what}]"


def status_note(version: "Any", adopted: "Mapping[str, _dt.date]") -> str:
    """The note of an expired or a suspended unit: since when, by which act."""
    acts = _acts_named(version.acts, adopted)
    if version.unit.status.value == "expired":
        return f"[expired: in effect until {version.start.isoformat()} by the words of {acts}]"
    interim = any(INTERIM_SHOWN in e.derivation for e in version.effective)
    what = "the wording above is the interim one" if interim else "the wording above does not apply meanwhile"
    return f"[suspended {when_effective(version.effective, version.start)} by {acts}: {what}]"


def limit_note(as_written: str, until: "_dt.date") -> str:
    """The note of a unit whose own text limits in time what it regulates: the law's rule,
    not an end of the unit (it stays in effect)."""
    return (f"[a time limit in the law's own words: «{as_written}» ({until.isoformat()}); "
            "the law's rule, not an end of this text]")


def prefix(num: str | None, kind: str | None) -> str:
    """What a redlined wording starts with: its number as the text shows it."""
    if num and kind == "subparagraph":
        return f"  {num}) "
    if num and kind == "paragraph":
        return f"  {num}. "
    return "  "


def use_color(stream: "TextIO", env: "Mapping[str, str] | None" = None) -> bool:
    """Whether to colour output written to ``stream``.

    ``NO_COLOR`` set to anything non-empty turns colour off
    (https://no-color.org) and wins; otherwise ``FORCE_COLOR`` non-empty
    turns it on; otherwise colour only when the stream is a terminal.
    """
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
