"""Compiled time lines in the store, keyed by everything they are compiled from.

A compiled :class:`~consolidate.timeline.query.Timeline` is stored (its stored form,
:mod:`consolidate.timeline.stored`, written with :mod:`marshal`, which cannot
run code when read, in parts each checked against its CRC-32) under a key that
hashes every input it depends on: the corpus folder, the law's files
(law.toml, act files, snapshot texts), the engine's own source code, the
language and the known-on date.  A stale entry is never read (its key
differs); a damaged, unreadable or foreign entry (not a regular file, another
format) is rebuilt, never served.  Writing an entry removes the entries it
supersedes (same corpus folder, law, language and known-on date, older
inputs), so the store does not grow with every edit of a file, and two
corpus folders never evict each other's entries.

Reading and hashing every input costs more than the rest of a warm ``show``
of a small law, so the content key is remembered under a fingerprint of the
files' metadata (path, size, modification time, inode) and recomputed only
when that changes; a fingerprint of files changed in the last two seconds is
not trusted (:func:`consolidate.store.files.settled`).

Also here, because both indexes need them: which files a law is compiled
from (:func:`inputs`), what an index records of them (:func:`stamp`) and
writing an index when none is current (:func:`write_index`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import files
from .files import Store, file_stats, index_path, pack_parts, read_regular, settled, unpack_parts, write_atomic

if TYPE_CHECKING:
    from ..law import Law
    from ..timeline.query import Timeline

FORMAT = 4  # bump when the stored layout changes in a way the code hash would not show
MAGIC = b"consolidate-timeline\n"


@functools.cache  # the code a process runs does not change under it
def _code_hash() -> str:
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parents[1]
    for path in sorted(pkg.rglob("*.py")):
        h.update(path.relative_to(pkg).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def inputs(law: "Law") -> list[Path]:
    """Every file a law's time lines are compiled from."""
    files = [law.directory / "law.toml", *sorted((law.directory / "acts").glob("*.toml"))]
    files += [s.path for s in law.snapshots]
    return files


def _hash_of_question(law: "Law", lang: str, known_on: _dt.date | None) -> "hashlib._Hash":
    """A hash started with what, besides the files, decides a compiled time line."""
    return hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}|{_code_hash()}|{law.slug}|{lang}|{known_on}".encode())


def key(law: "Law", lang: str, known_on: _dt.date | None) -> str:
    """The hash of everything a time line is compiled from; OSError if an input is not a
    regular file that can be read (the compile that follows then says what is wrong)."""
    h = _hash_of_question(law, lang, known_on)
    for path in inputs(law):
        data = read_regular(str(path))
        if data is None:
            raise OSError(f"not a regular file: {path}")
        h.update(str(path.name).encode())
        h.update(data)
    return h.hexdigest()


def fingerprint(law: "Law", lang: str, known_on: _dt.date | None) -> tuple[str, bool]:
    """What the files' metadata says of them (path, size, modification time, inode),
    and whether it can be trusted (:func:`settled`): the fingerprint of files
    changed just now is not remembered."""
    h = _hash_of_question(law, lang, known_on)
    stats = file_stats([str(p) for p in inputs(law)])
    for path, size, mtime, inode in stats:
        h.update(f"{path}|{size}|{mtime}|{inode}\n".encode())
    return h.hexdigest(), settled(max((st[2] for st in stats), default=0))


def _key_via_fingerprint(directory: Path, stem: str, law: "Law", lang: str, known_on: _dt.date | None) -> str:
    """The content key, read from a small memo when the files' metadata is
    unchanged since it was computed (saves reading and hashing every file); a
    memo that is not exactly a key is ignored and written again."""
    fp, trusted = fingerprint(law, lang, known_on)
    memo = directory / f"{stem}{fp[:32]}.key"
    if trusted:
        remembered = read_regular(str(memo))
        if remembered is not None and len(remembered) == 64 and all(c in b"0123456789abcdef" for c in remembered):
            return remembered.decode("ascii")
    content = key(law, lang, known_on)
    if trusted:
        try:
            import glob

            write_atomic(memo, content.encode("ascii"))
            for old in directory.glob(f"{glob.escape(stem)}*.key"):
                if old != memo:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
    return content


def stem_of(root: str, slug: str, lang: str, known_on: _dt.date | None) -> str:
    """The start of the names of a law's entries: corpus folder, law, language and known-on date."""
    import zlib

    return f"{slug}.{lang}.{zlib.crc32(os.path.abspath(root).encode()):08x}.{known_on.isoformat() if known_on else 'latest'}."


def load_or_compile(
    store: Store,
    root: str,
    law: "Law",
    lang: str,
    known_on: _dt.date | None,
    compile_fn: Callable[["Law", str, _dt.date | None], "Timeline"],
) -> "Timeline":
    """The stored time line for these inputs (of the law in the corpus at ``root``),
    compiling (and storing) it if needed."""
    from ..timeline import stored

    if store.directory is None:
        return compile_fn(law, lang, known_on)
    directory = Path(store.directory)
    stem = stem_of(root, law.slug, lang, known_on)
    try:
        path = directory / f"{stem}{_key_via_fingerprint(directory, stem, law, lang, known_on)[:32]}.timeline"
    except OSError:  # an input file that cannot be read: compiling says which and why
        return compile_fn(law, lang, known_on)
    data = read_regular(str(path))
    if data is not None:
        try:
            main_part, steps_part = unpack_parts(data, MAGIC)
            main = marshal.loads(main_part)
            if isinstance(main, dict) and main.get("lang") == lang:
                return stored.load(main, lambda: marshal.loads(steps_part), law)
        except (ValueError, TypeError, KeyError, IndexError, EOFError, AttributeError):
            pass  # damaged or foreign: rebuilt below
    timeline = compile_fn(law, lang, known_on)
    try:
        import glob

        main, steps = stored.dump(timeline)
        write_atomic(path, pack_parts(MAGIC, [marshal.dumps(main), marshal.dumps(steps)]))
        for old in directory.glob(f"{glob.escape(stem)}*.timeline"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk costs speed, not correctness
    return timeline


# -- what the indexes record of their inputs --------------------------------------------


def inputs_of(law: "Law") -> tuple[list[str], list[str]]:
    """The files a law's time lines are compiled from, and the folders whose
    listing decides which files those are."""
    return [str(p) for p in inputs(law)], [str(law.directory / "acts")]


def stamp(timeline: "Timeline", root: str, fmt: int) -> dict[str, Any]:
    """What an index of ``timeline`` records of what it was built from
    (checked by :func:`consolidate.store.files.open_file`)."""
    paths, watched = inputs_of(timeline.law)
    return {
        "format": fmt,
        "root": os.path.abspath(root),
        "code": files.code_stamp(),
        "python": list(sys.version_info[:2]),
        "law": timeline.law.slug,
        "lang": timeline.lang,
        "default_lang": timeline.law.default_lang(),
        "adopted": timeline.law.adopted.toordinal(),
        "inputs": file_stats(paths),
        "dirs": file_stats(watched),
    }


def write_index(store: Store, root: str, timeline: "Timeline", kind: type[files.IndexFile],
                builder: Callable[["Timeline", str], bytes]) -> None:
    """Write the index of ``kind`` of ``timeline``, built by ``builder``, unless a current one
    exists, the inputs changed too recently to be trusted, or nothing is stored."""
    if store.directory is None or timeline.known_on is not None:
        return
    slug, lang = timeline.law.slug, timeline.lang
    if kind.open(store.directory, root, slug, lang) is not None:
        return
    path = index_path(store.directory, root, slug, lang, kind.KIND)
    paths, dirs = inputs_of(timeline.law)
    try:
        newest = max(st[2] for st in file_stats(paths + dirs))
    except OSError:
        return
    if not settled(newest):
        return
    try:
        write_atomic(Path(path), builder(timeline, root))
    except OSError:
        pass  # a read-only or full disk costs speed, not correctness
