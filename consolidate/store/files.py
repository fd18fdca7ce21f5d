"""The store's files: where they live, what they record of their inputs, how they are written and packed.

An index file is ``magic``, a header (marshal) that records what the index
was built from, arrays (each on an 8-byte boundary, so that they are read in
place from a memory map) and a blob of bytes.  A file is trusted only while
what it records still holds: the same corpus folder, law and language, the
same engine source files (size and modification time, as Python itself
checks before it trusts a compiled module) and the same input files (path,
size, modification time, inode); files changed in the last two seconds are
never recorded (:func:`settled`).  Writes are atomic: a temporary file in
the same folder, then ``os.replace``.

This module imports nothing of the engine and nothing heavy: the command
line's quick path runs it before anything else is loaded.
"""

from __future__ import annotations

import marshal
import os
import sys
import time

TYPE_CHECKING = False  # not from typing: importing it would be a fifth of the quick path's time
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any, Self


class Store:
    """The store's folder (``None``: nothing is stored, every question is compiled)."""

    __slots__ = ("directory",)

    def __init__(self, directory: str | None) -> None:
        self.directory = directory

    def __repr__(self) -> str:
        return f"Store({self.directory!r})"


def code_stamp() -> list[list[Any]]:
    """The engine's source files with their sizes and modification times, and its
    folders with theirs (a module added or removed changes its folder's)."""
    pkg = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    found = []
    for folder, dirs, names in os.walk(pkg):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.append([folder, -1, os.stat(folder).st_mtime_ns])
        for name in sorted(names):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                found.append([os.path.join(folder, name), st.st_size, st.st_mtime_ns])
    return found


def unchanged(recorded: list[list[Any]], inodes: bool) -> bool:
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


def file_stats(paths: Sequence[str]) -> list[list[Any]]:
    """[absolute path, size, modification time, inode] of each file."""
    out = []
    for path in paths:
        st = os.stat(path)
        out.append([os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino])
    return out


def index_path(directory: str, root: str, slug: str, lang: str, kind: str) -> str:
    """Where the index ``kind`` (textindex, diffindex) of a law in a language, read
    from the corpus at ``root``, is kept."""
    import zlib

    return os.path.join(directory, f"{slug}.{lang}.{zlib.crc32(os.path.abspath(root).encode()):08x}.{kind}")


def open_regular(path: str) -> int | None:
    """A descriptor of the regular file at ``path``, opened for reading; None when there is
    none, or when what is there is anything else — a directory, a FIFO or device (opened
    without blocking, never read), a symbolic link (never followed: the store holds only
    files it wrote itself)."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def read_regular(path: str) -> bytes | None:
    """The bytes of the regular file at ``path`` (see :func:`open_regular`), or None."""
    fd = open_regular(path)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def pack_parts(magic: bytes, parts: Sequence[bytes]) -> bytes:
    """A store file of ``parts``: ``magic``, their count, then each with its length and CRC-32."""
    import zlib

    out = bytearray(magic)
    out += len(parts).to_bytes(4, "little")
    for part in parts:
        out += len(part).to_bytes(8, "little") + zlib.crc32(part).to_bytes(4, "little")
        out += part
    return bytes(out)


def unpack_parts(data: bytes, magic: bytes) -> list[bytes]:
    """The parts of a store file written by :func:`pack_parts`, each checked against its
    CRC-32; ValueError if the file is not one, or is damaged or cut short."""
    import zlib

    if data[:len(magic)] != magic:
        raise ValueError("not a store file of this kind")
    view = memoryview(data)
    at = len(magic)
    count = int.from_bytes(view[at:at + 4], "little")
    at += 4
    parts = []
    for _ in range(count):
        size = int.from_bytes(view[at:at + 8], "little")
        crc = int.from_bytes(view[at + 8:at + 12], "little")
        at += 12
        part = bytes(view[at:at + size])
        if len(part) != size or zlib.crc32(part) != crc:
            raise ValueError("a store file damaged or cut short")
        parts.append(part)
        at += size
    if at != len(view):
        raise ValueError("a store file run on")
    return parts


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The file gets ``mode`` when given (a temporary file is readable by its owner only)."""
    import tempfile  # writes are rare: a command answered from the store does not import it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None:
                os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        from pathlib import Path as _Path

        _Path(tmp).unlink(missing_ok=True)
        raise


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


def pack(magic: bytes, header: dict[str, Any], arrays: Sequence[Any], blob: bytes | bytearray) -> bytes:
    """An index file: ``magic``, the header (marshal) and its CRC-32, the arrays (each on an
    8-byte boundary, so that they can be read in place) and the blob; the header records the
    arrays' shapes and the CRC-32 of the arrays and of the blob."""
    import zlib

    body = bytearray()
    for arr in arrays:
        body += bytes(-len(body) % 8)
        body += arr.tobytes()
    body += bytes(-len(body) % 8)
    header = dict(header, arrays=[(arr.typecode, len(arr)) for arr in arrays], blob=len(blob),
                  crc=[zlib.crc32(body), zlib.crc32(blob)])
    head_bytes = marshal.dumps(header)
    out = bytearray(magic)
    out += len(head_bytes).to_bytes(8, "little") + head_bytes + zlib.crc32(head_bytes).to_bytes(4, "little")
    out += bytes(-len(out) % 8)
    out += body
    out += blob
    return bytes(out)


def unpack(data: Any, magic: bytes, fmt: int) -> tuple[dict[str, Any], list[memoryview], memoryview]:
    """The header, arrays and blob of the index in ``data``, written by :func:`pack`
    with ``magic`` and format ``fmt``; ValueError if it is not one, or if any byte of it
    differs from what was written (each part is checked against its CRC-32)."""
    import zlib

    view = memoryview(data)
    if view[:len(magic)] != magic:
        raise ValueError("not an index of this kind")
    at = len(magic)
    size = int.from_bytes(view[at:at + 8], "little")
    head = view[at + 8:at + 8 + size]
    if len(head) != size or zlib.crc32(head) != int.from_bytes(view[at + 8 + size:at + 12 + size], "little"):
        raise ValueError("an index whose header is damaged")
    try:  # an empty or odd header whose CRC happens to hold (b"" has CRC 0) is no header
        header = marshal.loads(head)
    except (EOFError, ValueError, TypeError):
        raise ValueError("an index whose header cannot be read") from None
    if not isinstance(header, dict) or header.get("format") != fmt:
        raise ValueError("an index of another format")
    arrays_ok = isinstance(header.get("arrays"), (list, tuple)) and all(
        isinstance(a, (list, tuple)) and len(a) == 2 and a[0] in ("i", "q") and isinstance(a[1], int) and a[1] >= 0
        for a in header["arrays"])
    crc = header.get("crc")
    if not arrays_ok or not isinstance(header.get("blob"), int) or not (
            isinstance(crc, (list, tuple)) and len(crc) == 2 and all(isinstance(c, int) for c in crc)):
        raise ValueError("an index whose header is not an index's")
    at += 12 + size
    at += -at % 8
    start = at
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
    body_crc, blob_crc = header["crc"]
    if len(view) - at != header["blob"] or zlib.crc32(view[start:at]) != body_crc \
            or zlib.crc32(view[at:]) != blob_crc:
        raise ValueError("an index damaged, cut short or run on")
    return header, arrays, view[at:]


def open_file(path: str, root: str, slug: str, lang: str, magic: bytes,
              fmt: int) -> tuple[dict[str, Any], list[memoryview], memoryview] | None:
    """The parts of the index at ``path`` (see :func:`unpack`) if it is whole and
    current: built from the same corpus folder, law and language by the same
    engine and Python, from input files and folders that have not changed since;
    else None."""
    import mmap

    try:
        fd = open_regular(path)
        if fd is None:
            return None
        try:
            data = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        finally:
            os.close(fd)
        found = unpack(data, magic, fmt)
        h = found[0]
        if (h["law"] != slug or h["lang"] != lang or h["root"] != os.path.abspath(root)
                or h["python"] != list(sys.version_info[:2])):
            return None
        if not (unchanged(h["code"], False) and unchanged(h["inputs"], True) and unchanged(h["dirs"], True)):
            return None
        return found
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError):
        return None


class IndexFile:
    """An index of one kind (``KIND``, written with ``MAGIC`` in format ``FORMAT``), read
    from the store (memory-mapped) or from bytes built in memory.  Its arrays become the
    attributes ``ARRAYS`` names, in the order they were packed."""

    KIND = ""
    MAGIC = b""
    FORMAT = 0
    ARRAYS: tuple[str, ...] = ()

    def __init__(self, header: dict[str, Any], arrays: list[memoryview], blob: memoryview) -> None:
        if len(arrays) != len(self.ARRAYS):
            raise ValueError(f"a {self.KIND} has {len(self.ARRAYS)} arrays (got {len(arrays)})")
        self.header = header
        self.blob = blob
        for name, array in zip(self.ARRAYS, arrays):
            setattr(self, name, array)

    @classmethod
    def read(cls, data: Any) -> Self:
        """The index in ``data`` (bytes, or a memory map of the file); ValueError if it is not one."""
        return cls(*unpack(data, cls.MAGIC, cls.FORMAT))

    @classmethod
    def open(cls, directory: str, root: str, slug: str, lang: str) -> Self | None:
        """The current index of a law in a language read from the corpus at ``root``, if the
        store in ``directory`` holds one (see :func:`open_file`); else None."""
        found = open_file(index_path(directory, root, slug, lang, cls.KIND), root, slug, lang, cls.MAGIC, cls.FORMAT)
        return None if found is None else cls(*found)
