"""The shipped corpus against reality: check points, the 435-V change of
2016-01-01, Law 277-IV rebuilt from 2010, English history from the footnotes,
and generated footnotes against the official ones."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from consolidate.library import check_law
from consolidate.checks import CheckReport
from consolidate.cli import main
from consolidate.formats.snapshot_file import read_snapshot
from consolidate.grammar.notes import parse_note
from consolidate.grammar.rules import parse_rule
from consolidate.model import Status
from consolidate.library import Library

NS, FI = "kz-national-security", "kz-foreign-intelligence"


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open()


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSOLIDATE_CACHE", "off")


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


class TestCheckPoint2021:
    """The 2021 Russian text must come out of the 2014 base and the 23 acts between them."""

    @pytest.fixture(scope="class")
    @classmethod
    def report(cls, lib: Library) -> CheckReport:
        return check_law(lib.law(NS))

    def test_every_operation_applies(self, report: CheckReport) -> None:
        assert report.problems == ()
        assert report.acts == 39 and report.operations > 50

    def test_agreement_is_at_least_99_5_percent(self, report: CheckReport) -> None:
        (cp,) = report.checkpoints
        assert cp.label == "rus/2021-after-375-VI.md"
        assert cp.unknown == 0 and cp.compared > 370
        assert cp.agreement >= 0.995

    def test_the_remaining_differences_are_the_explained_ones(self, report: CheckReport) -> None:
        (cp,) = report.checkpoints
        kinds = {d.eid: d.kind for d in cp.differences}
        # a space lost in 91-VI's stored text ("сфереобеспечения") and in the check point ("2015№")
        assert kinds.pop("art_27") == "spacing only"
        assert kinds.pop("art_13__subpara_5") == "spacing only"
        # 12-VI appended subparagraph 20); the editors turned the full stop of 19) into a
        # semicolon, which the act does not say: the difference names the acts around it
        diff = next(d for d in cp.differences if d.eid == "art_6__para_1__subpara_19")
        assert kinds.pop("art_6__para_1__subpara_19") == "different"
        assert (diff.replay or "").endswith("Казахстана.") and (diff.check or "").endswith("Казахстана;")
        assert "12-VI" in diff.acts
        assert kinds == {}

    def test_check_command_prints_the_table(self) -> None:
        out = _run("check", NS)
        assert "check point rus/2021-after-375-VI.md (rus) as of 2020-12-27" in out
        assert "agreement 99.73% of known units" in out
        assert "different art_6__para_1__subpara_19 [acts:" in out


class Test435V:
    """435-V (04.12.2015) takes effect on 2016-01-01: Article 13 and Article 23 p.6."""

    def test_show_contains_its_changes_with_their_source(self) -> None:
        data = json.loads(_run("show", NS, "--lang", "rus", "--as-of", "2016-01-02", "--format", "json"))
        units = {p["eid"]: p for p in data["provisions"]}
        sub5 = units["art_13__subpara_5"]
        assert sub5["status"] == "repealed" and sub5["source"] == ["435-V"] and sub5["since"] == "2016-01-01"
        assert sub5["text"].startswith("исключен Законом РК от 04.12.2015 № 435-V")
        for eid in ("art_13__subpara_6", "art_23__para_6__subpara_4", "art_23__para_6__subpara_6",
                    "art_23__para_6__subpara_7"):
            assert units[eid]["source"] == ["435-V"] and units[eid]["since"] == "2016-01-01", eid
        assert units["art_23__para_6__subpara_4"]["text"].startswith("управление или эксплуатация магистральными")

    def test_diff_shows_them_and_only_acts_in_effect_that_day(self) -> None:
        data = json.loads(_run("diff", NS, "2015-12-31", "2016-01-02", "--lang", "rus", "--format", "json"))
        ours = {c["eid"]: c for c in data["changes"] if "435-V" in c["acts"]}
        assert set(ours) == {"art_13__subpara_5", "art_13__subpara_6", "art_23__para_6__subpara_4",
                             "art_23__para_6__subpara_6", "art_23__para_6__subpara_7"}
        assert ours["art_13__subpara_5"]["change"] == "repealed"
        sure = [c for c in data["changes"] if c["change"] != "may_have_changed"]
        assert all(c["effective"] == ["2016-01-01"] for c in sure)
        # the other changes of that day come from the other acts in effect from 2016-01-01
        others = {a for c in sure for a in c["acts"]} - {"435-V"}
        assert others == {"376-V", "419-V"}
        # an act whose publication date is unknown may have taken effect inside the span: it is
        # named as such, with the interval its effect is known to lie in, never as a change
        doubtful = [c for c in data["changes"] if c["change"] == "may_have_changed"]
        assert doubtful, "417-V's interval overlaps the span"
        for c in doubtful:
            (interval,) = c["effective"]
            lo, hi = interval.split("/")
            assert lo <= "2016-01-02" and hi >= "2015-12-31", c


class TestForeignIntelligence:
    def test_2014_09_01_is_rebuilt_and_fully_known(self, lib: Library) -> None:
        view = lib.show(FI, dt.date(2014, 9, 1), lang="rus").view
        units = view.document.units
        assert not [e for e, p in units.items() if p.status is Status.UNKNOWN]
        # 185-V (07.04.2014) added Article 9-1; 227-V's item takes effect only on 2015-01-01
        assert (units["art_9-1"].heading or "").startswith("Компетенция органов военной разведки")
        assert view.versions["art_9-1"].acts == ("185-V",)
        later = lib.show(FI, dt.date(2015, 1, 1), lang="rus").view
        assert any("227-V" in v.acts for v in later.versions.values())
        assert not any("227-V" in v.acts for v in view.versions.values())

    def test_says_which_units_it_cannot_know_after_the_gap(self) -> None:
        out = _run("show", FI, "--as-of", "2021-01-01")
        assert "[текст на эту дату неизвестен]" in out
        assert "Vedomosti 2017 № 16, ст.56" in out  # the reason, once, with the count of units
        data = json.loads(_run("show", FI, "--as-of", "2021-01-01", "--format", "json"))
        unknown = [p for p in data["provisions"] if p["status"] == "unknown"]
        assert unknown and all("not in the corpus" in p["reason"] for p in unknown)

    def test_check_finds_no_problem(self, lib: Library) -> None:
        assert check_law(lib.law(FI)).problems == ()


class TestEnglishHistory:
    def test_article_2_1_exists_only_from_51_viii(self, lib: Library) -> None:
        before = lib.show(NS, dt.date(2024, 1, 4), lang="eng").view
        after = lib.show(NS, dt.date(2024, 1, 5), lang="eng").view
        assert "art_2-1" not in before.in_force().units
        assert before.document["art_2-1"].status is Status.NOT_YET_IN_EFFECT  # 51-VIII is law, not yet in effect
        assert before.coming["art_2-1"].acts == ("51-VIII",)
        assert after.document.units["art_2-1"].status is Status.IN_EFFECT

    def test_a_unit_touched_later_is_unknown_before_and_an_untouched_one_known(self, lib: Library) -> None:
        view = lib.show(NS, dt.date(2016, 1, 2), lang="eng").view
        units = view.document.units
        # 357-VI restated art. 15 p.1 subpara 4) in 2020: its earlier English wording is not known
        assert units["art_15__para_1__subpara_4"].status is Status.UNKNOWN
        assert "357-VI" in (view.versions["art_15__para_1__subpara_4"].reason or "")
        # Article 1 is named by no footnote and no act: the 2025 wording holds
        assert units["art_1"].status is Status.IN_EFFECT


@pytest.mark.parametrize("lang, day, source", [
    ("rus", dt.date(2020, 12, 27), "check"),
    ("eng", dt.date(2025, 6, 1), "base"),
])
def test_generated_footnotes_give_the_official_facts(lib: Library, lang: str, day: dt.date, source: str) -> None:
    """For every unit the official footnotes annotate: the same acts, adoption dates and rules."""
    law = lib.law(NS)
    snap = next(s for s in law.snapshots if s.lang == lang and s.role == source)
    official = read_snapshot(snap.path, law=NS, lang=lang)
    generated = lib.show(NS, day, lang=lang, notes=True).notes
    assert generated is not None
    compared = 0
    for unit in official.units.values():
        for note in unit.notes:
            if note.kind != "footnote" or not note.acts:
                continue
            subject = note.subject or unit.eid
            ours = [a for line in generated.get(subject, []) for a in parse_note(line, lang=lang).acts]
            assert [(a.number, a.adopted) for a in ours] == [(a.number, a.adopted) for a in note.acts], subject
            for theirs, mine in zip(note.acts, ours):
                assert mine.rule is not None and theirs.rule is not None, (subject, theirs.number)
                assert parse_rule(mine.rule, lang) == parse_rule(theirs.rule, lang), (subject, theirs.number)
            compared += 1
    assert compared >= 15
