"""Time limits a law writes into its own text: "The pilot project ... shall be in effect
until January 1, 2026", "... действует до 1 января 2026 года", "... 2026 жылғы 1
қаңтарға дейін қолданылады".

Such a sentence is the law's own rule about what it regulates, not an end of its text:
the unit stays in effect and a reader is told of the limit in a note (an act's
commencement article that limits what the act wrote is read in
:mod:`consolidate.grammar.rules`, and expires it).
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

import attrs

from .numerals import MONTHS, alternation, fold


@attrs.frozen
class TimeLimit:
    until: _dt.date
    as_written: str  # the words of the limit, as the text has them


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern[str]:
    month = f"(?P<month>{alternation(MONTHS[lang])})"
    if lang == "eng":
        rx = (r"(?:shall|will)\s+(?:be\s+in\s+effect|remain\s+in\s+(?:force|effect)|be\s+valid|apply)\s+until\s+"
              rf"{month}\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})")
    elif lang == "rus":
        rx = (r"(?:действует|действуют|применяется|применяются)\s+до\s+"
              rf"(?P<day>\d{{1,2}})\s+{month}\s+(?P<year>\d{{4}})\s+года")
    else:
        rx = (rf"(?P<year>\d{{4}})\s+жылғы\s+(?P<day>\d{{1,2}})\s+{month}\w*\s+дейін\s+"
              r"(?:қолданылады|әрекет\s+етеді|жарамды)")
    return re.compile(rx)


def time_limit(text: str | None, lang: str) -> TimeLimit | None:
    """The first limit in time ``text`` sets in its own words, or ``None`` (also for a date
    that does not exist: the words are then not a limit this reader can state)."""
    if not text:
        return None
    m = _pattern(lang).search(fold(text, lang))
    if m is None:
        return None
    try:
        until = _dt.date(int(m["year"]), MONTHS[lang][m["month"]], int(m["day"]))
    except ValueError:
        return None
    return TimeLimit(until, text[m.start():m.end()])
