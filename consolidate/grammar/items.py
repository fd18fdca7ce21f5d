"""An amending item's parser by the language it is written in.

The Russian and the Kazakh texts of an act are equally authentic: each is
read by its own grammar (:mod:`.instructions`, :mod:`.kazakh`) into the same
:class:`~consolidate.grammar.instructions.OperationRecord` values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import ParseError
from . import instructions, kazakh
from .instructions import Line, OperationRecord

__all__ = ["LANGS", "parse_item", "parser"]

ItemParser = Callable[..., tuple[OperationRecord, ...]]

_PARSERS: dict[str, ItemParser] = {"rus": instructions.parse_item, "kaz": kazakh.parse_item}

#: the languages whose amending items are read
LANGS = tuple(_PARSERS)


def parser(lang: str) -> ItemParser:
    """The ``parse_item`` of ``lang`` ("rus" or "kaz")."""
    try:
        return _PARSERS[lang]
    except KeyError:
        raise ParseError(f"amending items are read in {', '.join(LANGS)}, not {lang!r}") from None


def parse_item(
    lines: Sequence[Line], *, lang: str, article: int = 1, law_title: str | None = None, file: str | None = None
) -> tuple[OperationRecord, ...]:
    """An item of an amending act in ``lang`` → its records (see
    :func:`consolidate.grammar.instructions.parse_item`)."""
    return parser(lang)(lines, article=article, law_title=law_title, file=file)
