"""consolidate: point-in-time consolidation of legislation.

The Python API is :class:`Library` and the values it returns (see
``docs/api.md``)::

    from consolidate import Library
    lib = Library.open()
    reading = lib.show("kz-national-security", datetime.date(2016, 1, 2), lang="rus")

Names are loaded on first use, so that importing one module of the package
(the command line's quick path) does not load the engine.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not from typing: the quick path imports this package, and typing costs it 15 ms

#: name → the module that defines it
_WHERE = {
    "Library": "library",
    "Store": "store.files",
    "Reading": "results", "Work": "results", "History": "results", "StepRow": "results", "ActsReport": "results",
    "ActRow": "results", "LawSummary": "results",
    "Diff": "diff", "UnitChange": "diff",
    "CheckReport": "checks", "CheckPoint": "checks", "Difference": "checks",
    "Law": "law", "Act": "law", "Snapshot": "law",
    "Document": "model", "Provision": "model", "Effective": "model", "Kind": "model", "Status": "model",
    "Version": "timeline.chain", "Chain": "timeline.chain", "View": "timeline.query", "Timeline": "timeline.query",
    "ConsolidationError": "errors", "DataError": "errors", "ParseError": "errors", "RuleError": "errors",
    "OperationError": "errors", "UnknownLaw": "errors", "UnknownProvision": "errors", "InvalidDate": "errors",
}

__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from typing import Any

    from .checks import CheckPoint, CheckReport, Difference
    from .diff import Diff, UnitChange
    from .errors import (ConsolidationError, DataError, InvalidDate, OperationError, ParseError, RuleError,
                         UnknownLaw, UnknownProvision)
    from .law import Act, Law, Snapshot
    from .library import Library
    from .model import Document, Effective, Kind, Provision, Status
    from .results import ActRow, ActsReport, History, LawSummary, Reading, StepRow, Work
    from .store.files import Store
    from .timeline.chain import Chain, Version
    from .timeline.query import Timeline, View


def __getattr__(name: str) -> "Any":
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'consolidate' has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{where}", fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
