"""The environment variables the command line reads, in one place.

``CONSOLIDATE_CORPUS`` names the corpus folder (default: the one shipped
with the project); ``CONSOLIDATE_CACHE`` the store's folder (default
``$XDG_CACHE_HOME/consolidate``, else ``~/.cache/consolidate``; ``off``: no
store).  The library itself reads no environment: :class:`consolidate.Library`
is given both.  This module imports only ``os``: the quick path reads it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def corpus_root(environ: "Mapping[str, str] | None" = None) -> str:
    """``$CONSOLIDATE_CORPUS``, else the corpus shipped with the project (the real path of
    the repository root, also when the package is installed as links to it)."""
    env = os.environ if environ is None else environ
    return env.get("CONSOLIDATE_CORPUS") or os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def store_dir(environ: "Mapping[str, str] | None" = None) -> str | None:
    """``$CONSOLIDATE_CACHE``, else ``$XDG_CACHE_HOME/consolidate``, else ``~/.cache/consolidate``;
    None when ``CONSOLIDATE_CACHE=off``."""
    env = os.environ if environ is None else environ
    value = env.get("CONSOLIDATE_CACHE")
    if value == "off":
        return None
    if value:
        return value
    return os.path.join(env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "consolidate")
