"""A state machine that edits, damages and restores corpus and store files between
questions, and checks every answer against a fresh run of the full engine (no store).

Edits keep the files' times in the past (as an edit a minute ago would), so that the
store's indexes are written and trusted, and must notice every change by the files'
metadata and content."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from consolidate import __main__ as entry
from consolidate.cli import main

REPO = Path(__file__).resolve().parents[1]
FI = "kz-foreign-intelligence"
QUESTIONS = [
    ["show", FI, "--as-of", "2014-09-01"],
    ["show", FI, "--as-of", "2012-06-01"],
    ["diff", FI, "2011-01-01", "2015-01-01"],
    ["show", FI, "--as-of", "2014-09-01", "--provision", "art_9"],
    ["timeline", FI, "--provision", "art_6__subpara_1"],
]
# (act file, words in it, another wording of the same length and of another length)
EDITS = [("2012-04-23_14-V.toml", ", кодированной", (", закодированной", ", кодированно")),
         ("2014-04-07_185-V.toml", "военной разведки", ("военной развЕдки", "военной разведки!"))]


class Store(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(os.environ["STATE_MACHINE_TMP"]) / f"run-{time.monotonic_ns()}"
        self.clock = time.time() - 10_000  # every edit gets a new time, long settled

    @initialize()
    def corpus(self) -> None:
        self.root = self.tmp / "corpus"
        for part in ("amendments", "snapshots"):
            shutil.copytree(REPO / part / FI, self.root / part / FI)
        self.store = self.tmp / "store"
        for p in self.root.rglob("*"):
            self._age(p)

    def _age(self, path: Path) -> None:
        self.clock += 7
        os.utime(path, (self.clock, self.clock))

    def _act(self, name: str) -> Path:
        return self.root / "amendments" / FI / "acts" / name

    # -- what changes ------------------------------------------------------------------

    @rule(which=st.sampled_from(EDITS), variant=st.integers(0, 2))
    def edit_an_act(self, which: tuple[str, str, tuple[str, str]], variant: int) -> None:
        name, words, others = which
        path = self._act(name)
        original = (REPO / "amendments" / FI / "acts" / name).read_text(encoding="utf-8")
        text = original if variant == 0 else original.replace(words, others[variant - 1])
        path.write_text(text, encoding="utf-8")
        self._age(path)

    # What to damage is drawn with constraints that do not depend on the store's state (its files
    # and their sizes differ from run to run), so that Hypothesis can replay and shrink a case.
    @rule(pick=st.integers(0, 2**16), how=st.sampled_from(["flip", "cut", "empty", "delete", "fifo", "garbage"]),
          where=st.integers(0, 2**32))
    def damage_a_store_file(self, pick: int, how: str, where: int) -> None:
        if not self.store.exists():
            return
        found = sorted(p for p in self.store.iterdir() if p.is_file() and not p.is_symlink())
        if not found:
            return
        path = found[pick % len(found)]
        content = path.read_bytes()
        if how == "flip" and content:
            at = where % len(content)
            path.write_bytes(content[:at] + bytes([content[at] ^ 0x10]) + content[at + 1:])
        elif how == "cut":
            path.write_bytes(content[: len(content) // 2])
        elif how == "empty":
            path.write_bytes(b"")
        elif how == "delete":
            path.unlink()
        elif how == "fifo":
            path.unlink()
            os.mkfifo(path)
        else:
            path.write_bytes(where.to_bytes(8, "little") * 8)

    @rule()
    def clear_the_store(self) -> None:
        shutil.rmtree(self.store, ignore_errors=True)

    # -- what is asked -----------------------------------------------------------------

    def _ask(self, argv: list[str], cache: str) -> tuple[int, bytes]:
        env = {"CONSOLIDATE_CORPUS": str(self.root), "CONSOLIDATE_CACHE": cache, "NO_COLOR": "1"}
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            out = io.BytesIO()
            if cache != "off" and entry.quick(argv, out):
                return 0, out.getvalue()
            result = CliRunner().invoke(main, argv, env=env)
            return result.exit_code, result.stdout_bytes
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    @rule(argv=st.sampled_from(QUESTIONS))
    def ask(self, argv: list[str]) -> None:
        got = self._ask(argv, str(self.store))
        fresh = self._ask(argv, "off")
        assert got == fresh, argv

    @rule(argv=st.sampled_from(QUESTIONS[:3]))
    def ask_a_plain_question(self, argv: list[str]) -> None:
        """Asked often: the plain show and diff are what the indexes answer."""
        self.ask(argv)

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


@pytest.mark.parametrize("seed", [0])
def test_the_store_never_lies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    monkeypatch.setenv("STATE_MACHINE_TMP", str(tmp_path))
    run_state_machine_as_test(Store, settings=settings(max_examples=20, stateful_step_count=25, deadline=None,
                                                       suppress_health_check=list(HealthCheck)))
