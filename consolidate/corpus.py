"""The corpus on disk: laws, their snapshots and their amending acts.

``amendments/<law>/law.toml`` describes a law and its snapshots;
``amendments/<law>/acts/*.toml`` hold the acts (see ``docs/formats.md``).
Loading turns them into :class:`Law` and :class:`Act` values; every problem is
a :class:`~consolidate.errors.DataError` naming the file (and, for an
operation, the act and the operation's place).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import attrs

from .errors import ConsolidationError, DataError, UnknownLaw
from .model import Effective
from .numbering import parse_eid
from .operations import (
    OPERATION_TYPES,
    DeleteWords,
    Expire,
    Insert,
    InsertWords,
    Occurrence,
    Operation,
    Renumber,
    Repeal,
    ReplaceWords,
    Substitute,
)

LANGS = ("rus", "kaz", "eng")

# Hears of long work: (what is being done, how much is done, out of how much).
Progress = Callable[[str, int, int], None]


@attrs.frozen
class Snapshot:
    """A real consolidated text: a base to replay from, or a check point."""

    lang: str
    path: Path
    role: str  # "base" | "check"
    includes: tuple[str, ...]  # acts already applied in this text
    source: str | None = None
    label: str = ""


@attrs.frozen
class Publication:
    date: _dt.date | None
    source: str | None = None
    inferred: bool = False


@attrs.frozen
class Footnote:
    """What the consolidated texts' footnotes say of an act."""

    rule: str | None = None
    lang: str | None = None
    rule_rus: str | None = None
    touches: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


@attrs.frozen(eq=False)
class Act:
    """An amending act: its facts, its commencement as written, its operations."""

    number: str
    adopted: _dt.date
    title: str
    lang: str
    path: Path
    operations_available: bool
    publication: Publication
    commencement_text: str | None
    commencement_lang: str
    stated_effective: _dt.date | None
    footnote: Footnote
    operations: tuple[Operation, ...]
    op_effective: Mapping[int, _dt.date]  # seq → a date the act file states for that operation
    source_file: str | None = None
    upstream: str | None = None

    @cached_property
    def commencement(self) -> Any:
        """The parsed entry-into-force article (None when the act file has none)."""
        if not self.commencement_text:
            return None
        try:
            from .formats.rules import parse_commencement
        except ImportError:  # pragma: no cover - the rule parser is part of the package
            return None

        try:
            return parse_commencement(self.commencement_text, lang=self.commencement_lang)
        except ConsolidationError as exc:
            raise exc.located(file=str(self.path), act=self.number)

    def effective_for(
        self, place: str, chain: Callable[[str], Effective | None] | None = None
    ) -> Effective | None:
        """When the operation at ``place`` takes effect (``None``: cannot be known)."""
        if self.stated_effective is not None:
            return Effective.on(
                self.stated_effective,
                f"{self.number}: in effect from {self.stated_effective.isoformat()} "
                f"(stated in {self.path.name})",
                retroactive=self.stated_effective < self.adopted,
            )
        if self.commencement is None:
            return self._footnote_effective(chain)
        return self.commencement.effective_for(  # type: ignore[no-any-return]
            place,
            published=self.publication.date,
            adopted=self.adopted,
            publication_source=self.publication.source,
            chain=chain,
        )

    def _footnote_effective(self, chain: Callable[[str], Effective | None] | None) -> Effective | None:
        """Without the act's text, the footnote's rule as written is all we have."""
        rule_text = self.footnote.rule_rus or self.footnote.rule
        if not rule_text:
            return None
        lang = "rus" if self.footnote.rule_rus else (self.footnote.lang or "eng")
        try:
            from .commencement import explain
        except ImportError:  # pragma: no cover
            return None

        try:
            return explain(rule_text, published=self.publication.date, adopted=self.adopted, lang=lang)
        except ConsolidationError as exc:
            raise exc.located(file=str(self.path), act=self.number)

    def effective(self, op: Operation, chain: Callable[[str], Effective | None] | None = None) -> Effective | None:
        stated = self.op_effective.get(op.seq)
        if stated is not None:
            return Effective.on(
                stated,
                f"{self.number}, {op.place}: in effect from {stated.isoformat()} (stated in {self.path.name})",
                retroactive=stated < self.adopted,
            )
        return self.effective_for(op.place, chain)

    def touched(self) -> tuple[str, ...]:
        """eIds this act changes: its operations' targets, else its footnotes' units."""
        if self.operations:
            return tuple(dict.fromkeys(op.target for op in self.operations))
        return self.footnote.touches + tuple(a for a in self.footnote.added if a not in self.footnote.touches)

    def inserted(self) -> tuple[str, ...]:
        """eIds this act adds to the law."""
        if self.operations:
            return tuple(op.target for op in self.operations if isinstance(op, Insert))
        return self.footnote.added


@attrs.frozen
class Gap:
    """Acts known to have amended the law but missing from the corpus.

    From ``start`` on, no unit's text can be known: the replay marks the whole
    text ``unknown`` (later operations that restate a unit make it known again)."""

    start: _dt.date
    reason: str  # what shows the acts exist, and why the date is a safe lower bound

    def as_act(self, law_dir: Path) -> Act:
        """The gap as an act without text touching the whole law (replayed like one)."""
        return Act(
            number="missing acts", adopted=self.start, title="", lang="rus", path=law_dir / "law.toml",
            operations_available=False, publication=Publication(None), commencement_text=None,
            commencement_lang="rus", stated_effective=self.start,
            footnote=Footnote(touches=("law",)), operations=(), op_effective={},
        )


@attrs.frozen(eq=False)
class Law:
    """A law: its facts and snapshots from ``law.toml``; its acts, read on first use.

    ``acts`` may be given as a tuple or as a function that reads them: a
    command answered from the compiled cache never parses the act files."""

    slug: str
    work: str
    number: str
    adopted: _dt.date
    titles: Mapping[str, str]
    snapshots: tuple[Snapshot, ...]
    _acts: tuple[Act, ...] | Callable[[Progress | None], tuple[Act, ...]] = attrs.field(alias="acts")
    directory: Path
    gaps: tuple[Gap, ...] = ()
    _loaded: list[tuple[Act, ...]] = attrs.field(factory=list, init=False, repr=False)

    @property
    def acts(self) -> tuple[Act, ...]:
        return self.read_acts()

    def read_acts(self, progress: Progress | None = None) -> tuple[Act, ...]:
        """The acts, read from their files on first use (``progress`` hears of each file)."""
        if not self._loaded:
            self._loaded.append(self._acts(progress) if callable(self._acts) else self._acts)
        return self._loaded[0]

    def base(self, lang: str) -> Snapshot | None:
        for snap in self.snapshots:
            if snap.lang == lang and snap.role == "base":
                return snap
        return None

    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if self.base(lang) is not None)

    def default_lang(self) -> str:
        """Russian, the authentic text, when the corpus has it; else the first language it has."""
        langs = self.langs()
        return "rus" if "rus" in langs else (langs[0] if langs else "rus")

    def act(self, number: str) -> Act:
        for a in self.acts:
            if a.number == number:
                return a
        raise DataError(f"{self.slug} has no act {number!r}")

    def expression_uri(self, lang: str, day: _dt.date) -> str:
        return f"{self.work}/{lang}@{day.isoformat()}"


# ---------------------------------------------------------------------------
# loading


def read_toml(path: Path) -> dict[str, Any]:
    """One TOML file of the corpus, or a :class:`DataError` naming it (and the
    line and column of a syntax error).

    rtoml (Rust) rather than the standard tomllib: on a code-sized corpus
    tomllib, pure Python, reads string values character by character and
    takes eight times longer (0.48 s against 0.06 s for 400 act files); the
    values are the same (``tests/test_corpus_toml.py``)."""
    import rtoml

    try:
        return rtoml.loads(path.read_text(encoding="utf-8"))
    except rtoml.TomlParsingError as exc:
        # rtoml says "... at line N column M"
        raise DataError(f"malformed TOML: {' '.join(str(exc).split())}", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", file=str(path)) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", file=str(path)) from None


def _req(table: Mapping[str, Any], key: str, typ: type | tuple[type, ...], path: Path, what: str) -> Any:
    if key not in table:
        raise DataError(f"{what}: missing field {key!r}", file=str(path))
    value = table[key]
    if not isinstance(value, typ):
        names = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        raise DataError(
            f"{what}: field {key!r} must be {names} (got {type(value).__name__} {value!r})", file=str(path)
        )
    return value


def _opt(table: Mapping[str, Any], key: str, typ: type | tuple[type, ...], path: Path, what: str) -> Any:
    if key not in table:
        return None
    return _req(table, key, typ, path, what)


def _date(value: Any, key: str, path: Path, what: str) -> _dt.date:
    # TOML local dates arrive as datetime.date; a datetime is not a date here
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise DataError(f"{what}: field {key!r} must be a date YYYY-MM-DD (got {value!r})", file=str(path))
    return value


def _occurrence(value: Any, path: Path, what: str) -> Occurrence:
    if value is None:
        return Occurrence()
    if isinstance(value, bool):
        raise DataError(f"{what}: occurrence must be only|first|all or a number (got {value!r})", file=str(path))
    if isinstance(value, int):
        if value < 1:
            raise DataError(f"{what}: occurrence number must be >= 1 (got {value})", file=str(path))
        return Occurrence("nth", value)
    if value in ("only", "first", "all"):
        return Occurrence(value)
    raise DataError(f"{what}: occurrence must be only|first|all or a number (got {value!r})", file=str(path))


def _check_eid(eid: str, path: Path, what: str, *, allow_root: bool = False) -> str:
    if allow_root and eid == "law":
        return eid
    try:
        parse_eid(eid)
    except DataError as exc:
        raise DataError(f"{what}: {exc.message}", file=str(path)) from None
    return eid


def load_operation(rec: Mapping[str, Any], *, seq: int, act: str, default_lang: str, path: Path) -> Operation:
    """One ``[[operations]]`` table → an :class:`Operation` (texts parsed into provisions)."""
    what = f"act {act}, operation #{seq + 1}"
    place = _req(rec, "place", str, path, what)
    what = f"act {act}, operation {place}"
    opname = _req(rec, "op", str, path, what)
    if opname not in OPERATION_TYPES:
        raise DataError(f"{what}: op must be one of {', '.join(OPERATION_TYPES)} (got {opname!r})", file=str(path))
    target = _check_eid(_req(rec, "target", str, path, what), path, what, allow_root=True)
    lang = _opt(rec, "lang", str, path, what) or default_lang
    line = _opt(rec, "line", int, path, what)
    common: dict[str, Any] = dict(
        act=act, place=place, target=target, lang=lang, seq=seq,
        instruction=_opt(rec, "instruction", str, path, what) or "", line=line,
    )
    try:
        if opname in ("insert", "substitute"):
            from .formats.consolidated import parse_fragment

            text = _req(rec, "text", str, path, what)
            units = parse_fragment(text, lang=lang, target=target)
            if opname == "insert":
                parent = _opt(rec, "parent", str, path, what)
                return Insert(units=units, parent=parent, **common)
            return Substitute(units=units, **common)
        if opname == "repeal":
            return Repeal(placeholder=_opt(rec, "placeholder", str, path, what), **common)
        if opname == "replace_words":
            if "pairs" in rec:
                raw = _req(rec, "pairs", list, path, what)
                if not raw or not all(
                    isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p) for p in raw
                ):
                    raise DataError(f"{what}: pairs must be a list of [old, new] strings", file=str(path))
                pairs = tuple((p[0], p[1]) for p in raw)
            else:
                old = _req(rec, "old", str, path, what)
                if not old:
                    raise DataError(f"{what}: old words must not be empty", file=str(path))
                pairs = ((old, _req(rec, "new", str, path, what)),)
            return ReplaceWords(
                pairs=pairs,
                occurrence=_occurrence(rec.get("occurrence"), path, what),
                throughout=bool(_opt(rec, "throughout", bool, path, what)),
                **common,
            )
        if opname == "insert_words":
            words = _req(rec, "words", str, path, what)
            return InsertWords(
                words=words,
                after=_opt(rec, "after", str, path, what),
                before=_opt(rec, "before", str, path, what),
                occurrence=_occurrence(rec.get("occurrence"), path, what),
                **common,
            )
        if opname == "delete_words":
            return DeleteWords(
                words=_req(rec, "words", str, path, what),
                occurrence=_occurrence(rec.get("occurrence"), path, what),
                throughout=bool(_opt(rec, "throughout", bool, path, what)),
                **common,
            )
        if opname == "renumber":
            return Renumber(new_num=_req(rec, "new", str, path, what), **common)
        if opname == "expire":
            _date(_req(rec, "effective", (_dt.date,), path, what), "effective", path, what)
            return Expire(**common)
    except ConsolidationError as exc:
        raise exc.located(file=str(path), line=line, act=act, place=place, target=target)
    raise DataError(f"{what}: unhandled op {opname!r}", file=str(path))  # pragma: no cover


def load_act(path: Path) -> Act:
    """Read one act file."""
    data = read_toml(path)
    what = f"act file {path.name}"
    number = _req(data, "number", str, path, what)
    what = f"act {number}"
    adopted = _date(_req(data, "adopted", (_dt.date,), path, what), "adopted", path, what)
    lang = _opt(data, "lang", str, path, what) or "rus"
    pub = _opt(data, "publication", dict, path, what) or {}
    pub_date = pub.get("date")
    publication = Publication(
        date=_date(pub_date, "publication.date", path, what) if pub_date is not None else None,
        source=_opt(pub, "source", str, path, what),
        inferred=bool(_opt(pub, "inferred", bool, path, what)),
    )
    if publication.date is not None and publication.date < adopted:
        raise DataError(
            f"{what}: first publication {publication.date} is before adoption {adopted}", file=str(path)
        )
    com = _opt(data, "commencement", dict, path, what) or {}
    stated = com.get("effective")
    fn = _opt(data, "footnote", dict, path, what) or {}
    footnote = Footnote(
        rule=_opt(fn, "rule", str, path, what),
        lang=_opt(fn, "lang", str, path, what),
        rule_rus=_opt(fn, "rule_rus", str, path, what),
        touches=tuple(_check_eid(e, path, what) for e in (_opt(fn, "touches", list, path, what) or [])),
        added=tuple(_check_eid(e, path, what) for e in (_opt(fn, "added", list, path, what) or [])),
    )
    src = _opt(data, "source", dict, path, what) or {}
    ops: list[Operation] = []
    op_effective: dict[int, _dt.date] = {}
    for seq, rec in enumerate(_opt(data, "operations", list, path, what) or []):
        if not isinstance(rec, dict):
            raise DataError(f"{what}: operations must be tables", file=str(path))
        op = load_operation(rec, seq=seq, act=number, default_lang=lang, path=path)
        if "effective" in rec:
            op_effective[seq] = _date(rec["effective"], "effective", path, f"{what}, operation {op.place}")
        ops.append(op)
    available = _opt(data, "operations_available", bool, path, what)
    return Act(
        number=number,
        adopted=adopted,
        title=_opt(data, "title", str, path, what) or "",
        lang=lang,
        path=path,
        operations_available=bool(ops) if available is None else available,
        publication=publication,
        commencement_text=_opt(com, "text", str, path, what),
        commencement_lang=_opt(com, "lang", str, path, what) or lang,
        stated_effective=_date(stated, "commencement.effective", path, what) if stated is not None else None,
        footnote=footnote,
        operations=tuple(ops),
        op_effective=op_effective,
        source_file=_opt(src, "file", str, path, what),
        upstream=_opt(src, "upstream", str, path, what),
    )


def load_law(directory: Path, snapshots_root: Path) -> Law:
    path = directory / "law.toml"
    data = read_toml(path)
    what = "law.toml"
    slug = _req(data, "slug", str, path, what)
    snaps = []
    for rec in _opt(data, "snapshots", list, path, what) or []:
        lang = _req(rec, "lang", str, path, "snapshot")
        if lang not in LANGS:
            raise DataError(f"snapshot: lang must be one of {', '.join(LANGS)} (got {lang!r})", file=str(path))
        role = _req(rec, "role", str, path, "snapshot")
        if role not in ("base", "check"):
            raise DataError(f"snapshot: role must be base or check (got {role!r})", file=str(path))
        file = _req(rec, "file", str, path, "snapshot")
        snap_path = snapshots_root / slug / file
        if not snap_path.is_file():
            raise DataError(f"snapshot file not found: {snap_path}", file=str(path))
        snaps.append(
            Snapshot(
                lang=lang,
                path=snap_path,
                role=role,
                includes=tuple(_opt(rec, "includes", list, path, "snapshot") or ()),
                source=_opt(rec, "source", str, path, "snapshot"),
                label=file,
            )
        )

    def load_acts(progress: Progress | None = None) -> tuple[Act, ...]:
        files = sorted((directory / "acts").glob("*.toml"))
        read = []
        for i, file in enumerate(files):
            if progress is not None:
                progress(f"{slug}: reading act files", i, len(files))
            read.append(load_act(file))
        if progress is not None:
            progress(f"{slug}: reading act files", len(files), len(files))
        acts = tuple(read)
        numbers = [a.number for a in acts]
        dupes = {n for n in numbers if numbers.count(n) > 1}
        if dupes:
            raise DataError(f"acts listed twice: {', '.join(sorted(dupes))}", file=str(directory / "acts"))
        for snap in snaps:
            unknown = [n for n in snap.includes if n not in numbers]
            if unknown:
                raise DataError(
                    f"snapshot {snap.label} includes acts with no act file: {', '.join(unknown)}", file=str(path)
                )
        return acts
    gaps = tuple(
        Gap(start=_date(_req(g, "from", (_dt.date,), path, "gap"), "from", path, "gap"),
            reason=_req(g, "reason", str, path, "gap"))
        for g in (_opt(data, "gaps", list, path, what) or [])
    )
    return Law(
        gaps=gaps,
        slug=slug,
        work=_req(data, "work", str, path, what),
        number=_req(data, "number", str, path, what),
        adopted=_date(_req(data, "adopted", (_dt.date,), path, what), "adopted", path, what),
        titles=dict(_opt(data, "titles", dict, path, what) or {}),
        snapshots=tuple(snaps),
        acts=load_acts,
        directory=directory,
    )


@attrs.define
class Corpus:
    """All laws under a corpus root (a folder holding ``amendments/`` and ``snapshots/``)."""

    root: Path
    _laws: dict[str, Law] = attrs.field(factory=dict, init=False)

    def slugs(self) -> list[str]:
        base = self.root / "amendments"
        return sorted(p.parent.name for p in base.glob("*/law.toml"))

    def law(self, slug: str) -> Law:
        if slug not in self._laws:
            directory = self.root / "amendments" / slug
            if not (directory / "law.toml").is_file():
                known = ", ".join(self.slugs()) or "none"
                raise UnknownLaw(f"no law {slug!r} in the corpus at {self.root} (known: {known})")
            self._laws[slug] = load_law(directory, self.root / "snapshots")
        return self._laws[slug]


def default_root() -> Path:
    """The corpus shipped with the project (the repository root), or $CONSOLIDATE_CORPUS."""
    import os

    env = os.environ.get("CONSOLIDATE_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1]
