"""Replay into per-unit version chains; the text as of a date, as known on a date.

A law in one language is compiled once into a :class:`Timeline`: for every
eId ever present, a chain of :class:`Version`\\ s with half-open intervals
``[start, next start)``; an open end means "still in effect".  Compiling
starts from the language's base snapshot and

* replays forward every act the base does not include, in one total order
  (:func:`replay_key`: effective date, first publication, adoption, act,
  position in the act).  An operation in this language is applied; an act
  whose text the corpus holds only in another language, or not at all, makes
  the units it touches ``unknown`` from its date: never a guess;
* reasons backward about the acts the base already includes: before such an
  act took effect, the units it touched read differently and the corpus does
  not say how (``unknown``), and the units it inserted did not exist.

An act whose effective date is known only as an interval (unknown first
publication) changes the text on the last possible day; on the days before,
inside the interval, the units it touches carry a warning.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import pickle
import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

import attrs

from .law import Act, Law
from .model import Progress
from .errors import ConsolidationError, DataError, InvalidDate, OperationError
from .model import ROOT, Document, Effective, Kind, Provision, Status
from .operations import Expire, Insert, Operation, Renumber, Repeal, Substitute
from .render.lines import uncertain_warning
from .replay import Change, TextState, apply

# Sorts before every real date: "since the beginning of the known text".
_DAWN = _dt.date.min


@attrs.frozen
class Version:
    """One wording of one unit, from ``start`` until the next version."""

    start: _dt.date  # _DAWN: since before anything the corpus records
    unit: Provision | None  # None: the unit does not exist
    acts: tuple[str, ...] = ()  # acts that produced this version
    effective: tuple[Effective, ...] = ()
    reason: str | None = None  # why a version is unknown

    @property
    def since(self) -> _dt.date | None:
        return None if self.start == _DAWN else self.start


@attrs.frozen
class Step:
    """One operation (or one act without operations) placed on the time line."""

    act: Act
    op: Operation | None
    effective: Effective
    applied: str  # "applied" | "blind" (text not in this language) | "included" (already in the base)

    @property
    def date(self) -> _dt.date:
        return self.effective.latest


@attrs.frozen
class Warning_:
    eid: str | None
    message: str


@attrs.frozen
class View:
    """The text on one date: a document plus, per unit, its version."""

    document: Document
    versions: dict[str, Version]
    as_of: _dt.date
    known_on: _dt.date | None
    warnings: tuple[Warning_, ...]

    def provisions(self) -> list[tuple[Provision, Version]]:
        return [(p, self.versions[p.eid]) for p in self.document.provisions()]


def replay_key(act: Act, op: Operation | None, eff: Effective) -> tuple[object, ...]:
    """The one total order of replay: effective date, first publication,
    adoption, act number, position inside the act."""
    published = act.publication.date or (act.adopted + _dt.timedelta(days=30))
    return (eff.latest, published, act.adopted, act.number, op.seq if op is not None else -1)


def _unknown(unit: Provision) -> Provision:
    return attrs.evolve(unit, text="", heading=None, status=Status.UNKNOWN)


class Timeline:
    """Version chains of every unit of one law in one language."""

    def __init__(self, law: Law, lang: str, base: Document, known_on: _dt.date | None = None,
                 *, strict: bool = True, progress: Progress | None = None):
        self._progress = progress
        self.strict = strict  # False: record operations that do not apply instead of raising
        self.errors: list[tuple[Step, ConsolidationError]] = []
        self.law = law
        self.lang = lang
        self.base = base
        self.known_on = known_on
        self.chains: dict[str, list[Version]] = {}
        self._starts: dict[str, list[_dt.date]] = {}
        self.order: dict[str, list[str]] = {}  # container → every child ever, in document order
        self.events: list[tuple[_dt.date, str]] = []  # (date, eid) of every version change
        self.renames: list[tuple[_dt.date, str, str, str]] = []  # (date, old, new, act)
        self.steps: list[Step] = []
        self.warnings: list[Warning_] = []  # apply to every date (acts not applicable)
        self.uncertain: dict[str, list[tuple[Effective, str]]] = defaultdict(list)
        self._compile()

    # -- compiling ---------------------------------------------------------------

    def _effective_steps(self) -> tuple[list[Step], list[Step]]:
        """Place every act's operations on the time line; split into the ones the
        base already includes and the ones to replay forward."""
        snap = self.law.base(self.lang)
        assert snap is not None
        included = set(snap.includes)
        effects: dict[str, Effective | None] = {}

        def chain(ref: str) -> Effective | None:
            return effects.get(ref)

        backward: list[Step] = []
        forward: list[Step] = []
        eff: Effective | None
        gap_acts = [g.as_act(self.law.directory) for g in self.law.gaps]
        self._gaps = {id(a): i for i, a in enumerate(gap_acts)}  # a gap's act → its index in law.gaps
        for act in sorted((*self.law.acts, *gap_acts), key=lambda a: (a.adopted, a.number)):
            if self.known_on is not None and not self._known(act):
                if act.number in included:
                    # as known on that date the act did not exist, but the base has it
                    for eid in act.touched():
                        self.warnings.append(
                            Warning_(eid, f"{act.number} was not yet published on {self.known_on}; "
                                     f"the text it replaced is not in the corpus")
                        )
                    hidden = Effective.on(_DAWN, "not known on that date")
                    for op in act.operations or (None,):
                        backward.append(Step(act, op, hidden, "hidden"))
                continue
            ops: Sequence[Operation | None] = act.operations if act.operations else (None,)
            for op in ops:
                try:
                    eff = act.effective(op, chain) if op is not None else act.effective_for("art_1", chain)
                except ConsolidationError as exc:
                    raise exc.located(file=str(act.path), act=act.number)
                if eff is None:
                    self.warnings.append(
                        Warning_(
                            op.target if op is not None else None,
                            f"{act.number}{' ' + op.place if op is not None else ''}: its effective date "
                            "cannot be derived from the corpus; not applied",
                        )
                    )
                    continue
                effects.setdefault(act.number, eff)
                if op is not None:
                    self._warn_limits(act, op)
                if act.number in included:
                    backward.append(Step(act, op, eff, "included"))
                else:
                    applied = "applied" if op is not None and op.lang == self.lang else "blind"
                    forward.append(Step(act, op, eff, applied))
        forward.sort(key=lambda s: replay_key(s.act, s.op, s.effective))
        return backward, forward

    def _warn_limits(self, act: Act, op: Operation) -> None:
        """A sunset or suspension in the act's commencement article that covers the
        operation: the replay does not model what follows it, and says so."""
        com = act.commencement
        if com is None:
            return
        sunset = com.expiry_for(op.place)
        limits = ([sunset] if sunset is not None else []) + list(com.suspensions_for(op.place))
        for limit in limits:
            self.warnings.append(Warning_(op.target, (
                f"{act.number} {op.place}: the act limits this operation in time ({limit.as_written!r}); "
                "the replay applies it without that limit")))

    def _known(self, act: Act) -> bool:
        assert self.known_on is not None
        if act.publication.date is not None:
            return act.publication.date <= self.known_on
        latest = act.adopted + _dt.timedelta(days=30)
        if act.adopted <= self.known_on < latest:
            self.warnings.append(
                Warning_(None, f"{act.number}: first publication unknown, between {act.adopted} and {latest} "
                         f"(Law on legal acts art. 37 p.3); as known on {self.known_on} it is left out")
            )
        return latest <= self.known_on

    def _record(self, eid: str, start: _dt.date, unit: Provision | None, step: Step | None,
                reason: str | None = None) -> None:
        chain = self.chains.setdefault(eid, [Version(_DAWN, None)])
        acts: tuple[str, ...] = (step.act.number,) if step else ()
        effs: tuple[Effective, ...] = (step.effective,) if step else ()
        last = chain[-1]
        if last.start == start and start != _DAWN:
            # several operations of one day: one version, every act named
            acts = tuple(dict.fromkeys(last.acts + acts))
            effs = tuple(dict.fromkeys(last.effective + effs))
            chain[-1] = Version(start, unit, acts, effs, reason or last.reason)
        else:
            chain.append(Version(start, unit, acts, effs, reason))
            self.events.append((start, eid))
        if step is not None and not step.effective.exact:
            self.uncertain[eid].append((step.effective, step.act.number))

    def _merge_order(self, state: TextState, containers: set[str]) -> None:
        """Fold each container's current children into its all-time order."""
        for c in containers:
            unit = state.units.get(c)
            if unit is None:
                continue
            master = self.order.setdefault(c, [])
            pos = -1
            for child in unit.children:
                if child not in master:
                    master.insert(pos + 1, child)
                    pos += 1
                    continue
                i = master.index(child)
                if i > pos:
                    pos = i
                else:
                    # the all-time order put it before a sibling the text now has before it
                    # (an eId renumbered away and inserted again): follow the text
                    master.pop(i)
                    master.insert(pos, child)

    def _compile(self) -> None:
        base = self.base
        for eid, unit in base.units.items():
            self.chains[eid] = [Version(_DAWN, unit)]
            self.order[eid] = list(unit.children)
        backward, forward = self._effective_steps()
        self.all_steps: list[Step] = backward + forward
        self._backward(backward)
        self._forward(forward)
        self.events.sort()
        self.adopted = {a.number: a.adopted for a in self.law.acts}  # for naming acts without loading them
        self._starts = {e: [v.start for v in ch] for e, ch in self.chains.items()}
        self._index = {e: i for i, e in enumerate(self._all_order())}

    def _backward(self, steps: list[Step]) -> None:
        """Before an included act took effect, what it touched is unknown and
        what it inserted did not exist."""
        touching: dict[str, list[Step]] = defaultdict(list)
        inserting: dict[str, Step] = {}
        footnoted: set[str] = set()
        for step in steps:
            if step.op is not None:
                if isinstance(step.op, Insert):
                    for u in step.op.units:
                        inserting[u.eid] = step
                else:
                    touching[step.op.target].append(step)
            if step.act.number not in footnoted:
                # what the consolidated texts' footnotes say the act touched counts too:
                # editors' changes that no operation states (a neighbour's punctuation)
                # are covered by the footnote of the unit they fall in
                footnoted.add(step.act.number)
                for eid in step.act.footnote.added:
                    inserting.setdefault(eid, step)
                for eid in step.act.footnote.touches:
                    if eid not in step.act.footnote.added and step not in touching[eid]:
                        touching[eid].append(step)
        parents = self.base.parents()

        def lineage(eid: str) -> Iterator[str]:
            while eid in parents:
                yield eid
                eid = parents[eid]

        for eid, unit in self.base.units.items():
            if eid == ROOT:
                continue
            line = list(lineage(eid))
            ins = next((inserting[a] for a in line if a in inserting), None)
            if ins is not None and ins.applied == "hidden":
                self.chains[eid] = [Version(_DAWN, None)]  # not yet inserted as known on that date
                continue
            born = ins.date if ins is not None else _DAWN
            later = [s for a in line for s in touching.get(a, ()) if ins is None or s.date > born
                     or s.applied == "hidden"]
            if ins is None and not later:
                continue
            chain: list[Version] = [Version(_DAWN, None)] if ins is not None else []
            if later:
                names = ", ".join(dict.fromkeys(s.act.number for s in later))
                reason = f"changed by {names} (already in the base text); the wording before is not in the corpus"
                if any(s.applied == "hidden" for s in later):
                    chain.append(Version(born, _unknown(unit), reason=reason))
                else:
                    # one unknown stretch per date on which an included act changed the unit,
                    # each naming the acts still to come (what makes the wording unknown then)
                    later.sort(key=lambda s: s.date)
                    start = born
                    acts: tuple[str, ...] = (ins.act.number,) if ins else ()
                    effs: tuple[Effective, ...] = (ins.effective,) if ins else ()
                    for day in sorted({s.date for s in later}):
                        coming = ", ".join(dict.fromkeys(s.act.number for s in later if s.date >= day))
                        why = (f"changed from {day.isoformat()} on by {coming} (already in the base text); "
                               "the wording before is not in the corpus")
                        chain.append(Version(start, _unknown(unit), acts, effs, why))
                        now = [s for s in later if s.date == day]
                        start = day
                        acts = tuple(dict.fromkeys(s.act.number for s in now))
                        effs = tuple(dict.fromkeys(s.effective for s in now))
                    chain.append(Version(start, unit, acts, effs))
            else:
                assert ins is not None
                chain.append(Version(born, unit, (ins.act.number,), (ins.effective,)))
            self.chains[eid] = chain
            self.events.extend((v.start, eid) for v in chain if v.start != _DAWN)
            for s in later + ([ins] if ins is not None else []):
                if not s.effective.exact:
                    self.uncertain[eid].append((s.effective, s.act.number))

    def _forward(self, steps: list[Step]) -> None:
        state = TextState(dict(self.base.units))
        what = f"{self.law.slug} ({self.lang}): replaying operations"
        for n, step in enumerate(steps):
            if self._progress is not None and n % 100 == 0:
                self._progress(what, n, len(steps))
            self.steps.append(step)
            day = step.date
            try:
                if step.op is None:
                    changes = self._blind_footnote(state, step)
                elif step.applied == "applied":
                    changes = self._apply(state, step)
                else:
                    changes = self._blind(state, step)
            except ConsolidationError as exc:
                if self.strict:
                    raise
                self.errors.append((step, exc))
                continue
            touched_containers = set()
            for ch in changes:
                if ch.kind == "renamed" and ch.old_eid is not None:
                    self.renames.append((day, ch.old_eid, ch.eid, step.act.number))
                    self._record(ch.old_eid, day, None, step)
                if ch.kind == "children":
                    touched_containers.add(ch.eid)
                    continue
                unit = state.units.get(ch.eid)
                reason = None
                if unit is not None and unit.status is Status.UNKNOWN:
                    reason = self._blind_reason(step)
                self._record(ch.eid, day, unit, step, reason)
                if unit is not None:
                    parent = state.parent.get(ch.eid)
                    if parent is not None:
                        touched_containers.add(parent)
                    if unit.children:
                        touched_containers.add(ch.eid)
            self._merge_order(state, touched_containers)
        if self._progress is not None:
            self._progress(what, len(steps), len(steps))

    def _blind_reason(self, step: Step) -> str:
        if id(step.act) in self._gaps:
            return self.law.gaps[self._gaps[id(step.act)]].reason
        if step.op is None:
            return f"changed by {step.act.number}, whose text is not in the corpus"
        return (f"changed by {step.act.number} ({step.op.place}); the corpus holds its text in "
                f"{step.op.lang} only, not in {self.lang}")

    def _apply(self, state: TextState, step: Step) -> list[Change]:
        op = step.op
        assert op is not None
        scope_unknown = (
            not isinstance(op, (Insert, Substitute, Repeal, Renumber, Expire))
            and op.target in state.units
            and state.all_unknown(op.target)
        )
        if scope_unknown or self._inside_unknown(state, op):
            # the words cannot be found in a text we do not hold: the unit stays unknown
            return []
        try:
            return apply(op, state, placeholder=self._placeholder(step))
        except ConsolidationError as exc:
            raise exc.located(file=str(step.act.path), act=step.act.number, place=op.place, target=op.target)

    @staticmethod
    def _inside_unknown(state: TextState, op: Operation) -> bool:
        """The target is absent from a part of the text we do not hold (its
        nearest existing container is unknown): the operation cannot be checked
        there, and what it touches stays unknown."""
        if op.target in state.units or isinstance(op, Insert):
            return False
        eid = op.target
        while "__" in eid:
            eid = eid.rsplit("__", 1)[0]
            if eid in state.units:
                return state.units[eid].status is Status.UNKNOWN
        return False

    def _placeholder(self, step: Step):  # type: ignore[no-untyped-def]
        from .grammar.notes import repeal_placeholder

        def make(op: Operation, unit: Provision) -> str:
            return repeal_placeholder(step.act, step.effective, unit, self.lang, place=op.place)

        return make

    def _mark_unknown(self, state: TextState, eid: str) -> list[Change]:
        out = []
        for e in list(state.subtree(eid)):
            state.units[e] = _unknown(state.units[e])
            out.append(Change(e, "content"))
        return out

    def _blind(self, state: TextState, step: Step) -> list[Change]:
        """An operation whose text is in another language: structure follows, text is unknown."""
        op = step.op
        assert op is not None
        match op:
            case Insert() | Substitute():
                units = tuple(_unknown(u) for u in op.units)
                blind = attrs.evolve(op, units=units)
                try:
                    return apply(blind, state)
                except OperationError as exc:
                    raise exc.located(file=str(step.act.path), act=step.act.number)
            case Renumber() | Expire():
                return apply(op, state)
            case _:
                if op.target == ROOT or op.target not in state.units:
                    if op.target == ROOT:
                        return self._mark_unknown(state, ROOT)[1:]
                    raise OperationError("target does not exist in the text on this date", act=op.act,
                                         place=op.place, target=op.target, file=str(step.act.path))
                return self._mark_unknown(state, op.target)

    def _blind_footnote(self, state: TextState, step: Step) -> list[Change]:
        """An act with no text in the corpus: what its footnotes name becomes unknown."""
        changes: list[Change] = []
        fn = step.act.footnote
        for eid in fn.added:
            if eid in state.units:
                continue
            from .numbering import eid_kind, eid_num, parse_eid, format_eid

            kind = Kind(eid_kind(eid))
            unit = Provision(eid=eid, kind=kind, num=eid_num(eid), status=Status.UNKNOWN)
            parent = None
            segs = parse_eid(eid)
            if len(segs) > 1:
                parent = format_eid(segs[:-1])
            ins = Insert(act=step.act.number, place="footnote", target=eid, lang=self.lang,
                         units=(unit,), parent=parent)
            changes += apply(ins, state)
        for eid in fn.touches:
            if eid in fn.added:
                continue
            if eid == ROOT:
                changes += self._mark_unknown(state, ROOT)[1:]
                state.units[ROOT] = self.base.units[ROOT] if ROOT in self.base.units else state.units[ROOT]
                continue
            if eid not in state.units:
                self.warnings.append(Warning_(eid, f"{step.act.number}: its footnote names {eid}, "
                                             f"which is not in the {self.lang} text on {step.date}"))
                continue
            changes += self._mark_unknown(state, eid)
        return changes

    # -- storing ------------------------------------------------------------------------
    #
    # The on-disk cache (consolidate.cache) pickles a compiled time line.  Stored
    # as attrs objects it would take longer to load than to use, so provisions
    # and versions are stored as tuples and built on first access (a date
    # touches only the versions in effect on it), the law is not stored (the
    # loader sets it again, and its act files are parsed only if a step is
    # asked for), and steps are stored as (act, operation) references.

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["law"]
        state.pop("_progress", None)
        state.pop("_views", None)
        state.pop("_gaps", None)  # by object identity: rebuilt when steps are resolved
        raw: dict[int, tuple[Any, ...]] = {}
        effs: dict[Effective, Effective] = {}

        def unit(p: Provision | None) -> tuple[Any, ...] | None:
            if p is None:
                return None
            if id(p) not in raw:
                raw[id(p)] = (p.eid, p.kind, p.num, p.heading, p.text, p.children, p.notes, p.status)
            return raw[id(p)]

        state["chains"] = {
            eid: [(v.start, unit(v.unit), v.acts, tuple(effs.setdefault(e, e) for e in v.effective), v.reason)
                  for v in chain]
            for eid, chain in self.chains.items()
        }
        base = self.base
        state["base"] = (attrs.evolve(base, units={}), {e: unit(p) for e, p in base.units.items()})
        pos = {id(op): i for a in self.law.acts for i, op in enumerate(a.operations)}
        # steps are rarely asked for (timeline, check, notes): kept as a pickle of their own,
        # read on first use
        state["_refs"] = pickle.dumps({
            "steps": [self._step_ref(s, pos) for s in self.steps],
            "all_steps": [self._step_ref(s, pos) for s in self.all_steps],
            "errors": [(self._step_ref(s, pos), e) for s, e in self.errors],
        }, protocol=pickle.HIGHEST_PROTOCOL)
        for name in ("steps", "all_steps", "errors"):
            del state[name]
        return state

    def _step_ref(self, step: Step, pos: dict[int, int]) -> tuple[Any, ...]:
        """A step as (act number, position of the operation in the act, ...); a gap as (None, its index, ...)."""
        gap = self.__dict__.get("_gaps", {}).get(id(step.act))
        if gap is not None:
            return (None, gap, step.effective, step.applied)
        return (step.act.number, pos[id(step.op)] if step.op is not None else None, step.effective, step.applied)

    def __setstate__(self, state: dict[str, Any]) -> None:
        built: dict[int, Provision] = {}
        base, units = state.pop("base")
        state["base"] = attrs.evolve(base, units=_Units(units, built))
        state["chains"] = _Chains(state["chains"], built)
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        # steps and errors of a time line loaded from the cache: resolved against the law on first use
        refs = self.__dict__.get("_refs")
        if refs is None or name not in ("steps", "all_steps", "errors"):
            raise AttributeError(name)
        if isinstance(refs, bytes):
            refs = self.__dict__["_refs"] = pickle.loads(refs)
        if name == "errors":
            value: Any = [(self._resolve(r), e) for r, e in refs[name]]
        else:
            value = [self._resolve(r) for r in refs[name]]
        self.__dict__[name] = value
        return value

    def _resolve(self, ref: tuple[Any, ...]) -> Step:
        number, i, eff, applied = ref
        if number is None:
            gap = self.law.gaps[i].as_act(self.law.directory)
            self.__dict__.setdefault("_gaps", {})[id(gap)] = i
            return Step(gap, None, eff, applied)
        act = self.law.act(number)
        return Step(act, act.operations[i] if i is not None else None, eff, applied)

    # -- querying -------------------------------------------------------------------

    def _all_order(self) -> list[str]:
        out: list[str] = []
        stack = [ROOT]
        while stack:
            e = stack.pop()
            out.append(e)
            stack.extend(reversed(self.order.get(e, ())))
        return out

    def version_at(self, eid: str, day: _dt.date) -> Version:
        starts = self._starts.get(eid)
        if starts is None:
            return Version(_DAWN, None)
        i = bisect.bisect_right(starts, day) - 1
        chain: Sequence[Version] = self.chains[eid]
        if type(chain) is _Chain:  # stored time line: build only this version
            return chain.at(i if i > 0 else 0)
        return chain[i if i > 0 else 0]

    def check_date(self, day: _dt.date) -> None:
        if day < self.law.adopted:
            raise InvalidDate(
                f"{self.law.slug} ({self.law.number}) was adopted on {self.law.adopted.isoformat()}; "
                f"there is no text on {day.isoformat()}"
            )

    def as_of(self, day: _dt.date) -> View:
        """The text in effect on ``day``.

        The text changes only on the dates of the events, so the texts of the
        last few stretches between them are kept (a server or a session asks
        for nearby dates again and again); warnings depend on the day itself
        and are worked out on each call."""
        self.check_date(day)
        epoch = bisect.bisect_right(self.events, (day, "\uffff"))
        memo: dict[int, Any] = self.__dict__.setdefault("_views", {})
        hit = memo.pop(epoch, None)
        if hit is None:
            hit = self._text_at(day)
            while len(memo) >= 8:
                memo.pop(next(iter(memo)))  # the least recently used
        memo[epoch] = hit
        units, versions, doubtful = hit
        warnings: list[Warning_] = list(self.warnings)
        for eid, v in doubtful:
            for eff, act in self.uncertain[eid]:
                if eff.earliest <= day < eff.latest:
                    warnings.append(Warning_(
                        eid, uncertain_warning(act, day, eff.earliest, eff.latest, v.start < eff.latest)))
        doc = attrs.evolve(self.base, units=dict(units))
        return View(doc, dict(versions), day, self.known_on, tuple(warnings))

    def _text_at(self, day: _dt.date) -> tuple[dict[str, Provision], dict[str, Version], list[tuple[str, Version]]]:
        """Every unit in effect on ``day`` with its version, and the units an act of
        uncertain date touches (in the order they are visited)."""
        units: dict[str, Provision] = {}
        versions: dict[str, Version] = {}
        doubtful: list[tuple[str, Version]] = []
        uncertain = self.uncertain

        def visit(eid: str) -> bool:
            v = self.version_at(eid, day)
            if v.unit is None:
                return False
            if eid in uncertain:
                doubtful.append((eid, v))  # in document order: a unit before the units it contains
            kids = tuple(c for c in self.order.get(eid, ()) if visit(c))
            units[eid] = v.unit if v.unit.children == kids else attrs.evolve(v.unit, children=kids)
            versions[eid] = v
            return True

        visit(ROOT)
        return units, versions, doubtful

    def changed_between(self, a: _dt.date, b: _dt.date) -> list[str]:
        """eIds with a version change in ``(a, b]``, in document order."""
        lo = bisect.bisect_right(self.events, (a, "\uffff"))
        hi = bisect.bisect_right(self.events, (b, "\uffff"))
        return self.in_document_order({e for _, e in self.events[lo:hi]})

    def in_document_order(self, eids: Iterable[str]) -> list[str]:
        """``eids`` sorted by their place in the all-time order (any not in it last, by eId: never in set order)."""
        last = len(self._index)
        return sorted(eids, key=lambda e: (self._index.get(e, last), e))

    def versions_between(self, eid: str, a: _dt.date, b: _dt.date) -> list[Version]:
        """The versions of ``eid`` that start in ``(a, b]``."""
        return [v for v in self.chains.get(eid, ()) if a < v.start <= b]


def _build_unit(raw: tuple[Any, ...], built: dict[int, Provision]) -> Provision:
    p = built.get(id(raw))
    if p is None:
        p = built[id(raw)] = Provision(*raw)
    return p


class _RawMapping:
    """A mapping over stored tuples (``_raw``); subclasses build values on access."""

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


class _Units(_RawMapping, Mapping[str, Provision]):
    """A document's provisions kept as tuples and built on first access."""

    __slots__ = ()

    def __getitem__(self, eid: str) -> Provision:
        return _build_unit(self._raw[eid], self._built)


class _Chain(Sequence[Version]):
    """One unit's versions kept as tuples and built on first access."""

    __slots__ = ("_raw", "_built", "_versions")

    def __init__(self, raw: list[tuple[Any, ...]], built: dict[int, Provision]):
        self._raw = raw
        self._built = built
        self._versions: list[Version | None] = [None] * len(raw)

    def at(self, i: int) -> Version:
        """The version at a valid index ``i`` (no checks: the fast path of ``version_at``)."""
        v = self._versions[i]
        return v if v is not None else self._get(i)

    def _get(self, i: int) -> Version:
        v = self._versions[i]
        if v is None:
            start, unit, acts, effective, reason = self._raw[i]
            v = self._versions[i] = Version(
                start, None if unit is None else _build_unit(unit, self._built), acts, effective, reason)
        return v

    @overload
    def __getitem__(self, i: int) -> Version: ...
    @overload
    def __getitem__(self, i: slice) -> list[Version]: ...
    def __getitem__(self, i: int | slice) -> Version | list[Version]:
        if isinstance(i, slice):
            return [self._get(k) for k in range(len(self._raw))[i]]
        if i < 0:
            i += len(self._raw)
        if not 0 <= i < len(self._raw):
            raise IndexError(i)
        return self._get(i)

    def __len__(self) -> int:
        return len(self._raw)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class _Chains(_RawMapping, Mapping[str, Sequence[Version]]):
    """Every unit's version chain, each built on first access."""

    __slots__ = ("_chains",)

    def __init__(self, raw: dict[str, list[tuple[Any, ...]]], built: dict[int, Provision]):
        super().__init__(raw, built)
        self._chains: dict[str, _Chain] = {}

    def __getitem__(self, eid: str) -> _Chain:
        chain = self._chains.get(eid)
        if chain is None:
            chain = self._chains[eid] = _Chain(self._raw[eid], self._built)
        return chain


def parse_date(text: str, what: str = "date") -> _dt.date:
    """ISO ``YYYY-MM-DD`` → date; an impossible date is an :class:`InvalidDate`."""
    try:
        return _dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InvalidDate(f"{what} must be an existing date YYYY-MM-DD (got {text!r})") from None


def compile_timeline(law: Law, lang: str, known_on: _dt.date | None = None, *, strict: bool = True,
                     progress: Progress | None = None) -> Timeline:
    """Read the base snapshot of ``lang`` and the act files, and compile the time line
    (``progress`` hears of the files read and the operations replayed)."""
    snap = law.base(lang)
    if snap is None:
        langs = ", ".join(law.langs()) or "none"
        raise DataError(f"{law.slug} has no base text in {lang!r} (languages: {langs})")
    from .grammar.snapshot import read_snapshot

    with gc_paused():
        base = read_snapshot(snap.path, law=law.slug, lang=lang)
        law.read_acts(progress)
        return Timeline(law, lang, base, known_on, strict=strict, progress=progress)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a time line is built or loaded:
    that makes hundreds of thousands of objects and almost no cycles, and each
    collection it would trigger scans them all again (a tenth of a compile of
    a code, by the minimum of six alternating runs)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
