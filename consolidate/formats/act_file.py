"""Act files: ``amendments/<law>/acts/<YYYY-MM-DD>_<number>.toml`` → :class:`~consolidate.law.Act`.

The format is in ``docs/formats.md``.  Every problem is a
:class:`~consolidate.errors.DataError` naming the file and, for an
operation, the act and the operation's place.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ConsolidationError, DataError
from ..law import Act, Footnote, Publication
from ..operations import (
    OPERATION_TYPES,
    DeleteWords,
    Expire,
    Insert,
    InsertWords,
    Operation,
    Renumber,
    Repeal,
    ReplaceWords,
    Substitute,
)
from .fields import check_eid, date, occurrence, opt, read_toml, req


def load_operation(rec: Mapping[str, Any], *, seq: int, act: str, default_lang: str, path: Path) -> Operation:
    """One ``[[operations]]`` table → an :class:`Operation` (texts parsed into provisions)."""
    what = f"act {act}, operation #{seq + 1}"
    place = req(rec, "place", str, path, what)
    what = f"act {act}, operation {place}"
    opname = req(rec, "op", str, path, what)
    if opname not in OPERATION_TYPES:
        raise DataError(f"{what}: op must be one of {', '.join(OPERATION_TYPES)} (got {opname!r})", file=str(path))
    target = check_eid(req(rec, "target", str, path, what), path, what, allow_root=True)
    lang = opt(rec, "lang", str, path, what) or default_lang
    line = opt(rec, "line", int, path, what)
    common: dict[str, Any] = dict(
        act=act, place=place, target=target, lang=lang, seq=seq,
        instruction=opt(rec, "instruction", str, path, what) or "", line=line,
    )
    try:
        if opname in ("insert", "substitute"):
            from ..grammar.snapshot import parse_fragment

            text = req(rec, "text", str, path, what)
            units = parse_fragment(text, lang=lang, target=target)
            if opname == "insert":
                parent = opt(rec, "parent", str, path, what)
                return Insert(units=units, parent=parent, **common)
            return Substitute(units=units, **common)
        if opname == "repeal":
            return Repeal(placeholder=opt(rec, "placeholder", str, path, what), **common)
        if opname == "replace_words":
            if "pairs" in rec:
                raw = req(rec, "pairs", list, path, what)
                if not raw or not all(
                    isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p) for p in raw
                ):
                    raise DataError(f"{what}: pairs must be a list of [old, new] strings", file=str(path))
                pairs = tuple((p[0], p[1]) for p in raw)
            else:
                old = req(rec, "old", str, path, what)
                if not old:
                    raise DataError(f"{what}: old words must not be empty", file=str(path))
                pairs = ((old, req(rec, "new", str, path, what)),)
            return ReplaceWords(
                pairs=pairs,
                occurrence=occurrence(rec.get("occurrence"), path, what),
                throughout=bool(opt(rec, "throughout", bool, path, what)),
                **common,
            )
        if opname == "insert_words":
            words = req(rec, "words", str, path, what)
            return InsertWords(
                words=words,
                after=opt(rec, "after", str, path, what),
                before=opt(rec, "before", str, path, what),
                occurrence=occurrence(rec.get("occurrence"), path, what),
                **common,
            )
        if opname == "delete_words":
            return DeleteWords(
                words=req(rec, "words", str, path, what),
                occurrence=occurrence(rec.get("occurrence"), path, what),
                throughout=bool(opt(rec, "throughout", bool, path, what)),
                **common,
            )
        if opname == "renumber":
            return Renumber(new_num=req(rec, "new", str, path, what), **common)
        if opname == "expire":
            date(req(rec, "effective", (_dt.date,), path, what), "effective", path, what)
            return Expire(**common)
    except ConsolidationError as exc:
        raise exc.located(file=str(path), line=line, act=act, place=place, target=target)
    raise DataError(f"{what}: unhandled op {opname!r}", file=str(path))  # pragma: no cover


def load_act(path: Path) -> Act:
    """Read one act file."""
    data = read_toml(path)
    what = f"act file {path.name}"
    number = req(data, "number", str, path, what)
    what = f"act {number}"
    adopted = date(req(data, "adopted", (_dt.date,), path, what), "adopted", path, what)
    lang = opt(data, "lang", str, path, what) or "rus"
    pub = opt(data, "publication", dict, path, what) or {}
    pub_date = pub.get("date")
    publication = Publication(
        date=date(pub_date, "publication.date", path, what) if pub_date is not None else None,
        source=opt(pub, "source", str, path, what),
        inferred=bool(opt(pub, "inferred", bool, path, what)),
    )
    if publication.date is not None and publication.date < adopted:
        raise DataError(
            f"{what}: first publication {publication.date} is before adoption {adopted}", file=str(path)
        )
    com = opt(data, "commencement", dict, path, what) or {}
    stated = com.get("effective")
    fn = opt(data, "footnote", dict, path, what) or {}
    footnote = Footnote(
        rule=opt(fn, "rule", str, path, what),
        lang=opt(fn, "lang", str, path, what),
        rule_rus=opt(fn, "rule_rus", str, path, what),
        touches=tuple(check_eid(e, path, what) for e in (opt(fn, "touches", list, path, what) or [])),
        added=tuple(check_eid(e, path, what) for e in (opt(fn, "added", list, path, what) or [])),
    )
    src = opt(data, "source", dict, path, what) or {}
    ops: list[Operation] = []
    op_effective: dict[int, _dt.date] = {}
    for seq, rec in enumerate(opt(data, "operations", list, path, what) or []):
        if not isinstance(rec, dict):
            raise DataError(f"{what}: operations must be tables", file=str(path))
        op = load_operation(rec, seq=seq, act=number, default_lang=lang, path=path)
        if "effective" in rec:
            op_effective[seq] = date(rec["effective"], "effective", path, f"{what}, operation {op.place}")
        ops.append(op)
    available = opt(data, "operations_available", bool, path, what)
    return Act(
        number=number,
        adopted=adopted,
        title=opt(data, "title", str, path, what) or "",
        lang=lang,
        path=path,
        operations_available=bool(ops) if available is None else available,
        publication=publication,
        commencement_text=opt(com, "text", str, path, what),
        commencement_lang=opt(com, "lang", str, path, what) or lang,
        stated_effective=date(stated, "commencement.effective", path, what) if stated is not None else None,
        footnote=footnote,
        operations=tuple(ops),
        op_effective=op_effective,
        source_file=opt(src, "file", str, path, what),
        upstream=opt(src, "upstream", str, path, what),
        sources=_sources(data, lang, opt(src, "file", str, path, what), path, what),
    )


def _sources(data: Mapping[str, Any], lang: str, primary: str | None, path: Path, what: str) -> dict[str, str]:
    """The act's kept texts by language: the primary's ``[source]``, each other's ``[languages.L.source]``."""
    out = {lang: primary} if primary else {}
    for other, table in (opt(data, "languages", dict, path, what) or {}).items():
        if not isinstance(table, dict):
            raise DataError(f"{what}: languages.{other} must be a table", file=str(path))
        file = opt(opt(table, "source", dict, path, f"{what}, languages.{other}") or {}, "file", str, path,
                   f"{what}, languages.{other}.source")
        if file:
            out[str(other)] = file
    return out
