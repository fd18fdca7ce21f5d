"""Word-level differences between two wordings of a unit, and their rendering.

An amendment usually changes a few words of a long unit («слова «X»
заменить словами «Y»»); showing the whole unit twice hides the change.
:func:`word_diff` splits both wordings into words, runs of spaces and single
punctuation marks, and aligns them with difflib's ``SequenceMatcher`` (as
compiled by cydifflib);
:func:`render_redline` shows the result in colour on a terminal (struck-out
red deletions, underlined green insertions) or, without colour, in git's
word-diff notation ``[-deleted-]{+inserted+}``.

The segments always rebuild both texts: the ``equal`` and ``delete`` parts
joined give ``before``, the ``equal`` and ``insert`` parts give ``after``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import attrs

from .render.lines import DELETE_STYLE, INSERT_STYLE, MARKS, RESET, use_color

__all__ = ["DELETE_STYLE", "INSERT_STYLE", "RESET", "Segment", "render_redline", "tokens", "use_color", "word_diff"]

SegmentKind = Literal["equal", "delete", "insert"]

# A word keeps its inner hyphens and apostrophes («военно-промышленный»,
# «41-1»); spaces group; every other mark is a token of its own, so that a
# changed comma does not take the neighbouring words with it.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]")

@attrs.frozen
class Segment:
    """A run of text that both wordings share, or that only one has."""

    kind: SegmentKind
    text: str


def tokens(text: str) -> list[str]:
    """The words, spaces and punctuation marks of ``text``; they join back to it."""
    return _TOKEN.findall(text)


def _runs(a: list[str], b: list[str]) -> list[str | tuple[str, str]]:
    """The alignment of two token lists as runs: text both share (a string) and
    changes (deleted, inserted) in turn, none empty."""
    # An amendment changes a few words of a unit: align only what lies between
    # the common beginning and the common end (the matcher's time grows with
    # the product of the lengths it is given).
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    from cydifflib import SequenceMatcher  # difflib's algorithm compiled: the same alignments, 2-3x faster

    runs: list[str | tuple[str, str]] = []
    if head:
        runs.append("".join(a[:head]))
    for op, i1, i2, j1, j2 in SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append("".join(mid_a[i1:i2]))
        else:  # "replace" is a deletion followed by an insertion
            runs.append(("".join(mid_a[i1:i2]), "".join(mid_b[j1:j2])))
    if tail:
        runs.append("".join(a[len(a) - tail:]))
    return runs


def _absorb_spaces(runs: list[str | tuple[str, str]]) -> list[str | tuple[str, str]]:
    """Join replacements separated only by spaces: «a b» → «c d» reads as
    ``[-a b-]{+c d+}`` rather than ``[-a-]{+c+} [-b-]{+d+}``.  The space goes
    into both the deletion and the insertion, so both texts still rebuild."""
    out: list[str | tuple[str, str]] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if isinstance(run, tuple):
            deleted, inserted = run
            while (deleted and inserted and i + 2 < len(runs)
                   and isinstance(space := runs[i + 1], str) and space.isspace()
                   and isinstance(nxt := runs[i + 2], tuple) and nxt[0] and nxt[1]):
                deleted, inserted = deleted + space + nxt[0], inserted + space + nxt[1]
                i += 2
            run = (deleted, inserted)
        out.append(run)
        i += 1
    return out


def word_diff(before: str, after: str) -> tuple[Segment, ...]:
    """The word-level difference from ``before`` to ``after``.

    Within a change, the deletion comes before the insertion.  Junk
    heuristics are off: in a long unit a frequent word («Республики») is
    still a word, not noise.
    """
    segments: list[Segment] = []
    for run in _absorb_spaces(_runs(tokens(before), tokens(after))):
        if isinstance(run, str):
            segments.append(Segment("equal", run))
        else:
            if run[0]:
                segments.append(Segment("delete", run[0]))
            if run[1]:
                segments.append(Segment("insert", run[1]))
    return tuple(segments)


def render_redline(segments: Iterable[Segment], *, color: bool) -> str:
    """The segments as one text: with ``color``, ANSI red struck-out
    deletions and green underlined insertions; otherwise git's word-diff
    marks ``[-deleted-]{+inserted+}``."""
    del_open, del_close, ins_open, ins_close = MARKS[color]
    out: list[str] = []
    for seg in segments:
        match seg.kind:
            case "equal":
                out.append(seg.text)
            case "delete":
                out.append(f"{del_open}{seg.text}{del_close}")
            case "insert":
                out.append(f"{ins_open}{seg.text}{ins_close}")
            case _:
                raise ValueError(f"segment kind must be equal, delete or insert (got {seg.kind!r})")
    return "".join(out)
