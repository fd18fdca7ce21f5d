"""Tests for the numerals of the three languages (consolidate.grammar.numerals)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.errors import ParseError
from consolidate.grammar.numerals import MONTHS, alternation, cardinal, fold, ordinal, pattern


class TestOrdinal:
    @pytest.mark.parametrize(
        ("text", "lang", "value"),
        [
            ("второй", "rus", 2), ("второго", "rus", 2), ("третьей", "rus", 3), ("третью", "rus", 3),
            ("первую", "rus", 1), ("первом", "rus", 1), ("четвертого", "rus", 4), ("четвёртого", "rus", 4),
            ("двадцать пятого", "rus", 25), ("двадцать третий", "rus", 23), ("сорок четвертого", "rus", 44),
            ("шестидесятого", "rus", 60), ("шестьдесят первого", "rus", 61),
            ("сто шестьдесят четвертого", "rus", 164), ("двухсотого", "rus", 200),
            ("Второго", "rus", 2),
            ("бірінші", "kaz", 1), ("екінші", "kaz", 2), ("алтыншы", "kaz", 6), ("тоғызыншы", "kaz", 9),
            ("оныншы", "kaz", 10), ("он бірінші", "kaz", 11), ("жиырма бесінші", "kaz", 25),
            ("қырқыншы", "kaz", 40), ("алпыс төртінші", "kaz", 64), ("тоқсан сегізінші", "kaz", 98),
            ("жүзінші", "kaz", 100), ("бір жүзінші", "kaz", 100), ("бір жүз жиырма бесінші", "kaz", 125),
            ("бiрiншi", "kaz", 1),  # Latin i, as the Kazakh texts print it
            ("first", "eng", 1), ("second", "eng", 2), ("twelfth", "eng", 12), ("twentieth", "eng", 20),
            ("twenty-first", "eng", 21), ("Third", "eng", 3),
        ],
    )  # fmt: skip
    def test_value(self, text: str, lang: str, value: int) -> None:
        assert ordinal(text, lang) == value

    @pytest.mark.parametrize(("text", "lang"), [("пятница", "rus"), ("второй третий", "rus"), ("он", "kaz"),
                                                 ("ten", "eng"), ("", "rus")])
    def test_not_an_ordinal(self, text: str, lang: str) -> None:
        with pytest.raises(ParseError, match="ordinal"):
            ordinal(text, lang)

    def test_unknown_language(self) -> None:
        with pytest.raises(ParseError, match="language"):
            ordinal("second", "fra")


class TestCardinal:
    @pytest.mark.parametrize(
        ("text", "lang", "value"),
        [
            ("десяти", "rus", 10), ("шести", "rus", 6), ("шестидесяти", "rus", 60), ("двух", "rus", 2),
            ("двадцати пяти", "rus", 25), ("ста двадцати", "rus", 120), ("тридцати", "rus", 30),
            ("он", "kaz", 10), ("алты", "kaz", 6), ("алпыс", "kaz", 60), ("он бес", "kaz", 15), ("бір жүз", "kaz", 100),
            ("ten", "eng", 10), ("six", "eng", 6), ("twenty-one", "eng", 21), ("sixty", "eng", 60),
        ],
    )  # fmt: skip
    def test_value(self, text: str, lang: str, value: int) -> None:
        assert cardinal(text, lang) == value

    def test_not_a_cardinal(self) -> None:
        with pytest.raises(ParseError, match="cardinal"):
            cardinal("второго", "rus")


class TestPattern:
    def test_longest_first(self) -> None:
        # «шестидесяти» must not be read as «шести» followed by «десяти»
        found = re.match(pattern("rus", "cardinal"), "шестидесяти календарных дней")
        assert found is not None and found.group() == "шестидесяти"

    def test_glued_words_of_the_official_texts(self) -> None:
        # "десятикалендарных" (sic): the numeral ends where the next word begins
        found = re.match(pattern("rus", "cardinal"), "десятикалендарных")
        assert found is not None and found.group() == "десяти"
        found = re.match(pattern("rus", "ordinal"), "четвертогоподпункта")
        assert found is not None and found.group() == "четвертого"

    def test_kazakh_word_boundaries(self) -> None:
        # «он» (ten) is not the start of «оныншы» (tenth) nor of «онда»
        assert re.match(pattern("kaz", "cardinal"), "онда") is None
        found = re.match(pattern("kaz", "ordinal"), "оныншы абзацы")
        assert found is not None and found.group() == "оныншы"

    def test_compound(self) -> None:
        found = re.match(pattern("rus", "ordinal"), "сто шестьдесят четвертого подпункта")
        assert found is not None and found.group() == "сто шестьдесят четвертого"

    def test_unknown_kind(self) -> None:
        with pytest.raises(ParseError, match="kind"):
            pattern("rus", "fraction")

    def test_alternation(self) -> None:
        assert alternation(["шести", "шестидесяти", "шести"]) == "шестидесяти|шести"


class TestFold:
    def test_same_length(self) -> None:
        text = "Ёлка İstanbul ǅ бiрiншi"
        assert len(fold(text, "kaz")) == len(text)
        assert fold("бiрiншi", "kaz") == "бірінші"
        assert fold("бiрiншi", "rus") == "бiрiншi"

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])), st.sampled_from(["rus", "kaz", "eng"]))
    def test_fold_keeps_the_length(self, text: str, lang: str) -> None:
        assert len(fold(text, lang)) == len(text)

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])) | st.text("ЁёİiIǅаәіΣΟ "),
           st.sampled_from(["rus", "kaz", "eng"]))
    def test_fold_is_the_letter_by_letter_fold(self, text: str, lang: str) -> None:
        """The whole-string fast path gives what folding each letter on its own gives."""
        one_by_one = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("ё", "е")
        assert fold(text, lang) == (one_by_one.replace("i", "і") if lang == "kaz" else one_by_one)


class TestMonths:
    def test_twelve_each(self) -> None:
        assert {lang: sorted(months.values()) for lang, months in MONTHS.items()} == {
            lang: list(range(1, 13)) for lang in ("rus", "kaz", "eng")}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999))
def test_every_russian_ordinal_reads_back(n: int) -> None:
    """An ordinal written as the acts write it is read as its value."""
    hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
                "девятьсот"]
    tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
            "девяносто"]
    stems = {1: "перв", 2: "втор", 3: "трет", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
             9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
             15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
             20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
             80: "восьмидесят", 90: "девяност", 100: "сот", 200: "двухсот", 300: "трехсот", 400: "четырехсот",
             500: "пятисот", 600: "шестисот", 700: "семисот", 800: "восьмисот", 900: "девятисот"}
    h, rest = divmod(n, 100)
    words = []
    if rest == 0:
        last = h * 100
    else:
        if h:
            words.append(hundreds[h])
        if rest < 20 or rest % 10 == 0:
            last = rest
        else:
            words.append(tens[rest // 10])
            last = rest % 10
    ending = "ьего" if last == 3 else "ого"
    words.append(stems[last] + ending)
    assert ordinal(" ".join(words), "rus") == n
