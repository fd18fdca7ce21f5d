"""Applying operations to a text: the one place where a law's wording changes.

:class:`TextState` is a mutable working copy of a document (eId → provision,
plus the container of each unit).  :func:`apply` carries out one operation on
it and returns what changed, or raises :class:`~consolidate.errors.OperationError`
naming the act, the operation's place and the target when the operation does
not fit the text (target absent, words not found, words ambiguous without an
occurrence rule, insertion onto an existing number).  Nothing is skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from .errors import OperationError
from .model import ROOT, Document, Kind, Provision, Status
from .numbering import child_eid, eid_kind, num_key, parse_eid, format_eid
from .operations import (
    DeleteWords,
    Expire,
    Insert,
    InsertWords,
    Occurrence,
    Operation,
    Renumber,
    Repeal,
    ReplaceWords,
    Substitute,
)

# A closing punctuation mark that words added "at the end" go before.
_CLOSING = re.compile(r"[.;:,]+$")


@attrs.frozen
class Change:
    """What one operation did to one unit."""

    eid: str
    kind: str  # "added" | "removed" | "content" | "children" | "renamed"
    old_eid: str | None = None  # for "renamed": the eId before


class Units(dict[str, Provision]):
    """The units of a text state: a dict that remembers which eIds were
    written (set, deleted or popped) since :meth:`TextState.word_hits` last
    looked, so that its index of words is brought up to date for those alone."""

    __slots__ = ("written", "cleared")

    def __init__(self, units: Mapping[str, Provision]):
        super().__init__(units)
        self.written: set[str] = set()
        self.cleared = False  # emptied or changed wholesale: every unit is indexed again

    def __setitem__(self, eid: str, unit: Provision) -> None:
        self.written.add(eid)
        dict.__setitem__(self, eid, unit)

    def __delitem__(self, eid: str) -> None:
        self.written.add(eid)
        dict.__delitem__(self, eid)

    def pop(self, eid: str, *default: Any) -> Any:
        self.written.add(eid)
        return dict.pop(self, eid, *default)

    def setdefault(self, eid: str, default: Any = None) -> Any:
        self.written.add(eid)
        return dict.setdefault(self, eid, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.cleared = True
        dict.update(self, *args, **kwargs)

    def popitem(self) -> tuple[str, Provision]:
        self.cleared = True
        return dict.popitem(self)

    def clear(self) -> None:
        self.cleared = True
        dict.clear(self)

    def __ior__(self, other: Any) -> "Units":  # type: ignore[override,misc]
        self.cleared = True
        dict.update(self, other)
        return self


class TextState:
    """A mutable working copy of a document's units.

    ``units`` and ``parent`` are dicts that callers may change directly
    (``units`` remembers which eIds were written: :class:`Units`).
    Word searches over big parts of the text (``throughout`` the law) go through
    :meth:`word_hits`, which looks only at the units that may hold the words:
    an index of the words of every unit (:class:`_WordIndex`), brought up to
    date for the units written since it was last used, gives them, so that a
    search costs what the units holding its words cost, not what the law does.
    """

    def __init__(self, units: dict[str, Provision]):
        self.units = Units(units)
        self.parent: dict[str, str] = {c: p.eid for p in units.values() for c in p.children}
        self._index: _WordIndex | None = None  # made at the first search of a big scope
        self._upper: set[str] = set()  # eIds seen with a subtree too big to scan unit by unit

    @classmethod
    def of(cls, doc: Document) -> "TextState":
        return cls(dict(doc.units))

    def copy(self) -> "TextState":
        return TextState(dict(self.units))

    def subtree(self, eid: str) -> Iterator[str]:
        """``eid`` and its descendants in document order."""
        stack = [eid]
        while stack:
            e = stack.pop()
            yield e
            stack.extend(reversed(self.units[e].children))

    def to_document(self, template: Document) -> Document:
        return attrs.evolve(template, units=dict(self.units))

    # -- word search ----------------------------------------------------------------------

    def all_unknown(self, eid: str) -> bool:
        """Every unit of ``eid``'s subtree has an unknown text (stops at the first known one)."""
        units = self.units
        return all(units[e].status is Status.UNKNOWN for e in self.subtree(eid))

    def word_hits(self, eid: str, words: str) -> list[tuple[str, str, int]]:
        """Occurrences of ``words`` in the headings and texts of ``eid``'s subtree,
        in document order: exactly ``_field_hits(state, list(state.subtree(eid)), words)``.

        A small subtree (at most ``_SMALL_SCOPE`` units) is scanned unit by unit.
        In a big one, the index of words names the units that may hold ``words``
        (each holds every whole word of them, and words that begin and end
        with the first and last of them); those inside the subtree are put in
        document order by their path from it and scanned.  Words the index
        cannot narrow (none of a letter or digit, or one piece of a word found
        in too many) are searched by the plain scan."""
        upper = self._upper
        if eid not in upper:
            small = self._subtree_upto(eid, _SMALL_SCOPE)
            if small is not None:
                return _field_hits(self, small, words)
            upper.add(eid)
        if not words:
            return _field_hits(self, list(self.subtree(eid)), words)
        index = self._synced_index()
        found = index.candidates(words, len(self.units))
        ordered = None if found is None else self._in_order(eid, found)
        if ordered is None:
            return _field_hits(self, list(self.subtree(eid)), words)
        hits: list[tuple[str, str, int]] = []
        units = self.units
        for e in ordered:
            _unit_hits(e, units[e], words, hits)
        return hits

    def _synced_index(self) -> "_WordIndex":
        """The index of words, brought up to date with the units written since it was last used."""
        units = self.units
        index = self._index
        if index is None or units.cleared:
            index = self._index = _WordIndex(units)
        elif units.written:
            put = index.put
            get = units.get
            for e in units.written:
                put(e, get(e))
        units.written.clear()
        units.cleared = False
        return index

    def _in_order(self, eid: str, candidates: set[str]) -> list[str] | None:
        """The ``candidates`` inside ``eid``'s subtree, in document order (by their path of
        child positions from ``eid``); None if ``parent`` disagrees with the units' children,
        so that a path cannot be trusted."""
        units, parent = self.units, self.parent
        keyed: list[tuple[tuple[int, ...], str]] = []
        for e in candidates:
            if e not in units:
                continue
            path: list[int] = []
            c = e
            while c != eid:
                p = parent.get(c)
                if p is None:
                    if c != ROOT and c in units:
                        return None  # a unit without a container on record: the plain scan decides
                    break
                container = units.get(p)
                if container is None:
                    return None
                try:
                    path.append(container.children.index(c))
                except ValueError:
                    return None
                c = p
            else:
                path.reverse()
                keyed.append((tuple(path), e))
        keyed.sort()
        return [e for _, e in keyed]

    def _subtree_upto(self, eid: str, limit: int) -> list[str] | None:
        """``eid``'s subtree in document order, or None if it has more than ``limit`` units."""
        units = self.units
        out: list[str] = []
        stack = [eid]
        while stack:
            e = stack.pop()
            out.append(e)
            if len(out) > limit:
                return None
            stack.extend(reversed(units[e].children))
        return out


# Subtrees of at most this many units are scanned unit by unit, without the index.
_SMALL_SCOPE = 64
# Joins a unit's heading and text to take their words in one call: not a word character,
# so no word runs across the two.
_SEP = "\x00"
# A word: a longest run of word characters.  The index keeps those of three or more (the short
# ones, «в», «и», «по», are in most units and would narrow nothing at the cost of most of the index).
_WORD = re.compile(r"\w+")
_MIN_WORD = 3
_INDEXED = re.compile(r"\w{%d,}" % _MIN_WORD)  # greedy from a run's start: the runs this long, whole
# A piece of a word found inside more words of the vocabulary than this narrows nothing.
_MAX_PIECES = 256
_NO_UNITS: frozenset[str] = frozenset()


def _words_of(unit: Provision) -> frozenset[str]:
    """The words of a unit's heading and text (none for a text the corpus does not hold:
    a search finds nothing there)."""
    if unit.status is Status.UNKNOWN:
        return _NO_UNITS
    if unit.heading:
        return frozenset(_INDEXED.findall(f"{unit.heading}{_SEP}{unit.text}"))
    return frozenset(_INDEXED.findall(unit.text))


class _WordIndex:
    """For each word (a longest run of word characters, of at least ``_MIN_WORD``), the units
    whose heading or text holds it.

    ``seen`` remembers the provision each unit was indexed from and its words, so that
    a unit written again is indexed again only if its words may have changed.  The
    vocabulary is also kept as one string (each word between newlines) for the pieces
    of words a search begins or ends with: words are only ever added to it (a word
    no unit holds any more has an empty posting, which narrows to nothing).
    """

    __slots__ = ("postings", "seen", "_vocab", "_fresh", "_added")

    def __init__(self, units: Mapping[str, Provision]):
        self.postings: dict[str, set[str]] = {}
        self.seen: dict[str, tuple[Provision, frozenset[str]]] = {}
        self._vocab = "\n"  # the words, each followed by a newline
        self._fresh = "\n"  # words added since, searched as well until merged into _vocab
        self._added: list[str] = []  # words added since _fresh was last joined
        postings: defaultdict[str, set[str]] = defaultdict(set)
        seen = self.seen
        for eid, unit in units.items():
            words = _words_of(unit)
            seen[eid] = (unit, words)
            for w in words:
                postings[w].add(eid)
        self.postings = dict(postings)
        self._vocab = "\n" + "".join(w + "\n" for w in self.postings)

    def put(self, eid: str, unit: Provision | None) -> None:
        """Index ``unit`` as the unit ``eid`` now (None: gone)."""
        seen = self.seen
        old = seen.get(eid)
        if old is None:
            if unit is None:
                return
            before = _NO_UNITS
        else:
            was, before = old
            if unit is was:
                return
            if unit is not None and unit.text == was.text and unit.heading == was.heading \
                    and (unit.status is Status.UNKNOWN) == (was.status is Status.UNKNOWN):
                seen[eid] = (unit, before)
                return
        now = _words_of(unit) if unit is not None else _NO_UNITS
        postings = self.postings
        if before:
            for w in before - now if now else before:
                postings[w].discard(eid)
        for w in now - before if before else now:
            found = postings.get(w)
            if found is None:
                postings[w] = {eid}
                self._added.append(w)
            else:
                found.add(eid)
        if unit is None:
            del seen[eid]
        else:
            seen[eid] = (unit, now)

    def _pieces(self, piece: str, start: bool, end: bool) -> list[str] | None:
        """The words of the vocabulary that ``piece`` may be part of in a text: ending with it
        (``start``: the search begins with it), beginning with it (``end``), or holding it
        (both); None if more than ``_MAX_PIECES`` do."""
        if self._added:
            self._fresh += "\n".join(self._added) + "\n"
            self._added.clear()
            if len(self._fresh) * 4 > len(self._vocab):
                self._vocab += self._fresh[1:]
                self._fresh = "\n"
        out: list[str] = []
        if start and not end:
            needle, lead = piece + "\n", 0
        elif end and not start:
            needle, lead = "\n" + piece, 1
        else:
            needle, lead = piece, 0
        for blob in (self._vocab, self._fresh):
            i = blob.find(needle)
            while i >= 0:
                a = blob.rfind("\n", 0, i + lead) + 1
                b = blob.find("\n", i + lead)
                out.append(blob[a:b])
                if len(out) > _MAX_PIECES:
                    return None
                i = blob.find(needle, b)
        return out

    def candidates(self, words: str, size: int) -> set[str] | None:
        """The units that may hold ``words`` (a superset of those that do), or None if the
        index cannot narrow them down (``size``: how many units the text has)."""
        postings = self.postings
        spans = [(m.start(), m.end()) for m in _WORD.finditer(words)]
        n = len(words)
        spans = [(a, b) for a, b in spans if b - a >= _MIN_WORD]  # shorter words are not indexed
        whole = sorted((postings.get(words[a:b], _NO_UNITS) for a, b in spans if a > 0 and b < n), key=len)
        found: set[str] | None = None
        if whole:
            found = set(whole[0])
            for units in whole[1:]:
                if len(found) <= 8:
                    break  # so few left that scanning them costs less than narrowing them
                found &= units
        for a, b in spans:
            if found is not None and len(found) <= 8:
                break
            if a > 0 and b < n:
                continue
            pieces = self._pieces(words[a:b], a == 0, b == n)
            if pieces is None:
                continue
            holding: set[str] = set()
            for w in pieces:
                holding |= postings[w]
                if len(holding) * 4 > size:
                    break
            else:
                found = holding if found is None else found & holding
        return found


def _fail(op: Operation, message: str) -> OperationError:
    return OperationError(message, act=op.act, place=op.place, target=op.target, line=op.line)


def _find(text: str, words: str) -> list[int]:
    """Start offsets of every occurrence of ``words`` in ``text``."""
    out: list[int] = []
    start = 0
    while True:
        i = text.find(words, start)
        if i < 0:
            return out
        out.append(i)
        start = i + len(words)


def _select(op: Operation, hits: list[tuple[str, str, int]], occurrence: Occurrence, words: str) -> list[tuple[str, str, int]]:
    """Pick the occurrences an operation addresses; raise if that is not well defined."""
    if not hits:
        raise _fail(op, f"words not found: «{words}»")
    match occurrence.mode:
        case "all":
            return hits
        case "first":
            return hits[:1]
        case "nth":
            assert occurrence.n is not None
            if occurrence.n > len(hits):
                raise _fail(op, f"occurrence {occurrence.n} of «{words}» asked, {len(hits)} found")
            return [hits[occurrence.n - 1]]
        case "only":
            if len(hits) > 1:
                where = ", ".join(dict.fromkeys(h[0] for h in hits))
                raise _fail(
                    op,
                    f"words «{words}» occur {len(hits)} times ({where}) and the operation says not which "
                    "(expected exactly one occurrence)",
                )
            return hits
        case _:
            raise _fail(op, f"unknown occurrence rule {occurrence!r}")


def _scope(state: TextState, op: Operation) -> str:
    """The unit whose subtree a word operation searches (it must exist)."""
    if op.target not in state.units:
        raise _fail(op, "target does not exist in the text on this date")
    return op.target


def _field_hits(state: TextState, eids: Iterable[str], words: str,
                view: Mapping[int, int] | None = None) -> list[tuple[str, str, int]]:
    """Occurrences of ``words`` in headings and texts of ``eids``: (eid, field, offset), the
    fields read through the translation table ``view`` if one is given.

    The plain scan; :meth:`TextState.word_hits` gives the same for a subtree, faster."""
    hits: list[tuple[str, str, int]] = []
    for e in eids:
        _unit_hits(e, state.units[e], words, hits, view)
    return hits


def _unit_hits(eid: str, unit: Provision, words: str, hits: list[tuple[str, str, int]],
               view: Mapping[int, int] | None = None) -> None:
    """Add the occurrences of ``words`` in one unit's heading and text (none in an unknown text),
    the fields read through the translation table ``view`` if one is given."""
    if unit.status is Status.UNKNOWN:
        return
    if unit.heading:
        hits.extend((eid, "heading", i) for i in _find(unit.heading.translate(view) if view else unit.heading, words))
    hits.extend((eid, "text", i) for i in _find(unit.text.translate(view) if view else unit.text, words))


#: Latin letters that Kazakh texts as published type for the Cyrillic letters they look like
#: («қауiпсiздiгi» with Latin i: MANIFEST-kaz), one letter for one, so an offset found in a
#: text read through it is an offset in the text as written
_LOOKALIKES = {"kaz": str.maketrans("iIcCaeopxyABEHKMOPTX", "іІсСаеорхуАВЕНКМОРТХ")}


def _hits(state: TextState, scope: str, words: str, op: Operation) -> list[tuple[str, str, int]]:
    """The occurrences of ``words`` in ``scope``'s subtree.  Where the words occur nowhere as
    written, and the language mixes look-alike letters, both the words and the text are read
    with those letters as the ones they stand for (the act's «шешімдерімен» finds the law's
    «шешiмдерiмен»); the text edited is the text as written."""
    hits = state.word_hits(scope, words)
    view = _LOOKALIKES.get(op.lang)
    if hits or view is None:
        return hits
    return _field_hits(state, state.subtree(scope), words.translate(view), view)


def _with(unit: Provision, field: str, value: str) -> Provision:
    return attrs.evolve(unit, heading=value) if field == "heading" else attrs.evolve(unit, text=value)


def _edit(state: TextState, hits: list[tuple[str, str, int]], length: int, replacement: str) -> list[Change]:
    """Replace ``length`` characters at each hit (back to front so offsets stay valid)."""
    changed: dict[str, None] = {}
    for eid, field, offset in sorted(hits, key=lambda h: (h[0], h[1], -h[2])):
        unit = state.units[eid]
        value = getattr(unit, field) or ""
        value = value[:offset] + replacement + value[offset + length :]
        state.units[eid] = _with(unit, field, value)
        changed[eid] = None
    return [Change(e, "content") for e in changed]


def _check_unknown(state: TextState, op: Operation, scope: str) -> None:
    # Words cannot be edited in a text the corpus does not hold: say so.
    if state.all_unknown(scope):
        raise _fail(op, "the target's text is unknown on this date, so its words cannot be edited")


def _replace_words(state: TextState, op: ReplaceWords) -> list[Change]:
    scope = _scope(state, op)
    _check_unknown(state, op, scope)
    changes: list[Change] = []
    found_any = False
    for old, new in op.pairs:
        hits = _hits(state, scope, old, op)
        if not hits and len(op.pairs) > 1:
            continue  # one case form of a "соответственно" list need not occur
        found_any = True
        occurrence = op.occurrence if not op.throughout or op.occurrence.mode != "only" else Occurrence("all")
        changes += _edit(state, _select(op, hits, occurrence, old), len(old), new)
    if not found_any:
        raise _fail(op, "none of the words found: " + ", ".join(f"«{o}»" for o, _ in op.pairs))
    return list({c.eid: c for c in changes}.values())


def _delete_words(state: TextState, op: DeleteWords) -> list[Change]:
    scope = _scope(state, op)
    _check_unknown(state, op, scope)
    occurrence = op.occurrence if not op.throughout or op.occurrence.mode != "only" else Occurrence("all")
    hits = _select(op, _hits(state, scope, op.words, op), occurrence, op.words)
    changes: list[Change] = []
    # Deleting words also removes one adjacent space, so no double space is left behind.
    for eid, field, offset in sorted(hits, key=lambda h: (h[0], h[1], -h[2])):
        unit = state.units[eid]
        value = getattr(unit, field) or ""
        end = offset + len(op.words)
        if offset > 0 and value[offset - 1] == " " and (end == len(value) or value[end] in " .,;:)»"):
            offset -= 1
        elif end < len(value) and value[end] == " ":
            end += 1
        state.units[eid] = _with(unit, field, value[:offset] + value[end:])
        changes.append(Change(eid, "content"))
    return list({c.eid: c for c in changes}.values())


def _insert_words(state: TextState, op: InsertWords) -> list[Change]:
    scope = _scope(state, op)
    _check_unknown(state, op, scope)
    if op.after is not None or op.before is not None:
        anchor = op.after if op.after is not None else op.before
        assert anchor is not None
        hits = _select(op, _hits(state, scope, anchor, op), op.occurrence, anchor)
        changes = []
        for eid, field, offset in sorted(hits, key=lambda h: (h[0], h[1], -h[2])):
            unit = state.units[eid]
            value = getattr(unit, field) or ""
            if op.after is not None:
                at = offset + len(anchor)
                value = value[:at] + " " + op.words + value[at:]
            else:
                value = value[:offset] + op.words + " " + value[offset:]
            state.units[eid] = _with(unit, field, value)
            changes.append(Change(eid, "content"))
        return changes
    unit = state.units[op.target]
    if not unit.text:
        raise _fail(op, "words to add at the end, but the target has no text of its own")
    m = _CLOSING.search(unit.text)
    cut = m.start() if m else len(unit.text)
    text = unit.text[:cut] + " " + op.words + unit.text[cut:]
    state.units[op.target] = attrs.evolve(unit, text=text)
    return [Change(op.target, "content")]


def _position(state: TextState, parent: str, new: Provision) -> int:
    """Where a numbered unit goes among its siblings: after the last sibling of
    its kind with a lower number, else before the first with a higher one."""
    siblings = state.units[parent].children
    key = num_key(new.num or "0")
    after = None
    first_higher = None
    for i, c in enumerate(siblings):
        sib = state.units[c]
        if sib.kind is not new.kind or sib.num is None:
            continue
        k = num_key(sib.num)
        if k < key:
            after = i
        elif first_higher is None:
            first_higher = i
    if after is not None:
        return after + 1
    if first_higher is not None:
        return first_higher
    return len(siblings)


def _article_parent(state: TextState, new: Provision) -> str:
    """The chapter an inserted article joins: that of the article it follows."""
    key = num_key(new.num or "0")
    best: tuple[tuple[int, ...], str] | None = None
    first: tuple[tuple[int, ...], str] | None = None
    for eid, unit in state.units.items():
        if unit.kind is Kind.ARTICLE and unit.num is not None and eid in state.parent:
            k = num_key(unit.num)
            if k < key and (best is None or k > best[0]):
                best = (k, state.parent[eid])
            if first is None or k < first[0]:
                first = (k, state.parent[eid])
    if best is not None:
        return best[1]
    return first[1] if first is not None else ROOT


def _install(state: TextState, units: tuple[Provision, ...], parent: str, index: int) -> list[Change]:
    head = units[0]
    for u in units:
        state.units[u.eid] = u
        for c in u.children:
            state.parent[c] = u.eid
    state.parent[head.eid] = parent
    p = state.units[parent]
    children = p.children[:index] + (head.eid,) + p.children[index:]
    state.units[parent] = attrs.evolve(p, children=children)
    return [Change(u.eid, "added") for u in units] + [Change(parent, "children")]


def _remove_subtree(state: TextState, eid: str) -> list[Change]:
    gone = list(state.subtree(eid))
    for e in gone:
        del state.units[e]
        state.parent.pop(e, None)
    return [Change(e, "removed") for e in gone]


def _insert(state: TextState, op: Insert) -> list[Change]:
    head = op.units[0]
    if head.eid in state.units:
        raise _fail(op, f"cannot insert: {head.eid} already exists in the text on this date")
    if op.parent is not None:
        parent = op.parent
    elif head.kind is Kind.ARTICLE:
        parent = _article_parent(state, head)
    elif head.kind is Kind.CHAPTER:
        parent = ROOT
    else:
        segs = parse_eid(head.eid)
        parent = format_eid(segs[:-1]) if len(segs) > 1 else ROOT
    if parent not in state.units:
        raise _fail(op, f"cannot insert: its container {parent} does not exist on this date")
    if state.units[parent].status is Status.REPEALED:
        raise _fail(op, f"cannot insert into {parent}: it is repealed")
    return _install(state, op.units, parent, _position(state, parent, head))


def _substitute(state: TextState, op: Substitute) -> list[Change]:
    if op.target not in state.units:
        raise _fail(op, "target does not exist in the text on this date")
    parent = state.parent[op.target]
    index = state.units[parent].children.index(op.target)
    old_units = {e: state.units[e] for e in state.subtree(op.target)}
    changes = _remove_subtree(state, op.target)
    p = state.units[parent]
    state.units[parent] = attrs.evolve(p, children=tuple(c for c in p.children if c != op.target))
    _install(state, op.units, parent, index)
    new_eids = {u.eid for u in op.units}
    out = [Change(e, "removed") for e in old_units if e not in new_eids]
    out += [Change(u.eid, "added" if u.eid not in old_units else "content") for u in op.units]
    del changes
    return out


def _repeal(state: TextState, op: Repeal, placeholder: Callable[[Operation, Provision], str]) -> list[Change]:
    if op.target not in state.units:
        raise _fail(op, "target does not exist in the text on this date")
    unit = state.units[op.target]
    if unit.status is Status.REPEALED:
        raise _fail(op, "target is already repealed")
    changes: list[Change] = []
    for c in unit.children:
        changes += _remove_subtree(state, c)
    text = op.placeholder if op.placeholder is not None else placeholder(op, unit)
    state.units[op.target] = attrs.evolve(unit, text=text, children=(), status=Status.REPEALED)
    return changes + [Change(op.target, "content")]


def _renumber(state: TextState, op: Renumber) -> list[Change]:
    if op.target not in state.units:
        raise _fail(op, "target does not exist in the text on this date")
    unit = state.units[op.target]
    parent = state.parent[op.target]
    kind = eid_kind(op.target)
    new_eid = child_eid(parent if kind not in ("article", "chapter") else None, kind, op.new_num)
    if new_eid in state.units:
        raise _fail(op, f"cannot renumber to {new_eid}: that number is taken on this date")
    old = list(state.subtree(op.target))
    mapping = {e: new_eid + e[len(op.target) :] for e in old}
    moved = []
    for e in old:
        u = state.units.pop(e)
        state.parent.pop(e, None)
        moved.append(
            attrs.evolve(
                u,
                eid=mapping[e],
                num=op.new_num if e == op.target else u.num,
                children=tuple(mapping.get(c, c) for c in u.children),
            )
        )
    p = state.units[parent]
    state.units[parent] = attrs.evolve(p, children=tuple(c for c in p.children if c != op.target))
    _install(state, tuple(moved), parent, _position(state, parent, moved[0]))
    del unit
    return [Change(mapping[e], "renamed", old_eid=e) for e in old] + [Change(parent, "children")]


def _expire(state: TextState, op: Expire) -> list[Change]:
    if op.target not in state.units:
        raise _fail(op, "target does not exist in the text on this date")
    parent = state.parent[op.target]
    changes = _remove_subtree(state, op.target)
    p = state.units[parent]
    state.units[parent] = attrs.evolve(p, children=tuple(c for c in p.children if c != op.target))
    return changes + [Change(parent, "children")]


def default_placeholder(op: Operation, unit: Provision) -> str:
    """A repeal placeholder when the caller has no act facts: the act's number only."""
    return f"Исключен Законом РК № {op.act}." if op.lang == "rus" else f"Is excluded by the Law of RK № {op.act}."


def apply(
    op: Operation,
    state: TextState,
    *,
    placeholder: Callable[[Operation, Provision], str] = default_placeholder,
) -> list[Change]:
    """Carry out ``op`` on ``state`` in place; return what changed."""
    if op.target != ROOT and not isinstance(op, Insert) and op.target not in state.units:
        raise _fail(op, "target does not exist in the text on this date")
    match op:
        case Insert():
            return _insert(state, op)
        case Substitute():
            return _substitute(state, op)
        case Repeal():
            return _repeal(state, op, placeholder)
        case ReplaceWords():
            return _replace_words(state, op)
        case InsertWords():
            return _insert_words(state, op)
        case DeleteWords():
            return _delete_words(state, op)
        case Renumber():
            return _renumber(state, op)
        case Expire():
            return _expire(state, op)
        case _:
            raise _fail(op, f"unknown operation type {type(op).__name__}")


def replay(doc: Document, ops: list[Operation], **kw: Callable[[Operation, Provision], str]) -> Document:
    """Apply ``ops`` in the given order to a copy of ``doc`` (the reference replay)."""
    state = TextState.of(doc)
    for op in ops:
        apply(op, state, **kw)
    return state.to_document(doc)
