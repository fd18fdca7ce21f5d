"""Reading a file of the corpus: a regular file, read whole, as UTF-8 text.

Every corpus file (law.toml, act files, snapshots, the acts as published)
goes through :func:`read_text`, so that each way a file can be wrong is one
clear :class:`~consolidate.errors.DataError` naming it: missing, a
directory, a FIFO or device (never opened: it could block), a symbolic link
that loops, unreadable, not UTF-8 (with the byte offset and the line), or
holding NUL characters (which no legal text has and no XML can carry).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import DataError


def read_bytes(path: Path | str, what: str = "file") -> bytes:
    """The bytes of the regular file at ``path``."""
    name = str(path)
    try:
        st = os.stat(name)  # follows links: a loop is ELOOP here
    except FileNotFoundError:
        raise DataError(f"cannot read the {what}: no such file", file=name) from None
    except OSError as exc:
        reason = "a symbolic link that loops" if exc.errno == errno.ELOOP else exc.strerror
        raise DataError(f"cannot read the {what}: {reason}", file=name) from None
    if not stat.S_ISREG(st.st_mode):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise DataError(f"cannot read the {what}: it is {kind}", file=name)
    try:
        with open(name, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DataError(f"cannot read the {what}: {exc.strerror}", file=name) from None


def read_text(path: Path | str, what: str = "file") -> str:
    """The text of the UTF-8 file at ``path`` (a leading byte-order mark is not text)."""
    data = read_bytes(path, what)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(f"the {what} is not UTF-8 text ({exc.reason} at byte {exc.start}, line {line})",
                        file=str(path), line=line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DataError(f"the {what} holds a NUL character (line {line}): not a text file", file=str(path),
                        line=line)
    return text.removeprefix("\ufeff")
