"""The tools people use today, built from the same history as the engine.

* **git**, as Archéo Lex does: one commit per effective date, each holding the
  whole consolidated text as ``law.md``.  The texts are rendered by this
  engine (``Timeline.as_of`` + ``render_markdown``) and committed with
  ``git fast-import`` (one pack, blobs delta-compressed), committer date = the
  effective date, then repacked (``git repack -a -d -f``) as a maintained
  repository would be.  Queried with ``git show REV:law.md`` and ``git diff A B``;
  in process through a ``git cat-file --batch`` kept open.
* **SQLite**, as legi.py does: one row per version of a unit with
  ``[start, end)`` columns (``end`` NULL while in effect) and its position in
  document order.  The text on a date is every row valid on that date,
  ordered, joined; a diff is the rows whose intervals differ between two
  dates, paired by eId.
* **cat** of a text rendered beforehand: the floor.

Nothing here measures: :mod:`bench.run` does.  The SQLite queries exist as
source text (:data:`SQLITE_SHOW`, :data:`SQLITE_DIFF`) so that the same code
runs in process and as ``python -c`` in a new process.
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from consolidate.model import ROOT, Kind, Status
from consolidate.timeline.query import Timeline

from consolidate.render.layout import render_markdown

GIT_FILE = "law.md"
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_TERMINAL_PROMPT": "0",
    "LC_ALL": "C",
}


def version_dates(tl: Timeline) -> list[_dt.date]:
    """Every date on which some unit's version changes, after the base text."""
    days = {v.start for chain in tl.chains.values() for v in chain if v.since is not None}
    return sorted(days)


def document_order(tl: Timeline) -> dict[str, int]:
    """Position of every eId ever present, in the all-time document order."""
    out: dict[str, int] = {}
    stack = [ROOT]
    while stack:
        e = stack.pop()
        out.setdefault(e, len(out))
        stack.extend(reversed(tl.order.get(e, ())))
    return out


# ---------------------------------------------------------------------------
# git


def render_versions(tl: Timeline, log: Callable[[str], Any] | None = None) -> list[tuple[_dt.date, bytes]]:
    """The consolidated text in force (Markdown) at the base date and at every version date: what
    an official consolidated text holds (``View.in_force``; ``consolidate show`` prints the same
    text with the status notes of the changes still to come)."""
    days = [tl.law.adopted] + [d for d in version_dates(tl) if d > tl.law.adopted]
    out = []
    for i, day in enumerate(days):
        out.append((day, render_markdown(tl.as_of(day).in_force()).encode()))
        if log and (i + 1) % 100 == 0:
            log(f"  rendered {i + 1}/{len(days)} versions")
    return out


def build_git(repo: Path, versions: list[tuple[_dt.date, bytes]]) -> dict[_dt.date, str]:
    """A repository with one commit per version; returns date → commit id."""
    if repo.exists():
        subprocess.run(["rm", "-rf", str(repo)], check=True)
    repo.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=GIT_ENV)
    marks = repo / ".git" / "bench-marks"
    proc = subprocess.Popen(["git", "-C", str(repo), "fast-import", "--quiet", f"--export-marks={marks}"],
                            stdin=subprocess.PIPE, env=GIT_ENV)
    assert proc.stdin is not None
    for i, (day, text) in enumerate(versions, 1):
        stamp = int(_dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc).timestamp())
        msg = f"Version in effect from {day.isoformat()}\n".encode()
        proc.stdin.write(b"commit refs/heads/master\nmark :%d\n" % i)
        proc.stdin.write(b"committer Bench <bench@example.invalid> %d +0000\n" % stamp)
        proc.stdin.write(b"data %d\n%s" % (len(msg), msg))
        proc.stdin.write(b"M 100644 inline %s\ndata %d\n" % (GIT_FILE.encode(), len(text)))
        proc.stdin.write(text)
        proc.stdin.write(b"\n")
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError("git fast-import failed")
    subprocess.run(["git", "-C", str(repo), "symbolic-ref", "HEAD", "refs/heads/master"], check=True, env=GIT_ENV)
    ids = {}
    for line in marks.read_text().splitlines():
        mark, sha = line.split()
        ids[int(mark[1:])] = sha
    return {day: ids[i] for i, (day, _) in enumerate(versions, 1)}


def repack(repo: Path) -> None:
    """Recompute the deltas as ``git gc --aggressive`` would, with git's default window and depth: the pack a
    maintained repository (or a clone) has, where the newest, largest texts are stored whole."""
    subprocess.run(["git", "-C", str(repo), "repack", "-a", "-d", "-f", "-q"], check=True, env=GIT_ENV)


def rev_on(revs: dict[_dt.date, str], day: _dt.date) -> str:
    """The commit holding the text in effect on ``day`` (the last version on or before it)."""
    best = max(d for d in revs if d <= day)
    return revs[best]


class GitBatch:
    """``git cat-file --batch`` kept open: blobs by ``REV:path`` without a new process each."""

    def __init__(self, repo: Path):
        self.proc = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=GIT_ENV)

    def show(self, rev: str, path: str = GIT_FILE) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{rev}:{path}\n".encode())
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) != 3:
            raise RuntimeError(f"git cat-file: {header!r}")
        size = int(header[2])
        data = self.proc.stdout.read(size + 1)
        return data[:size].decode()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


# ---------------------------------------------------------------------------
# SQLite

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE versions (
    eid TEXT NOT NULL,
    pos INTEGER NOT NULL,          -- all-time document order
    kind TEXT NOT NULL,
    num TEXT,
    heading TEXT,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    start TEXT NOT NULL,           -- ISO date, first day in effect
    "end" TEXT                     -- ISO date, first day no longer in effect; NULL: still in effect
);
CREATE INDEX versions_start ON versions (start);
CREATE INDEX versions_end ON versions ("end");
"""

# The text on a date, as a new process runs it: python -c SQLITE_SHOW DB DATE.
# It lays units out as the engine's plain-text renderer does (checked before measuring).
SQLITE_SHOW = r'''
import sqlite3, sys
def show(con, day):
    title = con.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()[0]
    rows = con.execute(
        'SELECT kind, num, heading, text FROM versions '
        'WHERE start <= ? AND ("end" IS NULL OR "end" > ?) ORDER BY pos', (day, day)).fetchall()
    out = [title, ""]
    for kind, num, heading, text in rows:
        if kind == "chapter":
            out.append(f"Глава {num}. {heading or ''}".rstrip())
        elif kind == "article":
            out.append(f"Статья {num}. {heading or ''}".rstrip())
        elif kind == "paragraph":
            out.append(f"      {num}. {text}".rstrip())
        elif kind == "subparagraph":
            out.append(f"      {num}) {text}".rstrip())
        else:
            out.append("      " + text)
        out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
if __name__ == "__main__":
    con = sqlite3.connect(sys.argv[1])
    sys.stdout.write(show(con, sys.argv[2]))
'''

# What changed between two dates: python -c SQLITE_DIFF DB DATE1 DATE2.
SQLITE_DIFF = r'''
import sqlite3, sys
def diff(con, a, b):
    if a > b:
        a, b = b, a
    rows = con.execute(
        'SELECT eid, pos, start, text, heading FROM versions '
        'WHERE (start <= :a AND "end" > :a AND "end" <= :b) '
        '   OR (start > :a AND start <= :b AND ("end" IS NULL OR "end" > :b)) '
        'ORDER BY pos', {"a": a, "b": b}).fetchall()
    changes = {}
    for eid, pos, start, text, heading in rows:
        before, after = changes.get(eid, (None, None))
        if start <= a:
            before = heading or text
        else:
            after = heading or text
        changes[eid] = (before, after)
    return [(eid, before, after) for eid, (before, after) in changes.items() if before != after]
if __name__ == "__main__":
    con = sqlite3.connect(sys.argv[1])
    out = []
    for eid, before, after in diff(con, sys.argv[2], sys.argv[3]):
        out.append(eid)
        if before is not None:
            out.append("  - " + before)
        if after is not None:
            out.append("  + " + after)
    sys.stdout.write("\n".join(out) + "\n")
'''


def _namespace(source: str) -> dict[str, Any]:
    ns: dict[str, Any] = {"__name__": "bench_peer"}
    exec(compile(source, "<sqlite peer>", "exec"), ns)
    return ns


sqlite_show: Callable[[sqlite3.Connection, str], str] = _namespace(SQLITE_SHOW)["show"]
sqlite_diff: Callable[[sqlite3.Connection, str, str], list[tuple[str, str | None, str | None]]] = (
    _namespace(SQLITE_DIFF)["diff"])


def build_sqlite(path: Path, tl: Timeline) -> int:
    """The table of unit versions; returns the number of rows."""
    for p in (path, path.with_name(path.name + "-journal")):
        if p.exists():
            p.unlink()
    order = document_order(tl)
    base_day = tl.law.adopted.isoformat()
    rows = []
    for eid, chain in tl.chains.items():
        if eid == ROOT:
            continue
        for i, v in enumerate(chain):
            u = v.unit
            if u is None or u.kind is Kind.PREAMBLE or u.status is Status.UNKNOWN:
                continue
            start = base_day if v.since is None else v.start.isoformat()
            end = chain[i + 1].start.isoformat() if i + 1 < len(chain) else None
            rows.append((eid, order.get(eid, len(order)), u.kind.value, u.num, u.heading, u.text, u.status.value,
                         start, end))
    con = sqlite3.connect(path)
    with con:
        con.executescript(SCHEMA)
        con.execute("INSERT INTO meta VALUES ('title', ?)", (tl.base.title,))
        con.executemany("INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("ANALYZE")
    con.close()
    return len(rows)


# ---------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t
