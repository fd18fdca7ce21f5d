"""The benchmark corpus generator (bench/gen.py): deterministic, loadable,
every operation applies, every kind of operation present.  No timings here:
``make bench`` measures."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench import gen
from consolidate.corpus import Corpus

SCALE = 0.02
REPO = Path(__file__).resolve().parents[1]


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def markdown_reader() -> bool:
    """Whether the engine can read a Markdown base text yet."""
    for name in ("consolidate.formats.markdown", "consolidate.grammar.snapshot"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "read_markdown"):
            return True
    return False


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, gen.Stats]:
    root = tmp_path_factory.mktemp("bench-corpus")
    stats = gen.generate(root, scale=SCALE, keep_final=True)
    return root, stats


def act_files(root: Path) -> list[dict[str, Any]]:
    return [tomllib.loads(p.read_text(encoding="utf-8"))
            for p in sorted((root / "amendments" / gen.SLUG / "acts").glob("*.toml"))]


class TestDeterminism:
    def test_same_seed_same_bytes(self, corpus: tuple[Path, gen.Stats], tmp_path: Path) -> None:
        root, _ = corpus
        gen.generate(tmp_path, scale=SCALE)
        assert files(tmp_path) == files(root)

    def test_same_bytes_in_another_process_with_another_hash_seed(
        self, corpus: tuple[Path, gen.Stats], tmp_path: Path
    ) -> None:
        root, _ = corpus
        env = {**os.environ, "PYTHONHASHSEED": "12345"}
        subprocess.run([sys.executable, "-m", "bench.gen", str(tmp_path), "--scale", str(SCALE)],
                       cwd=REPO, env=env, check=True, capture_output=True)
        assert files(tmp_path) == files(root)

    def test_another_seed_another_corpus(self, corpus: tuple[Path, gen.Stats], tmp_path: Path) -> None:
        root, _ = corpus
        gen.generate(tmp_path, scale=SCALE, seed=7)
        assert files(tmp_path) != files(root)


class TestLayout:
    def test_paths(self, corpus: tuple[Path, gen.Stats]) -> None:
        root, stats = corpus
        assert (root / "amendments" / gen.SLUG / "law.toml").is_file()
        assert (root / "snapshots" / gen.SLUG / "rus" / "base.md").is_file()
        assert len(act_files(root)) == stats.acts

    def test_base_text_has_the_shape_of_the_real_markdown(self, corpus: tuple[Path, gen.Stats]) -> None:
        root, _ = corpus
        lines = (root / "snapshots" / gen.SLUG / "rus" / "base.md").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ")
        assert any(line.startswith("## Глава 1. ") for line in lines)
        assert any(line.startswith("### Статья 1. ") for line in lines)
        assert any(line.startswith("      1. ") for line in lines)
        assert any(line.startswith("      1) ") for line in lines)
        # blocks are separated by blank lines
        assert all(not a or not b for a, b in zip(lines, lines[1:]))

    def test_loads_as_a_corpus(self, corpus: tuple[Path, gen.Stats]) -> None:
        root, stats = corpus
        law = Corpus(root).law(gen.SLUG)
        assert len(law.acts) == stats.acts
        assert sum(len(a.operations) for a in law.acts) == stats.operations
        assert law.base("rus") is not None


class TestActs:
    def test_every_kind_of_operation(self, corpus: tuple[Path, gen.Stats]) -> None:
        root, stats = corpus
        kinds = Counter(op["op"] for act in act_files(root) for op in act["operations"])
        assert set(kinds) == set(gen.KINDS)
        assert all(kinds[k] > 0 for k in gen.KINDS)
        assert dict(kinds) == stats.kinds

    def test_words_operations_name_the_occurrence_or_have_one(self, corpus: tuple[Path, gen.Stats]) -> None:
        root, _ = corpus
        ops = [op for act in act_files(root) for op in act["operations"]]
        assert any("occurrence" in op for op in ops)
        assert any(op.get("throughout") for op in ops)

    def test_effective_dates_follow_the_rule_as_written(self, corpus: tuple[Path, gen.Stats]) -> None:
        root, _ = corpus
        for act in act_files(root):
            published = act["publication"]["date"]
            com = act["commencement"]
            text, effective = com["text"], com["effective"]
            assert published >= act["adopted"]
            assert published - act["adopted"] <= dt.timedelta(days=30)
            if "по истечении десяти календарных дней" in text:
                assert effective == published + dt.timedelta(days=11)
            elif "со дня его первого официального опубликования" in text:
                assert effective == published
            else:
                assert text.endswith(f"с 1 января {effective.year} года.") and (effective.month, effective.day) == (1, 1)

    def test_rules_only_leaves_ten_day_acts_to_the_rule(self, tmp_path: Path) -> None:
        gen.generate(tmp_path, scale=SCALE, rules_only=True)
        for act in act_files(tmp_path):
            com = act["commencement"]
            assert ("effective" in com) != ("по истечении десяти" in com["text"])


@pytest.mark.skipif(not markdown_reader(), reason="the engine's Markdown reader (read_markdown) is not importable yet")
class TestReplay:
    def test_every_operation_applies(self, corpus: tuple[Path, gen.Stats]) -> None:
        from consolidate.timeline.compile import compile_timeline

        root, stats = corpus
        law = Corpus(root).law(gen.SLUG)
        tl = compile_timeline(law, "rus", strict=True)
        assert not tl.errors
        assert not tl.warnings
        assert len(tl.steps) == stats.operations
        assert all(s.applied == "applied" for s in tl.steps)

    def test_engine_and_generator_agree_on_the_final_text(self, corpus: tuple[Path, gen.Stats]) -> None:
        from consolidate.model import Kind, Status
        from consolidate.timeline.compile import compile_timeline

        root, stats = corpus
        assert stats.final is not None
        tl = compile_timeline(Corpus(root).law(gen.SLUG), "rus", strict=True)
        doc = tl.as_of(dt.date(2035, 1, 1)).document
        engine = {p.eid: (p.heading, p.text, p.status is Status.REPEALED) for p in doc.provisions()
                  if p.kind is not Kind.PREAMBLE and not p.eid.startswith("preamble")}
        assert engine == stats.final
