"""Numerals of the acts, written once: Russian, Kazakh and English cardinals
(«десяти календарных дней», «күнтізбелік он күн», "ten calendar days") and
ordinals («абзац двадцать пятый», «екінші абзацы», "the second part").

Every reader of legal prose that meets a number in words takes it from here:
the commencement rules count periods in cardinals, the addresses of
unnumbered blocks (абзацы, части, бөліктер) are ordinals.  Two things are
offered per language and kind:

* :func:`pattern` — a regular expression (no groups, lower case) matching
  one numeral, compounds included («сто шестьдесят четвертого», «алпыс
  төртінші», "twenty-first"), longest alternatives first so that
  «шестидесяти» is tried before «шести».  It has no boundary at its end:
  the caller says what may follow (the texts glue words: «десятикалендарных»,
  «четвертогоподпункта»).
* :func:`ordinal` and :func:`cardinal` — the value of a numeral as written.

Text is matched in lower case with «ё» as «е» and, in Kazakh, Latin «i» as
Cyrillic «і» (the Kazakh texts mix them); :func:`fold` makes that view, of
the same length as the text.  Anything that is not a numeral of the language
raises :class:`~consolidate.errors.ParseError`: no value is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ..errors import ParseError

__all__ = ["KINDS", "LANGS", "MONTHS", "alternation", "cardinal", "fold", "ordinal", "pattern"]

LANGS = ("rus", "kaz", "eng")
KINDS = ("cardinal", "ordinal")


def fold(text: str, lang: str) -> str:
    """The text as numerals and unit words are matched: lower case, «ё» as «е»,
    Kazakh Latin «i» as «і»; always of the same length as ``text``, so a span
    found in it is a span of the text as written."""
    # the whole string at C speed: no letter lowers to fewer letters, so the same length means
    # none grew; a capital sigma alone lowers by its context (final ς), so it goes letter by letter
    view = text.lower()
    if len(view) != len(text) or "Σ" in text:
        view = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    view = view.replace("ё", "е")
    if lang == "kaz":
        view = view.replace("i", "і")
    return view


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first ("шестидесяти" before "шести")."""
    return "|".join(sorted(set(map(re.escape, words)), key=lambda w: (-len(w), w)))


def _table(forms: Mapping[int, tuple[str, ...]]) -> dict[str, int]:
    return {word: value for value, words in forms.items() for word in words}


# --- Russian -----------------------------------------------------------------

# cardinals in all their case forms ("ё" written "е", as :func:`fold` gives it)
_RU_UNITS = _table({
    1: ("один", "одного", "одному", "одним", "одном", "одна", "одной", "одну", "одною", "одно"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трем", "тремя"),
    4: ("четыре", "четырех", "четырем", "четырьмя"),
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи", "семью"),
    8: ("восемь", "восьми", "восемью", "восьмью"),
    9: ("девять", "девяти", "девятью"),
})  # fmt: skip
_RU_TEENS = _table({
    n: (w + "ь", w + "и", w + "ью")
    for n, w in {10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
                 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат"}.items()
})  # fmt: skip
_RU_TENS_FORMS = {
    20: ("двадцать", "двадцати", "двадцатью"),
    30: ("тридцать", "тридцати", "тридцатью"),
    40: ("сорок", "сорока"),
    50: ("пятьдесят", "пятидесяти", "пятьюдесятью"),
    60: ("шестьдесят", "шестидесяти", "шестьюдесятью"),
    70: ("семьдесят", "семидесяти", "семьюдесятью"),
    80: ("восемьдесят", "восьмидесяти", "восемьюдесятью"),
    90: ("девяносто", "девяноста"),
}  # fmt: skip
_RU_HUNDREDS_FORMS = {
    100: ("сто", "ста"),
    200: ("двести", "двухсот", "двумстам", "двумястами", "двухстах"),
    300: ("триста", "трехсот", "тремстам", "тремястами", "трехстах"),
    400: ("четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах"),
    500: ("пятьсот", "пятисот", "пятистам", "пятьюстами", "пятистах"),
    600: ("шестьсот", "шестисот", "шестистам", "шестьюстами", "шестистах"),
    700: ("семьсот", "семисот", "семистам", "семьюстами", "семистах"),
    800: ("восемьсот", "восьмисот", "восьмистам", "восьмьюстами", "восьмистах"),
    900: ("девятьсот", "девятисот", "девятистам", "девятьюстами", "девятистах"),
}  # fmt: skip
_RU_TENS, _RU_HUNDREDS = _table(_RU_TENS_FORMS), _table(_RU_HUNDREDS_FORMS)
# the words before the last one of a compound ordinal are cardinals in the
# nominative (the first form above): «сто шестьдесят четвертого», «двадцать первой»
_RU_TENS_NOM = {forms[0]: n for n, forms in _RU_TENS_FORMS.items()}
_RU_HUNDREDS_NOM = {forms[0]: n for n, forms in _RU_HUNDREDS_FORMS.items()}
# ordinal stems (the word without its case ending) and their values
_RU_ORD_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
    "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70,
    "восьмидесят": 80, "девяност": 90, "сот": 100, "двухсот": 200, "трехсот": 300, "четырехсот": 400,
    "пятисот": 500, "шестисот": 600, "семисот": 700, "восьмисот": 800, "девятисот": 900,
}  # fmt: skip
# every case ending of an ordinal, hard («второго», «первую») and soft («третьего», «третью»)
_RU_ORD_ENDINGS = (
    "ьего", "ьему", "ьими", "ьим", "ьем", "ьей", "ьих", "ья", "ье", "ьи", "ью", "ий",
    "ого", "ому", "ыми", "ым", "ый", "ой", "ом", "ая", "ую", "ое", "ые", "ых",
)  # fmt: skip

# --- Kazakh ------------------------------------------------------------------

_KZ_UNITS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9}
_KZ_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70,
            "сексен": 80, "тоқсан": 90}  # fmt: skip
_KZ_HUNDRED = {"жүз": 100}
_KZ_UNITS_ORD = {"бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5, "алтыншы": 6,
                 "жетінші": 7, "сегізінші": 8, "тоғызыншы": 9}  # fmt: skip
_KZ_TENS_ORD = {"оныншы": 10, "жиырмасыншы": 20, "отызыншы": 30, "қырқыншы": 40, "елуінші": 50,
                "алпысыншы": 60, "жетпісінші": 70, "сексенінші": 80, "тоқсаныншы": 90}  # fmt: skip
_KZ_HUNDRED_ORD = {"жүзінші": 100}
_KZ_LETTER = "а-яәғқңөұүһі"

# --- English -----------------------------------------------------------------

_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
             "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}  # fmt: skip
_EN_UNITS_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9}  # fmt: skip
_EN_TEENS_ORD = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_EN_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                "seventieth": 70, "eightieth": 80, "ninetieth": 90}  # fmt: skip


# --- months (a date's month in words) ------------------------------------------

#: the month words as dates write them: Russian genitive («6 января»), Kazakh
#: stem (the suffix follows: «қаңтардағы», «қаңтардан»), English name
MONTHS: Mapping[str, Mapping[str, int]] = {
    "rus": {m: i for i, m in enumerate(("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                        "сентября", "октября", "ноября", "декабря"), start=1)},
    "kaz": {m: i for i, m in enumerate(("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
                                        "қыркүйек", "қазан", "қараша", "желтоқсан"), start=1)},
    "eng": {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), start=1)},
}  # fmt: skip


def _alt(*tables: Mapping[str, int]) -> str:
    return "(?:" + alternation(w for t in tables for w in t) + ")"


@lru_cache(maxsize=None)
def _patterns(lang: str, kind: str, grouped: bool) -> str:
    """The regex of one numeral; ``grouped`` names the pieces (for reading a value)."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if grouped else body

    if lang == "rus":
        h, t = _alt(_RU_HUNDREDS), _alt(_RU_TENS)
        u = _alt(_RU_TEENS, _RU_UNITS)
        if kind == "cardinal":
            return (f"(?:{g('h', h)}(?:\\s*{g('t', t)})?(?:\\s*{g('u', u)})?"
                    f"|{g('t2', t)}(?:\\s*{g('u2', u)})?|{g('u3', u)})")
        stem = g("stem", _alt(_RU_ORD_STEMS))
        return (f"(?:{g('h', _alt(_RU_HUNDREDS_NOM))}\\s*)?(?:{g('t', _alt(_RU_TENS_NOM))}\\s*)?"
                f"{stem}(?:{alternation(_RU_ORD_ENDINGS)})")
    if lang == "kaz":
        # a word ends where no Kazakh letter follows: «он» is not «оныншы»
        end = f"(?![{_KZ_LETTER}])"
        u, t, hundred = _alt(_KZ_UNITS) + end, _alt(_KZ_TENS) + end, _alt(_KZ_HUNDRED) + end
        hundreds = f"(?:(?:{u}\\s+)?{hundred})"
        if kind == "cardinal":
            tail = f"(?:{t}(?:\\s+{u})?|{u})"
            return f"(?:{hundreds}(?:\\s+{tail})?|{tail})"
        last_unit = f"(?:{hundreds}\\s+)?(?:{t}\\s+)?{_alt(_KZ_UNITS_ORD)}"
        last_ten = f"(?:{hundreds}\\s+)?{_alt(_KZ_TENS_ORD)}"
        last_hundred = f"(?:{u}\\s+)?{_alt(_KZ_HUNDRED_ORD)}"
        return f"(?:{last_unit}|{last_ten}|{last_hundred})"
    if lang == "eng":
        end = r"\b"
        if kind == "cardinal":
            return (f"(?:{_alt(_EN_TENS)}(?:[- ]{_alt(_EN_UNITS)})?{end}"
                    f"|{_alt(_EN_TEENS, _EN_UNITS)}{end})")
        return (f"(?:{_alt(_EN_TENS)}[- ]{_alt(_EN_UNITS_ORD)}{end}"
                f"|{_alt(_EN_TENS_ORD, _EN_TEENS_ORD, _EN_UNITS_ORD)}{end})")
    raise ParseError(f"numerals: expected a language among {', '.join(LANGS)}, got {lang!r}")


def pattern(lang: str, kind: str) -> str:
    """The regex (lower case, no groups, no end boundary) of one ``kind``
    ("cardinal" or "ordinal") numeral of ``lang``, to match on :func:`fold`'s view."""
    if kind not in KINDS:
        raise ParseError(f"numerals: expected a kind among {', '.join(KINDS)}, got {kind!r}")
    return _patterns(lang, kind, False)


_WORD_VALUES = {
    "kaz": {**_KZ_UNITS, **_KZ_TENS, **_KZ_HUNDRED, **_KZ_UNITS_ORD, **_KZ_TENS_ORD, **_KZ_HUNDRED_ORD},
    "eng": {**_EN_UNITS, **_EN_TEENS, **_EN_TENS, **_EN_UNITS_ORD, **_EN_TEENS_ORD, **_EN_TENS_ORD},
}


def _value(text: str, lang: str, kind: str) -> int:
    view = fold(" ".join(text.split()), lang)
    found = re.fullmatch(_patterns(lang, kind, True) if lang == "rus" else _patterns(lang, kind, False), view)
    if found is None:
        article = "an" if kind == "ordinal" else "a"
        raise ParseError(f"expected {article} {kind} numeral in {lang}, found {text!r}")
    if lang == "rus":
        parts = found.groupdict()
        total = 0
        for name, word in parts.items():
            if word is None:
                continue
            table = {"h": _RU_HUNDREDS, "t": _RU_TENS, "t2": _RU_TENS, "stem": _RU_ORD_STEMS}.get(
                name, {**_RU_TEENS, **_RU_UNITS})
            total += table[word]
        return total
    # Kazakh «бір жүз жиырма бесінші»: a unit before «жүз» multiplies it
    total = pending = 0
    for word in re.split(r"[\s-]+", view):
        value = _WORD_VALUES[lang][word]
        if value == 100:
            total += (pending or 1) * 100
            pending = 0
        else:
            pending += value
    return total + pending


def ordinal(text: str, lang: str) -> int:
    """The value of an ordinal as written: «второй», «двадцать первой», «сто
    шестьдесят четвертого», «екінші», «алпыс төртінші», "second",
    "twenty-first" → 2, 21, 164, 2, 64, 2, 21."""
    return _value(text, lang, "ordinal")


def cardinal(text: str, lang: str) -> int:
    """The value of a cardinal as written: «десяти», «шестидесяти», «он», «алпыс», "ten" → 10, 60, 10, 60, 10."""
    return _value(text, lang, "cardinal")
