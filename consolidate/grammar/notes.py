"""Footnotes and editors' notes of consolidated texts → :class:`~consolidate.model.Note`.

A consolidated text says in notes which acts changed a unit:

- footnotes: ``Сноска. Статья 15 с изменениями, внесенными законами РК от
  27.04.2012 № 15-V (вводится в действие ...); от 11.04.2014 № 189-V (...).``,
  ``Footnote. Chapter 1 has been supplemented by Article 2-1 pursuant to the
  Law of the Republic of Kazakhstan dated 23.12.2023 № 51-VIII (...)``,
  ``Ескерту. 22-бапқа өзгеріс енгізілді - ҚР 2012.07.10 № 33-V (2012.01.01
  бастап қолданысқа енгізіледі) Заңымен.``;
- editors' notes: ``Примечание РЦПИ!`` / ``РҚАО-ның ескертпесі!`` followed by
  the block that belongs to them (``2) тармақшаға өзгеріс енгізу көзделген -
  ҚР 03.07.2014 № 227-V Заңымен (01.01.2015 бастап қолданысқа енгізіледі).``).

:func:`parse_note` reads the subject (the unit the note names, as an eId),
the action, the units it says were added, and every act named, in order:
number (Cyrillic look-alike letters inside the Roman numeral replaced by
Latin ones: ``12-VІ`` → ``12-VI``), adoption date (``27.04.2012``,
``2012.04.27``) and the rule exactly as written inside its parentheses.
The note's own text is kept verbatim.  What a note does not say is left
``None``/empty; a note that names an act it cannot read raises
:class:`~consolidate.errors.ParseError`.

Written the other way round (:func:`repeal_placeholder`, :func:`footnote`):
the placeholder a repealed unit shows and the footnotes generated from the
operations, in the law's own style ("Исключен Законом РК от 05.07.2018
№ 179-VI (вводится в действие со дня его первого официального
опубликования)." and "Сноска. Статья 15 с изменениями, внесенными законами
РК от 03.07.2020 № 357-VI (вводится в действие ...).")."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import ParseError
from ..model import ActRef, Effective, Kind, Note, Provision
from ..numbering import child_eid
from .addresses import unit_kind, word_pattern
from .numerals import MONTHS, fold

if TYPE_CHECKING:
    from ..law import Act

FOOTNOTE_HEADS = ("Сноска.", "Footnote.", "Ескерту.")
EDITORIAL_HEADS = ("Примечание РЦПИ!", "РҚАО-ның ескертпесі!")

# Cyrillic (and Unicode Roman numeral) letters that look like Latin Roman digits
_ROMAN_HOMOGLYPHS = str.maketrans({
    "І": "I", "і": "I", "Ӏ": "I", "ӏ": "I", "Ⅰ": "I",
    "Х": "X", "х": "X", "Ⅹ": "X",
    "С": "C", "с": "C", "Ⅽ": "C",
    "М": "M", "м": "M", "Ⅿ": "M",
    "Ⅴ": "V", "Ⅼ": "L", "Ⅾ": "D",
})
_ROMAN_CHARS = "IVXLCDMІіӀӏХхСсМмⅠⅤⅩⅬⅭⅮⅯ"
_NUMBER = re.compile(rf"(?:№|N)\s*(\d+\s*-\s*[{_ROMAN_CHARS}]+)(?![\w])")
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])|(?<![\d.])(\d{4})\.(\d{1,2})\.(\d{1,2})(?![\d])")
_NUM = r"\d+(?:[-–]\d+)*"


def normalize_act_number(raw: str) -> str:
    """``"12-VІ"`` (Cyrillic І) → ``"12-VI"``; ``"527 - IV"`` → ``"527-IV"``.

    Only the Roman numeral of an act number is normalised; a number that is
    not ``digits-ROMAN`` after that raises :class:`ParseError`."""
    head, sep, tail = raw.strip().partition("-")
    roman = tail.strip().translate(_ROMAN_HOMOGLYPHS).upper()
    if not sep or not head.strip().isdigit() or not re.fullmatch(r"[IVXLCDM]+", roman):
        raise ParseError(f"expected an act number like '12-VI' (got {raw!r})")
    return f"{head.strip()}-{roman}"


def parse_date(raw: str) -> _dt.date:
    """``"27.04.2012"`` or (Kazakh notes) ``"2012.04.27"`` → a date."""
    m = _DATE.fullmatch(raw.strip())
    if not m:
        raise ParseError(f"expected a date DD.MM.YYYY or YYYY.MM.DD (got {raw!r})")
    return _date_of(m, raw)


def _date_of(m: re.Match[str], raw: str) -> _dt.date:
    if m.group(1):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        y, mo, d = int(m.group(4)), int(m.group(5)), int(m.group(6))
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        raise ParseError(f"not a calendar date: {raw!r}") from None


def _split_top(text: str) -> list[tuple[int, str]]:
    """Split at ``;`` outside parentheses; keep each piece's offset."""
    out: list[tuple[int, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            out.append((start, text[start:i]))
            start = i + 1
    out.append((start, text[start:]))
    return out


def _paren_after(text: str, pos: int) -> str | None:
    """The text inside the first balanced parenthesis group starting at or after ``pos``."""
    open_at = text.find("(", pos)
    if open_at < 0:
        return None
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[open_at + 1:i]
    return None  # unbalanced: the rule is cut off


def parse_acts(text: str) -> tuple[ActRef, ...]:
    """Every act a note names, in order: ``№ 15-V`` / ``N 159-V`` with the
    date next to it (before or after the number, in the same ``;`` piece) and
    the first parenthesis after both as the rule, verbatim."""
    acts: list[ActRef] = []
    for _, piece in _split_top(text):
        numbers = list(_NUMBER.finditer(piece))
        if not numbers:
            continue
        if len(numbers) > 1:
            raise ParseError(f"expected one act number per ';'-separated piece, found "
                             f"{len(numbers)} in {piece.strip()!r}")
        m = numbers[0]
        number = normalize_act_number(m.group(1))
        # the act's date: the nearest date outside the rule's parentheses
        rule_start = piece.find("(", m.end())
        head = piece if rule_start < 0 else piece[:rule_start]
        outside = re.sub(r"\([^()]*\)", lambda x: " " * len(x.group(0)), head)
        dates = list(_DATE.finditer(outside))
        adopted = _date_of(min(dates, key=lambda d: abs(d.start() - m.start())), piece) if dates else None
        after = max([m.end()] + [d.end() for d in dates])
        rule = _paren_after(piece, after)
        acts.append(ActRef(number=number, adopted=adopted, rule=rule))
    return tuple(acts)


# --- subject, action, added -------------------------------------------------



def _w(lang: str, *kinds: str) -> str:
    return word_pattern(lang, kinds)


# The unit a note speaks of, matched on the note's folded view (lower case,
# Kazakh Latin «i» as «і»): Russian and English innermost first («Подпункт 2)
# пункта 1 статьи 15», "Subparagraph 2) of paragraph 1 of Article 15"),
# Kazakh outermost first, the outer units in the possessive («15-баптың
# 1-тармағының 2) тармақшасы»: a paragraph there is «тармағы-», a
# subparagraph never the «тармақшамен» of "supplemented by subparagraph").
# a Kazakh unit word in the instrumental («4-1) тармақшамен толықтырылды»)
# names what was added, not the note's subject
_NOT_ADDED = r"(?![а-яәғқңөұүһі]*(?:мен|пен|бен)(?![а-яәғқңөұүһі]))"
_SUBJECTS = {
    "rus": re.compile(
        rf"^(?:заголовок\s+)?(?:{_w('rus', 'subparagraph')}\s+(?P<subn>{_NUM})\)\s+)?"
        rf"(?:{_w('rus', 'paragraph')}\s+(?P<parn>{_NUM})\s+)?"
        rf"(?:{_w('rus', 'article')}\s+(?P<artn>{_NUM})|{_w('rus', 'chapter')}\s+(?P<chpn>{_NUM}))"),
    "eng": re.compile(
        rf"^(?:the\s+heading\s+of\s+)?(?:{_w('eng', 'subparagraph')}\s+(?P<subn>{_NUM})\)\s+of\s+)?"
        rf"(?:{_w('eng', 'paragraph')}\s+(?P<parn>{_NUM})\s+of\s+)?"
        rf"(?:{_w('eng', 'article')}\s+(?P<artn>{_NUM})|{_w('eng', 'chapter')}\s+(?P<chpn>{_NUM}))"),
    "kaz": re.compile(
        rf"^(?:(?P<artn>{_NUM})-{_w('kaz', 'article')}|(?P<chpn>{_NUM})-{_w('kaz', 'chapter')})"
        rf"(?:\s+(?P<parn>{_NUM})-(?=тармағ){_w('kaz', 'paragraph')})?"
        rf"(?:\s+(?P<subn>{_NUM})\)\s*{_NOT_ADDED}{_w('kaz', 'subparagraph')})?"),
}
# "Порядок введения в действие ... см. ст.30": the note names Article 30
_SEE = re.compile(rf"(?:см\.\s*ст\.\s*(?P<artn>{_NUM})\b|(?P<kz>{_NUM})-б\.\s*қараңыз|see\s+article\s+(?P<en>{_NUM}))")
# relative subjects of Kazakh editors' notes: "6-тармақ", "2) тармақшаға"
_KZ_RELATIVE = (("paragraph", re.compile(rf"^(?P<num>{_NUM})-{_w('kaz', 'paragraph')}")),
                ("subparagraph", re.compile(rf"^(?P<num>{_NUM})\)\s*{_w('kaz', 'subparagraph')}")))

_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # (pattern, action), first match in the text wins
    "rus": ((r"\bв редакции\b", "restated"), (r"\bисключен", "excluded"), (r"\bс изменени", "amended"),
            (r"\bдополнен", "supplemented"), (r"\bизменен", "amended")),
    "eng": ((r"\bis in the wording of\b|\bas restated\b|\bin the wording\b", "restated"),
            (r"\b[Ii]s excluded\b|\bhas been excluded\b|\bexcluded by\b", "excluded"),
            (r"\bas amended\b|\bamended by\b", "amended"),
            (r"\bsupplemented\b", "supplemented")),
    "kaz": ((r"жаңа редакцияда", "restated"), (r"алып тасталды", "excluded"),
            (r"өзгеріс", "amended"), (r"толықтырылды", "supplemented")),
}

_ADDED_KINDS = ("article", "paragraph", "subparagraph", "chapter")
_ADDED: dict[str, re.Pattern[str]] = {  # matched on the folded view, as the subjects
    "rus": re.compile(rf"дополнен\w*\s+(?P<kind>{_w('rus', *_ADDED_KINDS)})\s+"
                      rf"(?P<nums>{_NUM}\)?(?:\s*(?:,|и)\s*{_NUM}\)?)*)"),
    "eng": re.compile(rf"supplemented\s+(?:by|with)\s+(?P<kind>{_w('eng', *_ADDED_KINDS)})\s+"
                      rf"(?P<nums>{_NUM}\)?(?:\s*(?:,|and)\s*{_NUM}\)?)*)"),
    "kaz": re.compile(rf"(?P<nums>{_NUM}\)?(?:\s*,\s*{_NUM}\)?)*)(?:-|\s)(?P<kind>{_w('kaz', *_ADDED_KINDS)})"
                      rf"\s+толықтырылды"),
}


def _subject(body: str, lang: str, context: str | None) -> str | None:
    grammar = _SUBJECTS.get(lang)
    body = fold(body, lang)
    m = grammar.match(body) if grammar else None
    if m:
        g = m.groupdict()
        if g.get("chpn"):
            return child_eid(None, "chapter", g["chpn"])
        eid = child_eid(None, "article", g["artn"])
        if g.get("parn"):
            eid = child_eid(eid, "paragraph", g["parn"])
        if g.get("subn"):
            eid = child_eid(eid, "subparagraph", g["subn"])
        return eid
    m = _SEE.search(body)
    if m:  # "Порядок введения в действие ... см. ст.30": the note names Article 30
        return child_eid(None, "article", m.group("artn") or m.group("kz") or m.group("en"))
    if lang == "kaz" and context:
        # "6-тармақ ..." / "2) тармақшаға ...": a unit of the article the note stands in
        segs = context.split("__")
        if not segs[0].startswith("art_"):
            return None
        for kind, relative in _KZ_RELATIVE:
            if m := relative.match(body):
                if kind == "paragraph":
                    return child_eid(segs[0], kind, m.group("num"))
                container = "__".join(segs[:2]) if len(segs) > 1 and segs[1].startswith("para_") else segs[0]
                return child_eid(container, kind, m.group("num"))
    return None


def _action(body: str, lang: str) -> str | None:
    for pattern, action in _ACTIONS.get(lang, ()):
        if re.search(pattern, body):
            return action
    return None


def _added(body: str, lang: str, subject: str | None) -> tuple[str, ...]:
    pattern = _ADDED.get(lang)
    m = pattern.search(fold(body, lang)) if pattern else None
    if not m:
        return ()
    kind = unit_kind(m.group("kind"), lang)
    nums = re.findall(_NUM, m.group("nums"))
    if kind in ("article", "chapter"):
        return tuple(child_eid(None, kind, n) for n in nums)
    if subject is None:
        return ()  # a paragraph added to an unnamed unit: the note does not say where
    return tuple(child_eid(subject, kind, n) for n in nums)


def parse_note(text: str, *, lang: str, context: str | None = None) -> Note:
    """A footnote or an editors' note (with its body after the header) → a :class:`Note`.

    ``context`` is the eId of the innermost unit the note stands in; it
    resolves Kazakh editors' notes that name a unit relative to it
    (``6-тармақ`` → ``art_21__para_6``).  Without it such subjects are ``None``.
    """
    raw = " ".join(text.split())
    if raw.startswith(FOOTNOTE_HEADS):
        kind = "footnote"
        body = raw.split(".", 1)[1].strip()
    elif raw.startswith(EDITORIAL_HEADS):
        kind = "editorial"
        body = raw.split("!", 1)[1].strip()
    else:
        raise ParseError(f"expected a note starting with one of "
                         f"{', '.join(FOOTNOTE_HEADS + EDITORIAL_HEADS)} (got {raw[:60]!r})")
    subject = _subject(body, lang, context)
    acts = parse_acts(body)
    return Note(
        kind=kind,
        text=text.strip(),
        action=_action(body, lang),
        acts=acts,
        subject=subject,
        added=_added(body, lang, subject),
    )


# -- written: placeholders and footnotes in the law's own style ----------------------------

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


_MONTHS = MONTHS["rus"]
_WORD_DATE = re.compile(r"\bсо? (\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4}) года")


def _numeric_dates(text: str) -> str:
    """"с 1 января 2016 года" → "с 01.01.2016": the footnotes' way of writing a fixed date."""
    return _WORD_DATE.sub(
        lambda m: f"с {int(m[1]):02d}.{_MONTHS[m[2]]:02d}.{m[3]}", text)


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
