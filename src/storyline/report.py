"""A Record as a report for a person to read (``--format text``)."""

from __future__ import annotations

from storyline.model import Record


def _quote(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(record: Record) -> str:
    a = record.article
    names = {e.id: e.name for e in record.entities}
    times = {t.id: t for t in record.times}
    out = [a.title or "(untitled)", f"{a.date or 'no publication date'}" + (f" · {a.source}" if a.source else "") + f" · id {a.id}"]

    out.append(f"\nEntities ({len(record.entities)})")
    for e in record.entities:
        extra = []
        if e.titles:
            extra.append("; ".join(e.titles))
        if e.country:
            extra.append(e.country)
        detail = f" — {', '.join(extra)}" if extra else ""
        out.append(f"  {e.id:<4} {e.type:<7} {e.name}{detail}  ×{len(e.mentions)}")

    if record.times:
        out.append(f"\nDates and times ({len(record.times)})")
        for t in record.times:
            mod = f" {t.mod}" if t.mod else ""
            anchor = " (no publication date)" if t.anchor == "no publication date" else ""
            text = " ".join(t.text.split())
            out.append(f"  {t.id:<4} {text!r:<24} {t.type:<9} {t.value or 'unresolved'}{mod}{anchor}")

    if record.statements:
        out.append(f"\nStatements ({len(record.statements)})")
        statements = {s.id: s for s in record.statements}

        def who(s) -> str:  # noqa: ANN001 - a Statement
            return names.get(s.speaker or "", s.speaker_text or "unknown speaker")

        for s in record.statements:
            when = f" [{times[s.time].value}]" if s.time in times else ""
            how = "".join(f" [{span.text}]" for span in (s.channel, s.hedge) if span is not None)
            via = f" [via {who(statements[s.reported_by])}]" if s.reported_by in statements else ""
            out.append(f"  {who(s)} — {s.cue.text} ({s.kind}){how}{via}{when}: {_quote(s.said())}")

    if record.events:
        out.append(f"\nEvents ({len(record.events)})")
        for ev in record.events:
            src = ", ".join(names.get(i, i) for i in ev.source) or "?"
            tgt = ", ".join(names.get(i, i) for i in ev.target) or "?"
            mode = f"/{ev.mode}" if ev.mode else ""
            extra = []
            if ev.mediator:
                extra.append("via " + ", ".join(names.get(i, i) for i in ev.mediator))
            if ev.location:
                extra.append("in " + ", ".join(names.get(i, i) for i in ev.location))
            if ev.reported_by:
                extra.append(f"reported in {ev.reported_by}")
            if ev.amounts:
                extra.append("amounts " + ", ".join(ev.amounts))
            detail = f" ({'; '.join(extra)})" if extra else ""
            out.append(f"  {ev.date or 'undated':<12} {ev.type}{mode} {src} → {tgt} «{ev.trigger.text}» {ev.status}{detail}")

    if record.amounts:
        out.append(f"\nAmounts ({len(record.amounts)})")
        for am in record.amounts:
            if am.value is None:
                out.append(f"  {am.id:<4} {am.text!r}")
                continue
            value = _number(am.value) + (f"–{_number(am.range_end)}" if am.range_end is not None else "")
            unit = f" {am.unit}" if am.unit else ""
            about = "~" if am.approx else ""
            out.append(f"  {am.id:<4} {am.text!r}: {about}{value}{unit} {am.object or ''}".rstrip())

    dated = sorted((ev.date, ev.trigger.text, ev.status) for ev in record.events if ev.date)
    if dated:
        out.append("\nTimeline")
        out.extend(f"  {date:<12} {trigger} ({status})" for date, trigger, status in dated)
    return "\n".join(out)


def _number(x: float) -> str:
    """800000000.0 as "800,000,000", not "8e+08"; 2.5 as "2.5"."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,g}"
