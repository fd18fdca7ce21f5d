"""The article graph: edges, referrers, verify's invariants (one test each), properties."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.errors import DataError
from consolidate.graph import (
    CONTAINS, NEXT, REFERS, Graph, build_graph, children, container, dangling, references_from, referrers,
    verify, violations,
)
from consolidate.model import PREAMBLE, ROOT, Document, Kind, Provision, Status
from consolidate.numbering import child_eid, format_num

ROOT_DIR = Path(__file__).resolve().parent.parent


def P(eid: str, kind: Kind, num: str | None = None, *children: str, text: str = "",
      status: Status = Status.IN_EFFECT) -> Provision:
    return Provision(eid=eid, kind=kind, num=num, text=text, children=tuple(children), status=status)


def make(*units: Provision, lang: str = "rus") -> Document:
    return Document(law="t-law", lang=lang, title="Тестовый закон", units={u.eid: u for u in units})


def sound() -> dict[str, Provision]:
    """A small sound law: preamble, two chapters, articles with paragraphs,
    subparagraphs and blocks, and cross references between them."""
    units = [
        P(ROOT, Kind.LAW, None, PREAMBLE, "chp_1", "chp_2"),
        P(PREAMBLE, Kind.PREAMBLE, None, "preamble__part_1"),
        P("preamble__part_1", Kind.PART, "1", text="Настоящий Закон регулирует отношения."),
        P("chp_1", Kind.CHAPTER, "1", "art_1", "art_2"),
        P("art_1", Kind.ARTICLE, "1", "art_1__part_1", "art_1__subpara_1", "art_1__subpara_1-1", "art_1__subpara_2"),
        P("art_1__part_1", Kind.PART, "1", text="В настоящем Законе используются следующие понятия:"),
        P("art_1__subpara_1", Kind.SUBPARAGRAPH, "1", text="понятие, указанное в статье 2;"),
        P("art_1__subpara_1-1", Kind.SUBPARAGRAPH, "1-1", text="понятие по подпункту 2) пункта 1 статьи 2;"),
        P("art_1__subpara_2", Kind.SUBPARAGRAPH, "2", text="Исключен.", status=Status.REPEALED),
        P("art_2", Kind.ARTICLE, "2", "art_2__para_1", "art_2__para_2"),
        P("art_2__para_1", Kind.PARAGRAPH, "1", "art_2__para_1__subpara_1", "art_2__para_1__subpara_2",
          text="Полномочия:"),
        P("art_2__para_1__subpara_1", Kind.SUBPARAGRAPH, "1", text="первое;"),
        P("art_2__para_1__subpara_2", Kind.SUBPARAGRAPH, "2", "art_2__para_1__subpara_2__part_2",
          text="второе, кроме случаев статьи 9;"),
        P("art_2__para_1__subpara_2__part_2", Kind.PART, "2", text="второй абзац."),
        P("art_2__para_2", Kind.PARAGRAPH, "2", text="В случаях, предусмотренных пунктом 1 настоящей статьи, "
          "и подпунктом 1-1) статьи 1 настоящего Закона."),
        P("chp_2", Kind.CHAPTER, "2", "art_2-1"),
        P("art_2-1", Kind.ARTICLE, "2-1", "art_2-1__part_1"),
        P("art_2-1__part_1", Kind.PART, "1", status=Status.UNKNOWN),
    ]
    return {u.eid: u for u in units}


def sound_doc() -> Document:
    return make(*sound().values())


def broken(change: Callable[[dict[str, Provision]], object]) -> Document:
    units = sound()
    change(units)
    return make(*units.values())


def replace(units: dict[str, Provision], eid: str, **changes: Any) -> None:
    units[eid] = attrs.evolve(units[eid], **changes)


class TestBuildGraph:
    def test_one_node_per_unit_with_its_provision(self) -> None:
        d = sound_doc()
        g = build_graph(d)
        assert set(g.nodes) == set(d.units)
        assert all(g.nodes[e]["provision"] is d.units[e] for e in d.units)
        assert [e for e in sorted(g.nodes, key=lambda n: g.nodes[n]["order"])] == [p.eid for _, p in d.walk()]

    def test_contains_edges_carry_the_index(self) -> None:
        g = build_graph(sound_doc())
        contains = {(u, v, d["index"]) for u, v, d in g.edges(data=True) if d["kind"] == CONTAINS}
        assert ("art_1", "art_1__subpara_1-1", 2) in contains
        assert (ROOT, PREAMBLE, 0) in contains
        assert len(contains) == len(sound()) - 1
        assert children(g, "art_2__para_1") == ["art_2__para_1__subpara_1", "art_2__para_1__subpara_2"]
        assert container(g, "art_2-1") == "chp_2"
        assert container(g, ROOT) is None

    def test_next_edges_link_consecutive_siblings(self) -> None:
        g = build_graph(sound_doc())
        nxt = {(u, v) for u, v, d in g.edges(data=True) if d["kind"] == NEXT}
        assert nxt == {
            (PREAMBLE, "chp_1"), ("chp_1", "chp_2"), ("art_1", "art_2"),
            ("art_1__part_1", "art_1__subpara_1"), ("art_1__subpara_1", "art_1__subpara_1-1"),
            ("art_1__subpara_1-1", "art_1__subpara_2"), ("art_2__para_1", "art_2__para_2"),
            ("art_2__para_1__subpara_1", "art_2__para_1__subpara_2"),
        }

    def test_refers_edges_with_the_words(self) -> None:
        g = build_graph(sound_doc())
        refers = {(u, v, d["text"]) for u, v, d in g.edges(data=True) if d["kind"] == REFERS}
        assert refers == {
            ("art_1__subpara_1", "art_2", "статье 2"),
            ("art_1__subpara_1-1", "art_2__para_1__subpara_2", "подпункту 2) пункта 1 статьи 2"),
            ("art_2__para_2", "art_2__para_1", "пунктом 1 настоящей статьи"),
            ("art_2__para_2", "art_1__subpara_1-1", "подпунктом 1-1) статьи 1 настоящего Закона"),
        }

    def test_referrers_in_document_order(self) -> None:
        d = make(
            P(ROOT, Kind.LAW, None, "art_1", "art_2", "art_3"),
            P("art_1", Kind.ARTICLE, "1", text="См. статью 3."),
            P("art_2", Kind.ARTICLE, "2", "art_2__para_1", "art_2__para_2"),
            P("art_2__para_1", Kind.PARAGRAPH, "1", text="Статья 3 и статья 3 настоящего Закона."),
            P("art_2__para_2", Kind.PARAGRAPH, "2", text="Статьей 3."),
            P("art_3", Kind.ARTICLE, "3", text="Текст."),
        )
        g = build_graph(d)
        assert referrers(g, "art_3") == ["art_1", "art_2__para_1", "art_2__para_2"]
        assert referrers(g, "art_1") == []
        assert referrers(g, "art_404") == []

    def test_references_from_in_text_order(self) -> None:
        g = build_graph(sound_doc())
        assert references_from(g, "art_2__para_2") == ["art_2__para_1", "art_1__subpara_1-1"]
        assert references_from(g, "art_2") == []

    def test_dangling_references_are_listed_not_edges(self) -> None:
        g = build_graph(sound_doc())
        [ref] = dangling(g)
        assert (ref.source, ref.target, ref.text) == ("art_2__para_1__subpara_2", "art_9", "статьи 9")
        assert "art_9" not in g

    def test_external_references_are_not_edges(self) -> None:
        d = make(
            P(ROOT, Kind.LAW, None, "art_1"),
            P("art_1", Kind.ARTICLE, "1", text="в соответствии со статьей 1 Закона Республики Казахстан «О связи»"),
        )
        g = build_graph(d)
        assert references_from(g, "art_1") == [] and dangling(g) == []

    def test_kazakh_text(self) -> None:
        d = make(
            P(ROOT, Kind.LAW, None, "art_15", "art_16"),
            P("art_15", Kind.ARTICLE, "15", text="Мәтін."),
            P("art_16", Kind.ARTICLE, "16", text="Осы Заңның 15-бабына сәйкес"),
            lang="kaz",
        )
        assert referrers(build_graph(d), "art_15") == ["art_16"]


class TestVerify:
    def test_sound_document_and_its_graph_pass(self) -> None:
        assert violations(sound_doc()) == []
        verify(sound_doc())
        verify(build_graph(sound_doc()))

    def test_no_root(self) -> None:
        d = broken(lambda u: u.pop(ROOT))
        with pytest.raises(DataError, match="no root"):
            verify(d)

    def test_root_of_another_kind(self) -> None:
        d = broken(lambda u: replace(u, ROOT, kind=Kind.CHAPTER))
        assert any("root 'law' has kind chapter" in v for v in violations(d))

    def test_second_unit_of_kind_law(self) -> None:
        d = broken(lambda u: replace(u, "art_2-1__part_1", kind=Kind.LAW, num=None))
        assert any("only the root may be of kind law" in v for v in violations(d))

    def test_unit_without_container(self) -> None:
        d = broken(lambda u: replace(u, "chp_2", children=()))
        assert violations(d) == ["art_2-1 has no container"]

    def test_unit_in_two_containers(self) -> None:
        d = broken(lambda u: replace(u, "chp_2", children=("art_2", "art_2-1")))
        assert "art_2 has 2 containers, expected one: chp_1, chp_2" in violations(d)

    def test_listed_child_missing(self) -> None:
        d = broken(lambda u: u.pop("art_2__para_2"))
        assert violations(d) == ["art_2 lists child art_2__para_2, which does not exist"]

    def test_cycle(self) -> None:
        def loop(u: dict[str, Provision]) -> None:
            u["art_7"] = P("art_7", Kind.ARTICLE, "7", "art_7__para_1")
            u["art_7__para_1"] = P("art_7__para_1", Kind.PARAGRAPH, "1", "art_7")
        problems = violations(broken(loop))
        assert "containment cycle: art_7 → art_7__para_1 → art_7" in problems
        with pytest.raises(DataError, match="containment cycle"):
            verify(broken(loop))

    def test_root_inside_a_unit(self) -> None:
        d = broken(lambda u: replace(u, "art_2-1__part_1", children=(ROOT,)))
        problems = violations(d)
        assert "the root is listed as a child of art_2-1__part_1" in problems
        assert any(p.startswith("containment cycle: law → ") for p in problems)

    def test_eid_inconsistent_with_container(self) -> None:
        def move(u: dict[str, Provision]) -> None:
            # paragraph 1 of Article 2 filed under Article 1
            replace(u, "art_1", children=u["art_1"].children + ("art_2__para_1",))
            replace(u, "art_2", children=("art_2__para_2",))
        problems = violations(broken(move))
        assert "art_2__para_1 in art_1: expected eId 'art_1__para_1' for paragraph 1" in problems

    def test_eid_inconsistent_with_number(self) -> None:
        d = broken(lambda u: replace(u, "art_2__para_2", num="3"))
        assert "art_2__para_2 in art_2: expected eId 'art_2__para_3' for paragraph 3" in violations(d)

    def test_key_differs_from_eid(self) -> None:
        units = sound()
        units["art_2-1"] = attrs.evolve(units["art_2-1"], eid="art_2-2")
        d = Document(law="t-law", lang="rus", title="t", units=units)
        assert "unit stored under 'art_2-1' has eId 'art_2-2'" in violations(d)

    def test_parts_are_counted(self) -> None:
        def hyphen(u: dict[str, Provision]) -> None:
            u.pop("art_2-1__part_1")
            u["art_2-1__part_1-1"] = P("art_2-1__part_1-1", Kind.PART, "1-1", status=Status.UNKNOWN)
            replace(u, "art_2-1", children=("art_2-1__part_1-1",))
        assert "art_2-1__part_1-1: parts are counted 1, 2, 3…, got '1-1'" in violations(broken(hyphen))

    def test_number_as_printed_with_punctuation(self) -> None:
        d = broken(lambda u: replace(u, "art_1__subpara_2", num="2)"))
        assert "art_1__subpara_2: number '2)' should be written '2'" in violations(d)

    def test_number_missing(self) -> None:
        d = broken(lambda u: replace(u, "art_2__para_2", num=None))
        assert "paragraph art_2__para_2 has no number" in violations(d)

    def test_paragraph_in_a_chapter(self) -> None:
        def misplace(u: dict[str, Provision]) -> None:
            u["chp_2__para_1"] = P("chp_2__para_1", Kind.PARAGRAPH, "1")
            replace(u, "chp_2", children=("art_2-1", "chp_2__para_1"))
        problems = violations(broken(misplace))
        assert "chp_2__para_1 is a paragraph inside chapter chp_2: expected it inside article" in problems

    def test_subparagraph_in_a_part(self) -> None:
        def misplace(u: dict[str, Provision]) -> None:
            u["art_1__part_1__subpara_1"] = P("art_1__part_1__subpara_1", Kind.SUBPARAGRAPH, "1")
            replace(u, "art_1__part_1", children=("art_1__part_1__subpara_1",))
        problems = violations(broken(misplace))
        assert ("art_1__part_1__subpara_1 is a subparagraph inside part art_1__part_1: "
                "expected it inside article or paragraph") in problems

    def test_chapter_in_a_chapter(self) -> None:
        def nest(u: dict[str, Provision]) -> None:
            replace(u, ROOT, children=(PREAMBLE, "chp_1"))
            replace(u, "chp_1", children=("art_1", "art_2", "chp_2"))
        assert "chp_2 is a chapter inside chapter chp_1: expected it inside law" in violations(broken(nest))

    def test_siblings_out_of_order(self) -> None:
        d = broken(lambda u: replace(u, "art_1", children=(
            "art_1__part_1", "art_1__subpara_1-1", "art_1__subpara_1", "art_1__subpara_2")))
        assert violations(d) == [
            "in art_1, subparagraph 1 (art_1__subpara_1) follows art_1__subpara_1-1: "
            "numbers of one kind must increase"]

    def test_same_number_twice(self) -> None:
        d = broken(lambda u: replace(u, "art_2", children=("art_2__para_1", "art_2__para_2", "art_2__para_2")))
        problems = violations(d)
        assert "in art_2, paragraph 2 (art_2__para_2) follows art_2__para_2: numbers of one kind must increase" \
            in problems
        assert "art_2__para_2 has 2 containers, expected one: art_2, art_2" in problems

    def test_kinds_are_ordered_separately(self) -> None:
        # a block after subparagraphs, numbered from 1 again: different kinds
        assert violations(broken(lambda u: replace(u, "art_1", children=(
            "art_1__subpara_1", "art_1__subpara_1-1", "art_1__subpara_2", "art_1__part_1")))) == []

    def test_unknown_unit_with_text(self) -> None:
        d = broken(lambda u: replace(u, "art_2-1__part_1", text="Текст, которого корпус не знает."))
        assert violations(d) == ["art_2-1__part_1 has status unknown but a text ('Текст, которого корпус не знает.')"]

    def test_repealed_unit_with_children(self) -> None:
        d = broken(lambda u: replace(u, "art_2__para_1", status=Status.REPEALED))
        assert violations(d) == [
            "art_2__para_1 is repealed but has children (art_2__para_1__subpara_1, art_2__para_1__subpara_2)"]

    def test_every_violation_is_reported(self) -> None:
        def several(u: dict[str, Provision]) -> None:
            replace(u, "art_2-1__part_1", text="x")
            replace(u, "art_1__subpara_2", children=("art_1__subpara_2__part_2",))
            u.pop("art_2__para_2")
        with pytest.raises(DataError) as info:
            verify(broken(several))
        message = str(info.value)
        assert "t-law (rus): 4 invariant(s) violated" in message
        for fragment in ("status unknown", "repealed but has children", "art_1__subpara_2__part_2, which does",
                         "art_2__para_2, which does not exist"):
            assert fragment in message

    def test_graph_edges_must_match_the_children(self) -> None:
        g = build_graph(sound_doc())
        g.remove_edge("art_2", "art_2__para_2", key=CONTAINS)
        with pytest.raises(DataError, match="art_2 lists art_2__para_2 at index 1 but the graph has no contains"):
            verify(g)

    def test_graph_of_a_broken_document(self) -> None:
        g = build_graph(broken(lambda u: u.pop("art_2__para_2")))
        assert violations(g) == ["art_2 lists child art_2__para_2, which does not exist"]

    def test_dangling_reference_is_not_a_violation(self) -> None:
        g = build_graph(sound_doc())
        assert dangling(g) and violations(g) == []


# --- properties ---------------------------------------------------------------

_TEXTS = ["", "Текст.", "согласно статье 1", "пунктом 1 настоящей статьи", "подпункт 2) пункта 1 статьи 2",
          "статьей 3 Закона «О связи»", "абзац второй подпункта 1) пункта 1 статьи 1"]


@st.composite
def numbers(draw: st.DrawFn, max_size: int) -> list[str]:
    """Increasing numbers, some of them inserted (``2-1``, ``2-1-1``)."""
    keys = draw(st.lists(
        st.tuples(st.integers(1, 12)) | st.tuples(st.integers(1, 12), st.integers(1, 3))
        | st.tuples(st.integers(1, 12), st.integers(1, 3), st.integers(1, 2)),
        max_size=max_size, unique=True))
    return [format_num(k) for k in sorted(keys)]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A valid document: random nesting, hyphenated numbers, statuses."""
    units: dict[str, Provision] = {}
    article_keys: list[tuple[int, ...]] = []

    def next_article() -> str:
        last = article_keys[-1] if article_keys else (0,)
        key = (last[0] + draw(st.integers(1, 3)),) if draw(st.booleans()) else last + (1,)
        article_keys.append(key)
        return format_num(key)

    def add(parent: str, kind: Kind, num: str, depth: int) -> str:
        eid = PREAMBLE if kind is Kind.PREAMBLE else child_eid(parent, kind.value, num)
        status = draw(st.sampled_from(Status)) if kind not in (Kind.PREAMBLE, Kind.CHAPTER) else Status.IN_EFFECT
        text = "" if status is Status.UNKNOWN else draw(st.sampled_from(_TEXTS))
        kids: list[str] = []
        if status is not Status.REPEALED:
            kids = build(eid, kind, depth + 1)
        units[eid] = Provision(eid=eid, kind=kind, num=None if kind is Kind.PREAMBLE else num, text=text,
                               children=tuple(kids), status=status)
        return eid

    def build(eid: str, kind: Kind, depth: int) -> list[str]:
        groups: list[list[tuple[Kind, str]]] = []
        parts = draw(st.integers(0, 2))
        groups.append([(Kind.PART, str(i)) for i in range(draw(st.integers(1, 2)), parts + 1)]
                      if kind in (Kind.PREAMBLE, Kind.ARTICLE, Kind.PARAGRAPH, Kind.SUBPARAGRAPH) else [])
        if kind is Kind.ARTICLE:
            groups.append([(Kind.PARAGRAPH, n) for n in draw(numbers(3))])
        if kind in (Kind.ARTICLE, Kind.PARAGRAPH):
            groups.append([(Kind.SUBPARAGRAPH, n) for n in draw(numbers(3))])
        if kind is Kind.CHAPTER:
            groups.append([(Kind.ARTICLE, "") for _ in range(draw(st.integers(0, 3)))])
        # interleave the kinds, each kind keeping its own order
        order = draw(st.permutations([i for i, g in enumerate(groups) for _ in g]))
        cursors = [0] * len(groups)
        kids = []
        for i in order:
            k, n = groups[i][cursors[i]]
            cursors[i] += 1
            kids.append(add(eid, k, next_article() if k is Kind.ARTICLE else n, depth))
        return kids

    top: list[str] = []
    if draw(st.booleans()):
        top.append(add(ROOT, Kind.PREAMBLE, "", 0))
    for c in range(1, draw(st.integers(0, 3)) + 1):
        top.append(add(ROOT, Kind.CHAPTER, str(c), 0))
    for _ in range(draw(st.integers(0, 2))):
        top.append(add(ROOT, Kind.ARTICLE, next_article(), 0))
    units[ROOT] = Provision(eid=ROOT, kind=Kind.LAW, children=tuple(top))
    return Document(law="t-law", lang="rus", title="t", units=units)


def edge_kinds(g: Graph) -> list[tuple[str, str, str | None]]:
    """Every edge with its kind, as ``g.edges(data="kind")`` gives them (whose
    type networkx's stubs get wrong: Never for the attribute)."""
    return [(source, target, data.get("kind")) for source, target, data in g.edges(data=True)]


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(documents())
    def test_generated_documents_verify(self, d: Document) -> None:
        assert violations(d) == []
        g = build_graph(d)
        verify(g)
        assert sum(1 for *_, k in edge_kinds(g) if k == CONTAINS) == len(d.units) - 1
        assert sum(1 for *_, k in edge_kinds(g) if k == NEXT) == sum(
            max(len(u.children) - 1, 0) for u in d.units.values())
        for source, target, kind in edge_kinds(g):
            if kind == REFERS:
                assert target in d.units and source in referrers(g, target)

    @settings(max_examples=40, deadline=None)
    @given(documents(), st.data())
    def test_removing_a_unit_is_caught(self, d: Document, data: st.DataObject) -> None:
        others = sorted(e for e in d.units if e != ROOT)
        if not others:
            return
        gone = data.draw(st.sampled_from(others))
        units = {e: u for e, u in d.units.items() if e != gone}
        problems = violations(attrs.evolve(d, units=units))
        assert any(f"lists child {gone}, which does not exist" in p for p in problems)


# --- the real text ------------------------------------------------------------------


class TestRealText:
    @pytest.fixture(scope="class")
    @classmethod
    def graph(cls) -> Any:
        from consolidate.formats.snapshot_file import read_snapshot

        path = ROOT_DIR / "snapshots/kz-national-security/rus/2021-after-375-VI.md"
        return build_graph(read_snapshot(path, law="kz-national-security", lang="rus"))

    def test_verifies(self, graph: Any) -> None:
        verify(graph)

    def test_article_30_refers_to_article_20(self, graph: Any) -> None:
        sources = referrers(graph, "art_20__para_4__subpara_2")
        assert sources and all(s == "art_30" or s.startswith("art_30__") for s in sources)

    def test_article_18_refers_to_article_15(self, graph: Any) -> None:
        assert any(s.startswith("art_18") for s in referrers(graph, "art_15"))
