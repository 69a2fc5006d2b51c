"""Parse stage: normalized lines -> the document model.

Header lines are read item by item (body, session, agenda item, sponsors,
title); body lines are classified with the structure grammar and assembled
into preambular and operative paragraphs with their sub-paragraphs, the
closing block, annexes and the parts of a composite resolution.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from checker import vocabulary
from checker.grammar import structure as g
from checker.model import (
    Annex,
    AnnexParagraph,
    AuthoringLine,
    Closing,
    Document,
    Footnote,
    FootnoteMarker,
    Header,
    HeaderField,
    Node,
    OperativeParagraph,
    Paragraph,
    ParseProblem,
    PreambularParagraph,
    Span,
    Sponsor,
    SubParagraph,
    TextMap,
    Title,
)
from checker.normalize import LogicalLine, Normalized, _sub_map, normalize
from checker.sources import SourceText

_ROMAN_LEVEL2 = re.compile(r"^[ivxlc]+$")
_MONTH_NUM = {m: i + 1 for i, m in enumerate(vocabulary.MONTHS)}


def parse_text(text: str, path: str = "<text>", fmt: str = "text") -> Document:
    """Parse a text given as a string (tests, rule examples, the language server)."""
    return parse_source(SourceText(path=path, text=text, format=fmt))


def parse_source(source: SourceText) -> Document:
    normalized = normalize(source)
    return _Builder(source, normalized).build()


def iso_date(day: str, month: str, year: str) -> Optional[str]:
    m = _MONTH_NUM.get(month)
    if m is None:
        return None
    return f"{int(year):04d}-{m:02d}-{int(day):02d}"


def _node_from_line(scope: str, address: str, line: LogicalLine) -> Node:
    return Node(scope, address, line.text, line.tmap, list(line.italics), list(line.bold))


class _Builder:
    def __init__(self, source: SourceText, normalized: Normalized):
        self.source = source
        self.n = normalized
        self.doc = Document(path=source.path, source=source.text)
        self.doc.directives = list(normalized.directives)
        self.doc.formatting_known = normalized.formatting_known
        self._counts: dict[tuple[str, str], int] = {}
        # the annex paragraph being read, with its lines ("5. ... shall include:", "(a) ...")
        self._annex_open: Optional[tuple[AnnexParagraph, list[LogicalLine]]] = None

    def _count(self, key: tuple[str, str]) -> int:
        """1-based position of a new paragraph among its siblings (per part)."""
        self._counts[key] = self._counts.get(key, 0) + 1
        return self._counts[key]

    # ------------------------------------------------------------------
    def build(self) -> Document:
        doc = self.doc
        self._header()
        if self.n.authoring is not None:
            auth = self.n.authoring
            m = vocabulary.AUTHORING_LINE.match(auth.text.replace("*", ""))
            doc.authoring = AuthoringLine(
                "authoring", "AUTHORING", auth.text, auth.tmap, list(auth.italics), list(auth.bold),
                body=(m.group("body") if m else auth.text).strip(), has_comma=bool(m and m.group("comma")),
            )
        self._body()
        self._footnotes()
        self._kind()
        self._directive_targets()
        return doc

    # -- header ---------------------------------------------------------------
    def _header(self) -> None:
        h = self.doc.header
        lines = self.n.header
        if not lines:
            return
        h.span = Span(lines[0].span.start, lines[-1].span.end)
        kind_index = None
        last_item = -1
        for i, line in enumerate(lines):
            text = line.text.replace("**", "").strip(" *")
            if not text:
                continue
            if text[:1].isdigit() and len(text) < 24 and h.session is None and "issue_date" not in h.fields:
                # The issue date of the document ("Distr.: Limited" / "7 October 2024"): a draft
                # exists from then on (SES010 dates a draft by it). Not a header item.
                issued = g.match_all(g.adoption_date, text)
                if issued:
                    self._field("issue_date", iso_date(issued["day"], issued["month"], issued["year"]), line)
            if line.furniture:
                sym = g.match_all(g.symbol_line, text)
                if sym and h.symbol is None:
                    self._field("symbol", sym["symbol"].rstrip(" *"), line)
                    h.symbol = sym["symbol"].replace(" ", "").rstrip("*") if "*" in sym["symbol"] else sym["symbol"]
                dist = g.match(g.distribution_line, text)
                if dist:
                    h.distribution = dist["distribution"].capitalize()
                    self._field("distribution", h.distribution, line)
                last_item = i
                continue
            if h.body in (None, "General Assembly", "Economic and Social Council"):
                body = g.match_body_name(text)
                if body is not None and h.body is not None and \
                        vocabulary.body_from_name(body) not in ("Human Rights Council", "Commission on Human Rights"):
                    body = None
                if body is not None:
                    h.body = vocabulary.body_from_name(body)
                    self._field("body", h.body, line)
                    rest = text[len(body):].strip()
                    if rest:
                        self._session(rest, line, offset=line.text.find(rest))
                    last_item = i
                    continue
            if h.session is None and h.session_text is None and self._session(text, line):
                last_item = i
                continue
            committee = g.match_all(g.committee_line, text)
            if committee:
                h.committee = committee["committee"]
                self._field("committee", h.committee, line)
                last_item = i
                continue
            agenda = g.match(g.agenda_item_line, text)
            if agenda and h.agenda_item is None and len(text) < 200:
                h.agenda_item = agenda["item"].strip()
                self._field("agenda_item", h.agenda_item, line)
                last_item = i
                # the agenda title follows on the next lines, up to the sponsors or kind line
                continue
            adopted = g.match(g.adoption_line, text)
            if adopted:
                h.adoption_line = text
                self._field("adoption_line", text, line)
                if adopted.get("date"):
                    h.adoption_date = self._iso(adopted["date"])
                elif i + 1 < len(lines):
                    nxt = g.match(g.adoption_date, lines[i + 1].text.replace("on ", "", 1).strip())
                    if nxt:
                        h.adoption_date = iso_date(nxt["day"], nxt["month"], nxt["year"])
                last_item = i
                continue
            sc = g.match(g.sc_resolution_line, text)
            if sc and h.body in (None, "Security Council"):
                h.body = h.body or "Security Council"
                self._field("sc_number", f"{sc['number']} ({sc['year']})", line)
                last_item = i
                continue
            if vocabulary.KIND_LINE.search(text) and kind_index is None and not text.startswith("["):
                kind_index = i
                last_item = i
                continue
            if h.session_dates is None and h.session is not None and re.match(r"^\d{1,2}(?:\s+[A-Z][a-z]+)?\s*[–\-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}", text):
                h.session_dates = text
                self._field("session_dates", text, line)
                last_item = i
                continue
        self._sponsors(lines, kind_index)
        self._title(lines, kind_index, last_item)
        self.doc.header_node = self._header_node(lines)

    def _field(self, name: str, value: str, line: LogicalLine) -> None:
        self.doc.header.fields[name] = HeaderField(name, value, line.span)

    def _iso(self, text: str) -> Optional[str]:
        m = g.match(g.adoption_date, text)
        return iso_date(m["day"], m["month"], m["year"]) if m else None

    def _session(self, text: str, line: LogicalLine, offset: int = 0) -> bool:
        from checker.grammar.sessions import header_session

        if "session" not in text.lower() or len(text) > 80:
            return False
        try:
            number, kind = header_session(text)
        except Exception:  # the session grammar must never break the header
            number, kind = None, None
        if number is None and kind is None and not re.search(r"(?i)\bsession\b", text):
            return False
        h = self.doc.header
        h.session, h.session_kind, h.session_text = number, kind, text
        span = line.tmap.span(max(offset, 0), len(line.text))
        h.fields["session"] = HeaderField("session", text, span)
        return True

    def _sponsors(self, lines: list[LogicalLine], kind_index: Optional[int]) -> None:
        if kind_index is None:
            return
        h = self.doc.header
        first = kind_index
        # the sponsor list is the block of lines that ends with the kind line; a line that
        # ends with "," or "and" continues the list even across a blank line (double spacing)
        while first > 0 and (lines[first].blank_before == 0 or _LIST_GOES_ON.search(lines[first - 1].text)) \
                and not lines[first - 1].furniture \
                and kind_index - first < 12 and not g.match(g.agenda_item_line, lines[first - 1].text) \
                and not g.match(g.committee_line, lines[first - 1].text):
            first -= 1
        if any(ln.blank_before for ln in lines) is False:
            first = kind_index
        text, tmap = _join_lines(lines[first:kind_index + 1], " ")
        h.kind_line = text
        self.doc.header.fields["kind_line"] = HeaderField("kind_line", text, tmap.span(0, len(text)))
        m = re.match(r"^(?P<names>.+?)\s*:\**\s*(?:draft|amendment|revised)", text, re.I)
        if m is None:
            return
        names = m.group("names")
        for sm in re.finditer(r"[^,]+", names):
            chunk = sm.group(0)
            pieces = _split_and(chunk)
            base = sm.start()
            for piece_start, piece in pieces:
                name = piece.strip()
                if name.startswith("*") and h.sponsors:
                    # "Latvia,* Lithuania": the asterisk after the comma belongs to Latvia
                    stars = len(name) - len(name.lstrip("*"))
                    h.sponsors[-1].non_member = True
                    star = base + piece_start + (len(piece) - len(piece.lstrip()))
                    self.doc.markers.append(FootnoteMarker("*" * stars, tmap.span(star, star + stars), "HEADER", "asterisk"))
                    piece_start += (len(piece) - len(piece.lstrip())) + stars
                    piece = piece.lstrip()[stars:]
                    name = piece.strip()
                non_member = name.endswith("*")
                clean = name.rstrip("*").strip()
                if not clean or clean.lower().startswith("draft"):
                    continue
                start = base + piece_start + (len(piece) - len(piece.lstrip()))
                h.sponsors.append(vocabulary_sponsor(clean, non_member, tmap.span(start, start + len(name))))
                if non_member:
                    stars = len(name) - len(name.rstrip("*"))
                    star = start + len(name) - stars
                    self.doc.markers.append(FootnoteMarker("*" * stars, tmap.span(star, star + stars), "HEADER", "asterisk"))

    def _title(self, lines: list[LogicalLine], kind_index: Optional[int], last_item: int) -> None:
        start = None
        for i, line in enumerate(lines):
            if line.furniture:
                continue
            if g.match(g.title_number, line.text.lstrip("* ")):
                start = i
        if start is None:
            after = kind_index if kind_index is not None else last_item
            if after is None or after + 1 >= len(lines):
                return
            start = after + 1
            if kind_index is not None:
                start = vocabulary.kind_line_end([ln.text for ln in lines], start)  # the rest of the kind line
        chosen = [ln for ln in lines[start:] if not ln.furniture and not ln.text.startswith("[")
                  and not _ADOPTION_LINE.match(ln.text)]
        # "A" alone after the title opens part A of a composite text: the title ends there
        cut = next((k for k, ln in enumerate(chosen) if k and g.match_all(g.part_letter, ln.text.strip("*# "))), None)
        if cut is not None:
            chosen = chosen[:cut]
        if not chosen:
            return
        text, tmap = _join_lines(chosen, " ")
        number = g.match(g.title_number, text.lstrip("* "))
        title = Title("title", "TITLE", text, tmap)
        if number is not None:
            title.number = number["number"]
            title.placeholder = bool(re.search(r"(\.\.|…|_|x|X|\[)", title.number.split("/")[-1]))
            head = title.number.split("/")[0]
            if head.isdigit() and len(head) <= 2:
                title.number_session = int(head)
        self.doc.title = title

    def _header_node(self, lines: list[LogicalLine]) -> Optional[Node]:
        kept = [ln for ln in lines if not ln.furniture]
        if not kept:
            return None
        text, tmap = _join_lines(kept, "\n")
        return Node("header", "HEADER", text, tmap)

    # -- body -------------------------------------------------------------------
    def _body(self) -> None:
        doc = self.doc
        state = "preamble"
        current: Optional[Paragraph] = None
        pending: list[LogicalLine] = []  # lines of the current paragraph
        part = ""
        closing_lines: list[LogicalLine] = []
        annex: Optional[Annex] = None
        part_title_lines: list[LogicalLine] = []
        expect_part_letter: Optional[str] = None
        letter_before: Optional[str] = None  # a part letter line not yet followed by a paragraph
        # "The General Assembly, recalling ..., decides ...": a decision written as one sentence
        one_sentence = False

        def flush() -> None:
            nonlocal current, pending
            if current is not None and pending:
                self._finish_paragraph(current, pending)
            current, pending = None, []

        body = self.n.body
        # pp_follows[i]: a preambular opener comes after line i before any numbered paragraph
        pp_follows = [False] * (len(body) + 1)
        # numbered_follows[i]: a numbered paragraph comes after line i before the closing
        numbered_follows = [False] * (len(body) + 1)
        # What this pass learns of each line is kept for the main loop, which reads the
        # same text unless a negotiation label comes off it: plain text, number, closing.
        plains: list[str] = [""] * len(body)
        numbers: list = [None] * len(body)
        closings: list[Optional[bool]] = [None] * len(body)  # None: not looked at
        for i in range(len(body) - 1, -1, -1):
            t = body[i].text
            t = plains[i] = (t.replace("**", "") if "*" in t else t).lstrip("*_ ")
            number = numbers[i] = g.match(g.paragraph_number, t) if t[:1].isdigit() else None
            numbered = bool(number)
            if numbered or _is_closing(closings, i, t):
                pp_follows[i] = False
                numbered_follows[i] = numbered
            else:
                pp_follows[i] = pp_follows[i + 1] or vocabulary.starts_with_opener(t, strict=True)
                numbered_follows[i] = numbered_follows[i + 1]
        for line_no, line in enumerate(body):
            plain = plains[line_no]
            label = vocabulary.NEGOTIATION_PREFIX.match(plain)
            if label:
                plain = plain[label.end():].lstrip("*_ ")
            # a new part of a composite resolution: "B" ... "The General Assembly," (or, after
            # the part's letter, "General Assembly," without its article: STR001's to report)
            new_part_line = state in ("closing", "operative") and (
                (plain.startswith("The ") and vocabulary.AUTHORING_LINE.match(plain))
                or ((expect_part_letter or letter_before) and not plain.startswith("The ")
                    and vocabulary.AUTHORING_LINE.match("The " + plain)))
            if new_part_line:
                flush()
                self._close(closing_lines)
                closing_lines = []
                # the letter written just before ("B" / "The General Assembly,"), else the next one
                if letter_before and any(p.part == letter_before for p in doc.preamble + doc.operative):
                    letter_before = None  # that letter already has paragraphs: it is not this part's
                new_part = expect_part_letter or letter_before or (chr(ord(doc.parts[-1]) + 1) if doc.parts else "B")
                first_part = chr(ord(new_part) - 1) if "A" < new_part <= "H" else "A"
                if any(not p.part for p in doc.preamble + doc.operative):
                    self._prefix_part(first_part)  # the first part had no letter line of its own
                    if first_part not in doc.parts:
                        doc.parts.insert(0, first_part)
                part = new_part
                if part not in doc.parts:
                    doc.parts.append(part)
                expect_part_letter = letter_before = None
                state = "preamble"
                m = vocabulary.AUTHORING_LINE.match(plain if plain.startswith("The ") else "The " + plain)
                doc.part_authoring.append(AuthoringLine(
                    "authoring", f"{part}.AUTHORING", line.text, line.tmap, list(line.italics), list(line.bold),
                    body=m.group("body").strip(), has_comma=bool(m.group("comma"))))
                continue
            if len(plain) <= 3 and g.match_all(g.part_letter, plain) and annex is None:
                letter = plain.strip(" .")
                if state == "closing":
                    expect_part_letter = letter
                else:
                    # sections A, B ... under one authoring line restart the numbering
                    flush()
                    part = letter_before = letter
                    if letter not in doc.parts:
                        doc.parts.append(letter)
                continue
            heading = g.match(g.annex_heading, plain) if plain[:5].lower() in ("annex", "appen") else None
            if heading and (state in ("closing", "operative", "annex") or plain.isupper()) and len(plain) < 300 and not plain.rstrip().endswith((";", ",")):
                flush()
                self._finish_annex_paragraph()
                self._close(closing_lines)
                closing_lines = []
                number = heading.get("number")
                address = "ANNEX" + (f"-{number}" if number else "")
                head_node = _node_from_line("annex", address, line)
                annex = Annex(address, (heading.get("title") or "").strip(), line.span, heading=head_node)
                doc.annexes.append(annex)
                state = "annex"
                continue
            if state == "annex":
                self._annex_line(annex, line)
                continue
            closing = vocabulary.is_closing_line(plain) if label else _is_closing(closings, line_no, plain)
            if closing and (state in ("operative", "closing") or len(plain) < 60):
                if state == "preamble" and not g.match(g.meeting_line, plain):
                    pass
                else:
                    flush()
                    closing_lines.append(line)
                    state = "closing"
                    continue
            if state == "closing":
                # text after the closing lines that is not an annex: keep as closing text
                if expect_part_letter is None and not g.match_all(g.part_letter, plain):
                    closing_lines.append(line)
                continue
            if label:
                number = g.match(g.paragraph_number, plain) if plain[:1].isdigit() else None
            else:
                number = numbers[line_no]
            if number is None and plain[:1].isdigit() and isinstance(current, OperativeParagraph):
                number = _number_without_full_stop(plain, current)
            sub = g.match(g.subparagraph_label, plain) if plain[:1] == "(" else None
            if number is not None:
                flush()
                last = doc.operative[-1] if doc.operative else None
                intro = (last is not None and last.part == part and last.number is None
                         and self._counts.get(("OP", part)) == 1)
                if intro and doc.operative and doc.operative_intro is None:
                    # an unnumbered chapeau introducing the numbered paragraphs
                    doc.operative_intro = doc.operative.pop()
                    self._counts[("OP", part)] -= 1
                    doc.operative_intro.address = (f"{part}." if part else "") + "OP-INTRO"
                state = "operative"
                current = OperativeParagraph("operative-paragraph", "", "", line.tmap, number=int(number["number"]), part=part)
                pending = [line]
                continue
            if sub is not None and current is not None:
                if not pp_follows[line_no + 1] and not numbered_follows[line_no + 1] \
                        and self._starts_lettered_operative(current, plain, sub):
                    # A decision's operative part lettered (a), (b) after the preamble.
                    flush()
                    state = "operative"
                    current = OperativeParagraph("operative-paragraph", "", "", line.tmap, part=part)
                    current.lettered = True
                    pending = [line]
                    continue
                pending.append(line)
                continue
            # (each test below is made only where its answer is read: most lines are
            # preambular paragraphs in the preamble, numbered ones after it)
            if state == "preamble":
                if plain[:1].islower() and doc.authoring is not None and (
                        one_sentence or (current is None and not doc.preamble and not doc.operative)) \
                        and not numbered_follows[line_no + 1] and not pp_follows[line_no + 1]:
                    # The authoring line's sentence goes on in lower case: its participles are
                    # the preamble, and the operative part starts at the first operative verb.
                    one_sentence = True
                    cut = _operative_part(line.text)
                    if cut is not None:
                        flush()
                        preamble_end, operative_start = cut
                        if preamble_end:
                            current = PreambularParagraph("preambular-paragraph", "", "", line.tmap, part=part)
                            pending = [_cut_line(line, 0, preamble_end)]
                            flush()
                        state = "operative"
                        current = OperativeParagraph("operative-paragraph", "", "", line.tmap, part=part)
                        pending = [_cut_line(line, operative_start, len(line.text))]
                        continue
                if not vocabulary.starts_with_opener(plain):
                    # "Underlines ...," just before paragraph 1 is a preambular paragraph with a
                    # wrong opening (STR005), not the operative part: it ends with a comma.
                    # (the comma is at most six characters from the end: search only there)
                    misplaced = numbered_follows[line_no + 1] and _PREAMBLE_END.search(plain, max(len(plain) - 6, 0))
                    if not pp_follows[line_no + 1] and not misplaced and vocabulary.starts_with_operative(plain, loose=True):
                        flush()
                        state = "operative"
                        current = OperativeParagraph("operative-paragraph", "", "", line.tmap, part=part)
                        pending = [line]
                        continue
                    if _short_unpunctuated(plain):
                        if not pending and doc.preamble == [] and part_title_lines is not None and part:
                            continue
                        if _looks_like_heading(plain):
                            continue
                flush()
                current = PreambularParagraph("preambular-paragraph", "", "", line.tmap, part=part)
                pending = [line]
                continue
            # operative state, an unnumbered line
            if _short_unpunctuated(plain) and _looks_like_heading(plain):
                flush()
                continue
            if (current is None or current.number is None or label) and vocabulary.starts_with_operative(plain, loose=True):
                # a new unnumbered paragraph (or one inserted in negotiation: "OP7 bis Urges ...")
                flush()
                current = OperativeParagraph("operative-paragraph", "", "", line.tmap, part=part)
                pending = [line]
                continue
            if current is not None:
                pending.append(line)  # continuation after a page break or an unlabelled item
            else:
                current = OperativeParagraph("operative-paragraph", "", "", line.tmap, part=part)
                pending = [line]
        flush()
        self._finish_annex_paragraph()
        self._close(closing_lines)

    @staticmethod
    def _starts_lettered_operative(current: Paragraph, plain: str, sub) -> bool:
        """Is a lettered line "(a) Decides ..." an operative paragraph of its own, not a sub-item?

        So it is after a preambular paragraph or another lettered operative
        paragraph, when it opens with an operative verb in the present tense and
        (the caller checks) no preambular or numbered paragraph follows: items in
        the middle of a preamble quote another text ("... inter alia: (a) Calls upon")."""
        if isinstance(current, OperativeParagraph) and not current.lettered:
            return False
        if not re.fullmatch(r"[a-z]", sub.get("label") or ""):
            return False
        rest = plain[plain.find(")") + 1:].lstrip("*_ ")
        return vocabulary.starts_with_operative(rest) and not vocabulary.starts_with_opener(rest, strict=True)

    def _prefix_part(self, letter: str) -> None:
        for p in self.doc.preamble + self.doc.operative:
            if not p.part:
                p.part = letter
                p.address = f"{letter}.{p.address}"
                for sub in p.all_subparagraphs():
                    sub.address = f"{letter}.{sub.address}"

    def _finish_paragraph(self, para: Paragraph, lines: list[LogicalLine]) -> None:
        """Compose the paragraph's text from its lines and split off sub-paragraphs."""
        text, tmap, italics, bold, starts = _compose(lines)
        para.text, para.tmap, para.italics, para.bold = text, tmap, italics, bold
        first = lines[0].text
        lead = len(first) - len(first.lstrip("*_ "))
        operative = isinstance(para, OperativeParagraph)
        if operative and para.number is not None:
            prefix = vocabulary.NEGOTIATION_PREFIX.match(first)
            m = _OP_NUMBER.match(first, prefix.end() if prefix else 0)
            if m:
                # "25" when the full stop is missing, "25)" when a parenthesis stands for it
                para.label = m.group(1) + {None: "", ")": ")"}.get(m.group(2), ".")
                para.body_start = m.end()
        elif operative and para.lettered:
            m = _OP_LETTER.match(first)
            if m:
                para.label = m.group(1)
                para.body_start = m.end()
        else:
            prefix = vocabulary.NEGOTIATION_PREFIX.match(first, lead)  # "PP5 bis Welcoming ..."
            para.body_start = len(first) - len(first[prefix.end():].lstrip("*_ ")) if prefix else lead
        para.chapeau_end = starts[1] - 1 if len(starts) > 1 else len(text)
        chapeau = _strip_marks(text[para.body_start:para.chapeau_end])
        if chapeau[:1].islower():
            # "also decides", "taking note of" in a one-sentence decision: the phrase a
            # paragraph opening with it would have, in the case it is written in
            opening = vocabulary.opening_phrase(chapeau[:1].upper() + chapeau[1:], operative)
            para.opening = opening[:1].lower() + opening[1:]
        else:
            para.opening = vocabulary.opening_phrase(chapeau, operative)
        if len(lines) > 1:
            self._subparagraphs(para, lines, starts)
        if isinstance(para, PreambularParagraph):
            self.doc.preamble.append(para)
            para.index = self._count(("PP", para.part))
            para.address = f"PP{para.index}"
        else:
            self.doc.operative.append(para)  # type: ignore[arg-type]
            para.index = self._count(("OP", para.part))
            para.address = f"OP{para.number if para.number is not None else para.index}"
            inserted = vocabulary.NEGOTIATION_PREFIX.match(first, lead) if para.number is None else None
            if inserted and inserted.group(0).lstrip("[(").upper().startswith("OP") and len(self.doc.operative) > 1:
                # "OP7 bis Urges ..." among numbered paragraphs: it is addressed by its label
                para.address = re.sub(r"[^A-Za-z0-9]", "", inserted.group(0)).replace("op", "OP")
        if para.part:
            para.address = f"{para.part}.{para.address}"
        if para.subparagraphs:
            for sub in para.all_subparagraphs():
                sub.address = para.address + sub.address

    def _subparagraphs(self, para: Paragraph, lines: list[LogicalLine], starts: list[int]) -> None:
        level1: Optional[SubParagraph] = None
        last_level1_label = ""
        for k, line in enumerate(lines[1:], start=1):
            t = line.text
            m = _SUB_LABEL.match(t)
            if m is None:
                # continuation text of the previous item (page break)
                continue
            label = m.group("label")
            level = 1
            if _ROMAN_LEVEL2.match(label) and level1 is not None and not _is_next_letter(last_level1_label, label):
                level = 2
            end = starts[k + 1] - 1 if k + 1 < len(starts) else len(para.text)
            sub = SubParagraph("subparagraph", f"({label})", para.text[starts[k]:end],
                               _slice_map(para.tmap, starts[k], end), label=label, level=level,
                               body_start=m.end(), parent=para)
            sub.italics = [(a - starts[k], b - starts[k]) for a, b in para.italics if a >= starts[k] and b <= end]
            if level == 1:
                para.subparagraphs.append(sub)
                level1 = sub
                last_level1_label = label
            else:
                sub.address = f"{level1.address}({label})" if level1 else sub.address
                sub.enclosing = level1
                level1.children.append(sub)  # type: ignore[union-attr]
        # addresses are completed with the paragraph address by the caller
        for s1 in para.subparagraphs:
            for s2 in s1.children:
                s2.address = s2.address if s2.address.startswith(s1.address) else s1.address + s2.address

    def _annex_line(self, annex: Optional[Annex], line: LogicalLine) -> None:
        """One line of an annex: a paragraph (numbered or not), or a lettered item of the last one."""
        if annex is None:
            return
        number = g.match(g.paragraph_number, line.text)
        if number is not None:
            self._finish_annex_paragraph()
            idx = len(annex.paragraphs) + 1
            para = AnnexParagraph("annex", f"{annex.address}.{number['number']}", line.text, line.tmap,
                                  list(line.italics), list(line.bold), number=int(number["number"]), index=idx)
            para.body_start = len(line.text) - len(line.text[line.text.find(".") + 1:].lstrip())
            para.chapeau_end = len(line.text)
            annex.paragraphs.append(para)
            self._annex_open = (para, [line])
        elif annex.paragraphs and g.match(g.subparagraph_label, line.text):
            # "(a) Protection ...;" under "5. ... shall include:" (the open paragraph is the last one)
            self._annex_open[1].append(line)  # type: ignore[index]
        else:
            self._finish_annex_paragraph()
            idx = len(annex.paragraphs) + 1
            para = AnnexParagraph("annex", f"{annex.address}.P{idx}", line.text, line.tmap, list(line.italics),
                                  list(line.bold), index=idx)
            para.chapeau_end = len(line.text)
            annex.paragraphs.append(para)
            self._annex_open = (para, [line])
        annex.span = Span(annex.span.start, max(annex.span.end, line.span.end))

    def _finish_annex_paragraph(self) -> None:
        """Join an annex paragraph with its lettered items and split them off as in the body
        ("ANNEX.5(b)"). Its chapeau stays the first line."""
        if self._annex_open is None:
            return
        para, lines = self._annex_open
        self._annex_open = None
        if len(lines) == 1:
            return  # (the paragraph already holds its one line)
        para.text, para.tmap, para.italics, para.bold, starts = _compose(lines)
        self._subparagraphs(para, lines, starts)
        for sub in para.all_subparagraphs():
            sub.address = para.address + sub.address

    def _close(self, lines: list[LogicalLine]) -> None:
        if not lines:
            return
        text, tmap = _join_lines(lines, "\n")
        closing = Closing("closing", "CLOSING", text, tmap)
        for line in lines:
            meeting = g.match(g.meeting_line, line.text)
            if meeting is not None and closing.meeting is None:
                mm = re.match(r"\d+\w*\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting", line.text)
                closing.meeting = mm.group(0) if mm else line.text
                if meeting.get("date"):
                    closing.date = iso_date(meeting["day"], meeting["month"], meeting["year"])
                continue
            date = g.match_all(g.date_line, line.text)
            if date is not None and closing.date is None:
                closing.date = iso_date(date["day"], date["month"], date["year"])
                continue
            note = g.match(g.adoption_note, line.text)
            if note is not None and closing.adoption is None:
                closing.adoption = line.text
                dm = re.search(r"(?:on\s+)?(\d{1,2})\s+(" + vocabulary.MONTHS_RE + r")\s+(\d{4})", line.text)
                if dm and closing.date is None:
                    closing.date = iso_date(dm.group(1), dm.group(2), dm.group(3))
                mm = re.search(r"\d+(?:st|nd|rd|th)\s+meeting", line.text)
                if mm and closing.meeting is None:
                    closing.meeting = mm.group(0)
        if self.doc.closing is None:
            self.doc.closing = closing

    # -- footnotes --------------------------------------------------------------------
    def _footnotes(self) -> None:
        doc = self.doc
        for label, line in self.n.footnotes:
            text = line.text
            doc.footnotes.append(Footnote("footnote", f"FN{label}", text, line.tmap, list(line.italics),
                                          list(line.bold), label=label))
        # (start, address) of every body node and sub-paragraph, in text order
        starts: list[tuple[int, str]] = []
        for node in doc.text_nodes() if self.n.markers else ():  # (only markers need them)
            if isinstance(node, Footnote):
                continue
            starts.append((node.tmap.to_original(0), node.address))
            if isinstance(node, Paragraph) and node.subparagraphs:
                starts.extend((sub.tmap.to_original(0), sub.address) for sub in node.all_subparagraphs())
        starts.sort()
        keys = [s for s, _ in starts]
        for marker in self.n.markers:
            # the node the marker sits in, or follows directly (a marker ending a paragraph)
            k = bisect.bisect_right(keys, marker.span.start) - 1
            address = starts[k][1] if k >= 0 else "DOCUMENT"
            doc.markers.append(FootnoteMarker(marker.label, marker.span, address, marker.style))
        doc.markers.sort(key=lambda m: m.span.start)
        by_label = {f.label: f for f in doc.footnotes}
        for marker in doc.markers:
            fn = by_label.get(marker.label)
            if fn is not None:
                fn.markers.append(marker)

    # -- kind --------------------------------------------------------------------------
    def _kind(self) -> None:
        doc = self.doc
        h = doc.header
        header_text = " ".join(ln.text for ln in self.n.header)
        kind_line = h.kind_line or ""
        low = kind_line.lower()
        if re.search(r"\bamendments?\b", low):
            doc.kind = "amendment"
        elif "draft decision" in low:
            doc.kind = "draft-decision"
        elif "draft resolution" in low:
            doc.kind = "draft-resolution"
        elif re.search(r"\bDecision\s+adopted\s+by\b", header_text):
            doc.kind = "decision"
        elif re.search(r"\bResolution\s+adopted\s+by\b|\bResolution\s*:\s*\d|^Resolution\s+\d+\s*\(\d{4}\)", header_text, re.M) \
                or _ADOPTED_TEXT.search(header_text):
            doc.kind = "resolution"
        elif doc.authoring is not None and h.symbol and "/L." in h.symbol:
            doc.kind = "draft-resolution"
        elif doc.authoring is not None:
            if doc.closing is not None or (doc.title is not None and doc.title.number and not doc.title.placeholder):
                doc.kind = "resolution"
            else:
                doc.kind = "draft-resolution"
        else:
            openers = sum(1 for p in doc.preamble if vocabulary.starts_with_opener(p.body))
            verbs = sum(1 for p in doc.operative if vocabulary.starts_with_operative(p.body))
            doc.kind = "draft-resolution" if (verbs >= 2 and (openers >= 1 or verbs >= 3)) or (openers >= 2 and verbs >= 1) else "not-a-resolution"
        if h.body is None and doc.authoring is not None:
            h.body = vocabulary.body_from_name(doc.authoring.body)
        if doc.kind == "not-a-resolution":
            doc.preamble, doc.operative = [], []
            doc.problems.append(ParseProblem(
                "PRS003", "The text does not read as a resolution or decision (no authoring line, preambular or operative paragraphs)",
                Span(0, min(len(doc.source), 1)), "DOCUMENT"))
            return
        if doc.authoring is None and doc.kind not in ("amendment", "draft-decision", "decision"):
            first = next(iter(doc.paragraphs()), None)
            span = first.span if first is not None else Span(0, 1)
            doc.problems.append(ParseProblem(
                "PRS001", "No authoring line: the text should open with the name of the organ, e.g. \"The General Assembly,\"",
                Span(span.start, span.start), first.address if first else "DOCUMENT"))

    def _directive_targets(self) -> None:
        """``ignore`` applies to the next paragraph after the comment; ``ignore-file`` to all."""
        if not self.doc.directives:
            return  # (sorting every node by its span was most of this step)
        nodes = sorted(self.doc.text_nodes(), key=lambda n: n.span.start)
        for d in self.doc.directives:
            if d.action == "ignore-file":
                d.target = Span(0, len(self.doc.source))
                continue
            nxt = next((n for n in nodes if n.span.start >= d.span.end), None)
            if nxt is not None:
                d.target = nxt.span


_OP_NUMBER = re.compile(r"[*_]*(\d{1,3})(\s?\.|\))?[*_]*\s+")
_OP_LETTER = re.compile(r"[*_]*(\([a-z]\))[*_]*\s+")
_SUB_LABEL = re.compile(r"[*_]*\((?P<label>[a-z]{1,2}|[ivxlc]{1,7}|\d{1,2})\)[*_]*\s*")
_ENDS_PUNCTUATED = re.compile(r"[.,;:]\s*\**$")
# ", decides", ",¹ also requests": a comma (and a footnote marker) before the next clause
_CLAUSE_BREAK = re.compile(r",[*_\u00b9\u00b2\u00b3\u2070-\u2079\d]{0,4}\s+(?=[*_]*[a-z])")


def _starts_lower_operative(text: str, at: int = 0) -> bool:
    """"decides", "also requests", "takes note": an operative verb in the lower case of a sentence."""
    head = text[at:at + 60].lstrip("*_")
    return head[:1].islower() and vocabulary.starts_with_operative(head[:1].upper() + head[1:])


def _operative_part(text: str) -> Optional[tuple[int, int]]:
    """Where a one-sentence decision's operative part starts: (end of the participial part, start of
    the operative part), or None when no clause opens with an operative verb.

    "recalling its resolution 36/28, decides:" -> the preamble ends with the comma and the
    operative part opens with "decides"; "decides to include ..." has no preamble: (0, 0)."""
    if _starts_lower_operative(text):
        return 0, 0
    for m in _CLAUSE_BREAK.finditer(text):
        if _starts_lower_operative(text, m.end()):
            return m.start() + len(m.group(0).rstrip()), m.end()
    return None


def _cut_line(line: LogicalLine, start: int, end: int) -> LogicalLine:
    """``line.text[start:end]`` as a line of its own, its map and emphasis cut with it."""
    def cut(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(max(a, start) - start, min(b, end) - start) for a, b in ranges if a < end and b > start]
    return LogicalLine(line.text[start:end], line.tmap.slice(start, end), cut(line.italics), cut(line.bold),
                       line.indent, line.blank_before, line.line_no, line.furniture)


def _compose(lines: list[LogicalLine]):
    """The lines of a paragraph as one text joined by "\\n": (text, map, italics, bold, line starts).

    Builds what ``TextBuilder`` would (add_mapped per line, add_synthetic for each
    "\\n"), without one: this runs for every paragraph. A paragraph of one line
    (nearly all of them) keeps that line's map when the built one would be equal
    (maps never change after building)."""
    if len(lines) == 1:
        tmap = lines[0].tmap
        # (the end TextBuilder.build() gives follows on from the last segment)
        if tmap.length == len(lines[0].text) and tmap.end_original == tmap.open_end():
            return lines[0].text, tmap, list(lines[0].italics), list(lines[0].bold), [0]
    parts: list[str] = []
    text_starts: list[int] = []
    orig_starts: list[int] = []
    italics: list[tuple[int, int]] = []
    bold: list[tuple[int, int]] = []
    starts: list[int] = []
    length = 0
    for line in lines:
        tmap = line.tmap
        if length:
            text_starts.append(length)
            orig_starts.append(tmap.to_original(0) - 1 if tmap.length else tmap.end_original)
            parts.append("\n")
            length += 1
        base = length
        starts.append(base)
        tmap.add_starts(text_starts, orig_starts, base)
        italics.extend([(a + base, b + base) for a, b in line.italics])
        bold.extend([(a + base, b + base) for a, b in line.bold])
        parts.append(line.text)
        length += len(line.text)
    # TextBuilder.build(): the end follows on from the last segment
    end = orig_starts[-1] + (length - text_starts[-1]) if text_starts else 0
    return "".join(parts), TextMap.from_starts(text_starts, orig_starts, length, end), italics, bold, starts


def _join_lines(lines, separator: str):
    """Lines (text + map) joined into one text; the separator maps to the line break.

    Builds what ``TextBuilder`` would (add_mapped per line, add_synthetic for the
    separator), as ``_compose`` does: from the maps' starts, without pairs of them."""
    parts: list[str] = []
    text_starts: list[int] = []
    orig_starts: list[int] = []
    length = 0
    for line in lines:
        tmap = line.tmap
        if length:
            before = tmap.to_original(0) - 1
            for _ in separator:  # (add_synthetic: a segment for each character)
                text_starts.append(length)
                orig_starts.append(before)
                length += 1
            parts.append(separator)
        tmap.add_starts(text_starts, orig_starts, length)
        parts.append(line.text)
        length += len(line.text)
    # TextBuilder.build(): the end follows on from the last segment
    end = orig_starts[-1] + (length - text_starts[-1]) if text_starts else 0
    return "".join(parts), TextMap.from_starts(text_starts, orig_starts, length, end)


def _split_and(chunk: str) -> list[tuple[int, str]]:
    """'Sweden* and United Kingdom' -> [(0, 'Sweden*'), (12, 'United Kingdom')]."""
    out = []
    prev = 0
    for m in re.finditer(r"\s+and\s+(?=[A-Z])", chunk):
        left = chunk[prev:m.start()]
        # keep "Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda" together
        if left.strip().split()[-1:] and left.strip().split()[-1].rstrip("*") in _AND_COUNTRIES_LEFT:
            continue
        out.append((prev, left))
        prev = m.end()
    out.append((prev, chunk[prev:]))
    return out


_AND_COUNTRIES_LEFT = {"Trinidad", "Bosnia", "Antigua", "Kitts", "Principe", "Príncipe", "Grenadines", "Vincent",
                       "Britain", "Heard", "Turks", "Wallis", "Saint", "Tome", "Tomé"}


def vocabulary_sponsor(name: str, non_member: bool, span: Span):
    return Sponsor(name, non_member, span)


# An adopted text's header: "Adopted by the Security Council at its 9876th meeting", the
# masthead symbol "S/RES/2812 (2026)", "RESOLUTION 799 (1992)", "171 (1962). Resolution of ...".
_ADOPTED_TEXT = re.compile(r"\bAdopted\s+by\s+the\s+[A-Z][\w ]{2,60}?\s+at\s+its\b|(?:^|\s)(?:[AES]/(?:HRC/)?RES/|S/RES/)\d"
                           r"|^(?i:resolution)\s+\d{1,4}\s*\(\d{4}\)|^\d{1,4}\s*\(\d{4}\)\.\s*Resolution\s+of", re.M)
# "Adopted by the Security Council at its 9876th meeting, on" / "14 May 2026": not a title
_ADOPTION_LINE = re.compile(r"^(?:Adopted\s+by\b|(?:on\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$)")
_LIST_GOES_ON = re.compile(r"(?:,|\band)\**\s*$")
_PREAMBLE_END = re.compile(r",[\s*_\u00b9\u00b2\u00b3\u2070-\u2079\d]{0,4}$")


def _is_closing(cache: list[Optional[bool]], i: int, text: str) -> bool:
    """``vocabulary.is_closing_line(text)``, remembered in ``cache[i]``."""
    found = cache[i]
    if found is None:
        found = cache[i] = vocabulary.is_closing_line(text)
    return found


def _number_without_full_stop(plain: str, current: OperativeParagraph) -> Optional[dict]:
    """ "25 Condemns ..." right after paragraph 24: a numbered paragraph whose full stop was dropped.

    Only the next number followed by an operative verb counts, so that a wrapped
    line starting with a figure ("25 per cent of ...") stays a continuation."""
    m = vocabulary.NUMBER_WITHOUT_STOP.match(plain)
    if m is None or current.number is None or int(m["number"]) != current.number + 1:
        return None
    return {"number": m["number"]} if vocabulary.starts_with_operative(plain[m.end():]) else None


def _short_unpunctuated(plain: str) -> bool:
    """A short line without final punctuation: a heading, perhaps."""
    return len(plain) < 160 and not _ENDS_PUNCTUATED.search(plain)


def _looks_like_heading(text: str) -> bool:
    if g.match(g.section_heading, text) and len(text) < 160:
        return True
    words = text.split()
    return len(words) <= 14 and (text[:1].isupper() or text[:1].isdigit())


def _is_next_letter(prev: str, label: str) -> bool:
    """(h) -> (i), (bb) -> (cc): a letter label, not a roman second-degree one."""
    if len(prev) != len(label) or not prev or len(set(prev)) != 1 or len(set(label)) != 1:
        return False
    return ord(label[0]) == ord(prev[0]) + 1


def _strip_marks(text: str) -> str:
    return text.replace("*", "").replace("_", " ").strip()


def _slice_map(tmap, start: int, end: int):
    return _sub_map(tmap, start, end)
