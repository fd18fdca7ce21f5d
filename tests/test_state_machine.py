"""A state machine of random operations: the article graph stays valid
(``graph.verify``) after every step, and numbering stays in order."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from consolidate.model import Kind, Provision, Status
from consolidate.numbering import inserted_after, num_key
from consolidate.operations import ALL, DeleteWords, Expire, Insert, Renumber, Repeal, ReplaceWords, Substitute
from consolidate.replay import TextState, apply

from .factories import OpFields, doc

graph = pytest.importorskip("consolidate.graph")

WORDS = ["орган", "безопасности", "службы", "закон", "меры"]


class Operations(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.state = TextState.of(doc({
            "1": [("1. Органы службы:", ["1) орган безопасности;", "2) меры закон;"]), "2. закон меры."],
            "2": ["Органы службы закон."],
        }))
        self.seq = 0

    def _c(self) -> OpFields:
        self.seq += 1
        return OpFields(act="1-T", place=f"art_1__para_{self.seq}", lang="rus", seq=self.seq)

    def _live(self, *kinds: Kind) -> list[str]:
        return sorted(e for e, u in self.state.units.items() if u.kind in kinds and u.status is Status.IN_EFFECT)

    @precondition(lambda self: bool(self._live(Kind.PARAGRAPH, Kind.SUBPARAGRAPH)))
    @rule(data=st.data(), words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
    def insert_after(self, data: st.DataObject, words: list[str]) -> None:
        target = data.draw(st.sampled_from(self._live(Kind.PARAGRAPH, Kind.SUBPARAGRAPH)))
        unit = self.state.units[target]
        parent = self.state.parent[target]
        sibs = tuple(self.state.units[s].num or "0" for s in self.state.units[parent].children
                     if self.state.units[s].kind is unit.kind)
        num = inserted_after(unit.num or "1", sibs)
        eid = target.rsplit("_", 1)[0] + "_" + num
        apply(Insert(target=eid, units=(Provision(eid=eid, kind=unit.kind, num=num, text=" ".join(words) + ";"),),
                     **self._c()), self.state)

    @precondition(lambda self: bool(self._live(Kind.PARAGRAPH, Kind.SUBPARAGRAPH)))
    @rule(data=st.data())
    def substitute(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._live(Kind.PARAGRAPH, Kind.SUBPARAGRAPH)))
        unit = self.state.units[target]
        apply(Substitute(target=target, units=(attrs.evolve(unit, text="новая редакция;", children=()),),
                         **self._c()), self.state)

    @precondition(lambda self: bool(self._live(Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.PART)))
    @rule(data=st.data())
    def repeal(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._live(Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.PART)))
        apply(Repeal(target=target, placeholder="Исключен Законом РК № 1-T.", **self._c()), self.state)

    @precondition(lambda self: bool(self._live(Kind.SUBPARAGRAPH)))
    @rule(data=st.data())
    def renumber(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._live(Kind.SUBPARAGRAPH)))
        unit = self.state.units[target]
        parent = self.state.parent[target]
        sibs = tuple(self.state.units[s].num or "0" for s in self.state.units[parent].children)
        apply(Renumber(target=target, new_num=inserted_after(unit.num or "1", sibs), **self._c()), self.state)

    @precondition(lambda self: bool(self._live(Kind.SUBPARAGRAPH, Kind.PART)))
    @rule(data=st.data())
    def expire(self, data: st.DataObject) -> None:
        apply(Expire(target=data.draw(st.sampled_from(self._live(Kind.SUBPARAGRAPH, Kind.PART))), **self._c()),
              self.state)

    @rule(word=st.sampled_from(WORDS), new=st.sampled_from(WORDS), delete=st.booleans())
    def words_throughout(self, word: str, new: str, delete: bool) -> None:
        if not any(word in u.text for u in self.state.units.values() if u.status is Status.IN_EFFECT):
            return
        if delete:
            apply(DeleteWords(target="law", words=word, occurrence=ALL, throughout=True, **self._c()), self.state)
        else:
            apply(ReplaceWords(target="law", pairs=((word, new.upper()),), throughout=True, **self._c()), self.state)

    @invariant()
    def graph_is_valid(self) -> None:
        d = self.state.to_document(doc({"1": []}))
        graph.verify(d)

    @invariant()
    def numbered_siblings_are_in_order(self) -> None:
        for u in self.state.units.values():
            for kind in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.ARTICLE):
                keys = [num_key(self.state.units[c].num or "0") for c in u.children
                        if self.state.units[c].kind is kind]
                assert keys == sorted(keys) and len(set(keys)) == len(keys)


Operations.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestOperations = Operations.TestCase
