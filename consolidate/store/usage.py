"""What the store holds, how much room it takes, and trimming it: ``consolidate cache``.

The store's folder is flat; each file's name says what it is and what it
was built from (see :func:`consolidate.store.timelines.stem_of` and
:func:`consolidate.store.files.index_path`):

- ``SLUG.LANG.ROOT.KNOWN.KEY.timeline``: a compiled time line (``KNOWN`` a
  known-on date or ``latest``, ``KEY`` the start of the hash of its inputs);
- ``SLUG.LANG.ROOT.KNOWN.FINGERPRINT.key``: the memo of that hash under the
  files' metadata;
- ``SLUG.LANG.ROOT.textindex`` and ``.diffindex``: the indexes, which record
  their inputs themselves;
- ``.NAME.XXXX.tmp``: a write in progress, or one a killed process left.

``ROOT`` is the CRC-32 of the corpus folder.  :func:`prune` keeps what the
corpus's current inputs point at and removes the rest of that corpus's
files: laws and languages no longer in it, time lines and memos of inputs
(or of an engine) since changed, indexes no longer current, and writes left
over.  The files of other corpus folders are not its to judge: it keeps them.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ..errors import ConsolidationError

if TYPE_CHECKING:
    from ..corpus import Corpus

#: the kinds of file, by the last part of the name (anything else is ``other``)
KINDS = ("timeline", "key", "textindex", "diffindex")
STALE_WRITE = 600  # seconds after which a temporary file is a write left over, not one in progress


@attrs.frozen
class Usage:
    """The store's folder and, by kind of file (:data:`KINDS`, else ``other``), how many files and bytes."""

    directory: str
    files: dict[str, tuple[int, int]]

    @property
    def count(self) -> int:
        return sum(n for n, _ in self.files.values())

    @property
    def size(self) -> int:
        return sum(b for _, b in self.files.values())


@attrs.frozen
class Pruned:
    """The store before and after :func:`prune`, and the files it removed."""

    before: Usage
    after: Usage
    removed: tuple[str, ...]


def _entries(directory: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as it:
            return [e for e in it if e.is_file(follow_symlinks=False)]
    except FileNotFoundError:
        return []


def _kind(name: str) -> str:
    if name.startswith(".") and name.endswith(".tmp"):
        return "other"
    last = name.rsplit(".", 1)[-1]
    return last if last in KINDS else "other"


def usage(directory: str) -> Usage:
    """What the store in ``directory`` holds (nothing if the folder does not exist)."""
    files: dict[str, tuple[int, int]] = {}
    for entry in _entries(directory):
        kind = _kind(entry.name)
        n, size = files.get(kind, (0, 0))
        files[kind] = (n + 1, size + entry.stat(follow_symlinks=False).st_size)
    return Usage(directory, files)


def _current(corpus: "Corpus", slugs: set[str], directory: str, name: str) -> bool:
    """Whether the file ``name`` of this corpus's part of the store is what its current
    inputs point at (a name that says nothing this module knows is kept)."""
    from . import timelines
    from .diff_index import DiffIndex
    from .text_index import Index

    parts = name.split(".")
    if len(parts) not in (4, 6):
        return True
    slug, lang = parts[0], parts[1]
    if slug not in slugs:
        return False
    try:
        law = corpus.law(slug)
    except ConsolidationError:
        return True  # a law that does not read now: what it points at cannot be said
    if lang not in law.langs():
        return False
    root = str(corpus.root)
    if len(parts) == 4:
        kind = {"textindex": Index, "diffindex": DiffIndex}.get(parts[3])
        return True if kind is None else kind.open(directory, root, slug, lang) is not None
    known_text, digest, last = parts[3], parts[4], parts[5]
    try:
        known = None if known_text == "latest" else _dt.date.fromisoformat(known_text)
    except ValueError:
        return False
    try:
        if last == "timeline":
            return timelines.key(law, lang, known)[:32] == digest
        if last == "key":
            return timelines.fingerprint(law, lang, known)[0][:32] == digest
    except OSError:
        return True  # an input that cannot be read: the next compile says which
    return True


def prune(corpus: "Corpus", directory: str) -> Pruned:
    """Remove from the store in ``directory`` this corpus's files that its current inputs
    do not point at, and writes left over (see the module's docstring)."""
    before = usage(directory)
    mine = f"{zlib.crc32(os.path.abspath(corpus.root).encode()):08x}"
    removed = []
    now = time.time()
    slugs = set(corpus.slugs())
    for entry in _entries(directory):
        name = entry.name
        if name.startswith(".") and name.endswith(".tmp"):
            stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_WRITE
        else:
            parts = name.split(".")
            stale = len(parts) >= 4 and parts[2] == mine and not _current(corpus, slugs, directory, name)
        if stale:
            Path(entry.path).unlink(missing_ok=True)
            removed.append(name)
    return Pruned(before, usage(directory), tuple(sorted(removed)))
