"""Snapshot files: ``snapshots/<law>/<lang>/<file>`` → :class:`~consolidate.model.Document`.

A ``.md`` file is a kz-laws Markdown text (Russian or Kazakh), a ``.txt`` file
Adilet's English plain text; both are read by :mod:`consolidate.grammar.snapshot`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ParseError
from ..grammar.snapshot import read_adilet, read_markdown
from ..model import Document, Kind
from ..textfiles import read_text


def read_snapshot(path: Path, *, law: str, lang: str) -> Document:
    """The consolidated text in ``path``; a ParseError names the file (and line) where it cannot be read."""
    if path.suffix not in (".md", ".txt"):
        raise ParseError("snapshot files are .md (kz-laws Markdown) or .txt (Adilet text)", file=str(path))
    text = read_text(path, "snapshot")
    reader = read_markdown if path.suffix == ".md" else read_adilet
    doc = reader(text, law=law, lang=lang, source=str(path))
    if not any(p.kind is Kind.ARTICLE for p in doc.units.values()):
        raise ParseError("the consolidated text has no articles (expected headings such as 'Статья 1.', "
                         "'1-бап.' or 'Article 1.')", file=str(path))
    return doc
