"""Compiling a law in one language: replay into per-unit version chains.

Compiling starts from the language's base snapshot and

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

import datetime as _dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

import attrs

from ..commencement import Sunset, Suspension, publication_window
from ..errors import ConsolidationError, DataError, OperationError
from ..grammar.notes import repeal_placeholder
from ..grammar.snapshot import parse_fragment
from ..law import Act, Law
from ..model import ROOT, Document, Effective, Kind, Progress, Provision, Status
from ..numbering import eid_kind, eid_num, format_eid, is_within, parse_eid
from ..phrases import INTERIM_SHOWN
from ..operations import Expire, Insert, Operation, Renumber, Repeal, Substitute, places_in_act
from ..replay import Change, TextState, apply
from .chain import DAWN, Chain, Version
from .query import Rename, Step, Timeline, Warning_


def replay_key(act: Act, op: Operation | None, eff: Effective) -> tuple[object, ...]:
    """The one total order of replay: effective date, first publication,
    adoption, act number, position inside the act."""
    published = act.publication.date or publication_window(act.adopted)[1]
    return (eff.latest, published, act.adopted, act.number, op.seq if op is not None else -1)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _unknown(unit: Provision) -> Provision:
    return attrs.evolve(unit, text="", heading=None, status=Status.UNKNOWN)


class _Compiler:
    """The working state of one compile; :meth:`timeline` hands over what it made."""

    def __init__(self, law: Law, lang: str, base: Document, known_on: _dt.date | None,
                 *, strict: bool, progress: Progress | None) -> None:
        self.law = law
        self.lang = lang
        self.base = base
        self.known_on = known_on
        self.strict = strict  # False: record operations that do not apply instead of raising
        self._progress = progress
        self.errors: list[tuple[Step, ConsolidationError]] = []
        self.chains: dict[str, list[Version]] = {}
        self.order: dict[str, list[str]] = {}  # container → every child ever, in document order
        self.events: list[tuple[_dt.date, str]] = []  # (date, eid) of every version change
        self.renames: list[Rename] = []
        self.steps: list[Step] = []
        self.all_steps: list[Step] = []
        self.warnings: list[Warning_] = []  # apply to every date (acts not applicable)
        self.uncertain: dict[str, list[tuple[Effective, str]]] = defaultdict(list)

    def timeline(self) -> Timeline:
        """Compile, and the time line compiled."""
        self._compile()
        return Timeline(
            law=self.law, lang=self.lang, base=self.base, known_on=self.known_on,
            chains={eid: Chain(versions) for eid, versions in self.chains.items()}, order=self.order,
            events=sorted(self.events), renames=self.renames, steps=self.steps, all_steps=self.all_steps,
            errors=self.errors, warnings=self.warnings, uncertain=dict(self.uncertain),
            adopted={a.number: a.adopted for a in self.law.acts},
        )


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
        acts: list[tuple[Act, int | None]] = [(a, None) for a in self.law.acts]
        acts += [(g.as_act(self.law.directory), i) for i, g in enumerate(self.law.gaps)]
        for act, gap in sorted(acts, key=lambda ag: (ag[0].adopted, ag[0].number)):
            if self.known_on is not None and not self._known(act):
                if act.number in included:
                    # as known on that date the act did not exist, but the base has it
                    for eid in act.touched():
                        self.warnings.append(
                            Warning_(eid, f"{act.number} was not yet published on {self.known_on}; "
                                     f"the text it replaced is not in the corpus")
                        )
                    hidden = Effective.on(DAWN, "not known on that date")
                    for op in act.operations_for(self.lang)[0] or (None,):
                        backward.append(Step(act, op, hidden, "hidden"))
                continue
            own, in_lang = act.operations_for(self.lang)
            ops: Sequence[Operation | None] = own if own else (None,)
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
                if act.number in included:
                    if op is not None:
                        self._warn_limits(act, op, sunsets=True)
                    backward.append(Step(act, op, eff, "included"))
                else:
                    applied = "applied" if op is not None and in_lang else "blind"
                    forward.append(Step(act, op, eff, applied, gap))
                    if op is not None:
                        forward += self._limits(act, op, eff)
        forward.sort(key=lambda s: replay_key(s.act, s.op, s.effective))
        return backward, forward

    def _limits(self, act: Act, op: Operation, eff: Effective) -> list[Step]:
        """The steps by which the act's commencement article limits the operation in time: a
        unit it inserts or restates "действует до" a date expires on that date (a step
        ``expires``); one it suspends ("Приостановить с D1 до D2 действие ...") reads as the
        act's interim wording, or keeps its wording, while suspended (``suspends`` on D1) and
        the act's wording again from D2 (``resumes``).  What the replay does not model is a
        warning naming act and article."""
        com = act.commencement
        if com is None:
            return []
        sunset, suspensions = com.limits_for(places_in_act(op))
        steps = []
        if sunset is not None and isinstance(op, (Insert, Substitute)):
            if sunset.until <= eff.latest:
                self.warnings.append(Warning_(op.target, (
                    f"{act.number} {op.place}: in effect until {sunset.until.isoformat()} ({sunset.as_written!r}), "
                    f"but it takes effect only on {eff.latest.isoformat()}: never in effect")))
            until = Effective.on(sunset.until, (
                f"{act.number}, {op.place}: in effect until {sunset.until.isoformat()} by the act's own words "
                f"«{_flat(sunset.as_written)}»; no longer in effect from that day"))
            steps.append(Step(act, op, until, "expires"))
            sunset = None
        unmodelled: list[Sunset | Suspension] = [sunset] if sunset is not None else []
        for s in suspensions:
            interim = self._interim(s, op) if isinstance(op, (Insert, Substitute)) else None
            if interim is None or s.end <= eff.latest:
                unmodelled.append(s)
                continue
            begin = max(s.start, eff.latest)
            words = f"by the act's own words «{_flat(s.as_written)}»"
            shown = (INTERIM_SHOWN if s.wordings
                     else "the act sets no other wording for that time")
            steps.append(Step(act, op, Effective.on(begin, (
                f"{act.number}, {op.place}: suspended from {s.start.isoformat()} until {s.end.isoformat()} "
                f"{words}; {shown}")), "suspends", interim=interim))
            steps.append(Step(act, op, Effective.on(s.end, (
                f"{act.number}, {op.place}: suspended until {s.end.isoformat()} {words}; "
                "in effect again from that day in the act's own wording")), "resumes"))
        self._warn(act, op, unmodelled)
        return steps

    def _interim(self, s: Suspension, op: Insert | Substitute) -> tuple[Provision, ...] | None:
        """The units ``op`` writes as they read while ``s`` suspends them: the act's interim
        wording of each place it names (one wording to a place, in order), or the act's own
        wording when it sets none; ``None`` when the wordings cannot be matched to the units."""
        if not s.wordings:
            return tuple(u for u in op.units if any(is_within(p, q) for p in places_in_act(op) for q in s.places))
        if len(s.wordings) != len(s.places):
            return None
        spans = places_in_act(op)
        out: list[Provision] = []
        for place, wording in zip(s.places, s.wordings):
            hit = [i for i, p in enumerate(spans) if is_within(p, place)]
            if not hit:
                continue
            # the instruction itself (or a place above it) names the whole wording: its first unit
            index = max(hit[0] - 1, 0)
            if index >= len(op.units) or (hit[0] == 0 and len(op.units) > 1):
                return None
            unit = op.units[index]
            try:
                read = parse_fragment(wording, lang=op.lang, target=unit.eid)
            except ConsolidationError:
                return None
            if len(read) != 1 or read[0].eid != unit.eid:
                return None
            out.append(attrs.evolve(unit, text=read[0].text, heading=read[0].heading))
        return tuple(out) or None

    def _warn_limits(self, act: Act, op: Operation, *, sunsets: bool) -> None:
        """A limit in time on an act the base text already includes: a warning."""
        com = act.commencement
        if com is None:
            return
        sunset, suspensions = com.limits_for(places_in_act(op))
        limits: list[Sunset | Suspension] = [sunset] if sunset is not None and sunsets else []
        self._warn(act, op, limits + list(suspensions))

    def _warn(self, act: Act, op: Operation, limits: Sequence[Sunset | Suspension]) -> None:
        """A limit in time the replay does not model (a suspension of a word change, one whose
        interim wordings do not match the units; a sunset of a word change, or of an act the
        base text already includes) is a warning naming act and article."""
        for limit in limits:
            self.warnings.append(Warning_(op.target, (
                f"{act.number} {op.place}: the act limits this operation in time ({limit.as_written!r}); "
                "the replay applies it without that limit")))

    def _known(self, act: Act) -> bool:
        assert self.known_on is not None
        if act.publication.date is not None:
            return act.publication.date <= self.known_on
        latest = publication_window(act.adopted)[1]
        if act.adopted <= self.known_on < latest:
            self.warnings.append(
                Warning_(None, f"{act.number}: first publication unknown, between {act.adopted} and {latest} "
                         f"(Law on legal acts art. 37 p.3); as known on {self.known_on} it is left out")
            )
        return latest <= self.known_on

    def _record(self, eid: str, start: _dt.date, unit: Provision | None, step: Step | None,
                reason: str | None = None) -> None:
        chain = self.chains.setdefault(eid, [Version(DAWN, None)])
        acts: tuple[str, ...] = (step.act.number,) if step else ()
        effs: tuple[Effective, ...] = (step.effective,) if step else ()
        last = chain[-1]
        if last.start == start and start != DAWN:
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
            self.chains[eid] = [Version(DAWN, unit)]
            self.order[eid] = list(unit.children)
        backward, forward = self._effective_steps()
        self.all_steps = backward + forward
        self._backward(backward)
        self._forward(forward)

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
                self.chains[eid] = [Version(DAWN, None)]  # not yet inserted as known on that date
                continue
            born = ins.date if ins is not None else DAWN
            later = [s for a in line for s in touching.get(a, ()) if ins is None or s.date > born
                     or s.applied == "hidden"]
            if ins is None and not later:
                continue
            chain: list[Version] = [Version(DAWN, None)] if ins is not None else []
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
            self.events.extend((v.start, eid) for v in chain if v.start != DAWN)
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
                elif step.applied == "expires":
                    changes = self._expire(state, step)
                elif step.applied in ("suspends", "resumes"):
                    changes = self._suspend(state, step)
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
                    self.renames.append(Rename(day, ch.old_eid, ch.eid, step.act.number))
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

    def _expire(self, state: TextState, step: Step) -> list[Change]:
        """The units an operation limited in time wrote, as far as they still read as it wrote
        them: expired (they keep their wording, no longer in effect)."""
        op = step.op
        assert isinstance(op, (Insert, Substitute))
        changes = []
        for written in op.units:
            unit = state.units.get(written.eid)
            if unit is None or unit.status not in (Status.IN_EFFECT, Status.UNKNOWN):
                continue
            chain = self.chains.get(written.eid)
            if not chain or step.act.number not in chain[-1].acts:
                continue  # changed since by another act: that wording is not limited
            state.units[written.eid] = attrs.evolve(unit, status=Status.EXPIRED)
            changes.append(Change(written.eid, "content"))
        return changes

    def _suspend(self, state: TextState, step: Step) -> list[Change]:
        """A suspension begins (the units read as ``step.interim``, suspended) or ends (they
        read as the act wrote them, in effect), as far as they still read as the act left them."""
        op = step.op
        assert isinstance(op, (Insert, Substitute))
        resume = step.applied == "resumes"
        written = {u.eid: u for u in op.units}
        wanted = Status.SUSPENDED if resume else Status.IN_EFFECT
        changes = []
        for eid in ([u.eid for u in op.units] if resume else [u.eid for u in step.interim]):
            unit = state.units.get(eid)
            chain = self.chains.get(eid)
            if unit is None or unit.status is not wanted or not chain or step.act.number not in chain[-1].acts:
                continue  # changed since by another act: that wording is not suspended
            source = written[eid] if resume else next(u for u in step.interim if u.eid == eid)
            state.units[eid] = attrs.evolve(unit, text=source.text, heading=source.heading,
                                            status=Status.IN_EFFECT if resume else Status.SUSPENDED)
            changes.append(Change(eid, "content"))
        return changes

    def _blind_reason(self, step: Step) -> str:
        if step.gap is not None:
            return self.law.gaps[step.gap].reason
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


def compile_timeline(law: Law, lang: str, known_on: _dt.date | None = None, *, strict: bool = True,
                     progress: Progress | None = None) -> Timeline:
    """Read the base snapshot of ``lang`` and the act files, and compile the time line
    (``progress`` hears of the files read and the operations replayed)."""
    snap = law.base(lang)
    if snap is None:
        langs = ", ".join(law.langs()) or "none"
        raise DataError(f"{law.slug} has no base text in {lang!r} (languages: {langs})")
    from ..formats.snapshot_file import read_snapshot

    base = read_snapshot(snap.path, law=law.slug, lang=lang)
    law.read_acts(progress)
    return compile_base(law, lang, base, known_on, strict=strict, progress=progress)


def compile_base(law: Law, lang: str, base: Document, known_on: _dt.date | None = None, *, strict: bool = True,
                 progress: Progress | None = None) -> Timeline:
    """The time line of ``law`` in ``lang`` compiled from the base text ``base`` (a document
    already read; ``strict=False`` records operations that do not apply instead of raising)."""
    return _Compiler(law, lang, base, known_on, strict=strict, progress=progress).timeline()
