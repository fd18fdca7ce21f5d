"""Building the store for many laws at once: ``consolidate build``.

Each law is compiled in every language asked for, and its compiled time line,
text index and diff index are written to the store, so that every later
question about it starts from there.  Laws are built in a pool of processes
(:mod:`concurrent.futures`), one law per task: the engine is single-threaded
and a law's compile shares nothing with another's.  A law that fails is
reported with its name and the others go on; the caller hears of each law as
it is done (:class:`Built`), in the order they finish.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from .errors import ConsolidationError

if TYPE_CHECKING:
    from .library import Library


@attrs.frozen
class Built:
    """What building one law did: the languages built, how long it took, and why it
    failed (``error``) or which languages' indexes could not be written (``unindexed``:
    their input files changed in the last two seconds, so nothing is recorded of them)."""

    law: str
    langs: tuple[str, ...]
    seconds: float
    error: str | None = None
    unindexed: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def build_law(root: str, store_dir: str, slug: str, langs: tuple[str, ...] | None,
              named: bool = False) -> Built:
    """Compile the law ``slug`` of the corpus at ``root`` in each of ``langs`` (None: every
    language it has) and write its time line, text index and diff index to the store in
    ``store_dir``.  A law asked for by name (``named``) that lacks a language asked for
    fails; otherwise only the languages it has are built.  Never raises: a failure is
    the ``error`` of what is returned."""
    start = time.perf_counter()
    chosen: tuple[str, ...] = ()
    try:
        from .library import Library
        from .store.diff_index import DiffIndex
        from .store.files import Store
        from .store.text_index import Index

        lib = Library.open(root, store=Store(store_dir))
        has = lib.law(slug).langs()
        if named and langs is not None and (missing := [lang for lang in langs if lang not in has]):
            raise ConsolidationError(f"no text in {', '.join(missing)} (it has {', '.join(has)})")
        chosen = tuple(lang for lang in has if langs is None or lang in langs)
        unindexed = []
        for lang in chosen:
            lib.write_indexes(slug, lang)
            if Index.open(store_dir, root, slug, lang) is None or DiffIndex.open(store_dir, root, slug, lang) is None:
                unindexed.append(lang)
        return Built(slug, chosen, time.perf_counter() - start, unindexed=tuple(unindexed))
    except ConsolidationError as exc:
        error = str(exc)
    except MemoryError:
        error = "out of memory"
    except Exception as exc:  # noqa: BLE001 - a bug in one law must not stop the others
        error = f"internal error: {type(exc).__name__}: {exc}"
    return Built(slug, chosen, time.perf_counter() - start, error=error)


def default_jobs() -> int:
    """One job per core."""
    import os

    return os.cpu_count() or 1


def build(library: "Library", slugs: Sequence[str] = (), *, langs: Sequence[str] = (), jobs: int | None = None,
          runner: Callable[..., Built] = build_law) -> Iterator[Built]:
    """Build the laws ``slugs`` (none: every law of the corpus) in ``langs`` (none: every
    language of each law) with ``jobs`` processes (default: one per core; 1 builds in
    this process), yielding each law's :class:`Built` as it is done.  An unknown law
    named is an error before anything is built; an empty corpus is one too."""
    from .errors import DataError

    if library.store.directory is None:
        raise DataError("nothing to build: the store is off (CONSOLIDATE_CACHE=off); "
                        "build writes the compiled laws and their indexes to it")
    named = bool(slugs)
    todo = list(dict.fromkeys(slugs)) if named else library.corpus.slugs()
    if not todo:
        raise DataError(f"nothing to build: the corpus at {library.corpus.root} holds no law")
    known = set(library.corpus.slugs())
    for slug in todo:
        if slug not in known:
            library.law(slug)  # UnknownLaw, naming it, before any work (a law that is there but does not read fails alone)
    root, store_dir = str(library.corpus.root), library.store.directory
    wanted = tuple(dict.fromkeys(langs)) or None
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise DataError(f"--jobs must be a whole number of at least 1 (got {jobs})")
    if jobs == 1 or len(todo) == 1:
        for slug in todo:
            yield runner(root, store_dir, slug, wanted, named)
        return
    import concurrent.futures
    import multiprocessing

    # fork where there is one: the workers start with the engine already imported
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context) as pool:
        futures = {pool.submit(runner, root, store_dir, slug, wanted, named): slug for slug in todo}
        for future in concurrent.futures.as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - the worker died (killed, out of memory): that law failed
                yield Built(futures[future], (), 0.0, error=f"its process failed: {type(exc).__name__}: {exc}")
