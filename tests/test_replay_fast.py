"""The fast word search of replay (``TextState.word_hits``: an index of the words of
every unit, brought up to date for the units written since its last use, names
the units a search of a big scope looks at) finds exactly what a plain scan of
every unit finds: same hits in the same order, so the same edits and the same
errors, whatever changed the text in between (operations, or writes straight
into ``state.units`` as the time line makes them)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consolidate import replay as R
from consolidate.errors import OperationError
from consolidate.model import ROOT, Kind, Provision, Status
from consolidate.numbering import child_eid, inserted_after
from consolidate.operations import (
    ALL,
    FIRST,
    ONLY,
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
from consolidate.replay import TextState, apply

from .factories import Draw, OpFields

SEP = R._SEP
WORDS = ["орган", "органы", "безопасности", "государственный", "службы", "закон", "меры", "по делам"]
# what operations look for: whole words, parts of words, phrases, punctuation, words
# holding the joining character, words found nowhere
NEEDLES = WORDS + ["ган", "ы", "ы с", "службы;", "закон меры", "меры меры", "меры" + SEP + "закон", SEP,
                   "нет такого"]
STATUSES = [Status.IN_EFFECT] * 6 + [Status.UNKNOWN, Status.REPEALED]
C = OpFields(act="1-T", place="art_1__para_1", lang="rus")


# -- the reference: a plain scan written out again --------------------------------------


def plain_subtree(units: dict[str, Provision], eid: str) -> list[str]:
    out = [eid]
    for c in units[eid].children:
        out += plain_subtree(units, c)
    return out


def plain_hits(units: dict[str, Provision], eid: str, words: str) -> list[tuple[str, str, int]]:
    """Every non-overlapping occurrence, unit after unit in document order, heading before text."""
    pattern = re.compile(re.escape(words))
    hits: list[tuple[str, str, int]] = []
    for e in plain_subtree(units, eid):
        unit = units[e]
        if unit.status is Status.UNKNOWN:
            continue
        if unit.heading:
            hits += [(e, "heading", m.start()) for m in pattern.finditer(unit.heading)]
        hits += [(e, "text", m.start()) for m in pattern.finditer(unit.text)]
    return hits


class PlainState(TextState):
    """A text state whose word searches scan every unit of the scope."""

    def word_hits(self, eid: str, words: str) -> list[tuple[str, str, int]]:
        return plain_hits(self.units, eid, words)

    def all_unknown(self, eid: str) -> bool:
        return all(self.units[e].status is Status.UNKNOWN for e in plain_subtree(self.units, eid))


@contextlib.contextmanager
def block_units(n: int) -> Iterator[None]:
    """Scopes of more than ``n`` units searched through the index (``n`` small, so that
    small texts take the fast path)."""
    old = R._SMALL_SCOPE
    R._SMALL_SCOPE = n
    try:
        yield
    finally:
        R._SMALL_SCOPE = old


def outcome(op: Operation, state: TextState) -> tuple[Any, ...]:
    try:
        return ("ok", apply(op, state))
    except Exception as exc:  # noqa: BLE001 - compared, not hidden
        return ("error", type(exc), str(exc), getattr(exc, "__dict__", None))


# -- random texts -------------------------------------------------------------------------


def _text(draw: Draw) -> str:
    shape = draw(st.integers(0, 9))
    if shape == 0:
        return ""
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)))
    if shape == 1:
        text = text.replace(" ", SEP, 1)  # the joining character inside a text
    return text + draw(st.sampled_from(["", ";", ".", ":"]))


def _heading(draw: Draw) -> str | None:
    return draw(st.sampled_from([None, ""])) if draw(st.booleans()) else _text(draw)


@st.composite
def texts(draw: st.DrawFn) -> dict[str, Provision]:
    """A law: chapters of articles of paragraphs of subparagraphs, with headings,
    empty texts, and units whose text is unknown or repealed."""
    units: dict[str, Provision] = {}
    chapters = []
    n_art = 0

    def unit(eid: str, kind: Kind, num: str | None, children: tuple[str, ...], heading: str | None = None) -> str:
        units[eid] = Provision(eid=eid, kind=kind, num=num, heading=heading, text=_text(draw),
                               children=children, status=draw(st.sampled_from(STATUSES)))
        return eid

    for c in range(1, draw(st.integers(1, 3)) + 1):
        arts = []
        for _ in range(draw(st.integers(0, 4))):
            n_art += 1
            art = f"art_{n_art}"
            paras = []
            for p in range(1, draw(st.integers(0, 4)) + 1):
                para = child_eid(art, "paragraph", str(p))
                subs = tuple(unit(child_eid(para, "subparagraph", str(s)), Kind.SUBPARAGRAPH, str(s), ())
                             for s in range(1, draw(st.integers(0, 3)) + 1))
                paras.append(unit(para, Kind.PARAGRAPH, str(p), subs, _heading(draw) if p == 1 else None))
            arts.append(unit(art, Kind.ARTICLE, str(n_art), tuple(paras), _heading(draw)))
        chapters.append(unit(f"chp_{c}", Kind.CHAPTER, str(c), tuple(arts), _heading(draw)))
    units[ROOT] = Provision(eid=ROOT, kind=Kind.LAW, text=_text(draw), children=tuple(chapters))
    return units


# -- random operations --------------------------------------------------------------------

OCCURRENCES = st.sampled_from([ONLY, ONLY, ALL, FIRST, Occurrence("nth", 1), Occurrence("nth", 2),
                               Occurrence("nth", 3)])


def _needle(draw: Draw, state: TextState) -> str:
    """Words to look for: from the list, or a piece of some unit's text (so found)."""
    if draw(st.booleans()):
        return draw(st.sampled_from(NEEDLES))
    pool = sorted({u.text for u in state.units.values() if u.text} | {u.heading for u in state.units.values()
                                                                       if u.heading})
    if not pool:
        return draw(st.sampled_from(NEEDLES))
    text = draw(st.sampled_from(pool))
    i = draw(st.integers(0, len(text) - 1))
    return text[i:draw(st.integers(i + 1, min(len(text), i + 25)))]


def _scope(draw: Draw, state: TextState) -> str:
    """Mostly big scopes: the whole law or a chapter."""
    if draw(st.booleans()):
        return draw(st.sampled_from([ROOT] + sorted(e for e in state.units if e.startswith("chp_"))))
    return draw(st.sampled_from(sorted(state.units)))


def _non_root(draw: Draw, state: TextState, *kinds: Kind) -> str | None:
    eids = sorted(e for e, u in state.units.items() if e != ROOT and (not kinds or u.kind in kinds))
    return draw(st.sampled_from(eids)) if eids else None


def _word_op(draw: Draw, state: TextState, seq: int) -> Operation:
    c: OpFields = {**C, "seq": seq}
    target = _scope(draw, state)
    occurrence = draw(OCCURRENCES)
    throughout = draw(st.booleans())
    kind = draw(st.sampled_from(["replace", "delete", "insert_words"]))
    if kind == "replace":
        pairs = tuple((_needle(draw, state), draw(st.sampled_from(WORDS)).upper() if draw(st.booleans())
                       else draw(st.sampled_from(WORDS))) for _ in range(draw(st.integers(1, 2))))
        return ReplaceWords(target=target, pairs=pairs, occurrence=occurrence, throughout=throughout, **c)
    if kind == "delete":
        return DeleteWords(target=target, words=_needle(draw, state), occurrence=occurrence,
                           throughout=throughout, **c)
    anchor = _needle(draw, state)
    where = draw(st.sampled_from(["after", "before", "end"]))
    return InsertWords(target=target, words=draw(st.sampled_from(WORDS)), occurrence=occurrence,
                       after=anchor if where == "after" else None, before=anchor if where == "before" else None, **c)


def _new_unit(draw: Draw, eid: str, kind: Kind, num: str) -> tuple[Provision, ...]:
    """A new unit, sometimes with a subparagraph of its own."""
    if kind is Kind.SUBPARAGRAPH or draw(st.booleans()):
        return (Provision(eid=eid, kind=kind, num=num, heading=_heading(draw), text=_text(draw)),)
    kid = child_eid(eid, "subparagraph", "1")
    return (Provision(eid=eid, kind=kind, num=num, heading=_heading(draw), text=_text(draw), children=(kid,)),
            Provision(eid=kid, kind=Kind.SUBPARAGRAPH, num="1", text=_text(draw)))


def _structural_op(draw: Draw, state: TextState, seq: int) -> Operation | None:
    c: OpFields = {**C, "seq": seq}
    kind = draw(st.sampled_from(["insert", "substitute", "repeal", "renumber", "expire"]))
    target = _non_root(draw, state, Kind.ARTICLE, Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.CHAPTER)
    if target is None:
        return None
    unit = state.units[target]
    if kind in ("insert", "renumber"):
        if unit.kind is Kind.CHAPTER or target not in state.parent:
            return None
        parent = state.parent[target]
        sibs = tuple(state.units[s].num or "0" for s in state.units[parent].children
                     if state.units[s].kind is unit.kind)
        num = inserted_after(unit.num or "1", sibs)
        if kind == "renumber":
            return Renumber(target=target, new_num=num, **c)
        eid = child_eid(parent, unit.kind.value, num)
        return Insert(target=eid, units=_new_unit(draw, eid, unit.kind, num),
                      parent=parent if unit.kind is Kind.ARTICLE and draw(st.booleans()) else None, **c)
    if kind == "substitute":
        if unit.kind is Kind.CHAPTER:  # a chapter in a new wording, its articles gone
            return Substitute(target=target, units=(attrs.evolve(unit, text=_text(draw), children=()),), **c)
        return Substitute(target=target, units=_new_unit(draw, target, unit.kind, unit.num or "1"), **c)
    if kind == "repeal":
        return Repeal(target=target, placeholder=draw(st.sampled_from([None, "Исключен закон."])), **c)
    return Expire(target=target, **c)


def _write(draw: Draw, states: tuple[TextState, ...], history: dict[str, list[Provision]]) -> None:
    """Change units the way the time line does, by assigning to ``state.units``."""
    state = states[0]
    how = draw(st.sampled_from(["text", "heading", "unknown", "known", "copy", "back"]))
    eid = draw(st.sampled_from(sorted(state.units)))
    unit = state.units[eid]
    if how == "unknown":  # the whole subtree, as the time line marks it
        for e in plain_subtree(state.units, eid):
            new = attrs.evolve(state.units[e], status=Status.UNKNOWN)
            for s in states:
                s.units[e] = new
        return
    if how == "back":  # an earlier provision of the same shape put back (the very same object)
        same = [u for u in history.get(eid, ()) if u.children == unit.children and u is not unit]
        if not same:
            return
        new = draw(st.sampled_from(same))
    elif how == "copy":  # an equal provision, not the same object
        new = attrs.evolve(unit)
    elif how == "known":
        new = attrs.evolve(unit, status=Status.IN_EFFECT)
    elif how == "text":
        new = attrs.evolve(unit, text=_text(draw))
    else:
        new = attrs.evolve(unit, heading=_text(draw))
    for s in states:
        s.units[eid] = new


def _remember(state: TextState, history: dict[str, list[Provision]]) -> None:
    for e, u in state.units.items():
        seen = history.setdefault(e, [])
        if not seen or seen[-1] is not u:
            seen.append(u)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BLOCK_SIZES = st.sampled_from([1, 2, 3, 5, 8, 64])


class TestSameAsAPlainScan:
    @SETTINGS
    @given(texts(), BLOCK_SIZES, st.data())
    def test_searches_between_random_changes_find_what_a_plain_scan_finds(
            self, units: dict[str, Provision], size: int, data: st.DataObject) -> None:
        draw = data.draw
        with block_units(size):
            state = TextState(dict(units))
            history: dict[str, list[Provision]] = {}
            for seq in range(draw(st.integers(1, 30))):
                _remember(state, history)
                step = draw(st.sampled_from(["search", "search", "structure", "write"]))
                if step == "search":
                    target = _scope(draw, state)
                    words = _needle(draw, state)
                    assert state.word_hits(target, words) == plain_hits(state.units, target, words)
                    assert state.all_unknown(target) == all(
                        state.units[e].status is Status.UNKNOWN for e in plain_subtree(state.units, target))
                elif step == "structure":
                    op = _structural_op(draw, state, seq)
                    if op is not None:
                        outcome(op, state)
                else:
                    _write(draw, (state,), history)

    @SETTINGS
    @given(texts(), BLOCK_SIZES, st.data())
    def test_word_operations_between_random_changes_do_what_they_do_on_a_plain_scan(
            self, units: dict[str, Provision], size: int, data: st.DataObject) -> None:
        draw = data.draw
        with block_units(size):
            fast, plain = TextState(dict(units)), PlainState(dict(units))
            history: dict[str, list[Provision]] = {}
            for seq in range(draw(st.integers(1, 30))):
                _remember(fast, history)
                step = draw(st.sampled_from(["words", "words", "structure", "write"]))
                if step == "write":
                    _write(draw, (fast, plain), history)
                else:
                    op = (_word_op if step == "words" else _structural_op)(draw, fast, seq)
                    if op is None:
                        continue
                    assert outcome(op, fast) == outcome(op, plain), op
                assert fast.units == plain.units
                assert fast.parent == plain.parent


# -- fixed cases --------------------------------------------------------------------------


def big_text() -> dict[str, Provision]:
    """Five chapters of eight articles of three paragraphs of two subparagraphs."""
    units: dict[str, Provision] = {}
    chapters = []
    n = 0
    for c in range(1, 6):
        arts = []
        for _ in range(8):
            n += 1
            art = f"art_{n}"
            paras = []
            for p in range(1, 4):
                para = child_eid(art, "paragraph", str(p))
                subs = []
                for s in range(1, 3):
                    sub = child_eid(para, "subparagraph", str(s))
                    units[sub] = Provision(eid=sub, kind=Kind.SUBPARAGRAPH, num=str(s),
                                           text=f"орган {n}-{p}-{s} службы;")
                    subs.append(sub)
                units[para] = Provision(eid=para, kind=Kind.PARAGRAPH, num=str(p), text=f"{p}. меры:",
                                        children=tuple(subs))
                paras.append(para)
            units[art] = Provision(eid=art, kind=Kind.ARTICLE, num=str(n), heading=f"Статья {n} закон",
                                   children=tuple(paras))
            arts.append(art)
        units[f"chp_{c}"] = Provision(eid=f"chp_{c}", kind=Kind.CHAPTER, num=str(c), heading=f"ГЛАВА {c}",
                                      children=tuple(arts))
        chapters.append(f"chp_{c}")
    units[ROOT] = Provision(eid=ROOT, kind=Kind.LAW, children=tuple(chapters))
    return units


class TestFastPath:
    def test_a_big_scope_is_searched_through_the_index(self) -> None:
        units = big_text()
        eid = "art_17__para_2__subpara_1"
        units[eid] = attrs.evolve(units[eid], text="орган особого назначения 17-2-1 службы;")
        state = TextState(units)
        assert len(state.units) > R._SMALL_SCOPE
        for words in ("службы", "орган 17-2-1", "Статья", "закон", "меры:", "нет", "рган 17-2-", "ужб",
                      "обого назнач", "особого"):
            assert state.word_hits(ROOT, words) == plain_hits(state.units, ROOT, words)
        assert state._index is not None and ROOT in state._upper
        size = len(state.units)
        # the units the index names for a search: those holding its whole words and its end pieces
        assert state._index.candidates("орган особого назначения", size) == {eid}
        assert state._index.candidates("собого назна", size) == {eid}  # pieces: the end of one word, the start of one
        assert state._index.candidates("орган вида особого", size) == set()  # no unit holds «вида»
        assert state._index.candidates("ужб", size) is None  # in a word of most units: no narrowing
        assert state._index.candidates("орган 17-2-1", size) is None  # «орган» is everywhere, numbers too short
        assert state._index.candidates(" ; ", size) is None  # no word at all

    def test_a_small_scope_is_scanned_and_makes_no_index(self) -> None:
        state = TextState(big_text())
        assert state.word_hits("art_3", "службы") == plain_hits(state.units, "art_3", "службы")
        assert state._index is None and not state._upper

    def test_a_unit_written_straight_into_units_is_seen(self) -> None:
        state = TextState(big_text())
        assert state.word_hits(ROOT, "новые слова") == []
        eid = "art_17__para_2__subpara_1"
        state.units[eid] = attrs.evolve(state.units[eid], text="новые слова;")
        assert state.word_hits(ROOT, "новые слова") == [(eid, "text", 0)]
        state.units[eid] = attrs.evolve(state.units[eid], status=Status.UNKNOWN)
        assert state.word_hits(ROOT, "новые слова") == []

    @pytest.mark.parametrize("how", ["set", "update", "ior", "setdefault-then-set"])
    def test_a_unit_written_any_way_a_dict_allows_is_seen(self, how: str) -> None:
        """The blocks are checked only where units were written: every way of writing counts."""
        state = TextState(big_text())
        assert state.word_hits(ROOT, "новые слова") == []
        eid = "art_17__para_2__subpara_1"
        new = attrs.evolve(state.units[eid], text="новые слова;")
        if how == "set":
            state.units[eid] = new
        elif how == "update":
            state.units.update({eid: new})
        elif how == "ior":
            state.units |= {eid: new}
        else:
            state.units.setdefault(eid, new)  # present already: changes nothing
            assert state.word_hits(ROOT, "новые слова") == []
            state.units[eid] = new
        assert state.word_hits(ROOT, "новые слова") == [(eid, "text", 0)]

    def test_structural_changes_are_seen(self) -> None:
        state = TextState(big_text())
        before = state.word_hits(ROOT, "орган 9-")
        assert [h[0] for h in before] == [f"art_9__para_{p}__subpara_{s}" for p in (1, 2, 3) for s in (1, 2)]
        apply(Repeal(target="art_9__para_2", placeholder="Исключен.", **C), state)
        apply(Renumber(target="art_9__para_3", new_num="7", **C), state)
        new = Provision(eid="art_9__para_2-1", kind=Kind.PARAGRAPH, num="2-1", text="орган 9-новый;")
        apply(Insert(target=new.eid, units=(new,), **C), state)
        after = state.word_hits(ROOT, "орган 9-")
        assert after == plain_hits(state.units, ROOT, "орган 9-")
        assert [h[0] for h in after] == ["art_9__para_1__subpara_1", "art_9__para_1__subpara_2",
                                         "art_9__para_2-1", "art_9__para_7__subpara_1", "art_9__para_7__subpara_2"]

    def test_units_gone_from_the_text_or_unknown_are_gone_from_the_index(self) -> None:
        state = TextState(big_text())
        state.word_hits(ROOT, "службы")
        assert state._index is not None and "art_9__para_1__subpara_1" in state._index.postings["службы"]
        apply(Renumber(target="art_9", new_num="9-1", **C), state)
        apply(Expire(target="chp_3", **C), state)
        eid = "art_1__para_1__subpara_1"
        state.units[eid] = attrs.evolve(state.units[eid], status=Status.UNKNOWN)
        hits = state.word_hits(ROOT, "службы")
        assert hits == plain_hits(state.units, ROOT, "службы")
        found = {h[0] for h in hits}
        assert "art_9-1__para_1__subpara_1" in found and eid not in found
        assert not any(e.startswith(("art_9__", "art_17")) for e in found)
        assert set(state._index.seen) == set(state.units)
        held = set().union(*state._index.postings.values())
        assert held <= set(state.units) and eid not in held and "art_9__para_1__subpara_1" not in held
        state.units[eid] = attrs.evolve(state.units[eid], status=Status.IN_EFFECT, text="иные слова;")
        assert state.word_hits(ROOT, "иные слова") == [(eid, "text", 0)]

    def test_matches_never_run_across_units_or_fields(self) -> None:
        units = big_text()
        units["art_1"] = attrs.evolve(units["art_1"], heading="раз", text="два")
        state = TextState(units)
        for words in ("раздва", "раз" + SEP + "два", "службы;" + SEP + "орган", SEP, "службы;орган"):
            assert state.word_hits(ROOT, words) == []
        assert state.word_hits(ROOT, "раз") == [("art_1", "heading", 0)]
        assert state.word_hits(ROOT, "два") == [("art_1", "text", 0)]

    def test_occurrences_do_not_overlap(self) -> None:
        units = big_text()
        units["art_5"] = attrs.evolve(units["art_5"], heading="аааа", text="ааа ааа")
        state = TextState(units)
        assert state.word_hits(ROOT, "аа") == [("art_5", "heading", 0), ("art_5", "heading", 2),
                                               ("art_5", "text", 0), ("art_5", "text", 4)]
        assert state.word_hits(ROOT, "а а") == [("art_5", "text", 2)]

    def test_texts_holding_the_joining_character_are_searched_like_others(self) -> None:
        units = big_text()
        eid = "art_2__para_1__subpara_2"
        units[eid] = attrs.evolve(units[eid], text="а" + SEP + "б орган" + SEP)
        state = TextState(units)
        for words in ("а" + SEP + "б", "орган" + SEP, "б орган", SEP):
            assert state.word_hits(ROOT, words) == plain_hits(state.units, ROOT, words), words

    def test_an_ambiguous_throughout_reports_every_unit_like_before(self) -> None:
        state = TextState(big_text())
        op = DeleteWords(target="chp_2", words="орган 9-1-", **C)
        with pytest.raises(OperationError) as e:
            apply(op, state)
        assert "occur 2 times (art_9__para_1__subpara_1, art_9__para_1__subpara_2)" in str(e.value)
        throughout = DeleteWords(target="chp_2", words="орган 9-1-", throughout=True, **C)
        apply(throughout, state)
        assert state.units["art_9__para_1__subpara_1"].text == "1 службы;"

    def test_a_scope_whose_text_is_all_unknown_is_an_error(self) -> None:
        state = TextState(big_text())
        for e in plain_subtree(state.units, "chp_3"):
            state.units[e] = attrs.evolve(state.units[e], status=Status.UNKNOWN)
        with pytest.raises(OperationError, match="text is unknown on this date"):
            apply(ReplaceWords(target="chp_3", pairs=(("орган", "О"),), throughout=True, **C), state)
        assert state.word_hits(ROOT, "орган 17-") == []


# -- the index of words -----------------------------------------------------------------

# letters, digits and the marks between words, the joining character among them: words of
# every length, pieces of words at either end of a search, and searches holding no word
ALPHABET = "аабвв12 -;.," + SEP


@st.composite
def flat_texts(draw: st.DrawFn) -> dict[str, Provision]:
    """A law of articles with random texts and headings over :data:`ALPHABET`."""
    words = st.text(ALPHABET, max_size=12)
    units: dict[str, Provision] = {}
    arts = []
    for n in range(1, draw(st.integers(1, 12)) + 1):
        art = f"art_{n}"
        paras = []
        for p in range(1, draw(st.integers(0, 3)) + 1):
            para = child_eid(art, "paragraph", str(p))
            units[para] = Provision(eid=para, kind=Kind.PARAGRAPH, num=str(p), text=draw(words),
                                    status=draw(st.sampled_from(STATUSES)))
            paras.append(para)
        units[art] = Provision(eid=art, kind=Kind.ARTICLE, num=str(n), heading=draw(st.none() | words),
                               text=draw(words), children=tuple(paras))
        arts.append(art)
    units["chp_1"] = Provision(eid="chp_1", kind=Kind.CHAPTER, num="1", children=tuple(arts))
    units[ROOT] = Provision(eid=ROOT, kind=Kind.LAW, text=draw(words), children=("chp_1",))
    return units


def holding(units: dict[str, Provision], words: str) -> set[str]:
    return {e for e, u in units.items() if u.status is not Status.UNKNOWN and (words in u.text or
                                                                               words in (u.heading or ""))}


@SETTINGS
@given(flat_texts(), st.data())
def test_the_indexed_search_is_the_plain_scan_on_random_texts_and_edits(units: dict[str, Provision],
                                                                         data: st.DataObject) -> None:
    """Every search through the index (every scope is big: ``_SMALL_SCOPE`` 0) finds what the
    plain scan finds, between random edits; the units the index names for a search hold every
    unit that holds its words."""
    draw: Draw = data.draw
    with block_units(0):
        state = TextState(dict(units))
        for seq in range(draw(st.integers(1, 25))):
            step = draw(st.sampled_from(["search", "search", "edit", "write"]))
            if step == "search":
                pool = [t for u in state.units.values() for t in (u.text, u.heading or "") if t]
                from_text: bool = bool(pool) and draw(st.booleans())
                if from_text:
                    text = draw(st.sampled_from(sorted(pool)))
                    i = draw(st.integers(0, len(text) - 1))
                    words = text[i:draw(st.integers(i + 1, len(text)))]
                else:
                    words = draw(st.text(ALPHABET, min_size=1, max_size=6))
                target = draw(st.sampled_from([ROOT, *sorted(e for e in state.units if e.startswith(("art_", "chp_")))]))
                assert state.word_hits(target, words) == plain_hits(state.units, target, words), (target, words)
                index = state._synced_index()
                named = index.candidates(words, len(state.units))
                assert named is None or holding(state.units, words) <= named, words
                assert set(state._index.seen) == set(state.units) if state._index is not None else True
            elif step == "edit":
                op = (_word_op if draw(st.booleans()) else _structural_op)(draw, state, seq)
                if op is not None:
                    outcome(op, state)
            else:
                eid = draw(st.sampled_from(sorted(state.units)))
                unit = state.units[eid]
                state.units[eid] = attrs.evolve(unit, text=draw(st.text(ALPHABET, max_size=12)),
                                                status=draw(st.sampled_from(STATUSES)))
