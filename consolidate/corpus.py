"""The corpus on disk: the laws under a folder holding ``amendments/`` and ``snapshots/``.

``amendments/<law>/law.toml`` describes a law and its snapshots;
``amendments/<law>/acts/*.toml`` hold the acts (see ``docs/formats.md``;
read by :mod:`consolidate.formats`).  A law is named by its slug, which is
the name of its folder and what its ``law.toml`` declares: lower-case Latin
letters, digits and hyphens, never a path.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from .errors import DataError, UnknownLaw
from .formats.law_file import load_law
from .law import SLUG, Law


def check_slug(slug: str) -> str:
    """``slug`` if it is a law's name (``kz-national-security``); else an :class:`UnknownLaw` saying why."""
    if not SLUG.fullmatch(slug):
        raise UnknownLaw(f"{slug!r} is not a law's name: lower-case Latin letters, digits and single hyphens "
                         "(e.g. kz-national-security), never a path")
    return slug


@attrs.define
class Corpus:
    """All laws under a corpus root (a folder holding ``amendments/`` and ``snapshots/``)."""

    root: Path
    _laws: dict[str, Law] = attrs.field(factory=dict, init=False)

    def __attrs_post_init__(self) -> None:
        if not self.root.is_dir():
            raise DataError(f"no corpus folder {str(self.root)!r}: it does not exist or is not a folder "
                            "(give --corpus DIR or CONSOLIDATE_CORPUS, a folder holding amendments/ and snapshots/)")
        if not (self.root / "amendments").is_dir():
            raise DataError(f"{str(self.root)!r} is not a corpus folder: it has no amendments/ folder")

    def slugs(self) -> list[str]:
        base = self.root / "amendments"
        return sorted(p.parent.name for p in base.glob("*/law.toml") if SLUG.fullmatch(p.parent.name))

    def law(self, slug: str) -> Law:
        if slug not in self._laws:
            directory = self.root / "amendments" / check_slug(slug)
            if not (directory / "law.toml").is_file():
                known = ", ".join(self.slugs()) or "none"
                raise UnknownLaw(f"no law {slug!r} in the corpus at {self.root} (known: {known})")
            self._laws[slug] = load_law(directory, self.root / "snapshots")
        return self._laws[slug]
