"""The front door: ``consolidate ...`` (and ``python -m consolidate ...``).

A plain ``show`` (the whole law as plain text, no ``--known-on``) is answered
from the law's text index, and a plain ``diff`` from its diff index, when the
store holds current ones (:mod:`consolidate.store.text_index`,
:mod:`consolidate.store.diff_index`): the argument list is read by the same
table the command line is built from (:mod:`consolidate.options`), the index
is memory-mapped and its pieces are written out, without loading click, attrs
or the time line.  Everything else, and anything the indexes cannot answer,
goes to :mod:`consolidate.cli`.
"""

from __future__ import annotations

import os
import sys

from . import environment
from .languages import PREFERRED
from .options import iso_date, parse

TYPE_CHECKING = False  # not from typing: see consolidate.store.files
if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Sequence
    from typing import IO, Any

    from datetime import date

    from .options import Parsed
else:
    try:  # as consolidate.store.text_index: the C module, without datetime.py
        from _datetime import date
    except ImportError:  # pragma: no cover - a Python without it
        from datetime import date

#: what the indexes answer: the command and the options it may carry (--format only as text)
QUICK = {"show": {"--as-of", "--lang", "--format"}, "diff": {"--lang", "--format"}}


def _day(text: str | None) -> "_dt.date | None":
    """A date given on the command line (today if none); None if it is not one."""
    return date.today() if text is None else iso_date(text)


def _answer(directory: str, parsed: "Parsed", stream: "Any") -> "list[bytes | memoryview] | None":
    """The pieces of the answer to a parsed plain ``show`` or ``diff`` from its index in
    ``directory`` (colour as for ``stream``); None if the index cannot give it."""
    command = parsed.command.name
    if command not in QUICK or not set(parsed.options) <= QUICK[command] or parsed.value("--format") != "text":
        return None
    root = str(parsed.globals.get("--corpus") or environment.corpus_root())
    slug = parsed.arguments[0]
    lang = str(parsed.options.get("--lang") or "")
    asked = [parsed.options.get("--as-of")] if command == "show" else parsed.arguments[1:]
    days = [_day(d if isinstance(d, str) else None) for d in asked]
    if None in days:
        return None
    found: Any
    if command == "show":
        from .store.text_index import Index

        found = Index.open(directory, root, slug, lang or PREFERRED)
    else:
        from .store.diff_index import DiffIndex

        found = DiffIndex.open(directory, root, slug, lang or PREFERRED)
    if found is None or (not lang and found.header["default_lang"] != PREFERRED):
        return None  # no current index, or the law's default language is another one
    if command == "show":
        return found.parts(days[0])  # type: ignore[no-any-return]
    from .render.lines import use_color

    return found.parts(days[0], days[1], color=use_color(stream))  # type: ignore[no-any-return]


def write_all(fd: int, parts: "list[bytes | memoryview]") -> None:
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


def quick(argv: "Sequence[str]", out: "IO[bytes] | None" = None) -> bool:
    """Answer a plain ``show`` or ``diff`` from a current index, writing to ``out``
    (default: standard output); False if the command line must answer (nothing is
    written then)."""
    directory = environment.store_dir()
    if directory is None or os.name != "posix":  # elsewhere text output translates newlines
        return False
    parsed = parse(argv)
    if parsed is None or "--debug" in parsed.globals:
        return False
    stream: Any = sys.stdout if out is None else out
    if out is None:
        encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8":
            return False
        out = sys.stdout.buffer
    try:
        parts = _answer(directory, parsed, stream)
    except Exception:  # noqa: BLE001 - an index the quick path cannot read: the command line answers
        return False
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
    """The ``consolidate`` command."""
    try:
        answered = quick(sys.argv[1:])
    except BrokenPipeError:  # `consolidate show ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        sys.exit(141)
    except OSError as exc:  # a full disk, a closed standard output
        sys.stderr.write(f"consolidate: error: cannot write to standard output: {exc.strerror or exc}\n")
        sys.exit(1)
    if answered:
        return
    from .cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
