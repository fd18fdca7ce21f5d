"""Small hand-made laws and acts for tests of the engine (no files needed)."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import NotRequired, Protocol, TypedDict, TypeVar

from consolidate.law import Act, Footnote, Law, Publication, Snapshot
from consolidate.model import ROOT, Document, Kind, Provision
from consolidate.numbering import child_eid
from consolidate.operations import Operation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from consolidate.library import Library

D = dt.date
T = TypeVar("T")


class OpFields(TypedDict):
    """The fields an operation has besides what it does, spread into one with
    ``Insert(target=..., units=..., **C)``: typed, so that mypy checks each of
    them against the operation's own."""

    act: str
    place: str
    lang: str
    seq: NotRequired[int]


class Draw(Protocol):
    """What draws a value from a strategy: both the ``draw`` of an ``@st.composite``
    and ``data.draw`` of ``st.data()`` (``st.DrawFn`` declares a ``__signature__``
    that a bound method has not, so helpers called with either take this)."""

    def __call__(self, strategy: SearchStrategy[T], label: object = None) -> T: ...


def doc(articles: dict[str, list[str | tuple[str, list[str]]]], *, law: str = "t-law", lang: str = "rus") -> Document:
    """Build a document: ``{"1": ["1. text", ("2. text", ["1) a", "2) b"]), "part text"]}``.

    Each item is a paragraph "N. text", a subparagraph "N) text", or an
    unnumbered part; a tuple gives a unit with children.
    """
    units: dict[str, Provision] = {}
    chapter = Provision(eid="chp_1", kind=Kind.CHAPTER, num="1", heading="ОБЩИЕ ПОЛОЖЕНИЯ")
    art_ids = []

    def add(parent: str, item: str | tuple[str, list[str]], parts: list[int], own_text: bool) -> str:
        label, kids = (item, []) if isinstance(item, str) else item
        head, _, rest = label.partition(" ")
        if head.endswith(")") and head[:-1].replace("-", "").isdigit():
            kind, num, text = Kind.SUBPARAGRAPH, head[:-1], rest
        elif head.endswith(".") and head[:-1].replace("-", "").isdigit():
            kind, num, text = Kind.PARAGRAPH, head[:-1], rest
        else:
            parts[0] += 1
            kind, num, text = Kind.PART, str(parts[0]), label
        eid = child_eid(parent, kind.value, num)
        sub_parts = [1 if text else 0]
        children = tuple(add(eid, k, sub_parts, True) for k in kids)
        units[eid] = Provision(eid=eid, kind=kind, num=num, text=text, children=children)
        return eid

    for num, items in articles.items():
        eid = f"art_{num}"
        counter = [0]
        children = tuple(add(eid, it, counter, False) for it in items)
        units[eid] = Provision(eid=eid, kind=Kind.ARTICLE, num=num, heading=f"Статья о {num}", children=children)
        art_ids.append(eid)
    units["chp_1"] = Provision(eid="chp_1", kind=Kind.CHAPTER, num="1", heading=chapter.heading,
                               children=tuple(art_ids))
    units[ROOT] = Provision(eid=ROOT, kind=Kind.LAW, children=("chp_1",))
    return Document(law=law, lang=lang, title="Тестовый закон", units=units)


def act(number: str, effective: dt.date, ops: list[Operation], *, adopted: dt.date | None = None,
        published: dt.date | None = None, touches: tuple[str, ...] = (), added: tuple[str, ...] = ()) -> Act:
    adopted = adopted or (effective - dt.timedelta(days=15))
    return Act(
        number=number,
        adopted=adopted,
        title=f"Закон {number}",
        lang="rus",
        path=Path(f"/virtual/{number}.toml"),
        operations_available=bool(ops),
        publication=Publication(published),
        commencement_text=None,
        commencement_lang="rus",
        stated_effective=effective,
        footnote=Footnote(rule="вводится в действие с " + effective.strftime("%d.%m.%Y"), lang="rus",
                          rule_rus="вводится в действие с " + effective.strftime("%d.%m.%Y"),
                          touches=touches, added=added),
        operations=tuple(ops),
        op_effective={},
    )


def law(acts: list[Act], *, includes: tuple[str, ...] = (), adopted: dt.date = D(2012, 1, 6),
        slug: str = "t-law") -> Law:
    return Law(
        slug=slug,
        work="/akn/kz/act/2012-01-06/1-T",
        number="1-T",
        adopted=adopted,
        titles={"rus": "Тестовый закон"},
        snapshots=(Snapshot(lang="rus", path=Path("/virtual/base.md"), role="base", includes=includes,
                            label="base.md"),),
        acts=tuple(acts),
        directory=Path("/virtual"),
    )


def generated(root: Path, seed: int) -> tuple["Library", list[dt.date]]:
    """A small generated law (bench.gen, every kind of operation) written to ``root``:
    its library and the days on which its versions change."""
    from bench import gen
    from consolidate.library import Library

    gen.generate(root, scale=0.01, seed=seed)
    lib = Library.open(root)
    return lib, sorted({d for d, _ in lib.timeline(gen.SLUG, "rus").events})


def settle(root: Path) -> None:
    """Date every file under ``root`` a minute back: the store remembers nothing of files
    changed in the last two seconds (they may change again unseen), and a test that
    writes a corpus and at once expects its indexes to be written would race the clock."""
    old = time.time() - 60
    for p in root.rglob("*"):
        os.utime(p, (old, old))
