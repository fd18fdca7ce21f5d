"""The importer (consolidate.importer) and the corpus it writes.

The importer runs on copies of the laws' folders under ``tmp_path``; the
shipped act files are the reference it must reproduce byte for byte.
"""

from __future__ import annotations

import shutil
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner

from consolidate.library import check_law
from consolidate.cli import main as cli
from consolidate.corpus import Corpus
from consolidate.formats.law_file import load_law
from consolidate.errors import DataError, ParseError
from consolidate.importer import import_law, main, read_source
from consolidate.grammar.instructions import parse_item
from consolidate.library import Library

ROOT = Path(__file__).resolve().parents[1]
LAWS = {"kz-national-security": "527-IV", "kz-foreign-intelligence": "277-IV"}


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSOLIDATE_CACHE", "off")


def copy_law(slug: str, tmp_path: Path) -> Path:
    """The law's folder (law.toml, sources, acts) copied under tmp_path, sources writable."""
    dst = tmp_path / slug
    shutil.copytree(ROOT / "amendments" / slug, dst)
    assert (dst / "law.toml").read_bytes() == (ROOT / "amendments" / slug / "law.toml").read_bytes()
    for p in (dst / "sources").iterdir():
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    return dst


def files(acts: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(acts.iterdir())}


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def dump(path: Path, data: dict[str, Any]) -> None:
    path.write_bytes(tomli_w.dumps(data, multiline_strings=False).encode("utf-8"))


def source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def russian(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The operations read from the Russian text (an act file holds the Kazakh ones too, ``lang = "kaz"``)."""
    return [op for op in ops if op.get("lang", "rus") == "rus"]


def line_no(path: Path, fragment: str) -> int:
    hits = [i + 1 for i, s in enumerate(source_lines(path)) if fragment in s]
    assert len(hits) == 1, (path, fragment, hits)
    return hits[0]


# --- (a) regeneration ------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(LAWS))
def test_regeneration_reproduces_the_committed_act_files(slug: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    law_dir = copy_law(slug, tmp_path)
    committed = files(ROOT / "amendments" / slug / "acts")
    n_sources = len(list((law_dir / "sources").glob("*.md")))
    assert main([str(law_dir)]) == 0
    assert f"{law_dir}: {n_sources} act files written" in capsys.readouterr().err
    assert files(law_dir / "acts") == committed  # same names, same bytes, no temporary files left
    assert main([str(law_dir)]) == 0  # and again: regeneration is idempotent
    assert files(law_dir / "acts") == committed


def test_the_written_file_says_where_it_comes_from(tmp_path: Path) -> None:
    law_dir = copy_law("kz-national-security", tmp_path)
    written = import_law(law_dir)
    assert [p.name for p in written] == sorted(p.stem + ".toml" for p in (law_dir / "sources").glob("*.md"))
    text = (law_dir / "acts" / "2020-07-03_357-VI.toml").read_text(encoding="utf-8")
    assert text.startswith("# Written by `consolidate import` from sources/2020-07-03_357-VI.md;")
    data = load(law_dir / "acts" / "2020-07-03_357-VI.toml")
    assert data["source"] == {"file": "sources/2020-07-03_357-VI.md",
                              "upstream": "quyse/kz-laws rus/144589.md @ 03be24a50cc3"}


def test_acts_without_a_source_are_left_alone(tmp_path: Path) -> None:
    law_dir = copy_law("kz-national-security", tmp_path)
    stray = law_dir / "acts" / "2012-06-21_19-V.toml"
    stray.write_bytes(stray.read_bytes() + b"# touched by hand\n")
    before = stray.read_bytes()
    import_law(law_dir)
    assert stray.read_bytes() == before


def test_facts_of_the_existing_file_are_kept_and_its_reading_replaced(tmp_path: Path) -> None:
    law_dir = copy_law("kz-national-security", tmp_path)
    path = law_dir / "acts" / "2020-07-03_357-VI.toml"
    data = load(path)
    reading = data["operations"]
    data["publication"] = {"date": data["publication"]["date"], "source": "a person's note", "inferred": True}
    data["footnote"]["touches"] = ["art_15", "art_16"]
    data["commencement"]["text"] = "stale"
    data["operations"] = [dict(reading[0], text="stale")] + [op for op in reading if op not in russian(reading)]
    dump(path, data)
    import_law(law_dir)
    new = load(path)
    assert new["publication"] == data["publication"] and new["footnote"] == data["footnote"]
    assert new["operations"] == reading
    assert new["commencement"]["text"].startswith("Статья 2.")


def test_file_modes(tmp_path: Path) -> None:
    """A new act file is readable by all (mkstemp's 0600 is not kept); a replaced one keeps its mode."""
    law_dir = copy_law("kz-national-security", tmp_path)
    new = law_dir / "acts" / "2020-07-03_357-VI.toml"
    new.unlink()
    kept = law_dir / "acts" / "2020-10-06_365-VI.toml"
    kept.chmod(0o640)
    import_law(law_dir)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


# --- the entry-into-force article and the source's facts -------------------------------


class TestReadSource:
    def test_commencement_keeps_the_official_typo_357_vi(self, tmp_path: Path) -> None:
        path = ROOT / "amendments" / "kz-national-security" / "sources" / "2020-07-03_357-VI.md"
        n = line_no(path, "Настоящий Закон вводится в действие по истечениидесяти")
        src = read_source(path, "527-IV")
        assert src is not None
        assert src.commencement == source_lines(path)[n - 1]
        assert "истечениидесяти" in src.commencement
        assert (src.number, src.adopted.isoformat(), src.article, src.item) == ("357-VI", "2020-07-03", 1, 4)
        law_dir = copy_law("kz-national-security", tmp_path)
        import_law(law_dir)
        assert load(law_dir / "acts" / "2020-07-03_357-VI.toml")["commencement"]["text"] == src.commencement

    def test_a_commencement_of_several_paragraphs_12_vi(self) -> None:
        path = ROOT / "amendments" / "kz-national-security" / "sources" / "2016-07-26_12-VI.md"
        src = read_source(path, "527-IV")
        assert src is not None and src.commencement is not None
        paras = src.commencement.split("\n")
        assert paras[0] == "Статья 2."
        assert paras[1].startswith("1. Настоящий Закон вводится в действие по истечении тридцати")
        assert paras[-1].startswith("2. Абзац третий подпункта 4) пункта 21 статьи 1")
        assert all(p == p.strip() and p for p in paras)

    def test_the_appendix_block_for_the_other_law_244_v(self) -> None:
        path = ROOT / "amendments" / "kz-national-security" / "sources" / "2014-11-03_244-V.md"
        ns, fi = read_source(path, "527-IV"), read_source(path, "277-IV")
        assert ns is not None and fi is not None
        assert (ns.item, fi.item) == (16, 14)
        head = line_no(path, "Appendix: the same law also amends the foreign-intelligence Law 277-IV")
        assert fi.block[0][0] == head + 2 and fi.block[0][1].strip().startswith("14. В Закон")
        assert "«О внешней разведке»" in fi.block[0][1]
        # the same entry-into-force article for both
        assert ns.commencement == fi.commencement

    def test_a_source_without_a_block_for_the_law(self) -> None:
        path = ROOT / "amendments" / "kz-national-security" / "sources" / "2020-07-03_357-VI.md"
        assert read_source(path, "277-IV") is None

    def test_a_source_must_be_named_by_date_and_number(self, tmp_path: Path) -> None:
        bad = tmp_path / "357-VI.md"
        bad.write_text("# nothing\n", encoding="utf-8")
        with pytest.raises(DataError, match="named"):
            read_source(bad, "527-IV")

    def test_an_unfenced_block(self, tmp_path: Path) -> None:
        src = ROOT / "amendments" / "kz-national-security" / "sources" / "2020-07-03_357-VI.md"
        lines = source_lines(src)
        head = next(i for i, s in enumerate(lines) if s.startswith("## (a) Instruction block for 527-IV"))
        closing = lines.index("====", head + 2)
        bad = tmp_path / src.name
        bad.write_text("\n".join(lines[:closing] + ["## (b) Entry-into-force article"]), encoding="utf-8")
        with pytest.raises(ParseError, match="never closed") as info:
            read_source(bad, "527-IV")
        assert info.value.file == str(bad) and info.value.line == head + 2


# --- (b) hand corrections --------------------------------------------------------


class TestCorrections:
    ACT = "2014-04-11_189-V.toml"
    PLACE = "art_1__para_34__subpara_2__part_2"  # «в подпункте 7) слово «последствий» исключить;»

    def correct(self, law_dir: Path, name: str, **corr: object) -> Path:
        path = law_dir / "acts" / name
        data = load(path)
        data.setdefault("corrections", []).append(corr)
        dump(path, data)
        return path

    def test_is_applied_and_kept_on_every_import(self, tmp_path: Path) -> None:
        law_dir = copy_law("kz-national-security", tmp_path)
        committed = load(law_dir / "acts" / self.ACT)["operations"]
        corr = {"place": self.PLACE, "field": "words", "value": "последствия",
                "reason": "test: a reading a person corrected"}
        path = self.correct(law_dir, self.ACT, **corr)
        assert main([str(law_dir)]) == 0
        data = load(path)
        assert data["corrections"] == [corr]
        ops = {op["place"]: op for op in russian(data["operations"])}
        assert ops[self.PLACE]["words"] == "последствия"
        assert [op for op in data["operations"] if op["place"] != self.PLACE] == [
            op for op in committed if op["place"] != self.PLACE]
        first = path.read_bytes()
        assert main([str(law_dir)]) == 0
        assert path.read_bytes() == first
        # and the corrected file is one the corpus reads
        law = load_law(law_dir, ROOT / "snapshots")
        (act,) = [a for a in law.acts if a.number == "189-V"]
        assert [getattr(op, "words", None) for op in act.operations
                if op.place == self.PLACE and op.lang == "rus"] == ["последствия"]

    def test_a_target_picks_one_of_the_operations_at_a_place(self, tmp_path: Path) -> None:
        """435-V item 14 sub-item 2 restates three subparagraphs in one instruction."""
        law_dir = copy_law("kz-national-security", tmp_path)
        place, target = "art_1__para_14__subpara_2__part_1", "art_23__para_6__subpara_7"
        path = self.correct(law_dir, "2015-12-04_435-V.toml", place=place, target=target, field="line",
                            value=26, reason="test")
        import_law(law_dir)
        lines = {op["target"]: op["line"] for op in russian(load(path)["operations"]) if op["place"] == place}
        assert lines == {"art_23__para_6__subpara_4": 20, "art_23__para_6__subpara_6": 20, target: 26}

    @pytest.mark.parametrize(("corr", "why"), [
        ({"place": "art_1__para_34__subpara_3__part_1", "field": "words", "value": "x", "reason": "gone"},
         "matches 0 operations"),
        ({"place": "art_1__para_14__subpara_2__part_1", "field": "line", "value": 1, "reason": "which one?"},
         "matches 3 operations"),
        ({"place": PLACE, "field": "words", "value": "x"}, "needs place, field, value and reason"),
    ], ids=["no-such-place", "ambiguous", "no-reason"])
    def test_one_that_matches_no_single_operation_is_an_error_naming_the_act_file(
        self, corr: dict[str, Any], why: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        law_dir = copy_law("kz-national-security", tmp_path)
        name = "2015-12-04_435-V.toml" if "para_14" in corr["place"] else self.ACT
        path = self.correct(law_dir, name, **corr)
        before = files(law_dir / "acts")
        with pytest.raises(DataError, match=why) as info:
            import_law(law_dir)
        assert info.value.file == str(path)
        assert main([str(law_dir)]) == 1
        assert str(path) in capsys.readouterr().err
        assert files(law_dir / "acts") == before


# --- (c) a source that does not parse ----------------------------------------------


def test_an_unreadable_source_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    law_dir = copy_law("kz-national-security", tmp_path)
    acts = law_dir / "acts"
    # what a run that wrote act by act would change: a missing file and a stale one,
    # both of sources that come before the broken one
    (acts / "2012-04-27_15-V.toml").unlink()
    stale = acts / "2013-07-03_124-V.toml"
    data = load(stale)
    data["operations"][0]["text"] = "stale"
    dump(stale, data)
    before = files(acts)
    # the last source, 141-VII, with one instruction the grammar cannot read
    broken = law_dir / "sources" / "2022-07-14_141-VII.md"
    assert broken == sorted((law_dir / "sources").glob("*.md"))[-1]
    n = line_no(broken, "пункт 7 после слова «связи» дополнить словами «и информации».")
    lines = source_lines(broken)
    lines[n - 1] = lines[n - 1].replace("дополнить словами", "пополнить словами")
    broken.write_text("\n".join(lines), encoding="utf-8")

    assert main([str(law_dir)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:{n}" in err
    assert "пункт 7 после слова «связи» пополнить словами «и информации»." in err
    assert files(acts) == before  # nothing written, no temporary file left


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: python -m consolidate.importer amendments/<law>" in capsys.readouterr().err


# --- the corpus the importer writes ---------------------------------------------


@pytest.mark.parametrize("slug", sorted(LAWS))
def test_every_act_file_loads_with_the_reading_of_its_source(slug: str) -> None:
    law = load_law(ROOT / "amendments" / slug, ROOT / "snapshots")
    with_source = [a for a in law.acts if a.source_file]
    assert len(with_source) == len(list((ROOT / "amendments" / slug / "sources").glob("*.md")))
    for act in with_source:
        assert act.source_file is not None
        src = read_source(law.directory / act.source_file, LAWS[slug])
        assert src is not None
        records = parse_item(src.block, article=src.article, file=str(src.path))
        assert act.operations_available
        assert [(op.place, op.target, op.line, op.instruction) for op in act.operations if op.lang == "rus"] == [
            (r.place, r.target, r.line, r.instruction) for r in records]


@pytest.mark.parametrize("slug", sorted(LAWS))
def test_check_reports_no_problems(slug: str) -> None:
    report = check_law(Corpus(ROOT).law(slug))
    assert report.problems == (), "\n".join(report.problems)
    assert report.operations == sum(len(a.operations) for a in load_law(ROOT / "amendments" / slug,
                                                                         ROOT / "snapshots").acts)
    result = CliRunner().invoke(cli, ["check", slug], env={"CONSOLIDATE_CACHE": "off"})
    assert result.exit_code == 0, result.output
    assert "every operation applies on its date" in result.output


def test_a_stated_effective_date_is_kept(tmp_path: Path) -> None:
    law_dir = copy_law("kz-national-security", tmp_path)
    path = law_dir / "acts" / "2020-07-03_357-VI.toml"
    data = load(path)
    data["commencement"]["effective"] = load(path)["adopted"]
    dump(path, data)
    import_law(law_dir)
    assert load(path)["commencement"]["effective"] == data["adopted"]


def test_a_broken_act_file_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    law_dir = copy_law("kz-national-security", tmp_path)
    path = law_dir / "acts" / "2020-07-03_357-VI.toml"
    path.write_text("number = \n", encoding="utf-8")
    assert main([str(law_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err and err.count("\n") == 1
    assert "2020-07-03_357-VI.toml" in err and "malformed TOML" in err and "line 1 column 10" in err
    assert path.read_text(encoding="utf-8") == "number = \n"  # nothing written
