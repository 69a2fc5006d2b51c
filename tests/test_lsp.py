"""The language server, end to end over stdio, plus its position helpers."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from lsprotocol import types

from checker.lsp import PositionConverter, from_lsp_position, to_lsp_position

ROOT = Path(__file__).resolve().parents[1]
USER_RULES = ROOT / "tests" / "fixtures" / "rules_user" / "member-states.yaml"
TIMEOUT = 20.0

# No authoring line (PRS001 at PP1) and "member states" (USR001, with a safe fix).
DRAFT = (
    "Recalling its resolution 60/251 of 15 March 2006,\n"
    "\n"
    "Noting with appreciation the report of the Secretary-General,\n"
    "\n"
    "1. Calls upon all member states to cooperate fully.\n"
    "\n"
    "2. Decides to remain seized of the matter.\n"
)


# -- position helpers -----------------------------------------------------------------


def test_utf16_position_with_astral_character():
    text = "ab😀cd\nx😀y"
    # "c" is code point 3 but UTF-16 unit 4 (the emoji is a surrogate pair).
    assert to_lsp_position(text, 3) == types.Position(line=0, character=4)
    assert to_lsp_position(text, 2) == types.Position(line=0, character=2)
    assert to_lsp_position(text, 5) == types.Position(line=0, character=6)  # end of line 0
    assert to_lsp_position(text, 6) == types.Position(line=1, character=0)
    assert to_lsp_position(text, 8) == types.Position(line=1, character=3)  # "y"
    assert to_lsp_position(text, 9) == types.Position(line=1, character=4)  # end of text
    assert to_lsp_position(text, 3, "utf-32") == types.Position(line=0, character=3)
    assert to_lsp_position(text, 3, "utf-8") == types.Position(line=0, character=6)
    # and back again
    for offset in range(len(text) + 1):
        assert from_lsp_position(text, to_lsp_position(text, offset)) == offset
    # a character inside the surrogate pair falls back to the emoji's start
    assert from_lsp_position(text, types.Position(line=0, character=3)) == 2


def test_positions_with_crlf_and_out_of_range():
    text = "é\r\n𝔸b\rlast"
    conv = PositionConverter(text)
    assert conv.position(1) == types.Position(line=0, character=1)
    assert conv.position(2) == types.Position(line=0, character=1)  # between \r and \n
    assert conv.position(3) == types.Position(line=1, character=0)
    assert conv.position(5) == types.Position(line=1, character=3)
    assert conv.position(6) == types.Position(line=2, character=0)
    assert conv.position(999) == types.Position(line=2, character=4)
    assert conv.offset(types.Position(line=1, character=99)) == 5
    assert conv.offset(types.Position(line=7, character=0)) == len(text)


# -- a tiny LSP client -----------------------------------------------------------------


class Client:
    def __init__(self, cwd: Path):
        env = dict(os.environ, RESLINT_NO_CACHE="1", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "checker.lsp"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: "queue.Queue[dict]" = queue.Queue()
        self.next_id = 0
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, payload: dict) -> None:
        data = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, predicate, what: str) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"timed out waiting for {what}; stderr: {b''.join(self.stderr)[-2000:]!r}")
            try:
                msg = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if "method" in msg and "id" in msg:  # a request from the server: answer it
                self.send({"id": msg["id"], "result": None})
                continue
            if predicate(msg):
                return msg

    def request(self, method: str, params):
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        msg = self.wait_for(lambda m: m.get("id") == rid and "method" not in m, f"reply to {method}")
        assert "error" not in msg, msg
        return msg.get("result")

    def diagnostics(self, uri: str, version=None) -> list[dict]:
        def ok(m):
            return (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                    and (version is None or m["params"].get("version") == version))

        return self.wait_for(ok, f"diagnostics for {uri}")["params"]["diagnostics"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".reslint.yaml").write_text(f"rules:\n  - {json.dumps(str(USER_RULES))}\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_language_server_conversation(workspace: Path):
    client = Client(workspace)
    try:
        uri = (workspace / "draft.txt").as_uri()
        result = client.request("initialize", {
            "processId": os.getpid(), "rootUri": workspace.as_uri(),
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
        })
        caps = result["capabilities"]
        assert result["serverInfo"]["name"] == "reslint"
        assert caps["hoverProvider"] and caps["documentSymbolProvider"] and caps["codeActionProvider"]
        client.notify("initialized", {})

        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": DRAFT}})
        diags = client.diagnostics(uri, 1)
        by_code = {d["code"]: d for d in diags}
        assert "PRS001" in by_code, diags
        prs = by_code["PRS001"]
        assert prs["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
        assert prs["severity"] == 1 and prs["source"] == "reslint" and prs["message"].startswith("[PP1] ")
        usr = by_code["USR001"]
        line4 = DRAFT.splitlines()[4]
        col = line4.index("member states")
        assert usr["range"] == {"start": {"line": 4, "character": col},
                                "end": {"line": 4, "character": col + len("member states")}}
        assert usr["severity"] == 2 and usr["message"].startswith("[OP1] ")

        # code actions: quick fix for USR001, suppression for both
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": usr["range"], "context": {"diagnostics": [usr]}})
        titles = [a["title"] for a in actions]
        assert "Suppress USR001 for this paragraph" in titles, titles
        fix = next(a for a in actions if a["title"].startswith("USR001:"))
        assert fix["kind"] == "quickfix"
        assert fix["edit"]["changes"][uri] == [{"range": usr["range"], "newText": "Member States"}]
        suppress = next(a for a in actions if a["title"] == "Suppress USR001 for this paragraph")
        assert suppress["edit"]["changes"][uri] == [{
            "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
            "newText": "<!-- reslint: ignore USR001 -->\n"}]
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": prs["range"], "context": {"diagnostics": [prs]}})
        assert "Suppress PRS001 for this paragraph" in [a["title"] for a in actions]

        # outline
        symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        names = [s["name"] for s in symbols]
        assert names == ["PP1", "PP2", "OP1", "OP2"], names
        assert symbols[2]["range"]["start"] == {"line": 4, "character": 0}

        # hover on "resolution 60/251"
        hover = client.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": 0, "character": DRAFT.index("60/251") + 2}})
        assert hover is not None and "60/251" in hover["contents"]["value"]
        nothing = client.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": 6, "character": 5}})
        assert nothing is None

        # edits (full sync): a burst of changes lints once, with the last text
        fixed = "The General Assembly,\n\n" + DRAFT.replace("member states", "Member States")
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": DRAFT + "x"}]})
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                                 "contentChanges": [{"text": fixed}]})
        msg = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri, "diagnostics after the edits")
        assert msg["params"]["version"] == 3  # debounced: version 2 was never linted
        codes = {d["code"] for d in msg["params"]["diagnostics"]}
        assert not codes & {"PRS001", "USR001"}, codes

        # a document that is not a resolution at all, and one with odd content: no crash
        bad_uri = (workspace / "odd.txt").as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": bad_uri, "languageId": "plaintext", "version": 1, "text": "\x00\ud800(" * 50 + "\n" * 3}})
        client.diagnostics(bad_uri)
        client.notify("textDocument/didClose", {"textDocument": {"uri": bad_uri}})
        assert client.diagnostics(bad_uri) == []

        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=TIMEOUT) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait(timeout=TIMEOUT)
