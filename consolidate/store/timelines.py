"""Compiled time lines in the store, keyed by everything they are compiled from.

A compiled :class:`~consolidate.timeline.query.Timeline` is stored (its stored form,
:mod:`consolidate.timeline.stored`, pickled) under a key that hashes every
input it depends on: the law's files (law.toml, act files, snapshot texts),
the engine's own source code, the language and the known-on date.  A stale
entry is never read (its key differs); a corrupt or unreadable entry is
rebuilt.  Writing an entry removes the entries it supersedes (same law,
language and known-on date, older inputs), so the store does not grow with
every edit of a file.

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
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import files
from .files import Store, file_stats, index_path, settled, write_atomic

if TYPE_CHECKING:
    from ..law import Law
    from ..timeline.query import Timeline

FORMAT = 3  # bump when the stored layout changes in a way the code hash would not show


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
    h = _hash_of_question(law, lang, known_on)
    for path in inputs(law):
        h.update(str(path.name).encode())
        h.update(path.read_bytes())
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
    unchanged since it was computed (saves reading and hashing every file)."""
    fp, trusted = fingerprint(law, lang, known_on)
    memo = directory / f"{stem}{fp[:32]}.key"
    if trusted:
        try:
            remembered = memo.read_text(encoding="ascii").strip()
            if len(remembered) == 64:
                return remembered
        except OSError:
            pass
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


def load_or_compile(
    store: Store,
    law: "Law",
    lang: str,
    known_on: _dt.date | None,
    compile_fn: Callable[["Law", str, _dt.date | None], "Timeline"],
) -> "Timeline":
    """The stored time line for these inputs, compiling (and storing) it if needed."""
    from ..timeline import stored

    if store.directory is None:
        return compile_fn(law, lang, known_on)
    directory = Path(store.directory)
    stem = f"{law.slug}.{lang}.{known_on.isoformat() if known_on else 'latest'}."
    path = directory / f"{stem}{_key_via_fingerprint(directory, stem, law, lang, known_on)[:32]}.pickle"
    try:
        with path.open("rb") as fh:
            main, steps = pickle.load(fh)
        if main.get("lang") == lang:
            return stored.load(main, lambda: pickle.loads(steps), law)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - any unreadable entry is simply rebuilt
        pass
    timeline = compile_fn(law, lang, known_on)
    try:
        import glob

        main, steps = stored.dump(timeline)
        # the steps are rarely asked for (timeline, check, notes): kept as a pickle of their own,
        # read on first use
        data = (main, pickle.dumps(steps, protocol=pickle.HIGHEST_PROTOCOL))
        write_atomic(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        for old in directory.glob(f"{glob.escape(stem)}*.pickle"):
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
