"""The on-disk cache of compiled time lines.

A compiled :class:`~consolidate.timeline.Timeline` is pickled under a key that
hashes every input it depends on: the law's files (law.toml, act files,
snapshot texts), the engine's own source code, the language and the
known-on date.  A stale entry is never read (its key differs); a corrupt or
unreadable entry is rebuilt.  Writes are atomic (a temporary file in the same
folder, then ``os.replace``), so a crash never leaves half an entry.  Writing an
entry removes the entries it supersedes (same law, language and known-on
date, older inputs), so the cache does not grow with every edit of a file.

Reading and hashing every input costs more than the rest of a warm ``show``
of a small law, so the content key is remembered under a fingerprint of the
files' metadata (path, size, modification time, inode) and recomputed only
when that changes; a fingerprint of files changed in the last two seconds is
not trusted (see :func:`fingerprint`).

The cache lives in ``$CONSOLIDATE_CACHE``, else ``$XDG_CACHE_HOME/consolidate``,
else ``~/.cache/consolidate``; ``CONSOLIDATE_CACHE=off`` disables it.
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
from typing import TYPE_CHECKING, Any, BinaryIO

from . import textindex

if TYPE_CHECKING:
    from .law import Law
    from .timeline import Timeline

FORMAT = 2  # bump when the pickled layout changes in a way the code hash would not show


def cache_dir() -> Path | None:
    directory = textindex.cache_dir()
    return Path(directory) if directory is not None else None


@functools.cache  # the code a process runs does not change under it
def _code_hash() -> str:
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
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
    and whether it can be trusted (:func:`consolidate.textindex.settled`): the
    fingerprint of files changed just now is not remembered."""
    h = _hash_of_question(law, lang, known_on)
    stats = textindex.file_stats([str(p) for p in inputs(law)])
    for path, size, mtime, inode in stats:
        h.update(f"{path}|{size}|{mtime}|{inode}\n".encode())
    return h.hexdigest(), textindex.settled(max((st[2] for st in stats), default=0))


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


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The file gets ``mode`` when given (a temporary file is readable by its owner only)."""
    import tempfile  # writes are rare: a command answered from the cache does not import it

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
        Path(tmp).unlink(missing_ok=True)
        raise


def _load(fh: BinaryIO) -> Any:
    from .timeline import gc_paused

    with gc_paused():
        return pickle.load(fh)


def load_or_compile(
    law: "Law",
    lang: str,
    known_on: _dt.date | None,
    compile_fn: Callable[["Law", str, _dt.date | None], "Timeline"],
) -> "Timeline":
    """The cached time line for these inputs, compiling (and storing) it if needed."""
    directory = cache_dir()
    if directory is None:
        return compile_fn(law, lang, known_on)
    stem = f"{law.slug}.{lang}.{known_on.isoformat() if known_on else 'latest'}."
    path = directory / f"{stem}{_key_via_fingerprint(directory, stem, law, lang, known_on)[:32]}.pickle"
    try:
        with path.open("rb") as fh:
            timeline = _load(fh)
        if getattr(timeline, "lang", None) == lang:
            timeline.law = law  # the freshly loaded corpus objects, not pickled copies
            return timeline  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - any unreadable entry is simply rebuilt
        pass
    timeline = compile_fn(law, lang, known_on)
    try:
        import glob

        write_atomic(path, pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
        for old in directory.glob(f"{glob.escape(stem)}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk costs speed, not correctness
    return timeline
