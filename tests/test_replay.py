"""Applying single operations to a text (consolidate.replay)."""

from __future__ import annotations

import pytest

from consolidate.errors import ConsolidationError, OperationError
from consolidate.model import Kind, Provision, Status
from consolidate.operations import (
    ALL,
    FIRST,
    DeleteWords,
    Expire,
    Insert,
    InsertWords,
    Occurrence,
    Renumber,
    Repeal,
    ReplaceWords,
    Substitute,
)
from consolidate.replay import TextState, apply, replay

from .factories import OpFields, doc

BASE = doc({
    "1": ["В настоящем Законе используются понятия:", "1) первое понятие;", "2) второе понятие."],
    "15": [("1. Органы:", ["1) орган разведки;", "4) орган финансовой полиции;", "6) Министерство обороны;"]),
           "2. Иные органы государственной границы и государственной границы."],
})
C = OpFields(act="1-T", place="art_1__para_1", lang="rus")


def sub(eid: str, num: str, text: str) -> Provision:
    return Provision(eid=eid, kind=Kind.SUBPARAGRAPH, num=num, text=text)


class TestInsert:
    def test_inserted_number_sorts_between_its_neighbours(self) -> None:
        new = sub("art_15__para_1__subpara_4-1", "4-1", "новый орган;")
        out = replay(BASE, [Insert(target=new.eid, units=(new,), **C)])
        assert out["art_15__para_1"].children == (
            "art_15__para_1__subpara_1", "art_15__para_1__subpara_4",
            "art_15__para_1__subpara_4-1", "art_15__para_1__subpara_6",
        )
        assert out[new.eid].text == "новый орган;"

    def test_insert_at_the_end_and_at_the_start(self) -> None:
        last = sub("art_15__para_1__subpara_7", "7", "седьмой;")
        first = sub("art_15__para_1__subpara_0-1", "0-1", "нулевой;")
        out = replay(BASE, [Insert(target=last.eid, units=(last,), **C), Insert(target=first.eid, units=(first,), **C)])
        kids = out["art_15__para_1"].children
        assert kids[0] == first.eid and kids[-1] == last.eid

    def test_insertion_onto_an_existing_number_is_an_error(self) -> None:
        dup = sub("art_15__para_1__subpara_4", "4", "другой;")
        with pytest.raises(OperationError, match="already exists") as e:
            replay(BASE, [Insert(target=dup.eid, units=(dup,), **C)])
        assert e.value.act == "1-T" and e.value.place == "art_1__para_1" and e.value.target == dup.eid

    def test_an_article_joins_the_chapter_of_the_article_before_it(self) -> None:
        art = Provision(eid="art_2-1", kind=Kind.ARTICLE, num="2-1", heading="Цель", children=("art_2-1__part_1",))
        part = Provision(eid="art_2-1__part_1", kind=Kind.PART, num="1", text="Текст.")
        out = replay(BASE, [Insert(target=art.eid, units=(art, part), **C)])
        assert out["chp_1"].children == ("art_1", "art_2-1", "art_15")


class TestWords:
    def test_replace_the_only_occurrence(self) -> None:
        op = ReplaceWords(target="art_15__para_1__subpara_4", pairs=(("финансовой полиции", "по делам службы"),), **C)
        out = replay(BASE, [op])
        assert out["art_15__para_1__subpara_4"].text == "орган по делам службы;"

    def test_ambiguous_words_without_an_occurrence_rule_are_an_error(self) -> None:
        op = ReplaceWords(target="art_15__para_2", pairs=(("государственной границы", "Государственной границы"),), **C)
        with pytest.raises(OperationError, match="occur 2 times"):
            replay(BASE, [op])

    @pytest.mark.parametrize("occ, expected", [
        (ALL, "Иные органы Г и Г."),
        (FIRST, "Иные органы Г и государственной границы."),
        (Occurrence("nth", 2), "Иные органы государственной границы и Г."),
    ])
    def test_occurrence_rules(self, occ: Occurrence, expected: str) -> None:
        op = ReplaceWords(target="art_15__para_2", pairs=(("государственной границы", "Г"),), occurrence=occ, **C)
        assert replay(BASE, [op])["art_15__para_2"].text == expected

    def test_words_not_found_name_the_act_place_and_target(self) -> None:
        op = DeleteWords(target="art_1__subpara_1", words="отсутствующие слова", **C)
        with pytest.raises(ConsolidationError) as e:
            replay(BASE, [op])
        assert "words not found: «отсутствующие слова»" in str(e.value)
        assert "act 1-T" in str(e.value) and "art_1__subpara_1" in str(e.value)

    def test_throughout_replaces_in_every_unit_with_case_forms(self) -> None:
        op = ReplaceWords(target="law", pairs=(("понятие", "термин"), ("Органы", "Ведомства")), throughout=True, **C)
        out = replay(BASE, [op])
        assert out["art_1__subpara_1"].text == "первое термин;"
        assert out["art_1__subpara_2"].text == "второе термин."
        assert out["art_15__para_1"].text == "Ведомства:"

    def test_insert_words_at_the_end_goes_before_the_closing_punctuation(self) -> None:
        op = InsertWords(target="art_15__para_1__subpara_6", words="Республики Казахстан", **C)
        assert replay(BASE, [op])["art_15__para_1__subpara_6"].text == "Министерство обороны Республики Казахстан;"

    def test_insert_words_after(self) -> None:
        op = InsertWords(target="art_15__para_1__subpara_6", words="и связи", after="Министерство обороны", **C)
        assert replay(BASE, [op])["art_15__para_1__subpara_6"].text == "Министерство обороны и связи;"

    def test_delete_words_leaves_no_double_space(self) -> None:
        op = DeleteWords(target="art_1__subpara_1", words="первое", **C)
        assert replay(BASE, [op])["art_1__subpara_1"].text == "понятие;"
        op2 = DeleteWords(target="art_1__subpara_2", words="понятие", **C)
        assert replay(BASE, [op2])["art_1__subpara_2"].text == "второе."


class TestWholeUnits:
    def test_substitute_replaces_the_subtree(self) -> None:
        para = Provision(eid="art_15__para_1", kind=Kind.PARAGRAPH, num="1", text="Новый текст.")
        out = replay(BASE, [Substitute(target=para.eid, units=(para,), **C)])
        assert out["art_15__para_1"].text == "Новый текст." and out["art_15__para_1"].children == ()
        assert "art_15__para_1__subpara_4" not in out

    def test_repeal_keeps_the_number_with_a_placeholder(self) -> None:
        state = TextState.of(BASE)
        apply(Repeal(target="art_15__para_1__subpara_4", **C), state,
              placeholder=lambda op, unit: "исключен Законом РК № 1-T;")
        unit = state.units["art_15__para_1__subpara_4"]
        assert unit.status is Status.REPEALED and unit.text == "исключен Законом РК № 1-T;"
        assert "art_15__para_1__subpara_4" in state.units["art_15__para_1"].children

    def test_repeal_twice_is_an_error(self) -> None:
        op = Repeal(target="art_15__para_1__subpara_4", **C)
        with pytest.raises(OperationError, match="already repealed"):
            replay(BASE, [op, op])

    def test_renumber_moves_the_subtree_and_keeps_order(self) -> None:
        out = replay(BASE, [Renumber(target="art_15__para_1__subpara_6", new_num="7", **C),
                            Renumber(target="art_15__para_1__subpara_4", new_num="5", **C)])
        assert out["art_15__para_1"].children == (
            "art_15__para_1__subpara_1", "art_15__para_1__subpara_5", "art_15__para_1__subpara_7")
        assert out["art_15__para_1__subpara_5"].text == "орган финансовой полиции;"

    def test_renumber_onto_a_taken_number_is_an_error(self) -> None:
        with pytest.raises(OperationError, match="taken"):
            replay(BASE, [Renumber(target="art_15__para_1__subpara_4", new_num="6", **C)])

    def test_expire_removes_the_unit(self) -> None:
        out = replay(BASE, [Expire(target="art_15__para_1__subpara_1", **C)])
        assert "art_15__para_1__subpara_1" not in out
        assert "art_15__para_1__subpara_1" not in out["art_15__para_1"].children

    def test_an_absent_target_is_an_error(self) -> None:
        with pytest.raises(OperationError, match="does not exist"):
            replay(BASE, [Repeal(target="art_99", **C)])
