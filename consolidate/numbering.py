"""Numbers of provisions and Akoma Ntoso eIds.

Kazakh laws number inserted units with a hyphen suffix: ``2-1`` sits between
``2`` and ``3``; ``8-1)`` and ``8-2)`` between ``8)`` and ``9)``.  A number is
kept as the string the law prints without its punctuation (``"8-1"``) and
sorted by :func:`num_key`, numerically on each component.

An eId is a path of ``prefix_num`` segments joined by ``__``:
``art_15__para_1__subpara_8-1``; unnumbered blocks are ``part_N`` counted in
their container; chapters are ``chp_3``.  Articles are unique in a law, so an
article's eId does not include its chapter (as in Akoma Ntoso).
"""

from __future__ import annotations

import functools
import re

from .errors import DataError

# the kinds of provisions an eId names, outermost first: the one table of how
# units nest (a chapter holds articles, ..., a subparagraph holds parts), which
# every reader of addresses takes from here
KINDS: tuple[str, ...] = ("chapter", "article", "paragraph", "subparagraph", "part")
DEPTH: dict[str, int] = {kind: depth for depth, kind in enumerate(KINDS)}
# prefix of each kind in an eId, in nesting order
PREFIXES: dict[str, str] = dict(zip(KINDS, ("chp", "art", "para", "subpara", "part")))
KINDS_BY_PREFIX: dict[str, str] = {v: k for k, v in PREFIXES.items()}

_NUM_RE = re.compile(r"^\d+(?:-\d+)*$")
_SEGMENT_RE = re.compile(r"^(chp|art|para|subpara|part)_(\d+(?:-\d+)*)$")


@functools.lru_cache(maxsize=8192)  # pure, and asked for the same few numbers over and over in a replay
def normalize_num(text: str) -> str:
    """``"8-1)"``, ``" 2-1. "``, ``"8–1"`` → ``"8-1"``; raise ``DataError`` if not a number."""
    s = text.strip().rstrip(".)").strip().replace("–", "-").replace("‑", "-")
    if not _NUM_RE.match(s):
        raise DataError(f"not a provision number: {text!r}")
    return s


@functools.lru_cache(maxsize=8192)
def num_key(num: str) -> tuple[int, ...]:
    """Sort key of a number: ``"2-1"`` → ``(2, 1)``; ``"2"`` → ``(2,)``.

    Tuples compare component by component and a prefix sorts first, so
    ``2 < 2-1 < 2-2 < 3`` as the law requires.
    """
    return tuple(int(p) for p in normalize_num(num).split("-"))


def format_num(key: tuple[int, ...]) -> str:
    """Inverse of :func:`num_key`."""
    if not key or any(p < 0 for p in key):
        raise DataError(f"not a number key: {key!r}")
    return "-".join(str(p) for p in key)


def inserted_after(num: str, existing: tuple[str, ...] = ()) -> str:
    """The number a unit inserted right after ``num`` takes: ``8`` → ``8-1``,
    or ``8-2`` if ``8-1`` is taken (by the same rule the legislator uses)."""
    base = num_key(num)
    taken = {num_key(n) for n in existing}
    k = 1
    while base + (k,) in taken:
        k += 1
    return format_num(base + (k,))


Segment = tuple[str, str]  # (kind, num)


@functools.lru_cache(maxsize=8192)
def parse_eid(eid: str) -> tuple[Segment, ...]:
    """``"art_15__para_1"`` → ``(("article", "15"), ("paragraph", "1"))``.

    The preamble's blocks are ``preamble__part_N``; its first segment parses
    as ``("preamble", "")``.
    """
    if not eid:
        raise DataError("empty eId")
    out: list[Segment] = []
    for i, seg in enumerate(eid.split("__")):
        if i == 0 and seg == "preamble":
            out.append(("preamble", ""))
            continue
        m = _SEGMENT_RE.match(seg)
        if not m:
            raise DataError(f"malformed eId {eid!r}: segment {seg!r} is not prefix_number")
        out.append((KINDS_BY_PREFIX[m.group(1)], m.group(2)))
    return tuple(out)


def format_eid(segments: tuple[Segment, ...] | list[Segment]) -> str:
    """Inverse of :func:`parse_eid`."""
    parts = []
    for kind, num in segments:
        if kind == "preamble":
            parts.append("preamble")
            continue
        if kind not in PREFIXES:
            raise DataError(f"unknown provision kind {kind!r}")
        parts.append(f"{PREFIXES[kind]}_{normalize_num(num)}")
    return "__".join(parts)


def child_eid(parent: str | None, kind: str, num: str) -> str:
    """eId of a child: chapters and articles start a new path (articles are
    unique in a law); everything else extends the parent's eId."""
    seg = format_eid([(kind, num)])
    if kind in ("chapter", "article") or not parent or parent == "law":
        return seg
    if parent.startswith("chp_"):
        return seg
    return f"{parent}__{seg}"


def eid_kind(eid: str) -> str:
    """Kind of the last segment of an eId."""
    return parse_eid(eid)[-1][0]


def eid_num(eid: str) -> str:
    """Number of the last segment of an eId."""
    return parse_eid(eid)[-1][1]


def parent_path(eid: str) -> str | None:
    """The eId one level up in the path (``None`` for an article or chapter)."""
    head, sep, _ = eid.rpartition("__")
    return head if sep else None


def is_within(eid: str, ancestor: str) -> bool:
    """True if ``eid`` is ``ancestor`` or lies below it in the eId path."""
    return eid == ancestor or eid.startswith(ancestor + "__")


def eid_sort_key(eid: str) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """A total order on eIds consistent with document order of numbered units
    in one container: by kind depth, then numerically."""
    return tuple(
        (-1, ()) if k == "preamble" else (DEPTH[k], num_key(n)) for k, n in parse_eid(eid)
    )
