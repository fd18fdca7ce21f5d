"""One unit's versions over time: a :class:`Chain` of :class:`Version` values.

A chain is an ordered sequence of versions, each in effect over a half-open
interval ``[start, next start)``; the last one is open ("still in effect").
The first version starts at :data:`DAWN`, before any date, so it covers every
day before the second one: a unit the base text holds reads so on every
earlier day, and a unit inserted later did not exist before (its first
version has no unit).  That is the one place the rule lives; :meth:`at`,
:meth:`between` and :meth:`spans` follow from it (in the spirit of portion's
``IntervalDict``).

A chain read back from the store keeps its versions as stored records and
builds a :class:`Version` only when asked for it (a date touches one version
of each unit); see :mod:`consolidate.timeline.stored`.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import attrs

from ..model import Effective, Provision

#: Sorts before every real date: "since before anything the corpus records".
DAWN = _dt.date.min


@attrs.frozen
class Version:
    """One wording of one unit, from ``start`` until the next version."""

    start: _dt.date  # DAWN: since before anything the corpus records
    unit: Provision | None  # None: the unit does not exist
    acts: tuple[str, ...] = ()  # acts that produced this version
    effective: tuple[Effective, ...] = ()
    reason: str | None = None  # why a version is unknown

    @property
    def since(self) -> _dt.date | None:
        return None if self.start == DAWN else self.start


ABSENT = Version(DAWN, None)  # the chain of a unit that never existed


class Chain(Sequence[Version]):
    """The versions of one unit, in time order, over half-open intervals."""

    __slots__ = ("starts", "_versions", "_raw", "_make")

    def __init__(self, versions: Sequence[Version] = (), *, starts: list[_dt.date] | None = None,
                 raw: Sequence[Any] | None = None, make: Callable[[Any], Version] | None = None) -> None:
        """A chain of ``versions``; or of stored records ``raw`` starting on ``starts``, each
        made into a :class:`Version` by ``make`` when first asked for."""
        self._raw: Sequence[Any] | None = None
        self._make: Callable[[Any], Version] | None = None
        if raw is not None:
            assert starts is not None and make is not None and len(starts) == len(raw)
            self.starts = starts
            self._versions: list[Version | None] = [None] * len(raw)
            self._raw, self._make = raw, make
        else:
            self.starts = [v.start for v in versions]
            self._versions = list(versions)
        if not self.starts:
            self.starts, self._versions, self._raw = [DAWN], [ABSENT], None
        if self.starts[0] != DAWN:
            raise ValueError(f"a chain starts at DAWN (got {self.starts[0]})")

    # -- the versions ---------------------------------------------------------------------

    def _get(self, i: int) -> Version:
        v = self._versions[i]
        if v is None:
            assert self._raw is not None and self._make is not None
            v = self._versions[i] = self._make(self._raw[i])
        return v

    def index_at(self, day: _dt.date) -> int:
        """The position of the version in effect on ``day``."""
        return bisect_right(self.starts, day) - 1

    def at(self, day: _dt.date) -> Version:
        """The version in effect on ``day``."""
        return self._get(bisect_right(self.starts, day) - 1)

    def between(self, a: _dt.date, b: _dt.date) -> list[Version]:
        """The versions that start in ``(a, b]``."""
        lo, hi = bisect_right(self.starts, a), bisect_right(self.starts, b)
        return [self._get(i) for i in range(lo, hi)]

    def spans(self) -> Iterator[tuple[_dt.date, _dt.date | None, Version]]:
        """``(start, end, version)`` of every version, ``end`` None for the open last one
        (a version replaced on its own first day has ``start == end``)."""
        n = len(self.starts)
        for i in range(n):
            yield self.starts[i], (self.starts[i + 1] if i + 1 < n else None), self._get(i)

    # -- Sequence -------------------------------------------------------------------------

    @overload
    def __getitem__(self, i: int) -> Version: ...
    @overload
    def __getitem__(self, i: slice) -> list[Version]: ...
    def __getitem__(self, i: int | slice) -> Version | list[Version]:
        n = len(self.starts)
        if isinstance(i, slice):
            return [self._get(k) for k in range(n)[i]]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._get(i)

    def __len__(self) -> int:
        return len(self.starts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Chain({list(self)!r})"

    __hash__ = None  # type: ignore[assignment]
