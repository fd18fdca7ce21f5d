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
# every status of real units, in every format: 357-VI is published on 2020-07-06 and takes
# effect on 2020-07-17 (Art. 15 p.1 subp. 4 not yet in effect on 2020-07-10, the coming
# wording beside it); Art. 13 subp. 5 repealed by 435-V on 2016-01-01; Art. 2-1 unknown
# in 2025 (51-VIII, whose text is not in the corpus)
for _fmt in ("text", "md", "json", "html", "akn"):
    CASES.append((f"ns-rus-2020-07-10-art15p1-{_fmt}", "kz-national-security", "rus", "2020-07-10",
                  ("--provision", "art_15__para_1", "--format", _fmt)))
CASES += [
    ("ns-rus-2016-01-02-art13-json", "kz-national-security", "rus", "2016-01-02",
     ("--provision", "art_13", "--format", "json")),
    ("ns-kaz-2025-06-01-art2-1-json", "kz-national-security", "kaz", "2025-06-01",
     ("--provision", "art_2-1", "--format", "json")),
]


def args(law: str, lang: str, as_of: str, extra: tuple[str, ...]) -> list[str]:
    return ["show", law, "--lang", lang, "--as-of", as_of, *extra]


def path(name: str) -> Path:
    return HERE / f"{name}.txt"
