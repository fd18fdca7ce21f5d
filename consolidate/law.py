"""A law and its amending acts, as the corpus describes them.

:class:`Law` holds the facts of ``law.toml`` (work, number, adoption, titles,
snapshots, gaps) and its :class:`Act` values, read on first use; an
:class:`Act` holds what the act file says (adoption, first publication, the
commencement article as written, the footnotes' facts) and its operations.
Reading the files is :mod:`consolidate.formats`; these are the values.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .errors import ConsolidationError, DataError
from .languages import LANGS, default_lang
from .model import Effective, Progress
from .operations import Insert, Operation

if TYPE_CHECKING:
    from .commencement import Commencement

#: a law's name: lower-case Latin letters, digits and single hyphens (``kz-national-security``)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@attrs.frozen
class Snapshot:
    """A real consolidated text: a base to replay from, or a check point."""

    lang: str
    path: Path
    role: str  # "base" | "check"
    includes: tuple[str, ...]  # acts already applied in this text
    source: str | None = None
    label: str = ""


@attrs.frozen
class Publication:
    date: _dt.date | None
    source: str | None = None
    inferred: bool = False


@attrs.frozen
class Footnote:
    """What the consolidated texts' footnotes say of an act."""

    rule: str | None = None
    lang: str | None = None
    rule_rus: str | None = None
    touches: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    def written_rule(self) -> tuple[str, str] | None:
        """The rule as the footnotes write it, and its language: the authentic Russian
        wording when the footnotes give it, else the one they give (English by default)."""
        if self.rule_rus:
            return self.rule_rus, "rus"
        if self.rule:
            return self.rule, self.lang or "eng"
        return None


@attrs.frozen(eq=False)
class Act:
    """An amending act: its facts, its commencement as written, its operations."""

    number: str
    adopted: _dt.date
    title: str
    lang: str
    path: Path
    operations_available: bool
    publication: Publication
    commencement_text: str | None
    commencement_lang: str
    stated_effective: _dt.date | None
    footnote: Footnote
    operations: tuple[Operation, ...]
    op_effective: Mapping[int, _dt.date]  # seq → a date the act file states for that operation
    source_file: str | None = None
    upstream: str | None = None
    #: the act's text kept under sources/, by language (the primary's is ``source_file``)
    sources: Mapping[str, str] = attrs.field(factory=dict)

    @cached_property
    def commencement(self) -> "Commencement | None":
        """The parsed entry-into-force article (None when the act file has none)."""
        if not self.commencement_text:
            return None
        from .grammar.rules import parse_commencement

        try:
            return parse_commencement(self.commencement_text, lang=self.commencement_lang)
        except ConsolidationError as exc:
            raise exc.located(file=str(self.path), act=self.number)

    def effective_for(
        self, place: str, chain: Callable[[str], Effective | None] | None = None
    ) -> Effective | None:
        """When the operation at ``place`` takes effect (``None``: cannot be known)."""
        if self.stated_effective is not None:
            return Effective.on(
                self.stated_effective,
                f"{self.number}: in effect from {self.stated_effective.isoformat()} "
                f"(stated in {self.path.name})",
                retroactive=self.stated_effective < self.adopted,
            )
        if self.commencement is None:
            return self._footnote_effective(chain)
        return self.commencement.effective_for(
            place,
            published=self.publication.date,
            adopted=self.adopted,
            publication_source=self.publication.source,
            chain=chain,
        )

    def _footnote_effective(self, chain: Callable[[str], Effective | None] | None) -> Effective | None:
        """Without the act's text, the footnote's rule as written is all we have."""
        written = self.footnote.written_rule()
        if written is None:
            return None
        rule_text, lang = written
        from .grammar.rules import explain

        try:
            return explain(rule_text, published=self.publication.date, adopted=self.adopted, lang=lang)
        except ConsolidationError as exc:
            raise exc.located(file=str(self.path), act=self.number)

    def effective(self, op: Operation, chain: Callable[[str], Effective | None] | None = None) -> Effective | None:
        stated = self.op_effective.get(op.seq)
        if stated is not None:
            return Effective.on(
                stated,
                f"{self.number}, {op.place}: in effect from {stated.isoformat()} (stated in {self.path.name})",
                retroactive=stated < self.adopted,
            )
        return self.effective_for(op.place, chain)

    def langs(self) -> tuple[str, ...]:
        """The languages the act's operations are written in (its own text in the corpus)."""
        return tuple(dict.fromkeys(op.lang for op in self.operations))

    def operations_for(self, lang: str) -> tuple[tuple[Operation, ...], bool]:
        """The operations a time line in ``lang`` replays, and whether they are in ``lang``:
        each language replays from its own text; where the corpus holds the act only in
        other languages, their operations (the first language's) give the structure and
        the wording stays unknown."""
        own = tuple(op for op in self.operations if op.lang == lang)
        if own or not self.operations:
            return own, True
        first = self.operations[0].lang
        return tuple(op for op in self.operations if op.lang == first), False

    def touched(self) -> tuple[str, ...]:
        """eIds this act changes: its operations' targets, else its footnotes' units."""
        if self.operations:
            return tuple(dict.fromkeys(op.target for op in self.operations))
        return self.footnote.touches + tuple(a for a in self.footnote.added if a not in self.footnote.touches)

    def inserted(self) -> tuple[str, ...]:
        """eIds this act adds to the law."""
        if self.operations:
            return tuple(op.target for op in self.operations if isinstance(op, Insert))
        return self.footnote.added


@attrs.frozen
class Gap:
    """Acts known to have amended the law but missing from the corpus.

    From ``start`` on, no unit's text can be known: the replay marks the whole
    text ``unknown`` (later operations that restate a unit make it known again)."""

    start: _dt.date
    reason: str  # what shows the acts exist, and why the date is a safe lower bound

    def as_act(self, law_dir: Path) -> Act:
        """The gap as an act without text touching the whole law (replayed like one)."""
        return Act(
            number="missing acts", adopted=self.start, title="", lang="rus", path=law_dir / "law.toml",
            operations_available=False, publication=Publication(None), commencement_text=None,
            commencement_lang="rus", stated_effective=self.start,
            footnote=Footnote(touches=("law",)), operations=(), op_effective={},
        )


@attrs.frozen(eq=False)
class Law:
    """A law: its facts and snapshots from ``law.toml``; its acts, read on first use.

    ``acts`` may be given as a tuple or as a function that reads them: a
    command answered from the compiled cache never parses the act files."""

    slug: str
    work: str
    number: str
    adopted: _dt.date
    titles: Mapping[str, str]
    snapshots: tuple[Snapshot, ...]
    _acts: tuple[Act, ...] | Callable[[Progress | None], tuple[Act, ...]] = attrs.field(alias="acts")
    directory: Path
    gaps: tuple[Gap, ...] = ()
    _loaded: list[tuple[Act, ...]] = attrs.field(factory=list, init=False, repr=False)
    _by_number: dict[str, Act] = attrs.field(factory=dict, init=False, repr=False)

    @property
    def acts(self) -> tuple[Act, ...]:
        return self.read_acts()

    def read_acts(self, progress: Progress | None = None) -> tuple[Act, ...]:
        """The acts, read from their files on first use (``progress`` hears of each file)."""
        if not self._loaded:
            self._loaded.append(self._acts(progress) if callable(self._acts) else self._acts)
        return self._loaded[0]

    def base(self, lang: str) -> Snapshot | None:
        for snap in self.snapshots:
            if snap.lang == lang and snap.role == "base":
                return snap
        return None

    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if self.base(lang) is not None)

    def default_lang(self) -> str:
        """The language a command uses when none is asked for (:func:`consolidate.languages.default_lang`)."""
        return default_lang(self.langs())

    def act(self, number: str) -> Act:
        if not self._by_number:
            self._by_number.update((a.number, a) for a in self.acts)
        try:
            return self._by_number[number]
        except KeyError:
            raise DataError(f"{self.slug} has no act {number!r}") from None

    def expression_uri(self, lang: str, day: _dt.date) -> str:
        return f"{self.work}/{lang}@{day.isoformat()}"
