"""When an amending act, or a part of it, is put into effect (введение в действие).

An act's commencement article is read (by :mod:`consolidate.grammar.rules`)
into rule objects: a closed set of frozen values, one per way the legislator
writes a rule.  This module turns a rule and the facts of an act (adoption,
first official publication) into an :class:`~consolidate.model.Effective`
date with a derivation a person can read, counting as the law says:

* Civil Code art. 173: a period starts on the day *after* its starting event;
* art. 174 p.3 (and p.1 for years): a period in months ends on the same day
  number of its last month, or on that month's last day when it has no such
  day (``dateutil.relativedelta`` clips the same way);
* art. 175 (a deadline falling on a non-working day moves) concerns deadlines
  for acting; it does not move a date of entry into effect;
* "по истечении" a period means from the day after its last day.

So for a first official publication on day P: N days → P + N + 1 day;
N months → P + N months (clipped) + 1 day; "со дня ... опубликования" → P;
"после дня ... опубликования" → P + 1 day; a fixed date → that date.

When the publication date is unknown, the Law on legal acts art. 37 p.3 still
bounds it: the first official publication follows within thirty calendar days
after the act enters into force, which for a law is its signing (its adoption
date).  The date is then an interval, the dates the first and the last
possible publication day would give.  A rule chained to another act's entry
into effect that the corpus cannot resolve gives no date (``None``), never a
guess.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Sequence
from typing import ClassVar, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from .errors import RuleError
from .model import Effective
from .numbering import is_within, parse_eid

# Law "On legal acts" No. 480-V, art. 37 p.3: first publication within this
# many calendar days after entry into force (for a law: after signing).
PUBLICATION_WINDOW_DAYS = 30

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """English words for a count as the derivations write it: 10 → "ten"."""
    if 0 <= n < 20:
        return _ONES[n]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    return str(n)


class Unit(str, enum.Enum):
    """Units a commencement period is counted in."""

    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


@attrs.frozen
class Period:
    """A period as written: ``Period(6, Unit.MONTHS)`` is "шести месяцев"."""

    n: int = attrs.field(validator=attrs.validators.ge(1))
    unit: Unit

    def words(self) -> str:
        if self.unit is Unit.DAYS:
            noun = "calendar day" if self.n == 1 else "calendar days"
        else:
            noun = self.unit.value[:-1] if self.n == 1 else self.unit.value
        return f"{number_words(self.n)} {noun}"

    def end(self, event: _dt.date) -> _dt.date:
        """The last day of the period that starts the day after ``event``
        (Civil Code arts. 173, 174): ``event + n`` in the period's unit, months
        and years clipped to the last day of a shorter month."""
        match self.unit:
            case Unit.DAYS:
                return shift(event, days=self.n, what=f"{self.words()} after {event.isoformat()}")
            case Unit.MONTHS:
                return shift(event, months=self.n, what=f"{self.words()} after {event.isoformat()}")
            case Unit.YEARS:
                return shift(event, years=self.n, what=f"{self.words()} after {event.isoformat()}")
            case _:  # pragma: no cover - closed enum
                raise RuleError(f"unknown period unit {self.unit!r}")

    def after(self, event: _dt.date) -> _dt.date:
        """The first day after the period has expired ("по истечении")."""
        return shift(self.end(event), days=1, what=f"the day after {self.words()} after {event.isoformat()}")


def shift(day: _dt.date, *, days: int = 0, months: int = 0, years: int = 0, what: str = "") -> _dt.date:
    """``day`` moved by a period, or a :class:`RuleError` when the result leaves the
    calendar (years 1 to 9999) — a rule may count 9000 years, or a day of 9999."""
    try:
        if months or years:
            moved = day + relativedelta(months=months, years=years)
            return moved + _dt.timedelta(days=days) if days else moved
        return day + _dt.timedelta(days=days)
    except (OverflowError, ValueError):
        raise RuleError(f"{what or 'the date'} falls outside the calendar (years 1 to 9999)") from None


# ----------------------------------------------------------------- rules


@attrs.frozen
class _AfterPublication:
    """A period counted from the first official publication; each subclass
    counts in its own unit."""

    n: int = attrs.field(validator=attrs.validators.ge(1))
    unit: ClassVar[Unit]

    @property
    def period(self) -> Period:
        return Period(self.n, self.unit)

    def __str__(self) -> str:
        return f"{self.period.words()} after first official publication"


@attrs.frozen
class DaysAfterPublication(_AfterPublication):
    """"по истечении N календарных дней после дня его первого официального
    опубликования": in effect from P + N + 1 days."""

    unit = Unit.DAYS


@attrs.frozen
class MonthsAfterPublication(_AfterPublication):
    """"по истечении N месяцев после дня ... опубликования": in effect from
    P + N months (clipped to the month's end) + 1 day."""

    unit = Unit.MONTHS


@attrs.frozen
class YearsAfterPublication(_AfterPublication):
    """"по истечении N лет после дня ... опубликования"."""

    unit = Unit.YEARS


class _Worded:
    """A rule or anchor without fields: its words are all there is to say."""

    words: ClassVar[str]

    def __str__(self) -> str:
        return self.words


@attrs.frozen
class OnPublication(_Worded):
    """"со дня его первого официального опубликования": in effect on the day
    of first publication (the English "shall be enforced after its first
    official publication" renders this same rule)."""

    words = "on the day of first official publication"


@attrs.frozen
class DayAfterPublication(_Worded):
    """"после дня его первого официального опубликования": the day after."""

    words = "on the day after first official publication"


@attrs.frozen
class FixedDate:
    """"с 1 января 2015 года": that date (it may precede adoption)."""

    day: _dt.date

    def __str__(self) -> str:
        return f"from {self.day.isoformat()}"


@attrs.frozen
class OnSigning(_Worded):
    """"со дня подписания"/"со дня принятия": the adoption date, which for a
    Kazakh law is the day the President signs it."""

    words = "on the day of signing"


@attrs.frozen
class ThisAct(_Worded):
    """The anchor "настоящего Закона": the act's own (general) entry into effect."""

    words = "this act's entry into effect"


@attrs.frozen
class OtherAct:
    """An anchor outside the act, kept as written ("изменений и дополнений в
    Кодекс ... (Налоговый кодекс), предусматривающих ...")."""

    as_written: str

    def __str__(self) -> str:
        return f"the entry into effect of {' '.join(self.as_written.split())}"


Anchor: TypeAlias = ThisAct | OtherAct


@attrs.frozen
class Chained:
    """A date counted from another event's entry into effect: "по истечении
    шести месяцев с даты введения в действие настоящего Закона".  ``period``
    is ``None`` for "со дня введения в действие ..." (the same day)."""

    period: Period | None
    anchor: Anchor

    def __str__(self) -> str:
        if self.period is None:
            return f"on the day of {self.anchor}"
        return f"{self.period.words()} after {self.anchor}"


@attrs.frozen
class Branch:
    """One branch of a conditional rule: a rule and the addressees it is for."""

    rule: "Rule"
    condition: str  # as written: "для оптовых поставщиков нефтепродуктов, ..."


@attrs.frozen
class Conditional:
    """Different dates for different addressees (141-VII, exception 5): the
    provision has no single date."""

    branches: tuple[Branch, ...]

    def __str__(self) -> str:
        return "conditional: " + "; ".join(f"{b.rule} {' '.join(b.condition.split())}" for b in self.branches)


Rule: TypeAlias = (
    DaysAfterPublication
    | MonthsAfterPublication
    | YearsAfterPublication
    | OnPublication
    | DayAfterPublication
    | FixedDate
    | OnSigning
    | Chained
    | Conditional
)
PublicationRule: TypeAlias = (
    DaysAfterPublication | MonthsAfterPublication | YearsAfterPublication | OnPublication | DayAfterPublication
)

# ------------------------------------------------------------ computing

ThisActEffective = Callable[[], Effective | None]
Chain = Callable[[str], Effective | None]


def _iso(day: _dt.date) -> str:
    return day.isoformat()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _on_publication(rule: PublicationRule, published: _dt.date) -> tuple[_dt.date, str]:
    """The date a publication rule gives for publication day ``published``,
    and the counting steps in words."""
    match rule:
        case OnPublication():
            return published, "in effect from the day of publication"
        case DayAfterPublication():
            day = shift(published, days=1, what=f"the day after {_iso(published)}")
            return day, f"in effect from the day after publication, {_iso(day)}"
        case DaysAfterPublication() | MonthsAfterPublication() | YearsAfterPublication():
            return _period_steps(rule.period, published)
        case _:  # pragma: no cover - closed union
            raise RuleError(f"not a publication rule: {rule!r}")


def _period_steps(period: Period, event: _dt.date) -> tuple[_dt.date, str]:
    start = shift(event, days=1, what=f"the day after {_iso(event)}")
    end = period.end(event)
    steps = [f"the period starts {_iso(start)} (Civil Code art. 173)"]
    ends = f"{period.words()} end {_iso(end)}"
    if period.unit is not Unit.DAYS:
        article = "art. 174 p.3" if period.unit is Unit.MONTHS else "art. 174 p.1"
        if end.day != event.day:
            ends += (
                f" (the month has no day {event.day}: the period ends on its last day, Civil Code {article})"
            )
        else:
            ends += f" (the same day number, Civil Code {article})"
    if end.weekday() >= 5:
        ends += " (a non-working day; Civil Code art. 175 does not move entry into effect)"
    steps.append(ends)
    day = period.after(event)
    steps.append(f"in effect from {_iso(day)}")
    return day, "; ".join(steps)


def publication_window(adopted: _dt.date) -> tuple[_dt.date, _dt.date]:
    """First and last possible day of first official publication (art. 37 p.3)."""
    return adopted, shift(adopted, days=PUBLICATION_WINDOW_DAYS,
                          what=f"thirty days after the adoption on {_iso(adopted)}")


def _retro(day: _dt.date, adopted: _dt.date | None) -> bool:
    return adopted is not None and day < adopted


def effective(
    rule: Rule,
    *,
    published: _dt.date | None,
    adopted: _dt.date | None,
    publication_source: str | None = None,
    this_act: ThisActEffective | None = None,
    chain: Chain | None = None,
) -> Effective | None:
    """The date (or interval) ``rule`` puts a text into effect, with its
    derivation; ``None`` when the facts given cannot decide it.

    ``this_act`` gives the act's own entry into effect (for rules chained to
    "настоящего Закона"); ``chain`` resolves an anchor outside the act, given
    as written, to its entry into effect (or ``None`` when unknown).
    """
    if published is not None and adopted is not None and published < adopted:
        raise RuleError(
            f"first publication {_iso(published)} precedes adoption {_iso(adopted)}: "
            "an act is published after it is signed"
        )
    match rule:
        case FixedDate(day=day):
            text = f"in effect from {_iso(day)}, a date the act states"
            if adopted is None:
                text += " (adoption date not given: whether this is retroactive is not known)"
            elif day < adopted:
                text += (
                    f"; this is before the act was adopted ({_iso(adopted)}): retroactive "
                    "(Law on legal acts art. 43: only where the act says so, as this one does)"
                )
            return Effective.on(day, text, retroactive=_retro(day, adopted))
        case OnSigning():
            if adopted is None:
                return None
            return Effective.on(
                adopted,
                f"in effect from the day of signing, {_iso(adopted)} "
                "(the adoption date of a Kazakh law is the day it is signed)",
            )
        case OnPublication() | DayAfterPublication() | DaysAfterPublication() | MonthsAfterPublication() | YearsAfterPublication():
            return _publication_effective(rule, published, adopted, publication_source)
        case Chained(period=period, anchor=anchor):
            return _chained(period, anchor, adopted=adopted, this_act=this_act, chain=chain)
        case Conditional(branches=branches):
            return _conditional(
                branches,
                published=published,
                adopted=adopted,
                publication_source=publication_source,
                this_act=this_act,
                chain=chain,
            )
        case _:
            raise RuleError(f"not a commencement rule: {rule!r}")


def _publication_effective(
    rule: PublicationRule,
    published: _dt.date | None,
    adopted: _dt.date | None,
    source: str | None,
) -> Effective | None:
    if published is not None:
        day, steps = _on_publication(rule, published)
        head = f"first published {_iso(published)}"
        if source:
            head += f" (source: {_flat(source)})"
        if adopted is not None and published > publication_window(adopted)[1]:
            head += (
                f"; later than the thirty days after signing ({_iso(adopted)}) that the Law on "
                "legal acts art. 37 p.3 allows"
            )
        return Effective.on(day, f"{head}; {steps}")
    if adopted is None:
        return None
    first, last = publication_window(adopted)
    early, _ = _on_publication(rule, first)
    late, _ = _on_publication(rule, last)
    text = (
        "first official publication not known; by the Law on legal acts art. 37 p.3 it follows "
        f"within thirty calendar days after signing (adopted {_iso(adopted)}), so between "
        f"{_iso(first)} and {_iso(last)}; {rule}: in effect from {_iso(early)} at the earliest "
        f"(if published {_iso(first)}) and from {_iso(late)} at the latest (if published {_iso(last)})"
    )
    return Effective(early, late, text)


def _chained(
    period: Period | None,
    anchor: Anchor,
    *,
    adopted: _dt.date | None,
    this_act: ThisActEffective | None,
    chain: Chain | None,
) -> Effective | None:
    match anchor:
        case ThisAct():
            base = this_act() if this_act is not None else None
            what = "the act's own entry into effect"
        case OtherAct(as_written=written):
            base = chain(written) if chain is not None else None
            what = f"the entry into effect of {_flat(written)}"
        case _:  # pragma: no cover - closed union
            raise RuleError(f"unknown anchor {anchor!r}")
    if base is None:
        return None
    if period is None:
        early, late = base.earliest, base.latest
        counted = f"in effect on the same day as {what}"
    else:
        early, late = period.after(base.earliest), period.after(base.latest)
        if base.exact:
            _, steps = _period_steps(period, base.earliest)
            counted = f"{period.words()} counted from {what} ({_iso(base.earliest)}): {steps}"
        else:
            counted = (
                f"{period.words()} counted from {what}, itself between {_iso(base.earliest)} and "
                f"{_iso(base.latest)}: in effect from {_iso(early)} at the earliest and {_iso(late)} at the latest"
            )
    text = f"{counted} [{what}: {base.derivation}]"
    retroactive = adopted is not None and late < adopted
    if adopted is not None and retroactive:
        text += f"; before the act was adopted ({_iso(adopted)}): retroactive"
    return Effective(early, late, text, retroactive=retroactive)


def _conditional(
    branches: tuple[Branch, ...],
    **facts: object,
) -> Effective | None:
    dates: list[Effective] = []
    parts: list[str] = []
    for branch in branches:
        eff = effective(branch.rule, **facts)  # type: ignore[arg-type]
        if eff is None:
            return None
        dates.append(eff)
        when = _iso(eff.earliest) if eff.exact else f"{_iso(eff.earliest)}..{_iso(eff.latest)}"
        parts.append(f"from {when} {_flat(branch.condition)}")
    early = min(d.earliest for d in dates)
    late = max(d.latest for d in dates)
    text = (
        "conditional: the act gives different dates for different addressees ("
        + "; ".join(parts)
        + f"), so there is no single date: between {_iso(early)} and {_iso(late)} it depends on the addressee"
    )
    return Effective(early, late, text, retroactive=all(d.retroactive for d in dates))


# ------------------------------------------------- a commencement article


@attrs.frozen
class SpecialRule:
    """Places of the amending act (eIds in its own structure, e.g.
    ``art_1__para_53``) put into effect by a rule other than the general one.

    ``as_written`` is the rule's words as the act writes them ("вводятся в
    действие с 1 января 2015 года"); ``clause`` the whole exception.  An
    exception the act defines by content, not by place ("норм, упраздняющих
    ...") has no places and keeps that description in ``scope``; one that
    covers only part of a unit's content ("в части ...") keeps it in
    ``in_part``.  ``within`` is the index of the exception this one is an
    exception to (484-V nests them).
    """

    places: tuple[str, ...]
    rule: Rule
    as_written: str
    clause: str = ""
    scope: str | None = None
    in_part: str | None = None
    within: int | None = None


@attrs.frozen
class Sunset:
    """"Установить, что ... действуют до 1 января 2016 года": the places are
    in effect until the day before ``until`` (a half-open end)."""

    places: tuple[str, ...]
    until: _dt.date
    as_written: str


@attrs.frozen
class Suspension:
    """"Приостановить с D1 до D2 действие ...": the places do not apply in
    ``[start, end)``; ``interim`` when the act gives wordings for that time
    (which are texts of their own, not changes of the text): ``wordings`` are
    they, as quoted, one for each place when the act gives one for each."""

    places: tuple[str, ...]
    start: _dt.date
    end: _dt.date
    as_written: str
    interim: bool = False
    wordings: tuple[str, ...] = ()  # the interim wordings as quoted, in the order of ``places``


@attrs.frozen
class Remark:
    """A paragraph of the article that is not a commencement rule (a repeal
    of another law, a transitional rule, an interim wording, a footnote),
    recorded so nothing is silently dropped."""

    kind: str  # "repeal" | "transitional" | "interim wording" | "scope" | "footnote" | "other"
    text: str
    places: tuple[str, ...] = ()


def _depth(eid: str) -> int:
    return len(parse_eid(eid))


@attrs.frozen
class Commencement:
    """A whole entry-into-force article, read: the general rule, the
    exceptions by place, sunsets, suspensions and the other paragraphs."""

    general: Rule
    as_written: str  # the general rule's words: "вводится в действие по истечении ..."
    exceptions: tuple[SpecialRule, ...] = ()
    sunsets: tuple[Sunset, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    remarks: tuple[Remark, ...] = ()
    text: str = ""

    def special_for(self, place: str) -> SpecialRule | None:
        """The most specific exception covering ``place`` (equal to it or an
        ancestor of it in the eId path), or ``None``."""
        best: list[tuple[int, SpecialRule]] = []
        for special in self.exceptions:
            depths = [_depth(p) for p in special.places if is_within(place, p)]
            if depths:
                best.append((max(depths), special))
        if not best:
            return None
        top = max(d for d, _ in best)
        winners = {id(s): s for d, s in best if d == top}
        if len(winners) > 1:
            rules = [s for s in winners.values()]
            if len({r.rule for r in rules}) > 1:
                raise RuleError(
                    f"{place} is given two rules by the commencement article: "
                    + " and ".join(repr(_flat(r.clause or r.as_written)) for r in rules),
                    place=place,
                )
        return next(iter(winners.values()))

    def rule_for(self, place: str) -> tuple[Rule, str]:
        """The rule putting ``place`` into effect and its words as written."""
        special = self.special_for(place)
        if special is None:
            return self.general, self.as_written
        return special.rule, special.as_written

    def expiry_for(self, place: str) -> Sunset | None:
        """The sunset covering ``place``, if the article sets one."""
        found = [s for s in self.sunsets if any(is_within(place, p) for p in s.places)]
        return found[0] if found else None

    def suspensions_for(self, place: str) -> tuple[Suspension, ...]:
        return tuple(s for s in self.suspensions if any(is_within(place, p) for p in s.places))

    def limits_for(self, places: Sequence[str]) -> tuple[Sunset | None, tuple[Suspension, ...]]:
        """The sunset and the suspensions that cover any of ``places`` (the places an
        operation occupies in the act: its instruction and the wording it quotes)."""
        sunset = next((s for s in map(self.expiry_for, places) if s is not None), None)
        return sunset, tuple(dict.fromkeys(s for p in places for s in self.suspensions_for(p)))

    def effective_for(
        self,
        place: str,
        *,
        published: _dt.date | None,
        adopted: _dt.date,
        publication_source: str | None,
        chain: Chain | None = None,
    ) -> Effective | None:
        """When the text at ``place`` (an eId in the amending act) takes effect.

        ``None`` when the facts cannot decide it (a rule chained to an act the
        corpus does not resolve).  A provision with different dates for
        different addressees, or whose rule depends on its content, gets the
        interval between the candidate dates, with the reason.
        """
        facts = dict(published=published, adopted=adopted, publication_source=publication_source, chain=chain)

        def this_act() -> Effective | None:
            if isinstance(self.general, Chained) and isinstance(self.general.anchor, ThisAct):
                raise RuleError("the general rule is counted from the act's own entry into effect: a cycle")
            return effective(self.general, this_act=None, **facts)  # type: ignore[arg-type]

        special = self.special_for(place)
        if special is None:
            rule, written, head = self.general, self.as_written, f"{place}: the general rule"
        else:
            rule, written, head = special.rule, special.as_written, f"{place}: an exception"
        eff = effective(rule, this_act=this_act, **facts)  # type: ignore[arg-type]
        if eff is None:
            return None
        head += f" «{_flat(written)}» ({rule})"
        eff = attrs.evolve(eff, derivation=f"{head}; {eff.derivation}")
        alternatives: list[tuple[str, Rule]] = []
        if special is not None and special.in_part:
            alternatives.append((f"only in the part {_flat(special.in_part)!r}; the rest", self.general))
        if special is None:
            alternatives.extend(
                (f"unless it is among the {_flat(s.scope)!r}, which", s.rule)
                for s in self.exceptions
                if s.scope is not None
            )
        for why, other in alternatives:
            alt = effective(other, this_act=this_act, **facts)  # type: ignore[arg-type]
            if alt is None:
                return None
            if (alt.earliest, alt.latest) == (eff.earliest, eff.latest):
                continue
            eff = Effective(
                min(eff.earliest, alt.earliest),
                max(eff.latest, alt.latest),
                f"{eff.derivation}; {why} ({other}) gives {_span(alt)}, so no single date for {place}: "
                f"between {_iso(min(eff.earliest, alt.earliest))} and {_iso(max(eff.latest, alt.latest))} "
                "(state the date in the act file once a reader has decided)",
                retroactive=eff.retroactive and alt.retroactive,
            )
        return eff


def _span(eff: Effective) -> str:
    return _iso(eff.earliest) if eff.exact else f"{_iso(eff.earliest)}..{_iso(eff.latest)}"
