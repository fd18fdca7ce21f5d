"""A limit in time a law writes into its own text is the law's rule: a note on the unit,
never an expiry of the text (the English seed's Art. 23 p.6 subp. 5: a pilot project
"shall be in effect until January 1, 2026")."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from consolidate.cli import main
from consolidate.grammar.numerals import MONTHS
from consolidate.grammar.time_limits import time_limit

_NAMES = {lang: {n: w for w, n in months.items()} for lang, months in MONTHS.items()}
_KAZ_CASE = {1: "ға", 2: "ға", 3: "ға", 4: "ге", 5: "ға", 6: "ға", 7: "ге", 8: "ға", 9: "ке", 10: "ға",
             11: "ға", 12: "ға"}  # the dative the month takes before «дейін»


def written(day: dt.date, lang: str) -> str:
    month = _NAMES[lang][day.month]
    if lang == "eng":
        return f"shall be in effect until {month.capitalize()} {day.day}, {day.year}"
    if lang == "rus":
        return f"действует до {day.day} {month} {day.year} года"
    return f"{day.year} жылғы {day.day} {month}{_KAZ_CASE[day.month]} дейін қолданылады"


_WORDS = st.text(st.sampled_from("абв xyz әқң,;-"), max_size=40)


@given(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["rus", "kaz", "eng"]), _WORDS, _WORDS)
def test_the_limit_is_read_back_from_any_sentence(day: dt.date, lang: str, before: str, after: str) -> None:
    words = written(day, lang)
    limit = time_limit(f"{before} {words}{after}", lang)
    assert limit is not None and limit.until == day and limit.as_written == words


@given(_WORDS, st.sampled_from(["rus", "kaz", "eng"]))
def test_text_without_a_limit_has_none(text: str, lang: str) -> None:
    assert time_limit(text, lang) is None


def test_a_date_that_does_not_exist_is_not_a_limit() -> None:
    assert time_limit("действует до 30 февраля 2026 года", "rus") is None


def test_the_seeds_pilot_project_stays_in_effect_with_a_note(tmp_path: object) -> None:
    argv = ["show", "kz-national-security", "--lang", "eng", "--as-of", "2026-06-01",
            "--provision", "art_23__para_6__subpara_5", "--format", "json"]
    out = json.loads(CliRunner().invoke(main, argv).output)
    limited = [p for p in out["provisions"] if "time_limit" in p]
    assert len(limited) == 1
    (unit,) = limited
    assert unit["status"] == "in_effect"
    assert unit["time_limit"] == {"until": "2026-01-01", "as_written": "shall be in effect until January 1, 2026"}
    text = CliRunner().invoke(main, argv[:-2]).output
    assert "[a time limit in the law's own words: «shall be in effect until January 1, 2026» (2026-01-01)" in text
