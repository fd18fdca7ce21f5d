"""The text index (consolidate/store/text_index.py): on every date it answers, it gives
exactly the text of the full engine's ``show``; it answers nothing it cannot
say exactly, and nothing when stale, corrupt or built by other code."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bench import gen
from consolidate import __main__ as entry
from consolidate import options
from consolidate.library import Library
from consolidate.render import output
from consolidate.store import files
from consolidate.store import text_index as textindex

from .factories import generated, settle

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, SupportsLenAndGetItem

REPO = Path(__file__).resolve().parents[1]
REAL = [("kz-national-security", "rus"), ("kz-national-security", "eng"), ("kz-national-security", "kaz"),
        ("kz-foreign-intelligence", "rus")]


def full_show(lib: Library, slug: str, lang: str, day: dt.date) -> bytes:
    return output.show(lib.show(slug, day, lang=lang), fmt="text").encode("utf-8")


def index_of(lib: Library, slug: str, lang: str) -> textindex.Index:
    return textindex.Index.read(textindex.build(lib.timeline(slug, lang), str(lib.corpus.root)))


def windows(ix: textindex.Index) -> set[tuple[int, int]]:
    """The intervals in which acts of unknown first publication took effect."""
    return {(lo, hi) for *_row, doubts in ix.header["notes"] for lo, hi, _a, _n in doubts}


def assert_same(lib: Library, ix: textindex.Index, slug: str, lang: str, day: dt.date) -> None:
    got = ix.text(day)
    if day < lib.law(slug).adopted:
        assert got is None and ix.text_str(day) is None  # the full engine says why there is no text
    else:
        assert got is not None, day
        assert got == full_show(lib, slug, lang, day), day
        assert ix.text_str(day) == got.decode("utf-8")  # the in-process lookup, by runs of rows


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open(REPO)


@pytest.mark.parametrize("slug,lang", REAL)
def test_every_version_date_of_the_real_laws(lib: Library, slug: str, lang: str) -> None:
    """The day of each change, the day before it, and the days around the
    windows of acts whose publication is unknown."""
    ix = index_of(lib, slug, lang)
    tl = lib.timeline(slug, lang)
    days = {d for d, _ in tl.events} | {lib.law(slug).adopted, dt.date(2026, 1, 1)}
    days |= {dt.date.fromordinal(o) for lo, hi in windows(ix) for o in (lo - 1, lo, hi - 1, hi)}
    days |= {d - dt.timedelta(days=1) for d in list(days)}
    assert windows(ix) and any(note[3] for note in ix.header["notes"])  # warnings and unknown units are tried
    for day in sorted(days):
        assert_same(lib, ix, slug, lang, day)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)), which=st.sampled_from(REAL))
def test_any_date_of_the_real_laws(lib: Library, day: dt.date, which: tuple[str, str]) -> None:
    slug, lang = which
    assert_same(lib, index_of(lib, slug, lang), slug, lang, day)


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_generated_laws(tmp_path_factory: pytest.TempPathFactory, seed: int, data: st.DataObject) -> None:
    """Generated laws with every kind of operation (inserted, repealed,
    renumbered and expired units, whole articles and chapters)."""
    glib, event_days = generated(tmp_path_factory.mktemp("gen"), seed)
    ix = index_of(glib, gen.SLUG, "rus")
    days = data.draw(st.lists(st.sampled_from(event_days), min_size=1, max_size=10))
    days += [d - dt.timedelta(days=1) for d in days]
    for day in days:
        assert_same(glib, ix, gen.SLUG, "rus", day)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days=st.lists(st.dates(dt.date(2012, 1, 6), dt.date(2030, 12, 31)), min_size=1, max_size=5),
       which=st.sampled_from(REAL), known_on=st.none() | st.dates(dt.date(2013, 1, 1), dt.date(2026, 1, 1)))
def test_library_text_is_the_text_show_prints(lib: Library, days: list[dt.date], which: tuple[str, str],
                                              known_on: dt.date | None) -> None:
    """In process, one index answers many dates (and "as known on" dates too)."""
    slug, lang = which
    for day in days:
        if day < lib.law(slug).adopted:
            continue
        reading = lib.show(slug, day, lang=lang, known_on=known_on)
        assert lib.text(slug, day, lang=lang, known_on=known_on) == output.show(reading, fmt="text")


def test_library_text_before_the_law_is_the_same_error(lib: Library) -> None:
    from consolidate.errors import InvalidDate

    with pytest.raises(InvalidDate, match="there is no text on 2001-01-01"):
        lib.text("kz-national-security", dt.date(2001, 1, 1), lang="rus")


@given(pieces=st.lists(st.binary(max_size=50), max_size=3000), limits=st.lists(st.integers(1, 4000), min_size=1))
def test_write_all_resumes_after_partial_writes(pieces: list[bytes], limits: list[int]) -> None:
    """A pipe may take part of a write; every byte still goes out, once, in order."""
    written = bytearray()
    calls = iter(limits * 10_000)

    def writev(fd: int, buffers: SupportsLenAndGetItem[ReadableBuffer], /) -> int:  # as os.writev
        assert fd == 7 and len(buffers) <= 1024
        data = b"".join(bytes(buffers[i]) for i in range(len(buffers)))[: next(calls)]
        written.extend(data)
        return len(data)

    parts: list[bytes | memoryview] = [memoryview(p) for p in pieces]
    real = os.writev
    os.writev = writev
    try:
        entry.write_all(7, parts)
    finally:
        os.writev = real
    assert bytes(written) == b"".join(pieces)


class TestCurrency:
    """An index is used only while everything it was built from is unchanged:
    the text index (by ``show``) and the diff index (by ``diff``) alike."""

    ARGS = {"show": ["show", gen.SLUG, "--as-of", "2024-12-31"], "diff": ["diff", gen.SLUG, "2010-01-01", "2024-12-31"]}

    @pytest.fixture(params=["show", "diff"])
    def command(self, request: pytest.FixtureRequest) -> str:
        return str(request.param)

    @pytest.fixture()
    def corpus(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        root = tmp_path / "corpus"
        gen.generate(root, scale=0.01, seed=7)
        settle(root)
        monkeypatch.setenv("CONSOLIDATE_CACHE", str(tmp_path / "cache"))
        monkeypatch.setenv("NO_COLOR", "1")
        return root

    def show(self, root: Path, command: str, *args: str) -> bytes | None:
        out = io.BytesIO()
        argv = ["--corpus", str(root), *self.ARGS[command], *args]
        return out.getvalue() if entry.quick(argv, out) else None

    def build(self, root: Path, command: str) -> bytes:
        from click.testing import CliRunner

        from consolidate.cli import main

        result = CliRunner().invoke(main, ["--corpus", str(root), *self.ARGS[command]])
        assert result.exit_code == 0, result.output
        return result.stdout_bytes

    def test_the_first_command_writes_it_and_the_next_one_reads_it(self, corpus: Path, command: str) -> None:
        assert self.show(corpus, command) is None
        full = self.build(corpus, command)
        assert self.show(corpus, command) == full
        assert self.show(corpus, command, "--lang", "rus", "--format", "text") == full

    def test_a_changed_act_file_makes_it_stale(self, corpus: Path, command: str) -> None:
        self.build(corpus, command)
        act = sorted((corpus / "amendments" / gen.SLUG / "acts").glob("*.toml"))[-1]
        act.write_bytes(act.read_bytes() + b"\n")
        assert self.show(corpus, command) is None

    def test_an_added_act_file_makes_it_stale(self, corpus: Path, command: str) -> None:
        self.build(corpus, command)
        acts = corpus / "amendments" / gen.SLUG / "acts"
        (acts / "zz-new.toml").write_bytes(sorted(acts.glob("*.toml"))[0].read_bytes())
        assert self.show(corpus, command) is None

    def test_other_engine_code_makes_it_stale(self, corpus: Path, command: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
        """The index records the engine's files; a changed one (here a stand-in) makes it stale."""
        engine = tmp_path / "engine.py"
        engine.write_text("x = 1\n")
        old = time.time() - 60
        os.utime(engine, (old, old))
        real = files.code_stamp
        monkeypatch.setattr(files, "code_stamp", lambda: real() + [[str(engine), 6, engine.stat().st_mtime_ns]])
        full = self.build(corpus, command)
        assert self.show(corpus, command) == full
        engine.write_text("x = 2\n")
        assert self.show(corpus, command) is None

    def test_a_corrupt_or_truncated_index_is_not_read_and_is_rebuilt(self, corpus: Path, command: str,
                                                                     tmp_path: Path) -> None:
        full = self.build(corpus, command)
        (path,) = (tmp_path / "cache").glob(f"*.{'textindex' if command == 'show' else 'diffindex'}")
        data = path.read_bytes()
        flipped = [data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]
                   for at in (len(data) // 4, len(data) // 2, len(data) - 1)]  # one bit, same length
        for bad in (data[: len(data) // 2], b"garbage", data[:30] + b"\xff" * 40 + data[70:], b"", *flipped):
            path.write_bytes(bad)
            assert self.show(corpus, command) is None
        assert self.build(corpus, command) == full
        assert self.show(corpus, command) == full

    def test_files_changed_just_now_get_no_index(self, corpus: Path, command: str, tmp_path: Path) -> None:
        (corpus / "amendments" / gen.SLUG / "law.toml").touch()
        self.build(corpus, command)
        assert [p for p in (tmp_path / "cache").glob("*") if p.suffix in (".textindex", ".diffindex")] == []

    def test_another_corpus_folder_does_not_use_it(self, corpus: Path, command: str, tmp_path: Path) -> None:
        self.build(corpus, command)
        other = tmp_path / "other"
        corpus.rename(other)
        assert self.show(other, command) is None

    def test_the_cache_off_means_no_index(self, corpus: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.build(corpus, command)
        monkeypatch.setenv("CONSOLIDATE_CACHE", "off")
        assert self.show(corpus, command) is None


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding current indexes of the shipped law (written by a plain show and diff)."""
    from click.testing import CliRunner

    from consolidate.cli import main

    cache = tmp_path_factory.mktemp("cache")
    env = {"CONSOLIDATE_CACHE": str(cache)}
    for argv in (["show", "kz-national-security"], ["diff", "kz-national-security", "2020-01-01", "2021-01-01"],
                 ["show", "kz-national-security", "--lang", "eng"],
                 ["diff", "kz-national-security", "2020-01-01", "2021-01-01", "--lang", "eng"]):
        assert CliRunner().invoke(main, argv, env=env).exit_code == 0
    return cache


class TestCommandLine:
    def quick(self, cache: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> bool:
        monkeypatch.setenv("CONSOLIDATE_CACHE", str(cache))
        return entry.quick(argv, io.BytesIO())

    @pytest.mark.parametrize("argv", [
        ["show", "kz-national-security", "--as-of", "2020-12-31"],
        ["show", "--as-of=2020-12-31", "kz-national-security", "--lang=rus", "--format", "text"],
        [f"--corpus={REPO}", "show", "kz-national-security"],
        ["diff", "kz-national-security", "2020-01-01", "2021-01-01"],
        [f"--corpus={REPO}", "diff", "--lang", "eng", "kz-national-security", "2020-01-01", "2021-01-01",
         "--format=text"],
    ])
    def test_plain_show_and_diff_are_answered(self, argv: list[str], indexed: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
        assert options.parse(argv) is not None
        assert self.quick(indexed, argv, monkeypatch)

    @pytest.mark.parametrize("argv", [
        [], ["laws"], ["--help"], ["show", "--help"], ["show"], ["show", "a", "b"],
        ["show", "kz-national-security", "--format", "md"],
        ["show", "kz-national-security", "--provision", "art_1"],
        ["show", "kz-national-security", "--notes"],
        ["show", "kz-national-security", "--known-on", "2020-01-01"],
        ["show", "kz-national-security", "--as-of"],
        ["show", "kz-national-security", "--as-of", "2020-01-01", "--as-of", "2021-01-01"],
        ["show", "kz-national-security", "--corpus", "X"],
        ["show", "kz-national-security", "--lang", "xx"],
        ["--debug", "show", "kz-national-security"],
        ["--corpus=", "show", "kz-national-security"],
        ["--corpus=X", "show", "kz-national-security"],
        ["show", "kz-national-security", "--as-of="],
        ["show", "kz-national-security", "--as-of", "2020-02-30"],
        ["diff", "kz-national-security", "2020-01-01"],
        ["diff", "kz-national-security", "2020-01-01", "2021-01-01", "2022-01-01"],
        ["diff", "kz-national-security", "2020-01-01", "2021-01-01", "--provision", "art_1"],
        ["diff", "kz-national-security", "2020-01-01", "2021-01-01", "--format", "json"],
        ["diff", "kz-national-security", "2020-01-01", "2021-01-01", "--as-of", "2020-01-01"],
        ["diff", "kz-national-security", "2021-01-01", "2020-01-01"],
        ["timeline", "kz-national-security"],
    ])
    def test_anything_else_goes_to_the_full_command_line(self, argv: list[str], indexed: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
        assert not self.quick(indexed, argv, monkeypatch)

    def test_the_command_answers_from_the_index_without_the_engine(self, tmp_path: Path) -> None:
        env = {**os.environ, "CONSOLIDATE_CACHE": str(tmp_path / "cache")}
        exe = Path(sys.executable).parent / "consolidate"
        argv = [str(exe), "show", "kz-national-security", "--as-of", "2020-12-31", "--lang", "rus"]
        first = subprocess.run(argv, env=env, capture_output=True, check=True).stdout
        assert list((tmp_path / "cache").glob("*.textindex"))
        probe = ("import sys; from consolidate import __main__ as entry; sys.argv = ['consolidate', *sys.argv[1:]]; "
                 "entry.main(); sys.stdout.flush(); "
                 "assert not {'click', 'attrs', 'consolidate.timeline', 'datetime', 'typing'} & set(sys.modules), sorted(sys.modules)")
        second = subprocess.run([sys.executable, "-c", probe, *argv[1:]], env=env, capture_output=True)
        assert second.returncode == 0, second.stderr.decode()
        assert second.stdout == first

    def test_a_bad_date_gets_the_full_command_lines_error(self, tmp_path: Path) -> None:
        env = {**os.environ, "CONSOLIDATE_CACHE": str(tmp_path / "cache")}
        exe = Path(sys.executable).parent / "consolidate"
        for _ in range(2):
            r = subprocess.run([str(exe), "show", "kz-national-security", "--as-of", "2020-13-01"], env=env,
                               capture_output=True)
            assert r.returncode == 1 and b"--as-of must be an existing date" in r.stderr
        r = subprocess.run([str(exe), "show", "kz-national-security", "--as-of", "2001-01-01"], env=env,
                           capture_output=True)
        assert r.returncode == 1 and b"there is no text on 2001-01-01" in r.stderr
