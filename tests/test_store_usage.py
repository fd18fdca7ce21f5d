"""``consolidate cache`` (consolidate/store/usage.py): the store's size by kind of file,
and ``--prune``, which removes what no current input of the corpus points at and
keeps everything that it does point at (and other corpus folders' files)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench import gen
from consolidate.cli import main
from consolidate.store.usage import STALE_WRITE

from .factories import settle

REPO = Path(__file__).resolve().parents[1]
FI = "kz-foreign-intelligence"


def cli(root: Path, cache: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(root), *args],
                              env={"CONSOLIDATE_CACHE": str(cache), "NO_COLOR": "1"})


def total(out: str) -> int:
    return bytes_on(out, "total:")


def bytes_on(out: str, word: str) -> int:
    """The byte count on the line of a report that starts with ``word``."""
    line = next(line for line in out.splitlines() if line.strip().startswith(word))
    return int(line.rsplit("(", 1)[1].split()[0].replace(",", ""))


def size(cache: Path) -> int:
    return sum(p.stat().st_size for p in cache.iterdir())


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for slug in (FI, "kz-fi-copy"):
        gen.copy_law(REPO, FI, root, slug)
    settle(root)
    return root


class TestReport:
    def test_an_empty_store(self, corpus: Path, tmp_path: Path) -> None:
        result = cli(corpus, tmp_path / "cache", "cache")
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0] == str(tmp_path / "cache")
        assert total(result.stdout) == 0

    def test_the_size_is_what_the_folder_holds_by_kind(self, corpus: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        assert cli(corpus, cache, "build", "--jobs", "1").exit_code == 0
        out = cli(corpus, cache, "cache").stdout
        assert total(out) == size(cache) > 0
        kinds = {"time lines": ".timeline", "text indexes": ".textindex", "diff indexes": ".diffindex"}
        for label, suffix in kinds.items():
            assert bytes_on(out, label) == sum(p.stat().st_size for p in cache.glob(f"*{suffix}")), label
            assert f"{label}: 2 file(s)" in out

    def test_the_store_off(self, corpus: Path) -> None:
        result = CliRunner().invoke(main, ["--corpus", str(corpus), "cache"], env={"CONSOLIDATE_CACHE": "off"})
        assert result.exit_code == 1
        assert result.stderr == "consolidate: error: the store is off (CONSOLIDATE_CACHE=off): nothing is kept " \
                                "between runs\n"


class TestPrune:
    def test_what_current_inputs_point_at_is_kept(self, corpus: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        assert cli(corpus, cache, "build", "--jobs", "1").exit_code == 0
        assert cli(corpus, cache, "show", FI, "--as-of", "2015-01-01", "--known-on", "2014-01-01").exit_code == 0
        before = {p.name: p.read_bytes() for p in cache.iterdir()}
        result = cli(corpus, cache, "cache", "--prune")
        assert result.exit_code == 0, result.output
        assert "removed 0 file(s)" in result.stdout
        assert bytes_on(result.stdout, "before:") == bytes_on(result.stdout, "after:") == size(cache)
        assert {p.name: p.read_bytes() for p in cache.iterdir()} == before

    def test_what_nothing_points_at_is_removed(self, corpus: Path, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        assert cli(corpus, cache, "build", "--jobs", "1").exit_code == 0
        assert cli(corpus, cache, "show", FI, "--as-of", "2015-01-01", "--known-on", "2014-01-01").exit_code == 0
        # another corpus folder's files are not this corpus's to judge
        other = tmp_path / "other"
        gen.copy_law(REPO, FI, other, FI)
        settle(other)
        assert cli(other, cache, "build", FI).exit_code == 0
        theirs = {p.name for p in cache.iterdir() if f".{_crc(other)}." in p.name}
        assert {n.rsplit(".", 1)[1] for n in theirs} == {"timeline", "key", "textindex", "diffindex"}
        # a law removed, an act of the other changed: its time lines (also the known-on one), its
        # memo and its indexes are stale
        shutil.rmtree(corpus / "amendments" / "kz-fi-copy")
        act = corpus / "amendments" / FI / "acts" / "2011-01-06_379-IV.toml"
        act.write_text(act.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        settle(corpus)
        leftover = cache / f".{FI}.rus.{_crc(corpus)}.textindex.abc.tmp"
        leftover.write_bytes(b"x" * 100)
        old = time.time() - STALE_WRITE - 60
        os.utime(leftover, (old, old))
        in_progress = cache / f".{FI}.rus.{_crc(corpus)}.diffindex.def.tmp"
        in_progress.write_bytes(b"y")
        names, before = {p.name for p in cache.iterdir()}, size(cache)
        result = cli(corpus, cache, "cache", "--prune")
        assert result.exit_code == 0, result.output
        left = {p.name for p in cache.iterdir()}
        assert left == theirs | {in_progress.name}
        assert bytes_on(result.stdout, "before:") == before > bytes_on(result.stdout, "after:") == size(cache)
        assert f"removed {len(names - left)} file(s)" in result.stdout
        # and what is left still answers, the same as before the prune
        assert cli(corpus, cache, "build", "--jobs", "1").exit_code == 0
        assert "removed 0 file(s)" in cli(corpus, cache, "cache", "--prune").stdout


def _crc(root: Path) -> str:
    import zlib

    return f"{zlib.crc32(os.path.abspath(root).encode()):08x}"
