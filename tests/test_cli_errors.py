"""Bad input gives one clear line naming file, act and operation, exit code 1,
and a traceback only with --debug; usage errors exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from consolidate.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A copy of the shipped corpus that a test may break."""
    shutil.copytree(ROOT / "amendments", tmp_path / "amendments")
    shutil.copytree(ROOT / "snapshots", tmp_path / "snapshots")
    return tmp_path


def _one_line(result: Result) -> str:
    lines = [l for l in result.output.splitlines() if l.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


class TestErrors:
    def test_unknown_law(self, runner: CliRunner) -> None:
        r = runner.invoke(main, ["show", "kz-no-such-law", "--as-of", "2020-01-01"])
        assert r.exit_code == 1
        line = _one_line(r)
        assert "kz-no-such-law" in line and "kz-national-security" in line

    @pytest.mark.parametrize("bad", ["2020-02-30", "2020-13-01", "yesterday", "2020-1-1x"])
    def test_impossible_date(self, runner: CliRunner, bad: str) -> None:
        r = runner.invoke(main, ["show", "kz-national-security", "--as-of", bad])
        assert r.exit_code == 1
        assert bad in _one_line(r) and "--as-of" in r.output

    def test_impossible_date_in_diff(self, runner: CliRunner) -> None:
        r = runner.invoke(main, ["diff", "kz-national-security", "2020-02-30", "2020-12-31"])
        assert r.exit_code == 1 and "2020-02-30" in _one_line(r)

    def test_malformed_act_file_names_the_file_and_line(self, runner: CliRunner, corpus: Path) -> None:
        bad = corpus / "amendments" / "kz-national-security" / "acts" / "2099-01-01_999-IX.toml"
        bad.write_text('number = "999-IX"\nadopted = 2099-01-01\n[[operations]\nplace = 1\n', encoding="utf-8")
        r = runner.invoke(main, ["--corpus", str(corpus), "show", "kz-national-security", "--as-of", "2020-01-01"])
        assert r.exit_code == 1
        line = _one_line(r)
        assert "2099-01-01_999-IX.toml" in line and "line 3" in line

    def test_missing_field_names_act_and_field(self, runner: CliRunner, corpus: Path) -> None:
        bad = corpus / "amendments" / "kz-national-security" / "acts" / "2099-01-01_999-IX.toml"
        bad.write_text('number = "999-IX"\nadopted = 2099-01-01\n[[operations]]\nplace = "art_1__para_1"\n'
                       'op = "repeal"\n', encoding="utf-8")
        r = runner.invoke(main, ["--corpus", str(corpus), "show", "kz-national-security", "--as-of", "2020-01-01"])
        assert r.exit_code == 1
        line = _one_line(r)
        assert "999-IX" in line and "art_1__para_1" in line and "'target'" in line

    def test_debug_shows_the_traceback(self, runner: CliRunner) -> None:
        r = runner.invoke(main, ["--debug", "show", "kz-no-such-law", "--as-of", "2020-01-01"])
        assert r.exit_code != 0 and r.exception is not None

    def test_usage_error_exits_2(self, runner: CliRunner) -> None:
        r = runner.invoke(main, ["show"])
        assert r.exit_code == 2
        r = runner.invoke(main, ["show", "kz-national-security", "--format", "pdf"])
        assert r.exit_code == 2


class TestHelp:
    @pytest.mark.parametrize("cmd", ["laws", "show", "diff", "timeline", "acts", "effective", "check"])
    def test_every_command_has_help_with_an_example(self, runner: CliRunner, cmd: str) -> None:
        r = runner.invoke(main, [cmd, "--help"])
        assert r.exit_code == 0
        assert "Example" in r.output and f"consolidate {cmd}" in r.output


class TestOperationErrors:
    def test_words_not_found_name_file_act_and_operation(self, runner: CliRunner, corpus: Path) -> None:
        bad = corpus / "amendments" / "kz-national-security" / "acts" / "2021-01-05_999-IX.toml"
        bad.write_text(
            'number = "999-IX"\nadopted = 2021-01-05\n[commencement]\neffective = 2021-01-20\n'
            '[[operations]]\nplace = "art_1__para_3__part_2"\nop = "replace_words"\n'
            'target = "art_15__para_1__subpara_4"\nline = 7\nold = "слова, которых нет"\nnew = "x"\n',
            encoding="utf-8",
        )
        r = runner.invoke(main, ["--corpus", str(corpus), "show", "kz-national-security", "--as-of", "2021-06-01"])
        assert r.exit_code == 1
        line = _one_line(r)
        for part in ("2021-01-05_999-IX.toml", "act 999-IX", "operation art_1__para_3__part_2",
                     "target art_15__para_1__subpara_4", "words not found: «слова, которых нет»"):
            assert part in line, line

    def test_unknown_eid_in_diff(self, runner: CliRunner) -> None:
        r = runner.invoke(main, ["diff", "kz-national-security", "2020-01-01", "2021-01-01", "--provision", "art_77"])
        assert r.exit_code == 1 and "art_77" in _one_line(r)
