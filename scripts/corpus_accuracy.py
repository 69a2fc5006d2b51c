"""Measure the parser against the real corpus (issue: parse real UN texts).

For each adopted text an independent, layout-specific reading of the raw file
gives the expected counts: operative paragraphs are the lines numbered 1..n
before the closing line, preambular paragraphs the paragraphs between the
authoring line and OP1. The parser must agree. Drafts must parse without an
exception and get the kind their header states.

    python scripts/corpus_accuracy.py [--corpus ../shared/corpus] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
import traceback
from pathlib import Path

from checker.parser import parse_source
from checker.sources import read_path

AUTHORING = re.compile(r"^\s*The (General Assembly|Security Council)\s*,?\s*$")
CLOSING = re.compile(r"^\s*(\d+(st|nd|rd|th) (plenary )?meeting|Adopted (unanimously |at |by |without )|\[?Adopted)", re.I)
SUBITEM = re.compile(r"^\s*\((?:[a-z]{1,2}|[ivx]+)\)\s")
TERMINAL = re.compile(r"[.,;:\]”\"’]\s?[⁰¹²³⁴⁵⁶⁷⁸⁹\d]{0,3}\s*$")
OPERATIVE_START = re.compile(r"^(Resolves|Adopts|Decides|Approves|Endorses|Proclaims)\b")
ANNEX = re.compile(r"^\s*(Annex|ANNEX)\b")
PART = re.compile(r"^\s*[A-H]\s*$")
OPERATIVE_VERB = re.compile(r"^((Also|Further|Strongly|Once again)\s+)?[A-Z][a-z]+s\b(?<!ss)")
OPENER = re.compile(r"^(?:[A-Z][a-z]+ing|Having|Mindful|Aware|Conscious|Gravely|Deeply|Determined|Grieved|"
                    r"Indignant|Convinced|Concerned|Alarmed|Seriously|Noting|Reaffirming|Recalling)\s")
NUMBERED = re.compile(r"^\s*(\d{1,3})\s?\.\s+\S")
BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s+(?:(?:Also|Further|Strongly)\s+)?[A-Z][a-z]+s\b")


def expected_counts(text: str, wrapped: bool):
    """(preambular count, operative numbers) read from the raw layout; None if unclear.

    An unnumbered single operative paragraph is the number 0.
    """
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if AUTHORING.match(ln)), None)
    if start is None:
        return None
    # paragraphs = blank-line separated blocks
    blocks: list[str] = []
    buf: list[str] = []
    for ln in lines[start + 1:]:
        if ln.strip().startswith("_____"):
            break
        if not ln.strip():
            if buf:
                blocks.append(" ".join(buf))
                buf = []
            continue
        if buf and TERMINAL.search(buf[-1]) and (OPENER.match(ln.strip()) or NUMBERED.match(ln)):
            blocks.append(" ".join(buf))  # a new paragraph without a blank line before it
            buf = []
        buf.append(ln.strip())
    if buf:
        blocks.append(" ".join(buf))
    numbers: list[int] = []
    unnumbered_before: list[str] = []
    for b in blocks:
        if CLOSING.match(b) or ANNEX.match(b):
            break
        m = NUMBERED.match(b)
        bare = BARE_NUMBER.match(b)  # "2 Requests": OCR lost the full stop after the next number
        if m:
            numbers.append(int(m.group(1)))
        elif numbers and bare and int(bare.group(1)) == numbers[-1] + 1:
            numbers.append(int(bare.group(1)))
        elif not numbers:
            if SUBITEM.match(b) or PART.match(b) or (len(b) < 160 and not TERMINAL.search(b)):
                continue  # sub-items of a preambular paragraph, headings, part letters
            unnumbered_before.append(b)
    if not numbers:
        # a single unnumbered operative paragraph: the first block opening with an operative verb
        k = next((i for i, b in enumerate(unnumbered_before) if OPERATIVE_VERB.match(b)), None)
        if k is None:
            return None
        ops = [b for b in unnumbered_before[k:] if OPERATIVE_VERB.match(b)]
        return k, [0] * len(ops)
    # an operative chapeau ("Resolves that:", "Adopts the following ...") is not preambular
    while unnumbered_before and OPERATIVE_START.match(unnumbered_before[-1]):
        unnumbered_before.pop()
    return len(unnumbered_before), numbers


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    root = Path(args.corpus)
    res = sorted((root / "real" / "resolutions").glob("*.txt"))
    if not res:
        print(f"no corpus at {root}")
        return 0
    groups = {"GA": [p for p in res if p.name.startswith("A-")], "SC": [p for p in res if p.name.startswith("S-")]}
    for name, files in groups.items():
        ok, failures = 0, []
        for p in files:
            text = p.read_text(encoding="utf-8")
            exp = expected_counts(text, wrapped=(name == "SC"))
            doc = parse_source(read_path(p))
            got = (len(doc.preamble), [o.number or 0 for o in doc.operative])
            if exp is None:
                failures.append((p.name, "raw layout unclear (no authoring line or no operative paragraph block)", got))
            elif got == exp:
                ok += 1
            else:
                failures.append((p.name, f"expected PP/OP {exp}", got))
        print(f"{name}: {ok}/{len(files)} = {100 * ok / len(files):.1f}% exact")
        for f in failures if args.verbose else failures[:40]:
            print(f"   {f[0]}: {f[1]}, parsed {f[2]}")
    drafts = sorted((root / "real" / "drafts").glob("*.txt"))
    crashes, kind_ok, kind_total, wrong = 0, 0, 0, []
    for p in drafts:
        try:
            doc = parse_source(read_path(p))
        except Exception:
            crashes += 1
            traceback.print_exc()
            continue
        head = p.read_text(encoding="utf-8")[:3000].lower()
        head_kind_line = next((ln for ln in head.splitlines() if re.search(r"draft resolution|draft decision|amendment", ln)), "")
        if "amendment" in head_kind_line:
            want = "amendment"
        elif "draft decision" in head_kind_line:
            want = "draft-decision"
        elif "draft resolution" in head_kind_line:
            want = "draft-resolution"
        else:
            want = None
        if want is None:
            continue
        kind_total += 1
        if doc.kind == want:
            kind_ok += 1
        else:
            wrong.append((p.name, want, doc.kind))
    print(f"drafts: {len(drafts)} parsed, {crashes} exceptions; kind matches header wording for "
          f"{kind_ok}/{kind_total} = {100 * kind_ok / max(kind_total, 1):.1f}%")
    for w in wrong:
        print(f"   {w[0]}: header says {w[1]}, parsed {w[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
