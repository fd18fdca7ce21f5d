"""Cross references written in the text of a law, found and turned into eIds.

Kazakh laws refer to their own units in words: «подпункта 2) пункта 4 статьи
20 настоящего Закона», «20-баптың 4-тармағының 2) тармақшасы», «subparagraph
2) of paragraph 4 of Article 20».  :func:`find_references` reads those phrases
in Russian, Kazakh and English and returns one :class:`Reference` per unit
named, with the eId the words spell (``art_20__para_4__subpara_2``).

How a phrase is read:

* A *level* is a kind word with its numbers: «пунктов 53, 54», «2) және 3)
  тармақшалары», «абзацы шестой и седьмой».  A *chain* is levels of strictly
  nesting kinds: Russian and English write them innermost first («подпункта 2)
  пункта 4 статьи 20»), Kazakh outermost first («20-баптың 4-тармағының 2)
  тармақшасы»).
* A *phrase* is chains joined by «,»/«и»/«және»/«and».  A chain that stops short
  of an article borrows the outer levels of its neighbour when the neighbour
  has a level of the same kind: in «абзаца второго подпункта 1), подпунктов 5)
  и 10) пункта 4 статьи 1» the first chain is in paragraph 4 of Article 1 too.
  (Russian and English borrow from the right, Kazakh from the left.)
* An *anchor* ends (Russian, English) or starts (Kazakh) a phrase:
  «настоящего Закона»/«осы Заңның» (this law), «настоящей статьи»/«осы баптың»
  (the article the text belongs to: resolved against ``context``), or the name
  of another act («статьи 41-1 Закона Республики Казахстан «О связи»»,
  «Азаматтық кодексінің 715-бабы»): those references are *external* and are
  left out unless asked for.
* A chain that, after all that, still does not reach an article (a bare
  «пункта 4») is not reported: which article it means is not written, and
  guessing is not allowed.

The eId spelled by the words is what the text says; whether that unit exists
(an article may or may not have paragraphs) is a property of the document:
:func:`resolve` maps a reference onto the units of a ``Document``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

import attrs

from .errors import DataError
from .model import Document
from .numbering import format_eid, parse_eid

__all__ = ["Reference", "find_references", "resolve"]


@attrs.frozen
class Reference:
    """A unit named in the text of another unit.

    ``target`` is the eId the words spell; ``text`` is the whole phrase as
    written (all units named by one phrase share it) and ``start``/``end``
    its span in the source unit's text.  ``external`` names the other act
    when the phrase refers to one (then ``target`` is an eId in *that* act).
    """

    source: str
    target: str
    text: str
    start: int
    end: int
    external: str | None = None

    @property
    def internal(self) -> bool:
        return self.external is None


# --- levels, chains, phrases -------------------------------------------------

# Nesting rank of each kind that a reference can name (outermost highest).
_RANK = {"part": 0, "subparagraph": 1, "paragraph": 2, "article": 3, "chapter": 4}


@attrs.frozen
class _Level:
    kind: str
    nums: tuple[str, ...]  # normalised numbers ("2-1"); parts: "2" for «второй»


_Chain = tuple[_Level, ...]  # outermost first, whatever the language's word order


@attrs.frozen
class _Anchor:
    """What a phrase is anchored to: this law, a unit of the context, or another act."""

    kind: str  # "law" | "relative" | "external"
    level: str | None = None  # for "relative": "article" | "paragraph" | "subparagraph"
    act: str | None = None  # for "external": the act as named


@attrs.frozen
class _Phrase:
    start: int
    end: int
    chains: tuple[_Chain, ...]
    anchor: _Anchor | None


def _numbers(raw: str) -> tuple[tuple[str, ...], bool]:
    """Numbers of a level as written («2) – 4)», «53, 54», «15 және 16»), and
    whether they carry the subparagraph's closing parenthesis.

    A range of plain numbers is expanded step by one («2)–4)» → 2, 3, 4); the
    text names numbers, so inserted units between the ends (3-1) are not
    added."""
    out: list[str] = []
    dash = False
    for tok in re.findall(r"\d+(?:-\d+)*|[–—]|(?<=\s)-(?=\s)|\bto\b", raw):
        if tok in ("–", "—", "-", "to"):
            dash = True
            continue
        if dash and out and "-" not in out[-1] and "-" not in tok and int(out[-1]) < int(tok):
            out.extend(str(n) for n in range(int(out[-1]) + 1, int(tok)))
        dash = False
        out.append(tok)
    return tuple(dict.fromkeys(out)), ")" in raw


# Ordinal numerals name unnumbered blocks: «абзац второй», «части третьей», «екінші бөлігі».
RU_ORD_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20,
    "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60,
    "семидесят": 70, "восьмидесят": 80, "девяност": 90,
}
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
            "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90}
_RU_ORD_END = r"(?:ьего|ьему|ьими|ьим|ьем|ьей|ьих|ья|ье|ьи|ью|ыми|ими|ого|его|ому|ему|ый|ий|ой|ым|им|ом|ем|ая|яя|ую|юю|ые|ие|ых|их|ей)"
_RU_ORD = (
    r"(?:(?:" + "|".join(_RU_TENS) + r")\s+)?(?:"
    + "|".join(sorted(RU_ORD_STEMS, key=len, reverse=True)) + r")" + _RU_ORD_END + r"(?!\w)"
)

_KZ_UNITS = {"бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5,
             "алтыншы": 6, "жетінші": 7, "сегізінші": 8, "тоғызыншы": 9}
_KZ_TENS_ORD = {"оныншы": 10, "жиырмасыншы": 20, "отызыншы": 30}
_KZ_TENS = {"он": 10, "жиырма": 20, "отыз": 30}
_KZ_ORD = (
    r"(?:(?:(?:" + "|".join(_KZ_TENS) + r")\s+)?(?:" + "|".join(_KZ_UNITS) + r")|"
    + "|".join(_KZ_TENS_ORD) + r")(?!\w)"
)

_EN_ORD_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3,
    "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_EN_ORD = r"(?:" + "|".join(_EN_ORD_WORDS) + r")(?!\w)"


def ordinal(word: str, lang: str) -> int:
    """The value of an ordinal numeral as the texts write it: «второй», «двадцать первой»,
    «екінші», «second» → 2, 21, 2, 2 (Russian by the longest stem it starts with)."""
    words = word.lower().split()
    if lang == "kaz":
        total = 0
        for w in words:
            total += _KZ_TENS.get(w, 0) + _KZ_UNITS.get(w, 0) + _KZ_TENS_ORD.get(w, 0)
        return total
    if lang == "eng":
        return _EN_ORD_WORDS[words[0]]
    total = _RU_TENS.get(words[0], 0) if len(words) == 2 else 0
    last = words[-1]
    stem = max((s for s in RU_ORD_STEMS if last.startswith(s)), key=len)
    return total + RU_ORD_STEMS[stem]


def _ordinals(raw: str, pattern: str, lang: str) -> tuple[str, ...]:
    found = [str(ordinal(m.group(0), lang)) for m in re.finditer(pattern, raw, re.I)]
    return tuple(dict.fromkeys(found))


# --- the grammar of each language -------------------------------------------

@attrs.frozen
class _Grammar:
    lang: str
    level: re.Pattern[str]  # one level, anywhere
    kind_of: Callable[[str], str]  # kind of a level's word
    joiner: str  # between levels of one chain
    separator: str  # between chains of one phrase
    outer_first: bool  # Kazakh writes the article first
    ordinal: str


_NUM = r"\d+(?:-\d+)*(?:\)|(?![\w-]))"

_RU_WORDS = (
    r"подпункт(?:ами|ам|ах|ом|ов|а|у|е|ы)?|пункт(?:ами|ам|ах|ом|ов|а|у|е|ы)?"
    r"|стат(?:ьями|ьям|ьях|ьей|ьёй|ья|ьи|ье|ью|ей)|глав(?:ами|ам|ах|ой|ою|а|ы|е|у)?"
)
_RU_PART_WORDS = r"абзац(?:ами|ам|ах|ем|ев|а|у|е|ы)?|част(?:ями|ям|ях|ью|ей|ь|и)"
_RU_NUM_SEP = r"(?:\s*,\s*|\s+(?:и|или|либо)\s+|\s*[–—]\s*|\s+-\s+)"
_RU_ORD_SEP = r"(?:\s*,\s*|\s+(?:и|или|либо)\s+)"
_RU_LEVEL = re.compile(
    rf"(?<!\w)(?:(?P<word>{_RU_WORDS})\s+(?P<nums>{_NUM}(?:{_RU_NUM_SEP}{_NUM})*)"
    rf"|(?P<pword>{_RU_PART_WORDS})\s+(?P<ords>{_RU_ORD}(?:{_RU_ORD_SEP}{_RU_ORD})*))",
    re.I,
)


def ru_unit_kind(word: str) -> str:
    """A Russian unit word in any case form → its kind (``подпунктом`` → ``subparagraph``);
    абзац/часть (unnumbered blocks) → ``part``."""
    w = word.lower()
    if w.startswith("подпункт"):
        return "subparagraph"
    if w.startswith("пункт"):
        return "paragraph"
    if w.startswith("стат"):
        return "article"
    if w.startswith("глав"):
        return "chapter"
    return "part"


_KZ_WORDS = r"тармақша\w*|тармақ\w*|тармағ\w*|ба[пб]\w*|тарау\w*"
_KZ_PART_WORDS = r"бөлі[гк]\w*|абзац\w*"
_KZ_NUM = r"\d+(?:-\d+)*\)?"
_KZ_NUM_SEP = r"(?:\s*,\s*|\s+(?:және|немесе|мен|бен|пен)\s+|\s*[–—]\s*)"
_KZ_ORD_SEP = r"(?:\s*,\s*|\s+(?:және|немесе)\s+)"
_KZ_LEVEL = re.compile(
    rf"(?<![\w-])(?:(?P<nums>{_KZ_NUM}(?:{_KZ_NUM_SEP}{_KZ_NUM})*)(?:\s*-\s*|\s+)(?P<word>{_KZ_WORDS})"
    rf"|(?P<ords>{_KZ_ORD}(?:{_KZ_ORD_SEP}{_KZ_ORD})*)\s+(?P<pword>{_KZ_PART_WORDS}))",
    re.I,
)


def _kz_kind(word: str) -> str:
    w = word.lower()
    if w.startswith("тармақша"):
        return "subparagraph"
    if w.startswith(("тармақ", "тармағ")):
        return "paragraph"
    if w.startswith(("бап", "баб")):
        return "article"
    if w.startswith("тарау"):
        return "chapter"
    return "part"


_EN_WORDS = r"sub-?paragraphs?|paragraphs?|articles?|chapters?"
_EN_NUM_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[–—]\s*)"
_EN_LEVEL = re.compile(
    rf"(?<!\w)(?:(?P<word>{_EN_WORDS})\s+(?P<nums>{_NUM}(?:{_EN_NUM_SEP}{_NUM})*)"
    rf"|(?P<pword>parts?)\s+(?P<ords>{_EN_ORD}(?:\s*,\s*|\s+(?:and|or)\s+{_EN_ORD})*))",
    re.I,
)


def _en_kind(word: str) -> str:
    w = word.lower()
    if w.startswith("sub"):
        return "subparagraph"
    if w.startswith("paragraph"):
        return "paragraph"
    if w.startswith("article"):
        return "article"
    if w.startswith("chapter"):
        return "chapter"
    return "part"


_GRAMMARS = {
    "rus": _Grammar("rus", _RU_LEVEL, ru_unit_kind, r"\s+",
                    r"(?:\s*,\s*(?:а\s+также\s+)?|\s+(?:и|или|либо|а\s+также)\s+)", False, _RU_ORD),
    "kaz": _Grammar("kaz", _KZ_LEVEL, _kz_kind, r"\s+",
                    r"(?:\s*,\s*|\s+(?:және|немесе|сондай-ақ)\s+)", True, _KZ_ORD),
    "eng": _Grammar("eng", _EN_LEVEL, _en_kind, r"\s+of\s+(?:the\s+)?",
                    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", False, _EN_ORD),
}

# Anchors after a phrase (Russian, English).
_RU_AFTER = re.compile(
    r"\s+(?:настоящ(?:его|ей|их)\s+(?P<own>Закона|Кодекса|статьи|пункта|подпункта|главы)(?!\w)"
    r"|(?P<act>(?:[\w-]+(?:ого|его|ой)\s+){0,2}"
    r"(?:Закона|закона|Кодекса|кодекса|Конституции|Указа|указа|[Пп]остановления|[Кк]онвенции"
    r"|[Дд]оговора|[Сс]оглашения|[Пп]равил|[Пп]оложения)(?!\w)"
    r"(?:\s+Республики\s+Казахстан)?(?:\s+от\s+[^«»\n]{1,60}?)?(?:\s*«[^«»]*(?:«[^«»]*»[^«»]*)?»)?))",
)
_EN_AFTER = re.compile(
    r"\s+of\s+(?:this\s+(?P<own>Law|Code|Article|paragraph|subparagraph|Chapter)(?!\w)"
    r"|(?P<act>(?:the\s+)?(?:(?!this\b)[\w-]+\s+){0,5}?"
    r"(?:Law|Code|Constitution|Decree|Resolution|Convention|Agreement|Treaty|Rules|Regulations)(?!\w)"
    r"(?:\s+of\s+the\s+Republic\s+of\s+Kazakhstan)?(?:\s+dated\s+[^“”\"«»\n]{1,40}?)?"
    r"(?:\s*[“\"«][^“”\"«»]*[”\"»])?))",
    re.I,
)
_OWN_LEVEL = {
    "закона": None, "кодекса": None, "главы": None, "law": None, "code": None, "chapter": None,
    "статьи": "article", "article": "article",
    "пункта": "paragraph", "paragraph": "paragraph",
    "подпункта": "subparagraph", "subparagraph": "subparagraph",
}

# Anchors before a phrase (Kazakh): the text before the phrase must end with one.
_KZ_BEFORE_OWN = re.compile(
    r"(?<!\w)осы\s+(?P<own>заңның|кодекстің|баптың|бабының|тармақтың|тармағының|тармақшаның)\s+$",
    re.I,
)
_KZ_OWN_LEVEL = {"заңның": None, "кодекстің": None, "баптың": "article", "бабының": "article",
                 "тармақтың": "paragraph", "тармағының": "paragraph", "тармақшаның": "subparagraph"}
_KZ_BEFORE_ACT = re.compile(
    r"(?<!\w)(?P<act>(?:«[^«»]*»\s+)?(?:Қазақстан\s+Республикасы(?:ның)?\s+)?(?:\w+\s+)??"
    r"(?:заңының|заңның|кодексінің|кодекстің|конституциясының|жарлығының|қаулысының|келісімінің|шартының))\s+$",
    re.I,
)

# «1998 г., № 11-12, ст. 173; ... № 5, Article 115»: citations of gazettes, not units.
_GAZETTE_BEFORE = re.compile(r"№\s*\d+(?:-\d+)*\s*,\s*$")


def _level(m: re.Match[str], g: _Grammar) -> _Level:
    if m.group("word") is not None:
        kind = g.kind_of(m.group("word"))
        nums, paren = _numbers(m.group("nums"))
        if kind == "paragraph" and paren:
            # «N)» is how the law prints a subparagraph's number, whatever
            # word a translation puts before it
            kind = "subparagraph"
        return _Level(kind, nums)
    return _Level("part", _ordinals(m.group("ords"), g.ordinal, g.lang))


def _parse(text: str, g: _Grammar) -> list[_Phrase]:
    """Every phrase naming units, in text order."""
    # Kazakh texts mix Latin "i" into Cyrillic words (негiзгi); match on a
    # copy where it is the Kazakh "і" (same length, so spans carry over).
    probe = text.replace("i", "і") if g.lang == "kaz" else text
    joined = re.compile(g.joiner + g.level.pattern, re.I)
    separated = re.compile(g.separator + g.level.pattern, re.I)
    phrases: list[_Phrase] = []
    pos = 0
    while (m := g.level.search(probe, pos)) is not None:
        start, end = m.start(), m.end()
        chains: list[list[_Level]] = []
        chain = [_level(m, g)]
        while True:
            # the next level of the same chain nests the other way round to
            # the one before: outward in Russian/English, inward in Kazakh
            if (j := joined.match(probe, end)) is not None:
                nxt = _level(j, g)
                outward = _RANK[nxt.kind] > _RANK[chain[-1].kind]
                if outward != g.outer_first:
                    chain.append(nxt)
                    end = j.end()
                    continue
            if (s := separated.match(probe, end)) is not None:
                chains.append(chain)
                chain = [_level(s, g)]
                end = s.end()
                continue
            break
        chains.append(chain)
        ordered = tuple(tuple(c if g.outer_first else reversed(c)) for c in chains)
        anchor, start, end = _anchor(probe, start, end, g)
        if not _GAZETTE_BEFORE.search(probe, max(0, start - 40), start):
            phrases.append(_Phrase(start, end, ordered, anchor))
        pos = max(end, m.end())
    return phrases


def _anchor(text: str, start: int, end: int, g: _Grammar) -> tuple[_Anchor | None, int, int]:
    """The anchor of a phrase and the phrase's span including it."""
    if g.lang == "kaz":
        window = max(0, start - 300)
        if (a := _KZ_BEFORE_OWN.search(text, window, start)) is not None:
            return _Anchor("relative" if _KZ_OWN_LEVEL[a.group("own").lower()] else "law",
                           level=_KZ_OWN_LEVEL[a.group("own").lower()]), a.start(), end
        if (a := _KZ_BEFORE_ACT.search(text, window, start)) is not None:
            return _Anchor("external", act=a.group("act")), a.start(), end
        return None, start, end
    after = _RU_AFTER if g.lang == "rus" else _EN_AFTER
    if (a := after.match(text, end)) is None:
        return None, start, end
    if a.group("own") is not None:
        level = _OWN_LEVEL[a.group("own").lower()]
        return _Anchor("relative" if level else "law", level=level), start, a.end()
    return _Anchor("external", act=a.group("act").strip()), start, a.end()


# --- from phrases to eIds ----------------------------------------------------

def _borrow(chain: _Chain, donor: _Chain) -> _Chain:
    """Complete ``chain`` with the donor's levels above its outermost one,
    when the donor runs parallel to it (has a level of the same kind)."""
    top = chain[0].kind
    if not any(lvl.kind == top for lvl in donor):
        return chain
    return tuple(lvl for lvl in donor if _RANK[lvl.kind] > _RANK[top]) + chain


def _context_levels(context: str, level: str) -> _Chain | None:
    """The levels of the context unit down to its ``level`` (its article, its paragraph)."""
    try:
        segments = parse_eid(context)
    except DataError:
        return None
    out: list[_Level] = []
    for kind, num in segments:
        if kind in ("article", "paragraph", "subparagraph", "part"):
            out.append(_Level(kind, (num,)))
        if kind == level:
            return tuple(out)
    return None


def _complete(chain: _Chain) -> bool:
    kinds = {lvl.kind for lvl in chain}
    return "article" in kinds or kinds == {"chapter"}


def _eids(chain: _Chain) -> Iterable[str]:
    levels = chain
    if any(lvl.kind == "article" for lvl in levels):
        levels = tuple(lvl for lvl in levels if lvl.kind != "chapter")  # articles are unique in a law
    for combo in itertools.product(*(lvl.nums for lvl in levels)):
        yield format_eid([(lvl.kind, num) for lvl, num in zip(levels, combo)])


def find_references(
    text: str, *, lang: str, context: str, include_external: bool = False
) -> list[Reference]:
    """The units ``text`` names, in the order it names them.

    ``context`` is the eId of the unit the text belongs to («настоящей
    статьи» is its article).  References to other acts are left out unless
    ``include_external``.
    """
    try:
        grammar = _GRAMMARS[lang]
    except KeyError:
        raise DataError(
            f"cross references: expected a language among {sorted(_GRAMMARS)}, got {lang!r}",
            target=context,
        ) from None
    out: list[Reference] = []
    for phrase in _parse(text, grammar):
        anchor = phrase.anchor
        if anchor is not None and anchor.kind == "external" and not include_external:
            continue
        chains = list(phrase.chains)
        # borrow outer levels along the phrase: from the right in Russian and
        # English (the article comes last), from the left in Kazakh
        order = range(1, len(chains)) if grammar.outer_first else range(len(chains) - 2, -1, -1)
        for i in order:
            chains[i] = _borrow(chains[i], chains[i - 1 if grammar.outer_first else i + 1])
        if anchor is not None and anchor.kind == "relative" and anchor.level is not None:
            outer = _context_levels(context, anchor.level)
            if outer is None:
                continue  # «настоящего пункта» in a unit that is not in a paragraph
            chains = [
                c if _RANK[c[0].kind] >= _RANK[anchor.level] else
                tuple(lvl for lvl in outer if _RANK[lvl.kind] > _RANK[c[0].kind]) + c
                for c in chains
            ]
        phrase_text = text[phrase.start:phrase.end]
        external = anchor.act if anchor is not None and anchor.kind == "external" else None
        for chain in chains:
            if not _complete(chain):
                continue
            for eid in _eids(chain):
                out.append(Reference(context, eid, phrase_text, phrase.start, phrase.end, external))
    return out


def resolve(reference: Reference, doc: Document) -> str | None:
    """The eId of the unit of ``doc`` that ``reference`` names, or ``None``.

    The words are taken as written («подпункт 5) статьи 10» is
    ``art_10__subpara_5``, which exists when Article 10 has no paragraphs).
    One reading depends on the document: the first block («абзац первый»,
    ``part_1``) of a unit that has its own text and no ``part_1`` child is
    that own text, i.e. the unit itself (blocks are counted from the unit's
    own text).  References to other acts resolve to ``None``.
    """
    if reference.external is not None:
        return None
    target = reference.target
    if target in doc.units:
        return target
    head, _, last = target.rpartition("__")
    if head and last == "part_1" and head in doc.units and doc.units[head].text:
        return head
    return None

