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

    # "X as X": mypy cannot read __all__ (made from _WHERE), and without it a strict client's
    # ``from consolidate import Library`` is an error (the names are not re-exported)
    from .checks import CheckPoint as CheckPoint, CheckReport as CheckReport, Difference as Difference
    from .diff import Diff as Diff, UnitChange as UnitChange
    from .errors import (ConsolidationError as ConsolidationError, DataError as DataError,
                         InvalidDate as InvalidDate, OperationError as OperationError, ParseError as ParseError,
                         RuleError as RuleError, UnknownLaw as UnknownLaw, UnknownProvision as UnknownProvision)
    from .law import Act as Act, Law as Law, Snapshot as Snapshot
    from .library import Library as Library
    from .model import (Document as Document, Effective as Effective, Kind as Kind, Provision as Provision,
                        Status as Status)
    from .results import (ActRow as ActRow, ActsReport as ActsReport, History as History,
                          LawSummary as LawSummary, Reading as Reading, StepRow as StepRow, Work as Work)
    from .store.files import Store as Store
    from .timeline.chain import Chain as Chain, Version as Version
    from .timeline.query import Timeline as Timeline, View as View


def __getattr__(name: str) -> "Any":
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'consolidate' has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{where}", fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
