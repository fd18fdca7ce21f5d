"""Editorial matter generated from the operations, in the law's own style:
repeal placeholders and footnotes ("Сноска." / "Footnote." / "Ескерту.").

The wording imitates the official consolidated texts:
"Исключен Законом РК от 05.07.2018 № 179-VI (вводится в действие со дня его
первого официального опубликования)." and "Сноска. Статья 15 с изменениями,
внесенными законами РК от 03.07.2020 № 357-VI (вводится в действие ...)."
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Effective, Kind, Provision

if TYPE_CHECKING:
    from ..corpus import Act

_ARTICLE_HEAD = re.compile(r"^\s*(?:##\s*)?Статья\s+\d+(?:-\d+)*\.\s*", re.S)
_SUBJECT = re.compile(r"^\s*Настоящий\s+Закон\s+", re.S)


def _rule_phrase(act: "Act", place: str | None, lang: str) -> str:
    """The commencement rule covering ``place``, as the footnotes write it
    (in the act's words, without "Настоящий Закон")."""
    if lang != "rus" and act.footnote.rule and act.footnote.lang == lang:
        return act.footnote.rule
    if lang == "rus" and act.footnote.rule_rus:
        return act.footnote.rule_rus
    com = None
    try:
        com = act.commencement
    except Exception:  # a rule the parser does not know is reported elsewhere
        com = None
    if com is not None and place is not None and hasattr(com, "rule_for"):
        _, written = com.rule_for(place)
        text = written
    else:
        text = act.commencement_text or ""
    text = _ARTICLE_HEAD.sub("", text)
    text = _SUBJECT.sub("", text)
    text = re.split(r",\s*за исключением", text)[0]
    text = _numeric_dates(" ".join(text.split()).rstrip(".;"))
    # an exception's "которые вводятся" reads "вводится" in a footnote, whose subject is the law
    text = re.sub(r"^вводятся\b", "вводится", text)
    if lang != (act.commencement_lang or "rus") and act.footnote.rule:
        return act.footnote.rule
    return text


_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря")
_WORD_DATE = re.compile(r"\bсо? (\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4}) года")


def _numeric_dates(text: str) -> str:
    """"с 1 января 2016 года" → "с 01.01.2016": the footnotes' way of writing a fixed date."""
    return _WORD_DATE.sub(
        lambda m: f"с {int(m[1]):02d}.{_MONTHS.index(m[2]) + 1:02d}.{m[3]}", text)


def _date(act: "Act") -> str:
    return act.adopted.strftime("%d.%m.%Y")


def repeal_placeholder(act: "Act", effective: Effective, unit: Provision, lang: str, *, place: str | None = None) -> str:
    """The placeholder a repealed unit shows, closing as the unit closed."""
    phrase = _rule_phrase(act, place, lang)
    close = unit.text.rstrip()[-1:] if unit.text.rstrip()[-1:] in (".", ";") else "."
    if lang == "eng":
        body = f"Is excluded by the Law of RK № {act.number} dated {_date(act)} ({phrase})"
    elif lang == "kaz":
        body = f"Алып тасталды - ҚР {_date(act)} № {act.number} Заңымен ({phrase})"
    else:
        word = "исключен" if unit.kind is Kind.SUBPARAGRAPH else "Исключен"
        body = f"{word} Законом РК от {_date(act)} № {act.number} ({phrase})"
    return body + close


_LABEL_RUS = {Kind.ARTICLE: "Статья", Kind.CHAPTER: "Глава"}
_LABEL_ENG = {Kind.ARTICLE: "Article", Kind.CHAPTER: "Chapter"}


def footnote(unit: Provision, acts: Sequence[tuple["Act", str | None]], lang: str,
             written: Mapping[str, str] | None = None) -> str:
    """A footnote naming every act that changed ``unit`` (with the place of one
    of its operations, for the rule that covers it), in order.  ``written``:
    rules as the base text's own footnotes write them, for acts whose text the
    corpus does not hold in ``lang``."""

    def rule_phrase(act: "Act", place: str | None, lang: str) -> str:
        return _rule_phrase(act, place, lang) or (written or {}).get(act.number, "")
    if lang == "eng":
        label = f"{_LABEL_ENG.get(unit.kind, 'Unit')} {unit.num}"
        items = [f"№ {a.number} dated {_date(a)} ({rule_phrase(a, p, lang)})" for a, p in acts]
        law = "Laws" if len(items) > 1 else "Law"
        return f"Footnote. {label} as amended by the {law} of the RK " + "; ".join(items) + "."
    if lang == "kaz":
        items = [f"{_date(a)} № {a.number} ({rule_phrase(a, p, lang)})" for a, p in acts]
        return f"Ескерту. {unit.num}-бапқа өзгерістер енгізілді - ҚР " + "; ".join(items) + " Заңдарымен."
    label = f"{_LABEL_RUS.get(unit.kind, 'Статья')} {unit.num}"
    items = [f"от {_date(a)} № {a.number} ({rule_phrase(a, p, lang)})" for a, p in acts]
    if len(items) > 1:
        return f"Сноска. {label} с изменениями, внесенными законами РК " + "; ".join(items) + "."
    return f"Сноска. {label} с изменениями, внесенными Законом РК " + items[0] + "."
