"""Fuzzing the readers of files: whatever bytes an act file, a law.toml, a snapshot or a
store file holds, reading it raises only errors of the ConsolidationError family (or, for
the store, answers nothing), never IndexError, KeyError, OverflowError, a hang or a crash.

The grammar's own readers (rules, instructions, notes, snapshot text) are fuzzed in
tests/test_grammar_fuzz.py.
"""

from __future__ import annotations

import datetime as dt
import marshal
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from consolidate.errors import ConsolidationError
from consolidate.formats.act_file import load_act
from consolidate.formats.law_file import load_law
from consolidate.formats.snapshot_file import read_snapshot
from consolidate.store import files
from consolidate.store.diff_index import DiffIndex
from consolidate.store.text_index import Index
from consolidate.store.timelines import MAGIC as TIMELINE_MAGIC
from consolidate.textfiles import read_text

REPO = Path(__file__).resolve().parents[1]
FI = "kz-foreign-intelligence"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ACT = (REPO / "amendments" / FI / "acts" / "2014-04-07_185-V.toml").read_bytes()
LAW = (REPO / "amendments" / FI / "law.toml").read_bytes()
SNAPSHOT = (REPO / "snapshots" / FI / "rus" / "2010-original.md").read_bytes()

# TOML-ish fragments that make the mutations reach the readers' checks, not only the parser
FRAGMENTS = [b'number = "1-IX"\n', b"adopted = 9999-12-31\n", b"adopted = 0001-01-01\n", b'op = "insert"\n',
             b'target = "law"\n', b'target = "art_1__"\n', b"occurrence = -1\n", b"occurrence = 99999999999999999999\n",
             b"[[operations]]\n", b"[publication]\ndate = 2999-01-01\n", b'text = ""\n', b'text = "1)"\n',
             b"effective = 1979-05-27T07:32:00Z\n", b'pairs = [["a"], []]\n', b"\x00", b"\xff\xfe", b'"""',
             b"[commencement]\ntext = \"\\u0000\"\n", b'place = "\xd1"\n', b"slug = 7\n", b"[[snapshots]]\n"]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few random edits: bytes flipped, cut, spliced with fragments."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete", "dup"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(FRAGMENTS) | st.binary(max_size=20))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        elif kind == "dup" and data:
            data[at:at] = data[at:at + draw(st.integers(1, 300))]
    return bytes(data)


VALUES = (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text(max_size=30)
          | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)) | st.lists(st.text(max_size=8), max_size=3)
          | st.sampled_from(["law", "art_1", "art_1__para_2", "insert", "substitute", "repeal", "renumber",
                             "replace_words", "insert_words", "delete_words", "expire", "all", "first", "nth",
                             "«x»", "1) новый текст;", "Статья 99. Заголовок"]))


@st.composite
def toml_mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` read as TOML, a few of its values replaced by values of any kind (or
    removed), written back: what the readers' field checks see."""
    import tomllib

    import tomli_w

    data = tomllib.loads(original.decode("utf-8"))

    def tables(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            return [node] + [t for v in node.values() for t in tables(v)]
        if isinstance(node, list):
            return [t for v in node for t in tables(v)]
        return []

    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from(tables(data)))
        if not table:
            continue
        key = draw(st.sampled_from(sorted(table)))
        value = draw(VALUES)
        if value is None:
            del table[key]
        else:
            table[key] = value
    return tomli_w.dumps(data).encode("utf-8")


def only_our_errors(fn: Callable[..., object], *args: object, **kwargs: object) -> None:
    try:
        fn(*args, **kwargs)
    except ConsolidationError:
        pass


@FUZZ
@given(data=mutated(ACT) | toml_mutated(ACT))
def test_an_act_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "2014-04-07_185-V.toml"
    path.write_bytes(data)
    only_our_errors(lambda: [a.effective(op) for a in [load_act(path)] for op in a.operations])


@FUZZ
@given(data=mutated(LAW) | toml_mutated(LAW))
def test_a_law_toml(tmp_path: Path, data: bytes) -> None:
    root = tmp_path / "c"
    if not root.exists():
        shutil.copytree(REPO / "snapshots" / FI, root / "snapshots" / FI)
        (root / "amendments" / FI / "acts").mkdir(parents=True)
    (root / "amendments" / FI / "law.toml").write_bytes(data)
    only_our_errors(lambda: load_law(root / "amendments" / FI, root / "snapshots").acts)


@FUZZ
@given(data=mutated(SNAPSHOT))
def test_a_snapshot_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "base.md"
    path.write_bytes(data)
    only_our_errors(read_snapshot, path, law=FI, lang="rus")


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    only_our_errors(read_text, path)


@pytest.fixture(scope="module")
def store_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Real store files of the shipped law, written by the command line."""
    from click.testing import CliRunner

    from consolidate.cli import main

    cache = tmp_path_factory.mktemp("cache")
    for argv in (["show", FI, "--as-of", "2014-09-01"], ["diff", FI, "2011-01-01", "2015-01-01"]):
        assert CliRunner().invoke(main, argv, env={"CONSOLIDATE_CACHE": str(cache)}).exit_code == 0
    found = {p.suffix: p.read_bytes() for p in cache.iterdir() if p.suffix in (".timeline", ".textindex", ".diffindex")}
    assert set(found) == {".timeline", ".textindex", ".diffindex"}
    return found


@pytest.mark.parametrize("keep", [0, 8, 12, 20])
def test_an_index_cut_to_its_magic_is_refused(store_files: dict[str, bytes], keep: int) -> None:
    """Cut after the magic (and zeros): an empty header has CRC 0, so only reading it can refuse it."""
    for kind, suffix in ((Index, ".textindex"), (DiffIndex, ".diffindex")):
        assert store_files[suffix].startswith(kind.MAGIC)
        with pytest.raises(ValueError):
            kind.read(kind.MAGIC + bytes(keep))


@FUZZ
@given(data=st.data())
def test_a_damaged_index_is_refused(store_files: dict[str, bytes], data: st.DataObject) -> None:
    """A damaged index is never read: unpacking it raises ValueError, whatever byte changed."""
    kind = data.draw(st.sampled_from([Index, DiffIndex]))
    original = store_files[".textindex" if kind is Index else ".diffindex"]
    damaged = data.draw(mutated(original))
    if damaged == original:
        return
    with pytest.raises(ValueError):
        kind.read(damaged)


@FUZZ
@given(data=st.data())
def test_a_damaged_time_line_is_refused(store_files: dict[str, bytes], data: st.DataObject) -> None:
    original = store_files[".timeline"]
    damaged = data.draw(mutated(original))
    if damaged == original:
        return
    with pytest.raises(ValueError):
        files.unpack_parts(damaged, TIMELINE_MAGIC)


@FUZZ
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.binary(max_size=5),
                          lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                          | st.dictionaries(st.text(max_size=3), inner, max_size=4), max_leaves=20))
def test_a_well_packed_time_line_of_the_wrong_shape_is_refused(tmp_path: Path, value: Any) -> None:
    """A planted file with valid checksums but any other content: loading it raises one of the
    errors the store takes for a damaged entry, never anything else."""
    from consolidate.corpus import Corpus
    from consolidate.timeline import stored

    law = Corpus(REPO).law(FI)
    try:
        stored.load(value, lambda: value, law)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        pass
    main = {"format": stored.FORMAT, "lang": "rus", "known_on": None}
    with pytest.raises((ValueError, TypeError, KeyError, IndexError, AttributeError)):
        stored.load({**main, "base": value}, lambda: value, law)
    assert marshal.loads(marshal.dumps(main)) == main
    assert dt.date.min.toordinal() == 1  # the first version of every chain is stored as day 1
