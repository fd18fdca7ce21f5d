"""The instruction language of amending laws (consolidate.grammar.instructions).

Every form is read from the real extracts in ``amendments/*/sources``: each
test locates its instruction in the file by content, and derives the expected
words, wording and line from the file itself.  Forms the corpus does not use
(«по всему тексту ... соответственно», «считать», «пунктом N-1») are tested on
instructions written in the same style under a real item heading, and say so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.errors import ParseError
from consolidate.grammar.instructions import OperationRecord, parse_instruction, parse_item, resolve
from consolidate.numbering import parse_eid

ROOT = Path(__file__).resolve().parents[1]
NS = ROOT / "amendments" / "kz-national-security" / "sources"
FI = ROOT / "amendments" / "kz-foreign-intelligence" / "sources"
NS_LAW, FI_LAW = "527-IV", "277-IV"

Line = tuple[int, str]


def file_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def block(path: Path, law: str) -> list[Line]:
    """The lines (numbered from 1, as in the file) between the ``====`` fences
    under the heading of ``law``'s instruction block."""
    lines = file_lines(path)
    heads = [i for i, s in enumerate(lines) if s.startswith("## ") and f"{law} (Article 1, item " in s]
    assert len(heads) == 1, (path, law, heads)
    start = heads[0] + 1
    assert lines[start] == "===="
    end = lines.index("====", start + 1)
    return [(i + 1, lines[i]) for i in range(start + 1, end)]


def parse(path: Path, law: str = NS_LAW) -> tuple[OperationRecord, ...]:
    return parse_item(block(path, law), article=1, file=str(path))


def line_no(path: Path, fragment: str) -> int:
    """The number of the one line of the file containing ``fragment``."""
    hits = [i + 1 for i, s in enumerate(file_lines(path)) if fragment in s]
    assert len(hits) == 1, (path, fragment, hits)
    return hits[0]


def line_starting(path: Path, prefix: str) -> int:
    """The number of the one line of the file that starts with ``prefix`` (indentation aside)."""
    hits = [i + 1 for i, s in enumerate(file_lines(path)) if s.replace("\u00a0", " ").strip().startswith(prefix)]
    assert len(hits) == 1, (path, prefix, hits)
    return hits[0]


def line(path: Path, n: int) -> str:
    return file_lines(path)[n - 1].replace("\u00a0", " ").strip()


def next_text_line(path: Path, n: int) -> int:
    lines = file_lines(path)
    k = n
    while not lines[k].strip():
        k += 1
    return k + 1


def at(records: tuple[OperationRecord, ...], n: int) -> list[OperationRecord]:
    return [r for r in records if r.line == n]


def one(records: tuple[OperationRecord, ...], n: int) -> OperationRecord:
    hits = at(records, n)
    assert len(hits) == 1, hits
    return hits[0]


# --- изложить в следующей редакции ----------------------------------------------


class TestSubstitute:
    def test_one_unit_357_vi(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        recs = parse(path)
        n = line_no(path, "подпункт 4) пункта 1 статьи 15 изложить в следующей редакции:")
        (rec,) = recs
        assert (rec.op, rec.target, rec.line) == ("substitute", "art_15__para_1__subpara_4", n)
        # item 4 has no sub-items: its first line is block 1, the instruction block 2
        assert rec.place == "art_1__para_4__part_2"
        assert rec.instruction == line(path, n) == "подпункт 4) пункта 1 статьи 15 изложить в следующей редакции:"
        quoted = line(path, next_text_line(path, n))
        assert quoted.startswith("«4) ") and quoted.endswith(";».")
        assert rec.text == quoted[1:-2]

    def test_several_units_in_one_instruction_are_split_per_unit_435_v(self) -> None:
        """435-V restates subparagraphs 4), 6) and 7) of paragraph 6 of Article 23:
        two quoted wordings (the second holds 6) and 7)), ASCII quotes."""
        path = NS / "2015-12-04_435-V.md"
        n = line_no(path, "подпункты 4), 6) и 7) пункта 6 статьи 23 изложить в следующей редакции:")
        recs = at(parse(path), n)
        assert [r.target for r in recs] == [
            "art_23__para_6__subpara_4", "art_23__para_6__subpara_6", "art_23__para_6__subpara_7"]
        assert {r.op for r in recs} == {"substitute"}
        assert {r.place for r in recs} == {"art_1__para_14__subpara_2__part_1"}
        assert {r.instruction for r in recs} == {line(path, n)}
        l4 = line(path, next_text_line(path, n))
        l6 = line(path, next_text_line(path, line_no(path, l4[:40])))
        l7 = line(path, next_text_line(path, line_no(path, l6[:40])))
        assert l4.startswith('"4) ') and l4.endswith(';";')
        assert l6.startswith('"6) ') and not l6.endswith('"') and l7.startswith("7) ") and l7.endswith(';".')
        assert [r.text for r in recs] == [l4[1:-2], l6[1:], l7[:-2]]

    def test_several_articles_in_one_wording_553_iv(self) -> None:
        path = FI / "2012-02-13_553-IV.md"
        n = line_no(path, "6) статьи 14, 15 и 16 изложить в следующей редакции:")
        recs = at(parse(path, FI_LAW), n)
        assert [r.target for r in recs] == ["art_14", "art_15", "art_16"]
        for r, num in zip(recs, (14, 15, 16)):
            assert r.op == "substitute" and r.place == "art_1__para_41__subpara_6__part_1"
            assert r.text is not None and r.text.startswith(f"Статья {num}. ")
            assert f"Статья {num + 1}." not in r.text
        # the heading the source wraps onto a deeper-indented line is one heading
        assert recs[0].text is not None
        assert recs[0].text.split("\n\n")[0] == "Статья 14. Правовое положение сотрудников органа внешней разведки"

    def test_article_with_markdown_heading_mark_and_typo_kept_185_v(self) -> None:
        """185-V restates Article 9-1; the source stores its quoted heading as
        ``## «Статья 9-1. ...`` and the official text runs «Министерстваобороны»
        together: the mark goes, the typo stays."""
        path = FI / "2014-04-07_185-V.md"
        n = line_no(path, "4) статью 9-1 изложить в следующей редакции:")
        rec = one(parse(path, FI_LAW), n)
        assert (rec.op, rec.target, rec.place) == ("substitute", "art_9-1", "art_1__para_3__subpara_4__part_1")
        head = line(path, line_starting(path, "## «Статья 9-1."))
        assert "Министерстваобороны" in head
        assert rec.text is not None
        heading, body = rec.text.split("\n\n")
        assert heading == head.removeprefix("## «")
        body_line = line(path, next_text_line(path, line_starting(path, "## «Статья 9-1.")))
        assert body_line.endswith(".».") and body == body_line[:-2]


# --- дополнить ... следующего содержания ----------------------------------------


class TestInsert:
    @pytest.mark.parametrize(
        ("path", "law", "instruction", "target", "place"),
        [
            (NS / "2020-10-06_365-VI.md", NS_LAW, "пункт 1 статьи 15 дополнить подпунктом 6-1) следующего содержания:",
             "art_15__para_1__subpara_6-1", "art_1__para_9__part_2"),
            (NS / "2016-07-26_12-VI.md", NS_LAW, "пункт 1 статьи 6 дополнить подпунктом 20) следующего содержания:",
             "art_6__para_1__subpara_20", "art_1__para_22__part_2"),
            (NS / "2019-07-03_262-VI.md", NS_LAW, "пункт 1 статьи 15 дополнить подпунктом 29-1) следующего содержания:",
             "art_15__para_1__subpara_29-1", "art_1__para_45__part_2"),
            (FI / "2011-01-06_379-IV.md", FI_LAW, "статью 7 дополнить подпунктом 7-1) следующего содержания:",
             "art_7__subpara_7-1", "art_1__para_28__part_2"),
            (FI / "2016-12-28_36-VI.md", FI_LAW, "1) статью 9 дополнить подпунктом 9-1) следующего содержания:",
             "art_9__subpara_9-1", "art_1__para_25__subpara_1__part_1"),
        ],
        ids=["365-VI", "12-VI", "262-VI", "379-IV", "36-VI"],
    )
    def test_subparagraph(self, path: Path, law: str, instruction: str, target: str, place: str) -> None:
        n = line_no(path, instruction)
        rec = one(parse(path, law), n)
        assert (rec.op, rec.target, rec.place, rec.parent) == ("insert", target, place, None)
        assert rec.instruction == line(path, n)
        quoted = line(path, next_text_line(path, n))
        m = re.fullmatch(r'[«"](.*)[»"][.;]', quoted)
        assert m, quoted
        assert rec.text == m.group(1)
        assert m.group(1).startswith(parse_eid(target)[-1][1] + ") ")

    def test_wording_keeps_a_missing_space_365_vi(self) -> None:
        path = NS / "2020-10-06_365-VI.md"
        rec = one(parse(path), line_no(path, "дополнить подпунктом 6-1) следующего содержания:"))
        assert "коррупции –государственный" in line(path, line_starting(path, "«6-1) "))
        assert rec.text is not None and "по противодействию коррупции –государственный орган" in rec.text

    def test_in_a_context_347_vi(self) -> None:
        """«в пункте 1 статьи 15:» then «подпункт 15) изложить ...» and
        «дополнить подпунктом 15-1) ...» (item without sub-items: places count blocks)."""
        path = NS / "2020-06-25_347-VI.md"
        recs = parse(path)
        ctx = line_no(path, "в пункте 1 статьи 15:")
        sub = line_no(path, "подпункт 15) изложить в следующей редакции:")
        add = line_no(path, "дополнить подпунктом 15-1) следующего содержания:")
        assert ctx < sub < add
        assert [(r.op, r.target, r.line, r.place) for r in recs] == [
            ("substitute", "art_15__para_1__subpara_15", sub, "art_1__para_23__part_3"),
            ("insert", "art_15__para_1__subpara_15-1", add, "art_1__para_23__part_5"),
        ]
        # the source's trailing space after the colon is not part of the instruction
        assert recs[0].instruction == "подпункт 15) изложить в следующей редакции:"
        assert recs[1].text == line(path, next_text_line(path, add))[1:-2]

    def test_two_subparagraphs_in_one_wording_141_vii(self) -> None:
        path = NS / "2022-07-14_141-VII.md"
        n = line_no(path, "дополнить подпунктами 8-1) и 8-2) следующего содержания:")
        recs = at(parse(path), n)
        first = line(path, next_text_line(path, n))
        second = line(path, next_text_line(path, line_no(path, first[:40])))
        assert first.startswith("«8-1) ") and second.startswith("8-2) ") and second.endswith("»;»;")
        assert [(r.op, r.target, r.text) for r in recs] == [
            ("insert", "art_15__para_1__subpara_8-1", first[1:]),
            # the inner «электронного правительства» keeps its quotes
            ("insert", "art_15__para_1__subpara_8-2", second[:-2]),
        ]
        assert {r.place for r in recs} == {"art_1__para_42__subpara_1__part_4"}

    def test_a_subparagraph_of_two_blocks_185_v(self) -> None:
        path = FI / "2014-04-07_185-V.md"
        n = line_no(path, "дополнить подпунктами 20-1) и 20-2) следующего содержания:")
        recs = at(parse(path, FI_LAW), n)
        assert [r.target for r in recs] == ["art_9__subpara_20-1", "art_9__subpara_20-2"]
        assert {r.place for r in recs} == {"art_1__para_3__subpara_3__part_5"}  # 3) в статье 9: is block 1
        a = line_no(path, "«20-1) в целях зашифровки")
        b = next_text_line(path, a)
        c = next_text_line(path, b)
        assert line(path, b).startswith("Направление в целях") and line(path, c).startswith("20-2) ")
        assert recs[0].text == line(path, a)[1:] + "\n\n" + line(path, b)
        assert recs[1].text == line(path, c)[:-2]

    def test_article_562_iv(self) -> None:
        """«дополнить статьей 9-1»: the article's heading wraps onto a deeper line."""
        path = FI / "2012-02-16_562-IV.md"
        n = line_no(path, "4) дополнить статьей 9-1 следующего содержания:")
        rec = one(parse(path, FI_LAW), n)
        assert (rec.op, rec.target, rec.parent, rec.place) == ("insert", "art_9-1", None,
                                                               "art_1__para_13__subpara_4__part_1")
        h1 = next_text_line(path, n)
        h2 = next_text_line(path, h1)
        body = next_text_line(path, h2)
        assert line(path, h1) == "«Статья 9-1. Компетенция Министерства обороны"
        assert line(path, h2) == "Республики Казахстан"
        assert line(path, body).endswith("»;")
        assert rec.text == "Статья 9-1. Компетенция Министерства обороны Республики Казахстан\n\n" + line(path, body)[:-2]

    def test_three_articles_553_iv(self) -> None:
        path = FI / "2012-02-13_553-IV.md"
        n = line_no(path, "7) дополнить статьями 16-1, 16-2, 16-3 следующего содержания:")
        recs = at(parse(path, FI_LAW), n)
        assert [(r.op, r.target) for r in recs] == [("insert", "art_16-1"), ("insert", "art_16-2"),
                                                    ("insert", "art_16-3")]
        for r in recs:
            assert r.text is not None
            heading = r.text.split("\n\n")[0]
            num = parse_eid(r.target)[0][1]
            # «Статья 16-1. Применение физической силы сотрудниками» + «органа внешней разведки»
            start = line_no(path, f"Статья {num}. ")
            cont = next_text_line(path, start)
            assert heading == f"{line(path, start).lstrip('«')} {line(path, cont)}"

    def test_instruction_typo_содержании_123_vii(self) -> None:
        """«следующего содержании» is the official text's typo; the wording keeps its double spaces."""
        path = NS / "2022-05-21_123-VII.md"
        n = line_no(path, "пункт 2 дополнить подпунктом 8) следующего содержании:")
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.place) == ("insert", "art_19__para_2__subpara_8",
                                                   "art_1__para_11__subpara_2__part_4")
        assert rec.instruction == "пункт 2 дополнить подпунктом 8) следующего содержании:"
        quoted = line(path, next_text_line(path, n))
        assert rec.text == quoted[1:-2]
        assert "либо  возникновению" in rec.text and "Республики  Казахстан." in rec.text

    def test_paragraph_not_in_the_corpus(self) -> None:
        """No source adds a paragraph («пунктом N-1»); written in the corpus's style."""
        head = block(NS / "2022-05-21_123-VII.md", NS_LAW)[0]
        recs = parse_item([head, (20, "статью 16 дополнить пунктом 2-1 следующего содержания:"),
                           (22, "«2-1. Новый пункт.»;")], file="x.md")
        assert [(r.op, r.target, r.text, r.line, r.place) for r in recs] == [
            ("insert", "art_16__para_2-1", "2-1. Новый пункт.", 20, "art_1__para_11__part_2")]


# --- исключить -------------------------------------------------------------------


class TestRepeal:
    def test_nested_addressing_435_v(self) -> None:
        """«1) в статье 13:» then «подпункт 5) исключить;»."""
        path = NS / "2015-12-04_435-V.md"
        ctx = line_no(path, "1) в статье 13:")
        n = line_no(path, "подпункт 5) исключить;")
        assert n > ctx
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.place, rec.instruction) == (
            "repeal", "art_13__subpara_5", "art_1__para_14__subpara_1__part_2", "подпункт 5) исключить;")
        assert rec.text is None and rec.words is None
        # the next instruction in the same context
        sub = one(parse(path), line_no(path, "подпункт 6) изложить в следующей редакции:"))
        assert (sub.target, sub.place) == ("art_13__subpara_6", "art_1__para_14__subpara_1__part_3")

    def test_paragraph_179_vi(self) -> None:
        path = NS / "2018-07-05_179-VI.md"
        n = line_no(path, "пункт 1 исключить;")
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.place) == ("repeal", "art_11__para_1", "art_1__para_2__subpara_2__part_2")


# --- words -----------------------------------------------------------------------


class TestReplaceWords:
    def test_one_unit_227_v(self) -> None:
        path = NS / "2014-07-03_227-V.md"
        n = line_no(path, "слова «о преступлениях и» заменить словами «об уголовных и иных»")
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.old, rec.new, rec.place) == (
            "replace_words", "art_14__subpara_2", "о преступлениях и", "об уголовных и иных", "art_1__para_64__part_2")
        assert rec.pairs is None and rec.throughout is False and rec.occurrence is None

    def test_context_and_singular_словом_15_v(self) -> None:
        path = NS / "2012-04-27_15-V.md"
        a = line_no(path, "в подпункте 2) слова «государственный орган»")
        b = line_no(path, "в подпункте 4) слова «специальные государственные» заменить словом «правоохранительные».")
        recs = parse(path)
        assert [(r.target, r.old, r.new, r.line, r.place) for r in recs] == [
            ("art_15__para_1__subpara_2", "государственный орган", "специальный государственный орган", a,
             "art_1__para_56__part_3"),
            ("art_15__para_1__subpara_4", "специальные государственные", "правоохранительные", b,
             "art_1__para_56__part_4"),
        ]

    def test_two_units_of_two_articles_375_vi(self) -> None:
        path = NS / "2020-11-16_375-VI.md"
        n = line_no(path, "в подпункте 14) пункта 1 статьи 6, подпункте 1) пункта 1 статьи 15 слова")
        recs = at(parse(path), n)
        assert [r.target for r in recs] == ["art_6__para_1__subpara_14", "art_15__para_1__subpara_1"]
        assert {(r.op, r.old, r.new) for r in recs} == {
            ("replace_words", "государственной границы", "Государственной границы Республики Казахстан")}

    def test_list_in_the_second_path_419_v(self) -> None:
        path = FI / "2015-11-24_419-V.md"
        n = line_no(path, "в подпункте 13) статьи 8, подпунктах 11) и 27) статьи 9 слова «информационных ресурсов»")
        recs = at(parse(path, FI_LAW), n)
        assert [r.target for r in recs] == ["art_8__subpara_13", "art_9__subpara_11", "art_9__subpara_27"]
        assert {(r.old, r.new, r.place) for r in recs} == {
            ("информационных ресурсов", "электронных информационных ресурсов", "art_1__para_32__part_2")}

    def test_first_block_of_an_article_210_vi(self) -> None:
        path = NS / "2018-12-28_210-VI.md"
        rec = one(parse(path), line_no(path, "в абзаце первом статьи 16 слово «города» заменить словом «городов»."))
        assert (rec.target, rec.old, rec.new) == ("art_16__part_1", "города", "городов")

    def test_throughout_with_соответственно_not_in_the_corpus(self) -> None:
        """No source replaces words «по всему тексту»; written in the style of the domain notes."""
        recs = parse_instruction(
            "по всему тексту слова «орган», «органа» заменить соответственно словами «ведомство», «ведомства»;",
            context=None, place="art_1__para_3__part_2", line=7, file="x.md")
        assert isinstance(recs, list)
        (rec,) = recs
        assert (rec.op, rec.target, rec.throughout, rec.old, rec.new) == ("replace_words", "law", True, None, None)
        assert rec.pairs == (("орган", "ведомство"), ("органа", "ведомства"))
        recs = parse_instruction(
            "в статье 5 по всему тексту слово «X» заменить словом «Y».", context=None, place="p", line=1)
        assert isinstance(recs, list)
        (one_pair,) = recs
        assert (one_pair.target, one_pair.throughout, one_pair.old, one_pair.new) == ("art_5", True, "X", "Y")

    def test_several_words_without_соответственно_is_an_error(self) -> None:
        with pytest.raises(ParseError, match="соответственно"):
            parse_instruction("по всему тексту слова «а», «б» заменить словами «в», «г»;",
                              context=None, place="p", line=1)


class TestInsertWords:
    def test_after_words_in_a_block_375_vi_for_277_iv(self) -> None:
        path = NS / "2020-11-16_375-VI.md"
        n = line_no(path, "абзац шестой подпункта 1) статьи 6 после слов «Государственной границы» дополнить")
        (rec,) = parse(path, FI_LAW)
        assert (rec.op, rec.target, rec.after, rec.words, rec.line, rec.place) == (
            "insert_words", "art_6__subpara_1__part_6", "Государственной границы", "Республики Казахстан", n,
            "art_1__para_17__part_2")
        assert rec.before is None

    def test_after_word_in_a_context_141_vii(self) -> None:
        path = NS / "2022-07-14_141-VII.md"
        n = line_no(path, "пункт 7 после слова «связи» дополнить словами «и информации».")
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.after, rec.words, rec.place) == (
            "insert_words", "art_23__para_7", "связи", "и информации", "art_1__para_42__subpara_2__part_4")

    def test_on_the_item_line_14_v(self) -> None:
        """The instruction follows the item's heading on the same line («ст. 32):абзац второй ...»)."""
        path = FI / "2012-04-23_14-V.md"
        n = line_no(path, "):абзац второй подпункта 1) статьи 6 после слова «засекреченной»")
        (rec,) = parse(path, FI_LAW)
        assert (rec.op, rec.target, rec.after, rec.words, rec.line, rec.place) == (
            "insert_words", "art_6__subpara_1__part_2", "засекреченной", ", кодированной", n, "art_1__para_4__part_1")
        assert rec.instruction == line(path, n).split("):", 1)[1]

    def test_at_the_end_123_vii(self) -> None:
        path = NS / "2022-05-21_123-VII.md"
        n = line_no(path, "3) подпункт 2) пункта 2 статьи 24 дополнить словами")
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.after, rec.before, rec.place) == (
            "insert_words", "art_24__para_2__subpara_2", None, None, "art_1__para_11__subpara_3__part_1")
        assert rec.words == "и законодательства Республики Казахстан в области биологической безопасности"
        assert line(path, n).endswith(f"«{rec.words}».")

    def test_at_the_end_with_a_nested_title_141_vii(self) -> None:
        """One closing guillemet ends both «О связи» and the outer quote; the
        double space after «соответствии» is the official text's."""
        path = NS / "2022-07-14_141-VII.md"
        n = line_no(path, "часть вторую пункта 4 дополнить словами")
        rec = one(parse(path), n)
        assert (rec.op, rec.target, rec.place) == ("insert_words", "art_23__para_4__part_2",
                                                   "art_1__para_42__subpara_2__part_2")
        assert rec.words == "в соответствии  с пунктом 1-2 статьи 41-1 Закона Республики Казахстан «О связи»"
        assert line(path, n).endswith(f"«{rec.words};")

    def test_before_words_not_in_the_corpus(self) -> None:
        recs = parse_instruction("в подпункте 2) статьи 14 перед словом «органы» дополнить словами «все»;",
                                 context=None, place="p", line=3)
        assert isinstance(recs, list)
        (rec,) = recs
        assert (rec.op, rec.target, rec.before, rec.after, rec.words) == (
            "insert_words", "art_14__subpara_2", "органы", None, "все")


class TestDeleteWords:
    def test_nested_context_189_v(self) -> None:
        """«2) в пункте 2 статьи 24:» then two instructions naming only the subparagraph."""
        path = NS / "2014-04-11_189-V.md"
        a = line_no(path, "в подпункте 7) слово «последствий» исключить;")
        b = line_no(path, "в подпункте 9) слово «других» исключить.")
        recs = parse(path)
        assert [(r.op, r.target, r.words, r.line, r.place) for r in recs if r.op == "delete_words"] == [
            ("delete_words", "art_24__para_2__subpara_7", "последствий", a, "art_1__para_34__subpara_2__part_2"),
            ("delete_words", "art_24__para_2__subpara_9", "других", b, "art_1__para_34__subpara_2__part_3"),
        ]

    def test_two_units_244_v_for_277_iv(self) -> None:
        path = FI / "2014-11-03_244-V.md"
        n = line_no(path, "в подпунктах 1) и 3) статьи 6 слово «международным» исключить.")
        recs = parse(path, FI_LAW)
        assert [(r.op, r.target, r.words, r.line) for r in recs] == [
            ("delete_words", "art_6__subpara_1", "международным", n),
            ("delete_words", "art_6__subpara_3", "международным", n)]
        assert {r.place for r in recs} == {"art_1__para_14__part_2"}

    def test_in_a_context_141_vii(self) -> None:
        path = NS / "2022-07-14_141-VII.md"
        n = line_no(path, "в подпунктах 6) и 7) пункта 6 слова «и информации» исключить;")
        recs = at(parse(path), n)
        assert [(r.target, r.words) for r in recs] == [("art_23__para_6__subpara_6", "и информации"),
                                                      ("art_23__para_6__subpara_7", "и информации")]


class TestRenumber:
    def test_not_in_the_corpus(self) -> None:
        """«считать соответственно»: the highest number moves first, so no new
        number meets a unit still waiting to move."""
        recs = parse_instruction("подпункты 5)–7) считать соответственно подпунктами 6)–8);",
                                 context="art_15__para_1", place="p", line=4)
        assert isinstance(recs, list)
        assert [(r.op, r.target, r.new) for r in recs] == [
            ("renumber", "art_15__para_1__subpara_7", "8"),
            ("renumber", "art_15__para_1__subpara_6", "7"),
            ("renumber", "art_15__para_1__subpara_5", "6"),
        ]

    def test_count_mismatch(self) -> None:
        with pytest.raises(ParseError, match="3 units renumbered but 2 new numbers"):
            parse_instruction("подпункты 5)–7) считать соответственно подпунктами 6) и 7);",
                              context="art_15__para_1", place="p", line=4)


# --- the whole corpus --------------------------------------------------------------


def _corpus_blocks() -> list[tuple[Path, str]]:
    out = []
    for law, folder in ((NS_LAW, NS), (FI_LAW, FI)):
        for path in sorted(folder.glob("*.md")):
            if any(f"{law} (Article 1, item " in s for s in file_lines(path) if s.startswith("## ")):
                out.append((path, law))
    return out


CORPUS = _corpus_blocks()


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize(("path", "law"), CORPUS, ids=[f"{law}-{p.stem}" for p, law in CORPUS])
def test_every_block_of_the_corpus_reads_back_to_its_own_words(path: Path, law: str) -> None:
    """Each record points at the line holding its instruction, its quoted words
    stand in that line, and its wording follows it in the file."""
    head = block(path, law)[0][1]
    item = re.match(r"\s*(\d+)\.", head)
    assert item
    recs = parse(path, law)
    assert recs
    lines = file_lines(path)
    last = 0
    for r in recs:
        assert r.line >= last
        last = r.line
        written = line(path, r.line)
        assert written == r.instruction or written.endswith("):" + r.instruction), (written, r.instruction)
        assert r.place.startswith(f"art_1__para_{item.group(1)}__")
        parse_eid(r.place)
        if r.target != "law":
            parse_eid(r.target)
        for words in (r.old, r.new, r.words, r.after, r.before):
            if words is not None and r.op != "renumber":
                assert words in written
        if r.text is not None:
            assert _norm(r.text) in _norm("\n".join(lines[r.line:])).replace("## «", "«")


def test_every_extract_of_both_laws_has_its_block() -> None:
    sources = sorted(NS.glob("*.md")) + sorted(FI.glob("*.md"))
    assert len(sources) >= 40  # 30 extracts for 527-IV and 11 for 277-IV when written
    assert [p for p, _ in CORPUS] == sources


# --- errors ------------------------------------------------------------------------


def _edited(path: Path, law: str, n: int, old: str, new: str) -> list[Line]:
    lines = block(path, law)
    out = []
    for k, s in lines:
        if k == n:
            assert old in s, (s, old)
            s = s.replace(old, new)
        out.append((k, s))
    return out


class TestErrors:
    def _raises(self, lines: list[Line], path: Path, n: int) -> ParseError:
        with pytest.raises(ParseError) as info:
            parse_item(lines, file=str(path))
        exc = info.value
        assert (exc.file, exc.line) == (str(path), n)
        assert f"{path}:{n}" in str(exc)
        return exc

    def test_an_unreadable_instruction_is_quoted_with_file_and_line(self) -> None:
        path = NS / "2014-04-11_189-V.md"
        n = line_no(path, "в подпункте 7) слово «последствий» исключить;")
        exc = self._raises(_edited(path, NS_LAW, n, "исключить", "выбросить"), path, n)
        assert repr("в подпункте 7) слово «последствий» выбросить;") in str(exc)
        assert exc.place == "art_1__para_34__subpara_2__part_2"

    @pytest.mark.parametrize(("old", "new"), [("последствий»", "последствий"), ("«последствий", "последствий"),
                                              ("«последствий»", '"последствий')],
                             ids=["no-closing", "no-opening", "ascii-unclosed"])
    def test_unbalanced_quotes_in_an_instruction(self, old: str, new: str) -> None:
        path = NS / "2014-04-11_189-V.md"
        n = line_no(path, "в подпункте 7) слово «последствий» исключить;")
        edited = _edited(path, NS_LAW, n, old, new)
        exc = self._raises(edited, path, n)
        assert re.search(r"unbalanced quotes|unclosed quote", exc.message)
        assert repr(dict(edited)[n].strip()) in exc.message

    def test_a_quoted_wording_never_closed(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        n = line_no(path, "«4) уполномоченный орган по делам государственной службы")
        exc = self._raises(_edited(path, NS_LAW, n, "услуг;».", "услуг;"), path, n)
        assert "never closed" in exc.message

    def test_unbalanced_quotes_inside_a_wording(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        n = line_no(path, "«4) уполномоченный орган по делам государственной службы")
        exc = self._raises(_edited(path, NS_LAW, n, "услуг;».", "услуг;»»."), path, n)
        assert "unbalanced quotes inside the quoted wording" in exc.message

    def test_an_unclosed_wording_does_not_swallow_the_next_instruction(self) -> None:
        """347-VI: were the first wording's «» missing, the next instruction and
        its wording would read as more of it; the count of guillemets says no."""
        path = NS / "2020-06-25_347-VI.md"
        n = line_no(path, "«15) уполномоченный орган в области индустриального развития")
        assert line(path, n).endswith(";»;")
        exc = self._raises(_edited(path, NS_LAW, n, ";»;", ";"), path, n)
        assert "never closed" in exc.message

    def test_a_sub_items_context_ends_with_it(self) -> None:
        """435-V: «1) в статье 13:» does not reach into sub-item 2); with «статьи 23»
        struck out, sub-item 2) names no article."""
        path = NS / "2015-12-04_435-V.md"
        n = line_no(path, "2) подпункты 4), 6) и 7) пункта 6 статьи 23")
        exc = self._raises(_edited(path, NS_LAW, n, "пункта 6 статьи 23", "пункта 6"), path, n)
        assert "no article" in exc.message

    def test_sub_item_numbering_that_skips(self) -> None:
        path = NS / "2014-04-11_189-V.md"
        n = line_no(path, "2) в пункте 2 статьи 24:")
        exc = self._raises(_edited(path, NS_LAW, n, "2) в пункте", "3) в пункте"), path, n)
        assert "expected sub-item 2)" in exc.message

    def test_sub_item_numbering_that_repeats(self) -> None:
        path = NS / "2015-12-04_435-V.md"
        n = line_no(path, "2) подпункты 4), 6) и 7) пункта 6 статьи 23")
        exc = self._raises(_edited(path, NS_LAW, n, "2) подпункты", "1) подпункты"), path, n)
        assert "expected sub-item 2)" in exc.message

    def test_a_wording_that_lacks_a_unit_named_by_the_instruction(self) -> None:
        """435-V with its «7)» misprinted «8)»: the units are split by their labels, not counted."""
        path = NS / "2015-12-04_435-V.md"
        n = line_no(path, "2) подпункты 4), 6) и 7) пункта 6 статьи 23")
        w = line_no(path, "7) иностранцам, лицам без гражданства")
        exc = self._raises(_edited(path, NS_LAW, w, "7) иностранцам", "8) иностранцам"), path, n)
        assert "no wording for art_23__para_6__subpara_7" in exc.message

    def test_a_wording_that_starts_with_another_unit(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        n = line_no(path, "«4) уполномоченный орган по делам государственной службы")
        exc = self._raises(_edited(path, NS_LAW, n, "«4)", "«5)"), path, n)
        assert "art_15__para_1__subpara_4" in exc.message

    def test_an_instruction_without_its_wording(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        n = line_no(path, "подпункт 4) пункта 1 статьи 15 изложить в следующей редакции:")
        lines = [(k, s) for k, s in block(path, NS_LAW) if k <= n]
        exc = self._raises(lines, path, n)
        assert "no quoted wording follows" in exc.message

    def test_a_wording_without_an_instruction(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        n = line_no(path, "подпункт 4) пункта 1 статьи 15 изложить в следующей редакции:")
        lines = [(k, s) for k, s in block(path, NS_LAW) if k != n]
        exc = self._raises(lines, path, next_text_line(path, n))
        assert "follows no instruction" in exc.message

    def test_an_item_must_begin_with_its_heading(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        lines = block(path, NS_LAW)[1:]
        exc = self._raises(lines, path, next_text_line(path, lines[0][0] - 1))
        assert "expected an item" in exc.message

    def test_an_item_for_another_law(self) -> None:
        path = NS / "2020-07-03_357-VI.md"
        with pytest.raises(ParseError, match="does not amend"):
            parse_item(block(path, NS_LAW), law_title="О внешней разведке", file=str(path))
        assert parse_item(block(path, NS_LAW), law_title="О национальной безопасности Республики Казахстан")


# --- resolve: properties ----------------------------------------------------------------

_num = st.builds(lambda n, ins: "-".join(str(x) for x in (n, *ins)),
                 st.integers(1, 99), st.lists(st.integers(1, 9), max_size=2))
_plain = st.integers(1, 40)
SUB_WORDS = ("подпункт", "подпункта", "подпункте", "подпунктом")
ORDINALS = {"первый": 1, "второй": 2, "третьего": 3, "четвертом": 4, "пятый": 5, "шестого": 6, "седьмой": 7,
            "восьмом": 8, "девятый": 9, "десятого": 10}


class TestResolve:
    @settings(max_examples=60, deadline=None)
    @given(a=_num, p=_num, s=_num, word=st.sampled_from(SUB_WORDS))
    def test_subparagraph_of_paragraph_of_article(self, a: str, p: str, s: str, word: str) -> None:
        expected = f"art_{a}__para_{p}__subpara_{s}"
        assert parse_eid(expected) == (("article", a), ("paragraph", p), ("subparagraph", s))
        assert resolve(f"{word} {s}) пункта {p} статьи {a}") == [expected]
        # the same unit named inside «в пункте p статьи a:»
        assert resolve(f"{word} {s})", f"art_{a}__para_{p}") == [expected]

    @settings(max_examples=40, deadline=None)
    @given(a=_num, p=_num, subs=st.lists(_num, min_size=3, max_size=3, unique=True))
    def test_a_list_keeps_its_order(self, a: str, p: str, subs: list[str]) -> None:
        x, y, z = subs
        assert resolve(f"подпункты {x}), {y}) и {z}) пункта {p} статьи {a}") == [
            f"art_{a}__para_{p}__subpara_{n}" for n in (x, y, z)]

    def test_the_list_of_435_v(self) -> None:
        assert resolve("подпункты 4), 6) и 7) пункта 6 статьи 23") == [
            "art_23__para_6__subpara_4", "art_23__para_6__subpara_6", "art_23__para_6__subpara_7"]

    @settings(max_examples=40, deadline=None)
    @given(a=_num, p=_num, lo=_plain, span=st.integers(0, 6), dash=st.sampled_from(["–", "—", "-", " – "]))
    def test_ranges_expand(self, a: str, p: str, lo: int, span: int, dash: str) -> None:
        hi = lo + span
        subs = [f"art_{a}__para_{p}__subpara_{k}" for k in range(lo, hi + 1)]
        assert resolve(f"подпункты {lo}){dash}{hi}) пункта {p} статьи {a}") == subs
        if dash != "-":  # «2-4» without parentheses is the inserted number 2-4, not a range
            assert resolve(f"пункты {lo}{dash}{hi} статьи {a}") == [f"art_{a}__para_{k}" for k in range(lo, hi + 1)]

    def test_the_range_4_7(self) -> None:
        assert resolve("подпункты 4)–7) пункта 6 статьи 23") == [
            f"art_23__para_6__subpara_{k}" for k in (4, 5, 6, 7)]

    @settings(max_examples=30, deadline=None)
    @given(a=_num, s=_num, word=st.sampled_from(sorted(ORDINALS)))
    def test_blocks_are_counted_in_words(self, a: str, s: str, word: str) -> None:
        assert resolve(f"абзац {word} подпункта {s}) статьи {a}") == [f"art_{a}__subpara_{s}__part_{ORDINALS[word]}"]

    @settings(max_examples=30, deadline=None)
    @given(a1=_num, s1=_num, a2=_num, p2=_num, s2=_num)
    def test_a_comma_before_a_unit_word_starts_a_new_path(self, a1: str, s1: str, a2: str, p2: str, s2: str) -> None:
        assert resolve(f"подпункте {s1}) статьи {a1}, подпункте {s2}) пункта {p2} статьи {a2}") == [
            f"art_{a1}__subpara_{s1}", f"art_{a2}__para_{p2}__subpara_{s2}"]

    @settings(max_examples=30, deadline=None)
    @given(arts=st.lists(_num, min_size=1, max_size=4, unique=True))
    def test_articles(self, arts: list[str]) -> None:
        phrase = "статьи " + ", ".join(arts)
        assert resolve(phrase) == [f"art_{a}" for a in arts]

    @pytest.mark.parametrize(("phrase", "context"), [
        ("подпункт 4 пункта 1 статьи 15", None),        # a subparagraph's number is written «4)»
        ("пункт 1", None),                              # no article, no context
        ("подпункты 7)–4) статьи 2", None),             # a range that runs backwards
        ("подпункты 4-1)–7) статьи 2", None),           # a range of inserted numbers
        ("статьи 5 пункта 2", None),                    # units in the wrong order
        ("пункт 2", "art_5__para_1__subpara_3"),        # a paragraph cannot lie in a subparagraph
        ("абзац 2 статьи 5", None),                     # blocks are counted in words
        ("подпункты 4), пункта 6 статьи 23", None),     # a list that ends with a separator
        ("пункт", None),                                # a unit word without a number
    ])
    def test_what_it_does_not_read(self, phrase: str, context: str | None) -> None:
        with pytest.raises(ParseError):
            resolve(phrase, context)
