"""A check report (:class:`consolidate.checks.CheckReport`) as text and as JSON."""

from __future__ import annotations

from typing import Any

import attrs

from ..checks import CheckReport
from ..redline import render_redline, word_diff


def check_text(report: CheckReport) -> str:
    langs = report.operations_by_lang
    each = f" ({', '.join(f'{lang} {n}' for lang, n in langs)})" if len(langs) > 1 else ""
    out = [f"{report.law}: {report.acts} acts, {report.operations} operations{each}"]
    if report.problems:
        out.append(f"  {len(report.problems)} problem(s):")
        out += [f"    {p}" for p in report.problems]
    else:
        out.append("  every operation applies on its date")
    if report.structural:
        out.append(f"  {len(report.structural)} unit(s) missing from the replay or from a check point: the replay's "
                   "structure differs")
    for cp in report.checkpoints:
        out.append(f"  check point {cp.label} ({cp.lang}) as of {cp.date.isoformat()}:")
        out.append(f"    units compared {cp.compared}, identical {cp.identical}, spacing only {cp.spacing}, "
                   f"different {cp.different}, unknown {cp.unknown}; "
                   f"agreement {cp.agreement:.2%} of known units")
        if cp.note:
            out.append(f"    {cp.note}")
        for d in cp.differences:
            acts = f" [acts: {', '.join(d.acts)}]" if d.acts else ""
            out.append(f"    {d.kind} {d.eid}{acts}")
            if d.kind in ("different", "spacing only"):
                out.append("      " + render_redline(word_diff(d.replay or "", d.check or ""), color=False))
    return "\n".join(out) + "\n"


def check_json(report: CheckReport) -> dict[str, Any]:
    return {
        "law": report.law,
        "ok": report.ok,
        "acts": report.acts,
        "operations": report.operations,
        "operations_by_lang": dict(report.operations_by_lang),
        "problems": list(report.problems),
        "checkpoints": [
            {
                "label": cp.label, "lang": cp.lang, "date": cp.date.isoformat(), "compared": cp.compared,
                "identical": cp.identical, "spacing_only": cp.spacing, "different": cp.different, "unknown": cp.unknown,
                "agreement": cp.agreement, "note": cp.note,
                "differences": [attrs.asdict(d) for d in cp.differences],
            }
            for cp in report.checkpoints
        ],
    }
