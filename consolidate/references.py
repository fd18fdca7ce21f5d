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
from collections.abc import Iterable

import attrs

from .errors import DataError
from .grammar import numerals
from .grammar.addresses import encloses, unit_kind, word_pattern
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


# Ordinal numerals name unnumbered blocks: «абзац второй», «части третьей», «екінші бөлігі»;
# the English translation also writes "part two".
_RU_ORD = numerals.pattern("rus", "ordinal") + r"(?!\w)"
_KZ_ORD = numerals.pattern("kaz", "ordinal") + r"(?!\w)"
_EN_ORD = f"(?:{numerals.pattern('eng', 'ordinal')}|{numerals.pattern('eng', 'cardinal')})"


def _ordinal(word: str, lang: str) -> int:
    if lang == "eng" and re.fullmatch(numerals.pattern("eng", "cardinal"), word.lower()):
        return numerals.cardinal(word, lang)
    return numerals.ordinal(word, lang)


def _ordinals(raw: str, pattern: str, lang: str) -> tuple[str, ...]:
    found = [str(_ordinal(m.group(0), lang)) for m in re.finditer(pattern, raw, re.I)]
    return tuple(dict.fromkeys(found))


# --- the grammar of each language -------------------------------------------

@attrs.frozen
class _Grammar:
    lang: str
    level: re.Pattern[str]  # one level, anywhere
    joiner: str  # between levels of one chain
    separator: str  # between chains of one phrase
    outer_first: bool  # Kazakh writes the article first
    ordinal: str


_NUMBERED = ("subparagraph", "paragraph", "article", "chapter")
_ORDINALS = {"rus": _RU_ORD, "kaz": _KZ_ORD, "eng": _EN_ORD}


def _level_re(lang: str, num: str, num_sep: str, ord_sep: str) -> re.Pattern[str]:
    """One level: a numbered kind's word with its numbers («пунктов 53, 54»,
    «2) және 3) тармақшалары»: Kazakh puts the numbers first) or a part word
    with its ordinals («абзацы шестой и седьмой», «екінші абзацы»)."""
    nums = rf"(?P<nums>{num}(?:{num_sep}{num})*)"
    ords = rf"(?P<ords>{_ORDINALS[lang]}(?:{ord_sep}{_ORDINALS[lang]})*)"
    words, parts = word_pattern(lang, _NUMBERED), word_pattern(lang, ("part",))
    if lang == "kaz":
        body = rf"(?<![\w-])(?:{nums}(?:\s*-\s*|\s+)(?P<word>{words})|{ords}\s+(?P<pword>{parts}))"
    else:
        body = rf"(?<!\w)(?:(?P<word>{words})\s+{nums}|(?P<pword>{parts})\s+{ords})"
    return re.compile(body, re.I)


_NUM = r"\d+(?:-\d+)*(?:\)|(?![\w-]))"
_RU_LEVEL = _level_re("rus", _NUM, r"(?:\s*,\s*|\s+(?:и|или|либо)\s+|\s*[–—]\s*|\s+-\s+)",
                      r"(?:\s*,\s*|\s+(?:и|или|либо)\s+)")
_KZ_LEVEL = _level_re("kaz", r"\d+(?:-\d+)*\)?", r"(?:\s*,\s*|\s+(?:және|немесе|мен|бен|пен)\s+|\s*[–—]\s*)",
                      r"(?:\s*,\s*|\s+(?:және|немесе)\s+)")
_EN_LEVEL = _level_re("eng", _NUM, r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[–—]\s*)",
                      r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")

_GRAMMARS = {
    "rus": _Grammar("rus", _RU_LEVEL, r"\s+",
                    r"(?:\s*,\s*(?:а\s+также\s+)?|\s+(?:и|или|либо|а\s+также)\s+)", False, _RU_ORD),
    "kaz": _Grammar("kaz", _KZ_LEVEL, r"\s+",
                    r"(?:\s*,\s*|\s+(?:және|немесе|сондай-ақ)\s+)", True, _KZ_ORD),
    "eng": _Grammar("eng", _EN_LEVEL, r"\s+of\s+(?:the\s+)?",
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
        kind = unit_kind(m.group("word"), g.lang)
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
                outward = encloses(nxt.kind, chain[-1].kind)
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
    return tuple(lvl for lvl in donor if encloses(lvl.kind, top)) + chain


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
                c if not encloses(anchor.level, c[0].kind) else
                tuple(lvl for lvl in outer if encloses(lvl.kind, c[0].kind)) + c
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

