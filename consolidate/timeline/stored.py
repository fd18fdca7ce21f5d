"""The stored form of a time line: plain data the store writes and reads back.

Only ``None``, booleans, integers, strings, tuples, lists and dicts — what
:mod:`marshal` carries, which cannot run code when read (the store never
unpickles).  Dates are day ordinals; enums their values; provisions, notes and
effective dates are rows of tables, each distinct value once, referred to by
position.  A time line read back builds each provision and version only when it
is asked for (a date touches only the versions in effect on it, see
:class:`~consolidate.timeline.chain.Chain`); the law is not stored (the loader
is given it again, and its act files are parsed only if a step is asked for);
steps are kept apart as (act, position of the operation) references, resolved
against the law on first use.

:func:`load` checks the shape of what it reads as it goes; anything else is a
``ValueError`` (or ``TypeError``/``KeyError``/``IndexError``), which the store
takes as a damaged entry to rebuild.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

from .. import errors
from ..law import Law
from ..model import ActRef, Document, Effective, Kind, Note, Provision, Status
from .chain import Chain, Version
from .query import Rename, Step, Timeline, Warning_

FORMAT = 2  # bump when the layout below changes


class _Table:
    """Distinct values, each given the position it was first put at."""

    def __init__(self) -> None:
        self.rows: list[Any] = []
        self._at: dict[Any, int] = {}

    def put(self, key: Any, row: Callable[[], Any]) -> int:
        at = self._at.get(key)
        if at is None:
            at = self._at[key] = len(self.rows)
            self.rows.append(row())
        return at


def _day(d: _dt.date | None) -> int | None:
    return None if d is None else d.toordinal()


def _date(n: int | None) -> _dt.date | None:
    return None if n is None else _dt.date.fromordinal(n)


def dump(tl: Timeline) -> tuple[dict[str, Any], dict[str, Any]]:
    """The time line as plain data: the part every question needs, and the steps."""
    units, notes, effs = _Table(), _Table(), _Table()

    def note(n: Note) -> int:
        return notes.put(n, lambda: (n.kind, n.text, n.action, tuple((a.number, _day(a.adopted), a.rule)
                                                                     for a in n.acts), n.subject, n.added))

    def unit(p: Provision | None) -> int:
        if p is None:
            return -1
        return units.put(id(p), lambda: (p.eid, p.kind.value, p.num, p.heading, p.text, p.children,
                                         tuple(note(n) for n in p.notes), p.status.value))

    def eff(e: Effective) -> int:
        return effs.put(e, lambda: (e.earliest.toordinal(), e.latest.toordinal(), e.derivation, e.retroactive))

    def version(v: Version) -> tuple[Any, ...]:
        return (v.start.toordinal(), unit(v.unit), v.acts, tuple(eff(e) for e in v.effective), v.reason)

    base = tl.base
    main: dict[str, Any] = {
        "format": FORMAT,
        "lang": tl.lang,
        "known_on": _day(tl.known_on),
        "base": (base.law, base.lang, base.title, base.signature, base.source, tuple(note(n) for n in base.notes),
                 {e: unit(p) for e, p in base.units.items()}),
        "chains": {eid: [version(v) for v in chain] for eid, chain in tl.chains.items()},
        "order": {k: list(v) for k, v in tl.order.items()},
        "events": [(d.toordinal(), e) for d, e in tl.events],
        "renames": [(r.day.toordinal(), r.old, r.new, r.act) for r in tl.renames],
        "warnings": [(w.eid, w.message) for w in tl.warnings],
        "uncertain": {k: [(eff(e), act) for e, act in v] for k, v in tl.uncertain.items()},
        "adopted": {k: d.toordinal() for k, d in tl.adopted.items()},
    }
    main.update(units=units.rows, notes=notes.rows, effs=effs.rows)
    pos = {id(op): i for a in tl.law.acts for i, op in enumerate(a.operations)}
    step_effs = _Table()

    def ref(step: Step) -> tuple[Any, ...]:
        """(act number, position of the operation in the act, effective, applied, gap)."""
        e = step.effective
        at = step_effs.put(e, lambda: (e.earliest.toordinal(), e.latest.toordinal(), e.derivation, e.retroactive))
        if step.gap is not None:
            return (None, None, at, step.applied, step.gap)
        return (step.act.number, pos[id(step.op)] if step.op is not None else None, at, step.applied, None)

    def error(exc: errors.ConsolidationError) -> tuple[Any, ...]:
        return (type(exc).__name__, exc.message, exc.file, exc.line, exc.act, exc.place, exc.target)

    steps: dict[str, Any] = {
        "steps": [ref(s) for s in tl.steps],
        "all_steps": [ref(s) for s in tl.all_steps],
        "errors": [(ref(s), error(e)) for s, e in tl.errors],
    }
    steps["effs"] = step_effs.rows
    return main, steps


def _effective(row: Sequence[Any]) -> Effective:
    earliest, latest, derivation, retroactive = row
    return Effective(_dt.date.fromordinal(earliest), _dt.date.fromordinal(latest), str(derivation), bool(retroactive))


class _Stored(Mapping[str, Any]):
    """A mapping over stored rows whose values are made on first access."""

    __slots__ = ("_raw", "_make")

    def __init__(self, raw: dict[str, Any], make: Callable[[Any], Any]):
        if not isinstance(raw, dict):
            raise ValueError("a stored mapping is a dict")
        self._raw = raw
        self._make = make

    def __getitem__(self, eid: str) -> Any:
        return self._make(self._raw[eid])

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, eid: object) -> bool:
        return eid in self._raw


class _Chains(_Stored):
    """Every unit's chain, each made on first access."""

    __slots__ = ("_chains",)

    def __init__(self, raw: dict[str, Any], make: Callable[[Any], Version]):
        super().__init__(raw, make)
        self._chains: dict[str, Chain] = {}

    def __getitem__(self, eid: str) -> Chain:
        chain = self._chains.get(eid)
        if chain is None:
            rows = self._raw[eid]
            starts = [_dt.date.fromordinal(r[0]) for r in rows]
            chain = self._chains[eid] = Chain(starts=starts, raw=rows, make=self._make)
        return chain

    def get(self, eid: str, default: Any = None) -> Any:
        return self[eid] if eid in self._raw else default


class _Steps(Sequence[Any]):
    """Steps (or (step, error) pairs) stored as references, resolved against the law
    when first asked for."""

    def __init__(self, resolve: Callable[[], list[Any]]):
        self._resolve = resolve
        self._items: list[Any] | None = None

    def _all(self) -> list[Any]:
        if self._items is None:
            self._items = self._resolve()
        return self._items

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        return self._all()[i]

    def __len__(self) -> int:
        return len(self._all())


_ERRORS = {cls.__name__: cls for cls in (errors.ConsolidationError, errors.DataError, errors.ParseError,
                                         errors.RuleError, errors.OperationError)}


def load(main: Mapping[str, Any], steps: Callable[[], Mapping[str, Any]], law: Law) -> Timeline:
    """The time line of ``law`` from its stored form (``steps`` reads the steps' part when first needed)."""
    if not isinstance(main, dict) or main.get("format") != FORMAT:
        raise ValueError("a stored time line of another format")
    notes = [Note(kind, text, action, tuple(ActRef(n, _date(d), r) for n, d, r in acts), subject, tuple(added))
             for kind, text, action, acts, subject, added in main["notes"]]
    effs = [_effective(row) for row in main["effs"]]
    rows = main["units"]
    built: dict[int, Provision] = {}

    def provision(at: int) -> Provision:
        p = built.get(at)
        if p is None:
            eid, kind, num, heading, text, children, note_ids, status = rows[at]
            p = built[at] = Provision(eid, Kind(kind), num, heading, text, tuple(children),
                                      tuple(notes[n] for n in note_ids), Status(status))
        return p

    def version(row: Sequence[Any]) -> Version:
        start, at, acts, eff_ids, reason = row
        return Version(_dt.date.fromordinal(start), None if at < 0 else provision(at), tuple(acts),
                       tuple(effs[e] for e in eff_ids), reason)

    law_name, lang, title, signature, source, doc_notes, base_units = main["base"]
    base = Document(law=law_name, lang=lang, title=title, units=_Stored(base_units, provision), signature=signature,
                    notes=tuple(notes[n] for n in doc_notes), source=source)
    refs: dict[str, Any] = {}

    def part(name: str) -> list[Any]:
        if not refs:
            refs.update(steps())
            refs["effs"] = [_effective(row) for row in refs["effs"]]
        return list(refs[name])

    def resolve(ref: Sequence[Any]) -> Step:
        number, i, eff, applied, gap = ref
        if gap is not None:
            return Step(law.gaps[gap].as_act(law.directory), None, refs["effs"][eff], applied, gap)
        act = law.act(number)
        return Step(act, act.operations[i] if i is not None else None, refs["effs"][eff], applied)

    def error(row: Sequence[Any]) -> errors.ConsolidationError:
        name, message, file, line, act, place, target = row
        return _ERRORS.get(name, errors.ConsolidationError)(message, file=file, line=line, act=act, place=place,
                                                            target=target)

    chains = _Chains(main["chains"], version)
    return Timeline(
        law=law, lang=lang, base=base, known_on=_date(main["known_on"]),
        chains=chains, order=main["order"], events=[(_dt.date.fromordinal(d), e) for d, e in main["events"]],
        renames=[Rename(_dt.date.fromordinal(d), old, new, act) for d, old, new, act in main["renames"]],
        steps=_Steps(lambda: [resolve(r) for r in part("steps")]),
        all_steps=_Steps(lambda: [resolve(r) for r in part("all_steps")]),
        errors=_Steps(lambda: [(resolve(r), error(e)) for r, e in part("errors")]),
        warnings=[Warning_(e, m) for e, m in main["warnings"]],
        uncertain={k: [(effs[e], act) for e, act in v] for k, v in main["uncertain"].items()},
        adopted={k: _dt.date.fromordinal(d) for k, d in main["adopted"].items()},
    )
