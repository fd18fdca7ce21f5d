"""The examples in README.md and docs/*.md run as tests.

A ``console`` block holds ``$ consolidate ...`` lines, each followed by the
output it must print; a line ``...`` stands for any number of lines.  Every
``consolidate`` command quoted in a ``sh`` block of the README must at least
run and exit 0.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from consolidate.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)



def _console_examples() -> list[tuple[str, str, list[str]]]:
    out = []
    for doc in DOCS:
        for lang, body in BLOCK.findall(doc.read_text(encoding="utf-8")):
            if lang != "console":
                continue
            cmd: str | None = None
            expected: list[str] = []
            for line in body.splitlines():
                if line.startswith("$ "):
                    if cmd:
                        out.append((doc.name, cmd, expected))
                    cmd, expected = line[2:], []
                elif cmd is not None:
                    expected.append(line)
            if cmd:
                out.append((doc.name, cmd, expected))
    return out


def _sh_commands() -> list[tuple[str, str]]:
    out = []
    for doc in DOCS:
        for lang, body in BLOCK.findall(doc.read_text(encoding="utf-8")):
            if lang == "sh":
                out += [(doc.name, l.strip()) for l in body.splitlines() if l.strip().startswith("consolidate ")]
    return out


def _matches(actual: list[str], expected: list[str]) -> bool:
    """Line-by-line match where a line ``...`` matches any run of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(_matches(actual[i:], expected[1:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0].rstrip() == expected[0].rstrip() and _matches(actual[1:], expected[1:])


def _invoke(cmd: str) -> tuple[int, str]:
    argv = shlex.split(cmd)
    assert argv[0] == "consolidate"
    result = CliRunner().invoke(main, argv[1:])
    return result.exit_code, result.output


@pytest.mark.parametrize("doc, cmd, expected", _console_examples(), ids=lambda x: x if isinstance(x, str) else "")
def test_console_example(doc: str, cmd: str, expected: list[str]) -> None:
    code, output = _invoke(cmd)
    lines = output.rstrip("\n").splitlines()
    while expected and not expected[-1].strip():
        expected = expected[:-1]
    assert _matches(lines, expected), f"{doc}: $ {cmd}\n--- got ---\n{output}\n--- expected ---\n" + "\n".join(expected)


@pytest.mark.parametrize("doc, cmd", _sh_commands())
def test_readme_command_runs(doc: str, cmd: str) -> None:
    code, output = _invoke(cmd)
    assert code == 0, f"{doc}: $ {cmd}\n{output}"


@pytest.mark.parametrize("doc", [d for d in DOCS if "```python\n>>>" in d.read_text(encoding="utf-8")],
                         ids=lambda d: d.name)
def test_python_examples(doc: Path) -> None:
    """The ``>>>`` examples of the docs (docs/api.md), run as doctests."""
    import doctest

    results = doctest.testfile(str(doc), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False)
    assert results.attempted > 0 and results.failed == 0, f"{doc.name}: {results.failed} of {results.attempted} failed"
