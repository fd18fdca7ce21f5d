"""A catalogue of bad inputs and faults, each run as a user would run it: the real
``consolidate`` command in a new process.

Every case asserts the exit code (0, 1 for a data or domain error, 2 for a usage
error, 141 for a reader that closed the pipe), that an error is exactly one line
``consolidate: error: ...`` (or click's usage lines) naming what is wrong, that no
traceback is printed, that the corpus is unchanged and that no temporary file is
left in the store.  Faults of the store (damaged, planted or odd files) must give
the right answer, the same as a fresh run's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from .factories import settle

REPO = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "consolidate")
FI = "kz-foreign-intelligence"
NS = "kz-national-security"


@attrs.define
class Case:
    name: str
    argv: list[str]
    code: int
    says: str = ""  # a part of the error line (or of the output, for code 0)
    setup: Callable[["World"], object] | None = None
    env: dict[str, str] = attrs.Factory(dict)
    stdout: str = "pipe"  # "pipe" | "closed" | "full" | "null" | "early-close"
    law: str = FI


@attrs.define
class World:
    """A corpus folder (a copy of one shipped law) and a store folder of one case."""

    root: Path
    store: Path
    law: str

    @property
    def law_dir(self) -> Path:
        return self.root / "amendments" / self.law

    @property
    def acts(self) -> Path:
        return self.law_dir / "acts"

    def snapshot(self) -> Path:
        return next((self.root / "snapshots" / self.law).rglob("*.md"))

    def run(self, *argv: str) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "CONSOLIDATE_CORPUS": str(self.root), "CONSOLIDATE_CACHE": str(self.store),
               "NO_COLOR": "1"}
        return subprocess.run([EXE, *argv], env=env, capture_output=True, timeout=120)


def make_world(tmp: Path, law: str) -> World:
    root = tmp / "corpus"
    for part in ("amendments", "snapshots"):
        (root / part).mkdir(parents=True)
        shutil.copytree(REPO / part / law, root / part / law)
    w = World(root, tmp / "store", law)
    settle(root)
    return w


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_symlink():
            h.update(b"->" + os.readlink(p).encode())
        elif p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


# -- the setups ------------------------------------------------------------------------


def write(rel: str, data: bytes | str) -> Callable[[World], None]:
    def do(w: World) -> None:
        path = w.law_dir / rel if not rel.startswith("/") else w.root / rel[1:]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return do


def edit_law_toml(old: str, new: str) -> Callable[[World], None]:
    def do(w: World) -> None:
        p = w.law_dir / "law.toml"
        text = p.read_text(encoding="utf-8")
        assert old in text
        p.write_text(text.replace(old, new), encoding="utf-8")
    return do


def edit_snapshot(change: Callable[[bytes], bytes]) -> Callable[[World], None]:
    def do(w: World) -> None:
        p = w.snapshot()
        p.write_bytes(change(p.read_bytes()))
    return do


def first_act(w: World) -> Path:
    return sorted(w.acts.glob("*.toml"))[0]


def edit_act(change: Callable[[str], str]) -> Callable[[World], None]:
    def do(w: World) -> None:
        p = first_act(w)
        p.write_text(change(p.read_text(encoding="utf-8")), encoding="utf-8")
    return do


def act_file(name: str, body: str) -> Callable[[World], object]:
    return lambda w: (w.acts / name).write_text(body, encoding="utf-8")


def symlink_loop(w: World) -> None:
    (w.acts / "2020-01-01_1-IX.toml").symlink_to(w.acts / "2020-01-01_1-IX.toml")


def act_dir(w: World) -> None:
    (w.acts / "2020-01-01_1-IX.toml").mkdir()


def act_fifo(w: World) -> None:
    os.mkfifo(w.acts / "2020-01-01_1-IX.toml")


def snapshot_dir(w: World) -> None:
    p = w.snapshot()
    p.unlink()
    p.mkdir()


def empty_corpus(w: World) -> None:
    shutil.rmtree(w.root / "amendments" / w.law)


def copy_with_same_slug(w: World) -> None:
    shutil.copytree(w.law_dir, w.root / "amendments" / "a-draft-copy")
    text = (w.root / "amendments" / "a-draft-copy" / "acts")
    for p in text.glob("*.toml"):
        p.write_text(p.read_text(encoding="utf-8").replace("Разведывательная", "Подложная"), encoding="utf-8")


def cut_base_before_article(n: int) -> Callable[[World], None]:
    def do(w: World) -> None:
        p = next((w.root / "snapshots" / w.law / "rus").glob("2014-*.md"))
        text = p.read_text(encoding="utf-8")
        at = text.index(f"Статья {n}.")
        p.write_text(text[:at], encoding="utf-8")
    return do


GOOD_ACT = ('number = "1-IX"\nadopted = 2020-01-01\n[commencement]\neffective = 2020-01-20\n'
            '[[operations]]\nplace = "art_1__para_1__part_2"\nop = "repeal"\ntarget = "art_2__para_1"\n')

CASES = [
    # arguments
    Case("no law", ["show"], 2, "Missing argument"),
    Case("unknown option", ["show", FI, "--nope"], 2, "No such option"),
    Case("unknown format", ["show", FI, "--format", "pdf"], 2, "pdf"),
    Case("unknown language", ["show", FI, "--lang", "xx"], 2, "xx"),
    Case("unknown command", ["shwo", FI], 2, "No such command"),
    Case("impossible date", ["show", FI, "--as-of", "2020-02-30"], 1, "--as-of must be an existing date"),
    Case("week date", ["show", FI, "--as-of", "2016-W01-1"], 1, "2016-W01-1"),
    Case("compact date", ["show", FI, "--as-of", "20160101"], 1, "20160101"),
    Case("date and time", ["show", FI, "--as-of", "2020-01-01T10:00"], 1, "YYYY-MM-DD"),
    Case("empty date", ["show", FI, "--as-of="], 1, "YYYY-MM-DD"),
    Case("year 0", ["show", FI, "--as-of", "0000-01-01"], 1, "YYYY-MM-DD"),
    Case("bad known-on", ["show", FI, "--known-on", "2020-13-01"], 1, "--known-on"),
    Case("bad diff date", ["diff", FI, "2020-01-01", "2020-1-1"], 1, "DATE2"),
    Case("before the law", ["show", FI, "--as-of", "2001-01-01"], 1, "there is no text on 2001-01-01"),
    Case("diff before the law", ["diff", FI, "2001-01-01", "2020-01-01"], 1, "there is no text on 2001-01-01"),
    Case("a path for a law", ["show", "../amendments/" + FI], 1, "not a law's name"),
    Case("a slash in a law", ["show", "kz/foreign"], 1, "not a law's name"),
    Case("capitals in a law", ["show", "KZ-FOREIGN"], 1, "not a law's name"),
    Case("unknown law", ["show", "kz-no-such-law"], 1, "no law 'kz-no-such-law'"),
    Case("unknown eId", ["show", FI, "--as-of", "2014-01-01", "--provision", "art_99"], 1, "art_99"),
    Case("malformed eId", ["show", FI, "--as-of", "2014-01-01", "--provision", "article-1"], 1, "article-1"),
    Case("timeline of an unknown eId", ["timeline", FI, "--provision", "art_99"], 1, "art_99"),
    Case("diff of an unknown eId", ["diff", FI, "2012-01-01", "2014-01-01", "--provision", "art_99"], 1, "art_99"),
    Case("effective without dates", ["effective", "с 1 января 2016 года"], 2, "--published"),
    Case("publication at the calendar's end",
         ["effective", "по истечении десяти календарных дней после дня его первого официального опубликования",
          "--published", "9999-12-31"], 1, "outside the calendar"),
    Case("nine thousand years",
         ["effective", "по истечении 9000 лет после дня его первого официального опубликования",
          "--published", "2020-01-01"], 1, "outside the calendar"),
    Case("a twenty-digit day count",
         ["effective", "по истечении 99999999999999999999 дней после дня его первого официального опубликования",
          "--published", "2020-01-01"], 1, "outside the calendar"),
    Case("adoption at the calendar's end",
         ["effective", "по истечении десяти календарных дней после дня его первого официального опубликования",
          "--adopted", "9999-12-20"], 1, "outside the calendar"),
    Case("a rule not understood", ["effective", "когда-нибудь потом", "--published", "2020-01-01"], 1,
         "unrecognised commencement rule"),
    Case("published before adopted", ["effective", "с 1 января 2016 года", "--published", "2015-01-01",
                                      "--adopted", "2015-06-01"], 1, "precedes adoption"),
    # the corpus folder
    Case("no such corpus", ["--corpus", "/nonexistent/corpus", "laws"], 1, "no corpus folder"),
    Case("no such corpus (environment)", ["laws"], 1, "no corpus folder",
         env={"CONSOLIDATE_CORPUS": "/nonexistent/corpus"}),
    Case("a file for a corpus", ["laws"], 1, "no corpus folder", setup=write("/plain-file", "x"),
         env={"CONSOLIDATE_CORPUS": "{root}/plain-file"}),
    Case("a folder that is not a corpus", ["laws"], 1, "not a corpus folder", env={"CONSOLIDATE_CORPUS": "{root}/snapshots"}),
    Case("check of an empty corpus", ["check"], 1, "nothing to check", setup=empty_corpus),
    Case("a copy of a law under another folder", ["show", "a-draft-copy", "--as-of", "2014-01-01"], 1,
         "declares the law", setup=copy_with_same_slug),
    # law.toml
    Case("law.toml in cp1251", ["show", FI], 1, "not UTF-8",
         setup=lambda w: (w.law_dir / "law.toml").write_bytes(
             (w.law_dir / "law.toml").read_text(encoding="utf-8").encode("cp1251", "replace"))),
    Case("law.toml of random bytes", ["show", FI], 1, "law.toml", setup=write("law.toml", os.urandom(300))),
    Case("law.toml cut inside a letter", ["show", FI], 1, "not UTF-8",
         setup=lambda w: (w.law_dir / "law.toml").write_bytes((w.law_dir / "law.toml").read_bytes()[:-1]
                                                              .rstrip(b"\n") + "ё".encode()[:1])),
    Case("law.toml with a NUL", ["show", FI], 1, "NUL", setup=edit_law_toml('number = "277-IV"', 'number = "277-IV\x00"')),
    Case("law.toml without its number", ["show", FI], 1, "'number'", setup=edit_law_toml('number = "277-IV"\n', "")),
    Case("law.toml with a bad slug", ["show", FI], 1, "slug", setup=edit_law_toml(f'slug = "{FI}"', 'slug = "Bad Slug"')),
    Case("law.toml naming another slug", ["show", FI], 1, "declares the law",
         setup=edit_law_toml(f'slug = "{FI}"', 'slug = "kz-other"')),
    Case("a snapshot outside the snapshots", ["show", FI], 1, "inside snapshots",
         setup=edit_law_toml('file = "rus/2010-original.md"', 'file = "../../../etc/passwd"')),
    Case("a snapshot that is missing", ["show", FI], 1, "snapshot file not found",
         setup=edit_law_toml('file = "rus/2010-original.md"', 'file = "rus/nope.md"')),
    Case("malformed law.toml", ["show", FI], 1, "malformed TOML", setup=write("law.toml", "slug = [\n")),
    # the base text
    Case("a base text in cp1251", ["show", FI, "--as-of", "2014-01-01"], 1, "not UTF-8",
         setup=edit_snapshot(lambda b: b.decode("utf-8").encode("cp1251", "replace"))),
    Case("a base text cut inside a letter", ["show", FI, "--as-of", "2014-01-01"], 1, "not UTF-8",
         setup=edit_snapshot(lambda b: b[:len(b) // 2] + "ж".encode()[:1] + b[len(b) // 2:])),
    Case("a base text of random bytes", ["show", FI, "--as-of", "2014-01-01"], 1, "2010-original.md",
         setup=edit_snapshot(lambda b: os.urandom(2000))),
    Case("a base text with a NUL", ["show", FI, "--as-of", "2014-01-01", "--format", "akn"], 1, "NUL",
         setup=edit_snapshot(lambda b: b.replace("разведки".encode(), "разв\x00едки".encode(), 1))),
    Case("a base text that is a folder", ["show", FI, "--as-of", "2014-01-01"], 1, "not a regular file",
         setup=snapshot_dir),
    Case("an empty base text", ["show", FI, "--as-of", "2014-01-01"], 1, "2010-original.md",
         setup=edit_snapshot(lambda b: b"")),
    Case("a base text with no articles", ["show", FI, "--as-of", "2014-01-01"], 1, "no articles",
         setup=edit_snapshot(lambda b: "# О внешней разведке\n\nТекст без статей.\n".encode())),
    # act files
    Case("an act file that is a folder", ["show", FI, "--as-of", "2014-01-01"], 1, "a directory", setup=act_dir),
    Case("an act file that links to itself", ["show", FI, "--as-of", "2014-01-01"], 1, "loops", setup=symlink_loop),
    Case("an act file that is a FIFO", ["show", FI, "--as-of", "2014-01-01"], 1, "not a regular file", setup=act_fifo),
    Case("a malformed act file", ["show", FI, "--as-of", "2014-01-01"], 1, "line",
         setup=act_file("2020-01-01_1-IX.toml", 'number = "1-IX"\n[[operations]\n')),
    Case("an act file in cp1251", ["show", FI, "--as-of", "2014-01-01"], 1, "not UTF-8",
         setup=lambda w: first_act(w).write_bytes(first_act(w).read_text(encoding="utf-8").encode("cp1251", "replace"))),
    Case("an act dated before its law", ["show", FI, "--as-of", "2014-01-01"], 1, "before the law",
         setup=act_file("1998-01-01_1-IX.toml", GOOD_ACT.replace("2020-01-01", "1998-01-01"))),
    Case("check of an act dated before its law", ["check", FI], 1, "before the law",
         setup=act_file("1998-01-01_1-IX.toml", GOOD_ACT.replace("2020-01-01", "1998-01-01"))),
    Case("an act in a file named for another", ["show", FI, "--as-of", "2014-01-01"], 1, "named for act",
         setup=act_file("2020-01-01_2-IX.toml", GOOD_ACT)),
    Case("an unknown operation", ["show", FI, "--as-of", "2021-01-01"], 1, "op must be one of",
         setup=act_file("2020-01-01_1-IX.toml", GOOD_ACT.replace('"repeal"', '"obliterate"'))),
    Case("a malformed target", ["show", FI, "--as-of", "2021-01-01"], 1, "malformed eId",
         setup=act_file("2020-01-01_1-IX.toml", GOOD_ACT.replace('"art_2__para_1"', '"article two"'))),
    Case("words that are not there", ["show", FI, "--as-of", "2016-01-01"], 1, "words not found",
         setup=act_file("2015-01-01_1-IX.toml", GOOD_ACT.replace("2020-01", "2015-01").replace(
             'op = "repeal"', 'op = "delete_words"\nwords = "нет таких слов"'))),
    Case("publication before adoption", ["show", FI, "--as-of", "2021-01-01"], 1, "before adoption",
         setup=act_file("2020-01-01_1-IX.toml", GOOD_ACT + "[publication]\ndate = 2019-01-01\n")),
    Case("one act in two files", ["show", FI, "--as-of", "2021-01-01"], 1, "listed twice",
         setup=lambda w: shutil.copy(first_act(w), w.acts / "zz-copy.toml")),
    Case("an act's rule at the calendar's end", ["show", FI, "--as-of", "2021-01-01"], 1, "outside the calendar",
         setup=act_file("2020-01-01_1-IX.toml", GOOD_ACT.replace("effective = 2020-01-20", 'text = "Настоящий Закон '
                        'вводится в действие по истечении 9000 лет после дня его первого официального опубликования."'))),
    # check: strict
    Case("check of a base text cut before Art. 29", ["check", NS], 1, "missing from the replay", law=NS,
         setup=cut_base_before_article(29)),
    # streams
    Case("standard output closed", ["show", FI, "--as-of", "2014-01-01"], 1, "standard output", stdout="closed"),
    Case("standard output full", ["show", FI, "--as-of", "2014-01-01"], 1, "No space left", stdout="full"),
    Case("standard output full (json)", ["show", FI, "--as-of", "2014-01-01", "--format", "json"], 1,
         "No space left", stdout="full"),
    Case("an encoding that cannot carry the text", ["show", FI, "--as-of", "2014-01-01"], 1, "encoding",
         env={"PYTHONIOENCODING": "latin-1"}),
    Case("a reader that closes the pipe at once", ["show", FI, "--as-of", "2014-01-01", "--format", "json"], 141,
         stdout="early-close"),
]


def store_faults() -> list[tuple[str, Callable[[Path], None]]]:
    """Ways the store's files can be wrong; each must still give the right answer."""

    def each(pattern: str, change: Callable[[Path], object]) -> Callable[[Path], None]:
        def do(store: Path) -> None:
            found = sorted(store.glob(pattern))
            assert found, pattern
            for p in found:
                change(p)
        return do

    def flip(at: float) -> Callable[[Path], None]:
        def do(p: Path) -> None:
            data = bytearray(p.read_bytes())
            i = min(len(data) - 1, int(len(data) * at))
            data[i] ^= 0x04
            p.write_bytes(bytes(data))
        return do

    def fifo(p: Path) -> None:
        p.unlink()
        os.mkfifo(p)

    def planted(p: Path) -> None:
        class Payload:
            def __reduce__(self) -> tuple[object, tuple[str]]:
                return (os.system, (f"touch {p.parent}/RAN",))
        p.write_bytes(pickle.dumps(Payload()))

    def to_dir(p: Path) -> None:
        p.unlink()
        p.mkdir()

    def link_out(p: Path) -> None:
        target = p.parent.parent / "elsewhere"
        target.write_bytes(p.read_bytes())
        p.unlink()
        p.symlink_to(target)

    return [
        ("a key memo damaged", each("*.key", lambda p: p.write_bytes(b"\xff\xfe\x00garbage"))),
        ("a key memo emptied", each("*.key", lambda p: p.write_bytes(b""))),
        ("a time line flipped in the middle", each("*.timeline", flip(0.5))),
        ("a time line flipped at the end", each("*.timeline", flip(0.999))),
        ("a time line cut short", each("*.timeline", lambda p: p.write_bytes(p.read_bytes()[:100]))),
        ("a planted pickle for a time line", each("*.timeline", planted)),
        ("a FIFO for a time line", each("*.timeline", fifo)),
        ("a folder for a time line", each("*.timeline", to_dir)),
        ("a time line linked out of the store", each("*.timeline", link_out)),
        ("a text index flipped", each("*.textindex", flip(0.6))),
        ("a text index flipped in its header", each("*.textindex", flip(0.001))),
        ("a FIFO for a text index", each("*.textindex", fifo)),
        ("a text index emptied", each("*.textindex", lambda p: p.write_bytes(b""))),
        ("a diff index flipped", each("*.diffindex", flip(0.7))),
        ("a FIFO for a diff index", each("*.diffindex", fifo)),
    ]


def _streams(case: Case, w: World) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "CONSOLIDATE_CORPUS": str(w.root), "CONSOLIDATE_CACHE": str(w.store), "NO_COLOR": "1"}
    env.update({k: v.replace("{root}", str(w.root)) for k, v in case.env.items()})
    argv = [EXE, *case.argv]
    if case.stdout == "pipe":
        return subprocess.run(argv, env=env, capture_output=True, timeout=120)
    if case.stdout == "closed":
        return subprocess.run(argv, env=env, stdout=None, stderr=subprocess.PIPE, timeout=120,
                              preexec_fn=lambda: os.close(1))
    if case.stdout == "full":
        with open("/dev/full", "wb") as full:
            return subprocess.run(argv, env=env, stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert case.stdout == "early-close"
    read, write_ = os.pipe()
    os.close(read)  # the reader is gone before the first byte
    try:
        return subprocess.run(argv, env=env, stdout=write_, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_)


def assert_clean(result: subprocess.CompletedProcess[bytes], case: Case) -> None:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == case.code, (case.name, result.returncode, err)
    assert "Traceback" not in err, err
    if case.code == 1:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("consolidate: error: "), err
        assert case.says in lines[0], (case.says, lines[0])
    elif case.code == 2:
        assert case.says in err and ("Usage:" in err or "Error:" in err), err
    elif case.code == 141:
        assert err == "", err


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_bad_input(case: Case, tmp_path: Path) -> None:
    w = make_world(tmp_path, case.law)
    if case.setup is not None:
        case.setup(w)
    before = tree_hash(w.root)
    result = _streams(case, w)
    assert_clean(result, case)
    assert tree_hash(w.root) == before, "the corpus changed"
    if w.store.exists():
        leftovers = [p.name for p in w.store.iterdir() if p.name.startswith(".")]
        assert leftovers == [], leftovers


def test_the_catalogue_is_large() -> None:
    assert len(CASES) + len(store_faults()) >= 60


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A corpus, and the answers a fresh store gives (which also fill the store)."""
    w = make_world(tmp_path_factory.mktemp("answers"), FI)
    out = {}
    for argv in QUESTIONS:
        r = w.run(*argv)
        assert r.returncode == 0, r.stderr
        out[" ".join(argv)] = r.stdout
    return w.root, out


QUESTIONS = [["show", FI, "--as-of", "2014-09-01"], ["diff", FI, "2011-01-01", "2015-01-01"],
             ["show", FI, "--as-of", "2013-01-01", "--format", "json"]]


@pytest.mark.parametrize("fault", store_faults(), ids=lambda f: f[0])
def test_a_damaged_store(fault: tuple[str, Callable[[Path], None]], answers: tuple[Path, dict[str, bytes]],
                         tmp_path: Path) -> None:
    """Every question is asked once to fill the store, the store is damaged, and asked again:
    the answers are the fresh ones, and a planted file never runs."""
    root, fresh = answers
    w = World(root, tmp_path / "store", FI)
    for argv in QUESTIONS * 2:  # twice: the second is answered from the indexes
        assert w.run(*argv).returncode == 0
    fault[1](w.store)
    for argv in QUESTIONS:
        r = w.run(*argv)
        assert r.returncode == 0 and "Traceback" not in r.stderr.decode(), r.stderr
        assert r.stdout == fresh[" ".join(argv)], fault[0]
    assert not (w.store / "RAN").exists()


def test_an_interrupt_leaves_nothing_half_written(tmp_path: Path) -> None:
    w = make_world(tmp_path, NS)
    env = {**os.environ, "CONSOLIDATE_CORPUS": str(w.root), "CONSOLIDATE_CACHE": str(w.store)}
    proc = subprocess.Popen([EXE, "show", NS, "--as-of", "2020-01-01"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    time.sleep(0.4)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 or not err  # interrupted, or done before the signal
    assert b"Traceback" not in err, err
    assert [p for p in w.store.glob(".*")] == [] if w.store.exists() else True
    r = w.run("show", NS, "--as-of", "2020-01-01")
    assert r.returncode == 0


def test_concurrent_cold_runs_agree(tmp_path: Path) -> None:
    w = make_world(tmp_path, FI)
    env = {**os.environ, "CONSOLIDATE_CORPUS": str(w.root), "CONSOLIDATE_CACHE": str(w.store)}
    procs = [subprocess.Popen([EXE, "show", FI, "--as-of", "2014-09-01"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(6)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _o, e in outs]
    assert len({o for o, _e in outs}) == 1
    assert w.run("show", FI, "--as-of", "2014-09-01").stdout == outs[0][0]
