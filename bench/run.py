"""``make bench``: the engine against git, SQLite and cat on a code-scale law.

Steps (progress goes to stderr):

1. generate the corpus (:mod:`bench.gen`) into ``bench/work/corpus``;
2. compile it once and build the peers (:mod:`bench.peers`) from that same
   history: a git repository with one commit per effective date, a SQLite
   table of unit versions, a text rendered beforehand for ``cat``;
3. check that the peers give back the engine's text, then measure the median
   of ``--runs`` runs (after one warm-up run) of every metric;
4. measure the shipped corpus (kz-national-security, rus);
5. profile the cold ``show`` and the compile;
6. print a table and write ``bench/results/latest.json``.

Targets are reported, never enforced: the run does not fail on them.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as _dt
import gc
import io
import json
import math
import os
import platform
import pstats
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from bench import gen, peers

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
RESULTS = BENCH / "results"
PEERS = ("git", "sqlite", "cat")
# the questions off the indexes' quick path, each against git's show (or diff) of the same dates
OFF_INDEX = ("show_provision_cold", "show_json_cold", "known_on_cold", "timeline_provision_cold", "diff_json_cold",
             "show_cold_pipe")
METRICS = ("show_cold", "asof_inprocess", "diff_cold", "diff_inprocess", "compile", *OFF_INDEX)
TARGETS = {  # metric, peer, ours/peer at most
    "show_cold": ("git", 1.0),
    "asof_inprocess": ("git", 0.1),
    "diff_cold": ("git", 0.5),
    "show_provision_cold": ("git", 0.5),
    "known_on_cold": ("git", 0.5),
    "timeline_provision_cold": ("git", 0.5),
    "show_json_cold": ("git", 1.0),
    "diff_json_cold": ("git", 1.0),
    "show_cold_pipe": ("git", 0.8),
}
COMPILE_TARGET_S = 2.0
COMPILE_K1_TARGET_S = 1.0
COMPILE_EXPONENT_TARGET = 1.05
STORE_TARGET = 2.0  # store bytes per byte of consolidated text
BUILD_LAWS, BUILD_LAW = 200, "kz-foreign-intelligence"
BUILD_PER_LAW_TARGET_S, BUILD_SPEEDUP_TARGET = 0.040, 0.65
RSS_TARGET = 10.0
REAL_TARGET_S = 0.2
REAL_LAW, REAL_SHOW, REAL_DIFF = "kz-national-security", "2020-12-31", ("2020-07-01", "2020-12-31")

_T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - _T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# measuring


def run_child(argv: Sequence[str], env: dict[str, str]) -> float:
    """Run a command with stdout to /dev/null; return its wall time."""
    with open(os.devnull, "wb") as null:
        t = time.perf_counter()
        proc = subprocess.run(list(argv), stdout=null, env=env)
        elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(argv)[:300]}")
    return elapsed


def run_piped(argv: Sequence[str], env: dict[str, str]) -> float:
    """Run a command with stdout to a pipe this process reads to the end; return its wall time."""
    t = time.perf_counter()
    proc = subprocess.run(list(argv), stdout=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(argv)[:300]}")
    return elapsed


def cold_piped(commands: dict[str, tuple[Sequence[str], dict[str, str]]], runs: int) -> dict[str, float]:
    """As :func:`cold_side_by_side`, each command writing to a pipe that is read."""
    return cold_side_by_side(commands, runs, run=run_piped)


def cold(argv: Sequence[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of ``runs`` new processes, after one warm-up run."""
    return cold_side_by_side({"": (argv, env)}, runs)[""]


def cold_side_by_side(commands: dict[str, tuple[Sequence[str], dict[str, str]]], runs: int, *,
                      run: Callable[[Sequence[str], dict[str, str]], float] = run_child) -> dict[str, float]:
    """Median wall time of ``runs`` new processes of each command (each started by ``run``),
    after one warm-up run each, the commands taking turns: the machine's speed drifts
    within seconds, and turns spread the drift over all of them alike."""
    for argv, env in commands.values():
        run(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, env) in commands.items():
            times[name].append(run(argv, env))
    return {name: statistics.median(t) for name, t in times.items()}


def each_once(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], env: dict[str, str]) -> tuple[float, float]:
    """Median wall times of our command and git's in each pair, the pairs asking
    questions not asked before (so no warm-up run), ours and git's taking turns."""
    ours: list[float] = []
    git: list[float] = []
    for mine, theirs in pairs:
        ours.append(run_child(mine, env))
        git.append(run_child(theirs, peers.GIT_ENV))
    return statistics.median(ours), statistics.median(git)


def full_engine(argv: Sequence[str]) -> list[str]:
    """``argv`` (a ``consolidate`` command) run by the full command line, without the indexes' quick path."""
    return [sys.executable, "-m", "consolidate.cli", *argv[len(consolidate_argv()):]]


GNU_TIME = shutil.which("time", path="/usr/bin:/bin")
# Without GNU time, a small Python launcher forks the command and reports its rusage.
_LAUNCHER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.execvp(sys.argv[1], sys.argv[1:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "print(usage.ru_maxrss, file=sys.stderr)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def peak_rss(argv: Sequence[str], env: dict[str, str]) -> float:
    """Peak RSS (MiB) of one run of the command.

    ``ru_maxrss`` of a child forked straight from this (large) process would
    count the pages it shares before ``exec``; GNU time (or a small launcher)
    forks it from a small process instead.
    """
    if GNU_TIME:
        with open(os.devnull, "wb") as null:
            proc = subprocess.run([GNU_TIME, "-f", "%M", "-o", "/dev/stderr", *argv], stdout=null,
                                  stderr=subprocess.PIPE, env=env)
    else:
        with open(os.devnull, "wb") as null:
            proc = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], stdout=null, stderr=subprocess.PIPE,
                                  env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(argv)[:300]}")
    return int(proc.stderr.decode().strip().splitlines()[-1]) / 1024  # KiB


def inproc(fn: Callable[[], Any], runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def ratio(ours: float | None, peer: float | None) -> float | None:
    """Our time over a peer's (None: one of them was not measured, or the peer's is 0)."""
    return ours / peer if ours is not None and peer else None


def profile_top(prof: cProfile.Profile | pstats.Stats, n: int = 15) -> dict[str, str]:
    out = {}
    for key in ("tottime", "cumulative"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf) if isinstance(prof, cProfile.Profile) else prof
        stats.stream = buf  # type: ignore[attr-defined]  # typeshed's Stats does not declare stream
        stats.strip_dirs().sort_stats(key).print_stats(n)
        text = buf.getvalue()
        # keep the table only
        start = text.find("   ncalls")
        out[key] = text[start:].rstrip() if start >= 0 else text.rstrip()
    return out


# ---------------------------------------------------------------------------


def consolidate_argv() -> list[str]:
    exe = Path(sys.executable).parent / "consolidate"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "consolidate.cli"]


def fmt_s(x: float | None) -> str:
    if x is None:
        return "—"
    if x >= 1:
        return f"{x:.2f} s"
    if x >= 1e-3:
        return f"{x * 1e3:.1f} ms"
    return f"{x * 1e6:.0f} µs"


def fmt_r(x: float | None) -> str:
    return "—" if x is None else (f"{x:.2f}×" if x < 100 else f"{x:.0f}×")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description="Benchmarks against git, SQLite and cat.")
    ap.add_argument("--scale", type=float, default=1.0, help="corpus scale (1.0: 10,000 operations)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (the median is reported)")
    ap.add_argument("--compile-runs", type=int, default=5, help="runs of the engine's and SQLite's compile (the git build runs once)")
    ap.add_argument("--as-of", default="2024-12-31", help="the date shown")
    ap.add_argument("--years", type=int, default=5, help="span of the cold diff, in years back from --as-of")
    ap.add_argument("--no-real", action="store_true", help="skip the shipped corpus")
    ap.add_argument("--no-scaling", action="store_true",
                    help="skip compile_k4 (a corpus 4x the scale: a minute to generate, more to compile)")
    ap.add_argument("--build-laws", type=int, default=BUILD_LAWS,
                    help=f"laws of build_200_laws (copies of {BUILD_LAW}; 0 skips it)")
    ap.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = ap.parse_args(argv)
    runs = max(1, args.runs)

    import gc

    from consolidate.cli import GC_THRESHOLDS
    from consolidate.diff import diff as engine_diff
    from consolidate.library import Library
    from consolidate.render import output
    from consolidate.render.layout import render_markdown, render_text
    from consolidate.timeline.compile import compile_timeline

    gc.set_threshold(*GC_THRESHOLDS)  # as the command line does: the in-process measurements run like it
    WORK.mkdir(exist_ok=True)
    corpus = WORK / "corpus"
    cache_dir = WORK / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    # Child processes keep their bytecode (under bench/work/pycache) as an installed tool would,
    # even when this shell sets PYTHONDONTWRITEBYTECODE.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(CONSOLIDATE_CACHE=str(cache_dir), NO_COLOR="1", PYTHONPYCACHEPREFIX=str(WORK / "pycache"))
    os.environ["CONSOLIDATE_CACHE"] = str(cache_dir)
    notes: list[str] = [
        "Python children run with bytecode caching on (PYTHONPYCACHEPREFIX=bench/work/pycache, written by the "
        "warm-up runs), as an installed command would",
        f"peak RSS: one run under {'GNU time (%M)' if GNU_TIME else 'a small forking launcher (floor ~8 MiB)'}",
    ]
    result: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "git": subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip(),
                    "sqlite": sqlite3.sqlite_version, "loadavg_at_start": os.getloadavg()},
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "runs": runs,
    }

    # 1. the corpus --------------------------------------------------------------
    log(f"generating the corpus at scale {args.scale} into {corpus}")
    stats = gen.generate(corpus, scale=args.scale, seed=args.seed, log=log)
    log(f"  {stats.articles} articles, {stats.units} units, {stats.acts} acts, {stats.operations} operations "
        f"({', '.join(f'{k} {v}' for k, v in stats.kinds.items())}); {stats.seconds:.1f} s")
    result["corpus"] = {
        "scale": args.scale, "seed": args.seed, "articles": stats.articles, "units": stats.units,
        "acts": stats.acts, "operations": stats.operations, "kinds": stats.kinds,
        "base_bytes": stats.base_bytes, "act_files_bytes": stats.acts_bytes,
        "final_articles": stats.final_articles, "final_units": stats.final_units,
        "generate_seconds": round(stats.seconds, 2),
    }
    slug = gen.SLUG
    day = _dt.date.fromisoformat(args.as_of)
    diff_a, diff_b = day - relativedelta(years=args.years), day

    # 2. compile once, warm the on-disk cache, build the peers ---------------------
    ours_cli = consolidate_argv() + ["--corpus", str(corpus)]
    show_argv = ours_cli + ["show", slug, "--as-of", day.isoformat(), "--lang", "rus"]
    diff_argv = ours_cli + ["diff", slug, diff_a.isoformat(), diff_b.isoformat(), "--lang", "rus"]
    log("first `consolidate show` with an empty cache (compiles and writes the cache)")
    first_show = run_child(show_argv, env)
    notes.append(f"first `consolidate show` with an empty on-disk cache (compile + pickle write): "
                 f"{first_show:.2f} s; every other cold measurement has the cache warm")

    indexes = list(cache_dir.glob("*.textindex"))
    if not indexes:  # the corpus files were too new to be trusted (written < 2 s before): once more
        time.sleep(2.1)
        run_child(show_argv, env)
        indexes = list(cache_dir.glob("*.textindex"))
    notes.append(f"text index written by the first show: {bool(indexes)} "
                 f"({sum(p.stat().st_size for p in indexes) / 2**20:.1f} MiB)")
    lib = Library.open(corpus)
    tl = lib.timeline(slug, "rus")  # from the cache just written
    law = lib.law(slug)
    ours_text = output.show(lib.show(slug, day, lang="rus"), fmt="text")
    text_bytes = len(ours_text.encode())
    result["corpus"]["consolidated_bytes"] = text_bytes
    result["corpus"]["version_dates"] = len(peers.version_dates(tl))
    log(f"  consolidated text on {day}: {text_bytes / 2**20:.1f} MiB, {len(tl.as_of(day).document.units)} units")

    log("rendering every version for git (Timeline.as_of + render_markdown)")
    versions, render_s = peers.timed(lambda: peers.render_versions(tl, log))
    log(f"  {len(versions)} versions in {render_s:.1f} s")
    repo = WORK / "git"
    log("building the git repository (git fast-import, one commit per version)")
    revs, git_import_s = peers.timed(lambda: peers.build_git(repo, versions))
    rev = peers.rev_on(revs, day)
    git_show_argv = ["git", "-C", str(repo), "show", f"{rev}:{peers.GIT_FILE}"]
    fast_import_show = cold(git_show_argv, peers.GIT_ENV, runs)
    log(f"  {len(revs)} commits in {git_import_s:.1f} s; `git show` on the fast-import pack {fmt_s(fast_import_show)}")
    log("repacking (git repack -a -d -f)")
    _, git_repack_s = peers.timed(lambda: peers.repack(repo))
    git_build_s = git_import_s + git_repack_s
    pack_bytes = sum(p.stat().st_size for p in (repo / ".git" / "objects").rglob("*") if p.is_file())
    log(f"  repacked in {git_repack_s:.1f} s, objects {pack_bytes / 2**20:.1f} MiB")
    notes.append(f"git: `git show` at {day} takes {fmt_s(fast_import_show)} on the pack fast-import writes (each text "
                 "a delta of the one before, chains up to 50 deep) and is measured below after the repack; its time "
                 "depends on where the blob sits in its delta chain")
    db = WORK / "bench.sqlite"
    log("building the SQLite table of unit versions")
    n_rows, sqlite_build_s = peers.timed(lambda: peers.build_sqlite(db, tl))
    log(f"  {n_rows} rows in {sqlite_build_s:.2f} s, {db.stat().st_size / 2**20:.1f} MiB")
    rendered = WORK / "rendered"
    rendered.mkdir(exist_ok=True)
    cat_file = rendered / f"{day.isoformat()}.txt"
    cat_file.write_text(ours_text, encoding="utf-8")
    rev_a, rev_b = peers.rev_on(revs, diff_a), peers.rev_on(revs, diff_b)

    # the peers hold the same text
    con = sqlite3.connect(db)
    in_force = tl.as_of(day).in_force()  # the peers hold the text in force; ours adds status notes
    same_sqlite = peers.sqlite_show(con, day.isoformat()) == render_text(in_force)
    batch = peers.GitBatch(repo)
    same_git = batch.show(rev) == render_markdown(in_force)
    notes.append(f"check: SQLite text on {day} == the engine's text in force: {same_sqlite}; "
                 f"git law.md == the same as Markdown: {same_git} (`consolidate show` prints it with the "
                 "status notes of changes still to come)")
    log(f"  same text: sqlite {same_sqlite}, git {same_git}")
    ours_diff = lib.diff(slug, diff_a, diff_b, lang="rus")
    ours_diff_text = output.diff(ours_diff, fmt="text", color=False)
    diff_file = rendered / f"diff-{diff_a.isoformat()}-{diff_b.isoformat()}.txt"
    diff_file.write_text(ours_diff_text, encoding="utf-8")
    sq_changes = peers.sqlite_diff(con, diff_a.isoformat(), diff_b.isoformat())
    notes.append(f"diff {diff_a} → {diff_b}: {len(ours_diff.changes)} changes (engine; a renumbering is one change), "
                 f"{len(sq_changes)} eIds whose row differs (SQLite; a renumbering is two)")

    metrics: dict[str, dict[str, float | None]] = {}
    peak: dict[str, Any] = {}

    # 3a. show_cold -------------------------------------------------------------------
    log(f"show_cold ({runs} runs each)")
    sqlite_show_argv = [sys.executable, "-c", peers.SQLITE_SHOW, str(db), day.isoformat()]
    cat_argv = ["cat", str(cat_file)]
    m: dict[str, float | None] = {}
    m.update(cold_side_by_side({"ours": (show_argv, env), "git": (git_show_argv, peers.GIT_ENV),
                                "sqlite": (sqlite_show_argv, env), "cat": (cat_argv, env)}, runs))
    # the index is not a cache of answers: every run below asks for a date not asked before
    other_days = [day - relativedelta(years=k, days=37 * k) for k in range(1, runs + 1)]
    other, other_git = each_once([(show_argv[:-3] + [d.isoformat(), "--lang", "rus"],
                                   git_show_argv[:-1] + [f"{peers.rev_on(revs, d)}:{peers.GIT_FILE}"])
                                  for d in other_days], env)
    full = cold(full_engine(show_argv), env, runs)
    result["show_cold_more"] = {
        "other_dates": {"days": [d.isoformat() for d in other_days], "ours": other, "git": other_git},
        "full_engine": {"argv": "python -m consolidate.cli ... (the time line, no text index)", "ours": full},
    }
    notes.append(f"show_cold on {runs} dates each asked once ({other_days[-1]} … {other_days[0]}): ours "
                 f"{fmt_s(other)}, git {fmt_s(other_git)}; the full engine (`python -m consolidate.cli`, which loads "
                 f"the time line and lays the text out) {fmt_s(full)}")
    log(f"  other dates: ours {fmt_s(other)}, git {fmt_s(other_git)}; full engine {fmt_s(full)}")
    peak["ours_show"] = peak_rss(show_argv, env)
    peak["git_show"] = peak_rss(git_show_argv, peers.GIT_ENV)
    peak["sqlite_show"] = peak_rss(sqlite_show_argv, env)
    peak["cat"] = peak_rss(cat_argv, env)
    metrics["show_cold"] = m
    log("  " + ", ".join(f"{k} {fmt_s(v)}" for k, v in m.items()))
    notes += [
        f"show_cold ours: `consolidate --corpus DIR {' '.join(show_argv[-6:])}` (new process, answered from the "
        "text index: check the engine's files and the input files against the index, memory-map it, pick the "
        "byte ranges in effect on the date (a bisection per run of rows), write them; no click, no attrs, no "
        "time line)",
        f"show_cold git: `git -C {repo.name} show REV:{peers.GIT_FILE}`, REV the commit of the last version on or "
        f"before {day} (looked up beforehand)",
        "show_cold sqlite: `python -c <bench.peers.SQLITE_SHOW> DB DATE` (new interpreter, stdlib sqlite3: every row "
        "valid on the date ordered by position, joined into the same text)",
        f"show_cold cat: `cat {cat_file.name}` (the same text rendered beforehand); all with stdout to /dev/null",
    ]

    # 3b. asof_inprocess ---------------------------------------------------------------
    log("asof_inprocess")
    m = {}
    m["ours"] = inproc(lambda: lib.text(slug, day, lang="rus"), runs)
    assert lib.text(slug, day, lang="rus") == ours_text
    asof_only = inproc(lambda: tl.as_of(day), runs)
    asof_render = inproc(lambda: output.show(lib.show(slug, day, lang="rus"), fmt="text"), runs)
    m["git"] = inproc(lambda: batch.show(rev), runs)
    m["sqlite"] = inproc(lambda: peers.sqlite_show(con, day.isoformat()), runs)
    m["cat"] = inproc(lambda: cat_file.read_text(encoding="utf-8"), runs)
    metrics["asof_inprocess"] = m
    log("  " + ", ".join(f"{k} {fmt_s(v)}" for k, v in m.items()) + f" (as_of alone {fmt_s(asof_only)})")
    notes += [
        f"asof_inprocess ours: Library.text(law, D, lang) (the text index in memory, its pieces decoded; the "
        f"same string as the CLI prints); Library.show(law, D) + rendering to text takes {fmt_s(asof_render)} "
        f"(as_of alone: {fmt_s(asof_only)})",
        "asof_inprocess git: one request to a `git cat-file --batch` kept open (REV:law.md), read and decoded; "
        "a subprocess is unavoidable for git, this is its cheapest form",
        "asof_inprocess sqlite: the show query on an open connection + join of the texts",
        "asof_inprocess cat: reading the rendered file (Path.read_text)",
    ]

    # 3c. diff_cold --------------------------------------------------------------------
    log(f"diff_cold {diff_a} → {diff_b}")
    git_diff_argv = ["git", "-C", str(repo), "diff", "--no-color", rev_a, rev_b]
    sqlite_diff_argv = [sys.executable, "-c", peers.SQLITE_DIFF, str(db), diff_a.isoformat(), diff_b.isoformat()]
    first_diff = run_child(diff_argv, env)  # the full engine, which then writes the diff index
    diff_indexes = list(cache_dir.glob("*.diffindex"))
    same_diff = subprocess.run(diff_argv, env=env, capture_output=True, check=True).stdout == diff_file.read_bytes()
    notes.append(f"first `consolidate diff` (the full engine, then writing the diff index): {first_diff:.2f} s; "
                 f"diff index written: {bool(diff_indexes)} "
                 f"({sum(p.stat().st_size for p in diff_indexes) / 2**20:.1f} MiB); "
                 f"check: the next `consolidate diff` prints the full engine's text: {same_diff}")
    log(f"  first diff {first_diff:.2f} s (writes the diff index); same text from the index: {same_diff}")
    m = {}
    m.update(cold_side_by_side({"ours": (diff_argv, env), "git": (git_diff_argv, peers.GIT_ENV),
                                "sqlite": (sqlite_diff_argv, env), "cat": (["cat", str(diff_file)], env)}, runs))
    # the index keeps no answers either: other spans of the same length, each asked once
    other_spans = [(a - relativedelta(months=5 * k), b - relativedelta(months=5 * k))
                   for k, (a, b) in enumerate([(diff_a, diff_b)] * runs, start=1)]
    other, other_git = each_once([(diff_argv[:-4] + [a.isoformat(), b.isoformat(), "--lang", "rus"],
                                   git_diff_argv[:-2] + [peers.rev_on(revs, a), peers.rev_on(revs, b)])
                                  for a, b in other_spans], env)
    full = cold(full_engine(diff_argv), env, runs)
    result["diff_cold_more"] = {
        "other_spans": {"spans": [[a.isoformat(), b.isoformat()] for a, b in other_spans], "ours": other,
                        "git": other_git},
        "full_engine": {"argv": "python -m consolidate.cli ... (the time line, no diff index)", "ours": full},
        "first_diff": first_diff,
    }
    notes.append(f"diff_cold on {runs} other {args.years}-year spans each asked once "
                 f"({other_spans[-1][0]} → {other_spans[-1][1]} … {other_spans[0][0]} → {other_spans[0][1]}): "
                 f"ours {fmt_s(other)}, git {fmt_s(other_git)}; the full engine (`python -m consolidate.cli`, "
                 f"which loads the time line and aligns the words of every modified unit) {fmt_s(full)}")
    log(f"  other spans: ours {fmt_s(other)}, git {fmt_s(other_git)}; full engine {fmt_s(full)}")
    peak["ours_diff"] = peak_rss(diff_argv, env)
    peak["git_diff"] = peak_rss(git_diff_argv, peers.GIT_ENV)
    peak["sqlite_diff"] = peak_rss(sqlite_diff_argv, env)
    metrics["diff_cold"] = m
    log("  " + ", ".join(f"{k} {fmt_s(v)}" for k, v in m.items()))
    notes += [
        f"diff_cold ours: `consolidate --corpus DIR {' '.join(diff_argv[-6:])}` (new process, answered from the "
        "diff index: check it as the text index, memory-map it, bisect the two days in the chain of each unit "
        "changed between them, follow the renumberings, write the stored heads and wordings and the word "
        "redlines stored as segments of them; no click, no attrs, no time line)",
        "diff_cold git: `git diff --no-color A B` (line diff of the two law.md blobs)",
        "diff_cold sqlite: `python -c <bench.peers.SQLITE_DIFF> DB A B` (rows whose intervals differ, paired by eId; "
        "unit level, no word diff)",
        "diff_cold cat: `cat` of the engine's diff output saved beforehand",
    ]

    # 3d. diff_inprocess ---------------------------------------------------------------
    log("diff_inprocess")
    m = {}
    m["ours"] = inproc(lambda: engine_diff(tl, diff_a, diff_b, redline=False), runs)
    diff_rendered = inproc(lambda: output.diff(engine_diff(tl, diff_a, diff_b), fmt="text",
                                               color=False), runs)

    def git_diff_captured() -> bytes:
        return subprocess.run(git_diff_argv, capture_output=True, env=peers.GIT_ENV, check=True).stdout

    m["git"] = inproc(git_diff_captured, runs)
    m["sqlite"] = inproc(lambda: peers.sqlite_diff(con, diff_a.isoformat(), diff_b.isoformat()), runs)
    m["cat"] = inproc(lambda: diff_file.read_text(encoding="utf-8"), runs)
    metrics["diff_inprocess"] = m
    log("  " + ", ".join(f"{k} {fmt_s(v)}" for k, v in m.items()) + f" (with the text redline: {fmt_s(diff_rendered)})")
    notes += [
        f"diff_inprocess ours: consolidate.diff.diff(timeline, A, B), structural by eId with before/after units "
        f"(with the word-level redline rendered as text: {fmt_s(diff_rendered)})",
        "diff_inprocess git: `git diff` in a subprocess, output captured (no in-process git)",
        "diff_inprocess sqlite: the diff query on an open connection, paired by eId",
    ]

    # diff time grows with the changes, not with the law
    log("diff scaling over spans")
    dates = peers.version_dates(tl)
    end = max([d for d in dates if d <= day], default=day)
    scaling = []
    for name, delta in (("1 month", relativedelta(months=1)), ("1 year", relativedelta(years=1)),
                        ("5 years", relativedelta(years=5)), ("whole history", None)):
        start = law.adopted if delta is None else end - delta
        d = engine_diff(tl, start, end, redline=False)
        t = inproc(lambda: engine_diff(tl, start, end, redline=False), runs)
        scaling.append({"span": name, "from": start.isoformat(), "to": end.isoformat(),
                        "units_changed": len(d.changes), "seconds": t,
                        "us_per_changed_unit": (t / len(d.changes) * 1e6) if d.changes else None})
        log(f"  {name:13} {start} → {end}: {len(d.changes):6} changes, {fmt_s(t)}")
    result["diff_scaling"] = {"units_in_law": len(tl.as_of(day).document.units), "as_of_seconds": asof_only,
                              "spans": scaling}

    # 3e. compile ------------------------------------------------------------------------
    crun = max(1, args.compile_runs)
    log(f"compile ({crun} runs each)")

    def compile_ours() -> Any:
        return compile_timeline(Library.open(corpus).law(slug), "rus")

    os.environ["CONSOLIDATE_CACHE"] = "off"
    m = {}
    m["ours"] = inproc(compile_ours, crun, warmup=0)
    os.environ["CONSOLIDATE_CACHE"] = str(cache_dir)
    m["git"] = git_build_s  # one run, at setup: a build takes a minute or more
    m["sqlite"] = inproc(lambda: peers.build_sqlite(WORK / "build.sqlite", tl), crun, warmup=0)
    m["cat"] = None
    (WORK / "build.sqlite").unlink(missing_ok=True)
    metrics["compile"] = m
    log("  " + ", ".join(f"{k} {fmt_s(v)}" for k, v in m.items()))
    notes += [
        f"compile ours: Library.open + read law.toml, {stats.acts} act files and the base text + compile_timeline "
        f"(replay of {stats.operations} operations), CONSOLIDATE_CACHE=off, in process",
        f"compile git: one run (the build above): `git init` + `git fast-import` of {len(versions)} texts already "
        f"rendered ({git_import_s:.1f} s) + `git repack -a -d -f` ({git_repack_s:.1f} s, on {os.cpu_count()} "
        f"cores); rendering the texts with the engine took {render_s:.1f} s more",
        f"compile sqlite: create the table, insert {n_rows} rows from the compiled timeline, index, ANALYZE "
        "(the replay that produces the rows is not included)",
    ]

    # 3f. the questions off the quick path -----------------------------------------------
    log(f"questions off the indexes' quick path ({runs} runs each)")
    off_index(metrics, notes, result, tl, slug, day, diff_a, diff_b, ours_cli, env, runs, git_show_argv,
              git_diff_argv, revs, text_bytes, cache_dir)

    # 3g. compile at four times the scale ------------------------------------------------------
    compile_k1 = metrics["compile"]["ours"]
    growth: dict[str, Any] = {"compile_k1": compile_k1, "scale_k1": args.scale}
    if not args.no_scaling:
        k4 = WORK / "corpus_k4"
        marker = k4 / f".generated-{args.scale * 4}-{args.seed}"
        if not marker.exists():
            log(f"generating the corpus at scale {args.scale * 4} into {k4}")
            shutil.rmtree(k4, ignore_errors=True)
            gen.generate(k4, scale=args.scale * 4, seed=args.seed, log=log)
            marker.write_text("", encoding="utf-8")
        k4_runs = max(1, min(3, crun))  # the exponent moves by a tenth with the machine: a median of three
        log(f"compile_k4 ({k4_runs} runs)")
        os.environ["CONSOLIDATE_CACHE"] = "off"
        compile_k4 = inproc(lambda: compile_timeline(Library.open(k4).law(slug), "rus"), k4_runs, warmup=0)
        os.environ["CONSOLIDATE_CACHE"] = str(cache_dir)
        exponent = math.log(compile_k4 / compile_k1) / math.log(4) if compile_k1 else None
        growth.update(compile_k4=compile_k4, scale_k4=args.scale * 4, compile_exponent=exponent)
        log(f"  compile_k1 {fmt_s(compile_k1)}, compile_k4 {fmt_s(compile_k4)}: exponent "
            f"{'—' if exponent is None else f'{exponent:.3f}'}")
        if exponent is not None and exponent > COMPILE_EXPONENT_TARGET:
            prof = cProfile.Profile()
            os.environ["CONSOLIDATE_CACHE"] = "off"
            prof.runcall(lambda: compile_timeline(Library.open(k4).law(slug), "rus"))
            os.environ["CONSOLIDATE_CACHE"] = str(cache_dir)
            growth["profile_k4"] = profile_top(prof)
    result["compile_scaling"] = growth
    notes.append("compile_exponent = log(compile_k4 / compile_k1) / log 4: the compile of the corpus generated at "
                 "four times the scale (same seed) against the compile above")

    # 3h. many laws at once -------------------------------------------------------------------
    if args.build_laws > 0:
        result["build_200_laws"] = build_many(args.build_laws, env)

    batch.close()
    con.close()

    # peak RSS -------------------------------------------------------------------------
    text_mib = text_bytes / 2**20
    peak = {k: round(v, 1) for k, v in peak.items()}
    peak["text_mib"] = round(text_mib, 2)
    peak["ours_show_over_text"] = round(peak["ours_show"] / text_mib, 1)
    result["peak_mib"] = peak

    # 4. the shipped corpus ----------------------------------------------------------------
    if not args.no_real:
        log("the shipped corpus: kz-national-security (rus)")
        real_cli = consolidate_argv() + ["--corpus", str(REPO)]
        real_show = real_cli + ["show", REAL_LAW, "--as-of", REAL_SHOW, "--lang", "rus"]
        real_diff = real_cli + ["diff", REAL_LAW, *REAL_DIFF, "--lang", "rus"]
        try:
            rs, rs_rss = cold(real_show, env, runs), peak_rss(real_show, env)
            rd, rd_rss = cold(real_diff, env, runs), peak_rss(real_diff, env)
            result["real_corpus"] = {
                "law": REAL_LAW, "lang": "rus", "show": " ".join(real_show[-6:]), "diff": " ".join(real_diff[-6:]),
                "show_cold": rs, "diff_cold": rd, "show_peak_mib": round(rs_rss, 1),
                "diff_peak_mib": round(rd_rss, 1), "target_seconds": REAL_TARGET_S,
            }
            log(f"  show {fmt_s(rs)}, diff {fmt_s(rd)} (target < {REAL_TARGET_S} s)")
        except RuntimeError as exc:
            result["real_corpus"] = {"error": str(exc)}
            log(f"  failed: {exc}")

    # 5. profiles ----------------------------------------------------------------------------
    log("profiling the cold show and the compile")
    profiles: dict[str, Any] = {}
    prof_file = WORK / "show_cold.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof_file), "-m", "consolidate.cli",
                    *show_argv[len(consolidate_argv()):]], stdout=subprocess.DEVNULL, env=env, check=True)
    profiles["show_cold"] = profile_top(pstats.Stats(str(prof_file)))
    os.environ["CONSOLIDATE_CACHE"] = "off"
    prof = cProfile.Profile()
    prof.runcall(compile_ours)
    os.environ["CONSOLIDATE_CACHE"] = str(cache_dir)
    profiles["compile"] = profile_top(prof)
    result["profiles"] = profiles

    # 6. report -----------------------------------------------------------------------------
    ratios: dict[str, dict[str, float | None]] = {}
    for name, row in metrics.items():
        ours = row["ours"]
        ratios[name] = {p: ratio(ours, row[p]) for p in PEERS}
    targets = {}
    for name, (peer, limit) in TARGETS.items():
        r = ratios[name][peer]
        targets[f"{name} ≤ {limit}× {peer}"] = {"measured": r, "met": r is not None and r <= limit}
    targets[f"compile ≤ {COMPILE_TARGET_S} s"] = {"measured": metrics["compile"]["ours"],
                                                 "met": (metrics["compile"]["ours"] or 1e9) <= COMPILE_TARGET_S}
    targets[f"peak RSS of cold show ≤ {RSS_TARGET}× text"] = {"measured": peak["ours_show_over_text"],
                                                             "met": peak["ours_show_over_text"] <= RSS_TARGET}
    targets[f"compile_k1 ≤ {COMPILE_K1_TARGET_S} s"] = {"measured": metrics["compile"]["ours"],
                                                       "met": (metrics["compile"]["ours"] or 1e9) <= COMPILE_K1_TARGET_S}
    exponent = result["compile_scaling"].get("compile_exponent")
    if exponent is not None:
        targets[f"compile_exponent ≤ {COMPILE_EXPONENT_TARGET}"] = {"measured": exponent,
                                                                    "met": exponent <= COMPILE_EXPONENT_TARGET}
    per_text = result["store"]["store_bytes_per_text_byte"]
    targets[f"store_bytes_per_text_byte ≤ {STORE_TARGET}"] = {"measured": per_text, "met": per_text <= STORE_TARGET}
    if "build_200_laws" in result:
        b = result["build_200_laws"]
        targets[f"build: ≤ {BUILD_PER_LAW_TARGET_S * 1e3:.0f} ms per law with 2 jobs"] = {
            "measured": b["per_law_jobs2"], "met": b["per_law_jobs2"] <= BUILD_PER_LAW_TARGET_S}
        targets[f"build: jobs2 ≤ {BUILD_SPEEDUP_TARGET}× jobs1"] = {
            "measured": b["jobs2_over_jobs1"], "met": b["jobs2_over_jobs1"] <= BUILD_SPEEDUP_TARGET}
    if "real_corpus" in result and "show_cold" in result["real_corpus"]:
        for k in ("show_cold", "diff_cold"):
            v = result["real_corpus"][k]
            targets[f"real corpus {k} < {REAL_TARGET_S} s"] = {"measured": v, "met": v < REAL_TARGET_S}
    result["machine"]["loadavg_at_end"] = os.getloadavg()
    result.update(metrics=metrics, ratios=ratios, targets=targets, notes=notes)
    result["build"] = {"render_versions_seconds": render_s, "git_import_seconds": git_import_s,
                       "git_repack_seconds": git_repack_s, "git_show_before_repack": fast_import_show,
                       "git_objects_bytes": pack_bytes, "git_commits": len(revs),
                       "sqlite_build_seconds": sqlite_build_s, "sqlite_rows": n_rows,
                       "sqlite_bytes": db.stat().st_size}

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    print(report(result))
    print(f"\nwritten {args.output.relative_to(REPO) if args.output.is_relative_to(REPO) else args.output}")
    log("done")
    return 0


def off_index(metrics: dict[str, dict[str, float | None]], notes: list[str], result: dict[str, Any], tl: Any,
              slug: str, day: _dt.date, diff_a: _dt.date, diff_b: _dt.date, ours_cli: list[str],
              env: dict[str, str], runs: int, git_show_argv: list[str], git_diff_argv: list[str],
              revs: Any, text_bytes: int, cache_dir: Path) -> None:
    """The questions the indexes' quick path does not answer, each against git's show (or diff)
    of the same dates, and what the store holds against the text."""
    doc = tl.as_of(day).document
    # an article with paragraphs, present on the day: the first with the most units below it
    arts = [e for e, u in doc.units.items() if u.kind.value == "article" and u.children]
    eid = max(arts, key=lambda e: (sum(1 for _ in doc.walk(e)), -arts.index(e)))
    known = day - relativedelta(years=1)
    show = [*ours_cli, "show", slug, "--as-of", day.isoformat(), "--lang", "rus"]
    questions = {
        "show_provision_cold": ([*show, "--provision", eid], git_show_argv),
        "show_json_cold": ([*show, "--format", "json"], git_show_argv),
        "known_on_cold": ([*show, "--known-on", known.isoformat()], git_show_argv),
        "timeline_provision_cold": ([*ours_cli, "timeline", slug, "--lang", "rus", "--provision", eid],
                                    git_show_argv),
        "diff_json_cold": ([*ours_cli, "diff", slug, diff_a.isoformat(), diff_b.isoformat(), "--lang", "rus",
                            "--format", "json"], git_diff_argv),
    }
    for name, (mine, theirs) in questions.items():
        m = cold_side_by_side({"ours": (mine, env), "git": (theirs, peers.GIT_ENV)}, runs)
        metrics[name] = {"ours": m["ours"], "git": m["git"], "sqlite": None, "cat": None}
        log(f"  {name}: ours {fmt_s(m['ours'])}, git {fmt_s(m['git'])}")
        notes.append(f"{name} ours: `consolidate {' '.join(mine[len(ours_cli):])}`; git: `{' '.join(theirs[3:])}`")
    m = cold_piped({"ours": (show, env), "git": (git_show_argv, peers.GIT_ENV)}, runs)
    metrics["show_cold_pipe"] = {"ours": m["ours"], "git": m["git"], "sqlite": None, "cat": None}
    log(f"  show_cold_pipe: ours {fmt_s(m['ours'])}, git {fmt_s(m['git'])}")
    notes.append("show_cold_pipe: the plain show and `git show` each writing to a pipe this process reads to the end")
    # the law's store entries (time line, text index, diff index), the known-on one set apart
    mine = [p for p in cache_dir.iterdir() if p.name.startswith(f"{slug}.rus.")]
    latest = sum(p.stat().st_size for p in mine if ".latest." in p.name or p.name.endswith("index"))
    every = sum(p.stat().st_size for p in mine)
    result["store"] = {"text_bytes": text_bytes, "store_bytes": latest, "store_bytes_with_known_on": every,
                       "store_bytes_per_text_byte": latest / text_bytes,
                       "files": sorted(f"{p.name} {p.stat().st_size}" for p in mine)}
    log(f"  store: {latest / 2**20:.1f} MiB for {text_bytes / 2**20:.1f} MiB of text "
        f"({latest / text_bytes:.2f}×; {every / 2**20:.1f} MiB with the known-on time line)")
    notes.append("store_bytes_per_text_byte: the law's time line, text index and diff index in the store over the "
                 "bytes of its consolidated text on the day shown (the known-on time line counted apart)")


def build_many(count: int, env: dict[str, str]) -> dict[str, Any]:
    """``consolidate build`` of ``count`` copies of the real law under new slugs, with one job and two."""
    corpus = WORK / f"corpus{count}"
    if not (corpus / "amendments" / f"kz-law-{count:03d}").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        for i in range(1, count + 1):
            gen.copy_law(REPO, BUILD_LAW, corpus, f"kz-law-{i:03d}")
    old = time.time() - 60  # the store records nothing of files changed in the last two seconds
    for path in corpus.rglob("*"):
        os.utime(path, (old, old))
    out: dict[str, Any] = {"laws": count, "law": BUILD_LAW}
    for jobs in (1, 2):
        cache = WORK / f"cache-build-{jobs}"
        shutil.rmtree(cache, ignore_errors=True)
        argv = [*consolidate_argv(), "--corpus", str(corpus), "build", "--jobs", str(jobs)]
        t = time.perf_counter()
        proc = subprocess.run(argv, env={**env, "CONSOLIDATE_CACHE": str(cache)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        out[f"jobs{jobs}"] = time.perf_counter() - t
        if proc.returncode != 0:
            raise RuntimeError(f"build failed: {proc.stderr[-500:]}")
        out[f"indexes_jobs{jobs}"] = len(list(cache.glob("*.textindex")))
        log(f"  build of {count} laws, {jobs} job(s): {out[f'jobs{jobs}']:.2f} s "
            f"({out[f'jobs{jobs}'] / count * 1e3:.0f} ms per law)")
    out["per_law_jobs1"] = out["jobs1"] / count
    out["per_law_jobs2"] = out["jobs2"] / count
    out["jobs2_over_jobs1"] = out["jobs2"] / out["jobs1"]
    return out


def report(result: dict[str, Any]) -> str:
    c = result["corpus"]
    lines = [
        f"bench-code: {c['articles']} articles, {c['units']} units (base), {c['acts']} acts, {c['operations']} "
        f"operations; consolidated text {c['consolidated_bytes'] / 2**20:.1f} MiB; {c['version_dates']} version dates",
        "",
        f"{'metric':16}{'ours':>10}{'git':>10}{'sqlite':>10}{'cat':>10}   {'/git':>8}{'/sqlite':>9}{'/cat':>8}",
    ]
    for name in METRICS:
        row, r = result["metrics"][name], result["ratios"][name]
        lines.append(f"{name:16}" + "".join(f"{fmt_s(row[k]):>10}" for k in ("ours", *PEERS)) + "   "
                     + f"{fmt_r(r['git']):>8}{fmt_r(r['sqlite']):>9}{fmt_r(r['cat']):>8}")
    more = result["show_cold_more"]
    lines += ["", f"show_cold on dates each asked once: ours {fmt_s(more['other_dates']['ours'])}, git "
              f"{fmt_s(more['other_dates']['git'])}; the full engine without the text index "
              f"{fmt_s(more['full_engine']['ours'])}"]
    more = result["diff_cold_more"]
    lines += [f"diff_cold on spans each asked once: ours {fmt_s(more['other_spans']['ours'])}, git "
              f"{fmt_s(more['other_spans']['git'])}; the full engine without the diff index "
              f"{fmt_s(more['full_engine']['ours'])}; the first diff, which writes the index, "
              f"{more['first_diff']:.2f} s"]
    cs = result.get("compile_scaling", {})
    if "compile_k4" in cs:
        lines += [f"compile: k1 {fmt_s(cs['compile_k1'])}, k4 {fmt_s(cs['compile_k4'])}, exponent "
                  f"{cs['compile_exponent']:.3f}"]
    st = result["store"]
    lines += [f"store: {st['store_bytes'] / 2**20:.1f} MiB for {st['text_bytes'] / 2**20:.1f} MiB of text = "
              f"{st['store_bytes_per_text_byte']:.2f}× ({st['store_bytes_with_known_on'] / 2**20:.1f} MiB with a "
              "known-on time line)"]
    if "build_200_laws" in result:
        b = result["build_200_laws"]
        lines += [f"build of {b['laws']} laws: jobs1 {b['jobs1']:.2f} s ({b['per_law_jobs1'] * 1e3:.0f} ms/law), jobs2 "
                  f"{b['jobs2']:.2f} s ({b['per_law_jobs2'] * 1e3:.0f} ms/law), jobs2/jobs1 {b['jobs2_over_jobs1']:.2f}"]
    p = result["peak_mib"]
    lines += ["", f"peak RSS (MiB): ours show {p['ours_show']}, ours diff {p['ours_diff']}, git show {p['git_show']}, "
              f"git diff {p['git_diff']}, sqlite show {p['sqlite_show']}, cat {p['cat']}; text {p['text_mib']} MiB "
              f"→ ours show = {p['ours_show_over_text']}× the text"]
    s = result["diff_scaling"]
    lines += ["", f"in-process diff vs span (law: {s['units_in_law']} units; as_of of the whole law "
              f"{fmt_s(s['as_of_seconds'])}):"]
    for sp in s["spans"]:
        per = f"{sp['us_per_changed_unit']:.0f} µs/unit" if sp["us_per_changed_unit"] else "—"
        lines.append(f"  {sp['span']:14}{sp['from']} → {sp['to']}  {sp['units_changed']:6} units  "
                     f"{fmt_s(sp['seconds']):>9}  {per}")
    if "real_corpus" in result:
        rc = result["real_corpus"]
        if "error" in rc:
            lines += ["", f"shipped corpus: {rc['error']}"]
        else:
            lines += ["", f"shipped corpus ({rc['law']}, rus): cold show {fmt_s(rc['show_cold'])}, cold diff "
                      f"{fmt_s(rc['diff_cold'])} (target < {rc['target_seconds']} s)"]
    lines += ["", "targets (reported, not enforced):"]
    for name, t in result["targets"].items():
        v = t["measured"]
        shown = "—" if v is None else (f"{v:.2f}" if isinstance(v, float) else str(v))
        lines.append(f"  [{'met' if t['met'] else 'MISSED'}] {name}: {shown}")
    lines += ["", "notes:"] + [f"  - {n}" for n in result["notes"]]
    lines += ["", "slowest functions of a cold show (tottime):", result["profiles"]["show_cold"]["tottime"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
