#!/usr/bin/env python3
"""Build a Word (.docx) version of a text sample, for testing the .docx reader.

    python scripts/make_docx.py [SAMPLE] [-o OUT.docx]

SAMPLE defaults to samples/hrc-draft.md; OUT defaults to SAMPLE with a .docx
suffix. The package is written from a minimal template in code (no
python-docx template), so every part is known and the output is
byte-for-byte reproducible (fixed zip timestamps and core properties).

The sample should have one paragraph per line (Markdown, or a
paragraph-per-line .txt): every physical line becomes a Word paragraph, so a
hard-wrapped text would give one Word paragraph per printed line.

What the sample becomes:
    * every non-blank line is one Word paragraph (indentation dropped);
    * Markdown ``*italic*`` and ``**bold**`` become italic / bold runs and
      ``## heading`` a bold paragraph (the ``#`` dropped);
    * operative paragraphs "N. " and sub-paragraphs "(a) " use REAL Word
      automatic numbering (numbering.xml: level 0 decimal "%1.", level 1
      lowerLetter "(%2)", level 2 lowerRoman "(%3)"); a number that
      automatic numbering would not produce (a skipped or repeated number)
      is kept as typed text instead, so the document shows what the sample
      says;
    * ``[^N]`` references and ``[^N]: text`` definitions become REAL Word
      footnotes (footnotes.xml, ``w:footnoteReference``);
    * an asterisk note at the end ("* State not a member ...") becomes a
      custom-mark footnote (``w:customMarkFollows``) on the first sponsor
      asterisk; the other asterisks stay typed text, as in UN documents;
    * a line ``<!-- reslint: ignore CODE -->`` becomes a Word comment with
      that text, anchored on the next paragraph (how a Word user writes a
      suppression);
    * Word cannot hold a footnote nobody references, so a ``[^N]:``
      definition without a reference is dropped (and a reference without a
      definition gets an empty footnote).

The helpers (``run``, ``paragraph``, ``footnote_ref``, ``build_package``,
``numbering_xml``) are used by tests/test_docx.py to build small documents.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Iterable, Optional
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATE = "2024-07-05T00:00:00Z"

_BOLD = re.compile(r"(?<![*\w])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![*\w])")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_FN_REF = re.compile(r"\[\^([^\]\s]{1,10})\]")
_FN_DEF = re.compile(r"^\[\^([^\]\s]{1,10})\]:\s*(.*)$")
_ASTERISK_NOTE = re.compile(r"^(\*{1,3})\s+(\S.*)$")
_SPONSOR_STAR = re.compile(r"(?<=\w)([,.;:]?)(\*)(?=[\s:;,.]|$)")
_OP = re.compile(r"^(\d{1,3})\.\s+")
_SUB = re.compile(r"^\(([a-z]{1,2})\)\s+")
_COMMENT_LINE = re.compile(r"^<!--\s*(reslint\s*:.*?)\s*-->$")


# ----------------------------------------------------------------------------
# XML snippets


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run(text: str, italic: bool = False, bold: bool = False, style: Optional[str] = None,
        superscript: bool = False) -> str:
    """One ``w:r`` with text; tabs become ``w:tab``."""
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if superscript:
        props += '<w:vertAlign w:val="superscript"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = text.split("\t")
    inner = "<w:tab/>".join(_t(p) for p in parts if p is not None)
    return f"<w:r>{rpr}{inner}</w:r>"


def footnote_ref(fid: int, custom_mark: Optional[str] = None) -> str:
    if custom_mark is not None:
        return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:customMarkFollows="1" w:id="{fid}"/>{_t(custom_mark)}</w:r>')
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'


def comment_anchor(cid: int, runs: str) -> str:
    """``runs`` wrapped in a comment range, with the comment reference run after it."""
    return (f'<w:commentRangeStart w:id="{cid}"/>{runs}<w:commentRangeEnd w:id="{cid}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{cid}"/></w:r>')


def paragraph(*runs: str, num: Optional[tuple[int, int]] = None, style: Optional[str] = None) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def table(rows: list[list[list[str]]]) -> str:
    """A table: rows of cells, each cell a list of paragraph XML strings."""
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>']
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append("<w:tc>" + "".join(cell or [paragraph()]) + "</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


LEVELS = (("decimal", "%1.", 360), ("lowerLetter", "(%2)", 1080), ("lowerRoman", "(%3)", 1800))


def numbering_xml(nums: Optional[dict[int, tuple[int, dict[int, int]]]] = None,
                  abstracts: Optional[dict[int, Iterable[tuple[str, str, int]]]] = None) -> str:
    """numbering.xml. ``abstracts``: id -> [(numFmt, lvlText, start), ...] per level (default: one
    abstractNum 0 with LEVELS, start 1). ``nums``: numId -> (abstractNumId, {ilvl: startOverride})."""
    if abstracts is None:
        abstracts = {0: [(fmt, text, 1) for fmt, text, _ in LEVELS]}
    if nums is None:
        nums = {1: (0, {})}
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">']
    for aid, levels in abstracts.items():
        out.append(f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>')
        for ilvl, (fmt, text, start) in enumerate(levels):
            indent = 360 + 720 * ilvl
            out.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
                       f'<w:pPr><w:ind w:left="{indent + 360}" w:hanging="360"/></w:pPr></w:lvl>')
        out.append("</w:abstractNum>")
    for nid, (aid, overrides) in nums.items():
        out.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>')
        for ilvl, start in overrides.items():
            out.append(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>')
        out.append("</w:num>")
    out.append("</w:numbering>")
    return "".join(out)


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote2"><w:name w:val="Quote 2"/><w:basedOn w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""


def footnotes_xml(notes: dict[int, str]) -> str:
    """footnotes.xml with the two separators and one paragraph per note (``notes``: id -> text)."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for fid, text in notes.items():
        if isinstance(text, tuple):  # (custom mark, text)
            mark, body = text
            ref = run(mark, style="FootnoteReference")
        else:
            body = text
            ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        runs = "".join(run(t, italic=i, bold=b) for t, i, b in _emphasis_runs(" " + body))
        out.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{ref}{runs}</w:p></w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out)


def comments_xml(comments: dict[int, str]) -> str:
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">']
    for cid, text in comments.items():
        out.append(f'<w:comment w:id="{cid}" w:author="reslint" w:date="{FIXED_DATE}" w:initials="R">'
                   f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{run(text)}</w:p></w:comment>')
    out.append("</w:comments>")
    return "".join(out)


def build_package(body: Iterable[str], *, numbering: Optional[str] = None, footnotes: Optional[str] = None,
                  comments: Optional[str] = None, styles: str = STYLES, title: str = "") -> bytes:
    """A complete .docx (bytes) from body XML snippets and optional part XML; deterministic."""
    overrides = [("/word/document.xml", CT + "document.main+xml"), ("/word/styles.xml", CT + "styles+xml"),
                 ("/word/settings.xml", CT + "settings+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    rels = [("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml")]
    parts: dict[str, str] = {}
    if numbering is not None:
        overrides.append(("/word/numbering.xml", CT + "numbering+xml"))
        rels.append(("rId3", "numbering", "numbering.xml"))
        parts["word/numbering.xml"] = numbering
    if footnotes is not None:
        overrides.append(("/word/footnotes.xml", CT + "footnotes+xml"))
        rels.append(("rId4", "footnotes", "footnotes.xml"))
        parts["word/footnotes.xml"] = footnotes
    if comments is not None:
        overrides.append(("/word/comments.xml", CT + "comments+xml"))
        rels.append(("rId5", "comments", "comments.xml"))
        parts["word/comments.xml"] = comments
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides) + "</Types>")
    root_rels = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{RELS_NS}">'
        f'<Relationship Id="rId1" Type="{RT}officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{RT}extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>")
    doc_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{RELS_NS}">'
                + "".join(f'<Relationship Id="{i}" Type="{RT}{t}" Target="{target}"/>' for i, t, target in rels)
                + "</Relationships>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>' + "".join(body)
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                  '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>'
                  "</w:sectPr></w:body></w:document>")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>reslint</dc:creator><cp:lastModifiedBy>reslint</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>reslint make_docx</Application></Properties>")
    members = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("docProps/core.xml", core),
               ("docProps/app.xml", app), ("word/document.xml", document), ("word/_rels/document.xml.rels", doc_rels),
               ("word/styles.xml", styles), ("word/settings.xml", SETTINGS)] + sorted(parts.items())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


# ----------------------------------------------------------------------------
# Markdown sample -> docx


def _emphasis(text: str) -> tuple[list[bool], list[bool], list[bool]]:
    """Per character: (italic, bold, dropped) for Markdown ``*italic*`` / ``**bold**``."""
    n = len(text)
    italic = [False] * n
    bold = [False] * n
    drop = [False] * n
    for m in _BOLD.finditer(text):
        for k in (m.start(), m.start() + 1, m.end() - 2, m.end() - 1):
            drop[k] = True
        for k in range(m.start() + 2, m.end() - 2):
            bold[k] = True
    masked = "".join("\x00" if d else c for c, d in zip(text, drop))
    for m in _ITALIC.finditer(masked):
        if drop[m.start()] or drop[m.end() - 1]:
            continue
        drop[m.start()] = drop[m.end() - 1] = True
        for k in range(m.start() + 1, m.end() - 1):
            italic[k] = True
    return italic, bold, drop


def _group(text: str, italic: list[bool], bold: list[bool], drop: list[bool], a: int, b: int) -> list[tuple[str, bool, bool]]:
    out: list[tuple[str, bool, bool]] = []
    for k in range(a, b):
        if drop[k]:
            continue
        if out and out[-1][1] == italic[k] and out[-1][2] == bold[k]:
            out[-1] = (out[-1][0] + text[k], italic[k], bold[k])
        else:
            out.append((text[k], italic[k], bold[k]))
    return out


def _emphasis_runs(text: str) -> list[tuple[str, bool, bool]]:
    italic, bold, drop = _emphasis(text)
    return _group(text, italic, bold, drop, 0, len(text))


def markdown_to_docx(text: str, title: str = "") -> bytes:
    lines = [ln.rstrip() for ln in text.splitlines()]
    defs: dict[str, str] = {}
    asterisk_note: Optional[tuple[str, str]] = None
    body_lines: list[str] = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        m = _FN_DEF.match(s)
        if m:
            defs[m.group(1)] = m.group(2)
            continue
        m = _ASTERISK_NOTE.match(s)
        if m and body_lines and asterisk_note is None:
            asterisk_note = (m.group(1), m.group(2))
            continue
        body_lines.append(s)

    notes: dict[int, object] = {}
    ids: dict[str, int] = {}
    next_id = 1
    body: list[str] = []
    expected_op = 1
    expected_sub = 1
    star_done = asterisk_note is None
    comments: dict[int, str] = {}
    pending: list[str] = []
    for s in body_lines:
        cm = _COMMENT_LINE.match(s)
        if cm:
            pending.append(cm.group(1))
            continue
        num: Optional[tuple[int, int]] = None
        style = None
        heading = re.match(r"^#{1,6}\s+", s)
        if heading:
            s = "**" + s[heading.end():] + "**" if "**" not in s else s[heading.end():]
        m = _OP.match(s)
        if m and int(m.group(1)) == expected_op:
            num, s = (1, 0), s[m.end():]
            expected_op += 1
            expected_sub = 1
        else:
            m2 = _SUB.match(s)
            if m2 and m2.group(1) == chr(ord("a") + expected_sub - 1) and expected_op > 1:
                num, s = (1, 1), s[m2.end():]
                expected_sub += 1
        runs: list[str] = []
        # footnote references and the first sponsor asterisk split the line into chunks
        pos = 0
        cuts: list[tuple[int, int, str, str]] = []
        for fm in _FN_REF.finditer(s):
            cuts.append((fm.start(), fm.end(), "fn", fm.group(1)))
        if not star_done:
            sm = _SPONSOR_STAR.search(s)
            if sm and not any(a <= sm.start(2) < b for a, b, _, _ in cuts):
                cuts.append((sm.start(2), sm.end(2), "star", sm.group(2)))
                star_done = True
        cuts.sort()
        chunks: list[tuple[str, Optional[str]]] = []
        for a, b, kind, value in cuts:
            chunks.append((s[pos:a], None))
            chunks.append(("", f"{kind}:{value}"))
            pos = b
        chunks.append((s[pos:], None))
        # emphasis is computed on the whole line (a reference may sit inside an italic span)
        plain = "".join(c for c, _ in chunks)
        italic, bold, drop = _emphasis(plain)
        cursor = 0
        for chunk_text, ref in chunks:
            if ref is not None:
                kind, value = ref.split(":", 1)
                if kind == "fn":
                    if value not in ids:
                        ids[value] = next_id
                        notes[next_id] = defs.get(value, "")
                        next_id += 1
                    runs.append(footnote_ref(ids[value]))
                else:
                    fid = next_id
                    next_id += 1
                    notes[fid] = asterisk_note
                    runs.append(footnote_ref(fid, custom_mark=value))
                continue
            group = _group(plain, italic, bold, drop, cursor, cursor + len(chunk_text))
            cursor += len(chunk_text)
            runs.extend(run(t, italic=it, bold=bd) for t, it, bd in group)
        for note in pending:
            cid = len(comments)
            comments[cid] = note
            runs = [comment_anchor(cid, "".join(runs))]
        pending = []
        body.append(paragraph(*runs, num=num, style=style))
    return build_package(body, numbering=numbering_xml(),
                         footnotes=footnotes_xml(notes) if notes else None,
                         comments=comments_xml(comments) if comments else None, title=title)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample", nargs="?", default=str(ROOT / "samples" / "hrc-draft.md"))
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    src = Path(args.sample)
    if not src.exists():
        print(f"{src}: no such file", file=sys.stderr)
        return 2
    out = Path(args.output) if args.output else src.with_suffix(".docx")
    data = markdown_to_docx(src.read_text(encoding="utf-8-sig"), title=src.stem)
    out.write_bytes(data)
    print(f"wrote {out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
