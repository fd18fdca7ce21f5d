"""The words that name units of a law, written once, in Russian, Kazakh and
English, and the order in which the units nest.

An address in an act is unit words with their numbers: «подпункт 4) пункта
1 статьи 15», «15-баптың 1-тармағының 4) тармақшасы», "subparagraph 4) of
paragraph 1 of Article 15", «абзацы второй и третий», «екінші абзацы».  Every
reader of addresses (commencement exceptions, instructions, cross
references, footnotes) takes the unit words from here:

* :func:`word_pattern` — a regex (lower case, no groups, no end boundary)
  matching every form of the unit words of some kinds: Russian in all their
  case forms («статья», «статьи», «статьей», «статей», ...), Kazakh with
  their suffixes («бап», «баптың», «бабының», «тармағының», «тармақшасы»,
  «тармақшамен», «бөлігі»), English singular and plural;
* :func:`unit_kind` — the kind a word names (``подпунктом`` →
  ``subparagraph``, ``бабының`` → ``article``);
* :data:`DEPTH` and :func:`encloses` — how kinds nest, from the one table in
  :mod:`consolidate.numbering` (the order of the eId prefixes).

The kinds are the eId kinds: ``chapter``, ``article``, ``paragraph`` (пункт,
тармақ), ``subparagraph`` (подпункт, тармақша) and ``part`` (абзац, часть,
бөлік: unnumbered blocks, counted in ordinals, see :data:`COUNTED`).
Matching is done on :func:`~consolidate.grammar.numerals.fold`'s view of a
text (lower case, «ё» as «е», Kazakh Latin «i» as «і»).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
import re

from ..errors import ParseError
from ..numbering import DEPTH, KINDS
from .numerals import alternation, fold

__all__ = ["COUNTED", "DEPTH", "KINDS", "encloses", "unit_kind", "word_pattern"]

#: kinds whose units are unnumbered and named by ordinals («абзац второй», «екінші бөлігі»)
COUNTED = frozenset({"part"})

_KZ_LETTERS = "[а-яәғқңөұүһі]*"

# the forms of each kind's words; Russian in full, Kazakh as stems with their suffixes
_RU_FORMS: dict[str, tuple[str, ...]] = {
    "chapter": ("глава", "главы", "главе", "главу", "главой", "главою", "глав", "главам", "главами", "главах"),
    "article": ("статья", "статьи", "статье", "статью", "статьей", "статьею", "статей", "статьям", "статьями",
                "статьях"),
    "paragraph": tuple("пункт" + e for e in ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")),
    "subparagraph": tuple("подпункт" + e for e in ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")),
    "part": tuple("абзац" + e for e in ("", "а", "у", "ем", "е", "ы", "ев", "ам", "ами", "ах"))
    + ("часть", "части", "частью", "частей", "частям", "частями", "частях"),
}  # fmt: skip
_PATTERNS: dict[str, dict[str, str]] = {
    "rus": {kind: "(?:" + alternation(forms) + ")" for kind, forms in _RU_FORMS.items()},
    "kaz": {
        "chapter": f"(?:тарау{_KZ_LETTERS})",
        "article": f"(?:ба[пб]{_KZ_LETTERS})",  # бап, баптың, бабы, бабының
        "paragraph": f"(?:тармақ(?!ша){_KZ_LETTERS}|тармағ{_KZ_LETTERS})",  # тармақ, тармағының
        "subparagraph": f"(?:тармақша{_KZ_LETTERS})",  # тармақша, тармақшасы, тармақшамен
        "part": f"(?:абзац{_KZ_LETTERS}|бөлі[гк]{_KZ_LETTERS})",  # абзацы, бөлігі, бөлікке
    },
    "eng": {
        "chapter": r"(?:chapters?)",
        "article": r"(?:articles?)",
        "paragraph": r"(?:paragraphs?)",
        "subparagraph": r"(?:sub-?paragraphs?)",
        "part": r"(?:parts?)",
    },
}


@lru_cache(maxsize=None)
def _pattern(lang: str, kinds: tuple[str, ...]) -> str:
    try:
        table = _PATTERNS[lang]
    except KeyError:
        raise ParseError(f"unit words: expected a language among {', '.join(_PATTERNS)}, got {lang!r}") from None
    unknown = [k for k in kinds if k not in table]
    if unknown:
        raise ParseError(f"unit words: expected kinds among {', '.join(KINDS)}, got {', '.join(unknown)}")
    # the more deeply nested first: «подпункт» is tried before «пункт»
    ordered = sorted(kinds, key=lambda k: -DEPTH[k])
    return "(?:" + "|".join(table[k] for k in ordered) + ")"


def word_pattern(lang: str, kinds: Iterable[str] = KINDS) -> str:
    """A regex matching any form of the unit words of ``kinds`` in ``lang``
    (lower case, no groups; the caller adds what may follow it)."""
    return _pattern(lang, tuple(dict.fromkeys(kinds)))


def unit_kind(word: str, lang: str) -> str:
    """The kind a unit word names, in any of its forms: «подпунктом» →
    ``subparagraph``, «статей» → ``article``, «тармағының» → ``paragraph``,
    «бөлігі» → ``part``, "Articles" → ``article``."""
    view = fold(word.strip(), lang)
    for kind in KINDS:
        if re.fullmatch(_pattern(lang, (kind,)), view):
            return kind
    raise ParseError(f"expected a unit word (article, paragraph, ...) in {lang}, found {word!r}")


def encloses(outer: str, inner: str) -> bool:
    """Whether a unit of kind ``outer`` can contain one of kind ``inner``
    (an article a paragraph, a subparagraph a part)."""
    return DEPTH[outer] < DEPTH[inner]
