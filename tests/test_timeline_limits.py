"""Limits of what the corpus knows: gaps of missing acts, and operations the
act itself limits in time (sunsets, suspensions)."""

from __future__ import annotations

import attrs

from consolidate.law import Gap
from consolidate.model import Status
from consolidate.operations import ReplaceWords
from consolidate.timeline.compile import compile_base

from .factories import D, act, law
from .test_timeline import BASE, SUB4, substitute

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
