"""Limits of what the corpus knows: gaps of missing acts, and operations the
act itself limits in time (sunsets, suspensions)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.diff import diff
from consolidate.law import Gap
from consolidate.model import Status
from consolidate.operations import ReplaceWords
from consolidate.timeline.compile import compile_base
from consolidate.timeline.query import Timeline

from .factories import D, act, law
from .test_timeline import BASE, SUB4, substitute, text_of

GAP = Gap(start=D(2017, 1, 1), reason="acts of 2017 cited by a Vedomosti list are not in the corpus")


class TestGap:
    def test_before_the_gap_the_text_is_known(self) -> None:
        tl = compile_base(attrs.evolve(law([]), gaps=(GAP,)), "rus", BASE)
        view = tl.as_of(D(2016, 12, 31))
        assert all(p.status is not Status.UNKNOWN for p in view.document.provisions())

    def test_from_the_gap_every_unit_is_unknown_with_its_reason(self) -> None:
        tl = compile_base(attrs.evolve(law([]), gaps=(GAP,)), "rus", BASE)
        view = tl.as_of(D(2017, 1, 1))
        units = [p for p in view.document.provisions() if p.eid != "law"]
        assert units and all(p.status is Status.UNKNOWN for p in units)
        assert view.versions[SUB4].reason == GAP.reason

    def test_a_later_restatement_makes_a_unit_known_again(self) -> None:
        later = act("9-T", D(2018, 1, 1), [substitute("9-T", "орган по делам службы;")])
        tl = compile_base(attrs.evolve(law([later]), gaps=(GAP,)), "rus", BASE)
        p = tl.as_of(D(2018, 1, 1)).document[SUB4]
        assert (p.text, p.status) == ("орган по делам службы;", Status.IN_EFFECT)
        assert tl.as_of(D(2018, 1, 1)).document["art_16__part_1"].status is Status.UNKNOWN

    def test_word_operations_inside_unknown_text_are_not_errors(self) -> None:
        words = ReplaceWords(act="9-T", place="art_1__para_1", target="art_15__para_1__subpara_9", lang="rus",
                             pairs=(("органы", "органов"),))
        later = act("9-T", D(2018, 1, 1), [words])
        tl = compile_base(attrs.evolve(law([later]), gaps=(GAP,)), "rus", BASE)  # strict: would raise
        assert "art_15__para_1__subpara_9" not in tl.as_of(D(2018, 1, 2)).document.units


class TestLimitedOperations:
    def test_a_sunset_covering_a_restatement_expires_it(self) -> None:
        text = ("Статья 2. Настоящий Закон вводится в действие с 1 января 2016 года.\n"
                "Установить, что абзац второй пункта 4 статьи 1 настоящего Закона действует до 1 января 2017 года.")
        op = attrs.evolve(substitute("5-T", "орган по делам службы;"), place="art_1__para_4__part_2")
        limited = attrs.evolve(act("5-T", D(2016, 1, 1), [op]), commencement_text=text)
        tl = compile_base(law([limited]), "rus", BASE)
        assert tl.as_of(D(2016, 6, 1)).warnings == ()
        assert tl.as_of(D(2016, 12, 31)).document[SUB4].status is Status.IN_EFFECT
        expired = tl.as_of(D(2017, 1, 1)).document[SUB4]
        assert (expired.status, expired.text) == (Status.EXPIRED, "орган по делам службы;")

    def test_a_sunset_covering_a_change_of_words_is_a_warning(self) -> None:
        text = ("Статья 2. Настоящий Закон вводится в действие с 1 января 2016 года.\n"
                "Установить, что абзац второй пункта 4 статьи 1 настоящего Закона действует до 1 января 2017 года.")
        op = ReplaceWords(act="5-T", place="art_1__para_4__part_2", target=SUB4, lang="rus",
                          pairs=(("финансовой полиции", "службы"),))
        limited = attrs.evolve(act("5-T", D(2016, 1, 1), [op]), commencement_text=text)
        view = compile_base(law([limited]), "rus", BASE).as_of(D(2016, 6, 1))
        (w,) = [w for w in view.warnings if w.eid == SUB4]
        assert "5-T art_1__para_4__part_2" in w.message and "действует до 1 января 2017 года" in w.message

    def test_an_operation_outside_the_sunset_has_no_warning(self) -> None:
        text = ("Статья 2. Настоящий Закон вводится в действие с 1 января 2016 года.\n"
                "Установить, что абзац второй пункта 8 статьи 1 настоящего Закона действует до 1 января 2017 года.")
        op = attrs.evolve(substitute("5-T", "орган по делам службы;"), place="art_1__para_4__part_2")
        limited = attrs.evolve(act("5-T", D(2016, 1, 1), [op]), commencement_text=text)
        assert compile_base(law([limited]), "rus", BASE).as_of(D(2016, 6, 1)).warnings == ()


SUSPEND = ("Статья 2. 1. Настоящий Закон вводится в действие с 1 января 2016 года.\n\n"
           "2. Приостановить с 1 января 2016 года до 1 января 2017 года действие абзаца третьего пункта 4 "
           "статьи 1 настоящего Закона, установив, что в период приостановления данный абзац действует "
           "в следующей редакции:\n\n«4) временный орган;».")


def suspended_law(text: str = SUSPEND, *, op_place: str = "art_1__para_4__part_2") -> Timeline:
    """Item 4 of act 5-T restates subparagraph 4 in its second abzats, quoting the new
    wording in its third; the commencement article suspends that third abzats."""
    op = attrs.evolve(substitute("5-T", "орган по делам службы;"), place=op_place)
    limited = attrs.evolve(act("5-T", D(2016, 1, 1), [op]), commencement_text=text)
    return compile_base(law([limited]), "rus", BASE)


class TestSuspension:
    def test_the_interim_wording_is_shown_while_suspended_then_the_acts_own(self) -> None:
        tl = suspended_law()
        # the act is law (adopted) before it takes effect: the coming wording is the interim one
        assert text_of(tl, SUB4, D(2015, 12, 31)) == ("орган финансовой полиции;", Status.NOT_YET_IN_EFFECT)
        coming = tl.as_of(D(2015, 12, 31)).coming[SUB4]
        assert coming.unit is not None and (coming.start, coming.unit.text) == (D(2016, 1, 1), "временный орган;")
        assert text_of(tl, SUB4, D(2016, 1, 1)) == ("временный орган;", Status.SUSPENDED)
        assert text_of(tl, SUB4, D(2016, 12, 31)) == ("временный орган;", Status.SUSPENDED)
        assert text_of(tl, SUB4, D(2017, 1, 1)) == ("орган по делам службы;", Status.IN_EFFECT)
        assert tl.as_of(D(2016, 6, 1)).warnings == ()

    def test_each_day_of_the_suspension_names_the_act_and_its_words(self) -> None:
        tl = suspended_law()
        version = tl.as_of(D(2016, 6, 1)).versions[SUB4]
        assert version.acts == ("5-T",)
        (why,) = [e.derivation for e in version.effective if "suspended" in e.derivation]
        assert "suspended from 2016-01-01 until 2017-01-01" in why and "Приостановить с 1 января 2016" in why
        resumed = tl.as_of(D(2017, 1, 1)).versions[SUB4]
        assert any("in effect again from that day" in e.derivation for e in resumed.effective)

    def test_without_an_interim_wording_the_unit_keeps_the_acts_wording_suspended(self) -> None:
        text = ("Статья 2. 1. Настоящий Закон вводится в действие с 1 января 2016 года.\n\n"
                "2. Приостановить с 1 марта 2016 года до 1 июля 2016 года действие абзаца третьего пункта 4 "
                "статьи 1 настоящего Закона.")
        tl = suspended_law(text)
        # in effect, with its suspension coming (it is law)
        assert text_of(tl, SUB4, D(2016, 2, 29)) == ("орган по делам службы;", Status.NOT_YET_IN_EFFECT)
        assert text_of(tl, SUB4, D(2016, 3, 1)) == ("орган по делам службы;", Status.SUSPENDED)
        assert text_of(tl, SUB4, D(2016, 7, 1)) == ("орган по делам службы;", Status.IN_EFFECT)

    def test_a_suspension_of_another_item_touches_nothing(self) -> None:
        tl = suspended_law(SUSPEND.replace("пункта 4 статьи 1", "пункта 9 статьи 1"))
        assert text_of(tl, SUB4, D(2016, 6, 1)) == ("орган по делам службы;", Status.IN_EFFECT)
        assert tl.as_of(D(2016, 6, 1)).warnings == ()

    def test_interim_wordings_that_do_not_match_the_places_are_a_warning(self) -> None:
        two = SUSPEND.replace("абзаца третьего пункта 4", "абзаца третьего пункта 4, абзаца второго пункта 9")
        tl = suspended_law(two)  # two places, one wording: which is whose cannot be told
        assert text_of(tl, SUB4, D(2016, 6, 1)) == ("орган по делам службы;", Status.IN_EFFECT)
        (w,) = [w for w in tl.as_of(D(2016, 6, 1)).warnings if w.eid == SUB4]
        assert "limits this operation in time" in w.message and "Приостановить" in w.message

    def test_a_later_change_ends_what_the_suspension_holds(self) -> None:
        op = attrs.evolve(substitute("5-T", "орган по делам службы;"), place="art_1__para_4__part_2")
        limited = attrs.evolve(act("5-T", D(2016, 1, 1), [op]), commencement_text=SUSPEND)
        later = act("6-T", D(2016, 6, 1), [substitute("6-T", "новый орган;")])
        tl = compile_base(law([limited, later]), "rus", BASE)
        assert text_of(tl, SUB4, D(2016, 6, 1)) == ("новый орган;", Status.IN_EFFECT)
        assert text_of(tl, SUB4, D(2017, 1, 1)) == ("новый орган;", Status.IN_EFFECT)

    def test_a_diff_across_the_suspension_says_suspended_and_resumed(self) -> None:
        tl = suspended_law()
        (start,) = [c for c in diff(tl, D(2015, 12, 31), D(2016, 6, 1)).changes if c.eid == SUB4]
        assert start.change == "suspended" and start.acts == ("5-T",)
        assert start.after is not None and start.after.text == "временный орган;"
        (end,) = [c for c in diff(tl, D(2016, 6, 1), D(2017, 6, 1)).changes if c.eid == SUB4]
        assert end.change == "resumed" and end.acts == ("5-T",)
        assert (end.before and end.before.text, end.after and end.after.text) == ("временный орган;", "орган по делам службы;")


class TestSunsetSentence:
    def test_a_bare_sentence_limits_the_item_it_names(self) -> None:
        text = ("Статья 2. 1. Настоящий Закон вводится в действие с 1 января 2016 года.\n\n"
                "2. Абзац третий пункта 4 статьи 1 настоящего Закона действует до 1 января 2017 года.")
        tl = suspended_law(text)
        assert text_of(tl, SUB4, D(2016, 12, 31)) == ("орган по делам службы;", Status.IN_EFFECT)
        assert text_of(tl, SUB4, D(2017, 1, 1)) == ("орган по делам службы;", Status.EXPIRED)


_DAY = st.dates(min_value=D(2015, 6, 1), max_value=D(2019, 12, 31))


@st.composite
def limited_acts(draw: st.DrawFn) -> tuple[Timeline, dt.date, dt.date, dt.date, bool]:
    """Act 5-T restating subparagraph 4 from a day, suspended for a stretch (with an interim
    wording or without) or limited in time, in the commencement article's own words."""
    effective = draw(_DAY)
    start = draw(st.dates(min_value=effective, max_value=effective + dt.timedelta(days=400)))
    end = draw(st.dates(min_value=start + dt.timedelta(days=1), max_value=start + dt.timedelta(days=400)))
    kind = draw(st.sampled_from(["interim", "plain", "sunset"]))
    months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]

    def ru(day: dt.date) -> str:
        return f"{day.day} {months[day.month - 1]} {day.year} года"

    head = f"Статья 2. 1. Настоящий Закон вводится в действие с {ru(effective)}.\n\n"
    if kind == "sunset":
        text = head + f"2. Абзац третий пункта 4 статьи 1 настоящего Закона действует до {ru(end)}."
    else:
        text = head + (f"2. Приостановить с {ru(start)} до {ru(end)} действие абзаца третьего пункта 4 статьи 1 "
                       "настоящего Закона")
        text += (", установив, что в период приостановления данный абзац действует в следующей редакции:\n\n"
                 "«4) временный орган;»." if kind == "interim" else ".")
    op = attrs.evolve(substitute("5-T", "орган по делам службы;"), place="art_1__para_4__part_2")
    limited = attrs.evolve(act("5-T", effective, [op]), commencement_text=text)
    return compile_base(law([limited]), "rus", BASE), effective, start, end, kind == "sunset"


@settings(max_examples=60, deadline=None)
@given(limited_acts(), st.lists(_DAY | st.dates(min_value=D(2020, 1, 1), max_value=D(2021, 12, 31)),
                                min_size=1, max_size=6))
def test_every_day_one_status_and_a_coming_wording_comes(case: tuple[Timeline, dt.date, dt.date, dt.date, bool],
                                                          days: list[dt.date]) -> None:
    tl, effective, start, end, sunset = case
    for day in days:
        view = tl.as_of(day)
        unit = view.document[SUB4]
        adopted = effective - dt.timedelta(days=15)  # the factory's act is adopted 15 days before
        if day < adopted:
            want = Status.IN_EFFECT  # the old wording, nothing yet law
        elif day < effective:
            want = Status.NOT_YET_IN_EFFECT
        elif sunset:
            want = Status.EXPIRED if day >= end else Status.IN_EFFECT  # an expiry is not a change coming
        elif start <= day < end:
            want = Status.SUSPENDED
        else:  # in effect; before the suspension, with it coming
            want = Status.NOT_YET_IN_EFFECT if day < start else Status.IN_EFFECT
        assert unit.status is want, (day, effective, start, end, sunset)
        coming = view.coming.get(SUB4)
        if unit.status is Status.NOT_YET_IN_EFFECT:
            assert coming is not None and coming.unit is not None
            # on its day the coming wording is the one in force (itself perhaps with a change coming)
            then = tl.as_of(coming.start).document[SUB4]
            status = Status.IN_EFFECT if then.status is Status.NOT_YET_IN_EFFECT else then.status
            assert (then.text, status) == (coming.unit.text, coming.unit.status)
