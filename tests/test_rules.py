"""Tests for reading commencement rules and whole entry-into-force articles
(consolidate.grammar.rules).

The texts are read from the corpus copies in the repository (never retyped);
the expected values are written by hand from reading each law.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.commencement import (
    Chained,
    Conditional,
    DayAfterPublication,
    DaysAfterPublication,
    FixedDate,
    MonthsAfterPublication,
    OnPublication,
    OnSigning,
    OtherAct,
    Period,
    ThisAct,
    Unit,
    YearsAfterPublication,
)
from consolidate.errors import DataError, RuleError
from consolidate.grammar.rules import looks_like_article, parse_commencement, parse_rule

ROOT = Path(__file__).parents[1]
NS_SOURCES = ROOT / "amendments" / "kz-national-security" / "sources"
FI_SOURCES = ROOT / "amendments" / "kz-foreign-intelligence" / "sources"
SNAPSHOTS = ROOT / "snapshots"
ENG_SEED = SNAPSHOTS / "kz-national-security" / "eng" / "2025-adilet.txt"
RUS_2014 = SNAPSHOTS / "kz-national-security" / "rus" / "2014-after-189-V.md"
RUS_2021 = SNAPSHOTS / "kz-national-security" / "rus" / "2021-after-375-VI.md"
KAZ_2014 = SNAPSHOTS / "kz-national-security" / "kaz" / "2014-after-233-V.md"
FI_2010 = SNAPSHOTS / "kz-foreign-intelligence" / "rus" / "2010-original.md"

D = dt.date
DAYS10 = DaysAfterPublication(10)


# ------------------------------------------------------ reading the corpus


def section(path: Path, label: str) -> str:
    """The verbatim text of section ``(label)`` of an amending-law file."""
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"^## \({re.escape(label)}\)[^\n]*\n====\n(.*?)\n====", text, re.S | re.M)
    assert found, f"no section ({label}) in {path}"
    return found.group(1)


def article_until(path: Path, start: str, stop: str) -> str:
    text = path.read_text(encoding="utf-8")
    i = text.index(start)
    return text[i : text.index(stop, i)]


def act_number(raw: str) -> str:
    """Act numbers only: the Cyrillic І of "12-VІ" is the Latin I."""
    return raw.replace("І", "I")


# an act number, then words that are not a rule ("dated 03.07.2013",
# "Заңымен"), then the rule in parentheses
CITATION = re.compile(r"(?:№|N)\s*(\d+-[IVXІ]+)[^();]*?\(([^()]*)\)")


def footnote_rules(path: Path, marker: str) -> list[tuple[str, str]]:
    """(act number, rule as written) for every act a note names:
    "№ 124-V dated 03.07.2013 (...)", "от 04.12.2015№ 435-V (...)",
    "13.01.2014 N 159-V Заңымен (...)"."""
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if marker in line:
            pairs.extend((act_number(number), rule) for number, rule in CITATION.findall(line))
    return pairs


# ----------------------------------------- footnotes, all three languages

# By act: the rule each footnote gives (read from the footnotes themselves;
# 179-VI: the English "after its first official publication" renders the
# Russian "со дня его первого официального опубликования").
FOOTNOTE_RULES = {
    "15-V": DAYS10, "19-V": DAYS10, "33-V": FixedDate(D(2012, 1, 1)), "124-V": DAYS10,
    "159-V": DAYS10, "189-V": DAYS10, "206-V": DAYS10, "227-V": FixedDate(D(2015, 1, 1)),
    "233-V": DAYS10, "244-V": FixedDate(D(2015, 1, 2)), "248-V": DAYS10,
    "376-V": FixedDate(D(2016, 1, 1)), "393-V": DAYS10, "417-V": DAYS10,
    "419-V": FixedDate(D(2016, 1, 1)), "435-V": FixedDate(D(2016, 1, 1)), "484-V": DAYS10,
    "12-VI": MonthsAfterPublication(2), "36-VI": MonthsAfterPublication(2), "91-VI": DAYS10,
    "126-VI": MonthsAfterPublication(6), "179-VI": OnPublication(), "210-VI": DAYS10,
    "262-VI": FixedDate(D(2020, 1, 1)), "347-VI": DAYS10, "357-VI": DAYS10, "361-VI": DAYS10,
    "365-VI": DAYS10, "375-VI": DAYS10, "87-VII": DAYS10, "123-VII": MonthsAfterPublication(6),
    "141-VII": DAYS10, "157-VII": DAYS10, "167-VII": DAYS10, "168-VII": DaysAfterPublication(60),
    "51-VIII": DAYS10, "86-VIII": DaysAfterPublication(60), "94-VIII": DaysAfterPublication(60),
    "164-VIII": DAYS10,
}  # fmt: skip


class TestEnglishSeedFootnotes:
    """Every parenthesis of every "Footnote." of the Adilet English text."""

    pairs = footnote_rules(ENG_SEED, "Footnote.")

    def test_every_footnote_is_read(self) -> None:
        lines = [line for line in ENG_SEED.read_text(encoding="utf-8").splitlines() if "Footnote." in line]
        assert len(lines) == 21
        # counted by hand in the seed: 58 act citations, 22 distinct phrasings
        assert len(self.pairs) == 58
        assert len({rule for _, rule in self.pairs}) == 22

    @pytest.mark.parametrize("act,written", pairs, ids=[f"{a}:{w[:40]}" for a, w in pairs])
    def test_rule(self, act: str, written: str) -> None:
        assert parse_rule(written, "eng") == FOOTNOTE_RULES[act]

    def test_after_publication_is_the_day_of_publication(self) -> None:
        # "shall be enforced after its first official publication" (179-VI) is
        # the Russian "со дня": in effect ON the day of publication
        rendered = {w for a, w in self.pairs if a == "179-VI"}
        assert rendered == {"shall be enforced after its first official publication"}
        assert parse_rule(rendered.pop(), "eng") == OnPublication()


class TestRussianFootnotes:
    """Every "Сноска." rule of the Russian consolidated texts, and the
    original text of 277-IV (its own commencement article)."""

    pairs = footnote_rules(RUS_2014, "Сноска.") + footnote_rules(RUS_2021, "Сноска.")

    def test_every_footnote_is_read(self) -> None:
        acts = {a for a, _ in self.pairs}
        # "от 04.12.2015№ 435-V" and "от 03.07.2019№ 262-VІ": no space before №
        assert {"435-V", "262-VI", "227-V", "244-V", "419-V"} <= acts
        assert len(self.pairs) == 9 + 39  # counted by hand in the two texts

    @pytest.mark.parametrize("act,written", pairs, ids=[f"{a}:{w[:40]}" for a, w in pairs])
    def test_rule(self, act: str, written: str) -> None:
        assert parse_rule(written, "rus") == FOOTNOTE_RULES[act]

    def test_foreign_intelligence_original_article_22(self) -> None:
        text = article_until(FI_2010, "### Статья 22.", "Президент")
        com = parse_commencement(text, "rus")
        assert com.general == DAYS10
        assert com.exceptions == ()


class TestKazakhFootnotes:
    """Every "Ескерту." rule of the Kazakh text, and the editors' notes that
    announce pending acts ("... Заңымен (01.01.2015 бастап ...)")."""

    pairs = footnote_rules(KAZ_2014, "Ескерту.")
    pending = footnote_rules(KAZ_2014, "көзделген")

    def test_every_footnote_is_read(self) -> None:
        assert len(self.pairs) == 11
        assert {a for a, _ in self.pending} == {"227-V", "244-V"}
        # the source mixes Latin "i" into Kazakh words: "кейiн күнтiзбелiк"
        assert any("i" in w for _, w in self.pairs)

    @pytest.mark.parametrize("act,written", pairs + pending, ids=[f"{a}:{w[:40]}" for a, w in pairs + pending])
    def test_rule(self, act: str, written: str) -> None:
        assert parse_rule(written, "kaz") == FOOTNOTE_RULES[act]


# --------------------------------------------------- single rules, by form


class TestParseRule:
    @pytest.mark.parametrize(
        "text,rule",
        [
            ("вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования", DAYS10),
            ("по истечении десяти календарных дней после его первого официального опубликования", DAYS10),
            ("по истечении десяти календарных дней со дня его первого официального опубликования", DAYS10),
            ("вводится в действие по истечениидесяти календарных дней после дня его первого официального опубликования", DAYS10),
            ("вводится в действие по истечении десятикалендарных дней после дня его первого официального опубликования", DAYS10),
            ("вводится в действие по истечении тридцати календарных дней после дня его первого официального опубликования", DaysAfterPublication(30)),
            ("вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования", DaysAfterPublication(60)),
            ("вводится в действие по истечении двадцати одного календарного дня после дня его первого официального опубликования", DaysAfterPublication(21)),
            ("вводится в действие по истечении двух месяцев после дня его первого официального опубликования", MonthsAfterPublication(2)),
            ("вводится в действие по истечении шести  месяцев после дня его первого официального опубликования", MonthsAfterPublication(6)),
            ("вводится в действие по истечении одного года после дня его первого официального опубликования", YearsAfterPublication(1)),
            ("вводится в действие по истечении пяти лет после дня его первого официального опубликования", YearsAfterPublication(5)),
            ("вводится в действие со дня его первого официального опубликования", OnPublication()),
            ("вводится в действие после дня его первого официального опубликования", DayAfterPublication()),
            ("вводится в действие со дня подписания", OnSigning()),
            ("вводится в действие с 01.01.2016", FixedDate(D(2016, 1, 1))),
            ("вводится в действиес 1 января 2018 года", FixedDate(D(2018, 1, 1))),
            ("вводится в действие  с 1 июля 2022 года.", FixedDate(D(2022, 7, 1))),
            ("вводится в действие со 2 января 2015 года", FixedDate(D(2015, 1, 2))),
            ("вводитсяв действие с 01.01.2020", FixedDate(D(2020, 1, 1))),
            ("Настоящий Закон вводится в действие с 16 декабря 2020 года.", FixedDate(D(2020, 12, 16))),
            ("(вводится в действие с 01.01.2012)", FixedDate(D(2012, 1, 1))),
        ],
    )
    def test_russian(self, text: str, rule: object) -> None:
        assert parse_rule(text, "rus") == rule

    @pytest.mark.parametrize(
        "text,rule",
        [
            ("вводится в действие по истечении шести месяцев с даты введения в действие настоящего Закона",
             Chained(Period(6, Unit.MONTHS), ThisAct())),
            ("вводится в действие по истечении пяти лет со дня введения в действие настоящего Закона",
             Chained(Period(5, Unit.YEARS), ThisAct())),
            ("вводится в действие по истечении шести месяцев после дня введения в действие изменений в Налоговый кодекс",
             Chained(Period(6, Unit.MONTHS), OtherAct("изменений в Налоговый кодекс"))),
            ("вводится в действие со дня введения в действие Налогового кодекса",
             Chained(None, OtherAct("Налогового кодекса"))),
        ],
    )  # fmt: skip
    def test_chained(self, text: str, rule: object) -> None:
        assert parse_rule(text, "rus") == rule

    @pytest.mark.parametrize(
        "text,rule",
        [
            ("shall be enforced upon expiry of ten calendar days after its first official publication", DAYS10),
            ("This Law shall be enforced upon expiry of two months after its first official publication.", MonthsAfterPublication(2)),
            ("shall be put into force sixty calendar days after the date of its first official publication", DaysAfterPublication(60)),
            ("shall enter into force twenty-one calendar days after the date of its first official publication", DaysAfterPublication(21)),
            ("shall be enforced six months after the date of entry into force of this Law", Chained(Period(6, Unit.MONTHS), ThisAct())),
            ("shall be enforced after its first official publication", OnPublication()),
            ("shall be enforced from the date of its first official publication", OnPublication()),
            ("shall be enforced after the day of its first official publication", DayAfterPublication()),
            ("shall be enforced from 01.01.2016", FixedDate(D(2016, 1, 1))),
            ("shall be enforced from January 1, 2015", FixedDate(D(2015, 1, 1))),
            ("shall come into force from 1 July 2024", FixedDate(D(2024, 7, 1))),
            ("shall be enforced from the date of signing", OnSigning()),
        ],
    )  # fmt: skip
    def test_english(self, text: str, rule: object) -> None:
        assert parse_rule(text, "eng") == rule

    @pytest.mark.parametrize(
        "text,rule",
        [
            ("алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі", DAYS10),
            ("алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі", DAYS10),
            ("алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа енгізіледі", DaysAfterPublication(60)),
            ("алғашқы ресми жарияланған күнінен кейін күнтізбелік он бес күн өткен соң қолданысқа енгізіледі", DaysAfterPublication(15)),
            ("алғашқы ресми жарияланған күнінен кейін екі ай өткен соң қолданысқа енгізіледі", MonthsAfterPublication(2)),
            ("алғашқы ресми жарияланған күнінен кейін алты ай өткен соң қолданысқа енгізіледі", MonthsAfterPublication(6)),
            ("алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі", OnPublication()),
            ("алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі", DayAfterPublication()),
            ("2012.01.01 бастап қолданысқа енгізіледі", FixedDate(D(2012, 1, 1))),
            ("01.01.2015 бастап қолданысқа енгізіледі", FixedDate(D(2015, 1, 1))),
            ("2015 жылғы 1 қаңтардан бастап қолданысқа енгізіледі", FixedDate(D(2015, 1, 1))),
            ("Осы Заң 2024 жылғы 1 шілдеден бастап қолданысқа енгізіледі.", FixedDate(D(2024, 7, 1))),
        ],
    )  # fmt: skip
    def test_kazakh(self, text: str, rule: object) -> None:
        assert parse_rule(text, "kaz") == rule


class TestParseRuleErrors:
    @pytest.mark.parametrize(
        "text,lang",
        [
            ("вводится в действие когда-нибудь потом", "rus"),
            ("вводится в действие по истечении десяти календарных дней", "rus"),
            ("вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования и ещё", "rus"),
            ("shall be enforced at a convenient time", "eng"),
            ("shall be enforced upon expiry of ten fortnights after its first official publication", "eng"),
            ("ертең қолданысқа енгізіледі", "kaz"),
            # without a period, "after its publication" is ambiguous in Kazakh
            ("алғашқы ресми жарияланғанынан кейін қолданысқа енгізіледі", "kaz"),
            ("", "rus"),
        ],
    )  # fmt: skip
    def test_unrecognised_phrase_quoted(self, text: str, lang: str) -> None:
        with pytest.raises(RuleError) as err:
            parse_rule(text, lang)
        assert repr(" ".join(text.split())) in str(err.value)
        assert isinstance(err.value, DataError)

    def test_not_a_date(self) -> None:
        with pytest.raises(RuleError, match="31.02.2016"):
            parse_rule("вводится в действие с 31.02.2016", "rus")

    def test_unknown_language(self) -> None:
        with pytest.raises(RuleError, match="unknown language 'fra'"):
            parse_rule("entre en vigueur", "fra")


# -------------------------------------------- whole articles of the corpus


def para(n: int | str) -> str:
    return f"art_1__para_{n}"


def subs(base: str, *nums: int) -> list[str]:
    return [f"{base}__subpara_{n}" for n in nums]


def parts(base: str, *nums: int | range) -> list[str]:
    out: list[str] = []
    for n in nums:
        out.extend(f"{base}__part_{i}" for i in (n if isinstance(n, range) else [n]))
    return out


def sub(p: int, s: int) -> str:
    return f"{para(p)}__subpara_{s}"


def fixed(y: int, m: int, d: int) -> FixedDate:
    return FixedDate(D(y, m, d))


# file stem → (general rule, [(rule, places), ...]) — read from each law
ARTICLES: dict[str, tuple[object, list[tuple[object, list[str]]]]] = {
    "2012-04-27_15-V": (DAYS10, [
        (OnPublication(), [para(53)]),
        (fixed(2012, 7, 1), [para(3)]),
        (fixed(2011, 1, 1), [sub(8, 1)]),
        (fixed(2013, 1, 1), subs(para(8), 5, 6, 7) + parts(sub(46, 1), 2, 3, 6, 7) + subs(para(46), 2, 4)
         + parts(sub(46, 6), range(4, 22)) + subs(para(46), 7) + parts(sub(46, 8), 2, 3)
         + parts(sub(46, 9), 4, 5) + parts(sub(46, 10), 2, 3, 6, 7) + parts(sub(46, 12), range(5, 14))
         + parts(sub(46, 13), 25, 26) + subs(para(46), 15, 16)),
    ]),
    "2013-07-03_124-V": (DAYS10, []),
    "2014-01-13_159-V": (DAYS10, []),
    "2014-04-11_189-V": (DAYS10, [
        (fixed(2015, 1, 1), [sub(1, 13), sub(3, 1)] + parts(sub(3, 2), 2, 4) + subs(para(3), 3, 4, 5, 14)
         + parts(para(30), 3, 4)),
    ]),
    "2014-06-10_206-V": (DAYS10, [
        (MonthsAfterPublication(6), subs(para(5), 2, 5) + [sub(13, 5), para(23), para(26)]
         + parts(sub(29, 3), 4, 6) + subs(para(29), 6, 7) + parts(sub(29, 8), range(2, 26), range(33, 41))
         + subs(para(29), 10, 13) + parts(sub(29, 14), range(3, 11), range(14, 18), 19, 20)
         + parts(sub(29, 15), 2, 3) + parts(sub(29, 16), 5) + [sub(29, 17)] + parts(sub(29, 21), 11) + [para(32)]),
        (fixed(2014, 7, 1), parts(sub(13, 3), 2, 4)),
        (fixed(2015, 1, 1), parts(sub(13, 3), 3)),
    ]),
    "2014-07-03_227-V": (fixed(2015, 1, 1), []),
    "2014-07-04_233-V": (fixed(2015, 1, 1), [
        (DAYS10, [para(1), para(3), para(4), para(5), sub(11, 4)] + parts(sub(11, 9), 2, 3, 12)
         + [para(13), para(14), para(22), para(24), para(35)] + parts(sub(36, 2), 3)
         + [para(44), para(47), para(49)] + subs(para(50), 1, 2, 4, 8, 10) + [para(53), para(54)]),
    ]),
    "2014-11-03_244-V": (DAYS10, [
        (fixed(2015, 1, 2), [para(4)] + subs(para(5), 1, 2) + parts(sub(6, 1), 5, 6, 10) + parts(para(10), 4)
         + parts(sub(11, 1), 11, 16) + parts(sub(11, 3), 2) + [sub(13, 1)] + parts(sub(13, 2), 3)
         + [sub(15, 3), para(16)]),
    ]),
    "2014-11-07_248-V": (DAYS10, [(fixed(2015, 1, 1), [para(15), para(16), para(17), para(18)])]),
    "2015-10-29_376-V": (fixed(2016, 1, 1), [
        (fixed(2015, 1, 1), [para(65)]),
        (DAYS10, parts(sub(8, 5), 6, 7) + subs(para(11), 8, 9) + [para(22)] + parts(sub(23, 5), 4, 5)
         + parts(sub(23, 10), 4, 5, 6) + [sub(23, 13), para(90), para(111)]),
        (fixed(2017, 1, 1), subs(para(23), 1, 2, 3, 4) + parts(sub(23, 5), 2, 3) + parts(sub(23, 6), 2, 3, 4, 7, 8)
         + subs(para(23), 8, 9) + parts(sub(23, 10), 2, 3, 7) + subs(para(23), 11, 12, 14)
         + parts(sub(23, 15), 2) + subs(para(23), 16, 17, 18)),
        (fixed(2018, 1, 1), [sub(85, 23)]),
    ]),
    "2015-11-12_393-V": (DAYS10, [
        (fixed(2017, 1, 1), parts(sub(1, 8), 3)),
        (fixed(2019, 1, 1), [sub(1, 9)]),
    ]),
    "2015-11-23_417-V": (DAYS10, []),
    "2015-11-24_419-V": (fixed(2016, 1, 1), [
        (fixed(2017, 1, 1), parts(sub(35, 4), 6) + [sub(35, 10)] + parts(sub(35, 11), 4) + subs(para(35), 12, 14)),
    ]),
    "2015-12-04_435-V": (fixed(2016, 1, 1), [
        (fixed(2016, 1, 2), parts(sub(4, 1), 2) + subs(para(4), 5, 10)),
    ]),
    "2016-04-06_484-V": (DaysAfterPublication(30), [
        (DAYS10, [para(n) for n in (1, 2, 5, 6, 7, 10, 11, 12, 13)]),
        (fixed(2016, 1, 1), subs(para(12), 3, 9)),
    ]),
    "2016-07-26_12-VI": (DaysAfterPublication(30), [
        (fixed(2016, 6, 30), [para(25)]),
        (DAYS10, subs(para(7), 1, 3, 4)),
        (MonthsAfterPublication(2), subs(para(4), 1, 2, 3, 5, 9) + [para(6)] + parts(sub(8, 1), 4, 5, 6)
         + subs(para(8), 3, 4, 7, 8) + [para(22)]),
        (fixed(2017, 7, 1), [para(19)] + parts(sub(20, 2), 5, 6)),
    ]),
    "2016-12-28_36-VI": (MonthsAfterPublication(2), [
        (fixed(2017, 7, 1), [sub(22, 1)]),
        (fixed(2019, 1, 1), parts(sub(31, 2), 5)),
    ]),
    "2017-07-11_91-VI": (DAYS10, []),
    "2017-12-27_126-VI": (MonthsAfterPublication(6), [
        (fixed(2018, 1, 1), subs(para(5), 4, 15) + [para(10)]),
        (Chained(Period(5, Unit.YEARS), ThisAct()), subs(para(6), 1, 6)),
    ]),
    "2018-07-05_179-VI": (OnPublication(), []),
    "2018-12-28_210-VI": (DAYS10, [
        (fixed(2018, 1, 1), [sub(10, 5)]),
        (fixed(2018, 7, 1), subs(para(55), 1, 2) + parts(sub(55, 3), 1, 2, 6, 7, 8)),
        (fixed(2019, 1, 1), subs(para(10), 1, 2, 3, 4, 6, 7, 8, 9, 10) + parts(sub(55, 3), 3, 4, 5) + [sub(55, 4)]),
    ]),
    "2019-07-03_262-VI": (fixed(2020, 1, 1), [
        (DAYS10, parts(sub(13, 12), 5) + [sub(13, 22)] + subs(para(28), 9, 13) + parts(sub(29, 1), 4, 5)
         + subs(para(34), 3, 4) + [para(44)] + parts(sub(49, 6), 3, 4) + [para(50), sub(53, 3)]
         + [para(n) for n in (54, 57, 63, 66, 67, 68)]),
        (fixed(2020, 7, 1), [sub(2, 1)]),
        (fixed(2020, 12, 16), parts(sub(5, 18), 8) + [sub(9, 7)] + parts(sub(11, 6), 14, 15, 24)
         + parts(sub(19, 10), 4) + parts(sub(29, 5), 44) + parts(sub(29, 9), 60) + parts(sub(29, 13), 164)
         + parts(sub(41, 2), 3, 4) + subs(para(41), 3, 4, 6) + parts(sub(41, 7), 8, 9)
         + parts(sub(49, 14), 2) + parts(sub(56, 4), 9) + [sub(62, 3)]),
        (fixed(2021, 1, 1), [sub(9, 20)] + parts(sub(29, 9), range(61, 69))),
    ]),
    "2020-06-25_347-VI": (DAYS10, [
        (fixed(2023, 1, 1), parts(sub(17, 1), 2, 3) + [sub(17, 5), para(29)]),
    ]),
    "2020-07-03_357-VI": (DAYS10, []),
    "2020-07-07_361-VI": (DAYS10, [(Chained(Period(6, Unit.MONTHS), ThisAct()), [sub(5, 2)])]),
    "2020-10-06_365-VI": (DAYS10, []),
    "2020-11-16_375-VI": (DAYS10, []),
    "2021-12-27_87-VII": (DAYS10, [
        (fixed(2022, 1, 1), subs(para(3), 13, 15, 16)),
        (DaysAfterPublication(60), [para(29)]),
        (fixed(2022, 7, 1), parts(sub(3, 12), 7)),
    ]),
    "2022-05-21_123-VII": (MonthsAfterPublication(6), [
        ("tax code", [sub(13, 1)]),  # checked in TestChainedToAnotherAct
        (fixed(2022, 7, 1), parts(para(14), 9, 10)),
        (fixed(2023, 1, 1), subs(para(3), 5, 7, 8) + parts(para(14), range(3, 9))),
    ]),
    "2022-07-14_141-VII": (DAYS10, [
        (DaysAfterPublication(60), subs(para(31), 7, 8, 9) + parts(sub(31, 10), 3) + subs(para(40), 1, 2, 3)),
        (fixed(2023, 1, 1), [para(4)] + subs(para(9), *range(2, 13)) + [para(52)]
         + parts(sub(55, 1), 4, 8, 14, 19) + parts(sub(55, 4), range(4, 10)) + parts(sub(55, 10), 10)
         + parts(sub(55, 11), 3, 5) + parts(sub(55, 13), 4, 7, 10, 13, 16) + parts(sub(55, 14), 3, 4, 5)
         + parts(sub(55, 16), 4) + subs(para(55), 23, 24) + parts(sub(55, 35), 5) + parts(sub(55, 36), 3, 4)
         + [sub(55, 41)] + parts(sub(55, 42), 4) + [sub(55, 44)]),
        (fixed(2023, 7, 1), parts(sub(5, 1), 2, 3) + [para(6)] + subs(para(10), 6, 7, 8, 9) + parts(sub(20, 2), 2)
         + [sub(20, 3)] + parts(sub(20, 4), 2) + [para(35)]),
        (fixed(2024, 1, 1), subs(para(9), 1, 13, 14)),
        ("conditional", subs(para(40), 4, 5)),  # checked in TestConditional
    ]),
    "2011-01-06_379-IV": (DAYS10, [("by content", [])]),  # checked in TestExceptionByContent
    "2012-02-13_553-IV": (DAYS10, [(fixed(2013, 1, 1), [para(18)])]),
    "2012-02-16_562-IV": (DAYS10, [(fixed(2013, 1, 1), [sub(7, 1)])]),
    "2012-04-23_14-V": (DAYS10, []),
    "2013-01-16_71-V": (DAYS10, [(fixed(2013, 1, 1), [para(3), para(11), para(12)])]),
    "2014-04-07_185-V": (DAYS10, []),
}  # fmt: skip

SOURCES = sorted(NS_SOURCES.glob("*.md")) + sorted(FI_SOURCES.glob("*.md"))


def read_article(stem: str) -> str:
    path = NS_SOURCES / f"{stem}.md"
    return section(path if path.exists() else FI_SOURCES / f"{stem}.md", "b")


class TestCorpusArticles:
    """Every entry-into-force article of the corpus: 30 amending laws of
    527-IV and 11 of 277-IV, 36 acts in all (section "(b)" of each file)."""

    def test_every_article_has_expectations(self) -> None:
        stems = {p.stem for p in SOURCES}
        assert len(list(NS_SOURCES.glob("*.md"))) == 30
        assert stems == set(ARTICLES)
        assert len(ARTICLES) == 36

    @pytest.mark.parametrize("path", SOURCES, ids=[f"{p.parent.parent.name}/{p.stem}" for p in SOURCES])
    def test_article(self, path: Path) -> None:
        general, expected = ARTICLES[path.stem]
        com = parse_commencement(section(path, "b"), "rus")
        assert com.general == general
        got = [(e.rule, sorted(e.places)) for e in com.exceptions]
        assert len(got) == len(expected)
        for (rule, places), (want_rule, want_places) in zip(got, expected):
            assert places == sorted(want_places), want_rule
            if not isinstance(want_rule, str):
                assert rule == want_rule
        # no place is listed twice in one exception
        for e in com.exceptions:
            assert len(set(e.places)) == len(e.places)

    @pytest.mark.parametrize("stem", sorted(ARTICLES))
    def test_as_written_is_quoted_from_the_text(self, stem: str) -> None:
        text = read_article(stem)
        com = parse_commencement(text, "rus")
        assert com.as_written in text
        assert com.as_written.startswith("вводится в действие")
        for e in com.exceptions:
            assert e.as_written in text and e.clause in text
            assert e.as_written.startswith(("вводится", "вводятся"))

    def test_typos_are_read_not_corrected(self) -> None:
        com = parse_commencement(read_article("2018-12-28_210-VI"), "rus")
        assert com.exceptions[0].as_written == "вводится в действиес 1 января 2018 года"
        com = parse_commencement(read_article("2020-07-03_357-VI"), "rus")
        assert "истечениидесяти" in com.as_written

    def test_nested_exception(self) -> None:
        com = parse_commencement(read_article("2016-04-06_484-V"), "rus")
        outer, inner = com.exceptions
        assert outer.within is None and inner.within == 0
        # the inner exception wins for its own places, the outer one elsewhere
        assert com.rule_for("art_1__para_12__subpara_3") == (fixed(2016, 1, 1), inner.as_written)
        assert com.rule_for("art_1__para_12__subpara_4__part_2")[0] == DAYS10
        assert com.rule_for("art_1__para_3")[0] == DaysAfterPublication(30)

    def test_sunsets(self) -> None:
        com = parse_commencement(read_article("2015-10-29_376-V"), "rus")
        (sunset,) = com.sunsets
        assert sunset.until == D(2016, 1, 1)
        assert sunset.places == tuple(parts(sub(8, 5), 6, 7))
        assert com.expiry_for("art_1__para_8__subpara_5__part_7") == sunset
        assert com.expiry_for("art_1__para_8__subpara_5__part_5") is None
        com = parse_commencement(read_article("2021-12-27_87-VII"), "rus")
        (sunset,) = com.sunsets
        assert (sunset.until, sunset.places) == (D(2022, 7, 1), tuple(parts(sub(3, 12), 23, 24, 25)))

    def test_remarks_are_recorded(self) -> None:
        kinds = {
            stem: [r.kind for r in parse_commencement(read_article(stem), "rus").remarks]
            for stem in ("2014-07-04_233-V", "2012-04-27_15-V", "2015-11-12_393-V", "2016-07-26_12-VI",
                         "2017-12-27_126-VI", "2022-05-21_123-VII", "2011-01-06_379-IV")
        }  # fmt: skip
        assert kinds == {
            "2014-07-04_233-V": ["repeal"],
            "2012-04-27_15-V": ["footnote"],
            "2015-11-12_393-V": ["interim wording"],
            "2016-07-26_12-VI": ["other"],
            "2017-12-27_126-VI": ["interim wording"],
            "2022-05-21_123-VII": ["other"],
            "2011-01-06_379-IV": ["other", "other"],
        }
        interim = parse_commencement(read_article("2016-12-28_36-VI"), "rus").remarks[0]
        assert interim.places == (sub(22, 1),)

    def test_suspensions(self) -> None:
        # Article 2 of 262-VI in full: (b), (b2) and (b3) up to the signature
        path = NS_SOURCES / "2019-07-03_262-VI.md"
        text = "\n\n".join([section(path, "b"), section(path, "b2"), section(path, "b3").split("Президент")[0]])
        com = parse_commencement(text, "rus")
        first, second = com.suspensions
        assert (first.start, first.end, first.interim) == (D(2020, 1, 1), D(2020, 12, 16), True)
        assert sorted(first.places) == sorted(
            parts(sub(5, 8), 6) + parts(sub(5, 11), 5) + parts(sub(5, 15), 9) + parts(sub(5, 16), 4)
            + parts(sub(5, 18), 4, 6) + parts(sub(5, 22), 3) + parts(sub(11, 2), 2) + parts(sub(11, 5), 7, 9, 20)
            + parts(sub(11, 6), 36) + parts(sub(11, 14), 4, 6, 7) + parts(sub(29, 7), 10, 13, 16, 18, 22, 23)
            + parts(sub(29, 10), 3, 5) + parts(sub(29, 13), 5, 6, 7, 94, 96, 98, 100, 106, 120, 128)
            + parts(sub(41, 7), 3, 12) + parts(sub(56, 1), 2)
        )  # fmt: skip
        assert (second.start, second.end, second.places) == (D(2020, 1, 1), D(2022, 1, 1), tuple(parts(sub(52, 1), 3)))
        assert com.suspensions_for("art_1__para_52__subpara_1__part_3") == (second,)
        assert [r.kind for r in com.remarks] == ["other"] * 5 + ["transitional", "transitional"]
        assert com.remarks[5].places == tuple(parts(sub(13, 12), 5))


class TestChainedToAnotherAct:
    def test_anchor_kept_as_written(self) -> None:
        text = read_article("2022-05-21_123-VII")
        rule = parse_commencement(text, "rus").exceptions[0].rule
        assert isinstance(rule, Chained)
        assert rule.period == Period(6, Unit.MONTHS)
        assert isinstance(rule.anchor, OtherAct)
        assert rule.anchor.as_written in text
        assert rule.anchor.as_written.startswith("изменений и дополнений в")
        assert rule.anchor.as_written.endswith("в области здравоохранения")


class TestConditional:
    def test_two_dates_for_two_addressees(self) -> None:
        com = parse_commencement(read_article("2022-07-14_141-VII"), "rus")
        rule = com.exceptions[-1].rule
        assert isinstance(rule, Conditional)
        first, second = rule.branches
        assert first.rule == fixed(2024, 1, 1) and second.rule == fixed(2024, 7, 1)
        assert first.condition.startswith("для оптовых поставщиков") and "свыше десяти тысяч" in first.condition
        assert "равным или менее десяти тысяч" in second.condition


class TestExceptionByContent:
    def test_379_iv(self) -> None:
        com = parse_commencement(read_article("2011-01-06_379-IV"), "rus")
        (special,) = com.exceptions
        assert special.places == ()
        assert special.rule == fixed(2012, 1, 1)
        assert special.scope is not None and special.scope.startswith("норм, упраздняющих права")
        # no place is covered by it: the rule for a place is the general one
        assert com.rule_for("art_1__para_28")[0] == DAYS10


class TestLawsOwnArticle30:
    """Article 30 of 527-IV itself: an exception "в части ..." whose rule
    comes in a paragraph of its own."""

    def test_russian(self) -> None:
        text = article_until(RUS_2021, "### Статья 30.", "Сноска. Статья 30")
        com = parse_commencement(text, "rus")
        assert com.general == DAYS10
        (special,) = com.exceptions
        assert special.places == ("art_20__para_4__subpara_2",)
        assert special.rule == fixed(2015, 1, 1)
        assert special.in_part is not None and special.in_part.startswith("в части запрета транзита")
        assert [r.kind for r in com.remarks] == ["heading", "repeal"]

    def test_english(self) -> None:
        text = article_until(ENG_SEED, "Article 30. The procedure", "Footnote. Article 30")
        com = parse_commencement(text, "eng")
        assert com.general == DAYS10
        (special,) = com.exceptions
        assert (special.places, special.rule) == (("art_20__para_4__subpara_2",), fixed(2015, 1, 1))
        assert special.in_part is not None and special.in_part.startswith("regarding the prohibition")

    def test_kazakh_reads_as_the_russian(self) -> None:
        # «... транзитіне тыйым салу бөлігінде 20-баптың 4-тармағының 2) тармақшасын қоспағанда»,
        # its rule in the next paragraph: the Russian reading, word for word
        text = article_until(KAZ_2014, "### 30-бап.", "Ескерту. 30-бап")
        com = parse_commencement(text, "kaz")
        assert com.general == DAYS10
        (special,) = com.exceptions
        assert (special.places, special.rule) == (("art_20__para_4__subpara_2",), fixed(2015, 1, 1))
        assert special.in_part is not None and special.in_part.endswith("транзитіне тыйым салу бөлігінде")
        assert [r.kind for r in com.remarks] == ["heading", "repeal"]

    def test_kazakh_plain_article(self) -> None:
        com = parse_commencement(
            "1-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
            "kaz",
        )
        assert com.general == DAYS10


class TestParseCommencementShapes:
    def test_article_said_once_at_the_end_applies_to_the_whole_list(self) -> None:
        com = parse_commencement(
            "Статья 2. Настоящий Закон вводится в действие с 1 января 2015 года, за исключением пункта 3, "
            "который вводится в действие с 1 июля 2014 года, подпунктов 1) и 2) пункта 5 статьи 1, которые "
            "вводятся в действие с 1 сентября 2014 года.",
            "rus",
        )
        assert [e.places for e in com.exceptions] == [(para(3),), (sub(5, 1), sub(5, 2))]

    def test_a_comma_separates_siblings_a_space_names_a_container(self) -> None:
        com = parse_commencement(
            "Настоящий Закон вводится в действие с 1 января 2015 года, за исключением абзаца второго, "
            "подпункта 3) пункта 5 статьи 1, которые вводятся в действие с 1 июля 2015 года.",
            "rus",
        )
        assert com.exceptions[0].places == (f"{para(5)}__part_2", sub(5, 3))

    def test_ranges_and_ordinals_as_words(self) -> None:
        com = parse_commencement(
            "Настоящий Закон вводится в действие с 1 января 2015 года, за исключением абзацев "
            "девяносто восьмого – сто первого, сто шестьдесят четвертого и сорокового подпункта 2) "
            "пункта 1 статьи 1, подпунктов 5)–7) пункта 2 статьи 1, пунктов 8–10 статьи 1, "
            "которые вводятся в действие с 1 июля 2015 года.",
            "rus",
        )
        assert com.exceptions[0].places == tuple(
            parts(sub(1, 2), 98, 99, 100, 101, 164, 40) + subs(para(2), 5, 6, 7) + [para(8), para(9), para(10)]
        )

    def test_hyphenated_numbers(self) -> None:
        com = parse_commencement(
            "Настоящий Закон вводится в действие с 1 января 2015 года, за исключением подпункта 8-1) "
            "пункта 2-1 статьи 1, который вводится в действие с 1 июля 2015 года.",
            "rus",
        )
        assert com.exceptions[0].places == ("art_1__para_2-1__subpara_8-1",)

    def test_unrecognised_commencement_sentence_fails(self) -> None:
        with pytest.raises(RuleError, match="unrecognised"):
            parse_commencement(
                "Статья 2.\n\n1. Настоящий Закон вводится в действие с 1 января 2015 года.\n\n"
                "2. Отдельные нормы вводятся в действие по усмотрению Правительства.",
                "rus",
            )

    def test_unrecognised_general_rule_fails(self) -> None:
        with pytest.raises(RuleError, match="по усмотрению"):
            parse_commencement("Настоящий Закон вводится в действие по усмотрению Правительства.", "rus")

    def test_paragraph_not_about_commencement_is_kept(self) -> None:
        com = parse_commencement(
            "Статья 2.\n\n1. Настоящий Закон вводится в действие с 1 января 2015 года.\n\n"
            "2. Правительству Республики Казахстан привести свои акты в соответствие с настоящим Законом.",
            "rus",
        )
        assert [r.kind for r in com.remarks] == ["other"]
        assert com.remarks[0].text.startswith("Правительству")

    def test_no_general_rule(self) -> None:
        with pytest.raises(RuleError, match="no general rule"):
            parse_commencement("Статья 2. Признать утратившим силу Закон от 1 января 2000 года.", "rus")

    def test_exception_without_article(self) -> None:
        with pytest.raises(RuleError, match="no article"):
            parse_commencement(
                "Настоящий Закон вводится в действие с 1 января 2015 года, за исключением подпункта 3) "
                "пункта 5, который вводится в действие с 1 июля 2015 года.",
                "rus",
            )

    def test_excepted_without_a_rule(self) -> None:
        with pytest.raises(RuleError, match="no rule given"):
            parse_commencement(
                "Настоящий Закон вводится в действие с 1 января 2015 года, за исключением пункта 5 статьи 1.", "rus"
            )

    def test_looks_like_article(self) -> None:
        assert looks_like_article(read_article("2016-04-06_484-V"), "rus")
        assert not looks_like_article("вводится в действие с 01.01.2016", "rus")
        assert not looks_like_article("shall be enforced from 01.01.2016", "eng")


# ---------------------------------------------------------- properties

_UNITS_GEN = ["", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"]
_TEENS_GEN = ["десяти", "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати",
              "шестнадцати", "семнадцати", "восемнадцати", "девятнадцати"]  # fmt: skip
_TENS_GEN = ["", "", "двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти", "семидесяти",
             "восьмидесяти", "девяноста"]  # fmt: skip
_ORD_UNITS = ["", "первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого",
              "восьмого", "девятого"]  # fmt: skip
_ORD_TEENS = ["десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого",
              "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого", "девятнадцатого"]  # fmt: skip
_ORD_TENS = ["", "", "двадцатого", "тридцатого", "сорокового", "пятидесятого", "шестидесятого",
             "семидесятого", "восьмидесятого", "девяностого"]  # fmt: skip
_TENS_NOM = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
             "восемьдесят", "девяносто"]  # fmt: skip


def russian_genitive(n: int) -> str:
    """1..99 in the genitive, as "по истечении N ..." writes it."""
    if n < 10:
        return _UNITS_GEN[n]
    if n < 20:
        return _TEENS_GEN[n - 10]
    tens, ones = divmod(n, 10)
    return _TENS_GEN[tens] + (f" {_UNITS_GEN[ones]}" if ones else "")


def russian_ordinal(n: int) -> str:
    """1..199 as a genitive ordinal ("сто шестьдесят четвертого")."""
    head = ""
    if n >= 100:
        if n == 100:
            return "сотого"
        head, n = "сто ", n - 100
    if n < 10:
        return head + _ORD_UNITS[n]
    if n < 20:
        return head + _ORD_TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return head + (f"{_TENS_NOM[tens]} {_ORD_UNITS[ones]}" if ones else _ORD_TENS[tens])


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(st.integers(1, 99), st.sampled_from(["после дня его", "после его", "со дня его"]), st.booleans())
    def test_days_in_words(self, n: int, tail: str, squeeze: bool) -> None:
        words = russian_genitive(n)
        text = f"вводится в действие по истечении {words} календарных дней {tail} первого официального опубликования"
        if squeeze:  # the typos of the official texts: words run together
            text = text.replace(f"истечении {words} календарных", f"истечении{words}календарных")
        assert parse_rule(text, "rus") == DaysAfterPublication(n)

    @settings(max_examples=60, deadline=None)
    @given(st.integers(1, 199), st.integers(1, 30))
    def test_ordinals_in_words(self, n: int, item: int) -> None:
        com = parse_commencement(
            f"Настоящий Закон вводится в действие с 1 января 2015 года, за исключением абзаца "
            f"{russian_ordinal(n)} подпункта 2) пункта {item} статьи 1, который вводится в действие "
            "с 1 июля 2015 года.",
            "rus",
        )
        assert com.exceptions[0].places == (f"art_1__para_{item}__subpara_2__part_{n}",)

    @settings(max_examples=40, deadline=None)
    @given(st.dates(D(1995, 1, 1), D(2040, 12, 31)))
    def test_fixed_dates_in_every_form(self, day: dt.date) -> None:
        months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                  "октября", "ноября", "декабря"]  # fmt: skip
        assert parse_rule(f"вводится в действие с {day.day} {months[day.month - 1]} {day.year} года", "rus") == FixedDate(day)
        assert parse_rule(f"вводится в действие с {day:%d.%m.%Y}", "rus") == FixedDate(day)
        assert parse_rule(f"shall be enforced from {day:%d.%m.%Y}", "eng") == FixedDate(day)
        assert parse_rule(f"{day:%Y.%m.%d} бастап қолданысқа енгізіледі", "kaz") == FixedDate(day)
