"""Reading Word (.docx) drafts into a ``SourceText``.

Positions
    The text has **one Word paragraph per line** (joined with ``"\\n"``; empty
    paragraphs are kept as empty lines, table cells are read row by row, cell
    by cell). A finding at line L, column C therefore means "paragraph L of
    the body, character C of that paragraph as rendered below". Headers,
    footers, text boxes and deleted (tracked) text are not read.

Rendering
    * Automatic numbering (``w:numPr`` on the paragraph or its style) is
      rendered from ``numbering.xml`` as the label Word shows, followed by one
      space: ``"5. "``, ``"(a) "``. Counters are kept per abstract numbering
      definition; deeper levels restart when a higher level advances
      (``w:lvlRestart`` honoured) and ``w:startOverride`` restarts a list.
      The label is synthetic text: it exists on screen, not in the runs.
    * A footnote reference becomes a superscript number (``"¹"``, ``"¹²"``)
      in Word's order (first reference first). A reference with
      ``w:customMarkFollows`` (the sponsors' ``*``) renders nothing itself:
      the mark is the text of the run that follows it. After the body come a
      line ``__________________`` and one line per footnote, ``"N text"``
      (a footnote's paragraphs joined by a space) - the layout the normalizer
      reads for printed footnotes. Endnotes are not read.
    * Tabs stay tabs; line breaks inside a paragraph (``w:br``, ``w:cr``)
      become a space, so they never add a line.
    * ``SourceText.italics`` / ``bold`` hold (start, end) offsets into the
      text for runs that are italic/bold by direct formatting, by their
      character style or by their paragraph style (style chains followed
      through ``w:basedOn``; toggle semantics are not modelled).

Suppression comments
    A Word comment whose text starts with ``reslint: ignore CODE ...`` or
    ``reslint: ignore-file ...`` is recorded in ``SourceText.comments`` as
    (start offset, end offset, comment text) of the commented range, and is
    rendered as ``<!-- reslint: ignore CODE -->`` appended **at the end of
    the line before** the commented paragraph, so the existing directive
    handling ("applies to the next paragraph") targets the commented
    paragraph without moving any other line or column. A comment on the very
    first paragraph is put in front of it on the same line instead.

Safety
    The zip container is checked before python-docx sees it: member count,
    declared uncompressed sizes, total size and compression ratio; XML is
    parsed without entity resolution. Every failure is a one-line
    ``SourceError``.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterable, Optional

from checker.errors import SourceError
from checker.sources import SourceText

MAX_MEMBERS = 2000
MAX_MAIN_PART = 50 * 1024 * 1024  # document.xml, footnotes.xml, comments.xml, ...
MAX_TOTAL = 200 * 1024 * 1024  # all members, uncompressed
MAX_RATIO = 200  # uncompressed : compressed, on a large member
LARGE_MEMBER = 1024 * 1024
MAIN_PARTS = ("word/document.xml", "word/footnotes.xml", "word/comments.xml", "word/endnotes.xml",
              "word/numbering.xml", "word/styles.xml")

FOOTNOTE_RULE = "__________________"
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{%s}" % W_NS
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

_DIRECTIVE_COMMENT = re.compile(r"^\s*reslint\s*:\s*(ignore-file|ignore)\b(.*)$", re.I | re.S)

# Elements whose content is never shown as body text of the paragraph.
_SKIP = {W + name for name in ("del", "moveFrom", "instrText", "delText", "delInstrText", "drawing", "pict",
                               "object", "rPr", "pPr", "sectPr", "footnotePr", "endnotePr", "fldData")}
_SKIP.add("{%s}Fallback" % MC_NS)


def read_docx(data: bytes, path: str) -> SourceText:
    """Read a .docx from bytes; any problem is a one-line ``SourceError``."""
    if not data or not data.strip():
        raise SourceError(path, "file is empty")
    _check_zip(data, path)
    try:
        return _Reader(data, path).read()
    except SourceError:
        raise
    except MemoryError:
        raise SourceError(path, "Word document too large to read") from None
    except Exception as exc:  # python-docx / lxml raise many kinds; the user needs one line
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise SourceError(path, f"cannot read Word document ({detail})") from None


# ----------------------------------------------------------------------------
# the container


def _check_zip(data: bytes, path: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, RuntimeError,
            NotImplementedError):
        raise SourceError(path, "not a valid .docx (zip) file") from None
    if len(infos) >= MAX_MEMBERS:
        raise SourceError(path, f"not a plausible Word document ({len(infos)} zip members, limit {MAX_MEMBERS})")
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        size = info.file_size
        total += size
        if info.filename in MAIN_PARTS and size >= MAX_MAIN_PART:
            raise SourceError(path, f"{info.filename} is {size / 1048576:.0f} MB uncompressed, over the "
                                    f"{MAX_MAIN_PART // 1048576} MB limit (refusing a possible zip bomb)")
        if size > LARGE_MEMBER and size > MAX_RATIO * max(info.compress_size, 1):
            raise SourceError(path, f"{info.filename} expands {size // max(info.compress_size, 1)}:1 "
                                    f"(refusing a possible zip bomb)")
        if total >= MAX_TOTAL:
            raise SourceError(path, f"zip contents exceed {MAX_TOTAL // 1048576} MB uncompressed (refusing a possible zip bomb)")
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise SourceError(path, "not a Word document (zip archive without word/document.xml)")


def _parse_xml(blob: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    return etree.fromstring(blob, parser)


def _part_element(part):
    element = getattr(part, "element", None)
    if element is None:
        element = getattr(part, "_element", None)
    if element is not None:
        return element
    return _parse_xml(part.blob)


def _related(doc_part, reltype: str):
    for rel in doc_part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return _part_element(rel.target_part)
    return None


# ----------------------------------------------------------------------------
# formatting


def _onoff(rpr, tag: str) -> Optional[bool]:
    if rpr is None:
        return None
    el = rpr.find(W + tag)
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off")


class _Styles:
    """Italic/bold/numbering of styles, following ``w:basedOn``."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.default_para: Optional[str] = None
        self.default_char: Optional[str] = None
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid is None:
                continue
            self.by_id[sid] = st
            if st.get(W + "default") in ("1", "true", "on"):
                if st.get(W + "type") == "paragraph":
                    self.default_para = sid
                elif st.get(W + "type") == "character":
                    self.default_char = sid
        self._cache: dict[tuple[str, str], Optional[bool]] = {}

    def flag(self, style_id: Optional[str], tag: str) -> Optional[bool]:
        if not style_id:
            return None
        key = (style_id, tag)
        if key in self._cache:
            return self._cache[key]
        self._cache[key] = None  # guards basedOn cycles
        value = None
        seen = set()
        sid = style_id
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            value = _onoff(st.find(W + "rPr"), tag)
            if value is not None:
                break
            based = st.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
        self._cache[key] = value
        return value

    def num_pr(self, style_id: Optional[str]) -> Optional[tuple[str, int]]:
        seen = set()
        sid = style_id
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            ppr = st.find(W + "pPr")
            num = ppr.find(W + "numPr") if ppr is not None else None
            if num is not None:
                nid = num.find(W + "numId")
                ilvl = num.find(W + "ilvl")
                if nid is not None:
                    return nid.get(W + "val"), int(_int(ilvl.get(W + "val") if ilvl is not None else "0"))
            based = st.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
        return None


def _int(value: Optional[str], default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# ----------------------------------------------------------------------------
# numbering


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and everything we do not model


class _Level:
    __slots__ = ("start", "fmt", "text", "restart", "legal", "suffix")

    def __init__(self, lvl):
        def val(tag: str, default: Optional[str] = None) -> Optional[str]:
            el = lvl.find(W + tag)
            return el.get(W + "val", default) if el is not None else default

        self.start = _int(val("start"), 0)
        self.fmt = val("numFmt", "decimal") or "decimal"
        self.text = val("lvlText", "") or ""
        restart = val("lvlRestart")
        self.restart = None if restart is None else _int(restart, 0)
        self.legal = lvl.find(W + "isLgl") is not None and _onoff(lvl, "isLgl") is not False
        self.suffix = val("suff", "tab") or "tab"


class _Numbering:
    def __init__(self, root):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.seen: set[tuple[str, int]] = set()
        if root is None:
            return
        for an in root.findall(W + "abstractNum"):
            aid = an.get(W + "abstractNumId")
            self.abstract[aid] = {_int(lvl.get(W + "ilvl")): _Level(lvl) for lvl in an.findall(W + "lvl")}
        for num in root.findall(W + "num"):
            nid = num.get(W + "numId")
            an = num.find(W + "abstractNumId")
            if nid is None or an is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"))
                so = ov.find(W + "startOverride")
                if so is not None:
                    starts[ilvl] = _int(so.get(W + "val"), 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _Level(lvl)
            self.nums[nid] = (an.get(W + "val"), starts, levels)

    def _level(self, nid: str, ilvl: int) -> Optional[_Level]:
        aid, _, overrides = self.nums[nid]
        return overrides.get(ilvl) or self.abstract.get(aid, {}).get(ilvl)

    def label(self, nid: str, ilvl: int) -> str:
        """Advance the counters for a paragraph numbered (nid, ilvl) and return its label."""
        if nid not in self.nums or nid == "0":
            return ""
        aid, starts, _ = self.nums[nid]
        level = self._level(nid, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(aid, {})
        if (nid, ilvl) not in self.seen and ilvl in starts:
            counters[ilvl] = starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = level.start
        self.seen.add((nid, ilvl))
        for deeper in [d for d in counters if d > ilvl]:
            dl = self._level(nid, deeper)
            restart = dl.restart if dl is not None and dl.restart is not None else deeper
            if restart != 0 and ilvl < restart:
                del counters[deeper]
        if level.fmt == "bullet":
            text = level.text
            return ("•" if not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text) else text) + " "

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = self._level(nid, k)
            if lv is None:
                return ""
            value = counters.get(k, lv.start)
            fmt = "decimal" if level.legal and lv.fmt not in ("none",) else lv.fmt
            return format_number(value, fmt)

        text = re.sub(r"%([1-9])", sub, level.text)
        if not text:
            return ""
        return text + ("" if level.suffix == "nothing" else " ")


# ----------------------------------------------------------------------------
# the reader


class _Reader:
    def __init__(self, data: bytes, path: str):
        import docx

        self.path = path
        self.data = data
        self.document = docx.Document(io.BytesIO(data))
        part = self.document.part
        self.styles = _Styles(_related(part, RT_STYLES))
        self.numbering = _Numbering(_related(part, RT_NUMBERING))
        fn_root = _related(part, RT_FOOTNOTES)
        self.footnote_xml: dict[str, object] = {}
        if fn_root is not None:
            for fn in fn_root.findall(W + "footnote"):
                if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                self.footnote_xml[fn.get(W + "id")] = fn
        cm_root = _related(part, RT_COMMENTS)
        self.comment_text: dict[str, str] = {}
        if cm_root is not None:
            for cm in cm_root.findall(W + "comment"):
                self.comment_text[cm.get(W + "id")] = " ".join(
                    "".join(t.text or "" for t in p.iter(W + "t")) for p in cm.iter(W + "p")).strip()
        # output state
        self.lines: list[str] = []
        self.italics: list[tuple[int, int]] = []
        self.bold: list[tuple[int, int]] = []
        self.offset = 0  # offset of the start of the current line in the final text
        self.footnote_order: list[tuple[str, str]] = []  # (footnote id, label)
        self.footnote_label: dict[str, str] = {}
        self.next_number = 1
        self.comment_start: dict[str, tuple[int, int]] = {}  # id -> (line index, absolute offset)
        self.comment_end: dict[str, int] = {}

    # -- entry -----------------------------------------------------------------------
    def read(self) -> SourceText:
        body = self.document.element.body
        for p in self._paragraphs(body):
            self._paragraph(p, numbered=True, footnote_refs=True)
        if self.footnote_order:
            self._emit_line(FOOTNOTE_RULE, [], [])
            for fid, label in self.footnote_order:
                self._footnote_line(fid, label)
        lines = list(self.lines)
        comments = self._directives(lines)
        text = "\n".join(lines)
        if not text.strip():
            raise SourceError(self.path, "file is empty")
        return SourceText(path=self.path, text=text, encoding="utf-8", newline="\n", format="docx",
                          italics=_merge(self.italics), bold=_merge(self.bold), comments=comments, raw=self.data)

    def _paragraphs(self, container) -> Iterable:
        """Body paragraphs in reading order, descending into tables and content controls."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                yield child
            elif tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent", W + "customXml",
                         W + "ins", W + "moveTo"):
                yield from self._paragraphs(child)

    # -- one paragraph ----------------------------------------------------------------
    def _paragraph(self, p, numbered: bool, footnote_refs: bool) -> None:
        ppr = p.find(W + "pPr")
        pstyle_el = ppr.find(W + "pStyle") if ppr is not None else None
        pstyle = pstyle_el.get(W + "val") if pstyle_el is not None else self.styles.default_para
        pieces: list[str] = []
        italics: list[tuple[int, int]] = []
        bold: list[tuple[int, int]] = []
        length = 0
        if numbered:
            label = self._number_label(ppr, pstyle)
            if label:
                pieces.append(label)
                length += len(label)
        line_index = len(self.lines)
        custom_mark: Optional[str] = None  # footnote id waiting for its custom mark text
        for r in self._runs(p, line_index, lambda: length, record=footnote_refs):
            rpr = r.find(W + "rPr")
            it = self._flag(rpr, pstyle, "i")
            bd = self._flag(rpr, pstyle, "b")
            vert = rpr.find(W + "vertAlign") if rpr is not None else None
            superscript = vert is not None and vert.get(W + "val") == "superscript"
            text = []
            mark_from = 0
            for el in r:
                tag = el.tag
                if tag == W + "t":
                    text.append(el.text or "")
                elif tag == W + "tab" or tag == W + "ptab":
                    text.append("\t")
                elif tag in (W + "br", W + "cr"):
                    text.append(" ")
                elif tag == W + "noBreakHyphen":
                    text.append("-")
                elif tag == W + "footnoteReference" and footnote_refs:
                    fid = el.get(W + "id")
                    if el.get(W + "customMarkFollows") in ("1", "true", "on"):
                        custom_mark = fid
                        mark_from = len(text)
                    else:
                        text.append(self._footnote_marker(fid))
                elif tag == W + "commentReference" and footnote_refs:
                    cid = el.get(W + "id")
                    self.comment_start.setdefault(cid, (line_index, self.offset + length))
                    self.comment_end.setdefault(cid, self.offset + length)
            run_text = "".join(text)
            if custom_mark is not None and "".join(text[mark_from:]).strip():
                self._register_footnote(custom_mark, "".join(text[mark_from:]).strip().split()[0])
                custom_mark = None
            if superscript and run_text.isdigit() and not footnote_refs:
                run_text = ""  # a typed footnote number inside a footnote
            if not run_text:
                continue
            a, b = length, length + len(run_text)
            if it:
                italics.append((a, b))
            if bd:
                bold.append((a, b))
            pieces.append(run_text)
            length = b
        if custom_mark is not None:
            self._register_footnote(custom_mark, "*")
        self._emit_line("".join(pieces), italics, bold)

    def _runs(self, el, line_index: int, position, record: bool = True):
        """``w:r`` elements of a paragraph in order; notes comment anchors on the way."""
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "r":
                yield child
            elif not record:
                if tag != W + "p" and len(child):
                    yield from self._runs(child, line_index, position, record)
            elif tag == W + "commentRangeStart":
                self.comment_start[child.get(W + "id")] = (line_index, self.offset + position())
            elif tag == W + "commentRangeEnd":
                self.comment_end[child.get(W + "id")] = self.offset + position()
            elif tag == W + "p":
                continue  # nested paragraphs (text boxes) are not body text
            else:
                yield from self._runs(child, line_index, position, record)

    def _flag(self, rpr, pstyle: Optional[str], tag: str) -> bool:
        value = _onoff(rpr, tag)
        if value is None and rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                value = self.styles.flag(rstyle.get(W + "val"), tag)
        if value is None:
            value = self.styles.flag(pstyle, tag)
        return bool(value)

    def _number_label(self, ppr, pstyle: Optional[str]) -> str:
        num = ppr.find(W + "numPr") if ppr is not None else None
        nid: Optional[str] = None
        ilvl = 0
        style_num = self.styles.num_pr(pstyle)
        if num is not None:
            nid_el = num.find(W + "numId")
            ilvl_el = num.find(W + "ilvl")
            nid = nid_el.get(W + "val") if nid_el is not None else (style_num[0] if style_num else None)
            if ilvl_el is not None:
                ilvl = _int(ilvl_el.get(W + "val"))
            elif style_num:
                ilvl = style_num[1]
        elif style_num:
            nid, ilvl = style_num
        if not nid or nid == "0":
            return ""
        return self.numbering.label(nid, max(0, min(ilvl, 8)))

    def _emit_line(self, text: str, italics, bold) -> None:
        self.lines.append(text)
        base = self.offset
        self.italics.extend((a + base, b + base) for a, b in italics if b > a)
        self.bold.extend((a + base, b + base) for a, b in bold if b > a)
        self.offset += len(text) + 1

    # -- footnotes ------------------------------------------------------------------------
    def _footnote_marker(self, fid: str) -> str:
        if fid not in self.footnote_label:
            label = str(self.next_number)
            self.next_number += 1
            self._register_footnote(fid, label)
        label = self.footnote_label[fid]
        if not label.isdigit():
            return label
        return "".join(SUPERSCRIPT_DIGITS[int(c)] for c in label)

    def _register_footnote(self, fid: str, label: str) -> None:
        if fid in self.footnote_label:
            return
        self.footnote_label[fid] = label
        self.footnote_order.append((fid, label))

    def _footnote_line(self, fid: str, label: str) -> None:
        fn = self.footnote_xml.get(fid)
        texts: list[str] = []
        italics: list[tuple[int, int]] = []
        bold: list[tuple[int, int]] = []
        prefix = label + " "
        if fn is not None:
            # Render each footnote paragraph into a scratch line, then join them with spaces.
            saved = (self.lines, self.italics, self.bold, self.offset)
            for p in fn.findall(W + "p"):
                self.lines, self.italics, self.bold, self.offset = [], [], [], 0
                self._paragraph(p, numbered=False, footnote_refs=False)
                line = self.lines[0]
                body = line.lstrip()
                if not texts and not label.isdigit() and body.startswith(label):
                    body = body[len(label):]  # a custom mark typed at the start of its note ("* State ...")
                body = body.lstrip()
                cut = len(line) - len(body)
                stripped = body.rstrip()
                if not stripped:
                    continue
                base = len(prefix) + sum(len(t) + 1 for t in texts) - cut
                italics += [(max(a + base, len(prefix)), b + base) for a, b in self.italics]
                bold += [(max(a + base, len(prefix)), b + base) for a, b in self.bold]
                texts.append(stripped)
            self.lines, self.italics, self.bold, self.offset = saved
        line = prefix + " ".join(texts)
        limit = len(line)
        self._emit_line(line.rstrip(), [(a, min(b, limit)) for a, b in italics],
                        [(a, min(b, limit)) for a, b in bold])

    # -- comments -------------------------------------------------------------------------
    def _directives(self, lines: list[str]) -> list[tuple[int, int, str]]:
        """Record reslint comments and render them as directives (see the module docstring)."""
        found = []
        for cid, (line_index, start) in self.comment_start.items():
            text = self.comment_text.get(cid, "")
            m = _DIRECTIVE_COMMENT.match(text)
            if not m:
                continue
            end = max(self.comment_end.get(cid, start), start)
            found.append((line_index, start, end, text, m.group(1).lower(), m.group(2)))
        found.sort()
        comments: list[tuple[int, int, int]] = []
        for line_index, start, end, text, action, rest in found:
            codes = " ".join(c for c in re.split(r"[\s,;]+", rest.replace(">", " ").replace("<", " ")) if c)
            directive = f"<!-- reslint: {action}{' ' + codes if codes else ''} -->"
            comments.append((start, end, text))
            if line_index > 0:
                lines[line_index - 1] = lines[line_index - 1] + (" " if lines[line_index - 1] else "") + directive
            else:
                lines[0] = directive + " " + lines[0]
        if not found:
            return []
        # Offsets above were computed before the directives were added: shift them.
        shifted = _shift_for_insertions(self.lines, lines)
        self.italics = [(shifted(a), shifted(b)) for a, b in self.italics]
        self.bold = [(shifted(a), shifted(b)) for a, b in self.bold]
        return [(shifted(a), shifted(b), t) for a, b, t in comments]


def _shift_for_insertions(before: list[str], after: list[str]):
    """Map an offset in "\\n".join(before) to "\\n".join(after), where lines only grew at one end."""
    import bisect

    starts, deltas, prefix_growth = [], [], []
    total = 0
    off = 0
    for old, new in zip(before, after):
        grow = len(new) - len(old)
        front = grow if (grow and new.endswith(old) and not new.startswith(old)) else 0
        starts.append(off)
        deltas.append(total)
        prefix_growth.append(front)
        total += grow
        off += len(old) + 1

    def shift(pos: int) -> int:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0:
            return pos
        return pos + deltas[k] + prefix_growth[k]

    return shift


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out
