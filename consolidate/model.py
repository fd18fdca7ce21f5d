"""The values the engine works with: provisions, notes, documents, effective dates.

All values are frozen attrs classes: they are hashable (usable as networkx
node data and shareable between versions) and change only by
``attrs.evolve``.  The model knows nothing of Markdown, TOML or JSON; reading
and writing live in ``formats/`` and ``render/``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterator, Mapping

import attrs

from .errors import UnknownProvision

ROOT = "law"  # eId of the root of a document (the body holding chapters)
PREAMBLE = "preamble"  # eId of the preamble (text before the first chapter)

# Hears of long work: (what is being done, how much is done, out of how much).
Progress = Callable[[str, int, int], None]


class Kind(str, enum.Enum):
    """Kinds of provisions, outermost first."""

    LAW = "law"
    PREAMBLE = "preamble"
    CHAPTER = "chapter"
    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    PART = "part"


class Status(str, enum.Enum):
    """State of a unit on a date: one of a closed set, the same in every command and format."""

    IN_EFFECT = "in_effect"
    NOT_YET_IN_EFFECT = "not_yet_in_effect"  # a change adopted, taking effect later (the coming wording is given)
    SUSPENDED = "suspended"  # the act suspends the unit for a time (its interim wording is shown)
    EXPIRED = "expired"  # in effect only until a date, by the act's own words
    REPEALED = "repealed"  # the unit keeps its number and a placeholder text
    UNKNOWN = "unknown"  # the corpus does not hold this unit's text on that date


@attrs.frozen
class ActRef:
    """An amending act as a note names it: number, adoption date, rule as written."""

    number: str
    adopted: _dt.date | None = None
    rule: str | None = None


@attrs.frozen
class Note:
    """A footnote (``Сноска.``/``Footnote.``/``Ескерту.``) or an editors' note
    (``Примечание РЦПИ!``) attached to a unit: never part of its text."""

    kind: str  # "footnote" | "editorial"
    text: str  # verbatim, as printed
    action: str | None = None  # "amended" | "restated" | "supplemented" | "excluded"
    acts: tuple[ActRef, ...] = ()
    subject: str | None = None  # eId of the unit the note speaks of ("Статья 15" → "art_15")
    added: tuple[str, ...] = ()  # eIds the note says were added ("supplemented by Article 2-1")


@attrs.frozen
class Provision:
    """One unit of a law: its number, heading, own text and children (by eId)."""

    eid: str
    kind: Kind
    num: str | None = None  # as printed, without punctuation: "2-1", "8-1"
    heading: str | None = None
    text: str = ""  # the unit's own text, not its children's
    children: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    status: Status = Status.IN_EFFECT


@attrs.frozen(eq=True, hash=False)
class Document:
    """A whole law in one language at one point: a tree of provisions by eId.

    ``units`` holds every provision including the root (``ROOT``); document
    order is the depth-first walk from the root through ``children``.
    """

    law: str
    lang: str
    title: str
    units: Mapping[str, Provision]
    signature: str | None = None
    notes: tuple[Note, ...] = ()  # notes on the whole act (editors' notes under the title)
    source: str | None = None

    def __getitem__(self, eid: str) -> Provision:
        try:
            return self.units[eid]
        except KeyError:
            raise UnknownProvision(f"no provision {eid!r} in {self.law} ({self.lang})") from None

    def __contains__(self, eid: object) -> bool:
        return eid in self.units

    def walk(self, start: str = ROOT) -> Iterator[tuple[int, Provision]]:
        """Yield ``(depth, provision)`` in document order, from ``start``."""
        stack: list[tuple[int, str]] = [(0, start)]
        while stack:
            depth, eid = stack.pop()
            unit = self[eid]
            yield depth, unit
            stack.extend((depth + 1, c) for c in reversed(unit.children))

    def provisions(self) -> list[Provision]:
        """Every provision except the root, in document order."""
        return [p for _, p in self.walk() if p.eid != ROOT]

    def parents(self) -> dict[str, str]:
        """Map each eId to the eId of its container."""
        return {c: p.eid for p in self.units.values() for c in p.children}


@attrs.frozen
class Effective:
    """When an operation takes effect: a date, or an interval when the
    publication date is unknown, with a derivation a person can read."""

    earliest: _dt.date
    latest: _dt.date
    derivation: str
    retroactive: bool = False  # in effect before the act was adopted

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    @property
    def date(self) -> _dt.date | None:
        """The date, or ``None`` while only an interval is known."""
        return self.earliest if self.exact else None

    @classmethod
    def on(cls, day: _dt.date, derivation: str, retroactive: bool = False) -> "Effective":
        return cls(day, day, derivation, retroactive)
