"""``consolidate build`` (consolidate/build.py): every law and language of a corpus
compiled and indexed, in a pool of processes; a law that fails is named and the
others are built; what it writes does not depend on how many jobs wrote it."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench import gen
from consolidate import __main__ as entry
from consolidate.build import Built, build
from consolidate.cli import main
from consolidate.library import Library
from consolidate.render import output
from consolidate.store.diff_index import DiffIndex
from consolidate.store.files import Store
from consolidate.store.text_index import Index

from .factories import settle

REPO = Path(__file__).resolve().parents[1]
FI = "kz-foreign-intelligence"
LAWS = sorted([FI, "kz-fi-copy", gen.SLUG])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Law on foreign intelligence, a copy of it under another name, and a small generated law."""
    root = tmp_path_factory.mktemp("corpus")
    gen.copy_law(REPO, FI, root, FI)
    gen.copy_law(REPO, FI, root, "kz-fi-copy")
    gen.generate(root, scale=0.01, seed=3)
    settle(root)
    return root


def run(root: Path, cache: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(root), "build", *args],
                              env={"CONSOLIDATE_CACHE": str(cache), "NO_COLOR": "1"})


def stored(cache: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(cache.iterdir())}


class TestBuild:
    def test_every_law_and_language_is_indexed_and_a_show_is_answered_from_it(
            self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        cache = tmp_path / "cache"
        result = run(corpus, cache, "--jobs", "2")
        assert result.exit_code == 0, result.output
        lines = result.stderr.splitlines()
        assert len(lines) == len(LAWS)
        assert sorted(line.split()[1] for line in lines) == LAWS
        assert all(line.startswith(f"[{i}/{len(LAWS)}] ") and line.endswith(" s") and "(rus)" in line
                   for i, line in enumerate(lines, 1))
        assert result.stdout == ""
        names = set(os.listdir(cache))
        for slug in LAWS:
            assert Index.open(str(cache), str(corpus), slug, "rus") is not None, slug
            assert DiffIndex.open(str(cache), str(corpus), slug, "rus") is not None, slug
            assert any(n.startswith(f"{slug}.rus.") and n.endswith(".timeline") for n in names), slug
        # the quick path answers from what build wrote, exactly as the full engine (no store) does
        monkeypatch.setenv("CONSOLIDATE_CACHE", str(cache))
        monkeypatch.setenv("NO_COLOR", "1")
        reference = Library.open(corpus, store=Store(None))
        for slug in LAWS:
            for day in (dt.date(2012, 3, 1), dt.date(2020, 12, 31)):
                out = io.BytesIO()
                assert entry.quick(["--corpus", str(corpus), "show", slug, "--as-of", day.isoformat()], out), slug
                assert out.getvalue() == output.show(reference.show(slug, day, lang="rus"), fmt="text").encode()
            out = io.BytesIO()
            assert entry.quick(["--corpus", str(corpus), "diff", slug, "2011-01-01", "2016-12-31"], out), slug
            want = reference.diff(slug, dt.date(2011, 1, 1), dt.date(2016, 12, 31), lang="rus")
            assert out.getvalue() == output.diff(want, fmt="text", color=False).encode()

    def test_one_job_and_two_write_the_same_files(self, corpus: Path, tmp_path: Path) -> None:
        one, two = tmp_path / "one", tmp_path / "two"
        assert run(corpus, one, "--jobs", "1").exit_code == 0
        assert run(corpus, two, "--jobs", "2").exit_code == 0
        assert stored(one) == stored(two)
        assert len(stored(one)) >= 3 * len(LAWS)  # a time line, a text index and a diff index each

    def test_named_laws_and_languages_only(self, tmp_path: Path) -> None:
        root = tmp_path / "corpus"
        gen.copy_law(REPO, FI, root, FI)
        gen.copy_law(REPO, "kz-national-security", root, "kz-national-security")
        settle(root)
        cache = tmp_path / "cache"
        result = run(root, cache, "kz-national-security", "--lang", "kaz", "--lang", "eng")
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith("[1/1] kz-national-security (kaz, eng) ")
        assert {n.split(".")[:2][1] for n in os.listdir(cache)} == {"kaz", "eng"}
        assert not any(n.startswith(FI) for n in os.listdir(cache))

    def test_a_law_named_without_the_language_asked_for_fails(self, corpus: Path, tmp_path: Path) -> None:
        result = run(corpus, tmp_path / "cache", FI, "--lang", "kaz")
        assert result.exit_code == 1
        assert f"{FI} failed: no text in kaz (it has rus)" in result.stderr

    def test_a_law_that_does_not_build_is_named_and_the_others_are_built(self, corpus: Path, tmp_path: Path) -> None:
        root = tmp_path / "corpus"
        for slug in (FI, "kz-broken"):
            gen.copy_law(corpus, FI, root, slug)
        gen.copy_law(corpus, gen.SLUG, root, gen.SLUG)
        act = root / "amendments" / "kz-broken" / "acts" / "2012-02-13_553-IV.toml"
        act.write_text(act.read_text(encoding="utf-8").replace("[[operations]]", "[[operations]\n", 1),
                       encoding="utf-8")
        settle(root)
        cache = tmp_path / "cache"
        result = run(root, cache, "--jobs", "2")
        assert result.exit_code == 1
        failed = [line for line in result.stderr.splitlines() if "kz-broken" in line]
        assert len(failed) == 2 and " kz-broken failed: " in failed[0] and "2012-02-13_553-IV.toml" in failed[0]
        assert failed[1] == "consolidate: error: 1 of 3 law(s) failed to build: kz-broken"
        for slug in (FI, gen.SLUG):
            assert Index.open(str(cache), str(root), slug, "rus") is not None
        assert not any(n.startswith("kz-broken.") and not n.endswith(".key") for n in os.listdir(cache))

    def test_files_changed_just_now_are_compiled_but_not_indexed(self, tmp_path: Path) -> None:
        root = tmp_path / "corpus"
        gen.copy_law(REPO, FI, root, FI)  # not settled: the store records nothing of these files yet
        result = run(root, tmp_path / "cache", "--jobs", "1")
        assert result.exit_code == 0
        assert "(indexes not written for rus: files changed in the last 2 s)" in result.stderr

    @pytest.mark.parametrize("args,message", [
        (["kz-nothing"], "no law 'kz-nothing' in the corpus"),
        (["--jobs", "0"], "--jobs must be a whole number of at least 1 (got '0')"),
        (["--jobs", "two"], "--jobs must be a whole number of at least 1 (got 'two')"),
    ])
    def test_bad_input_is_one_line_and_nothing_is_built(self, corpus: Path, tmp_path: Path, args: list[str],
                                                         message: str) -> None:
        result = run(corpus, tmp_path / "cache", *args)
        assert result.exit_code == 1
        assert result.stderr.startswith("consolidate: error: ") and message in result.stderr
        assert result.stderr.count("\n") == 1
        assert not (tmp_path / "cache").exists()

    def test_with_the_store_off_there_is_nothing_to_build(self, corpus: Path) -> None:
        result = CliRunner().invoke(main, ["--corpus", str(corpus), "build"], env={"CONSOLIDATE_CACHE": "off"})
        assert result.exit_code == 1
        assert "the store is off" in result.stderr


def test_each_law_is_reported_as_it_is_done(corpus: Path, tmp_path: Path) -> None:
    """The library's side: one :class:`Built` per law, whatever the number of jobs."""
    lib = Library.open(corpus, store=Store(str(tmp_path / "cache")))
    for jobs in (1, 2):
        done = list(build(lib, jobs=jobs))
        assert sorted(b.law for b in done) == LAWS and all(isinstance(b, Built) and b.ok for b in done)
        assert all(b.langs == ("rus",) and b.seconds >= 0 for b in done)
