"""Consolidated texts into the provision tree: kz-laws Markdown (Russian,
Kazakh) and the Adilet English plain text.

Both are read as a sequence of blocks (one non-empty line each; an English
chapter title wrapped over several lines is joined with single spaces) and
each block is classified: chapter or article heading, paragraph ``1.``,
subparagraph ``1)``, unnumbered part, footnote (``Сноска.``, ``Ескерту.``,
``Footnote.``) or editors' note (``Примечание РЦПИ!`` / ``РҚАО-ның
ескертпесі!`` and the block after it).  Notes are never unit text: they
become :class:`~consolidate.model.Note` values on their unit.  Wording is
never changed: a block is stripped at its ends and NBSP indentation is
whitespace; inner runs of spaces are kept as printed.

Where an unnumbered block belongs: after a subparagraph whose text ends with
``:`` it belongs to that subparagraph (``формирует перечни:`` and its list);
otherwise to the innermost paragraph, else to the article.  Parts are
numbered in their container, the container's own text counting as block 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from ..errors import ParseError
from ..model import PREAMBLE, ROOT, Document, Kind, Note, Provision, Status
from ..numbering import child_eid, normalize_num, num_key

_NUM = r"(\d+(?:-\d+)*)"
_CHAPTER = {
    "rus": re.compile(rf"^(?:##\s*)?Глава\s+{_NUM}\.?\s*(.*)$"),
    "kaz": re.compile(rf"^(?:##\s*)?{_NUM}-тарау\.?\s*(.*)$"),
    "eng": re.compile(rf"^Chapter\s+{_NUM}\.?\s*(.*)$"),
}
_ARTICLE = {
    "rus": re.compile(rf"^(?:###\s*)?Статья\s+{_NUM}\.?\s*(.*)$"),
    "kaz": re.compile(rf"^(?:###\s*)?{_NUM}-бап\.?\s*(.*)$"),
    "eng": re.compile(rf"^Article\s+{_NUM}\.?\s*(.*)$"),
}
# "2.The national ..." (no space) is a paragraph too; "10.07.2012 ..." is not
_PARAGRAPH = re.compile(rf"^{_NUM}\.\s*([^\d\s.].*)$")
_SUBPARAGRAPH = re.compile(rf"^{_NUM}\)\s*(.*)$")
_FOOTNOTE = ("Сноска.", "Ескерту.", "Footnote.")
_EDITORIAL = ("Примечание РЦПИ!", "РҚАО-ның ескертпесі!")
_REPEALED = re.compile(r"^(?:Исключен|исключен|Исключена|исключена|Is excluded|is excluded|Excluded|excluded|"
                       r"Алып тасталды|алып тасталды)\b")
_SIGNATURE = ("Президент", "The President", "Қазақстан Республикасының")


@attrs.frozen
class Block:
    line: int
    text: str


def _blocks_markdown(text: str) -> tuple[str, list[Block]]:
    """The title and the blocks after it (the table of contents before the title is skipped)."""
    lines = text.splitlines()
    title_at = next((i for i, l in enumerate(lines) if l.startswith("# ")), None)
    if title_at is None:
        raise ParseError("no title line ('# ...') found", line=1)
    title = lines[title_at][2:].strip()
    blocks = [Block(i + 1, l.replace("\u00a0", " ").strip()) for i, l in enumerate(lines)
              if i > title_at and l.strip()]
    return title, blocks


def _blocks_adilet(text: str) -> tuple[str, list[Block]]:
    lines = [l.replace("\u00a0", " ").replace("\t", " ") for l in text.splitlines()]
    title = ""
    start = None
    for i, l in enumerate(lines):
        s = l.strip()
        if not title and s and not s.startswith("[image") and s != "Unofficial translation":
            title = s
        if s.startswith("Law of the Republic of Kazakhstan dated"):
            start = i + 1
            break
    if start is None:
        raise ParseError("no front matter line 'Law of the Republic of Kazakhstan dated ...' found", line=1)
    blocks: list[Block] = []
    i = start
    while i < len(lines):
        s = lines[i].strip()
        if s and s != "Unofficial translation" and not s.startswith("[image"):
            if _CHAPTER["eng"].match(s):
                # a chapter title wraps over the following capitalised lines
                j = i + 1
                parts = [s]
                while j < len(lines) and lines[j].strip() and not lines[j].startswith(" ") \
                        and lines[j].strip() == lines[j].strip().upper() and not _ARTICLE["eng"].match(lines[j].strip()):
                    parts.append(lines[j].strip())
                    j += 1
                blocks.append(Block(i + 1, " ".join(parts)))
                i = j
                continue
            blocks.append(Block(i + 1, s))
        i += 1
    return title, blocks


class _Builder:
    def __init__(self, law: str, lang: str, source: str | None):
        self.law, self.lang, self.source = law, lang, source
        self.units: dict[str, Provision] = {ROOT: Provision(eid=ROOT, kind=Kind.LAW)}
        self.kids: dict[str, list[str]] = {ROOT: []}
        self.notes: dict[str, list[Note]] = {}
        self.doc_notes: list[Note] = []
        self.chapter: str | None = None
        self.article: str | None = None
        self.paragraph: str | None = None
        self.subparagraph: str | None = None
        self.parts: dict[str, int] = {}
        # a quoted subparagraph: every unnumbered block after it is its own
        self.sticky_subparagraph = False

    def fail(self, block: Block, message: str) -> ParseError:
        return ParseError(f"{message}: {block.text[:80]!r}", file=self.source, line=block.line)

    def add(self, parent: str, unit: Provision, block: Block) -> str:
        if unit.eid in self.units:
            raise self.fail(block, f"{unit.eid} appears twice")
        siblings = [self.units[c] for c in self.kids[parent] if self.units[c].kind is unit.kind]
        if unit.num is not None and unit.kind is not Kind.PART and siblings and siblings[-1].num is not None \
                and num_key(siblings[-1].num) >= num_key(unit.num):
            raise self.fail(block, f"numbering goes backwards: {unit.kind.value} {unit.num} after {siblings[-1].num}")
        self.units[unit.eid] = unit
        self.kids[unit.eid] = []
        self.kids[parent].append(unit.eid)
        return unit.eid

    def part(self, parent: str, text: str, block: Block) -> str:
        own = 1 if self.units[parent].text else 0
        n = self.parts.get(parent, own) + 1
        self.parts[parent] = n
        eid = child_eid(parent, "part", str(n))
        status = Status.REPEALED if _REPEALED.match(text) else Status.IN_EFFECT
        return self.add(parent, Provision(eid=eid, kind=Kind.PART, num=str(n), text=text, status=status), block)

    def note(self, note: Note) -> None:
        target = self.article or self.chapter
        if target is None:
            self.doc_notes.append(note)
        else:
            self.notes.setdefault(target, []).append(note)

    def build(self, blocks: list[Block]) -> list[Block]:
        """Consume blocks into units; return the signature blocks."""
        chapter_re, article_re = _CHAPTER[self.lang], _ARTICLE[self.lang]
        i = 0
        while i < len(blocks):
            b = blocks[i]
            t = b.text
            if t in _EDITORIAL:
                follow = blocks[i + 1].text if i + 1 < len(blocks) else ""
                self.note(Note(kind="editorial", text=f"{t} {follow}".strip()))
                i += 2
                continue
            if t.startswith(_FOOTNOTE):
                self.note(_parse_note(t, self.lang))
                i += 1
                continue
            if t.startswith(_SIGNATURE) and len(t) < 45 and self.article is not None \
                    and len(blocks) - i <= 3 and all(len(x.text) < 60 for x in blocks[i:]):
                return blocks[i:]  # the signature block closes the law
            m = chapter_re.match(t)
            if m:
                eid = child_eid(None, "chapter", m.group(1))
                self.chapter = self.add(ROOT, Provision(eid=eid, kind=Kind.CHAPTER, num=normalize_num(m.group(1)),
                                                        heading=m.group(2).strip() or None), b)
                self.article = self.paragraph = self.subparagraph = None
                i += 1
                continue
            m = article_re.match(t)
            if m:
                eid = child_eid(None, "article", m.group(1))
                self.article = self.add(self.chapter or ROOT,
                                        Provision(eid=eid, kind=Kind.ARTICLE, num=normalize_num(m.group(1)),
                                                  heading=m.group(2).strip() or None), b)
                self.paragraph = self.subparagraph = None
                i += 1
                continue
            if self.article is None:
                # text before the first article: the preamble
                if PREAMBLE not in self.units:
                    self.add(ROOT, Provision(eid=PREAMBLE, kind=Kind.PREAMBLE), b)
                self.part(PREAMBLE, t, b)
                i += 1
                continue

            def status(s: str) -> Status:
                return Status.REPEALED if _REPEALED.match(s) else Status.IN_EFFECT

            m = _PARAGRAPH.match(t)
            if m:
                num = normalize_num(m.group(1))
                eid = child_eid(self.article, "paragraph", num)
                self.paragraph = self.add(self.article, Provision(eid=eid, kind=Kind.PARAGRAPH, num=num,
                                                                  text=m.group(2), status=status(m.group(2))), b)
                self.subparagraph = None
                i += 1
                continue
            m = _SUBPARAGRAPH.match(t)
            if m:
                num = normalize_num(m.group(1))
                parent = self.paragraph or self.article
                eid = child_eid(parent, "subparagraph", num)
                self.subparagraph = self.add(parent, Provision(eid=eid, kind=Kind.SUBPARAGRAPH, num=num,
                                                               text=m.group(2), status=status(m.group(2))), b)
                i += 1
                continue
            sub = self.subparagraph
            if sub is not None and (self.sticky_subparagraph or self.units[sub].text.rstrip().endswith(":")
                                    or self.kids[sub]
                                    or self._list_goes_on(blocks, i)):
                self.part(sub, t, b)
            else:
                self.subparagraph = None
                self.part(self.paragraph or self.article, t, b)
            i += 1
        return []

    @staticmethod
    def _list_goes_on(blocks: list[Block], i: int) -> bool:
        """True when another subparagraph follows the unnumbered blocks from ``i``:
        a part between two subparagraphs belongs to the one before it."""
        for b in blocks[i:]:
            t = b.text
            if t.startswith(_FOOTNOTE) or t in _EDITORIAL:
                return False
            if _SUBPARAGRAPH.match(t):
                return True
            if _PARAGRAPH.match(t) or any(r.match(t) for r in (*_CHAPTER.values(), *_ARTICLE.values())):
                return False
        return False

    def document(self, title: str, signature: list[Block]) -> Document:
        units = {
            eid: attrs.evolve(u, children=tuple(self.kids[eid]), notes=tuple(self.notes.get(eid, ())))
            for eid, u in self.units.items()
        }
        return Document(law=self.law, lang=self.lang, title=title, units=units,
                        signature="\n".join(b.text for b in signature) or None,
                        notes=tuple(self.doc_notes), source=self.source)


def _parse_note(text: str, lang: str) -> Note:
    try:
        from .notes import parse_note
    except ImportError:  # the structured note parser is optional here
        return Note(kind="footnote", text=text)
    return parse_note(text, lang=lang)


def read_markdown(text: str, *, law: str, lang: str, source: str | None = None) -> Document:
    """A kz-laws Markdown consolidated text (``rus`` or ``kaz``)."""
    if lang not in ("rus", "kaz"):
        raise ParseError(f"Markdown texts are rus or kaz (got {lang!r})", file=source)
    try:
        title, blocks = _blocks_markdown(text)
    except ParseError as exc:
        raise exc.located(file=source)
    b = _Builder(law, lang, source)
    signature = b.build(blocks)
    return b.document(title, signature)


def read_adilet(text: str, *, law: str, lang: str = "eng", source: str | None = None) -> Document:
    """The Adilet English plain text."""
    try:
        title, blocks = _blocks_adilet(text)
    except ParseError as exc:
        raise exc.located(file=source)
    b = _Builder(law, "eng", source)
    signature = b.build(blocks)
    return b.document(title, signature)


def iter_blocks(text: str) -> Iterator[str]:
    """The non-empty blocks of a quoted text (one per line)."""
    for line in text.splitlines():
        if line.strip():
            yield line.replace("\u00a0", " ").strip()


def read_snapshot(path: "Path", *, law: str, lang: str) -> Document:
    """A snapshot file: ``.md`` (kz-laws Markdown) or ``.txt`` (Adilet plain text)."""
    from pathlib import Path as _Path

    p = _Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ParseError(f"cannot read snapshot: {exc.strerror}", file=str(p)) from None
    if p.suffix == ".md":
        return read_markdown(text, law=law, lang=lang, source=str(p))
    if p.suffix == ".txt":
        return read_adilet(text, law=law, lang=lang, source=str(p))
    raise ParseError("snapshot files are .md (kz-laws Markdown) or .txt (Adilet text)", file=str(p))


_OPEN_QUOTE = ("«", '"', "“")
_CLOSE_QUOTE = re.compile(r'[»"”][.;,]?\s*$')


def parse_fragment(text: str, *, lang: str, target: str) -> tuple[Provision, ...]:
    """A unit as an amending act quotes it (its new wording, with its label),
    placed at ``target``: the unit first, then its descendants in document order."""
    from ..numbering import eid_kind, eid_num, format_eid, parse_eid

    body = text.strip()
    if body.startswith(_OPEN_QUOTE) and _CLOSE_QUOTE.search(body):
        body = _CLOSE_QUOTE.sub("", body[1:])
    blocks = [Block(i + 1, l.replace("\u00a0", " ").strip()) for i, l in enumerate(body.splitlines()) if l.strip()]
    if not blocks:
        raise ParseError(f"empty text for {target}")
    segs = parse_eid(target)
    kind = eid_kind(target)
    b = _Builder("fragment", lang if lang in _CHAPTER else "rus", None)
    # seed the containers the target sits in, so the builder gives the right eIds
    for depth in range(1, len(segs)):
        eid = format_eid(segs[:depth])
        k = Kind(segs[depth - 1][0])
        parent = format_eid(segs[:depth - 1]) if depth > 1 else ROOT
        b.units[eid] = Provision(eid=eid, kind=k, num=segs[depth - 1][1], text="x")
        b.kids[eid] = []
        b.kids[parent].append(eid)
        if k is Kind.ARTICLE:
            b.article = eid
        elif k is Kind.PARAGRAPH:
            b.paragraph = eid
        elif k is Kind.SUBPARAGRAPH:
            b.subparagraph = eid
    if kind == "part":
        parent = format_eid(segs[:-1]) if len(segs) > 1 else ROOT
        b.parts[parent] = int(eid_num(target).split("-")[0]) - 1
        head = b.part(parent, " ".join(x.text for x in blocks[:1]), blocks[0])
        for extra in blocks[1:]:
            raise ParseError(f"a part is one block; found more text for {target}: {extra.text[:60]!r}")
    else:
        if kind == "article" and b.article is None:
            b.article = None
        if kind in ("article", "chapter"):
            b.article = None
        b.sticky_subparagraph = kind == "subparagraph"
        b.build(blocks)
        parent = format_eid(segs[:-1]) if len(segs) > 1 else ROOT
        tops = [e for e in b.kids[parent] if e not in b.units or b.units[e].text != "x"]
        tops = [e for e in b.kids[parent] if not (e in b.units and b.units[e].text == "x" and e != target)]
        made = [e for e in tops if e != parent]
        if not made:
            raise ParseError(f"no {kind} found in the text for {target}: {blocks[0].text[:60]!r}")
        if len(made) > 1:
            raise ParseError(f"the text for {target} holds {len(made)} units ({', '.join(made)}); expected one")
        head = made[0]
        if head != target:
            raise ParseError(f"the text's label gives {head}, but the operation's target is {target}")
    doc = b.document("", [])
    out = [doc.units[e] for _, e in ((0, x.eid) for _, x in doc.walk(head))]
    return tuple(out)
