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
import os
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

_FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})_(?P<number>\d+-[IVX]+)\.md$")

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


def read_source(path: Path, law_number: str) -> Source | None:
    """The extract's instruction block for ``law_number``, or ``None`` when it has none (read by
    :func:`consolidate.grammar.amending.read_act`, the one reader of the extract layout)."""
    from .grammar.amending import read_act

    m = _FILE_NAME.match(path.name)
    if not m:
        raise DataError("source files are named <YYYY-MM-DD>_<number>.md", file=str(path))
    act = read_act(path.read_text(encoding="utf-8"), file=str(path))
    mine = {(a, i) for a, i, n in act.extract_laws if n == law_number}
    items = [it for it in act.items if (it.article, it.item) in mine]
    if not items:
        return None
    if len(items) > 1:
        raise ParseError(f"two instruction blocks for {law_number}", file=str(path), line=items[1].lines[0][0])
    it = items[0]
    return Source(path=path, number=m["number"], adopted=_dt.date.fromisoformat(m["date"]), title=act.title,
                  upstream=act.upstream, article=it.article, item=it.item or 0, block=it.lines,
                  commencement=act.commencement_text())


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
    corrections = [c for c in old.get("corrections", []) if c.get("lang", old.get("lang", "rus")) == "rus"]
    _apply_corrections(ops, corrections, existing_file or source.path)
    return _act_file_table(number=source.number, adopted=source.adopted, lang="rus",
                           title=source.title or old.get("title"), commencement=source.commencement,
                           source_file=source.path.relative_to(law_dir).as_posix(), upstream=source.upstream,
                           ops=ops, existing=old)


def _write(path: Path, data: bytes) -> None:
    # keep the mode of the file replaced (a new act file is world-readable like the rest of the corpus)
    write_atomic(path, data, mode=stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)


def import_law(law_dir: Path) -> list[Path]:
    """Parse every source of the law and write its act files; returns the files written."""
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
        planned.append((target, _dump(table, HEADER.format(file=table["source"]["file"]))))
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


# --- consolidate import: a law from its base text and its acts as published -----------

#: an amending act's file in an ``--acts`` folder: its adoption date and number
ACT_TEXT_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})_(?P<number>\d+-[IVXLCDMІ]+)\.md$")
HEADER = ("# Written by `consolidate import` from {file}; edit the source's reading "
          "only through [[corrections]].\n")
LAW_HEADER = ("# Written by `consolidate import`: the law, its titles and its snapshots. What the texts do not "
              "say (registry, check points,\n# gaps, notes) is kept from the law.toml it replaces.\n")


@attrs.frozen
class ImportResult:
    """What an import wrote and what it skipped, for the caller to report."""

    law_dir: Path
    acts: tuple[str, ...]  # numbers of the acts read for this law, in file order
    skipped: tuple[str, ...]  # one line per act file with no item for this law
    files: tuple[str, ...]  # the corpus files written, relative to the corpus root
    #: one line per act read whose entry-into-force article cannot be read: its dates are not known
    warnings: tuple[str, ...] = ()


def _parser(lang: str) -> Any:
    """The item parser of ``lang``: only the acts' authentic languages have amending texts."""
    from .grammar import items

    if lang not in items.LANGS:
        raise DataError(f"there are no amending acts in {lang!r} (Adilet publishes only the consolidated "
                        "translation): import it with --base and without --acts")
    return items.parser(lang)


def _read_items(parser: Any, items: Any, file: str, label: str = "") -> list[OperationRecord]:
    """The records of ``items`` read by ``parser``; an item that cannot be read is an error
    naming ``file`` and the item (after ``label``)."""
    records: list[OperationRecord] = []
    for it in items:
        try:
            records += parser(it.lines, article=it.article, file=file)
        except ConsolidationError as exc:
            raise ParseError(f"{label}{it.label()}: {exc.message}", file=file, line=exc.line,
                             place=exc.place) from None
    return records


def _source_name(lang: str, name: str) -> str:
    # the Russian texts stay where the corpus always had them; other languages have a folder each
    return f"sources/{name}" if lang == "rus" else f"sources/{lang}/{name}"


def _extract_text(number: str, adopted: _dt.date, law_number: str, lang: str, act: Any, items: Any,
                  origin: str) -> str:
    """An extract, in the corpus's layout, of the items for the law and the entry-into-force
    article of an act read whole: what ``sources/`` keeps (the lines verbatim)."""
    out = [f"# Amending law {number} of {adopted.strftime('%d.%m.%Y')} ({lang}): the item(s) for Law "
           f"{law_number}, as found by `consolidate import`", ""]
    if act.title:
        out.append(f"- title: {act.title}")
    if act.upstream:
        out.append(f"- upstream: {act.upstream}")
    where = "; ".join(f"{it.label()} at lines {it.lines[0][0]}-{it.lines[-1][0]}" for it in items)
    if act.commencement:
        where += f"; the entry-into-force article at lines {act.commencement[0][0]}-{act.commencement[-1][0]}"
    out.append(f"- found in: {origin} (the whole act), {where}")
    for it in items:
        head = f"Article {it.article}" + (f", item {it.item}" if it.item is not None else "")
        out += ["", f"## (a) Instruction block for {law_number} ({head})", "===="]
        out += [text for _, text in it.lines]
        out.append("====")
    if act.commencement:
        first = act.commencement[0][1].strip()
        out += ["", f"## (b) Entry-into-force article ({first.split('.')[0].lstrip('# ')})", "===="]
        out += [text for _, text in act.commencement]
        out.append("====")
    return "\n".join(out) + "\n"


def _kept_ops(existing: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    primary = existing.get("lang", "rus")
    return [op for op in existing.get("operations", []) if op.get("lang", primary) != lang]


def _dump(table: dict[str, Any], header: str = "") -> bytes:
    import tomli_w

    return (header + tomli_w.dumps(table, multiline_strings=False)).encode("utf-8")


def _act_file_table(*, number: str, adopted: _dt.date, lang: str, title: str | None, commencement: str | None,
                    source_file: str, upstream: str | None, ops: list[dict[str, Any]],
                    existing: dict[str, Any] | None) -> dict[str, Any]:
    """The act file: this language's reading merged with what the file on disk (``existing``)
    holds that the texts cannot say, and with the other languages' readings."""
    old = dict(existing or {})
    primary = old.get("lang") if old.get("operations_available") or old.get("source") else None
    primary = primary or lang
    out: dict[str, Any] = {"number": number, "adopted": adopted}
    if primary == lang:
        if title or old.get("title"):
            out["title"] = title or old["title"]
    elif old.get("title"):
        out["title"] = old["title"]
    out["lang"] = primary
    out["operations_available"] = True
    if "publication" in old:
        out["publication"] = old["publication"]
    com = dict(old.get("commencement", {}))
    if primary == lang:
        com.pop("text", None)
        com.pop("lang", None)
        if commencement:
            com = {"text": commencement, "lang": lang, **com}
    if com:
        out["commencement"] = com
    if "footnote" in old:
        out["footnote"] = old["footnote"]
    if primary == lang:
        src: dict[str, Any] = {"file": source_file}
        if upstream:
            src["upstream"] = upstream
        out["source"] = src
    elif "source" in old:
        out["source"] = old["source"]
    languages = {k: v for k, v in dict(old.get("languages", {})).items() if k != lang}
    if primary != lang:
        mine: dict[str, Any] = {}
        if title:
            mine["title"] = title
        if commencement:
            mine["commencement"] = commencement
        mine["source"] = {"file": source_file, **({"upstream": upstream} if upstream else {})}
        languages[lang] = mine
    if languages:
        out["languages"] = dict(sorted(languages.items()))
    corrections = old.get("corrections", [])
    if corrections:
        out["corrections"] = corrections
    mine_ops = [dict(op) for op in ops]
    if primary != lang:
        for op in mine_ops:
            op["lang"] = lang
    kept = _kept_ops(old, lang)
    out["operations"] = (mine_ops + kept) if primary == lang else (kept + mine_ops)
    for key, value in old.items():  # fields a person added that import does not know
        if key not in out and key not in ("operations", "commencement", "source", "languages"):
            out[key] = value
    return out


def _read_existing_acts(law_dir: Path | None) -> dict[str, tuple[Path, dict[str, Any]]]:
    from .formats.fields import read_toml

    out: dict[str, tuple[Path, dict[str, Any]]] = {}
    if law_dir is None or not (law_dir / "acts").is_dir():
        return out
    for path in sorted((law_dir / "acts").glob("*.toml")):
        data = read_toml(path)
        number = data.get("number")
        if not isinstance(number, str):
            raise DataError("an act file without its number", file=str(path))
        out[number] = (path, data)
    return out


def _includes(doc: Any, adopted_of: dict[str, _dt.date]) -> list[tuple[str, _dt.date | None]]:
    """The acts the base text's footnotes say it includes, in the order they were adopted."""
    found: dict[str, _dt.date | None] = {}
    for unit in doc.units.values():
        for note in unit.notes:
            if note.kind != "footnote":
                continue
            for ref in note.acts:
                number = ref.number.replace("І", "I")
                found.setdefault(number, ref.adopted)
                if found[number] is None:
                    found[number] = ref.adopted
    return sorted(((n, adopted_of.get(n) or d) for n, d in found.items()),
                  key=lambda p: (p[1] or _dt.date.max, p[0]))


def _check_inputs(base: Path, acts: Path | None) -> tuple[list[Path], list[Path]]:
    """The act files of the folder ``acts``, and the folders beside them (not read: a law's own
    ``sources/`` keeps another language's texts in ``sources/kaz/``)."""
    if not base.is_file():
        what = "is not a file" if base.exists() else "does not exist"
        raise DataError(f"the base text {what}", file=str(base))
    if acts is None:
        return [], []
    if not acts.is_dir():
        what = "is not a folder" if acts.exists() else "does not exist"
        raise DataError(f"the folder of acts {what}", file=str(acts))
    entries = sorted(p for p in acts.iterdir() if not p.name.startswith("."))
    folders = [p for p in entries if p.is_dir() and not p.is_symlink()]
    files = [p for p in entries if p not in folders]
    for p in files:
        if not ACT_TEXT_NAME.match(p.name) or not p.is_file():
            raise DataError("an act's file must be named YYYY-MM-DD_NUMBER.md (its adoption date and number, "
                            "e.g. 2014-01-13_159-V.md)", file=str(p))
        try:
            _dt.date.fromisoformat(p.name[:10])
        except ValueError:
            raise DataError(f"{p.name[:10]} is not a date", file=str(p)) from None
    return files, folders


def import_texts(
    root: Path, slug: str, *, number: str, adopted: _dt.date, lang: str, base: Path,
    acts: Path | None = None, title: str | None = None, facts: Path | None = None,
    progress: Any = None,
) -> ImportResult:
    """``consolidate import``: write (or extend with the language ``lang``) the law ``slug`` under
    the corpus ``root`` from its consolidated text ``base`` and the amending acts in ``acts``.

    The law's folders are built in a temporary folder beside them and put in place at the end:
    on any error nothing is written.  What people established that no text says (publication
    dates, footnote facts, corrections, check points, gaps) is kept from the law folder on disk,
    or, for a fresh folder, from the law folder ``facts`` (of another corpus or checkout)."""
    import shutil
    import tempfile

    from .corpus import check_slug
    from .grammar.amending import LawName, find_items, read_act
    from .grammar.rules import parse_commencement
    from .grammar.snapshot import read_snapshot
    from .languages import LANGS
    from .formats.fields import read_toml
    from .textfiles import read_text

    check_slug(slug)
    if lang not in LANGS:
        raise DataError(f"lang must be one of {', '.join(LANGS)} (got {lang!r})")
    if not re.fullmatch(r"\d+-[IVXLCDM]+", number):
        raise DataError(f"a law's number is digits, a hyphen and a Roman numeral, e.g. 527-IV (got {number!r})")
    files, folders = _check_inputs(base, acts)
    if facts is not None and not (facts / "law.toml").is_file():
        raise DataError("the facts folder has no law.toml (give a law's folder, amendments/SLUG)", file=str(facts))
    if base.suffix not in (".md", ".txt"):
        raise DataError("a base text is .md (kz-laws Markdown) or .txt (Adilet text)", file=str(base))
    doc = read_snapshot(base, law=slug, lang=lang)
    if not any(eid.startswith("art_") and "__" not in eid for eid in doc.units):
        raise DataError("the base text has no articles («Статья 1.», «1-бап.», «Article 1.»)", file=str(base))
    law_title = title or doc.title
    if not law_title:
        raise DataError("the base text has no title: give --title", file=str(base))

    law_dir = root / "amendments" / slug
    snap_dir = root / "snapshots" / slug
    facts_dir = facts if facts is not None else (law_dir if (law_dir / "law.toml").is_file() else None)
    facts_root = facts_dir.parent.parent if facts_dir is not None else None
    law_table: dict[str, Any] = dict(read_toml(facts_dir / "law.toml")) if facts_dir is not None else {}
    if (law_dir / "law.toml").is_file() and facts is not None:
        law_table = {**read_toml(law_dir / "law.toml"), **law_table}
    for key, given in (("number", number), ("adopted", adopted)):
        if key in law_table and law_table[key] != given:
            raise DataError(f"the law {slug} is {key} {law_table[key]}, not {given} as given",
                            file=str((facts_dir or law_dir) / "law.toml"))
    existing = _read_existing_acts(law_dir)
    if facts_dir is not None and facts_dir != law_dir:
        existing.update(_read_existing_acts(facts_dir))

    planned: dict[str, bytes] = {}  # path relative to the corpus root -> content
    read_numbers: list[str] = []
    skipped = [f"{p.name}/: a folder, not an act's file: skipped" for p in folders]
    warnings: list[str] = []
    name = LawName(law_title, adopted)
    for i, path in enumerate(files):
        if progress is not None:
            progress(f"{slug}: reading acts ({lang})", i, len(files))
        m = ACT_TEXT_NAME.match(path.name)
        assert m is not None
        act_number, act_adopted = m["number"].replace("І", "I"), _dt.date.fromisoformat(m["date"])
        text = read_text(path, "amending act")
        act = read_act(text, file=str(path))
        items = find_items(act, name, number=number)
        if not items:
            skipped.append(f"{path.name}: no item for {number} «{law_title}»: skipped")
            continue
        parser = _parser(lang)
        records = _read_items(parser, items, str(path))  # errors name the file read and the item
        source_rel = _source_name(lang, f"{act_adopted.isoformat()}_{act_number}.md")
        kept, written = act, text  # an extract is kept as it is
        if act.layout != "extract":
            # the reading is of the extract kept in sources/, so its lines are that file's
            written = _extract_text(act_number, act_adopted, number, lang, act, items, path.name)
            kept = read_act(written, file=source_rel)
            records = _read_items(parser, find_items(kept, name, number=number), source_rel)
        ops = [_record_table(r) for r in records]
        written_rule = kept.commencement_text()
        old_path, old = existing.get(act_number, (None, None))
        if old is not None and old.get("adopted") not in (None, act_adopted):
            raise DataError(f"act {act_number} is adopted {old['adopted']} on disk but {act_adopted} by its "
                            "file name", file=str(path))
        corrections = [c for c in (old or {}).get("corrections", [])
                       if c.get("lang", (old or {}).get("lang", "rus")) == lang]
        _apply_corrections(ops, corrections, old_path or path)
        table = _act_file_table(number=act_number, adopted=act_adopted, lang=lang, title=kept.title,
                                commencement=written_rule, source_file=source_rel,
                                upstream=kept.upstream, ops=ops, existing=old)
        act_rel = f"acts/{act_adopted.isoformat()}_{act_number}.toml"
        if written_rule and table.get("lang") == lang:
            try:
                parse_commencement(written_rule, lang)
            except ConsolidationError as exc:
                warnings.append(f"{path.name}: act {act_number}: its entry-into-force article is not read "
                                f"({exc.message}); state its date in {act_rel} ([commencement] effective) "
                                "before the law is shown")
        src_file = table["source"]["file"]
        planned[f"amendments/{slug}/{source_rel}"] = written.encode("utf-8")
        planned[f"amendments/{slug}/{act_rel}"] = _dump(table, HEADER.format(file=src_file))
        read_numbers.append(act_number)
    if progress is not None:
        progress(f"{slug}: reading acts ({lang})", len(files), len(files))

    # acts on disk this import did not read: kept as they are (their facts, other languages)
    adopted_of = {n: t["adopted"] for n, (_, t) in existing.items() if isinstance(t.get("adopted"), _dt.date)}
    adopted_of.update({n: _dt.date.fromisoformat(rel.split("/")[-1][:10]) for rel in planned
                       for n in [rel.rsplit("_", 1)[-1].removesuffix(".toml")] if rel.endswith(".toml")})
    for act_number, (path, data) in existing.items():
        rel = f"amendments/{slug}/acts/{path.name}"
        if act_number in read_numbers:
            continue
        src = data.get("source", {}).get("file") if isinstance(data.get("source"), dict) else None
        header = HEADER.format(file=src) if src else ""
        planned[rel] = _dump(data, header)
        if facts_dir is not None:
            for lang_src in [src] + [v.get("source", {}).get("file") for v in data.get("languages", {}).values()]:
                if lang_src and (facts_dir / lang_src).is_file() and not (law_dir / lang_src).is_file():
                    planned[f"amendments/{slug}/{lang_src}"] = (facts_dir / lang_src).read_bytes()

    # the base snapshot and law.toml
    snapshots = [dict(s) for s in law_table.get("snapshots", [])]
    mine = next((s for s in snapshots if s.get("lang") == lang and s.get("role") == "base"), None)
    snap_file = mine["file"] if mine and isinstance(mine.get("file"), str) else f"{lang}/{base.name}"
    includes = []
    for act_number, day in _includes(doc, adopted_of):
        if act_number == number:
            continue
        includes.append(act_number)
        if act_number not in adopted_of and not any(r.endswith(f"_{act_number}.toml") for r in planned):
            if day is None:
                raise DataError(f"the base text's footnotes cite act {act_number} without its date: give its "
                                "act file, or a facts folder that has it", file=str(base))
            # an act the base text includes and no file gives: known by its number and date only
            planned[f"amendments/{slug}/acts/{day.isoformat()}_{act_number}.toml"] = _dump(
                {"number": act_number, "adopted": day, "lang": lang, "operations_available": False})
            adopted_of[act_number] = day
    entry: dict[str, Any] = {"lang": lang, "file": snap_file, "role": "base", "includes": includes}
    if mine:
        entry.update({k: v for k, v in mine.items() if k not in entry})
    if mine:
        snapshots[snapshots.index(mine)] = entry
    else:
        snapshots.append(entry)
    titles = dict(law_table.get("titles", {}))
    titles[lang] = law_title
    order = [l for l in LANGS if l in titles] + [l for l in titles if l not in LANGS]
    out_law: dict[str, Any] = {
        "slug": slug, "work": law_table.get("work") or f"/akn/kz/act/{adopted.isoformat()}/{number}",
        "number": number, "adopted": adopted,
    }
    for key, value in law_table.items():
        if key not in out_law and key not in ("titles", "snapshots", "gaps"):
            out_law[key] = value
    out_law["titles"] = {l: titles[l] for l in order}
    out_law["snapshots"] = snapshots
    if law_table.get("gaps"):
        out_law["gaps"] = law_table["gaps"]
    planned[f"amendments/{slug}/law.toml"] = _dump(out_law, LAW_HEADER)
    planned[f"snapshots/{slug}/{snap_file}"] = base.read_bytes()
    for snap in snapshots:  # the other snapshots (check points, other languages) must be there
        rel = f"snapshots/{slug}/{snap['file']}"
        if rel in planned or (root / rel).is_file():
            continue
        if facts_root is not None and (facts_root / rel).is_file():
            planned[rel] = (facts_root / rel).read_bytes()
        else:
            raise DataError(f"law.toml lists the snapshot {snap['file']}, which is neither in the corpus nor "
                            "beside the facts", file=str((facts_dir or law_dir) / "law.toml"))
    if facts_dir is not None and facts_dir != law_dir:  # other files of the law's folder (notes, summaries)
        for p in sorted(facts_dir.iterdir()):
            if p.is_file() and p.name != "law.toml":
                planned.setdefault(f"amendments/{slug}/{p.name}", p.read_bytes())

    # build beside the target, then put in place
    root.mkdir(parents=True, exist_ok=True)
    for top in ("amendments", "snapshots"):
        (root / top).mkdir(exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".import-{slug}-", dir=root))
    try:
        for top, target in (("amendments", law_dir), ("snapshots", snap_dir)):
            if target.is_dir():
                shutil.copytree(target, build / top / slug, symlinks=True)
            else:
                (build / top / slug).mkdir(parents=True)
        for rel, content in sorted(planned.items()):
            path = build / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if not (path.is_file() and path.read_bytes() == content):
                path.write_bytes(content)
                path.chmod(0o644)
        for top, target in (("amendments", law_dir), ("snapshots", snap_dir)):
            old_dir = build / f"old-{top}"
            if target.is_dir():
                os.replace(target, old_dir)
            os.replace(build / top / slug, target)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return ImportResult(law_dir=law_dir, acts=tuple(read_numbers), skipped=tuple(skipped),
                        files=tuple(sorted(planned)), warnings=tuple(warnings))


def verify_sources(law: Any) -> list[str]:
    """What ``check`` says of the acts' kept texts: for each act and language whose text is under
    ``sources/``, the items for the law are found and read by that language's grammar and give
    the operations the act file holds; an item that cannot be read, or an act file that no longer
    says what its text says, is a problem naming the file and the item."""
    from .grammar.amending import LawName, find_items, read_act
    from .textfiles import read_text

    problems: list[str] = []
    for act in law.acts:
        for lang, rel in sorted(act.sources.items()):
            title = law.titles.get(lang)
            path = law.directory / rel
            if title is None:
                problems.append(f"[{lang}] {path}: the law has no {lang} title in law.toml to find its items by")
                continue
            try:
                items = find_items(read_act(read_text(path, "amending act"), file=str(path)),
                                   LawName(title, law.adopted), number=law.number)
                if not items:
                    problems.append(f"[{lang}] {path}: act {act.number}: no item for {law.number} «{title}»")
                    continue
                read = [(r.place, r.target)
                        for r in _read_items(_parser(lang), items, str(path), f"act {act.number}, ")]
            except ConsolidationError as exc:
                problems.append(f"[{lang}] {exc}")
                continue
            held = [(op.place, op.target) for op in act.operations if op.lang == lang]
            if read != held:
                problems.append(f"[{lang}] {act.path}: act {act.number}: its {lang} operations are not what "
                                f"{rel} says ({len(held)} held, {len(read)} read): run consolidate import again")
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
