"""A synthetic code-scale law in the corpus format, for the benchmarks.

``python -m bench.gen OUTDIR --scale 1.0`` writes

    OUTDIR/amendments/bench-code/law.toml
    OUTDIR/amendments/bench-code/acts/<adopted>_<number>.toml
    OUTDIR/snapshots/bench-code/rus/base.md

At scale 1.0: about 1,000 articles and 15,000 units in 50 chapters, and 400
amending acts over twenty years (2005-2024) carrying 10,000 operations of
every kind (insert, substitute, repeal, replace_words, insert_words,
delete_words, renumber, expire), in Russian-like legal prose.  Scale
multiplies articles, acts and operations alike.

Everything comes from one seeded :class:`random.Random`: the same seed and
scale give the same bytes.  The generator keeps its own copy of the text and
applies every operation to it while generating, in the engine's replay order
(effective date, publication, adoption, act number, position in the act), so
that every operation applies on its date: its target exists and is in
effect, the words it edits occur exactly once in its scope or it names the
occurrence, and a number it inserts or renumbers to has never been used.
The simulation is written from the corpus format (docs/formats.md), not
from the engine's code: a compile with ``strict=True`` checks them against
each other (tests/test_bench_gen.py).

Each act carries its first publication date and a commencement article as
written (ten calendar days after publication, the day of publication, or
1 January of a year), and states the date that rule gives in
``[commencement] effective``.  ``--rules-only`` leaves the ten-day acts
without the stated date, for an engine that derives it from the rule.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import heapq
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

SLUG = "bench-code"
LAW_NUMBER = "101-III"
LAW_ADOPTED = _dt.date(2004, 12, 20)
TITLE = "Кодекс Республики Казахстан об административных процедурах и государственном управлении"
FIRST_ACT = _dt.date(2005, 2, 1)
LAST_ACT = _dt.date(2024, 11, 30)

# scale 1.0
ARTICLES = 1000
ARTICLES_PER_CHAPTER = 20
ACTS = 400
OPERATIONS = 10_000

KINDS = ("insert", "substitute", "repeal", "replace_words", "insert_words", "delete_words", "renumber", "expire")
MIX = {
    "replace_words": 0.25,
    "insert": 0.16,
    "substitute": 0.14,
    "insert_words": 0.11,
    "delete_words": 0.10,
    "repeal": 0.10,
    "renumber": 0.07,
    "expire": 0.07,
}

# Convocations of Parliament, for act numbers ("123-V").
CONVOCATIONS = (
    (_dt.date(2004, 1, 1), "III"),
    (_dt.date(2007, 9, 2), "IV"),
    (_dt.date(2012, 1, 20), "V"),
    (_dt.date(2016, 3, 25), "VI"),
    (_dt.date(2021, 1, 15), "VII"),
    (_dt.date(2023, 3, 29), "VIII"),
)

TEN_DAYS = ("Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней "
            "после дня его первого официального опубликования.")
ON_PUBLICATION = "Статья 2. Настоящий Закон вводится в действие со дня его первого официального опубликования."
ON_DATE = "Статья 2. Настоящий Закон вводится в действие с 1 января {year} года."
RULE_PHRASE = {
    "ten": "вводится в действие по истечении десяти календарных дней после дня его первого официального "
           "опубликования",
    "pub": "вводится в действие со дня его первого официального опубликования",
    "date": "вводится в действие с 01.01.{year}",
}

# ---------------------------------------------------------------------------
# Russian-like legal prose

NOUNS = """
орган органа органом органы органов органам органами порядок порядка порядке порядком
организация организации организацией организаций организациям деятельность деятельности
гражданин гражданина гражданином граждан гражданам лицо лица лицом лиц лицам
право права правом прав правам обязанность обязанности обязанностей обязанностями
решение решения решением решений решениям заявление заявления заявлением заявлений
документ документа документом документов документам сведения сведений сведениям
услуга услуги услугой услуг услугам контроль контроля контролем надзор надзора надзором
процедура процедуры процедурой процедур процедурам срок срока сроком сроков сроки
проверка проверки проверкой проверок проверкам реестр реестра реестре реестром
имущество имущества имуществом средства средств средствами бюджет бюджета бюджете
территория территории территорией объект объекта объектом объектов объектам
информация информации информацией система системы системой систем системам
предприятие предприятия предприятием предприятий учреждение учреждения учреждений
комиссия комиссии комиссией комиссий совет совета советом советов программа программы
мероприятие мероприятия мероприятий мероприятиями требование требования требований
нарушение нарушения нарушением нарушений ответственность ответственности
разрешение разрешения разрешением разрешений лицензия лицензии лицензией лицензий
уведомление уведомления уведомлением уведомлений жалоба жалобы жалобой жалоб
производство производства производстве производством основание основания оснований
соглашение соглашения соглашением соглашений договор договора договором договоров
представитель представителя представителем представителей работник работника работников
служба службы службой служб политика политики политикой стандарт стандарта стандартов
""".split()
ADJECTIVES = """
государственный государственного государственным государственных государственной государственные
местный местного местным местных местной местные уполномоченный уполномоченного уполномоченным
центральный центрального центральным центральных центральной административный административного
административным административных административной административные юридический юридического
юридическим юридических физический физического физическим физических установленный
установленного установленным установленных установленной соответствующий соответствующего
соответствующим соответствующих соответствующей нормативный нормативного нормативным нормативных
правовой правового правовым правовых правовой электронный электронного электронным электронных
электронной письменный письменного письменным письменной обязательный обязательного обязательным
обязательных необходимый необходимого необходимым необходимых специальный специального
специальным специальных финансовый финансового финансовым финансовых иной иного иным иных
""".split()
VERBS = """
осуществляет осуществляют осуществляется осуществляются обеспечивает обеспечивают обеспечивается
утверждает утверждают утверждается определяет определяют определяется устанавливает
устанавливают устанавливается рассматривает рассматривают рассматривается представляет
представляют представляется принимает принимают принимается направляет направляют направляется
разрабатывает разрабатывают организует организуют координирует координируют вправе обязан
обязаны допускается запрещается подлежит подлежат регулируется регулируются
""".split()
SMALL = """
в в в на на с с по по для при о об от до из к и и и или а также либо не в_порядке в_соответствии_с
в_случае в_пределах в_течение за_исключением со_дня после_дня
""".split()
FIRST_WORDS = """
Уполномоченный Государственный Местный Центральный Административный Порядок Решение Заявление
Организация Деятельность Контроль Надзор Требования Сведения Информация Проверка Основанием
Государственные Физические Юридические Документы Органы Лица Граждане Работники Средства
""".split()
TERMS = (
    "уполномоченный орган в сфере государственных услуг",
    "уполномоченный орган по делам государственной службы",
    "центральный уполномоченный орган по бюджетному планированию",
    "местный исполнительный орган области",
    "уполномоченный орган в области связи",
    "уполномоченный орган по финансовому мониторингу",
    "центральный исполнительный орган в области юстиции",
    "уполномоченный орган по внутреннему государственному аудиту",
    "государственная корпорация «Правительство для граждан»",
    "уполномоченный орган в области информатизации",
    "уполномоченный орган по регулированию естественных монополий",
    "центральный уполномоченный орган по государственному планированию",
)
TERM_HEADS = ("уполномоченный орган", "центральный уполномоченный орган", "местный исполнительный орган",
              "центральный исполнительный орган")
TERM_TAILS = ("в сфере", "в области", "по вопросам", "по делам")
TERM_OBJECTS = (
    "цифрового развития", "обороны", "культуры и спорта", "торговли и интеграции", "национальной экономики",
    "жилищных отношений", "охраны окружающей среды", "промышленности и строительства", "здравоохранения",
    "образования и науки", "гражданской защиты", "энергетики", "сельского хозяйства", "труда и занятости",
    "транспорта", "туризма", "информации и общественного развития", "финансового надзора",
)
OBJECT_GENITIVE = """
государственного управления налогового администрирования бюджетного планирования
внутреннего контроля административной юстиции регистрации недвижимости охраны
общественного порядка гражданской защиты социальной защиты земельных отношений
государственной службы противодействия коррупции государственной статистики
""".split()
WORD_RE = re.compile(r"[А-Яа-яЁё]+")


class Prose:
    """Sentences of legal Russian from a seeded generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.42:
            w = self.rng.choice(NOUNS)
        elif r < 0.70:
            w = self.rng.choice(ADJECTIVES)
        elif r < 0.80:
            w = self.rng.choice(VERBS)
        elif r < 0.96:
            w = self.rng.choice(SMALL)
        else:
            w = self.rng.choice(OBJECT_GENITIVE)
        return w.replace("_", " ")

    def words(self, n: int) -> str:
        return " ".join(self.word() for _ in range(n))

    def body(self, n: int, *, term: float = 0.08, ref: float = 0.05) -> str:
        """``n`` words, capitalised, with commas, sometimes a term or a cross reference."""
        out = [self.rng.choice(FIRST_WORDS)]
        for i in range(n - 1):
            w = self.word()
            if i % 9 == 8 and self.rng.random() < 0.5:
                out[-1] += ","
            out.append(w)
        if self.rng.random() < term:
            out.insert(self.rng.randrange(2, len(out) + 1), self.rng.choice(TERMS))
        if self.rng.random() < ref:
            out.insert(self.rng.randrange(2, len(out) + 1),
                       f"в соответствии с пунктом {self.rng.randint(1, 5)} статьи {self.rng.randint(1, 900)} "
                       "настоящего Кодекса")
        return " ".join(out)

    def heading(self) -> str:
        n = self.rng.randint(2, 7)
        return " ".join([self.rng.choice(FIRST_WORDS)] + [self.rng.choice(NOUNS + ADJECTIVES) for _ in range(n - 1)])

    def chapter_heading(self) -> str:
        return self.heading().upper()

    def length(self) -> int:
        return max(4, int(self.rng.gauss(26, 9)))

    def new_term(self) -> str:
        return f"{self.rng.choice(TERM_HEADS)} {self.rng.choice(TERM_TAILS)} {self.rng.choice(TERM_OBJECTS)}"


# ---------------------------------------------------------------------------
# The simulated text


PREFIX = {"chapter": "chp", "article": "art", "paragraph": "para", "subparagraph": "subpara", "part": "part"}


def num_key(num: str) -> tuple[int, ...]:
    return tuple(int(p) for p in num.split("-"))


def child_eid(parent: "Unit", kind: str, num: str) -> str:
    seg = f"{PREFIX[kind]}_{num}"
    if kind in ("chapter", "article") or parent.kind in ("law", "chapter"):
        return seg
    return f"{parent.eid}__{seg}"


@dataclass(eq=False)
class Unit:
    kind: str  # law | preamble | chapter | article | paragraph | subparagraph | part
    num: str | None
    eid: str
    heading: str | None = None
    text: str = ""
    children: list["Unit"] = field(default_factory=list)
    parent: "Unit | None" = None
    repealed: bool = False
    pinned: int = 0  # expiries scheduled at or below this unit
    doomed: bool = False  # this unit is scheduled to expire

    def subtree(self) -> list["Unit"]:
        out: list[Unit] = []
        stack = [self]
        while stack:
            u = stack.pop()
            out.append(u)
            stack.extend(reversed(u.children))
        return out

    def ancestors(self) -> list["Unit"]:
        out = []
        p = self.parent
        while p is not None:
            out.append(p)
            p = p.parent
        return out

    def in_doomed(self) -> bool:
        return self.doomed or any(a.doomed for a in self.ancestors())

    def locked(self) -> bool:
        """Structural operations would disturb a scheduled expiry."""
        return self.pinned > 0 or self.in_doomed()

    def article(self) -> "Unit":
        u: Unit | None = self
        while u is not None and u.kind != "article":
            u = u.parent
        assert u is not None
        return u


def find_all(text: str, words: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences, left to right."""
    out = []
    i = text.find(words)
    while i >= 0:
        out.append(i)
        i = text.find(words, i + len(words))
    return out


Hit = tuple[Unit, str, int]  # unit, field ("heading" | "text"), offset

_CLOSING = re.compile(r"[.;:,]+$")


class Text:
    """The law as the generator believes it reads on the current replay step."""

    def __init__(self) -> None:
        self.root = Unit("law", None, "law")
        self.by_eid: dict[str, Unit] = {"law": self.root}
        self.used: set[str] = {"law"}
        self.live: list[Unit] = []  # every unit but the root, for sampling
        self._pos: dict[int, int] = {}

    # registry
    def register(self, u: Unit) -> None:
        assert u.eid not in self.by_eid, u.eid
        self.by_eid[u.eid] = u
        self.used.add(u.eid)
        if u.kind not in ("preamble", "law") and not u.eid.startswith("preamble"):
            self._pos[id(u)] = len(self.live)
            self.live.append(u)

    def unregister(self, u: Unit) -> None:
        del self.by_eid[u.eid]
        if id(u) not in self._pos:
            return
        i = self._pos.pop(id(u))
        last = self.live.pop()
        if last is not u:
            self.live[i] = last
            self._pos[id(last)] = i

    def add_child(self, parent: Unit, u: Unit, index: int | None = None) -> None:
        u.parent = parent
        if index is None:
            parent.children.append(u)
        else:
            parent.children.insert(index, u)
        for x in u.subtree():
            self.register(x)

    def remove(self, u: Unit) -> None:
        assert u.parent is not None
        u.parent.children.remove(u)
        for x in u.subtree():
            self.unregister(x)

    def position(self, parent: Unit, new: Unit) -> int:
        """After the last sibling of its kind with a lower number, else before the
        first with a higher one, else at the end (the insertion rule of the format)."""
        key = num_key(new.num or "0")
        after = first_higher = None
        for i, sib in enumerate(parent.children):
            if sib.kind != new.kind or sib.num is None:
                continue
            if num_key(sib.num) < key:
                after = i
            elif first_higher is None:
                first_higher = i
        if after is not None:
            return after + 1
        if first_higher is not None:
            return first_higher
        return len(parent.children)

    def sizes(self) -> tuple[int, int]:
        units = len(self.live)
        articles = sum(1 for u in self.live if u.kind == "article")
        return articles, units

    # words
    @staticmethod
    def hits(scope: list[Unit], words: str) -> list[Hit]:
        out: list[Hit] = []
        for u in scope:
            if u.heading and words in u.heading:
                out.extend((u, "heading", i) for i in find_all(u.heading, words))
            if words in u.text:
                out.extend((u, "text", i) for i in find_all(u.text, words))
        return out


def get(u: Unit, fld: str) -> str:
    return (u.heading or "") if fld == "heading" else u.text


def put(u: Unit, fld: str, value: str) -> None:
    if fld == "heading":
        u.heading = value
    else:
        u.text = value


def back_to_front(hits: list[Hit]) -> list[Hit]:
    return sorted(hits, key=lambda h: (h[0].eid, h[1], -h[2]))


def replace_at(hits: list[Hit], length: int, new: str) -> None:
    for u, fld, off in back_to_front(hits):
        v = get(u, fld)
        put(u, fld, v[:off] + new + v[off + length:])


def delete_at(hits: list[Hit], length: int) -> None:
    """Delete the words and one adjacent space (so no double space is left)."""
    for u, fld, off in back_to_front(hits):
        v = get(u, fld)
        end = off + length
        if off > 0 and v[off - 1] == " " and (end == len(v) or v[end] in " .,;:)»"):
            off -= 1
        elif end < len(v) and v[end] == " ":
            end += 1
        put(u, fld, v[:off] + v[end:])


# ---------------------------------------------------------------------------
# The base text


def build_base(rng: random.Random, prose: Prose, articles: int) -> Text:
    text = Text()
    pre = Unit("preamble", None, "preamble")
    text.add_child(text.root, pre)
    text.add_child(pre, Unit("part", "1", "preamble__part_1", text=prose.body(40, term=0, ref=0) + "."))
    chapters = max(1, round(articles / ARTICLES_PER_CHAPTER))
    art = 0
    for c in range(1, chapters + 1):
        chp = Unit("chapter", str(c), f"chp_{c}", heading=prose.chapter_heading())
        text.add_child(text.root, chp)
        n_here = articles // chapters + (1 if c <= articles % chapters else 0)
        for _ in range(n_here):
            art += 1
            text.add_child(chp, make_article(rng, prose, str(art), shape=None))
    return text


def make_article(rng: random.Random, prose: Prose, num: str, shape: str | None) -> Unit:
    a = Unit("article", num, f"art_{num}", heading=prose.heading())
    r = rng.random()
    shape = shape or ("definitions" if r < 0.22 else "paragraphs" if r < 0.86 else "parts")
    if shape == "definitions":
        a.children.append(Unit("part", "1", f"{a.eid}__part_1", text=prose.body(rng.randint(5, 12)) + ":",
                               parent=a))
        k = rng.randint(6, 24)
        for i in range(1, k + 1):
            a.children.append(Unit("subparagraph", str(i), f"{a.eid}__subpara_{i}",
                                   text=prose.body(prose.length()) + (";" if i < k else "."), parent=a))
    elif shape == "paragraphs":
        for p in range(1, rng.randint(2, 8) + 1):
            a.children.append(make_paragraph(rng, prose, a, str(p), with_list=rng.random() < 0.32))
    else:
        for p in range(1, rng.randint(1, 4) + 1):
            a.children.append(Unit("part", str(p), f"{a.eid}__part_{p}", text=prose.body(prose.length()) + ".",
                                   parent=a))
    return a


def make_paragraph(rng: random.Random, prose: Prose, parent: Unit, num: str, with_list: bool) -> Unit:
    eid = f"{parent.eid}__para_{num}"
    if not with_list:
        return Unit("paragraph", num, eid, text=prose.body(prose.length()) + ".", parent=parent)
    p = Unit("paragraph", num, eid, text=prose.body(rng.randint(6, 14)) + ":", parent=parent)
    k = rng.randint(3, 10)
    for i in range(1, k + 1):
        p.children.append(Unit("subparagraph", str(i), f"{eid}__subpara_{i}",
                               text=prose.body(prose.length()) + (";" if i < k else "."), parent=p))
    return p


def _rewire(u: Unit) -> None:
    for c in u.children:
        c.parent = u
        _rewire(c)


# ---------------------------------------------------------------------------
# Rendering units as the corpus writes them


def label(u: Unit) -> str:
    if u.kind == "paragraph":
        return f"{u.num}. "
    if u.kind == "subparagraph":
        return f"{u.num}) "
    return ""


def md_lines(u: Unit) -> list[str]:
    """The unit and its subtree as kz-laws Markdown blocks (no blank lines)."""
    out: list[str] = []
    for x in u.subtree():
        if x.kind == "chapter":
            out.append(f"## Глава {x.num}. {x.heading}")
        elif x.kind == "article":
            out.append(f"### Статья {x.num}. {x.heading}")
        elif x.kind in ("paragraph", "subparagraph", "part"):
            out.append("      " + label(x) + x.text)
    return out


def quoted(u: Unit) -> str:
    """The unit as an amending act quotes it: with its label, one block a line."""
    out = []
    for x in u.subtree():
        if x.kind == "article":
            out.append(f"Статья {x.num}. {x.heading}")
        else:
            out.append(label(x) + x.text)
    return "\n".join(out)


def render_base(text: Text) -> str:
    lines = [f"# {TITLE}", ""]
    for c in text.root.children:
        for line in md_lines(c):
            lines.append(line)
            lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Russian instructions (for people reading the act files; the engine reads the fields)

ORDINAL = ("первая", "вторая", "третья", "четвертая", "пятая", "шестая", "седьмая", "восьмая", "девятая",
           "десятая")


def where(u: Unit) -> str:
    """``подпункт 4) пункта 1 статьи 15`` (nominative head, genitive path)."""
    art = u.article()
    if u.kind == "article":
        return f"статья {u.num}"
    if u.kind == "paragraph":
        return f"пункт {u.num} статьи {art.num}"
    if u.kind == "subparagraph":
        if u.parent is not None and u.parent.kind == "paragraph":
            return f"подпункт {u.num}) пункта {u.parent.num} статьи {art.num}"
        return f"подпункт {u.num}) статьи {art.num}"
    if u.kind == "part":
        n = int((u.num or "1").split("-")[0])
        return f"часть {ORDINAL[n - 1] if n <= len(ORDINAL) else u.num} статьи {art.num}"
    return u.eid


def accusative(s: str) -> str:
    """``статья 15`` → ``статью 15`` (the other heads do not change)."""
    return "статью " + s[len("статья "):] if s.startswith("статья ") else s


def in_(u: Unit) -> str:
    """``в подпункте 4) пункта 1 статьи 15``."""
    s = where(u)
    for nom, prep in (("подпункт ", "подпункте "), ("пункт ", "пункте "), ("статья ", "статье "),
                      ("часть ", "части ")):
        if s.startswith(nom):
            return "в " + prep + s[len(nom):]
    return "в " + s


# ---------------------------------------------------------------------------
# Acts


@dataclass
class ActPlan:
    number: str
    adopted: _dt.date
    published: _dt.date
    rule: str  # ten | pub | date
    effective: _dt.date
    size: int
    item: int
    topic: str
    operations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.effective, self.published, self.adopted, self.number)


TOPICS = """
государственных услуг|государственной службы|административных процедур|цифровизации|
бюджетного законодательства|противодействия коррупции|совершенствования контрольной и надзорной деятельности|
разрешительной системы|местного государственного управления|защиты прав предпринимателей|
социальной защиты|налогового администрирования|информатизации|регулирования естественных монополий
""".replace("\n", "").split("|")


def convocation(day: _dt.date) -> str:
    name = CONVOCATIONS[0][1]
    for start, n in CONVOCATIONS:
        if day >= start:
            name = n
    return name


def plan_acts(rng: random.Random, n_acts: int, n_ops: int) -> list[ActPlan]:
    span = (LAST_ACT - FIRST_ACT).days
    adopted = sorted(FIRST_ACT + _dt.timedelta(days=rng.randrange(span)) for _ in range(n_acts))
    weights = [min(rng.paretovariate(1.6), 12.0) for _ in range(n_acts)]
    total = sum(weights)
    sizes = [max(1, int(n_ops * w / total)) for w in weights]
    # hand out the remainder (or take back the excess) one at a time
    i = 0
    while sum(sizes) != n_ops:
        j = i % n_acts
        if sum(sizes) < n_ops:
            sizes[j] += 1
        elif sizes[j] > 1:
            sizes[j] -= 1
        i += 1
    counters: dict[str, int] = {}
    plans = []
    for a, size in zip(adopted, sizes):
        conv = convocation(a)
        counters[conv] = counters.get(conv, rng.randint(3, 9)) + rng.randint(2, 9)
        number = f"{counters[conv]}-{conv}"
        published = a + _dt.timedelta(days=rng.randint(2, 20))
        r = rng.random()
        if r < 0.72:
            rule, eff = "ten", published + _dt.timedelta(days=11)
        elif r < 0.82:
            rule, eff = "pub", published
        else:
            rule = "date"
            year = (published + _dt.timedelta(days=20)).year + 1
            eff = _dt.date(year, 1, 1)
        plans.append(ActPlan(number, a, published, rule, eff, size, rng.randint(1, 60), rng.choice(TOPICS)))
    plans.sort(key=lambda p: p.key)
    return plans


def placeholder(plan: ActPlan, unit: Unit) -> str:
    close = ";" if unit.text.rstrip().endswith(";") else "."
    rule = RULE_PHRASE[plan.rule].format(year=plan.effective.year)
    word = {"part": "Исключена"}.get(unit.kind, "Исключен")
    return f"{word} Законом РК от {plan.adopted.strftime('%d.%m.%Y')} № {plan.number} ({rule}){close}"


# ---------------------------------------------------------------------------
# Operations


class Skip(Exception):
    """No suitable target for this kind of operation right now: try another."""


class Generator:
    def __init__(self, rng: random.Random, prose: Prose, text: Text):
        self.rng = rng
        self.prose = prose
        self.text = text
        self.pending: list[tuple[Any, ...]] = []  # heap of expiries: (key, counter, eid)
        self._tick = 0
        self.counts: Counter[str] = Counter()
        self.extra_terms: list[str] = []  # terms introduced by renamings throughout the law

    # sampling
    def pick(self, ok: Any, tries: int = 300) -> Unit:
        live = self.text.live
        for _ in range(tries):
            u = live[self.rng.randrange(len(live))]
            if ok(u):
                return u
        raise Skip

    @staticmethod
    def plain(u: Unit) -> bool:
        return u.kind in ("paragraph", "subparagraph", "part", "article") and not u.repealed

    def phrase(self, u: Unit, fld: str = "text", max_words: int = 3) -> tuple[str, int]:
        """A run of 1-3 whole words of ``u``'s text (not its first word): (words, offset)."""
        value = get(u, fld)
        spans = [(m.start(), m.end()) for m in WORD_RE.finditer(value)]
        if len(spans) < 3:
            raise Skip
        for _ in range(20):
            i = self.rng.randrange(1, len(spans))
            n = self.rng.choice((1, 2, 2, 3, 3)) if max_words >= 3 else 1
            j = min(len(spans), i + n) - 1
            start, end = spans[i][0], spans[j][1]
            words = value[start:end]
            if re.fullmatch(r"[А-Яа-яЁё]+(?: [А-Яа-яЁё]+)*", words) and len(words) >= 3:
                return words, start
        raise Skip

    def occurrence(self, op: dict[str, Any], hits: list[Hit], mine: tuple[Unit, str, int]) -> Hit:
        """Name the occurrence an operation addresses when its words are not unique."""
        if len(hits) == 1:
            return hits[0]
        n = next((i for i, h in enumerate(hits) if h == mine), None)
        if n is None:
            n = self.rng.randrange(len(hits))
        if n == 0 and self.rng.random() < 0.5:
            op["occurrence"] = "first"
        else:
            op["occurrence"] = n + 1
        return hits[n]

    # the operations
    def op(self, kind: str, plan: ActPlan, seq: int) -> dict[str, Any]:
        op: dict[str, Any] = {"place": f"art_1__para_{plan.item}__subpara_{seq + 1}", "op": kind}
        getattr(self, "_" + kind)(op, plan, seq)
        self.counts[kind] += 1
        return op

    def _insert(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        r = self.rng.random()
        prose, rng, text = self.prose, self.rng, self.text
        if r < 0.08:
            # an article, after another article of the same chapter
            after = self.pick(lambda u: u.kind == "article" and u.parent is not None
                              and u.parent.kind == "chapter" and not u.in_doomed())
            chapter = after.parent
            assert chapter is not None
            num = self.free_num(None, "article", after.num or "1")
            new = make_article(rng, prose, num, shape=rng.choice(("paragraphs", "paragraphs", "definitions")))
            _rewire(new)
            op.update(target=new.eid, parent=chapter.eid,
                      instruction=f"дополнить статьей {num} следующего содержания:", text=quoted(new))
            text.add_child(chapter, new, text.position(chapter, new))
            return
        if r < 0.40:
            # a paragraph, into an article of paragraphs
            sib = self.pick(lambda u: u.kind == "paragraph" and u.parent is not None
                            and u.parent.kind == "article" and not u.parent.repealed and not u.parent.in_doomed())
            parent = sib.parent
            assert parent is not None
            num = self.free_num(parent, "paragraph", sib.num or "1", end=sib is parent.children[-1])
            new = make_paragraph(rng, prose, parent, num, with_list=rng.random() < 0.2)
            _rewire(new)
            op.update(target=new.eid, instruction=f"статью {parent.article().num} дополнить пунктом {num} "
                      "следующего содержания:", text=quoted(new))
            text.add_child(parent, new, text.position(parent, new))
            return
        # a subparagraph, into a list
        sib = self.pick(lambda u: u.kind == "subparagraph" and u.parent is not None
                        and not u.parent.repealed and not u.parent.in_doomed())
        parent = sib.parent
        assert parent is not None
        num = self.free_num(parent, "subparagraph", sib.num or "1", end=sib is parent.children[-1])
        new = Unit("subparagraph", num, child_eid(parent, "subparagraph", num), text=prose.body(prose.length()) + ";")
        op.update(target=new.eid, instruction=f"{accusative(where(parent))} дополнить подпунктом {num}) "
                  "следующего содержания:", text=quoted(new))
        text.add_child(parent, new, text.position(parent, new))

    def free_num(self, parent: Unit | None, kind: str, after: str, end: bool = False) -> str:
        """A number never used at that place: the next integer at the end of a list,
        else ``after-1``, ``after-2``, ..."""
        base = num_key(after)

        def eid(num: str) -> str:
            if parent is None:
                return f"{PREFIX[kind]}_{num}"
            return child_eid(parent, kind, num)

        if end and len(base) == 1:
            num = str(base[0] + 1)
            if eid(num) not in self.text.used:
                return num
        k = 1
        while True:
            num = "-".join(str(p) for p in base + (k,))
            if eid(num) not in self.text.used:
                return num
            k += 1

    def _substitute(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        prose = self.prose
        r = self.rng.random()

        def ok(u: Unit) -> bool:
            if u.kind not in ("paragraph", "subparagraph", "part", "article") or u.locked():
                return False
            if any(x.repealed for x in u.subtree()):
                return False
            if u.kind == "article":
                return r < 0.08 and len(u.children) <= 12
            if u.children:
                return r < 0.25
            return True

        u = self.pick(ok)
        for x in u.subtree():
            if x.kind == "article":
                x.heading = prose.heading()
            elif x.kind == "part" or not x.children:
                close = x.text[-1] if x.text and x.text[-1] in ".;:" else "."
                x.text = prose.body(prose.length()) + close
            else:
                x.text = prose.body(self.rng.randint(6, 14)) + ":"
        op.update(target=u.eid, instruction=f"{accusative(where(u))} изложить в следующей редакции:", text=quoted(u))

    def _repeal(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        u = self.pick(lambda u: u.kind in ("paragraph", "subparagraph") and not u.repealed and not u.locked())
        text = placeholder(plan, u)
        for c in list(u.children):
            self.text.remove(c)
        u.text = text
        u.repealed = True
        op.update(target=u.eid, instruction=f"{accusative(where(u))} исключить;", placeholder=text)

    def _words_target(self) -> tuple[Unit, str]:
        """A unit in effect with words to edit, and the field they are in."""
        r = self.rng.random()
        if r < 0.08:
            u = self.pick(lambda u: u.kind == "article" and not u.repealed and bool(u.heading))
            return u, "heading"
        u = self.pick(lambda u: u.kind in ("paragraph", "subparagraph", "part") and not u.repealed
                      and len(u.text) > 40)
        return u, "text"

    def _replace_words(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        text, rng = self.text, self.rng
        if rng.random() < 0.03:
            # throughout the law: a term renamed everywhere
            terms = list(TERMS) + self.extra_terms
            rng.shuffle(terms)
            want = rng.choice((1, 1, 2))
            pairs: list[tuple[str, str]] = []
            for old in terms:
                if len(pairs) == want:
                    break
                if self.law_hits(old):
                    pairs.append((old, self.fresh_term()))
            if not pairs:
                raise Skip
            for old, new in pairs:
                hits = text.hits(text.root.subtree(), old)
                replace_at(hits, len(old), new)
            if len(pairs) == 1:
                op.update(target="law", instruction=f"по всему тексту слова «{pairs[0][0]}» заменить словами "
                          f"«{pairs[0][1]}»;", old=pairs[0][0], new=pairs[0][1], throughout=True)
            else:
                op.update(target="law", instruction="по всему тексту слова " + ", ".join(f"«{o}»" for o, _ in pairs)
                          + " заменить соответственно словами " + ", ".join(f"«{n}»" for _, n in pairs) + ";",
                          pairs=[list(p) for p in pairs], throughout=True)
            return
        u, fld = self._words_target()
        words, off = self.phrase(u, fld)
        new = self.prose.words(rng.choice((1, 2, 2, 3)))
        scope = u.subtree()
        op.update(target=u.eid, instruction=f"{in_(u)} слова «{words}» заменить словами «{new}»;",
                  old=words, new=new)
        hits = text.hits(scope, words)
        if rng.random() < 0.1 and len(hits) > 1:
            op["occurrence"] = "all"
            replace_at(hits, len(words), new)
            return
        hit = self.occurrence(op, hits, (u, fld, off))
        replace_at([hit], len(words), new)

    def law_hits(self, words: str) -> bool:
        """Whether ``words`` occur anywhere in the law (headings or texts)."""
        return any(words in u.text or (u.heading is not None and words in u.heading)
                   for u in self.text.by_eid.values())

    def fresh_term(self) -> str:
        for _ in range(50):
            t = self.prose.new_term()
            if t not in self.extra_terms and not self.law_hits(t):
                self.extra_terms.append(t)
                return t
        raise Skip

    def _insert_words(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        rng, text = self.rng, self.text
        words = self.prose.words(rng.choice((1, 2, 3, 4)))
        r = rng.random()
        if r < 0.3:
            u = self.pick(lambda u: u.kind in ("paragraph", "subparagraph", "part") and not u.repealed
                          and len(u.text) > 10)
            op.update(target=u.eid, instruction=f"{accusative(where(u))} дополнить словами «{words}»;", words=words)
            m = _CLOSING.search(u.text)
            cut = m.start() if m else len(u.text)
            u.text = u.text[:cut] + " " + words + u.text[cut:]
            return
        u, fld = self._words_target()
        anchor, off = self.phrase(u, fld)
        hits = text.hits(u.subtree(), anchor)
        if r < 0.85:
            op.update(target=u.eid, instruction=f"{in_(u)} после слов «{anchor}» дополнить словами «{words}»;",
                      words=words, after=anchor)
            hu, hf, ho = self.occurrence(op, hits, (u, fld, off))
            v = get(hu, hf)
            at = ho + len(anchor)
            put(hu, hf, v[:at] + " " + words + v[at:])
        else:
            op.update(target=u.eid, instruction=f"{in_(u)} перед словами «{anchor}» дополнить словами «{words}»;",
                      words=words, before=anchor)
            hu, hf, ho = self.occurrence(op, hits, (u, fld, off))
            v = get(hu, hf)
            put(hu, hf, v[:ho] + words + " " + v[ho:])

    def _delete_words(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        text, rng = self.text, self.rng
        u = self.pick(lambda u: u.kind in ("paragraph", "subparagraph", "part") and not u.repealed
                      and len(WORD_RE.findall(u.text)) >= 8)
        words, off = self.phrase(u)
        hits = text.hits(u.subtree(), words)
        op.update(target=u.eid, instruction=f"{in_(u)} слова «{words}» исключить;", words=words)
        if rng.random() < 0.08 and len(hits) > 1:
            op["occurrence"] = "all"
            delete_at(hits, len(words))
            return
        delete_at([self.occurrence(op, hits, (u, "text", off))], len(words))

    def _renumber(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        text = self.text
        article = self.rng.random() < 0.08
        if article:
            u = self.pick(lambda u: u.kind == "article" and not u.locked())
        else:
            u = self.pick(lambda u: u.kind in ("paragraph", "subparagraph") and not u.locked())
        parent = u.parent
        assert parent is not None and u.num is not None
        same = [c for c in parent.children if c.kind == u.kind]
        is_last = same[-1] is u
        new_num = self.free_num(None if article else parent, u.kind, u.num, end=is_last)
        new_eid = f"art_{new_num}" if article else child_eid(parent, u.kind, new_num)
        old_eid, old_where = u.eid, where(u)
        text.remove(u)
        for x in u.subtree():
            x.eid = new_eid + x.eid[len(old_eid):]
        u.num = new_num
        text.add_child(parent, u, text.position(parent, u))
        what = {"article": "статьей", "paragraph": "пунктом", "subparagraph": "подпунктом"}[u.kind]
        suffix = ")" if u.kind == "subparagraph" else ""
        op.update(target=old_eid, instruction=f"{accusative(old_where)} считать {what} {new_num}{suffix};",
                  new=new_num)

    def _expire(self, op: dict[str, Any], plan: ActPlan, seq: int) -> None:
        u = self.pick(lambda u: u.kind in ("paragraph", "subparagraph", "article") and not u.repealed
                      and not u.locked() and (u.kind != "article" or self.rng.random() < 0.1))
        # in effect until 1 January or 1 July of a later year
        lo = plan.effective + _dt.timedelta(days=60)
        options = [_dt.date(y, m, 1) for y in range(lo.year, lo.year + 4) for m in (1, 7)]
        until = self.rng.choice([d for d in options if d > lo][:5])
        u.doomed = True
        for x in [u] + u.ancestors():
            x.pinned += 1
        self._tick += 1
        heapq.heappush(self.pending, ((until, plan.published, plan.adopted, plan.number, seq), self._tick, u))
        op.update(target=u.eid, instruction=f"{where(u).capitalize()} действует до {until.strftime('%d.%m.%Y')};",
                  effective=until)

    def expire_before(self, key: tuple[Any, ...] | None) -> None:
        """Apply the expiries that the replay order places before ``key``."""
        while self.pending and (key is None or self.pending[0][0][:4] < key):
            _, _, u = heapq.heappop(self.pending)
            for x in u.ancestors():
                x.pinned -= 1
            self.text.remove(u)


# ---------------------------------------------------------------------------
# Writing the corpus


def act_record(plan: ActPlan, rules_only: bool) -> dict[str, Any]:
    rule_text = {"ten": TEN_DAYS, "pub": ON_PUBLICATION,
                 "date": ON_DATE.format(year=plan.effective.year)}[plan.rule]
    commencement: dict[str, Any] = {"text": rule_text, "lang": "rus"}
    if not (rules_only and plan.rule == "ten"):
        commencement["effective"] = plan.effective
    return {
        "number": plan.number,
        "adopted": plan.adopted,
        "title": f"О внесении изменений и дополнений в некоторые законодательные акты Республики Казахстан "
                 f"по вопросам {plan.topic}",
        "lang": "rus",
        "operations_available": True,
        "publication": {"date": plan.published, "source": "bench.gen (synthetic)", "inferred": False},
        "commencement": commencement,
        "operations": plan.operations,
    }


def law_record(seed: int, scale: float) -> dict[str, Any]:
    return {
        "slug": SLUG,
        "work": f"/akn/kz/act/{LAW_ADOPTED.isoformat()}/{LAW_NUMBER}",
        "number": LAW_NUMBER,
        "adopted": LAW_ADOPTED,
        "titles": {"rus": TITLE},
        "snapshots": [{
            "lang": "rus", "file": "rus/base.md", "role": "base", "includes": [],
            "source": f"bench.gen seed={seed} scale={scale}",
        }],
    }


@dataclass
class Stats:
    articles: int
    units: int
    acts: int
    operations: int
    kinds: dict[str, int]
    base_bytes: int
    acts_bytes: int
    final_articles: int
    final_units: int
    first_effective: _dt.date
    last_effective: _dt.date
    seconds: float
    # eId -> (heading, text, repealed) of every unit once all operations have applied (keep_final=True)
    final: dict[str, tuple[str | None, str, bool]] | None = None


def generate(out: Path, *, scale: float = 1.0, seed: int = 2024, rules_only: bool = False,
             log: Any = None, keep_final: bool = False) -> Stats:
    """Write the corpus under ``out`` (replacing ``bench-code`` there); return its statistics."""
    t0 = time.perf_counter()
    rng = random.Random(f"bench-code/{seed}")
    prose = Prose(rng)
    n_articles = max(5, round(ARTICLES * scale))
    n_acts = max(4, round(ACTS * scale))
    n_ops = max(len(KINDS) * 3, round(OPERATIONS * scale))

    text = build_base(rng, prose, n_articles)
    base_md = render_base(text)
    base_articles, base_units = text.sizes()

    plans = plan_acts(rng, n_acts, n_ops)
    quota = [k for k in KINDS for _ in range(max(2, round(MIX[k] * n_ops)))]
    rng.shuffle(quota)
    gen = Generator(rng, prose, text)
    for i, plan in enumerate(plans):
        gen.expire_before(plan.key)
        seq = 0
        attempts = 0
        while seq < plan.size:
            kind = quota.pop() if quota else rng.choice(KINDS)
            try:
                plan.operations.append(gen.op(kind, plan, seq))
                seq += 1
            except Skip:
                quota.insert(0, kind)  # try it again later
                attempts += 1
                if attempts > 10 * plan.size + 100:
                    raise RuntimeError(f"cannot generate operations for act {plan.number}")
        if log and (i + 1) % max(1, len(plans) // 10) == 0:
            log(f"  gen: {i + 1}/{len(plans)} acts")
    gen.expire_before(None)
    final_articles, final_units = text.sizes()

    law_dir = out / "amendments" / SLUG
    snap_dir = out / "snapshots" / SLUG / "rus"
    for d in (law_dir, out / "snapshots" / SLUG):
        if d.exists():
            shutil.rmtree(d)
    (law_dir / "acts").mkdir(parents=True)
    snap_dir.mkdir(parents=True)
    (snap_dir / "base.md").write_text(base_md, encoding="utf-8")
    (law_dir / "law.toml").write_text(tomli_w.dumps(law_record(seed, scale)), encoding="utf-8")
    acts_bytes = 0
    for plan in plans:
        data = tomli_w.dumps(act_record(plan, rules_only))
        acts_bytes += len(data.encode())
        (law_dir / "acts" / f"{plan.adopted.isoformat()}_{plan.number}.toml").write_text(data, encoding="utf-8")
    return Stats(
        articles=base_articles, units=base_units, acts=len(plans), operations=sum(len(p.operations) for p in plans),
        kinds={k: gen.counts[k] for k in KINDS}, base_bytes=len(base_md.encode()), acts_bytes=acts_bytes,
        final_articles=final_articles, final_units=final_units,
        first_effective=plans[0].effective, last_effective=max(p.effective for p in plans),
        seconds=time.perf_counter() - t0,
        final={u.eid: (u.heading, u.text, u.repealed) for u in text.live} if keep_final else None,
    )


def copy_law(source: Path, slug: str, out: Path, new_slug: str) -> None:
    """Copy the law ``slug`` of the corpus at ``source`` into the corpus at ``out`` as the
    law ``new_slug`` (its folders renamed and its law.toml saying so): many laws for
    ``consolidate build`` from one."""
    shutil.copytree(source / "amendments" / slug, out / "amendments" / new_slug, dirs_exist_ok=True)
    shutil.copytree(source / "snapshots" / slug, out / "snapshots" / new_slug, dirs_exist_ok=True)
    law_toml = out / "amendments" / new_slug / "law.toml"
    text = law_toml.read_text(encoding="utf-8")
    law_toml.write_text(text.replace(f'slug = "{slug}"', f'slug = "{new_slug}"', 1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.gen", description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0: 1,000 articles, 400 acts, 10,000 operations")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--rules-only", action="store_true",
                    help="ten-day acts carry their rule and publication date only, no stated effective date")
    args = ap.parse_args(argv)
    s = generate(args.outdir, scale=args.scale, seed=args.seed, rules_only=args.rules_only,
                 log=lambda m: print(m, file=sys.stderr))
    print(f"{SLUG}: {s.articles} articles, {s.units} units, base {s.base_bytes / 1e6:.1f} MB; "
          f"{s.acts} acts ({s.first_effective} .. {s.last_effective}), {s.operations} operations "
          f"({', '.join(f'{k} {v}' for k, v in s.kinds.items())}), act files {s.acts_bytes / 1e6:.1f} MB; "
          f"after replay {s.final_articles} articles, {s.final_units} units; {s.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
