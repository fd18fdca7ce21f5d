"""Where a line of an amending act is outside quotation: the acts quote titles and
words in «guillemets» (nested) or "straight quotes", and a colon or parenthesis
inside a quotation is part of the quoted text, never of the instruction."""

from __future__ import annotations

from collections.abc import Iterator


def unquoted(text: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth of parentheses before it) of each character of ``text``
    outside quotation; the quote marks themselves are not given."""
    depth = quote = 0
    straight = False
    for i, ch in enumerate(text):
        if ch == "«":
            quote += 1
        elif ch == "»":
            quote = max(0, quote - 1)
        elif ch == '"':
            straight = not straight
        elif not quote and not straight:
            yield i, ch, depth
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
