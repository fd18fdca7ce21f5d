"""Write a law's act files from the amending laws' own words.

``python -m consolidate.importer amendments/<law>`` reads every
``sources/*.md`` of the law (verbatim extracts of amending laws, see
``amendments/MANIFEST.md``), finds the instruction block for the law — ``## (a)
Instruction block for 527-IV (Article 1, item 14)`` or ``## Appendix: ... Law
277-IV (Article 1, item 60)`` — and the entry-into-force article (``## (b)
...``), parses the block with :mod:`consolidate.grammar.instructions`, and
writes ``acts/<YYYY-MM-DD>_<number>.toml``.

Facts the sources do not give and a person established (publication date and
its source, the footnotes' facts) are kept from the act file already on disk.
So are **hand corrections**: an ``[[corrections]]`` entry (``place``,
``field``, ``value``, ``reason``, and optionally ``target``) replaces one field
of the operation read at that place; the importer re-applies it on every run
and fails when the place no longer exists, so a correction never outlives the
reading it corrects.

Every file is written atomically, and nothing is written unless every source
of the law parses.
"""

from __future__ import annotations

import datetime as _dt
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from .errors import ConsolidationError, DataError, ParseError
from .store.files import write_atomic
from .grammar.instructions import OperationRecord, parse_item

_FENCE = "===="
_BLOCK_HEAD = re.compile(
    r"^## (?:\(a\) Instruction block for|Appendix: .*?Law) (?P<law>\d+-[IVX]+) "
    r"\(Article (?P<article>\d+), item (?P<item>\d+)\)"
)
_RULE_HEAD = re.compile(r"^## \(b\) ")
_FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})_(?P<number>\d+-[IVX]+)\.md$")
_TITLE = re.compile(r"^- title[^:]*:\s*(?P<title>.+?)\s*$")
_UPSTREAM = re.compile(r"^- source: quyse/kz-laws, path (?P<path>\S+?), commit (?P<commit>[0-9a-f]{12})")

# the order of the fields in a written operation table
_FIELDS = ("place", "op", "target", "line", "instruction", "parent", "old", "new", "pairs", "words",
           "after", "before", "occurrence", "throughout", "effective", "text")


@attrs.frozen
class Source:
    """One amending law's extract, as read from ``sources/<date>_<number>.md``."""

    path: Path
    number: str
    adopted: _dt.date
    title: str | None
    upstream: str | None
    article: int
    item: int
    block: tuple[tuple[int, str], ...]  # (line number, line) of the instruction block
    commencement: str | None


def _fenced(lines: list[str], head: int, path: Path) -> list[tuple[int, str]]:
    """The lines between the ``====`` fences that follow the heading at index ``head``."""
    if head + 1 >= len(lines) or lines[head + 1] != _FENCE:
        raise ParseError("a block heading must be followed by a '====' line", file=str(path), line=head + 2)
    out: list[tuple[int, str]] = []
    for i in range(head + 2, len(lines)):
        if lines[i] == _FENCE:
            return out
        out.append((i + 1, lines[i]))
    raise ParseError("the block is never closed by a '====' line", file=str(path), line=head + 2)


def read_source(path: Path, law_number: str) -> Source | None:
    """The extract's instruction block for ``law_number``, or ``None`` when it has none."""
    m = _FILE_NAME.match(path.name)
    if not m:
        raise DataError("source files are named <YYYY-MM-DD>_<number>.md", file=str(path))
    lines = path.read_text(encoding="utf-8").split("\n")
    block: list[tuple[int, str]] | None = None
    article = item = 0
    commencement: str | None = None
    title = upstream = None
    for i, line in enumerate(lines):
        if (h := _BLOCK_HEAD.match(line)) and h["law"] == law_number:
            if block is not None:
                raise ParseError(f"two instruction blocks for {law_number}", file=str(path), line=i + 1)
            block = _fenced(lines, i, path)
            article, item = int(h["article"]), int(h["item"])
        elif _RULE_HEAD.match(line) and commencement is None:
            body = [re.sub(r"^#+\s*", "", text).strip() for _, text in _fenced(lines, i, path)]
            commencement = "\n".join(t for t in body if t) or None
        elif title is None and (t := _TITLE.match(line)):
            title = t["title"]
        elif upstream is None and (u := _UPSTREAM.match(line)):
            upstream = f"quyse/kz-laws {u['path']} @ {u['commit']}"
    if block is None:
        return None
    return Source(path=path, number=m["number"], adopted=_dt.date.fromisoformat(m["date"]), title=title,
                  upstream=upstream, article=article, item=item, block=tuple(block),
                  commencement=commencement)


def _record_table(rec: OperationRecord) -> dict[str, Any]:
    values = attrs.asdict(rec)
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = values.get(name)
        if value is None or value is False:
            continue
        if name == "pairs":
            value = [list(p) for p in value]
        out[name] = value
    return out


def _apply_corrections(ops: list[dict[str, Any]], corrections: Iterable[dict[str, Any]], path: Path) -> None:
    for corr in corrections:
        place, fld = corr.get("place"), corr.get("field")
        if not place or not fld or "value" not in corr or not corr.get("reason"):
            raise DataError("a correction needs place, field, value and reason", file=str(path))
        hits = [op for op in ops if op["place"] == place and corr.get("target", op["target"]) == op["target"]]
        if len(hits) != 1:
            raise DataError(f"the correction at {place} ({corr.get('target', 'any target')}) matches "
                            f"{len(hits)} operations, not one", file=str(path))
        hits[0][fld] = corr["value"]


def act_table(
    source: Source, law_dir: Path, existing: dict[str, Any] | None, existing_file: Path | None = None
) -> dict[str, Any]:
    """The act file's content: the source's reading merged with the facts kept from ``existing``
    (read from ``existing_file``, the file an error in its corrections names)."""
    old = existing or {}
    where = str(source.path)
    records = parse_item(source.block, article=source.article, file=where)
    ops = [_record_table(r) for r in records]
    corrections = old.get("corrections", [])
    _apply_corrections(ops, corrections, existing_file or source.path)
    out: dict[str, Any] = {"number": source.number, "adopted": source.adopted}
    title = source.title or old.get("title")
    if title:
        out["title"] = title
    out["lang"] = "rus"
    out["operations_available"] = True
    if "publication" in old:
        out["publication"] = old["publication"]
    com = dict(old.get("commencement", {}))
    # a stated `effective` (a date the act's text does not express) is a fact someone
    # established: it is kept, like the publication
    if source.commencement:
        com["text"] = source.commencement
        com["lang"] = "rus"
    if com:
        out["commencement"] = com
    if "footnote" in old:
        out["footnote"] = old["footnote"]
    src: dict[str, Any] = {"file": source.path.relative_to(law_dir).as_posix()}
    if source.upstream:
        src["upstream"] = source.upstream
    out["source"] = src
    if corrections:
        out["corrections"] = corrections
    out["operations"] = ops
    return out


def _write(path: Path, data: bytes) -> None:
    # keep the mode of the file replaced (a new act file is world-readable like the rest of the corpus)
    write_atomic(path, data, mode=stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)


def import_law(law_dir: Path) -> list[Path]:
    """Parse every source of the law and write its act files; returns the files written."""
    import tomli_w

    from .formats.fields import read_toml

    law_number = read_toml(law_dir / "law.toml")["number"]
    acts_dir = law_dir / "acts"
    acts_dir.mkdir(exist_ok=True)
    planned: list[tuple[Path, bytes]] = []
    for path in sorted((law_dir / "sources").glob("*.md")):
        source = read_source(path, law_number)
        if source is None:
            continue
        target = acts_dir / f"{source.adopted.isoformat()}_{source.number}.toml"
        existing = None
        if target.exists():
            existing = read_toml(target)
        table = act_table(source, law_dir, existing, target if existing is not None else None)
        header = (f"# Written by `make acts` from {table['source']['file']}; edit the source's reading "
                  f"only through [[corrections]].\n")
        planned.append((target, header.encode("utf-8") + tomli_w.dumps(table, multiline_strings=False).encode("utf-8")))
    for target, data in planned:
        _write(target, data)
    return [t for t, _ in planned]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m consolidate.importer amendments/<law> ...", file=sys.stderr)
        return 2
    try:
        for arg in args:
            written = import_law(Path(arg))
            print(f"{arg}: {len(written)} act files written", file=sys.stderr)
    except ConsolidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError, KeyError) as exc:
        print(f"error: {arg}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
