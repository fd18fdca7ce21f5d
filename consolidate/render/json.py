"""JSON renderings of the contract in DESIGN.md (``show``, ``diff``, ``timeline``).

Every object names the law by its FRBR URIs as well as its slug: ``work`` (the
law) and ``expression`` (the law in one language as of one date), added after
the keys the contract had before.  A :class:`~consolidate.diff.Diff` and a
:class:`~consolidate.results.History` carry only the law's slug, so their
renderings are given the :class:`~consolidate.results.Work` by the caller
(without it, the URIs are left out).
"""

from __future__ import annotations

import json as _json
from typing import Any

from ..diff import Diff, UnitChange
from ..model import Effective, Provision
from ..results import History, Reading, Work
from ..timeline.chain import Version
from .layout import own_limit


def _eff(e: Effective) -> dict[str, Any]:
    return {
        "date": e.date.isoformat() if e.date else None,
        "earliest": e.earliest.isoformat(),
        "latest": e.latest.isoformat(),
        "derivation": e.derivation,
        "retroactive": e.retroactive,
    }


def _version_json(v: Version) -> dict[str, Any]:
    """A version that is not (yet) the one in force: what it says, by which acts, from when."""
    unit = v.unit
    return {
        "status": unit.status.value if unit is not None else "absent",
        "heading": unit.heading if unit is not None else None,
        "text": unit.text if unit is not None and unit.status.value != "unknown" else None,
        "from": v.since.isoformat() if v.since else None,
        "acts": list(v.acts),
        "effective": [_eff(e) for e in v.effective],
    }


def provision_json(p: Provision, v: Version, base_label: str, coming: Version | None = None,
                   lang: str = "rus") -> dict[str, Any]:
    """A unit as shown on a date; ``coming`` is the version of a change that is law and not
    yet in effect (given as "coming"); a limit in time the unit's own text sets is its
    "time_limit" (the law's rule: the unit stays in effect)."""
    in_force = v.unit is not None
    limit = own_limit(p.text, lang) if in_force and p.status.value != "unknown" else None
    return {
        "eid": p.eid,
        "kind": p.kind.value,
        "num": p.num,
        "heading": p.heading,
        "text": p.text if p.status.value != "unknown" and in_force else None,
        "status": p.status.value,
        "since": v.since.isoformat() if v.since and in_force else None,
        "source": (list(v.acts) if v.acts else [f"snapshot {base_label}"]) if in_force else [],
        **({"reason": v.reason} if v.reason else {}),
        **({"coming": _version_json(coming)} if coming is not None else {}),
        **({"time_limit": {"until": limit.until.isoformat(), "as_written": limit.as_written}} if limit else {}),
    }


def view_json(reading: Reading) -> dict[str, Any]:
    view, referrers = reading.view, reading.referrers
    doc = view.document
    items = []
    walk = doc.walk(reading.provision) if reading.provision else doc.walk()
    for _, p in walk:
        if p.eid == "law":
            continue
        item = provision_json(p, view.versions[p.eid], reading.base_label, view.coming.get(p.eid), doc.lang)
        if referrers is not None and p.eid in referrers:
            item["referrers"] = list(referrers[p.eid])
        items.append(item)
    return {
        "law": doc.law,
        "lang": doc.lang,
        "as_of": view.as_of.isoformat(),
        "known_on": view.known_on.isoformat() if view.known_on else None,
        "title": doc.title,
        "provisions": items,
        "warnings": [{"eid": w.eid, "message": w.message} for w in view.warnings],
        **({"notes": {k: list(v) for k, v in reading.notes.items()}} if reading.notes is not None else {}),
        "work": reading.work.uri,
        "expression": reading.work.expression_uri(doc.lang, view.as_of),
    }


def _side(p: Provision | None) -> str | None:
    if p is None or p.status.value == "unknown":
        return None
    return p.text if not p.heading else (f"{p.heading}\n{p.text}" if p.text else p.heading)


def change_json(c: UnitChange) -> dict[str, Any]:
    out: dict[str, Any] = {
        "eid": c.eid,
        "change": c.change,
        "before": _side(c.before),
        "after": _side(c.after),
        "status_before": c.status_before.value if c.status_before else None,
        "status_after": c.status_after.value if c.status_after else None,
        "acts": list(c.acts),
        "effective": [e.date.isoformat() if e.date else f"{e.earliest.isoformat()}/{e.latest.isoformat()}"
                      for e in c.effective],
    }
    if c.renumbered_from:
        out["renumbered_from"] = c.renumbered_from
    if c.words is not None:
        out["words"] = [{"kind": s.kind, "text": s.text} for s in c.words]
    return out


def diff_json(d: Diff, work: Work | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "law": d.law,
        "lang": d.lang,
        "from": d.start.isoformat(),
        "to": d.end.isoformat(),
        "changes": [change_json(c) for c in d.changes],
    }
    if work is not None:
        out.update(work=work.uri, from_expression=work.expression_uri(d.lang, d.start),
                   to_expression=work.expression_uri(d.lang, d.end))
    return out


def timeline_json(h: History, work: Work | None = None) -> dict[str, Any]:
    ids = {"work": work.uri} if work is not None else {}
    if h.provision is not None:
        return {
            "law": h.law,
            "lang": h.lang,
            "eid": h.provision,
            "versions": [
                {
                    "from": v.since.isoformat() if v.since else None,
                    "status": v.unit.status.value if v.unit else "absent",
                    "text": v.unit.text if v.unit and v.unit.status.value != "unknown" else None,
                    "acts": list(v.acts),
                    "effective": [_eff(e) for e in v.effective],
                    **({"reason": v.reason} if v.reason else {}),
                    **({"expression": work.expression_uri(h.lang, v.since) if v.since else None}
                       if work is not None else {}),
                }
                for v in h.versions
            ],
            **ids,
        }
    return {
        "law": h.law,
        "lang": h.lang,
        "steps": [
            {
                "date": s.date.isoformat(),
                "act": s.act,
                "op": s.op,
                "place": s.place,
                "target": s.target if s.op else None,
                "applied": s.applied,
                "effective": _eff(s.effective),
            }
            for s in h.steps
        ],
        "warnings": [{"eid": w.eid, "message": w.message} for w in h.warnings],
        **ids,
    }


def dumps(obj: Any) -> str:
    return _json.dumps(obj, ensure_ascii=False, indent=2)
