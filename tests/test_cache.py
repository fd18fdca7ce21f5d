"""The on-disk cache of compiled time lines: keyed by inputs, atomic, self-healing."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from consolidate import cache
from consolidate.model import Kind, Provision
from consolidate.operations import Substitute
from consolidate.timeline import Timeline

from .factories import act, doc, law


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("CONSOLIDATE_CACHE", str(d))
    return d


def _law(tmp_path: Path, text: str = "новый орган;"):  # type: ignore[no-untyped-def]
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

    def __call__(self, law, lang, known_on):  # type: ignore[no-untyped-def]
        self.calls += 1
        return Timeline(law, lang, doc({"1": ["1. старый орган;"]}), known_on)


class TestCache:
    def test_second_load_reads_the_cache(self, tmp_path: Path, cache_dir: Path) -> None:
        L, comp = _law(tmp_path), Compiler()
        a = cache.load_or_compile(L, "rus", None, comp)
        b = cache.load_or_compile(L, "rus", None, comp)
        assert comp.calls == 1
        assert b.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"
        assert a.as_of(dt.date(2019, 1, 1)).document["art_1__para_1"].text == "старый орган;"

    def test_a_changed_input_file_makes_the_entry_stale(self, tmp_path: Path, cache_dir: Path) -> None:
        comp = Compiler()
        cache.load_or_compile(_law(tmp_path), "rus", None, comp)
        cache.load_or_compile(_law(tmp_path, "другой орган;"), "rus", None, comp)
        assert comp.calls == 2

    def test_known_on_and_language_are_part_of_the_key(self, tmp_path: Path, cache_dir: Path) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(L, "rus", None, comp)
        cache.load_or_compile(L, "rus", dt.date(2020, 6, 1), comp)
        assert comp.calls == 2

    def test_a_corrupt_entry_is_rebuilt(self, tmp_path: Path, cache_dir: Path) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(L, "rus", None, comp)
        (entry,) = cache_dir.glob("*.pickle")
        entry.write_bytes(b"\x80\x05garbage")
        tl = cache.load_or_compile(L, "rus", None, comp)
        assert comp.calls == 2 and tl.as_of(dt.date(2021, 1, 1)).document["art_1__para_1"].text == "новый орган;"
        pickle.loads(entry.read_bytes())  # rewritten whole

    def test_a_truncated_entry_is_rebuilt(self, tmp_path: Path, cache_dir: Path) -> None:
        L, comp = _law(tmp_path), Compiler()
        cache.load_or_compile(L, "rus", None, comp)
        (entry,) = cache_dir.glob("*.pickle")
        entry.write_bytes(entry.read_bytes()[:50])
        cache.load_or_compile(L, "rus", None, comp)
        assert comp.calls == 2

    def test_off_disables_the_cache(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("CONSOLIDATE_CACHE", "off")
        comp = Compiler()
        cache.load_or_compile(_law(tmp_path), "rus", None, comp)
        cache.load_or_compile(_law(tmp_path), "rus", None, comp)
        assert comp.calls == 2


class TestWriteAtomic:
    def test_a_failed_write_leaves_the_old_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = tmp_path / "x.bin"
        target.write_bytes(b"old")

        def boom(*a, **k):  # type: ignore[no-untyped-def]
            raise OSError("disk full")

        monkeypatch.setattr(cache.os, "replace", boom)
        with pytest.raises(OSError):
            cache.write_atomic(target, b"new")
        assert target.read_bytes() == b"old"
        assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
