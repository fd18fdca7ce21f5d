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

One index per law, language and corpus folder, in the cache folder, written
atomically by the first ``show`` of the full engine.  It records what it was
built from: the size and modification time of each of the engine's source
files, and the path, size, modification time and inode of every input file
and of the acts folder.  If any of it differs,
or the index cannot be read, or the date is before the law, it answers
nothing and the full engine does the work.  Files changed in the last two
seconds are not trusted (see :func:`consolidate.cache.fingerprint`): no index
is written for them.

This module imports nothing heavy: it runs before the command line is built.
"""

from __future__ import annotations

import marshal
import os
import sys
import time

TYPE_CHECKING = False  # not from typing: importing it would be a fifth of this path's time
if TYPE_CHECKING:
    import datetime as _dt
    from bisect import bisect_right as bisect_right
    from collections.abc import Callable, Sequence
    from datetime import date
    from typing import IO, Any

    from .law import Law
    from .timeline import Timeline
else:
    try:  # the C modules that bisect and datetime re-export: the same function and class, without
        # loading bisect.py, and datetime.py with math and operator (2.3 ms, a seventh of a quick show)
        from _bisect import bisect_right
        from _datetime import date
    except ImportError:  # a Python without them
        from bisect import bisect_right
        from datetime import date

FORMAT = 4
_MAGIC = b"consolidate-text-index\n"
_OPEN = 2**31 - 1  # the end of a version still in effect (a date ordinal no date reaches)
_RUN = 128  # rows per run (see build)


def cache_dir() -> str | None:
    """``$CONSOLIDATE_CACHE``, else ``$XDG_CACHE_HOME/consolidate``, else ``~/.cache/consolidate``;
    None when ``CONSOLIDATE_CACHE=off``."""
    env = os.environ.get("CONSOLIDATE_CACHE")
    if env == "off":
        return None
    if env:
        return env
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                        "consolidate")


def code_stamp() -> list[list[Any]]:
    """The engine's source files with their sizes and modification times (what
    Python itself checks before it trusts a compiled module), and its folders
    with theirs (a module added or removed changes its folder's)."""
    pkg = os.path.dirname(os.path.realpath(__file__))
    found = []
    for folder, dirs, names in os.walk(pkg):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.append([folder, -1, os.stat(folder).st_mtime_ns])
        for name in sorted(names):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                found.append([os.path.join(folder, name), st.st_size, st.st_mtime_ns])
    return found


def _unchanged(recorded: list[list[Any]], inodes: bool) -> bool:
    """Whether the files (and folders) recorded as [path, size or -1, mtime(, inode)]
    still are so; stops at the first that is not."""
    stat = os.stat
    for entry in recorded:
        st = stat(entry[0])
        if (st.st_mtime_ns != entry[2] or (entry[1] >= 0 and st.st_size != entry[1])
                or (inodes and st.st_ino != entry[3])):
            return False
    return True


def settled(newest_mtime_ns: int) -> bool:
    """Whether files last changed at ``newest_mtime_ns`` can be known by their
    metadata: one changed in the last two seconds may change again within the
    clock's resolution without its metadata showing it (the "racy" case git
    knows), so nothing is remembered of such files."""
    return newest_mtime_ns < time.time_ns() - 2_000_000_000


def default_root() -> str:
    """The corpus the command reads by default: ``$CONSOLIDATE_CORPUS``, else the shipped one."""
    # as corpus.default_root: the real path, also when the package is installed as links to it
    return os.environ.get("CONSOLIDATE_CORPUS") or os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def index_path(directory: str, root: str, slug: str, lang: str, kind: str = "textindex") -> str:
    """Where the index (``kind``: textindex or diffindex) of a law in a language,
    read from the corpus at ``root``, is kept."""
    import zlib

    return os.path.join(directory, f"{slug}.{lang}.{zlib.crc32(os.path.abspath(root).encode()):08x}.{kind}")


def file_stats(paths: Sequence[str]) -> list[list[Any]]:
    """[absolute path, size, modification time, inode] of each file: what the
    cache's fingerprint and the text index know files by."""
    out = []
    for path in paths:
        st = os.stat(path)
        out.append([os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino])
    return out


# -- building -------------------------------------------------------------------------


def build(timeline: "Timeline", root: str) -> bytes:
    """The index of ``timeline``, its law read from the corpus at ``root``."""
    import array

    from .model import ROOT
    from .render.layout import signature_lines, title_line, unit_lines
    from .render.output import UNKNOWN

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

    def intervals(eid: str) -> list[tuple[int, int, Any]]:
        """(first day, day after the last, version) of each version of ``eid`` that exists."""
        chain = timeline.chains.get(eid)
        if not chain or eid not in timeline._starts:
            return []
        out = []
        versions = list(chain)
        for i, v in enumerate(versions):
            if v.unit is None:
                continue
            # version_at gives the first version to every day before it
            lo = 1 if i == 0 else v.start.toordinal()
            hi = versions[i + 1].start.toordinal() if i + 1 < len(versions) else _OPEN
            if lo < hi:
                out.append((lo, hi, v))
        return out

    def cut(own: list[tuple[int, int, Any]], shown: list[tuple[int, int]]) -> list[tuple[int, int, Any]]:
        return [(max(lo, a), min(hi, b), v) for lo, hi, v in own for a, b in shown if max(lo, a) < min(hi, b)]

    stack: list[tuple[str, list[tuple[int, int]]]] = []
    root_shown = [(lo, hi) for lo, hi, _v in intervals(ROOT)]
    for c in reversed(timeline.order.get(ROOT, ())):
        stack.append((c, root_shown))
    while stack:
        eid, parent_shown = stack.pop()
        rows = cut(intervals(eid), parent_shown)
        for lo, hi, v in rows:
            starts.append(lo)
            ends.append(hi)
            row_pieces.append(piece(unit_lines(v.unit, lang, marker, md=False)))
            is_unknown = v.unit.status.value == "unknown"
            doubts = [[eff.earliest.toordinal(), eff.latest.toordinal(), act, v.start < eff.latest]
                      for eff, act in timeline.uncertain.get(eid, ())]
            if is_unknown or doubts:
                notes.append([lo, hi, eid, is_unknown, v.reason, doubts])
        shown = [(lo, hi) for lo, hi, _v in rows]
        for c in reversed(timeline.order.get(eid, ())):
            stack.append((c, shown))
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
    return pack(_MAGIC, header, arrays, blob)


class Blob:
    """The bytes an index stores, each distinct piece once."""

    def __init__(self) -> None:
        self.data = bytearray()
        self._at: dict[bytes, tuple[int, int]] = {}

    def place(self, piece: bytes) -> tuple[int, int]:
        """(offset, length) of ``piece`` in the blob, added the first time it is placed."""
        found = self._at.get(piece)
        if found is None:
            found = self._at[piece] = (len(self.data), len(piece))
            self.data.extend(piece)
        return found


def stamp(timeline: "Timeline", root: str, fmt: int) -> dict[str, Any]:
    """What an index of ``timeline`` records of what it was built from (see :func:`open_file`)."""
    inputs, watched = inputs_of(timeline.law)
    return {
        "format": fmt,
        "root": os.path.abspath(root),
        "code": code_stamp(),
        "python": list(sys.version_info[:2]),
        "law": timeline.law.slug,
        "lang": timeline.lang,
        "default_lang": timeline.law.default_lang(),
        "adopted": timeline.law.adopted.toordinal(),
        "inputs": file_stats(inputs),
        "dirs": file_stats(watched),
    }


def pack(magic: bytes, header: dict[str, Any], arrays: Sequence[Any], blob: bytes | bytearray) -> bytes:
    """An index file: ``magic``, the header (marshal), the arrays (each on an
    8-byte boundary, so that they can be read in place) and the blob."""
    header = dict(header, arrays=[(arr.typecode, len(arr)) for arr in arrays], blob=len(blob))
    head_bytes = marshal.dumps(header)
    out = bytearray(magic)
    out += len(head_bytes).to_bytes(8, "little") + head_bytes
    for arr in arrays:
        out += bytes(-len(out) % 8)
        out += arr.tobytes()
    out += bytes(-len(out) % 8)
    out += blob
    return bytes(out)


def inputs_of(law: "Law") -> tuple[list[str], list[str]]:
    """The files a law's time lines are compiled from, and the folders whose
    listing decides which files those are."""
    from .cache import inputs

    return [str(p) for p in inputs(law)], [str(law.directory / "acts")]


def for_timeline(root: str, timeline: "Timeline") -> Index:
    """The index of ``timeline``: the one on disk if it is current, else one built in memory."""
    directory = cache_dir()
    slug, lang = timeline.law.slug, timeline.lang
    if directory is not None and timeline.known_on is None:
        found = _open(index_path(directory, root, slug, lang), root, slug, lang)
        if found is not None:
            return found
    return read(build(timeline, root))


def ensure(root: str, timeline: "Timeline") -> None:
    """Write the index of ``timeline`` (of the law's whole history) unless a current
    one exists (or the inputs changed too recently to be trusted, or the cache is off)."""
    write_index(root, timeline, "textindex", _MAGIC, FORMAT, build)


def write_index(root: str, timeline: "Timeline", kind: str, magic: bytes, fmt: int,
                builder: Callable[[Timeline, str], bytes]) -> None:
    """Write the index ``kind`` of ``timeline``, built by ``builder``, unless a current one
    exists, the inputs changed too recently to be trusted, or the cache is off."""
    directory = cache_dir()
    if directory is None or timeline.known_on is not None:
        return
    slug, lang = timeline.law.slug, timeline.lang
    path = index_path(directory, root, slug, lang, kind)
    if open_file(path, root, slug, lang, magic, fmt) is not None:
        return
    files, dirs = inputs_of(timeline.law)
    try:
        newest = max(st[2] for st in file_stats(files + dirs))
    except OSError:
        return
    if not settled(newest):
        return
    from pathlib import Path

    from .cache import write_atomic

    try:
        write_atomic(Path(path), builder(timeline, root))
    except OSError:
        pass  # a read-only or full disk costs speed, not correctness


# -- reading --------------------------------------------------------------------------


class Index:
    """An index read from disk (memory-mapped) or built in memory."""

    def __init__(self, header: dict[str, Any], arrays: list[memoryview], blob: memoryview):
        self.header = header
        (self.starts, self.ends, self.offsets, self.lengths,
         self.run_days, self.run_at, self.span_at, self.range_off, self.range_len) = arrays
        self.blob = blob
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
            from .render.lines import uncertain_warning, unknown_lines, warning_lines

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


def write_all(fd: int, parts: list[bytes | memoryview]) -> None:
    """Write ``parts`` to the file descriptor in order, a batch of pieces per
    system call, resuming after a partial write."""
    i = 0
    while i < len(parts):
        batch = parts[i:i + 1024]  # IOV_MAX on Linux
        n = os.writev(fd, batch)
        for p in batch:
            if n < len(p):
                parts[i] = p[n:]
                break
            n -= len(p)
            i += 1


def read(data: "Any") -> Index:
    """The text index in ``data`` (bytes, or a memory map of the file); ValueError if it is not one."""
    return Index(*unpack(data, _MAGIC, FORMAT))


def unpack(data: "Any", magic: bytes, fmt: int) -> tuple[dict[str, Any], list[memoryview], memoryview]:
    """The header, arrays and blob of the index in ``data``, written by :func:`pack`
    with ``magic`` and format ``fmt``; ValueError if it is not one."""
    view = memoryview(data)
    if view[:len(magic)] != magic:
        raise ValueError("not an index of this kind")
    at = len(magic)
    size = int.from_bytes(view[at:at + 8], "little")
    header = marshal.loads(view[at + 8:at + 8 + size])
    if not isinstance(header, dict) or header.get("format") != fmt:
        raise ValueError("an index of another format")
    at += 8 + size
    arrays = []
    for code, count in header["arrays"]:  # read in place: no copy, and no array module to import
        at += -at % 8
        width = 4 if code == "i" else 8
        if at + count * width > len(view):
            raise ValueError("an index cut short")
        part = view[at:at + count * width]
        arrays.append(part.cast("i") if code == "i" else part.cast("q"))
        at += count * width
    at += -at % 8
    if len(view) - at != header["blob"]:
        raise ValueError("an index cut short or run on")
    return header, arrays, view[at:]


def _open(path: str, root: str, slug: str, lang: str) -> Index | None:
    """The text index at ``path`` if it is whole and current, else None."""
    found = open_file(path, root, slug, lang, _MAGIC, FORMAT)
    return None if found is None else Index(*found)


def open_file(path: str, root: str, slug: str, lang: str, magic: bytes,
              fmt: int) -> tuple[dict[str, Any], list[memoryview], memoryview] | None:
    """The parts of the index at ``path`` (see :func:`unpack`) if it is whole and
    current: built from the same corpus folder, law and language by the same
    engine and Python, from input files and folders that have not changed since;
    else None."""
    import mmap

    try:
        with open(path, "rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        found = unpack(data, magic, fmt)
        h = found[0]
        if (h["law"] != slug or h["lang"] != lang or h["root"] != os.path.abspath(root)
                or h["python"] != list(sys.version_info[:2])):
            return None
        if not (_unchanged(h["code"], False) and _unchanged(h["inputs"], True) and _unchanged(h["dirs"], True)):
            return None
        return found
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError):
        return None


# -- the command line's quick path ------------------------------------------------------


#: the commands the indexes answer: the number of their arguments and the options they take
QUICK = {"show": (1, ("--as-of", "--lang", "--format")), "diff": (3, ("--lang", "--format"))}


def parse(argv: Sequence[str]) -> tuple[str, str, list[str], dict[str, str]] | None:
    """(corpus root, command, arguments, options) of ``[--corpus DIR] show LAW
    [--as-of D] [--lang L] [--format text]`` or ``[--corpus DIR] diff LAW D1 D2
    [--lang L] [--format text]``; None for anything else (the full command line
    handles it, and says what is wrong with it)."""
    args = list(argv)
    root = None
    opts: dict[str, str] = {}
    positional: list[str] = []
    command = None
    i = 0
    while i < len(args):
        a = args[i]
        name, eq, value = a.partition("=")
        if a.startswith("-"):
            allowed = ("--corpus",) if command is None else QUICK[command][1]
            if name not in allowed:
                return None
            if not eq:
                i += 1
                if i >= len(args):
                    return None
                value = args[i]
            if not value:
                return None  # an empty value: the command line says what it makes of it
            if name == "--corpus":
                root = value
            elif name in opts:
                return None
            else:
                opts[name] = value
        elif command is None:
            if a not in QUICK:
                return None
            command = a
        else:
            positional.append(a)
        i += 1
    if command is None or len(positional) != QUICK[command][0] or opts.get("--format", "text") != "text":
        return None
    return (root or default_root(), command, positional, opts)


def _day(text: str | None) -> _dt.date | None:
    """A date given on the command line (today if none); None if it is not one."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _answer(directory: str, parsed: tuple[str, str, list[str], dict[str, str]],
            stream: Any) -> list[bytes | memoryview] | None:
    """The pieces of the answer to a parsed ``show`` or ``diff`` from its index
    in ``directory`` (colour as for ``stream``); None if the index cannot give it."""
    root, command, args, opts = parsed
    slug, lang = args[0], opts.get("--lang") or "rus"
    days = [_day(opts.get("--as-of"))] if command == "show" else [_day(args[1]), _day(args[2])]
    if None in days:
        return None
    found: Any
    if command == "show":
        found = _open(index_path(directory, root, slug, lang), root, slug, lang)
    else:
        from . import diffindex

        found = diffindex.open_index(directory, root, slug, lang)
    if found is None or ("--lang" not in opts and found.header["default_lang"] != "rus"):
        return None  # no current index, or the law's default language is another one
    if command == "show":
        return found.parts(days[0])  # type: ignore[no-any-return]
    from .render.lines import use_color

    return found.parts(days[0], days[1], color=use_color(stream))  # type: ignore[no-any-return]


def serve(argv: Sequence[str], out: IO[bytes] | None = None) -> bool:
    """Answer a plain ``consolidate show`` from a current text index, or a plain
    ``consolidate diff`` from a current diff index (:mod:`consolidate.diffindex`),
    writing to ``out`` (default: standard output); False if the full engine must answer."""
    directory = cache_dir()
    if directory is None or os.name != "posix":  # elsewhere text output translates newlines
        return False
    parsed = parse(argv)
    if parsed is None:
        return False
    stream: Any = sys.stdout if out is None else out
    if out is None:
        encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8":
            return False
        out = sys.stdout.buffer
    parts = _answer(directory, parsed, stream)
    if parts is None:
        return False
    try:
        fd = out.fileno() if out is sys.stdout.buffer else None
    except (AttributeError, OSError, ValueError):  # a stream without a file descriptor
        fd = None
    if fd is not None:
        out.flush()
        write_all(fd, parts)
    else:
        out.write(b"".join(parts))
        out.flush()
    return True


def main() -> None:
    """The ``consolidate`` command: a plain ``show`` or ``diff`` from an index, everything else by
    :mod:`consolidate.cli`."""
    try:
        if serve(sys.argv[1:]):
            return
    except BrokenPipeError:  # `consolidate show ... | head`
        sys.stderr.close()
        sys.exit(0)
    from .cli import main as cli_main

    cli_main()
