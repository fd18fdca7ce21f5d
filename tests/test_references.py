"""Cross references: real sentences from the corpus, with targets written by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate.errors import DataError
from consolidate.model import ROOT, Document, Kind, Provision
from consolidate.numbering import parse_eid
from consolidate.references import Reference, find_references, resolve
from tests.factories import doc


def targets(text: str, lang: str, context: str = "art_99", **kw: bool) -> list[str]:
    return [r.target for r in find_references(text, lang=lang, context=context, **kw)]


class TestRussian:
    def test_article_with_this_law(self) -> None:
        # kz-national-security rus/2021-after-375-VI.md, Article 18
        text = ("Руководителями межведомственных комиссий, советов или штабов являются руководители "
                "уполномоченных органов, осуществляющих в соответствии со статьей 15 настоящего Закона "
                "межведомственную координацию в определенной области обеспечения национальной безопасности.")
        [ref] = find_references(text, lang="rus", context="art_18__part_2")
        assert ref == Reference(
            source="art_18__part_2", target="art_15", text="статьей 15 настоящего Закона",
            start=text.index("статьей 15"), end=text.index(" межведомственную"),
        )
        assert text[ref.start:ref.end] == ref.text

    def test_subparagraph_of_paragraph_of_article(self) -> None:
        # Article 30 p.1: the exception the commencement article makes
        text = ("1. Настоящий Закон вводится в действие по истечении десяти календарных дней после его "
                "первого официального опубликования, за исключением подпункта 2) пункта 4 статьи 20 в части "
                "запрета транзита через территорию Казахстана")
        [ref] = find_references(text, lang="rus", context="art_30__para_1")
        assert ref.target == "art_20__para_4__subpara_2"
        assert ref.text == "подпункта 2) пункта 4 статьи 20"

    def test_capitalised_at_sentence_start(self) -> None:
        text = ("Подпункт 2) пункта 4 статьи 20 настоящего Закона в части запрета транзита через территорию "
                "Казахстана воздушными судами воинских формирований")
        assert targets(text, "rus") == ["art_20__para_4__subpara_2"]

    def test_subparagraph_directly_in_article(self) -> None:
        # kz-foreign-intelligence rus/2010-original.md, Article 7
        text = ("2) Комитет национальной безопасности Республики Казахстан в пределах полномочий, "
                "предусмотренных подпунктом 2) статьи 6 настоящего Закона;")
        assert targets(text, "rus") == ["art_6__subpara_2"]

    def test_list_with_range_and_repeated_article(self) -> None:
        # 2016-12-28_36-VI, the new wording of Article 10 of the Foreign Intelligence law
        text = ("К компетенции Министерства обороны Республики Казахстан, кроме положений, предусмотренных "
                "статьей 8 настоящего Закона, относятся положения статьи 9 настоящего Закона, за исключением "
                "подпунктов 2) – 4), 7), 10), 14), 16) и 26) статьи 9 настоящего Закона.»;")
        assert targets(text, "rus") == [
            "art_8", "art_9", "art_9__subpara_2", "art_9__subpara_3", "art_9__subpara_4",
            "art_9__subpara_7", "art_9__subpara_10", "art_9__subpara_14", "art_9__subpara_16",
            "art_9__subpara_26",
        ]

    def test_chains_borrow_the_outer_levels_written_once(self) -> None:
        # 2015-12-04_435-V, Article 2 (its text, without the heading): the
        # article is written only at the end
        text = ("Настоящий Закон вводится в действие с 1 января 2016 года, за исключением абзаца "
                "второго подпункта 1), подпунктов 5) и 10) пункта 4 статьи 1 настоящего Закона, которые "
                "вводятся в действие со 2 января 2016 года.")
        refs = find_references(text, lang="rus", context="art_2")
        assert [r.target for r in refs] == [
            "art_1__para_4__subpara_1__part_2", "art_1__para_4__subpara_5", "art_1__para_4__subpara_10",
        ]
        assert {r.text for r in refs} == {
            "абзаца второго подпункта 1), подпунктов 5) и 10) пункта 4 статьи 1 настоящего Закона"}

    def test_long_exception_list(self) -> None:
        # 2014-07-04_233-V, Article 2 p.1
        text = ("1. Настоящий Закон вводится в действие с 1 января 2015 года, за исключением пунктов 1, 3, 4, 5, "
                "подпункта 4), абзацев второго, третьего и двенадцатого подпункта 9) пункта 11, пунктов 13, 14, "
                "22, 24, 35, абзаца третьего подпункта 2) пункта 36, пунктов 44, 47, 49, подпунктов 1), 2), 4), "
                "8) и 10) пункта 50, пунктов 53, 54 статьи 1 настоящего Закона, которые вводятся в действие по "
                "истечении десяти календарных дней после дня его первого официального опубликования.")
        assert targets(text, "rus") == [
            "art_1__para_1", "art_1__para_3", "art_1__para_4", "art_1__para_5",
            "art_1__para_11__subpara_4",
            "art_1__para_11__subpara_9__part_2", "art_1__para_11__subpara_9__part_3",
            "art_1__para_11__subpara_9__part_12",
            "art_1__para_13", "art_1__para_14", "art_1__para_22", "art_1__para_24", "art_1__para_35",
            "art_1__para_36__subpara_2__part_3",
            "art_1__para_44", "art_1__para_47", "art_1__para_49",
            "art_1__para_50__subpara_1", "art_1__para_50__subpara_2", "art_1__para_50__subpara_4",
            "art_1__para_50__subpara_8", "art_1__para_50__subpara_10",
            "art_1__para_53", "art_1__para_54",
        ]

    def test_compound_ordinals(self) -> None:
        # 2021-12-27_87-VII
        text = ("2. Установить, что абзацы двадцать третий, двадцать четвертый и двадцать пятый подпункта 12) "
                "пункта 3 статьи 1 настоящего Закона действуют до 1 июля 2022 года.")
        assert targets(text, "rus") == [
            "art_1__para_3__subpara_12__part_23", "art_1__para_3__subpara_12__part_24",
            "art_1__para_3__subpara_12__part_25",
        ]

    def test_several_subparagraphs_and_articles(self) -> None:
        assert targets("подпунктами 1) и 2) пункта 3 статьи 9, статьями 15 и 16", "rus") == [
            "art_9__para_3__subpara_1", "art_9__para_3__subpara_2", "art_15", "art_16"]

    def test_hyphenated_numbers(self) -> None:
        assert targets("согласно подпункту 8-1) пункта 1-2 статьи 2-1", "rus") == ["art_2-1__para_1-2__subpara_8-1"]

    def test_no_target_for_a_word_without_number(self) -> None:
        assert targets("в части запрета транзита через территорию Казахстана", "rus") == []


class TestRelative:
    def test_paragraph_of_this_article(self) -> None:
        refs = find_references("в случаях, предусмотренных пунктом 1 настоящей статьи", lang="rus",
                               context="art_5__para_3__subpara_2")
        assert [(r.target, r.text) for r in refs] == [("art_5__para_1", "пунктом 1 настоящей статьи")]

    def test_subparagraph_of_this_paragraph(self) -> None:
        assert targets("указанных в подпунктах 1) и 2) настоящего пункта", "rus", "art_5__para_3__part_2") == [
            "art_5__para_3__subpara_1", "art_5__para_3__subpara_2"]

    def test_this_paragraph_outside_any_paragraph_is_not_a_reference(self) -> None:
        assert targets("указанных в подпункте 1) настоящего пункта", "rus", "art_5__part_1") == []

    def test_bare_paragraph_is_not_guessed(self) -> None:
        # without «настоящей статьи» or an article the text does not say which article
        assert targets("требования пункта 4 не распространяются", "rus", "art_5__para_1") == []
        assert targets("пунктом 1 и статьей 2 настоящего Закона", "rus") == ["art_2"]

    def test_kazakh_this_article(self) -> None:
        assert targets("осы баптың 1-тармағында және 3-тармағының 2) тармақшасында", "kaz", "art_5__para_2") == [
            "art_5__para_1", "art_5__para_3__subpara_2"]

    def test_english_this_article_and_paragraph(self) -> None:
        assert targets("paragraph 1 of this Article and subparagraphs 1) and 2) of this paragraph", "eng",
                       "art_5__para_2") == ["art_5__para_1", "art_5__para_2__subpara_1", "art_5__para_2__subpara_2"]


class TestExternal:
    def test_law_on_communications_excluded(self) -> None:
        # 2022-07-14_141-VII: the words inserted into Article 23 p.4
        text = "в соответствии  с пунктом 1-2 статьи 41-1 Закона Республики Казахстан «О связи»"
        assert find_references(text, lang="rus", context="art_23__para_4__part_2") == []
        [ref] = find_references(text, lang="rus", context="art_23__para_4__part_2", include_external=True)
        assert ref.target == "art_41-1__para_1-2"
        assert ref.external == "Закона Республики Казахстан «О связи»"
        assert not ref.internal

    def test_civil_code_excluded(self) -> None:
        # 2019-07-03_262-VI
        text = ("Требования настоящего пункта не распространяются на банки, организации, осуществляющие "
                "отдельные виды банковских операций, на случаи, предусмотренные пунктом 2 статьи 715 "
                "Гражданского кодекса Республики Казахстан, а также на случаи предоставления денег")
        assert targets(text, "rus") == []
        [ref] = find_references(text, lang="rus", context="art_99", include_external=True)
        assert ref.external == "Гражданского кодекса Республики Казахстан"

    def test_law_with_title_excluded(self) -> None:
        # 2019-07-03_262-VI
        text = ("подлежат учетной регистрации в соответствии со статьей 14 Закона Республики Казахстан "
                "«О микрофинансовой деятельности» в срок до 1 июля 2020 года.")
        assert targets(text, "rus") == []

    def test_internal_and_external_in_one_sentence(self) -> None:
        text = "статьей 15 настоящего Закона и пунктом 2 статьи 3 Закона Республики Казахстан «О связи»"
        assert targets(text, "rus") == ["art_15"]

    def test_english_laws_excluded(self) -> None:
        # kz-national-security eng/2025-adilet.txt, Articles 22 and 23
        a = ("2) in relation to organizations of the defense-industrial complex lead to violation of the "
             "requirements of paragraphs 3-1 and 3-2 of Article 98 of the Law of the Republic of Kazakhstan "
             "“On State Property”.")
        b = ("as well as to change the operating mode of networks and communication facilities under paragraph "
             "1-2 of Article 41-1 of the Republic of Kazakhstan Law “On Communication”.")
        assert targets(a, "eng") == [] and targets(b, "eng") == []
        assert targets(a, "eng", include_external=True) == ["art_98__para_3-1", "art_98__para_3-2"]

    def test_kazakh_law_named_before(self) -> None:
        text = "«Байланыс туралы» Қазақстан Республикасы Заңының 41-1-бабының 1-2-тармағына сәйкес"
        assert targets(text, "kaz") == []
        [ref] = find_references(text, lang="kaz", context="art_23", include_external=True)
        assert ref.target == "art_41-1__para_1-2"
        assert ref.external is not None and "Байланыс туралы" in ref.external

    def test_gazette_citations_are_not_articles(self) -> None:
        # Article 30 p.2 in English cites the gazette: "№ 5, Article 115"
        text = ("2. To recognize the Law of the Republic of Kazakhstan dated June 26, 1998 \"On national security "
                "of the Republic of Kazakhstan\" (Gazette of the Parliament of the Republic of Kazakhstan, 1998, "
                "№ 11-12, Art. 173; 2000, № 5, Article 115; 2004, № 14, Article 82; № 23, Article 142).")
        assert targets(text, "eng", include_external=True) == []


class TestKazakh:
    def test_article_of_this_law(self) -> None:
        # kz-national-security kaz/2014-after-233-V.md, Article 18
        text = ("Осы Заңның 15-бабына сәйкес ұлттық қауіпсіздікті қамтамасыз етудің белгілі бір саласында "
                "ведомствоаралық үйлестіруді жүзеге асыратын уәкілетті органдардың басшылары")
        [ref] = find_references(text, lang="kaz", context="art_18__part_2")
        assert (ref.target, ref.text) == ("art_15", "Осы Заңның 15-бабына")

    def test_genitive_chain(self) -> None:
        # Article 30 p.1
        text = ("1. Осы Заң, шет мемлекеттердің және (немесе) халықаралық ұйымдардың әскери құралымдарының, "
                "қару-жарақтары мен әскери техникасының Қазақстан аумағы арқылы әуе кемелерімен транзитіне тыйым "
                "салу бөлігінде 20-баптың 4-тармағының 2) тармақшасын қоспағанда, алғашқы ресми жарияланғанынан "
                "кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.")
        [ref] = find_references(text, lang="kaz", context="art_30__para_1")
        assert (ref.target, ref.text) == ("art_20__para_4__subpara_2", "20-баптың 4-тармағының 2) тармақшасын")

    def test_possessive_chain(self) -> None:
        # Article 30 p.1, second block
        text = ("транзитіне тыйым салу бөлігінде осы Заңның 20-бабы 4-тармағының 2) тармақшасы 2015 жылғы "
                "1 қаңтардан бастап қолданысқа енгізіледі.")
        assert targets(text, "kaz") == ["art_20__para_4__subpara_2"]

    def test_later_chains_borrow_from_the_left(self) -> None:
        assert targets("20-баптың 4-тармағының 2) және 3) тармақшаларын және 5-тармағын, 21-бапты", "kaz") == [
            "art_20__para_4__subpara_2", "art_20__para_4__subpara_3", "art_20__para_5", "art_21"]

    def test_latin_i_inside_kazakh_words(self) -> None:
        # the corpus mixes Latin "i" into Kazakh words; spans still point into the original text
        text = "осы Заңның 5-бабының екiншi бөлiгiнде"
        [ref] = find_references(text, lang="kaz", context="art_9")
        assert ref.target == "art_5__part_2"
        assert text[ref.start:ref.end] == ref.text == text


class TestEnglish:
    def test_article_of_this_law(self) -> None:
        text = ("carrying out interdepartmental coordination in a certain field of national security in "
                "accordance with Article 15 of this Law.")
        [ref] = find_references(text, lang="eng", context="art_18__part_2")
        assert (ref.target, ref.text) == ("art_15", "Article 15 of this Law")

    def test_chain_with_of(self) -> None:
        text = ("1. This Law shall be enforced upon expiry of ten calendar days after its first official "
                "publication, with the exception of subparagraph 2) of paragraph 4 of Article 20 regarding the "
                "prohibition of transit")
        assert targets(text, "eng") == ["art_20__para_4__subpara_2"]

    def test_capitalised_subparagraph(self) -> None:
        assert targets("Subparagraph 2) of paragraph 4 of Article 20 of this Law regarding", "eng") == [
            "art_20__para_4__subpara_2"]


class TestFindReferencesErrors:
    def test_unknown_language(self) -> None:
        with pytest.raises(DataError, match="expected a language"):
            find_references("статья 5", lang="fra", context="art_1")


class TestResolve:
    def test_existing_unit(self) -> None:
        d = doc({"10": ["1) a", "2) b"], "20": [("4. text", ["1) a", "2) b"])]})
        [ref] = find_references("подпункта 2) пункта 4 статьи 20", lang="rus", context="art_10__subpara_1")
        assert resolve(ref, d) == "art_20__para_4__subpara_2"

    def test_subparagraph_of_article_without_paragraphs(self) -> None:
        d = doc({"10": ["intro", "1) a", "2) b", "3) c", "4) d", "5) e"]})
        [ref] = find_references("подпункт 5) статьи 10", lang="rus", context="art_11")
        assert resolve(ref, d) == "art_10__subpara_5"

    def test_subparagraph_of_article_with_paragraphs_is_not_guessed(self) -> None:
        d = doc({"10": [("1. text", ["5) e"])]})
        [ref] = find_references("подпункт 5) статьи 10", lang="rus", context="art_11")
        assert resolve(ref, d) is None

    def test_first_block_is_the_units_own_text(self) -> None:
        d = doc({"3": [("1. own text", ["second block"])]})
        refs = find_references("абзацы первый и второй пункта 1 статьи 3", lang="rus", context="art_4")
        assert [resolve(r, d) for r in refs] == ["art_3__para_1", "art_3__para_1__part_2"]

    def test_first_block_without_own_text_must_exist(self) -> None:
        units = {
            ROOT: Provision(eid=ROOT, kind=Kind.LAW, children=("art_3",)),
            "art_3": Provision(eid="art_3", kind=Kind.ARTICLE, num="3"),
        }
        d = Document(law="t", lang="rus", title="t", units=units)
        [ref] = find_references("абзац первый статьи 3", lang="rus", context="art_4")
        assert resolve(ref, d) is None

    def test_missing_and_external(self) -> None:
        d = doc({"1": ["text"]})
        [missing] = find_references("статьи 7", lang="rus", context="art_1")
        assert resolve(missing, d) is None
        [external] = find_references("статьи 1 Закона «О связи»", lang="rus", context="art_1",
                                     include_external=True)
        assert resolve(external, d) is None


FRAGMENTS = ["статьи", "статьей", "пункта", "подпункта", "абзаца", "второго", "части", "главы", " 2", " 2-1",
             " 4)", " 15", ",", " и", " –", " настоящего Закона", " настоящей статьи", " настоящего пункта",
             " Закона «О связи»", " ", "бап", "-бабының", "-тармағының", " тармақшасы", "осы ", "Заңның ",
             "баптың ", " және", "екінші", " бөлігі", "Article", " of", " this", " paragraph", " Law", "№ 5, "]


RANKS = ["chapter", "article", "paragraph", "subparagraph", "part"]


class TestProperties:
    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join), st.sampled_from(["rus", "kaz", "eng"]))
    def test_spans_and_targets_are_well_formed(self, text: str, lang: str) -> None:
        for ref in find_references(text, lang=lang, context="art_5__para_3__subpara_1", include_external=True):
            assert text[ref.start:ref.end] == ref.text
            segments = parse_eid(ref.target)
            assert segments[0][0] in ("article", "chapter")
            assert [k for k, _ in segments] == sorted((k for k, _ in segments), key=RANKS.index)
