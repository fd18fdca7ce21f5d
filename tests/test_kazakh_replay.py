"""The Kazakh text of 527-IV, replayed from its Kazakh base and the Kazakh texts of the acts.

Both texts are authentic: at every date on which either changes, the Kazakh and the
Russian text have the same units with the same statuses, except where the two texts of
an act amend different units (the Kazakh drafting technique of 123-VII replaces the
closing words of the subparagraph before the one the Russian adds); the Kazakh text is
never rebuilt from the Russian operations.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consolidate import Library, Status
from consolidate.model import Kind, Provision
from consolidate.operations import ReplaceWords
from consolidate.replay import TextState, apply

ROOT = Path(__file__).resolve().parents[1]
SLUG = "kz-national-security"


@pytest.fixture(scope="module")
def timelines() -> dict[str, object]:
    lib = Library.open(ROOT)
    return {lang: lib.timeline(SLUG, lang) for lang in ("rus", "kaz")}


def _kazakh_only_targets() -> set[tuple[str, str]]:
    """(act, eId) that the Kazakh text of an act amends and its Russian text does not."""
    lib = Library.open(ROOT)
    out = set()
    for act in lib.law(SLUG).acts:
        by_lang: dict[str, set[str]] = {"rus": set(), "kaz": set()}
        for op in act.operations:
            by_lang.setdefault(op.lang, set()).add(op.target)
        out |= {(act.number, eid) for eid in by_lang["kaz"] - by_lang["rus"]}
    return out


def test_the_kazakh_text_is_replayed_from_kazakh_operations_only(timelines: dict[str, object]) -> None:
    law = Library.open(ROOT).law(SLUG)
    kaz_acts = {act.number for act in law.acts if any(op.lang == "kaz" for op in act.operations)}
    assert len(kaz_acts) >= 25
    seen = set()
    for eid, chain in timelines["kaz"].chains.items():  # type: ignore[attr-defined]
        for v in chain:
            if v.unit is not None and v.acts and v.start >= dt.date(2014, 11, 15):
                assert v.unit.status is Status.UNKNOWN or set(v.acts) <= kaz_acts, (eid, v.acts)
                assert not any(c in v.unit.text for c in "ёЁ"), f"{eid}: a Russian letter in the Kazakh text"
                seen.update(v.acts)
    assert len(seen & kaz_acts) >= 20


def test_at_every_version_date_both_texts_have_the_same_units_and_statuses(timelines: dict[str, object]) -> None:
    allowed = _kazakh_only_targets()
    days: set[dt.date] = set()
    for t in timelines.values():
        for chain in t.chains.values():  # type: ignore[attr-defined]
            days.update(v.start for v in chain if v.start.year > 1900)
    kaz_base = dt.date(2014, 11, 15)  # the Kazakh text is known from its base, of late 2014
    days = {d for d in days if d >= kaz_base}
    assert len(days) >= 20
    for day in sorted(days):
        views = {lang: t.as_of(day) for lang, t in timelines.items()}  # type: ignore[attr-defined]
        status = {lang: {p.eid: p.status for p in v.document.provisions()} for lang, v in views.items()}
        assert status["rus"].keys() == status["kaz"].keys(), day
        for eid, rus in status["rus"].items():
            kaz = status["kaz"][eid]
            if rus is kaz:
                continue
            coming = views["kaz"].coming.get(eid)
            assert coming is not None and any((a, eid) in allowed for a in coming.acts), (day, eid, rus, kaz)


@pytest.mark.parametrize("day", [dt.date(2016, 1, 2), dt.date(2021, 1, 1), dt.date(2022, 9, 1)])
def test_the_kazakh_share_of_unknown_units_is_no_higher_than_the_russian(
        timelines: dict[str, object], day: dt.date) -> None:
    share = {}
    for lang, t in timelines.items():
        units = t.as_of(day).document.provisions()  # type: ignore[attr-defined]
        share[lang] = sum(p.status is Status.UNKNOWN for p in units) / len(units)
    assert share["kaz"] <= share["rus"]


# -- look-alike letters --------------------------------------------------------------------------

_KAZ = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_SWAP = {"і": "i", "с": "c", "о": "o", "е": "e", "а": "a", "р": "p"}


def _state(text: str) -> TextState:
    root = Provision(eid="art_1", kind=Kind.ARTICLE, num="1", heading=None, text="", children=("art_1__para_1",))
    unit = Provision(eid="art_1__para_1", kind=Kind.PARAGRAPH, num="1", heading=None, text=text, children=())
    return TextState({"art_1": root, "art_1__para_1": unit})


@settings(max_examples=200, deadline=None)
@given(before=st.text(st.sampled_from(_KAZ + " "), max_size=30),
       words=st.text(st.sampled_from(_KAZ), min_size=1, max_size=12),
       after=st.text(st.sampled_from(_KAZ + " "), max_size=30),
       swap=st.lists(st.booleans(), min_size=12, max_size=12),
       new=st.text(st.sampled_from(_KAZ), min_size=1, max_size=8))
def test_a_kazakh_search_reads_latin_look_alikes_as_the_letters_they_stand_for(
        before: str, words: str, after: str, swap: list[bool], new: str) -> None:
    written = "".join(_SWAP.get(c, c) if s else c for c, s in zip(words, swap + [False] * len(words)))
    text = f"{before} {written} {after}"
    op = ReplaceWords(act="1-V", place="p", target="art_1__para_1", lang="kaz", pairs=((words, new),))
    fold = str.maketrans("icoeap", "ісоеар")
    if text.translate(fold).count(words.translate(fold)) != 1:
        return  # the words must stand once, so the edit is defined
    state = _state(text)
    apply(op, state)
    assert state.units["art_1__para_1"].text == f"{before} {new} {after}"  # only the words' span changed


def test_a_russian_search_is_exact() -> None:
    from consolidate.errors import OperationError

    state = _state("сведения о cистеме")  # Latin c
    op = ReplaceWords(act="1-V", place="p", target="art_1__para_1", lang="rus", pairs=(("системе", "сети"),))
    with pytest.raises(OperationError, match="not found"):
        apply(op, state)
