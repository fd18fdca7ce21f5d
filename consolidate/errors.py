"""Errors of the consolidation engine.

Every error the engine raises is a :class:`ConsolidationError`.  Subclasses
also inherit the builtin exception they narrow (``DataError`` is a
``ValueError``, ``UnknownProvision`` a ``LookupError``), so callers may catch
either.  An error carries *where* it happened (file, line, act, the
operation's place inside the act, the target provision) and renders all of it
on one line, because that line is what a user sees on the terminal.
"""

from __future__ import annotations


class ConsolidationError(Exception):
    """Base class: a data or domain error, reported with its location."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        act: str | None = None,
        place: str | None = None,
        target: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.act = act
        self.place = place
        self.target = target

    def located(
        self,
        *,
        file: str | None = None,
        line: int | None = None,
        act: str | None = None,
        place: str | None = None,
        target: str | None = None,
    ) -> "ConsolidationError":
        """Fill in location fields that are still unknown; return ``self``."""
        self.file = self.file or file
        self.line = self.line or line
        self.act = self.act or act
        self.place = self.place or place
        self.target = self.target or target
        return self

    def __str__(self) -> str:
        where: list[str] = []
        if self.file:
            where.append(f"{self.file}:{self.line}" if self.line else self.file)
        if self.act:
            where.append(f"act {self.act}")
        if self.place:
            where.append(f"operation {self.place}")
        if self.target:
            where.append(f"target {self.target}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class DataError(ConsolidationError, ValueError):
    """The corpus holds something malformed (a file, a field, a value)."""


class ParseError(DataError):
    """A legal text or an instruction could not be read."""


class RuleError(DataError):
    """A commencement rule is written in a way the parser does not understand."""


class OperationError(ConsolidationError, ValueError):
    """An operation does not apply to the text in effect on its date."""


class UnknownLaw(ConsolidationError, LookupError):
    """No law with that slug in the corpus."""


class UnknownProvision(ConsolidationError, LookupError):
    """No provision with that eId (at that date)."""


class InvalidDate(ConsolidationError, ValueError):
    """A date that does not exist or is not ISO ``YYYY-MM-DD``."""
