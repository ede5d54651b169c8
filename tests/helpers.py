"""Small builders for test inputs (plans as plain data, written as YAML)."""

from __future__ import annotations

import copy
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from incas_cli.io import dump_yaml, new_document_data

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

#: Python statement a child process runs first: Ctrl-C handled as when a terminal starts it.
#: A runner started with SIGINT ignored (``trap '' INT; pytest``, some CI services) passes
#: the ignore on to its children, and ``incas`` rightly keeps an ignored SIGINT ignored (a
#: build started in the background must survive the Ctrl-C meant for the foreground); the
#: Ctrl-C tests play a user at a terminal, so they give the child Python's usual handler.
DEFAULT_SIGINT = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)"


def incas_argv(*args: str) -> list[str]:
    """Command line of ``incas <args>`` in a new Python, with Ctrl-C as from a terminal."""
    launch = f"{DEFAULT_SIGINT}; from incas_cli.launch import main; main()"
    return [sys.executable, "-c", launch, *args]


MINIMAL_PLAN: dict[str, Any] = {
    "schema_version": 1,
    "plan": {
        "national_plan": "piano-triennale-2020-2022",
        "title": "Piano di prova",
        "period": {"start": "2025-01", "end": "2027-12"},
        "status": "bozza",
    },
    "comune": {"name": "Saluzzo", "istat_code": "004203"},
    "stakeholders": [
        {"id": "comune", "name": "Comune di Saluzzo", "type": "comune"},
        {"id": "caritas", "name": "Caritas diocesana", "type": "terzo-settore"},
    ],
    "needs": [{"id": "N1", "area": "alloggio", "severity": 5, "urgency": 4}],
    "measures": [
        {
            "id": "M1",
            "title": "Dormitorio di prima accoglienza",
            "actions": [5, 8, 9, 10],
            "needs": ["N1"],
            "lead": "comune",
            "partners": ["caritas"],
            "start": "2025-03",
            "end": "2026-06",
        }
    ],
}


def minimal_plan() -> dict[str, Any]:
    """A fresh deep copy of a small valid draft (no warnings)."""
    return copy.deepcopy(MINIMAL_PLAN)


def write_plan(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(dump_yaml(new_document_data(data)), encoding="utf-8")
    return path


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def processes_mentioning(text: str) -> list[str]:
    """Command lines of running processes that contain ``text`` (Linux ``/proc``)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in args:
            found.append(args)
    return found


_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def odt_table_titles(odt: bytes) -> list[tuple[str | None, str | None]]:
    """The ``table:title`` and ``table:desc`` of each table of an ODT's text that is not
    inside another table, read back from ``content.xml``."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(odt)) as package:
        root = etree.fromstring(package.read("content.xml"))
    found = []
    for table in root.iter(f"{_ODF_TABLE}table"):
        if any(a.tag == f"{_ODF_TABLE}table" for a in table.iterancestors()):
            continue
        title, desc = table.find(f"{_ODF_TABLE}title"), table.find(f"{_ODF_TABLE}desc")
        found.append(
            (title.text if title is not None else None, desc.text if desc is not None else None)
        )
        first = [child.tag for child in table][: (title is not None) + (desc is not None)]
        assert first == [e.tag for e in (title, desc) if e is not None], (
            "table:title and table:desc come first, as ODF orders them"
        )
    return found
