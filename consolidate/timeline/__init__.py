"""Replay into per-unit version chains; the text as of a date, as known on a date.

``chain`` (one unit's versions over half-open intervals, :class:`~.chain.Chain`),
``compile`` (the replay that makes them, :func:`~.compile.compile_timeline`),
``stored`` (their stored form) and ``query`` (the :class:`~.query.Timeline`
and the questions asked of it).  Import from the module that defines a name:
this package's own module stays empty, so that reading a value type does not
load the compiler.
"""
