"""The corpus on disk: the laws under a folder holding ``amendments/`` and ``snapshots/``.

``amendments/<law>/law.toml`` describes a law and its snapshots;
``amendments/<law>/acts/*.toml`` hold the acts (see ``docs/formats.md``;
read by :mod:`consolidate.formats`).
"""

from __future__ import annotations

from pathlib import Path

import attrs

from .errors import UnknownLaw
from .formats.law_file import load_law
from .law import Law


@attrs.define
class Corpus:
    """All laws under a corpus root (a folder holding ``amendments/`` and ``snapshots/``)."""

    root: Path
    _laws: dict[str, Law] = attrs.field(factory=dict, init=False)

    def slugs(self) -> list[str]:
        base = self.root / "amendments"
        return sorted(p.parent.name for p in base.glob("*/law.toml"))

    def law(self, slug: str) -> Law:
        if slug not in self._laws:
            directory = self.root / "amendments" / slug
            if not (directory / "law.toml").is_file():
                known = ", ".join(self.slugs()) or "none"
                raise UnknownLaw(f"no law {slug!r} in the corpus at {self.root} (known: {known})")
            self._laws[slug] = load_law(directory, self.root / "snapshots")
        return self._laws[slug]


def default_root() -> Path:
    """The corpus shipped with the project (the repository root), or $CONSOLIDATE_CORPUS."""
    import os

    env = os.environ.get("CONSOLIDATE_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1]
