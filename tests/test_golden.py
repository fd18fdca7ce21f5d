"""Golden tests on real texts.

1. ``consolidate show`` of each golden case prints exactly the golden file
   (regenerated only by ``make golden``).
2. For a date on which a base text is in effect, the words of the output's
   body equal the words of the source text's body — extracted here
   independently of the engine: same units, same order, same wording after
   whitespace normalisation; notes, front matter and signature excluded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from consolidate.cli import main

from .golden.cases import CASES, Case, args, path

ROOT = Path(__file__).resolve().parents[1]
SNAP = ROOT / "snapshots"



def _words(lines: list[str]) -> list[str]:
    # whitespace normalised away entirely: "2.The" in the source and "2. The" are the same words
    return list("".join("".join(lines).split()))


def markdown_body(file: Path) -> list[str]:
    """The law text of a kz-laws Markdown file: after the title, without notes and signature."""
    lines = file.read_text(encoding="utf-8").splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("# ")) + 1
    out: list[str] = []
    skip_next = False
    for raw in lines[start:]:
        line = raw.strip()
        if not line:
            continue
        if skip_next:
            skip_next = False
            continue
        if line in ("Примечание РЦПИ!", "РҚАО-ның ескертпесі!"):
            skip_next = True
            continue
        if line.startswith(("Сноска.", "Ескерту.")):
            continue
        if line.startswith(("Президент", "Қазақстан Республикасының")) and len(line) < 40:
            break  # the signature block closes the law
        out.append(re.sub(r"^#{2,3}\s+", "", line))
    return out


def adilet_body(file: Path) -> list[str]:
    """The law text of the Adilet English file: after the front matter, without notes and signature."""
    lines = [l.replace("\u00a0", " ").strip() for l in file.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, l in enumerate(lines) if l.startswith("Law of the Republic of Kazakhstan dated")) + 1
    out: list[str] = []
    for line in lines[start:]:
        if not line or line == "Unofficial translation" or line.startswith("[image"):
            continue
        if line.startswith("Footnote."):
            continue
        if line == "The President":
            break
        out.append(line)
    return out


def _run(case: Case) -> str:
    name, law, lang, as_of, extra = case
    result = CliRunner().invoke(main, args(law, lang, as_of, extra))
    assert result.exit_code == 0, result.output
    return result.output


NOTES = ("[not yet in effect:", "[expired:", "[suspended ", "[a time limit in the law's own words:")


def output_body(output: str, title: str) -> list[str]:
    """The CLI's text output without its title line, signature and warnings, and without
    the tool's own notes on units: the coming wording of a change not yet in effect (and the
    bare number of a unit that is only coming), an expiry, a suspension."""
    lines = [l.strip() for l in output.splitlines() if l.strip() and not l.startswith("warning:")]
    lines = [l for i, l in enumerate(lines)
             if not l.startswith(NOTES)
             and not (i + 1 < len(lines) and lines[i + 1].startswith(NOTES[0]) and len(l.split()) <= 2
                      and not l.rstrip(".)").replace("-", "").split()[-1].isalpha())]
    if lines and lines[0] == title:
        lines = lines[1:]
    cut = next((i for i, l in enumerate(lines)
                if l.startswith(("Президент", "The President", "Қазақстан Республикасының"))
                and len(l) < 40), len(lines))
    return lines[:cut]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_output_equals_the_golden_file(case: Case) -> None:
    golden = path(case[0])
    assert golden.exists(), f"missing {golden}: run `make golden`"
    assert _run(case) == golden.read_text(encoding="utf-8")


BASES = {
    "ns-eng-2025-06-01": (adilet_body, SNAP / "kz-national-security/eng/2025-adilet.txt"),
    "ns-rus-2014-06-01": (markdown_body, SNAP / "kz-national-security/rus/2014-after-189-V.md"),
    "ns-kaz-2014-11-15": (markdown_body, SNAP / "kz-national-security/kaz/2014-after-233-V.md"),
    "fi-rus-2010-12-01": (markdown_body, SNAP / "kz-foreign-intelligence/rus/2010-original.md"),
}


@pytest.mark.parametrize("name", sorted(BASES))
def test_the_base_date_gives_back_the_source_text(name: str) -> None:
    case = next(c for c in CASES if c[0] == name)
    extract, source = BASES[name]
    output = _run(case)
    title = output.splitlines()[0].strip()
    got = _words(output_body(output, title))
    want = _words(extract(source))
    if got != want:
        i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        raise AssertionError(
            f"{name}: first difference at word {i}:\n  output: {' '.join(got[max(0, i - 8):i + 8])}\n"
            f"  source: {' '.join(want[max(0, i - 8):i + 8])}\n  ({len(got)} vs {len(want)} words)"
        )
