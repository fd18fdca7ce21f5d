"""The golden cases: real texts shown by the CLI, regenerated only by `make golden`."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# (name, law, lang, as_of, extra args)
Case = tuple[str, str, str, str, tuple[str, ...]]  # name, law, language, date, further arguments

CASES: list[Case] = [
    ("ns-eng-2025-06-01", "kz-national-security", "eng", "2025-06-01", ()),
    ("ns-rus-2014-06-01", "kz-national-security", "rus", "2014-06-01", ()),
    ("ns-kaz-2014-11-15", "kz-national-security", "kaz", "2014-11-15", ()),
    ("fi-rus-2010-12-01", "kz-foreign-intelligence", "rus", "2010-12-01", ()),
]


def args(law: str, lang: str, as_of: str, extra: tuple[str, ...]) -> list[str]:
    return ["show", law, "--lang", lang, "--as-of", as_of, *extra]


def path(name: str) -> Path:
    return HERE / f"{name}.txt"
