"""`reslint parse`: the document model as the JSON contract or a readable outline."""

from __future__ import annotations

from typing import Any

from checker.model import Document, LineIndex, Paragraph, SubParagraph


def document_json(doc: Document) -> dict[str, Any]:
    index = LineIndex(doc.source)

    def line(node) -> int:
        return index.position(node.span.start)[0]

    def sub(s: SubParagraph) -> dict[str, Any]:
        return {"address": s.address, "label": s.label, "level": s.level, "line": line(s),
                "text": s.body.strip(), "subparagraphs": [sub(c) for c in s.children]}

    def para(p: Paragraph, operative: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"address": p.address}
        if operative:
            out["number"] = p.number
        out.update({"line": line(p), "opening": p.opening, "text": p.chapeau.strip(),
                    "subparagraphs": [sub(s) for s in p.subparagraphs]})
        if p.part:
            out["part"] = p.part
        return out

    h = doc.header
    return {
        "kind": doc.kind,
        "body": doc.body,
        "session": doc.session,
        "title": doc.title.text if doc.title else None,
        "number": doc.title.number if doc.title else None,
        "symbol": h.symbol,
        "agenda_item": h.agenda_item,
        "session_dates": h.session_dates,
        "sponsors": [{"name": s.name, "non_member": s.non_member} for s in h.sponsors],
        "authoring": doc.authoring.text if doc.authoring else None,
        "preamble": [para(p, False) for p in doc.preamble],
        "operative": [para(p, True) for p in doc.operative],
        "footnotes": [{"label": f.label, "line": line(f), "text": f.text,
                       "markers": [{"line": index.position(m.span.start)[0], "column": index.position(m.span.start)[1],
                                    "address": m.address} for m in f.markers]} for f in doc.footnotes],
        "closing": ({"meeting": doc.closing.meeting, "date": doc.closing.date, "adoption": doc.closing.adoption}
                    if doc.closing else None),
        "annexes": [{"address": a.address, "title": a.title, "line": index.position(a.span.start)[0],
                     "paragraphs": len(a.paragraphs)} for a in doc.annexes],
        "parts": doc.parts,
        "problems": [{"code": p.code, "message": p.message, "address": p.address} for p in doc.problems],
    }


def _short(text: str, width: int = 72) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def document_tree(doc: Document) -> str:
    index = LineIndex(doc.source)
    out = [f"{doc.path}: {doc.kind}" + (f", {doc.body}" if doc.body else "") +
           (f", session {doc.session}" if doc.session else "")]
    h = doc.header
    if h.symbol or h.agenda_item or h.sponsors:
        out.append("HEADER")
        if h.symbol:
            out.append(f"  symbol      {h.symbol}")
        if h.session_text:
            out.append(f"  session     {h.session_text}")
        if h.agenda_item:
            out.append(f"  agenda item {h.agenda_item}")
        if h.sponsors:
            out.append("  sponsors    " + ", ".join(s.name + ("*" if s.non_member else "") for s in h.sponsors))
    if doc.title:
        out.append(f"TITLE  {_short(doc.title.text)}")
    if doc.authoring:
        out.append(f"AUTHORING  {doc.authoring.text}")
    for p in list(doc.preamble) + list(doc.operative):
        ln = index.position(p.span.start)[0]
        out.append(f"{p.address:<8} L{ln:<5} [{p.opening}] {_short(p.chapeau[len(p.opening):], 56)}")
        for s in p.all_subparagraphs():
            out.append(f"  {s.address:<12} L{index.position(s.span.start)[0]:<5} {_short(s.body, 56)}")
    if doc.closing:
        out.append(f"CLOSING  {doc.closing.meeting or ''} {doc.closing.date or ''} {doc.closing.adoption or ''}".rstrip())
    for a in doc.annexes:
        out.append(f"{a.address}  {_short(a.title)} ({len(a.paragraphs)} paragraphs)")
    for f in doc.footnotes:
        refs = ", ".join(m.address for m in f.markers) or "not referenced"
        out.append(f"FN{f.label:<4} {_short(f.text, 50)}  <- {refs}")
    for p in doc.problems:
        out.append(f"PROBLEM {p.code} {p.message}")
    return "\n".join(out)
