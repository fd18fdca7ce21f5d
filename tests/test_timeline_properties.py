"""Invariants of replay and diff on random laws and random acts (Hypothesis)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consolidate.diff import diff
from consolidate.law import Act
from consolidate.model import ROOT, Document, Effective, Kind, Provision, Status
from consolidate.numbering import inserted_after
from consolidate.operations import (
    ALL,
    DeleteWords,
    Expire,
    Insert,
    Operation,
    Renumber,
    Repeal,
    ReplaceWords,
    Substitute,
)
from consolidate.replay import TextState, apply, replay
from consolidate.timeline.compile import compile_base, replay_key
from consolidate.timeline.query import Timeline

from .factories import OpFields, act, doc, law

History = tuple[Document, list[Act]]  # a base text and the acts that amend it
Content = tuple[Kind, str | None, str | None, str, Status]  # what a unit says, without its children

WORDS = ["орган", "безопасности", "государственный", "Республики", "службы", "закон", "защита", "меры"]
START = dt.date(2013, 1, 1)


def _text(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))) + ";"


@st.composite
def base_docs(draw: st.DrawFn) -> Document:
    arts: dict[str, list[str | tuple[str, list[str]]]] = {}
    for a in range(1, draw(st.integers(1, 3)) + 1):
        paras: list[str | tuple[str, list[str]]] = []
        for p in range(1, draw(st.integers(1, 3)) + 1):
            subs = [f"{s}) {_text(draw)}" for s in range(1, draw(st.integers(0, 3)) + 1)]
            paras.append((f"{p}. {_text(draw)}", subs) if subs else f"{p}. {_text(draw)}")
        arts[str(a)] = paras
    return doc(arts)


def _live(state: TextState, kinds: tuple[Kind, ...]) -> list[str]:
    return sorted(e for e, u in state.units.items()
                  if u.kind in kinds and u.status is Status.IN_EFFECT and e != ROOT)


@st.composite
def op_for(draw: st.DrawFn, state: TextState, number: str, seq: int) -> Operation | None:
    c = OpFields(act=number, place=f"art_1__para_{seq + 1}", lang="rus", seq=seq)
    kind = draw(st.sampled_from(["insert", "substitute", "repeal", "replace", "delete", "renumber", "expire"]))
    units = _live(state, (Kind.PARAGRAPH, Kind.SUBPARAGRAPH))
    if not units:
        return None
    target = draw(st.sampled_from(units))
    unit = state.units[target]
    if kind == "insert":
        parent = state.parent[target]
        sibs = tuple(state.units[s].num or "0" for s in state.units[parent].children
                     if state.units[s].kind is unit.kind)
        num = inserted_after(unit.num or "1", sibs)
        eid = target.rsplit("_", 1)[0] + "_" + num
        new = Provision(eid=eid, kind=unit.kind, num=num, text=_text(draw))
        return Insert(target=eid, units=(new,), **c)
    if kind == "substitute":
        return Substitute(target=target, units=(attrs.evolve(unit, text=_text(draw), children=()),), **c)
    if kind == "repeal":
        return Repeal(target=target, placeholder=f"Исключен Законом РК № {number}.", **c)
    if kind == "expire":
        return Expire(target=target, **c)
    if kind == "renumber":
        parent = state.parent[target]
        sibs = tuple(state.units[s].num or "0" for s in state.units[parent].children)
        num = inserted_after(unit.num or "1", sibs)
        return Renumber(target=target, new_num=num, **c)
    words = [w for w in WORDS if w in unit.text]
    if not words:
        return None
    w = draw(st.sampled_from(words))
    if kind == "delete":
        return DeleteWords(target=target, words=w, occurrence=ALL, **c)
    return ReplaceWords(target=target, pairs=((w, draw(st.sampled_from(WORDS)).upper()),), occurrence=ALL, **c)


@st.composite
def histories(draw: st.DrawFn) -> History:
    base = draw(base_docs())
    state = TextState.of(base)
    acts = []
    days = sorted(draw(st.lists(st.integers(0, 3000), min_size=0, max_size=5, unique=True)))
    for i, day in enumerate(days):
        number = f"{i + 1}-T"
        ops: list[Operation] = []
        for seq in range(draw(st.integers(1, 3))):
            op = draw(op_for(state, number, seq))
            if op is None:
                continue
            apply(op, state)
            ops.append(op)
        if ops:
            acts.append(act(number, START + dt.timedelta(days=day), ops))
    return base, acts


def _content(d: Document) -> dict[str, Content]:
    return {e: (u.kind, u.num, u.heading, u.text, u.status) for e, u in d.units.items()}


def _order(d: Document) -> list[str]:
    return [p.eid for _, p in d.walk()]


def _stated(a: Act) -> dt.date:
    """The day an act of these histories takes effect (``factories.act`` states one for every act)."""
    assert a.stated_effective is not None
    return a.stated_effective


def _effective(a: Act, op: Operation) -> Effective:
    eff = a.effective(op)
    assert eff is not None, "factories.act states when every act takes effect"
    return eff


def _reference(base: Document, acts: list[Act], day: dt.date) -> Document:
    steps = [(a, op) for a in acts for op in a.operations if _stated(a) <= day]
    steps.sort(key=lambda s: replay_key(s[0], s[1], _effective(s[0], s[1])))
    return replay(base, [op for _, op in steps])


DAYS = st.integers(0, 3200).map(lambda n: START + dt.timedelta(days=n))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestReplayInvariants:
    @SETTINGS
    @given(histories(), DAYS)
    def test_as_of_equals_a_fresh_replay_of_the_operations_in_effect(self, h: History, day: dt.date) -> None:
        base, acts = h
        view = compile_base(law(acts), "rus", base).as_of(day)
        expected = _reference(base, acts, day)
        assert _content(view.in_force()) == _content(expected)
        assert _order(view.in_force()) == _order(expected)

    @SETTINGS
    @given(histories())
    def test_before_the_first_act_the_text_is_the_base(self, h: History) -> None:
        base, acts = h
        first = min((_stated(a) for a in acts), default=START + dt.timedelta(days=4000))
        view = compile_base(law(acts), "rus", base).as_of(first - dt.timedelta(days=1))
        assert _content(view.in_force()) == _content(base)
        assert all(v.since is None for v in view.versions.values())


class TestDiffInvariants:
    @SETTINGS
    @given(histories(), DAYS)
    def test_diff_of_a_date_with_itself_is_empty(self, h: History, day: dt.date) -> None:
        base, acts = h
        assert diff(compile_base(law(acts), "rus", base), day, day).changes == ()

    @SETTINGS
    @given(histories(), DAYS, DAYS)
    def test_applying_the_diff_to_a_gives_b(self, h: History, a: dt.date, b: dt.date) -> None:
        base, acts = h
        tl = compile_base(law(acts), "rus", base)
        before = _content(tl.as_of(a).in_force())
        after = _content(tl.as_of(b).in_force())
        patched = dict(before)
        for c in diff(tl, a, b).changes:
            if c.renumbered_from:
                patched.pop(c.renumbered_from, None)
            if c.after is None:
                patched.pop(c.eid, None)
            else:
                u = c.after
                patched[c.eid] = (u.kind, u.num, u.heading, u.text, u.status)
        # containers whose children changed are not content changes: compare content
        def strip(m: dict[str, Content]) -> dict[str, Content]:
            return {e: v for e, v in m.items() if e != ROOT}

        assert strip(patched) == strip(after)

    @SETTINGS
    @given(histories(), DAYS, DAYS)
    def test_every_change_names_an_act_in_effect_between_the_dates(self, h: History, a: dt.date, b: dt.date) -> None:
        base, acts = h
        tl = compile_base(law(acts), "rus", base)
        lo, hi = min(a, b), max(a, b)
        for c in diff(tl, a, b).changes:
            assert c.acts, c
            assert all(lo < e.latest <= hi for e in c.effective)


class TestStoredTimeline:
    """What the on-disk cache stores (tuples, built on first access) answers
    exactly like the time line it was made from."""

    @SETTINGS
    @given(histories(), DAYS, DAYS)
    def test_a_stored_timeline_answers_like_the_compiled_one(self, h: History, a: dt.date, b: dt.date) -> None:
        import pickle

        from consolidate.timeline import stored as stored_form

        base, acts = h
        L = law(acts)
        tl = compile_base(L, "rus", base)
        main, steps = pickle.loads(pickle.dumps(stored_form.dump(tl), protocol=pickle.HIGHEST_PROTOCOL))
        stored = stored_form.load(main, lambda: steps, L)
        for day in (a, b):
            va, vb = tl.as_of(day), stored.as_of(day)
            assert va.document == vb.document
            assert va.versions == vb.versions
        assert diff(tl, a, b) == diff(stored, a, b)
        assert {e: list(c) for e, c in tl.chains.items()} == {e: list(c) for e, c in stored.chains.items()}
        assert [(s.act.number, s.op, s.effective, s.applied) for s in tl.steps] == [
            (s.act.number, s.op, s.effective, s.applied) for s in stored.steps]
        assert stored.adopted == {x.number: x.adopted for x in acts}


class TestKeptTexts:
    @SETTINGS
    @given(histories(), st.lists(DAYS, min_size=2, max_size=25))
    def test_asking_many_dates_of_one_timeline_equals_asking_each_of_a_fresh_one(self, h: History, days: list[dt.date]) -> None:
        """as_of keeps the texts of recent stretches between events: whatever the
        order of the questions, every answer is the one a fresh time line gives."""
        base, acts = h
        L = law(acts)
        tl = compile_base(L, "rus", base)
        for day in days:
            kept, fresh = tl.as_of(day), compile_base(L, "rus", base).as_of(day)
            assert kept.document == fresh.document and kept.versions == fresh.versions
            assert kept.as_of == day and kept.warnings == fresh.warnings
