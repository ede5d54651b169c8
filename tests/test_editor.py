"""A real YAML editor on a ``plan init`` draft: yaml-language-server over LSP.

The draft names its schema in its first line (``# yaml-language-server:
$schema=plan.schema.json``), as VS Code, Neovim, Helix and the other editors built on
yaml-language-server read it. The server is driven over stdio as an editor drives it:
completion offers the catalogue's ids with their Italian labels and the ten actions of
the Piano triennale, hover shows the Italian description, and a wrong month and an unknown
key get diagnostics (the month with the schema's Italian message).
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, yaml_language_server

pytestmark = pytest.mark.editor

_EOF = object()


class LanguageServer:
    """A minimal LSP client: JSON-RPC with ``Content-Length`` frames over the pipes."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[Any] = queue.Queue()
        self.diagnostics: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                self.messages.put(_EOF)
                self.diagnostics.put({})
                return
            message = json.loads(stream.read(length))
            if message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics.put(message["params"])
            elif "id" in message and "method" in message:
                self._answer(message)
            else:
                self.messages.put(message)

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def _answer(self, request: dict[str, Any]) -> None:
        """The server's own requests: its settings, and yes to everything else."""
        result: Any = None
        if request["method"] == "workspace/configuration":
            items = request["params"]["items"]
            result = [self.settings.get(i.get("section", ""), {}) for i in items]
        self._send({"id": request["id"], "result": result})

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while (message := self.messages.get()) is not _EOF:
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message.get("result")
        raise AssertionError("yaml-language-server ended")

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait()
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LanguageServer]:
    command = yaml_language_server()
    assert command is not None  # conftest skips the test otherwise
    settings = {
        "yaml": {
            "validate": True,
            "hover": True,
            "completion": True,
            "schemaStore": {"enable": False},  # no network: the draft names its schema
        }
    }
    lsp = LanguageServer([command, "--stdio"], settings)
    lsp.request(
        "initialize",
        {
            "processId": None,
            "rootUri": tmp_path.as_uri(),
            "capabilities": {
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {
                        "completionItem": {"documentationFormat": ["markdown", "plaintext"]}
                    },
                },
                "workspace": {"configuration": True},
            },
        },
    )
    lsp.notify("initialized", {})
    lsp.notify("workspace/didChangeConfiguration", {"settings": settings})
    yield lsp
    lsp.close()


def _draft(cli: Cli, folder: Path) -> str:
    result = cli(
        "plan", "init", "piano.yaml", "--comune", "Saluzzo", "--period", "2025-01:2027-12",
        cwd=folder,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (folder / "piano.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json")
    assert (folder / "plan.schema.json").exists()
    return text


def _edit(text: str, pattern: str, replacement: str) -> str:
    edited, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, pattern
    return edited


def _line_of(text: str, pattern: str) -> int:
    lines = text.split("\n")
    return next(i for i, line in enumerate(lines) if re.fullmatch(pattern, line))


def _documentation(item: dict[str, Any]) -> str:
    doc = item.get("documentation") or ""
    return str(doc.get("value", "") if isinstance(doc, dict) else doc)


def test_an_editor_completes_explains_and_checks_a_draft(
    cli: Cli, tmp_path: Path, server: LanguageServer
) -> None:
    text = _draft(cli, tmp_path)
    text = _edit(text, r"^    type: \S+.*$", "    type: ")
    text = _edit(
        text, r"^measures:.*$", "measures:\n  - id: M1\n    title: Prova\n    actions:\n      - "
    )
    text = _edit(text, r"^    start: \d{4}-\d{2}.*$", "    start: 2025-13")
    text = _edit(text, r"^comune:$", "comune:\n  provincia: CN")
    uri = (tmp_path / "piano.yaml").as_uri()
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )

    def complete(line: int, character: int) -> list[dict[str, Any]]:
        result = server.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result
        return items

    # completion: catalogue ids with their Italian labels
    type_line = _line_of(text, r"    type: ")
    actor_types = {item["label"]: _documentation(item) for item in complete(type_line, 10)}
    assert "terzo-settore" in actor_types
    assert "Prefettura - Ufficio territoriale del Governo" in actor_types["prefettura"]

    # completion: the ten actions of the Piano triennale, with their titles
    action_line = _line_of(text, r"      - ")
    actions = {item["label"]: _documentation(item) for item in complete(action_line, 8)}
    assert {str(n) for n in range(1, 11)} <= set(actions)
    assert actions["5"].startswith("5. ")

    # hover: the key's Italian title and description
    istat_line = _line_of(text, r"  istat_code: .*")
    hover = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": istat_line, "character": 4}},
    )
    contents = hover["contents"]
    shown = contents["value"] if isinstance(contents, dict) else str(contents)
    assert "Codice ISTAT" in shown and "sei cifre" in shown
    assert "Piano Locale Multisettoriale (incas" not in shown  # not the root's title

    # diagnostics: the wrong month (in Italian) and the unknown key
    diagnostics: list[dict[str, Any]] = []
    month_line = _line_of(text, r"    start: 2025-13")
    key_line = _line_of(text, r"  provincia: CN")
    while {month_line, key_line} - {d["range"]["start"]["line"] for d in diagnostics}:
        published = server.diagnostics.get()
        assert published, "yaml-language-server ended"
        if published["uri"] == uri:
            diagnostics = published["diagnostics"]
    by_line = {d["range"]["start"]["line"]: d["message"] for d in diagnostics}
    assert "AAAA-MM" in by_line[month_line]
    assert by_line[key_line].startswith("qui vanno le chiavi name, istat_code")
