"""Fuzzing the grammars with the corpus's own words: every commencement article and every
amending item of the shipped acts, edited at random at the level of words (cut, doubled,
swapped, numbers changed, words of the grammar put in), goes through the reader; only the
project's own errors (``ConsolidationError`` and its kind) may come out, never another
exception, and a reading that succeeds gives dates inside the calendar."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from consolidate.errors import ConsolidationError
from consolidate.grammar.instructions import parse_item
from consolidate.grammar.rules import parse_commencement, parse_rule
from consolidate.grammar.time_limits import time_limit

ROOT = Path(__file__).resolve().parent.parent
ACTS = sorted((ROOT / "amendments").glob("*/acts/*.toml"))
ARTICLES = [t["commencement"]["text"] for t in (tomllib.loads(p.read_text(encoding="utf-8")) for p in ACTS)
            if "text" in t.get("commencement", {})]
SOURCES = sorted((ROOT / "amendments").glob("*/sources/*.md"))
VOCABULARY = ["статьи", "пункта", "подпункта", "абзаца", "абзацев", "настоящего", "Закона", "вводится", "в",
              "действие", "с", "по", "истечении", "десяти", "календарных", "дней", "после", "дня", "его", "первого",
              "официального", "опубликования", "за", "исключением", "которые", "вводятся", "до", "года", "января",
              "Приостановить", "действует", "действуют", "установив,", "что", "Установить,", "изложить", "следующей",
              "редакции:", "«", "»", "слова", "заменить", "словами", "исключить", "дополнить", "1)", "2.", "1-1)",
              "99999999999999999999", "0", "31", "февраля", ";", ":", ",", "\n\n", "и", "–", "шестьдесят", "сотого"]

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def edited(draw: st.DrawFn, texts: list[str], vocabulary: list[str] = VOCABULARY) -> str:
    """One of ``texts`` edited at random at the level of words, words of ``vocabulary`` put in."""
    words = draw(st.sampled_from(texts)).split(" ")
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(words)))
        kind = draw(st.sampled_from(["cut", "delete", "dup", "swap", "insert", "number"]))
        if kind == "cut":
            words = words[:at] or [""]
        elif kind == "delete":
            del words[at:at + draw(st.integers(1, 12))]
        elif kind == "dup":
            words[at:at] = words[at:at + draw(st.integers(1, 20))]
        elif kind == "swap" and len(words) > 1:
            i, j = draw(st.integers(0, len(words) - 1)), draw(st.integers(0, len(words) - 1))
            words[i], words[j] = words[j], words[i]
        elif kind == "insert":
            words.insert(at, draw(st.sampled_from(vocabulary)))
        elif kind == "number" and words:
            words[min(at, len(words) - 1)] = str(draw(st.integers(0, 10**12)))
    return " ".join(words)


def items() -> list[list[tuple[int, str]]]:
    """Every instruction block of the shipped sources, as numbered lines."""
    out = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        fences = [i for i, line in enumerate(lines) if line.strip() == "===="]
        for a, b in zip(fences[::2], fences[1::2]):
            if any("Instruction block" in line or "Appendix" in line for line in lines[max(0, a - 2):a]):
                out.append([(n + 1, lines[n]) for n in range(a + 1, b)])
    return out


ITEMS = items()


def test_the_fuzzers_have_material() -> None:
    assert len(ARTICLES) >= 30 and len(ITEMS) >= 30


@FUZZ
@given(edited(ARTICLES))
def test_a_commencement_article(text: str) -> None:
    try:
        com = parse_commencement(text, "rus")
    except ConsolidationError:
        return
    for special in com.exceptions:
        for place in special.places:
            try:
                eff = com.effective_for(place, published=dt.date(2020, 7, 6), adopted=dt.date(2020, 7, 3),
                                        publication_source=None)
            except ConsolidationError:
                continue
            assert eff is None or dt.date(1, 1, 1) <= eff.earliest <= eff.latest


@FUZZ
@given(edited(ARTICLES))
def test_a_rule_as_written(text: str) -> None:
    try:
        parse_rule(text[:300], "rus")
    except ConsolidationError:
        pass
    limit = time_limit(text, "rus")  # never raises; what it finds is in the text
    assert limit is None or " ".join(limit.as_written.split()) in " ".join(text.split())


@FUZZ
@given(st.sampled_from(ITEMS), st.data())
def test_an_amending_item(lines: list[tuple[int, str]], data: st.DataObject) -> None:
    text = data.draw(edited(["\n".join(line for _, line in lines)]))
    try:
        parse_item(list(enumerate(text.split("\n"), start=1)), file="fuzz.md")
    except ConsolidationError:
        pass
