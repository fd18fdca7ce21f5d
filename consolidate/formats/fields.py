"""Reading the corpus's TOML files: a file, and typed fields with errors that name it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..textfiles import read_text
from ..numbering import parse_eid
from ..operations import Occurrence


def read_toml(path: Path) -> dict[str, Any]:
    """One TOML file of the corpus, or a :class:`DataError` naming it (and the
    line and column of a syntax error).

    rtoml (Rust) rather than the standard tomllib: on a code-sized corpus
    tomllib, pure Python, reads string values character by character and
    takes eight times longer (0.48 s against 0.06 s for 400 act files); the
    values are the same (``tests/test_corpus_toml.py``)."""
    import rtoml

    text = read_text(path, "TOML file")
    try:
        data = rtoml.loads(text)
    except (rtoml.TomlParsingError, ValueError, OverflowError) as exc:
        # rtoml says "... at line N column M"
        raise DataError(f"malformed TOML: {' '.join(str(exc).split())}", file=str(path)) from None
    if not isinstance(data, dict):  # pragma: no cover - a TOML document is a table
        raise DataError("malformed TOML: not a table", file=str(path))
    return data


def req(table: Mapping[str, Any], key: str, typ: type | tuple[type, ...], path: Path, what: str) -> Any:
    if key not in table:
        raise DataError(f"{what}: missing field {key!r}", file=str(path))
    value = table[key]
    if not isinstance(value, typ):
        names = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        raise DataError(
            f"{what}: field {key!r} must be {names} (got {type(value).__name__} {value!r})", file=str(path)
        )
    return value


def opt(table: Mapping[str, Any], key: str, typ: type | tuple[type, ...], path: Path, what: str) -> Any:
    if key not in table:
        return None
    return req(table, key, typ, path, what)


def date(value: Any, key: str, path: Path, what: str) -> _dt.date:
    # TOML local dates arrive as datetime.date; a datetime is not a date here
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise DataError(f"{what}: field {key!r} must be a date YYYY-MM-DD (got {value!r})", file=str(path))
    return value


def occurrence(value: Any, path: Path, what: str) -> Occurrence:
    if value is None:
        return Occurrence()
    if isinstance(value, bool):
        raise DataError(f"{what}: occurrence must be only|first|all or a number (got {value!r})", file=str(path))
    if isinstance(value, int):
        if value < 1:
            raise DataError(f"{what}: occurrence number must be >= 1 (got {value})", file=str(path))
        return Occurrence("nth", value)
    if value in ("only", "first", "all"):
        return Occurrence(value)
    raise DataError(f"{what}: occurrence must be only|first|all or a number (got {value!r})", file=str(path))


def check_eid(eid: str, path: Path, what: str, *, allow_root: bool = False) -> str:
    if allow_root and eid == "law":
        return eid
    try:
        parse_eid(eid)
    except DataError as exc:
        raise DataError(f"{what}: {exc.message}", file=str(path)) from None
    return eid
