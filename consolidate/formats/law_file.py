"""``amendments/<law>/law.toml`` → :class:`~consolidate.law.Law` (its acts read on first use)."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from pathlib import Path

from ..errors import DataError
from ..languages import LANGS
from ..law import SLUG, Act, Gap, Law, Snapshot
from ..model import Progress
from .act_file import load_act
from .fields import date, opt, read_toml, req

#: an act file's name: its adoption date and its number
ACT_FILE = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})_(?P<number>[^/]+)\.toml")


def load_law(directory: Path, snapshots_root: Path) -> Law:
    path = directory / "law.toml"
    data = read_toml(path)
    what = "law.toml"
    slug = req(data, "slug", str, path, what)
    if not SLUG.fullmatch(slug):
        raise DataError(f"{what}: slug must be lower-case Latin letters, digits and single hyphens (got {slug!r})",
                        file=str(path))
    if slug != directory.name:
        other = directory.parent / slug / "law.toml"
        also = f"; {other} is that law" if other.is_file() else ""
        raise DataError(f"declares the law {slug!r}, but its folder is {directory.name!r} (a law's folder is named "
                        f"by its slug{also})", file=str(path))
    snaps = []
    for rec in opt(data, "snapshots", list, path, what) or []:
        lang = req(rec, "lang", str, path, "snapshot")
        if lang not in LANGS:
            raise DataError(f"snapshot: lang must be one of {', '.join(LANGS)} (got {lang!r})", file=str(path))
        role = req(rec, "role", str, path, "snapshot")
        if role not in ("base", "check"):
            raise DataError(f"snapshot: role must be base or check (got {role!r})", file=str(path))
        file = req(rec, "file", str, path, "snapshot")
        if Path(file).is_absolute() or ".." in Path(file).parts:
            raise DataError(f"snapshot: file must be a path inside snapshots/{slug}/ (got {file!r})", file=str(path))
        snap_path = snapshots_root / slug / file
        if not snap_path.is_file():
            what = "is not a regular file" if snap_path.exists() else "not found"
            raise DataError(f"snapshot file {what}: {snap_path}", file=str(path))
        snaps.append(
            Snapshot(
                lang=lang,
                path=snap_path,
                role=role,
                includes=tuple(opt(rec, "includes", list, path, "snapshot") or ()),
                source=opt(rec, "source", str, path, "snapshot"),
                label=file,
            )
        )

    def load_acts(progress: Progress | None = None) -> tuple[Act, ...]:
        files = sorted((directory / "acts").glob("*.toml"))
        read = []
        for i, file in enumerate(files):
            if progress is not None:
                progress(f"{slug}: reading act files", i, len(files))
            read.append(load_act(file))
        if progress is not None:
            progress(f"{slug}: reading act files", len(files), len(files))
        acts = tuple(read)
        numbers = Counter(a.number for a in acts)
        dupes = sorted(n for n, k in numbers.items() if k > 1)
        if dupes:
            raise DataError(f"acts listed twice: {', '.join(dupes)}", file=str(directory / "acts"))
        for act in acts:
            if act.adopted < adopted:
                raise DataError(f"act {act.number} is dated {act.adopted.isoformat()}, before the law it amends "
                                f"({slug}, adopted {adopted.isoformat()})", file=str(act.path))
            named = ACT_FILE.fullmatch(act.path.name)
            if named and (named["date"], named["number"]) != (act.adopted.isoformat(), act.number):
                raise DataError(f"the file is named for act {named['number']} of {named['date']}, but holds act "
                                f"{act.number} adopted {act.adopted.isoformat()}", file=str(act.path))
        for snap in snaps:
            unknown = [n for n in snap.includes if n not in numbers]
            if unknown:
                raise DataError(
                    f"snapshot {snap.label} includes acts with no act file: {', '.join(unknown)}", file=str(path)
                )
        return acts
    adopted = date(req(data, "adopted", (_dt.date,), path, what), "adopted", path, what)
    gaps = tuple(
        Gap(start=date(req(g, "from", (_dt.date,), path, "gap"), "from", path, "gap"),
            reason=req(g, "reason", str, path, "gap"))
        for g in (opt(data, "gaps", list, path, what) or [])
    )
    return Law(
        gaps=gaps,
        slug=slug,
        work=req(data, "work", str, path, what),
        number=req(data, "number", str, path, what),
        adopted=adopted,
        titles=dict(opt(data, "titles", dict, path, what) or {}),
        snapshots=tuple(snaps),
        acts=load_acts,
        directory=directory,
    )
