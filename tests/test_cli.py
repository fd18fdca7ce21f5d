"""The CLI on the shipped corpus: the contract of DESIGN.md."""

from __future__ import annotations

import json
from typing import Protocol

import pytest
from click.testing import CliRunner

from consolidate.cli import main


class Run(Protocol):
    """The ``run`` fixture: the command line's output for these arguments (which must succeed)."""

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> str: ...


@pytest.fixture(scope="module")
def run() -> Run:
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> str:
        result = runner.invoke(main, list(args), env=env, color=True)
        assert result.exit_code == 0, result.output
        return result.output

    return invoke


class TestDiff:
    def test_357_vi_and_365_vi_exactly(self, run: Run) -> None:
        data = json.loads(run("diff", "kz-national-security", "2020-07-01", "2020-12-31", "--lang", "rus",
                              "--format", "json"))
        assert set(data) >= {"law", "from", "to", "changes"}
        by_eid = {c["eid"]: c for c in data["changes"]}
        sub4 = by_eid.pop("art_15__para_1__subpara_4")
        assert sub4["change"] == "modified" and sub4["acts"] == ["357-VI"] and sub4["effective"] == ["2020-07-17"]
        assert sub4["after"].startswith("уполномоченный орган по делам государственной службы")
        add = by_eid.pop("art_15__para_1__subpara_6-1")
        assert add["change"] == "added" and add["acts"] == ["365-VI"] and add["effective"] == ["2020-10-18"]
        assert add["before"] is None and add["after"].startswith("уполномоченный орган по противодействию коррупции")
        # nothing else changes in that span but what other acts in effect then did
        assert all(set(c["acts"]) - {"357-VI", "365-VI"} for c in by_eid.values()), by_eid

    def test_text_redline_names_acts_and_dates_without_colour_when_piped(self, run: Run) -> None:
        out = run("diff", "kz-national-security", "2020-07-01", "2020-12-31", "--lang", "rus")
        assert "357-VI of 03.07.2020" in out and "2020-07-17" in out
        assert "365-VI of 06.10.2020" in out and "2020-10-18" in out
        # the old wording is the real one of 2020-07-01 (after 248-V), the new one 357-VI's
        assert "4) [-органы-]{+уполномоченный орган+} по делам государственной службы" in out
        assert "between 2020-11-27 and 2020-12-27 (publication date unknown)" in out  # 375-VI
        assert "\x1b[" not in out

    def test_colour_can_be_forced(self, run: Run) -> None:
        out = run("diff", "kz-national-security", "2020-07-01", "2020-12-31", env={"FORCE_COLOR": "1"})
        assert "\x1b[" in out
        out = run("diff", "kz-national-security", "2020-07-01", "2020-12-31",
                  env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
        assert "\x1b[" not in out

    def test_a_date_with_itself_has_no_changes(self, run: Run) -> None:
        data = json.loads(run("diff", "kz-national-security", "2020-10-18", "2020-10-18", "--format", "json"))
        assert data["changes"] == []


class TestShow:
    def test_json_lists_every_unit_with_the_contract_fields(self, run: Run) -> None:
        data = json.loads(run("show", "kz-national-security", "--lang", "rus", "--as-of", "2014-06-01",
                              "--format", "json"))
        assert data["law"] == "kz-national-security" and data["lang"] == "rus" and data["as_of"] == "2014-06-01"
        units = data["provisions"]
        assert len(units) > 300
        for u in units:
            assert set(u) >= {"eid", "kind", "num", "heading", "text", "status", "since", "source"}
        kinds = {u["kind"] for u in units}
        assert kinds >= {"chapter", "article", "paragraph", "subparagraph", "part"}
        eids = [u["eid"] for u in units]
        assert eids.index("art_2") < eids.index("art_15") < eids.index("art_15__para_1__subpara_4")

    def test_provision_lists_what_refers_to_it(self, run: Run) -> None:
        data = json.loads(run("show", "kz-national-security", "--as-of", "2020-12-31",
                              "--provision", "art_20__para_4__subpara_2", "--format", "json"))
        (unit,) = data["provisions"]
        assert "art_30__para_1" in unit["referrers"]

    def test_provision_text_shows_only_that_unit(self, run: Run) -> None:
        out = run("show", "kz-national-security", "--as-of", "2020-12-31", "--provision", "art_15__para_1__subpara_6-1")
        assert "6-1) уполномоченный орган по противодействию коррупции" in out
        assert "Статья 14" not in out

    def test_notes_generate_footnotes_in_the_laws_style(self, run: Run) -> None:
        out = run("show", "kz-national-security", "--as-of", "2020-12-31", "--provision", "art_15", "--notes")
        line = next(l.strip() for l in out.splitlines() if l.strip().startswith("Сноска. Статья 15"))
        assert "от 03.07.2020 № 357-VI (вводится в действие по истечени" in line
        assert "от 06.10.2020 № 365-VI" in line

    @pytest.mark.parametrize("fmt, marker", [("md", "### Статья 15."), ("html", 'id="art_15__para_1__subpara_6-1"'),
                                             ("akn", 'eId="art_15__para_1__subpara_6-1"')])
    def test_other_formats(self, run: Run, fmt: str, marker: str) -> None:
        assert marker in run("show", "kz-national-security", "--as-of", "2020-12-31", "--format", fmt)

    def test_unknown_provision_is_an_error(self) -> None:
        r = CliRunner().invoke(main, ["show", "kz-national-security", "--as-of", "2020-12-31", "--provision", "art_99"])
        assert r.exit_code == 1 and "art_99" in r.output


class TestTimeline:
    def test_versions_of_one_unit(self, run: Run) -> None:
        data = json.loads(run("timeline", "kz-national-security", "--provision", "art_15__para_1__subpara_6-1",
                              "--format", "json"))
        assert data["eid"] == "art_15__para_1__subpara_6-1"
        assert data["versions"][0]["status"] == "absent"
        added = next(v for v in data["versions"] if "365-VI" in v["acts"])
        assert added["from"] == "2020-10-18" and added["status"] == "in_effect"

    def test_laws(self, run: Run) -> None:
        out = run("laws")
        assert "kz-national-security" in out and "kz-foreign-intelligence" in out
