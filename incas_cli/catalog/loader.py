"""Reading the catalogue's JSON files (packaged or from a folder) into a validated Catalog.

A data folder holds ``catalog.json`` (actor types, need areas, funding sources,
usual stakeholders) and ``plans/<id>.json``, one file per national plan. A new national
plan is a new file in ``plans/``: no code changes.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from incas_cli.catalog.model import Catalog, NationalPlan
from incas_cli.errors import InputError
from incas_cli.messages import catalog as msg

CATALOG_FILE = "catalog.json"
PLANS_DIR = "plans"
MAX_ERRORS_SHOWN = 10

M = TypeVar("M", bound=BaseModel)


def data_root() -> Traversable:
    """The packaged data folder (works from a wheel or a zip too)."""
    return resources.files("incas_cli.catalog") / "data"


@functools.cache
def load_catalog() -> Catalog:
    """The packaged catalogue, read and validated once per process."""
    return load_catalog_from(data_root())


def load_catalog_from(directory: Path | Traversable) -> Catalog:
    """A catalogue from a data folder laid out like the packaged one.

    Raises ``InputError`` naming the file when a file is missing, not JSON, or breaks
    the catalogue's rules.
    """
    catalog_file = directory / CATALOG_FILE
    if not catalog_file.is_file():
        raise InputError(msg.DATA_MISSING.format(directory=directory, name=CATALOG_FILE))
    plans_dir = directory / PLANS_DIR
    plan_files = (
        sorted(
            (f for f in plans_dir.iterdir() if f.name.endswith(".json") and f.is_file()),
            key=lambda f: f.name,
        )
        if plans_dir.is_dir()
        else []
    )
    if not plan_files:
        raise InputError(msg.DATA_NO_PLANS.format(directory=directory))
    plans = [load_national_plan(f) for f in plan_files]
    data = _read_json(catalog_file)
    if isinstance(data, dict):
        data = {**data, "national_plans": plans}
    return _validate(Catalog, data, catalog_file)


def load_national_plan(path: Path | Traversable) -> NationalPlan:
    """One national plan file; its id must be its file name without ``.json``."""
    plan = _validate(NationalPlan, _read_json(path), path)
    expected = path.name.removesuffix(".json")
    if plan.id != expected:
        raise InputError(
            msg.PLAN_FILE_NAME_MISMATCH.format(plan_id=plan.id, file=path.name), file=str(path)
        )
    return plan


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(msg.DUPLICATE_ID.format(id=key))
        result[key] = value
    return result


def _read_json(path: Path | Traversable) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise InputError(msg.DATA_UNREADABLE.format(file=path, reason=reason)) from None
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as err:
        raise InputError(
            msg.DATA_BAD_JSON.format(file=path, line=err.lineno, column=err.colno, reason=err.msg),
            file=str(path),
            line=err.lineno,
            column=err.colno,
        ) from None
    except ValueError as err:  # a duplicate key
        raise InputError(
            msg.DATA_INVALID.format(file=path, details=f"  {err}"), file=str(path)
        ) from None


def _validate(model: type[M], data: Any, path: Path | Traversable) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise InputError(
            msg.DATA_INVALID.format(file=path, details=format_validation_error(err)),
            hint=msg.DATA_INVALID_HINT,
            file=str(path),
        ) from None


def format_validation_error(err: ValidationError) -> str:
    """pydantic's errors as indented Italian lines: ``  actions[3].axis: ...``."""
    lines = []
    errors = err.errors(include_url=False)
    for error in errors[:MAX_ERRORS_SHOWN]:
        loc = _format_loc(error["loc"])
        text = _error_text(error)
        template = msg.ERROR_AT if loc else msg.ERROR_NO_LOC
        lines.append("  " + template.format(loc=loc, message=text))
    if len(errors) > MAX_ERRORS_SHOWN:
        lines.append("  " + msg.MORE_ERRORS.format(count=len(errors) - MAX_ERRORS_SHOWN))
    return "\n".join(lines)


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _error_text(error: Any) -> str:
    kind = error["type"]
    if kind == "value_error":
        ctx = error.get("ctx") or {}
        cause = ctx.get("error")
        return str(cause) if cause is not None else str(error["msg"])
    if kind == "literal_error":
        expected = (error.get("ctx") or {}).get("expected", "")
        return msg.LITERAL_ERROR.format(expected=expected)
    return msg.PYDANTIC_MESSAGES.get(kind, str(error["msg"]))
