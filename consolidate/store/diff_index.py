"""The diff index: what changed between two dates, without loading the time line.

``consolidate diff LAW D1 D2`` needs, for every unit with a version starting
between the two dates, its versions on both dates, the acts behind the
change and a word redline of the two wordings.  The full engine unpickles
the time line and aligns the words of every modified unit: a few hundred
milliseconds for a code.  The diff index keeps what that work depends on,
per unit and version, and does the rest of it once:

- per unit (in document order): its versions' first days, whether each
  exists, is of unknown wording or repealed, an id of its content (number,
  heading, text and status: two versions with the same id print no change),
  the wording as a diff prints it and the number a redline starts with;
- per pair of versions of one unit at most :data:`WINDOW` apart: the end of
  the change's first line (the acts and the dates they took effect, from
  :func:`consolidate.render.lines.why`) and, when both wordings are known,
  the word redline (:func:`consolidate.redline.word_diff`) as segments that
  point into the stored wordings, so that it prints with or without colour;
- the days on which versions start, with their units, and the renumberings
  in replay order.

A diff then looks up the units that changed, bisects two days in each
chain, follows the renumberings inside the span (as :func:`consolidate.diff.diff`
does) and writes the stored pieces in order.  A span in which a unit changed
more than :data:`WINDOW` times, a backward span, a date before the law, or
anything the index cannot say is answered by the full engine.

Written atomically by the first plain ``diff`` of the full engine, checked
against its inputs and the engine like the text index
(:func:`consolidate.textindex.open_file`).  This module imports nothing heavy:
it runs before the command line is built.
"""

from __future__ import annotations

from ..changes import Side, classify, compose_renames, uncertain_within
from .files import IndexFile
from .text_index import bisect_right

TYPE_CHECKING = False  # not from typing: see consolidate.store.text_index
if TYPE_CHECKING:
    import datetime as _dt
    from typing import Any

    from ..model import Progress
    from ..timeline.query import Timeline
    from .files import Store

FORMAT = 1
WINDOW = 16  # pairs of versions of a unit at most this far apart are stored

EXISTS, UNKNOWN, REPEALED, EXPIRED, SUSPENDED = 1, 2, 4, 8, 16  # version flags
EQUAL, DELETE, INSERT = 0, 1, 2  # segment kinds
_STATUS_FLAGS = {"unknown": UNKNOWN, "repealed": REPEALED, "expired": EXPIRED, "suspended": SUSPENDED}


def build(timeline: "Timeline", root: str, progress: "Progress | None" = None) -> bytes:
    """The diff index of ``timeline``, its law read from the corpus at ``root``."""
    import array

    from ..diff import _doubtful_version, content, side
    from ..model import Status
    from ..redline import word_diff
    from ..render.lines import TEXT_UNKNOWN, prefix, why
    from .files import Blob, pack
    from .timelines import stamp

    adopted = timeline.adopted
    renamed = {e for _day, old, new, _act in timeline.renames for e in (old, new)}
    eids = timeline.in_document_order(set(timeline.chains) | renamed)
    position = {e: u for u, e in enumerate(eids)}
    blob = Blob()

    def place(text: str) -> tuple[int, int]:
        return blob.place(text.encode("utf-8"))

    unit_at = array.array("i", [0])
    ver_start, ver_flags, ver_content = array.array("i"), array.array("i"), array.array("i")
    ver_text_off, ver_text_len, ver_prefix_off, ver_prefix_len = (array.array("q") for _ in range(4))
    pair_at = array.array("i", [0])
    why_off, why_len, seg_at = array.array("q"), array.array("q"), array.array("i", [0])
    seg_kind, seg_off, seg_len = array.array("i"), array.array("q"), array.array("q")
    contents: dict[tuple[Any, ...], int] = {}
    kinds = {"equal": EQUAL, "delete": DELETE, "insert": INSERT}

    for done, eid in enumerate(eids):
        versions = list(timeline.chain(eid))
        first = len(ver_start)  # this unit's versions in the arrays
        for v in versions:
            unit = v.unit
            ver_start.append(v.start.toordinal())
            if unit is None:
                flags, content_id, (text_off, text_len), (prefix_off, prefix_len) = 0, -1, (0, 0), (0, 0)
            else:
                known = unit.status is not Status.UNKNOWN
                flags = EXISTS | _STATUS_FLAGS.get(unit.status.value, 0)
                content_id = contents.setdefault(content(unit), len(contents))
                text_off, text_len = place(unit.text if known else TEXT_UNKNOWN)
                prefix_off, prefix_len = place(prefix(unit.num, unit.kind.value))
            ver_flags.append(flags)
            ver_content.append(content_id)
            ver_text_off.append(text_off)
            ver_text_len.append(text_len)
            ver_prefix_off.append(prefix_off)
            ver_prefix_len.append(prefix_len)
        for i, va in enumerate(versions):
            for j in range(i + 1, min(len(versions), i + WINDOW + 1)):
                span = versions[i + 1:j + 1]
                acts = dict.fromkeys(a for v in span for a in v.acts)
                effective = dict.fromkeys(e for v in span for e in v.effective)
                off, n = place(why(acts, effective, adopted))
                why_off.append(off)
                why_len.append(n)
                a, b = va.unit, versions[j].unit
                if (a is not None and b is not None and Status.UNKNOWN not in (a.status, b.status)
                        and ver_content[first + i] != ver_content[first + j]
                        and classify(side(a), side(b)) == "modified"):
                    # a modification both of whose wordings are known: its redline, as segments
                    # of the stored wordings (equal and deleted text in the old, inserted in the new)
                    at_a, at_b = ver_text_off[first + i], ver_text_off[first + j]
                    for seg in word_diff(a.text, b.text):
                        size = len(seg.text.encode("utf-8"))
                        seg_kind.append(kinds[seg.kind])
                        seg_off.append(at_b if seg.kind == "insert" else at_a)
                        seg_len.append(size)
                        if seg.kind != "insert":
                            at_a += size
                        if seg.kind != "delete":
                            at_b += size
                seg_at.append(len(seg_kind))
            pair_at.append(len(why_off))
        unit_at.append(len(ver_start))
        if progress is not None and (done % 1000 == 0 or done + 1 == len(eids)):
            progress("indexing the diffs", done + 1, len(eids))

    events = sorted((day.toordinal(), position[eid]) for day, eid in timeline.events)
    ev_day, ev_unit = array.array("i", [d for d, _ in events]), array.array("i", [u for _, u in events])
    rn_day, rn_old, rn_new = array.array("i"), array.array("i"), array.array("i")
    for day, old, new, _act in timeline.renames:  # in replay order: the order they compose in
        rn_day.append(day.toordinal())
        rn_old.append(position[old])
        rn_new.append(position[new])
    arrays = [unit_at, ver_start, ver_flags, ver_content, ver_text_off, ver_text_len, ver_prefix_off,
              ver_prefix_len, pair_at, why_off, why_len, seg_at, seg_kind, seg_off, seg_len,
              ev_day, ev_unit, rn_day, rn_old, rn_new]
    header = stamp(timeline, root, FORMAT)
    # the changes of acts of unknown publication: [unit, earliest, latest, its version], in the
    # order Timeline.uncertain lists them (a diff names the first that overlaps its span)
    uncertain = []
    for eid, entries in timeline.uncertain.items():
        for eff, act in entries:
            if eff.earliest < eff.latest:
                k = _doubtful_version(timeline, eid, [(eff, act)])
                if k is not None:
                    uncertain.append([position[eid], eff.earliest.toordinal(), eff.latest.toordinal(),
                                      unit_at[position[eid]] + k])
    header.update(eids=eids, window=WINDOW, uncertain=uncertain)
    return pack(DiffIndex.MAGIC, header, arrays, blob.data)


def ensure(store: "Store", root: str, timeline: "Timeline", progress: "Progress | None" = None) -> None:
    """Write the diff index of ``timeline`` unless a current one exists (see
    :func:`consolidate.store.timelines.write_index`)."""
    from .timelines import write_index

    write_index(store, root, timeline, DiffIndex, lambda tl, at: build(tl, at, progress))


class DiffIndex(IndexFile):
    """A diff index read from the store (memory-mapped) or built in memory."""

    KIND, MAGIC, FORMAT = "diffindex", b"consolidate-diff-index\n", FORMAT
    ARRAYS = ("unit_at", "ver_start", "ver_flags", "ver_content", "ver_text_off", "ver_text_len", "ver_prefix_off",
              "ver_prefix_len", "pair_at", "why_off", "why_len", "seg_at", "seg_kind", "seg_off", "seg_len",
              "ev_day", "ev_unit", "rn_day", "rn_old", "rn_new")
    unit_at: memoryview
    ver_start: memoryview
    ver_flags: memoryview
    ver_content: memoryview
    ver_text_off: memoryview
    ver_text_len: memoryview
    ver_prefix_off: memoryview
    ver_prefix_len: memoryview
    pair_at: memoryview
    why_off: memoryview
    why_len: memoryview
    seg_at: memoryview
    seg_kind: memoryview
    seg_off: memoryview
    seg_len: memoryview
    ev_day: memoryview
    ev_unit: memoryview
    rn_day: memoryview
    rn_old: memoryview
    rn_new: memoryview

    def _version(self, u: int, d: int) -> int:
        """The version of unit ``u`` on day ``d`` (an ordinal), as :meth:`Chain.at`: every
        chain's first version starts at DAWN (ordinal 1), before every day asked for."""
        return bisect_right(self.ver_start, d, self.unit_at[u], self.unit_at[u + 1]) - 1

    def _side(self, version: int) -> Side | None:
        """A version as :func:`consolidate.changes.classify` compares it."""
        flags = self.ver_flags[version]
        if not flags & EXISTS:
            return None
        status = next((name for name, bit in _STATUS_FLAGS.items() if flags & bit), "in_effect")
        return Side(self.ver_content[version], status)

    def parts(self, start: _dt.date, end: _dt.date, *, color: bool) -> list[bytes | memoryview] | None:
        """The text of ``diff`` from ``start`` to ``end`` as the pieces it is joined
        from; None if the index cannot say it (the full engine then does)."""
        from ..render.lines import MARKS, NO_CHANGES, SIDES, change_head, diff_title

        h = self.header
        a, b = start.toordinal(), end.toordinal()
        if a > b or a < h["adopted"]:
            return None
        renamed_from, renamed_to = compose_renames(zip(self.rn_day, self.rn_old, self.rn_new), a, b)
        lo, hi = bisect_right(self.ev_day, a), bisect_right(self.ev_day, b)
        eids, blob, flags, content = h["eids"], self.blob, self.ver_flags, self.ver_content
        text_off, text_len = self.ver_text_off, self.ver_text_len
        seg_at, seg_kind, seg_off, seg_len = self.seg_at, self.seg_kind, self.seg_off, self.seg_len
        del_open, del_close, ins_open, ins_close = (m.encode() for m in MARKS[color])
        opens, closes = (b"", del_open, ins_open), (b"", del_close, ins_close)  # by segment kind
        minus_open, minus_close = (s.encode() for s in SIDES["-", color])
        plus_open, plus_close = (s.encode() for s in SIDES["+", color])
        window = h["window"]
        out: list[bytes | memoryview] = []
        count = 0
        doubtful: dict[int, int] = {}  # unit → the version of the first act of unknown publication overlapping
        for unit, earliest, latest, version in h["uncertain"]:
            if unit not in doubtful and uncertain_within(earliest, latest, a, b):
                doubtful[unit] = version
        for u in sorted(set(self.ev_unit[lo:hi]) | set(doubtful)):
            i, j = self._version(u, a), self._version(u, b)
            if j - i > window:
                return None
            was = renamed_from.get(u) if not flags[i] & EXISTS else None
            k = self._version(was, a) if was is not None else None
            now = renamed_to.get(u) if not flags[j] & EXISTS else None
            change = classify(self._side(i), self._side(j), was=self._side(k) if k is not None else None,
                              moved=now is not None and bool(flags[self._version(now, b)] & EXISTS))
            if change is None and u in doubtful:  # the act's version lies outside the span
                i, j, was, k = doubtful[u] - 1, doubtful[u], None, None
                change = classify(self._side(i), self._side(j))
            if change is None:
                continue
            before = k if change == "renumbered" else (i if flags[i] & EXISTS else None)
            was_eid = eids[was] if change == "renumbered" and was is not None else None
            count += 1
            pair = self.pair_at[i] + j - i - 1
            after = self._side(j)
            out += [b"\n", change_head("may_have_changed" if u in doubtful else change, eids[u], was_eid,
                                        after.status if after is not None else None).encode(),
                    blob[self.why_off[pair]:self.why_off[pair] + self.why_len[pair]], b"\n"]
            if change == "modified" and not (flags[i] | flags[j]) & UNKNOWN:
                out.append(blob[self.ver_prefix_off[j]:self.ver_prefix_off[j] + self.ver_prefix_len[j]])
                for s in range(seg_at[pair], seg_at[pair + 1]):
                    kind, off = seg_kind[s], seg_off[s]
                    if kind:
                        out += [opens[kind], blob[off:off + seg_len[s]], closes[kind]]
                    else:
                        out.append(blob[off:off + seg_len[s]])
                out.append(b"\n")
                continue
            if before is not None:
                out += [minus_open, blob[text_off[before]:text_off[before] + text_len[before]], minus_close, b"\n"]
            if change != "removed":
                out += [plus_open, blob[text_off[j]:text_off[j] + text_len[j]], plus_close, b"\n"]
        title = diff_title(h["law"], h["lang"], start, end, count) + "\n" + ("" if count else NO_CHANGES + "\n")
        out.insert(0, title.encode())
        return out
