"""The diff index (consolidate/store/diff_index.py): for every span it answers, it gives
exactly the text of the full engine's ``diff``, with colour and without; it
answers nothing it cannot say exactly.  (Staleness and corruption: the
``TestCurrency`` tests of test_store_text_index.py run for both indexes.)"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bench import gen
from consolidate.store import diff_index as diffindex
from consolidate.library import Library
from consolidate.render import output

from .factories import generated

REPO = Path(__file__).resolve().parents[1]
REAL = [("kz-national-security", "rus"), ("kz-national-security", "eng"), ("kz-national-security", "kaz"),
        ("kz-foreign-intelligence", "rus")]


def full_diff(lib: Library, slug: str, lang: str, a: dt.date, b: dt.date, color: bool) -> bytes:
    d = lib.diff(slug, a, b, lang=lang)
    return output.diff(d, fmt="text", color=color).encode("utf-8")


_BUILT: dict[tuple[str, str, str, int], diffindex.DiffIndex] = {}


def index_of(lib: Library, slug: str, lang: str) -> diffindex.DiffIndex:
    # by corpus folder (each generated law has its own), not by id(lib): ids of freed objects come back
    key = (str(lib.corpus.root), slug, lang, diffindex.WINDOW)
    if key not in _BUILT:
        _BUILT[key] = diffindex.DiffIndex.read(diffindex.build(lib.timeline(slug, lang), str(lib.corpus.root)))
    return _BUILT[key]


def too_many_changes(lib: Library, slug: str, lang: str, a: dt.date, b: dt.date) -> bool:
    """Whether a unit has more versions starting in (a, b] than the index keeps pairs for."""
    tl = lib.timeline(slug, lang)
    counts = Counter(eid for day, eid in tl.events if a < day <= b)
    return max(counts.values(), default=0) > diffindex.WINDOW


def assert_same(lib: Library, ix: diffindex.DiffIndex, slug: str, lang: str, a: dt.date, b: dt.date) -> None:
    for color in (False, True):
        parts = ix.parts(a, b, color=color)
        if a > b or a < lib.law(slug).adopted or too_many_changes(lib, slug, lang, a, b):
            assert parts is None, (a, b)  # the full engine answers (or says why it cannot)
            continue
        assert parts is not None, (a, b)
        assert b"".join(parts) == full_diff(lib, slug, lang, a, b, color), (a, b, color)


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open(REPO)


@pytest.mark.parametrize("slug,lang", REAL)
def test_spans_between_the_version_dates_of_the_real_laws(lib: Library, slug: str, lang: str) -> None:
    """Each change alone (the day before it to its day), each stretch between two
    changes, every span from the law's adoption, and a span from each day to the last."""
    ix = index_of(lib, slug, lang)
    tl = lib.timeline(slug, lang)
    adopted = lib.law(slug).adopted
    days = sorted({d for d, _ in tl.events if d >= adopted} | {adopted})
    spans = {(d - dt.timedelta(days=1), d) for d in days[1:]} | set(itertools.pairwise(days))
    spans |= {(adopted, d) for d in days} | {(d, days[-1]) for d in days}
    kinds: Counter[str] = Counter()
    for a, b in sorted(spans):
        assert_same(lib, ix, slug, lang, a, b)
        if not too_many_changes(lib, slug, lang, a, b):
            kinds.update(c.change for c in lib.diff(slug, a, b, lang=lang).changes)
    assert {"added", "modified"} <= set(kinds), kinds  # every kind: test_the_generated_spans_hold_...


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.dates(dt.date(2011, 1, 1), dt.date(2030, 12, 31)), b=st.dates(dt.date(2011, 1, 1), dt.date(2030, 12, 31)),
       which=st.sampled_from(REAL))
def test_any_span_of_the_real_laws(lib: Library, a: dt.date, b: dt.date, which: tuple[str, str]) -> None:
    """Also backward spans and days before the law: those are left to the full engine."""
    slug, lang = which
    assert_same(lib, index_of(lib, slug, lang), slug, lang, a, b)


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_generated_laws(tmp_path_factory: pytest.TempPathFactory, seed: int, data: st.DataObject) -> None:
    """Generated laws with every kind of change: renumbered units (also twice
    inside one span), units added and removed, whole articles and chapters."""
    glib, days = generated(tmp_path_factory.mktemp("gen"), seed)
    ix = index_of(glib, gen.SLUG, "rus")
    spans = data.draw(st.lists(st.tuples(st.sampled_from(days), st.sampled_from(days)).map(sorted),
                               min_size=1, max_size=6))
    spans.append([days[0], days[-1]])  # a span drawn is a sorted list too
    for a, b in spans:
        assert_same(glib, ix, gen.SLUG, "rus", a, b)


def test_the_generated_spans_hold_every_kind_of_change(tmp_path: Path) -> None:
    """The spans above are worth comparing: a whole generated history has each kind."""
    glib, days = generated(tmp_path, 3)
    kinds = Counter(c.change for c in glib.diff(gen.SLUG, days[0], days[-1], lang="rus").changes)
    assert set(kinds) == {"added", "removed", "modified", "repealed", "renumbered"}, kinds
    assert_same(glib, index_of(glib, gen.SLUG, "rus"), gen.SLUG, "rus", days[0], days[-1])


def test_a_unit_changed_more_often_than_the_window_is_left_to_the_engine(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diffindex, "WINDOW", 1)
    slug, lang = "kz-national-security", "rus"
    ix = index_of(lib, slug, lang)
    tl = lib.timeline(slug, lang)
    days = sorted({d for d, _ in tl.events if d >= lib.law(slug).adopted})
    answered = left = 0
    for a, b in itertools.pairwise(days[::3]):
        parts = ix.parts(a, b, color=False)
        if too_many_changes(lib, slug, lang, a, b):
            assert parts is None
            left += 1
        else:
            assert parts is not None and b"".join(parts) == full_diff(lib, slug, lang, a, b, False)
            answered += 1
    assert answered and left


def test_a_day_with_itself_has_no_changes(lib: Library) -> None:
    ix = index_of(lib, "kz-national-security", "rus")
    day = dt.date(2020, 10, 18)
    parts = ix.parts(day, day, color=False)
    assert parts is not None and b"".join(parts) == b"kz-national-security (rus): 2020-10-18 \xe2\x86\x92 " \
        b"2020-10-18: 0 changes\nno changes\n"


class TestCommandLine:
    def run(self, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
        exe = Path(sys.executable).parent / "consolidate"
        return subprocess.run([str(exe), *args], env=env, capture_output=True)

    def test_the_first_diff_writes_it_and_the_next_one_is_answered_without_the_engine(self, tmp_path: Path) -> None:
        env = {**os.environ, "CONSOLIDATE_CACHE": str(tmp_path / "cache")}
        env.pop("NO_COLOR", None)
        args = ["diff", "kz-national-security", "2015-12-31", "2020-12-31", "--lang", "rus"]
        for colour in ({}, {"FORCE_COLOR": "1"}):
            first = self.run({**env, **colour}, *args)
            assert first.returncode == 0, first.stderr.decode()
            assert list((tmp_path / "cache").glob("*.diffindex"))
            assert (b"\x1b[" in first.stdout) == bool(colour)  # forced colour survives a pipe
            probe = ("import sys; from consolidate import __main__ as entry; sys.argv = ['consolidate', *sys.argv[1:]]; "
                     "entry.main(); sys.stdout.flush(); "
                     "assert not {'click', 'attrs', 'consolidate.timeline', 'datetime', 'typing'} & set(sys.modules), sorted(sys.modules)")
            second = subprocess.run([sys.executable, "-c", probe, *args], env={**env, **colour}, capture_output=True)
            assert second.returncode == 0, second.stderr.decode()
            assert second.stdout == first.stdout

    def test_errors_are_the_full_command_lines(self, tmp_path: Path) -> None:
        env = {**os.environ, "CONSOLIDATE_CACHE": str(tmp_path / "cache")}
        assert self.run(env, "diff", "kz-national-security", "2015-12-31", "2020-12-31").returncode == 0
        for _ in range(2):
            r = self.run(env, "diff", "kz-national-security", "2020-13-01", "2020-12-31")
            assert r.returncode == 1 and b"DATE1 must be an existing date" in r.stderr
            r = self.run(env, "diff", "kz-national-security", "2001-01-01", "2020-12-31")
            assert r.returncode == 1 and b"there is no text on 2001-01-01" in r.stderr


def test_writing_it_reports_progress(lib: Library) -> None:
    """The CLI shows this on a terminal when the work lasts more than a second."""
    heard: list[tuple[str, int, int]] = []
    tl = lib.timeline("kz-national-security", "rus")
    diffindex.build(tl, str(lib.corpus.root), lambda what, done, total: heard.append((what, done, total)))
    assert heard and heard[0][1] == 1 and heard[-1][1] == heard[-1][2] == len(diffindex.DiffIndex.read(
        diffindex.build(tl, str(lib.corpus.root))).header["eids"])
    assert all(what == "indexing the diffs" for what, _, _ in heard)
