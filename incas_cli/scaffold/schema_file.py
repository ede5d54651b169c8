"""The JSON Schema beside the plan, for editors' completion."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from incas_cli.errors import IncasError

SCHEMA_FILE = "plan.schema.json"
"""The JSON Schema beside the plan, named in the draft's ``yaml-language-server`` line."""


# --- the JSON Schema beside the plan ------------------------------------------------------


SchemaState = Literal["written", "current", "different", "failed"]


def ensure_schema(folder: Path) -> tuple[Path, SchemaState]:
    """Write ``plan.schema.json`` in ``folder`` unless it is there already.

    An existing file is never overwritten: ``"current"`` if it is this version's schema,
    ``"different"`` if not (the caller says how to refresh it). ``"failed"``: it could not
    be written (the plan is fine without it; editors just lose completion).
    """
    from incas_cli.io import atomic_write_text
    from incas_cli.schema import schema_json

    path = folder / SCHEMA_FILE
    text = schema_json() + "\n"
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        try:
            atomic_write_text(path, text)
        except IncasError:
            return path, "failed"
        return path, "written"
    except (OSError, UnicodeDecodeError):
        return path, "different"
    return path, "current" if current == text else "different"
