"""The structure of an amending act as published, and finding in it the items for one law.

An amending act («О внесении изменений и дополнений в некоторые
законодательные акты ...», Kazakh «... өзгерістер мен толықтырулар енгізу
туралы») is a title, then articles (``Статья 1.`` / ``1-бап.``).  An amending
article either lists numbered items, one per amended act, each opening with a
head that names that act::

    34. В Закон Республики Казахстан от 6 января 2012 года «О национальной
        безопасности Республики Казахстан» (Ведомости ...):
    34. «Қазақстан Республикасының ұлттық қауіпсіздігі туралы» 2012 жылғы
        6 қаңтардағы Қазақстан Республикасының Заңына (...):

or, in an act that amends one law only, is itself the instruction (``Статья 1.
Внести в Закон ... следующие изменения:``).  The article that puts the act into
effect (``вводится в действие`` / ``қолданысқа енгізіледі``) follows, then the
signature.

:func:`read_act` reads such a text, or an extract of it in the corpus's own
layout (a provenance header, then blocks between ``====`` fences under
``## (a) Instruction block for 527-IV (Article 1, item 34)``, ``## Appendix:
... (Article 1, item 60)`` and ``## (b) Entry-into-force article ...``), into
an :class:`AmendingAct`; :func:`find_items` picks the items whose head names a
law (:class:`LawName`: its title and adoption date).  Heads are compared after
normalising what the published texts vary in (spaces, NBSP, Latin ``i`` in
Kazakh words, straight or missing quotes, letter case); the lines themselves
are kept exactly as stored.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

import attrs

from ..errors import ParseError
from .numerals import MONTHS
from .quotes import unquoted

Line = tuple[int, str]  # (line number in the file, the line as stored)

FENCE = "===="
#: an extract's block for one law: its number, article and item
EXTRACT_BLOCK = re.compile(r"^## (?:\(a\) |Appendix\b).*?\(Article (?P<article>\d+)(?:, item (?P<item>\d+))?\)")
_EXTRACT_LAW = re.compile(r"\b(?:for|Law) (?P<law>\d+-[IVX]+) ")
#: the entry-into-force article's blocks: ``(b)``, and its further paragraphs ``(b2)``, ``(b3)``, ...
_EXTRACT_RULE = re.compile(r"^## \(b\d*\) ")
#: a field of an extract's header: the act's title (a note of the extractor's, in English
#: parentheses, may follow it), or where the text was taken from
_EXTRACT_FIELD = re.compile(
    r"^- (?:title[^:]*:\s*(?P<title>.+?)(?:\s+\((?:the|as|see|note)\b[^«»]*(?:«[^»]*»[^«»]*)*\))?"
    r"|source: quyse/kz-laws, path (?P<path>\S+?), commit (?P<commit>[0-9a-f]{12}).*"
    r"|upstream: (?P<what>.+?))\s*$")
_WHOLE_UPSTREAM = re.compile(r"^<!--\s*source:\s*(?P<what>.+?)\s*-->\s*$")

_ARTICLE = re.compile(r"^(?:#+\s*)?(?:Статья\s+(?P<ru>\d+)\.|(?P<kk>\d+)-бап\.?)(?:\s|$)")
_ITEM = re.compile(r"^(?P<num>\d+)\.\s*(?P<rest>\S.*)$", re.DOTALL)
_COMMENCEMENT = re.compile(r"вводится в действие|вводятся в действие|вступает в силу|қолданысқа енгізіледі|"
                           r"күшіне енеді", re.IGNORECASE)
#: the signature: the office on a line of its own, or followed by the name («Н. НАЗАРБАЕВ»)
_SIGNATURE = re.compile(r"^(?:Президент\s*Республики\s*Казахстан|Қазақстан\s*Республикасының\s*Президенті)"
                        r"(?:\s+[А-ЯЁӘІҢҒҮҰҚӨҺ]\.\s*[А-ЯЁӘІҢҒҮҰҚӨҺ-]+)?\s*$")


@attrs.frozen
class Item:
    """An instruction for one amended act: a numbered item of an amending article, or the
    whole article (``item`` None) when the act amends one law only."""

    article: int
    item: int | None
    lines: tuple[Line, ...]  # the item's lines as stored, the head first

    @property
    def head(self) -> str:
        return self.lines[0][1].strip()

    def label(self) -> str:
        return f"Article {self.article}" + (f", item {self.item}" if self.item is not None else "")


@attrs.frozen
class AmendingAct:
    """An amending act read from a file: its items and its entry-into-force article."""

    layout: str  # "whole" | "extract"
    title: str | None
    upstream: str | None  # where the text comes from, when the file says so
    items: tuple[Item, ...]
    commencement: tuple[Line, ...]  # the entry-into-force article's lines, as stored
    # an extract's blocks name the law they are for by number: (article, item) -> number
    extract_laws: tuple[tuple[int, int | None, str], ...] = ()

    def commencement_text(self) -> str | None:
        """The article's non-empty lines, stripped (a Markdown heading mark dropped), one per line."""
        body = [re.sub(r"^#+\s*", "", text).strip() for _, text in self.commencement]
        return "\n".join(t for t in body if t) or None


# --- names of laws ------------------------------------------------------------------


@attrs.frozen
class LawName:
    """How an item's head names a law: its title (in the head's language) and adoption date."""

    title: str
    adopted: _dt.date


_QUOTES = "«»\"“”„"


def normalise(text: str) -> str:
    """A head or title as compared: NBSP and runs of spaces as one space, Latin ``i`` as the
    Cyrillic ``і`` the Kazakh alphabet has (the sources mix them), letter case folded."""
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("i", "і").replace("I", "І")
    return " ".join(text.split()).casefold()


def _name_part(head: str) -> str:
    """The head up to the publication reference «(Ведомости ...)» or the closing colon."""
    return head[:next((i for i, ch, _ in unquoted(head) if ch in "(:"), len(head))]


def _top_quotes(text: str) -> tuple[list[str], str]:
    """The top-level «quoted» spans of ``text`` and the text outside them."""
    spans: list[str] = []
    outside: list[str] = []
    depth = 0
    current: list[str] = []
    straight = False
    for ch in text:
        if ch == '"' and not depth:
            if straight:
                spans.append("".join(current))
                current = []
            straight = not straight
            outside.append(" ")
            continue
        if straight:
            current.append(ch)
        elif ch == "«":
            if depth:
                current.append(ch)
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth:
                current.append(ch)
            else:
                spans.append("".join(current))
                current = []
                outside.append(" ")
        elif depth:
            current.append(ch)
        else:
            outside.append(ch)
    return spans, "".join(outside)


_RU_MONTHS = "|".join(MONTHS["rus"])
_KZ_MONTHS = "|".join(MONTHS["kaz"])
_RU_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_RU_MONTHS})\s+(\d{{4}})\s*(?:года|г\.)")
_KZ_DATE = re.compile(rf"(?<!\d)(\d{{4}})\s*жылғы\s+(\d{{1,2}})\s*({_KZ_MONTHS})")


def head_dates(text: str) -> list[_dt.date]:
    """The dates written in words in ``text`` (``6 января 2012 года``, ``2012 жылғы 6 қаңтардағы``)."""
    out: list[_dt.date] = []
    for m in _RU_DATE.finditer(text):
        try:
            out.append(_dt.date(int(m[3]), MONTHS["rus"][m[2]], int(m[1])))
        except ValueError:
            pass
    for m in _KZ_DATE.finditer(text):
        try:
            out.append(_dt.date(int(m[1]), MONTHS["kaz"][m[3]], int(m[2])))
        except ValueError:
            pass
    return out


def _stem(word: str) -> str:
    # Kazakh and Russian inflect at the end: «кодексі» / «кодексіне», «кодекс» / «кодекса»
    return word[:max(4, len(word) - 3)] if len(word) > 4 else word


def names(head: str, law: LawName) -> bool:
    """Whether an item's head names ``law``.

    The head's name part (before the publication reference) names the law when
    a quoted title there is the law's title, or (a code, named by its title
    without quotes; a quote the source lost) the title's words stand in it; and
    the date outside the quotes, when it gives one, is the law's adoption."""
    name = _name_part(head)
    spans, outside = _top_quotes(name)
    title = normalise(law.title.strip(_QUOTES + " "))
    dates = head_dates(outside)
    if dates and dates[0] != law.adopted:
        return False
    # a code's title with its short name, «О налогах ... в бюджет (Налоговый кодекс)», is quoted without it
    short = re.sub(r"\s*\([^()]*\)$", "", title)
    if any(normalise(s) in (title, short) for s in spans):
        return True
    flat = normalise(re.sub(f"[{_QUOTES}]", " ", name))
    if title in flat:
        # the title as words of the head, not inside another act's quoted title
        return not any(title in normalise(s) and normalise(s) != title for s in spans)
    if not dates:
        return False
    # a code named by its title in another order or case («... Қылмыстық кодексіне»): every
    # word of the title stands in the head, words compared by their stems
    words = [_stem(w) for w in re.findall(r"\w+", title)]
    head_words = re.findall(r"\w+", normalise(outside))
    return len(words) >= 2 and all(any(h.startswith(w) for h in head_words) for w in words)


# --- reading a file -------------------------------------------------------------------


def _fenced(lines: list[str], head: int, file: str) -> list[Line]:
    """The lines between the ``====`` fences that follow the heading at index ``head``."""
    if head + 1 >= len(lines) or lines[head + 1] != FENCE:
        raise ParseError("a block heading must be followed by a '====' line", file=file, line=head + 2)
    out: list[Line] = []
    for i in range(head + 2, len(lines)):
        if lines[i] == FENCE:
            return out
        out.append((i + 1, lines[i]))
    raise ParseError("the block is never closed by a '====' line", file=file, line=head + 2)


def is_extract(lines: Sequence[str]) -> bool:
    return any(EXTRACT_BLOCK.match(line) or _EXTRACT_RULE.match(line) for line in lines) and FENCE in lines


def _read_extract(lines: list[str], file: str) -> AmendingAct:
    items: list[Item] = []
    laws: list[tuple[int, int | None, str]] = []
    commencement: list[Line] | None = None
    title = upstream = None
    for i, line in enumerate(lines):
        if h := EXTRACT_BLOCK.match(line):
            block = _fenced(lines, i, file)
            if not any(text.strip() for _, text in block):
                raise ParseError("an empty instruction block", file=file, line=i + 1)
            first = next(k for k, (_, text) in enumerate(block) if text.strip())
            article, item = int(h["article"]), int(h["item"]) if h["item"] else None
            items.append(Item(article, item, tuple(block[first:])))
            if n := _EXTRACT_LAW.search(line[:h.start("article")]):
                laws.append((article, item, n["law"]))
        elif _EXTRACT_RULE.match(line):
            commencement = (commencement or []) + _until_signature(_fenced(lines, i, file))
        elif f := _EXTRACT_FIELD.match(line):
            if title is None and f["title"]:
                title = f["title"]
            elif upstream is None and not f["title"]:
                upstream = f"quyse/kz-laws {f['path']} @ {f['commit']}" if f["path"] else f["what"]
    return AmendingAct("extract", title, upstream, tuple(items), tuple(commencement or ()), tuple(laws))


def _until_signature(block: list[Line]) -> list[Line]:
    """The lines of an entry-into-force article before the signature, without trailing blank lines."""
    out: list[Line] = []
    for n, raw in block:
        if _SIGNATURE.match(raw.replace("\u00a0", " ").replace("\u00ad", "").strip()):
            break
        out.append((n, raw))
    while out and not out[-1][1].strip():
        out.pop()
    return out


class _Quotes:
    """Whether a line stands inside a quoted wording (a new text an instruction gives), where
    «Статья 2.» or «2. В ...» are the amended law's words, not the amending act's units.

    As :func:`consolidate.grammar.instructions.parse_item` reads them: a wording opens on a
    line that starts with a quote and closes on a line ending with one (and its punctuation)
    once its guillemets balance; quotes inside an instruction's own line open nothing."""

    _CLOSE = re.compile(r"[»\"”]\s*[.;,]?\s*$")

    def __init__(self) -> None:
        self.group: list[str] | None = None

    def inside(self, text: str) -> bool:
        return self.group is not None

    def reset(self) -> None:
        self.group = None

    def feed(self, text: str) -> None:
        text = re.sub(r"^#+\s*", "", text.replace("\u00a0", " ").strip())
        if not text:
            return
        if self.group is None:
            if text[:1] not in "«\"“":
                return
            self.group = []
        self.group.append(text)
        joined = "\n".join(self.group)
        if self._CLOSE.search(text) and (
                joined.count("»") >= joined.count("«") if self.group[0].startswith("«")
                else joined.count('"') % 2 == 0):
            self.group = None


def _read_whole(lines: list[str], file: str) -> AmendingAct:
    upstream = None
    start = 0
    if lines and (m := _WHOLE_UPSTREAM.match(lines[0])):
        upstream, start = m["what"], 1
        # «quyse/kz-laws rus/144589.md @ 03be24a5…, 24027 chars»: the form the extracts give
        if at := re.match(r"(?P<repo>\S+) (?P<path>\S+) @ (?P<commit>[0-9a-f]{12})[0-9a-f]*", upstream):
            upstream = f"{at['repo']} {at['path']} @ {at['commit']}"
    title = None
    # articles: a heading «Статья N.» / «N-бап.» outside quotes, numbered 1, 2, 3 ...
    articles: list[tuple[int, list[Line]]] = []
    quotes = _Quotes()
    for i in range(start, len(lines)):
        raw = lines[i]
        text = raw.replace("\u00a0", " ").strip()
        if not text:
            if articles:
                articles[-1][1].append((i + 1, raw))
            continue
        if title is None and not articles:
            stripped = re.sub(r"^#+\s*", "", text)
            if not _ARTICLE.match(text) and stripped and stripped not in ("Оглавление", "Мазмұны"):
                title = stripped
                continue
        m = _ARTICLE.match(text)
        if m and not quotes.inside(text) and not text.startswith(("«", '"')):
            number = int(m["ru"] or m["kk"])
            if number == len(articles) + 1:
                articles.append((number, [(i + 1, raw)]))
                quotes.reset()
                continue
        if articles:
            articles[-1][1].append((i + 1, raw))
        quotes.feed(text)
    if not articles:
        raise ParseError("no article («Статья 1.» or «1-бап.») in the act", file=file)
    # the entry-into-force article: the last that puts the act into effect; the signature ends it
    rule_at = max((k for k, (_, body) in enumerate(articles) if any(_COMMENCEMENT.search(t) for _, t in body)),
                  default=None)
    commencement = _until_signature(articles[rule_at][1]) if rule_at is not None else []
    items: list[Item] = []
    for k, (number, body) in enumerate(articles):
        if k == rule_at:
            continue
        items.extend(_items(number, body))
    return AmendingAct("whole", title, upstream, tuple(items), tuple(commencement))


def _items(article: int, body: list[Line]) -> list[Item]:
    """The items of one article: numbered ``N.`` lines outside quotes, in sequence; an article
    without them whose first line ends with ':' is one instruction."""
    starts: list[tuple[int, int]] = []  # (index in body, item number)
    quotes = _Quotes()
    for k, (_, raw) in enumerate(body):
        text = raw.replace("\u00a0", " ").strip()
        if k == 0:
            continue
        m = _ITEM.match(text)
        if m and not quotes.inside(text) and int(m["num"]) == len(starts) + 1 and _ends_head(m["rest"]):
            starts.append((k, int(m["num"])))
            quotes.reset()
            continue
        quotes.feed(text)
    out: list[Item] = []
    if not starts:
        first = body[0][1]
        if _name_part(first.strip()) != first.strip():  # «Статья 1. Внести в Закон ... (...) ... :»
            out.append(Item(article, None, tuple(_trim(body))))
        return out
    for j, (k, number) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(body)
        out.append(Item(article, number, tuple(_trim(body[k:end]))))
    return out


def _trim(lines: list[Line]) -> list[Line]:
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    return lines


def _ends_head(rest: str) -> bool:
    """Whether the text after «N.» is the head of an item: it names an act and its head ends
    with a colon (outside quotes and the publication reference)."""
    quote = depth = 0
    for ch in rest:
        if ch == "«":
            quote += 1
        elif ch == "»":
            quote = max(0, quote - 1)
        elif ch == "(" and not quote:
            depth += 1
        elif ch == ")" and not quote:
            depth = max(0, depth - 1)
        elif ch == ":" and not quote and not depth:
            return True
    return False


def read_act(text: str, *, file: str) -> AmendingAct:
    """An amending act's file (whole as published, or the corpus's extract layout) → its items
    and entry-into-force article."""
    lines = text.split("\n")
    if is_extract(lines):
        return _read_extract(lines, file)
    return _read_whole(lines, file)


def find_items(act: AmendingAct, law: LawName, *, number: str | None = None) -> tuple[Item, ...]:
    """The items of ``act`` that amend ``law``, in the act's order.  In an extract a block
    headed for the law's ``number`` is the law's even if its head names the law otherwise."""
    by_number = {(a, i) for a, i, n in act.extract_laws if number is not None and n == number}
    return tuple(it for it in act.items if names(it.head, law) or (it.article, it.item) in by_number)
