"""The stored form of a time line: plain values the store can write and read back.

Stored as attrs objects a compiled time line would take longer to load than
to use, so provisions and versions are kept as tuples and built on first
access (a date touches only the versions in effect on it, see
:class:`~consolidate.timeline.chain.Chain`); the law is not stored (the
loader is given it again, and its act files are parsed only if a step is
asked for); steps are kept apart as (act, position of the operation)
references, resolved against the law on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

import attrs

from ..law import Law
from ..model import Effective, Provision
from .chain import Chain, Version, _build_unit
from .query import Rename, Step, Timeline, Warning_

FORMAT = 1  # bump when the layout below changes


def dump(tl: Timeline) -> tuple[dict[str, Any], dict[str, Any]]:
    """The time line as plain values: the part every question needs, and the steps."""
    raw: dict[int, tuple[Any, ...]] = {}
    effs: dict[Effective, Effective] = {}

    def unit(p: Provision | None) -> tuple[Any, ...] | None:
        if p is None:
            return None
        if id(p) not in raw:
            raw[id(p)] = (p.eid, p.kind, p.num, p.heading, p.text, p.children, p.notes, p.status)
        return raw[id(p)]

    def version(v: Version | tuple[Any, ...]) -> tuple[Any, ...]:
        if isinstance(v, tuple):
            return v  # never built since it was read: stored as it was
        return (v.start, unit(v.unit), v.acts, tuple(effs.setdefault(e, e) for e in v.effective), v.reason)

    main = {
        "format": FORMAT,
        "lang": tl.lang,
        "known_on": tl.known_on,
        "base": (attrs.evolve(tl.base, units={}), {e: unit(p) for e, p in tl.base.units.items()}),
        "chains": {eid: [version(v) for v in chain.stored()] for eid, chain in tl.chains.items()},
        "order": {k: list(v) for k, v in tl.order.items()},
        "events": list(tl.events),
        "renames": [tuple(r) for r in tl.renames],
        "warnings": [(w.eid, w.message) for w in tl.warnings],
        "uncertain": {k: list(v) for k, v in tl.uncertain.items()},
        "adopted": dict(tl.adopted),
    }
    pos = {id(op): i for a in tl.law.acts for i, op in enumerate(a.operations)}

    def ref(step: Step) -> tuple[Any, ...]:
        """(act number, position of the operation in the act, ...); a gap: (None, its index, ...)."""
        if step.gap is not None:
            return (None, step.gap, step.effective, step.applied)
        return (step.act.number, pos[id(step.op)] if step.op is not None else None, step.effective, step.applied)

    steps = {
        "steps": [ref(s) for s in tl.steps],
        "all_steps": [ref(s) for s in tl.all_steps],
        "errors": [(ref(s), e) for s, e in tl.errors],
    }
    return main, steps


class _Stored(Mapping[str, Any]):
    """A mapping over stored tuples (``_raw``) whose values are made on first access."""

    __slots__ = ("_raw", "_built")

    def __init__(self, raw: dict[str, Any], built: dict[int, Provision]):
        self._raw = raw
        self._built = built

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, eid: object) -> bool:
        return eid in self._raw


class _Units(_Stored):
    """A document's provisions kept as tuples and built on first access."""

    __slots__ = ()

    def __getitem__(self, eid: str) -> Provision:
        return _build_unit(self._raw[eid], self._built)


class _Chains(_Stored):
    """Every unit's chain, each made on first access."""

    __slots__ = ("_chains",)

    def __init__(self, raw: dict[str, list[tuple[Any, ...]]], built: dict[int, Provision]):
        super().__init__(raw, built)
        self._chains: dict[str, Chain] = {}

    def __getitem__(self, eid: str) -> Chain:
        chain = self._chains.get(eid)
        if chain is None:
            chain = self._chains[eid] = Chain(raw=self._raw[eid], built=self._built)
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


def load(main: Mapping[str, Any], steps: Callable[[], Mapping[str, Any]], law: Law) -> Timeline:
    """The time line of ``law`` from its stored form (``steps`` reads the steps' part when first needed)."""
    if main.get("format") != FORMAT:
        raise ValueError(f"a stored time line of another format ({main.get('format')!r})")
    built: dict[int, Provision] = {}
    base, units = main["base"]
    refs: dict[str, Any] = {}

    def part(name: str) -> list[Any]:
        if not refs:
            refs.update(steps())
        return list(refs[name])

    def resolve(ref: Sequence[Any]) -> Step:
        number, i, eff, applied = ref
        if number is None:
            return Step(law.gaps[i].as_act(law.directory), None, eff, applied, i)
        act = law.act(number)
        return Step(act, act.operations[i] if i is not None else None, eff, applied)

    return Timeline(
        law=law, lang=main["lang"], base=attrs.evolve(base, units=_Units(units, built)), known_on=main["known_on"],
        chains=_Chains(main["chains"], built), order=main["order"], events=main["events"],
        renames=[Rename(*r) for r in main["renames"]],
        steps=_Steps(lambda: [resolve(r) for r in part("steps")]),
        all_steps=_Steps(lambda: [resolve(r) for r in part("all_steps")]),
        errors=_Steps(lambda: [(resolve(r), e) for r, e in part("errors")]),
        warnings=[Warning_(e, m) for e, m in main["warnings"]],
        uncertain=main["uncertain"], adopted=main["adopted"],
    )
