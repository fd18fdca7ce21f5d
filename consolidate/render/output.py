"""What each command prints, in each format: functions of the values the library returns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import json as js
from .layout import UNKNOWN
from .lines import unknown_lines, warning_lines, when_effective

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Mapping

    from ..checks import CheckReport
    from ..diff import Diff
    from ..model import Effective
    from ..results import ActsReport, History, LawSummary, Limit, Reading, Work
    from ..store.usage import Pruned, Usage


def laws(summaries: list["LawSummary"]) -> str:
    return "".join(f"{s.slug}\t{s.number}\t{s.adopted.isoformat()}\t{','.join(s.langs)}\t{s.acts} acts\t{s.title}\n"
                   for s in summaries)


def show(reading: "Reading", *, fmt: str, adopted: "Mapping[str, _dt.date] | None" = None) -> str:
    """The text as of a date in ``fmt``; ``adopted`` (act → adoption date) names the acts
    fully in HTML and Akoma Ntoso, where the reading alone gives only their numbers."""
    view, doc = reading.view, reading.document
    if fmt == "json":
        return js.dumps(js.view_json(reading)) + "\n"
    marker = UNKNOWN.get(doc.lang, "[text unknown]")
    if fmt == "md":
        from .layout import render_markdown

        body = render_markdown(doc, notes=reading.notes, unknown_marker=marker, view=view)
    elif fmt == "html":
        from .html import law_page

        body = law_page(reading, adopted=adopted)
    elif fmt == "akn":
        from .akn import render_akn

        body = render_akn(reading, adopted=adopted)
    else:
        from .layout import render_text

        body = render_text(doc, notes=reading.notes, unknown_marker=marker, view=view)
    if fmt in ("text", "md"):
        lines = warning_lines((w.eid, w.message) for w in view.warnings) + _unknown_summary(reading)
        if lines:
            body = body.rstrip("\n") + "\n\n" + "\n".join(lines)
    return body if body.endswith("\n") else body + "\n"


def _unknown_summary(reading: "Reading") -> list[str]:
    from ..model import Status

    doc, versions = reading.document, reading.view.versions
    if not any(p.status is Status.UNKNOWN for p in doc.units.values()):
        return []
    unknown = []
    for p in doc.provisions():
        if p.status is Status.UNKNOWN:
            v = versions.get(p.eid)
            unknown.append((p.eid, v.reason if v is not None else None))
    return unknown_lines(unknown)


def diff(d: "Diff", *, fmt: str, color: bool, work: "Work | None" = None) -> str:
    """The diff in ``fmt``; ``work`` gives the JSON and the page the law's FRBR URIs (a
    :class:`~consolidate.diff.Diff` names the law by its slug only)."""
    if fmt == "json":
        return js.dumps(js.diff_json(d, work)) + "\n"
    if fmt == "html":
        from .html import diff_page

        return diff_page(d, work=work)
    from ..redline import render_redline
    from .lines import NO_CHANGES, SIDES, TEXT_UNKNOWN, change_head, diff_title, prefix, why

    lines = [diff_title(d.law, d.lang, d.start, d.end, len(d.changes))]
    if not d.changes:
        lines.append(NO_CHANGES)
    for c in d.changes:
        lines.append("")
        lines.append(change_head(c.change, c.eid, c.renumbered_from, c.after.status.value if c.after else None) + why(c.acts, c.effective, d.adopted))
        if c.words is not None and c.after is not None:
            lines.append(prefix(c.after.num, c.after.kind.value) + render_redline(c.words, color=color))
            continue
        before = c.before.text if c.before and c.before.status.value != "unknown" else None
        after = c.after.text if c.after and c.after.status.value != "unknown" else None
        if c.before is not None and c.change != "added":
            opening, closing = SIDES["-", color]
            lines.append(opening + (before if before is not None else TEXT_UNKNOWN) + closing)
        if c.after is not None and c.change != "removed":
            opening, closing = SIDES["+", color]
            lines.append(opening + (after if after is not None else TEXT_UNKNOWN) + closing)
    return "\n".join(lines) + "\n"


def history(h: "History", *, fmt: str, work: "Work | None" = None) -> str:
    """The time line in ``fmt``; ``work`` gives the JSON the law's FRBR URIs."""
    if fmt == "json":
        return js.dumps(js.timeline_json(h, work)) + "\n"
    lines = []
    if h.provision is not None:
        lines.append(f"{h.law} ({h.lang}) {h.provision}")
        for v in h.versions:
            since = v.since.isoformat() if v.since else "(base)"
            state = v.unit.status.value if v.unit else "absent"
            acts = ", ".join(v.acts)
            text = v.unit.text if v.unit and v.unit.status.value != "unknown" else ""
            lines.append(f"{since:12} {state:10} {acts:20} {text}")
            if any(e.earliest != e.latest for e in v.effective):
                # the date shown is the latest day of the interval: say so
                lines.append(f"{'':12} in effect {when_effective(v.effective, v.start)}; shown from its last day")
            if v.reason:
                lines.append(f"{'':12} {v.reason}")
        return "\n".join(lines) + "\n"
    lines.append(f"{h.law} ({h.lang}): {len(h.steps)} steps after the base text")
    for s in h.steps:
        lines.append(f"{s.date.isoformat()}  {s.act:9} {s.op or '(no text in corpus)':13} {s.target:40} {s.applied}")
    for w in h.warnings:
        lines.append(f"warning: {w.message}")
    return "\n".join(lines) + "\n"


def acts(report: "ActsReport", *, fmt: str) -> str:
    if fmt == "json":
        rows: list[dict[str, Any]] = []
        for r in report.acts:
            row: dict[str, Any] = {
                "number": r.number, "adopted": r.adopted.isoformat(),
                "published": r.published.isoformat() if r.published else None,
                "publication_source": r.publication_source, "publication_inferred": r.publication_inferred,
                "title": r.title, "rule": r.rule, "parsed": r.parsed, "effective": list(r.effective),
                "derivation": r.derivation,
                "exceptions": [{"places": list(e.places), "rule": e.rule, "as_written": e.as_written}
                               for e in r.exceptions],
                "operations_available": r.operations_available, "operations": r.operations,
                "touches": list(r.touches),
                "limits": [{"kind": lim.kind, "places": list(lim.places),
                            "start": lim.start.isoformat() if lim.start else None, "end": lim.end.isoformat(),
                            "interim": lim.interim, "reaches": list(lim.reaches), "as_written": lim.as_written}
                           for lim in r.limits],
            }
            if r.error:
                row["error"] = r.error  # last key
            rows.append(row)
        return js.dumps({"law": report.law, "acts": rows}) + "\n"
    out = [f"{report.law}: {len(report.acts)} amending acts"]
    for r in report.acts:
        published = r.published.isoformat() if r.published else "unknown"
        out.append("")
        lines = [
            f"{r.number}  adopted {r.adopted.isoformat()}  published {published}"
            f"{' (inferred)' if r.publication_inferred else ''}  effective {', '.join(r.effective) or 'unknown'}",
            r.title and f"  {r.title}",
            r.rule and f"  rule as written: {' '.join(r.rule.split())}",
            r.parsed and f"  parsed: {r.parsed}",
            *(f"  exception {', '.join(e.places)}: {e.rule}" for e in r.exceptions),
            *(_limit_line(lim) for lim in r.limits),
            f"  touches: {', '.join(r.touches) or '—'}{'' if r.operations_available else '  (operations not available)'}",
            r.error and f"  error: {r.error}",
        ]
        out += [line for line in lines if line]
    return "\n".join(out) + "\n"


def _limit_line(lim: "Limit") -> str:
    if lim.kind == "until":
        what = f"in effect only until {lim.end.isoformat()}"
    else:
        interim = ", with an interim wording" if lim.interim else ""
        what = f"suspended from {lim.start.isoformat() if lim.start else '?'} until {lim.end.isoformat()}{interim}"
    reach = ", ".join(lim.reaches) if lim.reaches else "no unit of this law (items for other laws)"
    return f"  {what}: {', '.join(lim.places)}; reaches {reach}"


def effective(eff: "Effective | None", *, rule: str, fmt: str) -> str:
    if fmt == "json":
        if eff is None:
            return js.dumps({"date": None, "rule": rule, "derivation": "cannot be derived"}) + "\n"
        data: dict[str, Any] = {"date": eff.date.isoformat() if eff.date else None, "rule": rule,
                                "derivation": eff.derivation}
        if not eff.exact:
            data["earliest"] = eff.earliest.isoformat()
            data["latest"] = eff.latest.isoformat()
        data["retroactive"] = eff.retroactive
        return js.dumps(data) + "\n"
    if eff is None:
        return "unknown\ncannot be derived from the rule and dates given\n"
    head = eff.date.isoformat() if eff.date else f"between {eff.earliest.isoformat()} and {eff.latest.isoformat()}"
    return f"{head}\n{eff.derivation}\n"


def check(reports: list["CheckReport"], *, fmt: str) -> str:
    from .check import check_json, check_text

    if fmt == "json":
        return js.dumps([check_json(r) for r in reports]) + "\n"
    return "".join(check_text(r) for r in reports)


def _bytes(n: int) -> str:
    return f"{n / 1048576:.1f} MiB ({n:,} bytes)"


#: the kinds of file of the store (consolidate.store.usage.KINDS), as the report names them
STORE_FILES = {"timeline": "time lines", "key": "key memos", "textindex": "text indexes",
               "diffindex": "diff indexes", "other": "other files"}


def cache(usage: "Usage") -> str:
    """Where the store is and what it holds, by kind of file."""
    lines = [f"{usage.directory}\n"]
    for kind, label in STORE_FILES.items():
        if kind in usage.files:
            n, size = usage.files[kind]
            lines.append(f"  {label}: {n} file(s), {_bytes(size)}\n")
    lines.append(f"  total: {usage.count} file(s), {_bytes(usage.size)}\n")
    return "".join(lines)


def pruned(p: "Pruned") -> str:
    """What ``cache --prune`` removed, and the store's size before and after."""
    return (f"{p.before.directory}: removed {len(p.removed)} file(s) no current input points at\n"
            f"  before: {p.before.count} file(s), {_bytes(p.before.size)}\n"
            f"  after: {p.after.count} file(s), {_bytes(p.after.size)}\n")
