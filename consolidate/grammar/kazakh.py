"""The Kazakh instruction language of amending laws → operation records.

The Kazakh text of an amending law is equally authentic: it is read on its
own, into the same :class:`~consolidate.grammar.instructions.OperationRecord`
values (kinds, target eIds, places, words, wordings, lines) as the Russian
one, so that the engine replays a Kazakh act as it replays a Russian act.
An item reads::

    72. «Қазақстан Республикасының ұлттық қауіпсіздігі туралы» 2012 жылғы 6
    қаңтардағы Қазақстан Республикасының Заңына (Қазақстан Республикасы
    Парламентінің Жаршысы, ...):

    1) 9-баптың 1-тармағының 3) тармақшасы мынадай редакцияда жазылсын:

    «3) ішкі істер органдары, ...»;

    2) 23-бапта:

    6-тармақтың 6) және 7) тармақшаларындағы «және ақпарат» деген сөздер алып тасталсын;

Kazakh names units outermost first, each number before its word, the words
in the genitive chain («15-баптың 1-тармағының 4) тармақшасы»), the
locative where words are changed («... тармақшасындағы «...» деген сөздер»)
or a context is opened («15-баптың 1-тармағында:»).  The instruction's verb
ends it:

=========================================================  ====================
``<unit> мынадай редакцияда жазылсын:``                      substitute
``<unit> алып тасталсын``                                    repeal
``<unit> «a» деген сөз(дер) алып тасталсын``                 delete_words
``<unit> «a» деген сөз(дер) «b» деген сөз(дер)мен ауыстырылсын``  replace_words
``... «a», «b» деген сөздер тиісінше «c», «d» деген сөздермен ...`` replace_words (pairs)
``<unit> мынадай мазмұндағы 4-1) тармақшамен толықтырылсын:``  insert
``<unit> «a» деген сөз(дер)ден кейін «b» деген сөз(дер)мен толықтырылсын``  insert_words after
``<unit> «a» деген сөз(дер)дің алдынан «b» ... толықтырылсын``  insert_words before
``<unit> «b» деген сөз(дер)мен толықтырылсын``                insert_words (at the end)
``бүкіл мәтін бойынша ...``                                   throughout the law
``<unit> <new number> <unit word> деп есептелсін``           renumber
=========================================================  ====================

Clauses are chained by a converb («... ауыстырылып, мынадай мазмұндағы 20)
тармақшамен толықтырылсын:», «... алып тасталып, ...») or share the last
verb («... деген сөздермен, 9-баптың ... деген сөздермен ауыстырылсын»):
each clause is read on its own, a clause that names no unit changes the unit
the clause before it named (and a new unit of the same kind goes into that
unit's parent: «19) тармақшасындағы ... ауыстырылып, мынадай мазмұндағы 20)
тармақшамен толықтырылсын» adds subparagraph 20 to the paragraph).

Blocks, places, sub-items, contexts and quoted wordings are the Russian
module's (:func:`~consolidate.grammar.instructions.read_item`): only the
language differs.  Anything the grammar does not read is a
:class:`~consolidate.errors.ParseError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..errors import ParseError
from ..numbering import normalize_num, parse_eid
from . import numerals
from .addresses import unit_kind, word_pattern
from .instructions import (
    _MARK,
    _Q,
    ItemGrammar,
    ItemHead,
    Line,
    OperationRecord,
    _eids,
    _expand,
    _header_end,
    _Pending,
    _Quoted,
    _renumber,
    _Segment,
    _split_quotes,
    _words_of,
    inserted_words,
    new_units,
    read_item,
    replaced_words,
    unit_finder,
)

__all__ = ["KAZAKH", "parse_instruction", "parse_item", "resolve"]

LANG = "kaz"
_L = "а-яәғқңөұүһі"  # Kazakh letters, in fold's view (Latin i read as і)

# --- addresses of units ----------------------------------------------------

_KIND_WORD = word_pattern(LANG)
_TOKEN = re.compile(
    rf"(?P<num>\d+(?:-\d+)*\)?)|(?P<glue>-(?=[{_L}]))|(?P<kind>{_KIND_WORD})(?![{_L}])"
    rf"|(?P<ord>{numerals.pattern(LANG, 'ordinal')})(?![{_L}])|(?P<comma>,)|(?P<dash>[–—]|-(?=\s*\d))"
    rf"|(?P<and>және|мен)(?![{_L}])|(?P<space>\s+)"
)


def _segments(phrase: str) -> list[list[_Segment]]:
    """A Kazakh phrase naming units → paths (each a list of segments, innermost
    first, as :func:`~consolidate.grammar.instructions._eids` takes them).

    ``6-баптың 1-тармағының 14) тармақшасындағы, 15-баптың 1-тармағының 1)
    тармақшасындағы`` → two paths; ``23-баптың 6-тармағының 4), 6) және 7)
    тармақшалары`` → one path whose innermost segment names three units;
    ``14, 15 және 16-баптар`` → three articles.  Numbers come before their
    word; after a unit word a comma or «және» starts a new path, a number
    the next (inner) unit of the same path.
    """
    view = numerals.fold(phrase, LANG)
    pos = 0
    tokens: list[tuple[str, str, str]] = []  # (kind, folded, as written)
    while pos < len(view):
        m = _TOKEN.match(view, pos)
        if not m or m.end() == pos:
            raise ParseError(f"cannot read the units named in {phrase!r} (at {phrase[pos:pos + 20]!r})")
        kind = m.lastgroup or ""
        if kind not in ("space", "glue"):
            tokens.append((kind, m.group(0), phrase[m.start():m.end()]))
        pos = m.end()
    paths: list[list[_Segment]] = []
    current: list[_Segment] = []
    nums: list[str] = []
    counted: bool | None = None  # whether the numbers are ordinals
    pending_sep: str | None = None  # "list" after a comma/және, "range" after a dash
    after_word = False
    for kind, value, written in tokens:
        if kind in ("num", "ord"):
            if nums and pending_sep is None:
                raise ParseError(f"two numbers without a separator in {phrase!r}")
            if counted is not None and counted != (kind == "ord"):
                raise ParseError(f"numbers and ordinals mixed in {phrase!r}")
            if after_word:
                after_word = False
            counted = kind == "ord"
            num = str(numerals.ordinal(value, LANG)) if kind == "ord" else written
            if pending_sep == "range":
                prev = nums.pop()
                if kind == "ord":
                    nums.extend(_expand(prev, num, phrase))
                else:
                    nums.extend(n + ")" if written.endswith(")") else n
                                for n in _expand(normalize_num(prev), normalize_num(num), phrase))
            else:
                nums.append(num)
            pending_sep = None
        elif kind == "kind":
            if not nums or pending_sep is not None:
                raise ParseError(f"no number before the unit word {written!r} in {phrase!r}")
            seg_kind = unit_kind(written, LANG)
            if seg_kind == "part" and not counted:
                raise ParseError(f"абзацы and бөліктер are counted in words, found {nums[0]!r} in {phrase!r}")
            if seg_kind != "part" and counted:
                raise ParseError(f"unexpected ordinal before {written!r} in {phrase!r}")
            for n in nums:
                if seg_kind == "subparagraph" and not n.endswith(")"):
                    raise ParseError(f"a subparagraph number is written '{n})', found {n!r} in {phrase!r}")
                if seg_kind != "subparagraph" and n.endswith(")"):
                    raise ParseError(f"only a subparagraph number is written with ')', found {n!r} in {phrase!r}")
            current.append(_Segment(seg_kind, tuple(n if counted else normalize_num(n) for n in nums)))
            nums, counted, after_word = [], None, True
        elif kind in ("comma", "and"):
            if pending_sep is not None or not (nums or after_word):
                raise ParseError(f"misplaced {written!r} in {phrase!r}")
            if after_word:  # «14) тармақшасындағы, 15-баптың ...»: a new path
                paths.append(current)
                current, after_word = [], False
            else:
                pending_sep = "list"
        elif kind == "dash":
            if not nums or pending_sep is not None:
                raise ParseError(f"misplaced {written!r} in {phrase!r}")
            pending_sep = "range"
    if nums or pending_sep is not None:
        raise ParseError(f"the units named in {phrase!r} end without their unit word")
    if current:
        paths.append(current)
    elif after_word is False and paths:
        raise ParseError(f"the list of units in {phrase!r} ends with a separator")
    if not paths:
        raise ParseError(f"no unit named in {phrase!r}")
    return [list(reversed(p)) for p in paths]


def resolve(phrase: str, context: str | None = None) -> list[str]:
    """Every eId a Kazakh phrase names: ``15-баптың 1-тармағының 4)
    тармақшасы`` → ``["art_15__para_1__subpara_4"]``; ``16-баптың бірінші
    абзацы`` → ``["art_16__part_1"]``.  ``context`` completes a phrase that
    names no article.  Raises :class:`ParseError` for anything else."""
    out: list[str] = []
    for path in _segments(phrase):
        out.extend(_eids(path, context, phrase, "«15-бапта:»"))
    return out


# --- instructions ----------------------------------------------------------

_QLIST = rf"{_Q}(?:\s*,\s*{_Q})*"
_END = r"\s*[.;]?$"
_WORD = r"деген сөз(?:дер)?"  # «... деген сөз», «... деген сөздер»
_WORDS_WITH = r"деген (?:сөзбен|сөздермен)"
_FROM = r"деген сөз(?:ден|дерден)"
_OF = r"деген сөз(?:дің|дердің)"
_VERB_SUB = r"мынадай редакцияда жазылсын"
_VERB_INS = r"толықтырылсын"
_VERB_REP = r"ауыстырылсын"
_VERB_DEL = r"алып тасталсын"
_THROUGHOUT = r"(?:(?:осы )?заңның )?бүкіл мәтін(?:і)? бойынша"

_SUBSTITUTE = re.compile(rf"^(?P<path>.+?) {_VERB_SUB}\s*:?$")
_INSERT = re.compile(rf"^(?:(?P<path>.+?) )?мынадай мазмұндағы (?P<new>[^{_MARK}]+?) {_VERB_INS}\s*:?$")
_INSERT_AFTER = re.compile(rf"^(?P<path>.+?) (?P<after>{_Q}) {_FROM} кейін (?P<words>{_Q}) {_WORDS_WITH} {_VERB_INS}{_END}")
_INSERT_BEFORE = re.compile(
    rf"^(?P<path>.+?) (?P<before>{_Q}) {_OF} алдына(?:н)? (?P<words>{_Q}) {_WORDS_WITH} {_VERB_INS}{_END}")
_APPEND = re.compile(rf"^(?P<path>[^{_MARK}]+?) (?P<words>{_Q}) {_WORDS_WITH} {_VERB_INS}{_END}")
_REPLACE = re.compile(
    rf"^(?:(?P<path>[^{_MARK}]+?) )??(?P<throughout>{_THROUGHOUT} )?(?P<olds>{_QLIST}) {_WORD} "
    rf"(?P<resp>тиісінше )?(?P<news>{_QLIST}) {_WORDS_WITH} {_VERB_REP}{_END}"
)
_DELETE = re.compile(
    rf"^(?:(?P<path>[^{_MARK}]+?) )??(?P<throughout>{_THROUGHOUT} )?(?P<words>{_QLIST}) {_WORD} {_VERB_DEL}{_END}")
_REPEAL = re.compile(rf"^(?P<path>[^{_MARK}]+?) {_VERB_DEL}{_END}")
_RENUMBER = re.compile(
    rf"^(?P<path>[^{_MARK}]+?) (?:тиісінше )?(?P<new>(?:\d+(?:-\d+)*\)?\s*(?:(?:,|және)\s*)?)+-?[{_L}]+) "
    rf"деп есептелсін{_END}")
_HEADING_WORD = re.compile(rf"(?<![{_L}])тақырыб")
_UNCHANGED = re.compile(r"қазақ тіліндегі мәтін өзгермейді")

# a clause ends the chain's verb in a converb, or leaves the shared verb out
_CONVERBS = {"ауыстырылып": "ауыстырылсын", "алып тасталып": "алып тасталсын", "толықтырылып": "толықтырылсын",
             "жазылып": "жазылсын"}
_CHAIN = re.compile(r"(ауыстырылып|алып тасталып|толықтырылып|жазылып)\s*,\s+")


def _clauses(skeleton: str) -> list[str]:
    """An instruction → its clauses, each with its own verb (see the module doc)."""
    out: list[str] = []
    rest = skeleton
    while m := _CHAIN.search(rest):
        out.append(rest[:m.start()] + _CONVERBS[m.group(1)])
        rest = rest[m.end():]
    out.append(rest)
    # «... «b» деген сөздермен, 9-баптың ... «d» деген сөздермен ауыстырылсын»: the verb is shared
    final: list[str] = []
    for clause in out:
        verb = re.search(rf"({_VERB_REP}|{_VERB_INS}){_END}", clause)
        parts = [clause]
        if verb:
            parts = []
            start = 0
            for e in re.finditer(rf"{_WORDS_WITH}\s*,\s+", clause):
                head = clause[start:e.end()].rstrip().rstrip(",").rstrip()
                # only when something follows that names words of its own
                if re.search(_Q, clause[e.end():]):
                    parts.append(f"{head} {verb.group(1)}")
                    start = e.end()
            parts.append(clause[start:])
        final.extend(parts)
    return final


def _names_no_unit(clause: str) -> bool:
    return clause.startswith(_MARK) or clause.startswith("мынадай мазмұндағы") or bool(
        re.match(_THROUGHOUT, clause))


def parse_instruction(
    body: str, *, context: str | None, place: str, line: int, file: str | None = None, instruction: str | None = None
) -> tuple[list[OperationRecord], _Pending | None]:
    """One Kazakh instruction (without its sub-item number) → the records it
    gives now and the substitution/insertion (if any) whose wording follows
    in quoted blocks."""
    written = instruction if instruction is not None else body.strip()

    def fail(why: str) -> ParseError:
        return ParseError(f"{why}: {written!r}", file=file, line=line, place=place)

    try:
        q = _split_quotes(body, shared_opener=True)
    except ParseError as exc:
        raise fail(exc.message) from None
    skeleton = numerals.fold(q.skeleton, LANG)  # the words as matched; quoted words stay as written in q.spans
    if _UNCHANGED.search(skeleton):  # «орыс тіліндегі мәтінге өзгеріс енгізіледі, қазақ тіліндегі мәтін өзгермейді»
        return [], None
    if _HEADING_WORD.search(skeleton) and re.search(_VERB_SUB, skeleton):
        raise fail("a heading (тақырыбы) has no eId of its own in the engine's model, so its new wording "
                   "cannot be recorded")
    records: list[OperationRecord] = []
    pending: _Pending | None = None
    previous: str | None = None  # the unit phrase of the clause before
    clauses = _clauses(skeleton)
    for k, clause in enumerate(clauses):
        if pending is not None:
            raise fail("a wording must follow the last clause of an instruction")
        if previous is not None and _names_no_unit(clause):
            clause = f"{previous} {clause}"
        got, new_pending, phrase = _clause(clause, q, context, place, line, written, fail)
        records.extend(got)
        pending = new_pending
        previous = phrase if phrase is not None else previous
        if pending is not None and k != len(clauses) - 1:
            raise fail("a wording must follow the last clause of an instruction")
    return records, pending


def _clause(
    s: str, q: _Quoted, context: str | None, place: str, line: int, written: str,
    fail: Callable[[str], ParseError],
) -> tuple[list[OperationRecord], _Pending | None, str | None]:
    """One clause → its records or pending wording, and the unit phrase it named."""

    targets = unit_finder(resolve, context, fail)

    def rec(op: str, target: str, **fields: object) -> OperationRecord:
        return OperationRecord(place=place, op=op, target=target, line=line, instruction=written, **fields)  # type: ignore[arg-type]

    def new_segment(phrase: str, message: str) -> _Segment:
        try:
            paths = _segments(phrase)
        except ParseError as exc:
            raise fail(exc.message) from None
        if len(paths) != 1 or len(paths[0]) != 1:
            raise fail(message)
        return paths[0][0]

    if m := _SUBSTITUTE.match(s):
        return [], _Pending("substitute", tuple(targets(m["path"])), None, place, line, written), m["path"]
    if m := _INSERT.match(s):
        segment = new_segment(m["new"], "cannot read the numbers of the new units")
        kind, nums = segment.kind, segment.nums
        containers = targets(m["path"]) if m["path"] is not None else ([context] if context is not None else [])
        # «19) тармақшасындағы ... ауыстырылып, мынадай мазмұндағы 20) тармақшамен толықтырылсын»:
        # the new unit follows the one named, in the same parent
        if len(containers) == 1 and containers[0] != "law" and parse_eid(containers[0])[-1][0] == kind:
            containers = [parent for parent in [containers[0].rpartition("__")[0]] if parent]
        new, parent = new_units(kind, nums, containers, fail)
        return [], _Pending("insert", tuple(new), parent, place, line, written), m["path"]
    if m := _INSERT_AFTER.match(s) or _INSERT_BEFORE.match(s) or _APPEND.match(s):
        return inserted_words(rec, q, m, targets(m["path"])), None, m["path"]
    if m := _REPLACE.match(s):
        return replaced_words(rec, q, m, targets, fail, respectively="тиісінше"), None, m["path"]
    if m := _DELETE.match(s):
        throughout = m["throughout"] is not None
        where_to = targets(m["path"], throughout=throughout)
        return ([rec("delete_words", t, words=w, throughout=throughout)
                 for t in where_to for w in _words_of(q, m["words"])], None, m["path"])
    if m := _REPEAL.match(s):
        return [rec("repeal", t) for t in targets(m["path"])], None, m["path"]
    if m := _RENUMBER.match(s):
        old = targets(m["path"])
        segment = new_segment(m["new"], "the new numbers must be of the same kind as the old ones")
        try:
            pairs = _renumber(old, segment)
        except ParseError as exc:
            raise fail(exc.message) from None
        return [rec("renumber", t, new=n) for t, n in pairs], None, m["path"]
    raise fail("not an instruction this parser reads")


# --- items -----------------------------------------------------------------

_ITEM = re.compile(r"^(\d+)\.\s*(.*)$", re.DOTALL)
# the act an item amends, in the dative, at the end of its heading (before the list of publications)
_AMENDED = re.compile(
    rf"(?<![{_L}])(?:заңына|заңдарына|кодексіне|жарлығына|қаулысына|конституциясына)\s*(?:\(.*\))?\s*$", re.DOTALL)
_SUBITEM = re.compile(r"^(\d+)\)\s*(.*)$", re.DOTALL)
# «5) тармақша алып тасталсын», «9) және 11) тармақшалар ...»: a unit named, not a sub-item
_SUBPARA_FIRST = re.compile(
    rf"^\d+(?:-\d+)*\)(?:\s*(?:,|және|мен|[–—-])\s*\d+(?:-\d+)*\))*\s*тармақша", re.IGNORECASE)
_CONTEXT = re.compile(rf"^(?P<path>[^{_MARK}«»\"“”]+?(?:да|де|та|те))\s*:$")


# an act that amends one law: «1-бап. «...» ... Заңына (...) мынадай өзгерістер енгізілсін:»
_WHOLE_ARTICLE = re.compile(r"^(?:#+\s*)?(\d+)-бап\.\s*(.*)$", re.DOTALL)
_ENACTING = re.compile(rf"\s*мынадай\s+[{_L}\s]*?енгізілсін\s*$")


def _head(text: str) -> ItemHead:
    whole = _WHOLE_ARTICLE.match(text)
    m = whole or _ITEM.match(text)
    end = _header_end(m.group(2)) if m else -1
    heading = m.group(2)[:end] if m and end >= 0 else ""
    named = _ENACTING.sub("", numerals.fold(heading, LANG)) if whole else numerals.fold(heading, LANG)
    if not m or end < 0 or not _AMENDED.search(named):
        raise ParseError(f"expected an item «N. «...» ... Заңына (...):», found {text[:80]!r}")
    tail = m.group(2)[end + 1:].strip()
    if whole:
        return ItemHead("", heading, tail, int(whole.group(1)))
    return ItemHead(m.group(1), heading, tail)


def _context(body: str) -> str | None:
    text = " ".join(body.split())
    c = _CONTEXT.match(numerals.fold(text, LANG))
    if c and not re.search(rf"(?:сын|сін)(?![{_L}])", c["path"]):
        return text[:len(c["path"])]
    return None


def _subitem(text: str) -> tuple[str, str] | None:
    if _SUBPARA_FIRST.match(numerals.fold(text, LANG)):
        return None
    s = _SUBITEM.match(text)
    return (s.group(1), s.group(2)) if s else None


_QUOTED_INSTRUCTION = re.compile(rf"^{_MARK}.*деген сөз.*(?:сын|сін)\s*[.;:]?$")


def _quoted_instruction(text: str) -> bool:
    """«"а" деген сөздер "б" деген сөздермен ауыстырылсын;»: a line that opens
    with the words it changes (strictly balanced quotes, the verb at its end)."""
    try:
        q = _split_quotes(text)
    except ParseError:
        return False
    return _QUOTED_INSTRUCTION.match(numerals.fold(q.skeleton, LANG)) is not None


def _title_in(title: str, heading: str) -> bool:
    return numerals.fold(" ".join(title.split()), LANG) in numerals.fold(" ".join(heading.split()), LANG)


_NUM = r"\d+(?:-\d+)*"
KAZAKH = ItemGrammar(
    head=_head,
    context=_context,
    resolve=resolve,
    instruction=parse_instruction,
    subitem=_subitem,
    labels={
        "subparagraph": lambda n: rf"{re.escape(n)}\)",
        "paragraph": lambda n: rf"{re.escape(n)}\.(?:\s|$)",
        "article": lambda n: rf"{re.escape(n)}-бап\.",
        "chapter": lambda n: rf"{re.escape(n)}-тарау\.",
    },
    heading=re.compile(rf"^{_NUM}-(?:бап|тарау)\."),
    unit_start=re.compile(r"^\d"),
    quoted_instruction=_quoted_instruction,
)


def parse_item(
    lines: Sequence[Line], *, article: int = 1, law_title: str | None = None, file: str | None = None
) -> tuple[OperationRecord, ...]:
    """A Kazakh item of an amending act («34. «...» ... Заңына (...): ...») → its
    records, in order; the same contract as
    :func:`consolidate.grammar.instructions.parse_item`.  ``law_title`` (the
    Kazakh title, «Қазақстан Республикасының ұлттық қауіпсіздігі туралы»)
    must appear in the item's heading, compared in lower case with the
    Latin «i» the texts mix in read as «і» and runs of spaces as one."""
    return read_item(lines, KAZAKH, article=article, law_title=law_title, file=file, title_in=_title_in)
