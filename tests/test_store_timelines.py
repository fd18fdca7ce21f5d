"""Compiled time lines in the store: keyed by inputs, atomic, self-healing."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path
from typing import NoReturn

import pytest

from consolidate.law import Law
from consolidate.model import Kind, Provision
from consolidate.operations import Substitute
from consolidate.store import files
from consolidate.store import timelines as cache
from consolidate.store.files import Store
from consolidate.timeline.compile import compile_base
from consolidate.timeline.query import Step, Timeline

from .factories import act, doc, law

ROOT = "/corpus"  # the corpus folder the entries are of (only their names depend on it)


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("CONSOLIDATE_CACHE", str(d))  # for Library.open
    return d


@pytest.fixture()
def store(cache_dir: Path) -> Store:
    return Store(str(cache_dir))


def store_entries(store: Store) -> list[Path]:
    assert store.directory is not None
    return sorted(Path(store.directory).glob("*.timeline"))


def _law(tmp_path: Path, text: str = "новый орган;") -> Law:
    """A law whose input files exist on disk (the cache key hashes them)."""
    d = tmp_path / "amendments" / "t-law"
    (d / "acts").mkdir(parents=True, exist_ok=True)
    (d / "law.toml").write_text(f"# {text}\n", encoding="utf-8")
    new = Provision(eid="art_1__para_1", kind=Kind.PARAGRAPH, num="1", text=text)
    a = act("1-T", dt.date(2020, 1, 1), [Substitute(act="1-T", place="art_1__para_1", target=new.eid,
                                                     lang="rus", units=(new,))])
    L = law([a])
    import attrs

    snap = attrs.evolve(L.snapshots[0], path=d / "law.toml")
    return attrs.evolve(L, directory=d, snapshots=(snap,))


class Compiler:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, law: Law, lang: str, known_on: dt.date | None) -> Timeline:
        self.calls += 1
        return compile_base(law, lang, doc({"1": ["1. старый орган;"]}), known_on)


class TestCache:
    def test_second_load_reads_the_cache(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        a = cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        b = cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert comp.calls == 1
        assert b.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"
        assert a.as_of(dt.date(2019, 1, 1)).document["art_1__para_1"].text == "старый орган;"

    def test_a_changed_input_file_makes_the_entry_stale(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        comp = Compiler()
        cache.load_or_compile(store, ROOT, _law(tmp_path), "rus", None, comp)
        cache.load_or_compile(store, ROOT, _law(tmp_path, "другой орган;"), "rus", None, comp)
        assert comp.calls == 2

    def test_known_on_and_language_are_part_of_the_key(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        cache.load_or_compile(store, ROOT, L, "rus", dt.date(2020, 6, 1), comp)
        assert comp.calls == 2

    def test_a_corrupt_entry_is_rebuilt(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        (entry,) = cache_dir.glob("*.timeline")
        entry.write_bytes(b"\x80\x05garbage")
        tl = cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert comp.calls == 2 and tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"
        assert len(files.unpack_parts(entry.read_bytes(), cache.MAGIC)) == 2  # rewritten whole

    def test_a_same_length_change_anywhere_is_seen_and_the_entry_rebuilt(self, tmp_path: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        (entry,) = store_entries(store)
        good = entry.read_bytes()
        for at in (len(good) // 3, len(good) // 2, len(good) - 2):
            entry.write_bytes(good[:at] + bytes([good[at] ^ 0x20]) + good[at + 1:])
            tl = cache.load_or_compile(store, ROOT, L, "rus", None, comp)
            assert tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"
        assert comp.calls == 4

    def test_a_planted_pickle_is_never_run(self, tmp_path: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        (entry,) = store_entries(store)
        marker = tmp_path / "ran"

        class Payload:
            def __reduce__(self) -> tuple[object, tuple[str, str]]:
                return (open, (str(marker), "w"))

        entry.write_bytes(pickle.dumps(Payload()))
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert not marker.exists() and comp.calls == 2

    def test_a_fifo_or_a_link_in_place_of_an_entry_is_not_opened(self, tmp_path: Path, store: Store) -> None:
        import os

        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        (entry,) = store_entries(store)
        outside = tmp_path / "outside"
        outside.write_bytes(entry.read_bytes())
        entry.unlink()
        os.mkfifo(entry)  # opening it for reading would wait for a writer forever
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert comp.calls == 2 and entry.is_file()
        entry.unlink()
        entry.symlink_to(outside)  # a link out of the store: never followed
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert comp.calls == 3 and not entry.is_symlink()

    def test_a_damaged_key_memo_is_ignored(self, tmp_path: Path, store: Store, cache_dir: Path) -> None:
        L, comp = _law(tmp_path), Compiler()
        TestFingerprintMemo._age(L)
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        (memo,) = cache_dir.glob("*.key")
        for bad in (b"\xff\xfe" * 40, b"", b"z" * 64):
            memo.write_bytes(bad)
            tl = cache.load_or_compile(store, ROOT, L, "rus", None, comp)
            assert tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"
        assert comp.calls == 1  # the content key, hashed again, still finds the entry

    def test_two_corpus_folders_keep_their_own_entries(self, tmp_path: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, "/one", L, "rus", None, comp)
        cache.load_or_compile(store, "/two", L, "rus", None, comp)
        cache.load_or_compile(store, "/one", L, "rus", None, comp)
        cache.load_or_compile(store, "/two", L, "rus", None, comp)
        assert comp.calls == 2 and len(store_entries(store)) == 2

    def test_a_truncated_entry_is_rebuilt(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        (entry,) = cache_dir.glob("*.timeline")
        entry.write_bytes(entry.read_bytes()[:50])
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert comp.calls == 2

    def test_no_folder_stores_nothing(self, tmp_path: Path) -> None:
        store = Store(None)
        comp = Compiler()
        cache.load_or_compile(store, ROOT, _law(tmp_path), "rus", None, comp)
        cache.load_or_compile(store, ROOT, _law(tmp_path), "rus", None, comp)
        assert comp.calls == 2


class TestWriteAtomic:
    def test_a_failed_write_leaves_the_old_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = tmp_path / "x.bin"
        target.write_bytes(b"old")

        def boom(*a: object, **k: object) -> NoReturn:
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", boom)
        with pytest.raises(OSError):
            files.write_atomic(target, b"new")
        assert target.read_bytes() == b"old"
        assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


class TestEntries:
    def test_a_new_entry_replaces_the_one_it_supersedes_and_keeps_other_known_on_dates(
        self, tmp_path: Path, cache_dir: Path, store: Store
    ) -> None:
        comp = Compiler()
        cache.load_or_compile(store, ROOT, _law(tmp_path), "rus", None, comp)
        cache.load_or_compile(store, ROOT, _law(tmp_path), "rus", dt.date(2020, 6, 1), comp)
        cache.load_or_compile(store, ROOT, _law(tmp_path, "другой орган;"), "rus", None, comp)
        names = sorted(p.name.split(".")[3] for p in cache_dir.glob("*.timeline"))
        assert names == ["2020-06-01", "latest"]
        assert comp.calls == 3
        # the surviving "latest" entry is the new one
        tl = cache.load_or_compile(store, ROOT, _law(tmp_path, "другой орган;"), "rus", None, comp)
        assert comp.calls == 3 and tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "другой орган;"


class TestWarmRunsReadNoActFile:
    """A command answered from the cache parses law.toml and hashes the files,
    but never parses an act file unless it asks for the operations."""

    def test_show_and_diff_from_the_cache_do_not_parse_acts(
        self, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from consolidate.formats import law_file
        from consolidate.library import Library

        lib = Library.open()
        first = lib.show("kz-national-security", dt.date(2020, 12, 31), lang="rus")
        first_diff = lib.diff("kz-national-security", dt.date(2020, 7, 1), dt.date(2020, 12, 31), lang="rus")

        def no(path: Path) -> None:
            raise AssertionError(f"act file parsed: {path}")

        monkeypatch.setattr(law_file, "load_act", no)
        warm = Library.open()
        view = warm.show("kz-national-security", dt.date(2020, 12, 31), lang="rus").view
        assert view.document == first.view.document and view.versions == first.view.versions
        assert warm.diff("kz-national-security", dt.date(2020, 7, 1), dt.date(2020, 12, 31), lang="rus") == first_diff
        assert warm.timeline("kz-national-security", "rus").adopted["357-VI"] == dt.date(2020, 7, 3)
        with pytest.raises(AssertionError, match="act file parsed"):
            len(warm.timeline("kz-national-security", "rus").steps)  # steps need the operations

    def test_steps_of_a_stored_timeline_are_the_compiled_ones(self, cache_dir: Path) -> None:
        from consolidate.library import Library

        for slug in ("kz-national-security", "kz-foreign-intelligence"):  # the second has a gap act
            cold = Library.open().timeline(slug, "rus")
            warm = Library.open().timeline(slug, "rus")
            assert warm is not cold

            def key(s: Step) -> tuple[object, ...]:
                return (s.act.number, s.op.seq if s.op else None, s.effective, s.applied)

            assert [key(s) for s in warm.steps] == [key(s) for s in cold.steps]
            assert [key(s) for s in warm.all_steps] == [key(s) for s in cold.all_steps]
            assert warm.warnings == cold.warnings and warm.renames == cold.renames


class TestProgress:
    class Tty:
        def __init__(self) -> None:
            self.out: list[str] = []

        def isatty(self) -> bool:
            return True

        def write(self, s: str) -> None:
            self.out.append(s)

        def flush(self) -> None:
            pass

    def test_silent_during_the_first_second_then_one_line_per_stage(self) -> None:
        from consolidate.cli import Progress

        tty = self.Tty()
        p = Progress(tty, delay=1.0)
        now = [p.start]
        p.clock = lambda: now[0]
        p("x: reading act files", 0, 3)
        assert tty.out == []
        now[0] += 1.5
        p("x: reading act files", 1, 3)
        p("x: reading act files", 3, 3)
        p("x (rus): replaying operations", 0, 200)
        p.close()
        text = "".join(tty.out)
        assert text.count("\n") == 2 and text.endswith("replaying operations: 0/200\n")
        assert "reading act files: 3/3\n" in text

    def test_nothing_when_stderr_is_not_a_terminal(self) -> None:
        import io

        from consolidate.cli import Progress

        stream = io.StringIO()
        p = Progress(stream, delay=0.0)
        p("x", 1, 2)
        p.close()
        assert stream.getvalue() == ""

    def test_compiling_reports_every_stage_to_its_end(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from consolidate.library import Library

        monkeypatch.setenv("CONSOLIDATE_CACHE", "off")
        heard: list[tuple[str, int, int]] = []
        lib = Library.open(progress=lambda what, done, total: heard.append((what, done, total)))
        lib.timeline("kz-national-security", "rus")
        stages = list(dict.fromkeys(w for w, _, _ in heard))
        assert stages == ["kz-national-security: reading act files", "kz-national-security (rus): replaying operations"]
        for stage in stages:
            counts = [(d, t) for w, d, t in heard if w == stage]
            assert counts[-1][0] == counts[-1][1] > 0
            assert [d for d, _ in counts] == sorted(d for d, _ in counts)


class TestFingerprintMemo:
    """The content key is remembered under the files' metadata, and trusted
    only for files that have not changed in the last seconds."""

    @staticmethod
    def _age(L: Law, seconds: int = 3600) -> None:
        import os
        import time

        old = time.time() - seconds
        for path in cache.inputs(L):
            os.utime(path, (old, old))

    def test_unchanged_old_files_are_not_read_again(
        self, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        L, comp = _law(tmp_path), Compiler()
        self._age(L)
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        hashed: list[tuple[Law, str, dt.date | None]] = []
        real_key = cache.key

        def counted_key(law_: Law, lang: str, known_on: dt.date | None) -> str:
            hashed.append((law_, lang, known_on))
            return real_key(law_, lang, known_on)

        monkeypatch.setattr(cache, "key", counted_key)
        tl = cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert comp.calls == 1 and hashed == []
        assert tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"

    def test_a_changed_file_is_hashed_again_and_the_entry_is_stale(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        comp = Compiler()
        L = _law(tmp_path)
        self._age(L, 7200)
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        L2 = _law(tmp_path, "совсем другой орган;")  # rewrites law.toml: new size and time
        self._age(L2, 3600)
        tl = cache.load_or_compile(store, ROOT, L2, "rus", None, comp)
        assert comp.calls == 2
        assert tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "совсем другой орган;"
        assert len(list(cache_dir.glob("*.key"))) == 1  # the memo of the old files is gone

    def test_files_changed_just_now_are_not_remembered(self, tmp_path: Path, cache_dir: Path, store: Store) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(store, ROOT, L, "rus", None, comp)
        assert list(cache_dir.glob("*.key")) == []
        assert cache.fingerprint(L, "rus", None)[1] is False
