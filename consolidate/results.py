"""The values :class:`consolidate.Library` returns, complete, for renderers to print.

A renderer (:mod:`consolidate.render`) is a function of one of these values
(and of :class:`~consolidate.diff.Diff` and
:class:`~consolidate.checks.CheckReport`): it computes no law, opens no file
and asks the library nothing.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from .model import Document, Effective
from .timeline.chain import Version
from .timeline.query import View, Warning_


@attrs.frozen
class Work:
    """A law as other systems name it: slug, FRBR work URI, number, adoption, titles."""

    slug: str
    uri: str  # /akn/kz/act/2012-01-06/527-IV
    number: str
    adopted: _dt.date
    titles: Mapping[str, str] = attrs.field(factory=dict)

    def expression_uri(self, lang: str, day: _dt.date) -> str:
        """The FRBR expression URI of the text in ``lang`` as of ``day``."""
        return f"{self.uri}/{lang}@{day.isoformat()}"


@attrs.frozen
class Reading:
    """A law as of a date: the view, the document shown (cut down to ``provision``
    and its subtree when one is asked for), and what the chosen format adds."""

    work: Work
    view: View
    document: Document
    base_label: str  # the base snapshot's file, named as the source of units it holds unchanged
    provision: str | None = None
    notes: Mapping[str, tuple[str, ...]] | None = None  # eId → footnotes generated from the operations
    referrers: Mapping[str, tuple[str, ...]] | None = None  # eId → units whose text refers to it


@attrs.frozen
class LawSummary:
    """A line of ``consolidate laws``."""

    slug: str
    number: str
    adopted: _dt.date
    langs: tuple[str, ...]
    acts: int
    title: str


@attrs.frozen
class StepRow:
    """One step of the replay as the time line lists it."""

    date: _dt.date
    act: str
    op: str | None  # the operation's class name; None for an act without text in the corpus
    place: str | None
    target: str  # the operation's target, or the units the act's footnotes name
    applied: str
    effective: Effective


@attrs.frozen
class History:
    """The time line of a law in one language (``steps``), or of one unit (``versions``)."""

    law: str
    lang: str
    provision: str | None
    versions: tuple[Version, ...] = ()
    steps: tuple[StepRow, ...] = ()
    warnings: tuple[Warning_, ...] = ()


@attrs.frozen
class Exception_:
    """An exception of an act's commencement article, as the acts listing shows it."""

    places: tuple[str, ...]
    rule: str
    as_written: str


@attrs.frozen
class Limit:
    """A time limit or a suspension an act's commencement article sets, as the acts listing
    shows it: the act's places it names, its dates, and the units of this law it reaches (none
    when the places are items for other laws)."""

    kind: str  # "until": in effect only until ``end``; "suspended": not applied in [start, end)
    places: tuple[str, ...]
    start: _dt.date | None
    end: _dt.date
    as_written: str
    interim: bool = False  # the act gives the wordings that apply during a suspension
    reaches: tuple[str, ...] = ()


@attrs.frozen
class ActRow:
    """One amending act in the ``acts`` listing."""

    number: str
    adopted: _dt.date
    published: _dt.date | None
    publication_source: str | None
    publication_inferred: bool
    title: str
    rule: str | None  # the commencement rule as written
    parsed: str | None  # ... as read
    effective: tuple[str, ...]  # the dates (or intervals EARLIEST/LATEST) its operations take effect
    derivation: str | None
    exceptions: tuple[Exception_, ...]
    operations_available: bool
    operations: int
    touches: tuple[str, ...]
    error: str | None = None
    limits: tuple[Limit, ...] = ()


@attrs.frozen
class ActsReport:
    law: str
    acts: tuple[ActRow, ...]
