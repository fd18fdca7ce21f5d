"""Reading the corpus's TOML: the same values as the standard tomllib, and clear errors."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.formats.fields import read_toml
from consolidate.errors import DataError

ROOT = Path(__file__).resolve().parents[1]


def test_every_shipped_toml_file_reads_as_tomllib_reads_it() -> None:
    files = sorted((ROOT / "amendments").rglob("*.toml"))
    assert len(files) > 40
    for path in files:
        with path.open("rb") as fh:
            assert read_toml(path) == tomllib.load(fh), path


TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60)
VALUES = st.recursive(
    TEXT | st.integers(-10**6, 10**6) | st.booleans() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    lambda inner: st.lists(inner, max_size=4),
    max_leaves=8,
)
TABLES = st.dictionaries(st.from_regex(r"[a-z_]{1,10}", fullmatch=True), VALUES, max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,10}", fullmatch=True), VALUES, max_size=6),
       st.lists(TABLES, max_size=3))
def test_what_the_writer_writes_reads_back_the_same(tmp_path_factory: pytest.TempPathFactory, top: dict[str, object],
                                                    operations: list[dict[str, object]]) -> None:
    data = {**{k: v for k, v in top.items() if k != "operations"}, "operations": operations}
    path = tmp_path_factory.mktemp("toml") / "act.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert read_toml(path) == data == tomllib.loads(path.read_text(encoding="utf-8"))


class TestErrors:
    def test_a_syntax_error_names_file_line_and_column(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.toml"
        path.write_text('number = "1-T"\nadopted = 2020-02-30\n', encoding="utf-8")
        with pytest.raises(DataError) as err:
            read_toml(path)
        assert "bad.toml" in str(err.value) and "line 2" in str(err.value) and "column 11" in str(err.value)

    def test_text_that_is_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.toml"
        path.write_bytes('title = "Закон"\n'.encode("cp1251"))
        with pytest.raises(DataError, match="not UTF-8"):
            read_toml(path)

    def test_a_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(DataError, match="cannot read"):
            read_toml(tmp_path / "none.toml")
