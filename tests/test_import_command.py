"""``consolidate import``: a law from its base text and its amending acts as published.

The shipped corpus is what the command writes: re-importing every law and language
from the shipped base texts and the acts' located items reproduces it byte for byte.
An omnibus act as published (``tests/data/published/rus/``, verbatim copies of whole
acts) gives the same operations as the extract of its item.  Bad input writes
nothing and says what is wrong on one line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consolidate.cli import main
from consolidate.formats.act_file import load_act

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = Path(__file__).parent / "data" / "published" / "rus"
LAWS = ("kz-national-security", "kz-foreign-intelligence")


def run(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), "import", *args])


def law_args(slug: str) -> tuple[list[str], dict[str, str]]:
    """The law's number and adoption date, and its base text per language, from law.toml."""
    table = tomllib.loads((ROOT / "amendments" / slug / "law.toml").read_text(encoding="utf-8"))
    bases = {s["lang"]: s["file"] for s in table["snapshots"] if s.get("role") == "base"}
    return ["--number", table["number"], "--adopted", table["adopted"].isoformat()], bases


def acts_folder(slug: str, lang: str, into: Path, *, whole: bool = False) -> Path | None:
    """The law's act texts in one language, as a folder of ``YYYY-MM-DD_NUMBER.md`` files: the
    kept texts, or (``whole``) with every act published whole in its place, as make corpus does."""
    src = ROOT / "amendments" / slug / "sources" / ("" if lang == "rus" else lang)
    files = sorted(src.glob("*.md")) if src.is_dir() else []
    if not files:
        return None
    into.mkdir(parents=True)
    for f in files:
        shutil.copy(f, into / f.name)
    if whole and lang == "rus":
        for f in PUBLISHED.glob("*.md"):
            shutil.copy(f, into / f.name)
    return into


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def import_law(slug: str, corpus: Path, work: Path, *, facts: bool = True, whole: bool = False) -> list[Result]:
    head, bases = law_args(slug)
    out = []
    for lang in sorted(bases, key=lambda lang: lang != "rus"):  # the acts' primary language first
        args = [slug, *head, "--lang", lang, "--base", str(ROOT / "snapshots" / slug / bases[lang])]
        folder = acts_folder(slug, lang, work / f"{slug}-{lang}", whole=whole)
        if folder is not None:
            args += ["--acts", str(folder)]
        if facts:
            args += ["--facts", str(ROOT / "amendments" / slug)]
        out.append(run(corpus, *args))
    return out


@pytest.mark.parametrize("whole", [False, True], ids=["kept-texts", "whole-acts"])
@pytest.mark.parametrize("slug", LAWS)
def test_a_fresh_import_reproduces_the_shipped_law_byte_for_byte(slug: str, whole: bool, tmp_path: Path) -> None:
    """From the texts kept under sources/, or with the acts published whole (as make corpus
    gives them: an omnibus act amends both laws, and others)."""
    corpus = tmp_path / "corpus"
    for r in import_law(slug, corpus, tmp_path, whole=whole):
        assert r.exit_code == 0, r.output
    for part in ("amendments", "snapshots"):
        shipped, made = ROOT / part / slug, corpus / part / slug
        assert tree(made) == tree(shipped), f"{part}/{slug} differs from what import writes"


def test_re_running_an_import_changes_no_byte(tmp_path: Path) -> None:
    slug = "kz-foreign-intelligence"
    corpus = tmp_path / "corpus"
    import_law(slug, corpus, tmp_path / "one")
    before = tree(corpus)
    stamps = {p: p.stat().st_mtime_ns for p in corpus.rglob("*") if p.is_file()}
    results = import_law(slug, corpus, tmp_path / "two", facts=False)  # the facts are on disk now
    assert all(r.exit_code == 0 for r in results), [r.output for r in results]
    assert tree(corpus) == before
    assert {p: p.stat().st_mtime_ns for p in corpus.rglob("*") if p.is_file()} == stamps  # nothing rewritten
    assert not [p for p in corpus.rglob("*") if p.name.startswith(".")], "a temporary folder was left behind"


def test_an_act_without_an_item_for_the_law_is_reported_on_one_line_and_skipped(tmp_path: Path) -> None:
    acts = tmp_path / "acts"
    acts.mkdir()
    # 185-V (07.04.2014) as published amends other laws than 527-IV
    shutil.copy(PUBLISHED / "2014-04-07_185-V.md", acts)
    head, bases = law_args("kz-national-security")
    r = run(tmp_path / "c", "kz-national-security", *head, "--lang", "rus",
            "--base", str(ROOT / "snapshots" / "kz-national-security" / bases["rus"]), "--acts", str(acts))
    assert r.exit_code == 0, r.output
    lines = [line for line in r.output.splitlines() if "2014-04-07_185-V.md" in line]
    assert len(lines) == 1 and "no item for 527-IV" in lines[0] and lines[0].endswith("skipped")
    law = tmp_path / "c" / "amendments" / "kz-national-security"
    assert not list(law.rglob("*185-V*"))


class TestWholeActs:
    """An omnibus act as published, whole, is read as its extract is."""

    @pytest.mark.parametrize("name", sorted(p.name for p in PUBLISHED.glob("*.md")))
    def test_the_items_found_in_a_whole_act_are_those_of_its_extracts(self, name: str, tmp_path: Path) -> None:
        for slug in LAWS:
            extract = ROOT / "amendments" / slug / "sources" / name
            head, bases = law_args(slug)
            whole_dir, part_dir = tmp_path / slug / "whole", tmp_path / slug / "extract"
            whole_dir.mkdir(parents=True)
            shutil.copy(PUBLISHED / name, whole_dir)
            base = ["--lang", "rus", "--base", str(ROOT / "snapshots" / slug / bases["rus"])]
            r = run(tmp_path / slug / "c1", slug, *head, *base, "--acts", str(whole_dir))
            assert r.exit_code == 0, r.output
            made = tmp_path / slug / "c1" / "amendments" / slug / "acts" / name.replace(".md", ".toml")
            if not extract.exists() or "## (a)" not in extract.read_text(encoding="utf-8"):
                # the whole act has no item for this law, or the shipped source is this very text
                continue
            part_dir.mkdir()
            shutil.copy(extract, part_dir)
            r2 = run(tmp_path / slug / "c2", slug, *head, *base, "--acts", str(part_dir))
            assert r2.exit_code == 0, r2.output
            from_extract = tmp_path / slug / "c2" / "amendments" / slug / "acts" / name.replace(".md", ".toml")
            ops = [tomllib.loads(p.read_text(encoding="utf-8"))["operations"] for p in (made, from_extract)]
            assert ops[0] == ops[1]

    def test_the_227_v_text_amends_five_laws_and_only_its_item_for_527_iv_is_taken(self, tmp_path: Path) -> None:
        from consolidate.grammar.amending import LawName, find_items, read_act

        act = read_act((PUBLISHED / "2014-07-03_227-V.md").read_text(encoding="utf-8"), file="227-V.md")
        assert act.layout == "whole" and len(act.items) > 5
        ns = find_items(act, LawName("О национальной безопасности Республики Казахстан", dt.date(2012, 1, 6)),
                        number="527-IV")
        fi = find_items(act, LawName("О внешней разведке", dt.date(2010, 5, 22)), number="277-IV")
        assert len(ns) == 1 and len(fi) == 1 and ns[0].item != fi[0].item
        assert "национальной безопасности" in ns[0].lines[0][1] and "внешней разведке" in fi[0].lines[0][1]
        assert act.commencement and "вводится в действие" in " ".join(t for _, t in act.commencement)


class TestBadInput:
    """Each is one line naming the file, exit 1, and nothing written."""

    def base(self) -> list[str]:
        head, bases = law_args("kz-foreign-intelligence")
        return ["kz-foreign-intelligence", *head, "--lang", "rus",
                "--base", str(ROOT / "snapshots" / "kz-foreign-intelligence" / bases["rus"])]

    def fails(self, tmp_path: Path, *args: str, says: str) -> None:
        corpus = tmp_path / "corpus"
        corpus.mkdir(exist_ok=True)
        (corpus / "keep.txt").write_text("untouched\n")
        before = tree(corpus)
        r = run(corpus, *args)
        assert r.exit_code == 1, r.output
        lines = [line for line in r.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("consolidate: error: ") and says in lines[0], r.output
        assert tree(corpus) == before and sorted(p.name for p in corpus.iterdir()) == ["keep.txt"]

    def test_a_file_not_named_by_date_and_number(self, tmp_path: Path) -> None:
        acts = tmp_path / "acts"
        acts.mkdir()
        shutil.copy(ROOT / "amendments/kz-foreign-intelligence/sources/2012-02-13_553-IV.md", acts / "553-IV.md")
        self.fails(tmp_path, *self.base(), "--acts", str(acts), says="553-IV.md")

    def test_an_impossible_date_in_a_file_name(self, tmp_path: Path) -> None:
        acts = tmp_path / "acts"
        acts.mkdir()
        shutil.copy(ROOT / "amendments/kz-foreign-intelligence/sources/2012-02-13_553-IV.md",
                    acts / "2012-02-30_553-IV.md")
        self.fails(tmp_path, *self.base(), "--acts", str(acts), says="2012-02-30")

    def test_a_folder_that_does_not_exist(self, tmp_path: Path) -> None:
        self.fails(tmp_path, *self.base(), "--acts", str(tmp_path / "nowhere"), says="nowhere")

    def test_a_base_text_with_no_articles(self, tmp_path: Path) -> None:
        base = tmp_path / "base.md"
        base.write_text("# О внешней разведке\n\nТекст без статей.\n", encoding="utf-8")
        head, _ = law_args("kz-foreign-intelligence")
        self.fails(tmp_path, "kz-foreign-intelligence", *head, "--lang", "rus", "--base", str(base),
                   says="no articles")

    def test_an_item_that_names_the_law_but_cannot_be_read(self, tmp_path: Path) -> None:
        acts = tmp_path / "acts"
        acts.mkdir()
        good = acts / "2012-02-13_553-IV.md"
        shutil.copy(ROOT / "amendments/kz-foreign-intelligence/sources/2012-02-13_553-IV.md", good)
        text = good.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("1)"))
        lines[at] = "1) статью 99 спеть хором;\n"
        good.write_text("".join(lines), encoding="utf-8")
        self.fails(tmp_path, *self.base(), "--acts", str(acts), says=f"{good}:")

    def test_a_second_language_with_another_adoption_date(self, tmp_path: Path) -> None:
        corpus = tmp_path / "corpus"
        import_law("kz-foreign-intelligence", corpus, tmp_path)
        before = tree(corpus)
        head, bases = law_args("kz-foreign-intelligence")
        r = run(corpus, "kz-foreign-intelligence", "--number", "277-IV", "--adopted", "2010-05-23", "--lang", "rus",
                "--base", str(ROOT / "snapshots/kz-foreign-intelligence" / bases["rus"]))
        assert r.exit_code == 1 and "2010-05-22" in r.output
        assert tree(corpus) == before


# -- an omnibus act made up: wherever our item stands among others, it alone is taken ----------

_OTHER_LAWS = [("О здравоохранении", "7 июля 2006 года"), ("О браке и семье", "26 декабря 2011 года"),
               ("Об образовании", "27 июля 2007 года")]
_OUR_ITEM = [
    "{n}. В Закон Республики Казахстан от 22 мая 2010 года «О внешней разведке» (Ведомости Парламента "
    "Республики Казахстан, 2010 г., № 10, ст. 47):",
    "1) в подпункте 1) статьи 1 слова «{old}» заменить словами «{new}»;",
    "2) пункт 2 статьи 3 исключить.",
]


def _other_item(n: int, title: str, date: str, subitems: int) -> list[str]:
    lines = [f"{n}. В Закон Республики Казахстан от {date} «{title}» (Ведомости Парламента Республики Казахстан):"]
    lines += [f"{k}) в статье {k + 1} слова «а{k}» заменить словами «б{k}»;" for k in range(1, subitems + 1)]
    return lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(st.tuples(st.sampled_from(_OTHER_LAWS), st.integers(1, 3)), max_size=3),
       after=st.lists(st.tuples(st.sampled_from(_OTHER_LAWS), st.integers(1, 3)), max_size=3),
       headed=st.booleans())
def test_our_item_is_found_wherever_it_stands_in_an_omnibus_act(
        tmp_path_factory: pytest.TempPathFactory, before: list[tuple[tuple[str, str], int]],
        after: list[tuple[tuple[str, str], int]], headed: bool) -> None:
    from consolidate.grammar.amending import LawName, find_items, read_act

    body: list[str] = []
    n = 0
    for (title, date), subitems in before:
        n += 1
        body += _other_item(n, title, date, subitems)
    n += 1
    ours = n
    body += [line.format(n=n, old="старое", new="новое") for line in _OUR_ITEM]
    for (title, date), subitems in after:
        n += 1
        body += _other_item(n, title, date, subitems)
    head = "## " if headed else ""
    text = "\n\n".join([
        "О внесении изменений и дополнений в некоторые законодательные акты Республики Казахстан",
        f"{head}Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:",
        *body,
        f"{head}Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня "
        "его первого официального опубликования.",
        "Президент Республики Казахстан Н. НАЗАРБАЕВ",
    ]) + "\n"
    act = read_act(text, file="omnibus.md")
    found = find_items(act, LawName("О внешней разведке", dt.date(2010, 5, 22)), number="277-IV")
    assert [it.item for it in found] == [ours]
    assert [t for _, t in found[0].lines if t.strip()] == [line.format(n=ours, old="старое", new="новое")
                                                          for line in _OUR_ITEM]
    assert "десяти календарных дней" in " ".join(t for _, t in act.commencement)
    assert not any("Президент" in t for _, t in act.commencement)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=st.text(st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюя "), min_size=1, max_size=20)
       .map(str.strip).filter(bool),
       new=st.text(st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюя -"), min_size=1, max_size=20)
       .map(str.strip).filter(bool))
def test_an_act_file_written_by_import_reads_back_to_what_the_act_says(
        tmp_path_factory: pytest.TempPathFactory, old: str, new: str) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    acts = tmp / "acts"
    acts.mkdir()
    lines = [line.format(n=1, old=old, new=new) for line in _OUR_ITEM]
    text = "\n\n".join([
        "О внесении изменений в Закон Республики Казахстан «О внешней разведке»",
        "Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:",
        *lines,
        "Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его "
        "первого официального опубликования.",
    ]) + "\n"
    (acts / "2013-05-14_99-V.md").write_text(text, encoding="utf-8")
    head, bases = law_args("kz-foreign-intelligence")
    r = run(tmp / "c", "kz-foreign-intelligence", *head, "--lang", "rus",
            "--base", str(ROOT / "snapshots/kz-foreign-intelligence" / bases["rus"]), "--acts", str(acts))
    assert r.exit_code == 0, r.output
    path = tmp / "c/amendments/kz-foreign-intelligence/acts/2013-05-14_99-V.toml"
    loaded = load_act(path)
    assert loaded.number == "99-V" and loaded.adopted == dt.date(2013, 5, 14)
    kinds = [(type(op).__name__, op.target) for op in loaded.operations]
    assert kinds == [("ReplaceWords", "art_1__subpara_1"), ("Repeal", "art_3__para_2")]
    assert loaded.operations[0].pairs == ((old, new),)  # type: ignore[attr-defined]
    # and a second import of the same text leaves the file as it was
    first = path.read_bytes()
    r = run(tmp / "c", "kz-foreign-intelligence", *head, "--lang", "rus",
            "--base", str(ROOT / "snapshots/kz-foreign-intelligence" / bases["rus"]), "--acts", str(acts))
    assert r.exit_code == 0 and path.read_bytes() == first
    source = (tmp / "c/amendments/kz-foreign-intelligence/sources/2013-05-14_99-V.md").read_text(encoding="utf-8")
    assert all(line in source.splitlines() for line in lines)  # the located item, verbatim


class TestTheGeneralCase:
    """Heads that the shipped acts do not have but other laws' acts do."""

    def located(self, text: str, title: str, adopted: dt.date, number: str, lang: str = "rus") -> list[list[str]]:
        from consolidate.grammar.amending import LawName, find_items, read_act
        from consolidate.grammar.items import parse_item

        act = read_act(text, file="act.md")
        out = []
        for it in find_items(act, LawName(title, adopted), number=number):
            records = parse_item(it.lines, article=it.article, file="act.md", lang=lang)
            out.append([f"{r.op} {r.target}" for r in records])
        return out

    def test_an_act_that_amends_one_code(self) -> None:
        text = ("О внесении изменений в Уголовный кодекс Республики Казахстан\n\n"
                "Статья 1. Внести в Уголовный кодекс Республики Казахстан от 3 июля 2014 года (Ведомости "
                "Парламента Республики Казахстан, 2014 г., № 13-I, 13-II, ст. 83) следующие изменения:\n\n"
                "1) в статье 5 слова «старые» заменить словами «новые»;\n\n2) пункт 2 статьи 6 исключить.\n\n"
                "Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня "
                "его первого официального опубликования.\n\nПрезидент Республики Казахстан\n")
        assert self.located(text, "Уголовный кодекс Республики Казахстан", dt.date(2014, 7, 3), "226-V") == [
            ["replace_words art_5", "repeal art_6__para_2"]]

    def test_a_code_named_by_its_quoted_title_without_its_short_name(self) -> None:
        text = ("О внесении изменений\n\nСтатья 1. Внести изменения в следующие законодательные акты:\n\n"
                "1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года (Ведомости ...):\n\n"
                "1) в статье 5 слова «старые» заменить словами «новые»;\n\n"
                "2. В Кодекс Республики Казахстан «О налогах и других обязательных платежах в бюджет» "
                "(Налоговый кодекс) от 25 декабря 2017 года (Ведомости ...):\n\n1) статью 7 исключить.\n\n"
                "Статья 2. Настоящий Закон вводится в действие с 1 января 2019 года.\n")
        title = "О налогах и других обязательных платежах в бюджет (Налоговый кодекс)"
        assert self.located(text, title, dt.date(2017, 12, 25), "120-VI") == [["repeal art_7"]]
        assert self.located(text, "Уголовный кодекс Республики Казахстан", dt.date(2014, 7, 3), "226-V") == [
            ["replace_words art_5"]]

    def test_an_act_that_amends_the_law_in_two_items(self) -> None:
        text = ("О внесении изменений\n\nСтатья 1. Внести изменения в следующие законодательные акты:\n\n"
                "1. В Закон Республики Казахстан от 22 мая 2010 года «О внешней разведке» (Ведомости ...):\n\n"
                "статью 3 исключить.\n\n"
                "2. В Закон Республики Казахстан от 7 июля 2006 года «О здравоохранении» (Ведомости ...):\n\n"
                "статью 4 исключить.\n\n"
                "3. В Закон Республики Казахстан от 22 мая 2010 года «О внешней разведке» (Ведомости ...):\n\n"
                "1) статью 8 исключить;\n\n2) в статье 9 слово «а» заменить словом «б».\n\n"
                "Статья 2. Настоящий Закон вводится в действие с 1 января 2019 года.\n")
        assert self.located(text, "О внешней разведке", dt.date(2010, 5, 22), "277-IV") == [
            ["repeal art_3"], ["repeal art_8", "replace_words art_9"]]

    def test_a_kazakh_act_that_amends_one_law(self) -> None:
        text = ("Қазақстан Республикасының ұлттық қауіпсіздігі туралы Заңына өзгерістер енгізу туралы\n\n"
                "1-бап. «Қазақстан Республикасының ұлттық қауіпсіздігі туралы» 2012 жылғы 6 қаңтардағы Қазақстан "
                "Республикасының Заңына (Қазақстан Республикасы Парламентінің Жаршысы, 2012 ж., № 1, 3-құжат) "
                "мынадай өзгерістер мен толықтырулар енгізілсін:\n\n"
                "1) 5-баптың 2-тармағы алып тасталсын;\n\n"
                "2) 6-баптағы «ескі» деген сөз «жаңа» деген сөзбен ауыстырылсын.\n\n"
                "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
                "енгізіледі.\n\nҚазақстан Республикасының Президенті\n")
        got = self.located(text, "Қазақстан Республикасының ұлттық қауіпсіздігі туралы", dt.date(2012, 1, 6),
                           "527-IV", lang="kaz")
        assert got == [["repeal art_5__para_2", "replace_words art_6"]]


def test_a_folder_beside_the_acts_is_reported_and_not_read(tmp_path: Path) -> None:
    """A law's own sources/ keeps the Kazakh texts in sources/kaz/: importing from it works."""
    head, bases = law_args("kz-national-security")
    r = run(tmp_path / "c", "kz-national-security", *head, "--lang", "rus",
            "--base", str(ROOT / "snapshots/kz-national-security" / bases["rus"]),
            "--acts", str(ROOT / "amendments/kz-national-security/sources"))
    assert r.exit_code == 0, r.output
    assert [line for line in r.output.splitlines() if "kaz/" in line] == [
        "consolidate: kaz/: a folder, not an act's file: skipped"]
    assert not (tmp_path / "c/amendments/kz-national-security/sources/kaz").exists()


class TestCheckReadsTheKeptTexts:
    """``check`` reads every kept text again: a Kazakh item that cannot be read is an error there."""

    def corpus(self, tmp_path: Path) -> Path:
        root = tmp_path / "corpus"
        for part in ("amendments", "snapshots"):
            shutil.copytree(ROOT / part / "kz-national-security", root / part / "kz-national-security")
        return root

    def check(self, root: Path) -> Result:
        return CliRunner().invoke(main, ["--corpus", str(root), "check", "kz-national-security"])

    def test_an_unreadable_kazakh_item(self, tmp_path: Path) -> None:
        root = self.corpus(tmp_path)
        src = root / "amendments/kz-national-security/sources/kaz/2013-07-03_124-V.md"
        text = src.read_text(encoding="utf-8")
        assert "мынадай редакцияда жазылсын:" in text
        src.write_text(text.replace("мынадай редакцияда жазылсын:", "ән салсын:", 1), encoding="utf-8")
        r = self.check(root)
        assert r.exit_code == 1
        assert f"[kaz] {src}:" in r.output and "act 124-V" in r.output

    def test_an_act_file_that_no_longer_says_what_its_kazakh_text_says(self, tmp_path: Path) -> None:
        import tomli_w

        root = self.corpus(tmp_path)
        path = root / "amendments/kz-national-security/acts/2013-07-03_124-V.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        kaz = [op for op in data["operations"] if op.get("lang") == "kaz"]
        data["operations"].remove(kaz[-1])
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        r = self.check(root)
        assert r.exit_code == 1
        assert "its kaz operations are not what sources/kaz/2013-07-03_124-V.md says" in r.output

    def test_the_shipped_corpus_reads_back(self) -> None:
        r = CliRunner().invoke(main, ["--corpus", str(ROOT), "check"])
        assert r.exit_code == 0, r.output


_SINGLE = [
    "О внесении дополнения в Закон Республики Казахстан «О внешней разведке»",
    "Статья 1. Внести в Закон Республики Казахстан от 22 мая 2010 года «О внешней разведке» (Ведомости "
    "Парламента Республики Казахстан, 2010 г., № 10, ст. 47) следующее дополнение:",
    "1) статью 1 дополнить подпунктом 4) следующего содержания:",
    "«4) пилотный проект – проект, осуществляемый в порядке эксперимента.».",
    "Статья 2.",
    "1. Настоящий Закон вводится в действие с 1 июля 2013 года.",
    "2. Подпункт 1) статьи 1 настоящего Закона действует до 1 января 2016 года.",
    "Президент Республики Казахстан",
]
_OMNIBUS = [
    "О внесении изменений и дополнений в некоторые законодательные акты Республики Казахстан",
    "Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:",
    "1. В Закон Республики Казахстан от 7 июля 2006 года «О здравоохранении» (Ведомости ...):",
    "статью 4 исключить.",
    "2. В Закон Республики Казахстан от 22 мая 2010 года «О внешней разведке» (Ведомости Парламента "
    "Республики Казахстан, 2010 г., № 10, ст. 47):",
    "1) в подпункте 3) статьи 1 слово «обработке» заменить словом «анализу»;",
    "2) статью 1 дополнить подпунктом 4) следующего содержания:",
    "«4) пилотный проект – проект, осуществляемый в порядке эксперимента.».",
    "Статья 2.",
    "1. Настоящий Закон вводится в действие с 1 июля 2013 года.",
    "2. Подпункт 2) пункта 2 статьи 1 настоящего Закона действует до 1 января 2016 года.",
    "Президент Республики Казахстан",
]


@pytest.mark.parametrize("act_text", [_SINGLE, _OMNIBUS], ids=["one-law", "omnibus"])
def test_a_time_limit_in_an_imported_act_makes_its_unit_expire(tmp_path: Path, act_text: list[str]) -> None:
    """«подпункт N) пункта M статьи 1 настоящего Закона действует до ...»: the unit the item adds is
    in effect from the act's date until the limit, and expired after it."""
    acts = tmp_path / "acts"
    acts.mkdir()
    (acts / "2013-05-14_99-V.md").write_text("\n\n".join(act_text) + "\n", encoding="utf-8")
    head, bases = law_args("kz-foreign-intelligence")
    corpus = tmp_path / "c"
    r = run(corpus, "kz-foreign-intelligence", *head, "--lang", "rus",
            "--base", str(ROOT / "snapshots/kz-foreign-intelligence" / bases["rus"]), "--acts", str(acts))
    assert r.exit_code == 0, r.output

    def status(day: str) -> dict[str, object]:
        out = CliRunner().invoke(main, ["--corpus", str(corpus), "show", "kz-foreign-intelligence", "--as-of", day,
                                        "--provision", "art_1__subpara_4", "--format", "json"])
        assert out.exit_code == 0, out.output
        unit = json.loads(out.output)["provisions"][0]
        return unit  # type: ignore[no-any-return]

    assert status("2013-06-30")["status"] == "not_yet_in_effect"
    assert status("2014-01-01")["status"] == "in_effect"
    expired = status("2016-01-02")
    assert expired["status"] == "expired" and expired["since"] == "2016-01-01"
    assert expired["source"] == ["99-V"]
    listing = CliRunner().invoke(main, ["--corpus", str(corpus), "acts", "kz-foreign-intelligence", "--format", "json"])
    (row,) = [a for a in json.loads(listing.output)["acts"] if a["number"] == "99-V"]
    assert [(lim["kind"], lim["end"], lim["reaches"]) for lim in row["limits"]] == [
        ("until", "2016-01-01", ["art_1__subpara_4"])]


def test_an_entry_into_force_article_that_cannot_be_read_is_a_warning_naming_the_act(tmp_path: Path) -> None:
    acts = tmp_path / "acts"
    acts.mkdir()
    (acts / "2013-05-14_99-V.md").write_text("\n\n".join([
        "О внесении изменения в Закон Республики Казахстан «О внешней разведке»",
        "Статья 1. Внести в Закон Республики Казахстан от 22 мая 2010 года «О внешней разведке» (Ведомости) "
        "следующее изменение:",
        "1) подпункт 3) статьи 1 исключить.",
        "Статья 2. Настоящий Закон вводится в действие когда-нибудь потом.",
    ]) + "\n", encoding="utf-8")
    head, bases = law_args("kz-foreign-intelligence")
    r = run(tmp_path / "c", "kz-foreign-intelligence", *head, "--lang", "rus",
            "--base", str(ROOT / "snapshots/kz-foreign-intelligence" / bases["rus"]), "--acts", str(acts))
    assert r.exit_code == 0, r.output
    (warning,) = [line for line in r.output.splitlines() if "warning" in line]
    assert warning.startswith("consolidate: warning: 2013-05-14_99-V.md: act 99-V: its entry-into-force article")
    assert "acts/2013-05-14_99-V.toml" in warning


def test_the_acts_listing_names_every_time_limit_and_suspension_of_the_corpus() -> None:
    """376-V and 87-VII limit items for other laws in time; 262-VI suspends two groups of them."""
    r = CliRunner().invoke(main, ["--corpus", str(ROOT), "acts", "kz-national-security", "--format", "json"])
    limits = {(a["number"], lim["kind"], lim["start"], lim["end"], tuple(lim["reaches"]))
              for a in json.loads(r.output)["acts"] for lim in a["limits"]}
    assert limits == {
        ("376-V", "until", None, "2016-01-01", ()),
        ("87-VII", "until", None, "2022-07-01", ()),
        ("262-VI", "suspended", "2020-01-01", "2020-12-16", ()),
        ("262-VI", "suspended", "2020-01-01", "2022-01-01", ()),
    }
    text = CliRunner().invoke(main, ["--corpus", str(ROOT), "acts", "kz-national-security"]).output
    assert "  in effect only until 2016-01-01: art_1__para_8__subpara_5__part_6, art_1__para_8__subpara_5__part_7; " \
           "reaches no unit of this law (items for other laws)" in text
