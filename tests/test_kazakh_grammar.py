"""The Kazakh instruction language (consolidate.grammar.kazakh).

The corpus tests read the Kazakh items of the shared corpus
(``../shared/corpus/*/kaz-amending/*.md``, the fenced layout of
``amendments/*/sources``) and compare each act's records with the Russian
records of the same act in ``amendments/*/acts/*.toml``: kind, target eId and
place agree except where the Kazakh text itself says something else, listed
in :data:`DIFFERENCES` with the words that make the difference.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.errors import ParseError
from consolidate.grammar import instructions
from consolidate.grammar.instructions import OperationRecord
from consolidate.grammar.kazakh import parse_instruction, parse_item, resolve

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
LAW_DIRS = {"527-IV": ROOT / "amendments" / "kz-national-security", "277-IV": ROOT / "amendments" / "kz-foreign-intelligence"}
_HEAD = re.compile(r"^## (?:\(a\) Instruction block for|Appendix.*?Law) (\d+-[IVX]+) \(Article (\d+), item (\d+)\)")

Line = tuple[int, str]
Key = tuple[str, str, str]  # (op, target, place)


def kazakh_blocks() -> list[tuple[Path, str, int, int, list[Line]]]:
    """(file, law, article, item, lines) of every instruction block of the Kazakh corpus."""
    out = []
    for path in sorted(SHARED.glob("*/kaz-amending/*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, text in enumerate(lines):
            if h := _HEAD.match(text):
                assert lines[i + 1] == "===="
                end = lines.index("====", i + 2)
                out.append((path, h[1], int(h[2]), int(h[3]), [(k + 1, lines[k]) for k in range(i + 2, end)]))
    return out


BLOCKS = kazakh_blocks() if SHARED.is_dir() else []
needs_corpus = pytest.mark.skipif(not BLOCKS, reason="the shared corpus (../shared/corpus) is not here")


def block_id(b: tuple[Path, str, int, int, list[Line]]) -> str:
    return f"{b[0].stem}-{b[1]}-item{b[3]}"


def russian_keys(law: str, stem: str) -> set[Key] | None:
    act = LAW_DIRS[law] / "acts" / f"{stem}.toml"
    if not act.exists():
        return None
    data = tomllib.loads(act.read_text(encoding="utf-8"))
    primary = data.get("lang", "rus")
    return {(o["op"], o["target"], o["place"]) for o in data.get("operations", [])
            if o.get("lang", primary) == "rus"}  # the act file holds the Kazakh operations too


def keys(records: tuple[OperationRecord, ...]) -> set[Key]:
    return {(r.op, r.target, r.place) for r in records}


# --- the corpus ----------------------------------------------------------------


@needs_corpus
def test_the_corpus_has_every_kazakh_block() -> None:
    # 29 items for 527-IV, 6 acts for 277-IV and 6 appendices for 277-IV (five
    # with a Russian counterpart, 91-VI item 32 in Kazakh only)
    laws = [b[1] for b in BLOCKS]
    assert (laws.count("527-IV"), laws.count("277-IV")) == (29, 12)


@needs_corpus
@pytest.mark.parametrize("blk", BLOCKS, ids=block_id)
def test_every_kazakh_item_parses(blk: tuple[Path, str, int, int, list[Line]]) -> None:
    path, law, article, item, lines = blk
    records = parse_item(lines, article=article, file=str(path))
    assert records, "an item gives at least one record"
    for r in records:
        assert r.place.startswith(f"art_{article}__para_{item}__")
        assert any(n == r.line for n, _ in lines)


# Where the Kazakh records differ from the Russian ones, and the Kazakh words that say so.
DIFFERENCES: dict[tuple[str, str], tuple[set[Key], set[Key], str]] = {
    ("2012-04-23_14-V", "277-IV"): (
        {("replace_words", "art_6__subpara_1__part_2", "art_1__para_4__part_2")},
        {("insert_words", "art_6__subpara_1__part_2", "art_1__para_4__part_1")},
        "«құпияланған» деген сөз «құпияландырылған, кодталған» деген сөздермен ауыстырылсын: the Kazakh "
        "replaces where the Russian inserts «, кодированной»; and the Russian instruction shares the item's "
        "first line (block 1), the Kazakh one has its own (block 2)",
    ),
    ("2012-04-27_15-V", "527-IV"): (
        {("insert_words", "art_15__para_1__subpara_2", "art_1__para_56__part_3")},
        {("replace_words", "art_15__para_1__subpara_2", "art_1__para_56__part_3")},
        "2) тармақша «мемлекеттiк орган» деген сөздердің алдынан «арнаулы» деген сөзбен толықтырылсын: the "
        "Kazakh inserts «арнаулы» before the words the Russian replaces («государственный орган» → "
        "«специальный государственный орган»)",
    ),
    ("2014-04-11_189-V", "527-IV"): (
        {("replace_words", "art_24__para_2__subpara_7", "art_1__para_34__subpara_2__part_2")},
        set(),
        "«салдарларының» деген сөз алып тасталып, «даярлау», «қаупі» деген сөздер тиісінше «дайындау», "
        "«қатері» деген сөздермен ауыстырылсын: the Kazakh also replaces two words the Russian leaves",
    ),
    ("2016-07-26_12-VI", "527-IV"): (
        {("replace_words", "art_6__para_1__subpara_19", "art_1__para_22__part_2")},
        set(),
        "\"келтіру болып табылады.\" деген сөздер \"келтіру;\" деген сөзбен ауыстырылып: the Kazakh spells "
        "out the end of 19) that the Russian leaves implicit (the Russian extract's note)",
    ),
    ("2022-05-21_123-VII", "527-IV"): (
        {("replace_words", "art_6__para_1__subpara_20", "art_1__para_11__subpara_1__part_1"),
         ("replace_words", "art_19__para_1__subpara_10", "art_1__para_11__subpara_2__part_2"),
         ("replace_words", "art_19__para_2__subpara_7", "art_1__para_11__subpara_2__part_4"),
         ("replace_words", "art_24__para_2__subpara_2", "art_1__para_11__subpara_3__part_1")},
        {("insert_words", "art_24__para_2__subpara_2", "art_1__para_11__subpara_3__part_1")},
        "«пайдалану болып табылады.» деген сөздер «пайдалану;» деген сөзбен ауыстырылып, ...; «заңнамасы» "
        "деген сөз «заңнамасының және ...» деген сөздермен ауыстырылсын: the Kazakh replaces the closing "
        "words where the Russian only says «дополнить»",
    ),
}


def agreement() -> dict[tuple[str, str], tuple[int, int]]:
    """Per act with a Russian counterpart: (records agreeing, records in either language)."""
    out = {}
    for path, law, article, _, lines in BLOCKS:
        ru = russian_keys(law, path.stem)
        if ru is None:
            continue
        kz = keys(parse_item(lines, article=article, file=str(path)))
        out[(path.stem, law)] = (len(kz & ru), len(kz | ru))
    return out


@needs_corpus
@pytest.mark.parametrize("blk", BLOCKS, ids=block_id)
def test_kazakh_and_russian_records_agree(blk: tuple[Path, str, int, int, list[Line]]) -> None:
    path, law, article, _, lines = blk
    ru = russian_keys(law, path.stem)
    kz = keys(parse_item(lines, article=article, file=str(path)))
    if ru is None:
        # 91-VI item 32 amends 277-IV in Kazakh only (MANIFEST-kaz: the Russian item was not read)
        assert (path.stem, law) == ("2017-07-11_91-VI", "277-IV")
        assert kz == {("substitute", "art_21__part_1", "art_1__para_32__part_2")}
        return
    kaz_only, rus_only, _reason = DIFFERENCES.get((path.stem, law), (set(), set(), ""))
    assert (kz - ru, ru - kz) == (kaz_only, rus_only)


@needs_corpus
def test_the_agreement_figure() -> None:
    figures = agreement()
    assert len(figures) == 40
    both = sum(a for a, _ in figures.values())
    either = sum(b for _, b in figures.values())
    assert (both, either) == (95, 106)
    assert sum(1 for a, b in figures.values() if a == b) == 35


# --- constructions, on small inputs ----------------------------------------------

HEAD = "5. «Қазақстан Республикасының ұлттық қауіпсіздігі туралы» 2012 жылғы 6 қаңтардағы Қазақстан Республикасының Заңына (Қазақстан Республикасы Парламентінің Жаршысы, 2012 ж., № 1, 3-құжат):"


def item(*body: str) -> tuple[OperationRecord, ...]:
    lines = [(1, HEAD)] + [(n + 2, text) for n, text in enumerate(body)]
    return parse_item(lines, file="t.md")


def test_substitute_a_subparagraph() -> None:
    (r,) = item("15-баптың 1-тармағының 4) тармақшасы мынадай редакцияда жазылсын:", "«4) жаңа мәтін;».")
    assert (r.op, r.target, r.place, r.text, r.line) == ("substitute", "art_15__para_1__subpara_4",
                                                        "art_1__para_5__part_2", "4) жаңа мәтін;", 2)


def test_substitute_several_articles() -> None:
    rs = item("14, 15 және 16-баптар мынадай редакцияда жазылсын:", "«14-бап. А", "Мәтін.", "15-бап. Б",
              "Мәтін.", "16-бап. В", "Мәтін.».")
    assert [(r.target, r.text) for r in rs] == [("art_14", "14-бап. А\n\nМәтін."), ("art_15", "15-бап. Б\n\nМәтін."),
                                                ("art_16", "16-бап. В\n\nМәтін.")]


def test_repeal_in_a_context() -> None:
    rs = item("1) 13-бапта:", "5) тармақша алып тасталсын;", "2) 11-бапта:", "1-тармақ алып тасталсын.")
    assert [(r.op, r.target, r.place) for r in rs] == [
        ("repeal", "art_13__subpara_5", "art_1__para_5__subpara_1__part_2"),
        ("repeal", "art_11__para_1", "art_1__para_5__subpara_2__part_2")]


def test_delete_words_and_replace_with_pairs() -> None:
    rs = item("24-баптың 2-тармағының 7) тармақшасындағы «а» деген сөз алып тасталып, «б», «в» деген сөздер "
              "тиісінше «г», «д» деген сөздермен ауыстырылсын.")
    assert [(r.op, r.target, r.words, r.pairs) for r in rs] == [
        ("delete_words", "art_24__para_2__subpara_7", "а", None),
        ("replace_words", "art_24__para_2__subpara_7", None, (("б", "г"), ("в", "д")))]


def test_replace_singular_and_plural() -> None:
    (r,) = item("16-баптың бірінші абзацындағы «қаланың» деген сөз «қалалардың» деген сөзбен ауыстырылсын.")
    assert (r.op, r.target, r.old, r.new) == ("replace_words", "art_16__part_1", "қаланың", "қалалардың")
    (r,) = item("6-баптың 1) тармақшасындағы «а б» деген сөздер «в» деген сөздермен ауыстырылсын.")
    assert (r.target, r.old, r.new) == ("art_6__subpara_1", "а б", "в")


def test_replace_throughout() -> None:
    (r,) = item("бүкіл мәтін бойынша «а» деген сөздер «б» деген сөздермен ауыстырылсын.")
    assert (r.op, r.target, r.throughout) == ("replace_words", "law", True)
    (r,) = item("5-баптың бүкіл мәтіні бойынша «а» деген сөз алып тасталсын.")
    assert (r.op, r.target, r.throughout, r.words) == ("delete_words", "art_5", True, "а")


def test_shared_verb_over_two_addresses() -> None:
    rs = item("8-баптың 13) тармақшасындағы «а» деген сөздер «б» деген сөздермен, 9-баптың 11) және 27) "
              "тармақшаларындағы «в» деген сөздер «г» деген сөздермен ауыстырылсын.")
    assert [(r.target, r.old, r.new) for r in rs] == [("art_8__subpara_13", "а", "б"), ("art_9__subpara_11", "в", "г"),
                                                      ("art_9__subpara_27", "в", "г")]


def test_insert_units_after_a_replacement_goes_into_the_parent() -> None:
    rs = item("6-баптың 1-тармағының 19) тармақшасындағы «а.» деген сөздер «а;» деген сөзбен ауыстырылып, "
              "мынадай мазмұндағы 20) тармақшамен толықтырылсын:", "«20) жаңа.».")
    assert [(r.op, r.target) for r in rs] == [("replace_words", "art_6__para_1__subpara_19"),
                                             ("insert", "art_6__para_1__subpara_20")]
    assert rs[1].text == "20) жаңа."


def test_insert_units_and_articles() -> None:
    rs = item("1) 15-баптың 1-тармағында:", "мынадай мазмұндағы 8-1) және 8-2) тармақшалармен толықтырылсын:",
              "«8-1) а;", "8-2) б;»;", "2) мынадай мазмұндағы 16-1, 16-2-баптармен толықтырылсын:",
              "«16-1-бап. А", "Мәтін.", "16-2-бап. Б", "Мәтін.».")
    assert [(r.op, r.target, r.place) for r in rs] == [
        ("insert", "art_15__para_1__subpara_8-1", "art_1__para_5__subpara_1__part_2"),
        ("insert", "art_15__para_1__subpara_8-2", "art_1__para_5__subpara_1__part_2"),
        ("insert", "art_16-1", "art_1__para_5__subpara_2__part_1"),
        ("insert", "art_16-2", "art_1__para_5__subpara_2__part_1")]


def test_insert_words_after_before_and_at_the_end() -> None:
    rs = item("23-бапта:", "4-тармақтың екінші бөлігі «а» деген сөзден кейін «б» деген сөздермен толықтырылсын;",
              "2) тармақша «в» деген сөздердің алдынан «г» деген сөзбен толықтырылсын;",
              "7-тармақ «д» деген сөздермен толықтырылсын.")
    assert [(r.op, r.target, r.words, r.after, r.before) for r in rs] == [
        ("insert_words", "art_23__para_4__part_2", "б", "а", None),
        ("insert_words", "art_23__subpara_2", "г", None, "в"),
        ("insert_words", "art_23__para_7", "д", None, None)]


def test_one_opening_guillemet_opens_two_quotes() -> None:
    (r,) = item("23-баптың 7-тармағы «а» деген сөзден кейін «Байланыс туралы» Заңының 4-бабына сәйкес» деген сөздермен "
                "толықтырылсын.")
    assert (r.after, r.words) == ("а", "«Байланыс туралы» Заңының 4-бабына сәйкес")
    # the Russian reader keeps its stricter reading
    with pytest.raises(ParseError):
        instructions._split_quotes("«а» x» y")


def test_renumber() -> None:
    rs = item("9-баптың 5) және 6) тармақшалары тиісінше 6) және 7) тармақшалар деп есептелсін.")
    assert [(r.op, r.target, r.new) for r in rs] == [("renumber", "art_9__subpara_6", "7"),
                                                     ("renumber", "art_9__subpara_5", "6")]


def test_kazakh_text_unchanged_gives_no_record() -> None:
    assert item("1) 2-бапқа орыс тіліндегі мәтінге өзгеріс енгізіледі, қазақ тіліндегі мәтін өзгермейді;") == ()


def test_law_title_is_compared_with_latin_i_and_spaces_folded() -> None:
    lines = [(1, HEAD.replace("қауіпсіздігі", "қауiпсiздiгi")), (2, "13-баптың 5) тармақшасы алып тасталсын.")]
    assert parse_item(lines, law_title="Қазақстан Республикасының  ұлттық қауіпсіздігі туралы")
    with pytest.raises(ParseError, match="does not amend"):
        parse_item(lines, law_title="Сыртқы барлау туралы", file="t.md")


@pytest.mark.parametrize("body, why", [
    ("15-баптың тақырыбы мынадай редакцияда жазылсын:", "heading"),
    ("15-баптың 4 тармақшасы алып тасталсын.", "subparagraph number is written"),
    ("15-баптың 4) тармағы алып тасталсын.", "only a subparagraph number"),
    ("«а» деген сөз «б» деген сөзбен ауыстырылсын.", "names no unit"),
    ("15-бапқа бір нәрсе болсын.", "not an instruction"),
    ("«а», «б» деген сөздер «в», «г» деген сөздермен ауыстырылсын.", "тиісінше"),
])
def test_errors_name_the_file_and_line(body: str, why: str) -> None:
    with pytest.raises(ParseError, match=why) as exc:
        item(body)
    assert (exc.value.file, exc.value.line) == ("t.md", 2)


def test_a_head_that_is_not_a_kazakh_item() -> None:
    with pytest.raises(ParseError, match="Заңына") as exc:
        parse_item([(7, "5. В Закон Республики Казахстан «О ...»:")], file="t.md")
    assert exc.value.line == 7


# --- properties --------------------------------------------------------------------

_GEN = {"article": "баптың", "paragraph": "тармағының", "subparagraph": "тармақшасының"}
_NOM = {"article": "бап", "paragraph": "тармағы", "subparagraph": "тармақшасы", "part": "абзацы"}
_ORD = ["бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы",
        "оныншы"]
nums = st.builds(lambda a, b: f"{a}-{b}" if b else str(a), st.integers(1, 60), st.integers(0, 3))


@st.composite
def chains(draw: st.DrawFn) -> tuple[str, str]:
    """A Kazakh address chain and the eId it names, from a random eId."""
    kinds = ["article"] + draw(st.sampled_from([[], ["paragraph"], ["subparagraph"], ["paragraph", "subparagraph"]]))
    numbers = [draw(nums) for _ in kinds]
    part = draw(st.none() | st.integers(1, 10))
    words, eid = [], []
    for k, (kind, n) in enumerate(zip(kinds, numbers)):
        last = k == len(kinds) - 1 and part is None
        table = _NOM if last else _GEN
        label = f"{n})" if kind == "subparagraph" else n
        sep = " " if kind == "subparagraph" else "-"
        words.append(f"{label}{sep}{table[kind]}")
        eid.append({"article": "art", "paragraph": "para", "subparagraph": "subpara"}[kind] + f"_{n}")
    if part is not None:
        words.append(f"{_ORD[part - 1]} {_NOM['part']}")
        eid.append(f"part_{part}")
    return " ".join(words), "__".join(eid)


@given(chains())
@settings(max_examples=200, deadline=None)
def test_an_address_chain_reads_back_to_its_eid(chain: tuple[str, str]) -> None:
    phrase, eid = chain
    assert resolve(phrase) == [eid]
    (r,) = item(f"{phrase} алып тасталсын.")
    assert (r.op, r.target) == ("repeal", eid)


@given(st.sampled_from(["«", '"']), st.text(" \t\u00a0", min_size=0, max_size=3), st.booleans())
@settings(max_examples=60, deadline=None)
def test_quotes_and_spaces_do_not_change_the_records(quote: str, pad: str, latin_i: bool) -> None:
    close = "»" if quote == "«" else '"'
    body = (f"{pad}15-баптың{pad} 1-тармағының 14) тармақшасындағы {quote}заңсыз{close} деген  сөз "
            f"{quote}қылмыстық{close} деген сөзбен ауыстырылсын.{pad}")
    if latin_i:
        body = body.replace("і", "i")
    (r,) = item(body)
    assert (r.op, r.target, r.old, r.new, r.place, r.line) == (
        "replace_words", "art_15__para_1__subpara_14", "заңсыз", "қылмыстық", "art_1__para_5__part_2", 2)


@given(st.lists(st.text(alphabet="«»\"():;.,-–1234567890 абвбаптыңтармақшасыдегенсөзалыптасталсынмынадайжазылсын\n",
                        max_size=80), min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_unparseable_input_is_a_parse_error_with_file_and_line(body: list[str]) -> None:
    lines = [(1, HEAD)] + [(10 + n, text) for n, text in enumerate(body)]
    try:
        parse_item(lines, file="fuzz.md")
    except ParseError as exc:
        assert exc.file == "fuzz.md"
        assert exc.line is not None and exc.line >= 1


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_parse_instruction_raises_only_parse_errors(body: str) -> None:
    try:
        parse_instruction(body, context="art_5", place="p", line=3, file="f.md")
    except ParseError as exc:
        assert (exc.file, exc.line) == ("f.md", 3)


def test_the_parser_is_chosen_by_language() -> None:
    from consolidate.grammar import items

    lines = [(1, HEAD), (2, "13-баптың 5) тармақшасы алып тасталсын.")]
    assert items.parse_item(lines, lang="kaz") == parse_item(lines)
    ru = [(1, "5. В Закон Республики Казахстан от 6 января 2012 года «О национальной безопасности Республики "
              "Казахстан»:"), (2, "подпункт 5) статьи 13 исключить.")]
    assert keys(items.parse_item(ru, lang="rus")) == keys(parse_item(lines))
    with pytest.raises(ParseError, match="not 'eng'"):
        items.parser("eng")


def test_a_unit_without_its_article_names_the_kazakh_context() -> None:
    with pytest.raises(ParseError, match="«15-бапта:»"):
        item("7-тармақ алып тасталсын.")


def test_a_code_is_named_by_title_and_a_chapter_is_inserted() -> None:
    # written in the drafting of the corpus's items, for a code (no date before «Қазақстан Республикасының»)
    lines = [(1, "3. Қазақстан Республикасының 2014 жылғы 5 шілдедегі Әкімшілік құқық бұзушылық туралы "
                 "кодексіне (Қазақстан Республикасы Парламентінің Жаршысы, 2014 ж., № 18-I, 18-II, 92-құжат):"),
             (2, "мынадай мазмұндағы 5-1-тараумен толықтырылсын:"), (3, "«5-1-тарау. Жаңа тарау"), (4, "Мәтін.».")]
    (r,) = parse_item(lines)
    assert (r.op, r.target, r.parent, r.text) == ("insert", "chp_5-1", None, "5-1-тарау. Жаңа тарау\n\nМәтін.")


def test_an_instruction_that_starts_with_its_words_is_not_a_wording() -> None:
    rs = item("1) 15-бапта:", "4) тармақша мынадай редакцияда жазылсын:", "«4) жаңа;»;",
              "«а» деген сөздер «б» деген сөздермен ауыстырылсын.")
    assert [(r.op, r.target, r.text, r.old) for r in rs] == [
        ("substitute", "art_15__subpara_4", "4) жаңа;", None), ("replace_words", "art_15", None, "а")]
    assert rs[1].place == "art_1__para_5__subpara_1__part_4"
    # a wording that quotes an instruction stays a wording (its quotes do not balance on the line)
    (r,) = item("15-баптың 2-тармағы мынадай редакцияда жазылсын:", "«2. «Х» деген сөздер осылай аталсын.»;")
    assert r.text == "2. «Х» деген сөздер осылай аталсын."
