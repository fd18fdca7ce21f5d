"""The time line: as of a date, as known on a date, unknowns, intervals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

from consolidate.law import Act, Law, Publication
from consolidate.errors import InvalidDate, OperationError
from consolidate.model import Effective, Kind, Provision, Status
from consolidate.operations import Insert, Operation, ReplaceWords, Substitute
from consolidate.cli import parse_date
from consolidate.timeline.compile import compile_base
from consolidate.timeline.query import Timeline

from .factories import D, act, doc, law

BASE = doc({"15": [("1. Органы:", ["1) орган разведки;", "4) орган финансовой полиции;"])],
            "16": ["Местные органы города."]})
SUB4 = "art_15__para_1__subpara_4"


def sub(eid: str, num: str, text: str) -> Provision:
    return Provision(eid=eid, kind=Kind.SUBPARAGRAPH, num=num, text=text)


def substitute(number: str, text: str, lang: str = "rus") -> Substitute:
    return Substitute(act=number, place="art_1__para_4", target=SUB4, lang=lang, units=(sub(SUB4, "4", text),))


def text_of(tl: Timeline, eid: str, day: dt.date) -> tuple[str, Status]:
    p = tl.as_of(day).document[eid]
    return p.text, p.status


class TestAsOf:
    def test_half_open_interval_the_change_is_in_effect_on_its_first_day(self) -> None:
        tl = compile_base(law([act("357-VI", D(2020, 7, 17), [substitute("357-VI", "новый;")])]), "rus", BASE)
        assert text_of(tl, SUB4, D(2020, 7, 16))[0] == "орган финансовой полиции;"
        assert text_of(tl, SUB4, D(2020, 7, 17))[0] == "новый;"
        v = tl.as_of(D(2021, 1, 1)).versions[SUB4]
        assert v.since == D(2020, 7, 17) and v.acts == ("357-VI",)

    def test_order_is_by_effective_date_not_adoption(self) -> None:
        # 123-VII (adopted first, six-month rule) takes effect after 141-VII
        late = act("123-VII", D(2022, 11, 27), [substitute("123-VII", "от 123-VII;")], adopted=D(2022, 5, 21))
        early = act("141-VII", D(2022, 8, 1), [substitute("141-VII", "от 141-VII;")], adopted=D(2022, 7, 14))
        tl = compile_base(law([late, early]), "rus", BASE)
        assert text_of(tl, SUB4, D(2022, 9, 1))[0] == "от 141-VII;"
        assert text_of(tl, SUB4, D(2023, 1, 1))[0] == "от 123-VII;"

    def test_a_date_before_the_law_is_an_error(self) -> None:
        tl = compile_base(law([]), "rus", BASE)
        with pytest.raises(InvalidDate, match="adopted on 2012-01-06"):
            tl.as_of(D(2011, 12, 31))

    def test_an_operation_that_does_not_apply_names_act_place_and_target(self) -> None:
        bad = ReplaceWords(act="1-T", place="art_1__para_2", target=SUB4, lang="rus", pairs=(("нет таких", "x"),))
        with pytest.raises(OperationError) as e:
            compile_base(law([act("1-T", D(2020, 1, 1), [bad])]), "rus", BASE)
        assert (e.value.act, e.value.place, e.value.target) == ("1-T", "art_1__para_2", SUB4)

    def test_non_strict_compiling_records_the_error(self) -> None:
        bad = ReplaceWords(act="1-T", place="art_1__para_2", target=SUB4, lang="rus", pairs=(("нет таких", "x"),))
        tl = compile_base(law([act("1-T", D(2020, 1, 1), [bad])]), "rus", BASE, strict=False)
        assert len(tl.errors) == 1 and "words not found" in str(tl.errors[0][1])


class TestUnknown:
    def test_an_act_in_another_language_makes_the_unit_unknown_from_its_date(self) -> None:
        tl = compile_base(law([act("1-T", D(2020, 1, 1), [substitute("1-T", "new;", lang="eng")],
                                   adopted=D(2019, 12, 20))]), "rus", BASE)
        assert text_of(tl, SUB4, D(2019, 12, 19)) == ("орган финансовой полиции;", Status.IN_EFFECT)
        # adopted, not yet in effect: the wording in force, and the coming one (unknown in Russian)
        assert text_of(tl, SUB4, D(2019, 12, 31)) == ("орган финансовой полиции;", Status.NOT_YET_IN_EFFECT)
        coming = tl.as_of(D(2019, 12, 31)).coming[SUB4]
        assert coming.start == D(2020, 1, 1) and coming.unit is not None and coming.unit.status is Status.UNKNOWN
        assert text_of(tl, SUB4, D(2020, 1, 1)) == ("", Status.UNKNOWN)
        assert "eng only" in (tl.as_of(D(2020, 1, 1)).versions[SUB4].reason or "")

    def test_each_language_replays_from_its_own_text(self) -> None:
        """An act held in both languages: each time line applies its own language's
        operations and never the other's (their wordings may differ: 14-V)."""
        both = act("14-V", D(2020, 1, 1), [substitute("14-V", "по-русски;"), substitute("14-V", "қазақша;", lang="kaz")])
        base_kaz = attrs.evolve(BASE, lang="kaz")

        def bilingual(acts: list[Act]) -> Law:
            L = law(acts)
            return attrs.evolve(L, snapshots=L.snapshots + (attrs.evolve(L.snapshots[0], lang="kaz"),))

        rus = compile_base(bilingual([both]), "rus", BASE)
        kaz = compile_base(bilingual([both]), "kaz", base_kaz)
        assert text_of(rus, SUB4, D(2020, 1, 1)) == ("по-русски;", Status.IN_EFFECT)
        assert text_of(kaz, SUB4, D(2020, 1, 1)) == ("қазақша;", Status.IN_EFFECT)
        assert [s.applied for s in rus.steps] == [s.applied for s in kaz.steps] == ["applied"]
        only_rus = act("15-V", D(2020, 1, 1), [substitute("15-V", "по-русски;")])
        kaz = compile_base(bilingual([only_rus]), "kaz", base_kaz)
        assert text_of(kaz, SUB4, D(2020, 1, 1)) == ("", Status.UNKNOWN)
        assert "rus only" in (kaz.as_of(D(2020, 1, 1)).versions[SUB4].reason or "")

    def test_an_act_without_text_makes_what_its_footnote_names_unknown(self) -> None:
        a = act("157-VII", D(2022, 11, 20), [], touches=("art_15",))
        tl = compile_base(law([a]), "rus", BASE)
        view = tl.as_of(D(2023, 1, 1))
        assert all(p.status is Status.UNKNOWN for p in view.document.provisions() if p.eid.startswith("art_15"))
        assert view.document["art_16__part_1"].status is Status.IN_EFFECT

    def test_a_footnote_addition_exists_only_from_its_date(self) -> None:
        a = act("51-VIII", D(2024, 1, 5), [], touches=("art_2-1",), added=("art_2-1",))
        tl = compile_base(law([a]), "rus", BASE)
        assert "art_2-1" not in tl.as_of(D(2023, 12, 20)).document  # not yet adopted (on 2023-12-21)
        coming = tl.as_of(D(2024, 1, 4))
        assert coming.document["art_2-1"].status is Status.NOT_YET_IN_EFFECT and coming.versions["art_2-1"].unit is None
        assert "art_2-1" not in coming.in_force()
        assert tl.as_of(D(2024, 1, 5)).document["art_2-1"].status is Status.UNKNOWN

    def test_before_an_act_the_base_includes_its_units_are_unknown_or_absent(self) -> None:
        ins = sub("art_15__para_1__subpara_1-1", "1-1", "вставлен;")
        base = attrs.evolve(BASE, units={**BASE.units, ins.eid: ins, "art_15__para_1": attrs.evolve(
            BASE.units["art_15__para_1"], children=("art_15__para_1__subpara_1", ins.eid, SUB4))})
        a = act("1-T", D(2014, 5, 1), [substitute("1-T", "орган финансовой полиции;"),
                                       Insert(act="1-T", place="art_1__para_5", target=ins.eid, lang="rus",
                                              units=(ins,))])
        tl = compile_base(law([a], includes=("1-T",)), "rus", base)
        before = tl.as_of(D(2014, 4, 30)).in_force()
        assert before[SUB4].status is Status.UNKNOWN and ins.eid not in before
        # 1-T was adopted on 2014-04-16: from then its insertion is coming
        assert tl.as_of(D(2014, 4, 30)).document[ins.eid].status is Status.NOT_YET_IN_EFFECT
        assert ins.eid not in tl.as_of(D(2014, 4, 15)).document
        assert before["art_15__para_1__subpara_1"].status is Status.IN_EFFECT
        after = tl.as_of(D(2014, 5, 1))
        assert after.document[SUB4].text == "орган финансовой полиции;"
        assert after.versions[SUB4].acts == ("1-T",) and after.versions[SUB4].since == D(2014, 5, 1)


class TestKnownOn:
    def test_a_retroactive_act_changes_the_past_only_once_published(self) -> None:
        a = act("33-V", D(2012, 1, 1), [substitute("33-V", "ретроактивно;")], adopted=D(2012, 7, 10),
                published=D(2012, 7, 20))
        L = law([a])
        assert text_of(compile_base(L, "rus", BASE, known_on=D(2012, 6, 1)), SUB4, D(2012, 3, 1))[0] == \
            "орган финансовой полиции;"
        assert text_of(compile_base(L, "rus", BASE, known_on=D(2012, 8, 1)), SUB4, D(2012, 3, 1))[0] == "ретроактивно;"
        assert text_of(compile_base(L, "rus", BASE), SUB4, D(2012, 3, 1))[0] == "ретроактивно;"

    def test_an_unknown_publication_is_known_only_after_the_thirty_day_window(self) -> None:
        a = act("1-T", D(2020, 3, 1), [substitute("1-T", "новый;")], adopted=D(2020, 2, 1))
        L = law([a])
        inside = compile_base(L, "rus", BASE, known_on=D(2020, 2, 15))
        assert text_of(inside, SUB4, D(2020, 6, 1))[0] == "орган финансовой полиции;"
        assert any("first publication unknown" in w.message for w in inside.warnings)
        after = compile_base(L, "rus", BASE, known_on=D(2020, 3, 2))
        assert text_of(after, SUB4, D(2020, 6, 1))[0] == "новый;"


class TestUncertainInterval:
    def test_inside_the_interval_the_unit_carries_a_warning(self) -> None:
        a = act("1-T", D(2020, 3, 1), [substitute("1-T", "новый;")], adopted=D(2020, 2, 1))
        eff = Effective(D(2020, 2, 12), D(2020, 3, 13), "publication unknown")
        a = attrs.evolve(a, stated_effective=None, publication=Publication(None))

        @attrs.frozen(eq=False)
        class IntervalAct(Act):  # an act whose rule yields an interval (publication unknown)
            def effective(self, op: Operation,
                          chain: Callable[[str], Effective | None] | None = None) -> Effective | None:
                return eff

        a = IntervalAct(**{f.name: getattr(a, f.name) for f in attrs.fields(Act)})
        tl = compile_base(law([a]), "rus", BASE)
        inside = tl.as_of(D(2020, 3, 1))
        assert inside.document[SUB4].text == "орган финансовой полиции;"
        assert any(w.eid == SUB4 and "may or may not be in effect" in w.message for w in inside.warnings)
        assert not tl.as_of(D(2020, 2, 11)).warnings
        outside = tl.as_of(D(2020, 3, 13))
        assert outside.document[SUB4].text == "новый;" and not outside.warnings


class TestParseDate:
    def test_iso_dates(self) -> None:
        assert parse_date("2020-02-29") == D(2020, 2, 29)

    @pytest.mark.parametrize("bad", ["2020-02-30", "2019-02-29", "01.01.2020", ""])
    def test_impossible_dates(self, bad: str) -> None:
        with pytest.raises(InvalidDate):
            parse_date(bad)


class TestDiffOfRenumberingInsideTheSpan:
    def test_a_unit_inserted_then_renumbered_in_the_span_is_added_not_renumbered(self) -> None:
        """Found by Hypothesis: 1-1) inserted, renumbered 1-1-1), and a new 1-1) inserted,
        all inside the span: both are additions (nothing existed under 1-1) before)."""
        from consolidate.diff import diff
        from consolidate.operations import Renumber

        e = "art_15__para_1__subpara_1-1"
        ops = [
            Insert(act="1-T", place="art_1__para_1", target=e, lang="rus", units=(sub(e, "1-1", "первый;"),)),
            Renumber(act="1-T", place="art_1__para_2", target=e, lang="rus", new_num="1-1-1", seq=1),
            Insert(act="1-T", place="art_1__para_3", target=e, lang="rus", units=(sub(e, "1-1", "второй;"),), seq=2),
        ]
        tl = compile_base(law([act("1-T", D(2020, 1, 1), ops)]), "rus", BASE)
        changes = {c.eid: c for c in diff(tl, D(2019, 12, 31), D(2020, 1, 1)).changes}
        assert {eid: c.change for eid, c in changes.items()} == {e: "added", e + "-1": "added"}
        first, second = changes[e + "-1"].after, changes[e].after
        assert first is not None and second is not None
        assert first.text == "первый;" and second.text == "второй;"
        assert changes[e + "-1"].renumbered_from is None


class TestTimeLimits:
    """A commencement article that limits an inserted or restated unit in time: the unit
    expires on that day, by the act's own words, and keeps its wording."""

    @staticmethod
    def limited(until: str) -> Act:
        new = sub("art_15__para_1__subpara_5", "5", "временный орган;")
        ins = Insert(act="9-T", place="art_1__para_5__subpara_1__part_1", target=new.eid, lang="rus", units=(new,))
        return attrs.evolve(
            act("9-T", D(2015, 1, 1), [ins], adopted=D(2014, 12, 1), published=D(2014, 12, 5)),
            stated_effective=None,
            commencement_text=("Статья 2. Настоящий Закон вводится в действие с 1 января 2015 года.\n\n"
                               f"Установить, что подпункт 1) пункта 5 статьи 1 настоящего Закона действует до {until}."))

    def test_an_inserted_unit_expires_on_its_day(self) -> None:
        tl = compile_base(law([self.limited("1 января 2016 года")]), "rus", BASE)
        eid = "art_15__para_1__subpara_5"
        assert text_of(tl, eid, D(2015, 12, 31)) == ("временный орган;", Status.IN_EFFECT)
        assert text_of(tl, eid, D(2016, 1, 1)) == ("временный орган;", Status.EXPIRED)
        v = tl.as_of(D(2016, 6, 1)).versions[eid]
        assert v.since == D(2016, 1, 1) and v.acts == ("9-T",)
        assert "in effect until 2016-01-01 by the act's own words" in v.effective[0].derivation
        assert not tl.warnings

    def test_the_diff_across_the_day_reports_it(self) -> None:
        from consolidate.diff import diff

        tl = compile_base(law([self.limited("1 января 2016 года")]), "rus", BASE)
        (change,) = diff(tl, D(2015, 6, 1), D(2016, 6, 1)).changes
        assert change.change == "expired" and change.acts == ("9-T",)
