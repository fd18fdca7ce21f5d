"""Word-level redline: the segments rebuild both texts; rendering; when to colour."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.redline import Segment, render_redline, tokens, use_color, word_diff

# Russian and Kazakh letters, Latin, digits, spaces, and the marks laws use
LAW_TEXT = st.text(
    alphabet=st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЗӘҒҚҢӨҰҮҺІіabcXYZ0123456789 \n\t,.;:()«»–-)№")),
    max_size=60,
)
ANY_TEXT = st.text(max_size=40)


def rebuilt(segments: tuple[Segment, ...], side: str) -> str:
    return "".join(s.text for s in segments if s.kind in ("equal", side))


class TestTokens:
    def test_words_spaces_and_marks(self) -> None:
        assert tokens("подпункт 8-1) пункта «1»;  см.") == [
            "подпункт", " ", "8-1", ")", " ", "пункта", " ", "«", "1", "»", ";", "  ", "см", "."]

    @given(ANY_TEXT)
    def test_tokens_join_back(self, text: str) -> None:
        assert "".join(tokens(text)) == text


class TestWordDiff:
    @settings(max_examples=300)
    @given(LAW_TEXT, LAW_TEXT)
    def test_equal_and_delete_give_before_equal_and_insert_give_after(self, before: str, after: str) -> None:
        segments = word_diff(before, after)
        assert rebuilt(segments, "delete") == before
        assert rebuilt(segments, "insert") == after

    @settings(max_examples=200)
    @given(ANY_TEXT, ANY_TEXT)
    def test_invariants_on_any_unicode(self, before: str, after: str) -> None:
        segments = word_diff(before, after)
        assert rebuilt(segments, "delete") == before
        assert rebuilt(segments, "insert") == after
        assert all(s.text for s in segments)
        assert all(a.kind != b.kind for a, b in zip(segments, segments[1:]))

    @given(LAW_TEXT)
    def test_same_text_is_all_equal(self, text: str) -> None:
        segments = word_diff(text, text)
        assert all(s.kind == "equal" for s in segments)
        assert "".join(s.text for s in segments) == text

    @settings(max_examples=300)
    @given(st.lists(st.sampled_from(["орган", " ", "Республики", ",", "1", "«", "»", "службы"]), max_size=40),
           st.lists(st.sampled_from(["орган", " ", "Республики", ",", "2", "«", "»", "штаб"]), max_size=40))
    def test_the_compiled_matcher_aligns_as_difflib_does(self, a: list[str], b: list[str]) -> None:
        """cydifflib is a dependency only for speed: its alignment must be difflib's own."""
        import difflib

        import cydifflib

        ours = cydifflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        assert [tuple(o) for o in ours] == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()

    def test_empty(self) -> None:
        assert word_diff("", "") == ()
        assert word_diff("", "новый") == (Segment("insert", "новый"),)
        assert word_diff("старый", "") == (Segment("delete", "старый"),)

    def test_words_added_by_an_amendment(self) -> None:
        before = "4) уполномоченный орган по делам государственной службы;"
        after = "4) уполномоченный орган по делам государственной службы и противодействию коррупции;"
        assert word_diff(before, after) == (
            Segment("equal", "4) уполномоченный орган по делам государственной службы"),
            Segment("insert", " и противодействию коррупции"),
            Segment("equal", ";"),
        )

    def test_replaced_words_read_as_one_change(self) -> None:
        assert word_diff("Министерство обороны Республики", "Генеральный штаб Республики") == (
            Segment("delete", "Министерство обороны"),
            Segment("insert", "Генеральный штаб"),
            Segment("equal", " Республики"),
        )

    def test_changed_punctuation_keeps_the_words(self) -> None:
        assert word_diff("органы, службы", "органы; службы") == (
            Segment("equal", "органы"), Segment("delete", ","), Segment("insert", ";"), Segment("equal", " службы"))

    def test_hyphenated_number_is_one_word(self) -> None:
        assert word_diff("статьи 41-1", "статьи 41-2") == (
            Segment("equal", "статьи "), Segment("delete", "41-1"), Segment("insert", "41-2"))


class TestRenderRedline:
    SEGMENTS = (Segment("equal", "органы "), Segment("delete", "обороны"), Segment("insert", "разведки"),
                Segment("equal", "."))

    def test_without_colour_uses_git_word_diff_marks(self) -> None:
        assert render_redline(self.SEGMENTS, color=False) == "органы [-обороны-]{+разведки+}."

    def test_with_colour(self) -> None:
        assert render_redline(self.SEGMENTS, color=True) == (
            "органы \x1b[31;9mобороны\x1b[0m\x1b[32;4mразведки\x1b[0m.")

    def test_unchanged_text_is_printed_as_is(self) -> None:
        text = "Статья 1. Текст"
        assert render_redline(word_diff(text, text), color=True) == text

    def test_round_trip_of_a_diff(self) -> None:
        assert render_redline(word_diff("a b c", "a x c"), color=False) == "a [-b-]{+x+} c"


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestUseColor:
    def test_terminal(self) -> None:
        assert use_color(FakeTTY(), env={}) is True

    def test_not_a_terminal(self) -> None:
        assert use_color(io.StringIO(), env={}) is False

    def test_no_color_turns_it_off(self) -> None:
        assert use_color(FakeTTY(), env={"NO_COLOR": "1"}) is False

    def test_empty_no_color_is_ignored(self) -> None:
        assert use_color(FakeTTY(), env={"NO_COLOR": ""}) is True

    def test_force_color_on_a_pipe(self) -> None:
        assert use_color(io.StringIO(), env={"FORCE_COLOR": "1"}) is True
        assert use_color(io.StringIO(), env={"FORCE_COLOR": ""}) is False

    def test_no_color_wins_over_force_color(self) -> None:
        assert use_color(FakeTTY(), env={"NO_COLOR": "1", "FORCE_COLOR": "1"}) is False

    def test_reads_the_process_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
        monkeypatch.setenv("NO_COLOR", "1")
        assert use_color(FakeTTY()) is False
        monkeypatch.delenv("NO_COLOR")
        assert use_color(FakeTTY()) is True

    def test_closed_stream(self) -> None:
        stream = io.StringIO()
        stream.close()
        assert use_color(stream, env={}) is False

    def test_real_pipe_is_not_a_terminal(self) -> None:
        read, write = os.pipe()
        with os.fdopen(write, "w") as stream:
            assert use_color(stream, env={}) is False
        os.close(read)

