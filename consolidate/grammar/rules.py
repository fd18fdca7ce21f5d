"""Reading commencement rules as the acts write them, in Russian, Kazakh and
English, into the rule objects of :mod:`consolidate.commencement`.

Two entry points:

* :func:`parse_rule` reads one rule ("вводится в действие по истечении
  десяти календарных дней после дня его первого официального опубликования",
  "shall be enforced from 01.01.2016", "2012.01.01 бастап қолданысқа
  енгізіледі"): a footnote's parenthesis, or the rule the CLI is given.
* :func:`parse_commencement` reads a whole entry-into-force article: the
  general rule, its exceptions addressed by the amending act's own structure
  ("за исключением подпункта 13) пункта 1 ... статьи 1, которые вводятся в
  действие с 1 января 2015 года"), numbered exception lists, separate
  paragraphs, nested exceptions, sunsets ("действуют до ..."), suspensions
  ("Приостановить с ... до ...") and the paragraphs that are not about
  commencement (kept as remarks).

Kazakh says the same things in the other order, and is read into the same
values: the rule before the places it is for and the verb last («Осы Заң,
2013 жылғы 1 қаңтардан бастап қолданысқа енгізілетін 1-баптың 18-тармағын
қоспағанда, ... қолданысқа енгізіледі»), the container before its units
(«1-баптың 8-тармағының 5), 6) және 7) тармақшаларын»), «... дейін
қолданылады деп белгіленсін» for a sunset, «... қолданысы ... дейін тоқтатыла
тұрсын» for a suspension, «... деп белгіленсін» for "Установить, что".

The official texts have typos ("истечениидесяти", "десятикалендарных",
"действиес", "55статьи", "четвертогоподпункта", doubled spaces); the grammar
tolerates missing or doubled spaces between words instead of correcting the
text.  Matching runs on a copy of the text of the same length (lower case,
"ё" as "е", Kazakh Latin "i" as Cyrillic "і"), so every span read points
into the text as written, and ``as_written`` values are exact substrings.
A phrase the grammar does not know raises :class:`RuleError` quoting it;
nothing defaults.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import lru_cache

import attrs

from ..commencement import (
    Branch,
    Chained,
    Commencement,
    Conditional,
    DayAfterPublication,
    DaysAfterPublication,
    FixedDate,
    MonthsAfterPublication,
    OnPublication,
    OnSigning,
    OtherAct,
    Period,
    Remark,
    Rule,
    SpecialRule,
    Sunset,
    Suspension,
    ThisAct,
    Unit,
    YearsAfterPublication,
    effective,
)
from ..model import Effective
from ..errors import RuleError
from ..numbering import format_eid

from ..languages import LANGS
from . import numerals
from .addresses import encloses, word_pattern
from .numerals import alternation as _alternation, fold


@lru_cache(maxsize=None)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _flat(text: str) -> str:
    return " ".join(text.split())


class _Scanner:
    """A position in a text, moved by matching patterns on its match view.

    ``take`` skips whitespace first, so a grammar tolerates doubled and
    missing spaces alike; failed alternatives restore ``pos``.
    """

    def __init__(self, text: str, lang: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.lang = lang
        self.m = fold(text, lang)
        self.pos = start
        self.end = len(text) if end is None else end

    def ws(self) -> None:
        while self.pos < self.end and self.m[self.pos].isspace():
            self.pos += 1

    def at(self, pattern: str) -> re.Match[str] | None:
        save = self.pos
        self.ws()
        found = _rx(pattern).match(self.m, self.pos, self.end)
        self.pos = save
        return found

    def take(self, pattern: str) -> re.Match[str] | None:
        save = self.pos
        self.ws()
        found = _rx(pattern).match(self.m, self.pos, self.end)
        if found is None:
            self.pos = save
            return None
        self.pos = found.end()
        return found

    def find(self, pattern: str, start: int | None = None) -> re.Match[str] | None:
        return _rx(pattern).search(self.m, self.pos if start is None else start, self.end)

    def done(self) -> bool:
        save = self.pos
        self.ws()
        at_end = self.pos >= self.end
        self.pos = save
        return at_end

    def rest(self) -> str:
        return self.text[self.pos : self.end].strip()


# ------------------------------------------------------------- numbers


def _number(sc: _Scanner, kind: str = "cardinal") -> int | None:
    """A number at the scanner, in digits («10») or in words («десяти», «он»,
    "ten"; «второго» for ``kind="ordinal"``, from :mod:`.numerals`)."""
    if kind == "cardinal" and (d := sc.take(r"\d+\b" if sc.lang == "eng" else r"\d+")):
        return int(d.group())
    if w := sc.take(numerals.pattern(sc.lang, kind)):
        return numerals.ordinal(w.group(), sc.lang) if kind == "ordinal" else numerals.cardinal(w.group(), sc.lang)
    return None


# --------------------------------------------------------------- dates

_RU_MONTHS, _KZ_MONTHS, _EN_MONTHS = (numerals.MONTHS[lang] for lang in ("rus", "kaz", "eng"))


def _make_date(sc: _Scanner, y: str, m: int | str, d: str, start: int) -> _dt.date:
    try:
        return _dt.date(int(y), int(m), int(d))
    except ValueError:
        raise RuleError(
            f"not a calendar date: {sc.text[start:sc.pos].strip()!r} (expected day, month and year of a real date)"
        ) from None


def _numeric_date(sc: _Scanner) -> _dt.date | None:
    start = sc.pos
    if g := sc.take(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"):
        return _make_date(sc, g["y"], g["m"], g["d"], start)
    if g := sc.take(r"(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?!\d)"):
        return _make_date(sc, g["y"], g["m"], g["d"], start)
    return None


def _ru_date(sc: _Scanner) -> _dt.date | None:
    start = sc.pos
    if g := sc.take(rf"(?P<d>\d{{1,2}})\s*(?P<mon>{_alternation(_RU_MONTHS)})\s*(?P<y>\d{{4}})(?:\s*года|\s*г\.)?"):
        return _make_date(sc, g["y"], _RU_MONTHS[g["mon"]], g["d"], start)
    day = _numeric_date(sc)
    if day is not None:
        sc.take(r"года(?![а-я])")
    return day


def _en_date(sc: _Scanner) -> _dt.date | None:
    start = sc.pos
    months = _alternation(_EN_MONTHS)
    if g := sc.take(rf"(?P<mon>{months})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"):
        return _make_date(sc, g["y"], _EN_MONTHS[g["mon"]], g["d"], start)
    if g := sc.take(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{months}),?\s+(?P<y>\d{{4}})"):
        return _make_date(sc, g["y"], _EN_MONTHS[g["mon"]], g["d"], start)
    return _numeric_date(sc)


def _kz_date(sc: _Scanner) -> _dt.date | None:
    start = sc.pos
    if g := sc.take(
        rf"(?P<y>\d{{4}})\s*жылғы\s*(?P<d>\d{{1,2}})\s*(?P<mon>{_alternation(_KZ_MONTHS)})"
        r"(?:дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|а|е)?(?![а-яәғқңөұүһі])"
    ):
        return _make_date(sc, g["y"], _KZ_MONTHS[g["mon"]], g["d"], start)
    day = _numeric_date(sc)
    if day is not None:
        sc.take(r"(?:жылдан|ж\.)")
    return day


# --------------------------------------------------------------- rules

_RU_PUBLICATION = r"(?:после|со|с)\s*(?:дня|даты)?\s*(?:его|их)?\s*первого\s*официального\s*опубликования"
_RU_VERB = r"(?:вводится|вводятся)\s*в\s*действие"
# the unit of a period after its number: «десяти календарных дней», «он күн», "ten calendar days"
_PERIOD_UNIT = {
    "rus": r"(?:календарн(?:ых|ого|ый|ые)\s*)?(?P<u>дней|дня|день|месяцев|месяца|месяц|лет|года|год)(?![а-я])",
    "kaz": r"(?P<u>күн|ай|жыл)(?![а-яәғқңөұүһі])",
    "eng": r"(?:calendar\s+)?(?P<u>days?|months?|years?)\b",
}
# the unit a word names, by its first letter (distinct across the languages)
_UNIT_BY_LETTER = {
    "д": Unit.DAYS, "м": Unit.MONTHS, "л": Unit.YEARS, "г": Unit.YEARS,
    "к": Unit.DAYS, "а": Unit.MONTHS, "ж": Unit.YEARS,
    "d": Unit.DAYS, "m": Unit.MONTHS, "y": Unit.YEARS,
}  # fmt: skip


def _period(sc: _Scanner) -> Period | None:
    """A period at the scanner («десяти календарных дней», «он күн», "six
    months"), or ``None`` (the scanner unmoved) when there is none."""
    save = sc.pos
    n = _number(sc)
    unit = sc.take(_PERIOD_UNIT[sc.lang]) if n is not None else None
    if n is None or unit is None:
        sc.pos = save
        return None
    if n < 1:
        raise RuleError(f"a period of {sc.text[save:sc.pos].strip()!r}: expected at least one day, month or year")
    return Period(n, _UNIT_BY_LETTER[unit["u"][0]])


def _publication_rule(period: Period) -> Rule:
    match period.unit:
        case Unit.DAYS:
            return DaysAfterPublication(period.n)
        case Unit.MONTHS:
            return MonthsAfterPublication(period.n)
        case Unit.YEARS:
            return YearsAfterPublication(period.n)
        case _:  # pragma: no cover - closed enum
            raise RuleError(f"unknown unit {period.unit!r}")


def _anchor_to(sc: _Scanner, end: int) -> OtherAct:
    """An anchor outside the act: the rest of the clause, as written."""
    sc.ws()
    stop = end
    while stop > sc.pos and (sc.text[stop - 1].isspace() or sc.text[stop - 1] in ".;,"):
        stop -= 1
    written = sc.text[sc.pos : stop]
    if not written:
        raise RuleError("a rule counted from another act's entry into effect names no act")
    sc.pos = stop
    return OtherAct(written)


_EN_PUBLICATION = r"(?:its|their|the)\s+first\s+official\s+publication"
# the rules that are one phrase each, tried in this order
_PHRASES: dict[str, tuple[tuple[str, Rule], ...]] = {
    "rus": (
        (r"(?:со\s*дня|с\s*момента)\s*(?:его|их)?\s*первого\s*официального\s*опубликования", OnPublication()),
        (r"после\s*(?:дня\s*)?(?:его|их)?\s*первого\s*официального\s*опубликования", DayAfterPublication()),
        (r"со\s*дня\s*(?:его\s*)?(?:подписания|принятия)", OnSigning()),
    ),
    "eng": (
        # the Adilet translation renders "со дня его первого официального
        # опубликования" (179-VI) as "after its first official publication"
        (rf"(?:after|upon|from|on)\s+{_EN_PUBLICATION}", OnPublication()),
        (rf"(?:from|on|as\s+of)\s+the\s+(?:date|day)\s+of\s+{_EN_PUBLICATION}", OnPublication()),
        (rf"after\s+the\s+(?:date|day)\s+of\s+{_EN_PUBLICATION}", DayAfterPublication()),
        (r"(?:from|on|as\s+of)\s+the\s+(?:date|day)\s+of\s+(?:its\s+)?signing\b", OnSigning()),
    ),
    "kaz": (
        (r"алғашқы\s*ресми\s*жарияланған\s*күнінен\s*бастап", OnPublication()),
        (r"қол\s*қойылған\s*күнінен\s*бастап", OnSigning()),
    ),
}


def _phrase_rule(sc: _Scanner) -> Rule | None:
    for phrase, rule in _PHRASES[sc.lang]:
        if sc.take(phrase):
            return rule
    return None


def _ru_rule(sc: _Scanner, end: int) -> Rule | None:
    """A Russian rule at the scanner's position (after "вводится в действие")."""
    save = sc.pos
    if sc.take(r"по\s*истечении"):
        period = _period(sc)
        if period is None:
            sc.pos = save
            return None
        if sc.take(_RU_PUBLICATION):
            return _publication_rule(period)
        if sc.take(r"(?:после|со|с)\s*(?:дня|даты|момента)\s*(?:его\s*)?введения\s*в\s*действие"):
            if sc.take(r"настоящего\s*закона(?![а-я])"):
                return Chained(period, ThisAct())
            return Chained(period, _anchor_to(sc, end))
        sc.pos = save
        return None
    if rule := _phrase_rule(sc):
        return rule
    if sc.take(r"(?:со\s*дня|с\s*даты|с\s*момента)\s*введения\s*в\s*действие"):
        if sc.take(r"настоящего\s*закона(?![а-я])"):
            raise RuleError("a rule \"from this act's own entry into effect\" says nothing of its own")
        return Chained(None, _anchor_to(sc, end))
    if sc.take(r"со?(?=\s*\d)"):
        day = _ru_date(sc)
        if day is not None:
            return FixedDate(day)
    sc.pos = save
    return None


_EN_VERB = (
    r"(?:shall\s+be\s+(?:enforced|enacted|promulgated|effective|introduced|"
    r"(?:put|brought)\s+into\s+(?:force|effect|operation))|"
    r"shall\s+(?:become\s+effective|(?:come|enter)\s+into\s+(?:force|effect)|take\s+effect)|"
    r"(?:is|are)\s+(?:enforced|enacted|effective)|enacted|effective|enforced|"
    r"(?:comes?|enters?)\s+into\s+(?:force|effect)|takes?\s+effect)\b"
)


def _en_rule(sc: _Scanner, end: int) -> Rule | None:
    save = sc.pos
    sc.take(r"(?:upon|on|after)\s+(?:the\s+)?(?:expiry|expiration)\s+of\b")
    period = _period(sc)
    if period is not None:
        if sc.take(rf"(?:after|from)\s+(?:the\s+(?:date|day)\s+of\s+)?{_EN_PUBLICATION}"):
            return _publication_rule(period)
        if sc.take(r"(?:after|from)\s+(?:the\s+(?:date|day)\s+of\s+)?(?:the\s+)?(?:entry|enactment|introduction)\s+"
                   r"(?:into\s+(?:force|effect)\s+)?of\s+this\s+law\b"):
            return Chained(period, ThisAct())
        sc.pos = save
        return None
    sc.pos = save
    if rule := _phrase_rule(sc):
        return rule
    if sc.take(r"(?:from|as\s+of|since|on)\b"):
        sc.take(r"the\b")
        day = _en_date(sc)
        if day is not None:
            return FixedDate(day)
    sc.pos = save
    return None


_KZ_VERB = r"қолданысқа\s*енгізіл(?:еді|ед|сін)"
# where a Kazakh word ends: no Kazakh letter follows
_KZ_END = r"(?![а-яәғқңөұүһі])"
# the participle of an exception: «2013 жылғы 1 қаңтардан бастап қолданысқа енгізілетін 1-баптың 18-тармағын»
_KZ_WHICH = r"қолданысқа\s*енгізілетін"
# «осы Заң қолданысқа енгізілген күннен бастап» / «<another act> қолданысқа енгізілген күннен кейін»
_KZ_ENTERED = r"қолданысқа\s*енгізілген\s*(?:күн(?:нен|інен)|кезден)\s*(?P<rel>бастап|кейін)"


def _kz_chained(sc: _Scanner, end: int) -> Rule | None:
    """«осы Заң қолданысқа енгізілген күннен бастап бес жыл өткен соң», «<the
    Tax Code's amendments ...> қолданысқа енгізілген күннен кейін алты ай
    өткен соң»: counted from this act's or another act's entry into effect."""
    save = sc.pos
    anchor: ThisAct | OtherAct
    if sc.take(r"осы\s*заң" + _KZ_END + r"\s*" + _KZ_ENTERED):
        anchor = ThisAct()
    else:
        found = sc.find(_KZ_ENTERED)
        if found is None or found.start() > end:
            return None
        sc.ws()
        between = sc.m[sc.pos : found.start()]
        if not between.strip() or re.search(_KZ_WHICH + "|" + _KZ_VERB + "|;", between):
            sc.pos = save
            return None
        anchor = OtherAct(sc.text[sc.pos : found.start()].strip())
        sc.pos = found.end()
    period = _period(sc)
    if period is not None and sc.take(r"өткен(?:нен)?\s*(?:соң|кейін)"):
        return Chained(period, anchor)
    sc.pos = save
    return None


def _kz_rule(sc: _Scanner, end: int) -> Rule | None:
    save = sc.pos
    sc.take(r"ол" + _KZ_END)  # «Осы Заң, ол алғашқы ресми жарияланған ...» (484-V): "it"
    start = sc.pos
    if head := sc.take(
        r"алғашқы\s*ресми\s*жариялан(?:ған\s*күнінен|ғанынан|ған\s*күннен)\s*(?P<rel>кейін|бастап)"
    ):
        after = sc.pos
        sc.take(r"күнтізбелік")
        period = _period(sc)
        if period is not None and sc.take(r"өткен\s*соң"):
            # «күнінен бастап күнтізбелік он күн өткен соң» (562-IV) is the
            # Russian «по истечении десяти календарных дней со дня»
            return _publication_rule(period)
        if period is not None or _number(sc) is not None:
            sc.pos = save  # a number without its unit, or a period without «өткен соң»
            return None
        sc.pos = after
        if head["rel"] == "бастап":
            sc.pos = start  # «күнінен бастап» alone: on the day (a phrase below)
        elif "күн" in head.group():
            return DayAfterPublication()  # "after the DAY of first publication"
        else:
            # "жарияланғанынан кейін" alone ("after its publication") is how the
            # English renders "со дня": ambiguous without a period, so not read
            sc.pos = save
            return None
    if rule := _phrase_rule(sc):
        return rule
    day = _kz_date(sc)
    if day is not None and sc.take(r"бастап"):
        return FixedDate(day)
    sc.pos = start
    if rule := _kz_chained(sc, end):
        return rule
    sc.pos = save
    return None


_RULE_READERS: dict[str, Callable[[_Scanner, int], Rule | None]] = {
    "rus": _ru_rule,
    "eng": _en_rule,
    "kaz": _kz_rule,
}
_EXAMPLES = {
    "rus": "'вводится в действие по истечении десяти календарных дней после дня его первого "
    "официального опубликования' or 'вводится в действие с 1 января 2015 года'",
    "eng": "'shall be enforced upon expiry of ten calendar days after its first official publication' "
    "or 'shall be enforced from 01.01.2016'",
    "kaz": "'алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
    "енгізіледі' or '2012.01.01 бастап қолданысқа енгізіледі'",
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise RuleError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")


def parse_rule(text: str, lang: str) -> Rule:
    """One commencement rule as written (a footnote's parenthesis, with or
    without its verb and subject) → a rule object.

    Raises :class:`RuleError` quoting the phrase when it is not understood.
    """
    _check_lang(lang)
    sc = _Scanner(text, lang)
    sc.take(r"\(")
    end = len(text.rstrip().rstrip(").;").rstrip())
    if lang == "rus":
        sc.take(r"настоящий\s*закон")
        sc.take(_RU_VERB)
    elif lang == "eng":
        sc.take(r"this\s+law\b")
        sc.take(_EN_VERB)
    else:
        sc.take(r"осы\s*заң")
    reached = sc.pos
    rule = _RULE_READERS[lang](sc, end)
    if rule is not None and lang == "kaz":
        sc.take(_KZ_VERB)
    sc.take(r"[.;]")
    sc.take(r"\)")
    sc.take(r"[.;]")
    if rule is None or not sc.done():
        where = sc.text[sc.pos if rule is not None else reached :].strip()
        raise RuleError(
            f"unrecognised commencement rule {_flat(text)!r} ({lang}): could not read {_flat(where)[:80]!r}; "
            f"expected a rule such as {_EXAMPLES[lang]}"
        )
    return rule


# -------------------------------------------------------------- places

# the units an exception names: the amending act's articles, items, sub-items and blocks
_PLACE_KINDS = {
    "rus": ("subparagraph", "paragraph", "article", "part"),
    "eng": ("subparagraph", "paragraph", "article"),
    "kaz": ("subparagraph", "paragraph", "article", "part"),
}
_RU_ANY_UNIT = word_pattern("rus", _PLACE_KINDS["rus"])
_EN_ANY_UNIT = word_pattern("eng", _PLACE_KINDS["eng"])


@attrs.define
class _Path:
    """A place being read: its segments from the outermost known down."""

    segments: list[tuple[str, str]]
    group: int

    @property
    def top(self) -> str:
        """The kind of its outermost segment read so far."""
        return self.segments[0][0]

    def eid(self) -> str:
        return format_eid(self.segments)


@attrs.define
class _Places:
    """Places of one sentence, read left to right.

    A unit named right after smaller units, with no comma or "и" between
    ("абзацев второго и третьего подпункта 1)", "пункта 55 статьи 1"), is
    their container, and the container of every unit of the same list still
    waiting for one ("подпунктов 2), 4), ... подпунктов 15) и 16) пункта 46":
    all of them are in item 46).  An article said once at the end of the
    sentence is the article of every place before it.

    Kazakh names the container first («1-баптың 8-тармағының 5), 6) және 7)
    тармақшаларын», «13-тармағы 3) тармақшасының екінші абзацы»), and a
    container once named stays for the places after it until another of its
    kind or a larger one is named («46-тармағының 1) тармақшасының екінші
    абзацтарын, 2), 4) тармақшаларын»: both in item 46): that is ``context``.
    """

    paths: list[_Path] = attrs.Factory(list)
    context: list[tuple[str, str]] = attrs.Factory(list)

    def chain(self, units: list[tuple[str, list[str]]], group: int, where: str, *, leaf: bool) -> list[_Path]:
        """A Kazakh chain of units, the outermost first: all but the last are
        containers (the last too when ``leaf`` is false: «1-баптың» before a
        rule); the places are the last unit's numbers in them."""
        containers = units[:-1] if leaf else units
        if any(len(nums) != 1 for _, nums in containers):
            raise RuleError(f"several containers for the same units: {where!r}")
        outer = units[0][0]
        self.context = [seg for seg in self.context if encloses(seg[0], outer)]
        self.context += [(kind, nums[0]) for kind, nums in containers]
        if not leaf:
            return []
        kind, nums = units[-1]
        new = [_Path([*self.context, (kind, n)], group) for n in nums]
        self.paths.extend(new)
        return new

    def add(self, kind: str, nums: list[str], adjacent_to: str | None, group: int, where: str) -> list[_Path]:
        if adjacent_to is not None:
            if not encloses(kind, adjacent_to):
                raise RuleError(f"a {kind} cannot contain the {adjacent_to} named before it: {where!r}")
            if len(nums) != 1:
                raise RuleError(f"several containers for the same units: {where!r}")
            closed = [
                p for p in self.paths if encloses(kind, p.top) and (kind == "article" or p.group == group)
            ]
            for path in closed:
                path.segments.insert(0, (kind, nums[0]))
            return []
        new = [_Path([(kind, n)], group) for n in nums]
        self.paths.extend(new)
        return new

    def finish(self, text: str) -> None:
        for path in self.paths:
            if path.top != "article":
                raise RuleError(
                    f"no article given for {format_eid(path.segments)!r} (as written: {_flat(text)!r})"
                )


# the word joining the last two numbers of a list: «1), 2) и 4)», «3, 11 және 12-тармақтарын»
_AND = {"rus": r"и(?![а-я])", "kaz": r"және(?![а-яәғқңөұүһі])"}


def _num_list(sc: _Scanner, one: Callable[[_Scanner], str | None], dash: str, kind: str) -> list[str] | None:
    """A list of numbers, each read by ``one`` (as written: «2)», «15», «7»
    for an ordinal): "15, 16, 17 и 18", "1), 2) и 4)", "второго – двадцать
    пятого, тридцать третьего – сорокового", «5), 6) және 7)»; a ``dash``
    between two numbers makes a range.  In Kazakh two numbers of
    subparagraphs may follow each other with no comma («2) 3)», 376-V)."""
    first = one(sc)
    if first is None:
        return None
    nums = [first]
    conj = rf"(?:,\s*(?:{_AND[sc.lang]}\s*)?|{_AND[sc.lang]})"
    while True:
        save = sc.pos
        if sc.take(dash):
            nxt = one(sc)
            if nxt is None:
                sc.pos = save
                break
            lo, hi = int(nums[-1].rstrip(")").split("-")[0]), int(nxt.rstrip(")").split("-")[0])
            if "-" in nums[-1] or "-" in nxt or hi <= lo:
                raise RuleError(f"not a range of {kind}s: {sc.text[save:sc.pos].strip()!r}")
            nums.extend(str(i) + (")" if nxt.endswith(")") else "") for i in range(lo + 1, hi))
            nums.append(nxt)
            continue
        if sc.take(conj) or (sc.lang == "kaz" and nums[-1].endswith(")") and sc.at(r"\d+(?:-\d+)*\)")):
            nxt = one(sc)
            if nxt is None:
                sc.pos = save
                break
            nums.append(nxt)
            continue
        break
    return nums


def _ordinal_token(s: _Scanner) -> str | None:
    value = _number(s, "ordinal")
    return None if value is None else str(value)


def _ru_nums(sc: _Scanner, kind: str) -> list[str] | None:
    """The numbers after a Russian unit word: "15, 16, 17 и 18", "1), 2) и 4)",
    "второго – двадцать пятого"."""

    def one(s: _Scanner) -> str | None:
        got = s.take(r"\d+(?:-\d+)*\)" if kind == "subparagraph" else r"\d+(?:-\d+)*(?![\d)])")
        return None if got is None else got.group()

    # a hyphen inside a number is part of it ("2-1"); between numbered
    # items only a dash makes a range
    dash = r"[–—-]" if kind in ("part", "subparagraph") else r"[–—]"
    nums = _num_list(sc, _ordinal_token if kind == "part" else one, dash, kind)
    return None if nums is None else [n.rstrip(")") for n in nums]


def _en_nums(sc: _Scanner, kind: str) -> list[str] | None:
    """"2) and 4)", "53, 54"."""
    nums: list[str] = []
    while got := sc.take(r"\d+(?:-\d+)*\)?"):
        nums.append(got.group().rstrip(")"))
        if not sc.at(r"(?:,\s*(?:and\s+)?|and\s+)\d"):
            break
        sc.take(r"(?:,\s*(?:and\s+)?|and\s+)")
    return nums or None


_NUMS = {"rus": _ru_nums, "eng": _en_nums}


def _link(sc: _Scanner, previous: str | None) -> str | None:
    """How the next unit word stands to the one before it: ``"inside"`` (the
    next one contains it: «подпункта 2) пункта 4», "subparagraph 2) of
    paragraph 4"), ``"list"`` (a new place: «пункта 1, подпункта 2)», and the
    first word of all), or ``None`` (the list of places has ended)."""
    if previous is None:
        return "list"
    if sc.lang == "rus":
        gap = sc.take(r"(?:,\s*(?:а\s*также\s+|и\s+)?|и\s+|а\s*также\s+)(?=" + _RU_ANY_UNIT + ")")
        return "inside" if gap is None else "list"
    if sc.take(r"of\s+(?=" + _EN_ANY_UNIT + ")"):
        return "inside"
    return "list" if sc.take(r"(?:,\s*(?:and\s+)?|and\s+)(?=" + _EN_ANY_UNIT + ")") else None


def _unit_word(sc: _Scanner) -> str | None:
    """The kind of the unit word at the scanner, read past it («подпункта»,
    "paragraph"; Russian also before a number without a space: «статьи55»)."""
    for kind in _PLACE_KINDS[sc.lang]:
        word = word_pattern(sc.lang, (kind,))
        if sc.take(word + (r"(?![а-я])" if sc.lang == "rus" else r"\b")):
            return kind
        if sc.lang == "rus" and kind != "part" and sc.take(word + r"(?=\d)"):
            return kind
    return None


# a hyphen joining a number to its unit word: «1-баптың», «12‑тармағы» (U+2011), «1–баптың»
_KZ_HYPHEN = r"[-‐‑–]"
# a dash between the ends of a range: «төртінші – жиырма бірінші абзацтарын», «5)-7)»
_KZ_DASH = r"[–—‐‑-]"


def _kz_number(s: _Scanner) -> str | None:
    """A number as a Kazakh list writes it: «18», «2-1», «2‑1» (U+2011), «5)»."""
    got = s.take(r"\d+(?:[-‐‑]\d+)*\)?")
    return None if got is None else re.sub(r"[‐‑]", "-", got.group())


def _kz_unit(sc: _Scanner) -> tuple[str, list[str]] | None:
    """A Kazakh unit with its numbers, the numbers first: «1-баптың», «3, 11
    және 12-тармақтарын», «5), 6) және 7) тармақшаларын», «төртінші – жиырма
    бірінші абзацтарын»; ``None`` (the scanner unmoved) when there is none."""
    save = sc.pos
    ordinals = _num_list(sc, _ordinal_token, _KZ_DASH, "part")
    if ordinals is not None:
        if _unit_word(sc) == "part":
            return "part", ordinals
        sc.pos = save
        return None
    # «1, 2) 3) және 4) тармақшаларын» (376-V): a bracket may be missing in a list of subparagraphs
    raw = _num_list(sc, _kz_number, _KZ_DASH, "unit")
    if raw is None:
        return None
    hyphen = sc.take(_KZ_HYPHEN) is not None
    kind = _unit_word(sc)
    bracketed = [n.endswith(")") for n in raw]
    if kind == "subparagraph" and any(bracketed) and not hyphen:
        return kind, [n.rstrip(")") for n in raw]
    if kind in ("article", "paragraph", "part") and not any(bracketed) and hyphen:
        return kind, raw  # a part numbered in digits: «2-бөлігі» (часть 2)
    sc.pos = save
    return None


def _kz_places(sc: _Scanner, state: _Places, group: int, *, leaf: bool = True) -> list[_Path]:
    """Read a Kazakh list of places: chains of units, each inside the one
    before it (no word between), the chains parted by a comma, «және» or
    «сондай-ақ» («1-бабы 8-тармағы 5) тармақшасының алтыншы және жетінші
    абзацтарын, 11-тармағының 8) және 9) тармақшаларын»).  With ``leaf``
    false the units are containers only: «1-баптың» named before a rule."""
    named: list[_Path] = []
    start = sc.pos
    while True:
        before = sc.pos
        if named:
            sc.take(rf",\s*(?:(?:{_AND['kaz']}|сондай-ақ){_KZ_END})?|(?:{_AND['kaz']}|сондай-ақ){_KZ_END}")
        first = _kz_unit(sc)
        if first is None:
            sc.pos = before
            break
        units = [first]
        while True:
            inside = sc.pos
            inner = _kz_unit(sc)
            if inner is None or not encloses(units[-1][0], inner[0]):
                sc.pos = inside
                break
            units.append(inner)
        named.extend(state.chain(units, group, sc.text[start : sc.pos], leaf=leaf))
        if not leaf:
            break
    return named


def _places(sc: _Scanner, state: _Places, group: int) -> list[_Path]:
    """Read a list of places at the scanner ("подпункта 13) пункта 1,
    подпункта 1), абзацев второго и четвертого подпункта 2) ...",
    "subparagraph 2) of paragraph 4 of Article 20", «8-тармағының 5), 6)
    және 7) тармақшаларын»); return the places the list names (their paths
    complete once their article is read)."""
    if sc.lang == "kaz":
        return _kz_places(sc, state, group)
    named: list[_Path] = []
    previous: str | None = None
    start = sc.pos
    while True:
        before = sc.pos
        link = _link(sc, previous)
        kind = _unit_word(sc) if link is not None else None
        nums = _NUMS[sc.lang](sc, kind) if kind is not None else None
        if kind is None or nums is None:
            sc.pos = before
            break
        adjacent = previous if link == "inside" else None
        named.extend(state.add(kind, nums, adjacent, group, sc.text[start : sc.pos]))
        previous = kind
    return named


# --------------------------------------------------- commencement articles


@attrs.define
class _Group:
    """An exception being read; its places complete at the end of the sentence."""

    paths: list[_Path]
    rule: Rule | None
    as_written: str
    clause: str
    scope: str | None = None
    in_part: str | None = None
    within: int | None = None

    def build(self) -> SpecialRule:
        if self.rule is None:  # pragma: no cover - checked by the caller
            raise RuleError(f"no rule for {self.clause!r}")
        places = tuple(dict.fromkeys(p.eid() for p in self.paths))
        return SpecialRule(places, self.rule, self.as_written, self.clause, self.scope, self.in_part, self.within)


@attrs.define
class _Article:
    """What has been read of an article so far."""

    text: str
    lang: str
    general: Rule | None = None
    as_written: str = ""
    groups: list[_Group] = attrs.Factory(list)
    sunsets: list[Sunset] = attrs.Factory(list)
    suspensions: list[Suspension] = attrs.Factory(list)
    remarks: list[Remark] = attrs.Factory(list)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines (each paragraph of the acts is one line)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def _blocks(text: str, start: int) -> list[tuple[int, int]]:
    """Paragraphs joined with their continuations: a paragraph continues the
    one before it only after a colon, semicolon or comma (the numbered items
    after "за исключением:", the branches of a conditional rule), or inside a
    quoted wording still open (its own numbered paragraphs: 36-VI)."""
    blocks: list[list[int]] = []
    for a, b in _paragraphs(text):
        if b <= start:
            continue
        a = max(a, start)
        while a < b and text[a].isspace():
            a += 1
        line = text[a:b].strip()
        if not line:
            continue
        prev = text[blocks[-1][0] : blocks[-1][1]].rstrip() if blocks else ""
        new = not blocks or not _open_quote(prev) and (
            re.match(r"\d+\.\s", line) is not None
            or line.lower().startswith(("сноска", "footnote", "ескерту"))
            or not prev.endswith((":", ";", ","))
        )
        if new:
            blocks.append([a, b])
        else:
            blocks[-1][1] = b
    return [(a, b) for a, b in blocks]


def _open_quote(text: str) -> bool:
    """Whether a quoted wording opened in ``text`` is still open: more «
    than », or an odd number of ASCII quotes (435-V, 36-VI quote so)."""
    return text.count("«") > text.count("»") or text.count('"') % 2 == 1


_HEADING = {
    "rus": r"\s*(?:#+\s*)?статья\s*\d+(?:-\d+)*\.",
    "eng": r"\s*(?:#+\s*)?article\s*\d+(?:-\d+)*\.",
    "kaz": r"\s*(?:#+\s*)?\d+(?:-\d+)*" + _KZ_HYPHEN + r"бап\.",
}
_SUBJECT = {"rus": r"настоящий\s*закон(?![а-я])", "eng": r"this\s+law\b", "kaz": r"осы\s*заң(?![а-яәғқңөұүһі])"}
_EXCEPT = {
    "rus": r",?\s*за\s*исключением",
    "eng": r",?\s*(?:with\s+the\s+exception\s+of|except\s+for|except)\b",
}
_WHICH = r",?\s*которы[йе]\s*(?:вводится|вводятся)\s*в\s*действие"


def looks_like_article(text: str, lang: str) -> bool:
    """True when ``text`` is a whole commencement article rather than one rule."""
    m = fold(text, lang)
    signs = {
        "rus": r"за\s*исключением|^\s*(?:#+\s*)?статья\s*\d|\n\s*\d+\.\s",
        "eng": r"with\s+the\s+exception|^\s*(?:#+\s*)?article\s*\d|\n\s*\d+\.\s",
        "kaz": r"қоспағанда|^\s*(?:#+\s*)?\d+" + _KZ_HYPHEN + r"бап|\n\s*\d+\.\s",
    }
    return re.search(signs.get(lang, "$^"), m) is not None


def parse_commencement(text: str, lang: str) -> "Commencement":
    """A whole entry-into-force article → :class:`Commencement`.

    Exceptions are addressed by the amending act's own structure and become
    eIds in the same grammar as laws ("абзацев второго и четвертого
    подпункта 2) пункта 3 статьи 1" → ``art_1__para_3__subpara_2__part_2``,
    ``..._part_4``).  Paragraphs that are not about commencement are kept as
    remarks; a sentence that puts something into effect in words the grammar
    does not know raises :class:`RuleError`.
    """
    _check_lang(lang)
    view = fold(text, lang)
    head = _rx(_HEADING[lang]).match(view)
    start = head.end() if head else 0
    art = _Article(text, lang)
    for a, b in _blocks(text, start):
        _block(art, a, b)
    if art.general is None:
        raise RuleError(
            f"no general rule (\"{'Настоящий Закон вводится в действие' if lang == 'rus' else 'This Law ...'} ...\") "
            f"in the commencement article {_flat(text)[:120]!r}"
        )
    missing = [g for g in art.groups if g.rule is None]
    if missing:
        raise RuleError(
            "excepted but no rule given for "
            + ", ".join(repr(_flat(g.clause)) for g in missing)
            + f" in {_flat(text)[:120]!r}"
        )
    return Commencement(
        general=art.general,
        as_written=art.as_written,
        exceptions=tuple(g.build() for g in art.groups),
        sunsets=tuple(art.sunsets),
        suspensions=tuple(art.suspensions),
        remarks=tuple(art.remarks),
        text=text,
    )


def _first_block_start(text: str, lang: str) -> int:
    head = _rx(_HEADING[lang]).match(fold(text, lang))
    start = head.end() if head else 0
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _block(art: _Article, a: int, b: int) -> None:
    text, lang = art.text, art.lang
    sc = _Scanner(text, lang, a, b)
    if art.general is None:
        # the heading after an editors' footnote of the article before (347-VI: «Ескерту. 1-бапқа ...»)
        sc.take(_HEADING[lang])
    sc.take(r"\d+\.(?!\d)")
    body = text[sc.pos : b].strip()
    if sc.at(r"(?:сноска|footnote|ескерту)\s*\."):
        art.remarks.append(Remark("footnote", body))
        return
    if a == _first_block_start(text, lang) and "\n" not in body and not body.endswith((".", ":", ";")):
        # the article's title ("Порядок введения в действие настоящего Закона")
        art.remarks.append(Remark("heading", body))
        return
    if lang == "kaz":
        _kz_block(art, sc, body)
        return
    if sc.at(_SUBJECT[lang]):
        _main(art, sc)
        return
    if lang == "rus":
        if sc.at(r"приостановить"):
            _suspension(art, sc)
            return
        if sc.at(r"признать\s*утратившим"):
            art.remarks.append(Remark("repeal", body))
            return
        if sc.at(r"установить,?\s*что"):
            _establish(art, sc)
            return
        if sc.at(_RU_ANY_UNIT):
            if _separate(art, sc):
                return
            # "Подпункт 3) пункта 2 статьи 1 настоящего Закона действует до 1 января 2016 года."
            if _sunset(art, sc, body) is None:
                return
            sc.pos = a
            sc.take(r"\d+\.(?!\d)")
        if sc.find(r"(?:вводится|вводятся)\s*в\s*действие"):
            raise RuleError(f"unrecognised sentence of a commencement article: {_flat(body)!r}")
    elif lang == "eng":
        if sc.at(_EN_ANY_UNIT) and _separate(art, sc):
            return
        if sc.find(_EN_VERB):
            raise RuleError(f"unrecognised sentence of a commencement article: {_flat(body)!r}")
    art.remarks.append(Remark("other", body))


def _kz_block(art: _Article, sc: _Scanner, body: str) -> None:
    """A Kazakh paragraph: the verb closes the sentence, so what it is is read
    from its words before the first quoted wording."""
    lead = fold(re.split(r":\s*[«\"]", body, maxsplit=1)[0], "kaz")
    if re.search(r"тоқтат(?:ыл)?а\s*тұр(?:ыл)?сын", lead):
        _suspension(art, sc)
    elif re.search(r"күші\s*жойылды\s*деп\s*танылсын", lead):
        art.remarks.append(Remark("repeal", body))
    elif re.search(r"деп\s*белгіленсін|дейін\s*қолданыл|қолданыл(?:ады|сын)\s*\d{4}\s*жылғы[^.;]*дейін", lead):
        # «... деп белгіленсін» is the Russian «Установить, что ...»
        _establish(art, sc)
    elif _separate(art, sc):
        pass
    elif sc.at(r"осы\s*заң(?:ның)?" + _KZ_END) and sc.find(_KZ_VERB):
        _main(art, sc)
    elif sc.find(_KZ_VERB):
        raise RuleError(f"unrecognised sentence of a commencement article: {_flat(body)!r}")
    else:
        art.remarks.append(Remark("other", body))


def _read_rule(sc: _Scanner, end: int, what: str) -> Rule:
    rule = _RULE_READERS[sc.lang](sc, end)
    if rule is None:
        raise RuleError(
            f"unrecognised commencement rule in {what}: could not read {_flat(sc.text[sc.pos:end])[:100]!r}; "
            f"expected a rule such as {_EXAMPLES[sc.lang]}"
        )
    return rule


def _main(art: _Article, sc: _Scanner) -> None:
    """"Настоящий Закон вводится в действие <rule>[, за исключением ...]."""
    text, lang, end = art.text, art.lang, sc.end
    block = text[sc.pos : end]
    if art.general is not None:
        raise RuleError(f"a second general rule in one commencement article: {_flat(block)!r}")
    if lang == "kaz":
        sc.take(_KZ_SUBJECT)
        sc.take(r",")
        if sc.find(_KZ_EXCEPT):
            _kz_exceptions(art, sc, block)
            sc.take(_KZ_SUBJECT)  # «..., осы Заң 2015 жылғы 1 қаңтардан бастап қолданысқа енгізіледі» (233-V)
        sc.ws()
        verb_start = sc.pos
        art.general = _read_rule(sc, end, repr(_flat(block)))
        if sc.take(_KZ_VERB) is None:
            raise RuleError(f"expected 'қолданысқа енгізіледі' after the rule in {_flat(block)!r}")
        art.as_written = text[verb_start : sc.pos]
        _end_of_sentence(sc, block)
        return
    sc.take(_SUBJECT[lang])
    verb = sc.take(_RU_VERB if lang == "rus" else _EN_VERB)
    if verb is None:
        raise RuleError(f"unrecognised sentence of a commencement article: {_flat(block)!r}")
    stop = sc.find(_EXCEPT[lang])
    art.general = _read_rule(sc, stop.start() if stop else end, repr(_flat(block)))
    art.as_written = text[verb.start() : sc.pos]
    if sc.take(_EXCEPT[lang]):
        state = _Places()
        _exceptions(art, sc, state, parent=None)
        state.finish(block)
    _end_of_sentence(sc, block)


def _end_of_sentence(sc: _Scanner, block: str) -> None:
    sc.take(r"[.;]")
    if not sc.done():
        raise RuleError(f"unrecognised words {_flat(sc.rest())[:100]!r} in {_flat(block)!r}")


# «Осы Заң», «Осы Заңның» (233-V), but not the start of a rule «осы Заң қолданысқа енгізілген күннен ...» (361-VI)
_KZ_SUBJECT = r"осы\s*заң(?:ның)?" + _KZ_END + r"(?!\s*қолданысқа\s*енгізілген)"
_KZ_EXCEPT = r"қоспағанда" + _KZ_END


def _kz_exceptions(art: _Article, sc: _Scanner, block: str) -> None:
    """The exceptions of a Kazakh general rule, each rule before its places:
    «2013 жылғы 1 қаңтардан бастап қолданысқа енгізілетін 1-баптың
    18-тармағын, ... қоспағанда», or numbered after «Осы Заң:» («1) ...;
    2) ... қоспағанда»).  A second list closed by «қоспағанда» excepts from
    the exception before it (484-V), as the Russian «..., за исключением»."""
    state = _Places()
    numbered = sc.take(r":") is not None
    parent: int | None = None
    while True:
        while True:
            if numbered:
                sc.take(r"\d+\)")
            _kz_group(art, sc, state, parent, sc.end)
            if sc.take(_KZ_EXCEPT):
                break
            if sc.take(r"[;,]") is None:
                raise RuleError(
                    f"expected 'қоспағанда' after the exceptions, found {_flat(sc.rest())[:80]!r} in {_flat(block)!r}"
                )
        sc.take(r",")
        if sc.find(_KZ_EXCEPT) is None:
            break
        parent = len(art.groups) - 1
    state.finish(block)


def _kz_group(art: _Article, sc: _Scanner, state: _Places, parent: int | None, end: int) -> None:
    """One Kazakh exception: «[1-баптың] <rule> қолданысқа енгізілетін[,] [осы
    Заңның] <places>»; or «<content> бөлігінде <places>» whose rule follows in
    a paragraph of its own; or «<rule> қолданысқа енгізілетін, <content>
    нормаларды» (379-IV: an exception by content)."""
    text = art.text
    sc.ws()
    start = sc.pos
    group_id = len(art.groups)
    _kz_places(sc, state, group_id, leaf=False)  # «1-баптың алғашқы ресми ... 53-тармағын» (15-V)
    sc.take(r"ол" + _KZ_END)  # «ол алғашқы ресми жарияланған ...» (484-V): "it", not part of the rule's words
    sc.ws()
    rule_start = sc.pos
    rule: Rule | None = _kz_branches(sc, end) if sc.take(r"мыналарды\s*:") else _kz_rule(sc, end)
    written, in_part = "", None
    if rule is not None:
        verb = sc.take(_KZ_WHICH)
        if verb is None:
            raise RuleError(
                f"expected 'қолданысқа енгізілетін' after the rule of an exception: {_flat(text[start:end])[:120]!r}"
            )
        written = text[rule_start : verb.end()]
        sc.take(r",")
    else:
        # no rule: the places (or «... бөлігінде» and the places) are excepted here
        # and put into effect in a paragraph of their own
        sc.pos = start
        in_part = _kz_in_part(sc, end)
    sc.take(r"осы\s*заңның")
    paths = _places(sc, state, group_id)
    scope = None
    if not paths and rule is None:
        raise RuleError(
            f"unrecognised commencement rule of an exception: could not read {_flat(text[start:end])[:100]!r}; "
            f"expected a rule such as {_EXAMPLES['kaz']}"
        )
    if not paths:
        stop = sc.find(_KZ_EXCEPT + "|;")
        content = sc.text[sc.pos : stop.start() if stop else end].strip()
        if stop is None or not re.search(r"(?:норма|ереже)[а-яәғқңөұүһі]*$", fold(content, "kaz")):
            raise RuleError(
                f"expected the places of an exception («1-баптың 18-тармағын»), found {_flat(sc.rest())[:100]!r}"
            )
        scope = content
        sc.pos = stop.start()
    art.groups.append(_Group(paths, rule, written, text[start : sc.pos].strip(), scope, in_part, parent))


def _kz_in_part(sc: _Scanner, end: int) -> str | None:
    """«... транзитіне тыйым салу бөлігінде» before the places: the exception
    covers only part of their content (the Russian «в части ...» after them)."""
    if sc.at(r"осы\s*заңның") or _kz_unit(sc) is not None:
        return None
    sc.ws()
    found = sc.find(r"бөлігінде" + _KZ_END)
    if found is None or found.start() > end or re.search(_KZ_WHICH + "|" + _KZ_VERB, sc.m[sc.pos : found.start()]):
        return None
    written = sc.text[sc.pos : found.end()]
    sc.pos = found.end()
    return written


def _kz_branches(sc: _Scanner, end: int) -> Conditional:
    """«мыналарды: <addressees> үшін 2024 жылғы 1 қаңтардан бастап; <addressees>
    үшін 2024 жылғы 1 шілдеден бастап» (141-VII): the addressees before each date."""
    branches: list[Branch] = []
    while True:
        sc.ws()
        begin = sc.pos
        found = sc.find(r"үшін" + _KZ_END + r"(?=\s*\d{4}\s*жылғы)")
        if found is None or found.start() > end or re.search(_KZ_WHICH, sc.m[begin : found.start()]):
            break
        sc.pos = found.end()
        day = _kz_date(sc)
        if day is None or sc.take(r"бастап") is None:
            raise RuleError(f"expected '<date> бастап' in a conditional rule, found {_flat(sc.rest())[:80]!r}")
        branches.append(Branch(FixedDate(day), sc.text[begin : found.end()]))
        if sc.take(r";") is None:
            break
    if len(branches) < 2:
        raise RuleError(f"a conditional rule needs at least two dates: {_flat(sc.text[sc.pos:end])[:120]!r}")
    return Conditional(tuple(branches))


def _exceptions(art: _Article, sc: _Scanner, state: _Places, parent: int | None) -> None:
    if sc.take(r":"):
        while sc.take(r"\d+\)"):
            nxt = sc.find(r";\s*\d+\)\s")
            item_end = nxt.start() + 1 if nxt else sc.end
            _group(art, sc, state, parent, item_end)
            sc.take(r"[;.]")
        return
    while True:
        _group(art, sc, state, parent, sc.end)
        unit = _RU_ANY_UNIT if art.lang == "rus" else _EN_ANY_UNIT
        if sc.at(r",\s*" + unit) is None:
            return
        sc.take(r",")


def _group(art: _Article, sc: _Scanner, state: _Places, parent: int | None, end: int) -> None:
    """One exception: places, then "который(е) вводится(ятся) в действие <rule>"."""
    text, lang = art.text, art.lang
    sc.ws()
    start = sc.pos
    group_id = len(art.groups)
    scope: str | None = None
    if lang == "rus" and sc.at(r"(?:норм|положени)"):
        which = sc.find(_WHICH)
        if which is None or which.start() > end:
            raise RuleError(f"an exception by content without its rule: {_flat(text[start:end])!r}")
        scope = text[start : which.start()].strip()
        sc.pos = which.start()
        paths: list[_Path] = []
    else:
        paths = _places(sc, state, group_id)
        if not paths and sc.pos == start:
            raise RuleError(
                f"expected the places of an exception (\"пункта 53 статьи 1\"), found {_flat(text[start:end])[:100]!r}"
            )
    sc.take(r"настоящего\s*закона(?![а-я])" if lang == "rus" else r"of\s+this\s+law\b")
    in_part = _in_part(sc, end)
    which = sc.take(_WHICH) if lang == "rus" else None
    if which is None:
        # "за исключением подпункта 2) пункта 4 статьи 20 в части ...": the
        # rule follows in a paragraph of its own
        art.groups.append(_Group(paths, None, "", text[start : sc.pos].strip(), scope, in_part, parent))
        return
    verb_start = which.start() + which.group().index("вводи" if "вводи" in which.group() else "вводя")
    if sc.take(r":"):
        rule: Rule = _branches(sc, end)
    else:
        rule = _read_rule(sc, end, repr(_flat(text[start:end])))
    written = text[verb_start : sc.pos].strip()
    art.groups.append(_Group(paths, rule, written, text[start : sc.pos].strip(), scope, in_part, parent))
    if sc.take(_EXCEPT[lang]):
        _exceptions(art, sc, state, parent=group_id)


def _in_part(sc: _Scanner, end: int) -> str | None:
    """"в части запрета транзита ..." / "regarding ...": the exception covers
    only part of a unit's content."""
    got = sc.take(r"(?:в\s*части|regarding)\b")
    if got is None:
        return None
    start = got.start()
    stop = sc.find(_WHICH) if sc.lang == "rus" else sc.find(_EN_VERB)
    if sc.lang == "rus" and stop is None:
        stop = sc.find(r"(?:вводится|вводятся)\s*в\s*действие")
    stop_at = stop.start() if stop is not None and stop.start() <= end else end
    while stop_at > sc.pos and (sc.text[stop_at - 1].isspace() or sc.text[stop_at - 1] in ".;"):
        stop_at -= 1
    sc.pos = stop_at
    return sc.text[start:stop_at].strip()


def _branches(sc: _Scanner, end: int) -> Conditional:
    """"вводятся в действие: с 1 января 2024 года для ...; с 1 июля 2024 года для ..."."""
    branches: list[Branch] = []
    while sc.take(r"со?(?=\s*\d)"):
        day = _ru_date(sc)
        if day is None:
            raise RuleError(f"expected a date in a conditional rule, found {_flat(sc.rest())[:80]!r}")
        sc.ws()
        semi = sc.find(r";")
        stop = semi.start() if semi and semi.start() < end else end
        cond_end = stop
        while cond_end > sc.pos and (sc.text[cond_end - 1].isspace() or sc.text[cond_end - 1] in "."):
            cond_end -= 1
        condition = sc.text[sc.pos : cond_end]
        if not _rx(r"(?:для|в\s*отношении)").match(sc.m, sc.pos):
            raise RuleError(f"expected the addressees ('для ...') of a conditional rule, found {condition!r}")
        branches.append(Branch(FixedDate(day), condition))
        sc.pos = cond_end
        sc.take(r";")
    if len(branches) < 2:
        raise RuleError(f"a conditional rule needs at least two dates: {_flat(sc.text[sc.pos:end])!r}")
    return Conditional(tuple(branches))


def _separate(art: _Article, sc: _Scanner) -> bool:
    """"Абзацы второй и четвертый подпункта 3) пункта 13 статьи 1 настоящего
    Закона вводятся в действие с 1 июля 2014 года.", «Осы Заңның 1-бабының
    13-тармағы 3) тармақшасының үшінші абзацы 2015 жылғы 1 қаңтардан бастап
    қолданысқа енгізіледі.»  False when the paragraph names places but does
    not put them into effect."""
    text, lang, end = art.text, art.lang, sc.end
    save = sc.pos
    state = _Places()
    block = text[sc.pos : end]
    if lang == "kaz":
        in_part = _kz_in_part(sc, end)
        sc.take(r"осы\s*заңның")
        paths = _places(sc, state, 0)
        sc.ws()
        written_from = sc.pos
        rule = _kz_rule(sc, end) if paths else None
        if rule is None or sc.take(_KZ_VERB) is None:
            sc.pos = save
            return False
        state.finish(block)
    else:
        paths = _places(sc, state, 0)
        sc.take(r"настоящего\s*закона(?![а-я])" if lang == "rus" else r"of\s+this\s+law\b")
        in_part = _in_part(sc, end)
        verb = sc.take(_RU_VERB if lang == "rus" else _EN_VERB)
        if verb is None or not paths:
            sc.pos = save
            return False
        state.finish(block)
        written_from = verb.start()
        rule = _read_rule(sc, end, repr(_flat(block)))
    written = text[written_from : sc.pos]
    _end_of_sentence(sc, block)
    places = tuple(dict.fromkeys(p.eid() for p in paths))
    for group in art.groups:
        if group.rule is None and tuple(dict.fromkeys(p.eid() for p in group.paths)) == places:
            group.rule, group.as_written = rule, written
            group.in_part = group.in_part or in_part
            return True
    art.groups.append(_Group(paths, rule, written, block.strip(), None, in_part, None))
    return True


# what an establishing paragraph may open with: "Установить, что: со дня введения в действие
# настоящего Закона до <date>", «Мынадай деп белгіленсін:», «Осы Заң қолданысқа енгізілген
# күннен бастап <date> дейін» (36-VI)
_ESTABLISH = {
    "rus": (r"установить,?\s*что:?", r"со\s*дня\s*введения\s*в\s*действие\s*настоящего\s*закона\s*до(?![а-я])"),
    "kaz": (r"мынадай\s*деп\s*белгіленсін\s*:?", r"осы\s*заң\s*" + _KZ_ENTERED),
}
# an interim wording follows these words
_INTERIM = {"rus": r"в\s*следующей\s*редакции", "kaz": r"мынадай\s*редакцияда"}
_PUTS_INTO_EFFECT = {"rus": r"(?:вводится|вводятся)\s*в\s*действие", "kaz": _KZ_VERB}
_DATE_READERS = {"rus": _ru_date, "kaz": _kz_date, "eng": _en_date}


def _establish(art: _Article, sc: _Scanner) -> None:
    """"Установить, что ..." («... деп белгіленсін»): a sunset ("действуют до
    ...", «... дейін қолданылады»), an interim wording ("действует в
    следующей редакции", «мынадай редакцияда қолданылады») or another
    transitional rule."""
    lang = art.lang
    block = art.text[sc.pos : sc.end].strip()
    opening, since = _ESTABLISH[lang]
    sc.take(opening)
    sc.take(since)
    if sc.at(r"\d"):
        _DATE_READERS[lang](sc)
        if lang == "kaz":
            sc.take(r"дейін" + _KZ_END)
    places = _sunset(art, sc, block)
    if places is None:
        return
    view = _flat(fold(block, lang))
    kind = "interim wording" if re.search(_INTERIM[lang], view) else "transitional"
    if re.search(_PUTS_INTO_EFFECT[lang], view):
        raise RuleError(f"unrecognised sentence of a commencement article: {_flat(block)!r}")
    art.remarks.append(Remark(kind, block, places))


def _until(sc: _Scanner) -> _dt.date | None:
    """The end of a sunset after its places: "действуют до 1 января 2016 года",
    «2016 жылғы 1 қаңтарға дейін қолданылады», «қолданылады ... дейін»."""
    if sc.lang != "kaz":
        if sc.take(r"(?:действует|действуют)\s*до(?![а-я])") is None:
            return None
        start = sc.pos
        until = _ru_date(sc)
        if until is None:
            raise RuleError(f"expected the date a sunset ends, found {_flat(sc.text[start:sc.end])[:60]!r}")
        return until
    save = sc.pos
    verb = r"қолданыл(?:ады|сын)" + _KZ_END
    applies_first = sc.take(verb) is not None
    until = _kz_date(sc)
    if until is None or sc.take(r"дейін" + _KZ_END) is None or (not applies_first and sc.take(verb) is None):
        sc.pos = save
        return None
    sc.take(r"деп\s*белгіленсін")
    return until


def _sunset(art: _Article, sc: _Scanner, block: str) -> tuple[str, ...] | None:
    """"<places> настоящего Закона действуют до 1 января 2016 года": a sunset of
    those places, recorded (``None``); else the places named, if any."""
    state = _Places()
    paths: list[_Path] = []
    if art.lang == "kaz":
        sc.take(r"осы\s*заңның")
        paths = _places(sc, state, 0)
    elif sc.at(_RU_ANY_UNIT):
        paths = _places(sc, state, 0)
    try:
        state.finish(block)
    except RuleError:
        paths = []
    places = tuple(dict.fromkeys(p.eid() for p in paths))
    sc.take(r"настоящего\s*закона(?![а-я])")
    if places and (until := _until(sc)) is not None:
        _end_of_sentence(sc, block)
        art.sunsets.append(Sunset(places, until, block))
        return None
    return places


def _kz_interval(sc: _Scanner) -> tuple[_dt.date, _dt.date] | None:
    """«2020 жылғы 1 қаңтардан 2022 жылғы 1 қаңтарға дейін»: a suspension's dates."""
    save = sc.pos
    start = _kz_date(sc)
    end = _kz_date(sc) if start is not None else None
    if start is None or end is None or sc.take(r"дейін" + _KZ_END) is None:
        sc.pos = save
        return None
    return start, end


def _suspension(art: _Article, sc: _Scanner) -> None:
    """"Приостановить с 1 января 2020 года до 16 декабря 2020 года действие ...";
    «Осы Заңның <places> қолданысы 2020 жылғы 1 қаңтардан 2022 жылғы 1
    қаңтарға дейін тоқтатыла тұрсын, тоқтатыла тұру кезеңінде осы абзац
    мынадай редакцияда қолданылады деп белгіленсін: «...»»."""
    text, lang, end = art.text, art.lang, sc.end
    block = text[sc.pos : end].strip()
    state = _Places()
    dates: tuple[_dt.date, _dt.date] | None = None
    if lang == "kaz":
        dates = _kz_interval(sc)
        sc.take(r"осы\s*заңның")
        paths = _places(sc, state, 0)
        sc.take(r"қолданысы")
        dates = dates or _kz_interval(sc)
        if dates is None or sc.take(r"тоқтат(?:ыл)?а\s*тұр(?:ыл)?сын") is None:
            raise RuleError(
                f"expected '<places> қолданысы <date> <date> дейін тоқтатыла тұрсын': {_flat(block)[:120]!r}"
            )
    else:
        sc.take(r"приостановить")
        start = end_ = None
        if sc.take(r"со?(?=\s*\d)"):
            start = _ru_date(sc)
        if sc.take(r"до(?=\s*\d)"):
            end_ = _ru_date(sc)
        if start is None or end_ is None or sc.take(r"действие") is None:
            raise RuleError(f"expected 'Приостановить с <date> до <date> действие <places>': {_flat(block)[:120]!r}")
        dates = start, end_
        paths = _places(sc, state, 0)
    start, end_ = dates
    if not paths:
        raise RuleError(f"a suspension names no places: {_flat(block)[:120]!r}")
    state.finish(block)
    places = tuple(dict.fromkeys(p.eid() for p in paths))
    lead = re.search(_INTERIM[lang] + r"[^:«]*:?", fold(block, lang))
    wordings = _quoted(block[lead.end():]) if lead else ()
    art.suspensions.append(Suspension(places, start, end_, block, interim=lead is not None, wordings=wordings))


def _quoted(text: str) -> tuple[str, ...]:
    """The outermost «...» spans of ``text`` in order, without their guillemets (inner
    quotes kept); none when the guillemets do not balance."""
    spans, depth, begin = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                begin = i + 1
            depth += 1
        elif ch == "»":
            depth -= 1
            if depth < 0:
                return ()
            if depth == 0:
                spans.append(text[begin:i])
    return tuple(spans) if depth == 0 else ()

def explain(
    text: str,
    *,
    published: _dt.date | None,
    adopted: _dt.date | None,
    lang: str,
) -> Effective | None:
    """The date a rule as written (a footnote's parenthesis, or a whole
    commencement article) puts an act into effect; what ``consolidate
    effective`` prints.  For a whole article this is the general rule's date;
    the derivation lists the exceptions."""
    if looks_like_article(text, lang):
        com = parse_commencement(text, lang)
        rule: Rule = com.general
        notes = [
            f"exception {', '.join(s.places) or _flat(s.scope or '')}: {s.rule}" for s in com.exceptions
        ]
    else:
        rule = parse_rule(text, lang)
        notes = []
    eff = effective(rule, published=published, adopted=adopted)
    if eff is None:
        return None
    head = f"{rule}"
    if lang == "eng" and isinstance(rule, OnPublication) and "after" in text.lower():
        head += (
            " (the English 'after its first official publication' renders the Russian "
            "'со дня его первого официального опубликования': the authentic wording decides)"
        )
    derivation = f"{head}; {eff.derivation}"
    if notes:
        derivation += "; " + "; ".join(notes)
    return attrs.evolve(eff, derivation=derivation)
