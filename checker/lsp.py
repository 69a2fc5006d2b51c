"""Language server: reslint's findings as editor diagnostics (``reslint lsp``).

Runs a pygls ``LanguageServer`` on stdio. The rule set is loaded once per
configuration (the nearest ``.reslint.yaml`` above the document, else the
workspace root's) and only the changed document is re-linted:

* diagnostics on didOpen/didSave (at once) and didChange (debounced, so a burst
  of keystrokes lints once); didClose clears them;
* code actions: the finding's fix as a quick fix, and "Suppress CODE for this
  paragraph" inserting ``<!-- reslint: ignore CODE -->`` before the paragraph;
* document symbols: HEADER, TITLE, PP1..n, OP1..n (sub-paragraphs nested),
  annexes and footnotes;
* hover on a resolution citation: number, body, date, and the registry's
  date and title when a registry lookup is available.

Offsets inside reslint are Python code points; LSP positions count UTF-16
code units by default (or whatever encoding was negotiated), so every position
goes through ``PositionConverter``. A document that fails to lint gets no
diagnostics and a log message; the server itself never goes down on bad input.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from lsprotocol import types

from checker import __version__

log = logging.getLogger("reslint.lsp")

DEBOUNCE_SECONDS = 0.15
SOURCE_NAME = "reslint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}

# LSP line terminators: \n, \r\n and \r.
_NEWLINE = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------
# Positions: code-point offsets <-> LSP (line, character)
# --------------------------------------------------------------------------


def _units(s: str, encoding: str) -> int:
    """Length of ``s`` in the code units of ``encoding`` (utf-16, utf-8 or utf-32)."""
    if encoding == "utf-32" or s.isascii():
        return len(s)
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def _offset_in_line(line: str, character: int, encoding: str) -> int:
    """Code-point index in ``line`` of LSP ``character`` (clamped; never splits a surrogate pair)."""
    if character <= 0:
        return 0
    if encoding == "utf-32" or line.isascii():
        return min(character, len(line))
    units = 0
    for i, ch in enumerate(line):
        if encoding == "utf-8":
            step = len(ch.encode("utf-8", "surrogatepass"))
        else:
            step = 2 if ord(ch) > 0xFFFF else 1
        if units + step > character:
            return i
        units += step
    return len(line)


class PositionConverter:
    """Converts between code-point offsets of ``text`` and LSP positions."""

    __slots__ = ("text", "encoding", "_starts")

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = _encoding_name(encoding)
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def _line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s content (before its terminator)."""
        if line + 1 < len(self._starts):
            end = self._starts[line + 1]
            if self.text[end - 2:end] == "\r\n":
                return end - 2
            return end - 1
        return len(self.text)

    def position(self, offset: int) -> types.Position:
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        # An offset between \r and \n belongs at the end of the line's content.
        offset = min(offset, max(self._line_end(line), start))
        return types.Position(line=line, character=_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        if position.line < 0:
            return 0
        if position.line >= len(self._starts):
            return len(self.text)
        start = self._starts[position.line]
        line_text = self.text[start:self._line_end(position.line)]
        return start + _offset_in_line(line_text, position.character, self.encoding)

    def line_start(self, offset: int) -> int:
        offset = min(max(offset, 0), len(self.text))
        return self._starts[bisect.bisect_right(self._starts, offset) - 1]


def _encoding_name(encoding: Any) -> str:
    value = str(getattr(encoding, "value", encoding) or "utf-16").lower()
    return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"


def to_lsp_position(text: str, offset: int, encoding: str = "utf-16") -> types.Position:
    """LSP position of code-point ``offset`` in ``text`` (UTF-16 code units by default)."""
    return PositionConverter(text, encoding).position(offset)


def from_lsp_position(text: str, position: types.Position, encoding: str = "utf-16") -> int:
    """Code-point offset in ``text`` of an LSP position."""
    return PositionConverter(text, encoding).offset(position)


# --------------------------------------------------------------------------
# Linting (no LSP I/O: used by the server and by bench/lsp_latency.py)
# --------------------------------------------------------------------------


@dataclass
class LintState:
    """The last lint of one open document."""

    text: str
    version: Optional[int]
    doc: Any = None  # checker.model.Document, None when linting failed
    findings: list = field(default_factory=list)
    diagnostics: list = field(default_factory=list)
    converter: Optional[PositionConverter] = None


def source_format(path: str) -> str:
    return "markdown" if path.lower().endswith((".md", ".markdown")) else "text"


def lint_text(text: str, path: str, session, encoding: str = "utf-16",
              version: Optional[int] = None) -> LintState:
    """Parse and lint ``text`` and turn the findings into LSP diagnostics."""
    from checker.pipeline import lint_source
    from checker.sources import SourceText, detect_newline

    source = SourceText(path=path, text=text, newline=detect_newline(text), format=source_format(path))
    doc, result = lint_source(source, session)
    conv = PositionConverter(text, encoding)
    diagnostics = [to_diagnostic(f, conv) for f in result.findings]
    return LintState(text, version, doc, list(result.findings), diagnostics, conv)


def to_diagnostic(finding, conv: PositionConverter) -> types.Diagnostic:
    address = finding.address or "DOCUMENT"
    return types.Diagnostic(
        range=conv.range(finding.span.start, finding.span.end),
        message=f"[{address}] {finding.message}",
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE_NAME,
        data={"address": address, "fixable": finding.fix is not None},
    )


# --------------------------------------------------------------------------
# Code actions
# --------------------------------------------------------------------------


def _ranges_overlap(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _paragraph_start(state: LintState, finding) -> int:
    """Offset of the start of the line where the finding's paragraph begins."""
    start = finding.span.start
    doc = state.doc
    node = None
    if doc is not None:
        node = doc.node_at(start)
        if node is None and finding.span.end == start:
            node = doc.node_at(max(start - 1, 0))
        if node is None:
            node = next((n for n in doc.text_nodes() if getattr(n, "address", None) == finding.address), None)
    if node is not None:
        start = node.span.start
    return state.converter.line_start(start)


def code_actions(state: LintState, uri: str, request_range: types.Range,
                 only: Optional[list] = None) -> list[types.CodeAction]:
    if state.converter is None:
        return []
    if only and not any(str(k).startswith("quickfix") for k in only):
        return []
    conv = state.converter
    newline = _newline_of(state.text)
    actions: list[types.CodeAction] = []
    seen_suppress: set[tuple[str, int]] = set()
    for finding, diag in zip(state.findings, state.diagnostics):
        if not _ranges_overlap(diag.range, request_range):
            continue
        if finding.fix is not None and finding.fix.edits:
            edits = [types.TextEdit(range=conv.range(e.span.start, e.span.end), new_text=e.replacement)
                     for e in finding.fix.edits]
            actions.append(types.CodeAction(
                title=f"{finding.rule}: {finding.fix.description}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                is_preferred=bool(finding.fix.safe),
                edit=types.WorkspaceEdit(changes={uri: edits}),
            ))
        at = _paragraph_start(state, finding)
        if (finding.rule, at) in seen_suppress:
            continue
        seen_suppress.add((finding.rule, at))
        pos = conv.position(at)
        actions.append(types.CodeAction(
            title=f"Suppress {finding.rule} for this paragraph",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                range=types.Range(start=pos, end=pos),
                new_text=f"<!-- reslint: ignore {finding.rule} -->{newline}")]}),
        ))
    return actions


def _newline_of(text: str) -> str:
    from checker.sources import detect_newline

    return detect_newline(text)


# --------------------------------------------------------------------------
# Document symbols
# --------------------------------------------------------------------------


def _detail(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def _symbol(conv: PositionConverter, name: str, kind: types.SymbolKind, start: int, end: int,
            detail: str = "", children: Optional[list] = None) -> types.DocumentSymbol:
    end = max(start, end)
    rng = conv.range(start, end)
    first_line_end = conv.text.find("\n", start, end)
    sel_end = end if first_line_end < 0 else first_line_end
    return types.DocumentSymbol(
        name=name, kind=kind, range=rng, selection_range=conv.range(start, max(start, sel_end)),
        detail=detail or None, children=children or None,
    )


def _sub_symbols(conv: PositionConverter, subs: Iterable) -> list[types.DocumentSymbol]:
    out = []
    for sub in subs:
        span = sub.span
        out.append(_symbol(conv, sub.address, types.SymbolKind.Field, span.start, span.end,
                           _detail(sub.body), _sub_symbols(conv, sub.children)))
    return out


def document_symbols(state: LintState) -> list[types.DocumentSymbol]:
    doc, conv = state.doc, state.converter
    if doc is None or conv is None:
        return []
    symbols: list[types.DocumentSymbol] = []
    header_span = doc.header_node.span if doc.header_node is not None else doc.header.span
    if header_span is not None and header_span.end > header_span.start:
        symbols.append(_symbol(conv, "HEADER", types.SymbolKind.Namespace, header_span.start, header_span.end,
                               doc.header.symbol or doc.header.body or ""))
    if doc.title is not None:
        span = doc.title.span
        symbols.append(_symbol(conv, doc.title.address or "TITLE", types.SymbolKind.String, span.start, span.end,
                               _detail(doc.title.text)))
    for para in doc.preamble:
        span = para.span
        symbols.append(_symbol(conv, para.address, types.SymbolKind.Property, span.start, span.end,
                               _detail(para.body), _sub_symbols(conv, para.subparagraphs)))
    for para in doc.operative:
        span = para.span
        symbols.append(_symbol(conv, para.address, types.SymbolKind.Method, span.start, span.end,
                               _detail(para.body), _sub_symbols(conv, para.subparagraphs)))
    for annex in doc.annexes:
        children = []
        for para in annex.paragraphs:
            span = para.span
            children.append(_symbol(conv, para.address, types.SymbolKind.Method, span.start, span.end,
                                    _detail(para.body), _sub_symbols(conv, para.subparagraphs)))
        end = max([annex.span.end] + [c.span.end for c in annex.paragraphs])
        symbols.append(_symbol(conv, annex.address, types.SymbolKind.Class, annex.span.start, end,
                               _detail(annex.title or ""), children))
    for note in doc.footnotes:
        span = note.span
        symbols.append(_symbol(conv, note.address, types.SymbolKind.Key, span.start, span.end, _detail(note.text)))
    return symbols


# --------------------------------------------------------------------------
# Hover on citations
# --------------------------------------------------------------------------

_LOOKUP_NAMES = ("lookup", "lookup_citation", "lookup_number", "find", "get")


def _registry_lookup() -> Optional[Callable]:
    """The registry's lookup function, if ``checker.resolve.registry`` provides one."""
    try:
        import importlib

        registry = importlib.import_module("checker.resolve.registry")
    except Exception:  # missing or broken: hover works without it
        return None
    for name in _LOOKUP_NAMES:
        fn = getattr(registry, name, None)
        if callable(fn):
            return fn
    return None


def _registry_entry(citation, body: Optional[str]) -> Optional[Any]:
    fn = _registry_lookup()
    if fn is None:
        return None
    attempts = ((citation.number,), (citation,))
    for args in attempts:
        for kwargs in ({"body": body}, {}):
            try:
                entry = fn(*args, **kwargs)
            except TypeError:
                continue
            except Exception as exc:
                log.debug("registry lookup failed for %s: %s", citation.number, exc)
                return None
            if entry is not None:
                return entry
    return None


def _entry_field(entry: Any, *names: str) -> Optional[str]:
    for name in names:
        value = entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
        if value:
            return str(value)
    return None


def hover_text(state: LintState, offset: int) -> Optional[tuple[str, int, int]]:
    """Markdown describing the citation at ``offset`` and its original span, or None."""
    from checker.grammar.citations import find_citations, resolve_body

    doc = state.doc
    candidates: list[tuple[str, Callable[[int, int], tuple[int, int]]]] = []
    node = doc.node_at(offset) if doc is not None else None
    if node is not None:
        def mapped(s: int, e: int, node=node) -> tuple[int, int]:
            span = node.span_of(s, e)
            return span.start, span.end

        candidates.append((node.text, mapped))
    # The raw line under the cursor (header lines, or text the parser did not place).
    conv = state.converter
    line_start = conv.line_start(offset)
    m = _NEWLINE.search(state.text, line_start)
    line_end = m.start() if m else len(state.text)
    candidates.append((state.text[line_start:line_end], lambda s, e: (line_start + s, line_start + e)))
    enacting = doc.body if doc is not None else None
    for text, to_original in candidates:
        try:
            cites = find_citations(text)
        except Exception as exc:
            log.debug("find_citations failed: %s", exc)
            continue
        for c in cites:
            start, end = to_original(c.full_start, c.full_end)
            if not (start <= offset <= end):
                continue
            body = resolve_body(c, enacting)
            lines = [f"**{c.kind} {c.number}**"]
            if body:
                lines.append(f"Body: {body}" + (" (inferred)" if c.body_text and c.body_text != body else ""))
            if c.date is not None:
                lines.append(f"Date cited: {c.date.text}" + ("" if c.date.valid else " (not a valid date)"))
            entry = _registry_entry(c, body)
            if entry is not None:
                date = _entry_field(entry, "date", "adopted", "adoption_date")
                title = _entry_field(entry, "title", "name")
                if date:
                    lines.append(f"Registry date: {date}")
                if title:
                    lines.append(f"Registry title: {title}")
            elif _registry_lookup() is not None:
                lines.append("Not found in the registry.")
            return "  \n".join(lines), start, end
    return None


# --------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------


def _uri_to_path(uri: str) -> str:
    try:
        from pygls.uris import to_fs_path

        path = to_fs_path(uri)
        if path:
            return path
    except Exception:
        pass
    return uri


def _is_config(uri: str) -> bool:
    from checker.rules.config import CONFIG_NAMES

    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


def create_server():
    from pygls.lsp.server import LanguageServer

    class ReslintServer(LanguageServer):
        def __init__(self) -> None:
            super().__init__("reslint", __version__,
                             text_document_sync_kind=types.TextDocumentSyncKind.Full)
            self.sessions: dict[Optional[str], Any] = {}
            self.states: dict[str, LintState] = {}
            self.pending: dict[str, asyncio.Task] = {}

        # -- helpers -------------------------------------------------------
        def log(self, message: str, level: types.MessageType = types.MessageType.Log) -> None:
            log.info(message)
            try:
                self.window_log_message(types.LogMessageParams(type=level, message=message))
            except Exception:
                pass

        @property
        def encoding(self) -> str:
            try:
                return _encoding_name(self.workspace.position_encoding)
            except Exception:
                return "utf-16"

        def root(self) -> Optional[Path]:
            try:
                root = self.workspace.root_path
            except Exception:
                root = None
            return Path(root) if root else None

        def session_for(self, path: str):
            """The LintSession for a document, loaded once per configuration file."""
            from checker.pipeline import LintSession
            from checker.rules.config import Config, find_config, resolve_config

            folder = Path(path).parent if path and not path.startswith(("untitled:", "inmemory:")) else None
            config_path = None
            for start in (folder, self.root()):
                if start is not None and start.exists():
                    config_path = find_config(start)
                    if config_path is not None:
                        break
            key = str(config_path) if config_path else None
            if key in self.sessions:
                return self.sessions[key]
            try:
                config = resolve_config(config_path.parent if config_path else (self.root() or Path.cwd()),
                                        explicit=config_path)
            except Exception as exc:
                self.log(f"reslint: configuration {config_path} not usable ({exc}); using defaults",
                         types.MessageType.Warning)
                config = Config(root=self.root() or Path.cwd())
            session = LintSession.create(config)
            self.sessions[key] = session
            return session

        def lint_uri(self, uri: str, publish: bool = True) -> Optional[LintState]:
            if _is_config(uri):
                return None
            try:
                document = self.workspace.get_text_document(uri)
                text, version = document.source, document.version
            except Exception as exc:
                self.log(f"reslint: cannot read {uri}: {exc}", types.MessageType.Error)
                return None
            path = _uri_to_path(uri)
            try:
                state = lint_text(text, path, self.session_for(path), self.encoding, version)
            except BaseException as exc:  # RecursionError, ReslintError, bugs: never take the server down
                if isinstance(exc, (KeyboardInterrupt, SystemExit, asyncio.CancelledError)):
                    raise
                self.log(f"reslint: linting {path} failed: {type(exc).__name__}: {exc}", types.MessageType.Error)
                state = LintState(text, version, None, [], [], PositionConverter(text, self.encoding))
            self.states[uri] = state
            if publish:
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=state.diagnostics, version=version))
            return state

        def current(self, uri: str) -> Optional[LintState]:
            """The lint state matching the document's current text (re-linted if stale)."""
            state = self.states.get(uri)
            try:
                text = self.workspace.get_text_document(uri).source
            except Exception:
                return state
            if state is None or state.text != text:
                state = self.lint_uri(uri, publish=False)
            return state

        def cancel_pending(self, uri: str) -> None:
            task = self.pending.pop(uri, None)
            if task is not None and not task.done():
                task.cancel()

        def schedule(self, uri: str) -> None:
            self.cancel_pending(uri)

            async def later() -> None:
                try:
                    await asyncio.sleep(DEBOUNCE_SECONDS)
                except asyncio.CancelledError:
                    return
                if self.pending.get(uri) is task:
                    self.pending.pop(uri, None)
                self.lint_uri(uri)

            task = asyncio.get_running_loop().create_task(later())
            self.pending[uri] = task

    server = ReslintServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: ReslintServer, params: types.InitializedParams) -> None:
        root = ls.root()
        try:
            ls.session_for(str(root / "_") if root else "")
        except Exception as exc:
            ls.log(f"reslint: cannot load the rules: {exc}", types.MessageType.Error)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.cancel_pending(params.text_document.uri)
        ls.lint_uri(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ReslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if _is_config(uri):
            # A saved .reslint.yaml: reload the rules and re-lint every open draft.
            ls.sessions.clear()
            for other in list(ls.states):
                ls.cancel_pending(other)
                ls.lint_uri(other)
            return
        ls.cancel_pending(uri)
        ls.lint_uri(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel_pending(uri)
        ls.states.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: ReslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        try:
            state = ls.current(params.text_document.uri)
            if state is None:
                return []
            return code_actions(state, params.text_document.uri, params.range, params.context.only)
        except Exception as exc:
            ls.log(f"reslint: code actions failed: {type(exc).__name__}: {exc}", types.MessageType.Error)
            return []

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: ReslintServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        try:
            state = ls.current(params.text_document.uri)
            return document_symbols(state) if state is not None else []
        except Exception as exc:
            ls.log(f"reslint: document symbols failed: {type(exc).__name__}: {exc}", types.MessageType.Error)
            return []

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ReslintServer, params: types.HoverParams) -> Optional[types.Hover]:
        try:
            state = ls.current(params.text_document.uri)
            if state is None or state.converter is None:
                return None
            offset = state.converter.offset(params.position)
            found = hover_text(state, offset)
            if found is None:
                return None
            value, start, end = found
            return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value),
                               range=state.converter.range(start, end))
        except Exception as exc:
            ls.log(f"reslint: hover failed: {type(exc).__name__}: {exc}", types.MessageType.Error)
            return None

    return server


def serve() -> None:
    """Run the language server on stdio until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")  # stderr, never stdout
    create_server().start_io()


if __name__ == "__main__":
    serve()
