"""The text index: a law's text on any date, without loading its time line.

``consolidate show LAW --as-of D`` (plain text, the whole law, in effect on
D) is the question asked most.  Answering it from the compiled time line
means importing the engine, unpickling every version of every unit and laying
out the text: a few hundred milliseconds for a code.  The text index answers
it in a few: every version of every unit is laid out once (by
:func:`consolidate.render.layout.unit_lines`, the layout ``show`` prints),
and stored with the dates on which it is shown.  A version is shown on D when
it is the unit's version on D and every container above it is shown too, so
its dates are its own interval cut by its container's.  The text on D is the
title, the rows whose dates hold D in document order, and the signature.
So that a date need not look at every row, the rows are also grouped in runs
of 128: for each run, the days on which the set of its rows shown changes,
and from each of those days on, the byte ranges it shows.  A date costs one
bisection per run.

One index per law, language and corpus folder, in the store's folder, written
atomically by the first ``show`` of the full engine.  It records what it was
built from: the size and modification time of each of the engine's source
files, and the path, size, modification time and inode of every input file
and of the acts folder.  If any of it differs,
or the index cannot be read, or the date is before the law, it answers
nothing and the full engine does the work.  Files changed in the last two
seconds are not trusted (see :func:`consolidate.store.files.settled`): no index
is written for them.

This module imports nothing heavy: it runs before the command line is built.
"""
from __future__ import annotations

TYPE_CHECKING = False  # not from typing: importing it would be a fifth of the quick path's time
if TYPE_CHECKING:
    import datetime as _dt
    from bisect import bisect_right as bisect_right
    from datetime import date
    from typing import Any

    from ..timeline.query import Timeline
    from .files import Store
else:
    try:  # the C modules that bisect and datetime re-export: the same function and class, without
        # loading bisect.py, and datetime.py with math and operator (2.3 ms, a seventh of a quick show)
        from _bisect import bisect_right
        from _datetime import date
    except ImportError:  # a Python without them
        from bisect import bisect_right
        from datetime import date

from .files import IndexFile

FORMAT = 5
_OPEN = 2**31 - 1  # the end of a version still in effect (a date ordinal no date reaches)
_RUN = 128  # rows per run (see build)


# -- building -------------------------------------------------------------------------


def build(timeline: "Timeline", root: str) -> bytes:
    """The index of ``timeline``, its law read from the corpus at ``root``."""
    import array

    from ..model import ROOT, Status
    from ..render.layout import UNKNOWN, signature_lines, status_lines, title_line, unit_lines
    from ..timeline.chain import DAWN
    from ..timeline.query import shown_unit
    from .files import Blob, pack
    from .timelines import stamp

    lang = timeline.lang
    marker = UNKNOWN.get(lang, "[text unknown]")
    base = timeline.base
    starts, ends = array.array("i"), array.array("i")
    row_pieces: list[bytes] = []
    # the rows of unknown units and of units an act of unknown publication touches, in document
    # order: [first day, day after the last, eId, unknown?, reason, [[earliest, latest, act, not yet?]]]
    notes: list[list[Any]] = []

    def piece(lines: list[str]) -> bytes:
        return "".join(line + "\n\n" for line in lines).encode("utf-8")

    adopted = timeline.adopted
    for eid, spans in timeline.shown(DAWN, None):
        if eid == ROOT:
            continue
        for lo_day, hi_day, v, coming in spans:
            unit = shown_unit(eid, v, coming)
            lo, hi = lo_day.toordinal(), (_OPEN if hi_day is None else hi_day.toordinal())
            starts.append(lo)
            ends.append(hi)
            lines = unit_lines(unit, lang, marker, md=False)
            lines += status_lines(unit, v, coming, lang, marker, adopted, md=False)
            row_pieces.append(piece(lines))
            is_unknown = unit.status is Status.UNKNOWN
            doubts = [[eff.earliest.toordinal(), eff.latest.toordinal(), act, v.start < eff.latest]
                      for eff, act in timeline.uncertain.get(eid, ())]
            if is_unknown or doubts:
                notes.append([lo, hi, eid, is_unknown, v.reason, doubts])
    # The blob: the title, the pieces shown at the end of the history in document order (so
    # that recent dates read long stretches of it, as git keeps its newest text whole), the
    # signature, then the other pieces.  A wording shown over several intervals is stored once.
    stored = Blob()
    place, blob = stored.place, stored.data
    offsets, lengths = array.array("q", bytes(8 * len(starts))), array.array("q", bytes(8 * len(starts)))
    head = place(piece([title_line(base, md=False)]))
    last = [i for i, hi in enumerate(ends) if hi == _OPEN]
    for i in last:
        offsets[i], lengths[i] = place(row_pieces[i])
    tail = place(piece(signature_lines(base, md=False)))
    for i, hi in enumerate(ends):
        if hi != _OPEN:
            offsets[i], lengths[i] = place(row_pieces[i])
    # For the command line: the rows in runs of _RUN, each with the days on which
    # its set of rows shown changes, and from each of them on, the byte ranges
    # shown (neighbouring pieces joined, but never a blank one: the end of the text
    # drops its blank pieces).
    run_days, run_at, span_at = array.array("i"), array.array("i", [0]), array.array("i", [0])
    range_off, range_len = array.array("q"), array.array("q")
    for at in range(0, len(starts), _RUN):
        block = [(lo, hi, off, n, n == 2 and blob[off:off + 2] == b"\n\n")
                 for lo, hi, off, n in zip(starts[at:at + _RUN], ends[at:at + _RUN], offsets[at:at + _RUN],
                                           lengths[at:at + _RUN])]
        for day in sorted({d for lo, hi, *_ in block for d in (lo, hi)}):
            run_days.append(day)
            end, joinable = -1, False
            for lo, hi, off, n, blank in block:
                if not (lo <= day < hi and n):
                    continue
                if off == end and joinable and not blank:
                    range_len[-1] += n
                else:
                    range_off.append(off)
                    range_len.append(n)
                end, joinable = off + n, not blank
            span_at.append(len(range_off))
        run_at.append(len(run_days))
    arrays = [starts, ends, offsets, lengths, run_days, run_at, span_at, range_off, range_len]
    header = stamp(timeline, root, FORMAT)
    header.update(head=head, tail=tail, warnings=[(w.eid, w.message) for w in timeline.warnings], notes=notes)
    return pack(Index.MAGIC, header, arrays, blob)



def for_timeline(store: "Store", root: str, timeline: "Timeline") -> Index:
    """The index of ``timeline``: the one in the store if it is current, else one built in memory."""
    if store.directory is not None and timeline.known_on is None:
        found = Index.open(store.directory, root, timeline.law.slug, timeline.lang)
        if found is not None:
            return found
    return Index.read(build(timeline, root))


def ensure(store: "Store", root: str, timeline: "Timeline") -> None:
    """Write the index of ``timeline`` (of the law's whole history) unless a current
    one exists (or the inputs changed too recently to be trusted, or nothing is stored)."""
    from .timelines import write_index

    write_index(store, root, timeline, Index, build)


# -- reading --------------------------------------------------------------------------


class Index(IndexFile):
    """A text index read from the store (memory-mapped) or built in memory."""

    KIND, MAGIC, FORMAT = "textindex", b"consolidate-text-index\n", FORMAT
    ARRAYS = ("starts", "ends", "offsets", "lengths", "run_days", "run_at", "span_at", "range_off", "range_len")
    starts: memoryview
    ends: memoryview
    offsets: memoryview
    lengths: memoryview
    run_days: memoryview
    run_at: memoryview
    span_at: memoryview
    range_off: memoryview
    range_len: memoryview

    def __init__(self, header: dict[str, Any], arrays: list[memoryview], blob: memoryview):
        super().__init__(header, arrays, blob)
        self._decoded: dict[int, str] = {}
        self._shown: list[tuple[str, ...]] | None = None  # for text_str

    def _bytes(self, off: int, length: int) -> memoryview:
        return self.blob[off:off + length]

    def _str(self, off: int, length: int) -> str:
        if not length:
            return ""  # an empty piece shares its offset with the piece stored after it
        s = self._decoded.get(off)
        if s is None:  # decoded once: a process that asks for many dates joins the same pieces
            s = self._decoded[off] = str(self.blob[off:off + length], "utf-8")
        return s

    def _stretches_on(self, d: int) -> list[int]:
        """For each run of rows that shows something on day ``d``, the stretch
        of days (its index in ``run_days``) the day falls in."""
        run_days, run_at = self.run_days, self.run_at
        found = []
        for r in range(len(run_at) - 1):
            first = run_at[r]
            k = bisect_right(run_days, d, first, run_at[r + 1]) - 1
            if k >= first:
                found.append(k)
        return found

    def _decoded_stretches(self) -> list[tuple[str, ...]]:
        """For each stretch of each run, the pieces it shows, decoded: made all at
        once, the first time a process asks for a string, so that any date then
        costs the same."""
        if self._shown is None:
            starts, ends = self.starts.tolist(), self.ends.tolist()
            pieces = [self._str(off, length) for off, length in zip(self.offsets, self.lengths)]
            days, run_at = self.run_days.tolist(), self.run_at.tolist()
            shown: list[tuple[str, ...]] = []
            for r in range(len(run_at) - 1):
                at = r * _RUN
                block = list(zip(starts[at:at + _RUN], ends[at:at + _RUN], pieces[at:at + _RUN]))
                shown += [tuple([p for lo, hi, p in block if lo <= day < hi])
                          for day in days[run_at[r]:run_at[r + 1]]]
            self._shown = shown
        return self._shown

    def text(self, day: _dt.date) -> bytes | None:
        """The text of ``show`` on ``day``, as UTF-8; None if the index cannot say it (a day before the law)."""
        parts = self.parts(day)
        return None if parts is None else b"".join(parts)

    def text_str(self, day: _dt.date) -> str | None:
        """The same text as a string (the pieces are decoded once and kept)."""
        parts = self._compose(day, decoded=True)
        return None if parts is None else "".join(parts)

    def parts(self, day: _dt.date) -> list[bytes | memoryview] | None:
        """The text of ``show`` on ``day`` as the pieces it is joined from (views
        of the index, written out without joining them first)."""
        return self._compose(day, decoded=False)

    def _compose(self, day: _dt.date, *, decoded: bool) -> list[Any] | None:
        d = day.toordinal()
        h = self.header
        if d < h["adopted"]:
            return None  # the full engine says why there is no text
        piece = self._str if decoded else self._bytes
        parts: list[Any] = [piece(*h["head"])]
        stretches = self._stretches_on(d)
        if decoded:
            shown = self._decoded_stretches()
            for k in stretches:
                parts += shown[k]
        else:
            blob, span_at, off, n = self.blob, self.span_at, self.range_off, self.range_len
            parts += [blob[o:o + m] for k in stretches
                      for o, m in zip(off[span_at[k]:span_at[k + 1]], n[span_at[k]:span_at[k + 1]])]
        noted = [note[2:] for note in h["notes"] if note[0] <= d < note[1]]
        parts.append(piece(*h["tail"]))
        empty: Any = "" if decoded else b""
        nl: Any = "\n" if decoded else b"\n"
        # every line of a piece is followed by a blank one; the layout drops the
        # blank lines after the last line that has text, then ends with a newline
        while parts and (parts[-1] if decoded else bytes(parts[-1])) in (empty, nl + nl):
            parts.pop()
        if parts:
            parts[-1] = parts[-1][:-1]
        else:
            parts = [nl]
        lines = []
        if h["warnings"] or noted:
            from ..phrases import uncertain_warning
            from ..render.lines import unknown_lines, warning_lines

            warnings = list(h["warnings"])
            for eid, _unknown, _reason, doubts in noted:
                for earliest, latest, act, not_yet in doubts:
                    if earliest <= d < latest:
                        warnings.append((eid, uncertain_warning(act, day, date.fromordinal(earliest),
                                                                date.fromordinal(latest), not_yet)))
            lines = warning_lines(warnings) + unknown_lines((eid, reason) for eid, unknown, reason, _ in noted
                                                            if unknown)
        if lines:
            while parts:  # the text without its final newlines, a blank line, the closing lines
                last = (parts[-1] if decoded else bytes(parts[-1])).rstrip(nl)
                if last:
                    parts[-1] = last
                    break
                parts.pop()
            closing = "\n".join(lines)
            parts += [nl + nl, closing if decoded else closing.encode("utf-8")]
        if not (parts[-1] if decoded else bytes(parts[-1][-1:])).endswith(nl):
            parts.append(nl)
        return parts
