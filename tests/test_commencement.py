"""Tests for turning commencement rules into dates (consolidate.commencement).

Publication dates come from the corpus (PUBLICATION_DATES.md, the files'
headers); the expected dates are counted by hand with the Civil Code
(art. 173: a period starts the day after; art. 174: months end on the same
day number, or the month's last day).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.commencement import (
    Branch,
    Chained,
    Commencement,
    Conditional,
    DayAfterPublication,
    DaysAfterPublication,
    FixedDate,
    MonthsAfterPublication,
    OnPublication,
    OnSigning,
    OtherAct,
    Period,
    Rule,
    SpecialRule,
    ThisAct,
    Unit,
    YearsAfterPublication,
    effective,
    number_words,
    publication_window,
)
from consolidate.errors import RuleError
from consolidate.grammar.rules import explain, parse_commencement
from consolidate.model import Effective

ROOT = Path(__file__).parents[1]
NS_SOURCES = ROOT / "amendments" / "kz-national-security" / "sources"
D = dt.date
TEN_DAYS_RU = "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"


def article(stem: str) -> Commencement:
    text = (NS_SOURCES / f"{stem}.md").read_text(encoding="utf-8")
    found = re.search(r"^## \(b\)[^\n]*\n====\n(.*?)\n====", text, re.S | re.M)
    assert found
    return parse_commencement(found.group(1), "rus")


class TestRealPairs:
    """Publication → entry into effect, from real acts."""

    @pytest.mark.parametrize(
        "act,published,adopted,expected",
        [
            ("156-VI", D(2018, 5, 28), D(2018, 5, 24), D(2018, 6, 8)),
            # 51-VIII: publication inferred from the catalogue's 2024-01-05
            ("51-VIII", D(2023, 12, 25), D(2023, 12, 23), D(2024, 1, 5)),
            ("357-VI", D(2020, 7, 6), D(2020, 7, 3), D(2020, 7, 17)),
            ("365-VI", D(2020, 10, 7), D(2020, 10, 6), D(2020, 10, 18)),
            ("393-V", D(2015, 11, 17), D(2015, 11, 12), D(2015, 11, 28)),
        ],
    )
    def test_ten_days(self, act: str, published: dt.date, adopted: dt.date, expected: dt.date) -> None:
        eff = explain(TEN_DAYS_RU, published=published, adopted=adopted, lang="rus")
        assert eff is not None
        assert (eff.date, eff.retroactive) == (expected, False)

    def test_two_months_clipped(self) -> None:
        eff = explain(
            "вводится в действие по истечении двух месяцев после дня его первого официального опубликования",
            published=D(2015, 12, 31),
            adopted=D(2015, 12, 28),
            lang="rus",
        )
        assert eff is not None and eff.date == D(2016, 3, 1)
        assert "2016-02-29" in eff.derivation and "art. 174 p.3" in eff.derivation

    def test_derivation_reads_as_counting(self) -> None:
        eff = effective(DaysAfterPublication(10), published=D(2020, 7, 6), adopted=D(2020, 7, 3),
                        publication_source="Law 365-VI, items 9 and 13")  # fmt: skip
        assert eff is not None
        assert eff.derivation == (
            "first published 2020-07-06 (source: Law 365-VI, items 9 and 13); the period starts 2020-07-07 "
            "(Civil Code art. 173); ten calendar days end 2020-07-16; in effect from 2020-07-17"
        )


class TestCorpusDates:
    """Acts of the corpus whose first publication the corpus gives."""

    @pytest.mark.parametrize(
        "stem,published,place,expected",
        [
            # 206-V published 14.06.2014 (quoted in 233-V)
            ("2014-06-10_206-V", D(2014, 6, 14), "art_1__para_31", D(2014, 6, 25)),
            ("2014-06-10_206-V", D(2014, 6, 14), "art_1__para_29__subpara_8__part_20", D(2014, 12, 15)),
            ("2014-06-10_206-V", D(2014, 6, 14), "art_1__para_13__subpara_3__part_4", D(2014, 7, 1)),
            ("2014-06-10_206-V", D(2014, 6, 14), "art_1__para_13__subpara_3__part_3", D(2015, 1, 1)),
            # 376-V published 03.11.2015 (quoted in 435-V)
            ("2015-10-29_376-V", D(2015, 11, 3), "art_1__para_95", D(2016, 1, 1)),
            ("2015-10-29_376-V", D(2015, 11, 3), "art_1__para_90", D(2015, 11, 14)),
            ("2015-10-29_376-V", D(2015, 11, 3), "art_1__para_85__subpara_23", D(2018, 1, 1)),
            # 393-V published 17.11.2015
            ("2015-11-12_393-V", D(2015, 11, 17), "art_1__para_12", D(2015, 11, 28)),
            ("2015-11-12_393-V", D(2015, 11, 17), "art_1__para_1__subpara_9__part_2", D(2019, 1, 1)),
            # 357-VI published 06.07.2020, 361-VI 08.07.2020, 365-VI 07.10.2020
            ("2020-07-03_357-VI", D(2020, 7, 6), "art_1__para_4__part_2", D(2020, 7, 17)),
            ("2020-07-07_361-VI", D(2020, 7, 8), "art_1__para_27", D(2020, 7, 19)),
            # six months from the act's own entry into effect (19.07.2020)
            ("2020-07-07_361-VI", D(2020, 7, 8), "art_1__para_5__subpara_2", D(2021, 1, 20)),
            ("2020-10-06_365-VI", D(2020, 10, 7), "art_1__para_9", D(2020, 10, 18)),
        ],
    )
    def test_date(self, stem: str, published: dt.date, place: str, expected: dt.date) -> None:
        adopted = D(*map(int, stem[:10].split("-")))
        eff = article(stem).effective_for(place, published=published, adopted=adopted, publication_source="corpus")
        assert eff is not None
        assert eff.date == expected
        assert eff.derivation.startswith(place)

    @pytest.mark.parametrize(
        "stem,expected",
        [
            ("2014-07-03_227-V", D(2015, 1, 1)),
            ("2015-11-24_419-V", D(2016, 1, 1)),
            ("2015-12-04_435-V", D(2016, 1, 1)),
            ("2019-07-03_262-VI", D(2020, 1, 1)),
        ],
    )
    def test_fixed_general_rule_needs_no_publication(self, stem: str, expected: dt.date) -> None:
        adopted = D(*map(int, stem[:10].split("-")))
        eff = article(stem).effective_for("art_1__para_99", published=None, adopted=adopted, publication_source=None)
        assert eff is not None and eff.date == expected and not eff.retroactive


class TestRetroactive:
    def test_33_v_footnote(self) -> None:
        eff = explain("вводится в действие с 01.01.2012", published=None, adopted=D(2012, 7, 10), lang="rus")
        assert eff is not None
        assert (eff.date, eff.retroactive) == (D(2012, 1, 1), True)
        assert "retroactive" in eff.derivation and "2012-07-10" in eff.derivation

    @pytest.mark.parametrize(
        "stem,place,expected",
        [
            ("2016-07-26_12-VI", "art_1__para_25", D(2016, 6, 30)),
            ("2018-12-28_210-VI", "art_1__para_10__subpara_5", D(2018, 1, 1)),
            ("2018-12-28_210-VI", "art_1__para_55__subpara_3__part_6", D(2018, 7, 1)),
            ("2016-04-06_484-V", "art_1__para_12__subpara_9", D(2016, 1, 1)),
            ("2015-10-29_376-V", "art_1__para_65", D(2015, 1, 1)),
            ("2012-04-27_15-V", "art_1__para_8__subpara_1", D(2011, 1, 1)),
        ],
    )
    def test_exceptions_before_adoption(self, stem: str, place: str, expected: dt.date) -> None:
        adopted = D(*map(int, stem[:10].split("-")))
        eff = article(stem).effective_for(place, published=None, adopted=adopted, publication_source=None)
        assert eff is not None
        assert (eff.date, eff.retroactive) == (expected, True)

    def test_same_act_other_places_are_not(self) -> None:
        eff = article("2018-12-28_210-VI").effective_for(
            "art_1__para_10__subpara_4", published=None, adopted=D(2018, 12, 28), publication_source=None
        )
        assert eff is not None and eff.date == D(2019, 1, 1) and not eff.retroactive

    def test_adoption_unknown(self) -> None:
        eff = effective(FixedDate(D(2016, 1, 1)), published=None, adopted=None)
        assert eff is not None and not eff.retroactive
        assert "not known" in eff.derivation


class TestUnknownPublication:
    def test_357_vi(self) -> None:
        eff = article("2020-07-03_357-VI").effective_for(
            "art_1__para_4__part_2", published=None, adopted=D(2020, 7, 3), publication_source=None
        )
        assert eff is not None
        assert (eff.earliest, eff.latest, eff.date) == (D(2020, 7, 14), D(2020, 8, 13), None)
        assert "art. 37 p.3" in eff.derivation and "2020-08-02" in eff.derivation

    def test_fixed_date_stays_exact(self) -> None:
        eff = article("2014-07-03_227-V").effective_for(
            "art_1__para_64", published=None, adopted=D(2014, 7, 3), publication_source=None
        )
        assert eff is not None and eff.exact

    def test_nothing_known(self) -> None:
        assert effective(DaysAfterPublication(10), published=None, adopted=None) is None
        assert explain(TEN_DAYS_RU, published=None, adopted=None, lang="rus") is None

    def test_window(self) -> None:
        assert publication_window(D(2020, 7, 3)) == (D(2020, 7, 3), D(2020, 8, 2))


class TestRules:
    @pytest.mark.parametrize(
        "rule,published,expected",
        [
            (OnPublication(), D(2018, 7, 7), D(2018, 7, 7)),
            (DayAfterPublication(), D(2018, 7, 7), D(2018, 7, 8)),
            (DaysAfterPublication(60), D(2022, 7, 20), D(2022, 9, 19)),
            (MonthsAfterPublication(6), D(2017, 12, 30), D(2018, 7, 1)),
            (MonthsAfterPublication(1), D(2024, 1, 31), D(2024, 3, 1)),  # 29 Feb 2024, leap year
            (YearsAfterPublication(1), D(2024, 2, 29), D(2025, 3, 1)),  # 28 Feb 2025 + 1
            (FixedDate(D(2015, 1, 1)), D(2014, 7, 10), D(2015, 1, 1)),
        ],
    )
    def test_counting(self, rule: Rule, published: dt.date, expected: dt.date) -> None:
        eff = effective(rule, published=published, adopted=published)
        assert eff is not None and eff.date == expected

    def test_on_signing(self) -> None:
        eff = effective(OnSigning(), published=None, adopted=D(2020, 7, 3))
        assert eff is not None and eff.date == D(2020, 7, 3)
        assert effective(OnSigning(), published=None, adopted=None) is None

    def test_non_working_day_does_not_move(self) -> None:
        # 361-VI: ten days end on Saturday 18.07.2020; in effect Sunday 19.07
        eff = effective(DaysAfterPublication(10), published=D(2020, 7, 8), adopted=D(2020, 7, 7))
        assert eff is not None and eff.date == D(2020, 7, 19)
        assert "art. 175 does not move" in eff.derivation

    def test_publication_before_adoption_is_an_error(self) -> None:
        with pytest.raises(RuleError, match="precedes adoption"):
            effective(DaysAfterPublication(10), published=D(2020, 7, 1), adopted=D(2020, 7, 3))

    def test_late_publication_is_said(self) -> None:
        eff = effective(DaysAfterPublication(10), published=D(2020, 9, 1), adopted=D(2020, 7, 3))
        assert eff is not None and "art. 37 p.3" in eff.derivation

    def test_strings(self) -> None:
        assert str(DaysAfterPublication(10)) == "ten calendar days after first official publication"
        assert str(MonthsAfterPublication(1)) == "one month after first official publication"
        assert str(Chained(Period(5, Unit.YEARS), ThisAct())) == "five years after this act's entry into effect"
        assert number_words(21) == "twenty-one" and number_words(60) == "sixty" and number_words(120) == "120"

    def test_period_must_be_positive(self) -> None:
        with pytest.raises(ValueError):
            DaysAfterPublication(0)


class TestChained:
    def test_external_anchor_unresolved_is_unknown(self) -> None:
        com = article("2022-05-21_123-VII")
        place = "art_1__para_13__subpara_1"
        assert com.effective_for(place, published=D(2022, 5, 25), adopted=D(2022, 5, 21), publication_source=None) is None

    def test_external_anchor_resolved_by_chain(self) -> None:
        com = article("2022-05-21_123-VII")
        asked: list[str] = []

        def chain(anchor: str) -> Effective | None:
            asked.append(anchor)
            return Effective.on(D(2023, 1, 1), "the Tax Code amendment took effect 2023-01-01")

        eff = com.effective_for(
            "art_1__para_13__subpara_1", published=None, adopted=D(2022, 5, 21), publication_source=None, chain=chain
        )
        assert eff is not None and eff.date == D(2023, 7, 2)
        assert asked and asked[0].startswith("изменений и дополнений в Кодекс")
        assert "the Tax Code amendment took effect" in eff.derivation

    def test_chain_to_an_interval(self) -> None:
        rule = Chained(Period(6, Unit.MONTHS), OtherAct("X"))
        eff = effective(rule, published=None, adopted=D(2020, 1, 1),
                        chain=lambda _: Effective(D(2020, 1, 10), D(2020, 2, 10), "between"))  # fmt: skip
        assert eff is not None and (eff.earliest, eff.latest) == (D(2020, 7, 11), D(2020, 8, 11))

    def test_this_act_with_unknown_publication(self) -> None:
        eff = article("2017-12-27_126-VI").effective_for(
            "art_1__para_6__subpara_6", published=None, adopted=D(2017, 12, 27), publication_source=None
        )
        assert eff is not None
        # six months after publication in [27.12.2017, 26.01.2018] → from
        # [28.06.2018, 27.07.2018]; five years after that, the day after
        assert (eff.earliest, eff.latest) == (D(2023, 6, 29), D(2023, 7, 28))

    def test_this_act_alone_is_unknown(self) -> None:
        assert effective(Chained(Period(6, Unit.MONTHS), ThisAct()), published=D(2020, 1, 1), adopted=None) is None


class TestRuleFor:
    def test_general_and_most_specific(self) -> None:
        com = article("2014-06-10_206-V")
        assert com.rule_for("art_1__para_31")[0] == DaysAfterPublication(10)
        assert com.rule_for("art_1__para_31")[1].startswith("вводится в действие по истечении десяти")
        assert com.rule_for("art_1__para_23__subpara_4__part_2") == (
            MonthsAfterPublication(6),
            "вводятся в действие по истечении шести месяцев после дня его первого официального опубликования",
        )
        assert com.rule_for("art_1__para_13__subpara_3__part_2")[0] == FixedDate(D(2014, 7, 1))
        assert com.rule_for("art_1__para_13__subpara_3")[0] == DaysAfterPublication(10)

    def test_two_rules_for_one_place(self) -> None:
        com = Commencement(
            general=DaysAfterPublication(10),
            as_written="…",
            exceptions=(
                SpecialRule(("art_1__para_2",), FixedDate(D(2015, 1, 1)), "с 1 января 2015 года"),
                SpecialRule(("art_1__para_2",), FixedDate(D(2016, 1, 1)), "с 1 января 2016 года"),
            ),
        )
        with pytest.raises(RuleError, match="two rules"):
            com.rule_for("art_1__para_2__subpara_1")
        assert com.rule_for("art_1__para_3")[0] == DaysAfterPublication(10)


class TestConditional:
    def test_141_vii_exception_5(self) -> None:
        com = article("2022-07-14_141-VII")
        eff = com.effective_for(
            "art_1__para_40__subpara_4", published=None, adopted=D(2022, 7, 14), publication_source=None
        )
        assert eff is not None
        assert (eff.earliest, eff.latest, eff.date) == (D(2024, 1, 1), D(2024, 7, 1), None)
        assert "conditional" in eff.derivation and "no single date" in eff.derivation

    def test_branches_unknown(self) -> None:
        rule = Conditional((Branch(DaysAfterPublication(10), "для A"), Branch(FixedDate(D(2024, 1, 1)), "для B")))
        assert effective(rule, published=None, adopted=None) is None


class TestUncertainScope:
    def test_exception_by_content(self) -> None:
        text = (ROOT / "amendments" / "kz-foreign-intelligence" / "sources" / "2011-01-06_379-IV.md").read_text(
            encoding="utf-8"
        )
        found = re.search(r"^## \(b\)[^\n]*\n====\n(.*?)\n====", text, re.S | re.M)
        assert found
        com = parse_commencement(found.group(1), "rus")
        eff = com.effective_for("art_1__para_28", published=D(2011, 1, 12), adopted=D(2011, 1, 6),
                                publication_source=None)  # fmt: skip
        assert eff is not None
        assert (eff.earliest, eff.latest) == (D(2011, 1, 23), D(2012, 1, 1))
        assert "норм, упраздняющих" in eff.derivation and "state the date in the act file" in eff.derivation

    def test_in_part(self) -> None:
        text = (ROOT / "snapshots" / "kz-national-security" / "rus" / "2021-after-375-VI.md").read_text(encoding="utf-8")
        i = text.index("### Статья 30.")
        com = parse_commencement(text[i : text.index("Сноска. Статья 30", i)], "rus")
        eff = com.effective_for("art_20__para_4__subpara_2", published=None, adopted=D(2012, 1, 6),
                                publication_source=None)  # fmt: skip
        assert eff is not None and eff.earliest < eff.latest == D(2015, 1, 1)
        other = com.effective_for("art_20__para_4__subpara_1", published=None, adopted=D(2012, 1, 6),
                                  publication_source=None)  # fmt: skip
        assert other is not None and other.latest == D(2012, 2, 16)


class TestExplain:
    def test_english_after_publication_is_on_publication(self) -> None:
        eff = explain("shall be enforced after its first official publication", published=D(2018, 7, 7),
                      adopted=D(2018, 7, 5), lang="eng")  # fmt: skip
        assert eff is not None and eff.date == D(2018, 7, 7)
        assert "со дня" in eff.derivation

    def test_whole_article(self) -> None:
        text = (NS_SOURCES / "2016-04-06_484-V.md").read_text(encoding="utf-8")
        found = re.search(r"^## \(b\)[^\n]*\n====\n(.*?)\n====", text, re.S | re.M)
        assert found
        eff = explain(found.group(1), published=D(2016, 4, 10), adopted=D(2016, 4, 6), lang="rus")
        assert eff is not None and eff.date == D(2016, 5, 11)
        assert "exception art_1__para_12__subpara_3, art_1__para_12__subpara_9: from 2016-01-01" in eff.derivation

    def test_unrecognised(self) -> None:
        with pytest.raises(RuleError, match="когда-нибудь"):
            explain("вводится в действие когда-нибудь", published=D(2020, 1, 1), adopted=None, lang="rus")


# ---------------------------------------------------------------- properties

publication_rules: st.SearchStrategy[Rule] = st.one_of(
    st.builds(DaysAfterPublication, st.integers(1, 120)),
    st.builds(MonthsAfterPublication, st.integers(1, 24)),
    st.builds(YearsAfterPublication, st.integers(1, 10)),
    st.just(OnPublication()),
    st.just(DayAfterPublication()),
)
dates = st.dates(D(2000, 1, 1), D(2040, 12, 31))


class TestProperties:
    @settings(max_examples=200, deadline=None)
    @given(publication_rules, dates, st.integers(0, 30))
    def test_never_before_publication(self, rule: Rule, adopted: dt.date, delay: int) -> None:
        published = adopted + dt.timedelta(days=delay)
        eff = effective(rule, published=published, adopted=adopted)
        assert eff is not None and eff.exact
        assert eff.date is not None and eff.date >= published
        assert not eff.retroactive
        if not isinstance(rule, OnPublication):
            assert eff.date > published

    @settings(max_examples=200, deadline=None)
    @given(st.integers(1, 36), dates)
    def test_months_are_relativedelta_plus_one_day(self, n: int, published: dt.date) -> None:
        eff = effective(MonthsAfterPublication(n), published=published, adopted=published)
        assert eff is not None
        assert eff.date == published + relativedelta(months=n) + dt.timedelta(days=1)

    @settings(max_examples=200, deadline=None)
    @given(st.integers(1, 120), dates)
    def test_days_are_n_plus_one(self, n: int, published: dt.date) -> None:
        eff = effective(DaysAfterPublication(n), published=published, adopted=published)
        assert eff is not None and eff.date == published + dt.timedelta(days=n + 1)

    @settings(max_examples=60, deadline=None)
    @given(publication_rules, dates)
    def test_interval_contains_every_publication_day(self, rule: Rule, adopted: dt.date) -> None:
        window = effective(rule, published=None, adopted=adopted)
        assert window is not None
        first, last = publication_window(adopted)
        day = first
        while day <= last:
            exact = effective(rule, published=day, adopted=adopted)
            assert exact is not None and exact.date is not None
            assert window.earliest <= exact.date <= window.latest
            day += dt.timedelta(days=1)
        # and its ends are attained: the interval is no wider than needed
        at_first = effective(rule, published=first, adopted=adopted)
        at_last = effective(rule, published=last, adopted=adopted)
        assert at_first is not None and at_last is not None
        assert window.earliest == at_first.date
        assert window.latest == at_last.date

    @settings(max_examples=100, deadline=None)
    @given(dates, dates)
    def test_fixed_date_retroactive_iff_before_adoption(self, day: dt.date, adopted: dt.date) -> None:
        eff = effective(FixedDate(day), published=None, adopted=adopted)
        assert eff is not None and eff.date == day
        assert eff.retroactive == (day < adopted)
