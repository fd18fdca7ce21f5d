"""The Russian instruction language of amending laws → operation records.

An amending law («О внесении изменений и дополнений в некоторые
законодательные акты ...») has an Article 1 of numbered items, one per
amended law::

    34. В Закон Республики Казахстан от 6 января 2012 года «О национальной
    безопасности Республики Казахстан» (Ведомости ...):

    1) подпункт 17) пункта 1 статьи 15 изложить в следующей редакции:

    «17) уполномоченный орган ...;»;

    2) в пункте 2 статьи 24:

    в подпункте 7) слово «последствий» исключить;

:func:`parse_item` reads one such item (its lines, with their line numbers in
the source file) into :class:`OperationRecord` values, the rows of an act
file's ``[[operations]]`` (``docs/formats.md``).  Each record keeps where the
instruction stands in the amending act (``place``: an eId in the act's own
structure, ``art_1__para_34__subpara_2__part_2``), the eId it targets in the
amended law, the instruction's own words and line, and the quoted words or
wording, copied exactly: inner runs of spaces, typos and nested quotes stay as
printed.  Only the edges of a line are stripped.

Places count blocks (абзацы) the way the acts' commencement articles do: in a
sub-item, its own first line is block 1 and every following non-empty line is
one more block, quoted new wordings included; in an item without sub-items
the item's first line («34. В Закон ...») is block 1.

Anything the grammar does not read is a :class:`~consolidate.errors.ParseError`
quoting the instruction, with its file and line: an instruction is never
skipped.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping, Sequence

import attrs

from ..errors import ParseError
from ..numbering import child_eid, normalize_num, num_key, parse_eid
from . import numerals
from .addresses import DEPTH, unit_kind, word_pattern
from .quotes import unquoted

OPS = ("insert", "substitute", "repeal", "replace_words", "insert_words", "delete_words", "renumber", "expire")


@attrs.frozen(kw_only=True)
class OperationRecord:
    """One ``[[operations]]`` row of an act file, as read from the act's words.

    ``new`` is the new words of ``replace_words`` or the new number of
    ``renumber`` (the act-file field has that one name for both).
    """

    place: str
    op: str
    target: str
    line: int
    instruction: str
    text: str | None = None
    parent: str | None = None
    old: str | None = None
    new: str | None = None
    pairs: tuple[tuple[str, str], ...] | None = None
    words: str | None = None
    after: str | None = None
    before: str | None = None
    occurrence: str | int | None = None
    throughout: bool = False
    effective: _dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"op must be one of {', '.join(OPS)} (got {self.op!r})")


Line = tuple[int, str]  # (line number in the source file, the line as stored)

# --- quotes ----------------------------------------------------------------

_MARK = "\x00"  # a quoted span in an instruction's skeleton: \x00<index>\x00


@attrs.frozen
class _Quoted:
    skeleton: str  # the instruction with every quoted span replaced by a mark
    spans: tuple[str, ...]  # the quoted words, exactly as printed, without the outer quotes


def _split_quotes(text: str, *, shared_opener: bool = False) -> _Quoted:
    """Take the quoted words out of an instruction.

    Guillemets nest («... «О связи»»); straight quotes do not.  Official texts
    sometimes let one closing guillemet end both an inner and the outer quote
    («... Закона Республики Казахстан «О связи»;): when a guillemet quote is
    still open at the end of the line by exactly one level, its last ``»``
    closes it and also belongs to the words (the inner quote's own closer).

    With ``shared_opener`` the mirror case is read too: one opening guillemet
    opens both the outer and an inner quote («Байланыс туралы» Қазақстан
    Республикасы Заңының ... сәйкес», in a Kazakh act): a ``»`` outside any
    quote that follows a guillemet quote with no other quote between ends
    that quote, whose words then run from its opening guillemet (kept: it is
    the inner quote's own opener) to just before this ``»``.
    The caller adds the instruction and its location to an error.
    """
    out: list[str] = []
    spans: list[str] = []
    last_open: tuple[int, int] | None = None  # (index of the last guillemet quote's «, len(out) after its mark)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "«":
            last_open = (i, len(out) + 1)
            depth, j, last_close = 1, i + 1, -1
            while j < n and depth:
                if text[j] == "«":
                    depth += 1
                elif text[j] == "»":
                    depth -= 1
                    last_close = j
                j += 1
            if depth == 0:
                spans.append(text[i + 1:j - 1])
                i = j
            elif depth == 1 and last_close > i:
                spans.append(text[i + 1:last_close + 1])
                i = last_close + 1
            else:
                raise ParseError("unbalanced quotes in the instruction")
            out.append(f"{_MARK}{len(spans) - 1}{_MARK}")
            continue
        if ch == "»":  # a closing guillemet outside any quote
            if not shared_opener or last_open is None:
                raise ParseError("unbalanced quotes in the instruction")
            start, kept = last_open
            spans[-1] = text[start:i]
            del out[kept:]
            last_open = None
            i += 1
            continue
        if ch in '"“':
            last_open = None
            close = '"' if ch == '"' else "”"
            j = text.find(close, i + 1)
            if j < 0:
                raise ParseError("unclosed quote in the instruction")
            spans.append(text[i + 1:j])
            out.append(f"{_MARK}{len(spans) - 1}{_MARK}")
            i = j + 1
            continue
        out.append(ch)
        i += 1
    skeleton = " ".join("".join(out).split())
    return _Quoted(skeleton, tuple(spans))


# --- addresses of units ----------------------------------------------------

_KIND_WORD = word_pattern("rus") + r"(?!\w)"
_ORD_RE = numerals.pattern("rus", "ordinal") + r"(?!\w)"
_NUM_RE = r"\d+(?:-\d+)*\)?"
_TOKEN = re.compile(
    rf"(?P<kind>{_KIND_WORD})|(?P<num>{_NUM_RE})|(?P<ord>{_ORD_RE})|(?P<comma>,)|(?P<dash>[–—])"
    r"|(?P<hyphen>(?<=\))\s*-)|(?P<and>\bи\b)|(?P<space>\s+)",
    re.IGNORECASE,
)


@attrs.frozen
class _Segment:
    kind: str
    nums: tuple[str, ...]


def _expand(a: str, b: str, phrase: str) -> list[str]:
    """``5)–7)`` → 5, 6, 7 (a range of plain numbers only)."""
    if not (a.isdigit() and b.isdigit()) or int(b) < int(a):
        raise ParseError(f"cannot expand the range {a}–{b} in {phrase!r}")
    return [str(k) for k in range(int(a), int(b) + 1)]


def _segments(phrase: str) -> list[list[_Segment]]:
    """A phrase naming units → paths (each a list of segments, innermost first).

    ``подпункте 14) пункта 1 статьи 6, подпункте 1) пункта 1 статьи 15`` →
    two paths; ``подпункты 4), 6) и 7) пункта 6 статьи 23`` → one path whose
    first segment names three units.  A comma or «и» followed by a unit word
    starts a new path; followed by a number it continues the list.
    """
    phrase = phrase.strip()
    pos = 0
    tokens: list[tuple[str, str]] = []
    while pos < len(phrase):
        m = _TOKEN.match(phrase, pos)
        if not m or m.end() == pos:
            raise ParseError(f"cannot read the units named in {phrase!r} (at {phrase[pos:pos + 20]!r})")
        kind = m.lastgroup or ""
        if kind != "space":
            tokens.append((kind, m.group(0)))
        pos = m.end()
    paths: list[list[_Segment]] = []
    current: list[_Segment] | None = None
    seg_kind: str | None = None
    nums: list[str] = []
    pending_sep: str | None = None  # "list" after a comma/и, "range" after a dash

    def close_segment() -> None:
        nonlocal seg_kind, nums
        if seg_kind is not None:
            if not nums:
                raise ParseError(f"no number after a unit word in {phrase!r}")
            assert current is not None
            current.append(_Segment(seg_kind, tuple(nums)))
        seg_kind, nums = None, []

    for kind, value in tokens:
        if kind == "kind":
            if seg_kind is not None and not nums:
                raise ParseError(f"no number after a unit word in {phrase!r}")
            close_segment()
            if current is None or pending_sep == "list":
                current = []
                paths.append(current)
            pending_sep = None
            seg_kind = unit_kind(value, "rus")
        elif kind in ("num", "ord"):
            if seg_kind is None:
                raise ParseError(f"a number without a unit word in {phrase!r}")
            if kind == "num" and seg_kind == "part":
                raise ParseError(f"абзацы and части are counted in words, found {value!r} in {phrase!r}")
            if kind == "ord" and seg_kind != "part":
                raise ParseError(f"unexpected ordinal {value!r} in {phrase!r}")
            num = str(numerals.ordinal(value, "rus")) if kind == "ord" else normalize_num(value)
            if kind == "num" and seg_kind == "subparagraph" and not value.endswith(")"):
                raise ParseError(f"a subparagraph number is written '{value})', found {value!r} in {phrase!r}")
            if nums and pending_sep is None:
                raise ParseError(f"two numbers without a separator in {phrase!r}")
            if pending_sep == "range":
                nums.extend(_expand(nums.pop(), num, phrase))
            else:
                nums.append(num)
            pending_sep = None
        elif kind in ("comma", "and"):
            if not nums or pending_sep is not None:
                raise ParseError(f"misplaced {value!r} in {phrase!r}")
            pending_sep = "list"
        elif kind in ("dash", "hyphen"):
            if not nums or pending_sep is not None:
                raise ParseError(f"misplaced {value!r} in {phrase!r}")
            pending_sep = "range"
    if pending_sep is not None:
        raise ParseError(f"the list of units in {phrase!r} ends with a separator")
    close_segment()
    if not paths:
        raise ParseError(f"no unit named in {phrase!r}")
    return paths


def _eids(path: list[_Segment], context: str | None, phrase: str, context_hint: str = "«в статье ...:»") -> list[str]:
    """The eIds a path names, completed by the context it stands in
    (``подпункт 15)`` under «в пункте 1 статьи 15:» → ``art_15__para_1__subpara_15``)."""
    for inner, outer in zip(path, path[1:]):
        if DEPTH[outer.kind] >= DEPTH[inner.kind]:
            raise ParseError(f"units named in the wrong order in {phrase!r}")
        if len(outer.nums) != 1:
            raise ParseError(f"only the innermost unit may be a list in {phrase!r}")
    outermost = path[-1]
    if outermost.kind in ("article", "chapter"):
        base: str | None = None
    else:
        if context is None:
            raise ParseError(f"{phrase!r} names no article and stands in no {context_hint} context")
        ctx_kind = parse_eid(context)[-1][0] if context != "law" else "law"
        if ctx_kind != "law" and DEPTH[ctx_kind] >= DEPTH[outermost.kind]:
            raise ParseError(f"{phrase!r} cannot lie inside {context}")
        base = context
    for seg in reversed(path[1:]):
        if seg.kind == "chapter" and base is None:
            base = child_eid(None, "chapter", seg.nums[0])
        elif seg.kind != "chapter":
            base = child_eid(None if base is None or base.startswith("chp_") else base, seg.kind, seg.nums[0])
    first = path[0]
    out = []
    for num in first.nums:
        if first.kind == "article" or first.kind == "chapter":
            out.append(child_eid(None, first.kind, num))
        else:
            out.append(child_eid(base, first.kind, num))
    return out


def resolve(phrase: str, context: str | None = None) -> list[str]:
    """Every eId a phrase names: ``подпункт 4) пункта 1 статьи 15`` →
    ``["art_15__para_1__subpara_4"]``; ``абзац первый статьи 16`` →
    ``["art_16__part_1"]``.  ``context`` completes a phrase that names no
    article.  Raises :class:`ParseError` for anything else."""
    out: list[str] = []
    for path in _segments(phrase):
        out.extend(_eids(path, context, phrase))
    return out


# --- instructions ----------------------------------------------------------

_Q = rf"{_MARK}(\d+){_MARK}"
_QLIST = rf"{_Q}(?:\s*,\s*{_Q})*"
_END = r"\s*[.;]?$"
_SUBSTITUTE = re.compile(rf"^(?P<path>.+?) изложить в следующей редакции\s*:?$")
_INSERT = re.compile(
    rf"^(?:(?P<path>.+?) )?дополнить (?P<kind>{_KIND_WORD}) (?P<nums>.+?) следующего содержани[яи]\s*:?$"
)
_INSERT_AFTER = re.compile(
    rf"^(?:в )?(?P<path>.+?) после (?:слов|слова) (?P<after>{_Q}) дополнить (?:словами|словом) (?P<words>{_Q}){_END}"
)
_INSERT_BEFORE = re.compile(
    rf"^(?:в )?(?P<path>.+?) перед (?:словами|словом) (?P<before>{_Q}) дополнить (?:словами|словом) (?P<words>{_Q}){_END}"
)
_APPEND = re.compile(rf"^(?P<path>.+?) дополнить (?:словами|словом) (?P<words>{_Q}){_END}")
_REPLACE = re.compile(
    rf"^(?:в (?P<path>.+?) )?(?P<throughout>по всему тексту )?(?:слова|слово) (?P<olds>{_QLIST}) "
    rf"заменить (?P<resp>соответственно )?(?:словами|словом) (?P<news>{_QLIST}){_END}"
)
_DELETE = re.compile(
    rf"^(?:в (?P<path>.+?) )?(?P<throughout>по всему тексту )?(?:слова|слово) (?P<words>{_QLIST}) исключить{_END}"
)
_REPEAL = re.compile(rf"^(?P<path>[^{_MARK}]+?) исключить{_END}")
_RENUMBER = re.compile(rf"^(?P<path>[^{_MARK}]+?) считать (?:соответственно )?(?P<kind>{_KIND_WORD}) (?P<nums>.+?){_END}")
_CONTEXT = re.compile(rf"^в (?P<path>[^{_MARK}]+?)\s*:$")
_UNIT_LABEL = {
    "subparagraph": lambda n: rf"{re.escape(n)}\)",
    "paragraph": lambda n: rf"{re.escape(n)}\.(?:\s|$)",
    "article": lambda n: rf"Статья\s+{re.escape(n)}\.",
    "chapter": lambda n: rf"Глава\s+{re.escape(n)}\.",
}


@attrs.frozen
class _Pending:
    """An instruction whose wording follows in quoted blocks."""

    op: str
    targets: tuple[str, ...]
    parent: str | None
    place: str
    line: int
    instruction: str


@attrs.frozen
class _Block:
    line: int
    raw: str  # as stored (indentation kept: a wrapped heading is indented deeper)

    @property
    def text(self) -> str:
        return self.raw.replace("\u00a0", " ").strip()


def _words_of(q: _Quoted, group: str) -> list[str]:
    return [q.spans[int(i)] for i in re.findall(_Q, group)]


_SAME_KIND = "the new numbers must be of the same kind as the old ones"


def _renumber(old: list[str], segment: _Segment) -> list[tuple[str, str]]:
    """The units ``old`` renumbered to ``segment``'s numbers → (eId, new number)
    pairs in the order that lets no new number collide with a unit still
    waiting: moving up, the highest goes first; moving down, the lowest."""
    if segment.kind != parse_eid(old[0])[-1][0]:
        raise ParseError(_SAME_KIND)
    new_nums = segment.nums
    if len(new_nums) != len(old):
        raise ParseError(f"{len(old)} units renumbered but {len(new_nums)} new numbers")
    pairs = list(zip(old, new_nums))
    up = num_key(new_nums[0]) > num_key(parse_eid(old[0])[-1][1])
    pairs.sort(key=lambda p: num_key(parse_eid(p[0])[-1][1]), reverse=up)
    return pairs


def parse_instruction(
    body: str, *, context: str | None, place: str, line: int, file: str | None = None, instruction: str | None = None
) -> list[OperationRecord] | _Pending:
    """One instruction (without its sub-item number) → its records, or a
    pending substitution/insertion whose wording follows in quoted blocks."""
    written = instruction if instruction is not None else body.strip()

    def fail(why: str) -> ParseError:
        return ParseError(f"{why}: {written!r}", file=file, line=line, place=place)

    try:
        q = _split_quotes(body)
    except ParseError as exc:
        raise fail(exc.message) from None
    s = q.skeleton

    targets = unit_finder(resolve, context, fail)

    def numbers(m: re.Match[str], message: str) -> _Segment:
        """The one unit word and its numbers of a new or renumbered unit («подпунктами 6-1) и 6-2)»)."""
        try:
            paths = _segments(f"{m['kind']} {m['nums']}")
        except ParseError as exc:
            raise fail(exc.message) from None
        if len(paths) != 1 or len(paths[0]) != 1:
            raise fail(message)
        return paths[0][0]

    def rec(op: str, target: str, **fields: object) -> OperationRecord:
        return OperationRecord(place=place, op=op, target=target, line=line, instruction=written, **fields)  # type: ignore[arg-type]

    if m := _SUBSTITUTE.match(s):
        return _Pending("substitute", tuple(targets(m["path"])), None, place, line, written)
    if m := _INSERT.match(s):
        kind = unit_kind(m["kind"], "rus")
        nums = numbers(m, "cannot read the numbers of the new units").nums
        containers = targets(m["path"]) if m["path"] is not None else ([context] if context is not None else [])
        new, parent = new_units(kind, nums, containers, fail)
        return _Pending("insert", tuple(new), parent, place, line, written)
    if m := _INSERT_AFTER.match(s) or _INSERT_BEFORE.match(s) or _APPEND.match(s):
        return inserted_words(rec, q, m, targets(m["path"]))
    if m := _REPLACE.match(s):
        return replaced_words(rec, q, m, targets, fail, respectively="соответственно")
    if m := _DELETE.match(s):
        throughout = m["throughout"] is not None
        where_to = targets(m["path"], throughout=throughout)
        return [rec("delete_words", t, words=w, throughout=throughout)
                for t in where_to for w in _words_of(q, m["words"])]
    if m := _REPEAL.match(s):
        return [rec("repeal", t) for t in targets(m["path"])]
    if m := _RENUMBER.match(s):
        old = targets(m["path"])
        segment = numbers(m, _SAME_KIND)
        try:
            pairs = _renumber(old, segment)
        except ParseError as exc:
            raise fail(exc.message) from None
        return [rec("renumber", t, new=n) for t, n in pairs]
    raise fail("not an instruction this parser reads")


# --- records from what a grammar matched (every language's grammar builds them here) ----

Fail = Callable[[str], ParseError]
Record = Callable[..., OperationRecord]


def unit_finder(resolve: Callable[[str, str | None], list[str]], context: str | None,
                fail: Fail) -> Callable[..., list[str]]:
    """``targets(phrase, ctx=context, throughout=False)``: the eIds a unit phrase names, read by
    ``resolve`` in the context (no phrase: the context itself, or the whole law for words changed
    throughout it); what cannot be read fails at the instruction."""
    def targets(phrase: str | None, ctx: str | None = context, *, throughout: bool = False) -> list[str]:
        if phrase is None:
            if throughout:
                return ["law"]
            if ctx is None:
                raise fail("the instruction names no unit and stands in no context")
            return [ctx]
        try:
            return resolve(phrase, ctx)
        except ParseError as exc:
            raise fail(exc.message) from None
    return targets


def new_units(kind: str, nums: Sequence[str], containers: Sequence[str],
              fail: Fail) -> tuple[list[str], str | None]:
    """The eIds of new units of ``kind`` numbered ``nums`` in the one unit of ``containers``
    (none: the law), and the chapter a new article or chapter is put in.  Articles are unique
    in the law, so their eIds omit the chapter the path names."""
    if len(containers) > 1:
        raise fail("new units are added to one unit at a time")
    container = containers[0] if containers else None
    if kind in ("article", "chapter"):
        if container is not None and not container.startswith("chp_"):
            raise fail(f"an {kind} cannot be added inside {container}")
        return [child_eid(None, kind, n) for n in nums], container
    if container is None:
        raise fail(f"a new {kind} needs the unit it is added to")
    return [child_eid(container, kind, n) for n in nums], None


def inserted_words(rec: Record, q: _Quoted, m: re.Match[str], where: Sequence[str]) -> list[OperationRecord]:
    """Words added to each unit of ``where``: after or before the words quoted, or at the end."""
    groups = m.re.groupindex
    anchor = {k: _words_of(q, m[k])[0] for k in ("after", "before") if k in groups and m[k] is not None}
    return [rec("insert_words", t, words=_words_of(q, m["words"])[0], **anchor) for t in where]


def replaced_words(rec: Record, q: _Quoted, m: re.Match[str], targets: Callable[..., list[str]], fail: Fail, *,
                   respectively: str) -> list[OperationRecord]:
    """Words replaced in each unit the match's path names (``targets``, of :func:`unit_finder`),
    or throughout the law: one by one, or several by as many others, which the act must say it
    does «respectively» (its word given).  The words are checked before the path is read."""
    olds, news = _words_of(q, m["olds"]), _words_of(q, m["news"])
    if len(olds) != len(news):
        raise fail(f"{len(olds)} words to replace but {len(news)} replacements")
    if len(olds) > 1 and not m["resp"]:
        raise fail(f"several words replaced by several words without «{respectively}»")
    throughout = m["throughout"] is not None
    where = targets(m["path"], throughout=throughout)
    if len(olds) == 1:
        return [rec("replace_words", t, old=olds[0], new=news[0], throughout=throughout) for t in where]
    return [rec("replace_words", t, pairs=tuple(zip(olds, news)), throughout=throughout) for t in where]


# --- quoted wordings -------------------------------------------------------

_OPEN = "«\"“"
_CLOSE_AT_END = re.compile(r"[»\"”]\s*[.;,]?\s*$")
_HEADING = re.compile(r"^(?:Статья|Глава)\s+\d")
_UNIT_START = re.compile(r"^(?:\d|Статья|Глава)")  # a line that starts a unit, never a wrapped heading's tail


def _opens_quote(text: str) -> bool:
    return re.sub(r"^#+\s*", "", text)[:1] in _OPEN


def _group_closed(texts: list[str]) -> bool:
    """Whether the quoted wording started in ``texts[0]`` ends with ``texts[-1]``."""
    joined = "\n".join(texts)
    last = texts[-1]
    if not _CLOSE_AT_END.search(last):
        return False
    if re.sub(r"^#+\s*", "", texts[0]).startswith("«"):
        return joined.count("»") >= joined.count("«")
    return joined.count('"') % 2 == 0


def _strip_group(blocks: list[_Block], file: str | None) -> list[tuple[_Block, str]]:
    """The blocks of one quoted wording without its outer quotes and the
    instruction's punctuation after them (``«4) ...;».`` → ``4) ...;``).  A
    Markdown heading mark before the quote (``## «Статья 9-1.``, as stored in
    one source) is layout, not text, and goes too."""
    texts = [b.text for b in blocks]
    texts[0] = re.sub(r"^#+\s*", "", texts[0])[1:].lstrip()
    m = _CLOSE_AT_END.search(texts[-1])
    assert m is not None  # _group_closed checked it
    texts[-1] = texts[-1][:m.start()].rstrip()
    joined = "\n".join(texts)
    if joined.count("«") != joined.count("»") or joined.count('"') % 2:
        raise ParseError(f"unbalanced quotes inside the quoted wording starting {blocks[0].text[:60]!r}",
                         file=file, line=blocks[0].line)
    return [(b, t) for b, t in zip(blocks, texts) if t]


def _indent(raw: str) -> int:
    expanded = raw.replace("\t", "    ").replace("\u00a0", " ")
    return len(expanded) - len(expanded.lstrip())


def _unit_text(blocks: list[tuple[_Block, str]], grammar: ItemGrammar | None = None) -> str:
    """Blocks of one unit → its text, one block per paragraph (``\\n\\n``).

    A heading the source wraps onto a more deeply indented line
    (``Статья 14. Правовое положение сотрудников`` / ``органа внешней
    разведки``) is one heading: the pieces are joined with one space."""
    heading, start = (grammar.heading, grammar.unit_start) if grammar is not None else (_HEADING, _UNIT_START)
    out: list[tuple[int, str]] = []
    for block, text in blocks:
        if (out and len(out) == 1 and heading.match(out[0][1]) and _indent(block.raw) > out[0][0] + 2
                and not start.match(text) and not text.endswith((".", ";", ":"))):
            out[0] = (out[0][0], f"{out[0][1]} {text}")
            continue
        out.append((_indent(block.raw), text))
    return "\n\n".join(t for _, t in out)


def _split_units(
    pending: _Pending, groups: list[list[_Block]], file: str | None, grammar: ItemGrammar | None = None
) -> list[OperationRecord]:
    """The quoted wordings after a substitution/insertion → one record per
    target, each with its own unit's text (each unit found by its label, in
    the grammar's language: «4)», «2.», «Статья 9.», «9-бап.»)."""
    unit_labels = grammar.labels if grammar is not None else _UNIT_LABEL
    blocks: list[tuple[_Block, str]] = []
    for g in groups:
        blocks.extend(_strip_group(g, file))
    kinds = {parse_eid(t)[-1][0] for t in pending.targets}
    kind = kinds.pop()
    units: list[list[tuple[_Block, str]]] = []
    if kind == "part":
        if len(pending.targets) != 1:
            raise ParseError(f"several абзацы in one wording cannot be told apart: {pending.instruction!r}",
                             file=file, line=pending.line)
        units = [blocks]
    else:
        labels = [re.compile("^" + unit_labels[kind](parse_eid(t)[-1][1])) for t in pending.targets]
        k = 0
        for block, text in blocks:
            if k < len(labels) and labels[k].match(text):
                units.append([])
                k += 1
            elif not units:
                raise ParseError(
                    f"the wording should start with the label of {pending.targets[0]}, found {text[:60]!r} "
                    f"(the instruction is on line {pending.line})",
                    file=file, line=block.line)
            units[-1].append((block, text))
        if k != len(labels):
            raise ParseError(f"no wording for {', '.join(pending.targets[k:])} after {pending.instruction!r}",
                             file=file, line=pending.line)
    return [
        OperationRecord(place=pending.place, op=pending.op, target=t, line=pending.line,
                        instruction=pending.instruction, text=_unit_text(u, grammar), parent=pending.parent)
        for t, u in zip(pending.targets, units)
    ]


# --- items -----------------------------------------------------------------

_ITEM = re.compile(r"^(\d+)\.\s*(.*)$", re.DOTALL)
_SUBITEM = re.compile(r"^(\d+)\)\s*(.*)$", re.DOTALL)
_WHOLE_ARTICLE = re.compile(r"^(?:#+\s*)?Статья\s+(\d+)\.\s*(Внести\s.*)$", re.DOTALL)


def _header_end(text: str) -> int:
    """Index of the colon ending «В Закон ... «Title» (Ведомости ...):», outside quotes and parentheses."""
    return next((i for i, ch, depth in unquoted(text) if ch == ":" and not depth), -1)


@attrs.frozen
class ItemHead:
    """An item's first line read: its number, its heading (up to the colon) and
    what follows the colon on the same line (an instruction, or nothing)."""

    item: str
    heading: str
    tail: str
    #: the article that is the whole amendment, in an act that amends one law
    #: («Статья 1. Внести в Закон ... следующие изменения:»); None for an item
    article: int | None = None


#: one instruction → the records it gives now, and the substitution/insertion
#: (if any) whose wording follows in quoted blocks
Instruction = Callable[..., tuple[list[OperationRecord], "_Pending | None"]]


@attrs.frozen(kw_only=True)
class ItemGrammar:
    """What :func:`read_item` needs to know of a language; the rest of an item
    (blocks, places, sub-items, contexts, quoted wordings) is the same in
    every language the acts are written in.

    * ``head`` reads the item's first line (raises :class:`ParseError`);
    * ``context`` gives the phrase of a context line («в пункте 1 статьи 15:»,
      «15-баптың 1-тармағында:») or ``None`` when the line is not one;
    * ``resolve`` turns a phrase into eIds (``resolve(phrase, context)``);
    * ``instruction`` reads one instruction (the keywords of
      :func:`parse_instruction`);
    * ``subitem`` matches a sub-item's first line («1) ...») and gives its
      number and body, or ``None``;
    * ``labels``, ``heading``, ``unit_start`` find the units in a quoted wording;
    * ``quoted_instruction`` tells a line that opens a quote and is an
      instruction from a quoted wording.
    """

    head: Callable[[str], ItemHead]
    context: Callable[[str], str | None]
    resolve: Callable[[str, str | None], list[str]]
    instruction: Instruction
    subitem: Callable[[str], tuple[str, str] | None]
    labels: Mapping[str, Callable[[str], str]]
    heading: re.Pattern[str]
    unit_start: re.Pattern[str]
    #: whether a line that opens a quote is an instruction («"а" деген сөз ... ауыстырылсын»: Kazakh
    #: names the words first); such a line is never read as a wording
    quoted_instruction: Callable[[str], bool] = lambda text: False


def read_item(
    lines: Sequence[Line], grammar: ItemGrammar, *, article: int = 1, law_title: str | None = None,
    file: str | None = None, title_in: Callable[[str, str], bool] = lambda title, heading: title in heading,
) -> tuple[OperationRecord, ...]:
    """An item of an amending act → its records, in order, in ``grammar``'s
    language (see :func:`parse_item`).  ``title_in(law_title, heading)``
    says whether the item's heading names the law."""
    blocks = [_Block(n, raw) for n, raw in lines if raw.strip()]
    if not blocks:
        raise ParseError("an empty instruction block", file=file)
    head_block = blocks[0]
    try:
        head = grammar.head(head_block.text)
    except ParseError as exc:
        raise ParseError(exc.message, file=file, line=head_block.line) from None
    if law_title is not None and not title_in(law_title, head.heading):
        raise ParseError(f"the item does not amend «{law_title}»: {head_block.text[:120]!r}", file=file,
                         line=head_block.line)
    base = f"art_{head.article}" if head.article is not None else f"art_{article}__para_{head.item}"

    records: list[OperationRecord] = []
    sub: str | None = None
    block_no = 0
    item_ctx: str | None = None
    sub_ctx: str | None = None
    pending: _Pending | None = None
    groups: list[list[_Block]] = []
    open_group: list[_Block] | None = None
    expected_sub = 1

    def finish() -> None:
        nonlocal pending, groups
        if pending is None:
            return
        if open_group is not None:
            raise ParseError(f"the quoted wording starting {open_group[0].text[:60]!r} is never closed",
                             file=file, line=open_group[0].line)
        if not groups:
            raise ParseError(f"no quoted wording follows {pending.instruction!r}", file=file, line=pending.line)
        records.extend(_split_units(pending, groups, file, grammar))
        pending, groups = None, []

    def handle(body: str, line: int, written: str) -> None:
        nonlocal item_ctx, sub_ctx, pending
        place = f"{base}{f'__subpara_{sub}' if sub else ''}__part_{block_no}"
        ctx = (sub_ctx or item_ctx) if sub else item_ctx
        if (phrase := grammar.context(body)) is not None:
            try:
                eids = grammar.resolve(phrase, item_ctx if sub else None)
            except ParseError as exc:
                raise ParseError(f"{exc.message}: {body!r}", file=file, line=line, place=place) from None
            if len(eids) != 1:
                raise ParseError(f"a context names one unit: {body!r}", file=file, line=line, place=place)
            if sub:
                sub_ctx = eids[0]
            else:
                item_ctx = eids[0]
            return
        now, pending = grammar.instruction(body, context=ctx, place=place, line=line, file=file,
                                           instruction=written)
        records.extend(now)

    for i, block in enumerate(blocks):
        text = block.text
        if i == 0:
            block_no = 1
            if head.tail:  # «... ст. 32):абзац второй ...»: the instruction shares the item's line
                handle(head.tail, block.line, head.tail)
            continue
        if open_group is not None:
            open_group.append(block)
            block_no += 1
            if _group_closed([b.text for b in open_group]):
                groups.append(open_group)
                open_group = None
            continue
        if _opens_quote(text) and not grammar.quoted_instruction(text):
            if pending is None:
                raise ParseError(f"a quoted wording follows no instruction: {text[:80]!r}", file=file,
                                 line=block.line)
            block_no += 1
            open_group = [block]
            if _group_closed([text]):
                groups.append(open_group)
                open_group = None
            continue
        finish()
        s = grammar.subitem(text)
        if s:
            if int(s[0]) != expected_sub:
                raise ParseError(f"expected sub-item {expected_sub}), found {text[:60]!r}", file=file,
                                 line=block.line)
            expected_sub += 1
            sub, block_no, sub_ctx = s[0], 1, None
            body = s[1]
        else:
            block_no += 1
            body = text
        handle(body, block.line, text)
    finish()
    if open_group is not None:
        raise ParseError(f"the quoted wording starting {open_group[0].text[:60]!r} is never closed",
                         file=file, line=open_group[0].line)
    return tuple(records)


def _russian_head(text: str) -> ItemHead:
    m = _ITEM.match(text)
    whole = _WHOLE_ARTICLE.match(text)
    if whole:  # an act that amends one law: «Статья 1. Внести в Закон ... следующие изменения:»
        rest = whole.group(2)
    elif not m or not m.group(2).startswith("В "):
        raise ParseError(f"expected an item «N. В Закон ...:», found {text[:80]!r}")
    else:
        rest = m.group(2)
    end = _header_end(rest)
    if end < 0:
        raise ParseError(f"the item's first line does not end its heading with ':': {text[:80]!r}")
    article = int(whole.group(1)) if whole else None
    return ItemHead(m.group(1) if m and not whole else "", rest[:end], rest[end + 1:].strip(), article)


def _russian_context(body: str) -> str | None:
    c = _CONTEXT.match(" ".join(body.split()))
    if c and not re.search(r"\b(?:изложить|дополнить|исключить|заменить|считать)\b", body):
        return c["path"]
    return None


def _russian_instruction(body: str, **kw: object) -> tuple[list[OperationRecord], _Pending | None]:
    got = parse_instruction(body, **kw)  # type: ignore[arg-type]
    return ([], got) if isinstance(got, _Pending) else (got, None)


def _russian_subitem(text: str) -> tuple[str, str] | None:
    s = _SUBITEM.match(text)
    return (s.group(1), s.group(2)) if s else None


RUSSIAN = ItemGrammar(
    head=_russian_head, context=_russian_context, resolve=resolve, instruction=_russian_instruction,
    subitem=_russian_subitem, labels=_UNIT_LABEL, heading=_HEADING, unit_start=_UNIT_START,
)


def parse_item(
    lines: Sequence[Line], *, article: int = 1, law_title: str | None = None, file: str | None = None
) -> tuple[OperationRecord, ...]:
    """An item of an amending act («34. В Закон ... : ...») → its records, in order.

    ``lines`` are the item's lines as stored, with their line numbers in
    ``file``; blank lines are skipped.  ``article`` is the article of the
    amending act the item stands in (places are ``art_<article>__para_<item>...``).
    ``law_title``, when given, must appear in the item's first line: the
    item amends that law and no other.
    """
    return read_item(lines, RUSSIAN, article=article, law_title=law_title, file=file)
