"""What each command prints, in each format (the CLI only picks the format)."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NotRequired, TextIO, TypedDict

from . import json as js
from .lines import unknown_lines, warning_lines

if TYPE_CHECKING:
    from ..checks import CheckReport
    from ..law import Act, Law
    from ..diff import Diff
    from ..query import Library
    from ..timeline import Timeline, View

UNKNOWN = {"rus": "[текст на эту дату неизвестен]", "kaz": "[text unknown]", "eng": "[text unknown]"}


def _subdoc(view: "View", provision: str | None) -> Any:
    """The document cut down to one unit and its subtree (with the root kept)."""
    import attrs

    from ..model import ROOT

    doc = view.document
    if provision is None:
        return doc
    keep = {p.eid: p for _, p in doc.walk(provision)}
    root = attrs.evolve(doc.units[ROOT], children=(provision,))
    return attrs.evolve(doc, units={ROOT: root, **keep}, signature=None, notes=())


def generated_notes(lib: "Library", view: "View") -> dict[str, list[str]]:
    """Footnotes for every article (and chapter) changed by an act up to the
    date: from the base text's own footnotes for the acts it includes, and
    from the operations for the acts replayed after it."""
    from ..model import Kind
    from ..grammar.notes import footnote

    tl = lib.timeline(view.document.law, view.document.lang, view.known_on)
    law = tl.law
    doc = view.document
    parents = doc.parents()

    def article_of(eid: str) -> str | None:
        while eid in doc.units:
            if doc.units[eid].kind in (Kind.ARTICLE, Kind.CHAPTER):
                return eid
            eid = parents.get(eid, "")
        return None

    acts_by_unit: dict[str, dict[str, str | None]] = defaultdict(dict)
    written: dict[str, str] = {}  # rules as the base text's footnotes write them
    # the acts the base text already includes, as its own footnotes name them
    for p in tl.base.units.values():
        for note in p.notes:
            if note.kind != "footnote":
                continue
            target = note.subject or p.eid
            for ref in note.acts:
                try:
                    law.act(ref.number)
                except Exception:  # an act the corpus does not list: the base's own note still says it
                    continue
                acts_by_unit[target].setdefault(ref.number, None)
                if ref.rule:
                    written.setdefault(ref.number, ref.rule)
    for step in tl.steps:
        if step.date > view.as_of or step.op is None:
            continue
        art = article_of(step.op.target)
        if art is None and step.op.target in doc.units:
            art = step.op.target
        if art is None:
            continue
        acts_by_unit[art].setdefault(step.act.number, step.op.place)
    out: dict[str, list[str]] = {}
    for eid, acts in acts_by_unit.items():
        if eid not in doc.units:
            continue
        ordered = sorted(((law.act(n), place) for n, place in acts.items()),
                         key=lambda ap: (ap[0].adopted, ap[0].number))
        if ordered:
            out[eid] = [footnote(doc.units[eid], ordered, doc.lang, written)]
    return out


def show(lib: "Library", view: "View", *, fmt: str, provision: str | None, notes: bool) -> str:
    law = lib.law(view.document.law)
    snap = law.base(view.document.lang)
    label = snap.label if snap else ""
    if fmt == "json":
        referrers = None
        if provision is not None:
            from ..graph import build_graph, referrers as refs_of

            g = build_graph(view.document)
            referrers = {e: refs_of(g, e) for _, p in view.document.walk(provision) for e in [p.eid]}
        data = js.view_json(view, base_label=label, start=provision, referrers=referrers)
        if notes:
            data["notes"] = generated_notes(lib, view)
        return js.dumps(data) + "\n"
    doc = _subdoc(view, provision)
    note_lines = generated_notes(lib, view) if notes else None
    marker = UNKNOWN.get(view.document.lang, "[text unknown]")
    if fmt == "md":
        from .layout import render_markdown

        body = render_markdown(doc, notes=note_lines, unknown_marker=marker)
    elif fmt == "html":
        from .html import render_html

        body = render_html(doc, view, notes=note_lines)
    elif fmt == "akn":
        from .akn import render_akn

        body = render_akn(doc, view, law)
    else:
        from .layout import render_text

        body = render_text(doc, notes=note_lines, unknown_marker=marker)
    if fmt in ("text", "md"):
        lines = _warning_lines(view) + _unknown_summary(view, doc)
        if lines:
            body = body.rstrip("\n") + "\n\n" + "\n".join(lines)
    return body if body.endswith("\n") else body + "\n"


def _warning_lines(view: "View") -> list[str]:
    return warning_lines((w.eid, w.message) for w in view.warnings)


def _unknown_summary(view: "View", doc: Any) -> list[str]:
    from ..model import Status

    if not any(p.status is Status.UNKNOWN for p in doc.units.values()):
        return []
    unknown = []
    for p in doc.provisions():
        if p.status is Status.UNKNOWN:
            v = view.versions.get(p.eid)
            unknown.append((p.eid, v.reason if v is not None else None))
    return unknown_lines(unknown)


def diff(lib: "Library", d: "Diff", *, fmt: str, stream: TextIO) -> str:
    if fmt == "json":
        return js.dumps(js.diff_json(d)) + "\n"
    if fmt == "html":
        from .html import render_diff_html

        return render_diff_html(d)
    from ..redline import render_redline, word_diff
    from .lines import NO_CHANGES, SIDES, TEXT_UNKNOWN, change_head, diff_title, prefix, use_color, why

    color = use_color(stream)
    adopted = lib.timeline(d.law, d.lang).adopted  # the act files themselves are not needed
    lines = [diff_title(d.law, d.lang, d.start, d.end, len(d.changes))]
    if not d.changes:
        lines.append(NO_CHANGES)
    for c in d.changes:
        lines.append("")
        lines.append(change_head(c.change, c.eid, c.renumbered_from) + why(c.acts, c.effective, adopted))
        before = c.before.text if c.before and c.before.status.value != "unknown" else None
        after = c.after.text if c.after and c.after.status.value != "unknown" else None
        if c.change == "modified" and c.after is not None and before is not None and after is not None:
            lines.append(prefix(c.after.num, c.after.kind.value) + render_redline(word_diff(before, after), color=color))
        else:
            if c.before is not None and c.change != "added":
                opening, closing = SIDES["-", color]
                lines.append(opening + (before if before is not None else TEXT_UNKNOWN) + closing)
            if c.after is not None and c.change != "removed":
                opening, closing = SIDES["+", color]
                lines.append(opening + (after if after is not None else TEXT_UNKNOWN) + closing)
    return "\n".join(lines) + "\n"


def timeline(tl: "Timeline", *, fmt: str, provision: str | None) -> str:
    if fmt == "json":
        return js.dumps(js.timeline_json(tl, provision)) + "\n"
    lines = []
    if provision is not None:
        lines.append(f"{tl.law.slug} ({tl.lang}) {provision}")
        for v in tl.chains.get(provision, []):
            since = v.since.isoformat() if v.since else "(base)"
            state = v.unit.status.value if v.unit else "absent"
            acts = ", ".join(v.acts)
            text = v.unit.text if v.unit and v.unit.status.value != "unknown" else ""
            lines.append(f"{since:12} {state:10} {acts:20} {text}")
            if v.reason:
                lines.append(f"{'':12} {v.reason}")
        return "\n".join(lines) + "\n"
    lines.append(f"{tl.law.slug} ({tl.lang}): {len(tl.steps)} steps after the base text")
    for s in tl.steps:
        op = type(s.op).__name__ if s.op else "(no text in corpus)"
        target = s.op.target if s.op else ", ".join(s.act.footnote.touches)
        lines.append(f"{s.date.isoformat()}  {s.act.number:9} {op:13} {target:40} {s.applied}")
    for w in tl.warnings:
        lines.append(f"warning: {w.message}")
    return "\n".join(lines) + "\n"


def _effective_of_act(act: "Act") -> tuple[str, Any]:
    try:
        if act.operations:
            effs = {}
            for op in act.operations:
                e = act.effective(op)
                effs[op.place] = e
            return "", effs
        return "", {"(act)": act.effective_for("art_1")}
    except Exception as exc:  # noqa: BLE001 - reported in the listing, per act
        return str(exc), {}


class _ActRow(TypedDict):
    """One amending act in the ``acts`` listing (also its JSON form)."""
    number: str
    adopted: str
    published: str | None
    publication_source: str | None
    publication_inferred: bool
    title: str
    rule: str | None
    parsed: str | None
    effective: list[str]
    derivation: str | None
    exceptions: list[dict[str, Any]]
    operations_available: bool
    operations: int
    touches: list[str]
    error: NotRequired[str]


def acts(law: "Law", *, fmt: str) -> str:
    rows: list[_ActRow] = []
    for act in sorted(law.acts, key=lambda a: (a.adopted, a.number)):
        error, effs = _effective_of_act(act)
        try:
            com = act.commencement
        except Exception as exc:  # noqa: BLE001
            com, error = None, str(exc)
        rule_written = act.commencement_text or act.footnote.rule_rus or act.footnote.rule
        parsed = None
        exceptions: list[dict[str, Any]] = []
        if com is not None:
            parsed = str(getattr(com, "general", com))
            for exc_ in getattr(com, "exceptions", ()):
                exceptions.append({"places": list(getattr(exc_, "places", ())),
                                   "rule": str(getattr(exc_, "rule", "")),
                                   "as_written": getattr(exc_, "as_written", "")})
        elif rule_written:
            try:
                from ..grammar.rules import parse_rule

                parsed = str(parse_rule(rule_written, lang="rus" if act.footnote.rule_rus else
                                        (act.footnote.lang or "eng")))
            except Exception as exc:  # noqa: BLE001
                error = str(exc)
        dates = sorted({(e.date.isoformat() if e.date else f"{e.earliest.isoformat()}/{e.latest.isoformat()}")
                        for e in effs.values() if e is not None})
        row: _ActRow = {
            "number": act.number,
            "adopted": act.adopted.isoformat(),
            "published": act.publication.date.isoformat() if act.publication.date else None,
            "publication_source": act.publication.source,
            "publication_inferred": act.publication.inferred,
            "title": act.title,
            "rule": rule_written,
            "parsed": parsed,
            "effective": dates,
            "derivation": next((e.derivation for e in effs.values() if e is not None), None),
            "exceptions": exceptions,
            "operations_available": act.operations_available,
            "operations": len(act.operations),
            "touches": list(act.touched()),
        }
        if error:
            row["error"] = error  # last key, as before
        rows.append(row)
    if fmt == "json":
        return js.dumps({"law": law.slug, "acts": rows}) + "\n"
    out = [f"{law.slug}: {len(rows)} amending acts"]
    for r in rows:
        out.append("")
        out.append(f"{r['number']}  adopted {r['adopted']}  published {r['published'] or 'unknown'}"
                   f"{' (inferred)' if r['publication_inferred'] else ''}  "
                   f"effective {', '.join(r['effective']) or 'unknown'}")
        if r["title"]:
            out.append(f"  {r['title']}")
        if r["rule"]:
            out.append(f"  rule as written: {' '.join(r['rule'].split())}")
        if r["parsed"]:
            out.append(f"  parsed: {r['parsed']}")
        for e in r["exceptions"]:
            out.append(f"  exception {', '.join(e['places'])}: {e['rule']}")
        out.append(f"  touches: {', '.join(r['touches']) or '—'}"
                   f"{'' if r['operations_available'] else '  (operations not available)'}")
        if "error" in r:
            out.append(f"  error: {r['error']}")
    return "\n".join(out) + "\n"


def effective(rule: str, *, published: _dt.date | None, adopted: _dt.date | None, lang: str, fmt: str) -> str:
    from ..grammar.rules import explain

    eff = explain(rule, published=published, adopted=adopted, lang=lang)
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
    if fmt == "json":
        return js.dumps([r.to_json() for r in reports]) + "\n"
    return "".join(r.to_text() for r in reports)
