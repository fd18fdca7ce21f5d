"""Edit operations on the article graph: a closed set, aligned with Akoma
Ntoso textual modifications.

Every operation records the act that makes it, its place inside that act
(an eId in the act's own structure: ``art_1__para_4__subpara_2__part_3``), its
target eId in the amended law, its language and its position in the act.
``apply`` lives in :mod:`consolidate.replay`; this module only defines what an
operation *is*.
"""

from __future__ import annotations

import attrs

from .model import Provision


@attrs.frozen
class Occurrence:
    """Which occurrences of words an operation addresses.

    ``mode`` is ``"only"`` (exactly one must exist: the default, so that an
    ambiguous instruction is an error, never a guess), ``"first"``, ``"all"``
    or ``"nth"`` (with ``n`` counted from 1).
    """

    mode: str = "only"
    n: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.mode not in ("only", "first", "all", "nth"):
            raise ValueError(f"occurrence must be only|first|all|nth (got {self.mode!r})")
        if (self.mode == "nth") != (self.n is not None and self.n >= 1):
            raise ValueError(f"occurrence nth needs n >= 1 (got mode={self.mode!r}, n={self.n!r})")

    def __str__(self) -> str:
        return f"nth {self.n}" if self.mode == "nth" else self.mode


ONLY = Occurrence()
ALL = Occurrence("all")
FIRST = Occurrence("first")


@attrs.frozen(kw_only=True)
class Operation:
    """Common fields of every operation."""

    act: str  # number of the amending act, e.g. "357-VI"
    place: str  # where in the act: "art_1__para_4" (item 4 of Article 1)
    target: str  # eId in the amended law
    lang: str  # language of the text the operation carries
    seq: int = 0  # position inside the act (replay order among one act's operations)
    instruction: str = ""  # the instruction as written, for messages and notes
    line: int | None = None  # line of the instruction in the act's source text


@attrs.frozen(kw_only=True)
class Insert(Operation):
    """A new unit at its numbered place. ``units`` is the new unit followed by
    its descendants; ``parent`` names the container when the eId path does not
    (an article inserted into a chapter)."""

    units: tuple[Provision, ...]
    parent: str | None = None


@attrs.frozen(kw_only=True)
class Substitute(Operation):
    """The whole unit in a new wording (``изложить в следующей редакции``)."""

    units: tuple[Provision, ...]


@attrs.frozen(kw_only=True)
class Repeal(Operation):
    """The unit is excluded: it keeps its number and shows a placeholder."""

    placeholder: str | None = None  # None: generated in the law's own style


@attrs.frozen(kw_only=True)
class ReplaceWords(Operation):
    """``слова «X» заменить словами «Y»``; ``pairs`` maps each form of X to
    the matching form of Y (``соответственно``). ``throughout``: in every
    unit at or below ``target``."""

    pairs: tuple[tuple[str, str], ...]
    occurrence: Occurrence = ONLY
    throughout: bool = False


@attrs.frozen(kw_only=True)
class InsertWords(Operation):
    """``после слов «X» дополнить словами «Y»`` (``after`` = X) or
    ``дополнить словами «Y»`` (at the end, before the closing punctuation)."""

    words: str
    after: str | None = None
    before: str | None = None
    occurrence: Occurrence = ONLY


@attrs.frozen(kw_only=True)
class DeleteWords(Operation):
    """``слово «X» исключить``."""

    words: str
    occurrence: Occurrence = ONLY
    throughout: bool = False


@attrs.frozen(kw_only=True)
class Renumber(Operation):
    """``подпункт 5) считать подпунктом 6)``: the unit and its subtree take a
    new number (and so new eIds); the old → new map is recorded."""

    new_num: str


@attrs.frozen(kw_only=True)
class Expire(Operation):
    """The unit ceases to be in effect on the operation's effective date
    (``действует до 1 января 2016 года``)."""


def places_in_act(op: Operation) -> tuple[str, ...]:
    """The places of the amending act an operation occupies: its instruction's, and for a
    new wording one abzats ("part") after it for each unit the wording writes. A commencement
    article may name either: "абзац третий подпункта 1) пункта 52" of an item whose second
    abzats is the instruction is the wording it quotes."""
    if not isinstance(op, (Insert, Substitute)):
        return (op.place,)
    parent, _, last = op.place.rpartition("__")
    if last.startswith("part_") and last[5:].isdigit():
        first = int(last[5:])
    else:
        parent, first = op.place, 1
    return (op.place,) + tuple(f"{parent}__part_{first + i}" for i in range(1, len(op.units) + 1))


OPERATION_TYPES: dict[str, type[Operation]] = {
    "insert": Insert,
    "substitute": Substitute,
    "repeal": Repeal,
    "replace_words": ReplaceWords,
    "insert_words": InsertWords,
    "delete_words": DeleteWords,
    "renumber": Renumber,
    "expire": Expire,
}
OPERATION_NAMES: dict[type[Operation], str] = {v: k for k, v in OPERATION_TYPES.items()}
